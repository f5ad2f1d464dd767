"""How readable a drawn layout is: crossings, relations through nodes, backward relations, labels.

The measures of ``benchmarks/bench_layout.py`` and of the layout tests, on a
:class:`~mechgraph.layout.Geometry` (node centres and relation routes):

- **crossings**: pairs of route segments of two relations that cross, relations that share a
  node not counted (they meet at it);
- **through nodes**: (relation, node) pairs where the relation's drawn route enters the label box
  of a node that is neither of its ends. A label box is 7 px per character of the longest
  wrapped line plus 16 px wide and 30 px per line high (:func:`mechgraph.layout.label_box`),
  centred on the node;
- **backward**: relations whose target is not further along the flow (to the right) than their
  source, relations that close a cycle not counted (a cycle cannot all point forwards);
- **overlaps**: pairs of label boxes that overlap;
- **cut off** and **smallest font**: the drawing fitted, with margins, into the graph area of the
  exported HTML page (:data:`PAGE`, less the title bar and legend), zoomed in at most as far as
  the page does: labels whose box leaves the area, and the label font size on screen.

>>> import networkx as nx
>>> from mechgraph.layout import compute_geometry
>>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("a", "c")])
>>> q = measure(g, compute_geometry(g))
>>> q.backward, q.through_nodes, q.overlaps, q.cut_off
(0, 0, 0, 0)
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import asdict, dataclass

import networkx as nx
import numpy as np

from .layout import Geometry, edge_keys, label_box, node_label, wrap_label
from .layout.labels import BOX_FONT_SIZE
from .style import FIT_MAX_ZOOM

__all__ = ["FIT_MARGIN", "GRAPH_AREA", "PAGE", "Quality", "fit_transform", "label_boxes", "measure"]

#: The exported page measured, and the part of it that shows the graph (less title bar and legend).
PAGE = (1280, 720)
GRAPH_AREA = (PAGE[0] - 200, PAGE[1] - 52)
#: Free pixels kept around the fitted drawing on every side.
FIT_MARGIN = 24.0


@dataclass(frozen=True, slots=True)
class Quality:
    """The measures of one drawn view (see the module)."""

    crossings: int
    through_nodes: int
    backward: int
    overlaps: int
    cut_off: int
    smallest_font: float

    def as_dict(self) -> dict[str, float]:
        return asdict(self)


def label_boxes(graph: nx.Graph, positions: dict[Hashable, tuple[float, float]]) -> tuple[list[Hashable], np.ndarray]:
    """Nodes sorted by id and their label boxes as rows (left, top, right, bottom)."""
    nodes = sorted(graph.nodes, key=str)
    rows = []
    for node in nodes:
        width, height = label_box(wrap_label(node_label(graph, node)))
        x, y = positions[node]
        rows.append((x - width / 2, y - height / 2, x + width / 2, y + height / 2))
    return nodes, np.array(rows, dtype=float).reshape(-1, 4)


def fit_transform(boxes: np.ndarray, points: np.ndarray, area: tuple[float, float] = GRAPH_AREA) -> tuple[float, float, float]:
    """(zoom, dx, dy) that fits every box and route point into ``area`` with :data:`FIT_MARGIN`.

    Screen = layout * zoom + (dx, dy). The zoom is at most :data:`~mechgraph.style.FIT_MAX_ZOOM`.
    """
    xs = np.concatenate([boxes[:, 0], boxes[:, 2], points[:, 0]]) if len(points) else np.concatenate([boxes[:, 0], boxes[:, 2]])
    ys = np.concatenate([boxes[:, 1], boxes[:, 3], points[:, 1]]) if len(points) else np.concatenate([boxes[:, 1], boxes[:, 3]])
    low_x, high_x, low_y, high_y = float(xs.min()), float(xs.max()), float(ys.min()), float(ys.max())
    zoom = min((area[0] - 2 * FIT_MARGIN) / max(high_x - low_x, 1.0), (area[1] - 2 * FIT_MARGIN) / max(high_y - low_y, 1.0), FIT_MAX_ZOOM)
    dx = area[0] / 2 - zoom * (low_x + high_x) / 2
    dy = area[1] / 2 - zoom * (low_y + high_y) / 2
    return zoom, dx, dy


def measure(graph: nx.Graph, geometry: Geometry, *, top_down: bool = False) -> Quality:
    """The :class:`Quality` of ``geometry`` drawn for ``graph``."""
    nodes, boxes = label_boxes(graph, geometry.positions)
    index = {node: i for i, node in enumerate(nodes)}
    relations = [edge for edge in edge_keys(graph) if edge[0] != edge[1]]
    segments, owner = [], []
    for r, (u, v, key) in enumerate(relations):
        route = geometry.route(u, v, key)
        for a, b in zip(route, route[1:]):
            segments.append((*a, *b))
            owner.append(r)
    seg = np.array(segments, dtype=float).reshape(-1, 4)
    owner_array = np.array(owner, dtype=np.int64)
    ends = np.array([(index[u], index[v]) for u, v, _ in relations], dtype=np.int64).reshape(-1, 2)
    points = seg.reshape(-1, 2)
    zoom, dx, dy = fit_transform(boxes, points)
    screen = boxes * zoom + np.array([dx, dy, dx, dy])
    cut = int(((screen[:, 0] < -0.5) | (screen[:, 1] < -0.5) | (screen[:, 2] > GRAPH_AREA[0] + 0.5) | (screen[:, 3] > GRAPH_AREA[1] + 0.5)).sum())
    return Quality(
        crossings=_crossings(seg, owner_array, ends),
        through_nodes=_through_nodes(seg, owner_array, ends, boxes),
        backward=_backward(graph, relations, geometry, top_down=top_down),
        overlaps=_overlaps(boxes),
        cut_off=cut,
        smallest_font=round(BOX_FONT_SIZE * zoom, 1),
    )


def _backward(graph: nx.Graph, relations: list, geometry: Geometry, *, top_down: bool) -> int:
    axis = 1 if top_down else 0
    components = {}
    directed = nx.DiGraph(graph) if graph.is_directed() else nx.DiGraph(nx.DiGraph(graph).to_directed())
    for label, component in enumerate(nx.strongly_connected_components(directed)):
        for node in component:
            components[node] = label
    count = 0
    for u, v, _ in relations:
        if components[u] == components[v]:
            continue  # closes a cycle
        if geometry.positions[v][axis] < geometry.positions[u][axis] + 1.0:
            count += 1
    return count


def _overlaps(boxes: np.ndarray, tolerance: float = 0.5) -> int:
    left, top, right, bottom = (boxes[:, k] for k in range(4))
    apart_x = (right[:, None] <= left[None, :] + tolerance) | (right[None, :] <= left[:, None] + tolerance)
    apart_y = (bottom[:, None] <= top[None, :] + tolerance) | (bottom[None, :] <= top[:, None] + tolerance)
    overlapping = ~(apart_x | apart_y)
    return int(np.triu(overlapping, k=1).sum())


def _through_nodes(seg: np.ndarray, owner: np.ndarray, ends: np.ndarray, boxes: np.ndarray, shrink: float = 0.5) -> int:
    """(relation, third node) pairs whose segments enter the node's box (Liang-Barsky clipping)."""
    if len(seg) == 0 or len(boxes) == 0:
        return 0
    hit = np.zeros((int(owner.max()) + 1, len(boxes)), dtype=bool)
    inner = boxes + np.array([shrink, shrink, -shrink, -shrink])
    for start in range(0, len(seg), 512):
        chunk = seg[start : start + 512]
        x0, y0, x1, y1 = (chunk[:, k : k + 1] for k in range(4))
        ddx, ddy = x1 - x0, y1 - y0
        low = np.zeros((len(chunk), len(boxes)))
        high = np.ones((len(chunk), len(boxes)))
        inside = np.ones((len(chunk), len(boxes)), dtype=bool)
        for p, q in (
            (-ddx, x0 - inner[None, :, 0]),
            (ddx, inner[None, :, 2] - x0),
            (-ddy, y0 - inner[None, :, 1]),
            (ddy, inner[None, :, 3] - y0),
        ):
            p = np.broadcast_to(p, low.shape)
            parallel = np.abs(p) < 1e-12
            inside &= ~(parallel & (q < 0))
            with np.errstate(divide="ignore", invalid="ignore"):
                t = np.where(parallel, 0.0, q / np.where(parallel, 1.0, p))
            low = np.where(~parallel & (p < 0), np.maximum(low, t), low)
            high = np.where(~parallel & (p > 0), np.minimum(high, t), high)
        crossing = inside & (low < high)
        rows = owner[start : start + 512]
        np.logical_or.at(hit, rows, crossing)
    hit[np.arange(len(ends)), ends[:, 0]] = False
    hit[np.arange(len(ends)), ends[:, 1]] = False
    return int(hit.sum())


def _crossings(seg: np.ndarray, owner: np.ndarray, ends: np.ndarray) -> int:
    """Pairs of segments of relations without a shared node that properly cross."""
    count = 0
    n = len(seg)
    for start in range(0, n, 512):
        a = seg[start : start + 512]
        ax0, ay0, ax1, ay1 = (a[:, k : k + 1] for k in range(4))
        bx0, by0, bx1, by1 = (seg[None, :, k] for k in range(4))

        def orient(px, py, qx, qy, rx, ry):  # type: ignore[no-untyped-def]
            return np.sign((qx - px) * (ry - py) - (qy - py) * (rx - px))

        o1 = orient(ax0, ay0, ax1, ay1, bx0, by0)
        o2 = orient(ax0, ay0, ax1, ay1, bx1, by1)
        o3 = orient(bx0, by0, bx1, by1, ax0, ay0)
        o4 = orient(bx0, by0, bx1, by1, ax1, ay1)
        proper = (o1 * o2 < 0) & (o3 * o4 < 0)
        rows = np.arange(start, start + len(a))[:, None]
        later = np.arange(n)[None, :] > rows
        ea, eb = ends[owner[start : start + len(a)]], ends[owner]
        shared = (ea[:, 0:1] == eb[None, :, 0]) | (ea[:, 0:1] == eb[None, :, 1]) | (ea[:, 1:2] == eb[None, :, 0]) | (ea[:, 1:2] == eb[None, :, 1])
        count += int((proper & later & ~shared).sum())
    return count
