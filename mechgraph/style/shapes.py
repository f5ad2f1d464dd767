"""Shapes and arrowheads, renderer-neutral, with each renderer's name for them; the dash of an
indirect relation."""

from __future__ import annotations

import math
from enum import StrEnum


class _Named(StrEnum):
    """A look that each renderer has its own name for: (vis-network, cytoscape.js, matplotlib),
    the member's row of the tables below (:meth:`names`)."""

    def names(self) -> tuple[str, str, str]:
        """The member's names in vis-network, cytoscape.js and matplotlib."""
        return _NAMES[self]

    @property
    def vis(self) -> str:
        """The vis-network name (a shape: one of those drawn with the label below the node)."""
        return self.names()[0]

    @property
    def cytoscape(self) -> str:
        """The cytoscape.js name (a ``polygon`` shape also needs :attr:`Shape.cytoscape_points`)."""
        return self.names()[1]

    @property
    def matplotlib(self) -> str:
        """The matplotlib name: a shape's marker, an arrowhead's ``ArrowStyle`` (for FancyArrowPatch users)."""
        return self.names()[2]


class Shape(_Named):
    """A node shape, renderer-neutral; each renderer's name for it is a property."""

    CIRCLE = "circle"
    DIAMOND = "diamond"
    SQUARE = "square"
    TRIANGLE = "triangle"
    TRIANGLE_DOWN = "triangle_down"
    STAR = "star"
    HEXAGON = "hexagon"

    @property
    def marker(self) -> str:
        """The matplotlib marker."""
        return self.matplotlib

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


class ArrowHead(_Named):
    """How a relation ends: an arrow (increases), a tee (decreases), an open chevron (unsigned)."""

    ARROW = "arrow"
    TEE = "tee"
    OPEN = "open"

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

#: Every look's names, by member.
_NAMES: dict[_Named, tuple[str, str, str]] = {member: names for table in (_SHAPE_NAMES, _HEAD_NAMES) for member, names in table.items()}
