"""The dash-cytoscape stylesheet of the dashboard."""

from __future__ import annotations

from typing import Any

from ..vocabulary import Attr, Mechanism, NodeKind, Sign
from .looks import edge_style, node_style
from .palette import FADED_OPACITY, Theme, theme_colours
from .shapes import DASH_PATTERN


def cytoscape_stylesheet(theme: Theme | str = Theme.LIGHT) -> list[dict[str, Any]]:
    """The dash-cytoscape stylesheet: nodes by ``kind``, edges by ``sign`` and ``mechanism``.

    Elements carry the graph's attribute names in their data (``kind``, ``sign``,
    ``mechanism``, ``label``); the classes ``faded`` and ``highlighted`` are for views that
    emphasise a path or a neighbourhood.

    >>> sheet = cytoscape_stylesheet()
    >>> [rule["style"]["target-arrow-shape"] for rule in sheet if rule["selector"].startswith("edge[sign")]
    ['triangle', 'tee', 'chevron']
    >>> next(r for r in sheet if r["selector"] == 'node[kind = "therapy"]')["style"]["shape"]
    'polygon'
    """
    colours = theme_colours(theme)
    other = node_style(None, theme)
    neutral = edge_style(Sign.UNKNOWN, None, theme)
    sheet: list[dict[str, Any]] = [
        {
            "selector": "node",
            "style": {
                "label": f"data({Attr.LABEL.value})",
                **other.cytoscape(),
                "border-width": 1,
                "border-color": colours.node_border,
                "color": colours.text,
                "font-family": colours.font_family,
                "font-size": 12,
                "text-valign": "bottom",
                "text-halign": "center",
                "text-margin-y": 4,
                "text-wrap": "wrap",
                "text-max-width": "140px",
            },
        }
    ]
    for kind in NodeKind:
        sheet.append({"selector": f'node[{Attr.KIND.value} = "{kind.value}"]', "style": node_style(kind, theme).cytoscape()})
    sheet.append(
        {
            "selector": "edge",
            "style": {"curve-style": "bezier", "arrow-scale": 1.1, **neutral.cytoscape()},
        }
    )
    for sign in (Sign.INCREASES, Sign.DECREASES, Sign.UNKNOWN):
        style = edge_style(sign, None, theme).cytoscape()
        style.pop("line-style")
        style.pop("line-dash-pattern")
        sheet.append({"selector": f"edge[{Attr.SIGN.value} = {int(sign)}]", "style": style})
    sheet.append(
        {
            "selector": f'edge[{Attr.MECHANISM.value} = "{Mechanism.INDIRECT.value}"]',
            "style": {"line-style": "dashed", "line-dash-pattern": list(DASH_PATTERN)},
        }
    )
    # A hedged relation ("X may inhibit Y") says so on the line.
    sheet.append(
        {
            "selector": f"edge[{Attr.HEDGED.value} = 1]",
            "style": {
                "label": "may",
                "font-size": 11,
                "font-style": "italic",
                "color": colours.muted_text,
                "text-background-color": colours.background,
                "text-background-opacity": 1,
                "text-rotation": "autorotate",
            },
        }
    )
    sheet.extend(
        [
            {
                "selector": "node:selected",
                "style": {"border-width": 3, "border-color": colours.selection},
            },
            {"selector": "edge:selected", "style": {"width": 3}},
            {"selector": ".faded", "style": {"opacity": FADED_OPACITY}},
            {"selector": "node.highlighted", "style": {"border-width": 3, "border-color": colours.selection}},
            {"selector": "edge.highlighted", "style": {"width": 3}},
        ]
    )
    return sheet
