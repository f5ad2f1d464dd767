"""Properties of the queries over random graphs (hypothesis): signs multiply, filters are idempotent,
neighbourhoods grow with depth, paths are the best ones, and no input graph is ever changed."""

from __future__ import annotations

from typing import Any

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mechgraph.query import effects, filter_graph, graph_stats, neighbourhood, reach, search, signed_paths
from mechgraph.vocabulary import Direction, NodeKind, Relation, Sign

from .test_query_paths import all_ranked_paths
from .test_query_support import mechanism_graphs, snapshot

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

filters = st.fixed_dictionaries(
    {},
    optional={
        "kinds": st.lists(st.sampled_from([k.value for k in NodeKind]), max_size=4),
        "relations": st.lists(st.sampled_from([r.value for r in Relation]), max_size=4),
        "signs": st.lists(st.sampled_from([-1, 0, 1]), max_size=2),
        "mechanisms": st.lists(st.sampled_from(["direct", "indirect", "unspecified"]), max_size=2),
        "measurable_in": st.lists(st.sampled_from(["in_vitro", "in_vivo", "unspecified"]), max_size=2),
        "agent_classes": st.lists(st.sampled_from(["immunostimulant", "immunosuppressant", "both"]), max_size=2),
        "routes": st.lists(st.sampled_from(["oral", "topical"]), max_size=2),
        "sources": st.lists(st.sampled_from(["A", "B", "C"]), max_size=2),
        "context": st.dictionaries(st.just("species"), st.sampled_from(["hum", "MOUSE"]), max_size=1),
    },
)


def content(graph: nx.MultiDiGraph) -> tuple[Any, ...]:
    return (sorted(graph.nodes), sorted((u, v, k) for u, v, k in graph.edges(keys=True)))


@SETTINGS
@given(graph=mechanism_graphs(), data=st.data())
def test_net_sign_is_the_product_of_step_signs(graph: nx.MultiDiGraph, data: st.DataObject) -> None:
    source, target = data.draw(st.sampled_from(sorted(graph))), data.draw(st.sampled_from(sorted(graph)))
    if source == target:
        return
    report = signed_paths(graph, source, target, k=4, max_length=5)
    for path in report.paths:
        product = 1
        for step in path.steps:
            product *= graph.edges[step.u, step.v, step.key]["sign"]
        assert path.sign is Sign(product)
        assert (path.sign is Sign.UNKNOWN) == any(step.sign is Sign.UNKNOWN for step in path.steps)
    signs = {path.sign for path in report.paths}
    assert report.disagree == ({Sign.INCREASES, Sign.DECREASES} <= signs)


@SETTINGS
@given(graph=mechanism_graphs(), data=st.data())
def test_signed_paths_are_the_k_best_simple_paths(graph: nx.MultiDiGraph, data: st.DataObject) -> None:
    source, target = data.draw(st.sampled_from(sorted(graph))), data.draw(st.sampled_from(sorted(graph)))
    k, max_length = data.draw(st.integers(1, 6)), data.draw(st.integers(1, 5))
    if source == target:
        return
    report = signed_paths(graph, source, target, k=k, max_length=max_length)
    expected = all_ranked_paths(graph, source, target, max_length)
    assert [path.rank for path in report.paths] == [rank for rank, _ in expected[:k]]
    for path in report.paths:
        assert path.nodes[0] == source and path.nodes[-1] == target
        assert len(set(path.nodes)) == len(path.nodes) <= max_length + 1
    # Distinct routes: no two paths differ only in parallel relations of one sign.
    assert len({(path.nodes, tuple(step.sign for step in path.steps)) for path in report.paths}) == len(report.paths)
    for path in report.paths:
        for step in path.steps:
            same_sign = {key for key, data in graph[step.u][step.v].items() if data["sign"] == int(step.sign)}
            assert set(step.ids) == same_sign


@SETTINGS
@given(graph=mechanism_graphs(), data=st.data())
def test_effects_reach_processes_and_outcomes_by_their_best_path(graph: nx.MultiDiGraph, data: st.DataObject) -> None:
    agent = data.draw(st.sampled_from(sorted(graph)))
    found = effects(graph, agent, max_length=4)
    reachable = reach(graph, agent, depth=4, direction=Direction.DOWN)
    processes = {n for n in reachable if n != agent and graph.nodes[n]["kind"] in ("process", "outcome")}
    mixed = effects(graph, agent, max_length=4, mixed_context=True)
    assert {effect.node for group in mixed.values() for effect in group} == processes
    # By default only what some path within one context reaches.
    expected = {n for n in processes if all_ranked_paths(graph, agent, n, 4)}
    assert {effect.node for group in found.values() for effect in group} == expected
    for group, members in found.items():
        for effect in members:
            kind = graph.nodes[effect.node]["kind"]
            assert group == ("outcome" if kind == "outcome" else graph.nodes[effect.node]["process"])
            assert effect.path.rank == all_ranked_paths(graph, agent, effect.node, 4)[0][0]
            assert effect.sign is effect.path.sign


@SETTINGS
@given(graph=mechanism_graphs(), arguments=filters)
def test_filters_are_idempotent(graph: nx.MultiDiGraph, arguments: dict[str, Any]) -> None:
    once = filter_graph(graph, **arguments)
    twice = filter_graph(once, **arguments)
    assert snapshot(twice) == snapshot(once)


@SETTINGS
@given(graph=mechanism_graphs(), first=filters, second=filters)
def test_filters_only_remove_and_relation_filters_commute(graph: nx.MultiDiGraph, first: dict[str, Any], second: dict[str, Any]) -> None:
    result = filter_graph(graph, **first)
    assert set(result) <= set(graph)
    assert set(result.edges(keys=True)) <= set(graph.edges(keys=True))
    for u, v, key, data in result.edges(keys=True, data=True):
        assert data == graph.edges[u, v, key]
    relation_only = {"relations", "signs", "mechanisms", "measurable_in", "sources", "context"}
    a = {name: value for name, value in first.items() if name in relation_only}
    b = {name: value for name, value in second.items() if name in relation_only}
    assert content(filter_graph(filter_graph(graph, **a), **b)) == content(filter_graph(filter_graph(graph, **b), **a))


@SETTINGS
@given(graph=mechanism_graphs(), data=st.data())
def test_neighbourhoods_grow_with_depth(graph: nx.MultiDiGraph, data: st.DataObject) -> None:
    centre = data.draw(st.lists(st.sampled_from(sorted(graph)), min_size=1, max_size=2))
    direction = data.draw(st.sampled_from(list(Direction)))
    previous = neighbourhood(graph, centre, depth=0, direction=direction)
    assert set(previous) == set(centre)
    for depth in range(1, 5):
        current = neighbourhood(graph, centre, depth=depth, direction=direction)
        assert set(previous) <= set(current)
        assert set(previous.edges(keys=True)) <= set(current.edges(keys=True))
        previous = current
    unlimited = neighbourhood(graph, centre, depth=None, direction=direction)
    assert set(previous) <= set(unlimited)
    if direction is Direction.BOTH:
        expected: set[str] = set().union(*(nx.node_connected_component(graph.to_undirected(as_view=True), n) for n in centre))
        assert set(unlimited) == expected


@SETTINGS
@given(graph=mechanism_graphs(), data=st.data())
def test_input_graphs_are_never_changed(graph: nx.MultiDiGraph, data: st.DataObject) -> None:
    before = snapshot(graph)
    nodes = sorted(graph)
    a, b = data.draw(st.sampled_from(nodes)), data.draw(st.sampled_from(nodes))
    results = [
        filter_graph(graph, signs=[1], kinds=["agent", "target", "process"]),
        neighbourhood(graph, a, depth=2),
    ]
    if a != b:
        signed_paths(graph, a, b)
    effects(graph, a)
    search(graph, "Node 1")
    graph_stats(graph)
    for result in results:  # changing a result leaves the input alone
        for _, node_data in result.nodes(data=True):
            node_data["label"] = "changed"
        for _, _, edge_data in result.edges(data=True):
            edge_data["sign"] = 99
        result.add_node("new")
    assert snapshot(graph) == before
