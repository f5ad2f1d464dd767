"""Cues in a parse: the verb, noun and construction readers of the parser-based reader
(:mod:`.parsed`) and the relations they draft.
"""

from __future__ import annotations

import re
from typing import Any

from ..vocabulary import NodeKind
from . import cues as C
from . import parsewords as W
from .parsebase import _ParseBase
from .parseoutputs import SIGNED_EVENTS, SOURCE_VERBS
from .parsepeople import clinical
from .parserepair import repair_tree
from .parsestatements import DOOM_VERBS as _DOOM_VERBS
from .parsestatements import SHIFT_VERBS as _SHIFT_VERBS
from .tokens import normalize_word
from .verbclasses import NOUN_CUES, PARTICLE_VERBS, VERB_SIGNS, verb_sign

_DOSE_NOUNS = frozenset("dose infusion injection".split())
_CAUSAL = frozenset("cause induce produce trigger provoke".split())


#: a part of a molecule that an enzyme takes off ("removes the 3-phosphate from PIP3")
_CHEMICAL_GROUPS = frozenset(normalize_word(w) for w in "phosphate 3-phosphate 5-phosphate group residue moiety tag sugar".split())
#: a role that keeps something down ("plays a protective role in colitis")
_PROTECTIVE_ROLES = frozenset("protective inhibitory suppressive negative restraining".split())
_SHIELD_VERBS = frozenset("protect shield spare rescue save".split())
_LOSS_EVENTS = frozenset(normalize_word(w) for w in W.LOSS_EVENTS)
_NO_CAUSE = frozenset("benefit effect efficacy difference variation proportion percent % majority half third".split())
#: what a treatment cuts ("cut the rate of exacerbations"): a measure of a disease, never a dose ("cut their dose")
_CUT_MEASURES = frozenset(normalize_word(w) for w in "rate risk number incidence episode case frequency mortality death hospitalisation".split())


class _ParseReaders(_ParseBase):
    """The readers of the cues of a parsed sentence."""

    def cue(self, verb: Any) -> tuple[str, str] | None:
        """(cue words, reading) of a verb, or None."""
        lemma = verb.lemma_.lower()
        doc = verb.doc
        if lemma == "account" and any(t.lemma_.lower() in _NO_CAUSE for t in doc[verb.i + 1 : verb.i + 5]):
            return None  # "how far this accounts for the benefit of X": an explanation, no effect
        if lemma in W._PREFIXES and verb.i + 2 < len(doc) and doc[verb.i + 1].text in ("-", "‐") and verb.whitespace_ == "":
            lemma = doc[verb.i + 2].lemma_.lower()  # "co-stimulate" parsed as "co" + "-" + "stimulate"
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        for child in [*verb.children, *(c for o in objects for c in o.children if c.dep_ == "advmod" and c.i > o.i)]:
            if child.dep_ in ("prt", "prep", "dative") or (child.dep_ == "advmod" and child.head is not verb):  # "holds X back/advmod(of X)"
                reading = PARTICLE_VERBS.get((lemma, child.lower_)) if lemma != "associate" or not W._is_passive(verb) else None
                # ("PD-1 associates with SHP-2": they bind; "is associated with" is a statistic)
                if reading is not None:
                    words = f"{lemma} {child.lower_}"
                    return words, VERB_SIGNS.get(reading, reading)
        if lemma == "play" and any(c.lemma_ == "role" for c in verb.children):
            role = next(c for c in verb.children if c.lemma_ == "role")
            protective = any(c.lower_ in _PROTECTIVE_ROLES for c in role.children if c.dep_ == "amod")
            return (
                ("play role in", "-" if protective else VERB_SIGNS["play role"]) if any(p.lower_ == "in" for p in role.children if p.dep_ == "prep") else None
            )
        if lemma == "cut" and any(c.dep_ == "dobj" and normalize_word(c.lower_) in _CUT_MEASURES for c in verb.children):
            return "cut", "-"  # "cut the yearly rate of exacerbations", "cut episodes of malaria" (not "cut their dose of steroids")
        if lemma == "hold" and any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ == "check" for g in c.children) for c in verb.children):
            return "hold in check", "keep"  # "the flora holds the bacterium in check": keeps it down
        lemma = "overexpress" if lemma == "overexpresse" else lemma  # (the pipeline's lemma of "overexpressed")
        if lemma in ("make", "express", "overexpress") and verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children):
            lemma = "produce"  # "IL-5 is made (mainly) by Th2 cells", "IL-15, overexpressed by enterocytes": the cells produce it
        if lemma in W._NOUN_LIKE_VERBS and (verb.i == 0 or doc[verb.i - 1].tag_ in ("NN", "NNP", "JJ", "DT", "PRP$", "IN")):
            return None  # "prevent heart attacks", "the number of asthma attacks": a noun the tagger took for a verb
        reading = verb_sign(lemma, doc.text)
        if verb.i >= 2 and doc[verb.i - 1].text in ("-", "‐") and doc[verb.i - 2].lower_ in ("up", "down") and doc[verb.i - 2].whitespace_ == "":
            reading = "+" if doc[verb.i - 2].lower_ == "up" else "-"  # "up-regulates", "down-regulated"
            lemma = f"{doc[verb.i - 2].lower_}-{lemma}"
        if reading is None and verb.lower_.startswith("co-"):
            reading = VERB_SIGNS.get(lemma[3:])
        if reading is None and lemma in SOURCE_VERBS and verb.tag_ != "VBN":
            reading = "output"  # "B cells make antibodies": a cell's output
        if reading is None or reading == "":
            return None
        return lemma, reading

    def read(self) -> None:
        repair_tree(self.sdoc)
        if "(" in self.sentence.text and not self.sentence.readings:
            self.inner_short_forms()
        if "(" in self.sdoc.text:
            self.abbreviations()
        toks = list(self.sdoc)
        for tok in toks:
            if tok.dep_ == "ROOT":
                self.roots.append(tok)
            if tok.pos_ == "NOUN" and tok.dep_ == "pobj" and tok.head.lower_ == "without" and normalize_word(tok.lower_) in W._FALL_NOUNS | W._RISE_NOUNS:
                self.without_change(tok)  # "without increases in X"
            if tok.pos_ in ("VERB", "AUX") or (tok.tag_.startswith("VB") and tok.dep_ != "amod"):
                if tok.dep_ == "amod" or tok.dep_ == "compound":
                    continue
                if tok.pos_ == "VERB" and tok.lemma_.lower() in ("catalyse", "catalyze", "mediate"):
                    self.catalysed(tok)  # "X catalyses the conversion of A to B"
                found = self.cue(tok)
                if self.knockout(tok):
                    continue  # "Mice that lack X cannot make Y": what X does, not what the mice do
                if found is not None:
                    self.verb(tok, *found)
            elif tok.pos_ == "NOUN" and normalize_word(tok.lower_) in NOUN_CUES:
                self.noun_cue(tok)
            elif tok.pos_ == "NOUN" and tok.lower_ in SIGNED_EVENTS:
                self.event_noun(tok)
            elif tok.lemma_.lower() in ("treatment", "remission") and tok.dep_ in ("pobj",):
                self.treatment_noun(tok)
            elif tok.pos_ == "NOUN" and tok.lemma_.lower() == "warning":
                self.warning_about(tok)

            if (
                tok.lemma_.lower() in ("indicate", "approve", "license", "recommend", "consider")
                and tok.tag_ in ("VBN", "VBD")
                and tok.dep_ in ("ROOT", "acl", "relcl", "conj", "xcomp", "advcl", "ccomp")
            ):
                self.indicated(tok)
            elif tok.lemma_.lower() in W._USE_VERBS and tok.tag_ == "VBN" and W._is_passive(tok):
                self.used_in(tok)
            elif tok.lemma_.lower() in ("make", "render") and tok.pos_ == "VERB":
                self.causative(tok)
            if tok.pos_ == "VERB" and tok.lemma_.lower() in W._CAUSATIVE_HEADS:
                self.small_clause(tok)
            if tok.pos_ == "VERB" and tok.lemma_.lower() in ("grant", "give", "receive", "win", "gain", "obtain", "get"):
                self.approval(tok)  # "granted marketing authorisation to X for D"
            elif tok.pos_ == "VERB":
                self.own_antibodies(tok)  # "your immune system makes antibodies"
            if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in ("be", "include", "comprise"):
                self.adverse_effects(tok)
                if tok.lemma_.lower() == "be":
                    self.adverse_attribute(tok)
                    self.copula_cues(tok)
                    self.more_frequent(tok)
                    self.common_effects(tok)
                    self.at_risk(tok)
            elif tok.pos_ == "VERB" and tok.lemma_.lower() in ("occur", "develop", "report", "observe", "see"):
                self.more_often_with(tok)
                if tok.lemma_.lower() in ("develop", "report"):
                    self.people_taking(tok)  # "patients who received X developed Y"
            elif tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in ("have", "show", "exert", "exhibit", "demonstrate"):
                self.effect_on(tok)
                if tok.lemma_.lower() in ("have", "exhibit", "show"):
                    self.people_taking(tok)  # ("Patients may exhibit cytopenias for weeks following X infusion")
            elif tok.pos_ == "VERB" and tok.lemma_.lower() in ("become", "develop", "experience", "get", "report", "feel", "receive"):
                self.people_taking(tok)
            elif tok.pos_ == "VERB" and tok.lemma_.lower() in ("associate", "link"):
                self.associated_risk(tok)
            elif tok.pos_ == "VERB" and tok.lemma_.lower() == "warn":
                self.warns_of(tok)
            elif tok.pos_ == "VERB" and tok.lemma_.lower() == "follow":
                self.followed_by(tok)
            elif tok.pos_ == "VERB" and tok.lemma_.lower() in _SHIFT_VERBS:
                self.shift(tok)
            elif tok.pos_ == "VERB" and tok.lemma_.lower() in _DOOM_VERBS:
                self.doom(tok)
            elif tok.pos_ == "VERB" and tok.lemma_.lower() in W._FALL_VERBS | W._RISE_VERBS:
                self.change(tok)
        if not any(t.pos_ in ("VERB", "AUX") for t in self.roots):
            self.repair()
        elif not self.emitted:
            self.repair(only_subject_verbs=True)
        self.and_so_verbs(toks)
        bound = self.bound_before(len(self.sdoc))
        if bound is not None:  # for "this signal" in the sentences after
            self.state.bound.add(bound.node_id)
        # remember agents named without a relation ("Dupilumab contains ...")
        for tok in toks:
            if tok.pos_ in ("PROPN", "NOUN") and (
                W.looks_like_drug(tok.text)
                or (tok.dep_ in ("nsubj", "nsubjpass") and tok.tag_ == "NNS" and normalize_word(tok.lower_) in W._DRUG_CLASS)
                or (tok.tag_ == "NN" and tok.lower_ in ("receptor", "enzyme", "kinase") and any(c.dep_ in ("compound", "amod") for c in tok.lefts))
            ):
                self.entity(tok)  # (a class as a subject: "Glucocorticoids act ...": "it" is not them; a receptor for "this receptor")
        self.ellipsis(toks)
        for tok in toks:
            if tok.dep_ == "appos" and tok.pos_ == "NOUN":
                self.describe_apposition(tok)
        self.remember_subject()
        original = self.doc.text[self.offset : self.sentence.end]  # (the parsed text may differ from it: see parse_text)
        for tok in toks:  # (a name the pattern reader drew across one of these verbs is no name)
            if tok.pos_ == "VERB" and tok.tag_ in ("VBZ", "VBP", "VBD") and any(c.dep_ in ("nsubj", "nsubjpass") and c.i < tok.i for c in tok.children):
                places = [m.start() for m in re.finditer(rf"\b{re.escape(tok.text)}\b", original)]
                if places:
                    self.doc.clause_verbs.add(self.offset + min(places, key=lambda at: abs(at - tok.idx)))

    def repair(self, only_subject_verbs: bool = False) -> None:
        """A parse without a verb at its root ("Checkpoint inhibitors prolong/JJ survival"): the small
        pipeline took the cue verb for a noun or an adjective. Read the flat order instead: the
        words before the cue word (back to a clause boundary) name the subject, the words after it
        (up to a preposition or punctuation) the object. ``only_subject_verbs``: in a parse with a
        verb elsewhere, only a cue verb right after the sentence's first name ("Abatacept
        attaches/NNS to CD80 and CD86, so ...")."""
        toks = self.sdoc
        for tok in toks:
            if tok.pos_ in ("VERB", "AUX") or tok.lower_ not in W._FINITE_FORMS or tok.i == 0:
                continue
            if only_subject_verbs and not (
                tok.tag_ in ("NNS", "NNPS")
                and tok.lower_.endswith("s")
                and tok.i <= 4
                and all(t.pos_ in ("PROPN", "NOUN", "ADJ", "DET", "NUM") or t.text in "-/" for t in toks[: tok.i])
            ):
                continue
            reading = VERB_SIGNS.get(W._FINITE_FORMS[tok.lower_])
            if reading == "convert":
                self.flat_conversion(tok, W._FINITE_FORMS[tok.lower_])
            if reading not in ("+", "-", "0"):
                continue
            start = tok.i + 1
            if start < len(toks) and (W._FINITE_FORMS[tok.lower_], toks[start].lower_) in PARTICLE_VERBS:
                start += 1  # "attaches to X", "interferes with X"
            event = _flat_event(toks, tok.i)  # "Activation of TLR7 induces X": TLR7 does
            left = self.flat_phrase(tok.i - 1, -1, stop=-1 if event is None else event)
            right = self.flat_phrase(start, +1)
            if left is None or right is None:
                continue
            for side in (left, right):
                side_entries = [e for e in side if e is not None]
                if not side_entries:
                    break
            else:
                self.emit_entries(tok, W._FINITE_FORMS[tok.lower_], reading, left, right, "flat reading of a misparsed sentence")

    def and_so_verbs(self, toks: Any) -> None:
        """ "X binds Y and so buffers/NNS Z": a cue verb after "and so" (thus, then, thereby) that the
        parser took for a noun shares the root's subject; its object is read in word order."""
        for tok in toks:
            if tok.pos_ == "VERB" or tok.lower_ not in W._FINITE_FORMS or tok.i < 2 or toks[tok.i - 1].lower_ not in ("so", "thus", "thereby", "then"):
                continue
            root = next((t for t in self.roots if t.pos_ == "VERB"), None)
            reading = VERB_SIGNS.get(W._FINITE_FORMS[tok.lower_])
            if root is None or toks[tok.i - 2].lower_ != "and" or reading not in ("+", "-"):
                continue
            sources = [e for e, _t in self.entities(self.subject(root)[0])]
            targets = self.flat_phrase(tok.i + 1, +1) or []
            self.emit_entries(tok, W._FINITE_FORMS[tok.lower_], reading, sources, [t for t in targets if t is not None], "a verb after 'and so'")

    def verb(self, verb: Any, words: str, reading: str) -> None:
        if verb.dep_ == "pcomp" and verb.head.lower_ == "from" and verb.head.head.lemma_.lower() in W.STOPPING_VERBS:
            return  # "keeps them from attaching to X", "prevents it from engaging Y": an action that is stopped
        if reading == "release":
            brake = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_ in ("brake", "block", "blockade", "inhibition")]
            targets = [g for b in brake for p in b.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
            if targets:
                self.emit(verb, words, "+", self.subject(verb), targets)
            else:  # "mast cells release histamine": a cell is the source of what it releases
                self.output(verb, words)
            return  # (otherwise what is released is not raised by what releases it)
        if reading == "output":
            self.output(verb, words)
            return
        if reading == "convert" or self.splits(verb):
            self.conversion(verb, words)  # "X is cleaved into A and B", "dephosphorylated to Y": a conversion, not a loss
            return
        if words == "play role in":  # "TSLP plays a key role in (starting) airway inflammation": TSLP raises it
            role = next(c for c in verb.children if c.lemma_ == "role")
            for within in (p for p in role.children if p.dep_ == "prep" and p.lower_ == "in"):
                for g in within.children:
                    if g.dep_ == "pobj":
                        self.emit(verb, words, reading, self.subject(verb), [g])
                    elif g.dep_ == "pcomp" and g.tag_ == "VBG":  # "in starting X", "in limiting X": the gerund's sign too
                        step = VERB_SIGNS.get(g.lemma_.lower(), "+" if g.lemma_.lower() in ("start", "begin") else "")
                        if step in ("+", "-"):
                            sign = reading if step == "+" else {"+": "-", "-": "+"}[reading]
                            self.emit(verb, words, sign, self.subject(verb), [c for c in g.children if c.dep_ == "dobj"])
            return
        groups = [c for c in verb.children if c.dep_ == "dobj" and normalize_word(c.lower_) in _CHEMICAL_GROUPS]
        if groups and reading == "-":  # "PTEN removes the 3-phosphate from PIP3": PIP3 is what it lowers
            holders = [verb, *groups]  # ("from" hung on the verb or on the group)
            whence = [g for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ == "from" for g in p.children if g.dep_ == "pobj"]
            if whence:
                self.emit(verb, f"{words} from", "-", self.subject(verb), whence)
            return
        if verb.lemma_.lower() == "cleave" and any(c.dep_ == "conj" and VERB_SIGNS.get(c.lemma_.lower()) == "+" for c in verb.children):
            return  # "cleaves and activates C1s": the cleavage is how it activates, no loss
        if reading == "keep":
            objs = [c for c in verb.children if c.dep_ in ("dobj",)]
            if not objs:  # "keep [the inflammation going]": the small clause's subject
                objs = [g for c in verb.children if c.dep_ in ("ccomp", "xcomp") for g in c.children if g.dep_ == "nsubj" and g.pos_ in ("NOUN", "PROPN")]
            if not objs and any(c.dep_ in ("oprd", "acomp") for c in verb.children):  # "keep developing/VBG thymocytes and mature/VBP T cells alive"
                gerunds = [g for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VBG" for g in (c, *c.conjuncts)]
                objs = [o for g in gerunds for o in g.children if o.dep_ == "dobj"]
            if W._is_passive(verb):
                objs = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if verb.dep_ == "relcl" and not objs:
                objs = [verb.head] if any(c.tag_ in ("WDT", "WP") for c in verb.children if c.dep_ in ("dobj",)) else objs
            positive = any(
                c.dep_ in ("acomp", "oprd", "ccomp", "xcomp") and c.lemma_ in ("active", "high", "alive", "open", "on", "go", "going", "run", "running")
                for c in verb.children
            )  # "keeps X active", "keep the inflammation going"
            sign = "+" if positive else "-"
            subjects = self.subject(verb)
            if verb.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP") for c in verb.children if c.dep_ == "dobj"):
                subjects = ([c for c in verb.children if c.dep_ == "nsubj"], None)
                objs = [verb.head]
            self.emit(verb, words, sign, subjects, objs)
            return
        objs = self.objects(verb, reading)
        if not objs:
            return
        subjects = self.subject(verb)
        remission = [o for o in objs if o.lemma_.lower() in ("remission", "response") and (o.lemma_.lower() == "remission" or clinical(o))]
        if remission and reading == "+":  # "induced (drug-free) remission of X": X is treated
            diseases = [g for o in remission for p in o.children if p.dep_ == "prep" and p.lower_ in ("of", "in") for g in p.children if g.dep_ == "pobj"]
            diseases = [d for d in diseases if d.lemma_.lower() not in W._PEOPLE] or [  # "remission in 26% of patients with UC": UC
                g
                for p in [*verb.children, *(c for o in remission for c in o.children)]
                if p.dep_ == "prep" and p.lower_ == "in"
                for t in p.subtree
                if t.lemma_.lower() in W._PEOPLE
                for w in t.children
                if w.dep_ == "prep" and w.lower_ == "with"
                for g in w.children
                if g.dep_ == "pobj"
            ]
            self.emit(verb, f"{verb.lemma_.lower()} {remission[0].lemma_.lower()}", "-", subjects, diseases)
            objs = [o for o in objs if o not in remission]
            if not objs:
                return
        if reading == "cause" or (reading == "+" and verb.lemma_.lower() in _CAUSAL):
            changes = {o: W._prep_object(o, ("in", "of")) for o in objs if normalize_word(o.lower_) in W._FALL_NOUNS | W._RISE_NOUNS}
            for change, inner in changes.items():  # "causes a reversible fall in sperm count": lowers it
                if inner is not None:
                    self.emit(verb, words, "-" if normalize_word(change.lower_) in W._FALL_NOUNS else "+", subjects, [inner])
            objs = [o for o in objs if changes.get(o) is None]
            lost = [o for o in objs if normalize_word(o.lower_) in _LOSS_EVENTS and any(c.lower_ in ("its", "their") for c in o.children)]
            if lost:  # "binds ferroportin and causes its internalisation and degradation": lowers what "its" stands for
                its = next(c for c in lost[0].children if c.lower_ in ("its", "their"))
                self.emit(verb, words, "-", subjects, [t for t in reversed(self.sdoc[: its.i]) if t.dep_ == "dobj" and t.pos_ in ("NOUN", "PROPN")][:1])
                objs = [o for o in objs if o.i not in {t.i for lo in lost for t in (lo, *lo.conjuncts)}]
            if not objs:
                return
        objs = self.changed_objects(verb, words, reading, subjects, objs)
        if reading == "cause":  # "leads to reduced X and other Y": each object's own sign word counts
            lowered = [o for o in objs if {c.lower_ for c in o.children if c.dep_ == "amod"} & W._DECREASE_WORDS]
            if lowered:
                self.emit(verb, words, "-", subjects, lowered)
            raised = [o for o in objs if o not in lowered]
            if raised:
                self.emit(verb, words, "+", subjects, raised, expand=False)
            return
        self.emit(verb, words, reading, subjects, objs)
        if reading == "+" or reading == "cause":
            self.in_response(verb, objs)  # "ILC3s produce it in response to IL-23"
        if verb.lemma_.lower() in _SHIELD_VERBS:  # "protects IgG from lysosomal degradation": lowers the degradation
            holders = [verb, *(o for o in objs if o.head.i == verb.i)]  # ("shields hepatocytes from injury": "from" hung on the object)
            harms = [g for h in holders for p in h.children if p.dep_ == "prep" and p.lower_ in ("from", "against") for g in p.children if g.dep_ == "pobj"]
            if harms:
                self.emit(verb, f"{verb.lemma_.lower()} from", "-", subjects, harms)

    def noun_cue(self, noun: Any) -> None:
        """ "X is a JAK inhibitor", "X, a TNF blocker, ...": the modifier is the target."""
        sign = NOUN_CUES[normalize_word(noun.lower_)]
        subject: list[Any] = []
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":
            subject = [c for c in noun.head.children if c.dep_ == "nsubj"]
        elif noun.dep_ == "appos":
            subject = [noun.head]
        else:  # "the DP2 antagonist fevipiprant": the name after the class; "It belongs to a group of medicines called TNF blockers": the member
            after = noun.doc[noun.i + 1 : noun.i + 2]
            subject = [after[0]] if after and W.named_after_class([noun.text, after[0].text], drug=True) else W.class_members(noun)
        if not subject:
            return
        mods = [
            c
            for c in noun.lefts
            if c.dep_ in ("compound", "nmod") and (c.pos_ in ("PROPN", "NOUN", "X") or (c.pos_ == "NUM" and any(ch.isalpha() for ch in c.text)))
        ]
        targets: list[Any] = []
        if mods:
            first = min(m.left_edge.i for m in mods)
            last = noun.i
            # the compound's head: the last modifier
            target_tok = mods[-1]
            span_text = " ".join(t.text for t in self.sdoc[first:last] if t.text not in "()" and not (t.dep_ == "appos" and t.head.i in {m.i for m in mods}))
            entry = self.lookup_phrase(span_text.replace(" - ", "-"))
            symbol_like = any(ch.isupper() or ch.isdigit() for ch in span_text)
            typed = all(w.lower() in W._ANTIBODY_WORDS for w in span_text.replace("-", " ").split())
            antibody = normalize_word(noun.lower_) in ("antibody", "ligand", "modulator")
            if entry is not None and not typed and (entry.known or (symbol_like and not antibody)):
                self.cache[target_tok.i] = entry
                targets = [target_tok]
        for p in noun.children:
            if p.dep_ == "prep" and p.lower_ in ("against", "of", "to", "for", "at"):  # ("an agonist at CB1")
                targets += [g for g in p.children if g.dep_ == "pobj" and g.lower_ not in W._KIND_NOUNS]
        if not targets:
            return
        for s in subject:
            if s.pos_ in ("PROPN", "NOUN") and W.looks_like_drug(s.text):
                entry = self.state.agent(s.text)
                if entry is not None and entry.kind is NodeKind.AGENT:
                    self.cache[s.i] = entry
                    self.state.saw(entry, subject=s.dep_ == "nsubj")  # (a cached entry is not seen again)
        self.emit(noun, f"{noun.lower_}", sign, (subject, None), targets)

    def causative(self, verb: Any) -> None:
        """ "X makes the spleen bigger" (+ spleen), "X makes you more likely to catch infections"
        (+ infections), "X makes cells less prone to apoptosis" (- apoptosis)."""
        for adj in verb.children:
            if adj.dep_ not in ("ccomp", "oprd", "xcomp", "acomp") or adj.pos_ != "ADJ":
                continue
            degree = {c.lower_ for c in adj.children if c.dep_ == "advmod"}
            lemma = adj.lemma_.lower()
            if "less" in degree or lemma in W._SMALLER | W._STATE_DOWN:
                sign = "-"
            elif "more" in degree or lemma in W._BIGGER | W._STATE_UP or adj.tag_ == "JJR":
                sign = "+"
            else:
                continue
            if lemma in W._PRONE:  # "more likely to catch an infection", "less prone to infections"
                targets = [g for x in adj.children if x.dep_ == "xcomp" for g in x.children if g.dep_ == "dobj"]
                targets += [g for x in adj.children if x.dep_ == "prep" and x.lower_ == "to" for g in x.children if g.dep_ == "pobj"]
            elif adj.tag_ == "JJR" or lemma in W._BIGGER | W._SMALLER | W._STATE_UP | W._STATE_DOWN:
                targets = [c for c in adj.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
                targets += [c for c in verb.children if c.dep_ == "dobj" and c.pos_ != "PRON"]
            else:
                continue
            subjects = self.subject(verb)
            if any(c.dep_ == "amod" and c.lower_ in W._DECREASE_WORDS | {"low", "few", "fewer"} for s in subjects[0] for c in s.subtree if c.i < s.i):
                sign = "+" if sign == "-" else "-"  # "low neutrophil counts make infections more likely": neutrophils lower the risk
            if targets:
                self.emit(verb, "make", sign, subjects, targets)

    def small_clause(self, verb: Any) -> None:
        """What a cause makes something do or become: "makes skin cells grow" and "allows T cells to
        expand" (+ the cells), "causes neutrophils to die" (- neutrophils), "makes the marrow release
        stem cells" and "makes B cells switch to (the production of) IgE" (+ what comes out),
        "makes the vessels leaky" (+ the vessels; the adjective the parse hung on the object)."""
        for comp in verb.children:
            sign = "+"
            lemma = comp.lemma_.lower() if comp.pos_ == "VERB" else comp.lower_  # "multiply/NNP(ccomp)"
            if comp.dep_ not in ("ccomp", "xcomp") or comp.pos_ not in ("VERB", "NOUN", "PROPN") or any(c.dep_ == "neg" for c in comp.children):
                continue
            if comp.pos_ != "VERB" and lemma not in W._THRIVE_VERBS | W._PERISH_VERBS:
                continue
            doers = [c for c in comp.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN")]
            if not doers and comp.dep_ == "xcomp":
                doers = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
            if not doers:
                continue
            if lemma in W._THRIVE_VERBS | W._PERISH_VERBS or (lemma in W._REMOVED_VERBS and any(c.dep_ == "auxpass" for c in comp.children)):
                sign, targets = ("-" if lemma in W._PERISH_VERBS | W._REMOVED_VERBS else "+"), doers  # ("causes X to be taken into the cell")
            elif lemma in W._OUTPUT_VERBS:
                targets = [c for c in comp.children if c.dep_ == "dobj"]
            elif lemma in ("differentiate", "develop", "turn"):  # "helps B cells (to) differentiate into plasma cells": + what they become
                targets = [g for p in comp.children if p.dep_ == "prep" and p.lower_ == "into" for g in p.children if g.dep_ == "pobj"] or doers
            elif lemma == "switch":
                ends = [g for p in comp.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children if g.dep_ == "pobj"]
                targets = [W._prep_object(e, ("of",)) or e if e.lemma_.lower() in ("production", "synthesis") else e for e in ends]
            else:
                continue
            if targets:
                self.emit(verb, f"{verb.lemma_.lower()} {lemma}", sign, self.subject(verb), targets)
        if verb.lemma_.lower() in ("make", "render"):
            for obj in (c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")):
                after = [*obj.rights, *(a for a in verb.rights if a.i > obj.i)]  # "renders T cells anergic/JJ(advmod of renders)"
                state = next((a for a in after if a.dep_ in ("advmod", "amod") and a.lower_ in W._STATE_UP | W._STATE_DOWN), None)
                if state is not None:
                    sign = "-" if state.lower_ in W._STATE_DOWN else "+"
                    self.emit(verb, f"make {state.lower_}", sign, self.subject(verb), [obj])

    def change(self, verb: Any) -> None:
        """ "CRP and ESR fell after a dose of X, while haemoglobin rose": X lowers CRP and ESR
        and raises haemoglobin (a measured value changes with what was given)."""
        if any(c.dep_ in ("dobj", "obj", "nsubjpass") for c in verb.children) or W._is_passive(verb):
            return  # "X decreases Y" is a cue verb of its own
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.tag_ not in ("WDT", "WP") and c.pos_ != "PRON"]
        if not subjects:
            return
        givers = self.given(verb)
        if not givers and verb.dep_ in ("advcl", "conj") and verb.head.pos_ == "VERB" and verb.head.lemma_.lower() in W._FALL_VERBS | W._RISE_VERBS:
            givers = self.given(verb.head)  # "X fell after Y, while Z rose": after Y too
        agents = [(e, g) for e, g in self.entities(givers) if e.kind in (NodeKind.AGENT, NodeKind.THERAPY)]
        treated = [t for t in verb.subtree if t.lower_ in W._PEOPLE and any(c.dep_ == "amod" and c.lower_ in ("treated", "dosed") for c in t.children)]
        if not treated:  # "X fell within days of the first dose", "after the second infusion": a dose of the text's drug
            treated = [t for t in verb.subtree if t.lemma_.lower() in _DOSE_NOUNS and t.dep_ == "pobj" and not any(c.dep_ == "prep" for c in t.children)]
        drug = self.state.antecedent() if not agents and treated else None
        if drug is not None:  # "in treated patients, X fell": the drug of the text
            agents = [(drug, treated[0])]
        if not agents:
            return
        sign = "-" if verb.lemma_.lower() in W._FALL_VERBS else "+"
        targets = [e for e, _t in self.entities(subjects) if e.kind not in (NodeKind.AGENT, NodeKind.THERAPY)]
        if targets:
            self.emit_entries(verb, verb.lemma_.lower(), sign, [e for e, _g in agents], targets, "a change after what was given")


def _flat_event(toks: Any, verb: int) -> int | None:
    """A sentence that opens with an event of something before ``verb`` ("Binding of X", "The
    activation of X", :data:`parsewords._SUBJECT_EVENTS`): the index of its "of"."""
    first = 1 if len(toks) > 1 and toks[0].lower_ in C.DETERMINERS else 0
    if verb <= first + 2 or toks[first + 1].lower_ != "of":
        return None
    if normalize_word(toks[first].lower_) not in W._SUBJECT_EVENTS or any(
        t.lower_ == "of" or t.is_punct and t.text not in "-/" for t in toks[first + 2 : verb]
    ):
        return None
    return first + 1
