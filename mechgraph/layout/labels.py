"""Node labels as they are drawn: wrapped to about 22 characters a line, in a box sized by the text.

Every renderer (dashboard, HTML page, images) and the layout use these sizes, so the room the
layout leaves for a node is the room its label takes on screen.

A label's *box* is :data:`CHAR_WIDTH` pixels per character of its longest line plus
:data:`BOX_PADDING`, and :data:`LINE_HEIGHT` pixels per line: the generous measure the layout
keeps free around each node (and the one :mod:`mechgraph.layout_quality` checks). The node
itself is drawn a little smaller inside it (:func:`drawn_size`), so relations routed around
boxes never touch a drawn node.

>>> wrap_label("Nuclear factor of activated T cells dephosphorylation")
('Nuclear factor of', 'activated T cells', 'dephosphorylation')
>>> label_box(("IL-2",))
(44.0, 30.0)
"""

from __future__ import annotations

import textwrap
from functools import lru_cache

__all__ = [
    "BOX_PADDING",
    "CHAR_WIDTH",
    "LINE_HEIGHT",
    "WRAP_WIDTH",
    "drawn_size",
    "label_box",
    "wrap_label",
]

#: Characters a label line holds before it wraps.
WRAP_WIDTH = 22
#: Pixels per character, at the label font size, generously (DejaVu Sans at 13 px averages 7).
CHAR_WIDTH = 7.0
#: Pixels added to a label box's width (the node's padding).
BOX_PADDING = 16.0
#: Pixels per label line in a label box.
LINE_HEIGHT = 30.0
#: Font size of a label in a node box, pixels at 100% zoom.
BOX_FONT_SIZE = 13.0
#: Line height of a drawn label, pixels at 100% zoom.
DRAWN_LINE_HEIGHT = 17.0


@lru_cache(maxsize=65536)
def wrap_label(label: str, width: int = WRAP_WIDTH) -> tuple[str, ...]:
    """``label`` in lines of at most ``width`` characters; a word a little longer (up to 4
    characters more) keeps its own line whole, a longer one is broken.

    >>> wrap_label("IL-2")
    ('IL-2',)
    >>> wrap_label("")
    ('',)
    >>> wrap_label("Dexamethasone (glucocorticoids)", 16)
    ('Dexamethasone', '(glucocorticoids)')
    """
    text = " ".join(label.split())
    longest = max((len(word) for word in text.split(" ")), default=0)
    width = max(width, min(longest, width + 4))
    lines = textwrap.wrap(text, width, break_long_words=True, break_on_hyphens=True)
    return tuple(lines) or ("",)


def label_box(lines: tuple[str, ...]) -> tuple[float, float]:
    """Width and height (pixels at 100% zoom) a wrapped label keeps free."""
    return CHAR_WIDTH * max(len(line) for line in lines) + BOX_PADDING, LINE_HEIGHT * len(lines)


def drawn_size(lines: tuple[str, ...]) -> tuple[float, float]:
    """Width and height of the node box as drawn: as wide as the label box, less tall.

    >>> drawn_size(("IL-2",))
    (44.0, 27.0)
    """
    width, _ = label_box(lines)
    return width, DRAWN_LINE_HEIGHT * len(lines) + 10.0
