"""Building a mechgraph graph from another format's nodes and edges.

Every importer feeds a :class:`GraphBuilder` with what it found: nodes with their foreign key,
label and type; edges with their foreign relation name and where in the file they were. The
builder maps types to node kinds and relation names to relations (:mod:`.mapping`), gives each
relation evidence (the file itself, with the line or JSON path, when the file has none), then
validates the result with the native rules. A value the rules refuse is not fatal: it is moved to
the node's or edge's ``extra`` and counted, so the import keeps it without claiming it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from ..errors import DataError, Problem
from ..graph import graph_from_report
from ..limits import current
from ..model import (
    NODE_ID_PATTERN,
)
from ..validation import Report
from ..vocabulary import (
    Attr,
    EvidenceKey,
    Mechanism,
    NodeKind,
    Relation,
    Sign,
    SourceKey,
)
from ._document import EVIDENCE_FIELDS, NODE_FIELDS, RELATION_FIELDS, SOURCE_FIELDS
from ._io import Input
from ._literature import clip_note, evidence_items, take_literature
from ._repair import Repairs
from ._values import curie, dumps_compact, json_safe, sign_of, slug, xy_position
from .mapping import (
    DEFAULT_KIND,
    UNKNOWN_RELATION,
    kind_for,
    normalize,
    process_for,
    relation_for,
)
from .registry import ImportResult

__all__ = ["GraphBuilder", "curie", "dumps_compact", "json_safe", "sign_of", "slug"]

_NODE_ID = re.compile(NODE_ID_PATTERN)
_SOURCE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


MAX_LABEL = 500
_INTERACTION = "interaction"  # the extra key that keeps a foreign relation name
_RELATION_VALUES = {relation.value for relation in Relation}
_MECHANISMS = {mechanism.value for mechanism in Mechanism}
#: The relation of the other sign, for a named relation whose stated sign is the other one.
_OPPOSITE = {
    Relation.ACTIVATES: Relation.INHIBITS,
    Relation.INHIBITS: Relation.ACTIVATES,
    Relation.INCREASES: Relation.DECREASES,
    Relation.DECREASES: Relation.INCREASES,
    Relation.REQUIRED_FOR: Relation.DECREASES,
}


@dataclass
class _Node:
    id: str
    label: str
    kind: str | None
    type_hint: str | None
    fields: dict[str, Any]
    extra: dict[str, Any]
    position: dict[str, float] | None
    implied: NodeKind | None = None


@dataclass
class _Edge:
    source: str
    target: str
    relation: Relation
    fields: dict[str, Any]
    evidence: list[dict[str, Any]]
    extra: dict[str, Any]
    key: str | None
    where: str
    sentences: list[str] = field(default_factory=list)  # sentences the file names no article for
    databases: list[str] = field(default_factory=list)


@dataclass
class GraphBuilder(Repairs):
    """Collects a foreign file's nodes and edges and builds a valid mechgraph graph of them."""

    inp: Input
    format_name: str
    format_title: str
    dropped: Counter[str] = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    title: str | None = None
    description: str | None = None
    graph_extra: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        limits = current()
        self._max_nodes, self._max_relations, self._max_sources = limits.nodes, limits.relations, limits.sources
        self._nodes: dict[str, _Node] = {}  # by mechgraph id, in file order
        self._by_key: dict[str, str] = {}  # foreign key -> mechgraph id
        self._edges: list[_Edge] = []
        self._sources: dict[str, dict[str, Any]] = {}
        self._import_source: str | None = None
        self._unknown_relations: Counter[str] = Counter()
        self._untyped_relations = 0
        self._signed_by_attribute = 0
        self._sign_over_name = 0  # a sign attribute that contradicts the relation name: the sign kept
        self._signed_by_name = 0  # a relation written as a sign (1, -1, +1)
        self._pmids = 0
        self._sentences = 0
        self._mechanisms = 0
        self._kind_defaulted = 0
        self._kind_implied = 0

    # -- nodes ------------------------------------------------------------------------------------

    def node_id(self, key: str) -> str | None:
        """The mechgraph id given to a foreign node key, if that node was added."""
        return self._by_key.get(key)

    def add_node(
        self,
        key: str,
        *,
        label: str | None = None,
        kind: str | None = None,
        type_hint: str | None = None,
        fields: Mapping[str, Any] | None = None,
        extra: Mapping[str, Any] | None = None,
        position: Mapping[str, Any] | None = None,
        preferred_id: str | None = None,
    ) -> str:
        """Add a node found under ``key``; its id is ``preferred_id`` (default: the key) when that
        is a valid mechgraph id and free, else a slug of its label. A repeated key is dropped."""
        if key in self._by_key:
            self.dropped["node with a repeated id (first kept)"] += 1
            return self._by_key[key]
        if len(self._nodes) >= self._max_nodes:
            self._too_large("nodes", self._max_nodes)
        text = (label or "").strip() or key
        if len(text) > MAX_LABEL:
            text = text[: MAX_LABEL - 1] + "…"
            self.dropped["characters of labels longer than 500 (shortened)"] += 1
        node_id = self._allocate(preferred_id if preferred_id is not None else key, text)
        extra_values = {str(k): json_safe(v) for k, v in (extra or {}).items() if v not in (None, "", [], {})}
        if node_id != key and "original_id" not in extra_values:
            extra_values["original_id"] = key
        self._nodes[node_id] = _Node(node_id, text, kind, type_hint, dict(fields or {}), extra_values, xy_position(position))
        self._by_key[key] = node_id
        return node_id

    def alias(self, key: str, existing_key: str) -> None:
        """Let ``key`` name the node already added as ``existing_key`` (e.g. an SBGN clone)."""
        self._by_key[key] = self._by_key[existing_key]

    def _allocate(self, preferred: str, label: str) -> str:
        candidate = preferred if _NODE_ID.match(preferred) and len(preferred) <= 200 else slug(label or preferred)
        if candidate in self._nodes:
            base, number = candidate[:190], 2
            while f"{base}-{number}" in self._nodes:
                number += 1
            candidate = f"{base}-{number}"
        return candidate

    # -- relations --------------------------------------------------------------------------------

    def add_relation(
        self,
        source_key: str,
        target_key: str,
        *,
        name: str | None,
        where: str,
        sign: Any = None,
        sign_key: str | None = None,
        evidence: Sequence[Mapping[str, Any]] | None = None,
        fields: Mapping[str, Any] | None = None,
        extra: Mapping[str, Any] | None = None,
        key: str | None = None,
        pairs: list[tuple[str, str]] | None = None,
    ) -> bool:
        """Add an edge between two added nodes, its type mapped by :mod:`.mapping`.

        ``name`` is the foreign relation name; ``sign`` a sign the file states separately, under
        the attribute ``sign_key``: an explicit sign beats the sign a relation name implies
        (except mechgraph's own ``sign``, which its relation name implies). ``where`` is the line
        or JSON path, for evidence and messages. PubMed ids, sentences, the source database and
        'direct' among the attributes become evidence and the mechanism (:mod:`._literature`);
        ``pairs`` are (PubMed id, sentence) the file pairs itself. Returns False (and counts it)
        when an end is missing.
        """
        source, target = self._by_key.get(source_key), self._by_key.get(target_key)
        if source is None or target is None:
            self.dropped["edge whose end is not a node of the file"] += 1
            return False
        if len(self._edges) >= self._max_relations:
            self._too_large("relations", self._max_relations)
        extra_values = {str(k): json_safe(v) for k, v in (extra or {}).items() if v not in (None, "", [], {})}
        literature = take_literature(extra_values)
        extra_values = literature.rest
        own_sign = sign_key in (None, Attr.SIGN.value)
        if sign is not None and not own_sign and sign_key:
            extra_values.setdefault(sign_key, json_safe(sign))  # the file's own attribute, kept as it came
        relation = self._relation(name, sign, extra_values, own_sign=own_sign)
        mapping = relation_for(name) if name else None
        foreign = mapping is not None and normalize(name or "") != normalize(relation.value)
        if foreign and mapping is not None and (mapping.reverse or (mapping.orient and self._written_backwards(mapping, source, target))):
            source, target = target, source
            extra_values.setdefault("reversed", True)
        if mapping is not None and normalize(name or "") != normalize(relation.value):
            for node_id, implied in ((source, mapping.source_kind), (target, mapping.target_kind)):
                if implied is not None and self._nodes[node_id].implied is None:
                    self._nodes[node_id].implied = implied
        field_values = dict(fields or {})
        mechanism = field_values.get("mechanism")
        if mechanism not in (None, "") and str(mechanism).strip().lower() not in _MECHANISMS:
            extra_values.setdefault("mechanism", json_safe(field_values.pop("mechanism")))  # e.g. SIGNOR's "binding"
        if literature.direct is not None and not field_values.get("mechanism"):
            field_values["mechanism"] = "direct" if literature.direct else "indirect"
            self._mechanisms += 1
        if literature.context:
            context = dict(field_values.get("context") or {}) if isinstance(field_values.get("context"), Mapping) else {}
            added = {k: v for k, v in literature.context.items() if not context.get(k)}
            field_values["context"] = {**context, **added}
            for context_key, value in literature.context.items():
                if context_key not in added:
                    extra_values.setdefault(context_key, value)  # the context the file already gave wins
        items = [dict(e) for e in evidence or []]
        cited, unpaired = evidence_items(
            literature.pmids,
            literature.sentences,
            where=f"cited by {self.inp.file_name}, {where}",
            databases=literature.databases,
            pairs=pairs or [],
        )
        self._pmids += len(cited)
        self._sentences += len(literature.sentences) + len(pairs or [])
        self._edges.append(_Edge(source, target, relation, field_values, items + cited, extra_values, key, where, unpaired, literature.databases))
        return True

    def _written_backwards(self, mapping: Any, source: str, target: str) -> bool:
        """Whether a role edge (BioPAX's left, right, component...) is written from the end that
        should be its target: from the process, or from the complex."""

        def is_process(node_id: str) -> bool:
            node = self._nodes[node_id]
            return (kind_for(node.kind) or kind_for(node.type_hint)) is NodeKind.PROCESS

        def is_complex(node_id: str) -> bool:
            node = self._nodes[node_id]
            return any(word and "complex" in word.lower() for word in (node.kind, node.type_hint))

        if mapping.target_kind is NodeKind.PROCESS:
            return is_process(source) and not is_process(target)
        if mapping.source_kind is NodeKind.PROCESS:
            return is_process(target) and not is_process(source)
        if mapping.relation is Relation.PART_OF:
            return is_complex(source) and not is_complex(target)
        return False

    def _relation(self, name: str | None, sign: Any, extra: dict[str, Any], *, own_sign: bool = True) -> Relation:
        stated = sign_of(sign)
        if name and name.strip():
            word = name.strip()
            if word.lower() in _RELATION_VALUES:
                relation = Relation(word.lower())
                if stated is None or stated is relation.sign:
                    return relation
                if own_sign:  # mechgraph's own 'sign' follows from its relation name
                    if relation.sign is not Sign.UNKNOWN:
                        self.dropped["sign that contradicts its relation (the relation's sign kept)"] += 1
                    return relation
                return self._stated(relation, stated)
            mapping = relation_for(word)
            if mapping is None or normalize(word) != normalize(mapping.relation.value):
                extra.setdefault(_INTERACTION, word)
            written_sign = sign_of(word) if mapping is None else None
            if written_sign is not None:
                self._signed_by_name += 1
                if stated is not None and stated is not written_sign:
                    return self._stated(None, stated)
                return Relation.INCREASES if written_sign is Sign.INCREASES else Relation.DECREASES
            if mapping is not None:
                if stated is not None and stated is not mapping.relation.sign:
                    return self._stated(mapping.relation, stated)
                return mapping.relation
            if stated is None:
                self._unknown_relations[word] += 1
                return UNKNOWN_RELATION
        else:
            self._untyped_relations += 1
        if stated is not None:
            return self._stated(None, stated)
        return UNKNOWN_RELATION

    def _stated(self, named: Relation | None, stated: Sign) -> Relation:
        """The relation of an edge whose sign attribute says ``stated`` (the name said ``named``)."""
        if named is not None and named.sign is not Sign.UNKNOWN:
            self._sign_over_name += 1
            return _OPPOSITE.get(named, Relation.INCREASES if stated is Sign.INCREASES else Relation.DECREASES)
        self._signed_by_attribute += 1
        return Relation.INCREASES if stated is Sign.INCREASES else Relation.DECREASES

    # -- sources ----------------------------------------------------------------------------------

    def add_source(self, source: Mapping[str, Any]) -> str | None:
        """Add a source the file describes (first description of an id wins); returns its id."""
        source_id = str(source.get(SourceKey.ID) or "").strip()
        if not _SOURCE_ID.match(source_id):
            self.dropped["source without a valid id"] += 1
            return None
        if source_id not in self._sources:
            if len(self._sources) >= self._max_sources:
                self._too_large("sources", self._max_sources)
            record = {k: source[k] for k in SOURCE_FIELDS if source.get(k) not in (None, "")}
            self._sources[source_id] = {k: str(v) if k != SourceKey.ID else v for k, v in record.items()}
        return source_id

    def _import_evidence(self, where: str, sentences: list[str] | None = None, databases: list[str] | None = None) -> list[dict[str, Any]]:
        if self._import_source is None:
            base = self.inp.file_name if _SOURCE_ID.match(self.inp.file_name) else slug(self.inp.file_name, "imported")
            source_id, number = base, 2
            while source_id in self._sources:
                source_id, number = f"{base}-{number}", number + 1
            self._sources[source_id] = {
                "id": source_id,
                "title": self.inp.file_name,
                "note": f"imported by mechgraph from a {self.format_title} file; the evidence note of each relation gives its line or JSON path in that file",
            }
            self._import_source = source_id
        note = f"imported from {self.inp.file_name}, {where}" if where else f"imported from {self.inp.file_name}"
        if databases:
            note += f" ({', '.join(databases)})"
        if sentences:
            note += ": " + " ".join(f"“{sentence}”" for sentence in sentences)
        return [{"source": self._import_source, "note": clip_note(note)}]

    def _too_large(self, what: str, limit: int) -> None:
        message = f"more than {limit:,} {what}: mechgraph reads at most {limit:,} {what} in one graph (see docs/security.md)"
        raise DataError([Problem(self.inp.name, None, None, "", message, "too-large")])

    # -- the result -------------------------------------------------------------------------------

    def finish(self) -> ImportResult:
        """Validate what was collected (moving refused values to ``extra``) and build the graph."""
        document, node_extra, edge_extra = self._document()
        report = self._repair(document, node_extra, edge_extra)
        graph = graph_from_report(report)
        self._attach(graph, report, node_extra, edge_extra)
        self._summarize()
        signs = Counter(int(data.get(Attr.SIGN.value) or 0) for *_, data in graph.edges(data=True))
        if graph.number_of_edges():
            self.notes.append(f"relations by sign: {signs[1]} increase (+), {signs[-1]} decrease (-), {signs[0]} unsigned")
        return ImportResult(graph, self.format_name, self.dropped, tuple(self.notes), report=report)  # the native rules ran: load() need not run them again

    def _kind(self, node: _Node) -> str:
        if node.kind and node.kind in {kind.value for kind in NodeKind}:
            return node.kind
        if node.kind:  # a kind mechgraph does not have: read it as a type
            node.extra.setdefault("kind", node.kind)
        mapped = kind_for(node.kind) or kind_for(node.type_hint)
        if mapped is None and node.implied is not None:
            self._kind_implied += 1
            mapped = node.implied
        if mapped is None:
            self._kind_defaulted += 1
            mapped = DEFAULT_KIND
        if node.type_hint and node.type_hint not in node.extra.values():
            node.extra.setdefault("type", node.type_hint)
        return mapped.value

    def _document(self) -> tuple[dict[str, Any], list[dict[str, Any]], list[dict[str, Any]]]:
        nodes, node_extra = [], []
        for node in self._nodes.values():
            kind = self._kind(node)
            record: dict[str, Any] = {"id": node.id, "kind": kind, "label": node.label}
            for name in NODE_FIELDS:
                value = node.fields.get(name)
                if name not in ("kind", "label") and value not in (None, "", [], {}):
                    record[name] = value
            if node.fields.get(Attr.EVIDENCE):
                record["evidence"] = self._evidence(node.fields[Attr.EVIDENCE])
            if kind == NodeKind.PROCESS and not record.get("process"):
                record["process"] = process_for(node.type_hint, node.label).value
            nodes.append(record)
            node_extra.append({"extra": node.extra, "position": node.position})
        relations, edge_extra = [], []
        for edge in self._edges:
            record = {"from": edge.source, "relation": edge.relation.value, "to": edge.target}
            if edge.key and _SOURCE_ID.match(edge.key):
                record = {"id": edge.key, **record}
            for name in RELATION_FIELDS:
                value = edge.fields.get(name)
                if value not in (None, "", [], {}):
                    record[name] = value
            record["evidence"] = self._evidence(edge.evidence)
            if edge.sentences or not record["evidence"]:
                record["evidence"] += self._import_evidence(edge.where, edge.sentences, edge.databases)
            relations.append(record)
            edge_extra.append(edge.extra)
        document = {
            "mechgraph": 1,
            "title": (self.title or "").strip()[:MAX_LABEL] or self.inp.file_name,
            "sources": list(self._sources.values()),
            "nodes": nodes,
            "relations": relations,
        }
        if self.description and self.description.strip():
            document["description"] = self.description.strip()
        return document, node_extra, edge_extra

    def _evidence(self, items: Any) -> list[dict[str, Any]]:
        """Evidence restored from a file: self-describing items also add their source."""
        cleaned = []
        for item in items if isinstance(items, list) else []:
            if not isinstance(item, Mapping) or not item.get(EvidenceKey.SOURCE):
                self.dropped["evidence item without a source"] += 1
                continue
            source_id = str(item[EvidenceKey.SOURCE])
            if source_id not in self._sources:
                described: dict[str, Any] = {k.value: item.get(k) for k in (SourceKey.URL, SourceKey.TITLE, SourceKey.TEXT) if item.get(k)}
                self.add_source({"id": source_id, **described} if described else {"id": source_id, "title": source_id})
                if not described:
                    self._sources.get(source_id, {}).update(note=f"cited in {self.inp.file_name}, which does not describe this source")
            cleaned.append({k: item[k] for k in EVIDENCE_FIELDS if item.get(k) not in (None, "")})
        return cleaned

    def _attach(self, graph: nx.MultiDiGraph, report: Report, node_extra: list[dict[str, Any]], edge_extra: list[dict[str, Any]]) -> None:
        for node, extras in zip(report.nodes, node_extra, strict=True):
            data = graph.nodes[node.id]
            if extras["extra"]:
                data[Attr.EXTRA.value] = self._bounded(extras["extra"], "node")
            if extras["position"]:
                data[Attr.POSITION.value] = extras["position"]
        for relation, extra in zip(report.relations, edge_extra, strict=True):
            if extra:
                graph.edges[relation.source, relation.target, relation.key][Attr.EXTRA.value] = self._bounded(extra, "relation")
        if self.graph_extra:
            graph.graph[Attr.EXTRA.value] = self._bounded({str(k): json_safe(v) for k, v in self.graph_extra.items()}, "graph")

    def _summarize(self) -> None:
        """The notes on what was mapped by a rule the user should know about: each a count and what it counts."""
        unknown = [
            (count, f"edge(s) of unknown type {word!r}: imported as unsigned '{UNKNOWN_RELATION.value}' (the name kept in extra.{_INTERACTION})")
            for word, count in self._unknown_relations.most_common()
        ]
        counted = [
            (self._kind_defaulted, f"node(s) had no type mechgraph knows: imported as kind '{DEFAULT_KIND.value}' (their type, if any, kept in extra)"),
            (self._kind_implied, "node(s) had no type: their kind follows from their relations (e.g. the target of a consumption is a process)"),
            (self._untyped_relations, f"edge(s) had no relation type: imported as unsigned '{UNKNOWN_RELATION.value}'"),
            *unknown,
            (self._signed_by_attribute, "edge(s) whose relation name gives no sign signed by the file's own sign attribute (polarity, sign, effect, ...)"),
            (self._sign_over_name, f"edge(s) whose sign attribute contradicts the relation name: the stated sign kept (the name in extra.{_INTERACTION})"),
            (self._signed_by_name, "edge(s) whose relation is written as a sign (1, -1, +, -): imported as increases/decreases"),
            (self._pmids, "citation(s) of PubMed articles imported as evidence (each PubMed id a source)"),
            (self._sentences, "evidence sentence(s) kept in evidence notes (a quote needs the source text beside the graph)"),
            (self._mechanisms, "relation(s) given a mechanism by the file's 'direct' attribute (yes: direct, no: indirect)"),
        ]
        self.notes += [f"{count} {what}" for count, what in counted if count]
