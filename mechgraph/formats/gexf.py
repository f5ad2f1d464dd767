"""GEXF, Gephi's format: reading (defusedxml, GEXF 1.1 to 1.3) and writing (GEXF 1.3, with the
standard library's ElementTree).

Nodes and edges carry mechgraph's fields as GEXF attributes; lists, context and evidence are JSON
text, and each evidence item describes its source (``url``, ``title``, ``text``) since GEXF has no
attributes on the graph itself: the title and description go into ``<meta>``, and sources that
no evidence cites are not written. A node's GEXF ``label`` is its label (a ``name`` or ``symbol``
attribute is kept in ``extra``, never taken for the label when the GEXF label is there); the
edge ``label`` is the relation; node positions are ``viz:position``. Gephi may merge parallel edges between the same two nodes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx

from .. import __version__
from ..vocabulary import Attr
from ._build import GraphBuilder
from ._document import write_text_with_texts
from ._flat import add_restored_node, add_restored_relation, flat_edge, flat_node, restore_edge, restore_node
from ._io import Input, XmlTree, child, children, fail, load_input, local_name, parse_xml, xml_safe
from .registry import ImportResult, WriteResult

__all__ = ["read", "sniff", "write"]

FORMAT = "gexf"
TITLE = "GEXF"
NAMESPACE = "http://gexf.net/1.3"
VIZ = "http://gexf.net/1.3/viz"


def sniff(head: bytes) -> bool:
    return b"<gexf" in head


def _type_of(values: list[Any]) -> str:
    if all(isinstance(v, bool) for v in values):
        return "boolean"
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return "integer"
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        return "double"
    return "string"


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _attributes(parent: ET.Element, scope: str, records: list[dict[str, Any]]) -> dict[str, str]:
    """Declare the attributes of one class; returns name -> GEXF type."""
    names: dict[str, list[Any]] = {}
    for record in records:
        for name, value in record.items():
            names.setdefault(name, []).append(value)
    if not names:
        return {}
    declared = ET.SubElement(parent, "attributes", {"class": scope, "mode": "static"})
    types = {}
    for name, values in names.items():
        types[name] = _type_of(values)
        ET.SubElement(declared, "attribute", {"id": name, "title": name, "type": types[name]})
    return types


def _attvalues(element: ET.Element, record: Mapping[str, Any]) -> None:
    if not record:
        return
    values = ET.SubElement(element, "attvalues")
    for name, value in record.items():
        ET.SubElement(values, "attvalue", {"for": name, "value": _value(value)})


def document(graph: nx.MultiDiGraph, changed: Counter[str] | None = None) -> ET.Element:
    """The GEXF 1.3 document of a graph (text XML cannot hold is replaced, counted in ``changed``)."""
    changed = Counter() if changed is None else changed
    sources = graph.graph.get(Attr.SOURCES) or {}
    root = ET.Element("gexf", {"xmlns": NAMESPACE, "xmlns:viz": VIZ, "version": "1.3"})
    meta = ET.SubElement(root, "meta", {"lastmodifieddate": date.today().isoformat()})
    ET.SubElement(meta, "creator").text = f"mechgraph {__version__}"
    ET.SubElement(meta, "title").text = xml_safe(graph.graph.get(Attr.TITLE) or "", changed)
    if graph.graph.get(Attr.DESCRIPTION):
        ET.SubElement(meta, "description").text = xml_safe(graph.graph[Attr.DESCRIPTION], changed)
    body = ET.SubElement(root, "graph", {"defaultedgetype": "directed", "mode": "static"})
    nodes = []
    for node, data in graph.nodes(data=True):
        record = flat_node(node, data, style="text", sources=sources)
        record.pop("id")
        label = record.pop(Attr.LABEL.value, str(node))
        nodes.append((xml_safe(node, changed), xml_safe(label, changed), _safe(record, changed), data.get(Attr.POSITION)))
    edges = []
    for u, v, key, data in graph.edges(keys=True, data=True):
        record = flat_edge(data, style="text", sources=sources)
        edges.append((xml_safe(u, changed), xml_safe(v, changed), xml_safe(key, changed), _safe(record, changed)))
    _attributes(body, "node", [record for _, _, record, _ in nodes])
    _attributes(body, "edge", [record for *_, record in edges])
    nodes_element = ET.SubElement(body, "nodes")
    for node, label, record, position in nodes:
        element = ET.SubElement(nodes_element, "node", {"id": str(node), "label": str(label)})
        _attvalues(element, record)
        if position:
            ET.SubElement(element, "viz:position", {"x": repr(float(position["x"])), "y": repr(float(position["y"])), "z": "0.0"})
    edges_element = ET.SubElement(body, "edges")
    for u, v, key, record in edges:
        element = ET.SubElement(edges_element, "edge", {"id": str(key), "source": str(u), "target": str(v), "label": str(record.get("relation", ""))})
        _attvalues(element, record)
    ET.indent(root)
    return root


def write(graph: nx.MultiDiGraph, path: Path, /, *, force: bool = False) -> WriteResult:
    """Write GEXF 1.3 (and the source texts its quotes cite, beside it).

    Round trips through every format are tested in tests/test_formats_roundtrip.py.
    """
    path = Path(path)
    changed: Counter[str] = Counter()
    text = '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(document(graph, changed), encoding="unicode", xml_declaration=False) + "\n"
    files = write_text_with_texts(graph, path, text, force=force)
    cited = {item.get("source") for *_, data in graph.edges(data=True) for item in data.get(Attr.EVIDENCE) or []}
    cited |= {item.get("source") for _, data in graph.nodes(data=True) for item in data.get(Attr.EVIDENCE) or []}
    uncited = [sid for sid in graph.graph.get(Attr.SOURCES) or {} if sid not in cited]
    dropped = Counter({"sources no evidence cites": len(uncited)} if uncited else {}) + changed
    return WriteResult(path, FORMAT, files, dropped)


def _safe(record: dict[str, Any], changed: Counter[str]) -> dict[str, Any]:
    return {xml_safe(k, changed): xml_safe(v, changed) for k, v in record.items() if v is not None}


def read(source: Path | bytes | str, /, *, name: str | None = None) -> ImportResult:
    """Read GEXF 1.1, 1.2 or 1.3 (parsed with defusedxml: no DTD, no entities).

    >>> text = '''<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed">
    ...   <nodes><node id="0" label="IL-10"/><node id="1" label="TNF"/></nodes>
    ...   <edges><edge id="0" source="0" target="1" label="inhibits"/></edges></graph></gexf>'''
    >>> [(u, v, d["relation"], d["sign"]) for u, v, d in read(text, name="g.gexf").graph.edges(data=True)]
    [('0', '1', 'inhibits', -1)]
    """
    inp = load_input(source, name=name, default_name="upload.gexf")
    tree = parse_xml(inp)
    root = tree.root
    if local_name(root.tag) != "gexf":
        fail(inp, f"expected a <gexf> root element, found <{local_name(root.tag)}>", **tree.where(root))
    graph = child(root, "graph")
    if graph is None:
        fail(inp, "a GEXF file needs a <graph> element", **tree.where(root))
    builder = GraphBuilder(inp, FORMAT, TITLE)
    meta = child(root, "meta")
    if meta is not None:
        builder.title = _text(child(meta, "title")) or None
        builder.description = _text(child(meta, "description")) or None
        creator = _text(child(meta, "creator"))
        if creator and not creator.startswith("mechgraph"):
            builder.graph_extra["creator"] = creator
    declared = {"node": {}, "edge": {}}  # type: dict[str, dict[str, dict[str, Any]]]
    for element in graph:
        if local_name(element.tag) == "attributes":
            scope = element.get("class", "node")
            for attribute in children(element, "attribute"):
                if not attribute.get("id"):
                    fail(inp, "an <attribute> needs an id", **tree.where(attribute))
                default = child(attribute, "default")
                declared.setdefault(scope, {})[attribute.get("id", "")] = {
                    "title": attribute.get("title") or attribute.get("id"),
                    "type": attribute.get("type", "string"),
                    "default": default.text if default is not None else None,
                }
    for element in children(child(graph, "nodes"), "node"):
        node_id = element.get("id")
        if not node_id:
            fail(inp, "a <node> needs an id attribute", **tree.where(element))
        record = _values(inp, tree, element, declared["node"])
        if element.get("pid"):
            record["parent"] = element.get("pid")
        if child(element, "nodes") is not None:
            builder.dropped["nested node hierarchy"] += 1
        explicit = record.get(Attr.LABEL.value)
        restored = restore_node(record)
        # GEXF's own label is the node's label; a 'name' or 'symbol' column is another attribute
        label = (explicit if explicit not in (None, "") else None) or (element.get("label") or "").strip() or restored.label
        add_restored_node(builder, node_id, restored, label=label, position=_position(element))
    undirected = 0
    default_type = graph.get("defaultedgetype", "directed")
    for element in children(child(graph, "edges"), "edge"):
        ends = [element.get("source"), element.get("target")]
        if not all(ends):
            fail(inp, "an <edge> needs source and target attributes", **tree.where(element))
        record = _values(inp, tree, element, declared["edge"])
        for name_key in ("weight", "kind"):
            if element.get(name_key):
                record.setdefault(name_key, element.get(name_key))
        restored = restore_edge(record)
        name_ = restored.relation or element.get("label")
        if restored.relation is None and element.get("label"):
            restored.extra.setdefault("label", element.get("label"))
        if element.get("type", default_type) != "directed":
            undirected += 1
        add_restored_relation(builder, [str(ends[0]), str(ends[1])], restored, name=name_, where=f"line {tree.line(element)}", key=element.get("id"))
    if undirected:
        builder.notes.append(f"{undirected} undirected edge(s) imported in the direction written (source to target)")
    return builder.finish()


def _text(element: ET.Element | None) -> str:
    return (element.text or "").strip() if element is not None else ""


def _values(inp: Input, tree: XmlTree, element: ET.Element, declared: Mapping[str, dict[str, Any]]) -> dict[str, Any]:
    record = {spec["title"]: _typed(spec["default"], spec["type"]) for spec in declared.values() if spec["default"] is not None}
    for value in children(child(element, "attvalues"), "attvalue"):
        key = value.get("for") or value.get("id")
        if key is None or value.get("value") is None:
            fail(inp, "an <attvalue> needs 'for' and 'value' attributes", **tree.where(value))
        spec = declared.get(key, {"title": key, "type": "string"})
        record[spec["title"]] = _typed(value.get("value", ""), spec["type"])
    return record


def _typed(value: str, kind: str) -> Any:
    try:
        if kind in ("integer", "long", "short", "byte"):
            return int(value)
        if kind in ("double", "float"):
            return float(value)
    except ValueError:
        return value
    if kind == "boolean":
        return value.strip().lower() in ("true", "1")
    return value


def _position(element: ET.Element) -> dict[str, float] | None:
    position = child(element, "position")
    if position is None or position.get("x") is None or position.get("y") is None:
        return None
    try:
        return {"x": float(position.get("x", "")), "y": float(position.get("y", ""))}
    except ValueError:
        return None
