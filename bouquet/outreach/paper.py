"""Paper forms typed into a spreadsheet, imported through the back-office's staged import page (``core.imports``):
one row per person and proposal, in the columns of the printed form (``printing.PAPER_COLUMNS``)."""

from functools import partial
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from bouquet.core import imports, tabular
from bouquet.core.errors import InvalidInput
from bouquet.outreach import rules
from bouquet.outreach.services import ContributorInput, GatheredInput, normalised_contact, record_contribution
from bouquet.outreach.tasks import place_gathered_proposals
from bouquet.places.models import District
from bouquet.processes.models import Process
from bouquet.proposals.models import BODY_MAX, BODY_MIN, TITLE_MAX, TITLE_MIN, Origin

KIND = "formulaires-papier"
PLACE_BATCH = 500

# The printed form's columns, in order: (field name, header printed on the form and expected in the file).
PAPER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("said_on", "date"),
    ("name", "prénom ou pseudonyme"),
    ("district", "quartier"),
    ("contact", "contact"),
    ("consent", "consentement"),
    ("title", "titre"),
    ("body", "proposition"),
)


def _process(scope: int | None) -> Process | None:
    return Process.objects.filter(pk=scope).first() if scope is not None else None


def _bounded(minimum: int, maximum: int) -> Any:
    def parse(cell: str) -> str:
        if len(cell) < minimum:
            raise ValueError(_("au moins %(n)d caractères") % {"n": minimum})
        if len(cell) > maximum:
            raise ValueError(_("%(n)d caractères au plus (ici %(c)d)") % {"n": maximum, "c": len(cell)})
        return cell

    return parse


def paper_fields(scope: int | None) -> list[tabular.Field]:
    """The columns of a paper form file; districts are those of the territory, dates not after today."""
    districts = {d.name: d for d in District.objects.all()}
    return [
        tabular.Field(
            "said_on",
            gettext_lazy("date"),
            parse=tabular.day(latest=timezone.localdate()),
            synonyms=("jour", "date de recueil"),
            help=gettext_lazy(
                "Le jour où la personne a rempli le formulaire (JJ/MM/AAAA), jamais dans le futur."
            ),
        ),
        tabular.Field(
            "name",
            gettext_lazy("prénom ou pseudonyme"),
            parse=tabular.text(max_length=80),
            synonyms=("prénom", "prenom", "pseudonyme", "pseudo", "nom"),
        ),
        tabular.Field(
            "district",
            gettext_lazy("quartier"),
            required=False,
            parse=tabular.one_of(districts, what="quartier"),
            help=gettext_lazy("Facultatif ; le nom d'un quartier du territoire."),
        ),
        tabular.Field(
            "contact",
            gettext_lazy("contact"),
            required=False,
            parse=tabular.text(max_length=200),
            synonyms=("e-mail", "email", "téléphone", "courriel"),
            help=gettext_lazy("Facultatif ; pour lui dire ce que devient sa proposition."),
        ),
        tabular.Field(
            "consent",
            gettext_lazy("consentement"),
            parse=tabular.yes_no,
            synonyms=("accord", "j'accepte"),
            help=gettext_lazy(
                "« oui » si la personne a coché la case de consentement ; sinon la ligne est refusée."
            ),
        ),
        tabular.Field(
            "title",
            gettext_lazy("titre"),
            required=False,
            parse=_bounded(TITLE_MIN, TITLE_MAX),
            help=gettext_lazy("Facultatif ; sinon le début de la proposition."),
        ),
        tabular.Field(
            "body",
            gettext_lazy("proposition"),
            parse=_bounded(BODY_MIN, BODY_MAX),
            synonyms=("idée", "texte", "description", "votre proposition"),
        ),
    ]


def _validate(scope: int | None) -> Any:
    def validate(values: dict[str, object]) -> None:
        if not values["consent"]:
            raise ValueError(
                _("la personne n'a pas donné son consentement : sa proposition n'est pas importée")
            )
        contact = str(values.get("contact") or "")
        if contact:
            try:
                normalised_contact(contact)
            except InvalidInput as error:
                raise ValueError(str(error.message)) from None

    return validate


def title_from(body: str) -> str:
    """A title from the first words of a proposal (a paper form often has none)."""
    words, title = body.split(), ""
    for word in words:
        if len(title) + len(word) + 1 > TITLE_MAX - 1:
            return title + "…"
        title = f"{title} {word}".strip()
    return title if len(title) >= TITLE_MIN else (title + " (papier)")[:TITLE_MAX]


def save_paper_rows(*, user: Any, rows: list[tabular.GoodRow], scope: int | None) -> int:
    """Record each good row as a contribution gathered on paper (origin ``import``)."""
    process = _process(scope)
    if process is None:
        return 0
    proposal_ids: list[int] = []
    for row in rows:
        values = row.values
        body = str(values["body"])
        district = values.get("district")
        contribution = record_contribution(
            facilitator=user,
            data=GatheredInput(
                process=process,
                person=ContributorInput(
                    name=str(values["name"]),
                    consent=bool(values["consent"]),
                    district=district if isinstance(district, District) else None,
                    contact=str(values.get("contact") or ""),
                ),
                title=str(values.get("title") or title_from(body)),
                body=body,
                origin=Origin.IMPORT,
                said_on=values["said_on"],  # type: ignore[arg-type]
                place_later=True,
            ),
        )
        proposal_ids.append(contribution.proposal_id)
    # Placed in their bouquets by a few background tasks once the import is committed, not one task per row.
    for start in range(0, len(proposal_ids), PLACE_BATCH):
        transaction.on_commit(
            partial(place_gathered_proposals.enqueue, proposal_ids[start : start + PLACE_BATCH])
        )
    return len(rows)


def _allowed(user: Any, scope: int | None) -> bool:
    process = _process(scope)
    return process is not None and bool(rules.can_record_for(user, process))


def _scope_label(scope: int | None) -> str:
    process = _process(scope)
    return process.title if process else ""


def _done_url(scope: int | None) -> str:
    process = _process(scope)
    return reverse("outreach:street") if process else ""


PAPER_FORMS = imports.register(
    imports.ImportKind(
        code=KIND,
        label=gettext_lazy("Formulaires papier"),
        fields=paper_fields,
        allowed=_allowed,
        save=save_paper_rows,
        scope_label=_scope_label,
        done_url=_done_url,
        validate=_validate,
        help=gettext_lazy(
            "Les formulaires papier recopiés dans un tableur, une ligne par personne, dans les colonnes du "
            "formulaire imprimé. Chaque ligne devient une proposition de la démarche, recueillie sur papier."
        ),
    )
)
