"""Data overlay: measured values on the nodes, and how far a perturbation agrees with them.

A table of values (CSV or TSV) names nodes in one column (id, label, synonym or identifier, read
as :func:`~mechgraph.query.resolve_node` reads a name) and gives a value in another, centred on
0 (a log fold change, a z-score, a difference), optionally with a p-value. Reading it
(:func:`parse_overlay`) checks every cell and names the file, line and column of whatever is
wrong; mapping it onto a graph (:func:`map_overlay`) keeps every row that names no node, or
several, or a node an earlier row already gave, in :attr:`Overlay.unused` with the reason: no
row is dropped silently.

Consistency (the idea of CausalPath: does the graph explain the data?):

- A measured **change** is a value of at least ``threshold`` in size whose p-value, when the
  table has one, is at most ``alpha``; its sign is the value's. Other measured values say "no
  change" and count neither way.
- A **node** is consistent when a perturbation predicts it up or down and the measured change
  has that sign, inconsistent when the signs differ. A node predicted "conflicting" is
  ambiguous, and a measured change the perturbation does not reach is unexplained.
- A **relation** u -> v (signed) is consistent when ``sign(u) * sign(relation) == sign(v)``,
  where a node's sign is its measured change, or its given sign for a perturbed node. Only
  relations with a sign at both ends count.
- The **score** is consistent / (consistent + inconsistent), for nodes and for relations.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("a", label="A"); g.add_node("b", label="B", synonyms=["beta"]); g.add_node("c", label="C")
>>> _ = g.add_edge("a", "b", key="r1", relation="activates", sign=1)
>>> _ = g.add_edge("b", "c", key="r2", relation="inhibits", sign=-1)
>>> table = parse_overlay("name,log2fc,p\\nbeta,1.5,0.01\\nC,-2,0.001\\nzzz,3,0.01\\n", file="t.csv")
>>> overlay = map_overlay(g, table)
>>> sorted(overlay.values), [(row.line, row.reason) for row in overlay.unused]
(['b', 'c'], [(4, "no node named 'zzz'")])
>>> report = consistency(g, overlay)
>>> report.relation_score, [r.id for r in report.consistent_relations]
(1.0, ['r2'])
"""

from __future__ import annotations

import csv
import io
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import AmbiguousNode, DataError, NodeNotFound, Problem, QueryError
from ..yamltext import read_text_file
from ._common import edge_sign, label_of, require_multidigraph
from .perturb import Perturbation, Response
from .search import build_search_index

__all__ = [
    "Consistency",
    "Measurement",
    "Overlay",
    "OverlayTable",
    "RelationCheck",
    "UnusedRow",
    "consistency",
    "map_overlay",
    "parse_overlay",
    "read_overlay",
]

#: The most data rows a table may have.
MAX_ROWS = 200_000
#: Problems reported before giving up on a table.
_MAX_PROBLEMS = 20
#: The most characters in one cell.
_MAX_CELL = 1_000

#: Column names (compared without case, spaces, dashes or underscores) for each role, best first.
KEY_COLUMNS = ("id", "node", "nodeid", "label", "name", "synonym", "identifier", "gene", "genesymbol", "symbol", "protein", "feature")
VALUE_COLUMNS = ("value", "log2fc", "log2foldchange", "logfc", "lfc", "logfoldchange", "zscore", "z", "score", "change", "difference")
P_COLUMNS = ("p", "pvalue", "pval", "padj", "adjpvalue", "adjustedpvalue", "fdr", "qvalue", "q")

_NAMING_FIELDS = ("id", "label", "synonym", "identifier")  # as resolve_node tries them
_SQUASH = re.compile(r"[\s_\-.()]+")


@dataclass(frozen=True, slots=True)
class Measurement:
    """One row of a table: the name as written, its value and p-value, where it was."""

    line: int
    name: str
    value: float
    p_value: float | None = None


@dataclass(frozen=True, slots=True)
class OverlayTable:
    """A table as read, before it meets a graph."""

    file: str
    key_column: str
    value_column: str
    p_column: str | None
    rows: tuple[Measurement, ...]


@dataclass(frozen=True, slots=True)
class UnusedRow:
    """A row that set no node's value, and why."""

    line: int
    name: str
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "name": self.name, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Overlay:
    """A table mapped onto a graph: each node's measurement, and the rows that set none."""

    table: OverlayTable
    values: Mapping[str, Measurement]
    unused: tuple[UnusedRow, ...]

    @property
    def mapped_share(self) -> float:
        """The share of rows that set a node's value (1.0 for an empty table)."""
        total = len(self.table.rows)
        return (total - len(self.unused)) / total if total else 1.0

    @property
    def limit(self) -> float:
        """The largest absolute value, for a colour scale (1.0 when there is none)."""
        return max((abs(m.value) for m in self.values.values()), default=0.0) or 1.0

    def sign(self, node: str, *, alpha: float = 0.05, threshold: float = 0.0) -> int | None:
        """+1 or -1 for a measured change, 0 for a value that is no change, None when unmeasured."""
        found = self.values.get(node)
        if found is None:
            return None
        return _change(found, alpha, threshold)

    def to_dict(self) -> dict[str, Any]:
        return {
            "file": self.table.file,
            "columns": {"key": self.table.key_column, "value": self.table.value_column, "p_value": self.table.p_column},
            "rows": len(self.table.rows),
            "mapped": len(self.table.rows) - len(self.unused),
            "mapped_share": round(self.mapped_share, 4),
            "values": {node: {"line": m.line, "name": m.name, "value": m.value, "p_value": m.p_value} for node, m in self.values.items()},
            "unused": [row.to_dict() for row in self.unused],
        }


def _change(measurement: Measurement, alpha: float, threshold: float) -> int:
    if measurement.p_value is not None and measurement.p_value > alpha:
        return 0
    if abs(measurement.value) < threshold or measurement.value == 0:
        return 0
    return 1 if measurement.value > 0 else -1


def read_overlay(path: str | Path, *, key: str | None = None, value: str | None = None, p_value: str | None = None) -> OverlayTable:
    """Read a CSV or TSV file of node values (see :func:`parse_overlay`).

    Raises ReadError for a file that cannot be read (missing, binary, too large) and DataError,
    naming each line and column, for content that is wrong.
    """
    text = read_text_file(path)
    return parse_overlay(text, file=str(path), key=key, value=value, p_value=p_value)


def parse_overlay(text: str, *, file: str = "<overlay>", key: str | None = None, value: str | None = None, p_value: str | None = None) -> OverlayTable:
    """Read a table of node values from text.

    The first line that is neither blank nor a ``#`` comment is the header. The delimiter is a
    tab when the header has one, else a semicolon when it has one and no comma, else a comma.
    Columns are found by name (``key``, ``value``, ``p_value`` choose them; else the first of
    :data:`KEY_COLUMNS`, :data:`VALUE_COLUMNS`, :data:`P_COLUMNS` present, the key defaulting
    to the first column). Values must be finite numbers, p-values numbers from 0 to 1 (an empty
    p-value cell means none).

    Raises
    ------
    DataError
        Every problem found (up to 20), each naming the file, line and column.
    """
    lines = text.splitlines()
    header_index = next((index for index, line in enumerate(lines) if line.strip() and not line.lstrip().startswith("#")), None)
    if header_index is None:
        raise DataError([Problem(file, None, None, "header", "no header line: expected a header such as 'id,value,p_value'", "overlay")])
    header_line = lines[header_index]
    delimiter = "\t" if "\t" in header_line else ";" if ";" in header_line and "," not in header_line else ","
    reader = csv.reader(io.StringIO(text), delimiter=delimiter, strict=True)
    problems: list[Problem] = []
    rows: list[Measurement] = []
    header: list[str] | None = None
    columns: tuple[int, int, int | None] = (0, 0, None)
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record) or record[0].lstrip().startswith("#"):
                continue
            if header is None:
                header = [cell.strip() for cell in record]
                columns = _columns(header, file, line, key, value, p_value)
                continue
            if len(rows) >= MAX_ROWS:
                raise DataError([Problem(file, line, None, "rows", f"more than {MAX_ROWS:,} rows: split the table", "overlay")])
            row = _row(record, header, columns, file, line, problems)
            if row is not None:
                rows.append(row)
            if len(problems) >= _MAX_PROBLEMS:
                break
    except csv.Error as error:
        problems.append(Problem(file, reader.line_num, None, "row", f"malformed {'TSV' if delimiter == chr(9) else 'CSV'}: {error}", "overlay"))
    if problems:
        raise DataError(problems)
    assert header is not None
    key_index, value_index, p_index = columns
    return OverlayTable(file, header[key_index], header[value_index], header[p_index] if p_index is not None else None, tuple(rows))


def _squash(name: str) -> str:
    return _SQUASH.sub("", name.casefold())


def _columns(header: list[str], file: str, line: int, key: str | None, value: str | None, p_value: str | None) -> tuple[int, int, int | None]:
    squashed = [_squash(name) for name in header]
    if len(set(squashed)) != len(squashed):
        twice = sorted({header[i] for i, name in enumerate(squashed) if squashed.count(name) > 1})
        raise DataError([Problem(file, line, None, "header", f"column name(s) {', '.join(map(repr, twice))} given twice", "overlay")])

    def find(chosen: str | None, names: Sequence[str], role: str) -> int | None:
        if chosen is not None:
            wanted = _squash(chosen)
            if wanted not in squashed:
                raise DataError(
                    [Problem(file, line, None, "header", f"no {role} column {chosen!r}; the columns are {', '.join(map(repr, header))}", "overlay")]
                )
            return squashed.index(wanted)
        return next((squashed.index(name) for name in names if name in squashed), None)

    value_index = find(value, VALUE_COLUMNS, "value")
    p_index = find(p_value, P_COLUMNS, "p-value")
    key_index = find(key, KEY_COLUMNS, "key")
    if key_index is None:
        key_index = next((index for index in range(len(header)) if index not in (value_index, p_index)), 0)
    if value_index is None:
        raise DataError([Problem(file, line, None, "header",
                                 f"no value column: name one {', '.join(VALUE_COLUMNS[:4])}... or choose it (--value-column); the columns are {', '.join(map(repr, header))}",
                                 "overlay")])  # fmt: skip
    if key_index in (value_index, p_index):
        raise DataError([Problem(file, line, None, "header", "the key column must differ from the value and p-value columns", "overlay")])
    return key_index, value_index, p_index


def _row(record: list[str], header: list[str], columns: tuple[int, int, int | None], file: str, line: int, problems: list[Problem]) -> Measurement | None:
    key_index, value_index, p_index = columns
    if len(record) != len(header):
        problems.append(Problem(file, line, None, "row", f"{len(record)} cells where the header has {len(header)}", "overlay"))
        return None
    if max(map(len, record)) > _MAX_CELL:
        index = next(index for index, cell in enumerate(record) if len(cell) > _MAX_CELL)
        problems.append(Problem(file, line, index + 1, header[index], f"a cell of {len(record[index]):,} characters (at most {_MAX_CELL:,})", "overlay"))
        return None
    name = record[key_index].strip()
    if not name:
        problems.append(
            Problem(file, line, key_index + 1, header[key_index], "empty name: every row needs a node's id, label, synonym or identifier", "overlay")
        )
        return None
    try:  # the common case first: a plain finite number
        number = float(record[value_index])
    except ValueError:
        number = None
    if number is None or not math.isfinite(number):
        _number(record[value_index], file, line, value_index, header[value_index], problems)
        return None
    p = None
    if p_index is not None and record[p_index].strip():
        p = _number(record[p_index], file, line, p_index, header[p_index], problems)
        if p is None:
            return None
        if not 0 <= p <= 1:
            problems.append(Problem(file, line, p_index + 1, header[p_index], f"p-value {record[p_index].strip()!r} is outside 0 to 1", "overlay"))
            return None
    return Measurement(line, name, number, p)


def _number(cell: str, file: str, line: int, index: int, column: str, problems: list[Problem]) -> float | None:
    text = cell.strip()
    try:
        number = float(text)
    except ValueError:
        shown = text if len(text) <= 40 else text[:40] + "..."
        problems.append(Problem(file, line, index + 1, column, f"{shown!r} is not a number", "overlay"))
        return None
    if not math.isfinite(number):
        problems.append(Problem(file, line, index + 1, column, f"{text!r} is not a finite number", "overlay"))
        return None
    return number


def map_overlay(graph: nx.MultiDiGraph, table: OverlayTable) -> Overlay:
    """Map each row of ``table`` to a node of ``graph``, as :func:`~mechgraph.query.resolve_node`
    reads names (id as written; then, ignoring case, id, label, synonym, identifier; then the
    same by search key). A row naming no node, several, or a node an earlier row set, is kept
    in :attr:`Overlay.unused` with the reason."""
    require_multidigraph(graph)
    index = build_search_index(graph)
    values: dict[str, Measurement] = {}
    unused: list[UnusedRow] = []
    for row in table.rows:
        try:
            node = _resolve(graph, index, row.name)
        except (NodeNotFound, AmbiguousNode) as error:
            reason = f"no node named {row.name!r}" if isinstance(error, NodeNotFound) else str(error)
            unused.append(UnusedRow(row.line, row.name, reason))
            continue
        earlier = values.get(node)
        if earlier is not None:
            unused.append(UnusedRow(row.line, row.name, f"names {node}, already given by line {earlier.line}"))
            continue
        values[node] = row
    return Overlay(table, values, tuple(unused))


def _resolve(graph: nx.MultiDiGraph, index: Any, name: str) -> str:
    if name in graph._node:
        return name
    for lookup in (index.exact, index.same_key):  # the search key only when no name fits as written
        by_field = lookup(name)
        for naming in _NAMING_FIELDS:
            found = by_field.get(naming)
            if found:
                if len(found) > 1:
                    raise AmbiguousNode(name, [(node, label_of(graph, node)) for node in found])
                return str(found[0])
    raise NodeNotFound(name)


@dataclass(frozen=True, slots=True)
class RelationCheck:
    """A signed relation with a sign at both ends, and whether the signs fit."""

    id: str
    source: str
    target: str
    sign: int
    source_sign: int
    target_sign: int

    @property
    def consistent(self) -> bool:
        return self.source_sign * self.sign == self.target_sign

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "from": self.source, "to": self.target, "sign": self.sign,
                "from_sign": self.source_sign, "to_sign": self.target_sign, "consistent": self.consistent}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Consistency:
    """How a graph (and a perturbation, when given) agrees with measured signs."""

    consistent_nodes: tuple[str, ...] = ()
    inconsistent_nodes: tuple[str, ...] = ()
    ambiguous_nodes: tuple[str, ...] = ()  # predicted conflicting, measured changed
    unexplained_nodes: tuple[str, ...] = ()  # measured changed, not reached by the perturbation
    unchanged_nodes: tuple[str, ...] = ()  # predicted up or down, measured without a change
    relations: tuple[RelationCheck, ...] = field(default=())
    alpha: float = 0.05
    threshold: float = 0.0

    @property
    def consistent_relations(self) -> tuple[RelationCheck, ...]:
        return tuple(check for check in self.relations if check.consistent)

    @property
    def inconsistent_relations(self) -> tuple[RelationCheck, ...]:
        return tuple(check for check in self.relations if not check.consistent)

    @property
    def node_score(self) -> float | None:
        """Consistent nodes over consistent and inconsistent ones (None when neither)."""
        judged = len(self.consistent_nodes) + len(self.inconsistent_nodes)
        return len(self.consistent_nodes) / judged if judged else None

    @property
    def relation_score(self) -> float | None:
        return len(self.consistent_relations) / len(self.relations) if self.relations else None

    def to_dict(self) -> dict[str, Any]:
        def rounded(score: float | None) -> float | None:
            return None if score is None else round(score, 4)

        return {
            "alpha": self.alpha,
            "threshold": self.threshold,
            "node_score": rounded(self.node_score),
            "relation_score": rounded(self.relation_score),
            "nodes": {
                "consistent": list(self.consistent_nodes),
                "inconsistent": list(self.inconsistent_nodes),
                "ambiguous": list(self.ambiguous_nodes),
                "unexplained": list(self.unexplained_nodes),
                "unchanged": list(self.unchanged_nodes),
            },
            "relations": {
                "consistent": [check.to_dict() for check in self.consistent_relations],
                "inconsistent": [check.to_dict() for check in self.inconsistent_relations],
            },
        }


def consistency(
    graph: nx.MultiDiGraph, overlay: Overlay, perturbation: Perturbation | None = None, *, alpha: float = 0.05, threshold: float = 0.0
) -> Consistency:
    """How the measured signs of ``overlay`` agree with ``graph`` and with ``perturbation``.

    See the module docstring for the rules. Without a perturbation only relations are judged;
    with one, relations are judged among the nodes it reaches and the nodes it perturbs.
    """
    require_multidigraph(graph)
    if not isinstance(alpha, (int, float)) or not 0 < alpha <= 1:
        raise QueryError(f"alpha must be a number above 0 and at most 1, not {alpha!r}")
    if not isinstance(threshold, (int, float)) or not threshold >= 0:
        raise QueryError(f"threshold must be a number of 0 or more, not {threshold!r}")
    measured = {node: _change(m, alpha, threshold) for node, m in overlay.values.items() if node in graph._node}
    signs = {node: sign for node, sign in measured.items() if sign}
    result: dict[str, list[str]] = {"consistent": [], "inconsistent": [], "ambiguous": [], "unexplained": [], "unchanged": []}
    scope: set[str] | None = None
    if perturbation is not None:
        for node, given in perturbation.given.items():
            signs[node] = int(given)
        scope = set(perturbation.given)
        for effect in perturbation.effects:
            scope.add(effect.node)
            seen = measured.get(effect.node)
            if seen is None:
                continue
            if seen == 0:
                if effect.status is not Response.CONFLICTING:
                    result["unchanged"].append(effect.node)
            elif effect.status is Response.CONFLICTING:
                result["ambiguous"].append(effect.node)
            elif (effect.status is Response.UP) == (seen > 0):
                result["consistent"].append(effect.node)
            else:
                result["inconsistent"].append(effect.node)
        result["unexplained"] = sorted(node for node, sign in measured.items() if sign and node not in scope)
    checks: list[RelationCheck] = []
    succ = graph._succ
    for u in sorted(signs):
        if scope is not None and u not in scope:
            continue
        for v, keydict in succ[u].items():
            if v not in signs or v == u or (scope is not None and v not in scope) or (perturbation is not None and v in perturbation.given):
                continue
            for key, data in keydict.items():
                sign = edge_sign(data)
                if sign:
                    checks.append(RelationCheck(str(key), u, v, sign, signs[u], signs[v]))
    checks.sort(key=lambda check: (check.source, check.target, check.id))
    return Consistency(
        tuple(result["consistent"]), tuple(result["inconsistent"]), tuple(result["ambiguous"]),
        tuple(result["unexplained"]), tuple(result["unchanged"]), tuple(checks), alpha, threshold,
    )  # fmt: skip
