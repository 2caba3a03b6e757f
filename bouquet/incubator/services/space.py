"""Writes in an initiative's private space: notes, decisions, meeting logs, tasks and documents. Members only.

A document is checked for what it is, not what its name says: its first bytes must match its extension (a PDF
starts with « %PDF- », an OpenDocument or Office file is a zip with its own manifest, a text is UTF-8 without
NUL bytes), and a picture is re-encoded by Pillow without its metadata (``core.images``)."""

import datetime as dt
import io
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import PurePath
from typing import Final

from django.core.files.base import ContentFile, File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bouquet.accounts.models import User
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.core.images import clean_image
from bouquet.incubator import rules
from bouquet.incubator.models import Document, Initiative, SpaceEntry, SpaceEntryKind, Task
from bouquet.incubator.services.initiatives import touch

MAX_DOCUMENT_BYTES: Final = 10 * 1024 * 1024
IMAGES: Final = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "webp": "image/webp"}
ZIPPED: Final = {
    "odt": ("application/vnd.oasis.opendocument.text", "mimetype"),
    "ods": ("application/vnd.oasis.opendocument.spreadsheet", "mimetype"),
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "[Content_Types].xml",
    ),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "[Content_Types].xml"),
}
TEXTS: Final = {"txt": "text/plain", "csv": "text/csv", "md": "text/markdown"}
ACCEPTED: Final = ("pdf", *IMAGES, *ZIPPED, *TEXTS)


def _member(person: User, initiative: Initiative) -> None:
    if not rules.can_write_space(person, initiative):
        raise ActionNotAllowed(_("Seuls les membres du groupe écrivent dans son espace privé."))


@transaction.atomic
def add_entry(
    *, author: User, initiative: Initiative, kind: str, title: str, body: str, held_on: dt.date | None = None
) -> SpaceEntry:
    """A member writes a note, a decision or a meeting's log."""
    _member(author, initiative)
    errors = {}
    if kind not in SpaceEntryKind.values:
        errors["kind"] = _("Choisissez : note, décision ou compte rendu de réunion.")
    if not title.strip():
        errors["title"] = _("Donnez un titre.")
    if not body.strip():
        errors["body"] = _("Écrivez le texte.")
    if errors:
        raise InvalidInput(_("Rien n'a été enregistré."), field_errors=errors)
    entry = SpaceEntry.objects.create(
        initiative=initiative,
        kind=kind,
        title=title.strip()[:160],
        body=body.strip(),
        held_on=held_on or timezone.localdate(),
        author=author,
    )
    touch(initiative)
    return entry


@transaction.atomic
def add_task(
    *, author: User, initiative: Initiative, title: str, owner: User | None, due_on: dt.date | None
) -> Task:
    """A member adds a task, with the member who takes it on and when it is due."""
    _member(author, initiative)
    if not title.strip():
        message = _("Dites ce qu'il y a à faire.")
        raise InvalidInput(message, field_errors={"title": message})
    if owner is not None and not rules.is_member(owner, initiative):
        message = _("La tâche revient à un membre du groupe.")
        raise InvalidInput(message, field_errors={"owner": message})
    task = Task.objects.create(initiative=initiative, title=title.strip()[:160], owner=owner, due_on=due_on)
    touch(initiative)
    return task


@transaction.atomic
def complete_task(*, person: User, task: Task) -> Task:
    """A member marks a task done (once)."""
    _member(person, task.initiative)
    if task.done_at is not None:
        raise Conflict(_("Cette tâche est déjà faite."))
    task.done_at = timezone.now()
    task.save(update_fields=["done_at", "updated_at"])
    touch(task.initiative)
    return task


@dataclass(frozen=True, slots=True)
class Checked:
    content: ContentFile[bytes]
    content_type: str
    extension: str


def _refuse(message: str) -> InvalidInput:
    return InvalidInput(message, field_errors={"file": message})


def check_document(upload: File[bytes]) -> Checked:
    """The upload if it is what its name says (and a picture without its metadata), or ``InvalidInput``."""
    if upload.size is not None and upload.size > MAX_DOCUMENT_BYTES:
        raise _refuse(_("Le document pèse plus de 10 Mo : réduisez-le avant de l'envoyer."))
    extension = PurePath(upload.name or "").suffix.lower().lstrip(".")
    if extension not in ACCEPTED:
        raise _refuse(
            _(
                "Ce type de fichier n'est pas accepté. Envoyez un PDF, une image (JPEG, PNG, WebP), un texte, "
                "un document OpenDocument ou Office."
            )
        )
    if extension in IMAGES:
        image = clean_image(upload, field="file")
        return Checked(image, IMAGES[extension], PurePath(image.name or "").suffix.lstrip(".") or extension)
    upload.seek(0)
    data = upload.read()
    if len(data) > MAX_DOCUMENT_BYTES:
        raise _refuse(_("Le document pèse plus de 10 Mo : réduisez-le avant de l'envoyer."))
    not_what_it_says = _("Ce fichier n'est pas ce que son nom annonce (« .%(ext)s ») : il a été refusé.") % {
        "ext": extension
    }
    if extension == "pdf":
        if not data.startswith(b"%PDF-"):
            raise _refuse(not_what_it_says)
        content_type = "application/pdf"
    elif extension in ZIPPED:
        content_type, manifest = ZIPPED[extension]
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                if manifest not in archive.namelist():
                    raise _refuse(not_what_it_says)
        except zipfile.BadZipFile as error:
            raise _refuse(not_what_it_says) from error
    else:
        if b"\x00" in data:
            raise _refuse(not_what_it_says)
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise _refuse(not_what_it_says) from error
        content_type = TEXTS[extension]
    return Checked(ContentFile(data, name=f"{uuid.uuid4().hex}.{extension}"), content_type, extension)


@transaction.atomic
def upload_document(*, author: User, initiative: Initiative, name: str, upload: File[bytes]) -> Document:
    """A member adds a document to the private space, checked first."""
    _member(author, initiative)
    checked = check_document(upload)
    shown = (name or PurePath(upload.name or "").stem or _("Document")).strip()[:150]
    document = Document(
        initiative=initiative,
        name=shown,
        content_type=checked.content_type,
        size=checked.content.size,
        uploaded_by=author,
    )
    document.file.save(f"{uuid.uuid4().hex}.{checked.extension}", checked.content, save=False)
    document.save()
    touch(initiative)
    return document
