"""What an immunologist checks in the bundled graph (issue 13): the corrections of the reference
sheets are kept, the drug layer reaches the article's processes and phases with a signed path, and
every relation that cites only a URL says what its source states."""

from __future__ import annotations

import pytest

from mechgraph.graph import read_graph
from mechgraph.query import effects, signed_paths
from mechgraph.vocabulary import Attr, NodeKind, Sign


@pytest.fixture(scope="module")
def graph():
    return read_graph()


def relations(graph, u: str, v: str) -> list[str]:
    return [d[Attr.RELATION] for d in graph.get_edge_data(u, v, default={}).values()]


def symbols(graph, node: str) -> list[str]:
    return [i for i in graph.nodes[node].get(Attr.IDENTIFIERS, []) if i.startswith("hgnc.symbol:")]


# ---------------------------------------------------------------- corrections (reference sheet 2, section 3)


def test_sargramostim_binds_the_gm_csf_receptor_not_il3ra(graph) -> None:
    assert "binds" in relations(graph, "sargramostim", "csf2ra")
    assert "binds" in relations(graph, "sargramostim", "csf2rb")
    assert not any("hgnc.symbol:IL3RA" in graph.nodes[n].get(Attr.IDENTIFIERS, []) for n in graph.successors("sargramostim"))
    assert "il3ra" not in graph


def test_brefeldin_a_has_no_cyth2_target_and_arf1_only_as_substrate(graph) -> None:
    for node in graph.successors("brefeldin_a"):
        assert "hgnc.symbol:CYTH2" not in graph.nodes[node].get(Attr.IDENTIFIERS, []), node
    assert not relations(graph, "brefeldin_a", "arf1")
    assert relations(graph, "brefeldin_a", "gbf1") == ["inhibits"]
    assert relations(graph, "gbf1", "arf1") == ["activates"]


def test_imiquimod_acts_on_tlr7_and_not_tlr8(graph) -> None:
    assert relations(graph, "imiquimod", "tlr7") == ["activates"]
    targets = {i for n in graph.successors("imiquimod") for i in graph.nodes[n].get(Attr.IDENTIFIERS, [])}
    assert "hgnc.symbol:TLR8" not in targets


def test_hprt1_activates_mercaptopurine_and_is_no_azathioprine_target(graph) -> None:
    assert not relations(graph, "azathioprine", "hprt1")
    assert "hprt1" not in set(graph.successors("azathioprine"))
    assert relations(graph, "hprt1", "mercaptopurine_activation") == ["required_for"]
    assert relations(graph, "mercaptopurine_activation", "thioinosine_monophosphate") == ["produces"]
    assert "metabolised_to" in relations(graph, "thioinosine_monophosphate", "thio_gtp")


def test_alppl2_is_now_alpg(graph) -> None:
    every = {i for _, ids in graph.nodes(data=Attr.IDENTIFIERS) for i in ids or []}
    assert "hgnc.symbol:ALPPL2" not in every
    assert symbols(graph, "alpg") == ["hgnc.symbol:ALPG"]
    assert relations(graph, "levamisole", "alpg") == ["acts_on"]  # unsigned: L-levamisole inhibits ALPL [AP2]


def test_no_node_lumps_several_genes(graph) -> None:
    assert "stat" not in graph
    for node, data in graph.nodes(data=True):
        assert len(symbols(graph, node)) <= 1, node
        synonyms = " ".join(data.get(Attr.SYNONYMS, []))
        assert not ("STAT1" in synonyms and "STAT5" in synonyms), node
    assert relations(graph, "stat1", "isgf3") == relations(graph, "stat2", "isgf3") == ["part_of"]
    assert relations(graph, "stat5", "il2_receptor_signalling") == ["part_of"]
    assert not relations(graph, "stat5", "isgf3")


def test_il2_transcription_is_not_the_cause_of_costimulation(graph) -> None:
    assert not relations(graph, "il2_transcription", "t_cell_costimulation")
    for agent in ("cyclosporine", "tacrolimus"):
        report = signed_paths(graph, agent, "t_cell_costimulation", max_length=8)
        assert all("il2_transcription" not in path.nodes for path in report.paths), agent
    assert signed_paths(graph, "lenalidomide", "t_cell_costimulation").best.sign is Sign.INCREASES


def test_imids_retarget_cereblon_rather_than_activate_it(graph) -> None:
    for agent in ("lenalidomide", "pomalidomide"):
        assert relations(graph, agent, "crl4_crbn") == ["acts_on"]
        assert relations(graph, agent, "ikzf1_ikzf3_degradation") == ["increases"]


def test_signs_are_given_where_the_source_states_a_negative_effect(graph) -> None:
    assert relations(graph, "bh4", "nos_uncoupling") == ["decreases"]
    assert relations(graph, "atic", "adenosine_release") == ["decreases"]


def test_hydroxychloroquine_is_not_drawn_as_a_direct_tlr_antagonist(graph) -> None:
    for tlr in ("tlr7", "tlr9"):
        for data in graph.get_edge_data("hydroxychloroquine", tlr).values():
            assert data[Attr.SIGN] == Sign.UNKNOWN and data.get(Attr.MECHANISM) != "direct"
    assert relations(graph, "hydroxychloroquine", "endosomal_acidification") == ["decreases"]


def test_thymalfasin_increases_t_cell_function_not_the_t_cell(graph) -> None:
    assert relations(graph, "thymalfasin", "t_cell") == ["acts_on"]
    assert relations(graph, "thymalfasin", "t_cell_effector_function") == ["increases"]
    assert "species" in graph.nodes["thymalfasin"]["note"].lower()


def test_dexamethasone_is_dexamethasone_and_class_level_claims_say_so(graph) -> None:
    node = graph.nodes["dexamethasone"]
    assert node[Attr.LABEL] == "Dexamethasone"
    assert not any("glucocorticoid" in s.lower() for s in node.get(Attr.SYNONYMS, []))
    for _, _, data in graph.out_edges("dexamethasone", data=True):
        if {e["source"] for e in data[Attr.EVIDENCE]} & {"G1", "G3", "G4"}:
            assert "class-level" in (data.get("note") or "").lower(), data[Attr.RELATION]


def test_go_0002377_is_labelled_immunoglobulin_production(graph) -> None:
    labelled = [n for n, ids in graph.nodes(data=Attr.IDENTIFIERS) if "GO:0002377" in (ids or [])]
    assert labelled and all(graph.nodes[n][Attr.LABEL] == "Immunoglobulin production" for n in labelled)


def test_an_indirect_relation_seen_in_vitro_keeps_that_in_its_setting(graph) -> None:
    for data in graph.get_edge_data("interferon_alfa", "tumour_mhc_class_i_surface_expression").values():
        assert data[Attr.MECHANISM] == "indirect"
        assert "in vitro" in data[Attr.CONTEXT]["setting"]
        assert data[Attr.CONTEXT]["species"] == "mouse"


def test_agents_have_at_most_the_routes_a_reference_sheet_states(graph) -> None:
    # Sheet 1 gives no route for sirolimus, everolimus, pomalidomide, hydroxychloroquine or
    # pembrolizumab (caveat 8); sheet 2 adds none for them.
    for agent in ("sirolimus", "everolimus", "pomalidomide", "hydroxychloroquine", "pembrolizumab"):
        assert not graph.nodes[agent].get(Attr.ROUTES), agent
    assert graph.nodes["nivolumab"][Attr.ROUTES] == ["intravenous"]


def test_every_agent_has_a_kind(graph) -> None:
    assert sum(1 for _, kind in graph.nodes(data=Attr.KIND) if kind == NodeKind.AGENT) >= 25


# ---------------------------------------------------------------- the drug layer reaches the article's layer

ARTICLE_PROCESSES = (
    "gene_expression",
    "mrna_processing",
    "intracellular_protein_transport",
    "protein_synthesis",
    "protein_secretion",
    "surface_protein_expression",
)
PHASES = ("induction_of_immune_response", "maintenance_of_immune_response", "regulation_of_immune_response")


@pytest.mark.parametrize(
    ("agent", "sign"),
    [
        ("cyclosporine", Sign.DECREASES),
        ("tacrolimus", Sign.DECREASES),
        ("dexamethasone", Sign.DECREASES),
        ("methotrexate", Sign.DECREASES),
        ("aldesleukin", Sign.INCREASES),
        ("lenalidomide", Sign.INCREASES),
    ],
)
def test_the_six_agents_reach_the_immune_response_with_a_signed_path(graph, agent: str, sign: Sign) -> None:
    report = signed_paths(graph, agent, "immune_response")
    assert report.best is not None, agent
    assert report.best.sign is sign, [p.nodes for p in report.paths]
    assert set(report.best.nodes) & {"induction_of_immune_response", "maintenance_of_immune_response"}
    assert all(p.sign in (sign, Sign.UNKNOWN) for p in report.paths), agent  # no signed path says the opposite


@pytest.mark.parametrize("agent", ["cyclosporine", "tacrolimus"])
def test_calcineurin_inhibitors_reach_the_response_through_their_mechanism(graph, agent: str) -> None:
    report = signed_paths(graph, agent, "immune_response", k=20)
    through = [p for p in report.paths if "calcineurin" in p.nodes and p.sign is Sign.DECREASES]
    assert through, [p.nodes for p in report.paths]


def test_the_article_processes_and_phases_are_no_islands(graph) -> None:
    for process in ARTICLE_PROCESSES:
        for phase in PHASES[:2]:
            assert "required_for" in relations(graph, process, phase), (process, phase)
        assert relations(graph, process, PHASES[2]) == ["regulates"]
    for process in ARTICLE_PROCESSES[:1] + ARTICLE_PROCESSES[2:]:  # no agent alters mRNA processing proper
        specific = [u for u in graph.predecessors(process) if graph.nodes[u][Attr.KIND] == NodeKind.PROCESS]
        assert specific, process
    assert relations(graph, PHASES[0], "immune_response") == ["required_for"]
    assert relations(graph, PHASES[1], "immune_response") == ["required_for"]


def test_stimulate_or_inhibit_is_two_signed_relations(graph) -> None:
    assert sorted(relations(graph, "immunomodulator", "immune_response")) == ["decreases", "increases"]
    for data in graph.get_edge_data("immunomodulator", "immune_response").values():
        assert any("stimulates or inhibits" in e.get("quote", "") for e in data[Attr.EVIDENCE])


def test_every_specific_process_of_an_article_kind_in_immune_cells_is_connected(graph) -> None:
    """Process nodes of the article's kinds reach an article process, unless they happen outside
    immune cells or their effect on the response is not positive (each listed with why)."""
    outside = {
        "urothelial_gene_expression_bcg": "urothelial tumour cells (indirect route)",
        "zfp36_expression": "epithelial cells and fibroblasts (caveat 1)",
        "tumour_mhc_class_i_surface_expression": "murine tumour cells (indirect route)",
        "acute_phase_protein_synthesis": "hepatocytes (indirect route)",
        "adenosine_release": "fibroblast-like synoviocytes (indirect route)",
        "proapoptotic_gene_expression": "pro-apoptotic: lowers, not raises, the response",
        "il10_secretion": "anti-inflammatory cytokine: its sign on the response is not stated",
        "endothelial_adhesion_molecule_expression": "endothelial cells (indirect route)",
        "soluble_tnfr2_release": "TNF decoy receptor: its sign on the response is not stated",
    }
    kinds = {"gene_expression", "protein_transport", "protein_synthesis", "secretion", "surface_expression"}
    for node, data in graph.nodes(data=True):
        if data.get(Attr.PROCESS) in kinds and node not in ARTICLE_PROCESSES and node not in outside:
            reached = [p for p in ARTICLE_PROCESSES if signed_paths(graph, node, p, max_length=3).paths]
            assert reached, node


# ---------------------------------------------------------------- evidence says what it states


def test_every_url_only_relation_says_what_its_source_states(graph) -> None:
    """A relation that quotes nothing carries a note on each of its evidence items (issue 13)."""
    bare = [
        (u, v, data[Attr.RELATION], item["source"])
        for u, v, data in graph.edges(data=True)
        for item in data[Attr.EVIDENCE]
        if not item.get("quote") and not item.get("note")
    ]
    assert bare == []


def test_relation_ids_the_dashboard_tests_name_are_kept(graph) -> None:
    assert graph.has_edge("calcineurin", "nfat", key="r-1f99cf30c41e")
    assert graph.has_edge("nfat", "il2_transcription", key="r-256f560154f2")


# ---------------------------------------------------------------- reasoning within context


def reached(graph, agent: str, *, mixed: bool = False) -> dict:
    return {e.node: e for group in effects(graph, agent, mixed_context=mixed).values() for e in group}


def test_hydroxychloroquine_does_not_reach_bcg_immune_activation_unless_contexts_are_mixed(graph) -> None:
    assert "bcg_immune_activation" not in reached(graph, "hydroxychloroquine")
    mixed = reached(graph, "hydroxychloroquine", mixed=True)
    assert mixed["bcg_immune_activation"].path.mixed
    assert reached(graph, "bcg")["bcg_immune_activation"].sign is Sign.INCREASES


@pytest.mark.parametrize("agent", ["dexamethasone", "methotrexate"])
def test_thymalfasin_dendritic_cell_findings_are_not_borrowed_by_other_agents(graph, agent: str) -> None:
    # The p38/NF-kB -> IL-12 -> Th1 steps were shown under thymalfasin in fungus-pulsed (mouse) DCs.
    within = reached(graph, agent)
    assert "il12_secretion" not in within and "th1_immunity" not in within
    for node, effect in reached(graph, agent, mixed=True).items():
        if node not in within:
            assert effect.path.mixed, node
    thymalfasin = reached(graph, "thymalfasin")
    assert thymalfasin["il12_secretion"].sign is Sign.INCREASES and not thymalfasin["il12_secretion"].path.mixed


def test_relations_shown_under_an_agent_name_an_agent_and_keep_the_species_the_source_gives(graph) -> None:
    gated = [(u, v, d) for u, v, d in graph.edges(data=True) if (d.get(Attr.CONTEXT) or {}).get("agent")]
    assert gated
    for u, v, d in gated:
        assert graph.nodes[d[Attr.CONTEXT]["agent"]][Attr.KIND] == NodeKind.AGENT.value, (u, v)
    in_vivo = [d for u, v, d in gated if u in ("il12_secretion", "dc_maturation") and v == "th1_immunity"]
    assert in_vivo and all(d[Attr.CONTEXT]["species"] == "mouse" for d in in_vivo)
