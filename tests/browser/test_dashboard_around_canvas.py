"""Around the canvas, in a real browser: what a person sees and reaches with the keyboard.

The direction label stays readable under the pointer, notices never push the page down, the
Sankey fits its panel, the draft lights the relation under review with its two nodes, Download
is a few Tab presses away, and a chosen path lights every parallel relation of its steps.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from .conftest import open_view, settle, watched_page

pytestmark = pytest.mark.browser


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    with watched_page(browser, height=720) as page:
        yield page


def _luminance(rgb: str) -> float:
    channels = [int(part) / 255 for part in rgb[rgb.index("(") + 1 : rgb.index(")")].split(",")[:3]]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_the_chosen_direction_stays_readable_under_the_pointer(page: Any, server: str) -> None:
    open_view(page, server, "?focus=cyclosporine")
    downstream = page.locator(".segmented label", has_text="Downstream")
    downstream.click()
    settle(page)
    downstream.hover()
    colour, background = downstream.evaluate("l => { const s = getComputedStyle(l); return [s.color, s.backgroundColor]; }")
    assert downstream.get_attribute("aria-selected") == "true"
    assert _contrast(colour, background) >= 4.5, (colour, background)


def test_download_is_a_few_tab_presses_away(page: Any, server: str) -> None:
    open_view(page, server)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    presses = 0
    for presses in range(1, 11):  # noqa: B007  (read after the loop)
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement && document.activeElement.id") == "export":
            break
    else:
        pytest.fail("Download was not reached in 10 Tab presses")
    assert presses <= 10
    assert page.get_attribute("#export", "accesskey") == "d"


def test_notices_float_bounded_and_can_be_dismissed(page: Any, server: str) -> None:
    open_view(page, server)
    header_before = page.locator(".app-header").bounding_box()
    explorer_before = page.locator(".explorer").bounding_box()
    # A link with many bad values: each one makes a notice.
    open_view(page, server, "?depth=lots&dir=sideways&kind=nothing&sign=maybe&relation=everything&path=x")
    page.wait_for_selector(".page-notices .notice")
    notices = page.locator(".page-notices")
    assert notices.is_visible() and notices.locator(".notice").count() >= 2
    assert page.locator(".app-header").bounding_box() == header_before
    assert page.locator(".explorer").bounding_box() == explorer_before  # nothing pushed down
    box = notices.bounding_box()
    assert box is not None and box["height"] <= 0.4 * 720 + 1
    assert page.evaluate("() => document.scrollingElement.scrollTop") == 0
    # The toolbar stays usable under notices: Download is what a click at its centre reaches.
    assert page.evaluate(
        "() => { const b = document.querySelector('#export').getBoundingClientRect();"
        " return document.elementFromPoint(b.x + b.width / 2, b.y + b.height / 2).closest('#export') !== null; }"
    )
    page.click(".notices-dismiss")
    assert not notices.is_visible()
    # A new notice shows again.
    open_view(page, server, "?depth=more")
    page.wait_for_selector(".page-notices .notice")
    assert notices.is_visible()


def test_the_sankey_fits_its_panel_with_short_labels(page: Any, server: str) -> None:
    open_view(page, server, "?focus=cyclosporine&depth=2&direction=down")
    page.click(".panel-tab:has-text('Flow')")
    page.wait_for_selector("#sankey .sankey-node")
    settle(page)
    panel = page.locator(".side-panel").bounding_box()
    figure = page.locator("#sankey .main-svg").first.bounding_box()
    assert panel is not None and figure is not None
    assert figure["width"] <= panel["width"] + 1
    assert figure["y"] + figure["height"] <= 720 + 1  # fits on the screen, no scrolling to read it
    labels = page.evaluate("() => [...document.querySelectorAll('#sankey .node-label')].map(t => t.textContent)")
    assert labels and max(len(label) for label in labels) <= 16
    sizes = page.evaluate("() => [...document.querySelectorAll('#sankey .node-label')].map(t => parseFloat(getComputedStyle(t).fontSize))")
    assert min(sizes) >= 11


def test_the_draft_lights_the_selected_relation_and_its_two_nodes(page: Any, server: str) -> None:
    open_view(page, server)
    page.click("text=Draft from text")
    page.fill("#draft-text", "Cyclosporine inhibits calcineurin. Thalidomide decreases TNF-alpha secretion. IL-2 activates T cells.")
    page.click("#draft-run")
    page.wait_for_selector("#draft-relations label")
    page.wait_for_function("() => document.querySelector('#draft-source mark')")
    settle(page)
    opacity = page.evaluate(
        """() => {
          const cy = window.mechgraph.cy('draft-canvas');
          return Object.fromEntries(cy.elements().map(e => [e.isNode() ? e.id() : e.source().id() + '>' + e.target().id(), parseFloat(e.style('opacity'))]));
        }"""
    )
    lit = {key for key, value in opacity.items() if value == 1}
    assert {"cyclosporine", "calcineurin", "cyclosporine>calcineurin"} <= lit
    assert all(value < 1 for key, value in opacity.items() if key not in lit)
    assert len(lit) == 3


def test_a_chosen_path_lights_every_parallel_relation_of_its_steps(page: Any, server: str) -> None:
    open_view(page, server, "?from=cyclosporine&to=il2")
    page.wait_for_selector("#paths .explanation")
    settle(page)
    parallels = ["r-256f560154f2", "r-b842f1559e7c", "r-1f99cf30c41e", "r-9ac448820ca0"]
    opacity = page.evaluate("ids => ids.map(id => parseFloat(window.mechgraph.cy('canvas').getElementById(id).style('opacity')))", parallels)
    assert opacity == [1, 1, 1, 1]
    assert "5 distinct paths" in page.inner_text("#paths")
    assert "joined from 2 relations" in page.inner_text("#paths")
