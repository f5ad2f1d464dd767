"""The keys under which the lexicon enters a name: the name without its brackets and the short
forms inside them, process names inverted ("protein secretion" <-> "secretion of protein"),
common abbreviations spelled out ("IL" <-> "interleukin"), and the capitals a short name must
keep (CsA, MTX).
"""

from __future__ import annotations

import re

from ..vocabulary import NodeKind
from .kinds import PROCESS_HEADS
from .tokens import key_of

__all__ = ["variants"]

_ABBREVIATIONS: tuple[tuple[tuple[str, ...], tuple[str, ...]], ...] = tuple(
    (key_of(short), key_of(long))
    for short, long in (
        ("mRNA", "messenger RNA"),
        ("IL", "interleukin"),
        ("IFN", "interferon"),
        ("TNF", "tumour necrosis factor"),
        ("TLR", "toll-like receptor"),
        ("NK", "natural killer"),
        ("MHC", "major histocompatibility complex"),
        ("Ig", "immunoglobulin"),
        ("GM-CSF", "granulocyte-macrophage colony-stimulating factor"),
        ("G-CSF", "granulocyte colony-stimulating factor"),
        ("T cell", "T lymphocyte"),
        ("B cell", "B lymphocyte"),
    )
)
_PARENTHESIS = re.compile(r"\s*\(([^()]*)\)")


def _exact_form(name: str) -> str | None:
    """Short capitalised names (CsA, GR, MTX, pDC) must match with the same capitals."""
    letters = re.sub(r"[^A-Za-z]", "", name)
    if not letters:
        return None
    uppers = sum(1 for ch in letters if ch.isupper())
    if (len(letters) <= 4 and uppers >= 2) or len(letters) <= 2:
        return re.sub(r"[^A-Za-z0-9]", "", name)
    return None


def variants(name: str, kind: NodeKind, *, synonym: bool = False) -> list[tuple[tuple[str, ...], str | None]]:
    """The keys under which a name is entered, each with its case-sensitive form (or None)."""
    names = [name]
    bare = _PARENTHESIS.sub("", name).strip()
    if bare and bare != name:
        names = [bare] + [inner.strip() for inner in _PARENTHESIS.findall(name) if _looks_like_name(inner)]
    out: list[tuple[tuple[str, ...], str | None]] = []
    for item in names:
        key = key_of(item)
        if not key:
            continue
        exact = _exact_form(item)
        keys = {key}
        if kind not in (NodeKind.AGENT, NodeKind.METABOLITE) or key[-1] in PROCESS_HEADS:
            keys |= _inverted(key)
        if kind is NodeKind.AGENT and key[-1].endswith("ator"):
            keys.add(key[:-1] + (key[-1][:-4] + "ation",))
        for short, long in _ABBREVIATIONS:
            for variant in list(keys):
                keys |= _replaced(variant, short, long) | _replaced(variant, long, short)
        for variant in keys:
            out.append((variant, exact if variant == key else None))
    return out


def _looks_like_name(text: str) -> bool:
    qualifier = re.search(r"-(?:induced|mediated|dependent|driven|associated|related)$", text.lower()) is not None  # "(TNF-induced)": how, not a name
    how = text.lower().split()[0] in ("via", "with", "by", "from", "in", "on") if text.strip() else False  # "(via IL-12Rβ1)": a route
    species = text.lower() in ("rabbit", "horse", "equine", "murine", "mouse", "human", "humanised", "humanized", "chimeric")  # "(rabbit)": a source
    return bool(text) and len(text) <= 40 and not (qualifier or how or species) and text.lower() not in {"generic", "drug", "intravesical", "extracellular"}


def _inverted(key: tuple[str, ...]) -> set[tuple[str, ...]]:
    """``protein secretion`` -> ``secretion of protein``; ``intracellular protein transport`` ->
    ``intracellular transport of protein`` and ``transport of intracellular protein``."""
    if not 2 <= len(key) <= 4 or "of" in key:
        return set()
    head, modifiers = key[-1], key[:-1]
    out = {(head, "of", *modifiers)}
    if len(modifiers) >= 2:
        out.add((modifiers[0], head, "of", *modifiers[1:]))
    return out


def _replaced(key: tuple[str, ...], old: tuple[str, ...], new: tuple[str, ...]) -> set[tuple[str, ...]]:
    size = len(old)
    for start in range(len(key) - size + 1):
        if key[start : start + size] == old:
            return {key[:start] + new + key[start + size :]}
    return set()
