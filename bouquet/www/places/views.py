"""The territory's map layers and the address search (a plain page, and JSON for the map picker)."""

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from bouquet.places.selectors import find_places, territory_geojson
from bouquet.processes.models import Process
from bouquet.www.places.forms import PlaceSearchForm


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
