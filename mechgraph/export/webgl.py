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

from functools import lru_cache
from importlib import resources
from typing import Any

from ..style import FADED_OPACITY, LegendEntry, Theme, edge_style, legend_entries, mark_look, node_style, theme_colours
from ..vocabulary import Sign
from .html import json_for_html
from .html_legend import Swatches, legend_html
from .html_page import fill_page, page_markers
from .view import ExportError, Figure
from .webgl_page import _APP_JS, _TEMPLATE

__all__ = ["RENDERERS", "WEBGL_THRESHOLD", "choose_renderer", "opaque_over", "webgl_data", "webgl_document", "webgl_scripts"]

#: The renderers of an HTML export: ``auto`` picks vis-network below :data:`WEBGL_THRESHOLD`
#: nodes and WebGL at or above it.
RENDERERS = ("auto", "vis", "webgl")

#: ``auto`` draws a view of this many nodes or more with WebGL (see docs/scale.md: at 2,000 nodes
#: the vis-network page needs seconds before it is usable and pans at a few frames a second).
WEBGL_THRESHOLD = 2000

_BUNDLE = "vendor/webgl-graph.min.js"
#: mechgraph's own texture-on-viewport for sigma (moves the last frame as a bitmap while the camera moves).
_VIEWPORT = "webgl_viewport.js"

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
    return _packaged_script(_BUNDLE, "the WebGL bundle", "reinstall mechgraph or run scripts/build-webgl-bundle")


@lru_cache(maxsize=1)
def viewport_js() -> str:
    """The texture-on-viewport script (``MechgraphTexture``), ready to inline after the bundle."""
    return _packaged_script(_VIEWPORT, "the WebGL viewport script", "reinstall mechgraph")


def _packaged_script(name: str, what: str, remedy: str) -> str:
    """The script ``name`` of this package, ready to inline; when it is missing, an error that says
    ``what`` is missing and the ``remedy``."""
    try:
        text = (resources.files("mechgraph.export") / name).read_text(encoding="utf-8")
    except (FileNotFoundError, OSError) as error:
        raise ExportError(f"{what} is missing ({name}): {remedy} ({error})") from error
    return _inline_script(text)


def webgl_scripts() -> str:
    """The bundle and the texture-on-viewport script, as one script (the export inlines it, the dashboard serves it)."""
    return bundle_js() + "\n" + viewport_js()


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


def opaque_over(colour: str, background: str, alpha: float) -> str:
    """``colour`` at ``alpha`` over ``background``, as an opaque #RRGGBB.

    sigma blends translucent colours on a transparent canvas that the page then composites as if
    they were premultiplied, which lightens them (blue relations came out cyan): relations are
    drawn in opaque colours mixed here instead.

    >>> opaque_over("#0072B2", "#FFFFFF", 0.5)
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
            evidence.append([position, [[source_index[(ev.source, ev.title or "", ev.url or "")], text(ev.quote), text(ev.note)] for ev in edge.evidence]])
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
                "faded": opaque_over(node_style(kind, theme).colour, colours.background, FADED_OPACITY),
                "size": node_style(kind, theme).size,
            }
            for kind in kinds
        ],
        "styles": [
            {
                "sign": Sign(sign).word,
                "colour": opaque_over(edge_style(sign, None, theme).colour, colours.background, alpha) if many else edge_style(sign, None, theme).colour,
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


def _relation_swatch(entry: LegendEntry, theme: Theme) -> str:
    return (
        '<svg class="mechgraph-swatch" width="36" height="14" viewBox="0 0 36 14" aria-hidden="true">'
        f'<line x1="2" y1="7" x2="27" y2="7" stroke="{entry.colour}" stroke-width="2"/>'
        f'<polygon points="34,7 26,3 26,11" fill="{entry.colour}"/></svg>'
    )


#: The WebGL page's swatches: a disc per node kind, mark and measured value, a line per sign (colour is the sign).
_SWATCHES = Swatches(
    entry=lambda entry, theme: _disc(entry.colour, theme_colours(theme).node_border) if entry.group == "node" else _relation_swatch(entry, theme),
    mark=lambda entry, theme: _disc(entry.colour, theme_colours(theme).node_border),
    measured=lambda colour, theme: _disc(colour, theme_colours(theme).node_border),
)


def _legend_html(figure: Figure) -> str:
    """The legend of what the WebGL page draws: every node as a disc, relations by sign alone (no mechanism, no boxes)."""
    return legend_html(figure, _SWATCHES, mechanisms=[], boxes=False)


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
        [("@@DATA@@", json_for_html(webgl_data(figure))), ("@@BUNDLE@@", webgl_scripts()), ("@@APP@@", _inline_script(_APP_JS))],
    )
