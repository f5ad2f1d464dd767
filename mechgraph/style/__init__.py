"""The one visual vocabulary of mechgraph: colours, shapes, arrowheads, dashes, themes, legend.

Every renderer reads its look from here and nowhere else: the dash-cytoscape stylesheet of the
dashboard (:func:`cytoscape_stylesheet`), the vis-network options of the HTML export
(:func:`vis_options`, :func:`vis_groups`, :meth:`EdgeStyle.vis`), the matplotlib drawing of the
image export (:meth:`NodeStyle.matplotlib`, :meth:`EdgeStyle.matplotlib`) and the legend of all of
them (:func:`legend_entries`). A colour, a shape or an arrowhead is written once, in the tables
of this package; each renderer only translates the renderer-neutral :class:`Shape` and :class:`ArrowHead`
into its own names.

The conventions are those of pathway diagrams: a node kind has a colour *and* a shape (so kinds stay
apart in greyscale and for colour-blind readers); an activation ends in an arrow, an inhibition in
a tee (bar); an unsigned relation is grey with an open chevron; an indirect relation is dashed.
Colours come from the Okabe-Ito palette, which stays distinct under the common colour-vision
deficiencies.

The package has one module per topic: :mod:`~mechgraph.style.palette` (themes and colours),
:mod:`~mechgraph.style.shapes` (shapes, arrowheads, dashes), :mod:`~mechgraph.style.looks` (how a
node kind and a relation look), :mod:`~mechgraph.style.legend`, :mod:`~mechgraph.style.vis` and
:mod:`~mechgraph.style.cytoscape` (each renderer's options), :mod:`~mechgraph.style.marks`
(reasoning marks); every name is also importable from :mod:`mechgraph.style`.

Examples
--------
>>> node_style(NodeKind.AGENT).shape
<Shape.DIAMOND: 'diamond'>
>>> edge_style(Sign.DECREASES, Mechanism.INDIRECT).head.vis
'bar'
>>> edge_style(Sign.DECREASES, Mechanism.INDIRECT).dashed
True
>>> [entry.label for entry in legend_entries(Theme.LIGHT) if entry.group == "relation"]
['increases (activation)', 'decreases (inhibition)', 'unsigned', 'direct', 'indirect']
"""

from __future__ import annotations

from ..vocabulary import Mechanism, NodeKind, Sign  # noqa: F401  (the examples above use them)
from .cytoscape import cytoscape_stylesheet
from .legend import LegendEntry, legend_entries
from .looks import FIT_MAX_ZOOM, LABEL_FONT_SIZE, LABEL_MIN_PIXELS, OTHER_KIND, BoxLook, EdgeStyle, NodeStyle, box_look, edge_style, node_style
from .marks import (
    COMPARE_SIDES,
    RESPONSE_GLYPHS,
    RESPONSES,
    DivergingScale,
    MarkLook,
    mark_legend,
    mark_look,
    reasoning_edge_style,
    reasoning_node_style,
    response_badge,
    response_colour,
    response_legend,
)
from .palette import FADED_OPACITY, Palette, Theme, ThemeColours, faded, theme_colours
from .shapes import DASH_PATTERN, ArrowHead, Shape
from .vis import BEND_ROUNDNESS, vis_groups, vis_options

__all__ = [
    "ArrowHead",
    "BoxLook",
    "DivergingScale",
    "RESPONSES",
    "box_look",
    "BEND_ROUNDNESS",
    "DASH_PATTERN",
    "FIT_MAX_ZOOM",
    "LABEL_FONT_SIZE",
    "LABEL_MIN_PIXELS",
    "OTHER_KIND",
    "EdgeStyle",
    "LegendEntry",
    "NodeStyle",
    "Palette",
    "Shape",
    "Theme",
    "ThemeColours",
    "cytoscape_stylesheet",
    "edge_style",
    "legend_entries",
    "node_style",
    "COMPARE_SIDES",
    "reasoning_edge_style",
    "reasoning_node_style",
    "response_colour",
    "response_legend",
    "theme_colours",
    "vis_groups",
    "vis_options",
    "FADED_OPACITY",
    "MarkLook",
    "RESPONSE_GLYPHS",
    "faded",
    "mark_legend",
    "mark_look",
    "response_badge",
]
