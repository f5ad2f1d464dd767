"""The graph a dashboard callback works on: the served file, or the user's own upload.

The served graph is read once per process (read-only). An uploaded graph lives in the user's
browser (a ``dcc.Store`` holding node-link JSON text); each callback that needs it hands the text
back, and :class:`GraphCache` turns it into a graph through a content-hash-keyed LRU cache. The
cache holds no state of anyone's: any worker rebuilds the same graph from the same text, and a
user only ever sees the graph whose text their own browser sent.

Examples
--------
>>> import base64
>>> from mechgraph.synthetic import synthetic_graph
>>> text = graph_to_text(synthetic_graph(20))
>>> contents = "data:application/json;base64," + base64.b64encode(text.encode()).decode()
>>> upload = decode_upload(contents, "mine.json", limits=UploadLimits())
>>> upload.problems, upload.store["nodes"] == synthetic_graph(20).number_of_nodes()
((), True)
>>> decode_upload("data:;base64,AAAA", "mine.xyz", limits=UploadLimits()).problems[0][:30]
'mine.xyz: no registered format'
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from ..errors import DataError, MechgraphError, Problem
from ..vocabulary import Attr

__all__ = [
    "GraphCache",
    "Upload",
    "UploadLimits",
    "decode_upload",
    "graph_to_text",
    "text_to_graph",
]

#: Version of the store's payload: a browser holding an older one is asked to upload again.
STORE_VERSION = 1


@dataclass(frozen=True, slots=True)
class UploadLimits:
    """How big an uploaded graph may be."""

    max_bytes: int = 10 * 1024 * 1024
    max_nodes: int = 20_000
    max_relations: int = 50_000

    @property
    def max_base64_length(self) -> int:
        """The longest base64 text that can decode to at most ``max_bytes``."""
        return 4 * ((self.max_bytes + 2) // 3)


@dataclass(frozen=True, slots=True)
class Upload:
    """The outcome of one upload: the store payload when it worked, else the problems as lines."""

    store: dict[str, Any] | None
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def graph_to_text(graph: nx.MultiDiGraph) -> str:
    """The graph as compact node-link JSON text (the form an upload is kept in the browser)."""
    data = nx.node_link_data(graph, edges="links")
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)


def text_to_graph(text: str) -> nx.MultiDiGraph:
    """Rebuild a graph from :func:`graph_to_text`'s text; DataError when it is not such text."""
    try:
        data = json.loads(text)
        graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
    except (ValueError, TypeError, KeyError, nx.NetworkXError) as error:
        raise DataError([Problem(None, None, None, "", f"the stored graph cannot be read ({error}): upload it again", "store")]) from None
    return graph


def _size_problems(graph: nx.MultiDiGraph, name: str, limits: UploadLimits) -> list[str]:
    problems = []
    if graph.number_of_nodes() > limits.max_nodes:
        problems.append(f"{name}: {graph.number_of_nodes():,} nodes; the dashboard takes at most {limits.max_nodes:,}")
    if graph.number_of_edges() > limits.max_relations:
        problems.append(
            f"{name}: {graph.number_of_edges():,} relations; the dashboard takes at most {limits.max_relations:,}"
        )
    if graph.number_of_nodes() == 0:
        problems.append(f"{name}: the file holds no nodes")
    return problems


def _check(graph: nx.MultiDiGraph, name: str, limits: UploadLimits) -> list[str]:
    from ..formats import check_graph

    return _size_problems(graph, name, limits) or [_problem_line(p, name) for p in check_graph(graph)]


def _problem_line(problem: Problem, name: str) -> str:
    located = Problem(problem.file or name, problem.line, problem.column, problem.field, problem.message, problem.rule)
    return str(located)


def decode_upload(contents: str | None, filename: str | None, *, limits: UploadLimits) -> Upload:
    """Read an upload (``dcc.Upload``'s data URL) in any registered format, check it, and keep it.

    The size is checked on the base64 text before anything is decoded. Problems name the file,
    line and field where the reader knows them.
    """
    name = (filename or "upload").replace("\n", " ")[:200]
    if not contents:
        return Upload(None, (f"{name}: the file is empty",))
    _, _, payload = contents.partition(",")
    if len(payload) > limits.max_base64_length:
        megabytes = limits.max_bytes / 1024 / 1024
        return Upload(None, (f"{name}: the file is larger than the upload limit of {megabytes:g} MB",))
    try:
        raw = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        return Upload(None, (f"{name}: the upload is not valid base64 data; choose the file again",))
    if not raw.strip():
        return Upload(None, (f"{name}: the file is empty",))
    from ..formats import read
    from ..limits import limited

    try:
        # The reader stops as soon as the upload passes the dashboard's caps, before building it all.
        with limited(file_bytes=limits.max_bytes, nodes=limits.max_nodes, relations=limits.max_relations):
            result = read(raw, name=name)
    except DataError as error:
        return Upload(None, tuple(_problem_line(p, name) for p in error.problems) or (f"{name}: {error}",))
    except MechgraphError as error:
        return Upload(None, (str(error) if name in str(error) else f"{name}: {error}",))
    graph = result.graph
    graph.graph[Attr.FILE.value] = name
    problems = _check(graph, name, limits)
    if problems:
        return Upload(None, tuple(problems))
    text = graph_to_text(graph)
    store = {
        "version": STORE_VERSION,
        "name": name,
        "format": result.format,
        "nodes": graph.number_of_nodes(),
        "relations": graph.number_of_edges(),
        "text": text,
    }
    return Upload(store, (), tuple(result.report_lines()))


class GraphCache:
    """Graphs rebuilt from stored text, keyed by the SHA-256 of that text (least recently used out).

    >>> from mechgraph.synthetic import synthetic_graph
    >>> cache = GraphCache(default=synthetic_graph(10), limits=UploadLimits(), size=2)
    >>> cache.graph_of(None).number_of_edges()
    10
    >>> store = {"version": 1, "name": "x", "text": graph_to_text(synthetic_graph(30))}
    >>> cache.graph_of(store) is cache.graph_of(store)
    True
    """

    def __init__(self, *, default: nx.MultiDiGraph, limits: UploadLimits, size: int = 8) -> None:
        self.default = default
        self.limits = limits
        self._size = size
        self._graphs: OrderedDict[str, nx.MultiDiGraph] = OrderedDict()
        self._lock = threading.Lock()

    def key_of(self, store: Mapping[str, Any] | None) -> str:
        """A short key naming the graph of ``store`` ("served" for the served graph)."""
        if not _is_upload(store):
            return "served"
        assert store is not None
        return hashlib.sha256(str(store["text"]).encode("utf-8")).hexdigest()

    def graph_of(self, store: Mapping[str, Any] | None) -> nx.MultiDiGraph:
        """The graph of the user's store: the served graph when there is no upload.

        Raises DataError when the stored text is not a valid graph (a browser may send anything).
        """
        if not _is_upload(store):
            return self.default
        assert store is not None
        key = self.key_of(store)
        with self._lock:
            if key in self._graphs:
                self._graphs.move_to_end(key)
                return self._graphs[key]
        name = str(store.get("name") or "upload")[:200]
        graph = text_to_graph(str(store["text"]))
        problems = _check(graph, name, self.limits)
        if problems:
            raise DataError([Problem(name, None, None, "", line, "store") for line in problems[:20]])
        nx.freeze(graph)
        with self._lock:
            self._graphs[key] = graph
            while len(self._graphs) > self._size:
                self._graphs.popitem(last=False)
        return graph


def _is_upload(store: Mapping[str, Any] | None) -> bool:
    return isinstance(store, Mapping) and isinstance(store.get("text"), str) and store.get("version") == STORE_VERSION
