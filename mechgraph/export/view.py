"""What an export draws: the view of a graph (focus, filters), its layout, and a renderer-neutral figure.

Every writer (HTML, SVG, PNG, PDF) draws the same :class:`Figure`, built once by
:func:`build_figure`: nodes and relations in a stable order with their positions, labels,
details and evidence, and the theme and size of the page. Nothing here escapes text: each writer
escapes for its own format.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import networkx as nx

from ..errors import ExportError
from ..graph import negated_relations
from ..layout import Geometry, Layout, Orientation, compute_geometry, drawn_size, wrap_label
from ..layout.labels import WRAP_WIDTH
from ..style import OTHER_KIND, Theme
from ..vocabulary import NODE_DETAILS, Attr, Direction, EvidenceKey, NodeKind, Relation, Sign, SourceKey

__all__ = [
    "SIZE_PRESETS",
    "ExportError",
    "Figure",
    "FigureEdge",
    "FigureEvidence",
    "FigureNode",
    "Size",
    "build_figure",
    "focus_view",
    "safe_url",
]


@dataclass(frozen=True, slots=True)
class Size:
    """The page size in pixels (the HTML frame, or the image at 100 dots per inch)."""

    width: int
    height: int

    @classmethod
    def parse(cls, text: str | Size | Sequence[int]) -> Size:
        """A size from ``"1280x720"``, a preset name or a (width, height) pair.

        >>> Size.parse("1920x1080")
        Size(width=1920, height=1080)
        >>> Size.parse("720p")
        Size(width=1280, height=720)
        """
        if isinstance(text, Size):
            return text
        if not isinstance(text, str):
            width, height = text
            return cls._checked(int(width), int(height))
        name = text.strip().lower()
        if name in SIZE_PRESETS:
            return SIZE_PRESETS[name]
        match = re.fullmatch(r"(\d{1,6})\s*[x×]\s*(\d{1,6})", name)
        if not match:
            raise ExportError(f"size {text!r} is not WIDTHxHEIGHT, e.g. 1280x720 or 1920x1080")
        return cls._checked(int(match.group(1)), int(match.group(2)))

    @classmethod
    def _checked(cls, width: int, height: int) -> Size:
        if not (100 <= width <= 10_000 and 100 <= height <= 10_000):
            raise ExportError(f"size {width}x{height} is out of range: each side must be 100 to 10000 pixels")
        return cls(width, height)

    def __str__(self) -> str:
        return f"{self.width}x{self.height}"


#: Slide sizes by name.
SIZE_PRESETS: dict[str, Size] = {
    "1280x720": Size(1280, 720),
    "720p": Size(1280, 720),
    "1920x1080": Size(1920, 1080),
    "1080p": Size(1920, 1080),
}


@dataclass(frozen=True, slots=True)
class FigureNode:
    id: str
    label: str
    kind: str  # a NodeKind value, or "other"
    x: float
    y: float
    rows: tuple[tuple[str, str], ...] = ()  # (field, text) shown in the node's details
    links: tuple[tuple[str, str], ...] = ()  # (text, http(s) URL)
    lines: tuple[str, ...] = ()  # the label wrapped as drawn
    width: float = 0.0  # the node box as drawn, pixels at 100% zoom
    height: float = 0.0
    faded: bool = False  # off the chosen path: drawn faded
    mark: str = ""  # a reasoning result: up, down, conflicting, unsigned (a perturbation), given
    fill: str = ""  # a measured value's colour (a data overlay), drawn as the box's fill


@dataclass(frozen=True, slots=True)
class FigureEvidence:
    source: str
    title: str | None
    url: str | None  # http(s) only
    quote: str | None
    note: str | None


@dataclass(frozen=True, slots=True)
class FigureEdge:
    id: str
    source: int  # index into Figure.nodes
    target: int
    relation: str
    phrase: str  # the verb phrase: "inhibits", "is required for"
    sign: Sign
    mechanism: str | None
    rows: tuple[tuple[str, str], ...] = ()
    evidence: tuple[FigureEvidence, ...] = ()
    bend: float = 0.0  # parallel relations bend apart: + to the right of the lower-index node's view
    route: tuple[tuple[float, float], ...] = ()  # bend points between the two node centres (layout px)
    faded: bool = False  # not a step of the chosen path: drawn faded


@dataclass(frozen=True, slots=True)
class Figure:
    title: str
    nodes: tuple[FigureNode, ...]
    edges: tuple[FigureEdge, ...]
    theme: Theme
    size: Size
    layout: Layout
    overview: bool = False  # the overview of a larger view: hubs by name, the rest in groups
    scale: tuple[tuple[float, str], ...] = ()  # measured values drawn as fills: (value, colour) steps for the legend

    @property
    def marks(self) -> list[str]:
        """The reasoning marks the figure's nodes show (see :func:`mechgraph.style.mark_look`)."""
        return sorted({node.mark for node in self.nodes if node.mark})

    @property
    def kinds(self) -> list[str]:
        return sorted({node.kind for node in self.nodes})

    @property
    def signs(self) -> list[int]:
        return sorted({int(edge.sign) for edge in self.edges})

    @property
    def mechanisms(self) -> list[str]:
        return sorted({edge.mechanism for edge in self.edges if edge.mechanism})


@lru_cache(maxsize=65536)
def _safe_text_url(url: str) -> str | None:
    if len(url) > 2000 or _UNSAFE_IN_URL.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return url


_UNSAFE_IN_URL = re.compile(r"[\s\x00-\x1f\x7f<>\"'`]")


def safe_url(url: object) -> str | None:
    """``url`` if it is an http(s) URL that is safe to make clickable, else None.

    >>> safe_url("https://example.org/a?b=1")
    'https://example.org/a?b=1'
    >>> safe_url("javascript:alert(1)") is None, safe_url("//evil.example") is None
    (True, True)
    """
    return _safe_text_url(url) if isinstance(url, str) else None


def focus_view(
    graph: nx.MultiDiGraph,
    *,
    focus: Hashable | Iterable[Hashable] | None = None,
    depth: int = 1,
    direction: Direction | str = Direction.BOTH,
    filters: Mapping[str, Any] | None = None,
) -> nx.MultiDiGraph:
    """The part of ``graph`` an export shows: filtered, then around ``focus`` (a new graph).

    ``filters`` are the keyword arguments of :func:`mechgraph.query.filter_graph` (``kinds``,
    ``signs``, ``mechanisms``...). ``focus`` names one node or several (ids, labels or synonyms,
    resolved by :func:`mechgraph.query.resolve_node`); the view keeps the nodes within ``depth``
    relations of them, walking ``direction``. Without focus or filters the graph itself is
    returned (it is never modified).
    """
    view = graph
    active = {key: value for key, value in (filters or {}).items() if value not in (None, (), [], {})}
    if active:
        from ..query import filter_graph

        view = filter_graph(view, **active)
    if focus is None:
        return view
    from ..query import neighbourhood, resolve_node

    names = [focus] if isinstance(focus, str) or not isinstance(focus, Iterable) else list(focus)
    resolved = [resolve_node(graph, name) for name in names]  # type: ignore[arg-type]
    missing = [node for node in resolved if node not in view]
    if missing:
        raise ExportError(f"focus node {missing[0]!r} is left out by the filters: loosen them or focus elsewhere")
    if depth < 0:
        raise ExportError(f"depth must be 0 or more, not {depth}")
    return neighbourhood(view, resolved, depth=depth, direction=Direction(direction))


def build_figure(
    graph: nx.Graph,
    *,
    layout: Layout | str = Layout.LAYERED,
    positions: Mapping[Hashable, Sequence[float]] | None = None,
    theme: Theme | str = Theme.LIGHT,
    size: Size | str | Sequence[int] = "1280x720",
    title: str | None = None,
    seed: int = 0,
    orientation: Orientation | str = Orientation.LEFT_RIGHT,
    path: Sequence[Hashable] = (),
    drawn: Geometry | None = None,
    wrap: int = WRAP_WIDTH,
) -> Figure:
    """The renderer-neutral figure of ``graph``: laid out, ordered, with details and evidence.

    Labels are wrapped at ``wrap`` characters (an overview's bands are laid out for narrower
    labels than the causal layout).

    Nodes are ordered by id and relations by (source, target, id), so the same graph always
    gives the same figure whatever order it was built in. Each relation carries the route the
    layout gave it (:func:`mechgraph.layout.compute_geometry`), which every writer draws; a
    ``path`` (nodes in order) is laid out as one left-to-right row, and every node and relation
    off it is marked ``faded``. ``drawn`` is a geometry already drawn (say, on the dashboard's
    screen): it is drawn again, with the nodes at ``positions`` and only the relations of the
    nodes that moved re-routed.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("b", kind="target", label="B"); g.add_node("a", kind="agent", label="A")
    >>> _ = g.add_edge("a", "b", key="r1", relation="inhibits", sign=-1, mechanism="direct",
    ...     evidence=[{"source": "s", "quote": "A inhibits B.", "url": "https://example.org"}])
    >>> figure = build_figure(g, title="Demo")
    >>> [node.id for node in figure.nodes], figure.edges[0].phrase, figure.edges[0].evidence[0].url
    (['a', 'b'], 'inhibits', 'https://example.org')
    >>> g.add_node("c", kind="target", label="C"); _ = g.add_edge("a", "c", key="r2", relation="activates")
    >>> on_path = build_figure(g, path=["a", "b"])
    >>> [node.faded for node in on_path.nodes], [edge.faded for edge in on_path.edges]
    ([False, False, True], [False, True])
    """
    theme = Theme(theme)
    page = Size.parse(size)
    method = Layout(layout)
    geometry = compute_geometry(
        graph,
        method=method,
        positions=positions,
        seed=seed,
        orientation=orientation,
        aspect=page.width / page.height,
        path=path,
        drawn=drawn,
    )
    xy = geometry.positions
    ordered = sorted(graph.nodes, key=str)
    index = {node: i for i, node in enumerate(ordered)}
    listed = graph.graph.get(Attr.SOURCES.value)
    sources: Mapping[str, Mapping[str, Any]] = listed if isinstance(listed, Mapping) else {}
    curies = [str(c) for _, ids in graph.nodes(data=_IDENTIFIERS) if isinstance(ids, (list, tuple)) for c in ids]
    urls = identifier_urls(curies) if curies else {}
    chain = [node for node in path if node in graph]
    lit = set(chain) if len(chain) > 1 else set(graph.nodes)
    steps = {(index[a], index[b]) for a, b in zip(chain, chain[1:])}
    denied = _denied_rows(graph)
    nodes = tuple(
        replace(figure_node, faded=node not in lit, rows=figure_node.rows + denied.get(node, ()))
        for node, figure_node in ((node, _figure_node(node, graph.nodes[node], xy[node], urls, wrap)) for node in ordered)
    )
    edge_items = graph.edges(keys=True, data=True) if graph.is_multigraph() else ((u, v, None, d) for u, v, d in graph.edges(data=True))
    edges = sorted(
        (
            replace(_figure_edge(u, v, key, data, index, sources), route=geometry.routes.get((u, v, 0 if key is None else key), ()))
            for u, v, key, data in edge_items
        ),
        key=lambda edge: (edge.source, edge.target, edge.id),
    )
    if steps:
        edges = [edge if (edge.source, edge.target) in steps else replace(edge, faded=True) for edge in edges]
    edges = _bent(edges)
    name = title if title is not None else str(graph.graph.get(Attr.TITLE.value) or "mechgraph")
    return Figure(title=name, nodes=nodes, edges=tuple(edges), theme=theme, size=page, layout=method)


def _denied_rows(graph: nx.Graph) -> dict[Hashable, tuple[tuple[str, str], ...]]:
    """For each node, a details row per relation its sources deny ("NOT A inhibits B"): findings
    kept beside the graph (``negated: true``), never drawn."""
    rows: dict[Hashable, tuple[tuple[str, str], ...]] = {}
    if not isinstance(graph, nx.MultiDiGraph):
        return rows
    for denied in negated_relations(graph):
        ends = [str(graph.nodes[end].get(_LABEL) or end) for end in (denied["from"], denied["to"])]
        said = ("source denies", f"NOT {ends[0]} {str(denied.get(Attr.RELATION.value, '')).replace('_', ' ')} {ends[1]}")
        for end in {denied["from"], denied["to"]}:
            rows[end] = rows.get(end, ()) + (said,)
    return rows


def _bent(edges: list[FigureEdge]) -> list[FigureEdge]:
    """Give parallel relations (either direction) distinct bends, so none hides another."""
    pairs: dict[tuple[int, int], list[int]] = {}
    for position, edge in enumerate(edges):
        if edge.source != edge.target and not edge.route:
            pairs.setdefault((min(edge.source, edge.target), max(edge.source, edge.target)), []).append(position)
    for (low, _), members in pairs.items():
        if len(members) > 1:
            for k, position in enumerate(members):
                offset = k - (len(members) - 1) / 2
                edge = edges[position]
                edges[position] = replace(edge, bend=offset if edge.source == low else -offset)
    return edges


def _text(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(item) for item in value)
    if isinstance(value, Mapping):
        return "; ".join(f"{key}: {item}" for key, item in sorted(value.items(), key=lambda kv: str(kv[0])))
    return str(value)


_NODE_ROWS = tuple((attr.value, attr.value.replace("_", " ")) for attr in (*NODE_DETAILS, Attr.NOTE))
_KINDS = frozenset(kind.value for kind in NodeKind)
_KIND, _LABEL, _IDENTIFIERS = Attr.KIND.value, Attr.LABEL.value, Attr.IDENTIFIERS.value


def _figure_node(node: Hashable, data: Mapping[str, Any], xy: Sequence[float], urls: Mapping[str, str | None], wrap: int = WRAP_WIDTH) -> FigureNode:
    kind = data.get(_KIND)
    rows = tuple((label, _text(data[name])) for name, label in _NODE_ROWS if data.get(name) not in _EMPTY)
    links = tuple((str(curie), urls.get(str(curie)) or "") for curie in data.get(_IDENTIFIERS) or ())
    label = data.get(_LABEL)
    text = str(label) if label not in (None, "") else str(node)
    lines = wrap_label(text, wrap)
    width, height = drawn_size(lines)
    return FigureNode(
        id=str(node),
        label=text,
        kind=kind if isinstance(kind, str) and kind in _KINDS else OTHER_KIND,
        x=float(xy[0]),
        y=float(xy[1]),
        rows=rows,
        links=links,
        lines=lines,
        width=width,
        height=height,
    )


def identifier_urls(curies: Iterable[str]) -> dict[str, str | None]:
    """The resolver URL of each CURIE (None when there is none), as :func:`mechgraph.identifiers.resolve_url` gives.

    Resolving costs about half a millisecond per CURIE, so one CURIE per prefix is resolved and
    the others follow its URL pattern when the local part appears in it exactly once.

    >>> urls = identifier_urls(["GO:0010467", "GO:0006955", "nonsense"])
    >>> urls["GO:0006955"], urls["nonsense"]
    ('http://purl.obolibrary.org/obo/GO_0006955', None)
    """
    from ..identifiers import resolve_url

    result: dict[str, str | None] = {}
    patterns: dict[str, tuple[str, str] | None] = {}
    for curie in sorted(set(curies)):
        prefix, colon, local = curie.partition(":")
        if not colon or not local:
            result[curie] = None
            continue
        pattern = patterns.get(prefix, ...)
        if pattern is ...:
            url = _resolve(resolve_url, curie)
            result[curie] = url
            patterns[prefix] = (url.split(local)[0], url.split(local)[1]) if url and url.count(local) == 1 else None
        elif pattern is None:
            result[curie] = _resolve(resolve_url, curie)
        else:
            result[curie] = safe_url(pattern[0] + local + pattern[1])
    return result


def _resolve(resolve_url: Any, curie: str) -> str | None:
    try:
        return safe_url(resolve_url(curie))
    except Exception:  # an unresolvable identifier is shown as text, never fails an export
        return None


# Plain strings for the hot loops (an enum's .value costs a call).
_RELATION, _SIGN, _MECHANISM, _EVIDENCE, _ID = (
    Attr.RELATION.value,
    Attr.SIGN.value,
    Attr.MECHANISM.value,
    Attr.EVIDENCE.value,
    Attr.ID.value,
)
_EDGE_ROWS = tuple((attr.value, label) for attr, label in ((Attr.MEASURABLE_IN, "measurable in"), (Attr.CONTEXT, "context"), (Attr.NOTE, "note")))
_KNOWN_RELATIONS = {relation.value: relation for relation in Relation}
_SOURCE, _QUOTE, _NOTE, _TITLE, _URL = (
    EvidenceKey.SOURCE.value,
    EvidenceKey.QUOTE.value,
    EvidenceKey.NOTE.value,
    SourceKey.TITLE.value,
    SourceKey.URL.value,
)
_EMPTY: tuple[Any, ...] = (None, "", [], (), {})


def _figure_edge(
    source: Hashable,
    target: Hashable,
    key: Hashable | None,
    data: Mapping[str, Any],
    index: Mapping[Hashable, int],
    sources: Mapping[str, Mapping[str, Any]],
) -> FigureEdge:
    relation = str(data.get(_RELATION) or "")
    known = _KNOWN_RELATIONS.get(relation)
    raw_sign = data.get(_SIGN)
    if isinstance(raw_sign, (int, float)) and not isinstance(raw_sign, bool):
        sign = Sign.of(int(raw_sign))
    else:
        sign = known.sign if known else Sign.UNKNOWN
    mechanism = data.get(_MECHANISM)
    rows = tuple((label, _text(data[name])) for name, label in _EDGE_ROWS if data.get(name) not in _EMPTY)
    if data.get(Attr.HEDGED.value):
        rows += (("certainty", "hedged: the source says it may hold"),)
    evidence = tuple(_figure_evidence(item, sources) for item in data.get(_EVIDENCE) or () if isinstance(item, Mapping))
    identifier = data.get(_ID) or key
    return FigureEdge(
        id=str(identifier) if identifier is not None else f"{source}->{target}",
        source=index[source],
        target=index[target],
        relation=relation or "relation",
        phrase=known.phrase if known else (relation.replace("_", " ") or "relates to"),
        sign=sign,
        mechanism=str(mechanism) if mechanism else None,
        rows=rows,
        evidence=evidence,
    )


def _figure_evidence(item: Mapping[str, Any], sources: Mapping[str, Mapping[str, Any]]) -> FigureEvidence:
    source_id = str(item.get(_SOURCE) or "")
    source = sources.get(source_id)
    source = source if isinstance(source, Mapping) else {}
    title = item.get(_TITLE) or source.get(_TITLE)
    url = item.get(_URL) or source.get(_URL)
    quote = item.get(_QUOTE)
    note = item.get(_NOTE)
    return FigureEvidence(
        source=source_id,
        title=str(title) if title else None,
        url=safe_url(url),
        quote=str(quote) if quote else None,
        note=str(note) if note else None,
    )
