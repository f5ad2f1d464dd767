"""The dashboard end to end: a real `mechgraph serve` process driven by a real headless Chromium.

Each test does what a person would: type in the search box, pick from the list, click on the
canvas, download a file, upload a file, open a link.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from mechgraph.graph import read_graph

from .conftest import choose_option, open_view, settle

BUNDLED = read_graph()

pytestmark = pytest.mark.browser


# -- helpers (the server, the page and the waits are the browser tests' own, in conftest.py) -------


def canvas_nodes(page: Any) -> list[str]:
    return sorted(page.evaluate("() => window.mechgraph.cy('canvas').nodes().map(n => n.id())"))


def canvas_positions(page: Any) -> dict[str, list[float]]:
    return page.evaluate("() => Object.fromEntries(window.mechgraph.cy('canvas').nodes().map(n => [n.id(), [n.position('x'), n.position('y')]]))")


def pick(page: Any, dropdown_id: str, text: str, expected: str) -> None:
    """Type into a node picker and choose the option whose label starts with ``expected``."""
    choose_option(page, dropdown_id, text, expected)
    page.keyboard.press("Escape")
    settle(page)


def wait_for_nodes_to_change(page: Any, before: list[str]) -> list[str]:
    page.wait_for_function("(before) => JSON.stringify(window.mechgraph.cy('canvas').nodes().map(n => n.id()).sort()) !== before", arg=json.dumps(before))
    settle(page)
    return canvas_nodes(page)


# -- the tests ------------------------------------------------------------------------------------


def test_page_loads_with_the_whole_map_legend_counts_and_favicon(page: Any, server: str) -> None:
    open_view(page, server)
    assert page.title() == "mechgraph"
    nodes = canvas_nodes(page)  # the whole map opens on its overview: hubs by name, the rest in groups
    assert len(nodes) >= 20 and any(node.startswith("group:") for node in nodes)
    assert f"overview of {BUNDLED.number_of_nodes():,} nodes · {BUNDLED.number_of_edges():,} relations" in page.inner_text("#graph-counts")
    assert "agent" in page.inner_text("#legend").lower()
    favicon = page.evaluate("() => (document.querySelector('link[rel~=icon]') || {}).href")
    served = page.request.get(favicon).body()
    assert served == (Path(__file__).resolve().parents[2] / "assets" / "favicon.ico").read_bytes()


def test_search_cyclosporine_and_focus_it(page: Any, server: str) -> None:
    open_view(page, server)
    before = canvas_nodes(page)
    pick(page, "focus", "cyclospor", "Cyclosporine")
    after = wait_for_nodes_to_change(page, before)
    assert "cyclosporine" in after and len(after) < len(before)
    assert "focus=cyclosporine" in page.url
    assert page.evaluate("() => window.mechgraph.cy('canvas').getElementById('cyclosporine').hasClass('focus')")


def test_path_from_cyclosporine_to_il2_decreases_and_is_highlighted(page: Any, server: str) -> None:
    open_view(page, server)
    pick(page, "path-from", "cyclosporine", "Cyclosporine")
    pick(page, "path-to", "IL-2", "IL-2 ")
    page.wait_for_selector("#paths .explanation")
    assert "decreases" in page.inner_text("#paths .explanation")
    assert "from=cyclosporine" in page.url
    stylesheet_selector = page.evaluate("() => { const cy = window.mechgraph.cy('canvas'); return cy.style().json().map(r => r.selector).join('\\n'); }")
    assert '[id = "cyclosporine"]' in stylesheet_selector.replace("'", '"')


def test_click_a_relation_and_read_its_quote(page: Any, server: str) -> None:
    from mechgraph.graph import read_graph

    graph = read_graph()
    open_view(page, server, "?focus=radiotherapy")
    # A point a third of the way along the relation, clear of both nodes.
    point = page.evaluate(
        """() => { const cy = window.mechgraph.cy('canvas');
                   const edge = cy.edges().filter(e => e.source().id() === 'radiotherapy').first();
                   const a = edge.source().renderedPosition(), b = edge.target().renderedPosition();
                   return {x: a.x + (b.x - a.x) / 3, y: a.y + (b.y - a.y) / 3}; }"""
    )
    box = page.locator("#canvas").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_selector("#details .quote")
    clicked = page.evaluate(
        "() => { const e = window.mechgraph.cy('canvas').edges(':selected').first(); return {id: e.id(), source: e.source().id(), target: e.target().id()}; }"
    )
    quote = next(e["quote"] for e in graph.edges[clicked["source"], clicked["target"], clicked["id"]]["evidence"] if e.get("quote"))
    assert quote in page.inner_text("#details .quote")
    assert "Sign" in page.inner_text("#details") and "Evidence" in page.inner_text("#details")


def test_a_filter_changes_the_canvas_and_the_link(page: Any, server: str) -> None:
    open_view(page, server)
    before = canvas_nodes(page)
    page.locator("#filter-sign label", has_text="decreases").click()
    after = wait_for_nodes_to_change(page, before)
    assert 0 < len(after) < len(before)
    assert "sign=decreases" in page.url
    signs = page.evaluate("() => [...new Set(window.mechgraph.cy('canvas').edges().map(e => e.data('sign')))]")
    assert signs == [-1]


def test_download_the_view_as_html_with_the_same_nodes_and_positions(page: Any, server: str, tmp_path: Path) -> None:
    open_view(page, server, "?focus=cyclosporine")
    # Drag one node, as a user arranging the view would.
    node = page.evaluate(
        "() => { const n = window.mechgraph.cy('canvas').getElementById('cyclosporine'); const p = n.renderedPosition(); return {x: p.x, y: p.y}; }"
    )
    box = page.locator("#canvas").bounding_box()
    page.mouse.move(box["x"] + node["x"], box["y"] + node["y"])
    page.mouse.down()
    page.mouse.move(box["x"] + node["x"] + 60, box["y"] + node["y"] + 40, steps=8)
    page.mouse.up()
    positions = canvas_positions(page)
    with page.expect_download() as info:
        page.click("#export")
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.suffix == ".html"
    exported = exported_positions(path.read_text(encoding="utf-8"))
    assert sorted(exported) == sorted(positions)
    for node_id, (x, y) in positions.items():
        assert exported[node_id] == pytest.approx((x, y), abs=0.2)


def exported_positions(text: str) -> dict[str, tuple[float, float]]:
    """The node positions in an exported HTML file (its embedded JSON data)."""
    found = re.search(r'<script type="application/json" id="mechgraph-data">(.*?)</script>', text, re.S)
    assert found, "the export holds no data element"
    nodes = json.loads(found.group(1))["nodes"]
    return {node: (x, y) for node, x, y in zip(nodes["id"], nodes["x"], nodes["y"], strict=True)}


def test_upload_a_malformed_file_lists_the_error(page: Any, server: str, tmp_path: Path) -> None:
    open_view(page, server)
    bad = tmp_path / "broken.yaml"
    bad.write_text("mechgraph: 1\nnodes:\n  - id: a\n    kind: enzyme\n    label: A\nrelations: []\n", encoding="utf-8")
    page.set_input_files("#upload input[type=file]", str(bad))
    page.wait_for_selector("#upload-error")
    text = page.inner_text("#upload-error")
    assert "broken.yaml" in text and "enzyme" in text
    assert re.search(r"broken\.yaml:\d+", text), text  # the line is named
    assert f"{BUNDLED.number_of_nodes():,} nodes" in page.inner_text("#graph-counts")  # the served graph is still shown


def test_upload_a_graph_shows_it_only_to_this_user(page: Any, browser: Any, server: str, tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text(
        "mechgraph: 1\ntitle: Mine\nsources:\n  - {id: s, url: 'https://example.org/paper'}\nnodes:\n"
        "  - {id: x, kind: agent, label: '<img src=x onerror=alert(1)>'}\n  - {id: y, kind: target, label: Y}\n"
        "relations:\n  - {from: x, relation: inhibits, to: y, evidence: [{source: s, note: a note}]}\n",
        encoding="utf-8",
    )
    open_view(page, server)
    page.set_input_files("#upload input[type=file]", str(mine))
    page.wait_for_function("() => window.mechgraph.cy('canvas').nodes().length === 2")
    assert page.inner_text("#graph-title") == "Mine"
    other = browser.new_page()
    try:
        open_view(other, server)
        assert f"{BUNDLED.number_of_nodes():,} nodes" in other.inner_text("#graph-counts")
    finally:
        other.close()


def test_a_shared_link_reproduces_the_view(page: Any, browser: Any, server: str) -> None:
    open_view(page, server)
    pick(page, "focus", "tacrolimus", "Tacrolimus")
    page.fill("#depth", "2")
    page.keyboard.press("Enter")
    page.locator("#direction label", has_text="Downstream").click()
    page.wait_for_function("() => location.search.includes('dir=down') && location.search.includes('depth=2')")
    settle(page)
    link, nodes = page.url, canvas_nodes(page)
    other = browser.new_page()
    try:
        open_view(other, link)
        assert canvas_nodes(other) == nodes
        assert other.input_value("#depth") == "2"
    finally:
        other.close()


def test_a_bad_link_shows_a_notice_not_an_error(page: Any, server: str) -> None:
    open_view(page, server, "?depth=lots&focus=cyclosporine")
    assert "ignored depth='lots'" in page.inner_text("#notices")
    assert "cyclosporine" in canvas_nodes(page)


def test_draft_review_from_pasted_text_to_the_accepted_graph(page: Any, server: str, tmp_path: Path) -> None:
    open_view(page, server)
    page.click("text=Draft from text")
    text = "Cyclosporine inhibits calcineurin. Thalidomide decreases TNF-alpha secretion. IL-2 activates T cells."
    page.fill("#draft-text", text)
    page.click("#draft-run")
    page.wait_for_selector("#draft-relations label")
    options = page.locator("#draft-relations label")
    assert options.count() >= 2
    # The first relation is selected: its sentence is marked in the text.
    assert page.inner_text("#draft-source mark") == "Cyclosporine inhibits calcineurin."
    page.click("#draft-accept")  # accept it; the next one is selected
    page.wait_for_function(
        "() => document.querySelector('#draft-source mark') && document.querySelector('#draft-source mark').innerText.startsWith('Thalidomide')"
    )
    page.click("#draft-reject")
    page.wait_for_function("() => document.querySelector('#draft-status').innerText.includes('1 accepted, 1 rejected')")
    # Selecting a relation on the list marks its sentence.
    options.first.click()
    page.wait_for_function("() => document.querySelector('#draft-source mark').innerText.startsWith('Cyclosporine')")
    with page.expect_download() as info:
        page.click("#draft-download-button")
    archive = tmp_path / info.value.suggested_filename
    info.value.save_as(archive)
    import zipfile

    with zipfile.ZipFile(archive) as bundle:
        bundle.extractall(tmp_path / "accepted")
    (graph_file,) = (tmp_path / "accepted").glob("*.yaml")
    from mechgraph.graph import read_graph

    accepted = read_graph(graph_file)  # validates, quotes checked against the text beside it
    assert [(u, v, d["relation"]) for u, v, d in accepted.edges(data=True)] == [("cyclosporine", "calcineurin", "inhibits")]


def test_an_oversized_upload_is_refused_in_the_browser(page: Any, server: str, tmp_path: Path) -> None:
    open_view(page, server)
    big = tmp_path / "huge.yaml"
    big.write_bytes(b"# padding\n" * (1_100_000))  # 11 MB, over the default limit of 10 MB
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.post_data or "") if "_dash-update-component" in request.url else None)
    page.set_input_files("#upload input[type=file]", str(big))
    page.wait_for_selector("#upload-error")
    assert "huge.yaml is 10.5 MB: the upload limit is 10.0 MB" in page.inner_text("#upload-error")
    assert not any(len(body) > 1_000_000 for body in sent)  # the file never went to the server
