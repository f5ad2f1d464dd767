"""Comparing the readings of the two readers of one sentence (used by the arbitration in
:func:`.extractor._read_parsed`): whether two readings name the same node or one name is part of
the other, whether a cue is a form of another, whether a pattern reading's node is a bare wrapper
or class noun, or a clause the pattern reader took for a name; and the readings no reader keeps
(where a disease strikes, the organ that rids the body of a drug).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Any

from ..vocabulary import NodeKind
from . import cues as C
from .namewords import BODY_PARTS, ORGANS
from .parsewords import ADJECTIVE_END, LOSS_EVENTS
from .readerstate import _Found, _Text
from .sentences import Sentence
from .tokens import key_of, normalize_word

__all__: list[str] = []


def _across_verb(node_id: str, sentence: Sentence, doc: _Text, verbs: Sequence[int]) -> bool:
    """Whether a node the pattern reader named from the text spans a verb the parser read with its
    subject ("low platelet count reflects", "drug also eased double vision"); ``verbs``: their text
    offsets, sorted (looked up by bisection: a long text has many)."""
    entry = doc.lexicon.entry(node_id)
    if entry is None or entry.origin != "text" or " " not in entry.label:
        return False
    at = sentence.text.lower().find(entry.label.lower())
    start = sentence.start + at
    after = bisect_right(verbs, start)
    return at >= 0 and after < len(verbs) and verbs[after] < start + len(entry.label)


def _same_verb(pattern_cues: tuple[str, ...], parser_cues: tuple[str, ...]) -> bool:
    """Whether a pattern reading's cue ("increased") is a form of a parser reading's ("increase")."""
    forms = {form for cue in parser_cues for form in C.verb_forms(cue.split()[0])}
    return any(cue.split()[0] in forms for cue in pattern_cues)


def _implicit_parse(found: _Found) -> bool:
    return any("read as" in r for r in found.remarks)


def _same_name(a: str, b: str, doc: _Text, parser_doc: _Text) -> bool:
    """Whether two readings name the same node, one maybe with words before the other's name."""
    return a == b or _part_of_name(a, b, doc, parser_doc) or _part_of_name(b, a, doc, parser_doc)


def _wrapped(node_id: str, doc: _Text) -> bool:
    """Whether a pattern reading's node is a bare wrapper ("blood levels", "serum concentrations")."""
    entry = doc.lexicon.entry(node_id)
    key = key_of(entry.label) if entry is not None else ()
    return bool(key) and key[-1] in _WRAPPER_KEYS and entry is not None and entry.origin == "text"


def _bare_class(node_id: str, doc: _Text, *, anaphor: bool = False, event: bool = False) -> bool:
    """Whether a pattern reading's node is a bare class noun of the text ("proteins" of "X are proteins
    secreted by Y", where the parser read X); with ``anaphor``, one that names nothing alone ("blocks the
    enzyme" where no enzyme was named: not "cytokines" or "antibodies", which name a class of their own)."""
    entry = doc.lexicon.entry(node_id)
    key = key_of(entry.label) if entry is not None else ()
    classes = _ANAPHOR_KEYS if anaphor else _LOSS_KEYS if event else _CLASS_KEYS  # (with ``event``, a bare loss: "degradation")
    return len(key) == 1 and key[0] in classes and entry is not None and entry.origin == "text"


def _described_class(node_id: str, doc: _Text) -> bool:
    """Whether a pattern reading's node is a class noun with its kind ("an anti-inflammatory cytokine
    secreted by Y", "a type 2 cytokine"), a description of the name the parser read."""
    entry = doc.lexicon.entry(node_id)
    if entry is not None and entry.origin == "text" and entry.label.split()[0].lower() in ("two", "three", "four", "five", "several", "many"):
        return True  # "three serious diseases: A, B and C", whose names the parser read
    if entry is None or entry.origin != "text" or key_of(entry.label)[-1:] not in {(k,) for k in _CLASS_KEYS}:
        return False
    kind = entry.label.split()[:-1]  # (not a name: "MHC class II molecules", "opioid growth factor receptor")
    return bool(kind) and all(w.islower() and (ADJECTIVE_END.search(w) or w == "type") or w.isdigit() for w in kind)


_CLASS_KEYS = frozenset(key_of(w)[0] for w in ("protein", "cytokine", "molecule", "enzyme", "receptor", "factor", "antibody", "peptide", "ligand", "complex"))
_LOSS_KEYS = frozenset(key_of(w)[0] for w in LOSS_EVENTS)
_ANAPHOR_KEYS = frozenset(key_of(w)[0] for w in ("protein", "molecule", "enzyme", "factor", "peptide"))
_WRAPPER_KEYS = frozenset(key_of(w)[0] for w in ("level", "concentration", "count", "amount", "number"))


def _overlap(a: str, b: str, doc: _Text, parser_doc: _Text) -> bool:
    """Whether two readings' names share two words in a row ("pre-bronchodilator forced expiratory
    volume" and "forced expiratory volume in 1 second"), one begins or ends with the other, or are the same."""
    if a == b:
        return True
    x, y = (doc.lexicon.entry(n) or parser_doc.lexicon.entry(n) for n in (a, b))
    if x is None or y is None:
        return False
    first, second = key_of(x.label), key_of(y.label)
    short, long = sorted((first, second), key=len)
    if short and (long[: len(short)] == short or long[-len(short) :] == short):
        return True  # "itching" and "itching in the skin", "immunodeficiency" and "severe combined immunodeficiency"
    pairs = set(zip(first, first[1:], strict=False))
    return any(pair in pairs for pair in zip(second, second[1:], strict=False))


def _part_of_name(short: str, long: str, doc: _Text, parser_doc: _Text) -> bool:
    a, b = doc.lexicon.entry(short) or parser_doc.lexicon.entry(short), parser_doc.lexicon.entry(long) or doc.lexicon.entry(long)
    if a is None or b is None or short == long:
        return False
    small, large = key_of(a.label), key_of(b.label)
    if "of" in large[:-1]:  # "release of tumour necrosis factor", where the parser read TNF
        inner = doc.lexicon.lookup(b.label.split(" of ", 1)[-1]) if " of " in b.label else None
        if inner is not None and inner.node_id == a.node_id:
            return True
    if 0 < len(small) < len(large) and large[: len(small)] == small and b.kind is NodeKind.IMMUNE_CELL and a.kind is not NodeKind.IMMUNE_CELL:
        return True  # the marker of cells ("CD4" of "CD4+ T cells")
    return 0 < len(small) < len(large) and large[len(large) - len(small) :] == small


def _beyond_clause(far: str, near: str, sentence: Sentence, doc: _Text, parser_doc: _Text) -> bool:
    """Whether node ``far`` is named after node ``near`` in the sentence with a word that opens a
    clause between them ("activate ILC2s whether or not PGD2 is present")."""
    x, y = (doc.lexicon.entry(n) or parser_doc.lexicon.entry(n) for n in (far, near))
    if x is None or y is None:
        return False
    text = sentence.text.lower()
    at_near = text.find(y.label.lower())
    at_far = text.find(x.label.lower(), at_near + 1) if at_near >= 0 else -1
    between = set(text[at_near + len(y.label) : at_far].split()) if at_far > at_near >= 0 else set()
    return bool(between & _CLAUSE_OPENERS)


def _after_fronted_clause(far: str, near: str, sentence: Sentence, doc: _Text, parser_doc: _Text) -> bool:
    """Whether node ``far`` is named in the main clause after a fronted clause that names node
    ``near`` ("Because the drug destroys lymphocytes, serious infections have occurred")."""
    text = sentence.text.lower()
    if text.split(" ", 1)[0] not in _CLAUSE_OPENERS | _FRONTED_OPENERS:
        return False
    x, y = (doc.lexicon.entry(n) or parser_doc.lexicon.entry(n) for n in (far, near))
    if x is None or y is None:
        return False
    at_near = text.find(y.label.lower())
    comma = text.find(",", at_near + len(y.label)) if at_near >= 0 else -1
    return comma >= 0 and text.find(x.label.lower(), comma) > comma


_FRONTED_OPENERS = frozenset("since once after before as".split())
_CLAUSE_OPENERS = frozenset("whether if while whereas when because although unless though".split())


def _where_a_disease_is(found: Any, doc: _Text, parser_doc: _Text) -> bool:
    """ "Sarcoidosis can affect almost any organ, most often the lungs": where a disease is, no relation."""
    if found.relation.sign != 0 or not any(c.split()[0] in ("affect", "involve", "affects", "involves") for c in found.cues):
        return False
    source = doc.lexicon.entry(found.source) or parser_doc.lexicon.entry(found.source)
    target = doc.lexicon.entry(found.target) or parser_doc.lexicon.entry(found.target)
    last = target.label.lower().split()[-1] if target is not None and target.label.split() else ""
    part = last in ORGANS or normalize_word(last) in BODY_PARTS | ORGANS  # "mainly affects the throat and nose"
    return source is not None and (source.kind is NodeKind.CONDITION or (part and source.kind not in (NodeKind.AGENT, NodeKind.THERAPY)))


def _organ_disposal(found: Any, doc: _Text, parser_doc: _Text) -> bool:
    """ "X is eliminated mainly by the kidneys": the way out of the body, no relation of the organ."""
    if not any(c.split()[0] in _DISPOSING for c in found.cues):
        return False
    source = doc.lexicon.entry(found.source) or parser_doc.lexicon.entry(found.source)
    return source is not None and bool(key_of(source.label)) and key_of(source.label)[-1] in _DISPOSING_ORGANS


_DISPOSING = frozenset("eliminate eliminated eliminates excrete excreted excretes clear cleared clears".split())
_DISPOSING_ORGANS = frozenset(key_of(w)[0] for w in "kidney kidneys liver bile urine faeces feces".split())
