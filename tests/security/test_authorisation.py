"""Proof by enumeration: every route of the site and every operation of the API, requested as every role
against real objects, answers what ``authorisation.csv`` says.

A route or operation without a row fails the test (« new route without an entry »), and so does a row whose
route is gone. To update the table after a deliberate change, run this file with
``BOUQUET_WRITE_AUTHORISATION=1``: it rewrites the outcomes in place (rows and notes are kept), and
``git diff tests/security/authorisation.csv`` shows what changed, for a person to review.
"""

import os
import re

import pytest
from django.test import Client
from django.urls import reverse

from bouquet.processes.models import PhaseKind
from tests.factories import ProcessFactory, UserFactory
from tests.oidc_provider import FakeProvider
from tests.security.matrix import (
    API_PREFIX,
    TABLE,
    Row,
    api_operations,
    outcome_of,
    read_table,
    request,
    run_row,
    session_cookies,
    site_routes,
    skip_reason,
    url_of,
    write_table,
)
from tests.security.world import ROLES, build_people, build_world

pytestmark = pytest.mark.django_db


def _coverage(rows: list[Row], operations: set[tuple[str, str]]) -> list[str]:
    """Routes and operations without a row, rows without a route, and API routes the schema does not show."""
    problems: list[str] = []
    routes = site_routes()
    in_table = {(row.route, row.method) for row in rows}
    table_routes = {row.route for row in rows}
    pages = {r.pattern for r in routes if not r.is_api_operation and skip_reason(r.pattern) is None}
    for pattern in sorted(pages - table_routes):
        problems.append(f"new route without an entry: {pattern}")
    for path, method in sorted(operations - in_table):
        problems.append(f"new API operation without an entry: {method} {path}")
    for route in sorted(table_routes - pages - {path for path, _method in operations}):
        problems.append(f"row for a route that no longer exists: {route}")
    # Every API route the URLconf serves is an operation of the schema (none escapes the enumeration).
    served = {re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", r.pattern) for r in routes if r.is_api_operation}
    for path in sorted(served - {path for path, _method in operations}):
        problems.append(f"API route missing from the OpenAPI schema: {path}")
    return problems


def _diff(row: Row, actual: dict[str, str]) -> list[str]:
    return [
        f"    {role:<13} expected {row.expected[role]:<6} got {actual[role]}"
        for role in ROLES
        if actual[role] != row.expected[role]
    ]


# The table is checked in interleaved slices, so that pytest-xdist shares its 6,000-odd requests between workers
# (one test held the critical path of the whole suite). Rewriting the table needs every row in one test.
WRITING = bool(os.environ.get("BOUQUET_WRITE_AUTHORISATION"))
SLICES = 1 if WRITING else 8


def test_every_route_and_operation_has_a_row() -> None:
    schema = Client().get(f"{API_PREFIX}openapi.json").json()
    problems = _coverage(read_table(), set(api_operations(schema)))
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("part", range(SLICES), ids=lambda part: f"slice{part + 1}of{SLICES}")
def test_every_route_answers_each_role_as_the_table_says(oidc_provider: FakeProvider, part: int) -> None:
    # oidc_provider: the fake FranceConnect runs and is configured, so that its sign-in routes answer as in use.
    world = build_world()
    cookies = session_cookies(world)
    schema = Client().get(f"{API_PREFIX}openapi.json").json()
    operations = set(api_operations(schema))
    rows = read_table()
    mine = rows[part::SLICES]
    assert mine, "an empty slice checks nothing"
    routes = {route.pattern: route for route in site_routes()}

    mismatches: list[str] = []
    server_errors: list[str] = []
    for row in mine:
        is_api = (row.route, row.method) in operations
        url = url_of(row, world, is_api=is_api, routes=routes)
        actual = run_row(row, url, world, cookies, is_api=is_api)
        server_errors += [
            f"{row.method} {url} as {role}: {out}" for role, out in actual.items() if out[:1] == "5"
        ]
        lines = _diff(row, actual)
        if lines:
            mismatches.append(f"  {row.method} {row.route}  [{row.objects}]  ({url})\n" + "\n".join(lines))
        row.expected = actual

    if WRITING:
        write_table(rows)
    requests = len(mine) * len(ROLES)
    report = "\n".join(
        [
            *(["server errors:", *server_errors] if server_errors else []),
            *([f"{len(mismatches)} rows differ from {TABLE.name}:", *mismatches] if mismatches else []),
        ]
    )
    assert not report, f"{requests} requests ({len(mine)} rows x {len(ROLES)} roles)\n{report}"


# Who may read each object that the public may not see (by the world's construction: "inhabitant" wrote the
# proposals, "other" the comments).
READERS: dict[str, set[str]] = {
    "hidden": {"inhabitant", "moderator", "process_moderator", "administrator"},  # in "collect"
    "draft_proposal": {"inhabitant", "moderator", "administrator"},
    "hidden_comment": {"other", "moderator", "process_moderator", "administrator"},
    "draft_comment": {"inhabitant", "moderator", "administrator"},
    "draft": set(),
    # Agents curate the bouquets of a process they prepare, and give them means (pages only staff may use).
    "draft_topic": {"agent", "administrator"},
    "draft_bouquet": {"agent", "administrator"},
    "draft_budget": set(),
    "draft_project": set(),
    # An inhabitant's place awaiting moderation: the person who named it and the territory's moderators.
    "pending_place": {"inhabitant", "moderator", "administrator"},
}
NOT_FOUND = {"404", "405", "login", "401"}  # 405 and sign-in come before any look-up: they reveal nothing
# A page and its API twin: what one may not see is not found in both.
TWINS: list[tuple[str, str, str]] = [
    ("/demarches/<slug:slug>/", "/api/v1/processes/{slug}", "GET"),
    ("/demarches/<slug:slug>/propositions/", "/api/v1/processes/{slug}/proposals", "GET"),
    ("/demarches/<slug:slug>/budget/", "/api/v1/processes/{slug}/budgets", "GET"),
    ("/demarches/<slug:slug>/bouquets/", "/api/v1/processes/{slug}/bouquets", "GET"),
    ("/propositions/<int:pk>/", "/api/v1/proposals/{pk}", "GET"),
    ("/propositions/<int:pk>/commentaires/", "/api/v1/proposals/{pk}/comments", "POST"),
    ("/propositions/<int:pk>/soutien/", "/api/v1/proposals/{pk}/support", "POST"),
    ("/budgets/<int:pk>/", "/api/v1/budgets/{pk}", "GET"),
    ("/budgets/<int:pk>/resultats/", "/api/v1/budgets/{pk}/results", "GET"),
    ("/bouquets/<int:pk>/", "/api/v1/bouquets/{pk}", "GET"),
]


def _invisible(row: Row) -> set[str]:
    return {item.partition("=")[2] for item in row.objects.split()} & set(READERS)


def _non_readers(row: Row) -> list[str]:
    names = _invisible(row)
    return [role for role in ROLES if not any(role in READERS[name] for name in names)]


def test_what_one_may_not_see_is_not_found() -> None:
    """In the table, a hidden or unpublished thing answers 404 to whoever may not read it (a 403 would say
    that it exists), unless the route refuses that role whatever the object (a page only staff may use)."""
    rows = read_table()
    refused_by_role = {
        (row.route, row.method, role)
        for row in rows
        if not _invisible(row)
        for role in ROLES
        if row.expected[role] == "403"
    }
    leaks = [
        f"{row.method} {row.route} [{row.objects}] as {role}: {row.expected[role]}"
        for row in rows
        if _invisible(row)
        for role in _non_readers(row)
        if row.expected[role] not in NOT_FOUND
        and not (row.expected[role] == "403" and (row.route, row.method, role) in refused_by_role)
    ]
    assert not leaks, "\n".join(leaks)


def test_pages_and_their_api_twins_refuse_alike() -> None:
    rows = read_table()
    by_key = {(row.route, row.method, row.objects): row for row in rows}
    compared, different = 0, []
    for page, api, method in TWINS:
        for (route, row_method, objects), row in by_key.items():
            if route != page or row_method != method or not _invisible(row):
                continue
            twin = by_key.get((api, method, objects))
            if twin is None:
                continue
            for role in _non_readers(row):
                ours, theirs = row.expected[role], twin.expected[role]
                compared += 1
                # The anonymous visitor may be asked to sign in first (a page) or get 401 (the API): neither
                # says whether the thing exists.
                anonymous_alike = role == "anonymous" and {ours, theirs} <= {"404", "login", "401"}
                if ours != theirs and not anonymous_alike:
                    different.append(f"{page} / {method} {api} [{objects}] as {role}: {ours} / {theirs}")
    assert compared > 50
    assert not different, "\n".join(different)


def test_every_admin_route_is_for_staff_only() -> None:
    """Django's admin is left out of the table: every one of its routes sends anyone but staff to its sign-in."""
    world = build_people()
    cookies = session_cookies(world)
    admin_routes = [r for r in site_routes() if r.pattern.startswith("/admin/") and r.name]
    assert len(admin_routes) > 20
    refusals = []
    person = str(world.people["inhabitant"].pk)
    arguments = {"object_id": person, "id": person, "app_label": "accounts"}
    for route in admin_routes:
        names = re.findall(r"<(?:\w+:)?(\w+)>", route.pattern)
        if route.name in {"admin:login", "admin:logout"} or "content_type_id" in names:
            continue  # public by nature; view_on_site only redirects to the object's public page
        url = reverse(route.name, kwargs={n: arguments[n] for n in names})
        for role in ROLES:
            outcome = request(cookies[role], "GET", url)
            allowed = outcome != "login"
            if allowed != (role == "administrator"):
                refusals.append(f"{url} as {role}: {outcome}")
    assert not refusals, "\n".join(refusals)


def test_outcomes_read_as_the_table_writes_them() -> None:
    """``login`` is a redirect to a sign-in page; ``302 refused`` a redirect that carries an error message."""
    assert outcome_of(Client().get(reverse("accounts:profile"))) == "login"
    assert outcome_of(Client().get("/")) == "200"
    closed = ProcessFactory(current_phase=PhaseKind.SUPPORTS)
    client = Client()
    client.force_login(UserFactory())
    assert outcome_of(client.get(reverse("proposals:create", kwargs={"slug": closed.slug}))) == "302 refused"
    assert outcome_of(client.post(reverse("accounts:profile"), {"display_name": "Camille"})) == "302"
