"""The legend of every renderer: :class:`LegendEntry` and :func:`legend_entries`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..vocabulary import Mechanism, NodeKind, Sign
from .looks import OTHER_KIND, BoxLook, box_look, edge_style, node_style
from .palette import Theme, theme_colours
from .shapes import ArrowHead, Shape

_SIGN_LABELS: dict[Sign, str] = {
    Sign.INCREASES: "increases (activation)",
    Sign.DECREASES: "decreases (inhibition)",
    Sign.UNKNOWN: "unsigned",
}


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
                    "node",
                    kind.value,
                    kind.value.replace("_", " "),
                    kind.description,
                    style.colour,
                    None if boxes else style.shape,
                    box=box_look(kind, theme) if boxes else None,
                )
            )
    if wanted_kinds is not None and wanted_kinds - {kind.value for kind in NodeKind}:
        style = node_style(None, theme)
        entries.append(
            LegendEntry(
                "node",
                OTHER_KIND,
                OTHER_KIND,
                "node of another kind",
                style.colour,
                None if boxes else style.shape,
                box=box_look(None, theme) if boxes else None,
            )
        )
    wanted_signs = None if signs is None else {Sign.of(sign) for sign in signs}
    for sign in (Sign.INCREASES, Sign.DECREASES, Sign.UNKNOWN):
        if wanted_signs is None or sign in wanted_signs:
            drawn = edge_style(sign, Mechanism.DIRECT, theme)
            description = f"relation whose sign is {sign.word}" if sign is not Sign.UNKNOWN else "relation without a sign"
            entries.append(LegendEntry("relation", sign.word, _SIGN_LABELS[sign], description, drawn.colour, head=drawn.head))
    wanted_mechanisms = None if mechanisms is None else {str(m) for m in mechanisms}
    for mechanism in Mechanism:
        if wanted_mechanisms is None or mechanism.value in wanted_mechanisms:
            entries.append(
                LegendEntry(
                    "relation",
                    mechanism.value,
                    mechanism.value,
                    "solid line: on a component of immune cells" if mechanism is Mechanism.DIRECT else "dashed line: through a non-immune component",
                    colours.unsigned,
                    dashed=mechanism is Mechanism.INDIRECT,
                )
            )
    return entries
