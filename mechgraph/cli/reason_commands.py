"""Reasoning on the graph: perturb agents (optionally against measured data), compare two agents or graphs.

Nodes may be named by id, label, synonym or identifier; a name that fits no node, or several,
ends with the closest matches (exit 1), never a traceback. A table that cannot be read, or has
wrong cells, names the file, line and column (exit 1 or 2).
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
import networkx as nx

from ..errors import QueryError
from ..fileio import WriteError
from ..query import explain, resolve_node, signed_paths
from ..query.compare import (
    AgentComparison,
    Category,
    GraphComparison,
    Item,
    compare_agents,
    compare_graphs,
)
from ..query.overlay import Consistency, Overlay, consistency, map_overlay, read_overlay
from ..query.perturb import NodeEffect, Perturbation, Response, perturb
from ..store import queries
from . import _base
from ._base import (
    EXIT_USAGE,
    cli,
    emit_json,
    expected_errors,
    json_option,
    load_graph_file,
)
from .store_commands import db_option, graph_or_region

# ``--graph FILE`` as every command names its graph (from the shared options when they have it).
graph_option = getattr(_base, "graph_option", None) or click.option(
    "--graph",
    "graph_file",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    metavar="FILE",
    help="Graph file to query instead of the bundled graph.",
)
mixed_context_option = click.option(
    "--mixed-context",
    is_flag=True,
    help="Also chain relations whose contexts conflict (another species; another cell lineage).",
)
max_length_option = click.option("--max-length", default=6, show_default=True, type=click.IntRange(1, 20), help="Most relations from a perturbed node.")

_STATUS_SYMBOL = {response.value: response.symbol for response in Response} | {"unsigned": "?"}


@cli.command("perturb")
@click.argument("agents", nargs=-1, metavar="[AGENT]...")
@click.option("--block", "blocked", multiple=True, metavar="NODE", help="Block (decrease) NODE; repeat for several.")
@max_length_option
@mixed_context_option
@click.option("--overlay", "overlay_file", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="FILE",
              help="CSV or TSV of measured values (a name column, a value column, optionally a p-value): how far the prediction agrees.")  # fmt: skip
@click.option("--alpha", default=0.05, show_default=True, type=click.FloatRange(0, 1, min_open=True), help="Largest p-value of a measured change.")
@click.option("--threshold", default=0.0, show_default=True, type=click.FloatRange(0), help="Smallest absolute value of a measured change.")
@click.option("--brief", is_flag=True, help="Leave out the explanation of each effect.")
@graph_option
@db_option
@json_option
@expected_errors
def perturb_command(
    agents: tuple[str, ...],
    blocked: tuple[str, ...],
    max_length: int,
    mixed_context: bool,
    overlay_file: Path | None,
    alpha: float,
    threshold: float,
    brief: bool,
    graph_file: Path | None,
    db: Path | None,
    as_json: bool,
) -> None:
    """Give AGENT (one or more) and block NODE (--block), and follow the signs along the relations.

    Every node reached with a sign is up, down or conflicting (reached with both signs), with
    its shortest supporting path; unsigned relations stop the sign. Paths keep to one context
    unless --mixed-context is given. With several agents, says where they agree and conflict."""
    if not agents and not blocked:
        raise click.UsageError("name at least one AGENT or --block NODE")
    if db is not None and overlay_file is not None:
        raise click.UsageError("--overlay maps its rows onto the whole graph: use it with a graph file, not --db")
    graph = graph_or_region(graph_file, db, lambda store: queries.effects_graph(store, [*agents, *blocked], max_length=max_length, beyond=1))
    result = perturb(
        graph,
        [resolve_node(graph, name) for name in agents],
        block=[resolve_node(graph, name) for name in blocked],
        max_length=max_length,
        mixed_context=mixed_context,
    )
    overlay = map_overlay(graph, read_overlay(overlay_file)) if overlay_file is not None else None
    report = consistency(graph, overlay, result, alpha=alpha, threshold=threshold) if overlay is not None else None
    if as_json:
        payload = result.to_dict()
        for effect, item in zip(result.effects, payload["effects"], strict=True):
            item["explanation"] = explain(effect.paths[0], graph)
        if overlay is not None and report is not None:
            payload["overlay"] = overlay.to_dict()
            payload["consistency"] = report.to_dict()
        emit_json(payload)
        return
    _print_perturbation(graph, result, brief)
    if overlay is not None and report is not None:
        _print_overlay(graph, overlay, report)


@cli.command("compare")
@click.argument("first", metavar="A")
@click.argument("second", metavar="B")
@max_length_option
@mixed_context_option
@graph_option
@db_option
@json_option
@expected_errors
def compare_command(first: str, second: str, max_length: int, mixed_context: bool, graph_file: Path | None, db: Path | None, as_json: bool) -> None:
    """Compare two agents (what each changes: shared and unique targets, cells, processes,
    outcomes, effects of opposite sign), or two graph files (A and B both files)."""
    if Path(first).is_file() and Path(second).is_file():
        if graph_file is not None:
            raise click.UsageError("comparing two graph files: leave out --graph")
        graphs = load_graph_file(Path(first)), load_graph_file(Path(second))
        diff = compare_graphs(*graphs)
        if as_json:
            emit_json({"a": first, "b": second, **diff.to_dict()})
        else:
            _print_graph_comparison(first, second, diff)
        return
    graph = graph_or_region(graph_file, db, lambda store: queries.effects_graph(store, [first, second], max_length=max_length, beyond=1))
    report = compare_agents(graph, resolve_node(graph, first), resolve_node(graph, second), max_length=max_length, mixed_context=mixed_context)
    if as_json:
        emit_json(report.to_dict())
    else:
        _print_agent_comparison(graph, report)


@cli.command("story")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False, path_type=Path), metavar="OUT.html",
              help="The story page to write (one self-contained, offline HTML file).")  # fmt: skip
@click.option("--path", "path_ends", nargs=2, default=None, metavar="FROM TO", help="Tell the best signed path from FROM to TO.")
@click.option("--perturb", "given", multiple=True, metavar="AGENT", help="Tell a perturbation: give AGENT; repeat for several.")
@click.option("--block", "blocked", multiple=True, metavar="NODE", help="With --perturb: block NODE; repeat for several.")
@click.option("--compare", "compared", nargs=2, default=None, metavar="A B", help="Tell a comparison of two agents.")
@click.option("--overlay", "overlay_file", type=click.Path(dir_okay=False, path_type=Path), default=None, metavar="FILE",
              help="With --perturb: a CSV or TSV of measured values, shown at each step and checked against the prediction.")  # fmt: skip
@click.option("--theme", type=click.Choice(["light", "dark"]), default="light", show_default=True)
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
@max_length_option
@mixed_context_option
@graph_option
@json_option
@expected_errors
def story_command(
    output: Path,
    path_ends: tuple[str, str] | None,
    given: tuple[str, ...],
    blocked: tuple[str, ...],
    compared: tuple[str, str] | None,
    overlay_file: Path | None,
    theme: str,
    force: bool,
    max_length: int,
    mixed_context: bool,
    graph_file: Path | None,
    as_json: bool,
) -> None:
    """Write a story: a path, a perturbation or a comparison told one relation at a time, with
    the sentence and evidence of each; step with the arrow keys, P for the presenter layout."""
    from ..export.story import write_story
    from ..query.story import comparison_story, path_story, perturbation_story

    asked = [bool(path_ends), bool(given or blocked), bool(compared)]
    if sum(asked) != 1:
        raise click.UsageError("tell one story: --path FROM TO, --perturb AGENT (and --block NODE), or --compare A B")
    if overlay_file is not None and not (given or blocked):
        raise click.UsageError("--overlay goes with --perturb: measured values are checked against a perturbation")
    graph = load_graph_file(graph_file)
    if path_ends:
        source, target = (resolve_node(graph, name) for name in path_ends)
        best = signed_paths(graph, source, target, k=1, max_length=max_length, mixed_context=mixed_context).best
        if best is None:
            raise QueryError(f"no path from {source} to {target} within {max_length} relations")
        story = path_story(graph, best)
    elif compared:
        a, b = (resolve_node(graph, name) for name in compared)
        story = comparison_story(graph, compare_agents(graph, a, b, max_length=max_length, mixed_context=mixed_context))
    else:
        result = perturb(graph, [resolve_node(graph, n) for n in given], block=[resolve_node(graph, n) for n in blocked],
                         max_length=max_length, mixed_context=mixed_context)  # fmt: skip
        overlay = map_overlay(graph, read_overlay(overlay_file)) if overlay_file is not None else None
        report = consistency(graph, overlay, result) if overlay is not None else None
        story = perturbation_story(graph, result, overlay=overlay, report=report)
    try:
        written = write_story(graph, story, output, theme=theme, force=force)
    except WriteError as error:  # as export: a file that cannot be written is a usage error
        click.echo(f"mechgraph: {error}", err=True)
        sys.exit(EXIT_USAGE)
    if as_json:
        emit_json({"output": str(written), **story.to_dict()})
    else:
        click.echo(
            f"wrote {_plain(str(written))}: {_plain(story.title)}, {len(story.steps)} steps" + (f" ({story.left_out} more not told)" if story.left_out else "")
        )


# ------------------------------------------------------------------------------------- printing


def _name(graph: nx.MultiDiGraph, node: str) -> str:
    return f"{_plain(str(graph._node[node].get('label') or node))} ({_plain(node)})"


def _print_effect(graph: nx.MultiDiGraph, effect: NodeEffect, result: Perturbation, brief: bool) -> None:
    several = len(result.given) > 1
    sources = f"; {', '.join(f'{_plain(s)} {r.symbol}' for s, r in effect.by_source.items())}" if several else ""
    length = effect.distance
    click.echo(f"  {effect.status.symbol} {_name(graph, effect.node)}  [{effect.status.value}, {length} relation{'s' if length != 1 else ''}{sources}]")
    if not brief:
        shown = effect.paths if effect.status is Response.CONFLICTING else effect.paths[:1]
        for path in shown[:4]:
            mixed = " (mixed contexts)" if path.mixed else ""
            click.echo(f"      {_plain(explain(path, graph))}{mixed}")


def _print_perturbation(graph: nx.MultiDiGraph, result: Perturbation, brief: bool) -> None:
    given = ", ".join(f"{'given' if sign > 0 else 'blocked'} {_name(graph, node)}" for node, sign in result.given.items())
    counts = result.counts
    scope = "contexts may mix" if result.mixed_context else "each path within one context"
    click.echo(f"{given}: within {result.max_length} relations, {scope}")
    click.echo(
        f"{len(result.effects)} nodes reached with a sign: {counts['up']} up, {counts['down']} down, "
        f"{counts['conflicting']} conflicting; {counts['unsigned']} reached only through unsigned relations"
    )
    for group, found in result.by_group().items():
        click.echo(f"\n{group.replace('_', ' ')} ({len(found)}):")
        for effect in found:
            _print_effect(graph, effect, result, brief)
    phases = result.by_phase()
    if phases:
        click.echo("\nphases of the immune response:")
        for phase, found in phases.items():
            click.echo(f"  {phase}: " + ", ".join(f"{e.status.symbol} {_plain(e.label)}" for e in found))
    if len(result.given) > 1:
        agreement = result.agreement()
        click.echo(f"\nagree ({len(agreement.agree)}): " + (", ".join(f"{e.status.symbol} {_plain(e.label)}" for e in agreement.agree) or "none"))
        click.echo(f"conflict ({len(agreement.conflict)}): " + (", ".join(
            f"{_plain(e.label)} ({', '.join(f'{_plain(s)} {r.symbol}' for s, r in e.by_source.items())})" for e in agreement.conflict) or "none"))  # fmt: skip
        for source, alone in agreement.only.items():
            click.echo(f"only {_name(graph, source)} ({len(alone)}): " + (", ".join(f"{e.status.symbol} {_plain(e.label)}" for e in alone) or "none"))
    if result.unsigned:
        click.echo(f"\nreached only through unsigned relations ({len(result.unsigned)}): " + ", ".join(_name(graph, n) for n in result.unsigned))


def _score(score: float | None) -> str:
    return "n/a" if score is None else f"{score:.0%}"


def _print_overlay(graph: nx.MultiDiGraph, overlay: Overlay, report: Consistency) -> None:
    table = overlay.table
    mapped = len(table.rows) - len(overlay.unused)
    click.echo(
        f"\noverlay {_plain(table.file)}: {mapped} of {len(table.rows)} rows mapped ({overlay.mapped_share:.0%}); "
        f"columns {_plain(table.key_column)}, {_plain(table.value_column)}" + (f", {_plain(table.p_column)}" if table.p_column else "")
    )
    for row in overlay.unused:
        click.echo(f"  unused line {row.line}: {_plain(row.reason)}")
    judged = len(report.consistent_nodes) + len(report.inconsistent_nodes)
    click.echo(
        f"consistency (change: p <= {report.alpha:g}, |value| >= {report.threshold:g}): nodes {_score(report.node_score)} "
        f"({len(report.consistent_nodes)} of {judged}), relations {_score(report.relation_score)} "
        f"({len(report.consistent_relations)} of {len(report.relations)})"
    )
    for title, nodes in (
        ("consistent", report.consistent_nodes),
        ("inconsistent", report.inconsistent_nodes),
        ("ambiguous (predicted conflicting)", report.ambiguous_nodes),
        ("predicted but measured unchanged", report.unchanged_nodes),
        ("measured change not reached", report.unexplained_nodes),
    ):
        if nodes:
            click.echo(f"  {title} ({len(nodes)}): " + ", ".join(_name(graph, node) for node in nodes))
    for check in report.inconsistent_relations:
        click.echo(f"  inconsistent relation {_plain(check.id)}: {_name(graph, check.source)} -> {_name(graph, check.target)}")


def _items(items: tuple[Item, ...], side: str | None = None) -> str:
    def mark(item: Item) -> str:
        if side == "a":
            return f" {_STATUS_SYMBOL.get(item.a or '', '')}"
        if side == "b":
            return f" {_STATUS_SYMBOL.get(item.b or '', '')}"
        return f" {_STATUS_SYMBOL.get(item.a or '', '')}/{_STATUS_SYMBOL.get(item.b or '', '')}"

    return ", ".join(f"{_plain(item.label)}{mark(item)}" for item in items) or "none"


def _print_category(category: Category, a: str, b: str) -> None:
    click.echo(f"\n{category.name}:")
    click.echo(f"  shared ({len(category.shared)}): {_items(category.shared)}")
    click.echo(f"  only {a} ({len(category.only_a)}): {_items(category.only_a, 'a')}")
    click.echo(f"  only {b} ({len(category.only_b)}): {_items(category.only_b, 'b')}")


def _print_agent_comparison(graph: nx.MultiDiGraph, report: AgentComparison) -> None:
    a, b = _plain(str(graph._node[report.a].get("label") or report.a)), _plain(str(graph._node[report.b].get("label") or report.b))
    scope = "contexts may mix" if report.mixed_context else "each path within one context"
    click.echo(f"{_name(graph, report.a)} vs {_name(graph, report.b)}: what each changes within {report.max_length} relations, {scope}")
    click.echo("(↑ up, ↓ down, ↕ conflicting, ? reached without a sign; shared items show A/B)")
    for category in (report.direct, *report.categories):
        _print_category(category, a, b)
    click.echo(f"\nopposite sign ({len(report.opposite)}): {_items(report.opposite)}")


def _print_graph_comparison(first: str, second: str, diff: GraphComparison) -> None:
    click.echo(f"{_plain(first)} (A) vs {_plain(second)} (B)")
    for category in diff.nodes:
        click.echo(f"\n{category.name}: {len(category.shared)} shared, {len(category.only_a)} only in A, {len(category.only_b)} only in B")
        for title, items in (("only in A", category.only_a), ("only in B", category.only_b)):
            if items:
                click.echo(
                    f"  {title}: " + ", ".join(f"{_plain(item.label)} ({_plain(item.node)})" for item in items[:50]) + (" ..." if len(items) > 50 else "")
                )
    click.echo(f"\nsigned links: {diff.links_shared} shared, {len(diff.links_only_a)} only in A, {len(diff.links_only_b)} only in B")
    click.echo(f"opposite sign ({len(diff.opposite)}): " + (", ".join(f"{_plain(u)} -> {_plain(v)}" for u, v in diff.opposite) or "none"))


def _plain(text: str) -> str:
    """Text safe to print on a terminal: control characters shown as code points."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in text)
