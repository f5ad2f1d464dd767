"""The Ladybug store itself: what it writes, what it reads back, and how it fails."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from mechgraph.errors import NodeNotFound, ReadError
from mechgraph.fileio import OutputExists
from mechgraph.query.perturb import perturb
from mechgraph.store import (
    GraphStore,
    LadybugStore,
    MemoryStore,
    StoreError,
    queries,
    write_database,
)

from .test_query_support import toy_graph


@pytest.fixture()
def toy_store(tmp_path: Path) -> LadybugStore:
    path = tmp_path / "toy.lbug"
    write_database(toy_graph(), path)
    with LadybugStore(path) as store:
        yield store


def test_both_stores_follow_the_protocol(toy_store: LadybugStore) -> None:
    assert isinstance(toy_store, GraphStore) and isinstance(MemoryStore(toy_graph()), GraphStore)


def test_a_graph_reads_back_exactly(toy_store: LadybugStore) -> None:
    graph = toy_graph()
    whole = toy_store.subgraph(graph.nodes)
    assert list(whole.nodes(data=True)) == list(graph.nodes(data=True))
    assert list(whole.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))
    assert {node: list(whole.pred[node]) for node in whole} == {node: list(graph.pred[node]) for node in graph}
    assert whole.graph == graph.graph
    assert toy_store.predecessors("il2_sec") == [(u, key, data) for u, _, key, data in graph.in_edges("il2_sec", keys=True, data=True)]


def test_hostile_text_round_trips(tmp_path: Path) -> None:
    graph = nx.MultiDiGraph(title="x")
    texts = ['a,b "q" \\ back', "line\nbreak\r\n", "ünïcødé α", "'; DROP TABLE Node; --", "$id {id: 1}", ""]
    for number, text in enumerate(texts):
        graph.add_node(f"n{number}", kind="target", label=text, synonyms=[text], note={"nested": [text, 1.5, None, True]})
    graph.add_edge("n0", "n1", key="k'1", relation="activates", sign=1, context={"species": texts[1]}, evidence=[{"source": texts[3]}])
    path = tmp_path / "hostile.lbug"
    write_database(graph, path)
    with LadybugStore(path) as store:
        back = store.subgraph(graph.nodes)
        assert list(back.nodes(data=True)) == list(graph.nodes(data=True))
        assert list(back.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))
        assert queries.resolve(store, "line\nbreak") == "n1"
        assert queries.resolve(store, "'; DROP TABLE Node; --") == "n3"


def test_a_perturbation_reads_phases_one_relation_beyond(tmp_path: Path) -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("drug", kind="agent", label="Drug")
    graph.add_node("cell", kind="immune_cell", label="Cell")
    graph.add_node("end", kind="outcome", label="End", phase="induction")
    graph.add_edge("drug", "cell", key="r1", relation="activates", sign=1)
    graph.add_edge("cell", "end", key="r2", relation="increases", sign=1)
    path = tmp_path / "phase.lbug"
    write_database(graph, path)
    with LadybugStore(path) as store:
        expected = perturb(graph, ["drug"], max_length=1).to_dict()
        assert queries.perturb(store, ["drug"], max_length=1).to_dict() == expected
        assert expected["effects"][0]["phases"] == ["induction"]


def test_unknown_nodes_name_the_closest(toy_store: LadybugStore) -> None:
    with pytest.raises(NodeNotFound, match="closest: csa"):
        queries.neighbourhood(toy_store, "csx")
    with pytest.raises(NodeNotFound) as memory_error:
        queries.resolve(MemoryStore(toy_graph()), "Cyclosporin")
    with pytest.raises(NodeNotFound) as store_error:
        queries.resolve(toy_store, "Cyclosporin")
    assert str(store_error.value) == str(memory_error.value)


def test_what_cannot_be_stored_is_named_and_nothing_is_left(tmp_path: Path) -> None:
    graph = toy_graph()
    graph.nodes["csa"]["note"] = {1, 2}  # a set is not JSON
    with pytest.raises(StoreError, match="node 'csa'"):
        write_database(graph, tmp_path / "x.lbug")
    numbered = nx.MultiDiGraph([(1, 2)])
    with pytest.raises(StoreError, match="ids must be text"):
        write_database(numbered, tmp_path / "y.lbug")
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_kept_unless_forced(tmp_path: Path) -> None:
    path = tmp_path / "graph.lbug"
    path.write_text("keep me")
    with pytest.raises(OutputExists):
        write_database(toy_graph(), path)
    assert path.read_text() == "keep me"
    write_database(toy_graph(), path, force=True)
    with LadybugStore(path) as store:
        assert store.counts() == (15, 17)


def test_a_file_that_is_not_a_database_is_a_read_error(tmp_path: Path) -> None:
    path = tmp_path / "text.lbug"
    path.write_bytes(b"\x00" * 4096 + b"not a database")
    with pytest.raises(ReadError, match="not a mechgraph database"):
        LadybugStore(path)
    with pytest.raises(ReadError, match="no such database"):
        LadybugStore(tmp_path / "missing.lbug")


def test_filters_push_down_and_agree(toy_store: LadybugStore) -> None:
    graph = toy_graph()
    from mechgraph.query import filter_graph

    for filters in ({"kinds": ["agent", "target"]}, {"relations": ["inhibits"], "signs": ["decreases"]}, {"mechanisms": ["unspecified"]}, {}):
        got, expected = queries.filter_store(toy_store, **filters), filter_graph(graph, **filters)
        assert list(got.nodes(data=True)) == list(expected.nodes(data=True))
        assert sorted(got.edges(keys=True)) == sorted(expected.edges(keys=True))
