"""Commands on whole graph files: validate, info."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from ..errors import DataError, ReadError
from ..graph import graph_from_report, validate_file
from ..summary import summarize
from ._base import EXIT_INVALID, EXIT_USAGE, cli, emit_json, expected_errors, graph_argument, json_option


@cli.command()
@click.argument("files", nargs=-1, type=click.Path(dir_okay=False, path_type=Path))
@json_option
def validate(files: tuple[Path, ...], as_json: bool) -> None:
    """Check graph FILES (default: the bundled graph); report every problem with its line.

    Exit 0 when all are valid, 1 when any is invalid, 2 when a file cannot be read.
    """
    results: list[dict[str, Any]] = []
    unreadable = False
    for path in files or (None,):
        try:
            report = validate_file(path)
        except ReadError as error:
            unreadable = True
            results.append({"file": str(path), "valid": False, "error": str(error), "problems": []})
            continue
        counts = {"nodes": len(report.nodes), "relations": len(report.relations)}
        results.append(
            {"file": report.file, "valid": report.ok, **counts, "problems": [p.to_dict() for p in report.problems]}
        )
    if as_json:
        emit_json({"valid": all(r["valid"] for r in results), "files": results})
    else:
        for result in results:
            _print_result(result)
    if unreadable:
        sys.exit(EXIT_USAGE)
    if not all(result["valid"] for result in results):
        sys.exit(EXIT_INVALID)


def _print_result(result: dict[str, Any]) -> None:
    if "error" in result:
        click.echo(f"mechgraph: {result['error']}", err=True)
    elif result["valid"]:
        click.echo(f"{result['file']}: valid ({result['nodes']} nodes, {result['relations']} relations)")
    else:
        problems = result["problems"]
        click.echo(f"{result['file']}: invalid, {len(problems)} problem{'s' if len(problems) != 1 else ''}")
        for problem in problems:
            where = ":".join(str(problem[k]) for k in ("file", "line", "column") if problem[k] is not None)
            click.echo(f"  {where}: {problem['field'] + ': ' if problem['field'] else ''}{problem['message']} [{problem['rule']}]")


@cli.command()
@graph_argument
@json_option
@expected_errors
def info(file: Path | None, as_json: bool) -> None:
    """Counts by node kind, relation, sign and mechanism; evidence and sources."""
    report = validate_file(file)
    if not report.ok:
        raise DataError(report.problems)
    summary = summarize(graph_from_report(report), report)
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
