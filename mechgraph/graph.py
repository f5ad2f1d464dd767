"""Reading a mechgraph file into a networkx MultiDiGraph.

Nodes carry the attributes of :class:`~mechgraph.vocabulary.Attr` as plain strings, lists and
dicts; each relation is an edge keyed by its id, so two relations between the same pair of nodes
with different relation or evidence are both kept. A relation its source denies (``negated:
true``, "X did not inhibit Y") is not an edge: it is kept in the graph's attribute
``negated_relations`` (:func:`negated_relations`), so that no query walks it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from .errors import DataError
from .resources import bundled_graph_path
from .validation import Report, validate_data
from .vocabulary import Attr, EvidenceKey, SourceKey
from .yamltext import parse_yaml, read_text_file

__all__ = ["graph_from_report", "load_graph", "negated_relations", "read_graph", "validate_file"]


def validate_file(path: str | Path | None = None) -> Report:
    """Validate a graph file (the bundled graph when ``path`` is None).

    Raises :class:`~mechgraph.errors.ReadError` when the file cannot be read at all; every
    problem with its content is in the returned report.

    >>> validate_file().ok
    True
    """
    path = Path(path) if path is not None else bundled_graph_path()
    name = str(path)
    try:
        parsed = parse_yaml(read_text_file(path), file=name)
    except DataError as error:
        return Report(file=name, problems=list(error.problems))
    return validate_data(parsed.data, file=name, base_dir=path.resolve().parent, locate=parsed.locate)


def read_graph(path: str | Path | None = None) -> nx.MultiDiGraph:
    """Read and validate a graph file; raise :class:`~mechgraph.errors.DataError` if it is invalid.

    >>> graph = read_graph()
    >>> graph.nodes["cyclosporine"]["kind"]
    'agent'
    """
    report = validate_file(path)
    if not report.ok:
        raise DataError(report.problems)
    return graph_from_report(report)


def load_graph(data: Mapping[str, Any], base_dir: str | Path | None = None) -> nx.MultiDiGraph:
    """Build a graph from an already-parsed document (a dict); the dict is not modified.

    >>> g = load_graph({"mechgraph": 1, "sources": [{"id": "s", "url": "https://example.org"}],
    ...     "nodes": [{"id": "a", "kind": "agent", "label": "A"}, {"id": "b", "kind": "target", "label": "B"}],
    ...     "relations": [{"from": "a", "relation": "inhibits", "to": "b", "evidence": [{"source": "s"}]}]})
    >>> [(u, v, d["sign"]) for u, v, d in g.edges(data=True)]
    [('a', 'b', -1)]
    """
    report = validate_data(data, base_dir=Path(base_dir) if base_dir else None)
    if not report.ok:
        raise DataError(report.problems)
    return graph_from_report(report)


def graph_from_report(report: Report) -> nx.MultiDiGraph:
    """The networkx graph of a validated report."""
    document = report.document
    graph = nx.MultiDiGraph()
    sources = {source.id: source.model_dump(mode="json", exclude_none=True) for source in report.sources}
    graph.graph.update(
        {
            Attr.TITLE.value: document.title if document else "",
            Attr.DESCRIPTION.value: document.description if document else None,
            Attr.SOURCES.value: sources,
            Attr.FILE.value: report.file,
        }
    )
    for node in report.nodes:
        attributes = node.model_dump(mode="json", exclude_none=True, exclude={"id", "evidence"})
        attributes[Attr.EVIDENCE.value] = [_evidence(e, sources) for e in node.evidence]
        graph.add_node(node.id, **attributes)
    negated: list[dict[str, Any]] = []
    for relation in report.relations:
        attributes = relation.model_dump(mode="json", exclude_none=True, exclude={"id", "source", "target", "evidence"})
        attributes[Attr.ID.value] = relation.key
        attributes[Attr.SIGN.value] = int(relation.relation.sign)
        attributes[Attr.EVIDENCE.value] = [_evidence(e, sources) for e in relation.evidence]
        if relation.negated:
            # A denied relation is a finding, not an edge: no path, effect or layout may use it.
            negated.append({"from": relation.source, "to": relation.target, **attributes})
            continue
        graph.add_edge(relation.source, relation.target, key=relation.key, **attributes)
    if negated:
        graph.graph[Attr.NEGATED_RELATIONS.value] = negated
    return graph


def negated_relations(graph: nx.MultiDiGraph, node: str | None = None) -> list[dict[str, Any]]:
    """The relations the graph's sources deny ("X does not inhibit Y"), optionally only those
    touching ``node``; each is a dict of the relation's fields ("from", "to", "relation", ...).

    They are kept beside the edges, so that no query walks them.

    >>> g = load_graph({"mechgraph": 1, "sources": [{"id": "s", "url": "https://example.org"}],
    ...     "nodes": [{"id": "a", "kind": "agent", "label": "A"}, {"id": "b", "kind": "target", "label": "B"}],
    ...     "relations": [{"from": "a", "relation": "inhibits", "to": "b", "negated": True, "evidence": [{"source": "s"}]}]})
    >>> g.number_of_edges(), [(r["from"], r["relation"], r["to"]) for r in negated_relations(g, "b")]
    (0, [('a', 'inhibits', 'b')])
    """
    items = graph.graph.get(Attr.NEGATED_RELATIONS.value) or []
    return [
        dict(item)
        for item in items
        if isinstance(item, Mapping)
        and item.get("from") in graph
        and item.get("to") in graph  # a view holds those between its own nodes
        and (node is None or node in (item.get("from"), item.get("to")))
    ]


def _evidence(evidence: Any, sources: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """Evidence with its source's URL and title, so that a view needs no second lookup."""
    item: dict[str, Any] = evidence.model_dump(mode="json", exclude_none=True)
    source = sources.get(evidence.source, {})
    for key in (SourceKey.URL, SourceKey.TITLE):
        if key.value in source:
            item[key.value] = source[key.value]
    assert EvidenceKey.SOURCE.value in item
    return item
