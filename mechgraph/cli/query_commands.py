"""Questions asked of a graph: search, neighbors, paths, effects.

Nodes may be named by id, label, synonym or identifier; a name that fits no node, or several,
ends with the closest matches (exit 1), never a traceback. Nothing found also exits 1.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, NoReturn

import click
import networkx as nx

from ..query import (
    Effect,
    PathReport,
    SignedPath,
    effects,
    explain,
    explain_steps,
    neighbourhood,
    reach,
    resolve_node,
    search,
    signed_paths,
)
from ..store import queries
from ..vocabulary import Attr, Direction, Relation, Sign
from ._base import EXIT_INVALID, cli, emit_json, expected_errors, graph_option, json_option
from .store_commands import db_option, graph_or_region

mixed_context_option = click.option(
    "--mixed-context",
    is_flag=True,
    help="Also chain relations whose contexts conflict (another species; another cell lineage); such paths are labelled mixed.",
)


@cli.command("search")
@click.argument("text")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 1000), help="Most matches to show.")
@graph_option
@db_option
@json_option
@expected_errors
def search_command(text: str, limit: int, graph_file: Path | None, db: Path | None, as_json: bool) -> None:
    """Find nodes by label, synonym, id or identifier; case, hyphens, Greek letters and typos do not matter."""
    graph = graph_or_region(graph_file, db, queries.search_graph)
    matches = search(graph, text, limit=limit)
    if as_json:
        emit_json({"query": text, "matches": [match.to_dict() for match in matches]})
    else:
        for match in matches:
            via = "" if match.field == "label" else f"  [{match.field}: {_plain(match.text)}]"
            click.echo(f"{match.score:5.1f}  {_plain(match.node):<32} {_plain(match.label)}{via}")
    if not matches:
        _nothing(f"nothing matches {text!r}")


@cli.command("neighbors")
@click.argument("names", nargs=-1, required=True, metavar="NODE...")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(0, 50), help="How many relations to walk.")
@click.option(
    "--direction",
    default=Direction.BOTH.value,
    show_default=True,
    type=click.Choice([direction.value for direction in Direction]),
    help="up: what leads to NODE; down: what NODE leads to; both.",
)
@graph_option
@db_option
@json_option
@expected_errors
def neighbors_command(names: tuple[str, ...], depth: int, direction: str, graph_file: Path | None, db: Path | None, as_json: bool) -> None:
    """The nodes within DEPTH relations of NODE (one or more) and the relations among them."""
    graph = graph_or_region(graph_file, db, lambda store: queries.neighbourhood_graph(store, names, depth=depth, direction=direction))
    centre = [resolve_node(graph, name) for name in names]
    distances = reach(graph, centre, depth=depth, direction=direction)
    sub = neighbourhood(graph, centre, depth=depth, direction=direction)
    if as_json:
        emit_json(
            {
                "nodes": [{**_node(sub, node), "distance": distances[node]} for node in distances],
                "relations": [_relation(sub, u, v, key, data) for u, v, key, data in sub.edges(keys=True, data=True)],
                "depth": depth,
                "direction": direction,
            }
        )
        return
    heading = ", ".join(f"{_label(graph, node)} ({_plain(node)})" for node in centre)
    click.echo(f"{heading}: {sub.number_of_nodes()} nodes, {sub.number_of_edges()} relations within {depth} relation{'s' if depth != 1 else ''} ({direction})")
    for node, distance in distances.items():
        kind = str(graph.nodes[node].get(Attr.KIND.value, ""))
        click.echo(f"  {distance}  {_plain(node):<32} {kind:<12} {_label(graph, node)}")
    if sub.number_of_edges():
        click.echo("relations:")
        for u, v, _, data in sub.edges(keys=True, data=True):
            click.echo(f"  {_plain(_sentence(graph, u, v, data))}  {_tags(data)}")


@cli.command("paths")
@click.argument("source", metavar="FROM")
@click.argument("target", metavar="TO")
@click.option("--max-length", default=6, show_default=True, type=click.IntRange(1, 20), help="Most relations on a path.")
@click.option("--k", "k", default=5, show_default=True, type=click.IntRange(1, 100), help="How many paths.")
@click.option("--evidence", is_flag=True, help="Also print each step's evidence.")
@mixed_context_option
@graph_option
@db_option
@json_option
@expected_errors
def paths_command(
    source: str, target: str, max_length: int, k: int, evidence: bool, mixed_context: bool, graph_file: Path | None, db: Path | None, as_json: bool
) -> None:
    """The K best signed paths from FROM to TO, each read as sentences with its net effect.

    Each path is a distinct route: parallel relations of one sign between two nodes are one step,
    with their evidence joined and counted. A path keeps to one context (no mouse step chained
    to a human one, no steps in different cell lineages) unless --mixed-context is given."""
    graph = graph_or_region(graph_file, db, lambda store: queries.paths_graph(store, source, target, max_length=max_length))
    report = signed_paths(graph, resolve_node(graph, source), resolve_node(graph, target), k=k, max_length=max_length, mixed_context=mixed_context)
    if as_json:
        payload = report.to_dict()
        payload["paths"] = [_path_payload(graph, path) for path in report.paths]
        emit_json(payload)
    elif report.paths:
        _print_paths(graph, report, evidence)
    if not report.paths:
        mixing = not mixed_context and signed_paths(graph, report.source, report.target, k=1, max_length=max_length, mixed_context=True).paths
        within = " within one context (--mixed-context finds paths that mix contexts)" if mixing else ""
        _nothing(f"no path from {report.source} to {report.target} within {max_length} relations{within}")


@cli.command("effects")
@click.argument("agent")
@click.option("--max-length", default=6, show_default=True, type=click.IntRange(1, 20), help="Most relations on a path.")
@click.option("--explain", "explain_paths", is_flag=True, help="Also print the path to each effect as sentences.")
@mixed_context_option
@graph_option
@db_option
@json_option
@expected_errors
def effects_command(agent: str, max_length: int, explain_paths: bool, mixed_context: bool, graph_file: Path | None, db: Path | None, as_json: bool) -> None:
    """The processes and outcomes AGENT reaches, by process kind, with the net sign of the best path.

    Paths keep to one context unless --mixed-context is given; effects reached only by mixing
    contexts are then marked "mixed contexts"."""
    graph = graph_or_region(graph_file, db, lambda store: queries.effects_graph(store, [agent], max_length=max_length))
    node = resolve_node(graph, agent)
    groups = effects(graph, node, max_length=max_length, mixed_context=mixed_context)
    if as_json:
        emit_json(
            {
                "agent": node,
                "max_length": max_length,
                "mixed_context": mixed_context,
                "groups": {group: [_effect_payload(graph, effect) for effect in found] for group, found in groups.items()},
            }
        )
    else:
        total = sum(len(found) for found in groups.values())
        reached = len(reach(graph, node, depth=max_length, direction=Direction.DOWN)) - 1
        scope = "contexts may mix" if mixed_context else "each within one context"
        click.echo(f"{_label(graph, node)} ({_plain(node)}): {total} processes and outcomes of {reached} nodes reached within {max_length} relations, {scope}")
        for group, found in groups.items():
            click.echo(f"\n{group.replace('_', ' ')} ({len(found)}):")
            for effect in found:
                steps = f"{effect.path.length} relation{'s' if effect.path.length != 1 else ''}"
                mixed = ", mixed contexts" if effect.path.mixed else ""
                click.echo(
                    f"  {effect.sign.symbol} {_plain(effect.label)} ({_plain(effect.node)})  [{effect.sign.word}, {steps}, {effect.path.mechanism}{mixed}]"
                )
                if explain_paths:
                    click.echo(f"      {_plain(explain(effect.path, graph))}")
                    if effect.path.contexts:
                        click.echo(f"      contexts: {_plain(effect.path.context_text)}")
        if not mixed_context:
            more = _only_when_mixed(graph, node, max_length, groups)
            if more:
                click.echo(f"\n{more} more reached only by mixing contexts (--mixed-context shows them)")
    if not groups:
        _nothing(f"{node} reaches no process or outcome within {max_length} relations")


# ------------------------------------------------------------------------------------- helpers


def _print_paths(graph: nx.MultiDiGraph, report: PathReport, evidence: bool) -> None:
    source, target, paths = report.source, report.target, report.paths
    signs = sorted({path.sign.word for path in paths})
    click.echo(
        f"{_label(graph, source)} ({_plain(source)}) -> {_label(graph, target)} ({_plain(target)}): "
        f"{len(paths)} distinct path{'s' if len(paths) != 1 else ''} of at most {report.max_length} steps"
        + (f", net {' / '.join(signs)}" if paths else "")
        + (", contexts may mix" if report.mixed_context else ", each within one context")
    )
    for number, path in enumerate(paths, 1):
        click.echo(
            f"\n{number}. {path.sign.word}, {path.mechanism}, {path.length} steps, "
            f"{path.unsigned_steps} unsigned, {path.evidence_count} citations"
            + (f", {len(path.relation_ids)} relations" if len(path.relation_ids) != path.length else "")
            + (", mixed contexts" if path.mixed else "")
        )
        click.echo(f"   {_plain(explain(path, graph))}")
        if path.contexts:
            click.echo(f"   contexts: {_plain(path.context_text)}")
        for step in explain_steps(path, graph):
            if evidence or step["context"]:
                where = f" (in {step['context']})" if step["context"] else ""
                click.echo(f"   - {_plain(step['sentence'])}{_plain(where)}" + (f" [{', '.join(step['ids'])}]" if evidence else ""))
            if evidence:
                for item in step["evidence"]:
                    click.echo(f"       {_plain(_citation(item))}")
    if report.disagree:
        counts = {word: sum(1 for path in paths if path.sign.word == word) for word in (Sign.INCREASES.word, Sign.DECREASES.word)}
        click.echo(f"\nThe paths disagree: {counts['increases']} increase and {counts['decreases']} decrease {_label(graph, target)}.")


def _only_when_mixed(graph: nx.MultiDiGraph, node: str, max_length: int, groups: dict[str, list[Effect]]) -> int:
    """How many processes and outcomes are reached only through relations of conflicting contexts."""
    within = {effect.node for found in groups.values() for effect in found}
    mixed = effects(graph, node, max_length=max_length, mixed_context=True)
    return sum(1 for found in mixed.values() for effect in found if effect.node not in within)


def _citation(item: dict[str, Any]) -> str:
    parts = [str(item.get("source", "?"))]
    if item.get("quote"):
        parts.append(f'"{item["quote"]}"')
    if item.get("note"):
        parts.append(f"({item['note']})")
    if item.get("url"):
        parts.append(str(item["url"]))
    return " ".join(parts)


def _path_payload(graph: nx.MultiDiGraph, path: SignedPath) -> dict[str, Any]:
    payload = path.to_dict()
    payload["explanation"] = explain(path, graph)
    payload["steps"] = explain_steps(path, graph)
    return payload


def _effect_payload(graph: nx.MultiDiGraph, effect: Effect) -> dict[str, Any]:
    payload = effect.to_dict()
    payload["path"] = _path_payload(graph, effect.path)
    return payload


def _node(graph: nx.MultiDiGraph, node: str) -> dict[str, Any]:
    data = graph.nodes[node]
    return {"id": node, "label": data.get(Attr.LABEL.value, node), "kind": data.get(Attr.KIND.value)}


def _relation(graph: nx.MultiDiGraph, u: str, v: str, key: str, data: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": key,
        "from": u,
        "to": v,
        "relation": data.get(Attr.RELATION.value),
        "sign": Sign.of(data.get(Attr.SIGN.value, 0)).word,
        "mechanism": data.get(Attr.MECHANISM.value),
        "sentence": _sentence(graph, u, v, data),
    }


def _sentence(graph: nx.MultiDiGraph, u: str, v: str, data: dict[str, Any]) -> str:
    relation = str(data.get(Attr.RELATION.value))
    try:
        phrase = Relation(relation).phrase
    except ValueError:
        phrase = relation
    return f"{_label(graph, u, plain=False)} {phrase} {_label(graph, v, plain=False)}"


def _tags(data: dict[str, Any]) -> str:
    mechanism = data.get(Attr.MECHANISM.value)
    return f"[{Sign.of(data.get(Attr.SIGN.value, 0)).symbol}{', ' + mechanism if mechanism else ''}]"


def _label(graph: nx.MultiDiGraph, node: str, *, plain: bool = True) -> str:
    label = str(graph.nodes[node].get(Attr.LABEL.value) or node)
    return _plain(label) if plain else label


def _plain(text: str) -> str:
    """Text safe to print on a terminal: control characters (escape sequences) shown as code points."""
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in text)


def _nothing(message: str) -> NoReturn:
    click.echo(f"mechgraph: {message}", err=True)
    sys.exit(EXIT_INVALID)
