"""Exported files in a real headless Chromium with the network blocked.

Each page is opened from ``file://``; any request to anything else is aborted and recorded, and
the tests fail on it, on a console error, on an uncaught exception and on any dialog (every
hostile text in the test graph calls ``alert``).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from mechgraph.export import export, export_html
from mechgraph.graph import read_graph

from ..test_export import SCRIPT_QUOTE, XSS_LABEL, hostile_graph

pytestmark = pytest.mark.browser


@dataclass
class Visit:
    page: Any
    blocked: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.blocked == [], "no request may leave file://"
        assert self.console_errors == []
        assert self.page_errors == []
        assert self.dialogs == [], "no injected text may run"


@pytest.fixture
def visit(browser: Any) -> Iterator[Any]:
    contexts = []

    def open_file(path: Path, *, width: int = 1280, height: int = 720) -> Visit:
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        record = Visit(page)

        def route(route: Any) -> None:
            url = route.request.url
            if url.startswith(("file://", "data:")):
                route.continue_()
            else:
                record.blocked.append(url)
                route.abort()

        page.route("**/*", route)
        page.on("console", lambda message: record.console_errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: record.page_errors.append(str(error)))

        def on_dialog(dialog: Any) -> None:
            record.dialogs.append(dialog.message)
            dialog.dismiss()

        page.on("dialog", on_dialog)
        page.goto(path.resolve().as_uri())
        return record

    yield open_file
    for context in contexts:
        context.close()


def _wait_ready(page: Any) -> None:
    page.wait_for_function("() => window.mechgraph && window.mechgraph.ready === true", timeout=30_000)


def _node_screen_positions(page: Any) -> list[dict[str, float]]:
    """Where vis-network drew each node, in page pixels, and the graph container's box."""
    return page.evaluate(
        """() => {
            const net = window.mechgraph.network;
            const box = document.getElementById('mechgraph-graph').getBoundingClientRect();
            const ids = window.mechgraph.nodes.getIds();
            const pos = net.getPositions(ids);
            return ids.map(id => {
                const dom = net.canvasToDOM(pos[id]);
                return {id: id, x: dom.x + box.left, y: dom.y + box.top, left: box.left, top: box.top, right: box.right, bottom: box.bottom};
            });
        }"""
    )


@pytest.fixture(scope="module")
def bundled_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export_html(read_graph(), tmp_path_factory.mktemp("export") / "bundled.html", overview=False)


def test_the_whole_map_exports_as_an_overview_with_legible_labels(visit: Any, tmp_path: Path) -> None:
    """By default a whole map too large for one page is drawn as its overview: at 1280x720 at
    least 20 labels are drawn at 10 px or more, and the groups carry their counts."""
    record = visit(export_html(read_graph(), tmp_path / "overview.html"))
    _wait_ready(record.page)
    page = record.page
    labels = page.evaluate("() => window.mechgraph.data.nodes.id.map((id, i) => window.mechgraph.data.nodes.lines[i])")
    assert any("more targets" in label for label in labels)
    scale = page.evaluate("() => window.mechgraph.network.getScale()")
    font = page.evaluate("() => window.mechgraph.data.boxFont")
    assert font * scale >= 10, (font, scale)
    assert len(labels) >= 20
    record.assert_clean()


def test_every_node_of_the_bundled_graph_is_drawn_offline(visit: Any, bundled_html: Path) -> None:
    graph = read_graph()
    record = visit(bundled_html)
    _wait_ready(record.page)
    page = record.page
    # Routed relations pass through invisible bend nodes (string ids); nodes and relations have numeric ids.
    counts = page.evaluate(
        "() => [window.mechgraph.network.body.nodeIndices.filter(i => typeof i === 'number').length, window.mechgraph.network.body.edgeIndices.filter(i => typeof i === 'number').length]"
    )
    assert counts == [graph.number_of_nodes(), graph.number_of_edges()]
    drawn_ids = page.evaluate("() => window.mechgraph.data.nodes.id")
    assert sorted(drawn_ids) == sorted(graph.nodes)
    for node in _node_screen_positions(page):
        assert node["left"] <= node["x"] <= node["right"] and node["top"] <= node["y"] <= node["bottom"], node
    painted = page.evaluate(
        """() => {
            const canvas = document.querySelector('#mechgraph-graph canvas');
            const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            let count = 0;
            for (let i = 3; i < pixels.length; i += 4) { if (pixels[i] > 0) count++; }
            return count / (pixels.length / 4);
        }"""
    )
    assert painted > 0.01, "the canvas shows the graph"
    record.assert_clean()


def test_the_legend_is_present(visit: Any, bundled_html: Path) -> None:
    record = visit(bundled_html)
    _wait_ready(record.page)
    legend = record.page.locator("#mechgraph-legend")
    assert legend.is_visible()
    keys = legend.locator("li").evaluate_all("items => items.map(item => item.dataset.key)")
    assert {"agent", "target", "process", "outcome", "increases", "decreases", "unknown", "direct", "indirect"} <= set(keys)
    assert legend.locator("li[data-key=decreases] span").inner_text() == "decreases (inhibition)"
    record.assert_clean()


def test_hostile_labels_show_as_text_and_run_nothing(visit: Any, tmp_path: Path) -> None:
    path = export_html(hostile_graph(), tmp_path / "hostile.html", layout="compact")
    record = visit(path)
    _wait_ready(record.page)
    page = record.page
    assert page.title() == "<b>Hostile</b> </title><script>alert(3)</script>"
    assert page.locator("#mechgraph-title").inner_text() == "<b>Hostile</b> </title><script>alert(3)</script>"
    assert page.evaluate("() => document.querySelectorAll('img, iframe, object, embed').length") == 0
    assert page.evaluate("() => document.scripts.length") == 3

    node = next(n for n in _node_screen_positions(page) if page.evaluate(f"() => window.mechgraph.data.nodes.id[{n['id']}]") == "xss")
    page.mouse.click(node["x"], node["y"])
    details = page.locator("#mechgraph-details")
    details.wait_for(state="visible")
    assert details.locator("h2").inner_text() == XSS_LABEL
    assert "<svg onload=alert(5)>" in details.inner_text()

    page.evaluate("() => window.mechgraph.network.selectEdges([])")
    edge_index = page.evaluate("() => window.mechgraph.data.edges.id.indexOf('r1')")
    page.evaluate(f"() => window.mechgraph.network.emit('click', {{nodes: [], edges: [{edge_index}], pointer: {{DOM: {{x: 0, y: 0}}}}}})")
    assert details.locator("h2").inner_text() == f"{XSS_LABEL} inhibits Target </script>"
    quotes = details.locator("blockquote").all_inner_texts()
    assert quotes[0].replace("\n", " ").startswith("</script><script>alert(2)</script> &")
    assert len(quotes) == 2 and SCRIPT_QUOTE.split("\u2028")[0].strip() in quotes[0]
    links = details.locator("a").evaluate_all("anchors => anchors.map(a => [a.textContent, a.getAttribute('href')])")
    assert links == [["A <i>safe</i> paper", "https://example.org/paper?a=1&b=2"]], "the javascript: source is not a link"
    assert details.locator("text=Evil link").count() == 1
    page.wait_for_timeout(200)  # give any injected handler time to fire
    record.assert_clean()


def test_search_finds_and_selects_nodes(visit: Any, bundled_html: Path) -> None:
    record = visit(bundled_html)
    _wait_ready(record.page)
    page = record.page
    search = page.locator("#mechgraph-search")
    search.fill("cyclosporine")
    found = page.locator("#mechgraph-found").inner_text()
    assert found.endswith("found") and int(found.split()[0]) >= 1
    search.press("Enter")
    selected = page.evaluate("() => window.mechgraph.network.getSelectedNodes().map(i => window.mechgraph.data.nodes.id[i])")
    assert selected == ["cyclosporine"]
    assert page.locator("#mechgraph-details h2").inner_text() == "Cyclosporine"
    search.press("Escape")
    assert page.evaluate("() => window.mechgraph.network.getSelectedNodes().length") == 0
    record.assert_clean()


def test_dark_slide_of_a_focused_view(visit: Any, tmp_path: Path) -> None:
    graph = read_graph()
    result = export(graph, tmp_path / "dark.html", focus="imiquimod", depth=2, size="1920x1080", theme="dark", layout="force")
    record = visit(result.path, width=1920, height=1080)
    _wait_ready(record.page)
    page = record.page
    box = page.locator("#mechgraph-frame").bounding_box()
    assert (box["width"], box["height"]) == (1920, 1080)
    assert page.evaluate("() => getComputedStyle(document.body).backgroundColor") == "rgb(30, 30, 30)"
    assert page.evaluate("() => window.mechgraph.network.body.nodeIndices.length") == result.nodes
    record.assert_clean()


def test_physics_settles_and_stops_on_a_small_graph(visit: Any, tmp_path: Path) -> None:
    graph: nx.MultiDiGraph = read_graph()
    result = export(graph, tmp_path / "physics.html", focus="cyclosporine", depth=1, physics=True)
    record = visit(result.path)
    _wait_ready(record.page)
    record.page.wait_for_function("() => window.mechgraph.network.physics.options.enabled === false", timeout=30_000)
    record.assert_clean()


def test_svg_export_opens_with_its_legend(visit: Any, tmp_path: Path) -> None:
    path = export(read_graph(), tmp_path / "bundled.svg").path
    record = visit(path)
    texts = record.page.evaluate("() => Array.from(document.querySelectorAll('text')).map(t => t.textContent)")
    assert "Legend" in texts and "increases (activation)" in texts
    size = record.page.evaluate("() => { const b = document.documentElement.getBBox(); return [b.width, b.height]; }")
    assert size[0] > 500 and size[1] > 300
    record.assert_clean()
