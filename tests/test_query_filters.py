"""filter_graph: each filter alone, combined, its errors, and that the input is left alone."""

from __future__ import annotations

import pytest

from mechgraph.errors import QueryError
from mechgraph.query import filter_graph
from mechgraph.vocabulary import AgentClass, Mechanism, NodeKind, Relation, Sign

from .test_query_support import snapshot, toy_graph


def edge_ids(graph) -> set[str]:  # type: ignore[no-untyped-def]
    return {key for _, _, key in graph.edges(keys=True)}


def test_no_filter_returns_an_equal_but_separate_graph() -> None:
    g = toy_graph()
    result = filter_graph(g)
    assert result is not g
    assert snapshot(result) == snapshot(g)
    assert list(result.nodes) == list(g.nodes)  # order kept
    assert result.nodes["csa"] is not g.nodes["csa"]


def test_relation_filter_keeps_those_relations_and_drops_nodes_left_without_any() -> None:
    g = toy_graph()
    result = filter_graph(g, relations=[Relation.INHIBITS])
    assert {d["relation"] for _, _, d in result.edges(data=True)} == {"inhibits"}
    assert set(result) == {"csa", "tac", "cn", "imq", "il2_tx"}
    assert result.number_of_edges() == 3


def test_a_single_string_is_one_value_not_its_letters() -> None:
    g = toy_graph()
    assert edge_ids(filter_graph(g, relations="binds")) == edge_ids(filter_graph(g, relations=["binds"]))
    assert filter_graph(g, relations="binds").number_of_edges() == 1


@pytest.mark.parametrize("value", [Sign.DECREASES, -1, "decreases", "-"])
def test_sign_filter_accepts_members_ints_words_and_symbols(value: object) -> None:
    result = filter_graph(toy_graph(), signs=[value])
    assert result.number_of_edges() == 4
    assert {d["sign"] for _, _, d in result.edges(data=True)} == {-1}


def test_a_single_sign_is_one_value() -> None:
    g = toy_graph()
    assert filter_graph(g, signs=-1).number_of_edges() == 4
    assert filter_graph(g, signs=Sign.UNKNOWN).number_of_edges() == 3


def test_unknown_sign_is_refused() -> None:
    with pytest.raises(QueryError, match="unknown sign 'sideways'"):
        filter_graph(toy_graph(), signs=["sideways"])


def test_mechanism_filter_with_unspecified() -> None:
    g = toy_graph()
    indirect = filter_graph(g, mechanisms=[Mechanism.INDIRECT])
    assert set(indirect) == {"imq", "skin", "il2_sec"}
    unspecified = filter_graph(g, mechanisms=["unspecified"])
    assert all("mechanism" not in d for _, _, d in unspecified.edges(data=True))
    assert unspecified.number_of_edges() == 5
    both = filter_graph(g, mechanisms=["direct", "indirect", "unspecified"])
    assert both.number_of_edges() == g.number_of_edges()


def test_measurability_filter() -> None:
    g = toy_graph()
    in_vitro = filter_graph(g, measurable_in=["in_vitro"])
    assert edge_ids(in_vitro) == {key for _, _, key, d in g.edges(keys=True, data=True) if "in_vitro" in d["measurable_in"]}
    assert in_vitro.number_of_edges() == 2
    none_stated = filter_graph(g, measurable_in=["unspecified"])
    assert all(not d["measurable_in"] for _, _, d in none_stated.edges(data=True))
    assert none_stated.number_of_edges() == g.number_of_edges() - 4


def test_kind_filter_keeps_nodes_and_the_relations_among_them() -> None:
    g = toy_graph()
    result = filter_graph(g, kinds=[NodeKind.AGENT, "target"])
    assert {d["kind"] for _, d in result.nodes(data=True)} == {"agent", "target"}
    assert "lonely" in result  # a node filter alone keeps nodes without relations
    assert {(u, v) for u, v in result.edges()} == {("csa", "cn"), ("tac", "cn"), ("cn", "nfat"), ("mod", "tnf")}
    assert result.number_of_edges() == 5  # csa inhibits and binds cn


def test_agent_filters_constrain_agents_only_and_both_passes_either_class() -> None:
    g = toy_graph()
    stimulants = filter_graph(g, agent_classes=[AgentClass.IMMUNOSTIMULANT])
    assert {n for n, d in stimulants.nodes(data=True) if d["kind"] == "agent"} == {"imq", "mod"}
    assert "cn" in stimulants and "il2" in stimulants  # other kinds pass
    only_both = filter_graph(g, agent_classes=["both"])
    assert {n for n, d in only_both.nodes(data=True) if d["kind"] == "agent"} == {"mod"}
    topical = filter_graph(g, routes=["topical"])
    assert {n for n, d in topical.nodes(data=True) if d["kind"] == "agent"} == {"tac", "imq"}
    suppressed = filter_graph(g, immune_states=["immunosuppressed"])
    assert {n for n, d in suppressed.nodes(data=True) if d["kind"] == "agent"} == {"imq"}  # state "both"


def test_source_filter() -> None:
    g = toy_graph()
    result = filter_graph(g, sources=["P1"])
    assert all(any(e["source"] == "P1" for e in d["evidence"]) for _, _, d in result.edges(data=True))
    assert result.number_of_edges() == 9


def test_context_filter_is_a_case_insensitive_substring_per_key() -> None:
    g = toy_graph()
    t_cells = filter_graph(g, context={"cell_type": "t "})
    assert edge_ids(t_cells) == {key for _, _, key, d in g.edges(keys=True, data=True) if "context" in d and d["context"].get("cell_type", "").startswith("T ")}
    assert t_cells.number_of_edges() == 2
    human_t = filter_graph(g, context={"cell_type": "T", "species": "HUMAN"})
    assert [(u, v) for u, v in human_t.edges()] == [("csa", "cn")]
    assert filter_graph(g, context={}).number_of_edges() == g.number_of_edges()


def test_unknown_context_key_is_refused() -> None:
    with pytest.raises(QueryError, match="unknown context key 'organism'"):
        filter_graph(toy_graph(), context={"organism": "human"})


def test_filters_combine_with_and() -> None:
    g = toy_graph()
    combined = filter_graph(g, relations=["inhibits", "increases"], mechanisms=["direct"], kinds=["agent", "target", "process"])
    assert {(u, v, d["relation"]) for u, v, d in combined.edges(data=True)} == {
        ("csa", "cn", "inhibits"),
        ("tac", "cn", "inhibits"),
        ("imq", "il2_sec", "increases"),
        ("imq", "cd80", "increases"),
        ("imq", "il2_tx", "inhibits"),
    }
    stepwise = filter_graph(filter_graph(filter_graph(g, kinds=["agent", "target", "process"]), mechanisms=["direct"]), relations=["inhibits", "increases"])
    assert snapshot(stepwise) == snapshot(combined)


@pytest.mark.parametrize(
    ("argument", "value", "message"),
    [
        ("kinds", ["drug"], "unknown node kind 'drug': expected one of agent, condition"),
        ("relations", ["blocks"], "unknown relation 'blocks'"),
        ("mechanisms", ["direkt"], "unknown mechanism 'direkt'"),
        ("measurable_in", ["in_silico"], "unknown setting 'in_silico'"),
        ("agent_classes", ["stimulant"], "unknown agent class 'stimulant'"),
        ("immune_states", ["sick"], "unknown immune state 'sick'"),
        ("routes", ["nasal"], "unknown route 'nasal'"),
    ],
)
def test_unknown_values_name_the_allowed_ones(argument: str, value: list[str], message: str) -> None:
    with pytest.raises(QueryError, match=message):
        filter_graph(toy_graph(), **{argument: value})


def test_input_is_not_changed_and_result_data_is_a_copy() -> None:
    g = toy_graph()
    before = snapshot(g)
    result = filter_graph(g, relations=["inhibits"], kinds=["agent", "target"])
    result.nodes["csa"]["label"] = "changed"
    next(iter(result.edges(data=True)))[2]["relation"] = "changed"
    result.add_edge("csa", "tac")
    result.graph["title"] = "changed"
    assert snapshot(g) == before


def test_empty_allowed_set_keeps_nothing() -> None:
    assert filter_graph(toy_graph(), kinds=[]).number_of_nodes() == 0
    assert filter_graph(toy_graph(), relations=[]).number_of_nodes() == 0


def test_not_a_multidigraph_is_refused() -> None:
    import networkx as nx

    with pytest.raises(QueryError, match="MultiDiGraph"):
        filter_graph(nx.DiGraph())
