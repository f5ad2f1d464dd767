"""Relations from a parse: negation and hedging scopes, context, and the drafted relations of the
parser-based reader (:mod:`.parsed`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from ..vocabulary import NodeKind
from . import cues as C
from . import namewords as N
from .lexicon import LexiconEntry
from .parsebase import _ParseBase
from .parsewords import (
    _CONTEXT_PREPS,
    _HEDGE_ADVERBS,
    _HEDGE_VERBS,
    _MODALS,
    _NEG_VERBS,
    _NEG_WORDS,
    _OUTCOME_PHRASES,
    _SUBJECT_EVENTS,
    _TAKING_EVENTS,
    _diseaselike,
    _prep_object,
    _relation,
    organ_only,
)
from .tokens import key_of, normalize_word
from .verbclasses import WRAPPER_NOUNS

#: nouns of a loss ("deficiency of X reduces Y": X raises Y)
_LOSS_NOUNS = frozenset(normalize_word(w) for w in "deficiency loss lack absence knockout knockdown deletion ablation defect".split())
#: what makes a mutation take a gene's function away ("null mutations in RAG1"; a mutation alone may add to it)
_LOSS_OF_FUNCTION = frozenset("null inactivating loss-of-function hypomorphic deleterious truncating nonsense biallelic".split())
_TREATED_SUBJECTS = frozenset(
    "mouse mice rat rats animal animals patient patients volunteer volunteers subject subjects cell cells monkey monkeys dog dogs".split()
)


def _mutation(tok: Any) -> bool:
    """ "mutations in RAG1", "a defect in the transporter": a change of a gene named with "in"."""
    return normalize_word(tok.lower_) in ("mutation", "defect")


def _loss(tok: Any) -> bool:
    """A subject that names a loss ("deficiency of X", "a defect in X", "null mutations in X"; not
    "mutations in X" alone, which may add to X's function and stay a node of their own)."""
    if normalize_word(tok.lower_) == "mutation":
        before = tok.doc[tok.left_edge.i : tok.i].text.lower()  # ("loss-of-function", split into five tokens)
        return any(w.lower_ in _LOSS_OF_FUNCTION for w in tok.lefts) or "loss-of-function" in before or "loss of function" in before
    return normalize_word(tok.lower_) in _LOSS_NOUNS


class _ParseEmit(_ParseBase):
    """Flags and drafted relations of a parsed sentence."""

    def negations(self, verb: Any) -> tuple[str, ...]:
        found: list[str] = []
        node = verb
        for _ in range(6):
            for child in node.children:
                if child.dep_ == "neg" or (child.lower_ in _NEG_WORDS and child.dep_ in ("advmod", "neg")):
                    found.append(child.lower_)
            if node is not verb and (node.lemma_.lower() in _NEG_VERBS or node.lower_ in ("unlikely", "improbable")):
                found.append(node.text.lower())  # (and "it is unlikely to increase X")
            if node.dep_ in ("xcomp", "aux", "auxpass") and node.head is not node:
                node = node.head
                continue
            if node.dep_ in ("pcomp", "pobj") and node.head.lower_ == "without":
                found.append("without")  # "without blocking X", "without increases in X"
            if node.dep_ in ("pcomp", "advcl") and node.i >= 2 and self.sdoc[node.i - 2].lower_ in ("rather", "instead"):
                found.append(f"{self.sdoc[node.i - 2].lower_} {self.sdoc[node.i - 1].lower_}")
            break
        if verb.i >= 2 and self.sdoc[verb.i - 2].lower_ == "no" and self.sdoc[verb.i - 1].lower_ in C.NO_LONGER:
            found.append(f"no {self.sdoc[verb.i - 1].lower_}")  # "X no longer leads to Y"
        if verb.dep_ == "conj" and any(t.lower_ == "nor" for t in self.sdoc[verb.head.i : verb.i]):
            found.append("nor")  # "It does not eliminate X, nor does it prevent Y"
        before = [t.lower_ for t in self.sdoc[: verb.i]]
        if "neither" in before and "nor" in before[before.index("neither") :] and not {",", ";"} & set(before[before.index("neither") :]):
            found.append("neither")  # "Neither A nor B changed X", however the parse hung the pair
        for child in verb.children:
            if child.dep_ in ("dobj", "nsubjpass") and any(d.lower_ == "no" for d in child.children if d.dep_ == "det"):
                found.append("no")
            if child.dep_ == "dobj" and any(d.lower_ == "little" and any(g.lower_ == "no" for g in d.subtree) for d in child.children):
                found.append("little or no")  # "had little or no effect on X"
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
        prev_dep = ""
        for _ in range(6):
            for child in node.children:
                if child.dep_ == "aux" and child.lower_ in _MODALS:
                    found.append(child.lower_)
                if child.dep_ == "advmod" and child.lower_ in _HEDGE_ADVERBS:
                    found.append(child.lower_)
                if child.dep_ == "mark" and child.lower_ == "whether":
                    found.append("whether")
            if node is not verb and node.lemma_.lower() in _HEDGE_VERBS and not (node.lemma_.lower() == "appear" and prev_dep == "advcl"):
                found.append(node.text.lower())  # (but "they appear only after X has switched on Y": appear is no hedge)
            prev_dep = node.dep_
            if node.dep_ in ("xcomp", "ccomp", "conj", "csubj", "advcl") and node.head is not node:
                if node.dep_ == "conj" and node.i == verb.i:
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
            if child.dep_ == "prep" and child.lower_ in _CONTEXT_PREPS and not any(g.lower_ in ("check", "turn", "part") for g in child.children):
                end = child.right_edge.i + 1  # (not "in check", "in turn", "in part": no place)
                end = next((t.i for t in self.sdoc[child.i : end] if t.text in (",", ";", "(")), end)  # not a clause on the place
                return self.sdoc[child.i : end].text
        return None

    def _as_treatment(self, entry: LexiconEntry, tok: Any) -> LexiconEntry:
        if entry.origin != "text" or entry.kind is not NodeKind.OUTCOME or tok.pos_ not in ("NOUN", "PROPN"):
            return entry
        drug = self.state.make_agent(entry)
        self.cache[tok.i] = drug
        self.state.saw(drug, subject=tok.dep_ in ("nsubj", "nsubjpass"))  # a drug now: what "it" and the side effects may stand for
        return drug

    def emit(
        self,
        cue_tok: Any,
        words: str,
        sign: str,
        subjects: tuple[list[Any], str | None],
        objects: list[Any],
        *,
        agents_only: bool = False,
        expand: bool = True,
        kinds: tuple[frozenset[NodeKind], frozenset[NodeKind]] | None = None,
    ) -> None:
        subject_toks, how = subjects
        subject_toks = self.event_subjects(subject_toks)
        alone = cue_tok.dep_ == "relcl" and all(t.i < cue_tok.i and t.conjuncts and all(c.i > cue_tok.i for c in t.conjuncts) for t in subject_toks)
        sources = self.entities(subject_toks, expand=not alone)  # "X, which inhibits Y, and Z, ...": X alone
        antecedent = self.state.antecedent()
        if not sources and how == "gerund" and antecedent is not None:
            sources = [(antecedent, cue_tok)]
            how = "subject of the gerund read as the last agent"
        targets = self.entities(objects, expand=expand)
        if kinds is not None:  # only these kinds of source and of target
            sources, targets = [(e, t) for e, t in sources if e.kind in kinds[0]], [(e, t) for e, t in targets if e.kind in kinds[1]]
        if sign in ("-", "+") and targets and subject_toks and all(_loss(t) for t in subject_toks):
            ofs = [p for t in subject_toks for p in t.children if p.dep_ == "prep" and (p.lower_ == "of" or p.lower_ == "in" and _mutation(t))]
            ofs += [c for p in ofs for c in p.children if c.dep_ == "conj" and c.lower_ == "of"]  # "of X or of Y"
            lost = [g for p in ofs for o in p.children if o.dep_ == "pobj" for g in self.items(o)]
            lost = lost or [
                c for t in subject_toks for c in t.children if c.dep_ in ("compound", "nmod", "nummod") and c.i == t.i - 1 and N.CLASS_SYMBOL.match(c.text)
            ]
            # ("TREM2 deficiency reduced X", "IL-10 deficiency causes colitis": the gene's name before the loss)
            lost_entries = [(e, t) for e, t in self.entities(lost) if e.kind is not NodeKind.AGENT or sign == "+"]
            if lost_entries and sign == "-":  # "deficiency of OX40 or of OX40L reduces X": what is lost is needed for X
                sources, sign, how = lost_entries, "+", "what the loss of which lowers the object raises it"
            elif lost_entries:  # "a lack of vitamin C causes scurvy": what is lost keeps it away
                sources, sign, how = lost_entries, "-", "what the loss of which causes something prevents it"
        if not sources or not targets:
            return
        if sign == "treat":  # what treats a disease is a drug, though its name was guessed to be an outcome
            sources = [(self._as_treatment(e, t), t) for e, t in sources]
        elif sign in ("-", "0") and any(e.kind is NodeKind.TARGET for e, _t in targets):
            # "Avacopan blocks C5aR1": a single unknown word that blocks or binds a target is a drug
            sources = [(self._as_treatment(e, t) if " " not in e.label else e, t) for e, t in sources]
        negations = self.negations(cue_tok)
        hedges = self.hedges(cue_tok)
        for source, s_tok in sources:
            if agents_only and source.kind not in (NodeKind.AGENT, NodeKind.THERAPY):
                continue
            if key_of(source.label)[-2:] in _OUTCOME_PHRASES:
                continue  # "the most common adverse reactions were ..., decreased appetite": a list, no cause
            for target, o_tok in targets:
                if source.node_id == target.node_id:
                    continue
                if (sign in ("+", "-") and not words.startswith("make") or source.kind is NodeKind.CONDITION) and organ_only(target.label):
                    continue  # "inflammation of the lungs, bowel, liver and kidneys", "a disease that can affect the pancreas": where, not what
                target_sign = sign
                if sign == "improve":
                    target_sign = "-" if _diseaselike(o_tok, target) else "+"
                elif sign == "control":  # "control flares" lowers them; "controls the expression of X" only acts on it
                    target_sign = "-" if _diseaselike(o_tok, target) else "0"
                elif sign == "treat":
                    if o_tok.lemma_.lower() in _TREATED_SUBJECTS:
                        continue  # "We treated mice with X": the animals or people treated are no disease
                    if target.kind in (NodeKind.AGENT, NodeKind.THERAPY) or o_tok.lemma_.lower() in ("combination", "regimen"):
                        continue  # "patients treated with the drug, X and Y", "indicated in combination with X": drugs given together
                    target_sign = "-"
                relation = _relation(words, target_sign)
                if target_sign == "0" and not negations:
                    self.state.bound.add(target.node_id)  # what a ligand binds: "the receptor", "the signal" later
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
                    source=source.node_id,
                    relation=relation,
                    target=target.node_id,
                    sentence=self.sentence,
                    confidence=round(max(0.05, min(confidence, 0.95)), 2),
                    cues=(words,),
                    hedges=hedges,
                    negations=negations,
                    mechanism=None,
                    settings=(),
                    remarks=tuple(dict.fromkeys(remarks)),
                )
                self.doc.found.append(found)
                self.emitted.setdefault(cue_tok.i, []).append(found)
                if o_tok.tag_ in ("NNS", "NNPS") or (o_tok.lower_ in WRAPPER_NOUNS and o_tok.tag_ == "NNS"):
                    self.state.plural_object = (self.sentence.index, target)

    def event_subjects(self, toks: list[Any]) -> list[Any]:
        """The subjects that name an event of something stand for what the event is of ("Binding of
        C1q activates C1r": C1q), unless the whole phrase is a curated node; an event that takes
        something away is a node named by the whole phrase ("the loss of tryptophan")."""
        out: list[Any] = []
        for tok in toks:
            taken = _prep_object(tok, ("of",)) if normalize_word(tok.lower_) in _TAKING_EVENTS and tok.pos_ in ("NOUN", "PROPN") else None
            if taken is not None and tok.i not in self.cache and self.entity(taken) is not None:
                phrase = self.sdoc[tok.i : taken.right_edge.i + 1].text  # "the loss of tryptophan": that loss, a node
                entry = self.doc.lexicon.lookup(phrase) or self.doc.candidate(phrase)
                if entry is not None:
                    self.cache[tok.i] = entry
            event = normalize_word(tok.lower_) in _SUBJECT_EVENTS and (tok.pos_ in ("NOUN", "PROPN") or tok.tag_ == "VBG")
            of = _prep_object(tok, ("of",)) if event else None
            whole = self.entity(tok) if of is not None else None
            inner = self.entity(of) if of is not None else None
            if of is None or inner is None or (whole is not None and whole.known):
                out.append(tok)
                continue
            out.append(of)
            self.via[of.i] = f"subject: what the {tok.lower_} is of"
        return out

    def emit_entries(
        self,
        cue_tok: Any,
        words: str,
        sign: str,
        sources: list[LexiconEntry],
        targets: list[LexiconEntry],
        how: str,
        *,
        denial_read: bool = False,
        subject: bool = True,
    ) -> None:
        """Relations from named entries; with ``denial_read`` the sign already says what a denial
        around the cue means ("Mice that lack X cannot make Y"), so no negation or "can" is kept."""
        hedges = self.hedges(cue_tok)
        negations = self.negations(cue_tok)
        if denial_read:
            hedges, negations = tuple(h for h in hedges if h not in ("can", "could")), ()
        for source in sources:
            self.state.saw(source, subject=subject)  # the subject of the sentence, as the parse would have had it
            for target in targets:
                if source.node_id == target.node_id:
                    continue
                confidence = 0.6 * (0.6 if hedges else 1.0) * (0.7 if negations else 1.0)
                self.doc.found.append(
                    self.found_type(
                        source=source.node_id,
                        relation=_relation(words, sign),
                        target=target.node_id,
                        sentence=self.sentence,
                        confidence=round(confidence, 2),
                        cues=(words,),
                        hedges=hedges,
                        negations=negations,
                        mechanism=None,
                        settings=(),
                        remarks=(how,),
                    )
                )

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
                    self.doc.found.append(
                        replace(
                            found,
                            source=source.node_id,
                            negations=negations,
                            confidence=0.7 * (0.7 if negations else 1.0),
                            remarks=(f"elided verb phrase of '{tok.head.text}' after '{tok.text}'",),
                        )
                    )
