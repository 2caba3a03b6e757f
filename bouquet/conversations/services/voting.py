"""Open a conversation, take part in it, vote, add and moderate statements."""

import secrets
from collections.abc import Sequence

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bouquet.accounts.models import User
from bouquet.accounts.rules import is_signed_in
from bouquet.conversations.errors import Gone
from bouquet.conversations.models import (
    QUESTION_MAX,
    STATEMENT_MAX,
    Access,
    Conversation,
    Moderation,
    Participant,
    Room,
    Statement,
    StatementState,
    Vote,
    VoteValue,
)
from bouquet.conversations.notifications import NEW_STATEMENT
from bouquet.conversations.rules import (
    can_moderate,
    can_run,
    is_open_for_votes,
    is_votable,
    may_join_without_account,
)
from bouquet.core.errors import ActionNotAllowed, Conflict, InvalidInput
from bouquet.notifications import services as notifications
from bouquet.processes.models import Process
from bouquet.roles.rules import facilitates


def _clean_statement(text: str, field: str = "text") -> str:
    cleaned = " ".join(text.split())
    if not cleaned:
        raise InvalidInput(_("Écrivez l'affirmation."), field_errors={field: _("Écrivez l'affirmation.")})
    if len(cleaned) > STATEMENT_MAX:
        message = _("Une affirmation tient en %(max)s caractères au plus (celle-ci en compte %(n)s).") % {
            "max": STATEMENT_MAX,
            "n": len(cleaned),
        }
        raise InvalidInput(message, field_errors={field: message})
    return cleaned


def clean_seed_lines(text: str) -> list[str]:
    """The statements typed one per line (empty lines and repeats left out), each checked for its length."""
    seen: set[str] = set()
    lines: list[str] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        try:
            line = _clean_statement(raw, "seeds")
        except InvalidInput as error:
            message = _("Ligne %(n)s : %(error)s") % {"n": number, "error": error.message}
            raise InvalidInput(message, field_errors={"seeds": message}) from error
        if line.casefold() not in seen:
            seen.add(line.casefold())
            lines.append(line)
    return lines


@transaction.atomic
def open_conversation(
    *,
    by: User,
    process: Process,
    question: str,
    description: str = "",
    participants_may_add: bool = True,
    moderation: str = Moderation.AFTER,
    access: str = Access.SIGNED_IN,
    seeds: Sequence[str] = (),
) -> Conversation:
    """Open a conversation in a process, with its first statements (written or checked by a person)."""
    if not facilitates(by, process):
        raise ActionNotAllowed(
            _("Seuls les agents et les animateurs de cette démarche ouvrent une conversation.")
        )
    question = " ".join(question.split())
    if not question or len(question) > QUESTION_MAX:
        message = _("Posez la question en %(max)s caractères au plus.") % {"max": QUESTION_MAX}
        raise InvalidInput(message, field_errors={"question": message})
    conversation = Conversation.objects.create(
        process=process,
        question=question,
        description=description.strip(),
        participants_may_add=participants_may_add,
        moderation=Moderation(moderation),
        access=Access(access),
        created_by=by,
    )
    texts = [_clean_statement(text, "seeds") for text in seeds]
    Statement.objects.bulk_create(
        Statement(conversation=conversation, text=text, is_seed=True, state=StatementState.ACCEPTED)
        for text in dict.fromkeys(texts)
    )
    return conversation


@transaction.atomic
def update_rules(
    *,
    by: User,
    conversation: Conversation,
    participants_may_add: bool,
    moderation: str,
    access: str,
) -> Conversation:
    """Change what participants may do in a conversation."""
    if not can_run(by, conversation):
        raise ActionNotAllowed(
            _("Seuls les agents et les animateurs de cette démarche règlent la conversation.")
        )
    conversation.participants_may_add = participants_may_add
    conversation.moderation = Moderation(moderation)
    conversation.access = Access(access)
    conversation.save(update_fields=["participants_may_add", "moderation", "access", "updated_at"])
    return conversation


@transaction.atomic
def close_conversation(*, by: User, conversation: Conversation, reopen: bool = False) -> Conversation:
    """Close a conversation to votes (it stays readable), or open it again."""
    if not can_run(by, conversation):
        raise ActionNotAllowed(
            _("Seuls les agents et les animateurs de cette démarche ferment la conversation.")
        )
    conversation.closed_at = None if reopen else timezone.now()
    conversation.save(update_fields=["closed_at", "updated_at"])
    return conversation


def participant_for_user(*, conversation: Conversation, user: User, room: Room | None = None) -> Participant:
    """The signed-in person's voice in the conversation (made on their first visit; once, even under load)."""
    if not is_signed_in(user):
        raise ActionNotAllowed(_("Connectez-vous pour participer."))
    participant, created = Participant.objects.get_or_create(conversation=conversation, user=user)
    if created:
        notifications.follow(user, conversation)  # told of new statements (daily by default)
    if room is not None and participant.room_id != room.pk:
        participant.room = room
        participant.save(update_fields=["room", "updated_at"])
    return participant


@transaction.atomic
def join_with_pass(*, conversation: Conversation, consent: bool, room: Room | None = None) -> Participant:
    """Someone without an account joins with a pass, for this session only, once they said they agree."""
    if room is not None and not room.is_open:
        raise Gone(_("Cette salle est fermée : l'atelier est terminé, merci de votre participation."))
    if not is_open_for_votes(conversation) or not may_join_without_account(conversation, room):
        raise ActionNotAllowed(_("Cette conversation demande un compte : connectez-vous pour participer."))
    if not consent:
        message = _("Cochez la case pour accepter que vos réponses soient enregistrées pour cette séance.")
        raise InvalidInput(message, field_errors={"consent": message})
    return Participant.objects.create(
        conversation=conversation, pass_token=secrets.token_urlsafe(32), room=room, consent_at=timezone.now()
    )


def participant_for_pass(*, conversation: Conversation, token: str) -> Participant | None:
    """The participant behind a pass kept in a session; refused (410) once the room it was given in closed."""
    participant = (
        Participant.objects.select_related("room").filter(conversation=conversation, pass_token=token).first()
    )
    if participant is not None and participant.room is not None and not participant.room.is_open:
        raise Gone(_("Ce pass de participation ne vaut plus : la salle a fermé à la fin de l'atelier."))
    return participant


def _check_may_vote(participant: Participant, statement: Statement) -> None:
    if statement.conversation_id != participant.conversation_id:
        raise InvalidInput(_("Cette affirmation n'appartient pas à cette conversation."))
    if participant.room_id is not None and participant.pass_token:
        room = Room.objects.only("closed_at").get(pk=participant.room_id)
        if not room.is_open:
            raise Gone(_("Ce pass de participation ne vaut plus : la salle a fermé à la fin de l'atelier."))
    if not is_open_for_votes(statement.conversation):
        raise ActionNotAllowed(_("Cette conversation est fermée : on ne peut plus y voter."))
    if not is_votable(statement):
        if statement.state == StatementState.REJECTED:
            raise Conflict(
                _("Cette affirmation a été écartée par la modération : on ne peut plus voter dessus.")
            )
        raise Conflict(_("Cette affirmation attend la modération : on pourra voter dessus une fois publiée."))


def cast_vote(*, participant: Participant, statement: Statement, value: int) -> Vote:
    """Record a participant's answer to a statement; a new answer replaces the previous one (latest wins)."""
    if value not in VoteValue.values:
        message = _("Répondez « d'accord », « pas d'accord » ou « je passe ».")
        raise InvalidInput(message, field_errors={"value": message})
    with transaction.atomic():
        statement = Statement.objects.select_related("conversation__process").get(pk=statement.pk)
        _check_may_vote(participant, statement)
        try:
            vote, _created = Vote.objects.update_or_create(
                participant=participant,
                statement=statement,
                defaults={"value": value},
                create_defaults={"value": value, "conversation_id": statement.conversation_id},
            )
        except IntegrityError:
            # Two first answers at the same instant: the other one won the insert; this one replaces it.
            vote = Vote.objects.select_for_update().get(participant=participant, statement=statement)
            vote.value = value
            vote.save(update_fields=["value", "updated_at"])
    return vote


@transaction.atomic
def add_statement(*, participant: Participant, text: str) -> Statement:
    """A participant adds a statement (published at once, or after moderation); they agree with it, as in Pol.is."""
    conversation = participant.conversation
    if not is_open_for_votes(conversation):
        raise ActionNotAllowed(_("Cette conversation est fermée : on ne peut plus y ajouter d'affirmation."))
    if not conversation.participants_may_add:
        raise ActionNotAllowed(_("Dans cette conversation, seuls les animateurs ajoutent des affirmations."))
    cleaned = _clean_statement(text)
    if conversation.statements.filter(text__iexact=cleaned).exists():
        message = _("Cette affirmation existe déjà : votez plutôt sur elle.")
        raise Conflict(message, field_errors={"text": message})
    before = conversation.moderation == Moderation.BEFORE
    statement = Statement.objects.create(
        conversation=conversation,
        text=cleaned,
        author=participant,
        state=StatementState.PENDING if before else StatementState.ACCEPTED,
        room=participant.room
        if participant.room_id and participant.room and participant.room.is_open
        else None,
    )
    if not before:
        Vote.objects.create(
            conversation=conversation, participant=participant, statement=statement, value=VoteValue.AGREE
        )
        _announce(statement, actor=participant.user)
    return statement


def _announce(statement: Statement, actor: User | None) -> None:
    """Tell the conversation's followers a new statement awaits them, once the transaction commits."""
    conversation = statement.conversation
    transaction.on_commit(
        lambda: notifications.announce(
            NEW_STATEMENT.code, conversation, actor=actor, context={"statement": statement.text}
        )
    )


@transaction.atomic
def add_staff_statements(
    *, by: User, conversation: Conversation, texts: Sequence[str], room: Room | None = None, seed: bool = True
) -> list[Statement]:
    """Statements written by whoever runs the conversation (seeds, or a scribe's notes in a room): published."""
    if not can_run(by, conversation):
        raise ActionNotAllowed(
            _("Seuls les agents et les animateurs de cette démarche ajoutent ces affirmations.")
        )
    made = []
    for text in texts:
        cleaned = _clean_statement(text)
        existing = conversation.statements.filter(text__iexact=cleaned).first()
        made.append(
            existing
            or Statement.objects.create(
                conversation=conversation,
                text=cleaned,
                is_seed=seed,
                room=room,
                state=StatementState.ACCEPTED,
            )
        )
    return made


@transaction.atomic
def moderate_statement(*, by: User, statement: Statement, accept: bool) -> Statement:
    """Publish a statement, or set it aside: its votes stop counting on the map, and it takes no more votes."""
    if not can_moderate(by, statement.conversation):
        raise ActionNotAllowed(_("Seuls les modérateurs et les animateurs de cette démarche modèrent."))
    newly_published = accept and statement.state == StatementState.PENDING
    statement.state = StatementState.ACCEPTED if accept else StatementState.REJECTED
    statement.save(update_fields=["state", "updated_at"])
    if newly_published:
        _announce(statement, actor=statement.author.user if statement.author else None)
    return statement
