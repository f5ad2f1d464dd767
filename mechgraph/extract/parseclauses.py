"""Clauses in a parse: subjects (relative, coordinated, passive) and objects of the cues of the
parser-based reader (:mod:`.parsed`).
"""

from __future__ import annotations

from typing import Any

from ..vocabulary import NodeKind
from .parsebase import _ParseBase
from .parsewords import _CLASS_NOUNS, _GIVING_NOUNS, _SUBJECT_EVENTS, ADJECTIVE_END, _inverted, _is_passive, _plural_verb, _prep_object, class_members
from .tokens import normalize_word
from .verbclasses import PARTICLE_VERBS, VERB_SIGNS

#: words that set off an example or a comment, not a name ("including", "especially", "notably")
_SETTING_OFF = frozenset("including especially particularly notably like such mainly mostly chiefly also".split())
#: how a drug is given, which "by" names after a passive without naming an agent ("used by inhalation")
_ROUTES = frozenset("inhalation injection infusion mouth nebuliser nebulizer inhaler spray route vein".split())
#: what a disease is described as ("X, a serious disease caused by Y": X)
_ILLNESS_NOUNS = frozenset("disease illness infection condition disorder syndrome".split())
_GIVING = frozenset("add give administer combine use start continue feed introduce".split())
#: what a protein or cell does, said of the noun before ", which" even after a block ("X blocks
#: CysLT1, which mediates bronchoconstriction": CysLT1 does), where a change ("..., which lowers
#: IL-2") is the block's
_WHAT_THINGS_DO = frozenset(
    "mediate drive promote produce secrete release express bind encode activate phosphorylate induce stimulate recruit signal attract carry play".split()
)


class _ParseClauses(_ParseBase):
    """Subjects and objects of the cues of a parsed sentence."""

    def subject(self, verb: Any, depth: int = 0) -> tuple[list[Any], str | None]:
        """The subject tokens of a verb and how they were found."""
        if depth > 5:
            return [], None
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        if _directed_against(verb):
            head = verb.head  # "an antibody directed against CCR4": the antibody (the copula's subject where it is one's attribute)
            owners = [c for c in head.head.children if c.dep_ == "nsubj"] if head.dep_ == "attr" else []
            owners = owners or ([head.head] if head.dep_ == "appos" else [])  # "X, an antibody directed against CD38, ..."
            return (owners or [head]), None
        if _is_passive(verb):
            bys = [c for c in verb.children if c.dep_ == "agent"]
            bys += [d for c in bys for d in c.children if d.dep_ == "conj" and d.lower_ == "by"]  # "by A and by B"
            agents = [g for c in bys for g in c.children if g.dep_ == "pobj" and g.lemma_.lower() not in _ROUTES]  # (not "by inhalation")
            if not agents and VERB_SIGNS.get(verb.lemma_.lower()) in ("treat", "improve"):
                agents = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
            if not agents:
                agents = _given_during(verb)  # "Tregs are depleted during daratumumab therapy": daratumumab depletes them
            if not agents and _consequence(verb):
                # "X binds A, so B is blocked": X blocks B (the first clause hung on the verb, or the verb on it)
                earlier = [verb.head] if verb.dep_ in ("advcl", "conj") and verb.head.i < verb.i else []
                earlier += [c for c in verb.children if c.dep_ in ("ccomp", "advcl", "conj") and c.i < verb.i and c.pos_ == "VERB"]
                for clause in earlier:
                    found, _how = self.subject(clause, depth + 1)
                    if found:
                        return found, "subject of the clause whose consequence this is"
            return agents, None
        if not subjects and verb.dep_ == "ROOT" and verb.tag_ == "VB" and verb.i == 0 and VERB_SIGNS.get(verb.lemma_.lower()) in ("treat", "control"):
            withs = [p for p in verb.children if p.dep_ == "prep" and p.lower_ == "with"]
            withs += [q for p in withs for q in p.children if q.dep_ == "conj" and q.lower_ == "with"]  # "with A or with A and B"
            given = [g for p in withs for g in p.children if g.dep_ == "pobj"]
            if given:  # a label's instruction, "Treat severe CRS with tocilizumab": tocilizumab treats it
                return given, None
        if subjects and all(c.i > verb.i for c in subjects) and _inverted(verb):
            # "X contributes to A, induces B and ...": the parser took the object after the verb for its subject
            for earlier in verb.children:
                if earlier.dep_ in ("ccomp", "conj") and earlier.i < verb.i and earlier.pos_ == "VERB":
                    found, how = self.subject(earlier, depth + 1)
                    if found:
                        return found, how
            return [], None
        if subjects:
            s = subjects[0]
            if len(subjects) > 1 and s.pos_ not in ("NOUN", "PROPN", "PRON"):  # "Anti/nsubj -CD19 ... T cells/nsubj kill"
                s = next((c for c in reversed(subjects) if c.pos_ in ("NOUN", "PROPN")), s)
            if s.tag_ in ("WDT", "WP") or s.lower_ == "that":
                return self.relative_antecedent(verb)
            if s.pos_ == "VERB" and s.tag_ == "VBG":  # "Blocking this interaction releases ...": the agent doing it
                return self.gerund_subject(s)
            if s.i >= 3 and self.sdoc[s.i - 1].lower_ == "nor" and self.sdoc[s.i - 3].lower_ == "neither":
                return [self.sdoc[s.i - 2], s], None  # "Neither A nor B changed X": A too, however the parse hung it
            named = self.set_off_name(s, verb)
            if named is not None:
                return [named], "the name set off after the subject"  # "the active metabolite, X, blocks Y": X
            return [s], None
        fronted = [c for c in verb.lefts if c.dep_ == "advcl" and c.tag_ == "VBG" and c.i == 0 and c.lemma_.lower() in _GIVING]
        if fronted:  # "Feeding/advcl peanut to babies ... prevented most cases of the allergy": what was fed
            found, how = self.gerund_subject(fronted[0])
            if found:
                return found, how
        for prep in verb.lefts:  # "In controlled trials X reduced Y": the parser hung the subject on the fronted phrase
            if prep.dep_ == "prep" and prep.i < verb.i and not any(self.sdoc[k].is_punct for k in range(prep.i, verb.i)):
                swallowed = [
                    g for g in prep.children if g.dep_ == "pobj" and g.i == verb.i - 1 and any(c.tag_ == "NNS" and c.dep_ == "compound" for c in g.lefts)
                ]
                if swallowed:
                    return swallowed, None
        if verb.dep_ == "relcl":
            if verb.tag_ in ("VBZ", "VBP", "VBD") and self.after_comma(verb):
                # "promotes X, up-regulates Y and increases Z": a list of verbs the parser took for a relative clause
                governor = verb.head
                while governor.pos_ not in ("VERB", "AUX") and governor.dep_ != "ROOT":
                    governor = governor.head
                if governor.pos_ in ("VERB", "AUX"):
                    return self.subject(governor, depth + 1)
            return self.relative_antecedent(verb)
        if verb.dep_ == "acl":
            return ([verb.head], None) if verb.tag_ == "VBG" else ([], None)
        if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp", "ccomp", "prep") or verb.dep_ == "ROOT":
            head = verb.head
            steps = 0
            while head.pos_ not in ("VERB", "AUX") and head.dep_ != "ROOT" and steps < 4:
                head = head.head
                steps += 1
            if head.i == verb.i:
                return [], None
            if verb.dep_ in ("xcomp", "advcl") and head.lemma_.lower() in _PERMITTING:
                approved = [c for c in head.children if c.dep_ == "dobj"]
                if approved:  # "regulators approved X to treat D": X treats D, not the regulators
                    return approved, None
            if verb.dep_ == "conj" and {verb.tag_, head.tag_} == {"VBZ", "VBP"} and head.dep_ == "relcl":
                # "slows the growth of cells that divide quickly and damps down X": "damps" does not
                # agree with "divide", whose subject is "cells"; it is the main verb's conjunct
                governor = head.head
                while governor.pos_ not in ("VERB", "AUX") and governor.dep_ != "ROOT" and governor.head is not governor:
                    governor = governor.head
                if governor.pos_ in ("VERB", "AUX") and governor.tag_ == verb.tag_:
                    return self.subject(governor, depth + 1)
            if verb.dep_ == "conj" and _is_passive(head) and not _is_passive(verb):
                passive_subject = [c for c in head.children if c.dep_ == "nsubjpass"]
                if passive_subject:  # "X is produced by monocytes and induces fever": X induces fever
                    return passive_subject, None
            if verb.dep_ == "xcomp" and _is_passive(head):
                passive = [c for c in head.children if c.dep_ == "nsubjpass"]
                if passive:
                    return [passive[0]], None
                gerunds = [c for c in head.children if c.dep_ in ("csubjpass", "csubj") and c.tag_ == "VBG"]
                if gerunds:  # "Shutting down this signalling is thought to dampen X": the agent doing it
                    return self.gerund_subject(gerunds[0])
                if head.dep_ == "acl":  # "an antagonist indicated to reduce X": the antagonist, or the copula's subject
                    noun = head.head
                    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
                        return [c for c in noun.head.children if c.dep_ == "nsubj"][:1], None
                    return [noun], None
            found, how = self.subject(head, depth + 1)
            if not found and head.pos_ in ("VERB", "AUX"):
                passive = [c for c in head.children if c.dep_ == "nsubjpass"]
                if passive:
                    return [passive[0]], None
            return found, how
        return [], None

    def set_off_name(self, subject: Any, verb: Any) -> Any:
        """The drug named between commas right after a subject that does not name one ("the active
        metabolite, teriflunomide, blocks X"), however the parse hung the name; its first token."""
        between = self.sdoc[subject.i + 1 : verb.i]
        if not 3 <= len(between) <= 6 or between[0].text != "," or between[-1].text != "," or any(t.text == "," for t in between[1:-1]):
            return None
        if any(t.pos_ not in ("NOUN", "PROPN", "ADJ", "ADV", "NUM", "PUNCT") or t.lower_ in _SETTING_OFF for t in between[1:-1]):
            return None  # "immunosuppression, including with X, raises ...": an example, not the subject's name
        own = self.entity(subject)
        if own is None or own.known or own.kind is NodeKind.AGENT:
            return None
        drug = self.lookup_phrase(between[1:-1].text)
        if drug is None or drug.kind is not NodeKind.AGENT:
            return None
        self.cache[between[1].i] = drug
        return between[1]

    def gerund_subject(self, gerund: Any) -> tuple[list[Any], str | None]:
        """The subject of a verb whose subject is a gerund clause: the drug the gerund gives
        ("Adding X to Y extended survival": X), else the agent of the text doing it ("Blocking this
        interaction releases ...")."""
        given = [c for c in gerund.children if c.dep_ == "dobj" and gerund.lemma_.lower() in _GIVING]
        if given:
            return given, None
        given = [g for p in gerund.children if p.dep_ == "prep" and p.lower_ == "with" for g in p.children if g.dep_ == "pobj"]
        treating = gerund.lemma_.lower() in ("treat", "inject", "infuse", "immunise", "immunize", "vaccinate", "infect")
        if given and (treating or any(e.kind in (NodeKind.AGENT, NodeKind.THERAPY) for e, _t in self.entities(given))):
            return given, None  # "Treating patients with X induced remission", "Blocking Y with X and Z prevented W": X (and Z) did
        if normalize_word(gerund.lower_) in _SUBJECT_EVENTS and _prep_object(gerund, ("of",)) is not None:
            return [gerund], None  # "Binding of C1q activates C1r": an event of C1q, no gerund of the text's agent
        named = [c for c in gerund.children if c.dep_ in ("compound", "nmod") and c.pos_ in ("NOUN", "PROPN") and c.i == gerund.i - 1]
        if named and normalize_word(gerund.lower_) in _SUBJECT_EVENTS:
            return named, None  # "adenosine binding raises cyclic AMP": adenosine does
        through = _prep_object(gerund, ("through", "via")) if gerund.lower_ in ("signalling", "signaling") else None
        if through is not None:
            return [through], None  # "Signalling through dectin-1 activates SYK": dectin-1 does
        return [], "gerund"

    def after_comma(self, verb: Any) -> bool:
        k = verb.i - 1
        while k >= 0 and self.sdoc[k].text in ("-", "‐", "up", "down", "co", "also"):
            k -= 1
        return k >= 0 and self.sdoc[k].text == ","

    def relative_antecedent(self, verb: Any) -> tuple[list[Any], str | None]:
        """The antecedent of "which"/"that": the noun the clause attaches to, or for ", which"
        after a negative cue the subject of that cue (the event is the antecedent)."""
        noun = verb.head
        relative = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in ("WDT", "WP")), None)
        if verb.dep_ == "ccomp" and noun.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in noun.children):
            focus = [c for c in noun.children if c.dep_ == "attr" and c.i < verb.i and not any(d.lower_ in ("a", "an") for d in c.children)]
            if focus:  # "It is IL-17 that/ccomp drives the disease": IL-17
                return focus, "the noun a cleft sentence puts first"
        if relative is not None and noun.pos_ not in ("NOUN", "PROPN", "NUM", "PRON") and relative.i > 0 and self.sdoc[relative.i - 1].text == ",":
            # ", which modulate X" hung on a verb by the parser: the noun right before the comma
            before = self.sdoc[relative.i - 2] if relative.i >= 2 else None
            if before is not None and before.text == ")" and relative.i >= 3:
                before = self.sdoc[relative.i - 3]  # "... (STATs), which": the bracketed name
            named = before is not None and (before.pos_ in ("NOUN", "PROPN") or (before.pos_ in ("X", "NUM") and any(ch.isalpha() for ch in before.text)))
            if before is not None and named and (before.tag_ in ("NNS", "NNPS")) == _plural_verb(verb):  # (and "IL-4/X")
                return [before], None
            if _plural_verb(verb):  # "kinase 1 (JAK1) and kinase 2 (TYK2), which phosphorylate X": both short forms
                shorts = self.bracketed_list(relative.i - 1)
                if len(shorts) >= 2:
                    return shorts, None
        if relative is not None and _plural_verb(verb) and noun.tag_ in ("NN", "NNP") and noun.left_edge.i >= 2:
            joiner = self.sdoc[noun.left_edge.i - 1]
            first = self.sdoc[noun.left_edge.i - 2]
            if joiner.lower_ in ("and", "or") and (first.pos_ in ("NOUN", "PROPN") or (first.pos_ == "NUM" and any(ch.isalpha() for ch in first.text))):
                return [first, noun], None  # "secrete IL-10 and TGF-beta, which suppress X": both, however the parse hung them
        if relative is not None and _plural_verb(verb) and noun.tag_ in ("NN", "NNP") and not any(c.dep_ == "conj" for c in noun.children):
            # "the action of two proteins called X and Y, which both play ...": a plural verb needs a
            # plural antecedent, the nearest plural noun or coordination before the relative
            for k in range(relative.i - 1, noun.i, -1):
                t = self.sdoc[k]
                if t.pos_ in ("NOUN", "PROPN", "NUM") and (t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children)):
                    return [t], None

        if relative is not None and verb.tag_ in ("VBP", "VB") and noun.tag_ in ("NN", "NNP") and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
            holder = noun.head.head
            if holder.pos_ in ("NOUN", "PROPN") and holder.tag_ in ("NNS", "NNPS"):
                return [holder], None  # "antigen-presenting cells in the bladder wall, which secrete X": the cells
        comma = noun.i + 1 < len(self.sdoc) and any(self.sdoc[k].text == "," for k in range(noun.i + 1, min(verb.i, len(self.sdoc))))
        members = class_members(noun)
        if comma and members:  # "X belongs to a group of medicines called JAK inhibitors, which reduce Y": X does
            return members, "the drug of the class the clause is about"
        held = noun.head.head if noun.dep_ == "pobj" else None
        if comma and held is not None and noun.head.lower_ in ("in", "among", "during") and held.pos_ == "VERB" and (self.cue(held) or ("", ""))[1] != "-":
            changed = [c for c in held.children if c.dep_ == "dobj" and c.i < noun.i]  # (after a block, the event: below)
            if changed:  # "X raises HbF in sickle cell disease, which lowers Y": what X raises does, not the disease
                return changed, None
        governor = noun.head if noun.dep_ in ("dobj", "pobj", "conj", "appos") else None
        steps = 0
        while governor is not None and governor.pos_ not in ("VERB", "AUX") and governor.dep_ in ("prep", "pobj", "dobj", "conj", "appos") and steps < 4:
            governor = governor.head  # "lowers the number of white cells, which ...": up to the verb
            steps += 1
        if comma and governor is not None and governor.pos_ in ("VERB", "AUX") and not _plural_verb(verb):
            cue = self.cue(governor)  # (an event is singular: "which both play" has a plural antecedent)
            if cue is not None and cue[1] == "-" and verb.lemma_.lower() not in _WHAT_THINGS_DO:
                subjects, _how = self.subject(governor)
                return subjects, "', which' read as the event"
        if noun.dep_ == "attr" and noun.head.lemma_ == "be":  # "X is an antibody that binds Y": X
            subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]
            indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)  # ("It is an antibody that binds Y": the drug)
            if subjects and subjects[0].lower_ == "it" and subjects[0].i < noun.i and verb.tag_ in ("VBZ", "VBD", "VBP") and not indefinite:
                return [noun], "the noun a cleft sentence puts first"  # "It is this blood stage that causes fever": the stage
            if subjects:
                return subjects, None
        if noun.dep_ == "dobj" and noun.head.lemma_.lower() in _HOLDING and normalize_word(noun.lower_) in _CLASS_NOUNS:
            subjects = [c for c in noun.head.children if c.dep_ == "nsubj"]  # "X contains antibodies that neutralise Y": X
            if subjects:
                return subjects, "what holds the antibodies the clause is about"
        if noun.dep_ == "appos" and noun.head.pos_ in ("PROPN", "NOUN"):  # "X, an antibody that binds Y": X
            head = noun.head
            k = noun.left_edge.i - 1
            if k >= 1 and self.sdoc[k].text == ",":  # an appositive follows its noun: the name right before the comma
                before = self.sdoc[k - 1]
                if before.text == ")" and k >= 3 and self.sdoc[k - 3].text == "(":
                    before = self.sdoc[k - 2]  # "aldehyde dehydrogenase (ALDH), an enzyme that ...": ALDH
                if before.pos_ in ("NOUN", "PROPN") and before.i != head.i and before.i > head.i:
                    return [before], None
            if head.dep_ == "attr" and head.head.lemma_ == "be":  # "X is a human/NN monoclonal/NN IgG1 antibody that ...": X
                subjects = [c for c in head.head.children if c.dep_ == "nsubj"]
                if subjects:
                    return subjects, None
            return [head], None
        if (
            relative is not None
            and noun.dep_ == "conj"
            and verb.tag_ != "VBZ"
            and self.sdoc[relative.i - 1].text == ","
            and any(c.dep_ == "conj" for c in noun.children)
        ):
            # "acts on NK cells, Th1 cells and CD8+ T cells, which then produce X": the whole list (the parse
            # hung the clause on a middle item)
            first = noun.head
            while first.dep_ == "conj" and first.head.pos_ in ("NOUN", "PROPN"):
                first = first.head
            heads = {normalize_word(t.lower_) for t in (first, *first.conjuncts)}  # (items of one kind: not "the adaptor X, ..., the ligases Y")
            if first.pos_ in ("NOUN", "PROPN") and len(heads) == 1 and all(c.i < relative.i for c in first.conjuncts):
                return [first], None
        return [noun], None

    def bracketed_list(self, end: int) -> list[Any]:
        """The short forms of "long name (A), long name (B) and long name (C)" ending before ``end``."""
        found: list[Any] = []
        k = end - 1
        while k >= 2 and self.sdoc[k].text == ")" and self.sdoc[k - 2].text == "(":
            found.append(self.sdoc[k - 1])
            j = k - 3
            while j >= 0 and k - j <= 8 and self.sdoc[j].lower_ not in ("and", "or", ",", "(", ")"):
                j -= 1
            if j < 0 or self.sdoc[j].lower_ not in ("and", "or", ","):
                break
            k = j - 1
            while k >= 0 and self.sdoc[k].text == ",":
                k -= 1
        return found[::-1]

    def objects(self, verb: Any, reading: str) -> list[Any]:
        if _directed_against(verb):
            return [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "against" for g in p.children if g.dep_ == "pobj"]
        objs = [c for c in verb.children if c.dep_ in ("dobj", "obj", "attr", "oprd")]
        if not objs and verb.lemma_.lower() != "be":  # "binds albumin/JJ(acomp)": a name the tagger took for an adjective
            objs = [
                c
                for c in verb.children
                if c.dep_ == "acomp" and c.i == verb.i + 1 and (self.doc.lexicon.lookup(c.text) is not None or not ADJECTIVE_END.search(c.lower_))
            ]
            for c in objs:
                c.tag_, c.pos_, c.dep_ = "NN", "NOUN", "dobj"
        if not objs and _inverted(verb):
            objs = [c for c in verb.children if c.dep_ == "nsubj" and c.i > verb.i]  # "..., induces B and ...": B
        if _is_passive(verb):
            objs = [c for c in verb.children if c.dep_ == "nsubjpass"]
            if verb.dep_ == "relcl" and objs and objs[0].tag_ in ("WDT", "WP"):
                objs = [verb.head]  # "colitis and hepatitis, which are treated with X"
            if verb.dep_ == "acl":
                described = _described(verb.head)
                objs = described or [verb.head]  # "X are proteins secreted by Y": X
                named = self.sdoc[verb.head.left_edge.i - 2] if verb.head.left_edge.i >= 2 and self.sdoc[verb.head.left_edge.i - 1].text == "," else None
                if (
                    not described
                    and named is not None
                    and normalize_word(verb.head.lower_) in _CLASS_NOUNS | _ILLNESS_NOUNS  # ("anthrax, a fatal disease caused by X")
                    and (named.pos_ in ("NOUN", "PROPN") or not named.is_lower)
                ):
                    objs = [named]  # "hepcidin, a small peptide hormone made by hepatocytes": hepcidin (however the parse hung the description)
            if verb.dep_ == "relcl" and not objs:
                objs = [verb.head]
        for child in verb.children:
            if child.dep_ in ("prep", "dative") and (verb.lemma_.lower(), child.lower_) in PARTICLE_VERBS:
                objs += [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
        if not objs and reading in ("treat", "+", "-", "0", "cause", "improve", "control"):
            # "phosphorylate and activate STATs": share the object of a coordinated verb
            for sibling in [*verb.children, verb.head]:
                if sibling.dep_ == "conj" or (sibling.i == verb.head.i and verb.dep_ == "conj"):
                    objs = [c for c in sibling.children if c.dep_ in ("dobj", "obj")]
                    if objs:
                        break
        return objs


#: verbs whose object is what does the next verb's action ("approved X to treat D", "allows X to bind Y")
_PERMITTING = frozenset("approve license licence authorise authorize clear allow permit enable recommend".split())
_CONSEQUENCE = frozenset("so thus therefore hence consequently thereby".split())
#: verbs whose object is a part that acts for the whole ("X contains antibodies that neutralise Y")
_HOLDING = frozenset("contain carry include comprise".split())


def _described(noun: Any) -> list[Any]:
    """The subject of "X is/are a <class noun>" when ``noun`` is that bare class noun ("proteins",
    "a cytokine") or any noun with "a" ("a rare immunodeficiency caused by Y"): what the noun stands for."""
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in noun.children)  # ("X is a type 2 cytokine made by Y": X)
    if noun.dep_ != "attr" or noun.head.lemma_ != "be" or (normalize_word(noun.lower_) not in _CLASS_NOUNS and not indefinite):
        return []
    if any(c.dep_ == "appos" or (not indefinite and (c.dep_ in ("compound", "nmod") or (c.dep_ == "amod" and c.i < noun.i))) for c in noun.children):
        return []  # "the pro-inflammatory cytokine", "the protein IL-6": a name or a kind of its own
    before = noun.doc[noun.left_edge.i - 2] if noun.left_edge.i >= 2 and noun.doc[noun.left_edge.i - 1].text == "," else None
    if before is not None and before.dep_ == "pobj" and before.pos_ in ("NOUN", "PROPN") and normalize_word(noun.lower_) in _ILLNESS_NOUNS:
        return [before]  # "X is a vaccine against cholera, a disease caused by Y": cholera, the second attribute's noun
    return [c for c in noun.head.children if c.dep_ == "nsubj" and (c.pos_ in ("NOUN", "PROPN", "PRON") or any(ch.isalpha() for ch in c.text))]


def _consequence(verb: Any) -> bool:
    """Whether a clause is stated as the consequence of the one before ("..., so B is blocked",
    "and thus B cells are depleted")."""
    return any(c.dep_ in ("advmod", "mark", "cc") and c.lower_ in _CONSEQUENCE and c.i < verb.i for c in verb.children) or any(
        t.lower_ in _CONSEQUENCE for t in verb.doc[max(0, verb.left_edge.i - 1) : verb.left_edge.i + 1]
    )


def _directed_against(verb: Any) -> bool:
    """ "an antibody directed (targeted) against X": a participle that names what the noun binds (where "raised against
    human thymocytes" names what it was made from)."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBN"
        and verb.lemma_.lower() in ("direct", "target")
        and any(c.dep_ == "prep" and c.lower_ == "against" for c in verb.children)
    )


def _given_during(verb: Any) -> list[Any]:
    """The drug of "during X therapy", "after treatment with X", "following X infusion" on a passive verb
    without an agent: what was given while the change came."""
    found: list[Any] = []
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("during", "after", "following", "under")):
        for course in (g for g in prep.children if g.dep_ == "pobj" and g.lemma_.lower() in _GIVING_NOUNS):
            found += [c for c in course.children if c.dep_ == "compound" and c.pos_ in ("PROPN", "NOUN")]
            found += [d for q in course.children if q.dep_ == "prep" and q.lower_ in ("with", "of") for d in q.children if d.dep_ == "pobj"]
    return found
