"""Writes on proposals, comments, supports and reports: one function per use case, one transaction each."""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from bouquet.accounts.models import User
from bouquet.accounts.rules import is_agent
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.core.usage import describe_uses, what_uses
from bouquet.places.models import District, Place
from bouquet.places.models import Moderation as PlaceModeration
from bouquet.places.selectors import district_at, place_refusal
from bouquet.processes.models import Action, Process
from bouquet.processes.selectors import process_allows
from bouquet.proposals import events, rules
from bouquet.proposals.models import (
    ADDRESS_MAX,
    BODY_MAX,
    BODY_MIN,
    COMMENT_MAX,
    EDITABLE_FIELDS,
    MESSAGE_MAX,
    REASON_MAX,
    TITLE_MAX,
    TITLE_MIN,
    CoauthorRequest,
    Comment,
    Moderation,
    ModerationDecision,
    Origin,
    Proposal,
    ProposalRevision,
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
    # The named place the proposal is about (bouquet.places.Place), shown on that place's timeline.
    named_place: Place | None = None
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
    if data.named_place is not None and data.named_place.moderation != PlaceModeration.PUBLISHED:
        errors["lieu"] = _("Ce lieu n'est pas publié : choisissez-en un autre.")
    if data.place is None and data.named_place is not None:
        # A proposal about a named place stands where the place is, unless its author pinned it elsewhere.
        data = replace(data, place=(data.named_place.latitude, data.named_place.longitude))
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
        title=title,
        body=body,
        district=district,
        theme=data.theme,
        place=data.place,
        address=address,
        named_place=data.named_place,
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
                place=clean.named_place,
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
    events.proposal_submitted(proposal)
    return proposal


def _record_revision(
    *,
    proposal: Proposal,
    actor: User,
    kind: ProposalRevision.Kind,
    fields: Iterable[str] = (),
    person: User | None = None,
) -> ProposalRevision:
    """Write one line of the proposal's history (called by the services that change it)."""
    return ProposalRevision.objects.create(
        proposal=proposal, actor=actor, kind=kind, fields=list(fields), person=person
    )


def check_coauthorship_request(*, citizen: User, proposal: Proposal) -> None:
    """Raise the reason why this person may not ask to join this proposal now (before they write a message)."""
    if rules.is_author(citizen, proposal):
        raise Conflict(_("Vous êtes déjà auteur de cette proposition."))
    if proposal.status == Status.WITHDRAWN:
        raise Conflict(_("Cette proposition a été retirée : on ne peut plus la rejoindre."))
    if proposal.moderation != Moderation.PUBLISHED:
        raise Conflict(_("Cette proposition est masquée par la modération : on ne peut pas la rejoindre."))
    if not rules.can_request_coauthorship(citizen, proposal):
        raise ActionNotAllowed(_("On ne peut plus demander à rejoindre cette proposition."))


@transaction.atomic
def request_coauthorship(*, citizen: User, proposal: Proposal, message: str = "") -> CoauthorRequest:
    """Ask to co-sign someone else's proposal instead of writing a duplicate; its authors accept or refuse.

    The request row is what a notifications app will announce to the authors."""
    locked = Proposal.objects.select_for_update(of=("self",)).select_related("process").get(pk=proposal.pk)
    check_coauthorship_request(citizen=citizen, proposal=locked)
    errors: dict[str, str] = {}
    text = _validate_text(message, field="message", minimum=0, maximum=MESSAGE_MAX, errors=errors)
    if errors:
        raise InvalidInput(_("La demande n'a pas été envoyée."), field_errors=errors)
    pending = CoauthorRequest.objects.filter(
        proposal=locked, requester=citizen, state=CoauthorRequest.State.PENDING
    )
    if pending.exists():
        raise Conflict(_("Vous avez déjà demandé à rejoindre cette proposition : ses auteurs vont répondre."))
    request = CoauthorRequest.objects.create(proposal=locked, requester=citizen, message=text)
    events.coauthorship_requested(request)
    return request


@transaction.atomic
def answer_coauthor_request(*, author: User, request: CoauthorRequest, accept: bool) -> CoauthorRequest:
    """An author of the proposal accepts (the person becomes a co-author) or refuses a request to join it.

    The answered row is what a notifications app will announce to the person who asked."""
    locked = CoauthorRequest.objects.select_for_update(of=("self",)).get(pk=request.pk)
    proposal = Proposal.objects.select_related("process").get(pk=locked.proposal_id)
    if not rules.can_answer_coauthor_request(author, proposal):
        raise ActionNotAllowed(_("Seuls les auteurs de la proposition répondent à cette demande."))
    if locked.state != CoauthorRequest.State.PENDING:
        raise Conflict(_("Cette demande a déjà reçu une réponse."))
    if accept and not rules.coauthorship_open(proposal):
        raise Conflict(_("Cette proposition ne prend plus de co-auteurs : vous pouvez seulement refuser."))
    locked.state = CoauthorRequest.State.ACCEPTED if accept else CoauthorRequest.State.REFUSED
    locked.answered_by = author
    locked.answered_at = timezone.now()
    locked.save(update_fields=["state", "answered_by", "answered_at", "updated_at"])
    if accept:
        proposal.coauthors.add(locked.requester)
        _record_revision(
            proposal=proposal,
            actor=author,
            kind=ProposalRevision.Kind.COAUTHOR_JOINED,
            person=locked.requester,
        )
    events.coauthorship_answered(locked)
    return locked


@transaction.atomic
def leave_coauthorship(*, coauthor: User, proposal: Proposal) -> Proposal:
    """A co-author stops co-signing a proposal (the first author withdraws it instead)."""
    if not rules.can_leave(coauthor, proposal):
        if rules.is_first_author(coauthor, proposal):
            raise Conflict(_("Vous avez déposé cette proposition : vous pouvez la retirer, pas la quitter."))
        raise ActionNotAllowed(_("Vous ne co-signez pas cette proposition."))
    proposal.coauthors.remove(coauthor)
    _record_revision(
        proposal=proposal, actor=coauthor, kind=ProposalRevision.Kind.COAUTHOR_LEFT, person=coauthor
    )
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
    before = {name: getattr(locked, name) for name in EDITABLE_FIELDS}
    locked.title = clean.title
    locked.body = clean.body
    locked.district = clean.district
    locked.theme = clean.theme
    locked.latitude = clean.place[0] if clean.place else None
    locked.longitude = clean.place[1] if clean.place else None
    locked.address = clean.address
    locked.place = clean.named_place
    locked.save()
    changed = [name for name in EDITABLE_FIELDS if getattr(locked, name) != before[name]]
    if changed:
        _record_revision(proposal=locked, actor=editor, kind=ProposalRevision.Kind.EDITED, fields=changed)
    return locked


@transaction.atomic
def withdraw_proposal(*, actor: User, proposal: Proposal) -> Proposal:
    """The first author withdraws the proposal; it stays readable, marked as withdrawn, and the requests to
    join it that were waiting are refused."""
    if not rules.can_withdraw(actor, proposal):
        if rules.is_coauthor(actor, proposal):
            raise ActionNotAllowed(
                _("Seule la personne qui a déposé la proposition peut la retirer ; vous pouvez la quitter.")
            )
        raise ActionNotAllowed(_("Vous ne pouvez pas retirer cette proposition."))
    now = timezone.now()
    Proposal.objects.filter(pk=proposal.pk).update(status=Status.WITHDRAWN, updated_at=now)
    CoauthorRequest.objects.filter(proposal=proposal, state=CoauthorRequest.State.PENDING).update(
        state=CoauthorRequest.State.REFUSED, answered_by=actor, answered_at=now, updated_at=now
    )
    proposal.refresh_from_db()
    _record_revision(proposal=proposal, actor=actor, kind=ProposalRevision.Kind.WITHDRAWN)
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
    events.proposal_answered(agent, proposal)
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
    events.proposal_supported(citizen, proposal)
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
    replied_to = parent
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
    events.comment_posted(comment, replied_to)
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


def _moderation_refusal(moderator: User) -> ActionNotAllowed:
    if rules.can_moderate(moderator):
        return ActionNotAllowed(
            _(
                "Ce contenu n'est pas de votre ressort : vous modérez d'autres démarches ou d'autres quartiers."
            )
        )
    return ActionNotAllowed(_("Seuls les modérateurs peuvent masquer ou rétablir un contenu."))


@transaction.atomic
def moderate_item(
    *,
    moderator: User,
    verdict: ModerationDecision.Verdict,
    reason: str,
    proposal: Proposal | None = None,
    comment: Comment | None = None,
) -> ModerationDecision:
    """Hide or restore an item with a reason, reported or not; its open reports are closed. Restoring a visible
    item that has open reports keeps it visible and closes them."""
    item = _reported_item(proposal, comment)
    if not rules.can_moderate(moderator, item):
        raise _moderation_refusal(moderator)
    errors: dict[str, str] = {}
    text = _validate_text(reason, field="reason", minimum=3, maximum=REASON_MAX, errors=errors)
    if errors:
        raise InvalidInput(
            _("La décision n'a pas été enregistrée : donnez-en le motif, que l'auteur lira."),
            field_errors=errors,
        )
    target = {"proposal": proposal} if proposal is not None else {"comment": comment}
    locked = type(item).objects.select_for_update().get(pk=item.pk)  # two moderators never decide at once
    hide = verdict == ModerationDecision.Verdict.HIDE
    open_reports = Report.objects.filter(resolved=False, **target)
    if hide and locked.moderation == Moderation.HIDDEN:
        raise Conflict(_("Ce contenu est déjà masqué."))
    if not hide and locked.moderation == Moderation.PUBLISHED and not open_reports.exists():
        raise Conflict(_("Ce contenu est déjà visible : il n'y a rien à rétablir."))
    state = Moderation.HIDDEN if hide else Moderation.PUBLISHED
    type(item).objects.filter(pk=item.pk).update(moderation=state)
    open_reports.update(resolved=True)
    item.moderation = state
    decision = ModerationDecision.objects.create(moderator=moderator, verdict=verdict, reason=text, **target)
    transaction.on_commit(lambda: decision_taken(decision))
    return decision


def decision_taken(decision: ModerationDecision) -> None:
    """Called once a moderation decision is saved: the item's author is told the decision and its reason."""
    events.decision_taken(decision)


# ---- themes, kept by the authority ----------------------------------------------------------------------------

THEME_TAKEN = gettext_noop("Un thème porte déjà ce nom.")


def _theme_name(name: str, *, exclude: int | None = None) -> str:
    name = " ".join(name.split())
    if not name:
        raise InvalidInput(_("Le nom est obligatoire."), field_errors={"name": _("Le nom est obligatoire.")})
    others = Theme.objects.filter(name__iexact=name)
    if exclude is not None:
        others = others.exclude(pk=exclude)
    if others.exists():
        raise Conflict(_(THEME_TAKEN), field_errors={"name": _(THEME_TAKEN)})
    return name


def _theme_slug(name: str) -> str:
    base = slugify(name)[:70] or "theme"
    taken = set(Theme.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


@transaction.atomic
def create_theme(*, agent: User, name: str) -> Theme:
    """Add a theme people can give their proposals (and agents their budget projects)."""
    if not is_agent(agent):
        raise ActionNotAllowed(_("Seuls les agents de la collectivité gèrent les thèmes."))
    name = _theme_name(name)
    try:
        with transaction.atomic():
            return Theme.objects.create(name=name, slug=_theme_slug(name))
    except IntegrityError as error:
        raise Conflict(_(THEME_TAKEN), field_errors={"name": _(THEME_TAKEN)}) from error


@transaction.atomic
def rename_theme(*, agent: User, theme: Theme, name: str) -> Theme:
    """Rename a theme; the proposals that carry it follow (its address stays)."""
    if not is_agent(agent):
        raise ActionNotAllowed(_("Seuls les agents de la collectivité gèrent les thèmes."))
    theme.name = _theme_name(name, exclude=theme.pk)
    try:
        with transaction.atomic():
            theme.save(update_fields=["name"])
    except IntegrityError as error:
        raise Conflict(_(THEME_TAKEN), field_errors={"name": _(THEME_TAKEN)}) from error
    return theme


@transaction.atomic
def delete_theme(*, agent: User, theme: Theme) -> None:
    """Delete a theme that no proposal and no budget project carries."""
    if not is_agent(agent):
        raise ActionNotAllowed(_("Seuls les agents de la collectivité gèrent les thèmes."))
    uses = what_uses(Theme.objects.select_for_update().get(pk=theme.pk))
    if uses:
        raise Conflict(
            _("Ce thème ne peut pas être supprimé, il est utilisé (%(uses)s). Renommez-le plutôt.")
            % {"uses": describe_uses(uses)}
        )
    theme.delete()


# Supports a facilitator gathered on someone's behalf (bouquet.outreach, docs/decisions/0024). A proposal's
# support count is its support rows plus the gathered supports that no account carries yet; once the person
# claims their contributions, a gathered support becomes their own row, so it counts once with an online one.
def count_gathered_support(*, proposal: Proposal, citizen: User | None) -> bool:
    """Count a support gathered on someone's behalf (``citizen``: their account once they claimed their
    contributions, else None). Returns False, counting nothing, when that account already supports it."""
    if citizen is not None:
        try:
            with transaction.atomic():
                Support.objects.create(proposal=proposal, citizen=citizen)
        except IntegrityError:
            return False
    Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") + 1)
    return True


def carry_gathered_support(*, proposal: Proposal, citizen: User) -> None:
    """A gathered support (already counted) becomes the support of the account that claimed it; when that account
    already supported the proposal online, the count goes back by one: one person, one support."""
    try:
        with transaction.atomic():
            Support.objects.create(proposal=proposal, citizen=citizen)
    except IntegrityError:
        Proposal.objects.filter(pk=proposal.pk).update(support_count=F("support_count") - 1)
