"""Colours: the themes, the Okabe-Ito palette, the colours of a theme, fading and mixing colours."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Theme(StrEnum):
    """The two themes: dark text on white, and light text on near-black (for dark slides)."""

    LIGHT = "light"
    DARK = "dark"

    @classmethod
    def of(cls, value: object) -> Theme:
        """The theme a value names; the light theme for anything else (a value from the browser).

        >>> Theme.of("dark"), Theme.of("<script>"), Theme.of(None)
        (<Theme.DARK: 'dark'>, <Theme.LIGHT: 'light'>, <Theme.LIGHT: 'light'>)
        """
        return cls(value) if isinstance(value, str) and value in tuple(cls) else cls.LIGHT


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


#: Opacity of what is not on a chosen path (the rest of the view, faded), in every renderer.
FADED_OPACITY = 0.15


def faded(colour: str) -> str:
    """``colour`` (#RRGGBB) at :data:`FADED_OPACITY`, as CSS ``rgba()`` (for what a renderer cannot fade whole, like vis-network's labels).

    >>> faded("#1A1A1A")
    'rgba(26,26,26,0.15)'
    """
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{FADED_OPACITY:g})"


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


#: The colours of the two themes side by side, one row a colour: (light, dark).
_THEME_ROWS: dict[str, tuple[str, str]] = {
    "background": ("#FFFFFF", "#1E1E1E"),
    "text": ("#1A1A1A", "#EDEDED"),
    "muted_text": ("#555555", "#AAAAAA"),
    "panel": ("#FFFFFF", "#2A2A2A"),
    "panel_border": ("#C8C8C8", "#555555"),
    "node_border": ("#333333", "#D9D9D9"),
    "selection": ("#000000", "#FFFFFF"),
    "unsigned": ("#8C8C8C", "#9E9E9E"),
    "increases": (Palette.BLUE.value, Palette.SKY_BLUE.value),
    "decreases": (Palette.VERMILLION.value, Palette.ORANGE.value),
    "link": (Palette.BLUE.value, Palette.SKY_BLUE.value),
}

_THEMES: dict[Theme, ThemeColours] = {
    theme: ThemeColours(**{name: row[column] for name, row in _THEME_ROWS.items()}) for column, theme in enumerate((Theme.LIGHT, Theme.DARK))
}


def theme_colours(theme: Theme | str = Theme.LIGHT) -> ThemeColours:
    """The colours of ``theme``.

    >>> theme_colours("dark").background
    '#1E1E1E'
    """
    return _THEMES[Theme(theme)]


def _mix(colour: str, other: str, share: float) -> str:
    """``share`` of ``colour`` over ``other`` (both #RRGGBB)."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(share * x + (1 - share) * y):02X}" for x, y in zip(a, b))
