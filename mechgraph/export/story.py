"""A story as one offline HTML page: the drawing, one relation at a time, a caption for each.

The page holds everything it needs (an inline SVG drawing, its own small script and style; no
request leaves it), so it can be mailed, opened from a USB stick or shown from a laptop without
a network. The drawing uses the one geometry (:func:`mechgraph.layout.compute_geometry`) and the
one visual vocabulary (:mod:`mechgraph.style`): boxes tinted by kind, relations coloured by
sign with an arrow, a tee or a chevron, indirect relations dashed.

Keys: → ↓ Space PageDown Enter next; ← ↑ Backspace PageUp back; Home, End; P switches the
presenter layout (drawing above, large caption below, for a projector or a slide), also opened
by ``#presenter`` in the address. The address keeps the step (``#step-3``), so a reload stays.

All text reaches the page escaped: labels and captions through :func:`html.escape` in the
drawing and as JSON made safe for a ``<script>`` element (:func:`~mechgraph.export.html.json_for_html`)
for the captions, which the script writes with ``textContent``; evidence links are kept only
when they are http(s) (:func:`~mechgraph.export.view.safe_url`).

Examples
--------
>>> import networkx as nx
>>> from mechgraph.query.perturb import perturb
>>> from mechgraph.query.story import perturbation_story
>>> g = nx.MultiDiGraph()
>>> g.add_node("csa", kind="agent", label="<b>CsA</b>"); g.add_node("cn", kind="target", label="CN")
>>> _ = g.add_edge("csa", "cn", key="r1", relation="inhibits", sign=-1)
>>> page = story_html(g, perturbation_story(g, perturb(g, ["csa"])))
>>> "<b>CsA</b>" in page, "&lt;b&gt;CsA&lt;/b&gt;" in page, "http" in page.split("<body")[1].replace("http://www.w3.org/2000/svg", "")
(False, True, False)
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence
from html import escape
from pathlib import Path
from typing import Any

import networkx as nx

from .. import style
from ..fileio import write_atomic
from ..layout import compute_geometry
from ..layout.labels import wrap_label
from ..query.story import Story
from ..vocabulary import Attr, Mechanism, Sign
from .html import json_for_html
from .view import safe_url

__all__ = ["story_data", "story_html", "write_story"]

_LINE = 16  # pixels per label line
_CHAR = 7.0  # pixels per character of a label
_PAD = 10
_MARGIN = 40


def _box(label: str) -> tuple[tuple[str, ...], float, float]:
    lines = wrap_label(label) or (label,)
    return lines, max(len(line) for line in lines) * _CHAR + 2 * _PAD, len(lines) * _LINE + _PAD


def _story_graph(graph: nx.MultiDiGraph, story: Story) -> nx.MultiDiGraph:
    sub = nx.MultiDiGraph()
    for node in story.nodes:
        data = graph._node.get(node, {})
        sub.add_node(node, **{Attr.LABEL.value: story.labels.get(node, node), Attr.KIND.value: data.get(Attr.KIND.value)})
    for index, step in enumerate(story.steps):
        sub.add_edge(step.source, step.target, key=index, **{Attr.SIGN.value: step.sign, Attr.MECHANISM.value: step.mechanism})
    return sub


def _edge_end(centre: tuple[float, float], towards: tuple[float, float], half: tuple[float, float]) -> tuple[float, float]:
    """Where the line from ``towards`` to a box's ``centre`` meets the box."""
    dx, dy = centre[0] - towards[0], centre[1] - towards[1]
    if dx == 0 and dy == 0:
        return centre
    scale = min(half[0] / abs(dx) if dx else math.inf, half[1] / abs(dy) if dy else math.inf)
    return centre[0] - dx * scale, centre[1] - dy * scale


def _svg(graph: nx.MultiDiGraph, story: Story, theme: style.Theme) -> str:
    sub = _story_graph(graph, story)
    geometry = compute_geometry(sub, method="layered")
    boxes = {node: _box(story.labels.get(node, node)) for node in sub}
    xs = [geometry.positions[n][0] + s * boxes[n][1] / 2 for n in sub for s in (-1, 1)]
    ys = [geometry.positions[n][1] + s * boxes[n][2] / 2 for n in sub for s in (-1, 1)]
    left, top = min(xs) - _MARGIN, min(ys) - _MARGIN
    width, height = max(xs) - left + _MARGIN, max(ys) - top + _MARGIN
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{left:.1f} {top:.1f} {width:.1f} {height:.1f}" role="img" aria-label="{escape(story.title)}">',
             "<defs>"]  # fmt: skip
    for sign in (Sign.INCREASES, Sign.DECREASES, Sign.UNKNOWN):
        colour = style.edge_style(sign, None, theme).colour
        shape = {Sign.INCREASES: '<path d="M0,0 L10,5 L0,10 z"', Sign.DECREASES: '<path d="M8,0 L8,10 L10,10 L10,0 z"',
                 Sign.UNKNOWN: '<path d="M0,0 L10,5 L0,10" fill="none" stroke-width="1.5"'}[sign]  # fmt: skip
        parts.append(f'<marker id="head{int(sign)}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="10" markerHeight="10" markerUnits="userSpaceOnUse" orient="auto-start-reverse">'
                     f'{shape} fill="{colour}" stroke="{colour}"/></marker>')  # fmt: skip
    parts.append("</defs>")
    first = {node: index for index, node in reversed(list(enumerate(node for step in story.steps for node in (step.source, step.target))))}
    first_step = {node: position // 2 for node, position in first.items()}
    for index, step in enumerate(story.steps):
        edge = style.edge_style(step.sign, step.mechanism, theme)
        points = list(geometry.route(step.source, step.target, index))
        half_u = (boxes[step.source][1] / 2, boxes[step.source][2] / 2)
        half_v = (boxes[step.target][1] / 2, boxes[step.target][2] / 2)
        points[0] = _edge_end(points[0], points[1], half_u)
        points[-1] = _edge_end(points[-1], points[-2], half_v)
        path = " ".join(f"{x:.1f},{y:.1f}" for x, y in points)
        dash = ' stroke-dasharray="6 4"' if step.mechanism == Mechanism.INDIRECT.value else ""
        parts.append(f'<polyline class="edge" data-step="{index}" points="{path}" fill="none" stroke="{edge.colour}" stroke-width="{edge.width + 0.5:.1f}"{dash} '
                     f'marker-end="url(#head{int(Sign.of(step.sign))})"/>')  # fmt: skip
    for node in sub:
        x, y = geometry.positions[node]
        lines, w, h = boxes[node]
        fill, stroke, stroke_width, dash = _node_look(sub._node[node].get(Attr.KIND.value), story.marks.get(node, ()), theme)
        text = "".join(
            f'<text x="{x:.1f}" y="{y - h / 2 + _PAD / 2 + _LINE * (i + 0.75):.1f}" text-anchor="middle">{escape(line)}</text>' for i, line in enumerate(lines)
        )
        parts.append(f'<g class="node" data-node="{escape(str(node))}" data-first="{first_step[node]}"><rect x="{x - w / 2:.1f}" y="{y - h / 2:.1f}" width="{w:.1f}" '
                     f'height="{h:.1f}" rx="5" fill="{fill}" stroke="{stroke}" stroke-width="{stroke_width:g}"{dash}/>{text}</g>')  # fmt: skip
    parts.append("</svg>")
    return "".join(parts)


_DASHES = {"dashed": ' stroke-dasharray="7 4"', "dotted": ' stroke-dasharray="2 3"'}


def _node_look(kind: Any, marks: Sequence[str], theme: style.Theme) -> tuple[str, str, float, str]:
    """Fill, stroke, stroke width and dash attribute of a node box: its kind's box, drawn over by
    its reasoning marks as the dashboard draws them (:func:`mechgraph.style.reasoning_node_style`)."""
    look = style.box_look(kind, theme)
    merged: dict[str, Any] = {}
    for mark in marks:
        merged.update(style.reasoning_node_style(mark, theme))
    width = float(merged.get("border-width", 1.5))
    return (str(merged.get("background-color", look.fill)), str(merged.get("border-color", look.border)), min(width, 4.0),
            _DASHES.get(str(merged.get("border-style")), ""))  # fmt: skip


def _legend(story: Story, theme: style.Theme) -> str:
    """The marks the story draws, as a line of swatches."""
    used = {mark for marks in story.marks.values() for mark in marks}
    entries = [
        (style.response_colour(key, theme), entry.label) for key, entry in zip(style.RESPONSES, style.response_legend(theme), strict=True) if key in used
    ]
    entries += [
        (colour, {"a": "only the first agent", "b": "only the second agent", "shared": "both agents"}[key])
        for key, (colour, _) in style.COMPARE_SIDES.items()
        if key in used
    ]
    if "consistent" in used or "inconsistent" in used:
        entries.append((style.theme_colours(theme).selection, "solid border: agrees with the data; dotted: disagrees"))
    return "".join(f'<span class="key"><span class="swatch" style="background:{colour}"></span>{escape(label)}</span>' for colour, label in entries)


_SCRIPT = """
(function () {
  "use strict";
  var story = JSON.parse(document.getElementById("story-data").textContent);
  var steps = story.steps, count = steps.length, current = -1;
  var caption = document.getElementById("caption"), outcome = document.getElementById("outcome");
  var where = document.getElementById("where"), evidence = document.getElementById("evidence");
  var counter = document.getElementById("counter"), chapter = document.getElementById("chapter");
  function text(element, value) { element.textContent = value || ""; }
  function show(index) {
    current = Math.max(-1, Math.min(count, index));
    document.querySelectorAll(".edge").forEach(function (edge) {
      var at = Number(edge.getAttribute("data-step"));
      edge.setAttribute("class", "edge " + (at < current ? "past" : at === current ? "current" : "future"));
    });
    document.querySelectorAll(".node").forEach(function (node) {
      var at = Number(node.getAttribute("data-first"));
      var touched = current >= 0 && current < count && (steps[current].from === node.getAttribute("data-node") || steps[current].to === node.getAttribute("data-node"));
      node.setAttribute("class", "node " + (at <= Math.max(current, 0) || current >= count ? (touched ? "current" : "shown") : "future"));
    });
    while (evidence.firstChild) { evidence.removeChild(evidence.firstChild); }
    if (current < 0) {
      text(chapter, ""); text(caption, story.title); text(outcome, "→ next, ← back, P presenter layout"); text(where, "");
    } else if (current >= count) {
      text(chapter, ""); text(caption, story.summary);
      text(outcome, story.left_out ? story.left_out + " more relations not told" : ""); text(where, "");
    } else {
      var step = steps[current];
      text(chapter, step.chapter); text(caption, step.caption); text(outcome, step.outcome);
      text(where, step.context ? "in " + step.context : "");
      step.evidence.forEach(function (item) {
        var li = document.createElement("li");
        var source = document.createElement("strong");
        source.textContent = item.source || "";
        li.appendChild(source);
        if (item.quote) { li.appendChild(document.createTextNode(" \\u201c" + item.quote + "\\u201d")); }
        if (item.note) { li.appendChild(document.createTextNode(" (" + item.note + ")")); }
        if (item.url) {
          var link = document.createElement("a");
          link.setAttribute("href", item.url);
          link.setAttribute("rel", "noopener noreferrer");
          link.textContent = " source";
          li.appendChild(link);
        }
        evidence.appendChild(li);
      });
    }
    text(counter, (Math.max(0, Math.min(current + 1, count))) + " / " + count);
    var hash = "#step-" + (current + 1) + (document.body.classList.contains("presenter") ? "-presenter" : "");
    if (window.history && window.history.replaceState) { window.history.replaceState(null, "", hash); }
  }
  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var key = event.key;
    if (["ArrowRight", "ArrowDown", "PageDown", " ", "Enter"].indexOf(key) >= 0) { show(current + 1); }
    else if (["ArrowLeft", "ArrowUp", "PageUp", "Backspace"].indexOf(key) >= 0) { show(current - 1); }
    else if (key === "Home") { show(-1); }
    else if (key === "End") { show(count); }
    else if (key === "p" || key === "P") { document.body.classList.toggle("presenter"); show(current); }
    else { return; }
    event.preventDefault();
  });
  document.getElementById("next").addEventListener("click", function () { show(current + 1); });
  document.getElementById("back").addEventListener("click", function () { show(current - 1); });
  var match = /^#step-(\\d+)(-presenter)?$/.exec(window.location.hash) || /^#(presenter)$/.exec(window.location.hash);
  if (match && (match[2] || match[1] === "presenter")) { document.body.classList.add("presenter"); }
  show(match && match[1] !== "presenter" ? Number(match[1]) - 1 : -1);
}());
"""


def _style(theme: style.Theme) -> str:
    colours = style.theme_colours(theme)
    return f"""
body {{ margin: 0; font-family: {colours.font_family}; background: {colours.background}; color: {colours.text}; display: flex; flex-direction: column; height: 100vh; }}
header {{ padding: 10px 18px; border-bottom: 1px solid {colours.panel_border}; display: flex; gap: 12px; align-items: center; }}
header h1 {{ font-size: 18px; margin: 0; flex: 1; }}
main {{ flex: 1; display: flex; min-height: 0; }}
.drawing {{ flex: 3; min-width: 0; min-height: 0; padding: 10px; }}
.drawing svg {{ width: 100%; height: 100%; }}
aside {{ flex: 2; padding: 18px; border-left: 1px solid {colours.panel_border}; overflow: auto; background: {colours.panel}; }}
#chapter {{ color: {colours.muted_text}; text-transform: uppercase; font-size: 12px; letter-spacing: 0.05em; }}
#caption {{ font-size: 22px; margin: 6px 0; }}
#outcome {{ font-size: 18px; font-weight: bold; }}
#where, #counter {{ color: {colours.muted_text}; }}
#evidence li {{ margin: 6px 0; }}
a {{ color: {colours.link}; }}
button {{ font: inherit; padding: 4px 12px; }}
text {{ font-size: 12px; fill: {colours.text}; font-family: {colours.font_family}; }}
.edge, .node {{ transition: opacity 0.25s; }}
.future {{ opacity: 0; }}
.legend {{ padding: 4px 18px; font-size: 13px; color: {colours.muted_text}; }}
.legend .key {{ margin-right: 14px; white-space: nowrap; }}
.legend .swatch {{ display: inline-block; width: 12px; height: 12px; border-radius: 2px; margin-right: 4px; vertical-align: -1px; }}
body.presenter .legend {{ display: none; }}
.edge.past {{ opacity: 0.45; }}
.edge.current {{ stroke-width: 4.5; }}
.node.current rect {{ stroke-width: 3.5; stroke: {colours.selection}; }}
body.presenter main {{ flex-direction: column; }}
body.presenter .drawing {{ flex: 1 1 0; }}
body.presenter aside {{ flex: 0 0 34vh; border-left: none; border-top: 1px solid {colours.panel_border}; }}
body.presenter #caption {{ font-size: 34px; }}
body.presenter #outcome {{ font-size: 26px; }}
body.presenter header {{ display: none; }}
"""


def story_data(story: Story) -> dict[str, Any]:
    """The story as JSON-ready data with only safe evidence links (http or https)."""
    data = story.to_dict()
    for step in data["steps"]:
        step["evidence"] = [
            {key: str(item[key]) for key in ("source", "quote", "note") if item.get(key)} | ({"url": url} if (url := safe_url(item.get("url"))) else {})
            for item in step["evidence"]
        ]
    return data


def story_html(graph: nx.MultiDiGraph, story: Story, *, theme: style.Theme | str = style.Theme.LIGHT) -> str:
    """The story as one self-contained HTML page (see the module docstring)."""
    theme = style.Theme(theme)
    title = escape(story.title)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title>'
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
        f"<style>{_style(theme)}</style></head>"
        f'<body><header><h1>{title}</h1><button id="back" type="button">← Back</button><button id="next" type="button">Next →</button>'
        f'<span id="counter"></span></header><div class="legend">{_legend(story, theme)}</div>'
        f'<main><div class="drawing">{_svg(graph, story, theme)}</div>'
        '<aside aria-live="polite"><div id="chapter"></div><h2 id="caption"></h2><div id="outcome"></div><div id="where"></div>'
        '<ul id="evidence"></ul></aside></main>'
        f'<script type="application/json" id="story-data">{json_for_html(story_data(story))}</script>'
        f"<script>{_SCRIPT}</script></body></html>\n"
    )


def write_story(
    graph: nx.MultiDiGraph, story: Story, path: str | os.PathLike[str], *, theme: style.Theme | str = style.Theme.LIGHT, force: bool = False
) -> Path:
    """Write :func:`story_html` to ``path`` atomically (never over a file unless ``force``)."""
    return write_atomic(Path(path), story_html(graph, story, theme=theme), force=force)
