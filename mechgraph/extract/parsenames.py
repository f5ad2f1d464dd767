"""Names in a parse: entities, pronouns and items of the parser-based reader (:mod:`.parsed`); short forms are :mod:`.parseshort`'s."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..vocabulary import NodeKind
from . import cues as C
from . import namewords as N
from . import parsewords as W
from .kinds import PROCESS_HEADS
from .lexicon import LexiconEntry
from .parseanaphora import named_vaccine
from .parselookup import _SYMBOL_WORD, _ParseLookup
from .tokens import normalize_word
from .verbclasses import WRAPPER_NOUNS

_DOSE_WORDS = frozenset("standard reduced usual full recommended higher lower starting maintenance".split())
#: what happens to cells, which more or less of means more or fewer cells ("the survival of eosinophils")
_CELL_FATES = frozenset("growth survival recruitment production expansion development generation accumulation".split())
_DOSE_UNITS = frozenset("mg g µg mcg ug ml units iu".split())


#: nouns named with the gene or protein they are in or against ("mutations in TREX1", "antibodies against CD40L")
_SITED_NOUNS = {
    **dict.fromkeys(("mutation", "variant", "polymorphism", "deletion", "defect"), ("in", "of")),
    **dict.fromkeys(("antibody", "autoantibody"), ("against", "to")),
}
#: what antibodies named by their aim do to it ("antibodies that block IL-7Rα")
_AIMING = frozenset("block target neutralise neutralize bind recognise recognize inhibit".split())
#: nouns named with what they are to: "the response to vaccines", "resistance to infection"
_TO_NOUNS = frozenset("response responsiveness reaction sensitivity susceptibility resistance tolerance".split())


class _ParseNames(_ParseLookup):
    """Entities of a parsed sentence."""

    def name_span(self, tok: Any) -> tuple[int, int]:
        """The token range [start, end) of the name whose head is ``tok`` (no determiner, no clause)."""
        start = tok.i
        for child in tok.lefts:
            if self.coordinated_modifier(child):  # "stomatitis and liver fibrosis": liver fibrosis
                start = min(start, max(c.i for c in child.children if c.dep_ == "conj"))
                continue
            if child.dep_ == "amod" and child.lower_ in N.STAGE_WORDS and any(c.dep_ == "cc" for c in child.children):
                continue  # "relapsed or refractory follicular lymphoma": the disease, at any stage
            if (child.dep_ in ("advmod", "cc") and child.tag_ in ("RB", "RBR", "RBS", "WRB", "CC")) or child.lower_ in ("only", "even", "just"):
                continue  # "so clindamycin, which ...", "also IL-6": an adverb before the name is no part of it
            eponym = child.dep_ == "poss" and child.tag_ in ("NNP", "NNPS")  # "Crohn's disease", "Bruton's tyrosine kinase"
            if (child.dep_ in W._SKIP_LEFT and not eponym) or (
                child.tag_ in ("WDT", "WP", "PRP$", "DT", "VB", "VBP", "VBZ", "MD") and not W.looks_like_drug(child.text)
            ):
                continue  # (but "gemcitabine/VB monophosphate": a drug's name the tagger took for a verb)
            start = min(start, child.left_edge.i)
        while (
            start < tok.i
            and (self.sdoc[start].dep_ in ("det", "cc", "punct") or (self.sdoc[start].dep_ == "poss" and self.sdoc[start].tag_ not in ("NNP", "NNPS")))
            and self.sdoc[start].text not in "-/"
        ):
            start += 1
        while start < tok.i and self.sdoc[start].lower_ in C.DETERMINERS | C.POSSESSIVES:
            start += 1
        start = max(start, tok.i - W._MAX_NAME)
        while start < tok.i and self.sdoc[start].lower_ in ("to", "of", "and", "or", ","):
            start += 1
        if start >= 2 and self.sdoc[start - 1].lower_ == "to" and self.sdoc[start - 2].pos_ == "ADJ":
            start -= 2  # "moderate to severe atopic dermatitis"
        if (
            start == tok.i
            and tok.lower_ in W._GREEK
            and tok.i > 0
            and not self.sdoc[tok.i - 1].is_punct
            and self.sdoc[tok.i - 1].pos_ in ("PROPN", "NOUN", "NUM", "X")
        ):
            start = tok.i - 1  # "IL-1/dep beta/dobj": a Greek letter names a form of the word before it
        if start < tok.i and self.sdoc[start].text in ("-", "/"):
            start += 1 if start == 0 or self.sdoc[start - 1].whitespace_ or self.sdoc[start - 1].is_punct else -1
        while (
            start >= 2
            and self.sdoc[start - 1].text in ("-", "/")
            and self.sdoc[start - 1].whitespace_ == ""
            and self.sdoc[start - 2].whitespace_ == ""
            and not self.sdoc[start - 2].is_punct
        ):
            start -= 2  # "IL-6-induced STAT3 phosphorylation": the glued pieces on the left too
            start = min(start, self.sdoc[start].left_edge.i)  # "T-cell co-stimulation": and their modifiers
        if tok.pos_ == "PROPN" or W.looks_like_drug(tok.text):
            for k in range(tok.i - 1, start - 1, -1):  # "In controlled trials X reduced Y": a plural noun ends a phrase before a name
                if self.sdoc[k].tag_ == "NNS" and self.sdoc[k].pos_ == "NOUN" and not self.sdoc[k].text[:1].isupper() and not self.sdoc[k].is_punct:
                    start = k + 1
                    break
        end = tok.i + 1
        if tok.lower_ in ("ability", "capacity") and tok.i + 2 < len(self.sdoc) and self.sdoc[tok.i + 1].lower_ == "to":
            clause = next((c for c in tok.rights if c.dep_ in ("acl", "relcl", "xcomp") and c.i == tok.i + 2), None)
            if clause is not None:  # "your ability to fight infections": the name is the ability's
                return start, clause.right_edge.i + 1
        if tok.lemma_.lower() in _TO_NOUNS:  # "the response to other vaccines", "resistance to infection": one name
            last = None  # (read along the words: the small pipeline often hangs "to" elsewhere)
            for k in range(tok.i + 2, min(len(self.sdoc), tok.i + 7)) if self.sdoc[min(tok.i + 1, len(self.sdoc) - 1)].lower_ == "to" else ():
                t = self.sdoc[k]
                if t.pos_ in ("NOUN", "PROPN"):
                    last = k
                elif not (t.pos_ == "ADJ" or (t.pos_ == "VERB" and t.dep_ == "amod") or (t.pos_ == "DET" and k == tok.i + 2)):
                    break
            if last is not None:
                return start, last + 1
        if tok.lemma_.lower() in W.SITE_EFFECTS:  # "infections of the nose and throat", "reactions during the infusion": one effect
            for prep in (c for c in tok.rights if c.dep_ == "prep" and c.i == tok.i + 1 and c.lower_ in ("of", "in", "during", "at", "after")):
                place = [g for g in prep.children if g.dep_ == "pobj" and normalize_word(g.lower_) in W.BODY_SITES]
                if place:  # (up to the site's own "and": "of the nose and throat, bronchitis and ...")
                    paired = [c for c in place[0].children if c.dep_ == "conj" and self.sdoc[c.i - 1].dep_ == "cc" and normalize_word(c.lower_) in W.BODY_SITES]
                    return start, (paired[0].i if paired else place[0].i) + 1
        if tok.lemma_.lower() in _SITED_NOUNS:  # "mutations in TREX1", "antibodies against CD40L": one name
            for prep in (c for c in tok.rights if c.dep_ == "prep" and c.lower_ in _SITED_NOUNS[tok.lemma_.lower()]):
                named = [g for g in prep.children if g.dep_ == "pobj" and any(ch.isupper() or ch.isdigit() for ch in g.text)]
                if named and not any(c.dep_ in ("prep", "relcl", "acl") for c in named[0].rights):
                    return start, named[0].i + 1
            for clause in (c for c in tok.rights if c.dep_ == "relcl" and c.lemma_.lower() in _AIMING and tok.lemma_.lower() in ("antibody", "autoantibody")):
                named = [g for g in clause.children if g.dep_ == "dobj" and any(ch.isupper() or ch.isdigit() for ch in g.text)]
                if named and any(c.dep_ == "nsubj" and c.tag_ == "WDT" for c in clause.children):
                    return start, named[0].i + 1  # "antibodies that block IL-7Rα": one name
        for child in tok.rights:  # "protein 40", "subunit 1"
            if child.dep_ == "nummod" and child.i == end:
                end = child.i + 1
        if (
            end + 1 < len(self.sdoc)
            and end == tok.i + 1
            and self.sdoc[end].text.isdigit()
            and len(self.sdoc[end].text) <= 2
            and self.sdoc[end].dep_ in ("dep", "npadvmod", "appos")
            and self.sdoc[end].whitespace_
            and (self.sdoc[end + 1].text in ("(", ",", ";", ".", ")") or self.sdoc[end + 1].is_sent_end)
        ):
            end += 1  # "antigen 3/dep (LFA-3)": the parse hung the name's number on the verb
        # "B-lymphocyte stimulator", "IL-6-induced": glued hyphen or slash pieces on the right
        while (
            end + 1 < len(self.sdoc)
            and self.sdoc[end].text in ("-", "/")
            and self.sdoc[end].whitespace_ == ""
            and (self.sdoc[end + 1].head.i == tok.i or (self.sdoc[end - 1].whitespace_ == "" and self.sdoc[end - 1].like_num and self.sdoc[end + 1].is_alpha))
        ):
            end += 2  # (and "phosphoinositide 3/nummod -kinase/npadvmod": a number glued to the rest of the name)
        return start, end

    def _large_amount(self, start: int, tok: Any) -> bool:
        """ "large amounts of PGD2", "huge quantities of IL-6": what is made, in its amount."""
        return tok.lower_ in _AMOUNTS and all(self.sdoc[k].lower_ in _LARGE for k in range(start, tok.i))

    def _plural_subject_before(self, tok: Any) -> bool:
        """Whether a plural noun is a subject earlier in the sentence (what "they" more likely stands for)."""
        return any(t.dep_ in ("nsubj", "nsubjpass") and t.tag_ in ("NNS", "NNPS") for t in self.sdoc[: tok.i])

    def entity(self, tok: Any) -> LexiconEntry | None:
        if tok.i in self.cache:
            return self.cache[tok.i]
        self.cache[tok.i] = None  # guards against cycles
        entry = (
            self.shared_cells(tok) or self.named.get(tok.i) or self.body_part_of(tok) or self.class_anaphor(tok) or self._entity(tok)
        )  # ("muscle and joint pain")
        self.cache[tok.i] = entry
        if entry is not None and tok.i not in self.via:
            self.state.recent.append(entry)
            del self.state.recent[:-40]
        compared = N.compared(tok)
        if (
            entry is not None
            and tok.i not in self.via
            and not compared
            and not (tok.dep_ in ("attr", "appos") and entry.origin == "text" and W.class_phrase(entry.label))
            and not (tok.dep_ == "pobj" and tok.head.lower_ == "as" and W.class_phrase(entry.label))  # "proposed as an immunomodulator"
        ):
            # a pronoun's antecedent is not seen again; nor is a class a drug is described as ("X is a DMARD"), nor a
            # drug it is compared with ("Unlike alemtuzumab, it ...; its adverse effects": not alemtuzumab's)
            self.state.saw(
                entry,
                subject=tok.dep_ in ("nsubj", "nsubjpass") and W._main_clause(tok.head),
                plural=tok.tag_ in ("NNS", "NNPS") and (tok.lower_ != entry.label.lower() or normalize_word(tok.lower_) in W._DRUG_CLASS),
            )
        return entry

    def _entity(self, tok: Any) -> LexiconEntry | None:
        low = tok.lower_
        dose_of_nothing = (
            low in ("dose", "doses")
            and tok.dep_ in ("nsubj", "nsubjpass")
            and not any(
                g.pos_ in ("PROPN", "NOUN") and g.lower_ not in _DOSE_UNITS for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
            )
        )
        if dose_of_nothing or (low in _DOSE_UNITS and tok.i > 0 and self.sdoc[tok.i - 1].like_num):  # "a daily dose of 0.5 mg lowered X": the text's drug
            agent = self.state.antecedent()
            if agent is not None:
                self.via[tok.i] = "a dose read as the last agent"
            return agent
        if low in ("we", "us", "our", "i", "you", "your") and not any(c.dep_ in ("compound", "amod", "nmod") for c in tok.children):
            return None  # the authors or the reader are no node (but "DNase I", "factor I": a name's numeral)
        if tok.tag_ in ("WDT", "WP"):
            return None
        if tok.pos_ == "PRON" and low not in W._PRONOUNS and len(tok.text) > 1 and any(ch.isupper() or ch.isdigit() for ch in tok.text):
            tok.pos_ = "PROPN"  # "PD-1/PRP": a symbol the tagger took for a pronoun
        if low in W._PRONOUNS or (tok.pos_ == "PRON" and tok.text.isalpha() and tok.text.islower()) or (low == "this" and tok.dep_ == "nsubj"):
            # ("this can ease the pain": a demonstrative subject stands for what the text is about)
            if low == "it" and tok.dep_ in ("dobj", "pobj"):  # "failed to improve X and worsened it": X
                return self.previous_object(tok)
            if low == "them" and tok.dep_ in ("dobj", "pobj"):
                return self.plural_object(tok)
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
                if agent is not None and plural and not self.state.plural.get(agent.node_id) and self._plural_subject_before(tok):
                    self.doc.unresolved.add(self.sentence.index)  # "The activated cells release X, and they ...": not the drug
                    return None
                self.via[tok.i] = f"'{tok.text}' read as the last agent"
                return agent
            return None
        if tok.pos_ not in ("NOUN", "PROPN", "X", "NUM", "ADJ", "VERB") and not W.looks_like_drug(tok.text):
            return None
        if W._fragment(tok):
            return None  # "co" of "co-activate", "anti" of "anti-CD20" is no name
        if low in ("much", "many", "more", "less", "most", "lot", "lots"):
            quantity_of = W._prep_object(tok, ("of",))  # "too much of it is made": it
            return self.entity(quantity_of) if quantity_of is not None else None
        if (
            low in ("stage", "grade")
            and tok.i + 2 < len(self.sdoc)
            and (self.sdoc[tok.i + 1].like_num or self.sdoc[tok.i + 1].text in ("I", "II", "III", "IV"))
        ):
            words = []  # "stage 3 type 1 diabetes", "grade 4 neutropenia": the disease, at its stage
            for t in self.sdoc[tok.i + 2 : tok.i + 8]:
                if t.is_punct or t.pos_ in ("ADP", "VERB", "AUX", "CCONJ"):
                    break
                words.append(t.text)
            for k in range(len(words), 0, -1):
                staged = self.doc.lexicon.lookup(" ".join(words[:k]))
                if staged is not None:
                    return staged
            if words and not words[-1][:1].isdigit():
                return self.lookup_phrase(" ".join(words))
        if normalize_word(low) in W._CLASS_NOUNS and tok.i + 1 < len(self.sdoc):
            named = self.sdoc[tok.i + 1]  # "the receptor HCA2", "the kinase JAK1" parsed as an apposition: the name
            if named.dep_ == "appos" and named.head.i == tok.i and _SYMBOL_WORD.match(named.text):
                return self.entity(named)
        start, end = self.name_span(tok)
        if any(self.sdoc[k].dep_ == "cc" and self.sdoc[k].text != "+" for k in range(start, tok.i)):  # (not "CD8+ T cells")
            return None  # "viral and bacterial diseases": shared heads are the pattern reader's
        norm = normalize_word(low)
        of = W._prep_object(tok, ("of", "to") if low in _EXPOSURE else ("of", "with", "in"))  # ("exposure to X": X)
        if low in ("gene", "genes") and start == tok.i and tok.i + 1 < len(self.sdoc) and self.sdoc[tok.i + 1].lower_ == "for":
            encoded = next((c for c in self.sdoc[tok.i + 1].children if c.dep_ == "pobj"), None)  # (however "for" was hung)
            if encoded is not None and self.entity(encoded) is not None:
                return self.entity(encoded)  # "switches on the gene for cathelicidin": cathelicidin
        if norm in _CELL_FATES and start == tok.i:  # "the growth, recruitment and survival of eosinophils": the cells
            cells = of or next((W._prep_object(c, ("of",)) for c in tok.subtree if c.dep_ == "conj" and W._prep_object(c, ("of",)) is not None), None)
            owner = self.entity(cells) if cells is not None and cells.tag_ in ("NNS", "NNPS") else None
            if owner is not None and owner.kind in (NodeKind.IMMUNE_CELL, NodeKind.NON_IMMUNE):
                return owner
        if of is None and low in WRAPPER_NOUNS:  # "the signs and symptoms of X"
            for sibling in tok.children:
                if sibling.dep_ == "conj" and sibling.lower_ in WRAPPER_NOUNS:
                    of = W._prep_object(sibling, ("of",))
        sample_only = all(self.sdoc[k].lower_ in W._SAMPLE_WORDS | _DOSE_WORDS for k in range(start, tok.i)) or (
            start < tok.i and not N.without_states(self.sdoc[start : tok.i].text)
        )  # "serum levels", "high doses", "the membrane-bound form" (of X): X
        if low in _PART_NOUNS and start < tok.i and all(N.part_word(self.sdoc[k].lower_) for k in range(start, tok.i)):
            sample_only = True  # "the alpha chain of X", "the extracellular domain of X": a part of X, named as X
        if low in _STUDY_NOUNS and start < tok.i and all(self.sdoc[k].tag_ in ("JJ", "JJR", "CD", "HYPH") for k in range(start, tok.i)):
            sample_only = True  # "earlier trials of X lowered Y": X did
        if low in _ACTIVITY_NOUNS and start < tok.i and all(self.sdoc[k].tag_ in ("JJ", "HYPH") for k in range(start, tok.i)):
            sample_only = True  # "enhances the cytotoxic activity of NK cells": the cells
        owner = next((c for c in tok.children if c.dep_ == "poss" and c.lower_ in ("its", "their")), None)
        if of is None and owner is not None and low in _LEVEL_NOUNS and sample_only:
            # "X raises its blood concentrations": the levels of the drug before, not of X
            own = {t.i for c in tok.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
            before = [t for t in self.sdoc[: owner.i] if t.dep_ in ("nsubj", "nsubjpass") and t.i not in own and t.pos_ in ("NOUN", "PROPN")]
            previous = self.state.previous_subject
            drugs = [e for e in (self.entity(t) for t in reversed(before)) if e is not None and e.kind in (NodeKind.AGENT, NodeKind.THERAPY)]
            drug: LexiconEntry | None = None
            if drugs:  # "X is a substrate of CYP3A4, and inhibitors raise its levels": X
                drug = drugs[0]
            elif before:
                drug = self.entity(before[-1])
            elif previous is not None and previous[0] == self.sentence.index - 1:
                drug = previous[1]
            else:
                drug = self.state.antecedent()
            if drug is not None:
                self.via[tok.i] = f"'{owner.text}' read as {drug.label}"
            return drug
        bare_rate = low in ("rate", "rates", "flare", "flares", "exacerbation", "exacerbations") and all(
            self.sdoc[k].tag_ in ("JJ", "VBN") for k in range(start, tok.i)
        )  # (and "flares of generalized pustular psoriasis": the disease)
        # "the (combined) rate of recurrent events": the events
        duration = low in _DURATIONS and any(c.dep_ == "nummod" or c.lower_ in ("a", "an") for c in tok.children)  # "four weeks of treatment with X"
        if (
            (low in WRAPPER_NOUNS or bare_rate or duration or low in _OF_WRAPPERS)
            and of is not None
            and (start == tok.i or sample_only or duration or bare_rate or low in ("treatment", "therapy", "risk") or self._large_amount(start, tok))
        ):
            inner = self.entity(of)
            if inner is not None:
                if tok.i in self.via or of.i in self.via:
                    self.via[tok.i] = self.via.get(of.i, "")
                return inner
        if (low in _WITH_WRAPPERS or low in ("signalling", "signaling")) and start == tok.i:  # "infection with H. polygyrus expands Tregs": the worm does
            given = W._prep_object(tok, ("with",) if low in _WITH_WRAPPERS else ("by", "through", "via"))  # ("blocks signalling by IL-12": IL-12)
            inner = self.entity(given) if given is not None else None
            if inner is not None:
                return inner
        if norm in W._FALL_NOUNS | W._RISE_NOUNS:  # "a drop in their number (neutropenia)": the change has a name
            inner = W._prep_object(tok, ("in", "of"))
            for owner in (tok, inner) if inner is not None else (tok,):
                for child in owner.rights:
                    if child.dep_ == "appos" and self.sdoc[child.i - 1].text == "(":
                        named = self.doc.lexicon.lookup(child.text)
                        if named is not None:
                            return named
        site = W._site(tok) if norm in W._SYMPTOM_NOUNS else None
        if site is not None:  # "pain in the joints", "swelling in the legs": the symptom at its site
            s_start, s_end = self.name_span(site)
            entry = self.lookup_phrase(f"{self.sdoc[start : tok.i + 1].text} in {self.sdoc[s_start:s_end].text}")
            if entry is not None:
                return entry
        if norm == "product" and tok.tag_ == "NNS" and any(c.lower_ == "their" and c.dep_ == "poss" for c in tok.children):
            genes = self.state.plural_object  # "... switches on many genes. Their products degrade X": the genes
            if genes is not None and genes[0] >= self.sentence.index - 1 and genes[1].kind is not NodeKind.AGENT:
                self.via[tok.i] = "'their products' read as the products of the last plural object"
                return genes[1]
        if norm in _DRUG_PARTS and all(self.sdoc[k].lower_ in ("one", "other", "first", "second", "each", "both") for k in range(start, tok.i)):
            agent = self.state.antecedent()  # "The other arm, an antibody fragment, binds CD3": the fusion protein does
            if agent is not None and not any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
                self.via[tok.i] = f"'{tok.text}' read as a part of {agent.label}"
                return agent
        if (
            norm in W._GENERIC
            and all(
                self.sdoc[k].lower_
                in ("first", "second", "high", "low", "single", "same", "-", "day", "week", "month", "daily", "weekly", "monthly", "short", "full")
                or self.sdoc[k].like_num
                for k in range(start, tok.i)
            )
            and any(c.dep_ == "det" for c in tok.children)
        ):
            local = self.subject_before(tok, plural=False)  # "X binds Y; by trapping Y, the antibody ...": X
            agent = local if local is not None and local.kind is NodeKind.AGENT else self.state.antecedent()
            agent = self.doc.topic if norm == "medicine" and any(c.lower_ in ("this", "your") for c in tok.children) and self.doc.topic else agent
            if norm == "antibody" and agent is not None and not W.antibody_name(agent.label):  # the last antibody named, not an antibiotic
                agent = next((e for e in reversed(self.state.recent) if e.kind is NodeKind.AGENT and W.antibody_name(e.label)), agent)
            if agent is not None:
                self.via[tok.i] = f"'the {tok.text}' read as the last agent"
                return agent
        if norm == "vaccine" and start == tok.i and any(c.lower_ in ("this", "the") for c in tok.children):
            vaccine = named_vaccine(self.doc, self.state)
            if vaccine is not None:  # "The MMR vaccine contains ... The vaccine will not protect against X": that vaccine
                self.via[tok.i] = f"'the {tok.text}' read as {vaccine.label}"
                return vaccine
        unnamed = self.doc.topic is None and self.state.antecedent() is None
        if norm == "vaccine" and start == tok.i and unnamed and any(c.lower_ in ("this", "the") for c in tok.children):
            # "This vaccine helps to protect you" in a leaflet on a vaccine it never names: the text's vaccine
            return self.doc.lexicon.lookup("vaccine") or self.state.agent("vaccine")  # (seen as named: an antecedent)
        text = self.sdoc[start:end].text
        if norm in W._CLASS_NOUNS and tok.i + 1 < len(self.sdoc):  # "the immunophilin FKBP12", "the enzyme calcineurin"
            known = self.doc.lexicon.lookup(self.sdoc[tok.i + 1].text)
            if known is not None and self.sdoc[tok.i + 1].pos_ in ("PROPN", "NOUN", "X"):
                return known
        for child in tok.rights:  # "soluble B-lymphocyte stimulator (BLyS)": a known short form
            if child.dep_ == "appos" and child.i > 0 and self.sdoc[child.i - 1].text == "(":
                known = self.doc.lexicon.lookup(child.text)
                if known is not None and self.doc.lexicon.lookup(text) is None:
                    return known
        short = self._bracketed_after(tok)
        if short is not None and self.doc.lexicon.lookup(text) is None:
            known = self.doc.lexicon.lookup(short.text)  # "... coiled-coil-containing protein/pobj kinase/appos 2 (ROCK2)"
            if known is not None:
                return known
        of_object = W._prep_object(tok, ("of",))
        if of_object is not None:  # "nuclear factor of activated T cells"
            o_start, o_end = self.name_span(of_object)
            known = self.doc.lexicon.lookup(f"{self.sdoc[start:end].text} of {self.sdoc[o_start:o_end].text}")
            if known is not None:
                return known
        if tok.dep_ == "dobj" and any(c.lower_ in ("its", "their") for c in tok.children) and norm in W._EVENT_NOUNS:
            partner = W._prep_object(tok, ("with", "to")) if norm in ("interaction", "binding") else None
            if partner is not None:  # "inhibits its interaction with the IL-23 receptor": the receptor
                return self.entity(partner)
            owner = self.previous_object(tok)  # "bind PD-1 and prevent its engagement": PD-1
            if owner is not None:
                return owner
            if start == tok.i:
                return None  # "its engagement" of nothing named: no node
        if of_object is None and low in ("need", "requirement", "demand"):
            needed = W._prep_object(tok, ("for",))  # "the need for transfusions"
            if needed is not None:
                n_start, n_end = self.name_span(needed)
                return self.lookup_phrase(f"{self.sdoc[start:end].text} for {self.sdoc[n_start:n_end].text}")
        deverbal = bool(W._DEVERBAL.search(low)) and low not in W._RELATION_NOUNS
        if of_object is not None and (norm in W._PROCESS_LEMMAS or norm in PROCESS_HEADS or deverbal):
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
            if W.looks_like_drug(text):
                return self.state.agent(text)
            if W._SYMBOL.match(text) or _NUMBERED_NAME.match(text):  # "IL-22/CD", "dectin-1/CD": a name the tagger took for a number
                return self.lookup_phrase(text)
            if (tok.tag_ == "VBG" and tok.dep_ in ("pcomp", "conj") and tok.head.lower_ in ("of", "or", "and")) or (
                tok.dep_ == "conj" and tok.head.tag_ == "VBG"
            ):
                return self.lookup_phrase(text)  # "the risk of bleeding": a gerund named as a noun
            return None
        if (
            low in ("interaction", "binding", "engagement", "ligation")
            and start == tok.i
            and any(c.dep_ == "det" and c.lower_ in ("this", "that") for c in tok.children)
        ):
            previous = self.state.previous_subject  # "X binds Y. This interaction drives Z": X
            if previous is not None and previous[0] == self.sentence.index - 1:
                self.via[tok.i] = f"'this {tok.text}' read as {previous[1].label}, the subject before"
                return previous[1]
        if (
            any(c.dep_ == "det" and c.lower_ in ("this", "these", "that", "those") for c in tok.children)
            and self.doc.lexicon.lookup(text) is None
            and norm not in N.DISEASE_NOUNS
            and not (N.event_word(low) and tok.i == self.name_span(tok)[0])
            and not (tok.dep_ == "attr" and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in tok.head.children))
        ):
            return None  # "these kinases", "this second signal": named before, no node of its own (but "it is this stage that")
        return self.lookup_phrase(text, head_word=tok)

    def entities(self, toks: Sequence[Any], *, expand: bool = True) -> list[tuple[LexiconEntry, Any]]:
        out: list[tuple[LexiconEntry, Any]] = []
        for root in toks:
            for t in self.items(root) if expand else [root]:
                if t.lower_ in W._PEOPLE or t.lemma_.lower() in W._PEOPLE:
                    for condition in self.conditions(t):  # the people treated stand for their condition
                        e = self.entity(condition)
                        if e is not None and all(e.node_id != o.node_id for o, _ in out):
                            out.append((e, condition))
                    continue
                e = self.entity(t)
                if e is not None and all(e.node_id != o.node_id for o, _ in out):
                    out.append((e, t))
                elif e is None:  # "TNF-alpha, IL-23 and IL-17 production": each with the shared head
                    of = W._prep_object(t, ("of",)) if t.lower_ in _RISKS else None  # ("the risk of bacterial and viral infections")
                    out += [(shared, t) for shared in self.shared_head(of if of is not None else t) if all(shared.node_id != o.node_id for o, _ in out)]
        return out


#: what a drug changes of a protein or a disease, which it changes by changing that ("lowers the severity
#: of eczema", "reduces the signalling of IL-4"; but "the production of X" is a process of its own)
#: a protein named by a word and a number ("dectin-1", "galectin-9")
_NUMBERED_NAME = re.compile(r"^[a-z]{3,}-\d{1,2}[a-z]?$")
#: events named by what they are with ("infection with X", "immunisation with X"): X
_WITH_WRAPPERS = frozenset(
    "infection colonisation colonization immunisation immunization vaccination inoculation exposure coadministration co-administration".split()
)
_RISKS = frozenset("risk risks incidence rate rates".split())
_OF_WRAPPERS = frozenset("severity intensity signalling signaling exposure bioavailability".split())
_EXPOSURE = frozenset({"exposure", "bioavailability"})

#: how long a drug was given ("four weeks of treatment with X": X)
_DURATIONS = frozenset("day days week weeks month months year years".split())

#: the parts of a fusion protein or bispecific drug, which act as the drug ("the other arm binds CD3")
_DRUG_PARTS = frozenset("arm moiety".split())

#: what cells or proteins do, named after them ("the cytotoxic activity of NK cells")
_ACTIVITY_NOUNS = frozenset("activity activities function functions".split())

#: studies of a drug, which stand for the drug when they find what it does ("trials of X lowered Y")
_STUDY_NOUNS = frozenset("trial trials study studies".split())

#: the parts of a protein, named after the protein ("the alpha chain of the IL-5 receptor")
_PART_NOUNS = frozenset("chain chains subunit subunits domain domains portion part region fragment pocket motif groove site".split())


#: "its levels", "their blood concentrations": the amount of the drug, which "its" stands for (where "its
#: action" after "binds X and blocks" is X's: :meth:`previous_object`).
_AMOUNTS = frozenset("amount amounts quantity quantities".split())
_LARGE = frozenset("large larger huge massive copious vast great greater".split())
_LEVEL_NOUNS = frozenset("level levels concentration concentrations amount amounts exposure count counts number numbers".split())
