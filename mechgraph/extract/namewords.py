"""Words about noun phrases that decide where a name begins and ends: the states of a protein
("free and receptor-bound IFN-γ"), adjectives that stand in a chain before a noun, parts of the body,
the stages of a disease, studies of a drug, and "lower" as a place. Shared by the pattern reader and
the parse reader.
"""

from __future__ import annotations

import re
from typing import Any

from .tokens import key_of, normalize_word

__all__ = [
    "ORGANS",
    "COMPARTMENTS",
    "compared",
    "event_word",
    "part_word",
    "DISEASE_NOUNS",
    "DRUG_MEASURES",
    "DEGREE_WORDS",
    "CLASS_SYMBOL",
    "BODY_PARTS",
    "LOWER_PARTS",
    "PLAIN_ADJECTIVES",
    "STAGE_WORDS",
    "STATE_PREFIX",
    "STUDY_MODIFIERS",
    "STUDY_NOUNS",
    "without_states",
]

#: studies of a drug, which stand for it when they find what it does ("earlier trials of X lowered Y"), and the
#: words before them
STUDY_NOUNS = frozenset("trial study".split())
STUDY_MODIFIERS = frozenset("earlier early previous recent later large small two three several both phase pivotal".split())
#: parts of the body, which a list after "swelling of the hands and feet, the face, the lips" goes on naming
BODY_PARTS = frozenset(
    normalize_word(w)
    for w in (
        "hand hands foot feet face lip lips throat tongue mouth gut eye eyes eyelid eyelids leg legs arm arms skin joint joints "
        "abdomen stomach chest back neck head scalp ear ears nose knee knees elbow elbows wrist wrists ankle ankles shin shins "
        "finger fingers toe toes genitals airway airways larynx muscle muscles bone bones"
    ).split()
)
#: organs: where a drug is converted or cleared, or where a disease strikes, never what acts (in their
#: written and normalised forms: "testes" and "teste")
ORGANS = frozenset(
    form
    for w in (
        "liver kidney kidneys gut intestine stomach body lung lungs skin tissue organ heart brain nerve nerves "
        "gland glands testis testes ovary ovaries pancreas spleen"
    ).split()
    for form in (w, normalize_word(w))
)
#: the places in a cell a protein is moved to ("recruit BTK to the membrane"), never a product
COMPARTMENTS = frozenset(
    normalize_word(w)
    for w in "membrane membranes nucleus nuclei cytoplasm cytosol surface endosome endosomes lysosome lysosomes phagosome phagosomes mitochondria mitochondrion synapse".split()
)
#: diseases whose names begin with a word of severity or course, which is then part of the name
NAMES_WITH_STAGE_WORDS = frozenset(
    " ".join(key_of(name))
    for name in (
        "severe combined immunodeficiency",
        "severe acute respiratory syndrome",
        "acute respiratory distress syndrome",
        "chronic granulomatous disease",
        "chronic obstructive pulmonary disease",
        "chronic kidney disease",
        "acute kidney injury",
        "chronic spontaneous urticaria",
        "chronic inducible urticaria",
        "chronic mucocutaneous candidiasis",
        "acute myeloid leukaemia",
        "acute lymphoblastic leukaemia",
        "chronic lymphocytic leukaemia",
        "chronic myeloid leukaemia",
        "chronic rhinosinusitis",
        "active tuberculosis",
    )
)
#: the stages of a disease an indication lists ("relapsed or refractory X", "moderate to severe X"): no part of its name
STAGE_WORDS = frozenset(
    "relapsed refractory recurrent resistant progressive active severe moderate mild chronic acute untreated advanced "
    "metastatic unresectable early late newly previously".split()
)
#: what "lower" names the lower part of ("the lower back"), where it is no verb
LOWER_PARTS = frozenset("back leg legs limb limbs abdomen abdominal jaw lip lips eyelid eyelids respiratory urinary gastrointestinal gi body half part".split())
#: adjectives without an adjective's ending that stand in a chain before a noun ("thick, red, scaly patches")
PLAIN_ADJECTIVES = frozenset(
    "red thick thin dry itchy scaly flaky raised swollen painful sore small large big short long high low mild severe "
    "potent weak strong rare common chronic acute new old young deep flat purple pink white yellow dark pale hard soft "
    "firm rough smooth warm hot cold tender sharp dull wet moist".split()
)
#: States of one protein ("free and receptor-bound IFN-γ", "soluble and membrane-bound TNF", "cell-surface
#: CD20"): the protein is named after them; coordinated, they name it once, not a protein "free" beside it.
STATE_PREFIX = re.compile(
    r"^(?:(?:free|soluble|circulating|secreted|transmembrane|intracellular|extracellular|monomeric|dimeric|trimeric|"
    r"(?:cell[- ])?surface|(?:membrane|receptor|cell|ligand|antibody|protein)[- ]?(?:bound|anchored))"
    r"(?:\s*,\s*|\s+(?:and|or)\s+|\s+|$))+",
    re.IGNORECASE,
)


def without_states(name: str) -> str:
    """``name`` without the states it starts with ("receptor-bound IFN-γ": "IFN-γ"; "free": ""), where what
    remains is a protein's symbol or numbered name; else ``name`` ("free radicals", "surfactant").

    >>> without_states("membrane-bound TNF"), without_states("soluble and cell-surface"), without_states("free radicals")
    ('TNF', '', 'free radicals')
    """
    match = STATE_PREFIX.match(name.strip())
    rest = name.strip()[match.end() :] if match else name.strip()
    return rest if not rest or _PROTEIN_NAME.search(rest) else name.strip()


_PROTEIN_NAME = re.compile(r"[A-Z0-9α-ω]|(?i:\b(?:alpha|beta|gamma|delta|kappa|receptors?|factors?|ligands?|interferons?|interleukins?|kinases?)\b)")

#: a gene or protein symbol, which names the protein when its class comes before it ("the kinase
#: JAK1", "the kinase BTK", "the serine protease C1r", "the receptor CCR5")
CLASS_SYMBOL = re.compile(r"^(?:[A-Z][A-Za-z]*-?\d[A-Za-z0-9-]*|[A-Z][A-Z0-9-]{1,9})$")  # ("Blimp-1", "Syk1", "BCL6")

#: how severe, long, lasting or frequent an effect is, which coordinated before one effect name it once
#: ("profound and prolonged lymphopenia", "severe and sometimes fatal infections")
DEGREE_WORDS = frozenset(
    "profound prolonged severe mild moderate transient persistent marked sustained serious significant partial complete "
    "reversible irreversible durable lasting fatal life-threatening temporary sometimes often occasionally rarely potentially "
    "frequently usually".split()
)


def event_word(word: str) -> bool:
    """A noun that names an event or a process, which "this" or "that" names again as itself ("this
    sensitisation", "this inflammation"), where "this kinase" stands for a name read before.

    >>> [event_word(w) for w in ("sensitisation", "inflammation", "haemolysis", "release", "signalling", "kinase", "pathway")]
    [True, True, True, True, True, False, False]
    """
    return (len(word) > 6 and word.endswith(("tion", "sion", "ment", "lysis", "osis", "ling", "ding"))) or word in _EVENT_NOUNS


#: events named without an event ending ("this histamine release", "this tissue damage")
_EVENT_NOUNS = frozenset("release damage loss injury uptake influx efflux death growth entry spread leak leakage shedding".split())


#: nouns of a disease that "this" keeps as a node ("this disease"), where "this kinase" names one read before
DISEASE_NOUNS = frozenset({"disease", "condition", "disorder", "infection", "illness", "syndrome"})
#: how much of a drug the body sees: "they increase its exposure" is the drug's
DRUG_MEASURES = frozenset("exposure bioavailability levels concentrations".split())


def part_word(word: str) -> bool:
    """A word that tells which part of a protein ("alpha", "p19", "extracellular", "heavy")."""
    greek = word in _GREEK_WORDS or word in ("α", "β", "γ", "δ", "κ", "-")
    return greek or bool(re.fullmatch(r"p\d{2,3}", word)) or word in _PART_KINDS or word.endswith("binding")  # ("the ATP-binding pocket of SYK")


_GREEK_WORDS = frozenset("alpha beta gamma delta epsilon kappa lambda".split())
_PART_KINDS = frozenset(
    "extracellular intracellular transmembrane cytoplasmic variable constant light heavy common signalling signaling atp gtp catalytic active allosteric lateral"
    " death kinase tir card pyrin effector regulatory binding".split()
)


_COMPARING = frozenset("unlike than versus vs like place instead compared relative".split())


def compared(tok: Any) -> bool:
    """Whether a name is what something is compared with ("Unlike X", "in place of a course of X",
    "compared with X"): up the chain of prepositions and their nouns, a comparing word."""
    node = tok
    for _ in range(5):
        if node.dep_ != "pobj":
            return False
        prep = node.head
        if prep.lower_ in _COMPARING or prep.head.lower_ in _COMPARING:
            return True
        node = prep.head
        if node.pos_ not in ("NOUN", "PROPN"):
            return False
    return False
