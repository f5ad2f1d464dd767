"""Readers of the parser-based reader for what labels and textbooks state without a cue verb:
adverse effects ("The most common side effects were X and Y", "Other toxicities of X include
..."), effects seen more often with a drug ("X occurred more often with this agent than with
placebo"), and conversions ("CYP enzymes hydroxylate X to Y", "X breaks down to Y and Z").
"""

from __future__ import annotations

from typing import Any

from ..vocabulary import NodeKind
from . import cues as C
from .lexicon import LexiconEntry
from .lists import LIST_REASON
from .parsebase import _ParseBase
from .parsewords import _ADVERSE_WORDS, _DRUG_CLASS, _FALL_NOUNS, _RISE_NOUNS, _is_passive, _prep_object
from .tokens import normalize_word

__all__: list[str] = []

#: Heads of a phrase that names adverse effects: "side effects", "adverse reactions" (with the
#: adjective), "toxicities", "complications" (on their own).
_ADVERSE_HEADS = frozenset({"effect", "event", "reaction"})
_HARM_HEADS = frozenset({"toxicity", "toxicitie", "complication"})
_OFTEN = frozenset("often frequently commonly common frequent".split())
#: "X had no effect on Y", "X had an inhibitory effect on Y", "X showed no benefit in D"
#: what a dose, an infusion or the use of a drug is: "occurred after administration of X"
_GIVING_NOUNS = frozenset("administration use dose doses infusion infusions injection injections instillation instillations treatment therapy exposure".split())
#: "X is the main risk factor for Y", "a major driver of Y", "the cytokine responsible for Y"
_CAUSE_NOUNS = frozenset("cause driver trigger mediator inducer determinant".split())
_NEEDED_ADJECTIVES = frozenset("responsible essential necessary critical crucial required indispensable".split())
#: "shift T cells away from Th1 towards Th2"
_SHIFT_VERBS = frozenset("shift skew polarise polarize bias push tilt steer move redirect".split())
#: "delivers Nrf2 to proteasomal degradation": the object is lowered
_DOOM_VERBS = frozenset("deliver target send mark tag direct commit route".split())
_DOOM_NOUNS = frozenset("degradation destruction breakdown elimination proteolysis".split())
_COMPARED = {"higher": "+", "increased": "+", "greater": "+", "lower": "-", "reduced": "-", "decreased": "-"}
_COURSE_NOUNS = frozenset("course courses cycle cycles regimen dose doses instillation instillations infusion infusions".split())
_PEOPLE_WORDS = frozenset("people patients adults children persons men women users".split())
#: adjectives of a state that name an adverse effect: "have become depressed" is depression
_STATES = {
    "depressed": "depression",
    "anxious": "anxiety",
    "dizzy": "dizziness",
    "drowsy": "drowsiness",
    "tired": "fatigue",
    "sick": "nausea",
    "confused": "confusion",
}
_EFFECT_NOUNS = frozenset("effect effects influence impact activity action".split())
_EFFECT_SIGNS = {
    **dict.fromkeys("inhibitory suppressive negative antagonistic protective".split(), "-"),
    **dict.fromkeys("stimulatory positive activating agonistic enhancing".split(), "+"),
}


class _ParseEffects(_ParseBase):
    """Adverse effects, effects seen more often with a drug, and conversions."""

    def adverse_subject(self, verb: Any) -> Any:
        """The phrase naming adverse effects that is the subject of ``verb`` (a copula or
        "include"), or None. A subject the small pipeline hung on a participle before the copula
        ("The adverse reactions reported/ROOT most often ... were/ccomp X") counts too."""
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]  # (one after the copula is its complement)
        if not subjects and verb.dep_ in ("ccomp", "conj") and verb.head.i < verb.i:
            subjects = [c for c in verb.head.children if c.dep_ == "nsubj" and c.i < verb.i]
        if not subjects and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < verb.i for c in verb.children):
            # "The adverse reactions observed/ROOT most often during ... were/advcl X": the phrase
            # before the copula that names adverse effects, whatever the parse hung it on
            subjects = [t for t in self.sdoc[: verb.i] if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "NOUN"][:1]
        if not subjects:
            return None
        head = subjects[0]
        word = normalize_word(head.lower_)
        if word in _HARM_HEADS or head.lower_ in ("toxicities", "complications"):
            return head
        if word in _ADVERSE_HEADS and any(c.lower_ in _ADVERSE_WORDS for c in head.lefts):
            return head
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
        agent = next((e for e in named if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)), None) or self.state.antecedent()  # "side effects of X"
        if agent is None:
            return
        items = [t for c in verb.children if c.dep_ in ("attr", "dobj", "oprd", "acomp") or (c.dep_ == "nsubj" and c.i > verb.i) for t in self.items(c)]
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
                    if t.text == "(" or (t.text == "," and k + 1 < len(rest) and rest[k + 1].lower_ in ("such", "e.g.", "including", "especially"))
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
                items = []
                if whole is not None:
                    raised.append(whole)
        for t in list(items):
            norm = normalize_word(t.lower_)
            inner = _prep_object(t, ("in", "of")) if norm in _FALL_NOUNS | _RISE_NOUNS else None
            if inner is None:
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
        how = "adverse effect read as the last agent's"
        if raised:
            self.emit_entries(verb, "side effect", "+", [agent], raised, how)
        if lowered:
            self.emit_entries(verb, "side effect", "-", [agent], lowered, how)

    def more_often_with(self, verb: Any) -> None:
        """ "Herpes zoster occurred more often with this agent than with placebo": the agent raises
        what occurred (a comparison with placebo or another arm, not a bare incidence); so does
        "Hypersensitivity reactions have occurred after administration of X"."""
        if verb.lemma_.lower() in ("occur", "develop"):
            given = self.after_giving(verb)
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
            effects = [e for e, _t in self.entities(subjects) if e.kind not in (NodeKind.AGENT, NodeKind.THERAPY)]
            if given and effects and not any(t.lower_ in ("more", "higher", "less", "fewer") for t in verb.subtree):
                self.emit_entries(verb, f"{verb.lemma_.lower()} after", "+", given[:1], effects, "an effect seen after the agent was given")
                return
        if not any(t.lower_ in ("more", "higher") for t in verb.subtree) or not any(t.lower_ in _OFTEN or t.lower_ == "incidence" for t in verb.subtree):
            return
        withs = [p for p in verb.children if p.dep_ == "prep" and p.lower_ in ("with", "on", "after")]
        withs += [p for a in verb.children if a.dep_ == "advmod" for p in a.subtree if p.dep_ == "prep" and p.lower_ in ("with", "on")]
        agents = [g for p in withs[:1] for g in p.children if g.dep_ == "pobj"]
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not agents or not subjects:
            return
        sources = [e for e, _t in self.entities(agents) if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)]
        if not sources:
            return
        effects = [e for e, _t in self.entities(subjects)]
        if effects:
            self.emit_entries(verb, f"{verb.lemma_.lower()} more often with", "+", sources[:1], effects, "an effect seen more often with the agent")

    def conversion(self, verb: Any, words: str) -> None:
        """A conversion: "X is converted to Y" (X is metabolised to Y), "X breaks down to Y and Z",
        and with its enzyme, "CYP enzymes hydroxylate X to Y": X is metabolised to Y, the
        enzyme raises Y and lowers X. Chemical names the small pipeline tags as verbs or adverbs
        ("oxidises aldophosphamide/RB to ...", "to phosphoramide/VB mustard") are read word by word."""
        passive = _is_passive(verb)
        substrates = [] if passive else self.substrates(verb)  # before the products: "it" is the agent named before
        products = self.products(verb)
        if not products:
            enzymes = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"] if passive else []
            if enzymes:  # "X is broken down / metabolised by CYP3A4": the enzyme lowers X
                named = [e for e, _t in self.entities(enzymes) if e.kind is not NodeKind.AGENT]
                converted = [e for e, _t in self.entities([c for c in verb.children if c.dep_ == "nsubjpass"])]
                self.emit_entries(verb, words, "-", named, converted, "the enzyme of a conversion lowers its substrate")
            return
        if passive:  # "X is metabolised (by CYP3A4) to Y"
            sources = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if verb.dep_ == "relcl":
                sources = [verb.head]
            enzymes = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
            named = [e for e, _t in self.entities(enzymes) if e.kind is not NodeKind.AGENT]
            self.emit_conversion(verb, words, named, [e for e, _t in self.entities(sources)], products)
            return
        relative = verb.i > 0 and self.sdoc[verb.i - 1].tag_ in ("WDT", "WP") and verb.dep_ != "relcl"  # a relative clause the parse lost
        subjects, _why = ([], None) if relative else self.subject(verb)
        named = [e for e, _t in self.entities(subjects)] or self.words_before(verb)  # a misparsed subject: the words before
        if not substrates:  # "Aldophosphamide breaks down to P and A": the subject is converted
            self.emit_conversion(verb, words, [], named, products)
            return
        self.emit_conversion(verb, words, [e for e in named if e.kind is not NodeKind.AGENT], substrates, products)

    def flat_conversion(self, tok: Any, words: str) -> None:
        """A conversion verb the small pipeline did not take for a verb ("carboxylesterases/VBZ
        hydrolyse/NNP it to X"): subject, substrate and products read in word order."""
        to = next((k for k in range(tok.i + 1, min(tok.i + 10, len(self.sdoc))) if self.sdoc[k].lower_ in ("to", "into")), None)
        if to is None:
            return
        products = self.flat_phrase(to + 1, 1) or []
        between = [t for t in self.sdoc[tok.i + 1 : to] if t.lower_ not in C.DETERMINERS and not t.is_punct]
        substrates: list[LexiconEntry] = []
        if len(between) == 1 and between[0].lower_ == "it":
            agent = self.converted_it()
            substrates = [agent] if agent is not None else []
        elif between:
            found = self.lookup_phrase(" ".join(t.text for t in between))
            substrates = [found] if found is not None else []
        subject = self.words_before(tok)
        if substrates:
            self.emit_conversion(tok, words, [e for e in subject if e.kind is not NodeKind.AGENT], substrates, products)
        elif not between:
            self.emit_conversion(tok, words, [], subject, products)

    def converted_it(self) -> LexiconEntry | None:
        """What "it" converted stands for: the last sentence's subject ("X is a prodrug. Enzymes
        convert it to Y": X), else the agent the text is about."""
        previous = self.state.previous_subject
        if previous is not None and previous[0] == self.sentence.index - 1 and not previous[2]:
            return previous[1]
        return self.state.antecedent()

    def words_before(self, tok: Any) -> list[LexiconEntry]:
        """The name right before ``tok``, read word by word back to punctuation or a preposition;
        before "that" / "which", the name the relative clause is about ("X (XY), an enzyme that ...": XY)."""
        k = tok.i - 1
        if k >= 1 and self.sdoc[k].tag_ in ("WDT", "WP"):
            k -= 1
            while k >= 0 and not self.sdoc[k].is_punct and self.sdoc[k].pos_ in ("NOUN", "ADJ", "DET", "PROPN"):
                k -= 1  # "an enzyme"
            if k >= 1 and self.sdoc[k].text == "," and k < tok.i - 2:
                k -= 1
                if self.sdoc[k].text == ")" and k >= 2 and self.sdoc[k - 2].text == "(":
                    short = self.entity(self.sdoc[k - 1])
                    return [short] if short is not None else []
            else:
                k = tok.i - 2
                while k >= 0 and self.sdoc[k].pos_ not in ("NOUN", "PROPN"):
                    k -= 1
                if k < 0:
                    return []
                named = self.entity(self.sdoc[k])
                return [named] if named is not None else []
        words: list[Any] = []
        while k >= 0:
            t = self.sdoc[k]
            if (t.is_punct and t.text not in ("-", "/")) or t.lower_ in C.PREPOSITIONS | C.DETERMINERS or t.tag_ in ("MD", "WDT", "WP", "RB"):
                break
            words.insert(0, t)
            k -= 1
        if not words:
            return []
        found = self.lookup_phrase("".join(t.text_with_ws for t in words).strip())
        return [found] if found is not None else []

    def emit_conversion(self, tok: Any, words: str, enzymes: list[LexiconEntry], substrates: list[LexiconEntry], products: list[LexiconEntry]) -> None:
        self.emit_entries(tok, words, "convert", substrates, products, "a conversion")
        self.emit_entries(tok, words, "+", enzymes, products, "the enzyme of a conversion raises its product")
        self.emit_entries(tok, words, "-", enzymes, substrates, "the enzyme of a conversion lowers its substrate")

    def products(self, verb: Any) -> list[LexiconEntry]:
        """What ``verb`` converts to: the objects of its "to" / "into"."""
        objects = [g for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into") for g in c.children if g.dep_ == "pobj"]
        if objects:
            return [e for e, _t in self.entities(objects)]
        for k in range(verb.i + 1, min(verb.i + 8, len(self.sdoc))):
            t = self.sdoc[k]
            if t.lower_ in ("to", "into"):
                return self.flat_phrase(k + 1, 1) or []
            if t.is_punct or t.tag_ in ("VBZ", "VBD", "WDT"):
                break
        return []

    def substrates(self, verb: Any) -> list[LexiconEntry]:
        """What ``verb`` converts: its object ("it" is the agent the text is about)."""
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        found: list[LexiconEntry] = []
        for obj in objects:
            if obj.lower_ == "it":
                agent = self.converted_it() or self.previous_object(obj)
                found += [agent] if agent is not None else []
            else:
                found += [e for e, _t in self.entities([obj])]
        if found or objects:
            return found
        to = next((k for k in range(verb.i + 1, min(verb.i + 6, len(self.sdoc))) if self.sdoc[k].lower_ in ("to", "into")), None)
        if to is None:
            return []
        named = [t for t in self.sdoc[verb.i + 1 : to] if t.lower_ not in C.DETERMINERS and not t.is_punct]
        if not named or not all(t.pos_ in ("ADV", "ADJ", "VERB", "NOUN", "PROPN", "NUM") for t in named):
            return []
        found_name = self.lookup_phrase("".join(t.text_with_ws for t in named).strip(), head_word=named[-1])
        return [found_name] if found_name is not None else []

    def effect_on(self, verb: Any) -> None:
        """ "X had no effect on Y" (X does not act on Y: negated), "X has an inhibitory effect on Y"
        (-), "X showed no benefit in D" (X does not treat D: negated)."""
        for noun in (c for c in verb.children if c.dep_ == "dobj"):
            word = noun.lower_
            negated = any(d.lower_ == "no" for d in noun.children if d.dep_ == "det") or any(
                d.lower_ == "little" and any(g.lower_ == "no" for g in d.subtree) for d in noun.children
            )
            if word in _EFFECT_NOUNS:
                sign = next((_EFFECT_SIGNS[a.lower_] for a in noun.children if a.dep_ == "amod" and a.lower_ in _EFFECT_SIGNS), "0")
                targets = [g for p in noun.children if p.dep_ == "prep" and p.lower_ in ("on", "upon") for g in p.children if g.dep_ == "pobj"]
                targets = targets or [g for p in verb.children if p.dep_ == "prep" and p.lower_ in ("on", "upon") for g in p.children if g.dep_ == "pobj"]
                if targets and (negated or sign != "0"):
                    self.emit(verb, f"{verb.lemma_.lower()} {'no ' if negated else ''}effect on", sign, self.subject(verb), targets)
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
            named = [e for e, _t in self.entities([g for p in attr.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"])]
            agent = next((e for e in named if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)), None) or self.state.antecedent()
            effects = [e for e, _t in self.entities(subjects)]
            if agent is not None and effects:
                self.emit_entries(verb, "adverse effect", "+", [agent], effects, "adverse effect read as the last agent's")

    def after_giving(self, verb: Any) -> list[LexiconEntry]:
        """The drug given before ``verb`` happened: "after administration of X", "following X"."""
        found: list[LexiconEntry] = []
        preps = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("after", "following", "with", "during")]
        preps += [  # "experience a fever for a day after an instillation": "after" hung on the object
            t
            for o in verb.children
            if o.dep_ in ("dobj", "attr")
            for t in o.subtree
            if t.dep_ == "prep" and t.lower_ in ("after", "following") and any(g.lemma_.lower() in _GIVING_NOUNS for g in t.children)
        ]
        for p in preps:
            for g in (g for g in p.children if g.dep_ == "pobj"):
                if g.lemma_.lower() in _GIVING_NOUNS:
                    of = [d for q in g.children if q.dep_ == "prep" and q.lower_ in ("of", "with") for d in q.children if d.dep_ == "pobj"]
                    found += [e for e, _t in self.entities(of) if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)]
                    if not of and p.lower_ != "with":  # "after the first infusion": the text's drug
                        agent = self.state.antecedent()
                        found += [agent] if agent is not None else []
                elif p.lower_ in ("after", "following"):
                    found += [e for e, _t in self.entities([g]) if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)]
        return found

    def copula_cues(self, verb: Any) -> None:
        """ "X is the main risk factor for Y", "X is a driver of Y", "X is the cytokine responsible for Y": X raises Y;
        "there is an increased risk of Y with X": X raises Y."""
        subjects = self.subject(verb)
        for attr in (c for c in verb.children if c.dep_ == "attr"):
            if normalize_word(attr.lower_) in _DRUG_CLASS and attr.lower_ not in ("metabolite", "metabolites"):
                for s in (t for t in subjects[0] if t.pos_ in ("NOUN", "PROPN")):  # "X is a disease-modifying antirheumatic drug": X is a drug
                    named = self.entity(s)
                    if named is not None and named.origin == "text" and named.kind not in (NodeKind.AGENT, NodeKind.THERAPY):
                        self.cache[s.i] = agent = self.state.make_agent(named)
                        self.state.saw(agent, subject=True)
            if attr.lemma_.lower() == "risk" and any(a.lower_ in ("increased", "higher", "greater", "elevated") for a in attr.children if a.dep_ == "amod"):
                withs = [g for p in (*attr.children, *verb.children) if p.dep_ == "prep" and p.lower_ == "with" for g in p.children if g.dep_ == "pobj"]
                withs += [g for p in attr.subtree if p.dep_ == "prep" and p.lower_ == "with" for g in p.children if g.dep_ == "pobj" and g not in withs]
                agents = [e for e, _t in self.entities(withs) if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)]
                risks = [g for p in attr.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
                effects = [e for e, _t in self.entities(risks) if e.kind not in (NodeKind.AGENT, NodeKind.THERAPY)]
                if agents and effects:
                    self.emit_entries(verb, "increased risk with", "+", agents[:1], effects, "an increased risk with the agent")
                continue
            targets: list[Any] = []
            risk = attr.lemma_.lower() == "factor" and any(c.lower_ == "risk" for c in attr.lefts)
            if risk or attr.lemma_.lower() in _CAUSE_NOUNS:
                targets = [g for p in attr.children if p.dep_ == "prep" and p.lower_ in ("for", "of") for g in p.children if g.dep_ == "pobj"]
            for adjective in (t for t in attr.subtree if t.lower_ in _NEEDED_ADJECTIVES and t.i > attr.i - 3):
                targets += [g for p in adjective.children if p.dep_ == "prep" and p.lower_ == "for" for g in p.children if g.dep_ == "pobj"]
            benefits = [t for t in targets if t.lemma_.lower() in ("effect", "benefit", "efficacy", "activity")]
            diseases = [d for t in benefits for p in t.children if p.dep_ == "prep" and p.lower_ in ("in", "against") for d in p.children if d.dep_ == "pobj"]
            if diseases:  # "the moiety responsible for the effect in RA": it treats RA
                self.emit(verb, "responsible for the effect in", "treat", subjects, diseases)
            targets = [t for t in targets if t not in benefits]
            if attr.lemma_.lower() in ("treatment", "therapy", "drug", "choice", "option"):
                treated = [g for p in attr.children if p.dep_ == "prep" and p.lower_ in ("for", "of", "in") for g in p.children if g.dep_ == "pobj"]
                if treated:  # "it is the standard treatment for D"
                    self.emit(verb, "treatment for", "treat", subjects, treated, agents_only=True)
            if targets:
                self.emit(verb, "risk factor for" if risk else attr.lemma_.lower(), "+", subjects, targets)

    def shift(self, verb: Any) -> None:
        """ "X shifts helper T cells away from Th1 and Th17 towards Th2": X lowers Th1 and Th17 and raises Th2."""
        away = [g for t in verb.subtree if t.lower_ == "from" and self.sdoc[t.i - 1].lower_ == "away" for g in t.children if g.dep_ == "pobj"]
        towards = [
            g
            for t in verb.subtree
            if t.lower_ in ("towards", "toward") and t.head.i in (verb.i, *(c.i for c in verb.children))
            for g in t.children
            if g.dep_ == "pobj"
        ]
        if not away and not towards:
            return
        subjects = self.subject(verb)
        if away:
            self.emit(verb, f"{verb.lemma_.lower()} away from", "-", subjects, away)
        if towards:
            self.emit(verb, f"{verb.lemma_.lower()} towards", "+", subjects, towards)

    def doom(self, verb: Any) -> None:
        """ "KEAP1 delivers Nrf2 to proteasomal degradation": KEAP1 lowers Nrf2."""
        ends = [g for p in verb.children if p.dep_ in ("prep", "dative") and p.lower_ in ("to", "for") for g in p.children if g.dep_ == "pobj"]
        if not any(g.lemma_.lower() in _DOOM_NOUNS for g in ends):
            return
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if objects:
            self.emit(verb, f"{verb.lemma_.lower()} to degradation", "-", self.subject(verb), objects)

    def more_frequent(self, verb: Any) -> None:
        """ "Shingles was also more frequent (with X) than with placebo": X, or the text's drug,
        raises what was more frequent."""
        comparative = [c for c in verb.children if c.dep_ == "acomp" and c.lower_ in ("frequent", "common")]
        if not comparative or not any(t.lower_ == "more" for t in comparative[0].children):
            return
        than = [t for t in verb.subtree if t.lower_ == "than"]
        if not than or not any(t.lower_ == "placebo" or t.lemma_.lower() in ("control", "comparator") for t in self.sdoc[than[0].i :]):
            return
        withs = [g for t in verb.subtree if t.lower_ == "with" and t.i < than[0].i for g in t.children if g.dep_ == "pobj"]
        agents = [e for e, _t in self.entities(withs) if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)]
        agent = agents[0] if agents else self.state.antecedent()
        effects = [e for e, _t in self.entities([c for c in verb.children if c.dep_ == "nsubj"])]
        if agent is not None and effects:
            self.emit_entries(verb, "more frequent than with placebo", "+", [agent], effects, "an effect seen more often with the agent")

    def people_taking(self, verb: Any) -> None:
        """ "Some people taking X have become depressed", "patients given X developed Y": X raises Y;
        "Most patients experience Y after an instillation": the text's drug raises Y; "Patients with
        D should receive (a course of) X": X treats D."""
        people = [c for c in verb.children if c.dep_ == "nsubj" and (c.lower_ in _PEOPLE_WORDS or c.lemma_.lower() in _PEOPLE_WORDS)]
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
        after = self.after_giving(verb) if verb.lemma_.lower() in ("experience", "develop", "get") else []
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
        agents = [e for e, _t in self.entities(givers) if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)]
        if not agents:
            return
        outcomes = [c for c in verb.children if c.dep_ in ("acomp", "attr", "dobj", "oprd")]
        sign = "+"
        if verb.lemma_.lower() == "have":  # "people taking X had a higher rate of Y (than ...)": only a comparison says so
            rated = [o for o in outcomes if o.lemma_.lower() in ("rate", "risk", "incidence", "frequency", "number")]
            compared = [a.lower_ for o in rated for a in o.children if a.dep_ == "amod" and a.lower_ in _COMPARED]
            if not compared:
                return
            sign = _COMPARED[compared[0]]
            outcomes = [g for o in rated for p in o.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"]
        effects = [e for e, _t in self.entities(outcomes)]
        effects += [e for c in outcomes if c.pos_ == "ADJ" for e in [self.lookup_phrase(_STATES.get(c.lower_, ""))] if e is not None]
        if effects:
            self.emit_entries(verb, f"{verb.lemma_.lower()} (people taking the agent)", sign, agents[:1], effects, "an effect in people taking the agent")

    def common_effects(self, verb: Any) -> None:
        """ "Nausea, headache and rash are common." in a section on adverse effects: the text's drug
        raises each."""
        if not self.state.adverse_section:
            return
        if not any(c.dep_ == "acomp" and c.lower_ in ("common", "frequent", "rare", "uncommon", "reported") for c in verb.children):
            return
        agent = self.state.antecedent()
        effects = [e for e, _t in self.entities([c for c in verb.children if c.dep_ == "nsubj"]) if e.kind not in (NodeKind.AGENT, NodeKind.THERAPY)]
        if agent is not None and effects:
            self.emit_entries(verb, "common (adverse effects)", "+", [agent], effects, "an adverse effect of the section's drug")

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
