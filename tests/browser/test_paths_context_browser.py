"""The "Allow mixed contexts" switch in a real browser: paths keep to one context until it is
ticked, the link remembers it, and a mixed path says so."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from ..servers import free_port, running, serve_command
from ..test_query_cli import MIXED
from .conftest import open_view, settle

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    graph = tmp_path_factory.mktemp("graph") / "mixed.yaml"
    graph.write_text(MIXED, encoding="utf-8")
    port = free_port()
    with running(serve_command(port, str(graph)), port, tmp_path_factory.mktemp("serve") / "serve.log") as url:
        yield url


def test_mixed_contexts_are_shown_only_when_allowed_and_the_link_keeps_the_switch(page: Any, server: str) -> None:
    open_view(page, server, "?from=drug&to=tx")
    page.wait_for_selector("#paths .explanation")
    panel = page.inner_text("#paths")
    assert "1 distinct path found (each within one context)" in panel and "mixes contexts" not in panel
    assert "Drug binds Other route" in panel and "in species mouse" in panel
    page.locator("#path-mixed label", has_text="Allow mixed contexts").click()
    page.wait_for_function("() => location.search.includes('mixed=1')")
    page.wait_for_function("() => document.querySelector('#paths').innerText.includes('contexts may mix')")
    settle(page)
    panel = page.inner_text("#paths")
    assert "2 distinct paths found (contexts may mix)" in panel and "This path mixes contexts" in panel
    assert "Contexts: species human / Mus musculus; cell type dendritic cell" in panel
    open_view(page, server, "?from=drug&to=tx&mixed=1")
    page.wait_for_selector("#paths .explanation")
    assert page.locator("#path-mixed input").is_checked()
    assert "This path mixes contexts" in page.inner_text("#paths")
