"""A person exercises their rights: download everything held about them, delete their account."""

import csv
import io
import json
import zipfile

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bouquet.accounts.models import Role, User
from bouquet.accounts.services import anonymise_account
from bouquet.core.errors import ActionNotAllowed, InvalidInput
from bouquet.core.spreadsheet import neutralise
from bouquet.privacy.selectors import personal_data

README = gettext_lazy(
    "Voici toutes les données que la plateforme garde à votre sujet, le %(date)s.\n"
    "donnees.json les contient toutes ; chaque fichier .csv en reprend une partie, lisible dans un tableur.\n"
    "Vos bulletins secrets n'y sont pas : rien ne les relie à vous, pas même pour la plateforme.\n"
)


def export_personal_data(*, person: User) -> bytes:
    """A ZIP file with everything held about the person: one JSON file with it all, and one CSV per table."""
    tables = personal_data(person=person)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("LISEZMOI.txt", str(README) % {"date": timezone.localdate().isoformat()})
        archive.writestr("donnees.json", json.dumps(tables, ensure_ascii=False, indent=2, default=str))
        for name, rows in tables.items():
            text = io.StringIO()
            if rows:
                writer = csv.DictWriter(text, fieldnames=list(rows[0]), delimiter=";")
                writer.writeheader()
                writer.writerows({key: neutralise(value) for key, value in row.items()} for row in rows)
            archive.writestr(f"{name}.csv", "\ufeff" + text.getvalue())  # BOM: spreadsheets read it as UTF-8
    return buffer.getvalue()


@transaction.atomic
def erase_account(*, person: User, confirmation: str) -> User:
    """Delete a person's account at their request: their contributions stay, signed « Compte supprimé », their
    supports and participations still count, and nothing held any longer says who they were."""
    if person.erased_at is not None or not person.is_active:
        raise ActionNotAllowed(_("Ce compte n'est plus actif."))
    if person.is_superuser or person.role == Role.ADMINISTRATOR:
        raise ActionNotAllowed(
            _("Un administrateur confie d'abord son rôle à quelqu'un d'autre, puis supprime son compte.")
        )
    if confirmation.strip().lower() != person.email.lower():
        raise InvalidInput(
            _("Le compte n'a pas été supprimé."),
            field_errors={"confirmation": _("Recopiez exactement votre adresse e-mail pour confirmer.")},
        )
    return anonymise_account(person=person)
