"""The text the parser reads for a sentence: the sentence without what the small English pipeline
misparses (a range of degrees before a disease, asides between commas, names in brackets with a
semicolon, a bracketed short form inside a noun phrase). Offsets are not kept: relations quote
the sentence itself, never the text parsed.
"""

from __future__ import annotations

import re

from . import cues as C
from .parsewords import CUE_FORMS
from .tokens import abbreviation_fits

__all__ = ["ASIDE", "DEGREE_RANGE", "INNER_SHORT_FORM", "parse_text"]


def parse_text(text: str) -> str:
    """The text the parser reads for ``text`` (see the module's docstring).

    >>> parse_text("Inflammation drives the build-up of plaque.")
    'Inflammation drives the buildup of plaque.'
    >>> parse_text("It lowered serum IgE.")  # a final capital keeps its full stop apart ("IgE." is no word)
    'It lowered serum IgE .'
    >>> parse_text("The FDA approved remestemcel-L (Ryoncil; Mesoblast) for children.")
    'The FDA approved remestemcel-L for children.'
    >>> parse_text("X is indicated for relapsed Stage I to III cutaneous T-cell lymphoma.")
    'X is indicated for relapsed cutaneous T-cell lymphoma.'
    >>> parse_text("C. difficile makes toxins.")
    'C-difficile makes toxins.'
    >>> parse_text("The reactions reported most often (in at least 5% of patients) were headache and rash (12%).")
    'The reactions reported most often were headache and rash.'
    """
    if text.endswith(".") and _CAPS_END.search(text):
        text = text[:-1].rstrip() + " ."
    if '"' in text or "“" in text:  # 'medicines called "TNF blockers"': a short quoted name, read without its quotes
        text = _QUOTED_NAME.sub(lambda m: m.group(1), text)
    if "one of " in text:  # "blocks one of these enzymes, JAK1, and ...": the name is the object
        text = _ONE_OF.sub("", text)
    if "(" in text:  # "reported most often (in at least 5% of patients) were X": a qualifier in brackets, no name
        text = _QUALIFIER.sub("", text)
        text = _BRAND_ASIDE.sub("", text)  # "approved remestemcel-L (Ryoncil; Mesoblast) for D": the brand and the company
    if "tage " in text:  # "relapsed Stage I to III cutaneous T-cell lymphoma": the disease at any stage, one node
        text = _STAGES.sub("", text)
    if ". " in text:  # "C. difficile produces X": a species with its genus cut to a letter, which the pipeline takes for a sentence
        text = _GENUS.sub(r"\1-", text)
    if "-up" in text:  # "the build-up of plaque": one noun, which the parser would read as "up"
        text = _BUILD_UP.sub(lambda m: m.group(1) + "up", text)
    return _without_degree(text)


_QUALIFIER = re.compile(
    r"\s*\((?:(?:in|at|for|during|after|from|over|see|vs\.?|versus|compared)\b[^()]*|[^()]*[%=][^()]*|[<>≤≥±]\s*[^()]*|\d[^()A-Za-z]*)\)(?=[\s,.;:])"
)
_BRAND_ASIDE = re.compile(r"\s*\((?:[A-Z][\w-]*(?: [A-Z][\w-]*)?)(?:[;,] (?:[A-Z][\w-]*(?: [A-Z][\w-]*)?))+\)(?=[\s,.;:])")
_STAGES = re.compile(r"\b[Ss]tages? (?:I{1,3}V?|IV)[A-C]?(?: ?(?:to|-|–|or) ?(?:I{1,3}V?|IV)[A-C]?)? (?=[a-z])")  # (Roman: "stage 3 X" is read by name)
_GENUS = re.compile(r"\b([A-Z])\. (?=[a-z]{4,}\b)")
_ONE_OF = re.compile(r"\bone of (?:these|those|its|their) [a-z]+s, (?=[A-Z])")
_QUOTED_NAME = re.compile(r"[\"“]([\w][\w' -]{0,38}[\w])[\"”]")
_CAPS_END = re.compile(r"(?:^|\s)[A-Za-z0-9-]*[A-Z]\.$")
_BUILD_UP = re.compile(r"\b(build|pile|mop|clean|break)-up\b", re.IGNORECASE)


#: A range of degrees before a disease ("moderate to severe", "moderately to severely active"): the
#: small pipeline parses its "to" as a preposition and loses the disease, and a disease at any
#: degree is one node, so the parser reads the sentence without it (the quote keeps it).
#: a range of degrees ("moderate to severe", "mild-to-moderate", "moderately to severely active"); also read by
#: the name builder (:mod:`.readerstate`), which drops it from a disease's name
DEGREE_RANGE = r"(?:mild|moderate|severe)(?:ly)?\s*-?\s*(?:to|or)\s*-?\s*(?:mild|moderate|severe)(?:ly)?\s+(?:active\s+)?"
_DEGREE = re.compile(rf"(?:,\s*)?\b{DEGREE_RANGE}(?=[A-Za-z])", re.IGNORECASE)  # (with the comma of "refractory, moderate-to-severe X")


def _without_degree(text: str) -> str:
    """
    >>> _without_degree("used to treat moderately to severely active Crohn's disease")
    "used to treat Crohn's disease"
    >>> _without_degree("used to treat MS and, in Europe, psoriasis. MMF is, in addition, an agonist of HCA2.")
    'used to treat MS and psoriasis. MMF is an agonist of HCA2.'
    >>> _without_degree("Without CD28, however, Ras is poorly activated. X, however, inhibits Y.")
    'Without CD28, Ras is poorly activated. X inhibits Y.'
    >>> _without_degree("X and, to a lesser degree, Y inhibit Z.")
    'X and Y inhibit Z.'
    >>> _without_degree("indicated for refractory, moderate-to-severe atopic dermatitis")
    'indicated for refractory atopic dermatitis'
    """
    if ", " in text:  # asides the small pipeline hangs a list or a subject on
        text = ASIDE.sub(lambda m: f"{m.group(1)} ", _ADVERB_ASIDE.sub(_aside_out, text))
    text = _DEGREE.sub(lambda m: " " if m.group().startswith(",") else "", text) if "to" in text or "or" in text else text
    if ";" in text and "(" in text:  # "X (SSZ; British spelling Y) is ...": names in brackets, no part of the clause
        text = _SYNONYM_BRACKET.sub("", text)
    if ", " in text and "(" in text:  # "approved X (Brand, Company) for Y": a brand and its maker, no part of the clause
        text = _BRAND_BRACKET.sub("", text)
    if ", a" in text:  # "approved X, a capsule taken twice a day, for Y": the form it comes in, no part of the clause
        text = _FORM_APPOSITION.sub(" ", text)
    return _without_inner_short_forms(text) if "(" in text else text


_SYNONYM_BRACKET = re.compile(r" \([^()]*;[^()]*\)")
_FORM_APPOSITION = re.compile(
    r", an? (?:[\w-]+ ){0,3}(?:capsule|tablet|pill|injection|infusion|cream|ointment|gel|spray|inhaler|solution|patch|foam)s?\b[^,;()]{0,50}, (?=for |to |in )"
)
_BRAND_BRACKET = re.compile(r" \([A-Z][\w-]*(?:, [A-Z][\w&.-]*(?: [A-Z][\w&.-]*){0,3})+\)")
#: "... and, in Europe, plaque psoriasis": a short place or group between a conjunction and its conjunct.
ASIDE = re.compile(
    r"\b(and|or|but), (?:(?:in|at|among|across) (?:the )?[A-Z][\w-]*(?: [\w-]+){0,2}"
    r"|(?:after|during|with|in|over) (?:prolonged|long-term|high-dose|rare|some|many|a few|several|repeated)(?: [\w-]+){1,2}"
    r"|to an? (?:lesser|greater|smaller|larger|similar|certain|limited) (?:degree|extent)|(?:more|less) (?:weakly|strongly|potently)), "
)
#: "X is, in addition, an agonist of Y", "X, however, inhibits Y": an adverbial between commas.
_ADVERB_ASIDE = re.compile(
    r",\s(?:in addition|however|therefore|thus|moreover|furthermore|in turn|in contrast|by contrast|in fact|in particular|"
    r"notably|importantly|consequently|for example|for instance|as a result|in part|at least in part),(?=\s)",
    re.IGNORECASE,
)


#: words that open a fronted phrase or clause, which keeps its comma when an aside after it goes
_FRONTING = frozenset("without in after during unlike with by for on at under despite although when because if while once before".split())


def _aside_out(match: re.Match[str]) -> str:
    """An adverbial aside taken out: with its commas ("X, however, inhibits Y"), or leaving one after a
    fronted phrase ("Without CD28, however, Ras is ...": "Without CD28, Ras is ...")."""
    opening = re.split(r"[.;:]\s", match.string[: match.start()])[-1]
    fronted = "," not in opening and opening.split(" ", 1)[0].lower() in _FRONTING
    return "," if fronted else ""


#: A short form in brackets inside a noun phrase ("a Janus kinase (JAK) inhibitor indicated for"):
#: the small pipeline breaks the phrase at the bracket. Followed by a lower-case word that goes on
#: with the name, it is read without the bracket; the reader registers it from the sentence
#: (:meth:`.parsenames._ParseNames.inner_short_forms`).
INNER_SHORT_FORM = re.compile(
    r" \(([A-Za-z][A-Za-z0-9α-ωΑ-Ω/+-]{0,9})\)(?= (?!and\b|or\b|is\b|are\b|was\b|were\b|has\b|have\b|may\b|can\b|which\b|that\b)[a-z][a-z-]*\b)"
)


def _without_inner_short_forms(text: str) -> str:
    """
    >>> _without_inner_short_forms("X is a Janus kinase (JAK) inhibitor, and IL-6 (IL6) is a cytokine.")
    'X is a Janus kinase inhibitor, and IL-6 (IL6) is a cytokine.'
    >>> _without_inner_short_forms("an interleukin-6 (IL-6) receptor antagonist, a drug (Xq) for Y")
    'an IL-6 receptor antagonist, a drug (Xq) for Y'
    >>> _without_inner_short_forms("It binds the fusion (F) protein of the virus.")
    'It binds the fusion protein of the virus.'
    """
    out: list[str] = []
    last = 0
    for match in INNER_SHORT_FORM.finditer(text):
        following = text[match.end() :].split(maxsplit=1)
        word = following[0].lower() if following else ""
        short = match.group(1)
        if not any(ch.isupper() for ch in short) or word in C.PREPOSITIONS or word in _NOT_NOUNS or short.endswith("s") or word in _VERB_FORMS:
            continue  # "(KIRs) recognise": a subject before its verb, not a bracket inside a name
        start = _long_form_start(text, last, match.start(), short)
        out.append(text[last:start])
        one_word = start < match.start() and " " not in text[start : match.start()].strip() and len(short) > 1
        # ("the fusion (F) protein": a one-letter short form names nothing alone, the long form stays)
        out.append(short if one_word else "")  # "interleukin-6 (IL-6) receptor" -> "IL-6 receptor"; "Janus kinase (JAK) inhibitor" -> "Janus kinase inhibitor"
        if not one_word:
            out[-2] = text[last : match.start()]
        last = match.end()
    out.append(text[last:])
    return "".join(out)


def _long_form_start(text: str, floor: int, end: int, short: str) -> int:
    """Where the long form of ``short`` ending at ``end`` starts (the shortest run of words that
    fits, Schwartz & Hearst), or ``end`` when none fits."""
    letters = [ch.lower() for ch in short if ch.isalnum()]
    starts = [m.start() for m in re.finditer(r"\S+", text[floor:end])][-min(len(short) + 5, 2 * len(short)) :]
    for start in reversed(starts):
        long_text = text[floor + start : end]
        if long_text[:1].lower() == letters[0] and abbreviation_fits(letters, long_text.lower()):
            return floor + start
    return end


_VERB_FORMS = frozenset(CUE_FORMS)
_NOT_NOUNS = frozenset("to by with as than then who whom whose where when while because since if not also".split())
