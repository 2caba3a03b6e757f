"""Staged spreadsheet imports, shared by every app that takes rows from a file (paper forms, project lists…).

An app declares what it imports as an ``ImportKind`` and registers it (in its ``AppConfig.ready``); the
back-office page ``backoffice/imports/`` then does the rest for every kind alike: upload → columns (the guessed
mapping preselected) → preview (first rows, and every bad row with its reason) → confirm, once. The file waits in
an ``ImportRecord`` between the steps; on confirmation the kind's ``save`` receives the good rows inside the same
transaction that marks the record done, so the rows are imported all together or not at all, and the file's
fingerprint makes a second import of the same file fail.

Usage::

    register(ImportKind(
        code="outreach.paper",
        label=_("Formulaires papier"),
        fields=lambda scope: [...],                 # tabular.Field list (scope: the id given in the URL, or None)
        allowed=lambda user, scope: ...,            # who may import, here
        save=lambda *, user, rows, scope: len(rows),  # writes the good rows; returns how many it imported
        scope_label=lambda scope: "…",              # what the page says the import is for
        done_url=lambda scope: "/…",                 # where the result page sends the person next
    ))
"""

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from bouquet.core import tabular
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.core.french import format_date
from bouquet.core.models import ImportRecord
from bouquet.core.spreadsheet import UnreadableTable, read_table

MAX_IMPORT_BYTES = 20 * 1024 * 1024
STAGED_FOR = dt.timedelta(days=1)  # a file never confirmed is dropped after this (it may hold personal data)


def _nothing(scope: int | None) -> str:
    return ""


@dataclass(frozen=True)
class ImportKind:
    """What one kind of import takes and who may send it. ``validate`` may refuse a whole row once its values
    are read (``ValueError`` with a French message); ``save`` writes the good rows (it runs inside the import's
    transaction; raising a ``DomainError`` cancels the whole import)."""

    code: str
    label: str | Promise
    fields: Callable[[int | None], Sequence[tabular.Field]]
    allowed: Callable[[Any, int | None], bool]
    save: Callable[..., int]
    scope_label: Callable[[int | None], str] = _nothing
    done_url: Callable[[int | None], str] = _nothing
    validate: Callable[[int | None], Callable[[dict[str, object]], None] | None] = field(
        default=lambda scope: None
    )
    help: str | Promise = ""


_REGISTRY: dict[str, ImportKind] = {}


def register(kind: ImportKind) -> ImportKind:
    """Make a kind of import available to the back-office's import page (idempotent for the same code)."""
    _REGISTRY[kind.code] = kind
    return kind


def get_kind(code: str) -> ImportKind | None:
    """The kind registered under ``code``, or None."""
    return _REGISTRY.get(code)


def registered_kinds() -> list[ImportKind]:
    """Every registered kind, by code."""
    return [_REGISTRY[code] for code in sorted(_REGISTRY)]


@dataclass
class Preview:
    """What a staged file gives with its current mapping."""

    headers: list[str]
    mapping: dict[str, int | None]
    fields: Sequence[tabular.Field]
    missing: list[tabular.Field]
    good: list[tabular.GoodRow]
    bad: list[tabular.BadRow]
    sample: list[list[str]]  # the first rows of the file as they are


def _check_allowed(kind: ImportKind, user: Any, scope: int | None) -> None:
    if not kind.allowed(user, scope):
        raise ActionNotAllowed(_("Vous ne pouvez pas importer ce fichier ici."))


def _already_imported(kind: ImportKind, digest: str) -> ImportRecord | None:
    return (
        ImportRecord.objects.filter(kind=kind.code, fingerprint=digest, status=ImportRecord.Status.DONE)
        .select_related("by")
        .first()
    )


def _refuse_second_import(done: ImportRecord) -> Conflict:
    when = done.imported_at or done.created_at
    message = _(
        "Ce fichier a déjà été importé (le %(day)s, %(count)s lignes) : il n'est pas importé une seconde fois."
    ) % {"day": format_date(timezone.localtime(when)), "count": done.rows_imported}
    return Conflict(message, field_errors={"file": message})


def _rows(record: ImportRecord) -> list[list[str]]:
    try:
        return read_table(bytes(record.data))
    except UnreadableTable as error:
        raise InvalidInput(str(error), field_errors={"file": str(error)}) from error


@transaction.atomic
def stage_import(
    *, user: Any, kind: ImportKind, scope: int | None, filename: str, data: bytes
) -> ImportRecord:
    """Keep a sent file until its import is confirmed, with the guessed column mapping. Refuses a file that
    cannot be read, that has no row under its header, or that was already imported for this kind."""
    _check_allowed(kind, user, scope)
    if len(data) > MAX_IMPORT_BYTES:
        message = _("Le fichier dépasse 20 Mo.")
        raise InvalidInput(message, field_errors={"file": message})
    try:
        rows = read_table(data)
    except UnreadableTable as error:
        raise InvalidInput(str(error), field_errors={"file": str(error)}) from error
    if len(rows) < 2:
        message = _("Le fichier n'a aucune ligne sous la ligne des titres de colonnes.")
        raise InvalidInput(message, field_errors={"file": message})
    digest = tabular.fingerprint(data)
    if done := _already_imported(kind, digest):
        raise _refuse_second_import(done)
    ImportRecord.objects.filter(
        status=ImportRecord.Status.STAGED, created_at__lt=timezone.now() - STAGED_FOR
    ).delete()
    mapping = tabular.guess_mapping(rows[0], kind.fields(scope))
    return ImportRecord.objects.create(
        kind=kind.code,
        scope=scope,
        fingerprint=digest,
        filename=filename[:255],
        by=user,
        data=data,
        mapping=mapping,
    )


def staged_record(*, user: Any, pk: int) -> tuple[ImportRecord, ImportKind]:
    """A file this person sent and has not confirmed yet, with its kind; ``InvalidInput`` when there is none."""
    record = ImportRecord.objects.filter(pk=pk, by_id=getattr(user, "pk", None)).first()
    kind = get_kind(record.kind) if record else None
    if record is None or kind is None:
        raise InvalidInput(_("Cet import n'existe pas ou plus : envoyez le fichier de nouveau."))
    _check_allowed(kind, user, record.scope)
    return record, kind


def choose_mapping(*, user: Any, record: ImportRecord, mapping: dict[str, object]) -> ImportRecord:
    """Record which column gives each field (a form's choices: column index or empty)."""
    kind = get_kind(record.kind)
    if kind is None or record.status != ImportRecord.Status.STAGED:
        raise Conflict(_("Cet import est déjà terminé."))
    _check_allowed(kind, user, record.scope)
    rows = _rows(record)
    fields = kind.fields(record.scope)
    chosen = tabular.clean_mapping(mapping, fields, len(rows[0]))
    used = [index for index in chosen.values() if index is not None]
    if len(used) != len(set(used)):
        message = _("Une même colonne est choisie pour deux champs : choisissez une colonne par champ.")
        raise InvalidInput(message)
    if missing := tabular.missing_columns(chosen, fields):
        message = _("Choisissez une colonne pour : %(fields)s.") % {
            "fields": ", ".join(f"« {f.label} »" for f in missing)
        }
        raise InvalidInput(message)
    record.mapping = chosen
    record.save(update_fields=["mapping", "updated_at"])
    return record


SAMPLE_ROWS = 5


def preview_import(*, record: ImportRecord, kind: ImportKind) -> Preview:
    """Every row of a staged file checked with its mapping: the good ones, the bad ones with their reasons."""
    rows = _rows(record)
    fields = kind.fields(record.scope)
    mapping = {f.name: record.mapping.get(f.name) for f in fields}
    missing = tabular.missing_columns(mapping, fields)
    good, bad = (
        ([], [])
        if missing
        else tabular.check_rows(rows[1:], mapping, fields, validate=kind.validate(record.scope))
    )
    return Preview(
        headers=rows[0],
        mapping=mapping,
        fields=fields,
        missing=missing,
        good=good,
        bad=bad,
        sample=rows[1 : 1 + SAMPLE_ROWS],
    )


def confirm_import(*, user: Any, record: ImportRecord) -> ImportRecord:
    """Import the good rows of a staged file, all together, once: the kind's ``save`` and the record marked done
    share one transaction; a file already imported (even by someone else meanwhile) is refused."""
    kind = get_kind(record.kind)
    if kind is None:
        raise InvalidInput(_("Ce type d'import n'existe plus."))
    _check_allowed(kind, user, record.scope)
    if record.status != ImportRecord.Status.STAGED:
        raise Conflict(_("Cet import est déjà terminé."))
    preview = preview_import(record=record, kind=kind)
    if preview.missing:
        raise InvalidInput(_("Choisissez d'abord une colonne pour chaque champ obligatoire."))
    if not preview.good:
        raise InvalidInput(
            _(
                "Aucune ligne n'est bonne : rien n'a été importé. Corrigez le fichier, puis envoyez-le de nouveau."
            )
        )
    try:
        with transaction.atomic():
            locked = ImportRecord.objects.select_for_update().get(pk=record.pk)
            if locked.status != ImportRecord.Status.STAGED:
                raise Conflict(_("Cet import est déjà terminé."))
            if done := _already_imported(kind, record.fingerprint):
                raise _refuse_second_import(done)
            imported = kind.save(user=user, rows=preview.good, scope=record.scope)
            locked.status = ImportRecord.Status.DONE
            locked.data = b""
            locked.rows_read = len(preview.good) + len(preview.bad)
            locked.rows_imported = imported
            locked.rows_refused = len(preview.bad)
            locked.imported_at = timezone.now()
            locked.save()
    except IntegrityError as error:
        # Another confirmation of the same file won the race: this one changed nothing.
        done = _already_imported(kind, record.fingerprint)
        if done is None:
            raise
        raise _refuse_second_import(done) from error
    return locked


def import_history(*, kind: ImportKind, scope: int | None, limit: int = 20) -> list[ImportRecord]:
    """The latest files imported for a kind (and scope), newest first."""
    records = ImportRecord.objects.filter(kind=kind.code, status=ImportRecord.Status.DONE, scope=scope)
    return list(records.select_related("by").order_by("-imported_at")[:limit])
