"""User lexicon files (``mechgraph extract --lexicon FILE``): names and cue verbs a user adds to
what the extractor recognises, read and checked as YAML (every problem named with its line)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from ..errors import DataError, Problem
from ..identifiers import check_curie
from ..vocabulary import Attr, NodeKind, OutcomePhase, ProcessKind, Relation
from ..yamltext import parse_yaml, read_text_file
from .lexicon import LexiconEntry, UserCue, UserLexicon, slug

__all__ = ["read_user_lexicon"]


_Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]


class _UserEntry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]*$", max_length=200)] | None = None
    label: _Name
    kind: NodeKind
    synonyms: list[_Name] = Field(default_factory=list)
    identifiers: list[_Name] = Field(default_factory=list)
    process: ProcessKind | None = None
    phase: OutcomePhase | None = None


class _UserCue(BaseModel):
    model_config = ConfigDict(extra="forbid")
    verb: _Name
    relation: Relation
    reverse: bool = False


class _UserFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    lexicon: Literal[1] = Field(alias="mechgraph-lexicon")
    entries: list[_UserEntry] = Field(default_factory=list)
    cues: list[_UserCue] = Field(default_factory=list)
    ignore: list[_Name] = Field(default_factory=list)


def read_user_lexicon(path: str | Path) -> UserLexicon:
    """Read and validate a user lexicon file (format: docs/extract.md, "User lexicon").

    Raises :class:`~mechgraph.errors.ReadError` if the file cannot be read and
    :class:`~mechgraph.errors.DataError` listing every problem (file, line, field) if it is
    invalid.
    """
    name = str(path)
    parsed = parse_yaml(read_text_file(path), file=name)
    if not isinstance(parsed.data, dict):
        raise DataError([Problem(name, 1, 1, "", "a lexicon file is a mapping: 'mechgraph-lexicon: 1', 'entries', 'cues', 'ignore'", "bad-value")])
    try:
        document = _UserFile.model_validate(parsed.data)
    except ValidationError as error:
        problems = []
        for detail in error.errors(include_url=False):
            loc = tuple(detail["loc"])
            where = parsed.locate(loc)
            field_name = ".".join(str(p) if isinstance(p, str) else f"[{p}]" for p in loc).replace(".[", "[")
            message = str(detail.get("msg", "invalid value")).removeprefix("Value error, ")
            if detail["type"] == "missing":
                message = f"required field {loc[-1]!r} is missing"
                if loc == ("mechgraph-lexicon",):
                    message = "the file must start with 'mechgraph-lexicon: 1'"
            elif detail["type"] == "extra_forbidden":
                message = f"unknown field {loc[-1]!r}"
            elif detail["type"] == "enum":
                message = f"unknown value {detail.get('input')!r}: expected one of {detail.get('ctx', {}).get('expected', '')}"
            problems.append(Problem(name, where[0] if where else None, where[1] if where else None, field_name, message, "lexicon"))
        raise DataError(problems) from None
    problems = []
    entries: list[LexiconEntry] = []
    synonyms: dict[str, tuple[str, ...]] = {}
    seen: set[str] = set()
    for index, item in enumerate(document.entries):
        node_id = item.id or slug(item.label)
        where = parsed.locate(("entries", index))
        if node_id in seen:
            problems.append(Problem(name, where and where[0], where and where[1], f"entries[{index}].id", f"duplicate id {node_id!r}", "lexicon"))
        if (item.process is None) == (item.kind is NodeKind.PROCESS) and item.kind is NodeKind.PROCESS:
            problems.append(Problem(name, where and where[0], where and where[1], f"entries[{index}]", "an entry of kind 'process' needs 'process'", "lexicon"))
        if item.process is not None and item.kind is not NodeKind.PROCESS:
            problems.append(
                Problem(
                    name, where and where[0], where and where[1], f"entries[{index}].process", "'process' applies only to entries of kind 'process'", "lexicon"
                )
            )
        if item.phase is not None and item.kind is not NodeKind.OUTCOME:
            problems.append(
                Problem(name, where and where[0], where and where[1], f"entries[{index}].phase", "'phase' applies only to entries of kind 'outcome'", "lexicon")
            )
        for position, curie in enumerate(item.identifiers):
            trouble = check_curie(curie)
            if trouble:
                at = parsed.locate(("entries", index, "identifiers", position)) or where
                problems.append(Problem(name, at and at[0], at and at[1], f"entries[{index}].identifiers[{position}]", trouble, "lexicon"))
        seen.add(node_id)
        record: dict[str, Any] = {}
        if item.synonyms:
            record[Attr.SYNONYMS.value] = list(item.synonyms)
        if item.identifiers:
            record[Attr.IDENTIFIERS.value] = list(item.identifiers)
        if item.process:
            record[Attr.PROCESS.value] = item.process.value
        if item.phase:
            record[Attr.PHASE.value] = item.phase.value
        entries.append(LexiconEntry(node_id, item.kind, item.label, "user", process=item.process, phase=item.phase, record=record))
        synonyms[node_id] = tuple(item.synonyms)
    if problems:
        raise DataError(problems)
    cues = tuple(UserCue(cue.verb, cue.relation, cue.reverse) for cue in document.cues)
    return UserLexicon(tuple(entries), synonyms, cues, tuple(document.ignore), name)
