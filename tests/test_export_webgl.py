"""The WebGL page for large views (mechgraph.export.webgl): when it is chosen, what it embeds, escaping, the CLI option."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from mechgraph.cli import cli
from mechgraph.export import WEBGL_THRESHOLD, ExportError, choose_renderer, export, html_string
from mechgraph.export.view import build_figure
from mechgraph.export.webgl import bundle_js, webgl_document
from mechgraph.synthetic import synthetic_graph

from .test_export import SCRIPT_QUOTE, XSS_LABEL, _page_data, _parse, hostile_graph

HOSTILE = "</script><script>alert(1)</script>"
FIXTURE = Path(__file__).parent / "fixtures" / "valid.yaml"
VENDOR = Path(__file__).resolve().parents[1] / "mechgraph" / "export" / "vendor"


def _graph_of(nodes: int) -> nx.MultiDiGraph:
    """A synthetic graph of exactly ``nodes`` nodes (0.35 nodes per relation)."""
    graph = synthetic_graph(round(nodes / 0.35), seed=2)
    surplus = sorted(graph.nodes)[nodes:]
    graph.remove_nodes_from(surplus)
    assert graph.number_of_nodes() == nodes
    return graph


def _renderer_of(page: str) -> str:
    return "webgl" if 'data-renderer="webgl"' in page else "vis"


def test_choose_renderer() -> None:
    assert choose_renderer("auto", WEBGL_THRESHOLD - 1) == "vis"
    assert choose_renderer("auto", WEBGL_THRESHOLD) == "webgl"
    assert choose_renderer("AUTO", 10 * WEBGL_THRESHOLD) == "webgl"
    assert choose_renderer("vis", 10 * WEBGL_THRESHOLD) == "vis"
    assert choose_renderer("webgl", 1) == "webgl"
    with pytest.raises(ExportError, match="unknown renderer 'svg': expected auto, vis or webgl"):
        choose_renderer("svg", 1)


def test_auto_picks_webgl_at_the_threshold_and_vis_below(tmp_path: Path) -> None:
    at = export(_graph_of(WEBGL_THRESHOLD), tmp_path / "at.html", overview=False)
    below = export(_graph_of(WEBGL_THRESHOLD - 1), tmp_path / "below.html", overview=False)
    assert (at.nodes, below.nodes) == (WEBGL_THRESHOLD, WEBGL_THRESHOLD - 1)
    assert _renderer_of(at.path.read_text(encoding="utf-8")) == "webgl"
    assert _renderer_of(below.path.read_text(encoding="utf-8")) == "vis"


def test_explicit_renderer_wins_and_an_unknown_one_is_refused(tmp_path: Path) -> None:
    graph = hostile_graph()
    assert _renderer_of(html_string(graph, renderer="webgl")) == "webgl"
    assert _renderer_of(html_string(graph)) == "vis"
    with pytest.raises(ExportError, match="unknown renderer"):
        export(graph, tmp_path / "x.html", renderer="canvas")
    assert not (tmp_path / "x.html").exists()


def test_page_embeds_the_bundle_and_requests_nothing() -> None:
    page = webgl_document(build_figure(hostile_graph()))
    assert bundle_js() in page and "MechgraphWebGL" in page
    elements = _parse(page)
    scripts = [attrs for tag, attrs in elements.tags if tag == "script"]
    assert all("src" not in attrs for attrs in scripts), "every script is inline"
    assert not any(attrs.get("href") or attrs.get("src") for _, attrs in elements.tags), "no link, image or script URL"
    assert "default-src 'none'" in page
    # No URL outside the data, except the licences' texts and the bundle's own strings.
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)


def test_bundle_ships_with_its_licences_and_readme() -> None:
    bundle = (VENDOR / "webgl-graph.min.js").read_text(encoding="utf-8")
    assert bundle.startswith("/*! mechgraph WebGL bundle: sigma 3.0.3, graphology 0.26.0")
    for package in ("sigma 3.0.3 (MIT)", "graphology 0.26.0 (MIT)", "graphology-utils 2.5.2 (MIT)", "events 3.3.0 (MIT)"):
        assert package in bundle
    assert "</script" not in bundle.lower() and "<!--" not in bundle
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    assert "scripts/build-webgl-bundle" in readme and "3.0.3" in readme


def test_hostile_text_stays_text() -> None:
    graph = hostile_graph()
    graph.add_node("hostile", kind="target", label=HOSTILE)
    graph.add_edge("hostile", "cell", key="r9", id="r9", relation="activates", sign=1, evidence=[{"source": "safe", "quote": HOSTILE}])
    page = webgl_document(build_figure(graph, title=HOSTILE))
    elements = _parse(page)
    assert [tag for tag, _ in elements.tags].count("script") == 3, "no injected <script> element"
    assert not any(tag in ("img", "svg") and "onerror" in attrs or "onload" in attrs for tag, attrs in elements.tags)
    assert "<script>alert" not in page and XSS_LABEL not in page
    data = _page_data(page)
    assert HOSTILE in data["nodes"]["label"] and XSS_LABEL in data["nodes"]["label"]
    assert HOSTILE in data["texts"] and SCRIPT_QUOTE in data["texts"]
    assert data["title"] == HOSTILE
    assert "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page.split("<script")[0]


def test_page_data_follows_the_figure() -> None:
    figure = build_figure(hostile_graph())
    data = _page_data(webgl_document(figure))
    assert data["nodes"]["id"] == [node.id for node in figure.nodes]
    assert len(data["edges"]["from"]) == len(figure.edges)
    signs = {style["sign"] for style in data["styles"]}
    assert signs == {"increases", "decreases", "unknown"}
    assert {kind["key"] for kind in data["kinds"]} == {"agent", "target", "immune_cell", "other"}
    assert webgl_document(figure) == webgl_document(build_figure(hostile_graph())), "deterministic"


def test_cli_renderer_option(tmp_path: Path) -> None:
    out = tmp_path / "figure.html"
    result = CliRunner().invoke(cli, ["export", "--graph", str(FIXTURE), "-o", str(out), "--renderer", "webgl"])
    assert result.exit_code == 0, result.stderr
    assert _renderer_of(out.read_text(encoding="utf-8")) == "webgl"
    plain = tmp_path / "plain.html"
    assert CliRunner().invoke(cli, ["export", "--graph", str(FIXTURE), "-o", str(plain)]).exit_code == 0
    assert _renderer_of(plain.read_text(encoding="utf-8")) == "vis"


def test_cli_refuses_an_unknown_renderer(tmp_path: Path) -> None:
    out = tmp_path / "figure.html"
    result = CliRunner().invoke(cli, ["export", "--graph", str(FIXTURE), "-o", str(out), "--renderer", "canvas"])
    assert result.exit_code == 2
    assert "'canvas' is not one of 'auto', 'vis', 'webgl'" in result.stderr
    assert "--renderer" in result.stderr
    assert not out.exists()


def test_perturbation_marks_take_the_mark_colour_and_glyph(tmp_path: Path) -> None:
    from mechgraph.graph import read_graph
    from mechgraph.style import mark_look

    out = tmp_path / "perturbed.html"
    export(read_graph(), out, focus="tacrolimus", depth=2, give=["tacrolimus"], renderer="webgl")
    page = out.read_text(encoding="utf-8")
    data = _page_data(page)
    marks = {data["nodes"]["id"][position]: (colour, glyph) for position, colour, glyph in data["nodes"]["marks"]}
    assert marks["tacrolimus"] == (mark_look("given").border, mark_look("given").glyph)
    assert any(glyph in ("↑", "↓") for _, glyph in marks.values())
    assert "<h3>Perturbation</h3>" in page


def test_both_pages_build_their_legend_with_one_builder() -> None:
    """The vis-network and WebGL legends come from one builder: the same sections, the same items
    (the WebGL page lists no mechanisms), each label escaped once, only the swatches differ."""
    import dataclasses

    from mechgraph.export.html_legend import Swatches, legend_html

    graph = nx.MultiDiGraph()
    graph.add_node("a", kind="agent", label="<A & B>")
    graph.add_node("b", kind="target", label="B")
    graph.add_edge("a", "b", relation="inhibits", sign=-1, mechanism="direct")
    figure = dataclasses.replace(build_figure(graph), scale=((-1.5, "#112233"),))
    plain = Swatches(entry=lambda entry, theme: f"[{entry.key}]", mark=lambda entry, theme: "(mark)", measured=lambda colour, theme: colour)
    legend = legend_html(figure, plain, mechanisms=[], boxes=False)
    assert re.findall(r"<h3>([^<]+)</h3>", legend) == ["Nodes", "Relations", "Measured values"], "an empty section (no marks) is left out"
    assert '<li data-key="agent" title="' in legend and "[agent]<span>" in legend
    assert "<li>#112233<span>-1.5</span></li>" in legend
    webgl_legend = webgl_document(figure).split('<aside id="mechgraph-legend"')[1].split("</aside>")[0]
    html_legend = html_string(graph).split('<aside id="mechgraph-legend"')[1].split("</aside>")[0]
    keys = re.findall(r'data-key="([^"]+)"', legend)
    assert re.findall(r'data-key="([^"]+)"', webgl_legend) == keys
    assert set(keys) < set(re.findall(r'data-key="([^"]+)"', html_legend)), "the vis-network page also lists the mechanism"
