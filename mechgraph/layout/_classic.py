"""The fast engines: kind columns (for overviews of big graphs), force-directed and compact.

- ``kind_columns_layout`` places nodes in columns by kind (agent -> metabolite -> target -> cell
  -> process -> outcome), ordered within a column by a few barycentre sweeps in numpy: linear in
  the size of the graph, so it stays the overview of graphs too big for the causal layout;
- ``force_layout`` is igraph's Fruchterman-Reingold (a fraction of a second at 10,000 relations);
- ``compact_layout`` is igraph's Kamada-Kawai per connected component, packed in rows, falling
  back to Fruchterman-Reingold on large components.

Nodes are ordered by id before anything else, random starts come from a seeded generator, and
igraph's random number generator is pinned while it runs, so the same graph always gets the same
positions.
"""

from __future__ import annotations

import math
import random
import threading
from collections.abc import Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import networkx as nx
import numpy as np

from ..vocabulary import Attr, NodeKind

__all__ = [
    "EDGE_LENGTH",
    "KIND_LAYERS",
    "Orientation",
    "Position",
    "compact_layout",
    "fit_into",
    "force_layout",
    "kind_columns_layout",
]

Position = tuple[float, float]


class Orientation(StrEnum):
    """Which way a layered layout flows."""

    LEFT_RIGHT = "left-right"
    TOP_DOWN = "top-down"


#: The layer (column) of each node kind: how a mechanism reads, from cause to effect.
KIND_LAYERS: dict[NodeKind, int] = {
    NodeKind.AGENT: 0,
    NodeKind.METABOLITE: 1,
    NodeKind.TARGET: 2,
    NodeKind.IMMUNE_CELL: 3,
    NodeKind.NON_IMMUNE: 3,
    NodeKind.PROCESS: 4,
    NodeKind.OUTCOME: 5,
    NodeKind.CONDITION: 5,
    NodeKind.THERAPY: 5,
}
_UNKNOWN_KIND_LAYER = KIND_LAYERS[NodeKind.TARGET]

#: Typical length of a relation in pixels, the scale of every layout.
EDGE_LENGTH = 150.0

#: Above this many nodes in a component, ``compact`` uses Fruchterman-Reingold (Kamada-Kawai is quadratic).
COMPACT_KAMADA_KAWAI_LIMIT = 400


@dataclass(frozen=True, slots=True)
class _Spacing:
    layer_gap: float  # between layers, along the flow
    column_gap: float  # between the sub-columns of a wrapped layer, along the flow
    row_gap: float  # between neighbours in a layer, across the flow


# Labels are written horizontally below nodes, so nodes side by side need more room than stacked ones.
_SPACING = {
    Orientation.LEFT_RIGHT: _Spacing(layer_gap=300.0, column_gap=180.0, row_gap=48.0),
    Orientation.TOP_DOWN: _Spacing(layer_gap=170.0, column_gap=60.0, row_gap=150.0),
}

_igraph_lock = threading.Lock()


def fit_into(computed: dict[Hashable, Position], given: dict[Hashable, Position]) -> dict[Hashable, Position]:
    """Scale and move ``computed`` so that the shared nodes land near ``given``; keep ``given``."""
    shared = list(given)
    source = np.array([computed[node] for node in shared])
    target = np.array([given[node] for node in shared])
    source_spread = float(np.sqrt(((source - source.mean(axis=0)) ** 2).sum(axis=1).mean()))
    target_spread = float(np.sqrt(((target - target.mean(axis=0)) ** 2).sum(axis=1).mean()))
    scale = target_spread / source_spread if len(shared) > 1 and source_spread > 0 and target_spread > 0 else 1.0
    shift = target.mean(axis=0) - scale * source.mean(axis=0)
    fitted = {node: (round(float(x * scale + shift[0]), 2), round(float(y * scale + shift[1]), 2)) for node, (x, y) in computed.items()}
    fitted.update(given)
    return fitted


def _ordered(graph: nx.Graph) -> tuple[list[Hashable], np.ndarray, np.ndarray]:
    """Nodes sorted by id and the edges as two index arrays, without self-loops."""
    nodes = sorted(graph.nodes, key=str)
    index = {node: i for i, node in enumerate(nodes)}
    pairs = [(index[u], index[v]) for u, v in graph.edges() if u != v]
    if not pairs:
        empty = np.zeros(0, dtype=np.int64)
        return nodes, empty, empty
    array = np.array(pairs, dtype=np.int64)
    return nodes, array[:, 0], array[:, 1]


def _as_positions(nodes: list[Hashable], xy: np.ndarray) -> dict[Hashable, Position]:
    xy = np.round(xy, 2) + 0.0  # + 0.0 turns -0.0 into 0.0, so equal layouts print equally
    return {node: (float(x), float(y)) for node, (x, y) in zip(nodes, xy.tolist())}


def kind_columns_layout(
    graph: nx.Graph,
    *,
    orientation: Orientation | str = Orientation.LEFT_RIGHT,
    aspect: float = 16 / 9,
    sweeps: int = 4,
) -> dict[Hashable, Position]:
    """Columns by node kind, ordered within a column to shorten relations.

    Each kind has a layer (:data:`KIND_LAYERS`). Within a layer, nodes start in id order and
    are reordered by the mean position of their neighbours in other layers, sweeping down
    the layers and back up (``sweeps`` passes). A layer too long for the page is wrapped into
    several staggered sub-columns, so that the whole drawing has roughly the ``aspect`` asked.

    >>> g = nx.MultiDiGraph()
    >>> for node, kind in [("a", "agent"), ("t1", "target"), ("t2", "target"), ("o", "outcome")]:
    ...     g.add_node(node, kind=kind)
    >>> _ = g.add_edge("a", "t2"); _ = g.add_edge("t1", "o")
    >>> xy = kind_columns_layout(g, orientation="top-down")
    >>> xy["a"][1] < xy["t1"][1] == xy["t2"][1] < xy["o"][1]
    True
    """
    orientation = Orientation(orientation)
    nodes, sources, targets = _ordered(graph)
    count = len(nodes)
    if count == 0:
        return {}
    layers = np.array([_layer_of(graph.nodes[node].get(Attr.KIND.value)) for node in nodes], dtype=np.int64)
    present = sorted(set(layers.tolist()))
    members = {layer: np.flatnonzero(layers == layer) for layer in present}

    # Barycentre sweeps over the edges that cross layers, in both directions.
    crossing = layers[sources] != layers[targets]
    ends_a = np.concatenate([sources[crossing], targets[crossing]])
    ends_b = np.concatenate([targets[crossing], sources[crossing]])
    rank = np.zeros(count)
    for layer in present:
        group = members[layer]
        rank[group] = (np.arange(len(group)) + 0.5) / len(group)
    neighbour_count = np.bincount(ends_a, minlength=count)
    for sweep in range(sweeps):
        for layer in present if sweep % 2 == 0 else present[::-1]:
            group = members[layer]
            sums = np.bincount(ends_a, weights=rank[ends_b], minlength=count)[group]
            counts = neighbour_count[group]
            barycentre = np.where(counts > 0, sums / np.maximum(counts, 1), rank[group])
            order = group[np.lexsort((rank[group], barycentre))]
            members[layer] = order
            rank[order] = (np.arange(len(order)) + 0.5) / len(order)

    spacing = _SPACING[orientation]
    sizes = [len(members[layer]) for layer in present]
    rows = _rows_for_aspect(sizes, spacing, aspect if orientation is Orientation.LEFT_RIGHT else 1 / aspect)
    along = np.zeros(count)
    across = np.zeros(count)
    offset = 0.0
    for layer, size in zip(present, sizes):
        order = members[layer]
        columns = max(1, math.ceil(size / rows))
        k = np.arange(size)
        along[order] = offset + (k % columns) * spacing.column_gap
        # Staggered: each next node is a fraction of a row further, so the order still reads down the layer.
        across[order] = (k - (size - 1) / 2) * spacing.row_gap / columns
        offset += (columns - 1) * spacing.column_gap + spacing.layer_gap
    xy = np.column_stack([along, across] if orientation is Orientation.LEFT_RIGHT else [across, along])
    return _as_positions(nodes, xy)


def _layer_of(kind: object) -> int:
    return KIND_LAYERS.get(kind, _UNKNOWN_KIND_LAYER) if isinstance(kind, str) else _UNKNOWN_KIND_LAYER  # type: ignore[call-overload]


def _rows_for_aspect(sizes: list[int], spacing: _Spacing, aspect: float) -> int:
    """The longest a sub-column may be so that the drawing's along/across ratio is near ``aspect``.

    Layers of up to :data:`_MIN_ROWS` nodes are never wrapped: in a small view, a straight column
    reads better than a drawing of the right shape.
    """
    largest = max(sizes)
    smallest_cap = min(largest, _MIN_ROWS)
    best, best_error = largest, math.inf
    rows = float(largest)
    while True:
        cap = max(smallest_cap, int(rows))
        columns = [max(1, math.ceil(size / cap)) for size in sizes]
        length = sum((c - 1) * spacing.column_gap for c in columns) + (len(sizes) - 1) * spacing.layer_gap + spacing.column_gap
        breadth = max(size / c for size, c in zip(sizes, columns)) * spacing.row_gap + spacing.row_gap
        error = abs(math.log(length / breadth) - math.log(aspect))
        if error < best_error - 1e-12:
            best, best_error = cap, error
        if cap == smallest_cap:
            return best
        rows = min(rows / 1.15, cap - 1)


_MIN_ROWS = 24


@contextmanager
def _pinned_igraph_random(seed: int) -> Iterator[None]:
    """igraph's layouts draw from a global generator: pin it to ``seed`` while they run."""
    import igraph

    with _igraph_lock:
        igraph.set_random_number_generator(random.Random(seed))
        try:
            yield
        finally:
            igraph.set_random_number_generator(random)


def _igraph(count: int, sources: np.ndarray, targets: np.ndarray):  # type: ignore[no-untyped-def]
    import igraph

    pairs: Any = np.unique(np.sort(np.column_stack([sources, targets]), axis=1), axis=0) if len(sources) else []
    return igraph.Graph(n=count, edges=[tuple(pair) for pair in np.asarray(pairs).tolist()], directed=False)


def _normalise(xy: np.ndarray, sources: np.ndarray, targets: np.ndarray) -> np.ndarray:
    """Centre on the origin and scale so that the median relation is :data:`EDGE_LENGTH` long."""
    if len(xy) == 0:
        return xy
    xy = xy - xy.mean(axis=0)
    lengths = np.hypot(*(xy[sources] - xy[targets]).T) if len(sources) else np.zeros(0)
    lengths = lengths[lengths > 1e-9]
    if len(lengths):
        xy = xy * (EDGE_LENGTH / float(np.median(lengths)))
    elif len(xy) > 1:
        xy = xy * (EDGE_LENGTH / max(float(np.ptp(xy, axis=0).max()), 1e-9))
    return xy


def force_layout(graph: nx.Graph, *, seed: int = 0, iterations: int = 500) -> dict[Hashable, Position]:
    """igraph's Fruchterman-Reingold from a seeded random start.

    >>> xy = force_layout(nx.cycle_graph(5))
    >>> len(xy), xy == force_layout(nx.cycle_graph(5))
    (5, True)
    """
    nodes, sources, targets = _ordered(graph)
    if not nodes:
        return {}
    xy = _fruchterman_reingold(len(nodes), sources, targets, seed=seed, iterations=iterations)
    return _as_positions(nodes, _normalise(xy, sources, targets))


def _fruchterman_reingold(count: int, sources: np.ndarray, targets: np.ndarray, *, seed: int, iterations: int) -> np.ndarray:
    if count == 1:
        return np.zeros((1, 2))
    # A start spread like igraph's own random start keeps its grid fast (a wider one is 20x slower).
    half = math.sqrt(count) / 2
    start = np.random.default_rng(seed).uniform(-half, half, size=(count, 2))
    graph = _igraph(count, sources, targets)
    with _pinned_igraph_random(seed):
        coords = graph.layout_fruchterman_reingold(seed=start.tolist(), niter=iterations, grid="auto").coords
    return np.array(coords, dtype=float)


def compact_layout(graph: nx.Graph, *, seed: int = 0) -> dict[Hashable, Position]:
    """Kamada-Kawai per connected component, components packed in rows, largest first.

    >>> g = nx.MultiDiGraph([(0, 1), (1, 2), (3, 4)])
    >>> xy = compact_layout(g)
    >>> sorted(xy) == [0, 1, 2, 3, 4] and xy == compact_layout(g)
    True
    """
    nodes, sources, targets = _ordered(graph)
    count = len(nodes)
    if count == 0:
        return {}
    components, labels = _components(count, sources, targets)
    local = np.zeros(count, dtype=np.int64)
    edge_order = np.argsort(labels[sources], kind="stable")
    edge_labels = labels[sources][edge_order]
    placed: list[tuple[np.ndarray, np.ndarray]] = []
    for label, component in enumerate(components):
        local[component] = np.arange(len(component))
        lo, hi = np.searchsorted(edge_labels, [label, label + 1])
        inside = edge_order[lo:hi]
        sub_sources, sub_targets = local[sources[inside]], local[targets[inside]]
        size = len(component)
        if size == 1:
            xy = np.zeros((1, 2))
        elif size <= COMPACT_KAMADA_KAWAI_LIMIT:
            xy = _kamada_kawai(size, sub_sources, sub_targets, seed=seed)
        else:
            xy = _fruchterman_reingold(size, sub_sources, sub_targets, seed=seed, iterations=300)
        xy = _normalise(xy, sub_sources, sub_targets)
        placed.append((component, xy))
    return _as_positions(nodes, _pack(count, placed))


def _kamada_kawai(count: int, sources: np.ndarray, targets: np.ndarray, *, seed: int) -> np.ndarray:
    graph = _igraph(count, sources, targets)
    angles = 2 * math.pi * np.arange(count) / count
    start = np.column_stack([np.cos(angles), np.sin(angles)]) * math.sqrt(count)
    with _pinned_igraph_random(seed):
        coords = graph.layout_kamada_kawai(seed=start.tolist(), maxiter=50 * count).coords
    return np.array(coords, dtype=float)


def _components(count: int, sources: np.ndarray, targets: np.ndarray) -> tuple[list[np.ndarray], np.ndarray]:
    """Weakly connected components (largest first, ties by smallest index) and each node's component."""
    parent = list(range(count))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in zip(sources.tolist(), targets.tolist()):
        root_a, root_b = find(a), find(b)
        if root_a != root_b:
            parent[max(root_a, root_b)] = min(root_a, root_b)
    roots = np.array([find(i) for i in range(count)], dtype=np.int64)
    order = np.argsort(roots, kind="stable")
    unique_roots, starts = np.unique(roots[order], return_index=True)
    groups = np.split(order, starts[1:])
    groups.sort(key=lambda group: (-len(group), int(group[0])))
    labels = np.empty(count, dtype=np.int64)
    for label, group in enumerate(groups):
        labels[group] = label
    return groups, labels


def _pack(count: int, placed: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """Shelf-pack components left to right in rows about as wide as the largest is tall x 16/9."""
    gap = EDGE_LENGTH * 0.6
    boxes = []
    for component, xy in placed:
        low = xy.min(axis=0)
        boxes.append((component, xy - low, xy.max(axis=0) - low))
    row_width = max(float(boxes[0][2][0]), float(boxes[0][2][1]) * 16 / 9, EDGE_LENGTH * 4)
    result = np.zeros((count, 2))
    x = y = row_height = 0.0
    for component, xy, (width, height) in boxes:
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + gap, 0.0
        result[component] = xy + (x, y)
        x += float(width) + gap
        row_height = max(row_height, float(height))
    return result - (result.max(axis=0) + result.min(axis=0)) / 2
