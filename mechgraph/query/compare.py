"""Compare: two agents on one graph, or two graphs (two files, or two versions of one).

Two agents are compared by what each one changes: the nodes a perturbation of each reaches
(:func:`~mechgraph.query.perturb.perturb`, signed, or only through an unsigned relation), split
into the categories a reader asks about (targets, cells, processes, outcomes, and the rest),
each into shared, only the first and only the second. A shared node both agents move in
opposite directions is an effect of opposite sign. Direct targets (one relation from the agent)
are listed apart, since they are where two mechanisms part.

Two graphs are compared by node ids and by signed links (from, to, sign): nodes and links in
both or in one only, and the links whose sign is opposite in the two.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for node, kind in [("a", "agent"), ("b", "agent"), ("x", "target"), ("y", "target"), ("p", "process")]:
...     g.add_node(node, kind=kind, label=node.upper())
>>> _ = g.add_edge("a", "x", relation="inhibits", sign=-1)
>>> _ = g.add_edge("b", "y", relation="activates", sign=1)
>>> _ = g.add_edge("x", "p", relation="activates", sign=1)
>>> _ = g.add_edge("y", "p", relation="activates", sign=1)
>>> report = compare_agents(g, "a", "b")
>>> [(c.name, [i.node for i in c.shared], [i.node for i in c.only_a], [i.node for i in c.only_b]) for c in report.categories]
[('targets', [], ['x'], ['y']), ('processes', ['p'], [], [])]
>>> [item.node for item in report.opposite]
['p']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from .._records import fields_of
from ..errors import QueryError
from ..vocabulary import NodeKind
from ._common import (
    KIND,
    check_length,
    check_node,
    edge_sign,
    label_of,
    require_multidigraph,
)
from .perturb import Perturbation, Response, perturb

__all__ = ["AgentComparison", "Category", "GraphComparison", "Item", "compare_agents", "compare_graphs"]

#: The categories of a comparison and the node kinds each holds, in report order.
CATEGORIES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("targets", (NodeKind.TARGET.value, NodeKind.METABOLITE.value)),
    ("cells", (NodeKind.IMMUNE_CELL.value, NodeKind.NON_IMMUNE.value)),
    ("processes", (NodeKind.PROCESS.value,)),
    ("outcomes", (NodeKind.OUTCOME.value, NodeKind.CONDITION.value)),
    ("other", (NodeKind.AGENT.value, NodeKind.THERAPY.value)),
)
_CATEGORY_OF = {kind: name for name, kinds in CATEGORIES for kind in kinds}
_UNSIGNED = "unsigned"


@dataclass(frozen=True, slots=True)
class Item:
    """A node in a comparison, with what each side does to it (``None``: not reached)."""

    node: str
    label: str
    a: str | None  # up, down, conflicting, unsigned
    b: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"node": self.node, "label": self.label, "a": self.a, "b": self.b}


@dataclass(frozen=True, slots=True)
class Category:
    name: str
    shared: tuple[Item, ...]
    only_a: tuple[Item, ...]
    only_b: tuple[Item, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "shared": [item.to_dict() for item in self.shared],
            "only_a": [item.to_dict() for item in self.only_a],
            "only_b": [item.to_dict() for item in self.only_b],
        }


@dataclass(frozen=True, slots=True)
class AgentComparison:
    a: str
    b: str
    direct: Category  # direct targets: one relation from the agent
    categories: tuple[Category, ...]
    opposite: tuple[Item, ...]  # shared nodes one raises and the other lowers
    max_length: int
    mixed_context: bool

    def category(self, name: str) -> Category | None:
        return next((category for category in self.categories if category.name == name), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            **fields_of(self, "a", "b", "max_length", "mixed_context"),
            "direct": self.direct.to_dict(),
            "categories": [category.to_dict() for category in self.categories],
            "opposite": [item.to_dict() for item in self.opposite],
        }


def _responses(result: Perturbation) -> dict[str, str]:
    found = {node: _UNSIGNED for node in result.unsigned}
    found.update((effect.node, effect.status.value) for effect in result.effects)
    return found


def compare_agents(graph: nx.MultiDiGraph, a: str, b: str, *, max_length: int = 6, mixed_context: bool = False) -> AgentComparison:
    """What agents ``a`` and ``b`` change alike and apart (see the module docstring).

    Each agent is perturbed alone (given, +1); a node counts for an agent when that perturbation
    reaches it, with a sign or only through an unsigned relation.
    """
    require_multidigraph(graph)
    a, b = check_node(graph, a), check_node(graph, b)
    check_length(max_length, "max_length", minimum=1)
    if a == b:
        raise QueryError(f"compare needs two different nodes, not {a!r} twice")
    left = _responses(perturb(graph, [a], max_length=max_length, mixed_context=mixed_context))
    right = _responses(perturb(graph, [b], max_length=max_length, mixed_context=mixed_context))
    left.pop(b, None)
    right.pop(a, None)

    def item(node: str, sides: tuple[Mapping[str, str], Mapping[str, str]] = (left, right)) -> Item:
        return Item(node, label_of(graph, node), sides[0].get(node), sides[1].get(node))

    def split(name: str, nodes: set[str], sides: tuple[Mapping[str, str], Mapping[str, str]] = (left, right)) -> Category:
        def ordered(members: set[str]) -> tuple[Item, ...]:
            return tuple(item(node, sides) for node in sorted(members, key=lambda node: (label_of(graph, node).lower(), node)))

        in_a = {node for node in nodes if node in sides[0]}
        in_b = {node for node in nodes if node in sides[1]}
        return Category(name, ordered(in_a & in_b), ordered(in_a - in_b), ordered(in_b - in_a))

    direct_a = {node: left.get(node, _UNSIGNED) for node in graph._succ[a] if node != b}
    direct_b = {node: right.get(node, _UNSIGNED) for node in graph._succ[b] if node != a}
    direct = split("direct targets", set(direct_a) | set(direct_b), (direct_a, direct_b))
    by_category: dict[str, set[str]] = {}
    for node in set(left) | set(right):
        by_category.setdefault(_CATEGORY_OF.get(str(graph._node[node].get(KIND)), "other"), set()).add(node)
    categories = tuple(split(name, by_category[name]) for name, _ in CATEGORIES if name in by_category)
    signed = {Response.UP.value, Response.DOWN.value}
    opposite = tuple(
        item(node)
        for node in sorted(set(left) & set(right), key=lambda node: (label_of(graph, node).lower(), node))
        if left[node] in signed and right[node] in signed and left[node] != right[node]
    )
    return AgentComparison(a, b, direct, categories, opposite, max_length, mixed_context)


@dataclass(frozen=True, slots=True)
class GraphComparison:
    """Two graphs side by side: nodes by category, signed links, and links of opposite sign."""

    nodes: tuple[Category, ...]
    links_shared: int
    links_only_a: tuple[tuple[str, str, int], ...]
    links_only_b: tuple[tuple[str, str, int], ...]
    opposite: tuple[tuple[str, str], ...]  # (from, to) signed one way in a, the other in b

    def to_dict(self) -> dict[str, Any]:
        def link(item: tuple[str, str, int]) -> dict[str, Any]:
            return {"from": item[0], "to": item[1], "sign": item[2]}

        return {
            "nodes": [category.to_dict() for category in self.nodes],
            "links_shared": self.links_shared,
            "links_only_a": [link(item) for item in self.links_only_a],
            "links_only_b": [link(item) for item in self.links_only_b],
            "opposite": [{"from": u, "to": v} for u, v in self.opposite],
        }


def _links(graph: nx.MultiDiGraph) -> set[tuple[str, str, int]]:
    return {(u, v, edge_sign(data)) for u, neighbours in graph._succ.items() for v, keydict in neighbours.items() for data in keydict.values()}


def _members(graph: nx.MultiDiGraph, category: str) -> set[str]:
    return {node for node, data in graph._node.items() if _CATEGORY_OF.get(str(data.get(KIND)), "other") == category}


def compare_graphs(a: nx.MultiDiGraph, b: nx.MultiDiGraph) -> GraphComparison:
    """Nodes (by id) and signed links (from, to, sign) of two graphs, shared and apart."""
    require_multidigraph(a)
    require_multidigraph(b)
    categories: list[Category] = []
    for name, _ in CATEGORIES:
        in_a, in_b = _members(a, name), _members(b, name)
        if not in_a and not in_b:
            continue

        def items(nodes: set[str]) -> tuple[Item, ...]:
            def label(node: str) -> str:
                return label_of(a, node) if node in a._node else label_of(b, node)

            return tuple(Item(node, label(node), "present" if node in a._node else None, "present" if node in b._node else None)
                         for node in sorted(nodes, key=lambda node: (label(node).lower(), node)))  # fmt: skip

        categories.append(Category(name, items(in_a & in_b), items(in_a - in_b), items(in_b - in_a)))
    links_a, links_b = _links(a), _links(b)
    signed_a = {(u, v, s) for u, v, s in links_a if s}
    opposite = sorted({(u, v) for u, v, s in signed_a if (u, v, -s) in links_b})
    return GraphComparison(tuple(categories), len(links_a & links_b), tuple(sorted(links_a - links_b)), tuple(sorted(links_b - links_a)), tuple(opposite))
