"""What a cell makes and events named by nouns, in a parse: "B cells make antibodies",
"keratinocytes express IL-33" (+ from the cell), "the induction of IL-18 by butyrate" (the cause
after "by" raises or lowers the theme after "of"). A part of the parser-based reader
(:class:`.parsed.SentenceParse`).
"""

from __future__ import annotations

from typing import Any

from ..vocabulary import NodeKind
from . import parsewords as W
from .parsebase import _ParseBase
from .parseclauses import _described
from .tokens import normalize_word

__all__ = ["SIGNED_EVENTS", "SOURCE_VERBS"]

#: events an enzyme catalyses that turn one substance into another
_CONVERSIONS = frozenset("conversion transformation hydrolysis oxidation reduction cleavage".split())

#: what a cell makes, shows or gives off: + from the cell to it, and nothing from anything else
SOURCE_VERBS = frozenset("make express overexpress shed".split())
#: nouns that name a signed event ("the induction of X by Y": Y raises X)
SIGNED_EVENTS = {
    **dict.fromkeys("induction activation stimulation production secretion upregulation up-regulation phosphorylation".split(), "+"),
    **dict.fromkeys("inhibition suppression blockade degradation cleavage depletion destruction killing downregulation".split(), "-"),
    **dict.fromkeys("down-regulation neutralisation neutralization lysis".split(), "-"),
    **dict.fromkeys("binding recognition".split(), "0"),
}
#: the heads of a cell that is not named as one ("platelets")
_CELL_LIKE = frozenset("cell platelet".split())
_CELLS = frozenset((NodeKind.IMMUNE_CELL, NodeKind.NON_IMMUNE))
_OUTPUTS = frozenset(NodeKind) - {NodeKind.IMMUNE_CELL, NodeKind.NON_IMMUNE, NodeKind.CONDITION, NodeKind.THERAPY}


class _ParseOutputs(_ParseBase):
    """Readers of a cell's output and of events named by nouns."""

    def output(self, verb: Any, words: str) -> None:
        """ "B cells make antibodies", "keratinocytes express IL-33", "tumour cells shed MICA": a
        cell is the source of what it makes (+), and so of what it releases ("mast cells release
        histamine"); nothing else is read so, and "make X worse" is a cause (:meth:`causative`)."""
        if any(c.dep_ in ("ccomp", "xcomp", "acomp", "oprd") for c in verb.children):
            return
        subjects, objs = self.subject(verb), self.objects(verb, "+")
        if verb.dep_ == "acl":  # "TNF, expressed by Kupffer cells", "proteases made by neutrophils, such as X"
            agents = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            subjects, objs = (agents, None), (_described(verb.head) or [verb.head]) if verb.tag_ == "VBN" and agents else []
        if not subjects[0] or not all(self.cell(s) for s in subjects[0]):
            return
        objs = [
            o
            for o in objs
            if o.pos_ != "PRON" and not any((c.dep_ == "amod" and c.lower_ in W._STATE_UP | W._STATE_DOWN) or c.lower_ in ("less", "fewer") for c in o.children)
        ]  # ("T cells produce less IFN-γ": a change, whose cause is named elsewhere)
        if objs:  # what is made is no cell or disease, nor a pronoun ("It is made by dendritic cells", "it" read as the drug)
            self.emit(verb, words, "+", subjects, objs, expand=verb.dep_ != "acl", kinds=(_CELLS, _OUTPUTS))
            self.in_response(verb, objs)

    def in_response(self, verb: Any, objs: list[Any]) -> None:
        """ "ILC3s produce IL-22 in response to IL-23 and IL-1β": what the cells respond to raises what they make."""
        responses = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" for g in p.children if g.lemma_.lower() == "response"]
        stimuli = [x for r in responses for p in r.children if p.dep_ == "prep" and p.lower_ == "to" for x in p.children if x.dep_ == "pobj"]
        objs = [o for o in objs if o.pos_ != "PRON"]  # (what "it" stands for is the main reading's)
        if stimuli and objs:
            self.emit(verb, "in response to", "+", (stimuli, None), objs)

    def event_noun(self, noun: Any) -> None:
        """ "the induction of IL-18 by butyrate", "the inhibition of calcineurin by cyclosporine":
        an event named by a noun, its theme after "of" and its cause after "by" (on the noun or
        on the theme), read as the verb would be."""
        themes = [g for p in noun.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        if themes:  # "the production of nitric oxide and IL-12/conj(of production)": a theme hung on the noun
            themes += [c for c in noun.conjuncts if c.i > noun.i and c.lower_ not in SIGNED_EVENTS and (c.tag_.startswith("NN") or c.tag_ == "CD")]
        holders = [noun, *themes, *(c for t in themes for c in t.conjuncts)]
        causes = [g for h in holders for p in h.children if p.dep_ in ("prep", "agent") and p.lower_ == "by" for g in p.children if g.dep_ == "pobj"]
        causes = [c for c in causes if c.tag_ != "VBG" and (c.pos_ in ("NOUN", "PROPN") or (c.pos_ == "PRON" and c.lower_ not in W._PRONOUNS))]  # ("IL-6/PRP")
        if themes and causes:
            self.emit(noun, noun.lower_, SIGNED_EVENTS[noun.lower_], (causes[:1], "the cause of the event named by a noun"), themes)

    def cell(self, tok: Any) -> bool:
        """Whether a token names cells ("B cells", "keratinocytes", "these cells", "platelets")."""
        if normalize_word(tok.lower_) in _CELL_LIKE:
            return True
        entry = self.entity(tok)
        return entry is not None and entry.kind in _CELLS

    def catalysed(self, verb: Any) -> None:
        """ "5-lipoxygenase catalyses the conversion of arachidonic acid to leukotrienes": a conversion
        with its enzyme (the enzyme raises the product and lowers the substrate)."""
        for event in (c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _CONVERSIONS):
            substrates = [g for p in event.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
            holders = [verb, event, *substrates]
            products = [g for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in ("to", "into") for g in p.children if g.dep_ == "pobj"]
            if not substrates or not products:
                continue
            enzymes = [e for e, _t in self.entities(self.subject(verb)[0]) if e.kind is not NodeKind.AGENT]
            self.emit_conversion(
                verb, f"{verb.lemma_.lower()} conversion", enzymes, [e for e, _t in self.entities(substrates)], [e for e, _t in self.entities(products)]
            )
