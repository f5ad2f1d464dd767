"""The ``mechgraph`` command group and what every command shares.

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

from .. import __version__
from ..errors import DataError, MechgraphError, ReadError
from ..graph import graph_from_report, validate_file

__all__ = ["cli", "emit_json", "expected_errors", "graph_argument", "json_option", "EXIT_INVALID", "EXIT_USAGE", "load_graph_file"]

EXIT_INVALID = 1
EXIT_USAGE = 2

F = TypeVar("F", bound=Callable[..., Any])

json_option = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")
graph_argument = click.argument(
    "file", required=False, type=click.Path(dir_okay=False, path_type=Path), metavar="[FILE]"
)


def emit_json(value: Any) -> None:
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




def load_graph_file(file: Path | None) -> Any:
    """The graph of FILE (the bundled graph when None) in any registered format; DataError lists
    every problem. Native YAML goes through validate_file, other formats through the registry."""
    if file is not None and Path(file).suffix.lower() not in (".yaml", ".yml"):
        from ..formats import check_graph, read

        graph = read(Path(file)).graph
        problems = check_graph(graph)
        if problems:
            raise DataError(problems)
        return graph
    report = validate_file(file)
    if not report.ok:
        raise DataError(report.problems)
    return graph_from_report(report)
