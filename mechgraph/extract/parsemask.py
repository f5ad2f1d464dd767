"""Sentences parsed again with a word replaced, where the small pipeline misreads it; the tree of
the second parse is put on the sentence's own words.

- A protein's symbol in capitals that is also an English word ("STING", "SHIP", "BAD") may be tagged
  as a verb or an adjective by a pipeline trained on news, and the sentence around it goes wrong
  ("TBK1 phosphorylates STING/VBG itself"): it is replaced by a plain proper noun (:func:`masked`);
  so is a name with a Greek letter taken for a function word ("interferon-γ/EX"), the letter of
  "vitamin A" or "protein A" taken for the article, and the numeral of "DNase I" or "factor I"
  taken for the pronoun.
- A signed verb after a noun taken for a modifier, with no verb at the root ("Statins lower/JJR
  cholesterol"): it is replaced by a plain verb of the same form (:func:`probed`).
- A plural cell word taken for a verb ("CD4 thymocytes/VBZ escape deletion"): it is replaced by
  "cells" (:func:`as_cells`).
- A signed verb taken for a plural noun after its subject, before its object ("the phagocyte
  secretes/NNS interleukin-10", "the drug lowers/NNS free IgE"): it is replaced by a plain verb
  (:func:`as_verb`); kept only where the second parse makes it a verb with a subject.
- A participle that begins a protein's name ("transforming/VBG growth factor-β", "colony
  stimulating/VBG factor"), or says what kind a mutation is ("inactivating/VBG mutations of
  IL7R"): it is hidden as a noun or an adjective (:func:`masked`).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .cues import verb_forms
from .parsewords import OUTPUT_FORMS
from .verbclasses import VERB_SIGNS

__all__ = ["as_cells", "as_verb", "masked", "probed", "reparsed", "restored", "verb_with_subject"]

#: what a hidden name reads as: a proper noun the pipeline knows well
MASK = "Smith"
_CAPITALS = re.compile(r"^[A-Z]{3,}$")
_SYMBOL = re.compile(r"^(?=.*\d)[A-Z][A-Za-z0-9]{1,9}$")  # a gene or protein symbol with a digit ("ZBP1", "RIPK3")
_LETTER_NUMBER = re.compile(r"^[A-Z]\d{1,2}[a-z\u03b1-\u03c9]?$")  # "E2", "B4", "D3", "F2α"
_GREEK = re.compile(r"[\u0370-\u03ff]")
_VERBAL = frozenset("xcomp ccomp advcl relcl acomp amod advmod".split())
#: the head nouns of a protein's name that may begin with a participle ("transforming growth factor",
#: "gonadotropin-releasing hormone", "macrophage colony stimulating factor")
_NAME_HEADS = frozenset("factor factors hormone hormones peptide peptides protein proteins".split())


def masked(doc: Any, hidden: Any | None = None) -> Any | None:
    """The words of parsed ``doc`` with each name in capitals that the parse took for a verb, an
    adjective or an adverb replaced by :data:`MASK` (a new, unparsed doc), or None when there is none
    (or when the sentence is itself in capitals, as a boxed warning). ``hidden``: the doc of an
    earlier second parse, whose replaced words stay replaced."""
    toks = list(doc)  # (one pass over the doc: a spaCy token is made anew at each access)
    text = [t.text for t in toks]
    tag = [t.tag_ for t in toks]
    low = [t.lower_ for t in toks]
    n = len(toks)
    capitals = [i for i in range(n) if _CAPITALS.match(text[i])]
    misread = {
        i
        for i in capitals
        if tag[i][:2] in ("VB", "JJ", "RB", "IN") or toks[i].dep_ in _VERBAL or any(c.dep_ in ("dobj", "nsubj", "aux") for c in toks[i].children)
    }  # taken for a verb, an adjective or an adverb, or given a verb's place or dependents
    misread |= {i for i in range(n) if tag[i] in ("EX", "PRP", "DT", "WDT", "CC", "UH") and _GREEK.search(text[i])}  # "interferon-γ/EX"
    misread |= {i for i in range(1, n) if text[i] == "A" and tag[i] == "DT" and toks[i - 1].is_lower and toks[i - 1].is_alpha}  # "vitamin A/DT"
    misread |= {i for i in range(n) if tag[i][:2] in ("DT", "IN", "PR", "WD", "CC") and _SYMBOL.match(text[i])}  # "ILC2s/DT release IL-13"
    third, signed = _third_person_forms(), _signed_forms()
    misread |= {  # "ZBP1 detects/NNS nucleic acids", "mutations of IL7R cause/NN X": a symbol that made the verb after it a noun
        i
        for i in range(n - 1)
        if tag[i + 1] in ("NNS", "NN")
        and _SYMBOL.match(text[i])
        and (low[i + 1] in third or (signed.get(low[i + 1]) == "base" and toks[i].dep_ in ("pobj", "compound")))
    }
    participles = {  # "secretes transforming/VBG growth factor-β": a participle that begins a protein's name
        i
        for i in range(n - 1)
        if tag[i] == "VBG"
        and toks[i].is_lower
        and (i == 0 or low[i - 1] not in _AUXILIARIES)
        and any(
            tag[j].startswith("NN") and low[j].split("-")[0] in _NAME_HEADS and all(tag[k].startswith("NN") for k in range(i + 1, j))
            for j in range(i + 1, min(i + 3, n))
        )
    }  # (hidden as a noun that begins such names, "nerve growth factor")
    misread |= participles
    kinds = {i for i in range(n - 1) if tag[i] == "VBG" and low[i + 1] in _CHANGES}  # "inactivating/VBG mutations of X"
    misread |= kinds
    misread |= {  # "prostaglandin/VBN E2", "leukotriene/VB B4": a name with a letter and a number taken for a verb
        i
        for i in range(n - 1)
        if tag[i].startswith("VB")
        and _LETTER_NUMBER.match(text[i + 1])
        and toks[i].is_lower
        and low[i] not in _verb_forms()
        and not low[i].endswith(("ed", "s", "ing"))
        and (i == 0 or tag[i - 1] not in ("TO", "MD") and low[i - 1] not in _AUXILIARIES)
    }
    misread |= {i for i in range(1, n) if text[i] == "I" and tag[i] == "PRP" and tag[i - 1] in ("NN", "NNP", "NNS", "JJ") and not toks[i - 1].is_upper}
    # ("DNase I/PRP"; not a trial's "CARE-MS I")
    if not misread or 2 * len(capitals) > sum(1 for t in toks if t.is_alpha):
        return None
    from spacy.tokens import Doc

    base = [t.text for t in hidden] if hidden is not None else text  # (what an earlier second parse hid stays hidden)
    words = [("nerve" if i in participles else "somatic" if i in kinds else MASK) if i in misread else base[i] for i in range(n)]
    return Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in toks])


#: a plain verb in each form ("lowered" -> "killed"): what a signed verb the parse took for a modifier
#: is read as, to find the clause's shape ("rosuvastatin lowered/amod C-reactive protein/ROOT")
_PLAIN = {"base": "kill", "s": "kills", "ed": "killed", "ing": "killing"}
#: the words a verb taken for a noun is replaced by for a second parse
REPLACED_VERBS = frozenset({"kills"})
#: the tag of each plain verb
PLAIN_VERBS = {"kill": "VBP", "kills": "VBZ", "killed": "VBD", "killing": "VBG"}


@lru_cache(maxsize=1)
def _signed_forms() -> dict[str, str]:
    forms: dict[str, str] = {}
    for lemma, sign in [
        *VERB_SIGNS.items(),
        *((verb, "+") for verb in OUTPUT_FORMS),
    ]:  # (what cells make or release: the shape of the clause)
        if sign in ("+", "-", "0") and " " not in lemma:
            for form, kind in zip(verb_forms(lemma), ("base", "s", "ed", "ing", "ed")):
                forms.setdefault(form, kind)
    return forms


@lru_cache(maxsize=1)
def _converting_forms() -> frozenset[str]:
    """The "-s" forms of the conversion verbs ("converts", "hydroxylates")."""
    return frozenset(verb_forms(lemma)[1] for lemma, sign in VERB_SIGNS.items() if sign == "convert" and " " not in lemma)


@lru_cache(maxsize=1)
def _verb_forms() -> frozenset[str]:
    """Every form of every verb the readers know ("splits", "cleave", "converted")."""
    return frozenset(form for lemma in VERB_SIGNS if " " not in lemma for form in verb_forms(lemma))


@lru_cache(maxsize=1)
def _third_person_forms() -> frozenset[str]:
    """The "-s" forms of the verbs the readers know ("detects", "activates")."""
    lemmas = [lemma for lemma in VERB_SIGNS if " " not in lemma] + ["detect", "sense", "recognise", "recognize", "bind"]
    return frozenset(verb_forms(lemma)[1] for lemma in lemmas)


#: what a participle before it describes the kind of ("activating mutations"), not a verb's object
_CHANGES = frozenset("mutation mutations variant variants mutant mutants".split())
_AUXILIARIES = frozenset("is are was were be been being by for in of on to from".split())  # ("is binding proteins")
#: what may follow a verb as the start of its object
_OBJECT_START = frozenset("DT JJ JJR NN NNS NNP NNPS VBG CD PRP PRP$".split())


def as_verb(doc: Any, hidden: Any | None = None) -> Any | None:
    """The words of parsed ``doc`` with each signed "-s" verb the parse took for a noun between its
    subject and its object ("the phagocyte secretes/NNS interleukin-10", "stored iron
    induces/compound BMP6", "shortens B-cell survival and lowers/NNS titres") replaced by a plain verb (a new, unparsed doc), or None. ``hidden`` is
    the doc of :func:`masked` the tree was parsed from, if any: its hidden names stay hidden."""
    forms, converting = _signed_forms(), _converting_forms()
    toks = list(doc)  # (one pass over the doc: a spaCy token is made anew at each access)
    tag = [t.tag_ for t in toks]
    low = [t.lower_ for t in toks]
    misread = {
        i
        for i in range(1, len(toks) - 1)
        if tag[i] in ("NNS", "NN", "NNP")
        and (forms.get(low[i]) == "s" or low[i] in converting)
        and toks[i].dep_ != "ROOT"
        and (
            tag[i - 1] in ("NN", "NNS", "NNP", "NNPS") or (low[i - 1] in ("and", "or") and "VBZ" in tag[: i - 1])  # "shortens X and lowers/NNS Y"
        )
        and (
            tag[i + 1] in _OBJECT_START
            or (tag[i + 1] in ("VBP", "VB") and low[i + 1] not in forms)
            or (tag[i + 1] == "IN" and i >= 2 and tag[i - 2] == "WDT")  # "which HGPRT converts/NNS in steps into X"
        )
    }  # (the object's first word may be taken for the verb: "the antibody shortens/NNS plasmablast/VBP survival")
    if not misread:
        return None
    from spacy.tokens import Doc

    source = hidden if hidden is not None else doc
    words = [_PLAIN["s"] if t.i in misread else t.text for t in source]
    return Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])


def verb_with_subject(tok: Any) -> bool:
    """Whether ``tok`` was parsed as a verb with its own subject, or as one coordinated with such a verb."""
    if not tok.tag_.startswith("VB"):
        return False
    if tok.dep_ == "conj":
        return verb_with_subject(tok.head)
    return any(c.dep_ in ("nsubj", "nsubjpass") for c in tok.children)


def probed(doc: Any) -> Any | None:
    """For a parsed ``doc`` without a verb at its root whose signed verb after a noun was taken for
    a modifier ("Statins lower/JJR cholesterol", "rosuvastatin lowered/amod C-reactive protein",
    "mutations in TREX1 cause/NN X"): the words with the first such verb replaced by a plain verb of
    the same form (a new, unparsed doc), or None."""
    roots = [t for t in doc if t.dep_ == "ROOT"]
    if len(roots) != 1 or roots[0].pos_ in ("VERB", "AUX") or roots[0].tag_.startswith("VB"):
        return None
    forms = _signed_forms()
    first = next(
        (
            t.i
            for t in doc[1:]
            if t.lower_ in forms
            and (not t.tag_.startswith("VB") or t.dep_ in ("amod", "compound", "nmod"))
            and doc[t.i - 1].tag_ in ("NN", "NNS", "NNP", "NNPS", "CD")
        ),
        None,
    )
    if first is None:
        return None
    swap = {first}
    from spacy.tokens import Doc

    words = [_PLAIN[forms[t.lower_]] if t.i in swap else t.text for t in doc]
    return Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])


_CELL_WORD = re.compile(r"^(?:[a-z]+(?:cytes|phages|phils|blasts)|platelets|(?:auto)?antibodies)$")  # (and antibodies, as plural nouns)


def as_cells(doc: Any, hidden: Any | None = None) -> Any | None:
    """The words of parsed ``doc`` with each plural cell word the parse took for a verb ("self-reactive
    CD4 thymocytes/VBZ escape deletion") replaced by "cells" (a new, unparsed doc), or None; the
    words hidden before (``hidden``, a doc of :func:`masked`) stay hidden."""
    misread = {t.i for t in doc if t.tag_.startswith("VB") and _CELL_WORD.match(t.lower_)}
    if not misread:
        return None
    from spacy.tokens import Doc

    words = ["cells" if t.i in misread else t.text for t in (hidden if hidden is not None else doc)]
    return Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])


def restored(parsed: Any, original: Any) -> Any:
    """The tree and tags of ``parsed`` (the masked sentence) on the words of ``original``."""
    from spacy.tokens import Doc

    return Doc(
        original.vocab,
        words=[t.text for t in original],
        spaces=[bool(t.whitespace_) for t in original],
        tags=[
            "NNP" if t.text == MASK and not t.tag_.startswith("NN") else o.tag_ if t.tag_ == "XX" else t.tag_ for t, o in zip(parsed, original, strict=True)
        ],  # (a hidden name is a name, "Smith/XX"; a word the second parse could not tag keeps its first tag)
        heads=[t.head.i for t in parsed],
        deps=[t.dep_ for t in parsed],
    )


def reparsed(nlp: Any, doc: Any) -> Any:
    """``doc`` (parsed by ``nlp``) parsed again where the pipeline misreads it, each second parse's
    tree put on the sentence's own words: hidden names (:func:`masked`), cell words taken for verbs
    (:func:`as_cells`), verbs taken for nouns (:func:`as_verb`) and signed verbs taken for
    modifiers (:func:`probed`)."""
    hidden = masked(doc)  # "STING/VBG": parsed again with the name hidden
    if hidden is not None:
        doc = restored(nlp(hidden), doc)
    cells = as_cells(doc, hidden)  # "CD4 thymocytes/VBZ escape deletion": parsed again with "cells"
    if cells is not None:
        doc, hidden = restored(nlp(cells), doc), cells
        names = masked(doc, hidden)  # (and the names that parse misreads, hidden too)
        if names is not None:
            doc, hidden = restored(nlp(names), doc), names
    verb = as_verb(doc, hidden)  # "the phagocyte secretes/NNS IL-10": parsed again with a plain verb
    if verb is not None:
        again = nlp(verb)
        if all(verb_with_subject(again[i]) for i, t in enumerate(verb) if t.text in REPLACED_VERBS and doc[i].text != t.text):
            doc = restored(again, doc)
    plain = probed(doc)  # "Statins lower/JJR cholesterol": parsed again with a plain verb
    if plain is not None:
        again = nlp(plain)
        root = next((t for t in again if t.dep_ == "ROOT"), None)
        if root is not None and (root.tag_.startswith("VB") or (root.text in PLAIN_VERBS and {"nsubj", "dobj"} <= {c.dep_ for c in root.children})):
            root.tag_ = PLAIN_VERBS.get(root.text, root.tag_)  # "kill/NN(ROOT)" with a subject and an object
            doc = restored(again, doc)
    return doc
