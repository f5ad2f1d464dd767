"""The records of a mechgraph file: sources, nodes, relations and their evidence.

Each record is a frozen pydantic model whose field names are the attribute names of
:class:`mechgraph.vocabulary.Attr`; allowed values come from the vocabulary enums.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, JsonValue, StrictBool, StringConstraints, field_validator, model_validator

from .vocabulary import FORMAT_VERSION, AgentClass, ImmuneState, Measurability, Mechanism, NodeKind, OutcomePhase, ProcessKind, Relation, Route, Status

__all__ = ["Context", "Document", "Evidence", "NodeRecord", "RelationRecord", "Source", "extra_problem", "relation_id"]

NODE_ID_PATTERN = r"^[a-z0-9][a-z0-9_.-]*$"
_MAX_TEXT = 10_000  # one label, quote or note; longer values are a mistake or an attack

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=_MAX_TEXT)]
NodeId = Annotated[str, StringConstraints(pattern=NODE_ID_PATTERN, max_length=200)]
SourceId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9][A-Za-z0-9_.-]*$", max_length=200)]

#: Bounds of an ``extra`` map: what an import keeps that mechgraph has no field for.
MAX_EXTRA_KEYS = 200  # names at any depth
MAX_EXTRA_KEY = 200  # characters in one name
MAX_EXTRA_DEPTH = 6  # nested lists and maps
MAX_EXTRA_CHARS = 50_000  # the whole map as compact JSON text


def _checked_extra(value: dict[str, Any]) -> dict[str, Any]:
    problem = extra_problem(value)
    if problem is not None:
        raise ValueError(problem)
    return value


#: A record's ``extra`` map, bounded (see :func:`extra_problem`).
Extra = Annotated[dict[str, JsonValue], AfterValidator(_checked_extra)]


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, use_enum_values=False)


class Source(_Record):
    """A document that evidence cites: a text shipped beside the graph file, a URL, or a title.

    A source with only a title (and a note) names a document that has neither a URL nor a text
    beside the graph, such as a file imported from another format; quotes cannot cite it.
    """

    id: SourceId
    title: Text | None = None
    url: Annotated[str, StringConstraints(pattern=r"^https?://[^\s<>\"']+$", max_length=2000)] | None = None
    text: Annotated[str, StringConstraints(min_length=1, max_length=500)] | None = None
    note: Text | None = None

    @model_validator(mode="after")
    def _url_or_text(self) -> Source:
        if self.url is None and self.text is None and self.title is None:
            raise ValueError("a source needs 'url' (http or https), 'text' (a file beside the graph file) or at least a 'title'")
        return self


class Evidence(_Record):
    """Why a relation is believed: a cited source, a verbatim quote of it, a note or caveat.

    ``start`` and ``end`` optionally give the quote's character offsets in the raw source text
    (``text[start:end] == quote``), as drafted by ``mechgraph extract``.
    """

    source: SourceId
    quote: Text | None = None
    note: Text | None = None
    start: Annotated[int, Field(ge=0)] | None = None
    end: Annotated[int, Field(ge=0)] | None = None

    @model_validator(mode="after")
    def _offsets(self) -> Evidence:
        if (self.start is None) != (self.end is None):
            raise ValueError("give both 'start' and 'end', or neither")
        if self.start is not None and self.end is not None:
            if self.quote is None:
                raise ValueError("'start' and 'end' locate a quote: add the 'quote'")
            if self.end <= self.start:
                raise ValueError("'end' must be greater than 'start'")
        return self


class Context(_Record):
    """The context a source gives for a relation."""

    species: Text | None = None
    cell_type: Text | None = None
    tissue: Text | None = None
    setting: Text | None = None
    dose: Text | None = None
    condition: Text | None = None
    #: Node id of the agent the source shows this relation under (the relation is then used
    #: only on paths that pass through that agent; see mechgraph.query.context).
    agent: NodeId | None = None


class NodeRecord(_Record):
    id: NodeId
    kind: NodeKind
    label: Text
    synonyms: list[Text] = Field(default_factory=list)
    identifiers: list[Annotated[str, StringConstraints(max_length=300)]] = Field(default_factory=list)
    description: Text | None = None
    process: ProcessKind | None = None
    phase: OutcomePhase | None = None
    agent_class: AgentClass | None = None
    immune_state: ImmuneState | None = None
    routes: list[Route] = Field(default_factory=list)
    uses: list[Text] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    note: Text | None = None
    status: Status | None = None
    extra: Extra | None = None


class RelationRecord(_Record):
    id: SourceId | None = None
    source: NodeId = Field(alias="from")
    relation: Relation
    target: NodeId = Field(alias="to")
    mechanism: Mechanism | None = None
    measurable_in: list[Measurability] = Field(default_factory=list)
    context: Context | None = None
    evidence: list[Evidence] = Field(default_factory=list)
    note: Text | None = None
    status: Status | None = None
    confidence: Annotated[float, Field(ge=0.0, le=1.0)] | None = None
    #: The source says the relation does NOT hold ("X did not inhibit Y"): a finding kept with
    #: its evidence, never a relation a query walks (see mechgraph.graph.graph_from_report).
    negated: StrictBool | None = None
    #: The source says the relation only may hold ("X may inhibit Y").
    hedged: StrictBool | None = None
    extra: Extra | None = None

    @field_validator("measurable_in")
    @classmethod
    def _no_repeats(cls, value: list[Measurability]) -> list[Measurability]:
        if len(set(value)) != len(value):
            raise ValueError("a setting is listed twice")
        return value

    @property
    def key(self) -> str:
        """The relation's id: the one given, or one derived from its content."""
        return self.id or relation_id(self)


class Document(_Record):
    """The top level of a graph file (sources, nodes and relations are checked one by one)."""

    mechgraph: Literal[1] = FORMAT_VERSION  # type: ignore[assignment]
    title: Text = "Untitled mechanism graph"
    description: Text | None = None
    sources: list[Any] = Field(default_factory=list)
    nodes: list[Any] = Field(default_factory=list)
    relations: list[Any] = Field(default_factory=list)


def extra_problem(value: Any) -> str | None:
    """Why ``value`` cannot be a record's ``extra`` map, or None when it can.

    An ``extra`` map keeps what an imported file said that mechgraph has no field for: names to
    JSON values (strings, finite numbers, booleans, null, lists and maps of them), bounded so a
    file cannot hide a second graph in it.

    >>> extra_problem({"interaction": "pp", "pmids": ["12345"], "score": 0.5}) is None
    True
    >>> extra_problem({"score": float("nan")})
    "a number must be finite: nan at 'score'"
    >>> extra_problem({"": 1})
    "a name must have 1 to 200 characters: 0 at 'the top'"
    """
    if not isinstance(value, dict):
        return f"expected a mapping of names to values, found {type(value).__name__}"
    names = 0
    stack: list[tuple[Any, str, int]] = [(value, "", 0)]
    while stack:
        item, where, depth = stack.pop()
        if depth > MAX_EXTRA_DEPTH:
            return f"nested more than {MAX_EXTRA_DEPTH} levels deep: at {where!r}"
        if isinstance(item, dict):
            for key, inner in item.items():
                if not isinstance(key, str) or not 1 <= len(key) <= MAX_EXTRA_KEY:
                    return f"a name must have 1 to {MAX_EXTRA_KEY} characters: {len(str(key))} at {where or 'the top'!r}"
                names += 1
                stack.append((inner, f"{where}.{key}" if where else key, depth + 1))
        elif isinstance(item, list):
            stack.extend((inner, f"{where}[{index}]", depth + 1) for index, inner in enumerate(item))
        elif isinstance(item, float) and not math.isfinite(item):
            return f"a number must be finite: {item} at {where!r}"
        elif not (item is None or isinstance(item, str | int | float)):
            return f"expected a JSON value (text, number, true/false, null, list or map): a {type(item).__name__} at {where!r}"
    if names > MAX_EXTRA_KEYS:
        return f"{names:,} names is more than the {MAX_EXTRA_KEYS:,} an extra map may hold"
    size = len(json.dumps(value, ensure_ascii=False, separators=(",", ":")))
    if size > MAX_EXTRA_CHARS:
        return f"{size:,} characters (as JSON) is more than the {MAX_EXTRA_CHARS:,} an extra map may hold"
    return None


def relation_id(record: RelationRecord) -> str:
    """A stable id from a relation's content: same endpoints, relation and evidence, same id.

    >>> r = RelationRecord.model_validate(
    ...     {"from": "a", "relation": "inhibits", "to": "b", "evidence": [{"source": "s"}]})
    >>> relation_id(r)
    'r-c6686f66d4db'
    """
    content = [
        record.source,
        record.relation.value,
        record.target,
        sorted(json.dumps(e.model_dump(exclude_none=True), sort_keys=True) for e in record.evidence),
    ]
    if record.negated:  # "X does not inhibit Y" is another statement than "X inhibits Y"
        content.append("negated")
    digest = hashlib.sha1(json.dumps(content, sort_keys=True).encode("utf-8")).hexdigest()
    return "r-" + digest[:12]


_SAFE_TEXT_PATH = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_./-]*$")


def is_safe_relative_path(text: str) -> bool:
    """A source text path must stay inside the graph file's folder.

    >>> is_safe_relative_path("sources/article.txt"), is_safe_relative_path("../etc/passwd")
    (True, False)
    """
    return bool(_SAFE_TEXT_PATH.match(text)) and ".." not in text.split("/")
