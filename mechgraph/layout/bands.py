"""A compact layout for overviews: four bands from cause to effect, labels sized, packed to a frame.

An overview (:mod:`mechgraph.query.overview`) has a few dozen nodes, each a hub or a group, and
many summary relations between them. A layered engine spreads such a graph far and wide (every
relation that skips a layer takes room in each layer it crosses), so its labels end up too small
to read on a laptop. Here nodes go in four bands, in the order a mechanism is read:

    agents (and metabolites, therapies) -> targets and cells -> processes -> outcomes

Within a band, nodes are ordered by the mean position of their neighbours (a few sweeps, which
keeps relations short and crossings few), and a band taller than the frame is wrapped into
staggered sub-columns. Relations are drawn straight; the bands keep most of them running
forwards between neighbouring bands.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("d", kind="agent", label="Drug"); g.add_node("t", kind="target", label="IL-2")
>>> g.add_node("o", kind="outcome", label="Tolerance")
>>> _ = g.add_edge("d", "t"); _ = g.add_edge("t", "o")
>>> xy = band_layout(g)
>>> xy["d"][0] < xy["t"][0] < xy["o"][0]
True
"""

from __future__ import annotations

import math
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import Any

import networkx as nx

from ..query.overview import Overview, overview
from ..vocabulary import Attr, NodeKind
from .labels import BOX_FONT_SIZE, WRAP_WIDTH, drawn_size, label_box, wrap_label

__all__ = [
    "BANDS",
    "CANVAS_HEIGHT",
    "CANVAS_WIDTH",
    "LEGIBLE_ZOOM",
    "OVERVIEW_WRAP",
    "band_layout",
    "fit_zoom",
    "legible_overview",
    "legible_summary",
]

Position = tuple[float, float]

#: The bands, left to right, and the kinds each holds (a kind not listed goes in the middle band).
BANDS: tuple[tuple[NodeKind, ...], ...] = (
    (NodeKind.AGENT, NodeKind.METABOLITE, NodeKind.THERAPY),
    (NodeKind.TARGET, NodeKind.IMMUNE_CELL, NodeKind.NON_IMMUNE),
    (NodeKind.PROCESS,),
    (NodeKind.OUTCOME, NodeKind.CONDITION),
)
_BAND_OF = {kind.value: index for index, kinds in enumerate(BANDS) for kind in kinds}
#: The canvas of a 1280x720 screen (the dashboard's, less its panels, the overview's bar and the
#: padding of a fit; an exported page's is larger): what a first screen must be read in.
CANVAS_WIDTH = 588.0
CANVAS_HEIGHT = 420.0
#: Smallest label, in screen pixels, that counts as legible, and the zoom that draws labels that big.
LEGIBLE_PIXELS = 10.5
LEGIBLE_ZOOM = LEGIBLE_PIXELS / BOX_FONT_SIZE
#: Nodes an overview tries to show by name, most first; a graph of at most OVERVIEW_WHOLE nodes
#: is first tried whole, in the overview's compact bands.
OVERVIEW_HUBS = tuple(range(28, 2, -1))
OVERVIEW_WHOLE = 40
#: Characters a label line of an overview holds (narrower than elsewhere: four bands share a laptop's canvas).
OVERVIEW_WRAP = 16
#: Pixels between two sub-columns, and between two boxes of one column.
COLUMN_GAP = 36.0
ROW_GAP = 14.0


def band_layout(graph: nx.Graph, *, height: float = 560.0, sweeps: int = 4, wrap: int = OVERVIEW_WRAP) -> dict[Hashable, Position]:
    """Node centres (pixels, y down) in cause-to-effect bands, each at most about ``height`` tall;
    boxes sized by labels wrapped at ``wrap`` characters."""
    if graph.number_of_nodes() == 0:
        return {}
    boxes = {node: drawn_size(wrap_label(str(graph.nodes[node].get(Attr.LABEL) or node), wrap)) for node in graph.nodes}
    bands: dict[int, list[Hashable]] = {}
    for node in sorted(graph.nodes, key=str):
        bands.setdefault(_BAND_OF.get(str(graph.nodes[node].get(Attr.KIND)), 1), []).append(node)
    order = [bands[index] for index in sorted(bands)]
    neighbours = {node: set(nx.all_neighbors(graph, node)) - {node} for node in graph.nodes}
    degree = dict(graph.degree())
    for column in order:
        column.sort(key=lambda n: (-degree[n], str(n)))
    rank = {node: (i + 0.5) / len(column) for column in order for i, node in enumerate(column)}
    for sweep in range(sweeps):
        columns = order if sweep % 2 == 0 else order[::-1]
        for column in columns:

            def centre(node: Hashable, column: list[Hashable] = column) -> float:
                others = [rank[m] for m in neighbours[node] if m not in column]
                return sum(others) / len(others) if others else rank[node]

            column.sort(key=lambda n: (centre(n), str(n)))
            for i, node in enumerate(column):
                rank[node] = (i + 0.5) / len(column)
    positions: dict[Hashable, Position] = {}
    x = 0.0
    for column in order:
        pieces = _wrap(column, boxes, height)
        for piece in pieces:
            width = max(boxes[node][0] for node in piece)
            total = sum(boxes[node][1] for node in piece) + ROW_GAP * (len(piece) - 1)
            y = -total / 2
            for node in piece:
                positions[node] = (round(x + width / 2, 1), round(y + boxes[node][1] / 2, 1))
                y += boxes[node][1] + ROW_GAP
            x += width + COLUMN_GAP
        x += COLUMN_GAP * 0.5
    return positions


def _wrap(column: list[Hashable], boxes: dict[Hashable, tuple[float, float]], height: float) -> list[list[Hashable]]:
    """The column cut into sub-columns of about equal height, none taller than ``height``
    (nodes dealt in turn, so neighbours in the order stay side by side)."""
    total = sum(boxes[node][1] + ROW_GAP for node in column)
    count = max(1, math.ceil(total / max(height, 1.0)))
    return [column[i::count] for i in range(count)]


def fit_zoom(
    graph: nx.Graph,
    positions: Mapping[Any, Position],
    *,
    width: float = CANVAS_WIDTH,
    height: float = CANVAS_HEIGHT,
    wrap: int = WRAP_WIDTH,
    drawn: bool = False,
) -> float:
    """The zoom at which the drawing (node boxes included) fits a canvas of ``width`` x ``height``.

    Boxes are the layout's label boxes, or the boxes as drawn (``drawn``: the overview's bands).

    >>> g = nx.MultiDiGraph(); g.add_node("a", label="A"); g.add_node("b", label="B")
    >>> round(fit_zoom(g, {"a": (0, 0), "b": (1000, 0)}, width=530, height=400), 3)
    0.518
    """
    if not positions:
        return 1.0
    left = top = math.inf
    right = bottom = -math.inf
    for node, (x, y) in positions.items():
        label = graph.nodes[node].get(Attr.LABEL) if node in graph else None
        lines = wrap_label(str(label or node), wrap)
        w, h = drawn_size(lines) if drawn else label_box(lines)
        left, right = min(left, x - w / 2), max(right, x + w / 2)
        top, bottom = min(top, y - h / 2), max(bottom, y + h / 2)
    return min(width / max(right - left, 1.0), height / max(bottom - top, 1.0))


def _best_bands(graph: nx.Graph, width: float, height: float) -> tuple[float, dict[Hashable, Position]]:
    """The band layout (bands cut at a few heights) that fits the canvas at the largest zoom."""
    layouts = [band_layout(graph, height=height / LEGIBLE_ZOOM * share) for share in (0.7, 0.85, 1.0, 1.2, 1.5, 2.0)]
    return max(((fit_zoom(graph, layout, width=width, height=height, wrap=OVERVIEW_WRAP, drawn=True), layout) for layout in layouts), key=lambda item: item[0])


def legible_overview(
    graph: nx.MultiDiGraph, *, open_groups: Iterable[str] = (), width: float = CANVAS_WIDTH, height: float = CANVAS_HEIGHT
) -> tuple[Overview, dict[Hashable, Position]]:
    """The overview of ``graph`` with as many nodes by name as stay legible on a canvas of
    ``width`` x ``height`` pixels, and its band layout.

    The largest number of hubs is kept for which the bands fit the canvas at a zoom where labels
    are at least :data:`LEGIBLE_PIXELS` high (a binary search: each try reads every relation
    once). A graph small enough is first tried whole. Opened groups then show their members beside
    the same hubs, so the rest of the map stays put.

    >>> from mechgraph.synthetic import synthetic_graph
    >>> summary, xy = legible_overview(synthetic_graph(2000, seed=1))
    >>> 20 <= summary.graph.number_of_nodes() <= 40, fit_zoom(summary.graph, xy, wrap=OVERVIEW_WRAP, drawn=True) >= LEGIBLE_ZOOM
    (True, True)
    """
    summary, layout, used = legible_summary(lambda hubs: overview(graph, hubs=hubs), graph.number_of_nodes(), width=width, height=height)
    opened = tuple(open_groups)
    if opened:
        summary = overview(graph, hubs=used, open_groups=opened)
        layout = _best_bands(summary.graph, width, height)[1]
    return summary, layout


def legible_summary(
    summarise: Callable[[int], Overview], count: int, *, width: float = CANVAS_WIDTH, height: float = CANVAS_HEIGHT
) -> tuple[Overview, dict[Hashable, Position], int]:
    """The overview ``summarise(hubs)`` with the most hubs that stays legible (see
    :func:`legible_overview`; ``count``: the nodes of the graph), its layout and its number of hubs.
    A graph held in a store is summarised without reading it whole (mechgraph.store.overview)."""
    tried: dict[int, tuple[float, Overview, dict[Hashable, Position]]] = {}

    def attempt(hubs: int) -> bool:
        summary = summarise(hubs)
        zoom, layout = _best_bands(summary.graph, width, height)
        tried[hubs] = (zoom, summary, layout)
        return zoom >= LEGIBLE_ZOOM

    if count <= OVERVIEW_WHOLE and attempt(count):
        used = count
    else:
        low, high = 0, len(OVERVIEW_HUBS) - 1  # from most hubs to fewest
        while low < high:
            middle = (low + high) // 2
            if attempt(OVERVIEW_HUBS[middle]):
                high = middle
            else:
                low = middle + 1
        used = OVERVIEW_HUBS[low]
        if used not in tried:
            attempt(used)
    _, summary, layout = tried[used]
    return summary, layout, used
