"""Filter a graph by what its nodes are and what its relations say.

Node filters (``kinds``, ``agent_classes``, ``immune_states``, ``routes``) keep the nodes that
pass and the relations between kept nodes. Relation filters (``relations``, ``signs``,
``mechanisms``, ``measurable_in``, ``sources``, ``context``) keep the relations that pass, and then
drop the nodes left without any relation: asking for "the inhibitions" should not return every
node of the graph. Filters combine with AND; the values given to one filter combine with OR. One
pass over the nodes and one over the relations, whatever is asked.

Every keyword of :func:`filter_graph` is an entry of the filter table
(:mod:`mechgraph.query.filterspec`), which names its vocabulary and from which the dashboard and
the command line offer it; this module is what each filter does.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import networkx as nx

from ..errors import QueryError
from ..vocabulary import UNSPECIFIED, AgentClass, Attr, ContextKey, EvidenceKey, ImmuneState, Measurability, Mechanism, NodeKind, Relation, Route
from ._common import EdgeTest, allowed_values, as_sign, assemble, edge_sign, require_multidigraph
from .filterspec import ValueType, filter_spec

__all__ = ["filter_graph"]

_AGENT = NodeKind.AGENT.value
_BOTH = AgentClass.BOTH.value  # the same word in ImmuneState


def filter_graph(
    graph: nx.MultiDiGraph,
    *,
    kinds: Iterable[NodeKind | str] | None = None,
    relations: Iterable[Relation | str] | None = None,
    signs: Iterable[int | str] | int | str | None = None,
    mechanisms: Iterable[Mechanism | str] | None = None,
    measurable_in: Iterable[Measurability | str] | None = None,
    agent_classes: Iterable[AgentClass | str] | None = None,
    immune_states: Iterable[ImmuneState | str] | None = None,
    routes: Iterable[Route | str] | None = None,
    sources: Iterable[str] | None = None,
    context: Mapping[ContextKey | str, str] | None = None,
) -> nx.MultiDiGraph:
    """A new graph with the nodes and relations that pass every filter given.

    Each filter is an iterable of allowed values (a single string counts as one value); None means
    no constraint.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A mechgraph graph; it is not modified.
    kinds : iterable of NodeKind, optional
        Node kinds to keep.
    relations : iterable of Relation, optional
        Relation types to keep.
    signs : iterable of Sign, int or str, optional
        Signs to keep: ``Sign`` members, +1/-1/0, or the words increases/decreases/unknown.
    mechanisms : iterable of Mechanism, optional
        ``direct``, ``indirect``, and ``unspecified`` for relations that state none.
    measurable_in : iterable of Measurability, optional
        Keep relations measurable in any of these settings (``unspecified``: those that state none).
    agent_classes, immune_states, routes : iterable, optional
        Constrain agents only; nodes of other kinds pass. An agent of class (or immune state)
        ``both`` passes either class; an agent passes ``routes`` if it has any of them.
    sources : iterable of str, optional
        Keep relations with evidence citing any of these source ids.
    context : mapping, optional
        Context key (``species``, ``cell_type``, ...) to a text the relation's context value must
        contain, ignoring case; a relation without that key fails.

    Returns
    -------
    networkx.MultiDiGraph

    Raises
    ------
    QueryError
        A value that is not in the vocabulary (the message lists the allowed ones).

    Examples
    --------
    >>> from mechgraph.synthetic import synthetic_graph
    >>> g = synthetic_graph(300, seed=2)
    >>> inhibitions = filter_graph(g, relations=["inhibits"])
    >>> {d["relation"] for _, _, d in inhibitions.edges(data=True)}
    {'inhibits'}
    >>> min(d for _, d in inhibitions.degree()) > 0  # nodes without a kept relation are dropped
    True
    >>> agents = filter_graph(g, kinds=["agent"])
    >>> {kind for _, kind in agents.nodes(data="kind")}
    {'agent'}
    >>> human_t = filter_graph(g, context={"cell_type": "t cell", "species": "HUMAN"})
    >>> all(d["context"]["species"] == "human" for _, _, d in human_t.edges(data=True))
    True
    >>> filter_graph(g, mechanisms=["direkt"])
    Traceback (most recent call last):
    ...
    mechgraph.errors.QueryError: unknown mechanism 'direkt': expected one of direct, indirect, unspecified
    """
    require_multidigraph(graph)
    node_test = _node_test(
        kinds=_allowed("kinds", kinds),
        agent_classes=_allowed("agent_classes", agent_classes),
        immune_states=_allowed("immune_states", immune_states),
        routes=_allowed("routes", routes),
    )
    edge_test = _edge_test(
        relations=_allowed("relations", relations),
        signs=_signs(signs),
        mechanisms=_allowed("mechanisms", mechanisms),
        measurable_in=_allowed("measurable_in", measurable_in),
        sources=_allowed("sources", sources),
        context=_context_filter(context),
    )
    nodes: Iterable[str] = graph._node
    if node_test is not None:
        nodes = [node for node, data in graph._node.items() if node_test(data)]
    return assemble(graph, nodes, keep_edge=edge_test, drop_isolated=edge_test is not None)


def _allowed(name: str, values: Iterable[object] | None) -> frozenset[str] | None:
    """The values given to one filter, checked against its vocabulary in the filter table."""
    spec = filter_spec(name)
    enum = spec.enum if spec.value_type is ValueType.CHOICES else None
    return allowed_values(values, enum, spec.noun, *spec.extra)


def _signs(signs: Iterable[int | str] | int | str | None) -> frozenset[int] | None:
    if signs is None:
        return None
    items = [signs] if isinstance(signs, (int, str)) else list(signs)  # a Sign is an int
    return frozenset(int(as_sign(sign)) for sign in items)


def _node_test(
    *,
    kinds: frozenset[str] | None,
    agent_classes: frozenset[str] | None,
    immune_states: frozenset[str] | None,
    routes: frozenset[str] | None,
) -> EdgeTest | None:
    if kinds is None and agent_classes is None and immune_states is None and routes is None:
        return None
    kind_key, class_key, state_key, routes_key = Attr.KIND.value, Attr.AGENT_CLASS.value, Attr.IMMUNE_STATE.value, Attr.ROUTES.value

    def passes(data: Mapping[str, Any]) -> bool:
        kind = data.get(kind_key)
        if kinds is not None and kind not in kinds:
            return False
        if kind != _AGENT:
            return True
        if agent_classes is not None and not _either(data.get(class_key), agent_classes):
            return False
        if immune_states is not None and not _either(data.get(state_key), immune_states):
            return False
        return routes is None or not routes.isdisjoint(data.get(routes_key) or ())

    return passes


def _either(value: object, allowed: frozenset[str]) -> bool:
    # "both" is each of the two, so it passes a filter on either; a filter on "both" wants "both".
    return value in allowed or (value == _BOTH and bool(allowed))


def _edge_test(
    *,
    relations: frozenset[str] | None,
    signs: frozenset[int] | None,
    mechanisms: frozenset[str] | None,
    measurable_in: frozenset[str] | None,
    sources: frozenset[str] | None,
    context: dict[str, str] | None,
) -> EdgeTest | None:
    if relations is None and signs is None and mechanisms is None and measurable_in is None and sources is None and context is None:
        return None
    relation_key, sign_key, mechanism_key = Attr.RELATION.value, Attr.SIGN.value, Attr.MECHANISM.value
    measurable_key, evidence_key, source_key = Attr.MEASURABLE_IN.value, Attr.EVIDENCE.value, EvidenceKey.SOURCE.value
    any_setting = measurable_in is not None and UNSPECIFIED in measurable_in
    in_context = None if context is None else _context_test(context)

    # One function with every check inline: called once per relation, it is the cost of a filter.
    def passes(data: Mapping[str, Any]) -> bool:
        if relations is not None and data.get(relation_key) not in relations:
            return False
        if signs is not None:
            sign = data.get(sign_key)
            if (edge_sign(data) if sign is None else sign) not in signs:
                return False
        if mechanisms is not None and (data.get(mechanism_key) or UNSPECIFIED) not in mechanisms:
            return False
        if measurable_in is not None:
            settings = data.get(measurable_key)
            if not (measurable_in.isdisjoint(settings) is False if settings else any_setting):
                return False
        if sources is not None and not any(item.get(source_key) in sources for item in data.get(evidence_key) or ()):
            return False
        return in_context is None or in_context(data)

    return passes


def _context_test(wanted: dict[str, str]) -> EdgeTest:
    key = Attr.CONTEXT.value
    items = tuple(wanted.items())

    def passes(data: Mapping[str, Any]) -> bool:
        values = data.get(key) or {}
        for name, text in items:
            value = values.get(name)
            if value is None or text not in str(value).lower():
                return False
        return True

    return passes


def _context_filter(context: Mapping[ContextKey | str, str] | None) -> dict[str, str] | None:
    if not context:
        return None  # an empty mapping asks for nothing
    if not isinstance(context, Mapping):
        raise QueryError("context must map a context key to a text, e.g. {'species': 'human'}")
    wanted = {str(getattr(key, "value", key)): str(text).lower() for key, text in context.items()}
    allowed_values(wanted, ContextKey, "context key")  # raises on a key the format does not have
    return wanted
