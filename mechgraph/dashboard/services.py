"""What the callbacks share within one server process: the graphs and caches of derived views.

Everything here is a cache keyed by content (the graph's key and the part of the view state that
decides the result), never anyone's state: two workers given the same request compute the same
answer, and an entry can be dropped at any time.
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, replace
from typing import Any, Generic, TypeVar

import networkx as nx

from ..layout import Geometry, Layout, compute_geometry
from ..layout.bands import OVERVIEW_WRAP, band_layout
from ..layout.labels import BOX_FONT_SIZE, WRAP_WIDTH, drawn_size, label_box, wrap_label
from ..vocabulary import Attr
from .graphs import GraphCache
from .state import ViewState
from .views import View, cytoscape_elements, filtered_graph, view_of, with_overview

__all__ = ["Drawing", "LruCache", "Services"]

T = TypeVar("T")
#: A focused view with more nodes than this keeps the whole map's positions instead of its own layout.
FOCUS_LAYOUT_LIMIT = 600
#: Width / height the layered layout aims for: the canvas between the two side panels.
CANVAS_ASPECT = 1.2
#: The canvas of a 1280x720 screen, less the overview's bar and the padding of a fit: what a first
#: screen must be read in.
CANVAS_WIDTH = 588.0
CANVAS_HEIGHT = 420.0
#: Smallest label, in screen pixels, that counts as legible, and the zoom that draws labels that big.
LEGIBLE_PIXELS = 10.5
LEGIBLE_ZOOM = LEGIBLE_PIXELS / BOX_FONT_SIZE
#: Nodes an overview tries to show by name, most first (a view of at most OVERVIEW_WHOLE nodes
#: is first tried whole, in the overview's compact bands).
OVERVIEW_HUBS = tuple(range(28, 2, -1))
OVERVIEW_WHOLE = 40


class LruCache(Generic[T]):
    """A small thread-safe least-recently-used cache.

    >>> cache: LruCache[int] = LruCache(2)
    >>> cache.get("a", lambda: 1), cache.get("b", lambda: 2), cache.get("a", lambda: 99)
    (1, 2, 1)
    >>> _ = cache.get("c", lambda: 3); cache.get("b", lambda: 20)  # "b" was the least recently used
    20
    """

    def __init__(self, size: int) -> None:
        self._size = size
        self._items: OrderedDict[Hashable, T] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], T]) -> T:
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value


@dataclass(frozen=True, slots=True)
class Drawing:
    """A view ready for the canvas."""

    view: View
    elements: list[dict[str, Any]]
    positions: Mapping[str, tuple[float, float]]


class Services:
    """The graphs a process serves and the caches of what is derived from them."""

    def __init__(self, graphs: GraphCache) -> None:
        self.graphs = graphs
        self._filtered: LruCache[nx.MultiDiGraph] = LruCache(16)
        self._layouts: LruCache[Geometry] = LruCache(16)
        self._drawings: LruCache[Drawing] = LruCache(32)

    def graph(self, store: Mapping[str, Any] | None) -> tuple[str, nx.MultiDiGraph]:
        """The key and graph of a user's store (DataError when the stored graph is invalid)."""
        return self.graphs.key_of(store), self.graphs.graph_of(store)

    def filtered(self, key: str, graph: nx.MultiDiGraph, state: ViewState) -> nx.MultiDiGraph:
        """The graph with the state's filters applied."""
        return self._filtered.get((key, state.filter_query()), lambda: filtered_graph(graph, state))

    def positions(self, key: str, graph: nx.MultiDiGraph, layout: Layout) -> dict[str, tuple[float, float]]:
        """The layout of a whole graph: filtered views keep these, so nodes stay where they were."""
        return self.geometry(key, graph, layout).positions  # type: ignore[return-value]

    def geometry(self, key: str, graph: nx.MultiDiGraph, layout: Layout) -> Geometry:
        """The layout of a whole graph, node positions and relation routes."""
        return self._layouts.get((key, str(layout)), lambda: compute_geometry(graph, method=layout, aspect=CANVAS_ASPECT))

    def drawing(self, key: str, graph: nx.MultiDiGraph, state: ViewState) -> Drawing:
        """The view of ``state`` with its positions and cytoscape elements."""
        return self._drawings.get((key, state.view_query()), lambda: self._draw(key, graph, state))

    def _draw(self, key: str, graph: nx.MultiDiGraph, state: ViewState) -> Drawing:
        view = view_of(graph, state, filtered=self.filtered(key, graph, state))
        if view.overview is not None:
            return self._draw_overview(view, state)
        whole_map = view.focus is None and not view.lit and not state.shows_everything
        if whole_map and view.graph.number_of_nodes() > 2:
            drawing = self._draw_view(key, graph, state, view)
            if fit_zoom(view.graph, drawing.positions) < LEGIBLE_ZOOM:
                return self._draw_overview(view, state)  # the whole map would be a wall of unreadable labels
            return drawing
        return self._draw_view(key, graph, state, view)

    def _draw_view(self, key: str, graph: nx.MultiDiGraph, state: ViewState, view: View) -> Drawing:
        shown = view.graph
        if (view.focus is not None or view.lit) and shown.number_of_nodes() <= FOCUS_LAYOUT_LIMIT:
            # A chosen path is laid out as one left-to-right row, the rest of the view around it.
            path = [node for node in view.lit if node in shown]
            geometry = self._layouts.get(
                (key, state.view_query(), "focus"), lambda: compute_geometry(shown, method=state.layout, aspect=CANVAS_ASPECT, path=path)
            )
            routes = geometry.routes
        else:
            geometry = self.geometry(key, graph, state.layout)
            routes = geometry.routes  # hiding nodes only frees room: the map's routes still avoid every node shown
        positions: dict[str, tuple[float, float]] = geometry.positions  # type: ignore[assignment]
        return Drawing(view, cytoscape_elements(shown, positions, focus=view.focus, routes=routes), positions)

    def _draw_overview(self, view: View, state: ViewState) -> Drawing:
        """The overview with as many nodes by name as stay legible on a laptop's canvas.

        The most hubs are kept for which the layout fits the canvas at a zoom where labels are
        at least :data:`LEGIBLE_PIXELS` high (the groups always stay, with their counts).
        """
        count = view.data_graph.number_of_nodes()
        closed = replace(state, opened=())
        tried: dict[int, tuple[float, View, dict[Any, tuple[float, float]]]] = {}

        def attempt(hubs: int) -> bool:
            candidate = with_overview(view, closed, hubs)
            zoom, layout = max(
                ((fit_zoom(candidate.graph, layout, wrap=OVERVIEW_WRAP, drawn=True), layout) for layout in _band_layouts(candidate.graph)),
                key=lambda item: item[0],
            )
            tried[hubs] = (zoom, candidate, layout)
            return zoom >= LEGIBLE_ZOOM

        if count <= OVERVIEW_WHOLE and attempt(count):
            used = count
        else:
            # The most hubs that stay legible: a binary search (each try reads every relation once).
            low, high = 0, len(OVERVIEW_HUBS) - 1  # OVERVIEW_HUBS runs from most to fewest
            while low < high:
                middle = (low + high) // 2
                if attempt(OVERVIEW_HUBS[middle]):
                    high = middle
                else:
                    low = middle + 1
            used = OVERVIEW_HUBS[low]
            if used not in tried:
                attempt(used)
        _, chosen, positions = tried[used]
        if state.opened:
            # Opened groups show their members beside the same hubs: the rest of the map stays put.
            chosen = with_overview(view, state, used)
            positions = max(_band_layouts(chosen.graph), key=lambda layout: fit_zoom(chosen.graph, layout, wrap=OVERVIEW_WRAP, drawn=True))
        return Drawing(chosen, arcs_within_columns(cytoscape_elements(chosen.graph, positions, wrap=OVERVIEW_WRAP)), positions)


def arcs_within_columns(elements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Relations between two nodes of one column bow out sideways (class ``arc``, bend ``cpd``)
    instead of running straight through the nodes stacked between them.

    >>> nodes = [{"data": {"id": i}, "position": {"x": 0.0, "y": y}} for i, y in (("a", 0.0), ("b", 200.0))]
    >>> arcs_within_columns(nodes + [{"data": {"id": "r", "source": "a", "target": "b"}}])[-1]
    {'data': {'id': 'r', 'source': 'a', 'target': 'b', 'cpd': 70}, 'classes': 'arc'}
    """
    where = {element["data"]["id"]: element["position"] for element in elements if "position" in element}
    for element in elements:
        data = element["data"]
        a, b = where.get(data.get("source")), where.get(data.get("target"))
        if a is None or b is None or abs(a["x"] - b["x"]) > 2 or data.get("source") == data.get("target"):
            continue
        data["cpd"] = round(30 + 0.2 * abs(a["y"] - b["y"]))
        element["classes"] = " ".join(filter(None, [element.get("classes", ""), "arc"]))
    return elements


def _band_layouts(graph: nx.MultiDiGraph) -> list[dict[Any, tuple[float, float]]]:
    """The overview's band layout with bands cut at a few heights (taller bands, fewer columns)."""
    return [band_layout(graph, height=CANVAS_HEIGHT / LEGIBLE_ZOOM * share, wrap=OVERVIEW_WRAP) for share in (0.7, 0.85, 1.0, 1.2, 1.5, 2.0)]


def fit_zoom(
    graph: nx.MultiDiGraph,
    positions: Mapping[Any, tuple[float, float]],
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
