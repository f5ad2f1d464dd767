"""How a node kind and a relation look: :class:`NodeStyle`, :class:`EdgeStyle`, :class:`BoxLook`
(a node drawn as a labelled box), the sizes of labels, and the tables from kinds and signs to looks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..vocabulary import Mechanism, NodeKind, Sign
from .palette import Palette, Theme, ThemeColours, _mix, theme_colours
from .shapes import DASH_PATTERN, ArrowHead, Shape

#: Labels smaller than this many pixels on screen are not drawn (vis-network and images alike).
LABEL_MIN_PIXELS = 6

#: Font size of node labels in pixels at 100% zoom.
LABEL_FONT_SIZE = 14

#: Fitting a small view to the page enlarges it at most this much (HTML and images alike).
FIT_MAX_ZOOM = 1.6


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


@dataclass(frozen=True, slots=True)
class BoxLook:
    """How a node looks as a labelled box (views laid out by cause and effect): a light tint of
    its kind's colour, a border in that colour, text in the theme's text colour."""

    fill: str
    border: str
    text: str


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


def edge_style(sign: Sign | int | None, mechanism: Mechanism | str | None = None, theme: Theme | str = Theme.LIGHT) -> EdgeStyle:
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
