"""The context rule (mechgraph.query.context) and the searches that keep to it: properties of the rule
itself, and paths and effects checked against brute force with and without mixed contexts."""

from __future__ import annotations

import itertools
from typing import Any

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mechgraph.query import effects, signed_paths
from mechgraph.query.context import cell_lineages, compatible, path_compatible, species_names, steps_compatible

from .test_query_paths import all_ranked_paths, within_one_context
from .test_query_support import CELL_TYPES, SPECIES, mechanism_graphs, snapshot, toy_graph

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])

values = st.one_of(st.sampled_from([*SPECIES, *CELL_TYPES, "rat", "mice", " HUMAN ", "T and B lymphocytes", "macrophage", ""]), st.text(max_size=12))
contexts = st.one_of(
    st.none(),
    st.fixed_dictionaries(
        {},
        optional={
            "species": values,
            "cell_type": values,
            "setting": st.sampled_from(["in vitro", "mouse tumour model"]),
            "dose": st.sampled_from(["1 ug/ml", "50 ug/ml"]),
        },
    ),
)


# -- the rule ----------------------------------------------------------------------------------


@SETTINGS
@given(a=contexts, b=contexts)
def test_the_rule_is_symmetric(a: dict[str, str] | None, b: dict[str, str] | None) -> None:
    assert compatible(a, b) == compatible(b, a)


@SETTINGS
@given(a=contexts)
def test_a_context_fits_itself_and_an_unstated_one(a: dict[str, str] | None) -> None:
    assert compatible(a, a)
    assert compatible(a, None) and compatible(a, {})
    assert compatible(a, {"setting": "anything", "tissue": "bladder", "condition": "sepsis"})


@SETTINGS
@given(a=contexts, b=contexts)
def test_only_species_and_cell_type_decide(a: dict[str, str] | None, b: dict[str, str] | None) -> None:
    def core(context: dict[str, str] | None) -> dict[str, str]:
        return {key: value for key, value in (context or {}).items() if key in ("species", "cell_type")}

    assert compatible(a, b) == compatible(core(a), core(b))
    # One key at a time: two contexts conflict exactly when one of the keys does.
    per_key = all(compatible({key: v} if (v := core(a).get(key)) else None, {key: w} if (w := core(b).get(key)) else None) for key in ("species", "cell_type"))
    assert compatible(a, b) == per_key


@SETTINGS
@given(a=st.sampled_from(SPECIES + ["rat"]), b=st.sampled_from(SPECIES + ["rat"]))
def test_species_conflict_when_they_differ_after_synonyms(a: str, b: str) -> None:
    same = species_names(a) == species_names(b)
    assert compatible({"species": a}, {"species": b}) == same
    assert compatible({"species": a.upper()}, {"species": f"  {b} "}) == same


def test_species_synonyms_and_cell_lineages() -> None:
    assert species_names("Mus musculus") == species_names("murine") == species_names("mice") == {"mouse"}
    assert species_names("Homo sapiens") == {"human"}
    assert not compatible({"species": "mouse"}, {"species": "human"})
    assert compatible({"species": "human and mouse"}, {"species": "mouse"})
    # Cell types: lineages, not spellings; subsets of one lineage do not conflict.
    assert compatible({"cell_type": "CD4+ T cell"}, {"cell_type": "regulatory T cell"})
    assert compatible({"cell_type": "plasmacytoid dendritic cell"}, {"cell_type": "myeloid dendritic cell"})
    assert compatible({"cell_type": "PBMC"}, {"cell_type": "monocyte"})
    assert compatible({"cell_type": "any cell"}, {"cell_type": "hepatocyte"})
    assert not compatible({"cell_type": "dendritic cell"}, {"cell_type": "T cell"})
    assert not compatible({"cell_type": "urothelial tumour cell"}, {"cell_type": "plasmacytoid dendritic cell"})
    assert not compatible({"cell_type": "tumour-specific cytotoxic T cell"}, {"cell_type": "tumour cell"})
    assert cell_lineages("Kidney  Podocyte") == {"kidney podocyte"}  # unknown types stand for themselves
    assert not compatible({"cell_type": "kidney podocyte"}, {"cell_type": "hepatocyte"})


@SETTINGS
@given(steps=st.lists(st.lists(contexts, max_size=3), max_size=5))
def test_a_path_is_within_one_context_when_every_two_steps_are(steps: list[list[dict[str, str] | None]]) -> None:
    expected = all(steps_compatible(a, b) for a, b in itertools.combinations(steps, 2))
    assert path_compatible(steps) == expected
    assert path_compatible(list(reversed(steps))) == expected


# -- the searches --------------------------------------------------------------------------------


def ends(graph: nx.MultiDiGraph, data: st.DataObject) -> tuple[str, str]:
    return data.draw(st.sampled_from(sorted(graph))), data.draw(st.sampled_from(sorted(graph)))


def conflicts(graph: nx.MultiDiGraph, path: Any) -> bool:
    return not within_one_context(graph, [(step.u, step.v, frozenset(step.ids)) for step in path.steps])


@SETTINGS
@given(graph=mechanism_graphs(), data=st.data())
def test_paths_are_the_k_best_within_one_context_and_mixed_paths_only_when_asked(graph: nx.MultiDiGraph, data: st.DataObject) -> None:
    source, target = ends(graph, data)
    if source == target:
        return
    k, max_length = data.draw(st.integers(1, 6)), data.draw(st.integers(1, 5))
    before = snapshot(graph)
    within = signed_paths(graph, source, target, k=k, max_length=max_length)
    mixed = signed_paths(graph, source, target, k=k, max_length=max_length, mixed_context=True)
    assert snapshot(graph) == before
    assert [path.rank for path in within.paths] == [rank for rank, _ in all_ranked_paths(graph, source, target, max_length)[:k]]
    assert [path.rank for path in mixed.paths] == [rank for rank, _ in all_ranked_paths(graph, source, target, max_length, mixed_context=True)[:k]]
    assert not any(path.mixed or conflicts(graph, path) for path in within.paths)
    assert all(path.mixed == conflicts(graph, path) for path in mixed.paths)
    assert not within.mixed_context and mixed.mixed_context
    # Allowing mixed contexts only adds paths: the k best of more paths rank no worse.
    assert len(mixed.paths) >= len(within.paths)
    assert all(m.rank <= w.rank for m, w in zip(mixed.paths, within.paths, strict=False))
    everything = {
        tuple(frozenset(step.ids) for step in p.steps) for p in signed_paths(graph, source, target, k=200, max_length=max_length, mixed_context=True).paths
    }
    assert {tuple(frozenset(step.ids) for step in p.steps) for p in within.paths} <= everything


@SETTINGS
@given(graph=mechanism_graphs(), data=st.data())
def test_effects_keep_to_one_context_unless_mixed_is_asked(graph: nx.MultiDiGraph, data: st.DataObject) -> None:
    agent = data.draw(st.sampled_from(sorted(graph)))
    within = {effect.node: effect for group in effects(graph, agent, max_length=4).values() for effect in group}
    mixed = {effect.node: effect for group in effects(graph, agent, max_length=4, mixed_context=True).values() for effect in group}
    assert set(within) <= set(mixed)
    for node, effect in within.items():
        assert not effect.path.mixed and not conflicts(graph, effect.path)
        assert effect.path.rank == all_ranked_paths(graph, agent, node, 4)[0][0]
        assert mixed[node].path.rank <= effect.path.rank
        assert len(set(effect.path.nodes)) == len(effect.path.nodes)
    for node, effect in mixed.items():
        assert effect.path.rank == all_ranked_paths(graph, agent, node, 4, mixed_context=True)[0][0]
        if node not in within:  # reached only by mixing contexts
            assert all_ranked_paths(graph, agent, node, 4) == []


def test_a_conflicting_best_path_does_not_hide_compatible_ones() -> None:
    g = toy_graph()
    best = signed_paths(g, "csa", "il2", k=1).best
    assert best is not None
    first, *rest = best.steps
    g.edges[first.u, first.v, first.key]["context"] = {"species": "mouse"}
    for step in rest:
        for key in step.ids:
            g.edges[step.u, step.v, key]["context"] = {"species": "human"}
    assert signed_paths(g, "csa", "il2", mixed_context=True).best.steps == tuple(
        step._replace(contexts=tuple(g.edges[step.u, step.v, key].get("context", {}) for key in step.ids)) for step in best.steps
    )
    within = signed_paths(g, "csa", "il2", k=3)
    assert within.paths and all(not path.mixed for path in within.paths)
    assert [path.rank for path in within.paths] == [rank for rank, _ in all_ranked_paths(g, "csa", "il2", 6)[:3]]
    assert within.best is not None and within.best.steps[0].ids != (first.key,)


def test_steps_say_where_they_hold_and_paths_what_they_span() -> None:
    g = toy_graph()
    best = signed_paths(g, "csa", "il2").best
    assert best is not None
    first = best.steps[0]
    g.edges[first.u, first.v, first.key]["context"] = {"species": "human", "cell_type": "CD4+ T cell"}
    path = signed_paths(g, "csa", "il2").best
    assert path is not None and path.steps[0].context_text == "species human, cell type CD4+ T cell"
    assert path.contexts == {"species": ("human",), "cell_type": ("CD4+ T cell",)}
    payload = path.to_dict()
    assert payload["mixed"] is False and payload["contexts"] == {"species": ["human"], "cell_type": ["CD4+ T cell"]}
    assert payload["steps"][0]["contexts"] == [{"species": "human", "cell_type": "CD4+ T cell"}]


# -- relations shown under one agent -------------------------------------------------------------


def test_a_relation_shown_under_one_agent_is_used_only_downstream_of_it() -> None:
    g = nx.MultiDiGraph()
    for node, kind in (("bcg", "agent"), ("hcq", "agent"), ("apc", "process"), ("ap", "process"), ("act", "process")):
        g.add_node(node, kind=kind, label=node.upper())
    g.add_edge("bcg", "apc", key="r1", relation="increases", sign=1, evidence=[{"source": "A"}])
    g.add_edge("apc", "ap", key="r2", relation="increases", sign=1, evidence=[{"source": "A"}])
    g.add_edge("hcq", "ap", key="r3", relation="decreases", sign=-1, evidence=[{"source": "B"}])
    g.add_edge("ap", "act", key="r4", relation="increases", sign=1, evidence=[{"source": "A"}], context={"agent": "bcg"})
    assert signed_paths(g, "bcg", "act").best.nodes == ("bcg", "apc", "ap", "act")
    assert signed_paths(g, "hcq", "act").paths == ()
    mixed = signed_paths(g, "hcq", "act", mixed_context=True)
    assert mixed.best is not None and mixed.best.mixed and "agent bcg" in mixed.best.context_text
    assert "act" not in {e.node for group in effects(g, "hcq").values() for e in group}
    assert {e.node: e.path.mixed for group in effects(g, "hcq", mixed_context=True).values() for e in group}["act"] is True
    assert not {e.node: e for group in effects(g, "bcg").values() for e in group}["act"].path.mixed
    # A parallel relation without an agent opens the step to every path.
    g.add_edge("ap", "act", key="r5", relation="increases", sign=1, evidence=[{"source": "C"}])
    assert signed_paths(g, "hcq", "act").best.nodes == ("hcq", "ap", "act")
