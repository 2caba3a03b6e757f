"""French text handling: normalisation, tokens, stop words, Snowball stems and surface forms."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache

import Stemmer

# Written for this product: function words, auxiliaries and the boilerplate of participation
# platforms ("projet", "proposition", "mettre en place"...) that would otherwise dominate keywords
# without saying anything about the need. Kept lower-case and with accents; matching is done on the
# accent-folded form so "a"/"à" and "ou"/"où" are both caught.
_STOP_WORDS_TEXT = """
a à afin ai aie aient aies ait alors als an ans apres après as au aucun aucune aujourd aujourdhui
auprès aura aurai auraient aurais aurait auras aurez auriez aurions aurons auront autant autour
autre autres aux avaient avais avait avant avec avez aviez avions avoir avons ayant ayez ayons
beaucoup bien bon bonne c ça car ce ceci cela celle celles celui cependant certain certaine
certaines certains ces cet cette ceux chacun chaque chez ci comme comment contre d dans de debut
déjà depuis des dès deux devant doit doivent donc dont du durant e elle elles en encore entre es
est et étaient étais était étant été êtes étiez étions être eu eue eues eûmes eurent eus eusse
eussent eusses eussiez eussions eut eût eûtes eux faire fait faites fois font fut fût furent fus
fusse fussent fusses fussiez fussions grâce ici il ils j je jusqu jusque l la là le les leur leurs
lors lorsque lui m ma mais me même mêmes mes moi moins mon n ne ni nos notamment notre nous o on ont
ou où par parce parfois pas peu peut peuvent plus plusieurs pour pourquoi pourrait pouvoir
puis qu quand que quel quelle quelles quels qui quoi s sa sans se sera serai seraient serais
serait seras serez seriez serions serons seront ses si sien sienne sinon soi soient sois soit
sommes son sont sous soyez soyons suis sur t ta tant te tes toi ton tous tout toute toutes très
trop tu un une unes uns vers via voici voilà vos votre vous vu y
projet projets proposition propositions proposer propose proposons idée idées mettre mise place
permettre permet permettant création créer réaliser réalisation nouveau nouvelle nouveaux
nouvelles ville quartier quartiers habitants habitant besoin etc
atelier ateliers participant participants participante participantes propos recueilli recueillie
recueillis recueillies proposent proposé proposée proposés proposées aussi
"""


def fold(word: str) -> str:
    """Lower-case and strip accents so spelling variants share one key."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


STOP_WORDS: frozenset[str] = frozenset(fold(w) for w in _STOP_WORDS_TEXT.split())

# Letters (with French accents), digits and in-word hyphens; apostrophes split elisions (l'école).
_TOKEN_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*", re.UNICODE)

# Short, frequent French function words used to tell French text from other languages.
_FRENCH_MARKERS = frozenset(
    "le la les des du de un une et est pour dans sur avec par au aux qui que une ce cette nous vous "
    "pas plus sont être avoir leur".split()
)
_FOREIGN_MARKERS = (
    frozenset(
        "the and of to is for with this that are on in be by from it an as at or we our "
        "der die das und ist mit für nicht ein eine den dem "
        "el los las y es con por una para del que se "
        "il della di che per una sono con gli "
        "w i z na do nie się jest oraz dla "
        "het een en van de is op te voor met".split()
    )
    - _FRENCH_MARKERS
)

_STEMMER = Stemmer.Stemmer("french")
_WORD_ONLY_RE = re.compile(r"[^\W_]+", re.UNICODE)


def normalise(text: str) -> str:
    """Normalise unicode, apostrophes and whitespace of a raw text."""
    text = unicodedata.normalize("NFC", text or "")
    text = text.replace("’", "'").replace("ʼ", "'").replace("`", "'")
    return " ".join(text.split())


def tokens(text: str) -> list[str]:
    """Split a text into surface word tokens (original case kept for display)."""
    return _TOKEN_RE.findall(normalise(text).replace("'", " "))


def stem(word: str) -> str:
    """French Snowball stem of an accent-folded, lower-cased word."""
    return str(_STEMMER.stemWord(fold(word)))


@lru_cache(maxsize=500000)
def _term(token: str) -> str | None:
    """Stem of a content word, None for stop words, numbers and single letters (cached: words repeat)."""
    key = fold(token)
    # Numbers, ordinals and addresses ("2024", "11e", "n°3") carry no theme; single letters neither.
    if len(key) < 2 or key in STOP_WORDS or any(ch.isdigit() for ch in key):
        return None
    return str(_STEMMER.stemWord(key))


def content_stem(word: str) -> str | None:
    """Stem of one content word, None for a stop word, a number or a single letter."""
    return _term(word)


def content_tokens(text: str) -> list[tuple[str, str]]:
    """Return (stem, surface word) pairs of the content words of a text, in order."""
    out: list[tuple[str, str]] = []
    for tok in tokens(text):
        s = _term(tok)
        if s is not None:
            out.append((s, tok.lower()))
    return out


def analyse(text: str) -> list[str]:
    """Stem unigrams and adjacent-stem bigrams used as TF-IDF terms."""
    stems = [s for s, _ in content_tokens(text)]
    return stems + [f"{a} {b}" for a, b in zip(stems, stems[1:], strict=False)]


def analyse_any(doc: str | list[str]) -> list[str]:
    """Analyzer accepting a raw text or an already analysed term list (the engine analyses once)."""
    return doc if isinstance(doc, list) else analyse(doc)


class SurfaceForms:
    """Remember, for each stem, the surface words people wrote, to display the most frequent one."""

    def __init__(self) -> None:
        """Start with no observed words."""
        self._counts: dict[str, Counter[str]] = defaultdict(Counter)
        self._capitalised: Counter[str] = Counter()
        self._inner: Counter[str] = Counter()

    def update(self, texts: Iterable[str]) -> None:
        """Count the surface words of the given texts, and how often each stem is capitalised mid-sentence."""
        for text in texts:
            first = True
            for tok in tokens(text):
                s = _term(tok)
                if s is None:
                    first = False
                    continue
                self._counts[s][tok.lower()] += 1
                if not first:
                    self._inner[s] += 1
                    self._capitalised[s] += tok[:1].isupper()
                first = False

    def is_proper_noun(self, term: str) -> bool:
        """Whether a term looks like a place or person name (mostly capitalised inside sentences)."""
        # Names make labels that only locals understand and say nothing about the need itself.
        return any(
            self._inner[p] >= 1 and self._capitalised[p] / self._inner[p] >= 0.6 for p in term.split(" ")
        )

    def display(self, term: str) -> str:
        """Most frequent surface word (or pair of words for a bigram) for a stem term."""
        return " ".join(self._one(part) for part in term.split(" "))

    def _one(self, s: str) -> str:
        """Most frequent surface word for one stem, the stem itself when never seen."""
        counts = self._counts.get(s)
        if not counts:
            return s
        # Ties broken alphabetically so labels are reproducible between runs.
        return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


# Answers that say nothing about a need: set aside and counted, never grouped (accents, case and punctuation
# aside). Written for the product from what open questions of French consultations receive.
_NON_ANSWERS = frozenset(
    fold(" ".join(_WORD_ONLY_RE.findall(a)))
    for a in """ras | r.a.s | rien à signaler | rien a dire | rien | non | oui | néant | neant | nsp | ne sais pas |
je ne sais pas | je sais pas | sais pas | aucun | aucune | aucune idée | pas d'idée | pas d'avis | sans avis |
sans opinion | aucun avis | aucun commentaire | pas de commentaire | sans commentaire | idem | pareil | voir
ci-dessus | cf ci-dessus | ok | test | essai | bonjour | merci | non merci | n/a | na | nc | xxx | x | ...
| ? | - | / | .""".split("|")
)
_LINK_RE = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)


def repeat_key(text: str) -> str:
    """What two texts share when one repeats the other: their words, accents, case and punctuation aside
    (« Plus de bancs ! » and « plus de bancs »)."""
    return fold(" ".join(_WORD_ONLY_RE.findall(normalise(text))))


def is_non_answer(text: str) -> bool:
    """« RAS », « non », « je ne sais pas », a bare link, a lone character: nothing to group."""
    clean = normalise(text)
    if _LINK_RE.match(clean):
        return True
    key = repeat_key(clean)
    return key in _NON_ANSWERS or (len(key.replace(" ", "")) <= 1 and len(clean) <= 3)


def text_status(text: str, max_chars: int) -> str:
    """Classify a raw text as ok / empty / non_answer / too_short / truncated / other_language."""
    clean = normalise(text)
    if not clean:
        return "empty"
    words = tokens(clean)
    if not any(ch.isalpha() for ch in clean) or len(words) == 0:
        return "empty"
    if is_non_answer(clean):
        return "non_answer"
    if len(content_tokens(clean)) == 0 and len(words) <= 2:
        return "too_short"
    if len(words) == 1:
        return "too_short"
    lowered = [fold(w) for w in words]
    fr = sum(w in _FRENCH_MARKERS for w in lowered)
    foreign = sum(w in _FOREIGN_MARKERS for w in lowered)
    # Only call a text foreign when it has enough function words to judge and they are not French.
    if foreign >= 3 and foreign > 2 * fr:
        return "other_language"
    if len(clean) > max_chars:
        return "truncated"
    return "ok"
