"""The store's fuzzy search scores only the names that can rank, and answers as the search in memory."""

from __future__ import annotations

from unittest.mock import patch

import networkx as nx
import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from mechgraph.query import search
from mechgraph.query.search import normalize_name
from mechgraph.store import MemoryStore, fuzzy
from mechgraph.store.fuzzy import FuzzyIndex, _Characters, _count_row

_LETTERS = "abcil2-α "
_names = st.text(alphabet=_LETTERS, min_size=1, max_size=12)


def _graph(labels: list[str], synonyms: list[list[str]]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for number, label in enumerate(labels):
        graph.add_node(f"n{number}", kind="target", label=label, synonyms=synonyms[number % len(synonyms)] if synonyms else [])
    return graph


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    labels=st.lists(_names, min_size=1, max_size=160),
    synonyms=st.lists(st.lists(_names, max_size=2), max_size=5),
    text=st.one_of(_names, st.text(max_size=8)),
    limit=st.integers(1, 4),
)
def test_fuzzy_search_answers_as_in_memory(labels: list[str], synonyms: list[list[str]], text: str, limit: int) -> None:
    graph = _graph(labels, synonyms)
    assert FuzzyIndex(graph).search(text, limit=limit) == search(graph, text, limit=limit)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(
    labels=st.lists(_names, min_size=60, max_size=300),
    text=st.one_of(_names, st.sampled_from(["a", "b", "il", "c2"])),
    limit=st.integers(1, 3),
    first=st.integers(1, 120),
)
def test_a_part_scored_first_answers_as_in_memory(labels: list[str], text: str, limit: int, first: int) -> None:
    """With few keys scored first (as on a million names), the answer is still the whole index's."""
    graph = _graph(labels, [])
    with patch.object(fuzzy, "_FIRST", first), patch.object(fuzzy, "_PARALLEL", 50):
        assert FuzzyIndex(graph).search(text, limit=limit) == search(graph, text, limit=limit)


@settings(max_examples=400, deadline=None)
@given(query=st.text(alphabet=_LETTERS + "xyz09", min_size=1, max_size=20), key=st.text(alphabet=_LETTERS + "xyz09", min_size=1, max_size=30))
def test_no_score_passes_its_bound(query: str, key: str) -> None:
    """The bound from shared characters is never below the score the search ranks by."""
    query = normalize_name(query) or "a"
    graph = nx.MultiDiGraph()
    graph.add_node("x", label=key)
    index = FuzzyIndex(graph)
    entries = np.arange(len(index._keys))
    refined = index._refined(query, entries, index._characters.shared_bigrams(query))
    for known, bound, tighter in zip(index._keys, index._bounds(query).tolist(), refined.tolist(), strict=True):
        score = max(fuzz.ratio(query, known), fuzz.partial_ratio(query, known) * 0.9 * min(len(known) / len(query), 1.0))
        assert bound + 0.01 >= score and tighter + 0.01 >= score, known


def test_characters_are_counted_per_key() -> None:
    characters = _Characters(["aab", "b2é", "x"])
    counts = characters.counts
    assert [int(counts[0][i]) for i in range(3)] == [2, 0, 0]  # a
    assert [int(counts[1][i]) for i in range(3)] == [1, 1, 0]  # b
    assert [int(counts[-1][i]) for i in range(3)] == [0, 1, 0]  # anything else
    assert characters.shared_bigrams("aabx").tolist() == [2, 0, 0]  # "aa" and "ab" at two places of the query
    assert _count_row("aab") == {0: 2, 1: 1}


def test_ties_among_many_names_are_broken_as_in_memory() -> None:
    """One letter matches thousands of names equally: the first in the graph's order rank."""
    from mechgraph.synthetic import synthetic_graph

    graph = synthetic_graph(20_000, seed=5)
    index = FuzzyIndex(graph)
    for text, limit in (("R", 1), ("D", 10), ("Raminib", 3), ("Demiriin9", 10)):
        assert index.search(text, limit=limit) == search(graph, text, limit=limit)


def test_a_large_index_scores_only_a_part_and_agrees() -> None:
    rng = np.random.default_rng(3)
    words = ["interleukin", "tumor", "necrosis", "factor", "receptor", "kinase", "alpha", "beta", "cd", "t cell"]
    labels = [" ".join(rng.choice(words, size=2)) + f" {number}" for number in range(3000)]
    graph = _graph(labels, [])
    store = MemoryStore(graph)
    index = store.fuzzy()
    for text in ("interleukn 12", "tumour necrosis", "kinase 2999", "cd4", "zzzz", "b", "r", "il"):
        assert index.search(text, limit=10) == search(graph, text, limit=10)
