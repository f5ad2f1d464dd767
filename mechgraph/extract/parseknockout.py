"""Genetic evidence in a parse: what animals or cells that lack a gene do or suffer ("Mice that lack
pIgR cannot export IgA", "Mice deficient in DR3 resist EAE", "Mice lacking IL-10 develop colitis",
"IL-10-deficient mice develop colitis"). The loss tells what the gene does: what the animals lack
or make less of, the gene raises; a disease they develop or are more prone to, the gene keeps away;
one they resist, the gene promotes. A part of the parser-based reader (:class:`.parsed.SentenceParse`).
"""

from __future__ import annotations

import re
from typing import Any

from ..vocabulary import NodeKind
from . import parsewords as W
from .parsebase import _ParseBase
from .tokens import normalize_word
from .verbclasses import VERB_SIGNS

__all__: list[str] = []

#: who a loss is stated of: animals, people and cells
_HOLDERS = frozenset(
    normalize_word(w) for w in "mouse mice rat rats animal animals cell cells patient patients people child children individual individuals".split()
)
#: what the holders develop or suffer: the gene keeps it away
_SUFFER = frozenset("develop get suffer acquire succumb die cause".split())  # ("T cells that lacked X caused more severe EAE")
#: what the holders make or have: fewer of it means the gene raises it
_HAVE = frozenset("have make produce express form generate export secrete contain carry release mount show exhibit display build".split())
_LOSE = frozenset("lose".split())
_GATHER = frozenset("accumulate amass".split())
#: how a text says a gene is gone ("in which X is deleted") or broken ("a defective copy of X")
_DELETED = frozenset("deleted absent missing knocked inactivated".split())
_LOSS_KINDS = frozenset("defective null frameshift nonsense inactivating".split())
#: cells named by their kind, which can hold a loss too ("macrophages that lack Irg1")
_SYMBOL = re.compile(r"^(?=.*\d)[A-Za-z][A-Za-z0-9-]{1,9}$")
_CELL_HOLDER = re.compile(r"^[a-z]+(?:cytes|phages|phils|blasts)$")
#: what the holders fail to do to a pathogen or a disease: the gene does it ("fail to control X")
_CONTROL = frozenset("control clear eliminate contain limit restrict".split())
_RESIST = frozenset("resist".split())
_FEWER = frozenset("no few fewer less little reduced lower low decreased impaired diminished milder smaller weaker attenuated".split())
#: how grave a finding is, after "less" or "more" ("less severe colitis"): no part of its name
_GRAVITY = frozenset("severe serious marked pronounced extensive".split())
_MORE = frozenset("more higher increased excess excessive elevated greater enhanced stronger worse exaggerated heightened longer lasting".split())
_SPARED = frozenset("resistant protected immune".split())
_LOSS_WORDS = ("-deficient", "-null", "-knockout", "-/-")
_DEGREE = frozenset("much far very almost".split())
_ANIMALS = frozenset("mouse mice rat rats animal animals".split())
_INBORN = frozenset("inherited congenital complete partial severe genetic primary".split())
#: what a cell fails to do without a signal ("thymocytes cannot develop", "Ras is poorly activated")
_FORMING = frozenset("develop form differentiate respond".split())
_RESPONDING = frozenset("activate induce stimulate".split())
_POORLY = frozenset("poorly barely hardly scarcely".split())


def _listed(tok: Any) -> bool:
    """Whether the modifiers of a name are a list ("B or T cells"; not "attaching-and-effacing")."""
    return any(w.lower_ in ("and", "or") and w.whitespace_ and w.nbor(-1).whitespace_ for w in tok.doc[tok.left_edge.i : tok.i])


class _ParseKnockout(_ParseBase):
    """The reader of what a loss of function shows."""

    def knockout(self, verb: Any) -> bool:
        """ "Mice that lack X form no NETs": X raises NETs (see the module's docstring). Whether the
        verb was read so."""
        genes = self.lost_before(verb)
        found = self.shown(verb) if genes else None
        how = "what animals or cells that lack it show"
        if found is None:
            genes, found = self.fronted_loss(verb)
            how = "what happens without it"
        if found is None:
            return False
        sign, objects = found
        named = [(t, self.plain_name(t)) for o in objects for t in (o, *o.conjuncts)]
        shared = [
            t
            for t, n in named
            if n is None
            and all(
                w.pos_ in ("ADJ", "CCONJ", "PUNCT", "VERB") or (w.dep_ == "det" and w.lower_ in _FEWER) or (w.pos_ == "NOUN" and _listed(t)) for w in t.lefts
            )
        ]  # "pneumococcal and staphylococcal infections", "no mature B or T cells"
        targets = [e for _t, e in named if e is not None] + [e for t in shared for e in self.shared_head(t)]
        # ("cannot export": the sign says what the denial means, so no negation and no "can" hedge)
        self.emit_entries(verb, verb.lemma_.lower(), sign, genes, targets, how, denial_read=True, subject=False)
        return bool(targets)

    def fronted_loss(self, verb: Any) -> tuple[list[Any], tuple[str, list[Any]] | None]:
        """ "Without IL-7 signalling, thymocytes cannot survive", "In the absence of CD28, Ras is poorly
        activated": what the subject fails to do without X, X supports ("Without X, T cells expand":
        X restrains them); what it does to an object reads as a knockout's would ("Without X, mice
        develop colitis"). (the lost names, (sign, targets)), or ([], None)."""
        head = verb.head if verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") else verb
        doc = verb.doc
        marks = [
            p.i if p.lower_ == "without" else next((q.i for a in p.children for q in a.children if q.lower_ == "of"), -1)
            for p in head.children
            if p.dep_ == "prep" and p.i < head.i and (p.lower_ == "without" or (p.lower_ == "in" and any(a.lemma_ == "absence" for a in p.children)))
        ]
        if not marks or marks[0] < 0:
            return [], None
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN") and c.i > marks[0]]
        if not subjects:  # (one the parse hung inside the phrase is repaired: clauserepair.subjects_taken_into_fronted_losses)
            return [], None
        comma = next((k for k in range(marks[0] + 1, subjects[0].left_edge.i) if doc[k].text == ","), None)
        end = comma if comma is not None else subjects[0].left_edge.i
        names = [re.sub(r"^(?:the|a|an|its|their)\s+", "", n.strip()) for n in re.split(r"\b(?:and|or)\b|,", doc[marks[0] + 1 : end].text) if n.strip()]
        entries = [self.lookup_phrase(n) for n in names]  # (read along the words: "Without IL-15/PRP signalling/VBG, ...")
        genes = [e for e in entries if e is not None and e.kind not in (NodeKind.AGENT, NodeKind.THERAPY)]
        if not genes:
            return [], None
        found = self.shown(verb)
        if found is not None:
            return genes, found
        lemma = verb.lemma_.lower()
        own = [c for c in verb.children if c.dep_ in ("aux", "neg", "auxpass", "advmod")]
        denied = any(c.dep_ == "neg" or c.lower_ in ("cannot", "never") or c.lower_ in _POORLY for c in (own if own or verb.i == head.i else head.children))
        if lemma == "fail":  # "In the absence of IL-2, Tregs fail to survive"
            lemma, denied = next((c.lemma_.lower() for c in verb.children if c.dep_ == "xcomp"), lemma), True
        if lemma in W._THRIVE_VERBS | _FORMING or (lemma in _RESPONDING and any(c.dep_ == "auxpass" for c in head.children)):
            if denied:
                return genes, ("+", subjects)
            return ([], None) if lemma in _FORMING | _RESPONDING else (genes, ("-", subjects))
        if lemma in W._PERISH_VERBS - {"stop"} and not denied:
            return genes, ("+", subjects)
        return [], None

    def lost_before(self, verb: Any) -> list[Any]:
        """The genes the subject of ``verb`` is said to lack, read from the words before it ("Mice
        that lack X", "Mice lacking X or Y", "Mice deficient in X", "X-deficient mice"), however the
        small pipeline parsed them."""
        doc = verb.doc
        own = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
        lost = own and own[0].left_edge.i > 0 and doc[own[0].left_edge.i - 1].lower_ in ("lack", "lacks", "lacked", "lacking", "without")
        if own and not lost and verb.dep_ in ("ccomp", "advcl") and normalize_word(own[0].lower_) not in _HOLDERS and not _CELL_HOLDER.match(own[0].lower_):
            return []  # "Mice without X die of Y, which suggests that the pathway restrains Z": the pathway's verb
        words = [t.lower_ for t in doc[: verb.i]]
        for k in range(len(words) - 1, -1, -1):
            other = doc[k].dep_ in ("nsubj", "nsubjpass") and doc[k].pos_ in ("NOUN", "PROPN") and k < doc[k].head.i < verb.i  # (not "they")
            if other and doc[k].head.dep_ not in ("relcl", "acl") and normalize_word(words[k]) not in _HOLDERS:
                return []  # "..., and murine cytomegalovirus escapes the pathway with vIRA, a protein that blocks X": another clause
            if normalize_word(words[k]) not in _HOLDERS and not _CELL_HOLDER.match(words[k]):
                continue  # ("macrophages that lack Irg1 release more IL-6")
            rest = words[k + 1 :]
            if rest[:1] in (["that"], ["which"], ["who"]) and rest[1:2] in (["lack"], ["lacks"], ["lacked"]):
                start = k + 3
            elif rest[:1] == ["lacking"] or (rest[:1] == ["without"] and words[k] in _ANIMALS):  # ("Mice without Nrf2 die of X")
                start = k + 2
            elif rest[:1] == ["with"] and any(w in ("mutation", "mutations") for w in rest[1:5]):  # "Mice with the lpr mutation of Fas or with ..."
                if any(w in ("gain", "activating", "gain-of-function") for w in rest[1:6]):
                    return []  # (a mutation that raises what the gene does)
                marks = [j for j in range(k + 2, verb.i - 1) if doc[j].lower_ in ("mutation", "mutations") and doc[j + 1].lower_ in ("of", "in")]
                ends = [
                    next(
                        (
                            j
                            for j in range(m + 2, verb.i)
                            if doc[j].lower_ in ("or", "and", ",") or doc[j].pos_ in ("VERB", "AUX") or doc[j].tag_.startswith("VB")
                        ),
                        verb.i,
                    )
                    for m in marks
                ]
                entries = [self.lookup_phrase(re.sub(r"^(?:the|a|an)\s+", "", doc[m + 2 : e].text)) for m, e in zip(marks, ends, strict=True)]
                return [e for e in entries if e is not None and e.kind not in (NodeKind.AGENT, NodeKind.THERAPY)]
            elif rest[:1] == ["whose"] and any(w in ("lack", "lacks", "lacked") for w in rest[1:5]):  # "mice whose macrophages lack X"
                start = k + 1 + next(j for j, w in enumerate(rest) if w in ("lack", "lacks", "lacked")) + 1
            elif rest[:2] == ["in", "which"] and any(w in _DELETED for w in rest[2:9]):  # "Mice in which CTLA-4 is deleted only in Tregs"
                cut = k + 3 + next(j for j, w in enumerate(rest[2:9]) if w in ("is", "are", "was", "were", "has", "have") or w in _DELETED)
                deleted = [self.lookup_phrase(n.strip()) for n in re.split(r"\b(?:and|or)\b|,", doc[k + 3 : cut].text) if n.strip()]
                return [e for e in deleted if e is not None and e.kind not in (NodeKind.AGENT, NodeKind.THERAPY)]
            elif (
                (carry := rest[1:] if rest[:1] == [","] else rest)[:1] in (["who"], ["which"], ["that"])
                and carry[1:2] in (["carry"], ["carries"])
                and any(w in _LOSS_KINDS for w in carry[2:6])
            ):  # "people who carry one defective copy of CTLA4", "Scurfy mice, which carry a frameshift mutation in Foxp3"
                of = next((j for j in range(k + 3, min(k + 10, verb.i)) if doc[j].lower_ in ("of", "in")), None)
                end = next((j for j in range(of + 1, verb.i) if doc[j].text == "," or doc[j].pos_ in ("VERB", "AUX")), verb.i) if of is not None else None
                entry = self.lookup_phrase(doc[of + 1 : end].text) if of is not None and end is not None else None
                return [entry] if entry is not None and entry.kind not in (NodeKind.AGENT, NodeKind.THERAPY) else []
            elif rest[:2] == ["born", "without"]:  # "people born without (working) DPP1"
                start = k + 3 + (len(rest) > 2 and rest[2] in ("working", "functional", "functioning", "a", "any"))
            elif rest[:2] in (["deficient", "in"], ["deficient", "for"]):
                start = k + 3
            elif rest[:1] == ["with"] and "deficiency" in rest[1:4] and rest[rest.index("deficiency") + 1 : rest.index("deficiency") + 2] == ["of"]:
                first = k + 1 + rest.index("deficiency") + 2  # "Children with inherited deficiency of the IL-12 receptor or of X develop ...": X
                cut = next((j for j in range(first, verb.i) if doc[j].pos_ in ("VERB", "AUX")), verb.i)
                named = re.sub(r"\b(?:or|and) of\b|\bor\b|\band\b", ",", doc[first:cut].text)
                entries = [self.lookup_phrase(re.sub(r"^(?:the|a|an)\s+", "", n.strip())) for n in named.split(",") if n.strip()]
                return [e for e in entries if e is not None and e.kind not in (NodeKind.AGENT, NodeKind.THERAPY)]
            elif (
                rest[:1] == ["with"]
                and "deficiency" in rest[:7]
                and (
                    set(rest[1:3]) & _INBORN
                    or words[k] in _ANIMALS
                    or (self.state.paragraph_agent is None and self.doc.topic is None and not any(self.drug_word(t) for t in doc))
                )
            ):  # "children with inherited MyD88 deficiency", "people with ICOS deficiency" (in a text on no drug)
                first = k + 2 + sum(1 for w in rest[1:3] if w in _INBORN)
                cut = k + 1 + rest.index("deficiency")
                named = doc[first:cut].text.replace(" or ", ", ").replace(" and ", ", ")
                entries = [self.lookup_phrase(n.strip()) for n in named.split(",") if n.strip()]
                return [e for e in entries if e is not None and e.kind not in (NodeKind.AGENT, NodeKind.THERAPY)]
            elif rest[:1] == ["fed"] and "deficient" in rest and rest.index("deficient") <= 6:  # "mice fed a vitamin A-deficient diet"
                cut = k + 1 + rest.index("deficient")
                first = k + 2 + (rest[1] in ("a", "an"))
                named = doc[first : cut - 1 if words[cut - 1] in ("-", "‐") else cut].text
                entry = self.lookup_phrase(named) if named else None
                return [entry] if entry is not None and entry.kind not in (NodeKind.THERAPY,) else []
            elif rest[:4] in (["that", "are", "deficient", "in"], ["that", "were", "deficient", "in"]):
                start = k + 5
            elif k >= 1 and (words[k - 1].endswith(_LOSS_WORDS) or (words[k - 1] == "deficient" and k >= 3 and words[k - 2] in ("-", "‐"))):
                named = doc[k - 3] if words[k - 1] == "deficient" else doc[k - 1]  # "IL-10 - deficient mice", "Il10-/- mice"
                first = named.i
                while first >= 2 and doc[first - 1].text in ("-", "‐") and not doc[first - 1].whitespace_ and not doc[first - 2].whitespace_:
                    first -= 2  # "Siglec-F-deficient mice": the whole glued name
                text = doc[first : named.i + 1].text
                for ending in _LOSS_WORDS:
                    text = text[: -len(ending)] if text.lower().endswith(ending) else text
                entry = self.lookup_phrase(text)
                return [entry] if entry is not None and entry.kind not in (NodeKind.AGENT, NodeKind.THERAPY) else []
            else:
                continue  # ("mice that lack X lose most T cells and have fewer Y": the holder further back)
            end = next(
                (
                    j
                    for j in range(start, verb.i)
                    if (doc[j].pos_ in ("AUX", "VERB") and not _SYMBOL.match(doc[j].text))  # (not "Nrf2/VBD")
                    or doc[j].lower_ in ("can", "cannot", "not", ",", "still", "also", "often", "usually")
                ),
                verb.i,
            )  # ("Patients who lack AID still make IgM": the name ends before the adverb)
            names = [re.sub(r"^(?:the|a|an|its|their|both)\s+", "", n.strip()) for n in re.split(r"\b(?:and|or)\b|,", doc[start:end].text) if n.strip()]
            entries = [self.lookup_phrase(n) for n in names]
            if entries == [None] and end - start == 2 and doc[start].lower_ in ("the", "this", "that"):
                entries = [self.entity(doc[start + 1])]  # "mice that lack the receptor": the receptor the text is about
            return [e for e in entries if e is not None and e.kind not in (NodeKind.AGENT, NodeKind.THERAPY)]
        return []

    def drug_word(self, tok: Any) -> bool:
        """Whether a word names a drug (by its shape, as the lexicon knows it, or as what people take)."""
        entry = self.doc.lexicon.lookup(tok.text) if tok.pos_ in ("NOUN", "PROPN") else None
        taken = tok.dep_ == "dobj" and tok.head.lemma_.lower() in ("take", "receive", "use")  # "when they take dapsone"
        return taken or W.looks_like_drug(tok.text) or (entry is not None and entry.kind in (NodeKind.AGENT, NodeKind.THERAPY))

    def plain_name(self, tok: Any) -> Any:
        """The name at ``tok`` without the amount words before it ("much less insulin": insulin)."""
        start, end = self.name_span(tok)
        start = max(start, tok.left_edge.i)  # (never the words of the clause before it: "susceptible to")
        amount = {
            t.i
            for t in tok.doc[start:end]
            if t.lower_ in _FEWER | _MORE | _DEGREE or (t.lower_ in _GRAVITY and t.i > 0 and tok.doc[t.i - 1].lower_ in _FEWER | _MORE)
        }
        joins = {t.i for t in tok.doc[start:end] if t.pos_ in ("CCONJ", "PUNCT") and {t.i - 1, t.i + 1} & amount}  # "stronger and longer-lasting X": X
        words = [t for t in tok.doc[start:end] if t.i not in amount | joins]
        if not words:
            return None
        whole = len(words) == end - start and start == self.name_span(tok)[0]
        return self.entity(tok) if whole else self.lookup_phrase(" ".join(t.text for t in words), head_word=tok)

    def shown(self, verb: Any) -> tuple[str, list[Any]] | None:
        """(the gene's sign, the objects) of what the holders of a loss do or are, or None."""
        lemma = verb.lemma_.lower()
        if lemma == "fail":  # "Mice deficient in RIPK3 fail to control vaccinia virus": the gene keeps it down
            acts = [c for c in verb.children if c.dep_ == "xcomp" and c.lemma_.lower() in _CONTROL | _HAVE]
            objects = [o for a in acts for o in a.children if o.dep_ == "dobj"]  # ("fail to form granulomas": the gene makes them)
            if [o.lemma_.lower() for o in objects] == ["infection"]:  # "fail to control infection with X": X (however "with" was hung)
                pathogens = [
                    g for h in (*acts, *objects) for p in h.children if p.dep_ == "prep" and p.lower_ == "with" for g in p.children if g.dep_ == "pobj"
                ]
                objects = pathogens or objects
            return ("-" if acts[0].lemma_.lower() in _CONTROL else "+", objects) if objects else None
        negated = any(c.dep_ == "neg" or c.lower_ in ("cannot", "never") for c in verb.children)
        objects = [c for c in verb.children if c.dep_ == "dobj" or (c.dep_ == "ccomp" and c.pos_ == "NOUN")]  # ("make little type I interferon/ccomp")
        if lemma in _HAVE and not objects:  # "show far less/RBR swelling/VBG(ccomp)": a noun the parse took for a clause
            objects = [c for c in verb.children if c.dep_ == "ccomp" and c.tag_ == "VBG" and any(a.lower_ in _FEWER | _MORE for a in c.children)]
            for c in objects:
                c.tag_, c.pos_, c.dep_ = "NN", "NOUN", "dobj"
        if lemma in _SUFFER and not objects:  # "suffer from severe infections", "succumb to M. tuberculosis infection", "die by ferroptosis"
            objects = [g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("from", "of", "to", "by") for g in p.children if g.dep_ == "pobj"]
        if lemma in _GATHER and objects and not negated:  # "the cells accumulate lipid peroxides": the gene keeps them down
            return "-", objects
        if lemma == "be":
            for attr in (c for c in verb.children if c.dep_ == "acomp"):
                targets = [g for p in attr.children if p.dep_ == "prep" and p.lower_ in ("to", "from", "against") for g in p.children if g.dep_ == "pobj"]
                if any(c.dep_ == "neg" for c in (*attr.children, *verb.children)):
                    return None  # "they are not unusually prone to viral infections"
                less = any(c.lower_ == "less" for c in attr.children)  # "less susceptible to arthritis": the gene drives it
                if targets and attr.lower_ in W._PRONE:
                    return ("+" if less else "-"), targets
                if targets and attr.lower_ in _SPARED:
                    return ("-" if less else "+"), targets
            return None
        if not objects:
            return None
        if lemma in _LOSE:  # "lose most T cells from the gut": the gene keeps them
            return ("-" if negated else "+"), objects
        if lemma in _RESIST:
            return ("-" if negated else "+"), objects
        amount = {c.lower_ for o in objects for c in o.subtree if c.i < o.i and c.dep_ in ("det", "amod", "advmod", "nummod", "compound")}
        # ("milder/NN(compound) arthritis")
        if lemma in _SUFFER:  # "develop colitis" (the gene keeps it away), "develop much less airway inflammation" (it drives it)
            return ("+" if negated or amount & _FEWER else "-"), objects  # ("do not develop fever": the gene drives it)
        if lemma in _HAVE:
            if negated or amount & _FEWER:
                return "+", objects
            if amount & _MORE:
                return "-", objects
            return None
        if lemma in _CONTROL and negated:  # "Mice that lack iNOS cannot control infection with X": the gene keeps X down
            return "-", objects
        sign = VERB_SIGNS.get(lemma)
        if sign in ("+", "-") and not negated:
            return ("-" if sign == "+" else "+"), objects  # what the loss raises, the gene lowers
        return None
