"""mechgraph's queries asked of a store, with the same answers as on the graph in memory.

Each function fetches from the store the one region of the graph its answer can depend on, and
runs the query function of :mod:`mechgraph.query` on that region:

- a neighbourhood within ``depth`` relations (and :func:`reach`, :func:`upstream`,
  :func:`downstream`): the nodes a breadth-first walk reaches, and the relations among them. A
  shortest walk to a node passes only nodes nearer still, so the walk over the region finds the
  same nodes at the same distances;
- signed paths from ``source`` to ``target`` of at most ``max_length`` relations: the nodes ``v``
  with ``d(source, v) + d(v, target) <= max_length``. Every node of such a path is one of them,
  and the distances the path search uses are the same inside the region (the nodes on a shortest
  way to the target satisfy the bound too), so the ranking, the context rules and the answer are
  those of the whole graph;
- effects of an agent: the nodes within ``max_length`` relations downstream, and the relations
  among them (every relation a path of the search can take, and every one its context check reads);
- a perturbation: the nodes within ``max_length + 1`` relations downstream of the nodes given
  (the extra step is the phases a reached node leads into);
- a filter: the nodes and relations that pass the kind, relation, sign and mechanism tests, which
  the store applies in its own query language, then every filter in memory;
- search and name resolution: the nodes a name may stand for (an indexed lookup) or, for fuzzy
  search, every node's names, loaded once per store.

On a :class:`~mechgraph.store.MemoryStore` the regions are the graph itself.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

import networkx as nx

from ..errors import NodeNotFound, QueryError
from ..query import Effect, Match, PathReport, filter_graph, resolve_node
from ..query import effects as graph_effects
from ..query import neighbourhood as graph_neighbourhood
from ..query import reach as graph_reach
from ..query import search as graph_search
from ..query import signed_paths as graph_signed_paths
from ..query._common import as_sign
from ..query.perturb import Perturbation
from ..query.perturb import perturb as graph_perturb
from ..query.search import closest_nodes
from ..vocabulary import Direction
from .base import GraphStore, Pushdown
from .memory import MemoryStore

__all__ = [
    "Capped",
    "check_node",
    "downstream",
    "effects",
    "effects_graph",
    "effects_region",
    "filter_capped",
    "filter_store",
    "neighbourhood",
    "neighbourhood_capped",
    "neighbourhood_graph",
    "path_nodes",
    "path_region",
    "paths_graph",
    "perturb",
    "reach",
    "resolve",
    "search",
    "search_graph",
    "signed_paths",
    "upstream",
]


def _whole(store: GraphStore) -> nx.MultiDiGraph | None:
    return store.graph if isinstance(store, MemoryStore) else None


def check_node(store: GraphStore, node: object) -> str:
    """``node`` when the store has it; else :class:`~mechgraph.errors.NodeNotFound` naming the closest."""
    if isinstance(node, str) and store.node(node) is not None:
        return node
    raise NodeNotFound(str(node), closest_nodes(store.names_graph(), str(node)))


def _nodes(store: GraphStore, nodes: str | Iterable[str]) -> list[str]:
    items = [nodes] if isinstance(nodes, str) else list(nodes)
    return list(dict.fromkeys(check_node(store, node) for node in items))


def resolve(store: GraphStore, name: str) -> str:
    """The node ``name`` stands for, as :func:`mechgraph.query.resolve_node` decides."""
    try:
        return resolve_node(store.name_candidates(name), name)
    except NodeNotFound:
        return resolve_node(store.names_graph(), name)  # raises, naming the closest nodes


def search(store: GraphStore, text: str, *, limit: int = 10) -> list[Match]:
    """:func:`mechgraph.query.search` over the store's nodes (scoring only the names that can
    rank: :class:`~mechgraph.store.fuzzy.FuzzyIndex`)."""
    whole = _whole(store)
    if whole is not None:
        return graph_search(whole, text, limit=limit)
    return store.fuzzy().search(text, limit=limit)


def reach(store: GraphStore, nodes: str | Iterable[str], *, depth: int | None = 1, direction: Direction | str = Direction.BOTH) -> dict[str, int]:
    """:func:`mechgraph.query.reach` on the store."""
    whole = _whole(store)
    if whole is not None:
        return graph_reach(whole, nodes, depth=depth, direction=direction)
    start = _nodes(store, nodes)
    region = _region(store, start, depth, direction)
    return graph_reach(region, start, depth=depth, direction=direction)


def neighbourhood(store: GraphStore, nodes: str | Iterable[str], *, depth: int | None = 1, direction: Direction | str = Direction.BOTH) -> nx.MultiDiGraph:
    """:func:`mechgraph.query.neighbourhood` on the store."""
    whole = _whole(store)
    if whole is not None:
        return graph_neighbourhood(whole, nodes, depth=depth, direction=direction)
    start = _nodes(store, nodes)
    return graph_neighbourhood(_region(store, start, depth, direction), start, depth=depth, direction=direction)


def upstream(store: GraphStore, node: str, *, depth: int | None = None) -> nx.MultiDiGraph:
    """:func:`mechgraph.query.upstream` on the store."""
    return neighbourhood(store, [check_node(store, node)], depth=depth, direction=Direction.UP)


def downstream(store: GraphStore, node: str, *, depth: int | None = None) -> nx.MultiDiGraph:
    """:func:`mechgraph.query.downstream` on the store."""
    return neighbourhood(store, [check_node(store, node)], depth=depth, direction=Direction.DOWN)


def _region(store: GraphStore, start: list[str], depth: int | None, direction: Direction | str) -> nx.MultiDiGraph:
    if not _valid_length(depth, minimum=0, allow_none=True) or not start:
        return store.subgraph(start)  # the query function then says what is wrong
    try:
        way = Direction(direction).value
    except ValueError:
        return store.subgraph(start)
    return store.subgraph(store.reach(start, depth, way))


def _valid_length(value: object, *, minimum: int, allow_none: bool = False) -> bool:
    if value is None:
        return allow_none
    return isinstance(value, int) and not isinstance(value, bool) and value >= minimum


def path_region(store: GraphStore, source: str, target: str, max_length: int) -> nx.MultiDiGraph:
    """The nodes on some path of at most ``max_length`` relations from ``source`` to ``target``
    (``d(source, v) + d(v, target) <= max_length``), both ends, and the relations among them
    (the nodes are :func:`path_nodes`)."""
    return store.subgraph(path_nodes(store, source, target, max_length))


def path_nodes(store: GraphStore, source: str, target: str, max_length: int) -> list[str]:
    """The ends and the nodes on some path of at most ``max_length`` relations from ``source``
    to ``target`` (``d(source, v) + d(v, target) <= max_length``), found without fetching any.

    Two breadth-first walks, forwards from ``source`` and backwards from ``target``, advance a
    level at a time, the one with the smaller frontier first, until one of them has gone
    ``max_length`` levels (or run out). The other then goes on expanding only the nodes that
    can still lie on such a path: it never walks the whole ball around its end. A node left
    unexpanded lies on no such path, and every node of one is reached through nodes of one, at
    its true distance.
    """
    sides = {
        "down": ({source: 0}, [source]),  # distances from the source, frontier
        "up": ({target: 0}, [target]),  # distances to the target, frontier
    }
    levels = {"down": 0, "up": 0}

    def done(way: str) -> bool:
        return levels[way] >= max_length or not sides[way][1]

    while not done("down") and not done("up"):
        way = "down" if len(sides["down"][1]) <= len(sides["up"][1]) else "up"
        _advance(store, sides[way], way, levels, None)
    finished = "down" if done("down") else "up"
    other = "up" if finished == "down" else "down"
    known = sides[finished][0]
    while not done(other):
        _advance(store, sides[other], other, levels, lambda node, level: node in known and level + known[node] <= max_length)
    from_source, to_target = sides["down"][0], sides["up"][0]
    nodes = [node for node, distance in from_source.items() if node in to_target and distance + to_target[node] <= max_length]
    return [*dict.fromkeys([source, target, *nodes])]


def _advance(
    store: GraphStore,
    side: tuple[dict[str, int], list[str]],
    way: str,
    levels: dict[str, int],
    expand: Callable[[str, int], bool] | None,
) -> None:
    """One level more of a breadth-first walk (``expand``: which frontier nodes to walk on from)."""
    distance, frontier = side
    level = levels[way]
    walked = frontier if expand is None else [node for node in frontier if expand(node, level)]
    following = [node for node in store.step(walked, way) if node not in distance] if walked else []
    distance.update(dict.fromkeys(following, level + 1))
    frontier[:] = following
    levels[way] = level + 1


def signed_paths(store: GraphStore, source: str, target: str, *, k: int = 5, max_length: int = 6, mixed_context: bool = False) -> PathReport:
    """:func:`mechgraph.query.signed_paths` on the store."""
    whole = _whole(store)
    if whole is not None:
        return graph_signed_paths(whole, source, target, k=k, max_length=max_length, mixed_context=mixed_context)
    source, target = check_node(store, source), check_node(store, target)
    if not _valid_length(max_length, minimum=1) or source == target:
        region = store.subgraph([source, target])
    else:
        region = path_region(store, source, target, max_length)
    return graph_signed_paths(region, source, target, k=k, max_length=max_length, mixed_context=mixed_context)


def effects_region(store: GraphStore, nodes: Iterable[str], max_length: int) -> nx.MultiDiGraph:
    """The nodes within ``max_length`` relations downstream of ``nodes`` and the relations among them."""
    return store.subgraph(store.reach(nodes, max_length, Direction.DOWN.value))


def effects(store: GraphStore, agent: str, *, max_length: int = 6, mixed_context: bool = False) -> dict[str, list[Effect]]:
    """:func:`mechgraph.query.effects` on the store."""
    whole = _whole(store)
    if whole is not None:
        return graph_effects(whole, agent, max_length=max_length, mixed_context=mixed_context)
    agent = check_node(store, agent)
    region = effects_region(store, [agent], max_length) if _valid_length(max_length, minimum=1) else store.subgraph([agent])
    return graph_effects(region, agent, max_length=max_length, mixed_context=mixed_context)


def perturb(
    store: GraphStore,
    agents: str | Iterable[str] = (),
    *,
    block: str | Iterable[str] = (),
    max_length: int = 6,
    mixed_context: bool = False,
) -> Perturbation:
    """:func:`mechgraph.query.perturb.perturb` on the store."""
    whole = _whole(store)
    if whole is not None:
        return graph_perturb(whole, agents, block=block, max_length=max_length, mixed_context=mixed_context)
    given, blocked = _nodes(store, agents), _nodes(store, block)
    nodes = [*given, *blocked]
    if _valid_length(max_length, minimum=1) and nodes:
        region = effects_region(store, nodes, max_length + 1)
    else:
        region = store.subgraph(nodes)
    return graph_perturb(region, given, block=blocked, max_length=max_length, mixed_context=mixed_context)


def filter_store(store: GraphStore, **filters: Any) -> nx.MultiDiGraph:
    """:func:`mechgraph.query.filter_graph` on the store (the same keyword arguments).

    The kinds of nodes, and the relation, sign and mechanism of relations, are tested by the
    store; every filter is then applied again in memory to what it returned.
    """
    whole = _whole(store)
    if whole is not None:
        return filter_graph(whole, **filters)
    return filter_graph(store.filter_candidates(_pushdown(filters)), **filters)


def _pushdown(filters: dict[str, Any]) -> Pushdown:
    """What of ``filters`` a store tests itself (after checking every value: a bad one raises QueryError)."""
    filter_graph(nx.MultiDiGraph(), **filters)
    signs = filters.get("signs")
    relation_level = ("relations", "signs", "mechanisms", "measurable_in", "sources")
    return Pushdown(
        kinds=_strings(filters.get("kinds")),
        relations=_strings(filters.get("relations")),
        signs=None if signs is None else frozenset(int(as_sign(sign)) for sign in ([signs] if isinstance(signs, (int, str)) else signs)),
        mechanisms=_strings(filters.get("mechanisms")),
        edge_filter=any(filters.get(name) is not None for name in relation_level) or bool(filters.get("context")),
        exact=all(value is None or name in _PUSHED for name, value in filters.items()),
    )


#: The filters a store tests itself (:class:`~mechgraph.store.base.Pushdown`).
_PUSHED = frozenset({"kinds", "relations", "signs", "mechanisms"})


@dataclass(frozen=True)
class Capped:
    """An answer cut at a size: ``graph`` holds at most ``limit`` of what the answer is counted in
    (relations, or nodes); ``complete`` is False when the cap left some out (say so to the reader)."""

    graph: nx.MultiDiGraph
    complete: bool
    limit: int


def filter_capped(store: GraphStore, limit: int, **filters: Any) -> Capped:
    """:func:`filter_store`'s answer cut at ``limit``: the first ``limit`` relations that pass, in
    the graph's order, and their ends; with node filters only, the first ``limit`` nodes that pass
    and the relations among them. The store reads only as far as the cap needs.

    The same on every store: on a :class:`MemoryStore`, the whole answer of
    :func:`mechgraph.query.filter_graph`, then its first ``limit`` relations (or nodes).
    """
    _check_limit(limit)
    candidates, complete = store.first_passing(_pushdown(filters), limit, lambda graph: filter_graph(graph, **filters))
    return Capped(filter_graph(candidates, **filters), complete, limit)


def neighbourhood_capped(
    store: GraphStore, nodes: str | Iterable[str], *, depth: int | None = 1, direction: Direction | str = Direction.BOTH, max_nodes: int
) -> Capped:
    """:func:`neighbourhood` cut at ``max_nodes`` nodes: the first ``max_nodes`` nodes of the
    breadth-first walk of :func:`mechgraph.query.reach` (nearest first, then in the graph's order)
    and every relation among them. A walk around a hub stops at the cap instead of reading the
    tens of thousands of nodes two relations around it."""
    _check_limit(max_nodes)
    start = _nodes(store, nodes)
    if not _valid_length(depth, minimum=0, allow_none=True) or not start:
        return Capped(graph_neighbourhood(store.subgraph(start), start, depth=depth, direction=direction), True, max_nodes)
    try:
        way = Direction(direction).value
    except ValueError:
        return Capped(graph_neighbourhood(store.subgraph(start), start, depth=depth, direction=direction), True, max_nodes)  # raises
    found = store.reach(start, depth, way, max_nodes + 1)
    kept = list(found)[:max_nodes]
    region = store.subgraph(kept)
    return Capped(graph_neighbourhood(region, [node for node in start if node in region], depth=depth, direction=direction), len(found) <= max_nodes, max_nodes)


def _check_limit(limit: object) -> None:
    if not _valid_length(limit, minimum=1):
        raise QueryError(f"a cap must be a whole number of at least 1, not {limit!r}")


def _strings(values: Iterable[object] | str | None) -> frozenset[str] | None:
    if values is None:
        return None
    items = [values] if isinstance(values, (str, Enum)) else list(values)
    return frozenset(str(item.value) if isinstance(item, Enum) else str(item) for item in items)


# -- graphs for the commands ---------------------------------------------------------------------
# A command resolves the names it was given, queries, and prints labels: each function below
# returns a graph on which it does all that exactly as on the whole graph. The names are resolved
# against the store first (so a name that fits no node, or several, fails as it would in memory),
# and every node a name could stand for is added without relations, so that resolving the name
# again on the returned graph picks the same node.


def _with_names(store: GraphStore, region: nx.MultiDiGraph, names: Iterable[str]) -> nx.MultiDiGraph:
    for name in names:
        for node, data in store.name_candidates(name).nodes(data=True):
            if node not in region:
                region.add_node(node, **data)
    return region


def search_graph(store: GraphStore) -> nx.MultiDiGraph:
    """A graph on which :func:`mechgraph.query.search` finds what it finds on the store."""
    whole = _whole(store)
    return whole if whole is not None else store.names_graph()


def neighbourhood_graph(store: GraphStore, names: Iterable[str], *, depth: int | None, direction: Direction | str) -> nx.MultiDiGraph:
    """A graph on which the nodes ``names`` stand for have the neighbourhood they have in the store."""
    whole = _whole(store)
    if whole is not None:
        return whole
    names = list(names)
    start = [resolve(store, name) for name in names]
    return _with_names(store, _region(store, start, depth, direction), names)


def paths_graph(store: GraphStore, source: str, target: str, *, max_length: int) -> nx.MultiDiGraph:
    """A graph with the signed paths (either context rule) between the nodes the two names stand for."""
    whole = _whole(store)
    if whole is not None:
        return whole
    ends = resolve(store, source), resolve(store, target)
    region = path_region(store, *ends, max_length) if _valid_length(max_length, minimum=1) and ends[0] != ends[1] else store.subgraph(ends)
    return _with_names(store, region, (source, target))


def effects_graph(store: GraphStore, agents: Iterable[str], *, max_length: int, beyond: int = 0) -> nx.MultiDiGraph:
    """A graph with what the nodes ``agents`` name reach within ``max_length`` relations (and
    ``beyond`` more: 1 for a perturbation, which reads the phases one relation further)."""
    whole = _whole(store)
    if whole is not None:
        return whole
    agents = list(agents)
    start = [resolve(store, name) for name in agents]
    region = effects_region(store, start, max_length + beyond) if _valid_length(max_length, minimum=1) else store.subgraph(start)
    return _with_names(store, region, agents)
