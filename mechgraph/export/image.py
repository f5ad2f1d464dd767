"""SVG, PNG and PDF images of a figure, drawn with matplotlib from the same visual vocabulary.

The page has the HTML export's arrangement: a title bar, the legend in a left column, the
graph fitted into the rest. Node colours and shapes, arrowheads (arrow, tee, open chevron) and
dashes come from :mod:`mechgraph.style`; the heads are drawn from
:meth:`~mechgraph.style.ArrowHead.outline` in bulk (one collection per relation look), so a
10,000-relation figure draws in about a second. Labels are drawn when they would be legible,
as in the HTML page (always in SVG and PDF, which can be zoomed into), for up to 600 nodes.

Output is deterministic: no dates in the metadata, a fixed SVG hash salt, and text kept as
text in SVG (so that slides can restyle it and tests can read it).
"""

from __future__ import annotations

import io
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..layout import label_box
from ..layout.labels import BOX_FONT_SIZE, DRAWN_LINE_HEIGHT
from ..style import (
    FADED_OPACITY,
    FIT_MAX_ZOOM,
    LABEL_FONT_SIZE,
    LABEL_MIN_PIXELS,
    LegendEntry,
    box_look,
    edge_style,
    legend_entries,
    mark_legend,
    mark_look,
    node_style,
    theme_colours,
)
from .view import ExportError, Figure, FigureNode

__all__ = ["IMAGE_FORMATS", "image_bytes"]

#: The image formats and their matplotlib names.
IMAGE_FORMATS = ("svg", "png", "pdf")

_DPI = 100  # one figure pixel is one page pixel
_POINTS_PER_PIXEL = 72 / _DPI
_HEADER = 52  # pixels, as in the HTML page
_LEGEND_WIDTH = 200
_MARGIN = 24  # around the drawing, in pixels
_PARALLEL_GAP = 9  # between parallel relations, in pixels at 100% zoom
#: Labels are drawn for at most this many nodes (beyond, they are an unreadable grey).
LABEL_LIMIT = 600

_METADATA = {
    "svg": {"Creator": "mechgraph", "Date": None},
    "png": {"Software": "mechgraph"},
    "pdf": {"Creator": "mechgraph", "Producer": "mechgraph", "CreationDate": None},
}


def image_bytes(figure: Figure, image_format: str, *, labels: bool | None = None, scale: float = 1.0) -> bytes:
    """The image of ``figure`` as bytes of ``image_format`` (``svg``, ``png`` or ``pdf``).

    ``labels`` forces node labels on or off; by default they are drawn when legible. ``scale``
    multiplies a PNG's pixels (2 for a sharp slide; 3 turns 1280x720 into 3840x2160, 4K).

    >>> import networkx as nx
    >>> from mechgraph.export.view import build_figure
    >>> g = nx.MultiDiGraph([("a", "b")]); g.nodes["a"]["kind"] = "agent"
    >>> svg = image_bytes(build_figure(g, title="T"), "svg")
    >>> svg.startswith(b"<?xml") and b"Legend" in svg
    True
    """
    if image_format not in IMAGE_FORMATS:
        raise ExportError(f"unknown image format {image_format!r}: expected one of {', '.join(IMAGE_FORMATS)}")
    if not 0.25 <= scale <= 8:
        raise ExportError(f"scale {scale:g} is out of range: use 0.25 to 8 (3 makes a 1280x720 page 4K)")
    import matplotlib

    with matplotlib.rc_context(
        {
            "svg.hashsalt": "mechgraph",
            "svg.fonttype": "none",
            "pdf.fonttype": 42,
            "font.family": "sans-serif",
            "font.sans-serif": ["DejaVu Sans"],
            "path.simplify": True,
        }
    ):
        canvas_figure = _draw(figure, labels=labels, vector=image_format != "png")
        buffer = io.BytesIO()
        canvas_figure.savefig(
            buffer,
            format=image_format,
            dpi=_DPI * (scale if image_format == "png" else 1.0),
            facecolor=theme_colours(figure.theme).background,
            metadata=_METADATA[image_format],
        )
    return buffer.getvalue()


def _draw(figure: Figure, *, labels: bool | None, vector: bool) -> Any:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure as MatplotlibFigure

    colours = theme_colours(figure.theme)
    width, height = figure.size.width, figure.size.height
    page = MatplotlibFigure(figsize=(width / _DPI, height / _DPI), dpi=_DPI, facecolor=colours.background)
    FigureCanvasAgg(page)
    page.text(
        12 / width,
        1 - (_HEADER / 2) / height,
        figure.title,
        ha="left",
        va="center",
        fontsize=20 * _POINTS_PER_PIXEL * 1.0,
        fontweight="bold",
        color=colours.text,
    )
    counts = f"{len(figure.nodes)} nodes, {len(figure.edges)} relations"
    page.text(1 - 12 / width, 1 - (_HEADER / 2) / height, counts, ha="right", va="center", fontsize=13 * _POINTS_PER_PIXEL, color=colours.muted_text)
    page.add_artist(_rule(page, [0, 1], [1 - _HEADER / height] * 2, colours.panel_border))
    page.add_artist(_rule(page, [_LEGEND_WIDTH / width] * 2, [0, 1 - _HEADER / height], colours.panel_border))

    box = (
        (_LEGEND_WIDTH + _MARGIN) / width,
        _MARGIN / height,
        (width - _LEGEND_WIDTH - 2 * _MARGIN) / width,
        (height - _HEADER - 2 * _MARGIN) / height,
    )
    axes = page.add_axes(box)
    axes.set_axis_off()
    axes.set_facecolor(colours.background)
    box_pixels = (box[2] * width, box[3] * height)
    if len(figure.nodes) <= LABEL_LIMIT and labels is not False:
        _draw_boxes(axes, figure, _fit_boxes(axes, figure, box_pixels))
    else:
        plan = _fit(axes, figure, box_pixels, labels=labels, vector=vector)
        _draw_graph(axes, figure, plan)
    _draw_legend(page, figure, boxes=len(figure.nodes) <= LABEL_LIMIT and labels is not False)
    return page


def _rule(page: Any, xs: list[float], ys: list[float], colour: str) -> Any:
    from matplotlib.lines import Line2D

    return Line2D(xs, ys, transform=page.transFigure, color=colour, linewidth=0.8)


@dataclass(frozen=True, slots=True)
class _Plan:
    scale: float  # image pixels per layout pixel
    labels: bool
    font_pixels: float

    @property
    def zoom(self) -> float:
        """How much nodes, heads and labels are scaled (the drawing's scale: as when zooming)."""
        return self.scale


def _fit(axes: Any, figure: Figure, box_pixels: tuple[float, float], *, labels: bool | None, vector: bool) -> _Plan:
    """Choose the scale that fits nodes and their labels in the box, and set the axes limits."""
    xy = np.array([(node.x, node.y) for node in figure.nodes]) if figure.nodes else np.zeros((1, 2))
    radius = np.array([node_style(node.kind, figure.theme).size for node in figure.nodes] or [0.0])
    characters = np.array([len(node.label) for node in figure.nodes] or [0])
    scale, plan = 1.0, _Plan(1.0, False, 0.0)
    for _ in range(4):  # a fixed point: the labels' room depends on the scale, which depends on it
        zoom = scale
        font_pixels = LABEL_FONT_SIZE * zoom * 0.8
        # Vector images can be zoomed into, so their labels are worth drawing even when small.
        legible = vector or font_pixels >= LABEL_MIN_PIXELS
        show = labels if labels is not None else (len(figure.nodes) <= LABEL_LIMIT and legible)
        plan = _Plan(scale, bool(show), max(font_pixels, 2.5))
        node_pixels = radius * max(zoom, 0.25) + 4
        half_width = np.maximum(node_pixels, characters * plan.font_pixels * 0.3 if show else 0)
        below = node_pixels + (plan.font_pixels * 1.4 if show else 0)
        low_x = float((xy[:, 0] - half_width / scale).min())
        high_x = float((xy[:, 0] + half_width / scale).max())
        low_y = float((xy[:, 1] - node_pixels / scale).min())
        high_y = float((xy[:, 1] + below / scale).max())
        new_scale = min(
            box_pixels[0] / max(high_x - low_x, 1.0),
            box_pixels[1] / max(high_y - low_y, 1.0),
            FIT_MAX_ZOOM,
        )
        if abs(new_scale - scale) < 1e-3 * scale:
            break
        scale = new_scale
    plan = _Plan(scale, plan.labels, plan.font_pixels)
    centre = ((low_x + high_x) / 2, (low_y + high_y) / 2)
    half_box = (box_pixels[0] / scale / 2, box_pixels[1] / scale / 2)
    axes.set_xlim(centre[0] - half_box[0], centre[0] + half_box[0])
    axes.set_ylim(centre[1] + half_box[1], centre[1] - half_box[1])  # y points down, as in the layout
    return plan


def _draw_graph(axes: Any, figure: Figure, plan: _Plan) -> None:
    from matplotlib.patches import PathPatch

    theme = figure.theme
    scale, zoom = plan.scale, plan.zoom
    xy = np.array([(node.x, node.y) for node in figure.nodes]) if figure.nodes else np.zeros((0, 2))
    radius = np.array([node_style(node.kind, theme).size for node in figure.nodes]) * max(zoom, 0.25) / scale

    groups: dict[tuple[int, str], list[int]] = defaultdict(list)
    for position, edge in enumerate(figure.edges):
        if edge.source != edge.target:
            groups[(int(edge.sign), edge.mechanism or "")].append(position)
    for (sign, mechanism), members in sorted(groups.items(), key=lambda item: (-item[0][0], item[0][1])):
        style = edge_style(sign, mechanism or None, theme)
        sources = np.array([figure.edges[k].source for k in members])
        targets = np.array([figure.edges[k].target for k in members])
        start, end = xy[sources], xy[targets]
        delta = end - start
        length = np.hypot(delta[:, 0], delta[:, 1])
        keep = length > (radius[sources] + radius[targets])
        if not keep.any():
            continue
        start, end, delta, length = start[keep], end[keep], delta[keep], length[keep]
        sources, targets = sources[keep], targets[keep]
        unit = delta / length[:, None]
        normal = np.column_stack([-unit[:, 1], unit[:, 0]])
        bends = np.array([figure.edges[k].bend for k in members])[keep]
        if bends.any():  # parallel relations side by side, as vis-network bends them apart
            shift = normal * (bends * _PARALLEL_GAP / scale * max(zoom, 0.35))[:, None]
            start, end = start + shift, end + shift
        head_length = style.head_length * max(zoom, 0.35) / scale
        head_width = style.head_width * max(zoom, 0.35) / scale
        tip = end - unit * (radius[targets] + 2 / scale)[:, None]
        line_end = tip - unit * (head_length * 0.8 if style.head.filled else 0.0)
        line_start = start + unit * radius[sources][:, None]
        segments = np.stack([line_start, line_end], axis=1)
        # One compound path per look (not one path per relation): fast to draw, small in SVG and PDF.
        # add_artist, not add_patch: the limits are set already, and updating them walks every curve in Python.
        axes.add_artist(PathPatch(_compound(segments), facecolor="none", capstyle="butt", zorder=1, **style.matplotlib(scale=zoom)))
        outline = np.array(style.head.outline(head_length, head_width))
        heads = tip[:, None, :] + outline[None, :, 0:1] * unit[:, None, :] + outline[None, :, 1:2] * normal[:, None, :]
        if style.head.filled:
            axes.add_artist(PathPatch(_compound(heads, closed=True), facecolor=style.colour, edgecolor=style.colour, linewidth=0.3, zorder=2))
        else:
            head_line = max(0.6, style.width * 0.72 * zoom * 1.3)
            axes.add_artist(PathPatch(_compound(heads), facecolor="none", edgecolor=style.colour, linewidth=head_line, zorder=2))

    by_kind: dict[str, list[int]] = defaultdict(list)
    for position, node in enumerate(figure.nodes):
        by_kind[node.kind].append(position)
    for kind in sorted(by_kind):
        members = by_kind[kind]
        axes.scatter(xy[members, 0], xy[members, 1], zorder=3, **node_style(kind, theme).matplotlib(scale=max(zoom, 0.25)))

    if plan.labels:
        colours = theme_colours(theme)
        for position, node in enumerate(figure.nodes):
            axes.text(
                node.x,
                node.y + radius[position] + 2 / scale,
                node.label,
                ha="center",
                va="top",
                fontsize=plan.font_pixels * _POINTS_PER_PIXEL,
                color=colours.text,
                zorder=4,
                clip_on=True,
            )


def _fit_boxes(axes: Any, figure: Figure, box_pixels: tuple[float, float]) -> float:
    """Fit label boxes and routes as the HTML page does (:func:`mechgraph.layout_quality.fit_transform`); the zoom."""
    from ..layout_quality import fit_transform

    boxes = np.array([_label_box(node) for node in figure.nodes])
    points = np.array([point for edge in figure.edges for point in edge.route], dtype=float).reshape(-1, 2)
    # The page keeps FIT_MARGIN inside its graph area; here _MARGIN is already outside the box.
    zoom, dx, dy = fit_transform(boxes, points, (box_pixels[0] + 48, box_pixels[1] + 48))
    dx, dy = dx - 24, dy - 24
    axes.set_xlim(-dx / zoom, (box_pixels[0] - dx) / zoom)
    axes.set_ylim((box_pixels[1] - dy) / zoom, -dy / zoom)  # y points down, as in the layout
    return zoom


def _label_box(node: FigureNode) -> tuple[float, float, float, float]:
    width, height = label_box(node.lines or (node.label,))
    return node.x - width / 2, node.y - height / 2, node.x + width / 2, node.y + height / 2


def _exit(centre: np.ndarray, towards: np.ndarray, half: np.ndarray) -> np.ndarray:
    """Where the segment from a box's centre towards a point leaves the box (half = half sizes)."""
    delta = towards - centre
    with np.errstate(divide="ignore"):
        t = np.min(np.where(np.abs(delta) > 1e-9, half / np.abs(delta), np.inf))
    return centre + delta * min(float(t), 1.0)


def _draw_boxes(axes: Any, figure: Figure, zoom: float) -> None:
    """Nodes as labelled boxes and relations along their routes (the layout's geometry)."""
    from matplotlib.collections import PatchCollection
    from matplotlib.colors import to_rgba
    from matplotlib.patches import FancyBboxPatch, PathPatch
    from matplotlib.path import Path

    theme = figure.theme
    centres = np.array([(node.x, node.y) for node in figure.nodes], dtype=float)
    halves = np.array([(node.width / 2, node.height / 2) for node in figure.nodes], dtype=float)
    groups: dict[tuple[int, str, bool], list[int]] = defaultdict(list)
    for position, edge in enumerate(figure.edges):
        if edge.source != edge.target:
            groups[(int(edge.sign), edge.mechanism or "", edge.faded)].append(position)
    # Faded relations (off a chosen path) first, so that the path's are drawn over them.
    for (sign, mechanism, faded), members in sorted(groups.items(), key=lambda item: (not item[0][2], -item[0][0], item[0][1])):
        style = edge_style(sign, mechanism or None, theme)
        alpha = FADED_OPACITY if faded else 1.0
        head_length = style.head_length * max(zoom, 0.35) / zoom
        head_width = style.head_width * max(zoom, 0.35) / zoom
        outline = np.array(style.head.outline(head_length, head_width))
        vertices: list[np.ndarray] = []
        codes: list[np.ndarray] = []
        heads = []
        for k in members:
            edge = figure.edges[k]
            start, end = centres[edge.source], centres[edge.target]
            points = np.array([start, *edge.route, end], dtype=float)
            if edge.bend and not edge.route:  # parallel relations side by side, as vis-network bends them apart
                delta = end - start
                normal = np.array([-delta[1], delta[0]]) / max(float(np.hypot(*delta)), 1e-9)
                points = points + normal * edge.bend * _PARALLEL_GAP / zoom * max(zoom, 0.35)
            first = _exit(points[0], points[1], halves[edge.source])
            tip = _exit(points[-1], points[-2], halves[edge.target] + 2 / zoom)
            direction = tip - points[-2]
            length = float(np.hypot(*direction))
            if length < 1e-9 or float(np.hypot(*(tip - first))) < 1e-9:
                continue
            unit = direction / length
            normal = np.array([-unit[1], unit[0]])
            line_end = tip - unit * (head_length * 0.8 if style.head.filled else 0.0)
            line = np.array([first, *points[1:-1], line_end])
            vertices.append(line)
            code = np.full(len(line), Path.LINETO, dtype=Path.code_type)
            code[0] = Path.MOVETO
            codes.append(code)
            heads.append(tip + outline[:, 0:1] * unit + outline[:, 1:2] * normal)
        if not vertices:
            continue
        path = Path(np.concatenate(vertices), np.concatenate(codes))
        axes.add_artist(PathPatch(path, facecolor="none", capstyle="butt", joinstyle="round", zorder=1, alpha=alpha, **style.matplotlib(scale=zoom)))
        head_array = np.array(heads)
        if style.head.filled:
            axes.add_artist(PathPatch(_compound(head_array, closed=True), facecolor=style.colour, edgecolor=style.colour, linewidth=0.3, zorder=2, alpha=alpha))
        else:
            axes.add_artist(
                PathPatch(
                    _compound(head_array), facecolor="none", edgecolor=style.colour, linewidth=max(0.6, style.width * 0.72 * zoom * 1.3), zorder=2, alpha=alpha
                )
            )

    patches, fills, borders, widths, styles = [], [], [], [], []
    for node in figure.nodes:
        look = box_look(node.kind, theme)
        marked = mark_look(node.mark, theme, fill=node.fill) if node.mark or node.fill else None
        patches.append(
            FancyBboxPatch(
                (node.x - node.width / 2, node.y - node.height / 2),
                node.width,
                node.height,
                boxstyle=f"round,pad=0,rounding_size={4 / max(zoom, 1e-3) * min(zoom, 1):g}",
            )
        )
        alpha = FADED_OPACITY if node.faded else 1.0
        fills.append(to_rgba((marked.fill if marked is not None and marked.fill else look.fill), alpha))
        borders.append(to_rgba(marked.border if marked is not None else look.border, alpha))
        widths.append(max(0.4, (marked.width if marked is not None else 1.5) * zoom * 0.72))
        styles.append((0, marked.dashes) if marked is not None and marked.dashes else "solid")
    axes.add_collection(
        PatchCollection(patches, facecolors=fills, edgecolors=borders, linewidths=widths, linestyles=styles, zorder=3),
        autolim=False,
    )
    font_points = BOX_FONT_SIZE * zoom * _POINTS_PER_PIXEL
    colours = theme_colours(theme)
    for node in figure.nodes:
        marked = mark_look(node.mark, theme) if node.mark else None
        text = "\n".join(node.lines or (node.label,))
        axes.text(
            node.x,
            node.y,
            f"{marked.glyph} {text}" if marked is not None and marked.glyph else text,
            ha="center",
            va="center",
            multialignment="center",
            fontsize=font_points,
            linespacing=DRAWN_LINE_HEIGHT / BOX_FONT_SIZE / 1.17,
            color=colours.text,
            zorder=4,
            alpha=FADED_OPACITY if node.faded else 1.0,
        )


def _compound(polylines: np.ndarray, *, closed: bool = False) -> Any:
    """Many polylines (k x points x 2) as one matplotlib Path."""
    from matplotlib.path import Path

    count, points, _ = polylines.shape
    codes = np.full(points + closed, Path.LINETO, dtype=Path.code_type)
    codes[0] = Path.MOVETO
    vertices = polylines
    if closed:
        codes[-1] = Path.CLOSEPOLY
        vertices = np.concatenate([polylines, polylines[:, :1, :]], axis=1)
    return Path(vertices.reshape(-1, 2), np.tile(codes, count))


def _draw_legend(page: Any, figure: Figure, *, boxes: bool) -> None:
    """The legend of what is drawn: kinds as tinted boxes (or as shapes when nodes are drawn so), relation looks."""
    from matplotlib.legend_handler import HandlerBase
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch, Polygon

    theme = figure.theme
    colours = theme_colours(theme)
    entries = legend_entries(theme, kinds=figure.kinds, signs=figure.signs, mechanisms=figure.mechanisms, boxes=boxes)

    class RelationSample:
        def __init__(self, entry: LegendEntry) -> None:
            self.entry = entry

    class RelationHandler(HandlerBase):  # type: ignore[misc]
        def create_artists(self, legend, sample, xdescent, ydescent, width, height, fontsize, trans):  # type: ignore[no-untyped-def]
            entry: LegendEntry = sample.entry
            middle = height / 2 - ydescent
            left, right = -xdescent, -xdescent + width
            line_end = right
            artists = []
            if entry.head is not None:
                size = height * 0.9
                outline = [(x + right, y + middle) for x, y in entry.head.outline(size, size)]
                if entry.head.filled:
                    line_end = right - size * 0.8
                    artists.append(Polygon(outline, closed=True, facecolor=entry.colour, edgecolor=entry.colour, linewidth=0.3, transform=trans))
                else:
                    xs, ys = zip(*outline)
                    artists.append(Line2D(xs, ys, color=entry.colour, linewidth=1.2, transform=trans))
            line = Line2D([left, line_end], [middle, middle], color=entry.colour, linewidth=1.2, transform=trans)
            if entry.dashed:
                line.set_dashes((3, 2))
            return [line, *artists]

    handles: list[Any] = []
    labels: list[str] = []
    for entry in entries:
        if entry.group == "node" and entry.box is not None:
            handles.append(Patch(facecolor=entry.box.fill, edgecolor=entry.box.border, linewidth=1.2))
        elif entry.group == "node":
            style = node_style(entry.key, theme)
            handles.append(
                Line2D(
                    [],
                    [],
                    linestyle="none",
                    marker=style.shape.marker,
                    markersize=9,
                    markerfacecolor=entry.colour,
                    markeredgecolor=colours.node_border,
                    markeredgewidth=0.6,
                )
            )
        else:
            handles.append(RelationSample(entry))
        labels.append(entry.label)
    for entry in mark_legend(figure.marks, theme):
        look = mark_look(entry.key, theme)
        handles.append(Patch(facecolor=(look.fill if look is not None and look.fill else colours.background), edgecolor=entry.colour, linewidth=1.8,
                             linestyle=(0, look.dashes) if look is not None and look.dashes else "solid"))  # fmt: skip
        labels.append(entry.label)
    for value, colour in figure.scale:
        handles.append(Patch(facecolor=colour, edgecolor=colours.node_border, linewidth=0.8))
        labels.append(f"measured {value:+g}")
    width, height = figure.size.width, figure.size.height
    legend = page.legend(
        handles,
        labels,
        loc="upper left",
        bbox_to_anchor=(6 / width, 1 - (_HEADER + 4) / height),
        title="Legend",
        alignment="left",
        frameon=False,
        fontsize=10,
        title_fontsize=11,
        labelcolor=colours.text,
        handlelength=2.6,
        handler_map={RelationSample: RelationHandler()},
    )
    legend.get_title().set_color(colours.text)
    legend.get_title().set_fontweight("bold")
