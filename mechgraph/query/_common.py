"""What the query modules share: checked arguments, signs of relations, and fast subgraphs.

Subgraphs are assembled straight into a new graph's adjacency dicts, as networkx's own
algorithms read them, instead of through ``add_edges_from`` (which checks and looks up every
edge again, about twice the work). Attribute dicts are copied shallowly, as ``Graph.copy`` does,
so changing the result never changes the input.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from enum import Enum
from typing import Any

import networkx as nx

from ..errors import NodeNotFound, QueryError
from ..vocabulary import Attr, Relation, Sign
from ._base import gc_paused as gc_paused  # re-exported: the query modules import them from here
from ._base import require_multidigraph as require_multidigraph
from .search import closest_nodes

__all__: list[str] = []

KIND = Attr.KIND.value
LABEL = Attr.LABEL.value
RELATION = Attr.RELATION.value
SIGN = Attr.SIGN.value
MECHANISM = Attr.MECHANISM.value
EVIDENCE = Attr.EVIDENCE.value

EdgeTest = Callable[[Mapping[str, Any]], bool]

_SIGN_WORDS = {sign.word: sign for sign in Sign} | {sign.symbol: sign for sign in Sign}
_RELATION_SIGNS = {relation.value: int(relation.sign) for relation in Relation}


def label_of(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph._node[node].get(LABEL) or node)


def edge_sign(data: Mapping[str, Any]) -> int:
    """The sign of a relation: its ``sign`` attribute, else the sign of its relation type."""
    sign = data.get(SIGN)
    if sign is None:
        return _RELATION_SIGNS.get(str(data.get(RELATION)), 0)
    return int(sign)


def as_sign(value: object) -> Sign:
    """A sign from a Sign, an int, a word ("increases") or a symbol ("+").

    >>> as_sign("decreases"), as_sign(1), as_sign("?")
    (<Sign.DECREASES: -1>, <Sign.INCREASES: 1>, <Sign.UNKNOWN: 0>)
    """
    if isinstance(value, Sign):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value in (-1, 0, 1):
        return Sign(value)
    if isinstance(value, str) and value.strip().lower() in _SIGN_WORDS:
        return _SIGN_WORDS[value.strip().lower()]
    raise QueryError(f"unknown sign {value!r}: expected increases, decreases or unknown (+1, -1, 0)")


def allowed_values(values: Iterable[object] | str | None, enum: type[Enum] | None, name: str, *extra: str) -> frozenset[str] | None:
    """The allowed values of one filter as plain strings, checked against the vocabulary.

    A single string counts as one value (not as its letters); None means no constraint.
    """
    if values is None:
        return None
    items = [values] if isinstance(values, (str, Enum)) else list(values)
    result = frozenset(str(item.value) if isinstance(item, Enum) else str(item) for item in items)
    if enum is not None:
        known = {str(member.value) for member in enum} | set(extra)
        unknown = sorted(result - known)
        if unknown:
            raise QueryError(f"unknown {name} {', '.join(map(repr, unknown))}: expected one of {', '.join(sorted(known))}")
    return result


def check_length(value: int | None, name: str, *, minimum: int, allow_none: bool = False) -> None:
    if value is None and allow_none:
        return
    if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
        raise QueryError(f"{name} must be an integer of at least {minimum}, not {value!r}")


def check_node(graph: nx.MultiDiGraph, node: object) -> str:
    """The node itself when the graph has it; else NodeNotFound naming the closest nodes."""
    try:
        if node in graph._node:
            return node  # type: ignore[return-value]
    except TypeError:  # unhashable
        pass
    raise NodeNotFound(str(node), closest_nodes(graph, str(node)))


def node_list(graph: nx.MultiDiGraph, nodes: str | Iterable[str]) -> list[str]:
    """One node id or several, each checked, duplicates removed, order kept."""
    items = [nodes] if isinstance(nodes, str) else list(nodes)
    if not items:
        raise QueryError("no node given")
    return list(dict.fromkeys(check_node(graph, node) for node in items))


def assemble(
    graph: nx.MultiDiGraph,
    nodes: Iterable[str],
    *,
    keep_edge: EdgeTest | None = None,
    drop_isolated: bool = False,
) -> nx.MultiDiGraph:
    """A new graph of ``nodes`` (in the order given) and the relations among them that pass.

    ``drop_isolated`` leaves out the nodes that keep no relation.
    """
    with gc_paused():
        return _assemble(graph, nodes, keep_edge, drop_isolated)


def _assemble(graph: nx.MultiDiGraph, nodes: Iterable[str], keep_edge: EdgeTest | None, drop_isolated: bool) -> nx.MultiDiGraph:
    members = nodes if isinstance(nodes, dict) else dict.fromkeys(nodes)
    everything = members is graph._node or len(members) == len(graph._node)
    succ = graph._succ
    out: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}  # the new successor rows
    into: dict[str, dict[str, dict[str, dict[str, Any]]]] = {}  # the new predecessor rows
    copied: dict[str, dict[str, Any]] | None
    for u, neighbours in succ.items() if everything else ((u, succ[u]) for u in members):
        row = None
        for v, keydict in neighbours.items():
            if not everything and v not in members:
                continue
            if keep_edge is None:
                if len(keydict) == 1:  # most pairs: no comprehension frame to set up
                    for key, data in keydict.items():
                        copied = {key: data.copy()}
                else:
                    copied = {key: data.copy() for key, data in keydict.items()}
            else:
                copied = None
                for key, data in keydict.items():
                    if keep_edge(data):
                        if copied is None:
                            copied = {}
                        copied[key] = data.copy()
            if copied:
                if row is None:
                    row = out[u] = {}
                row[v] = copied  # one key dict shared by both directions, as networkx does
                previous = into.get(v)
                if previous is None:
                    into[v] = {u: copied}
                else:
                    previous[u] = copied
    result = graph.__class__()
    result.graph.update(graph.graph)
    source_nodes = graph._node
    new_node, new_succ, new_pred = result._node, result._succ, result._pred
    for node in members:
        if drop_isolated and node not in out and node not in into:
            continue
        new_node[node] = source_nodes[node].copy()
        new_succ[node] = out.get(node) or {}
        new_pred[node] = into.get(node) or {}
    return result
