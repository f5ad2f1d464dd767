"""NDEx's CX2 (``.cx2``) and the older CX (``.cx``): reading.

A CX document is a JSON list of aspects. CX2 declares attributes (with short aliases and
defaults) in ``attributeDeclarations``; nodes are ``{"id", "x", "y", "v": {...}}`` and edges
``{"id", "s", "t", "v": {...}}``. CX (version 1) has ``nodes`` (``@id``, ``n``, ``r``), ``edges``
(``@id``, ``s``, ``t``, ``i``), ``nodeAttributes``/``edgeAttributes`` (``po``, ``n``, ``v``),
``networkAttributes`` and ``cartesianLayout``. Node ``name`` is the label, ``type`` the node type,
``represents`` and ``alias`` identifiers (made CURIEs with the network's ``@context`` where it
names identifiers.org prefixes); edge ``interaction`` is the relation. Visual aspects are counted
as dropped; every other attribute is kept in ``extra``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ._build import GraphBuilder, curie, slug
from ._flat import restore_edge, restore_node
from ._io import Input, fail, json_path, load_input, parse_json
from .registry import ImportResult

__all__ = ["read", "sniff"]

FORMAT = "cx2"
TITLE = "NDEx CX2"
_VISUAL = ("visualProperties", "visualEditorProperties", "cyVisualProperties", "visualPropertyDependencies", "cyHiddenAttributes", "cyTableColumn")
_SKIPPED = ("CXVersion", "hasFragments", "metaData", "numberVerification", "status", "preMetadata", "postMetadata", "provenanceHistory", "ndexStatus")


def sniff(head: bytes) -> bool:
    text = head.lstrip()
    return text.startswith(b"[") and any(key in text for key in (b'"CXVersion"', b'"metaData"', b'"numberVerification"'))


def read(source: Path | bytes | str, /, *, name: str | None = None) -> ImportResult:
    """Read an NDEx network in CX2 or CX.

    >>> cx2 = [{"CXVersion": "2.0"}, {"nodes": [{"id": 0, "v": {"name": "MDK", "type": "Protein"}},
    ...     {"id": 1, "v": {"name": "GPC2", "type": "Protein"}}]},
    ...     {"edges": [{"id": 0, "s": 1, "t": 0, "v": {"interaction": "in-complex-with"}}]}]
    >>> result = read(json.dumps(cx2), name="net.cx2")
    >>> [(u, v, d["relation"]) for u, v, d in result.graph.edges(data=True)]
    [('gpc2', 'mdk', 'binds')]
    """
    inp = load_input(source, name=name, default_name="upload.cx2")
    data = parse_json(inp)
    if not isinstance(data, list) or not all(isinstance(aspect, Mapping) for aspect in data):
        fail(inp, "expected a CX network: a JSON list of aspect objects", field="")
    aspects: dict[str, list[tuple[int, Any]]] = {}
    for index, aspect in enumerate(data):
        for key, value in aspect.items():
            aspects.setdefault(key, []).append((index, value))
    version = next((str(value) for _, value in aspects.get("CXVersion", [])), None)
    builder = GraphBuilder(inp, FORMAT if version and version.startswith("2") else "cx", TITLE if version else "NDEx CX")
    for key in aspects:
        if key in _VISUAL:
            builder.dropped[f"visual aspect {key!r}"] += 1
        elif key not in _SKIPPED and key not in _KNOWN:
            builder.dropped[f"aspect {key!r}"] += 1
    if version and version.startswith("2"):
        _read_cx2(inp, builder, aspects)
    else:
        _read_cx1(inp, builder, aspects)
    return builder.finish()


_KNOWN = (
    "attributeDeclarations", "networkAttributes", "nodes", "edges",
    "nodeAttributes", "edgeAttributes", "cartesianLayout", "@context",
)


def _items(inp: Input, aspects: Mapping[str, list[tuple[int, Any]]], key: str) -> list[tuple[str, Mapping[str, Any]]]:
    """Every element of an aspect (fragments joined) with its JSON path."""
    items = []
    for index, value in aspects.get(key, []):
        if not isinstance(value, list):
            fail(inp, f"the aspect {key!r} must be a list", field=json_path(index, key))
        for position, item in enumerate(value):
            if not isinstance(item, Mapping):
                fail(inp, f"an element of {key!r} must be an object", field=json_path(index, key, position))
            items.append((json_path(index, key, position), item))
    return items


def _context(value: Any) -> dict[str, str]:
    try:
        parsed = json.loads(value) if isinstance(value, str) else value
    except ValueError:
        return {}
    if isinstance(parsed, list):  # CX1 keeps @context as a list of one mapping
        parsed = next((item for item in parsed if isinstance(item, Mapping)), {})
    return {str(k): str(v) for k, v in parsed.items()} if isinstance(parsed, Mapping) else {}


def _network(builder: GraphBuilder, attributes: dict[str, Any]) -> dict[str, str]:
    context = _context(attributes.pop("@context", None))
    builder.title = str(attributes.pop("name", "") or "") or None
    description = attributes.pop("description", None)
    builder.description = str(description) if description else None
    builder.graph_extra.update(attributes)
    return context


def _identifiers(values: list[Any], context: Mapping[str, str]) -> list[str]:
    found = []
    for value in values:
        prefix, _, local = str(value).partition(":")
        identifier = curie(prefix, local, context=context) if local else None
        if identifier:
            found.append(identifier)
    return list(dict.fromkeys(found))


def _add_node(builder: GraphBuilder, key: str, values: dict[str, Any], position: Mapping[str, Any] | None, context: Mapping[str, str]) -> None:
    restored = restore_node(values, context=context)
    represented = values.get("represents")
    aliases = values.get("alias")
    more = _identifiers([represented, *(aliases if isinstance(aliases, list) else [aliases])], context)
    identifiers = list(dict.fromkeys([*restored.fields.get("identifiers", []), *more]))
    fields = {**restored.fields, **({"identifiers": identifiers} if identifiers else {})}
    if restored.label is not None and restored.extra.get("name") == restored.label:
        del restored.extra["name"]
    builder.add_node(
        key, label=restored.label, kind=restored.kind, type_hint=restored.type_hint, fields=fields,
        extra=restored.extra, position=position, preferred_id=slug(restored.label or key, f"n{key}"),
    )


def _add_edge(builder: GraphBuilder, source: str, target: str, values: dict[str, Any], where: str) -> None:
    restored = restore_edge(values)
    builder.add_relation(
        source, target, name=restored.relation, where=where, sign=restored.sign,
        evidence=restored.evidence, fields=restored.fields, extra=restored.extra,
    )


def _read_cx2(inp: Input, builder: GraphBuilder, aspects: Mapping[str, list[tuple[int, Any]]]) -> None:
    declarations: dict[str, dict[str, Any]] = {}
    for _, item in _items(inp, aspects, "attributeDeclarations"):
        for scope, attributes in item.items():
            if isinstance(attributes, Mapping):
                declarations.setdefault(scope, {}).update(attributes)

    def decode(values: Any, scope: str) -> dict[str, Any]:
        declared = declarations.get(scope, {})
        aliases = {spec.get("a"): name for name, spec in declared.items() if isinstance(spec, Mapping) and spec.get("a")}
        decoded = {name: spec["v"] for name, spec in declared.items() if isinstance(spec, Mapping) and "v" in spec}
        for key, value in (values.items() if isinstance(values, Mapping) else []):
            decoded[aliases.get(key, key)] = value
        return decoded

    network = {}
    for _, item in _items(inp, aspects, "networkAttributes"):
        network.update(decode(item, "networkAttributes"))
    context = _network(builder, network)
    for where, node in _items(inp, aspects, "nodes"):
        if node.get("id") is None:
            fail(inp, "a CX2 node needs an 'id'", field=f"{where}.id")
        position = {"x": node["x"], "y": node["y"]} if "x" in node and "y" in node else None
        _add_node(builder, str(node["id"]), decode(node.get("v"), "nodes"), position, context)
    for where, edge in _items(inp, aspects, "edges"):
        for end in ("s", "t"):
            if edge.get(end) is None:
                fail(inp, f"a CX2 edge needs '{end}' (its {'source' if end == 's' else 'target'} node id)", field=f"{where}.{end}")
        _add_edge(builder, str(edge["s"]), str(edge["t"]), decode(edge.get("v"), "edges"), where)


def _read_cx1(inp: Input, builder: GraphBuilder, aspects: Mapping[str, list[tuple[int, Any]]]) -> None:
    network: dict[str, Any] = {}
    for where, item in _items(inp, aspects, "networkAttributes"):
        if "n" not in item:
            fail(inp, "a network attribute needs 'n' (its name)", field=where)
        network[str(item["n"])] = item.get("v")
    for _, item in _items(inp, aspects, "@context"):
        network.setdefault("@context", dict(item))
    context = _network(builder, network)
    attributes: dict[str, dict[str, dict[str, Any]]] = {"nodeAttributes": {}, "edgeAttributes": {}}
    for scope in attributes:
        for where, item in _items(inp, aspects, scope):
            if "po" not in item or "n" not in item:
                fail(inp, f"an element of {scope!r} needs 'po' (its element id) and 'n' (its name)", field=where)
            owners = item["po"] if isinstance(item["po"], list) else [item["po"]]
            for owner in owners:
                attributes[scope].setdefault(str(owner), {})[str(item["n"])] = item.get("v")
    layout = {str(item.get("node")): item for _, item in _items(inp, aspects, "cartesianLayout")}
    for where, node in _items(inp, aspects, "nodes"):
        if node.get("@id") is None:
            fail(inp, "a CX node needs an '@id'", field=f"{where}.@id")
        key = str(node["@id"])
        values = {**attributes["nodeAttributes"].get(key, {})}
        if node.get("n") is not None:
            values.setdefault("name", node["n"])
        if node.get("r") is not None:
            values.setdefault("represents", node["r"])
        place = layout.get(key)
        position = {"x": place.get("x"), "y": place.get("y")} if place else None
        _add_node(builder, key, values, position, context)
    for where, edge in _items(inp, aspects, "edges"):
        for end in ("s", "t"):
            if edge.get(end) is None:
                fail(inp, f"a CX edge needs '{end}' (its {'source' if end == 's' else 'target'} node id)", field=f"{where}.{end}")
        values = {**attributes["edgeAttributes"].get(str(edge.get("@id")), {})}
        if edge.get("i") is not None:
            values.setdefault("interaction", edge["i"])
        _add_edge(builder, str(edge["s"]), str(edge["t"]), values, where)
