"""The dashboard on a store of any size: for each view, the region of the store it needs.

``mechgraph serve --db PATH`` on a store too large to load (more than
:data:`mechgraph.cli.store_commands.SERVE_MAX_RELATIONS` relations) never holds the whole graph.
The view is still the URL's :class:`~mechgraph.dashboard.state.ViewState`; for each state
:meth:`StoreRegions.region` fetches from the store only what that state asks for, as a small
networkx graph, and the dashboard's usual pipeline (``view_of``, the drawing, the panels) runs on
it unchanged:

- a focus: its neighbourhood at the state's depth and direction (the walk of
  :func:`mechgraph.store.queries.neighbourhood`);
- the two ends of a path: the nodes on some path of at most
  :data:`~mechgraph.dashboard.view.PATHS_MAX_LENGTH` relations between them
  (:func:`mechgraph.store.queries.path_region`);
- agents given, blocked or compared (the Reason panel): what they reach downstream;
- an opened group of the overview: its members and the overview's hubs;
- nothing of these: the overview of the whole store (:mod:`mechgraph.store.overview`), read from
  the database (``mechgraph import`` stores it), never by reading its relations.

A region is the union of what the state asks, and every relation among its nodes: a
neighbourhood, a path or a perturbation computed inside it is the one of the whole graph. Filters
are applied to the region. Regions are kept in a small least-recently-used cache keyed by the part
of the state that decides them.

Nothing from the browser sizes a region: the depth is bounded by the state's parsing, and a walk
stops at :data:`REGION_MAX_NODES` nodes (fewer levels are shown, with a notice). A view of more
than :data:`REGION_MAX_ELEMENTS` nodes and relations is drawn as its own overview, with a notice.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..layout.bands import Position, legible_summary
from ..query import search
from ..query.overview import Overview
from ..store import LadybugStore
from ..store.overview import HUBS_KEPT, StoreSummary, kind_members, members_of, store_summary
from ..store.queries import path_nodes
from ..vocabulary import Direction
from .state import ViewState
from .view import PATHS_MAX_LENGTH
from .webgl import VIEW_MAX_ELEMENTS

__all__ = ["REGION_MAX_ELEMENTS", "REGION_MAX_NODES", "Region", "StoreRegions"]

#: A view of more nodes and relations than this is drawn as its overview (as a view of a graph
#: held whole: views from 10,000 elements are drawn with WebGL, :mod:`mechgraph.dashboard.webgl`).
REGION_MAX_ELEMENTS = VIEW_MAX_ELEMENTS
#: The most nodes a region fetches: a walk that would reach more stops a level earlier (the first
#: level is cut). About as many as a view draws: on a million relations a hub's 15,000 nodes and
#: the 29,500 relations among them (44,500 elements) are fetched in 1.0 to 1.5 s.
REGION_MAX_NODES = 15_000
#: Regions kept built per process.
REGION_CACHE = 16
#: How far the Reason panel's perturbations look downstream (its default length, and the
#: phases one relation further).
REASON_LENGTH = 6 + 1
#: Agents given (or blocked) whose reach a region fetches: the Reason panel perturbs no more
#: (mechgraph.dashboard.reasoning.MAX_PERTURBED).
MAX_AGENTS = 10


@dataclass(frozen=True)
class Region:
    """The part of the store one view needs."""

    key: str  # names the region in the caches ("db:" and a digest of what decides it)
    graph: nx.MultiDiGraph  # frozen; empty when nothing is asked
    notices: tuple[str, ...] = ()
    overview: bool = False  # nothing is asked of the canvas: it shows the overview of the whole store


@dataclass(frozen=True)
class StoreOverviewDrawing:
    """The legible overview of the whole store and its band layout, computed once."""

    overview: Overview
    positions: dict[Any, Position]
    hubs: int


class StoreRegions:
    """The regions of one store (a :class:`~mechgraph.store.LadybugStore`), shared by every request
    of a process. The store is opened read-only; its queries are serialised by the store."""

    def __init__(self, store: LadybugStore, *, max_elements: int = REGION_MAX_ELEMENTS, max_nodes: int = REGION_MAX_NODES) -> None:
        from .services import LruCache

        self.store = store
        self.max_elements = max_elements
        self.max_nodes = max_nodes
        self.summary: StoreSummary = store_summary(store)
        self.attributes = store.graph_attributes()
        self._regions: LruCache[Region] = LruCache(REGION_CACHE)
        self._drawing: StoreOverviewDrawing | None = None
        self._lock = threading.Lock()

    @property
    def totals(self) -> tuple[int, int]:
        """(nodes, relations) of the whole store."""
        return self.summary.nodes, self.summary.relations

    def stub(self) -> nx.MultiDiGraph:
        """The graph the dashboard's caches hold for the store: no nodes, the store's attributes."""
        graph = nx.MultiDiGraph()
        graph.graph.update(self.attributes)
        return nx.freeze(graph)

    # -- the overview of the whole store ------------------------------------------------------

    def overview(self) -> StoreOverviewDrawing:
        """The overview with as many hubs by name as stay legible (computed once per process)."""
        with self._lock:
            if self._drawing is None:
                summary, positions, hubs = legible_summary(self.summary.overview, min(self.summary.nodes, HUBS_KEPT + 1))
                self._drawing = StoreOverviewDrawing(summary, positions, hubs)
            return self._drawing

    def overview_notices(self) -> tuple[str, ...]:
        if self.summary.stored:
            return ()
        return ("this database holds no overview (written by an older mechgraph): it was computed on opening; import the graph again to store it",)

    # -- regions ------------------------------------------------------------------------------

    def region_query(self, state: ViewState) -> tuple[Any, ...]:
        """What of the state decides its region."""
        asked_path = (state.path_from, state.path_to) if state.has_path else ()
        groups = state.opened if state.focus is None and not asked_path else ()
        return (state.focus, state.depth, str(state.direction), asked_path, state.give, state.block, state.compare_a, state.compare_b, groups)

    def region(self, state: ViewState) -> Region:
        """The region of the store ``state`` needs (cached)."""
        query = self.region_query(state)
        key = "db:" + hashlib.sha256(repr(query).encode("utf-8", "surrogatepass")).hexdigest()[:32]
        return self._regions.get(key, lambda: self._build(key, state))

    def _build(self, key: str, state: ViewState) -> Region:
        nodes: dict[str, None] = {}
        notices: list[str] = []
        canvas = False  # the canvas shows something of the region (else: the store's overview)
        if state.focus is not None:
            if self._known(state.focus):
                nodes.update(
                    dict.fromkeys(
                        self._ball(
                            [state.focus],
                            state.depth,
                            state.direction.value,
                            notices,
                            f"{state.depth} relation{'s' if state.depth != 1 else ''} around {state.focus!r}",
                        )
                    )
                )
                canvas = True
            else:
                notices.append(f"{state.focus!r} is not in this graph: showing the overview")
        if state.has_path and state.path_from is not None and state.path_to is not None:
            ends = [end for end in (state.path_from, state.path_to) if self._known(end)]
            if len(ends) == 2 and ends[0] != ends[1]:
                nodes.update(dict.fromkeys(self._path_nodes(ends[0], ends[1], notices)))
            nodes.update(dict.fromkeys(ends))
            canvas = canvas or len(ends) == 2
        given = [node for node in state.give if node not in state.block][:MAX_AGENTS]  # as the Reason panel perturbs them
        asked = (*given, *state.block[:MAX_AGENTS], state.compare_a, state.compare_b)
        agents = [node for node in asked if isinstance(node, str) and self._known(node)]
        if agents:
            nodes.update(dict.fromkeys(self._ball(agents, REASON_LENGTH, Direction.DOWN.value, notices, "what the agents reach downstream")))
        if not canvas and state.opened:
            members = self._opened(state.opened, notices)
            if members:
                nodes.update(dict.fromkeys(members))
                canvas = True
        graph = self.store.subgraph(nodes) if nodes else self.stub()
        return Region(key, nx.freeze(graph), tuple(notices), overview=not canvas)

    def _path_nodes(self, source: str, target: str, notices: list[str]) -> list[str]:
        """The nodes on the paths the paths panel looks for (at most PATHS_MAX_LENGTH relations);
        when they are more than a view fetches, those of shorter paths (with a notice)."""
        for length in range(PATHS_MAX_LENGTH, 0, -1):
            found = path_nodes(self.store, source, target, length)
            if len(found) <= self.max_nodes:
                if length < PATHS_MAX_LENGTH:
                    notices.append(
                        f"the paths of up to {PATHS_MAX_LENGTH} relations from {source!r} to {target!r} run through more than "
                        f"{self.max_nodes:,} nodes: only paths of at most {length} relations are looked for"
                    )
                return found
        return [source, target]

    def _known(self, node: str) -> bool:
        return self.store.node(node) is not None

    def _ball(self, start: list[str], depth: int, way: str, notices: list[str], what: str) -> list[str]:
        """The nodes within ``depth`` relations of ``start`` (at most ``max_nodes``: a level that
        would pass it is left out, with a notice; the first level is cut)."""
        distance = dict.fromkeys(start, 0)
        frontier = list(start)
        level = 0
        while frontier and level < depth:
            following = [node for node in self.store.step(frontier, way) if node not in distance]
            if len(distance) + len(following) > self.max_nodes:
                if level == 0:
                    kept = following[: self.max_nodes - len(distance)]
                    notices.append(f"{what}: {len(following):,} nodes, more than a view fetches ({self.max_nodes:,}); showing the first {len(kept):,}")
                    distance.update(dict.fromkeys(kept, 1))
                else:
                    notices.append(
                        f"{what}: more than {self.max_nodes:,} nodes, more than a view fetches; showing {level} relation{'s' if level != 1 else ''} around"
                    )
                break
            distance.update(dict.fromkeys(following, level + 1))
            frontier = following
            level += 1
        return list(distance)

    def _opened(self, opened: Iterable[str], notices: list[str]) -> list[str]:
        """The members of the opened groups of the overview, with its hubs (none when a group is too large)."""
        if "all" in opened:
            notices.append(f"this graph holds {self.summary.nodes:,} nodes, too many to show every one: click a group, search for a node or focus one")
            return []
        drawing = self.overview()
        hubs = list(self.summary.hubs[: drawing.hubs])
        members: list[str] = []
        for gid in opened:
            found_group = self.summary.group_of(gid, drawing.hubs)
            if found_group is None:
                continue
            group, size, detail = found_group
            if size + len(members) > self.max_elements:
                notices.append(f"the group {group.label!r} holds more nodes than a view shows ({self.max_elements:,}): search for one of them or focus one")
                continue
            shown = set(hubs)
            limit = size + len(hubs)
            found = kind_members(self.store.query, group.kind, limit) if detail is None else members_of(self.store.query, group.kind, detail, limit)
            members.extend(node for node in found if node not in shown)
        return [*hubs, *members] if members else []

    # -- search -------------------------------------------------------------------------------

    def search_options(self, text: str | None, current: str | None, *, limit: int = 12) -> list[dict[str, str]]:
        """Options of a node picker, found in the store: the nodes the text names exactly (an
        indexed lookup), then those with a name that begins with it (shortest names first).

        Not fuzzy: typo-tolerant search (:func:`mechgraph.query.search`) needs every node's names
        in memory, which takes seconds to load on a million relations, and about a second per
        search; a search box asks as each letter is typed (``mechgraph search --db`` is fuzzy)."""
        from .panels import node_option

        typed = (text or "").strip()[:100]
        found: dict[str, str | None] = {}  # node -> the name it matched
        if isinstance(current, str) and current:
            found[current] = None
        if typed:
            exact = self.store.name_candidates(typed)
            for match in search(exact, typed, limit=limit) if exact.number_of_nodes() else []:
                found.setdefault(match.node, match.text)
            for name, nodes in sorted(self.store.names_starting(typed, 4 * limit), key=lambda row: (len(row[0]), row[0])):
                for node in nodes:
                    found.setdefault(node, name)
        chosen = list(found)[: limit + 1]
        graph = self.store.nodes_graph(chosen)
        return [node_option(graph, node, matched=found[node], typed=typed) for node in chosen if node in graph]


def _one(node: str, data: dict[str, Any]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_node(node, **data)
    return graph
