"""Names in a parse, looked up: a phrase's text to a lexicon or candidate node (brackets, classes,
doses, naming clauses, adverbs and verbs glued to a name), and a name shown to be a drug's.
"""

from __future__ import annotations

import re
from typing import Any

from ..vocabulary import NodeKind
from . import cues as C
from . import namewords as N
from . import parsewords as W
from .lexicon import LexiconEntry
from .parsebase import _ParseBase
from .tokens import key_of, normalize_word, without_brackets

_ORDINALS = frozenset("first second third".split())
#: the words before "factor" that make a class, not a name ("a transcription factor", "risk factors")
_CLASS_OF_FACTORS = frozenset("transcription growth risk survival clotting coagulation virulence host environmental".split())
_ORGANS = frozenset("lung kidney renal liver hepatic heart cardiac thyroid bowel pulmonary respiratory cognitive physical sexual".split())
_AIMED = re.compile(r"^(?:auto)?antibod(?:y|ies) that \w+ \S+$", re.IGNORECASE)
#: what a microbe named by its binomial is called before its name ("the bacterium Salmonella Typhi")
_MICROBES = frozenset("bacterium bacteria virus parasite fungus yeast mould mold pathogen organism microbe".split())
_SYMBOL_WORD = re.compile(r"^(?:[A-Z][A-Za-z]*-?\d[A-Za-z0-9-]*|[A-Z]{3,10}|[A-Z][a-z]{2,3})$")  # "GPR43", "FKBP12", "Bcl-2", "IL-7", "TRIF", "Syk"


def name_after_comma(tok: Any) -> Any:
    """The name after the comma of a possessed noun ("its ligand, FasL, ...", "Its principal ligand,
    CCL2, ..."), where the parse made it the noun's appositive; else None."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].text != "," or not any(c.dep_ == "poss" for c in tok.children):
        return None
    named = doc[tok.i + 2]
    return named if named.dep_ == "appos" and named.head.i == tok.i else None


#: a drug's development code ("TGN1412", "ABT-494", "AMD3100")
_CODE_NAME = re.compile(r"^[A-Z]{2,5}-?\d{3,6}[A-Z]?$")
_NAMED_AS = re.compile(r"\s+(?:called|named|termed|known as|designated)\s+")


#: a drug's form, no part of its name ("X phosphate injection", "X tablets")
_FORMS = frozenset("injection injections infusion tablet tablets capsule capsules cream ointment gel solution suspension syrup spray patch inhaler".split())

#: the making of a thing, named by a noun: what changes it changes the thing ("lowered the release of X")
_OUTPUTS = frozenset("release secretion expression".split())

#: qualities of an event, no part of what it names ("rapid release")
_QUALITIES = frozenset("rapid slow early late low high massive local systemic excess excessive sudden".split())


class _ParseLookup(_ParseBase):
    """The lookup of names (see the module); :class:`.parsenames._ParseNames` builds on it."""

    def as_drug(self, tok: Any) -> LexiconEntry | None:
        """The name at ``tok`` as a drug, when the sentence shows it is one ("X is a ... drug",
        "X is indicated for D"): a word the lexicon does not know becomes a candidate agent, a name
        of the text read as another kind is retyped (under all its names); a known node is left as
        it is."""
        if tok.pos_ not in ("NOUN", "PROPN") and not _CODE_NAME.match(tok.text):
            return None  # (a code the tagger took for a determiner: "ABC1234/DT")
        if tok.lower_ in _FORMS:  # "Fludarabine injection": the drug, not its form
            before = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "nmod") and c.pos_ in ("NOUN", "PROPN")]
            return self.as_drug(before[0]) if before and (W.looks_like_drug(before[0].text) or self.doc.lexicon.lookup(before[0].text)) else None
        if tok.i not in self.cache and self.doc.lexicon.lookup(tok.text) is None:
            if not ((tok.text.isalpha() and len(tok.text) > 5) or _CODE_NAME.match(tok.text)) or any(c.dep_ == "compound" for c in tok.children):
                return None  # (a development code is a drug's name: "TGN1412", "ABT-494")
            start, end = self.name_span(tok)
            named = self.sdoc[start : tok.i]
            whole = (
                start < tok.i
                and not W.looks_like_drug(tok.text)
                and named[0].pos_ in ("NOUN", "PROPN")
                and all(t.pos_ in ("NOUN", "PROPN", "ADJ") for t in named)
            )
            drug = self.state.agent(self.sdoc[start:end].text if whole else tok.text)  # ("Lymphocyte immune globulin is indicated for")
        else:
            named = self.entity(tok)
            if named is None or named.origin != "text" or named.kind in (NodeKind.AGENT, NodeKind.THERAPY):
                return named
            drug = self.state.make_agent(named)
        if drug is not None:
            self.cache[tok.i] = drug
            self.state.saw(drug, subject=True)
        return drug

    def _bracketed_after(self, tok: Any) -> Any:
        """The short form in brackets that ends the name ``tok`` heads, where the parse hung the rest of
        the name (an apposition, a number) in between ("protein kinase 2 (ROCK2)"), or None."""
        right = [t for t in tok.subtree if t.i > tok.i]
        for t in right:
            if t.i + 1 < len(self.sdoc) and self.sdoc[t.i - 1].text == "(" and self.sdoc[t.i + 1].text == ")":
                between = self.sdoc[tok.i + 1 : t.i - 1]
                if len(between) <= 3 and all(b.dep_ in ("appos", "nummod", "compound") or b.like_num for b in between):
                    return t
                return None
        return None

    def lookup_phrase(self, text: str, *, head_word: Any = None) -> LexiconEntry | None:
        text = text.strip(" ,;:-")
        named = _NAMED_AS.split(text, maxsplit=1)
        if len(named) == 2 and named[0].strip() and named[1].strip() and len(named[1].split()) <= 3 and not re.search(r"[,;()]", named[1]):
            # a naming clause the parse took into one name: "IL-23/nummod called p19": IL-23 (a part of it is p19);
            # "a protein called IL-2": IL-2
            left, right = named[0].strip(), named[1].strip()
            last = left.split()[-1]
            return self.lookup_phrase(right if normalize_word(last.lower()) in W._CLASS_NOUNS or (last.islower() and last.endswith("s")) else left)
        if "(" in text and self.doc.lexicon.lookup(text) is None:  # "T helper 17 (Th17) cells": the name without its short form
            text = without_brackets(text).strip(" ,;:-") or text
        if not text:
            return None
        entry = self.doc.lexicon.lookup(text)
        if entry is not None:
            return entry
        if "combination of " in text.lower():  # "a fixed-dose combination of X" cut before "and Y": the text's combination
            combination = self.doc.lexicon.lookup("combination")
            if combination is not None and combination.kind is NodeKind.THERAPY and combination.origin == "text":
                return combination
        if "-positive " in text:  # "exhausted CD8-positive T cells": CD8 T cells, where the lexicon knows them
            marked = self.lookup_phrase(text.replace("-positive ", " "))
            if marked is not None and marked.origin != "text":
                return marked
        words = text.split()
        if len(words) > 1 and words[0].lower() in ("less", "more", "fewer") and not (words[1].isalpha() and words[1].islower()):
            # "make less α-defensin": how much is no part of the name (but "less sharp eyesight" is one)
            return self.lookup_phrase(" ".join(words[1:]), head_word=head_word)
        if len(words) > 1 and words[-1].lower() in _FORMS and W.looks_like_drug(words[0]):
            return self.lookup_phrase(" ".join(words[:-1]))  # "Fludarabine phosphate injection": the drug, not its form
        if W.named_after_class(words, drug=True):
            return self.lookup_phrase(words[-1])  # "the liver enzyme CYP3A4", "the antibiotic clarithromycin": the name
        if len(words) > 1 and any(ch.isdigit() for ch in words[1]):  # "mepolizumab 100 mg given every four weeks": the drug
            first = self.doc.lexicon.lookup(words[0])
            if first is not None and first.kind in (NodeKind.AGENT, NodeKind.THERAPY):
                return first
        while len(words) > 1 and words[-1].lower().endswith(("ly", "fold")) and self.doc.lexicon.lookup(text) is None:
            words = words[:-1]  # "S1P1 more selectively": no adverb in a name
            if words and words[-1].lower() in ("more", "less", "most"):
                words = words[:-1]
            text = " ".join(words)
        staged = [k for k in range(len(words) - 2) if words[k].lower() in N.STAGE_WORDS]  # (a cheap test first: a hot path)
        for k in staged:  # "severe combined immunodeficiency": a name that begins with a stage word
            if " ".join(key_of(" ".join(words[k:]))) in N.NAMES_WITH_STAGE_WORDS:
                return self.doc.lexicon.lookup(" ".join(words[k:])) or self.doc.candidate(" ".join(words[k:]))
        for k in range(1, len(words)):  # the longest known name that ends at the head
            entry = self.doc.lexicon.lookup(" ".join(words[k:]))
            if entry is not None and len(words) - k >= 1 and not W._is_adjective_only(words[k:]):
                # "circulating B cells", "the immunophilin FKBP12", "the serine/threonine phosphatase calcineurin"
                if all(W._modifier_word(w) or w.lower() in W._SAMPLE_WORDS for w in words[:k]):  # (and "blood eosinophils")
                    return entry
                if normalize_word(words[k - 1].lower()) in W._CLASS_NOUNS and entry.kind is not NodeKind.IMMUNE_CELL:
                    return entry  # (but "chimeric antigen receptor T cells" are cells of their own)
                if k == 2 and words[1].lower() == "of" and words[0].lower() in _OUTPUTS:
                    return entry  # "the release of tumour necrosis factor": more or less of it
                break
        if len(words) == 1 and words[0].lower() in W._CUE_FORMS and words[0].lower().endswith("s"):
            return None  # "is secreted by macrophages and binds/NNS X": a verb the parser took for a noun
        if len(words) > 2 and normalize_word(words[0].lower()) in W.SITE_EFFECTS and words[1].lower() in ("of", "in", "during", "at", "after"):
            return self.doc.candidate(text, item=True)  # "infections of the nose and throat": one effect at its sites
        if any(w.lower() in ("and", "or", "and/or", "nor") or "and/or" in w.lower() for w in words):
            return None  # coordinated names are the coordination's business
        if _AIMED.match(text) is not None:  # "antibodies that block IL-7Rα": a name with its clause
            return self.doc.lexicon.lookup(text) or self.doc.candidate(text, item=True)
        if any(w.lower() in W._CUE_FORMS and w.lower().endswith("s") for w in words[:-1]) or any(
            w.lower() in ("the", "a", "an", "so", "that", "which", "neither", "either", "nor") and w != "A" for w in words
        ):  # (but "protein kinase A", "vitamin A": a letter of the name)
            return None  # a garbled parse glued a clause into the name
        if head_word is not None and W.looks_like_drug(head_word.text) and len(words) <= 2:
            return self.state.agent(head_word.text if len(words) == 1 else text)
        if head_word is not None and W.looks_like_drug(head_word.text) and normalize_word(words[-2].lower()) in W._CLASS_NOUNS | W._DRUG_CLASS:
            return self.state.agent(head_word.text)  # "the TNF receptor fusion protein lenercept": the drug
        key = key_of(text)
        if not key:
            return None
        if (
            len(words) > 1
            and key[-1] in C.TRANSPARENT_NOUNS
            and words[-1].lower() in ("count", "counts", "level", "levels", "concentration", "concentrations", "number", "numbers")
        ):
            kept = [w for w in words[:-1] if w.lower() not in W._SAMPLE_WORDS]  # "absolute neutrophil counts", "serum IL-6 levels": the thing counted
            if kept and not W._is_adjective_only(kept):
                return self.lookup_phrase(" ".join(kept))
        symbol_named = (
            key[-1] in W._SYMBOL_HEADS
            and any(
                (any(ch.isupper() for ch in w) and any(ch.isdigit() for ch in w))
                or re.search(r"(?:^|-)[A-Z]-[a-z]", w) is not None  # ("C-reactive", "pre-B-cell")
                or re.search(r"[a-z]-\d", w) is not None
                or sum(ch.isupper() for ch in w) >= 2  # "the NF-κB pathway", "the MAPK pathway"
                for w in words[:-1]
            )
        )  # "the H1 receptor", "C-reactive protein", "the interleukin-36 receptor": a name, where "the protein" is none
        symbol_named = symbol_named or (len(key) == 2 and key[0] in _ORDINALS)  # "a second signal": a name
        symbol_named = symbol_named or (len(key) == 2 and key[1] == "loss" and key[0].isalpha() and key[0] not in W._NO_CANDIDATE)  # "hearing loss"
        symbol_named = symbol_named or (
            len(key) >= 2
            and key[-1] in ("receptor", "kinase", "protein", "enzyme", "channel", "factor")
            and all(w.isalpha() and w.islower() and not W.ADJECTIVE_END.search(w) and w not in W._MODIFIERS for w in words[:-1])
            and not any(k in W._NO_CANDIDATE | C.DETERMINERS | C.POSSESSIVES | _CLASS_OF_FACTORS for k in key[:-1])
        )  # "the aryl hydrocarbon receptor", "tissue factor": named by nouns (not "inhibitory receptors", "a growth factor")
        symbol_named = symbol_named or (len(words) > 1 and len(words[-1]) == 1 and words[-1].isupper())  # "protein kinase A"
        symbol_named = symbol_named or (
            len(words) == 2
            and key[-1] in W._SYMBOL_HEADS
            and len(words[0]) >= 3
            and words[0][0].isupper()
            and words[0][1:].isalpha()
            and words[0][1:].islower()
        )  # "the Nef protein", "the Tax protein": a gene named like a word ("the Human protein" would be no sentence start here)
        symbol_named = symbol_named or (
            normalize_word(key[-1]) in W._EVENT_NOUNS and any(N.CLASS_SYMBOL.match(w) for w in words[:-1])
        )  # "AKT activation", "STAT1 signalling": what a named protein does, where "activation" alone is no name
        symbol_named = symbol_named or (len(key) == 2 and key[1] == "function" and key[0] in _ORGANS)  # "lung function"
        symbol_named = symbol_named or (
            len(key) == 2 and key[1] in ("release", "production", "secretion") and key[0] not in W._NO_CANDIDATE | _QUALITIES and not W._modifier_word(words[0])
        )  # "cytokine release", "histamine release": what is released names the event
        if key not in W._OUTCOME_PHRASES and not symbol_named and (key[-1] in W._NO_CANDIDATE or (len(key) <= 2 and key[0] in W._NO_CANDIDATE)):
            return None  # "the enzyme", "inhibitory receptors", "the need": no name (but "the H1 receptor" is one)
        if key[-1] in C.PREPOSITIONS:
            return None
        if key in (("cell",), ("signal",), ("finding",), ("gene",), ("molecule",), ("reaction",), ("event",)):
            return None  # "cells that help", "these findings", "including fatal reactions": a bare class, no node
        return self.doc.candidate(text)
