"""Perturbation: give or block some nodes and follow the signs they send along the relations.

Each perturbed node starts with a sign: +1 when it is given (an agent administered, a mediator
increased), -1 when it is blocked (inhibited, knocked down, decreased). Signs then propagate
qualitatively: crossing a relation multiplies the sign by the relation's sign, up to
``max_length`` relations. The result is qualitative on purpose: it says which nodes the graph
predicts to go up or down, never by how much.

Rules, each chosen so a prediction can be traced to a path a reader can check:

- **Unsigned relations stop the sign.** A node reached through ``binds``, ``part of``, ``acts
  on``... has no predicted direction; it is listed among the nodes reached without a sign
  (:attr:`Perturbation.unsigned`) and the search does not go on from it.
- **Contexts** follow :mod:`mechgraph.query.context`, the rule signed paths and effects keep to:
  every supporting path holds in one context (no mouse step chained to a human one, no steps in
  different cell lineages, a relation shown under one agent used only downstream of that
  agent), unless ``mixed_context=True``.
- **Perturbed nodes are clamped.** A path from one perturbed node never passes through another
  one: the experimenter fixes their level, so what reaches them changes nothing downstream.
- **Conflicting** means the node is reached with both signs (two paths within ``max_length``
  whose net signs differ), whether from one perturbed node (feedback, opposing branches) or
  from two (say one agent raises it, another lowers it). A supporting path passes a node at
  most once with each sign, so it passes a node twice only when a feedback loop turns the
  node's own sign: that loop is what makes the node conflicting.

Each reached node keeps, for each sign and each perturbed node that reaches it with that sign,
the best supporting path (a :class:`~mechgraph.query.paths.SignedPath`): shortest, then with
most citations, as :func:`~mechgraph.query.paths.signed_paths` ranks paths. Parallel relations
of one sign between two nodes are one step, as there.

How it is computed: for each perturbed node a Dijkstra search over states (node, sign, the
contexts of the steps so far, the gating agents passed), as :func:`~mechgraph.query.paths.effects`
searches over (node, contexts, agents). A state is skipped when its node and sign were already
reached with a subset of its contexts and a superset of its agents (cheaper, and no more
constrained). Without contexts that conflict the state is (node, sign),
so the cost is two visits of each relation within reach: linear in the relations reached.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for node, kind in [("csa", "agent"), ("cn", "target"), ("nfat", "target"), ("il2", "target")]:
...     g.add_node(node, kind=kind, label=node.upper())
>>> _ = g.add_edge("csa", "cn", key="r1", relation="inhibits", sign=-1)
>>> _ = g.add_edge("cn", "nfat", key="r2", relation="activates", sign=1)
>>> _ = g.add_edge("nfat", "il2", key="r3", relation="required_for", sign=1)
>>> result = perturb(g, ["csa"])
>>> [(e.node, e.status.value) for e in result.effects]
[('cn', 'down'), ('nfat', 'down'), ('il2', 'down')]
>>> result.effect("il2").paths[0].nodes
('csa', 'cn', 'nfat', 'il2')
>>> [(e.node, e.status.value) for e in perturb(g, [], block=["csa"]).effects]
[('cn', 'up'), ('nfat', 'up'), ('il2', 'up')]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

import networkx as nx

from .._records import fields_of
from ..errors import QueryError
from ..vocabulary import (
    UNSPECIFIED,
    Attr,
    NodeKind,
    OutcomePhase,
    ProcessKind,
    Sign,
)
from ._common import (
    KIND,
    check_length,
    check_node,
    edge_sign,
    gc_paused,
    label_of,
    require_multidigraph,
)
from ._perturbsearch import _Search
from .paths import SignedPath

__all__ = ["Agreement", "NodeEffect", "Perturbation", "Response", "perturb", "response_of"]

_PROCESS, _OUTCOME = NodeKind.PROCESS.value, NodeKind.OUTCOME.value
_PROCESS_KIND, _PHASE = Attr.PROCESS.value, Attr.PHASE.value
_PHASES = tuple(phase.value for phase in OutcomePhase)


class Response(StrEnum):
    """What a perturbation predicts for a node it reaches with a sign."""

    UP = "up"
    DOWN = "down"
    CONFLICTING = "conflicting"  # reached with both signs

    @property
    def symbol(self) -> str:
        return {"up": "↑", "down": "↓", "conflicting": "↕"}[self.value]


def response_of(signs: Iterable[Sign | int]) -> Response | None:
    """The response of a node reached with ``signs`` (None when no sign reaches it).

    >>> response_of([1]), response_of([-1, -1]), response_of([1, -1]), response_of([0])
    (<Response.UP: 'up'>, <Response.DOWN: 'down'>, <Response.CONFLICTING: 'conflicting'>, None)
    """
    found = {int(sign) for sign in signs} & {1, -1}
    if found == {1, -1}:
        return Response.CONFLICTING
    if found == {1}:
        return Response.UP
    if found == {-1}:
        return Response.DOWN
    return None


@dataclass(frozen=True, slots=True)
class NodeEffect:
    """A node a perturbation reaches with a sign, what it predicts, and why.

    ``up`` and ``down`` hold, for each perturbed node reaching it with that sign, the best
    supporting path (best first); ``by_source`` maps each such perturbed node to its own response.
    """

    node: str
    label: str
    kind: str
    group: str  # the process kind of a process, else the node kind
    phases: tuple[str, ...]  # phases of the immune response the node is or leads to directly
    up: tuple[SignedPath, ...]
    down: tuple[SignedPath, ...]
    by_source: Mapping[str, Response]

    @property
    def status(self) -> Response:
        response = response_of([1] * bool(self.up) + [-1] * bool(self.down))
        assert response is not None  # an effect is reached with some sign
        return response

    @property
    def paths(self) -> tuple[SignedPath, ...]:
        """The supporting paths, shortest first (both signs when conflicting)."""
        return tuple(sorted((*self.up, *self.down), key=lambda path: (path.rank, path.nodes)))

    @property
    def distance(self) -> int:
        return min(path.length for path in (*self.up, *self.down))

    def to_dict(self) -> dict[str, Any]:
        return {
            **fields_of(self, "node", "label", "kind", "group"),
            "phases": list(self.phases),
            "status": self.status.value,
            "distance": self.distance,
            "by_source": {source: response.value for source, response in self.by_source.items()},
            "up": [path.to_dict() for path in self.up],
            "down": [path.to_dict() for path in self.down],
        }


@dataclass(frozen=True, slots=True)
class Agreement:
    """Where several perturbed nodes meet: nodes two or more of them reach, split into those
    where all predict the same single sign and those where they do not, and what each reaches alone."""

    agree: tuple[NodeEffect, ...]
    conflict: tuple[NodeEffect, ...]
    only: Mapping[str, tuple[NodeEffect, ...]]

    def to_dict(self) -> dict[str, Any]:
        def brief(effect: NodeEffect) -> dict[str, Any]:
            return {"node": effect.node, "label": effect.label, "status": effect.status.value,
                    "by_source": {source: response.value for source, response in effect.by_source.items()}}  # fmt: skip

        return {
            "agree": [brief(effect) for effect in self.agree],
            "conflict": [brief(effect) for effect in self.conflict],
            "only": {source: [brief(effect) for effect in found] for source, found in self.only.items()},
        }


@dataclass(frozen=True, slots=True)
class Perturbation:
    """The result of :func:`perturb`: every node reached with a sign, nearest first."""

    given: Mapping[str, Sign]  # each perturbed node and its starting sign
    effects: tuple[NodeEffect, ...]
    unsigned: tuple[str, ...]  # nodes reached only through an unsigned relation (no sign)
    max_length: int
    mixed_context: bool = False
    _index: dict[str, NodeEffect] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._index.update((effect.node, effect) for effect in self.effects)

    def effect(self, node: str) -> NodeEffect | None:
        """The effect on ``node`` (None when it is not reached with a sign)."""
        return self._index.get(node)

    def status(self, node: str) -> Response | None:
        effect = self._index.get(node)
        return effect.status if effect is not None else None

    @property
    def counts(self) -> dict[str, int]:
        counts = {response.value: 0 for response in Response}
        for effect in self.effects:
            counts[effect.status.value] += 1
        counts["unsigned"] = len(self.unsigned)
        return counts

    def by_group(self) -> dict[str, list[NodeEffect]]:
        """Effects by process kind (in the order of :class:`ProcessKind`), then by node kind."""
        order = {kind.value: index for index, kind in enumerate(ProcessKind)}
        order.update({kind.value: len(order) + index for index, kind in enumerate(NodeKind)})
        groups: dict[str, list[NodeEffect]] = {}
        for effect in self.effects:
            groups.setdefault(effect.group, []).append(effect)
        return {group: groups[group] for group in sorted(groups, key=lambda g: (order.get(g, len(order)), g))}

    def by_phase(self) -> dict[str, list[NodeEffect]]:
        """Effects on the phases of the immune response (:class:`OutcomePhase`): the outcomes of
        a phase and the nodes with a relation straight into one."""
        groups: dict[str, list[NodeEffect]] = {phase: [] for phase in _PHASES}
        for effect in self.effects:
            for phase in effect.phases:
                groups.setdefault(phase, []).append(effect)
        return {phase: found for phase, found in groups.items() if found}

    def agreement(self) -> Agreement:
        """Where the perturbed nodes agree and conflict (meaningful for two or more)."""
        agree, conflict = [], []
        only: dict[str, list[NodeEffect]] = {source: [] for source in self.given}
        for effect in self.effects:
            responses = set(effect.by_source.values())
            if len(effect.by_source) == 1:
                only[next(iter(effect.by_source))].append(effect)
            elif len(responses) == 1 and Response.CONFLICTING not in responses:
                agree.append(effect)
            else:
                conflict.append(effect)
        return Agreement(tuple(agree), tuple(conflict), {source: tuple(found) for source, found in only.items()})

    def to_dict(self) -> dict[str, Any]:
        payload: dict[str, Any] = {
            "given": {node: sign.word for node, sign in self.given.items()},
            **fields_of(self, "max_length", "mixed_context", "counts"),
            "effects": [effect.to_dict() for effect in self.effects],
            "unsigned": list(self.unsigned),
            "by_group": {group: [effect.node for effect in found] for group, found in self.by_group().items()},
            "by_phase": {phase: [effect.node for effect in found] for phase, found in self.by_phase().items()},
        }
        if len(self.given) > 1:
            payload["agreement"] = self.agreement().to_dict()
        return payload


def perturb(
    graph: nx.MultiDiGraph,
    agents: str | Iterable[str] = (),
    *,
    block: str | Iterable[str] = (),
    max_length: int = 6,
    mixed_context: bool = False,
) -> Perturbation:
    """Give ``agents`` (+1) and block ``block`` (-1), and follow the signs along the relations.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A mechgraph graph; it is not modified.
    agents : str or iterable of str
        Node ids given or increased (see :func:`~mechgraph.query.resolve_node` for names).
    block : str or iterable of str
        Node ids blocked or decreased.
    max_length : int
        The most relations between a perturbed node and a node it changes.
    mixed_context : bool
        Also follow paths that chain relations of conflicting contexts.

    Returns
    -------
    Perturbation
        Every node reached with a sign (up, down or conflicting) with its supporting paths,
        nearest first; the nodes reached only through unsigned relations.

    Raises
    ------
    QueryError
        No node given, a node both given and blocked, a bad ``max_length``.
    """
    require_multidigraph(graph)
    check_length(max_length, "max_length", minimum=1)
    given_list = _nodes(graph, agents)
    blocked_list = _nodes(graph, block)
    if not given_list and not blocked_list:
        raise QueryError("nothing to perturb: give at least one node to give or to block")
    both = sorted(set(given_list) & set(blocked_list))
    if both:
        raise QueryError(f"{', '.join(both)} both given and blocked: each node goes one way")
    given = {node: Sign.INCREASES for node in given_list} | {node: Sign.DECREASES for node in blocked_list}
    with gc_paused():  # many small objects, no cycles: keep the collector from walking the graph
        search = _Search(graph, clamped=frozenset(given), max_length=max_length, use_context=not mixed_context)
        reached: dict[str, dict[int, dict[str, SignedPath]]] = {}  # node -> sign -> source -> path
        unsigned: dict[str, int] = {}  # node -> shortest length through an unsigned step
        for source, sign in given.items():
            signed, loose = search.run(source, int(sign))
            for (node, node_sign), path in signed.items():
                reached.setdefault(node, {}).setdefault(node_sign, {})[source] = path
            for node, length in loose.items():
                unsigned[node] = min(length, unsigned.get(node, length))
        effects = [_effect(graph, node, by_sign, given) for node, by_sign in reached.items()]
        effects.sort(key=lambda effect: (effect.distance, effect.label.lower(), effect.node))
    loose_nodes = sorted((node for node in unsigned if node not in reached), key=lambda node: (unsigned[node], node))
    return Perturbation(given, tuple(effects), tuple(loose_nodes), max_length, mixed_context)


def _nodes(graph: nx.MultiDiGraph, nodes: str | Iterable[str]) -> list[str]:
    items = [nodes] if isinstance(nodes, str) else list(nodes)
    return list(dict.fromkeys(check_node(graph, node) for node in items))


def _effect(graph: nx.MultiDiGraph, node: str, by_sign: Mapping[int, Mapping[str, SignedPath]], given: Mapping[str, Sign]) -> NodeEffect:
    data = graph._node[node]
    kind = str(data.get(KIND) or UNSPECIFIED)
    group = str(data.get(_PROCESS_KIND) or UNSPECIFIED) if kind == _PROCESS else kind
    by_source = {source: response for source in given if (response := response_of(sign for sign, paths in by_sign.items() if source in paths)) is not None}

    def ranked(paths: Mapping[str, SignedPath]) -> tuple[SignedPath, ...]:
        return tuple(sorted(paths.values(), key=lambda path: (path.rank, path.nodes)))

    return NodeEffect(
        node, label_of(graph, node), kind, group, _phases(graph, node),
        ranked(by_sign.get(1, {})), ranked(by_sign.get(-1, {})), by_source,
    )  # fmt: skip


def _phases(graph: nx.MultiDiGraph, node: str) -> tuple[str, ...]:
    """The phases a node is (an outcome of a phase) or has a signed relation straight into."""
    succ = graph._succ[node]
    found = {str(graph._node[node].get(_PHASE))} | {
        str(graph._node[after].get(_PHASE)) for after, keydict in succ.items() if any(edge_sign(data) for data in keydict.values())
    }
    return tuple(phase for phase in _PHASES if phase in found)
