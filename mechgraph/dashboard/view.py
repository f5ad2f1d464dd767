"""The view on screen: what a :class:`~mechgraph.dashboard.state.ViewState` asks to see of a graph
(filtered, around the focus, the chosen path), and the counts that say how much of it is shown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..layout.bands import OVERVIEW_WHOLE
from ..query import filter_graph, neighbourhood, signed_paths
from ..query.overview import Overview
from ..query.paths import PathReport, SignedPath
from ..vocabulary import Attr
from .state import ViewState

#: Paths listed for a pair of nodes, and the longest path looked for.
PATHS_K = 5
PATHS_MAX_LENGTH = 6

#: A whole-map view with more nodes than this opens as an overview (hubs by name, the rest grouped).
OVERVIEW_NODES = OVERVIEW_WHOLE


@dataclass(frozen=True, slots=True)
class View:
    """The subgraph on screen and what the user should be told about it."""

    graph: nx.MultiDiGraph
    notices: tuple[str, ...] = ()
    focus: str | None = None
    lit: tuple[str, ...] = ()  # the elements of the chosen path, to highlight
    overview: Overview | None = None  # when the view is too large to read whole: its overview
    whole: nx.MultiDiGraph | None = None  # the view an overview summarises (for data exports and charts)
    summarise: bool = False  # too large to read whole: to be drawn as an overview (view_of decides, the drawing makes it)

    @property
    def data_graph(self) -> nx.MultiDiGraph:
        """The nodes and relations of the view, groups of an overview included as their members."""
        return self.whole if self.whole is not None else self.graph


def filter_kwargs(state: ViewState) -> dict[str, Any]:
    """The arguments of :func:`mechgraph.query.filter_graph` that the state's filters ask for.

    >>> from mechgraph.dashboard.state import FilterValues
    >>> from mechgraph.vocabulary import Sign
    >>> filter_kwargs(ViewState(filters=FilterValues(signs=[Sign.DECREASES])))
    {'signs': ['decreases']}
    """
    return state.filters.arguments()


def filtered_graph(graph: nx.MultiDiGraph, state: ViewState) -> nx.MultiDiGraph:
    """The graph with the state's filters applied (the graph itself when there are none)."""
    kwargs = filter_kwargs(state)
    return filter_graph(graph, **kwargs) if kwargs else graph


def view_of(graph: nx.MultiDiGraph, state: ViewState, *, filtered: nx.MultiDiGraph | None = None) -> View:
    """The subgraph the state asks to see: filtered, then around the focus, plus the chosen path.

    A focus that is not in the (filtered) graph is ignored with a notice, so a stale link still
    opens.

    >>> from mechgraph.synthetic import synthetic_graph
    >>> g = synthetic_graph(60, seed=4)
    >>> view_of(g, ViewState(focus="nowhere")).notices
    ("'nowhere' is not in this graph: showing the whole map",)
    >>> focus = next(iter(g))
    >>> set(view_of(g, ViewState(focus=focus, depth=1)).graph) == {focus} | set(g.pred[focus]) | set(g.succ[focus])
    True
    """
    shown = filtered if filtered is not None else filtered_graph(graph, state)
    notices: list[str] = []
    focus = state.focus
    if focus is not None and focus not in shown:
        where = "this graph" if focus not in graph else "the filtered graph"
        notices.append(f"{focus!r} is not in {where}: showing the whole map")
        focus = None
    view = neighbourhood(shown, focus, depth=state.depth, direction=state.direction) if focus else shown
    report = path_report(shown, state)
    chosen = chosen_path(report, state)
    if chosen is not None and focus is None and not state.shows_everything and report is not None:
        # A path asked of the whole map: the chosen path is the view, one chain read left to
        # right at a size a person can read; the panel lists the other routes, a click shows each.
        # (Not hundreds of faded nodes around a chain too small to read.)
        view = nx.MultiDiGraph()
        view.graph.update(shown.graph)
        view = _with_path(view, shown, chosen)
    elif chosen is not None and not all(view.has_edge(step.u, step.v, key) for step in chosen.steps for key in step.ids):
        view = _with_path(view, shown, chosen)
    if state.has_filters and shown.number_of_nodes() == 0:
        notices.append("no relation passes these filters: clear some of them")
    lit = tuple(path_element_ids(chosen))
    summarise = focus is None and not lit and not state.shows_everything and view.number_of_nodes() > OVERVIEW_NODES
    return View(view, tuple(notices), focus, lit, summarise=summarise)


def overview_status(summary: Overview) -> str:
    """The line under the canvas that says how to read an overview.

    >>> from mechgraph.query.overview import overview
    >>> g = nx.MultiDiGraph(); g.add_node("a", kind="agent", label="A")
    >>> for i in range(3):
    ...     g.add_node(f"t{i}", kind="target", label=f"T{i}"); _ = g.add_edge("a", f"t{i}")
    >>> overview_status(overview(g, hubs=2))
    'Overview: 2 nodes by name (the most connected), 2 more in 1 group (double border). Click a group to open it, or show every node.'
    """
    named = sum(1 for node, data in summary.graph.nodes(data=True) if not data.get(Attr.GROUP))
    closed = [group for gid, group in summary.groups.items() if gid in summary.graph]
    # the count a group's node carries (a store's overview lists no members)
    hidden = sum(int(summary.graph.nodes[group.id].get(Attr.MEMBERS) or len(group.members)) for group in closed)
    if not closed:
        return f"Overview: all {named:,} nodes by name, in bands from cause to effect."
    return (
        f"Overview: {named:,} nodes by name (the most connected), {hidden:,} more in {len(closed)} group{'s' if len(closed) != 1 else ''}"
        " (double border). Click a group to open it, or show every node."
    )


def with_overview(view: View, summary: Overview) -> View:
    """The view shown as ``summary``, an overview of its nodes (for a view too large to read whole)."""
    return View(summary.graph, view.notices, None, (), summary, view.data_graph)


def _with_path(view: nx.MultiDiGraph, graph: nx.MultiDiGraph, path: SignedPath) -> nx.MultiDiGraph:
    """The view with the path's nodes and relations added (a new graph)."""
    result = view.copy()
    for node in path.nodes:
        if node not in result:
            result.add_node(node, **graph.nodes[node])
    for step in path.steps:
        for key in step.ids:
            if not result.has_edge(step.u, step.v, key):
                result.add_edge(step.u, step.v, key=key, **graph.edges[step.u, step.v, key])
    return result


def path_report(graph: nx.MultiDiGraph, state: ViewState) -> PathReport | None:
    """The signed paths between the state's two path ends, or None when none are asked for or known."""
    if not state.has_path or state.path_from not in graph or state.path_to not in graph:
        return None
    assert state.path_from is not None and state.path_to is not None
    return signed_paths(graph, state.path_from, state.path_to, k=PATHS_K, max_length=PATHS_MAX_LENGTH, mixed_context=state.mixed_context)


def chosen_path(report: PathReport | None, state: ViewState) -> SignedPath | None:
    """The path the user picked (the best one when the pick is out of range)."""
    if report is None or not report.paths:
        return None
    return report.paths[state.path] if state.path < len(report.paths) else report.paths[0]


def path_element_ids(path: SignedPath | None) -> list[str]:
    """The cytoscape ids (nodes, then relations) of a path, to highlight it: every relation a
    step stands for is lit, not only its best one.

    >>> path_element_ids(None)
    []
    """
    if path is None:
        return []
    return [*path.nodes, *path.relation_ids]


def counts_text(graph: nx.MultiDiGraph, view: nx.MultiDiGraph | View, *, totals: tuple[int, int] | None = None) -> str:
    """The header's counts: the whole graph (``totals`` when it is held in a store), and the view
    when it shows less.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c")])
    >>> counts_text(g, g)
    '3 nodes · 2 relations'
    >>> counts_text(g, g.subgraph(["a", "b"]))
    'showing 2 of 3 nodes · 1 of 2 relations'
    >>> counts_text(nx.MultiDiGraph(), g, totals=(1_000, 3_000))
    'showing 3 of 1,000 nodes · 2 of 3,000 relations'
    """
    n, m = totals if totals is not None else (graph.number_of_nodes(), graph.number_of_edges())
    if isinstance(view, View):
        if view.overview is not None and view.whole is None and totals is not None:
            return f"overview of {n:,} nodes · {m:,} relations"  # the overview of a whole store
        if view.overview is not None and view.whole is not None:
            whole = view.whole
            text = f"overview of {whole.number_of_nodes():,} nodes · {whole.number_of_edges():,} relations"
            if (whole.number_of_nodes(), whole.number_of_edges()) != (n, m):
                text += f" (of {n:,} · {m:,})"
            return text
        view = view.graph
    vn, vm = view.number_of_nodes(), view.number_of_edges()
    if (vn, vm) == (n, m):
        return f"{n:,} nodes · {m:,} relations"
    return f"showing {vn:,} of {n:,} nodes · {vm:,} of {m:,} relations"


def node_label(graph: nx.MultiDiGraph, node: str) -> str:
    """The label of a node, its id when it has none."""
    return str(graph.nodes[node].get(Attr.LABEL) or node)
