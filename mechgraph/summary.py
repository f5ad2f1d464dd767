"""Counts that describe a graph: by node kind, relation, sign, mechanism; evidence and sources."""

from __future__ import annotations

from collections import Counter
from typing import Any

import networkx as nx

from .validation import Report
from .vocabulary import Attr, EvidenceKey, NodeKind, Sign

__all__ = ["summarize"]

UNSPECIFIED = "unspecified"


def summarize(graph: nx.MultiDiGraph, report: Report | None = None) -> dict[str, Any]:
    """Plain counts for ``mechgraph info`` (and its ``--json``).

    >>> from mechgraph.graph import load_graph
    >>> g = load_graph({"mechgraph": 1, "sources": [{"id": "s", "url": "https://example.org"}],
    ...     "nodes": [{"id": "a", "kind": "agent", "label": "A"}, {"id": "b", "kind": "target", "label": "B"}],
    ...     "relations": [{"from": "a", "relation": "inhibits", "to": "b", "evidence": [{"source": "s"}]}]})
    >>> s = summarize(g)
    >>> s["nodes"], s["relations"], s["by_sign"], s["evidence"]["with_evidence_percent"]
    (2, 1, {'decreases': 1}, 100.0)
    """
    edges = list(graph.edges(data=True))
    with_evidence = sum(1 for _, _, data in edges if data.get(Attr.EVIDENCE))
    citations: Counter[str] = Counter()
    for _, _, data in edges:
        for item in data.get(Attr.EVIDENCE, []):
            citations[item[EvidenceKey.SOURCE]] += 1
    sources = graph.graph.get(Attr.SOURCES, {})
    summary: dict[str, Any] = {
        "title": graph.graph.get(Attr.TITLE, ""),
        "file": graph.graph.get(Attr.FILE),
        "nodes": graph.number_of_nodes(),
        "relations": graph.number_of_edges(),
        "agents": sum(1 for _, kind in graph.nodes(data=Attr.KIND) if kind == NodeKind.AGENT),
        "by_kind": _count(kind for _, kind in graph.nodes(data=Attr.KIND)),
        "by_relation": _count(data[Attr.RELATION] for _, _, data in edges),
        "by_sign": _count(Sign(data[Attr.SIGN]).word for _, _, data in edges),
        "by_mechanism": _count(data.get(Attr.MECHANISM, UNSPECIFIED) for _, _, data in edges),
        "by_measurability": _count("+".join(data.get(Attr.MEASURABLE_IN) or []) or UNSPECIFIED for _, _, data in edges),
        "evidence": {
            "relations_with_evidence": with_evidence,
            "with_evidence_percent": round(100.0 * with_evidence / len(edges), 1) if edges else 100.0,
        },
        "sources": {
            source_id: {
                "cited": citations.get(source_id, 0),
                **{key: value for key, value in source.items() if key in ("url", "text", "title")},
            }
            for source_id, source in sorted(sources.items())
        },
    }
    if report is not None:
        summary["evidence"]["quotes"] = {
            source_id: {"checked": checked, "verbatim": report.quotes_verbatim.get(source_id, 0)}
            for source_id, checked in sorted(report.quotes_checked.items())
        }
    return summary


def _count(values: Any) -> dict[str, int]:
    counts = Counter(str(value) for value in values)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
