"""A self-contained HTML page drawn with WebGL, for views too large for vis-network (5,000 to 50,000 nodes).

The page draws with sigma.js on graphology, both bundled into one minified file shipped inside
the package (``mechgraph/export/vendor/webgl-graph.min.js``, rebuilt by
``scripts/build-webgl-bundle``; vendor/README.md names the versions and licences) and inlined,
so the file works offline. Nothing is laid out in the browser: the positions are the figure's
(:func:`mechgraph.layout.compute_geometry`, computed once in Python: the kind-columns layout of
``layered`` for views this large takes about a second at 50,000 nodes, ``force`` about ten).

What the page shows, all from :mod:`mechgraph.style`: each node in its kind's colour, sized by
its kind and (a little) by how connected it is; each relation in its sign's colour (lighter when
there are many); a legend of what is drawn; the title and counts. Labels come from sigma's
label grid: the largest (most connected) node of each cell of the screen first, more as one
zooms in, every label close up. Hovering a node lights it and its neighbours and dims the rest;
a click opens a details panel (label, kind, each relation with its sign and the evidence the
view carries); the search box finds nodes by name and centres the camera on them.

Safety is that of the vis-network page (:mod:`mechgraph.export.html`): the data is JSON inside
``<script type="application/json">`` through :func:`~mechgraph.export.html.json_for_html`, every
text on the page is set with ``textContent`` or drawn on the canvas as text, only http(s) URLs
become links, and a Content-Security-Policy forbids every request.

The same figure gives the same bytes.
"""

from __future__ import annotations

import html
from functools import lru_cache
from importlib import resources
from typing import Any

from ..style import FADED_OPACITY, edge_style, legend_entries, mark_legend, mark_look, node_style, theme_colours
from ..vocabulary import Sign
from .html import json_for_html
from .html_page import fill_page, page_markers
from .view import ExportError, Figure

__all__ = ["RENDERERS", "WEBGL_THRESHOLD", "choose_renderer", "webgl_data", "webgl_document"]

#: The renderers of an HTML export: ``auto`` picks vis-network below :data:`WEBGL_THRESHOLD`
#: nodes and WebGL at or above it.
RENDERERS = ("auto", "vis", "webgl")

#: ``auto`` draws a view of this many nodes or more with WebGL (see docs/scale.md: at 2,000 nodes
#: the vis-network page needs seconds before it is usable and pans at a few frames a second).
WEBGL_THRESHOLD = 2000

_BUNDLE = "vendor/webgl-graph.min.js"

#: Relations are drawn lighter (mixed with the background) above this many, so that the hubs' fans do not hide the rest.
_TRANSLUCENT_ABOVE = 2000


def choose_renderer(renderer: str, nodes: int) -> str:
    """``vis`` or ``webgl``: what ``renderer`` (one of :data:`RENDERERS`) draws a view of ``nodes`` nodes with.

    >>> choose_renderer("auto", WEBGL_THRESHOLD - 1), choose_renderer("auto", WEBGL_THRESHOLD), choose_renderer("webgl", 3)
    ('vis', 'webgl', 'webgl')
    >>> choose_renderer("canvas", 3)
    Traceback (most recent call last):
    ...
    mechgraph.errors.ExportError: unknown renderer 'canvas': expected auto, vis or webgl
    """
    chosen = str(renderer).lower()
    if chosen not in RENDERERS:
        raise ExportError(f"unknown renderer {renderer!r}: expected auto, vis or webgl")
    if chosen == "auto":
        return "webgl" if nodes >= WEBGL_THRESHOLD else "vis"
    return chosen


@lru_cache(maxsize=1)
def bundle_js() -> str:
    """The bundled sigma.js and graphology (one minified script), ready to inline."""
    try:
        text = (resources.files("mechgraph.export") / _BUNDLE).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as error:
        raise ExportError(f"the WebGL bundle is missing ({_BUNDLE}): reinstall mechgraph or run scripts/build-webgl-bundle ({error})") from error
    return _inline_script(text)


def _inline_script(text: str) -> str:
    # Inside <script>, only "</script" (any case) and "<!--" can end or confuse the element.
    return text.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT").replace("<!--", "<\\!--")


def _translucent(colour: str, alpha: float) -> str:
    """``colour`` (#RRGGBB) at ``alpha`` as CSS ``rgba()`` (mechgraph.style has :func:`~mechgraph.style.faded` at one fixed opacity).

    >>> _translucent("#0072B2", 0.5)
    'rgba(0,114,178,0.5)'
    """
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{alpha:g})"


def _over(colour: str, background: str, alpha: float) -> str:
    """``colour`` at ``alpha`` over ``background``, as an opaque #RRGGBB.

    sigma blends translucent colours on a transparent canvas that the page then composites as if
    they were premultiplied, which lightens them (blue relations came out cyan): relations are
    drawn in opaque colours mixed here instead.

    >>> _over("#0072B2", "#FFFFFF", 0.5)
    '#80B8D8'
    """
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(background[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(alpha * x + (1 - alpha) * y):02X}" for x, y in zip(a, b))


def _rounded(value: float) -> float | int:
    rounded = round(value, 1)
    return int(rounded) if rounded == int(rounded) else rounded


def webgl_data(figure: Figure) -> dict[str, Any]:
    """The page's data: columns of nodes and relations, look-up tables of kinds, looks, texts and sources."""
    theme = figure.theme
    colours = theme_colours(theme)
    order = [entry.key for entry in legend_entries(theme, kinds=figure.kinds, signs=[], mechanisms=[])]
    kinds = sorted({node.kind for node in figure.nodes}, key=order.index)
    kind_index = {kind: i for i, kind in enumerate(kinds)}
    style_keys = sorted({int(edge.sign) for edge in figure.edges}, reverse=True)
    style_index = {sign: i for i, sign in enumerate(style_keys)}
    many = len(figure.edges) > _TRANSLUCENT_ABOVE
    alpha = 0.35 if len(figure.edges) > 20 * _TRANSLUCENT_ABOVE else 0.55
    relations = sorted({(edge.relation, edge.phrase) for edge in figure.edges})
    relation_index = {relation: i for i, (relation, _) in enumerate(relations)}
    sources = sorted({(ev.source, ev.title or "", ev.url or "") for edge in figure.edges for ev in edge.evidence})
    source_index = {source: i for i, source in enumerate(sources)}
    texts: dict[str, int] = {}

    def text(value: str | None) -> int:
        return -1 if not value else texts.setdefault(value, len(texts))

    evidence = []
    for position, edge in enumerate(figure.edges):
        if edge.evidence:
            evidence.append(
                [position, [[source_index[(ev.source, ev.title or "", ev.url or "")], text(ev.quote), text(ev.note)] for ev in edge.evidence]]
            )
    mechanism = {position: edge.mechanism for position, edge in enumerate(figure.edges) if edge.mechanism}
    mechanisms = sorted(set(mechanism.values()))
    return {
        "title": figure.title,
        "theme": {
            "background": colours.background,
            "text": colours.text,
            "muted": colours.muted_text,
            "font": colours.font_family,
            "selection": colours.selection,
            "fadedOpacity": FADED_OPACITY,
            "halo": _translucent(colours.background, 0.8),
        },
        "kinds": [
            {
                "key": kind,
                "label": kind.replace("_", " "),
                "colour": node_style(kind, theme).colour,
                "faded": _over(node_style(kind, theme).colour, colours.background, FADED_OPACITY),
                "size": node_style(kind, theme).size,
            }
            for kind in kinds
        ],
        "styles": [
            {
                "sign": Sign(sign).word,
                "colour": _over(edge_style(sign, None, theme).colour, colours.background, alpha) if many else edge_style(sign, None, theme).colour,
                "solid": edge_style(sign, None, theme).colour,
                "width": edge_style(sign, None, theme).width,
            }
            for sign in style_keys
        ],
        "relations": [{"name": name, "phrase": phrase} for name, phrase in relations],
        "mechanisms": mechanisms,
        "sources": [{"id": sid, "title": title or None, "url": url or None} for sid, title, url in sources],
        "texts": list(texts),
        "nodes": {
            "id": [node.id for node in figure.nodes],
            "label": [node.label for node in figure.nodes],
            "kind": [kind_index[node.kind] for node in figure.nodes],
            "x": [_rounded(node.x) for node in figure.nodes],
            "y": [_rounded(node.y) for node in figure.nodes],
            "marks": _marks(figure),
        },
        "edges": {
            "from": [edge.source for edge in figure.edges],
            "to": [edge.target for edge in figure.edges],
            "style": [style_index[int(edge.sign)] for edge in figure.edges],
            "relation": [relation_index[edge.relation] for edge in figure.edges],
            "mechanism": [[position, mechanisms.index(value)] for position, value in mechanism.items()],
            "evidence": evidence,
        },
    }


def _marks(figure: Figure) -> list[list[Any]]:
    """[position, colour, glyph] of each node a perturbation reached or a measured value fills:
    a disc has no border to show a mark with, so it takes the mark's colour (:func:`~mechgraph.style.mark_look`)."""
    found: list[list[Any]] = []
    for position, node in enumerate(figure.nodes):
        look = mark_look(node.mark, figure.theme, fill=node.fill) if node.mark or node.fill else None
        if look is not None:
            found.append([position, node.fill or look.border, look.glyph])
    return found


def _disc(colour: str, border: str) -> str:
    return (
        '<svg class="mechgraph-swatch" width="14" height="14" viewBox="0 0 14 14" aria-hidden="true">'
        f'<circle cx="7" cy="7" r="6" fill="{colour}" stroke="{border}" stroke-width="0.8"/></svg>'
    )


def _legend_html(figure: Figure) -> str:
    """The legend of what the WebGL page draws: a disc per node kind, a line per sign (colour is the sign)."""
    colours = theme_colours(figure.theme)
    entries = legend_entries(figure.theme, kinds=figure.kinds, signs=figure.signs, mechanisms=[], boxes=False)
    items = []
    for group, heading in (("node", "Nodes"), ("relation", "Relations")):
        chosen = [entry for entry in entries if entry.group == group]
        if not chosen:
            continue
        items.append(f'<h3>{heading}</h3><ul class="mechgraph-legend-{group}">')
        for entry in chosen:
            if group == "node":
                swatch = _disc(entry.colour, colours.node_border)
            else:
                swatch = (
                    '<svg class="mechgraph-swatch" width="36" height="14" viewBox="0 0 36 14" aria-hidden="true">'
                    f'<line x1="2" y1="7" x2="27" y2="7" stroke="{entry.colour}" stroke-width="2"/>'
                    f'<polygon points="34,7 26,3 26,11" fill="{entry.colour}"/></svg>'
                )
            items.append(
                f'<li data-key="{html.escape(entry.key)}" title="{html.escape(entry.description)}">{swatch}<span>{html.escape(entry.label)}</span></li>'
            )
        items.append("</ul>")
    marks = mark_legend(figure.marks, figure.theme)
    if marks:
        items.append('<h3>Perturbation</h3><ul class="mechgraph-legend-response">')
        items += [
            f'<li data-key="{html.escape(e.key)}" title="{html.escape(e.description)}">{_disc(e.colour, colours.node_border)}<span>{html.escape(e.label)}</span></li>'
            for e in marks
        ]
        items.append("</ul>")
    if figure.scale:
        items.append('<h3>Measured values</h3><ul class="mechgraph-legend-measured">')
        items += [f"<li>{_disc(colour, colours.node_border)}<span>{value:+g}</span></li>" for value, colour in figure.scale]
        items.append("</ul>")
    return "".join(items)


def webgl_document(figure: Figure) -> str:
    """The whole WebGL page of ``figure``, as text.

    >>> from mechgraph.export.view import build_figure
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(); g.add_node("x", label="</script><script>alert(1)</script>", kind="agent")
    >>> page = webgl_document(build_figure(g, title="<b>T</b>"))
    >>> "<script>alert" in page, "&lt;b&gt;T&lt;/b&gt;" in page, "MechgraphWebGL" in page
    (False, True, True)
    """
    return fill_page(
        _TEMPLATE,
        page_markers(figure, _legend_html(figure)),
        [("@@DATA@@", json_for_html(webgl_data(figure))), ("@@BUNDLE@@", bundle_js()), ("@@APP@@", _inline_script(_APP_JS))],
    )


_TEMPLATE = """<!DOCTYPE html>
<html lang="en" data-theme="@@THEME@@" data-renderer="webgl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=@@WIDTH@@">
<meta name="generator" content="mechgraph">
<title>@@TITLE@@</title>
<style>
@@FRAME_CSS@@
#mechgraph-message { position: absolute; top: 80px; left: 240px; right: 40px; color: @@MUTED@@; }
#mechgraph-details .mechgraph-sign { font-weight: 600; }
#mechgraph-details .mechgraph-note, #mechgraph-details .mechgraph-cite { color: @@MUTED@@; font-size: 12px; }
</style>
</head>
<body>
<div id="mechgraph-frame">
<header id="mechgraph-header">
<h1 id="mechgraph-title">@@TITLE@@</h1>
<span id="mechgraph-counts">@@COUNTS@@</span>
<div id="mechgraph-tools">
<input id="mechgraph-search" type="search" placeholder="Search nodes" aria-label="Search nodes" autocomplete="off">
<span id="mechgraph-found" aria-live="polite"></span>
<button id="mechgraph-fit" type="button" title="Show the whole graph">Fit</button>
</div>
</header>
<aside id="mechgraph-legend" aria-label="Legend">
<h2>Legend</h2>
@@LEGEND@@
<p>Node size: kind and number of relations. Labels: the most connected first; zoom in for more. Hover a node to light its neighbours, click it for its relations and evidence.</p>
</aside>
<div id="mechgraph-graph" role="img" aria-label="@@TITLE@@"></div>
<aside id="mechgraph-details" aria-live="polite" hidden></aside>
<noscript>This figure needs JavaScript to draw the graph.</noscript>
</div>
<script type="application/json" id="mechgraph-data">@@DATA@@</script>
<script>@@BUNDLE@@</script>
<script>@@APP@@</script>
</body>
</html>
"""


# The page's own code. It builds every piece of text with textContent and links only http(s) URLs.
_APP_JS = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("mechgraph-data").textContent);
  var N = data.nodes, E = data.edges, nodeCount = N.id.length, edgeCount = E.from.length;
  var state = { data: data, ready: false, sigma: null, graph: null, hovered: null, selected: null, centred: null, firstFrame: null };
  window.mechgraph = state;
  var box = document.getElementById("mechgraph-graph");

  // Degrees, and the relations of each node (for the details panel).
  var degree = new Array(nodeCount).fill(0), incident = new Array(nodeCount);
  for (var j = 0; j < edgeCount; j++) {
    degree[E.from[j]]++;
    if (E.to[j] !== E.from[j]) { degree[E.to[j]]++; }
  }
  var evidenceOf = {}, mechanismOf = {};
  E.evidence.forEach(function (pair) { evidenceOf[pair[0]] = pair[1]; });
  E.mechanism.forEach(function (pair) { mechanismOf[pair[0]] = data.mechanisms[pair[1]]; });

  // Node sizes: the kind's radius, scaled to the room each node has on screen, a little larger
  // the more relations a node has (so the most connected win the label grid).
  var area = Math.max(box.clientWidth * box.clientHeight, 1);
  var scale = Math.max(0.1, Math.min(0.8, 0.22 * Math.sqrt(area / Math.max(nodeCount, 1)) / 11));
  var sizes = new Array(nodeCount);
  for (var i = 0; i < nodeCount; i++) {
    sizes[i] = data.kinds[N.kind[i]].size * scale * (1 + 0.6 * Math.log10(1 + degree[i]));
  }
  // Labels at first sight for about one node per 9,000 square pixels, the largest first.
  var ordered = sizes.slice().sort(function (a, b) { return b - a; });
  var threshold = ordered[Math.min(ordered.length - 1, Math.max(8, Math.round(area / 9000)))] || 0;

  var graph = new MechgraphWebGL.Graph({ type: "directed", multi: true, allowSelfLoops: true });
  state.graph = graph;
  // A perturbation's or a data overlay's result: the node takes the mark's colour, its glyph before the label.
  var markOf = {};
  N.marks.forEach(function (mark) { markOf[mark[0]] = mark; });
  for (var n = 0; n < nodeCount; n++) {
    var kind = data.kinds[N.kind[n]], mark = markOf[n];
    graph.addNode(String(n), {
      x: N.x[n], y: -N.y[n], size: sizes[n], color: mark ? mark[1] : kind.colour,
      label: mark && mark[2] ? mark[2] + " " + N.label[n] : N.label[n],
    });
  }
  for (var e = 0; e < edgeCount; e++) {
    var look = data.styles[E.style[e]];
    graph.addEdgeWithKey(String(e), String(E.from[e]), String(E.to[e]), { color: look.colour, size: look.width * Math.max(0.5, Math.min(1, scale * 1.5)) });
  }

  function neighbourhood(node) {
    var around = new Set([node]);
    graph.forEachNeighbor(node, function (other) { around.add(other); });
    return around;
  }
  var lit = null;  // the nodes lit by hovering or selecting, or null
  function light(node) {
    lit = node === null ? null : neighbourhood(node);
    state.hovered = node;
    renderer.refresh({ skipIndexation: true });
  }
  function nodeReducer(node, attributes) {
    if (lit === null) { return attributes; }
    if (!lit.has(node)) {
      return Object.assign({}, attributes, { color: data.kinds[N.kind[+node]].faded, label: "", zIndex: 0 });
    }
    return Object.assign({}, attributes, { zIndex: 1, forceLabel: lit.size <= 60, highlighted: node === state.hovered || node === state.selected });
  }
  function edgeReducer(edge, attributes) {
    if (lit === null) { return attributes; }
    var hub = state.hovered;
    if (graph.source(edge) !== hub && graph.target(edge) !== hub) { return Object.assign({}, attributes, { hidden: true }); }
    return Object.assign({}, attributes, { color: data.styles[E.style[+edge]].solid, zIndex: 1 });
  }

  // A label on a band of the background, so that it reads over a mass of relations.
  function drawLabel(context, shown, settings) {
    if (!shown.label) { return; }
    var size = settings.labelSize, x = shown.x + shown.size + 3;
    context.font = settings.labelWeight + " " + size + "px " + settings.labelFont;
    var width = context.measureText(shown.label).width;
    context.fillStyle = data.theme.halo;
    context.fillRect(x - 2, shown.y - size / 2 - 3, width + 4, size + 5);
    context.fillStyle = data.theme.text;
    context.fillText(shown.label, x, shown.y + size / 3);
  }

  var renderer;
  try {
    renderer = new MechgraphWebGL.Sigma(graph, box, {
      defaultEdgeType: "arrow",
      renderEdgeLabels: false,
      labelFont: data.theme.font,
      labelSize: 12,
      labelWeight: "normal",
      labelColor: { color: data.theme.text },
      defaultDrawNodeLabel: drawLabel,
      labelDensity: 0.5,
      labelGridCellSize: 160,
      labelRenderedSizeThreshold: threshold,
      zIndex: true,
      minCameraRatio: 0.002,
      maxCameraRatio: 4,
      nodeReducer: nodeReducer,
      edgeReducer: edgeReducer,
      stagePadding: 24,
    });
  } catch (error) {
    var message = document.createElement("p");
    message.id = "mechgraph-message";
    message.textContent = "This page draws its graph with WebGL, which this browser does not offer (" + String(error && error.message || error) + ").";
    document.getElementById("mechgraph-frame").appendChild(message);
    return;
  }
  state.sigma = renderer;
  // The first view leaves room on the right for the labels of the last column (labels are
  // written to the right of their node).
  var home = { x: 0.545, y: 0.5, ratio: 1.1, angle: 0 };
  renderer.getCamera().setState(home);
  // sigma draws its first frame inside its constructor: the page is usable once that frame is
  // on screen, at the next animation frame.
  requestAnimationFrame(function () {
    state.firstFrame = performance.now();
    state.ready = true;
    document.documentElement.setAttribute("data-ready", "true");
  });

  // -- details ------------------------------------------------------------------------------
  var details = document.getElementById("mechgraph-details");
  function el(tag, text, className) {
    var element = document.createElement(tag);
    if (text !== undefined && text !== null) { element.textContent = String(text); }
    if (className) { element.className = className; }
    return element;
  }
  function link(text, url) {
    if (typeof url === "string" && /^https?:\/\/[^\s<>"'`]+$/i.test(url)) {
      var anchor = el("a", text);
      anchor.href = url;
      anchor.target = "_blank";
      anchor.rel = "noopener noreferrer";
      return anchor;
    }
    return el("span", text);
  }
  function hide() {
    details.hidden = true;
    state.selected = null;
    light(null);
  }
  var SHOWN = 100;
  function relationItem(edge, index) {
    var outgoing = E.from[edge] === index, other = outgoing ? E.to[edge] : E.from[edge];
    var relation = data.relations[E.relation[edge]], look = data.styles[E.style[edge]], item = el("li");
    var sign = el("span", look.sign, "mechgraph-sign");
    sign.style.color = look.solid;
    item.appendChild(sign);
    item.appendChild(document.createTextNode(": "));
    item.appendChild(document.createTextNode(outgoing ? relation.phrase + " " + N.label[other] : N.label[other] + " " + relation.phrase + " this"));
    if (mechanismOf[edge]) { item.appendChild(document.createTextNode(" (" + mechanismOf[edge] + ")")); }
    (evidenceOf[edge] || []).forEach(function (ev) {
      var source = data.sources[ev[0]];
      if (ev[1] >= 0) { item.appendChild(el("blockquote", data.texts[ev[1]])); }
      if (ev[2] >= 0) { item.appendChild(el("div", data.texts[ev[2]], "mechgraph-note")); }
      var cite = el("div", null, "mechgraph-cite");
      cite.appendChild(document.createTextNode("Source: "));
      cite.appendChild(link(source.title || source.url || source.id, source.url));
      item.appendChild(cite);
    });
    return item;
  }
  function showNode(index) {
    while (details.firstChild) { details.removeChild(details.firstChild); }
    var close = el("button", "\u00d7");
    close.id = "mechgraph-close";
    close.type = "button";
    close.title = "Close";
    close.addEventListener("click", hide);
    details.appendChild(close);
    details.appendChild(el("h2", N.label[index]));
    details.appendChild(el("p", data.kinds[N.kind[index]].label + " \u00b7 " + N.id[index], "mechgraph-kind"));
    var mine = graph.edges(String(index));
    details.appendChild(el("p", mine.length + " relation" + (mine.length === 1 ? "" : "s") + " in this view", "mechgraph-kind"));
    if (mine.length) {
      details.appendChild(el("h3", "Relations"));
      var list = el("ul");
      mine.slice(0, SHOWN).forEach(function (edge) { list.appendChild(relationItem(+edge, index)); });
      details.appendChild(list);
      if (mine.length > SHOWN) { details.appendChild(el("p", "and " + (mine.length - SHOWN) + " more", "mechgraph-kind")); }
    }
    details.hidden = false;
  }
  function select(index) {
    state.selected = String(index);
    showNode(index);
    light(String(index));
  }
  state.select = select;

  // Lighting a neighbourhood redraws every node and relation (about 0.4 s at 50,000 nodes): in a
  // large view it waits until the pointer rests on a node, so sweeping across nodes stays smooth.
  var hoverDelay = nodeCount > 10000 ? 200 : 0, hoverTimer = null;
  renderer.on("enterNode", function (event) {
    if (state.selected !== null) { return; }
    clearTimeout(hoverTimer);
    hoverTimer = setTimeout(function () { if (state.selected === null) { light(event.node); } }, hoverDelay);
  });
  renderer.on("leaveNode", function () {
    clearTimeout(hoverTimer);
    if (state.selected === null && lit !== null) { light(null); }
  });
  renderer.on("clickNode", function (event) { select(+event.node); });
  renderer.on("clickStage", hide);
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") { hide(); } });

  // -- search -------------------------------------------------------------------------------
  var search = document.getElementById("mechgraph-search"), found = document.getElementById("mechgraph-found");
  var names = null, matches = [], cursor = -1;
  function lowerNames() {
    if (names === null) {
      names = new Array(nodeCount);
      for (var k = 0; k < nodeCount; k++) { names[k] = (N.label[k] + "\u0000" + N.id[k]).toLowerCase(); }
    }
    return names;
  }
  function centre(index, duration) {
    var shown = renderer.getNodeDisplayData(String(index)), camera = renderer.getCamera();
    var target = { x: shown.x, y: shown.y, ratio: Math.min(camera.getState().ratio, 0.08) };
    state.centred = String(index);
    select(index);
    if (duration) { camera.animate(target, { duration: duration }); } else { camera.setState(target); }
  }
  state.centre = centre;
  search.addEventListener("input", function () {
    var query = search.value.trim().toLowerCase(), all = lowerNames();
    matches = [];
    cursor = -1;
    if (query) {
      for (var k = 0; k < nodeCount; k++) { if (all[k].indexOf(query) !== -1) { matches.push(k); } }
      // Exact names first, then the most connected.
      matches.sort(function (a, b) {
        var exact = (N.label[b].toLowerCase() === query) - (N.label[a].toLowerCase() === query);
        return exact || degree[b] - degree[a] || a - b;
      });
    }
    found.textContent = query ? matches.length + " found" : "";
  });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && matches.length) {
      event.preventDefault();
      cursor = (cursor + 1) % matches.length;
      centre(matches[cursor], 400);
      found.textContent = (cursor + 1) + " / " + matches.length;
    } else if (event.key === "Escape") {
      search.value = "";
      matches = [];
      found.textContent = "";
      hide();
    }
  });
  document.getElementById("mechgraph-fit").addEventListener("click", function () {
    renderer.getCamera().animate(home, { duration: 300 });
  });
})();
"""
