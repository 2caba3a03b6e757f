"""Conversation pages for participants: one statement at a time, add a statement, the map; live rooms on phones
and on the projector. Every action is a plain form (POST, then a redirect); htmx only swaps parts in place."""

import io
from typing import Any

import segno
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bouquet.accounts.rules import is_signed_in
from bouquet.conversations import flows, selectors, services
from bouquet.conversations.errors import Gone
from bouquet.conversations.models import (
    MIN_VOTES_FOR_MAP,
    Conversation,
    Participant,
    Room,
    Statement,
    VoteValue,
)
from bouquet.conversations.rules import can_run, is_open_for_votes, may_join_without_account
from bouquet.core.errors import InvalidInput
from bouquet.www.auth import signed_in_user
from bouquet.www.conversations.forms import EnterForm, JoinForm, RoomCodeForm, StatementForm
from bouquet.www.forms import submit_form

PASS_KEY = "conversation-pass-{pk}"  # nosec B105  # the name of a session key, not a password
VALUES = {"agree": VoteValue.AGREE, "disagree": VoteValue.DISAGREE, "pass": VoteValue.PASS}


def _conversation(pk: int) -> Conversation:
    conversation = get_object_or_404(Conversation.objects.select_related("process"), pk=pk)
    if not conversation.process.is_published:
        raise Http404
    return conversation


def _participant(
    request: HttpRequest, conversation: Conversation, *, create: bool = False, room: Room | None = None
) -> Participant | None:
    """Who is taking part: the signed-in person, or whoever holds this conversation's pass in their session."""
    if is_signed_in(request.user):
        if create:
            return services.participant_for_user(
                conversation=conversation, user=signed_in_user(request), room=room
            )
        return Participant.objects.filter(conversation=conversation, user=signed_in_user(request)).first()
    token = request.session.get(PASS_KEY.format(pk=conversation.pk))
    if token:
        return services.participant_for_pass(conversation=conversation, token=token)
    return None


def _vote_context(
    request: HttpRequest, conversation: Conversation, participant: Participant | None
) -> dict[str, Any]:
    answered = len(selectors.votes_of(participant)) if participant is not None else 0
    return {
        "conversation": conversation,
        "participant": participant,
        "statement": selectors.next_statement(participant)
        if participant is not None
        else _first(conversation),
        "answered": answered,
        "total": conversation.statements.filter(state="accepted").count(),
        "needed": max(0, MIN_VOTES_FOR_MAP - answered),
        "open": is_open_for_votes(conversation),
        "without_account": may_join_without_account(conversation),
        "join_form": JoinForm(),
        "runs": can_run(request.user, conversation),
    }


def _first(conversation: Conversation) -> Statement | None:
    return conversation.statements.filter(state="accepted").order_by("id").first()


@require_GET
def conversation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The conversation for a participant: the next statement to answer, and the map once they answered 7."""
    conversation = _conversation(pk)
    participant = _participant(request, conversation)
    context = _vote_context(request, conversation, participant)
    if participant is not None and context["needed"] == 0:
        flows.refresh_if_stale(conversation)
        context["map"] = selectors.map_view(conversation, participant)
    context["rooms"] = conversation.rooms.filter(closed_at__isnull=False).order_by("-closed_at")[:3]
    return render(request, "conversations/conversation_detail.html", context)


@require_POST
def join(request: HttpRequest, pk: int) -> HttpResponse:
    """Take part without an account: a pass kept in this browser's session, once the person agreed."""
    conversation = _conversation(pk)
    form = JoinForm(request.POST)
    outcome = submit_form(
        form,
        lambda: services.join_with_pass(
            conversation=conversation, consent=bool(form.cleaned_data["consent"])
        ),
    )
    if not outcome.ok:
        context = _vote_context(request, conversation, None)
        context["join_form"] = form
        return render(request, "conversations/conversation_detail.html", context, status=outcome.status)
    request.session[PASS_KEY.format(pk=conversation.pk)] = outcome.value.pass_token
    messages.success(request, _("C'est parti : répondez aux affirmations une à une."))
    return redirect(conversation)


@require_POST
def vote(request: HttpRequest, pk: int, statement_pk: int) -> HttpResponse:
    """Answer one statement (d'accord, pas d'accord, je passe), then see the next one."""
    conversation = _conversation(pk)
    statement = get_object_or_404(Statement, pk=statement_pk, conversation=conversation)
    value = VALUES.get(request.POST.get("value", ""))
    if value is None:
        raise InvalidInput(_("Répondez « d'accord », « pas d'accord » ou « je passe »."))
    participant = _participant(request, conversation, create=True)
    if participant is None:
        return redirect(f"{reverse('account_login')}?next={conversation.get_absolute_url()}")
    flows.vote(participant=participant, statement=statement, value=value)
    if request.htmx:  # type: ignore[attr-defined]
        context = _vote_context(request, conversation, participant)
        return render(request, "conversations/_vote_box.html", context)
    return redirect(conversation)


@require_GET
def opinion_map(request: HttpRequest, pk: int) -> HttpResponse:
    """The opinion map: groups as areas, the statements that speak for each, what unites, what divides."""
    conversation = _conversation(pk)
    participant = _participant(request, conversation)
    flows.refresh_if_stale(conversation)
    answered = len(selectors.votes_of(participant)) if participant is not None else 0
    context = {
        "conversation": conversation,
        "map": selectors.map_view(conversation, participant if answered >= MIN_VOTES_FOR_MAP else None),
        "answered": answered,
        "needed": max(0, MIN_VOTES_FOR_MAP - answered),
    }
    return render(request, "conversations/map.html", context)


def add_statement(request: HttpRequest, pk: int) -> HttpResponse:
    """Add a statement: similar statements are shown first, so that one may vote on them instead."""
    conversation = _conversation(pk)
    participant = _participant(request, conversation)
    if participant is None and not is_signed_in(request.user):
        return redirect(conversation)
    form = StatementForm(request.POST or None)
    similar: list[tuple[Statement, float]] = []
    status = 200
    if request.method == "POST" and form.is_valid():
        text = form.cleaned_data["text"]
        similar = selectors.similar_statements(conversation, text)
        if similar and not form.cleaned_data["confirm"]:
            form = StatementForm(initial={"text": text, "confirm": True})
        else:
            outcome = submit_form(
                form,
                lambda: services.add_statement(
                    participant=participant or _participant(request, conversation, create=True),  # type: ignore[arg-type]
                    text=text,
                ),
            )
            if outcome.ok:
                pending = outcome.value.state == "pending"
                messages.success(
                    request,
                    _("Merci : votre affirmation paraîtra une fois relue par la modération.")
                    if pending
                    else _("Merci : votre affirmation est publiée, les autres participants vont y répondre."),
                )
                return redirect(conversation)
            status = outcome.status
    elif request.method == "POST":
        status = 422
    return render(
        request,
        "conversations/statement_form.html",
        {"conversation": conversation, "form": form, "similar": similar},
        status=status,
    )


# ---- live rooms -------------------------------------------------------------------------------------------


def _room(code: str) -> Room:
    try:
        room = selectors.room_for_code(code)
    except Room.DoesNotExist as exc:
        raise Http404 from exc
    if not room.conversation.process.is_published:
        raise Http404
    return room


@require_GET
def room_entry(request: HttpRequest) -> HttpResponse:
    """Type the code shown on the screen to join a live room."""
    form = RoomCodeForm(request.GET or None)
    if request.GET and form.is_valid():
        code = form.cleaned_data["code"].strip().upper()
        if Room.objects.filter(code=code).exists():
            return redirect("conversations:room", code=code)
        form.add_error("code", _("Aucune salle n'a ce code : vérifiez-le à l'écran."))
    return render(
        request, "conversations/room_entry.html", {"form": form}, status=422 if form.errors else 200
    )


def _require_open(room: Room) -> None:
    if not room.is_open:
        raise Gone(_("Cette salle est fermée : l'atelier est terminé, merci de votre participation."))


def _room_context(request: HttpRequest, room: Room, participant: Participant | None) -> dict[str, Any]:
    state = selectors.room_state(room)
    mine = None
    if participant is not None and state.statement is not None:
        mine = participant.votes.filter(statement=state.statement).values_list("value", flat=True).first()
    return {
        "room": room,
        "conversation": room.conversation,
        "state": state,
        "participant": participant,
        "mine": mine,
        "join_form": JoinForm(),
        "enter_form": EnterForm(),
    }


@require_GET
def room(request: HttpRequest, code: str) -> HttpResponse:
    """A live room on a phone: join (with a pass, or signed in), answer the statement on screen, ask for a chair."""
    the_room = _room(code)
    if not the_room.is_open:
        return render(request, "conversations/room_closed.html", {"room": the_room}, status=410)
    participant = _participant(request, the_room.conversation)
    template = "conversations/_room_phone.html" if request.htmx else "conversations/room_phone.html"  # type: ignore[attr-defined]
    return render(request, template, _room_context(request, the_room, participant))


@require_POST
def room_join(request: HttpRequest, code: str) -> HttpResponse:
    """Join the room: signed-in people with their account, others with a pass for this session."""
    the_room = _room(code)
    conversation = the_room.conversation
    _require_open(the_room)
    if is_signed_in(request.user):
        services.participant_for_user(conversation=conversation, user=signed_in_user(request), room=the_room)
        return redirect("conversations:room", code=the_room.code)
    form = JoinForm(request.POST)
    outcome = submit_form(
        form,
        lambda: services.join_with_pass(
            conversation=conversation, consent=bool(form.cleaned_data["consent"]), room=the_room
        ),
    )
    if not outcome.ok:
        context = _room_context(request, the_room, None)
        context["join_form"] = form
        return render(request, "conversations/room_phone.html", context, status=outcome.status)
    request.session[PASS_KEY.format(pk=conversation.pk)] = outcome.value.pass_token
    return redirect("conversations:room", code=the_room.code)


@require_POST
def room_vote(request: HttpRequest, code: str, statement_pk: int) -> HttpResponse:
    """Answer the statement on screen from a phone."""
    the_room = _room(code)
    _require_open(the_room)
    conversation = the_room.conversation
    statement = get_object_or_404(Statement, pk=statement_pk, conversation=conversation)
    value = VALUES.get(request.POST.get("value", ""))
    if value is None:
        raise InvalidInput(_("Répondez « d'accord », « pas d'accord » ou « je passe »."))
    participant = _participant(request, conversation)
    if participant is None:
        if not is_signed_in(request.user):
            return redirect("conversations:room", code=the_room.code)
        participant = _participant(request, conversation, create=True, room=the_room)
    assert participant is not None  # nosec B101  # narrows the type for mypy; the line above made it so
    flows.vote(participant=participant, statement=statement, value=value)
    if request.htmx:  # type: ignore[attr-defined]
        return render(
            request, "conversations/_room_phone.html", _room_context(request, the_room, participant)
        )
    return redirect("conversations:room", code=the_room.code)


@require_POST
def room_enter(request: HttpRequest, code: str) -> HttpResponse:
    """Ask to come into the centre of the fishbowl."""
    the_room = _room(code)
    form = EnterForm(request.POST)
    participant = _participant(request, the_room.conversation)
    outcome = submit_form(
        form,
        lambda: services.ask_to_enter(room=the_room, name=form.cleaned_data["name"], participant=participant),
    )
    if not outcome.ok:
        context = _room_context(request, the_room, participant)
        context["enter_form"] = form
        return render(request, "conversations/room_phone.html", context, status=outcome.status)
    messages.success(request, _("Vous êtes dans la file : l'animateur vous fera signe pour venir au centre."))
    return redirect("conversations:room", code=the_room.code)


@require_GET
def projector(request: HttpRequest, code: str) -> HttpResponse:
    """The shared screen: large type, high contrast; the statement, the room's live counts, the fishbowl and the
    map. htmx refreshes its content every 2 seconds; without it, the page reloads itself (meta refresh)."""
    the_room = _room(code)
    conversation = the_room.conversation
    flows.refresh_if_stale(conversation)
    context = _room_context(request, the_room, None)
    context["map"] = selectors.map_view(conversation)
    context["join_url"] = request.build_absolute_uri(
        reverse("conversations:room", kwargs={"code": the_room.code})
    )
    context["qr"] = mark_safe(  # nosec B703 B308  # a QR code of our own address, no outside text
        segno.make(context["join_url"], error="m").svg_inline(scale=6, dark="#000", light="#fff")
    )  # noqa: S308 - made here, no outside text
    template = "conversations/_projector.html" if request.htmx else "conversations/projector.html"  # type: ignore[attr-defined]
    return render(request, template, context)


@require_GET
def room_qr(request: HttpRequest, code: str) -> HttpResponse:
    """The room's QR code (the link to join it), drawn as SVG on the server."""
    the_room = _room(code)
    url = request.build_absolute_uri(reverse("conversations:room", kwargs={"code": the_room.code}))
    out = io.BytesIO()
    segno.make(url, error="m").save(
        out, kind="svg", scale=8, dark="#000", light="#fff", title=_("Code QR pour rejoindre la salle")
    )
    return HttpResponse(out.getvalue(), content_type="image/svg+xml")
