"""Signed paths: how one node leads to another, the net effect of each way, and its evidence.

A step is a hop from one node to the next with one sign: parallel relations of the same sign
between the same two nodes ("activates" and "is required for", or the same relation from two
sources) are one step that stands for all of their relation ids, with their evidence joined and
counted. So a path that differs from another only in such parallels is not a new path; parallels
of different signs stay distinct steps, as they make distinct signed paths.

The net sign of a path is the product of its steps' signs, so one unsigned step (binds, part of,
acts on, ...) makes it unknown. Paths are ranked best first: shorter, then fewer unsigned steps,
then more evidence (citations summed over the steps), then by node ids for a stable order.

How the k best paths are found without enumerating every path of a large graph:

1. a breadth-first search backwards from the target gives each node's distance to it (up to
   ``max_length``), and so the length ``d`` of the shortest path;
2. for a bound ``b`` from ``d`` up to ``max_length``, a breadth-first search forwards from the
   source, expanding only nodes from which the target is still close enough, keeps the nodes on
   some path of at most ``b`` relations (``d_from + d_to <= b``). On that subgraph, with parallel
   steps collapsed to the best one, Yen's algorithm (igraph, in C) finds the k best node
   paths under an exact integer weight that encodes the ranking above. As soon as k of them are
   at most ``b`` relations long they are the k best of all (every longer path ranks after
   them), so a graph where many short paths exist is searched only near its shortest paths;
3. each node path is expanded back into its step paths (steps of different signs between two
   nodes make distinct paths), and the k best of those are kept. Any step path outside the
   first k node paths ranks below all of their best expansions, so the result is exact.

Contexts (see :mod:`mechgraph.query.context`): by default a path keeps to one context, every two
of its steps compatible (no mouse step chained to a human one, no steps in different cell
lineages). When the relations that could lie on a path have no conflicting contexts, that is
no restriction and the search above runs unchanged. Otherwise the k best compatible paths are
found by a best-first (A*) search over partial paths, which carry their steps' contexts and are
extended only by compatible steps; its estimate of the rest of a path is the cost to the target
with contexts ignored, never more than the true cost, so paths come out in exact rank order and
a conflicting best path never hides a compatible one. Its cost grows with the number of partial
paths cheaper than the k-th answer: near the k answers when contexts cut little, up to every
simple path of at most ``max_length`` steps when they cut a lot. :func:`effects` likewise runs
Dijkstra over (node, contexts so far). ``mixed_context=True`` ignores contexts, and each path
then says whether it mixes them (:attr:`SignedPath.mixed`).
"""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx

from ..errors import QueryError
from ..vocabulary import UNSPECIFIED, NodeKind, ProcessKind
from ._common import KIND, check_length, check_node, label_of, require_multidigraph
from ._pathsearch import (
    _best_compatible_paths_from,
    _best_node_paths,
    _best_paths_from,
    _compatible_paths,
    _contexts_conflict,
    _distances_to,
    _expansions,
    _nodes_within,
    _Option,
    _path_to,
    _Weights,
    gate_agents,
    reach_within,
)
from .signed import Effect, PathReport, SignedPath, Step, path_mechanism

__all__ = ["Effect", "PathReport", "SignedPath", "Step", "effects", "path_mechanism", "signed_paths"]

_PROCESS, _OUTCOME = NodeKind.PROCESS.value, NodeKind.OUTCOME.value
_PROCESS_KIND = "process"  # Attr.PROCESS


def signed_paths(graph: nx.MultiDiGraph, source: str, target: str, *, k: int = 5, max_length: int = 6, mixed_context: bool = False) -> PathReport:
    """The ``k`` best simple paths of at most ``max_length`` steps from ``source`` to ``target``.

    Parallel relations of one sign between two nodes are one step (see the module docstring), so
    the paths are distinct routes: no two differ only in such parallels.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A mechgraph graph; it is not modified.
    source, target : str
        Node ids (see :func:`~mechgraph.query.resolve_node` for names).
    k : int
        How many paths at most.
    max_length : int
        The most relations a path may have.
    mixed_context : bool
        Also chain relations whose contexts conflict (a mouse step and a human one; steps in
        different cell lineages; see :mod:`mechgraph.query.context`). By default every path
        holds in one context, and the k paths are the k best of those (a conflicting path
        never hides a compatible one).

    Returns
    -------
    PathReport
        Paths best first (shorter, then fewer unsigned steps, then more evidence); empty when the
        target cannot be reached within ``max_length``.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("csa", "cn", key="r1", relation="inhibits", sign=-1, mechanism="direct", evidence=[{"source": "s"}])
    'r1'
    >>> g.add_edge("csa", "cn", key="r2", relation="binds", sign=0, evidence=[{"source": "s"}])
    'r2'
    >>> g.add_edge("cn", "il2", key="r3", relation="required_for", sign=1, mechanism="direct", evidence=[])
    'r3'
    >>> g.add_edge("cn", "il2", key="r4", relation="activates", sign=1, evidence=[{"source": "s"}])
    'r4'
    >>> report = signed_paths(g, "csa", "il2")
    >>> [(p.nodes, p.sign.word, p.mechanism) for p in report.paths]
    [(('csa', 'cn', 'il2'), 'decreases', 'direct'), (('csa', 'cn', 'il2'), 'unknown', 'unspecified')]
    >>> last = report.best.steps[-1]
    >>> last.ids, last.phrase, len(last.evidence)
    (('r4', 'r3'), 'activates and is required for', 1)
    >>> report.disagree
    False
    >>> signed_paths(g, "il2", "csa").paths
    ()

    Relations observed in different species are not chained unless asked:

    >>> g.edges["csa", "cn", "r1"]["context"] = {"species": "human"}
    >>> for key in ("r3", "r4"):
    ...     g.edges["cn", "il2", key]["context"] = {"species": "mouse"}
    >>> [(p.sign.word, p.mixed, p.contexts) for p in signed_paths(g, "csa", "il2").paths]
    [('unknown', False, {'species': ('mouse',)})]
    >>> [(p.sign.word, p.mixed, p.contexts) for p in signed_paths(g, "csa", "il2", mixed_context=True).paths]
    [('decreases', True, {'species': ('human', 'mouse')}), ('unknown', False, {'species': ('mouse',)})]
    """
    require_multidigraph(graph)
    source, target = check_node(graph, source), check_node(graph, target)
    check_length(k, "k", minimum=1)
    check_length(max_length, "max_length", minimum=1)
    if source == target:
        raise QueryError(f"source and target are the same node ({source!r}): a path needs two")
    weights = _Weights(max_length)
    to_target = _distances_to(graph, target, max_length)
    if source not in to_target:
        return PathReport(source, target, (), k, max_length, mixed_context)
    if not mixed_context:
        region = _nodes_within(graph, source, to_target, max_length)
        if _contexts_conflict(graph, region):
            found = _compatible_paths(graph, source, target, k, max_length, weights, to_target, set(region))
            return PathReport(source, target, tuple(SignedPath(steps) for steps in found), k, max_length, mixed_context)
    collapsed: dict[tuple[str, str], list[_Option]] = {}  # steps between two nodes, kept across bounds
    node_paths: list[tuple[str, ...]] = []
    for bound in range(to_target[source], max_length + 1):
        nodes = _nodes_within(graph, source, to_target, bound)
        node_paths = _best_node_paths(graph, nodes, source, target, k, bound, weights, collapsed)
        if len(node_paths) >= k:
            break
    candidates: list[tuple[int, tuple[str, ...], tuple[str, ...], tuple[Step, ...]]] = []
    for node_path in node_paths:
        for cost, steps in _expansions(graph, node_path, k, weights, collapsed):
            candidates.append((cost, node_path, tuple(step.key for step in steps), steps))
    candidates.sort(key=lambda item: item[:3])
    return PathReport(source, target, tuple(SignedPath(steps) for *_, steps in candidates[:k]), k, max_length, mixed_context)


def effects(graph: nx.MultiDiGraph, agent: str, *, max_length: int = 6, mixed_context: bool = False) -> dict[str, list[Effect]]:
    """The processes and outcomes ``agent`` reaches within ``max_length`` relations, by process kind.

    Each effect comes with the best path that reaches it (ranked as in :func:`signed_paths`) and
    that path's net sign.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A mechgraph graph; it is not modified.
    agent : str
        Node id of the agent (any node works).
    max_length : int
        The most relations on a path.
    mixed_context : bool
        Also follow paths that chain relations of conflicting contexts (see
        :func:`signed_paths`); by default an effect is reached only within one context.

    Returns
    -------
    dict
        ``ProcessKind`` value (``outcome`` for outcomes) to effects, nearest first. Groups follow
        the order of :class:`~mechgraph.vocabulary.ProcessKind`, outcomes last.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("drug", kind="agent", label="Drug")
    >>> g.add_node("tf", kind="target", label="TF")
    >>> g.add_node("tx", kind="process", process="gene_expression", label="Transcription")
    >>> g.add_node("resp", kind="outcome", label="Response")
    >>> _ = g.add_edge("drug", "tf", relation="inhibits", sign=-1)
    >>> _ = g.add_edge("tf", "tx", relation="activates", sign=1)
    >>> _ = g.add_edge("tx", "resp", relation="increases", sign=1)
    >>> {group: [(e.node, e.sign.word, e.path.length) for e in found] for group, found in effects(g, "drug").items()}
    {'gene_expression': [('tx', 'decreases', 2)], 'outcome': [('resp', 'decreases', 3)]}
    """
    require_multidigraph(graph)
    agent = check_node(graph, agent)
    check_length(max_length, "max_length", minimum=1)
    weights = _Weights(max_length)
    best: Mapping[str, SignedPath]
    region = reach_within(graph, [agent], max_length)
    if mixed_context or not _contexts_conflict(graph, region):
        parent = _best_paths_from(graph, agent, max_length, weights)
        best = {node: _path_to(graph, parent, node) for node in parent}
    else:
        best = _best_compatible_paths_from(graph, agent, max_length, weights, gate_agents(graph, region))
    order = {kind.value: index for index, kind in enumerate(ProcessKind)}
    order[_OUTCOME] = len(order) + 1
    groups: dict[str, list[Effect]] = {}
    for node, path in best.items():
        data = graph._node[node]
        kind = data.get(KIND)
        if kind == _PROCESS:
            group = str(data.get(_PROCESS_KIND) or UNSPECIFIED)
        elif kind == _OUTCOME:
            group = _OUTCOME
        else:
            continue
        groups.setdefault(group, []).append(Effect(node, label_of(graph, node), group, path.sign, path))
    for found in groups.values():
        found.sort(key=lambda effect: (effect.path.rank, effect.label.lower(), effect.node))
    return {group: groups[group] for group in sorted(groups, key=lambda g: (order.get(g, len(order)), g))}
