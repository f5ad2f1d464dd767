from __future__ import annotations

import copy
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mechgraph.errors import DataError
from mechgraph.graph import load_graph, read_graph
from mechgraph.vocabulary import Attr, Relation, Sign

from .conftest import FIXTURES, minimal_document


def test_read_graph_is_a_networkx_multidigraph_with_typed_attributes() -> None:
    graph = read_graph(FIXTURES / "valid.yaml")
    assert isinstance(graph, nx.MultiDiGraph)
    assert graph.nodes["cyclosporine"][Attr.KIND] == "agent"
    assert graph.nodes["cyclosporine"][Attr.ROUTES] == ["oral", "intravenous"]
    assert graph.graph[Attr.TITLE] == "Cyclosporine sample"
    edges = graph.get_edge_data("cyclosporine", "calcineurin")
    assert sorted(data[Attr.RELATION] for data in edges.values()) == ["binds", "inhibits"]
    inhibits = next(d for d in edges.values() if d[Attr.RELATION] == "inhibits")
    assert inhibits[Attr.SIGN] == -1
    assert inhibits[Attr.MECHANISM] == "direct"
    assert inhibits[Attr.CONTEXT] == {"cell_type": "T cell"}
    binds = next(d for d in edges.values() if d[Attr.RELATION] == "binds")
    assert binds[Attr.SIGN] == 0
    # evidence carries the URL of its source, so a view needs no second lookup
    assert binds[Attr.EVIDENCE][0]["url"] == "http://www.ncbi.nlm.nih.gov/pubmed/8591053"


def test_two_relations_between_one_pair_are_both_kept() -> None:
    data = minimal_document()
    data["sources"].append({"id": "C3", "url": "https://example.org/c3"})
    first = data["relations"][0]
    data["relations"].append({**first, "evidence": [{"source": "C3"}]})  # same relation, other evidence
    data["relations"].append({**first, "relation": "binds"})  # same evidence, other relation
    graph = load_graph(data)
    assert graph.number_of_edges("cyclosporine", "calcineurin") == 3
    assert len({key for _, _, key in graph.edges(keys=True)}) == 3


def test_relation_ids_are_stable_and_explicit_ids_are_kept() -> None:
    data = minimal_document()
    keys = [key for _, _, key in load_graph(data).edges(keys=True)]
    assert keys == [key for _, _, key in load_graph(copy.deepcopy(data)).edges(keys=True)]
    data["relations"][0]["id"] = "csa-cn"
    assert [key for _, _, key in load_graph(data).edges(keys=True)] == ["csa-cn"]


def test_invalid_data_raises_data_error_with_every_problem() -> None:
    data = minimal_document()
    data["nodes"][1]["kind"] = "enzyme"
    data["relations"][0]["evidence"] = []
    with pytest.raises(DataError) as caught:
        load_graph(data)
    assert {p.rule for p in caught.value.problems} == {"unknown-kind", "no-evidence"}


def test_read_graph_names_the_file_in_its_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("mechgraph: 1\nnodes:\n  - {id: a, kind: agent\n")
    with pytest.raises(DataError) as caught:
        read_graph(path)
    assert str(path) in str(caught.value)
    assert caught.value.problems[0].line == 4


node_ids = st.sampled_from(["a", "b", "c", "d"])
relations = st.sampled_from([r.value for r in Relation])
documents = st.lists(st.tuples(node_ids, relations, node_ids), max_size=8).map(
    lambda triples: {
        "mechgraph": 1,
        "sources": [{"id": "s", "url": "https://example.org/s"}],
        "nodes": [{"id": n, "kind": "target", "label": n.upper(), "synonyms": [n]} for n in "abcd"],
        "relations": [{"from": u, "relation": r, "to": v, "evidence": [{"source": "s", "note": f"{i}"}]} for i, (u, r, v) in enumerate(triples)],
    }
)


@settings(max_examples=60, deadline=None)
@given(documents)
def test_loading_never_mutates_its_input(document: dict) -> None:
    before = copy.deepcopy(document)
    graph = load_graph(document)
    assert document == before
    assert graph.number_of_edges() == len(document["relations"])
    for _, _, data in graph.edges(data=True):
        assert data[Attr.SIGN] == int(Relation(data[Attr.RELATION]).sign)
        assert Sign(data[Attr.SIGN]) in Sign


def _denial_document() -> dict:
    """An agent that inhibits b, and a source that denies that it inhibits c."""
    return {
        "mechgraph": 1,
        "title": "Denied",
        "sources": [{"id": "s", "url": "https://example.org/paper"}],
        "nodes": [
            {"id": "drug", "kind": "agent", "label": "Drug"},
            {"id": "b", "kind": "target", "label": "B"},
            {"id": "c", "kind": "target", "label": "C"},
        ],
        "relations": [
            {"from": "drug", "relation": "inhibits", "to": "b", "hedged": True, "evidence": [{"source": "s"}]},
            {"from": "drug", "relation": "inhibits", "to": "c", "negated": True, "evidence": [{"source": "s", "note": "did not inhibit C in human T cells"}]},
        ],
    }


def test_a_negated_relation_is_a_finding_beside_the_graph_never_an_edge() -> None:
    import mechgraph as mg
    from mechgraph.graph import negated_relations

    graph = load_graph(_denial_document())
    assert [(u, v) for u, v in graph.edges()] == [("drug", "b")]
    assert graph.edges["drug", "b", next(iter(graph["drug"]["b"]))][Attr.HEDGED] is True
    (denied,) = negated_relations(graph, "c")
    assert (denied["from"], denied["relation"], denied["to"], denied["negated"]) == ("drug", "inhibits", "c", True)
    assert mg.paths(graph, "drug", "c") == []  # "drug does not inhibit C" never becomes a path
    assert "c" not in mg.effects(graph, "drug")
    assert negated_relations(graph, "b") == []


def test_negated_and_hedged_relations_survive_the_native_format_and_are_counted_elsewhere(tmp_path: Path) -> None:
    import mechgraph as mg
    from mechgraph.formats import write
    from mechgraph.graph import negated_relations

    graph = load_graph(_denial_document())
    mg.write(graph, tmp_path / "denied.yaml")
    back = read_graph(tmp_path / "denied.yaml")
    assert negated_relations(back) == negated_relations(graph)
    assert [d.get(Attr.HEDGED) for _, _, d in back.edges(data=True)] == [True]
    result = write(graph, tmp_path / "denied.sif")
    assert any("negated relation" in kind and count == 1 for kind, count in result.dropped.items())
    assert "\tc" not in (tmp_path / "denied.sif").read_text()  # the SIF file asserts nothing about C


@pytest.mark.parametrize("value", ["yes", 1, "true", 0])
def test_negated_must_be_true_or_false(value: object) -> None:
    document = _denial_document()
    document["relations"][1]["negated"] = value
    with pytest.raises(DataError) as caught:
        load_graph(document)
    assert "relations[1].negated: negated is true or false" in str(caught.value)


def test_validate_counts_denied_relations_apart(tmp_path: Path) -> None:
    import yaml
    from click.testing import CliRunner

    from mechgraph.cli import cli

    path = tmp_path / "denied.yaml"
    path.write_text(yaml.safe_dump(_denial_document()), encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0
    assert "valid (3 nodes, 1 relations, 1 denied (negated: true))" in result.output


def test_a_view_holds_only_the_denied_relations_between_its_own_nodes(tmp_path: Path) -> None:
    import mechgraph as mg
    from mechgraph.graph import negated_relations

    graph = load_graph(_denial_document())
    view = graph.subgraph(["drug", "b"]).copy()  # a view shares the graph's attributes
    assert negated_relations(view) == []
    mg.write(view, tmp_path / "view.yaml")
    assert [(u, v) for u, v in read_graph(tmp_path / "view.yaml").edges()] == [("drug", "b")]


def test_writing_a_view_counts_only_its_own_denied_relations(tmp_path: Path) -> None:
    from mechgraph.formats import write

    graph = load_graph(_denial_document())
    view = graph.subgraph(["drug", "b"]).copy()  # "drug does not inhibit c" is not about this view
    assert not any("negated" in kind for kind in write(view, tmp_path / "view.sif").dropped)
    assert any("negated" in kind for kind in write(graph, tmp_path / "whole.sif").dropped)
