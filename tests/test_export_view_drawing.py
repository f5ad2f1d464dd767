"""Exports draw what the screen shows: the dashboard's routes, a path lit with the rest faded, legends of what is drawn."""

from __future__ import annotations

import base64
import json
import re
from pathlib import Path

import networkx as nx
import pytest

from mechgraph.dashboard.exports import export_view
from mechgraph.dashboard.services import Drawing
from mechgraph.dashboard.state import ViewState
from mechgraph.dashboard.views import View, legend_items, view_of
from mechgraph.export import export
from mechgraph.export.html import figure_data, html_document
from mechgraph.export.view import build_figure
from mechgraph.graph import read_graph
from mechgraph.layout import compute_geometry, edge_keys
from mechgraph.style import FADED_OPACITY, box_look, legend_entries


@pytest.fixture(scope="module")
def path_view() -> View:
    return view_of(read_graph(), ViewState(focus="calcineurin", path_from="tacrolimus", path_to="il2"))


def _drawing(view: View) -> Drawing:
    chain = [item for item in view.lit if item in view.graph]
    geometry = compute_geometry(view.graph, path=chain)
    return Drawing(view, [], geometry.positions, geometry.routes)  # type: ignore[arg-type]


def _exported(drawing: Drawing, positions: dict[str, tuple[float, float]], fmt: str = "html") -> bytes:
    request = {"format": fmt, "positions": {node: list(xy) for node, xy in positions.items()}}
    return base64.b64decode(export_view(drawing, request, theme="light").data["content"])


def _page_data(page: bytes) -> dict:
    found = re.search(rb'<script type="application/json" id="mechgraph-data">(.*?)</script>', page, re.S)
    assert found
    return json.loads(found.group(1))


def _tenths(route: tuple[tuple[float, float], ...]) -> list[list[float]]:
    return [[round(x, 1), round(y, 1)] for x, y in route]


def _routes(data: dict) -> dict[tuple[str, str, str], list]:
    nodes, edges = data["nodes"]["id"], data["edges"]
    by_position = dict((position, route) for position, route in edges["routes"])
    return {(nodes[edges["from"][j]], nodes[edges["to"][j]], edges["id"][j]): by_position.get(j, []) for j in range(len(edges["id"]))}


def test_the_download_draws_the_servers_routes_at_the_browsers_rounded_positions(path_view: View) -> None:
    drawing = _drawing(path_view)
    rounded = {node: (round(x), round(y)) for node, (x, y) in drawing.positions.items()}  # what a browser may hand back
    data = _page_data(_exported(drawing, rounded))
    expected = {(u, v, str(path_view.graph.edges[u, v, k].get("id") or k)): _tenths(drawing.routes[(u, v, k)]) for u, v, k in edge_keys(path_view.graph)}
    assert any(expected.values()) and _routes(data) == expected


def test_a_dragged_node_re_routes_only_its_own_relations(path_view: View) -> None:
    drawing = _drawing(path_view)
    mover = next(node for node in path_view.graph if node not in path_view.lit)
    x, y = drawing.positions[mover]
    data = _page_data(_exported(drawing, {**drawing.positions, mover: (x + 400.0, y + 300.0)}))
    index = data["nodes"]["id"].index(mover)
    assert (data["nodes"]["x"][index], data["nodes"]["y"][index]) == pytest.approx((x + 400.0, y + 300.0), abs=0.1)  # the page keeps tenths of a pixel
    for (u, v, identifier), route in _routes(data).items():
        if mover not in (u, v):
            key = next(k for k in path_view.graph[u][v] if str(path_view.graph.edges[u, v, k].get("id") or k) == identifier)
            assert route == _tenths(drawing.routes[(u, v, key)])


def test_a_path_export_fades_the_rest_of_the_view_in_every_format(path_view: View, tmp_path: Path) -> None:
    chain = [item for item in path_view.lit if item in path_view.graph]
    figure = build_figure(path_view.graph, path=chain)
    faded = {node.id for node in figure.nodes if node.faded}
    assert faded and not faded & set(chain)
    lit_edges = [(figure.nodes[e.source].id, figure.nodes[e.target].id) for e in figure.edges if not e.faded]
    assert set(lit_edges) == set(zip(chain, chain[1:])) | (set(lit_edges) & set(zip(chain, chain[1:])))
    assert {(a, b) for a, b in zip(chain, chain[1:])} <= set(lit_edges)
    data = figure_data(figure)
    assert sorted(data["nodes"]["id"][i] for i in data["nodes"]["faded"]) == sorted(faded)
    svg = export(path_view.graph, tmp_path / "path.svg", chain=chain).path.read_text(encoding="utf-8")
    assert f"opacity: {FADED_OPACITY}" in svg
    plain = export(path_view.graph, tmp_path / "plain.svg").path.read_text(encoding="utf-8")
    assert f"opacity: {FADED_OPACITY}" not in plain, "no path, nothing faded"
    png = _exported(_drawing(path_view), dict(_drawing(path_view).positions), fmt="png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"


def test_every_legend_shows_nodes_as_the_tinted_boxes_they_are_drawn_as() -> None:
    g = nx.MultiDiGraph()
    g.add_node("d", kind="agent", label="Drug")
    g.add_node("t", kind="target", label="Target")
    g.add_edge("d", "t", key="r", relation="inhibits", sign=-1)
    page = html_document(build_figure(g))
    legend = page.split('<aside id="mechgraph-legend"')[1].split("</aside>")[0]
    for kind in ("agent", "target"):
        look = box_look(kind)
        assert f'fill="{look.fill}" stroke="{look.border}"' in legend, f"the {kind} swatch is its box"
    assert "<polygon" not in legend.split("mechgraph-legend-relation")[0], "no kind shape among the node swatches"
    rows = legend_items("light")[0].children
    assert len(rows) == len([e for e in legend_entries("light") if e.group == "node"])
    for row, entry in zip(rows, (e for e in legend_entries("light") if e.group == "node")):
        icon = row.children[0]
        assert icon.style["backgroundColor"] == entry.box.fill and entry.box.border in icon.style["border"]
        assert "clipPath" not in icon.style
    shapes = legend_items("light", large=True)[0].children
    assert all("clipPath" in row.children[0].style for row in shapes), "a large view draws kind shapes, and so does its legend"
