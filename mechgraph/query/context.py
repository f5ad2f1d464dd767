"""When two relations may be chained: the context rule, written once.

A relation may carry a ``context`` (species, cell type, tissue, setting, dose, condition: see
:class:`~mechgraph.vocabulary.ContextKey`). Chaining two relations claims they hold together, so
a path must not join, say, a mouse finding to a human one, or a step observed in T cells to one
observed in hepatocytes. The rule, for two context mappings ``a`` and ``b``:

- Only **species** and **cell type** can conflict. Tissue, setting, dose and condition describe the
  circumstances of an observation, not a different biology, so they never block a path.
- A key **without a value** on either side is compatible with anything: a relation stated without
  a species holds for the species of its neighbours.
- **Species**: each value is read as a set of species (``"human and mouse"`` is two), with case,
  spacing and synonyms normalised (mouse = murine = mice = *Mus musculus*; human = *Homo
  sapiens*; rat = *Rattus norvegicus*). Two values conflict when their sets are disjoint.
- **Cell type**: each value is read as a set of lineages (T cell, B cell, NK cell, dendritic cell,
  monocyte/macrophage, granulocyte, mast cell, haematopoietic progenitor, epithelial, stromal,
  hepatocyte, tumour cell): ``"CD4+ T cell"`` and ``"activated T cell"`` are both T cells,
  ``"PBMC"`` and ``"lymphocytes"`` name several lineages, ``"any cell"`` names every cell (no
  restriction). A value naming no known lineage stands for itself. Two values conflict when
  both are cell-type-specific and their lineage sets are disjoint. Subsets of one lineage (CD4+
  and CD8+ T cells, plasmacytoid and myeloid dendritic cells) are not told apart: the data names
  them too loosely for that, and a secreted mediator often links them.

**Agent**: a relation a source shows only as part of one agent's action (``agent: <node id>``
in its context, e.g. a signalling step shown only in cells given that agent) holds downstream
of that agent: a path may use it only after passing through the agent's node
(:func:`agent_gate`, :func:`gate_open`). A path from another agent, or from no agent, that
would need it mixes contexts.

A step of a path may stand for several parallel relations (see :mod:`mechgraph.query.paths`); it
holds in any of their contexts, so two steps are compatible when some relation of one is
compatible with some relation of the other (:func:`steps_compatible`). A path is **within one
context** when every two of its steps are compatible, not only neighbours: a mouse step, then a
step without species, then a human step still mixes species.

Examples
--------
>>> compatible({"species": "Mouse"}, {"species": "murine", "cell_type": "T cell"})
True
>>> compatible({"species": "mouse"}, {"species": "Homo sapiens"})
False
>>> compatible({"cell_type": "CD4+ T cell"}, {"cell_type": "activated T cell"})
True
>>> compatible({"cell_type": "dendritic cell"}, {"cell_type": "hepatocyte"})
False
>>> compatible({"cell_type": "dendritic cell"}, {"setting": "in vitro"})
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from ..vocabulary import ContextKey

__all__ = [
    "AGENT_KEY",
    "CONFLICTING_KEYS",
    "FREE",
    "agent_gate",
    "cell_lineages",
    "compatible",
    "context_values",
    "gate_open",
    "path_agents_respected",
    "path_compatible",
    "signature",
    "signatures_compatible",
    "species_names",
    "step_signature",
    "step_signatures_compatible",
    "steps_compatible",
]

#: The context keys whose values can make two relations incompatible.
CONFLICTING_KEYS: tuple[str, ...] = (ContextKey.SPECIES.value, ContextKey.CELL_TYPE.value)
#: The context key of a relation shown only as part of one agent's action.
AGENT_KEY: str = ContextKey.AGENT.value

Context = Mapping[str, Any] | None

_SPECIES_SYNONYMS = {
    "human": "human", "humans": "human", "homo sapiens": "human", "h. sapiens": "human", "patients": "human",
    "mouse": "mouse", "mice": "mouse", "murine": "mouse", "mus musculus": "mouse", "m. musculus": "mouse",
    "rat": "rat", "rats": "rat", "rattus norvegicus": "rat", "r. norvegicus": "rat",
}  # fmt: skip

_EVERY_CELL = frozenset({"*"})
_IMMUNE = frozenset({"t cell", "b cell", "nk cell", "dendritic cell", "monocyte/macrophage", "granulocyte", "mast cell"})
_LYMPHOCYTES = frozenset({"t cell", "b cell", "nk cell"})

#: Patterns on a normalised cell-type phrase and the lineages they name (all that match count).
_LINEAGE_PATTERNS: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = tuple(
    (re.compile(pattern), frozenset(lineages))
    for pattern, lineages in (
        (r"\bt[- ]?(cells?|lymphocytes?|helper|regulatory)\b|\bth\d+\b|\btregs?\b|\bthymocytes?\b|\bcd[48]\+|\bcytotoxic t\b|\bctls?\b", {"t cell"}),
        (r"\bb[- ]?(cells?|lymphocytes?)\b|\bplasma ?(cells?|blasts?)\b", {"b cell"}),
        (r"\bnk\b|\bnatural killer\b", {"nk cell"}),
        (r"\bdendritic\b|\bp?dcs?\b|\blangerhans\b", {"dendritic cell"}),
        (r"\bmonocytes?\b|\bmacrophages?\b|\bmicroglia\b|\bkupffer\b", {"monocyte/macrophage"}),
        (r"\bneutrophils?\b|\beosinophils?\b|\bbasophils?\b|\bgranulocytes?\b", {"granulocyte"}),
        (r"\bmast cells?\b", {"mast cell"}),
        (r"\bphagocytes?\b", {"monocyte/macrophage", "granulocyte", "dendritic cell"}),
        (r"\bantigen[- ]presenting\b|\bapcs?\b", {"dendritic cell", "monocyte/macrophage", "b cell"}),
        (r"\bpbmcs?\b|\bperipheral blood mononuclear\b", {"t cell", "b cell", "nk cell", "monocyte/macrophage", "dendritic cell"}),
        (r"\bepithelial\b|\burothelial\b|\bkeratinocytes?\b", {"epithelial"}),
        (r"\bfibroblasts?\b|\bsynoviocytes?\b|\bstromal\b", {"stromal"}),
        (r"\bhepatocytes?\b", {"hepatocyte"}),
        (r"\b(tumou?r|cancer|carcinoma|melanoma|lymphoma|leukaemia|leukemia) cells?\b", {"tumour cell"}),
    )
)
_SPLIT = re.compile(r"\s*(?:,|;|/|&|\band\b|\bor\b)\s*")


def _normal(text: object) -> str:
    return " ".join(str(text).lower().split())


def _parts(text: str) -> list[str]:
    """``"T and B lymphocytes"`` -> ``["t lymphocytes", "b lymphocytes"]``: a one-word part borrows
    the noun of the last part, so shared nouns are read for each qualifier."""
    parts = [part for part in _SPLIT.split(text) if part]
    if not parts:  # only separators: the text stands for itself
        return [text]
    if len(parts) > 1:
        tail = parts[-1].split()[1:]
        parts = [f"{part} {' '.join(tail)}" if len(part.split()) == 1 and tail else part for part in parts]
    return parts


@lru_cache(maxsize=4096)
def species_names(value: str) -> frozenset[str]:
    """The species a context value names, normalised.

    >>> sorted(species_names(" Mus  musculus and Homo sapiens"))
    ['human', 'mouse']
    >>> sorted(species_names("zebrafish"))
    ['zebrafish']
    """
    return frozenset(_SPECIES_SYNONYMS.get(part, part) for part in _parts(_normal(value)))


@lru_cache(maxsize=4096)
def cell_lineages(value: str) -> frozenset[str]:
    """The cell lineages a cell-type value names; ``{"*"}`` for a value that names every cell.

    >>> sorted(cell_lineages("T and B lymphocytes"))
    ['b cell', 't cell']
    >>> sorted(cell_lineages("plasmacytoid and myeloid dendritic cells"))
    ['dendritic cell']
    >>> cell_lineages("any cell"), sorted(cell_lineages("Kidney podocyte"))
    (frozenset({'*'}), ['kidney podocyte'])
    """
    text = _normal(value)
    if text in ("", "any cell", "any cells", "all cells", "cells", "cell"):
        return _EVERY_CELL
    lineages: set[str] = set()
    for part in _parts(text):
        found = {lineage for pattern, names in _LINEAGE_PATTERNS if pattern.search(part) for lineage in names}
        if not found and re.search(r"\blymphocytes?\b", part):
            found = set(_LYMPHOCYTES)
        if not found and re.search(r"\bimmune cells?\b|\bleukocytes?\b|\bleucocytes?\b|\bwhite blood cells?\b", part):
            found = set(_IMMUNE)
        if not found and re.search(r"\b(precursors?|progenitors?|stem cells?)\b", part):
            found = {"haematopoietic progenitor"}
        lineages |= found or {part}
    return frozenset(lineages)


def context_values(context: Context, key: str) -> frozenset[str] | None:
    """The normalised values of ``key`` in a context: species names, cell lineages, else the
    normalised text; ``None`` when the context has no value for the key (or names every cell).

    >>> sorted(context_values({"species": "Murine"}, "species")), context_values({}, "species")
    (['mouse'], None)
    """
    if not context:
        return None
    value = context.get(key)
    if value is None or not str(value).strip():
        return None
    if key == ContextKey.SPECIES.value:
        return species_names(str(value))
    if key == ContextKey.CELL_TYPE.value:
        lineages = cell_lineages(str(value))
        return None if lineages == _EVERY_CELL else lineages
    return frozenset({_normal(value)})


Signature = tuple[frozenset[str] | None, ...]
#: The signature of a context that restricts nothing.
FREE: Signature = (None,) * len(CONFLICTING_KEYS)


def signature(context: Context) -> Signature:
    """What of a context the rule reads: the normalised values of each conflicting key, in the
    order of :data:`CONFLICTING_KEYS` (hashable, so searches can keep it in their state).

    >>> signature({"species": "murine", "cell_type": "CD4+ T cell", "dose": "1 ug/ml"})
    (frozenset({'mouse'}), frozenset({'t cell'}))
    >>> signature(None) == FREE
    True
    """
    if not context:
        return FREE
    return tuple(context_values(context, key) for key in CONFLICTING_KEYS)


def signatures_compatible(a: Signature, b: Signature) -> bool:
    """The rule on signatures: no key where both have values and the values are disjoint."""
    return not any(left is not None and right is not None and left.isdisjoint(right) for left, right in zip(a, b, strict=True))


def compatible(a: Context, b: Context) -> bool:
    """Whether relations in contexts ``a`` and ``b`` may be chained (see the module docstring).

    Symmetric; a context is compatible with itself; ``None`` or ``{}`` is compatible with anything.

    >>> compatible(None, {"species": "mouse"}), compatible({"species": "mouse"}, {"species": "MICE "})
    (True, True)
    >>> compatible({"cell_type": "PBMC"}, {"cell_type": "dendritic cell"})
    True
    >>> compatible({"cell_type": "any cell"}, {"cell_type": "hepatocyte"})
    True
    >>> compatible({"species": "human", "cell_type": "T cell"}, {"species": "human", "cell_type": "tumour cell"})
    False
    >>> compatible({"setting": "in vitro"}, {"setting": "mouse tumour model"})
    True
    """
    return signatures_compatible(signature(a), signature(b))


def step_signature(contexts: Iterable[Context]) -> frozenset[Signature] | None:
    """The signatures of a step's relations; ``None`` when the step restricts nothing (it has no
    relation, or one relation without a species or cell type, which fits any context)."""
    signatures = frozenset(signature(context) for context in contexts)
    return None if not signatures or FREE in signatures else signatures


def step_signatures_compatible(a: frozenset[Signature] | None, b: frozenset[Signature] | None) -> bool:
    """Two steps are compatible when some relation of one is compatible with some of the other."""
    if a is None or b is None:
        return True
    return any(signatures_compatible(x, y) for x in a for y in b)


def steps_compatible(a: Sequence[Context], b: Sequence[Context]) -> bool:
    """Whether two steps may be on one path: each step is given by the contexts of the parallel
    relations it stands for, and holds in any of them.

    >>> steps_compatible([{"species": "mouse"}, None], [{"species": "human"}])
    True
    >>> steps_compatible([{"species": "mouse"}], [{"species": "human"}, {"species": "rat"}])
    False
    >>> steps_compatible([], [{"species": "human"}])
    True
    """
    return step_signatures_compatible(step_signature(a), step_signature(b))


def path_compatible(steps: Iterable[Sequence[Context]]) -> bool:
    """Whether every two steps of a path are compatible (not only neighbours).

    >>> path_compatible([[{"species": "mouse"}], [None], [{"species": "human"}]])
    False
    """
    seen: list[frozenset[Signature]] = []
    for contexts in steps:
        current = step_signature(contexts)
        if current is None:
            continue
        if any(not step_signatures_compatible(current, other) for other in seen):
            return False
        seen.append(current)
    return True


Gate = frozenset[str] | None


def agent_gate(contexts: Iterable[Context]) -> Gate:
    """The agents a step needs upstream: ``None`` when one of its parallel relations holds
    without an agent (the step is always usable), else the agents its relations name (any one
    of them upstream opens the step).

    >>> agent_gate([{"agent": "bcg", "tissue": "bladder"}]), agent_gate([{"agent": "bcg"}, {}])
    (frozenset({'bcg'}), None)
    >>> agent_gate([])
    """
    agents: set[str] = set()
    for context in contexts:
        value = (context or {}).get(AGENT_KEY)
        if value is None or not str(value).strip():
            return None
        agents.add(str(value).strip())
    return frozenset(agents) if agents else None


def gate_open(gate: Gate, upstream: Iterable[str]) -> bool:
    """Whether a step with ``gate`` may follow a path through the nodes ``upstream``.

    >>> gate_open(frozenset({"bcg"}), ["hydroxychloroquine", "autophagy"]), gate_open(None, [])
    (False, True)
    >>> gate_open(frozenset({"bcg"}), ["bcg", "apc_gene_expression_bcg"])
    True
    """
    return gate is None or not gate.isdisjoint(upstream)


def path_agents_respected(steps: Sequence[tuple[str, Sequence[Context]]]) -> bool:
    """Whether every step of a path (given as its start node and its relations' contexts) that
    holds only under an agent comes after that agent's node on the path.

    >>> path_agents_respected([("hcq", [{}]), ("autophagy", [{"agent": "bcg"}])])
    False
    >>> path_agents_respected([("bcg", [{}]), ("apc", [{"agent": "bcg"}])])
    True
    """
    upstream: list[str] = []
    for start, contexts in steps:
        upstream.append(start)
        if not gate_open(agent_gate(contexts), upstream):
            return False
    return True
