"""Commands on file formats: convert, formats."""

from __future__ import annotations

from pathlib import Path

import click

from ..errors import DataError
from ..formats import check_graph, formats, read, write
from ._base import cli, emit_json, expected_errors, json_option

_READABLE = [f.name for f in formats() if f.reader is not None]
_WRITABLE = [f.name for f in formats() if f.writer is not None]


@cli.command()
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path), metavar="IN")
@click.argument("target", type=click.Path(dir_okay=False, path_type=Path), metavar="OUT")
@click.option("--from", "from_format", type=click.Choice(_READABLE), help="Format of IN (default: from its extension and content).")
@click.option("--to", "to_format", type=click.Choice(_WRITABLE), help="Format of OUT (default: from its extension).")
@click.option("--force", is_flag=True, help="Replace OUT (and its companion files) if they exist.")
@json_option
@expected_errors
def convert(source: Path, target: Path, from_format: str | None, to_format: str | None, force: bool, as_json: bool) -> None:
    """Convert the graph in IN to OUT, in any formats mechgraph reads and writes.

    Prints what the import could not map (counts per kind) and what OUT's format cannot carry.
    `mechgraph formats` lists the formats. Exit 1 when IN is invalid or OUT exists (without
    --force), 2 when IN cannot be read or a format is unknown.
    """
    imported = read(source, format=from_format)
    problems = check_graph(imported.graph)
    if problems:
        raise DataError(problems)
    written = write(imported.graph, target, format=to_format, force=force)
    if as_json:
        emit_json({"read": {"file": str(source), **imported.to_dict()}, "written": written.to_dict()})
        return
    graph = imported.graph
    click.echo(f"{source} ({imported.format}): {graph.number_of_nodes()} nodes, {graph.number_of_edges()} relations")
    for line in imported.report_lines():
        click.echo(f"  {line}")
    extra = f" (with {', '.join(str(p) for p in written.files[1:])})" if len(written.files) > 1 else ""
    click.echo(f"{written.path} ({written.format}) written{extra}")
    for line in written.report_lines():
        click.echo(f"  {line}")


@cli.command("formats")
@json_option
def formats_command(as_json: bool) -> None:
    """The file formats mechgraph reads and writes, with their extensions."""
    rows = [
        {
            "name": f.name,
            "title": f.title,
            "extensions": list(f.extensions),
            "read": f.reader is not None,
            "write": f.writer is not None,
            "cannot_carry": f.cannot_carry,
        }
        for f in formats()
    ]
    if as_json:
        emit_json(rows)
        return
    for row in rows:
        modes = "read+write" if row["write"] and row["read"] else "read" if row["read"] else "write"
        extensions = " ".join(str(extension) for extension in row["extensions"])  # type: ignore[attr-defined]
        click.echo(f"{row['name']:<9} {modes:<11} {extensions:<16} {row['title']}")
