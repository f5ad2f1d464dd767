"""One exception hierarchy for mechgraph, and the Problem record that validation reports.

A message always says where (file, line, column, field), what was found and what was expected.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

__all__ = [
    "DataError",
    "FormatError",
    "MechgraphError",
    "Problem",
    "ReadError",
    "StoreError",
]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a graph file.

    >>> str(Problem("g.yaml", 12, 5, "nodes[3].kind", "unknown kind 'drug'", "schema"))
    "g.yaml:12:5: nodes[3].kind: unknown kind 'drug'"
    """

    file: str | None
    line: int | None  # 1-based
    column: int | None  # 1-based
    field: str  # dotted path, e.g. relations[4].evidence[0].quote
    message: str
    rule: str  # short rule name, e.g. dangling-reference
    #: The same place as a tuple of keys and indexes, e.g. ("relations", 4, "evidence", 0, "quote"),
    #: for code that acts on the problem (empty when the problem is not about one field).
    path: tuple[str | int, ...] = ()

    def __str__(self) -> str:
        where = ":".join(str(part) for part in (self.file, self.line, self.column) if part is not None)
        parts = [part for part in (where, self.field, self.message) if part]
        return ": ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        item = asdict(self)
        item["path"] = list(self.path)
        return item


class MechgraphError(Exception):
    """Base of every error mechgraph raises on purpose."""


class ReadError(MechgraphError):
    """A file could not be read at all (missing, not a file, not text, too large)."""


class DataError(MechgraphError):
    """A graph file was read but its content is invalid. Carries every problem found."""

    def __init__(self, problems: Iterable[Problem], summary: str | None = None) -> None:
        self.problems: Sequence[Problem] = tuple(problems)
        first = str(self.problems[0]) if self.problems else "invalid data"
        more = len(self.problems) - 1
        text = summary or first + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else "")
        super().__init__(text)


class FormatError(ReadError):
    """No registered format reads or writes a file (unknown extension or content), or the chosen
    format cannot do what was asked (e.g. writing a read-only format)."""


class WriteError(MechgraphError):
    """A file could not be written (folder missing, no permission, disk full)."""


class OutputExists(WriteError):
    """The output file exists and overwriting was not asked for."""


class ExportError(MechgraphError):
    """An export cannot be made as asked (unknown format, empty view, bad size...)."""


class StoreRefused(MechgraphError):
    """A stored graph came back that this server will not read (forged, tampered, too large, old)."""


class QueryError(MechgraphError, ValueError):
    """A query cannot be answered as asked: an unknown filter value, a bad depth or length."""


class NodeNotFound(QueryError):
    """No node has this id, label, synonym or identifier; the message lists the closest matches.

    >>> str(NodeNotFound("cyclosporin", [("cyclosporine", "Cyclosporine")]))
    "no node named 'cyclosporin'; closest: cyclosporine (Cyclosporine)"
    """

    def __init__(self, name: str, closest: Sequence[tuple[str, str]] = ()) -> None:
        self.name = name
        self.closest: tuple[tuple[str, str], ...] = tuple(closest)
        hint = "; closest: " + _choices(self.closest) if self.closest else " and no node is close to it"
        super().__init__(f"no node named {name!r}{hint}")


class AmbiguousNode(QueryError):
    """A name fits several nodes equally well; the message lists them.

    >>> str(AmbiguousNode("TNF", [("tnf", "TNF-alpha"), ("tnf_gene", "TNF gene")]))
    "'TNF' could name several nodes: tnf (TNF-alpha), tnf_gene (TNF gene); name one by its id"
    """

    def __init__(self, name: str, candidates: Sequence[tuple[str, str]]) -> None:
        self.name = name
        self.candidates: tuple[tuple[str, str], ...] = tuple(candidates)
        super().__init__(f"{name!r} could name several nodes: {_choices(self.candidates)}; name one by its id")


def _choices(nodes: Sequence[tuple[str, str]]) -> str:
    return ", ".join(f"{node} ({label})" if label and label != node else node for node, label in nodes)


__all__ += ["AmbiguousNode", "NodeNotFound", "QueryError"]


class StoreError(MechgraphError):
    """A graph cannot be written to, or read from, a database (the message says which item or file)."""
