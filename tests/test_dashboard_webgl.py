"""Large views drawn with WebGL in the dashboard: the elements sent to the page, the threshold and
the cap (with its notice), the bundle served by the app, and a click from the browser, which is
checked against the view on screen (a forged id shows an error, never another node's details)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from mechgraph import style
from mechgraph.cli import store_commands
from mechgraph.dashboard import regions as regions_module
from mechgraph.dashboard.app import create_app
from mechgraph.dashboard.regions import StoreRegions
from mechgraph.dashboard.security import content_security_policy
from mechgraph.dashboard.webgl import BUNDLE_PATH, VIEW_MAX_ELEMENTS, WEBGL_FROM, webgl_elements, webgl_palette
from mechgraph.store import write_database
from mechgraph.synthetic import synthetic_graph
from mechgraph.vocabulary import NodeKind

from .test_dashboard_callbacks import DashClient

RELATIONS = 700  # about 950 nodes and relations


def text_of(component: Any) -> str:
    return json.dumps(component, ensure_ascii=False)


@pytest.fixture(scope="module")
def graph() -> nx.MultiDiGraph:
    return nx.freeze(synthetic_graph(RELATIONS, seed=5))


@pytest.fixture(scope="module")
def client(graph: nx.MultiDiGraph) -> DashClient:
    """The whole graph (?open=all) is past this app's WebGL threshold and under its cap."""
    size = graph.number_of_nodes() + graph.number_of_edges()
    return DashClient(create_app(graph=graph, webgl_from=size // 2, max_elements=size + 10))


def canvas(client: DashClient, query: str) -> dict[str, Any]:
    answer = client.call("canvas.elements", {"view-key.data": query, "graph-store.data": None})
    assert answer is not None
    return answer


def tap(client: DashClient, clicked: Any, query: str = "?open=all") -> dict[str, Any] | None:
    return client.call("details.children", {"webgl-tap.data": clicked, "graph-store.data": None, "view-key.data": query}, ["webgl-tap.data"])


# -- the elements ---------------------------------------------------------------------------------


def test_the_elements_are_columns_of_every_node_and_relation_with_the_layout_positions(graph: nx.MultiDiGraph) -> None:
    positions = {node: (float(i), float(2 * i)) for i, node in enumerate(graph)}
    focus = list(graph)[10]
    data = webgl_elements(graph, positions, focus=focus)
    nodes, edges = data["nodes"], data["edges"]
    assert nodes["id"] == [str(node) for node in graph]
    assert len(edges["from"]) == len(edges["to"]) == len(edges["sign"]) == graph.number_of_edges()
    assert nodes["x"][10] == 10 and nodes["y"][10] == 20
    assert nodes["id"][data["focus"]] == focus
    # each relation's ends and sign, in the graph's order
    expected = [(str(u), str(v), int(d.get("sign") or 0)) for u, v, d in graph.edges(data=True)]
    assert [(nodes["id"][a], nodes["id"][b], s) for a, b, s in zip(edges["from"], edges["to"], edges["sign"])] == expected
    # each node's kind, through the table of kinds
    assert [data["kinds"][k] for k in nodes["kind"]] == [graph.nodes[node]["kind"] for node in graph]
    assert data["many"] is False  # fewer than 2,000 relations: drawn in their solid colours


def test_labels_are_sent_as_text_and_unknown_kinds_as_other() -> None:
    g = nx.MultiDiGraph()
    g.add_node("x", label="</script><img src=x onerror=alert(1)>", kind="no-such-kind")
    data = webgl_elements(g, {})
    assert data["nodes"]["label"] == ["</script><img src=x onerror=alert(1)>"]  # drawn on the canvas as text
    assert data["kinds"] == [style.OTHER_KIND] and data["focus"] == -1 and data["nodes"]["x"] == [0]


def test_the_looks_come_from_the_style_module_for_both_themes() -> None:
    palette = webgl_palette()
    assert set(palette) == {"light", "dark"}
    for theme in ("light", "dark"):
        for kind in NodeKind:
            assert palette[theme]["kinds"][kind.value]["colour"] == style.node_style(kind, theme).colour
            assert palette[theme]["kinds"][kind.value]["size"] == style.node_style(kind, theme).size
        assert palette[theme]["signs"]["1"]["solid"] == style.edge_style(1, None, theme).colour
        assert palette[theme]["signs"]["-1"]["solid"] == style.edge_style(-1, None, theme).colour
        assert palette[theme]["text"] == style.theme_colours(theme).text
    assert palette["light"]["signs"]["1"]["solid"] != palette["dark"]["signs"]["1"]["solid"]


# -- the threshold and the cap --------------------------------------------------------------------


def test_a_view_past_the_threshold_is_sent_to_the_webgl_canvas_and_not_to_cytoscape(client: DashClient, graph: nx.MultiDiGraph) -> None:
    answer = canvas(client, "?open=all")
    assert answer["canvas"]["elements"] == []
    data = answer["webgl-data"]["data"]
    assert len(data["nodes"]["id"]) == graph.number_of_nodes() and len(data["edges"]["from"]) == graph.number_of_edges()
    assert answer["graph-counts"]["children"] == f"{graph.number_of_nodes():,} nodes · {graph.number_of_edges():,} relations"


def test_a_small_view_stays_with_cytoscape(client: DashClient, graph: nx.MultiDiGraph) -> None:
    node = next(node for node in graph if 2 <= graph.degree(node) <= 6)
    answer = canvas(client, f"?focus={node}")
    assert answer["webgl-data"]["data"] is None
    assert any(element["data"]["id"] == node for element in answer["canvas"]["elements"])


def test_the_default_threshold_and_cap() -> None:
    assert 5_000 <= WEBGL_FROM <= 20_000 < 50_000 < VIEW_MAX_ELEMENTS
    assert regions_module.REGION_MAX_ELEMENTS == VIEW_MAX_ELEMENTS


def test_a_view_past_the_cap_is_drawn_as_its_overview_with_a_notice(graph: nx.MultiDiGraph) -> None:
    small = DashClient(create_app(graph=graph, webgl_from=100, max_elements=300))
    answer = canvas(small, "?open=all")
    notices = text_of(answer["view-notices"]["children"])
    assert "more than one draws (300)" in notices and "showing its overview" in notices
    assert answer["webgl-data"]["data"] is None  # an overview is small: dash-cytoscape draws it
    assert any(element["data"].get("group") for element in answer["canvas"]["elements"])


# -- a click from the browser ---------------------------------------------------------------------


def test_a_node_clicked_on_the_webgl_canvas_shows_its_details(client: DashClient, graph: nx.MultiDiGraph) -> None:
    node = list(graph)[3]
    answer = tap(client, {"id": node, "at": 1})
    assert answer is not None
    assert str(graph.nodes[node]["label"]) in text_of(answer["details"]["children"])
    assert answer["selected-node"]["data"] == node
    assert answer["panel-tabs"]["value"] == "details"


@pytest.mark.parametrize(
    "forged",
    [{"id": "no-such-node"}, {"id": ["a"]}, {"id": {"$ne": 1}}, {"id": "x" * 100_000}, "a-string", [1, 2], {"id": ""}, {}],
)
def test_a_forged_click_shows_an_error_and_no_details(client: DashClient, forged: Any) -> None:
    answer = tap(client, forged)
    assert answer is not None
    assert "the node clicked is not in this view" in text_of(answer["details"]["children"])
    assert answer["selected-node"]["data"] is None


def test_a_node_of_the_graph_outside_the_view_on_screen_is_refused(client: DashClient, graph: nx.MultiDiGraph) -> None:
    focus = next(node for node in graph if 2 <= graph.degree(node) <= 6)
    around = set(graph.pred[focus]) | set(graph.succ[focus]) | {focus}
    outside = next(node for node in graph if node not in around)
    answer = tap(client, {"id": outside}, f"?focus={focus}")
    assert answer is not None and "not in this view" in text_of(answer["details"]["children"])
    answer = tap(client, {"id": focus}, f"?focus={focus}")
    assert answer is not None and answer["selected-node"]["data"] == focus


def test_a_relation_clicked_on_the_webgl_canvas_shows_its_details(client: DashClient, graph: nx.MultiDiGraph) -> None:
    position = 7
    u, v, key = list(graph.edges(keys=True))[position]  # the view is the whole graph, in its order
    answer = tap(client, {"edge": position, "at": 1})
    assert answer is not None
    text = text_of(answer["details"]["children"])
    assert f"relation {key}" in text and str(graph.nodes[u]["label"]) in text and str(graph.nodes[v]["label"]) in text
    assert answer["selected-node"]["data"] is None


@pytest.mark.parametrize("forged", [{"edge": -1}, {"edge": 10**9}, {"edge": True}, {"edge": "3"}, {"edge": 2.0}, {"edge": None}, {"edge": [1]}])
def test_a_forged_relation_click_shows_an_error(client: DashClient, forged: Any) -> None:
    answer = tap(client, forged)
    assert answer is not None
    assert "the relation clicked is not in this view" in text_of(answer["details"]["children"])


def test_a_click_with_a_bad_view_key_or_no_click_changes_nothing(client: DashClient) -> None:
    assert tap(client, None) is None
    answer = client.call("details.children", {"webgl-tap.data": {"id": "a"}, "graph-store.data": None, "view-key.data": 3}, ["webgl-tap.data"])
    assert answer is None


def test_the_html_download_of_a_webgl_view_is_one_offline_webgl_page() -> None:
    """The browser sends no positions for a WebGL view: the page holds the server's, drawn with WebGL
    too (an export draws with WebGL from WEBGL_THRESHOLD nodes)."""
    import base64

    from mechgraph.export import WEBGL_THRESHOLD

    graph = synthetic_graph(round(WEBGL_THRESHOLD / 0.35) + 50, seed=2)
    assert graph.number_of_nodes() >= WEBGL_THRESHOLD
    app = DashClient(create_app(graph=graph, webgl_from=100))
    request = {"format": "html", "positions": {}, "clicks": 1, "at": 1}
    answer = app.call("download.data", {"positions-store.data": request, "view-state.data": "?open=all", "graph-store.data": None})
    assert answer is not None
    page = base64.b64decode(answer["download"]["data"]["content"]).decode("utf-8")
    assert 'data-renderer="webgl"' in page and "MechgraphTexture.attach" in page
    assert "<script src=" not in page  # one file: the bundle is inlined
    assert f"{graph.number_of_nodes():,} nodes" in text_of(answer["export-status"]["children"])


# -- the bundle -----------------------------------------------------------------------------------


def test_the_app_serves_the_bundle_itself_and_loads_it_from_its_own_origin(client: DashClient) -> None:
    response = client.http.get(BUNDLE_PATH)
    assert response.status_code == 200 and response.mimetype == "application/javascript"
    script = response.get_data(as_text=True)
    assert "MechgraphWebGL" in script and "MechgraphTexture" in script
    page = client.http.get("/").get_data(as_text=True)
    assert f'src="{BUNDLE_PATH}"' in page and "dashboard-webgl.js" in page
    sources = re.findall(r'<script[^>]*src="([^"]+)"', page)
    assert BUNDLE_PATH in sources and all(source.startswith("/") for source in sources)  # no CDN: every script from the app
    assert "script-src 'self'" in content_security_policy([])


# -- a store's regions ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def store_regions(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StoreRegions]:
    graph = synthetic_graph(3000, seed=7)
    db: Path = tmp_path_factory.mktemp("store-webgl") / "graph.lbug"
    write_database(graph, db)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(store_commands, "SERVE_MAX_RELATIONS", 200)
        served = store_commands.served_store(db, None)
    assert isinstance(served, StoreRegions)
    yield served
    served.store.close()


def test_a_large_region_of_a_store_is_drawn_with_webgl(store_regions: StoreRegions) -> None:
    client = DashClient(create_app(regions=store_regions, webgl_from=500))
    hub = store_regions.summary.hubs[0]
    answer = canvas(client, f"?focus={hub}&depth=2")
    data = answer["webgl-data"]["data"]
    assert data is not None and answer["canvas"]["elements"] == []
    assert data["nodes"]["id"][data["focus"]] == hub
    assert len(data["nodes"]["id"]) + len(data["edges"]["from"]) >= 500
    other = data["nodes"]["id"][-1]
    clicked = client.call(
        "details.children", {"webgl-tap.data": {"id": other}, "graph-store.data": None, "view-key.data": f"?focus={hub}&depth=2"}, ["webgl-tap.data"]
    )
    assert clicked is not None and clicked["selected-node"]["data"] == other
