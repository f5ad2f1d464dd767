"""A second parse of a sentence whose subject name the small English pipeline misread.

spaCy's small pipeline reads many "Name verb object" sentences wrongly when the name is a word
it does not know: "Fumarates/VBZ shift/NN helper T cells", "Abatacept/NNP attaches/NNS to CD80",
"Nrf2/NNP accumulates/NNS, moves into the nucleus". The same sentence with a pronoun in place of
the name parses as the grammar reads it ("They shift/VBP helper T cells", "It attaches/VBZ to
CD80"). :func:`subject_swap` finds such a sentence (a known name, a drug family's plural, a
drug-like or gene-like word, a drug with its salt, or "the drug" / "this medicine", right before
a cue verb the parse did not take as that name's verb; a past form only after a drug, since
"IL-2 activated T cells" is a name), parses it once more with "It" or "They" (the verb's number)
in place of the name, and keeps the second parse when the pronoun is the subject of a verb there. The reader is told which token stands for which name
(:attr:`.parsed.SentenceParse.named`), so nothing is resolved as a pronoun. One extra parse at
most per sentence: the reader stays linear.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..vocabulary import NodeKind
from .cues import verb_forms
from .lexicon import SALTS, Lexicon, LexiconEntry
from .parseanaphora import family_drug
from .parsewords import _FALL_VERBS, _FINITE_FORMS, _RISE_VERBS, looks_like_drug
from .tokens import normalize_word
from .verbclasses import VERB_SIGNS

__all__ = ["OTHER_VERB_FORMS", "PLURAL_VERBS", "VERB_FORMS", "subject_swap"]

#: verbs (beyond the cue verbs) that a misread subject is often followed by ("Nrf2 accumulates")
_OTHER_VERBS = (
    frozenset(
        "accumulate move shift switch act enter travel migrate persist survive stay remain proliferate die occur develop arise redirect bridge follow release secrete".split()
    )
    | _FALL_VERBS
    | _RISE_VERBS
)
#: the base forms of those verbs, which end a glued clause after a plural subject ("the lymphocytes stay")
PLURAL_VERBS = frozenset(_OTHER_VERBS)
#: every form of those verbs ("fell", "occurred"): no name ends with one, nor is one
OTHER_VERB_FORMS = frozenset(f for v in _OTHER_VERBS for f in verb_forms(v)) | {"fell", "rose", "grew", "arose", "sank", "shrank", "occurred", "occurring"}
#: the finite forms of the cue verbs and of those verbs
VERB_FORMS = frozenset(_FINITE_FORMS) | frozenset(f for v in _OTHER_VERBS for f in verb_forms(v)[:2])
#: the past forms of the cue verbs ("Tezepelumab improved/VBN(amod) FEV1"): read only after a drug's name
PAST_FORMS = frozenset(verb_forms(lemma)[2] for lemma in VERB_SIGNS if lemma and " " not in lemma) - VERB_FORMS
#: words that open a fronted phrase before the subject ("In the skin, ...", "Compared with placebo, ...")
_FRONTED = frozenset("in on at within during after before under among for from through across compared relative versus unlike by".split())
_NAME_WORDS = 6  # a subject name is at most this many tokens long
_DRUG_NOUNS = frozenset("drug antibody medicine medication agent compound treatment".split())
#: "the drug", "this antibody": no name of its own; the pronoun put in its place is read as the drug
_GENERIC = LexiconEntry("", NodeKind.AGENT, "", "text")
#: a gene or protein symbol ("Nrf2", "STAT3", "CD80")
_SYMBOL = re.compile(r"^[A-Z][A-Za-z]{1,5}-?\d{1,3}[A-Za-z]?$")


def subject_swap(sdoc: Any, state: Any, parse: Callable[[str], Any]) -> tuple[Any, dict[int, LexiconEntry]] | None:
    """The second parse of ``sdoc`` with its misread subject name replaced by a pronoun, and the
    name at the pronoun's index; None when the first parse reads the subject right or the second
    parse is no better.

    >>> from mechgraph.extract.parsed import load_pipeline
    >>> from types import SimpleNamespace
    >>> from mechgraph.extract.lexicon import LexiconEntry, build_lexicon
    >>> nlp = load_pipeline()
    >>> drug = lambda label: LexiconEntry(label.lower(), NodeKind.AGENT, label, "text")
    >>> state = SimpleNamespace(doc=SimpleNamespace(lexicon=build_lexicon(graph=None)), recent=[], agent=drug)
    >>> first = nlp("Leflunomide blocks DHODH.") if nlp else None
    >>> nlp is None or [t.tag_ for t in first][:2] == ["JJ", "NNS"]  # the misparse
    True
    >>> swap = subject_swap(first, state, nlp) if nlp else None
    >>> nlp is None or (swap[0].text, swap[0][1].tag_, swap[1][0].node_id) == ("It blocks DHODH.", "VBZ", "leflunomide")
    True
    """
    start = _subject_start(sdoc)
    found = _name_before_verb(sdoc, start, state.doc.lexicon, state.recent)
    if found is None:
        return None
    end, entry = found
    verb = sdoc[end]
    # "Thymosin/nsubj alpha/dobj 1 (Tα1) activates", "Thymosin/nsubj alpha/nsubj 1 activates": a known name the parse broke
    broken = any(t.dep_ in ("dobj", "npadvmod", "dep") for t in sdoc[start:end]) or sum(t.dep_ == "nsubj" for t in sdoc[start:end]) > 1
    if verb.pos_ == "VERB" and any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i == verb.i for t in sdoc[start:end]) and not broken:
        return None  # the parse reads the name as the verb's subject
    if verb.lower_ in PAST_FORMS:  # a past form has no number: the name's
        singular = sdoc[end - 1].tag_ not in ("NNS", "NNPS")
    else:
        singular = verb.lower_.endswith("s") and not verb.lower_.endswith("ss")
    pronoun = "It" if singular else "They"
    if start > 0:
        pronoun = pronoun.lower()
    text = sdoc.text
    first, last = sdoc[start], sdoc[end - 1]
    second = parse(text[: first.idx] + pronoun + text[last.idx + len(last.text) :])
    if len(second) <= start or second[start].text != pronoun:
        return None
    subject = second[start]
    if subject.dep_ not in ("nsubj", "nsubjpass") or subject.head.pos_ not in ("VERB", "AUX"):
        return None
    if entry is _GENERIC:  # "this medicine": the drug the text is about, as "the drug" is read elsewhere
        drug = state.antecedent()
        return second, ({start: drug} if drug is not None else {})
    if entry is None:  # a name the text has not given before: made only now the second parse is kept
        name = text[first.idx : last.idx + len(last.text)]
        entry = state.agent(name) if looks_like_drug(first.text) else state.doc.candidate(name)
        if entry is None:
            return None
    return second, {start: entry}


def _subject_start(sdoc: Any) -> int:
    """Where the subject begins: 0, or after a fronted phrase and its comma ("In the skin, X ...")."""
    if len(sdoc) and sdoc[0].lower_ in _FRONTED:
        for tok in sdoc[1:10]:
            if tok.text == ",":
                return tok.i + 1
            if tok.pos_ == "VERB" and not (tok.i == 1 and tok.tag_ == "VBG"):  # ("By bridging the two, ...": a gerund's phrase)
                break
    return 0


def _name_before_verb(sdoc: Any, start: int, lexicon: Lexicon, recent: list[LexiconEntry]) -> tuple[int, LexiconEntry | None] | None:
    """(the verb's index, the name) when the tokens from ``start`` to a verb form are one name:
    a name the lexicon knows, a family plural ("fumarates"), or a single drug-like or gene-like
    word not named yet (None: to be made)."""
    limit = min(len(sdoc) - 1, start + _NAME_WORDS)
    for end in range(start + 1, limit + 1):
        past = sdoc[end].lower_ in PAST_FORMS
        if sdoc[end].lower_ not in VERB_FORMS and not past:
            continue
        named_end = end
        if sdoc[end - 1].text == ")" and end - start > 3:  # "Thymosin alpha 1 (Tα1) activates": the name before its short form
            named_end = next((t.i for t in sdoc[start:end] if t.text == "("), end)
            if named_end == start or any(t.is_punct for t in sdoc[named_end + 1 : end - 1]):
                return None
            entry = lexicon.lookup(sdoc[start:named_end].text)
            if entry is None or entry.kind is NodeKind.OUTCOME:
                return None
            return end, entry
        if any(t.is_punct and t.text not in "-/" for t in sdoc[start:end]):
            return None
        if end == start + 2 and sdoc[start].lower_ in ("the", "this") and sdoc[start + 1].lower_ in _DRUG_NOUNS:
            return end, _GENERIC  # "the antibody improved/amod FEV1": "It improved FEV1", "it" read as the drug
        entry = lexicon.lookup(sdoc[start:end].text)
        if entry is not None:
            drug = entry.kind in (NodeKind.AGENT, NodeKind.THERAPY)
            return (end, entry) if entry.kind is not NodeKind.OUTCOME and (drug or not past) else None
        if end == start + 2 and sdoc[start + 1].lower_ in SALTS and sdoc[start].is_alpha:
            return end, None  # "Glatiramer acetate reduced/VBN(amod) relapses": a drug the text has not named before
        if end != start + 1:
            return None
        word = sdoc[start].text
        if past:
            return (end, None) if looks_like_drug(word) else None
        if word.lower().endswith("s") and len(word) > 5:
            family = family_drug(normalize_word(word.lower()), recent)
            if family is not None:
                return end, family
        if looks_like_drug(word) or _SYMBOL.match(word):
            return end, None
        return None
    return None
