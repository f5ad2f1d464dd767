"""Repairing an imported document until the native rules accept it: a value they refuse is moved
to the record's ``extra`` (or its evidence note) and counted, never claimed and never lost silently."""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..errors import DataError, Problem
from ..model import MAX_EXTRA_CHARS, MAX_EXTRA_KEY, extra_problem
from ..validation import Report, validate_data
from ..vocabulary import NodeKind
from ._io import Input
from ._values import dumps_compact, join_note, json_safe, shallow
from .mapping import process_for

__all__ = ["Repairs"]


def _place(path: tuple[str | int, ...]) -> tuple[str, int, str | None, int | None, str | None] | None:
    """Where a problem of the native rules lies in a document: (section, index, field, position,
    inner field), e.g. ("relations", 3, "evidence", 0, "quote"); None above the records.

    >>> _place(("relations", 3, "evidence", 0, "quote")), _place(("nodes", 1)), _place(("title",))
    (('relations', 3, 'evidence', 0, 'quote'), ('nodes', 1, None, None, None), None)
    """
    if len(path) < 2 or path[0] not in ("sources", "nodes", "relations") or not isinstance(path[1], int):
        return None
    rest = list(path[2:])
    name: str | None = None
    position: int | None = None
    inner: str | None = None
    part = rest.pop(0) if rest else None
    if isinstance(part, str):
        name, part = part, (rest.pop(0) if rest else None)
    if isinstance(part, int):
        position, part = part, (rest.pop(0) if rest else None)
    if isinstance(part, str):
        inner = part
    return str(path[0]), path[1], name, position, inner


class Repairs:
    """The repair steps of :class:`~mechgraph.formats._build.GraphBuilder` (a mixin: it uses the
    builder's input, its sources and its ``dropped`` counts)."""

    inp: Input
    dropped: Counter[str]
    _sources: dict[str, dict[str, Any]]

    def _import_evidence(self, where: str, sentences: list[str] | None = None, databases: list[str] | None = None) -> list[dict[str, Any]]:
        raise NotImplementedError

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
            item["note"] = join_note(item.get("note"), f"quote ({reason}, not checked): “{item.pop('quote')}”")
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
            source["note"] = join_note(source.get("note"), f"its text was {reason}: quotes kept as notes, not checked")
            self.dropped["source text not found (its quotes kept as notes)"] += 1
            return True
        if source.get("url"):
            source["note"] = join_note(source.get("note"), f"url refused: {source.pop('url')}")
            source.setdefault("title", source["id"])
            self.dropped["source url that is not an http(s) URL (kept as text in the source's note)"] += 1
            return True
        return False

    def _bounded(self, extra: dict[str, Any], what: str) -> dict[str, Any]:
        """An ``extra`` map within the model's bounds (so the native file that keeps it reads
        back): maps and lists nested too deep become JSON text; a name too long, or the largest
        values while the map is too large (e.g. INDRA's statement JSON), are dropped and counted."""
        if extra_problem(extra) is None:
            return extra
        bounded = {key: shallow(value, 1) for key, value in extra.items() if 1 <= len(key) <= MAX_EXTRA_KEY}
        self.dropped[f"{what} attribute with a name over {MAX_EXTRA_KEY} characters"] += len(extra) - len(bounded)
        while bounded and extra_problem(bounded) is not None:
            largest = max(bounded, key=lambda key: len(dumps_compact(bounded[key])))
            del bounded[largest]
            self.dropped[f"{what} attribute too large to keep in extra (over {MAX_EXTRA_CHARS:,} characters in all)"] += 1
        return bounded
