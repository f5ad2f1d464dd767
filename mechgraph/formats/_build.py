"""Building a mechgraph graph from another format's nodes and edges.

Every importer feeds a :class:`GraphBuilder` with what it found: nodes with their foreign key,
label and type; edges with their foreign relation name and where in the file they were. The
builder maps types to node kinds and relation names to relations (:mod:`.mapping`), gives each
relation evidence (the file itself, with the line or JSON path, when the file has none), then
validates the result with the native rules. A value the rules refuse is not fatal: it is moved to
the node's or edge's ``extra`` and counted, so the import keeps it without claiming it.
"""

from __future__ import annotations

import json
import math
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from ..errors import DataError, Problem
from ..graph import graph_from_report
from ..identifiers import check_curie
from ..limits import current
from ..model import (
    MAX_EXTRA_CHARS,
    MAX_EXTRA_DEPTH,
    MAX_EXTRA_KEY,
    NODE_ID_PATTERN,
    extra_problem,
)
from ..validation import Report, validate_data
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
from .mapping import (
    DEFAULT_KIND,
    UNKNOWN_RELATION,
    kind_for,
    normalize,
    process_for,
    relation_for,
)
from .registry import ImportResult

__all__ = ["GraphBuilder", "curie", "json_safe", "sign_of", "slug"]

_NODE_ID = re.compile(NODE_ID_PATTERN)
_SOURCE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


def _place(path: tuple[str | int, ...]) -> tuple[str, int, str | None, int | None, str | None] | None:
    """Where a problem of the native rules lies in a document: (section, index, field, position,
    inner field), e.g. ("relations", 3, "evidence", 0, "quote"); None above the records.

    >>> _place(("relations", 3, "evidence", 0, "quote")), _place(("nodes", 1)), _place(("title",))
    (('relations', 3, 'evidence', 0, 'quote'), ('nodes', 1, None, None, None), None)
    """
    if len(path) < 2 or path[0] not in ("sources", "nodes", "relations") or not isinstance(path[1], int):
        return None
    rest = list(path[2:])
    name = rest.pop(0) if rest and isinstance(rest[0], str) else None
    position = rest.pop(0) if rest and isinstance(rest[0], int) else None
    inner = rest.pop(0) if rest and isinstance(rest[0], str) else None
    return str(path[0]), path[1], name, position, inner


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


def slug(text: str, fallback: str = "node") -> str:
    """A node id made from any text: lower-case ASCII letters, digits, '_', '-' and '.'.

    >>> slug("p-S166,S188-MDM2"), slug("Interleukin 2 (IL-2)"), slug("***")
    ('p-s166_s188-mdm2', 'interleukin_2_il-2', 'node')
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    cleaned = re.sub(r"[^a-z0-9_.-]+", "_", ascii_text.lower()).strip("_.-")
    return cleaned[:80].rstrip("_.-") or fallback


def sign_of(value: Any) -> Sign | None:
    """A sign written in another format (+1/-1, '+'/'-', 'positive'/'negative', ...), else None.

    >>> sign_of("-1"), sign_of("positive"), sign_of(0), sign_of("weird")
    (<Sign.DECREASES: -1>, <Sign.INCREASES: 1>, None, None)
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Sign.INCREASES if value > 0 else Sign.DECREASES if value < 0 else None
    words = {
        "+": Sign.INCREASES, "+1": Sign.INCREASES, "1": Sign.INCREASES, "positive": Sign.INCREASES,
        "increases": Sign.INCREASES, "activation": Sign.INCREASES, "up": Sign.INCREASES,
        "-": Sign.DECREASES, "-1": Sign.DECREASES, "negative": Sign.DECREASES,
        "decreases": Sign.DECREASES, "inhibition": Sign.DECREASES, "down": Sign.DECREASES,
    }
    return words.get(str(value).strip().lower())


def json_safe(value: Any, depth: int = 0) -> Any:
    """A value made of JSON types only (str, int, float, bool, None, list, dict), for ``extra``."""
    if depth > 20:
        return str(value)
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return value if math.isfinite(value) else str(value)
    if isinstance(value, Mapping):
        return {str(key): json_safe(item, depth + 1) for key, item in value.items()}
    if isinstance(value, list | tuple | set):
        return [json_safe(item, depth + 1) for item in value]
    return str(value)


def curie(prefix: str, local: str, *, context: Mapping[str, str] | None = None) -> str | None:
    """A checked CURIE from a prefix and local id as other formats write them, else None.

    ``context`` maps a file's own prefixes to identifiers.org URLs (as NDEx's ``@context`` does).

    >>> curie("Uniprot", "P21741"), curie("chebi", "CHEBI:15422"), curie("nonsense", "1")
    ('uniprot:P21741', 'CHEBI:15422', None)
    >>> curie("uniprot knowledgebase", "P21741", context={"uniprot knowledgebase": "http://identifiers.org/uniprot/"})
    'uniprot:P21741'
    """
    from ..identifiers import _registry

    registry = _registry()
    prefix, local = prefix.strip(), local.strip()
    known = {key.strip().lower(): value for key, value in (context or {}).items()}
    if prefix.lower() in known:  # identifiers.org URLs old (.../uniprot/) and new (.../uniprot:)
        match = re.match(r"^https?://(?:identifiers\.org|bioregistry\.io)/([^/:]+)[/:]", known[prefix.lower()])
        prefix = match.group(1) if match else prefix
    normalized = (
        registry.normalize_prefix(prefix)
        or registry.normalize_prefix(prefix.replace(" ", ""))
        or registry.normalize_prefix(_PREFIX_NAMES.get(prefix.lower(), ""))
    )
    if not normalized or not local:
        return None
    standard = registry.normalize_curie(f"{normalized}:{local}") or f"{normalized}:{local}"
    _, _, standard_local = standard.partition(":")
    preferred = registry.get_preferred_prefix(normalized) or normalized
    candidate = f"{preferred}:{standard_local}"
    return candidate if check_curie(candidate) is None else None


#: Database names that BioPAX files (Pathway Commons, NDEx networks made from them) write as
#: prefixes, and the prefix each stands for.
_PREFIX_NAMES = {
    "uniprot knowledgebase": "uniprot", "uniprotkb": "uniprot", "hgnc symbol": "hgnc.symbol", "ncbi gene": "ncbigene",
    "entrez gene": "ncbigene", "kegg compound": "kegg.compound", "pubchem-compound": "pubchem.compound",
    "pubchem-substance": "pubchem.substance", "gene ontology": "go", "reactome": "reactome",
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
class GraphBuilder:
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
        self._nodes[node_id] = _Node(
            node_id, text, kind, type_hint, dict(fields or {}), extra_values, _position(position)
        )
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
        evidence: list[Mapping[str, Any]] | None = None,
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
            literature.pmids, literature.sentences, where=f"cited by {self.inp.file_name}, {where}",
            databases=literature.databases, pairs=pairs or [],
        )
        self._pmids += len(cited)
        self._sentences += len(literature.sentences) + len(pairs or [])
        self._edges.append(
            _Edge(source, target, relation, field_values, items + cited, extra_values, key, where, unpaired, literature.databases)
        )
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
                "note": f"imported by mechgraph from a {self.format_title} file; the evidence note of each "
                "relation gives its line or JSON path in that file",
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
            self.notes.append(
                f"relations by sign: {signs[1]} increase (+), {signs[-1]} decrease (-), {signs[0]} unsigned"
            )
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
                described = {k: item.get(k) for k in (SourceKey.URL, SourceKey.TITLE, SourceKey.TEXT) if item.get(k)}
                self.add_source({"id": source_id, **described} if described else {"id": source_id, "title": source_id})
                if not described:
                    self._sources.get(source_id, {}).update(
                        note=f"cited in {self.inp.file_name}, which does not describe this source"
                    )
            cleaned.append({k: item[k] for k in EVIDENCE_FIELDS if item.get(k) not in (None, "")})
        return cleaned

    def _repair(self, document: dict[str, Any], node_extra: list[dict[str, Any]], edge_extra: list[dict[str, Any]]) -> Report:
        """Validate; move each refused optional value to ``extra`` (counted) until valid."""
        for _ in range(12):
            report = validate_data(document, file=self.inp.name, base_dir=self.inp.base_dir)
            if report.ok:
                return report
            removals: set[int] = set()
            changed = False
            for problem in report.problems:
                changed |= self._fix(problem, document, node_extra, edge_extra, removals)
            for index in sorted(removals, reverse=True):
                del document["relations"][index]
                del edge_extra[index]
            listed = {source["id"] for source in document["sources"]}
            document["sources"] += [source for sid, source in self._sources.items() if sid not in listed]
            if not changed and not removals:
                break
        raise DataError(report.problems)

    def _fix(
        self,
        problem: Problem,
        document: dict[str, Any],
        node_extra: list[dict[str, Any]],
        edge_extra: list[dict[str, Any]],
        removals: set[int],
    ) -> bool:
        place = _place(problem.path)
        if place is None:
            top = problem.path[0] if problem.path else None
            if top == "description" and "description" in document:
                del document["description"]
                return True
            if top == "title" and document.get("title") != self.inp.file_name:
                document["title"] = self.inp.file_name
                return True
            return False
        section, index, name, position, inner = place
        if section == "sources":
            return self._fix_source(document, index, problem)
        if section == "nodes":
            record, extra = document["nodes"][index], node_extra[index]["extra"]
        else:
            record, extra = document["relations"][index], edge_extra[index]
        if problem.rule == "duplicate-relation":
            removals.add(index)
            self.dropped["relation repeated with the same evidence"] += 1
            return True
        if name == "evidence" and position is not None:
            return self._fix_evidence(document, record, position, inner, problem)
        if name in (None, "id", "kind", "label", "from", "to", "relation", "evidence"):
            if name == "id" and section == "relations":
                record.pop("id", None)
                return True
            if name is None and section == "nodes" and record.get("kind") == NodeKind.PROCESS:
                record["process"] = process_for(None, record["label"]).value
                return True
            return False
        if name == "identifiers" and position is not None and name in record:
            values = record[name]
            bad = values[position] if position < len(values) else None
            if bad is None:
                return False
            record[name] = [value for value in values if value != bad]
            extra.setdefault("identifiers", []).append(bad)
            self.dropped["identifier that is not a known CURIE (kept in extra)"] += 1
            return True
        if name in record:
            extra.setdefault(name, json_safe(record.pop(name)))
            what = "node" if section == "nodes" else "relation"
            self.dropped[f"{what} field {name!r} the native rules refuse (kept in extra)"] += 1
            return True
        return False

    def _fix_evidence(self, document: dict[str, Any], record: dict[str, Any], position: int, inner: str | None, problem: Problem) -> bool:
        evidence = record.get("evidence") or []
        if position >= len(evidence):
            return False
        item = evidence[position]
        if problem.rule == "quote" and item.get("quote"):
            reason = "no source text to check it against" if "is a URL" in problem.message else "not found verbatim"
            item["note"] = _join_note(item.get("note"), f"quote ({reason}, not checked): “{item.pop('quote')}”")
            item.pop("start", None)
            item.pop("end", None)
            item["source"] = self._unchecked_source(document, item["source"])
            self.dropped["quote not checkable against its source text (kept in the evidence note)"] += 1
            return True
        if inner in ("start", "end") or (problem.rule == "bad-value" and ("start" in item or "end" in item)):
            item.pop("start", None)
            item.pop("end", None)
            self.dropped["quote offsets that do not fit the source text"] += 1
            return True
        if inner == "note" and "note" in item:
            item.pop("note")
            self.dropped["evidence note the native rules refuse"] += 1
            return True
        if inner == "quote" and "quote" in item:
            item.pop("quote")
            self.dropped["evidence quote the native rules refuse"] += 1
            return True
        if problem.rule == "quote":  # a text source cited without a quote: the citation cannot stand
            del evidence[position]
            record["evidence"] = evidence or self._import_evidence("")
            self.dropped["evidence citing a source text without a quote"] += 1
            return True
        return False

    def _unchecked_source(self, document: dict[str, Any], source_id: str) -> str:
        """A text source cannot be cited without a verbatim quote: a quote that is not in the text
        is cited from a companion source with the same title and no text, which says so."""
        source = next((s for s in document["sources"] if s.get("id") == source_id), None)
        if source is None or not source.get("text"):
            return source_id
        companion = f"{source_id}.unchecked"[:200]
        if not any(s.get("id") == companion for s in document["sources"]):
            entry = {
                "id": companion,
                "title": source.get("title") or source_id,
                "note": f"quotes of source {source_id!r} not found verbatim in its text {source['text']}: kept as notes, not checked",
            }
            document["sources"].append(entry)
            self._sources[companion] = entry
        return companion

    def _fix_source(self, document: dict[str, Any], index: int, problem: Problem) -> bool:
        source = document["sources"][index]
        if problem.rule == "duplicate-id":
            del document["sources"][index]
            return True
        if source.get("text"):
            source.pop("text")
            source.setdefault("title", source["id"])
            reason = "no file to look beside" if self.inp.base_dir is None else f"not found beside {self.inp.file_name}"
            source["note"] = _join_note(source.get("note"), f"its text was {reason}: quotes kept as notes, not checked")
            self.dropped["source text not found (its quotes kept as notes)"] += 1
            return True
        if source.get("url"):
            source["note"] = _join_note(source.get("note"), f"url refused: {source.pop('url')}")
            source.setdefault("title", source["id"])
            self.dropped["source url that is not an http(s) URL (kept as text in the source's note)"] += 1
            return True
        return False

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

    def _bounded(self, extra: dict[str, Any], what: str) -> dict[str, Any]:
        """An ``extra`` map within the model's bounds (so the native file that keeps it reads
        back): maps and lists nested too deep become JSON text; a name too long, or the largest
        values while the map is too large (e.g. INDRA's statement JSON), are dropped and counted."""
        if extra_problem(extra) is None:
            return extra
        bounded = {key: _shallow(value, 1) for key, value in extra.items() if 1 <= len(key) <= MAX_EXTRA_KEY}
        self.dropped[f"{what} attribute with a name over {MAX_EXTRA_KEY} characters"] += len(extra) - len(bounded)
        while bounded and extra_problem(bounded) is not None:
            largest = max(bounded, key=lambda key: len(dumps_compact(bounded[key])))
            del bounded[largest]
            self.dropped[f"{what} attribute too large to keep in extra (over {MAX_EXTRA_CHARS:,} characters in all)"] += 1
        return bounded

    def _summarize(self) -> None:
        if self._kind_defaulted:
            self.notes.append(
                f"{self._kind_defaulted} node(s) had no type mechgraph knows: imported as kind "
                f"'{DEFAULT_KIND.value}' (their type, if any, kept in extra)"
            )
        if self._kind_implied:
            self.notes.append(f"{self._kind_implied} node(s) had no type: their kind follows from their relations (e.g. the target of a consumption is a process)")
        if self._untyped_relations:
            self.notes.append(f"{self._untyped_relations} edge(s) had no relation type: imported as unsigned '{UNKNOWN_RELATION.value}'")
        for word, count in self._unknown_relations.most_common():
            self.notes.append(
                f"{count} edge(s) of unknown type {word!r}: imported as unsigned '{UNKNOWN_RELATION.value}' "
                f"(the name kept in extra.{_INTERACTION})"
            )
        if self._signed_by_attribute:
            self.notes.append(
                f"{self._signed_by_attribute} edge(s) whose relation name gives no sign signed by the file's own sign "
                "attribute (polarity, sign, effect, ...)"
            )
        if self._sign_over_name:
            self.notes.append(
                f"{self._sign_over_name} edge(s) whose sign attribute contradicts the relation name: the stated sign "
                f"kept (the name in extra.{_INTERACTION})"
            )
        if self._signed_by_name:
            self.notes.append(f"{self._signed_by_name} edge(s) whose relation is written as a sign (1, -1, +, -): imported as increases/decreases")
        if self._pmids:
            self.notes.append(f"{self._pmids} citation(s) of PubMed articles imported as evidence (each PubMed id a source)")
        if self._sentences:
            self.notes.append(f"{self._sentences} evidence sentence(s) kept in evidence notes (a quote needs the source text beside the graph)")
        if self._mechanisms:
            self.notes.append(f"{self._mechanisms} relation(s) given a mechanism by the file's 'direct' attribute (yes: direct, no: indirect)")


def _shallow(value: Any, depth: int) -> Any:
    """A value whose lists and maps nest at most as deep as an extra map may: deeper ones as JSON text."""
    if isinstance(value, dict | list) and depth >= MAX_EXTRA_DEPTH - 1:
        return dumps_compact(value)
    if isinstance(value, dict):
        return {key: _shallow(item, depth + 1) for key, item in value.items()}
    if isinstance(value, list):
        return [_shallow(item, depth + 1) for item in value]
    return value


def _position(value: Mapping[str, Any] | None) -> dict[str, float] | None:
    if not value:
        return None
    try:
        x, y = float(value["x"]), float(value["y"])
    except (KeyError, TypeError, ValueError):
        return None
    return {"x": x, "y": y} if math.isfinite(x) and math.isfinite(y) else None


def _join_note(note: str | None, addition: str) -> str:
    return f"{note}; {addition}" if note else addition


def dumps_compact(value: Any) -> str:
    """JSON text without spaces after separators, for attributes of flat formats."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
