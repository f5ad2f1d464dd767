"""Cytoscape.js JSON (``.cyjs``): what Cytoscape desktop exports and imports, and Cytoscape.js
loads with ``cy.json()``. Reading and writing.

Written files follow Cytoscape desktop's export: ``format_version``, ``data`` for the network and
``elements`` with ``nodes`` and ``edges``, each ``{"data": {...}, "position": {"x", "y"}}``. Nodes
carry ``name`` (the label Cytoscape shows) and mechgraph's fields; edges carry ``interaction``
(Cytoscape's edge type: the relation, or the foreign name an imported edge had) besides
``relation`` and ``sign``. Values are strings, numbers or lists of strings, which Cytoscape
desktop keeps as columns: evidence is written as parallel lists (``evidence_source``,
``evidence_quote``, ``evidence_note``) and the network's sources as JSON text in
``data.mechgraph_sources``. Reading also accepts ``elements`` as one list (Cytoscape.js), and a
bare JSON array of elements, each ``{"group": "nodes"|"edges", "data": {...}}`` (the group may be
left out: an element whose data has a ``source`` is an edge).
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from .. import __version__
from ..vocabulary import Attr
from ._build import GraphBuilder, json_safe
from ._document import write_json_with_texts
from ._flat import GRAPH_RESERVED, _unprefix, add_restored_node, add_restored_relation, flat_edge, flat_node, restore_edge, restore_node
from ._io import Input, fail, json_path, load_json
from .registry import ImportResult, WriteResult

__all__ = ["read", "sniff", "write"]

FORMAT = "cyjs"
TITLE = "Cytoscape.js JSON"
_SOURCES_KEY = "mechgraph_sources"


def sniff(head: bytes) -> bool:
    """Cytoscape's JSON: an object with ``elements`` or Cytoscape's export header, or a bare array
    of elements (``[{"group": "nodes", "data": {...}}, ...]``, as Cytoscape.js apps save them)."""
    text = head.lstrip()
    if text.startswith(b"["):
        return re.match(rb'^\[\s*\{\s*"(?:group|data|position|classes|selected)"\s*:', text) is not None
    return text.startswith(b"{") and any(key in text for key in (b'"elements"', b'"format_version"', b'"target_cytoscapejs_version"'))


def document(graph: nx.MultiDiGraph) -> dict[str, Any]:
    """The Cytoscape.js document of a graph."""
    sources = graph.graph.get(Attr.SOURCES) or {}
    data: dict[str, Any] = {"name": graph.graph.get(Attr.TITLE) or "mechgraph", "mechgraph": 1}
    if graph.graph.get(Attr.DESCRIPTION):
        data[Attr.DESCRIPTION.value] = graph.graph[Attr.DESCRIPTION]
    data[_SOURCES_KEY] = json.dumps(list(sources.values()), ensure_ascii=False)
    for key, value in (graph.graph.get(Attr.EXTRA) or {}).items():
        data.setdefault(key if key not in data and key not in GRAPH_RESERVED and not key.startswith("extra.") else f"extra.{key}", value)
    nodes = []
    for node, attributes in graph.nodes(data=True):
        element: dict[str, Any] = {"data": {"id": node, "name": attributes.get(Attr.LABEL, node), **flat_node(node, attributes, style="json")}}
        position = attributes.get(Attr.POSITION)
        if position:
            element["position"] = {"x": position["x"], "y": position["y"]}
        nodes.append(element)
    edges = []
    for u, v, key, attributes in graph.edges(keys=True, data=True):
        flat = flat_edge(attributes, style="json")
        interaction = (attributes.get(Attr.EXTRA) or {}).get("interaction") or attributes.get(Attr.RELATION)
        flat.pop("interaction", None)
        edges.append({"data": {"id": key, "source": u, "target": v, "interaction": interaction, **flat}})
    return {
        "format_version": "1.0",
        "generated_by": f"mechgraph-{__version__}",
        "target_cytoscapejs_version": "~2.1",
        "data": json_safe(data),
        "elements": {"nodes": json_safe(nodes), "edges": json_safe(edges)},
    }


def write(graph: nx.MultiDiGraph, path: Path, /, *, force: bool = False) -> WriteResult:
    """Write Cytoscape.js JSON (and the source texts its quotes cite, beside it).

    Round trips through every format are tested in tests/test_formats_roundtrip.py.
    """
    path = Path(path)
    return WriteResult(path, FORMAT, write_json_with_texts(graph, path, document(graph), force=force))


def read(source: Path | bytes | str, /, *, name: str | None = None) -> ImportResult:
    """Read Cytoscape.js JSON, as Cytoscape desktop exports it or Cytoscape.js writes it.

    >>> text = '{"elements": {"nodes": [{"data": {"id": "1", "name": "IL2"}}, {"data": {"id": "2", "name": "IL2RA"}}],'
    >>> text += ' "edges": [{"data": {"id": "3", "source": "1", "target": "2", "interaction": "pp"}}]}}'
    >>> result = read(text, name="net.cyjs")
    >>> [(d["relation"], d["extra"]) for _, _, d in result.graph.edges(data=True)]
    [('binds', {'interaction': 'pp'})]
    """
    inp, data = load_json(source, name=name, default_name="upload.cyjs")
    if isinstance(data, list):  # a bare array of elements, as cy.json().elements or cy.elements().jsons()
        data = {"elements": data}
    if not isinstance(data, Mapping) or "elements" not in data:
        fail(
            inp,
            "expected a JSON object with 'elements' ({nodes, edges} or a list), or a list of elements (Cytoscape.js JSON)",
            field="elements",
        )
    nodes, edges = _elements(inp, data["elements"])
    builder = GraphBuilder(inp, FORMAT, TITLE)
    _network(builder, data.get("data"))
    for path, element in nodes:
        raw = _data(inp, element, path)
        if raw.get("id") in (None, ""):
            fail(inp, "a node needs data.id", field=json_path(*path, "data", "id"))
        key = str(raw.pop("id"))
        restored = restore_node(raw, json_text=False)
        if element.get("parent") or raw.get("parent"):
            restored.extra.setdefault("parent", str(element.get("parent") or raw.get("parent")))
        position = element.get("position")
        add_restored_node(builder, key, restored, position=position if isinstance(position, Mapping) else None, name_in_extra=False)
    for path, element in edges:
        raw = _data(inp, element, path)
        ends = []
        for end in ("source", "target"):
            if raw.get(end) in (None, ""):
                fail(inp, f"an edge needs data.{end}", field=json_path(*path, "data", end))
            ends.append(str(raw.pop(end)))
        key = raw.pop("id", None)
        restored = restore_edge(raw, json_text=False)
        add_restored_relation(builder, ends, restored, where=json_path(*path), key=str(key) if key not in (None, "") else None)
    return builder.finish()


Located = tuple[tuple[str | int, ...], Mapping[str, Any]]


def _elements(inp: Input, elements: Any) -> tuple[list[Located], list[Located]]:
    """Nodes and edges with their JSON paths, from ``{nodes, edges}`` or one list of elements."""
    nodes: list[Located] = []
    edges: list[Located] = []
    if isinstance(elements, Mapping):
        for group, into in (("nodes", nodes), ("edges", edges)):
            items = elements.get(group, [])
            if not isinstance(items, list):
                fail(inp, f"elements.{group} must be a list", field=json_path("elements", group))
            for index, element in enumerate(items):
                if not isinstance(element, Mapping):
                    fail(inp, "an element must be a JSON object", field=json_path("elements", group, index))
                into.append((("elements", group, index), element))
    elif isinstance(elements, list):
        for index, element in enumerate(elements):
            if not isinstance(element, Mapping):
                fail(inp, "an element must be a JSON object", field=json_path("elements", index))
            found = element.get("data")
            data: Mapping[str, Any] = found if isinstance(found, Mapping) else {}
            is_edge = element.get("group") == "edges" or (element.get("group") != "nodes" and "source" in data)
            (edges if is_edge else nodes).append((("elements", index), element))
    else:
        fail(inp, "elements must be an object with nodes and edges, or a list", field="elements")
    return nodes, edges


def _data(inp: Input, element: Mapping[str, Any], path: tuple[str | int, ...]) -> dict[str, Any]:
    data = element.get("data")
    if not isinstance(data, Mapping):
        fail(inp, "an element needs a 'data' object", field=json_path(*path, "data"))
    return dict(data)


def _network(builder: GraphBuilder, data: Any) -> None:
    if not isinstance(data, Mapping):
        return
    rest = dict(data)
    builder.title = str(rest.pop("title", None) or rest.pop("name", None) or "") or None
    description = rest.pop(Attr.DESCRIPTION.value, None)
    builder.description = str(description) if description else None
    sources = rest.pop(_SOURCES_KEY, None)
    try:
        listed = json.loads(sources) if isinstance(sources, str) else sources
    except ValueError:
        listed = None
        builder.dropped["network attribute mechgraph_sources that is not JSON"] += 1
    for item in listed if isinstance(listed, list) else []:
        if isinstance(item, Mapping):
            builder.add_source(item)
    rest.pop("mechgraph", None)
    builder.graph_extra.update(_unprefix(rest))
