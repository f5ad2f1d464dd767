"""What real files of other tools say is kept: stated signs, literature evidence, labels, and what
mechgraph writes reads back the same.

Each fixture under ``tests/fixtures/formats/`` has the structure of a real file of its type (see
the README there); its PubMed ids and sentences are test values.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from mechgraph.formats import check_graph, read, write
from mechgraph.vocabulary import Attr

from .conftest import FIXTURES

FORMATS = FIXTURES / "formats"


def _edges_by_labels(graph: nx.MultiDiGraph) -> dict[tuple[str, str], dict[str, Any]]:
    return {(graph.nodes[u][Attr.LABEL], graph.nodes[v][Attr.LABEL]): data for u, v, data in graph.edges(data=True)}


def _cited(data: dict[str, Any]) -> list[str]:
    return [item["source"] for item in data[Attr.EVIDENCE]]


# -- 1. a sign stated in the file beats the relation name ------------------------------------------


def test_cx_polarity_beats_the_relation_name_and_is_kept() -> None:
    result = read(FORMATS / "indra-polarity.cx")
    edges = _edges_by_labels(result.graph)
    agt_akt = edges["AGT", "AKT1"]
    assert agt_akt[Attr.RELATION] == "inhibits" and agt_akt[Attr.SIGN] == -1  # "Activation", polarity negative
    assert agt_akt[Attr.EXTRA]["polarity"] == "negative"
    assert agt_akt[Attr.EXTRA]["interaction"] == "Activation"
    il6_stat3 = edges["IL6", "STAT3"]
    assert il6_stat3[Attr.RELATION] == "increases" and il6_stat3[Attr.SIGN] == 1  # unknown name, polarity positive
    assert edges["AKT1", "STAT3"][Attr.SIGN] == 0  # polarity "none": no sign claimed
    assert check_graph(result.graph) == []


def test_the_import_report_counts_signed_and_unsigned_edges_as_they_came_in() -> None:
    lines = read(FORMATS / "indra-polarity.cx").report_lines()
    unsigned = [line for line in lines if "as unsigned" in line]
    assert unsigned == ["note: 1 edge(s) of unknown type 'Complex': imported as unsigned 'interacts_with' (the name kept in extra.interaction)"]
    assert any(line.startswith("note: 1 edge(s) whose sign attribute contradicts the relation name") for line in lines)
    assert any(line.startswith("note: 1 edge(s) whose relation name gives no sign signed by the file's own sign attribute") for line in lines)
    assert lines[-1] == "note: relations by sign: 1 increase (+), 1 decrease (-), 1 unsigned"


# -- 2. literature evidence and context ------------------------------------------------------------


def test_cx1_citations_and_supports_become_pubmed_evidence() -> None:
    result = read(FORMATS / "indra-polarity.cx")
    graph = result.graph
    edges = _edges_by_labels(graph)
    agt_akt = edges["AGT", "AKT1"]
    assert _cited(agt_akt) == ["pubmed.10000001"]
    (evidence,) = agt_akt[Attr.EVIDENCE]
    assert "“Test sentence one: AGT lowered AKT activation.”" in evidence["note"]
    assert graph.graph[Attr.SOURCES]["pubmed.10000001"]["url"] == "https://pubmed.ncbi.nlm.nih.gov/10000001/"
    il6_stat3 = edges["IL6", "STAT3"]
    assert _cited(il6_stat3) == ["pubmed.10000002", "indra-polarity.cx"]
    unpaired = il6_stat3[Attr.EVIDENCE][1]["note"]  # sentences the file ties to no article cite the file
    assert "“Test sentence two: IL6 raised STAT3 levels.”" in unpaired and "“Test sentence three, cited by no article.”" in unpaired
    assert il6_stat3[Attr.EXTRA]["citations"] == [{"dc:identifier": "doi:10.9999/not-a-pmid", "dc:title": "A test article without a PubMed id"}]
    assert not any("citations" in line or "supports" in line for line in result.report_lines() if line.startswith("dropped"))
    pubmed = {sid for sid in graph.graph[Attr.SOURCES] if sid.startswith("pubmed.")}
    assert pubmed == {"pubmed.10000001", "pubmed.10000002"}  # only the PubMed ids the file has


@pytest.mark.parametrize("name", ["signor-tnf.cx2", "signor-tnf.cx"])
def test_signor_attributes_in_cx_become_evidence_and_mechanism(name: str) -> None:
    graph = read(FORMATS / name).graph
    edges = _edges_by_labels(graph)
    binding = edges["TNF", "TNFRSF1A"]
    assert binding[Attr.MECHANISM] == "direct"
    assert _cited(binding) == ["pubmed.10000003"]
    assert "“Test sentence: TNF binds its receptor.”" in binding[Attr.EVIDENCE][0]["note"]
    assert binding[Attr.EXTRA]["mechanism"] == "binding"  # SIGNOR's mechanism has no field: kept
    assert binding[Attr.CONTEXT] == {"species": "human"}  # taxon 9606
    assert not {"citation", "sentence", "direct", "species"} & set(binding[Attr.EXTRA])
    two = edges["TNFRSF1A", "NFKB"]
    assert two[Attr.MECHANISM] == "indirect"
    assert _cited(two)[:2] == ["pubmed.10000004", "pubmed.10000005"]
    assert edges["dexamethasone", "NFKB"][Attr.SIGN] == -1
    assert check_graph(graph) == []


def test_signor_tsv_rows_become_nodes_evidence_and_mechanism() -> None:
    result = read(FORMATS / "signor.tsv")
    graph = result.graph
    labels = {data[Attr.LABEL]: data for _, data in graph.nodes(data=True)}
    assert set(labels) == {"TNF", "TNFRSF1A", "dexamethasone", "NFKB", "IKBKB", "NFKBIA"}
    assert labels["TNF"][Attr.IDENTIFIERS] == ["uniprot:P01375"]
    assert labels["dexamethasone"][Attr.IDENTIFIERS] == ["CHEBI:41879"]
    edges = _edges_by_labels(graph)
    destabilised = edges["IKBKB", "NFKBIA"]
    assert destabilised[Attr.RELATION] == "decreases" and destabilised[Attr.MECHANISM] == "direct"
    assert _cited(destabilised) == ["pubmed.10000009"]
    assert "“Test sentence: IKBKB phosphorylates NFKBIA.”" in destabilised[Attr.EVIDENCE][0]["note"]
    assert destabilised[Attr.EXTRA]["MECHANISM"] == "phosphorylation"
    assert destabilised[Attr.EXTRA]["SIGNOR_ID"] == "SIGNOR-T3"
    assert edges["dexamethasone", "NFKB"][Attr.MECHANISM] == "indirect"
    assert edges["TNF", "TNFRSF1A"][Attr.CONTEXT] == {"species": "human", "cell_type": "BTO:0000801"}
    assert check_graph(graph) == []


# -- 3. signed SIF written 1 / -1 ------------------------------------------------------------------


def test_sif_with_one_and_minus_one_keeps_every_sign() -> None:
    result = read(FORMATS / "cellnopt-signed.sif")
    signs = {(u, v): data[Attr.SIGN] for u, v, data in result.graph.edges(data=True)}
    assert signs == {
        ("egf", "egfr"): 1,
        ("egfr", "ras"): 1,
        ("ras", "pi3k"): 1,
        ("pi3k", "akt"): 1,
        ("tnfa", "nfkb"): 1,
        ("ikk", "ikba"): -1,
        ("ikba", "nfkb"): -1,
    }
    assert not any("unknown type" in line for line in result.report_lines())


# -- 4. Cytoscape.js element arrays ----------------------------------------------------------------


def _elements() -> list[dict[str, Any]]:
    return json.loads((FORMATS / "cytoscapejs-elements.json").read_text())


def _cyjs_cases() -> dict[str, Any]:
    elements = _elements()
    return {
        "bare array": elements,
        "elements array": {"elements": elements},
        "elements object": {
            "elements": {
                "nodes": [e for e in elements if "source" not in e["data"]],
                "edges": [e for e in elements if "source" in e["data"]],
            }
        },
    }


@pytest.mark.parametrize("case", ["bare array", "elements array", "elements object"])
def test_cytoscape_js_elements_read_in_every_shape(case: str, tmp_path: Path) -> None:
    text = json.dumps(_cyjs_cases()[case])
    named = read(text, format="cyjs", name="net.cyjs").graph
    path = tmp_path / "net.json"
    path.write_text(text)
    sniffed = read(path)
    assert sniffed.format == "cyjs"
    for graph in (named, sniffed.graph):
        assert {(u, v, d[Attr.RELATION]) for u, v, d in graph.edges(data=True)} == {("il2", "il2ra", "binds"), ("il2ra", "stat5", "activates")}
        assert graph.nodes["il2"][Attr.LABEL] == "IL2"
        assert graph.nodes["il2"][Attr.POSITION] == {"x": 10.0, "y": 20.0}


# -- 5. files mechgraph writes, it reads back the same -------------------------------------------


def test_csv_with_a_foreign_source_column_reads_and_reads_back(tmp_path: Path) -> None:
    graph = read(FORMATS / "foreign-source-column.csv").graph
    edges = {(u, v): d for u, v, d in graph.edges(data=True)}
    assert set(edges) == {("il2", "ifng"), ("il10", "tnf")}
    assert edges["il2", "ifng"][Attr.EXTRA] == {"Source": "Reactome", "Target": "T cell"}
    for name in ("g.csv", "g.tsv"):
        again = read(write(graph, tmp_path / name).path).graph
        assert {(u, v): d for u, v, d in again.edges(data=True)} == edges, name


def test_gexf_label_beats_name_and_symbol_attributes(tmp_path: Path) -> None:
    graph = read(FORMATS / "gephi-name-column.gexf").graph
    assert graph.nodes["n0"][Attr.LABEL] == "Interleukin 2"
    assert graph.nodes["n0"][Attr.EXTRA]["name"] == "IL2_HUMAN"
    assert graph.nodes["n0"][Attr.EXTRA]["symbol"] == "IL2"
    again = read(write(graph, tmp_path / "g.gexf").path).graph
    assert {n: d[Attr.LABEL] for n, d in again.nodes(data=True)} == {"n0": "Interleukin 2", "n1": "Interferon gamma"}
    assert again.nodes["n0"][Attr.EXTRA] == graph.nodes["n0"][Attr.EXTRA]


@pytest.mark.parametrize("fixture", ["indra-polarity.cx", "signor-tnf.cx2", "cellnopt-signed.sif"])
def test_sif_round_trip_keeps_every_sign(fixture: str, tmp_path: Path) -> None:
    graph = read(FORMATS / fixture).graph
    written = write(graph, tmp_path / "g.sif")
    again = read(written.path).graph
    assert sorted((u, v, d[Attr.SIGN]) for u, v, d in again.edges(data=True)) == sorted((u, v, d[Attr.SIGN]) for u, v, d in graph.edges(data=True))


# -- 6. Pathway Commons extended SIF ---------------------------------------------------------------


def test_pathway_commons_labels_are_gene_symbols_and_never_shared() -> None:
    result = read(FORMATS / "pathwaycommons-extended.txt")
    graph = result.graph
    by_original = {d.get(Attr.EXTRA, {}).get("original_id", n): d for n, d in graph.nodes(data=True)}
    assert by_original["P18669"][Attr.LABEL] == "PGAM1"
    assert by_original["Q8N0Y7"][Attr.LABEL] == "PGAM4"
    assert by_original["P06733"][Attr.LABEL] == "ENO1"
    assert "PGAM1_HUMAN" in by_original["P18669"][Attr.SYNONYMS]
    labels = [d[Attr.LABEL] for _, d in graph.nodes(data=True)]
    assert len(labels) == len(set(labels)), labels
    assert {by_original["CHEBI:15422"][Attr.LABEL], by_original["CHEBI:30616"][Attr.LABEL]} == {"ATP (CHEBI:15422)", "ATP (CHEBI:30616)"}
    assert any("share a name" in line for line in result.report_lines())
    pgam1_eno1 = _edges_by_labels(graph)["PGAM1", "ENO1"]
    assert _cited(pgam1_eno1) == ["pubmed.10000006", "pubmed.10000007"]
    assert "(Reactome, INOH)" in pgam1_eno1[Attr.EVIDENCE][0]["note"]
    assert check_graph(graph) == []


# -- 8. node-link JSON that networkx reads ---------------------------------------------------------


def test_node_link_json_is_what_networkx_reads_without_options(tmp_path: Path) -> None:
    graph = read(FORMATS / "signor-tnf.cx2").graph
    path = write(graph, tmp_path / "g.json").path
    data = json.loads(path.read_text())
    loaded = nx.node_link_graph(data)
    assert loaded.number_of_edges() == graph.number_of_edges()
    assert set(loaded.nodes) == set(graph.nodes)
    for key in ("edges", "links"):
        renamed = {k if k != "edges" else key: v for k, v in data.items()}
        again = read(json.dumps(renamed), name="g.json").graph
        assert again.number_of_edges() == graph.number_of_edges(), key


# -- 9. GraphML edge types of BioPAX, CX identifiers ----------------------------------------------


def test_graphml_biopax_edge_types_are_mapped_and_kept() -> None:
    graph = read(FORMATS / "biopax-roles.graphml").graph
    relations = {(u, v): (d[Attr.RELATION], d[Attr.EXTRA]["interaction"]) for u, v, d in graph.edges(data=True)}
    assert relations == {
        ("glc", "rxn"): ("consumed_by", "left"),
        ("rxn", "g6p"): ("produces", "right"),
        ("hk1", "rxn"): ("regulates", "controller"),
        ("vdac1", "cplx"): ("part_of", "component"),
        ("hk1", "cplx"): ("part_of", "component"),
    }
    assert graph.nodes["rxn"][Attr.KIND] == "process"
    assert check_graph(graph) == []


def test_cx_aliases_and_represents_map_alike_in_cx_and_cx2() -> None:
    identifiers = {}
    for name in ("signor-tnf.cx", "signor-tnf.cx2"):
        graph = read(FORMATS / name).graph
        identifiers[name] = {d[Attr.LABEL]: d.get(Attr.IDENTIFIERS) for _, d in graph.nodes(data=True)}
    assert identifiers["signor-tnf.cx"] == identifiers["signor-tnf.cx2"]
    assert identifiers["signor-tnf.cx"]["TNFRSF1A"] == ["uniprot:P19438", "uniprot:Q9UME7"]
    assert identifiers["signor-tnf.cx"]["TNF"] == ["uniprot:P01375"]


def test_cx_identifier_urls_become_identifiers() -> None:
    graph = read(FORMATS / "indra-polarity.cx").graph
    labels = {d[Attr.LABEL]: d for _, d in graph.nodes(data=True)}
    assert labels["AGT"][Attr.IDENTIFIERS] == ["hgnc:333"]
    assert labels["AKT1"][Attr.IDENTIFIERS] == ["uniprot:P31749"]


# -- hostile literature ----------------------------------------------------------------------------


def _cx1(*aspects: dict[str, Any]) -> str:
    base = [
        {"numberVerification": [{"longNumber": 281474976710655}]},
        {"nodes": [{"@id": 0, "n": "A"}, {"@id": 1, "n": "B"}]},
        {"edges": [{"@id": 2, "s": 0, "t": 1, "i": "Activation"}]},
    ]
    return json.dumps([*base, *aspects])


def test_many_long_sentences_are_cut_to_one_note_not_dropped() -> None:
    supports = [{"@id": 10 + index, "text": f"Sentence {index} " + "x" * 4_000} for index in range(5)]
    text = _cx1({"supports": supports}, {"edgeSupports": [{"supports": [s["@id"] for s in supports], "po": [2]}]})
    graph = read(text, name="long.cx").graph
    ((_, _, data),) = graph.edges(data=True)
    (evidence,) = data[Attr.EVIDENCE]
    assert len(evidence["note"]) <= 10_000 and evidence["note"].endswith("…")
    assert "Sentence 0 " in evidence["note"]
    assert check_graph(graph) == []


@pytest.mark.parametrize(
    ("aspect", "field"),
    [({"citations": "pmid:1"}, "citations"), ({"edgeCitations": [3]}, "edgeCitations"), ({"supports": [[1]]}, "supports")],
)
def test_a_malformed_literature_aspect_names_its_place(aspect: dict[str, Any], field: str) -> None:
    from mechgraph.errors import DataError

    with pytest.raises(DataError, match=field):
        read(_cx1(aspect), name="bad.cx")


def test_citation_values_that_are_not_pubmed_ids_are_kept_not_invented() -> None:
    text = "source,target,interaction,citation,pmid\nA,B,activates,doi:10.1/x; pubmed:42,not a number\n"
    graph = read(text, name="t.csv").graph
    ((_, _, data),) = graph.edges(data=True)
    assert _cited(data) == ["pubmed.42"]
    assert data[Attr.EXTRA]["citation"] == "doi:10.1/x"  # the part that is no PubMed id stays
    assert data[Attr.EXTRA]["pmid"] == "not a number"
    assert set(graph.graph[Attr.SOURCES]) == {"pubmed.42"}


def test_an_extra_map_too_large_for_the_model_is_bounded_and_counted(tmp_path: Path) -> None:
    """INDRA's CX carries each statement's JSON: the extra map keeps what fits and says what not."""
    from mechgraph.model import extra_problem

    nested: Any = "leaf"
    for _ in range(10):
        nested = {"deeper": nested}
    attributes = [
        {"po": 2, "n": "__INDRA json", "v": "x" * 60_000},
        {"po": 2, "n": "nested", "v": nested},
        {"po": 2, "n": "belief", "v": "0.9"},
    ]
    result = read(_cx1({"edgeAttributes": attributes}), name="big.cx")
    ((_, _, data),) = result.graph.edges(data=True)
    assert extra_problem(data[Attr.EXTRA]) is None
    assert data[Attr.EXTRA]["belief"] == "0.9"
    assert "__INDRA json" not in data[Attr.EXTRA]
    assert result.dropped["relation attribute too large to keep in extra (over 50,000 characters in all)"] == 1
    again = read(write(result.graph, tmp_path / "big.yaml").path).graph  # the native file reads back
    assert next(iter(again.edges(data=True)))[2][Attr.EXTRA] == data[Attr.EXTRA]


def test_sign_columns_are_found_in_any_case_and_omnipath_flags_sign() -> None:
    text = "source,target,Effect,consensus_stimulation,consensus_inhibition\nA,B,negative,,\nC,D,,1,0\nE,F,,0,1\nG,H,,1,1\n"
    graph = read(text, name="omnipath.csv").graph
    signs = {(u, v): d[Attr.SIGN] for u, v, d in graph.edges(data=True)}
    assert signs == {("a", "b"): -1, ("c", "d"): 1, ("e", "f"): -1, ("g", "h"): 0}  # both flags: no sign claimed
    assert graph.edges["c", "d", next(iter(graph["c"]["d"]))][Attr.EXTRA]["consensus_stimulation"] == 1


def test_pathway_commons_gene_symbol_files_label_by_the_participant() -> None:
    graph = read(FORMATS / "pathwaycommons-hgnc.txt").graph
    labels = {n: d[Attr.LABEL] for n, d in graph.nodes(data=True)}
    assert sorted(labels.values()) == ["ATP", "IFNG", "IL2", "IL2RA"]
    il2 = next(d for d in graph.nodes.values() if d[Attr.LABEL] == "IL2")
    assert "Interleukin-2" in il2[Attr.SYNONYMS] and "uniprot:P60568" in il2[Attr.IDENTIFIERS]


def test_cx_context_given_as_several_mappings_is_merged() -> None:
    text = json.dumps(
        [
            {"numberVerification": [{"longNumber": 281474976710655}]},
            {"@context": [{"uniprot knowledgebase": "http://identifiers.org/uniprot/"}, {"ncbi gene": "http://identifiers.org/ncbigene/"}]},
            {"nodes": [{"@id": 0, "n": "IL2", "r": "ncbi gene:3558"}, {"@id": 1, "n": "IL2RA", "r": "uniprot knowledgebase:P01589"}]},
            {"edges": [{"@id": 2, "s": 0, "t": 1, "i": "in-complex-with"}]},
        ]
    )
    graph = read(text, name="ctx.cx").graph
    assert {d[Attr.LABEL]: d[Attr.IDENTIFIERS] for _, d in graph.nodes(data=True)} == {"IL2": ["NCBIGene:3558"], "IL2RA": ["uniprot:P01589"]}


@pytest.mark.parametrize("fixture", ["indra-polarity.cx", "signor-tnf.cx2", "signor.tsv", "pathwaycommons-extended.txt"])
def test_imported_literature_is_read_once_through_every_format(fixture: str, tmp_path: Path) -> None:
    """Evidence and extra of an import survive a round trip without a citation read twice."""
    graph = read(FORMATS / fixture).graph
    for suffix in (".json", ".cyjs", ".graphml", ".gexf", ".csv"):
        again = read(write(graph, tmp_path / f"g{suffix}", force=True).path).graph
        assert {(u, v, k): d for u, v, k, d in again.edges(keys=True, data=True)} == {(u, v, k): d for u, v, k, d in graph.edges(keys=True, data=True)}, suffix


def test_cytoscape_biopax_networks_map_roles_by_interaction_and_biopax_type() -> None:
    text = """<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
      <key id="n" for="node" attr.name="name" attr.type="string"/>
      <key id="t" for="node" attr.name="BIOPAX_TYPE" attr.type="string"/>
      <key id="i" for="edge" attr.name="interaction" attr.type="string"/>
      <graph edgedefault="directed">
        <node id="r"><data key="n">IL2 secretion</data><data key="t">Transport</data></node>
        <node id="il2"><data key="n">IL2</data><data key="t">Protein</data></node>
        <node id="c"><data key="n">IL2:IL2RA</data><data key="t">Complex</data></node>
        <edge source="r" target="il2"><data key="i">left</data></edge>
        <edge source="c" target="il2"><data key="i">contains</data></edge>
      </graph></graphml>"""
    graph = read(text, name="biopax.graphml").graph
    assert {(u, v, d[Attr.RELATION]) for u, v, d in graph.edges(data=True)} == {("il2", "r", "consumed_by"), ("il2", "c", "part_of")}
    assert graph.nodes["r"][Attr.KIND] == "process"


def test_cx_node_citations_and_supports_become_node_evidence() -> None:
    text = _cx1(
        {"citations": [{"@id": 7, "dc:identifier": "pmid:10000011"}]},
        {"supports": [{"@id": 8, "text": "Test sentence about A.", "citation": 7}, {"@id": 9, "text": "No article."}]},
        {"nodeCitations": [{"po": [0], "citations": [7]}]},
        {"nodeSupports": [{"po": [0], "supports": [8, 9]}]},
    )
    result = read(text, name="nodes.cx")
    a = next(d for d in result.graph.nodes.values() if d[Attr.LABEL] == "A")
    (evidence,) = a[Attr.EVIDENCE]
    assert evidence["source"] == "pubmed.10000011" and "“Test sentence about A.”" in evidence["note"]
    assert result.dropped["node support sentence that cites no PubMed article"] == 1
