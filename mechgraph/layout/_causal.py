"""The causal layered layout: Graphviz ``dot`` through pygraphviz, on label-sized boxes.

``dot`` is the Sugiyama framework done thoroughly (Gansner et al., "A technique for drawing
directed graphs", 1993): cycles are broken by reversing a few relations found by depth-first
search; layers come from network simplex (relations as short as possible, every relation
pointing forwards); the order within a layer minimises crossings (weighted median with
transposition); coordinates come from a second network simplex that keeps chains straight.
Up to :data:`DOT_ROUTES_LIMIT` relations, dot also routes them as polylines through the free
channels between the boxes. Beyond, its router would take most of the time (about 1 s of 1.4 s
at 570 relations), so it is switched off (``splines=false``), parallel relations are handed
over as one edge of their summed weight, and relations are routed in Python through the gaps
between the boxes (:mod:`mechgraph.layout._routes`).

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
from itertools import pairwise

import networkx as nx

from ..vocabulary import Attr, NodeKind
from ._routes import BoxIndex, layered_routes
from .labels import label_box, wrap_label

__all__ = ["EdgeKey", "causal_geometry", "edge_keys", "node_label"]

Position = tuple[float, float]
EdgeKey = tuple[Hashable, Hashable, Hashable]

#: Gap between boxes in one layer and between layers, in points (= pixels at 100% zoom).
_NODE_GAP = 20.0
_RANK_GAP = 48.0
_POINTS_PER_INCH = 72.0
#: dot is given boxes this much wider and taller than the label boxes: room for routes between them.
_CLEARANCE = 6.0
#: dot's effort beyond :data:`FULL_EFFORT_LIMIT` relations: iterations of its network simplex
#: (ranks, then coordinates) per node, and the factor on its crossing-minimisation passes.
#: Graphviz's defaults (unbounded, 1.0) take 5x the time at 570 relations; below the limit they
#: are kept, as a few iterations per node are too few to straighten a small view's chains.
_EFFORT = "0.3"
FULL_EFFORT_LIMIT = 150
#: Up to this many relations dot routes them itself (its polylines follow the order it chose for
#: the virtual nodes of long relations: about half the crossings of the gap router on the agent
#: views); beyond, its router would cost more than the rest of the layout, and the gap router
#: of :mod:`mechgraph.layout._routes` takes over.
DOT_ROUTES_LIMIT = 300
_FIRST_KINDS = frozenset({NodeKind.AGENT.value})
_LAST_KINDS = frozenset({NodeKind.OUTCOME.value, NodeKind.CONDITION.value})
#: A node with more leaves than this has every second leaf drawn one rank further.
STAGGER_FROM = 6


def node_label(graph: nx.Graph, node: Hashable) -> str:
    """The text drawn for ``node``: its ``label``, else its id."""
    label = graph.nodes[node].get(Attr.LABEL.value)
    return str(label) if label not in (None, "") else str(node)


def edge_keys(graph: nx.Graph) -> list[EdgeKey]:
    """Every relation as (source, target, key), in a stable order (key 0 in simple graphs)."""
    items = graph.edges(keys=True) if graph.is_multigraph() else ((u, v, 0) for u, v in graph.edges())
    return sorted(items, key=lambda e: (str(e[0]), str(e[1]), str(e[2])))


def causal_geometry(
    graph: nx.Graph, *, top_down: bool = False, path: Sequence[Hashable] = (), effort: str | None = _EFFORT
) -> tuple[dict[Hashable, Position], dict[EdgeKey, tuple[Position, ...]]]:
    """Node centres and the bends of each relation's route, in pixels with y pointing down.

    A route is the list of its bend points between the two node centres (empty for a straight
    relation); the drawing is ``source centre, *bends, target centre``, clipped at the boxes.
    ``effort`` bounds dot's iterations above :data:`FULL_EFFORT_LIMIT` relations (see :data:`_EFFORT`);
    None leaves Graphviz's defaults (the benchmark's reference).
    """
    import pygraphviz

    nodes = sorted(graph.nodes, key=str)
    name = {node: f"n{i}" for i, node in enumerate(nodes)}
    edges = edge_keys(graph)
    on_path = set(path)
    path_steps = {(a, b) for a, b in zip(path, path[1:])}
    free = _unconstrained(graph, edges, path_steps) if path_steps else set()

    dot_routes = len(edges) <= DOT_ROUTES_LIMIT
    dot = pygraphviz.AGraph(directed=True, strict=False)
    dot.graph_attr.update(
        rankdir="TB" if top_down else "LR",
        splines="polyline" if dot_routes else "false",
        nodesep=f"{(_NODE_GAP - _CLEARANCE) / _POINTS_PER_INCH:.3f}",
        ranksep=f"{(_RANK_GAP - _CLEARANCE) / _POINTS_PER_INCH:.3f}",
        ordering="",
        pad="0",
    )
    if effort is not None and len(edges) > FULL_EFFORT_LIMIT:
        dot.graph_attr.update(nslimit=effort, nslimit1=effort, mclimit=effort)
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
    # Beyond DOT_ROUTES_LIMIT parallel relations are one dot edge as heavy as they are together.
    pairs: dict[tuple[Hashable, ...], list[int]] = {}
    for i, (u, v, _) in enumerate(edges):
        if u != v:
            pairs.setdefault((u, v, i) if dot_routes else (u, v), []).append(i)
    staggered = _staggered_leaves(graph, on_path | set(lasts_of(graph)))
    for pair, members in pairs.items():
        u, v = pair[0], pair[1]
        attrs = {"key": f"e{members[0]}", "weight": "100" if (u, v) in path_steps else str(len(members))}
        if (u, v) not in path_steps and members[0] in free:
            attrs["constraint"] = "false"
        elif (u, v) in staggered:
            attrs["minlen"] = "2"
        dot.add_edge(name[u], name[v], **attrs)
    if firsts and not path_steps:
        dot.add_subgraph(firsts, name="firsts", rank="min")
    if lasts and not path_steps:
        dot.add_subgraph(lasts, name="lasts", rank="max")
    dot.layout(prog="dot")

    top = float(dot.graph_attr["bb"].split(",")[3])
    centres = {node: _point(dot.get_node(name[node]).attr["pos"], top) for node in nodes}
    boxes = {node: (*centres[node], *label_box(wrap_label(node_label(graph, node)))) for node in nodes}
    if not dot_routes:
        return centres, layered_routes(boxes, edges, top_down=top_down, rank_gap=_RANK_GAP)
    routes: dict[EdgeKey, tuple[Position, ...]] = {}
    for i, edge in enumerate(edges):
        u, v, _ = edge
        pos = (dot.get_edge(name[u], name[v], key=f"e{i}").attr.get("pos") or "") if u != v else ""
        routes[edge] = _bends(pos, top, centres[u], centres[v]) if pos else ()
    # With bounded effort dot's router can graze a box in a crowded rank: those go through the gaps.
    index = BoxIndex(boxes, margin=0.0)
    grazing = [
        edge
        for edge in edges
        if edge[0] != edge[1] and not all(index.clear(a, b, edge[:2]) for a, b in pairwise((centres[edge[0]], *routes[edge], centres[edge[1]])))
    ]
    if grazing:
        routes.update(layered_routes(boxes, grazing, top_down=top_down, rank_gap=_RANK_GAP))
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


def lasts_of(graph: nx.Graph) -> list[Hashable]:
    """Outcomes and conditions that act on nothing in the view: they end the flow (last rank)."""
    return [node for node in graph.nodes if graph.nodes[node].get(Attr.KIND.value) in _LAST_KINDS and not _has_other_successor(graph, node)]


def _staggered_leaves(graph: nx.Graph, keep: set[Hashable]) -> set[tuple[Hashable, Hashable]]:
    """Relations to every second child of a wide fan (a node with more than :data:`STAGGER_FROM`
    children that nothing else in the view acts on), to be drawn one rank further.

    Stacked in one rank, a fan of fifteen leaves is a column fifteen boxes tall, and fitting it to
    a wide screen shrinks every label; two staggered ranks halve the column and use the width.
    Every relation still points forward.

    >>> g = nx.MultiDiGraph([("hub", f"leaf{i}") for i in range(8)])
    >>> sorted(v for _, v in _staggered_leaves(g, set()))
    ['leaf1', 'leaf3', 'leaf5', 'leaf7']
    """
    staggered: set[tuple[Hashable, Hashable]] = set()
    for node in graph.nodes:
        leaves = sorted(
            (child for child in set(graph.successors(node)) if child != node and child not in keep and set(graph.predecessors(child)) == {node}),
            key=lambda child: (graph.out_degree(child) > 0, str(child)),
        )
        if len(leaves) > STAGGER_FROM:
            staggered.update((node, leaf) for leaf in leaves[1::2])
    return staggered


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
