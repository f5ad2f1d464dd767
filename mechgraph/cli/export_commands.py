"""``mechgraph export``: the graph, or a focused and filtered view of it, as HTML, SVG, PNG or PDF."""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import NoReturn, TypeVar

import click

from ..errors import QueryError
from ..export import FORMATS, RENDERERS, SIZE_PRESETS, WEBGL_THRESHOLD, ExportError, Size, export, format_of
from ..fileio import WriteError
from ..layout import Layout, Orientation
from ..query import resolve_node
from ..query.filterspec import query_arguments
from ..query.overlay import map_overlay, read_overlay
from ..style import Theme
from ..vocabulary import Direction
from ._base import EXIT_USAGE, FilteredCommand, cli, emit_json, expected_errors, graph_option, json_option, load_graph_file

_FC = TypeVar("_FC", bound=Callable[..., object])


def _choice(values: list[str]) -> click.Choice:
    return click.Choice(values, case_sensitive=False)


def _enum_option(name: str, default: StrEnum, help: str) -> Callable[[_FC], _FC]:
    """An option that takes one value of ``default``'s enum (any case), ``default`` unless given."""
    return click.option(name, default=default.value, show_default=True, type=_choice([member.value for member in type(default)]), help=help)


def _usage_error(message: str) -> NoReturn:
    click.echo(f"mechgraph: {message}", err=True)
    sys.exit(EXIT_USAGE)


# The filters' options (--kind, --sign, ..., --context) come from the filter table, after --direction.
@cli.command("export", cls=FilteredCommand, filters_after="direction")
@click.option(
    "-o",
    "--output",
    "output",
    required=True,
    type=click.Path(path_type=Path),
    metavar="OUT",
    help=f"Output file; its extension chooses the format ({', '.join('.' + f for f in FORMATS)}).",
)
@graph_option
@click.option("--focus", multiple=True, metavar="NODE", help="Show only what lies around NODE (id, label or synonym); repeat for several.")
@click.option("--depth", default=1, show_default=True, type=click.IntRange(0, 50), help="How many relations around the focus.")
@_enum_option("--direction", Direction.BOTH, "up: what leads to the focus; down: what it leads to; both.")
@_enum_option("--layout", Layout.LAYERED, "layered: agent -> target -> cell -> process -> outcome; force; compact (small views).")
@_enum_option("--orientation", Orientation.LEFT_RIGHT, "Flow of the layered layout.")
@click.option(
    "--size",
    "size",
    default="1280x720",
    show_default=True,
    metavar="WxH",
    help=f"Page size in pixels: {', '.join(sorted(set(str(s) for s in SIZE_PRESETS.values())))} or any WIDTHxHEIGHT.",
)
@_enum_option("--theme", Theme.LIGHT, "Colour theme.")
@click.option("--title", default=None, help="Title on the page (default: the graph's title).")
@click.option("--physics", is_flag=True, help="HTML: let the layout relax in the browser (graphs up to 1,000 nodes).")
@click.option("--labels/--no-labels", default=None, help="Images: draw node labels always / never (default: when legible).")
@click.option("--seed", default=0, show_default=True, type=int, help="Seed of the force and compact layouts.")
@click.option(
    "--scale",
    default=1.0,
    show_default=True,
    type=click.FloatRange(0.25, 8),
    help="PNG: pixels per page pixel; 2 for a sharp slide, 3 makes 1280x720 a 4K image (3840x2160).",
)
@click.option(
    "--overview/--every-node",
    "overview",
    default=None,
    help="Draw the overview (the most connected nodes by name, the rest in groups with counts) / every node. "
    "Default: the overview for a whole map of more than 40 nodes, every node otherwise.",
)
@click.option("--give", multiple=True, metavar="NODE", help="Perturb: give NODE (repeatable); the nodes it reaches are drawn up, down or conflicting.")
@click.option("--block", multiple=True, metavar="NODE", help="Perturb: block NODE (repeatable).")
@click.option(
    "--overlay",
    "overlay_file",
    type=click.Path(path_type=Path),
    metavar="TABLE",
    help="CSV/TSV of measured node values (docs/reasoning.md): nodes filled on a diverging scale; unmapped rows are listed.",
)
@click.option(
    "--renderer",
    default="auto",
    show_default=True,
    type=_choice(list(RENDERERS)),
    help=f"HTML: vis (vis-network), webgl (WebGL, for large views) or auto (webgl from {WEBGL_THRESHOLD:,} nodes).",
)
@click.option("--force", is_flag=True, help="Overwrite OUT if it exists.")
@json_option
@expected_errors
def export_command(
    output: Path,
    graph_file: Path | None,
    focus: tuple[str, ...],
    depth: int,
    direction: str,
    layout: str,
    orientation: str,
    size: str,
    theme: str,
    title: str | None,
    physics: bool,
    labels: bool | None,
    seed: int,
    scale: float,
    overview: bool | None,
    give: tuple[str, ...],
    block: tuple[str, ...],
    overlay_file: Path | None,
    renderer: str,
    force: bool,
    as_json: bool,
    **filter_words: tuple[str, ...],
) -> None:
    """Export the graph, or a view of it, for slides: a self-contained HTML page, SVG, PNG or PDF.

    The HTML page works offline (every script inline, no request leaves the file) and has a
    legend, a node search and each relation's evidence; the same input gives the same bytes.
    Exit 1 when a focus node is not found or nothing is left to export, 2 when OUT cannot be
    written or an option is wrong.
    """
    try:
        format_of(output)
        page = Size.parse(size)
        filters = query_arguments(filter_words)
    except (ExportError, QueryError) as error:
        _usage_error(str(error))
    graph = load_graph_file(graph_file)
    given = [resolve_node(graph, name) for name in give]
    blocked = [resolve_node(graph, name) for name in block]
    measured: dict[str, float] | None = None
    if overlay_file is not None:
        mapped = map_overlay(graph, read_overlay(overlay_file))
        measured = {node: m.value for node, m in mapped.values.items()}
        for row in mapped.unused:  # never dropped silently
            click.echo(f"{overlay_file}:{row.line}: {row.name!r} not drawn: {row.reason}", err=True)
    try:
        result = export(
            graph,
            output,
            focus=list(focus) or None,
            depth=depth,
            direction=direction,
            filters=filters,
            layout=layout,
            orientation=orientation,
            size=page,
            theme=theme,
            title=title,
            physics=physics,
            labels=labels,
            seed=seed,
            scale=scale,
            overview=overview,
            give=given,
            block=blocked,
            overlay=measured,
            renderer=renderer.lower(),
            force=force,
        )
    except WriteError as error:
        _usage_error(str(error))
    if as_json:
        emit_json(result.to_dict())
    else:
        click.echo(
            f"{result.path} ({result.format}, {result.size}, {result.theme}, {'overview' if result.overview else result.layout + ' layout'}): "
            f"{result.nodes} nodes, {result.relations} relations, {result.bytes:,} bytes"
        )
