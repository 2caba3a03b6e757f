"""One person, one voice: a resident's identity verified three ways, each giving one keyed identity per person.

- an identity provider's attributes (FranceConnect, ProConnect: ``verify_with_provider``, called after sign-in);
- the authority's list of inhabitants (``import_census``), kept only as keyed hashes, that a person matches by
  typing their name, birth date and address (``verify_with_census``);
- an agent who looked at a document at a desk (``verify_at_desk``: which agent, when, which kind of document,
  never a copy).

Every way ends in a ``Verification``: the keyed hash of the normalised name and birth date (``identity_hash``),
unique, so that a second account presenting the same person is refused; and the birth date, from which a
budget's minimum age is checked. The key is ``settings.BOUQUET_IDENTITY_KEY`` (HMAC-SHA256), never in the
database: whoever reads the database without it cannot tell whose hashes these are, nor test a name against them.
"""

import datetime as dt
import hashlib
import hmac
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bouquet.accounts.models import CensusEntry, DocumentKind, User, Verification, VerificationMethod
from bouquet.accounts.rules import is_agent, is_signed_in
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.core.spreadsheet import UnreadableTable, read_table
from bouquet.core.text import fold, parse_day

OLDEST = 130  # years: a birth date further back is a typing mistake
MAX_CENSUS_BYTES = 20 * 1024 * 1024


# ---- keyed hashes ----------------------------------------------------------------------------------------------


def _key() -> bytes:
    configured = settings.BOUQUET_IDENTITY_KEY
    if configured:
        return str(configured).encode()
    return hmac.new(str(settings.SECRET_KEY).encode(), b"bouquet.identity", hashlib.sha256).digest()


def _digest_with(key: bytes, purpose: str, *parts: str) -> str:
    return hmac.new(key, "\x1f".join((purpose, *parts)).encode(), hashlib.sha256).hexdigest()


def first_given_name(given_name: str) -> str:
    """The first given name, hyphens kept together: identity providers send every given name (« Jean-Pierre
    Marie »), a desk or a census usually the first (« Jean-Pierre »)."""
    parts = given_name.replace(",", " ").split()
    return parts[0] if parts else ""


def _digest(purpose: str, *parts: str) -> str:
    return _digest_with(_key(), purpose, *parts)


def identity_hash(*, given_name: str, family_name: str, birthdate: dt.date) -> str:
    """The keyed hash that stands for one person: their first given name, family name (case, accents, spaces
    and hyphens folded) and birth date."""
    return _digest("identite", fold(first_given_name(given_name)), fold(family_name), birthdate.isoformat())


def census_hash(*, given_name: str, family_name: str, birthdate: dt.date, address: str) -> str:
    """The keyed hash of one line of the list of inhabitants: the identity and the address, folded alike."""
    return _digest(
        "recensement",
        fold(first_given_name(given_name)),
        fold(family_name),
        birthdate.isoformat(),
        fold(address),
    )


# ---- checks shared by every way ----------------------------------------------------------------------------------


def age_on(birthdate: dt.date, day: dt.date) -> int:
    """Age in whole years on ``day`` (a person born on 29 February turns a year older on 1 March)."""
    return day.year - birthdate.year - ((day.month, day.day) < (birthdate.month, birthdate.day))


def check_person(*, given_name: str, family_name: str, birthdate: dt.date | None) -> dict[str, str]:
    """What is wrong with a name and birth date typed or received (empty when nothing is)."""
    errors: dict[str, str] = {}
    if not fold(first_given_name(given_name)):
        errors["given_name"] = _("Indiquez le prénom.")
    if not fold(family_name):
        errors["family_name"] = _("Indiquez le nom de famille.")
    today = timezone.localdate()
    if birthdate is None:
        errors["birthdate"] = _("Indiquez la date de naissance.")
    elif birthdate > today:
        errors["birthdate"] = _("La date de naissance est dans le futur.")
    elif age_on(birthdate, today) > OLDEST:
        errors["birthdate"] = _("Cette date de naissance est trop ancienne : vérifiez l'année.")
    return errors


def _refuse_person(given_name: str, family_name: str, birthdate: dt.date | None) -> dt.date:
    errors = check_person(given_name=given_name, family_name=family_name, birthdate=birthdate)
    if errors:
        raise InvalidInput(_("L'identité n'a pas pu être vérifiée."), field_errors=errors)
    assert birthdate is not None  # nosec B101 - type narrowing: a missing date was refused just above
    return birthdate


TAKEN = gettext_lazy(
    "Cette identité est déjà vérifiée sur un autre compte. Une personne n'a qu'un compte pour participer : "
    "connectez-vous avec celui-là, ou demandez à l'accueil de la mairie de fermer l'ancien."
)
OTHER_PERSON = gettext_lazy(
    "Ce compte est déjà vérifié pour une autre personne : une vérification ne peut pas le changer."
)


def _record(
    *,
    user: User,
    identity: str,
    birthdate: dt.date,
    method: VerificationMethod,
    provider: str = "",
    document_kind: str = "",
    checked_by: User | None = None,
) -> Verification:
    """Store (or renew) the account's verified identity; refuse it when another account holds that identity or
    this account holds another one. Call inside a transaction."""
    if not is_signed_in(user) or user.erased_at is not None:
        raise ActionNotAllowed(_("Ce compte n'est pas actif : son identité ne peut pas être vérifiée."))
    if Verification.objects.filter(identity=identity).exclude(user=user).exists():
        raise Conflict(TAKEN)
    existing = Verification.objects.select_for_update().filter(user=user).first()
    if existing is not None and existing.identity != identity:
        raise Conflict(OTHER_PERSON)
    details = {
        "birthdate": birthdate,
        "method": method,
        "provider": provider,
        "document_kind": document_kind,
        "checked_by": checked_by,
    }
    if existing is not None:
        for name, value in details.items():
            setattr(existing, name, value)
        existing.save()
        return existing
    try:
        with transaction.atomic():
            return Verification.objects.create(user=user, identity=identity, **details)
    except IntegrityError:
        # Another account took this identity at the same moment (the unique constraint decided), or this
        # account was verified in another tab: either way this one is refused.
        raise Conflict(TAKEN) from None


# ---- the three ways ----------------------------------------------------------------------------------------------


@transaction.atomic
def verify_with_provider(
    *,
    user: User,
    provider: str,
    given_name: str,
    family_name: str,
    birthdate: dt.date | None,
    address: str = "",
) -> Verification:
    """Verify a person from the attributes an identity provider (FranceConnect, ProConnect) sent after they
    signed in. A provider that sends no birth date cannot verify (422). ``address`` is not needed for the
    identity and is not stored."""
    day = _refuse_person(given_name, family_name, birthdate)
    return _record(
        user=user,
        identity=identity_hash(given_name=given_name, family_name=family_name, birthdate=day),
        birthdate=day,
        method=VerificationMethod.PROVIDER,
        provider=provider[:40],
    )


NOT_IN_CENSUS = gettext_lazy(
    "Ces informations ne correspondent à aucune ligne de la liste des habitants. Vérifiez l'orthographe de "
    "votre nom et de votre adresse, telle qu'elle figure sur vos courriers, ou présentez une pièce d'identité à "
    "l'accueil de la mairie."
)


@transaction.atomic
def verify_with_census(
    *, user: User, given_name: str, family_name: str, birthdate: dt.date | None, address: str
) -> Verification:
    """Verify a person whose name, birth date and address match a line of the authority's list of inhabitants."""
    day = _refuse_person(given_name, family_name, birthdate)
    if not fold(address):
        raise InvalidInput(
            _("L'identité n'a pas pu être vérifiée."), field_errors={"address": _("Indiquez votre adresse.")}
        )
    key = census_hash(given_name=given_name, family_name=family_name, birthdate=day, address=address)
    if not CensusEntry.objects.filter(key=key).exists():
        raise InvalidInput(NOT_IN_CENSUS)
    return _record(
        user=user,
        identity=identity_hash(given_name=given_name, family_name=family_name, birthdate=day),
        birthdate=day,
        method=VerificationMethod.CENSUS,
    )


@transaction.atomic
def verify_at_desk(
    *,
    agent: User,
    person: User,
    given_name: str,
    family_name: str,
    birthdate: dt.date | None,
    document_kind: str,
) -> Verification:
    """An agent looked at a person's identity document at a desk: record who, when and which kind of document
    (never a copy of it)."""
    if not is_agent(agent):
        raise ActionNotAllowed(_("Seuls les agents de la collectivité vérifient une identité à l'accueil."))
    if document_kind not in DocumentKind.values:
        raise InvalidInput(
            _("L'identité n'a pas pu être vérifiée."),
            field_errors={"document_kind": _("Choisissez la pièce présentée.")},
        )
    day = _refuse_person(given_name, family_name, birthdate)
    return _record(
        user=person,
        identity=identity_hash(given_name=given_name, family_name=family_name, birthdate=day),
        birthdate=day,
        method=VerificationMethod.DESK,
        document_kind=document_kind,
        checked_by=agent,
    )


# ---- the list of inhabitants -------------------------------------------------------------------------------------

# The header names accepted for each column, folded (case, accents, spaces and hyphens do not matter).
CENSUS_COLUMNS: dict[str, tuple[str, ...]] = {
    "family_name": ("nom", "nom de famille", "nom de naissance", "nom d usage"),
    "given_name": ("prenom", "prenoms", "premier prenom"),
    "birthdate": ("date de naissance", "naissance", "ne le", "ne e le"),
    "address": ("adresse", "adresse postale", "domicile"),
}
COLUMN_LABELS = {
    "family_name": gettext_lazy("nom"),
    "given_name": gettext_lazy("prénom"),
    "birthdate": gettext_lazy("date de naissance"),
    "address": gettext_lazy("adresse"),
}


@dataclass
class CensusImport:
    """What reading a list of inhabitants gave: rows read, rows refused (line and reason), rows stored."""

    read: int = 0
    stored: int = 0
    refused: list[tuple[int, str]] = field(default_factory=list)


def _columns(header: list[str]) -> dict[str, int]:
    folded = [fold(cell) for cell in header]
    found: dict[str, int] = {}
    for name, accepted in CENSUS_COLUMNS.items():
        for index, cell in enumerate(folded):
            if cell in accepted:
                found[name] = index
                break
    missing = [str(COLUMN_LABELS[name]) for name in CENSUS_COLUMNS if name not in found]
    if missing:
        shown = ", ".join(f"« {cell} »" for cell in header if cell) or _("aucune")
        message = _(
            "Colonnes manquantes : %(missing)s. La première ligne du fichier doit nommer les colonnes nom, "
            "prénom, date de naissance et adresse (colonnes trouvées : %(found)s)."
        ) % {"missing": ", ".join(f"« {m} »" for m in missing), "found": shown}
        raise InvalidInput(message, field_errors={"file": message})
    return found


@transaction.atomic
def import_census(*, agent: User, data: bytes) -> CensusImport:
    """Replace the list of inhabitants with the rows of a CSV or .xlsx file (name, given name, birth date,
    address), kept only as keyed hashes. Rows that cannot be read are refused with their line and reason; a file
    that cannot be read at all, or gives no row, changes nothing."""
    if not is_agent(agent):
        raise ActionNotAllowed(_("Seuls les agents de la collectivité envoient la liste des habitants."))
    if len(data) > MAX_CENSUS_BYTES:
        message = _("Le fichier dépasse 20 Mo.")
        raise InvalidInput(message, field_errors={"file": message})
    try:
        rows = read_table(data)
    except UnreadableTable as error:
        raise InvalidInput(str(error), field_errors={"file": str(error)}) from error
    if not rows:
        message = _("Le fichier est vide.")
        raise InvalidInput(message, field_errors={"file": message})
    columns = _columns(rows[0])
    report = CensusImport()
    keys: dict[str, int] = {}
    secret = _key()
    for line, row in enumerate(rows[1:], start=2):
        if not any(row):
            continue
        report.read += 1
        cells = {name: (row[index] if index < len(row) else "") for name, index in columns.items()}
        given, family, address = (
            fold(first_given_name(cells["given_name"])),
            fold(cells["family_name"]),
            fold(cells["address"]),
        )
        birthdate = parse_day(cells["birthdate"])
        if not family or not given:
            report.refused.append((line, _("nom ou prénom manquant")))
        elif birthdate is None:
            report.refused.append(
                (
                    line,
                    _("date de naissance illisible ou impossible : « %(date)s »")
                    % {"date": cells["birthdate"]},
                )
            )
        elif not address:
            report.refused.append((line, _("adresse manquante")))
        else:
            # census_hash, with the fields folded once and the key derived once for the whole file
            key = _digest_with(secret, "recensement", given, family, birthdate.isoformat(), address)
            if key in keys:
                report.refused.append(
                    (line, _("même personne à la même adresse qu'à la ligne %(line)d") % {"line": keys[key]})
                )
            else:
                keys[key] = line
    if not keys:
        message = _("Aucune ligne n'a pu être lue : la liste des habitants n'a pas été remplacée.")
        raise InvalidInput(message, field_errors={"file": message})
    today = timezone.localdate()
    CensusEntry.objects.all().delete()
    CensusEntry.objects.bulk_create(
        (CensusEntry(key=key, imported_on=today) for key in keys), batch_size=2000
    )
    report.stored = len(keys)
    return report


def census_size() -> tuple[int, dt.date | None]:
    """How many inhabitants the current list holds, and the day it was sent (None when there is none)."""
    latest = CensusEntry.objects.order_by("-imported_on").values_list("imported_on", flat=True).first()
    return CensusEntry.objects.count(), latest


def verification_of(user: object) -> Verification | None:
    """The person's verified identity, or None (anonymous visitors and unverified accounts)."""
    pk = getattr(user, "pk", None)
    if not getattr(user, "is_authenticated", False) or pk is None:
        return None
    return Verification.objects.filter(user_id=pk).select_related("checked_by").first()
