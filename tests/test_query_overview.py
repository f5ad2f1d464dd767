"""The overview of a graph too large to read whole, and the first screen it makes."""

from __future__ import annotations

import copy
from pathlib import Path

import networkx as nx
import pytest

from mechgraph.dashboard.graphs import GraphCache, UploadLimits
from mechgraph.dashboard.services import Services
from mechgraph.dashboard.state import ViewState
from mechgraph.dashboard.trust import StoreSigner
from mechgraph.formats import read
from mechgraph.graph import read_graph
from mechgraph.layout.bands import LEGIBLE_ZOOM, OVERVIEW_WRAP, band_layout, fit_zoom
from mechgraph.query.overview import overview
from mechgraph.synthetic import synthetic_graph

from .conftest import SHARED

SAMPLES = sorted(p for p in (SHARED / "samples").glob("*") if p.suffix in (".json", ".sbgn", ".sif", ".cx2"))


@pytest.fixture(scope="module")
def bundled() -> nx.MultiDiGraph:
    return read_graph()


def test_hubs_keep_their_relations_and_the_rest_is_counted_in_groups(bundled: nx.MultiDiGraph) -> None:
    view = overview(bundled, hubs=10)
    named = [n for n, d in view.graph.nodes(data=True) if not d.get("group")]
    groups = [n for n, d in view.graph.nodes(data=True) if d.get("group")]
    assert len(named) >= 10 and groups
    # every node of the graph is either shown or inside exactly one shown group
    inside = [member for gid in groups for member in view.groups[gid].members]
    assert len(inside) == len(set(inside))
    assert set(named) | set(inside) == set(bundled.nodes)
    # relations between two named nodes are the graph's own; the rest are summed, none lost
    own = [(u, v, k) for u, v, k in view.graph.edges(keys=True) if not str(k).startswith("summary:")]
    assert all(bundled.has_edge(u, v, k) for u, v, k in own)
    summed = sum(d["members"] for _, _, k, d in view.graph.edges(keys=True, data=True) if str(k).startswith("summary:"))
    item = {node: node for node in named} | {m: gid for gid in groups for m in view.groups[gid].members}
    inside_one_group = sum(1 for u, v in bundled.edges() if item[u] == item[v] and item[u] in groups)
    assert len(own) + summed + inside_one_group == bundled.number_of_edges()


def test_a_summary_relation_has_one_sign_only_when_all_its_relations_agree() -> None:
    g = nx.MultiDiGraph()
    g.add_node("d", kind="agent", label="D")
    for i in range(4):
        g.add_node(f"t{i}", kind="target", label=f"T{i}")
        g.add_node(f"p{i}", kind="process", label=f"P{i}")
        g.add_edge("d", f"t{i}", key=f"a{i}", relation="inhibits", sign=-1)
        g.add_edge(f"t{i}", f"p{i}", key=f"b{i}", relation="activates" if i % 2 else "inhibits", sign=1 if i % 2 else -1)
    view = overview(g, hubs=1)
    summary = {(u, v): d for u, v, d in view.graph.edges(data=True)}
    assert summary[("d", "group:target")]["sign"] == -1 and summary[("d", "group:target")]["members"] == 4
    mixed = summary[("group:target", "group:process")]
    assert mixed["sign"] == 0 and mixed["relation"] == "regulates"
    assert mixed["note"] == "4 relations: 2 increases, 2 decreases"


def test_opening_a_group_shows_its_members_and_keeps_the_rest(bundled: nx.MultiDiGraph) -> None:
    closed = overview(bundled, hubs=12)
    target = next(gid for gid, group in closed.groups.items() if group.kind == "target" and gid in closed.graph)
    opened = overview(bundled, hubs=12, open_groups=[target])
    assert target not in opened.graph
    assert set(closed.groups[target].members) <= set(opened.graph)
    assert {n for n in closed.graph if n != target} <= set(opened.graph)


def test_the_overview_never_changes_its_input(bundled: nx.MultiDiGraph) -> None:
    before = copy.deepcopy(nx.node_link_data(bundled, edges="links"))
    overview(bundled, hubs=8, open_groups=["group:target"])
    assert nx.node_link_data(bundled, edges="links") == before


def test_bands_run_from_cause_to_effect() -> None:
    g = synthetic_graph(60, seed=2)
    view = overview(g, hubs=12).graph
    xy = band_layout(view)
    order = {"agent": 0, "metabolite": 0, "therapy": 0, "target": 1, "immune_cell": 1, "non_immune": 1, "process": 2, "outcome": 3, "condition": 3}
    for u, v in view.edges():
        bu, bv = order[view.nodes[u]["kind"]], order[view.nodes[v]["kind"]]
        if bu < bv:
            assert xy[u][0] < xy[v][0]


def first_screen(graph: nx.MultiDiGraph):  # noqa: ANN201
    services = Services(GraphCache(default=graph, limits=UploadLimits(), signer=StoreSigner(b"k" * 32)))
    return services.drawing("served", graph, ViewState())


@pytest.mark.parametrize("path", [None, *SAMPLES], ids=lambda p: p.name if isinstance(p, Path) else "bundled")
def test_the_first_screen_shows_at_least_20_legible_labels(path: Path | None) -> None:
    """On a 1280x720 screen the canvas is about 590 x 420 pixels after padding: the first
    screen fits there with labels at least 10.5 px high, and names at least 20 nodes (all of
    them when the graph has fewer)."""
    graph = read_graph() if path is None else read(path).graph
    drawing = first_screen(graph)
    shown = drawing.view.graph
    overview_drawn = drawing.view.overview is not None
    zoom = fit_zoom(shown, drawing.positions, wrap=OVERVIEW_WRAP if overview_drawn else 22, drawn=overview_drawn)
    assert zoom >= LEGIBLE_ZOOM
    assert shown.number_of_nodes() >= min(20, graph.number_of_nodes())


def test_a_large_graph_opens_on_its_overview_not_a_wall() -> None:
    graph = synthetic_graph(10_000, seed=1)
    drawing = first_screen(graph)
    assert drawing.view.overview is not None
    assert 20 <= drawing.view.graph.number_of_nodes() <= 60
    assert fit_zoom(drawing.view.graph, drawing.positions, wrap=OVERVIEW_WRAP, drawn=True) >= LEGIBLE_ZOOM


def test_a_node_named_like_a_group_is_never_merged_with_it() -> None:
    g = nx.MultiDiGraph()
    g.add_node("group:target", kind="target", label="Called like a group")
    g.add_node("hub", kind="agent", label="Hub")
    for i in range(5):
        g.add_node(f"t{i}", kind="target", label=f"T{i}")
        g.add_edge("hub", f"t{i}", key=f"r{i}", relation="inhibits", sign=-1)
    g.add_edge("hub", "group:target", key="rg", relation="inhibits", sign=-1)
    view = overview(g, hubs=2)
    assert view.graph.nodes["group:target"]["label"] == "Called like a group"
    group = next(gid for gid in view.groups if gid in view.graph and gid != "group:target")
    assert view.graph.nodes[group]["members"] == 5
