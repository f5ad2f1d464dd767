"""graph_stats: counts, hubs, betweenness exact and sampled."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from mechgraph.errors import QueryError
from mechgraph.query import filter_graph, graph_stats
from mechgraph.synthetic import synthetic_graph

from .test_query_support import snapshot, toy_graph


def test_counts_on_the_toy_graph() -> None:
    stats = graph_stats(toy_graph())
    assert (stats["nodes"], stats["relations"], stats["components"]) == (15, 17, 2)
    assert stats["by_kind"] == {"target": 5, "agent": 4, "process": 4, "non_immune": 1, "outcome": 1}
    assert stats["by_process"]["secretion"] == 1
    assert stats["by_sign"] == {"increases": 10, "decreases": 4, "unknown": 3}
    assert stats["by_mechanism"] == {"direct": 10, "unspecified": 5, "indirect": 2}
    assert stats["by_relation"]["inhibits"] == 3
    assert sum(stats["by_measurability"].values()) == 17
    json.dumps(stats)


def test_degree_hubs_count_parallel_relations() -> None:
    hubs = graph_stats(toy_graph(), top=3)["hubs"]["degree"]
    assert hubs == [
        {"node": "cn", "label": "Calcineurin", "degree": 5, "in": 3, "out": 2},  # csa inhibits and binds it
        {"node": "il2_tx", "label": "IL-2 transcription", "degree": 5, "in": 3, "out": 2},
        {"node": "imq", "label": "Imiquimod", "degree": 4, "in": 0, "out": 4},
    ]


def test_exact_betweenness_matches_networkx() -> None:
    g = toy_graph()
    expected = nx.betweenness_centrality(nx.DiGraph(g))
    stats = graph_stats(g, top=20)
    assert stats["betweenness"] == "exact"
    got = {hub["node"]: hub["betweenness"] for hub in stats["hubs"]["betweenness"]}
    assert got == {node: round(value, 6) for node, value in expected.items() if value > 0}


def test_sampled_betweenness_is_stable_and_finds_the_same_hubs() -> None:
    g = synthetic_graph(3000, seed=4)
    first = graph_stats(g, exact_limit=100, samples=400, seed=1)
    assert first["betweenness"] == "sampled from 400 sources (seed 1)"
    assert graph_stats(g, exact_limit=100, samples=400, seed=1)["hubs"] == first["hubs"]
    exact = graph_stats(g, top=10)["hubs"]["betweenness"]
    sampled = {hub["node"] for hub in graph_stats(g, top=30, exact_limit=100, samples=400, seed=1)["hubs"]["betweenness"]}
    assert len({hub["node"] for hub in exact[:5]} & sampled) >= 4


def test_stats_of_a_subgraph_and_of_an_empty_graph() -> None:
    sub = filter_graph(toy_graph(), relations=["inhibits"])
    assert graph_stats(sub)["relations"] == 3
    empty = graph_stats(nx.MultiDiGraph())
    assert (empty["nodes"], empty["relations"], empty["hubs"]["degree"]) == (0, 0, [])


def test_bad_arguments_and_input_untouched() -> None:
    g = toy_graph()
    before = snapshot(g)
    graph_stats(g)
    assert snapshot(g) == before
    with pytest.raises(QueryError):
        graph_stats(g, top=-1)
