"""The legend column of an HTML export's page, as HTML: node kinds, relation looks, reasoning
marks and measured values, each with a swatch drawn as inline SVG."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from typing import NamedTuple

from ..style import DASH_PATTERN, LegendEntry, Theme, legend_entries, mark_legend, mark_look, theme_colours
from .html_data import BOX_LIMIT
from .view import Figure


class Swatches(NamedTuple):
    """How one page draws the legend's swatches: an entry's (node kind or relation look), a
    reasoning mark's and a measured value's (its colour). Each returns inline SVG."""

    entry: Callable[[LegendEntry, Theme], str]
    mark: Callable[[LegendEntry, Theme], str]
    measured: Callable[[str, Theme], str]


def legend_html(figure: Figure, swatches: Swatches, *, mechanisms: Sequence[str], boxes: bool) -> str:
    """The legend of ``figure`` as HTML, one list per section (nodes, relations, perturbation marks,
    measured values; an empty section is left out), each item its swatch and its escaped label.
    Both pages build their legend here and differ only in ``swatches`` and in the entries they list:
    ``mechanisms`` (the relation mechanisms drawn, dashed or solid) and ``boxes`` (nodes drawn as boxes)."""
    theme = figure.theme
    entries = legend_entries(theme, kinds=figure.kinds, signs=figure.signs, mechanisms=mechanisms, boxes=boxes)
    items: list[str] = []
    for group, heading in (("node", "Nodes"), ("relation", "Relations")):
        chosen = [entry for entry in entries if entry.group == group]
        items += _section(heading, group, [_item(swatches.entry(entry, theme), entry.label, entry) for entry in chosen])
    marks = mark_legend(figure.marks, theme)
    items += _section("Perturbation", "response", [_item(swatches.mark(entry, theme), entry.label, entry) for entry in marks])
    items += _section("Measured values", "measured", [_item(swatches.measured(colour, theme), f"{value:+g}") for value, colour in figure.scale])
    return "".join(items)


def _section(heading: str, name: str, items: list[str]) -> list[str]:
    return [f'<h3>{heading}</h3><ul class="mechgraph-legend-{name}">', *items, "</ul>"] if items else []


def _item(swatch: str, label: str, entry: LegendEntry | None = None) -> str:
    about = f' data-key="{html.escape(entry.key)}" title="{html.escape(entry.description)}"' if entry is not None else ""
    return f"<li{about}>{swatch}<span>{html.escape(label)}</span></li>"


def _legend_html(figure: Figure) -> str:
    """The vis-network page's legend: node kinds by shape (boxes for a small view), relations by sign and mechanism."""
    return legend_html(figure, VIS_SWATCHES, mechanisms=figure.mechanisms, boxes=len(figure.nodes) <= BOX_LIMIT)


def _mark_swatch(entry: LegendEntry, theme: Theme) -> str:
    look = mark_look(entry.key, theme)
    dash = f' stroke-dasharray="{",".join(f"{d:g}" for d in look.dashes)}"' if look is not None and look.dashes else ""
    fill = look.fill if look is not None and look.fill else theme_colours(theme).background
    return (
        '<svg class="mechgraph-swatch mechgraph-swatch-box" width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">'
        f'<rect x="1.5" y="1.5" width="19" height="11" rx="3" fill="{fill}" stroke="{entry.colour}" stroke-width="2"{dash}/></svg>'
    )


def _measured_swatch(colour: str, theme: Theme) -> str:
    return (
        '<svg class="mechgraph-swatch mechgraph-swatch-box" width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">'
        f'<rect x="1" y="1" width="20" height="12" rx="3" fill="{colour}" stroke="{theme_colours(theme).node_border}" stroke-width="1"/></svg>'
    )


def _swatch(entry: LegendEntry, theme: Theme) -> str:
    colours = theme_colours(theme)
    if entry.box is not None:
        return (
            '<svg class="mechgraph-swatch mechgraph-swatch-box" width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">'
            f'<rect x="1" y="1" width="20" height="12" rx="3" fill="{entry.box.fill}" stroke="{entry.box.border}" stroke-width="1.5"/></svg>'
        )
    if entry.shape is not None:
        points = " ".join(f"{x:g},{y:g}" for x, y in entry.shape.outline())
        return (
            '<svg class="mechgraph-swatch" width="18" height="18" viewBox="-1.25 -1.25 2.5 2.5" aria-hidden="true">'
            f'<polygon points="{points}" fill="{entry.colour}" stroke="{colours.node_border}" stroke-width="0.12"/></svg>'
        )
    dash = f' stroke-dasharray="{DASH_PATTERN[0]},{DASH_PATTERN[1]}"' if entry.dashed else ""
    line_end = 40.0
    head = ""
    if entry.head is not None:
        outline = [(x + 40.0, y + 7.0) for x, y in entry.head.outline(8.0, 8.0)]
        points = " ".join(f"{x:g},{y:g}" for x, y in outline)
        if entry.head.filled:
            line_end = 33.0
            head = f'<polygon points="{points}" fill="{entry.colour}"/>'
        else:
            head = f'<polyline points="{points}" fill="none" stroke="{entry.colour}" stroke-width="1.6"/>'
    return (
        '<svg class="mechgraph-swatch" width="44" height="14" viewBox="0 0 44 14" aria-hidden="true">'
        f'<line x1="2" y1="7" x2="{line_end:g}" y2="7" stroke="{entry.colour}" stroke-width="1.6"{dash}/>{head}</svg>'
    )


#: The vis-network page's swatches: each node kind's shape or box, each relation's line and head.
VIS_SWATCHES = Swatches(entry=_swatch, mark=_mark_swatch, measured=_measured_swatch)
