"""The audit: what an immunologist would question in a curated graph, rule by rule.

Validation (``mechgraph validate``) says whether a file is well formed; the audit says where a
well-formed graph is weak. Each rule is a function from the graph to findings; :func:`audit`
runs them all and never changes the graph.

Evidence is weighed per relation. A relation whose evidence quotes a source text shipped beside
the graph (a ``text`` source: every quote is checked verbatim by the validator) is the encoding of
that text itself, so the rules about thin evidence (heavy sources, chains on one source, sources
cited for many agents, one source per relation) leave it out. Everything else counts by the distinct sources it cites.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from typing import Any, TypeVar

import networkx as nx

from ..query.context import CONFLICTING_KEYS, compatible, context_values
from ..vocabulary import Attr, EvidenceKey, NodeKind, SourceKey
from .reference import Reference
from .report import AuditReport, Finding, Rule, sorted_ids

__all__ = [
    "CHAIN_MIN_RELATIONS",
    "HEAVY_SOURCE_RELATIONS",
    "MANY_AGENTS",
    "audit",
]

#: A source is heavy when at least this many relations rest on it alone.
HEAVY_SOURCE_RELATIONS = 10
#: An agent's chain on one source is reported from this many relations on.
CHAIN_MIN_RELATIONS = 3
#: A source cited on the relations of at least this many agents is reported.
MANY_AGENTS = 4

_GENE_PREFIXES = ("hgnc.symbol", "hgnc")
_DRUG_PREFIXES = ("DRUGBANK",)
#: "STAT1/2/5", "IKZF1/IKZF3": a gene symbol followed by other symbols or numbers after slashes.
_SEVERAL_GENES = re.compile(r"\b[A-Z][A-Z0-9-]*\d[A-Za-z]?(?:/(?:[A-Z][A-Z0-9-]*)?\d+[A-Za-z]?)+\b")
#: Which identifier prefixes fit which node kinds, for the reference sheets' names.
_PREFIX_KINDS = {
    "DRUGBANK": {NodeKind.AGENT, NodeKind.METABOLITE},
    "CHEBI": {NodeKind.AGENT, NodeKind.METABOLITE},
    "GO": {NodeKind.PROCESS, NodeKind.OUTCOME},
    "CL": {NodeKind.IMMUNE_CELL, NodeKind.NON_IMMUNE},
}

_EVIDENCE = Attr.EVIDENCE.value
_KIND = Attr.KIND.value
_Members = TypeVar("_Members", bound=Collection[str])


def audit(graph: nx.MultiDiGraph, reference: Reference | None = None) -> AuditReport:
    """Every finding of every rule on ``graph``; ``reference`` enables the identifier rule.

    Examples
    --------
    >>> from mechgraph.graph import load_graph
    >>> g = load_graph({"mechgraph": 1, "sources": [{"id": "s", "url": "https://example.org", "title": "S"}],
    ...     "nodes": [{"id": "a", "kind": "agent", "label": "A", "routes": ["oral"]},
    ...               {"id": "b", "kind": "target", "label": "B"}],
    ...     "relations": [{"from": "a", "relation": "inhibits", "to": "b",
    ...                    "evidence": [{"source": "s", "note": "a inhibits b"}]}]})
    >>> report = audit(g)
    >>> report.counts()["single-source"], report.clean
    (1, False)
    >>> report.findings[0].message
    'A inhibits B rests on one source (s)'
    """
    checks: dict[Rule, Callable[[], Iterable[Finding]] | None] = {
        Rule.HEAVY_SOURCE: lambda: heavy_sources(graph),
        Rule.CHAIN_ON_ONE_SOURCE: lambda: chains_on_one_source(graph),
        Rule.SOURCE_FOR_MANY_AGENTS: lambda: sources_for_many_agents(graph),
        Rule.URL_ONLY_WITHOUT_NOTE: lambda: url_only_without_note(graph),
        Rule.SINGLE_SOURCE: lambda: single_source_relations(graph),
        Rule.MERGED_ENTITY: lambda: merged_entities(graph),
        Rule.CONTEXT_CONFLICT: lambda: context_conflicts(graph),
        Rule.MISSING_IDENTIFIER: (lambda: missing_identifiers(graph, reference)) if reference is not None else None,
        Rule.AGENT_WITHOUT_ROUTE: lambda: agents_without_route(graph),
        Rule.SOURCE_WITHOUT_TITLE: lambda: sources_without_title(graph),
    }
    rules = [(rule, check) for rule, check in checks.items() if check is not None]
    skipped = [rule for rule, check in checks.items() if check is None]
    findings = [finding for _, rule in rules for finding in rule()]
    return AuditReport(
        findings=tuple(findings),
        rules=tuple(rule for rule, _ in rules),
        skipped=tuple(skipped),
        thresholds={
            "heavy_source_relations": HEAVY_SOURCE_RELATIONS,
            "chain_min_relations": CHAIN_MIN_RELATIONS,
            "many_agents": MANY_AGENTS,
        },
    )


# --- evidence -----------------------------------------------------------------------------------


def _relations(graph: nx.MultiDiGraph) -> Iterator[tuple[str, str, str, Mapping[str, Any]]]:
    for u, v, key, data in graph.edges(keys=True, data=True):
        yield u, v, str(data.get(Attr.ID.value, key)), data


def _sources_of(data: Mapping[str, Any]) -> set[str]:
    return {str(item[EvidenceKey.SOURCE.value]) for item in data.get(_EVIDENCE) or ()}


def _quotes_shipped_text(graph: nx.MultiDiGraph, data: Mapping[str, Any]) -> bool:
    """Evidence quoting a source text beside the graph: checked verbatim, the text's own claim."""
    sources = graph.graph.get(Attr.SOURCES.value) or {}
    return any(
        item.get(EvidenceKey.QUOTE.value) and SourceKey.TEXT.value in sources.get(item[EvidenceKey.SOURCE.value], {}) for item in data.get(_EVIDENCE) or ()
    )


def _sole_source(graph: nx.MultiDiGraph, data: Mapping[str, Any]) -> str | None:
    """The one source a relation rests on, unless it quotes a shipped text."""
    sources = _sources_of(data)
    if len(sources) != 1 or _quotes_shipped_text(graph, data):
        return None
    return next(iter(sources))


def _label(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node].get(Attr.LABEL.value) or node)


def _sentence(graph: nx.MultiDiGraph, u: str, v: str, data: Mapping[str, Any]) -> str:
    return f"{_label(graph, u)} {str(data.get(Attr.RELATION.value, 'relates to')).replace('_', ' ')} {_label(graph, v)}"


def _largest_first(groups: Mapping[str, _Members], at_least: int) -> list[tuple[str, _Members]]:
    """The groups of at least ``at_least`` members, the largest first (ties by key): the sources
    most leaned on lead a report."""
    return sorted(((key, members) for key, members in groups.items() if len(members) >= at_least), key=lambda item: (-len(item[1]), item[0]))


def _agents(graph: nx.MultiDiGraph) -> list[str]:
    return [node for node, kind in graph.nodes(data=_KIND) if kind == NodeKind.AGENT.value]


def heavy_sources(graph: nx.MultiDiGraph) -> Iterator[Finding]:
    """Sources on which at least :data:`HEAVY_SOURCE_RELATIONS` relations rest alone."""
    resting: dict[str, list[str]] = defaultdict(list)
    for _, _, relation, data in _relations(graph):
        if (source := _sole_source(graph, data)) is not None:
            resting[source].append(relation)
    for source, relations in _largest_first(resting, HEAVY_SOURCE_RELATIONS):
        message = f"{len(relations)} relations rest on {source} alone ({_source_name(graph, source)})"
        yield Finding(Rule.HEAVY_SOURCE, message, relations=sorted_ids(relations), sources=(source,))


def chains_on_one_source(graph: nx.MultiDiGraph) -> Iterator[Finding]:
    """An agent's chain told by one source: walking downstream from the agent along the relations
    that cite a source, the relations reached that rest on that source alone, when there are at
    least :data:`CHAIN_MIN_RELATIONS` of them and they go beyond the agent's own relations (a
    drug's mechanism told step by step by one page, not a list of its targets). The first step may
    cite other sources too: a second source for "tacrolimus inhibits calcineurin" does not support
    the steps from calcineurin on."""
    leaving: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
    alone: dict[str, set[str]] = defaultdict(set)
    for u, v, relation, data in _relations(graph):
        if _quotes_shipped_text(graph, data):
            continue
        for source in _sources_of(data):
            leaving[source][u].append((v, relation))
        if (sole := _sole_source(graph, data)) is not None:
            alone[sole].add(relation)
    for agent in sorted(_agents(graph)):
        for source, steps in sorted(leaving.items()):
            if agent not in steps:
                continue
            chain = _reached_relations(agent, steps) & alone[source]
            own = {relation for _, relation in steps[agent]}
            if len(chain) >= CHAIN_MIN_RELATIONS and chain - own:
                yield Finding(
                    Rule.CHAIN_ON_ONE_SOURCE,
                    f"{len(chain)} relations of {_label(graph, agent)}'s chain rest on {source} alone ({_source_name(graph, source)})",
                    nodes=(agent,),
                    relations=sorted_ids(chain),
                    sources=(source,),
                )


def _reached_relations(start: str, leaving: Mapping[str, list[tuple[str, str]]]) -> set[str]:
    """The relations on walks from ``start`` along ``leaving`` (node -> [(target, relation)])."""
    seen_nodes, reached, frontier = {start}, set(), [start]
    while frontier:
        node = frontier.pop()
        for target, relation in leaving.get(node, ()):
            reached.add(relation)
            if target not in seen_nodes:
                seen_nodes.add(target)
                frontier.append(target)
    return reached


def sources_for_many_agents(graph: nx.MultiDiGraph) -> Iterator[Finding]:
    """Sources cited on the relations leaving at least :data:`MANY_AGENTS` agents (or on the
    agents' own evidence): a page about one drug rarely states the mechanism of several."""
    agents_of: dict[str, set[str]] = defaultdict(set)
    for agent in _agents(graph):
        evidence = graph.nodes[agent].get(_EVIDENCE) or []
        if not _quotes_shipped_text(graph, {_EVIDENCE: evidence}):
            for source in _sources_of({_EVIDENCE: evidence}):
                agents_of[source].add(agent)
        for _, _, data in graph.out_edges(agent, data=True):
            if not _quotes_shipped_text(graph, data):
                for source in _sources_of(data):
                    agents_of[source].add(agent)
    for source, agents in _largest_first(agents_of, MANY_AGENTS):
        message = f"{source} ({_source_name(graph, source)}) is cited for {len(agents)} agents"
        yield Finding(Rule.SOURCE_FOR_MANY_AGENTS, message, nodes=sorted_ids(agents), sources=(source,))


def url_only_without_note(graph: nx.MultiDiGraph) -> Iterator[Finding]:
    """Relations whose evidence quotes nothing and notes nothing: a bare link says not what it states."""
    for u, v, relation, data in _relations(graph):
        evidence = data.get(_EVIDENCE) or ()
        if evidence and not any(item.get(EvidenceKey.QUOTE.value) or item.get(EvidenceKey.NOTE.value) for item in evidence):
            sources = sorted_ids(_sources_of(data))
            yield Finding(
                Rule.URL_ONLY_WITHOUT_NOTE,
                f"{_sentence(graph, u, v, data)} cites {', '.join(sources)} without a quote or a note",
                nodes=(u, v),
                relations=(relation,),
                sources=sources,
            )


def single_source_relations(graph: nx.MultiDiGraph) -> Iterator[Finding]:
    """Relations that cite one source (relations quoting a shipped text are that text's own)."""
    for u, v, relation, data in _relations(graph):
        if (source := _sole_source(graph, data)) is not None:
            yield Finding(
                Rule.SINGLE_SOURCE,
                f"{_sentence(graph, u, v, data)} rests on one source ({source})",
                nodes=(u, v),
                relations=(relation,),
                sources=(source,),
            )


# --- nodes --------------------------------------------------------------------------------------


def merged_entities(graph: nx.MultiDiGraph) -> Iterator[Finding]:
    """Nodes that stand for several entities: several gene symbols or HGNC ids, several DrugBank
    entries, or a target labelled with several genes ("STAT1/2/5")."""
    for node, data in sorted(graph.nodes(data=True)):
        identifiers = [str(curie) for curie in data.get(Attr.IDENTIFIERS.value) or ()]
        reasons = []
        for prefixes, what in ((_GENE_PREFIXES, "gene identifiers"), (_DRUG_PREFIXES, "DrugBank entries")):
            several = [curie for curie in identifiers if curie.split(":", 1)[0] in prefixes]
            if len(several) > 1:
                reasons.append(f"{len(several)} {what} ({', '.join(several)})")
        label = str(data.get(Attr.LABEL.value) or "")
        if data.get(_KIND) == NodeKind.TARGET.value and (match := _SEVERAL_GENES.search(label)):
            reasons.append(f"a label listing several genes ({match.group(0)})")
        if reasons:
            yield Finding(
                Rule.MERGED_ENTITY,
                f"{_label(graph, node)} merges distinct entities: {'; '.join(reasons)}",
                nodes=(node,),
            )


def agents_without_route(graph: nx.MultiDiGraph) -> Iterator[Finding]:
    for agent in sorted(_agents(graph)):
        if not graph.nodes[agent].get(Attr.ROUTES.value):
            yield Finding(Rule.AGENT_WITHOUT_ROUTE, f"agent {_label(graph, agent)} has no route", nodes=(agent,))


def sources_without_title(graph: nx.MultiDiGraph) -> Iterator[Finding]:
    for source_id, source in sorted((graph.graph.get(Attr.SOURCES.value) or {}).items()):
        if not source.get(SourceKey.TITLE.value):
            yield Finding(
                Rule.SOURCE_WITHOUT_TITLE,
                f"source {source_id} has no title ({source.get(SourceKey.URL.value) or source.get(SourceKey.TEXT.value)})",
                sources=(source_id,),
            )


def missing_identifiers(graph: nx.MultiDiGraph, reference: Reference) -> Iterator[Finding]:
    """Nodes that lack an identifier of a prefix the reference sheets give for their name, and
    targets without a gene symbol whose id or label is a symbol the sheets list as a target."""
    for node, data in sorted(graph.nodes(data=True)):
        kind = NodeKind(data[_KIND])
        have = {str(curie).split(":", 1)[0] for curie in data.get(Attr.IDENTIFIERS.value) or ()}
        offered: dict[str, set[str]] = defaultdict(set)
        for name in _names(node, data):
            for entry in reference.entries_named(name):
                for curie in entry.identifiers:
                    prefix = curie.split(":", 1)[0]
                    if kind in _PREFIX_KINDS.get(prefix, ()) and prefix not in have:
                        offered[prefix].add(curie)
        if kind is NodeKind.TARGET and not have & set(_GENE_PREFIXES):
            symbols = {name.upper() for name in _names(node, data)} & reference.symbols
            if symbols:
                offered["hgnc.symbol"] = {f"hgnc.symbol:{symbol}" for symbol in symbols}
        for prefix, curies in sorted(offered.items()):
            yield Finding(
                Rule.MISSING_IDENTIFIER,
                f"{_label(graph, node)} has no {prefix} identifier; the reference gives {', '.join(sorted(curies))}",
                nodes=(node,),
            )


def _names(node: str, data: Mapping[str, Any]) -> set[str]:
    label = str(data.get(Attr.LABEL.value) or "")
    names = {node.replace("_", " "), label, re.sub(r"\s*\([^()]*\)", "", label)}
    names |= set(re.findall(r"\(([^()]+)\)", label))
    names |= {str(synonym) for synonym in data.get(Attr.SYNONYMS.value) or ()}
    return {name.strip() for name in names if name.strip()}


def _source_name(graph: nx.MultiDiGraph, source_id: str) -> str:
    source = (graph.graph.get(Attr.SOURCES.value) or {}).get(source_id, {})
    return str(source.get(SourceKey.TITLE.value) or source.get(SourceKey.URL.value) or source.get(SourceKey.TEXT.value) or source_id)


# --- context ------------------------------------------------------------------------------------


def context_conflicts(graph: nx.MultiDiGraph) -> Iterator[Finding]:
    """Relations chained at a node (one entering, one leaving) whose contexts conflict: different
    species, or cell types of different lineages, by the rule paths and effects keep to
    (:mod:`mechgraph.query.context`). One finding per node and pair of conflicting contexts,
    naming every relation on either side."""
    for node in sorted(graph.nodes):
        # relations are grouped by the context values the rule reads, so a hub costs the number
        # of distinct contexts squared, not the number of relations squared
        entering_by = _by_context(graph.in_edges(node, data=True))
        leaving_by = _by_context(graph.out_edges(node, data=True))
        pairs: dict[tuple[str, str], tuple[set[str], set[str]]] = {}
        for before, entering_ids in entering_by.items():
            for after, leaving_ids in leaving_by.items():
                reason = _conflict(dict(before), dict(after))
                if reason is not None:  # never for one relation: its context does not conflict with itself
                    entering, leaving = pairs.setdefault(reason, (set(), set()))
                    entering |= entering_ids
                    leaving |= leaving_ids
        for (first, then), (entering, leaving) in sorted(pairs.items()):
            yield Finding(
                Rule.CONTEXT_CONFLICT,
                f"at {_label(graph, node)}, {len(entering)} relation(s) in {first} chain into {len(leaving)} in {then}",
                nodes=(node,),
                relations=sorted_ids(entering | leaving),
            )


def _by_context(edges: Iterable[tuple[str, str, Mapping[str, Any]]]) -> dict[tuple[tuple[str, str], ...], set[str]]:
    """Relation ids by their species and cell type (relations with neither never conflict)."""
    groups: dict[tuple[tuple[str, str], ...], set[str]] = defaultdict(set)
    for _, _, data in edges:
        context = data.get(Attr.CONTEXT.value) or {}
        values = tuple((key, str(context[key])) for key in CONFLICTING_KEYS if context.get(key))
        if values:
            groups[values].add(str(data.get(Attr.ID.value)))
    return groups


def _conflict(first: Mapping[str, Any], second: Mapping[str, Any]) -> tuple[str, str] | None:
    """The two conflicting context values, or None when the relations may be chained (the rule
    of :func:`mechgraph.query.context.compatible`, which paths and effects follow).

    >>> _conflict({"species": "mouse"}, {"species": "human"})
    ('mouse', 'human')
    >>> _conflict({"cell_type": "T cell"}, {"cell_type": "CD4+ T cells"}) is None
    True
    >>> _conflict({"cell_type": "T cell"}, {"cell_type": "dendritic cell"})
    ('T cell', 'dendritic cell')
    """
    if compatible(first, second):
        return None
    for key in CONFLICTING_KEYS:
        before, after = context_values(first, key), context_values(second, key)
        if before is not None and after is not None and before.isdisjoint(after):
            return str(first[key]), str(second[key])
    return None
