"""Gold annotations, and the precision and recall of a draft against one.

A gold file (``data/gold/*.gold.yaml``, format in docs/extract.md) names a text, the nodes an
annotator expects (each with the curated ids and the words of the text that may name it) and
the relations (source, sign, target). A drafted relation is correct when its source and target
map to gold nodes and its sign is the gold sign; ``optional`` gold relations count as correct
when drafted and are not missed when absent. Negated relations are scored apart: a drafted
relation flagged as negated asserts nothing, so it is neither a hit nor a false positive.

>>> gold = read_gold(bundled_gold_dir() / "cyclosporine.gold.yaml")
>>> gold.split, len(gold.required)
('dev', 7)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from ..errors import DataError, Problem
from ..resources import data_dir
from ..vocabulary import Mechanism, Route
from ..yamltext import parse_yaml, read_text_file
from .draft import Draft
from .tokens import key_of, without_brackets

__all__ = ["Gold", "GoldRelation", "Score", "bundled_gold_dir", "gold_files", "read_gold", "score_draft"]

_SIGNS = {"+": 1, "-": -1, "0": 0}
_LEADING = frozenset("its their his her this these those that some other".split())


def _as_list(value: object) -> object:
    return [value] if isinstance(value, str) else value


Ends = Annotated[list[str], BeforeValidator(_as_list)]


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid")
    ids: list[str] | None = None
    mentions: list[str] = Field(default_factory=list)


class _Relation(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)
    source: Ends = Field(alias="from")
    sign: Literal["+", "-", "0"]
    target: Ends = Field(alias="to")
    optional: bool = False
    hedged: bool = False
    negated: bool = False
    mechanism: Mechanism | None = None
    note: str | None = None


class _Route(BaseModel):
    model_config = ConfigDict(extra="forbid")
    agent: str
    route: Route


class _File(BaseModel):
    model_config = ConfigDict(extra="forbid")
    gold: Literal[1]
    text: str
    split: Literal["dev", "heldout"]
    origin: dict[str, str] = Field(default_factory=dict)
    nodes: dict[str, _Node | None] = Field(default_factory=dict)
    relations: list[_Relation] = Field(default_factory=list)
    routes: list[_Route] = Field(default_factory=list)


@dataclass(frozen=True)
class GoldRelation:
    sources: tuple[str, ...]
    sign: int
    targets: tuple[str, ...]
    optional: bool = False
    hedged: bool = False
    negated: bool = False

    def __str__(self) -> str:
        symbol = {1: "+", -1: "-", 0: "0"}[self.sign]
        return f"{'|'.join(self.sources)} {symbol} {'|'.join(self.targets)}"


@dataclass(frozen=True)
class Gold:
    """One gold annotation: the text it annotates and the expected nodes, relations, routes."""

    file: Path
    text_path: Path
    split: str
    origin: dict[str, str]
    node_ids: dict[str, frozenset[str]]
    node_mentions: dict[str, frozenset[tuple[str, ...]]]
    relations: tuple[GoldRelation, ...]
    routes: frozenset[tuple[str, Route]]

    @property
    def name(self) -> str:
        return self.file.name.removesuffix(".gold.yaml")

    @property
    def required(self) -> tuple[GoldRelation, ...]:
        return tuple(r for r in self.relations if not r.optional and not r.negated)

    def text(self) -> str:
        return read_text_file(self.text_path)

    def gold_nodes(self, node_id: str, names: Iterable[str]) -> set[str]:
        """The gold nodes a drafted node (id, label and synonyms) stands for, its names compared as
        the mentions are written, in lower case ("protein kinase A" is the mention "protein kinase a")."""
        keys = {_mention_key(name) for name in names}
        return {gold for gold, ids in self.node_ids.items() if node_id in ids} | {gold for gold, mentions in self.node_mentions.items() if keys & mentions}


def _mention_key(text: str) -> tuple[str, ...]:
    """A mention's words without its bracketed short forms ("the expression of major histocompatibility complex
    (MHC) class I molecules": the whole name, not the words before the bracket)."""
    key = key_of(without_brackets(text).split(" (")[0].lower())
    while key and key[0] in _LEADING:
        key = key[1:]
    return key


def bundled_gold_dir() -> Path:
    """The folder of the gold annotations shipped with mechgraph (``data/gold``)."""
    return data_dir() / "gold"


def gold_files(folder: str | Path | None = None) -> list[Path]:
    """Every ``*.gold.yaml`` file of a folder (default: the bundled gold folder), sorted."""
    return sorted(Path(folder or bundled_gold_dir()).glob("*.gold.yaml"))


def read_gold(path: str | Path) -> Gold:
    """Read and check a gold annotation; DataError lists its problems with their lines."""
    path = Path(path)
    parsed = parse_yaml(read_text_file(path), file=str(path))
    try:
        document = _File.model_validate(parsed.data)
    except ValidationError as error:
        problems = []
        for detail in error.errors(include_url=False):
            where = parsed.locate(tuple(detail["loc"]))
            field_name = ".".join(str(p) for p in detail["loc"])
            problems.append(Problem(str(path), where and where[0], where and where[1], field_name, str(detail["msg"]), "gold"))
        raise DataError(problems) from None
    nodes = {key: node or _Node() for key, node in document.nodes.items()}
    problems = []
    for index, relation in enumerate(document.relations):
        for end in (*relation.source, *relation.target):
            if end not in nodes:
                where = parsed.locate(("relations", index))
                problems.append(Problem(str(path), where and where[0], None, f"relations.{index}", f"unknown gold node {end!r}: list it under 'nodes'", "gold"))
    if problems:
        raise DataError(problems)
    return Gold(
        file=path,
        text_path=(path.parent / document.text).resolve(),
        split=document.split,
        origin=document.origin,
        node_ids={key: frozenset(node.ids if node.ids is not None else [key]) for key, node in nodes.items()},
        node_mentions={key: frozenset(_mention_key(m) for m in node.mentions) for key, node in nodes.items()},
        relations=tuple(GoldRelation(tuple(r.source), _SIGNS[r.sign], tuple(r.target), r.optional, r.hedged, r.negated) for r in document.relations),
        routes=frozenset((route.agent, route.route) for route in document.routes),
    )


@dataclass
class Score:
    """How a draft compares with a gold annotation."""

    name: str
    predicted: int = 0  # drafted relations that are not negated (distinct source, sign, target)
    correct: int = 0  # of which match a gold relation (required or optional)
    required: int = 0
    found: int = 0  # required gold relations matched
    false_positives: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    negated_expected: int = 0
    negated_found: int = 0
    routes_expected: int = 0
    routes_found: int = 0
    routes_predicted: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.required if self.required else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def score_draft(draft: Draft, gold: Gold) -> Score:
    """Score a draft's relations (source, target and sign) and routes against a gold annotation.

    >>> from mechgraph.extract import extract_text
    >>> gold = read_gold(bundled_gold_dir() / "cyclosporine.gold.yaml")
    >>> score = score_draft(extract_text(gold.text(), source_id="c"), gold)
    >>> 0.0 <= score.precision <= 1.0 and score.required == 7
    True
    """
    names = {node.id: [node.label, *node.record.get("synonyms", [])] for node in draft.nodes}
    mapped = {node_id: gold.gold_nodes(node_id, labels) for node_id, labels in names.items()}
    score = Score(gold.name, required=len(gold.required))
    matched: set[GoldRelation] = set()
    predictions = {(r.source, int(r.sign), r.target, r.negated) for r in draft.relations}
    for source, sign, target, negated in sorted(predictions):
        sources, targets = mapped.get(source, set()), mapped.get(target, set())
        hits = [g for g in gold.relations if g.sign == sign and g.negated == negated and sources & set(g.sources) and targets & set(g.targets)]
        if negated:
            if hits:
                score.negated_found += 1
            continue
        score.predicted += 1
        if hits:
            score.correct += 1
            matched.update(hits)
        else:
            symbol = {1: "+", -1: "-", 0: "0"}[sign]
            score.false_positives.append(f"{source} {symbol} {target}")
    score.found = sum(1 for g in gold.required if g in matched)
    score.misses = [str(g) for g in gold.required if g not in matched]
    score.negated_expected = sum(1 for g in gold.relations if g.negated)
    drafted_routes = {(node.id, route) for node in draft.nodes for route in node.routes}
    score.routes_predicted = len(drafted_routes)
    score.routes_expected = len(gold.routes)
    score.routes_found = sum(1 for agent, route in gold.routes if any(route == r and agent in mapped.get(n, set()) for n, r in drafted_routes))
    return score
