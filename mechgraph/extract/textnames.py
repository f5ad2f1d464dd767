"""Drug names a text defines: read over the whole text before its sentences, they join the lexicon of
that text, so both readers know a new drug in every sentence, not only where its name looks like a
drug's (an INN stem) or where the parse makes it a subject.

A text defines a drug by a brand name ("Nucala contains the active substance mepolizumab"), by a brand
and maker in brackets after it ("approved zorbelimab (Zorvia, Acme)"), by an approval ("has approved
zorbelimab"), by an apposition or a definition with a drug class ("zorbelimab, an oral inhibitor of
factor D", "Zorbelimab is a monoclonal antibody that ...").
"""

from __future__ import annotations

import re

from ..vocabulary import NodeKind
from .lexicon import Lexicon, LexiconEntry, slug
from .parsewords import ACTIVE_SUBSTANCE, looks_like_drug
from .tokens import key_of

__all__ = ["text_drug_names"]

#: a word that can be a drug's name: a single word of at least six letters, perhaps with a hyphened part
_NAME = r"([A-Za-z][a-z]{5,}(?:-[A-Za-z0-9]{1,3})?)"
#: or, in a definition, a code name in capitals ("T-VEC is an oncolytic virus", "MPL, a TLR4 agonist")
_NAME_OR_CODE = r"([A-Za-z][a-z]{5,}(?:-[A-Za-z0-9]{1,3})?|[A-Z][A-Z0-9]{0,3}-?[A-Z0-9]{2,6})"
#: the classes and forms a drug is described as
_DRUG_HEADS = (
    r"(?:inhibitors?|antagonists?|agonists?|antibody|antibodies|blockers?|modulators?|activators?|analogues?|analogs?"
    r"|prodrug|drug|medicine|medication|immunosuppressant|immunomodulator|biologic|vaccine|capsules?|tablets?|injection"
    r"|infusion|cream|ointment|gel|drops?|sprays?|inhaler|patch|lotion|foam|suppository|lozenges?|implant|immunotherapy|fusion protein|bispecific|nanobody|degrader|small molecule|oncolytic virus|cell therapy)"
)
#: up to five words before the class, none of them "of" ("a part of the drug" describes no drug)
_DESCRIBERS = r"(?:(?!of\b|to\b|for\b|with\b|by\b)[\w-]+,? ){0,5}?"
_AFTER_CLASS = (
    r"(?=[,.;:)]| that\b| which\b| of\b| for\b| against\b| targeting\b| used\b| approved\b| given\b| taken\b| and\b| to\b| in\b| from\b| with\b| made\b)"
)
_DEFINITIONS = (
    re.compile(
        rf"(?<![\w-]){_NAME} \((?!Figure|Table|Fig|Box|See|Supplementary)([A-Z][a-z]{{3,}}\w*)(?:®|™)?(?:[,;] [A-Z][^()]{{1,40}})?\)"
    ),  # brand (and maker)
    re.compile(rf"\b(?:approv|licens|authori[sz])(?:es|ed|al of|ation of) {_NAME}\b(?!-)"),
    re.compile(rf"(?<![\w-]){_NAME_OR_CODE}(?: \([^()]{{1,40}}\))?, (?:an?|the) {_DESCRIBERS}{_DRUG_HEADS}{_AFTER_CLASS}"),
    re.compile(rf"(?:^|(?<=[.!?] )|(?<=\n)){_NAME_OR_CODE}(?: \([^()]{{1,40}}\))? (?:is|was) (?:an?|the) {_DESCRIBERS}{_DRUG_HEADS}{_AFTER_CLASS}", re.M),
    re.compile(rf"^{_NAME} \d+(?:[.,]\d+)?\s?(?:mg|g|µg|mcg|micrograms?|%|IU|units?)(?:/(?:g|mL|ml|dose|actuation))?\b", re.M),  # "Tapinarof 10 mg/g cream"
    re.compile(
        rf"(?<![\w-]){_NAME}(?: \([^()]{{1,40}}\))? (?:has been|have been|is|was|are|were) (?:\w+ )?"
        rf"(?:proposed|used|developed|tested|studied|investigated|repurposed|given|marketed) as (?:an?|the) {_DESCRIBERS}{_DRUG_HEADS}{_AFTER_CLASS}"
    ),  # "Low-dose naltrexone has been proposed as an immunomodulator"
)
#: a combination of two named drugs given as one therapy ("a fixed-dose combination of nivolumab and relatlimab")
_COMBINATION = re.compile(r"\b((?:fixed-dose |two-drug |triple |double )?combination of ([A-Za-z][\w-]{3,}) (?:and|with|plus) ([A-Za-z][\w-]{3,}))\b")
#: a leaflet's first heading ("1. What Velopatide nasal spray is and what it is used for")
_LEAFLET_HEADING = re.compile(rf"\bWhat {_NAME}(?: [a-z]+){{0,2}} is and what it is used for\b")
#: a US label's first line naming the drug alone ("PEGLOTICASE injection, for intravenous use"; a brand before a bracket is :data:`_BRAND_FIRST`'s)
_LABEL_HEADER = re.compile(
    r"^([A-Za-z][A-Za-z]{5,}(?:-[a-z]{4})?) (?:injection|tablets?|capsules?|cream|ointment|gel|solution|suspension|"
    r"for injection|for injectable suspension|for oral suspension|powder)[^\n]{0,40}?,? for (?:intravenous|subcutaneous|oral|topical|intramuscular|"
    r"ophthalmic|inhalation|intravitreal|nasal|intravesical) use\b",
    re.M | re.I,
)
#: a brand name, then the drug's name in brackets ("VELMARIX (dorvokitug) injection", "Xolair® (omalizumab)")
_BRAND_FIRST = re.compile(r"\b([A-Z][A-Za-z]{3,}|[A-Z]{4,})(?:®|™)? ?\(([a-z][a-z]{5,}(?:-[a-z]{1,4})?)\)")
#: a biologic's name with the four-letter suffix US labels add ("mogamulizumab-kpkc")
_SUFFIXED = re.compile(r"(?<![\w-])([A-Za-z][a-z]{5,})-([a-z]{4})(?![\w-])")
#: endings of English words that are no drug's name ("treatment", "therapy", "combination")
_ENGLISH_ENDING = re.compile(
    r"(tion|sion|ment|ness|ity|ities|ing|ed|ly|ous|ence|ance|ism|ist|ists|ies|ers?|ful|less|able|ible|ive|ary|ery|ory|ics|itis|osis|iasis|or|(?<![iu])s)$"
)
_NOT_NAMES = frozenset(
    "therapy treatment medicine medicines product generic biosimilar version formulation agency authority company "
    "patients people adults children doctors regulator regulators committee administration government molecule "
    "protein enzyme kinase receptor cytokine complement antigen antibody system pathway".split()
)
_DETERMINERS = frozenset("the a an this that these those its their his her our your which whose each every".split())


def text_drug_names(text: str, lexicon: Lexicon) -> list[tuple[str, LexiconEntry]]:
    """The names a text gives to drugs the lexicon does not know, and the brand names of drugs it
    names, each with the entry it stands for.

    >>> from mechgraph.extract.lexicon import default_lexicon
    >>> def names(t): return [(name, entry.node_id) for name, entry in text_drug_names(t, default_lexicon())]
    >>> names("Xelmab contains the active substance tralokinumab.")
    [('tralokinumab', 'tralokinumab'), ('Xelmab', 'tralokinumab')]
    >>> names("The FDA has approved zorbelimab (Zorvia, Acme) for lupus nephritis.")
    [('zorbelimab', 'zorbelimab')]
    >>> names("VELMARIX (dorvokitug) injection, for subcutaneous use")
    [('dorvokitug', 'dorvokitug'), ('VELMARIX', 'dorvokitug')]
    >>> names("The FDA approved mogamulizumab-kpkc for Sezary syndrome.")
    [('mogamulizumab', 'mogamulizumab'), ('mogamulizumab-kpkc', 'mogamulizumab')]
    >>> names("Vorcatan, an oral inhibitor of factor D, lowers C3. The treatment, a tablet, is new.")
    [('Vorcatan', 'vorcatan')]
    >>> names("T-VEC is an oncolytic virus. In mice, ABX-464, a TLR4 agonist, raised IL-22.")
    [('ABX-464', 'abx_464'), ('T-VEC', 't_vec')]
    >>> names("Red cells lack proteins that shield them from complement, a part of the innate immune system.")
    []
    >>> names("Zarinarof 10 mg/g cream")
    [('Zarinarof', 'zarinarof')]
    >>> names("1. What Velopatide nasal spray is and what it is used for")
    [('Velopatide', 'velopatide')]
    >>> names("The FDA approved a fixed-dose combination of nivolumab and relatlimab for melanoma.")[-2:]
    [('fixed-dose combination of nivolumab and relatlimab', 'fixed_dose_combination_of_nivolumab_and_relatlimab'), ('combination', 'fixed_dose_combination_of_nivolumab_and_relatlimab')]
    """
    found: list[tuple[str, LexiconEntry]] = []
    seen: set[tuple[str, ...]] = set()
    for match in ACTIVE_SUBSTANCE.finditer(text):
        brand, substance = match.group(1), match.group(2)
        entry = _drug(substance, substance, lexicon, found, seen)
        if key_of(brand) != key_of(substance) and lexicon.lookup(brand) is None and entry.kind is NodeKind.AGENT:
            found.append((brand, entry))  # (not "Tapinarof cream contains the active substance tapinarof")
    for match in _BRAND_FIRST.finditer(text):  # "VELMARIX (dorvokitug) injection": the brand is the drug
        brand, substance = match.group(1), match.group(2)
        if lexicon.lookup(brand) is not None or not _may_name_a_drug(text, match.start(2), substance):
            continue
        if text[max(0, match.start() - 20) : match.start()].lower().split()[-1:] in (["recombinant"], ["soluble"], ["pegylated"], ["synthetic"]):
            continue  # "recombinant TRAIL (dulanermin)": a drug made of the protein, not the protein's brand
        entry = _drug(substance, substance, lexicon, found, seen)
        if entry.kind is NodeKind.AGENT:
            found.append((brand, entry))
    for match in _SUFFIXED.finditer(text):  # "mogamulizumab-kpkc": the four-letter suffix of a biologic's US name
        name, base = match.group(0), match.group(1)
        if looks_like_drug(base) and lexicon.lookup(name) is None:
            found.append((name, _drug(base, base.lower(), lexicon, found, seen)))
    combinations = {m.group(0).lower(): m for m in _COMBINATION.finditer(text)}
    if len(combinations) == 1:  # "a fixed-dose combination of nivolumab and relatlimab": one therapy, and "the combination" is it
        match = next(iter(combinations.values()))
        if all(lexicon.lookup(n) is not None or looks_like_drug(n) for n in (match.group(2), match.group(3))):
            label = match.group(1)
            entry = LexiconEntry(slug(label), NodeKind.THERAPY, label, "text")
            found += [(label, entry), ("combination", entry)]
    for pattern in (*_DEFINITIONS, _LEAFLET_HEADING, _LABEL_HEADER):
        for match in pattern.finditer(text):
            name = match.group(1)
            key = key_of(name)
            heading = pattern in (_LEAFLET_HEADING, _LABEL_HEADER)  # (a capital there is the heading's, not a sentence's)
            if key in seen or not (heading or _may_name_a_drug(text, match.start(1), name)) or lexicon.lookup(name) is not None:
                continue
            if heading and _english(name):
                continue
            seen.add(key)
            label = name.lower() if name[1:].islower() or (heading and name.isupper()) else name  # ("PEGLOTICASE injection": pegloticase)
            found.append((name, LexiconEntry(slug(name), NodeKind.AGENT, label, "text")))
    return found


def _drug(name: str, label: str, lexicon: Lexicon, found: list[tuple[str, LexiconEntry]], seen: set[tuple[str, ...]]) -> LexiconEntry:
    """The entry ``name`` stands for: the lexicon's, one this pass found already, or a new agent
    (entered in ``found`` under ``name``)."""
    key = key_of(name)
    entry = lexicon.lookup(name) or next((e for n, e in found if key_of(n) == key), None)
    if entry is None:
        entry = LexiconEntry(slug(name), NodeKind.AGENT, label, "text")
        found.append((name, entry))
        seen.add(key)
    return entry


def _english(name: str) -> bool:
    """An English word by its meaning or its ending ("treatment", "therapy"), no drug's name."""
    low = name.lower()
    return low in _NOT_NAMES or bool(_ENGLISH_ENDING.search(low.split("-")[0]))


def _may_name_a_drug(text: str, start: int, name: str) -> bool:
    """A word that can be a drug's name where it stands: no English word by its ending or meaning, no
    determiner before it ("the treatment, a tablet"), and written in lower case unless it opens a
    sentence or a line."""
    if _english(name):
        return False
    before = text[max(0, start - 30) : start].rstrip()
    last_word = before.split()[-1].lower() if before.split() else ""
    if last_word.strip("(\"'") in _DETERMINERS:
        return False
    opens = not before or before[-1] in ".!?:\n" or text[max(0, start - 1) : start] == "\n"
    code = name.upper() == name and any(ch.isalpha() for ch in name)  # "T-VEC", "MPL": a code name in capitals
    return name[0].islower() or opens or code
