"""The dashboard under its own Content-Security-Policy, in a real headless Chromium.

The server is gunicorn with two workers, so a graph uploaded through one worker must be read by
the other through the signed store. Everything a person does (open the page, upload a graph
through the file chooser, open every tab, click, export) must work without one policy violation,
and labels written as HTML must reach Plotly's charts as text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..servers import free_port, gunicorn_command, running
from .conftest import settle, wait_for_canvas

pytestmark = pytest.mark.browser

LINK = '<a href="https://example.org/x">Linked</a>'
BIG = '<span style="font-size:80px">Huge</span>'
VIOLATIONS = """() => { window.__violations = []; document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI)); }"""


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    with running(gunicorn_command(port, workers=2), port, tmp_path_factory.mktemp("gunicorn") / "server.log") as url:
        yield url


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 860}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    page.add_init_script(VIOLATIONS)
    errors: list[str] = []
    refused: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text or "Refused to" in message.text else None)
    yield page
    violations = page.evaluate("() => window.__violations || []")
    context.close()
    assert not errors, errors
    assert not refused, refused
    assert not violations, violations


def markup_file(folder: Path) -> Path:
    path = folder / "markup.yaml"
    path.write_text(
        "mechgraph: 1\ntitle: Markup\nsources:\n  - {id: s, url: 'https://example.org/paper'}\nnodes:\n"
        f"  - {{id: d, kind: agent, label: '{LINK}'}}\n"
        f"  - {{id: t, kind: target, label: '{BIG}'}}\n"
        "  - {id: p, kind: process, process: secretion, label: 'IL-2 secretion'}\n"
        "relations:\n"
        "  - {from: d, relation: inhibits, to: t, evidence: [{source: s, note: a note}]}\n"
        "  - {from: t, relation: activates, to: p, evidence: [{source: s, note: a note}]}\n",
        encoding="utf-8",
    )
    return path


def dismiss_notices(page: Any) -> None:
    button = page.locator(".notices-dismiss")
    if button.count() and button.first.is_visible():
        button.first.click()


def open_tab(page: Any, name: str) -> None:
    page.get_by_role("tab", name=name).first.click() if page.get_by_role("tab", name=name).count() else page.get_by_text(name, exact=True).first.click()
    settle(page)


def test_the_dashboard_works_under_its_policy_and_charts_show_markup_as_text(page: Any, server: str, tmp_path: Path) -> None:
    page.goto(server + "?from=cyclosporine&to=il2")
    wait_for_canvas(page)
    # An upload through the real file chooser, then the second worker reads its signed store.
    page.set_input_files("#upload input[type=file]", str(markup_file(tmp_path)))
    wait_for_canvas(page, 3)
    assert page.inner_text("#graph-title") == "Markup"
    # A new graph opens on a fresh view: the last graph's path ends are gone from the link and the pickers.
    page.wait_for_function("() => !window.location.search.includes('from=')")
    assert "cyclosporine" not in page.url and "il2" not in page.url
    assert "Cyclosporine" not in page.inner_text("#path-from") + page.inner_text("#path-to")
    assert "not in this graph" not in page.inner_text("body")
    dismiss_notices(page)
    for name in ("Flow", "Charts"):
        open_tab(page, name)
        page.wait_for_selector(".js-plotly-plot .main-svg")
    plots = page.locator(".js-plotly-plot")
    assert plots.count() >= 2
    anchors = page.evaluate("() => document.querySelectorAll('.js-plotly-plot a').length")
    assert anchors == 0, "a label became a link"
    styled = page.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot tspan, .js-plotly-plot text')].filter(t => (t.getAttribute('style') || '').includes('80px')).length"
    )
    assert styled == 0, "a label's style was applied"
    shown = " ".join(page.locator(".js-plotly-plot").all_inner_texts()) + page.evaluate(
        "() => [...document.querySelectorAll('.js-plotly-plot text')].map(t => t.textContent).join(' ')"
    )
    assert re.search(r"<a href=|<span style=", shown), shown[:400]
    # The download still works under the policy.
    with page.expect_download() as info:
        page.click("#export")
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    assert path.stat().st_size > 1000


def test_the_page_refuses_to_be_framed(page: Any, server: str, tmp_path: Path) -> None:
    frame_page = tmp_path / "frame.html"
    frame_page.write_text(f'<!doctype html><iframe id="f" src="{server}" width="800" height="600"></iframe>', encoding="utf-8")
    context = page.context.browser.new_context()
    other = context.new_page()
    try:
        other.goto(frame_page.as_uri())
        other.wait_for_timeout(3000)
        frame = other.frame_locator("#f")
        assert frame.locator("#canvas").count() == 0
    finally:
        context.close()
