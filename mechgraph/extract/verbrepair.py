"""Tree repairs of verbs the small pipeline misplaces: a verb with a subject of its own hung as a
modifier, a cue verb tagged as a noun, a drug's participle phrase taken for the clause's verb, a
participle after the subject taken for a second subject ("patients taking X/csubj develop Y"), a
participle after a copula, the harm of a verb of protection hung on the people protected; and
names with a Roman numeral ("type I interferon") the pipeline splits at the numeral. A part of
:func:`.parserepair.repair_tree`.
"""

from __future__ import annotations

import re
from typing import Any

from .parsewords import _PEOPLE, CUE_FORMS, OUTPUT_FORMS, looks_like_drug
from .tokens import normalize_word
from .verbclasses import PARTICLE_VERBS, VERB_SIGNS

__all__ = [
    "adjectives_taken_for_objects",
    "given_phrases_taken_for_verbs",
    "gerund_objects_taken_for_subjects",
    "noun_phrases_taken_for_clauses",
    "objects_taken_for_verbs",
    "objects_taken_for_second_subjects",
    "harms_hung_on_objects",
    "drug_names_taken_for_verbs_after_to",
    "two_word_drug_names",
    "words_tagged_as_punctuation",
    "participles_after_copulas",
    "participles_taken_for_subjects",
    "numbered_names",
    "verbs_tagged_as_nouns",
    "verbs_with_subjects_taken_for_modifiers",
]

_GIVEN_FORMS = frozenset("taken given administered used injected applied infused".split())


def _above(tok: Any, other: Any) -> bool:
    """Whether ``tok`` is ``other`` or one of its heads (hanging ``tok`` on ``other`` would make a cycle)."""
    seen = 0
    while seen <= len(other.doc):
        if other.i == tok.i:
            return True
        if other.head.i == other.i:
            return False
        other, seen = other.head, seen + 1
    return True


def objects_taken_for_second_subjects(sdoc: Any) -> int:
    """The object of a verb taken, with the subject of the next clause, for a coordinated subject of
    that clause ("LFA-1 binds ICAM-1 and VLA-4 binds VCAM-1" read as "binds [ICAM-1 and VLA-4 binds
    VCAM-1]"): the first name is the verb's object, the second the next clause's subject."""
    repairs = 0
    for verb in sdoc:
        if not verb.tag_.startswith("VB") or verb.lemma_.lower() not in VERB_SIGNS or any(c.dep_ == "dobj" for c in verb.children):
            continue
        for clause in [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and c.tag_.startswith("VB")]:
            subjects = [c for c in clause.children if c.dep_ == "nsubj" and verb.i < c.i < clause.i]
            if len(subjects) != 1 or not all(sdoc[k].pos_ == "ADV" for k in range(verb.i + 1, subjects[0].left_edge.i)):
                continue
            first = subjects[0]
            second = [c for c in first.children if c.dep_ == "conj" and c.i < clause.i]
            cc = [c for c in first.children if c.dep_ == "cc" and c.lower_ == "and"]
            if len(second) != 1 or len(cc) != 1 or clause.lemma_.lower() not in VERB_SIGNS:
                continue
            first.head, first.dep_ = verb, "dobj"
            second[0].head, second[0].dep_ = clause, "nsubj"
            cc[0].head = verb
            clause.head, clause.dep_ = verb, "conj"
            repairs += 1
    return repairs


def verbs_with_subjects_taken_for_modifiers(sdoc: Any) -> int:
    """A verb with a subject of its own hung as a modifier on the subject of the next verb ("X
    activated/amod T cells/nsubj and resulted in Y"): the verb is the clause's, the noun its object and
    the next verb its conjunct."""
    repairs = 0
    for verb in sdoc:
        noun = verb.head
        nexts = noun.head
        if verb.tag_ in ("VBD", "VBN", "VBZ") and verb.dep_ == "amod" and noun.i > verb.i and noun.dep_ != "nsubj":
            subject = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
            if subject and VERB_SIGNS.get(verb.lemma_.lower()) in ("+", "-"):
                # "in which the combination/nsubj more than doubled/amod median survival": the relative clause's verb
                relative = any(g.tag_ in ("WDT", "WP") for c in verb.children if c.dep_ == "prep" for g in c.children)
                if noun.dep_ == "ROOT" or noun.head.i == noun.i or _above(verb, noun.head):
                    continue  # (a root noun, or one whose head hangs below the verb: no tree to rewire safely)
                verb.head, verb.dep_, verb.pos_ = noun.head, ("relcl" if relative else noun.dep_), "VERB"
                noun.head, noun.dep_ = verb, "dobj"
                repairs += 1
            continue
        if verb.tag_ not in ("VBD", "VBN", "VBZ") or verb.dep_ != "amod" or noun.dep_ != "nsubj" or not verb.i < noun.i < nexts.i:
            continue
        subject = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
        cc = [c for c in noun.children if c.dep_ == "cc" and noun.i < c.i < nexts.i]
        if not subject or not cc or verb.lemma_.lower() not in VERB_SIGNS or nexts.pos_ != "VERB":
            continue
        verb.head, verb.dep_, verb.pos_ = (verb if nexts.dep_ == "ROOT" else nexts.head), nexts.dep_, "VERB"
        noun.head, noun.dep_ = verb, "dobj"
        nexts.head, nexts.dep_ = verb, "conj"
        cc[0].head = verb
        for child in [c for c in nexts.children if c.i < subject[0].i]:  # "In vitro, ...": the first clause's
            child.head = verb
        repairs += 1
    return repairs


def given_phrases_taken_for_verbs(sdoc: Any) -> int:
    """A drug's participle phrase taken for the clause's verb, the clause's own verb for a modifier
    ("azithromycin taken/ROOT three times a week reduced/amod asthma exacerbations/dobj"): the cue
    verb is the clause's, the participle describes the drug."""
    repairs = 0
    for given in sdoc:
        if given.dep_ != "ROOT" or given.lower_ not in _GIVEN_FORMS or any(c.dep_ in ("aux", "auxpass") for c in given.children):
            continue
        subject = next((c for c in given.children if c.dep_ == "nsubj" and c.i < given.i), None)
        verb = next((t for t in sdoc[given.i + 1 :] if t.dep_ == "amod" and t.tag_ in ("VBN", "VBD") and VERB_SIGNS.get(t.lemma_.lower()) in ("+", "-")), None)
        if subject is None or verb is None or verb.head.dep_ not in ("dobj", "npadvmod", "attr") or verb.head.head.i != given.i:
            continue
        noun = verb.head
        verb.head, verb.dep_, verb.tag_, verb.pos_ = verb, "ROOT", "VBD", "VERB"
        noun.head, noun.dep_ = verb, "dobj"
        subject.head = verb
        given.head, given.dep_ = subject, "acl"
        for child in [
            c for c in given.children if c.dep_ in ("prep", "punct", "advmod", "advcl", "cc", "conj") and c.i > verb.i or c.dep_ == "punct" and c.i < subject.i
        ]:
            child.head = verb
        for child in [c for c in given.children if c.dep_ == "prep" and c.i < subject.i]:
            child.head = verb
        repairs += 1
    return repairs


def verbs_tagged_as_nouns(sdoc: Any) -> int:
    """A cue verb tagged as a noun though the parse gave it a subject and an object ("the burst of
    thrombin that follows causes/NNS(conj) thrombosis"): a verb."""
    repairs = 0
    for word in sdoc:
        if word.tag_ not in ("NNS", "NN") or word.dep_ not in ("ROOT", "conj", "relcl", "ccomp"):
            continue
        deps = {c.dep_ for c in word.children}
        form = word.lower_
        lemma = form[:-1] if form.endswith("s") and form[:-1] in VERB_SIGNS else form
        before = word.doc[word.i - 1] if word.i > 0 else None
        plural = before is not None and before.dep_ == "compound" and before.head.i == word.i and before.tag_ == "NNS" and form == lemma
        stem = form[:-1] if form.endswith("s") else form  # ("X binds/NNS to Y", "X associates/NNS with Y")
        if form.endswith("es") and not any((stem, c.lower_) in PARTICLE_VERBS for c in word.children):
            stem = form[:-2]  # ("TAK1 switches/NNS on the IKK complex")
        particle = any(c.dep_ == "prep" and (stem, c.lower_) in PARTICLE_VERBS for c in word.children)
        if (
            particle
            and word.dep_ in ("ROOT", "conj")
            and before is not None
            and before.head.i == word.i
            and before.dep_ in ("compound", "nummod", "amod", "nsubj", "dep")
        ):
            word.tag_, word.pos_, word.lemma_, before.dep_ = "VBZ", "VERB", stem, "nsubj"
            repairs += 1
            continue
        signed = VERB_SIGNS.get(lemma)
        if word.dep_ == "conj" and word.tag_ == "NNS" and "dobj" in deps and word.head.tag_ in ("VBZ", "VBD") and form.endswith("es"):
            particle_word = next((c.lower_ for c in word.children if c.dep_ == "prt"), "")  # "drives X and switches/NNS off Y"
            for f in (form[:-2], form[:-1]):
                if VERB_SIGNS.get(f) or VERB_SIGNS.get(f"{f} {particle_word}"):
                    lemma, signed = f, VERB_SIGNS.get(f) or VERB_SIGNS.get(f"{f} {particle_word}")
                    deps.add("nsubj")  # (the subject is the first verb's)
                    break
        if ({"nsubj", "dobj"} <= deps or (plural and "dobj" in deps)) and (signed in ("+", "-", "0", "cause") or lemma in OUTPUT_FORMS):
            word.tag_, word.pos_, word.lemma_ = ("VBZ" if form != lemma else "VBP"), "VERB", lemma
            if plural and before is not None and "nsubj" not in deps:  # "Activated platelets/compound express/NN P-selectin": the subject
                before.dep_ = "nsubj"
            repairs += 1
    return repairs


def adjectives_taken_for_objects(sdoc: Any) -> int:
    """An adjective taken for a verb's object, its noun hung on another verb ("a signalosome that
    activates the canonical/dobj NF-κB pathway/dobj(of assembles)"): the noun is the object; with no
    noun after it, the word is the noun ("may develop myopathy/JJ.")."""
    repairs = 0
    for adj in sdoc:
        glued = adj.i + 1 < len(sdoc) and sdoc[adj.i + 1].text in ("-", "‐")  # ("trans-signalling": a prefix)
        if adj.tag_ == "JJ" and adj.dep_ in ("nsubj", "nsubjpass") and not glued and not any(c.dep_ == "amod" for c in adj.children):
            adj.tag_, adj.pos_ = "NN", "NOUN"  # "only ramatroban/JJ, which blocks X, has ...": a subject is a noun
            repairs += 1
            continue
        if adj.tag_ != "JJ" or adj.dep_ != "dobj" or any(c.dep_ not in ("det", "advmod") for c in adj.children):
            continue
        noun = next((t for t in sdoc[adj.i + 1 : adj.i + 5] if t.dep_ == "dobj" and t.pos_ in ("NOUN", "PROPN")), None)
        if noun is None and (adj.i + 1 == len(sdoc) or sdoc[adj.i + 1].is_punct or sdoc[adj.i + 1].dep_ in ("cc", "prep")):
            adj.tag_, adj.pos_ = "NN", "NOUN"
            repairs += 1
            continue
        if noun is None or noun.head.i == adj.head.i or any(t.dep_ not in ("compound", "amod", "punct") for t in sdoc[adj.i + 1 : noun.i]):
            continue
        if _above(noun, adj.head):
            continue
        noun.head = adj.head
        for child in [c for c in adj.children if c.dep_ == "det"]:
            child.head = noun
        adj.head, adj.dep_ = noun, "amod"
        repairs += 1
    return repairs


_NUMBERED = frozenset("type class phase grade stage complex group".split())
_ROMAN = frozenset("I II III IV".split())
_NUMBERED_TEXT = re.compile(r"\b(?:type|class|phase|grade|stage|complex|group) (?:I|II|III|IV)\b", re.IGNORECASE)
_GERUND_PRONOUN = re.compile(r"ing (?:it|them|this|these)\b")
#: nouns after a numbered class that the tagger may take for verbs ("class I molecules/VBZ")
_NUMBERED_HEADS = frozenset("molecule chain receptor interferon gene protein antigen region domain".split())


def numbered_names(sdoc: Any) -> int:
    """A name with a Roman numeral that the pipeline split at the numeral, read as the pronoun
    "I" ("produce type/dobj I/dobj interferon/dobj", "MHC class II molecules"): one noun phrase
    headed by its last noun, hung where the phrase's first word was."""
    repairs = 0
    if not _NUMBERED_TEXT.search(sdoc.text):
        return 0
    for num in sdoc[1:-1]:
        first, after = sdoc[num.i - 1], sdoc[num.i + 1]
        verb_like = after.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "DET", "PRON") and normalize_word(after.lower_) not in _NUMBERED_HEADS
        if num.text not in _ROMAN or first.lower_ not in _NUMBERED or not after.is_alpha or verb_like:
            continue  # (but "class I molecules/VBZ" is a name)
        head = after
        while head.dep_ in ("compound", "amod") and head.head.i > head.i and head.head.pos_ in ("NOUN", "PROPN"):
            head = head.head
        if first.head.i == head.i and num.head.i in (first.i, head.i):
            continue  # one phrase already
        outer = next((t for t in (first, num, head) if not first.i <= t.head.i <= head.i or t.head.i == t.i), None)
        if outer is None or _above(head, outer.head) and outer.head.i != outer.i:
            continue
        if outer.head.i == outer.i:
            head.head, head.dep_ = head, "ROOT"
        else:
            head.head, head.dep_ = outer.head, outer.dep_
        first.head, first.dep_ = head, "compound"
        num.head, num.dep_, num.tag_, num.pos_ = first, "nummod", "CD", "NUM"
        if head.pos_ in ("ADJ", "VERB"):  # "interferon/JJ", "molecules/VBZ"
            head.pos_, head.tag_ = "NOUN", ("NNS" if head.lower_.endswith("s") else "NN")
        repairs += 1
    return repairs


def noun_phrases_taken_for_clauses(sdoc: Any) -> int:
    """An object noun phrase parsed as a clause without a verb, its first noun as the clause's
    subject ("B cells make IgG/nsubj antibodies/ccomp against X"): the verb's object, the first
    noun a modifier of it."""
    repairs = 0
    for verb in sdoc:
        if verb.pos_ != "VERB" or any(c.dep_ == "dobj" for c in verb.children):
            continue
        for clause in [c for c in verb.children if c.dep_ == "ccomp" and c.pos_ in ("NOUN", "PROPN") and c.i > verb.i]:
            subjects = [c for c in clause.children if c.dep_ == "nsubj"]
            if len(subjects) != 1 or subjects[0].i != clause.i - 1 or subjects[0].pos_ not in ("NOUN", "PROPN"):
                continue
            if any(c.pos_ in ("VERB", "AUX") for c in clause.children):
                continue
            clause.dep_, subjects[0].dep_ = "dobj", "compound"
            repairs += 1
    return repairs


def objects_taken_for_verbs(sdoc: Any) -> int:
    """The second of two coordinated objects hung on the verb as a coordinated verb ("removes
    HLA-A/dobj and HLA-B/conj(of removes)"): coordinated with the first object."""
    repairs = 0
    for verb in sdoc:
        if verb.pos_ != "VERB":
            continue
        objs = [c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")]
        if not objs:
            continue
        symbol = [c for c in verb.children if c.dep_ == "conj" and c.text[:1].isupper() and any(ch.isupper() for ch in c.text[1:])]  # "HLA-E/RB"
        for other in [c for c in verb.children if c.dep_ == "conj" and (c.tag_ in ("NN", "NNS", "NNP", "NNPS") or c in symbol) and c.i > objs[0].i]:
            if any(c.dep_ not in ("compound", "amod", "det", "nummod", "punct", "cc", "conj", "prep") for c in other.children) or other.lower_ in CUE_FORMS:
                continue  # a clause of its own, or a verb the tagger took for a noun
            between = [c for c in verb.children if c.dep_ == "cc" and objs[0].i < c.i < other.i]
            other.head = objs[0]
            if other in symbol and not other.tag_.startswith("NN"):
                other.tag_, other.pos_ = "NNP", "PROPN"
            for cc in between:
                cc.head = objs[0]
            repairs += 1
    return repairs


def gerund_objects_taken_for_subjects(sdoc: Any) -> int:
    """A gerund's object pronoun taken for the subject of the verb after it, the verb hung on the
    gerund ("blocking/advcl it/nsubj might prevent/ccomp X"): the pronoun is the gerund's object and
    the gerund the verb's subject."""
    repairs = 0
    if not _GERUND_PRONOUN.search(sdoc.text):
        return 0
    for gerund in sdoc[:-2]:
        pronoun, verb = sdoc[gerund.i + 1], gerund.head
        clause = next((c for c in gerund.children if c.dep_ == "ccomp" and c.pos_ == "VERB"), None)
        if gerund.tag_ != "VBG" or VERB_SIGNS.get(gerund.lemma_.lower()) not in ("+", "-", "0") or clause is None:
            continue
        if pronoun.lower_ not in ("it", "them", "this", "these") or pronoun.dep_ != "nsubj" or pronoun.head.i != clause.i:
            continue
        clause.head, clause.dep_ = (verb, gerund.dep_) if verb.i != gerund.i else (clause, "ROOT")
        gerund.head, gerund.dep_ = clause, "csubj"
        pronoun.head, pronoun.dep_ = gerund, "dobj"
        repairs += 1
    return repairs


#: verbs of protection, whose "from" or "against" names the harm ("protects adults against shingles")
_SHIELD_LEMMAS = frozenset("protect shield spare".split())


def harms_hung_on_objects(sdoc: Any) -> int:
    """ "helps to protect adults against shingles": the parse hangs "against shingles" on the people
    protected; it belongs to the verb, as in "protects you from infections" (what is protected when it
    is a name, "protects the skin against Candida", stays as parsed)."""
    repairs = 0
    for obj in sdoc:
        verb = obj.head
        if obj.dep_ != "dobj" or verb.lemma_.lower() not in _SHIELD_LEMMAS or any(c.dep_ == "prep" and c.lower_ in ("from", "against") for c in verb.children):
            continue
        if obj.lower_ not in _PEOPLE and obj.lemma_.lower() not in _PEOPLE and obj.tag_ != "PRP":
            continue
        for prep in [c for c in obj.children if c.dep_ == "prep" and c.lower_ in ("from", "against") and c.i > obj.i]:
            prep.head = verb
            repairs += 1
    return repairs


def participles_taken_for_subjects(sdoc: Any) -> int:
    """ "Patients taking statins/csubj may develop X": a participle right after the subject noun,
    hung on the verb as a second subject, describes the noun ("patients who take statins")."""
    repairs = 0
    for part in sdoc:
        if part.tag_ != "VBG" or part.dep_ != "csubj" or part.i == 0:
            continue
        noun = sdoc[part.i - 1]
        if noun.dep_ == "nsubj" and noun.head.i == part.head.i and noun.pos_ in ("NOUN", "PROPN"):
            part.head, part.dep_ = noun, "acl"
            repairs += 1
    return repairs


def participles_after_copulas(sdoc: Any) -> int:
    repairs = 0
    for verb in sdoc:
        if verb.dep_ != "ccomp" or verb.tag_ not in ("VBN", "VBD") or verb.head.lemma_ != "be" or verb.head.i > verb.i:
            continue
        copula = verb.head
        if not any(c.dep_ == "nsubj" and c.i < copula.i for c in copula.children) or any(c.dep_ in ("attr", "acomp") for c in copula.children):
            continue
        nouns = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN") and copula.i < c.i < verb.i]
        if len(nouns) != 1 or verb.i - nouns[0].i > 2:
            continue  # "X is [what] Y said": a real clause; the participle must follow its noun
        noun = nouns[0]
        noun.head, noun.dep_ = copula, "attr"
        verb.head, verb.dep_ = noun, "acl"
        repairs += 1
    return repairs


def drug_names_taken_for_verbs_after_to(sdoc: Any) -> int:
    """ "granted approval to afamitresgene/VB autoleucel (...) for adults with X": a drug's name after
    "to" read as an infinitive; "to" is the noun's preposition and the name (with its second word)
    its object, which keeps what the parse hung on the first word."""
    repairs = 0
    for to in sdoc:
        name = to.head
        if to.tag_ != "TO" or to.dep_ != "aux" or name.i != to.i + 1 or not name.tag_.startswith("VB") or not looks_like_drug(name.text):
            continue
        noun = name.head
        if name.dep_ not in ("acl", "xcomp", "relcl", "advcl") or noun.pos_ not in ("NOUN", "PROPN") or noun.i > to.i:
            continue
        head = name
        if name.i + 1 < len(sdoc) and sdoc[name.i + 1].head.i == name.i and sdoc[name.i + 1].tag_ in ("NNP", "NN") and looks_like_drug(sdoc[name.i + 1].text):
            head = sdoc[name.i + 1]  # "afamitresgene autoleucel": one name, headed by its last word
        for child in list(name.children):
            if child.i != head.i and child.i != to.i:
                child.head = head
        to.head, to.dep_, to.tag_, to.pos_ = noun, "prep", "IN", "ADP"
        head.head, head.dep_, head.tag_, head.pos_ = to, "pobj", "NNP", "PROPN"
        if head is not name:
            name.head, name.dep_, name.tag_, name.pos_ = head, "compound", "NNP", "PROPN"
        repairs += 1
    return repairs


def two_word_drug_names(sdoc: Any) -> int:
    """A drug named by two words shaped as drug names ("afamitresgene autoleucel/RB", "axicabtagene
    ciloleucel"): one name, headed by its second word, which takes the first word's place."""
    repairs = 0
    for first in sdoc[:-1]:
        second = sdoc[first.i + 1]
        if not first.whitespace_ or not looks_like_drug(first.text) or not looks_like_drug(second.text):
            continue
        if first.head.i == second.i and first.dep_ == "compound":
            continue
        if first.head.i != second.i:
            root = first.head.i == first.i
            second.head, second.dep_ = (second if root else first.head), first.dep_
            for child in list(first.children):
                if child.i != second.i:
                    child.head = second
        second.tag_, second.pos_ = "NNP", "PROPN"
        first.head, first.dep_, first.tag_, first.pos_ = second, "compound", "NNP", "PROPN"
        repairs += 1
    return repairs


def words_tagged_as_punctuation(sdoc: Any) -> int:
    """A name tagged as punctuation ("activate ILC2s/:"): a noun."""
    repairs = 0
    for tok in sdoc:
        if tok.tag_ in (":", ",", ".", "``", "''", "HYPH", "NFP") and tok.text.isalnum() and any(ch.isalpha() for ch in tok.text):
            plural = tok.text.endswith("s") and len(tok.text) > 3
            tok.tag_, tok.pos_ = ("NNS" if plural else "NN"), "NOUN"
            repairs += 1
    return repairs
