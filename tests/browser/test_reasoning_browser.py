"""The Reason panel in a real browser: a perturbation from a link colours the map, a table of
values uploads and is scored, the pickers write the link, a comparison fills its table."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from .conftest import choose_option, open_view, settle

pytestmark = pytest.mark.browser

EXAMPLE = Path(__file__).resolve().parents[2] / "data" / "examples" / "cyclosporine-t-cells.illustrative.csv"
SHOTS = os.environ.get("MECHGRAPH_SCREENSHOTS")  # a folder to keep screenshots in, when set


def reason_tab(page: Any) -> None:
    page.locator(".panel-tab", has_text="Reason").click()
    page.wait_for_selector("#reason-result")


def classes_of(page: Any, node: str) -> list[str]:
    return page.evaluate(f"() => window.mechgraph.cy('canvas').getElementById('{node}').classes()")


def test_a_perturbation_in_the_link_colours_the_map_and_an_uploaded_table_is_scored(page: Any, server: str) -> None:
    open_view(page, server, "?focus=cyclosporine&depth=4&dir=down&give=cyclosporine")
    reason_tab(page)
    page.wait_for_selector("#reason-summary")
    assert "↓ down" in page.inner_text("#reason-result") or "down" in page.inner_text("#reason-summary")
    page.wait_for_function("() => window.mechgraph.cy('canvas').getElementById('il2').hasClass('reason-down')")
    assert "reason-given" in classes_of(page, "cyclosporine")
    border = page.evaluate("() => window.mechgraph.cy('canvas').getElementById('il2').style('border-color')")
    assert border.replace(" ", "") == "rgb(213,94,0)"  # the decrease colour of style.py
    assert "so Cyclosporine decreases IL-2" in page.inner_text("[data-node='il2']")
    page.set_input_files("#reason-overlay-upload input[type=file]", str(EXAMPLE))
    page.wait_for_selector("#reason-consistency")
    settle(page)
    text = page.inner_text("#reason-result")
    assert "23 of 24 rows mapped (96%)" in text and "GAPDH" in text
    page.wait_for_function("() => window.mechgraph.cy('canvas').getElementById('il2').hasClass('reason-consistent')")
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / "reason-perturb-overlay.png"))


def test_the_pickers_write_the_link_and_a_comparison_fills_its_table(page: Any, server: str) -> None:
    open_view(page, server, "?focus=tacrolimus&depth=2&dir=down")
    reason_tab(page)
    choose_option(page, "reason-give", "tacrolimus", "Tacrolimus")
    page.wait_for_function("() => location.search.includes('give=tacrolimus')")
    page.wait_for_selector("#reason-summary")
    page.wait_for_function("() => window.mechgraph.cy('canvas').getElementById('calcineurin').hasClass('reason-down')")
    open_view(page, server, "?focus=tacrolimus&depth=2&dir=down&compare_a=tacrolimus&compare_b=sirolimus")
    reason_tab(page)
    page.wait_for_selector("#reason-compare")
    targets = page.inner_text("#reason-compare tbody[data-category='targets']")
    assert "Calcineurin" in targets and "mTOR" in targets and "FKBP12" in targets
    page.wait_for_function("() => window.mechgraph.cy('canvas').getElementById('calcineurin').hasClass('reason-a')")
    page.click("#reason-clear")
    page.wait_for_function("() => !location.search.includes('compare_a')")
    page.wait_for_function("() => !window.mechgraph.cy('canvas').getElementById('calcineurin').hasClass('reason-a')")
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / "reason-cleared.png"))


def test_the_story_steps_on_the_map_with_buttons_and_arrow_keys(page: Any, server: str) -> None:
    open_view(page, server, "?focus=cyclosporine&depth=4&dir=down&give=cyclosporine")
    reason_tab(page)
    page.wait_for_function("() => document.querySelector('#reason-story-caption').innerText.includes('What happens when given Cyclosporine')")
    page.click("#reason-story-next")
    page.wait_for_function("() => document.querySelector('#reason-story-caption').innerText.includes('Cyclosporine inhibits Calcineurin')")
    page.wait_for_function("() => window.mechgraph.cy('canvas').edges('.story-current').length === 1")
    first = page.evaluate("() => window.mechgraph.cy('canvas').edges('.story-current')[0].data('target')")
    assert first == "calcineurin"
    page.focus("#reason-story-box")
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('#reason-story-caption').innerText.startsWith('2 /')")
    # the caption and the map are updated by separate callbacks: wait for the map's step too
    page.wait_for_function("() => window.mechgraph.cy('canvas').edges('.story-past').length >= 1")
    assert page.evaluate("() => window.mechgraph.cy('canvas').edges('.story-current').length") == 1
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("() => document.querySelector('#reason-story-caption').innerText.startsWith('1 /')")
    if SHOTS:
        page.screenshot(path=str(Path(SHOTS) / "reason-story.png"))
    with page.expect_download() as download:
        page.click("#reason-story-export")
    saved = download.value.path()
    assert "Cyclosporine inhibits Calcineurin" in Path(saved).read_text(encoding="utf-8")


def test_the_link_keeps_the_story_step(page: Any, server: str) -> None:
    open_view(page, server, "?focus=cyclosporine&depth=4&dir=down&give=cyclosporine&step=2")
    reason_tab(page)
    page.wait_for_function("() => document.querySelector('#reason-story-caption').innerText.startsWith('2 /')")
    page.click("#reason-story-next")
    page.wait_for_function("() => location.search.includes('step=3')")
    settle(page)
    page.wait_for_timeout(1000)  # the answer is recomputed for the new link: the step stays
    assert page.inner_text("#reason-story-caption").startswith("3 /") and "step=3" in page.url
    page.click("#reason-clear")  # no question, no story: the step leaves the link too
    page.wait_for_function("() => !location.search.includes('give=') && !location.search.includes('step=')")
    open_view(page, server, "?focus=tacrolimus&depth=2&dir=down&give=tacrolimus&step=2")
    reason_tab(page)
    page.wait_for_function("() => document.querySelector('#reason-story-caption').innerText.startsWith('2 /')")
    settle(page)
    choose_option(page, "reason-give", "sirolimus", "Sirolimus")  # another question: its story starts at the title
    page.wait_for_function("() => location.search.includes('sirolimus') && !location.search.includes('step=')")
    page.wait_for_function("() => document.querySelector('#reason-story-caption').innerText.includes('What happens when given Tacrolimus, given Sirolimus')")
