"""Word classes and parse helpers of the parser-based reader (:mod:`.parsed`): the sets of words
that make names, cues, people, hedges and changes, and small tests on parsed tokens.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..vocabulary import NodeKind, Relation
from . import cues as C
from . import namewords as N
from .lexicon import LexiconEntry
from .tokens import key_of, normalize_word, without_brackets
from .verbclasses import DISEASE_WORDS, NOUN_CUES, VERB_SIGNS, WRAPPER_NOUNS, disease_word

_PRONOUNS = frozenset("it they this these its their itself".split())
_GENERIC = frozenset(
    normalize_word(w)
    for w in "drug agent medicine medication compound product substance antibody treatment dose doses agents drugs ointment cream gel tablet tablets injection infusion capsule capsules mechanism course regimen".split()
)
_DRUG_STEM = re.compile(
    r"(mab|cept|nib|limus|stim|leukin|kinra|mide|imod|olone|asone|isone|sporine|prine|lisib|zomib|"
    r"inostat|trexate|milast|oquine|golimod|mycin|vir|sporin|ciclib|parib|platin|taxel|rubicin|abine|ribine|trexed|mustine|sulfan|"
    r"cillin|cycline|floxacin|statin|sartan|siran|rsen|leucel|ermin|fungin|conazole|lukast|mod|"
    # more of the WHO's INN stems: antihistamines, other receptor blockers and enzyme inhibitors, vitamin D analogues
    r"tadine|izine|astine|tidine|afil|olol|pril|dipine|prazole|setron|triptan|gliptin|glutide|gliflozin|parin|xaban|gatran|"
    r"semide|thiazide|azepam|oxetine|profen|fenac|coxib|sonide|terol|tropium|relin|pressin|dronate|poetin|plase|stat|"
    r"calcitriol|potriol|calcidol|vudine|bendazole|piprant|troban|"
    # gene therapies, the first word of their two-word names ("afamitresgene autoleucel", "axicabtagene ciloleucel")
    r"(?<!onco)(?<!trans)(?<!patho)gene)$"
)
_DRUG_CLASS = frozenset(
    normalize_word(w)
    for w in "inhibitor blocker antagonist agonist antibody drug medicine medication immunosuppressant immunomodulator prodrug agent metabolite derivative analogue "
    "antibiotic antiviral antifungal antihistamine statin steroid corticosteroid glucocorticoid vaccine sulfonamide sulphonamide moiety".split()
)
_SKIP_LEFT = frozenset({"det", "poss", "predet", "prep", "cc", "preconj", "appos", "relcl", "acl"})
_PROCESS_LEMMAS = frozenset(
    normalize_word(w)
    for w in """survival proliferation apoptosis transcription production activation phosphorylation secretion
    expression release differentiation maturation signalling signaling synthesis migration function
    progression degradation translocation recruitment infiltration killing death growth assembly uptake turnover
    entry influx efflux clearance""".split()
)
_GREEK = frozenset("alpha beta gamma delta epsilon kappa lambda".split())
_SYMBOL_HEADS = frozenset(normalize_word(w) for w in "receptor protein enzyme factor pathway".split())
_NO_CANDIDATE = (
    C.NON_ENTITY
    | C.ABSTRACT_NOUNS
    | C.GENERIC_NOUNS
    | C.TRANSPARENT_NOUNS
    | frozenset(normalize_word(w) for w in WRAPPER_NOUNS)
    | frozenset(
        normalize_word(w)
        for w in "reduction increase decrease loss drop fall rise decline contrast addition example case receptor release induction maintenance regulation change changes objective modification inhibition activation stimulation protein enzyme factor pathway signal signals step process processes effect effects it".split()
    )
)
_SYMBOL = re.compile(r"^(?=.*[A-Z])(?=.*[A-Za-z]{2})[A-Za-z0-9αβγκ-]{2,12}$")
_RELATION_NOUNS = frozenset(
    "inhibition suppression blockade reduction decrease increase enhancement induction stimulation prevention "
    "treatment interaction regulation modulation binding impairment abrogation".split()
)
_DEVERBAL = re.compile(r"(tion|sion|ment|ance|ence|age|ing|sis|ure)$")
_MAX_NAME = 10  # tokens left of the head a name may have (a garbled parse must not make a name of a line)
_CARE_NOUNS = frozenset("treatment prophylaxis prevention management therapy control relief".split())
_PEOPLE = C.PEOPLE | frozenset(
    "adults patients children adolescents people individuals infants women men volunteers participants recipients vaccinees travellers travelers".split()
)
#: verbs more often met as nouns ("heart attacks", "asthma attacks"), read as verbs only after a plural subject, a
#: pronoun, a relative or an auxiliary ("T cells attack", "that could attack")
_NOUN_LIKE_VERBS = frozenset({"attack"})
#: a time or a place a drug was approved in, no disease
_WHEN_OR_WHERE = frozenset(
    "january february march april may june july august september october november december spring summer autumn winter "
    "year europe eu us usa uk japan china canada australia states kingdom union america country countries region regions market markets".split()
)
_SAMPLE_WORDS = frozenset(
    "serum plasma blood circulating total mean high low free overall relative absolute peripheral urinary tissue rare isolated occasional".split()
)
_ANTIBODY_WORDS = frozenset("human humanized humanised chimeric monoclonal recombinant fully igg igg1 igg2 igg4 lambda kappa".split())
_PREFIXES = frozenset("co anti non pre re de un self cross inter intra sub multi over under semi pro trans".split())
_CLASS_NOUNS = frozenset(
    normalize_word(w)
    for w in "immunophilin enzyme protein kinase phosphatase cytokine receptor factor factors drug antibody chemokine interleukin transcription molecule ligand suppressor repressor alarmin sensor hormone peptide oncogene adaptor gene metabolite prodrug "
    "antibiotic antifungal antiviral anticoagulant antidepressant anticonvulsant antihistamine statin steroid corticosteroid "
    "glucocorticoid biologic immunosuppressant medicine medication sulfonamide sulphonamide protease peptidase ligase lipase synthase "
    "transporter channel integrin lectin convertase complex".split()
)
_EVENT_NOUNS = frozenset(
    normalize_word(w)
    for w in "engagement activation binding function activity signalling signaling interaction expression action actions effect effects".split()
)
_OUTCOME_PHRASES = frozenset(
    {
        ("side", "effect"),
        ("adverse", "effect"),
        ("adverse", "event"),
        ("adverse", "reaction"),
        ("disease", "activity"),
        ("class", "switching"),
        ("class", "switch"),
    }
)
_NEG_WORDS = frozenset("not n't never no".split())
_NEG_VERBS = frozenset("fail lack".split())
_HEDGE_VERBS = frozenset("think suggest appear seem believe propose hypothesise hypothesize speculate".split())
_HEDGE_ADVERBS = frozenset("possibly probably perhaps potentially presumably likely".split())
_MODALS = frozenset("may might could can".split())
_UNCERTAIN = re.compile(
    r"\b(remains?|is|are) (still )?(uncertain|unclear|unknown|not (fully |well )?(understood|known|defined))\b|"
    r"\b(we|authors|investigators|researchers) (speculate|hypothesi[sz]e|propose|suspect)\b|\bit is (possible|conceivable|plausible) that\b|"
    r"\bit has been (suggested|proposed|hypothesi[sz]ed) that\b",
    re.I,
)
_DECREASE_WORDS = frozenset("reduced decreased impaired lower lowered less diminished suppressed inhibited defective".split())
_INCREASE_WORDS = frozenset("increased enhanced elevated higher more augmented".split())
_CONTEXT_PREPS = frozenset({"in", "by", "on"})
#: intransitive verbs of change: "CRP fell after X", "haemoglobin rose with X"
_FALL_VERBS = frozenset("fall decline drop decrease diminish lessen subside sink plummet shrink".split())
_RISE_VERBS = frozenset("rise increase climb grow surge soar".split())
#: the prepositions and participles that name what was given before a change ("after a dose of X", "in patients given X")
_GIVEN_PREPS = frozenset("after following with on during under upon".split())
_GIVEN_VERBS = frozenset("give treat receive take administer dose start".split())
#: nouns of a change in a list of adverse effects ("a fall in lymphocyte counts", "a rise in liver enzymes")
#: what a drug is given as ("after administration of X", "during X therapy", "following the first infusion")
_GIVING_NOUNS = frozenset(
    "administration use dose doses infusion infusions injection injections instillation instillations treatment therapy exposure "
    "vaccination vaccinations immunisation immunization".split()
)
_FALL_NOUNS = frozenset(
    normalize_word(w)
    for w in "fall drop decrease decline reduction lowering loss degradation breakdown destruction lysis killing elimination depletion removal clearance internalisation internalization".split()
)
_RISE_NOUNS = frozenset(normalize_word(w) for w in "rise increase elevation elevations".split())
_KIND_NOUNS = frozenset("subclass subclasses class isotype isotypes type family group kind form origin".split())  # "an antibody of the IgG1 subclass"
_SYMPTOM_NOUNS = frozenset(normalize_word(w) for w in "pain ache aches swelling stiffness weakness cramps cramp tenderness itching numbness".split())
_BIGGER = frozenset("bigger larger greater higher stronger big large".split())
_SMALLER = frozenset("smaller lower weaker fewer small".split())
_PRONE = frozenset("likely prone susceptible vulnerable liable".split())
#: what a cause makes something do or become ("makes skin cells grow", "causes neutrophils to die",
#: "makes the vessels leaky", "renders T cells anergic")
_CAUSATIVE_HEADS = frozenset("make render cause let allow help enable get lead prompt".split())
_THRIVE_VERBS = frozenset("grow multiply proliferate divide expand survive mature swell leak thrive accumulate persist spread flourish".split())
_REMOVED_VERBS = frozenset("take internalise internalize degrade destroy remove clear engulf kill eliminate".split())  # (in the passive)
_PERISH_VERBS = frozenset("die shrink disappear perish wither starve stop self-destruct".split())
_OUTPUT_VERBS = frozenset("release produce secrete make express shed generate form".split())
_STATE_UP = frozenset("leaky active overactive hyperactive inflamed swollen permeable sticky worse".split())
_STATE_DOWN = frozenset("inactive unresponsive anergic dormant quiescent harmless".split())
#: adverse effects named with the body site or the moment ("infections of the nose and throat", "reactions during the infusion")
SITE_EFFECTS = frozenset(
    "infection reaction pain swelling ulcer ulceration irritation rash bleeding redness itching tenderness blood protein discharge".split()
)
#: organs and glands: where an effect is, never an effect themselves ("inflammation of the lungs, bowel and liver")
ORGANS = frozenset(
    normalize_word(w)
    for w in "lung lungs bowel liver kidney kidneys heart brain spleen pancreas thyroid gland glands hormone joint joints gut stomach "
    "cervix vulva vagina anus rectum colon oesophagus esophagus prostate uterus ovary ovaries testis testes "
    "bile duct ducts salivary lacrimal retroperitoneum organ organs bladder".split()
)


def organ_only(label: str) -> bool:
    """Whether a name is only organs or body sites ("liver", "hormone glands", "mouth", "genitals"):
    where an effect is, never an effect."""
    key = key_of(label)
    return bool(key) and set(key) <= BODY_SITES


#: losses of a protein named by nouns ("causes its internalisation and degradation"): "its" is lowered; the noun names no node
LOSS_EVENTS = frozenset("degradation internalisation internalization destruction breakdown loss removal shedding".split())
#: what a measured finding is a value of ("low magnesium levels", "low platelet counts")
MEASURE_NOUNS = frozenset("level count concentration".split())
#: what a cell gives off, verbs the tagger takes for nouns or modifiers ("platelets express/NN P-selectin",
#: "platelets release/NN PF4"): parsed again or retagged as verbs (the clause's shape; "release" still relates nothing)
OUTPUT_FORMS = frozenset("release express shed".split())
#: verbs that stop an action named by a gerund after "from" ("keeps X from binding Y"): the action is not asserted, by either reader
STOPPING_VERBS = frozenset("keep prevent stop block bar inhibit hinder deter protect".split())
#: the places an effect is named with ("infections of the nose and throat", "reactions during the infusion")
BODY_SITES = ORGANS | frozenset(
    normalize_word(w)
    for w in "nose throat sinus sinuses skin mouth eye eyes bladder chest airway airways ear ears tongue lip lips gum gums face scalp genital genitals infusion injection "
    "instillation site urine stool stools faeces feces sputum".split()
)
#: an English adjective's ending ("inhibitory", "functional"): no noun of a name
ADJECTIVE_END = re.compile(r"(al|ic|ive|ous|ful|less|able|ible|ed|ing|ary|ory|ent|ant|ile|ar|y)$")
_USE_VERBS = frozenset("use give prescribe administer".split())
_ADVERSE_WORDS = frozenset("side adverse undesirable unwanted".split())


def named_after_class(words: Sequence[str], *, drug: bool = False) -> bool:
    """Whether a name's last word is what its class word before it names ("the kinase JAK1", "the
    serine protease MASP2"; with ``drug``, also "the antibiotic clarithromycin")."""
    before = words[-2].lower() if len(words) >= 2 else ""
    by_ending = before.endswith("ase") and len(before) > 6 and len(words[-1]) >= 4  # "the demethylase KDM5", not "phospholipase A2"
    classed = normalize_word(before) in _CLASS_NOUNS or (drug and normalize_word(before) in _DRUG_CLASS)  # ("the DP2 antagonist fevipiprant")
    chemical = bool(_LOCANT_NAME.match(words[-1]))  # "the ketone bodies β-hydroxybutyrate and ...": after a plural, the chemical's name
    classed = classed or (chemical and before.isalpha() and before.endswith("s") and not before.endswith("ss"))
    if not before or (not classed and not by_ending) or sum(ch.isalpha() for ch in words[-1]) < 2:
        return False  # (but "G protein-coupled receptor X2": a one-letter end goes on the name)
    short = bool(re.match(r"^[A-Z][a-z]{1,3}\d*$", words[-1])) and not by_ending  # "the kinase Syk", "the kinase Akt"
    coined = (  # "the DP2 antagonist fevipiprant": after a class of drugs, a coined word is the drug's name
        drug
        and normalize_word(before) in _NAMING_CLASSES
        and words[-1].isalpha()
        and words[-1].islower()
        and len(words[-1]) >= 7
        and not _COMMON_ENDING.search(words[-1])
    )
    return bool(N.CLASS_SYMBOL.match(words[-1])) or short or (drug and looks_like_drug(words[-1])) or coined or chemical


#: a chemical's name after a Greek letter or a locant ("β-hydroxybutyrate", "2-deoxyglucose", "N-acetylcysteine")
_LOCANT_NAME = re.compile(r"^(?:[α-ω]|\d+(?:,\d+)*|[A-Z])-[a-z]{5,}$")
#: classes of drugs that name their members after them ("the DP2 antagonist fevipiprant", "the antibiotic X")
_NAMING_CLASSES = frozenset(
    normalize_word(w) for w in "inhibitor blocker antagonist agonist antibiotic antiviral antifungal antihistamine immunosuppressant sulfonamide".split()
)
#: endings of common nouns, which are no drug's name ("the TNF inhibitor therapy", "antagonist treatment")
_COMMON_ENDING = re.compile(r"(?:tion|sion|ment|ance|ence|ity|ness|ing|ism|ure|apy|s)$")


def class_members(noun: Any) -> list[Any]:
    """The subject of "belongs to a group (of medicines) called <noun>" or "is one of the <noun>":
    what the class named by ``noun`` has as a member (none where ``noun`` names no such class)."""
    if not (noun.dep_ in ("oprd", "attr") and noun.head.lemma_ in ("call", "know", "name", "term")):
        return []
    step, grouped = noun.head.head, False
    for _ in range(5):
        grouped = grouped or normalize_word(step.lower_) in ("group", "class", "family", "type")
        if step.pos_ in ("VERB", "AUX") and step.lemma_ in ("belong", "be") and grouped:
            return [c for c in step.children if c.dep_ == "nsubj"]
        if step.head is step:
            break
        step = step.head
    return []


def class_phrase(label: str) -> bool:
    """A description by class ("disease-modifying antirheumatic drug", "JAK inhibitor"), not a name."""
    last = label.lower().split()[-1] if label.split() else ""
    return normalize_word(last) in _DRUG_CLASS or last in ("drug", "drugs", "medicine", "agent")


def looks_like_drug(word: str) -> bool:
    """A word shaped like an international non-proprietary drug name ("upadacitinib", "apremilast")."""
    w = word.lower()
    return len(w) >= 7 and w.isalpha() and bool(_DRUG_STEM.search(w)) and w.rstrip("s") not in _DRUG_CLASS_NAMES | _BODY_PROTEINS


#: the body's own proteins whose names end in a drug stem ("gasdermin" like "palifermin", "ghrelin" like "gonadorelin", "interleukin" like "aldesleukin")
_BODY_PROTEINS = frozenset("gasdermin ghrelin interleukin".split())
#: names of drug classes shaped like a drug's name: "the sulfonamide sulfapyridine" names sulfapyridine
_DRUG_CLASS_NAMES = frozenset("sulfonamide sulphonamide thalidomide-analogue carboxamide antibody".split())


_BINDING = frozenset("bind attach target recognise recognize engage interact antibody ligand".split())
_INHIBITING = frozenset("inhibit block antagonise antagonize neutralise neutralize inhibitor blocker antagonist trap sequester tether inactivate".split())
_ACTIVATING = frozenset("activate stimulate induce trigger agonist activator phosphorylate dephosphorylate transactivate".split())


def _relation(words: str, sign: str) -> Relation:
    lemma = words.split()[0]
    if sign == "convert":
        return Relation.METABOLISED_TO
    if sign == "+":
        return Relation.ACTIVATES if lemma in _ACTIVATING or words in ("switch on", "turn on") else Relation.INCREASES
    if sign == "-":
        return Relation.INHIBITS if lemma in _INHIBITING or words in ("switch off", "turn off") else Relation.DECREASES
    return Relation.BINDS if lemma in _BINDING or words in ("direct against", "target against") else Relation.REGULATES


#: the event a subject names instead of what it is of ("Binding of C1q activates C1r", "Activation of
#: TLR7 induces IFN-alpha"): what the event makes more of does what the event does, so the relation
#: is from it, with the verb's sign. (An event that takes something away, "the loss of tryptophan",
#: stays a node of its own: it is how the texts name that state.)
_SUBJECT_EVENTS = frozenset(
    normalize_word(w)
    for w in "binding activation stimulation engagement ligation triggering crosslinking cross-linking occupancy overexpression "
    "overproduction release secretion production".split()
)
#: an event that takes something away, named as the subject of a verb ("the loss of tryptophan activates GCN2"):
#: a node of its own, the whole phrase
_ACTION_HEADS = frozenset(normalize_word(w) for w in "blockade inhibition deficiency depletion antagonism neutralisation neutralization knockout".split())
_TAKING_EVENTS = _ACTION_HEADS | frozenset(normalize_word(w) for w in "loss absence lack deletion knockdown withdrawal removal".split())
_NAMING = frozenset("call name term designate dub".split())


def _named(tok: Any) -> list[Any]:
    """ "proteins called X and Y", "a kinase named Z": the names a noun is given."""
    for child in tok.children:
        if child.dep_ == "acl" and child.lemma_.lower() in _NAMING and child.tag_ == "VBN":
            named = [g for g in child.children if g.dep_ in ("dobj", "oprd", "attr")]
            # "two proteins called IL-17A/appos and IL-17F": the parse hung the names on the noun
            return named or [g for g in tok.children if g.dep_ == "appos" and g.i == child.i + 1]
    return []


def _plural_verb(verb: Any) -> bool:
    """ "which both play", "which were": a verb whose subject is plural."""
    return (
        verb.tag_ == "VBP" or any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("are", "were", "have") for c in verb.children) or verb.lower_ in ("are", "were")
    )


def _main_clause(verb: Any) -> bool:
    """The sentence's main verb, or the verb of its clausal subject ("Whether X suppresses Y remains unclear")."""
    return verb.dep_ == "ROOT" or (verb.dep_ == "csubj" and verb.head.dep_ == "ROOT")


def _inverted(verb: Any) -> bool:
    """A finite verb in a list of verb phrases whose object the parser took for a subject after it
    ("It contributes to A, induces B, ..."): no subject before the verb, no inversion word, and a
    verb phrase of the list before it."""
    if verb.tag_ not in ("VBZ", "VBP", "VBD") or not any(c.dep_ == "nsubj" and c.i > verb.i for c in verb.children):
        return False
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") and c.i < verb.i for c in verb.children) or any(c.dep_ == "aux" for c in verb.children):
        return False  # "Does X bind Y?", "There remains X"
    return any(c.dep_ in ("ccomp", "conj") and c.i < verb.i and c.pos_ == "VERB" for c in verb.children)


def _is_passive(verb: Any) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN" and not any(c.dep_ == "nsubj" for c in verb.children)
    )


def _prep_object(tok: Any, preps: tuple[str, ...]) -> Any:
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            for g in child.children:
                if g.dep_ == "pobj":
                    return g
            for g in child.children:  # "the risk of bleeding/VBG": a gerund without an object is a noun
                if g.dep_ == "pcomp" and g.tag_ == "VBG" and not any(c.dep_ in ("dobj", "prep", "advmod") for c in g.children):
                    return g
                if g.dep_ == "pcomp" and g.lower_ in _NAME_PARTICIPLES:  # "a fall in circulating/VBG(pcomp) B cells": the cells
                    return next((c for c in g.children if c.dep_ == "dobj"), None)
    return None


#: participles that begin a name rather than a clause ("circulating B cells")
_NAME_PARTICIPLES = frozenset("circulating infiltrating resting proliferating dividing regulating".split())


def _site(tok: Any) -> Any:
    """The site of a symptom ("pain in the joints"); the parser may hang "in" on the first of two
    conjuncts ("bone pain and pain in the muscles"): it belongs to the conjunct right before it."""
    preps = [c for c in tok.children if c.dep_ == "prep" and c.lower_ == "in"]
    if tok.dep_ == "conj":
        preps += [c for c in tok.head.children if c.dep_ == "prep" and c.lower_ == "in" and c.i > tok.i]
    for prep in preps:
        if prep.i < tok.i or any(c.dep_ == "conj" and tok.i < c.i < prep.i for c in tok.children):
            continue
        if tok.dep_ != "conj" and any(c.dep_ == "conj" and c.i < prep.i for c in tok.children):
            continue
        if any(t.text == "," for t in tok.doc[tok.i : prep.i]):
            continue
        for g in prep.children:
            if g.dep_ == "pobj" and g.pos_ == "NOUN":
                return g
    return None


def _fragment(tok: Any) -> bool:
    doc = tok.doc
    glued = tok.whitespace_ == "" and tok.i + 1 < len(doc) and doc[tok.i + 1].text in ("-", "‐", "/")
    return (glued and len(tok.text) <= 4 and tok.text.islower()) or (len(tok.text) <= 2 and tok.text.islower())


#: heads of what a treatment improves by raising it
_GOOD_HEADS = frozenset(normalize_word(w) for w in "control function quality survival response remission score capacity".split())


def _diseaselike(tok: Any, entry: LexiconEntry) -> bool:
    if normalize_word(tok.lower_) in _GOOD_HEADS:
        return False  # "improved asthma control", "lung function", "quality of life": more of it is better
    if entry.kind in (NodeKind.CONDITION,):
        return True
    if any(disease_word(w) for w in entry.label.lower().split()):
        return True  # "systemic lupus erythematosus", "dysphagia"
    return normalize_word(tok.lower_) in DISEASE_WORDS or disease_word(tok.lower_)


def _cue_forms() -> frozenset[str]:
    from .cues import verb_forms

    forms = {form for lemma in VERB_SIGNS for form in verb_forms(lemma.split()[0]) if " " not in lemma and lemma}
    return frozenset(forms - {"lead", "control", "release", "target", "act", "support", "cause", "effect", "attack", "attacks"})


def _modifier_word(word: str) -> bool:
    if word.lower() in _MODIFIERS:
        return True  # "membrane-bound TNF", "receptor-bound IFN-γ": a state of the protein, which is named
    if word.lower().endswith(("-positive", "-negative", "-expressing", "-bright", "-dim")):
        return True  # "CD16/56-positive NK cells": a marker of a subset, the cells are named after it
    if "-" in word.strip("-"):
        parts = word.lower().strip("-").split("-")  # "moderate-to-severe": a severity, not a name
        return len(parts) == 3 and parts[1] in ("to", "or") and parts[0] in _MODIFIERS and parts[2] in _MODIFIERS
        # else "interferon-stimulated", "IL-6-induced": part of a specific name
    return word.lower() in _MODIFIERS or word.lower().endswith(("ing", "ed", "ive", "ous", "al"))


_MODIFIERS = frozenset(
    """circulating soluble severe moderate mild active refractory chronic acute human activated resting naive
    transitional malignant serious major minor main other several many some most certain specific total serum
    plasma peripheral intracellular extracellular mature immature primary secondary long-lived free bound own
    receptor-bound membrane-bound cell-bound""".split()
)
_CUE_FORMS = _cue_forms()
#: the inflected forms of the cue verbs of :mod:`.verbclasses` (less those that are also nouns)
CUE_FORMS = _CUE_FORMS


def _finite_forms() -> dict[str, str]:
    from .cues import verb_forms

    forms: dict[str, str] = {}
    for lemma in VERB_SIGNS:
        if " " in lemma or not lemma or lemma in _NOUN_LIKE_VERBS:
            continue
        base, third = verb_forms(lemma)[:2]
        forms.setdefault(base, lemma)
        forms.setdefault(third, lemma)
    return forms


_FINITE_FORMS = _finite_forms()


def _is_adjective_only(words: Sequence[str]) -> bool:
    return all(w.lower() in _MODIFIERS for w in words)


def _cue_words() -> frozenset[str]:
    from .cues import cue_verbs, verb_forms

    words = {form for lemma in VERB_SIGNS if lemma for form in verb_forms(lemma.split()[0])}
    words |= {form for form in cue_verbs()}  # the pattern reader's cues too
    words |= {w for noun in NOUN_CUES for w in (noun, noun + "s")}
    words |= {"treatment", "remission", "indicated", "approved", "licensed", "role", "inhibitors", "blockers"}
    words |= {"effects", "events", "reactions", "toxicities", "toxicity", "complications"}  # "the side effects were X and Y"
    words |= {"occur", "occurs", "occurred", "reported", "observed", "seen", "developed"}  # "X occurred more often with Y"
    words |= {"effect", "influence", "impact", "benefit"}  # "X had no effect on Y", "X showed no benefit in D"
    words |= {"frequent", "become", "becomes", "became", "taking", "recommended", "considered", "rate", "common", "rare", "receive", "experience"}
    words |= {"factor", "responsible", "driver", "shift", "shifts", "shifted", "skew", "skews", "deliver", "delivers", "degradation"}
    words |= {"used", "given", "prescribed", "administered", "make", "makes", "made", "making"}  # "X is used in D", "X makes Y bigger"
    words |= {"mainstay", "cornerstone", "backbone", "pillar"}  # "X is the mainstay of treatment for D"
    words |= {form for lemma in ("express", "shed") for form in verb_forms(lemma)}  # "keratinocytes express IL-33": a cell's output
    words |= {
        form for lemma in ("hold", "pair", "associate", "catalyse", "catalyze", "dispose", "cut") for form in verb_forms(lemma)
    }  # "holds X back", "pairs with X"
    words |= {"lack", "lacks", "lacking", "lacked", "deficient", "deficiency", "suffer", "prone", "susceptible", "born"}  # "mice that lack X form no Y"
    words |= {"develop", "deleted", "defective", "frameshift", "null", "without", "absence"}  # "mice in which X is deleted", "Without X, Y die"
    words |= {form for lemma in _FALL_VERBS | _RISE_VERBS for form in verb_forms(lemma)}  # "X fell after Y"
    words |= set("fell fallen rose risen grew sank shrank".split())
    words |= {form for lemma in _CAUSATIVE_HEADS | {"overexpress", "account", "fail", "show"} for form in verb_forms(lemma)}  # "X helps B cells differentiate"
    return frozenset(words)


_STEMS = _cue_words()
_WORD = re.compile(r"[a-z]{2,}")


def may_relate(text: str) -> bool:
    """Whether a sentence has a word that may be a cue (sentences without one are not parsed).

    >>> may_relate("Tacrolimus binds FKBP12."), may_relate("See the full text.")
    (True, False)
    """
    return any(word in _STEMS for word in _WORD.findall(text.lower()))


#: "Sotyktu contains the active substance deucravacitinib": the brand (1) and the drug (2)
ACTIVE_SUBSTANCE = re.compile(
    r"\b([A-Z][A-Za-z0-9-]{2,30})(?: (?:cream|ointment|gel|tablets?|capsules?|injection|solution|eye drops|spray|inhaler|foam|lotion))?"
    r" contains? the active substances? ([A-Za-z][A-Za-z0-9-]{3,40})\b"
)


def antibody_name(label: str) -> bool:
    """Whether a drug is named as an antibody is (the INN stem -mab, with or without a suffix).

    >>> antibody_name("bezlotoxumab"), antibody_name("tebentafusp-tebn"), antibody_name("vancomycin")
    (True, False, False)
    """
    return bool(re.search(r"mab\b", label.lower()))


def described_as(piece: str) -> str | None:
    """The class noun a definition gives its subject ("X (Y) is a 28-amino-acid peptide that ...": "peptide")."""
    match = _DESCRIPTION.search(without_brackets(piece))
    return normalize_word(match.group(1).lower()) if match else None


_DESCRIPTION = re.compile(r"^[^,;:]*? (?:is|was) (?:a|an) (?:[\w-]+ ){0,4}?([a-z]{4,})(?= that| which| of| from| with| made|[,.;]| and)")
