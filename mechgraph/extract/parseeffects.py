"""Readers of the parser-based reader for what labels and textbooks state without a cue verb:
adverse effects ("The most common side effects were X and Y", "Other toxicities of X include
..."), effects seen more often with a drug ("X occurred more often with this agent than with
placebo"), and conversions ("CYP enzymes hydroxylate X to Y", "X breaks down to Y and Z").
"""

from __future__ import annotations

from typing import Any

from ..vocabulary import NodeKind
from . import cues as C
from . import namewords as N
from . import parsewords as W
from .lexicon import LexiconEntry
from .lists import LIST_REASON
from .parsebase import _ParseBase
from .parseflat import LEVEL_CHANGES as _LEVEL_CHANGES
from .parsewords import _ADVERSE_WORDS, _FALL_NOUNS, _GIVING_NOUNS, _PEOPLE, _RISE_NOUNS, _prep_object
from .tokens import normalize_word

__all__: list[str] = []

_WARNERS = frozenset(normalize_word(w) for w in "label leaflet labelling labeling information warning agency regulator fda ema".split())
#: heads of a phrase that names adverse effects: "side effects", "adverse reactions" (with the adjective);
#: "toxicities", "complications" (on their own)
_ADVERSE_HEADS = frozenset({"effect", "event", "reaction"})
_HARM_HEADS = frozenset({"toxicity", "toxicitie", "complication"})
#: harms a label lists after "Reported ..." ("Reported malignancies include lymphoma")
_REPORTED_HEADS = frozenset({"infection", "malignancy", "cancer", "tumor", "lymphoma", "event", "reaction", "effect"})
_OFTEN = frozenset("often frequently commonly common frequent".split())
_COMPARED = {"higher": "+", "increased": "+", "greater": "+", "lower": "-", "reduced": "-", "decreased": "-"}
#: what a dose, an infusion or the use of a drug is: "occurred after administration of X"
_COURSE_NOUNS = frozenset("course courses cycle cycles regimen dose doses instillation instillations infusion infusions".split())
#: adjectives of a state that name an adverse effect: "have become depressed" is depression
_STATES = dict(zip("depressed anxious dizzy drowsy tired sick confused".split(), "depression anxiety dizziness drowsiness fatigue nausea confusion".split()))
#: "X had no effect on Y", "X had an inhibitory effect on Y", "X showed no benefit in D"
_EFFECT_NOUNS = frozenset("effect effects influence impact activity action".split())
_EFFECT_SIGNS = {
    **dict.fromkeys("inhibitory suppressive negative antagonistic protective".split(), "-"),
    **dict.fromkeys("stimulatory positive activating agonistic enhancing".split(), "+"),
}
#: a share of a group ("in 10% of patients", "in a third of people")
_SHARES = frozenset(
    "% percent per cent third half quarter fifth tenth most many some few all majority minority proportion number share fraction percentage".split()
)
#: the gerunds of a leaflet's states ("being sick", "feeling dizzy")
_STATE_GERUNDS = frozenset("being feeling".split())
#: words that open a clause after an item's effect ("... when the drops are put in"; "where" names the site: part of the effect)
_ITEM_CLAUSES = frozenset("when while after because".split())


class _ParseEffects(_ParseBase):
    """Adverse effects, effects seen more often with a drug, and conversions."""

    def adverse_subject(self, verb: Any) -> Any:
        """The phrase naming adverse effects that is the subject of ``verb`` (a copula or
        "include"), or None. A subject the small pipeline hung on a participle before the copula
        ("The adverse reactions reported/ROOT most often ... were/ccomp X") counts too."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]  # (one after the copula is its complement)
        if subjects and subjects[0].left_edge.i > 0 and self.sdoc[subjects[0].left_edge.i - 1].tag_ == "IN":
            subjects = []  # "Events reported/ROOT more often with X than with placebo/nsubj included/conj Y": the events
        if not subjects and verb.dep_ in ("ccomp", "conj") and verb.head.i < verb.i:
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj" and c.i < verb.i and c.pos_ in ("NOUN", "PROPN")]
            if not subjects and verb.head.dep_ in ("relcl", "acl") and verb.head.head.pos_ == "NOUN":
                subjects = [verb.head.head]  # "The most common adverse reactions, each reported by 40%, were X": the reactions
        if not subjects and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < verb.i for c in verb.children):
            # "The adverse reactions observed/ROOT most often during ... were/advcl X": the phrase
            # before the copula that names adverse effects, whatever the parse hung it on
            subjects = [t for t in self.sdoc[: verb.i] if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN"][-1:]  # (the nearest: "When X was given, ...")
        if not subjects:
            return None
        head = subjects[0]
        word = normalize_word(head.lower_)
        if word in _HARM_HEADS or head.lower_ in ("toxicities", "complications"):
            return head
        if word in _ADVERSE_HEADS and any(c.lower_ in _ADVERSE_WORDS for c in head.lefts):
            return head
        if word in _REPORTED_HEADS and any(c.lower_ in ("reported", "observed", "described") for c in head.lefts):
            return head  # "Reported infections include active tuberculosis": the drug's, each one
        return None

    def adverse_effects(self, verb: Any) -> None:
        """ "The commonest side effects were rash and a fall in platelet counts": the drug of the
        text increases each adverse effect named (and decreases what a "fall in" names)."""
        subject = self.adverse_subject(verb)
        if subject is None:
            return
        named = [
            e
            for e, _t in self.entities(
                [g for p in subject.children if p.dep_ == "prep" and p.lower_ in ("of", "with", "from") for g in p.children if g.dep_ == "pobj"]
            )
        ]
        agent = next((e for e in named if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)), None) or self.state.effects_agent()  # "side effects of X"
        if agent is None:
            return
        items = [t for c in verb.children if c.dep_ in ("attr", "dobj", "oprd", "acomp") or (c.dep_ == "nsubj" and c.i > verb.i) for t in self.items(c)]
        if items and all(t.lower_ in N.DEGREE_WORDS or t.lower_ == "threatening" for t in items):
            # "Neurologic toxicity, including ICANS, can also be serious or life-threatening": how grave; the effects are the subject's
            examples = [g for p in subject.children if p.dep_ == "prep" and p.lower_ == "including" for g in p.children if g.dep_ == "pobj"]
            named_effect = [] if normalize_word(subject.lower_) in _ADVERSE_HEADS else [subject]  # (not "Its side effects are mild")
            named = [e for e, _t in self.entities([*named_effect, *examples]) if e.kind not in (NodeKind.AGENT, NodeKind.THERAPY)]
            self.emit_entries(verb, "side effect", "+", [agent], named, "adverse effect read as the last agent's")
            return
        # "X were anaemia, a fall in platelet counts and infections": a list the parse read as an appositive
        items += [
            t
            for c in list(items)
            for a in c.children
            if a.dep_ == "appos" and self.sdoc[a.left_edge.i - 1].text == ","
            for t in self.items(a)
            if t not in items
        ]
        raised: list[LexiconEntry] = []
        lowered: list[LexiconEntry] = []
        if self.sentence.readings and self.sentence.reason == LIST_REASON and verb.i + 1 < len(self.sdoc):  # an item of a list names one effect, whole
            rest = [t for t in self.sdoc[verb.i + 1 :] if not (t.is_punct and t.i == len(self.sdoc) - 1)]
            while rest and rest[0].lower_ in C.DETERMINERS:
                rest = rest[1:]
            cut = next(
                (
                    k
                    for k, t in enumerate(rest)
                    if t.text == "("
                    or (t.text == "," and k + 1 < len(rest) and rest[k + 1].lower_ in ("such", "e.g.", "including", "especially"))
                    or (k > 0 and t.lower_ in ("including", "especially"))
                    or (k > 0 and t.lower_ == "such" and k + 1 < len(rest) and rest[k + 1].lower_ == "as")
                ),
                None,
            )
            if cut:  # "infections of the nose and throat, such as a cold": the effect, not its examples
                rest = rest[:cut]
            if rest and normalize_word(rest[0].lower_) not in _FALL_NOUNS | _RISE_NOUNS:
                named_item = self.sdoc[rest[0].i : rest[-1].i + 1].text
                whole = self.lookup_phrase(named_item) or (
                    self.doc.candidate(named_item, item=True) if len(rest) <= 10 else None
                )  # "redness and pain where ..."
                clause = next(
                    (
                        k
                        for k, t in enumerate(rest)
                        if k > 1
                        and (t.lower_ in _ITEM_CLAUSES or (t.text == "," and k + 1 < len(rest) and rest[k + 1].lower_ in ("with", "or", "which", "a", "an")))
                    ),
                    None,
                )
                if whole is None and clause:  # "irritation in the eye when the drops are put in", "allergic reactions, with swelling": the effect
                    whole = self.doc.candidate(self.sdoc[rest[0].i : rest[clause - 1].i + 1].text, item=True) if clause <= 10 else None
                items = []
                if whole is not None:
                    raised.append(whole)
                # "feeling sick (nausea) or being sick (vomiting)": a second effect after "or", named as a state
                second = [t for t in self.sdoc[rest[-1].i + 1 :] if not t.is_punct]
                states = next(
                    (k for k, t in enumerate(second) if t.lower_ in ("or", "and") and k + 1 < len(second) and second[k + 1].lower_ in _STATE_GERUNDS), None
                )
                if states is not None and second[states + 2 : states + 3]:
                    other = self.lookup_phrase(f"{second[states + 1].text} {second[states + 2].text}")
                    raised += [other] if other is not None else []
        for t in list(items):
            norm = normalize_word(t.lower_)
            inner = _prep_object(t, ("in", "of")) if norm in _FALL_NOUNS | _RISE_NOUNS else None
            if inner is None:
                measured = t.lemma_.lower() in W.MEASURE_NOUNS and any(c.dep_ == "amod" and c.lower_ in _LEVEL_CHANGES for c in t.children)
                if measured:  # ("low magnesium levels", "low platelet counts": the finding is named whole)
                    span = self.name_span(t)
                    e = self.doc.candidate(self.sdoc[span[0] : span[1]].text)
                else:
                    e = self.entity(t)
                if e is None and norm in _FALL_NOUNS | _RISE_NOUNS:  # "weight loss", "hair loss": an effect of its own
                    start, end = self.name_span(t)
                    e = self.doc.candidate(self.sdoc[start:end].text) if end - start > 1 else None
                if e is not None:
                    raised.append(e)
                continue
            (lowered if norm in _FALL_NOUNS else raised).extend(e for e in [self.entity(inner)] if e is not None)
            listed = t.i > 0 and self.sdoc[t.left_edge.i - 1].text == ","  # "anaemia, a fall in X and infections"
            for conj in self.items(inner)[1:]:  # "a fall in X, rash and headache": the list goes on after X
                if listed or any(self.sdoc[k].text == "," for k in range(inner.i, conj.i)):
                    e = self.entity(conj)
                    if e is not None:
                        raised.append(e)
        flat = self.flat_effects(verb) if not self.sentence.readings else []
        garbled = (raised or len(flat) >= 2) and len(flat) >= len(raised) + len(lowered)
        if garbled:  # "are headache, arthralgia and injection site reactions/attr": a garbled list
            raised = flat
        how = "adverse effect read as the last agent's"
        if raised:
            self.emit_entries(verb, "side effect", "+", [agent], raised, how)
        if lowered:
            self.emit_entries(verb, "side effect", "-", [agent], lowered, how)

    def more_often_with(self, verb: Any) -> None:
        """ "Herpes zoster occurred more often with this agent than with placebo": the agent raises
        what occurred (a comparison with placebo or another arm, not a bare incidence); so does
        "Hypersensitivity reactions have occurred after administration of X"."""
        if verb.lemma_.lower() in ("occur", "develop", "report", "observe", "see", "describe"):  # (passive: "has been reported in")
            given = self.after_giving(verb) or [e for c in verb.children if c.dep_ == "xcomp" and c.lemma_ == "occur" for e in self.after_giving(c)]
            # ("X have been reported to occur after administration of Y")
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            effects = [e for e, _t in self.entities(subjects) if e.kind not in (NodeKind.AGENT, NodeKind.THERAPY)]
            if not given and effects and self._reported_alone(verb):
                agent = self.state.effects_agent()  # "Severe neutropenia has been reported.": the text's drug
                given = [agent] if agent is not None and agent.kind in (NodeKind.AGENT, NodeKind.THERAPY) else []
            if given and effects and not any(t.lower_ in ("less", "fewer", "lower") for t in verb.subtree):  # ("at a higher rate in patients given X")
                self.emit_entries(verb, f"{verb.lemma_.lower()} after", "+", given[:1], effects, "an effect seen after the agent was given")
                return
        if not any(t.lower_ in ("more", "higher") for t in verb.subtree) or not any(t.lower_ in _OFTEN or t.lower_ == "incidence" for t in verb.subtree):
            return
        withs = [p for p in verb.children if p.dep_ == "prep" and p.lower_ in ("with", "on", "after")]
        withs += [p for a in verb.children if a.dep_ == "advmod" for p in a.subtree if p.dep_ == "prep" and p.lower_ in ("with", "on")]
        than = next((t.i for t in verb.subtree if t.lower_ == "than"), None)
        withs = [p for p in withs if than is None or p.i < than]  # "more often than with X alone": X is the comparator
        agents = [g for p in withs[:1] for g in p.children if g.dep_ == "pobj"]
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not agents and than is not None and subjects:  # the text's drug, compared with X
            current = [a for a in (self.state.antecedent(),) if a is not None and a.kind in (NodeKind.AGENT, NodeKind.THERAPY)]
            effects = [e for e, _t in self.entities(subjects)] if current else []
            self.emit_entries(verb, f"{verb.lemma_.lower()} more often than with X", "+", current, effects, "an effect seen more often with the agent")
            return
        if not agents or not subjects:
            return
        sources = [e for e, _t in self.entities(agents) if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)]
        if not sources:
            return
        effects = [e for e, _t in self.entities(subjects)]
        if effects:
            self.emit_entries(verb, f"{verb.lemma_.lower()} more often with", "+", sources[:1], effects, "an effect seen more often with the agent")

    def _reported_alone(self, verb: Any) -> bool:
        """ "X has been reported", "Cases of X were observed": a report in the passive that names no drug,
        no people and no study, and denies nothing (a label's warning about its drug)."""
        perfect = verb.lemma_.lower() == "occur" and any(c.dep_ == "aux" and c.lemma_.lower() in ("have", "can", "may") for c in verb.children)
        # ("X has occurred", a label's "PML, including fatal PML, can occur")
        if not perfect and (verb.lemma_.lower() not in ("report", "observe", "describe") or not any(c.dep_ == "auxpass" for c in verb.children)):
            return False
        if self.negations(verb) or any(c.dep_ in ("xcomp", "ccomp") or (c.dep_ == "nsubjpass" and c.pos_ == "PRON") for c in verb.children):
            return False  # ("it is reported to have raised X": a report of what it did)
        fronted = {t.i for c in verb.children if c.dep_ == "advcl" and c.i < verb.i for t in c.subtree}  # ("Because the drug destroys X, ...")
        rest = [t for t in self.sdoc if t.i not in fronted]
        named = [e for t in rest if t.pos_ in ("NOUN", "PROPN") for e, _g in self.entities([t], expand=False)]
        return not any(e.kind in (NodeKind.AGENT, NodeKind.THERAPY) for e in named) and not any(
            t.lower_ in _PEOPLE or t.lemma_.lower() in ("study", "trial", "animal", "mouse", "rat") for t in rest
        )

    def associated_risk(self, verb: Any) -> None:
        """ "X (use, its use, use during pregnancy) is associated with an increased risk of Y": X raises
        Y (a lower risk: X lowers it). A bare association ("is associated with Y") is none."""
        withs = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "with" for g in p.children if g.dep_ == "pobj"]
        risks = [r for r in withs if r.lemma_.lower() in ("risk", "incidence", "rate", "likelihood", "frequency")]
        changed = [a.lower_ for r in risks for a in r.children if a.dep_ == "amod" and a.lower_ in _COMPARED]
        ofs = [q for r in risks for q in r.children if q.dep_ == "prep" and q.lower_ == "of"]
        ofs += [c for q in ofs for c in q.conjuncts if c.lower_ == "of"]  # "of X and of Y"
        effects = [d for q in ofs for d in q.children if d.dep_ == "pobj"]
        if not risks:  # "was associated with higher mortality": the outcome itself, more or less of it
            changed = [a.lower_ for r in withs for a in r.children if a.dep_ == "amod" and a.lower_ in _COMPARED]
            effects = [r for r in withs if any(a.dep_ == "amod" and a.lower_ in _COMPARED for a in r.children)]
        if not changed or not effects:
            return
        subjects = [c for c in verb.children if c.dep_ in ("nsubjpass", "nsubj")]
        if not subjects and verb.dep_ == "conj":  # "X failed to reduce Y and was associated with higher Z": X
            subjects = [c for c in verb.head.children if c.dep_ in ("nsubjpass", "nsubj")]
        drugs = [e for e, _t in self.entities(subjects) if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)]
        uses = [c for c in subjects if c.lemma_.lower() in ("use", "treatment", "therapy", "exposure", "administration")]
        if not drugs and uses and not any(g.dep_ == "prep" and g.lower_ == "of" for c in uses for g in c.children):
            agent = self.state.effects_agent()  # "Use during pregnancy is associated with ...": the text's drug
            drugs = [agent] if agent is not None and agent.kind in (NodeKind.AGENT, NodeKind.THERAPY) else []
        named = [self.plain_name(t) if not risks else e for e, t in self.entities(effects)]  # ("higher mortality": mortality)
        targets = [e for e in named if e is not None and e.kind not in (NodeKind.AGENT, NodeKind.THERAPY)]
        if drugs and targets:
            self.emit_entries(verb, f"associated with {changed[0]} risk", _COMPARED[changed[0]], drugs[:1], targets, "a risk the agent raises or lowers")

    def effect_on(self, verb: Any) -> None:
        """ "X had no effect on Y" (X does not act on Y: negated), "X has an inhibitory effect on Y"
        (-), "X showed no benefit in D" (X does not treat D: negated)."""
        for noun in (c for c in verb.children if c.dep_ == "dobj"):
            word = noun.lower_
            negated = any(d.lower_ == "no" for d in noun.children if d.dep_ == "det") or any(
                d.lower_ == "little" and any(g.lower_ == "no" for g in d.subtree) for d in noun.children
            )
            shown = verb.dep_ == "xcomp" and verb.head.lemma_.lower() in ("show", "prove", "demonstrate") and bool(self.negations(verb.head))
            negated = negated or shown  # "it has not been shown to have an effect on X"
            if word in _EFFECT_NOUNS:
                sign = next((_EFFECT_SIGNS[a.lower_] for a in noun.children if a.dep_ == "amod" and a.lower_ in _EFFECT_SIGNS), "0")
                targets = [g for p in noun.children if p.dep_ == "prep" and p.lower_ in ("on", "upon") for g in p.children if g.dep_ == "pobj"]
                targets = targets or [g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("on", "upon") for g in p.children if g.dep_ == "pobj"]
                entries = [(t, e) for t in targets if (e := self.entity(t)) is not None]
                if entries and sign == "0" and all(W._diseaselike(t, e) for t, e in entries):
                    sign = "treat"  # an effect on a disease is a treatment's ("no effect on visceral metastases")
                if targets and (negated or sign != "0"):
                    subjects = ([c for c in verb.head.children if c.dep_ in ("nsubjpass", "nsubj")], None) if shown else self.subject(verb)
                    self.emit(verb.head if shown else verb, f"{verb.lemma_.lower()} {'no ' if negated else ''}effect on", sign, subjects, targets)
            elif word in ("benefit", "efficacy") and negated:
                diseases = [g for p in noun.children if p.dep_ == "prep" and p.lower_ in ("in", "for") for g in p.children if g.dep_ == "pobj"]
                diseases = diseases or [g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("in", "for") for g in p.children if g.dep_ == "pobj"]
                if diseases:
                    self.emit(verb, f"{verb.lemma_.lower()} no benefit in", "treat", self.subject(verb), diseases)

    def adverse_attribute(self, verb: Any) -> None:
        """ "Gastrointestinal upset is the other common adverse effect (of X)": the subject is an
        adverse effect of X, or of the text's drug."""
        for attr in (c for c in verb.children if c.dep_ == "attr"):
            word = normalize_word(attr.lower_)
            if not (word in _HARM_HEADS or (word in _ADVERSE_HEADS and any(c.lower_ in _ADVERSE_WORDS for c in attr.lefts))):
                continue
            subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
            subjects += [
                a for c in subjects for a in c.children if a.dep_ == "appos" and a.i > 0 and self.sdoc[a.left_edge.i - 1].text == ","
            ]  # "Acne, infections and X"
            named = [e for e, _t in self.entities([g for p in attr.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"])]
            agent = next((e for e in named if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)), None) or self.state.effects_agent()
            effects = [e for e, _t in self.entities(subjects)]
            if agent is not None and effects:
                self.emit_entries(verb, "adverse effect", "+", [agent], effects, "adverse effect read as the last agent's")

    def after_giving(self, verb: Any) -> list[LexiconEntry]:
        """The drug given before ``verb`` happened: "after administration of X", "following X"."""
        found: list[LexiconEntry] = []
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("after", "following", "with", "during")]
        preps += [c for p in preps for c in p.children if c.dep_ == "conj" and c.lower_ in ("after", "following")]  # "during and after X"
        preps += [  # "experience a fever for a day after an instillation": "after" hung on the object
            t
            for o in verb.children
            if o.dep_ in ("dobj", "attr")
            for t in o.subtree
            if t.dep_ == "prep" and t.lower_ in ("after", "following") and any(g.lemma_.lower() in _GIVING_NOUNS for g in t.children)
        ]
        for p in preps:
            for g in (g for g in p.children if g.dep_ == "pobj" or (g.dep_ == "dobj" and p.lower_ == "following")):  # ("following/VBG treatment/dobj")
                if g.lemma_.lower() in _GIVING_NOUNS:
                    of = [d for q in g.children if q.dep_ == "prep" and q.lower_ in ("of", "with") for d in q.children if d.dep_ == "pobj"]
                    found += [e for e, _t in self.entities(of) if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)]
                    if not of and p.lower_ != "with":  # "after the first infusion": the text's drug
                        agent = self.state.antecedent()
                        found += [agent] if agent is not None else []
                elif p.lower_ in ("after", "following") or (p.lower_ == "with" and verb.lemma_.lower() in ("report", "observe", "see", "describe")):
                    # "following X"; "Y has been reported with X"
                    found += [e for e, _t in self.entities([g]) if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)]
        for p in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "among")):
            # "X has occurred in patients receiving Y / treated with Y": Y ("in MS and cancer patients treated with Y" too)
            pobjs = [g for g in p.children if g.dep_ == "pobj"]
            pobjs += [c for g in pobjs for c in g.children if c.dep_ == "conj"]
            pobjs += [d for g in pobjs if g.lower_ in _SHARES for d in (_prep_object(g, ("of",)),) if d is not None]  # "in 10% of patients"
            people = [g for g in pobjs if g.lemma_.lower() in _PEOPLE or g.lower_ in _PEOPLE]
            for group in people:
                found += [e for e, _t in self.entities(self.given(group)) if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)]
            if people:
                for clause in (c for c in verb.children if c.dep_ in ("advcl", "acl") and c.lemma_.lower() in ("treat", "give", "receive", "take")):
                    # "... in patients treated/advcl(on the verb) with Y": the parse hung the people's clause on the verb
                    given = [d for q in clause.children if q.dep_ == "prep" and q.lower_ == "with" for d in q.children if d.dep_ == "pobj"]
                    given += [d for d in clause.children if d.dep_ == "dobj"]
                    found += [e for e, _t in self.entities(given) if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)]
        if not found:  # "occurred following/JJ(amod) treatment/dobj", "in patients following/VBG(acl) treatment": however hung
            subject = {t.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree}
            for t in (t for t in verb.subtree if t.lower_ in ("following", "after") and t.i > verb.i and t.i not in subject):
                given = [g for g in (t.head, *t.children) if g.lemma_.lower() in _GIVING_NOUNS and g.i > t.i]
                of = [d for g in given for q in g.children if q.dep_ == "prep" and q.lower_ in ("of", "with") for d in q.children if d.dep_ == "pobj"]
                agent = self.state.antecedent() if given and not of else None
                found += [e for e, _t in self.entities(of) if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)] + ([agent] if agent is not None else [])
        return found

    def more_frequent(self, verb: Any) -> None:
        """ "Shingles was also more frequent (with X) than with placebo", "Headache is frequent with X",
        "Chills were frequent after the first doses": X, or the text's drug, raises what was frequent."""
        comparative = [c for c in verb.children if c.dep_ == "acomp" and c.lower_ in ("frequent", "common")]
        if not comparative:
            return
        than = [t for t in verb.subtree if t.lower_ == "than"]
        placebo = bool(than) and any(t.lower_ == "placebo" or t.lemma_.lower() in ("control", "comparator") for t in self.sdoc[than[0].i :])
        end = than[0].i if than else len(self.sdoc)
        withs = [g for t in verb.subtree if t.lower_ == "with" and t.i < end for g in t.children if g.dep_ == "pobj"]
        agents = [e for e, _t in self.entities(withs) if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)]
        dosed = any(t.lower_ == "after" and any(normalize_word(g.lower_) in ("dose", "infusion", "injection") for g in t.subtree) for t in verb.subtree)
        if not (placebo and any(t.lower_ == "more" for t in comparative[0].children)) and not agents and not dosed:
            return  # ("Infections are more frequent in older people": no drug; "X is frequent with Y", "after the first doses": the drug's)
        agent = agents[0] if agents else self.state.antecedent()
        effects = [e for e, _t in self.entities([c for c in verb.children if c.dep_ == "nsubj"])]
        if agent is not None and effects:
            words = "more frequent than with placebo" if placebo else f"{comparative[0].lower_} with"
            self.emit_entries(verb, words, "+", [agent], effects, "an effect seen more often with the agent")

    def without_change(self, noun: Any) -> None:
        """ "X raised IL-10 without (detectable) increases in TNF or IFN-γ": X did not raise TNF nor IFN-γ,
        a negated relation from the subject of the verb the phrase hangs on."""
        inner = _prep_object(noun, ("in", "of"))
        verb = noun.head.head
        while verb.dep_ == "relcl" and verb.head.head is not verb.head:
            verb = verb.head.head  # "raised IL-10, which Tregs produce, without ...": the phrase is the main verb's
        if inner is None or verb.pos_ not in ("VERB", "AUX"):
            return
        sources = [e for e, _t in self.entities(self.subject(verb)[0])]
        targets = [e for e, _t in self.entities(self.items(inner))]
        sign = "+" if normalize_word(noun.lower_) in _RISE_NOUNS else "-"
        self.emit_entries(noun, normalize_word(noun.lower_), sign, sources, targets, "a change the text says did not come")

    def common_effects(self, verb: Any) -> None:
        """ "Nausea, headache and rash are common." in a section on adverse effects, or in a paragraph
        on a drug without saying in whom: the drug raises each."""
        acomps = [c for c in verb.children if c.dep_ == "acomp" and c.lower_ in ("common", "frequent", "rare", "uncommon", "reported")]
        if not acomps:
            return
        among = any(p.dep_ == "prep" and p.lower_ in ("in", "among", "during", "after", "with") for h in (verb, *acomps) for p in h.children)
        if not self.state.adverse_section and (among or self.state.paragraph_agent is None or self.negations(verb)):
            return  # ("Infections are common in lupus": not a drug's; outside a section on side effects, a paragraph on a drug)
        agent = self.state.effects_agent()
        effects = [e for e, _t in self.entities([c for c in verb.children if c.dep_ == "nsubj"]) if e.kind not in (NodeKind.AGENT, NodeKind.THERAPY)]
        if agent is not None and effects:
            self.emit_entries(verb, "common (adverse effects)", "+", [agent], effects, "an adverse effect of the section's drug")

    def warns_of(self, verb: Any) -> None:
        """ "The label warns of infections and of hypersensitivity reactions": the label's drug
        raises each (what a label or a regulator warns of is an adverse effect of the drug)."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and normalize_word(c.lower_) in _WARNERS]
        if not subjects:
            return
        preps = [p for p in verb.children if p.dep_ == "prep" and p.lower_ in ("of", "about", "against")]
        preps += [g for p in preps for g in p.children if g.dep_ == "conj" and g.lower_ in ("of", "about")]  # "of X and of Y"
        effects = [e for p in preps for g in p.children if g.dep_ == "pobj" for e, _t in self.entities(self.items(g))]
        agent = self.doc.topic or self.state.effects_agent()
        if agent is not None and effects:
            self.emit_entries(verb, "warns of", "+", [agent], effects, "what the label warns of is an effect of its drug")

    def warning_about(self, noun: Any) -> None:
        """ "the drug carries a boxed warning about serious infections and death", "The label
        carries warnings for liver injury": the drug raises each."""
        preps = [p for p in noun.children if p.dep_ == "prep" and p.lower_ in ("about", "for", "of", "on", "against")]
        effects = [e for p in preps for g in p.children if g.dep_ == "pobj" for e, _t in self.entities(self.items(g))]
        if not effects:
            return
        verb = noun.head if noun.dep_ in ("dobj", "attr") else None
        holders = [e for e, _t in self.entities([c for c in verb.children if c.dep_ == "nsubj"])] if verb is not None else []
        agent = next((e for e in holders if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)), None) or self.doc.topic or self.state.effects_agent()
        effects = [e for e in effects if e.kind not in (NodeKind.AGENT, NodeKind.THERAPY)]
        if agent is not None and effects:
            self.emit_entries(noun, "warning about", "+", [agent], effects, "what a drug's warning names is its effect")
