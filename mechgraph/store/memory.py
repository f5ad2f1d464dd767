"""The in-memory store: a networkx graph behind the :class:`~mechgraph.store.GraphStore` questions."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import islice
from typing import Any

import networkx as nx

from ..query import reach
from .base import Pushdown, RelationRow
from .fuzzy import FuzzyIndex

__all__ = ["MemoryStore", "induced"]


def induced(graph: nx.MultiDiGraph, nodes: Iterable[str]) -> nx.MultiDiGraph:
    """A new graph of ``nodes`` (those ``graph`` has, in its order) and every relation among them,
    attributes copied.

    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "a")])
    >>> sorted(induced(g, ["c", "a", "zz"]).edges())
    [('c', 'a')]
    """
    wanted = set(nodes)
    result = nx.MultiDiGraph()
    result.graph.update(graph.graph)
    result.add_nodes_from((node, data.copy()) for node, data in graph.nodes(data=True) if node in wanted)
    result.add_edges_from((u, v, key, data.copy()) for u, v, key, data in graph.edges(keys=True, data=True) if u in wanted and v in wanted)
    return result


class MemoryStore:
    """A networkx graph as a store. It keeps the graph given (not a copy) and never changes it.

    >>> from mechgraph.graph import read_graph
    >>> store = MemoryStore(read_graph())
    >>> store.node("cyclosporine")["kind"]
    'agent'
    """

    def __init__(self, graph: nx.MultiDiGraph) -> None:
        self.graph = graph
        self._fuzzy: FuzzyIndex | None = None

    def counts(self) -> tuple[int, int]:
        return self.graph.number_of_nodes(), self.graph.number_of_edges()

    def graph_attributes(self) -> dict[str, Any]:
        return dict(self.graph.graph)

    def node(self, node: str) -> dict[str, Any] | None:
        data = self.graph._node.get(node) if isinstance(node, str) else None
        return None if data is None else dict(data)

    def successors(self, node: str) -> list[RelationRow]:
        return [(v, key, data) for v, keydict in self.graph._succ[node].items() for key, data in keydict.items()]

    def predecessors(self, node: str) -> list[RelationRow]:
        return [(u, key, data) for u, keydict in self.graph._pred[node].items() for key, data in keydict.items()]

    def step(self, nodes: Sequence[str], direction: str) -> list[str]:
        rows = [self.graph._succ] if direction == "down" else [self.graph._pred] if direction == "up" else [self.graph._succ, self.graph._pred]
        return list(dict.fromkeys(other for node in nodes for row in rows for other in row[node]))

    def reach(self, nodes: Iterable[str], depth: int | None, direction: str, limit: int | None = None) -> dict[str, int]:
        found = reach(self.graph, list(nodes), depth=depth, direction=direction)
        return found if limit is None else dict(islice(found.items(), limit))

    def subgraph(self, nodes: Iterable[str]) -> nx.MultiDiGraph:
        return induced(self.graph, nodes)

    def name_candidates(self, name: str) -> nx.MultiDiGraph:
        return self.graph

    def names_graph(self) -> nx.MultiDiGraph:
        return self.graph

    def fuzzy(self) -> FuzzyIndex:
        if self._fuzzy is None:
            self._fuzzy = FuzzyIndex(self.graph)
        return self._fuzzy

    def filter_candidates(self, pushdown: Pushdown) -> nx.MultiDiGraph:
        return self.graph

    def first_passing(self, pushdown: Pushdown, limit: int, passing: Callable[[nx.MultiDiGraph], nx.MultiDiGraph]) -> tuple[nx.MultiDiGraph, bool]:
        found = passing(self.graph)
        if not pushdown.edge_filter:
            return induced(self.graph, islice(found, limit)), found.number_of_nodes() <= limit
        kept = set(islice(found.edges(keys=True), limit))
        ends = {end for edge in kept for end in edge[:2]}
        result = nx.MultiDiGraph()
        result.graph.update(self.graph.graph)
        result.add_nodes_from((node, data.copy()) for node, data in self.graph.nodes(data=True) if node in ends)
        result.add_edges_from((u, v, key, data.copy()) for u, v, key, data in self.graph.edges(keys=True, data=True) if (u, v, key) in kept)
        return result, found.number_of_edges() <= limit

    def close(self) -> None:
        pass
