"""Views too large for dash-cytoscape, drawn with WebGL: sigma.js in the page, positions from Python.

dash-cytoscape draws on a 2D canvas from JavaScript: from some 15,000 nodes and relations it
zooms at half speed and takes twice as long to open, from 30,000 it no longer pans (docs/scale.md,
"The dashboard's WebGL canvas"). A view of
:data:`WEBGL_FROM` elements (nodes and relations) or more is drawn instead by sigma.js on
graphology, the bundle of the HTML export (``mechgraph/export/vendor/webgl-graph.min.js``, one
source) served by the dashboard itself at :data:`BUNDLE_PATH` with the export's
texture-on-viewport script, never from a CDN. A view of more than :data:`VIEW_MAX_ELEMENTS` is
drawn as its overview, with a notice (:mod:`mechgraph.dashboard.services`).

The server sends :func:`webgl_elements`, columns of what the canvas draws (ids, labels, kinds,
positions, each relation's ends and sign) and the looks of both themes from :mod:`mechgraph.style`
(:func:`webgl_palette`), to the store :data:`~mechgraph.dashboard.ids.Ids.WEBGL_DATA`; the page's
script (``assets/dashboard-webgl.js``) draws it, lights a chosen path and paints the Reason
panel's answer. A click sends :data:`~mechgraph.dashboard.ids.Ids.WEBGL_TAP` a node's id, or a
relation's place among the view's relations; both come from the browser, so they are checked
against the view on screen before any details are shown (:func:`tapped_node`,
:func:`tapped_relation`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import networkx as nx
from dash import Dash, Input, Output, State, dcc, html
from dash.exceptions import PreventUpdate
from flask import Response

from .. import style
from ..errors import MechgraphError
from ..export.webgl import opaque_over, webgl_scripts
from ..vocabulary import Attr, NodeKind, Sign
from . import views
from .ids import Ids
from .state import parse_query
from .wiring import DETAILS_SHOWN, LOOK, VIEW, inputs, outputs, register_in_browser, states

if TYPE_CHECKING:
    from .services import Services

__all__ = [
    "BUNDLE_PATH",
    "VIEW_MAX_ELEMENTS",
    "WEBGL_FROM",
    "elements_of",
    "register_webgl",
    "tapped_node",
    "tapped_relation",
    "uses_webgl",
    "webgl_elements",
    "webgl_layer",
    "webgl_palette",
]

#: A view of this many nodes and relations or more is drawn with WebGL (below: dash-cytoscape, which
#: draws what sigma does not: labelled boxes, routed relations, tee heads, dashes). Measured
#: (benchmarks/bench_dashboard_scale.py --views, docs/scale.md): dash-cytoscape pans and zooms at
#: 48 to 60 frames a second up to 10,000 elements; at 15,000 to 20,000 its zoom falls to 35 and it
#: opens in 5 to 6 s (WebGL: 1.5 to 2 s); at 30,000 it pans at 16 frames a second, at 50,000 at 1.
#: WebGL with its texture on viewport moves at about 60 at every size.
WEBGL_FROM = 10_000
#: A view of more nodes and relations than this is drawn as its overview, with a notice.
VIEW_MAX_ELEMENTS = 60_000
#: How to read a view drawn with WebGL (under it, while it is shown): what differs from the legend's boxes and heads.
WEBGL_CAPTION = "Large view · node colour: kind · relation colour: sign · zoom in for more labels · click a node for its details"
#: Where the dashboard serves the WebGL bundle (sigma.js, graphology, texture on viewport).
BUNDLE_PATH = "/_mechgraph/webgl-graph.js"
#: Relations drawn lighter (mixed with the background) from this many, so that hubs' fans do not hide the rest.
_TRANSLUCENT_FROM = 2_000
#: The longest node id a click may send back (longer is refused unread).
_MAX_ID_LENGTH = 2_000


def elements_of(graph: nx.MultiDiGraph) -> int:
    """How many nodes and relations a view draws.

    >>> elements_of(nx.MultiDiGraph([("a", "b"), ("a", "b")]))
    4
    """
    return int(graph.number_of_nodes() + graph.number_of_edges())


def uses_webgl(graph: nx.MultiDiGraph, webgl_from: int = WEBGL_FROM) -> bool:
    """Whether a view of ``graph`` is drawn with WebGL.

    >>> uses_webgl(nx.MultiDiGraph([("a", "b")]), webgl_from=3), uses_webgl(nx.MultiDiGraph([("a", "b")]), webgl_from=4)
    (True, False)
    """
    return elements_of(graph) >= webgl_from


def webgl_palette() -> dict[str, Any]:
    """The looks of both themes, from :mod:`mechgraph.style`: per node kind its colour, its colour
    faded (for what a hover leaves unlit) and its radius; per sign its colour, solid and mixed with
    the background (for views of many relations); the canvas's text, label halo and selection."""
    palette: dict[str, Any] = {}
    kinds = [*(kind.value for kind in NodeKind), style.OTHER_KIND]
    for theme in style.Theme:
        colours = style.theme_colours(theme)
        signs = {}
        for sign in Sign:
            solid = style.edge_style(sign, None, theme).colour
            signs[str(int(sign))] = {"solid": solid, "light": opaque_over(solid, colours.background, 0.45), "width": style.edge_style(sign, None, theme).width}
        palette[theme.value] = {
            "kinds": {
                kind: {
                    "colour": style.node_style(kind, theme).colour,
                    "faded": opaque_over(style.node_style(kind, theme).colour, colours.background, style.FADED_OPACITY),
                    "size": style.node_style(kind, theme).size,
                }
                for kind in kinds
            },
            "signs": signs,
            "text": colours.text,
            "halo": "rgba(30,30,30,0.8)" if theme is style.Theme.DARK else "rgba(255,255,255,0.8)",
            "selection": colours.selection,
            "font": colours.font_family,
        }
    return palette


def _rounded(value: float) -> float | int:
    rounded = round(float(value), 1)
    return int(rounded) if rounded == int(rounded) else rounded


def webgl_elements(graph: nx.MultiDiGraph, positions: Mapping[Any, tuple[float, float]], *, focus: str | None = None) -> dict[str, Any]:
    """What the WebGL canvas draws of a view: columns of nodes (id, label, kind, x, y) and
    relations (the positions of their ends among the nodes, their sign), the focus's position
    (-1 for none), whether relations are many (drawn lighter), and both themes' looks.

    Only what is drawn: a click asks the server for the rest (as a tap on dash-cytoscape does).

    >>> g = nx.MultiDiGraph(); g.add_node("a", kind="agent", label="A"); g.add_node("b", kind="target")
    >>> _ = g.add_edge("a", "b", sign=-1)
    >>> data = webgl_elements(g, {"a": (0, 0), "b": (120.04, 5)}, focus="b")
    >>> data["nodes"], data["edges"], data["focus"]
    ({'id': ['a', 'b'], 'label': ['A', 'b'], 'kind': [0, 1], 'x': [0, 120], 'y': [0, 5]}, {'from': [0], 'to': [1], 'sign': [-1]}, 1)
    >>> data["kinds"]
    ['agent', 'target']
    """
    index = {node: i for i, node in enumerate(graph)}
    kinds: dict[str, int] = {}
    known = {kind.value for kind in NodeKind}
    nodes: dict[str, list[Any]] = {"id": [], "label": [], "kind": [], "x": [], "y": []}
    for node, data in graph.nodes(data=True):
        kind = str(data.get(Attr.KIND) or "")
        kind = kind if kind in known else style.OTHER_KIND
        x, y = positions.get(node, (0.0, 0.0))
        nodes["id"].append(str(node))
        nodes["label"].append(str(data.get(Attr.LABEL) or node))
        nodes["kind"].append(kinds.setdefault(kind, len(kinds)))
        nodes["x"].append(_rounded(x))
        nodes["y"].append(_rounded(y))
    edges: dict[str, list[int]] = {"from": [], "to": [], "sign": []}
    for u, v, sign in graph.edges(data=Attr.SIGN.value):
        edges["from"].append(index[u])
        edges["to"].append(index[v])
        edges["sign"].append(Sign.of(int(sign or 0)).value)
    return {
        "nodes": nodes,
        "edges": edges,
        "kinds": list(kinds),
        "focus": index.get(focus, -1) if focus is not None else -1,
        "many": graph.number_of_edges() >= _TRANSLUCENT_FROM,
        "palette": webgl_palette(),
    }


def tapped_node(tap: Any, view: nx.MultiDiGraph) -> str | None:
    """The node a click on the WebGL canvas names, when it is a node of the view on screen.

    The click comes from the browser: anything but ``{"id": <a node of the view>}`` names nothing.

    >>> view = nx.MultiDiGraph([("a", "b")])
    >>> tapped_node({"id": "a", "at": 1}, view), tapped_node({"id": "zz"}, view), tapped_node({"id": ["a"]}, view), tapped_node("a", view)
    ('a', None, None, None)
    """
    node = tap.get("id") if isinstance(tap, dict) else None
    if not isinstance(node, str) or not node or len(node) > _MAX_ID_LENGTH or node not in view:
        return None
    return node


def tapped_relation(tap: Any, view: nx.MultiDiGraph) -> tuple[str, str, str] | None:
    """The relation (source, target, key) a click on the WebGL canvas names by its place among the
    view's relations (the order :func:`webgl_elements` sent them in), when it is one of them.

    >>> view = nx.MultiDiGraph(); _ = view.add_edge("a", "b", key="r1"); _ = view.add_edge("b", "c", key="r2")
    >>> tapped_relation({"edge": 1}, view), tapped_relation({"edge": 2}, view), tapped_relation({"edge": True}, view), tapped_relation({"edge": "0"}, view)
    (('b', 'c', 'r2'), None, None, None)
    """
    position = tap.get("edge") if isinstance(tap, dict) else None
    if not isinstance(position, int) or isinstance(position, bool) or not 0 <= position < view.number_of_edges():
        return None
    for i, (u, v, key) in enumerate(view.edges(keys=True)):
        if i == position:
            return str(u), str(v), str(key)
    return None  # pragma: no cover (the range is checked above)


def webgl_layer() -> list[Any]:
    """The WebGL canvas over dash-cytoscape's (hidden until a large view is drawn) and its two stores."""
    label: dict[str, Any] = {"aria-label": "The view, drawn with WebGL"}
    return [
        html.Div(id=Ids.WEBGL, className="canvas-webgl", hidden=True, role="img", **label),
        html.Div(WEBGL_CAPTION, className="webgl-caption", role="note"),
        dcc.Store(id=Ids.WEBGL_DATA),
        dcc.Store(id=Ids.WEBGL_TAP),
        dcc.Store(id=Ids.WEBGL_PAINTED),
    ]


def _bundle() -> Response:
    response = Response(webgl_scripts(), mimetype="application/javascript")
    response.headers["Cache-Control"] = "public, max-age=86400"
    return response


def register_webgl(app: Dash, services: Services) -> None:
    """Serve the bundle, and attach the WebGL canvas's callbacks: drawing, theme, highlight, clicks."""
    app.server.add_url_rule(BUNDLE_PATH, "mechgraph_webgl_bundle", _bundle)
    draw = "function(data, theme, lit) { return window.mechgraphWebGL.draw('" + Ids.WEBGL + "', data, theme, lit); }"
    # a path chosen before the view arrived is lit
    register_in_browser(app, draw, Output(Ids.WEBGL, "title"), Input(Ids.WEBGL_DATA, "data"), *states(*LOOK))
    # back on the map's tab, whose canvas the tabs drew afresh: the view again
    redraw = "function(tab, data, theme, lit) { return window.mechgraphWebGL.redraw('" + Ids.WEBGL + "', data, theme, lit); }"
    again: tuple[Input | State, ...] = (Input(Ids.MAIN_TABS, "value"), State(Ids.WEBGL_DATA, "data"), *states(*LOOK))
    register_in_browser(app, redraw, Output(Ids.WEBGL, "title", allow_duplicate=True), *again)
    # the Reason panel's answer (perturbation, comparison, data), as dash-cytoscape shows it
    paint = "function(paint) { return window.mechgraphWebGL.paint(paint); }"
    register_in_browser(app, paint, Output(Ids.WEBGL_PAINTED, "data"), Input(Ids.REASON_PAINT, "data"))
    restyle = "function(theme, lit) { return window.mechgraphWebGL.restyle(theme, lit); }"
    register_in_browser(app, restyle, Output(Ids.WEBGL, "className"), *inputs(*LOOK))

    @app.callback(
        *outputs(*DETAILS_SHOWN, allow_duplicate=True),
        Input(Ids.WEBGL_TAP, "data"),
        *states(*VIEW),
        prevent_initial_call=True,
    )
    def show_tapped(tap: Any, view_key: str | None, store: dict[str, Any] | None) -> tuple[Any, ...]:
        """A node or a relation clicked on the WebGL canvas: the same details as a tap on dash-cytoscape."""
        from .layout import PanelTab  # layout draws this module's layer

        if tap is None or not isinstance(view_key, str):
            raise PreventUpdate
        state = parse_query(view_key)[0]
        try:
            key, graph = services.graph(store)
            shown = services.drawing(key, graph, state).view.graph
            if isinstance(tap, dict) and "edge" in tap:  # a relation clicked
                relation = tapped_relation(tap, shown)
                if relation is None:
                    return views.notice_list(["the relation clicked is not in this view"], kind="error"), None, PanelTab.DETAILS.value
                details = services.details_graph(key, graph, state, list(relation[:2]))
                return views.relation_details(details, *relation), None, PanelTab.DETAILS.value
            node = tapped_node(tap, shown)
            if node is None:
                return views.notice_list(["the node clicked is not in this view"], kind="error"), None, PanelTab.DETAILS.value
            details = services.details_graph(key, graph, state, [node])
        except MechgraphError as error:
            return views.notice_list([str(error)], kind="error"), None, PanelTab.DETAILS.value
        return views.node_details(details, node), node, PanelTab.DETAILS.value
