"""What the proposals app tells people (through ``bouquet.notifications``), and the kinds it registers.

Each function is called by a service, inside its transaction, after its write: the notifications roll back with it,
and their e-mails leave only once it commits."""

from django.utils.translation import gettext_lazy as _

from bouquet.accounts.models import User
from bouquet.notifications import selectors as follows
from bouquet.notifications import services as notifications
from bouquet.notifications.kinds import Kind, register
from bouquet.notifications.models import Follow
from bouquet.proposals.models import CoauthorRequest, Comment, ModerationDecision, Proposal

ANSWERED = register(
    Kind(
        code="proposals.answered",
        label=_("Réponse de la collectivité à une proposition"),
        message=_("La collectivité a répondu à « %(target)s » : %(status)s."),
    )
)
REPLIED = register(
    Kind(
        code="proposals.comment_reply",
        label=_("Réponse à l'un de mes commentaires"),
        message=_("%(actor)s a répondu à votre commentaire sur « %(target)s »."),
    )
)
COMMENTED = register(
    Kind(
        code="proposals.commented",
        label=_("Nouveau commentaire sur une proposition suivie"),
        message=_("%(actor)s a commenté « %(target)s »."),
        default_frequency="daily",
    )
)
MODERATED = register(
    Kind(
        code="proposals.moderated",
        label=_("Décision de modération sur l'un de mes contenus"),
        message=_(
            "Décision de modération sur votre contenu dans « %(target)s » : %(decision)s. Motif : %(reason)s"
        ),
    )
)
COAUTHOR_REQUEST = register(
    Kind(
        code="proposals.coauthor_request",
        label=_("Demande pour co-signer l'une de mes propositions"),
        message=_("%(actor)s demande à co-signer « %(target)s »."),
    )
)
COAUTHOR_ANSWER = register(
    Kind(
        code="proposals.coauthor_answer",
        label=_("Réponse à ma demande de co-signature"),
        message=_("Votre demande pour co-signer « %(target)s » a été %(answer)s."),
    )
)


def proposal_submitted(proposal: Proposal) -> None:
    """Its authors follow the proposal they made, and the process they took part in."""
    notifications.follow(proposal.author, proposal, reason=Follow.Reason.CREATED)
    notifications.follow(proposal.author, proposal.process, reason=Follow.Reason.JOINED)
    for coauthor in proposal.coauthors.all():
        notifications.follow(coauthor, proposal, reason=Follow.Reason.CREATED)


def proposal_supported(citizen: User, proposal: Proposal) -> None:
    """Who supports a proposal follows it."""
    notifications.follow(citizen, proposal, reason=Follow.Reason.SUPPORTED)


def proposal_answered(agent: User, proposal: Proposal) -> None:
    """The proposal's followers read the authority's answer."""
    notifications.announce(
        ANSWERED.code, proposal, actor=agent, context={"status": str(proposal.get_status_display())}
    )


def comment_posted(comment: Comment, replied_to: Comment | None) -> None:
    """The author of the comment answered hears of the reply; the proposal's other followers of the comment."""
    told: set[int] = set()
    if replied_to is not None:
        authors = {replied_to.author_id}
        if comment.parent_id is not None and comment.parent is not None:
            authors.add(comment.parent.author_id)
        authors.discard(comment.author_id)
        notifications.announce(REPLIED.code, comment.proposal, actor=comment.author, recipients=authors)
        told = authors
    others = follows.follower_ids([comment.proposal]) - told
    notifications.announce(COMMENTED.code, comment.proposal, actor=comment.author, recipients=others)


def decision_taken(decision: ModerationDecision) -> None:
    """The author of the moderated content reads the decision and its reason (not who took it)."""
    item: Proposal | Comment | None = decision.proposal or decision.comment
    if item is None:
        return
    proposal = item if isinstance(item, Proposal) else item.proposal
    hidden = decision.verdict == ModerationDecision.Verdict.HIDE
    notifications.announce(
        MODERATED.code,
        proposal,
        recipients=[item.author_id],
        context={
            "decision": str(_("contenu masqué") if hidden else _("contenu rétabli")),
            "reason": decision.reason,
        },
    )


def coauthorship_requested(request: CoauthorRequest) -> None:
    """The proposal's authors hear that someone asks to co-sign it."""
    proposal = request.proposal
    authors = {proposal.author_id, *proposal.coauthors.values_list("pk", flat=True)}
    notifications.announce(COAUTHOR_REQUEST.code, proposal, actor=request.requester, recipients=authors)


def coauthorship_answered(request: CoauthorRequest) -> None:
    """The person who asked hears the answer; accepted, they follow the proposal they joined."""
    accepted = request.state == CoauthorRequest.State.ACCEPTED
    if accepted:
        notifications.follow(request.requester, request.proposal, reason=Follow.Reason.JOINED)
    notifications.announce(
        COAUTHOR_ANSWER.code,
        request.proposal,
        actor=request.answered_by,
        recipients=[request.requester_id],
        context={"answer": str(_("acceptée") if accepted else _("refusée"))},
    )
