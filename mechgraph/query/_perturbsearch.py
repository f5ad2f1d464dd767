"""The signed search of :func:`mechgraph.query.perturb.perturb`: a Dijkstra search over states
(node, sign, the contexts of the steps so far, the gating agents passed) from one perturbed node,
with the steps between two nodes cached across sources (the module docstring of
:mod:`mechgraph.query.perturb` gives the rules)."""

from __future__ import annotations

import heapq
import itertools
from typing import Any

import networkx as nx

from ..vocabulary import Attr, Mechanism, Relation, Sign
from ._common import EVIDENCE, MECHANISM, RELATION, edge_sign
from ._pathsearch import gate_agents, reach_within
from .context import Signature, agent_gate, gate_open, step_signature, step_signatures_compatible
from .paths import SignedPath, Step

_DIRECT, _INDIRECT = Mechanism.DIRECT.value, Mechanism.INDIRECT.value
_CONTEXT = Attr.CONTEXT.value
_EVIDENCE_CAP = 99  # citations counted per step; more rank the same (as in paths)


class _Option:
    """One signed step between two nodes: the parallel relations of one sign, best first, with
    their step signature and agent gate (see :mod:`mechgraph.query.context`)."""

    __slots__ = ("gate", "keys", "sign", "signature", "weight")

    def __init__(self, sign: int, keys: tuple[Any, ...], weight: int, signature: frozenset[Signature] | None, gate: frozenset[str] | None) -> None:
        self.sign, self.keys, self.weight, self.signature, self.gate = sign, keys, weight, signature, gate


class _Search:
    """The signed search of :func:`~mechgraph.query.perturb.perturb`, with the steps between two nodes cached across sources."""

    def __init__(self, graph: nx.MultiDiGraph, *, clamped: frozenset[str], max_length: int, use_context: bool) -> None:
        self.graph = graph
        self.succ = graph._succ
        self.clamped = clamped
        self.max_length = max_length
        self.use_context = use_context
        # a step's weight: one length unit (more than the evidence terms of a whole path can add),
        # less its citations, so the best path is the shortest, then the one with most citations
        self.length_unit = (_EVIDENCE_CAP + 1) * (max_length + 1)
        self._options: dict[tuple[str, str], list[_Option]] = {}
        self._steps: dict[tuple[str, str, int], Step] = {}
        # the agents some relation within reach is shown under: a path passing one may use its relations
        self.gated = gate_agents(graph, reach_within(graph, clamped, max_length)) if use_context else frozenset()

    def options(self, u: str, v: str) -> list[_Option]:
        found = self._options.get((u, v))
        if found is None:
            keydict = self.succ[u][v]
            if len(keydict) == 1:  # most pairs: one relation, no grouping
                ((key, data),) = keydict.items()
                context = data.get(_CONTEXT)
                signature_ = gate = None
                if self.use_context and context:
                    signature_, gate = step_signature((context,)), agent_gate((context,))
                evidence = min(len(data.get(EVIDENCE) or ()), _EVIDENCE_CAP)
                found = self._options[u, v] = [_Option(edge_sign(data), (key,), self.length_unit + _EVIDENCE_CAP - evidence, signature_, gate)]
                return found
            by_sign: dict[int, list[tuple[int, str, Any]]] = {}
            for key, data in keydict.items():
                by_sign.setdefault(edge_sign(data), []).append((-len(data.get(EVIDENCE) or ()), str(key), key))
            found = []
            for sign, members in by_sign.items():
                members.sort(key=lambda member: member[:2])
                evidence = min(-sum(member[0] for member in members), _EVIDENCE_CAP)
                keys = tuple(member[2] for member in members)
                signature_ = gate = None
                if self.use_context:
                    signature_ = step_signature(keydict[key].get(_CONTEXT) for key in keys)
                    gate = agent_gate(keydict[key].get(_CONTEXT) for key in keys)
                found.append(_Option(sign, keys, self.length_unit + _EVIDENCE_CAP - evidence, signature_, gate))
            found.sort(key=lambda option: option.weight)
            self._options[u, v] = found
        return found

    def run(self, source: str, start: int) -> tuple[dict[tuple[str, int], SignedPath], dict[str, int]]:
        """The best path to each (node, sign) reached from ``source`` starting with sign ``start``,
        and the shortest length to each node reached through an unsigned last step."""
        succ, clamped, max_length, use_context, gated = self.succ, self.clamped, self.max_length, self.use_context, self.gated
        counter = itertools.count()
        Contexts = frozenset[frozenset[Signature]]
        # a state: cost, tie, node, sign, depth, contexts so far, gating agents passed, the trail (previous trail, u, option)
        heap: list[tuple[int, int, str, int, int, Contexts, frozenset[str], Any]] = [
            (0, next(counter), source, start, 0, frozenset(), frozenset({source} & gated), None)
        ]
        seen: dict[tuple[str, int], list[tuple[Contexts, frozenset[str]]]] = {}
        trails: dict[tuple[str, int], Any] = {}
        loose: dict[str, int] = {}
        while heap:
            cost, _, node, sign, depth, chosen, passed, trail = heapq.heappop(heap)
            state = (node, sign)
            earlier = seen.get(state)
            if earlier is None:
                seen[state] = [(chosen, passed)]
                if trail is not None:
                    trails[state] = trail
            elif any(before <= chosen and agents >= passed for before, agents in earlier):
                continue
            else:
                earlier.append((chosen, passed))
            if depth >= max_length:
                continue
            for nxt in succ[node]:
                if nxt in clamped:
                    continue
                for option in self.options(node, nxt):
                    contexts, through = chosen, passed
                    if use_context:
                        if option.gate is not None and not gate_open(option.gate, passed):
                            continue
                        if option.signature is not None:
                            if not all(step_signatures_compatible(option.signature, other) for other in chosen):
                                continue
                            contexts = chosen | {option.signature}
                        if nxt in gated:
                            through = passed | {nxt}
                    if option.sign == 0:
                        if depth + 1 < loose.get(nxt, max_length + 1):
                            loose[nxt] = depth + 1
                        continue
                    heapq.heappush(heap, (cost + option.weight, next(counter), nxt, sign * option.sign, depth + 1, contexts, through, (trail, node, option)))
        return {state: self._path(trail, state[0]) for state, trail in trails.items()}, loose

    def _path(self, trail: Any, node: str) -> SignedPath:
        steps: list[Step] = []
        while trail is not None:
            previous, u, option = trail
            steps.append(self._step(u, node, option))
            trail, node = previous, u
        return SignedPath(tuple(reversed(steps)))

    def _step(self, u: str, v: str, option: _Option) -> Step:
        """The step standing for the parallel relations of one sign (as signed paths build it)."""
        found = self._steps.get((u, v, option.sign))
        if found is not None:
            return found
        keydict = self.succ[u][v]
        members = [keydict[key] for key in option.keys]
        first = members[0]
        if len(members) == 1:
            step = Step(u, v, str(option.keys[0]), Relation(first[RELATION]), Sign(option.sign), first.get(MECHANISM),
                        tuple(dict(item) for item in first.get(EVIDENCE) or ()), contexts=(dict(first.get(_CONTEXT) or {}),))  # fmt: skip
        else:
            mechanisms = {data.get(MECHANISM) for data in members}
            mechanism = _DIRECT if _DIRECT in mechanisms else _INDIRECT if _INDIRECT in mechanisms else first.get(MECHANISM)
            step = Step(
                u, v, str(option.keys[0]), Relation(first[RELATION]), Sign(option.sign), mechanism,
                tuple(dict(item) for data in members for item in data.get(EVIDENCE) or ()),
                tuple(str(key) for key in option.keys),
                tuple(Relation(data[RELATION]) for data in members),
                tuple(dict(data.get(_CONTEXT) or {}) for data in members),
            )  # fmt: skip
        self._steps[u, v, option.sign] = step
        return step
