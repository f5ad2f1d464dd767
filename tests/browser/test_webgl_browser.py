"""The WebGL page of a 5,000-node view in headless Chromium, from ``file://`` with the network blocked.

Chromium draws WebGL through SwiftShader here. The page must draw every node, centre a node
found by the search, open its details on a click, and show a hostile label as text: no request
may leave the file, no script error, no dialog.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from mechgraph.export import WEBGL_THRESHOLD, export
from mechgraph.synthetic import synthetic_graph

pytestmark = pytest.mark.browser

HOSTILE = "</script><script>alert(1)</script>"
NODES = 5000


@pytest.fixture(scope="module")
def large_page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, nx.MultiDiGraph]:
    graph = synthetic_graph(round((NODES - 1) / 0.35), seed=4)
    graph.remove_nodes_from(sorted(graph.nodes)[NODES - 1 :])
    anchor = sorted(graph.nodes)[0]
    graph.add_node("hostile", kind="target", label=HOSTILE)
    graph.add_edge(
        "hostile",
        anchor,
        key="r-hostile",
        id="r-hostile",
        relation="activates",
        sign=1,
        evidence=[{"source": next(iter(graph.graph["sources"])), "quote": HOSTILE}],
    )
    assert graph.number_of_nodes() == NODES >= WEBGL_THRESHOLD
    path = tmp_path_factory.mktemp("webgl") / "large.html"
    result = export(graph, path, overview=False, title="Large view")  # renderer auto: WebGL at this size
    assert result.nodes == NODES
    return path, graph


@pytest.fixture
def opened(browser: Any, large_page: tuple[Path, nx.MultiDiGraph]) -> Iterator[tuple[Any, dict[str, list[str]]]]:
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    record: dict[str, list[str]] = {"blocked": [], "errors": [], "dialogs": []}

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith(("file://", "data:")):
            request_route.continue_()
        else:
            record["blocked"].append(url)
            request_route.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda error: record["errors"].append(str(error)))
    page.on("console", lambda message: record["errors"].append(message.text) if message.type == "error" else None)

    def on_dialog(dialog: Any) -> None:
        record["dialogs"].append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.set_default_timeout(60_000)
    page.goto(large_page[0].resolve().as_uri())
    page.wait_for_function("() => window.mechgraph && window.mechgraph.ready === true")
    yield page, record
    context.close()
    assert record == {"blocked": [], "errors": [], "dialogs": []}


def _ink(png: bytes) -> float:
    """Share of pixels that are not the (white) background."""
    import numpy as np
    from PIL import Image

    pixels = np.asarray(Image.open(io.BytesIO(png)).convert("RGB"))
    return float((pixels != 255).any(axis=2).mean())


def test_the_canvas_draws_every_node(opened: tuple[Any, dict[str, list[str]]]) -> None:
    page, _ = opened
    assert page.evaluate("document.documentElement.dataset.renderer") == "webgl"
    assert page.evaluate("window.mechgraph.sigma.getGraph().order") == NODES
    assert page.evaluate("window.mechgraph.sigma.getGraph().size") > NODES
    assert page.locator("#mechgraph-legend li").count() >= 5
    ink = _ink(page.locator("#mechgraph-graph").screenshot())
    assert ink > 0.05, f"the graph's canvas is nearly blank ({ink:.1%} drawn)"


def test_search_centres_a_node_and_a_click_opens_its_details(opened: tuple[Any, dict[str, list[str]]], large_page: tuple[Path, nx.MultiDiGraph]) -> None:
    page, _ = opened
    graph = large_page[1]
    node = max(graph.nodes, key=graph.degree)
    label = graph.nodes[node]["label"]
    page.fill("#mechgraph-search", label)
    page.press("#mechgraph-search", "Enter")
    page.wait_for_timeout(900)  # the camera's animation
    index = sorted(graph.nodes, key=str).index(node)
    assert page.evaluate("window.mechgraph.centred") == str(index)
    camera = page.evaluate("window.mechgraph.sigma.getCamera().getState()")
    shown = page.evaluate(f"window.mechgraph.sigma.getNodeDisplayData('{index}')")
    assert abs(camera["x"] - shown["x"]) < 1e-6 and abs(camera["y"] - shown["y"]) < 1e-6
    assert page.locator("#mechgraph-details h2").text_content() == label
    # The node is now in the middle of the graph's box: a click there opens its details again.
    page.click("#mechgraph-close")
    assert page.locator("#mechgraph-details").is_hidden()
    box = page.locator("#mechgraph-graph").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_selector("#mechgraph-details:not([hidden])")
    assert page.locator("#mechgraph-details h2").text_content() == label
    assert page.locator("#mechgraph-details li").count() >= 1


def test_a_hostile_label_is_text(opened: tuple[Any, dict[str, list[str]]]) -> None:
    page, _ = opened
    page.fill("#mechgraph-search", "alert(1)")
    page.press("#mechgraph-search", "Enter")
    page.wait_for_selector("#mechgraph-details:not([hidden])")
    assert page.locator("#mechgraph-details h2").text_content() == HOSTILE
    assert page.locator("#mechgraph-details blockquote").first.text_content() == HOSTILE
    assert page.evaluate("document.querySelectorAll('script').length") == 3
    assert "alert(1)" in page.evaluate("window.mechgraph.sigma.getGraph().getNodeAttribute(window.mechgraph.centred, 'label')")
