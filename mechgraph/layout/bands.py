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
from collections.abc import Hashable

import networkx as nx

from ..vocabulary import Attr, NodeKind
from .labels import drawn_size, wrap_label

__all__ = ["BANDS", "OVERVIEW_WRAP", "band_layout"]

Position = tuple[float, float]

#: The bands, left to right, and the kinds each holds (a kind not listed goes in the middle band).
BANDS: tuple[tuple[NodeKind, ...], ...] = (
    (NodeKind.AGENT, NodeKind.METABOLITE, NodeKind.THERAPY),
    (NodeKind.TARGET, NodeKind.IMMUNE_CELL, NodeKind.NON_IMMUNE),
    (NodeKind.PROCESS,),
    (NodeKind.OUTCOME, NodeKind.CONDITION),
)
_BAND_OF = {kind.value: index for index, kinds in enumerate(BANDS) for kind in kinds}
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
            def centre(node: Hashable) -> float:
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
