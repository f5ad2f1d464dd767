"""Stories: a path, a perturbation and a comparison told one relation at a time, and their offline page."""

from __future__ import annotations

import json
import re
from pathlib import Path

import networkx as nx
import pytest

from mechgraph.errors import QueryError
from mechgraph.export.story import story_html, write_story
from mechgraph.fileio import OutputExists
from mechgraph.graph import read_graph
from mechgraph.query import signed_paths
from mechgraph.query.compare import compare_agents
from mechgraph.query.perturb import perturb
from mechgraph.query.story import (
    MAX_STEPS,
    comparison_story,
    path_story,
    perturbation_story,
)
from mechgraph.resources import bundled_graph_path

needs_bundled = pytest.mark.skipif(not bundled_graph_path().exists(), reason="the bundled graph is not there")


def small() -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for node, kind in [("a", "agent"), ("b", "agent"), ("x", "target"), ("y", "target"), ("p", "process")]:
        graph.add_node(node, kind=kind, label=node.upper())
    graph.add_edge("a", "x", key="r1", relation="inhibits", sign=-1, evidence=[{"source": "S", "quote": "A inhibits X.", "url": "javascript:alert(1)"}])
    graph.add_edge("x", "p", key="r2", relation="activates", sign=1, evidence=[{"source": "S", "url": "https://example.org/s"}])
    graph.add_edge("b", "y", key="r3", relation="activates", sign=1)
    graph.add_edge("y", "p", key="r4", relation="activates", sign=1)
    return graph


def test_a_path_story_has_a_step_per_relation_and_the_net_effect_last() -> None:
    graph = small()
    story = path_story(graph, signed_paths(graph, "a", "p").best)
    assert [step.caption for step in story.steps] == ["A inhibits X", "X activates P"]
    assert story.summary.endswith("so A decreases P (net: decreases)")
    assert story.nodes == ("a", "x", "p") and story.steps[0].evidence[0]["quote"] == "A inhibits X."


def test_a_perturbation_story_tells_each_relation_once_nearest_first_with_its_prediction() -> None:
    graph = small()
    story = perturbation_story(graph, perturb(graph, ["a", "b"]))
    assert [(step.source, step.target, step.outcome) for step in story.steps] == [("a", "x", "X ↓"), ("b", "y", "Y ↑"), ("x", "p", "P ↕"), ("y", "p", "P ↕")]
    with pytest.raises(QueryError, match="no story"):
        perturbation_story(graph, perturb(graph, ["p"]))


def test_a_comparison_story_tells_each_side_then_what_both_reach() -> None:
    graph = small()
    story = comparison_story(graph, compare_agents(graph, "a", "b"))
    assert [step.chapter for step in story.steps] == ["only A", "only B", "both", "both"]
    assert "opposite effects on P" in story.summary


def test_a_long_story_says_what_it_leaves_out() -> None:
    graph = nx.MultiDiGraph()
    graph.add_node("hub", kind="agent", label="Hub")
    for index in range(MAX_STEPS + 5):
        graph.add_node(f"t{index}", kind="target", label=f"T{index}")
        graph.add_edge("hub", f"t{index}", relation="activates", sign=1)
    story = perturbation_story(graph, perturb(graph, ["hub"]))
    assert len(story.steps) == MAX_STEPS and story.left_out == 5


def test_the_page_is_self_contained_and_escapes_everything(tmp_path: Path) -> None:
    graph = small()
    graph.nodes["a"]["label"] = "<script>alert(1)</script>"
    page = story_html(graph, perturbation_story(graph, perturb(graph, ["a"])), theme="dark")
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)  # nothing is fetched
    assert "default-src 'none'" in page
    data = json.loads(re.search(r'<script type="application/json" id="story-data">(.*?)</script>', page).group(1))
    urls = [item.get("url") for step in data["steps"] for item in step["evidence"]]
    assert urls == [None, "https://example.org/s"]  # a javascript: link is dropped, an https one kept
    written = write_story(graph, perturbation_story(graph, perturb(graph, ["a"])), tmp_path / "s.html")
    with pytest.raises(OutputExists):
        write_story(graph, perturbation_story(graph, perturb(graph, ["a"])), written)


@needs_bundled
def test_the_tacrolimus_and_sirolimus_story_parts_at_calcineurin_and_mtor() -> None:
    graph = read_graph()
    story = comparison_story(graph, compare_agents(graph, "tacrolimus", "sirolimus"))
    chapters = {step.caption: step.chapter for step in story.steps}
    assert chapters["Tacrolimus inhibits Calcineurin"] == "only Tacrolimus"
    assert chapters["Sirolimus inhibits mTOR"] == "only Sirolimus"


def test_a_perturbation_story_marks_its_nodes_and_shows_measured_values() -> None:
    from mechgraph.query.overlay import consistency, map_overlay, parse_overlay

    graph = small()
    result = perturb(graph, ["a"])
    overlay = map_overlay(graph, parse_overlay("name,value,p\nX,-2,0.01\nP,1.5,0.01\n"))
    story = perturbation_story(graph, result, overlay=overlay, report=consistency(graph, overlay, result))
    assert story.marks["a"] == ("given",) and story.marks["x"] == ("down", "consistent") and story.marks["p"] == ("down", "inconsistent")
    assert [step.outcome for step in story.steps] == ["X ↓ · measured -2 (p 0.01) ✓", "P ↓ · measured +1.5 (p 0.01) ✗"]
    assert "50% of the measured nodes agree (1 of 2)" in story.summary
    page = story_html(graph, story)
    assert 'stroke-dasharray="2 3"' in page and "agrees with the data" in page  # the inconsistent node's dotted border, and the legend
