"""Export the view on screen: the drawing the server made, at the positions the browser sent.

The browser sends only ``{format, positions: {node id: [x, y]}}`` (collected by a clientside
callback), never the elements; the server rebuilds the view from the user's state and writes it
with the shared exporters (:mod:`mechgraph.export`) or the format registry
(:mod:`mechgraph.formats`).
"""

from __future__ import annotations

import base64
import math
import re
import tempfile
import zipfile
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import MechgraphError
from ..fileio import WriteError
from ..formats._document import quote_as_note
from ..layout.bands import OVERVIEW_WRAP
from ..vocabulary import Attr, SourceKey
from .services import Drawing

__all__ = ["DATA_FORMATS", "Download", "export_view", "positions_from_request"]

#: Export menu value -> (registry format name, file extension).
DATA_FORMATS: dict[str, tuple[str, str]] = {
    "yaml": ("native", ".yaml"),
    "graphml": ("graphml", ".graphml"),
    "json": ("nodelink", ".json"),
}
IMAGE_FORMATS = ("png", "svg")
_MEDIA_TYPES = {
    "html": "text/html",
    "png": "image/png",
    "svg": "image/svg+xml",
    "yaml": "application/yaml",
    "graphml": "application/xml",
    "json": "application/json",
    "zip": "application/zip",
}


@dataclass(frozen=True, slots=True)
class Download:
    """What ``dcc.Download`` gets, and the line telling the user what was written."""

    data: dict[str, Any]
    message: str


def positions_from_request(drawing: Drawing, request: Mapping[str, Any]) -> dict[str, tuple[float, float]]:
    """The browser's positions for the nodes of the view; the server's for any it did not send.

    Anything that is not a finite pair of numbers for a node of the view is ignored.

    >>> from mechgraph.dashboard.views import View
    >>> g = nx.MultiDiGraph(); g.add_node("a"); g.add_node("b")
    >>> drawing = Drawing(View(g), [], {"a": (0.0, 0.0), "b": (5.0, 5.0)})
    >>> positions_from_request(drawing, {"positions": {"a": [10, 20], "b": ["x", 1], "zz": [1, 1]}})
    {'a': (10.0, 20.0), 'b': (5.0, 5.0)}
    """
    sent = request.get("positions")
    sent = sent if isinstance(sent, Mapping) else {}
    result: dict[str, tuple[float, float]] = {}
    for node in drawing.view.graph.nodes:
        value = sent.get(node)
        if isinstance(value, (list, tuple)) and len(value) == 2 and all(_finite(v) for v in value):
            result[node] = (float(value[0]), float(value[1]))
        else:
            x, y = drawing.positions.get(node, (0.0, 0.0))
            result[node] = (float(x), float(y))
    return result


def _finite(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def file_stem(graph: nx.MultiDiGraph) -> str:
    """A safe file name stem from the graph's title.

    >>> g = nx.MultiDiGraph(title="Immunomodulation: <view>")
    >>> file_stem(g)
    'immunomodulation-view'
    """
    title = str(graph.graph.get(Attr.TITLE.value) or "mechgraph")
    stem = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
    return stem or "mechgraph"


def with_positions(graph: nx.MultiDiGraph, positions: Mapping[str, tuple[float, float]]) -> nx.MultiDiGraph:
    """A copy of the graph whose nodes carry their drawing positions (``Attr.POSITION``)."""
    result = graph.copy()
    for node, (x, y) in positions.items():
        if node in result:
            result.nodes[node][Attr.POSITION.value] = {"x": x, "y": y}
    return result


def export_view(
    drawing: Drawing,
    request: Mapping[str, Any],
    *,
    theme: str,
    source_texts: Mapping[str, bytes] | None = None,
    perturbation: tuple[nx.MultiDiGraph, Sequence[str], Sequence[str]] | None = None,
) -> Download:
    """Write the view in the requested format; MechgraphError when it cannot be written.

    ``perturbation`` (the whole graph, the nodes given, the nodes blocked: already checked and
    bounded, as the Reason panel computes them) draws the view's nodes up, down or conflicting
    in the pictures, as the screen shows them.

    ``source_texts`` (relative path -> bytes) are the texts the quotes of the graph rest on, as
    the server read them when it started; nothing else is read. Without them (an upload), quotes
    from texts are written as notes. Nothing in ``request`` is ever a path or a size.
    """
    if not isinstance(request, Mapping):
        raise MechgraphError("the export request is not one the dashboard sends: use the Download button")
    fmt = request.get("format") or "html"
    fmt = fmt if isinstance(fmt, str) else ""
    if fmt not in _MEDIA_TYPES:
        raise MechgraphError(f"unknown export format {fmt!r}: choose one of {', '.join(_MEDIA_TYPES)}")
    graph = drawing.view.graph
    if graph.number_of_nodes() == 0:
        raise MechgraphError("the view is empty: nothing to export")
    positions = positions_from_request(drawing, request)
    stem = file_stem(graph)
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="mechgraph-export-") as folder:
        if fmt in DATA_FORMATS:
            name, extension = DATA_FORMATS[fmt]
            # An overview's groups are no nodes of the graph: a data file holds the nodes they stand for.
            data = drawing.view.data_graph.copy() if drawing.view.overview is not None else with_positions(graph, positions)
            path = _write_data(data, Path(folder) / f"{stem}{extension}", name, notes, source_texts or {})
        else:
            path = Path(folder) / f"{stem}.{fmt}"
            _write_picture(drawing, path, fmt, positions, theme, perturbation)
        content = path.read_bytes()
    kind = "zip" if path.suffix == ".zip" else fmt
    data = {"content": base64.b64encode(content).decode("ascii"), "filename": path.name, "base64": True, "type": _MEDIA_TYPES[kind]}
    message = f"Exported {graph.number_of_nodes():,} nodes and {graph.number_of_edges():,} relations as {path.name} ({len(content) / 1024:,.0f} KB)."
    return Download(data, " ".join([message, *notes]))


def _write_data(graph: nx.MultiDiGraph, path: Path, format_name: str, notes: list[str], texts: Mapping[str, bytes]) -> Path:
    """Write a data file; with the source texts its quotes rest on (from memory, written by this
    request beside it), zipped together so the download validates on its own.

    The writers look for source texts beside the graph's ``file``; here that is always the folder
    this request made, never a path from the graph: a graph's ``file`` is replaced before writing.
    ``graph`` is the caller's own copy (it is changed).
    """
    from ..formats import write
    from ..formats._document import text_sources

    wanted = sorted(set(text_sources(graph).values()))
    files: list[Path] = []
    if wanted and all(relative in texts for relative in wanted):
        for relative in wanted:
            target = path.parent / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(texts[relative])
            files.append(target)
        graph.graph[Attr.FILE.value] = str(path)
    else:
        graph.graph.pop(Attr.FILE.value, None)
        if wanted:
            graph = detach_source_texts(graph)
            notes.append("The source texts were not available: their quotes are written as notes.")
    try:
        result = write(graph, path, format=format_name)
    except WriteError as error:
        raise MechgraphError(f"the view cannot be written as {format_name}: {error}") from None
    files += [file for file in result.files if file.exists() and file != path and file not in files]
    if not files:
        return path
    archive = path.with_suffix(".zip")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as bundle:
        for file in [path, *files]:
            bundle.write(file, file.relative_to(path.parent).as_posix())
    notes.append(f"The file comes with the {len(files)} source text(s) its quotes rest on, in one zip.")
    return archive


def detach_source_texts(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose text sources become titled sources and whose quotes from them become notes.

    >>> g = nx.MultiDiGraph(sources={"s": {"id": "s", "text": "s.txt"}})
    >>> g.add_edge("a", "b", key="r", evidence=[{"source": "s", "quote": "A acts on B."}])
    'r'
    >>> d = detach_source_texts(g)
    >>> d.graph["sources"]["s"], d.edges["a", "b", "r"]["evidence"]
    ({'id': 's', 'title': 's'}, [{'source': 's', 'note': 'quote (not checked): “A acts on B.”'}])
    """
    result = graph.copy()
    sources = dict(result.graph.get(Attr.SOURCES.value) or {})
    texts = {sid for sid, source in sources.items() if isinstance(source, Mapping) and source.get(SourceKey.TEXT)}
    for sid in texts:
        source = {k: v for k, v in sources[sid].items() if k != SourceKey.TEXT}
        source.setdefault(SourceKey.TITLE.value, sid)
        sources[sid] = source
    result.graph[Attr.SOURCES.value] = sources
    for _, _, data in result.edges(data=True):
        data[Attr.EVIDENCE.value] = [quote_as_note(item, texts) for item in data.get(Attr.EVIDENCE.value) or ()]
    for _, data in result.nodes(data=True):
        if data.get(Attr.EVIDENCE.value):
            data[Attr.EVIDENCE.value] = [quote_as_note(item, texts) for item in data[Attr.EVIDENCE.value]]
    return result


def _write_picture(
    drawing: Drawing,
    path: Path,
    fmt: str,
    positions: Mapping[Any, tuple[float, float]],
    theme: str,
    perturbation: tuple[nx.MultiDiGraph, Sequence[str], Sequence[str]] | None = None,
) -> None:
    """Draw what the screen shows: the server's drawing (positions and routes) with the nodes
    where the browser has them, only the relations of moved nodes re-routed, and a chosen path
    lit with the rest of the view faded."""
    from ..export import export
    from ..layout import Geometry

    graph = drawing.view.graph
    title = str(graph.graph.get(Attr.TITLE.value) or "mechgraph")
    placed: dict[Hashable, tuple[float, float]] = {node: xy for node, xy in drawing.positions.items()}
    drawn = Geometry(placed, dict(drawing.routes), "dashboard")
    chain = [element for element in drawing.view.lit if element in graph]
    wrap = OVERVIEW_WRAP if drawing.view.overview is not None else None  # the screen's boxes
    whole, give, block = perturbation if perturbation is not None else (None, (), ())
    export(
        graph,
        path,
        format=fmt,
        positions=positions,
        theme=theme,
        title=title,
        drawn=drawn,
        chain=chain,
        overview=False,
        wrap=wrap,
        give=give,
        block=block,
        perturbed=whole,
    )
