"""Tokens with character offsets, and the normal form in which names are compared.

A token is a run of letters, a run of digits or one other non-space character, so ``IL-2``,
``IL2`` and ``IL 2`` all give the word tokens ``il`` and ``2``. The normal form of a word folds
case, Greek letters (``α`` -> ``alpha``), British spellings (``tumour`` -> ``tumor``), a few
prefixes written with or without a hyphen (``anti-tumour`` = ``antitumour``) and plurals, so that
a name in the lexicon and the same name in a text meet whatever their spelling.

Examples
--------
>>> key_of("Anti-tumour T-cells") == key_of("antitumor T cell")
True
>>> [t.text for t in tokenize("IL-2 (IL2)")]
['IL', '-', '2', '(', 'IL', '2', ')']
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

__all__ = [
    "ARTICLES",
    "Token",
    "Word",
    "abbreviation_fits",
    "ascii_letters",
    "hyphen_before",
    "name_words",
    "key_of",
    "normalize_word",
    "tokenize",
    "without_brackets",
    "words_of",
]

_TOKEN = re.compile(r"[^\W\d_]+|\d+|\S")
_GREEK = {
    "α": "alpha",
    "β": "beta",
    "γ": "gamma",
    "δ": "delta",
    "ε": "epsilon",
    "κ": "kappa",
    "λ": "lambda",
    "μ": "mu",
    "ω": "omega",
    "τ": "tau",
    "ζ": "zeta",
    "θ": "theta",
}
_SPELLING = {
    "defence": "defense",
    "signalling": "signaling",
    "signalled": "signaled",
    "oedema": "edema",
    "anaemia": "anemia",
    "leukaemia": "leukemia",
    "haematopoietic": "hematopoietic",
    "haemopoietic": "hematopoietic",
    "haematological": "hematological",
    "centre": "center",
    "fibre": "fiber",
    "foetal": "fetal",
    "paediatric": "pediatric",
    "oestrogen": "estrogen",
    "ciclosporin": "cyclosporin",
}
_BRITISH_RULES = (
    (re.compile(r"(tum|hum|behavi|col|fav|lab)our"), r"\1or"),
    (re.compile(r"^haem"), "hem"),
    (re.compile(r"aemia$"), "emia"),
    (re.compile(r"isation$"), "ization"),
    (re.compile(r"is(e|ed|es|ing)$"), r"iz\1"),
)
# Written with or without a hyphen: "anti-tumour" and "antitumour" give the same tokens.
_PREFIXES = ("anti", "non", "pro", "co", "inter", "intra", "extra", "multi", "hyper", "hypo", "post", "pre")
_JOINERS = frozenset("-‐‑‒–—/+'’.^")


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a text: its characters, offsets into the whole text, and its normal form."""

    text: str
    start: int
    end: int
    norm: str  # "" for punctuation

    @property
    def is_word(self) -> bool:
        return bool(self.norm)

    @property
    def lower(self) -> str:
        return self.text.lower()


@lru_cache(maxsize=65_536)
def ascii_letters(text: str) -> str:
    """``text`` in ASCII letters where it can be: Greek letters spelled out, accents dropped.

    >>> ascii_letters("IFN-γ"), ascii_letters("Sjögren's"), ascii_letters("NF-κB")
    ('IFN-gamma', "Sjogren's", 'NF-kappaB')
    """
    text = "".join(_GREEK.get(ch, ch) for ch in text)
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return text


@lru_cache(maxsize=65_536)
def normalize_word(word: str) -> str:
    """The normal form of one word: lower case, Greek spelled out, accents dropped, American
    spelling, singular.

    Memoised: the same words come back in every sentence.

    >>> [normalize_word(w) for w in ("Cells", "tumours", "NFATs", "α", "processes", "IL", "Guérin")]
    ['cell', 'tumor', 'nfat', 'alpha', 'process', 'il', 'guerin']
    """
    text = ascii_letters(word.lower())  # "Guérin", "Sjögren": the letters without their accents
    text = _SPELLING.get(text, text)
    for pattern, replacement in _BRITISH_RULES:
        if len(text) > 5:
            text = pattern.sub(replacement, text)
    return _singular(text)


def _singular(word: str) -> str:
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "uses")):
        return word[:-2]
    if word.endswith(("ss", "us", "is", "ics")):
        return word
    if word.endswith("s"):
        return word[:-1]
    return word


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split text into tokens (letter runs, digit runs, single other characters) with offsets.

    >>> [(t.text, t.norm) for t in tokenize("B-cells")]
    [('B', 'b'), ('-', ''), ('cells', 'cell')]
    """
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        piece = match.group()
        start = match.start() + offset
        norm = normalize_word(piece) if (piece[0].isalpha() or piece[0].isdigit()) else ""
        tokens.append(Token(piece, start, start + len(piece), norm))
    return tokens


#: Words skipped when names are compared: articles only (the rest of a name counts).
ARTICLES = frozenset({"the", "a", "an"})


@dataclass(frozen=True, slots=True)
class Word:
    """A word as names are compared: its normal form and the tokens ``first..last`` it spans."""

    norm: str
    first: int
    last: int


def name_words(name: str) -> tuple[tuple[Token, ...], tuple[Word | None, ...]]:
    """The tokens and words of a name (:func:`tokenize`, :func:`words_of`), kept for a short one."""
    return _kept_name_words(name) if len(name) <= _KEPT else _name_words(name)


def _name_words(name: str) -> tuple[tuple[Token, ...], tuple[Word | None, ...]]:
    tokens = tokenize(name)
    return tuple(tokens), tuple(words_of(tokens))


_kept_name_words = lru_cache(maxsize=65_536)(_name_words)


def words_of(tokens: Sequence[Token]) -> list[Word | None]:
    """The words of a token list that take part in name matching.

    Articles and joining punctuation (hyphen, slash, plus, apostrophe) are skipped; any other
    punctuation (comma, parenthesis, semicolon) is kept as a barrier, shown as None. A prefix
    such as ``anti`` or ``co`` joined by a hyphen to the next word makes one word with it, so
    ``anti-tumour`` and ``antitumour`` are the same word.

    >>> [w.norm for w in words_of(tokenize("the anti-tumour IL-2")) if w]
    ['antitumor', 'il', '2']
    """
    out: list[Word | None] = []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.is_word:
            if (
                token.lower in _PREFIXES
                and index + 2 < len(tokens)
                and tokens[index + 1].text in "-‐‑"
                and tokens[index + 1].start == token.end
                and tokens[index + 2].start == tokens[index + 1].end
                and tokens[index + 2].text[0].isalpha()
            ):
                joined = normalize_word(token.text + tokens[index + 2].text)
                out.append(Word(joined, index, index + 2))
                index += 3
                continue
            # a capital "A" after a word is part of a name ("Brefeldin A", "cyclophilin A"), and so is one glued to what follows ("A2A")
            glued = index + 1 < len(tokens) and tokens[index + 1].start == token.end and not tokens[index + 1].text.isspace()
            capital_a = token.text == "A" and ((index > 0 and tokens[index - 1].is_word) or glued)
            if token.norm not in ARTICLES or capital_a:
                out.append(Word(token.norm, index, index))
        elif token.text not in _JOINERS and not _attached_colon(tokens, index) and not _genus_stop(tokens, index):
            out.append(None)
        index += 1
    return out


def _genus_stop(tokens: Sequence[Token], index: int) -> bool:
    """The full stop of a genus cut to its letter joins it to the species ("C. difficile", "E. coli")."""
    return (
        tokens[index].text == "."
        and 0 < index < len(tokens) - 1
        and len(tokens[index - 1].text) == 1
        and tokens[index - 1].text.isupper()
        and tokens[index - 1].end == tokens[index].start
        and tokens[index + 1].start == tokens[index].end + 1
        and tokens[index + 1].text.isalpha()
        and tokens[index + 1].text.islower()
        and len(tokens[index + 1].text) >= 4
    )


def _attached_colon(tokens: Sequence[Token], index: int) -> bool:
    """A colon inside a CURIE (``CHEBI:4031``) joins; a colon in prose separates."""
    return (
        tokens[index].text == ":"
        and 0 < index < len(tokens) - 1
        and tokens[index - 1].end == tokens[index].start
        and tokens[index + 1].start == tokens[index].end
    )


_BRACKETED = re.compile(r"\s*\([^()]*\)")


def hyphen_before(tokens: Sequence[Token], index: int) -> bool:
    """Whether token ``index`` follows a hyphen glued to it ("insulin-[like]", "sipuleucel-[T]").

    >>> tokens = tokenize("insulin-like growth")
    >>> hyphen_before(tokens, 2), hyphen_before(tokens, 3)
    (True, False)
    """
    if index < 1 or index >= len(tokens):
        return False
    hyphen = tokens[index - 1]
    return hyphen.text in ("-", "‐") and hyphen.end == tokens[index].start


def without_brackets(text: str) -> str:
    """``text`` without what it says in brackets: the short forms and asides a name carries.

    >>> without_brackets("the expression of major histocompatibility complex (MHC) class I molecules")
    'the expression of major histocompatibility complex class I molecules'
    """
    return _BRACKETED.sub("", text)


def key_of(text: str) -> tuple[str, ...]:
    """The matching key of a name: its normal word forms, without articles or punctuation.

    >>> key_of("Balance of the immune system")
    ('balance', 'of', 'immune', 'system')
    >>> key_of("TNF-α") == key_of("TNF alpha")
    True
    """
    return _kept_key(text) if len(text) <= _KEPT else _key(text)


#: how long a name may be for its key, tokens and words to be kept (names are looked up again and again;
#: a whole sentence or a hostile text is not kept)
_KEPT = 200


def _key(text: str) -> tuple[str, ...]:
    return tuple(word.norm for word in words_of(tokenize(text)) if word is not None)


_kept_key = lru_cache(maxsize=65_536)(_key)


def abbreviation_fits(letters: list[str], long_text: str) -> bool:
    """Schwartz & Hearst: the short form's characters appear in order, the first at a word start.

    >>> abbreviation_fits(list("tnf"), "tumour necrosis factor"), abbreviation_fits(list("xyz"), "tumour necrosis factor")
    (True, False)
    """
    position = len(long_text) - 1
    for index in range(len(letters) - 1, -1, -1):
        ch = letters[index]
        while position >= 0 and (long_text[position] != ch or (index == 0 and position > 0 and long_text[position - 1].isalnum())):
            position -= 1
        if position < 0:
            return False
        position -= 1
    return True
