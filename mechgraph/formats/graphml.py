"""GraphML: reading (defusedxml, with line numbers in messages) and writing (networkx's writer).

GraphML attributes are scalars, so list-valued fields are flattened to JSON text on writing and
restored on reading: ``synonyms``, ``identifiers``, ``routes``, ``uses``, ``measurable_in`` as
JSON lists, ``context`` as a JSON object, and ``evidence`` as a JSON list of items that also
describe their source (``url``, ``title``, ``text``). The graph's title, description and sources
(JSON text) are graph attributes; positions are ``x`` and ``y``. Foreign attributes (yEd,
Cytoscape, networkx) are kept in ``extra``; yEd's graphics and nested graphs are counted as
dropped.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import IO, Any

import networkx as nx

from ..fileio import write_atomic_with
from ..vocabulary import Attr
from ._build import GraphBuilder, dumps_compact
from ._document import write_with_texts
from ._flat import GRAPH_RESERVED, _as_json, _unprefix, add_restored_node, add_restored_relation, flat_edge, flat_node, restore_edge, restore_node, text_value
from ._io import Input, XmlTree, child, children, fail, load_input, local_name, parse_xml, xml_safe
from .registry import ImportResult, WriteResult

__all__ = ["read", "sniff", "write"]

FORMAT = "graphml"
TITLE = "GraphML"


def sniff(head: bytes) -> bool:
    return b"<graphml" in head


def flat_graph(graph: nx.MultiDiGraph, changed: Counter[str] | None = None) -> nx.MultiDiGraph:
    """A copy of the graph whose every attribute is a string, number or boolean that XML holds."""
    changed = Counter() if changed is None else changed
    sources = graph.graph.get(Attr.SOURCES) or {}
    flat = nx.MultiDiGraph()
    flat.graph.update({"mechgraph": 1, Attr.TITLE.value: graph.graph.get(Attr.TITLE) or ""})
    if graph.graph.get(Attr.DESCRIPTION):
        flat.graph[Attr.DESCRIPTION.value] = graph.graph[Attr.DESCRIPTION]
    flat.graph[Attr.SOURCES.value] = dumps_compact(list(sources.values()))
    for key, value in (graph.graph.get(Attr.EXTRA) or {}).items():
        name = key if key not in flat.graph and key not in GRAPH_RESERVED and not key.startswith("extra.") else f"extra.{key}"
        flat.graph[name] = text_value(value)
    for node, data in graph.nodes(data=True):
        record = flat_node(node, data, style="text", sources=sources)  # type: ignore[arg-type]
        record.pop("id")
        position = data.get(Attr.POSITION)
        if position:
            record.update(x=float(position["x"]), y=float(position["y"]))
        flat.add_node(xml_safe(node, changed), **_safe(record, changed))
    for u, v, key, data in graph.edges(keys=True, data=True):
        record = flat_edge(data, style="text", sources=sources)  # type: ignore[arg-type]
        flat.add_edge(xml_safe(u, changed), xml_safe(v, changed), key=xml_safe(key, changed), **_safe(record, changed))
    flat.graph = _safe(flat.graph, changed)
    return flat


def _safe(record: dict[str, Any], changed: Counter[str]) -> dict[str, Any]:
    return {xml_safe(k, changed): xml_safe(v, changed) for k, v in record.items() if v is not None}


def write(graph: nx.MultiDiGraph, path: Path, /, *, force: bool = False) -> WriteResult:
    """Write GraphML with networkx's writer (and the source texts its quotes cite, beside it).

    Round trips through every format are tested in tests/test_formats_roundtrip.py.
    """
    path = Path(path)
    changed: Counter[str] = Counter()
    flat = flat_graph(graph, changed)

    def dump(handle: IO[bytes]) -> None:
        nx.write_graphml(flat, handle, encoding="utf-8", prettyprint=True)

    files = write_with_texts(graph, [path], lambda: write_atomic_with(path, dump, force=force), force=force)
    return WriteResult(path, FORMAT, files, changed)


def read(source: Path | bytes | str, /, *, name: str | None = None) -> ImportResult:
    """Read GraphML (parsed with defusedxml: no DTD, no entities).

    >>> text = '''<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
    ...   <key id="d0" for="edge" attr.name="interaction" attr.type="string"/>
    ...   <graph edgedefault="directed"><node id="tnf"/><node id="il6"/>
    ...     <edge source="tnf" target="il6"><data key="d0">stimulation</data></edge></graph></graphml>'''
    >>> [(u, v, d["relation"]) for u, v, d in read(text, name="g.graphml").graph.edges(data=True)]
    [('tnf', 'il6', 'increases')]
    """
    inp = load_input(source, name=name, default_name="upload.graphml")
    tree = parse_xml(inp)
    root = tree.root
    if local_name(root.tag) != "graphml":
        fail(inp, f"expected a <graphml> root element, found <{local_name(root.tag)}>", **tree.where(root))
    keys = _keys(inp, tree)
    graphs = list(children(root, "graph"))
    if not graphs:
        fail(inp, "a GraphML file needs a <graph> element", **tree.where(root))
    builder = GraphBuilder(inp, FORMAT, TITLE)
    if len(graphs) > 1:
        builder.dropped["graph after the first"] += len(graphs) - 1
    graph = graphs[0]
    meta = _data(inp, tree, graph, keys, "graph", builder)
    _graph_meta(builder, meta)
    undirected_default = graph.get("edgedefault") == "undirected"
    for element in children(graph, "node"):
        node_id = element.get("id")
        if not node_id:
            fail(inp, "a <node> needs an id attribute", **tree.where(element))
        if child(element, "graph") is not None:
            builder.dropped["nested graph inside a node"] += 1
        record = _data(inp, tree, element, keys, "node", builder)
        position = {"x": record.pop("x"), "y": record.pop("y")} if "x" in record and "y" in record else None
        add_restored_node(builder, node_id, restore_node(record), position=position, name_in_extra=False)
    undirected = 0
    for element in graph:
        tag = local_name(element.tag)
        if tag == "hyperedge":
            builder.dropped["hyperedge"] += 1
        if tag != "edge":
            continue
        ends = [element.get("source"), element.get("target")]
        if not all(ends):
            fail(inp, "an <edge> needs source and target attributes", **tree.where(element))
        record = _data(inp, tree, element, keys, "edge", builder)
        restored = restore_edge(record)
        directed = element.get("directed")
        if directed == "false" or (directed is None and undirected_default):
            undirected += 1
        add_restored_relation(builder, [str(ends[0]), str(ends[1])], restored, where=f"line {tree.line(element)}", key=element.get("id"))
    if undirected:
        builder.notes.append(f"{undirected} undirected edge(s) imported in the direction written (source to target)")
    return builder.finish()


def _keys(inp: Input, tree: XmlTree) -> dict[str, dict[str, Any]]:
    keys: dict[str, dict[str, Any]] = {}
    for element in children(tree.root, "key"):
        key_id = element.get("id")
        if not key_id:
            fail(inp, "a <key> needs an id attribute", **tree.where(element))
        default = child(element, "default")
        keys[key_id] = {
            "name": element.get("attr.name") or key_id,
            "type": element.get("attr.type") or "string",
            "for": element.get("for") or "all",
            "default": default.text if default is not None else None,
            "graphics": bool(element.get("yfiles.type")),
        }
    return keys


def _typed(value: str, kind: str) -> Any:
    try:
        if kind in ("int", "long"):
            return int(value.strip())
        if kind in ("float", "double"):
            return float(value.strip())
    except ValueError:
        return value
    if kind == "boolean":
        return value.strip().lower() in ("true", "1")
    return value


def _data(inp: Input, tree: XmlTree, element: ET.Element, keys: Mapping[str, dict[str, Any]], scope: str, builder: GraphBuilder) -> dict[str, Any]:
    record: dict[str, Any] = {}
    for key in keys.values():
        if key["for"] in (scope, "all") and key["default"] is not None and not key["graphics"]:
            record[key["name"]] = _typed(key["default"], key["type"])
    for data in children(element, "data"):
        key_id = data.get("key")
        if not key_id:
            fail(inp, "a <data> element needs a key attribute", **tree.where(data))
        key = keys.get(key_id, {"name": key_id, "type": "string", "graphics": False})
        if key["graphics"] or len(data):
            builder.dropped["graphics data of an editor (e.g. yEd)"] += 1
            continue
        record[key["name"]] = _typed(data.text or "", key["type"])
    return record


def _graph_meta(builder: GraphBuilder, meta: dict[str, Any]) -> None:
    builder.title = str(meta.pop(Attr.TITLE.value, None) or meta.pop("name", None) or "") or None
    description = meta.pop(Attr.DESCRIPTION.value, None)
    builder.description = str(description) if description else None
    sources = meta.pop(Attr.SOURCES.value, None)
    try:
        listed = json.loads(sources) if isinstance(sources, str) else None
    except ValueError:
        listed = None
        meta["sources"] = sources
    for item in listed if isinstance(listed, list) else []:
        if isinstance(item, Mapping):
            builder.add_source(item)
    meta.pop("mechgraph", None)
    builder.graph_extra.update(_unprefix({key: _as_json(value) for key, value in meta.items()}))  # lists and maps were JSON text
