"""Place names in proposals: recognised so that they weigh on location, not on meaning (pure: no Django).

Two proposals about different needs in the same park (« une poubelle à crottes au parc Montsouris », « des agrès
de sport au parc Montsouris ») share the park's name, and a word-based representation would group them on it;
the same need in two streets (« végétaliser la rue Sainte-Marthe », « végétaliser la rue de la Roquette ») would
be held apart by the names. So the grouping reads each text with its place mentions taken out
(``without_places``), and keeps them aside (``place_mentions``) for a « by place » view and the location.

A mention is:

- a street word that is always a street (« rue », « avenue », « boulevard », « impasse », « quai »…) with the name
  after it, written in capitals or not (« rue de la roquette »);
- a word that names a place only before a proper name (« parc », « place », « jardin », « école », « square »,
  « gare »…): « parc Montsouris », « place de la République », « école Jules-Ferry », but not « créer un jardin
  partagé » nor « une place de stationnement »;
- one of the territory's own names given by the caller (its districts and places: « Montsouris », « les
  Olympiades »), found whatever the case and accents.

The French street vocabulary here is a small gazetteer written for this purpose, not a list copied from elsewhere.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

# Always a way or a street when followed by a name.
STREET_WORDS: Final = frozenset(
    {
        "rue", "ruelle", "avenue", "av", "boulevard", "bd", "bld", "impasse", "quai", "faubourg", "cité", "villa",
        "allée", "allees", "allées", "sentier", "venelle", "passage", "chaussée", "rond-point", "carrefour",
    }
)  # fmt: skip
# A place only before a proper name (capitalised): otherwise the word is a need (« un jardin partagé »).
PLACE_WORDS: Final = frozenset(
    {
        "place", "square", "parc", "jardin", "jardins", "parvis", "esplanade", "promenade", "port", "porte",
        "pont", "gare", "station", "stade", "gymnase", "piscine", "école", "collège", "lycée", "marché", "halle",
        "halles", "église", "mairie", "bibliothèque", "médiathèque", "résidence", "quartier", "cours", "canal",
        "bois", "butte", "chemin", "route", "hameau", "lotissement", "cimetière", "centre", "musée", "théâtre",
    }
)  # fmt: skip
# Small words inside a name: « rue de la Roquette », « place d'Italie », « square des Batignolles ».
CONNECTORS: Final = frozenset(
    {"de", "du", "des", "la", "le", "les", "l", "d", "saint", "sainte", "st", "ste"}
)
# Words that end a name written in lower case (« rue de la roquette pour les enfants »).
NAME_STOPS: Final = frozenset(
    {
        "pour", "et", "ou", "avec", "sans", "dans", "sur", "sous", "entre", "vers", "afin", "qui", "que", "où",
        "au", "aux", "à", "a", "en", "par", "près", "devant", "derrière", "côté", "car", "mais", "donc", "est",
    }
)  # fmt: skip
MAX_NAME_WORDS: Final = 4

_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*|[-'’]", re.UNICODE)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_STREET_FOLDED: Final = frozenset(_fold(w) for w in STREET_WORDS)
_PLACE_FOLDED: Final = frozenset(_fold(w) for w in PLACE_WORDS)
_CONNECTORS_FOLDED: Final = frozenset(_fold(w) for w in CONNECTORS)
_STOPS_FOLDED: Final = frozenset(_fold(w) for w in NAME_STOPS)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # character offsets in the text
    end: int
    text: str  # as written
    name_start: int  # where the name begins, after the street or place word (« rue » of « rue Oberkampf »)

    @property
    def key(self) -> str:
        """The place as a comparable key: its name's words without the street or place word and the small words
        (« rue de la Jonquière » and « rue Jonquière » → « jonquiere »), case, accents and hyphens aside."""
        return place_key(self.text[self.name_start - self.start :])


def place_key(name: str) -> str:
    """The comparable key of a place's name (as ``Mention.key``): « Parc Montsouris » → « montsouris »; the words
    of its name without a leading street or place word, the small words and the articles."""
    words = re.findall(r"[^\W_]+", _fold(name))
    while words and (words[0] in _STREET_FOLDED or words[0] in _PLACE_FOLDED):
        words = words[1:]
    kept = [w for w in words if w not in _CONNECTORS_FOLDED or w in ("saint", "sainte", "st", "ste")]
    return " ".join(kept) or " ".join(words)


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]


def _split_elision(word: str) -> str:
    """« l'Ourcq » → « Ourcq »: the name after an elided article."""
    for mark in ("'", "’"):
        if mark in word:
            return word.split(mark, 1)[1] or word
    return word


def _is_proper(word: str) -> bool:
    core = _split_elision(word)
    return bool(core) and core[0].isupper()


def _name_after(
    toks: Sequence[tuple[str, int, int]], i: int, *, lower_case_ok: bool, shouted: bool = False
) -> int:
    """Index after the name that starts at ``i`` (``i`` itself when there is none). A name is capitalised words
    and numbers joined by small words (« de la », « Saint »); after a street word, a single word in lower case is
    a name too (« rue de la roquette »)."""
    j = end = i
    names = 0
    while j < len(toks) and names < MAX_NAME_WORDS:
        word = toks[j][0]
        folded = _fold(word)
        if folded in ("-", "'", "’"):
            j += 1
            continue
        core = _split_elision(word)
        if core == word and folded in _CONNECTORS_FOLDED:
            j += 1
            continue
        core_folded = _fold(core)
        # In a text written in capitals, a capital says nothing: only a street word's name is read there.
        proper = (not shouted and _is_proper(core)) or core.isdigit()
        if folded in _STOPS_FOLDED or (
            not proper and (core_folded in _STREET_FOLDED or core_folded in _PLACE_FOLDED)
        ):
            break
        if proper:
            j += 1
            end = j
            names += 1
            continue
        if lower_case_ok and names == 0:
            end = j + 1
        break
    return end


@lru_cache(maxsize=64)
def _territory_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    articles = ("les ", "le ", "la ", "l ")
    keys_set = set()
    for name in names:
        key = " ".join(re.findall(r"[^\W_]+", _fold(name)))
        for article in articles:  # « Les Olympiades » is also written « aux Olympiades »
            if key.startswith(article):
                key = key[len(article) :]
                break
        keys_set.add(key)
    keys = sorted(keys_set, key=len, reverse=True)
    keys = [k for k in keys if len(k) >= 3]
    if not keys:
        return None
    body = "|".join(r"[\s\-'’]+".join(re.escape(part) for part in key.split()) for key in keys)
    return re.compile(rf"(?<![^\W_])(?:{body})(?![^\W_])")


def place_mentions(text: str, territory: Iterable[str] = ()) -> list[Mention]:
    """The place mentions of a text, in order, without overlaps."""
    toks = _tokens(text)
    letters = [ch for ch in text if ch.isalpha()]
    shouted = len(letters) > 3 and all(ch.isupper() for ch in letters)
    found: list[tuple[int, int, int]] = []  # start, end, start of the name
    i = 0
    while i < len(toks):
        word = toks[i][0]
        folded = _fold(word)
        if folded in _STREET_FOLDED or folded in _PLACE_FOLDED:
            end = _name_after(toks, i + 1, lower_case_ok=folded in _STREET_FOLDED, shouted=shouted)
            if end > i + 1:
                found.append((toks[i][1], toks[end - 1][2], toks[i + 1][1]))
                i = end
                continue
        i += 1
    pattern = _territory_pattern(tuple(territory))
    if pattern is not None:
        folded_text = _fold(text)
        if len(folded_text) == len(text):  # offsets line up (folding kept one character per character)
            for match in pattern.finditer(folded_text):
                found.append((match.start(), match.end(), match.start()))
    merged: list[tuple[int, int, int]] = []
    for start, end, name in sorted(found):
        if merged and start <= merged[-1][1]:
            first = merged[-1]
            merged[-1] = (first[0], max(end, first[1]), first[2])
        else:
            merged.append((start, end, name))
    return [Mention(start, end, text[start:end], name) for start, end, name in merged]


def without_places(text: str, territory: Iterable[str] = ()) -> str:
    """The text with the names of its places taken out, their kind kept (« végétaliser la rue Sainte-Marthe » →
    « végétaliser la rue »): what the grouping reads for the need."""
    mentions = place_mentions(text, territory)
    if not mentions:
        return text
    out, last = [], 0
    for m in mentions:
        out.append(text[last : m.name_start])
        last = m.end
    out.append(text[last:])
    return re.sub(r"\s{2,}", " ", "".join(out)).strip()


PLACES_SEPARATOR: Final = "|"


def places_key(text: str, territory: Iterable[str] = ()) -> str:
    """The places a text names, as one stored string (keys sorted, ``|`` between them; empty when none)."""
    return PLACES_SEPARATOR.join(sorted({m.key for m in place_mentions(text, territory)}))


def same_location(first: str, second: str) -> bool:
    """Whether two texts may be about the same location: unless both name places and share none."""
    if not first or not second:
        return True
    return not set(first.split(PLACES_SEPARATOR)).isdisjoint(second.split(PLACES_SEPARATOR))


# What ends a sentence: a capital after it begins one, and says nothing about a name.
# A district's ordinal (« du 12e », « le 7ème », « 1er ») says where, not what.
_ORDINAL: Final = re.compile(r"(?<![^\W_])\d{1,2}\s?(?:e|è|ème|eme|er|ère)(?![^\W_])", re.IGNORECASE)
# The kinds of place that are settings, not what a need is about: taken out with their names by ``without_names``.
_SETTING_FOLDED: Final = frozenset({"quartier", "quartiers", "secteur"})
_SENTENCE_END: Final = re.compile(r"[.!?:;…|\n(«»\"]\s*$")


def _proper_words(text: str, common: Container[str] = ()) -> list[tuple[int, int]]:
    """Offsets of the capitalised words inside sentences (« un café près de la Tour Saint-Jacques »): in French a
    capital there marks a proper name (a place, a person, a venue). A sentence's first word says nothing; words
    written all in capitals (« JO », « ESS ») are acronyms, and a text written in capitals has no such words.
    Titles are often written with capitals on their nouns (« Ajout d'Arbres »): a word found in ``common``
    (words the corpus also writes in lower case, folded) is not a name."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) > 3 and all(ch.isupper() for ch in letters):
        return []
    out = []
    for word, start, end in _tokens(text):
        core = _split_elision(word)
        if not core or not core[0].isupper() or (len(core) > 1 and core.isupper()):
            continue
        if start == 0 or _SENTENCE_END.search(text[:start]) or not text[:start].strip():
            continue
        if _fold(core) in common:
            continue
        out.append((start, end))
    return out


def lower_case_words(texts: Iterable[str]) -> frozenset[str]:
    """The words (folded) that the texts write in lower case somewhere: common words, whatever their capitals."""
    return frozenset(
        _fold(core)
        for text in texts
        for word, _, _ in _tokens(text)
        if (core := _split_elision(word))[:1].islower()
    )


def names(text: str, territory: Iterable[str] = (), common: Container[str] = ()) -> frozenset[str]:
    """The names a text holds, as comparable keys: its places (``Mention.key``) and its other proper names
    (« Tour Saint-Jacques pour tous » → « saint jacques »)."""
    keys = {m.key for m in place_mentions(text, territory)}
    keys.update(place_key(_split_elision(text[start:end])) for start, end in _proper_words(text, common))
    keys.update(_fold(m.group(0)) for m in _ORDINAL.finditer(text))
    return frozenset(k for k in keys if k)


def without_names(text: str, territory: Iterable[str] = (), common: Container[str] = ()) -> str:
    """The text without its places (the name, with its kind when that is a street or a district: « rue de la
    Roquette », « quartier des Sept-Deniers », but « la piscine » of « la piscine Mathis » stays), its other proper names (the capitalised words inside sentences) and its districts' ordinals: what is left says
    the need alone, so that texts meeting on where they are can be asked whether they still meet without it."""
    rest, last = [], 0
    for m in place_mentions(text, territory):
        # A street or a district is a setting; a pool, a school or a park is often what the need is about.
        kind = _fold(text[m.start : m.name_start].strip())
        rest.append(text[last : m.start if kind in _SETTING_FOLDED else m.name_start])
        last = m.end
    rest.append(text[last:])
    rest_text = _ORDINAL.sub("", "".join(rest))
    return _without_proper_words(rest_text, common)


def _without_proper_words(rest: str, common: Container[str]) -> str:
    spans = _proper_words(rest, common)
    if not spans:
        return re.sub(r"\s{2,}", " ", rest).strip()
    out, last = [], 0
    for start, end in spans:
        out.append(rest[last:start])
        last = end
    out.append(rest[last:])
    return re.sub(r"\s{2,}", " ", "".join(out)).strip()


def without_settings(text: str, territory: Iterable[str] = (), common: Container[str] = ()) -> str:
    """The text without its place mentions whole, their kind included (« la médiathèque Marguerite Duras », « au
    parc Montsouris »), its other proper names and its districts' ordinals: what is left of « Un auditorium pour
    la médiathèque Marguerite Yourcenar » is the auditorium. Used where a kind of place shared with names
    (three projects in three médiathèques) must not hold needs together on its own."""
    rest, last = [], 0
    for m in place_mentions(text, territory):
        rest.append(text[last : m.start])
        last = m.end
    rest.append(text[last:])
    return _without_proper_words(_ORDINAL.sub("", "".join(rest)), common)
