"""Real files produced by other tools, read from ../shared/samples/.

Origin and licence of each file (from shared/samples/README.md; the files are unchanged):

* reactome-pip3-akt.sbgn: SBGN-ML (process description), Reactome pathway "PIP3 activates AKT
  signaling"; arnaudporet/sbgn2sif, examples/PIP3_activates_AKT_signaling/
  PIP3_activates_AKT_signaling.sbgn at f56faa167c8fa80a57f12ca71d5ea6854a833e37; Apache-2.0.
* reactome-pip3-akt.sif: SIF with SBGN relation names, made from the SBGN file above; same
  repository and commit, .../PIP3_activates_AKT_signaling.sif; Apache-2.0.
* ndex-glypican2.cx2: NDEx CX2, "Glypican 2 network" (NCI PID via BioPAX); ndexbio/ndex2-client,
  tests/data/glypican2.cx2 at a5c3883c7b094c66a752b3da3cccaeb3b2509145; BSD-3-Clause.
* cytoscape-genemania.json: Cytoscape.js JSON (elements + positions) exported from GeneMANIA;
  cytoscape/cytoscape.js, documentation/demos/genemania-export/data.json at
  14e222f8d23cfd12279f76388e5bea5f77ef5fdd; MIT.

The readers know nothing of these files: the assertions are what any file of the format gives.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from mechgraph.formats import check_graph, read, write
from mechgraph.vocabulary import Attr, NodeKind, Relation

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples"


def sample(name: str) -> Path:
    path = SAMPLES / name
    if not path.is_file():
        pytest.skip(f"real sample files from other tools: ../shared/samples not found: {path} is absent")
    return path


def relations(graph: nx.MultiDiGraph) -> Counter[str]:
    return Counter(data[Attr.RELATION] for *_, data in graph.edges(data=True))


def kinds(graph: nx.MultiDiGraph) -> Counter[str]:
    return Counter(data[Attr.KIND] for _, data in graph.nodes(data=True))


def assert_exports_again(graph: nx.MultiDiGraph, folder: Path, other: str) -> None:
    """Opens in the dashboard (a valid graph) and exports again: native and one other format."""
    assert check_graph(graph) == []
    triples = Counter((u, v, d[Attr.RELATION], d[Attr.SIGN]) for u, v, d in graph.edges(data=True))
    for name in ("graph.yaml", f"graph.{other}"):
        again = read(write(graph, folder / name).path).graph
        assert check_graph(again) == []
        assert set(again.nodes) == set(graph.nodes), name
        assert Counter((u, v, d[Attr.RELATION], d[Attr.SIGN]) for u, v, d in again.edges(data=True)) == triples, name
        assert {n: d[Attr.LABEL] for n, d in again.nodes(data=True)} == {n: d[Attr.LABEL] for n, d in graph.nodes(data=True)}
        assert {n: d[Attr.KIND] for n, d in again.nodes(data=True)} == {n: d[Attr.KIND] for n, d in graph.nodes(data=True)}


def test_reactome_sbgn_process_description(tmp_path: Path) -> None:
    result = read(sample("reactome-pip3-akt.sbgn"))
    graph = result.graph
    assert relations(graph) == {"consumed_by": 62, "produces": 58, "activates": 23, "increases": 2, "inhibits": 2}
    processes = {n for n, d in graph.nodes(data=True) if d[Attr.KIND] == NodeKind.PROCESS}
    for u, v, data in graph.edges(data=True):
        if data[Attr.RELATION] in ("consumed_by", "activates", "inhibits", "increases"):
            assert v in processes, (u, v, data[Attr.RELATION])  # arcs of a PD map end at processes
        if data[Attr.RELATION] == "produces":
            assert u in processes and v not in processes
    by_label = {d[Attr.LABEL]: d for _, d in graph.nodes(data=True)}
    assert by_label["AKT phosphorylates BAD"][Attr.PROCESS] == "reaction"
    assert by_label["Signaling by EGFR"][Attr.PROCESS] == "pathway"  # a submap
    assert by_label["ATP"][Attr.KIND] == "target" and by_label["ATP"][Attr.EXTRA]["sbgn_class"] == "simple chemical"
    assert by_label["p-S166,S188-MDM2"][Attr.EXTRA]["state"] == ["P", "P"]
    assert result.dropped["glyph drawing an entity pool already drawn (clone, merged)"] > 0
    assert len({d[Attr.LABEL] for _, d in graph.nodes(data=True) if d[Attr.LABEL] == "ATP"}) == 1
    for *_, data in graph.edges(data=True):
        (evidence,) = data[Attr.EVIDENCE]
        assert evidence["source"] == "reactome-pip3-akt.sbgn"
        assert evidence["note"].startswith("imported from reactome-pip3-akt.sbgn, line ")
    assert all(Attr.POSITION in d for _, d in graph.nodes(data=True))
    assert_exports_again(graph, tmp_path, "graphml")


def test_reactome_sif_agrees_with_the_sbgn_it_was_made_from(tmp_path: Path) -> None:
    sif = read(sample("reactome-pip3-akt.sif")).graph
    sbgn = read(sample("reactome-pip3-akt.sbgn")).graph

    def triples(graph: nx.MultiDiGraph) -> set[tuple[str, str, str]]:
        label = nx.get_node_attributes(graph, Attr.LABEL)
        return {(label[u], d[Attr.RELATION], label[v]) for u, v, d in graph.edges(data=True)}

    assert triples(sif) == triples(sbgn)
    sbgn_kinds = {d[Attr.LABEL]: d[Attr.KIND] for _, d in sbgn.nodes(data=True)}
    assert {d[Attr.LABEL]: d[Attr.KIND] for _, d in sif.nodes(data=True)} == {
        label: kind for label, kind in sbgn_kinds.items() if label in {d[Attr.LABEL] for _, d in sif.nodes(data=True)}
    }
    assert kinds(sif)["process"] > 0  # the ends of consumption, production and catalysis
    signs = {d[Attr.RELATION]: d[Attr.SIGN] for *_, d in sif.edges(data=True)}
    assert signs == {"consumed_by": 0, "produces": 0, "activates": 1, "increases": 1, "inhibits": -1}
    assert {d[Attr.EXTRA]["interaction"] for *_, d in sif.edges(data=True)} == {"consumption", "production", "catalysis", "stimulation", "inhibition"}
    assert_exports_again(sif, tmp_path, "csv")
    written = write(sif, tmp_path / "again.sif").path.read_text()
    assert written.count("\tconsumption\t") == 62  # written back with its own relation names
    assert Counter(d[Attr.RELATION] for *_, d in read(tmp_path / "again.sif").graph.edges(data=True)) == relations(sif)


def test_cytoscape_desktop_cyjs_export(tmp_path: Path) -> None:
    result = read(sample("cytoscape-genemania.json"))  # a .json file recognised as Cytoscape.js
    assert result.format == "cyjs"
    graph = result.graph
    assert graph.number_of_nodes() == 31 and graph.number_of_edges() == 255
    assert kinds(graph) == {"target": 31}
    # GeneMANIA's edges have no interaction type: never guess a sign
    assert relations(graph) == {Relation.INTERACTS_WITH.value: 255}
    assert {d[Attr.SIGN] for *_, d in graph.edges(data=True)} == {0}
    labels = {d[Attr.LABEL] for _, d in graph.nodes(data=True)}
    assert "MED6" in labels  # the gene name, not Cytoscape's internal name
    assert any(i.startswith("uniprot:") for _, d in graph.nodes(data=True) for i in d[Attr.IDENTIFIERS])
    assert all(Attr.POSITION in d for _, d in graph.nodes(data=True))
    assert graph.graph[Attr.TITLE] == "H. sapiens (1)"
    assert any("no relation type" in note for note in result.notes)
    assert_exports_again(graph, tmp_path, "cyjs")
    again = read(tmp_path / "graph.cyjs").graph
    assert again.nodes["296"][Attr.EXTRA]["gene_name"] == "MED6"
    assert again.nodes["296"][Attr.POSITION] == graph.nodes["296"][Attr.POSITION]


def test_ndex_cx2_network(tmp_path: Path) -> None:
    result = read(sample("ndex-glypican2.cx2"))
    graph = result.graph
    assert {d[Attr.LABEL]: d[Attr.KIND] for _, d in graph.nodes(data=True)} == {"MDK": "target", "GPC2": "target"}
    assert graph.nodes["mdk"][Attr.IDENTIFIERS][0] == "uniprot:P21741"  # via the network's @context
    ((u, v, data),) = graph.edges(data=True)
    assert (u, v, data[Attr.RELATION], data[Attr.SIGN]) == ("gpc2", "mdk", "binds", 0)
    assert data[Attr.EXTRA]["interaction"] == "in-complex-with"
    assert graph.graph[Attr.TITLE] == "Glypican 2 network"
    assert graph.graph[Attr.EXTRA]["organism"] == "human"
    assert result.dropped["visual aspect 'visualProperties'"] == 1
    assert_exports_again(graph, tmp_path, "gexf")


@pytest.mark.parametrize("name", ["reactome-pip3-akt.sbgn", "reactome-pip3-akt.sif", "cytoscape-genemania.json", "ndex-glypican2.cx2"])
def test_samples_read_the_same_from_bytes_as_an_upload(name: str) -> None:
    path = sample(name)
    from_file = read(path).graph
    from_upload = read(path.read_bytes(), name=name).graph
    assert nx.utils.edges_equal(from_file.edges(keys=True), from_upload.edges(keys=True))
    assert check_graph(from_upload) == []
