"""Readers of the parser-based reader for what a drug is used, indicated, approved or authorised
for: "X is indicated for (adults with) D", "regulators approved X (Brand) for D", "granted marketing
authorisation to X for D", "X is used in D", "for the treatment of D". Each gives X treats D.
"""

from __future__ import annotations

from typing import Any

from ..vocabulary import NodeKind
from . import parsewords as W
from .lexicon import LexiconEntry
from .parsebase import _ParseBase
from .tokens import normalize_word

__all__: list[str] = []

#: what a regulator grants a drug for a disease
_APPROVAL_NOUNS = frozenset("authorisation authorization approval licence license clearance".split())


#: what a drug is approved to bring about ("for immune reconstitution in children with X")
_GOALS = frozenset("reconstitution restoration recovery engraftment mobilisation mobilization".split())


class _ParseIndications(_ParseBase):
    """What a drug is used, indicated or approved for."""

    def used_in(self, verb: Any) -> None:
        """ "X is used in multiple sclerosis", "X is given to patients with D": X treats the disease
        (only a disease: "used in combination", "given in hospital" name none)."""
        preps = [c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in ("in", "for", "to")]
        diseases = []
        objects = [g for p in preps for g in p.children if g.dep_ == "pobj"]
        objects += [
            d for p in preps for g in p.children if g.dep_ == "pcomp" and g.tag_ == "VBG" for d in g.children if d.dep_ == "dobj"
        ]  # "in relapsing/VBG multiple sclerosis"
        for g in objects:
            for t in self.conditions(g) if (g.lower_ in W._PEOPLE or g.lemma_.lower() in W._PEOPLE) else self.items(g):
                entry = self.entity(t)
                if entry is not None and W._diseaselike(t, entry):
                    diseases.append(t)
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and c.tag_ not in ("WDT", "WP")]
        if diseases and subjects:
            self.emit(verb, f"{verb.lemma_.lower()} in", "treat", (subjects, None), diseases, expand=False)

    def indicated(self, verb: Any) -> None:
        """ "X is indicated for Y", "an antibody indicated for Y": X treats Y (for the treatment of Y is the treatment noun's)."""
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("for", "in")]
        if verb.lemma_.lower() in ("approve", "license", "recommend"):  # "approved X (Brand) for Y", "for" hung on X
            preps += [p for o in verb.children if o.dep_ == "dobj" for p in o.children if p.dep_ == "prep" and p.lower_ == "for"]
            preps += [  # "recommended X, a vaccine developed at Y, for D": "for" after the appositive's comma, hung inside it
                p
                for o in verb.children
                if o.dep_ == "dobj"
                for p in o.subtree
                if p.dep_ == "prep" and p.lower_ == "for" and p.head.dep_ != "dobj" and self.sdoc[p.i - 1].text == ","
            ]
        diseases = self.indicated_for(verb, preps)
        if not diseases:
            if verb.lemma_.lower() in ("approve", "license", "recommend") and verb.tag_ in ("VBN", "VBD"):
                for named in (c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "PROPN"):
                    self.as_drug(named)  # "has approved Ixchiq for adults at risk": a drug, though no disease is named
            return
        subjects = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if not subjects and verb.dep_ == "acl":
            head = verb.head
            subjects = [c for c in head.head.children if c.dep_ == "nsubj"] if head.dep_ == "attr" else [head]
        if not subjects and verb.lemma_.lower() in ("approve", "license", "recommend"):  # "regulators approved X (Brand) for Y": X, a drug
            subjects = [c for c in verb.children if c.dep_ == "dobj"]
            named = [c for c in subjects if normalize_word(c.lower_) not in W._GENERIC | {"therapy"}]
            subjects = named or subjects  # (not "..., the first therapy of its kind" the parse hung on the verb)
        made = [self.as_drug(s) for s in subjects]  # what is indicated, approved or recommended for a disease is a drug
        self.emit(verb, "indicated for", "treat", (subjects, None), diseases, agents_only=True)
        self.emit(verb, "indicated for", "+", (subjects, None), self.goals, agents_only=True)
        if verb.lemma_.lower() in ("approve", "license") and made:
            self.approved_topic(made[0] or self.entity(subjects[0]))

    def approval(self, verb: Any) -> None:
        """ "granted marketing authorisation to X for D", "X received approval for D": X treats D."""
        nouns = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in _APPROVAL_NOUNS]
        if not nouns:
            return
        holders = [verb, *nouns]
        if verb.lemma_.lower() in ("receive", "win", "gain", "obtain", "get"):
            drugs = [c for c in verb.children if c.dep_ == "nsubj"]
        else:
            drugs = [g for h in holders for p in h.children if p.dep_ in ("prep", "dative") and p.lower_ == "to" for g in p.children if g.dep_ == "pobj"]
        preps = [p for h in (*holders, *drugs) for p in h.children if p.dep_ == "prep" and p.lower_ == "for"]
        diseases = self.indicated_for(verb, preps)
        if drugs and diseases:
            made = [self.as_drug(d) for d in drugs]
            self.emit(verb, "indicated for", "treat", (drugs, None), diseases, agents_only=True)
            self.emit(verb, "indicated for", "+", (drugs, None), self.goals, agents_only=True)
            self.approved_topic(made[0] or self.entity(drugs[0]))

    def approved_topic(self, approved: LexiconEntry | None) -> None:
        """What a regulator approved is what the text is about, when nothing else is yet."""
        if self.doc.topic is None and approved is not None and approved.kind in (NodeKind.AGENT, NodeKind.THERAPY):
            self.doc.topic = approved

    def indicated_for(self, verb: Any, preps: list[Any]) -> list[Any]:
        """The diseases of "for (adults with) D", "for the treatment of D", "in D" (and, in
        ``self.goals``, what the drug is given to bring about: "for immune reconstitution")."""
        self.goals: list[Any] = []
        preps = preps + [g for p in preps for g in p.children if g.dep_ == "conj" and g.lower_ in ("for", "in")]  # "for X and for Y"
        diseases: list[Any] = []
        for c in preps:
            for g in c.children:
                if g.dep_ == "pcomp":  # "indicated for reducing relapses in patients with MS": MS
                    people = [t for t in g.subtree if t.dep_ == "pobj" and t.head.lower_ == "in" and (t.lemma_.lower() in W._PEOPLE or t.lower_ in W._PEOPLE)]
                    diseases += [d for t in people for w in t.children if w.dep_ == "prep" and w.lower_ == "with" for d in w.children if d.dep_ == "pobj"]
                if g.dep_ != "pobj" or g.lower_ in W._WHEN_OR_WHERE or g.like_num:
                    continue  # ("approved X in March", "in Europe", "in 2024": no disease)
                if g.lemma_.lower() in _GOALS:  # "for immune reconstitution in children with congenital athymia": raises it, treats the disease
                    self.goals.append(g)
                    people = [t for p in g.children if p.dep_ == "prep" and p.lower_ == "in" for t in p.children if t.lemma_.lower() in W._PEOPLE]
                    diseases += [d for t in people for d in self.conditions(t)]
                    continue
                if g.lemma_.lower() in W._PEOPLE or g.lower_ in W._PEOPLE:  # "indicated for adults with plaque psoriasis"
                    withs = [w for w in g.children if w.dep_ == "prep" and w.lower_ == "with"]
                    withs = withs or [w for w in verb.children if w.dep_ == "prep" and w.lower_ == "with" and w.i > g.i]  # (hung on the verb)
                    if not withs:  # "Adults with SLE have a new option after regulators approved X for patients": the people named before
                        withs = [w for t in self.sdoc[: verb.i] if t.lemma_.lower() in W._PEOPLE for w in t.children if w.dep_ == "prep" and w.lower_ == "with"]
                    diseases += [d for w in withs for d in w.children if d.dep_ == "pobj"] or self.conditions(g)  # ("aged 2 and older with D")
                elif g.lemma_.lower() in W._CARE_NOUNS or g.lower_ in W._CARE_NOUNS:  # "indicated for prophylaxis of organ rejection"
                    diseases += [d for w in g.children if w.dep_ == "prep" and w.lower_ == "of" for d in w.children if d.dep_ == "pobj"]
                elif g.lemma_.lower() != "use":
                    diseases.append(g)
        return diseases

    def treatment_noun(self, noun: Any) -> None:
        """ "indicated for (the treatment of) X", "used for the maintenance treatment of X", "remission in X"."""
        diseases = [g for p in noun.children if p.dep_ == "prep" and p.lower_ in ("of", "in") for g in p.children if g.dep_ == "pobj"]
        if not diseases:
            return
        prep = noun.head
        verb = prep.head
        for _ in range(4):  # "used with other medicines for the treatment of X": the parser hung "for" on the noun
            if verb.pos_ in ("VERB", "AUX") or verb.dep_ not in ("pobj", "prep"):
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX"):
            return
        if noun.lemma_.lower() == "remission" and verb.lemma_.lower() not in ("induce", "achieve", "maintain", "produce"):
            return
        subjects = self.subject(verb)
        if W._is_passive(verb) and verb.lemma_.lower() in ("indicate", "use", "approve", "prescribe", "license", "give", "recommend", "consider"):
            subjects = ([c for c in verb.children if c.dep_ == "nsubjpass"], None)
        if verb.lemma_.lower() in ("induce", "achieve", "produce", "maintain") and noun.lemma_.lower() == "remission":
            self.emit(verb, f"{verb.lemma_} remission", "-", subjects, diseases)
        elif noun.lemma_.lower() == "treatment":
            self.emit(verb, "treatment of", "-", subjects, diseases, agents_only=True)
