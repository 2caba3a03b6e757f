"""The authority's conversation pages: open one (seeds from the bouquets), moderate, read the report, export and
import in the Pol.is layout, and lead a live room (statement on screen, scribe, fishbowl, timer, closing)."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bouquet.backoffice.access import back_office_page, staff_user
from bouquet.backoffice.conversations.forms import (
    ConversationForm,
    ImportForm,
    QueueForm,
    RemarkForm,
    RoomForm,
    RulesForm,
    StaffStatementsForm,
)
from bouquet.backoffice.pages import form_page
from bouquet.conversations import exports, flows, selectors, services
from bouquet.conversations.models import Conversation, FishbowlSeat, Room, Statement
from bouquet.conversations.rules import can_run, runs_conversations
from bouquet.conversations.services.polis import files_from_upload
from bouquet.core.charts import LineChart, Series
from bouquet.core.errors import ActionNotAllowed
from bouquet.core.forms import submit_form
from bouquet.core.french import format_date


def _conversation(request: HttpRequest, pk: int) -> Conversation:
    conversation = get_object_or_404(Conversation.objects.select_related("process"), pk=pk)
    if not can_run(request.user, conversation):
        raise Http404
    return conversation


def _room(request: HttpRequest, pk: int) -> Room:
    room = get_object_or_404(Room.objects.select_related("conversation__process", "current_statement"), pk=pk)
    if not can_run(request.user, room.conversation):
        raise Http404
    return room


@require_GET
@back_office_page(allowed=runs_conversations)
def conversation_list(request: HttpRequest) -> HttpResponse:
    """Every conversation, with its figures."""
    runs = [c for c in selectors.conversations_for_back_office() if can_run(request.user, c)]
    return render(request, "backoffice/conversations/conversation_list.html", {"conversations": runs})


@back_office_page(allowed=runs_conversations)
def conversation_create(request: HttpRequest) -> HttpResponse:
    """Open a conversation in a process; « Proposer depuis les bouquets » fills one statement per bouquet."""
    if request.method == "POST" and "suggest" in request.POST:
        form = ConversationForm(request.POST)
        data = request.POST.copy()
        process = form.fields["process"].queryset.filter(pk=request.POST.get("process") or 0).first()  # type: ignore[attr-defined]
        if process is not None:
            data["seeds"] = "\n".join(selectors.seed_suggestions(process))
        form = ConversationForm(data)
        return render(
            request,
            "backoffice/conversations/conversation_form.html",
            {"form": form, "suggested": process is not None},
        )
    form = ConversationForm(request.POST or None, initial={"process": request.GET.get("process")})

    def create() -> Conversation:
        data = form.cleaned_data
        return services.open_conversation(
            by=staff_user(request),
            process=data["process"],
            question=data["question"],
            description=data["description"],
            participants_may_add=data["participants_may_add"],
            moderation=data["moderation"],
            access=data["access"],
            seeds=services.clean_seed_lines(data["seeds"]),
        )

    return form_page(
        request,
        form,
        create,
        template="backoffice/conversations/conversation_form.html",
        context={},
        done=_("La conversation est ouverte."),
        then=lambda c: redirect("backoffice:conversation", pk=c.pk),
    )


@require_GET
@back_office_page(allowed=runs_conversations)
def conversation_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A conversation as its facilitators see it: statements to moderate, rules, rooms, exports."""
    conversation = _conversation(request, pk)
    return render(request, "backoffice/conversations/conversation_detail.html", _detail_context(conversation))


def _detail_context(conversation: Conversation, **extra: Any) -> dict[str, Any]:
    return {
        "conversation": conversation,
        "statements": selectors.counted_statements(conversation),
        "rules_form": RulesForm(
            initial={
                "participants_may_add": conversation.participants_may_add,
                "moderation": conversation.moderation,
                "access": conversation.access,
            }
        ),
        "statements_form": StaffStatementsForm(),
        "room_form": RoomForm(initial={"title": conversation.question[:200]}),
        "rooms": conversation.rooms.all(),
        "exports": exports.POLIS_FILES,
        **extra,
    }


@require_POST
@back_office_page(allowed=runs_conversations)
def conversation_rules(request: HttpRequest, pk: int) -> HttpResponse:
    """Change what participants may do."""
    conversation = _conversation(request, pk)
    form = RulesForm(request.POST)
    outcome = submit_form(
        form,
        lambda: services.update_rules(
            by=staff_user(request),
            conversation=conversation,
            participants_may_add=form.cleaned_data["participants_may_add"],
            moderation=form.cleaned_data["moderation"],
            access=form.cleaned_data["access"],
        ),
    )
    if not outcome.ok:
        context = _detail_context(conversation, rules_form=form)
        return render(
            request, "backoffice/conversations/conversation_detail.html", context, status=outcome.status
        )
    messages.success(request, _("Les règles de la conversation sont enregistrées."))
    return redirect("backoffice:conversation", pk=pk)


@require_POST
@back_office_page(allowed=runs_conversations)
def conversation_statements(request: HttpRequest, pk: int) -> HttpResponse:
    """Add statements written by the facilitators (published at once)."""
    conversation = _conversation(request, pk)
    form = StaffStatementsForm(request.POST)
    outcome = submit_form(
        form,
        lambda: services.add_staff_statements(
            by=staff_user(request),
            conversation=conversation,
            texts=services.clean_seed_lines(form.cleaned_data["texts"]),
        ),
    )
    if not outcome.ok:
        context = _detail_context(conversation, statements_form=form)
        return render(
            request, "backoffice/conversations/conversation_detail.html", context, status=outcome.status
        )
    messages.success(request, _("Les affirmations sont publiées."))
    return redirect("backoffice:conversation", pk=pk)


@require_POST
@back_office_page(allowed=runs_conversations)
def statement_moderate(request: HttpRequest, pk: int, statement_pk: int) -> HttpResponse:
    """Publish a statement or set it aside."""
    conversation = _conversation(request, pk)
    statement = get_object_or_404(Statement, pk=statement_pk, conversation=conversation)
    accept = request.POST.get("decision") == "accept"
    services.moderate_statement(by=staff_user(request), statement=statement, accept=accept)
    flows.ask_for_map(conversation.pk)
    messages.success(request, _("L'affirmation est publiée.") if accept else _("L'affirmation est écartée."))
    return redirect("backoffice:conversation", pk=pk)


@require_POST
@back_office_page(allowed=runs_conversations)
def conversation_close(request: HttpRequest, pk: int) -> HttpResponse:
    """Close the conversation to votes, or open it again."""
    conversation = _conversation(request, pk)
    reopen = request.POST.get("reopen") == "1"
    services.close_conversation(by=staff_user(request), conversation=conversation, reopen=reopen)
    messages.success(
        request, _("La conversation est rouverte.") if reopen else _("La conversation est fermée.")
    )
    return redirect("backoffice:conversation", pk=pk)


@require_GET
@back_office_page(allowed=runs_conversations)
def conversation_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The report for the authority: the groups, what unites them, what divides them, participation over time."""
    conversation = _conversation(request, pk)
    flows.refresh_if_stale(conversation)
    days = selectors.participation_by_day(conversation)
    chart = LineChart(
        title=_("Participation jour par jour"),
        labels=[format_date(day, short=True) for day, _votes, _people in days],
        series=[
            Series(_("Votes"), [votes for _day, votes, _people in days]),
            Series(_("Nouveaux participants"), [people for _day, _votes, people in days]),
        ],
        description=_("Les votes donnés et les personnes arrivées, chaque jour."),
        label_heading=_("Jour"),
    )
    context = {
        "conversation": conversation,
        "map": selectors.map_view(conversation),
        "chart": chart,
        "statements": selectors.counted_statements(conversation),
        "rooms": conversation.rooms.filter(closed_at__isnull=False),
    }
    return render(request, "backoffice/conversations/conversation_report.html", context)


EXPORTS = {
    "summary.csv": exports.summary_csv,
    "comments.csv": exports.comments_csv,
    "votes.csv": exports.votes_csv,
    "participants-votes.csv": exports.participants_votes_csv,
}


@require_GET
@back_office_page(allowed=runs_conversations)
def conversation_export(request: HttpRequest, pk: int, name: str) -> HttpResponse:
    """One file of the Pol.is export layout, the whole layout as a zip, or the officers' CSV."""
    conversation = _conversation(request, pk)
    url = request.build_absolute_uri(conversation.get_absolute_url())
    if name == "polis.zip":
        body: str | bytes = exports.polis_zip(conversation, url)
        content_type = "application/zip"
    elif name == "agents.csv":
        body = "\ufeff" + exports.officers_csv(conversation)  # the mark tells spreadsheets it is UTF-8
        content_type = "text/csv; charset=utf-8"
    elif name in EXPORTS:
        body = EXPORTS[name](conversation, url) if name == "summary.csv" else EXPORTS[name](conversation)  # type: ignore[call-arg]
        content_type = "text/csv; charset=utf-8"
    else:
        raise Http404
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="conversation-{conversation.pk}-{name}"'
    return response


@back_office_page(allowed=runs_conversations)
def conversation_import(request: HttpRequest) -> HttpResponse:
    """Make a conversation from a Pol.is export (checked whole before anything is saved)."""
    form = ImportForm(request.POST or None, request.FILES or None)

    def run() -> Conversation:
        upload = form.cleaned_data["archive"]
        files = files_from_upload(upload.read(), upload.name)
        return services.import_polis(
            by=staff_user(request),
            process=form.cleaned_data["process"],
            files=files,
            question=form.cleaned_data["question"],
            source=upload.name,
        )

    return form_page(
        request,
        form,
        run,
        template="backoffice/conversations/conversation_import.html",
        context={},
        done=_("L'export est importé : la carte se calcule."),
        then=lambda c: (flows.ask_for_map(c.pk), redirect("backoffice:conversation", pk=c.pk))[1],
    )


# ---- live rooms -------------------------------------------------------------------------------------------


@require_POST
@back_office_page(allowed=runs_conversations)
def room_open(request: HttpRequest, pk: int) -> HttpResponse:
    """Open a live room on the conversation."""
    conversation = _conversation(request, pk)
    form = RoomForm(request.POST)
    outcome = submit_form(
        form,
        lambda: services.open_room(
            by=staff_user(request),
            conversation=conversation,
            title=form.cleaned_data["title"],
            chairs=form.cleaned_data["chairs"],
            timer_seconds=form.cleaned_data["timer_seconds"],
        ),
    )
    if not outcome.ok:
        context = _detail_context(conversation, room_form=form)
        return render(
            request, "backoffice/conversations/conversation_detail.html", context, status=outcome.status
        )
    messages.success(request, _("La salle est ouverte : affichez l'écran de la salle au projecteur."))
    return redirect("backoffice:room", pk=outcome.value.pk)


def _room_page(request: HttpRequest, room: Room, status: int = 200, **forms: Any) -> HttpResponse:
    context = {
        "room": room,
        "conversation": room.conversation,
        "state": selectors.room_state(room),
        "statements": selectors.counted_statements(room.conversation).filter(state="accepted"),
        "remark_form": forms.get("remark_form") or RemarkForm(),
        "queue_form": forms.get("queue_form") or QueueForm(),
        "projector_url": reverse("conversations:projector", kwargs={"code": room.code}),
    }
    return render(request, "backoffice/conversations/room.html", context, status=status)


@require_GET
@back_office_page(allowed=runs_conversations)
def room_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The facilitator's console of a live room (or, once closed, its record)."""
    return _room_page(request, _room(request, pk))


@require_POST
@back_office_page(allowed=runs_conversations)
def room_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """One action of the facilitator: show a statement, the next one, rotate the fishbowl, start the timer,
    seat or release someone, close the room."""
    room = _room(request, pk)
    by = staff_user(request)
    if action == "show":
        statement = get_object_or_404(
            Statement, pk=request.POST.get("statement") or 0, conversation=room.conversation
        )
        services.show_statement(by=by, room=room, statement=statement)
    elif action == "next":
        services.next_statement_in_room(by=by, room=room)
    elif action == "rotate":
        services.rotate(by=by, room=room)
    elif action == "timer":
        services.start_timer(by=by, room=room)
    elif action in {"seat", "release"}:
        seat = get_object_or_404(FishbowlSeat, pk=request.POST.get("seat") or 0, room=room)
        (services.seat if action == "seat" else services.release)(by=by, seat=seat)
    elif action == "remark":
        form = RemarkForm(request.POST)
        outcome = submit_form(
            form, lambda: services.add_remark(by=by, room=room, text=form.cleaned_data["text"])
        )
        if not outcome.ok:
            return _room_page(request, room, status=outcome.status, remark_form=form)
        messages.success(request, _("La remarque est à l'écran : la salle peut voter."))
    elif action == "queue":
        queue_form = QueueForm(request.POST)
        queued = submit_form(
            queue_form, lambda: services.ask_to_enter(room=room, name=queue_form.cleaned_data["name"])
        )
        if not queued.ok:
            return _room_page(request, room, status=queued.status, queue_form=queue_form)
    elif action == "close":
        services.close_room(by=by, room=room)
        messages.success(
            request, _("La salle est fermée : son compte rendu est enregistré avec la conversation.")
        )
    else:
        raise ActionNotAllowed(_("Action inconnue."))
    return redirect("backoffice:room", pk=room.pk)
