"""One headless Debian Chromium for every browser test (Playwright's own download is not used)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    playwright_sync = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} is missing: make browser (scripts/ensure-chromium) installs it")
    with playwright_sync.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


# -- the dashboard in a page: one server, one page, the same waits for every browser test -------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """``mechgraph serve`` on the bundled graph, for one test module (a module may override it)."""
    from ..servers import free_port, running, serve_command

    port = free_port()
    with running(serve_command(port), port, tmp_path_factory.mktemp("serve") / "serve.log") as url:
        yield url


@contextmanager
def watched_page(browser: Any, *, height: int = 860) -> Iterator[Any]:
    """A fresh page of width 1280 that accepts downloads; a script error or a dialog fails the test."""
    context = browser.new_context(viewport={"width": 1280, "height": height}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("dialog", lambda dialog: errors.append(f"dialog: {dialog.message}") or dialog.dismiss())
    try:
        yield page
    finally:
        context.close()
    assert not errors, errors


@pytest.fixture
def page(browser: Any, server: str) -> Iterator[Any]:
    with watched_page(browser) as page:
        yield page


def settle(page: Any) -> None:
    """Wait until no Dash callback is pending (twice: one answer may start another)."""
    page.wait_for_function("() => !document.querySelector('[data-dash-is-loading=\"true\"]')")
    page.wait_for_timeout(300)
    page.wait_for_function("() => !document.querySelector('[data-dash-is-loading=\"true\"]')")


def choose_option(page: Any, dropdown_id: str, text: str, label: str) -> None:
    """Type ``text`` into a dropdown and choose the option showing ``label``, once the options
    the typing asked for have arrived (an option clicked while the list is redrawn is lost)."""
    page.click(f"#{dropdown_id}")
    page.keyboard.type(text, delay=30)
    option = page.locator(".dash-dropdown-option", has_text=label).first
    option.wait_for()
    settle(page)
    option.wait_for()  # the locator finds the option again in the list as it now stands
    option.click()


def wait_for_canvas(page: Any, count: int | None = None) -> None:
    """Wait until the canvas has elements (``count`` nodes, when given) and no callback is pending."""
    test = f"cy.nodes().length === {count}" if count is not None else "cy.nodes().length > 0"
    page.wait_for_function(f"() => {{ const cy = window.mechgraph && window.mechgraph.cy('canvas'); return cy && {test}; }}")
    settle(page)


def open_view(page: Any, url: str, query: str = "") -> None:
    """Open the dashboard at ``url`` with a link's query string and wait for its canvas."""
    page.goto(url + query)
    wait_for_canvas(page)
