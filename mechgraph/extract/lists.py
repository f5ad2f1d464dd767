"""Bullet lists under a lead-in, read as sentences.

Labels and leaflets write relations as a lead-in line and a list of bullet lines::

    This medicine is used to treat:
    - moderate to severe plaque psoriasis in adults;
    - active psoriatic arthritis.

    Common side effects (may affect up to 1 in 10 people)
    - headache
    - feeling very tired

Each bullet alone is no sentence (a line without closing punctuation reads as a heading). Here
the lead-in and its bullets become one sentence, quoted whole, with one *reading* per item: the
sentence the list stands for ("This medicine is used to treat active psoriatic arthritis.").
Under a lead-in that ends with a colon, numbered lines are items too ("indicated for:", "1.1
Rheumatoid arthritis"); elsewhere a numbered line is a heading. A lead-in that is a noun phrase
names the class its items belong to ("Common side effects",
"Adverse reactions:"), so its reading says so: "Common side effects include headache.". A
remark in brackets of the lead-in ("(may affect up to 1 in 10 people)") is a frequency, not a
hedge, and is left out of the readings.

>>> text = "It is used to treat:\\n- plaque psoriasis;\\n- psoriatic arthritis.\\nCommon side effects\\n• headache"
>>> [(text[a:b].count("\\n"), readings) for a, b, readings in find_lists(text, [(0, len(text))])]  # doctest: +NORMALIZE_WHITESPACE
[(2, ('It is used to treat plaque psoriasis.', 'It is used to treat psoriatic arthritis.')),
 (1, ('Common side effects include headache.',))]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .parsewords import CUE_FORMS

__all__ = ["BULLET", "LIST_REASON", "find_lists", "inline_reading"]

LIST_REASON = "a list under its lead-in"  # the reason of a sentence made of a lead-in and its bullets

#: A bullet line: a bullet sign, then the item (numbered lines are often headings: not bullets).
BULLET = re.compile(r"[ \t]*[-•*–·▪●◦‣][ \t]+(?=\S)")
#: A numbered line ("1.1 Rheumatoid arthritis", "2. Crohn's disease", "(a) uveitis"): an item only under a
#: lead-in that ends with a colon ("indicated for:"), where it cannot be a heading.
NUMBERED = re.compile(r"[ \t]*(?:\d{1,2}(?:\.\d{1,2})*\.?|\(?[a-z]\)|\(\d{1,2}\))[ \t]+(?=[A-Za-z])")
_LINE = re.compile(r"[^\n]+")
_BRACKETS = re.compile(r"\s*\([^()]*\)")
_ITEM_END = re.compile(r"(?:\s*[;,.]\s*|\s+(?:and|or)\s*)+$", re.IGNORECASE)
#: Last words of a lead-in that take the list as their object or complement ("used to treat:",
#: "such as:", "include:"); any other lead-in is a noun phrase naming the items' class.
_TAKES_LIST = frozenset(
    "include includes included including are is were was be as for to with of by in on from against "
    "treat treats prevent prevents reduce reduces cause causes caused like namely have has had contain contains "
    "affect affects involve involves comprise comprises".split()
)
#: First words of an item that goes on with the lead-in's clause ("to increase", "in patients", "before surgery").
_ITEM_OPENERS = frozenset("to in before after for with when if as by during while until without against on".split())
#: the last sentence of a line, where a long line ends in a lead-in
_LAST_SENTENCE = re.compile(r"[.!?]\s+([A-Z][^.!?]*:)$")
MAX_ITEMS = 60  # a longer run of bullets is a menu or a table, not a list under a lead-in
MAX_LEAD = 200  # characters: a longer lead-in is a paragraph


def find_lists(text: str, lines: Sequence[tuple[int, int]]) -> list[tuple[int, int, tuple[str, ...]]]:
    """The lists under a lead-in in ``text[a:b]`` for each (a, b) of ``lines`` (paragraphs):
    (start of the lead-in, end of the last item, one reading per item)."""
    found: list[tuple[int, int, tuple[str, ...]]] = []
    for block_start, block_end in lines:
        rows = [(m.start(), m.end()) for m in _LINE.finditer(text, block_start, block_end) if text[m.start() : m.end()].strip()]
        k = 0
        while k < len(rows):
            start, end = rows[k]
            items = []
            j = k + 1
            numbered = text[start:end].rstrip().endswith(":") and j < len(rows) and bool(NUMBERED.match(text, rows[j][0]))
            marker = NUMBERED if numbered else BULLET
            while j < len(rows) and marker.match(text, rows[j][0]):
                item_start, item_end = rows[j]
                while j + 1 < len(rows) and _continues(text, rows[j + 1][0]):  # an item over two lines
                    j += 1
                    item_end = rows[j][1]
                items.append((item_start, item_end))
                j += 1
            lead = text[start:end].strip()
            if items and lead.endswith(":") and not _is_lead(lead) and _LAST_SENTENCE.search(lead):
                tail = _LAST_SENTENCE.search(lead)  # "X contains Y. This medicine is used to treat the following diseases:"
                if tail is not None:
                    start, lead = start + text[start:end].index(tail.group(1)), tail.group(1)
            if items and len(items) <= MAX_ITEMS and not BULLET.match(text, start) and _is_lead(lead):
                readings = tuple(r for r in (_reading(lead, " ".join(text[a:b].split())) for a, b in items) if r)
                if readings:
                    last_start, last_end = items[-1]
                    last_end = last_start + len(text[last_start:last_end].rstrip())  # (no white space after the last item)
                    found.append((start + len(text[start:end]) - len(text[start:end].lstrip()), last_end, readings))
            k = j if items else k + 1  # a run of bullets is read once (linear time on a text of bullets)
    return found


def _continues(text: str, line_start: int) -> bool:
    """A line that goes on with the item above it: indented, not a bullet, starting lower-case."""
    end = text.find("\n", line_start)
    line = text[line_start : end if end >= 0 else len(text)]
    stripped = line.lstrip()
    return bool(stripped) and line[:1] in " \t" and not BULLET.match(line) and stripped[0].islower()


def _is_lead(lead: str) -> bool:
    """A lead-in: a short line ending with a colon, or without closing punctuation (a heading)."""
    if not lead or len(lead) > MAX_LEAD or lead.endswith("?"):
        return False
    return lead.endswith(":") or lead[-1] not in ".!;\"'”’…"


#: a lead-in's object that only announces its items ("the following (inflammatory) diseases", "these conditions")
_FOLLOWING = re.compile(r"\s+(?:the following|these|the conditions below)(?:\s+[\w-]+){0,3}$", re.IGNORECASE)


def _reading(lead: str, item: str) -> str:
    """The sentence a lead-in and one of its items stand for."""
    item = _ITEM_END.sub("", (NUMBERED if NUMBERED.match(item) else BULLET).sub("", item, count=1)).strip()
    head = _BRACKETS.sub("", lead).rstrip(" :-–—").strip()
    if not item or not head:
        return ""
    following = _FOLLOWING.search(head)
    if following is not None and following.start() > 0:  # "used to treat the following inflammatory diseases:": the item in its place
        head = head[: following.start()].rstrip()
    if _FREQUENCY_LEAD.search(head):
        return f"Side effects include {item}."  # "Between 5 and 25 in every 100 people may get:", "Up to 1 in 10 patients may have:"
    last = head.split()[-1].lower()
    first = item.split()[0].lower()
    if last in _TAKES_LIST or last in CUE_FORMS or last.endswith("ed") or first in _ITEM_OPENERS:
        return f"{head} {item}."  # "X may be used: - to increase ...", "It is given: - before chemotherapy"
    if _FREQUENCY_ONLY.match(head):  # "Very common (may affect more than 1 in 10 people):" in a leaflet's side effects
        return f"{head} side effects include {item}."
    return f"{head} include {item}."


#: a leaflet's frequency said in people ("Between 5 and 25 in every 100 people may get", "up to 1 in 10 patients")
_FREQUENCY_LEAD = re.compile(r"\b\d[\d,.]*\s+(?:in|out of)\s+(?:every\s+)?[\d,.]+\s+(?:people|patients|persons|users|adults|children)\b", re.IGNORECASE)
#: a leaflet's frequency band without its noun ("Very common", "Uncommon", "Not known")
_FREQUENCY_ONLY = re.compile(r"^(?:very |not )?(?:common|uncommon|rare|known|frequent)$", re.IGNORECASE)


#: "Side effects: headache, nausea." / "Common adverse reactions (>= 5%): X and Y": a list of adverse
#: effects after a colon, on one line.
_INLINE_ADVERSE = re.compile(
    r"^\s*((?:[A-Za-z][\w-]*\s+){0,4}?(?:side[ -]effects?|adverse (?:drug )?(?:reactions?|events?|effects?)|undesirable effects|toxicities)"
    r"(?:\s*\([^()]*\))?)(?:\s+(?:are|were|include|included)(?:\s+[a-z]+){0,2})?\s*:\s*(\S.*)$",
    re.IGNORECASE | re.DOTALL,
)


#: "Very common: headache, rash." / "Rare (may affect up to 1 in 1,000 people): X": a leaflet's frequency
#: band and its side effects on one line
_INLINE_FREQUENCY = re.compile(r"^\s*((?:very |not )?(?:common|uncommon|rare|frequent)(?:\s*\([^()]*\))?)\s*:\s*(\S.*)$", re.IGNORECASE | re.DOTALL)


def inline_reading(sentence: str) -> str:
    """The sentence an inline list of adverse effects stands for, or "".

    >>> inline_reading("Common adverse reactions (>= 5%): headache, nausea and diarrhoea.")
    'Common adverse reactions include headache, nausea and diarrhoea.'
    >>> inline_reading("Its adverse effects are mostly local: redness and swelling.")
    'Its adverse effects include redness and swelling.'
    >>> inline_reading("Mechanism of action: X inhibits Y.")
    ''
    >>> inline_reading("Very common (may affect more than 1 in 10 people): headache, rash.")
    'Very common side effects include headache and rash.'
    """
    match = _INLINE_ADVERSE.match(sentence) or _INLINE_FREQUENCY.match(sentence)
    if match is None:
        return ""
    head = _BRACKETS.sub("", match.group(1)).strip()
    head = f"{head} side effects" if _FREQUENCY_ONLY.match(head) else head
    rest = match.group(2).strip()
    if not re.search(r"\b(and|or)\b", rest) and rest.count(",") >= 1:
        rest = " and ".join(rest.rsplit(", ", 1))  # "headache, nausea, diarrhoea": a list without its "and"
    return f"{head} include {rest}" if rest[-1:] in ".;!" else f"{head} include {rest}."
