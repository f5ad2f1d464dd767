"""The one visual vocabulary: every renderer gets the same colour, shape, head and dash from it."""

from __future__ import annotations

import json
import re

import pytest
from matplotlib.markers import MarkerStyle

from mechgraph import style
from mechgraph.style import (
    DASH_PATTERN,
    ArrowHead,
    Palette,
    Shape,
    Theme,
    box_look,
    cytoscape_stylesheet,
    edge_style,
    legend_entries,
    node_style,
    theme_colours,
    vis_groups,
    vis_options,
)
from mechgraph.vocabulary import Attr, Mechanism, NodeKind, Sign

THEMES = list(Theme)
# vis-network shapes that draw the label below the node (boxes and ellipses put it inside).
VIS_LABEL_BELOW = {"dot", "diamond", "square", "triangle", "triangleDown", "star", "hexagon"}
CYTOSCAPE_SHAPES = {"ellipse", "triangle", "rectangle", "diamond", "hexagon", "star", "polygon", "round-rectangle"}


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize("theme", THEMES)
def test_each_kind_has_its_own_colour_and_shape_pair(theme: Theme) -> None:
    looks = {(node_style(kind, theme).colour, node_style(kind, theme).shape) for kind in NodeKind}
    assert len(looks) == len(NodeKind)
    colours = [node_style(kind, theme).colour for kind in NodeKind]
    assert len(set(colours)) == len(NodeKind), "colour alone tells kinds apart too"
    assert set(colours) <= {colour.value for colour in Palette}, "kind colours come from the colour-blind-safe palette"


@pytest.mark.parametrize("theme", THEMES)
def test_sign_decides_the_head_in_every_renderer(theme: Theme) -> None:
    increases, decreases, unsigned = (edge_style(sign, None, theme) for sign in (1, -1, 0))
    assert (increases.head.vis, increases.head.cytoscape, increases.head.matplotlib) == ("arrow", "triangle", "-|>")
    assert (decreases.head.vis, decreases.head.cytoscape, decreases.head.matplotlib) == ("bar", "tee", "-[")
    assert unsigned.head is ArrowHead.OPEN
    assert len({increases.colour, decreases.colour, unsigned.colour}) == 3
    assert unsigned.colour == theme_colours(theme).unsigned


def test_sign_accepts_sign_members_ints_and_none() -> None:
    assert edge_style(Sign.DECREASES) == edge_style(-1)
    assert edge_style(None) == edge_style(0)
    assert edge_style(5).head is ArrowHead.ARROW  # clamped like Sign.of


@pytest.mark.parametrize("theme", THEMES)
def test_indirect_is_dashed_in_every_renderer_and_direct_is_solid(theme: Theme) -> None:
    indirect = edge_style(1, Mechanism.INDIRECT, theme)
    direct = edge_style(1, "direct", theme)
    assert indirect.vis()["dashes"] == list(DASH_PATTERN)
    assert indirect.cytoscape()["line-style"] == "dashed"
    assert indirect.matplotlib()["linestyle"] != "solid"
    assert direct.vis()["dashes"] is False
    assert direct.cytoscape()["line-style"] == "solid"
    assert direct.matplotlib()["linestyle"] == "solid"
    assert edge_style(1, None, theme).dashed is False


@pytest.mark.parametrize("theme", THEMES)
def test_cytoscape_stylesheet_uses_the_same_colours_shapes_and_heads(theme: Theme) -> None:
    sheet = {rule["selector"]: rule["style"] for rule in cytoscape_stylesheet(theme)}
    for kind in NodeKind:
        rule = sheet[f'node[{Attr.KIND.value} = "{kind.value}"]']
        look = node_style(kind, theme)
        assert rule["background-color"] == look.colour
        assert rule["shape"] == look.shape.cytoscape in CYTOSCAPE_SHAPES
    for sign in Sign:
        rule = sheet[f"edge[{Attr.SIGN.value} = {int(sign)}]"]
        look = edge_style(sign, None, theme)
        assert rule["line-color"] == rule["target-arrow-color"] == look.colour
        assert rule["target-arrow-shape"] == look.head.cytoscape
    assert sheet[f'edge[{Attr.MECHANISM.value} = "indirect"]']["line-style"] == "dashed"
    assert {".faded", "node.highlighted", "edge.highlighted", "node:selected"} <= set(sheet)
    json.dumps(cytoscape_stylesheet(theme))  # dash-cytoscape sends it as JSON


@pytest.mark.parametrize("theme", THEMES)
def test_vis_network_groups_and_edges_use_the_same_vocabulary(theme: Theme) -> None:
    groups = vis_groups(theme)
    for kind in NodeKind:
        look = node_style(kind, theme)
        assert groups[kind.value]["color"]["background"] == look.colour
        assert groups[kind.value]["shape"] == look.shape.vis in VIS_LABEL_BELOW
    assert groups[style.OTHER_KIND]["shape"] == "dot"
    for sign in Sign:
        options = edge_style(sign, Mechanism.DIRECT, theme).vis()
        assert options["arrows"]["to"]["type"] == edge_style(sign, None, theme).head.vis
        assert options["color"]["color"] == edge_style(sign, None, theme).colour


def test_vis_options_are_for_precomputed_layouts() -> None:
    options = vis_options()
    assert options["physics"]["enabled"] is False
    assert options["layout"]["improvedLayout"] is False  # no Kamada-Kawai in the browser
    assert options["edges"]["smooth"] is False
    assert vis_options(physics=True)["physics"]["enabled"] is True
    large = vis_options(large=True, hover=False)["interaction"]
    assert large["hideEdgesOnDrag"] and large["hideEdgesOnZoom"] and not large["hover"]
    json.dumps(options)


def test_matplotlib_markers_exist_and_match_the_shapes() -> None:
    for shape in Shape:
        MarkerStyle(shape.marker)  # raises on an unknown marker
    assert len({shape.marker for shape in Shape}) == len(Shape)
    params = node_style(NodeKind.AGENT).matplotlib()
    assert params["marker"] == "D" and params["c"] == Palette.VERMILLION.value


def test_shape_outlines_fit_the_unit_box_and_feed_cytoscape_polygons() -> None:
    for shape in Shape:
        points = shape.outline()
        assert len(points) >= 3
        assert all(-1 <= x <= 1 and -1 <= y <= 1 for x, y in points)
    # y points down: the point of the downward triangle has the largest y
    assert max(Shape.TRIANGLE_DOWN.outline(), key=lambda p: p[1]) == (0.0, 1.0)
    numbers = Shape.TRIANGLE_DOWN.cytoscape_points
    assert numbers is not None and len(numbers.split()) == 6
    assert Shape.CIRCLE.cytoscape_points is None


def test_arrowhead_outlines_end_where_the_line_ends() -> None:
    arrow = ArrowHead.ARROW.outline(10, 8)
    assert (0.0, 0.0) in arrow and all(x <= 0 for x, _ in arrow)
    tee = ArrowHead.TEE.outline(10, 8)
    assert {x for x, _ in tee} == {0.0} and tee[0][1] == -tee[1][1]  # a bar across the line
    chevron = ArrowHead.OPEN.outline(10, 8)
    assert chevron[1] == (0.0, 0.0) and not ArrowHead.OPEN.filled


def test_legend_lists_kinds_signs_and_mechanisms_with_the_same_looks() -> None:
    entries = legend_entries(Theme.DARK)
    nodes = [e for e in entries if e.group == "node"]
    relations = [e for e in entries if e.group == "relation"]
    assert [e.key for e in nodes] == [kind.value for kind in NodeKind]
    assert {e.key for e in relations} == {"increases", "decreases", "unknown", "direct", "indirect"}
    for entry in nodes:
        look = node_style(entry.key, Theme.DARK)
        assert (entry.colour, entry.box, entry.shape) == (look.colour, box_look(entry.key, Theme.DARK), None), "nodes are drawn as tinted boxes"
    for entry in (e for e in legend_entries(Theme.DARK, boxes=False) if e.group == "node"):
        look = node_style(entry.key, Theme.DARK)
        assert (entry.colour, entry.shape, entry.box) == (look.colour, look.shape, None), "an overview of shapes shows shapes"
    tee = next(e for e in relations if e.key == "decreases")
    assert tee.head is ArrowHead.TEE and tee.colour == edge_style(-1, None, Theme.DARK).colour
    assert next(e for e in relations if e.key == "indirect").dashed


def test_legend_restricted_to_what_a_view_shows() -> None:
    entries = legend_entries(kinds=["process", "made-up kind"], signs=[1], mechanisms=["indirect"])
    assert [e.key for e in entries] == ["process", style.OTHER_KIND, "increases", "indirect"]


@pytest.mark.parametrize("theme", THEMES)
def test_themes_keep_text_and_relations_readable(theme: Theme) -> None:
    colours = theme_colours(theme)
    assert _contrast(colours.text, colours.background) >= 7  # WCAG AAA for the labels
    assert _contrast(colours.muted_text, colours.background) >= 4.5
    for sign in Sign:
        assert _contrast(edge_style(sign, None, theme).colour, colours.background) >= 3  # WCAG for graphics
    assert re.fullmatch(r"#[0-9A-F]{6}", colours.background)


def test_light_and_dark_themes_differ() -> None:
    light, dark = theme_colours("light"), theme_colours("dark")
    assert _luminance(light.background) > 0.9 > 0.1 > _luminance(dark.background)
    with pytest.raises(ValueError):
        theme_colours("sepia")


def test_unknown_kind_gets_a_neutral_look() -> None:
    assert node_style(None).colour == node_style("spaceship").colour
    assert node_style(None).colour not in {node_style(kind).colour for kind in NodeKind}


def test_a_reached_node_carries_a_badge_that_reads_without_colour() -> None:
    from urllib.parse import unquote

    from mechgraph.style import reasoning_node_style, response_badge

    up, down, both = (unquote(response_badge(mark)["background-image"]) for mark in ("up", "down", "conflicting"))
    assert len({up, down, both}) == 3  # three different glyphs, not only three colours
    assert both.count("<path") == 1 and both.count(" Z") == 2  # two triangles: up and down
    assert "background-image" in reasoning_node_style("down") and "background-image" not in reasoning_node_style("unsigned")
    assert "<script" not in up.lower() and "javascript:" not in up.lower()
