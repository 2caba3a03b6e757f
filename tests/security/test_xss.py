"""Stored and reflected XSS: the corpus (tests/security/xss_payloads.txt) stored in every field people fill,
then every page and API answer that shows them, read with Django's test client. No page may hold an element
or attribute made from a payload; the pages that show whole texts show them verbatim, as text. (The same
payloads run in Chromium in tests/e2e/test_xss.py.)"""

import json
import math
import re
from dataclasses import dataclass
from urllib.parse import urlencode

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from bouquet.budgets.models import BudgetProject
from bouquet.processes.models import PhaseKind
from bouquet.proposals.selectors import PAGE_SIZE
from tests.factories import ProcessFactory, UserFactory
from tests.security.xss import XssWorld, build_xss_world, check_html, payloads

pytestmark = pytest.mark.django_db

SAMPLE = 7  # reflected inputs try every 7th payload (each one is a request); stored fields hold them all


@dataclass
class Visit:
    what: str
    client: Client
    url: str
    texts: tuple[str, ...] = ()
    status: int = 200
    data: dict[str, str] | None = None  # posted


def _client(user: object | None = None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)  # type: ignore[arg-type]
    return client


def _visits(world: XssWorld) -> list[Visit]:
    anonymous = _client()
    author, agent, moderator = _client(world.author), _client(world.agent), _client(world.moderator)
    slug = world.process.slug
    pages = math.ceil(len(world.proposals) / PAGE_SIZE)
    visits = [
        Visit("home page", anonymous, "/"),
        Visit("process", anonymous, reverse("processes:detail", kwargs={"slug": slug})),
        Visit(
            "proposals on the map", anonymous, reverse("proposals:list", kwargs={"slug": slug}) + "?vue=carte"
        ),
        Visit("bouquets", agent, reverse("bouquets:process", kwargs={"slug": slug})),
        Visit("bouquets (public)", anonymous, reverse("bouquets:process", kwargs={"slug": slug})),
        Visit("regrouping progress", anonymous, reverse("bouquets:progress", kwargs={"slug": slug})),
        Visit("sobriety report", anonymous, reverse("budgets:sobriety", kwargs={"slug": slug})),
        Visit("budgets of the process", agent, reverse("budgets:process", kwargs={"slug": slug})),
        Visit("new budget form", agent, reverse("budgets:create", kwargs={"slug": slug})),
        Visit("profile with tokens", author, reverse("accounts:profile")),
        Visit("my data", author, reverse("accounts:my-data")),
    ]
    visits += [
        Visit(f"proposals page {n}", author, reverse("proposals:list", kwargs={"slug": slug}) + f"?page={n}")
        for n in range(1, pages + 1)
    ]
    visits += [
        Visit(f"proposal {p.pk}", anonymous, p.get_absolute_url(), tuple(world.texts_by_proposal[p.pk]))
        for p in world.proposals
    ]
    visits += [
        Visit(f"report form {p.pk}", author, reverse("proposals:report", kwargs={"pk": p.pk}))
        for p in world.proposals[::SAMPLE]
    ]
    visits += [
        Visit(
            f"moderation queue page {n}",
            moderator,
            reverse("proposals:moderation") + f"?page={n}&page_commentaires={n}",
        )
        for n in range(1, pages + 1)
    ]
    visits += [
        Visit(f"bouquet {b.pk}", anonymous, b.get_absolute_url(), (b.label, *b.keywords))
        for b in world.bouquets
    ]
    for bouquet in world.bouquets[::40]:
        visits += [
            Visit(f"bouquet {bouquet.pk} (agent)", agent, bouquet.get_absolute_url(), (bouquet.label,)),
            Visit(
                "bouquet to project",
                agent,
                reverse("budgets:bouquet-project", kwargs={"bouquet_pk": bouquet.pk}),
            ),
            Visit("means for a bouquet", agent, reverse("budgets:means", kwargs={"bouquet_pk": bouquet.pk})),
        ]
    for budget in (world.open_budget, world.closed_budget, world.imported_budget):
        pk = budget.pk
        visits += [
            Visit(f"budget {pk}", anonymous, reverse("budgets:detail", kwargs={"pk": pk}), (budget.title,)),
            Visit(f"ballot {pk}", author, reverse("budgets:vote", kwargs={"pk": pk})),
            Visit(f"results {pk}", anonymous, reverse("budgets:results", kwargs={"pk": pk})),
            Visit(f"recount {pk}", anonymous, reverse("budgets:recount", kwargs={"pk": pk})),
        ]
        visits += [
            Visit(
                f"project {p.pk}",
                anonymous,
                p.get_absolute_url(),
                (p.title, p.description, p.feasibility_note),
            )
            for p in BudgetProject.objects.filter(budget=budget).order_by("id")[::3]
        ]
    visits += [
        Visit("paper ballot", agent, reverse("budgets:paper", kwargs={"pk": world.open_budget.pk})),
        Visit(
            "new project form", agent, reverse("budgets:project-create", kwargs={"pk": world.open_budget.pk})
        ),
    ]
    return visits


def _reflected(world: XssWorld) -> list[Visit]:
    """What people type that comes straight back: a search, the similar proposals, a refused form."""
    open_process = ProcessFactory(current_phase=PhaseKind.PROPOSALS)
    signed_in = _client(UserFactory())
    slug = world.process.slug
    visits = []
    for text in payloads()[::SAMPLE]:
        query = urlencode({"q": text[:200], "graine": text})
        visits.append(
            Visit("search", signed_in, reverse("proposals:list", kwargs={"slug": slug}) + f"?{query}")
        )
        similar = urlencode({"title": text, "body": text})
        visits.append(
            Visit("similar", signed_in, reverse("bouquets:similar", kwargs={"slug": slug}) + f"?{similar}")
        )
        visits.append(
            Visit(
                "refused proposal form",
                signed_in,
                reverse("proposals:create", kwargs={"slug": open_process.slug}),
                status=422,
                data={"title": text, "body": "court", "address": text, "latitude": text, "longitude": "1"},
            )
        )
    return visits


def test_no_stored_or_reflected_payload_makes_html() -> None:
    world = build_xss_world()
    assert len(payloads()) >= 200
    failures: list[str] = []
    visits = _visits(world) + _reflected(world)
    for visit in visits:
        if visit.data is None:
            response = visit.client.get(visit.url)
        else:
            response = visit.client.post(visit.url, visit.data)
        if response.status_code != visit.status:
            failures.append(f"{visit.what} ({visit.url}): status {response.status_code}")
            continue
        page = check_html(response.content.decode())
        failures += [f"{visit.what} ({visit.url}): {problem}" for problem in page.problems]
        failures += [
            f"{visit.what} ({visit.url}): not shown verbatim: {t!r}" for t in page.missing(list(visit.texts))
        ]
    assert not failures, f"{len(failures)} problems on {len(visits)} pages:\n" + "\n".join(failures[:60])


def test_api_answers_and_files_are_never_html() -> None:
    """JSON and downloads carry payloads as data: never served as HTML, never sniffed into it."""
    world = build_xss_world()
    client = Client()
    slug = world.process.slug
    proposal = world.proposals[0]
    urls = [
        "/api/v1/processes",
        f"/api/v1/processes/{slug}",
        f"/api/v1/processes/{slug}/proposals?page=2",
        f"/api/v1/proposals/{proposal.pk}",
        f"/api/v1/proposals/{proposal.pk}/comments",
        f"/api/v1/processes/{slug}/budgets",
        f"/api/v1/budgets/{world.open_budget.pk}",
        f"/api/v1/budgets/{world.closed_budget.pk}/results",
        f"/api/v1/processes/{slug}/bouquets",
        f"/api/v1/bouquets/{world.bouquets[0].pk}",
        "/api/v1/districts",
        "/api/v1/themes",
        reverse("proposals:map-data", kwargs={"slug": slug}),
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith("application/json"), url
        assert response["X-Content-Type-Options"] == "nosniff", url
        json.loads(response.content)
    detail = client.get(f"/api/v1/proposals/{proposal.pk}").json()
    assert (detail["title"], detail["body"], detail["address"]) == (
        proposal.title,
        proposal.body,
        proposal.address,
    )
    for budget in (world.closed_budget, world.imported_budget):
        for name, kind in (("pb", "text/plain"), ("csv", "text/csv")):
            response = client.get(reverse(f"budgets:{name}", kwargs={"pk": budget.pk, "part": "territoire"}))
            assert response.status_code == 200
            assert response["Content-Type"].startswith(kind)
            assert response["Content-Disposition"].startswith("attachment;")
            assert response["X-Content-Type-Options"] == "nosniff"


def test_the_check_sees_what_a_payload_would_make() -> None:
    """The HTML check itself: escaped payloads pass; unescaped, those that would make a script or an event
    handler are all caught (the others are caught too, or show as their own text: plain text, template syntax,
    formulas, breakouts of JavaScript strings outside any script)."""
    page = "<html><head><script nonce='n1' src='/static/x.js'></script></head><body><h1>{}</h1></body></html>"
    dangerous = re.compile(r"<script|<[a-z][\w-]*[^>]*[\s/]on\w+=", re.IGNORECASE)
    caught, missed = 0, []
    for text in payloads():
        assert not check_html(page.replace("{}", escape(text))).problems, text
        raw = check_html(page.replace("{}", text))
        if raw.problems or raw.missing([text]):
            caught += 1
        elif dangerous.search(text) and not text.startswith('"><input value="'):
            # (that one opens a quote it never closes: the rest of the page becomes an attribute's value,
            # and no handler is made, in a browser either)
            missed.append(text)
    assert not missed
    assert caught >= 0.7 * len(payloads())
