"""The questions of the issue, asked of the bundled immunomodulation graph."""

from __future__ import annotations

import networkx as nx
import pytest

from mechgraph.query import effects, explain, filter_graph, graph_stats, resolve_node, search, signed_paths, upstream
from mechgraph.resources import bundled_graph_path
from mechgraph.vocabulary import Sign

from .test_query_support import bundled_graph, snapshot

pytestmark = pytest.mark.skipif(not bundled_graph_path().exists(), reason="data/immunomodulation.yaml is not there yet")


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    loaded = bundled_graph()
    assert loaded is not None
    return loaded


@pytest.mark.parametrize("name", ["il2", "IL-2", "interleukin 2", "interleukin-2", "IL2"])
def test_il2_is_found_however_it_is_written(graph: nx.MultiDiGraph, name: str) -> None:
    assert resolve_node(graph, name) == "il2"
    assert search(graph, name)[0].node == "il2"


@pytest.mark.parametrize("name", ["TNF-alpha", "TNFa", "tnf α", "TNF"])
def test_tnf_is_found_however_it_is_written(graph: nx.MultiDiGraph, name: str) -> None:
    assert resolve_node(graph, name) == "tnf"
    assert search(graph, name)[0].node == "tnf"


@pytest.mark.parametrize("target", ["il2", "il2_transcription"])
def test_cyclosporine_decreases_il2(graph: nx.MultiDiGraph, target: str) -> None:
    report = signed_paths(graph, "cyclosporine", target)
    assert report.best is not None and report.best.sign is Sign.DECREASES
    assert "calcineurin" in report.best.nodes
    assert not report.disagree
    text = explain(report.best, graph)
    assert text.startswith("Cyclosporine inhibits Calcineurin; Calcineurin ")
    assert text.endswith(f"so Cyclosporine decreases {graph.nodes[target]['label']} (net: decreases)")


@pytest.mark.parametrize("target", ["il2", "il2_transcription"])
def test_lenalidomide_increases_il2(graph: nx.MultiDiGraph, target: str) -> None:
    report = signed_paths(graph, "lenalidomide", target)
    assert report.best is not None and report.best.sign is Sign.INCREASES
    assert Sign.DECREASES not in {path.sign for path in report.paths}
    assert explain(report.best, graph).endswith("(net: increases)")


def test_effects_of_imiquimod_include_secretion_and_surface_expression(graph: nx.MultiDiGraph) -> None:
    found = effects(graph, "imiquimod")
    assert {"secretion", "surface_expression"} <= set(found)
    secretion = {effect.node: effect.sign for effect in found["secretion"]}
    assert secretion["tnf_secretion"] is Sign.INCREASES
    surface = {effect.node: effect.sign for effect in found["surface_expression"]}
    assert Sign.DECREASES not in surface.values()
    assert all(surface[node] is Sign.INCREASES for node in surface if node.startswith("dc_"))


def test_which_agents_act_indirectly(graph: nx.MultiDiGraph) -> None:
    indirect = filter_graph(graph, mechanisms=["indirect"])
    agents = {u for u, _ in indirect.edges() if graph.nodes[u]["kind"] == "agent"}
    assert agents
    assert all(d["mechanism"] == "indirect" for _, _, d in indirect.edges(data=True))


def test_what_alters_mrna_stability(graph: nx.MultiDiGraph) -> None:
    stability = [n for n, process in graph.nodes(data="process") if process == "mrna_stability"]
    assert stability
    sources = set().union(*(upstream(graph, n) for n in stability)) - set(stability)
    assert any(graph.nodes[n]["kind"] == "agent" for n in sources)


def test_stats_and_no_change_to_the_graph(graph: nx.MultiDiGraph) -> None:
    before = snapshot(graph)
    stats = graph_stats(graph)
    assert stats["relations"] == graph.number_of_edges()
    assert stats["hubs"]["degree"] and stats["hubs"]["betweenness"]
    assert snapshot(graph) == before
