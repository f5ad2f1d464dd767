"""What happens to the people given a drug, in a parse: "patients taking X develop Y", "a small
number of patients taking them develop Y", "patients treated with X are at increased risk of Y" (X
raises Y); "patients with D should receive X" (X treats D); and what was given before a change
("fell after a dose of X", "rose in patients given X"). A part of the parser-based reader
(:class:`.parsed.SentenceParse`).
"""

from __future__ import annotations

from typing import Any

from ..vocabulary import NodeKind
from . import parsewords as W
from .parsebase import _ParseBase
from .parseeffects import _COMPARED, _COURSE_NOUNS, _SHARES, _STATES
from .parsewords import _GIVING_NOUNS, _PEOPLE, _prep_object

__all__ = ["clinical"]

#: how people given a drug have less of an effect ("less severe tuberculosis", "fewer infections")
_LESS = frozenset("less fewer lower milder".split())


#: what a body makes of its own ("makes antibodies", "produce its own protection (antibodies)")
_MAKING = frozenset("make produce develop create generate form".split())


class _ParsePeople(_ParseBase):
    """What the people given a drug develop or risk, and what the people with a disease receive."""

    def own_antibodies(self, verb: Any) -> None:
        """ "After vaccination, your immune system makes antibodies against X", "This prompts your
        baby's immune system to make its own protective substances (antibodies)", "Your body
        responds by making antibodies": the text's agent (the vaccine) raises the antibodies."""
        if verb.lemma_.lower() not in _MAKING:
            return
        made = [o for o in verb.children if o.dep_ in ("dobj", "ccomp")]  # ("make its own substances (antibodies/ccomp)")
        made = [
            a
            for o in made
            for a in (o, *(c for c in o.children if c.dep_ in ("appos", "conj", "compound", "nmod")))
            if a.lemma_.lower() in ("antibody", "antibodies")
        ]  # ("its own protection (antibodies)", "antibodies and memory cells")
        holder = verb
        while holder.dep_ in ("xcomp", "ccomp", "pcomp", "prep", "advcl") and not any(c.dep_ == "nsubj" for c in holder.children):
            holder = holder.head  # "prompts X to make", "responds by making"
        holders = [c for c in holder.children if c.dep_ in ("nsubj", "dobj") and c.lemma_.lower() in ("system", "body", "you")]
        agent = self.doc.topic or self.state.antecedent()
        if made and holders and agent is not None and agent.kind in (NodeKind.AGENT, NodeKind.THERAPY):
            named = self.entity(made[0]) if made[0].dep_ == "dobj" else self.lookup_phrase(made[0].text, head_word=made[0])
            # (the whole name where it is the object: "neutralising antibodies")
            antibodies = [e for e in (named,) if e is not None and e.node_id != agent.node_id]
            self.emit_entries(verb, verb.lemma_.lower(), "+", [agent], antibodies, "what the body makes after the text's agent")

    def at_risk(self, verb: Any) -> None:
        """ "Patients treated with X are at increased risk of Y (, including Z)": X raises Y (and Z)."""
        people = [c for c in verb.children if c.dep_ == "nsubj" and (c.lower_ in _PEOPLE or c.lemma_.lower() in _PEOPLE)]
        risks = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "at" for g in p.children if g.dep_ == "pobj" and g.lemma_.lower() == "risk"]
        ofs = [q for r in risks for q in r.children if q.dep_ == "prep" and q.lower_ in ("of", "for")]
        effects = [d for q in ofs for d in q.children if d.dep_ == "pobj"]
        effects += [
            d for q in ofs for g in q.children if g.dep_ == "pcomp" and g.lemma_.lower() in ("develop", "get", "have") for d in g.children if d.dep_ == "dobj"
        ]
        if not people or not effects:
            return
        drugs = [e for e, _t in self.entities(self.given(people[0])) if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)]
        targets = [e for e, _t in self.entities(effects) if e.kind not in (NodeKind.AGENT, NodeKind.THERAPY)]
        if drugs and targets:
            self.emit_entries(verb, "at risk of", "+", drugs[:1], targets, "the people given the agent are at risk of the effect")

    def people_taking(self, verb: Any) -> None:
        """ "Some people taking X have become depressed", "patients given X developed Y": X raises Y;
        "Most patients experience Y after an instillation": the text's drug raises Y; "Patients with
        D should receive (a course of) X": X treats D."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        subjects = [_prep_object(c, ("of",)) or c if c.lemma_.lower() in _SHARES else c for c in subjects]  # "a small number of patients taking X"
        people = [c for c in subjects if c.lower_ in _PEOPLE or c.lemma_.lower() in _PEOPLE]
        if not people:
            return
        if verb.lemma_.lower() in ("receive", "get"):
            given = [c for c in verb.children if c.dep_ == "dobj"]
            given = [g for c in given for g in ([c] if c.lemma_.lower() not in _COURSE_NOUNS else self.given_in(c))]
            drugs = [e for e, _t in self.entities(given) if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)]
            if drugs:
                self.emit(
                    verb, "patients with the disease receive", "treat", ([t for e, t in self.entities(given) if e in drugs], None), self.conditions(people[0])
                )
            return
        after = self.after_giving(verb) if verb.lemma_.lower() in ("experience", "develop", "get", "exhibit", "show") else []
        if after:
            effects = [e for e, _t in self.entities([c for c in verb.children if c.dep_ in ("dobj", "attr")])]
            if effects:
                self.emit_entries(verb, f"{verb.lemma_.lower()} after", "+", after[:1], effects, "an effect after the agent was given")
            return
        givers = [
            g
            for a in people[0].children
            if a.dep_ in ("acl", "relcl") and a.lemma_.lower() in ("take", "give", "receive", "use", "treat")
            for g in (*a.children, *(d for p in a.children if p.dep_ == "prep" and p.lower_ == "with" for d in p.children))
            if g.dep_ in ("dobj", "pobj", "dative", "oprd")
        ]
        for g in givers:  # "patients who received TGN1412": what people receive is a drug
            if g.lemma_.lower() not in _COURSE_NOUNS:
                self.as_drug(g)
        agents = [e for e, _t in self.entities([g for g in givers if g.lower_ not in ("it", "them")]) if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)]
        if not agents and any(g.lower_ in ("it", "them") for g in givers):  # "patients taking them": the agent before
            agents = [a for a in [self.state.antecedent()] if a is not None and a.kind in (NodeKind.AGENT, NodeKind.THERAPY)]
        if not agents:
            return
        outcomes = [c for c in verb.children if c.dep_ in ("acomp", "attr", "dobj", "oprd")]
        sign = "+"
        if verb.lemma_.lower() == "have":  # "people taking X had a higher rate of Y (than ...)": only a comparison says so
            rated = [o for o in outcomes if o.lemma_.lower() in ("rate", "risk", "incidence", "frequency", "number")]
            compared = [a.lower_ for o in rated for a in o.children if a.dep_ == "amod" and a.lower_ in _COMPARED]
            fewer = [o for o in outcomes if o not in rated and any(a.lower_ in _LESS for a in o.subtree if a.i < o.i)]
            if not compared and not fewer:
                return
            if compared:
                sign = _COMPARED[compared[0]]
                outcomes = [g for o in rated for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
            else:  # "patients taking X may have less severe tuberculosis", "fewer infections": X lowers it
                sign, outcomes = "-", fewer
        effects = [e for e in (self.plain_name(t) for t in outcomes) if e is not None] if sign == "-" else [e for e, _t in self.entities(outcomes)]
        effects += [e for c in outcomes if c.pos_ == "ADJ" for e in [self.lookup_phrase(_STATES.get(c.lower_, ""))] if e is not None]
        if effects:
            self.emit_entries(verb, f"{verb.lemma_.lower()} (people taking the agent)", sign, agents[:1], effects, "an effect in people taking the agent")

    def given_in(self, course: Any) -> list[Any]:
        """ "an induction course of six weekly BCG instillations": the drug of a course or a dose."""
        found: list[Any] = []
        for t in course.subtree:
            if t.i == course.i or t.pos_ not in ("NOUN", "PROPN"):
                continue
            if t.lemma_.lower() in _GIVING_NOUNS | _COURSE_NOUNS:
                found += [c for c in t.children if c.dep_ in ("compound", "nmod") and c.pos_ in ("PROPN", "NOUN")]
            elif t.dep_ == "pobj":
                found.append(t)
        return found

    def given(self, verb: Any) -> list[Any]:
        """What was given before a change: "fell after a dose of X", "rose in patients given X"."""
        found: list[Any] = []
        skip = {verb.i}
        for child in verb.children:  # (the clause's own parts; but "patients who received X" keeps its clause)
            if child.dep_ in ("nsubj", "nsubjpass", "advcl", "conj", "ccomp", "mark", "punct") or (child.dep_ == "relcl" and verb.pos_ == "VERB"):
                skip.update(t.i for t in child.subtree)
        for t in verb.subtree:
            if t.i in skip:
                continue
            if t.dep_ == "prep" and t.lower_ in W._GIVEN_PREPS:
                found += [g for g in t.children if g.dep_ == "pobj"]
            elif t.pos_ == "VERB" and t.lemma_.lower() in W._GIVEN_VERBS and t.dep_ in ("acl", "relcl", "pcomp"):  # "given X", "of starting X"
                found += [g for g in t.children if g.dep_ in ("dobj", "pobj", "dative") or (g.dep_ in ("advmod", "npadvmod") and W.looks_like_drug(g.text))]
                found += [g for p in t.children if p.dep_ == "prep" and p.lower_ == "with" for g in p.children if g.dep_ == "pobj"]
        return found


def clinical(response: Any) -> bool:
    """Whether "responses" are a disease's ("induced (endoscopic) responses in D"), not an immune response ("T-cell responses")."""
    within = [g for p in response.children if p.dep_ == "prep" and p.lower_ == "in" for g in p.children if g.dep_ == "pobj"]
    within += [g for p in response.head.children if p.dep_ == "prep" and p.lower_ == "in" for g in p.children if g.dep_ == "pobj"]
    return bool(within) and not any(
        c.dep_ in ("compound", "amod") and c.lower_ not in ("endoscopic", "clinical", "complete", "partial", "durable", "overall") for c in response.children
    )
