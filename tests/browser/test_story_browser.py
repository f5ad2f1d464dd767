"""An exported story in a real browser, offline: the arrow keys step through it, the caption
follows, P switches the presenter layout, and nothing is fetched and nothing logs an error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from mechgraph.cli import cli
from mechgraph.resources import bundled_graph_path

from .conftest import CHROMIUM

pytestmark = [pytest.mark.browser, pytest.mark.skipif(not bundled_graph_path().exists(), reason="the bundled graph is not there")]


def test_an_exported_story_steps_with_the_arrow_keys_offline(browser: Any, tmp_path: Path) -> None:
    out = tmp_path / "story.html"
    result = CliRunner().invoke(cli, ["story", "--compare", "tacrolimus", "sirolimus", "-o", str(out)])
    assert result.exit_code == 0, result.output
    context = browser.new_context(viewport={"width": 1280, "height": 760}, offline=True)
    page = context.new_page()
    problems: list[str] = []
    requests: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type in ("error", "warning") else None)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("request", lambda request: requests.append(request.url) if not request.url.startswith("file:") else None)
    try:
        page.goto(out.as_uri())
        assert page.inner_text("#caption") == "Tacrolimus and Sirolimus"
        count = int(page.inner_text("#counter").split("/")[1])
        page.keyboard.press("ArrowRight")
        assert page.inner_text("#caption") == "Tacrolimus inhibits Calcineurin"
        assert page.inner_text("#outcome") == "Calcineurin ↓" and page.inner_text("#chapter").lower() == "only tacrolimus"
        assert page.locator(".edge.current").count() == 1 and "#step-1" in page.url
        assert page.locator("#evidence li").count() >= 1
        page.keyboard.press("ArrowRight")
        page.keyboard.press("ArrowLeft")
        assert page.inner_text("#caption") == "Tacrolimus inhibits Calcineurin"
        page.keyboard.press("End")
        assert "opposite effects on" in page.inner_text("#caption") and page.inner_text("#counter") == f"{count} / {count}"
        page.keyboard.press("Home")
        for _ in range(count):
            page.keyboard.press("ArrowRight")
        captions = page.inner_text("#caption")
        assert captions  # the last relation is told
        page.keyboard.press("p")
        assert page.evaluate("() => document.body.classList.contains('presenter')")
        page.reload()  # the address keeps the step and the layout
        assert page.evaluate("() => document.body.classList.contains('presenter')") and page.inner_text("#caption") == captions
    finally:
        context.close()
    assert not problems, problems
    assert not requests, requests
    assert Path(CHROMIUM).exists()
