"""Breadth of the bundled graph (issue 13, item 5): the agents of reference sheet 2 are in the graph
with their targets, cells, signed mechanism chains and adverse outcomes, and every relation that
touches them cites a source and says what it states."""

from __future__ import annotations

import pytest

from mechgraph.graph import read_graph
from mechgraph.query import signed_paths
from mechgraph.vocabulary import Attr, NodeKind, Sign

#: Agents added from reference sheet 2 (``immunomodulators-2.md``).
NEW_AGENTS = [
    "tofacitinib",
    "baricitinib",
    "ruxolitinib",
    "infliximab",
    "adalimumab",
    "etanercept",
    "ipilimumab",
    "atezolizumab",
    "basiliximab",
    "belatacept",
    "alemtuzumab",
    "anti_thymocyte_globulin",
    "cyclophosphamide",
    "ivig",
    "fingolimod",
    "interferon_beta_1a",
    "interferon_gamma_1b",
    "anakinra",
    "canakinumab",
    "sarilumab",
    "secukinumab",
    "ustekinumab",
    "prednisone",
    "prednisolone",
    "cpg_1018",
    "alum",
    "mpl_as04",
    "leflunomide",
    "teriflunomide",
]

#: Agents in the bundled graph (including the article's generic immunomodulator nodes).
MIN_AGENTS = 62


@pytest.fixture(scope="module")
def graph():
    return read_graph()


def relations(graph, u: str, v: str) -> list[str]:
    return [d[Attr.RELATION] for d in graph.get_edge_data(u, v, default={}).values()]


def test_agent_count(graph) -> None:
    agents = [n for n, kind in graph.nodes(data=Attr.KIND) if kind == NodeKind.AGENT]
    assert len(agents) >= MIN_AGENTS, len(agents)


@pytest.mark.parametrize("agent", NEW_AGENTS)
def test_new_agent_is_described(graph, agent: str) -> None:
    node = graph.nodes[agent]
    assert node[Attr.KIND] == NodeKind.AGENT
    assert node.get("agent_class"), agent
    assert node.get("uses"), agent
    assert node.get(Attr.EVIDENCE), agent
    assert graph.out_degree(agent) >= 1 and graph.degree(agent) >= 2, agent


@pytest.mark.parametrize("agent", NEW_AGENTS)
def test_every_relation_of_a_new_agent_has_evidence_with_a_note(graph, agent: str) -> None:
    edges = list(graph.out_edges(agent, data=True)) + list(graph.in_edges(agent, data=True))
    assert edges
    for u, v, data in edges:
        evidence = data.get(Attr.EVIDENCE) or []
        assert evidence, (u, v)
        for item in evidence:
            assert item.get("source"), (u, v)
            assert item.get("note") or item.get("quote"), (u, v)


def test_jak_inhibitors_decrease_jak_stat_signalling(graph) -> None:
    for agent in ("tofacitinib", "baricitinib", "ruxolitinib"):
        assert "inhibits" in relations(graph, agent, "jak_stat_signalling"), agent
        assert "inhibits" in relations(graph, agent, "jak1"), agent
        assert "inhibits" in relations(graph, agent, "jak2"), agent
    report = signed_paths(graph, "tofacitinib", "immune_response")
    assert report.best is not None
    assert report.best.sign is Sign.DECREASES


def test_adverse_outcomes_the_sheet_states(graph) -> None:
    assert "increases" in relations(graph, "tofacitinib", "infection_risk")
    assert "increases" in relations(graph, "tofacitinib", "malignancy")
    assert "increases" in relations(graph, "ruxolitinib", "myelosuppression")
    assert "decreases" in relations(graph, "ruxolitinib", "gvhd")


def test_anti_tnf_agents_decrease_tnf_signalling(graph) -> None:
    for agent in ("infliximab", "adalimumab", "etanercept"):
        assert "binds" in relations(graph, agent, "tnf"), agent
        assert "inhibits" in relations(graph, agent, "tnf_signalling"), agent
        assert "increases" in relations(graph, agent, "infection_risk"), agent
    assert "binds" in relations(graph, "etanercept", "lta")
    assert not relations(graph, "infliximab", "lta")  # infliximab does not bind lymphotoxin (IN1)
    assert not relations(graph, "adalimumab", "lta")  # nor adalimumab (AD1)


def test_in_vitro_monocyte_findings_keep_their_context(graph) -> None:
    for data in graph.get_edge_data("infliximab", "il10_secretion").values():
        assert data["context"]["setting"] == "in vitro"
        assert data["context"]["cell_type"] == "monocyte"


def test_checkpoint_blockade_increases_the_immune_response(graph) -> None:
    for agent, through in (("ipilimumab", "ctla4"), ("atezolizumab", "pd1_signalling")):
        report = signed_paths(graph, agent, "immune_response", k=20)
        assert report.best is not None, agent
        assert any(p.sign is Sign.INCREASES and through in p.nodes for p in report.paths), agent
        assert "increases" in relations(graph, agent, "immune_related_adverse_events"), agent
    assert "inhibits" in relations(graph, "ctla4", "cd28_costimulation")
    assert graph.nodes["atezolizumab"].get("routes") in (None, [])  # route not stated in the sources seen


def test_transplant_agents_prevent_rejection(graph) -> None:
    for agent in ("basiliximab", "belatacept", "anti_thymocyte_globulin", "cyclophosphamide"):
        assert "decreases" in relations(graph, agent, "graft_rejection"), agent
    assert "inhibits" in relations(graph, "basiliximab", "il2_receptor_signalling")
    assert "inhibits" in relations(graph, "belatacept", "cd28_costimulation")
    assert "decreases" in relations(graph, "cyclophosphamide", "gvhd")
    assert "increases" in relations(graph, "cyclophosphamide", "myelosuppression")


def test_depleting_antibodies_lower_lymphocytes(graph) -> None:
    for agent in ("alemtuzumab", "anti_thymocyte_globulin"):
        assert "increases" in relations(graph, agent, "lymphocyte_depletion"), agent
        report = signed_paths(graph, agent, "t_cell")
        assert any(p.sign is Sign.DECREASES and "lymphocyte_depletion" in p.nodes for p in report.paths), agent
        assert Sign.INCREASES not in {p.sign for p in report.paths}, agent
    assert "increases" in relations(graph, "alemtuzumab", "immune_related_adverse_events")  # secondary autoimmunity


def test_cytokine_blockers_decrease_their_signalling(graph) -> None:
    assert "inhibits" in relations(graph, "anakinra", "il1r1")
    for agent in ("anakinra", "canakinumab"):
        assert "inhibits" in relations(graph, agent, "il1_signalling"), agent
    assert "inhibits" in relations(graph, "sarilumab", "il6_signalling")
    report = signed_paths(graph, "sarilumab", "immune_response")
    assert report.best is not None and report.best.sign is Sign.DECREASES


def test_fingolimod_removes_s1p1_and_keeps_lymphocytes_in_lymph_nodes(graph) -> None:
    assert relations(graph, "fingolimod", "fingolimod_phosphate") == ["metabolised_to"]
    report = signed_paths(graph, "fingolimod_phosphate", "lymphocyte_egress")
    assert report.best is not None and report.best.sign is Sign.DECREASES
    assert "decreases" in relations(graph, "fingolimod", "lymphocyte")
    assert "decreases" in relations(graph, "fingolimod", "th17_cell")
    report = signed_paths(graph, "fingolimod", "immune_response", k=20)
    assert any(p.sign is Sign.DECREASES and "lymphocyte_egress" in p.nodes for p in report.paths)


def test_interferons_and_ivig_as_the_sheet_states(graph) -> None:
    assert "activates" in relations(graph, "interferon_beta_1a", "ifnar1")
    assert "decreases" in relations(graph, "interferon_beta_1a", "th17_cell")
    data = next(iter(graph.get_edge_data("interferon_beta_1a", "th17_cell").values()))
    assert data["context"]["species"] == "human"
    assert "increases" in relations(graph, "interferon_gamma_1b", "phagocyte_superoxide_production")
    assert "increases" in relations(graph, "interferon_gamma_1b", "defence_against_infection")
    assert "increases" in relations(graph, "ivig", "regulatory_t_cell")
    assert "decreases" in relations(graph, "ivig", "complement_activation")


def test_new_cell_types_are_in_the_graph(graph) -> None:
    expected = {
        "regulatory_t_cell": "CL:0000815",
        "cd8_t_cell": "CL:0000625",
        "th17_cell": "CL:0000899",
        "plasma_cell": "CL:0000786",
        "eosinophil": "CL:0000771",
        "th1_cell": "CL:0000545",
        "memory_b_cell": "CL:0000787",
    }
    for node, curie in expected.items():
        assert graph.nodes[node][Attr.KIND] == NodeKind.IMMUNE_CELL, node
        assert curie in graph.nodes[node].get(Attr.IDENTIFIERS, []), node
        assert graph.degree(node) >= 1, node


def test_il17_and_il12_23_blockers(graph) -> None:
    assert "inhibits" in relations(graph, "secukinumab", "il17_signalling")
    assert "inhibits" in relations(graph, "ustekinumab", "il12_il23_signalling")
    for cell in ("th1_cell", "th17_cell"):
        report = signed_paths(graph, "ustekinumab", cell)
        assert report.best is not None and report.best.sign is Sign.DECREASES, cell


def test_prednisone_is_activated_to_prednisolone_which_acts_on_the_glucocorticoid_receptor(graph) -> None:
    assert relations(graph, "prednisone", "prednisolone") == ["metabolised_to"]
    assert "activates" in relations(graph, "prednisolone", "nr3c1")
    assert "inhibits" in relations(graph, "nr3c1", "nf_kb")
    assert "decreases" in relations(graph, "prednisone", "eosinophil")
    assert "increases" in relations(graph, "prednisone", "neutrophil")
    report = signed_paths(graph, "prednisone", "immune_response", k=20)
    assert any(p.sign is Sign.DECREASES for p in report.paths)


def test_adjuvants_stimulate(graph) -> None:
    assert "activates" in relations(graph, "cpg_1018", "tlr9")
    assert "activates" in relations(graph, "mpl_as04", "tlr4")
    assert "activates" in relations(graph, "alum", "nlrp3_inflammasome")
    for agent in ("cpg_1018", "mpl_as04", "alum"):
        assert graph.nodes[agent]["agent_class"] == "immunostimulant", agent
        report = signed_paths(graph, agent, "immune_response", k=20)
        assert report.best is not None and report.best.sign is Sign.INCREASES, agent


def test_dhodh_inhibitors_block_lymphocyte_proliferation(graph) -> None:
    for agent in ("leflunomide", "teriflunomide"):
        assert "inhibits" in relations(graph, agent, "dhodh"), agent
        report = signed_paths(graph, agent, "lymphocyte_proliferation")
        assert report.best is not None and report.best.sign is Sign.DECREASES, agent
