"""Layouts: deterministic, flowing by kind, keeping given positions, fine on odd graphs."""

from __future__ import annotations

import copy
import math
import random

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mechgraph.layout import (
    EDGE_LENGTH,
    KIND_LAYERS,
    Layout,
    compact_layout,
    compute_layout,
    force_layout,
    kind_columns_layout,
)
from mechgraph.synthetic import synthetic_graph
from mechgraph.vocabulary import NodeKind

METHODS = list(Layout)


def _shuffled_copy(graph: nx.MultiDiGraph, seed: int) -> nx.MultiDiGraph:
    """The same graph built in another order."""
    rng = random.Random(seed)
    nodes = list(graph.nodes(data=True))
    edges = list(graph.edges(keys=True, data=True))
    rng.shuffle(nodes)
    rng.shuffle(edges)
    other = nx.MultiDiGraph()
    other.add_nodes_from(nodes)
    other.add_edges_from(edges)
    return other


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return synthetic_graph(300, seed=4)


@pytest.mark.parametrize("method", METHODS)
def test_same_graph_same_positions_whatever_the_insertion_order(graph: nx.MultiDiGraph, method: Layout) -> None:
    first = compute_layout(graph, method=method)
    assert compute_layout(graph, method=method) == first
    assert compute_layout(_shuffled_copy(graph, 1), method=method) == first


@pytest.mark.parametrize("method", METHODS)
def test_every_node_gets_a_finite_distinct_position(graph: nx.MultiDiGraph, method: Layout) -> None:
    positions = compute_layout(graph, method=method)
    assert set(positions) == set(graph.nodes)
    values = np.array(list(positions.values()))
    assert np.isfinite(values).all()
    assert len({tuple(v) for v in values.tolist()}) == len(values)


@pytest.mark.parametrize("method", METHODS)
def test_layout_does_not_change_the_graph(graph: nx.MultiDiGraph, method: Layout) -> None:
    before = copy.deepcopy(graph)
    compute_layout(graph, method=method)
    assert nx.utils.graphs_equal(graph, before)


def test_seed_changes_the_force_layout_only_when_asked(graph: nx.MultiDiGraph) -> None:
    assert force_layout(graph, seed=1) == force_layout(graph, seed=1)
    assert force_layout(graph, seed=1) != force_layout(graph, seed=2)


def test_layered_layout_flows_from_agents_to_outcomes(graph: nx.MultiDiGraph) -> None:
    positions = kind_columns_layout(graph)
    by_layer: dict[int, list[float]] = {}
    for node, (x, _) in positions.items():
        by_layer.setdefault(KIND_LAYERS[NodeKind(graph.nodes[node]["kind"])], []).append(x)
    layers = sorted(by_layer)
    for earlier, later in zip(layers, layers[1:]):
        assert max(by_layer[earlier]) < min(by_layer[later]), f"layer {earlier} must sit left of layer {later}"


def test_layered_top_down_flows_downwards() -> None:
    g = nx.MultiDiGraph()
    g.add_nodes_from(
        [("a", {"kind": "agent"}), ("t", {"kind": "target"}), ("c", {"kind": "immune_cell"}), ("p", {"kind": "process"}), ("o", {"kind": "outcome"})]
    )
    g.add_edges_from([("a", "t"), ("t", "c"), ("c", "p"), ("p", "o")])
    positions = kind_columns_layout(g, orientation="top-down")
    ys = [positions[node][1] for node in "atcpo"]
    assert ys == sorted(ys) and len(set(ys)) == 5
    assert len({positions[node][0] for node in "atcpo"}) == 1


def test_barycentre_sweeps_uncross_relations() -> None:
    g = nx.MultiDiGraph()
    g.add_nodes_from([("a1", {"kind": "agent"}), ("a2", {"kind": "agent"}), ("t1", {"kind": "target"}), ("t2", {"kind": "target"})])
    g.add_edges_from([("a1", "t2"), ("a2", "t1")])  # in id order these two relations cross
    y = {node: xy[1] for node, xy in kind_columns_layout(g).items()}
    assert (y["a1"] < y["a2"]) == (y["t2"] < y["t1"])


def test_nodes_without_a_known_kind_sit_with_the_targets() -> None:
    g = nx.MultiDiGraph()
    g.add_nodes_from([("x", {}), ("t", {"kind": "target"}), ("a", {"kind": "agent"}), ("z", {"kind": "spaceship"})])
    positions = kind_columns_layout(g)
    assert positions["x"][0] == positions["t"][0] == positions["z"][0] > positions["a"][0]


def test_a_long_layer_wraps_so_the_drawing_suits_a_slide() -> None:
    g = nx.MultiDiGraph()
    g.add_node("drug", kind="agent")
    for i in range(400):
        g.add_node(f"t{i:03}", kind="target")
        g.add_edge("drug", f"t{i:03}")
    positions = kind_columns_layout(g, aspect=16 / 9)
    xs = {round(x) for x, _ in positions.values()}
    assert len(xs) > 3, "the target layer is split into several columns"
    values = np.array(list(positions.values()))
    width, height = np.ptp(values, axis=0)
    assert 16 / 9 / 2.5 < width / height < 16 / 9 * 2.5


def test_small_layers_are_not_wrapped() -> None:
    g = nx.MultiDiGraph()
    g.add_node("drug", kind="agent")
    for i in range(20):
        g.add_node(f"t{i:02}", kind="target")
        g.add_edge("drug", f"t{i:02}")
    positions = kind_columns_layout(g)
    assert len({x for node, (x, _) in positions.items() if node != "drug"}) == 1


def test_given_positions_are_kept_and_the_rest_fitted_near_them(graph: nx.MultiDiGraph) -> None:
    nodes = sorted(graph.nodes)
    given = {node: (1000.0 + 3 * i, -500.0 + (i % 7) * 40) for i, node in enumerate(nodes[:40])}
    for method in METHODS:
        positions = compute_layout(graph, method=method, positions=given)
        assert all(positions[node] == xy for node, xy in given.items())
        rest = np.array([positions[node] for node in nodes[40:]])
        centre = np.array(list(given.values())).mean(axis=0)
        assert np.abs(np.median(rest, axis=0) - centre).max() < 5000, "the other nodes land in the caller's frame"


def test_positions_for_every_node_are_returned_as_given() -> None:
    g = nx.MultiDiGraph([("a", "b")])
    assert compute_layout(g, positions={"a": (1, 2), "b": (3, 4), "not in graph": (0, 0)}) == {"a": (1.0, 2.0), "b": (3.0, 4.0)}


@pytest.mark.parametrize("method", METHODS)
def test_degenerate_graphs(method: Layout) -> None:
    assert compute_layout(nx.MultiDiGraph(), method=method) == {}
    single = nx.MultiDiGraph()
    single.add_node("only")
    assert set(compute_layout(single, method=method)) == {"only"}
    loops = nx.MultiDiGraph([("a", "a"), ("a", "a"), ("b", "b")])
    assert len(set(compute_layout(loops, method=method).values())) == 2


def test_force_layout_keeps_related_nodes_close(graph: nx.MultiDiGraph) -> None:
    positions = force_layout(graph)
    xy = {node: np.array(p) for node, p in positions.items()}
    related = np.median([np.linalg.norm(xy[u] - xy[v]) for u, v in graph.edges() if u != v])
    nodes = sorted(graph.nodes)
    rng = random.Random(0)
    pairs = [(rng.choice(nodes), rng.choice(nodes)) for _ in range(500)]
    unrelated = np.median([np.linalg.norm(xy[u] - xy[v]) for u, v in pairs if u != v])
    assert related < unrelated / 1.5
    assert related == pytest.approx(EDGE_LENGTH, rel=0.05)  # the scale every layout shares


def test_compact_layout_keeps_components_apart() -> None:
    g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y"), ("y", "z")])
    g.add_node("alone")
    positions = compact_layout(g)

    def box(nodes: str | list[str]) -> tuple[float, float, float, float]:
        xs, ys = zip(*(positions[n] for n in nodes))
        return min(xs), min(ys), max(xs), max(ys)

    boxes = [box(["a", "b", "c"]), box(["x", "y", "z"]), box(["alone"])]
    for i, first in enumerate(boxes):
        for second in boxes[i + 1 :]:
            apart = first[2] < second[0] or second[2] < first[0] or first[3] < second[1] or second[3] < first[1]
            assert apart


def test_unknown_method_is_refused() -> None:
    with pytest.raises(ValueError):
        compute_layout(nx.MultiDiGraph([("a", "b")]), method="circular")


@settings(max_examples=40, deadline=None)
@given(
    edges=st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), max_size=40),
    kinds=st.lists(st.sampled_from([k.value for k in NodeKind] + ["?"]), min_size=13, max_size=13),
    method=st.sampled_from(METHODS),
)
def test_any_small_graph_gets_a_deterministic_finite_layout(edges: list[tuple[int, int]], kinds: list[str], method: Layout) -> None:
    g = nx.MultiDiGraph()
    g.add_nodes_from((f"n{i}", {"kind": kinds[i]}) for i in range(13))
    g.add_edges_from((f"n{u}", f"n{v}") for u, v in edges)
    positions = compute_layout(g, method=method)
    assert set(positions) == set(g.nodes)
    assert all(math.isfinite(x) and math.isfinite(y) for x, y in positions.values())
    assert compute_layout(_shuffled_copy(g, 3), method=method) == positions


def test_every_node_kind_has_a_layer_in_mechanism_order() -> None:
    assert set(KIND_LAYERS) == set(NodeKind)
    order = [NodeKind.AGENT, NodeKind.TARGET, NodeKind.IMMUNE_CELL, NodeKind.PROCESS, NodeKind.OUTCOME]
    assert [KIND_LAYERS[kind] for kind in order] == sorted(KIND_LAYERS[kind] for kind in order)
