"""What the callbacks share within one server process: the graphs and caches of derived views.

Everything here is a cache keyed by content (the graph's key and the part of the view state that
decides the result), never anyone's state: two workers given the same request compute the same
answer, and an entry can be dropped at any time.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import networkx as nx

from ..layout import Geometry, Layout, compute_geometry
from ..layout.bands import LEGIBLE_ZOOM, OVERVIEW_WRAP, fit_zoom, legible_overview
from ..query.overview import Overview
from .graphs import GraphCache
from .state import ViewState
from .views import View, cytoscape_elements, filtered_graph, search_options, view_of, with_overview
from .webgl import VIEW_MAX_ELEMENTS, WEBGL_FROM, elements_of, webgl_elements

if TYPE_CHECKING:
    from .regions import Region, StoreRegions

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
    webgl: dict[str, Any] | None = None  # a large view: what the WebGL canvas draws (and no elements)


class Services:
    """The graphs a process serves and the caches of what is derived from them.

    With ``regions`` (``mechgraph serve --db`` on a large store) the served graph is a store
    held on disk: the graph of the served key is then an empty stand-in, and every view and
    filtered graph asked of it is computed on the region of the store the state needs
    (:mod:`mechgraph.dashboard.regions`).
    """

    def __init__(self, graphs: GraphCache, regions: StoreRegions | None = None, *, webgl_from: int = WEBGL_FROM, max_elements: int = VIEW_MAX_ELEMENTS) -> None:
        self.graphs = graphs
        self.regions = regions
        self.webgl_from = webgl_from  # views of this many elements or more are drawn with WebGL
        # views of more are drawn as their overview (a store's regions have their own cap)
        self.max_elements = regions.max_elements if regions is not None else max_elements
        self._filtered: LruCache[nx.MultiDiGraph] = LruCache(16)
        self._layouts: LruCache[Geometry] = LruCache(16)
        self._drawings: LruCache[Drawing] = LruCache(32)

    def graph(self, store: Mapping[str, Any] | None) -> tuple[str, nx.MultiDiGraph]:
        """The key and graph of a user's store (DataError when the stored graph is invalid)."""
        return self.graphs.lookup(store)

    def region(self, key: str, state: ViewState) -> Region | None:
        """The region of the served store ``state`` needs (None: the graph is held whole)."""
        return self.regions.region(state) if self.regions is not None and key == "served" else None

    def view_graph(self, key: str, graph: nx.MultiDiGraph, state: ViewState) -> nx.MultiDiGraph:
        """The graph a state's view is taken from: the graph itself, or its region of the store
        (for the details of what is on screen)."""
        region = self.region(key, state)
        return graph if region is None else region.graph

    def details_graph(self, key: str, graph: nx.MultiDiGraph, state: ViewState, nodes: list[str]) -> nx.MultiDiGraph:
        """A graph holding ``nodes`` to show their details: the graph, or for a store the view on
        screen (the overview's hubs and groups, or the region), else those nodes fetched."""
        region = self.region(key, state)
        if region is None:
            return graph
        assert self.regions is not None
        shown = self.drawing(key, graph, state).view.graph if region.overview else region.graph
        if all(node in shown for node in nodes):
            return shown
        return self.regions.store.subgraph(nodes)

    def search_options(self, store: Mapping[str, Any] | None, text: str | None, value: str | None) -> list[dict[str, str]]:
        """Autocomplete options of a node picker: searched in the served store, or in the graph."""
        key, graph = self.graph(store)
        if self.regions is not None and key == "served":
            return self.regions.search_options(text, value)
        return search_options(graph, text, value)

    def totals(self, key: str, graph: nx.MultiDiGraph) -> tuple[int, int]:
        """(nodes, relations) of the whole graph, held or in a store."""
        if self.regions is not None and key == "served":
            return self.regions.totals
        return graph.number_of_nodes(), graph.number_of_edges()

    def filtered(self, key: str, graph: nx.MultiDiGraph, state: ViewState) -> nx.MultiDiGraph:
        """The graph (or the state's region of the store) with the state's filters applied."""
        region = self.region(key, state)
        if region is not None:
            key, graph = region.key, region.graph
        return self._filtered.get((key, state.filter_query()), lambda: filtered_graph(graph, state))

    def positions(self, key: str, graph: nx.MultiDiGraph, layout: Layout) -> dict[str, tuple[float, float]]:
        """The layout of a whole graph: filtered views keep these, so nodes stay where they were."""
        return self.geometry(key, graph, layout).positions  # type: ignore[return-value]

    def geometry(self, key: str, graph: nx.MultiDiGraph, layout: Layout) -> Geometry:
        """The layout of a whole graph, node positions and relation routes."""
        return self._layouts.get((key, str(layout)), lambda: compute_geometry(graph, method=layout, aspect=CANVAS_ASPECT))

    def drawing(self, key: str, graph: nx.MultiDiGraph, state: ViewState) -> Drawing:
        """The view of ``state`` with its positions and cytoscape elements."""
        region = self.region(key, state)
        if region is None:
            return self._drawings.get((key, state.view_query()), lambda: self._draw(key, graph, state))
        if region.overview:
            return self._drawings.get((region.key, "store-overview"), lambda: self._draw_store_overview(region))
        return self._drawings.get((region.key, state.view_query()), lambda: self._draw_region(region, state))

    def _draw_store_overview(self, region: Region) -> Drawing:
        """The overview of the whole store (computed from its summary, never from its relations)."""
        assert self.regions is not None
        drawing = self.regions.overview()
        notices = (*region.notices, *self.regions.overview_notices())
        view = View(drawing.overview.graph, notices, None, (), drawing.overview, None)
        elements = arcs_within_columns(cytoscape_elements(view.graph, drawing.positions, wrap=OVERVIEW_WRAP))
        return Drawing(view, elements, drawing.positions)

    def _draw_region(self, region: Region, state: ViewState) -> Drawing:
        """The view of a region of the store: the usual drawing, as its overview when it is too
        large to draw whole (with a notice), and the region's notices."""
        assert self.regions is not None
        view = view_of(region.graph, state, filtered=self.filtered(region.key, region.graph, state))
        notices = (*region.notices, *view.notices)
        if self._too_large(view):
            view = View(view.graph, notices + (self._too_large_notice(view),), None, ())
            drawing = self._draw_overview(view, replace(state, opened=()), merge_parallel=True)
        else:
            if state.focus is None and not state.has_path and state.opened:
                state = replace(state, opened=("all",))  # an opened group: its members and the hubs, every one shown
            drawing = self._draw(region.key, region.graph, state)
            drawing = replace(drawing, view=View(**{**_fields(drawing.view), "notices": notices}))
        return drawing

    def _too_large(self, view: View) -> bool:
        """A view of more elements than a view draws (a chosen path's view is always drawn)."""
        return elements_of(view.graph) > self.max_elements and not view.lit

    def _too_large_notice(self, view: View) -> str:
        return (
            f"this view holds {view.graph.number_of_nodes():,} nodes and {view.graph.number_of_edges():,} relations, "
            f"more than one draws ({self.max_elements:,}): showing its overview; lower the depth, filter it or focus a node"
        )

    def _draw(self, key: str, graph: nx.MultiDiGraph, state: ViewState) -> Drawing:
        view = view_of(graph, state, filtered=self.filtered(key, graph, state))
        if view.summarise:
            return self._draw_overview(view, state)
        if self._too_large(view):
            return self._draw_overview(View(view.graph, (*view.notices, self._too_large_notice(view)), None, ()), replace(state, opened=()))
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
        if elements_of(shown) >= self.webgl_from:  # too large for dash-cytoscape to pan: WebGL draws it
            return Drawing(view, [], positions, routes, webgl=webgl_elements(shown, positions, focus=view.focus))
        return Drawing(view, cytoscape_elements(shown, positions, focus=view.focus, routes=routes), positions, routes)

    def _draw_overview(self, view: View, state: ViewState, *, merge_parallel: bool = False) -> Drawing:
        """The overview with as many nodes by name as stay legible on a laptop's canvas
        (:func:`mechgraph.layout.bands.legible_overview`); with ``merge_parallel`` (a region of a
        store around a hub), several relations between two nodes by name are drawn as one
        summary relation, as the store's own overview does."""
        summary, positions = legible_overview(view.data_graph, open_groups=state.opened)
        if merge_parallel:
            summary = Overview(merged_parallel(summary.graph), summary.groups)
        shown = with_overview(view, summary)
        return Drawing(shown, arcs_within_columns(cytoscape_elements(shown.graph, positions, wrap=OVERVIEW_WRAP)), positions)  # type: ignore[arg-type]


def merged_parallel(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """``graph`` with the relations of each pair of nodes joined by several replaced by one
    summary relation that counts them (their sign when they agree), as
    :meth:`mechgraph.store.overview.StoreSummary.overview` does: a canvas fans parallel
    relations out into a sheaf wide enough to shrink the whole drawing.

    >>> g = nx.MultiDiGraph(); _ = g.add_edge("a", "b", sign=1); _ = g.add_edge("a", "b", sign=1); _ = g.add_edge("b", "c", sign=-1)
    >>> [(u, v, d.get("members"), d["sign"]) for u, v, d in merged_parallel(g).edges(data=True)]
    [('a', 'b', 2, 1), ('b', 'c', None, -1)]
    """
    from collections import Counter, defaultdict

    from ..query.overview import add_summary
    from ..vocabulary import Attr, Sign

    pairs = Counter((u, v) for u, v in graph.edges())
    result = nx.MultiDiGraph()
    result.graph.update(graph.graph)
    result.add_nodes_from(graph.nodes(data=True))
    signs: dict[tuple[Any, Any], Counter[Sign]] = defaultdict(Counter)
    for u, v, key, data in graph.edges(keys=True, data=True):
        if pairs[(u, v)] == 1:
            result.add_edge(u, v, key=key, **data)
        else:
            signs[(u, v)][Sign.of(int(data.get(Attr.SIGN.value, 0) or 0))] += int(data.get(Attr.MEMBERS.value) or 1)
    for (u, v), counts in signs.items():
        add_summary(result, u, v, counts)
    return result


def _fields(view: View) -> dict[str, Any]:
    return {item.name: getattr(view, item.name) for item in fields(view)}


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
