"""What the query layer needs of a graph store.

A store answers small questions (a node's attributes, the relations of a few nodes, one
breadth-first walk, the nodes a name may stand for) and hands back small networkx graphs;
:mod:`mechgraph.store.queries` runs mechgraph's own query functions on those, so every store
answers exactly as the in-memory graph does. :class:`~mechgraph.store.MemoryStore` wraps a
networkx graph (the default for files); :class:`~mechgraph.store.LadybugStore` reads an embedded
Ladybug database written by ``mechgraph import``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import networkx as nx

if TYPE_CHECKING:
    from .fuzzy import FuzzyIndex

__all__ = ["GraphStore", "Pushdown", "RelationRow"]

#: One relation seen from a node: (the other node, the relation's key, its attributes).
RelationRow = tuple[str, Any, Mapping[str, Any]]


@dataclass(frozen=True)
class Pushdown:
    """The part of a filter a store tests itself: the kinds of nodes (of both ends of a relation),
    the relation, its effective sign, its mechanism (``unspecified`` for none); None is no test.
    With ``edge_filter`` (some relation filter is asked) only the nodes of passing relations are
    wanted. Every filter is applied again in memory to what the store returns."""

    kinds: frozenset[str] | None = None
    relations: frozenset[str] | None = None
    signs: frozenset[int] | None = None
    mechanisms: frozenset[str] | None = None
    edge_filter: bool = False
    #: nothing else is asked: whatever passes these tests passes the filter
    exact: bool = False

    def parameters(self) -> dict[str, Any]:
        """The query parameters of the tests asked (lists, named as the fields)."""
        tests = {"kinds": self.kinds, "relations": self.relations, "signs": self.signs, "mechanisms": self.mechanisms}
        return {name: sorted(values) for name, values in tests.items() if values is not None}


@runtime_checkable
class GraphStore(Protocol):
    """The questions a store answers; every graph it returns is new and the caller's to keep."""

    def counts(self) -> tuple[int, int]:
        """(nodes, relations)."""
        ...

    def graph_attributes(self) -> dict[str, Any]:
        """The graph's own attributes (title, sources, ...)."""
        ...

    def node(self, node: str) -> dict[str, Any] | None:
        """The attributes of ``node``, or None when the store has no such node."""
        ...

    def successors(self, node: str) -> list[RelationRow]:
        """The relations out of ``node``, in the graph's order."""
        ...

    def predecessors(self, node: str) -> list[RelationRow]:
        """The relations into ``node`` (the other node is the relation's source)."""
        ...

    def step(self, nodes: Sequence[str], direction: str) -> list[str]:
        """The nodes one relation from ``nodes`` (down, up or both), each once."""
        ...

    def reach(self, nodes: Iterable[str], depth: int | None, direction: str, limit: int | None = None) -> dict[str, int]:
        """Every node within ``depth`` relations of ``nodes`` (up, down or both) with its distance,
        in the order of :func:`mechgraph.query.reach`; with ``limit``, its first ``limit`` nodes."""
        ...

    def subgraph(self, nodes: Iterable[str]) -> nx.MultiDiGraph:
        """The nodes given (those the store has), in the graph's order, and every relation among them."""
        ...

    def name_candidates(self, name: str) -> nx.MultiDiGraph:
        """A graph holding at least every node one of whose names is ``name`` ignoring case or
        has its search key (what :func:`~mechgraph.query.resolve_node` can pick without guessing)."""
        ...

    def names_graph(self) -> nx.MultiDiGraph:
        """Every node with only the attributes it is searched by, in the graph's order."""
        ...

    def fuzzy(self) -> FuzzyIndex:
        """The typo-tolerant search over every node's names (:func:`mechgraph.query.search`)."""
        ...

    def filter_candidates(self, pushdown: Pushdown) -> nx.MultiDiGraph:
        """A graph holding every node and relation that may pass a filter on the values of ``pushdown``."""
        ...

    def first_passing(self, pushdown: Pushdown, limit: int, passing: Callable[[nx.MultiDiGraph], nx.MultiDiGraph]) -> tuple[nx.MultiDiGraph, bool]:
        """A graph holding the first ``limit`` relations in the graph's order that ``passing`` (a
        filter that keeps what passes) keeps, and their ends; without ``pushdown.edge_filter``, the
        first ``limit`` nodes it keeps and the relations among them. And whether nothing else passes."""
        ...

    def close(self) -> None: ...
