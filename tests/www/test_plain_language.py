"""Every page of the demo reads as plain French in French and as English in English.

The demo is built as ``manage.py seed_demo`` builds it, then crawled (``tests.crawl``: every kind of page, a few
of each) signed out and as the town's agent, in both languages. A page fails on:
- French: an English month (« 17 Sep 2026 »), a capitalised French abbreviation (« 26 Déc »), « 1 décembre »
  without « er »;
- both: « 0 » followed by a plural noun (« 0 soutiens », « Les 0 propositions »);
- English: French number or money formats (« 150 000 », « 0,04 », « 150 000 € »), French spacing before « : »,
  and French words left untranslated.
What people wrote (titles, texts, names: every free-text column of the database) is French in the demo and stays
so on English pages; it is taken out of the page's text before the English checks.
"""

import bisect
import functools
import re
from collections.abc import Iterator
from html.parser import HTMLParser

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import models
from django.test import Client

from bouquet.accounts.models import Role, User
from tests.crawl import crawl

pytestmark = pytest.mark.django_db

ENGLISH_MONTH = re.compile(r"\b\d{1,2}\s+(Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\b\.?")
CAPITALISED_FRENCH_MONTH = re.compile(r"\b\d{1,2}\s+(Janv|Févr|Fév|Avr|Juil|Sept|Oct|Nov|Déc)\b")
FIRST_WITHOUT_ER = re.compile(
    r"(?<![\d,.])\b1\s+(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    r"|janv\.|févr\.|avr\.|juil\.|sept\.|oct\.|nov\.|déc\.)"
)
ZERO_THEN_PLURAL = re.compile(r"(?<![\d,.\u202f\u00a0])\b0\s+([a-zà-ÿ]+s)\b", re.IGNORECASE)
FRENCH_THOUSANDS = re.compile(r"\b\d{1,3}(?:[\u202f\u00a0 ]\d{3})+\b")
FRENCH_DECIMALS = re.compile(r"\b\d+,\d{1,2}\b(?!\d)")
EURO_AFTER = re.compile(r"\d\s*€")
FRENCH_COLON = re.compile(r"\w[\u202f\u00a0 ][:;!?](?=\s|$)")
FRENCH_WORDS = frozenset(
    """les des une vous votre vos pour avec aucun aucune dans cette sont être leur leurs proposition propositions
    soutien soutiens démarche démarches quartier quartiers étape étapes commentaire commentaires connectez
    déposer enregistrer modifier supprimer rechercher précédente suivante jusqu'au terminée venir cours
    et le la du au aux qui que est pas plus sur""".split()
)


BLOCKS = frozenset(
    "td th tr li p div dt dd h1 h2 h3 h4 section option label legend caption figcaption".split()
)


class _Text(HTMLParser):
    """What a person reads or hears: text outside scripts and styles, and the alt, title, aria-label and
    placeholder attributes."""

    def __init__(self, skip_lang: str | None = None) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0
        # Parts marked as written in another language (``lang="fr"`` in an English page: French words people
        # wrote, French grammar shown as such) are read in that language, not checked as this page's text.
        self._skip_lang = skip_lang
        self._foreign: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        if self._foreign and tag == self._foreign[-1]:
            self._foreign.append(tag)
        elif (
            self._skip_lang and tag != "html" and (dict(attrs).get("lang") or "").startswith(self._skip_lang)
        ):
            self._foreign.append(tag)
        if tag in BLOCKS:
            self.parts.append(" ¦ ")  # cells and blocks are read apart: « 2 » then « 0 », not « 2 0 bancs »
        for name, value in attrs:
            if name in ("alt", "title", "aria-label", "placeholder") and value:
                self.parts.append(f" {value} ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        if self._foreign and tag == self._foreign[-1]:
            self._foreign.pop()

    def handle_data(self, data: str) -> None:
        if not self._skip and not self._foreign:
            self.parts.append(data)


def visible_text(html: str, *, skip_lang: str | None = None) -> str:
    parser = _Text(skip_lang)
    parser.feed(html)
    # Text nodes follow each other as the page shows them (« details » then « : title » in a hidden span reads
    # « details: title »); blocks and attributes are set apart above.
    return " ".join("".join(parser.parts).split())


def people_wrote() -> list[str]:
    """Every free text stored in the database (titles, bodies, names...), one line at a time, longest first."""
    texts: set[str] = {settings.BOUQUET_AUTHORITY["name"], settings.BOUQUET_AUTHORITY["short_name"]}
    for model in apps.get_models():
        if not model.__module__.startswith("bouquet."):
            continue
        fields = [
            f.name
            for f in model._meta.get_fields()
            if isinstance(f, models.CharField | models.TextField) and not f.choices
        ]
        for row in model._default_manager.values_list(*fields) if fields else []:
            for value in row:
                words = str(value or "").split()
                for count in (30, 40):  # shortened by |truncatewords in lists
                    if len(words) > count:
                        texts.add(" ".join(words[:count]) + " …")
                for line in str(value or "").splitlines():
                    if line := " ".join(line.split()):
                        texts.add(line)
                        texts.update(
                            line[:length].rstrip() + "…" for length in (25, 39, 49, 79)
                        )  # |truncatechars
    # Short values (« 12 », « Bel ») would cut words and figures of the page's own text.
    return sorted((t for t in texts if len(t) > 3 and not t.isdigit()), key=len, reverse=True)


def pages(client: Client, language: str) -> Iterator[tuple[str, str]]:
    """(address, visible text) of every crawled HTML page answered 200."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    texts: dict[str, str] = {}

    def fetch(address: str) -> str | None:
        response = client.get(address)
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            return None
        html = response.content.decode()
        texts[address] = visible_text(html, skip_lang="fr" if language == "en" else None)
        return html

    for address in crawl(fetch, per_pattern=3):
        if address in texts:
            yield address, texts[address]


@functools.cache
def _beginnings(user_texts: tuple[str, ...]) -> list[str]:
    return sorted(user_texts)


def without_shortened(text: str, user_texts: list[str]) -> str:
    """The text without what people wrote shown shortened (« Des bacs potagers sur les délaissés de … »),
    whatever the template's length: before each « … », the longest run of words that begins a stored text."""
    beginnings = _beginnings(tuple(user_texts))
    cut: list[str] = []
    for mark in re.finditer("…", text):
        before = text[max(0, mark.start() - 240) : mark.start()].rstrip()
        starts = [0] + [i + 1 for i, ch in enumerate(before) if ch in " ›»«"]
        for start in starts:
            candidate = before[start:].strip()
            if len(candidate) < 8:
                break
            at = bisect.bisect_left(beginnings, candidate)
            if at < len(beginnings) and beginnings[at].startswith(candidate):
                cut.append(candidate)
                break
    for candidate in sorted(set(cut), key=len, reverse=True):
        # only where it is shown shortened: the same words in full elsewhere on the page stay for the check
        text = re.sub(re.escape(candidate) + r"\s*…", " ¦ ", text)
    return text


def problems_in(text: str, language: str, user_texts: list[str]) -> list[str]:
    found = [f"« 0 » before a plural: {m.group(0)!r}" for m in ZERO_THEN_PLURAL.finditer(text)]
    if language == "fr":
        found += [f"English month: {m.group(0)!r}" for m in ENGLISH_MONTH.finditer(text)]
        found += [f"capitalised month: {m.group(0)!r}" for m in CAPITALISED_FRENCH_MONTH.finditer(text)]
        found += [f"« 1 » without « er »: {m.group(0)!r}" for m in FIRST_WITHOUT_ER.finditer(text)]
        return found
    text = without_shortened(text, user_texts)
    for written in user_texts:
        if written not in text:
            continue  # most stored texts are not on this page: a substring test is far cheaper than a regex
        if len(written) < 12:
            # A short text is taken out as a whole word only: « Sport » leaves « Passport » alone.
            text = re.sub(rf"(?<!\w){re.escape(written)}(?!\w)", " ¦ ", text)
        else:
            # set apart, not joined: what was around it is not read as one phrase (« workload ¦: 2 »)
            text = text.replace(written, " ¦ ")
    found += [f"French thousands: {m.group(0)!r}" for m in FRENCH_THOUSANDS.finditer(text)]
    found += [f"French decimals: {m.group(0)!r}" for m in FRENCH_DECIMALS.finditer(text)]
    found += [f"« € » after the number: {m.group(0)!r}" for m in EURO_AFTER.finditer(text)]
    found += [
        f"French spacing: {m.group(0)!r} in « {text[max(0, m.start() - 50) : m.end() + 20]} »"
        for m in FRENCH_COLON.finditer(text)
    ]
    for segment in text.split("¦"):
        words = {w.lower() for w in re.findall(r"[\wà-ÿ']+", segment)}
        found += [f"French word {w!r} in « {segment.strip()[:80]} »" for w in sorted(words & FRENCH_WORDS)]
    return found


@pytest.fixture
def demo() -> None:
    call_command("seed_demo", verbosity=0)


@pytest.mark.parametrize("language", ["fr", "en"])
def test_every_page_of_the_demo_reads_in_its_language(demo: None, language: str) -> None:
    agent = User.objects.filter(role=Role.AGENT).order_by("pk").first()
    assert agent is not None
    user_texts = people_wrote()
    report: dict[str, set[str]] = {}  # problem -> pages where it shows
    crawled = 0
    for who in ("visitor", "agent"):
        client = Client()
        if who == "agent":
            client.force_login(agent)
        for address, text in pages(client, language):
            crawled += 1
            for problem in problems_in(text, language, user_texts):
                report.setdefault(problem, set()).add(f"{who} {address}")
    assert crawled > 40
    assert not report, "\n".join(
        f"{problem} on {', '.join(sorted(where)[:3])}" for problem, where in report.items()
    )
