"""The checker the command line and the dashboard call on every graph they are given:
:func:`check_graph` (what makes a graph unusable, then the native rules on the document it
would be written as)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import networkx as nx

from ..errors import Problem
from ..validation import Report, validate_data
from ..vocabulary import Attr, EvidenceKey, NodeKind, Relation, Sign
from ._document import graph_to_document, source_base_dir

__all__ = ["check_graph", "document_report", "graph_problems"]


def check_graph(graph: nx.MultiDiGraph) -> list[Problem]:
    """Every reason ``graph`` is not a valid mechgraph graph; an empty list when it is one.

    A valid graph has, on every node, a kind from the vocabulary and a non-empty label; on every
    edge a relation from the vocabulary, the sign of that relation, and evidence citing a source;
    and as a whole it passes the rules of the native format (ids, fields, cited sources). Quotes are
    checked against their source texts when the graph's file is known and the texts are beside it.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", kind="agent", label="A")
    >>> g.add_node("b", kind="enzyme", label="")
    >>> g.add_edge("a", "b", key="r1", relation="inhibits", sign=1, evidence=[])
    'r1'
    >>> for problem in check_graph(g):
    ...     print(problem)
    nodes['b'].kind: unknown kind 'enzyme'
    nodes['b'].label: a node needs a non-empty label
    relations['r1'].sign: sign 1 does not match relation 'inhibits' (expected -1)
    relations['r1'].evidence: a relation needs evidence citing a source
    """
    return graph_problems(graph) or list(document_report(graph).problems)


def graph_problems(graph: nx.MultiDiGraph) -> list[Problem]:
    """What makes a graph unusable before the native rules can even be run on it."""
    file = graph.graph.get(Attr.FILE)
    problems: list[Problem] = []

    def add(field_name: str, message: str, rule: str) -> None:
        problems.append(Problem(file, None, None, field_name, message, rule))

    kinds = {kind.value for kind in NodeKind}
    for node, data in graph.nodes(data=True):
        where = f"nodes[{node!r}]"
        kind = data.get(Attr.KIND)
        if kind not in kinds:
            add(f"{where}.kind", f"unknown kind {kind!r}" if kind else "a node needs a kind", "unknown-kind")
        label = data.get(Attr.LABEL)
        if not isinstance(label, str) or not label.strip():
            add(f"{where}.label", "a node needs a non-empty label", "missing-field")
        _check_mapping(data.get(Attr.EXTRA), f"{where}.extra", add)
    for _, _, key, data in graph.edges(keys=True, data=True):
        where = f"relations[{key!r}]"
        relation = data.get(Attr.RELATION)
        try:
            expected = Relation(relation).sign
        except ValueError:
            add(f"{where}.relation", f"unknown relation {relation!r}", "unknown-relation")
            expected = None
        sign = data.get(Attr.SIGN)
        if not isinstance(sign, int) or isinstance(sign, bool) or sign not in (-1, 0, 1):
            add(f"{where}.sign", f"sign must be +1, -1 or 0, found {sign!r}", "bad-value")
        elif expected is not None and Sign(sign) is not expected:
            add(f"{where}.sign", f"sign {sign} does not match relation {relation!r} (expected {int(expected)})", "bad-value")
        evidence = data.get(Attr.EVIDENCE)
        if not isinstance(evidence, list) or not evidence or not all(isinstance(item, Mapping) and item.get(EvidenceKey.SOURCE) for item in evidence):
            add(f"{where}.evidence", "a relation needs evidence citing a source", "no-evidence")
        _check_mapping(data.get(Attr.EXTRA), f"{where}.extra", add)
    return problems


def _check_mapping(value: Any, where: str, add: Callable[[str, str, str], None]) -> None:
    if value is not None and not isinstance(value, Mapping):
        add(where, f"extra attributes must be a mapping, found {type(value).__name__}", "bad-value")


def document_report(graph: nx.MultiDiGraph) -> Report:
    """The native rules, run on the document the graph would be written as."""
    document, _ = graph_to_document(graph)
    base_dir = source_base_dir(graph)
    report = validate_data(document, file=graph.graph.get(Attr.FILE), base_dir=base_dir)
    if base_dir is None:  # texts cannot be looked at: keep every other rule
        report.problems = [p for p in report.problems if p.rule not in ("source-text", "quote")]
    return report
