"""The authorisation matrix: enumerate the site's routes and the API's operations, request each one as each
role against real objects, and compare with the expected table kept in ``authorisation.csv``.

An outcome is the HTTP status, except that a redirect to a sign-in page is written ``login`` (it says « sign
in first », whatever the view would do next) and a redirect carrying an error message ``302 refused`` (some
pages refuse by going back, with the reason). The table has one row per route, objects and method; its
``note`` column is for the reader and is not compared.
"""

import csv
import datetime as dt
import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils import timezone

from bouquet.accounts.models import CensusEntry, User
from bouquet.accounts.verification import census_hash
from tests.security.world import ROLES, World

TABLE = Path(__file__).with_name("authorisation.csv")
COLUMNS = ("route", "objects", "method", *ROLES, "note")
API_PREFIX = "/api/v1/"

# Routes left out of the table, and why. Everything else the URLconf holds must have rows.
SKIPPED_PREFIXES: dict[str, str] = {
    "/admin/": (
        "Django's admin gates every page on is_staff itself; test_every_admin_route_is_for_staff_only "
        "enumerates its routes instead of the table, so that registering a model needs no new rows"
    ),
    settings.STATIC_URL: "static files (only routed when DEBUG is on): no data, no permission",
    settings.MEDIA_URL: "uploaded files (only routed when DEBUG is on; the web server serves them otherwise)",
}


@dataclass(frozen=True)
class Route:
    """A route of the URLconf: its pattern as the table writes it, and the name to reverse it."""

    pattern: str
    name: str | None
    is_api_operation: bool


def _readable(pattern: str) -> str:
    """``^password/reset/key/(?P<uidb36>[0-9A-Za-z]+)-(?P<key>.+)/$`` -> ``password/reset/key/<uidb36>-<key>/``."""
    return re.sub(r"\(\?P<(\w+)>[^)]*\)", r"<\1>", pattern).replace("^", "").replace("$", "")


def _walk(patterns: Iterable[Any], prefix: str, namespace: str | None) -> Iterator[Route]:
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = namespace
            if entry.namespace:
                inner = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
            yield from _walk(entry.url_patterns, prefix + _readable(str(entry.pattern)), inner)
        elif isinstance(entry, URLPattern):
            name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
            module = getattr(entry.callback, "__module__", "")
            yield Route(prefix + _readable(str(entry.pattern)), name, module.startswith("ninja.operation"))


def site_routes() -> list[Route]:
    """Every route of the URLconf, once per pattern (the API's operations included, marked)."""
    seen: dict[str, Route] = {}
    for route in _walk(get_resolver().url_patterns, "/", None):
        seen.setdefault(route.pattern, route)
    return list(seen.values())


def skip_reason(pattern: str) -> str | None:
    """Why a route is not in the table (None: it must be)."""
    for prefix, reason in SKIPPED_PREFIXES.items():
        if pattern.startswith(prefix):
            return reason
    return None


def api_operations(schema: dict[str, Any]) -> list[tuple[str, str]]:
    """(path, METHOD) of every operation the OpenAPI schema declares."""
    return [
        (path, method.upper())
        for path, item in schema["paths"].items()
        for method in item
        if method in {"get", "post", "put", "patch", "delete"}
    ]


# ---- the table ---------------------------------------------------------------------------------------------


@dataclass
class Row:
    route: str
    objects: str
    method: str
    expected: dict[str, str]
    note: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.route, self.objects, self.method)


def read_table(path: Path = TABLE) -> list[Row]:
    """The expected outcomes, row by row."""
    with path.open(newline="", encoding="utf-8") as file:
        reader = csv.DictReader(file, skipinitialspace=True)
        assert tuple(reader.fieldnames or ()) == COLUMNS, f"{path.name}: columns must be {COLUMNS}"
        return [
            Row(
                route=line["route"].strip(),
                objects=line["objects"].strip(),
                method=line["method"].strip(),
                expected={role: line[role].strip() for role in ROLES},
                note=(line["note"] or "").strip(),
            )
            for line in reader
        ]


def write_table(rows: list[Row], path: Path = TABLE) -> None:
    """Write the table back, aligned so that it reads as a table in a plain text editor too."""
    lines = [list(COLUMNS)] + [
        [row.route, row.objects, row.method, *(row.expected[r] for r in ROLES), row.note] for row in rows
    ]
    widths = [max(len(line[i]) for line in lines) for i in range(len(COLUMNS) - 1)]
    buffer: list[str] = []
    for line in lines:
        cells = [_csv_cell(c) for c in line]
        padded = [cell + "," + " " * (widths[i] - len(cell) + 1) for i, cell in enumerate(cells[:-1])]
        buffer.append(("".join(padded) + cells[-1]).rstrip())
    path.write_text("\n".join(buffer) + "\n", encoding="utf-8")


def _csv_cell(value: str) -> str:
    return f'"{value}"' if any(ch in value for ch in ',"\n') else value


# ---- requests ----------------------------------------------------------------------------------------------


def outcome_of(response: Any) -> str:
    """The status; ``login`` for a redirect to a sign-in page; ``302 refused`` for a redirect that carries an
    error message (a page that refuses by going back to where the person was, with the reason)."""
    if response.status_code in (301, 302, 303, 307, 308):
        location = response.headers.get("Location", "")
        if location.startswith((reverse("account_login"), reverse("admin:login"))):
            return "login"
        # Only the messages this request added (not those left by an earlier one and not yet shown).
        added = getattr(getattr(response, "wsgi_request", None), "_messages", None)
        if any(m.level >= messages.ERROR for m in getattr(added, "_queued_messages", ())):
            return f"{response.status_code} refused"
    return str(response.status_code)


def session_cookies(world: World) -> dict[str, str | None]:
    """One signed-in session per role (None for the anonymous visitor)."""
    cookies: dict[str, str | None] = {"anonymous": None}
    for role, person in world.people.items():
        client = Client()
        client.force_login(person)
        cookies[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return cookies


def request(
    cookie: str | None, method: str, url: str, *, data: dict[str, Any] | None = None, json_body: bool = False
) -> str:
    """One request, whose writes are rolled back afterwards: every request meets the same world."""
    client = Client()
    if cookie is not None:
        client.cookies[settings.SESSION_COOKIE_NAME] = cookie
    with transaction.atomic():
        try:
            if json_body:
                response = client.generic(
                    method, url, json.dumps(data or {}), content_type="application/json"
                )
            elif method == "POST":
                response = client.post(url, data or {})
            else:
                response = client.generic(method, url)
            result = outcome_of(response)
        except Exception as error:  # noqa: BLE001 - a server error is an outcome the table never allows
            result = f"500 ({type(error).__name__}: {error})"[:200]
        transaction.set_rollback(True)
    return result


# What each form posts: valid data, so that the answer says whether the person may act, not whether the
# form was filled in. Routes not listed post nothing.
PostData = Callable[[World, User | None], dict[str, Any]]


def _pb_file(world: World, user: User | None) -> dict[str, Any]:
    text = (
        "META\nkey;value\ndescription;Import de test\nnum_projects;1\nnum_votes;1\nbudget;100\n"
        "vote_type;approval\nPROJECTS\nproject_id;cost;name\n1;50;Un projet\nVOTES\nvoter_id;vote\n1;1\n"
    )
    return {"file": SimpleUploadedFile("election.pb", text.encode()), "title": "Élection importée"}


def _process_form() -> dict[str, Any]:
    return {
        "title": "Une démarche de la gestion",
        "summary": "Résumé de la démarche.",
        "description": "Description de la démarche.",
        "components": ["proposals"],
    }


def _phase_form(start: int, end: int) -> dict[str, Any]:
    """A proposals phase from ``start`` to ``end`` days from today (clear of the world's other phases)."""
    today = timezone.localdate()
    return {
        "kind": "proposals",
        "starts_on": (today + dt.timedelta(days=start)).isoformat(),
        "ends_on": (today + dt.timedelta(days=end)).isoformat(),
    }


PERSON_AT_DESK = {"given_name": "Marie", "family_name": "Dupont", "birthdate": "17/05/1990"}


def _on_the_census() -> dict[str, Any]:
    """Marie Dupont's details, with her line on the list of inhabitants (so that matching it succeeds)."""
    details = {**PERSON_AT_DESK, "address": "12 rue des Lilas"}
    key = census_hash(
        given_name="Marie", family_name="Dupont", birthdate=dt.date(1990, 5, 17), address=details["address"]
    )
    CensusEntry.objects.get_or_create(key=key, defaults={"imported_on": dt.date(2026, 1, 1)})
    return details


POST_DATA: dict[str, PostData] = {
    "/conversations/<int:pk>/affirmations/<int:statement_pk>/vote/": lambda w, u: {"value": "agree"},
    "/salle/<str:code>/affirmations/<int:statement_pk>/vote/": lambda w, u: {"value": "agree"},
    "/demarches/<slug:slug>/propositions/nouvelle/": lambda w, u: {
        "title": "Des bancs devant l'école",
        "body": "Installer des bancs à l'ombre pour les parents qui attendent.",
        "origin": "online",
        "confirmer": "1",
    },
    "/propositions/<int:pk>/modifier/": lambda w, u: {
        "title": "Des bancs sur la grande place",
        "body": "Installer des bancs à l'ombre des tilleuls de la place.",
    },
    "/propositions/<int:pk>/commentaires/": lambda w, u: {"body": "Je suis d'accord avec cette idée."},
    "/propositions/<int:pk>/retirer/": lambda w, u: {"confirmer": "oui"},
    "/propositions/<int:pk>/demander-a-rejoindre/": lambda w, u: {"message": "Je peux aider."},
    "/propositions/<int:pk>/demandes/<int:request_pk>/": lambda w, u: {"decision": "accepter"},
    "/propositions/<int:pk>/signaler/": lambda w, u: {"reason": "Propos injurieux envers un voisin."},
    "/commentaires/<int:pk>/signaler/": lambda w, u: {"reason": "Propos injurieux envers un voisin."},
    "/propositions/<int:pk>/reponse/": lambda w, u: {"status": "under_study", "answer": "Nous l'étudions."},
    "/moderation/<str:kind>/<int:pk>/": lambda w, u: {"verdict": "hide", "reason": "Hors de la charte."},
    "/demarches/<slug:slug>/bouquets/regrouper/": lambda w, u: {"themes": ""},
    "/bouquets/<int:pk>/renommer/": lambda w, u: {"label": "Ombre et fraîcheur"},
    "/bouquets/<int:pk>/epingler/": lambda w, u: {"pinned": "1"},
    "/bouquets/<int:pk>/fusionner/": lambda w, u: {"others": [w.pk("bouquet2")]},
    "/bouquets/<int:pk>/scinder/": lambda w, u: {"proposals": [w.pk("mine")], "label": "Des bancs"},
    "/bouquets/<int:pk>/odd/": lambda w, u: {"sdgs": ["11"]},
    "/bouquets/<int:pk>/deplacer/<int:proposal_pk>/": lambda w, u: {"to": w.pk("bouquet2")},
    "/grands-themes/<int:pk>/renommer/": lambda w, u: {"label": "Nature en ville"},
    "/demarches/<slug:slug>/budget/nouveau/": lambda w, u: {
        "title": "Budget des quartiers",
        "amount": "50000",
        "ballot_kind": "knapsack",
        "min_projects": "1",
        "eligibility": "signed_in",
        "rule": "greedy_cost",
        "tie_break": "votes",
        "tie_break_seed": "bouquet",
    },
    "/demarches/<slug:slug>/budget/importer/": _pb_file,
    "/budgets/<int:pk>/voter/": lambda w, u: {"projet": [w.pk("open_project")], "action": "valider"},
    "/budgets/<int:pk>/voter/verifier/": lambda w, u: {"projet": [w.pk("open_project")]},
    "/budgets/<int:pk>/vote-papier/": lambda w, u: {
        **PERSON_AT_DESK,
        "address": "12 rue des Lilas",
        "email": w.paper_voter.email if w.paper_voter else "",
        "projet": [w.pk("open_project")],
    },
    "/compte/identite/": lambda w, u: _on_the_census(),
    "/gestion/habitants/": lambda w, u: {
        "file": SimpleUploadedFile(
            "habitants.csv",
            "nom;prénom;date de naissance;adresse\nRoy;Anne;01/01/1960;5 rue Neuve\n".encode(),
        )
    },
    "/gestion/identites/verifier/": lambda w, u: {
        **PERSON_AT_DESK,
        "email": w.paper_voter.email if w.paper_voter else "",
        "document_kind": "id_card",
    },
    "/budgets/<int:pk>/projets/nouveau/": lambda w, u: {"title": "Un nouveau projet", "cost": "1000"},
    "/budgets/<int:pk>/projets/<int:project_pk>/modifier/": lambda w, u: {
        "title": "Projet corrigé",
        "cost": "2000",
    },
    "/budgets/<int:pk>/projets/<int:project_pk>/faisabilite/": lambda w, u: {
        "feasibility": "feasible",
        "note": "Les services l'ont étudié.",
    },
    "/bouquets/<int:bouquet_pk>/projet-budget/": lambda w, u: {"budget": w.pk("setup"), "cost": "5000"},
    "/bouquets/<int:bouquet_pk>/moyens/": lambda w, u: {"kind": "money", "amount": "1000"},
    "/compte/profil/": lambda w, u: {"display_name": "Un nouveau nom"},
    "/invitation/<str:token>/": lambda w, u: {
        "display_name": "Invitée",
        "password": "un-mot-de-passe-solide",
        "password_again": "un-mot-de-passe-solide",
    },
    "/gestion/personnes/inviter/": lambda w, u: {
        "email": "quelqu-un@exemple.fr",
        "role": "facilitator",
        "scope": "territory",
    },
    "/compte/jetons/": lambda w, u: {"name": "tableur"},
    "/compte/supprimer/": lambda w, u: {"confirmation": u.email if u else ""},
    "/i18n/setlang/": lambda w, u: {"language": "fr", "next": "/"},
    "/gestion/demarches/nouvelle/": lambda w, u: _process_form(),
    "/gestion/demarches/<int:pk>/modifier/": lambda w, u: _process_form(),
    "/gestion/demarches/<int:pk>/phases/nouvelle/": lambda w, u: _phase_form(100, 110),
    "/gestion/phases/<int:pk>/modifier/": lambda w, u: _phase_form(-30, 30),
    "/gestion/quartiers/": lambda w, u: {"name": "Un nouveau quartier", "description": ""},
    "/gestion/quartiers/<int:pk>/modifier/": lambda w, u: {"name": "Quartier renommé", "description": ""},
    "/gestion/themes/": lambda w, u: {"name": "Un nouveau thème"},
    "/gestion/themes/<int:pk>/modifier/": lambda w, u: {"name": "Thème renommé"},
    "/gestion/identite/": lambda w, u: {
        "name": "Ville de Val-de-Loirette",
        "article": "la",
        "short_name": "Val-de-Loirette",
        "primary_color": "#1f5f8b",
    },
}

API_BODIES: dict[tuple[str, str], dict[str, Any]] = {
    ("/api/v1/processes/{slug}/proposals", "POST"): {
        "title": "Un composteur collectif",
        "body": "Au pied de la résidence des Lilas.",
    },
    ("/api/v1/proposals/{pk}/comments", "POST"): {"body": "Je suis d'accord."},
    # the statement's id is the world's (``talk_statement``): ids differ between databases
    ("/api/v1/conversations/{pk}/votes", "POST"): {"statement_id": "talk_statement", "value": "agree"},
    ("/api/v1/me/preferences/{kind}", "PUT"): {"frequency": "daily"},
}


def url_of(row: Row, world: World, *, is_api: bool, routes: dict[str, Route]) -> str:
    """The URL a row requests."""
    kwargs = world.bind(row.objects) if row.objects != "-" else {}
    if is_api:
        return re.sub(r"\{(\w+)\}", lambda m: str(kwargs[m.group(1)]), row.route)
    name = routes[row.route].name
    if name is None and "<" not in row.route:
        return row.route  # an unnamed address without arguments (allauth's old ones, kept as redirects)
    assert name is not None, f"{row.route} has no name to reverse"
    return reverse(name, kwargs=kwargs)


def run_row(
    row: Row, url: str, world: World, cookies: dict[str, str | None], *, is_api: bool
) -> dict[str, str]:
    """The outcome of one row for every role."""
    results: dict[str, str] = {}
    for role in ROLES:
        user = world.people.get(role)
        if is_api:
            body = API_BODIES.get((row.route, row.method))
            if body is not None and isinstance(body.get("statement_id"), str):
                body = {**body, "statement_id": world.objects[body["statement_id"]]}
            results[role] = request(cookies[role], row.method, url, data=body, json_body=body is not None)
        elif row.method == "POST":
            make = POST_DATA.get(row.route)
            results[role] = request(cookies[role], "POST", url, data=make(world, user) if make else {})
        else:
            results[role] = request(cookies[role], row.method, url)
    return results
