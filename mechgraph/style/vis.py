"""vis-network options of the HTML export: node groups by kind and the network's options."""

from __future__ import annotations

from typing import Any

from ..vocabulary import NodeKind
from .looks import LABEL_FONT_SIZE, LABEL_MIN_PIXELS, OTHER_KIND, node_style
from .palette import Theme, theme_colours

#: Parallel relations between two nodes bend apart: vis-network roundness per unit of bend.
BEND_ROUNDNESS = 0.2


def vis_groups(theme: Theme | str = Theme.LIGHT) -> dict[str, dict[str, Any]]:
    """vis-network ``groups`` options: one group per node kind, plus "other".

    >>> vis_groups()["process"]["shape"]
    'square'
    """
    groups = {kind.value: node_style(kind, theme).vis() for kind in NodeKind}
    groups[OTHER_KIND] = node_style(None, theme).vis()
    return groups


def vis_options(theme: Theme | str = Theme.LIGHT, *, physics: bool = False, hover: bool = True, large: bool = False) -> dict[str, Any]:
    """vis-network options for a precomputed layout (physics off unless asked).

    ``large`` hides edges while dragging and zooming, so that a 10,000-node graph stays fluid.

    >>> options = vis_options("dark")
    >>> options["physics"]["enabled"], options["edges"]["smooth"], options["layout"]["improvedLayout"]
    (False, False, False)
    """
    colours = theme_colours(theme)
    groups = vis_groups(theme)
    if large:  # zoomed out on thousands of nodes, a full border would hide each node's colour
        for group in groups.values():
            group["borderWidth"] = 0.5
    return {
        "autoResize": True,
        "edges": {
            "arrowStrikethrough": False,
            "selectionWidth": 2,
            "hoverWidth": 1,
            "smooth": False,
        },
        "groups": groups,
        "interaction": {
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "hover": hover,
            "keyboard": {"enabled": True, "bindToWindow": False},
            "multiselect": True,
            "navigationButtons": False,
            "tooltipDelay": 150,
        },
        "layout": {"improvedLayout": False, "randomSeed": 0},
        "nodes": {
            "font": {"color": colours.text, "face": colours.font_family, "size": LABEL_FONT_SIZE},
            "scaling": {"label": {"drawThreshold": LABEL_MIN_PIXELS}},
        },
        "physics": {
            "enabled": physics,
            "solver": "barnesHut",
            "barnesHut": {"springLength": 120, "avoidOverlap": 0.2},
            "stabilization": {"enabled": physics, "iterations": 200, "fit": True},
        },
    }
