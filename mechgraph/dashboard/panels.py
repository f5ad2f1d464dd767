"""The side panels and notices: node and relation details with their evidence, the paths panel,
the node pickers' and the source filter's choices, and what an upload says.

Text from a graph (labels, quotes, notes) is only ever put into components as text, never as
HTML, and only ``http(s)`` links are made clickable."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import networkx as nx
from dash import html

from ..graph import negated_relations
from ..identifiers import resolve_url, source_identifier
from ..query import explain, search, signed_paths
from ..query.explain import explain_steps
from ..query.paths import PathReport
from ..vocabulary import UNSPECIFIED, Attr, EvidenceKey, Sign, SourceKey
from .state import ViewState
from .view import chosen_path, node_label

_LINK_SCHEMES = ("http://", "https://")


def group_details(node: Mapping[str, Any]) -> list[Any]:
    """The details panel for a group of the overview (it opens on the map as it is clicked)."""
    label = str(node.get("label") or node.get("id") or "group")
    members = node.get("members")
    kind = str(node.get("kind") or "").replace("_", " ")
    count = f"{int(members):,} " if isinstance(members, int) else ""
    return [
        html.H3(label, className="details-title"),
        html.P(f"A group of {count}{kind} nodes in the overview, opened on the map: each is now shown by name.", className="muted"),
        html.P("“Back to the overview”, above the map, closes the groups again.", className="muted"),
    ]


# -- search and the filter choices ----------------------------------------------------------------


def node_option(graph: nx.MultiDiGraph, node: str, *, matched: str | None = None, typed: str = "") -> dict[str, str]:
    """A node picker option: label and kind, and the name that matched when it is not the label."""
    data = graph.nodes[node]
    label = str(data.get(Attr.LABEL) or node)
    kind = str(data.get(Attr.KIND, "")).replace("_", " ")
    shown = f"{label} · {kind}"
    if matched and matched.casefold() != label.casefold():
        shown += f" ({matched})"
    # The dropdown also filters in the browser: give it the typed text so a synonym match stays.
    return {"label": shown, "value": str(node), "search": f"{typed} {label} {matched or ''} {node}".strip()}


def search_options(graph: nx.MultiDiGraph, text: str | None, current: str | None, *, limit: int = 12) -> list[dict[str, str]]:
    """Dropdown options for a node picker: the best matches of ``text``, and the current value.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("cyclosporine", label="Cyclosporine", kind="agent", synonyms=["CsA"])
    >>> g.add_node("il2", label="IL-2", kind="target")
    >>> [o["label"] for o in search_options(g, "csa", "il2")]
    ['IL-2 · target', 'Cyclosporine · agent (CsA)']
    """
    options: dict[str, dict[str, str]] = {}
    typed = (text or "").strip()[:100]
    if current is not None and current in graph:
        options[current] = node_option(graph, current, typed=typed)
    if typed:
        for match in search(graph, typed, limit=limit):
            options.setdefault(match.node, node_option(graph, match.node, matched=match.text, typed=typed))
    return list(options.values())


def filter_options(graph: nx.MultiDiGraph) -> dict[str, list[dict[str, str]]]:
    """Choices of the source filter: every source id the graph's evidence cites, with its title."""
    sources = graph.graph.get(Attr.SOURCES.value) or {}
    cited: Counter[str] = Counter()
    for _, _, evidence in graph.edges(data=Attr.EVIDENCE.value):
        for item in evidence or ():
            if isinstance(item, Mapping) and item.get(EvidenceKey.SOURCE):
                cited[str(item[EvidenceKey.SOURCE])] += 1
    options = []
    for source, count in sorted(cited.items(), key=lambda pair: (-pair[1], pair[0])):
        title = (sources.get(source) or {}).get(SourceKey.TITLE.value) if isinstance(sources, Mapping) else None
        label = f"{source} · {title}" if title else source
        options.append({"label": f"{label} ({count})", "value": source})
    return {"source": options}


# -- details --------------------------------------------------------------------------------------


def _link(url: Any, text: str) -> Any:
    if isinstance(url, str) and url.startswith(_LINK_SCHEMES):
        return html.A(text, href=url, target="_blank", rel="noopener noreferrer")
    return text


def _row(name: str, value: Any) -> html.Tr:
    return html.Tr([html.Th(name, scope="row"), html.Td(value)])


def _chips(values: Iterable[Any]) -> list[Any]:
    return [html.Span(str(value).replace("_", " "), className="chip") for value in values]


def node_details(graph: nx.MultiDiGraph, node: str) -> list[Any]:
    """The details panel for a node: kind, identifiers linked to their resolvers, synonyms, ...

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("il2", kind="target", label="IL-2", identifiers=["hgnc.symbol:IL2"], synonyms=["interleukin-2"])
    >>> html_text = str(node_details(g, "il2"))
    >>> "genenames.org" in html_text and "interleukin-2" in html_text
    True
    """
    if node not in graph:
        return [html.P(f"{node!r} is not in this graph.", className="muted")]
    data = graph.nodes[node]
    kind = str(data.get(Attr.KIND, ""))
    rows = [_row("Kind", html.Span(kind.replace("_", " "), className=f"kind-badge kind-{kind}"))]
    identifiers = [html.Li(_link(resolve_url(str(curie)), str(curie))) for curie in data.get(Attr.IDENTIFIERS) or ()]
    if identifiers:
        rows.append(_row("Identifiers", html.Ul(identifiers, className="plain")))
    if data.get(Attr.SYNONYMS):
        rows.append(_row("Synonyms", ", ".join(map(str, data[Attr.SYNONYMS]))))
    for attribute, name in ((Attr.PROCESS, "Process"), (Attr.PHASE, "Phase"), (Attr.AGENT_CLASS, "Agent class"), (Attr.IMMUNE_STATE, "Immune state")):
        if data.get(attribute):
            rows.append(_row(name, str(data[attribute]).replace("_", " ")))
    for attribute, name in ((Attr.ROUTES, "Routes"), (Attr.USES, "Uses")):
        if data.get(attribute):
            rows.append(_row(name, _chips(data[attribute])))
    rows.append(_row("Relations", f"{graph.in_degree(node)} in · {graph.out_degree(node)} out"))
    parts: list[Any] = [html.H3(str(data.get(Attr.LABEL) or node)), html.Div(str(node), className="muted mono")]
    if data.get(Attr.DESCRIPTION):
        parts.append(html.P(str(data[Attr.DESCRIPTION])))
    parts.append(html.Table(html.Tbody(rows), className="facts"))
    parts.extend(_evidence_list(data.get(Attr.EVIDENCE) or ()))
    parts.extend(denied_relations(graph, node))
    return parts


def denied_relations(graph: nx.MultiDiGraph, node: str) -> list[Any]:
    """What the graph's sources deny about a node ("NOT sirolimus inhibits calcineurin"), each with
    its evidence: findings kept beside the graph, never drawn and never on a path.

    >>> from mechgraph.graph import load_graph
    >>> g = load_graph({"mechgraph": 1, "sources": [{"id": "s", "url": "https://example.org/p"}],
    ...     "nodes": [{"id": "a", "kind": "agent", "label": "A"}, {"id": "b", "kind": "target", "label": "B"}],
    ...     "relations": [{"from": "a", "relation": "inhibits", "to": "b", "negated": True,
    ...                    "evidence": [{"source": "s", "note": "no effect on B"}]}]})
    >>> [part.children for part in denied_relations(g, "b")[1].children[0].children[0].children]
    ['NOT ', 'A', ' inhibits ', 'B']
    >>> "no effect on B" in str(denied_relations(g, "b"))
    True
    """
    items = []
    for denied in negated_relations(graph, node):
        ends = [str(graph.nodes[end].get(Attr.LABEL) or end) if end in graph else str(end) for end in (denied.get("from"), denied.get("to"))]
        verb = str(denied.get(Attr.RELATION, "")).replace("_", " ")
        said = html.Div(
            [html.Span("NOT ", className="flag flag-negated"), html.Span(ends[0]), html.Span(f" {verb} ", className="verb"), html.Span(ends[1])],
            className="denied-claim",
        )
        items.append(html.Li([said, *_evidence_list(denied.get(Attr.EVIDENCE) or ())], className="denied"))
    if not items:
        return []
    return [html.H4(f"Its sources deny ({len(items)})"), html.Ul(items, className="plain denied-list")]


def _evidence_list(evidence: Iterable[Any]) -> list[Any]:
    """Each evidence item as what it is: a verbatim quote (a labelled blockquote), a curator's
    note (labelled, in plain text, never styled as a quote), and the source it cites."""
    items = [html.Li(_evidence_item(item), className="evidence") for item in evidence if isinstance(item, Mapping)]
    if not items:
        return []
    return [html.H4(f"Evidence ({len(items)})"), html.Ol(items, className="evidence-list")]


def _evidence_item(item: Mapping[str, Any]) -> list[Any]:
    """The parts of one evidence item.

    >>> text = str(_evidence_item({"source": "C2", "note": "via cyclophilin", "url": "http://www.ncbi.nlm.nih.gov/pubmed/8591053"}))
    >>> "Note" in text, "Quote" in text, "PMID 8591053" in text
    (True, False, True)
    """
    body: list[Any] = []
    if item.get(EvidenceKey.QUOTE):
        body.append(
            html.Figure(
                [html.Figcaption("Quote", className="evidence-label"), html.Blockquote(str(item[EvidenceKey.QUOTE]), className="quote")],
                className="evidence-quote",
            )
        )
    if item.get(EvidenceKey.NOTE):
        body.append(html.Div([html.Span("Note", className="evidence-label"), html.P(str(item[EvidenceKey.NOTE]), className="note")], className="evidence-note"))
    body.append(html.Div(source_line(item), className="cite"))
    return body


def source_line(item: Mapping[str, Any]) -> list[Any]:
    """ "Source:", the source's title (its URL when it has none) linked, its PMID or DOI, its id.

    >>> [getattr(part, "children", part) for part in source_line({"source": "S", "url": "https://example.org/a"})]
    ['Source: ', 'https://example.org/a', ' [S]']
    """
    source = str(item.get(EvidenceKey.SOURCE, ""))
    url = item.get(SourceKey.URL)
    web = url if isinstance(url, str) and url.startswith(_LINK_SCHEMES) else None
    shown = item.get(SourceKey.TITLE) or web or source
    parts: list[Any] = ["Source: ", _link(url, str(shown))]
    identifier = source_identifier(url)
    if identifier is not None:
        scheme, value = identifier
        resolver = f"https://pubmed.ncbi.nlm.nih.gov/{value}/" if scheme == "PMID" else f"https://doi.org/{value}"
        parts += [" · ", _link(resolver, f"{scheme} {value}")]
    if shown != source:
        parts.append(f" [{source}]")
    return parts


def relation_details(graph: nx.MultiDiGraph, source: str, target: str, key: str) -> list[Any]:
    """The details panel for a relation: sign, mechanism, measurability, context and evidence.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", label="A"); g.add_node("b", label="B")
    >>> g.add_edge("a", "b", key="r1", relation="inhibits", sign=-1, mechanism="direct",
    ...            evidence=[{"source": "s", "quote": "A inhibits B.", "url": "javascript:alert(1)"}])
    'r1'
    >>> text = str(relation_details(g, "a", "b", "r1"))
    >>> "A inhibits B." in text, "javascript" in text
    (True, False)
    """
    if not graph.has_edge(source, target, key):
        return [html.P("This relation is not in the graph on screen.", className="muted")]
    data = graph.edges[source, target, key]
    sign = Sign.of(int(data.get(Attr.SIGN, 0) or 0))
    source_label = str(graph.nodes[source].get(Attr.LABEL) or source)
    target_label = str(graph.nodes[target].get(Attr.LABEL) or target)
    relation = str(data.get(Attr.RELATION, "")).replace("_", " ")
    rows = [
        _row("Sign", html.Span(sign.word, className=f"sign-badge sign-{sign.word}")),
        _row("Mechanism", str(data.get(Attr.MECHANISM) or UNSPECIFIED)),
        _row("Measurable in", ", ".join(str(m).replace("_", " ") for m in data.get(Attr.MEASURABLE_IN) or ()) or UNSPECIFIED),
    ]
    context = data.get(Attr.CONTEXT) or {}
    if isinstance(context, Mapping):
        for context_key, value in context.items():
            name = str(context_key).replace("_", " ").capitalize()
            rows.append(_row(name, str(value)))
    if data.get(Attr.STATUS):
        rows.append(_row("Status", str(data[Attr.STATUS])))
    if data.get(Attr.HEDGED):
        rows.append(_row("Certainty", "hedged: the source says it may hold"))
    heading = html.H3([html.Span(source_label), html.Span(f" {relation} ", className="verb"), html.Span(target_label)])
    parts: list[Any] = [heading, html.Div(f"relation {key}", className="muted mono"), html.Table(html.Tbody(rows), className="facts")]
    if data.get(Attr.NOTE):
        parts.append(html.Div([html.Span("Note", className="evidence-label"), html.P(str(data[Attr.NOTE]), className="note")], className="evidence-note"))
    return parts + _evidence_list(data.get(Attr.EVIDENCE) or ())


# -- paths ----------------------------------------------------------------------------------------


def path_choices(report: PathReport | None, graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Radio options, one per path: its net effect, then each step's verb between the labels."""
    if report is None:
        return []
    options = []
    for index, path in enumerate(report.paths):
        words: list[Any] = [html.Span(path.sign.word, className=f"sign-badge sign-{path.sign.word}"), " ", node_label(graph, path.source)]
        for step in path.steps:
            words += [html.Span(f" {step.phrase} ", className="verb"), node_label(graph, step.v)]
        evidence = f" · {path.evidence_count} citation{'s' if path.evidence_count != 1 else ''}"
        words.append(html.Span(evidence, className="muted"))
        if path.mixed:
            words.append(html.Span(" · mixed contexts", className="muted mixed-badge"))
        options.append({"label": html.Span(words), "value": index})
    return options


def paths_panel(report: PathReport | None, graph: nx.MultiDiGraph, state: ViewState) -> list[Any]:
    """The explanation of the chosen path, step by step with evidence, and the verdict."""
    if not state.path_from or not state.path_to:
        return [html.P("Pick a start and an end under “How does A affect B?” to see the signed paths between them.", className="muted")]
    if report is None:
        return [html.P("Both ends must be nodes of the graph on screen (check the filters).", className="muted")]
    if not report.paths:
        return [
            html.P(
                f"No path of at most {report.max_length} relations leads from {node_label(graph, report.source)} to {node_label(graph, report.target)}{_within_one_context(report, graph)}.",
                className="muted",
            )
        ]
    chosen = chosen_path(report, state)
    assert chosen is not None
    summary = ", ".join(f"{count} {word}" for word, count in report.signs.items())
    scope = "contexts may mix" if report.mixed_context else "each within one context"
    parts: list[Any] = [html.P(f"{len(report.paths)} distinct path{'s' if len(report.paths) > 1 else ''} found ({scope}): {summary}.", className="summary")]
    if report.disagree:
        parts.append(html.P("The paths disagree: some increase and some decrease the target.", className="notice warn"))
    if chosen.mixed:
        parts.append(
            html.P("This path mixes contexts: some of its relations were observed in another species or cell lineage than others.", className="notice warn")
        )
    parts.append(html.P(explain(chosen, graph), className="explanation"))
    if chosen.contexts:
        parts.append(html.P(f"Contexts: {chosen.context_text}", className="path-contexts"))
    steps = [
        html.Li([html.Div(step["sentence"], className="step-sentence"), *_step_context(step), _step_count(step), *_evidence_list(step["evidence"])[1:]])
        for step in explain_steps(chosen, graph)
    ]
    parts.append(html.Ol(steps, className="steps"))
    return parts


def _within_one_context(report: PathReport, graph: nx.MultiDiGraph) -> str:
    """Why no path was found, when only paths that mix contexts exist."""
    if report.mixed_context or not signed_paths(graph, report.source, report.target, k=1, max_length=report.max_length, mixed_context=True).paths:
        return ""
    return " within one context (allow mixed contexts to see the paths that mix them)"


def _step_context(step: Mapping[str, Any]) -> list[html.Div]:
    return [html.Div(f"in {step['context']}", className="muted step-context")] if step["context"] else []


def _step_count(step: Mapping[str, Any]) -> html.Div:
    """How much evidence a step has, and from how many parallel relations it was joined."""
    count = len(step["evidence"])
    text = f"{count} citation{'s' if count != 1 else ''}"
    if len(step["ids"]) > 1:
        text += f", joined from {len(step['ids'])} relations ({', '.join(step['relations']).replace('_', ' ')})"
    return html.Div(text, className="muted step-count")


# -- notices --------------------------------------------------------------------------------------


def notice_list(lines: Iterable[str], *, kind: str = "info") -> list[Any]:
    """One notice per line (nothing when there are none).

    >>> notice_list([])
    []
    >>> notice_list(["ignored depth='x'"])[0].className
    'notice info'
    """
    return [html.Div(str(line), className=f"notice {kind}") for line in lines]


def upload_label(text: str = "Open a graph…") -> html.Span:
    """What the upload control shows (it reads "Reading the graph…" while an upload is checked)."""
    return html.Span(text, className="button")


def upload_problems(filename: str | None, problems: Sequence[str], *, shown: int = 50) -> list[Any]:
    """Why an upload was refused: every problem with its file, line and field (the first ``shown``)."""
    name = filename or "the file"
    items = [html.Li(problem) for problem in problems[:shown]]
    if len(problems) > shown:
        items.append(html.Li(f"… and {len(problems) - shown} more"))
    count = f"{len(problems)} problem{'s' if len(problems) != 1 else ''}"
    return [
        html.Div([html.Strong(f"{name} was not opened: {count}."), html.Ul(items, className="upload-problems")], className="notice error", id="upload-error")
    ]


def upload_done(store: Mapping[str, Any], notes: Sequence[str]) -> list[Any]:
    """What an accepted upload holds, and what its import left out."""
    text = f"Opened {store.get('name')}: {store.get('nodes', 0):,} nodes, {store.get('relations', 0):,} relations. Only you see this graph."
    parts: list[Any] = [html.Strong(text)]
    if notes:
        parts.append(html.Ul([html.Li(note) for note in notes[:20]]))
    return [html.Div(parts, className="notice info")]
