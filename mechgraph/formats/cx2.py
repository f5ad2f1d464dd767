"""NDEx's CX2 (``.cx2``) and the older CX (``.cx``): reading.

A CX document is a JSON list of aspects. CX2 declares attributes (with short aliases and
defaults) in ``attributeDeclarations``; nodes are ``{"id", "x", "y", "v": {...}}`` and edges
``{"id", "s", "t", "v": {...}}``. CX (version 1) has ``nodes`` (``@id``, ``n``, ``r``), ``edges``
(``@id``, ``s``, ``t``, ``i``), ``nodeAttributes``/``edgeAttributes`` (``po``, ``n``, ``v``),
``networkAttributes`` and ``cartesianLayout``. Node ``name`` is the label, ``type`` the node type,
``represents`` and ``alias`` identifiers (made CURIEs with the network's ``@context`` where it
names identifiers.org prefixes, the same way in CX and CX2; node attributes whose value is an
identifiers.org URL are identifiers too); edge ``interaction`` is the relation, and a
``polarity`` (or ``sign``, ``effect``) attribute its sign, which beats the sign of the name.

Literature: CX's ``citations`` (``dc:identifier`` ``pmid:123``) with ``edgeCitations``, and
``supports`` (a ``text``, optionally citing a ``citation``) with ``edgeSupports`` (and their node
counterparts), become evidence citing each PubMed article, the sentence in its note; edge
attributes such as SIGNOR's ``citation``, ``sentence`` and ``direct`` do too, in CX and CX2 alike
(:mod:`._literature`). A citation that is not a PubMed id is kept in ``extra.citations``.
Visual aspects are counted as dropped; every other attribute is kept in ``extra``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._build import GraphBuilder, curie, slug
from ._flat import add_restored_node, add_restored_relation, restore_edge, restore_node
from ._io import Input, fail, json_path, load_json
from ._literature import evidence_items, pmids_in
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
    inp, data = load_json(source, name=name, default_name="upload.cx2")
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
    "attributeDeclarations",
    "networkAttributes",
    "nodes",
    "edges",
    "nodeAttributes",
    "edgeAttributes",
    "cartesianLayout",
    "@context",
    "citations",
    "supports",
    "edgeCitations",
    "edgeSupports",
    "nodeCitations",
    "nodeSupports",
)
_IDENTIFIER_URL = re.compile(r"^https?://(?:identifiers\.org|bioregistry\.io)/(?:([^/:]+)/|)([^/:]+):(.+)$|^https?://identifiers\.org/([^/:]+)/(.+)$")


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


def _identifier_urls(values: Mapping[str, Any]) -> list[str]:
    """Identifiers written as identifiers.org URLs (as INDRA writes ``UniProt``, ``HGNC``...)."""
    found = []
    for value in values.values():
        for item in value if isinstance(value, list) else [value]:
            match = _IDENTIFIER_URL.match(item.strip()) if isinstance(item, str) else None
            if match is None:
                continue
            prefix, local = (match.group(2), match.group(3)) if match.group(2) else (match.group(4), match.group(5))
            identifier = curie(prefix, local)
            if identifier:
                found.append(identifier)
    return found


def _add_node(
    builder: GraphBuilder,
    key: str,
    values: dict[str, Any],
    position: Mapping[str, Any] | None,
    context: Mapping[str, str],
    evidence: list[dict[str, Any]] | None = None,
) -> None:
    restored = restore_node(values, context=context, json_text=False)
    listed: list[Any] = [values.get("represents")]
    for name in ("alias", "aliases"):
        aliases = values.get(name)
        listed += aliases if isinstance(aliases, list) else [aliases]
    more = _identifiers([item for item in listed if item not in (None, "")], context) + _identifier_urls(values)
    identifiers = list(dict.fromkeys([*restored.fields.get("identifiers", []), *more]))
    fields = {**restored.fields, **({"identifiers": identifiers} if identifiers else {})}
    if evidence:
        fields["evidence"] = [*(restored.evidence or []), *evidence]
    add_restored_node(builder, key, restored, fields=fields, position=position, preferred_id=slug(restored.label or key, f"n{key}"), name_in_extra=False)


def _add_edge(builder: GraphBuilder, source: str, target: str, values: dict[str, Any], where: str, cited: _Cited | None = None) -> None:
    pairs: list[tuple[str, str]] = []
    if cited is not None:
        texts = [text for text, _ in cited.supports]
        if isinstance(values.get("text"), str) and values["text"].strip() in texts:
            del values["text"]  # INDRA repeats the first support as an attribute
        pairs = [(pmid, text) for text, pmid in cited.supports if pmid]
        unpaired = [text for text, pmid in cited.supports if not pmid]
        if unpaired:
            values.setdefault("supports", unpaired)
        if cited.pmids:
            values.setdefault("pmids", cited.pmids)
        if cited.other:
            values.setdefault("citations", cited.other)
    if isinstance(values.get("text"), str) and "sentence" not in values:
        values["sentence"] = values.pop("text")
    if "supports" in values and isinstance(values["supports"], list) and "sentences" not in values:
        values["sentences"] = values.pop("supports")
    add_restored_relation(builder, [source, target], restore_edge(values, json_text=False), where=where, pairs=pairs)


def _read_cx2(inp: Input, builder: GraphBuilder, aspects: Mapping[str, list[tuple[int, Any]]]) -> None:
    declarations: dict[str, dict[str, Any]] = {}
    for _, item in _items(inp, aspects, "attributeDeclarations"):
        for scope, attributes in item.items():
            if isinstance(attributes, Mapping):
                declarations.setdefault(scope, {}).update(attributes)

    def decode(values: Any, scope: str) -> dict[str, Any]:
        declared = declarations.get(scope, {})
        aliases = {str(spec["a"]): name for name, spec in declared.items() if isinstance(spec, Mapping) and spec.get("a")}
        decoded = {name: spec["v"] for name, spec in declared.items() if isinstance(spec, Mapping) and "v" in spec}
        for key, value in values.items() if isinstance(values, Mapping) else []:
            decoded[aliases.get(str(key), str(key))] = value
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
    for _, item in _items(inp, aspects, "@context"):  # one mapping, or several to merge
        merged = network.setdefault("@context", {})
        if isinstance(merged, dict):
            merged.update({k: v for k, v in item.items() if k not in merged})
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
    cited = _citations(inp, aspects)
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
        _add_node(builder, key, values, position, context, _node_evidence(builder, cited["nodes"].get(key), where))
    for where, edge in _items(inp, aspects, "edges"):
        for end in ("s", "t"):
            if edge.get(end) is None:
                fail(inp, f"a CX edge needs '{end}' (its {'source' if end == 's' else 'target'} node id)", field=f"{where}.{end}")
        values = {**attributes["edgeAttributes"].get(str(edge.get("@id")), {})}
        if edge.get("i") is not None:
            values.setdefault("interaction", edge["i"])
        _add_edge(builder, str(edge["s"]), str(edge["t"]), values, where, cited["edges"].get(str(edge.get("@id"))))


@dataclass
class _Cited:
    """What CX's citation and support aspects say of one node or edge."""

    pmids: list[str] = field(default_factory=list)
    other: list[dict[str, Any]] = field(default_factory=list)  # citations that are not PubMed ids
    supports: list[tuple[str, str | None]] = field(default_factory=list)  # (text, PubMed id it cites)


def _citations(inp: Input, aspects: Mapping[str, list[tuple[int, Any]]]) -> dict[str, dict[str, _Cited]]:
    """The citations and supports of each node and edge, by element id (CX version 1)."""
    citations: dict[str, tuple[str | None, dict[str, Any]]] = {}
    for _, item in _items(inp, aspects, "citations"):
        identifier = item.get("dc:identifier")
        pmids, _ = pmids_in(identifier) if isinstance(identifier, str | int) else ([], [])
        described = {k: v for k, v in item.items() if k != "@id" and v not in (None, "", [], {})}
        citations[str(item.get("@id"))] = (pmids[0] if len(pmids) == 1 else None, described)
    supports: dict[str, tuple[str, str | None]] = {}
    for _, item in _items(inp, aspects, "supports"):
        text = item.get("text")
        if isinstance(text, str) and text.strip():
            citation = citations.get(str(item.get("citation")), (None, {}))[0] if item.get("citation") is not None else None
            supports[str(item.get("@id"))] = (text.strip(), citation)
    found: dict[str, dict[str, _Cited]] = {"nodes": {}, "edges": {}}
    for scope, prefix in (("edges", "edge"), ("nodes", "node")):
        for _where, item in _items(inp, aspects, f"{prefix}Citations"):
            for owner in _listed(item.get("po")):
                entry = found[scope].setdefault(owner, _Cited())
                for citation_id in _listed(item.get("citations")):
                    pmid, described = citations.get(citation_id, (None, {}))
                    if pmid and pmid not in entry.pmids:
                        entry.pmids.append(pmid)
                    elif pmid is None and described and described not in entry.other:
                        entry.other.append(described)
        for _, item in _items(inp, aspects, f"{prefix}Supports"):
            for owner in _listed(item.get("po")):
                entry = found[scope].setdefault(owner, _Cited())
                entry.supports += [supports[s] for s in _listed(item.get("supports")) if s in supports and supports[s] not in entry.supports]
    return found


def _listed(value: Any) -> list[str]:
    return [str(item) for item in (value if isinstance(value, list) else [value]) if item is not None]


def _node_evidence(builder: GraphBuilder, cited: _Cited | None, where: str) -> list[dict[str, Any]]:
    """Evidence for a node from CX's nodeCitations and nodeSupports (PubMed articles only)."""
    if cited is None:
        return []
    pairs = [(pmid, text) for text, pmid in cited.supports if pmid]
    unpaired = len(cited.supports) - len(pairs)
    if unpaired:
        builder.dropped["node support sentence that cites no PubMed article"] += unpaired
    items, _ = evidence_items(cited.pmids, [], where=f"cited by {builder.inp.file_name}, {where}", pairs=pairs)
    return items
