"""The canvas: cytoscape elements with the layout's positions and routes, the stylesheet with its
highlight rules, and the legend over it."""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import networkx as nx
from dash import html

from .. import style
from ..layout import drawn_size, wrap_label
from ..layout.labels import BOX_FONT_SIZE, DRAWN_LINE_HEIGHT, WRAP_WIDTH
from ..vocabulary import Attr, NodeKind


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
        if data.get(Attr.HEDGED):  # and hedged ones ("may")
            edge["hedged"] = 1
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


def _clip_path(points: Iterable[tuple[float, float]]) -> str:
    return "polygon(" + ", ".join(f"{(x + 1) * 50:.1f}% {(y + 1) * 50:.1f}%" for x, y in points) + ")"


def legend_items(theme: str, *, large: bool = False) -> list[Any]:
    """The legend over the canvas, from :func:`mechgraph.style.legend_entries`: each node kind as
    drawn (a tinted box; its shape when a ``large`` view draws shapes), each sign's colour and
    arrowhead, and the dash of indirect relations."""
    rows: dict[str, list[Any]] = {"node": [], "relation": []}
    for entry in style.legend_entries(theme, boxes=not large):
        if entry.group == "node" and entry.box is not None:
            box = {
                "backgroundColor": entry.box.fill,
                "border": f"1.5px solid {entry.box.border}",
                "borderRadius": "3px",
                "width": "18px",
                "flexBasis": "18px",
                "boxSizing": "border-box",
            }
            icon = html.Span(className="legend-node legend-box", style=box)
        elif entry.group == "node" and entry.shape is not None:
            icon = html.Span(className="legend-node", style={"backgroundColor": entry.colour, "clipPath": _clip_path(entry.shape.outline())})
        else:
            head = html.Span(className=f"legend-head head-{entry.head.value}" if entry.head else "legend-head", style={"color": entry.colour})
            icon = html.Span(
                [html.Span(className="legend-line", style={"borderTopColor": entry.colour, "borderTopStyle": "dashed" if entry.dashed else "solid"}), head],
                className="legend-edge",
            )
        rows[entry.group].append(html.Div([icon, html.Span(entry.label)], className="legend-row", title=entry.description))
    return [html.Div(rows["node"], className="legend-group"), html.Div(rows["relation"], className="legend-group")]


def base_stylesheet_length(theme: str) -> int:
    """How many rules come before the highlight rules (where a highlight Patch writes).

    >>> len(stylesheet("dark")) == base_stylesheet_length("dark") + HIGHLIGHT_RULES
    True
    """
    return len(style.cytoscape_stylesheet(theme)) + len(dashboard_rules(theme))
