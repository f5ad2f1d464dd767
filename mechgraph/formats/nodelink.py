"""Node-link JSON, as networkx's ``node_link_data`` and d3 write it: reading and writing.

The graph's own attributes go under ``graph`` (title, description, sources as a list); every node
and edge keeps all of its attributes as JSON values (lists, evidence, ``extra``, ``position``), so
nothing is lost on a round trip. Edges are written under ``edges``, the key that networkx 3.4 and
later read by default (``nx.node_link_graph(data)``, no options); reading accepts ``edges`` and
the older ``links`` (networkx before 3.4, d3), d3's links that name their ends by position in
``nodes``, and foreign attributes (kept in ``extra``).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from .. import __version__
from ..vocabulary import FORMAT_VERSION, Attr
from ._build import GraphBuilder, json_safe
from ._document import write_json_with_texts
from ._flat import add_restored_node, add_restored_relation, restore_edge, restore_node
from ._io import fail, json_path, load_json
from .registry import ImportResult, WriteResult

__all__ = ["read", "sniff", "write"]

FORMAT = "nodelink"
TITLE = "node-link JSON"


def sniff(head: bytes) -> bool:
    """A JSON object with nodes and links (and not Cytoscape's elements)."""
    text = head.lstrip()
    return text.startswith(b"{") and (b'"links"' in text or b'"nodes"' in text) and b'"elements"' not in text and b'"CXVersion"' not in text


def graph_data(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """The node-link document of a graph (JSON values only)."""
    sources = graph.graph.get(Attr.SOURCES) or {}
    meta: dict[str, Any] = {
        "mechgraph": FORMAT_VERSION,
        "generator": f"mechgraph {__version__}",
        Attr.TITLE.value: graph.graph.get(Attr.TITLE) or "",
        Attr.SOURCES.value: list(sources.values()),
    }
    if graph.graph.get(Attr.DESCRIPTION):
        meta[Attr.DESCRIPTION.value] = graph.graph[Attr.DESCRIPTION]
    if graph.graph.get(Attr.EXTRA):
        meta[Attr.EXTRA.value] = graph.graph[Attr.EXTRA]
    nodes = [{"id": node, **json_safe(dict(data))} for node, data in graph.nodes(data=True)]
    links = [
        {"source": u, "target": v, "key": key, **json_safe({k: val for k, val in data.items() if k != Attr.ID})}
        for u, v, key, data in graph.edges(keys=True, data=True)
    ]
    return {"directed": True, "multigraph": True, "graph": meta, "nodes": nodes, "edges": links}


def write(graph: nx.MultiDiGraph, path: Path, /, *, force: bool = False) -> WriteResult:
    """Write node-link JSON (and the source texts its quotes cite, beside it).

    Round trips through every format are tested in tests/test_formats_roundtrip.py.
    """
    path = Path(path)
    return WriteResult(path, FORMAT, write_json_with_texts(graph, path, graph_data(graph), force=force))


def read(source: Path | bytes | str, /, *, name: str | None = None) -> ImportResult:
    """Read node-link JSON.

    >>> text = '{"nodes": [{"id": "a", "kind": "agent", "label": "A"}, {"id": "b"}],'
    >>> text += ' "links": [{"source": "a", "target": "b", "relation": "activates"}]}'
    >>> result = read(text, name="net.json")
    >>> [(u, v, d["sign"]) for u, v, d in result.graph.edges(data=True)], result.graph.nodes["b"]["kind"]
    ([('a', 'b', 1)], 'target')
    """
    inp, data = load_json(source, name=name, default_name="upload.json")
    if not isinstance(data, Mapping) or not isinstance(data.get("nodes"), list):
        fail(inp, "expected a JSON object with a 'nodes' list and an 'edges' (or 'links') list", field=json_path("nodes"))
    edges_key = "edges" if "edges" in data or "links" not in data else "links"
    links = data.get(edges_key, [])
    if not isinstance(links, list):
        fail(inp, f"'{edges_key}' must be a list of links", field=edges_key)
    builder = GraphBuilder(inp, FORMAT, TITLE)
    graph_data = data.get("graph")
    meta: Mapping[str, Any] = graph_data if isinstance(graph_data, Mapping) else {}
    _graph_meta(builder, meta)
    order: list[str] = []
    for index, node in enumerate(data["nodes"]):
        where = json_path("nodes", index)
        if not isinstance(node, Mapping):
            fail(inp, "a node must be a JSON object", field=where)
        if node.get("id") in (None, ""):
            fail(inp, "a node needs an 'id'", field=json_path("nodes", index, "id"))
        raw = dict(node)
        key = str(raw.pop("id"))
        extra = raw.pop(Attr.EXTRA.value, None)
        position = raw.pop(Attr.POSITION.value, None) or _xy(raw)
        restored = restore_node(raw, json_text=False)
        if isinstance(extra, Mapping):
            restored.extra.update(extra)
        add_restored_node(builder, key, restored, position=position if isinstance(position, Mapping) else None)
        order.append(key)
    for index, link in enumerate(links):
        where = json_path(edges_key, index)
        if not isinstance(link, Mapping):
            fail(inp, "a link must be a JSON object", field=where)
        raw = dict(link)
        ends = []
        for end in ("source", "target"):
            if raw.get(end) in (None, ""):
                fail(inp, f"a link needs a '{end}'", field=json_path(edges_key, index, end))
            ends.append(_end(raw.pop(end), order, builder))
        key, edge_id = raw.pop("key", None), raw.pop("id", None)
        key = key if key not in (None, "") else edge_id
        extra = raw.pop(Attr.EXTRA.value, None)
        restored = restore_edge(raw, json_text=False)
        if isinstance(extra, Mapping):
            restored.extra.update(extra)
        add_restored_relation(builder, ends, restored, where=where, key=str(key) if key not in (None, "") else None)
    return builder.finish()


def _graph_meta(builder: GraphBuilder, meta: Mapping[str, Any]) -> None:
    rest = dict(meta)
    builder.title = str(rest.pop(Attr.TITLE.value, None) or rest.pop("name", None) or "") or None
    description = rest.pop(Attr.DESCRIPTION.value, None)
    builder.description = str(description) if description else None
    sources = rest.pop(Attr.SOURCES.value, None)
    for source in sources.values() if isinstance(sources, Mapping) else sources or []:
        if isinstance(source, Mapping):
            builder.add_source(source)
    for key in ("mechgraph", "generator", Attr.FILE.value):
        rest.pop(key, None)
    extra = rest.pop(Attr.EXTRA.value, None)
    builder.graph_extra.update(extra if isinstance(extra, Mapping) else {})
    builder.graph_extra.update(rest)


def _xy(raw: dict[str, Any]) -> dict[str, Any] | None:
    if isinstance(raw.get("x"), int | float) and isinstance(raw.get("y"), int | float):
        return {"x": raw.pop("x"), "y": raw.pop("y")}
    return None


def _end(value: Any, order: list[str], builder: GraphBuilder) -> str:
    """A link end: a node id, or (d3) the position of the node in the list."""
    key = str(value)
    if builder.node_id(key) is None and isinstance(value, int) and not isinstance(value, bool) and 0 <= value < len(order):
        return order[value]
    return key
