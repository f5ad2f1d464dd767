"""The Ladybug store answers every query exactly as the graph in memory does (random graphs)."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any
from unittest.mock import patch

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mechgraph.errors import MechgraphError
from mechgraph.query import (
    effects,
    filter_graph,
    neighbourhood,
    reach,
    resolve_node,
    search,
    signed_paths,
)
from mechgraph.query.perturb import perturb
from mechgraph.store import LadybugStore, MemoryStore, queries, write_database
from mechgraph.store import ladybug as ladybug_store
from mechgraph.vocabulary import Mechanism, NodeKind, OutcomePhase, Relation

from .test_query_support import mechanism_graphs

_SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _store(graph: nx.MultiDiGraph, folder: str) -> LadybugStore:
    path = Path(folder) / "graph.lbug"
    write_database(graph, path)
    return LadybugStore(path)


def _graph_value(graph: nx.MultiDiGraph) -> tuple[Any, ...]:
    return (
        dict(graph.nodes(data=True)),
        sorted((u, v, str(key), repr(sorted(data.items()))) for u, v, key, data in graph.edges(keys=True, data=True)),
    )


def _outcome(function: Callable[[], Any], value: Callable[[Any], Any] = lambda result: result) -> Any:
    """The value of an answer, or the type and message of the error raised instead."""
    try:
        return ("ok", value(function()))
    except MechgraphError as error:
        return (type(error).__name__, str(error))


def _report(report: Any) -> Any:
    return report.to_dict()


def _groups(groups: dict[str, list[Any]]) -> Any:
    return {group: [effect.to_dict() for effect in found] for group, found in groups.items()}


def _edge_filtered(filters: dict[str, Any]) -> bool:
    return any(filters.get(name) is not None for name in ("relations", "signs", "mechanisms", "measurable_in", "sources")) or bool(filters.get("context"))


@_SETTINGS
@given(graph=mechanism_graphs(), data=st.data())
def test_ladybug_answers_like_memory(graph: nx.MultiDiGraph, data: st.DataObject) -> None:
    nodes = list(graph.nodes)
    for node in nodes:  # phases, which a perturbation reads one relation beyond the nodes it reaches
        if graph.nodes[node]["kind"] == NodeKind.OUTCOME.value:
            graph.nodes[node]["phase"] = data.draw(st.sampled_from([phase.value for phase in OutcomePhase]), label="phase")
    with tempfile.TemporaryDirectory() as folder, _store(graph, folder) as store:
        assert store.counts() == (graph.number_of_nodes(), graph.number_of_edges())
        assert _graph_value(store.subgraph(nodes)) == _graph_value(graph)
        for node in nodes:
            assert store.node(node) == graph.nodes[node]
            assert store.successors(node) == [(v, key, d) for _, v, key, d in graph.out_edges(node, keys=True, data=True)]

        filters = data.draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "kinds": st.lists(st.sampled_from([kind.value for kind in NodeKind]), max_size=3),
                    "relations": st.lists(st.sampled_from([relation.value for relation in Relation]), max_size=3),
                    "signs": st.lists(st.sampled_from([1, -1, 0, "increases"]), max_size=2),
                    "mechanisms": st.lists(st.sampled_from([*(m.value for m in Mechanism), "unspecified"]), max_size=2),
                    "measurable_in": st.lists(st.sampled_from(["in_vitro", "in_vivo", "unspecified"]), max_size=2),
                    "context": st.fixed_dictionaries({}, optional={"species": st.sampled_from(["human", "mouse", "mur"])}),
                },
            ),
            label="filters",
        )
        assert _outcome(lambda: queries.filter_store(store, **filters), _graph_value) == _outcome(lambda: filter_graph(graph, **filters), _graph_value)

        centre = data.draw(st.lists(st.sampled_from(nodes), min_size=1, max_size=2), label="centre")
        depth = data.draw(st.one_of(st.none(), st.integers(0, 3)), label="depth")
        direction = data.draw(st.sampled_from(["up", "down", "both"]), label="direction")
        found = queries.reach(store, centre, depth=depth, direction=direction)
        assert list(found.items()) == list(reach(graph, centre, depth=depth, direction=direction).items())  # the same order too
        assert _graph_value(queries.neighbourhood(store, centre, depth=depth, direction=direction)) == _graph_value(
            neighbourhood(graph, centre, depth=depth, direction=direction)
        )
        assert _graph_value(queries.upstream(store, centre[0], depth=depth)) == _graph_value(neighbourhood(graph, centre[0], depth=depth, direction="up"))

        text = data.draw(st.one_of(st.sampled_from(["Node 1", "node", "n2", "nod 3", "gene expression", "xyz"]), st.text(max_size=6)), label="text")
        assert queries.search(store, text, limit=5) == search(graph, text, limit=5)
        assert _outcome(lambda: queries.resolve(store, text)) == _outcome(lambda: resolve_node(graph, text))

        mixed = data.draw(st.booleans(), label="mixed_context")
        length = data.draw(st.integers(1, 5), label="max_length")
        for _ in range(4):
            source = data.draw(st.sampled_from(nodes), label="source")
            reached = [node for node in reach(graph, source, depth=None, direction="down") if node != source]
            target = data.draw(st.sampled_from(reached or nodes), label="target")  # mostly a node the source reaches
            ends = {"source": source, "target": target, "k": 3, "max_length": length, "mixed_context": mixed}
            assert _outcome(partial(queries.signed_paths, store, **ends), _report) == _outcome(partial(signed_paths, graph, **ends), _report)
            reached_from = {"agent": source, "max_length": length, "mixed_context": mixed}
            assert _outcome(partial(queries.effects, store, **reached_from), _groups) == _outcome(partial(effects, graph, **reached_from), _groups)
        cap = data.draw(st.integers(1, 6), label="cap")
        capped = queries.neighbourhood_capped(store, centre, depth=depth, direction=direction, max_nodes=cap)
        walked = list(reach(graph, centre, depth=depth, direction=direction))
        assert list(capped.graph) == walked[:cap] and capped.complete == (len(walked) <= cap)  # the first nodes of the walk
        in_memory = queries.neighbourhood_capped(MemoryStore(graph), centre, depth=depth, direction=direction, max_nodes=cap)
        assert (_graph_value(capped.graph), capped.complete) == (_graph_value(in_memory.graph), in_memory.complete)
        with patch.object(ladybug_store, "_WINDOW", data.draw(st.integers(1, 8), label="window")):  # the candidates read in two parts
            first = _outcome(lambda: queries.filter_capped(store, cap, **filters), lambda found: (_graph_value(found.graph), found.complete))
        assert first == _outcome(lambda: queries.filter_capped(MemoryStore(graph), cap, **filters), lambda found: (_graph_value(found.graph), found.complete))
        whole = _outcome(lambda: filter_graph(graph, **filters))
        if whole[0] == "ok":
            size = whole[1].number_of_edges() if _edge_filtered(filters) else whole[1].number_of_nodes()
            assert first[1][1] == (size <= cap)
        given_nodes = data.draw(st.lists(st.sampled_from(nodes), max_size=2, unique=True), label="given")
        blocked = data.draw(st.lists(st.sampled_from(nodes), max_size=1), label="blocked")
        assert _outcome(lambda: queries.perturb(store, given_nodes, block=blocked, max_length=length, mixed_context=mixed), _report) == _outcome(
            lambda: perturb(graph, given_nodes, block=blocked, max_length=length, mixed_context=mixed), _report
        )


def test_memory_store_is_the_graph() -> None:
    from .test_query_support import toy_graph

    graph = toy_graph()
    store = MemoryStore(graph)
    assert queries.resolve(store, "CsA") == "csa"
    assert _report(queries.signed_paths(store, "csa", "il2")) == _report(signed_paths(graph, "csa", "il2"))
    assert store.counts() == (15, 17)
