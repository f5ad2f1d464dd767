"""The browser side of the Reason panel: the clientside scripts that paint an answer on the
canvas and step through its story (registered by
:func:`mechgraph.dashboard.reasoning.register_callbacks`)."""

from __future__ import annotations

from .ids import Ids

#: Applies the paint to the canvas in the browser: every node marked before loses its marks, then
#: each node of the answer on screen gets its style (as a bypass, so theme and highlight changes
#: keep it) and its classes. Runs after cytoscape has drawn new elements.
PAINT_JS = """
function(paint, elements) {
  var apply = function () {
    var cy = window.mechgraph && window.mechgraph.cy('__CANVAS__');
    if (!cy) { return; }
    cy.batch(function () {
      cy.nodes('.reason-marked').forEach(function (node) {
        node.removeStyle();
        node.classes(node.classes().filter(function (c) { return c.indexOf('reason-') !== 0; }));
      });
      var styles = (paint && paint.nodes) || {}, classes = (paint && paint.classes) || {};
      Object.keys(styles).forEach(function (id) {
        var node = cy.getElementById(id);
        if (node.length === 0 || !node.isNode()) { return; }
        node.style(styles[id]);
        node.addClass('reason-marked');
        (classes[id] || []).forEach(function (c) { node.addClass(c); });
      });
    });
    document.getElementById('__CANVAS__').dataset.reasonPainted = String(Object.keys((paint && paint.nodes) || {}).length);
  };
  window.requestAnimationFrame(function () { window.setTimeout(apply, 0); });
  return Date.now();
}
""".replace("__CANVAS__", Ids.CANVAS)


#: Steps through the story in the browser: Back and Next (and the arrow keys while the story
#: box has focus) move the step; a new story starts at its title. The relations of the step are
#: drawn thick on the view, the earlier ones a little thicker, and the caption shows the step's
#: sentence, what it predicts, where it holds and its evidence (as text; links only http(s)).
STORY_JS = """
function(back, next, story, elements, step) {
  var dc = window.dash_clientside, triggered = (dc.callback_context.triggered || []).map(function (t) { return t.prop_id; });
  if (!window.mechgraphStoryKeys) {
    window.mechgraphStoryKeys = true;
    document.addEventListener("keydown", function (event) {
      var box = document.getElementById("__BOX__");
      if (!box || !box.contains(document.activeElement) || event.altKey || event.ctrlKey || event.metaKey) { return; }
      var button = event.key === "ArrowRight" ? "__NEXT__" : event.key === "ArrowLeft" ? "__BACK__" : null;
      if (button) { event.preventDefault(); var b = document.getElementById(button); if (b && !b.disabled) { b.click(); } }
    });
  }
  var steps = (story && story.steps) || [], count = steps.length;
  var at = typeof step === "number" ? step - 1 : -1, ended = false;  /* the link counts the title as step 0 */
  if (triggered.indexOf("__STORE__.data") >= 0) {
    /* The same story again (the answer is recomputed on every change of the link): keep the step.
     * The first story of the page keeps the step of the link; a new story starts at its title. */
    if (story) {
      var signature = story.title + "|" + steps.map(function (s) { return s.ids.join(","); }).join(";");
      if (window.mechgraphStorySignature !== undefined && window.mechgraphStorySignature !== signature) { at = -1; }
      window.mechgraphStorySignature = signature;
    } else if (window.mechgraphStorySignature !== undefined) {  /* the story is gone: so is its step */
      window.mechgraphStorySignature = undefined;
      at = -1;
      ended = true;
    }
    at = Math.max(-1, Math.min(count, at));
  }
  if (triggered.indexOf("__NEXT__.n_clicks") >= 0) { at = Math.min(count, at + 1); }
  if (triggered.indexOf("__BACK__.n_clicks") >= 0) { at = Math.max(-1, at - 1); }
  var paint = function () {
    var cy = window.mechgraph && window.mechgraph.cy("__CANVAS__");
    if (!cy) { return; }
    cy.batch(function () {
      cy.edges(".story-marked").forEach(function (edge) { edge.removeStyle(); edge.removeClass("story-marked story-current story-past"); });
      steps.forEach(function (s, index) {
        if (index > at) { return; }
        var mark = index === at ? "current" : "past";
        s.ids.forEach(function (id) {
          var edge = cy.getElementById(id);
          if (edge.length === 0 || !edge.isEdge()) { return; }
          edge.style(story.styles[mark]);
          edge.addClass("story-marked story-" + mark);
        });
      });
    });
  };
  window.requestAnimationFrame(function () { window.setTimeout(paint, 0); });
  var text = function (tag, value, cls) { return {type: tag, namespace: "dash_html_components", props: {children: value, className: cls || ""}}; };
  var caption = [];
  if (!count) {
    caption = [text("P", "Perturb, compare or choose a path to tell its story.", "muted")];
  } else if (at < 0) {
    caption = [text("H4", story.title), text("P", count + " steps: press Next or →.", "muted")];
  } else if (at >= count) {
    caption = [text("H4", story.summary), text("P", story.left_out ? story.left_out + " more relations not told." : "The end.", "muted")];
  } else {
    var s = steps[at];
    var items = s.evidence.map(function (item) {
      var words = (item.source || "") + (item.quote ? " \u201c" + item.quote + "\u201d" : "") + (item.note ? " (" + item.note + ")" : "");
      var parts = [words];
      if (item.url) { parts.push({type: "A", namespace: "dash_html_components", props: {children: " source", href: item.url, target: "_blank", rel: "noopener noreferrer"}}); }
      return {type: "Li", namespace: "dash_html_components", props: {children: parts}};
    });
    caption = [text("Small", (at + 1) + " / " + count + (s.chapter ? " \u00b7 " + s.chapter : ""), "muted"), text("H4", s.caption, "story-caption"),
               text("P", s.outcome, "story-outcome"), text("P", s.context ? "in " + s.context : "", "muted"),
               {type: "Ul", namespace: "dash_html_components", props: {children: items}}];
  }
  /* The step is written only when it moves, and never before there is a story: the link's step
   * waits for the story it belongs to. */
  var written = (!count && !ended) || at + 1 === step ? dc.no_update : at + 1;
  if (written !== dc.no_update && triggered.indexOf("__STORE__.data") >= 0 && dc.set_props) {
    /* A new answer's story moves the step back to its title. The answer itself came from the
     * link, so the link is told afterwards, as if the user had moved it. */
    window.setTimeout(function () { dc.set_props("__STEP__", {data: written}); }, 0);
    written = dc.no_update;
  }
  return [written, caption, !count || at < 0, !count || at >= count, !count];
}
"""
for _token, _id in (("__BOX__", Ids.REASON_STORY_BOX), ("__NEXT__", Ids.REASON_STORY_NEXT), ("__BACK__", Ids.REASON_STORY_BACK),
                    ("__STORE__", Ids.REASON_STORY), ("__STEP__", Ids.REASON_STORY_STEP), ("__CANVAS__", Ids.CANVAS)):  # fmt: skip
    STORY_JS = STORY_JS.replace(_token, _id)
