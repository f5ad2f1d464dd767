"""The causal layered layout: Graphviz ``dot`` through pygraphviz, on label-sized boxes.

``dot`` is the Sugiyama framework done thoroughly (Gansner et al., "A technique for drawing
directed graphs", 1993): cycles are broken by reversing a few relations found by depth-first
search; layers come from network simplex (relations as short as possible, every relation
pointing forwards); the order within a layer minimises crossings (weighted median with
transposition); coordinates come from a second network simplex that keeps chains straight; and
relations are routed as polylines through the free channels between the boxes.

Every node is a fixed-size box the size of its wrapped label (:mod:`mechgraph.layout.labels`),
so layers are as wide as their widest label and no two labels can overlap. Node kind is only a
tie-breaker: an agent that nothing in the view acts on starts in the first layer, an outcome
that acts on nothing ends in the last.

A *path* (a sequence of nodes, each related to the next) is laid out as one straight row: its
relations share a ``group`` (dot keeps a group on one line) and a high weight, and every other
relation that would close a cycle with it stops constraining the layers, so the path runs
left to right in order while the rest of the view is placed above and below it.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence

import networkx as nx

from ..vocabulary import Attr, NodeKind
from .labels import label_box, wrap_label

__all__ = ["EdgeKey", "causal_geometry", "edge_keys", "node_label"]

Position = tuple[float, float]
EdgeKey = tuple[Hashable, Hashable, Hashable]

#: Gap between boxes in one layer and between layers, in points (= pixels at 100% zoom).
_NODE_GAP = 20.0
_RANK_GAP = 48.0
_POINTS_PER_INCH = 72.0
#: Room (points) ``routes_around`` keeps between a route and a box.
_ROUTE_MARGIN = 5.0
#: dot routes hug the boxes it is given: they are this much wider and taller than the label
#: boxes, so that a route never grazes a drawn node's border.
_CLEARANCE = 6.0
_FIRST_KINDS = frozenset({NodeKind.AGENT.value})
_LAST_KINDS = frozenset({NodeKind.OUTCOME.value, NodeKind.CONDITION.value})


def node_label(graph: nx.Graph, node: Hashable) -> str:
    """The text drawn for ``node``: its ``label``, else its id."""
    label = graph.nodes[node].get(Attr.LABEL.value)
    return str(label) if label not in (None, "") else str(node)


def edge_keys(graph: nx.Graph) -> list[EdgeKey]:
    """Every relation as (source, target, key), in a stable order (key 0 in simple graphs)."""
    items = graph.edges(keys=True) if graph.is_multigraph() else ((u, v, 0) for u, v in graph.edges())
    return sorted(items, key=lambda e: (str(e[0]), str(e[1]), str(e[2])))


def causal_geometry(
    graph: nx.Graph, *, top_down: bool = False, path: Sequence[Hashable] = ()
) -> tuple[dict[Hashable, Position], dict[EdgeKey, tuple[Position, ...]]]:
    """Node centres and the bends of each relation's route, in pixels with y pointing down.

    A route is the list of its bend points between the two node centres (empty for a straight
    relation); the drawing is ``source centre, *bends, target centre``, clipped at the boxes.
    """
    import pygraphviz

    nodes = sorted(graph.nodes, key=str)
    name = {node: f"n{i}" for i, node in enumerate(nodes)}
    edges = edge_keys(graph)
    on_path = set(path)
    path_steps = {(a, b) for a, b in zip(path, path[1:])}
    free = _unconstrained(graph, edges, path_steps) if path_steps else set()

    dot = pygraphviz.AGraph(directed=True, strict=False)
    dot.graph_attr.update(
        rankdir="TB" if top_down else "LR",
        splines="polyline",
        nodesep=f"{(_NODE_GAP - _CLEARANCE) / _POINTS_PER_INCH:.3f}",
        ranksep=f"{(_RANK_GAP - _CLEARANCE) / _POINTS_PER_INCH:.3f}",
        ordering="",
        pad="0",
    )
    dot.node_attr.update(shape="box", fixedsize="true", label="")
    dot.edge_attr.update(dir="none")
    firsts, lasts = [], []
    for node in nodes:
        width, height = label_box(wrap_label(node_label(graph, node)))
        width, height = width + _CLEARANCE, height + _CLEARANCE
        attrs = {"width": f"{width / _POINTS_PER_INCH:.4f}", "height": f"{height / _POINTS_PER_INCH:.4f}"}
        if node in on_path:
            attrs["group"] = "path"
        dot.add_node(name[node], **attrs)
        kind = graph.nodes[node].get(Attr.KIND.value)
        if kind in _FIRST_KINDS and not _has_other_predecessor(graph, node):
            firsts.append(name[node])
        elif kind in _LAST_KINDS and not _has_other_successor(graph, node):
            lasts.append(name[node])
    for i, (u, v, _) in enumerate(edges):
        if u == v:
            continue
        attrs = {"key": f"e{i}"}
        if (u, v) in path_steps:
            attrs["weight"] = "100"
        elif i in free:
            attrs["constraint"] = "false"
        dot.add_edge(name[u], name[v], **attrs)
    if firsts and not path_steps:
        dot.add_subgraph(firsts, name="firsts", rank="min")
    if lasts and not path_steps:
        dot.add_subgraph(lasts, name="lasts", rank="max")
    dot.layout(prog="dot")

    top = float(dot.graph_attr["bb"].split(",")[3])
    centres = {node: _point(dot.get_node(name[node]).attr["pos"], top) for node in nodes}
    routes: dict[EdgeKey, tuple[Position, ...]] = {}
    for i, edge in enumerate(edges):
        u, v, _ = edge
        if u == v:
            routes[edge] = ()
            continue
        pos = dot.get_edge(name[u], name[v], key=f"e{i}").attr.get("pos") or ""
        routes[edge] = _bends(pos, top, centres[u], centres[v])
    return centres, routes


def _point(text: str, top: float) -> Position:
    x, y = text.split(",")[:2]
    return float(x), top - float(y)


def _bends(pos: str, top: float, start: Position, end: Position) -> tuple[Position, ...]:
    """The inner vertices of dot's polyline (its control points come in threes), source first."""
    points = [_point(token, top) for token in pos.split() if not token.startswith(("e,", "s,"))]
    if len(points) < 4:
        return ()
    vertices = points[::3]
    if math.dist(vertices[0], start) > math.dist(vertices[0], end):
        vertices.reverse()
    inner = [start, *vertices[1:-1], end]
    kept = [start]
    for k in range(1, len(inner) - 1):
        if not _collinear(kept[-1], inner[k], inner[k + 1]):
            kept.append(inner[k])
    return tuple(kept[1:])


def _collinear(a: Position, b: Position, c: Position, tolerance: float = 1.0) -> bool:
    """Whether ``b`` lies within ``tolerance`` pixels of the line from ``a`` to ``c``."""
    length = math.dist(a, c)
    if length < 1e-9:
        return True
    cross = (c[0] - a[0]) * (b[1] - a[1]) - (c[1] - a[1]) * (b[0] - a[0])
    return abs(cross) / length <= tolerance


def _has_other_predecessor(graph: nx.Graph, node: Hashable) -> bool:
    predecessors = graph.predecessors(node) if graph.is_directed() else graph.neighbors(node)
    return any(other != node for other in predecessors)


def _has_other_successor(graph: nx.Graph, node: Hashable) -> bool:
    successors = graph.successors(node) if graph.is_directed() else graph.neighbors(node)
    return any(other != node for other in successors)


def _unconstrained(graph: nx.Graph, edges: list[EdgeKey], path_steps: set[tuple[Hashable, Hashable]]) -> set[int]:
    """Indices of the relations that would close a cycle with the path's steps (added first)."""
    kept = nx.DiGraph()
    kept.add_nodes_from(graph.nodes)
    kept.add_edges_from(path_steps)
    free: set[int] = set()
    for i, (u, v, _) in enumerate(edges):
        if u == v or (u, v) in path_steps:
            continue
        if kept.has_edge(u, v):
            continue
        if nx.has_path(kept, v, u):
            free.add(i)
        else:
            kept.add_edge(u, v)
    return free


def routes_around(graph: nx.Graph, positions: dict[Hashable, Position]) -> dict[EdgeKey, tuple[Position, ...]]:
    """Routes of every relation around the label boxes, the nodes staying where they are.

    Graphviz's ``nop2`` engine (``neato -n2``) keeps the given positions and routes polylines
    through the free space between the boxes. Where boxes overlap it cannot route, and the
    relations stay straight (Graphviz can abort on overlapping boxes, so they are never handed over).
    """
    import warnings

    import pygraphviz

    nodes = sorted(graph.nodes, key=str)
    name = {node: f"n{i}" for i, node in enumerate(nodes)}
    edges = edge_keys(graph)
    if not nodes or _any_boxes_touch(graph, nodes, positions, gap=_ROUTE_MARGIN * 2 + 1):
        return {edge: () for edge in edges}
    dot = pygraphviz.AGraph(directed=True, strict=False)
    dot.graph_attr.update(splines="polyline", esep=f"+{_ROUTE_MARGIN:g}", pad="0")
    dot.node_attr.update(shape="box", fixedsize="true", label="")
    dot.edge_attr.update(dir="none")
    for node in nodes:
        width, height = label_box(wrap_label(node_label(graph, node)))
        x, y = positions[node]
        dot.add_node(
            name[node], width=f"{width / _POINTS_PER_INCH:.4f}", height=f"{height / _POINTS_PER_INCH:.4f}", pos=f"{x:.2f},{-y:.2f}"
        )
    for i, (u, v, _) in enumerate(edges):
        if u != v:
            dot.add_edge(name[u], name[v], key=f"e{i}")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        dot.layout(prog="nop2")
    # nop2 moves the whole drawing so that its corner is at the origin: measure the shift on a node.
    first = nodes[0]
    moved = _point(dot.get_node(name[first]).attr["pos"], 0.0)
    shift_x, shift_y = moved[0] - positions[first][0], moved[1] - positions[first][1]
    routes: dict[EdgeKey, tuple[Position, ...]] = {}
    for i, edge in enumerate(edges):
        u, v, _ = edge
        if u == v:
            routes[edge] = ()
            continue
        pos = dot.get_edge(name[u], name[v], key=f"e{i}").attr.get("pos") or ""
        start = (positions[u][0] + shift_x, positions[u][1] + shift_y)
        end = (positions[v][0] + shift_x, positions[v][1] + shift_y)
        bends = _bends(pos, 0.0, start, end)
        routes[edge] = tuple((round(x - shift_x, 2), round(y - shift_y, 2)) for x, y in bends)
    return routes


def _any_boxes_touch(graph: nx.Graph, nodes: list[Hashable], positions: dict[Hashable, Position], *, gap: float) -> bool:
    """Whether two label boxes come closer than ``gap`` pixels (sweep over x, then check y)."""
    boxes = []
    for node in nodes:
        width, height = label_box(wrap_label(node_label(graph, node)))
        x, y = positions[node]
        boxes.append((x - width / 2 - gap / 2, x + width / 2 + gap / 2, y - height / 2 - gap / 2, y + height / 2 + gap / 2))
    boxes.sort()
    active: list[tuple[float, float, float, float]] = []
    for box in boxes:
        active = [other for other in active if other[1] > box[0]]
        if any(other[2] < box[3] and box[2] < other[3] for other in active):
            return True
        active.append(box)
    return False
