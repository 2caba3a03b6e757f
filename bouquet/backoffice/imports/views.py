"""The staged import page (docs/decisions/0024): upload → columns → preview → confirm, for every registered
``core.imports.ImportKind``. The views only parse and render; ``core.imports`` checks and imports."""

import datetime as dt

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from bouquet.accounts.rules import is_signed_in
from bouquet.backoffice.access import back_office_page, staff_user
from bouquet.backoffice.imports.forms import ImportFileForm, MappingForm
from bouquet.backoffice.navigation import may_use_back_office
from bouquet.core import imports
from bouquet.core.errors import ActionNotAllowed, DomainError
from bouquet.core.forms import submit_form
from bouquet.core.french import format_date
from bouquet.core.models import ImportRecord

PREVIEW_ROWS = 5


def _kind_for(request: HttpRequest, code: str, scope: int | None) -> imports.ImportKind:
    """The kind named in the URL, if this person may import it here: 404 for whoever has no back-office at all
    (it does not exist for them), a French refusal (403) for a member of staff outside their scope."""
    kind = imports.get_kind(code)
    if kind is None:
        raise Http404
    if not kind.allowed(request.user, scope):
        if not may_use_back_office(request.user):
            raise Http404
        raise ActionNotAllowed(_("Vous ne pouvez pas importer ce fichier ici."))
    return kind


def _staged(request: HttpRequest, pk: int) -> tuple[ImportRecord, imports.ImportKind]:
    try:
        return imports.staged_record(user=request.user, pk=pk)
    except ActionNotAllowed:
        raise
    except DomainError:
        raise Http404 from None


def _context(record: ImportRecord, kind: imports.ImportKind) -> dict[str, object]:
    return {"record": record, "kind": kind, "scope_label": kind.scope_label(record.scope)}


@back_office_page(allowed=is_signed_in)
def import_upload(request: HttpRequest, kind: str, scope: int | None = None) -> HttpResponse:
    """Step 1: send the file; the columns are guessed from its first line."""
    user = staff_user(request)
    import_kind = _kind_for(request, kind, scope)
    form = ImportFileForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        outcome = submit_form(
            form,
            lambda: imports.stage_import(
                user=user,
                kind=import_kind,
                scope=scope,
                filename=form.cleaned_data["file"].name,
                data=form.cleaned_data["file"].read(),
            ),
        )
        if outcome.ok:
            return redirect("backoffice:import-columns", pk=outcome.value.pk)
        status = outcome.status
    context = {
        "form": form,
        "kind": import_kind,
        "scope_label": import_kind.scope_label(scope),
        "fields": import_kind.fields(scope),
        "history": imports.import_history(kind=import_kind, scope=scope),
    }
    return render(request, "backoffice/imports/upload.html", context, status=status)


@back_office_page(allowed=is_signed_in)
def import_columns(request: HttpRequest, pk: int) -> HttpResponse:
    """Step 2: which column gives each field (the guessed mapping is preselected)."""
    user = staff_user(request)
    record, kind = _staged(request, pk)
    if record.status != ImportRecord.Status.STAGED:
        return redirect("backoffice:import-result", pk=record.pk)
    preview = imports.preview_import(record=record, kind=kind)
    initial = {name: "" if index is None else str(index) for name, index in preview.mapping.items()}
    form = MappingForm(request.POST or None, initial=initial, fields=preview.fields, headers=preview.headers)
    status = 200
    if request.method == "POST":
        outcome = submit_form(
            form, lambda: imports.choose_mapping(user=user, record=record, mapping=form.cleaned_data)
        )
        if outcome.ok:
            return redirect("backoffice:import-preview", pk=record.pk)
        status = outcome.status
    context = {**_context(record, kind), "form": form, "preview": preview}
    return render(request, "backoffice/imports/columns.html", context, status=status)


@back_office_page(allowed=is_signed_in)
def import_preview(request: HttpRequest, pk: int) -> HttpResponse:
    """Step 3: the first rows as they will be read, every bad row with its reason; confirming imports the good
    rows, once."""
    user = staff_user(request)
    record, kind = _staged(request, pk)
    if record.status != ImportRecord.Status.STAGED:
        return redirect("backoffice:import-result", pk=record.pk)
    preview = imports.preview_import(record=record, kind=kind)
    if preview.missing:
        return redirect("backoffice:import-columns", pk=record.pk)
    status = 200
    error = None
    if request.method == "POST":
        try:
            imports.confirm_import(user=user, record=record)
        except DomainError as refusal:
            error = str(refusal.message)
            status = refusal.status_code
        else:
            return redirect("backoffice:import-result", pk=record.pk)
    shown = [
        (row.line, [preview_value(row.values.get(field.name)) for field in preview.fields])
        for row in preview.good[:PREVIEW_ROWS]
    ]
    context = {**_context(record, kind), "preview": preview, "shown": shown, "error": error}
    return render(request, "backoffice/imports/preview.html", context, status=status)


def preview_value(value: object) -> object:
    """A parsed value as the preview shows it (a missing optional value shows nothing)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return _("oui") if value else _("non")
    if isinstance(value, dt.date):
        return format_date(value, short=True)
    return value


@back_office_page(allowed=is_signed_in)
def import_result(request: HttpRequest, pk: int) -> HttpResponse:
    """Step 4: what was imported."""
    record, kind = _staged(request, pk)
    if record.status != ImportRecord.Status.DONE:
        return redirect("backoffice:import-preview", pk=record.pk)
    context = {
        **_context(record, kind),
        "next_url": kind.done_url(record.scope),
        "again_url": import_url(kind.code, record.scope),
    }
    return render(request, "backoffice/imports/result.html", context)


def import_url(kind: str, scope: int | None = None) -> str:
    """The URL of the import page of a kind (and scope), for the pages that link to it."""
    if scope is None:
        return reverse("backoffice:import", kwargs={"kind": kind})
    return reverse("backoffice:import-scoped", kwargs={"kind": kind, "scope": scope})
