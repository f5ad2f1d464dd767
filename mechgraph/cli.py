"""The ``mechgraph`` command line.

Exit codes: 0 success, 1 invalid data (or nothing found), 2 usage error or unreadable file.
Expected failures print one clear line per problem, never a traceback.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click

from . import __version__
from .errors import DataError, MechgraphError, ReadError
from .graph import graph_from_report, validate_file
from .summary import summarize

__all__ = ["main"]

EXIT_INVALID = 1
EXIT_USAGE = 2

F = TypeVar("F", bound=Callable[..., Any])

json_option = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
graph_argument = click.argument(
    "file", required=False, type=click.Path(dir_okay=False, path_type=Path), metavar="[FILE]"
)


def _emit_json(value: Any) -> None:
    click.echo(json.dumps(value, indent=2, ensure_ascii=False, sort_keys=False))


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"mechgraph: {message}", err=True)
    sys.exit(code)


def expected_errors(function: F) -> F:
    """Turn mechgraph's own errors into one line and an exit code."""

    @wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return function(*args, **kwargs)
        except ReadError as error:
            _fail(str(error), EXIT_USAGE)
        except DataError as error:
            for problem in error.problems:
                click.echo(str(problem), err=True)
            _fail(f"{len(error.problems)} problem(s) found", EXIT_INVALID)
        except MechgraphError as error:
            _fail(str(error), EXIT_INVALID)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="mechgraph")
def cli() -> None:
    """mechgraph: mechanisms of immunomodulation as a typed, signed, directed graph.

    Without FILE, commands use the bundled immunomodulation graph.
    """


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
        _emit_json({"valid": all(r["valid"] for r in results), "files": results})
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
        _emit_json(summary)
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


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``mechgraph`` console script and ``python -m mechgraph``."""
    cli.main(args=argv, prog_name="mechgraph")


if __name__ == "__main__":  # pragma: no cover
    main()
