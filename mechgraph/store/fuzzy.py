"""Typo-tolerant search over a large store's names, scoring only the names that can rank.

:func:`mechgraph.query.search` scores every search key of a graph twice (rapidfuzz's ratio and
partial ratio: about 1 s for the million keys of 350,000 nodes), then ranks the best
``limit * 8 + 32`` of them. :class:`FuzzyIndex` finds those same keys without scoring them all:

- each key's letters and digits are counted once (a column of counts per character, the rest in
  one column), so the characters a key shares with a query (``c``, counted with repeats) come
  from a few vector operations;
- no score can pass a bound of ``c``: a ratio is ``200 * LCS / (len(query) + len(key))`` and the
  longest common subsequence has at most ``c`` characters; a partial ratio compares the shorter
  text with pieces of the longer no longer than it, each at most ``200 * c / (shorter + c)``;
- the keys with the highest bounds are scored exactly (16,384 of them), then every key whose bound
  reaches the ``limit * 8 + 32``-th best score found, so that score is above the bound of every
  key left out: those cannot be among the best.

The search then ranks those keys as :meth:`mechgraph.query.SearchIndex.search` does (the same
code, on the same keys: of keys tied at the last place ranked, the first in the graph's order), so
the answer is the one of the whole index.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
from rapidfuzz import fuzz, process

from ..query.search import Match, SearchIndex, _best, build_search_index, normalize_name

__all__ = ["FuzzyIndex"]

#: Letters and digits counted one by one; every other character is counted in one column.
_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789"
_OTHER = len(_ALPHABET)
#: rapidfuzz compares long texts another way (and counts are kept in bytes): such a query scores every key.
_LONGEST = 60
_ROUNDING = 0.001  # scores and bounds are float32: a score may pass its bound by its rounding
_MARGIN = 0.01
#: Keys scored first (those with the highest bounds), to learn how high the last ranked score is.
_FIRST = 16_384


class _Part(SearchIndex):
    """Some keys of a :class:`SearchIndex` (in their order), searched by its own code."""

    def __init__(self, whole: SearchIndex, entries: np.ndarray, keys: list[str], fields: list[int], texts: list[str], owners: np.ndarray) -> None:
        self.nodes, self.labels = whole.nodes, whole.labels
        self._keys = [keys[entry] for entry in entries.tolist()]
        self._fields = [fields[entry] for entry in entries.tolist()]
        self._texts = [texts[entry] for entry in entries.tolist()]
        self._owners = owners[entries]
        self._lengths = np.fromiter((len(key) for key in self._keys), dtype=np.float32, count=len(self._keys))


class FuzzyIndex:
    """:func:`mechgraph.query.search` over a graph's names, scoring only the keys that can rank.

    >>> g = nx.MultiDiGraph()
    >>> for number in range(300):
    ...     g.add_node(f"n{number}", label=f"protein {number}")
    >>> g.add_node("il2", label="IL-2", synonyms=["interleukin-2"])
    >>> from mechgraph.query import search
    >>> FuzzyIndex(g).search("interleukn 2", limit=3) == search(g, "interleukn 2", limit=3)
    True
    """

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.index = index = build_search_index(graph)
        self._keys: list[str] = index._keys
        self._fields: list[int] = index._fields
        self._texts: list[str] = index._texts
        self._owners: np.ndarray = index._owners
        self._lengths: np.ndarray = index._lengths
        self._counts = _character_counts(self._keys)

    def search(self, text: str, *, limit: int = 10, min_score: float = 50.0) -> list[Match]:
        """What :meth:`SearchIndex.search` answers."""
        query = normalize_name(text)
        total = len(self._keys)
        wanted = min(total, limit * 8 + 32) if limit >= 1 else 0
        if not query or len(query) > _LONGEST or wanted == 0 or wanted * 4 >= total:
            return self.index.search(text, limit=limit, min_score=min_score)
        bounds = self._bounds(query)
        # First the keys with the highest bounds: the score ranked last among them is at most the
        # one ranked last among all keys, so every key above it by its bound is scored next.
        first = min(total, max(_FIRST, wanted * 4))
        threshold = float(np.partition(bounds, total - first)[total - first])
        for _ in range(2):
            entries = np.flatnonzero(bounds >= threshold)
            keys = [self._keys[entry] for entry in entries.tolist()]
            scores = _scores(query, keys, self._lengths[entries])
            if len(scores) < wanted:
                break
            last = float(np.partition(scores, len(scores) - wanted)[len(scores) - wanted])  # the score ranked last
            if last > threshold + _ROUNDING:  # no key left out can rank (each is below its bound)
                return self._part(np.sort(entries[_best(scores, wanted)])).search(text, limit=limit, min_score=min_score)
            threshold = last - _MARGIN
        return self.index.search(text, limit=limit, min_score=min_score)

    def _part(self, entries: np.ndarray) -> _Part:
        return _Part(self.index, entries, self._keys, self._fields, self._texts, self._owners)

    def _bounds(self, query: str) -> np.ndarray:
        """The highest score each key can have for ``query`` (from the characters they share)."""
        counts = list(_count_row(query).items())
        shared_bytes = np.minimum(self._counts[counts[0][0]], counts[0][1])
        for column, count in counts[1:]:
            shared_bytes += np.minimum(self._counts[column], count)  # at most len(query) <= _LONGEST: no overflow
        shared = shared_bytes.astype(np.float32)
        length = np.float32(len(query))
        keys = self._lengths
        ratio = np.float32(200.0) * shared / (length + keys)
        partial = np.float32(200.0) * shared / (np.minimum(keys, length) + np.maximum(shared, np.float32(1.0)))
        result: np.ndarray = np.maximum(ratio, partial * (np.float32(0.9) * np.minimum(keys / length, np.float32(1.0))))
        return result


def _scores(query: str, keys: list[str], lengths: np.ndarray) -> np.ndarray:
    """The scores :meth:`SearchIndex.search` ranks keys by, before its boosts (the same arithmetic)."""
    ratio = process.cdist([query], keys, scorer=fuzz.ratio, dtype=np.float32)[0]
    partial = process.cdist([query], keys, scorer=fuzz.partial_ratio, dtype=np.float32)[0]
    coverage = np.minimum(lengths / len(query), 1.0)
    result: np.ndarray = np.maximum(ratio, partial * (0.9 * coverage))
    return result


def _column(character: str) -> int:
    found = _ALPHABET.find(character)
    return _OTHER if found < 0 else found


def _count_row(text: str) -> dict[int, int]:
    counts: dict[int, int] = {}
    for character in text:
        column = _column(character)
        counts[column] = counts.get(column, 0) + 1
    return counts


def _character_counts(keys: list[str]) -> list[np.ndarray]:
    """For each column, how often its character occurs in each key (at most 255)."""
    size = len(keys)
    if not size:
        return [np.zeros(0, dtype=np.uint8) for _ in range(_OTHER + 1)]
    codes = np.frombuffer("".join(keys).encode("utf-32-le"), dtype=np.uint32)
    owners = np.repeat(np.arange(size, dtype=np.int64), np.fromiter((len(key) for key in keys), dtype=np.int64, count=size))
    table = np.full(128, _OTHER, dtype=np.int64)
    for column, character in enumerate(_ALPHABET):
        table[ord(character)] = column
    columns = np.where(codes < 128, table[np.minimum(codes, 127)], _OTHER)
    counts = np.bincount(owners * (_OTHER + 1) + columns, minlength=size * (_OTHER + 1)).reshape(size, _OTHER + 1)
    clipped = np.minimum(counts, 255).astype(np.uint8)
    return [np.ascontiguousarray(clipped[:, column]) for column in range(_OTHER + 1)]
