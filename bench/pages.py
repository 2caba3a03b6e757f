"""Server time and SQL queries of the proposal pages, with 10,000 proposals and a 1,000-comment thread.

Run: .venv/bin/python bench/pages.py [--database-url URL] [--proposals 10000] [--comments 1000] [--repeat 30]

The script creates (or, with --reuse, reuses) a benchmark database, fills it with bulk inserts, then requests
each page in-process with Django's test client: the time measured is the whole request handling (URL
resolution, middleware, session, queries, template rendering or JSON encoding), without a network or a
WSGI server in front. Every page is measured twice, on a small process (--small-proposals, --small-comments)
and on the full one, both in the same database, to show that the number of SQL queries does not grow with
the data. The default database is PostgreSQL; pass a sqlite:/// URL to compare with SQLite.

Each run recreates the database (only one whose name contains "bench") and migrates it; --reuse keeps one
filled by an earlier run with the same sizes. --check exits with 1 when a page misses the target or its
query count grows; --gc-freeze shows what gc.freeze() at start-up changes (see docs/benchmarks.md, "Pages").
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import math
import os
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/bouquet_bench"
TARGET_MS = 100.0
WARMUPS = 3
USERS = 2000
LIST_PAGE, THREAD_PAGE = 20, 25  # selectors.PAGE_SIZE and COMMENTS_PAGE_SIZE, checked against the responses
SEED = 20260101

# ---------------------------------------------------------------------------------------------------------
# Text: French-ish titles, bodies and comments assembled from word lists (deterministic for a seed).
# ---------------------------------------------------------------------------------------------------------

DISTRICTS = [
    ("Centre historique", 46.9126, 1.3452),
    ("Les Grands Champs", 46.9228, 1.3569),
    ("Les Rives – Tanneries", 46.9081, 1.3391),
    ("Le Plateau", 46.9012, 1.3611),
    ("Bourg-Saint-Jean", 46.9301, 1.3288),
]
THEMES = [
    "Nature et biodiversité",
    "Mobilités",
    "Sport et loisirs",
    "Culture et patrimoine",
    "Solidarité",
    "Éducation et jeunesse",
    "Propreté",
    "Cadre de vie",
]
ACTIONS = [
    "Planter des arbres",
    "Installer des bancs",
    "Créer une piste cyclable",
    "Rénover l'aire de jeux",
    "Ouvrir un jardin partagé",
    "Ajouter des poubelles de tri",
    "Sécuriser le passage piéton",
    "Végétaliser la cour",
    "Installer une boîte à livres",
    "Créer un terrain de basket",
    "Éclairer le chemin",
    "Poser des arceaux à vélos",
    "Aménager une fontaine",
    "Organiser une fête de quartier",
    "Créer un composteur collectif",
    "Refaire le trottoir",
    "Installer des toilettes publiques",
    "Peindre une fresque",
    "Ralentir les voitures",
    "Ouvrir un atelier de réparation",
    "Planter une haie fruitière",
    "Couvrir le préau",
    "Installer des agrès sportifs",
    "Créer un espace pour les chiens",
    "Ombrager la place",
]
PLACES = [
    "rue des Vanniers",
    "place des Tilleuls",
    "avenue de la Gare",
    "quai de la Loirette",
    "square Jean-Moulin",
    "devant l'école Jules-Ferry",
    "près du marché couvert",
    "au pied des tours Ronsard",
    "le long du canal",
    "derrière la médiathèque",
    "chemin des Écoliers",
    "rue du Moulin",
    "parc de la Sucrerie",
    "boulevard Pasteur",
    "près du collège",
    "place de l'Église",
]
SUBJECTS = [
    "Les enfants du quartier",
    "Les personnes âgées",
    "Les familles",
    "Les habitants",
    "Les commerçants",
    "Les cyclistes",
    "Les parents d'élèves",
    "Les jeunes",
    "Les promeneurs",
    "Les riverains",
    "Les associations",
]
VERBS = [
    "n'ont pas d'endroit pour",
    "aimeraient pouvoir",
    "ont souvent du mal à",
    "demandent depuis longtemps de quoi",
    "profiteraient d'un lieu pour",
    "n'osent plus",
    "auraient besoin de",
]
GOALS = [
    "se reposer à l'ombre en été",
    "traverser sans danger",
    "se retrouver après l'école",
    "garer leur vélo à l'abri",
    "jouer au ballon",
    "cultiver quelques légumes",
    "lire dehors quand il fait beau",
    "marcher le soir sans craindre le noir",
    "trier leurs déchets près de chez eux",
    "faire du sport gratuitement",
    "rencontrer leurs voisins",
    "se rafraîchir pendant les canicules",
]
REASONS = [
    "La chaussée est large et les voitures roulent trop vite.",
    "Il n'y a aucune ombre sur toute la longueur de la rue.",
    "Le bitume chauffe énormément l'été et la place reste vide.",
    "Les équipements actuels sont abîmés depuis plusieurs années.",
    "Le quartier compte beaucoup de familles sans jardin.",
    "Le soir, l'éclairage est insuffisant et certains évitent le passage.",
    "Les poubelles débordent chaque week-end après le marché.",
    "Les arbres existants sont malades et n'apportent plus d'ombre.",
    "Un terrain vague inutilisé pourrait servir à tous.",
    "Les associations du quartier sont prêtes à s'en occuper.",
    "L'arrêt de bus n'a ni abri ni banc.",
]
DETAILS = [
    "Le coût resterait modeste si les services techniques s'en chargent.",
    "On pourrait choisir des essences locales qui demandent peu d'eau.",
    "Un atelier avec les habitants permettrait de dessiner le projet ensemble.",
    "L'école voisine pourrait participer à l'entretien.",
    "Il faudrait prévoir un accès pour les personnes en fauteuil.",
    "Des matériaux de réemploi conviendraient très bien.",
    "Le conseil citoyen a déjà discuté de cette idée lors de sa dernière réunion.",
    "Cela profiterait aussi aux commerces de la rue.",
    "Un essai sur quelques mois montrerait si l'aménagement fonctionne.",
    "Plusieurs villes voisines l'ont fait avec succès.",
]
COMMENT_OPENINGS = [
    "Tout à fait d'accord,",
    "Bonne idée,",
    "Je soutiens,",
    "Attention toutefois :",
    "J'habite juste à côté et",
    "Pas convaincu :",
    "Merci pour cette proposition,",
    "Question pratique :",
]
COMMENT_BODIES = [
    "il faudrait penser à l'entretien sur la durée.",
    "les enfants de l'école en profiteraient tous les jours.",
    "qui arrosera les arbres pendant l'été ?",
    "le budget me semble un peu élevé pour ce quartier.",
    "on pourrait ajouter quelques bancs au même endroit.",
    "c'est exactement ce qui manque ici depuis des années.",
    "il y a déjà un projet semblable deux rues plus loin.",
    "les riverains devraient être consultés avant les travaux.",
    "la circulation des vélos deviendrait beaucoup plus sûre.",
    "voir https://exemple.fr/projet pour un aménagement similaire.",
]


def _title(rng: random.Random) -> str:
    return f"{rng.choice(ACTIONS)} {rng.choice(PLACES)}"


def _body(rng: random.Random) -> str:
    sentences = [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(GOALS)}."]
    for _ in range(rng.randint(2, 10)):
        sentences.append(rng.choice(REASONS) if rng.random() < 0.5 else rng.choice(DETAILS))
    paragraphs = []
    while sentences:
        cut = rng.randint(2, 4)
        paragraphs.append(" ".join(sentences[:cut]))
        sentences = sentences[cut:]
    return "\n\n".join(paragraphs)


def _comment(rng: random.Random) -> str:
    parts = [f"{rng.choice(COMMENT_OPENINGS)} {rng.choice(COMMENT_BODIES)}"]
    for _ in range(rng.randint(0, 4)):
        parts.append(rng.choice(DETAILS))
    return " ".join(parts)


# ---------------------------------------------------------------------------------------------------------
# Database creation (before Django starts) and Django setup.
# ---------------------------------------------------------------------------------------------------------


def _is_sqlite(url: str) -> bool:
    return url.startswith("sqlite:")


def _sqlite_path(url: str) -> Path:
    path = Path(unquote(urlsplit(url).path))
    # sqlite:///relative.db has path "/relative.db"; sqlite:////abs.db has "//abs.db".
    return path if url.startswith("sqlite:////") else ROOT / str(path).lstrip("/")


def prepare_database(url: str, *, fresh: bool) -> str:
    """Create the benchmark database (dropping it first when fresh); returns what was done."""
    name = _sqlite_path(url).name if _is_sqlite(url) else urlsplit(url).path.lstrip("/")
    if fresh and "bench" not in name:
        raise SystemExit(f"Refusing to drop {name!r}: a fresh run only recreates databases named *bench*.")
    if _is_sqlite(url):
        path = _sqlite_path(url)
        path.parent.mkdir(parents=True, exist_ok=True)
        if fresh:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            return f"SQLite file {path} recreated"
        return f"SQLite file {path} reused" if path.exists() else f"SQLite file {path} created"
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    admin = psycopg.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=unquote(parts.username or "postgres"),
        password=unquote(parts.password) if parts.password else None,
        dbname="postgres",
        autocommit=True,
    )
    with admin:
        exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists and fresh:
            admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))
        if not exists or fresh:
            admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
            return f"PostgreSQL database {name} {'recreated' if exists else 'created'}"
    return f"PostgreSQL database {name} reused"


def setup_django(url: str) -> None:
    """Development settings, with DEBUG off (timings) and the test client's host allowed."""
    # Python put this script's folder first on the path: a neighbour named like a package (a `rules.py` would
    # shadow django-rules) must not hide it.
    here = Path(__file__).resolve().parent
    sys.path[:] = [str(ROOT)] + [entry for entry in sys.path if Path(entry or ".").resolve() != here]
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.dev"
    os.environ["DATABASE_URL"] = url
    os.environ["DEBUG"] = "false"
    os.environ["ALLOWED_HOSTS"] = "testserver,127.0.0.1,localhost"
    import django
    from django.conf import settings

    django.setup()
    settings.DEBUG = False  # whatever the environment said: debug mode slows every query and template
    assert "testserver" in settings.ALLOWED_HOSTS


# ---------------------------------------------------------------------------------------------------------
# Filling.
# ---------------------------------------------------------------------------------------------------------


@contextmanager
def own_timestamps(*models: Any) -> Iterator[None]:
    """Let bulk_create keep the created_at/updated_at we set, instead of stamping every row with now()."""
    fields = [model._meta.get_field(name) for model in models for name in ("created_at", "updated_at")]
    saved = [(f, f.auto_now, f.auto_now_add) for f in fields]
    for f in fields:
        f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in saved:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


@dataclass
class Dataset:
    """One benchmarked process and the proposal that carries the long thread."""

    slug: str
    proposals: int
    comments: int
    process_id: int = 0
    thread_id: int = 0
    district_id: int = 0
    expected: dict[str, int] = field(default_factory=dict)


def _slug(proposals: int, comments: int) -> str:
    return f"banc-{proposals}-propositions-{comments}-commentaires"


def fill_common(rng: random.Random) -> None:
    """Districts, themes and people shared by both processes."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone
    from django.utils.text import slugify

    from bouquet.accounts.models import Role, User
    from bouquet.places.models import District
    from bouquet.proposals.models import Theme

    District.objects.bulk_create(
        District(name=name, slug=slugify(name), latitude=lat, longitude=lon) for name, lat, lon in DISTRICTS
    )
    Theme.objects.bulk_create(Theme(name=name, slug=slugify(name)) for name in THEMES)
    password = make_password("banc-d-essai-mot-de-passe")  # hashed once, shared by every account
    districts = list(District.objects.values_list("id", flat=True))
    joined = timezone.now() - dt.timedelta(days=400)
    User.objects.bulk_create(
        (
            User(
                email=f"personne{i}@banc.exemple.fr",
                display_name=""
                if rng.random() < 0.1
                else f"{rng.choice(['Camille', 'Dominique', 'Sacha'])} {i}",
                role=Role.INHABITANT,
                district_id=rng.choice(districts),
                password=password,
                date_joined=joined + dt.timedelta(minutes=i),
            )
            for i in range(USERS)
        ),
        batch_size=1000,
    )


def fill_process(rng: random.Random, data: Dataset) -> None:
    """A process in its supports phase, its proposals, their supports, and one long comment thread."""
    from django.utils import timezone

    from bouquet.accounts.models import User
    from bouquet.places.models import District
    from bouquet.processes.models import PhaseKind
    from bouquet.processes.services import PhaseSpec, create_process
    from bouquet.proposals.models import Comment, Moderation, Origin, Proposal, Status, Support, Theme

    today = timezone.localdate()
    day = dt.timedelta(days=1)
    process = create_process(
        title=f"Banc d'essai : {data.proposals} propositions",
        summary="Une démarche remplie pour mesurer le temps de réponse des pages.",
        description="Données générées par bench/pages.py.",
        phases=[
            PhaseSpec(PhaseKind.INFORMATION, today - 120 * day, today - 91 * day),
            PhaseSpec(PhaseKind.PROPOSALS, today - 90 * day, today - 31 * day),
            PhaseSpec(PhaseKind.SUPPORTS, today - 30 * day, today + 30 * day),
            PhaseSpec(PhaseKind.VOTE, today + 31 * day, today + 60 * day),
        ],
        slug=data.slug,
    )
    data.process_id = process.pk
    users = list(User.objects.order_by("id").values_list("id", flat=True))
    viewer = users[0]
    districts = list(District.objects.order_by("id").values_list("id", "latitude", "longitude"))
    data.district_id = districts[0][0]
    themes = list(Theme.objects.values_list("id", flat=True))
    now = timezone.now()
    start = now - 90 * day
    span = (60 * day) / data.proposals
    statuses = [Status.SUBMITTED] * 80 + [Status.UNDER_STUDY] * 10 + [Status.ACCEPTED] * 4
    statuses += [Status.REJECTED] * 3 + [Status.WITHDRAWN] * 3
    moderations = [Moderation.PUBLISHED] * 98 + [Moderation.PENDING, Moderation.HIDDEN]
    thread_index = data.proposals * 3 // 4  # among the more recent ones, not on the first page

    proposals, supporters = [], []
    for i in range(data.proposals):
        created = start + span * i + dt.timedelta(seconds=rng.randint(0, 59))
        district = rng.choice(districts) if rng.random() < 0.8 else None
        located = rng.random() < 0.6
        centre = district or districts[0]
        fans = min(int(rng.paretovariate(1.3)) - 1, 800) if i != thread_index else 350
        chosen = set(rng.sample(users[1:], fans))
        if i >= data.proposals - 40 and rng.random() < 0.3:
            chosen.add(viewer)  # the person browsing supports some proposals of the first pages
        supporters.append(chosen)
        proposals.append(
            Proposal(
                process=process,
                author_id=rng.choice(users),
                title=_title(rng),
                body=_body(rng),
                district_id=district[0] if district else None,
                theme_id=rng.choice(themes) if rng.random() < 0.85 else None,
                latitude=centre[1] + rng.uniform(-0.008, 0.008) if located else None,
                longitude=centre[2] + rng.uniform(-0.012, 0.012) if located else None,
                origin=Origin.ONLINE if rng.random() < 0.9 else Origin.WORKSHOP,
                status=rng.choice(statuses),
                moderation=Moderation.PUBLISHED if i == thread_index else rng.choice(moderations),
                support_count=len(chosen),
                comment_count=data.comments if i == thread_index else 0,
                created_at=created,
                updated_at=created,
            )
        )
    with own_timestamps(Proposal, Support, Comment):
        Proposal.objects.bulk_create(proposals, batch_size=1000)
        thread = proposals[thread_index]
        data.thread_id = thread.pk
        Support.objects.bulk_create(
            (
                Support(proposal_id=p.pk, citizen_id=c, created_at=p.created_at, updated_at=p.created_at)
                for p, chosen in zip(proposals, supporters, strict=True)
                for c in chosen
            ),
            batch_size=5000,
        )
        # The long thread: about 70 % top-level comments, 30 % replies to them (one level), a few hidden.
        tops, replies = [], []
        step = (now - thread.created_at) / (data.comments + 1)
        for i in range(data.comments):
            created = thread.created_at + step * (i + 1)
            fields = {"proposal_id": thread.pk, "author_id": rng.choice(users), "body": _comment(rng)}
            if i < 3 or rng.random() >= 0.3:
                hidden = rng.random() < 0.02
                moderation = Moderation.HIDDEN if hidden else Moderation.PUBLISHED
                tops.append(Comment(moderation=moderation, created_at=created, updated_at=created, **fields))
            else:
                replies.append((rng.randrange(len(tops)), created, fields))
        Comment.objects.bulk_create(tops, batch_size=1000)
        Comment.objects.bulk_create(
            (
                Comment(
                    parent_id=tops[parent].pk,
                    moderation=Moderation.PENDING if rng.random() < 0.02 else Moderation.PUBLISHED,
                    created_at=created,
                    updated_at=created,
                    **fields,
                )
                for parent, created, fields in replies
            ),
            batch_size=1000,
        )


def analyze() -> None:
    """Statistics for the planner, as autovacuum would have them on a live server."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def describe(data: Dataset) -> None:
    """Find a filled process and record what its pages should show (to check the responses)."""
    from bouquet.processes.models import Process
    from bouquet.proposals.models import Comment, Moderation, Proposal, Status

    process = Process.objects.get(slug=data.slug)
    data.process_id = process.pk
    listed = Proposal.objects.filter(process=process, moderation=Moderation.PUBLISHED).exclude(
        status=Status.WITHDRAWN
    )
    data.thread_id = Proposal.objects.get(process=process, comment_count=data.comments).pk
    data.district_id = (
        listed.exclude(district=None).order_by("district_id").values_list("district_id", flat=True)[0]
    )
    data.expected = {
        "proposals": Proposal.objects.filter(process=process).count(),
        "listed": listed.count(),
        "located": listed.exclude(latitude=None).count(),
        "comments": Comment.objects.filter(proposal_id=data.thread_id).count(),
        "top_level": Comment.objects.filter(proposal_id=data.thread_id, parent=None).count(),
    }


# ---------------------------------------------------------------------------------------------------------
# Measuring.
# ---------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PageSpec:
    label: str
    path: Callable[[Dataset], str]
    signed_in: bool
    check: Callable[[Any, Dataset], None]


@dataclass
class Probe:
    """One page at one size, and what was measured on it."""

    spec: PageSpec
    data: Dataset
    client: Any
    queries: int = 0
    sql_ms: float = 0.0  # the queries of one request, as the debug cursor times them
    size: int = 0
    timings: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # this process only: Python, not the database server

    @property
    def url(self) -> str:
        return self.spec.path(self.data)

    def prepare(self) -> None:
        """Warm up, check the response, and count the queries on one more request (capturing costs time)."""
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        for _ in range(WARMUPS):
            response = self.client.get(self.url)
            assert response.status_code == 200, f"{self.url}: HTTP {response.status_code}"
        self.spec.check(response, self.data)
        self.size = len(response.content)
        with CaptureQueriesContext(connection) as captured:
            self.client.get(self.url)
        # Read now: the next request resets the log. Times are as Django logs them, to the millisecond.
        self.queries = len(captured.captured_queries)
        self.sql_ms = sum(float(query["time"]) for query in captured.captured_queries) * 1000

    def time_once(self) -> None:
        started, started_cpu = time.perf_counter(), time.process_time()
        self.client.get(self.url)
        self.timings.append((time.perf_counter() - started) * 1000)
        self.cpu.append((time.process_time() - started_cpu) * 1000)

    @property
    def median_ms(self) -> float:
        return statistics.median(self.timings)

    @property
    def p95_ms(self) -> float:
        return sorted(self.timings)[max(0, math.ceil(0.95 * len(self.timings)) - 1)]  # nearest rank

    @property
    def cpu_ms(self) -> float:
        return statistics.median(self.cpu)


def _html_items(marker: str, expected: Callable[[Dataset], int]) -> Callable[[Any, Dataset], None]:
    def check(response: Any, data: Dataset) -> None:
        found = response.content.decode().count(marker)
        assert found == expected(data), f"{found} × {marker!r}, expected {expected(data)}"

    return check


def _json_items(key: str, expected: Callable[[Dataset], int]) -> Callable[[Any, Dataset], None]:
    def check(response: Any, data: Dataset) -> None:
        found = len(response.json()[key])
        assert found == expected(data), f"{found} {key}, expected {expected(data)}"

    return check


def _far_page(data: Dataset) -> int:
    return max(2, data.proposals // 50)  # page 200 of about 480 at 10,000 proposals


def _last_page(data: Dataset) -> int:
    return max(1, math.ceil(data.expected["listed"] / LIST_PAGE))


def _listed_on(page: Callable[[Dataset], int]) -> Callable[[Dataset], int]:
    """How many proposals a list page shows (a number past the end gives the last page)."""

    def expected(data: Dataset) -> int:
        number = min(page(data), _last_page(data))
        return min(LIST_PAGE, data.expected["listed"] - LIST_PAGE * (number - 1))

    return expected


def _at_least_one(marker: str) -> Callable[[Any, Dataset], None]:
    def check(response: Any, data: Dataset) -> None:
        assert response.content.decode().count(marker) > 0, f"no {marker!r} in the response"

    return check


def _map_check(response: Any, data: Dataset) -> None:
    found = len(response.json()["points"])
    assert found == data.expected["located"], f"{found} points, expected {data.expected['located']}"


def _thread(page: int) -> Callable[[Any, Dataset], None]:
    """A full page of top-level comments, plus their visible replies."""

    def check(response: Any, data: Dataset) -> None:
        found = response.content.decode().count('<article class="comment"')
        assert data.expected["top_level"] >= page * THREAD_PAGE, "the thread is too short for this page"
        assert found >= THREAD_PAGE, f"{found} comments on thread page {page}"

    return check


def _list(data: Dataset) -> str:
    return f"/demarches/{data.slug}/propositions/"


PAGES = [
    PageSpec("List, page 1", _list, True, _html_items('class="proposal-item"', lambda d: LIST_PAGE)),
    PageSpec(
        "List, page 1 (anonymous)", _list, False, _html_items('class="proposal-item"', lambda d: LIST_PAGE)
    ),
    PageSpec(
        "List, far page (?page=N/50)",
        lambda d: f"{_list(d)}?page={_far_page(d)}",
        True,
        _html_items('class="proposal-item"', _listed_on(_far_page)),
    ),
    PageSpec(
        "List, last page",
        lambda d: f"{_list(d)}?page={_last_page(d)}",
        True,
        _html_items('class="proposal-item"', _listed_on(_last_page)),
    ),
    PageSpec(
        "List, search ?q=arbres&sort=supports",
        lambda d: f"{_list(d)}?q=arbres&sort=supports",
        True,
        _at_least_one('class="proposal-item"'),
    ),
    PageSpec(
        "List, search ?q=arbres (by relevance)",
        lambda d: f"{_list(d)}?q=arbres",
        True,
        _at_least_one('class="proposal-item"'),
    ),
    PageSpec(
        "List, filters + random order",
        lambda d: f"{_list(d)}?district={d.district_id}&status=submitted&sort=random&graine=42",
        True,
        _at_least_one('class="proposal-item"'),
    ),
    PageSpec("Map data (points)", lambda d: f"{_list(d)}carte.json", True, _map_check),
    PageSpec(
        "Proposal page, thread p. 1",
        lambda d: f"/propositions/{d.thread_id}/",
        True,
        _thread(1),
    ),
    PageSpec(
        "Proposal page, thread p. 1 (anon.)",
        lambda d: f"/propositions/{d.thread_id}/",
        False,
        _thread(1),
    ),
    PageSpec(
        "Proposal page, thread p. 2",
        lambda d: f"/propositions/{d.thread_id}/?commentaires=2",
        True,
        _thread(2),
    ),
    PageSpec(
        "API proposals, page 1",
        lambda d: f"/api/v1/processes/{d.slug}/proposals",
        False,
        _json_items("items", lambda d: LIST_PAGE),
    ),
    PageSpec(
        "API proposals, far page",
        lambda d: f"/api/v1/processes/{d.slug}/proposals?page={_far_page(d)}",
        False,
        _json_items("items", _listed_on(_far_page)),
    ),
    PageSpec(
        "API comments, page 1",
        lambda d: f"/api/v1/proposals/{d.thread_id}/comments",
        False,
        _json_items("items", lambda d: THREAD_PAGE),
    ),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=DEFAULT_URL)
    parser.add_argument("--proposals", type=int, default=10_000)
    parser.add_argument("--comments", type=int, default=1_000)
    parser.add_argument("--small-proposals", type=int, default=1_000)
    parser.add_argument("--small-comments", type=int, default=100)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument(
        "--reuse", action="store_true", help="keep the database when it already holds both processes"
    )
    parser.add_argument(
        "--check", action="store_true", help="exit with 1 when a page misses the target or its queries grow"
    )
    parser.add_argument(
        "--gc-freeze",
        action="store_true",
        help="call gc.freeze() before measuring, as a server may once the app is loaded: full garbage "
        "collections then skip the objects Django created at start-up",
    )
    args = parser.parse_args()
    if args.proposals < 100 or args.comments < 60 or args.small_proposals < 100 or args.small_comments < 60:
        parser.error("at least 100 proposals and 60 comments per process (pages 1 and 2 of the thread)")

    small = Dataset(
        _slug(args.small_proposals, args.small_comments), args.small_proposals, args.small_comments
    )
    full = Dataset(_slug(args.proposals, args.comments), args.proposals, args.comments)
    action = prepare_database(args.database_url, fresh=not args.reuse)
    setup_django(args.database_url)

    import django
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client

    from bouquet.accounts.models import User
    from bouquet.processes.models import Process

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrate_s = time.perf_counter() - started
    filled = set(Process.objects.filter(slug__in=[small.slug, full.slug]).values_list("slug", flat=True))
    if filled != {small.slug, full.slug}:
        if filled or User.objects.exists():
            raise SystemExit("The database holds other data: run without --reuse to recreate it.")
        started = time.perf_counter()
        rng = random.Random(SEED)
        fill_common(rng)
        for data in (small, full):
            fill_process(rng, data)
        analyze()
        fill = f"filled in {time.perf_counter() - started:.1f} s (bulk inserts, then ANALYZE)"
    else:
        fill = "reused as filled by an earlier run (--reuse)"
    for data in (small, full):
        describe(data)

    with connection.cursor() as cursor:
        cursor.execute("SELECT version()" if connection.vendor == "postgresql" else "SELECT sqlite_version()")
        version = cursor.fetchone()[0].split(" on ")[0]
    print(f"Database: {version}; {action}; migrate {migrate_s:.1f} s; data {fill}.")
    print(
        f"Python {platform.python_version()}, Django {django.get_version()}, DEBUG=False, "
        f"{platform.machine()} × {os.cpu_count()} CPUs; in-process test client; "
        f"{WARMUPS} warm-ups, queries counted on one more request, then {args.repeat} timed rounds over all "
        "the pages."
    )
    for data in (small, full):
        e = data.expected
        print(
            f"Process {data.slug}: {e['proposals']} proposals ({e['listed']} listed, {e['located']} on the "
            f"map), thread of proposal {data.thread_id}: {e['comments']} comments ({e['top_level']} top-level)."
        )
    print()

    if args.gc_freeze:
        gc.freeze()
        print(f"gc.freeze() applied: {gc.get_freeze_count()} objects out of the collector's reach.\n")
    load_before = os.getloadavg()[0]
    viewer = User.objects.order_by("id").first()
    signed_in = Client()
    signed_in.force_login(viewer, backend="django.contrib.auth.backends.ModelBackend")
    anonymous = Client()
    probes = [
        Probe(spec, data, signed_in if spec.signed_in else anonymous)
        for spec in PAGES
        for data in (small, full)
    ]
    for probe in probes:
        probe.prepare()
    # Round after round over every page, so that a burst of load elsewhere on the machine spreads over all
    # the pages instead of landing on whichever one was being measured.
    for _ in range(args.repeat):
        for probe in probes:
            probe.time_once()
    rows, missed, grown = [], [], []
    for low, high in zip(probes[::2], probes[1::2], strict=True):
        met = high.p95_ms < TARGET_MS and high.median_ms < TARGET_MS
        if not met:
            missed.append(high.spec.label)
        if high.queries != low.queries:
            grown.append(high.spec.label)
        rows.append(
            [
                high.spec.label,
                f"{high.median_ms:.1f}",
                f"{high.p95_ms:.1f}",
                f"{high.cpu_ms:.1f}",
                f"{high.sql_ms:.0f}",
                f"{low.median_ms:.1f}",
                str(low.queries),
                str(high.queries),
                f"{high.size / 1024:.0f}",
                "yes" if met else "NO",
            ]
        )
    small_name = f"{args.small_proposals:,}/{args.small_comments:,}"
    full_name = f"{args.proposals:,}/{args.comments:,}"
    header = [
        "Page (signed-in citizen unless noted)",
        "Median ms",
        "p95 ms",
        "Python CPU ms",
        "SQL ms",
        f"Median ms @{small_name}",
        f"Queries @{small_name}",
        f"Queries @{full_name}",
        "KB",
        f"< {TARGET_MS:.0f} ms",
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    for row in [header, ["-" * w for w in widths], *rows]:
        cells = [
            cell.ljust(w) if c == 0 else cell.rjust(w)
            for c, (cell, w) in enumerate(zip(row, widths, strict=True))
        ]
        print("| " + " | ".join(cells) + " |")
    print()
    print(
        f"Load average (1 min) {load_before:.1f} before measuring, {os.getloadavg()[0]:.1f} after, on "
        f"{os.cpu_count()} CPUs: other work on the machine inflates the times, the query counts do not move."
    )
    print(
        f"Times at {full_name} proposals/comments. Python CPU: median CPU time of this process alone (with "
        f"SQLite, the database work too); SQL: the queries of the one request whose queries were counted. "
        f"'< {TARGET_MS:.0f} ms': median and p95 both under it. "
        f"Query counts {'do not grow' if not grown else 'GROW for: ' + ', '.join(grown)} with the data."
    )
    if missed:
        print("Missed the target: " + ", ".join(missed))
    return 1 if args.check and (missed or grown) else 0


if __name__ == "__main__":
    sys.exit(main())
