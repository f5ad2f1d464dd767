"""signed_paths, effects and explain on the toy graph, checked against brute force where it matters."""

from __future__ import annotations

import json

import networkx as nx
import pytest

from mechgraph.errors import NodeNotFound, QueryError
from mechgraph.query import SignedPath, Step, effects, explain, explain_steps, path_mechanism, signed_paths
from mechgraph.vocabulary import Relation, Sign

from .test_query_support import snapshot, toy_graph


def all_ranked_paths(graph: nx.MultiDiGraph, source: str, target: str, max_length: int) -> list[tuple[tuple[int, int, int], tuple[str, ...]]]:
    """Every simple relation path, ranked as signed_paths ranks them (the slow, obvious way)."""
    ranked = []
    for edge_path in nx.all_simple_edge_paths(graph, source, target, cutoff=max_length):
        unsigned = sum(1 for u, v, k in edge_path if graph.edges[u, v, k]["sign"] == 0)
        evidence = sum(len(graph.edges[u, v, k]["evidence"]) for u, v, k in edge_path)
        ranked.append(((len(edge_path), unsigned, -evidence), tuple(k for _, _, k in edge_path)))
    return sorted(ranked)


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


def test_best_first_order_matches_brute_force() -> None:
    g = toy_graph()
    for source, target in [("csa", "il2"), ("csa", "t_act"), ("imq", "il2_sec"), ("tac", "il2_sec"), ("imq", "t_act")]:
        for k in (1, 2, 3, 10):
            report = signed_paths(g, source, target, k=k)
            expected = all_ranked_paths(g, source, target, 6)[:k]
            assert [p.rank for p in report.paths] == [rank for rank, _ in expected]


def test_paths_are_simple_and_connected_with_steps_matching_the_graph() -> None:
    g = toy_graph()
    for path in signed_paths(g, "csa", "t_act", k=10).paths:
        assert len(set(path.nodes)) == len(path.nodes)
        for step in path.steps:
            data = g.edges[step.u, step.v, step.key]
            assert step.relation.value == data["relation"]
            assert int(step.sign) == data["sign"]
            assert [dict(e) for e in step.evidence] == data["evidence"]


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
            "relation": "inhibits",
            "sign": "decreases",
            "mechanism": "direct",
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
