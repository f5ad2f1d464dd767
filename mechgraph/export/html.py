"""A single self-contained HTML file: vis-network inline, the graph as escaped JSON, no network.

The page is a fixed frame the size of a slide (title bar, legend column, the graph, a node
search, a details panel with each relation's evidence). vis-network's JavaScript comes from the
copy pyvis ships and is inlined; pyvis's own template (which loads Bootstrap from a CDN) is not
used. A Content-Security-Policy forbids every request, so the file behaves the same offline.

Safety: the data is embedded as JSON inside ``<script type="application/json">`` with ``<``,
``>``, ``&`` and U+2028/U+2029 escaped, the page builds every label, tooltip and link with
``textContent`` (never HTML strings), and only http(s) URLs become links.

Determinism: the same figure gives the same bytes (sorted keys, stable order, no timestamps).

The page is assembled here from its data (:mod:`~mechgraph.export.html_data`), its legend
(:mod:`~mechgraph.export.html_legend`) and its fixed template and script
(:mod:`~mechgraph.export.html_page`).
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

from .html_data import HOVER_LIMIT, LARGE_GRAPH, PHYSICS_LIMIT, figure_data
from .html_legend import _legend_html
from .html_page import _APP_JS, _TEMPLATE, fill_page, page_markers
from .view import ExportError, Figure

__all__ = ["HOVER_LIMIT", "LARGE_GRAPH", "PHYSICS_LIMIT", "html_document", "json_for_html"]

_VIS_NETWORK = "lib/vis-9.1.2/vis-network.min.js"


@lru_cache(maxsize=1)
def _vis_network_js() -> str:
    try:
        text = (resources.files("pyvis") / _VIS_NETWORK).read_text(encoding="utf-8")
    except (ModuleNotFoundError, FileNotFoundError, OSError) as error:
        raise ExportError(f"vis-network is missing ({_VIS_NETWORK} of pyvis): reinstall pyvis ({error})") from error
    return _inline_script(text)


def _inline_script(text: str) -> str:
    # Inside <script>, only "</script" (any case) and "<!--" can end or confuse the element.
    return text.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT").replace("<!--", "<\\!--")


def json_for_html(value: Any) -> str:
    """Compact, deterministic JSON that is safe inside a ``<script>`` element.

    >>> json_for_html({"b": "</script><img src=x>", "a": "\\u2028"})
    '{"a":"\\\\u2028","b":"\\\\u003c/script\\\\u003e\\\\u003cimg src=x\\\\u003e"}'
    """
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def html_document(figure: Figure, *, physics: bool = False) -> str:
    """The whole HTML page of ``figure``, as text.

    >>> from mechgraph.export.view import build_figure
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph(); g.add_node("x", label="<img src=x onerror=alert(1)>", kind="agent")
    >>> page = html_document(build_figure(g, title="<b>T</b>"))
    >>> "<img src=x" in page, "&lt;b&gt;T&lt;/b&gt;" in page, "://" in page.split("<script")[0]
    (False, True, False)
    """
    data = figure_data(figure, physics=physics)
    return fill_page(
        _TEMPLATE,
        page_markers(figure, _legend_html(figure)),
        [("@@DATA@@", json_for_html(data)), ("@@VIS@@", _vis_network_js()), ("@@APP@@", _inline_script(_APP_JS))],
    )
