"""Coordination in a parse: the items of a list of names ("A, B and C", "X such as Y"), the
conditions of a population ("adults with X"), and names the parse hung on their neighbour.
A part of the parser-based reader (:class:`.parsed.SentenceParse`).
"""

from __future__ import annotations

from typing import Any

from ..vocabulary import NodeKind
from . import cues as C
from . import namewords as N
from .kinds import PROCESS_HEADS
from .lexicon import LexiconEntry
from .parsebase import _ParseBase
from .parselookup import _MICROBES, _SYMBOL_WORD, name_after_comma
from .parsewords import _ACTION_HEADS, _CLASS_NOUNS, _DRUG_CLASS, _EVENT_NOUNS, _PROCESS_LEMMAS, _named, _prep_object, looks_like_drug
from .tokens import normalize_word
from .verbclasses import WRAPPER_NOUNS, disease_word

__all__: list[str] = []


_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "both": 2}


class _ParseCoordination(_ParseBase):
    """The items of coordinated names."""

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
        named = name_after_comma(tok) or (self.sdoc[tok.i + 1] if tok.i + 1 < len(self.sdoc) else None)  # ("Its principal ligand, CCL2, ...")
        if (
            named is not None
            and named.dep_ == "appos"
            and named.head.i == tok.i
            and normalize_word(tok.lower_) in _CLASS_NOUNS
            and _SYMBOL_WORD.match(named.text)
        ):
            return self.items(named)  # "the receptors GPR43 (FFAR2) and GPR41": the names and their conjuncts
        if normalize_word(tok.lower_) in _MICROBES and tok.i + 2 < len(self.sdoc) and self.sdoc[tok.i + 1].tag_ == "NNP" and self.sdoc[tok.i + 1].is_title:
            species = self.sdoc[tok.i + 2]  # "the bacterium Salmonella Typhi": the organism (however the parse hung its name)
            return [species if species.is_alpha and species.tag_ in ("NNP", "NN") else self.sdoc[tok.i + 1]]
        if tok.lower_ == "them":  # "binds A and B and stops them from working": A and B
            return self.plural_before(tok) or [tok]
        if (
            tok.dep_ == "dobj"
            and normalize_word(tok.lower_) in _EVENT_NOUNS
            and any(c.dep_ == "poss" and c.lower_ == "their" for c in tok.children)
            and _prep_object(tok, ("of",)) is None
        ):
            return self.plural_before(tok) or [tok]  # "binds A and B and blocks their action": A and B
        names = _named(tok)
        if not names and tok.tag_ == "NNS":
            names = self.counted_names(tok)
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
                if child.dep_ == "appos" and self.sdoc[child.left_edge.i - 1].text == "," and any(c.dep_ == "conj" for c in child.children):
                    out.append(child)  # "Headache, abdominal pain/appos and vomiting": a list the parse read as an appositive
                    stack.append(child)
                    continue
                if child.dep_ == "appos" and child.i > t.i and self.sdoc[child.left_edge.i - 1].text == "(":
                    close = next((k for k in range(child.i, len(self.sdoc)) if self.sdoc[k].text == ")"), len(self.sdoc))
                    listed = any(c.dep_ == "conj" and c.i < close for c in child.children)  # (a bracketed list: not "X (HSTCL), a fatal lymphoma")
                    later = [c for c in child.subtree if c.dep_ == "conj" and c.i > close and c.head.i < close] if listed else []
                    out += later  # "myelosuppression (neutropenia and anaemia), fever and infection": the list goes on after the bracket
                    stack += later
                    continue
                if child.dep_ == "conj":
                    if child.pos_ in ("VERB", "AUX") and any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children):
                        continue  # "X, a polyphenol that ... and that is found in Y, ...": a clause, no second item
                    if any(self.sdoc[k].text in (";", ":") for k in range(min(t.i, child.i), max(t.i, child.i))):
                        continue  # "...; X and Y therefore ...": a new clause; "... caused by bacteria: A, B and C": the names of what a colon announces
                    out.append(child)
                    stack.append(child)
                elif _examples(child) and not _definite(t):
                    for g in child.children:
                        if g.dep_ == "pobj":
                            out.append(g)
                            stack.append(g)
                elif child.dep_ == "relcl":  # "drugs that block this enzyme, such as X": X, an example of the drugs
                    for noun in child.subtree:
                        if _definite(noun) and noun.i > child.i:
                            for g in (g for p in noun.children if _examples(p) for g in p.children if g.dep_ == "pobj"):
                                out.append(g)
                                stack.append(g)
        for t in list(out):  # "infections of the nose and throat, bronchitis and X": items the parse hung on a closed list
            for inner in (g for p in t.children if p.dep_ == "prep" and p.lower_ in ("of", "in") for g in p.children if g.dep_ == "pobj"):
                for later in _after_closed_list(inner):
                    out += [g for g in self.items(later) if g not in out]
        last = max(out, key=lambda t: t.i)
        # "thick, red, scaly patches" (no "and"), "secondary progressive/pobj, progressive relapsing/conj or worsening/conj
        # ... multiple sclerosis/conj" (the last a noun): modifiers of the last item's noun the parse made items of their own
        asyndetic = not any(c.dep_ == "cc" for t in out for c in t.children)
        nominal = last.pos_ in ("NOUN", "PROPN")
        out = [t for t in out if t is last or not _modifier_item(t, asyndetic=asyndetic, nominal=nominal)]
        ofs = [(t, o) for t in out for o in (_prep_object(t, ("of",)),) if o is not None and o.i > last.i and normalize_word(t.lower_) in _PROCESS_LEMMAS]
        if ofs and len(out) > 2:  # "the growth, recruitment and survival of eosinophils": processes of what the "of" after the list names: that
            out = [t for t in out if normalize_word(t.lower_) not in _PROCESS_LEMMAS or (t is not ofs[0][0] and any(c.dep_ == "prep" for c in t.children))]
            out.append(ofs[0][1])
        for t in list(out):  # "stomatitis/nmod and liver fibrosis": a whole name the parse hung on the next one
            out += [c for c in t.lefts if self.coordinated_modifier(c) and c not in out]
        for t in list(out):  # "the signs of X and Y": the wrapper stands for X, and for Y too
            of = _prep_object(t, ("of",)) if t.lower_ in WRAPPER_NOUNS or normalize_word(t.lower_) in _PROCESS_LEMMAS else None
            if of is None or not any(c.dep_ == "conj" for c in of.children) or self.entity(t) is None:
                continue
            if self.entity(t) is self.entity(of):
                out += [g for g in self.items(of) if g not in out]
            elif normalize_word(t.lower_) in _PROCESS_LEMMAS:  # "the release of cytokines and chemokines": chemokines too
                out += [g for g in self.items(of) if g is not of and g not in out]
        return out

    def counted_names(self, tok: Any) -> list[Any]:
        """ "two messenger proteins of the immune system, IL-12 and IL-23": the names a counted
        class noun announces after a comma or a colon, wherever the parse hung them, when there are as many
        as counted (not "two proteins of the skin, gut and lungs")."""
        count = next((_COUNTS[c.lower_] for c in tok.children if c.dep_ == "nummod" and c.lower_ in _COUNTS), None)
        if count is None:
            return []
        for t in tok.subtree:
            if t.i > tok.i and t.dep_ in ("appos", "conj") and t.pos_ in ("PROPN", "NOUN") and self.sdoc[t.left_edge.i - 1].text in (",", ":"):
                listed = [t, *(c for c in t.subtree if c.dep_ == "conj" and c.head.i >= t.i)]
                return [t] if len(listed) == count else []
        return []

    def plural_before(self, tok: Any) -> list[Any]:
        """The items of the last plural or coordinated object before ``tok`` in the sentence: the
        object of the verb its verb is coordinated with ("binds A and B and stops them"), else the
        nearest."""
        verb = tok.head
        if verb.dep_ == "conj" and verb.head.i < verb.i:
            first = verb.head
            objects = [c for c in first.children if c.dep_ == "dobj"] + [g for p in first.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
            if objects:
                return self.items(objects[0])
        for k in range(tok.i - 1, -1, -1):
            t = self.sdoc[k]
            if t.dep_ in ("dobj", "pobj", "appos") and t.pos_ in ("NOUN", "PROPN") and (t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children)):
                return self.items(t)
        for k in range(tok.i - 1, -1, -1):  # "Because regulatory T cells express X, the antibody depletes them": the cells
            t = self.sdoc[k]
            if t.dep_ == "nsubj" and t.tag_ in ("NNS", "NNPS") and t.head.i != tok.head.i and t.head.dep_ in ("advcl", "ccomp", "conj"):
                return self.items(t)
        return []

    def coordinated_modifier(self, tok: Any) -> bool:
        """A noun the parse made a modifier of the next name although it is a name of its own,
        coordinated with that name's first word ("stomatitis and liver fibrosis", "acne and
        herpes zoster"): a known name or a disease, never a letter ("T and B cells")."""
        if tok.dep_ not in ("nmod", "compound") or tok.tag_ not in ("NN", "NNS") or len(tok.text) <= 3:
            return False
        if not (any(c.dep_ == "cc" for c in tok.children) and any(c.dep_ == "conj" and c.i > tok.i for c in tok.children)):
            return False
        if normalize_word(tok.lower_) in PROCESS_HEADS and (normalize_word(tok.head.lower_) in PROCESS_HEADS or tok.head.lower_.endswith("ing")):
            return True  # "proliferation and class switching": two processes, not "proliferation switching"
        return disease_word(tok.text) or self.doc.lexicon.lookup(tok.text) is not None

    def conditions(self, tok: Any) -> list[Any]:
        """ "adults and adolescents with atopic dermatitis": the conditions of a population noun."""
        first = tok.head if tok.dep_ == "conj" else tok
        group = [first, *(c for c in first.children if c.dep_ == "conj")]
        if first.dep_ == "dobj":  # "treat adults with X": the verb holds "with"
            group.append(first.head)
        elif first.dep_ == "pobj" and first.head.lower_ == "of":  # "the treatment of adults with X"
            group.append(first.head.head)
        found = [g for t in group for p in t.children if p.dep_ == "prep" and p.lower_ == "with" for g in p.children if g.dep_ == "pobj"]
        if not found:  # "patients aged 6 years and older with severe asthma": "with" hung on the age
            found = [
                g
                for t in group
                for d in t.subtree
                if d.dep_ in ("acl", "amod", "advmod", "npadvmod", "conj") and d.head.i >= first.i
                for p in d.children
                if p.dep_ == "prep" and p.lower_ == "with"
                for g in p.children
                if g.dep_ == "pobj"
            ][:1]
        if not found:  # or hung anywhere: the first "with" after the people, before a clause or a comma
            for k in range(tok.i + 1, min(tok.i + 10, len(self.sdoc))):
                t = self.sdoc[k]
                if t.text in (",", ";", "(") or t.tag_ in ("WDT", "WP", "VBZ", "VBP", "VBD", "MD"):
                    break
                if t.lower_ == "with":
                    found = [g for g in t.children if g.dep_ == "pobj"]
                    break
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

    def shared_cells(self, tok: Any) -> LexiconEntry | None:
        """ "Th1 and Th17 cells", "CD4+ and CD8+ T cells": a bare first item of a list of cells shares
        the last item's words after its own marker ("Th1 cells", "CD4+ T cells"), where the parse made
        the first item a name of its own (Th1, the protein CD4)."""
        if tok.tag_ not in ("NN", "NNP", "CD") or not tok.n_rights:
            return None  # (the cheap test first: this runs for every name)
        cells = next((c for c in tok.rights if c.dep_ == "conj" and c.i > tok.i + 1), None)
        if cells is None or normalize_word(tok.lower_) == "cell":
            return None
        doc = self.sdoc
        if cells.lower_ in ("counts", "numbers") and doc[cells.i - 1].lower_ == "cell":
            cells = doc[cells.i - 1]  # "CD4+ and CD8+ T-cell counts"
        if normalize_word(cells.lower_) != "cell":
            return None
        marker = tok.i + 1 if tok.i + 1 < cells.i and doc[tok.i + 1].text == "+" and tok.whitespace_ == "" else tok.i
        joiner = doc[marker + 1]
        if joiner.lower_ not in ("and", "or") or any(t.dep_ != "det" for t in tok.lefts):
            return None
        words = doc[marker + 2 : cells.i + 1]
        if words[0].is_lower:
            return None  # "X express RALDH2 and epithelial cells express RALDH1": no marker of cells
        mark_end = next((t.i for t in words if t.whitespace_), None)  # the conjunct's own marker: "CD8+", "Th17"
        if mark_end is None or mark_end >= cells.i:
            return self.lookup_phrase(f"{doc[tok.i : marker + 1].text} {cells.text}")
        tail = " ".join(t.text for t in doc[mark_end + 1 : cells.i + 1] if t.text not in ("-", "‐"))
        return self.lookup_phrase(f"{doc[tok.i : marker + 1].text} {tail}")

    def body_part_of(self, tok: Any) -> LexiconEntry | None:
        """ "muscle and joint pain": a bare body part coordinated with the modifier of a noun shares
        that noun ("muscle pain"), where the parse made the part an item of its own."""
        doc = self.sdoc
        if tok.i + 2 >= len(doc) or normalize_word(tok.lower_) not in N.BODY_PARTS or any(c.dep_ not in ("cc", "conj", "punct") for c in tok.children):
            return None  # (the cheap test first: this runs for every name)
        joiner, modifier = doc[tok.i + 1], doc[tok.i + 2]
        if joiner.lower_ not in ("and", "or") or modifier.dep_ not in ("compound", "amod") or modifier.head.i != modifier.i + 1:
            return None
        return self.lookup_phrase(f"{tok.text} {modifier.head.text}")

    def shared_head(self, tok: Any) -> list[LexiconEntry]:
        """The names of a list of modifiers that share ``tok`` as their head ("TNF-alpha, IL-23 and
        IL-17 production": TNF-alpha production, IL-23 production, IL-17 production), when the parse
        hung the list inside the head's name."""
        if tok.pos_ not in ("NOUN", "PROPN"):
            return []
        start, end = self.name_span(tok)
        before = list(self.sdoc[start : tok.i])
        if not any(t.text == "," or t.dep_ == "cc" for t in before):
            return []
        groups: list[list[Any]] = [[]]
        for t in before:
            if t.text == "," or t.lower_ in ("and", "or", "and/or"):
                if groups[-1]:
                    groups.append([])
            elif t.lower_ not in C.DETERMINERS:
                groups[-1].append(t)
        head = self.sdoc[tok.i : end].text
        if all(t.lower_ in N.DEGREE_WORDS for g in groups for t in g):
            entry = self.lookup_phrase(head)  # "profound and prolonged lymphopenia": lymphopenia, once
            return [entry] if entry is not None else []
        spelled = [" ".join(t.text for t in g).replace(" - ", "-").lower().split() for g in groups if g]
        degrees = next((k for k, w in enumerate(spelled[-1]) if w not in N.DEGREE_WORDS), len(spelled[-1]))
        if degrees and all(w in N.DEGREE_WORDS for g in spelled[:-1] for w in g):
            entry = self.lookup_phrase(" ".join([*spelled[-1][degrees:], head]))  # "serious or life-threatening neurologic toxicity"
            return [entry] if entry is not None else []
        whole = [("".join(t.text_with_ws for t in g[:-1]) + g[-1].text, g[-1].whitespace_) for g in groups if g]
        if any(not N.without_states(name) for name, _ in whole[:-1]):  # "free and receptor-bound IFN-γ": one protein
            name, space = whole[-1]
            entry = self.lookup_phrase(N.without_states(name + space + head) or head)
            return [entry] if entry is not None else []
        names = [" ".join(t.text for t in g).replace(" - ", "-").replace(" -", "-").replace("- ", "-") for g in groups if g]
        if len(names) < 2 or any(len(n.split()) > 4 for n in names):
            return []
        spaced = ["".join(t.text_with_ws for t in g).strip() for g in groups if g]
        if all(len(n.split()) == 1 for n in spaced[:-1]) and len(spaced[-1].split()) >= 2 and tok.lower_ in ("cell", "cells"):
            tail = spaced[-1].split(maxsplit=1)[1]  # "activated and memory T cells", "CD4+ and CD8+ T cells": activated T cells
            names = [f"{n} {tail}" for n in spaced[:-1]] + [spaced[-1]]
        alone = [self.doc.lexicon.lookup(name) for name in names]
        if normalize_word(tok.lower_) in _DRUG_CLASS and any(
            looks_like_drug(n) or (e is not None and e.kind in (NodeKind.AGENT, NodeKind.THERAPY)) for n, e in zip(names, alone)
        ):
            # "X and Y, two antibodies that ...": the drugs, of which "antibodies" is the class
            drugs = [e if e is not None else self.state.agent(n) for n, e in zip(names, alone) if e is not None or looks_like_drug(n)]
            return [e for e in drugs if e is not None]
        found = [self.lookup_phrase(f"{name} {head}") for name in names]
        return [e for e in found if e is not None]


def _examples(prep: Any) -> bool:
    """ "including", "like", "such as": a preposition that lists examples of its head."""
    return prep.dep_ == "prep" and (
        prep.lower_ in ("including", "like") or (prep.lower_ == "as" and (any(g.lower_ == "such" for g in prep.children) or prep.nbor(-1).lower_ == "such"))
    )


def _definite(noun: Any) -> bool:
    """ "this enzyme", "the receptor": one thing, which has no examples."""
    return noun.tag_ == "NN" and any(c.dep_ == "det" and c.lower_ in ("this", "that", "the") for c in noun.children)


def _modifier_item(tok: Any, *, asyndetic: bool, nominal: bool) -> bool:
    """Whether a list item is only a modifier of the last item's noun: a bare adjective in a list without "and"
    ("thick, red, scaly patches"), or an adjective or participle before a noun ("relapsing or worsening ... MS")."""
    if not tok.text.islower():
        return False
    if asyndetic and (tok.pos_ == "ADJ" or tok.lower_ in N.PLAIN_ADJECTIVES) and tok.n_lefts == 0:
        return True
    return nominal and (tok.pos_ == "ADJ" or tok.tag_ in ("VBG", "VBN"))


def _after_closed_list(tok: Any) -> list[Any]:
    """The conjuncts of ``tok`` after a list it closes with "and": in "the nose and throat,
    bronchitis and reactions" the parse hangs "bronchitis" on "nose", where "and throat" has
    ended that list (but "the nose, throat and sinuses" is one list)."""
    conjuncts = sorted((c for c in tok.children if c.dep_ == "conj"), key=lambda c: c.i)
    if len(conjuncts) < 2 or not any(c.dep_ == "cc" and tok.i < c.i < conjuncts[0].i for c in tok.children):
        return []
    doc = tok.doc
    later = [c for c in conjuncts[1:] if any(doc[k].text == "," for k in range(conjuncts[0].i, c.i))]
    # "swelling of the hands and feet, the face, the lips": a list of places goes on naming where
    return [c for c in later if normalize_word(c.lower_) not in N.BODY_PARTS]
