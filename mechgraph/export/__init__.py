"""Export a graph, or a focused view of it, for slides: self-contained HTML, SVG, PNG, PDF.

One registry of writers keyed by format (:data:`WRITERS`), one signature for all of them
(``writer(figure, options) -> bytes``), one figure model they all draw
(:class:`~mechgraph.export.view.Figure`), one visual vocabulary (:mod:`mechgraph.style`).

Examples
--------
>>> import tempfile, pathlib, networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("drug", kind="agent", label="Drug"); g.add_node("il2", kind="target", label="IL-2")
>>> _ = g.add_edge("drug", "il2", key="r1", relation="inhibits", sign=-1)
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> export_html(g, folder / "figure.html", title="Drug and IL-2").name
'figure.html'
>>> export_image(g, folder / "figure.svg").read_bytes()[:5]
b'<?xml'
>>> export(g, folder / "figure.png").format
'png'
"""

from __future__ import annotations

import gc
import os
from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial
from html import escape as _escape_html  # the name html is this package's html module
from pathlib import Path
from typing import Any

import networkx as nx

from .._records import fields_of
from ..fileio import WriteError, write_atomic
from ..layout import Geometry, Layout, Orientation
from ..layout.bands import OVERVIEW_WHOLE, OVERVIEW_WRAP, legible_overview
from ..layout.labels import WRAP_WIDTH
from ..style import Theme
from ..vocabulary import Attr, Direction
from ..yamltext import collector_paused
from .html import html_document
from .image import IMAGE_FORMATS, image_bytes
from .view import SIZE_PRESETS, ExportError, Figure, Size, build_figure, focus_view
from .webgl import RENDERERS, WEBGL_THRESHOLD, choose_renderer, webgl_document

__all__ = [
    "FORMATS",
    "RENDERERS",
    "SIZE_PRESETS",
    "WEBGL_THRESHOLD",
    "WRITERS",
    "ExportError",
    "ExportResult",
    "NotebookView",
    "RenderOptions",
    "Size",
    "WriteError",
    "choose_renderer",
    "export",
    "export_html",
    "export_image",
    "format_of",
    "html_string",
    "notebook_view",
]


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """What a writer may be asked beyond the figure itself."""

    physics: bool = False  # HTML: let vis-network's physics move a small graph after loading
    labels: bool | None = None  # images: force node labels on or off (None: when legible)
    scale: float = 1.0  # PNG: pixels per page pixel (2 for a sharp slide, 3 for 4K at 1280x720)
    renderer: str = "auto"  # HTML: vis (vis-network), webgl (sigma.js), auto (webgl from WEBGL_THRESHOLD nodes)


Writer = Callable[[Figure, RenderOptions], bytes]


def _html_writer(figure: Figure, options: RenderOptions) -> bytes:
    if choose_renderer(options.renderer, len(figure.nodes)) == "webgl":
        return webgl_document(figure).encode("utf-8")
    return html_document(figure, physics=options.physics).encode("utf-8")


def _image_writer(name: str, figure: Figure, options: RenderOptions) -> bytes:
    return image_bytes(figure, name, labels=options.labels, scale=options.scale)


#: The writers, by format (the output file's extension).
WRITERS: dict[str, Writer] = {
    "html": _html_writer,
    **{name: partial(_image_writer, name) for name in IMAGE_FORMATS},
}

#: The formats :func:`export` writes.
FORMATS = tuple(WRITERS)


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    format: str
    nodes: int
    relations: int
    bytes: int
    layout: str
    size: str
    theme: str
    overview: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            "overview": self.overview,
            "path": str(self.path),
            **fields_of(self, "format", "nodes", "relations", "bytes", "layout", "size", "theme"),
        }


def format_of(path: str | os.PathLike[str]) -> str:
    """The export format of ``path``, from its extension.

    >>> format_of("slides/figure.SVG")
    'svg'
    >>> format_of("figure.docx")
    Traceback (most recent call last):
    ...
    mechgraph.errors.ExportError: cannot tell the format of figure.docx: use .html, .svg, .png or .pdf
    """
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix == "htm":
        suffix = "html"
    if suffix not in WRITERS:
        raise ExportError(f"cannot tell the format of {path}: use .html, .svg, .png or .pdf")
    return suffix


def _figure(
    graph: nx.MultiDiGraph,
    *,
    focus: Hashable | Iterable[Hashable] | None,
    depth: int,
    direction: Direction | str,
    filters: Mapping[str, Any] | None,
    layout: Layout | str,
    positions: Mapping[Hashable, Sequence[float]] | None,
    size: Size | str | Sequence[int],
    theme: Theme | str,
    title: str | None,
    seed: int,
    orientation: Orientation | str,
    chain: Sequence[Hashable] = (),
    drawn: Geometry | None = None,
    overview: bool | None = None,
    wrap: int | None = None,
) -> Figure:
    view = focus_view(graph, focus=focus, depth=depth, direction=direction, filters=filters)
    if view.number_of_nodes() == 0:
        raise ExportError("nothing to export: no node is left in the view (check the filters)")
    if overview is None:  # a whole map too large to read on one page: its overview, never a wall
        overview = focus is None and not chain and positions is None and drawn is None and view.number_of_nodes() > OVERVIEW_WHOLE
    if overview:
        page = Size.parse(size)
        summary, positions = legible_overview(view, width=page.width - 80, height=page.height - 170)
        view, layout, chain, drawn = summary.graph, Layout.FORCE, (), None  # the bands' positions, kept as they are
        wrap = OVERVIEW_WRAP
        if title is None:
            title = f"{graph.graph.get(Attr.TITLE.value) or 'mechgraph'}: overview"
    if title is None and focus is not None:
        names = [focus] if isinstance(focus, str) or not isinstance(focus, Iterable) else list(focus)
        from ..query import resolve_node

        labels = [str(graph.nodes[node].get(Attr.LABEL.value) or node) for node in (resolve_node(graph, n) for n in names)]  # type: ignore[arg-type]
        base = str(graph.graph.get(Attr.TITLE.value) or "mechgraph")
        title = f"{base}: around {', '.join(labels)}"
    figure = build_figure(
        view,
        layout=layout,
        positions=positions,
        theme=theme,
        size=size,
        title=title,
        seed=seed,
        orientation=orientation,
        path=tuple(chain),
        drawn=drawn,
        wrap=wrap or WRAP_WIDTH,
    )
    return replace(figure, overview=True) if overview or wrap == OVERVIEW_WRAP else figure


def export(
    graph: nx.MultiDiGraph,
    path: str | os.PathLike[str],
    *,
    format: str | None = None,
    focus: Hashable | Iterable[Hashable] | None = None,
    depth: int = 1,
    direction: Direction | str = Direction.BOTH,
    filters: Mapping[str, Any] | None = None,
    layout: Layout | str = Layout.LAYERED,
    positions: Mapping[Hashable, Sequence[float]] | None = None,
    size: Size | str | Sequence[int] = "1280x720",
    theme: Theme | str = Theme.LIGHT,
    title: str | None = None,
    physics: bool = False,
    labels: bool | None = None,
    seed: int = 0,
    orientation: Orientation | str = Orientation.LEFT_RIGHT,
    force: bool = False,
    chain: Sequence[Hashable] = (),
    scale: float = 1.0,
    drawn: Geometry | None = None,
    overview: bool | None = None,
    wrap: int | None = None,
    give: Sequence[Hashable] = (),
    block: Sequence[Hashable] = (),
    overlay: Mapping[Any, float] | None = None,  # node -> measured value (any node id)
    perturbed: nx.MultiDiGraph | None = None,
    renderer: str = "auto",
) -> ExportResult:
    """Write ``graph`` (or a focused, filtered view of it) to ``path``, atomically.

    Raises :class:`~mechgraph.fileio.WriteError` when ``path`` cannot be written, and its subclass
    :class:`~mechgraph.fileio.OutputExists` when ``path`` exists and ``force`` is not set.

    Parameters
    ----------
    graph
        A mechgraph graph (see :func:`mechgraph.graph.read_graph`); it is not modified.
    path
        The output file; its extension chooses the format unless ``format`` is given.
    focus, depth, direction
        Show only the nodes within ``depth`` relations of ``focus`` (one node or several),
        walking ``up`` (upstream), ``down`` or ``both`` ways.
    filters
        Keyword arguments of :func:`mechgraph.query.filter_graph`, e.g.
        ``{"kinds": ["agent", "target"], "signs": [-1]}``.
    layout
        ``layered`` (a mechanism read left to right), ``force`` or ``compact``.
    positions
        Node positions to keep (pixels, y down), e.g. from the dashboard.
    size
        Page size: ``"1280x720"``, ``"1920x1080"`` or any ``WIDTHxHEIGHT``.
    theme
        ``light`` or ``dark``.
    title
        The title on the page (default: the graph's title, or what the view is around).
    physics
        HTML only: let the layout relax in the browser (graphs up to 1,000 nodes).
    labels
        Images only: draw node labels (True), never (False), or when legible (None).
    seed, orientation
        Seed of the force and compact layouts; flow of the layered one.
    chain
        Nodes of a path (in order) to lay out as one left-to-right row, the rest of the view
        around it and faded.
    drawn
        A geometry already drawn for the view (the dashboard's): drawn again instead of a new
        layout, with the nodes at ``positions``; only relations of nodes that moved are re-routed.
    scale
        PNG only: pixels per page pixel (2 doubles the resolution; 3 makes 1280x720 a 4K image).
    overview
        Draw the overview (:func:`mechgraph.layout.bands.legible_overview`: the most connected
        nodes by name, the rest in groups with counts, as many named as stay legible on the
        page) instead of every node. By default (None) a whole map of more than 40 nodes, with
        no focus, path or positions given, is drawn as its overview; False draws every node.
    wrap
        Characters per label line (default 22; an overview's 16). The dashboard passes 16 when
        it downloads the overview it drew, so the file keeps the screen's boxes.
    give, block
        Node ids to perturb (:func:`mechgraph.query.perturb.perturb` on the whole graph): every
        node of the view the perturbation reaches is drawn up, down or conflicting, with an
        arrow before its label and a legend, as on the dashboard.
    overlay
        Measured values by node id (e.g. :attr:`mechgraph.query.overlay.Overlay.values` mapped
        to numbers): each such node is filled from the colour-blind-safe diverging scale.
    perturbed
        The graph the perturbation runs on, when ``graph`` is only a view of it (the dashboard
        exports its view but perturbs the whole graph); default ``graph``.
    renderer
        HTML only: ``vis`` (vis-network: labelled boxes, routed relations), ``webgl`` (sigma.js,
        for large views: coloured discs, straight relations; :mod:`mechgraph.export.webgl`) or
        ``auto``: vis-network below :data:`WEBGL_THRESHOLD` nodes, WebGL at or above.
    force
        Replace ``path`` if it exists (otherwise an existing file is never overwritten).

    Returns
    -------
    ExportResult
        Where the file went, its format, size in bytes and the counts drawn.
    """
    chosen = format.lower() if format else format_of(path)
    if chosen not in WRITERS:
        raise ExportError(f"unknown format {format!r}: expected one of {', '.join(FORMATS)}")
    choose_renderer(renderer, 0)  # an unknown renderer fails before any work
    with collector_paused():
        figure = _figure(
            graph,
            focus=focus,
            depth=depth,
            direction=direction,
            filters=filters,
            layout=layout,
            positions=positions,
            size=size,
            theme=theme,
            title=title,
            seed=seed,
            orientation=orientation,
            chain=chain,
            drawn=drawn,
            overview=overview,
            wrap=wrap,
        )
        if give or block or overlay:
            figure = mark_figure(figure, graph if perturbed is None else perturbed, give=give, block=block, overlay=overlay)
        content = WRITERS[chosen](figure, RenderOptions(physics=physics, labels=labels, scale=scale, renderer=renderer))
    written = write_atomic(Path(path), content, force=force)
    return ExportResult(
        path=written,
        format=chosen,
        nodes=len(figure.nodes),
        relations=len(figure.edges),
        bytes=len(content),
        layout=figure.layout.value,
        size=str(figure.size),
        theme=figure.theme.value,
        overview=figure.overview,
    )


def mark_figure(
    figure: Figure,
    graph: nx.MultiDiGraph,
    *,
    give: Sequence[Hashable] = (),
    block: Sequence[Hashable] = (),
    overlay: Mapping[Any, float] | None = None,  # node -> measured value (any node id)
) -> Figure:
    """``figure`` with the nodes a perturbation of ``graph`` reaches marked (and perturbed nodes
    marked ``given``), and measured values as fills. Names are node ids of ``graph``."""
    from ..query.perturb import perturb
    from ..style import DivergingScale

    marks: dict[str, str] = {}
    if give or block:
        result = perturb(graph, [str(n) for n in give], block=[str(n) for n in block])
        marks = {effect.node: effect.status.value for effect in result.effects}
        marks.update({str(node): "unsigned" for node in result.unsigned if str(node) not in marks})
        marks.update({str(node): "given" for node in result.given})
    fills: dict[str, str] = {}
    steps: tuple[tuple[float, str], ...] = ()
    if overlay:
        values = {str(node): float(value) for node, value in overlay.items()}
        finite = [abs(v) for v in values.values() if v == v and abs(v) != float("inf")]
        scale = DivergingScale(max(finite) if finite else 1.0, figure.theme)
        fills = {node: scale.colour(value) for node, value in values.items()}
        steps = tuple(scale.legend(5))
    nodes = tuple(
        replace(node, mark=marks.get(node.id, ""), fill=fills.get(node.id, "")) if node.id in marks or node.id in fills else node for node in figure.nodes
    )
    return replace(figure, nodes=nodes, scale=steps)


def export_html(graph: nx.MultiDiGraph, path: str | os.PathLike[str], **options: Any) -> Path:
    """Write a single self-contained HTML file (no network requests); see :func:`export` for options."""
    options.pop("format", None)
    return export(graph, path, format="html", **options).path


def export_image(graph: nx.MultiDiGraph, path: str | os.PathLike[str], **options: Any) -> Path:
    """Write an SVG, PNG or PDF image (chosen by the extension); see :func:`export` for options."""
    chosen = options.pop("format", None) or format_of(path)
    if chosen not in IMAGE_FORMATS:
        raise ExportError(f"{path}: an image export needs a .svg, .png or .pdf file name")
    return export(graph, path, format=chosen, **options).path


def html_string(graph: nx.MultiDiGraph, **options: Any) -> str:
    """The self-contained HTML page as text (the options of :func:`export` but ``path``, ``format``, ``labels``)."""
    physics = bool(options.pop("physics", False))
    renderer = str(options.pop("renderer", "auto"))
    choose_renderer(renderer, 0)
    with collector_paused():
        return _html_writer(_figure_from_options(graph, options), RenderOptions(physics=physics, renderer=renderer)).decode("utf-8")


def _figure_from_options(graph: nx.MultiDiGraph, options: dict[str, Any]) -> Figure:
    defaults: dict[str, Any] = {
        "focus": None,
        "depth": 1,
        "direction": Direction.BOTH,
        "filters": None,
        "layout": Layout.LAYERED,
        "positions": None,
        "size": "1280x720",
        "theme": Theme.LIGHT,
        "title": None,
        "seed": 0,
        "orientation": Orientation.LEFT_RIGHT,
        "chain": (),
        "drawn": None,
        "overview": None,
        "wrap": None,
    }
    unknown = set(options) - set(defaults)
    if unknown:
        raise TypeError(f"unexpected option(s): {', '.join(sorted(unknown))}")
    return _figure(graph, **{**defaults, **options})


class NotebookView:
    """A figure for Jupyter: shown in an ``<iframe srcdoc>``, so its scripts stay in their own page.

    Needs no IPython: Jupyter calls :meth:`_repr_html_`.
    """

    def __init__(self, page: str, width: int, height: int, title: str) -> None:
        self.html = page
        self.width = width
        self.height = height
        self.title = title

    def _repr_html_(self) -> str:
        return (
            f'<iframe srcdoc="{_escape_html(self.html, quote=True)}" width="{self.width}" height="{self.height}" '
            f'title="{_escape_html(self.title, quote=True)}" style="border:0;max-width:100%" '
            'sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox"></iframe>'
        )

    def save(self, path: str | os.PathLike[str], *, force: bool = False) -> Path:
        """Write the page to ``path`` (atomically; an existing file only with ``force``)."""
        return write_atomic(Path(path), self.html.encode("utf-8"), force=force)


def notebook_view(graph: nx.MultiDiGraph, **options: Any) -> NotebookView:
    """The HTML export for a notebook cell (the options of :func:`html_string`).

    >>> g = nx.MultiDiGraph(); g.add_node("a", label="<script>alert(1)</script>")
    >>> view = notebook_view(g, size="1280x720")
    >>> frame = view._repr_html_()
    >>> frame.startswith('<iframe srcdoc="') and "<script>alert" not in frame
    True
    """
    physics = bool(options.pop("physics", False))
    renderer = str(options.pop("renderer", "auto"))
    choose_renderer(renderer, 0)
    with collector_paused():
        figure = _figure_from_options(graph, options)
        page = _html_writer(figure, RenderOptions(physics=physics, renderer=renderer)).decode("utf-8")
    return NotebookView(page, figure.size.width, figure.size.height, figure.title)


class _CallableModule(type(gc)):  # type: ignore[misc]  # types.ModuleType
    """``mechgraph.export`` is both this package and, at the top level of the API, the function
    :func:`export`: once the package is imported, Python binds the name ``mechgraph.export`` to
    the package, so the package itself can be called (``mg.export(graph, "view.html")``)."""

    def __call__(self, graph: nx.MultiDiGraph, path: str | os.PathLike[str], **options: Any) -> ExportResult:
        return export(graph, path, **options)


import sys as _sys  # noqa: E402  (the package is made callable once everything above is defined)

_sys.modules[__name__].__class__ = _CallableModule
