"""Validation of a mechgraph document: every problem in one run, each with its line and field.

Rules (the ``rule`` of each :class:`~mechgraph.errors.Problem`):

=====================  ======================================================================
yaml-syntax            the file is not well-formed YAML
unknown-kind           a node's ``kind`` is not in the vocabulary
unknown-relation       a relation's ``relation`` is not in the vocabulary
unknown-field          a field that the format does not have
missing-field          a required field is absent
bad-value              a value of the wrong type or shape
not-applicable         a field that does not apply to this kind of node
duplicate-id           two nodes, or two sources, or two relations with one id
duplicate-relation     the same relation with the same evidence twice
dangling-reference     a relation names a node, or evidence a source, that is not defined
identifier             a malformed CURIE or one with an unknown prefix
no-evidence            a relation without evidence
quote                  a quote missing for, or not found verbatim in, its source text
source-text            a source text that cannot be read or lies outside the graph's folder
indirect-in-vitro      an indirect relation claiming in-vitro measurability
=====================  ======================================================================

A document with more nodes, relations or sources than :func:`mechgraph.limits.current` allows
gets one problem of rule ``too-large`` per count exceeded, and nothing else is checked (its
fixtures are built by tests/hostile/test_limits.py with lowered limits, not kept as files).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import Problem, ReadError
from .identifiers import check_curie
from .limits import current
from .model import Document, Evidence, NodeRecord, RelationRecord, Source, is_safe_relative_path
from .vocabulary import Measurability, Mechanism, NodeKind
from .yamltext import Location, read_text_file

__all__ = ["Report", "fold_whitespace", "validate_data"]

_AGENT_FIELDS = ("agent_class", "immune_state", "routes", "uses")


@dataclass
class Report:
    """What validation found: the problems, and the records that passed their own checks."""

    file: str | None
    problems: list[Problem] = field(default_factory=list)
    document: Document | None = None
    sources: list[Source] = field(default_factory=list)
    nodes: list[NodeRecord] = field(default_factory=list)
    relations: list[RelationRecord] = field(default_factory=list)
    quotes_checked: dict[str, int] = field(default_factory=dict)  # per source text
    quotes_verbatim: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems


_M = TypeVar("_M", bound=BaseModel)
_R = TypeVar("_R", Source, NodeRecord)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def fold_whitespace(text: str) -> str:
    """Quotes are compared with runs of white space folded to one space.

    >>> fold_whitespace("  a\\n  b\\tc ")
    'a b c'
    """
    return " ".join(text.split())


def validate_data(
    data: Any,
    *,
    file: str | None = None,
    base_dir: Path | None = None,
    locate: Callable[[Sequence[str | int]], Location | None] | None = None,
) -> Report:
    """Validate a loaded document (plain dicts and lists). The input is never modified.

    >>> report = validate_data({"mechgraph": 1, "nodes": [{"id": "a", "kind": "drug", "label": "A"}]})
    >>> [(p.field, p.rule) for p in report.problems]
    [('nodes[0].kind', 'unknown-kind')]
    """
    return _Validator(file, base_dir, locate or (lambda path: None)).run(data)


class _Validator:
    def __init__(self, file: str | None, base_dir: Path | None, locate: Callable[..., Location | None]) -> None:
        self.report = Report(file=file)
        self.raw_texts: dict[str, str] = {}
        self.base_dir = base_dir
        self.locate = locate
        self._kinds: dict[str, NodeKind] = {}
        self._found: dict[str, dict[str, bool]] = {}  # source -> folded quote -> found
        self._sentences: dict[str, frozenset[str]] = {}  # source -> its folded sentences

    def add(self, path: Sequence[str | int], message: str, rule: str) -> None:
        position = self.locate(tuple(path))
        line, column = position if position else (None, None)
        self.report.problems.append(Problem(self.report.file, line, column, _dotted(path), message, rule, tuple(path)))

    # -- the run --------------------------------------------------------------------------------

    def run(self, data: Any) -> Report:
        if not isinstance(data, Mapping):
            self.add((), "expected a mapping with the keys mechgraph, title, sources, nodes, relations", "bad-value")
            return self.report
        try:
            self.report.document = Document.model_validate(data)
        except ValidationError as error:
            self._schema_errors(error, (), Document)
            return self.report
        document = self.report.document
        if self._too_large(document):
            return self.report
        sources = self._records(Source, document.sources, "sources")
        nodes = self._records(NodeRecord, document.nodes, "nodes")
        relations = self._records(RelationRecord, document.relations, "relations")
        texts = self._check_sources(sources)
        known_nodes = _ids(document.nodes)
        self._check_nodes(nodes, texts)
        self._check_relations(relations, known_nodes, texts)
        self.report.problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        return self.report

    def _too_large(self, document: Document) -> bool:
        """Refuse a document with more records than the limits allow, before checking any."""
        limits = current()
        found = False
        for name, items, limit in (
            ("nodes", document.nodes, limits.nodes),
            ("relations", document.relations, limits.relations),
            ("sources", document.sources, limits.sources),
        ):
            if len(items) > limit:
                self.add((name,), f"{len(items):,} {name}: mechgraph reads at most {limit:,} {name} in one graph (see docs/security.md)", "too-large")
                found = True
        return found

    def _records(self, model: type[_M], items: list[Any], name: str) -> list[tuple[int, _M]]:
        """The items that pass their model, each with its index in the document."""
        records: list[tuple[int, _M]] = []
        for index, item in enumerate(items):
            try:
                records.append((index, model.model_validate(item)))
            except ValidationError as error:
                self._schema_errors(error, (name, index), model)
        return records

    # -- schema errors, in words ----------------------------------------------------------------

    def _schema_errors(self, error: ValidationError, prefix: tuple[str | int, ...], model: type[BaseModel]) -> None:
        for detail in error.errors(include_url=False):
            path = prefix + tuple(detail["loc"])
            self.add(path, *_describe(detail, model))

    # -- cross-record rules ---------------------------------------------------------------------

    def _first_line(self, seen: dict[str, int], key: str, path: tuple[str | int, ...]) -> int | None:
        """The line where ``key`` was first seen, or None when this is the first time (its line, that
        of ``path``, is then remembered in ``seen``). Sources, nodes and relations find repeats so."""
        if key in seen:
            return seen[key]
        seen[key] = _line_of(self.locate(path))
        return None

    def _first_of_each(self, records: Iterable[tuple[int, _R]], section: str, repeated: str) -> Iterator[tuple[tuple[str | int, ...], _R]]:
        """Each record of ``section`` with its path, but for one whose id came before: that is
        reported instead (``repeated``, formatted with the ``id`` and the ``line`` of the first)."""
        seen: dict[str, int] = {}
        for index, record in records:
            path: tuple[str | int, ...] = (section, index)
            first = self._first_line(seen, record.id, path)
            if first is not None:
                self.add((*path, "id"), repeated.format(id=record.id, line=first), "duplicate-id")
                continue
            yield path, record

    def _check_sources(self, sources: list[tuple[int, Source]]) -> dict[str, str | None]:
        """Return each valid source's folded text (None for URL sources)."""
        texts: dict[str, str | None] = {}
        unique: list[Source] = []
        for path, source in self._first_of_each(sources, "sources", "duplicate source id {id!r} (first at {line})"):
            texts[source.id] = self._source_text(source, path) if source.text else None
            unique.append(source)
        self.report.sources = unique
        return texts

    def _source_text(self, source: Source, path: tuple[str | int, ...]) -> str | None:
        assert source.text is not None
        if not is_safe_relative_path(source.text):
            self.add((*path, "text"), f"source text path {source.text!r} must be relative and stay inside the graph file's folder", "source-text")
            return None
        if self.base_dir is None:
            self.add((*path, "text"), "a source text can only be checked when the graph is read from a file", "source-text")
            return None
        try:
            raw = read_text_file(self.base_dir / source.text, limit=current().source_text_bytes)
            self.raw_texts[source.id] = raw
            return fold_whitespace(raw)
        except ReadError as error:
            self.add((*path, "text"), f"source text cannot be read: {error}", "source-text")
            return None

    def _check_evidence(self, evidence: Iterable[Evidence], path: tuple[str | int, ...], texts: Mapping[str, str | None]) -> None:
        for index, item in enumerate(evidence):
            where = (*path, "evidence", index)
            if item.source not in texts:
                self.add((*where, "source"), _unknown("source", item.source, texts), "dangling-reference")
                continue
            text = texts[item.source]
            if text is None and item.quote is not None and self._is_text_source(item.source):
                continue  # the text itself was unreadable: reported once on the source
            if text is None and item.quote is not None:
                self.add(
                    (*where, "quote"),
                    f"source {item.source!r} has no text beside the graph: a quote cannot be checked against it; use 'note' for a paraphrase",
                    "quote",
                )
            elif text is not None and item.quote is None:
                self.add(where, f"evidence from source text {item.source!r} needs a 'quote' of the sentence it rests on", "quote")
            elif text is not None and item.quote is not None:
                self.report.quotes_checked[item.source] = self.report.quotes_checked.get(item.source, 0) + 1
                raw = self.raw_texts.get(item.source, "")
                if item.start is not None and raw[item.start : item.end] != item.quote:
                    self.add((*where, "start"), f"characters {item.start}-{item.end} of source {item.source!r} are not the quote", "quote")
                if self._quoted(item.source, text, fold_whitespace(item.quote)):
                    self.report.quotes_verbatim[item.source] = self.report.quotes_verbatim.get(item.source, 0) + 1
                else:
                    self.add((*where, "quote"), f"quote not found verbatim in source {item.source!r}: {_clip(item.quote)!r}", "quote")

    def _quoted(self, source: str, text: str, quote: str) -> bool:
        """Whether ``quote`` (folded) is in the source's folded ``text``. A quote is usually one or
        more whole sentences: those are looked up in a set of the text's sentences (built once per
        source), repeated quotes are answered once, and only the rest are searched in the text, so
        checking many quotes of a long text is not quadratic."""
        known = self._found.setdefault(source, {})
        found = known.get(quote)
        if found is None:
            sentences = self._sentences.get(source)
            if sentences is None:
                sentences = self._sentences[source] = frozenset(_SENTENCE_END.split(text))
            found = known[quote] = quote in sentences or quote in text
        return found

    def _is_text_source(self, source_id: str) -> bool:
        return any(s.id == source_id and s.text for s in self.report.sources)

    def _check_nodes(self, nodes: list[tuple[int, NodeRecord]], texts: Mapping[str, str | None]) -> None:
        valid: list[NodeRecord] = []
        for path, node in self._first_of_each(nodes, "nodes", "duplicate node id {id!r} (first defined at line {line})"):
            self._check_applicable(node, path)
            for position, curie in enumerate(node.identifiers):
                problem = check_curie(curie)
                if problem:
                    self.add((*path, "identifiers", position), problem, "identifier")
            self._check_evidence(node.evidence, path, texts)
            valid.append(node)
        self.report.nodes = valid
        self._kinds = {node.id: node.kind for node in valid}

    def _check_applicable(self, node: NodeRecord, path: tuple[str | int, ...]) -> None:
        if node.kind is not NodeKind.AGENT:
            for name in _AGENT_FIELDS:
                if getattr(node, name):
                    self.add((*path, name), f"{name!r} applies only to nodes of kind 'agent', not {node.kind.value!r}", "not-applicable")
        if node.kind is NodeKind.PROCESS and node.process is None:
            self.add(path, "a node of kind 'process' needs 'process': one of " + ", ".join(_values("process")), "missing-field")
        if node.kind is not NodeKind.PROCESS and node.process is not None:
            self.add((*path, "process"), f"'process' applies only to nodes of kind 'process', not {node.kind.value!r}", "not-applicable")
        if node.kind is not NodeKind.OUTCOME and node.phase is not None:
            self.add((*path, "phase"), f"'phase' applies only to nodes of kind 'outcome', not {node.kind.value!r}", "not-applicable")

    def _check_relations(self, relations: list[tuple[int, RelationRecord]], known_nodes: set[str], texts: Mapping[str, str | None]) -> None:
        seen: dict[str, int] = {}
        valid: list[RelationRecord] = []
        for index, relation in relations:
            path = ("relations", index)
            dangling = False
            for end, node_id in (("from", relation.source), ("to", relation.target)):
                if node_id not in known_nodes:
                    self.add((*path, end), _unknown("node", node_id, known_nodes), "dangling-reference")
                    dangling = True
            agent = relation.context.agent if relation.context is not None else None
            if agent is not None and self._kinds.get(agent) is not NodeKind.AGENT:
                found = "not a node" if agent not in self._kinds else f"a node of kind {self._kinds[agent].value!r}"
                self.add(
                    (*path, "context", "agent"),
                    f"context.agent names the agent the relation was shown under: expected the id of a node of kind 'agent', found {agent!r} ({found})",
                    "dangling-reference",
                )
            if not relation.evidence:
                self.add(path, "a relation needs evidence: at least one {source: ID, quote: ...} or {source: URL-SOURCE-ID}", "no-evidence")
            self._check_evidence(relation.evidence, path, texts)
            if relation.mechanism is Mechanism.INDIRECT and Measurability.IN_VITRO in relation.measurable_in:
                self.add(
                    (*path, "measurable_in"),
                    "an indirect relation is measurable only in vivo: remove 'in_vitro' (put the source's setting in context.setting)",
                    "indirect-in-vitro",
                )
            key = relation.key
            first = self._first_line(seen, key, path)
            if first is not None:
                if relation.id:
                    self.add((*path, "id"), f"duplicate relation id {key!r} (first used at line {first})", "duplicate-id")
                else:
                    said = f"{relation.source} {relation.relation.value} {relation.target}"
                    self.add(path, f"the relation '{said}' with the same evidence is already at line {first}", "duplicate-relation")
                continue
            if not dangling:
                valid.append(relation)
        self.report.relations = valid


def _ids(items: Iterable[Any]) -> set[str]:
    return {item["id"] for item in items if isinstance(item, Mapping) and isinstance(item.get("id"), str)}


def _line_of(position: Location | None) -> int:
    return position[0] if position else 0


def _dotted(path: Sequence[str | int]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def _clip(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _unknown(what: str, name: str, known: Iterable[str]) -> str:
    message = f"unknown {what} {name!r}"
    close = difflib.get_close_matches(name, list(known), n=3, cutoff=0.6)
    return message + (f": did you mean {', '.join(repr(c) for c in close)}?" if close else f": define it under '{what}s'")


def _values(field_name: str) -> list[str]:
    annotation = NodeRecord.model_fields[field_name].annotation
    enum = next(arg for arg in getattr(annotation, "__args__", ()) if arg is not type(None))
    return [member.value for member in enum]


def _describe(detail: Mapping[str, Any], model: type[BaseModel]) -> tuple[str, str]:
    """A pydantic error in a curator's words, with its rule name."""
    kind = detail["type"]
    loc = detail["loc"]
    name = next((part for part in reversed(loc) if isinstance(part, str)), "value")
    found = _clip(repr(detail.get("input")), 60)
    context = detail.get("ctx") or {}
    if kind == "enum":
        rule = {"kind": "unknown-kind", "relation": "unknown-relation"}.get(name, "bad-value")
        return f"unknown {name} {found}: expected one of {context.get('expected', '')}", rule
    if kind == "missing":
        return f"required field {name!r} is missing", "missing-field"
    if kind == "extra_forbidden":
        owner = _owner_model(model, loc)
        allowed = ", ".join(f.alias or n for n, f in owner.model_fields.items()) if owner else ""
        return f"unknown field {name!r}" + (f": allowed fields are {allowed}" if allowed else ""), "unknown-field"
    if kind == "string_pattern_mismatch":
        expected = {
            "url": "an http:// or https:// URL",
        }.get(name, "lower-case letters, digits, '_', '-' or '.' (e.g. il2_transcription)")
        return f"{found} is not valid here: expected {expected}", "bad-value"
    if kind in ("bool_type", "bool_parsing"):
        return f"{name} is true or false, found {found}", "bad-value"
    if kind == "literal_error":
        return f"expected {context.get('expected')}, found {found}", "bad-value"
    message = str(detail.get("msg", "invalid value")).removeprefix("Value error, ")
    return f"{message[0].lower() + message[1:]}, found {found}", "bad-value"


def _owner_model(model: type[BaseModel], loc: Sequence[str | int]) -> type[BaseModel] | None:
    """The model that owns the field at ``loc`` (walking into nested models such as context)."""
    current: type[BaseModel] = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        fields = {f.alias or n: f for n, f in current.model_fields.items()}
        annotation = fields[part].annotation if part in fields else None
        nested = _model_in(annotation)
        if nested is None:
            return None
        current = nested
    return current


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = _model_in(arg)
        if found is not None:
            return found
    return None
