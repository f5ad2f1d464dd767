"""Repairs of misparses the small English pipeline makes in a pattern, before a sentence is read.

spaCy's small pipeline often hangs the noun after a copula on the participle that follows it:
"X is a JAK inhibitor indicated for Y" comes out as "X is [inhibitor indicated/ccomp for Y]",
with "inhibitor" the participle's subject, so neither "X is a ... inhibitor" nor "X ... indicated
for Y" is seen. :func:`repair_tree` rewires such a tree to the reading the grammar gives (the noun
is the copula's attribute, the participle a clause on the noun) before the readers run.
"""

from __future__ import annotations

from typing import Any

from . import namewords as N
from .clauserepair import CLAUSE_REPAIRS, verbs_taken_for_modifiers
from .parsewords import _CLASS_NOUNS
from .tokens import normalize_word
from .verbclasses import PARTICLE_VERBS, VERB_SIGNS
from .verbrepair import (
    adjectives_taken_for_objects,
    drug_names_taken_for_verbs_after_to,
    gerund_objects_taken_for_subjects,
    given_phrases_taken_for_verbs,
    harms_hung_on_objects,
    noun_phrases_taken_for_clauses,
    numbered_names,
    objects_taken_for_second_subjects,
    objects_taken_for_verbs,
    participles_after_copulas,
    participles_taken_for_subjects,
    two_word_drug_names,
    verbs_tagged_as_nouns,
    verbs_with_subjects_taken_for_modifiers,
    words_tagged_as_punctuation,
)

__all__ = ["Tokens", "repair_tree"]


def repair_tree(sdoc: Any) -> int:
    """Rewire the known misparses of ``sdoc`` in place; the number of repairs.

    >>> from mechgraph.extract.parsed import load_pipeline
    >>> nlp = load_pipeline()
    >>> doc = nlp("Tofacitinib is a Janus kinase (JAK) inhibitor indicated for adults with rheumatoid arthritis.") if nlp else None
    >>> nlp is None or (doc[8].dep_, doc[9].dep_) == ("nsubj", "ccomp")  # the misparse
    True
    >>> nlp is None or (repair_tree(doc), doc[8].dep_, doc[8].head.text, doc[9].dep_, doc[9].head.text) == (1, "attr", "is", "acl", "inhibitor")
    True
    """
    toks = sdoc if isinstance(sdoc, Tokens) else Tokens(sdoc)
    before = [(t.head.i, t.dep_, t.tag_, t.pos_, t.lemma_) for t in toks]
    repairs = 0
    for step in _REPAIRS:
        done = step(toks)
        if done and not _acyclic(toks):  # a repair that made a token its own ancestor: the parse as it was
            for t, (head, dep, tag, pos, lemma) in zip(toks, before, strict=True):
                t.head, t.dep_, t.tag_, t.pos_, t.lemma_ = toks[head], dep, tag, pos, lemma
            return 0
        repairs += done
    return repairs


class Tokens(list[Any]):
    """The tokens of a parsed piece, made once (spaCy makes a new token object at each access of a
    doc, and the readers walk a piece many times), read as the piece: indexed by the tokens' ``i``,
    with its ``text``, and a slice of it with the text of those tokens."""

    def __init__(self, tokens: Any, text: str | None = None) -> None:
        super().__init__(tokens)
        self.text = tokens.text if text is None else text

    def __getitem__(self, key: Any) -> Any:
        if not isinstance(key, slice):
            return super().__getitem__(key)
        part = super().__getitem__(key)
        return Tokens(part, "".join(t.text_with_ws for t in part[:-1]) + part[-1].text if part else "")


def _acyclic(sdoc: Any) -> bool:
    """Whether every token's chain of heads ends at a root."""
    for tok in sdoc:
        steps = 0
        while tok.head.i != tok.i:
            tok, steps = tok.head, steps + 1
            if steps > len(sdoc):
                return False
    return True


def _cue_forms(which: int) -> dict[str, str]:
    """One form of every one-word cue verb (0: base, 2: participle) -> the verb."""
    from .cues import verb_forms

    return {verb_forms(lemma)[which]: lemma for lemma in VERB_SIGNS if lemma and " " not in lemma}


_PARTICIPLES = _cue_forms(2)


def _participles(sdoc: Any) -> int:
    """A cue verb's participle tagged as an adjective after "be" ("X is hydrolysed/JJ to Y"):
    the participle is a passive verb, "be" its auxiliary and the copula's subject its subject.
    """
    repairs = 0
    for word in sdoc:
        lemma = _PARTICIPLES.get(word.lower_)
        if lemma is None or word.tag_ != "JJ" or word.i == 0:
            continue
        k = word.i - 1
        while k > 0 and sdoc[k].pos_ == "ADV":
            k -= 1  # "is rapidly hydrolysed/JJ"
        copula = sdoc[k]
        if copula.lemma_ != "be":
            continue
        if copula.head.i == word.i:  # "X is/auxpass hydrolysed/JJ(ROOT)", "a prodrug that is hydrolysed/JJ(relcl)"
            pass
        elif word.dep_ == "acomp" and word.head.i == copula.i:  # "X is(ROOT) hydrolysed/acomp"
            for child in list(copula.children):
                if child.i != word.i:
                    child.head = word
                    if child.dep_ == "nsubj":
                        child.dep_ = "nsubjpass"
            word.dep_, copula.dep_ = copula.dep_, "auxpass"
            word.head = word if word.dep_ == "ROOT" else copula.head
            copula.head = word
        else:
            continue
        for child in word.children:
            if child.dep_ == "nsubj":
                child.dep_ = "nsubjpass"
        copula.dep_ = "auxpass"
        word.tag_, word.pos_, word.lemma_ = "VBN", "VERB", lemma
        repairs += 1
    return repairs


def _gerund_modifiers(sdoc: Any) -> int:
    """A participle before a verb's object parsed as a clause of its own ("used to treat
    relapsing/VBG(xcomp) multiple sclerosis/dobj(of relapsing) and psoriasis"): the participle
    modifies the object, which is the verb's.
    """
    repairs = 0
    for word in sdoc:
        if word.tag_ != "VBG" or word.dep_ != "xcomp" or word.i == 0 or word.head.i != word.i - 1 or word.lower_ in _PARTICIPLE_VERBS:
            continue
        verb = word.head
        objects = [c for c in word.children if c.dep_ == "dobj"]
        if verb.pos_ != "VERB" or any(c.dep_ == "dobj" for c in verb.children) or len(objects) != 1 or len(list(word.children)) != 1:
            continue
        obj = objects[0]
        obj.head, obj.dep_ = verb, "dobj"
        word.head, word.dep_, word.tag_, word.pos_ = obj, "amod", "JJ", "ADJ"
        repairs += 1
    return repairs


def _fronted_subjects(sdoc: Any) -> int:
    """A subject after a fronted phrase hung on that phrase as an apposition ("In the trials in MS, the
    adverse reactions/appos(of MS) reported most often were nausea"): the verb's subject, where the verb
    has none before it (a copula's attribute taken for its subject is the attribute again)."""
    repairs = 0
    for verb in sdoc:
        if verb.dep_ != "ROOT" or verb.pos_ not in ("AUX", "VERB") or any(c.dep_ == "expl" for c in verb.children):
            continue
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        opener = sdoc[0] if len(sdoc) else None
        if subjects and opener is not None and opener.dep_ == "prep" and opener.head.i == verb.i and not any(c.dep_ == "pobj" for c in opener.children):
            comma = next((t.i for t in sdoc[: verb.i] if t.text == ","), None)
            wrong = subjects[0]
            if comma is not None and wrong.i < comma and len(subjects) == 1:
                # "In adult patients/nsubj with ALL, the reactions/appos included X": the opener's object, then the subject
                wrong.head, wrong.dep_ = opener, "pobj"
                subjects = []
        if any(c.i < verb.i for c in subjects):
            continue
        for noun in sdoc[: verb.i]:
            if noun.dep_ == "appos" and noun.head.dep_ == "pobj" and noun.i > 0 and sdoc[noun.left_edge.i - 1].text == ",":
                fronted = noun.head.head
                while fronted.dep_ == "prep" and fronted.head.dep_ == "pobj":
                    fronted = fronted.head.head
                if fronted.dep_ == "prep" and fronted.head.i == verb.i and fronted.i == 0:
                    noun.head, noun.dep_ = verb, ("nsubjpass" if any(c.dep_ == "auxpass" for c in verb.children) else "nsubj")
                    for later in subjects if verb.lemma_ == "be" else []:
                        later.dep_ = "attr"  # ("..., the reactions/appos were nausea/nsubj": the copula's attribute)
                    repairs += 1
                    break
    return repairs


def _to_before_names(sdoc: Any) -> int:
    """ "to" before a name read as an infinitive's marker ("attaches to/TO(aux) IL-23/CD(xcomp)",
    "binds to/TO CD80/NNP(xcomp)"): a preposition whose object is the name, hung on the verb.
    """
    repairs = 0
    for to in sdoc:
        name = to.head
        if to.tag_ != "TO" or to.dep_ != "aux" or name.i != to.i + 1 or name.dep_ not in ("xcomp", "advcl"):
            continue
        verb = name.head
        if verb.pos_ != "VERB" or verb.i > to.i:
            continue
        if name.pos_ in ("NUM", "PROPN", "NOUN", "X"):
            to.head, to.dep_, to.tag_, to.pos_ = verb, "prep", "IN", "ADP"
            name.head, name.dep_ = to, "pobj"
            repairs += 1
        elif (verb.lemma_.lower(), "to") in PARTICLE_VERBS and name.lower_ not in _BASE_FORMS and name.lower_ not in ("make", "produce", "form"):
            # ("lead the child to make antibodies": a verb after all)
            # "attaches to plasma/VB kallikrein/VBN and blocks ...": no verb after "to" but a name
            run = [name]
            while (
                run[-1].i + 1 < len(sdoc)
                and sdoc[run[-1].i + 1].head.i in (name.i, run[-1].i)
                and sdoc[run[-1].i + 1].dep_ in ("xcomp", "dobj", "compound", "amod")
            ):
                run.append(sdoc[run[-1].i + 1])
            head = run[-1]
            for child in list(name.children):
                if child.dep_ in ("cc", "conj") and child.i > head.i:
                    child.head = verb
            to.head, to.dep_, to.tag_, to.pos_ = verb, "prep", "IN", "ADP"
            head.head, head.dep_, head.pos_, head.tag_ = to, "pobj", "NOUN", "NN"
            for t in run[:-1]:
                t.head, t.dep_, t.pos_, t.tag_ = head, "compound", "NOUN", "NN"
            repairs += 1
    return repairs


#: -ing forms that are verbs of their own after a verb ("stops/starts/keeps increasing X")
_PARTICIPLE_VERBS = frozenset("increasing reducing decreasing lowering raising blocking inhibiting activating producing making taking using".split())


_AUXILIARIES = frozenset("do does did can could may might will would should must".split())


_BASE_FORMS = _cue_forms(0)


def _verbs_after_auxiliaries(sdoc: Any) -> int:
    """A cue verb after an auxiliary tagged as an adjective or a noun ("it does not deplete/JJ
    lymphocytes/ROOT"): the word is the verb, the noun it was hung on its object, and the
    auxiliary, the negation and the subject are the verb's.
    """
    repairs = 0
    for word in sdoc:
        lemma = _BASE_FORMS.get(word.lower_)
        if lemma is None or word.tag_.startswith("VB") or word.i == 0:
            continue
        k = word.i - 1
        while k > 0 and sdoc[k].lower_ in ("not", "also", "n't", "only", "still", "further"):
            k -= 1
        if sdoc[k].lower_ not in _AUXILIARIES:
            continue
        noun = word.head
        if word.dep_ not in ("amod", "compound", "nmod") or noun.i <= word.i or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        word.dep_, word.tag_, word.pos_, word.lemma_ = noun.dep_, "VB", "VERB", lemma
        word.head = word if noun.dep_ == "ROOT" else noun.head
        for child in list(noun.children):
            if child.i < word.i:
                child.head = word
        noun.head, noun.dep_ = word, "dobj"
        repairs += 1
    return repairs


def _classes_before_names(sdoc: Any) -> int:
    """A protein named after its class before a verb, the class taken for the subject or the main
    verb ("The serine protease/nsubj MASP2/nsubj activates C4", "The tyrosine kinase/ROOT JAK1/dobj
    activates/advcl STAT3"): the name is the verb's subject and the class words its compounds."""
    repairs = _classes_taken_for_verbs(sdoc)
    for name in sdoc[1:]:  # "recruits the kinase/dobj TBK1/npadvmod": the name is the object, its class a compound
        cls = sdoc[name.i - 1]
        if (
            N.CLASS_SYMBOL.match(name.text)
            and normalize_word(cls.lower_) in _CLASS_NOUNS
            and cls.dep_ in ("dobj", "pobj", "nsubj", "nsubjpass", "conj")
            and name.dep_ in ("npadvmod", "dep", "dobj", "appos")
            and name.head.i in (cls.head.i, cls.i)
            and not list(name.children)
        ):
            name.head, name.dep_ = cls.head, cls.dep_
            cls.head, cls.dep_ = name, "compound"
            for child in [c for c in cls.children if c.dep_ in ("det", "amod", "compound") and c.i < cls.i]:
                child.head = name
            repairs += 1
    for name in sdoc[1:-1]:
        cls, verb = sdoc[name.i - 1], sdoc[name.i + 1]
        if not N.CLASS_SYMBOL.match(name.text) or normalize_word(cls.lower_) not in _CLASS_NOUNS or cls.pos_ != "NOUN":
            continue
        if verb.tag_ not in ("VBZ", "VBD", "VBP") or verb.pos_ != "VERB":
            continue
        if cls.dep_ == "nsubj" and name.dep_ == "nsubj" and cls.head.i == verb.i and name.head.i == verb.i:
            cls.head, cls.dep_ = name, "compound"
            repairs += 1
        elif cls.dep_ == "ROOT" and name.head.i in (cls.i, verb.i) and verb.head.i == cls.i and verb.dep_ in ("advcl", "conj", "relcl", "ccomp"):
            for child in list(cls.children):
                if child.i > verb.i or child.dep_ == "punct":
                    child.head = verb
                elif child.dep_ in ("nsubj", "dobj") and child.i < cls.i:
                    child.dep_ = "compound"
            verb.head, verb.dep_ = verb, "ROOT"
            name.head, name.dep_ = verb, "nsubj"
            cls.head, cls.dep_ = name, "compound"
            repairs += 1
    return repairs


def _relative_verbs(sdoc: Any) -> int:
    """A verb of a relative clause tagged as a plural noun ("C1r, which in turn cleaves/NNS and
    activates C1s"): with "which" or "that" for its subject it is the clause's verb."""
    repairs = 0
    for word in sdoc:
        if word.dep_ != "relcl":
            continue
        plural_form = word.tag_ == "NNS" and word.lower_.endswith("s")
        base_form = word.tag_ in ("NNP", "NN") and VERB_SIGNS.get(word.lower_) in ("+", "-")  # "antibodies that neutralise/NNP Y"
        relative = any(c.dep_ == "nsubj" and (c.tag_ in ("WDT", "WP") or c.lower_ in ("that", "which")) for c in word.children)
        if (plural_form or base_form) and relative and not any(c.dep_ in ("det", "amod", "compound") for c in word.children):
            word.tag_, word.pos_ = ("VBZ" if plural_form else "VBP"), "VERB"
            repairs += 1
    return repairs


def _subjects_taken_for_compounds(sdoc: Any) -> int:
    """A finite verb whose subject and object the parser hung on it as compound and apposition
    ("The kinase ZAP70/compound phosphorylates LAT/appos"): the name before the verb its subject
    (the words before that name's), the name after it its object."""
    repairs = 0
    for verb in sdoc[1:]:
        if verb.pos_ != "VERB" or verb.tag_ not in ("VBZ", "VBD", "VBP") or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
            continue
        name = sdoc[verb.i - 1]
        if name.dep_ != "compound" or name.head.i != verb.i or name.pos_ not in ("NOUN", "PROPN"):
            continue
        for child in list(verb.children):
            if child.i < name.i and child.dep_ in ("compound", "det", "amod"):
                child.head = name
            elif child.i == verb.i + 1 and child.dep_ == "appos" and child.pos_ in ("NOUN", "PROPN"):
                child.dep_ = "dobj"
        name.dep_ = "nsubj"
        repairs += 1
    return repairs


def _objects_taken_for_modifiers(sdoc: Any) -> int:
    """A cue verb's one-word object tagged as an adjective or adverb hung on it ("It blocks
    histamine/JJ(advmod)."): the verb's object, where it has none."""
    repairs = 0
    for verb in sdoc[:-1]:
        if verb.pos_ != "VERB" or verb.tag_ not in ("VBZ", "VBD", "VBP") or VERB_SIGNS.get(verb.lemma_.lower()) not in ("+", "-", "0"):
            continue
        word = sdoc[verb.i + 1]
        after = sdoc[word.i + 1] if word.i + 1 < len(sdoc) else None
        if any(c.dep_ in ("dobj", "prep", "xcomp", "ccomp") for c in verb.children) or word.head.i != verb.i:
            continue
        if (
            word.dep_ in ("advmod", "acomp")
            and word.pos_ in ("ADJ", "ADV")
            and not word.lower_.endswith("ly")
            and (after is None or after.text in (".", ";", ":", "!", "?"))
        ):
            word.dep_, word.pos_, word.tag_ = "dobj", "NOUN", "NN"
            repairs += 1
    return repairs


def _classes_taken_for_verbs(sdoc: Any) -> int:
    """A class word tagged as a verb on the noun before it, with the protein's name its object
    ("activate the stress kinase/VB(acl) GCN2/dobj"): the name is the noun phrase's head, the
    words before it its compounds."""
    repairs = 0
    for cls in sdoc[1:-1]:
        name, noun = sdoc[cls.i + 1], sdoc[cls.i - 1]
        if (
            cls.pos_ != "VERB"
            or normalize_word(cls.lower_) not in _CLASS_NOUNS
            or cls.dep_ not in ("acl", "relcl")
            or cls.head.i != noun.i
            or noun.dep_ == "ROOT"
        ):
            continue
        if not N.CLASS_SYMBOL.match(name.text) or name.head.i != cls.i or name.dep_ != "dobj" or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        for child in list(cls.children):
            if child.i > name.i:
                child.head = name
        name.head, name.dep_ = noun.head, noun.dep_
        noun.head, noun.dep_ = name, "compound"
        cls.head, cls.dep_, cls.pos_, cls.tag_ = name, "compound", "NOUN", "NN"
        repairs += 1
    return repairs


def _verbs_taken_for_compounds(sdoc: Any) -> int:
    """A finite verb with a subject hung as a compound on the noun after it, the noun the root
    ("Abatacept impedes/VBZ(compound) T-cell activation/ROOT"): the verb is the root, the noun its object."""
    repairs = 0
    for verb in sdoc:
        noun = verb.head
        if verb.tag_ not in ("VBZ", "VBD") or verb.pos_ != "VERB" or verb.dep_ != "compound" or noun.dep_ != "ROOT" or noun.i <= verb.i:
            continue
        if not any(c.dep_ == "nsubj" for c in verb.children):
            continue
        for child in list(noun.children):
            if child.dep_ == "punct" and child.i > noun.i:
                child.head = verb
        verb.head, verb.dep_ = verb, "ROOT"
        noun.head, noun.dep_ = verb, "dobj"
        repairs += 1
    return repairs


def _gerund_objects(sdoc: Any) -> int:
    """A cue verb's object ending in a process noun in -ing, parsed as a clause with the nouns before
    it as its subject ("stops IgE receptor signalling/VBG(advcl)"): the noun phrase is the object."""
    repairs = 0
    for gerund in sdoc:
        verb = gerund.head
        if (
            gerund.tag_ != "VBG"
            or gerund.dep_ not in ("advcl", "ccomp", "xcomp")
            or verb.i >= gerund.i
            or VERB_SIGNS.get(verb.lemma_.lower()) not in ("+", "-")
        ):
            continue
        if gerund.lemma_.lower() in ("go", "be", "get", "come", "work", "happen", "continue", "run"):
            continue  # "keeps the inflammation going": a small clause
        subjects = [c for c in gerund.children if c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN")]
        if len(subjects) != 1 or subjects[0].left_edge.i != verb.i + 1 or any(c.dep_ in ("dobj", "aux") for c in gerund.children):
            continue
        if any(c.dep_ == "dobj" for c in verb.children):
            continue
        subjects[0].dep_ = "compound"
        gerund.head, gerund.dep_, gerund.pos_, gerund.tag_ = verb, "dobj", "NOUN", "NN"
        repairs += 1
    return repairs


def _modifiers_taken_for_verbs(sdoc: Any) -> int:
    """A participle in a list of nouns parsed as a verb conjoined to a noun, its noun as its object
    ("Acne, infections and raised/VBD(conj of Acne) creatine kinase/dobj were ..."): the participle
    modifies the noun, which is the list's next item."""
    repairs = 0
    for word in sdoc:
        head = word.head
        if word.tag_ not in ("VBD", "VBN") or word.dep_ != "conj" or head.pos_ not in ("NOUN", "PROPN") or head.i >= word.i:
            continue
        objects = [c for c in word.children if c.dep_ == "dobj" and c.i > word.i]
        if len(objects) != 1 or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in word.children):
            continue
        noun = objects[0]
        noun.head, noun.dep_ = head, "conj"
        word.head, word.dep_, word.pos_, word.tag_ = noun, "amod", "ADJ", "JJ"
        repairs += 1
    return repairs


#: the repairs, in the order they run
_REPAIRS = (
    *CLAUSE_REPAIRS,
    numbered_names,
    drug_names_taken_for_verbs_after_to,
    two_word_drug_names,
    words_tagged_as_punctuation,
    _participles,
    _gerund_modifiers,
    _verbs_after_auxiliaries,
    _to_before_names,
    _fronted_subjects,
    _classes_before_names,
    _relative_verbs,
    _subjects_taken_for_compounds,
    _objects_taken_for_modifiers,
    _verbs_taken_for_compounds,
    verbs_taken_for_modifiers,
    _gerund_objects,
    _modifiers_taken_for_verbs,
    verbs_with_subjects_taken_for_modifiers,
    verbs_tagged_as_nouns,
    given_phrases_taken_for_verbs,
    adjectives_taken_for_objects,
    noun_phrases_taken_for_clauses,
    objects_taken_for_verbs,
    objects_taken_for_second_subjects,
    gerund_objects_taken_for_subjects,
    harms_hung_on_objects,
    participles_taken_for_subjects,
    participles_after_copulas,
)
