"""Exports of a whole map too large for one page draw its overview; every node on request."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from mechgraph.export import export
from mechgraph.graph import read_graph
from mechgraph.layout.bands import LEGIBLE_ZOOM, OVERVIEW_WRAP, fit_zoom


def test_the_whole_bundled_graph_exports_as_a_legible_overview(tmp_path: Path) -> None:
    graph = read_graph()
    result = export(graph, tmp_path / "map.svg")
    assert result.overview and 20 <= result.nodes < graph.number_of_nodes()
    svg = (tmp_path / "map.svg").read_text(encoding="utf-8")
    assert "more targets" in svg and svg.count(" more") >= 5  # groups, named with their counts


def test_every_node_a_focus_or_a_path_is_drawn_as_it_is(tmp_path: Path) -> None:
    graph = read_graph()
    assert export(graph, tmp_path / "all.svg", overview=False).nodes == graph.number_of_nodes()
    focused = export(graph, tmp_path / "focus.svg", focus="cyclosporine", depth=2)
    assert not focused.overview
    small = export(graph.subgraph(list(graph.nodes)[:30]).copy(), tmp_path / "small.svg")
    assert not small.overview


def test_the_overview_fits_the_page_legibly() -> None:
    from mechgraph.layout.bands import legible_overview

    summary, xy = legible_overview(read_graph(), width=1280 - 80, height=720 - 170)
    assert fit_zoom(summary.graph, xy, width=1200, height=550, wrap=OVERVIEW_WRAP, drawn=True) >= LEGIBLE_ZOOM


def test_cli_every_node_and_overview(tmp_path: Path) -> None:
    def run(*arguments: str) -> dict[str, object]:
        done = subprocess.run([sys.executable, "-m", "mechgraph", "export", *arguments, "--json"], capture_output=True, text=True, check=True)
        return json.loads(done.stdout)

    assert run("-o", str(tmp_path / "a.html"))["overview"] is True
    every = run("-o", str(tmp_path / "b.html"), "--every-node")
    assert every["overview"] is False and every["nodes"] == read_graph().number_of_nodes()
    assert run("-o", str(tmp_path / "c.html"), "--focus", "cyclosporine", "--overview")["overview"] is True
