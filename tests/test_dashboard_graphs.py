"""Uploads and the content-keyed graph cache of the dashboard."""

from __future__ import annotations

import base64
import threading
from pathlib import Path

import networkx as nx
import pytest

from mechgraph.dashboard.graphs import GraphCache, UploadLimits, decode_upload, graph_to_text, seal_graph, text_to_graph
from mechgraph.dashboard.trust import StoreSigner
from mechgraph.errors import DataError
from mechgraph.graph import read_graph
from mechgraph.synthetic import synthetic_graph

SIGNER = StoreSigner(b"test-key-" * 4)


def decode(contents: str | None, name: str, limits: UploadLimits | None = None):  # noqa: ANN201
    return decode_upload(contents, name, limits=limits or UploadLimits(), signer=SIGNER)


def cache_of(default: nx.MultiDiGraph, **options: int) -> GraphCache:
    return GraphCache(default=default, limits=UploadLimits(), signer=SIGNER, **options)


def data_url(content: bytes | str) -> str:
    raw = content.encode("utf-8") if isinstance(content, str) else content
    return "data:application/octet-stream;base64," + base64.b64encode(raw).decode("ascii")


def test_a_valid_native_file_becomes_a_store_that_rebuilds_the_same_graph(fixtures: Path) -> None:
    upload = decode(data_url((fixtures / "valid.yaml").read_bytes()), "valid.yaml")
    assert upload.problems == ()
    assert upload.store is not None and upload.store["format"] == "native"
    graph = cache_of(nx.MultiDiGraph()).graph_of(upload.store)
    expected = read_graph(fixtures / "valid.yaml")
    assert set(graph.nodes) == set(expected.nodes)
    assert sorted(graph.edges()) == sorted(expected.edges())  # ids may differ: quotes without their text become notes


def test_problems_name_the_file_line_and_field() -> None:
    text = "mechgraph: 1\nnodes:\n  - id: a\n    kind: enzyme\n    label: A\nrelations: []\n"
    upload = decode(data_url(text), "broken.yaml")
    assert upload.store is None
    assert upload.problems and upload.problems[0].startswith("broken.yaml:4:11: nodes[0].kind: unknown kind 'enzyme'")


def test_the_size_limit_is_checked_before_decoding() -> None:
    limits = UploadLimits(max_bytes=1000)
    too_big = "data:;base64," + "!" * (limits.max_base64_length + 4)  # not even base64: never decoded
    upload = decode(too_big, "big.yaml", limits)
    assert upload.problems == ("big.yaml: the file is larger than the upload limit of 0.000953674 MB",)
    just_fits = decode(data_url("x" * 1000), "small.sif", limits)
    assert "larger than the upload limit" not in " ".join(just_fits.problems)


def test_element_limits_are_enforced_with_counts() -> None:
    text = graph_to_text(synthetic_graph(300))
    upload = decode(data_url(text), "many.json", UploadLimits(max_nodes=100, max_relations=200))
    assert upload.store is None
    # the reader stops at the dashboard's cap instead of building the whole graph first
    assert upload.problems == ("many.json: more than 100 nodes: mechgraph reads at most 100 nodes in one graph (see docs/security.md)",)
    upload = decode(data_url(text), "many.json", UploadLimits(max_nodes=1000, max_relations=200))
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
    assert decode(contents, name).problems == (expected,)


def test_an_unknown_extension_names_the_known_ones() -> None:
    upload = decode(data_url("hello"), "notes.docx")
    assert upload.store is None and "notes.docx" in upload.problems[0] and ".graphml" in upload.problems[0]


def test_the_cache_is_keyed_by_content_and_bounded() -> None:
    cache = cache_of(synthetic_graph(5), size=2)
    stores = [seal_graph(synthetic_graph(20 + i), f"g{i}", SIGNER) for i in range(3)]
    first = cache.graph_of(stores[0])
    assert cache.graph_of(dict(stores[0])) is first  # another dict, the same token
    cache.graph_of(stores[1])
    cache.graph_of(stores[2])
    assert cache.graph_of(stores[0]) is not first  # evicted and rebuilt
    assert cache.graph_of(stores[0]).number_of_edges() == 20
    assert cache.graph_of(None).number_of_edges() == 5
    assert cache.key_of(None) == "served" and cache.key_of(stores[0]) != cache.key_of(stores[1])


def test_the_cache_holds_a_bounded_number_of_relations() -> None:
    cache = GraphCache(default=synthetic_graph(5), limits=UploadLimits(cache_relations=1000), signer=SIGNER, size=50)
    stores = [seal_graph(synthetic_graph(400, seed=i), f"g{i}", SIGNER) for i in range(6)]
    for store in stores:
        cache.graph_of(store)
    assert sum(g.number_of_edges() for g in cache._graphs.values()) <= 1000
    assert len(cache._graphs) == 2


def test_a_store_this_server_did_not_sign_is_refused_before_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """Forged, tampered, foreign and old stores are refused with a message, and none of them
    reaches the JSON parser or the graph builder (that is what makes the refusal cheap)."""
    import mechgraph.dashboard.graphs as graphs

    def never(*_: object) -> None:
        raise AssertionError("an unsigned store reached the graph builder")

    monkeypatch.setattr(graphs, "_graph_of_data", never)
    cache = cache_of(synthetic_graph(5))
    good = seal_graph(synthetic_graph(30), "mine.json", SIGNER)
    tampered = dict(good, token=good["token"][:40] + ("A" if good["token"][40] != "A" else "B") + good["token"][41:])
    foreign = seal_graph(synthetic_graph(30), "mine.json", StoreSigner(b"another-server-key" * 2))
    old = {"version": 1, "name": "evil", "text": graph_to_text(synthetic_graph(10))}
    huge = dict(good, token="x" * (UploadLimits().max_store_length + 1))
    for store, expected in [
        (tampered, "not made by this server"),
        (foreign, "not made by this server"),
        (old, "not one this version of mechgraph wrote"),
        (huge, "larger than this server accepts"),
        ({"version": 2, "token": 12}, "not in the form this server writes"),
        ([1, 2], "not one this version"),
        ("text", "not one this version"),
    ]:
        with pytest.raises(DataError, match=expected):
            cache.graph_of(store)


def test_a_signed_store_carries_no_path_and_no_file_attribute(tmp_path: Path) -> None:
    graph = synthetic_graph(10)
    graph.graph["file"] = "/etc/x.yaml"
    store = seal_graph(graph, "../../etc/x\x00.yaml", SIGNER)
    rebuilt = cache_of(synthetic_graph(5)).graph_of(store)
    assert "file" not in rebuilt.graph
    assert rebuilt.graph["upload_name"] == "x.yaml" and store["name"] == "x.yaml"


def test_cached_graphs_are_frozen_and_shared_safely_between_threads() -> None:
    cache = cache_of(synthetic_graph(5))
    store = seal_graph(synthetic_graph(200), "g", SIGNER)
    results: list[nx.MultiDiGraph] = []
    threads = [threading.Thread(target=lambda: results.append(cache.graph_of(store))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len({graph.number_of_edges() for graph in results}) == 1
    assert len({id(graph) for graph in results}) == 1  # built once
    assert nx.is_frozen(results[0])


def test_text_round_trip_keeps_every_attribute() -> None:
    graph = synthetic_graph(50, seed=3)
    again = text_to_graph(graph_to_text(graph))
    assert dict(again.nodes(data=True)) == dict(graph.nodes(data=True))
    assert list(again.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))
