"""The territory's map layers and the address search (a plain page, and JSON for the map picker); the places
that remember, their timelines, memories and archive items."""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET, require_POST

from bouquet.core.errors import Conflict, InvalidInput
from bouquet.core.forms import form_page
from bouquet.core.limits import limited
from bouquet.places import selectors, services
from bouquet.places.models import Memory, Moderation, Place, PlaceModerationDecision
from bouquet.places.selectors import find_places, territory_geojson
from bouquet.processes.models import Action, Process
from bouquet.processes.selectors import process_allows, processes_for_list
from bouquet.www.auth import signed_in_user
from bouquet.www.places import access
from bouquet.www.places.forms import (
    ArchiveItemForm,
    MemoryForm,
    MemoryReportForm,
    PlaceForm,
    PlaceListForm,
    PlaceSearchForm,
)

TIMELINE_LIMIT = 1000  # the page reads at most this many items of a timeline (the API gives them all at once)
TIMELINE_PAGE = 25  # items per page of the timeline: a page with a long past stays light to render


def _timeline_page(raw: str | None) -> int:
    """The page of the timeline asked for, 1 when absent or odd, at most the last one the page reads."""
    try:
        page = int(raw or 1)
    except ValueError:
        return 1
    return min(max(page, 1), TIMELINE_LIMIT // TIMELINE_PAGE)


@require_GET
@cache_control(public=True, max_age=300)
def territory(request: HttpRequest) -> JsonResponse:
    """Districts, river, streets and places drawn under every interactive map (no tile server needed)."""
    return JsonResponse(territory_geojson())


@require_GET
def place_search(request: HttpRequest) -> HttpResponse:
    """Find an address or a place; the map picker asks for JSON, people without JavaScript get a page whose
    results lead back to the proposal form with the place filled in."""
    form = PlaceSearchForm(request.GET or None)
    results = find_places(query=form.cleaned_data["q"]) if form.is_valid() else []
    wants_json = request.GET.get("format") == "json"
    if wants_json:
        status = 200 if form.is_valid() else 422
        rows = [
            {"label": r.label, "context": r.context, "latitude": r.latitude, "longitude": r.longitude}
            for r in results
        ]
        return JsonResponse({"results": rows, "errors": form.errors.get_json_data()}, status=status)
    slug = request.GET.get("demarche", "")
    process = Process.objects.published().filter(slug=slug).first() if slug else None
    context = {"form": form, "results": results, "process": process, "searched": form.is_bound}
    return render(request, "places/place_search.html", context, status=422 if form.errors else 200)


# ---------------------------------------------------------------------------------------------------------------
# The memory of places.

PLACES_PER_PAGE = 30
NEARBY_M = 500


def _place_or_404(request: HttpRequest, pk: int) -> Place:
    try:
        place = selectors.place_for_page(pk=pk)
    except Place.DoesNotExist as error:
        raise Http404 from error
    if not access.can_read_place(request.user, place):
        raise Http404  # what one may not read answers as if it did not exist
    return place


@require_GET
def place_list(request: HttpRequest) -> HttpResponse:
    """The places of the territory, by name, with how many memories each holds, on a drawn map and in a list."""
    form = PlaceListForm(request.GET or None)
    query, district = "", None
    if form.is_valid():
        query, district = form.cleaned_data["q"] or "", form.cleaned_data["quartier"]
    places = selectors.places_for_list(query=query, district=district)
    page = Paginator(places, PLACES_PER_PAGE).get_page(request.GET.get("page"))
    shown = list(page.object_list)
    counts = selectors.memory_counts(place_ids=[p.pk for p in shown])
    for place in shown:
        place.memory_count = counts.get(place.pk, 0)  # type: ignore[attr-defined]
    context = {
        "form": form,
        "page": page,
        "places": shown,
        "drawing": selectors.places_drawing(places=shown, district=district),
        "can_create": request.user.is_authenticated,
    }
    return render(request, "places/place_list.html", context)


@require_GET
def place_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A place and everything it remembers, newest first: memories, archives, proposals, decisions, projects."""
    place = _place_or_404(request, pk)
    page = _timeline_page(request.GET.get("page"))
    # One more item than the page shows says whether older ones remain; only this page's items are read whole.
    shown = selectors.place_timeline(
        place=place, limit=page * TIMELINE_PAGE + 1, offset=(page - 1) * TIMELINE_PAGE
    )
    timeline = shown[:TIMELINE_PAGE]
    older = len(shown) > TIMELINE_PAGE and page < TIMELINE_LIMIT // TIMELINE_PAGE
    nearby = [
        n
        for n in selectors.places_near(place.latitude, place.longitude, NEARBY_M, limit=6)
        if n.place != place
    ]
    context = {
        "place": place,
        "timeline": timeline,
        "timeline_page": page,
        "older_page": page + 1 if older else None,
        "newer_page": page - 1 if page > 1 else None,
        "nearby": nearby[:5],
        "can_add_memory": access.can_add_memory(request.user, place),
        "can_add_archive": access.can_add_archive(request.user),
        "can_moderate": access.moderates_place(request.user, place),
        "propose_in": _processes_open_for(place),
    }
    return render(request, "places/place_detail.html", context)


def _processes_open_for(place: Place) -> list[Process]:
    """The published processes taking proposals today about this place (its district's, or the whole
    territory's)."""
    if place.moderation != Moderation.PUBLISHED:
        return []
    return [
        process
        for process in processes_for_list()
        if process.district_id in (None, place.district_id) and process_allows(process, Action.SUBMIT)
    ]


@login_required
def place_create(request: HttpRequest) -> HttpResponse:
    """Name a place: an agent's is published at once, an inhabitant's once a moderator has seen it."""
    form = PlaceForm(request.POST or None)
    trusted = access.places_are_trusted(request.user)
    return form_page(
        request,
        form,
        limited(
            request,
            "proposal",
            lambda: services.create_place(
                author=signed_in_user(request),
                data=services.PlaceInput(
                    name=form.cleaned_data["name"],
                    kind=form.cleaned_data["kind"],
                    description=form.cleaned_data["description"],
                    point=form.cleaned_data.get("point"),
                ),
                trusted=trusted,
                submission_key=form.cleaned_data.get("cle"),
            ),
        ),
        template="places/place_form.html",
        context={"trusted": trusted},
        done=_("Le lieu est publié.")
        if trusted
        else _("Merci : le lieu sera publié après un passage de la modération."),
        then=redirect,
    )


@login_required
def memory_add(request: HttpRequest, pk: int) -> HttpResponse:
    """Tell what one remembers of a place, perhaps with a photo."""
    place = _place_or_404(request, pk)
    if not access.can_add_memory(request.user, place):
        raise PermissionDenied(_("On ne peut pas encore ajouter de souvenir à ce lieu."))
    form = MemoryForm(request.POST or None, request.FILES or None)
    return form_page(
        request,
        form,
        limited(
            request,
            "comment",
            lambda: services.add_memory(
                author=signed_in_user(request),
                place=place,
                title=form.cleaned_data["title"],
                story=form.cleaned_data["story"],
                when=form.cleaned_data["when_text"],
                photo=form.cleaned_data.get("photo"),
                photo_alt=form.cleaned_data.get("photo_alt", ""),
                submission_key=form.cleaned_data.get("cle"),
            ),
        ),
        template="places/memory_form.html",
        context={"place": place},
        done=_("Merci : votre souvenir est ajouté à l'histoire du lieu."),
        then=redirect,
    )


@login_required
def archive_add(request: HttpRequest, pk: int) -> HttpResponse:
    """An agent adds a piece of the authority's archives (an old map, a photo, a decision) to a place."""
    place = _place_or_404(request, pk)
    if not access.can_add_archive(request.user):
        raise PermissionDenied(_("Réservé aux agents de la collectivité."))
    form = ArchiveItemForm(request.POST or None, request.FILES or None)
    return form_page(
        request,
        form,
        lambda: services.add_archive_item(
            agent=signed_in_user(request),
            place=place,
            kind=form.cleaned_data["kind"],
            title=form.cleaned_data["title"],
            when=form.cleaned_data["when_text"],
            description=form.cleaned_data["description"],
            image=form.cleaned_data.get("image"),
            image_alt=form.cleaned_data.get("image_alt", ""),
            link=form.cleaned_data.get("link", ""),
            source=form.cleaned_data["source"],
            licence=form.cleaned_data["licence"],
        ),
        template="places/archive_form.html",
        context={"place": place},
        done=_("Le document d'archive est ajouté."),
        then=redirect,
    )


@login_required
def memory_report(request: HttpRequest, pk: int) -> HttpResponse:
    """Report a memory to the moderators."""
    memory = get_object_or_404(
        Memory.objects.select_related("place"),
        pk=pk,
        moderation=Moderation.PUBLISHED,
        place__moderation=Moderation.PUBLISHED,
    )
    form = MemoryReportForm(request.POST or None)
    return form_page(
        request,
        form,
        limited(
            request,
            "report",
            lambda: services.report_memory(
                reporter=signed_in_user(request), memory=memory, reason=form.cleaned_data["reason"]
            ),
        ),
        template="places/memory_report.html",
        context={"memory": memory},
        done=_("Merci, votre signalement est transmis à la modération."),
        then=lambda _report: redirect(memory),
    )


@require_POST
@login_required
def moderate(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """Publish, hide or restore a place or a memory, with a reason its author reads."""
    if kind == "lieu":
        place = get_object_or_404(Place, pk=pk)
        target: dict[str, Any] = {"place": place}
    elif kind == "souvenir":
        memory = get_object_or_404(Memory.objects.select_related("place"), pk=pk)
        place, target = memory.place, {"memory": memory}
    else:
        raise Http404
    if not access.can_read_place(request.user, place):
        raise Http404  # what one may not read answers as if it did not exist
    if not access.moderates_place(request.user, place):
        raise PermissionDenied(_("Réservé aux modérateurs de ce quartier."))
    verdict = request.POST.get("verdict", "")
    if verdict not in PlaceModerationDecision.Verdict.values:
        raise InvalidInput(_("Choisissez de masquer ou de publier ce contenu."))
    try:
        services.moderate_place_item(
            moderator=signed_in_user(request),
            hide=verdict == PlaceModerationDecision.Verdict.HIDE,
            reason=request.POST.get("reason", ""),
            **target,
        )
    except Conflict as error:
        messages.info(request, str(error.message))
    else:
        messages.success(request, _("La décision est enregistrée."))
    return redirect(_next_page(request, default=reverse("proposals:moderation")))


def _next_page(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default
