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
#: The threshold of the keys bounded more tightly first is read from every this many keys' bounds.
_STRIDE = 16
#: Keys scored in threads (rapidfuzz's) from this many.
_PARALLEL = 20_000
#: Queries up to this long get the tighter bounds of :meth:`FuzzyIndex._refined` (longer ones are
#: told apart well enough by their characters, and cost more to bound by their ends).
_REFINED = 24
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
        self._key_array = np.array(self._keys, dtype=object)
        self._characters = _Characters(self._keys)
        self._counts = self._characters.counts

    def search(self, text: str, *, limit: int = 10, min_score: float = 50.0) -> list[Match]:
        """What :meth:`SearchIndex.search` answers."""
        query = normalize_name(text)
        total = len(self._keys)
        wanted = min(total, limit * 8 + 32) if limit >= 1 else 0
        if not query or len(query) > _LONGEST or wanted == 0 or wanted * 4 >= total:
            return self.index.search(text, limit=limit, min_score=min_score)
        bounds = self._bounds(query)
        shared_bigrams = self._characters.shared_bigrams(query) if len(query) <= _REFINED else None
        # First the keys with the highest bounds: the score ranked last among them is at most the
        # one ranked last among all keys, so every key above it by its bound is scored next.
        # First a few keys with the highest bounds (the tighter bounds among those the looser puts
        # highest): the score ranked last among them is at most the one ranked last among all
        # keys, so only the keys whose bounds reach it are scored next.
        first = min(total, max(_FIRST, wanted * 4))
        wide = min(total, first * 8)
        sample = bounds[::_STRIDE] if total > _STRIDE * wide else bounds  # a threshold that keeps about ``wide`` keys
        kept = max(1, len(sample) * wide // total)
        below = float(np.partition(sample, len(sample) - kept)[len(sample) - kept])
        entries = np.flatnonzero(bounds >= below)
        refined = self._refined(query, entries, shared_bigrams)
        threshold = below if wide < total else -1.0  # the highest bound of a key left out
        if len(entries) > first:
            order = np.argpartition(-refined, first)
            threshold = max(threshold, float(refined[order[first]]))
            entries = np.sort(entries[order[:first]])  # the order of the keys breaks ties
        floor = 0.0
        for _ in range(3):
            if len(entries) >= wanted:
                keys = self._key_array[entries].tolist()
                scores = _scores(query, keys, self._lengths[entries], max(floor, 0.0))
                last = float(np.partition(scores, len(scores) - wanted)[len(scores) - wanted])  # the score ranked last
                if last > threshold + _ROUNDING:  # no key left out can rank (each is below its bound)
                    return self._part(np.sort(entries[_best(scores, wanted)])).search(text, limit=limit, min_score=min_score)
                threshold = floor = last - _MARGIN
            else:
                threshold = floor = -1.0
            entries = np.flatnonzero(bounds >= threshold)
            entries = entries[self._refined(query, entries, shared_bigrams) >= threshold]
        return self.index.search(text, limit=limit, min_score=min_score)

    def _refined(self, query: str, entries: np.ndarray, shared_bigrams: np.ndarray | None) -> np.ndarray:
        """Tighter bounds for some keys (those longer than the query): a partial ratio compares
        the query with pieces of the key as long as it anywhere, or shorter at either end.

        A piece as long as the query (``n``) with a common subsequence of ``L`` characters keeps
        at least ``3L - 2n - 1`` of the query's bigrams (each character of the query left out
        breaks two, each of the piece's one more), so ``L <= (bigrams + 2n + 1) / 3``; a shorter
        piece at an end scores at most ``200 c / (n + c)`` with ``c`` the characters the key's
        first (or last) ``n - 1`` share with the query."""
        bounds: np.ndarray = self._bounds(query, entries)
        if shared_bigrams is None or len(query) < 2:
            return bounds
        longer = self._lengths[entries] > len(query)
        chosen = entries[longer]
        n = np.float32(len(query))
        shared = self._shared(query, chosen)
        whole = np.minimum(np.minimum(shared, np.floor((shared_bigrams[chosen] + 2 * n + 1) / 3)), n)
        ends = self._characters.shared_at_ends(query, chosen).astype(np.float32)
        partial = np.maximum(np.float32(100.0) * whole / n, np.float32(200.0) * ends / (n + np.maximum(ends, np.float32(1.0))))
        ratio = np.float32(200.0) * shared / (n + self._lengths[chosen])
        bounds[longer] = np.maximum(ratio, np.float32(0.9) * partial)
        return bounds

    def _part(self, entries: np.ndarray) -> _Part:
        return _Part(self.index, entries, self._keys, self._fields, self._texts, self._owners)

    def _shared(self, query: str, entries: np.ndarray | None = None) -> np.ndarray:
        """For each key (or those of ``entries``), the characters it shares with ``query``, counted with repeats."""
        counts = list(_count_row(query).items())
        columns = [self._counts[column] if entries is None else self._counts[column][entries] for column, _ in counts]
        shared = np.minimum(columns[0], counts[0][1])
        for held, (_, count) in zip(columns[1:], counts[1:], strict=True):
            shared += np.minimum(held, count)  # at most len(query) <= _LONGEST: no overflow
        result: np.ndarray = shared.astype(np.float32)
        return result

    def _bounds(self, query: str, entries: np.ndarray | None = None) -> np.ndarray:
        """The highest score each key (or those of ``entries``) can have for ``query``, from the
        characters they share."""
        shared = self._shared(query, entries)
        length = np.float32(len(query))
        keys = self._lengths if entries is None else self._lengths[entries]
        ratio = np.float32(200.0) * shared / (length + keys)
        partial = np.float32(200.0) * shared / (np.minimum(keys, length) + np.maximum(shared, np.float32(1.0)))
        result: np.ndarray = np.maximum(ratio, partial * (np.float32(0.9) * np.minimum(keys / length, np.float32(1.0))))
        return result


def _scores(query: str, keys: list[str], lengths: np.ndarray, floor: float = 0.0) -> np.ndarray:
    """The scores :meth:`SearchIndex.search` ranks keys by, before its boosts (the same
    arithmetic); a score below ``floor`` may come out lower than it is (rapidfuzz then stops
    early), one above it is exact."""
    workers = -1 if len(keys) > _PARALLEL else 1
    ratio = process.cdist([query], keys, scorer=fuzz.ratio, dtype=np.float32, score_cutoff=floor, workers=workers)[0]
    partial = process.cdist([query], keys, scorer=fuzz.partial_ratio, dtype=np.float32, score_cutoff=floor / 0.9, workers=workers)[0]
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


class _Characters:
    """The characters of every key, laid end to end, with what bounds need of them: each key's
    count of each column, and for each pair of characters (a bigram) the keys that hold it."""

    def __init__(self, keys: list[str]) -> None:
        size = len(keys)
        self.lengths = np.fromiter((len(key) for key in keys), dtype=np.int64, count=size)
        self.starts = np.concatenate([[0], np.cumsum(self.lengths)[:-1]]).astype(np.int64) if size else np.zeros(0, dtype=np.int64)
        codes = np.frombuffer("".join(keys).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
        owners = np.repeat(np.arange(size, dtype=np.int64), self.lengths)
        table = np.full(128, _OTHER, dtype=np.int64)
        for column, character in enumerate(_ALPHABET):
            table[ord(character)] = column
        self.columns = np.where(codes < 128, table[np.minimum(codes, 127)], _OTHER).astype(np.int8)
        counts = np.bincount(owners * (_OTHER + 1) + self.columns, minlength=size * (_OTHER + 1)).reshape(size, _OTHER + 1)
        clipped = np.minimum(counts, 255).astype(np.uint8)
        self.counts = [np.ascontiguousarray(clipped[:, column]) for column in range(_OTHER + 1)]
        # bigram (of columns) -> the keys holding it: keys in the order of their bigrams' codes
        inside = owners[1:] == owners[:-1]
        pairs = (self.columns[:-1].astype(np.int16) * (_OTHER + 1) + self.columns[1:])[inside]
        self.holders = owners[:-1][inside][np.argsort(pairs, kind="stable")].astype(np.int32)
        self.offsets = np.concatenate([[0], np.cumsum(np.bincount(pairs, minlength=(_OTHER + 1) ** 2))])

    def shared_bigrams(self, query: str) -> np.ndarray:
        """For each key, how many of the query's bigrams (each place) it holds (characters other
        than letters and digits count as one)."""
        found = np.zeros(len(self.lengths), dtype=np.int16)
        for first, second in zip(query, query[1:], strict=False):
            code = _column(first) * (_OTHER + 1) + _column(second)
            found[self.holders[self.offsets[code] : self.offsets[code + 1]]] += 1  # a key holding it twice counts once
        return found

    def shared_at_ends(self, query: str, entries: np.ndarray) -> np.ndarray:
        """For keys longer than the query, the most characters (counted with repeats) that their
        first or their last ``len(query) - 1`` characters share with it."""
        span = len(query) - 1
        wanted = _count_row(query)
        best = np.zeros(len(entries), dtype=np.int16)
        for start in (self.starts[entries], self.starts[entries] + self.lengths[entries] - span):
            window = [self.columns[start + offset] for offset in range(span)]
            shared = np.zeros(len(entries), dtype=np.int16)
            for column, count in wanted.items():
                held = np.zeros(len(entries), dtype=np.int16)
                for characters in window:
                    held += characters == column
                shared += np.minimum(held, count)
            best = np.maximum(best, shared)
        return best
