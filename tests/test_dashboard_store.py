"""The dashboard on a store too large to hold (``mechgraph serve --db`` past SERVE_MAX_RELATIONS):
each view comes from the region of the store it needs, through the real callbacks."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from mechgraph.cli import store_commands
from mechgraph.dashboard.app import create_app
from mechgraph.dashboard.regions import StoreRegions
from mechgraph.dashboard.state import ViewState
from mechgraph.dashboard.view import PATHS_K, PATHS_MAX_LENGTH
from mechgraph.query import neighbourhood, reach, signed_paths
from mechgraph.query.overview import overview
from mechgraph.store import write_database
from mechgraph.synthetic import synthetic_graph

from .test_dashboard_callbacks import DashClient

RELATIONS = 3000


def text_of(component: Any) -> str:
    return json.dumps(component, ensure_ascii=False)


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return synthetic_graph(RELATIONS, seed=7)


@pytest.fixture(scope="module")
def db(graph: nx.MultiDiGraph, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "graph.lbug"
    write_database(graph, path)
    return path


@pytest.fixture(scope="module")
def regions(db: Path) -> Iterator[StoreRegions]:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store_commands, "SERVE_MAX_RELATIONS", 200)
        served = store_commands.served_store(db, None)
    assert isinstance(served, StoreRegions)  # past the limit: served region by region, not refused
    yield served
    served.store.close()


@pytest.fixture(scope="module")
def client(regions: StoreRegions) -> DashClient:
    return DashClient(create_app(regions=regions))


def canvas(client: DashClient, query: str) -> dict[str, Any]:
    answer = client.call("canvas.elements", {"view-key.data": query, "graph-store.data": None})
    assert answer is not None
    return answer


def nodes_of(answer: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {e["data"]["id"]: e["data"] for e in answer["canvas"]["elements"] if "source" not in e["data"]}


def relations_of(answer: dict[str, Any]) -> set[tuple[str, str, str]]:
    return {(e["data"]["source"], e["data"]["target"], str(e["data"]["id"])) for e in answer["canvas"]["elements"] if "source" in e["data"]}


def test_a_small_store_is_still_served_whole(db: Path, graph: nx.MultiDiGraph) -> None:
    served = store_commands.served_store(db, None)
    assert isinstance(served, nx.MultiDiGraph) and served.number_of_edges() == graph.number_of_edges()


def test_the_first_view_is_the_stores_overview_with_counts(client: DashClient, graph: nx.MultiDiGraph, regions: StoreRegions) -> None:
    answer = canvas(client, "")
    assert answer["graph-counts"]["children"] == f"overview of {graph.number_of_nodes():,} nodes · {RELATIONS:,} relations"
    nodes = nodes_of(answer)
    groups = {node: data for node, data in nodes.items() if data.get("group")}
    assert groups and all(int(data["members"]) > 0 for data in groups.values())
    hubs = [node for node in nodes if node not in groups]
    # the overview of the graph in memory with as many hubs: the same nodes, groups and counts
    expected = overview(graph, hubs=len(hubs)).graph
    assert set(nodes) == set(expected.nodes)
    assert {gid: int(groups[gid]["members"]) for gid in groups} == {gid: expected.nodes[gid]["members"] for gid in groups}
    assert "Click a group to open it" in text_of(answer["overview-text"]["children"])
    assert regions.summary.stored  # mechgraph import wrote it: nothing was computed on opening


def test_a_focus_link_shows_the_neighbourhood_fetched_from_the_store(client: DashClient, graph: nx.MultiDiGraph) -> None:
    focus = next(node for node in graph if 3 <= graph.degree(node) <= 12)
    answer = canvas(client, f"?focus={focus}&depth=2")
    expected = neighbourhood(graph, focus, depth=2)
    assert set(nodes_of(answer)) == set(expected.nodes)
    assert relations_of(answer) == {(u, v, str(k)) for u, v, k in expected.edges(keys=True)}
    assert nodes_of(answer)[focus]
    assert answer["graph-counts"]["children"] == (
        f"showing {expected.number_of_nodes():,} of {graph.number_of_nodes():,} nodes · {expected.number_of_edges():,} of {RELATIONS:,} relations"
    )


def test_a_path_link_shows_the_paths_found_in_memory(client: DashClient, graph: nx.MultiDiGraph) -> None:
    agent = next(node for node, kind in graph.nodes(data="kind") if kind == "agent" and len(reach(graph, node, depth=4, direction="down")) > 5)
    target = max((node for node, distance in reach(graph, agent, depth=4, direction="down").items() if distance >= 2), key=str)
    expected = signed_paths(graph, agent, target, k=PATHS_K, max_length=PATHS_MAX_LENGTH)
    assert expected.paths
    answer = client.call("paths.children", {"view-state.data": f"?from={agent}&to={target}", "highlight-store.data": []})
    assert answer is not None
    listed = [option["label"] for option in answer["path-choice"]["options"]]
    assert len(listed) == len(expected.paths)
    assert answer["highlight-store"]["data"] == [*expected.paths[0].nodes, *expected.paths[0].relation_ids]
    drawn = canvas(client, f"?from={agent}&to={target}")
    assert set(nodes_of(drawn)) == set(expected.paths[0].nodes)


def test_search_finds_a_node_only_the_store_holds(client: DashClient, graph: nx.MultiDiGraph) -> None:
    node = next(node for node in reversed(list(graph)) if graph.nodes[node].get("label"))
    label = str(graph.nodes[node]["label"])
    answer = client.call("focus.options", {"focus.search_value": label, "focus.value": None}, ["focus.search_value"])
    assert answer is not None
    assert answer["focus"]["options"][0]["value"] == node
    details = client.call("details.children", {"focus.value": node, "view-key.data": f"?focus={node}"}, ["focus.value"])
    assert details is not None and label in text_of(details["details"]["children"])


def test_clicking_a_group_opens_its_members_from_the_store(client: DashClient, graph: nx.MultiDiGraph) -> None:
    first = nodes_of(canvas(client, ""))
    gid, data = min(((gid, data) for gid, data in first.items() if data.get("group")), key=lambda item: int(item[1]["members"]))
    answer = canvas(client, f"?open={gid}")
    opened = nodes_of(answer)
    assert not any(item.get("group") == gid for item in opened.values())
    kind = data["kind"]
    assert sum(1 for item in opened.values() if item.get("kind") == kind and not item.get("group")) >= int(data["members"])


def test_an_over_large_region_is_shown_as_its_overview_with_a_notice(db: Path, graph: nx.MultiDiGraph) -> None:
    regions = StoreRegions(store_commands.LadybugStore(db), max_elements=60)
    try:
        small = DashClient(create_app(regions=regions))
        hub = max(graph, key=graph.degree)
        answer = canvas(small, f"?focus={hub}&depth=2")
        assert "showing its overview" in text_of(answer["view-notices"]["children"])
        assert any(data.get("group") for data in nodes_of(answer).values())
        assert answer["graph-counts"]["children"].startswith("overview of ")
    finally:
        regions.store.close()


def test_a_walk_past_the_fetch_limit_stops_a_level_earlier(db: Path, graph: nx.MultiDiGraph) -> None:
    regions = StoreRegions(store_commands.LadybugStore(db), max_nodes=300)
    try:
        hub = max(graph, key=graph.degree)
        region = regions.region(ViewState(focus=hub, depth=6))
        assert region.graph.number_of_nodes() <= 300
        assert any("more than" in notice for notice in region.notices)
    finally:
        regions.store.close()


def test_an_unknown_focus_opens_the_overview_with_a_notice(client: DashClient) -> None:
    answer = canvas(client, "?focus=no-such-node")
    assert "'no-such-node' is not in this graph" in text_of(answer["view-notices"]["children"])
    assert answer["graph-counts"]["children"].startswith("overview of ")


def test_a_store_without_its_overview_computes_it_and_says_so(db: Path, graph: nx.MultiDiGraph) -> None:
    from mechgraph.store import LadybugStore
    from mechgraph.store.overview import StoreSummary, compute_summary

    with LadybugStore(db) as store:
        computed = compute_summary(store.query)
        stored = StoreSummary.from_json(store.meta_value("overview") or "")
        assert stored is not None and computed.to_json() == stored.to_json()
        store._meta.pop("overview")
        regions = StoreRegions(store)
        assert not regions.summary.stored
        assert "computed on opening" in " ".join(regions.overview_notices())


def test_a_large_store_is_searched_by_name_and_prefix(regions: StoreRegions, graph: nx.MultiDiGraph) -> None:
    node = next(node for node in reversed(list(graph)) if len(str(graph.nodes[node].get("label") or "")) > 6)
    label = str(graph.nodes[node]["label"])
    assert node in [option["value"] for option in regions.search_options(label[:-2], None)]
    assert regions.search_options(label.upper(), None)[0]["value"] == node


def test_a_group_larger_than_a_view_stays_closed_with_a_notice(db: Path) -> None:
    regions = StoreRegions(store_commands.LadybugStore(db), max_elements=10)
    try:
        small = DashClient(create_app(regions=regions))
        first = nodes_of(canvas(small, ""))
        gid = max((gid for gid, data in first.items() if data.get("group")), key=lambda gid: int(first[gid]["members"]))
        answer = canvas(small, f"?open={gid}")
        assert "holds more nodes than a view shows" in text_of(answer["view-notices"]["children"])
        assert gid in nodes_of(answer)
    finally:
        regions.store.close()
