"""The fixed parts of the WebGL page: its HTML and CSS template (with ``@@MARKERS@@``, the frame's
CSS shared with the vis-network page) and its own script, filled in by
:func:`mechgraph.export.webgl.webgl_document`."""

from __future__ import annotations

from .html_page import page_script, page_template

_TEMPLATE = page_template(
    extra_css="""#mechgraph-message { position: absolute; top: 80px; left: 240px; right: 40px; color: @@MUTED@@; }
#mechgraph-details .mechgraph-sign { font-weight: 600; }
#mechgraph-details .mechgraph-note, #mechgraph-details .mechgraph-cite { color: @@MUTED@@; font-size: 12px; }
""",
    legend_note="Node size: kind and number of relations. Labels: the most connected first; zoom in for more. Hover a node to light its neighbours, click it for its relations and evidence.",
    scripts=("@@BUNDLE@@", "@@APP@@"),
    root_attributes=' data-renderer="webgl"',
    names_list=False,
)


# The page's own code. It builds every piece of text with textContent and links only http(s) URLs.
_APP_JS = page_script(r"""
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
  // Without a GPU a full frame of a large view takes seconds: while the camera moves, the last
  // frame is moved as a bitmap and the graph drawn again when it rests (webgl_viewport.js).
  state.texture = MechgraphTexture.attach(renderer);
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
  /*@@DOM_HELPERS@@*/
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
    /*@@DETAILS_START@@*/
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
  /*@@SEARCH_START@@*/
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
""")
