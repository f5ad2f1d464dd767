"""A large view in the dashboard, drawn with WebGL: ``mechgraph serve --db`` on a graph whose whole
map (``?open=all``) is past the WebGL threshold (a database this small is loaded whole), in
headless Chromium (WebGL on SwiftShader).

The view must be drawn by sigma.js with every node of the view (and dash-cytoscape's canvas left
empty), a click on a node must show that node's details as a tap on dash-cytoscape does, hovering
must light its neighbours, and the theme switch must reach the canvas."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from mechgraph.dashboard.webgl import BUNDLE_PATH, WEBGL_FROM

from .conftest import settle, watched_page

pytestmark = pytest.mark.browser

#: ?open=all shows about 1.35 elements a relation: this is past the threshold.
RELATIONS = max(1_500, round(WEBGL_FROM * 1.15 / 1.35))
READY = "() => Boolean(document.querySelector('#canvas-webgl[data-ready]'))"


@pytest.fixture(scope="module")
def graph(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, nx.MultiDiGraph]:
    from mechgraph.store import write_database
    from mechgraph.synthetic import synthetic_graph

    graph = synthetic_graph(RELATIONS, seed=11)
    path = tmp_path_factory.mktemp("webgl-serve") / "large.lbug"
    write_database(graph, path)
    return path, graph


@pytest.fixture(scope="module")
def server(graph: tuple[Path, nx.MultiDiGraph]) -> Iterator[str]:
    from ..servers import serving_database

    path = graph[0]
    with serving_database(path) as url:
        yield url


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    with watched_page(browser, height=720) as page:
        page.set_default_timeout(90_000)
        yield page


def _ink(png: bytes) -> int:
    """How many different colours the picture holds (a blank canvas has one or two)."""
    from PIL import Image

    return len(Image.open(io.BytesIO(png)).convert("RGB").getcolors(maxcolors=1 << 20) or [])


def _open_large_view(page: Any, server: str) -> None:
    page.goto(server + "?open=all")
    page.wait_for_function(READY)
    settle(page)


def test_a_large_view_is_drawn_with_webgl_with_every_node(page: Any, server: str, graph: tuple[Path, nx.MultiDiGraph]) -> None:
    whole = graph[1]
    _open_large_view(page, server)
    assert page.get_attribute("#canvas-webgl", "data-ready") == str(whole.number_of_nodes())
    assert page.evaluate("window.mechgraphWebGL.renderer.getGraph().order") == whole.number_of_nodes()
    assert page.evaluate("window.mechgraphWebGL.renderer.getGraph().size") == whole.number_of_edges()
    assert page.evaluate("window.mechgraph.cy('canvas').nodes().length") == 0  # dash-cytoscape draws nothing
    assert page.inner_text("#graph-counts") == f"{whole.number_of_nodes():,} nodes · {whole.number_of_edges():,} relations"
    assert page.evaluate(f"Array.from(document.scripts).some((s) => s.src.endsWith('{BUNDLE_PATH}'))")
    assert _ink(page.locator("#canvas-webgl").screenshot()) > 50, "the WebGL canvas is blank"


def test_a_click_on_a_node_shows_its_details(page: Any, server: str, graph: tuple[Path, nx.MultiDiGraph]) -> None:
    whole = graph[1]
    _open_large_view(page, server)
    # the node farthest on screen from any other: a click there can only hit it
    node = page.evaluate(
        """() => { const gl = window.mechgraphWebGL, ids = gl.renderer.getGraph().nodes(); let best = null, room = -1;
                   const at = ids.map((i) => gl.renderer.framedGraphToViewport(gl.renderer.getNodeDisplayData(i)));
                   for (let a = 0; a < at.length; a += 1) { let near = Infinity;
                     for (let b = 0; b < at.length; b += 1) { if (a !== b) { near = Math.min(near, Math.hypot(at[a].x - at[b].x, at[a].y - at[b].y)); } }
                     const inside = at[a].x > 10 && at[a].y > 10 && at[a].x < gl.renderer.getDimensions().width - 10 && at[a].y < gl.renderer.getDimensions().height - 10;
                     if (inside && near > room) { room = near; best = a; } }
                   return window.mechgraphWebGL.renderer.getGraph().getNodeAttribute(String(best), 'label') !== undefined ? best : null; }"""
    )
    assert node is not None
    node_id = list(whole)[node]
    where = page.evaluate("(id) => window.mechgraphWebGL.where(id)", node_id)
    box = page.locator("#canvas-webgl").bounding_box()
    page.mouse.move(box["x"] + where["x"], box["y"] + where["y"])
    page.wait_for_function("() => window.mechgraphWebGL.litCount() > 0")  # hovering lights the node and its neighbours
    lit = page.evaluate("window.mechgraphWebGL.litCount()")
    assert lit == len(set(whole.pred[node_id]) | set(whole.succ[node_id]) | {node_id})
    page.mouse.click(box["x"] + where["x"], box["y"] + where["y"])
    label = str(whole.nodes[node_id].get("label") or node_id)
    page.wait_for_function("(label) => document.querySelector('#details h3') && document.querySelector('#details h3').innerText === label", arg=label)
    assert node_id in page.inner_text("#details")
    assert f"{whole.in_degree(node_id)} in · {whole.out_degree(node_id)} out" in page.inner_text("#details")
    page.wait_for_function("() => !document.querySelector('#detail-focus').disabled")  # "Focus here" acts on the clicked node


def test_the_theme_switch_reaches_the_webgl_canvas(page: Any, server: str) -> None:
    _open_large_view(page, server)
    light = page.evaluate("window.mechgraphWebGL.renderer.getGraph().getEdgeAttribute('0', 'color')")
    page.click("text=Dark")
    page.wait_for_function("() => window.mechgraphWebGL.theme() === 'dark'")
    dark = page.evaluate("window.mechgraphWebGL.renderer.getGraph().getEdgeAttribute('0', 'color')")
    assert light != dark
    page.click("text=Light")
    page.wait_for_function("() => window.mechgraphWebGL.theme() === 'light'")
    # Fit brings the camera back to the first view
    home = page.evaluate("window.mechgraphWebGL.renderer.getCamera().getState()")
    page.evaluate("() => { const c = window.mechgraphWebGL.renderer.getCamera(); c.setState({...c.getState(), x: 0.1, ratio: 0.2}); }")
    page.click("#fit-view")
    page.wait_for_function("(x) => Math.abs(window.mechgraphWebGL.renderer.getCamera().getState().x - x) < 1e-6", arg=home["x"])


def test_a_small_view_goes_back_to_cytoscape(page: Any, server: str, graph: tuple[Path, nx.MultiDiGraph]) -> None:
    whole = graph[1]
    _open_large_view(page, server)
    node = next(node for node in whole if 2 <= whole.degree(node) <= 5)
    page.goto(f"{server}?focus={node}")
    page.wait_for_function("(id) => { const cy = window.mechgraph.cy('canvas'); return cy && cy.getElementById(id).length === 1; }", arg=node)
    settle(page)
    assert page.locator("#canvas-webgl").is_hidden()
    assert page.evaluate("window.mechgraphWebGL.active()") is False


def test_a_forged_click_sent_from_the_page_shows_an_error_not_details(page: Any, server: str) -> None:
    """Whatever the page sends as a clicked node, the server checks it against the view on screen."""
    _open_large_view(page, server)
    page.evaluate("() => window.dash_clientside.set_props('webgl-tap', {data: {id: 'no-such-node', at: Date.now()}})")
    page.wait_for_function("() => document.querySelector('#details').innerText.includes('the node clicked is not in this view')")
    assert page.locator("#detail-focus").is_disabled()


def test_a_chosen_path_is_lit_on_the_webgl_canvas(page: Any, server: str, graph: tuple[Path, nx.MultiDiGraph]) -> None:
    whole = graph[1]
    start, end = next((u, v) for u, v in whole.edges() if u != v)
    page.goto(f"{server}?open=all&from={start}&to={end}")
    page.wait_for_function(READY)
    settle(page)
    assert page.evaluate("window.mechgraphWebGL.renderer.getGraph().order") == whole.number_of_nodes()  # the whole view, the path lit over it
    lit = page.evaluate("() => window.mechgraphWebGL.litCount()")
    path = page.evaluate("() => window.mechgraph && document.querySelector('#paths').innerText")
    assert 2 <= lit < whole.number_of_nodes(), path


def test_the_reason_panels_answer_is_painted_on_the_webgl_canvas(page: Any, server: str, graph: tuple[Path, nx.MultiDiGraph]) -> None:
    whole = graph[1]
    agent = next(node for node, kind in whole.nodes(data="kind") if kind == "agent" and whole.out_degree(node) >= 3)
    page.goto(f"{server}?open=all&give={agent}")
    page.wait_for_function(READY)
    settle(page)
    page.wait_for_function("() => window.mechgraphWebGL.paintedCount() >= 2")
    painted = page.evaluate("window.mechgraphWebGL.painted()")
    assert agent in painted
    order = list(whole)
    for node, look in painted.items():
        shown = page.evaluate("(i) => window.mechgraphWebGL.renderer.getNodeDisplayData(String(i))", order.index(node))
        if "color" in look:
            assert shown["color"] == look["color"], node  # the disc in its mark's colour
        else:
            assert shown["highlighted"] is True, node  # a ring
    assert any(node != agent for node in painted)  # what the agent reaches, not only the agent


def test_the_view_is_drawn_again_after_the_draft_tab(page: Any, server: str, graph: tuple[Path, nx.MultiDiGraph]) -> None:
    """The tabs draw the map's tab afresh on return: the WebGL canvas must come back with it."""
    whole = graph[1]
    _open_large_view(page, server)
    page.click("text=Draft from text")
    page.wait_for_timeout(500)
    page.set_viewport_size({"width": 1300, "height": 720})  # a resize while the map is hidden: no error
    page.click("text=Explore the map")
    page.wait_for_function(READY)
    assert page.get_attribute("#canvas-webgl", "data-ready") == str(whole.number_of_nodes())
    assert page.locator("#canvas-webgl canvas").count() > 0


def test_a_click_on_a_relation_shows_its_details(page: Any, server: str, graph: tuple[Path, nx.MultiDiGraph]) -> None:
    whole = graph[1]
    _open_large_view(page, server)
    # zoom in, then find the relation whose midpoint (on a whole pixel of the page, where the mouse
    # clicks) is farthest from every node and nearer to it than to any other relation
    page.evaluate("() => { const c = window.mechgraphWebGL.renderer.getCamera(); c.setState({...c.getState(), ratio: c.getState().ratio / 6}); }")
    page.wait_for_timeout(800)
    box = page.locator("#canvas-webgl").bounding_box()
    found = page.evaluate(
        """([left, top]) => { const gl = window.mechgraphWebGL, r = gl.renderer, g = r.getGraph(), w = r.getDimensions().width, h = r.getDimensions().height;
                   const at = {}; g.forEachNode((n) => { at[n] = r.framedGraphToViewport(r.getNodeDisplayData(n)); });
                   let best = null, room = 0;
                   g.forEachEdge((e, attributes, s, t) => {
                     const x = Math.round(left + (at[s].x + at[t].x) / 2) - left, y = Math.round(top + (at[s].y + at[t].y) / 2) - top;
                     if (s === t || x < 20 || y < 20 || x > w - 20 || y > h - 20) { return; }
                     let near = Infinity; for (const n in at) { near = Math.min(near, Math.hypot(at[n].x - x, at[n].y - y)); }
                     if (near <= room) { return; }
                     if (gl.edgeAt(x, y) !== Number(e)) { return; }
                     room = near; best = { edge: Number(e), x: x, y: y }; });
                   return best; }""",
        [box["x"], box["y"]],
    )
    assert found is not None, "no relation can be clicked alone"
    u, v, key = list(whole.edges(keys=True))[found["edge"]]
    page.mouse.click(box["x"] + found["x"], box["y"] + found["y"])
    page.wait_for_function("(key) => document.querySelector('#details').innerText.includes('relation ' + key)", arg=str(key))
    assert str(whole.nodes[u]["label"]) in page.inner_text("#details") and str(whole.nodes[v]["label"]) in page.inner_text("#details")
