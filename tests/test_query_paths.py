"""signed_paths, effects and explain on the toy graph, checked against brute force where it matters."""

from __future__ import annotations

import itertools
import json
from collections.abc import Sequence

import networkx as nx
import pytest
from click.testing import CliRunner

from mechgraph.cli import cli
from mechgraph.errors import NodeNotFound, QueryError
from mechgraph.query import SignedPath, Step, effects, explain, explain_steps, path_mechanism, signed_paths
from mechgraph.query.context import compatible
from mechgraph.vocabulary import Relation, Sign

from .test_query_support import bundled_graph, snapshot, toy_graph


def steps_between(graph: nx.MultiDiGraph, u: str, v: str) -> list[tuple[int, frozenset[str], int]]:
    """The steps from u to v: one per sign of the parallel relations (sign, their ids, evidence)."""
    by_sign: dict[int, list[str]] = {}
    for key, data in graph[u][v].items():
        by_sign.setdefault(data["sign"], []).append(key)
    return [(sign, frozenset(keys), sum(len(graph.edges[u, v, key]["evidence"]) for key in keys)) for sign, keys in by_sign.items()]


def within_one_context(graph: nx.MultiDiGraph, hops: Sequence[tuple[str, str, frozenset[str]]]) -> bool:
    """The context rule, read the obvious way: every two steps have some pair of relations (one
    from each) whose contexts are compatible, and every step has a relation that names no agent
    or one whose node comes earlier on the path."""
    contexts = [[graph.edges[u, v, key].get("context") for key in keys] for u, v, keys in hops]
    for position, (u, v, keys) in enumerate(hops):
        upstream = {start for start, _, _ in hops[: position + 1]}
        agents = [(graph.edges[u, v, key].get("context") or {}).get("agent") for key in keys]
        if not any(agent is None or agent in upstream for agent in agents):
            return False
    return all(any(compatible(a, b) for a in first for b in second) for first, second in itertools.combinations(contexts, 2))


def all_ranked_paths(
    graph: nx.MultiDiGraph, source: str, target: str, max_length: int, *, mixed_context: bool = False
) -> list[tuple[tuple[int, int, int], tuple[frozenset[str], ...]]]:
    """Every distinct simple path, ranked as signed_paths ranks them (the slow, obvious way): every
    simple node path, times a choice of one step (parallel relations of one sign) per hop; unless
    ``mixed_context``, only the paths whose steps are pairwise compatible in context."""
    ranked = []
    node_paths = {tuple(path) for path in nx.all_simple_paths(nx.DiGraph(graph), source, target, cutoff=max_length)}
    for nodes in node_paths:
        hops = [steps_between(graph, u, v) for u, v in itertools.pairwise(nodes)]
        for steps in itertools.product(*hops):
            hopped = [(u, v, keys) for (u, v), (_, keys, _) in zip(itertools.pairwise(nodes), steps, strict=True)]
            if not mixed_context and not within_one_context(graph, hopped):
                continue
            unsigned = sum(1 for sign, _, _ in steps if sign == 0)
            evidence = sum(count for _, _, count in steps)
            ranked.append(((len(steps), unsigned, -evidence), tuple(keys for _, keys, _ in steps)))
    return sorted(ranked, key=lambda item: item[0])


def test_cyclosporine_decreases_il2_through_calcineurin() -> None:
    g = toy_graph()
    report = signed_paths(g, "csa", "il2")
    assert report.best is not None
    assert report.best.sign is Sign.DECREASES
    assert report.best.nodes[:2] == ("csa", "cn")
    assert report.best.length == 4
    assert not report.disagree
    # The "binds" variants are unsigned, so rank after every signed path of the same length.
    assert [p.sign for p in report.paths] == [Sign.DECREASES, Sign.DECREASES, Sign.UNKNOWN, Sign.UNKNOWN]


def test_parallel_relations_of_one_sign_are_one_step_with_joined_evidence() -> None:
    g = toy_graph()
    g.add_edge("cn", "nfat", key="r-extra", relation="required_for", sign=1, mechanism="indirect", evidence=[{"source": "P1"}])
    report = signed_paths(g, "csa", "il2", k=10)
    routes = [(p.nodes, p.sign) for p in report.paths]
    assert len(routes) == len(set(routes)) == 4  # two routes, each signed (inhibits) and unknown (binds)
    step = next(s for s in report.paths[0].steps if (s.u, s.v) == ("cn", "nfat"))
    assert step.sign is Sign.INCREASES and len(step.ids) == 2 and "r-extra" in step.ids
    assert [e["source"] for e in step.evidence] == ["P1", "P2", "P1"]  # joined: 2 + 1
    assert step.mechanism == "direct"  # one of the parallels is direct
    assert step.phrase == "activates and is required for"
    assert set(report.paths[0].relation_ids) >= set(step.ids)
    # Of different signs, parallels stay distinct steps: csa inhibits and binds cn.
    assert {p.steps[0].sign for p in report.paths} == {Sign.DECREASES, Sign.UNKNOWN}


def test_best_first_order_matches_brute_force() -> None:
    g = toy_graph()
    for source, target in [("csa", "il2"), ("csa", "t_act"), ("imq", "il2_sec"), ("tac", "il2_sec"), ("imq", "t_act")]:
        for k in (1, 2, 3, 10):
            report = signed_paths(g, source, target, k=k)
            expected = all_ranked_paths(g, source, target, 6)[:k]
            assert [p.rank for p in report.paths] == [rank for rank, _ in expected]


def test_paths_are_simple_and_connected_with_steps_matching_the_graph() -> None:
    g = toy_graph()
    g.add_edge("nfat", "il2_tx", key="r-par", relation="increases", sign=1, evidence=[{"source": "P1"}, {"source": "P2"}])
    for path in signed_paths(g, "csa", "t_act", k=10).paths:
        assert len(set(path.nodes)) == len(path.nodes)
        for step in path.steps:
            data = g.edges[step.u, step.v, step.key]
            assert step.relation.value == data["relation"]
            assert int(step.sign) == data["sign"]
            assert all(g.edges[step.u, step.v, key]["sign"] == data["sign"] for key in step.ids)
            assert {key for key in g[step.u][step.v] if g.edges[step.u, step.v, key]["sign"] == data["sign"]} == set(step.ids)
            joined = [item for key in step.ids for item in g.edges[step.u, step.v, key]["evidence"]]
            assert [dict(e) for e in step.evidence] == joined


def test_disagreeing_paths_are_reported() -> None:
    report = signed_paths(toy_graph(), "imq", "il2_sec")
    assert report.disagree
    assert report.signs == {"increases": 1, "decreases": 1, "unknown": 1}
    assert report.best is not None and report.best.sign is Sign.INCREASES  # the direct relation
    assert [p.mechanism for p in report.paths] == ["direct", "unspecified", "indirect"]


def test_max_length_and_k_limit_the_paths() -> None:
    g = toy_graph()
    assert signed_paths(g, "csa", "il2", max_length=3).paths == ()
    assert all(p.length <= 5 for p in signed_paths(g, "csa", "t_act", k=10, max_length=5).paths)
    assert len(signed_paths(g, "csa", "il2", k=1).paths) == 1


def test_no_path_is_an_empty_report() -> None:
    report = signed_paths(toy_graph(), "il2", "csa")
    assert report.paths == () and report.best is None and not report.disagree


def test_bad_requests_are_refused() -> None:
    g = toy_graph()
    with pytest.raises(QueryError, match="same node"):
        signed_paths(g, "csa", "csa")
    with pytest.raises(QueryError, match="k must be"):
        signed_paths(g, "csa", "il2", k=0)
    with pytest.raises(QueryError, match="max_length must be"):
        signed_paths(g, "csa", "il2", max_length=0)
    with pytest.raises(NodeNotFound, match="closest: il2"):
        signed_paths(g, "csa", "il-2x")


def test_net_sign_and_mechanism_rules() -> None:
    inhibit = Step("a", "b", "r1", Relation.INHIBITS, Sign.DECREASES, "direct", ())
    activate = Step("b", "c", "r2", Relation.ACTIVATES, Sign.INCREASES, "direct", ())
    bind = Step("b", "c", "r3", Relation.BINDS, Sign.UNKNOWN, None, ())
    indirect = activate._replace(mechanism="indirect")
    assert SignedPath((inhibit, activate)).sign is Sign.DECREASES
    assert SignedPath((inhibit, inhibit._replace(u="b", v="c"))).sign is Sign.INCREASES
    assert SignedPath((inhibit, bind)).sign is Sign.UNKNOWN
    assert path_mechanism([inhibit, activate]) == "direct"
    assert path_mechanism([inhibit, bind]) == "unspecified"
    assert path_mechanism([bind, indirect]) == "indirect"


def test_report_to_dict_is_json() -> None:
    payload = json.loads(json.dumps(signed_paths(toy_graph(), "imq", "il2_sec").to_dict()))
    assert payload["disagree"] is True
    assert payload["paths"][0]["steps"][0]["relation"] == "increases"
    assert payload["paths"][0]["sign"] == "increases"


def test_explain_reads_the_path_and_concludes_with_the_net_sign() -> None:
    g = toy_graph()
    report = signed_paths(g, "csa", "il2")
    text = explain(report.paths[0], g)
    assert text.startswith("Cyclosporine inhibits Calcineurin; Calcineurin ")
    assert text.endswith("IL-2 transcription increases IL-2; so Cyclosporine decreases IL-2 (net: decreases)")
    unknown = explain(report.paths[-1], g)
    assert unknown.startswith("Cyclosporine binds Calcineurin;")
    assert unknown.endswith("so the effect of Cyclosporine on IL-2 is of unknown sign (net: unknown)")


def test_explain_steps_carry_evidence() -> None:
    g = toy_graph()
    steps = explain_steps(signed_paths(g, "csa", "cn").paths[0], g)
    assert steps == [
        {
            "from": "csa",
            "from_label": "Cyclosporine",
            "to": "cn",
            "to_label": "Calcineurin",
            "id": steps[0]["id"],
            "ids": [steps[0]["id"]],
            "relation": "inhibits",
            "relations": ["inhibits"],
            "sign": "decreases",
            "mechanism": "direct",
            "context": "species human, cell type T cell",
            "sentence": "Cyclosporine inhibits Calcineurin",
            "evidence": [
                {"source": "P1", "note": "binds cyclophilin first", "url": "https://example.org/p1", "title": "Paper one"},
                {"source": "P2", "url": "https://example.org/p2"},
            ],
        }
    ]


def test_effects_group_processes_by_kind_and_outcomes_last() -> None:
    g = toy_graph()
    found = effects(g, "csa")
    assert list(found) == ["gene_expression", "protein_transport", "secretion", "outcome"]
    assert [(e.node, e.sign) for e in found["protein_transport"]] == [("nfat_tl", Sign.DECREASES)]
    assert [(e.node, e.sign, e.path.length) for e in found["outcome"]] == [("t_act", Sign.DECREASES, 5)]
    assert found["gene_expression"][0].path.nodes[0] == "csa"


def test_effects_use_the_best_path_and_its_sign() -> None:
    g = toy_graph()
    found = effects(g, "imq")
    assert set(found) == {"gene_expression", "secretion", "surface_expression", "outcome"}
    secretion = found["secretion"][0]
    assert (secretion.node, secretion.sign, secretion.path.length) == ("il2_sec", Sign.INCREASES, 1)
    for group in found.values():
        for effect in group:
            best = all_ranked_paths(g, "imq", effect.node, 6)[0][0]
            assert effect.path.rank == best
            assert effect.sign is effect.path.sign


def test_effects_respect_max_length_and_skip_other_kinds() -> None:
    g = toy_graph()
    near = effects(g, "csa", max_length=2)
    assert list(near) == ["protein_transport"]
    assert effects(g, "lonely") == {}
    assert all(e.node not in ("cn", "il2", "nfat") for group in effects(g, "csa").values() for e in group)


def test_inputs_are_not_changed() -> None:
    g = toy_graph()
    before = snapshot(g)
    report = signed_paths(g, "csa", "t_act", k=10)
    dict(report.paths[0].steps[0].evidence[0])["source"] = "changed"
    effects(g, "imq")
    explain(report.paths[0], g)
    assert snapshot(g) == before


@pytest.mark.skipif(bundled_graph() is None, reason="no bundled graph")
@pytest.mark.parametrize("agent", ["cyclosporine", "tacrolimus"])
def test_the_repeated_route_to_il2_appears_once_with_its_evidence_joined(agent: str) -> None:
    """Calcineurin activates NFAT (two relations) and NFAT is required for / activates IL-2 gene
    transcription (two relations) used to make four of the five best paths one route."""
    graph = bundled_graph()
    assert graph is not None
    route = (agent, "calcineurin", "nfat", "il2_transcription", "il2")
    report = signed_paths(graph, agent, "il2", k=5)
    routes = [(p.nodes, tuple(s.sign for s in p.steps)) for p in report.paths]
    assert len(routes) == len(set(routes))
    repeated = [p for p in report.paths if p.nodes[-4:] == route[-4:] and p.length == 4]
    assert len(repeated) == 1
    steps = {(s.u, s.v): s for s in repeated[0].steps}
    nfat_to_tx = steps["nfat", "il2_transcription"]
    assert {graph.edges["nfat", "il2_transcription", key]["relation"] for key in nfat_to_tx.ids} == {"required_for", "activates"}
    assert len(nfat_to_tx.evidence) == sum(len(graph.edges["nfat", "il2_transcription", key]["evidence"]) for key in nfat_to_tx.ids) == 3
    assert len(steps["calcineurin", "nfat"].ids) == 2
    assert repeated[0].evidence_count == 10 if agent == "cyclosporine" else repeated[0].evidence_count > 4


@pytest.mark.skipif(bundled_graph() is None, reason="no bundled graph")
def test_cli_paths_lists_only_distinct_routes() -> None:
    result = CliRunner().invoke(cli, ["paths", "cyclosporine", "IL-2", "--evidence"])
    assert result.exit_code == 0, result.output
    explanations = [line.strip() for line in result.stdout.splitlines() if line.startswith("   ") and "(net:" in line]
    assert len(explanations) == 5 == len(set(explanations))
    repeated = "Calcineurin activates NFAT; NFAT is required for and activates IL-2 gene transcription; IL-2 gene transcription"
    assert sum(repeated in line for line in explanations) == 2  # once signed, once through the unsigned complex step
    assert "5 distinct paths" in result.stdout
    assert "[r-256f560154f2, r-b842f1559e7c]" in result.stdout or "[r-b842f1559e7c, r-256f560154f2]" in result.stdout
