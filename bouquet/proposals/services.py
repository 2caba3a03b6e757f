"""Writes on proposals, comments, supports and reports: one function per use case, one transaction each."""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from bouquet.accounts.models import User
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.places.models import District
from bouquet.places.selectors import district_at, place_refusal
from bouquet.processes.models import Action, Process
from bouquet.processes.selectors import process_allows
from bouquet.proposals import rules
from bouquet.proposals.models import (
    ADDRESS_MAX,
    BODY_MAX,
    BODY_MIN,
    COMMENT_MAX,
    REASON_MAX,
    TITLE_MAX,
    TITLE_MIN,
    Comment,
    Moderation,
    ModerationDecision,
    Origin,
    Proposal,
    Report,
    Status,
    Support,
    Theme,
)


@dataclass(frozen=True)
class ProposalInput:
    """What a person typed for a proposal, before validation."""

    title: str
    body: str
    district: District | None = None
    theme: Theme | None = None
    place: tuple[float, float] | None = None
    address: str = ""
    # The key of the form or request: sent twice (a double click, a retried request), it makes one proposal.
    submission_key: uuid.UUID | None = None


def _validate_text(value: str, *, field: str, minimum: int, maximum: int, errors: dict[str, str]) -> str:
    text = (value or "").strip()
    if len(text) < minimum:
        errors[field] = (
            _("Ce champ est obligatoire.")
            if not text
            else _("Écrivez au moins %(n)d caractères (vous en avez écrit %(c)d).")
            % {"n": minimum, "c": len(text)}
        )
    elif len(text) > maximum:
        errors[field] = _("%(n)d caractères au plus (vous en avez écrit %(c)d).") % {
            "n": maximum,
            "c": len(text),
        }
    return text


def _validate_proposal(data: ProposalInput) -> ProposalInput:
    errors: dict[str, str] = {}
    title = _validate_text(data.title, field="title", minimum=TITLE_MIN, maximum=TITLE_MAX, errors=errors)
    body = _validate_text(data.body, field="body", minimum=BODY_MIN, maximum=BODY_MAX, errors=errors)
    address = _validate_text(data.address, field="address", minimum=0, maximum=ADDRESS_MAX, errors=errors)
    if data.place is not None:
        lat, lon = data.place
        if not (-90 <= lat <= 90):
            errors["latitude"] = _("Doit être comprise entre -%(b)s et %(b)s.") % {"b": 90}
        if not (-180 <= lon <= 180):
            errors["longitude"] = _("Doit être comprise entre -%(b)s et %(b)s.") % {"b": 180}
        refusal = None if errors else place_refusal(latitude=lat, longitude=lon)
        if refusal:
            errors["latitude"] = refusal
    if errors:
        raise InvalidInput(
            _("La proposition n'a pas été enregistrée : corrigez les champs signalés."), field_errors=errors
        )
    district = data.district
    if district is None and data.place is not None:
        # A point placed on the map says which district the proposal is about.
        district = district_at(latitude=data.place[0], longitude=data.place[1])
    return ProposalInput(
        title=title, body=body, district=district, theme=data.theme, place=data.place, address=address
    )


@transaction.atomic
def submit_proposal(
    *,
    author: User,
    process: Process,
    data: ProposalInput,
    origin: Origin = Origin.ONLINE,
    coauthors: Iterable[User] = (),
) -> Proposal:
    """Publish a new proposal in a process during its proposals phase.

    Placing it in a bouquet is the bouquets app's part: callers that want both call
    ``bouquet.bouquets.flows.submit_and_place_proposal``, which calls this first."""
    if not rules.can_submit(author, process):
        raise ActionNotAllowed(_("Le dépôt de propositions n'est pas ouvert pour cette démarche."))
    if origin != Origin.ONLINE and not rules.can_record_for_others(author, process):
        raise ActionNotAllowed(
            _("Seuls les animateurs et les agents enregistrent des propositions recueillies.")
        )
    clean = _validate_proposal(data)
    earlier = _already_submitted(Proposal, author, data.submission_key)
    if earlier is not None:
        return earlier
    try:
        with transaction.atomic():
            proposal = Proposal.objects.create(
                process=process,
                author=author,
                title=clean.title,
                body=clean.body,
                district=clean.district,
                theme=clean.theme,
                latitude=clean.place[0] if clean.place else None,
                longitude=clean.place[1] if clean.place else None,
                address=clean.address,
                origin=origin,
                submission_key=data.submission_key,
            )
    except IntegrityError:
        # The same submission, posted at the same moment, won the race: it is this one.
        if data.submission_key is None:
            raise
        return Proposal.objects.get(author=author, submission_key=data.submission_key)
    others = [user for user in coauthors if user.pk != author.pk]
    if others:
        proposal.coauthors.add(*others)
    return proposal


@transaction.atomic
def join_as_coauthor(*, citizen: User, proposal: Proposal) -> Proposal:
    """Someone who was about to propose the same thing joins an existing proposal as co-author."""
    if not rules.can_join(citizen, proposal):
        raise ActionNotAllowed(_("On ne peut plus rejoindre cette proposition."))
    if proposal.author_id == citizen.pk or proposal.coauthors.filter(pk=citizen.pk).exists():
        raise Conflict(_("Vous êtes déjà auteur de cette proposition."))
    proposal.coauthors.add(citizen)
    return proposal


@transaction.atomic
def edit_proposal(*, editor: User, proposal: Proposal, data: ProposalInput) -> Proposal:
    """Change a proposal's text or place; only its authors, and only while nobody supports it."""
    locked = Proposal.objects.select_for_update(of=("self",)).select_related("process").get(pk=proposal.pk)
    if locked.support_count > 0 or locked.supports.exists():
        raise Conflict(_("Cette proposition a déjà des soutiens : elle ne peut plus être modifiée."))
    if not rules.can_edit(editor, locked):
        raise ActionNotAllowed(_("Vous ne pouvez pas modifier cette proposition."))
    clean = _validate_proposal(data)
    locked.title = clean.title
    locked.body = clean.body
    locked.district = clean.district
    locked.theme = clean.theme
    locked.latitude = clean.place[0] if clean.place else None
    locked.longitude = clean.place[1] if clean.place else None
    locked.address = clean.address
    locked.save()
    return locked


@transaction.atomic
def withdraw_proposal(*, actor: User, proposal: Proposal) -> Proposal:
    """The authors withdraw their proposal; it stays readable, marked as withdrawn."""
    if not rules.can_withdraw(actor, proposal):
        raise ActionNotAllowed(_("Vous ne pouvez pas retirer cette proposition."))
    Proposal.objects.filter(pk=proposal.pk).update(status=Status.WITHDRAWN, updated_at=timezone.now())
    proposal.refresh_from_db()
    return proposal


@transaction.atomic
def answer_proposal(*, agent: User, proposal: Proposal, status: Status, answer: str) -> Proposal:
    """Record the authority's decision and public answer."""
    if not rules.can_answer(agent, proposal):
        raise ActionNotAllowed(_("Seuls les agents de la collectivité peuvent répondre."))
    if status == Status.WITHDRAWN:
        raise InvalidInput(
            _("Seuls les auteurs retirent une proposition."), field_errors={"status": _("Statut refusé.")}
        )
    errors: dict[str, str] = {}
    text = _validate_text(answer, field="answer", minimum=0, maximum=BODY_MAX, errors=errors)
    if status != Status.SUBMITTED and not text:
        errors["answer"] = _("Expliquez la décision aux habitants.")
    if errors:
        raise InvalidInput(_("La réponse n'a pas été enregistrée."), field_errors=errors)
    proposal.status = status
    proposal.answer = text
    proposal.answered_at = timezone.now()
    proposal.save(update_fields=["status", "answer", "answered_at", "updated_at"])
    return proposal


def add_support(*, citizen: User, proposal: Proposal) -> tuple[Support, bool]:
    """Record that a person supports a proposal, once; returns the support and whether it is new."""
    if not rules.can_support(citizen, proposal):
        if not process_allows(proposal.process, Action.SUPPORT):
            raise ActionNotAllowed(_("Les soutiens ne sont pas ouverts pendant cette phase."))
        raise ActionNotAllowed(_("Vous ne pouvez pas soutenir cette proposition."))
    try:
        with transaction.atomic():
            support = Support.objects.create(proposal=proposal, citizen=citizen)
            # The counter moves in the same transaction as the row, so the two never disagree.
            Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + 1)
    except IntegrityError:
        return Support.objects.get(proposal=proposal, citizen=citizen), False
    return support, True


@transaction.atomic
def remove_support(*, citizen: User, proposal: Proposal) -> bool:
    """Take a support back during the supports phase; returns whether there was one."""
    if not process_allows(proposal.process, Action.SUPPORT):
        raise ActionNotAllowed(_("Les soutiens ne sont pas ouverts pendant cette phase."))
    deleted, _detail = Support.objects.filter(proposal=proposal, citizen=citizen).delete()
    if deleted:
        Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") - 1)
    return bool(deleted)


def _already_submitted[M: (Proposal, Comment)](
    model: type[M], author: User, key: uuid.UUID | None
) -> M | None:
    """What this person already made with this submission key (None without a key)."""
    if key is None:
        return None
    return model.objects.filter(author=author, submission_key=key).first()


@transaction.atomic
def add_comment(
    *,
    author: User,
    proposal: Proposal,
    body: str,
    parent: Comment | None = None,
    submission_key: uuid.UUID | None = None,
) -> Comment:
    """Comment on a proposal, or reply to a top-level comment (one level of replies); the same submission key
    sent twice makes one comment."""
    if not rules.can_comment(author, proposal):
        raise ActionNotAllowed(_("Les commentaires ne sont pas ouverts pour cette proposition."))
    errors: dict[str, str] = {}
    text = _validate_text(body, field="body", minimum=2, maximum=COMMENT_MAX, errors=errors)
    if parent is not None:
        if parent.proposal_id != proposal.pk:
            errors["parent"] = _("Ce commentaire n'appartient pas à cette proposition.")
        elif parent.moderation != Moderation.PUBLISHED:
            errors["parent"] = _("On ne peut pas répondre à un commentaire masqué.")
        elif parent.parent_id is not None:
            # One level of replies: answering a reply attaches to the same thread.
            parent = parent.parent
    if errors:
        raise InvalidInput(_("Le commentaire n'a pas été publié."), field_errors=errors)
    earlier = _already_submitted(Comment, author, submission_key)
    if earlier is not None:
        return earlier
    try:
        with transaction.atomic():
            comment = Comment.objects.create(
                proposal=proposal, author=author, body=text, parent=parent, submission_key=submission_key
            )
            Proposal.objects.filter(pk=proposal.pk).update(comment_count=F("comment_count") + 1)
    except IntegrityError:
        if submission_key is None:
            raise
        return Comment.objects.get(author=author, submission_key=submission_key)
    return comment


def _reported_item(proposal: Proposal | None, comment: Comment | None) -> Proposal | Comment:
    if (proposal is None) == (comment is None):
        raise InvalidInput(_("Signalez une proposition ou un commentaire."))
    return proposal if proposal is not None else comment  # type: ignore[return-value]


@transaction.atomic
def report_item(
    *, reporter: User, reason: str, proposal: Proposal | None = None, comment: Comment | None = None
) -> Report:
    """Report an item; enough distinct reporters hide it until a moderator decides."""
    item = _reported_item(proposal, comment)
    if not rules.can_report(reporter, item):
        raise ActionNotAllowed(_("Connectez-vous pour signaler un contenu."))
    errors: dict[str, str] = {}
    text = _validate_text(reason, field="reason", minimum=3, maximum=REASON_MAX, errors=errors)
    if errors:
        raise InvalidInput(_("Le signalement n'a pas été enregistré."), field_errors=errors)
    model = type(item)
    target = {"proposal": proposal} if proposal is not None else {"comment": comment}
    locked = model.objects.select_for_update().get(pk=item.pk)  # serialise reports on one item
    existing = Report.objects.filter(reporter=reporter, resolved=False, **target).first()
    if existing is not None:
        raise Conflict(_("Vous avez déjà signalé ce contenu ; la modération va l'examiner."))
    report = Report.objects.create(reporter=reporter, reason=text, **target)
    open_reports = Report.objects.filter(resolved=False, **target).values("reporter").distinct().count()
    if locked.moderation == Moderation.PUBLISHED and open_reports >= settings.BOUQUET_REPORTS_TO_HIDE:
        model.objects.filter(pk=item.pk).update(moderation=Moderation.PENDING)
    return report


@transaction.atomic
def moderate_item(
    *,
    moderator: User,
    verdict: ModerationDecision.Verdict,
    reason: str,
    proposal: Proposal | None = None,
    comment: Comment | None = None,
) -> ModerationDecision:
    """Hide or restore an item with a reason; its open reports are closed."""
    item = _reported_item(proposal, comment)
    if not rules.can_moderate(moderator, item):
        raise ActionNotAllowed(_("Seuls les modérateurs peuvent masquer ou rétablir un contenu."))
    errors: dict[str, str] = {}
    text = _validate_text(reason, field="reason", minimum=3, maximum=REASON_MAX, errors=errors)
    if errors:
        raise InvalidInput(_("La décision n'a pas été enregistrée."), field_errors=errors)
    target = {"proposal": proposal} if proposal is not None else {"comment": comment}
    state = Moderation.HIDDEN if verdict == ModerationDecision.Verdict.HIDE else Moderation.PUBLISHED
    type(item).objects.filter(pk=item.pk).update(moderation=state)
    Report.objects.filter(resolved=False, **target).update(resolved=True)
    item.moderation = state
    return ModerationDecision.objects.create(moderator=moderator, verdict=verdict, reason=text, **target)
