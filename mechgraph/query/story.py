"""Stories: a path, a perturbation or a comparison told one relation at a time.

A :class:`Story` is a list of steps; each step is one relation (every parallel relation of one
sign between two nodes, as a step of a signed path), with the sentence that reads it, where it
holds, its evidence and, for a perturbation, what the step predicts for the node it reaches.
Stories are plain values: the dashboard steps through them and
:func:`mechgraph.export.story.story_html` writes them as one offline page.

- :func:`path_story`: the steps of a signed path, then its net effect.
- :func:`perturbation_story`: the relations of the supporting paths, nearest first, each once.
- :func:`comparison_story`: what the first agent reaches alone, then the second, then what both
  reach, each told by the relations of its supporting paths.

Examples
--------
>>> import networkx as nx
>>> from mechgraph.query.perturb import perturb
>>> g = nx.MultiDiGraph()
>>> for node in ("csa", "cn", "il2"):
...     g.add_node(node, kind="target", label=node.upper())
>>> _ = g.add_edge("csa", "cn", key="r1", relation="inhibits", sign=-1, evidence=[{"source": "S", "quote": "CsA inhibits CN."}])
>>> _ = g.add_edge("cn", "il2", key="r2", relation="activates", sign=1)
>>> story = perturbation_story(g, perturb(g, ["csa"]))
>>> [(step.caption, step.outcome) for step in story.steps]
[('CSA inhibits CN', 'CN ↓'), ('CN activates IL2', 'IL2 ↓')]
>>> story.steps[0].evidence[0]["quote"]
'CsA inhibits CN.'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import networkx as nx

from .._records import fields_of
from ..errors import QueryError
from ..vocabulary import Sign
from ._common import label_of
from .compare import AgentComparison
from .explain import explain, explain_steps
from .overlay import Consistency, Overlay
from .paths import SignedPath, Step
from .perturb import Perturbation, perturb

__all__ = ["Story", "StoryStep", "comparison_story", "path_story", "perturbation_story"]

#: The most steps a story tells (a longer one says how many it leaves out).
MAX_STEPS = 60


@dataclass(frozen=True, slots=True)
class StoryStep:
    """One relation of a story, read aloud."""

    source: str
    target: str
    relation_ids: tuple[str, ...]
    sign: int  # +1, -1 or 0
    mechanism: str | None
    caption: str  # the sentence: "Cyclosporine inhibits Calcineurin"
    context: str = ""  # where it holds ("" when no relation says)
    outcome: str = ""  # what the step predicts: "Calcineurin ↓"
    chapter: str = ""  # the part of the story it belongs to (a comparison's side)
    evidence: tuple[Mapping[str, Any], ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": self.source,
            "to": self.target,
            "ids": list(self.relation_ids),
            **fields_of(self, "sign", "mechanism", "caption", "context", "outcome", "chapter"),
            "evidence": [dict(item) for item in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Story:
    """A title, the steps in the order they are told, and a closing line."""

    title: str
    steps: tuple[StoryStep, ...]
    summary: str = ""
    left_out: int = 0  # relations not told (over MAX_STEPS)
    labels: Mapping[str, str] = field(default_factory=dict)  # every node of the story and its label
    #: how to draw each node (marks of :func:`mechgraph.style.reasoning_node_style`: a response,
    #: ``given``, a side of a comparison, ``consistent`` or ``inconsistent`` with measured data)
    marks: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def nodes(self) -> tuple[str, ...]:
        """The nodes in the order the story first shows them."""
        return tuple(dict.fromkeys(node for step in self.steps for node in (step.source, step.target)))

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "summary": self.summary,
            "left_out": self.left_out,
            "nodes": [{"id": node, "label": self.labels.get(node, node), "marks": list(self.marks.get(node, ()))} for node in self.nodes],
            "steps": [step.to_dict() for step in self.steps],
        }


def _told(graph: nx.MultiDiGraph, step: Step, *, outcome: str = "", chapter: str = "") -> StoryStep:
    read = explain_steps(SignedPath((step,)), graph)[0]
    return StoryStep(step.u, step.v, tuple(step.ids), int(step.sign), step.mechanism, read["sentence"], read["context"], outcome, chapter,
                     tuple(read["evidence"]))  # fmt: skip


def _story(
    graph: nx.MultiDiGraph, title: str, steps: Sequence[StoryStep], summary: str, left_out: int = 0, marks: Mapping[str, Sequence[str]] | None = None
) -> Story:
    shown = list(steps[:MAX_STEPS])
    left_out += max(0, len(steps) - MAX_STEPS)
    nodes = dict.fromkeys(node for step in shown for node in (step.source, step.target))
    kept = {node: tuple(marks[node]) for node in nodes if marks and marks.get(node)}
    return Story(title, tuple(shown), summary, left_out, {node: label_of(graph, node) for node in nodes}, kept)


def path_story(graph: nx.MultiDiGraph, path: SignedPath) -> Story:
    """The steps of ``path``, each with its evidence; the net effect closes the story."""
    if not path.steps:
        raise QueryError("a story needs a path of at least one relation")
    steps = [_told(graph, step) for step in path.steps]
    title = f"How {label_of(graph, path.source)} affects {label_of(graph, path.target)}"
    return _story(graph, title, steps, explain(path, graph))


def _symbol(sign: int, conflicting: bool) -> str:
    return "↕" if conflicting else {1: "↑", -1: "↓"}.get(sign, "?")


def _steps_of_paths(
    graph: nx.MultiDiGraph, paths: Iterable[SignedPath], result: Perturbation, chapter: str, seen: set[tuple[str, str, int]]
) -> list[StoryStep]:
    """The steps of ``paths`` not told yet, nearest first; each says what it predicts for the node it reaches."""
    found: list[tuple[int, int, StoryStep]] = []
    for order, path in enumerate(paths):
        sign = 1
        for depth, step in enumerate(path.steps):
            sign *= int(step.sign)
            key = (step.u, step.v, int(step.sign))
            if key in seen:
                continue
            seen.add(key)
            effect = result.effect(step.v)
            conflicting = effect is not None and effect.status.value == "conflicting"
            outcome = f"{label_of(graph, step.v)} {_symbol(sign, conflicting)}"
            found.append((depth, order, _told(graph, step, outcome=outcome, chapter=chapter)))
    found.sort(key=lambda item: item[:2])
    return [step for _, _, step in found]


def _measured(overlay: Overlay, node: str) -> str:
    found = overlay.values.get(node)
    if found is None:
        return ""
    return f"measured {found.value:+.3g}" + (f" (p {found.p_value:.2g})" if found.p_value is not None else "")


def perturbation_story(graph: nx.MultiDiGraph, result: Perturbation, *, overlay: Overlay | None = None, report: Consistency | None = None) -> Story:
    """The relations of a perturbation's supporting paths (the best path to each node reached, one
    of each sign to a conflicting node), nearest first and each once: how the signs spread."""
    if not result.effects:
        raise QueryError("the perturbation reaches no node with a sign: there is no story to tell")
    seen: set[tuple[str, str, int]] = set()
    # a conflicting node is told by a path of each sign, so both ways of reaching it show
    paths = (path for effect in result.effects for path in (effect.paths if effect.status.value == "conflicting" else effect.paths[:1]))
    steps = _steps_of_paths(graph, paths, result, "", seen)
    marks: dict[str, list[str]] = {effect.node: [effect.status.value] for effect in result.effects}
    for node in result.given:
        marks.setdefault(node, []).append("given")
    if overlay is not None:
        judged = {node: "consistent" for node in (report.consistent_nodes if report else ())}
        judged |= {node: "inconsistent" for node in (report.inconsistent_nodes if report else ())}
        for node, mark in judged.items():
            marks.setdefault(node, []).append(mark)
        steps = [replace(step, outcome=f"{step.outcome} · {measured}{' ✓' if judged.get(step.target) == 'consistent' else ' ✗' if judged.get(step.target) == 'inconsistent' else ''}")
                 if (measured := _measured(overlay, step.target)) else step for step in steps]  # fmt: skip
    asked = ", ".join(f"{'given' if sign is Sign.INCREASES else 'blocked'} {label_of(graph, node)}" for node, sign in result.given.items())
    counts = result.counts
    summary = (f"{asked}: {counts['up']} nodes up, {counts['down']} down, {counts['conflicting']} conflicting "
               f"within {result.max_length} relations")  # fmt: skip
    if report is not None and report.node_score is not None:
        summary += f"; {report.node_score:.0%} of the measured nodes agree ({len(report.consistent_nodes)} of {len(report.consistent_nodes) + len(report.inconsistent_nodes)})"
    return _story(graph, f"What happens when {asked}", steps, summary, marks=marks)


def comparison_story(graph: nx.MultiDiGraph, comparison: AgentComparison) -> Story:
    """What each agent reaches alone, then what both reach, each told by its supporting paths."""
    a, b = comparison.a, comparison.b
    by_agent = {agent: perturb(graph, [agent], max_length=comparison.max_length, mixed_context=comparison.mixed_context) for agent in (a, b)}
    only_a = {item.node for category in comparison.categories for item in category.only_a}
    only_b = {item.node for category in comparison.categories for item in category.only_b}
    shared = {item.node for category in comparison.categories for item in category.shared}
    seen: set[tuple[str, str, int]] = set()
    steps: list[StoryStep] = []
    name_a, name_b = label_of(graph, a), label_of(graph, b)
    for agent, nodes, chapter in ((a, only_a, f"only {name_a}"), (b, only_b, f"only {name_b}"), (a, shared, "both"), (b, shared, "both")):
        result = by_agent[agent]
        paths = [effect.paths[0] for effect in result.effects if effect.node in nodes]
        steps.extend(_steps_of_paths(graph, paths, result, chapter, seen))
    if not steps:
        raise QueryError(f"neither {a} nor {b} reaches a node with a sign: there is no story to tell")
    opposite = ", ".join(item.label for item in comparison.opposite) or "none"
    summary = f"{name_a} and {name_b}: opposite effects on {opposite}"
    marks = {node: [side] for side, nodes in (("a", only_a), ("b", only_b), ("shared", shared)) for node in nodes}
    marks[a], marks[b] = ["given"], ["given"]
    return _story(graph, f"{name_a} and {name_b}", steps, summary, marks=marks)
