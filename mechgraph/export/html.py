"""A single self-contained HTML file: vis-network inline, the graph as escaped JSON, no network.

The page is a fixed frame the size of a slide (title bar, legend column, the graph, a node
search, a details panel with each relation's evidence). vis-network's JavaScript comes from the
copy pyvis ships and is inlined; pyvis's own template (which loads Bootstrap from a CDN) is not
used. A Content-Security-Policy forbids every request, so the file behaves the same offline.

Safety: the data is embedded as JSON inside ``<script type="application/json">`` with ``<``,
``>``, ``&`` and U+2028/U+2029 escaped, the page builds every label, tooltip and link with
``textContent`` (never HTML strings), and only http(s) URLs become links.

Determinism: the same figure gives the same bytes (sorted keys, stable order, no timestamps).
"""

from __future__ import annotations

import html
import json
from functools import lru_cache
from importlib import resources
from typing import Any

from ..identifiers import source_identifier
from ..layout.labels import BOX_FONT_SIZE, label_box
from ..style import (
    BEND_ROUNDNESS,
    DASH_PATTERN,
    FADED_OPACITY,
    FIT_MAX_ZOOM,
    LegendEntry,
    Theme,
    box_look,
    edge_style,
    faded,
    legend_entries,
    mark_legend,
    mark_look,
    theme_colours,
    vis_options,
)
from ..vocabulary import Sign
from .view import ExportError, Figure

__all__ = ["HOVER_LIMIT", "LARGE_GRAPH", "PHYSICS_LIMIT", "html_document", "json_for_html"]

#: Above this many nodes, details follow clicks only (hover hit-tests redraw the whole canvas).
HOVER_LIMIT = 3000
#: Above this many nodes, edges are hidden while dragging and zooming.
LARGE_GRAPH = 2000
#: Physics can be turned on for graphs up to this many nodes (beyond, it would not settle in time).
PHYSICS_LIMIT = 1000

_VIS_NETWORK = "lib/vis-9.1.2/vis-network.min.js"


@lru_cache(maxsize=1)
def _vis_network_js() -> str:
    try:
        text = (resources.files("pyvis") / _VIS_NETWORK).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError) as error:
        raise ExportError(f"vis-network is missing ({_VIS_NETWORK} of pyvis): reinstall pyvis ({error})") from error
    return _inline_script(text)


def _inline_script(text: str) -> str:
    # Inside <script>, only "</script" (any case) and "<!--" can end or confuse the element.
    return text.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT").replace("<!--", "<\\!--")


def json_for_html(value: Any) -> str:
    """Compact, deterministic JSON that is safe inside a ``<script>`` element.

    >>> json_for_html({"b": "</script><img src=x>", "a": "\\u2028"})
    '{"a":"\\\\u2028","b":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x\\\\u003e"}'
    """
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return (
        text.replace("&", "\\u0026")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def _rounded(value: float) -> float | int:
    rounded = round(value, 1)
    return int(rounded) if rounded == int(rounded) else rounded


def figure_data(figure: Figure, *, physics: bool = False) -> dict[str, Any]:
    """The page's data: columns of nodes and relations, look-up tables, vis-network options."""
    count = len(figure.nodes)
    entries = legend_entries(figure.theme, kinds=figure.kinds)
    kinds = [entry for entry in entries if entry.group == "node"]
    kind_index = {entry.key: i for i, entry in enumerate(kinds)}
    style_keys = sorted({(int(edge.sign), edge.mechanism or "") for edge in figure.edges}, key=lambda k: (-k[0], k[1]))
    style_index = {key: i for i, key in enumerate(style_keys)}
    relations = sorted({(edge.relation, edge.phrase) for edge in figure.edges})
    relation_index = {relation: i for i, (relation, _) in enumerate(relations)}
    sources = sorted({(ev.source, ev.title or "", ev.url or "") for edge in figure.edges for ev in edge.evidence})
    source_index = {source: i for i, source in enumerate(sources)}
    nodes = figure.nodes
    edges = figure.edges
    boxes = len(nodes) <= BOX_LIMIT
    return {
        "title": figure.title,
        "fit": {"maxZoomLevel": FIT_MAX_ZOOM, "animation": False},
        "view": _view_bounds(figure),
        "boxFont": BOX_FONT_SIZE,
        "bendRoundness": BEND_ROUNDNESS,
        "fadedOpacity": FADED_OPACITY,
        "fadedText": faded(theme_colours(figure.theme).text),
        "kinds": [
            {"key": e.key, "label": e.label, "description": e.description, "box": _box(e.key, figure.theme) if boxes else None}
            for e in kinds
        ],
        "styles": [
            {
                "sign": Sign(sign).word,
                "mechanism": mechanism or None,
                "vis": edge_style(sign, mechanism or None, figure.theme).vis(),
            }
            for sign, mechanism in style_keys
        ],
        "relations": [{"name": name, "phrase": phrase} for name, phrase in relations],
        "sources": [
            {"id": sid, "title": title or None, "url": url or None, "identifier": source_identifier(url)} for sid, title, url in sources
        ],
        "nodes": {
            "id": [node.id for node in nodes],
            "label": [node.label for node in nodes],
            "kind": [kind_index[node.kind] for node in nodes],
            "x": [_rounded(node.x) for node in nodes],
            "y": [_rounded(node.y) for node in nodes],
            "lines": [("\n".join(node.lines) or node.label) if boxes else node.label for node in nodes],
            "w": [_rounded(node.width) for node in nodes],
            "h": [_rounded(node.height) for node in nodes],
            "faded": [position for position, node in enumerate(nodes) if node.faded],
            "marks": _marks(figure),
            "info": [
                {"rows": [list(row) for row in node.rows], "links": [list(link) for link in node.links]}
                if node.rows or node.links
                else None
                for node in nodes
            ],
        },
        "edges": {
            "id": [edge.id for edge in edges],
            "from": [edge.source for edge in edges],
            "to": [edge.target for edge in edges],
            "style": [style_index[(int(edge.sign), edge.mechanism or "")] for edge in edges],
            "relation": [relation_index[edge.relation] for edge in edges],
            "bends": [[position, edge.bend] for position, edge in enumerate(edges) if edge.bend],
            "faded": [position for position, edge in enumerate(edges) if edge.faded],
            "routes": [
                [position, [[_rounded(x), _rounded(y)] for x, y in edge.route]] for position, edge in enumerate(edges) if edge.route
            ],
            "info": [
                {
                    "rows": [list(row) for row in edge.rows],
                    "evidence": [
                        [source_index[(ev.source, ev.title or "", ev.url or "")], ev.quote, ev.note]
                        for ev in edge.evidence
                    ],
                }
                if edge.rows or edge.evidence
                else None
                for edge in edges
            ],
        },
        "options": vis_options(
            figure.theme,
            physics=physics and count <= PHYSICS_LIMIT,
            hover=count <= HOVER_LIMIT,
            large=count > LARGE_GRAPH,
        ),
    }


#: Up to this many nodes, nodes are labelled boxes; beyond, the kinds' small shapes (an overview).
BOX_LIMIT = 1000


def _marks(figure: Figure) -> list[list[Any]]:
    """[position, look] of every node with a reasoning mark or a measured fill (see style.mark_look)."""
    found = []
    for position, node in enumerate(figure.nodes):
        look = mark_look(node.mark, figure.theme, fill=node.fill) if node.mark or node.fill else None
        if look is not None:
            found.append([position, {"fill": look.fill or None, "border": look.border, "width": look.width, "dashes": list(look.dashes) or False, "glyph": look.glyph}])
    return found


def _box(kind: str, theme: Theme) -> dict[str, Any]:
    look = box_look(kind, theme)
    colour = {"background": look.fill, "border": look.border}
    return {"color": {**colour, "highlight": colour, "hover": colour}, "font": {"color": look.text}}


def _view_bounds(figure: Figure) -> dict[str, float] | None:
    """The drawing's extent in layout pixels: every label box and route point (what the page fits)."""
    if not figure.nodes:
        return None
    xs: list[float] = []
    ys: list[float] = []
    for node in figure.nodes:
        width, height = label_box(node.lines or (node.label,))
        xs += [node.x - width / 2, node.x + width / 2]
        ys += [node.y - height / 2, node.y + height / 2]
    for edge in figure.edges:
        xs += [x for x, _ in edge.route]
        ys += [y for _, y in edge.route]
    return {"x0": _rounded(min(xs)), "y0": _rounded(min(ys)), "x1": _rounded(max(xs)), "y1": _rounded(max(ys)), "margin": 24}


def _legend_html(figure: Figure) -> str:
    entries = legend_entries(
        figure.theme, kinds=figure.kinds, signs=figure.signs, mechanisms=figure.mechanisms, boxes=len(figure.nodes) <= BOX_LIMIT
    )
    items = []
    for group, heading in (("node", "Nodes"), ("relation", "Relations")):
        chosen = [entry for entry in entries if entry.group == group]
        if not chosen:
            continue
        items.append(f'<h3>{heading}</h3><ul class="mechgraph-legend-{group}">')
        for entry in chosen:
            items.append(
                f'<li data-key="{html.escape(entry.key)}" title="{html.escape(entry.description)}">'
                f"{_swatch(entry, figure.theme)}<span>{html.escape(entry.label)}</span></li>"
            )
        items.append("</ul>")
    marks = mark_legend(figure.marks, figure.theme)
    if marks:
        items.append('<h3>Perturbation</h3><ul class="mechgraph-legend-response">')
        for entry in marks:
            look = mark_look(entry.key, figure.theme)
            dash = f' stroke-dasharray="{",".join(f"{d:g}" for d in look.dashes)}"' if look is not None and look.dashes else ""
            fill = look.fill if look is not None and look.fill else theme_colours(figure.theme).background
            items.append(
                f'<li data-key="{html.escape(entry.key)}" title="{html.escape(entry.description)}">'
                '<svg class="mechgraph-swatch mechgraph-swatch-box" width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">'
                f'<rect x="1.5" y="1.5" width="19" height="11" rx="3" fill="{fill}" stroke="{entry.colour}" stroke-width="2"{dash}/></svg>'
                f"<span>{html.escape(entry.label)}</span></li>"
            )
        items.append("</ul>")
    if figure.scale:
        items.append('<h3>Measured values</h3><ul class="mechgraph-legend-measured">')
        for value, colour in figure.scale:
            items.append(
                '<li><svg class="mechgraph-swatch mechgraph-swatch-box" width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">'
                f'<rect x="1" y="1" width="20" height="12" rx="3" fill="{colour}" stroke="{theme_colours(figure.theme).node_border}" stroke-width="1"/></svg>'
                f"<span>{value:+g}</span></li>"
            )
        items.append("</ul>")
    return "".join(items)


def _swatch(entry: LegendEntry, theme: Theme) -> str:
    colours = theme_colours(theme)
    if entry.box is not None:
        return (
            '<svg class="mechgraph-swatch mechgraph-swatch-box" width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">'
            f'<rect x="1" y="1" width="20" height="12" rx="3" fill="{entry.box.fill}" stroke="{entry.box.border}" stroke-width="1.5"/></svg>'
        )
    if entry.shape is not None:
        points = " ".join(f"{x:g},{y:g}" for x, y in entry.shape.outline())
        return (
            '<svg class="mechgraph-swatch" width="18" height="18" viewBox="-1.25 -1.25 2.5 2.5" aria-hidden="true">'
            f'<polygon points="{points}" fill="{entry.colour}" stroke="{colours.node_border}" stroke-width="0.12"/></svg>'
        )
    dash = f' stroke-dasharray="{DASH_PATTERN[0]},{DASH_PATTERN[1]}"' if entry.dashed else ""
    line_end = 40.0
    head = ""
    if entry.head is not None:
        outline = [(x + 40.0, y + 7.0) for x, y in entry.head.outline(8.0, 8.0)]
        points = " ".join(f"{x:g},{y:g}" for x, y in outline)
        if entry.head.filled:
            line_end = 33.0
            head = f'<polygon points="{points}" fill="{entry.colour}"/>'
        else:
            head = f'<polyline points="{points}" fill="none" stroke="{entry.colour}" stroke-width="1.6"/>'
    return (
        '<svg class="mechgraph-swatch" width="44" height="14" viewBox="0 0 44 14" aria-hidden="true">'
        f'<line x1="2" y1="7" x2="{line_end:g}" y2="7" stroke="{entry.colour}" stroke-width="1.6"{dash}/>{head}</svg>'
    )


def html_document(figure: Figure, *, physics: bool = False) -> str:
    """The whole HTML page of ``figure``, as text.

    >>> from mechgraph.export.view import build_figure
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(); g.add_node("x", label="<img src=x onerror=alert(1)>", kind="agent")
    >>> page = html_document(build_figure(g, title="<b>T</b>"))
    >>> "<img src=x" in page, "&lt;b&gt;T&lt;/b&gt;" in page, "://" in page.split("<script")[0]
    (False, True, False)
    """
    colours = theme_colours(figure.theme)
    data = figure_data(figure, physics=physics)
    title = html.escape(figure.title)
    node_count, edge_count = len(figure.nodes), len(figure.edges)
    counts = f"{node_count} node{'s' if node_count != 1 else ''}, {edge_count} relation{'s' if edge_count != 1 else ''}"
    replacements = {
        "@@TITLE@@": title,
        "@@COUNTS@@": html.escape(counts),
        "@@WIDTH@@": str(figure.size.width),
        "@@HEIGHT@@": str(figure.size.height),
        "@@THEME@@": figure.theme.value,
        "@@BACKGROUND@@": colours.background,
        "@@TEXT@@": colours.text,
        "@@MUTED@@": colours.muted_text,
        "@@PANEL@@": colours.panel,
        "@@BORDER@@": colours.panel_border,
        "@@LINK@@": colours.link,
        "@@SELECTION@@": colours.selection,
        "@@FONT@@": html.escape(colours.font_family),
        "@@LEGEND@@": _legend_html(figure),
    }
    page = _TEMPLATE
    for marker, value in replacements.items():
        page = page.replace(marker, value)
    # The large parts go in last, so that no marker can be looked for inside them.
    head, _, tail = page.partition("@@DATA@@")
    tail_head, _, tail_tail = tail.partition("@@VIS@@")
    app_head, _, app_tail = tail_tail.partition("@@APP@@")
    return "".join([head, json_for_html(data), tail_head, _vis_network_js(), app_head, _inline_script(_APP_JS), app_tail])


_TEMPLATE = """<!DOCTYPE html>
<html lang="en" data-theme="@@THEME@@">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=@@WIDTH@@">
<meta name="generator" content="mechgraph">
<title>@@TITLE@@</title>
<style>
html, body { margin: 0; padding: 0; background: @@BACKGROUND@@; color: @@TEXT@@; font-family: @@FONT@@; }
#mechgraph-frame { position: relative; width: @@WIDTH@@px; height: @@HEIGHT@@px; overflow: hidden; background: @@BACKGROUND@@; }
#mechgraph-header { position: absolute; top: 0; left: 0; right: 0; height: 52px; display: flex; align-items: center; gap: 12px; padding: 0 12px; box-sizing: border-box; border-bottom: 1px solid @@BORDER@@; }
#mechgraph-header h1 { font-size: 20px; margin: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
#mechgraph-counts { color: @@MUTED@@; font-size: 13px; white-space: nowrap; }
#mechgraph-tools { margin-left: auto; display: flex; gap: 6px; align-items: center; }
#mechgraph-search { width: 220px; font: inherit; font-size: 13px; padding: 4px 8px; color: @@TEXT@@; background: @@PANEL@@; border: 1px solid @@BORDER@@; border-radius: 4px; }
#mechgraph-found { color: @@MUTED@@; font-size: 12px; min-width: 64px; }
#mechgraph-tools button { font: inherit; font-size: 13px; padding: 3px 10px; color: @@TEXT@@; background: @@PANEL@@; border: 1px solid @@BORDER@@; border-radius: 4px; cursor: pointer; }
#mechgraph-legend { position: absolute; top: 52px; left: 0; bottom: 0; width: 200px; box-sizing: border-box; padding: 8px 12px; overflow: auto; border-right: 1px solid @@BORDER@@; font-size: 13px; }
#mechgraph-legend h2 { font-size: 14px; margin: 4px 0 6px; }
#mechgraph-legend h3 { font-size: 12px; margin: 10px 0 4px; color: @@MUTED@@; font-weight: normal; text-transform: uppercase; letter-spacing: .05em; }
#mechgraph-legend ul { list-style: none; margin: 0; padding: 0; }
#mechgraph-legend li { display: flex; align-items: center; gap: 8px; margin: 3px 0; }
#mechgraph-legend .mechgraph-legend-node .mechgraph-swatch { width: 18px; }
#mechgraph-legend .mechgraph-legend-node .mechgraph-swatch-box { width: 22px; }
#mechgraph-legend p { color: @@MUTED@@; font-size: 11px; margin: 12px 0 0; }
#mechgraph-graph { position: absolute; top: 52px; left: 200px; right: 0; bottom: 0; }
#mechgraph-graph .vis-network:focus { outline: none; }
#mechgraph-details { position: absolute; top: 62px; right: 10px; max-height: calc(100% - 72px); width: 340px; box-sizing: border-box; padding: 10px 14px; overflow: auto; background: @@PANEL@@; border: 1px solid @@BORDER@@; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.2); font-size: 13px; }
#mechgraph-details[hidden] { display: none; }
#mechgraph-details h2 { font-size: 16px; margin: 0 24px 4px 0; overflow-wrap: anywhere; }
#mechgraph-details .mechgraph-kind { color: @@MUTED@@; margin: 0 0 8px; overflow-wrap: anywhere; }
#mechgraph-details dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 6px 0; }
#mechgraph-details dt { color: @@MUTED@@; }
#mechgraph-details dd { margin: 0; overflow-wrap: anywhere; }
#mechgraph-details h3 { font-size: 13px; margin: 10px 0 4px; }
#mechgraph-details ul { margin: 0; padding-left: 18px; }
#mechgraph-details li { margin: 6px 0; overflow-wrap: anywhere; }
#mechgraph-details blockquote { margin: 2px 0; padding-left: 8px; border-left: 3px solid @@BORDER@@; font-style: italic; }
#mechgraph-details figure { margin: 2px 0; }
#mechgraph-details .mechgraph-label { display: block; font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; color: @@MUTED@@; }
#mechgraph-details .mechgraph-note p { margin: 0; }
#mechgraph-details a { color: @@LINK@@; }
#mechgraph-close { position: absolute; top: 6px; right: 8px; border: none; background: none; color: @@MUTED@@; font-size: 18px; cursor: pointer; }
noscript { position: absolute; top: 60px; left: 220px; }
</style>
</head>
<body>
<div id="mechgraph-frame">
<header id="mechgraph-header">
<h1 id="mechgraph-title">@@TITLE@@</h1>
<span id="mechgraph-counts">@@COUNTS@@</span>
<div id="mechgraph-tools">
<input id="mechgraph-search" type="search" placeholder="Search nodes" aria-label="Search nodes" autocomplete="off" list="mechgraph-names">
<datalist id="mechgraph-names"></datalist>
<span id="mechgraph-found" aria-live="polite"></span>
<button id="mechgraph-fit" type="button" title="Show the whole graph">Fit</button>
</div>
</header>
<aside id="mechgraph-legend" aria-label="Legend">
<h2>Legend</h2>
@@LEGEND@@
<p>Click a node or a relation for its details and evidence.</p>
</aside>
<div id="mechgraph-graph" role="img" aria-label="@@TITLE@@"></div>
<aside id="mechgraph-details" aria-live="polite" hidden></aside>
<noscript>This figure needs JavaScript to draw the graph.</noscript>
</div>
<script type="application/json" id="mechgraph-data">@@DATA@@</script>
<script>@@VIS@@</script>
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
  var state = { data: data, ready: false, network: null, nodes: null, edges: null, pinned: false };
  window.mechgraph = state;

  var nodeItems = [];
  for (var i = 0; i < nodeCount; i++) {
    var kindOf = data.kinds[N.kind[i]], item = { id: i, label: N.lines[i], group: kindOf.key, x: N.x[i], y: N.y[i] };
    if (kindOf.box) {
      item.shape = "box";
      item.color = kindOf.box.color;
      item.font = { color: kindOf.box.font.color, size: data.boxFont };
      // vis-network adds its margins (5 px a side) and border to the constraints: take them off.
      // The label comes wrapped as the layout measured it; the maximum leaves room for a font a
      // little wider than that measure, so vis-network never breaks a word of its own accord.
      item.widthConstraint = { minimum: N.w[i] - 18, maximum: Math.round(N.w[i] * 1.35) };
      item.heightConstraint = { minimum: N.h[i] - 18, valign: "middle" };
      item.borderWidth = 1.5;
      item.shapeProperties = { borderRadius: 4 };
    }
    nodeItems.push(item);
  }
  // A perturbation's or a data overlay's result, as on the dashboard: fill, border, glyph before the label.
  N.marks.forEach(function (pair) {
    var item = nodeItems[pair[0]], look = pair[1], base = item.color || {};
    var colour = { background: look.fill || base.background, border: look.border };
    item.color = Object.assign({}, base, colour, { highlight: colour, hover: colour });
    item.borderWidth = look.width;
    item.shapeProperties = Object.assign({}, item.shapeProperties, { borderDashes: look.dashes });
    if (look.glyph) { item.label = look.glyph + " " + item.label; }
  });
  // Off the chosen path: faded, as on the dashboard.
  N.faded.forEach(function (index) {
    nodeItems[index].opacity = data.fadedOpacity;
    nodeItems[index].font = Object.assign({}, nodeItems[index].font, { color: data.fadedText });  // opacity leaves the label whole
  });
  var fadedEdge = {};
  E.faded.forEach(function (index) { fadedEdge[index] = true; });
  // vis-network draws straight or curved edges only: a routed relation is a chain of pieces
  // through tiny invisible fixed nodes at its bends, the arrowhead on the last piece only.
  var degree = new Array(nodeCount).fill(0), edgeItems = [], routeOf = {};
  E.routes.forEach(function (pair) { routeOf[pair[0]] = pair[1]; });
  for (var j = 0; j < edgeCount; j++) {
    var look = data.styles[E.style[j]].vis, route = routeOf[j] || [], previous = E.from[j];
    if (fadedEdge[j]) { look = Object.assign({}, look, { color: Object.assign({}, look.color, { opacity: data.fadedOpacity }) }); }
    degree[E.from[j]]++;
    if (E.to[j] !== E.from[j]) { degree[E.to[j]]++; }
    route.forEach(function (point, k) {
      var bend = "b" + j + "_" + k;
      nodeItems.push({ id: bend, x: point[0], y: point[1], fixed: true, shape: "dot", size: 0.5, borderWidth: 0,
        color: { background: "rgba(0,0,0,0)", border: "rgba(0,0,0,0)", highlight: "rgba(0,0,0,0)", hover: "rgba(0,0,0,0)" },
        chosen: false, physics: false });
      edgeItems.push({ id: "p" + j + "_" + k, from: previous, to: bend, arrows: { to: { enabled: false } }, color: look.color, dashes: look.dashes, width: look.width });
      previous = bend;
    });
    edgeItems.push({ id: j, from: previous, to: E.to[j], arrows: look.arrows, color: look.color, dashes: look.dashes, width: look.width });
  }
  E.bends.forEach(function (pair) {
    var bend = pair[1];
    edgeItems[edgeItems.findIndex(function (item) { return item.id === pair[0]; })].smooth = { enabled: true, type: bend > 0 ? "curvedCW" : "curvedCCW", roundness: Math.min(0.9, Math.abs(bend) * data.bendRoundness) };
  });
  // A piece or a bend stands for its relation.
  function relationOf(id) { return typeof id === "number" ? id : parseInt(String(id).slice(1), 10); }
  state.relationOf = relationOf;
  state.nodes = new vis.DataSet(nodeItems);
  state.edges = new vis.DataSet(edgeItems);
  var network = new vis.Network(document.getElementById("mechgraph-graph"), { nodes: state.nodes, edges: state.edges }, data.options);
  state.network = network;
  // Fit the label boxes and routes (not only node centres) with a margin, as the images do.
  function fitView() {
    var v = data.view, box = document.getElementById("mechgraph-graph");
    if (!v) { network.fit(data.fit); return; }
    var width = Math.max(v.x1 - v.x0, 1), height = Math.max(v.y1 - v.y0, 1);
    var scale = Math.min((box.clientWidth - 2 * v.margin) / width, (box.clientHeight - 2 * v.margin) / height, data.fit.maxZoomLevel);
    network.moveTo({ position: { x: (v.x0 + v.x1) / 2, y: (v.y0 + v.y1) / 2 }, scale: scale, animation: false });
  }
  state.fitView = fitView;
  fitView();
  network.once("afterDrawing", function () {
    state.ready = true;
    document.documentElement.setAttribute("data-ready", "true");
  });
  if (data.options.physics.enabled) {
    network.once("stabilizationIterationsDone", function () { network.setOptions({ physics: { enabled: false } }); });
  }

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
  function rowList(rows) {
    var list = el("dl");
    rows.forEach(function (row) { list.appendChild(el("dt", row[0])); list.appendChild(el("dd", row[1])); });
    return list;
  }
  function open(heading, subtitle) {
    while (details.firstChild) { details.removeChild(details.firstChild); }
    var close = el("button", "\u00d7");
    close.id = "mechgraph-close";
    close.type = "button";
    close.title = "Close";
    close.addEventListener("click", hide);
    details.appendChild(close);
    details.appendChild(el("h2", heading));
    details.appendChild(el("p", subtitle, "mechgraph-kind"));
    details.hidden = false;
  }
  function hide() {
    details.hidden = true;
    state.pinned = false;
  }
  function showNode(index) {
    var kind = data.kinds[N.kind[index]];
    open(N.label[index], kind.label + " \u00b7 " + N.id[index]);
    var info = N.info[index];
    if (info && info.rows.length) { details.appendChild(rowList(info.rows)); }
    if (info && info.links.length) {
      details.appendChild(el("h3", "Identifiers"));
      var list = el("ul");
      info.links.forEach(function (pair) { var item = el("li"); item.appendChild(link(pair[0], pair[1])); list.appendChild(item); });
      details.appendChild(list);
    }
    var into = degree[index];
    details.appendChild(el("p", into + " relation" + (into === 1 ? "" : "s") + " in this view", "mechgraph-kind"));
  }
  function showEdge(index) {
    var look = data.styles[E.style[index]], relation = data.relations[E.relation[index]];
    open(N.label[E.from[index]] + " " + relation.phrase + " " + N.label[E.to[index]], relation.name + " \u00b7 " + E.id[index]);
    var info = E.info[index];
    var rows = [["sign", look.sign], ["mechanism", look.mechanism || "not stated"]];
    if (info) { rows = rows.concat(info.rows); }
    details.appendChild(rowList(rows));
    if (info && info.evidence.length) {
      details.appendChild(el("h3", "Evidence"));
      var list = el("ul");
      info.evidence.forEach(function (item) {
        // A verbatim quote is labelled and styled as one; a curator's note never is.
        var source = data.sources[item[0]], entry = el("li");
        if (item[1]) {
          var quote = el("figure", null, "mechgraph-quote");
          quote.appendChild(el("figcaption", "Quote", "mechgraph-label"));
          quote.appendChild(el("blockquote", item[1]));
          entry.appendChild(quote);
        }
        if (item[2]) {
          var note = el("div", null, "mechgraph-note");
          note.appendChild(el("span", "Note", "mechgraph-label"));
          note.appendChild(el("p", item[2]));
          entry.appendChild(note);
        }
        var cite = el("div", null, "mechgraph-cite");
        cite.appendChild(document.createTextNode("Source: "));
        cite.appendChild(link(source.title || source.url || source.id, source.url));
        if (source.identifier) {
          var scheme = source.identifier[0], value = source.identifier[1];
          cite.appendChild(document.createTextNode(" \u00b7 "));
          cite.appendChild(link(scheme + " " + value, scheme === "PMID" ? "https://pubmed.ncbi.nlm.nih.gov/" + value + "/" : "https://doi.org/" + value));
        }
        if (source.title || source.url) { cite.appendChild(document.createTextNode(" [" + source.id + "]")); }
        entry.appendChild(cite);
        list.appendChild(entry);
      });
      details.appendChild(list);
    }
  }
  network.on("click", function (event) {
    if (event.nodes.length && typeof event.nodes[0] === "number") { state.pinned = true; showNode(event.nodes[0]); }
    else if (event.nodes.length) { state.pinned = true; showEdge(relationOf(event.nodes[0])); }
    else if (event.edges.length) { state.pinned = true; showEdge(relationOf(event.edges[0])); }
    else { hide(); }
  });
  if (data.options.interaction.hover) {
    network.on("hoverNode", function (event) {
      if (!state.pinned) { if (typeof event.node === "number") { showNode(event.node); } else { showEdge(relationOf(event.node)); } }
    });
    network.on("hoverEdge", function (event) { if (!state.pinned) { showEdge(relationOf(event.edge)); } });
    network.on("blurNode", function () { if (!state.pinned) { hide(); } });
    network.on("blurEdge", function () { if (!state.pinned) { hide(); } });
  }
  document.addEventListener("keydown", function (event) { if (event.key === "Escape") { hide(); } });

  var search = document.getElementById("mechgraph-search"), found = document.getElementById("mechgraph-found");
  var names = null, matches = [], cursor = -1;
  function lowerNames() {
    if (names === null) {
      names = new Array(nodeCount);
      for (var k = 0; k < nodeCount; k++) { names[k] = (N.label[k] + "\u0000" + N.id[k]).toLowerCase(); }
    }
    return names;
  }
  search.addEventListener("focus", function () {
    var list = document.getElementById("mechgraph-names");
    if (list.childNodes.length || nodeCount > 5000) { return; }
    var labels = N.label.slice().sort();
    labels.forEach(function (label, k) { if (k === 0 || label !== labels[k - 1]) { var option = el("option"); option.value = label; list.appendChild(option); } });
  });
  search.addEventListener("input", function () {
    var query = search.value.trim().toLowerCase(), all = lowerNames();
    matches = [];
    cursor = -1;
    if (query) { for (var k = 0; k < nodeCount; k++) { if (all[k].indexOf(query) !== -1) { matches.push(k); } } }
    found.textContent = query ? matches.length + " found" : "";
    network.selectNodes(matches.slice(0, 1000), false);
  });
  search.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && matches.length) {
      event.preventDefault();
      cursor = (cursor + 1) % matches.length;
      var index = matches[cursor];
      network.selectNodes([index], false);
      network.focus(index, { scale: Math.max(network.getScale(), 1.0), animation: false });
      state.pinned = true;
      showNode(index);
      found.textContent = (cursor + 1) + " / " + matches.length;
    } else if (event.key === "Escape") {
      search.value = "";
      matches = [];
      found.textContent = "";
      network.unselectAll();
    }
  });
  document.getElementById("mechgraph-fit").addEventListener("click", fitView);
})();
"""
