"""Commands on whole graph files: validate, info. Both read any registered format."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ..errors import DataError, MechgraphError, ReadError
from ..formats.registry import load
from ..graph import negated_relations
from ..resources import bundled_graph_path
from ..summary import summarize
from ._base import EXIT_INVALID, EXIT_USAGE, cli, emit_json, expected_errors, graph_file_option, graph_files_option, json_option


@cli.command()
@graph_files_option
@json_option
def validate(graph_files: tuple[Path, ...], as_json: bool) -> None:
    """Check graph FILEs in any format mechgraph reads (default: the bundled graph): parse each,
    then apply the model's rules; report every problem with its file, line (where the format has
    lines) and field.

    Exit 0 when all are valid, 1 when any is invalid, 2 when a file cannot be read.
    """
    results = [check_file(path) for path in graph_files or (None,)]
    unreadable = any("error" in result for result in results)
    if as_json:
        emit_json({"valid": all(r["valid"] for r in results), "files": results})
    else:
        for result in results:
            _print_result(result)
    if unreadable:
        sys.exit(EXIT_USAGE)
    if not all(result["valid"] for result in results):
        sys.exit(EXIT_INVALID)


def check_file(path: Path | None) -> dict[str, Any]:
    """What ``validate`` says of one file: valid or not, its format, counts and every problem;
    ``error`` when the file cannot be read at all (missing, too large, unknown extension)."""
    name = str(path if path is not None else bundled_graph_path())
    try:
        result = load(path)
    except ReadError as error:
        return {"file": name, "valid": False, "error": str(error), "problems": []}
    except DataError as error:
        problems = [_named(p.to_dict(), name) for p in error.problems]
        return {"file": name, "valid": False, "problems": problems}
    except MechgraphError as error:  # a reader's own refusal: a problem of this file
        problem: dict[str, Any] = {"file": name, "line": None, "column": None, "field": "", "message": str(error), "rule": "format", "path": []}
        return {"file": name, "valid": False, "problems": [problem]}
    graph = result.graph
    return {
        "file": name,
        "valid": True,
        "format": result.format,
        "nodes": graph.number_of_nodes(),
        "relations": graph.number_of_edges(),
        "denied": len(negated_relations(graph)),
        "problems": [],
    }


def _named(problem: dict[str, Any], name: str) -> dict[str, Any]:
    """A problem always names its file, even one a reader raised without it."""
    return problem if problem.get("file") else {**problem, "file": name}


def _print_result(result: dict[str, Any]) -> None:
    if "error" in result:
        click.echo(f"mechgraph: {result['error']}", err=True)
    elif result["valid"]:
        denied = f", {result['denied']} denied (negated: true)" if result.get("denied") else ""
        click.echo(f"{result['file']}: valid ({result['nodes']} nodes, {result['relations']} relations{denied})")
    else:
        problems = result["problems"]
        click.echo(f"{result['file']}: invalid, {len(problems)} problem{'s' if len(problems) != 1 else ''}")
        for problem in problems:
            where = ":".join(str(problem[k]) for k in ("file", "line", "column") if problem[k] is not None)
            click.echo(f"  {where}: {problem['field'] + ': ' if problem['field'] else ''}{problem['message']} [{problem['rule']}]")


@cli.command()
@graph_file_option
@json_option
@expected_errors
def info(graph_file: Path | None, as_json: bool) -> None:
    """Counts by node kind, relation, sign and mechanism; evidence and sources, for a graph in
    any format mechgraph reads."""
    result = load(graph_file)
    summary = summarize(result.graph, result.report)
    if as_json:
        emit_json(summary)
        return
    click.echo(f"{summary['title']}  ({summary['file']})")
    click.echo(f"{summary['nodes']} nodes, {summary['relations']} relations, {summary['agents']} agents")
    for title, key in (
        ("nodes by kind", "by_kind"),
        ("relations by type", "by_relation"),
        ("relations by sign", "by_sign"),
        ("relations by mechanism", "by_mechanism"),
        ("relations by measurability", "by_measurability"),
    ):
        click.echo(f"\n{title}:")
        for name, count in summary[key].items():
            click.echo(f"  {name:<28} {count:>5}")
    evidence = summary["evidence"]
    click.echo(f"\nevidence: {evidence['with_evidence_percent']}% of relations ({evidence['relations_with_evidence']})")
    for source_id, quotes in evidence.get("quotes", {}).items():
        click.echo(f"  quotes of {source_id}: {quotes['verbatim']}/{quotes['checked']} found verbatim")
    click.echo(f"sources: {len(summary['sources'])} cited documents")
