"""The searches behind :func:`mechgraph.query.paths.signed_paths` and :func:`~mechgraph.query.paths.effects`:
exact integer weights, Yen's k shortest node paths (igraph) expanded into step paths, and the
context-keeping best-first searches (see the module docstring of :mod:`mechgraph.query.paths`)."""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple

import igraph
import networkx as nx

from ..vocabulary import Attr, Mechanism, Relation, Sign
from ._common import EVIDENCE, MECHANISM, RELATION, edge_sign
from .context import (
    AGENT_KEY,
    Gate,
    Signature,
    agent_gate,
    gate_open,
    signature,
    signatures_compatible,
    step_signature,
    step_signatures_compatible,
)
from .signed import SignedPath, Step

_EVIDENCE_CAP = 99  # citations counted per step; more than this ranks the same
_DIRECT, _INDIRECT = Mechanism.DIRECT.value, Mechanism.INDIRECT.value
_CONTEXT = Attr.CONTEXT.value


class _Weights:
    """Integer step weights whose sum over a path of at most ``max_length`` steps orders paths
    exactly by (length, unsigned steps, minus evidence)."""

    def __init__(self, max_length: int) -> None:
        self.unsigned_unit = (_EVIDENCE_CAP + 1) * max_length
        self.length_unit = self.unsigned_unit * (max_length + 1)

    def of(self, sign: int, evidence: int) -> int:
        unsigned = 1 if sign == 0 else 0
        return self.length_unit + self.unsigned_unit * unsigned + (_EVIDENCE_CAP - min(evidence, _EVIDENCE_CAP))


class _Option(NamedTuple):
    """One step between two nodes: its weight, the text of its best key (for ties), its keys."""

    weight: int
    text: str
    keys: tuple[Any, ...]


def _options(keydict: Mapping[Any, Mapping[str, Any]], weights: _Weights) -> list[_Option]:
    """The steps of parallel relations (one per sign, evidence summed), best first."""
    if len(keydict) == 1:  # the common case, without grouping
        ((key, data),) = keydict.items()
        return [_Option(weights.of(edge_sign(data), len(data.get(EVIDENCE) or ())), str(key), (key,))]
    by_sign: dict[int, list[tuple[int, str, Any]]] = {}
    for key, data in keydict.items():
        evidence = len(data.get(EVIDENCE) or ())
        by_sign.setdefault(edge_sign(data), []).append((-evidence, str(key), key))
    options = []
    for sign, members in by_sign.items():
        members.sort(key=lambda member: member[:2])
        evidence = -sum(member[0] for member in members)
        options.append(_Option(weights.of(sign, evidence), members[0][1], tuple(member[2] for member in members)))
    options.sort(key=lambda option: option[:2])
    return options


def _breadth_first(neighbours: Mapping[str, Iterable[str]], start: str, bound: int, keep: Callable[[str, int], bool] | None = None) -> dict[str, int]:
    """Each node reached from ``start`` along ``neighbours`` in at most ``bound`` steps, with its
    distance (breadth first, in the order reached); ``keep(node, distance)`` may refuse a node.

    >>> steps = {"a": ["b", "c"], "b": ["d"], "c": ["d"], "d": ["e"], "e": []}
    >>> _breadth_first(steps, "a", 2)
    {'a': 0, 'b': 1, 'c': 1, 'd': 2}
    >>> _breadth_first(steps, "a", 3, lambda node, distance: node != "b")
    {'a': 0, 'c': 1, 'd': 2, 'e': 3}
    """
    reached = {start: 0}
    frontier = [start]
    for level in range(1, bound + 1):
        following = []
        for node in frontier:
            for nxt in neighbours[node]:
                if nxt not in reached and (keep is None or keep(nxt, level)):
                    reached[nxt] = level
                    following.append(nxt)
        if not following:
            break
        frontier = following
    return reached


def _distances_to(graph: nx.MultiDiGraph, target: str, max_length: int) -> dict[str, int]:
    """Each node's distance to ``target`` (breadth first, backwards), up to ``max_length``."""
    return _breadth_first(graph._pred, target, max_length)


def _nodes_within(graph: nx.MultiDiGraph, source: str, to_target: Mapping[str, int], bound: int) -> list[str]:
    """The nodes on some walk of at most ``bound`` relations from ``source`` to the target."""

    def on_a_short_walk(node: str, level: int) -> bool:
        remaining = to_target.get(node)
        return remaining is not None and level + remaining <= bound

    return list(_breadth_first(graph._succ, source, bound, on_a_short_walk))


def nodes_on_short_paths(graph: nx.MultiDiGraph, source: str, target: str, max_length: int) -> list[str]:
    """The nodes on some walk of at most ``max_length`` relations from source to target (for the
    benchmark's notes: how much of the graph a path search can touch)."""
    to_target = _distances_to(graph, target, max_length)
    return _nodes_within(graph, source, to_target, max_length) if source in to_target else []


def _best_node_paths(
    graph: nx.MultiDiGraph,
    nodes: Sequence[str],
    source: str,
    target: str,
    k: int,
    bound: int,
    weights: _Weights,
    collapsed: dict[tuple[str, str], list[_Option]],
) -> list[tuple[str, ...]]:
    """The k best node paths of at most ``bound`` relations within ``nodes`` (parallel steps
    collapsed to the best of them)."""
    index = {node: position for position, node in enumerate(nodes)}
    edges: list[tuple[int, int]] = []
    edge_weights: list[int] = []
    succ = graph._succ
    for u in nodes:
        if u == target:
            continue
        for v, keydict in succ[u].items():
            if v in index and v != source and u != v:
                options = collapsed.get((u, v))
                if options is None:
                    options = collapsed[u, v] = _options(keydict, weights)
                edges.append((index[u], index[v]))
                edge_weights.append(options[0].weight)
    if not edges:
        return []
    small = igraph.Graph(n=len(nodes), edges=edges, directed=True)
    found = small.get_k_shortest_paths(index[source], to=index[target], k=k, mode="out", weights=edge_weights, output="vpath")
    return [tuple(nodes[i] for i in path) for path in found if path and len(path) - 1 <= bound]


def _expansions(
    graph: nx.MultiDiGraph, node_path: Sequence[str], k: int, weights: _Weights, collapsed: dict[tuple[str, str], list[_Option]]
) -> list[tuple[int, tuple[Step, ...]]]:
    """The k best step paths along one node path (a k-best product over the steps of each hop)."""
    partial: list[tuple[int, tuple[str, ...], tuple[Step, ...]]] = [(0, (), ())]
    for u, v in itertools.pairwise(node_path):
        options = collapsed.get((u, v))
        if options is None:
            options = collapsed[u, v] = _options(graph._succ[u][v], weights)
        combined = [
            (cost + option.weight, (*keys, option.text), (*steps, _step(u, v, option.keys, graph._succ[u][v])))
            for cost, keys, steps in partial
            for option in options
        ]
        partial = heapq.nsmallest(k, combined, key=lambda item: item[:2])
    return [(cost, steps) for cost, _, steps in partial]


def _step(u: str, v: str, keys: Sequence[Any], keydict: Mapping[Any, Mapping[str, Any]]) -> Step:
    """The step standing for the relations ``keys`` (best first) from ``u`` to ``v``.

    Its mechanism is direct when any of them is (that relation is itself evidence of a direct
    link), else indirect when any is, else unspecified.
    """
    first = keydict[keys[0]]
    if len(keys) == 1:
        return Step(u, v, str(keys[0]), Relation(first[RELATION]), Sign(edge_sign(first)), first.get(MECHANISM),
                    tuple(dict(item) for item in first.get(EVIDENCE) or ()), contexts=(dict(first.get(_CONTEXT) or {}),))  # fmt: skip
    members = [keydict[key] for key in keys]
    mechanisms = {data.get(MECHANISM) for data in members}
    mechanism = _DIRECT if _DIRECT in mechanisms else _INDIRECT if _INDIRECT in mechanisms else first.get(MECHANISM)
    return Step(
        u,
        v,
        str(keys[0]),
        Relation(first[RELATION]),
        Sign(edge_sign(first)),
        mechanism,
        tuple(dict(item) for data in members for item in data.get(EVIDENCE) or ()),
        tuple(str(key) for key in keys),
        tuple(Relation(data[RELATION]) for data in members),
        tuple(dict(data.get(_CONTEXT) or {}) for data in members),
    )


def _best_paths_from(graph: nx.MultiDiGraph, source: str, max_length: int, weights: _Weights) -> dict[str, tuple[str, tuple[Any, ...]]]:
    """For every node within ``max_length`` relations of ``source``, the last step (its start
    node and relation keys) of the best path reaching it: Dijkstra on the exact integer weights,
    ties going to the smaller sequence of node ids."""
    succ = graph._succ
    parent: dict[str, tuple[str, tuple[Any, ...]]] = {}
    settled: set[str] = set()
    heap: list[tuple[int, tuple[str, ...], str, tuple[Any, ...]]] = [(0, (source,), source, ())]
    while heap:
        cost, node_path, previous, key = heapq.heappop(heap)
        node = node_path[-1]
        if node in settled:
            continue
        settled.add(node)
        if node != source:
            parent[node] = (previous, key)
        if len(node_path) > max_length:
            continue
        for nxt, keydict in succ[node].items():
            if nxt not in settled:
                best = _options(keydict, weights)[0]
                heapq.heappush(heap, (cost + best.weight, (*node_path, nxt), node, best.keys))
    return parent


def _contexts_conflict(graph: nx.MultiDiGraph, nodes: Iterable[str]) -> bool:
    """Whether two relations among ``nodes`` have conflicting contexts (else every path there
    holds in one context, and the faster search that ignores contexts is exact)."""
    succ = graph._succ
    inside = set(nodes)
    signatures: set[Signature] = set()
    for u in inside:
        for v, keydict in succ[u].items():
            if v in inside:
                for data in keydict.values():
                    context = data.get(_CONTEXT)
                    if context:
                        if context.get(AGENT_KEY):
                            return True  # a relation shown under one agent: paths must pass it first
                        signatures.add(signature(context))
    return any(not signatures_compatible(a, b) for a, b in itertools.combinations(signatures, 2))


def reach_within(graph: nx.MultiDiGraph, sources: Iterable[str], max_length: int) -> set[str]:
    """The nodes within ``max_length`` relations downstream of ``sources`` (breadth first)."""
    succ = graph._succ
    seen = set(sources)
    frontier = list(seen)
    for _ in range(max_length):
        following = [nxt for node in frontier for nxt in succ[node] if nxt not in seen]
        if not following:
            break
        seen.update(following)
        frontier = list(dict.fromkeys(following))
    return seen


def gate_agents(graph: nx.MultiDiGraph, nodes: Iterable[str]) -> frozenset[str]:
    """The agents some relation out of ``nodes`` is shown under (``context.agent``): only they
    can open a step of a path from there (read the relations within reach, not the whole graph)."""
    found: set[str] = set()
    succ = graph._succ
    for node in nodes:
        for keydict in succ[node].values():
            for data in keydict.values():
                context = data.get(_CONTEXT)
                if context and context.get(AGENT_KEY) and str(context[AGENT_KEY]).strip():
                    found.add(str(context[AGENT_KEY]).strip())
    return frozenset(found)


class _ContextOptions:
    """The steps between two nodes (as :func:`_options`), each with its step signature."""

    def __init__(self, graph: nx.MultiDiGraph, weights: _Weights) -> None:
        self._succ = graph._succ
        self._weights = weights
        self._cache: dict[tuple[str, str], list[tuple[_Option, frozenset[Signature] | None, Gate]]] = {}

    def __call__(self, u: str, v: str) -> list[tuple[_Option, frozenset[Signature] | None, Gate]]:
        """Each option with its step signature and its agent gate (see :func:`~mechgraph.query.context.agent_gate`)."""
        found = self._cache.get((u, v))
        if found is None:
            keydict = self._succ[u][v]
            found = self._cache[u, v] = [
                (
                    option,
                    step_signature(keydict[key].get(_CONTEXT) for key in option.keys),
                    agent_gate(keydict[key].get(_CONTEXT) for key in option.keys),
                )
                for option in _options(keydict, self._weights)
            ]
        return found


def _fits(signature_: frozenset[Signature] | None, chosen: Sequence[frozenset[Signature]]) -> bool:
    return signature_ is None or all(step_signatures_compatible(signature_, other) for other in chosen)


def _costs_to(graph: nx.MultiDiGraph, target: str, region: set[str], weights: _Weights) -> dict[str, int]:
    """Each node's least cost to ``target`` within ``region``, contexts ignored (Dijkstra backwards)."""
    pred = graph._pred
    costs: dict[str, int] = {}
    heap = [(0, target)]
    while heap:
        cost, node = heapq.heappop(heap)
        if node in costs:
            continue
        costs[node] = cost
        for previous, keydict in pred[node].items():
            if previous in region and previous not in costs:
                heapq.heappush(heap, (cost + _options(keydict, weights)[0].weight, previous))
    return costs


def _compatible_paths(
    graph: nx.MultiDiGraph, source: str, target: str, k: int, max_length: int, weights: _Weights, to_target: Mapping[str, int], region: set[str]
) -> list[tuple[Step, ...]]:
    """The k best step paths whose steps are pairwise compatible in context.

    A best-first (A*) search over partial simple paths, ordered by cost so far plus each node's
    least cost to the target with contexts ignored. That estimate never exceeds the true cost
    of any completion, so complete paths leave the queue in exact rank order (ties by node ids,
    then relation ids, as in the search without contexts), and a partial path is extended only
    with steps compatible with every step it already has. When contexts cut nothing, the
    estimate is exact and the search walks straight down the best paths.
    """
    succ = graph._succ
    options = _ContextOptions(graph, weights)
    remaining = _costs_to(graph, target, region, weights)
    if source not in remaining:
        return []
    Partial = tuple[int, tuple[str, ...], tuple[str, ...], int, tuple[frozenset[Signature], ...], tuple[tuple[str, str, _Option], ...]]
    heap: list[Partial] = [(remaining[source], (source,), (), 0, (), ())]
    found: list[tuple[Step, ...]] = []
    while heap and len(found) < k:
        _, nodes, texts, cost, chosen, steps = heapq.heappop(heap)
        node = nodes[-1]
        if node == target:
            found.append(tuple(_step(u, v, option.keys, succ[u][v]) for u, v, option in steps))
            continue
        for nxt in succ[node]:
            if nxt not in remaining or nxt in nodes or len(nodes) + to_target.get(nxt, max_length) > max_length:
                continue
            for option, signature_, gate in options(node, nxt):
                if _fits(signature_, chosen) and gate_open(gate, nodes):
                    spent = cost + option.weight
                    heapq.heappush(
                        heap,
                        (
                            spent + remaining[nxt],
                            (*nodes, nxt),
                            (*texts, option.text),
                            spent,
                            chosen if signature_ is None else (*chosen, signature_),
                            (*steps, (node, nxt, option)),
                        ),
                    )
    return found


def _best_compatible_paths_from(
    graph: nx.MultiDiGraph, source: str, max_length: int, weights: _Weights, gated: frozenset[str] | None = None
) -> dict[str, SignedPath]:
    """For every node within ``max_length`` relations of ``source``, the best path reaching it
    whose steps are pairwise compatible in context.

    Dijkstra over (node, the set of step signatures so far, the agents passed): whether a step
    may follow depends only on those (a step shown under one agent needs that agent upstream),
    the signatures only grow along a path and so do the agents passed. A state is skipped when
    the node was already reached with a subset of its signatures and a superset of its agents
    (cheaper, and no more constrained), which also keeps every path simple: a walk back to a
    node carries a superset of the signatures and the same agents as it had there.
    """
    succ = graph._succ
    options = _ContextOptions(graph, weights)
    if gated is None:
        gated = gate_agents(graph, reach_within(graph, [source], max_length))
    reached: dict[str, list[tuple[frozenset[frozenset[Signature]], frozenset[str]]]] = {}
    best: dict[str, SignedPath] = {}
    State = tuple[int, tuple[str, ...], tuple[str, ...], frozenset[frozenset[Signature]], frozenset[str], tuple[tuple[str, str, _Option], ...]]
    heap: list[State] = [(0, (source,), (), frozenset(), frozenset({source} & gated), ())]
    while heap:
        cost, nodes, texts, chosen, passed, steps = heapq.heappop(heap)
        node = nodes[-1]
        earlier = reached.setdefault(node, [])
        if any(sigs <= chosen and agents >= passed for sigs, agents in earlier):
            continue
        earlier.append((chosen, passed))
        if node != source and node not in best:
            best[node] = SignedPath(tuple(_step(u, v, option.keys, succ[u][v]) for u, v, option in steps))
        if len(nodes) > max_length:
            continue
        for nxt in succ[node]:
            if nxt in nodes:
                continue
            for option, signature_, gate in options(node, nxt):
                if _fits(signature_, tuple(chosen)) and gate_open(gate, passed):
                    state = chosen if signature_ is None else chosen | {signature_}
                    through = passed | {nxt} if nxt in gated else passed
                    heapq.heappush(heap, (cost + option.weight, (*nodes, nxt), (*texts, option.text), state, through, (*steps, (node, nxt, option))))
    return best


def _path_to(graph: nx.MultiDiGraph, parent: Mapping[str, tuple[str, tuple[Any, ...]]], node: str) -> SignedPath:
    steps: list[Step] = []
    while node in parent:
        previous, keys = parent[node]
        steps.append(_step(previous, node, keys, graph._succ[previous][node]))
        node = previous
    return SignedPath(tuple(reversed(steps)))
