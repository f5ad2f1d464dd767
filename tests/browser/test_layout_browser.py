"""A chosen path reads left to right, with no relation drawn through a node: on the dashboard's
canvas and in the HTML file its Download button gives, measured on what the browser actually drew."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from mechgraph.dashboard.state import ViewState
from mechgraph.dashboard.views import view_of
from mechgraph.export import export_html
from mechgraph.graph import read_graph

pytestmark = pytest.mark.browser


def _path_nodes() -> list[str]:
    view = view_of(read_graph(), ViewState(focus="calcineurin", path_from="tacrolimus", path_to="il2"))
    return [item for item in view.lit if item in view.graph]


def _crosses(segment: tuple[float, float, float, float], box: tuple[float, float, float, float], shrink: float = 1.0) -> bool:
    """Whether a segment enters a box (left, top, right, bottom), shrunk by ``shrink`` pixels."""
    x0, y0, x1, y1 = segment
    left, top, right, bottom = box[0] + shrink, box[1] + shrink, box[2] - shrink, box[3] - shrink
    low, high = 0.0, 1.0
    for p, q in ((-(x1 - x0), x0 - left), (x1 - x0, right - x0), (-(y1 - y0), y0 - top), (y1 - y0, bottom - y0)):
        if abs(p) < 1e-12:
            if q < 0:
                return False
        elif p < 0:
            low = max(low, q / p)
        else:
            high = min(high, q / p)
    return low < high


def _through(edges: list[dict[str, Any]], boxes: dict[str, tuple[float, float, float, float]]) -> list[tuple[str, str]]:
    """(relation, node) pairs where the drawn relation passes through a third node's box."""
    found = []
    for edge in edges:
        points = edge["points"]
        for a, b in zip(points, points[1:]):
            for node, box in boxes.items():
                if node not in (edge["source"], edge["target"]) and _crosses((*a, *b), box):
                    found.append((edge["id"], node))
    return sorted(set(found))


def _assert_chain(centres: dict[str, tuple[float, float]], path: list[str]) -> None:
    xs = [centres[node][0] for node in path]
    assert xs == sorted(xs) and len(set(xs)) == len(xs), f"the path runs left to right: {list(zip(path, xs))}"
    ys = [centres[node][1] for node in path]
    assert max(ys) - min(ys) < 2, f"the path is one row: {list(zip(path, ys))}"


_CY_GEOMETRY = """() => {
    const cy = window.mechgraph.cy('canvas');
    const boxes = {}, centres = {};
    cy.nodes().forEach(n => { const b = n.boundingBox({includeLabels: false, includeOverlays: false});
        boxes[n.id()] = [b.x1, b.y1, b.x2, b.y2]; centres[n.id()] = [n.position('x'), n.position('y')]; });
    const edges = cy.edges().map(e => {
        const bends = e.css('curve-style') === 'segments' ? (e.segmentPoints() || []) : [];
        const points = [e.sourceEndpoint(), ...bends, e.targetEndpoint()].map(p => [p.x, p.y]);
        return {id: e.id(), source: e.source().id(), target: e.target().id(), points: points, routed: e.hasClass('routed')};
    });
    return {boxes, centres, edges};
}"""

_VIS_GEOMETRY = """() => {
    const m = window.mechgraph, net = m.network, N = m.data.nodes, E = m.data.edges;
    const boxes = {}, centres = {}, byIndex = {};
    const positions = net.getPositions();
    N.id.forEach((id, i) => { const b = net.getBoundingBox(i); boxes[id] = [b.left, b.top, b.right, b.bottom];
        centres[id] = [positions[i].x, positions[i].y]; byIndex[i] = id; });
    const edges = E.id.map((id, j) => {
        const chain = [E.from[j]];
        m.nodes.getIds().filter(n => typeof n === 'string' && n.startsWith('b' + j + '_'))
            .sort((a, b) => parseInt(a.split('_')[1]) - parseInt(b.split('_')[1])).forEach(n => chain.push(n));
        chain.push(E.to[j]);
        return {id: id, source: byIndex[E.from[j]], target: byIndex[E.to[j]], points: chain.map(n => [positions[n].x, positions[n].y])};
    });
    const frame = document.getElementById('mechgraph-graph').getBoundingClientRect();
    const screen = N.id.map((id, i) => { const b = net.getBoundingBox(i);
        const a = net.canvasToDOM({x: b.left, y: b.top}), z = net.canvasToDOM({x: b.right, y: b.bottom});
        return [id, a.x, a.y, z.x, z.y]; });
    return {boxes, centres, edges, screen, frame: [frame.width, frame.height]};
}"""


def _through_boxes(edges: list[dict[str, Any]], boxes: dict[str, Any]) -> list[tuple[str, str]]:
    # Measured from node centre to node centre through the bends, as the layout draws them.
    return _through(edges, boxes)


def test_path_is_a_left_to_right_chain_on_the_canvas_and_in_its_download(browser: Any, server: str, tmp_path: Path) -> None:
    path = _path_nodes()
    assert path[0] == "tacrolimus" and path[-1] == "il2" and len(path) >= 4
    context = browser.new_context(viewport={"width": 1280, "height": 860}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(30_000)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + "?focus=calcineurin&from=tacrolimus&to=il2")
    page.wait_for_function("() => { const cy = window.mechgraph && window.mechgraph.cy('canvas'); return cy && cy.nodes().length > 0; }")
    page.wait_for_function("() => !document.querySelector('[data-dash-is-loading=\"true\"]')")
    page.wait_for_timeout(500)
    drawn = page.evaluate(_CY_GEOMETRY)
    _assert_chain(drawn["centres"], path)
    assert any(edge["routed"] for edge in drawn["edges"]), "relations are routed"
    assert _through(drawn["edges"], drawn["boxes"]) == [], "no relation is drawn through a node on the canvas"

    # The dashboard's own Download: the browser sends its positions, the server draws its routes.
    with page.expect_download() as info:
        page.click("#export")
    download = tmp_path / info.value.suggested_filename
    info.value.save_as(download)
    context.close()
    assert download.suffix == ".html"

    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(download.as_uri())
    page.wait_for_function("() => window.mechgraph && window.mechgraph.ready === true", timeout=30_000)
    exported = page.evaluate(_VIS_GEOMETRY)
    for node, (x, y) in drawn["centres"].items():
        assert exported["centres"][node] == pytest.approx((x, y), abs=1.0), f"{node} stands where the canvas had it"
    _assert_chain(exported["centres"], path)
    assert _through(exported["edges"], exported["boxes"]) == [], "no relation is drawn through a node in the download"
    faded = set(page.evaluate("() => window.mechgraph.data.nodes.faded.map(i => window.mechgraph.data.nodes.id[i])"))
    assert faded and not faded & set(path), "the rest of the view is faded, the path is not"
    context.close()
    assert not errors, errors


def test_an_exported_agent_view_fits_the_page_with_every_label_inside(browser: Any, tmp_path: Path) -> None:
    from mechgraph.query import downstream

    page_file = export_html(downstream(read_graph(), "cyclosporine", depth=2), tmp_path / "cyclosporine.html")
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.goto(page_file.as_uri())
    page.wait_for_function("() => window.mechgraph && window.mechgraph.ready === true", timeout=30_000)
    drawn = page.evaluate(_VIS_GEOMETRY)
    width, height = drawn["frame"]
    for node, left, top, right, bottom in drawn["screen"]:
        assert 0 <= left and right <= width and 0 <= top and bottom <= height, f"{node} is cut off"
    context.close()
