"""What the query layer needs of a graph store.

A store answers small questions (a node's attributes, the relations of a few nodes, one
breadth-first walk, the nodes a name may stand for) and hands back small networkx graphs;
:mod:`mechgraph.store.queries` runs mechgraph's own query functions on those, so every store
answers exactly as the in-memory graph does. :class:`~mechgraph.store.MemoryStore` wraps a
networkx graph (the default for files); :class:`~mechgraph.store.LadybugStore` reads an embedded
Ladybug database written by ``mechgraph import``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

import networkx as nx

__all__ = ["GraphStore", "RelationRow"]

#: One relation seen from a node: (the other node, the relation's key, its attributes).
RelationRow = tuple[str, Any, Mapping[str, Any]]


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

    def reach(self, nodes: Iterable[str], depth: int | None, direction: str) -> dict[str, int]:
        """Every node within ``depth`` relations of ``nodes`` (up, down or both) with its distance."""
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

    def filter_candidates(
        self,
        *,
        kinds: frozenset[str] | None,
        relations: frozenset[str] | None,
        signs: frozenset[int] | None,
        mechanisms: frozenset[str] | None,
        edge_filter: bool,
    ) -> nx.MultiDiGraph:
        """A graph holding every node and relation that may pass a filter on these values (the
        kinds of nodes, and of both ends of a relation; the relation, its effective sign, its
        mechanism, ``unspecified`` for none). With ``edge_filter`` only the nodes of passing
        relations are needed."""
        ...

    def close(self) -> None: ...
