"""Where every node goes and how every relation runs: one geometry for the dashboard and every export.

:func:`compute_geometry` returns node centres *and* the route of each relation (its bend points
between the two centres), in screen pixels at 100% zoom (x to the right, y *down*: the
convention of cytoscape.js, vis-network and SVG). The dashboard, the HTML page and the images
all draw these same routes, so a view looks the same everywhere; the images are made without a
browser because the geometry is computed here, in Python, not by a renderer.

The engines:

- ``layered`` (the default) follows cause and effect. Up to :data:`COLUMNS_LIMIT` relations it is
  Graphviz ``dot`` (see :mod:`mechgraph.layout._causal`): layers from the direction of the
  relations, crossings minimised, chains straight, node boxes sized by their wrapped labels and
  relations routed as polylines around the boxes (by dot up to 300 relations, beyond through the
  gaps between the boxes by :mod:`mechgraph.layout._routes`). Beyond, it is the kind-columns
  overview of :func:`kind_columns_layout`, linear in the size of the graph, with straight relations.
- ``force`` (igraph's Fruchterman-Reingold) and ``compact`` (Kamada-Kawai per component) draw
  relations straight.

Why dot. Measured with ``benchmarks/bench_layout.py`` on the 33 agent views of the bundled graph
(see docs/layout.md): dot with routed polylines has no backward relation, no overlapping label
and no relation through a node, in about 2 ms a view. The alternatives were judged on their
design, not measured: igraph's Sugiyama has no label-sized nodes nor edge routing; grandalf is
pure Python; dagre and klay run in the browser only, so images could not share their geometry.
pygraphviz 2 publishes manylinux wheels that bundle Graphviz, so ``pip install`` is all it takes.
dot with its default effort is slow on big graphs (about 15 s at 1,100 relations, most of it
in its edge router and its coordinate network simplex); with bounded effort and our own router
a 200-node view (571 relations) takes about 0.27 s and 800 relations about 0.65 s, hence
:data:`COLUMNS_LIMIT` (measured by the benchmark; see docs/layout.md).

Deterministic: nodes and relations are handed to every engine sorted by id, random starts are
seeded, and dot is deterministic for a given input. Positions the caller passes (say, from the
dashboard) are kept; the other nodes are laid out and fitted into the caller's frame, and the
relations touching a node that moved are re-routed around the boxes where the nodes now stand
(:func:`moved_geometry`); every other relation keeps the layout's route, so an export of a view
handed back by the dashboard draws what the screen shows.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("drug", kind="agent"); g.add_node("il2", kind="target"); g.add_node("death", kind="outcome")
>>> _ = g.add_edge("drug", "il2"); _ = g.add_edge("il2", "death")
>>> positions = compute_layout(g, method="layered")
>>> positions["drug"][0] < positions["il2"][0] < positions["death"][0]
True
>>> compute_layout(g, method="force") == compute_layout(g, method="force")
True
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import networkx as nx
import numpy as np

from ._causal import EdgeKey, causal_geometry, edge_keys, node_label
from ._classic import (
    EDGE_LENGTH,
    KIND_LAYERS,
    Orientation,
    Position,
    compact_layout,
    fit_into,
    force_layout,
    kind_columns_layout,
)
from ._routes import BoxIndex, detour
from .labels import drawn_size, label_box, wrap_label

__all__ = [
    "COLUMNS_LIMIT",
    "EDGE_LENGTH",
    "KIND_LAYERS",
    "EdgeKey",
    "Geometry",
    "Layout",
    "Orientation",
    "Position",
    "compact_layout",
    "compute_geometry",
    "compute_layout",
    "drawn_size",
    "edge_keys",
    "force_layout",
    "kind_columns_layout",
    "label_box",
    "layered_layout",
    "moved_geometry",
    "node_label",
    "wrap_label",
]

#: Above this many relations, ``layered`` is the linear kind-columns overview instead of dot.
COLUMNS_LIMIT = 800
#: Pixels a node may be off its drawn position and still count as not moved (the browser
#: hands positions back as rounded floats).
MOVE_TOLERANCE = 1.0


class Layout(StrEnum):
    """The layout engines."""

    LAYERED = "layered"
    FORCE = "force"
    COMPACT = "compact"


@dataclass(frozen=True, slots=True)
class Geometry:
    """Node centres and relation routes in pixels (y down), and the engine that made them.

    ``routes`` maps each relation (source, target, key) to its bend points between the two
    centres; a relation missing or with no bends is drawn straight.
    """

    positions: dict[Hashable, Position]
    routes: dict[EdgeKey, tuple[Position, ...]] = field(default_factory=dict)
    engine: str = "none"

    def route(self, source: Hashable, target: Hashable, key: Hashable = 0) -> tuple[Position, ...]:
        """The whole polyline of a relation: source centre, bends, target centre."""
        bends = self.routes.get((source, target, key), ())
        return (self.positions[source], *bends, self.positions[target])


def compute_geometry(
    graph: nx.Graph,
    *,
    method: Layout | str = Layout.LAYERED,
    positions: Mapping[Hashable, Sequence[float]] | None = None,
    seed: int = 0,
    orientation: Orientation | str = Orientation.LEFT_RIGHT,
    aspect: float = 16 / 9,
    path: Sequence[Hashable] = (),
    drawn: Geometry | None = None,
) -> Geometry:
    """Positions of every node of ``graph`` and the route of every relation.

    Parameters
    ----------
    graph
        Any networkx graph; ``label`` sizes the boxes, ``kind`` breaks ties (agents first).
    method
        ``layered``, ``force`` or ``compact`` (see the module).
    positions
        Known positions (x, y) to keep. Nodes not in ``graph`` are ignored; the other nodes are
        laid out, then scaled and moved into the frame of the given ones.
    seed
        Seed of the random start of ``force`` and ``compact``.
    orientation
        Flow of the ``layered`` layout: ``left-right`` or ``top-down``.
    aspect
        Width / height the kind-columns overview aims for (16/9 suits slides).
    path
        Nodes of a path to lay out as one straight row in order (``layered`` only), the rest of
        the view around it.
    drawn
        A geometry already drawn for these nodes (say, the dashboard's), used instead of a new
        layout when it places every node; with ``positions``, the routes of relations whose two
        ends did not move are kept (see :func:`moved_geometry`).

    Examples
    --------
    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("a", "c")])
    >>> geometry = compute_geometry(g)
    >>> geometry.engine, len(geometry.route("a", "b", 0))
    ('dot', 2)
    >>> len(geometry.route("a", "c", 0)) > 2  # routed around b
    True
    """
    method = Layout(method)
    orientation = Orientation(orientation)
    given = {node: (float(xy[0]), float(xy[1])) for node, xy in (positions or {}).items() if node in graph}
    if graph.number_of_nodes() == 0:
        return Geometry({}, {}, "none")
    routes: dict[EdgeKey, tuple[Position, ...]] = {}
    causal = method is Layout.LAYERED and graph.number_of_edges() <= COLUMNS_LIMIT
    if drawn is not None and all(node in drawn.positions for node in graph.nodes):
        computed, routes, engine = {node: drawn.positions[node] for node in graph.nodes}, dict(drawn.routes), drawn.engine
    elif causal:
        computed, routes = causal_geometry(graph, top_down=orientation is Orientation.TOP_DOWN, path=tuple(p for p in path if p in graph))
        computed, routes = _centred(computed, routes)
        engine = "dot"
    elif method is Layout.LAYERED:
        computed, engine = kind_columns_layout(graph, orientation=orientation, aspect=aspect), "kind-columns"
    elif method is Layout.FORCE:
        computed, engine = force_layout(graph, seed=seed), "force"
    else:
        computed, engine = compact_layout(graph, seed=seed), "compact"
    if not given:
        return Geometry(computed, routes, engine)
    fitted = computed if len(given) == graph.number_of_nodes() else fit_into(computed, given)
    fitted = {**fitted, **given}
    if not routes:
        return Geometry(fitted, {}, engine)
    return moved_geometry(graph, Geometry(computed, routes, engine), fitted)


def moved_geometry(graph: nx.Graph, geometry: Geometry, positions: Mapping[Hashable, Sequence[float]]) -> Geometry:
    """``geometry`` with the nodes at ``positions``: routes kept where neither end moved, the others re-routed.

    A node moved when it is more than :data:`MOVE_TOLERANCE` pixels from where ``geometry`` put
    it. A relation touching a moved node, or whose kept route now runs through a moved node's
    box, is drawn straight when that is clear and otherwise around the boxes in its way through
    one or two box corners (:func:`mechgraph.layout._routes.detour`), in milliseconds.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("a", "c")])
    >>> drawn = compute_geometry(g)
    >>> same = moved_geometry(g, drawn, {n: (x + 0.4, y) for n, (x, y) in drawn.positions.items()})
    >>> same.routes == drawn.routes
    True
    >>> ax, ay = drawn.positions["a"]
    >>> moved = moved_geometry(g, drawn, {**drawn.positions, "a": (ax, ay + 300)})
    >>> moved.routes[("b", "c", 0)] == drawn.routes[("b", "c", 0)], moved.engine
    (True, 'dot+kept')
    """
    placed = {node: (float(positions[node][0]), float(positions[node][1])) if node in positions else geometry.positions[node] for node in graph.nodes}
    moved = {node for node in graph.nodes if math.dist(placed[node], geometry.positions[node]) > MOVE_TOLERANCE}
    if not moved:
        return Geometry(placed, dict(geometry.routes), geometry.engine)
    boxes = {node: (*placed[node], *label_box(wrap_label(node_label(graph, node)))) for node in graph.nodes}
    index = BoxIndex(boxes)
    moved_only = BoxIndex({node: boxes[node] for node in moved})
    routes: dict[EdgeKey, tuple[Position, ...]] = {}
    for edge in edge_keys(graph):
        u, v, _ = edge
        bends = geometry.routes.get(edge, ())
        if u == v:
            routes[edge] = bends
            continue
        if u not in moved and v not in moved:
            line = (placed[u], *bends, placed[v])
            if all(moved_only.clear(a, b, (u, v)) for a, b in zip(line, line[1:])):
                routes[edge] = bends
                continue
        routes[edge] = detour(index, placed[u], placed[v], (u, v))
    engine = geometry.engine if geometry.engine.endswith("+kept") else geometry.engine + "+kept"
    return Geometry(placed, routes, engine)


def compute_layout(graph: nx.Graph, **options: Any) -> dict[Hashable, Position]:
    """Positions of every node of ``graph`` (node -> (x, y), y down): :func:`compute_geometry`
    (with the same keyword options) without routes.

    Examples
    --------
    >>> g = nx.path_graph(4, create_using=nx.MultiDiGraph)
    >>> kept = compute_layout(g, method="compact", positions={0: (5, 5), 1: (205, 5)})
    >>> kept[0], kept[1]
    ((5.0, 5.0), (205.0, 5.0))
    >>> sorted(compute_layout(g, method="force"))
    [0, 1, 2, 3]
    """
    return compute_geometry(graph, **options).positions


def layered_layout(graph: nx.Graph, *, orientation: Orientation | str = Orientation.LEFT_RIGHT, path: Sequence[Hashable] = ()) -> dict[Hashable, Position]:
    """The causal layered positions (dot), whatever the size of the graph.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c")])
    >>> xy = layered_layout(g)
    >>> xy["a"][0] < xy["b"][0] < xy["c"][0] and xy["a"][1] == xy["b"][1] == xy["c"][1]
    True
    """
    if graph.number_of_nodes() == 0:
        return {}
    positions, routes = causal_geometry(graph, top_down=Orientation(orientation) is Orientation.TOP_DOWN, path=tuple(path))
    return _centred(positions, routes)[0]


def _centred(
    positions: dict[Hashable, Position], routes: dict[EdgeKey, tuple[Position, ...]]
) -> tuple[dict[Hashable, Position], dict[EdgeKey, tuple[Position, ...]]]:
    """Moved so that the middle of the node centres is the origin, rounded to 0.01 px."""
    xy = np.array(list(positions.values()))
    middle = (xy.min(axis=0) + xy.max(axis=0)) / 2
    dx, dy = float(middle[0]), float(middle[1])

    def moved(point: Position) -> Position:
        return (round(point[0] - dx, 2) + 0.0, round(point[1] - dy, 2) + 0.0)

    return (
        {node: moved(point) for node, point in positions.items()},
        {edge: tuple(moved(point) for point in bends) for edge, bends in routes.items()},
    )
