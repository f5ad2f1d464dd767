"""The fixed parts of an HTML export's page: the HTML and CSS template with its ``@@MARKERS@@``
and the page's own script, filled in by :func:`mechgraph.export.html.html_document`."""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence

from ..style import Theme, theme_colours
from .view import Figure

#: The DOM helpers both pages' scripts share: every text is set with textContent, and only
#: http(s) URLs become links (opened without referrer or opener). Put in at ``/*@@DOM_HELPERS@@*/``.
DOM_HELPERS_JS = r"""function el(tag, text, className) {
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
"""


#: How both pages' scripts begin: strict mode, the page's data and its node and relation columns.
_SCRIPT_START = r"""
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("mechgraph-data").textContent);
  var N = data.nodes, E = data.edges, nodeCount = N.id.length, edgeCount = E.from.length;"""

#: The parts both pages' scripts share, each put in at its marker: the DOM helpers; the start of
#: filling the details panel (emptied, with its close button, which calls the page's ``hide``);
#: the search box with the lower-cased names it matches (label and id), computed at first use.
_SHARED_JS = {
    "/*@@DOM_HELPERS@@*/": DOM_HELPERS_JS,
    "/*@@DETAILS_START@@*/": r"""while (details.firstChild) { details.removeChild(details.firstChild); }
    var close = el("button", "\u00d7");
    close.id = "mechgraph-close";
    close.type = "button";
    close.title = "Close";
    close.addEventListener("click", hide);
    details.appendChild(close);""",
    "/*@@SEARCH_START@@*/": r"""var search = document.getElementById("mechgraph-search"), found = document.getElementById("mechgraph-found");
  var names = null, matches = [], cursor = -1;
  function lowerNames() {
    if (names === null) {
      names = new Array(nodeCount);
      for (var k = 0; k < nodeCount; k++) { names[k] = (N.label[k] + "\u0000" + N.id[k]).toLowerCase(); }
    }
    return names;
  }""",
}


def page_script(body: str) -> str:
    """A page's own script: the shared start, then ``body`` with the shared parts put in at their
    markers (every marker of ``_SHARED_JS`` must stand in ``body`` once).

    >>> script = page_script("".join(f"\\n  {marker}" for marker in _SHARED_JS) + "\\n})();\\n")
    >>> script.startswith(_SCRIPT_START), "/*@@" in script, "function lowerNames()" in script
    (True, False, True)
    >>> page_script("})();")
    Traceback (most recent call last):
    ValueError: a page script needs the marker /*@@DOM_HELPERS@@*/ once
    """
    for marker, part in _SHARED_JS.items():
        if body.count(marker) != 1:
            raise ValueError(f"a page script needs the marker {marker} once")
        body = body.replace(marker, part)
    return _SCRIPT_START + body


#: The CSS both pages share (the frame, its header, the legend column and the details panel); a
#: page's template holds the marker ``@@FRAME_CSS@@`` where it goes.
FRAME_CSS = """html, body { margin: 0; padding: 0; background: @@BACKGROUND@@; color: @@TEXT@@; font-family: @@FONT@@; }
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
#mechgraph-legend p { color: @@MUTED@@; font-size: 11px; margin: 12px 0 0; }
#mechgraph-graph { position: absolute; top: 52px; left: 200px; right: 0; bottom: 0; }
#mechgraph-details { position: absolute; top: 62px; right: 10px; max-height: calc(100% - 72px); width: 340px; box-sizing: border-box; padding: 10px 14px; overflow: auto; background: @@PANEL@@; border: 1px solid @@BORDER@@; border-radius: 6px; box-shadow: 0 2px 8px rgba(0,0,0,.2); font-size: 13px; }
#mechgraph-details[hidden] { display: none; }
#mechgraph-details h2 { font-size: 16px; margin: 0 24px 4px 0; overflow-wrap: anywhere; }
#mechgraph-details .mechgraph-kind { color: @@MUTED@@; margin: 0 0 8px; overflow-wrap: anywhere; }
#mechgraph-details h3 { font-size: 13px; margin: 10px 0 4px; }
#mechgraph-details ul { margin: 0; padding-left: 18px; }
#mechgraph-details li { margin: 6px 0; overflow-wrap: anywhere; }
#mechgraph-details blockquote { margin: 2px 0; padding-left: 8px; border-left: 3px solid @@BORDER@@; font-style: italic; }
#mechgraph-details a { color: @@LINK@@; }
#mechgraph-close { position: absolute; top: 6px; right: 8px; border: none; background: none; color: @@MUTED@@; font-size: 18px; cursor: pointer; }
noscript { position: absolute; top: 60px; left: 220px; }"""


def page_template(*, extra_css: str, legend_note: str, scripts: Sequence[str], root_attributes: str = "", names_list: bool = False) -> str:
    """The HTML of an export page with its ``@@MARKERS@@``: the head (no request may leave the
    page: the content security policy allows inline code and data only), the frame's CSS and the
    page's own, the header with the search box (``names_list``: with a list of the node names), the
    legend column with its note, the canvas, the details panel, the data and the page's scripts
    (one marker each, in order)."""
    names = ' list="mechgraph-names">\n<datalist id="mechgraph-names"></datalist>' if names_list else ">"
    script_tags = "".join(f"<script>{marker}</script>\n" for marker in scripts)
    return f"""<!DOCTYPE html>
<html lang="en" data-theme="@@THEME@@"{root_attributes}>
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=@@WIDTH@@">
<meta name="generator" content="mechgraph">
<title>@@TITLE@@</title>
<style>
@@FRAME_CSS@@
{extra_css}</style>
</head>
<body>
<div id="mechgraph-frame">
<header id="mechgraph-header">
<h1 id="mechgraph-title">@@TITLE@@</h1>
<span id="mechgraph-counts">@@COUNTS@@</span>
<div id="mechgraph-tools">
<input id="mechgraph-search" type="search" placeholder="Search nodes" aria-label="Search nodes" autocomplete="off"{names}
<span id="mechgraph-found" aria-live="polite"></span>
<button id="mechgraph-fit" type="button" title="Show the whole graph">Fit</button>
</div>
</header>
<aside id="mechgraph-legend" aria-label="Legend">
<h2>Legend</h2>
@@LEGEND@@
<p>{legend_note}</p>
</aside>
<div id="mechgraph-graph" role="img" aria-label="@@TITLE@@"></div>
<aside id="mechgraph-details" aria-live="polite" hidden></aside>
<noscript>This figure needs JavaScript to draw the graph.</noscript>
</div>
<script type="application/json" id="mechgraph-data">@@DATA@@</script>
{script_tags}</body>
</html>
"""


_TEMPLATE = page_template(
    extra_css="""#mechgraph-legend .mechgraph-legend-node .mechgraph-swatch { width: 18px; }
#mechgraph-legend .mechgraph-legend-node .mechgraph-swatch-box { width: 22px; }
#mechgraph-graph .vis-network:focus { outline: none; }
#mechgraph-details dl { display: grid; grid-template-columns: max-content 1fr; gap: 2px 10px; margin: 6px 0; }
#mechgraph-details dt { color: @@MUTED@@; }
#mechgraph-details dd { margin: 0; overflow-wrap: anywhere; }
#mechgraph-details figure { margin: 2px 0; }
#mechgraph-details .mechgraph-label { display: block; font-size: 11px; font-weight: 600; text-transform: uppercase; letter-spacing: 0.04em; color: @@MUTED@@; }
#mechgraph-details .mechgraph-note p { margin: 0; }
""",
    legend_note="Click a node or a relation for its details and evidence.",
    scripts=("@@VIS@@", "@@APP@@"),
    root_attributes="",
    names_list=True,
)


# The page's own code. It builds every piece of text with textContent and links only http(s) URLs.
_APP_JS = page_script(r"""
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
  /*@@DOM_HELPERS@@*/
  function rowList(rows) {
    var list = el("dl");
    rows.forEach(function (row) { list.appendChild(el("dt", row[0])); list.appendChild(el("dd", row[1])); });
    return list;
  }
  function open(heading, subtitle) {
    /*@@DETAILS_START@@*/
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

  /*@@SEARCH_START@@*/
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
""")


def page_markers(figure: Figure, legend: str) -> dict[str, str]:
    """The values of a page template's markers that both pages share: the frame's CSS first (it
    holds markers of its own), the title and counts (escaped), the size, the theme's colours and
    the legend's HTML."""
    colours = theme_colours(figure.theme)
    nodes, edges = len(figure.nodes), len(figure.edges)
    counts = f"{nodes:,} node{'s' if nodes != 1 else ''}, {edges:,} relation{'s' if edges != 1 else ''}"
    return {
        "@@FRAME_CSS@@": FRAME_CSS,
        "@@TITLE@@": html.escape(figure.title),
        "@@COUNTS@@": html.escape(counts),
        "@@WIDTH@@": str(figure.size.width),
        "@@HEIGHT@@": str(figure.size.height),
        "@@THEME@@": Theme(figure.theme).value,
        "@@BACKGROUND@@": colours.background,
        "@@TEXT@@": colours.text,
        "@@MUTED@@": colours.muted_text,
        "@@PANEL@@": colours.panel,
        "@@BORDER@@": colours.panel_border,
        "@@LINK@@": colours.link,
        "@@SELECTION@@": colours.selection,
        "@@FONT@@": html.escape(colours.font_family),
        "@@LEGEND@@": legend,
    }


def fill_page(template: str, markers: Mapping[str, str], large: Sequence[tuple[str, str]]) -> str:
    """The template with its markers replaced, then the large parts (data, scripts) put in at
    their markers in order, last, so that no marker is ever looked for inside them.

    >>> fill_page("<p>@@A@@</p>@@DATA@@<i>@@B@@</i>", {"@@A@@": "1", "@@B@@": "2"}, [("@@DATA@@", "@@B@@")])
    '<p>1</p>@@B@@<i>2</i>'
    """
    page = template
    for marker, value in markers.items():
        page = page.replace(marker, value)
    parts: list[str] = []
    for marker, value in large:
        head, _, page = page.partition(marker)
        parts += [head, value]
    return "".join([*parts, page])
