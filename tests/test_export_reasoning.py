"""Exports draw a perturbation and measured values as the dashboard does: marks, glyphs, legend."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from mechgraph.cli import cli
from mechgraph.export import export, html_string, mark_figure
from mechgraph.export.view import build_figure, focus_view
from mechgraph.graph import read_graph


@pytest.fixture(scope="module")
def graph():
    return read_graph()


def page_data(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="mechgraph-data">(.*?)</script>', text, re.S)
    assert found, "the page carries its data"
    return json.loads(found.group(1))


def test_a_perturbation_marks_the_nodes_it_reaches_with_a_glyph_and_a_legend(tmp_path: Path, graph) -> None:
    out = export(graph, tmp_path / "csa.html", focus="cyclosporine", depth=3, direction="down", give=["cyclosporine"]).path
    data = page_data(out)
    marks = {data["nodes"]["id"][position]: look for position, look in data["nodes"]["marks"]}
    assert marks["il2_transcription"]["glyph"] == "↓" and marks["calcineurin"]["glyph"] == "↓"
    assert marks["cyclosporine"]["glyph"] == "●"  # the given node
    assert "Perturbation" in out.read_text(encoding="utf-8")
    plain = page_data(export(graph, tmp_path / "plain.html", focus="cyclosporine", depth=3, direction="down").path)
    assert plain["nodes"]["marks"] == []


def test_blocking_draws_the_opposite_signs(graph) -> None:
    view = focus_view(graph, focus="calcineurin", depth=2, direction="down")
    figure = build_figure(view)
    given = {node.id: node.mark for node in mark_figure(figure, graph, give=["calcineurin"]).nodes}
    blocked = {node.id: node.mark for node in mark_figure(figure, graph, block=["calcineurin"]).nodes}
    flipped = {"up": "down", "down": "up"}
    changed = [node for node, mark in given.items() if mark in flipped]
    assert changed and all(blocked[node] == flipped[given[node]] for node in changed)


def test_measured_values_fill_nodes_on_the_diverging_scale_whatever_the_numbers(graph) -> None:
    view = focus_view(graph, focus="nfat", depth=1)
    figure = mark_figure(build_figure(view), graph, overlay={"nfat": -3.0, "calcineurin": float("nan"), "il2_transcription": float("inf")})
    fills = {node.id: node.fill for node in figure.nodes if node.fill}
    assert fills["nfat"].startswith("#") and len(figure.scale) == 5
    assert all(re.fullmatch(r"#[0-9A-F]{6}", colour) for colour in fills.values())


def test_images_draw_the_marks(tmp_path: Path, graph) -> None:
    plain = export(graph, tmp_path / "plain.svg", focus="cyclosporine", depth=2, direction="down").path.read_bytes()
    marked = export(graph, tmp_path / "marked.svg", focus="cyclosporine", depth=2, direction="down", give=["cyclosporine"]).path.read_bytes()
    assert marked != plain and b"#d55e00" in marked.lower()  # the decrease colour borders the nodes that go down


def test_the_command_line_lists_unmapped_rows_and_names_an_unknown_node(tmp_path: Path) -> None:
    table = tmp_path / "values.csv"
    table.write_text("node,value\nIL-2,-2.5\nno such gene,1.0\n", encoding="utf-8")
    runner = CliRunner(mix_stderr=False) if "mix_stderr" in CliRunner.__init__.__code__.co_varnames else CliRunner()
    result = runner.invoke(cli, ["export", "-o", str(tmp_path / "v.html"), "--focus", "il2", "--give", "cyclosporine", "--overlay", str(table)])
    assert result.exit_code == 0, result.output
    assert "no such gene" in (result.stderr if hasattr(result, "stderr") else result.output)
    bad = runner.invoke(cli, ["export", "-o", str(tmp_path / "w.html"), "--give", "no such drug at all"])
    assert bad.exit_code == 1 and "no such drug at all" in (bad.stderr if hasattr(bad, "stderr") else bad.output)
    assert not (tmp_path / "w.html").exists()


def test_html_string_is_unchanged_without_marks(graph) -> None:
    assert '"marks":[]' in html_string(graph, focus="nfat").replace(" ", "")


def test_the_dashboard_download_draws_the_perturbation_on_screen(graph) -> None:
    import base64

    from mechgraph.dashboard.exports import export_view
    from mechgraph.dashboard.services import Drawing
    from mechgraph.dashboard.state import ViewState
    from mechgraph.dashboard.views import view_of
    from mechgraph.layout import compute_geometry

    view = view_of(graph, ViewState(focus="calcineurin", depth=1, give=("tacrolimus",)))
    geometry = compute_geometry(view.graph)
    drawing = Drawing(view, [], geometry.positions, geometry.routes)  # type: ignore[arg-type]
    request = {"format": "html", "positions": {node: list(xy) for node, xy in geometry.positions.items()}}
    page = base64.b64decode(export_view(drawing, request, theme="light", perturbation=(graph, ["tacrolimus"], [])).data["content"])
    found = re.search(rb'<script type="application/json" id="mechgraph-data">(.*?)</script>', page, re.S)
    data = json.loads(found.group(1))
    marks = {data["nodes"]["id"][position]: look["glyph"] for position, look in data["nodes"]["marks"]}
    assert marks["calcineurin"] == "↓" and marks["tacrolimus"] == "●"
    plain = base64.b64decode(export_view(drawing, request, theme="light").data["content"])
    assert b'"marks":[]' in plain.replace(b" ", b"")
