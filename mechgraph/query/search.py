"""Find nodes by what people type: ids, labels, synonyms and identifiers, tolerant of spelling.

Every name is reduced to a search key: case folded, Greek letters and their spelled names
brought to one letter (``α``, ``alpha``, ``alfa`` -> ``a``; ``κ``, ``kappa`` -> ``k``),
``interleukin`` to ``il`` and ``interferon`` to ``ifn``, and everything but letters and digits
removed. So "IL-2", "il2" and "interleukin 2" share the key ``il2``, and "TNF-alpha", "TNF-α" and
"TNFa" the key ``tnfa``. Keys are compared with rapidfuzz (a maintained C++ fuzzy matcher): a
typo-tolerant ratio, and a partial ratio for a key found inside a longer one.

The index of a graph is built once and cached for that graph object (it is rebuilt when the
graph's nodes change; after editing labels of an existing graph in place, build a new
:class:`SearchIndex`).
"""

from __future__ import annotations

import re
import threading
import unicodedata
import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx
import numpy as np
from rapidfuzz import fuzz, process

from ..vocabulary import Attr
from ._base import gc_paused, require_multidigraph

__all__ = ["Match", "SearchIndex", "build_search_index", "normalize_name", "search"]

#: The fields searched, best first: a label match ranks above an equally good synonym match.
#: ``process`` is the kind of a process node ("mRNA stability" finds the mRNA-stability processes).
FIELDS = ("label", "synonym", "id", "identifier", "process")
_FIELD_RANK = {name: rank for rank, name in enumerate(FIELDS)}

_GREEK_LETTERS = {
    "α": "a", "β": "b", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "e", "θ": "t", "ι": "i",
    "κ": "k", "λ": "l", "μ": "m", "µ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r",
    "σ": "s", "ς": "s", "τ": "t", "υ": "u", "φ": "f", "χ": "c", "ψ": "p", "ω": "o",
}  # fmt: skip
_GREEK_TABLE = str.maketrans(_GREEK_LETTERS)
_SPELLED = {
    "alpha": "a", "alfa": "a", "beta": "b", "gamma": "g", "delta": "d", "epsilon": "e",
    "kappa": "k", "lambda": "l", "sigma": "s", "omega": "o", "theta": "t", "zeta": "z",
    "interleukin": "il", "interferon": "ifn",
}  # fmt: skip
_SPELLED_PATTERN = re.compile("|".join(sorted(_SPELLED, key=len, reverse=True)))
_NOT_ALPHANUMERIC = re.compile(r"[\W_]+")
_PARTIAL_WEIGHT = 0.9  # a key found inside a longer one ranks below an exact match
_PREFIX_WEIGHT = 0.95  # ... but above one found in the middle


def normalize_name(text: str) -> str:
    """The search key of a name.

    Examples
    --------
    >>> [normalize_name(t) for t in ("IL-2", "interleukin 2", "il2")]
    ['il2', 'il2', 'il2']
    >>> [normalize_name(t) for t in ("TNF-alpha", "TNF-α", "TNFa", "NF-κB", "IFN-gamma")]
    ['tnfa', 'tnfa', 'tnfa', 'nfkb', 'ifng']
    """
    folded = text.casefold()
    if not folded.isascii():
        folded = unicodedata.normalize("NFKD", folded).translate(_GREEK_TABLE)
    spelled = _SPELLED_PATTERN.sub(lambda match: _SPELLED[match.group()], folded)
    return _NOT_ALPHANUMERIC.sub("", spelled)


@dataclass(frozen=True, slots=True)
class Match:
    """A node found by :func:`search`: its id and label, the score (0-100) and what matched."""

    node: str
    label: str
    score: float
    field: str  # label, synonym, id or identifier
    text: str  # the name that matched, as written in the graph

    def to_dict(self) -> dict[str, Any]:
        return {"node": self.node, "label": self.label, "score": self.score, "field": self.field, "text": self.text}


class SearchIndex:
    """The search keys of a graph's nodes, built once.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("il2", label="IL-2", synonyms=["interleukin-2"], identifiers=["hgnc.symbol:IL2"])
    >>> g.add_node("il2ra", label="IL-2 receptor alpha (CD25)")
    >>> index = SearchIndex(g)
    >>> [(m.node, m.score) for m in index.search("Interleukin 2")]
    [('il2', 100.0), ('il2ra', 95.0)]
    >>> index.exact("hgnc.symbol:il2")
    {'identifier': ['il2']}
    """

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        require_multidigraph(graph)
        self.fingerprint = _fingerprint(graph)
        self.nodes: list[str] = list(graph._node)
        label_key, synonyms_key, identifiers_key = Attr.LABEL.value, Attr.SYNONYMS.value, Attr.IDENTIFIERS.value
        process_key = Attr.PROCESS.value
        self.labels: list[str] = [str(data.get(label_key) or node) for node, data in graph._node.items()]
        names: list[tuple[int, int, str]] = []  # (node position, field, name as written)
        with gc_paused():
            for position, data in enumerate(graph._node.values()):
                names.append((position, 0, self.labels[position]))
                names.extend((position, 1, str(synonym)) for synonym in data.get(synonyms_key) or ())
                names.append((position, 2, str(self.nodes[position])))
                for identifier in data.get(identifiers_key) or ():
                    names.append((position, 3, str(identifier)))
                    if ":" in str(identifier):
                        names.append((position, 3, str(identifier).split(":", 1)[1]))
                if data.get(process_key):
                    names.append((position, 4, str(data[process_key]).replace("_", " ")))
            # One entry per node and search key (an id often has its label's key), best field kept.
            first: dict[tuple[int, str], tuple[int, int, str]] = {}
            for position, field, text in names:
                key = normalize_name(text)
                if key:
                    first.setdefault((position, key), (position, field, text))
        self._names = names
        self._keys: list[str] = [key for _, key in first]
        self._owners = np.fromiter((position for position, _ in first), dtype=np.int64, count=len(first))
        self._fields: list[int] = [field for _, field, _ in first.values()]
        self._texts: list[str] = [text for _, _, text in first.values()]
        self._lengths = np.fromiter((len(key) for key in self._keys), dtype=np.float32, count=len(first))
        self._by_text: dict[str, dict[int, list[int]]] | None = None
        self._by_key: dict[str, list[int]] | None = None

    def __len__(self) -> int:
        return len(self._keys)

    def exact(self, name: str) -> dict[str, list[str]]:
        """Nodes one of whose names is ``name`` (ignoring case), by field, best field first."""
        if self._by_text is None:
            by_text: dict[str, dict[int, list[int]]] = {}
            for position, field, text in self._names:
                by_text.setdefault(text.casefold().strip(), {}).setdefault(field, []).append(position)
            self._by_text = by_text
        found = self._by_text.get(name.casefold().strip(), {})
        return {FIELDS[field]: _unique(self.nodes[i] for i in found[field]) for field in sorted(found)}

    def same_key(self, name: str) -> dict[str, list[str]]:
        """Nodes with a name whose search key equals that of ``name`` ("interleukin 2" for "IL-2"),
        by field, best field first."""
        if self._by_key is None:
            by_key: dict[str, list[int]] = {}
            for entry, key in enumerate(self._keys):
                by_key.setdefault(key, []).append(entry)
            self._by_key = by_key
        found: dict[int, list[str]] = {}
        for entry in self._by_key.get(normalize_name(name), ()):
            found.setdefault(self._fields[entry], []).append(self.nodes[self._owners[entry]])
        return {FIELDS[field]: _unique(found[field]) for field in sorted(found)}

    def search(self, text: str, *, limit: int = 10, min_score: float = 50.0) -> list[Match]:
        """The best ``limit`` nodes for ``text`` with a score of at least ``min_score``, best first."""
        query = normalize_name(text)
        if not query or not self._keys or limit < 1:
            return []
        ratio = process.cdist([query], self._keys, scorer=fuzz.ratio, dtype=np.float32)[0]
        partial = process.cdist([query], self._keys, scorer=fuzz.partial_ratio, dtype=np.float32)[0]
        # A key shorter than the query can only be part of it: scale by how much of it it covers.
        coverage = np.minimum(self._lengths / len(query), 1.0)
        scores = np.maximum(ratio, partial * (_PARTIAL_WEIGHT * coverage))
        wanted = min(len(scores), limit * 8 + 32)
        candidates = _best(scores, wanted)
        best: dict[int, tuple[float, int, int, int]] = {}  # node -> (-score, field, key length, entry)
        for entry in candidates.tolist():
            key = self._keys[entry]
            score = float(scores[entry])
            if key == query:
                score = 100.0
            elif key.startswith(query) and partial[entry] >= 100.0:
                score = max(score, 100.0 * _PREFIX_WEIGHT)
            if score < min_score:
                continue
            owner = int(self._owners[entry])
            rank = (-score, self._fields[entry], len(key), entry)
            if owner not in best or rank < best[owner]:
                best[owner] = rank
        ordered = sorted(best.items(), key=lambda item: (*item[1][:3], self.nodes[item[0]]))
        return [
            Match(self.nodes[owner], self.labels[owner], round(-negative, 1), FIELDS[field], self._texts[entry])
            for owner, (negative, field, _, entry) in ordered[:limit]
        ]


def _best(scores: np.ndarray, wanted: int) -> np.ndarray:
    """The entries of the ``wanted`` best scores; of those tied at the last place, the first
    (the answer never depends on how numpy's partition picks among equal scores)."""
    if wanted >= len(scores):
        return np.arange(len(scores))
    last = np.partition(scores, len(scores) - wanted)[len(scores) - wanted]
    above = np.flatnonzero(scores > last)
    return np.concatenate([above, np.flatnonzero(scores == last)[: wanted - len(above)]])


_cache: weakref.WeakKeyDictionary[nx.MultiDiGraph, SearchIndex] = weakref.WeakKeyDictionary()
_cache_lock = threading.Lock()


def build_search_index(graph: nx.MultiDiGraph) -> SearchIndex:
    """The search index of ``graph``, built on first use and kept while the graph lives.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("tnf", label="TNF-alpha")
    >>> build_search_index(g) is build_search_index(g)
    True
    """
    require_multidigraph(graph)
    with _cache_lock:
        index = _cache.get(graph)
        if index is not None and index.fingerprint == _fingerprint(graph):
            return index
    index = SearchIndex(graph)
    with _cache_lock:
        _cache[graph] = index
    return index


def search(graph: nx.MultiDiGraph, text: str, *, limit: int = 10, min_score: float = 50.0) -> list[Match]:
    """Nodes whose label, synonyms, id or identifiers match ``text``, best first.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A mechgraph graph; it is not modified.
    text : str
        What to look for. Case, hyphens and spaces, Greek letters or their spelled names,
        "interleukin"/"IL" and small typos do not matter.
    limit : int
        The most matches returned (one per node).
    min_score : float
        Leave out matches scoring below this (0-100).

    Returns
    -------
    list of Match

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("il2", label="IL-2", synonyms=["interleukin-2"])
    >>> g.add_node("tnf", label="TNF-alpha", synonyms=["TNF"])
    >>> g.add_node("cyclosporine", label="Cyclosporine", synonyms=["CsA"])
    >>> [search(g, text, limit=1)[0].node for text in ("il2", "IL-2", "interleukin 2", "TNF-alpha", "TNFa")]
    ['il2', 'il2', 'il2', 'tnf', 'tnf']
    >>> search(g, "cyclosporin")[0]
    Match(node='cyclosporine', label='Cyclosporine', score=95.7, field='label', text='Cyclosporine')
    """
    return build_search_index(graph).search(text, limit=limit, min_score=min_score)


def closest_nodes(graph: nx.MultiDiGraph, name: str, *, limit: int = 5) -> list[tuple[str, str]]:
    """The (id, label) of the nodes closest to ``name``, for a "did you mean" message."""
    if not isinstance(graph, nx.MultiDiGraph):
        return []
    return [(match.node, match.label) for match in build_search_index(graph).search(name, limit=limit, min_score=60.0)]


def _fingerprint(graph: nx.MultiDiGraph) -> tuple[int, int]:
    return (len(graph._node), hash(tuple(graph._node)))


def _unique(values: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(values))
