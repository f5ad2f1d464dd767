"""Uploads and the content-keyed graph cache of the dashboard."""

from __future__ import annotations

import base64
import threading
from pathlib import Path

import networkx as nx
import pytest

from mechgraph.dashboard.graphs import GraphCache, UploadLimits, decode_upload, graph_to_text, text_to_graph
from mechgraph.errors import DataError
from mechgraph.graph import read_graph
from mechgraph.synthetic import synthetic_graph


def data_url(content: bytes | str) -> str:
    raw = content.encode("utf-8") if isinstance(content, str) else content
    return "data:application/octet-stream;base64," + base64.b64encode(raw).decode("ascii")


def test_a_valid_native_file_becomes_a_store_that_rebuilds_the_same_graph(fixtures: Path) -> None:
    upload = decode_upload(data_url((fixtures / "valid.yaml").read_bytes()), "valid.yaml", limits=UploadLimits())
    assert upload.problems == ()
    assert upload.store is not None and upload.store["format"] == "native"
    graph = GraphCache(default=nx.MultiDiGraph(), limits=UploadLimits()).graph_of(upload.store)
    expected = read_graph(fixtures / "valid.yaml")
    assert set(graph.nodes) == set(expected.nodes)
    assert sorted(graph.edges()) == sorted(expected.edges())  # ids may differ: quotes without their text become notes


def test_problems_name_the_file_line_and_field() -> None:
    text = "mechgraph: 1\nnodes:\n  - id: a\n    kind: enzyme\n    label: A\nrelations: []\n"
    upload = decode_upload(data_url(text), "broken.yaml", limits=UploadLimits())
    assert upload.store is None
    assert upload.problems and upload.problems[0].startswith("broken.yaml:4:11: nodes[0].kind: unknown kind 'enzyme'")


def test_the_size_limit_is_checked_before_decoding() -> None:
    limits = UploadLimits(max_bytes=1000)
    too_big = "data:;base64," + "!" * (limits.max_base64_length + 4)  # not even base64: never decoded
    upload = decode_upload(too_big, "big.yaml", limits=limits)
    assert upload.problems == ("big.yaml: the file is larger than the upload limit of 0.000953674 MB",)
    just_fits = decode_upload(data_url("x" * 1000), "small.sif", limits=limits)
    assert "larger than the upload limit" not in " ".join(just_fits.problems)


def test_element_limits_are_enforced_with_counts() -> None:
    text = graph_to_text(synthetic_graph(300))
    upload = decode_upload(data_url(text), "many.json", limits=UploadLimits(max_nodes=100, max_relations=200))
    assert upload.store is None
    # the reader stops at the dashboard's cap instead of building the whole graph first
    assert upload.problems == ("many.json: more than 100 nodes: mechgraph reads at most 100 nodes in one graph (see docs/security.md)",)
    upload = decode_upload(data_url(text), "many.json", limits=UploadLimits(max_nodes=1000, max_relations=200))
    assert upload.store is None
    assert any("more than 200 relations" in p for p in upload.problems), upload.problems


@pytest.mark.parametrize(
    ("contents", "name", "expected"),
    [
        (None, "a.yaml", "a.yaml: the file is empty"),
        ("data:;base64,", "a.yaml", "a.yaml: the file is empty"),
        ("data:;base64,@@@", "a.yaml", "a.yaml: the upload is not valid base64 data; choose the file again"),
    ],
)
def test_empty_and_garbled_uploads_are_refused(contents: str | None, name: str, expected: str) -> None:
    assert decode_upload(contents, name, limits=UploadLimits()).problems == (expected,)


def test_an_unknown_extension_names_the_known_ones() -> None:
    upload = decode_upload(data_url("hello"), "notes.docx", limits=UploadLimits())
    assert upload.store is None and "notes.docx" in upload.problems[0] and ".graphml" in upload.problems[0]


def test_the_cache_is_keyed_by_content_and_bounded() -> None:
    cache = GraphCache(default=synthetic_graph(5), limits=UploadLimits(), size=2)
    stores = [{"version": 1, "name": f"g{i}", "text": graph_to_text(synthetic_graph(20 + i))} for i in range(3)]
    first = cache.graph_of(stores[0])
    assert cache.graph_of(dict(stores[0])) is first  # another dict, the same text
    cache.graph_of(stores[1])
    cache.graph_of(stores[2])
    assert cache.graph_of(stores[0]) is not first  # evicted and rebuilt
    assert cache.graph_of(stores[0]).number_of_edges() == 20
    assert cache.graph_of(None).number_of_edges() == 5
    assert cache.key_of(None) == "served" and cache.key_of(stores[0]) != cache.key_of(stores[1])


def test_a_tampered_store_is_refused_not_trusted() -> None:
    cache = GraphCache(default=synthetic_graph(5), limits=UploadLimits())
    graph = synthetic_graph(10)
    graph.nodes[next(iter(graph))]["kind"] = "enzyme"
    with pytest.raises(DataError, match="enzyme"):
        cache.graph_of({"version": 1, "name": "evil", "text": graph_to_text(graph)})
    with pytest.raises(DataError, match="upload it again"):
        cache.graph_of({"version": 1, "name": "junk", "text": "{not json"})
    assert cache.graph_of({"version": 99, "text": "anything"}) is cache.default  # an unknown store is no upload


def test_cached_graphs_are_frozen_and_shared_safely_between_threads() -> None:
    cache = GraphCache(default=synthetic_graph(5), limits=UploadLimits())
    store = {"version": 1, "name": "g", "text": graph_to_text(synthetic_graph(200))}
    results: list[nx.MultiDiGraph] = []
    threads = [threading.Thread(target=lambda: results.append(cache.graph_of(store))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({graph.number_of_edges() for graph in results}) == 1
    assert nx.is_frozen(results[0])


def test_text_round_trip_keeps_every_attribute() -> None:
    graph = synthetic_graph(50, seed=3)
    again = text_to_graph(graph_to_text(graph))
    assert dict(again.nodes(data=True)) == dict(graph.nodes(data=True))
    assert list(again.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))
