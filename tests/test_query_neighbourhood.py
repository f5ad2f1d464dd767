"""neighbourhood, reach, upstream and downstream on the toy graph."""

from __future__ import annotations

import pytest

from mechgraph.errors import NodeNotFound, QueryError
from mechgraph.query import downstream, neighbourhood, reach, upstream
from mechgraph.vocabulary import Direction

from .test_query_support import snapshot, toy_graph


def test_depth_one_both_ways() -> None:
    g = toy_graph()
    assert set(neighbourhood(g, "cn")) == {"cn", "csa", "tac", "nfat", "nfat_tl"}


def test_neighbourhood_is_induced_and_keeps_parallel_relations() -> None:
    sub = neighbourhood(toy_graph(), "cn")
    assert sorted(d["relation"] for u, v, d in sub.edges(data=True) if (u, v) == ("csa", "cn")) == ["binds", "inhibits"]
    assert sub.number_of_edges() == 5


@pytest.mark.parametrize(
    ("direction", "expected"),
    [
        (Direction.DOWN, {"cn", "nfat", "nfat_tl"}),
        (Direction.UP, {"cn", "csa", "tac"}),
        ("both", {"cn", "csa", "tac", "nfat", "nfat_tl"}),
    ],
)
def test_directions(direction: Direction | str, expected: set[str]) -> None:
    assert set(neighbourhood(toy_graph(), "cn", direction=direction)) == expected


def test_depth_zero_is_the_nodes_themselves_and_several_nodes_combine() -> None:
    g = toy_graph()
    assert set(neighbourhood(g, ["csa", "imq"], depth=0)) == {"csa", "imq"}
    assert set(neighbourhood(g, ["csa", "imq"], depth=1, direction="down")) == {"csa", "cn", "imq", "skin", "il2_sec", "cd80", "il2_tx"}


def test_both_at_depth_two_reaches_co_acting_agents() -> None:
    assert "tac" in neighbourhood(toy_graph(), "csa", depth=2)


def test_reach_gives_breadth_first_distances() -> None:
    distances = reach(toy_graph(), "csa", depth=None, direction="down")
    assert distances == {"csa": 0, "cn": 1, "nfat_tl": 2, "nfat": 2, "il2_tx": 3, "il2": 4, "il2_sec": 4, "t_act": 5}


def test_upstream_and_downstream_with_and_without_depth() -> None:
    g = toy_graph()
    assert set(upstream(g, "il2")) == {"il2", "il2_tx", "nfat_tl", "nfat", "cn", "csa", "tac", "imq"}
    assert set(upstream(g, "il2", depth=1)) == {"il2", "il2_tx"}
    assert set(downstream(g, "imq")) == {"imq", "skin", "il2_sec", "cd80", "il2_tx", "il2", "t_act"}
    assert set(downstream(g, "imq", depth=1)) == {"imq", "skin", "il2_sec", "cd80", "il2_tx"}
    assert set(downstream(g, "lonely")) == {"lonely"}


def test_unknown_node_names_the_closest() -> None:
    with pytest.raises(NodeNotFound, match="no node named 'calcineurn'; closest: cn \\(Calcineurin\\)"):
        neighbourhood(toy_graph(), "calcineurn")
    with pytest.raises(NodeNotFound):
        upstream(toy_graph(), "nothing-like-it")


@pytest.mark.parametrize(("keyword", "value"), [("depth", -1), ("depth", 1.5), ("direction", "sideways")])
def test_bad_arguments_are_refused(keyword: str, value: object) -> None:
    with pytest.raises(QueryError):
        neighbourhood(toy_graph(), "cn", **{keyword: value})  # type: ignore[arg-type]


def test_no_nodes_is_refused() -> None:
    with pytest.raises(QueryError, match="no node given"):
        neighbourhood(toy_graph(), [])


def test_input_is_not_changed() -> None:
    g = toy_graph()
    before = snapshot(g)
    sub = neighbourhood(g, "cn", depth=2)
    sub.nodes["cn"]["label"] = "changed"
    sub.remove_node("csa")
    upstream(g, "il2")
    downstream(g, "csa")
    assert snapshot(g) == before
