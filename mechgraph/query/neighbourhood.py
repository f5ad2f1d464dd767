"""Neighbourhoods: what lies within k relations of some nodes, upstream, downstream or both.

A neighbourhood is the subgraph induced by the nodes reached: every relation among them is kept,
as in :func:`networkx.ego_graph`. ``Direction.BOTH`` walks relations either way at each step, so
at depth 2 it reaches the other agents that act on a shared target.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx

from ..errors import QueryError
from ..vocabulary import Direction
from ._common import assemble, check_length, check_node, node_list, require_multidigraph

__all__ = ["downstream", "neighbourhood", "reach", "upstream"]


def reach(
    graph: nx.MultiDiGraph,
    nodes: str | Iterable[str],
    *,
    depth: int | None = 1,
    direction: Direction | str = Direction.BOTH,
) -> dict[str, int]:
    """The nodes within ``depth`` relations of ``nodes``, each with its distance (breadth first).

    Parameters
    ----------
    graph : networkx.MultiDiGraph
    nodes : str or iterable of str
        One node id or several; each is at distance 0.
    depth : int or None
        How many relations to walk; None walks as far as the graph goes.
    direction : Direction or str
        ``down`` follows relations, ``up`` walks them backwards, ``both`` does either.

    Returns
    -------
    dict
        Node id to distance, in the order reached.

    Examples
    --------
    >>> g = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("d", "b")])
    >>> reach(g, "b", direction="down")
    {'b': 0, 'c': 1}
    >>> reach(g, "c", depth=None, direction="up")
    {'c': 0, 'b': 1, 'a': 2, 'd': 2}
    >>> reach(g, "a", depth=2)
    {'a': 0, 'b': 1, 'c': 2, 'd': 2}
    """
    require_multidigraph(graph)
    check_length(depth, "depth", minimum=0, allow_none=True)
    way = _direction(direction)
    start = node_list(graph, nodes)
    adjacency = [graph._succ] if way is Direction.DOWN else [graph._pred] if way is Direction.UP else [graph._succ, graph._pred]
    distance = dict.fromkeys(start, 0)
    frontier = start
    level = 0
    while frontier and (depth is None or level < depth):
        level += 1
        following: list[str] = []
        for node in frontier:
            for neighbours in adjacency:
                for neighbour in neighbours[node]:
                    if neighbour not in distance:
                        distance[neighbour] = level
                        following.append(neighbour)
        frontier = following
    return distance


def neighbourhood(
    graph: nx.MultiDiGraph,
    nodes: str | Iterable[str],
    *,
    depth: int | None = 1,
    direction: Direction | str = Direction.BOTH,
) -> nx.MultiDiGraph:
    """The subgraph of the nodes within ``depth`` relations of ``nodes``, and the relations among them.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A mechgraph graph; it is not modified.
    nodes : str or iterable of str
        One node id or several.
    depth : int or None
        How many relations to walk (0: the nodes themselves); None: no limit.
    direction : Direction or str
        ``up`` (what leads to the nodes), ``down`` (what they lead to) or ``both``.

    Returns
    -------
    networkx.MultiDiGraph

    Raises
    ------
    NodeNotFound
        A node id that is not in the graph (the message names the closest ones).

    Examples
    --------
    >>> g = nx.MultiDiGraph([("drug", "target"), ("target", "process"), ("other", "target")])
    >>> sorted(neighbourhood(g, "target"))
    ['drug', 'other', 'process', 'target']
    >>> sorted(neighbourhood(g, "drug", depth=1, direction="down"))
    ['drug', 'target']
    >>> sorted(neighbourhood(g, ["drug", "process"], depth=0))
    ['drug', 'process']
    """
    return assemble(graph, reach(graph, nodes, depth=depth, direction=direction))


def upstream(graph: nx.MultiDiGraph, node: str, *, depth: int | None = None) -> nx.MultiDiGraph:
    """What leads to ``node``: the nodes with a path to it (within ``depth`` relations) and their relations.

    Examples
    --------
    >>> g = nx.MultiDiGraph([("drug", "target"), ("target", "process"), ("process", "outcome")])
    >>> sorted(upstream(g, "process"))
    ['drug', 'process', 'target']
    >>> sorted(upstream(g, "process", depth=1))
    ['process', 'target']
    """
    return neighbourhood(graph, [check_node(graph, node)], depth=depth, direction=Direction.UP)


def downstream(graph: nx.MultiDiGraph, node: str, *, depth: int | None = None) -> nx.MultiDiGraph:
    """What ``node`` leads to: the nodes it has a path to (within ``depth`` relations) and their relations.

    Examples
    --------
    >>> g = nx.MultiDiGraph([("drug", "target"), ("target", "process"), ("process", "outcome")])
    >>> list(downstream(g, "target").edges())
    [('target', 'process'), ('process', 'outcome')]
    """
    return neighbourhood(graph, [check_node(graph, node)], depth=depth, direction=Direction.DOWN)


def _direction(value: Direction | str) -> Direction:
    try:
        return Direction(value)
    except ValueError:
        raise QueryError(f"unknown direction {value!r}: expected up, down or both") from None
