"""Perturbation: signs propagate along signed relations, stop at unsigned ones, keep to one context."""

from __future__ import annotations

from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mechgraph.errors import NodeNotFound, QueryError
from mechgraph.graph import read_graph
from mechgraph.query import resolve_node
from mechgraph.query.perturb import Response, perturb, response_of
from mechgraph.resources import bundled_graph_path

from .test_query_support import mechanism_graphs

needs_bundled = pytest.mark.skipif(not bundled_graph_path().exists(), reason="the bundled graph is not there")


def chain(*edges: tuple[str, str, str, int], contexts: dict[str, dict[str, Any]] | None = None) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for index, (u, v, relation, sign) in enumerate(edges):
        for node in (u, v):
            if node not in graph:
                graph.add_node(node, kind="target", label=node.upper())
        key = f"r{index}"
        data: dict[str, Any] = {"relation": relation, "sign": sign, "evidence": [{"source": "S"}]}
        if contexts and key in contexts:
            data["context"] = contexts[key]
        graph.add_edge(u, v, key=key, **data)
    return graph


@pytest.fixture(scope="module")
def bundled() -> nx.MultiDiGraph:
    return read_graph()


def statuses(result: Any) -> dict[str, str]:
    return {effect.node: effect.status.value for effect in result.effects}


def test_signs_multiply_along_a_chain_and_each_effect_has_its_path() -> None:
    graph = chain(("a", "b", "inhibits", -1), ("b", "c", "inhibits", -1), ("c", "d", "activates", 1))
    result = perturb(graph, ["a"])
    assert statuses(result) == {"b": "down", "c": "up", "d": "up"}
    path = result.effect("d").paths[0]
    assert path.nodes == ("a", "b", "c", "d") and path.sign.word == "increases"
    assert [effect.distance for effect in result.effects] == [1, 2, 3]


def test_unsigned_relations_stop_the_sign() -> None:
    graph = chain(("a", "b", "binds", 0), ("b", "c", "activates", 1), ("a", "d", "activates", 1))
    result = perturb(graph, ["a"])
    assert statuses(result) == {"d": "up"}
    assert result.unsigned == ("b",)  # reached, without a sign; c is not reached at all
    assert result.status("b") is None and result.status("c") is None


def test_a_node_reached_with_both_signs_is_conflicting_with_a_path_for_each() -> None:
    graph = chain(("a", "b", "activates", 1), ("a", "c", "inhibits", -1), ("b", "d", "activates", 1), ("c", "d", "activates", 1))
    effect = perturb(graph, ["a"]).effect("d")
    assert effect.status is Response.CONFLICTING
    assert [path.nodes for path in effect.up] == [("a", "b", "d")]
    assert [path.nodes for path in effect.down] == [("a", "c", "d")]


def test_max_length_bounds_the_reach() -> None:
    graph = chain(("a", "b", "activates", 1), ("b", "c", "activates", 1), ("c", "d", "activates", 1))
    assert set(statuses(perturb(graph, ["a"], max_length=2))) == {"b", "c"}
    with pytest.raises(QueryError, match="max_length"):
        perturb(graph, ["a"], max_length=0)


def test_perturbed_nodes_are_clamped() -> None:
    graph = chain(("a", "b", "activates", 1), ("b", "c", "activates", 1))
    result = perturb(graph, ["a"], block=["b"])
    assert statuses(result) == {"c": "down"}  # a's path through b is cut: b is held down
    assert result.effect("c").by_source == {"b": Response.DOWN}


def test_paths_keep_to_one_context_unless_mixing_is_asked() -> None:
    graph = chain(("a", "b", "activates", 1), ("b", "c", "activates", 1), contexts={"r0": {"species": "mouse"}, "r1": {"species": "human"}})
    assert statuses(perturb(graph, ["a"])) == {"b": "up"}
    mixed = perturb(graph, ["a"], mixed_context=True)
    assert statuses(mixed) == {"b": "up", "c": "up"} and mixed.effect("c").paths[0].mixed


def test_a_context_conflict_does_not_hide_a_compatible_longer_path() -> None:
    graph = chain(
        ("a", "b", "activates", 1), ("b", "d", "inhibits", -1), ("a", "c", "activates", 1), ("c", "e", "activates", 1), ("e", "d", "inhibits", -1),
        contexts={"r0": {"cell_type": "T cell"}, "r1": {"cell_type": "hepatocyte"}},
    )  # fmt: skip
    effect = perturb(graph, ["a"]).effect("d")
    assert effect.status is Response.DOWN and effect.paths[0].nodes == ("a", "c", "e", "d")


def test_several_agents_agree_conflict_and_act_alone() -> None:
    graph = chain(("x", "t", "activates", 1), ("y", "t", "activates", 1), ("x", "u", "activates", 1), ("y", "u", "inhibits", -1), ("x", "v", "activates", 1))
    result = perturb(graph, ["x", "y"])
    agreement = result.agreement()
    assert [e.node for e in agreement.agree] == ["t"]
    assert [e.node for e in agreement.conflict] == ["u"] and result.status("u") is Response.CONFLICTING
    assert [e.node for e in agreement.only["x"]] == ["v"] and agreement.only["y"] == ()
    assert result.to_dict()["agreement"]["conflict"][0]["by_source"] == {"x": "up", "y": "down"}


def test_groups_by_process_kind_and_phase() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("drug", kind="agent", label="Drug")
    graph.add_node("tx", kind="process", process="gene_expression", label="Transcription")
    graph.add_node("ind", kind="outcome", phase="induction", label="Induction")
    graph.add_edge("drug", "tx", relation="inhibits", sign=-1)
    graph.add_edge("tx", "ind", relation="required_for", sign=1)
    result = perturb(graph, "drug")
    assert {group: [e.node for e in found] for group, found in result.by_group().items()} == {"gene_expression": ["tx"], "outcome": ["ind"]}
    assert {phase: [e.node for e in found] for phase, found in result.by_phase().items()} == {"induction": ["tx", "ind"]}


def test_bad_requests_are_clear_errors() -> None:
    graph = chain(("a", "b", "activates", 1))
    with pytest.raises(QueryError, match="nothing to perturb"):
        perturb(graph, [])
    with pytest.raises(QueryError, match="both given and blocked"):
        perturb(graph, ["a"], block=["a"])
    with pytest.raises(NodeNotFound):
        perturb(graph, ["nowhere"])
    with pytest.raises(QueryError, match="MultiDiGraph"):
        perturb(nx.DiGraph(), ["a"])


def test_the_graph_is_not_changed() -> None:
    graph = chain(("a", "b", "activates", 1), ("b", "c", "inhibits", -1))
    before = nx.to_dict_of_dicts(graph)
    perturb(graph, ["a"])
    assert nx.to_dict_of_dicts(graph) == before


def test_response_of() -> None:
    assert response_of([]) is None and response_of([0]) is None and response_of([1, 1]) is Response.UP


@needs_bundled
def test_cyclosporine_lowers_il2_through_calcineurin_and_nfat(bundled: nx.MultiDiGraph) -> None:
    result = perturb(bundled, [resolve_node(bundled, "cyclosporine")])
    effect = result.effect(resolve_node(bundled, "IL-2"))
    assert effect is not None and effect.status is Response.DOWN
    assert {"calcineurin", "nfat"} <= set(effect.paths[0].nodes)
    assert all(not path.mixed for path in effect.paths)


@needs_bundled
def test_tacrolimus_and_sirolimus_agree_on_the_immune_response_and_part_on_targets(bundled: nx.MultiDiGraph) -> None:
    agreement = perturb(bundled, ["tacrolimus", "sirolimus"]).agreement()
    assert "induction_of_immune_response" in {e.node for e in agreement.agree}
    assert "calcineurin" in {e.node for e in agreement.only["tacrolimus"]}
    assert "mtor" in {e.node for e in agreement.only["sirolimus"]}


# ------------------------------------------------------------------------------- properties


def _double_cover_reach(graph: nx.MultiDiGraph, source: str, max_length: int) -> dict[tuple[str, int], int]:
    """Plain networkx: shortest walks in the graph of (node, sign) states, unsigned relations left out."""
    cover = nx.DiGraph()
    for u, v, data in graph.edges(data=True):
        if data["sign"] and v != source:
            for sign in (1, -1):
                cover.add_edge((u, sign), (v, sign * data["sign"]))
    if (source, 1) not in cover:
        return {}
    lengths = nx.single_source_shortest_path_length(cover, (source, 1), cutoff=max_length)
    return {state: length for state, length in lengths.items() if state[0] != source}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graph=mechanism_graphs(), data=st.data())
def test_reach_is_that_of_the_graph_of_signed_states(graph: nx.MultiDiGraph, data: st.DataObject) -> None:
    source = data.draw(st.sampled_from(sorted(graph)))
    max_length = data.draw(st.integers(1, 5))
    result = perturb(graph, [source], max_length=max_length, mixed_context=True)
    expected = _double_cover_reach(graph, source, max_length)
    found = {(effect.node, int(path.sign)): path.length for effect in result.effects for path in effect.paths}
    assert found == expected
    for effect in result.effects:
        for path in effect.paths:
            assert path.source == source and path.target == effect.node and path.unsigned_steps == 0


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graph=mechanism_graphs(), data=st.data())
def test_blocking_flips_every_sign(graph: nx.MultiDiGraph, data: st.DataObject) -> None:
    source = data.draw(st.sampled_from(sorted(graph)))
    given_ = perturb(graph, [source])
    blocked = perturb(graph, [], block=[source])
    flip = {"up": "down", "down": "up", "conflicting": "conflicting"}
    assert statuses(blocked) == {node: flip[status] for node, status in statuses(given_).items()}
    assert blocked.unsigned == given_.unsigned


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graph=mechanism_graphs(), data=st.data())
def test_a_node_reached_only_through_unsigned_relations_has_no_sign(graph: nx.MultiDiGraph, data: st.DataObject) -> None:
    source = data.draw(st.sampled_from(sorted(graph)))
    unsigned = graph.copy()
    for _, _, attributes in unsigned.edges(data=True):
        attributes["sign"], attributes["relation"] = 0, "binds"
    result = perturb(unsigned, [source], mixed_context=True)
    assert result.effects == ()
    assert set(result.unsigned) == set(unsigned.successors(source)) - {source}
    signed = perturb(graph, [source])
    assert not set(signed.unsigned) & {effect.node for effect in signed.effects}


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(graph=mechanism_graphs(), data=st.data())
def test_within_one_context_is_a_part_of_mixing_and_never_mixes(graph: nx.MultiDiGraph, data: st.DataObject) -> None:
    source = data.draw(st.sampled_from(sorted(graph)))
    strict, loose = perturb(graph, [source]), perturb(graph, [source], mixed_context=True)
    states = {(e.node, int(p.sign)) for e in strict.effects for p in e.paths}
    assert states <= {(e.node, int(p.sign)) for e in loose.effects for p in e.paths}
    assert all(not path.mixed for effect in strict.effects for path in effect.paths)


def test_a_relation_shown_under_one_agent_is_used_only_downstream_of_it() -> None:
    graph = chain(("x", "a", "activates", 1), ("y", "a", "activates", 1), ("a", "b", "inhibits", -1), contexts={"r2": {"agent": "y"}})
    assert statuses(perturb(graph, ["x"])) == {"a": "up"}
    assert statuses(perturb(graph, ["y"])) == {"a": "up", "b": "down"}
    assert statuses(perturb(graph, ["x"], mixed_context=True)) == {"a": "up", "b": "down"}


@needs_bundled
def test_a_tlr7_agonist_and_a_tlr7_inhibitor_conflict(bundled: nx.MultiDiGraph) -> None:
    agreement = perturb(bundled, ["imiquimod", "hydroxychloroquine"]).agreement()
    conflicts = {effect.node: dict(effect.by_source) for effect in agreement.conflict}
    assert conflicts["tlr7"] == {"imiquimod": Response.UP, "hydroxychloroquine": Response.DOWN}
