"""The dashboard's pure view functions: no server, no browser."""

from __future__ import annotations

import networkx as nx
import pytest

from mechgraph.dashboard import views
from mechgraph.dashboard.graphs import GraphCache, UploadLimits
from mechgraph.dashboard.services import Services
from mechgraph.dashboard.state import FilterValues, ViewState, parse_query
from mechgraph.dashboard.trust import StoreSigner
from mechgraph.graph import read_graph
from mechgraph.layout import Layout
from mechgraph.synthetic import synthetic_graph
from mechgraph.vocabulary import Direction, NodeKind, Sign

HOSTILE = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def bundled() -> nx.MultiDiGraph:
    return read_graph()


def text_of(component: object) -> str:
    return str(component)


def test_the_view_applies_filters_then_the_focus(bundled: nx.MultiDiGraph) -> None:
    state = ViewState(focus="cyclosporine", depth=2, direction=Direction.DOWN, filters=FilterValues(signs=[Sign.DECREASES]))
    view = views.view_of(bundled, state)
    assert "cyclosporine" in view.graph
    assert {d["sign"] for _, _, d in view.graph.edges(data=True)} == {-1}
    downstream = nx.descendants(views.filtered_graph(bundled, state), "cyclosporine")
    assert set(view.graph) - {"cyclosporine"} <= downstream


def test_the_chosen_path_is_always_on_screen(bundled: nx.MultiDiGraph) -> None:
    state = ViewState(focus="il2", depth=1, path_from="cyclosporine", path_to="il2")
    view = views.view_of(bundled, state)
    report = views.path_report(bundled, state)
    chosen = views.chosen_path(report, state)
    assert chosen is not None and chosen.sign is Sign.DECREASES
    assert set(chosen.nodes) <= set(view.graph)
    assert all(view.graph.has_edge(s.u, s.v, s.key) for s in chosen.steps)


def test_a_path_index_out_of_range_falls_back_to_the_best(bundled: nx.MultiDiGraph) -> None:
    state = ViewState(path_from="cyclosporine", path_to="il2", path=19)
    report = views.path_report(bundled, state)
    assert views.chosen_path(report, state) == report.best  # type: ignore[union-attr]


def test_filters_that_leave_nothing_say_so() -> None:
    graph = synthetic_graph(40)
    view = views.view_of(graph, ViewState(filters=FilterValues(sources=["no-such-source"])))
    assert view.graph.number_of_nodes() == 0
    assert any("no relation passes" in notice for notice in view.notices)


def test_elements_are_nodes_then_relations_with_data_the_stylesheet_selects_on() -> None:
    graph = synthetic_graph(80, seed=5)
    positions = {node: (float(i), float(-i)) for i, node in enumerate(graph)}
    elements = views.cytoscape_elements(graph, positions)
    assert len(elements) == graph.number_of_nodes() + graph.number_of_edges()
    nodes, edges = elements[: graph.number_of_nodes()], elements[graph.number_of_nodes() :]
    assert all("position" in e and e["data"]["kind"] in {k.value for k in NodeKind} for e in nodes)
    assert {e["data"]["sign"] for e in edges} <= {-1, 0, 1}
    assert len({e["data"]["id"] for e in elements}) == len(elements)


def test_hostile_labels_stay_text() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("x", kind="agent", label=HOSTILE, identifiers=["javascript:alert(1)"])
    graph.add_node("y", kind="target", label="Y")
    graph.add_edge("x", "y", key="r", relation="inhibits", sign=-1, evidence=[{"source": "s", "quote": HOSTILE, "url": "javascript:alert(2)"}])
    details = views.node_details(graph, "x") + views.relation_details(graph, "x", "y", "r")
    for component in details:
        assert "dangerously" not in text_of(component)
    assert "href='javascript" not in text_of(details) and "javascript:alert(2)" not in text_of(details)
    assert views.cytoscape_elements(graph, {})[0]["data"]["label"] == HOSTILE  # drawn on a canvas as text


def test_highlight_rules_escape_quotes_and_keep_their_count() -> None:
    rules = views.highlight_rules(['a"b\\c'], theme="light")
    assert rules[1]["selector"] == 'node[id = "a\\"b\\\\c"]'
    assert len(views.highlight_rules([], theme="dark")) == views.HIGHLIGHT_RULES == len(rules)


def test_search_options_keep_the_current_value_first(bundled: nx.MultiDiGraph) -> None:
    options = views.search_options(bundled, "IL-2", "cyclosporine")
    assert options[0]["value"] == "cyclosporine"
    assert "il2" in [o["value"] for o in options]
    assert views.search_options(bundled, "", None) == []


def test_source_options_list_cited_sources_most_cited_first(bundled: nx.MultiDiGraph) -> None:
    options = views.filter_options(bundled)["source"]
    assert options[0]["value"] == "article"
    assert all(o["value"] for o in options)


def test_paths_panel_explains_and_warns_when_paths_disagree() -> None:
    graph = nx.MultiDiGraph()
    for node in "abcd":
        graph.add_node(node, label=node.upper(), kind="target")
    graph.add_edge("a", "b", key="r1", relation="activates", sign=1, evidence=[])
    graph.add_edge("b", "d", key="r2", relation="activates", sign=1, evidence=[])
    graph.add_edge("a", "c", key="r3", relation="inhibits", sign=-1, evidence=[])
    graph.add_edge("c", "d", key="r4", relation="activates", sign=1, evidence=[])
    state = ViewState(path_from="a", path_to="d")
    panel = text_of(views.paths_panel(views.path_report(graph, state), graph, state))
    assert "disagree" in panel and "so A increases D" in panel
    assert len(views.path_choices(views.path_report(graph, state), graph)) == 2


def test_paths_panel_keeps_to_one_context_unless_mixed_contexts_are_allowed() -> None:
    graph = nx.MultiDiGraph()
    for node in "abcd":
        graph.add_node(node, label=node.upper(), kind="target")
    graph.add_edge("a", "b", key="r1", relation="activates", sign=1, evidence=[{"source": "S"}], context={"species": "human"})
    graph.add_edge("b", "d", key="r2", relation="activates", sign=1, evidence=[], context={"species": "mouse", "cell_type": "macrophage"})
    graph.add_edge("a", "c", key="r3", relation="inhibits", sign=-1, evidence=[])
    graph.add_edge("c", "d", key="r4", relation="activates", sign=1, evidence=[], context={"species": "murine"})
    within = ViewState(path_from="a", path_to="d")
    report = views.path_report(graph, within)
    assert report is not None and [path.nodes for path in report.paths] == [("a", "c", "d")]
    panel = text_of(views.paths_panel(report, graph, within))
    assert "each within one context" in panel and "mixes contexts" not in panel
    assert "Contexts: species murine" in panel and "in species murine" in panel  # the path, then its step
    mixed = ViewState(path_from="a", path_to="d", mixed_context=True)
    report = views.path_report(graph, mixed)
    assert report is not None and [path.mixed for path in report.paths] == [True, False]  # more evidence first
    panel = text_of(views.paths_panel(report, graph, mixed))
    assert "contexts may mix" in panel and "This path mixes contexts" in panel
    assert "Contexts: species human / mouse; cell type macrophage" in panel
    assert "mixed contexts" in text_of(views.path_choices(report, graph)[0]["label"])
    only_mixed = nx.MultiDiGraph(graph)
    only_mixed.remove_edge("c", "d", key="r4")
    panel = text_of(views.paths_panel(views.path_report(only_mixed, within), only_mixed, within))
    assert "within one context (allow mixed contexts" in panel


def test_sankey_flows_forward_only_and_is_capped() -> None:
    graph = synthetic_graph(600, seed=2)
    figure = views.sankey_figure(graph, max_nodes=25)
    sankey = figure.data[0]
    assert len(sankey.node.label) <= 25
    column = {n: views._COLUMN_OF[graph.nodes[n]["kind"]] for n in graph}
    nodes = [node for node, _ in sankey.node.customdata]
    assert all(column[nodes[s]] < column[nodes[t]] for s, t in zip(sankey.link.source, sankey.link.target, strict=True))


def test_figures_of_an_empty_view_say_so() -> None:
    empty = nx.MultiDiGraph()
    for figure in (views.sankey_figure(empty), views.sign_figure(empty), views.hub_figure(empty)):
        assert figure.layout.annotations and figure.layout.annotations[0].text


def test_upload_problems_are_listed_and_capped() -> None:
    problems = [f"g.yaml:{i}:1: nodes[{i}].kind: bad" for i in range(80)]
    text = text_of(views.upload_problems("g.yaml", problems))
    assert "80 problems" in text and "g.yaml:49:1" in text and "g.yaml:50:1" not in text and "30 more" in text


def test_services_keep_the_whole_map_positions_under_filters() -> None:
    graph = synthetic_graph(300, seed=1)
    services = Services(GraphCache(default=graph, limits=UploadLimits(), signer=StoreSigner(b"k" * 32)))
    every = ViewState(opened=("all",))  # every node, not the overview
    whole = services.drawing("served", graph, every)
    filtered = services.drawing("served", graph, parse_query("?sign=decreases&open=all")[0])
    assert filtered.view.graph.number_of_nodes() < whole.view.graph.number_of_nodes()
    assert all(filtered.positions[n] == whole.positions[n] for n in filtered.view.graph)
    focus = next(iter(graph))
    focused = services.drawing("served", graph, ViewState(focus=focus, layout=Layout.COMPACT))
    assert set(focused.positions) == set(focused.view.graph)
    assert services.drawing("served", graph, every) is whole  # cached by content


def _walk(component: object):  # type: ignore[no-untyped-def]
    if isinstance(component, (list, tuple)):
        for child in component:
            yield from _walk(child)
    elif hasattr(component, "children"):
        yield component
        yield from _walk(component.children)


def _text(component: object) -> str:
    if isinstance(component, str):
        return component
    if isinstance(component, (list, tuple)):
        return "".join(_text(c) for c in component)
    return _text(getattr(component, "children", None) or "")


def test_a_merged_step_lights_and_shows_every_relation_it_stands_for(bundled: nx.MultiDiGraph) -> None:
    state = ViewState(focus="il2", depth=1, path_from="cyclosporine", path_to="il2", path=0)
    view = views.view_of(bundled, state)
    parallels = {"r-256f560154f2", "r-b842f1559e7c", "r-1f99cf30c41e", "r-9ac448820ca0"}  # NFAT -> IL-2 tx, calcineurin -> NFAT
    assert parallels <= set(view.lit)
    assert all(any(key == k for *_, k in view.graph.edges(keys=True)) for key in parallels)
    report = views.path_report(bundled, state)
    panel = _text(views.paths_panel(report, bundled, state))
    assert "NFAT is required for and activates IL-2 gene transcription" in panel
    assert "3 citations, joined from 2 relations (required for, activates)" in panel
    choices = [_text(option["label"]) for option in views.path_choices(report, bundled)]
    assert len(choices) == len(set(choices)) == 5


def test_quotes_and_notes_are_labelled_for_what_they_are() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("a", label="A")
    graph.add_node("b", label="B")
    evidence = [
        {"source": "article", "quote": "A inhibits B.", "title": "The article"},
        {"source": "C2", "note": "paraphrased: acts through a complex", "url": "http://www.ncbi.nlm.nih.gov/pubmed/8591053"},
        {"source": "C3", "url": "https://clustermed.info/drugs/t/tacrolimus.html"},
    ]
    graph.add_edge("a", "b", key="r1", relation="inhibits", sign=-1, evidence=evidence)
    parts = list(_walk(views.relation_details(graph, "a", "b", "r1")))
    quotes = [c for c in parts if type(c).__name__ == "Blockquote"]
    assert [_text(q) for q in quotes] == ["A inhibits B."]  # the note is not in quotation styling
    figures = [c for c in parts if type(c).__name__ == "Figure"]
    assert len(figures) == 1 and _text(figures[0]).startswith("Quote")
    notes = [c for c in parts if getattr(c, "className", None) == "evidence-note"]
    assert len(notes) == 1 and _text(notes[0]) == "Noteparaphrased: acts through a complex"
    cites = [_text(c) for c in parts if getattr(c, "className", None) == "cite"]
    assert cites[0] == "Source: The article [article]"
    assert cites[1] == "Source: http://www.ncbi.nlm.nih.gov/pubmed/8591053 · PMID 8591053 [C2]"  # the URL, not a bare domain
    assert cites[2] == "Source: https://clustermed.info/drugs/t/tacrolimus.html [C3]"


def test_the_sankey_labels_are_short_and_whole_in_the_hover() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("d", kind="agent", label="Cyclosporine")
    graph.add_node("c", kind="target", label="Cyclosporine-cyclophilin complex")
    graph.add_edge("d", "c", relation="part_of", sign=0)
    sankey = views.sankey_figure(graph).data[0]
    assert max(len(label) for label in sankey.node.label) <= views.SANKEY_LABEL_CHARACTERS
    assert [label for _, label in sankey.node.customdata] == ["Cyclosporine", "Cyclosporine-cyclophilin complex"]
    assert "customdata[1]" in sankey.node.hovertemplate


def test_the_draft_lights_the_selected_relation_with_its_two_nodes() -> None:
    from mechgraph.dashboard import draft as drafting

    store, _ = drafting.draft_store("Cyclosporine inhibits calcineurin. IL-2 activates T cells.")
    draft = drafting.draft_of(store, {})
    assert draft is not None
    first = draft.relations[0]
    assert drafting.lit_ids(draft, first.id) == [first.source, first.target, first.id]
    assert drafting.lit_ids(draft, None) == []
    sheet = drafting.draft_stylesheet("light", first.id, draft)
    node_rule = sheet[-2]["selector"]
    assert f'node[id = "{first.source}"]' in node_rule and f'node[id = "{first.target}"]' in node_rule


def test_a_path_asked_of_the_whole_map_shows_that_path_not_the_map() -> None:
    from mechgraph.graph import read_graph

    graph = read_graph()
    view = views.view_of(graph, parse_query("?from=tacrolimus&to=il2")[0])
    report = views.path_report(graph, parse_query("?from=tacrolimus&to=il2")[0])
    assert report is not None and report.paths
    assert set(view.graph.nodes) == set(report.paths[0].nodes)  # the chosen path, as one chain
    second = views.view_of(graph, parse_query("?from=tacrolimus&to=il2&path=1")[0])
    assert set(second.graph.nodes) == set(report.paths[1].nodes)
    assert not view.summarise
    assert set(views.path_element_ids(report.paths[0])) <= set(view.lit)
    # with a focus, the focus's neighbourhood stays and the path is added to it
    focused = views.view_of(graph, parse_query("?focus=calcineurin&from=tacrolimus&to=il2")[0])
    assert set(focused.graph.nodes) > set(report.paths[0].nodes)
