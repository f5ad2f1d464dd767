"""What the callbacks share within one server process: the graphs and caches of derived views.

Everything here is a cache keyed by content (the graph's key and the part of the view state that
decides the result), never anyone's state: two workers given the same request compute the same
answer, and an entry can be dropped at any time.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

import networkx as nx

from ..layout import Geometry, Layout, compute_geometry
from ..layout.bands import LEGIBLE_ZOOM, OVERVIEW_WRAP, fit_zoom, legible_overview
from .graphs import GraphCache
from .state import ViewState
from .views import View, cytoscape_elements, filtered_graph, view_of, with_overview

__all__ = ["Drawing", "LruCache", "Services"]

T = TypeVar("T")
#: A focused view with more nodes than this keeps the whole map's positions instead of its own layout.
FOCUS_LAYOUT_LIMIT = 600
#: Width / height the layered layout aims for: the canvas between the two side panels.
CANVAS_ASPECT = 1.2


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
    routes: Mapping[tuple[Any, Any, Any], tuple[tuple[float, float], ...]] = field(default_factory=dict)  # bends per relation


class Services:
    """The graphs a process serves and the caches of what is derived from them."""

    def __init__(self, graphs: GraphCache) -> None:
        self.graphs = graphs
        self._filtered: LruCache[nx.MultiDiGraph] = LruCache(16)
        self._layouts: LruCache[Geometry] = LruCache(16)
        self._drawings: LruCache[Drawing] = LruCache(32)

    def graph(self, store: Mapping[str, Any] | None) -> tuple[str, nx.MultiDiGraph]:
        """The key and graph of a user's store (DataError when the stored graph is invalid)."""
        return self.graphs.lookup(store)

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
        if view.summarise:
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
        return Drawing(view, cytoscape_elements(shown, positions, focus=view.focus, routes=routes), positions, routes)

    def _draw_overview(self, view: View, state: ViewState) -> Drawing:
        """The overview with as many nodes by name as stay legible on a laptop's canvas
        (:func:`mechgraph.layout.bands.legible_overview`)."""
        summary, positions = legible_overview(view.data_graph, open_groups=state.opened)
        shown = with_overview(view, summary)
        return Drawing(shown, arcs_within_columns(cytoscape_elements(shown.graph, positions, wrap=OVERVIEW_WRAP)), positions)  # type: ignore[arg-type]


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
