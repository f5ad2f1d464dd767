"""The one visual vocabulary of mechgraph: colours, shapes, arrowheads, dashes, themes, legend.

Every renderer reads its look from here and nowhere else: the dash-cytoscape stylesheet of the
dashboard (:func:`cytoscape_stylesheet`), the vis-network options of the HTML export
(:func:`vis_options`, :func:`vis_groups`, :meth:`EdgeStyle.vis`), the matplotlib drawing of the
image export (:meth:`NodeStyle.matplotlib`, :meth:`EdgeStyle.matplotlib`) and the legend of all of
them (:func:`legend_entries`). A colour, a shape or an arrowhead is written once, in the tables
below; each renderer only translates the renderer-neutral :class:`Shape` and :class:`ArrowHead`
into its own names.

The conventions are those of pathway diagrams: a node kind has a colour *and* a shape (so kinds stay
apart in greyscale and for colour-blind readers); an activation ends in an arrow, an inhibition in
a tee (bar); an unsigned relation is grey with an open chevron; an indirect relation is dashed.
Colours come from the Okabe-Ito palette, which stays distinct under the common colour-vision
deficiencies.

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

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any
from urllib.parse import quote

from .vocabulary import Attr, Mechanism, NodeKind, Sign

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
]


class Theme(StrEnum):
    """The two themes: dark text on white, and light text on near-black (for dark slides)."""

    LIGHT = "light"
    DARK = "dark"


class Palette(StrEnum):
    """The Okabe-Ito colour-blind-safe palette, plus two greys for the kinds that need no hue."""

    ORANGE = "#E69F00"
    SKY_BLUE = "#56B4E9"
    BLUISH_GREEN = "#009E73"
    YELLOW = "#F0E442"
    BLUE = "#0072B2"
    VERMILLION = "#D55E00"
    REDDISH_PURPLE = "#CC79A7"
    LIGHT_GREY = "#B0B0B0"
    DARK_GREY = "#6E6E6E"


class Shape(StrEnum):
    """A node shape, renderer-neutral; each renderer's name for it is a property."""

    CIRCLE = "circle"
    DIAMOND = "diamond"
    SQUARE = "square"
    TRIANGLE = "triangle"
    TRIANGLE_DOWN = "triangle_down"
    STAR = "star"
    HEXAGON = "hexagon"

    @property
    def vis(self) -> str:
        """The vis-network shape (one of those drawn with the label below the node)."""
        return _SHAPE_NAMES[self][0]

    @property
    def cytoscape(self) -> str:
        """The cytoscape.js shape; ``polygon`` shapes also need :attr:`cytoscape_points`."""
        return _SHAPE_NAMES[self][1]

    @property
    def marker(self) -> str:
        """The matplotlib marker."""
        return _SHAPE_NAMES[self][2]

    @property
    def cytoscape_points(self) -> str | None:
        """``shape-polygon-points`` for cytoscape shapes it has no name for."""
        if self.cytoscape != "polygon":
            return None
        return " ".join(f"{value:g}" for point in self.outline() for value in point)

    def outline(self) -> list[tuple[float, float]]:
        """The shape as a polygon in the unit box, y pointing down (as on a screen or in SVG).

        >>> Shape.TRIANGLE_DOWN.outline()
        [(-1.0, -1.0), (1.0, -1.0), (0.0, 1.0)]
        >>> len(Shape.CIRCLE.outline())
        24
        """
        if self is Shape.CIRCLE:
            return _regular_polygon(24, 1.0, 0.0)
        if self is Shape.DIAMOND:
            return [(0.0, -1.0), (1.0, 0.0), (0.0, 1.0), (-1.0, 0.0)]
        if self is Shape.SQUARE:
            return [(-0.85, -0.85), (0.85, -0.85), (0.85, 0.85), (-0.85, 0.85)]
        if self is Shape.TRIANGLE:
            return [(0.0, -1.0), (1.0, 1.0), (-1.0, 1.0)]
        if self is Shape.TRIANGLE_DOWN:
            return [(-1.0, -1.0), (1.0, -1.0), (0.0, 1.0)]
        if self is Shape.HEXAGON:
            return _regular_polygon(6, 1.0, 0.0)
        # a five-pointed star, its top point up
        points = []
        for index in range(10):
            radius = 1.0 if index % 2 == 0 else 0.45
            angle = -math.pi / 2 + index * math.pi / 5
            points.append((round(radius * math.cos(angle), 4), round(radius * math.sin(angle), 4)))
        return points


def _regular_polygon(corners: int, radius: float, start: float) -> list[tuple[float, float]]:
    return [
        (
            round(radius * math.cos(start + 2 * math.pi * k / corners), 4),
            round(radius * math.sin(start + 2 * math.pi * k / corners), 4),
        )
        for k in range(corners)
    ]


#: Shape -> (vis-network, cytoscape.js, matplotlib marker).
_SHAPE_NAMES: dict[Shape, tuple[str, str, str]] = {
    Shape.CIRCLE: ("dot", "ellipse", "o"),
    Shape.DIAMOND: ("diamond", "diamond", "D"),
    Shape.SQUARE: ("square", "rectangle", "s"),
    Shape.TRIANGLE: ("triangle", "triangle", "^"),
    Shape.TRIANGLE_DOWN: ("triangleDown", "polygon", "v"),
    Shape.STAR: ("star", "star", "*"),
    Shape.HEXAGON: ("hexagon", "hexagon", "h"),
}


class ArrowHead(StrEnum):
    """How a relation ends: an arrow (increases), a tee (decreases), an open chevron (unsigned)."""

    ARROW = "arrow"
    TEE = "tee"
    OPEN = "open"

    @property
    def vis(self) -> str:
        return _HEAD_NAMES[self][0]

    @property
    def cytoscape(self) -> str:
        return _HEAD_NAMES[self][1]

    @property
    def matplotlib(self) -> str:
        """The matplotlib ``ArrowStyle`` of the same look (for FancyArrowPatch users)."""
        return _HEAD_NAMES[self][2]

    @property
    def filled(self) -> bool:
        """Whether :meth:`outline` is a filled polygon (else it is drawn as a line)."""
        return self is ArrowHead.ARROW

    def outline(self, length: float, width: float) -> list[tuple[float, float]]:
        """The head drawn at the origin pointing along +x, for renderers that draw it themselves.

        The line of the relation ends at the origin. A filled head is a polygon; the others are
        open polylines.

        >>> ArrowHead.ARROW.outline(10, 8)
        [(0.0, 0.0), (-10.0, 4.0), (-10.0, -4.0)]
        >>> ArrowHead.TEE.outline(10, 8)
        [(0.0, -5.0), (0.0, 5.0)]
        """
        half = width / 2
        if self is ArrowHead.ARROW:
            return [(0.0, 0.0), (-float(length), half), (-float(length), -half)]
        if self is ArrowHead.TEE:
            return [(0.0, -half * 1.25), (0.0, half * 1.25)]
        return [(-float(length), -half), (0.0, 0.0), (-float(length), half)]


#: ArrowHead -> (vis-network, cytoscape.js, matplotlib ArrowStyle).
_HEAD_NAMES: dict[ArrowHead, tuple[str, str, str]] = {
    ArrowHead.ARROW: ("arrow", "triangle", "-|>"),
    ArrowHead.TEE: ("bar", "tee", "-["),
    ArrowHead.OPEN: ("vee", "chevron", "->"),
}

#: Dash and gap lengths (pixels) of an indirect relation, in every renderer.
DASH_PATTERN: tuple[int, int] = (6, 4)

#: Labels smaller than this many pixels on screen are not drawn (vis-network and images alike).
LABEL_MIN_PIXELS = 6

#: Font size of node labels in pixels at 100% zoom.
LABEL_FONT_SIZE = 14

#: Fitting a small view to the page enlarges it at most this much (HTML and images alike).
FIT_MAX_ZOOM = 1.6

#: Opacity of what is not on a chosen path (the rest of the view, faded), in every renderer.
FADED_OPACITY = 0.15



def faded(colour: str) -> str:
    """``colour`` (#RRGGBB) at :data:`FADED_OPACITY`, as CSS ``rgba()`` (for what a renderer cannot fade whole, like vis-network's labels).

    >>> faded("#1A1A1A")
    'rgba(26,26,26,0.15)'
    """
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{FADED_OPACITY:g})"


#: Parallel relations between two nodes bend apart: vis-network roundness per unit of bend.
BEND_ROUNDNESS = 0.2


@dataclass(frozen=True, slots=True)
class ThemeColours:
    """The colours of a theme that are not tied to a node kind or a sign."""

    background: str
    text: str
    muted_text: str
    panel: str  # legend, search and details panels
    panel_border: str
    node_border: str
    selection: str
    unsigned: str  # unsigned relations, and the neutral samples of the legend
    increases: str
    decreases: str
    link: str
    font_family: str = "DejaVu Sans, Helvetica, Arial, sans-serif"


_THEMES: dict[Theme, ThemeColours] = {
    Theme.LIGHT: ThemeColours(
        background="#FFFFFF",
        text="#1A1A1A",
        muted_text="#555555",
        panel="#FFFFFF",
        panel_border="#C8C8C8",
        node_border="#333333",
        selection="#000000",
        unsigned="#8C8C8C",
        increases=Palette.BLUE.value,
        decreases=Palette.VERMILLION.value,
        link=Palette.BLUE.value,
    ),
    Theme.DARK: ThemeColours(
        background="#1E1E1E",
        text="#EDEDED",
        muted_text="#AAAAAA",
        panel="#2A2A2A",
        panel_border="#555555",
        node_border="#D9D9D9",
        selection="#FFFFFF",
        unsigned="#9E9E9E",
        increases=Palette.SKY_BLUE.value,
        decreases=Palette.ORANGE.value,
        link=Palette.SKY_BLUE.value,
    ),
}


def theme_colours(theme: Theme | str = Theme.LIGHT) -> ThemeColours:
    """The colours of ``theme``.

    >>> theme_colours("dark").background
    '#1E1E1E'
    """
    return _THEMES[Theme(theme)]


@dataclass(frozen=True, slots=True)
class NodeStyle:
    """How a node kind looks: fill colour, shape, radius (pixels at 100% zoom), font size."""

    colour: str
    shape: Shape
    size: float
    border: str
    text: str
    font_size: float = LABEL_FONT_SIZE

    def vis(self) -> dict[str, Any]:
        """vis-network node options (used as a vis-network *group*)."""
        return {
            "borderWidth": 1,
            "borderWidthSelected": 3,
            "color": {
                "background": self.colour,
                "border": self.border,
                "highlight": {"background": self.colour, "border": self.border},
                "hover": {"background": self.colour, "border": self.border},
            },
            "font": {"color": self.text, "size": self.font_size},
            "shape": self.shape.vis,
            "size": self.size,
        }

    def cytoscape(self) -> dict[str, Any]:
        """cytoscape.js style properties."""
        style: dict[str, Any] = {
            "background-color": self.colour,
            "shape": self.shape.cytoscape,
            "width": 2 * self.size,
            "height": 2 * self.size,
        }
        if self.shape.cytoscape_points:
            style["shape-polygon-points"] = self.shape.cytoscape_points
        return style

    def matplotlib(self, *, scale: float = 1.0) -> dict[str, Any]:
        """Keyword arguments of ``Axes.scatter`` (``scale`` shrinks nodes when zoomed out).

        Pixels become points at 72/100, the image export drawing at 100 dots per inch.
        """
        diameter_points = 2 * self.size * scale * 0.72
        return {
            "marker": self.shape.marker,
            "s": diameter_points**2,
            "c": self.colour,
            "edgecolors": self.border,
            "linewidths": max(0.3, 0.72 * scale),
        }


@dataclass(frozen=True, slots=True)
class EdgeStyle:
    """How a relation looks: colour, arrowhead, dashed or solid, width (pixels)."""

    colour: str
    head: ArrowHead
    dashed: bool
    width: float = 1.5
    head_length: float = 10.0
    head_width: float = 8.0

    def vis(self) -> dict[str, Any]:
        """vis-network edge options."""
        return {
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.8, "type": self.head.vis}},
            "color": {"color": self.colour, "highlight": self.colour, "hover": self.colour, "inherit": False},
            "dashes": list(DASH_PATTERN) if self.dashed else False,
            "width": self.width,
        }

    def cytoscape(self) -> dict[str, Any]:
        """cytoscape.js style properties."""
        return {
            "line-color": self.colour,
            "target-arrow-color": self.colour,
            "target-arrow-shape": self.head.cytoscape,
            "line-style": "dashed" if self.dashed else "solid",
            "line-dash-pattern": list(DASH_PATTERN),
            "width": self.width,
        }

    def matplotlib(self, *, scale: float = 1.0) -> dict[str, Any]:
        """Line properties of a matplotlib patch or line (heads: :meth:`ArrowHead.outline`).

        ``scale`` thins lines when a large graph is drawn zoomed out.
        """
        width = max(0.4, self.width * 0.72 * min(1.0, scale * 2))
        return {
            "edgecolor": self.colour,
            "linewidth": width,
            "linestyle": (0, tuple(d * 0.72 / width for d in DASH_PATTERN)) if self.dashed else "solid",
        }


#: Node kind -> (colour, shape, radius in pixels).
_KIND_LOOKS: dict[NodeKind, tuple[Palette, Shape, float]] = {
    NodeKind.AGENT: (Palette.VERMILLION, Shape.DIAMOND, 16.0),
    NodeKind.METABOLITE: (Palette.ORANGE, Shape.DIAMOND, 12.0),
    NodeKind.TARGET: (Palette.BLUE, Shape.CIRCLE, 11.0),
    NodeKind.IMMUNE_CELL: (Palette.BLUISH_GREEN, Shape.HEXAGON, 14.0),
    NodeKind.NON_IMMUNE: (Palette.SKY_BLUE, Shape.HEXAGON, 14.0),
    NodeKind.PROCESS: (Palette.YELLOW, Shape.SQUARE, 11.0),
    NodeKind.OUTCOME: (Palette.REDDISH_PURPLE, Shape.STAR, 15.0),
    NodeKind.CONDITION: (Palette.LIGHT_GREY, Shape.TRIANGLE, 13.0),
    NodeKind.THERAPY: (Palette.DARK_GREY, Shape.TRIANGLE_DOWN, 13.0),
}

#: The look of a node without a (known) kind.
_OTHER_LOOK: tuple[str, Shape, float] = ("#9A9A9A", Shape.CIRCLE, 9.0)

#: The legend's name for nodes without a known kind.
OTHER_KIND = "other"


def node_style(kind: NodeKind | str | None, theme: Theme | str = Theme.LIGHT) -> NodeStyle:
    """The style of a node of ``kind`` (a neutral grey circle for an unknown or missing kind).

    >>> node_style("target").colour
    '#0072B2'
    >>> node_style("no such kind").shape
    <Shape.CIRCLE: 'circle'>
    """
    colours = theme_colours(theme)
    look = _KIND_LOOKS.get(kind) if isinstance(kind, str) else None  # type: ignore[call-overload]
    if look is None:
        fill, shape, size = _OTHER_LOOK
    else:
        fill, shape, size = look[0].value, look[1], look[2]
    return NodeStyle(colour=fill, shape=shape, size=size, border=colours.node_border, text=colours.text)


_SIGN_HEADS: dict[Sign, ArrowHead] = {
    Sign.INCREASES: ArrowHead.ARROW,
    Sign.DECREASES: ArrowHead.TEE,
    Sign.UNKNOWN: ArrowHead.OPEN,
}

_SIGN_LABELS: dict[Sign, str] = {
    Sign.INCREASES: "increases (activation)",
    Sign.DECREASES: "decreases (inhibition)",
    Sign.UNKNOWN: "unsigned",
}


@dataclass(frozen=True, slots=True)
class BoxLook:
    """How a node looks as a labelled box (views laid out by cause and effect): a light tint of
    its kind's colour, a border in that colour, text in the theme's text colour."""

    fill: str
    border: str
    text: str


def _mix(colour: str, other: str, share: float) -> str:
    """``share`` of ``colour`` over ``other`` (both #RRGGBB)."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(share * x + (1 - share) * y):02X}" for x, y in zip(a, b))


def box_look(kind: NodeKind | str | None, theme: Theme | str = Theme.LIGHT) -> BoxLook:
    """The box look of a node of ``kind``: the kind's colour, tinted so that text on it reads.

    >>> box_look("target")
    BoxLook(fill='#BFDCEC', border='#0072B2', text='#1A1A1A')
    """
    colours = theme_colours(theme)
    colour = node_style(kind, theme).colour
    return BoxLook(fill=_mix(colour, colours.background, 0.25 if Theme(theme) is Theme.LIGHT else 0.35), border=colour, text=colours.text)


def _sign_colour(sign: Sign, colours: ThemeColours) -> str:
    return {Sign.INCREASES: colours.increases, Sign.DECREASES: colours.decreases}.get(sign, colours.unsigned)


def edge_style(
    sign: Sign | int | None, mechanism: Mechanism | str | None = None, theme: Theme | str = Theme.LIGHT
) -> EdgeStyle:
    """The style of a relation of ``sign`` and ``mechanism`` (None: unsigned, solid).

    >>> edge_style(1).head
    <ArrowHead.ARROW: 'arrow'>
    >>> edge_style(None, "direct").head.cytoscape
    'chevron'
    """
    signed = Sign.of(sign) if isinstance(sign, int) else Sign.UNKNOWN
    colours = theme_colours(theme)
    return EdgeStyle(
        colour=_sign_colour(signed, colours),
        head=_SIGN_HEADS[signed],
        dashed=mechanism is not None and str(mechanism) == Mechanism.INDIRECT.value,
        width=1.0 if signed is Sign.UNKNOWN else 1.5,
    )


@dataclass(frozen=True, slots=True)
class LegendEntry:
    """One line of a legend: a node kind (as the nodes are drawn: a tinted box, or the kind's
    shape in an overview of many nodes) or a relation look (head, dash)."""

    group: str  # "node" or "relation"
    key: str  # the node kind, the sign word, or the mechanism
    label: str
    description: str
    colour: str
    shape: Shape | None = None  # a node kind drawn as a small shape
    head: ArrowHead | None = None
    dashed: bool = False
    box: BoxLook | None = None  # a node kind drawn as a labelled box: its fill, border and text colours


def legend_entries(
    theme: Theme | str = Theme.LIGHT,
    *,
    kinds: Iterable[str] | None = None,
    signs: Iterable[int] | None = None,
    mechanisms: Iterable[str] | None = None,
    boxes: bool = True,
) -> list[LegendEntry]:
    """The legend: node kinds, then relation signs, then direct vs indirect.

    ``kinds``, ``signs`` and ``mechanisms`` restrict the legend to what a view shows; None
    shows every entry. A kind outside the vocabulary appears once, as "other". With ``boxes``
    (views drawn as labelled boxes, the usual case) a kind's entry is its box look
    (:func:`box_look`) and has no shape; without, it is the kind's shape (overviews drawn as
    small shapes). Every renderer draws its legend from these entries, so the legend shows
    what is drawn.

    >>> [e.key for e in legend_entries(kinds=["target", "agent"], signs=[-1], mechanisms=[])]
    ['agent', 'target', 'decreases']
    >>> entry = legend_entries(kinds=["target"], signs=[], mechanisms=[])[0]
    >>> entry.box == box_look("target"), entry.shape
    (True, None)
    >>> legend_entries(kinds=["target"], signs=[], mechanisms=[], boxes=False)[0].shape
    <Shape.CIRCLE: 'circle'>
    """
    colours = theme_colours(theme)
    entries: list[LegendEntry] = []
    wanted_kinds = None if kinds is None else {str(kind) for kind in kinds}
    for kind in NodeKind:
        if wanted_kinds is None or kind.value in wanted_kinds:
            style = node_style(kind, theme)
            entries.append(
                LegendEntry(
                    "node", kind.value, kind.value.replace("_", " "), kind.description, style.colour,
                    None if boxes else style.shape, box=box_look(kind, theme) if boxes else None,
                )
            )
    if wanted_kinds is not None and wanted_kinds - {kind.value for kind in NodeKind}:
        style = node_style(None, theme)
        entries.append(
            LegendEntry(
                "node", OTHER_KIND, OTHER_KIND, "node of another kind", style.colour,
                None if boxes else style.shape, box=box_look(None, theme) if boxes else None,
            )
        )
    wanted_signs = None if signs is None else {Sign.of(sign) for sign in signs}
    for sign in (Sign.INCREASES, Sign.DECREASES, Sign.UNKNOWN):
        if wanted_signs is None or sign in wanted_signs:
            drawn = edge_style(sign, Mechanism.DIRECT, theme)
            description = f"relation whose sign is {sign.word}" if sign is not Sign.UNKNOWN else "relation without a sign"
            entries.append(
                LegendEntry("relation", sign.word, _SIGN_LABELS[sign], description, drawn.colour, head=drawn.head)
            )
    wanted_mechanisms = None if mechanisms is None else {str(m) for m in mechanisms}
    for mechanism in Mechanism:
        if wanted_mechanisms is None or mechanism.value in wanted_mechanisms:
            entries.append(
                LegendEntry(
                    "relation",
                    mechanism.value,
                    mechanism.value,
                    "solid line: on a component of immune cells"
                    if mechanism is Mechanism.DIRECT
                    else "dashed line: through a non-immune component",
                    colours.unsigned,
                    dashed=mechanism is Mechanism.INDIRECT,
                )
            )
    return entries


def vis_groups(theme: Theme | str = Theme.LIGHT) -> dict[str, dict[str, Any]]:
    """vis-network ``groups`` options: one group per node kind, plus "other".

    >>> vis_groups()["process"]["shape"]
    'square'
    """
    groups = {kind.value: node_style(kind, theme).vis() for kind in NodeKind}
    groups[OTHER_KIND] = node_style(None, theme).vis()
    return groups


def vis_options(
    theme: Theme | str = Theme.LIGHT, *, physics: bool = False, hover: bool = True, large: bool = False
) -> dict[str, Any]:
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


# ------------------------------------------------------------------ reasoning: perturbation, data

#: The responses a perturbation predicts (see :mod:`mechgraph.query.perturb`), in legend order.
RESPONSES: tuple[str, ...] = ("up", "down", "conflicting", "unsigned")

_RESPONSE_TEXT = {
    "up": ("↑ up", "predicted to increase"),
    "down": ("↓ down", "predicted to decrease"),
    "conflicting": ("↕ conflicting", "reached with both signs"),
    "unsigned": ("? no sign", "reached only through an unsigned relation"),
}


def response_colour(response: str, theme: Theme | str = Theme.LIGHT) -> str:
    """The fill of a node a perturbation reaches: the sign colours of the relations for up and
    down (so an arrow and the node it raises share a colour), reddish purple for conflicting,
    the unsigned grey for no sign.

    >>> response_colour("up"), response_colour("down"), response_colour("conflicting")
    ('#0072B2', '#D55E00', '#CC79A7')
    """
    colours = theme_colours(theme)
    return {
        "up": colours.increases,
        "down": colours.decreases,
        "conflicting": Palette.REDDISH_PURPLE.value,
    }.get(str(response), colours.unsigned)


#: The glyph written before the label of a node a perturbation reaches, in exports (the dashboard
#: pins :func:`response_badge` instead), and before its legend line.
RESPONSE_GLYPHS: dict[str, str] = {"up": "↑", "down": "↓", "conflicting": "↕", "unsigned": "?", "given": "●"}


@dataclass(frozen=True, slots=True)
class MarkLook:
    """How an exported box shows a reasoning mark: fill, border colour and width, a dashed or
    dotted border (conflicting, unsigned: apart without colour), the glyph before the label."""

    fill: str
    border: str
    width: float
    dashes: tuple[float, ...]
    glyph: str


def mark_look(mark: str, theme: Theme | str = Theme.LIGHT, *, fill: str = "") -> MarkLook | None:
    """The look of a node's reasoning mark in the exports (HTML and images), the same colours as
    :func:`reasoning_node_style` on the dashboard; None for no mark and no fill.

    >>> look = mark_look("down")
    >>> look.border, look.glyph, look.dashes
    ('#D55E00', '↓', ())
    >>> mark_look("conflicting").dashes, mark_look("", fill="#ABCDEF").fill
    ((5.0, 3.0), '#ABCDEF')
    >>> mark_look("") is None
    True
    """
    colours = theme_colours(theme)
    if mark in RESPONSES:
        colour = response_colour(mark, theme)
        dashes = {"conflicting": (5.0, 3.0), "unsigned": (1.5, 2.5)}.get(mark, ())
        return MarkLook(fill or _mix(colour, colours.background, 0.45), colour, 3.0, dashes, RESPONSE_GLYPHS[mark])
    if mark == "given":
        return MarkLook(fill or "", colours.selection, 4.0, (), RESPONSE_GLYPHS["given"])
    if fill:
        return MarkLook(fill, colours.node_border, 1.5, (), "")
    return None


def mark_legend(marks: Iterable[str], theme: Theme | str = Theme.LIGHT) -> list[LegendEntry]:
    """Legend lines (group ``response``) for the marks a figure shows, in legend order."""
    shown = set(marks)
    entries = [entry for entry in response_legend(theme) if entry.key in shown]
    if "given" in shown:
        entries.insert(0, LegendEntry("response", "given", "● given", "perturbed node (given or blocked)", theme_colours(theme).selection))
    return entries


def response_legend(theme: Theme | str = Theme.LIGHT) -> list[LegendEntry]:
    """Legend lines for a perturbation's colours (group ``response``)."""
    return [
        LegendEntry("response", key, _RESPONSE_TEXT[key][0], _RESPONSE_TEXT[key][1], response_colour(key, theme))
        for key in RESPONSES
    ]


@dataclass(frozen=True, slots=True)
class DivergingScale:
    """A diverging colour scale for measured values centred on 0: the decrease colour below, the
    increase colour above, the theme's background at 0. Its two ends are a blue and an orange of
    the Okabe-Ito palette (vermillion and blue in the light theme), a pair that stays apart under
    every common colour-vision deficiency, and lightness carries the magnitude, so it reads in
    greyscale too. Values beyond ``limit`` take the end colours.

    >>> scale = DivergingScale(2.0)
    >>> scale.colour(0), scale.colour(2), scale.colour(-5)
    ('#FFFFFF', '#0072B2', '#D55E00')
    >>> [value for value, _ in scale.legend(5)]
    [-2.0, -1.0, 0.0, 1.0, 2.0]
    """

    limit: float
    theme: Theme | str = Theme.LIGHT

    def colour(self, value: float) -> str:
        colours = theme_colours(self.theme)
        if not math.isfinite(value) or self.limit <= 0:
            return colours.background
        share = max(-1.0, min(1.0, value / self.limit))
        end = colours.increases if share > 0 else colours.decreases
        return _mix(end, colours.background, abs(share))

    def text_colour(self, value: float) -> str:
        """Text that stays readable on :meth:`colour` (light text on the darker ends)."""
        colours = theme_colours(self.theme)
        strong = math.isfinite(value) and self.limit > 0 and abs(value) / self.limit > 0.6
        return colours.background if strong and Theme(self.theme) is Theme.LIGHT else colours.text

    def legend(self, steps: int = 5) -> list[tuple[float, str]]:
        """``steps`` evenly spaced values from ``-limit`` to ``limit`` and their colours."""
        steps = max(2, steps)
        values = [-self.limit + 2 * self.limit * index / (steps - 1) for index in range(steps)]
        return [(round(value, 6), self.colour(value)) for value in values]


#: The sides of a comparison of two agents and their fills (Okabe-Ito, apart from the sign colours).
COMPARE_SIDES: dict[str, tuple[str, str]] = {
    "a": (Palette.ORANGE.value, "only the first agent reaches it"),
    "b": (Palette.SKY_BLUE.value, "only the second agent reaches it"),
    "shared": (Palette.BLUISH_GREEN.value, "both agents reach it"),
}


def reasoning_node_style(mark: str, theme: Theme | str = Theme.LIGHT, *, fill: str | None = None) -> dict[str, Any]:
    """cytoscape.js style properties that draw a reasoning result on a node of a view: a border in
    the mark's colour and a tint of it as the fill, so the label stays readable.

    ``mark`` is a response (``up``, ``down``, ``conflicting``, ``unsigned``), ``given`` (a
    perturbed node), a side of a comparison (``a``, ``b``, ``shared``), ``measured`` (a data
    value: pass its ``fill`` from :class:`DivergingScale`), or ``consistent`` / ``inconsistent``
    (a measured node, against a prediction: only the border changes, so the fill still shows the
    prediction). Conflicting, unsigned and inconsistent nodes also differ by border style, so
    they stay apart without colour.

    >>> reasoning_node_style("down")["border-color"]
    '#D55E00'
    >>> reasoning_node_style("inconsistent")["border-style"]
    'dotted'
    """
    colours = theme_colours(theme)
    if mark in RESPONSES:
        borders = {"conflicting": "dashed", "unsigned": "dotted"}
        colour = response_colour(mark, theme)
        drawn = {"background-color": _mix(colour, colours.background, 0.45), "background-opacity": 1, "border-width": 4,
                 "border-color": colour, "border-style": borders.get(mark, "solid")}  # fmt: skip
        return drawn | response_badge(mark, theme)
    if mark == "given":
        return {"border-width": 6, "border-style": "double", "border-color": colours.selection}
    if mark in COMPARE_SIDES:
        colour = COMPARE_SIDES[mark][0]
        return {"background-color": _mix(colour, colours.background, 0.45), "background-opacity": 1, "border-width": 4,
                "border-color": colour, "border-style": "solid"}  # fmt: skip
    if mark == "measured":
        return {"background-color": fill or colours.background, "background-opacity": 1, "border-width": 2, "border-color": colours.node_border}
    if mark == "consistent":
        return {"border-width": 6, "border-style": "solid", "border-color": colours.selection}
    if mark == "inconsistent":
        return {"border-width": 6, "border-style": "dotted", "border-color": colours.selection}
    raise ValueError(f"unknown reasoning mark {mark!r}")


#: The glyph of each response in its badge (drawn in white on the response colour), as SVG paths.
_BADGE_GLYPHS = {
    "up": "M8 3.5 L12.5 11 H3.5 Z",
    "down": "M8 12.5 L12.5 5 H3.5 Z",
    "conflicting": "M8 1.8 L11.5 7 H4.5 Z M8 14.2 L11.5 9 H4.5 Z",
}


def response_badge(mark: str, theme: Theme | str = Theme.LIGHT) -> dict[str, Any]:
    """cytoscape.js style properties that pin a small round badge with an arrow (up, down, both)
    to the top-left corner of a node a perturbation reaches: the response reads without colour
    and without changing the label, whose box the layout sized. Empty for other marks.

    >>> badge = response_badge("down")
    >>> badge["background-image"].startswith("data:image/svg+xml;utf8,"), badge["background-clip"]
    (True, 'none')
    >>> response_badge("unsigned")
    {}
    """
    glyph = _BADGE_GLYPHS.get(str(mark))
    if glyph is None:
        return {}
    colour, white = response_colour(mark, theme), "#FFFFFF"
    svg = (
        "<svg xmlns='http://www.w3.org/2000/svg' width='16' height='16' viewBox='0 0 16 16'>"
        f"<circle cx='8' cy='8' r='7.5' fill='{colour}' stroke='{white}' stroke-width='1'/><path d='{glyph}' fill='{white}'/></svg>"
    )
    return {
        "background-image": "data:image/svg+xml;utf8," + quote(svg, safe="/:=;,'"),
        "background-width": "16px",
        "background-height": "16px",
        "background-position-x": "-10px",
        "background-position-y": "-10px",
        "background-clip": "none",
        "background-image-containment": "over",
        "background-image-opacity": 1,
        "bounds-expansion": 12,
    }


def reasoning_edge_style(mark: str) -> dict[str, Any]:
    """cytoscape.js style properties of a relation in a story told on the view: the ``current``
    step drawn thick above the rest, the ``past`` steps a little thicker than the others (the
    sign colour and arrowhead stay, so the relation still reads as itself).

    >>> reasoning_edge_style("current")["width"] > reasoning_edge_style("past")["width"]
    True
    """
    return {"current": {"width": 6, "z-index": 20, "arrow-scale": 1.6}, "past": {"width": 3, "z-index": 10}}[mark]

