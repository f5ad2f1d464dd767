"""The in-memory store: a networkx graph behind the :class:`~mechgraph.store.GraphStore` questions."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import networkx as nx

from ..query import reach
from .base import RelationRow

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

    def reach(self, nodes: Iterable[str], depth: int | None, direction: str) -> dict[str, int]:
        return reach(self.graph, list(nodes), depth=depth, direction=direction)

    def subgraph(self, nodes: Iterable[str]) -> nx.MultiDiGraph:
        return induced(self.graph, nodes)

    def name_candidates(self, name: str) -> nx.MultiDiGraph:
        return self.graph

    def names_graph(self) -> nx.MultiDiGraph:
        return self.graph

    def filter_candidates(
        self,
        *,
        kinds: frozenset[str] | None,
        relations: frozenset[str] | None,
        signs: frozenset[int] | None,
        mechanisms: frozenset[str] | None,
        edge_filter: bool,
    ) -> nx.MultiDiGraph:
        return self.graph

    def close(self) -> None:
        pass
