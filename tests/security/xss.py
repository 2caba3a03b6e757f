"""The stored-XSS corpus and what the tests need around it: a territory where every field people fill holds
payloads (stored through the services, as the site stores them), and checks of the HTML that shows them.

The HTML check parses a page and fails on anything a payload could have created: an event-handler or htmx
``hx-on`` attribute, a script or style without the page's nonce, a ``javascript:``-like URL, a style
attribute, an element the site's templates never write. On the pages that show whole texts, it also checks
that each stored text comes back verbatim as text: any element or attribute made from it would have eaten
some of its characters.
"""

import datetime as dt
import re
from dataclasses import dataclass, field
from fractions import Fraction
from functools import cache
from html.parser import HTMLParser
from pathlib import Path

from django.utils import timezone

from bouquet.accounts.models import Role, User
from bouquet.accounts.services import issue_api_token, update_profile
from bouquet.bouquets import services as bouquet_services
from bouquet.bouquets.models import Bouquet
from bouquet.bouquets.services import allocate_means
from bouquet.budgets.counting.models import Ballot as PbBallot
from bouquet.budgets.counting.models import Election
from bouquet.budgets.counting.models import Project as PbProject
from bouquet.budgets.counting.pabulib import write_pb
from bouquet.budgets.models import Budget, BudgetProject
from bouquet.budgets.services import (
    ProjectInput,
    answer_feasibility,
    cast_ballot,
    compute_results,
    create_project,
    import_pabulib,
)
from bouquet.processes.models import Phase, PhaseKind, Process
from bouquet.processes.services import reschedule_phase
from bouquet.proposals.models import Comment, Proposal, Status
from bouquet.proposals.services import (
    ProposalInput,
    add_comment,
    answer_proposal,
    report_item,
    submit_proposal,
)
from tests.factories import (
    BouquetFactory,
    BudgetFactory,
    DistrictFactory,
    PlacementFactory,
    ProcessFactory,
    ThemeFactory,
    TopicFactory,
    UserFactory,
)

CORPUS = Path(__file__).with_name("xss_payloads.txt")
TEMPLATES = Path(__file__).resolve().parents[2] / "bouquet" / "www" / "templates"
TEMPLATE_TAGS = TEMPLATES.parent / "templatetags"
_SPECIAL = {
    "⟨TAB⟩": "\t",
    "⟨LF⟩": "\n",
    "⟨CR⟩": "\r",
    "⟨ZWSP⟩": "\u200b",
    "⟨ZWNJ⟩": "\u200c",
    "⟨SHY⟩": "\u00ad",
    "⟨LS⟩": "\u2028",
    "⟨PS⟩": "\u2029",
    "⟨RLO⟩": "\u202e",
    "⟨BOM⟩": "\ufeff",
    "⟨NBSP⟩": "\u00a0",
}
MARKER = "__xss"


@cache
def payloads() -> tuple[str, ...]:
    """The corpus, numbered: payload ``n`` calls ``__xss(n)`` (or alert/confirm/prompt(n)) if it ever runs."""
    found = []
    for line in CORPUS.read_text(encoding="utf-8").split("\n"):
        if not line or line == "#" or line.startswith("# "):
            continue
        text = line
        for name, char in _SPECIAL.items():
            text = text.replace(name, char)
        found.append(text.replace("№", str(len(found))))
    return tuple(found)


def short(limit: int) -> list[str]:
    """The payloads that fit a field of ``limit`` characters (names, units, codes)."""
    return [p for p in payloads() if len(p.strip()) <= limit]


# ---- a territory full of payloads ----------------------------------------------------------------------------


@dataclass
class XssWorld:
    """What was stored, and where it shows."""

    process: Process
    agent: User
    moderator: User
    author: User  # has API tokens named after payloads
    proposals: list[Proposal]
    bouquets: list[Bouquet]
    open_budget: Budget
    closed_budget: Budget
    imported_budget: Budget
    texts_by_proposal: dict[int, list[str]] = field(default_factory=dict)


def _at(index: int) -> str:
    corpus = payloads()
    return corpus[index % len(corpus)]


def _open(budget: Budget, *, days_left: int) -> None:
    today = timezone.localdate()
    reschedule_phase(
        phase=budget.phase,
        starts_on=today - dt.timedelta(days=10),
        ends_on=today + dt.timedelta(days=days_left),
    )
    budget.refresh_from_db()


def _budget_with_projects(agent: User, process: Process, offset: int) -> Budget:
    corpus = payloads()
    budget = BudgetFactory(
        agent=agent, process=process, title=_at(offset)[:200], description=_at(offset + 1), amount=10**9
    )
    for index in range(len(corpus)):
        project = create_project(
            agent=agent,
            budget=budget,
            data=ProjectInput(
                title=_at(index + offset)[:200], description=_at(index + offset + 1), cost=1_000 + index
            ),
        )
        answer_feasibility(agent=agent, project=project, feasibility="feasible", note=_at(index + offset + 2))
    return budget


def _one_line(text: str) -> str:
    """A pabulib file is read line by line: a payload's line breaks become spaces there."""
    return re.sub(r"[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]", " ", text)


def _pabulib_file() -> bytes:
    corpus = [_one_line(text) for text in payloads()]
    codes = [f"p{i}" for i in range(len(corpus))]
    # Some project ids are payloads too (a pabulib id may hold anything but the ballot separator).
    for i, text in enumerate(_one_line(t) for t in short(40)[:30]):
        if "," not in text and text == text.strip():
            codes[i] = text
    projects = [
        PbProject(id=codes[i], cost=Fraction(100 + i), name=text, categories=(_one_line(_at(i + 7)),))
        for i, text in enumerate(corpus)
    ]
    ballots = [
        PbBallot(
            voter_id=_one_line(voter).strip() or f"v{n}", projects=(codes[n], codes[n + 1], codes[n + 2])
        )
        for n, voter in enumerate(short(64)[:12])
    ]
    meta = {
        key: _one_line(_at(11 + n))
        for n, key in enumerate(
            ("description", "country", "unit", "instance", "subunit", "date_begin", "date_end")
        )
    } | {"currency": "<b>"}
    return write_pb(Election(budget=Fraction(10**6), projects=projects, ballots=ballots, meta=meta)).encode()


def build_xss_world(*, results: bool = True) -> XssWorld:
    """Every field people fill, holding payloads: proposals (title, text, address, the authority's answer),
    comments, display names, report reasons, themes and bouquets renamed by agents with their keywords, budget
    projects (title, text, feasibility answer), means given to bouquets, API token names, district and theme
    names, a process and its phases, and a pabulib file's names, categories, ids and metadata."""
    corpus = payloads()
    agent = UserFactory(role=Role.AGENT, display_name=short(60)[0])
    moderator = UserFactory(role=Role.MODERATOR, display_name=short(60)[1])
    names = short(60)
    authors = [UserFactory() for _ in range(40)]
    for index, person in enumerate(authors):
        update_profile(user=person, display_name=names[index % len(names)], district=None)
    districts = [DistrictFactory(name=_at(20 + i)[:120]) for i in range(4)]
    themes = [ThemeFactory(name=text) for text in short(80)[:4]]

    process = ProcessFactory(
        slug="xss", title=_at(30)[:200], summary=_at(31), description=_at(32), with_vote_phase=True
    )
    Phase.objects.filter(process=process, kind=PhaseKind.PROPOSALS).update(title=_at(33), description=_at(34))

    proposals: list[Proposal] = []
    texts: dict[int, list[str]] = {}
    for index, title in enumerate(corpus):
        author = authors[index % len(authors)]
        proposal = submit_proposal(
            author=author,
            process=process,
            data=ProposalInput(
                title=title,
                body=f"{_at(index + 1)} Des arbres pour l'ombre.",
                district=districts[index % len(districts)],
                theme=themes[index % len(themes)],
                # Spread within 2 km of the districts' centre: farther is outside the territory.
                place=(47.0 + (index % 200) / 10_000, 1.0 + (index % 200) / 10_000),
                address=_at(index + 2)[:200],
            ),
        )
        answer_proposal(agent=agent, proposal=proposal, status=Status.UNDER_STUDY, answer=_at(index + 3))
        comment = add_comment(
            author=authors[(index + 1) % len(authors)], proposal=proposal, body=_at(index + 4)
        )
        report_item(reporter=authors[(index + 2) % len(authors)], reason=_at(index + 5), proposal=proposal)
        if index % 4 == 0:
            report_item(reporter=authors[(index + 3) % len(authors)], reason=_at(index + 6), comment=comment)
        proposal.refresh_from_db()
        texts[proposal.pk] = [
            proposal.title,
            proposal.body,
            proposal.address,
            proposal.answer,
            author.public_name,
            Comment.objects.get(pk=comment.pk).body,
        ]
        proposals.append(proposal)

    # Bouquets as a regrouping leaves them (keywords come from people's words), renamed by an agent.
    topics = [TopicFactory(process=process, keywords=[_at(40 + i), _at(41 + i)]) for i in range(6)]
    for index, topic in enumerate(topics):
        bouquet_services.rename_topic(agent=agent, topic=topic, label=_at(50 + index)[:200])
    bouquets: list[Bouquet] = []
    for index, proposal in enumerate(proposals):
        bouquet = BouquetFactory(
            process=process, topic=topics[index % len(topics)], keywords=[_at(index + 6), _at(index + 7)]
        )
        bouquet_services.rename_bouquet(agent=agent, bouquet=bouquet, label=_at(index + 8)[:200])
        PlacementFactory(proposal=proposal, bouquet=bouquet, shared_keywords=[_at(index + 9)])
        texts[proposal.pk].append(_at(index + 9))
        bouquets.append(bouquet)
    for index, bouquet in enumerate(bouquets[:40]):
        allocate_means(
            agent=agent, bouquet=bouquet, kind="money", amount=100 + index, note=_at(index + 10)[:300]
        )

    for text in short(80)[:25]:
        issue_api_token(user=authors[0], name=text)

    # Budgets: one whose vote runs (in the same process, so that a project can be made from any proposal),
    # one whose results are published, and one replayed from a pabulib file.
    open_budget = _budget_with_projects(agent, process, offset=60)
    _open(open_budget, days_left=5)
    closed_budget = _budget_with_projects(
        agent, ProcessFactory(title=_at(70)[:200], with_vote_phase=True), offset=80
    )
    _open(closed_budget, days_left=5)
    projects = list(BudgetProject.objects.filter(budget=closed_budget).order_by("id"))
    for n in range(6):
        cast_ballot(
            voter=authors[n], budget=closed_budget, choices={projects[n].pk: 1, projects[n + 1].pk: 1}
        )
    if results:
        reschedule_phase(
            phase=closed_budget.phase,
            starts_on=timezone.localdate() - dt.timedelta(days=10),
            ends_on=timezone.localdate() - dt.timedelta(days=1),
        )
        closed_budget.refresh_from_db()
        compute_results(agent=agent, budget=closed_budget)
    imported = import_pabulib(
        agent=agent,
        process=ProcessFactory(title=_at(90)[:200], with_vote_phase=True),
        data=_pabulib_file(),
        title="",
    ).budget
    return XssWorld(
        process=process,
        agent=agent,
        moderator=moderator,
        author=authors[0],
        proposals=proposals,
        bouquets=bouquets,
        open_budget=open_budget,
        closed_budget=closed_budget,
        imported_budget=imported,
        texts_by_proposal=texts,
    )


# ---- checking HTML -----------------------------------------------------------------------------------------

URL_ATTRIBUTES = frozenset(
    {
        "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background", "ping", "cite",
        "longdesc", "codebase", "dynsrc", "lowsrc", "srcset", "manifest", "icon", "hx-get", "hx-post",
        "hx-put", "hx-patch", "hx-delete",
    }
)  # fmt: skip
_SCHEME = re.compile(r"^(javascript|vbscript|livescript|data):", re.IGNORECASE)
# Elements a form widget or a filter writes without appearing in a template.
_WIDGET_TAGS = frozenset(
    {"a", "p", "br", "input", "select", "option", "optgroup", "textarea", "label", "ul", "li", "div"}
)


@cache
def site_tags() -> frozenset[str]:
    """Every element the site's templates and template tags write (anything else on a page was made by someone's
    text)."""
    tags = set(_WIDGET_TAGS)
    for template in [*TEMPLATES.rglob("*.html"), *TEMPLATE_TAGS.glob("*.py")]:
        tags.update(t.lower() for t in re.findall(r"<([a-zA-Z][a-zA-Z0-9-]*)", template.read_text("utf-8")))
    return frozenset(tags)


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.text: list[str] = []
        self.raw: dict[str, list[str]] = {"script": [], "style": []}
        self._raw: str | None = None
        self.in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "body":
            self.in_body = True
        self.elements.append((tag, attrs))
        if tag in self.raw:
            self._raw = tag

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag == self._raw:
            self._raw = None

    def handle_data(self, data: str) -> None:
        if self._raw is not None:
            self.raw[self._raw].append(data)
        else:
            self.text.append(data)


def _squeeze(text: str) -> str:
    return "".join(text.split())


@dataclass
class PageCheck:
    """What one page's HTML holds that people's text must never produce."""

    problems: list[str]
    text: str  # the page's text, whitespace removed (to find stored texts in)

    def missing(self, texts: list[str]) -> list[str]:
        """The texts that do not come back verbatim as text on the page."""
        return [t for t in texts if t.strip() and _squeeze(t) not in self.text]


def check_html(html: str) -> PageCheck:
    """Parse a page and list what a payload could have created."""
    parser = _Page()
    parser.feed(html)
    parser.close()
    nonces = {
        v for tag, attrs in parser.elements if tag in ("script", "style") for k, v in attrs if k == "nonce"
    }
    problems: list[str] = []
    allowed = site_tags()
    body_started = False
    for tag, attrs in parser.elements:
        body_started = body_started or tag == "body"
        where = f"<{tag} {' '.join(k for k, _v in attrs)}>"
        if tag not in allowed:
            problems.append(f"element the templates never write: {where}")
        if tag in ("base", "frame", "frameset", "iframe", "object", "embed", "applet", "portal"):
            problems.append(f"dangerous element: {where}")
        if body_started and tag in ("meta", "link") or (tag == "style" and body_started):
            problems.append(f"head element inside the body: {where}")
        if tag in ("script", "style") and len(nonces) != 1:
            problems.append(f"{tag} without the page's single nonce: {where} {nonces}")
        for name, value in attrs:
            name, value = name.lower(), value or ""
            if name.startswith(("on", "hx-on", "data-hx-on")):
                problems.append(f"event handler attribute {name}={value!r} on {where}")
            if name in ("style", "srcdoc", "formaction", "hx-vals", "hx-headers"):
                problems.append(f"attribute the templates never write {name}={value!r} on {where}")
            if name in URL_ATTRIBUTES:
                bare = re.sub(r"[\x00-\x20\u00a0\u200b-\u200d\ufeff]", "", value)
                if _SCHEME.match(bare) and not bare.lower().startswith("data:image/"):
                    problems.append(f"script URL {name}={value!r} on {where}")
            if MARKER in value and name not in (
                "value",
                "title",
                "alt",
                "aria-label",
                "placeholder",
                "content",
            ):
                if name not in URL_ATTRIBUTES or not value.startswith(("/", "?", "#", "http://", "https://")):
                    problems.append(f"payload inside attribute {name}={value!r} on {where}")
    for kind, chunks in parser.raw.items():
        if any(MARKER in chunk or "expression(" in chunk for chunk in chunks):
            problems.append(f"payload inside a {kind} element")
    return PageCheck(problems=problems, text=_squeeze("".join(parser.text)))
