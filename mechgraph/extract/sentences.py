"""Sentences of a text, with their character offsets and their role.

The text is cut into blocks at blank lines, each block into sentences by pysbd (a rule-based
sentence boundary detector that knows abbreviations such as "e.g.", "i.e.", "vs.", "Dr.", "Fig.",
decimals and initials), and a sentence is cut again at a line break that ends a line without
sentence punctuation (a heading or a menu glued to the next line). A "sentence" longer than
``MAX_SENTENCE`` characters (a line without punctuation) is read in pieces of at most
``LONG_PIECE`` characters cut at white space, never dropped. Each sentence gets a role:

===========  ===================================================================================
body         a sentence relations are drafted from
heading      a short line on its own without closing punctuation ("Aftercare after surgery")
question     a sentence ending with "?" (headings that are questions, rhetorical questions)
boilerplate  adverts, calls to action and navigation ("Read now", "Subscribe", "Home | News",
             lines with a pointing emoji, cookie and copyright notices), remarks quoted in
             news ('"...," said a physician'); a whole advert
             paragraph: the one after an "Advertisement" / "Sponsored" line, and any
             paragraph with a shopping call ("Shop now and save 20%!", "use code")
repeat       the same words as an earlier sentence, or a fragment of one (a repeated line)
===========  ===================================================================================

A lead-in line and the bullet lines under it ("This medicine is used to treat:", "- psoriasis")
are one body sentence with one reading per item (:mod:`.lists`): the readers read the readings,
the evidence quotes the list.

>>> [(s.role, s.text) for s in split_sentences("What is it?\\n\\nIt binds e.g. IL-2 vs. IL-4. Read now 👉 More")]
[('question', 'What is it?'), ('body', 'It binds e.g. IL-2 vs. IL-4.'), ('boilerplate', 'Read now 👉 More')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .lists import LIST_REASON, find_lists, inline_reading

__all__ = ["MAX_SENTENCE", "Role", "Sentence", "split_sentences"]

Role = Literal["body", "heading", "question", "boilerplate", "repeat"]
MAX_SENTENCE = 5_000  # longer "sentences" are tables or run-on scrapes: not quoted

_BLOCK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_CALL_TO_ACTION = re.compile(
    r"^\W*(read (now|more|next|also|the full)|click|tap here|subscribe|sign (up|in)|log ?in|register (now|here)|"
    r"share (this|on)|follow us|advertisement|advert\b|sponsored|related (articles|posts|content)|see also|"
    r"you may also like|recommended|cookie|accept (all )?cookies|we use cookies|this (web)?site uses cookies|privacy policy|terms (of|and) (use|service|conditions)|"
    r"all rights reserved|copyright|©|skip to|back to top|print (this|page)|email this|download (the|our) app|"
    r"watch (now|the video)|listen now|buy now|shop now|learn more|continue reading|next article|previous article|"
    r"home\s*[>|/»›]|menu\b)",
    re.IGNORECASE,
)
#: The fixed sentences of a patient leaflet's template: instructions to the reader, no mechanism
#: ("Like all medicines, this medicine can cause side effects, although not everybody gets them").
_LEAFLET_TEMPLATE = re.compile(
    r"^\W*(like all (medicines|vaccines)|keep (this|the) (medicine|leaflet)|read all of this leaflet|you may need to read it again|"
    r"(ask|tell|talk to) your (doctor|pharmacist|nurse)|if you (get|have|notice) any (side effects|further questions))",
    re.IGNORECASE,
)
#: A label's instruction to the prescriber, in the imperative: what to do, no mechanism ("Initiate
#: treatment with the step-up dosing schedule to reduce the risk of X", "Withhold the drug until ...").
_INSTRUCTION = re.compile(
    r"^\W*(?:permanently )?(initiate|withhold|discontinue|premedicate|resume|interrupt|monitor|administer|instruct|advise|counsel)\s+[a-z]",
    re.IGNORECASE,
)
#: A line that announces an advert: the paragraph after it is the advert.
_ADVERT_MARKER = re.compile(
    r"^\W*(advertisement|advertising|advert|sponsored( content| by\b.*)?|promoted( content)?|paid (content|partnership)|ad)\W*$", re.IGNORECASE
)
#: A line that heads a list of links: the rest of its paragraph is the list.
_LINKS_MARKER = re.compile(
    r"^\W*(related (articles|posts|content|stories|reading)|more (stories|on this( topic)?|from \w+)|read (more|next)|"
    r"you (may|might) also like|recommended( for you| reading)?|see also|most (read|popular)|trending( now)?)\W*$",
    re.IGNORECASE,
)
#: A shopping call: the paragraph holding it sells something (its claims are no mechanism).
_SHOPPING = re.compile(
    r"\b(shop|buy|order|subscribe|try it|get yours?) (now|today|here)\b|\bsave \d+ ?%|\b\d+ ?% off\b|\buse (the )?code\b|"
    r"\bfree (shipping|delivery|trial)\b|\badd to (cart|basket)\b",
    re.IGNORECASE,
)
#: '"...," said a physician': a remark quoted in a news item
_QUOTED_REMARK = re.compile(r"[,.!?]\s*[\"”]\s+(said|says|added|adds|explained|explains|told|noted|notes|commented)\b", re.IGNORECASE)
_BUTTONS = re.compile(r"^\W*(\[[^\]\n]{1,40}\]\W*)+$")  # "[Accept all] [Manage preferences]"
_POINTERS = re.compile("[\U0001f446-\U0001f449\u27a1\u2192\u25b6\u25ba\u21d2\u00bb\u261b\u261e]")
_NAV_SEPARATORS = re.compile(r"\s[|>›»]\s")
_CLOSING = ".!?:;\"'”’)]…"
#: the label of a section of a structured abstract or report, run into its first sentence
#: ("Background: X ...", "Main findings: X ..."): no part of the sentence
_SECTION_LABEL = re.compile(
    r"(?:(?:main|key|principal|primary|secondary)\s+)?(?:background|introduction|context|objectives?|aims?|purpose|"
    r"methods?|design|setting|results?|findings|conclusions?|interpretation|discussion|summary|significance|importance|"
    r"limitations? of use|mechanism of action|pharmacokinetics|pharmacodynamics|indications?(?: and usage)?|warnings?|precautions)"
    r"\s*:\s+(?=[A-Z0-9])",
    re.IGNORECASE,
)

#: a label's numbered section title run into its first sentence ("5.1 Nephrotoxicity: Standard doses
#: of X ...") or a recommendation's number ("7.3.1 Patients with ..."): no part of the sentence
_NUMBERED_LABEL = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}\.?\s+(?:[A-Z][\w ,'&/()-]{0,60}?:\s+)?(?=[A-Z])")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: ``text == source[start:end]`` (stripped), its role and a 0-based index."""

    index: int
    start: int
    end: int
    text: str
    role: Role
    reason: str = ""
    readings: tuple[str, ...] = ()  # what a list stands for, one sentence per item (read instead of the text)

    @property
    def is_body(self) -> bool:
        return self.role == "body"


def _pysbd_sentences(piece: str) -> list[str]:
    """pysbd's sentences of a piece, without the character spans its ``segment`` also computes
    (a regular expression compiled for every sentence); they are found in the block here anyway."""
    segmenter = _segmenter()
    return [str(sentence) for sentence in segmenter.processor(piece).process()]


@lru_cache(maxsize=1)
def _segmenter():  # type: ignore[no-untyped-def]
    import pysbd

    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences with offsets into ``text`` and a role for each.

    ``text[s.start:s.end] == s.text`` for every sentence, and ``s.text`` has no white space at
    either end.

    Parameters
    ----------
    text
        The raw text, as read from the file (offsets refer to it).

    Examples
    --------
    >>> sentences = split_sentences("Aftercare\\n\\nIL-2 acts on T cells, i.e. lymphocytes. IL-2 acts on T cells, i.e. lymphocytes.")
    >>> [(s.role, s.start, s.end) for s in sentences]
    [('heading', 0, 9), ('body', 11, 50), ('repeat', 51, 90)]
    """
    spans: list[tuple[int, int, bool, int]] = []  # start, end, alone on its line(s), block
    position = 0
    for number, block in enumerate(_BLOCK.split(text)):
        start = text.find(block, position) if block else position
        if start < 0:
            start = position
        position = start + len(block)
        spans.extend((*piece, number) for span in _block_sentences(text, start, start + len(block)) for piece in _cut_long(text, span))
    adverts = _advert_blocks(text, spans)
    lists = _lists(text, spans)
    sentences: list[Sentence] = []
    seen: list[str] = []
    seen_set: set[str] = set()
    skip_to = -1
    for start, end, alone, number in spans:
        if start < skip_to:
            continue  # an item of a list read with its lead-in
        label = _SECTION_LABEL.match(text, start, end) or _NUMBERED_LABEL.match(text, start, end)
        if label is not None and label.end() < end:
            start = label.end()  # "Findings: Basiliximab ...": the sentence without its label
        piece = text[start:end]
        if number in adverts and start >= adverts[number][0]:
            sentences.append(Sentence(len(sentences), start, end, piece, "boilerplate", adverts[number][1]))
            continue
        role, reason = _role(piece, alone, seen, seen_set)
        if start in lists and role in ("body", "heading"):
            list_end, readings = lists[start]
            sentences.append(Sentence(len(sentences), start, list_end, text[start:list_end], "body", LIST_REASON, readings))
            skip_to = list_end
            continue
        if role == "body":
            seen.append(_folded(piece))
            seen_set.add(seen[-1])
        inline = inline_reading(piece) if role == "body" and ":" in piece else ""
        sentences.append(Sentence(len(sentences), start, end, piece, role, reason, (inline,) if inline else ()))
    return sentences


def _lists(text: str, spans: list[tuple[int, int, bool, int]]) -> dict[int, tuple[int, tuple[str, ...]]]:
    """The lists under a lead-in of each paragraph: start of the lead-in -> (end of the list, readings).
    A lead-in must start one of the sentences (it is a line of its own)."""
    blocks: dict[int, tuple[int, int]] = {}
    for start, end, _alone, number in spans:
        first, last = blocks.get(number, (start, end))
        blocks[number] = (min(first, start), max(last, end))
    starts = {start for start, *_rest in spans}
    return {start: (end, readings) for start, end, readings in find_lists(text, list(blocks.values())) if start in starts}


def _advert_blocks(text: str, spans: list[tuple[int, int, bool, int]]) -> dict[int, tuple[int, str]]:
    """The adverts and link lists of a text: paragraph (block) -> (offset from which its pieces are
    boilerplate, why). A paragraph with a shopping call is an advert; so is the paragraph after a
    line that announces one ("ADVERTISEMENT"), or the rest of the announcing paragraph when the
    advert follows in it; a line that heads a list of links ("Related articles") makes the rest of
    its paragraph boilerplate.

    >>> text = "IL-2 activates T cells.\\n\\nADVERTISEMENT\\nOur gummies boost immunity. Shop now!\\n\\nIL-2 acts."
    >>> [(s.role, s.text) for s in split_sentences(text)]  # doctest: +NORMALIZE_WHITESPACE
    [('body', 'IL-2 activates T cells.'), ('boilerplate', 'ADVERTISEMENT'),
     ('boilerplate', 'Our gummies boost immunity.'), ('boilerplate', 'Shop now!'), ('body', 'IL-2 acts.')]
    >>> text = "IL-2 activates T cells.\\nRelated articles\\n- Foods that boost your immune system"
    >>> [s.role for s in split_sentences(text)]
    ['body', 'boilerplate', 'boilerplate']
    """
    marked: dict[int, tuple[int, str]] = {}

    def mark(block: int, start: int, why: str) -> None:
        if block not in marked or start < marked[block][0]:
            marked[block] = (start, why)

    blocks = sorted({number for *_rest, number in spans})
    for start, end, _alone, number in spans:
        piece = text[start:end]
        if _SHOPPING.search(piece):
            mark(number, 0, "advert paragraph (a shopping call)")
        elif _ADVERT_MARKER.match(piece):
            if any(other > start for other, _e, _a, n in spans if n == number):
                mark(number, start, "advert (after its marker)")
            else:
                following = [n for n in blocks if n > number]
                mark(number, start, "advert marker")
                if following:
                    mark(following[0], 0, "advert paragraph (after its marker)")
        elif _LINKS_MARKER.match(piece):
            mark(number, start, "list of links")
    return marked


# Text that needs pysbd: an abbreviation or initial ("e.g.", "J. M."), a decimal, an ellipsis, a
# full stop not followed by a space and a capital, or a quote or bracket after a full stop.
_TRICKY = re.compile(
    r"\b[A-Za-z]\.|\b(?:vs|etc|al|fig|figs|dr|mr|mrs|ms|prof|no|nos|approx|ca|cf|st|inc|ltd|jr|sr|vol|pp|eq|ref|refs|resp)\.|"
    r"\d\.\d|\.\.|[.!?][\"'”’)\]]|[.!?] +[a-z(\[]|[.!?][A-Za-z]",
    re.IGNORECASE,
)
_BOUNDARY = re.compile(r"([.!?])\s+(?=[A-Z0-9\"“(\[Α-Ωα-ω])")  # (and "2-Arachidonoylglycerol", "Δ9-THC", "α-Defensins")
_WORD_BEFORE = re.compile(r"([A-Za-z][a-z]+)$")
_LETTER_NAME = re.compile(r"\b[a-z]{2,} [A-Z]$")
_PH = re.compile(r"(?<![A-Za-z])pH$")  # "... raising endosomal pH. The ...": no abbreviation
_ABBREVIATIONS = frozenset(
    "vs etc al fig figs dr mr mrs ms prof no nos approx ca cf st inc ltd jr sr vol pp eq ref refs resp viz "
    "jan feb mar apr jun jul aug sep sept oct nov dec mt ft".split()
)


def _safe_pieces(block: str) -> list[str]:
    """The block cut after ". " + capital where the word before the stop is an ordinary word."""
    pieces, last = [], 0
    for match in _BOUNDARY.finditer(block):
        word = _WORD_BEFORE.search(block, max(0, match.start() - 40), match.start())
        if word is None and (
            _LETTER_NAME.search(block, max(0, match.start() - 40), match.start()) or _PH.search(block, max(0, match.start() - 4), match.start())
        ):
            pieces.append(block[last : match.start() + 1])  # "toxin B. Both ...", "vitamin D. It ...": a name's letter, no initial
            last = match.end()
            continue
        if word is None or word.group(1).lower() in _ABBREVIATIONS or (match.start() - word.start() > 1 and block[word.start() - 1 : word.start()] == "."):
            continue
        if word.start() > 0 and block[word.start() - 1] not in ' \t\n(["“-/':
            continue  # "e.g.", "U.S.", "4.Ab": not an ordinary word
        pieces.append(block[last : match.start() + 1])
        last = match.end()
    pieces.append(block[last:])
    return [p for p in pieces if p.strip()]


LONG_PIECE = 400  # an over-long "sentence" is read in pieces of at most this many characters


def _cut_long(text: str, span: tuple[int, int, bool]) -> list[tuple[int, int, bool]]:
    """A span longer than MAX_SENTENCE (a line without sentence punctuation) cut at white space."""
    start, end, alone = span
    if end - start <= MAX_SENTENCE:
        return [span]
    out = []
    while end - start > LONG_PIECE:
        cut = text.rfind(" ", start + LONG_PIECE // 2, start + LONG_PIECE)
        cut = cut if cut > start else start + LONG_PIECE
        out.append((start, cut, False))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append((start, end, False))
    trimmed = []
    for a, b, c in out:
        piece = text[a:b]
        if piece.strip():
            a += len(piece) - len(piece.lstrip())
            trimmed.append((a, a + len(piece.strip()), c))
    return trimmed


def _block_sentences(text: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    block = text[start:end]
    if not block.strip():
        return []
    out: list[tuple[int, int, bool]] = []
    cursor = 0
    if len(block) >= 200_000:
        segments = block.split("\n")
    else:
        # Cut at the safe boundaries first (a full stop after an ordinary word, then a capital);
        # only the pieces with an abbreviation, an initial or a decimal go through pysbd.
        segments = []
        for piece in _safe_pieces(block):
            segments.extend(_pysbd_sentences(piece) if _TRICKY.search(piece) else [piece])
    for segment in segments:
        stripped = segment.strip()
        if not stripped:
            continue
        found = block.find(stripped, cursor)
        if found < 0:  # pysbd altered the text: fall back to the rest of the block
            found = cursor
            stripped = block[cursor:].strip()
            if not stripped:
                break
            found = block.find(stripped, cursor)
        for piece_start, piece_end in _cut_lines(block, found, found + len(stripped)):
            alone = _alone_on_line(block, piece_start, piece_end)
            out.append((start + piece_start, start + piece_end, alone))
        cursor = found + len(stripped)
    return out


def _cut_lines(block: str, start: int, end: int) -> list[tuple[int, int]]:
    """Cut a sentence at each line break that follows a line without closing punctuation."""
    pieces: list[tuple[int, int]] = []
    piece_start = start
    for match in re.finditer(r"\n", block[start:end]):
        cut = start + match.start()
        before = block[piece_start:cut].rstrip()
        after = block[cut + 1 : end].lstrip()
        if before and after and (before[-1] in _CLOSING or after[0].isupper() or after[0] in "•-*–"):
            if before[-1] not in ",(" and not before.endswith(" and") and not before.endswith(" or"):
                pieces.append((piece_start, piece_start + len(before)))
                piece_start = cut + 1 + (len(block[cut + 1 : end]) - len(after))
    tail = block[piece_start:end].strip()
    if tail:
        offset = block.find(tail, piece_start)
        pieces.append((offset, offset + len(tail)))
    return [(a, b) for a, b in pieces if b > a]


def _alone_on_line(block: str, start: int, end: int) -> bool:
    before = block[:start].rsplit("\n", 1)[-1]
    after = block[end:].split("\n", 1)[0]
    return not before.strip() and not after.strip()


def _folded(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.lower()).split())


_FRAGMENT_WINDOW = 50  # fragments are looked for in the last sentences only: linear time


def _role(piece: str, alone: bool, seen: list[str], seen_set: set[str]) -> tuple[Role, str]:
    if len(piece) > MAX_SENTENCE:
        return "boilerplate", f"longer than {MAX_SENTENCE} characters"
    if _CALL_TO_ACTION.search(piece) or _POINTERS.search(piece):
        return "boilerplate", "advert, call to action or navigation"
    if _LEAFLET_TEMPLATE.search(piece):
        return "boilerplate", "a patient leaflet's template sentence"
    if _INSTRUCTION.match(piece) and piece[:1].isupper():
        return "boilerplate", "an instruction to the prescriber"
    if _BUTTONS.match(piece):
        return "boilerplate", "buttons"
    if piece[:1] in '"“' and _QUOTED_REMARK.search(piece):
        return "boilerplate", "a quoted remark (an opinion, said by someone)"
    if len(_NAV_SEPARATORS.findall(piece)) >= 2:
        return "boilerplate", "navigation line"
    words = re.findall(r"[^\W\d_]+", piece)
    if not words:
        return "boilerplate", "no words"
    if piece.rstrip().endswith("?"):
        return "question", "a question asserts no mechanism"
    if alone and piece[-1] not in _CLOSING and len(words) <= 14:
        return "heading", "a line on its own without closing punctuation"
    folded = _folded(piece)
    if folded in seen_set:
        return "repeat", "repeats an earlier sentence"
    if len(folded.split()) >= 3:
        for earlier in seen[-_FRAGMENT_WINDOW:]:  # a fragment of a recent sentence (a repeated line)
            if f" {folded} " in f" {earlier} ":
                return "repeat", "repeats an earlier sentence"
    return "body", ""
