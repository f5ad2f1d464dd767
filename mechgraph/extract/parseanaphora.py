"""Anaphora in a parse: what "it", "they" and "the subject before it" stand for, the subject a
sentence leaves for the next one, an object "it", and class nouns that stand for a name read
before ("the cytokine", "this enzyme", "the metabolite"). A part of the parser-based reader
(:class:`.parsed.SentenceParse`).
"""

from __future__ import annotations

import re
from typing import Any

from ..vocabulary import NodeKind
from .lexicon import LexiconEntry
from .parsebase import _ParseBase
from .parselookup import name_after_comma
from .parsewords import _CLASS_NOUNS, _PEOPLE, _PRONOUNS, _named, looks_like_drug
from .tokens import key_of, normalize_word

__all__ = ["TEMPLATE_AGENT", "cells_named", "family_drug", "named_agent"]


def _cytokine(entry: LexiconEntry) -> bool:
    return bool(re.match(r"(il[-\s]?\d|interleukin|interferon|ifn|tnf|tslp|gm-csf|g-csf|tgf|cxcl|ccl)", entry.label.lower()))


def _receptor(entry: LexiconEntry) -> bool:
    label = entry.label.lower()
    return "receptor" in label or bool(re.match(r"^[a-z0-9-]+r\d?$", label)) and any(ch.isdigit() for ch in label)


def _enzyme(entry: LexiconEntry) -> bool:
    label = re.sub(r"[\s-]*\d+$", "", entry.label.lower())  # ("tissue transglutaminase 2")
    return (
        (label.endswith("ase") and not label.endswith(("disease", "release", "increase", "decrease")))
        or label.startswith("cyp")
        or "kinase" in label
        or label in ("jak1", "jak2", "jak3", "tyk2", "btk", "pde4", "mtor", "calcineurin")
    )


def _named_kind(word: str) -> Any:
    """Whether an entry is a named one of ``word`` ("peanut allergy" for "the allergy")."""
    return lambda entry: len(entry.label.split()) > 1 and entry.label.lower().endswith(word)


_ANAPHOR_CLASSES: dict[str, Any] = {
    "cytokine": _cytokine,
    "interleukin": _cytokine,
    "receptor": _receptor,
    "enzyme": _enzyme,
    "kinase": _enzyme,
    "signal": _receptor,  # "this signal drives proliferation": the receptor's
    "signalling": _receptor,
    "signaling": _receptor,
    "metabolite": lambda entry: entry.kind is NodeKind.METABOLITE,
    "prodrug": lambda entry: entry.kind is NodeKind.AGENT,
    "allergy": _named_kind("allergy"),  # "the allergy": peanut allergy
    "syndrome": _named_kind("syndrome"),
}


#: class nouns that also stand for what a ligand was said to bind ("When X binds Y, the receptor ...": Y)
_SIGNALLERS = frozenset("receptor signal signalling signaling".split())
_LIGATING = frozenset("bind engage ligate attach".split())
_LIGATING_FORMS = frozenset("bind binds engage engages ligate ligates".split())

#: plural classes that name a node of their own ("cytokines")
_COLLECTIVE = frozenset("cytokine chemokine interleukin interferon antibody immunoglobulin mediator".split())
#: what a text calls the chemicals it named before ("these compounds", "these substances")
_CHEMICALS = frozenset("compound substance chemical molecule".split())
_CELL_KINDS = (NodeKind.IMMUNE_CELL, NodeKind.NON_IMMUNE)


_CELL_PLURAL = re.compile(r"(?:[\w-]+ ){0,3}(?:cells|[a-z]+(?:cytes|phils|phages)|platelets)\b")


def cells_named(lexicon: Any, text: str) -> list[LexiconEntry]:
    """The cells a sentence names, in order (for "these cells" in a later sentence): the longest
    known name that ends each plural cell word.

    >>> from mechgraph.extract.lexicon import default_lexicon
    >>> [e.node_id for e in cells_named(default_lexicon(), "Activated plasmacytoid dendritic cells take up the DNA.")]
    ['plasmacytoid_dendritic_cell']
    """
    found = []
    for match in _CELL_PLURAL.finditer(text):
        words = match.group(0).split()
        for start in range(len(words)):
            entry = lexicon.lookup(" ".join(words[start:]))
            if entry is not None:
                if entry.kind in (NodeKind.IMMUNE_CELL, NodeKind.NON_IMMUNE):
                    found.append(entry)
                break
    return found


def family_drug(word: str, recent: list[LexiconEntry]) -> LexiconEntry | None:
    """The first drug of ``recent`` whose name ends with ``word`` (a normalised singular): what
    "fumarates" stands for after "dimethyl fumarate"."""
    for known in recent:
        words = known.label.lower().split()
        if known.kind is NodeKind.AGENT and len(words) > 1 and normalize_word(words[-1]) == word:
            return known
    return None


def _after_comma(clause: Any) -> bool:
    """Whether a relative clause follows a comma (", which ..."): it says more of a noun already known."""
    return clause.left_edge.i > 0 and clause.doc[clause.left_edge.i - 1].text == ","


def _inside_description(t: Any, pronoun: Any) -> bool:
    """Whether ``t`` sits in a relative clause or an apposition that ``pronoun`` is outside of."""
    step, seen = t, 0
    while step.head.i != step.i and seen < 12:
        if step.dep_ in ("relcl", "acl", "appos") and not (step.left_edge.i <= pronoun.i <= step.right_edge.i):
            return True
        step, seen = step.head, seen + 1
    return False


class _ParseAnaphora(_ParseBase):
    """Pronouns and class nouns read as names read before."""

    def class_anaphor(self, tok: Any) -> LexiconEntry | None:
        """ "the cytokine", "this enzyme", "the same metabolite": the last name of that class read
        before (in this sentence or the ones before), when the noun has no name of its own."""
        word = normalize_word(tok.lower_)
        named = name_after_comma(tok)  # "its ligand, FasL, is expressed by X": the name after the comma
        if named is not None and word in _CLASS_NOUNS and named.pos_ == "PROPN" and not named.text.islower():
            return self.entity(named)
        if tok.tag_ == "NNS" and tok.i > 0 and self.sdoc[tok.i - 1].lower_ in ("these", "those"):
            return self._plural_before(tok, word)
        lefts = list(tok.lefts)
        if (
            word == "cell"
            and tok.tag_ == "NNS"
            and len(lefts) == 2
            and lefts[0].lower_ in ("the", "these", "those")
            and lefts[1].lower_ in ("activated", "stimulated", "primed")
        ):
            return self._plural_before(tok, word, state=True)  # "the activated cells": the cells named before, now in that state
        if word not in _ANAPHOR_CLASSES and tok.tag_ == "NNS":
            return self._family(tok, word)
        described = self.state.described.get(word)
        before = self.sdoc[tok.i - 2 : tok.i] if tok.i >= 2 else self.sdoc[0 : tok.i]
        determined = tok.i > 0 and (self.sdoc[tok.i - 1].lower_ in ("the", "this", "that") or [t.lower_ for t in before] == ["the", "same"])
        if described is not None and tok.tag_ == "NN" and determined:  # "the peptide", "the same peptide"
            if not any(
                c.dep_ in ("compound", "nmod", "prep", "appos", "acl")
                or (c.dep_ == "relcl" and not _after_comma(c))
                or (c.dep_ == "amod" and c.lower_ != "same")
                for c in tok.children
            ):  # ("the receptor, which recruits X": a clause on what it does, not which one it is)
                self.via[tok.i] = f"'{self.sdoc[tok.i - 1].text} {tok.text}' read as {described.label}, which the text called a {tok.lower_}"
                return described
        if word not in _ANAPHOR_CLASSES or tok.tag_ != "NN" or tok.pos_ != "NOUN":
            return None
        lefts = [c for c in tok.lefts]
        if not any(c.lower_ in ("the", "this", "that") for c in lefts) or any(c.dep_ in ("compound", "nmod", "poss", "nummod") for c in lefts):
            return None
        if any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) or any(
            c.dep_ in ("appos", "acl") or (c.dep_ == "relcl" and not _after_comma(c)) for c in tok.rights
        ):
            return None  # "the cytokine IL-6", "the enzyme that ...": named or described here
        after = self.sdoc[tok.i + 1] if tok.i + 1 < len(self.sdoc) else None
        if after is not None and after.pos_ in ("PROPN", "NOUN", "NUM") and any(ch.isupper() or ch.isdigit() for ch in after.text):
            return None  # "recruits the kinase TBK1/npadvmod": named here, though the parse hung the name elsewhere
        if word in _SIGNALLERS:  # "When X binds Y, the receptor ...": Y, though the binding is read later
            entry = self.bound_before(tok.i)
            if entry is not None:
                self.via[tok.i] = f"'{tok.text}' read as {entry.label}, what was bound before"
                return entry
        for known in reversed(self.state.recent):
            if (
                _ANAPHOR_CLASSES[word](known)
                or (word == "metabolite" and known.node_id in self.state.products)
                or (word in _SIGNALLERS and known.node_id in self.state.bound)
            ):
                self.via[tok.i] = f"'{tok.text}' read as the last {word} named"
                return known
        return None

    def bound_before(self, end: int) -> LexiconEntry | None:
        """What the sentence says a ligand binds before token ``end`` ("When X binds Y", "X engages Y"):
        the receptor that "the receptor" and "this signal" stand for."""
        for verb in (t for t in self.sdoc[:end] if t.lemma_.lower() in _LIGATING or t.lower_ in _LIGATING_FORMS):
            bound = [c for c in verb.children if c.dep_ in ("dobj", "appos")]
            bound += [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children if g.dep_ == "pobj"]
            if not bound:  # "When X binds/NNS Y": the parse lost the verb; the name after it
                after = [t for t in self.sdoc[verb.i + 1 : end] if t.lower_ not in ("to", "the", "its", "a")][:1]
                bound = [t for t in after if t.pos_ in ("PROPN", "NOUN")]
            entry = self.entity(bound[0]) if bound else None
            if entry is not None:
                return entry
        return None

    def _plural_before(self, tok: Any, word: str, *, state: bool = False) -> LexiconEntry | None:
        """ "these cells", "these cytokines": the last cells, or the last name with that head, named
        before, when the phrase names none of its own (with ``state``, "the activated cells")."""
        if any(c.dep_ in ("compound", "nmod") or (c.dep_ == "amod" and not state) for c in tok.lefts) or any(
            c.dep_ in ("prep", "acl", "relcl") for c in tok.rights
        ):
            return None
        if word == "cell":  # "shift X cells towards Th2, and these cells release IL-4": the cells named before in the sentence
            for before in reversed(self.sdoc[: tok.i]):
                if before.tag_ == "NNS" and before.dep_ != "compound" and _CELL_PLURAL.fullmatch(before.lower_) and before.i + 1 < tok.i:
                    entry = self.entity(before)
                    if entry is not None and entry.kind in (NodeKind.IMMUNE_CELL, NodeKind.NON_IMMUNE):
                        self.via[tok.i] = f"'{self.sdoc[tok.i - 1].text} {tok.text}' read as the cells named before"
                        return entry
        for known in reversed(self.state.recent):
            head = normalize_word(known.label.lower().split(" (")[0].split()[-1]) if known.label.split() else ""
            product = word == "metabolite" and known.node_id in self.state.products  # "these metabolites": what it was converted to
            if (word == "cell" and known.kind in (NodeKind.IMMUNE_CELL, NodeKind.NON_IMMUNE)) or (head == word and word != "cell") or product:
                self.via[tok.i] = f"'{self.sdoc[tok.i - 1].text} {tok.text}' read as the last {tok.text} named"
                return known
        if word in _COLLECTIVE:  # "these cytokines" after a sentence that named them in passing: the cytokines
            return self.lookup_phrase(tok.text)
        plural = self.state.plural_object
        if word in _CHEMICALS and plural is not None and plural[0] >= self.sentence.index - 1 and plural[1].kind not in _CELL_KINDS:
            self.via[tok.i] = f"'{self.sdoc[tok.i - 1].text} {tok.text}' read as {plural[1].label}"  # "contain glycosides ... these compounds"
            return plural[1]
        return None

    def _family(self, tok: Any, word: str) -> LexiconEntry | None:
        """ "fumarates" in a text on dimethyl fumarate: a bare plural whose singular is the last
        word of a drug's name read before stands for that drug (the first so named, the text's
        topic), when the plural is no name of its own."""
        if tok.pos_ != "NOUN" or len(word) < 5 or any(c.dep_ in ("det", "compound", "amod", "poss", "nummod") for c in tok.lefts):
            return None
        if self.doc.lexicon.lookup(tok.text) is not None:
            return None
        known = family_drug(word, self.state.recent)
        if known is not None:
            self.via[tok.i] = f"'{tok.text}' read as {known.label}, the drug of that family named before"
        return known

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
            if t.lower_ in ("much", "more", "less") and not plural:  # "too much of it is made, and it drives X": what is made
                return self.entity(t)
            joined = any(c.dep_ == "conj" for c in t.children) and not any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in t.children)
            if t.pos_ not in ("NOUN", "PROPN") or (t.tag_ in ("NNS", "NNPS") or joined) != plural:  # ("X, or Y, ...": one of them)
                return None
            return self.entity(t)
        if plural:
            return None
        root = next((t for t in self.sdoc if t.dep_ == "ROOT"), None)
        if root is not None and 0 < root.i < tok.i and root.tag_ == "NNS" and self.sdoc[root.i - 1].tag_ in ("NN", "NNP"):
            return self.entity(self.sdoc[root.i - 1])  # "The bound receptor moves/NNS into the nucleus, where it ...": the receptor
        for k in range(tok.i - 1, -1, -1):  # no subject before it (a garbled parse): the nearest drug named before it
            t = self.sdoc[k]
            if (
                t.pos_ in ("NOUN", "PROPN")
                and looks_like_drug(t.text)
                and not (t.dep_ == "pobj" and t.head.lower_ in ("unlike", "than", "like", "versus", "with", "without", "of"))
            ):
                return self.entity(t)
        return None

    def remember_subject(self) -> None:
        """The subject of the sentence's main verb: what a pronoun of the next sentence stands for
        (and its plural object, for a "them" there: "Neutrophils release NETs. DNase I breaks them down")."""
        for root in self.roots[:1]:
            for o in (o for o in root.children if o.dep_ == "dobj" and o.tag_ in ("NNS", "NNPS")):
                entry = self.cache.get(o.i) or self.lookup_phrase(self.sdoc[slice(*self.name_span(o))].text)  # (not seen: no antecedent of "it")
                if entry is not None and (self.state.plural_object is None or self.state.plural_object[0] != self.sentence.index):
                    self.state.plural_object = (self.sentence.index, entry)
            clauses = [c for c in root.children if c.dep_ == "csubj"] or [root]  # "Whether X suppresses Y remains unclear": X
            for s in (g for c in clauses for g in c.children):
                if s.dep_ in ("nsubj", "nsubjpass") and s.tag_ not in ("WDT", "WP"):
                    entry = self.entity(s)
                    if entry is not None:
                        plural = s.lower_ == "they" or s.tag_ in ("NNS", "NNPS") or len(self.items(s)) > 1
                        self.state.previous_subject = (self.sentence.index, entry, plural)
                        return
        self.state.previous_subject = None

    def previous_object(self, tok: Any) -> LexiconEntry | None:
        for k in range(tok.i - 1, -1, -1):
            t = self.sdoc[k]
            if _inside_description(t, tok):
                continue  # "attaches to NOD2, a sensor that recognises bacteria, and switches it on": NOD2
            nominal = (
                t.pos_ in ("NOUN", "PROPN")
                or (t.pos_ == "PRON" and t.lower_ not in _PRONOUNS and not t.text.islower())
                or (t.pos_ == "NUM" and any(ch.isalpha() for ch in t.text))  # "IL-17A/NUM"
            )
            named = _named(t) if t.dep_ in ("dobj", "pobj") and nominal else []
            if named:  # "attaches to a protein called X and blocks its action": X
                return self.entity(named[0])
            if t.dep_ in ("dobj", "pobj") and nominal and k in self.cache and self.cache[k] is not None:
                return self.cache[k]
            if t.dep_ in ("dobj",) and nominal:
                return self.entity(t)
        return None

    def plural_object(self, tok: Any) -> LexiconEntry | None:
        """What "them" as an object stands for: the plural object of the verb it is coordinated with
        ("binds IL-4 receptors and blocks them"), else the nearest plural name before it that is not
        its own verb's subject ("NETs are cleared by DNase I, which breaks them down"), else the
        plural object or subject of the sentence before ("Eosinophils cause damage. X depletes them")."""
        if tok.dep_ == "pobj" and tok.head.lower_ in ("of", "between", "among", "for"):
            return None  # "some of them", "between them": no object of an action
        verb = tok.head if tok.dep_ == "dobj" else tok.head.head
        own = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
        first = [o for o in verb.head.children if o.dep_ == "dobj" and o.tag_ in ("NNS", "NNPS")] if verb.dep_ == "conj" else []
        candidates = first + [
            t
            for t in reversed(self.sdoc[: tok.i])
            if t.tag_ in ("NNS", "NNPS") and t.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "conj", "appos") and t.i not in own
        ]
        for t in first or candidates:  # (the coordinated verb's object, named or not, is the one)
            if t.lower_ not in _PEOPLE and t.lemma_.lower() not in _PEOPLE:
                entry = self.entity(t)
                if entry is not None:
                    return entry
        before = self.sentence.index - 1
        if self.state.plural_object is not None and self.state.plural_object[0] == before:
            return self.state.plural_object[1]
        previous = self.state.previous_subject
        return previous[1] if previous is not None and previous[0] == before and previous[2] else None


#: a leaflet's template sentence that names its product ("Like all medicines, X can cause side effects")
TEMPLATE_AGENT = re.compile(r"^\W*like all (?:medicines|vaccines)\b", re.IGNORECASE)


def named_vaccine(doc: Any, state: Any) -> LexiconEntry | None:
    """The vaccine a text names by more than the word ("The MMR vaccine contains ..."), the most named
    first: what "the vaccine" and "this vaccine" stand for."""
    seen = [doc.lexicon.entry(n) for n in sorted(state.mentions, key=lambda n: -state.mentions[n])]
    named = [e for e in (doc.topic, *seen) if e is not None and e.kind is NodeKind.AGENT and key_of(e.label)[-1:] == ("vaccine",)]
    return next((e for e in named if len(key_of(e.label)) > 1), None)


def named_agent(doc: Any, state: Any, words: list[str]) -> LexiconEntry | None:
    """The drug a question or a leaflet's template names ("What is ozanimod used for?", "Like all vaccines,
    this vaccine can cause side effects"), by the lexicon or by its shape."""
    if " ".join(words).lower().startswith("like all vaccines,"):  # "this vaccine": the text's vaccine
        return named_vaccine(doc, state) or doc.lexicon.lookup("vaccine") or state.agent("vaccine")
    for word in (w.strip(",.:;()?!'\"") for w in words):
        known = doc.lexicon.lookup(word) if len(word) > 3 else None
        if known is not None and known.kind in (NodeKind.AGENT, NodeKind.THERAPY):
            return known
        if looks_like_drug(word):
            return state.agent(word)
    return None


def heading_topic(doc: Any, state: Any, words: list[str]) -> LexiconEntry | None:
    """The drug a heading names first, by its shape or as the text names it ("Chlorphenamine maleate 4 mg
    tablets"), with its second word where the two are one name ("IDECABTAGENE VICLEUCEL", "Inosine pranobex")."""
    for k, word in enumerate(w.strip(",.:;()") for w in words):
        named = doc.lexicon.lookup(word) if len(word) > 4 else None
        if looks_like_drug(word) or (named is not None and named.origin == "text" and named.kind is NodeKind.AGENT):
            second = words[k + 1].strip(",.:;()") if k + 1 < len(words) else ""
            pair = doc.lexicon.lookup(f"{word} {second}") if second else None
            two = (looks_like_drug(second) and second.lower().endswith(("cel", "vec", "gene"))) or (pair is not None and pair.kind is NodeKind.AGENT)
            return state.agent(f"{word} {second}" if two else word)
    return None
