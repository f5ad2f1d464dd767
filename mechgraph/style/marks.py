"""Reasoning marks: how a perturbation's responses, a comparison's sides, measured values and a
story's steps look on the dashboard (cytoscape.js styles and badges) and in the exports
(:class:`MarkLook`), with their legend lines."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from .legend import LegendEntry
from .palette import Palette, Theme, _mix, theme_colours

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
    return [LegendEntry("response", key, _RESPONSE_TEXT[key][0], _RESPONSE_TEXT[key][1], response_colour(key, theme)) for key in RESPONSES]


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
    looks: dict[str, dict[str, Any]] = {"current": {"width": 6, "z-index": 20, "arrow-scale": 1.6}, "past": {"width": 3, "z-index": 10}}
    return looks[mark]
