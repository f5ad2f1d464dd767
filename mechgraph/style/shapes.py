"""Shapes and arrowheads, renderer-neutral, with each renderer's name for them; the dash of an
indirect relation."""

from __future__ import annotations

import math
from enum import StrEnum


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
