/* mechgraph: texture on viewport for sigma.js (the technique Cytoscape.js ships as its
 * textureOnViewport option). While the camera moves (a drag, the wheel, an animation), the last
 * full frame is moved and scaled as a bitmap (a CSS transform of sigma's canvases), and the graph
 * is drawn again once the camera has rested for SETTLE_MS. Without a GPU (WebGL on a software
 * rasteriser) a full frame of 20,000 nodes takes more than a second; moving the bitmap costs the
 * compositor a few milliseconds. It is used only when full frames are slow (mode "auto"): when
 * two full frames of one move came more than SLOW_FRAME_MS apart, or, before a move has timed
 * them, when the view holds LARGE nodes and relations or more (timing frames before the first
 * move would cost a large view seconds of frames nobody asked for); mode "always" always uses
 * it, mode "never" never does.
 * Written once: inlined into the WebGL export page and served to the dashboard with the bundle.
 * Defines MechgraphTexture.attach(renderer, mode). */
var MechgraphTexture = (function () {
  "use strict";
  var SETTLE_MS = 160, SLOW_FRAME_MS = 50, LARGE = 5000;

  function same(a, b) {
    return a.x === b.x && a.y === b.y && a.ratio === b.ratio && a.angle === b.angle;
  }

  /* Attach to a sigma renderer; returns {mode, frameMs, stats, moving, flush()}: mode "auto"
   * (the default), "always" or "never" (settable later); frameMs, the last full frame's time. */
  function attach(renderer, mode) {
    var camera = renderer.getCamera(), container = renderer.getContainer();
    var render = renderer.render.bind(renderer);
    var control = { mode: mode || "auto", frameMs: 0, stats: { full: 0, moved: 0 }, moving: false };
    var graph = renderer.getGraph(), large = graph.order + graph.size >= LARGE;
    var drawn = camera.getState(), timer = null, transformed = false, movedAt = 0;
    var firstMove = 0, lastFull = 0;  // the first camera move since the last full frame; when that frame was drawn

    function layers() {
      return Array.prototype.filter.call(container.querySelectorAll("canvas"), function (canvas) {
        return !/sigma-mouse/.test(canvas.className);
      });
    }
    function setTransform(value) {
      layers().forEach(function (canvas) {
        canvas.style.transformOrigin = "0 0";
        canvas.style.transform = value;
        canvas.style.willChange = value ? "transform" : "";
      });
      transformed = Boolean(value);
    }
    function forgetScheduled() {
      // sigma.scheduleRender() asks for a frame only when none is pending (renderer.renderFrame,
      // cleared by render()): a frame drawn as a moved bitmap must clear it too.
      if (renderer.renderFrame) {
        cancelAnimationFrame(renderer.renderFrame);
        renderer.renderFrame = null;
      }
    }
    function full() {
      timer = null;
      control.moving = false;
      forgetScheduled();
      if (transformed) { setTransform(""); }
      drawn = camera.getState();
      control.stats.full++;
      var result = render();
      lastFull = performance.now();
      return result;
    }
    function enabled() {
      if (control.mode !== "auto") { return control.mode === "always"; }
      // Until a move has timed a full frame, a view this large is taken to be slow to draw.
      return control.frameMs ? control.frameMs > SLOW_FRAME_MS : large;
    }
    function moved(now) {
      // Where the corners of the frame on screen are under the camera as it is now.
      var w = renderer.getDimensions().width || 1, h = renderer.getDimensions().height || 1;
      var a = renderer.framedGraphToViewport(renderer.viewportToFramedGraph({ x: 0, y: 0 }, { cameraState: drawn }), { cameraState: now });
      var b = renderer.framedGraphToViewport(renderer.viewportToFramedGraph({ x: w, y: h }, { cameraState: drawn }), { cameraState: now });
      var scale = (b.x - a.x) / w;
      if (!isFinite(scale) || scale <= 0 || !isFinite(a.x) || !isFinite(a.y)) { return false; }
      setTransform("translate(" + a.x.toFixed(2) + "px," + a.y.toFixed(2) + "px) scale(" + scale.toFixed(5) + ")");
      control.stats.moved++;
      return true;
    }
    camera.on("updated", function () {
      movedAt = performance.now();
      if (!firstMove) { firstMove = movedAt; }
    });
    function settleLater() {
      clearTimeout(timer);
      timer = setTimeout(function wait() {
        var rest = SETTLE_MS - (performance.now() - movedAt);
        if (rest > 0) { timer = setTimeout(wait, rest); } else { full(); }
      }, SETTLE_MS);
    }

    renderer.render = function () {
      var now = camera.getState(), at = performance.now(), moveBegan = firstMove;
      firstMove = 0;
      // A frame with the camera where it was (a new look of a node, a resize) is drawn in full.
      if (same(now, drawn) || now.angle !== drawn.angle) { return full(); }
      if (!enabled()) {
        // The camera moved again right after the last full frame: the time between the two
        // frames is how long a full frame takes.
        if (lastFull && moveBegan && moveBegan - lastFull < SLOW_FRAME_MS) { control.frameMs = at - lastFull; }
        return full();
      }
      forgetScheduled();
      if (!moved(now)) { return full(); }
      control.moving = true;
      settleLater();
      renderer.emit("afterMove");
      return renderer;
    };
    control.flush = function () { clearTimeout(timer); return full(); };
    return control;
  }

  return { attach: attach, SETTLE_MS: SETTLE_MS, SLOW_FRAME_MS: SLOW_FRAME_MS, LARGE: LARGE };
}());
