"""Repairs of clauses the small pipeline misparses: a subject hung elsewhere (the main clause's
subject taken for a second object of a fronted clause, or for a conjunct of the verb before it; a
participle after the subject taken for the clause's subject; a preposition's object taken for a
second subject), an object hung elsewhere (a second object after "and" hung on a noun before the
verb; a name after a class noun taken for a second object; a name taken for an adverb), "signalling"
taken for a participle, a verb hung as a modifier ("and reduced/amod X", a verb in a series tagged
as an adjective, a signed verb after a participle on the subject), a name tagged as a number, and a
subject hung inside a fronted "Without X," phrase. Each rewires the tree in place and returns the
number of repairs; run by :func:`.parserepair.repair_tree`.
"""

from __future__ import annotations

import re
from typing import Any

from .verbclasses import VERB_SIGNS

__all__ = ["CLAUSE_REPAIRS", "verbs_taken_for_modifiers"]

_LETTERED = re.compile(r"^(?=.*[A-Za-z]{2})(?=.*\d)")  # ("IL-6", not "10", "2a" or "two")


def subjects_taken_for_second_objects(sdoc: Any) -> int:
    """The subject of a main clause taken for a second object of the fronted clause before it ("Because
    the drug destroys lymphocytes, serious infections/dobj have occurred"): the main verb's subject."""
    repairs = 0
    for verb in sdoc:
        main = verb.head
        if verb.dep_ != "advcl" or main.i <= verb.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in main.children):
            continue
        if not any(c.dep_ == "mark" and c.i == verb.left_edge.i == 0 for c in verb.children):
            continue  # (a clause that opens the sentence with "Because", "When", "If")
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if len(objects) == 1:  # (or its appositive)
            objects += [c for c in objects[0].children if c.dep_ == "appos" and c.tag_ in ("NNS", "NN")]
        if len(objects) == 2 and any(sdoc[k].text == "," for k in range(objects[0].i, objects[1].left_edge.i)) and objects[1].i < main.i:
            objects[1].head, objects[1].dep_ = main, ("nsubjpass" if any(c.dep_ == "auxpass" for c in main.children) else "nsubj")
            repairs += 1
    return repairs


def subjects_taken_for_verb_conjuncts(sdoc: Any) -> int:
    """The subject of a later clause taken for a conjunct of the verb before it ("X can reactivate TB,
    and HIV/conj, by depleting CD4+ T cells, makes/conj reactivation more likely"): the later verb's
    subject, with the phrases between them."""
    repairs = 0
    for noun in sdoc:
        verb = noun.head
        if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN") or verb.pos_ != "VERB" or noun.i < verb.i:
            continue
        later = [
            v
            for v in verb.children
            if v.dep_ == "conj" and v.i > noun.i and v.tag_ in ("VBZ", "VBD", "VBP") and not any(c.dep_ in ("nsubj", "nsubjpass") for c in v.children)
        ]
        adjacent = later and all(sdoc[k].pos_ == "ADV" for k in range(noun.i + 1, later[0].i))  # ("and IL-13/conj also increases/conj X")
        if not later or not (adjacent or any(sdoc[k].text == "," for k in range(noun.i, later[0].i))):
            continue
        noun.head, noun.dep_ = later[0], "nsubj"
        for between in [c for c in verb.children if c.dep_ == "prep" and noun.i < c.i < later[0].i]:
            between.head = later[0]  # ("by depleting CD4+ T cells": how HIV does it)
        repairs += 1
    return repairs


def participles_taken_for_clause_subjects(sdoc: Any) -> int:
    """A participle after a comma taken for the clause's subject, the noun before it for the
    participle's subject ("Interleukin-5, made chiefly by Th2 cells, is the major cytokine"): the noun
    is the clause's subject, the participle describes it."""
    repairs = 0
    for verb in sdoc:
        if verb.dep_ not in ("csubj", "advcl") or verb.tag_ != "VBN" or verb.i < 1 or sdoc[verb.i - 1].text != ",":
            continue
        nouns = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i and c.pos_ in ("NOUN", "PROPN")]
        if len(nouns) != 1:
            continue
        if verb.dep_ == "advcl" and (verb.head.i < verb.i or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.head.children)):
            continue  # (a clause of its own before a main clause with a subject)
        noun, clause = nouns[0], verb.head
        noun.head, noun.dep_ = clause, "nsubj"
        verb.head, verb.dep_ = noun, "acl"
        repairs += 1
    return repairs


def objects_taken_for_second_subjects(sdoc: Any) -> int:
    """The object of a preposition taken for a second subject of the verb after it ("the reactions in
    patients given X with chlorambucil/nsubj were Y"): the preposition's object."""
    repairs = 0
    subjects_of: dict[int, list[Any]] = {}
    for tok in sdoc:  # (the subjects before each verb, in order: one pass, no walk over every token's children)
        if tok.dep_ in ("nsubj", "nsubjpass") and tok.i < tok.head.i:
            subjects_of.setdefault(tok.head.i, []).append(tok)
    for subjects in subjects_of.values():
        for noun in subjects[1:]:
            prep = sdoc[noun.left_edge.i - 1] if noun.left_edge.i > 0 else None
            if prep is not None and prep.dep_ in ("prep", "agent") and prep.i > subjects[0].i and not any(c.dep_ == "pobj" for c in prep.children):
                noun.head, noun.dep_ = prep, "pobj"
                repairs += 1
    return repairs


def signalling_taken_for_participles(sdoc: Any) -> int:
    """ "signalling" after a name taken for a participle describing it ("blunts TLR7/dobj
    signalling/VBG(acl) by raising pH"): the noun the name is a compound of, in the name's place,
    and a "by ..." gerund after it the verb's means."""
    repairs = 0
    for word in sdoc:
        noun = word.head
        if word.lower_ in ("signalling", "signaling") and word.tag_ == "VBG" and word.dep_ in ("nsubj", "nsubjpass", "csubj"):
            named = [c for c in word.children if c.dep_ == "nsubj" and c.i == word.i - 1 and c.pos_ in ("NOUN", "PROPN")]
            if named:  # "TLR3/nsubj signalling/VBG(nsubj) promotes X": one noun, the subject
                named[0].dep_, word.tag_, word.pos_, word.dep_ = "compound", "NN", "NOUN", "nsubj"
                repairs += 1
            continue
        if word.lower_ not in ("signalling", "signaling") or word.tag_ != "VBG" or word.dep_ != "acl" or noun.i != word.i - 1:
            continue
        if noun.dep_ not in ("dobj", "pobj", "nsubj", "nsubjpass") or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        word.head, word.dep_, word.tag_, word.pos_ = (word if noun.head.i == noun.i else noun.head), noun.dep_, "NN", "NOUN"
        noun.head, noun.dep_ = word, "compound"
        if word.head.i == word.i:  # (the name was the sentence's root)
            word.dep_ = "ROOT"
        for means in [c for c in word.children if c.dep_ == "prep" and c.lower_ == "by" and any(g.tag_ == "VBG" for g in c.children)]:
            if word.head.pos_ == "VERB":
                means.head = word.head
        repairs += 1
    return repairs


def objects_hung_across_verbs(sdoc: Any) -> int:
    """A second object hung as a conjunct of a noun before the verb, its "and" on the verb ("X, which
    dampen Y/dobj and/cc(dampen) the production/conj(X) of Z"): a conjunct of the verb's object."""
    repairs = 0
    for noun in sdoc:
        first = noun.head
        if noun.dep_ != "conj" or noun.pos_ not in ("NOUN", "PROPN") or first.i >= noun.i or noun.left_edge.i < 2:
            continue
        cc = sdoc[noun.left_edge.i - 1]
        verb = cc.head
        if cc.dep_ != "cc" or verb.pos_ != "VERB" or not first.i < verb.i < cc.i:
            continue
        objects = [c for c in verb.children if c.dep_ == "dobj" and c.i < cc.i]
        if objects:
            noun.head, cc.head = objects[-1], objects[-1]
            repairs += 1
    return repairs


def names_taken_for_second_objects(sdoc: Any) -> int:
    """A name right after a class noun taken for a second object of the verb ("recruits the
    adaptors/dobj TRAF1/dobj and TRAF2"): the class noun's appositive, as in "the adaptor MyD88"."""
    repairs = 0
    for name in sdoc[1:]:
        first = sdoc[name.i - 1]
        if name.dep_ != "dobj" or first.dep_ != "dobj" or first.head.i != name.head.i:
            continue
        if first.tag_ in ("NN", "NNS") and name.tag_ in ("NNP", "NNPS") and any(ch.isupper() for ch in name.text):
            name.head, name.dep_ = first, "appos"
            repairs += 1
    return repairs


def verbs_in_series_taken_for_adjectives(sdoc: Any) -> int:
    """A cue verb in a series of verbs tagged as an adjective and hung as a clause on the verb before
    it ("take up X, upregulate/JJ(advcl) CCR7 and migrate"): a verb coordinated with the one before."""
    repairs = 0
    for word in sdoc:
        verb = word.head
        if word.tag_ not in ("JJ", "NN") or word.dep_ not in ("advcl", "dep") or word.lower_ not in VERB_SIGNS or word.i < 1 or sdoc[word.i - 1].text != ",":
            continue
        if verb.pos_ != "VERB" or verb.i > word.i or not any(c.dep_ == "dobj" for c in word.children):
            continue
        word.tag_, word.pos_, word.dep_, word.lemma_ = (verb.tag_ if verb.tag_ in ("VBP", "VBZ", "VBD") else "VBP"), "VERB", "conj", word.lower_
        repairs += 1
    return repairs


def objects_taken_for_adverbs(sdoc: Any) -> int:
    """A name the tagger took for an adverb hung on a verb with no object ("release interferon-γ/RB(advmod)
    and IL-2"): the verb's object."""
    repairs = 0
    for word in sdoc:
        verb = word.head
        if word.dep_ == "advmod" and word.pos_ == "PROPN" and verb.pos_ == "VERB" and verb.i < word.i and not any(c.dep_ == "dobj" for c in verb.children):
            word.dep_ = "dobj"
            repairs += 1
    return repairs


def verbs_after_participles_taken_for_modifiers(sdoc: Any) -> int:
    """A signed verb after a participle that describes the subject, hung as a modifier on its object
    ("X given/acl alone nearly doubled/amod survival/dobj(given) compared/ROOT with Y"): the main verb,
    with the subject and the object, and the root a clause of it."""
    repairs = 0
    for verb in sdoc:
        noun = verb.head
        participle = noun.head
        subject = participle.head
        if verb.dep_ != "amod" or verb.tag_ not in ("VBD", "VBN") or verb.lemma_.lower() not in VERB_SIGNS or noun.dep_ != "dobj":
            continue
        fronted = subject.dep_ == "pobj" and subject.left_edge.i > 0 and sdoc[subject.left_edge.i - 1].text == ","  # ("In the trial, X/pobj(In) given ...")
        if participle.dep_ != "acl" or participle.tag_ != "VBN" or (subject.dep_ not in ("nsubj", "nsubjpass", "ROOT") and not fronted):
            continue
        if not participle.i < verb.i < noun.i:
            continue
        root = None if subject.dep_ == "ROOT" else next((t for t in sdoc if t.dep_ == "ROOT"), None)  # (or the subject was taken for the root)
        if subject.dep_ != "ROOT" and (root is None or root.i < noun.i):
            continue
        verb.head, verb.dep_, verb.pos_ = verb, "ROOT", "VERB"
        for child in list(subject.children) if root is None else []:
            if child.i > noun.i or child.dep_ == "punct" or (child.dep_ == "prep" and child.i < subject.i):
                child.head = verb  # (the sentence's phrases, now the verb's)
        subject.head, subject.dep_ = verb, "nsubj"
        noun.head = verb
        if root is not None:
            root.head, root.dep_ = verb, "advcl"
        repairs += 1
    return repairs


#: the repairs of clauses whose subject, object or verb the parse hung elsewhere (run first)
def names_taken_for_numbers(sdoc: Any) -> int:
    """A name with a number hung loose before a noun that is the verb's object ("reduced
    IL-6/CD(dep) production/dobj"): a modifier of the noun, which it names."""
    repairs = 0
    for word in sdoc[:-1]:
        noun = sdoc[word.i + 1]
        if word.tag_ not in ("CD", "NNP") or word.dep_ not in ("dep", "nummod", "npadvmod") or not _LETTERED.search(word.text):
            continue
        if noun.pos_ != "NOUN" or noun.head.i == word.i or word.head.i not in (noun.i, noun.head.i):
            continue
        word.head, word.dep_, word.tag_, word.pos_ = noun, "compound", "NNP", "PROPN"
        repairs += 1
    return repairs


def subjects_taken_into_fronted_losses(sdoc: Any) -> int:
    """The subject of a clause hung inside the fronted phrase of a loss before it, across the phrase's
    comma ("In the absence of IL-15/nmod, NK cells/pobj(of) fail to develop", "Without X, ..."): the
    verb's subject, and the words before the comma the phrase's object."""
    repairs = 0
    for verb in sdoc:
        if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
            continue
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.i < verb.i and c.lower_ in ("without", "in")):
            absence = [q.i for a in prep.children if a.lemma_ == "absence" for q in a.children if q.lower_ == "of"]
            mark = prep.i if prep.lower_ == "without" else next(iter(absence), -1)
            comma = next((k for k in range(mark + 1, verb.i) if sdoc[k].text == ","), None) if mark >= 0 else None
            subjects = [t for t in sdoc[comma + 1 : verb.i] if t.pos_ in ("NOUN", "PROPN") and not comma < t.head.i < verb.i] if comma else []
            if not subjects:
                continue
            for t in sdoc[mark + 1 : comma]:
                if comma < t.head.i < verb.i:  # (the name before the comma, hung on the subject)
                    t.head, t.dep_ = sdoc[mark], "pobj"
            for t in subjects:
                t.head, t.dep_ = verb, "nsubj"
            repairs += 1
            break
    return repairs


CLAUSE_REPAIRS = (
    subjects_taken_for_second_objects,
    subjects_taken_for_verb_conjuncts,
    participles_taken_for_clause_subjects,
    objects_taken_for_second_subjects,
    signalling_taken_for_participles,
    objects_hung_across_verbs,
    names_taken_for_second_objects,
    verbs_in_series_taken_for_adjectives,
    objects_taken_for_adverbs,
    verbs_after_participles_taken_for_modifiers,
    names_taken_for_numbers,
    subjects_taken_into_fronted_losses,
)


def verbs_taken_for_modifiers(sdoc: Any) -> int:
    """A cue verb after "and" hung as a modifier on the noun after it, the noun the copula's attribute
    ("X was well tolerated and reduced/VBD(amod) STAT3 activation/attr") or a verb's conjunct ("X binds
    Y without activating Z and lowered/amod W/conj"): the verb goes with the copula or the verb, the noun
    is its object and the participles before it are the copula's complements."""
    repairs = 0
    for verb in sdoc:
        noun = verb.head
        k = verb.i - 1 - (verb.i > 2 and sdoc[verb.i - 1].lower_ in ("so", "thereby", "thus"))  # ("and so block/VB(amod) X")
        past = verb.tag_ == "JJ" and verb.lower_.endswith("ed") and next((f for f in (verb.lower_[:-2], verb.lower_[:-1]) if f in VERB_SIGNS), None)
        # ("induced apoptosis and inhibited/JJ proliferation": a signed verb's past form taken for an adjective)
        if (
            (verb.tag_ not in ("VBD", "VBN", "VB", "VBP", "VBZ") and not past)
            or verb.dep_ != "amod"
            or k < 1
            or sdoc[k].lower_ not in ("and", "but")
            or noun.i <= verb.i
        ):
            continue
        if verb.tag_ not in ("VBD", "VBN") and k == verb.i - 1 and not past:
            continue  # (a present form only after "and so": "and block/VB(amod) X" may be a name)
        copula = noun.head
        if (k != verb.i - 1 or past) and copula.pos_ in ("NOUN", "PROPN") and copula.dep_ == "dobj" and copula.head.pos_ == "VERB":
            copula = copula.head  # "binds X, ..., and so block/amod Y/conj(of X)": the verb's conjunct
        after_copula = copula.lemma_ == "be" and sdoc[k - 1].tag_ in ("VBN", "JJ")
        after_verb = noun.dep_ == "conj" and copula.pos_ == "VERB" and copula.tag_ in ("VBZ", "VBD", "VBP")  # "binds X ... and lowered/amod Y/conj"
        if noun.dep_ not in ("attr", "dep", "conj") or (past or verb.lemma_.lower()) not in VERB_SIGNS or not (after_copula or after_verb):
            continue
        verb.tag_, verb.lemma_ = ("VBD", past) if past else (verb.tag_, verb.lemma_)
        for child in list(noun.children):
            if child.i < verb.i and child.dep_ in ("amod", "cc", "advmod"):
                child.head, child.dep_ = copula, ("acomp" if child.dep_ == "amod" else child.dep_)
        verb.head, verb.dep_, verb.pos_ = copula, "conj", "VERB"
        noun.head, noun.dep_ = verb, "dobj"
        repairs += 1
    return repairs
