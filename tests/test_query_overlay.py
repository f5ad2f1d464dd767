"""Data overlay: reading tables of node values, mapping them, and their consistency with a perturbation."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mechgraph.errors import DataError, ReadError
from mechgraph.graph import read_graph
from mechgraph.query.overlay import (
    consistency,
    map_overlay,
    parse_overlay,
    read_overlay,
)
from mechgraph.query.perturb import perturb
from mechgraph.resources import bundled_graph_path

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "cyclosporine-t-cells.illustrative.csv"


def small() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    graph.add_node("drug", kind="agent", label="Drug")
    graph.add_node("il2", kind="target", label="IL-2", synonyms=["interleukin-2"], identifiers=["hgnc.symbol:IL2"])
    graph.add_node("tnf", kind="target", label="TNF-alpha", identifiers=["hgnc.symbol:TNF"])
    graph.add_node("act", kind="process", process="activation", label="T-cell activation")
    graph.add_edge("drug", "il2", key="r1", relation="inhibits", sign=-1)
    graph.add_edge("il2", "act", key="r2", relation="activates", sign=1)
    graph.add_edge("drug", "tnf", key="r3", relation="inhibits", sign=-1)
    return graph


def problems(text: str, **options: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        parse_overlay(text, file="t.csv", **options)
    return [str(problem) for problem in caught.value.problems]


def test_columns_are_found_by_name_and_names_map_like_resolve_node() -> None:
    table = parse_overlay("# a comment\n\nSymbol\tlog2FC\tpadj\nIL2\t-2\t0.01\ninterleukin 2\t1\t0.2\nTNFa\t-1\t\n", file="t.tsv")
    assert (table.key_column, table.value_column, table.p_column) == ("Symbol", "log2FC", "padj")
    assert [(row.line, row.name, row.value, row.p_value) for row in table.rows] == [
        (4, "IL2", -2.0, 0.01),
        (5, "interleukin 2", 1.0, 0.2),
        (6, "TNFa", -1.0, None),
    ]
    overlay = map_overlay(small(), table)
    assert {node: m.line for node, m in overlay.values.items()} == {"il2": 4, "tnf": 6}
    assert [(row.line, row.reason) for row in overlay.unused] == [(5, "names il2, already given by line 4")]
    assert overlay.mapped_share == pytest.approx(2 / 3)


def test_every_row_that_sets_nothing_is_kept_with_its_reason() -> None:
    graph = small()
    graph.add_node("il2_gene", kind="target", label="IL2 gene", synonyms=["Shared"])
    graph.add_node("other", kind="target", label="Other", synonyms=["shared"])
    overlay = map_overlay(graph, parse_overlay("id,value\nnothing,1\nShared,2\ntnf,3\n"))
    assert [row.line for row in overlay.unused] == [2, 3]
    assert "no node named 'nothing'" in overlay.unused[0].reason and "several nodes" in overlay.unused[1].reason
    assert len(overlay.values) + len(overlay.unused) == len(overlay.table.rows)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", "no header line"),
        ("# only a comment\n", "no header line"),
        ("name,p\nIL2,0.1\n", "no value column"),
        ("name,value,p\nIL2,abc,0.1\n", "t.csv:2:2: value: 'abc' is not a number"),
        ("name,value,p\nIL2,nan,0.1\n", "t.csv:2:2: value: 'nan' is not a finite number"),
        ("name,value,p\nIL2,1,1.5\n", "t.csv:2:3: p: p-value '1.5' is outside 0 to 1"),
        ("name,value\nIL2,1,3\n", "t.csv:2: row: 3 cells where the header has 2"),
        ("name,value\n,1\n", "t.csv:2:1: name: empty name"),
        ("name,value,Value\nIL2,1,2\n", "given twice"),
        ('name,value\n"IL2,1\n', "malformed CSV"),
        ("name,value\n" + "x" * 2000 + ",1\n", "t.csv:2:1: name: a cell of 2,000 characters"),
    ],
)
def test_hostile_tables_are_clear_errors_naming_line_and_column(text: str, expected: str) -> None:
    assert any(expected in problem for problem in problems(text))


def test_a_chosen_column_that_is_missing_names_the_columns() -> None:
    assert "no value column 'score2'" in problems("name,value\nIL2,1\n", value="score2")[0]


def test_problems_are_all_reported_up_to_a_limit() -> None:
    text = "name,value\n" + "".join(f"n{i},bad\n" for i in range(100))
    assert len(problems(text)) == 20


def test_files_that_cannot_be_read_are_read_errors(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="missing.csv"):
        read_overlay(tmp_path / "missing.csv")
    binary = tmp_path / "b.csv"
    binary.write_bytes(b"name,value\n\x00\x01")
    with pytest.raises(ReadError, match="binary"):
        read_overlay(binary)


def test_consistency_of_nodes_and_relations_with_a_perturbation() -> None:
    graph = small()
    overlay = map_overlay(graph, parse_overlay("name,value,p\nIL-2,-2,0.001\nT-cell activation,1.5,0.01\nTNF,-0.2,0.5\n"))
    report = consistency(graph, overlay, perturb(graph, ["drug"]))
    assert report.consistent_nodes == ("il2",) and report.inconsistent_nodes == ("act",)
    assert report.unchanged_nodes == ("tnf",) and report.node_score == 0.5
    assert [(check.id, check.consistent) for check in report.relations] == [("r1", True), ("r2", False)]
    assert report.relation_score == 0.5
    payload = report.to_dict()
    assert payload["nodes"]["inconsistent"] == ["act"] and payload["relations"]["inconsistent"][0]["id"] == "r2"


def test_alpha_and_threshold_decide_what_counts_as_a_change() -> None:
    graph = small()
    overlay = map_overlay(graph, parse_overlay("name,value,p\nIL-2,-0.5,0.04\n"))
    result = perturb(graph, ["drug"])
    assert consistency(graph, overlay, result).consistent_nodes == ("il2",)
    assert consistency(graph, overlay, result, alpha=0.01).unchanged_nodes == ("il2",)
    assert consistency(graph, overlay, result, threshold=1.0).unchanged_nodes == ("il2",)
    with pytest.raises(ValueError, match="alpha"):
        consistency(graph, overlay, result, alpha=0)


@settings(max_examples=50, deadline=None)
@given(values=st.lists(st.floats(-5, 5, allow_nan=False).filter(lambda x: abs(x) > 1e-9), min_size=3, max_size=3))
def test_flipping_every_measured_sign_flips_node_consistency(values: list[float]) -> None:
    graph = small()
    names = ["IL2", "T-cell activation", "TNF"]

    def report(sign: int):  # type: ignore[no-untyped-def]
        text = "name,value\n" + "".join(f"{name},{sign * value!r}\n" for name, value in zip(names, values, strict=True))
        return consistency(graph, map_overlay(graph, parse_overlay(text)), perturb(graph, ["drug"]))

    plain, flipped = report(1), report(-1)
    assert set(plain.consistent_nodes) == set(flipped.inconsistent_nodes)
    assert set(plain.inconsistent_nodes) == set(flipped.consistent_nodes)


@pytest.mark.skipif(not bundled_graph_path().exists(), reason="the bundled graph is not there")
def test_the_example_overlay_maps_at_least_95_percent_and_lists_the_rest() -> None:
    graph = read_graph()
    overlay = map_overlay(graph, read_overlay(EXAMPLE))
    assert overlay.mapped_share >= 0.95
    assert [row.name for row in overlay.unused] == ["GAPDH"]
    report = consistency(graph, overlay, perturb(graph, ["cyclosporine"]))
    assert report.node_score is not None and report.node_score > 0.5
    assert "il2" in report.consistent_nodes
    assert "illustrative" in EXAMPLE.read_text().splitlines()[0].lower()


@settings(max_examples=60, deadline=None)
@given(names=st.lists(st.sampled_from(["IL2", "il-2", "interleukin 2", "TNF", "tnf", "drug", "Drug", "nothing", "T-cell activation", "x y"]), max_size=12))
def test_every_row_either_sets_a_node_or_is_listed_with_its_line(names: list[str]) -> None:
    text = "name,value\n" + "".join(f"{name},1\n" for name in names)
    overlay = map_overlay(small(), parse_overlay(text))
    assert len(overlay.values) + len(overlay.unused) == len(names)
    lines = sorted([m.line for m in overlay.values.values()] + [row.line for row in overlay.unused])
    assert lines == list(range(2, len(names) + 2))
