"""The pattern reader's state: what it knows about the whole text (:class:`_Text`), the
references, phrases and cues of a sentence, and the part of the sentence reader every part of it
shares (:class:`_ReaderBase`). The reader itself is :class:`.extractor._Reader`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ..vocabulary import Measurability, Mechanism, NodeKind, Relation, Route
from . import cues as C
from .kinds import PROCESS_HEADS, guess_kind
from .lexicon import SALTS, Lexicon, LexiconEntry, Match, UserCue, slug
from .namevariants import variants
from .parsed import CUE_FORMS
from .parseswap import OTHER_VERB_FORMS, PLURAL_VERBS, VERB_FORMS
from .parsetext import DEGREE_RANGE
from .parsewords import looks_like_drug, named_after_class
from .sentences import Sentence
from .tokens import Token, Word, key_of, normalize_word
from .verbclasses import WRAPPER_NOUNS, disease_word

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
_DRUG_WORDS = frozenset(normalize_word(w) for w in "antibody drug agent medicine medication compound molecule inhibitor therapy treatment".split())
_DRUG_ADJECTIVES = frozenset("new novel oral topical experimental investigational first second other similar different potent selective".split())
#: a word a salt names a drug with: not an adjective or a sample ("intracellular calcium", "serum sodium")
_SALT_OWNER = re.compile(r"^(?!(?:serum|plasma|blood|urine|urinary|total|free|dietary|ionised|ionized)$)(?!.*(?:al|ar|ic|ous|ive|ed|ing)$)")
_TRAILING_ADVERBS = frozenset(
    "instead rather too also either again alone as well first then still now later thus thereby therefore elsewhere together inside outside away".split()
)
_CLAUSE_VERBS = frozenset("is are was were remains remain contains contain carries carry has have".split())
_CLAUSE_WORDS = frozenset("the a an which that whether it been".split()) | _CLAUSE_VERBS
_NUMBERS = frozenset("two three four five six several many various multiple".split())
_CLASS_HEADS = frozenset(
    normalize_word(w)
    for w in "protein proteins cytokine cytokines enzyme enzymes receptor receptors molecule molecules kinase kinases factor factors gene genes cell cells antibody antibodies pathway pathways".split()
)
_SUBORDINATORS = frozenset({"whether", "if", "while", "whereas", "when", "once", "since"})
_PARTICLES = frozenset("up down off out on over alone together".split())
_DOSE_ONLY = re.compile(r"^[\d.,\s]+(mg|g|µg|mcg|ug|ml|units?|iu|mg/kg|mg/m2)\b", re.IGNORECASE)
#: the words of an approximate amount ("roughly 1 to 10", "about 5 per cent")
_APPROXIMATE = frozenset("roughly about approximately around nearly almost some up to between and of per cent percent more less than over under".split())
#: how long: "up to three weeks", "6 to 12 months" (no name)
_DURATION = re.compile(
    r"^(?:up to |about |over |for |within )?(?:[\d.]+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)"
    r"(?: (?:to|or|-) (?:[\d.]+|\w+))? (?:hours?|days?|weeks?|months?|years?)$",
    re.IGNORECASE,
)
_BARE_CLASSES = frozenset(
    {"metabolite", "messenger", "substance", "chemical"}
)  # "the metabolite": the one named before (the parser reads it), never a node of its own
_TIME_WORDS = frozenset("century centuries decade decades year years month months week weeks day days hour hours time times".split())
_BARE_ADJECTIVES = frozenset(
    "live dead alive attenuated high low mild moderate severe active inactive sick unwell ill bacterial viral fungal parasitic opportunistic invasive".split()
)
#: adverbs a misparse may hang as an object ("Treatment is improving too"): no names
_BARE_ADVERBS = frozenset("too also either further well still even already again then there here now ever often".split())
#: words that are no name alone: participles, pronouns, and the verbs of a clause ("binds TLR4 and appears to stop it")
_PARTICIPLE_WORDS = (
    "given used seen taken shown done made known reported observed found bound help option options look we us you i "
    "appears seems remains begins becomes suggests indicates tends fails likewise"
).split()
_PARTICIPLES = frozenset(_PARTICIPLE_WORDS) | frozenset(normalize_word(w) for w in _PARTICIPLE_WORDS)
_LEADING_VERBS = frozenset("using lack lacks lacking given".split())
_TRAILING_PARTICIPLES = frozenset("given added used taken administered alone combined".split())
_FREQUENCY_WORDS = frozenset("less more most least very frequent common likely rare often frequently commonly uncommon infrequent".split())
_CONNECTIVES = frozenset(
    "hence thus therefore thereby so consequently subsequently also then "
    "mostly mainly chiefly largely usually especially particularly primarily predominantly typically notably".split()
)  # (and adverbs before a name: "mostly atrial fibrillation")
_NOT_NAME_START = frozenset(
    {
        "unlike",
        "rather",
        "instead",
        "contrast",
        "despite",
        "although",
        "whereas",
        "so",
        "because",
        "neither",
        "either",
        "both",
        "each",
        "outside",
        "inside",
        "besides",
        "beyond",
        "within",
        "throughout",
        "during",
        "after",
        "before",
    }
)
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
    "arrests causes changes controls cures damages decreases delays drives increases limits signals stops supports traps".split()
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
        self.clause_verbs: set[int] = set()  # where the parser found a finite verb with a subject (text offsets)

    def candidate(self, label: str, *, item: bool = False) -> LexiconEntry | None:
        """A candidate node for a name the lexicon does not know, or None when ``label`` is no name.
        ``item``: the label is a whole item of a list, which may hold a clause ("pain where the
        injection is given")."""
        key = key_of(label)
        if not key or key in self.lexicon.ignore:
            return None
        if (
            (key[-1] in ("fall", "drop", "rise", "decline", "reduction", "increase", "decrease") and len(key) <= 3)
            or key[-1] in ("degree", "extent")
            or (len(key) == 1 and (key[0] in _PARTICIPLES or (label.strip().islower() and label.strip().endswith("ed") and len(label.strip()) > 4)))
        ):
            return None  # "to a lesser degree", "where the injection is given": no name
        if (
            _DOSE_ONLY.match(label.strip())
            or _DURATION.match(label.strip())
            or (len(key) == 1 and key[0] in _TIME_WORDS | _BARE_CLASSES)
            or key == ("protein", "complex")
        ):
            return None  # "0.5 mg" (a dose of the text's drug), "centuries", "the protein complex": no name
        if (
            all(k.replace(".", "").isdigit() or k in _APPROXIMATE for k in key)  # "roughly 1 to 10 (per cent)": an amount, no name
            or all(ch.isdigit() or ch in "._-% " for ch in label.strip())
            or key[0] in ("suspicion", "possibility")
            or (len(key) == 1 and key[0] in _BARE_ADJECTIVES | _BARE_ADVERBS)
        ):
            return None  # "7.3.4" (a section number), "the suspicion of X" (a diagnosis, no cause), "live", "too"
        words = label.split()
        if named_after_class(words, drug=True):  # "the receptor PAR1", "the serine protease C1r", "the antibodies X (and Y)"
            return (
                self.lexicon.lookup(words[-1])
                or (self.agent_candidate(words[-1]) if words[-2][:1].islower() and looks_like_drug(words[-1]) else None)
                or self.candidate(words[-1])
            )
        if key[0] in _NOT_NAME_START or (len(key) == 1 and key[0] in _WORD_PREFIXES | _PARTICLES):
            return None  # "Unlike agents", "co" of "co-stimulate", "down" of "breaks down": no name
        if len(key) > 1 and key[0] in _CONNECTIVES:
            rest = " ".join(label.split()[1:])  # "hence cell division": the name after the connective
            return self.lexicon.lookup(rest) or self.candidate(rest)
        if all(k in _FREQUENCY_WORDS for k in key):
            return None  # "less frequent", "more common": how often, no name
        last = label.split()[-1].lower()
        if len(key) == 1 and last in OTHER_VERB_FORMS:
            return None  # "Regulatory T cells ... fell by about half": a verb, no name
        if len(key) > 2 and key[-2] == "no" and key[-1] in C.NO_LONGER:
            rest = " ".join(label.split()[:-2])  # "FcγR engagement no longer (leads to ...)": the name before
            return self.lexicon.lookup(rest) or self.candidate(rest)
        if len(key) == 1 and key[0] in C.GENERIC_NOUNS and key[0] not in ("one", "product"):
            return None  # "the drug", "the molecule": the text's agent, which the reader resolves, never a node of its own
        if len(key) > 1 and (
            (last in VERB_FORMS and last.endswith("s") and not last.endswith("ss"))
            or (last in PLURAL_VERBS and label.split()[-2].lower().endswith("s"))  # "the lymphocytes stay", "target cells survive"
            or (last in OTHER_VERB_FORMS and last.endswith("ed"))  # "autoimmune hepatitis occurred"
        ):
            rest = " ".join(label.split()[:-1])  # "Nrf2 accumulates (and switches on X)": the name before the verb
            return self.lexicon.lookup(rest) or self.candidate(rest)
        opening = label.split()[0].lower()
        if len(key) > 1 and ((opening in VERB_FORMS and opening.endswith("s") and not opening.endswith("ss")) or opening in _LEADING_VERBS):
            rest = " ".join(label.split()[1:])  # "(which) drives their expansion", "using X", "lack GITR": the name after the verb
            return self.lexicon.lookup(rest) or self.candidate(rest)
        if len(key) > 1 and last in _TRAILING_PARTICIPLES and not {"where", "injection", "infusion", "site"} & set(key):  # (not "pain where it was given")
            rest = " ".join(label.split()[:-1])  # "estriol added (to X)", "X given (alone)": the drug
            return self.lexicon.lookup(rest) or self.candidate(rest)
        if key[0] == "of" and len(label.split()) > 1:  # "the incidence of X and of Y": Y
            rest = " ".join(label.split()[1:])
            return self.lexicon.lookup(rest) or self.candidate(rest)
        if len(key) == 1 and key[0] in C.PRONOUNS:
            return None  # "kill some of them": a pronoun the reader did not resolve is no node
        if len(key) == 1 and key[0] in _SUBORDINATORS:
            return None  # "Once engaged by its ligand, ...": a conjunction, no name
        if key[0] in _SUBORDINATORS and len(label.split()) > 1:  # "Whether chloroquine inhibits ...": the name after it
            rest = " ".join(label.split()[1:])
            return self.lexicon.lookup(rest) or self.candidate(rest)
        tail = key[len(key) - key[::-1].index("of") :] if "of" in key else key
        if len(tail) > 1 and tail[-1] in _CLASS_HEADS and all(k in _NUMBERS for k in tail[:-1]):
            return None  # "(the action of) two proteins", "three pathways": a class counted, no name
        if key[-1] in C.PREPOSITIONS | {"of", "and", "or"} or all(k in _WRAPPERS for k in key):
            return None  # "symptoms of", "the signs": a name cut short, or a wrapper without its name
        if key[-1] == "dose" and all(k in ("high", "low", "single", "repeated", "higher", "lower") for k in key[:-1]):
            return None  # "high doses" of whatever was named: no node
        if len(key) > 1 and key[-1] in _DRUG_WORDS and all(k in _SEVERITY | _DRUG_ADJECTIVES for k in key[:-1]):
            return None  # "a new antibody", "an oral drug": what the text names next, no node of its own
        if " " not in label.strip() and label.strip().lower().endswith("ly") and len(label.strip()) > 4:
            return None  # "probably", "largely": an adverb, no name
        if any(w.lower() in ("neither", "nor", "either") for w in label.split()):
            return None  # "the survival of neither A nor B": a coordination, no name
        if len(key) == 1 and key[0] in ("signal", "finding", "molecule", "gene"):
            return None  # "cells that help", "these findings": a bare class, no node
        if len(key) == 1 and key[0] in _BARE_EVENTS | {"need", "requirement"}:
            return None  # "its engagement", "activation": an event without what it is of
        if key[-1] in C.PEOPLE or key[0] in C.PEOPLE:
            return None  # "adults", "paediatric patients", "patients up (to 25 years)": the people treated are no node
        words = label.split()
        if (
            (not item and any(w.lower() in _CLAUSE_WORDS and w != "A" for w in words[1:]))  # (but "protein kinase A")
            or (not item and len(words) > 1 and words[0].lower() in _CLAUSE_VERBS)  # "contains antibodies"
            or all(k in _SEVERITY for k in key)
            or (len(words) > 1 and words[0].lower() in ("it", "they", "we", "them"))
        ):
            return None  # a clause glued into a name ("factor dissociates the convertases"), or bare adjectives
        if any(w.lower().endswith("s") and (w.lower() in self.cue_index or w.lower() in VERB_FORMS) and w.lower() not in _PLURAL_NOUNS for w in words[1:-1]):
            return None  # "drug protects red blood cells": a verb inside is no name
        if len(words) > 1 and _finite_verb_last(words[-1].lower(), self.cue_index):
            return None  # "the complex inhibits", "JAKs phosphorylate": a subject glued to its verb
        if len(words) > 1 and (words[-1].lower().endswith("ly") or words[-1].lower() in _TRAILING_ADVERBS):  # "S1P1 more selectively", "FKBP12 instead"
            words = words[:-1]
            while len(words) > 1 and words[-1].lower() in ("more", "less", "most"):
                words = words[:-1]
            return self.lexicon.lookup(" ".join(words)) or self.candidate(" ".join(words))
        if len(words := label.split()) > 1 and any(ch.isdigit() for ch in words[1]):  # "X 100 mg given every four weeks": X
            first = self.lexicon.lookup(words[0])
            if first is not None and first.kind in (NodeKind.AGENT, NodeKind.THERAPY):
                return first
        severity = _SEVERITY_RANGE.match(label)
        if severity is not None and severity.end() < len(label):
            rest = label[severity.end() :]
            if any(disease_word(w) for w in key_of(rest)) or self.lexicon.lookup(rest) is not None:
                return self.lexicon.lookup(rest) or self.candidate(rest)  # "moderately to severely active Crohn's disease": the disease
        if (
            len(key) == 2 and key[-1] in SALTS and key[0].isalpha() and len(key[0]) > 4 and _SALT_OWNER.search(key[0])
        ):  # "glatiramer acetate": glatiramer, a drug
            return self.agent_candidate(label.split()[0])
        if key in self.candidates:
            return self.candidates[key]
        kind, process = guess_kind(label)
        for other, _exact in variants(label, kind, synonym=True):  # "IL-33" after "interleukin-33": one node
            if other in self.candidates:
                return self.candidates[other]
        node_id = slug(label, taken=self.used_ids)
        self.used_ids.add(node_id)
        entry = LexiconEntry(node_id, kind, label, "text", process=process)
        self.candidates[key] = entry
        self.lexicon.add_name(label, entry)
        return entry

    def agent_candidate(self, label: str) -> LexiconEntry | None:
        """A candidate agent node for a drug name the lexicon does not know (the known node if it
        does), or None when ``label`` is no name."""
        key = key_of(label)
        if not key or key in self.lexicon.ignore:
            return None
        known = self.lexicon.lookup(label)
        if known is not None:
            return known
        if key in self.candidates:
            return self.candidates[key]
        node_id = slug(label, taken=self.used_ids)
        self.used_ids.add(node_id)
        entry = LexiconEntry(node_id, NodeKind.AGENT, label, "text")
        self.candidates[key] = entry
        self.lexicon.add_name(label, entry)
        return entry

    def resolve_topic(self, sentence: int | None = None) -> LexiconEntry | None:
        if sentence is not None and sentence in self.antecedents:
            return self.antecedents[sentence]
        return self.topic or self.first_agent


#: A degree of a disease before its name: a range ("moderate to severe", "mild-to-moderate"), or an
#: adverb and "active" ("moderately to severely active", "highly active"); one disease at any degree.
_SEVERITY_RANGE = re.compile(
    rf"(?:{DEGREE_RANGE}|"
    r"(?:mildly|moderately|severely|highly)\s+active\s+|active\s+)",
    re.IGNORECASE,
)


def _user_cue(cue: UserCue) -> C.CueVerb:
    words = cue.verb.split()
    return C.CueVerb(words[0], tuple(words[1:]), (), cue.relation, reverse=cue.reverse)


class _ReaderBase:
    """What every part of the sentence reader shares: the sentence, its tokens, names and cues.

    The reader (:class:`.extractor._Reader`) is put together from the parts of the modules
    :mod:`.mentions`, :mod:`.clauses`, :mod:`.phrases` and :mod:`.emit`; each part may call the
    others' methods, declared here for the type checker.
    """

    doc: _Text
    sentence: Sentence
    tokens: list[Token]
    low: list[str]
    n: int
    words: list[Word | None]
    mention_at: dict[int, Match]
    adverbial: set[int]
    hits: list[_Hit]
    hit_at: dict[int, _Hit]
    hedges: tuple[str, ...]
    settings: tuple[Measurability, ...]

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

    if TYPE_CHECKING:

        def _abbreviations(self) -> None: ...
        def _long_form(self, paren: int, short: str) -> int | None: ...
        def _mentions(self) -> None: ...
        def _cues(self) -> None: ...
        def _cue_at(self, i: int) -> _Hit | None: ...
        def _after_object_name(self, i: int) -> bool: ...
        def _classify_participle(self, hit: _Hit) -> bool: ...
        def _hedges(self) -> tuple[str, ...]: ...
        def subjects(self, hit: _Hit) -> list[_Ref]: ...
        def _find_subjects(self, hit: _Hit) -> list[_Ref]: ...
        def _adverbial_comma(self, i: int) -> bool: ...
        def _previous_hit(self, hit: _Hit, *, across_relatives: bool = False) -> _Hit | None: ...
        def _object_owner(self, i: int) -> _Hit | None: ...
        def _np_start(self, end: int) -> int: ...
        def _clause_subject(self, before: int) -> list[_Ref]: ...
        def _adjacent_owner(self, relative: int) -> _Hit | None: ...
        def _relative_that(self, k: int) -> bool: ...
        def _antecedent(self, relative: int, hit: _Hit | None) -> list[_Ref]: ...
        def _resolve_subject_items(self, items: list[_Item], *, governing: int | None = None) -> list[_Ref]: ...
        def _governing_subject(self, start: int) -> list[_Ref]: ...
        def _pronoun(self, word: str, position: int) -> list[_Ref]: ...
        def _topic(self, why: str) -> list[_Ref]: ...
        def _np_left(self, end: int) -> list[_Ref]: ...
        def _instrument(self, hit: _Hit) -> list[_Ref]: ...
        def _nominal_agent(self, hit: _Hit) -> list[_Ref]: ...
        def objects(self, hit: _Hit) -> list[_Item]: ...
        def _object_gap(self, hit: _Hit) -> list[_Ref]: ...
        def _next_hit(self, hit: _Hit) -> _Hit | None: ...
        def _span_end(self, start: int, hit: _Hit) -> int: ...
        @property
        def subordinate_end(self) -> int: ...
        def _parse_list(self, start: int, end: int, *, subject: bool, cue: _Hit | None = None) -> list[_Item]: ...
        def _appositive(self, k: int, end: int) -> bool: ...
        def _example_marker(self, k: int) -> int: ...
        def _noun_phrase(self, tokens: list[int], *, first_item: bool) -> list[int]: ...
        def _distribute(self, items: list[_Item]) -> None: ...
        def _resolve(self, item: _Item, *, subject: bool, causal: bool) -> None: ...
        def _strip_quantifiers(self, words: list[int]) -> list[int]: ...
        def _lookup_tokens(self, words: list[int]) -> LexiconEntry | None: ...
        def _label(self, words: list[int]) -> str: ...
        def _relate(self, hit: _Hit) -> None: ...
        def _relate_agent_first(self, hit: _Hit) -> None: ...
        def _emit(self, hit: _Hit, sources: list[_Ref], targets: list[_Item], base: float) -> None: ...
        def _remember(self, entry: LexiconEntry) -> None: ...
        def hedges_for(self, hit: _Hit) -> tuple[str, ...]: ...
        def _negations(self, hit: _Hit) -> tuple[str, ...]: ...
        def _mechanism(self) -> Mechanism | None: ...
        def _sentence_settings(self) -> tuple[Measurability, ...]: ...
        def _measurability_statement(self) -> bool: ...
        def _routes(self) -> None: ...
