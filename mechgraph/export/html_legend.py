"""The legend column of an HTML export's page, as HTML: node kinds, relation looks, reasoning
marks and measured values, each with a swatch drawn as inline SVG."""

from __future__ import annotations

import html

from ..style import DASH_PATTERN, LegendEntry, Theme, legend_entries, mark_legend, mark_look, theme_colours
from .html_data import BOX_LIMIT
from .view import Figure


def _legend_html(figure: Figure) -> str:
    entries = legend_entries(figure.theme, kinds=figure.kinds, signs=figure.signs, mechanisms=figure.mechanisms, boxes=len(figure.nodes) <= BOX_LIMIT)
    items = []
    for group, heading in (("node", "Nodes"), ("relation", "Relations")):
        chosen = [entry for entry in entries if entry.group == group]
        if not chosen:
            continue
        items.append(f'<h3>{heading}</h3><ul class="mechgraph-legend-{group}">')
        for entry in chosen:
            items.append(
                f'<li data-key="{html.escape(entry.key)}" title="{html.escape(entry.description)}">'
                f"{_swatch(entry, figure.theme)}<span>{html.escape(entry.label)}</span></li>"
            )
        items.append("</ul>")
    marks = mark_legend(figure.marks, figure.theme)
    if marks:
        items.append('<h3>Perturbation</h3><ul class="mechgraph-legend-response">')
        for entry in marks:
            look = mark_look(entry.key, figure.theme)
            dash = f' stroke-dasharray="{",".join(f"{d:g}" for d in look.dashes)}"' if look is not None and look.dashes else ""
            fill = look.fill if look is not None and look.fill else theme_colours(figure.theme).background
            items.append(
                f'<li data-key="{html.escape(entry.key)}" title="{html.escape(entry.description)}">'
                '<svg class="mechgraph-swatch mechgraph-swatch-box" width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">'
                f'<rect x="1.5" y="1.5" width="19" height="11" rx="3" fill="{fill}" stroke="{entry.colour}" stroke-width="2"{dash}/></svg>'
                f"<span>{html.escape(entry.label)}</span></li>"
            )
        items.append("</ul>")
    if figure.scale:
        items.append('<h3>Measured values</h3><ul class="mechgraph-legend-measured">')
        for value, colour in figure.scale:
            items.append(
                '<li><svg class="mechgraph-swatch mechgraph-swatch-box" width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">'
                f'<rect x="1" y="1" width="20" height="12" rx="3" fill="{colour}" stroke="{theme_colours(figure.theme).node_border}" stroke-width="1"/></svg>'
                f"<span>{value:+g}</span></li>"
            )
        items.append("</ul>")
    return "".join(items)


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
