"""The graph a dashboard callback works on: the served file, or the user's own upload.

The served graph is read once per process (read-only), with the source texts its quotes rest on
read into memory at the same time. An uploaded graph lives in the user's browser (a
``dcc.Store``) as a token *signed* by the server (:mod:`mechgraph.dashboard.trust`); each callback
that needs it hands the token back, and :class:`GraphCache` opens it only if this server signed
it, then turns it into a graph through a content-keyed LRU cache bounded by relations. The cache
holds no state of anyone's: any worker with the same key rebuilds the same graph from the same
token, and a user only ever sees the graph whose token their own browser sent.

Nothing a browser sends is a path: an uploaded graph carries no ``file`` attribute, and its source
texts are never looked for on disk (a single uploaded file has none with it).

Examples
--------
>>> import base64
>>> from mechgraph.synthetic import synthetic_graph
>>> from mechgraph.dashboard.trust import StoreSigner
>>> signer = StoreSigner(b"k" * 32)
>>> text = graph_to_text(synthetic_graph(20))
>>> contents = "data:application/json;base64," + base64.b64encode(text.encode()).decode()
>>> upload = decode_upload(contents, "mine.json", limits=UploadLimits(), signer=signer)
>>> upload.problems, upload.store["nodes"] == synthetic_graph(20).number_of_nodes()
((), True)
>>> cache = GraphCache(default=synthetic_graph(5), limits=UploadLimits(), signer=signer)
>>> cache.graph_of(upload.store).number_of_edges()
20
>>> decode_upload("data:;base64,AAAA", "mine.xyz", limits=UploadLimits(), signer=signer).problems[0][:30]
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

from ..errors import DataError, MechgraphError, Problem, ReadError
from ..vocabulary import Attr
from .trust import StoreRefused, StoreSigner

__all__ = [
    "GraphCache",
    "STORE_VERSION",
    "Upload",
    "UploadLimits",
    "decode_upload",
    "display_name",
    "graph_to_text",
    "seal_graph",
    "served_source_texts",
    "text_to_graph",
]

#: Version of the store's payload: a browser holding another one is asked to open its file again.
STORE_VERSION = 2
#: The graph attribute that names an uploaded graph's file, for display only (never a path).
UPLOAD_NAME = "upload_name"


@dataclass(frozen=True, slots=True)
class UploadLimits:
    """How big an uploaded graph may be, and how much of it a worker keeps built."""

    max_bytes: int = 10 * 1024 * 1024
    max_nodes: int = 20_000
    max_relations: int = 50_000
    #: Relations of uploaded graphs one worker keeps built at once (their memory is bounded by it).
    cache_relations: int = 150_000

    @property
    def max_base64_length(self) -> int:
        """The longest base64 text that can decode to at most ``max_bytes``."""
        return 4 * ((self.max_bytes + 2) // 3)

    @property
    def max_store_length(self) -> int:
        """The longest stored-graph token accepted back: the upload limit's base64 length.

        The token is compressed node-link JSON, a fraction of the file it came from; a token
        longer than the file could have been is refused before its signature is even checked.
        """
        return self.max_base64_length + 64 * 1024


@dataclass(frozen=True, slots=True)
class Upload:
    """The outcome of one upload: the store payload when it worked, else the problems as lines."""

    store: dict[str, Any] | None
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


def graph_to_text(graph: nx.MultiDiGraph) -> str:
    """The graph as compact node-link JSON text."""
    data = nx.node_link_data(graph, edges="links")
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)


def text_to_graph(text: str) -> nx.MultiDiGraph:
    """Rebuild a graph from :func:`graph_to_text`'s text; DataError when it is not such text."""
    try:
        data = json.loads(text)
    except ValueError as error:
        raise _store_error(f"the stored graph cannot be read ({error}): open the file again") from None
    return _graph_of_data(data)


def _graph_of_data(data: Any) -> nx.MultiDiGraph:
    try:
        graph = nx.node_link_graph(data, directed=True, multigraph=True, edges="links")
    except (ValueError, TypeError, KeyError, AttributeError, nx.NetworkXError) as error:
        raise _store_error(f"the stored graph cannot be read ({type(error).__name__}): open the file again") from None
    # A stored graph is never a file on this server: drop anything that would name one.
    graph.graph.pop(Attr.FILE.value, None)
    return graph


def _store_error(message: str, name: str | None = None) -> DataError:
    return DataError([Problem(name, None, None, "", message, "store")])


def display_name(graph: nx.MultiDiGraph) -> str | None:
    """The name of the file an uploaded graph came from (for titles), or None for a served graph."""
    name = graph.graph.get(UPLOAD_NAME)
    return str(name) if name else None


def _size_problems(graph: nx.MultiDiGraph, name: str, limits: UploadLimits) -> list[str]:
    problems = []
    if graph.number_of_nodes() > limits.max_nodes:
        problems.append(f"{name}: {graph.number_of_nodes():,} nodes; the dashboard takes at most {limits.max_nodes:,}")
    if graph.number_of_edges() > limits.max_relations:
        problems.append(f"{name}: {graph.number_of_edges():,} relations; the dashboard takes at most {limits.max_relations:,}")
    if graph.number_of_nodes() == 0:
        problems.append(f"{name}: the file holds no nodes")
    return problems


def _check(graph: nx.MultiDiGraph, name: str, limits: UploadLimits) -> list[str]:
    from ..formats import check_graph

    # The graph has no file attribute, so no rule looks for its source texts on disk.
    return _size_problems(graph, name, limits) or [_problem_line(p, name) for p in check_graph(graph)]


def _problem_line(problem: Problem, name: str) -> str:
    located = Problem(problem.file or name, problem.line, problem.column, problem.field, problem.message, problem.rule)
    return str(located)


def _safe_name(filename: str | None) -> str:
    """The upload's file name for messages: no control characters, no folders, at most 200 characters.

    >>> _safe_name("../../etc/x\\x00.yaml"), _safe_name(None)
    ('x.yaml', 'upload')
    """
    name = "".join(ch for ch in str(filename or "") if ch.isprintable())
    name = name.replace("\\", "/").rsplit("/", 1)[-1].strip()[:200]
    return name or "upload"


def decode_upload(contents: str | None, filename: str | None, *, limits: UploadLimits, signer: StoreSigner) -> Upload:
    """Read an upload (``dcc.Upload``'s data URL) in any registered format, check it, and seal it.

    The size is checked on the base64 text before anything is decoded. Problems name the file,
    line and field where the reader knows them. The file name is only ever a label.
    """
    name = _safe_name(filename)
    if not contents or not isinstance(contents, str):
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
    graph.graph.pop(Attr.FILE.value, None)
    problems = _check(graph, name, limits)
    if problems:
        return Upload(None, tuple(problems))
    store = seal_graph(graph, name, signer, format_name=result.format)
    if len(store["token"]) > limits.max_store_length:
        return Upload(None, (f"{name}: the graph is too large for the dashboard to keep in the browser; filter it or split it first",))
    return Upload(store, (), tuple(result.report_lines()))


def seal_graph(graph: nx.MultiDiGraph, name: str, signer: StoreSigner, *, format_name: str = "native") -> dict[str, Any]:
    """The store a browser keeps for a checked graph: counts to show, and the signed graph itself.

    The graph is sealed without its ``file`` attribute; ``name`` is kept as a label only.
    """
    data = nx.node_link_data(graph, edges="links")
    data["graph"] = {key: value for key, value in graph.graph.items() if key != Attr.FILE.value}
    data["graph"][UPLOAD_NAME] = _safe_name(name)
    return {
        "version": STORE_VERSION,
        "name": _safe_name(name),
        "format": format_name,
        "nodes": graph.number_of_nodes(),
        "relations": graph.number_of_edges(),
        "token": signer.seal({"graph": data}),
    }


def served_source_texts(graph: nx.MultiDiGraph) -> dict[str, bytes]:
    """The source texts (relative path -> bytes) of the graph a server opens, read once at start.

    Exports of the served graph take its texts from here, so no request makes the server open a
    file. A text that cannot be read is left out (its quotes are then exported as notes).
    """
    from ..formats._document import source_base_dir, text_sources
    from ..formats._io import read_source_text
    from ..model import is_safe_relative_path

    base = source_base_dir(graph)
    texts: dict[str, bytes] = {}
    if base is None:
        return texts
    for relative in sorted(set(text_sources(graph).values())):
        if not is_safe_relative_path(relative):
            continue
        try:
            texts[relative] = read_source_text(base / relative)
        except (ReadError, OSError):
            continue
    return texts


class GraphCache:
    """Graphs rebuilt from signed stores, keyed by the SHA-256 of the token (least recently used out).

    The cache is bounded by the relations it holds (``UploadLimits.cache_relations``) as well as
    by entries, and only one graph is rebuilt at a time in a process, so memory stays bounded
    whatever the requests.

    >>> from mechgraph.synthetic import synthetic_graph
    >>> from mechgraph.dashboard.trust import StoreSigner
    >>> signer = StoreSigner(b"k" * 32)
    >>> cache = GraphCache(default=synthetic_graph(10), limits=UploadLimits(), signer=signer, size=2)
    >>> cache.graph_of(None).number_of_edges()
    10
    >>> store = seal_graph(synthetic_graph(30), "x", signer)
    >>> cache.graph_of(store) is cache.graph_of(store)
    True
    >>> cache.graph_of({**store, "token": store["token"][:-2] + "xx"})
    Traceback (most recent call last):
    ...
    mechgraph.errors.DataError: x: the stored graph was not made by this server (or the server's key has changed): open the file again
    """

    def __init__(
        self,
        *,
        default: nx.MultiDiGraph,
        limits: UploadLimits,
        signer: StoreSigner,
        size: int = 8,
        default_texts: Mapping[str, bytes] | None = None,
    ) -> None:
        self.default = default
        self.limits = limits
        self.signer = signer
        self._size = size
        self._default_texts = dict(default_texts or {})
        self._graphs: OrderedDict[str, nx.MultiDiGraph] = OrderedDict()
        self._lock = threading.Lock()
        self._building = threading.Lock()

    def key_of(self, store: Any) -> str:
        """A short key naming the graph of ``store`` ("served" for the served graph)."""
        if store is None:
            return "served"
        token = store.get("token") if isinstance(store, Mapping) else None
        if not isinstance(token, str):
            return "invalid"
        return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()

    def source_texts(self, store: Any) -> Mapping[str, bytes]:
        """The source texts the graph of ``store`` may be exported with: the served graph's, read
        at start; none for an upload (they were never uploaded)."""
        return self._default_texts if store is None else {}

    def graph_of(self, store: Any) -> nx.MultiDiGraph:
        """The graph of the user's store: the served graph when there is none (see :meth:`lookup`)."""
        return self.lookup(store)[1]

    def lookup(self, store: Any) -> tuple[str, nx.MultiDiGraph]:
        """The key (:meth:`key_of`) and graph of the user's store, the token hashed once.

        Raises DataError, fast, for a store this server did not sign, one that is too large, or
        one of another version: a browser may send anything. A token longer than a store can be
        is refused before it is hashed.
        """
        if store is None:
            return "served", self.default
        name = _safe_name(store.get("name")) if isinstance(store, Mapping) else "upload"
        if not isinstance(store, Mapping) or store.get("version") != STORE_VERSION:
            raise _store_error("the stored graph is not one this version of mechgraph wrote: open the file again", name)
        token = store.get("token")
        try:
            if not isinstance(token, str) or len(token) > self.limits.max_store_length:
                self.signer.open(token, max_length=self.limits.max_store_length)  # refuses, with its message
            key = self.key_of(store)
            with self._lock:
                if key in self._graphs:
                    self._graphs.move_to_end(key)
                    return key, self._graphs[key]
            payload = self.signer.open(token, max_length=self.limits.max_store_length)
        except StoreRefused as error:
            raise _store_error(str(error), name) from None
        with self._building:
            with self._lock:
                if key in self._graphs:
                    return key, self._graphs[key]
            graph = _graph_of_data(payload.get("graph") if isinstance(payload, Mapping) else None)
            # Signed means this server read and checked it; the sizes are checked again all the same.
            problems = _size_problems(graph, name, self.limits)
            if problems:
                raise DataError([Problem(name, None, None, "", line, "store") for line in problems])
            nx.freeze(graph)
            with self._lock:
                self._graphs[key] = graph
                self._evict()
        return key, graph

    def _evict(self) -> None:
        def held() -> int:
            return sum(graph.number_of_edges() for graph in self._graphs.values())

        while len(self._graphs) > self._size or (len(self._graphs) > 1 and held() > self.limits.cache_relations):
            self._graphs.popitem(last=False)
