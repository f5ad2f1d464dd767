"""Routes: around every box for any size dot lays out, kept for nodes that did not move, re-routed for those that did."""

from __future__ import annotations

import networkx as nx
import pytest

from mechgraph.graph import read_graph
from mechgraph.layout import COLUMNS_LIMIT, Geometry, compute_geometry, edge_keys, moved_geometry
from mechgraph.layout._causal import DOT_ROUTES_LIMIT
from mechgraph.layout._routes import BoxIndex, layered_routes
from mechgraph.layout_quality import measure
from mechgraph.query import downstream
from mechgraph.synthetic import synthetic_graph


@pytest.mark.parametrize("relations", [DOT_ROUTES_LIMIT + 50, COLUMNS_LIMIT])
def test_views_beyond_dots_own_router_are_routed_around_every_box(relations: int) -> None:
    graph = synthetic_graph(relations, seed=2)
    geometry = compute_geometry(graph)
    assert geometry.engine == "dot"
    quality = measure(graph, geometry)
    assert (quality.through_nodes, quality.backward, quality.overlaps) == (0, 0, 0)
    assert any(geometry.routes.values()), "some relations bend around boxes"


def test_the_gap_router_threads_a_relation_through_the_gap_of_a_crowded_column() -> None:
    # Column x=0: a, wall_top, wall_bottom; column x=200: two boxes with a gap at y=0; column x=400: b.
    boxes = {
        "a": (0.0, 0.0, 60.0, 30.0),
        "top": (200.0, -40.0, 60.0, 60.0),
        "bottom": (200.0, 45.0, 60.0, 60.0),
        "b": (400.0, 80.0, 60.0, 30.0),
    }
    route = layered_routes(boxes, [("a", "b", 0)])[("a", "b", 0)]
    index = BoxIndex(boxes, margin=0.0)
    line = [(0.0, 0.0), *route, (400.0, 80.0)]
    assert route, "the straight line would cut the bottom box"
    assert all(index.clear(p, q, ("a", "b")) for p, q in zip(line, line[1:]))


def test_parallel_relations_beyond_dots_router_each_get_a_route() -> None:
    graph = synthetic_graph(DOT_ROUTES_LIMIT + 40, seed=4)
    u, v, _ = next(iter(graph.edges(keys=True)))
    graph.add_edge(u, v, key="parallel", relation="activates", sign=1)
    geometry = compute_geometry(graph)
    assert set(geometry.routes) == set(edge_keys(graph))
    assert measure(graph, geometry).through_nodes == 0


@pytest.fixture(scope="module")
def view() -> nx.MultiDiGraph:
    return downstream(read_graph(), "tacrolimus", depth=2)


def test_positions_handed_back_within_a_pixel_keep_every_route(view: nx.MultiDiGraph) -> None:
    drawn = compute_geometry(view)
    handed_back = {node: (x + 0.6, y - 0.4) for node, (x, y) in drawn.positions.items()}
    again = compute_geometry(view, positions=handed_back, drawn=Geometry(drawn.positions, drawn.routes, "dashboard"))
    assert again.routes == drawn.routes
    assert again.positions == handed_back


def test_a_moved_node_re_routes_only_its_relations_and_around_the_boxes(view: nx.MultiDiGraph) -> None:
    drawn = compute_geometry(view)
    mover = max(view.nodes, key=lambda node: view.degree(node))
    x, y = drawn.positions[mover]
    top = min(py for _, py in drawn.positions.values())
    moved = moved_geometry(view, drawn, {**drawn.positions, mover: (x, top - 200.0)})
    assert moved.engine == "dot+kept" and moved.positions[mover] == (x, top - 200.0)
    for edge in edge_keys(view):
        if mover not in edge[:2] and drawn.routes[edge]:
            assert moved.routes[edge] == drawn.routes[edge], f"{edge} did not touch the moved node"
    assert measure(view, moved).through_nodes == 0


def test_a_node_dropped_on_a_kept_route_sends_that_route_around_it(view: nx.MultiDiGraph) -> None:
    drawn = compute_geometry(view)
    u, v, key = next(edge for edge in edge_keys(view) if edge[0] != edge[1])
    a, b = drawn.positions[u], drawn.positions[v]
    middle = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    mover = next(node for node in view.nodes if node not in (u, v) and view.degree(node) == 1)
    moved = moved_geometry(view, drawn, {**drawn.positions, mover: middle})
    line = moved.route(u, v, key)
    index = BoxIndex({mover: (*middle, 40.0, 30.0)}, margin=0.0)
    assert all(index.clear(p, q, (u, v)) for p, q in zip(line, line[1:]))


def test_a_drawn_geometry_is_drawn_again_not_laid_out_anew(view: nx.MultiDiGraph) -> None:
    own = {node: (float(i * 100), float(i % 3) * 80.0) for i, node in enumerate(sorted(view.nodes))}
    drawn = Geometry(own, {}, "dashboard")
    assert compute_geometry(view, drawn=drawn).positions == own
