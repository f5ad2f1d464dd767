"""Drafting relations from sentences: cue verbs, their subjects and objects, signs and flags.

For each body sentence (see :mod:`.sentences`) the extractor

1. registers the abbreviations the sentence defines ("opioid growth factor receptor (OGFr)");
2. finds the names of the lexicon, longest first (:mod:`.lexicon`);
3. finds the cues (:mod:`.cues`): verbs in any form ("inhibits", "up-regulated", "binding to"),
   nouns that carry a relation ("inhibition of X by Y", "the interaction of A with B"), and
   classifies each verb as active, passive ("are activated by X"), a reduced relative
   ("neutropenia caused by treatment") or an adjective ("activated T cells": no relation);
4. finds each cue's subject by walking left (over auxiliaries, modals, adverbs and light verbs
   such as "help to" or "is able to"): a noun phrase list ("NK cells, macrophages and B cells"),
   a relative pronoun (its antecedent: "drugs that activate" -> drugs; "..., which" after a list
   -> the list), a coordinated verb ("binds to and activates", ", triggering", "by raising": the
   subject of the verb before), or the clause subject; pronouns and generic nouns ("it", "they",
   "the agent", "this type of treatment") stand for the text's topic, the agent it is about;
5. finds the objects to the right, up to the next clause boundary or cue: lists with "and",
   "or", "and/or" and commas, examples ("such as", "mainly", "in particular"), shared heads and
   complements ("viral and bacterial diseases", "the production and release of lymphokines",
   "radio- or chemotherapy"), noun phrases cut before adjuncts ("in the host", "caused by");
6. resolves each noun phrase to a lexicon node or a candidate node (kind by :mod:`.kinds`);
   "the activity of T cells" is T cells; "changes in X" makes the relation unsigned (regulates);
   after a causal verb the sign of the effect counts ("leads to reduced transcription" is -);
7. flags negation in the verb group ("does not inhibit") and hedging ("may", "appears to",
   "suggests", "not fully understood"), sets the mechanism when the sentence says direct or
   indirect, and where it is measurable when it says in vitro or in vivo (a sentence saying
   which mechanism is measurable where applies to the whole text);
8. records routes of administration ("administered orally") on the agent the clause is about.

Every relation keeps the sentence it came from, with offsets, and gets a confidence: 0.8 for
a verb cue (0.7 for a noun cue or a passive without agent), +0.1 when both ends are curated
nodes, -0.1 for each candidate end, x0.85 when the subject was resolved from a pronoun, a
generic noun or the topic, x0.6 when hedged, x0.7 when negated.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import Any

import networkx as nx

from ..errors import MechgraphError
from ..vocabulary import Measurability, Mechanism, NodeKind, Relation, Route, Status
from . import cues as C
from .draft import Draft, DraftNode, DraftRelation, Span, relation_key
from .kinds import PROCESS_HEADS, guess_kind
from .lexicon import Lexicon, LexiconEntry, Match, UserCue, build_lexicon, default_lexicon, slug
from .parsed import CUE_FORMS, load_pipeline, read_parsed
from .sentences import Sentence, split_sentences
from .tokens import Token, Word, abbreviation_fits, key_of, normalize_word, tokenize, words_of
from .verbclasses import WRAPPER_NOUNS

__all__ = ["extract_text"]

_OPPOSITE = {
    Relation.ACTIVATES: Relation.INHIBITS,
    Relation.INHIBITS: Relation.ACTIVATES,
    Relation.INCREASES: Relation.DECREASES,
    Relation.DECREASES: Relation.INCREASES,
}
_ADJECTIVE_SUFFIXES = ("al", "ar", "ory", "ive", "ed", "ic", "ous", "ible", "able")
_ADJECTIVES = frozenset("other related such new main exact specific certain particular several different whole same direct indirect both only".split())
_PARTICIPLE_FOLLOWERS = C.PREPOSITIONS | {"the", "a", "an", "its", "their", "as"}
_MARKER_FIRST = frozenset(marker[0] for marker in C.EXAMPLE_MARKERS)
_ROUTE_FIRST = frozenset(phrase[0] for phrase in C.ROUTE_WORDS)
_ADVERBIAL_BY_FIRST: dict[str, list[tuple[str, ...]]] = {}
for _phrase in C.ADVERBIAL_PHRASES:
    _ADVERBIAL_BY_FIRST.setdefault(_phrase[0], []).append(tuple(_phrase))
_SEVERITY = frozenset(
    "mild moderate severe chronic acute active refractory persistent serious common rare human humanised humanized "
    "chimeric monoclonal recombinant soluble selective".split()
)
_PLURAL_NOUNS = frozenset("targets releases effects blocks".split())
_WRAPPERS = frozenset(normalize_word(w) for w in WRAPPER_NOUNS) | {"and", "or"}
_BARE_EVENTS = frozenset(normalize_word(w) for w in "engagement activation binding interaction signalling signaling".split())
_FRONTED = frozenset({"because", "although", "though", "while", "whereas", "since", "when", "if", "once", "unless"})
_NUMBERS = frozenset("two three four five six several many various multiple".split())
_CLASS_HEADS = frozenset(normalize_word(w) for w in "protein proteins cytokine cytokines enzyme enzymes receptor receptors molecule molecules kinase kinases factor factors gene genes cell cells antibody antibodies pathway pathways".split())
_SUBORDINATORS = frozenset({"whether", "if", "while", "whereas", "when", "once", "since"})
_NOT_NAME_START = frozenset({"unlike", "rather", "instead", "contrast", "despite", "although", "whereas", "so", "because"})
_WORD_PREFIXES = frozenset("co anti non pre re de un self cross inter intra sub multi over under semi pro trans".split())
_AGENT_KINDS = (NodeKind.AGENT, NodeKind.METABOLITE, NodeKind.THERAPY)


#: Words before a name that make it part of a phrase about something else (a process, a wrapper noun).
_NOT_NAME_HEADS: frozenset[str] = frozenset(PROCESS_HEADS) | C.TRANSPARENT_NOUNS | C.ABSTRACT_NOUNS


@dataclass
class _Ref:
    """A resolved node reference: the entry, a sign modifier, and how it was found."""

    entry: LexiconEntry
    mod: int | None = None  # None: plain; 0: a change ("changes in X"); +1/-1: sign of an effect
    via: str | None = None  # "pronoun 'they'", "topic", ...


@dataclass
class _Item:
    """One noun phrase of a list."""

    tokens: list[int]
    refs: list[_Ref] = field(default_factory=list)
    pronoun: str | None = None
    generic: bool = False
    group: int = 0  # 0: the list itself; 1: its examples ("such as ...")


@dataclass
class _Hit:
    """A cue found in a sentence."""

    first: int
    last: int
    cue: C.CueVerb | C.NominalCue
    form: str  # base, s, ed, ing, nominal
    words: str
    passive: bool = False
    reduced: bool = False  # "X caused by Y"
    verb_group: list[int] = field(default_factory=list)  # tokens walked over to the left
    subjects: list[_Ref] | None = None
    objects: list[_Item] | None = None
    object_end: int = -1  # last token of the object span
    agent_items: list[_Item] | None = None  # passive "by" phrase


@dataclass
class _Found:
    source: str
    relation: Relation
    target: str
    sentence: Sentence
    confidence: float
    cues: tuple[str, ...]
    hedges: tuple[str, ...]
    negations: tuple[str, ...]
    mechanism: Mechanism | None
    settings: tuple[Measurability, ...]
    remarks: tuple[str, ...]


#: Plural nouns spelt like a cue verb's third person: a name may end in them ("healthy controls").
_NOUN_PLURALS = _PLURAL_NOUNS | frozenset(
    "acts arrests causes changes controls cures damages decreases delays drives increases limits signals stops supports traps".split()
)
_VERB_SUFFIXES = ("ate", "ize", "ise", "ify")


def _finite_verb_last(word: str, cue_index: Any) -> bool:
    """Whether a name's last word is a cue verb's finite form, never a noun ("inhibits", "phosphorylate").

    >>> from mechgraph.extract import cues
    >>> index = cues.cue_verbs()
    >>> [_finite_verb_last(w, index) for w in ("inhibits", "phosphorylate", "controls", "cells")]
    [True, True, False, False]
    """
    if word not in cue_index and word not in CUE_FORMS:
        return False
    return (word.endswith("s") and word not in _NOUN_PLURALS) or word.endswith((*_VERB_SUFFIXES, "ed"))


class _Text:
    """What the extractor knows about the whole text while it reads it."""

    def __init__(self, text: str, lexicon: Lexicon) -> None:
        self.text = text
        self.lexicon = Lexicon(base=lexicon)  # a per-text layer for abbreviations and candidates
        self.cue_index = C.cue_verbs(tuple(_user_cue(cue) for cue in lexicon.cues))
        self.topic: LexiconEntry | None = None
        self.first_agent: LexiconEntry | None = None
        self.found: list[_Found] = []
        self.routes: list[tuple[LexiconEntry, Route, Sentence, tuple[str, ...]]] = []
        self.measurable: dict[Mechanism, set[Measurability]] = {}
        self.candidates: dict[tuple[str, ...], LexiconEntry] = {}
        self.used_ids: set[str] = set(lexicon.node_ids())
        self.antecedents: dict[int, LexiconEntry] = {}  # sentence index -> the agent "it" stands for (parser)
        self.unresolved: set[int] = set()  # sentences whose "it" the parser found no singular antecedent for

    def candidate(self, label: str) -> LexiconEntry | None:
        key = key_of(label)
        if not key or key in self.lexicon.ignore:
            return None
        if key[0] in _NOT_NAME_START or (len(key) == 1 and key[0] in _WORD_PREFIXES):
            return None  # "Unlike agents", "co" of "co-stimulate": no name
        if key[0] in _SUBORDINATORS and len(label.split()) > 1:  # "Whether chloroquine inhibits ...": the name after it
            rest = " ".join(label.split()[1:])
            return self.lexicon.lookup(rest) or self.candidate(rest)
        tail = key[len(key) - key[::-1].index("of"):] if "of" in key else key
        if len(tail) > 1 and tail[-1] in _CLASS_HEADS and all(k in _NUMBERS for k in tail[:-1]):
            return None  # "(the action of) two proteins", "three pathways": a class counted, no name
        if key[-1] in C.PREPOSITIONS | {"of", "and", "or"} or all(k in _WRAPPERS for k in key):
            return None  # "symptoms of", "the signs": a name cut short, or a wrapper without its name
        if len(key) == 1 and key[0] in _BARE_EVENTS:
            return None  # "its engagement", "activation": an event without what it is of
        if key[-1] in C.PEOPLE:
            return None  # "adults", "paediatric patients": the people treated are no node
        words = label.split()
        if any(w.lower() in ("the", "a", "an", "which", "that") for w in words[1:]) or all(k in _SEVERITY for k in key):
            return None  # a clause glued into a name ("factor dissociates the convertases"), or bare adjectives
        if any(w.lower().endswith("s") and w.lower() in self.cue_index and w.lower() not in _PLURAL_NOUNS for w in words[1:-1]):
            return None  # "drug protects red blood cells": a verb inside is no name
        if len(words) > 1 and _finite_verb_last(words[-1].lower(), self.cue_index):
            return None  # "the complex inhibits", "JAKs phosphorylate": a subject glued to its verb
        if len(words) > 1 and words[-1].lower().endswith("ly"):  # "S1P1 more selectively": no adverb in a name
            words = words[:-1]
            while len(words) > 1 and words[-1].lower() in ("more", "less", "most"):
                words = words[:-1]
            return self.lexicon.lookup(" ".join(words)) or self.candidate(" ".join(words))
        if key in self.candidates:
            return self.candidates[key]
        kind, process = guess_kind(label)
        node_id = slug(label, taken=self.used_ids)
        self.used_ids.add(node_id)
        entry = LexiconEntry(node_id, kind, label, "text", process=process)
        self.candidates[key] = entry
        self.lexicon.add_name(label, entry)
        return entry

    def resolve_topic(self, sentence: int | None = None) -> LexiconEntry | None:
        if sentence is not None and sentence in self.antecedents:
            return self.antecedents[sentence]
        return self.topic or self.first_agent


def _user_cue(cue: UserCue) -> C.CueVerb:
    words = cue.verb.split()
    return C.CueVerb(words[0], tuple(words[1:]), (), cue.relation, reverse=cue.reverse)


class _Reader:
    """Reads one sentence."""

    def __init__(self, doc: _Text, sentence: Sentence) -> None:
        self.doc = doc
        self.sentence = sentence
        self.tokens: list[Token] = tokenize(sentence.text, offset=sentence.start)
        self.low = [t.lower for t in self.tokens]
        self.n = len(self.tokens)
        self._abbreviations()
        self.words: list[Word | None] = words_of(self.tokens)
        self.mention_at: dict[int, Match] = {}
        self._mentions()
        self.adverbial: set[int] = set()
        for k in range(self.n):
            for phrase in _ADVERBIAL_BY_FIRST.get(self.low[k], ()):
                if tuple(self.low[k : k + len(phrase)]) == phrase:
                    self.adverbial.update(range(k, k + len(phrase)))
        self.hits: list[_Hit] = []
        self.hit_at: dict[int, _Hit] = {}
        self._cues()
        self.hedges = self._hedges()
        self.settings: tuple[Measurability, ...] = ()

    # -- tokens -----------------------------------------------------------------------------

    def is_word(self, i: int) -> bool:
        return 0 <= i < self.n and self.tokens[i].is_word

    def norm(self, i: int) -> str:
        return self.tokens[i].norm if 0 <= i < self.n else ""

    def lower(self, i: int) -> str:
        return self.low[i] if 0 <= i < self.n else ""

    def next_word(self, i: int) -> int:
        """The next token after ``i`` that is not a hyphen or slash joiner."""
        j = i + 1
        while j < self.n and self.low[j] in ("-", "‐", "–", "/") and self.tokens[j].start == self.tokens[j - 1].end:
            j += 1
        return j

    def is_adjective(self, i: int) -> bool:
        word = self.lower(i)
        return word in _ADJECTIVES or (len(word) > 4 and word.endswith(_ADJECTIVE_SUFFIXES) and i not in self.mention_at)

    # -- abbreviations ----------------------------------------------------------------------

    def _abbreviations(self) -> None:
        """Register "long form (ABBR)" definitions in the per-text lexicon (Schwartz & Hearst)."""
        tokens = self.tokens
        for index, token in enumerate(tokens):
            if token.text != "(":
                continue
            close = next((j for j in range(index + 1, min(index + 8, self.n)) if tokens[j].text == ")"), None)
            if close is None or close == index + 1:
                continue
            short = self.sentence.text[tokens[index + 1].start - self.sentence.start : tokens[close - 1].end - self.sentence.start]
            letters = [ch for ch in short if ch.isalnum()]
            if not (2 <= len(short) <= 12 and " " not in short.strip() and any(ch.isupper() for ch in short) and letters):
                continue
            long_first = self._long_form(index, short)
            if long_first is None:
                continue
            long_text = self.sentence.text[tokens[long_first].start - self.sentence.start : tokens[index - 1].end - self.sentence.start]
            lexicon = self.doc.lexicon
            known_long = lexicon.lookup(long_text)
            if lexicon.lookup(short) is not None and known_long is None:
                continue
            entry = known_long or self.doc.candidate(long_text)
            if entry is not None and lexicon.lookup(short) is None:
                lexicon.add_name(short, entry)

    def _long_form(self, paren: int, short: str) -> int | None:
        words = [j for j in range(paren) if self.tokens[j].is_word]
        letters = [ch.lower() for ch in short if ch.isalnum()]
        limit = min(len(letters) + 5, len(letters) * 2)
        candidates = [j for j in words if j >= 0][-limit:]
        for start_pos in range(len(candidates) - 1, -1, -1):
            first = candidates[start_pos]
            if self.low[first] in C.DETERMINERS or any(self.low[k] in (",", ";", ".") for k in range(first, paren)):
                continue
            long_text = " ".join(self.low[k] for k in range(first, paren) if self.tokens[k].is_word)
            if abbreviation_fits(letters, long_text) and long_text[0] == letters[0]:
                return first
        return None

    # -- names --------------------------------------------------------------------------------

    def _mentions(self) -> None:
        position = 0
        while position < len(self.words):
            if self.words[position] is None:
                position += 1
                continue
            found = self.doc.lexicon.match(self.tokens, self.words, position)
            if found is None:
                position += 1
                continue
            length, match = found
            for index in range(match.first, match.last + 1):
                self.mention_at[index] = match
            position += length

    # -- cues -------------------------------------------------------------------------------

    def _cues(self) -> None:
        index = 0
        while index < self.n:
            hit = self._cue_at(index)
            if hit is None:
                index += 1
                continue
            self.hits.append(hit)
            for k in range(hit.first, hit.last + 1):
                self.hit_at[k] = hit
            index = hit.last + 1

    def _cue_at(self, i: int) -> _Hit | None:
        if not self.is_word(i) or i in self.mention_at:
            return None
        word = self.low[i]
        for following, cue, form in self.doc.cue_index.get(word, ()):
            last = i
            ok = True
            for particle in following:
                j = self.next_word(last)
                if self.lower(j) != particle:
                    ok = False
                    break
                last = j
            if not ok:
                continue
            for optional in cue.optional:
                j = self.next_word(last)
                if self.lower(j) == optional:
                    last = j
            if form == "ing" and self.lower(i - 1) in C.DETERMINERS:
                continue  # "the killing function": an adjective
            if form in ("ing", "s", "base") and i > 1 and self.low[i - 1] in ("-", "‐") and self.tokens[i - 1].end == self.tokens[i].start and self.is_word(i - 2) and self.tokens[i - 2].end == self.tokens[i - 1].start:
                continue  # "FK506-binding protein": part of a name
            if form == "ed" and i > 0 and self.low[i - 1] in ("-", "‐") and self.tokens[i - 1].end == self.tokens[i].start:
                # "lymphokine-activated killer cells", "IL-6-induced STAT3 phosphorylation", "T
                # cell-mediated regression": part of a name that says which kind of the thing it
                # is, not a relation of its own
                continue
            if form in ("base", "s") and not cue.copular and not following and (
                (self.lower(i - 1) in C.DETERMINERS | {"of"} and (i - 1) not in self.mention_at)
                or (self.lower(i - 2) in C.DETERMINERS and (self.is_adjective(i - 1) or self.lower(i - 1) in _ADJECTIVES))
                or self.lower(self.next_word(last)) == "of"
                or self._after_object_name(i)
            ):
                continue  # "the release of X", "the main target": a noun
            hit = _Hit(i, last, cue, form, " ".join(self.tokens[k].text for k in range(i, last + 1) if self.tokens[k].is_word))
            if form == "ed" and not cue.copular:
                if not self._classify_participle(hit):
                    return None
            if cue.copular and not any(self.lower(k) in C.BE_FORMS for k in range(max(0, i - 3), i)):
                return None
            return hit
        norm = self.tokens[i].norm
        nominal = C.NOMINAL_CUES.get(norm)
        if nominal is not None:
            j = self.next_word(i)
            if self.lower(j) in C.PRONOUNS and self.lower(j + 2) in ("in", "on", "to") and self.is_word(j + 1):
                return _Hit(i, i, nominal, "nominal", self.tokens[i].text)  # "the alteration they produce in X"
            if self.lower(j) in ("of", "in", "between", "with", "to"):
                return _Hit(i, i, nominal, "nominal", self.tokens[i].text)
            if self.lower(j) in ("and", "or") and self.lower(j + 2) in ("of", "in") and self.is_word(j + 1):
                return _Hit(i, i, nominal, "nominal", self.tokens[i].text)  # "the prevention and treatment of X"
        return None

    def _after_object_name(self, i: int) -> bool:
        """ "increases adenosine release": a cue word right after the object of another verb is a noun."""
        match = self.mention_at.get(i - 1)
        if match is None:
            return False
        before = match.first - 1
        return before >= 0 and (before in self.hit_at or self.low[before] in C.DETERMINERS)

    def _classify_participle(self, hit: _Hit) -> bool:
        """Passive, reduced relative ("X caused by Y"), simple past, or adjective (dropped)."""
        j = hit.first - 1
        while j >= 0 and (self.low[j] in C.ADVERBS or self.low[j].endswith("ly") and self.is_word(j) and j not in self.mention_at):
            j -= 1
        after = self.next_word(hit.last)
        while after < self.n and (self.low[after] in C.ADVERBS or (self.low[after].endswith("ly") and self.is_word(after))):
            after = self.next_word(after)
        by = self.lower(after) == "by"
        if 0 <= j and self.low[j] in C.BE_FORMS | {"has", "have", "had"}:
            hit.passive = self.low[j] in C.BE_FORMS
            return True
        previous = self.lower(j)
        if j < 0 or previous in C.DETERMINERS or previous in C.PREPOSITIONS or previous in (",", "and", "or", "(") or previous == "of" or previous in _FRONTED:
            # "activated T cells", "leads to reduced X": an adjective, unless "by" follows
            if by and previous not in C.DETERMINERS:
                hit.reduced = True
                return True
            return False
        if by:
            hit.reduced = True
        return True

    def _hedges(self) -> tuple[str, ...]:
        found: list[str] = []
        words = [self.lower(i) for i in range(self.n)]
        for phrase in C.HEDGE_PHRASES:
            for start in range(self.n - len(phrase) + 1):
                if tuple(words[start : start + len(phrase)]) == phrase:
                    found.append(" ".join(phrase))
        return tuple(dict.fromkeys(found))

    # -- reading ----------------------------------------------------------------------------

    def read(self) -> None:
        statement = self._measurability_statement()
        # a sentence that says where each mechanism is measurable sets the whole text's settings
        self.settings = () if statement else self._sentence_settings()
        for hit in self.hits:
            if self._covered(hit):
                continue
            self._relate(hit)
        self._routes()

    def _covered(self, hit: _Hit) -> bool:
        """A noun cue inside another cue's objects or subject is read there, not on its own."""
        if hit.form != "nominal":
            return False
        for other in self.hits:
            if other is hit or other.objects is None:
                continue
            for item in other.objects:
                if item.tokens and item.tokens[0] <= hit.first <= item.tokens[-1]:
                    return True
        return False

    # -- subjects ---------------------------------------------------------------------------

    def subjects(self, hit: _Hit) -> list[_Ref]:
        if hit.subjects is None:
            hit.subjects = []  # guards against cycles
            hit.subjects = self._find_subjects(hit)
        return hit.subjects

    def _find_subjects(self, hit: _Hit) -> list[_Ref]:
        if hit.form == "nominal":
            return self._nominal_agent(hit)
        if hit.reduced:
            return self._np_left(hit.first - 1)
        if hit.form == "ing" and hit.first > 0 and (self.is_word(hit.first - 1) or self.low[hit.first - 1] == ")"):
            before = self.low[hit.first - 1]
            if before not in C.AUXILIARIES | C.MODALS | C.PREPOSITIONS | C.BOUNDARIES | C.ADVERBS | {"and", "or"} and before not in C.LIGHT_VERBS and (hit.first - 1) not in self.hit_at and not before.endswith("ly"):
                left = self._np_left(hit.first - 1)  # "diseases resulting from X": a reduced relative
                if left:
                    return left
        i = hit.first - 1
        skipped_to = False
        while i >= 0:
            word = self.low[i]
            if (
                i in self.adverbial
                or word in C.AUXILIARIES or word in C.MODALS or word in C.ADVERBS or word in C.LIGHT_VERBS
                or word in C.NEGATIONS or word in ("to", "in", "particular", "-", "n", "'", "’", "t")
                or (word.endswith("ly") and self.is_word(i) and i not in self.mention_at)
                or (word == "," and self._adverbial_comma(i))
            ):
                if word == "to":
                    skipped_to = True
                if word == "in" and self.lower(i + 1) != "particular":
                    break
                hit.verb_group.append(i)
                i -= 1
                continue
            if word in ("the", "a", "an") and hit.verb_group and self.low[hit.verb_group[-1]] in C.LIGHT_VERBS:
                hit.verb_group.append(i)  # "the ability to increase"
                i -= 1
                continue
            if self.is_word(i) and i not in self.mention_at and i - 1 >= 0 and self.low[i - 1] in C.MODALS | {"to", "does", "do", "did"}:
                hit.verb_group.append(i)  # "may involve binding": the verb before a gerund
                i -= 1
                continue
            break
        if i < 0:
            if hit.form == "ing":
                return self._instrument(hit)
            return self._topic("topic")
        word = self.low[i]
        causal = isinstance(hit.cue, C.CueVerb) and hit.cue.causal
        if causal and (word == "which" or (word == "this" and (i == 0 or self.low[i - 1] in (",", ";")))):
            # "X binds Y, which results in Z" / "This leads to Z": the cause is what X did;
            # but "changes in A and B, which produce ...": the changes themselves
            owner = self._adjacent_owner(i)
            if owner is not None and owner.form == "nominal":
                return self._antecedent(i, hit)
            previous = owner or self._previous_hit(hit, across_relatives=True)
            if previous is not None:
                return [replace(r, mod=None) for r in self.subjects(previous)]
            return self._topic("the previous sentence")
        if word in C.RELATIVES:
            return self._antecedent(i, hit)
        if word in (",", "and", "or", "but", ";") or (word == "by" and hit.form == "ing"):
            if word == ";":
                return self._instrument(hit) if hit.form == "ing" else self._topic("topic")
            previous = self._previous_hit(hit)
            if previous is not None:
                return [replace(r, mod=None) for r in self.subjects(previous)]
            return self._clause_subject(i)
        if word in C.BOUNDARIES or word in (":", "("):
            return self._topic("topic")
        if skipped_to:
            owner = self._object_owner(i)
            if owner is not None:
                return [replace(r, mod=None) for r in self.subjects(owner)]
        if word in C.PRONOUNS and i not in self.mention_at:
            return self._pronoun(word, i)
        start = self._np_start(i)
        if start > 0 and self.low[start - 1] in C.PREPOSITIONS and self.low[start - 1] != "of":
            return self._clause_subject(start - 1)
        if start > 0 and (start - 1) in self.hit_at and self.hit_at[start - 1] is not hit:
            # "Cells that imiquimod activates X secrete ...": the NP was the object of a verb
            return self._clause_subject(start - 1)
        return self._resolve_subject_items(self._parse_list(start, i, subject=True))

    def _adverbial_comma(self, i: int) -> bool:
        """", specifically and reversibly," and ", in particular," around the verb."""
        j = i - 1
        while j >= 0 and (self.low[j] in C.ADVERBS or self.low[j] in ("and", "in", "particular") or self.low[j].endswith("ly")):
            j -= 1
        return j < i - 1 and self.lower(j) == ","

    def _previous_hit(self, hit: _Hit, *, across_relatives: bool = False) -> _Hit | None:
        for other in reversed(self.hits):
            if other.last < hit.first and other.form != "nominal" and not other.reduced:
                between = [self.low[k] for k in range(other.last + 1, hit.first)]
                if not across_relatives and any(w in (";",) or w in C.RELATIVES for w in between):
                    return None
                return other
        return None

    def _object_owner(self, i: int) -> _Hit | None:
        for other in self.hits:
            if other.last < i and other.form != "nominal":
                self.objects(other)
                if other.object_end >= i:
                    return other
        return None

    def _np_start(self, end: int) -> int:
        """The first token of the noun-phrase list that ends at ``end``."""
        i = end
        has_joiner = False
        while i > 0:
            prev = i - 1
            word = self.low[prev]
            if prev in self.mention_at:
                i = self.mention_at[prev].first
                continue
            if word == ")":
                open_at = next((k for k in range(prev, -1, -1) if self.low[k] == "("), None)
                if open_at is None:
                    break
                i = open_at
                continue
            if word in ("and", "or", "&", "/"):
                has_joiner = True
                i = prev
                continue
            if word == ",":
                if has_joiner and self.is_word(prev - 1) and self.low[prev - 1] not in C.BOUNDARIES:
                    i = prev
                    continue
                break
            if word in ("such", "as") and (self.lower(prev + 1) == "as" or self.lower(prev - 1) == "such"):
                i = prev
                continue
            if not self.is_word(prev) and word not in ("-", "‐", "+", "'", "’"):
                break
            if prev in self.hit_at or word in C.BOUNDARIES or word in C.AUXILIARIES or word in C.MODALS:
                break
            if word in C.PREPOSITIONS and word != "of":
                break
            if word in C.REPORTING and self.lower(prev + 1) == "that":
                break
            i = prev
        return i

    def _clause_subject(self, before: int) -> list[_Ref]:
        """The subject of the clause that contains token ``before``."""
        start = 0
        for k in range(before, -1, -1):
            word = self.low[k]
            if word == ";" or (word in C.BOUNDARIES and word not in ("thus", "therefore", "however", "hence")):
                if word in C.RELATIVES and word != "that" or (word == "that" and self._relative_that(k)):
                    nxt = k + 1
                    if self.is_word(nxt) and nxt not in self.hit_at and self.low[nxt] not in C.AUXILIARIES | C.MODALS:
                        return self._antecedent(k, None)  # "cells that X activates ... secrete"
                start = k + 1
                break
        # skip an introduction: "Thus,", "After it binds its receptors,", "On the other hand,"
        comma = next((k for k in range(start, before + 1) if self.low[k] == ","), None)
        if comma is not None and (self.low[start] in C.BOUNDARIES | C.PREPOSITIONS | {"thus", "therefore", "however", "moreover", "furthermore", "then"} or self.low[start].endswith("ly")):
            start = comma + 1
        while start <= before and (self.low[start] in (",",) or self.low[start] in ("thus", "therefore", "however", "then")):
            start += 1
        if start in self.hit_at and self.hit_at[start].form == "ing" and self.hit_at[start].first == start:
            event = self.hit_at[start]  # "blocking X ... abolished Y": the subject is X, signed
            sign = int(event.cue.relation.sign)
            return [replace(ref, mod=sign, via="the event before the verb") for item in self.objects(event) for ref in item.refs]
        end = start
        while end <= before and end < self.n:
            word = self.low[end]
            if end > start and (end - 1) in self.mention_at and end not in self.mention_at and word.endswith("s") and self.lower(end + 1) in C.PREPOSITIONS:
                break  # "Imiquimod acts by ...": a verb after a name
            if end in self.hit_at or word in C.AUXILIARIES or word in C.MODALS or word in C.BOUNDARIES or word in (",", ";", ":"):
                break
            if word in C.PREPOSITIONS and word != "of" and end not in self.mention_at:
                break
            end += 1
        if end == start:
            return self._topic("topic")
        refs = self._resolve_subject_items(self._parse_list(start, end - 1, subject=True))
        return refs

    def _adjacent_owner(self, relative: int) -> _Hit | None:
        """The cue whose objects end right before a relative pronoun."""
        j = relative - 1
        if self.lower(j) == ",":
            j -= 1
        for other in reversed(self.hits):
            if other.last >= relative:
                continue
            items = self.objects(other)
            if items and other.object_end in (j, j + 1):
                return other
        return None

    def _relative_that(self, k: int) -> bool:
        previous = self.lower(k - 1)
        return bool(previous) and self.is_word(k - 1) and previous not in C.REPORTING and previous not in C.PREPOSITIONS

    def _antecedent(self, relative: int, hit: _Hit | None) -> list[_Ref]:
        j = relative - 1
        if self.lower(j) == ",":
            j -= 1
        for other in reversed(self.hits):
            if other is hit or other.last >= relative:
                continue
            items = self.objects(other)
            if items and other.object_end in (j, j + 1) and items[-1].refs and items[-1].tokens and items[-1].tokens[-1] >= j - 1:
                last_group = max(item.group for item in items)
                refs = [ref for item in items if item.group == last_group for ref in item.refs]
                if refs:
                    return [replace(r, mod=None) for r in refs]
            break
        if j < 0 or not (self.is_word(j) or self.low[j] == ")"):
            return self._topic("topic")
        start = self._np_start(j)
        if self.lower(start) in ("a", "an") and self.lower(start - 1) == "," and (self.is_word(start - 2) or self.lower(start - 2) == ")"):
            # "X, a cytokine that ...": the clause is about X, which the appositive describes
            before = self._np_start(start - 2)
            described = self._resolve_subject_items(self._parse_list(before, start - 2, subject=True), governing=before)
            if described:
                return described
        items = self._parse_list(start, j, subject=True)
        words = [k for k in range(start, j + 1) if self.is_word(k) and self.low[k] not in C.DETERMINERS]
        of_at = next((p for p, k in enumerate(words) if self.low[k] == "of"), None)
        head = words[of_at - 1] if of_at else (words[-1] if words else -1)
        indefinite = start > 0 and (self.lower(start) in ("a", "an") and self.lower(start - 1) in C.BE_FORMS or self.lower(start - 1) in C.BE_FORMS)
        if head >= 0 and indefinite:
            governed = self._governing_subject(start)  # "X is a structural analogue of Y that ...": X
            if governed:
                return governed
        refs = self._resolve_subject_items(items, governing=start)
        return refs

    def _resolve_subject_items(self, items: list[_Item], *, governing: int | None = None) -> list[_Ref]:
        named = [item for item in items if item.refs]
        examples = [item for item in named if item.group > 0]
        chosen = examples if examples and all(not i.refs for i in items if i.group == 0) else named
        refs = [ref for item in chosen for ref in item.refs]
        if refs:
            return refs
        for item in items:
            if item.pronoun:
                return self._pronoun(item.pronoun, item.tokens[0] if item.tokens else 0)
        if any(item.generic for item in items):
            start = items[0].tokens[0] if items and items[0].tokens else 0
            if governing is not None or start > 0:
                return self._governing_subject(start)
            return self._topic("generic noun")
        return []

    def _governing_subject(self, start: int) -> list[_Ref]:
        """The subject a generic noun phrase stands for: the copula's or the governing verb's."""
        j = start - 1
        while j >= 0 and self.low[j] in C.DETERMINERS:
            j -= 1
        if j >= 0 and self.low[j] in C.BE_FORMS:
            refs = self._clause_subject(j - 1) if j > 0 else []
            if refs:
                return refs
        owner = self._object_owner(start)
        if owner is not None:
            return [replace(r, mod=None, via=r.via or "governing verb") for r in self.subjects(owner)]
        before = self._clause_subject(start - 1) if start > 0 else []
        return before or self._topic("generic noun")

    def _pronoun(self, word: str, position: int) -> list[_Ref]:
        for k in range(position - 1, -1, -1):
            match = self.mention_at.get(k)
            if match is not None and match.entry.kind in _AGENT_KINDS[:2]:
                return [_Ref(match.entry, via=f"pronoun '{word}'")]
        if word in ("it", "its") and self.sentence.index in self.doc.unresolved:
            return []  # the last agent was named in the plural: "it" is something else
        return self._topic(f"pronoun '{word}'")

    def _topic(self, why: str) -> list[_Ref]:
        topic = self.doc.resolve_topic(self.sentence.index)
        return [_Ref(topic, via=why)] if topic else []

    def _np_left(self, end: int) -> list[_Ref]:
        i = end
        while i >= 0 and (self.low[i] in C.ADVERBS or (self.low[i].endswith("ly") and self.is_word(i))):
            i -= 1
        if i < 0 or not (self.is_word(i) or self.low[i] == ")"):
            return []
        start = i
        while start > 0 and (self.is_word(start - 1) or self.low[start - 1] in ("-", "(", ")")) and (start - 1) not in self.hit_at:
            word = self.low[start - 1]
            if (start - 1) in self.mention_at:
                start = self.mention_at[start - 1].first
                continue
            if word in C.PREPOSITIONS or word == "of" or word in C.BOUNDARIES or word in C.AUXILIARIES:
                break
            start -= 1
        if start > 0 and self.low[start - 1] in ("and", "or") and self.is_word(start - 2) and self.low[start - 2] not in C.PREPOSITIONS:
            start = self._np_start(start - 1)  # "viral and bacterial diseases resulting from ..."
            while self.low[start] in C.PREPOSITIONS or self.low[start] == "of":
                start += 1
        items = self._parse_list(start, i, subject=True)
        return [ref for item in items for ref in item.refs]

    def _instrument(self, hit: _Hit) -> list[_Ref]:
        """A gerund opening a clause ("blocking X with siRNA ..."): its agent follows "with"/"by"."""
        items = self.objects(hit)
        k = (items[-1].tokens[-1] + 1) if items and items[-1].tokens else hit.object_end + 1
        if self.lower(k) in ("with", "by", "using"):
            end = k + 1
            while end < self.n and (self.is_word(end) or self.low[end] in "-/") and end not in self.hit_at and self.low[end] not in C.BOUNDARIES:
                end += 1
            items = self._parse_list(k + 1, end - 1, subject=True)
            return [ref for item in items for ref in item.refs if ref.entry.kind in (NodeKind.AGENT, NodeKind.TARGET)]
        return []

    def _nominal_agent(self, hit: _Hit) -> list[_Ref]:
        assert isinstance(hit.cue, C.NominalCue)
        if hit.cue.agent_first:
            return []  # read in _relate_nominal
        self.objects(hit)
        k = hit.object_end + 1
        if self.lower(k) == "by":
            end = k + 1
            while end < self.n and (self.is_word(end) or self.low[end] in "-/") and end not in self.hit_at and self.low[end] not in C.BOUNDARIES:
                end += 1
            items = self._parse_list(k + 1, end - 1, subject=True)
            refs = [ref for item in items for ref in item.refs]
            if refs:
                return refs
        # "the alteration they produce in X": the agent is the subject of the embedded verb
        j = hit.first + 1
        if self.lower(j) in C.PRONOUNS and self.lower(j + 1) not in ("of", "in"):
            return self._pronoun(self.low[j], hit.first)
        start = hit.first - 1
        while start >= 0 and (self.low[start] in C.DETERMINERS | {"and", "or", ","} or self.norm(start) in C.NOMINAL_CUES):
            start -= 1
        if start >= 0 and self.low[start] in C.PREPOSITIONS | {"of"}:
            return [replace(r, via=r.via or "clause subject") for r in self._clause_subject(start)]
        return []

    # -- objects ----------------------------------------------------------------------------

    def objects(self, hit: _Hit) -> list[_Item]:
        if hit.objects is not None:
            return hit.objects
        hit.objects = []
        start = hit.last + 1
        if hit.form == "nominal":
            while start < self.n and self.low[start] in ("-",):
                start += 1
            if hit.cue.noun not in ("interaction", "binding") or self.lower(start) != "of":
                # "alteration they produce in X": skip to the preposition
                for k in range(start, min(start + 5, self.n)):
                    if self.low[k] in ("of", "in", "on", "to", "between"):
                        start = k + 1
                        break
                else:
                    hit.object_end = hit.last
                    return hit.objects
            else:
                start += 1
        # skip ", specifically and reversibly," after the verb
        while start < self.n and (
            self.low[start] in (",",) or self.low[start] in C.ADVERBS
            or (self.low[start].endswith("ly") and self.is_word(start) and start not in self.mention_at)
            or (self.low[start] in ("and", "or") and self.lower(start + 1).endswith("ly"))
        ):
            start += 1
        if (hit.passive or hit.reduced) and self.lower(start) == "by":
            end = self._span_end(start + 1, hit)
            hit.agent_items = self._parse_list(start + 1, end, subject=True)
            hit.object_end = end
            return hit.objects
        end = self._span_end(start, hit)
        hit.object_end = end
        if end >= start:
            hit.objects = self._parse_list(start, end, subject=False, cue=hit)
        if not hit.objects and hit.form in ("base", "s", "ed") and not hit.passive:
            gap = self._object_gap(hit)
            if gap:
                hit.objects = [_Item([], refs=gap)]
                return hit.objects
        if not hit.objects and hit.form != "nominal":
            # "stimulates or inhibits X", "binds to and activates X": the next verb's objects
            following = self._next_hit(hit)
            between = [self.low[k] for k in range(hit.last + 1, following.first)] if following else []
            if following is not None and all(w in (",", "and", "or", "/") or w in C.ADVERBS or w in C.MODALS or w in ("help", "to") for w in between):
                hit.objects = self.objects(following)
                hit.object_end = following.object_end
        return hit.objects

    def _object_gap(self, hit: _Hit) -> list[_Ref]:
        """ "cells that imiquimod activates through X": the object is the relative's antecedent."""
        i = hit.first - 1
        while i >= 0 and (self.low[i] in C.ADVERBS or self.low[i] in C.MODALS or self.low[i] in C.AUXILIARIES):
            i -= 1
        if i < 0 or not self.is_word(i) or self.low[i] in C.RELATIVES:
            return []
        start = self._np_start(i)
        relative = start - 1
        if relative >= 1 and self.low[relative] in ("that", "which", "whom") and self._relative_that(relative):
            j = relative - 1
            items = self._parse_list(self._np_start(j), j, subject=True)
            return [ref for item in items for ref in item.refs]
        return []

    def _next_hit(self, hit: _Hit) -> _Hit | None:
        for other in self.hits:
            if other.first > hit.last and other.form != "nominal":
                return other
        return None

    def _span_end(self, start: int, hit: _Hit) -> int:
        depth = 0
        k = start
        last_content = start - 1
        while k < self.n:
            word = self.low[k]
            if word == "(":
                depth += 1
            elif word == ")":
                depth = max(0, depth - 1)
            elif depth == 0:
                other = self.hit_at.get(k)
                if other is not None and other is not hit and other.form not in ("nominal", "compound") and not (other.form == "ed" and not other.passive and not other.reduced and k > start and self.low[k - 1] in C.DETERMINERS):
                    break
                if word in (";", ":") or (word in C.BOUNDARIES and word not in ("however",)):
                    break
                if word in C.AUXILIARIES | C.MODALS and k > start:
                    break
                if word == "." and k == self.n - 1:
                    break
                if word == "," and k == self.subordinate_end:
                    break  # "Because X depend on Y, Z slows ...": the fronted clause ends at its comma
            if self.tokens[k].is_word or word == ")":
                last_content = k
            k += 1
        return last_content

    @cached_property
    def subordinate_end(self) -> int:
        """The comma that ends a fronted subordinate clause ("Because ..., ", "Although ..., "), or -1."""
        first = next((k for k in range(self.n) if self.tokens[k].is_word), -1)
        if first < 0 or self.low[first] not in _FRONTED:
            return -1
        return next((k for k in range(first, self.n) if self.low[k] == ","), -1)

    # -- noun-phrase lists ------------------------------------------------------------------

    def _parse_list(self, start: int, end: int, *, subject: bool, cue: _Hit | None = None) -> list[_Item]:
        """Split tokens ``start..end`` into noun phrases (lists, examples) and resolve each."""
        raw: list[tuple[list[int], int]] = []  # tokens, group
        group = 0
        current: list[int] = []
        k = start
        depth = 0
        while k <= end and k < self.n:
            word = self.low[k]
            if k in self.adverbial and k not in self.mention_at:
                k += 1
                continue
            if word == "(":
                depth += 1
            if depth:
                if word == ")":
                    depth -= 1
                k += 1
                continue
            marker = self._example_marker(k)
            if marker:
                if current:
                    raw.append((current, group))
                current = []
                group += 1
                k += marker
                continue
            if word in (",", "and", "or", "&", "nor", "/") and k not in self.mention_at:
                if word == "/" and self.lower(k - 1) == "and":
                    k += 1
                    continue
                if word == "," and self.lower(k + 1) in ("and", "or"):
                    k += 1
                    continue
                if current:
                    raw.append((current, group))
                current = []
                if word == "," and self._appositive(k + 1, end):
                    break  # "BLyS, a TNF-family cytokine ...": a description of the name before, not another name
                k += 1
                continue
            if word == "as" and self.lower(k + 1) == "well" and self.lower(k + 2) == "as":
                if current:
                    raw.append((current, group))
                current = []
                k += 3
                continue
            current.append(k)
            k += 1
        if current:
            raw.append((current, group))
        items: list[_Item] = []
        for position, (tokens, grp) in enumerate(raw):
            np = self._noun_phrase(tokens, first_item=position == 0)
            if not np:
                if position == 0 and not subject:
                    return []  # "produce in X": the object is elsewhere
                continue
            items.append(_Item(np, group=grp))
            content = [k for k in tokens if self.tokens[k].is_word or self.low[k] == ")"]
            if content and np[-1] < content[-1] and not subject:
                break  # the phrase was cut before an adjunct: the rest of the list belongs to it
        self._distribute(items)
        causal = bool(cue and isinstance(cue.cue, C.CueVerb) and cue.cue.causal)
        for item in items:
            if not item.refs and not item.pronoun and not item.generic:
                self._resolve(item, subject=subject, causal=causal)
        # examples are of the kind of what they exemplify: drugs are no examples of a cytokine
        # ("antibodies that neutralise IL-17A, such as X and Y": X and Y are the antibodies)
        kept = []
        for position, item in enumerate(items):
            owner = next((other for other in reversed(items[:position]) if other.group < item.group), None) if item.group > 0 else None
            if owner is not None and owner.refs and item.refs and all(r.entry.kind in _AGENT_KINDS for r in item.refs) and not any(r.entry.kind in _AGENT_KINDS for r in owner.refs):
                continue
            kept.append(item)
        items = kept
        # examples share the sign of what they exemplify ("reduced transcription of ILs, in particular IL-2")
        for position, item in enumerate(items):
            if item.group > 0:
                owner = next((other for other in reversed(items[:position]) if other.group < item.group), None)
                mods = {ref.mod for ref in owner.refs} if owner else set()
                if len(mods) == 1 and None not in mods:
                    shared = next(iter(mods))
                    item.refs = [replace(ref, mod=ref.mod if ref.mod is not None else shared) for ref in item.refs]
        return items

    def _appositive(self, k: int, end: int) -> bool:
        """Whether the phrase at ``k`` (after a comma) describes the name before it: "a cytokine that
        ...", "the rate-limiting enzyme of X", "a TNF-family cytokine"."""
        if self.lower(k) in ("a", "an"):
            return True
        if self.lower(k) != "the":
            return False
        stop = next((j for j in range(k + 1, min(end + 1, self.n)) if self.low[j] in (",", "of", "that", "which", "and", "or", ";")), min(end + 1, self.n))
        return stop - 1 > k and self.norm(stop - 1) in _CLASS_HEADS

    def _example_marker(self, k: int) -> int:
        first = k
        while first < min(self.n, k + 4) and not self.is_word(first):
            first += 1
        if self.lower(first) not in _MARKER_FIRST:
            return 0  # most words start no marker: skip the scan
        for marker in C.EXAMPLE_MARKERS:
            size = len(marker)
            words = [self.lower(j) for j in range(k, k + size * 2) if self.is_word(j)][:size]
            if tuple(words) == marker and k not in self.mention_at:
                matched = 0
                j = k
                while matched < size and j < self.n:
                    if self.is_word(j):
                        matched += 1
                    j += 1
                while j < self.n and self.low[j] in (".", ","):
                    j += 1
                return j - k
        return 0

    def _noun_phrase(self, tokens: list[int], *, first_item: bool) -> list[int]:
        """Trim a conjunct to its noun phrase: no leading preposition, cut before adjuncts."""
        out: list[int] = []
        index = 0
        while index < len(tokens) and self.low[tokens[index]] in C.ADVERBS | {","} and tokens[index] not in self.mention_at:
            index += 1
        if index < len(tokens) and self.low[tokens[index]] in C.PREPOSITIONS and tokens[index] not in self.mention_at:
            if first_item:
                return []
            index += 1
        previous_head = ""
        if index < len(tokens) and (self.low[tokens[index]], self.lower(self.next_word(tokens[index]))) in C.SETTING_WORDS:
            return []
        for position in range(index, len(tokens)):
            k = tokens[position]
            word = self.low[k]
            if (word, self.lower(self.next_word(k))) in C.SETTING_WORDS:
                break
            if k in self.mention_at:
                out.append(k)
                previous_head = self.norm(k)
                continue
            if k in self.hit_at and self.hit_at[k].form not in ("nominal", "compound"):
                break
            if word in C.BOUNDARIES or word in C.AUXILIARIES or word in C.MODALS or word in (";", ":"):
                break
            if word in C.PREPOSITIONS and word != "of":
                head_is_change = previous_head in C.SIGN_NOUNS or previous_head in C.NOMINAL_CUES
                if not (word in ("in", "on") and head_is_change):
                    break
            if (
                self.is_word(k)
                and (word.endswith("ed") or word.endswith("ing"))
                and out
                and len(word) > 4
                and normalize_word(word) not in PROCESS_HEADS
                and self.lower(self.next_word(k)) in _PARTICIPLE_FOLLOWERS
            ):
                break
            out.append(k)
            if self.is_word(k) and not (word.endswith("ly") and k not in self.mention_at):
                previous_head = self.norm(k)
        while out and not self.tokens[out[-1]].is_word and self.low[out[-1]] != ")":
            out.pop()
        return out

    def _distribute(self, items: list[_Item]) -> None:
        """Shared complements and heads: "the production and release of X", "viral and bacterial diseases"."""
        for group in {item.group for item in items}:
            members = [item for item in items if item.group == group]
            if len(members) < 2:
                continue
            last = members[-1]
            words = [k for k in last.tokens if self.is_word(k)]
            if not words:
                continue
            of_position = next((p for p, k in enumerate(last.tokens) if self.low[k] == "of"), None)
            for item in members[:-1]:
                content = [k for k in item.tokens if self.is_word(k) and self.low[k] not in C.DETERMINERS]
                if not content or len(content) > 2 or any(k in self.mention_at for k in content):
                    continue
                last_words = [k for k in last.tokens if self.is_word(k) and self.low[k] not in C.DETERMINERS]
                if of_position is not None and len(content) == 1 and self.is_adjective(content[0]) and last_words and self.is_adjective(last_words[0]):
                    item.tokens = content + last_words[1:]  # "the proliferative and functional capacity of X"
                    continue
                if of_position is not None:
                    combined = content + last.tokens[of_position:]
                    if self._lookup_tokens(combined) is not None or self.norm(content[-1]) in PROCESS_HEADS or self.norm(content[-1]) in C.SIGN_NOUNS or self.norm(content[-1]) in C.TRANSPARENT_NOUNS:
                        item.tokens = combined
                        continue
                if of_position is None and len(words) >= 2 and len(content) == 1:
                    # "viral and bacterial diseases": the shared head
                    combined_text = self.low[content[0]] + " " + " ".join(self.low[k] for k in words[1:])
                    entry = self.doc.lexicon.lookup(combined_text)
                    if entry is not None:
                        item.refs = [_Ref(entry)]
                        continue
                    if self.is_adjective(content[0]) or self.low[content[0]] in _ADJECTIVES:
                        item.tokens = content + words[1:]
                        continue
                if len(words) == 1 and len(content) == 1:
                    # "radio or chemotherapy": the shared end of a compound word
                    whole = self.low[words[0]]
                    stem = self.low[content[0]]
                    for cut in range(2, len(whole) - 3):
                        entry = self.doc.lexicon.lookup(stem + whole[cut:])
                        if entry is not None:
                            item.refs = [_Ref(entry)]
                            break

    def _resolve(self, item: _Item, *, subject: bool, causal: bool) -> None:
        tokens = [k for k in item.tokens]
        words = [k for k in tokens if self.is_word(k)]
        if len(words) == 1 and self.low[words[0]] in C.PRONOUNS and words[0] not in self.mention_at:
            item.pronoun = self.low[words[0]]
            return
        possessive = None
        demonstrative = bool(words) and self.low[words[0]] in ("this", "these", "that", "those")
        while words and self.low[words[0]] in C.DETERMINERS and words[0] not in self.mention_at:
            if self.low[words[0]] in C.POSSESSIVES:
                possessive = self.low[words[0]]
            words = words[1:]
        words = self._strip_quantifiers(words)
        if not words:
            return
        if len(words) == 1 and self.low[words[0]] in C.PRONOUNS and words[0] not in self.mention_at:
            item.pronoun = self.low[words[0]]
            return
        # a name covering the whole phrase
        whole = self._lookup_tokens(words)
        if whole is not None:
            item.refs = [_Ref(whole)]
            return
        if demonstrative and len(words) == 1 and self.norm(words[0]) in _CLASS_HEADS:
            return  # "this pathway", "this enzyme": something named before, not a node of its own
        of_at = next((p for p, k in enumerate(words) if self.low[k] == "of" and k not in self.mention_at), None)
        in_at = next((p for p, k in enumerate(words) if self.low[k] in ("in", "on") and k not in self.mention_at), None)
        head_norm = self.norm(words[0])
        if possessive and any(self.norm(k) in C.ABSTRACT_NOUNS | C.GENERIC_NOUNS for k in words[: of_at if of_at is not None else len(words)]):
            item.pronoun = possessive  # "their main objective", "its mode of action"
            return
        # "changes in X", "inhibition of X" (after a causal verb or as a subject)
        if head_norm in C.SIGN_NOUNS and (of_at == 1 or in_at is not None and in_at <= 2):
            sign = C.SIGN_NOUNS[head_norm]
            if sign == 0 or causal or subject:
                cut = (of_at if of_at == 1 else in_at) + 1  # type: ignore[operator]
                inner = _Item(words[cut:], group=item.group)
                self._resolve(inner, subject=subject, causal=False)
                item.refs = [replace(ref, mod=sign if ref.mod is None else ref.mod * sign) for ref in inner.refs]
                item.pronoun, item.generic = inner.pronoun, inner.generic
                return
        if causal and self.low[words[0]] in C.SIGN_ADJECTIVES and len(words) > 1:
            inner = _Item(words[1:], group=item.group)
            self._resolve(inner, subject=subject, causal=False)
            sign = C.SIGN_ADJECTIVES[self.low[words[0]]]
            item.refs = [replace(ref, mod=sign if ref.mod is None else ref.mod * sign) for ref in inner.refs]
            return
        # "the activity of T cells" -> T cells; "its mode of action" -> its owner
        if of_at == 1 and (head_norm in C.TRANSPARENT_NOUNS or head_norm in C.ABSTRACT_NOUNS):
            inner = _Item(words[2:], group=item.group)
            named = self._lookup_tokens([k for k in words[2:] if self.low[k] not in C.DETERMINERS])
            self._resolve(inner, subject=subject, causal=False)
            if named is not None or any(ref.entry.origin != "text" for ref in inner.refs) or (inner.refs and head_norm in C.ABSTRACT_NOUNS):
                item.refs = inner.refs
                return
        content = [k for k in words if not self.is_adjective(k) or k in self.mention_at]
        if head_norm in C.ABSTRACT_NOUNS | C.GENERIC_NOUNS and all(self.is_adjective(k) for k in words[:-1] if k != words[0]) and of_at is None and len(content) <= 1:
            if possessive:
                item.pronoun = possessive
            else:
                item.generic = True
            return
        # a name at the end, after modifiers ("immunocompetent lymphocytes", "the enzyme calcineurin")
        last_match = self.mention_at.get(words[-1])
        if last_match is not None and last_match.first not in words:
            last_match = None  # a name that belongs to the next phrase ("the secretion and expression of X")
        if last_match is not None and of_at is None and not (last_match.entry.origin == "text" and words[0] < last_match.first):
            item.refs = [_Ref(last_match.entry)]
            return
        if last_match is not None and of_at is not None and words.index(next(k for k in words if self.mention_at.get(k) is last_match)) <= 2:
            before = [k for k in words if k < last_match.first]
            if len(before) <= 2 and not any(self.low[k] == "of" or k in self.mention_at for k in before) and (
                not before or self.norm(before[-1]) not in _NOT_NAME_HEADS
            ):
                item.refs = [_Ref(last_match.entry)]  # "the lost balance of the immune system"
                return
        if last_match is not None and of_at is not None and self.mention_at.get(words[of_at + 1]) is last_match:
            head_words = words[:of_at]
            if head_words and all(self.is_adjective(k) or self.low[k] in C.DETERMINERS for k in head_words[:-1]) and self.norm(head_words[-1]) in C.TRANSPARENT_NOUNS and len(head_words) == 1:
                item.refs = [_Ref(last_match.entry)]
                return
        # "its metabolite" -> "metabolite of <owner>"
        if possessive:
            owner = self._pronoun(possessive, words[0])
            if owner:
                owner_name = owner[0].entry.label.split(" (")[0]
                label = " ".join(self.tokens[k].text for k in words) + " of " + owner_name
                entry = self.doc.lexicon.lookup(label)
                if entry is not None:
                    item.refs = [_Ref(entry)]
                    return
        # generic: every word generic or an adjective ("related compounds", "cellular changes")
        nouns = [k for k in words if not self.is_adjective(k) and self.low[k] not in ("of",)]
        if not nouns or all(self.norm(k) in C.GENERIC_NOUNS | C.NON_ENTITY | C.ABSTRACT_NOUNS for k in nouns):
            item.generic = True
            return
        if of_at is not None and of_at + 1 < len(words):
            complement = [k for k in words[of_at + 1 :] if not self.is_adjective(k) and self.low[k] not in C.DETERMINERS]
            if complement and all(self.norm(k) in C.GENERIC_NOUNS | C.NON_ENTITY | C.ABSTRACT_NOUNS for k in complement):
                item.generic = True
                return
        if len(words) > 9 or len(words) == 1 and self.norm(words[0]) in C.NON_ENTITY:
            return
        label = self._label(words)
        if not label or len(label) < 2:
            return
        entry = self.doc.candidate(label)
        if entry is not None:
            item.refs = [_Ref(entry)]

    def _strip_quantifiers(self, words: list[int]) -> list[int]:
        changed = True
        while changed and words:
            changed = False
            for phrase in C.QUANTIFIER_PHRASES:
                size = len(phrase)
                if len(words) > size and tuple(self.norm(k) for k in words[:size]) == phrase and words[0] not in self.mention_at:
                    words = words[size:]
                    while words and self.low[words[0]] in C.DETERMINERS:
                        words = words[1:]
                    changed = True
                    break
        return words

    def _lookup_tokens(self, words: list[int]) -> LexiconEntry | None:
        if not words:
            return None
        first, last = words[0], words[-1]
        contiguous = all(not any(self.tokens[k].is_word for k in range(a + 1, b)) for a, b in zip(words, words[1:]))
        if contiguous:
            text = self.sentence.text[self.tokens[first].start - self.sentence.start : self.tokens[last].end - self.sentence.start]
        else:
            text = " ".join(self.tokens[k].text for k in words)
        entry = self.doc.lexicon.lookup(text)
        if entry is None and not contiguous:
            # "secretion of proteins on the cell surface": the longest name from the start
            tokens = tokenize(text)
            found = self.doc.lexicon.match(tokens, words_of(tokens), 0)
            if found is not None and found[0] >= 3:
                return found[1].entry
        return entry

    def _label(self, words: list[int]) -> str:
        kept: list[int] = []
        position = 0
        while position < len(words):
            if position and self.low[words[position - 1]] == "of":
                rest = [k for k in words[position:] if self.low[k] not in ("a", "an", "the")]
                stripped = self._strip_quantifiers(rest)
                if len(stripped) < len(rest):
                    kept.extend(stripped)
                    break
            kept.append(words[position])
            position += 1
        words = kept
        pieces: list[str] = []
        for position, k in enumerate(words):
            token = self.tokens[k]
            if position:
                previous = self.tokens[words[position - 1]]
                gap = self.doc.text[previous.end : token.start]
                pieces.append(gap if gap and len(gap) <= 2 and not gap.strip(" -‐/+") == gap and " " not in gap and gap.strip() else (" " if gap else ""))
            pieces.append(token.text)
        label = "".join(pieces).strip(" -,")
        return label

    # -- relations --------------------------------------------------------------------------

    def _relate(self, hit: _Hit) -> None:
        if hit.form == "nominal" and isinstance(hit.cue, C.NominalCue) and hit.cue.agent_first:
            self._relate_agent_first(hit)
            return
        if hit.form == "compound":
            left = self.mention_at.get(hit.first - 2)
            sources = [_Ref(left.entry)] if left is not None else []
            end = hit.last + 1
            while end < self.n and (self.is_word(end) or self.low[end] in "-") and end not in self.hit_at and self.low[end] not in C.BOUNDARIES | C.PREPOSITIONS | C.AUXILIARIES:
                end += 1
            while end < self.n and self.low[end] == "of":  # "regression of some types of tumour"
                end += 1
                while end < self.n and (self.is_word(end) or self.low[end] in "-") and end not in self.hit_at and self.low[end] not in C.BOUNDARIES | C.PREPOSITIONS | C.AUXILIARIES:
                    end += 1
            targets = self._parse_list(hit.last + 1, end - 1, subject=False)
            hit.objects, hit.object_end = targets, end - 1
            self._emit(hit, sources, targets, 0.6)
            return
        objects = self.objects(hit)
        if hit.passive or hit.reduced:
            patients = self.subjects(hit) if not hit.reduced else self._np_left(hit.first - 1)
            agents: list[_Ref] = [ref for item in (hit.agent_items or []) for ref in item.refs]
            if not agents and hit.passive and not hit.agent_items:
                agents = self._topic("implicit agent (passive)")
            sources, targets = agents, [_Item([], refs=[ref]) for ref in patients]
            base = 0.7
        else:
            sources = self.subjects(hit)
            targets = objects
            base = 0.8 if hit.form != "nominal" else 0.7
        self._emit(hit, sources, targets, base)

    def _relate_agent_first(self, hit: _Hit) -> None:
        """ "the interaction of A and/or B with C", "binding of A to C" """
        start = hit.last + 1
        if self.lower(start) != "of":
            return
        k = start + 1
        while k < self.n and self.low[k] not in ("with", "to", "between") and k not in self.hit_at and self.low[k] not in C.BOUNDARIES:
            k += 1
        if self.lower(k) not in ("with", "to"):
            return
        agents = [ref for item in self._parse_list(start + 1, k - 1, subject=True) for ref in item.refs]
        end = self._span_end(k + 1, hit)
        targets = self._parse_list(k + 1, end, subject=False)
        hit.objects = targets
        hit.object_end = end
        self._emit(hit, agents, targets, 0.75)

    def _emit(self, hit: _Hit, sources: list[_Ref], targets: list[_Item], base: float) -> None:
        cue = hit.cue
        negations = self._negations(hit)
        mechanism = self._mechanism()
        settings = self.settings
        for source in sources:
            for item in targets:
                for target in item.refs:
                    relation = cue.relation
                    reverse = isinstance(cue, C.CueVerb) and cue.reverse
                    mods = [m for m in (source.mod, target.mod) if m is not None]
                    if 0 in mods:
                        if relation.sign != 0 or relation in (Relation.REQUIRED_FOR,):
                            relation = Relation.REGULATES
                    elif relation in _OPPOSITE and any(m == -1 for m in mods):
                        if (mods.count(-1) % 2) == 1:
                            relation = _OPPOSITE[relation]
                    a, b = (target.entry, source.entry) if reverse else (source.entry, target.entry)
                    if a.node_id == b.node_id:
                        continue
                    confidence = base
                    known = [e.known or e.origin == "vocabulary" for e in (a, b)]
                    if all(known):
                        confidence += 0.1
                    confidence -= 0.1 * known.count(False)
                    remarks: list[str] = []
                    for ref in (source, target):
                        if ref.via:
                            remarks.append(f"{'subject' if ref is source else 'object'} from {ref.via}")
                    if remarks:
                        confidence *= 0.85
                    if self.hedges_for(hit):
                        confidence *= 0.6
                    if negations:
                        confidence *= 0.7
                    self.doc.found.append(
                        _Found(
                            a.node_id, relation, b.node_id, self.sentence, round(max(0.05, min(0.99, confidence)), 2),
                            (hit.words,), self.hedges_for(hit), negations, mechanism, settings, tuple(remarks),
                        )
                    )
                    self._remember(a)
                    self._remember(b)
        if sources and not (hit.passive or hit.reduced):
            first = sources[0].entry
            if first.kind in _AGENT_KINDS[:2] and first.origin != "text":
                self.doc.topic = first

    def _remember(self, entry: LexiconEntry) -> None:
        if entry.kind is NodeKind.AGENT and self.doc.first_agent is None:
            self.doc.first_agent = entry

    def hedges_for(self, hit: _Hit) -> tuple[str, ...]:
        found = list(self.hedges)
        for k in range(0, hit.first):
            word = self.low[k]
            if word in C.HEDGES and k not in self.mention_at:
                found.append(word)
        return tuple(dict.fromkeys(found))

    def _negations(self, hit: _Hit) -> tuple[str, ...]:
        found = []
        for k in hit.verb_group:
            word = self.low[k]
            if word in C.NEGATIONS:
                found.append(word)
            if word == "t" and self.lower(k - 1) in ("'", "’"):
                found.append("n't")
        if hit.form == "nominal":
            for k in range(max(0, hit.first - 3), hit.first):
                if self.low[k] in ("no", "without", "absence", "lack"):
                    found.append(self.low[k])
        return tuple(dict.fromkeys(found))

    def _mechanism(self) -> Mechanism | None:
        seen = {C.MECHANISM_WORDS[w] for w in self.low if w in C.MECHANISM_WORDS}
        return seen.pop() if len(seen) == 1 else None

    def _sentence_settings(self) -> tuple[Measurability, ...]:
        found = []
        for k in range(self.n - 1):
            setting = C.SETTINGS.get((self.low[k], self.lower(self.next_word(k))))
            if setting is not None:
                found.append(setting)
        return tuple(dict.fromkeys(found))

    def _measurability_statement(self) -> bool:
        """ "a direct mechanism, measurable in vivo and in vitro, or indirectly measurable only in vivo" """
        if not any(w in C.MEASURABLE_WORDS for w in self.low):
            return False
        current: Mechanism | None = None
        found = False
        for k in range(self.n):
            word = self.low[k]
            if word in C.MECHANISM_WORDS:
                current = C.MECHANISM_WORDS[word]
            setting = C.SETTINGS.get((word, self.lower(self.next_word(k))))
            if setting is not None and current is not None:
                if current is Mechanism.INDIRECT and setting is Measurability.IN_VITRO:
                    continue
                self.doc.measurable.setdefault(current, set()).add(setting)
                found = True
        return found

    # -- routes -----------------------------------------------------------------------------

    def _routes(self) -> None:
        if not _ROUTE_FIRST.intersection(self.low):
            return  # no route word in the sentence
        administration = any(w in C.ADMINISTRATION_WORDS for w in self.low)
        for k in range(self.n):
            if self.low[k] not in _ROUTE_FIRST:
                continue
            for phrase, route in C.ROUTE_WORDS.items():
                words = tuple(self.lower(j) for j in range(k, k + len(phrase) * 2) if self.is_word(j))[: len(phrase)]
                if words != phrase or k in self.mention_at:
                    continue
                if not (administration or phrase[-1].endswith("ly")):
                    continue
                agents = [ref.entry for ref in self._clause_subject(k) if ref.entry.kind is NodeKind.AGENT]
                if not agents:
                    agents = [m.entry for m in dict.fromkeys(self.mention_at.values()) if m.entry.kind is NodeKind.AGENT][:1]
                if not agents and self.doc.resolve_topic() is not None:
                    agents = [self.doc.resolve_topic()]  # type: ignore[list-item]
                hedges = tuple(w for w in self.low[:k] if w in C.HEDGES)
                for agent in agents:
                    if agent.kind is NodeKind.AGENT:
                        self.doc.routes.append((agent, route, self.sentence, hedges))


# -- the whole text -------------------------------------------------------------------------


def extract_text(
    text: str,
    *,
    source_id: str,
    lexicon: Lexicon | None = None,
    base_graph: nx.MultiDiGraph | None = None,
    title: str | None = None,
    source_title: str | None = None,
    parser: bool | None = None,
) -> Draft:
    """Draft a mechanism graph from ``text``: candidate relations, each tied to its sentence.

    Parameters
    ----------
    text
        The raw text. Evidence offsets refer to it: ``text[start:end] == quote``.
    source_id
        The id of the text in the draft's ``sources`` (letters, digits, ``_``, ``.``, ``-``).
    lexicon
        The names to recognise (see :func:`~mechgraph.extract.build_lexicon`). Default: the
        lexicon of ``base_graph``, or of the bundled graph when that is None too.
    base_graph
        The curated graph whose nodes are recognised (only read, never modified).
    title, source_title
        The draft's title and the source's title.
    parser
        Read sentences with spaCy's English pipeline (:mod:`.parsed`): None (default) uses it when
        it is installed, False always uses the pattern reader, True requires the pipeline
        (:class:`~mechgraph.errors.MechgraphError` when it is missing).

    Returns
    -------
    Draft
        Nodes and relations; every relation has status ``candidate``, a confidence, and the
        sentence it was read from as evidence. Nodes not in the curated graph have status
        ``candidate``.

    Examples
    --------
    >>> draft = extract_text("Lenalidomide does not inhibit IL-2. It may enhance T-cell proliferation.", source_id="t")
    >>> [(r.source, r.relation.value, r.target, r.negated, r.hedged) for r in draft.relations]
    [('lenalidomide', 'inhibits', 'il2', True, False), ('lenalidomide', 'increases', 't_cell_proliferation', False, True)]
    """
    if lexicon is None:
        lexicon = build_lexicon(base_graph) if base_graph is not None else default_lexicon()
    sentences = split_sentences(text)
    nlp = None if parser is False else load_pipeline()
    if nlp is None and parser:
        raise MechgraphError("the English pipeline is not installed: pip install -e . (see docs/extract.md)")
    doc = _read(text, sentences, lexicon) if nlp is None else _read_parsed(text, sentences, lexicon, nlp)
    return _assemble(doc, sentences, source_id=source_id, title=title, source_title=source_title)


def _read(text: str, sentences: Sequence[Sentence], lexicon: Lexicon, watch: Any = None, doc: _Text | None = None) -> _Text:
    doc = doc if doc is not None else _Text(text, lexicon)
    for sentence in sentences:
        if sentence.role == "heading" and doc.topic is None:
            entry = doc.lexicon.lookup(sentence.text)  # "Sargramostim": the text is about it
            if entry is not None and entry.kind is NodeKind.AGENT:
                doc.topic = entry
        if not sentence.is_body:
            continue
        reader = _Reader(doc, sentence)
        if doc.first_agent is None:
            agents = [m.entry for m in reader.mention_at.values() if m.entry.kind is NodeKind.AGENT]
            if agents:
                doc.first_agent = agents[0]
        if watch is not None:
            watch(reader)
        reader.read()
    return doc


def _read_parsed(text: str, sentences: Sequence[Sentence], lexicon: Lexicon, nlp: Any) -> _Text:
    """Both readers over one text: the parser first, then the pattern reader, then arbitration.

    The parser's state gives the pattern reader its antecedents (the last agent of the paragraph
    for "it", "the drug" and an implicit subject) and its new drug names. In a sentence where the
    parser drafted relations, it decides: a pattern reading of a target the parser also read is
    kept only when both agree (source, sign, negation), and then the pattern's (it knows the
    mechanism and the exact relation type); the parser's other readings are added.
    """
    parser_doc = _Text(text, lexicon)
    antecedents = read_parsed(parser_doc, sentences, nlp, _Found)
    parsed = parser_doc.found
    doc = _Text(text, lexicon)
    doc.antecedents = antecedents
    doc.unresolved = parser_doc.unresolved
    doc.used_ids |= parser_doc.used_ids
    doc.candidates.update(parser_doc.candidates)  # one node per phrase, whichever reader names it
    for entry in parser_doc.candidates.values():
        if entry.kind is NodeKind.AGENT:  # new drug names are names for the pattern reader too
            doc.lexicon.add_name(entry.label, entry)
    _read(text, sentences, lexicon, doc=doc)
    pattern = doc.found
    by_sentence: dict[int, list[_Found]] = {}
    for f in parsed:
        by_sentence.setdefault(f.sentence.index, []).append(f)
    kept = []
    rejected: set[tuple[int, str, tuple[str, ...]]] = set()  # (sentence, source, cues) the parser overruled
    cut: set[tuple[int, str]] = set()  # (sentence, source) the parser read as part of a longer name
    for f in pattern:
        mine = by_sentence.get(f.sentence.index)
        if mine and any(g.target == f.target for g in mine) and not any(
            g.target == f.target and g.source == f.source and g.relation.sign == f.relation.sign for g in mine
        ):
            rejected.add((f.sentence.index, f.source, f.cues))
            if any(g.target == f.target and _part_of_name(f.source, g.source, doc, parser_doc) for g in mine):
                cut.add((f.sentence.index, f.source))
    for f in pattern:
        mine = by_sentence.get(f.sentence.index)
        if (f.sentence.index, f.source, f.cues) in rejected:
            continue  # the parser overruled this subject for this cue: its other objects go too
        if (f.sentence.index, f.source) in cut:
            continue  # the pattern cut the parser's subject short ("T cells" of "CAR T cells"): all its readings go
        if mine:
            same = [g for g in mine if g.target == f.target]
            agree = any(
                g.source == f.source and g.relation.sign == f.relation.sign and bool(g.negations) == bool(f.negations)
                for g in same
            )
            if same and not agree:
                continue
            implicit = any(r.startswith("subject from") and ("generic" in r or "pronoun" in r or "topic" in r) for r in f.remarks)
            if implicit and any("last agent" in r or "subject" in r for g in mine for r in g.remarks) and not any(g.source == f.source for g in mine):
                continue  # the parser resolved the same "it" / "these agents" to another agent
            if implicit and any(_same_verb(f.cues, g.cues) and g.source != f.source and not _implicit_parse(g) for g in mine):
                continue  # the parser found this verb's subject in the sentence ("the fusion protein lenercept increased")
            if any(g.source == f.source and g.relation.sign == f.relation.sign and _part_of_name(g.target, f.target, doc, parser_doc) for g in mine):
                continue  # the parser saw through a wrapper the pattern kept ("serum levels of IL-17A": IL-17A)
            if any(g.source == f.source and g.relation.sign == f.relation.sign and _part_of_name(f.target, g.target, doc, parser_doc) for g in mine):
                continue  # the pattern cut a name the parser kept whole ("gene expression" of "interferon-stimulated gene expression")
            extra = [r for g in same for r in g.remarks if r.startswith("context") and r not in f.remarks]
            if extra:
                f = replace(f, remarks=(*f.remarks, *extra))  # the cells the parser saw ("by resting NK cells")
        kept.append(f)
    seen = {(f.source, f.target, f.sentence.index, int(f.relation.sign), bool(f.negations)) for f in kept}
    doc.found = kept + [f for f in parsed if (f.source, f.target, f.sentence.index, int(f.relation.sign), bool(f.negations)) not in seen]
    for f in doc.found:
        for node_id in (f.source, f.target):
            if doc.lexicon.entry(node_id) is None:
                found_entry = parser_doc.lexicon.entry(node_id)
                if found_entry is not None:
                    doc.lexicon.add_name(found_entry.label, found_entry)
    return doc


def _same_verb(pattern_cues: tuple[str, ...], parser_cues: tuple[str, ...]) -> bool:
    """Whether a pattern reading's cue ("increased") is a form of a parser reading's ("increase")."""
    forms = {form for cue in parser_cues for form in C.verb_forms(cue.split()[0])}
    return any(cue.split()[0] in forms for cue in pattern_cues)


def _implicit_parse(found: _Found) -> bool:
    return any("read as" in r for r in found.remarks)


def _part_of_name(short: str, long: str, doc: _Text, parser_doc: _Text) -> bool:
    a, b = doc.lexicon.entry(short) or parser_doc.lexicon.entry(short), parser_doc.lexicon.entry(long) or doc.lexicon.entry(long)
    if a is None or b is None or short == long:
        return False
    small, large = key_of(a.label), key_of(b.label)
    return 0 < len(small) < len(large) and large[len(large) - len(small):] == small


def _assemble(doc: _Text, sentences: Sequence[Sentence], *, source_id: str, title: str | None, source_title: str | None) -> Draft:
    merged: dict[tuple[str, Any, str, bool], dict[str, Any]] = {}
    for found in doc.found:
        # one relation per pair and sign: "activate, reinforce or restore X" is one relation
        kind: Any = int(found.relation.sign) if found.relation.sign != 0 else found.relation
        key = (found.source, kind, found.target, bool(found.negations))
        span = Span(found.sentence.start, found.sentence.end, found.sentence.text, found.sentence.index)
        mechanism = found.mechanism
        settings = set(found.settings)
        if mechanism is not None and not settings:
            settings = set(doc.measurable.get(mechanism, set()))
        if mechanism is Mechanism.INDIRECT:
            settings.discard(Measurability.IN_VITRO)
        if key not in merged:
            merged[key] = {
                "relation": found.relation, "starts": {span.start},
                "evidence": [span], "confidence": found.confidence, "cues": list(found.cues),
                "hedges": list(found.hedges), "all_hedged": bool(found.hedges), "negations": list(found.negations),
                "mechanism": mechanism, "settings": settings, "remarks": list(found.remarks),
            }
            continue
        item = merged[key]
        if span.start not in item["starts"]:
            item["starts"].add(span.start)
            item["evidence"].append(span)
        item["confidence"] = max(item["confidence"], found.confidence)
        item["cues"] += [c for c in found.cues if c not in item["cues"]]
        item["hedges"] += [h for h in found.hedges if h not in item["hedges"]]
        item["all_hedged"] = item["all_hedged"] and bool(found.hedges)
        item["mechanism"] = item["mechanism"] or mechanism
        item["settings"] |= settings
        item["remarks"] += [r for r in found.remarks if r not in item["remarks"]]
    relations: list[DraftRelation] = []
    for (source, _, target, negated), item in merged.items():
        relation = item["relation"]
        evidence = tuple(item["evidence"])
        settings = tuple(m for m in Measurability if m in item["settings"])
        relations.append(
            DraftRelation(
                id=relation_key(source, relation, target, negated, evidence[0].start),
                source=source, relation=relation, target=target, confidence=item["confidence"],
                evidence=evidence, status=Status.CANDIDATE, mechanism=item["mechanism"], measurable_in=settings,
                cues=tuple(item["cues"]), hedges=tuple(item["hedges"]) if item["all_hedged"] else (),
                negations=tuple(item["negations"]), remarks=tuple(item["remarks"][:3]),
            )
        )
    used: dict[str, LexiconEntry] = {}
    for relation_item in relations:
        for node_id in (relation_item.source, relation_item.target):
            entry = doc.lexicon.entry(node_id)
            if entry is not None:
                used.setdefault(node_id, entry)
    routes: dict[str, list[tuple[Route, Sentence, tuple[str, ...]]]] = {}
    for agent, route, sentence, hedges in doc.routes:
        used.setdefault(agent.node_id, agent)
        routes.setdefault(agent.node_id, []).append((route, sentence, hedges))
    nodes = [_draft_node(entry, routes.get(node_id, [])) for node_id, entry in used.items()]
    return Draft(
        source_id=source_id,
        text=doc.text,
        title=title or "Draft from " + source_id,
        nodes=tuple(nodes),
        relations=tuple(relations),
        sentences=tuple(sentences),
        source_title=source_title,
    )


def _draft_node(entry: LexiconEntry, routes: Iterable[tuple[Route, Sentence, tuple[str, ...]]]) -> DraftNode:
    found_routes: list[Route] = []
    evidence: dict[int, Span] = {}
    for route, sentence, hedges in routes:
        if route not in found_routes:
            found_routes.append(route)
        note = f"route: {route.value}" + (f" (hedged: {', '.join(hedges)})" if hedges else "")
        if sentence.start in evidence:
            previous = evidence[sentence.start]
            if note not in (previous.note or ""):
                evidence[sentence.start] = replace(previous, note=f"{previous.note}; {note}")
        else:
            evidence[sentence.start] = Span(sentence.start, sentence.end, sentence.text, sentence.index, note)
    candidate = not entry.known
    status = Status.CANDIDATE if candidate or found_routes else None
    note = None
    if candidate:
        note = "extract: new node, kind guessed from its words" if entry.origin == "text" else "extract: node from the vocabulary"
    elif found_routes:
        note = "extract: routes found in the text: " + ", ".join(r.value for r in found_routes)
    return DraftNode(
        id=entry.node_id, kind=entry.kind, label=entry.label, candidate=candidate, status=status,
        process=entry.process, phase=entry.phase, record=dict(entry.record),
        routes=tuple(found_routes), evidence=tuple(evidence.values()), note=note,
    )
