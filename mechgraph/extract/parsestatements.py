"""Readers of the parser-based reader for conversions ("CYP enzymes hydroxylate X to Y", "X breaks
down to Y and Z", "X is metabolised by CYP3A4 to Y") and for statements carried by a noun or an
adjective after a copula ("X is the main risk factor for Y", "X is the standard treatment for D",
"there is an increased risk of Y with X") or by a direction ("shift X away from A towards B",
"deliver X to degradation").
"""

from __future__ import annotations

from typing import Any

from ..vocabulary import NodeKind
from . import cues as C
from .lexicon import LexiconEntry
from .namewords import COMPARTMENTS, ORGANS
from .parsebase import _ParseBase
from .parsewords import _DRUG_CLASS, _FALL_NOUNS, _FINITE_FORMS, _GENERIC, _RISE_NOUNS, _is_passive, _prep_object
from .tokens import normalize_word, without_brackets
from .verbclasses import SPLITTING_VERBS

#: conversions that modify a molecule in place, which a drug can do to its target
_MODIFYING = frozenset("acetylate methylate".split())
#: what a molecule may be described as, to be "the receptor", "the enzyme" from here on
_SELF_DESCRIBED = frozenset("receptor sensor enzyme kinase cytokine chemokine adaptor ligand".split())

__all__: list[str] = []

#: "X is the main risk factor for Y", "a major driver of Y", "the cytokine responsible for Y"
_CAUSE_NOUNS = frozenset("cause driver trigger mediator inducer determinant".split())
_NEEDED_ADJECTIVES = frozenset("responsible essential necessary critical crucial required indispensable".split())
#: "shift T cells away from Th1 towards Th2"
SHIFT_VERBS = frozenset("shift skew polarise polarize bias push tilt steer move redirect".split())
#: "delivers Nrf2 to proteasomal degradation": the object is lowered
DOOM_VERBS = frozenset("deliver target send mark tag direct commit route".split())
_DOOM_NOUNS = frozenset("degradation destruction breakdown elimination proteolysis".split())


_ACTIVE_FORMS = frozenset("active mature bioactive functional".split())


class _ParseStatements(_ParseBase):
    """Conversions and the statements of copulas and directions."""

    def flat_phrase(self, start: int, step: int, stop: int = -1) -> list[LexiconEntry] | None:
        """The names of a coordinated noun phrase read word by word from ``start`` (leftwards for -1),
        not reaching ``stop``."""
        toks = self.sdoc
        k = start
        words: list[int] = []
        while 0 <= k < len(toks) and k != stop:
            t = toks[k]
            if (t.is_punct and t.text not in ("-", "/", "(", ")", ",")) or t.lower_ in C.PREPOSITIONS or t.tag_ in ("VBZ", "MD", "WDT", "WP"):
                if step < 0 and t.lower_ in C.PREPOSITIONS and words:
                    return None  # "cells that X activates through TLR7 secrete Y": an object of a preposition is no subject
                break
            if (t.lower_ in _FINITE_FORMS and k != start) or (t.tag_ == "VBG" and toks[k - 1].text not in ("-", "/")):
                break
            if t.tag_ in ("RB", "RBR", "RBS") and t.text not in ("-", "/"):
                break  # "lowers X and thereby reduces Y", "...; X therefore lower Y": no adverb in a name
            if t.text == "," and not any(toks[j].lower_ in ("and", "or") for j in (words if step < 0 else range(k + 1, min(k + 8, len(toks))))):
                break  # a comma that does not separate list items ends the phrase
            words.append(k)
            k += step
        words.sort()
        phrases: list[tuple[list[int], list[int]]] = [([], [])]  # (name tokens, parenthetical tokens)
        inside = False
        for k in words:
            t = toks[k]
            if t.text == "(":
                inside = True
            elif t.text == ")":
                inside = False
            elif inside:
                phrases[-1][1].append(k)
            elif t.lower_ in ("and", "or", ","):
                phrases.append(([], []))
            elif t.lower_ not in C.DETERMINERS | C.POSSESSIVES:
                phrases[-1][0].append(k)
        entries = []
        for name, short in phrases:
            text = "".join(toks[k].text_with_ws for k in name).strip()
            entry = None
            if short:
                entry = self.doc.lexicon.lookup("".join(toks[k].text_with_ws for k in short).strip())
            if entry is None and text:
                entry = self.lookup_phrase(text)
            if entry is not None:
                entries.append(entry)
        return entries or None

    def conversion(self, verb: Any, words: str) -> None:
        """A conversion: "X is converted to Y" (X is metabolised to Y), "X breaks down to Y and Z",
        and with its enzyme, "CYP enzymes hydroxylate X to Y": X is metabolised to Y, the
        enzyme raises Y and lowers X. Chemical names the small pipeline tags as verbs or adverbs
        ("oxidises aldophosphamide/RB to ...", "to phosphoramide/VB mustard") are read word by word."""
        passive = _is_passive(verb)
        substrates = [] if passive else self.substrates(verb)  # before the products: "it" is the agent named before
        if substrates and self._active_form(verb):  # "caspase-1 cleaves pro-IL-1β into its active form": it activates it
            named = [e for e, _t in self.entities(self.subject(verb)[0]) if not _organ(e)]
            self.emit_entries(verb, words, "+", named, substrates, "what makes the active form of a protein raises it")
            return
        products = self.products(verb)
        if not products:
            enzymes = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"] if passive else []
            if enzymes:  # "X is broken down / metabolised by CYP3A4": the enzyme lowers X
                named = [e for e, _t in self.entities(enzymes) if e.kind is not NodeKind.AGENT]
                converted = [e for e, _t in self.entities([c for c in verb.children if c.dep_ == "nsubjpass"])]
                self.emit_entries(verb, words, "-", named, converted, "the enzyme of a conversion lowers its substrate")
            elif substrates:  # "PDE4 breaks down cyclic AMP", "CYP3A4 metabolises X": what breaks it down lowers it
                covalent = verb.lemma_.lower() in _MODIFYING  # ("The drug irreversibly acetylates COX-1": a drug may do that too)
                named = [e for e, _t in self.entities(self.subject(verb)[0]) if (covalent or e.kind is not NodeKind.AGENT) and not _organ(e)]
                self.emit_entries(verb, words, "-", named, substrates, "the enzyme of a conversion lowers its substrate")
            return
        if passive:  # "X is metabolised (by CYP3A4) to Y"
            sources = [c for c in verb.children if c.dep_ == "nsubjpass"] or (self.subject(verb)[0] if verb.dep_ == "conj" else [])
            if verb.dep_ == "relcl":
                sources = [verb.head]
                if verb.head.dep_ == "attr" and normalize_word(verb.head.lower_) in _DRUG_CLASS:  # "X is a prodrug that is converted to Y": X
                    sources = [c for c in verb.head.head.children if c.dep_ in ("nsubj", "nsubjpass")] or sources
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
        self.emit_conversion(verb, words, [e for e in named if e.kind is not NodeKind.AGENT and not _organ(e)], substrates, products)

    def splits(self, verb: Any) -> bool:
        """Whether a splitting verb names a conversion: a product follows ("X is cleaved into A and
        B", "dephosphorylated to Y"), not a place ("phosphorylate the ITAMs and recruit BTK to the
        membrane", however the parse hung "to")."""
        words = SPLITTING_VERBS.get(verb.lemma_.lower(), ())
        return any(p.lower_ in words and not all(normalize_word(g.lower_) in COMPARTMENTS for g in p.children if g.dep_ == "pobj") for p in verb.children)

    def _active_form(self, verb: Any) -> bool:
        """Whether ``verb`` makes the active form of what it converts ("into its active form", "into
        their mature forms", "to the bioactive form")."""
        return any(
            g.lemma_.lower() == "form" and any(a.lower_ in _ACTIVE_FORMS for a in g.children)
            for p in verb.children
            if p.dep_ in ("prep", "dative") and p.lower_ in ("into", "to")
            for g in p.children
            if g.dep_ == "pobj"
        )

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

    def it_converted(self, verb: Any) -> LexiconEntry | None:
        """What "it" that ``verb`` converts stands for: the subject of the clause before ("X is inactive
        until the liver converts it to Y": X), else :meth:`converted_it`."""
        heads = [verb, verb.head] if verb.dep_ == "conj" else [verb]  # ("removes X and converts it": the same subject)
        own = {t.i for h in heads for c in h.children if c.dep_ == "nsubj" for t in c.subtree}
        before = [t for t in self.sdoc[: verb.i] if t.dep_ in ("nsubj", "nsubjpass") and t.i not in own and t.tag_ in ("NN", "NNP")]
        return (self.entity(before[-1]) if before else None) or self.converted_it()

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

    def changed_objects(self, verb: Any, words: str, reading: str, subjects: tuple[list[Any], str | None], objs: list[Any]) -> list[Any]:
        """ "SHP-1 limits the rise in intracellular calcium" (lowers calcium), "prevents the loss of T
        cells" (raises them): a signed verb on a change in something is read on that thing, the sign
        turned by a fall; the objects left to read as they are."""
        if reading not in ("+", "-"):
            return objs
        changes = {o: _prep_object(o, ("in", "of")) for o in objs if normalize_word(o.lower_) in (_FALL_NOUNS | _RISE_NOUNS) - {"decline"}}
        for change, inner in changes.items():  # ("slows the decline in lung function": the decline is a course of its own)
            if inner is not None:
                risen = normalize_word(change.lower_) in _RISE_NOUNS
                self.emit(verb, words, reading if risen else ("+" if reading == "-" else "-"), subjects, [inner])
        return [o for o in objs if changes.get(o) is None]

    def emit_conversion(self, tok: Any, words: str, enzymes: list[LexiconEntry], substrates: list[LexiconEntry], products: list[LexiconEntry]) -> None:
        if substrates:  # what a substance is converted to is a metabolite
            products = [
                self.state.make_agent(p, NodeKind.METABOLITE) if p.origin == "text" and p.kind not in (NodeKind.AGENT, NodeKind.METABOLITE) else p
                for p in products
            ]
            for product in products:
                self.state.recent.append(product)
                self.state.products.add(product.node_id)
        self.emit_entries(tok, words, "convert", substrates, products, "a conversion")
        enzymes = [e for e in enzymes if not _organ(e)]  # ("the liver converts fatty acids into ketone bodies": where, not what)
        self.emit_entries(tok, words, "+", enzymes, products, "the enzyme of a conversion raises its product")
        self.emit_entries(tok, words, "-", enzymes, substrates, "the enzyme of a conversion lowers its substrate")

    def products(self, verb: Any) -> list[LexiconEntry]:
        """What ``verb`` converts to: the objects of its "to" / "into"."""
        objects = [g for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ in ("to", "into") for g in c.children if g.dep_ == "pobj"]
        objects = [
            next((a for a in g.children if a.dep_ == "appos" and a.pos_ in ("NOUN", "PROPN")), g) if normalize_word(g.lower_) in _DRUG_CLASS else g
            for g in objects
        ]  # "to its active metabolite, mycophenolic acid": the acid
        found: list[LexiconEntry] = []
        for g in objects:
            after = self.sdoc[g.right_edge.i + 1 : g.right_edge.i + 3]
            named = self.flat_phrase(after[1].i, 1) if g.is_lower and len(after) == 2 and after[0].text == "," and not after[1].is_lower else None
            found += named or [e for e, _t in self.entities([g])]  # "to the active triphosphate, 2-fluoro-ara-ATP" (however it was hung)
        if objects:
            return found
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
                agent = self.it_converted(verb) or self.previous_object(obj)
                found += [agent] if agent is not None else []
            else:
                found += [e for e, _t in self.entities([obj])]
        if found or objects:
            return found
        to = next((k for k in range(verb.i + 1, min(verb.i + 6, len(self.sdoc))) if self.sdoc[k].lower_ in ("to", "into")), None)
        if to is None:
            return []
        named = [t for t in self.sdoc[verb.i + 1 : to] if t.lower_ not in C.DETERMINERS and not t.is_punct]
        if [t.lower_ for t in named] == ["it"]:  # ("converts it/nsubj to prednisolone/VB": a garbled parse)
            agent = self.it_converted(verb)
            return [agent] if agent is not None else []
        if not named or not all(t.pos_ in ("ADV", "ADJ", "VERB", "NOUN", "PROPN", "NUM") for t in named):
            return []
        found_name = self.lookup_phrase("".join(t.text_with_ws for t in named).strip(), head_word=named[-1])
        return [found_name] if found_name is not None else []

    def describe(self, subject: Any, verb: Any, attr: Any) -> None:
        """ "X (Y) is a 28-amino-acid peptide": "the peptide" stands for the drug X from here on (not
        a common noun's "The culprit is an antibody", nor "the drug" or "the antibody", read as the
        text's drug already)."""
        word = normalize_word(attr.lower_)
        if word in _GENERIC or any(c.dep_ == "det" for c in subject.children):
            return
        before = without_brackets(self.sdoc[subject.left_edge.i : verb.i].text)
        named = self.doc.lexicon.lookup(before) or self.entity(subject)
        if named is not None and (named.kind in (NodeKind.AGENT, NodeKind.THERAPY) or word in _SELF_DESCRIBED):
            self.state.described[word] = named  # ("X is a costimulatory receptor": "the receptor" is X)

    def describe_apposition(self, appos: Any) -> None:
        """ "X, a malaria vaccine developed at Y, ...": "the vaccine" stands for the drug X from here on."""
        word = normalize_word(appos.lower_)
        if word in _GENERIC or not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in appos.children):
            return
        named = self.entity(appos.head) if appos.head.pos_ in ("NOUN", "PROPN") else None
        if named is not None and (named.kind in (NodeKind.AGENT, NodeKind.THERAPY) or word in _SELF_DESCRIBED):
            self.state.described[word] = named  # ("Fas (CD95), a death receptor of ...": "the receptor" is Fas)

    def copula_cues(self, verb: Any) -> None:
        """ "X is the main risk factor for Y", "X is a driver of Y", "X is the cytokine responsible for Y": X raises Y;
        "there is an increased risk of Y with X": X raises Y."""
        attrs = [c for c in verb.children if c.dep_ == "attr"]
        if not attrs:
            return
        subjects = self.subject(verb)
        for attr in attrs:
            if attr.tag_ == "NN" and any(c.lower_ in ("a", "an") for c in attr.children) and len(subjects[0]) == 1:
                self.describe(subjects[0][0], verb, attr)
            if normalize_word(attr.lower_) in _DRUG_CLASS and attr.lower_ not in ("metabolite", "metabolites"):
                for s in subjects[0]:  # "X is a disease-modifying antirheumatic drug": X is a drug
                    self.as_drug(s)
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
            care = attr
            if attr.lemma_.lower() in ("mainstay", "cornerstone", "backbone", "pillar"):  # "the mainstay of treatment for D"
                care = next((g for p in attr.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj"), attr)
            if care.lemma_.lower() in ("treatment", "therapy", "drug", "choice", "option", "management"):
                treated = [g for p in care.children if p.dep_ == "prep" and p.lower_ in ("for", "of", "in") for g in p.children if g.dep_ == "pobj"]
                treated += [
                    g for p in attr.children if care is not attr and p.dep_ == "prep" and p.lower_ in ("for", "in") for g in p.children if g.dep_ == "pobj"
                ]
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

    def followed_by(self, verb: Any) -> None:
        """ "Treatment with X was followed by a decrease in Y": X lowers Y (a label's way of saying
        what came of a treatment); "... was followed by neutropenia": X raises it."""
        if verb.tag_ != "VBN" or not _is_passive(verb):
            return
        effects = [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
        causes = ([c for c in verb.children if c.dep_ == "nsubjpass"], None)
        if not causes[0] and verb.dep_ == "conj":  # "X failed to prevent Y and was followed by more Z": X
            causes = ([c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass")], None)
        for effect in effects:
            inner = _prep_object(effect, ("in", "of")) if normalize_word(effect.lower_) in _FALL_NOUNS | _RISE_NOUNS else None
            if inner is not None:
                sign = "-" if normalize_word(effect.lower_) in _FALL_NOUNS else "+"
                self.emit(verb, "followed by a change in", sign, causes, self.items(inner))
            elif any(e.kind in (NodeKind.CONDITION, NodeKind.OUTCOME) for e, _t in self.entities([effect])):
                self.emit(verb, "followed by", "+", causes, self.items(effect))


def _organ(entry: LexiconEntry) -> bool:
    """An organ that converts a drug ("the liver converts it to Y") is where, not what: no enzyme."""
    words = entry.label.lower().split()
    return bool(words) and normalize_word(words[-1]) in ORGANS
