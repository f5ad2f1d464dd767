"""The causal layout on the agent views of the bundled graph: forwards, no overlaps, routed around nodes."""

from __future__ import annotations

import networkx as nx
import pytest

from mechgraph.graph import read_graph
from mechgraph.layout import Geometry, compute_geometry
from mechgraph.layout_quality import measure
from mechgraph.query import downstream


def _agent_views() -> list[tuple[str, nx.MultiDiGraph]]:
    graph = read_graph()
    agents = sorted(node for node, kind in graph.nodes(data="kind") if kind == "agent")
    return [(agent, downstream(graph, agent, depth=2)) for agent in agents]


VIEWS = _agent_views()


@pytest.mark.parametrize(("agent", "view"), VIEWS, ids=[agent for agent, _ in VIEWS])
def test_agent_view_points_forwards_without_overlaps_or_cut_labels(agent: str, view: nx.MultiDiGraph) -> None:
    quality = measure(view, compute_geometry(view))
    assert (quality.backward, quality.overlaps, quality.cut_off) == (0, 0, 0)


def test_routed_relations_avoid_node_boxes_and_beat_straight_lines() -> None:
    routed = straight = crossings = straight_crossings = 0
    for _, view in VIEWS:
        geometry = compute_geometry(view)
        quality = measure(view, geometry)
        baseline = measure(view, Geometry(geometry.positions, {}, "straight"))
        routed += quality.through_nodes
        straight += baseline.through_nodes
        crossings += quality.crossings
        straight_crossings += baseline.crossings
    assert routed == 0 and straight > 0
    assert crossings <= straight_crossings


def test_same_view_same_geometry() -> None:
    _, view = VIEWS[0]
    assert compute_geometry(view) == compute_geometry(view.copy())


def test_kept_positions_stay_and_relations_are_routed_around_boxes() -> None:
    g = nx.MultiDiGraph([("a", "b"), ("a", "c"), ("c", "b")])
    given = {"a": (0.0, 0.0), "c": (200.0, 0.0), "b": (400.0, 0.0)}
    geometry = compute_geometry(g, positions=given)
    assert geometry.positions == given
    assert geometry.routes[("a", "b", 0)], "a -> b goes around c"
    assert measure(g, geometry).through_nodes == 0


def test_a_path_is_one_left_to_right_row() -> None:
    g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "d"), ("a", "x"), ("x", "d"), ("d", "b")])
    positions = compute_geometry(g, path=["a", "b", "c", "d"]).positions
    xs = [positions[node][0] for node in "abcd"]
    ys = {positions[node][1] for node in "abcd"}
    assert xs == sorted(xs) and len(set(xs)) == 4 and len(ys) == 1
