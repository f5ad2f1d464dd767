"""``mechgraph serve --db`` on a store past the whole-graph limit, in a browser: it opens on the
store's overview, a group opens with its members fetched from the store, and a node is focused."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from mechgraph.cli.store_commands import SERVE_MAX_RELATIONS

from .conftest import settle, wait_for_canvas, watched_page

pytestmark = pytest.mark.browser

RELATIONS = SERVE_MAX_RELATIONS + 5_000  # just past the limit: served region by region


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The store, and the label of a node no overview shows (the graph's last)."""
    from mechgraph.store import write_database
    from mechgraph.synthetic import synthetic_graph

    graph = synthetic_graph(RELATIONS, seed=3)
    db = tmp_path_factory.mktemp("store-serve") / "graph.lbug"
    write_database(graph, db)
    last = list(graph)[-1]
    return db, str(graph.nodes[last].get("label") or last)


@pytest.fixture(scope="module")
def server(built: tuple[Path, str]) -> Iterator[str]:
    from ..servers import serving_database

    db = built[0]
    with serving_database(db) as url:
        yield url


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    with watched_page(browser, height=720) as page:
        yield page


def test_the_store_opens_on_its_overview_and_a_group_opens_on_click(page: Any, server: str) -> None:
    page.goto(server)
    wait_for_canvas(page)
    assert page.inner_text("#graph-counts").startswith("overview of ")
    assert f"{RELATIONS:,} relations" in page.inner_text("#graph-counts")
    point = page.evaluate(
        """() => { const cy = window.mechgraph.cy('canvas'); const group = cy.nodes('.group').sort((a, b) => a.data('members') - b.data('members'))[0];
                   const p = group.renderedPosition(); return {x: p.x, y: p.y, id: group.id(), members: group.data('members'), kind: group.data('kind')}; }"""
    )
    assert point["members"] > 0
    box = page.locator("#canvas").bounding_box()
    page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
    page.wait_for_function("(id) => !window.mechgraph.cy('canvas').getElementById(id).length", arg=point["id"])
    settle(page)
    assert "open=" in page.url
    members = page.evaluate("(kind) => window.mechgraph.cy('canvas').nodes().filter(n => n.data('kind') === kind && !n.data('group')).length", point["kind"])
    assert members >= point["members"]
    page.click("#show-overview")
    page.wait_for_function("(id) => window.mechgraph.cy('canvas').getElementById(id).length === 1", arg=point["id"])


def test_a_hub_is_focused_with_its_neighbourhood_from_the_store(page: Any, server: str) -> None:
    page.goto(server)
    wait_for_canvas(page)
    # the least connected of the nodes shown by name: a neighbourhood drawn whole, quickly
    hub = page.evaluate("() => window.mechgraph.cy('canvas').nodes().filter(n => !n.data('group')).sort((a, b) => a.degree() - b.degree())[0].id()")
    page.goto(f"{server}?focus={hub}")
    page.wait_for_function(
        "(id) => { const cy = window.mechgraph && window.mechgraph.cy('canvas'); const n = cy && cy.getElementById(id); return n && n.length && n.hasClass('focus'); }",
        arg=hub,
    )
    settle(page)
    assert page.inner_text("#graph-counts").startswith(("showing ", "overview of "))
    label = page.evaluate("(id) => window.mechgraph.cy('canvas').getElementById(id).data('label')", hub)
    page.wait_for_function("(label) => document.querySelector('#details').innerText.includes(label)", arg=label)


def test_search_finds_a_node_in_the_store(page: Any, server: str, built: tuple[Path, str]) -> None:
    label = built[1]
    page.goto(server)
    wait_for_canvas(page)
    page.click("#focus")
    # the whole text at once, as pasted: typed letter by letter on a loaded machine, the dropdown
    # can drop a letter while it redraws its first options (a browser-side race, not the store's)
    page.fill("input.dash-dropdown-search", label)
    option = page.locator(".dash-dropdown-option", has_text=label).first
    option.wait_for()
    option.click()
    page.keyboard.press("Escape")
    page.wait_for_function("() => window.mechgraph.cy('canvas').nodes('.focus').length === 1")
    settle(page)
    assert "focus=" in page.url
