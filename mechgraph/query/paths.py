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

import heapq
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

import igraph
import networkx as nx

from ..errors import QueryError
from ..vocabulary import UNSPECIFIED, Attr, Mechanism, NodeKind, ProcessKind, Relation, Sign
from ._common import EVIDENCE, KIND, MECHANISM, RELATION, check_length, check_node, edge_sign, label_of, require_multidigraph
from .context import (
    AGENT_KEY,
    Gate,
    Signature,
    agent_gate,
    gate_open,
    path_agents_respected,
    path_compatible,
    signature,
    signatures_compatible,
    step_signature,
    step_signatures_compatible,
)

__all__ = ["Effect", "PathReport", "SignedPath", "Step", "effects", "path_mechanism", "signed_paths"]

_EVIDENCE_CAP = 99  # citations counted per step; more than this ranks the same
_DIRECT, _INDIRECT = Mechanism.DIRECT.value, Mechanism.INDIRECT.value
_PROCESS, _OUTCOME = NodeKind.PROCESS.value, NodeKind.OUTCOME.value
_PROCESS_KIND = "process"  # Attr.PROCESS
_CONTEXT = Attr.CONTEXT.value


class Step(NamedTuple):
    """One step of a path: ``u`` --relation--> ``v``.

    ``key`` and ``relation`` are those of the best relation of the step (most evidence); ``keys``
    and ``relations`` list every parallel relation of the same sign it stands for (best first;
    empty for a step built by hand from one relation), ``evidence`` is theirs joined, and
    ``mechanism`` is direct when any of them is.

    >>> one = Step("nfat", "il2", "r1", Relation.REQUIRED_FOR, Sign.INCREASES, "direct", ({"source": "a"},))
    >>> one.ids, one.phrase
    (('r1',), 'is required for')
    >>> two = one._replace(keys=("r1", "r2"), relations=(Relation.REQUIRED_FOR, Relation.ACTIVATES))
    >>> two.ids, two.phrase
    (('r1', 'r2'), 'is required for and activates')
    """

    u: str
    v: str
    key: str
    relation: Relation
    sign: Sign
    mechanism: str | None
    evidence: tuple[Mapping[str, Any], ...]
    keys: tuple[str, ...] = ()
    relations: tuple[Relation, ...] = ()
    contexts: tuple[Mapping[str, Any], ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        """Every relation id the step stands for, its own ``key`` first."""
        return self.keys or (self.key,)

    @property
    def phrase(self) -> str:
        """The step's relations as a verb phrase, each distinct relation once."""
        distinct = dict.fromkeys(self.relations or (self.relation,))
        return " and ".join(relation.phrase for relation in distinct)

    @property
    def context_text(self) -> str:
        """Where the step holds, read from its relations' contexts ("" when none says).

        >>> s = Step("a", "b", "r1", Relation.ACTIVATES, Sign.INCREASES, None, (), contexts=({"species": "mouse", "cell_type": "macrophage"},))
        >>> s.context_text
        'species mouse, cell type macrophage'
        >>> s._replace(keys=("r1", "r2"), contexts=(*s.contexts, {})).context_text
        'species mouse, cell type macrophage; or without a stated context'
        """
        described = [", ".join(f"{key.replace('_', ' ')} {value}" for key, value in context.items()) for context in self.contexts]
        if not any(described):
            return ""
        texts = list(dict.fromkeys(text or "without a stated context" for text in described))
        return "; or ".join(texts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": self.u,
            "to": self.v,
            "id": self.key,
            "ids": list(self.ids),
            "relation": self.relation.value,
            "relations": [relation.value for relation in self.relations or (self.relation,)],
            "sign": self.sign.word,
            "mechanism": self.mechanism,
            "contexts": [dict(context) for context in self.contexts],
            "evidence": [dict(item) for item in self.evidence],
        }


def path_mechanism(steps: Sequence[Step]) -> str:
    """``direct`` if every step is direct, ``indirect`` if any step is, else ``unspecified``.

    >>> s = Step("a", "b", "r1", Relation.INHIBITS, Sign.DECREASES, "direct", ())
    >>> path_mechanism([s, s._replace(mechanism=None)]), path_mechanism([s, s._replace(mechanism="indirect")])
    ('unspecified', 'indirect')
    """
    mechanisms = {step.mechanism for step in steps}
    if _INDIRECT in mechanisms:
        return _INDIRECT
    if mechanisms == {_DIRECT}:
        return _DIRECT
    return UNSPECIFIED


@dataclass(frozen=True, slots=True)
class SignedPath:
    """A simple path of steps, with its net sign and mechanism.

    Examples
    --------
    >>> steps = (Step("csa", "cn", "r1", Relation.INHIBITS, Sign.DECREASES, "direct", ()),
    ...          Step("cn", "nfat", "r2", Relation.ACTIVATES, Sign.INCREASES, "direct", ()))
    >>> path = SignedPath(steps)
    >>> path.nodes, path.sign.word, path.mechanism, path.length
    (('csa', 'cn', 'nfat'), 'decreases', 'direct', 2)
    >>> print(path)
    csa -| cn -> nfat (net: decreases)
    """

    steps: tuple[Step, ...]

    def __str__(self) -> str:
        """The path in node ids, each step drawn by its sign (``->``, ``-|``, ``--`` unsigned)."""
        if not self.steps:
            return "(empty path)"
        arrows = {Sign.INCREASES: "->", Sign.DECREASES: "-|"}
        text = self.steps[0].u + "".join(f" {arrows.get(step.sign, '--')} {step.v}" for step in self.steps)
        return f"{text} (net: {self.sign.word}{', mixed contexts' if self.mixed else ''})"

    @property
    def nodes(self) -> tuple[str, ...]:
        return (self.steps[0].u, *(step.v for step in self.steps)) if self.steps else ()

    @property
    def source(self) -> str:
        return self.steps[0].u

    @property
    def target(self) -> str:
        return self.steps[-1].v

    @property
    def length(self) -> int:
        return len(self.steps)

    @property
    def sign(self) -> Sign:
        """The net sign: the product of the steps' signs (unknown if any step is unsigned)."""
        net = Sign.INCREASES
        for step in self.steps:
            net = net * step.sign
        return net

    @property
    def mechanism(self) -> str:
        return path_mechanism(self.steps)

    @property
    def unsigned_steps(self) -> int:
        return sum(1 for step in self.steps if step.sign is Sign.UNKNOWN)

    @property
    def evidence_count(self) -> int:
        return sum(len(step.evidence) for step in self.steps)

    @property
    def relation_ids(self) -> tuple[str, ...]:
        """Every relation id the path stands for (all parallels of each step), in path order."""
        return tuple(key for step in self.steps for key in step.ids)

    @property
    def contexts(self) -> dict[str, tuple[str, ...]]:
        """The contexts the path spans: each context key its steps give, to its distinct values
        (as written, in path order).

        >>> a = Step("a", "b", "r1", Relation.ACTIVATES, Sign.INCREASES, None, (), contexts=({"species": "mouse"},))
        >>> b = a._replace(u="b", v="c", key="r2", contexts=({"species": "human", "cell_type": "T cell"},))
        >>> path = SignedPath((a, b))
        >>> path.contexts, path.mixed
        ({'species': ('mouse', 'human'), 'cell_type': ('T cell',)}, True)
        >>> path.context_text
        'species mouse / human; cell type T cell'
        """
        spans: dict[str, dict[str, None]] = {}
        for step in self.steps:
            for context in step.contexts:
                for key, value in context.items():
                    spans.setdefault(str(key), {})[str(value)] = None
        return {key: tuple(values) for key, values in spans.items()}

    @property
    def context_text(self) -> str:
        """The contexts the path spans as a phrase, e.g. ``species mouse / human; cell type T cell``."""
        return "; ".join(f"{key.replace('_', ' ')} {' / '.join(values)}" for key, values in self.contexts.items())

    @property
    def mixed(self) -> bool:
        """True when two of the steps hold in conflicting contexts (see :mod:`mechgraph.query.context`)."""
        return not path_compatible(step.contexts for step in self.steps) or not path_agents_respected(
            [(step.u, step.contexts or ({},)) for step in self.steps]
        )

    @property
    def rank(self) -> tuple[int, int, int]:
        """What orders paths, best first: length, unsigned steps, minus the evidence."""
        return (self.length, self.unsigned_steps, -self.evidence_count)

    def to_dict(self) -> dict[str, Any]:
        return {
            "nodes": list(self.nodes),
            "sign": self.sign.word,
            "mechanism": self.mechanism,
            "length": self.length,
            "unsigned_steps": self.unsigned_steps,
            "evidence_count": self.evidence_count,
            "contexts": {key: list(values) for key, values in self.contexts.items()},
            "mixed": self.mixed,
            "steps": [step.to_dict() for step in self.steps],
        }


@dataclass(frozen=True, slots=True)
class PathReport:
    """The best paths from ``source`` to ``target``, and whether their net signs disagree."""

    source: str
    target: str
    paths: tuple[SignedPath, ...]
    k: int
    max_length: int
    mixed_context: bool = False  # whether paths may chain relations of conflicting contexts

    @property
    def signs(self) -> dict[str, int]:
        """How many paths have each net sign (words as keys)."""
        counts: dict[str, int] = {}
        for path in self.paths:
            counts[path.sign.word] = counts.get(path.sign.word, 0) + 1
        return counts

    @property
    def disagree(self) -> bool:
        """True when some paths increase and others decrease the target."""
        signs = {path.sign for path in self.paths}
        return Sign.INCREASES in signs and Sign.DECREASES in signs

    @property
    def best(self) -> SignedPath | None:
        return self.paths[0] if self.paths else None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "target": self.target,
            "k": self.k,
            "max_length": self.max_length,
            "mixed_context": self.mixed_context,
            "disagree": self.disagree,
            "signs": self.signs,
            "paths": [path.to_dict() for path in self.paths],
        }


def signed_paths(
    graph: nx.MultiDiGraph, source: str, target: str, *, k: int = 5, max_length: int = 6, mixed_context: bool = False
) -> PathReport:
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


@dataclass(frozen=True, slots=True)
class Effect:
    """A process or outcome an agent reaches, the net sign of the best path, and that path."""

    node: str
    label: str
    group: str  # the ProcessKind value of a process, "outcome" for an outcome
    sign: Sign
    path: SignedPath

    def to_dict(self) -> dict[str, Any]:
        return {"node": self.node, "label": self.label, "group": self.group, "sign": self.sign.word, "path": self.path.to_dict()}


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
    if mixed_context or not _contexts_conflict(graph, _reach_within(graph, agent, max_length)):
        parent = _best_paths_from(graph, agent, max_length, weights)
        best = {node: _path_to(graph, parent, node) for node in parent}
    else:
        best = _best_compatible_paths_from(graph, agent, max_length, weights)
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


# ---------------------------------------------------------------------------------------- search


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


def _distances_to(graph: nx.MultiDiGraph, target: str, max_length: int) -> dict[str, int]:
    """Each node's distance to ``target`` (breadth first, backwards), up to ``max_length``."""
    pred = graph._pred
    to_target = {target: 0}
    frontier = [target]
    for level in range(1, max_length + 1):
        following = []
        for node in frontier:
            for previous in pred[node]:
                if previous not in to_target:
                    to_target[previous] = level
                    following.append(previous)
        if not following:
            break
        frontier = following
    return to_target


def _nodes_within(graph: nx.MultiDiGraph, source: str, to_target: Mapping[str, int], bound: int) -> list[str]:
    """The nodes on some walk of at most ``bound`` relations from ``source`` to the target."""
    succ = graph._succ
    from_source = {source: 0}
    frontier = [source]
    for level in range(1, bound + 1):
        following = []
        for node in frontier:
            for nxt in succ[node]:
                if nxt in from_source:
                    continue
                remaining = to_target.get(nxt)
                if remaining is not None and level + remaining <= bound:
                    from_source[nxt] = level
                    following.append(nxt)
        frontier = following
    return list(from_source)


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


def _contexts_conflict(graph: nx.MultiDiGraph, nodes: Sequence[str]) -> bool:
    """Whether two relations among ``nodes`` have conflicting contexts (else every path there
    holds in one context, and the faster search that ignores contexts is exact)."""
    succ = graph._succ
    inside = set(nodes)
    signatures: set[Signature] = set()
    for u in nodes:
        for v, keydict in succ[u].items():
            if v in inside:
                for data in keydict.values():
                    context = data.get(_CONTEXT)
                    if context:
                        if context.get(AGENT_KEY):
                            return True  # a relation shown under one agent: paths must pass it first
                        signatures.add(signature(context))
    return any(not signatures_compatible(a, b) for a, b in itertools.combinations(signatures, 2))


def _reach_within(graph: nx.MultiDiGraph, source: str, max_length: int) -> list[str]:
    """The nodes within ``max_length`` relations downstream of ``source`` (breadth first)."""
    succ = graph._succ
    seen = {source}
    frontier = [source]
    for _ in range(max_length):
        following = []
        for node in frontier:
            for nxt in succ[node]:
                if nxt not in seen:
                    seen.add(nxt)
                    following.append(nxt)
        if not following:
            break
        frontier = following
    return list(seen)


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


def _best_compatible_paths_from(graph: nx.MultiDiGraph, source: str, max_length: int, weights: _Weights) -> dict[str, SignedPath]:
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
    gated = _gate_agents(graph)
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


def _gate_agents(graph: nx.MultiDiGraph) -> frozenset[str]:
    """The agents some relation of the graph is shown under (``context.agent``)."""
    return frozenset(
        str(context[AGENT_KEY]).strip()
        for _, _, context in graph.edges(data=_CONTEXT)
        if context and context.get(AGENT_KEY) and str(context[AGENT_KEY]).strip()
    )


def _path_to(graph: nx.MultiDiGraph, parent: Mapping[str, tuple[str, tuple[Any, ...]]], node: str) -> SignedPath:
    steps: list[Step] = []
    while node in parent:
        previous, keys = parent[node]
        steps.append(_step(previous, node, keys, graph._succ[previous][node]))
        node = previous
    return SignedPath(tuple(reversed(steps)))
