"""A graph whose every text field carries script and HTML payloads runs nothing anywhere.

The graph is tests/hostile/corpus/native/html-everywhere.yaml: payloads such as
``<img src=x onerror=window.__pwned=1>``, ``<script>window.__pwned=1</script>`` and
``"><svg onload=window.__pwned=1>`` in the title, description, labels, synonyms, notes, uses, a
quote (checked against its source text, which carries them too), source titles and notes, and
context values. A ``javascript:`` or ``data:`` URL as a source's url is refused by validation, so
it never reaches an output. The graph is exported with the real ``mechgraph export`` command and
opened from file:// with every other request blocked, then served with ``mechgraph serve``; each
page is hovered and clicked (nodes, relations, the search box) and must show the payloads as text:
``window.__pwned`` stays undefined and no dialog opens.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from defusedxml import ElementTree as SafeET

from mechgraph.graph import validate_file

from ..servers import free_port, running, serve_command
from .conftest import settle

pytestmark = pytest.mark.browser

CORPUS = Path(__file__).resolve().parents[1] / "hostile" / "corpus"
ROOT = Path(__file__).resolve().parents[2]
IMG = "<img src=x onerror=window.__pwned=1>"
SCRIPT = "<script>window.__pwned=1</script>"
SVG = '"><svg onload=window.__pwned=1>'
#: Elements an injected payload would have created.
INJECTED = "img[src='x'], img[onerror], svg[onload], iframe, object, embed"


@dataclass
class Watch:
    """A page and everything it must not do."""

    page: Any
    blocked: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)

    def assert_nothing_ran(self) -> None:
        self.page.wait_for_timeout(250)  # let any injected handler fire
        assert self.page.evaluate("() => typeof window.__pwned") == "undefined"
        assert self.dialogs == []
        assert self.page.evaluate(f"() => document.querySelectorAll({INJECTED!r}).length") == 0
        assert self.page_errors == []
        assert self.blocked == [], "no request may leave the page's own origin"


@pytest.fixture
def watch(browser: Any) -> Iterator[Any]:
    contexts = []

    def open_page(url: str, *, allowed: tuple[str, ...]) -> Watch:
        context = browser.new_context(viewport={"width": 1280, "height": 860})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        record = Watch(page)

        def route(route: Any) -> None:
            if route.request.url.startswith(allowed):
                route.continue_()
            else:
                record.blocked.append(route.request.url)
                route.abort()

        page.route("**/*", route)
        page.on("dialog", lambda dialog: record.dialogs.append(dialog.message) or dialog.dismiss())
        page.on("pageerror", lambda error: record.page_errors.append(str(error)))
        page.goto(url)
        return record

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    for name in ("html-everywhere.yaml", "html-everywhere.txt"):
        shutil.copy(CORPUS / "native" / name, folder / name)
    path = folder / "html-everywhere.yaml"
    assert validate_file(path).ok, "the payloads are valid data: escaping is the outputs' job"
    return path


def mechgraph(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mechgraph", *arguments], capture_output=True, text=True, timeout=120, cwd=ROOT)


@pytest.mark.parametrize("name", ["javascript-url.yaml", "data-url.yaml", "url-with-quote.yaml"])
def test_script_urls_are_refused_by_validation(name: str, tmp_path: Path) -> None:
    problems = [p for p in validate_file(CORPUS / "native" / name).problems if p.field == "sources[0].url"]
    assert [p.rule for p in problems] == ["bad-value"]
    assert "expected an http:// or https:// URL" in problems[0].message
    result = mechgraph("export", "--graph", str(CORPUS / "native" / name), "-o", str(tmp_path / "out.html"))
    assert result.returncode == 1 and "expected an http:// or https:// URL" in result.stderr
    assert not (tmp_path / "out.html").exists()


# -- exported HTML --------------------------------------------------------------------------------


def test_exported_html_runs_no_payload(hostile: Path, watch: Any, tmp_path: Path) -> None:
    out = tmp_path / "hostile.html"
    result = mechgraph("export", "--graph", str(hostile), "-o", str(out), "--layout", "compact")
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in text and "default-src 'none'" in text
    assert IMG not in text and SCRIPT not in text, "payloads are escaped in the file itself"
    record = watch(out.resolve().as_uri(), allowed=("file://", "data:"))
    page = record.page
    page.wait_for_function("() => window.mechgraph && window.mechgraph.ready === true")
    assert IMG in page.title()
    record.assert_nothing_ran()

    details = page.locator("#mechgraph-details")
    nodes = page.evaluate(
        """() => { const net = window.mechgraph.network, box = document.getElementById('mechgraph-graph').getBoundingClientRect();
                   const ids = window.mechgraph.nodes.getIds(), pos = net.getPositions(ids);
                   return ids.map(id => { const d = net.canvasToDOM(pos[id]); return {id: id, x: d.x + box.left, y: d.y + box.top}; }); }"""
    )
    shown = []
    for node in nodes:
        page.mouse.move(node["x"], node["y"])  # hover: the tooltip
        page.wait_for_timeout(150)
        page.mouse.click(node["x"], node["y"])  # click: the pinned panel
        details.wait_for(state="visible")
        shown.append(details.inner_text())
        record.assert_nothing_ran()
    assert any(IMG in text for text in shown) and any(SVG in text for text in shown), shown
    assert any(SCRIPT in text for text in shown), "synonyms and notes are shown as text"

    edge = page.evaluate("() => window.mechgraph.data.edges.id.length") - 1
    page.evaluate(f"() => window.mechgraph.network.emit('click', {{nodes: [], edges: [{edge}], pointer: {{DOM: {{x: 0, y: 0}}}}}})")
    details.wait_for(state="visible")
    panel = details.inner_text()
    assert f"{SCRIPT} inhibits {IMG}" in panel, "the quote is shown verbatim, as text"
    assert IMG in panel and SVG in panel
    links = details.locator("a").evaluate_all("anchors => anchors.map(a => a.getAttribute('href'))")
    assert links and all(href.startswith(("http://", "https://")) for href in links), links

    page.fill("#mechgraph-search", "<img")
    page.keyboard.press("Enter")
    record.assert_nothing_ran()


# -- exported SVG ---------------------------------------------------------------------------------


def test_exported_svg_has_no_script_no_handlers_no_script_links(hostile: Path, watch: Any, tmp_path: Path) -> None:
    out = tmp_path / "hostile.svg"
    result = mechgraph("export", "--graph", str(hostile), "-o", str(out), "--labels")
    assert result.returncode == 0, result.stderr
    assert "<!ENTITY" not in out.read_text(encoding="utf-8")
    root = SafeET.parse(out)  # matplotlib's public SVG DOCTYPE is allowed; entities are not
    texts = []
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1]
        assert name not in ("script", "foreignObject", "iframe", "object", "embed"), name
        for attribute, value in element.attrib.items():
            local = attribute.rsplit("}", 1)[-1].lower()
            assert not local.startswith("on"), (name, attribute, value)
            if local in ("href", "src", "action", "formaction"):
                assert value.strip().lower().startswith(("http://", "https://", "#", "data:image/")), (name, attribute, value)
        texts.append(element.text or "")
    assert any("<img src=x" in text for text in texts), "labels are in the SVG as escaped text"
    record = watch(out.resolve().as_uri(), allowed=("file://", "data:"))
    record.page.wait_for_load_state("load")
    record.assert_nothing_ran()


# -- the dashboard --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def dashboard(hostile: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = free_port()
    with running(serve_command(port, str(hostile)), port, tmp_path_factory.mktemp("serve") / "serve.log") as url:
        yield url


def test_dashboard_runs_no_payload(dashboard: str, watch: Any) -> None:
    record = watch(dashboard, allowed=(dashboard, "data:"))
    page = record.page
    page.wait_for_function("() => { const cy = window.mechgraph && window.mechgraph.cy('canvas'); return cy && cy.nodes().length > 0; }")
    settle(page)
    record.assert_nothing_ran()
    assert IMG in page.inner_text("#graph-title")

    def click_at(script: str) -> None:
        point = page.evaluate(script)
        box = page.locator("#canvas").bounding_box()
        page.mouse.move(box["x"] + point["x"], box["y"] + point["y"])
        page.wait_for_timeout(150)
        page.mouse.click(box["x"] + point["x"], box["y"] + point["y"])
        settle(page)

    click_at("() => { const p = window.mechgraph.cy('canvas').getElementById('cyclosporine').renderedPosition(); return {x: p.x, y: p.y}; }")
    details = page.inner_text("#details")
    assert IMG in details and SCRIPT in details, details
    record.assert_nothing_ran()

    click_at(
        """() => { const cy = window.mechgraph.cy('canvas'); const edge = cy.edges().first();
                   const a = edge.source().renderedPosition(), b = edge.target().renderedPosition();
                   return {x: a.x + (b.x - a.x) / 2, y: a.y + (b.y - a.y) / 2}; }"""
    )
    page.wait_for_selector("#details .quote")
    evidence = page.inner_text("#details")
    assert f"{SCRIPT} inhibits {IMG}" in evidence, evidence
    assert SVG in evidence  # the evidence note and context
    hrefs = page.locator("#details a").evaluate_all("anchors => anchors.map(a => a.getAttribute('href'))")
    assert all(href.startswith(("http://", "https://")) for href in hrefs), hrefs
    record.assert_nothing_ran()

    page.click("#focus")
    page.keyboard.type("<img", delay=30)
    page.wait_for_timeout(800)
    options = page.locator(".dash-dropdown-option").all_inner_texts()
    assert any(IMG in option for option in options), options
    page.keyboard.press("Escape")
    record.assert_nothing_ran()
