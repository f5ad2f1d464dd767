"""Signed verb classes for the parser-based reader, by lemma.

The classes follow the event types of the biomedical event-extraction shared tasks (BioNLP
GENIA: Positive_regulation, Negative_regulation, Regulation, Binding, Conversion), with the
trigger verbs usually annotated for them; none is taken from mechgraph's gold texts. Each lemma
says how it reads:

- ``+`` / ``-`` / ``0``: the subject raises, lowers or acts on the object (``represses`` -,
  ``switches on`` +, ``traps`` -, ``arrests`` -, ``prolongs`` +, ``slows`` -);
- ``convert``: ``X is converted to Y`` (X is metabolised to Y);
- ``treat``: the object is a disease (``treats``, ``relieves``): -;
- ``improve``: + for a function ("improves breathing"), - for a disease ("improves colitis");
- ``control``: - for a disease, an infection or a flare ("glucocorticoids control most flares"),
  otherwise unsigned ("controls the expression of X");
- ``keep``: ``keeps X in the cytoplasm`` / ``keeps X inactive`` (-) or ``keeps X active`` (+);
- ``release``: ``releases the brake on X`` (+); from a cell, + what it releases (``mast cells
  release histamine``, read with the other outputs in :mod:`.parseoutputs`); otherwise no relation
  (a released cell or molecule is not raised by what frees it);
- ``makes``, ``expresses``, ``sheds`` (no class of their own): + only from a cell to what it makes
  (``B cells make antibodies``, ``keratinocytes express IL-33``; read in :mod:`.parsereaders`).

>>> VERB_SIGNS["repress"], VERB_SIGNS["switch on"], VERB_SIGNS["prolong"]
('-', '+', '+')
"""

from __future__ import annotations

import re

__all__ = ["DISEASE_WORDS", "NOUN_CUES", "PARTICLE_VERBS", "VERB_SIGNS", "SPLITTING_VERBS", "WRAPPER_NOUNS", "disease_word", "verb_sign"]

_POSITIVE = """
activate induce increase enhance promote stimulate upregulate up-regulate elevate augment potentiate
trigger drive boost amplify restore raise prolong sustain cause produce accelerate enable facilitate
strengthen reinforce mobilise mobilize recruit expand upregulated heighten intensify exacerbate worsen
aggravate phosphorylate transactivate evoke elicit provoke generate favour favor
maintain support stabilise stabilize rescue license licence prime co-activate coactivate costimulate
co-stimulate contribute initiate launch attract protect shield thicken enlarge expand secrete synthesise synthesize pump
encourage lengthen extend mediate fuel foster spur draw regrow perpetuate reinvigorate reactivate unleash precipitate double triple preserve derepress
open speed hasten
"""
_NEGATIVE = """
inhibit block suppress reduce decrease downregulate down-regulate lower impair attenuate diminish
abolish abrogate prevent antagonise antagonize neutralise neutralize repress silence trap sequester
arrest slow deplete eliminate kill shorten limit restrain dampen blunt hinder counteract degrade
destabilise destabilize disrupt interrupt weaken alleviate relieve reverse curb halt stop tether
inactivate deactivate desensitise desensitize oppose cleave lyse clear destroy starve retain
hamper delay ablate deprive damage injure harm saturate occupy calm soothe dissociate remove postpone
ease quell quench temper scavenge attack buffer internalise internalize damp
lessen mitigate impede obstruct eradicate halve dephosphorylate downmodulate exhaust anergize anergise tolerize tolerise uncouple decouple trim
"""
_NEUTRAL = "regulate modulate affect influence alter change modify bind attach target recognise recognize engage act interact opsonise opsonize coat"

#: what turns one molecule into another ("CYP2B6 hydroxylates X to Y", "X is split into A and B"; without
#: "to" or "into" no relation)
_CONVERTING = (
    "convert metabolise metabolize hydroxylate oxidise oxidize hydrolyse hydrolyze demethylate methylate acetylate split glucuronidate deacetylate transform"
)

VERB_SIGNS: dict[str, str] = {
    **{w: "+" for w in _POSITIVE.split()},
    **{w: "-" for w in _NEGATIVE.split()},
    **{w: "0" for w in _NEUTRAL.split()},
    **{w: "treat" for w in ("treat", "cure", "ameliorate")},
    **{w: "convert" for w in _CONVERTING.split()},
    "improve": "improve",
    "control": "control",
    "break down": "convert",
    "keep": "keep",
    "release": "release",
    "switch on": "+",
    "turn on": "+",
    "switch off": "-",
    "turn off": "-",
    "shut down": "-",
    "build up": "",  # "the metabolite that builds up": no relation
    "lead to": "cause",
    "result in": "cause",
    "give rise to": "cause",
    "contribute to": "+",
    "account for": "cause",
    "set off": "+",
    "bring together": "+",
    "play role": "+",
}

# Verbs whose particle or preposition makes the cue ("switch on", "lead to", "interfere with").
PARTICLE_VERBS: dict[tuple[str, str], str] = {
    ("switch", "on"): "switch on",
    ("turn", "on"): "turn on",
    ("switch", "off"): "switch off",
    ("turn", "off"): "turn off",
    ("shut", "down"): "shut down",
    ("build", "up"): "build up",
    ("break", "down"): "break down",
    ("lead", "to"): "lead to",
    ("result", "in"): "result in",
    ("contribute", "to"): "contribute to",
    ("account", "for"): "account for",  # "X may account for many drug reactions": X causes them
    ("set", "off"): "set off",  # "sets off degranulation"
    ("bring", "together"): "bring together",  # "Binding of IL-7 brings together JAK1 and JAK3": it recruits them
    ("interfere", "with"): "-",
    ("act", "on"): "0",
    ("interact", "with"): "0",
    ("pair", "with"): "0",
    ("dispose", "of"): "-",  # "ADA disposes of adenosine"
    ("associate", "with"): "0",  # (active only: "is associated with" is a statistic, see parsereaders)
    ("protect", "against"): "-",
    ("bind", "to"): "0",
    ("dock", "on"): "0",
    ("dock", "onto"): "0",
    ("attach", "to"): "0",
    ("direct", "against"): "0",  # "an antibody directed against CCR4": it binds CCR4
    ("target", "against"): "0",
    ("give", "to"): "cause",
    ("damp", "down"): "-",
    ("slow", "down"): "-",
    ("calm", "down"): "-",
    ("tone", "down"): "-",
    ("dampen", "down"): "-",
    ("wipe", "out"): "-",
    ("mop", "up"): "-",
    ("soak", "up"): "-",
    ("speed", "up"): "+",
    ("lay", "down"): "+",
    ("ramp", "up"): "+",
    ("fire", "up"): "+",
    ("rev", "up"): "+",
    ("stir", "up"): "+",
    ("whip", "up"): "+",
    ("beef", "up"): "+",
    ("switch", "up"): "+",
    ("tamp", "down"): "-",
    ("wind", "down"): "-",
    ("hold", "back"): "-",
    ("rein", "in"): "-",
    ("knock", "down"): "-",
    ("knock", "out"): "-",
}

# "a JAK inhibitor", "an antibody against CD20": nouns that carry a relation to their modifier.
NOUN_CUES: dict[str, str] = {
    "inhibitor": "-",
    "blocker": "-",
    "antagonist": "-",
    "agonist": "+",
    "activator": "+",
    "inducer": "+",
    "suppressor": "-",
    "antibody": "0",
    "ligand": "0",
    "modulator": "0",
    "vaccine": "-",  # "X, a vaccine against dengue", "a dengue vaccine": X prevents dengue
}

# "the action of X", "the number of X", "the risk of X", "treatment with X": the relation is about X.
WRAPPER_NOUNS = frozenset(
    """action actions activity activities number numbers level levels amount amounts concentration
    concentrations count counts risk risks frequency incidence effect effects function signs symptoms
    treatment therapy use administration dose doses presence hundreds thousands dozens millions share proportion fraction percentage minority majority subset onset diagnosis
    subunit subunits chain chains domain domains look appearance recurrence recurrences burst bursts wave waves buildup
    accumulation form forms worsening case cases episode episodes portion part region fragment trial trials study studies
    engagement ligation crosslinking cross-linking triggering pocket motif groove site output""".split()
)

# Heads that make an object a disease, for "improve" and "remission of".
DISEASE_WORDS = frozenset(
    """disease diseases disorder disorders asthma psoriasis eczema dermatitis arthritis colitis lupus sclerosis
    cancer cancers leukaemia leukemia lymphoma myeloma syndrome infection infections inflammation itching
    pain symptoms attacks relapses rejection tumour tumor tumours tumors failure injury fibrosis toxicity
    damage flares flare metastasis metastases exacerbation exacerbations
    gout fever malaria acne sepsis measles influenza leprosy urticaria vitiligo shingles warts diphtheria tetanus
    pertussis mumps rubella polio cholera typhoid rabies smallpox chickenpox migraine diabetes obesity pemphigus
    myasthenia scleroderma bronchiectasis""".split()
)

#: Endings of the names of diseases and disorders (arthritis, fibrosis, anaemia, lymphoma, neuropathy).
_DISEASE_ENDINGS = (
    *("itis", "osis", "oses", "aemia", "emia", "oma", "omas", "pathy", "iasis", "algia", "plasia", "penia", "cytosis"),
    *("phagia", "pnoea", "pnea", "uria", "rrhoea", "rrhea", "ecia", "itus"),  # symptoms: dysphagia, dyspnoea, pruritus
)


def disease_word(word: str) -> bool:
    """Whether a word names a disease or a symptom, or is the head of a disease's name.

    >>> [disease_word(w) for w in ("spondylitis", "neutropenia", "psoriasis", "pneumonia", "dysphagia", "acid", "virus")]
    [True, True, True, True, True, False, False]
    """
    w = word.lower()
    return w in DISEASE_WORDS or (len(w) > 5 and w.endswith(_DISEASE_ENDINGS)) or w.endswith("onia")


#: what a phosphatase turns on by taking a phosphate off: NFAT, which calcineurin frees to enter the
#: nucleus, and Lck, whose inhibitory tyrosine CD45 clears (elsewhere a phosphatase turns a signal off)
_TURNED_ON_BY_DEPHOSPHORYLATION = re.compile(r"\b(?:NFATs?|calcineurin|CD45)\b", re.IGNORECASE)


def verb_sign(lemma: str, sentence: str) -> str | None:
    """The reading of a verb in a sentence: its class's sign, but "dephosphorylate" turns a signal
    off ("SHP-1 dephosphorylates Syk") unless the sentence is about what it turns on ("Calcineurin
    dephosphorylates NFAT").

    >>> verb_sign("dephosphorylate", "SHP-1 dephosphorylates Syk."), verb_sign("dephosphorylate", "Calcineurin dephosphorylates NFAT.")
    ('-', '+')
    """
    if lemma == "dephosphorylate" and _TURNED_ON_BY_DEPHOSPHORYLATION.search(sentence):
        return "+"
    return VERB_SIGNS.get(lemma)


#: signed verbs that name a conversion when a product follows ("X is cleaved into A and B", "X is
#: dephosphorylated to Y", "phosphorylated by dCK to the triphosphate"): the words that bring the product
SPLITTING_VERBS: dict[str, tuple[str, ...]] = {
    "cleave": ("into",),
    "degrade": ("into",),
    "phosphorylate": ("to", "into"),
    "dephosphorylate": ("to", "into"),
}
