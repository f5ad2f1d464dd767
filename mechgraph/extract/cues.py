"""The words that signal a relation, its sign, hedging, negation and mechanism.

Everything here is a general word list of scientific English, not of any one text. Verbs are
listed by lemma and inflected automatically (``inhibit`` -> ``inhibits``, ``inhibited``,
``inhibiting``); a cue can carry particles (``interact with``, ``act on``, ``lead to``).

Signs of verb cues
------------------
+ : stimulate, enhance, induce, activate, increase, restore, reinforce, promote, augment,
    amplify, boost, potentiate, up-regulate, elevate, raise, strengthen, improve, trigger,
    produce, secrete, cause, lead to, result in, give rise to, mediate, accelerate, switch on,
    prolong, worsen, exacerbate ("releases" is no cue here; the parse reader reads it from a cell)
- : inhibit, suppress, block, decrease, reduce, break, impair, abolish, abrogate, prevent,
    disrupt, interfere with, protect against, treat, counteract, neutralise, antagonise, lower,
    diminish, attenuate, limit, reverse, deplete, weaken, alleviate, down-regulate, kill, repress,
    trap, sequester, arrest, tether, switch off, slow, shorten, eliminate, restrain, dampen
0 : interact with, bind, act on, engage, target, modulate, regulate, alter, modify, affect,
    influence
required_for (+): is required for, is needed for / to, is essential for, is necessary for;
    reversed: require, depend on, result from (the object is the cause)

>>> verb_forms("inhibit")
('inhibit', 'inhibits', 'inhibited', 'inhibiting')
>>> verb_forms("bind")
('bind', 'binds', 'bound', 'binding')
"""

from __future__ import annotations

from dataclasses import dataclass

from ..vocabulary import Measurability, Mechanism, Relation, Route, Sign
from .tokens import normalize_word

__all__ = [
    "CueVerb",
    "NominalCue",
    "cue_verbs",
    "verb_forms",
]

R = Relation


@dataclass(frozen=True)
class CueVerb:
    """A verb cue: the lemma, the words that follow it, the relation, and how to read it."""

    lemma: str
    particles: tuple[str, ...]  # required words after the verb ("with" in "interact with")
    optional: tuple[str, ...]  # words that may follow and are consumed ("to" after "bind")
    relation: Relation
    reverse: bool = False  # the grammatical object is the source ("X depends on Y": Y -> X)
    causal: bool = False  # "leads to reduced X": the object's sign word counts
    copular: bool = False  # "X is required for Y": an adjective after "be", not a passive

    @property
    def sign(self) -> Sign:
        return self.relation.sign


def _cue(spec: str, relation: Relation, **flags: bool) -> CueVerb:
    words = spec.split()
    optional = tuple(w.strip("()") for w in words[1:] if w.startswith("("))
    particles = tuple(w for w in words[1:] if not w.startswith("("))
    return CueVerb(words[0], particles, optional, relation, **flags)


_CUES: tuple[CueVerb, ...] = (
    # + activation
    *(_cue(v, R.ACTIVATES) for v in ("activate", "stimulate", "induce", "trigger", "switch on", "turn on", "set off")),
    # + increase
    *(
        _cue(v, R.INCREASES)
        for v in (
            "increase",
            "enhance",
            "restore",
            "reinforce",
            "promote",
            "augment",
            "amplify",
            "boost",
            "potentiate",
            "upregulate",
            "up regulate",
            "elevate",
            "raise",
            "strengthen",
            "improve",
            "mediate",
            "accelerate",
            "secrete",
            "facilitate",
            "sustain",
            "prolong",
            "worsen",
            "exacerbate",
            "aggravate",
            "elicit",
            "evoke",
            "prime",
        )
    ),
    *(_cue(v, R.INCREASES, causal=True) for v in ("produce", "cause", "lead to", "result in", "give rise to", "bring about")),
    # - inhibition
    *(
        _cue(v, R.INHIBITS)
        for v in (
            "inhibit",
            "suppress",
            "block",
            "abolish",
            "abrogate",
            "prevent",
            "disrupt",
            "interfere with",
            "protect against",
            "counteract",
            "neutralize",
            "neutralise",
            "antagonize",
            "antagonise",
            "break",
            "impair",
            "kill",
            "silence",
            "repress",
            "trap",
            "sequester",
            "arrest",
            "tether",
            "inactivate",
            "switch off",
            "turn off",
            "shut down",
            "break down",
        )
    ),
    # - decrease
    *(
        _cue(v, R.DECREASES)
        for v in (
            "decrease",
            "reduce",
            "lower",
            "diminish",
            "attenuate",
            "limit",
            "reverse",
            "deplete",
            "weaken",
            "alleviate",
            "downregulate",
            "down regulate",
            "treat",
            "lessen",
            "relieve",
            "ameliorate",
            "slow",
            "slow down",
            "shorten",
            "eliminate",
            "damp down",
            "dampen",
            "restrain",
            "curb",
            "halt",
            "hinder",
            "blunt",
            "hamper",
        )
    ),
    # unsigned
    _cue("bind (to)", R.BINDS),
    _cue("engage", R.BINDS),
    _cue("ligate", R.BINDS),
    _cue("interact with", R.ACTS_ON),
    _cue("act on", R.ACTS_ON),
    _cue("act upon", R.ACTS_ON),
    _cue("target", R.ACTS_ON),
    *(_cue(v, R.REGULATES) for v in ("modulate", "regulate", "alter", "modify", "affect", "influence")),
    # required for
    _cue("require", R.REQUIRED_FOR, reverse=True),
    _cue("depend on", R.REQUIRED_FOR, reverse=True),
    _cue("depend upon", R.REQUIRED_FOR, reverse=True),
    _cue("result from", R.INCREASES, reverse=True),
    *(_cue(v, R.REQUIRED_FOR, copular=True) for v in ("required for", "needed for", "needed to", "essential for", "necessary for")),
)

_IRREGULAR = {
    "bind": ("bind", "binds", "bound", "binding"),
    "break": ("break", "breaks", "broken", "breaking", "broke"),
    "lead": ("lead", "leads", "led", "leading"),
    "give": ("give", "gives", "given", "giving", "gave"),
    "bring": ("bring", "brings", "brought", "bringing"),
    "trap": ("trap", "traps", "trapped", "trapping"),
    "shut": ("shut", "shuts", "shut", "shutting"),
    "drive": ("drive", "drives", "driven", "driving", "drove"),
    "draw": ("draw", "draws", "drawn", "drawing", "drew"),
    "hold": ("hold", "holds", "held", "holding"),
    "keep": ("keep", "keeps", "kept", "keeping"),
    "set": ("set", "sets", "set", "setting"),
    "shed": ("shed", "sheds", "shed", "shedding"),
    "cut": ("cut", "cuts", "cut", "cutting"),
    "split": ("split", "splits", "split", "splitting"),
    "spread": ("spread", "spreads", "spread", "spreading"),
    "make": ("make", "makes", "made", "making"),
    "feed": ("feed", "feeds", "fed", "feeding"),
    "overcome": ("overcome", "overcomes", "overcome", "overcoming", "overcame"),
    "withdraw": ("withdraw", "withdraws", "withdrawn", "withdrawing", "withdrew"),
    "regrow": ("regrow", "regrows", "regrown", "regrowing", "regrew"),
    "stop": ("stop", "stops", "stopped", "stopping"),
    "spur": ("spur", "spurs", "spurred", "spurring"),
    "trim": ("trim", "trims", "trimmed", "trimming"),
    "up": ("up",),
    "down": ("down",),
    "required": ("required",),
    "needed": ("needed",),
    "essential": ("essential",),
    "necessary": ("necessary",),
}
_DOUBLE_FINAL = {"target": False, "limit": False, "inhibit": False, "trigger": False}


def verb_forms(lemma: str) -> tuple[str, ...]:
    """The base, -s, past participle and -ing forms of a regular English verb (and a few irregular)."""
    if lemma in _IRREGULAR:
        return _IRREGULAR[lemma]
    if lemma.endswith("e"):
        return (lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing")
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return (lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing")
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        return (lemma, lemma + "es", lemma + "ed", lemma + "ing")
    return (lemma, lemma + "s", lemma + "ed", lemma + "ing")


def cue_verbs(extra: tuple[CueVerb, ...] = ()) -> dict[str, list[tuple[tuple[str, ...], CueVerb, str]]]:
    """First word form -> [(following words, cue, form kind)], longest patterns first.

    The form kind is ``base``, ``s``, ``ed`` or ``ing``.
    """
    index: dict[str, list[tuple[tuple[str, ...], CueVerb, str]]] = {}
    kinds = ("base", "s", "ed", "ing", "ed")
    for cue in (*extra, *_CUES):
        if cue.lemma in ("up", "down") and cue.particles:  # "up-regulates": the second word is the verb
            for form, kind in zip(verb_forms(cue.particles[0]), kinds):
                index.setdefault(cue.lemma, []).append(((form, *cue.particles[1:]), cue, kind))
            continue
        for form, kind in zip(verb_forms(cue.lemma), kinds):
            index.setdefault(form, []).append((cue.particles, cue, kind if not cue.copular else "base"))
    for entries in index.values():
        entries.sort(key=lambda item: -len(item[0]))
    return index


@dataclass(frozen=True)
class NominalCue:
    """A noun that carries a relation: "inhibition of X (by Y)", "interaction of X with Y"."""

    noun: str
    relation: Relation
    agent_first: bool = False  # "interaction of A with B", "binding of A to B": A is the agent


def _nominal(words: str, relation: Relation, **flags: bool) -> dict[str, NominalCue]:
    return {normalize_word(w): NominalCue(w, relation, **flags) for w in words.split()}


#: Nouns that state a relation; keys are normal forms (see :func:`~.tokens.normalize_word`).
NOMINAL_CUES: dict[str, NominalCue] = {
    **_nominal("inhibition suppression blockade blocking impairment abrogation", R.INHIBITS),
    **_nominal("reduction decrease depletion attenuation downregulation loss", R.DECREASES),
    **_nominal("treatment prevention", R.DECREASES),
    **_nominal("activation stimulation induction", R.ACTIVATES),
    **_nominal("enhancement increase upregulation augmentation potentiation restoration", R.INCREASES),
    **_nominal("modulation regulation alteration change modification", R.REGULATES),
    **_nominal("interaction", R.ACTS_ON, agent_first=True),
    **_nominal("binding", R.BINDS, agent_first=True),
}

#: Sign of a noun at the head of an effect ("leads to an increase in X", "inhibition of X leads to").
SIGN_NOUNS: dict[str, int] = {
    **{
        normalize_word(w): 1
        for w in "increase elevation enhancement stimulation activation induction upregulation rise augmentation potentiation restoration".split()
    },
    **{
        normalize_word(w): -1
        for w in "decrease reduction inhibition suppression loss decline impairment blockade blocking downregulation depletion attenuation abrogation deficiency".split()
    },
    **{normalize_word(w): 0 for w in "change alteration modification modulation shift perturbation variation".split()},
}
#: Sign of an adjective before the effect of a causal verb ("leads to reduced transcription").
SIGN_ADJECTIVES: dict[str, int] = {
    **{w: 1 for w in "increased enhanced elevated higher augmented greater heightened stronger more".split()},
    **{w: -1 for w in "reduced decreased impaired lower diminished suppressed inhibited less weakened attenuated defective lowered".split()},
}

AUXILIARIES = frozenset("is are was were be been being am has have had do does did".split())
BE_FORMS = frozenset("is are was were be been being am get gets got gotten".split())
MODALS = frozenset("can could may might must shall should will would".split())
#: Verbs that pass their subject on to the verb after them ("helps (to) activate", "appears to inhibit").
LIGHT_VERBS = frozenset(
    "help helps helped helping able appear appears appeared seem seems seemed serve serves served tend tends "
    "ability try tries work works thought believed known shown likely unlikely expected reported said "
    "proposed suggested useful capable continue continues used".split()
)
HEDGES = frozenset(
    "may might could can possibly probably potentially presumably likely unlikely perhaps suggest suggests "
    "suggested suggesting appear appears appeared seem seems seemed putative putatively hypothesized "
    "hypothesised proposed speculated unclear unknown partly partially speculate speculates hypothesise hypothesize "
    "hypothesises hypothesizes conceivably plausibly".split()
)
HEDGE_PHRASES = (
    ("not", "fully", "understood"),
    ("not", "known"),
    ("not", "well", "known"),
    ("not", "clear"),
    ("is", "thought"),
    ("are", "thought"),
    ("is", "believed"),
    ("are", "believed"),
    ("remains", "to", "be"),
    ("being", "studied"),
    ("being", "investigated"),
    ("under", "investigation"),
    ("some", "evidence"),
    ("in", "part"),
)
NEGATIONS = frozenset("not no never neither nor without cannot unable fails fail failed failing lacks lack lacked".split())
#: what "no" before a verb denies it with ("X no longer leads to Y", "no more"): a negation, and no part of the name before
NO_LONGER = frozenset({"longer", "more"})
BOUNDARIES = frozenset(
    "which who whom whose where that when while whereas although though because since if unless until thereby whereby thus hence therefore but however there here".split()
)
RELATIVES = frozenset("which who whom whose that".split())
REPORTING = frozenset(
    "show shows showed shown suggest suggests suggested indicate indicates indicated demonstrate demonstrates "
    "demonstrated report reports reported find finds found known believed thought reveal reveals revealed "
    "propose proposes proposed note notes noted observe observes observed confirm confirms confirmed evidence "
    "likely possible clear true established recognised recognized accepted argue argues state states stated say says said claim claims claimed".split()
)
PREPOSITIONS = frozenset(
    "in by through via during after before at from for with without within into onto to on upon against "
    "over under among between across toward towards despite per than like as about around along beyond "
    "throughout due according".split()
)
DETERMINERS = frozenset(
    "the a an this these those its their his her our your some many several various other certain both all "
    "each every any such more most further additional another same".split()
)
POSSESSIVES = frozenset("its their his her our".split())
PRONOUNS = frozenset("it they them this these those one ones both others either itself themselves".split())
ADVERBS = frozenset(
    "also then further still only even both either not already thereby again moreover furthermore "
    "additionally well especially mainly primarily largely mostly partly strongly "
    "significantly markedly directly indirectly very usually often generally typically normally "
    "therefore thus hence consequently subsequently elsewhere together instead".split()
)
EXAMPLE_MARKERS = (
    ("such", "as"),
    ("including",),
    ("includes",),
    ("include",),
    ("e", "g"),
    ("for", "example"),
    ("for", "instance"),
    ("in", "particular"),
    ("particularly",),
    ("especially",),
    ("mainly",),
    ("primarily",),
    ("notably",),
    ("namely",),
    ("chiefly",),
    ("predominantly",),
    ("principally",),
    ("above", "all"),
    ("like",),
    ("known", "as"),
    ("called",),
    ("termed",),
    ("i", "e"),
)
#: Adverbial phrases skipped wherever they stand ("and in turn to X", "in addition, X").
ADVERBIAL_PHRASES = (
    ("in", "turn"),
    ("in", "addition"),
    ("in", "contrast"),
    ("in", "fact"),
    ("as", "a", "result"),
    ("in", "particular"),
    ("for", "this", "reason"),
    ("on", "the", "other", "hand"),
    ("in", "part"),
)
LIST_JOINERS = frozenset({"and", "or", "nor", ",", "&"})
QUANTIFIER_PHRASES: tuple[tuple[str, ...], ...] = (
    *(
        tuple(phrase.split())
        for phrase in "many of|some of|most of|all of|each of|one of|none of|several of|both of|any of|much of|part of|majority of|range of|wide range of|variety of|number of|series of|panel of|group of|set of|type of|kind of|form of|subset of|class of|family of|member of|some type of|some kind of|certain type of|high level of".split(
            "|"
        )
    ),
    *((size, amount, "of") for size in ("large", "high", "huge", "massive", "copious", "vast", "small") for amount in ("amount", "quantity")),
)
#: "the <noun> of X" stands for X when X is a known node ("the activity of T cells" -> T cells).
TRANSPARENT_NOUNS = frozenset(
    normalize_word(w)
    for w in (
        "function functions activity activities level levels amount amounts number concentration concentrations "
        "role capacity population subset type kind form forms worsening case cases episode episodes trial trials study studies "
        "engagement ligation crosslinking triggering family class member group action count counts "
        "numbers presence risk risks incidence instance instances report reports output"
    ).split()
)
#: Nouns that name the agent's own property ("their main objective", "its mode of action").
ABSTRACT_NOUNS = frozenset(
    normalize_word(w)
    for w in (
        "objective aim goal purpose role mode mechanism action effect property ability capacity use application "
        "administration activity way means manner intention target"
    ).split()
)
#: Nouns that stand for whatever the text is about when they are a subject ("the drug", "this treatment").
GENERIC_NOUNS = frozenset(
    normalize_word(w)
    for w in (
        "drug agent compound medication medicine substance treatment molecule product interaction stimulus "
        "mechanism effect change alteration modification intervention one therapy preparation formulation "
        "analogue analog derivative arm moiety"
    ).split()
)
#: Nouns for people: a population treated or studied, never a node ("adults with asthma": asthma).
PEOPLE = frozenset(
    normalize_word(w)
    for w in (
        "adult adults patient patients child children adolescent adolescents people person individual individuals infant infants woman women man men "
        "volunteer volunteers participant participants subject subjects recipient recipients vaccinee vaccinees researcher researchers investigator investigators "
        "scientist scientists author authors clinician clinicians doctor doctors physician physicians expert experts mother mothers father fathers "
        "baby babies newborn newborns neonate neonates regulator regulators agency agencies authority authorities company companies manufacturer "
        "manufacturers sponsor sponsors fda ema mhra mouse mice rat rats animal animals"
    ).split()
)
#: Words that never name a node on their own.
NON_ENTITY = PEOPLE | frozenset(
    normalize_word(w)
    for w in (
        "patient patients people person subject study studies trial trials data result results evidence work "
        "case cases way part area time times day days year years mechanism mechanisms something anything "
        "none both others other one ones lot kind type form thing things side host body"
    ).split()
)

#: each route's adjective; its adverb ("orally") names the route too
_ROUTE_ADJECTIVES = {
    "oral": Route.ORAL,
    "intravenous": Route.INTRAVENOUS,
    "subcutaneous": Route.SUBCUTANEOUS,
    "intramuscular": Route.INTRAMUSCULAR,
    "topical": Route.TOPICAL,
    "ophthalmic": Route.OPHTHALMIC,
    "intravesical": Route.INTRAVESICAL,
    "intralesional": Route.INTRALESIONAL,
    "intraarticular": Route.INTRA_ARTICULAR,
}
ROUTE_WORDS: dict[tuple[str, ...], Route] = {
    **{(word,): route for word, route in _ROUTE_ADJECTIVES.items()},
    **{(word + "ly",): route for word, route in _ROUTE_ADJECTIVES.items() if word != "ophthalmic"},
    ("by", "mouth"): Route.ORAL,
    ("intra", "articular"): Route.INTRA_ARTICULAR,
}
ADMINISTRATION_WORDS = frozenset(
    "administer administers administered administering administration give given gives take taken takes "
    "inject injected injection injections infuse infused infusion infusions deliver delivered delivery apply "
    "applied application use used dose doses dosed dosing route routes tablet tablets capsule capsules "
    "solution cream ointment drops formulation".split()
)
MECHANISM_WORDS: dict[str, Mechanism] = {
    "direct": Mechanism.DIRECT,
    "directly": Mechanism.DIRECT,
    "indirect": Mechanism.INDIRECT,
    "indirectly": Mechanism.INDIRECT,
}
#: Latin settings that are never part of a noun phrase.
SETTING_WORDS = frozenset({("in", "vitro"), ("in", "vivo"), ("ex", "vivo"), ("in", "situ"), ("in", "silico")})
SETTINGS: dict[tuple[str, str], Measurability] = {
    ("in", "vitro"): Measurability.IN_VITRO,
    ("in", "vivo"): Measurability.IN_VIVO,
}
MEASURABLE_WORDS = frozenset("measurable measured detectable detected observable observed seen measure".split())
