/* mechgraph dashboard: large views drawn with WebGL (sigma.js on graphology, served by the
 * dashboard at /_mechgraph/webgl-graph.js with the texture-on-viewport script; see
 * mechgraph/dashboard/webgl.py). The server sends columns of what to draw and the looks of both
 * themes (mechgraph.style); positions come from the server, nothing is laid out here.
 * Every text is drawn on the canvas as text; a click sends back a node id, which the server
 * checks against the view on screen. */
(function () {
  "use strict";

  var current = null;  // {renderer, graph, data, theme, lit, hovered, selected, texture}
  var lastPaint = null;  // the Reason panel's answer ({nodes: {id: cytoscape style}}), for the views to come
  var EDGE_REACH = 4;  // how near a relation a click must fall, in pixels
  var LABEL_ROOM = 190;  // pixels left free on the right of the first view, for labels
  var placed = [];  // the labels drawn in this frame: [left, top, right, bottom]

  function noUpdate() {
    return window.dash_clientside ? window.dash_clientside.no_update : null;
  }

  function look() {
    return current.data.palette[current.theme] || current.data.palette.light;
  }

  function nodeColour(index, faded) {
    var kind = look().kinds[current.data.kinds[current.data.nodes.kind[index]]];
    return faded ? kind.faded : kind.colour;
  }

  function edgeLook(index) {
    var sign = look().signs[String(current.data.edges.sign[index])];
    return { colour: current.data.many ? sign.light : sign.solid, solid: sign.solid, width: sign.width };
  }

  function kill() {
    if (current && current.renderer) { current.renderer.kill(); }
    current = null;
    api.renderer = null;
    api.texture = null;
  }

  /* A label on a band of the background, so that it reads over a mass of relations; none where
   * it would cover a label already drawn (sigma's label grid keeps one label a cell, but a long
   * label runs into the next cells). */
  function drawLabel(context, shown, settings) {
    if (!shown.label) { return; }
    var size = settings.labelSize, x = shown.x + shown.size + 3;
    context.font = settings.labelWeight + " " + size + "px " + settings.labelFont;
    var width = context.measureText(shown.label).width;
    var box = [x - 2, shown.y - size / 2 - 3, x + width + 4, shown.y + size / 2 + 2];
    for (var i = 0; i < placed.length; i++) {
      var other = placed[i];
      if (box[0] < other[2] && other[0] < box[2] && box[1] < other[3] && other[1] < box[3]) { return; }
    }
    placed.push(box);
    context.fillStyle = look().halo;
    context.fillRect(x - 2, shown.y - size / 2 - 3, width + 4, size + 5);
    context.fillStyle = look().text;
    context.fillText(shown.label, x, shown.y + size / 3);
  }

  function build(box, data) {
    var N = data.nodes, E = data.edges, count = N.id.length, edges = E.from.length;
    var degree = new Array(count).fill(0);
    for (var j = 0; j < edges; j++) {
      degree[E.from[j]]++;
      if (E.to[j] !== E.from[j]) { degree[E.to[j]]++; }
    }
    // Node sizes: the kind's radius, scaled to the room each node has on screen, a little larger
    // the more relations a node has (so the most connected win the label grid).
    var area = Math.max(box.clientWidth * box.clientHeight, 1);
    var scale = Math.max(0.1, Math.min(0.8, 0.22 * Math.sqrt(area / Math.max(count, 1)) / 11));
    var graph = new MechgraphWebGL.Graph({ type: "directed", multi: true, allowSelfLoops: true });
    var sizes = new Array(count);
    for (var i = 0; i < count; i++) {
      var size = look().kinds[data.kinds[N.kind[i]]].size * scale * (1 + 0.6 * Math.log10(1 + degree[i]));
      sizes[i] = i === data.focus ? size * 1.6 : size;
      graph.addNode(String(i), { x: N.x[i], y: -N.y[i], size: sizes[i], color: nodeColour(i, false), label: N.label[i],
                                 forceLabel: i === data.focus, highlighted: i === data.focus });
    }
    for (var e = 0; e < edges; e++) {
      var edge = edgeLook(e);
      graph.addEdgeWithKey(String(e), String(E.from[e]), String(E.to[e]), { color: edge.colour, size: edge.width * Math.max(0.5, Math.min(1, scale * 1.5)) });
    }
    // Labels at first sight for about one node per 1,500 square pixels, the largest first (one a cell of the label grid).
    var ordered = sizes.slice().sort(function (a, b) { return b - a; });
    current.threshold = ordered[Math.min(ordered.length - 1, Math.max(8, Math.round(area / 1500)))] || 0;
    return graph;
  }

  /* The first view: the whole view, with room on the right for the labels of the last column
   * (labels are written to the right of their node). */
  function home(renderer, graph) {
    var left = Infinity, right = -Infinity, width = renderer.getDimensions().width;
    graph.forEachNode(function (node) {
      var x = renderer.getNodeDisplayData(node).x;
      if (x < left) { left = x; }
      if (x > right) { right = x; }
    });
    var start = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
    var a = renderer.framedGraphToViewport({ x: left, y: 0.5 }, { cameraState: start });
    var b = renderer.framedGraphToViewport({ x: right, y: 0.5 }, { cameraState: start });
    var perUnit = (b.x - a.x) / Math.max(right - left, 1e-9);  // pixels per framed unit at ratio 1
    if (!isFinite(perUnit) || perUnit <= 0) { return start; }
    var ratio = Math.max(1, (b.x - a.x) / Math.max(width - LABEL_ROOM - 20, 40));
    var drawn = (b.x - a.x) / ratio, margin = Math.max(20, (width - LABEL_ROOM - drawn) / 2);
    return { x: left - (margin - width / 2) * ratio / perUnit, y: 0.5, ratio: ratio, angle: 0 };
  }

  /* The nodes of a chosen path (its elements' ids, nodes and relations), as the graph's keys; null for none. */
  function pathOf(data, lit) {
    var wanted = new Set(Array.isArray(lit) ? lit.map(String) : []), path = new Set();
    if (!wanted.size) { return null; }
    data.nodes.id.forEach(function (id, index) { if (wanted.has(id)) { path.add(String(index)); } });
    return path.size ? path : null;
  }

  function neighbourhood(node) {
    var around = new Set([node]);
    current.graph.forEachNeighbor(node, function (other) { around.add(other); });
    return around;
  }

  /* What is lit: a hovered or selected node's neighbourhood, else the chosen path's nodes. */
  function litNodes() {
    var hub = current.hovered !== null ? current.hovered : current.selected;
    if (hub !== null) { return { nodes: neighbourhood(hub), hub: hub }; }
    return current.path ? { nodes: current.path, hub: null } : null;
  }

  /* The Reason panel's marks as sigma draws them (paint: {nodes: {id: cytoscape style}, classes:
   * {id: ["reason-up", ...]}}, mechgraph.style's looks): a disc takes its mark's colour (the
   * border's: up, down, conflicting, unsigned, a side of a comparison), a measured value its fill;
   * a mark in the selection colour alone (an agent given, a value consistent with the
   * prediction or not) rings the node and names it instead. */
  function paintOf(data, paint) {
    var styles = (paint && paint.nodes) || {}, classes = (paint && paint.classes) || {}, index = {}, found = {}, count = 0;
    var selection = String(look().selection).toLowerCase();
    data.nodes.id.forEach(function (id, i) { index[id] = i; });
    Object.keys(styles).forEach(function (id) {
      if (!Object.prototype.hasOwnProperty.call(index, id)) { return; }
      var style = styles[id] || {}, border = String(style["border-color"] || "").toLowerCase();
      var measured = (classes[id] || []).indexOf("reason-measured") !== -1;
      var drawn = measured && style["background-color"] ? { color: style["background-color"] }
        : border && border !== selection ? { color: style["border-color"] } : { highlighted: true, forceLabel: true };
      found[String(index[id])] = drawn;
      count++;
    });
    return count ? found : null;
  }

  function nodeReducer(node, attributes) {
    var lit = current.lit, painted = current.paint && current.paint[node];
    if (painted) { attributes = Object.assign({}, attributes, painted); }
    if (lit === null) { return attributes; }
    if (!lit.nodes.has(node)) { return Object.assign({}, attributes, { color: nodeColour(+node, true), label: "", zIndex: 0 }); }
    return Object.assign({}, attributes, { zIndex: 1, forceLabel: lit.nodes.size <= 60, highlighted: node === lit.hub || attributes.highlighted });
  }

  /* Whether a relation is drawn: every one, or when some nodes are lit those of the hovered or
   * selected node, or those between two nodes of the chosen path. */
  function edgeShown(edge) {
    var lit = current.lit;
    if (lit === null) { return true; }
    var graph = current.graph, source = graph.source(edge), target = graph.target(edge);
    return lit.hub !== null ? source === lit.hub || target === lit.hub : lit.nodes.has(source) && lit.nodes.has(target);
  }

  function edgeReducer(edge, attributes) {
    if (current.lit === null) { return attributes; }
    if (!edgeShown(edge)) { return Object.assign({}, attributes, { hidden: true }); }
    return Object.assign({}, attributes, { color: edgeLook(+edge).solid, zIndex: 1 });
  }

  /* The relation drawn nearest the point (x, y) of the canvas, within EDGE_REACH pixels; -1 for none.
   * (Asked on a click only: sigma's own edge events would draw every relation twice a frame.) */
  function edgeAt(x, y) {
    var renderer = current.renderer, E = current.data.edges, count = current.data.nodes.id.length, at = new Array(count);
    for (var i = 0; i < count; i++) { at[i] = renderer.framedGraphToViewport(renderer.getNodeDisplayData(String(i))); }
    var best = -1, nearest = EDGE_REACH;
    for (var e = 0; e < E.from.length; e++) {
      var a = at[E.from[e]], b = at[E.to[e]];
      if (E.from[e] === E.to[e] || x < Math.min(a.x, b.x) - nearest || x > Math.max(a.x, b.x) + nearest ||
          y < Math.min(a.y, b.y) - nearest || y > Math.max(a.y, b.y) + nearest || !edgeShown(String(e))) { continue; }
      var dx = b.x - a.x, dy = b.y - a.y, t = Math.max(0, Math.min(1, ((x - a.x) * dx + (y - a.y) * dy) / (dx * dx + dy * dy)));
      var distance = Math.hypot(a.x + t * dx - x, a.y + t * dy - y);
      if (distance < nearest) { nearest = distance; best = e; }
    }
    return best;
  }

  function relight() {
    current.lit = litNodes();
    current.renderer.refresh({ skipIndexation: true });
  }

  /* Tell the server what was clicked: {id} of a node, or {edge}: a relation's place in the view. */
  function tap(clicked) {
    if (window.dash_clientside && window.dash_clientside.set_props) {
      window.dash_clientside.set_props(api.tapId, { data: Object.assign({ at: Date.now() }, clicked) });
    }
  }

  var api = {
    tapId: "webgl-tap",
    renderer: null,
    texture: null,
    firstFrame: null,

    /* Draw ``data`` (columns from mechgraph.dashboard.webgl.webgl_elements) in the element
     * ``id``, or hide it when there is none (dash-cytoscape draws the view). */
    draw: function (id, data, theme, lit) {
      var box = document.getElementById(id);
      if (!box) { return noUpdate(); }
      var wrap = box.parentNode;
      kill();
      box.removeAttribute("data-ready");
      api.firstFrame = null;
      if (!data || !data.nodes || typeof MechgraphWebGL === "undefined") {
        box.hidden = true;
        wrap.classList.remove("webgl-on");
        return noUpdate();
      }
      box.hidden = false;
      wrap.classList.add("webgl-on");
      current = { data: data, theme: theme === "dark" ? "dark" : "light", lit: null, hovered: null, selected: null, path: pathOf(data, lit) };
      var graph = build(box, data), renderer;
      placed = [];
      current.graph = graph;
      current.lit = litNodes();  // a chosen path, lit from the first frame
      current.paint = paintOf(data, lastPaint);  // the Reason panel's answer, painted from the first frame
      try {
        // sigma draws a frame in its constructor, before the camera can be set: without a GPU a
        // frame of a large view takes a second, so that one is skipped and the first frame drawn
        // is the first view.
        var prototype = MechgraphWebGL.Sigma.prototype, render = prototype.render;
        prototype.render = function () {  // what render() does before it draws (sigma 3.0.3)
          this.resize();
          if (this.needToProcess) { this.process(); }
          this.needToProcess = false;
          return this;
        };
        try {
          renderer = new MechgraphWebGL.Sigma(graph, box, {
            defaultEdgeType: "arrow",
            renderEdgeLabels: false,
            labelFont: look().font,
            labelSize: 12,
            labelWeight: "normal",
            defaultDrawNodeLabel: drawLabel,
            labelDensity: 1,
            labelGridCellSize: 120,
            labelRenderedSizeThreshold: current.threshold,
            zIndex: true,
            minCameraRatio: 0.002,
            maxCameraRatio: 4,
            nodeReducer: nodeReducer,
            edgeReducer: edgeReducer,
            stagePadding: 24,
            allowInvalidContainer: true,  // the map's tab hidden: no error; its view is drawn again on return
          });
        } finally {
          prototype.render = render;
        }
      } catch (error) {
        box.textContent = "This view is drawn with WebGL, which this browser does not offer (" + String(error && error.message || error) + ").";
        current = null;
        return noUpdate();
      }
      current.renderer = renderer;
      renderer.on("beforeRender", function () { placed = []; });
      api.renderer = renderer;
      current.home = home(renderer, graph);
      renderer.getCamera().setState(current.home);
      renderer.render();  // the first frame, where the camera now is
      // Without a GPU a full frame of a large view takes seconds: while the camera moves, the
      // last frame is moved as a bitmap and the graph drawn again when it rests.
      api.texture = MechgraphTexture.attach(renderer);
      requestAnimationFrame(function () {
        api.firstFrame = performance.now();
        box.setAttribute("data-ready", String(graph.order));
      });
      // Lighting a neighbourhood redraws the whole view: in a large one it waits until the
      // pointer rests on a node, so sweeping across nodes stays smooth.
      var delay = graph.order > 10000 ? 200 : 60, timer = null;
      renderer.on("enterNode", function (event) {
        clearTimeout(timer);
        timer = setTimeout(function () { current.hovered = event.node; relight(); }, delay);
      });
      renderer.on("leaveNode", function () {
        clearTimeout(timer);
        if (current.hovered !== null) { current.hovered = null; relight(); }
      });
      renderer.on("clickNode", function (event) {
        current.selected = event.node;
        relight();
        tap({ id: data.nodes.id[+event.node] });
      });
      renderer.on("clickStage", function (event) {
        var edge = edgeAt(event.event.x, event.event.y);
        if (current.selected !== null) { current.selected = null; relight(); }
        if (edge >= 0) { tap({ edge: edge }); }
      });
      return noUpdate();
    },

    /* Draw ``data`` again when its canvas is no longer on the page (the map's tab was drawn afresh). */
    redraw: function (id, data, theme, lit) {
      var box = document.getElementById(id);
      if (!data || !box || (current && current.renderer && current.renderer.getContainer() === box)) { return noUpdate(); }
      window.requestAnimationFrame(function () { api.draw(id, data, theme, lit); });  // once the tab is laid out
      return noUpdate();
    },

    /* A new theme, or a new chosen path (the ids of its nodes and relations) to light. */
    restyle: function (theme, lit) {
      if (!current || !current.renderer) { return noUpdate(); }
      current.theme = theme === "dark" ? "dark" : "light";
      current.path = pathOf(current.data, lit);
      current.graph.updateEachNodeAttributes(function (node, attributes) {
        attributes.color = nodeColour(+node, false);
        return attributes;
      });
      current.graph.updateEachEdgeAttributes(function (edge, attributes) {
        attributes.color = edgeLook(+edge).colour;
        return attributes;
      });
      current.renderer.setSetting("labelFont", look().font);
      relight();
      return noUpdate();
    },

    /* How many nodes are lit (hovered or selected with their neighbours, or a chosen path); the theme drawn. */
    litCount: function () {
      return current && current.lit ? current.lit.nodes.size : 0;
    },

    theme: function () {
      return current ? current.theme : null;
    },

    /* The Reason panel's answer, painted on the view drawn now and on the views to come. */
    paint: function (paint) {
      lastPaint = paint || null;
      if (current && current.renderer) {
        current.paint = paintOf(current.data, lastPaint);
        current.renderer.refresh({ skipIndexation: true });
      }
      return Date.now();
    },

    paintedCount: function () {
      return current && current.paint ? Object.keys(current.paint).length : 0;
    },

    /* The marks drawn, by node id: {color} or {highlighted} (for tests). */
    painted: function () {
      var found = {};
      if (current && current.paint) {
        Object.keys(current.paint).forEach(function (key) { found[current.data.nodes.id[+key]] = current.paint[key]; });
      }
      return found;
    },

    active: function () {
      return Boolean(current && current.renderer);
    },

    fit: function () {
      if (current && current.renderer) { current.renderer.getCamera().animate(current.home, { duration: 300 }); }
    },

    /* The relation nearest a point of the canvas (its place in the view), -1 for none (for tests). */
    edgeAt: function (x, y) {
      return current && current.renderer ? edgeAt(x, y) : -1;
    },

    /* The node drawn for an id (for tests and benchmarks): its place on screen, or null. */
    where: function (id) {
      if (!current) { return null; }
      var index = current.data.nodes.id.indexOf(id);
      if (index < 0) { return null; }
      var shown = current.renderer.getNodeDisplayData(String(index));
      return shown ? current.renderer.framedGraphToViewport(shown) : null;
    },
  };

  window.mechgraphWebGL = api;
}());
