"""The data of an HTML export's page: the figure as columns of nodes and relations, look-up
tables, the reasoning marks and the vis-network options (:func:`figure_data`), embedded in the page
by :func:`mechgraph.export.html.html_document`."""

from __future__ import annotations

from typing import Any

from ..identifiers import source_identifier
from ..layout.labels import BOX_FONT_SIZE, label_box
from ..style import BEND_ROUNDNESS, FADED_OPACITY, FIT_MAX_ZOOM, Theme, box_look, edge_style, faded, legend_entries, mark_look, theme_colours, vis_options
from ..vocabulary import Sign
from .view import Figure

#: Above this many nodes, details follow clicks only (hover hit-tests redraw the whole canvas).
HOVER_LIMIT = 3000
#: Above this many nodes, edges are hidden while dragging and zooming.
LARGE_GRAPH = 2000
#: Physics can be turned on for graphs up to this many nodes (beyond, it would not settle in time).
PHYSICS_LIMIT = 1000


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
        "kinds": [{"key": e.key, "label": e.label, "description": e.description, "box": _box(e.key, figure.theme) if boxes else None} for e in kinds],
        "styles": [
            {
                "sign": Sign(sign).word,
                "mechanism": mechanism or None,
                "vis": edge_style(sign, mechanism or None, figure.theme).vis(),
            }
            for sign, mechanism in style_keys
        ],
        "relations": [{"name": name, "phrase": phrase} for name, phrase in relations],
        "sources": [{"id": sid, "title": title or None, "url": url or None, "identifier": source_identifier(url)} for sid, title, url in sources],
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
                {"rows": [list(row) for row in node.rows], "links": [list(link) for link in node.links]} if node.rows or node.links else None for node in nodes
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
            "routes": [[position, [[_rounded(x), _rounded(y)] for x, y in edge.route]] for position, edge in enumerate(edges) if edge.route],
            "info": [
                {
                    "rows": [list(row) for row in edge.rows],
                    "evidence": [[source_index[(ev.source, ev.title or "", ev.url or "")], ev.quote, ev.note] for ev in edge.evidence],
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
            found.append(
                [position, {"fill": look.fill or None, "border": look.border, "width": look.width, "dashes": list(look.dashes) or False, "glyph": look.glyph}]
            )
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
