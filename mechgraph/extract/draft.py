"""A drafted graph: candidate relations, each tied to the sentence it was read from.

A :class:`Draft` is what :func:`~mechgraph.extract.extract_text` returns. It holds the source
text, its sentences, the nodes and the relations; every relation has a review ``status``
(candidate, accepted, rejected), a ``confidence`` and its evidence: the sentence quoted verbatim
with its character offsets in the text (``text[start:end] == quote``).

Drafts are immutable: :meth:`Draft.accept`, :meth:`Draft.reject` and :meth:`Draft.accepted`
return new drafts. :meth:`Draft.to_document` gives the native format (a dict that
:func:`mechgraph.graph.load_graph` and the validator accept), :meth:`Draft.write` writes it next to
a copy of the text so that ``mechgraph validate`` checks every quote, and :func:`read_draft`
reads a written draft back.

Negation and hedging are fields of a drafted relation (:attr:`DraftRelation.negated`,
:attr:`DraftRelation.hedged`, with the words that triggered them) and of the native format
(``negated: true``, ``hedged: true``). A negated relation is never accepted in bulk
(:meth:`Draft.accept_all`), and when a reviewer accepts one it stays ``negated: true``: the graph
keeps it as a finding the source denies, never as an edge a query walks
(:func:`mechgraph.graph.negated_relations`). The words that triggered the flags are in the
relation's ``note`` after the marker ``extract:`` (for example ``extract: cue "inhibits";
hedged ("may"); negated ("not")``), and the flags lower the confidence. :func:`read_draft` reads
the fields back (a draft without them, written before they existed, by its note's marker).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from io import StringIO
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from ..errors import DataError, MechgraphError, Problem
from ..fileio import OutputExists, write_atomic
from ..vocabulary import (
    FORMAT_VERSION,
    Attr,
    EvidenceKey,
    Measurability,
    Mechanism,
    NodeKind,
    OutcomePhase,
    ProcessKind,
    Relation,
    Route,
    Sign,
    SourceKey,
    Status,
)
from ..yamltext import parse_yaml, read_text_file
from .sentences import Sentence, split_sentences

__all__ = ["Draft", "DraftNode", "DraftRelation", "Span", "draft_from_document", "read_draft"]

NOTE_MARKER = "extract:"
_SAFE_NAME = re.compile(r"[^A-Za-z0-9_.-]+")


@dataclass(frozen=True)
class Span:
    """A quote of the source text: ``text[start:end] == quote``, with the sentence index."""

    start: int
    end: int
    quote: str
    sentence: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class DraftNode:
    """A node of a draft: from the lexicon (``candidate`` False) or a new noun phrase."""

    id: str
    kind: NodeKind
    label: str
    candidate: bool = False
    status: Status | None = None
    process: ProcessKind | None = None
    phase: OutcomePhase | None = None
    record: Mapping[str, Any] = field(default_factory=dict)  # curated fields (synonyms, identifiers, ...)
    routes: tuple[Route, ...] = ()  # routes of administration found in the text
    evidence: tuple[Span, ...] = ()  # where the routes were found
    note: str | None = None


@dataclass(frozen=True)
class DraftRelation:
    """A drafted relation with its review status, confidence, evidence and flags."""

    id: str
    source: str
    relation: Relation
    target: str
    confidence: float
    evidence: tuple[Span, ...]
    status: Status = Status.CANDIDATE
    mechanism: Mechanism | None = None
    measurable_in: tuple[Measurability, ...] = ()
    cues: tuple[str, ...] = ()
    hedges: tuple[str, ...] = ()  # the hedging words found ("may", "suggests")
    negations: tuple[str, ...] = ()  # the negation words found ("not", "without")
    remarks: tuple[str, ...] = ()  # how the extractor read it ("subject from 'they'")

    @property
    def sign(self) -> Sign:
        return self.relation.sign

    @property
    def hedged(self) -> bool:
        return bool(self.hedges)

    @property
    def negated(self) -> bool:
        return bool(self.negations)

    @property
    def note(self) -> str:
        """The review note written to the file: the marker ``extract:`` and the flags."""
        parts = []
        if self.cues:
            parts.append("cue " + ", ".join(f'"{c}"' for c in self.cues))
        if self.negations:
            parts.append("negated (" + ", ".join(f'"{w}"' for w in self.negations) + ")")
        if self.hedges:
            parts.append("hedged (" + ", ".join(f'"{w}"' for w in self.hedges) + ")")
        parts.extend(self.remarks)
        return f"{NOTE_MARKER} " + "; ".join(parts) if parts else NOTE_MARKER


@dataclass(frozen=True)
class Draft:
    """A drafted graph over one source text.

    Examples
    --------
    >>> from mechgraph.extract import extract_text
    >>> draft = extract_text("Cyclosporine inhibits calcineurin.", source_id="note")
    >>> [(r.source, r.relation.value, r.target, r.status.value) for r in draft.relations]
    [('cyclosporine', 'inhibits', 'calcineurin', 'candidate')]
    >>> span = draft.relations[0].evidence[0]
    >>> draft.text[span.start:span.end] == span.quote
    True
    >>> reviewed = draft.accept(draft.relations[0].id)
    >>> reviewed.relations[0].status.value, draft.relations[0].status.value
    ('accepted', 'candidate')
    """

    source_id: str
    text: str
    title: str
    nodes: tuple[DraftNode, ...]
    relations: tuple[DraftRelation, ...]
    sentences: tuple[Sentence, ...] = ()
    source_title: str | None = None

    # -- looking things up ------------------------------------------------------------------

    def node(self, node_id: str) -> DraftNode:
        """The node with this id (KeyError if none)."""
        for node in self.nodes:
            if node.id == node_id:
                return node
        raise KeyError(node_id)

    def relation(self, relation_id: str) -> DraftRelation:
        """The relation with this id (KeyError if none)."""
        for relation in self.relations:
            if relation.id == relation_id:
                return relation
        raise KeyError(relation_id)

    def sentence_spans(self, relation_id: str) -> list[tuple[int, int]]:
        """The ``(start, end)`` offsets of the sentences supporting a relation, to highlight."""
        return [(span.start, span.end) for span in self.relation(relation_id).evidence]

    # -- review -----------------------------------------------------------------------------

    def with_status(self, relation_ids: Iterable[str], status: Status) -> Draft:
        """A new draft in which the given relations have ``status`` (KeyError for an unknown id)."""
        wanted = set(relation_ids)
        unknown = wanted - {r.id for r in self.relations}
        if unknown:
            raise KeyError(", ".join(sorted(unknown)))
        relations = tuple(replace(r, status=status) if r.id in wanted else r for r in self.relations)
        return replace(self, relations=relations)

    def accept(self, *relation_ids: str) -> Draft:
        """A new draft with these relations accepted."""
        return self.with_status(relation_ids, Status.ACCEPTED)

    def reject(self, *relation_ids: str) -> Draft:
        """A new draft with these relations rejected."""
        return self.with_status(relation_ids, Status.REJECTED)

    def accept_all(self) -> Draft:
        """Bulk accept: every candidate relation that is not negated becomes accepted.

        A negated candidate ("X does not inhibit Y") stays a candidate: accepting it in bulk would
        assert the opposite of the text.

        >>> from mechgraph.extract import extract_text
        >>> draft = extract_text("Cyclosporine does not inhibit IL-2. Cyclosporine inhibits calcineurin.", source_id="t")
        >>> [(r.target, r.status.value) for r in draft.accept_all().relations]
        [('il2', 'candidate'), ('calcineurin', 'accepted')]
        """
        wanted = [r.id for r in self.relations if r.status is Status.CANDIDATE and not r.negated]
        return self.with_status(wanted, Status.ACCEPTED)

    def accepted(self) -> Draft:
        """Only the accepted relations and the nodes they use (candidate nodes become accepted).

        An accepted negated relation stays negated (``negated: true`` in the file): the graph keeps
        it as a finding its source denies, never as an edge, so "X does not inhibit Y" never
        becomes "X inhibits Y".
        """
        relations = tuple(r for r in self.relations if r.status is Status.ACCEPTED)
        used = {r.source for r in relations} | {r.target for r in relations}
        nodes = tuple(replace(n, status=Status.ACCEPTED if n.status is Status.CANDIDATE else n.status) for n in self.nodes if n.id in used)
        return replace(self, nodes=nodes, relations=relations)

    # -- the native format ------------------------------------------------------------------

    def to_document(self, *, text_path: str | None = None) -> dict[str, Any]:
        """The draft as a native mechgraph document (plain dicts and lists).

        ``text_path`` is where the copy of the source text lies, relative to the file the
        document will be written to (default ``sources/<source_id>.txt``).
        """
        path = text_path or f"sources/{self.source_id}.txt"
        source: dict[str, Any] = {SourceKey.ID.value: self.source_id}
        if self.source_title:
            source[SourceKey.TITLE.value] = self.source_title
        source[SourceKey.TEXT.value] = path
        return {
            "mechgraph": FORMAT_VERSION,
            "title": self.title,
            "description": (
                "Drafted by mechgraph extract. Review each relation: set status to accepted or rejected. "
                "Each quote is the sentence the relation was read from, with its character offsets."
            ),
            "sources": [source],
            "nodes": [_node_dict(node, self.source_id) for node in self.nodes],
            "relations": [_relation_dict(relation, self.source_id) for relation in self.relations],
        }

    def write(self, path: str | Path, *, force: bool = False) -> Path:
        """Write the draft to ``path`` and the text beside it (``<stem>.sources/<id>.txt``).

        Both files are written atomically; an existing draft, or a different text already at the
        copy's place, is replaced only with ``force`` (an identical copy is left alone), and
        nothing is written when one of them is refused. Returns the path of the text copy. The
        written draft passes ``mechgraph validate``.
        """
        path = Path(path)
        stem = _SAFE_NAME.sub("_", path.stem).strip("._") or "draft"
        text_rel = f"{stem}.sources/{_SAFE_NAME.sub('_', self.source_id)}.txt"
        text_file = path.parent / text_rel
        text = self.text.encode("utf-8")
        same_text = text_file.is_file() and text_file.read_bytes() == text
        for target in (path, *(() if same_text else (text_file,))):
            if target.exists() and not force:
                raise OutputExists(f"{target} exists: pass --force (force=True) to overwrite it")
        text_file.parent.mkdir(parents=True, exist_ok=True)
        if not same_text:
            write_atomic(text_file, text, force=force)
        write_atomic(path, dump_document(self.to_document(text_path=text_rel)), force=force)
        return text_file


def relation_key(source: str, relation: Relation, target: str, negated: bool, start: int) -> str:
    """A stable relation id from its content and the offset of its first sentence."""
    content = f"{source}|{relation.value}|{target}|{int(negated)}|{start}"
    return "x-" + hashlib.sha1(content.encode("utf-8")).hexdigest()[:12]


def _span_dict(span: Span, source_id: str) -> dict[str, Any]:
    quote: Any = span.quote
    if "\n" in quote or "\t" in quote or "  " in quote:
        quote = DoubleQuotedScalarString(quote)
    item: dict[str, Any] = {
        EvidenceKey.SOURCE.value: source_id,
        EvidenceKey.QUOTE.value: quote,
        EvidenceKey.START.value: span.start,
        EvidenceKey.END.value: span.end,
    }
    if span.note:
        item[EvidenceKey.NOTE.value] = span.note
    return item


def _node_dict(node: DraftNode, source_id: str) -> dict[str, Any]:
    item: dict[str, Any] = {Attr.ID.value: node.id, Attr.KIND.value: node.kind.value, Attr.LABEL.value: node.label}
    if node.process is not None:
        item[Attr.PROCESS.value] = node.process.value
    if node.phase is not None:
        item[Attr.PHASE.value] = node.phase.value
    for name, value in node.record.items():
        if name not in item and value not in (None, [], ""):
            item[name] = list(value) if isinstance(value, list | tuple) else value
    if node.routes:
        known = [Route(r) for r in item.get(Attr.ROUTES.value, [])]
        item[Attr.ROUTES.value] = [r.value for r in dict.fromkeys([*known, *node.routes])]
    if node.evidence:
        item[Attr.EVIDENCE.value] = [_span_dict(span, source_id) for span in node.evidence]
    if node.note:
        item[Attr.NOTE.value] = node.note
    if node.status is not None:
        item[Attr.STATUS.value] = node.status.value
    return item


def _relation_dict(relation: DraftRelation, source_id: str) -> dict[str, Any]:
    item: dict[str, Any] = {
        Attr.ID.value: relation.id,
        "from": relation.source,
        Attr.RELATION.value: relation.relation.value,
        "to": relation.target,
    }
    if relation.mechanism is not None:
        item[Attr.MECHANISM.value] = relation.mechanism.value
    if relation.measurable_in:
        item[Attr.MEASURABLE_IN.value] = [m.value for m in relation.measurable_in]
    if relation.negated:
        item[Attr.NEGATED.value] = True
    if relation.hedged:
        item[Attr.HEDGED.value] = True
    item[Attr.EVIDENCE.value] = [_span_dict(span, source_id) for span in relation.evidence]
    item[Attr.NOTE.value] = relation.note
    item[Attr.STATUS.value] = relation.status.value
    item[Attr.CONFIDENCE.value] = relation.confidence
    return item


def dump_document(document: Mapping[str, Any]) -> str:
    """A document as YAML text (block style, keys in order, long lines kept whole)."""
    yaml = YAML()
    yaml.width = 1_000_000
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.allow_unicode = True
    buffer = StringIO()
    buffer.write("# A draft written by `mechgraph extract`: review each relation (status: accepted or rejected).\n")
    yaml.dump(dict(document), buffer)
    return buffer.getvalue()


# -- reading a draft back ---------------------------------------------------------------------

_FLAG = re.compile(r'(cue|negated|hedged) \(?((?:"[^"]*"(?:, )?)+)\)?')


def _parse_note(note: str | None) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    if not note or not note.startswith(NOTE_MARKER):
        return (), (), (), ((note,) if note else ())
    cues: tuple[str, ...] = ()
    hedges: tuple[str, ...] = ()
    negations: tuple[str, ...] = ()
    remarks: list[str] = []
    for part in note[len(NOTE_MARKER) :].split("; "):
        part = part.strip()
        match = _FLAG.fullmatch(part)
        if not match:
            if part:
                remarks.append(part)
            continue
        words = tuple(re.findall(r'"([^"]*)"', match.group(2)))
        if match.group(1) == "cue":
            cues = words
        elif match.group(1) == "hedged":
            hedges = words
        else:
            negations = words
    return cues, hedges, negations, tuple(remarks)


def _spans(items: Iterable[Mapping[str, Any]]) -> tuple[Span, ...]:
    out = []
    for item in items:
        if item.get("start") is None or item.get("quote") is None:
            continue
        out.append(Span(int(item["start"]), int(item["end"]), str(item["quote"]), None, item.get("note")))
    return tuple(out)


def draft_from_document(document: Mapping[str, Any], text: str) -> Draft:
    """A :class:`Draft` from a native document (as written by :meth:`Draft.to_document`) and its text.

    The document is validated first; :class:`~mechgraph.errors.DataError` lists its problems.
    """
    from ..validation import validate_data

    report = validate_data(document)
    # The text is given here, not read from the document's path: check the offsets against it.
    problems = [p for p in report.problems if p.rule not in ("source-text", "quote")]
    if problems:
        raise DataError(problems)
    sources = document.get("sources") or []
    if len(sources) != 1:
        raise MechgraphError("a draft cites exactly one source text")
    source_id = str(sources[0]["id"])
    nodes = []
    for item in document.get("nodes", []):
        record = {k: v for k, v in item.items() if k not in {"id", "kind", "label", "process", "phase", "evidence", "note", "status"}}
        status = Status(item["status"]) if item.get("status") else None
        nodes.append(
            DraftNode(
                id=item["id"],
                kind=NodeKind(item["kind"]),
                label=item["label"],
                candidate=status is not None,
                status=status,
                process=ProcessKind(item["process"]) if item.get("process") else None,
                phase=OutcomePhase(item["phase"]) if item.get("phase") else None,
                record=record,
                evidence=_spans(item.get("evidence", [])),
                note=item.get("note"),
            )
        )
    relations = []
    for index, item in enumerate(document.get("relations", [])):
        for position, span in enumerate(_spans(item.get("evidence", []))):
            if text[span.start : span.end] != span.quote:
                where = f"relations[{index}].evidence[{position}]"
                raise DataError([Problem(None, None, None, where, f"characters {span.start}-{span.end} of the text are not the quote", "quote")])
        cues, hedges, negations, remarks = _parse_note(item.get("note"))
        # The fields decide (a reviewer may have set or cleared them); the note's words explain.
        if item.get(Attr.NEGATED.value) is not None:
            negations = (negations or ("negated",)) if item[Attr.NEGATED.value] else ()
        if item.get(Attr.HEDGED.value) is not None:
            hedges = (hedges or ("hedged",)) if item[Attr.HEDGED.value] else ()
        evidence = _spans(item.get("evidence", []))
        relation = Relation(item["relation"])
        relations.append(
            DraftRelation(
                id=item.get("id") or relation_key(item["from"], relation, item["to"], bool(negations), evidence[0].start if evidence else 0),
                source=item["from"],
                relation=relation,
                target=item["to"],
                confidence=float(item.get("confidence", 0.5)),
                evidence=evidence,
                status=Status(item.get("status", "candidate")),
                mechanism=Mechanism(item["mechanism"]) if item.get("mechanism") else None,
                measurable_in=tuple(Measurability(m) for m in item.get("measurable_in", [])),
                cues=cues,
                hedges=hedges,
                negations=negations,
                remarks=remarks,
            )
        )
    return Draft(
        source_id=source_id,
        text=text,
        title=str(document.get("title", "Draft")),
        nodes=tuple(nodes),
        relations=tuple(relations),
        sentences=tuple(split_sentences(text)),
        source_title=sources[0].get("title"),
    )


def read_draft(path: str | Path) -> Draft:
    """Read a draft file written by :meth:`Draft.write` (or by ``mechgraph extract -o``).

    The file must validate (``mechgraph validate``): :class:`~mechgraph.errors.DataError` lists
    its problems otherwise.
    """
    from ..graph import validate_file

    path = Path(path)
    report = validate_file(path)
    if not report.ok:
        raise DataError(report.problems)
    parsed = parse_yaml(read_text_file(path), file=str(path))
    sources = parsed.data.get("sources") or []
    if len(sources) != 1 or not sources[0].get("text"):
        raise DataError([Problem(str(path), None, None, "sources", "a draft cites exactly one source text ('text: ...')", "bad-value")])
    text = read_text_file(path.resolve().parent / sources[0]["text"])
    return draft_from_document(parsed.data, text)
