"""Compare: two agents by what each changes, two graphs by nodes and signed links."""

from __future__ import annotations

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mechgraph.errors import QueryError
from mechgraph.graph import read_graph
from mechgraph.query.compare import compare_agents, compare_graphs
from mechgraph.resources import bundled_graph_path

from .test_query_support import mechanism_graphs


def two_agents() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for node, kind in [("a", "agent"), ("b", "agent"), ("ta", "target"), ("tb", "target"), ("shared", "target"),
                       ("cell", "immune_cell"), ("p", "process"), ("out", "outcome")]:  # fmt: skip
        graph.add_node(node, kind=kind, label=node.capitalize())
    graph.add_edge("a", "ta", relation="inhibits", sign=-1)
    graph.add_edge("b", "tb", relation="inhibits", sign=-1)
    graph.add_edge("a", "shared", relation="binds", sign=0)
    graph.add_edge("b", "shared", relation="binds", sign=0)
    graph.add_edge("a", "cell", relation="acts_on", sign=0)
    graph.add_edge("ta", "p", relation="activates", sign=1)
    graph.add_edge("tb", "p", relation="inhibits", sign=-1)
    graph.add_edge("p", "out", relation="required_for", sign=1)
    return graph


def names(items) -> list[str]:  # type: ignore[no-untyped-def]
    return [item.node for item in items]


def test_two_agents_split_into_shared_and_unique_by_category() -> None:
    report = compare_agents(two_agents(), "a", "b")
    targets = report.category("targets")
    assert (names(targets.shared), names(targets.only_a), names(targets.only_b)) == (["shared"], ["ta"], ["tb"])
    assert names(report.category("cells").only_a) == ["cell"]
    assert names(report.direct.shared) == ["shared"] and names(report.direct.only_a) == ["cell", "ta"]
    assert names(report.opposite) == ["out", "p"]  # a lowers p and out, b raises them
    assert report.opposite[0].a == "down" and report.opposite[0].b == "up"
    assert report.category("targets").shared[0].a == "unsigned"


def test_comparing_an_agent_with_itself_or_an_unknown_node_is_an_error() -> None:
    with pytest.raises(QueryError, match="two different"):
        compare_agents(two_agents(), "a", "a")
    with pytest.raises(QueryError):
        compare_agents(two_agents(), "a", "zzz")


@settings(max_examples=40, deadline=None)
@given(graph=mechanism_graphs(), data=st.data())
def test_swapping_the_agents_swaps_the_sides(graph: nx.MultiDiGraph, data: st.DataObject) -> None:
    a, b = data.draw(st.lists(st.sampled_from(sorted(graph)), min_size=2, max_size=2, unique=True))
    forward, backward = compare_agents(graph, a, b), compare_agents(graph, b, a)
    for one, other in zip(forward.categories, backward.categories, strict=True):
        assert names(one.only_a) == names(other.only_b) and names(one.shared) == names(other.shared)
    assert names(forward.opposite) == names(backward.opposite)


def test_two_graphs_by_nodes_and_signed_links() -> None:
    old = two_agents()
    new = old.copy()
    new.remove_node("cell")
    new.add_node("extra", kind="process", label="Extra")
    new.remove_edge("tb", "p")
    new.add_edge("tb", "p", relation="activates", sign=1)
    diff = compare_graphs(old, new)
    cells = next(category for category in diff.nodes if category.name == "cells")
    assert names(cells.only_a) == ["cell"]
    assert diff.opposite == (("tb", "p"),)
    assert ("tb", "p", -1) in diff.links_only_a and ("tb", "p", 1) in diff.links_only_b
    assert compare_graphs(old, old).links_only_a == () and compare_graphs(old, old).opposite == ()


@pytest.mark.skipif(not bundled_graph_path().exists(), reason="the bundled graph is not there")
def test_tacrolimus_and_sirolimus_part_at_calcineurin_nfat_and_mtor() -> None:
    report = compare_agents(read_graph(), "tacrolimus", "sirolimus")
    targets = report.category("targets")
    assert {"calcineurin", "nfat"} <= set(names(targets.only_a))
    assert "mtor" in names(targets.only_b)
    assert "fkbp1a" in names(targets.shared)
    assert "induction_of_immune_response" in names(report.category("outcomes").shared)
