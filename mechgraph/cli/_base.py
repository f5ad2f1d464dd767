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
from ..formats.registry import ImportResult, load
from ..query.filterspec import FilterSpec, ValueType, filters

__all__ = [
    "EXIT_INVALID",
    "EXIT_USAGE",
    "FilteredCommand",
    "cli",
    "filter_option",
    "emit_json",
    "expected_errors",
    "graph_file_option",
    "graph_files_option",
    "graph_option",
    "json_option",
    "load_graph_file",
    "load_graph_result",
]

EXIT_INVALID = 1
EXIT_USAGE = 2

F = TypeVar("F", bound=Callable[..., Any])

json_option = click.option("--json", "as_json", is_flag=True, help="Print machine-readable JSON.")

_FILE_TYPE = click.Path(dir_okay=False, path_type=Path)
_GRAPH_HELP = "Graph file in any format mechgraph reads (`mechgraph formats`); default: the bundled graph."

#: ``--graph FILE``: the one way every command names its graph file.
graph_option = click.option("--graph", "graph_file", type=_FILE_TYPE, default=None, metavar="FILE", help=_GRAPH_HELP)


def graph_file_option(function: F) -> F:
    """``--graph FILE``, with a positional ``[FILE]`` kept as its alias (validate, info, audit,
    serve): the command receives ``graph_file``, a Path or None (the bundled graph)."""

    @wraps(function)
    def wrapper(*args: Any, file_argument: Path | None, graph_file: Path | None, **kwargs: Any) -> Any:
        if file_argument is not None and graph_file is not None and file_argument != graph_file:
            raise click.UsageError(f"give the graph once: FILE {file_argument} and --graph {graph_file} differ")
        return function(*args, graph_file=graph_file or file_argument, **kwargs)

    wrapper = click.argument("file_argument", required=False, type=_FILE_TYPE, metavar="[FILE]")(wrapper)
    return graph_option(wrapper)  # type: ignore[return-value]


def graph_files_option(function: F) -> F:
    """``--graph FILE`` repeatable, with positional ``[FILE...]`` as its alias: ``graph_files``."""

    @wraps(function)
    def wrapper(*args: Any, file_arguments: tuple[Path, ...], graph_options: tuple[Path, ...], **kwargs: Any) -> Any:
        return function(*args, graph_files=(*file_arguments, *graph_options), **kwargs)

    wrapper = click.argument("file_arguments", nargs=-1, type=_FILE_TYPE, metavar="[FILE...]")(wrapper)
    option = click.option("--graph", "graph_options", multiple=True, type=_FILE_TYPE, metavar="FILE", help=_GRAPH_HELP + " Repeatable.")
    return option(wrapper)  # type: ignore[return-value]


def filter_option(spec: FilterSpec) -> click.Option:
    """The repeatable ``--option`` of a filter of the table: its values a case-insensitive choice
    (aliases included) or, for free values, anything under the filter's metavar."""
    choice = None
    if spec.value_type is ValueType.CHOICES:
        choice = click.Choice([*spec.values, *spec.aliases], case_sensitive=False)
    return click.Option([spec.option, spec.name], multiple=True, type=choice, metavar=spec.metavar, help=spec.help)


class FilteredCommand(click.Command):
    """A command that takes an option per filter of the filter table (after the option named by
    ``filters_after``). The table is read whenever the command parses or shows its help, so a
    filter added to it is offered at once; the callback receives each filter's words under the
    filter's name (:func:`mechgraph.query.filterspec.query_arguments` turns them into filters)."""

    def __init__(self, *args: Any, filters_after: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters_after = filters_after

    def get_params(self, ctx: click.Context) -> list[click.Parameter]:
        params = super().get_params(ctx)
        at = next((index + 1 for index, param in enumerate(params) if param.name == self.filters_after), len(params) - 1)
        return [*params[:at], *(filter_option(spec) for spec in filters()), *params[at:]]


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

    Every command names its graph with --graph FILE (validate, info, audit and serve also take
    it as their first argument), in any format mechgraph reads; without one, commands use the
    bundled immunomodulation graph.
    """


def load_graph_result(file: Path | None) -> ImportResult:
    """The checked import of FILE (the bundled graph when None), in any registered format, through
    the registry's one loader; DataError lists every problem with the file's name."""
    return load(file)


def load_graph_file(file: Path | None) -> Any:
    """The graph of FILE (the bundled graph when None), in any registered format, checked."""
    return load(file).graph
