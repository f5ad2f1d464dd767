"""Pure functions from a graph and a :class:`~mechgraph.dashboard.state.ViewState` to what the
dashboard shows: the subgraph on screen, cytoscape elements, panels and figures.

Nothing here touches Dash's callback machinery, so every function is tested without a browser.
Text from a graph (labels, quotes, notes) is only ever put into components as text, never as
HTML, and only ``http(s)`` links are made clickable.

Examples
--------
>>> from mechgraph.synthetic import synthetic_graph
>>> from mechgraph.dashboard.state import FilterValues, ViewState
>>> g = synthetic_graph(60, seed=4)
>>> view = view_of(g, ViewState(filters=FilterValues(kinds=("agent", "target"))))
>>> {kind for _, kind in view.graph.nodes(data="kind")} <= {"agent", "target"}
True
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
import plotly.graph_objects as go
from dash import html

from .. import style
from ..identifiers import resolve_url, source_identifier
from ..layout import drawn_size, wrap_label
from ..layout.bands import OVERVIEW_WHOLE
from ..layout.labels import BOX_FONT_SIZE, DRAWN_LINE_HEIGHT, WRAP_WIDTH
from ..query import explain, filter_graph, neighbourhood, search, signed_paths
from ..query.explain import explain_steps
from ..query.overview import Overview
from ..query.paths import PathReport, SignedPath
from ..vocabulary import UNSPECIFIED, Attr, EvidenceKey, NodeKind, Sign, SourceKey
from .state import ViewState

__all__ = [
    "View",
    "counts_text",
    "cytoscape_elements",
    "filter_options",
    "hub_figure",
    "node_details",
    "path_report",
    "paths_panel",
    "relation_details",
    "sankey_figure",
    "search_options",
    "sign_figure",
    "view_of",
    "group_details",
    "overview_status",
    "with_overview",
]

#: Paths listed for a pair of nodes, and the longest path looked for.
PATHS_K = 5
PATHS_MAX_LENGTH = 6
#: Nodes of the Sankey diagram: past this many the ones with the least flow are left out.
SANKEY_MAX_NODES = 60
HUBS = 15
#: A whole-map view with more nodes than this opens as an overview (hubs by name, the rest grouped).
OVERVIEW_NODES = OVERVIEW_WHOLE

_LINK_SCHEMES = ("http://", "https://")


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
    hidden = sum(len(group.members) for group in closed)
    if not closed:
        return f"Overview: all {named:,} nodes by name, in bands from cause to effect."
    return (
        f"Overview: {named:,} nodes by name (the most connected), {hidden:,} more in {len(closed)} group{'s' if len(closed) != 1 else ''}"
        " (double border). Click a group to open it, or show every node."
    )


def group_details(node: Mapping[str, Any]) -> list[Any]:
    """The details panel for a group of the overview (it opens on the map as it is clicked)."""
    label = str(node.get("label") or node.get("id") or "group")
    members = node.get("members")
    kind = str(node.get("kind") or "").replace("_", " ")
    count = f"{int(members):,} " if isinstance(members, int) else ""
    return [
        html.H3(label, className="details-title"),
        html.P(f"A group of {count}{kind} nodes in the overview, opened on the map: each is now shown by name.", className="muted"),
        html.P("“Back to the overview”, above the map, closes the groups again.", className="muted"),
    ]


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


# -- the canvas -----------------------------------------------------------------------------------


def cytoscape_elements(
    graph: nx.MultiDiGraph,
    positions: Mapping[str, tuple[float, float]],
    *,
    focus: str | None = None,
    routes: Mapping[tuple[Any, Any, Any], Sequence[tuple[float, float]]] | None = None,
    wrap: int = WRAP_WIDTH,
) -> list[dict[str, Any]]:
    """Cytoscape elements with preset positions: nodes first, then relations.

    In an overview, a node standing for a group has the class ``group`` and its count of nodes
    (``members``), and a summary relation the class ``summary`` and the count of relations it
    stands for; labels there are wrapped at ``wrap`` characters.

    Node data carry ``id``, ``label`` and ``kind``, the label wrapped as drawn (``text``) and the
    node box's size (``w``, ``h``); relation data carry ``id`` (the relation id), ``source``,
    ``target``, ``sign`` and, when stated, ``mechanism``: what the stylesheet of
    :mod:`mechgraph.style` selects on, and no more (a click asks the server for the rest). The
    focus node has the class ``focus``. A relation with a route (its bend points, from
    :func:`mechgraph.layout.compute_geometry`) has the class ``routed`` and the route as
    cytoscape segments (``sd``, ``sw``: distances and weights along the source-target line).

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", kind="agent", label="A <b>")
    >>> g.add_node("b", kind="target", label="B")
    >>> g.add_edge("a", "b", key="r1", relation="inhibits", sign=-1, mechanism="direct")
    'r1'
    >>> elements = cytoscape_elements(g, {"a": (0, 0), "b": (100, 0)}, focus="a", routes={("a", "b", "r1"): [(50, 40)]})
    >>> elements[0]["data"]["label"], elements[0]["position"], elements[0]["classes"]
    ('A <b>', {'x': 0.0, 'y': 0.0}, 'focus')
    >>> elements[2]["data"]["source"], elements[2]["data"]["sign"], elements[2]["data"]["sd"], elements[2]["classes"]
    ('a', -1, '40', 'routed')
    """
    elements: list[dict[str, Any]] = []
    for node, data in graph.nodes(data=True):
        x, y = positions.get(node, (0.0, 0.0))
        label = str(data.get(Attr.LABEL) or node)
        lines = wrap_label(label, wrap)
        width, height = drawn_size(lines)
        element: dict[str, Any] = {
            "data": {"id": str(node), "label": label, "kind": str(data.get(Attr.KIND, "")), "text": "\n".join(lines), "w": width, "h": height},
            "position": {"x": round(float(x), 1), "y": round(float(y), 1)},
        }
        if node == focus:
            element["classes"] = "focus"
        if data.get(Attr.GROUP):
            element["data"]["group"] = str(data[Attr.GROUP])
            element["data"]["members"] = int(data.get(Attr.MEMBERS) or 0)
            element["classes"] = "group"
        elements.append(element)
    for u, v, key, data in graph.edges(keys=True, data=True):
        edge = {"id": str(key), "source": str(u), "target": str(v), "sign": int(data.get(Attr.SIGN, 0) or 0)}
        if data.get(Attr.MECHANISM):  # the stylesheet tells indirect relations apart
            edge["mechanism"] = str(data[Attr.MECHANISM])
        element = {"data": edge}
        if data.get(Attr.MEMBERS):
            edge["members"] = int(data[Attr.MEMBERS])
            element["classes"] = "summary"
        bends = (routes or {}).get((u, v, key))
        if bends and u in positions and v in positions:
            distances, weights = segments(positions[u], positions[v], bends)
            edge["sd"], edge["sw"] = distances, weights
            element["classes"] = "routed"
        elements.append(element)
    return elements


def segments(start: tuple[float, float], end: tuple[float, float], bends: Sequence[tuple[float, float]]) -> tuple[str, str]:
    """Cytoscape ``segment-distances`` and ``segment-weights`` of bend points between two centres.

    A weight is how far along the source-target line a bend sits (0 at the source, 1 at the
    target); a distance is how far off it, positive to the left of the line in screen
    coordinates (y down), as cytoscape measures with ``edge-distances: node-position``.

    >>> segments((0, 0), (100, 0), [(25, 10), (75, -10)])
    ('10 -10', '0.25 0.75')
    """
    dx, dy = end[0] - start[0], end[1] - start[1]
    length_squared = dx * dx + dy * dy
    if length_squared < 1e-9:
        dx, dy, length_squared = 1.0, 0.0, 1.0
    length = math.sqrt(length_squared)
    distances, weights = [], []
    for x, y in bends:
        px, py = x - start[0], y - start[1]
        weights.append((px * dx + py * dy) / length_squared)
        distances.append((dx * py - dy * px) / length)
    return " ".join(f"{d:.4g}" for d in distances), " ".join(f"{w:.4g}" for w in weights)


def _selector_value(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"')


#: How many rules :func:`highlight_rules` returns, always.
HIGHLIGHT_RULES = 3
_NO_MATCH = ".mg-no-highlight"


def highlight_rules(ids: Sequence[str], *, theme: str) -> list[dict[str, Any]]:
    """The rules that fade everything but the given elements (no-ops when there are none).

    They always come as three at the end of the stylesheet, so a new highlight is a three-item
    ``Patch`` instead of a new stylesheet. The look is that of :mod:`mechgraph.style`'s
    ``.faded`` and ``.highlighted`` classes.

    >>> [rule["selector"] for rule in highlight_rules(["il2", "r1"], theme="light")]
    ['node, edge', 'node[id = "il2"], node[id = "r1"]', 'edge[id = "il2"], edge[id = "r1"]']
    >>> {rule["selector"] for rule in highlight_rules([], theme="light")}
    {'.mg-no-highlight'}
    """
    if not ids:
        return [{"selector": _NO_MATCH, "style": {}} for _ in range(HIGHLIGHT_RULES)]
    sheet = {rule["selector"]: rule["style"] for rule in style.cytoscape_stylesheet(theme)}
    values = [_selector_value(i) for i in ids]
    return [
        {"selector": "node, edge", "style": sheet[".faded"]},
        {"selector": ", ".join(f'node[id = "{v}"]' for v in values), "style": {**sheet["node.highlighted"], "opacity": 1}},
        {"selector": ", ".join(f'edge[id = "{v}"]' for v in values), "style": {**sheet["edge.highlighted"], "opacity": 1}},
    ]


#: From this many relations on screen, edges are drawn straight and labels unwrapped: curved,
#: wrapped drawing of a 10,000-relation view takes the browser seconds longer.
LARGE_VIEW = 1500


def dashboard_rules(theme: str, *, large: bool = False) -> list[dict[str, Any]]:
    """What the canvas adds to the shared stylesheet: the focus node, labels that give way when
    zoomed out, and cheaper drawing for large views. Always the same number of rules."""
    colours = style.theme_colours(theme)
    return [
        {"selector": "node", "style": {"min-zoomed-font-size": 6, "text-events": "no", **({"text-wrap": "none"} if large else _BOX_NODE)}},
        *({"selector": f'node[kind = "{kind}"]', "style": {} if large else _box_style(kind, theme)} for kind in (*NodeKind, style.OTHER_KIND)),
        {"selector": "node:selected", "style": {"border-width": 3, "border-color": colours.selection}},
        {"selector": "node.focus", "style": {"border-width": 3, "border-color": colours.selection, "font-weight": "bold"}},
        {"selector": "edge", "style": {"arrow-scale": 1.0, "curve-style": "straight" if large else "bezier"}},
        # Routes come from the layout: drawn as segments through its bend points, in every renderer.
        {"selector": "edge.routed", "style": {} if large else _ROUTED_EDGE},
        # An overview: groups read as stacks (a double border, bold count), summary relations
        # as thin-to-thick bands by how many relations they stand for, light enough for labels.
        {"selector": "node.group", "style": {"border-style": "double", "border-width": 4, "font-weight": "bold"}},
        {"selector": "edge.summary", "style": {"width": "mapData(members, 1, 30, 1.2, 7)", "opacity": 0.45, "arrow-scale": 0.8}},
        {"selector": "edge.arc", "style": {"curve-style": "unbundled-bezier", "control-point-distances": "data(cpd)", "control-point-weights": 0.5}},
    ]


#: Nodes as labelled boxes sized by their wrapped labels (the layout's boxes).
_BOX_NODE = {
    "label": "data(text)",
    "shape": "round-rectangle",
    "width": "data(w)",
    "height": "data(h)",
    "text-valign": "center",
    "text-halign": "center",
    "text-margin-y": 0,
    "text-wrap": "wrap",
    "text-max-width": "1000px",
    "font-size": BOX_FONT_SIZE,
    "line-height": DRAWN_LINE_HEIGHT / BOX_FONT_SIZE,
    "border-width": 1.5,
}
_ROUTED_EDGE = {
    "curve-style": "segments",
    "segment-distances": "data(sd)",
    "segment-weights": "data(sw)",
    "edge-distances": "node-position",
}


def _box_style(kind: str, theme: str) -> dict[str, Any]:
    look = style.box_look(kind, theme)
    return {"background-color": look.fill, "border-color": look.border, "color": look.text, "shape": "round-rectangle"}


def stylesheet(theme: str, highlight: Sequence[str] = (), *, large: bool = False) -> list[dict[str, Any]]:
    """The canvas stylesheet: the shared visual vocabulary, the dashboard's rules, the highlight."""
    return [*style.cytoscape_stylesheet(theme), *dashboard_rules(theme, large=large), *highlight_rules(highlight, theme=theme)]


def counts_text(graph: nx.MultiDiGraph, view: nx.MultiDiGraph | View) -> str:
    """The header's counts: the whole graph, and the view when it shows less.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c")])
    >>> counts_text(g, g)
    '3 nodes · 2 relations'
    >>> counts_text(g, g.subgraph(["a", "b"]))
    'showing 2 of 3 nodes · 1 of 2 relations'
    """
    if isinstance(view, View):
        if view.overview is not None and view.whole is not None:
            whole = view.whole
            text = f"overview of {whole.number_of_nodes():,} nodes · {whole.number_of_edges():,} relations"
            if (whole.number_of_nodes(), whole.number_of_edges()) != (graph.number_of_nodes(), graph.number_of_edges()):
                text += f" (of {graph.number_of_nodes():,} · {graph.number_of_edges():,})"
            return text
        view = view.graph
    n, m = graph.number_of_nodes(), graph.number_of_edges()
    vn, vm = view.number_of_nodes(), view.number_of_edges()
    if (vn, vm) == (n, m):
        return f"{n:,} nodes · {m:,} relations"
    return f"showing {vn:,} of {n:,} nodes · {vm:,} of {m:,} relations"


# -- search and the filter choices ----------------------------------------------------------------


def node_option(graph: nx.MultiDiGraph, node: str, *, matched: str | None = None, typed: str = "") -> dict[str, str]:
    """A node picker option: label and kind, and the name that matched when it is not the label."""
    data = graph.nodes[node]
    label = str(data.get(Attr.LABEL) or node)
    kind = str(data.get(Attr.KIND, "")).replace("_", " ")
    shown = f"{label} · {kind}"
    if matched and matched.casefold() != label.casefold():
        shown += f" ({matched})"
    # The dropdown also filters in the browser: give it the typed text so a synonym match stays.
    return {"label": shown, "value": str(node), "search": f"{typed} {label} {matched or ''} {node}".strip()}


def search_options(graph: nx.MultiDiGraph, text: str | None, current: str | None, *, limit: int = 12) -> list[dict[str, str]]:
    """Dropdown options for a node picker: the best matches of ``text``, and the current value.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("cyclosporine", label="Cyclosporine", kind="agent", synonyms=["CsA"])
    >>> g.add_node("il2", label="IL-2", kind="target")
    >>> [o["label"] for o in search_options(g, "csa", "il2")]
    ['IL-2 · target', 'Cyclosporine · agent (CsA)']
    """
    options: dict[str, dict[str, str]] = {}
    typed = (text or "").strip()[:100]
    if current is not None and current in graph:
        options[current] = node_option(graph, current, typed=typed)
    if typed:
        for match in search(graph, typed, limit=limit):
            options.setdefault(match.node, node_option(graph, match.node, matched=match.text, typed=typed))
    return list(options.values())


def filter_options(graph: nx.MultiDiGraph) -> dict[str, list[dict[str, str]]]:
    """Choices of the source filter: every source id the graph's evidence cites, with its title."""
    sources = graph.graph.get(Attr.SOURCES.value) or {}
    cited: Counter[str] = Counter()
    for _, _, evidence in graph.edges(data=Attr.EVIDENCE.value):
        for item in evidence or ():
            if isinstance(item, Mapping) and item.get(EvidenceKey.SOURCE):
                cited[str(item[EvidenceKey.SOURCE])] += 1
    options = []
    for source, count in sorted(cited.items(), key=lambda pair: (-pair[1], pair[0])):
        title = (sources.get(source) or {}).get(SourceKey.TITLE.value) if isinstance(sources, Mapping) else None
        label = f"{source} · {title}" if title else source
        options.append({"label": f"{label} ({count})", "value": source})
    return {"source": options}


# -- details --------------------------------------------------------------------------------------


def _link(url: Any, text: str) -> Any:
    if isinstance(url, str) and url.startswith(_LINK_SCHEMES):
        return html.A(text, href=url, target="_blank", rel="noopener noreferrer")
    return text


def _row(name: str, value: Any) -> html.Tr:
    return html.Tr([html.Th(name, scope="row"), html.Td(value)])


def _chips(values: Iterable[Any]) -> list[Any]:
    return [html.Span(str(value).replace("_", " "), className="chip") for value in values]


def node_details(graph: nx.MultiDiGraph, node: str) -> list[Any]:
    """The details panel for a node: kind, identifiers linked to their resolvers, synonyms, ...

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("il2", kind="target", label="IL-2", identifiers=["hgnc.symbol:IL2"], synonyms=["interleukin-2"])
    >>> html_text = str(node_details(g, "il2"))
    >>> "genenames.org" in html_text and "interleukin-2" in html_text
    True
    """
    if node not in graph:
        return [html.P(f"{node!r} is not in this graph.", className="muted")]
    data = graph.nodes[node]
    kind = str(data.get(Attr.KIND, ""))
    rows = [_row("Kind", html.Span(kind.replace("_", " "), className=f"kind-badge kind-{kind}"))]
    identifiers = [html.Li(_link(resolve_url(str(curie)), str(curie))) for curie in data.get(Attr.IDENTIFIERS) or ()]
    if identifiers:
        rows.append(_row("Identifiers", html.Ul(identifiers, className="plain")))
    if data.get(Attr.SYNONYMS):
        rows.append(_row("Synonyms", ", ".join(map(str, data[Attr.SYNONYMS]))))
    for attribute, name in ((Attr.PROCESS, "Process"), (Attr.PHASE, "Phase"), (Attr.AGENT_CLASS, "Agent class"), (Attr.IMMUNE_STATE, "Immune state")):
        if data.get(attribute):
            rows.append(_row(name, str(data[attribute]).replace("_", " ")))
    for attribute, name in ((Attr.ROUTES, "Routes"), (Attr.USES, "Uses")):
        if data.get(attribute):
            rows.append(_row(name, _chips(data[attribute])))
    rows.append(_row("Relations", f"{graph.in_degree(node)} in · {graph.out_degree(node)} out"))
    parts: list[Any] = [html.H3(str(data.get(Attr.LABEL) or node)), html.Div(str(node), className="muted mono")]
    if data.get(Attr.DESCRIPTION):
        parts.append(html.P(str(data[Attr.DESCRIPTION])))
    parts.append(html.Table(html.Tbody(rows), className="facts"))
    parts.extend(_evidence_list(data.get(Attr.EVIDENCE) or ()))
    return parts


def _evidence_list(evidence: Iterable[Any]) -> list[Any]:
    """Each evidence item as what it is: a verbatim quote (a labelled blockquote), a curator's
    note (labelled, in plain text, never styled as a quote), and the source it cites."""
    items = [html.Li(_evidence_item(item), className="evidence") for item in evidence if isinstance(item, Mapping)]
    if not items:
        return []
    return [html.H4(f"Evidence ({len(items)})"), html.Ol(items, className="evidence-list")]


def _evidence_item(item: Mapping[str, Any]) -> list[Any]:
    """The parts of one evidence item.

    >>> text = str(_evidence_item({"source": "C2", "note": "via cyclophilin", "url": "http://www.ncbi.nlm.nih.gov/pubmed/8591053"}))
    >>> "Note" in text, "Quote" in text, "PMID 8591053" in text
    (True, False, True)
    """
    body: list[Any] = []
    if item.get(EvidenceKey.QUOTE):
        body.append(html.Figure([html.Figcaption("Quote", className="evidence-label"), html.Blockquote(str(item[EvidenceKey.QUOTE]), className="quote")], className="evidence-quote"))
    if item.get(EvidenceKey.NOTE):
        body.append(html.Div([html.Span("Note", className="evidence-label"), html.P(str(item[EvidenceKey.NOTE]), className="note")], className="evidence-note"))
    body.append(html.Div(source_line(item), className="cite"))
    return body


def source_line(item: Mapping[str, Any]) -> list[Any]:
    """"Source:", the source's title (its URL when it has none) linked, its PMID or DOI, its id.

    >>> [getattr(part, "children", part) for part in source_line({"source": "S", "url": "https://example.org/a"})]
    ['Source: ', 'https://example.org/a', ' [S]']
    """
    source = str(item.get(EvidenceKey.SOURCE, ""))
    url = item.get(SourceKey.URL)
    web = url if isinstance(url, str) and url.startswith(_LINK_SCHEMES) else None
    shown = item.get(SourceKey.TITLE) or web or source
    parts: list[Any] = ["Source: ", _link(url, str(shown))]
    identifier = source_identifier(url)
    if identifier is not None:
        scheme, value = identifier
        resolver = f"https://pubmed.ncbi.nlm.nih.gov/{value}/" if scheme == "PMID" else f"https://doi.org/{value}"
        parts += [" · ", _link(resolver, f"{scheme} {value}")]
    if shown != source:
        parts.append(f" [{source}]")
    return parts


def relation_details(graph: nx.MultiDiGraph, source: str, target: str, key: str) -> list[Any]:
    """The details panel for a relation: sign, mechanism, measurability, context and evidence.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="A"); g.add_node("b", label="B")
    >>> g.add_edge("a", "b", key="r1", relation="inhibits", sign=-1, mechanism="direct",
    ...            evidence=[{"source": "s", "quote": "A inhibits B.", "url": "javascript:alert(1)"}])
    'r1'
    >>> text = str(relation_details(g, "a", "b", "r1"))
    >>> "A inhibits B." in text, "javascript" in text
    (True, False)
    """
    if not graph.has_edge(source, target, key):
        return [html.P("This relation is not in the graph on screen.", className="muted")]
    data = graph.edges[source, target, key]
    sign = Sign.of(int(data.get(Attr.SIGN, 0) or 0))
    source_label = str(graph.nodes[source].get(Attr.LABEL) or source)
    target_label = str(graph.nodes[target].get(Attr.LABEL) or target)
    relation = str(data.get(Attr.RELATION, "")).replace("_", " ")
    rows = [
        _row("Sign", html.Span(sign.word, className=f"sign-badge sign-{sign.word}")),
        _row("Mechanism", str(data.get(Attr.MECHANISM) or UNSPECIFIED)),
        _row("Measurable in", ", ".join(str(m).replace("_", " ") for m in data.get(Attr.MEASURABLE_IN) or ()) or UNSPECIFIED),
    ]
    context = data.get(Attr.CONTEXT) or {}
    if isinstance(context, Mapping):
        for context_key, value in context.items():
            name = str(context_key).replace("_", " ").capitalize()
            rows.append(_row(name, str(value)))
    if data.get(Attr.STATUS):
        rows.append(_row("Status", str(data[Attr.STATUS])))
    heading = html.H3([html.Span(source_label), html.Span(f" {relation} ", className="verb"), html.Span(target_label)])
    parts: list[Any] = [heading, html.Div(f"relation {key}", className="muted mono"), html.Table(html.Tbody(rows), className="facts")]
    if data.get(Attr.NOTE):
        parts.append(html.Div([html.Span("Note", className="evidence-label"), html.P(str(data[Attr.NOTE]), className="note")], className="evidence-note"))
    return parts + _evidence_list(data.get(Attr.EVIDENCE) or ())


# -- paths ----------------------------------------------------------------------------------------


def path_choices(report: PathReport | None, graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Radio options, one per path: its net effect, then each step's verb between the labels."""
    if report is None:
        return []
    options = []
    for index, path in enumerate(report.paths):
        words: list[Any] = [html.Span(path.sign.word, className=f"sign-badge sign-{path.sign.word}"), " ", _label(graph, path.source)]
        for step in path.steps:
            words += [html.Span(f" {step.phrase} ", className="verb"), _label(graph, step.v)]
        evidence = f" · {path.evidence_count} citation{'s' if path.evidence_count != 1 else ''}"
        words.append(html.Span(evidence, className="muted"))
        if path.mixed:
            words.append(html.Span(" · mixed contexts", className="muted mixed-badge"))
        options.append({"label": html.Span(words), "value": index})
    return options


def paths_panel(report: PathReport | None, graph: nx.MultiDiGraph, state: ViewState) -> list[Any]:
    """The explanation of the chosen path, step by step with evidence, and the verdict."""
    if not state.path_from or not state.path_to:
        return [html.P("Pick a start and an end under “How does A affect B?” to see the signed paths between them.", className="muted")]
    if report is None:
        return [html.P("Both ends must be nodes of the graph on screen (check the filters).", className="muted")]
    if not report.paths:
        return [html.P(f"No path of at most {report.max_length} relations leads from {_label(graph, report.source)} to {_label(graph, report.target)}{_within_one_context(report, graph)}.", className="muted")]
    chosen = chosen_path(report, state)
    assert chosen is not None
    summary = ", ".join(f"{count} {word}" for word, count in report.signs.items())
    scope = "contexts may mix" if report.mixed_context else "each within one context"
    parts: list[Any] = [html.P(f"{len(report.paths)} distinct path{'s' if len(report.paths) > 1 else ''} found ({scope}): {summary}.", className="summary")]
    if report.disagree:
        parts.append(html.P("The paths disagree: some increase and some decrease the target.", className="notice warn"))
    if chosen.mixed:
        parts.append(html.P("This path mixes contexts: some of its relations were observed in another species or cell lineage than others.", className="notice warn"))
    parts.append(html.P(explain(chosen, graph), className="explanation"))
    if chosen.contexts:
        parts.append(html.P(f"Contexts: {chosen.context_text}", className="path-contexts"))
    steps = [html.Li([html.Div(step["sentence"], className="step-sentence"), *_step_context(step), _step_count(step), *_evidence_list(step["evidence"])[1:]]) for step in explain_steps(chosen, graph)]
    parts.append(html.Ol(steps, className="steps"))
    return parts


def _within_one_context(report: PathReport, graph: nx.MultiDiGraph) -> str:
    """Why no path was found, when only paths that mix contexts exist."""
    if report.mixed_context or not signed_paths(graph, report.source, report.target, k=1, max_length=report.max_length, mixed_context=True).paths:
        return ""
    return " within one context (allow mixed contexts to see the paths that mix them)"


def _step_context(step: Mapping[str, Any]) -> list[html.Div]:
    return [html.Div(f"in {step['context']}", className="muted step-context")] if step["context"] else []


def _step_count(step: Mapping[str, Any]) -> html.Div:
    """How much evidence a step has, and from how many parallel relations it was joined."""
    count = len(step["evidence"])
    text = f"{count} citation{'s' if count != 1 else ''}"
    if len(step["ids"]) > 1:
        text += f", joined from {len(step['ids'])} relations ({', '.join(step['relations']).replace('_', ' ')})"
    return html.Div(text, className="muted step-count")


def _label(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node].get(Attr.LABEL) or node)


def plot_text(text: object) -> str:
    """Text for a Plotly label or tick: Plotly reads a subset of HTML in them (links, styles), so
    ``&``, ``<`` and ``>`` become entities, which Plotly shows as the characters themselves.

    >>> plot_text('<a href="https://x.org">IL-2</a> & co')
    '&lt;a href="https://x.org"&gt;IL-2&lt;/a&gt; &amp; co'
    """
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _plot_label(graph: nx.MultiDiGraph, node: str) -> str:
    return plot_text(_label(graph, node))


# -- figures --------------------------------------------------------------------------------------

#: Columns of the Sankey diagram: which kinds sit in which column.
SANKEY_COLUMNS: tuple[tuple[str, tuple[NodeKind, ...]], ...] = (
    ("Agents", (NodeKind.AGENT, NodeKind.METABOLITE, NodeKind.THERAPY)),
    ("Targets and cells", (NodeKind.TARGET, NodeKind.IMMUNE_CELL, NodeKind.NON_IMMUNE)),
    ("Processes", (NodeKind.PROCESS,)),
    ("Outcomes", (NodeKind.OUTCOME, NodeKind.CONDITION)),
)
_COLUMN_OF = {kind.value: index for index, (_, kinds) in enumerate(SANKEY_COLUMNS) for kind in kinds}


def kind_colours(theme: str) -> dict[str, str]:
    """Node kind -> fill colour, from :mod:`mechgraph.style`.

    >>> kind_colours("light")["target"]
    '#0072B2'
    """
    return {kind.value: style.node_style(kind, theme).colour for kind in NodeKind}


def sign_colours(theme: str, *, alpha: float = 1.0) -> dict[str, str]:
    """Sign word -> colour of its relations, from :mod:`mechgraph.style`, with an opacity.

    >>> sign_colours("light", alpha=0.5)["decreases"]
    'rgba(213, 94, 0, 0.5)'
    """
    result = {}
    for sign in Sign:
        colour = style.edge_style(sign, None, theme).colour.lstrip("#")
        red, green, blue = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
        result[sign.word] = f"rgba({red}, {green}, {blue}, {alpha:g})"
    return result


def plotly_layout(theme: str) -> dict[str, Any]:
    """The frame of every figure: the theme's colours and font, tight margins."""
    colours = style.theme_colours(theme)
    return {
        "paper_bgcolor": colours.background,
        "plot_bgcolor": colours.background,
        "font": {"family": colours.font_family, "color": colours.text, "size": 12},
        "margin": {"l": 10, "r": 10, "t": 44, "b": 10},
        "xaxis": {"gridcolor": colours.panel_border, "zerolinecolor": colours.panel_border},
        "yaxis": {"gridcolor": colours.panel_border, "automargin": True},
    }


def _empty_figure(message: str, theme: str) -> go.Figure:
    figure = go.Figure()
    figure.add_annotation(text=message, showarrow=False, font={"size": 14})
    figure.update_layout(**plotly_layout(theme))
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    return figure


def sankey_figure(view: nx.MultiDiGraph, *, theme: str = "light", max_nodes: int = SANKEY_MAX_NODES) -> go.Figure:
    """Agents → targets and cells → processes → outcomes: the relations of the view that flow forward.

    Each link is one pair of nodes, its width the number of relations, its colour their net sign.
    Past ``max_nodes`` the nodes with the least flow are left out.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("d", kind="agent", label="Drug"); g.add_node("t", kind="target", label="T")
    >>> g.add_node("p", kind="process", label="P")
    >>> _ = g.add_edge("d", "t", relation="inhibits", sign=-1); _ = g.add_edge("t", "p", relation="activates", sign=1)
    >>> figure = sankey_figure(g)
    >>> list(figure.data[0].node.label), list(figure.data[0].link.value)
    (['Drug', 'T', 'P'], [1, 1])
    """
    flows: dict[tuple[str, str], list[int]] = defaultdict(list)
    for u, v, data in view.edges(data=True):
        cu = _COLUMN_OF.get(str(view.nodes[u].get(Attr.KIND)))
        cv = _COLUMN_OF.get(str(view.nodes[v].get(Attr.KIND)))
        if cu is not None and cv is not None and cu < cv:
            flows[(u, v)].append(int(data.get(Attr.SIGN, 0) or 0))
    if not flows:
        return _empty_figure("No relation in this view flows from agents towards outcomes.", theme)
    weight: Counter[str] = Counter()
    for (u, v), signs in flows.items():
        weight[u] += len(signs)
        weight[v] += len(signs)
    kept = {node for node, _ in sorted(weight.items(), key=lambda item: (-item[1], item[0]))[:max_nodes]}
    nodes = sorted(kept, key=lambda node: (_COLUMN_OF[str(view.nodes[node].get(Attr.KIND))], -weight[node], node))
    index = {node: i for i, node in enumerate(nodes)}
    links = [(u, v, signs) for (u, v), signs in flows.items() if u in kept and v in kept]
    link_colours = sign_colours(theme, alpha=0.35)
    node_colours = kind_colours(theme)
    colours = style.theme_colours(theme)
    sankey = go.Sankey(
        arrangement="snap",
        # Four columns share a narrow panel: labels are cut to what fits between two columns
        # (the whole label is in the hover text) and drawn in the page's text colour.
        node={
            "label": [plot_text(_short(_label(view, node), SANKEY_LABEL_CHARACTERS)) for node in nodes],
            "color": [node_colours.get(str(view.nodes[node].get(Attr.KIND)), "#888888") for node in nodes],
            "pad": 10,
            "thickness": 10,
            "line": {"width": 0},
            "customdata": [[node, plot_text(_label(view, node))] for node in nodes],
            "hovertemplate": "%{customdata[1]}<br>%{value} relation(s)<extra></extra>",
        },
        textfont={"size": 11, "color": colours.text, "family": colours.font_family},
        link={
            "source": [index[u] for u, _, _ in links],
            "target": [index[v] for _, v, _ in links],
            "value": [len(signs) for _, _, signs in links],
            "color": [link_colours[_net_word(signs)] for _, _, signs in links],
            "customdata": [_net_word(signs) for _, _, signs in links],
            "hovertemplate": "%{source.label} → %{target.label}<br>%{value} relation(s), %{customdata}<extra></extra>",
        },
    )
    figure = go.Figure(sankey)
    title = " → ".join(name for name, _ in SANKEY_COLUMNS[:2]) + " →<br>" + " → ".join(name for name, _ in SANKEY_COLUMNS[2:])
    if len(kept) < len(weight):
        title += f"<br><sup>the {len(kept)} nodes with most flow, of {len(weight)}: focus or filter to see the others</sup>"
    figure.update_layout(title={"text": title, "font": {"size": 13}}, **plotly_layout(theme))
    figure.update_layout(margin={"t": 70 if len(kept) < len(weight) else 56, "l": 4, "r": 4, "b": 8}, autosize=True)
    return figure


#: The longest node label drawn in the Sankey diagram, in characters.
SANKEY_LABEL_CHARACTERS = 16


def _short(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut.

    >>> _short("Cyclosporine-cyclophilin complex", 16), _short("IL-2", 16)
    ('Cyclosporine-cy…', 'IL-2')
    """
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _net_word(signs: Sequence[int]) -> str:
    distinct = set(signs)
    return Sign.of(distinct.pop()).word if len(distinct) == 1 else Sign.UNKNOWN.word


def sign_figure(view: nx.MultiDiGraph, *, theme: str = "light") -> go.Figure:
    """Relations of the view by the kind of process they act on, stacked by sign.

    Relations onto a node that is not a process are counted under its node kind.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", kind="agent", label="A"); g.add_node("p", kind="process", process="secretion", label="P")
    >>> _ = g.add_edge("a", "p", relation="inhibits", sign=-1)
    >>> [(trace.name, list(trace.y)) for trace in sign_figure(g).data if sum(trace.x)]
    [('decreases', ['secretion'])]
    """
    counts: dict[str, Counter[str]] = {sign.word: Counter() for sign in Sign}
    for _, v, data in view.edges(data=True):
        target = view.nodes[v]
        category = plot_text(str(target.get(Attr.PROCESS) or target.get(Attr.KIND) or "unknown").replace("_", " "))
        counts[Sign.of(int(data.get(Attr.SIGN, 0) or 0)).word][category] += 1
    categories = sorted({c for counter in counts.values() for c in counter}, key=lambda c: sum(counter[c] for counter in counts.values()))
    if not categories:
        return _empty_figure("No relation in this view.", theme)
    colours = sign_colours(theme)
    figure = go.Figure(
        [go.Bar(name=word, y=categories, x=[counts[word][c] for c in categories], orientation="h", marker_color=colours[word]) for word in counts]
    )
    figure.update_layout(barmode="stack", title={"text": "Relations by sign and what they act on", "font": {"size": 13}}, legend={"orientation": "h", "y": -0.12}, height=max(320, 22 * len(categories) + 120), **plotly_layout(theme))
    return figure


def hub_figure(view: nx.MultiDiGraph, *, theme: str = "light", top: int = HUBS) -> go.Figure:
    """The nodes of the view with the most relations (in and out), coloured by kind.

    >>> g = nx.MultiDiGraph([("a", "b"), ("a", "c"), ("b", "c")])
    >>> list(hub_figure(g, top=2).data[0].y)
    ['b', 'a']
    """
    degrees = sorted(view.degree(), key=lambda item: (-item[1], str(item[0])))[:top]
    if not degrees:
        return _empty_figure("No node in this view.", theme)
    degrees.reverse()
    colours = kind_colours(theme)
    figure = go.Figure(
        go.Bar(
            y=[_plot_label(view, node) for node, _ in degrees],
            x=[degree for _, degree in degrees],
            orientation="h",
            marker_color=[colours.get(str(view.nodes[node].get(Attr.KIND)), "#888888") for node, _ in degrees],
            customdata=[plot_text(str(view.nodes[node].get(Attr.KIND, "")).replace("_", " ")) for node, _ in degrees],
            hovertemplate="%{y} (%{customdata}): %{x} relations<extra></extra>",
        )
    )
    figure.update_layout(title={"text": f"Hubs: the {len(degrees)} most connected nodes", "font": {"size": 13}}, height=max(320, 22 * len(degrees) + 100), **plotly_layout(theme))
    return figure


def _clip_path(points: Iterable[tuple[float, float]]) -> str:
    return "polygon(" + ", ".join(f"{(x + 1) * 50:.1f}% {(y + 1) * 50:.1f}%" for x, y in points) + ")"


def legend_items(theme: str, *, large: bool = False) -> list[Any]:
    """The legend over the canvas, from :func:`mechgraph.style.legend_entries`: each node kind as
    drawn (a tinted box; its shape when a ``large`` view draws shapes), each sign's colour and
    arrowhead, and the dash of indirect relations."""
    rows: dict[str, list[Any]] = {"node": [], "relation": []}
    for entry in style.legend_entries(theme, boxes=not large):
        if entry.group == "node" and entry.box is not None:
            box = {"backgroundColor": entry.box.fill, "border": f"1.5px solid {entry.box.border}", "borderRadius": "3px", "width": "18px", "flexBasis": "18px", "boxSizing": "border-box"}
            icon = html.Span(className="legend-node legend-box", style=box)
        elif entry.group == "node" and entry.shape is not None:
            icon = html.Span(className="legend-node", style={"backgroundColor": entry.colour, "clipPath": _clip_path(entry.shape.outline())})
        else:
            head = html.Span(className=f"legend-head head-{entry.head.value}" if entry.head else "legend-head", style={"color": entry.colour})
            icon = html.Span([html.Span(className="legend-line", style={"borderTopColor": entry.colour, "borderTopStyle": "dashed" if entry.dashed else "solid"}), head], className="legend-edge")
        rows[entry.group].append(html.Div([icon, html.Span(entry.label)], className="legend-row", title=entry.description))
    return [html.Div(rows["node"], className="legend-group"), html.Div(rows["relation"], className="legend-group")]


def base_stylesheet_length(theme: str) -> int:
    """How many rules come before the highlight rules (where a highlight Patch writes).

    >>> len(stylesheet("dark")) == base_stylesheet_length("dark") + HIGHLIGHT_RULES
    True
    """
    return len(style.cytoscape_stylesheet(theme)) + len(dashboard_rules(theme))


# -- notices --------------------------------------------------------------------------------------


def notice_list(lines: Iterable[str], *, kind: str = "info") -> list[Any]:
    """One notice per line (nothing when there are none).

    >>> notice_list([])
    []
    >>> notice_list(["ignored depth='x'"])[0].className
    'notice info'
    """
    return [html.Div(str(line), className=f"notice {kind}") for line in lines]


def upload_label(text: str = "Open a graph…") -> html.Span:
    """What the upload control shows (it reads "Reading the graph…" while an upload is checked)."""
    return html.Span(text, className="button")


def upload_problems(filename: str | None, problems: Sequence[str], *, shown: int = 50) -> list[Any]:
    """Why an upload was refused: every problem with its file, line and field (the first ``shown``)."""
    name = filename or "the file"
    items = [html.Li(problem) for problem in problems[:shown]]
    if len(problems) > shown:
        items.append(html.Li(f"… and {len(problems) - shown} more"))
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    return [html.Div([html.Strong(f"{name} was not opened: {count}."), html.Ul(items, className="upload-problems")], className="notice error", id="upload-error")]


def upload_done(store: Mapping[str, Any], notes: Sequence[str]) -> list[Any]:
    """What an accepted upload holds, and what its import left out."""
    text = f"Opened {store.get('name')}: {store.get('nodes', 0):,} nodes, {store.get('relations', 0):,} relations. Only you see this graph."
    parts: list[Any] = [html.Strong(text)]
    if notes:
        parts.append(html.Ul([html.Li(note) for note in notes[:20]]))
    return [html.Div(parts, className="notice info")]
