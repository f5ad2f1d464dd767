"""The figures of the Flow and Charts tabs: the Sankey diagram of the view, its relations by sign
and what they act on, and its hubs, drawn with Plotly in the theme's colours."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from typing import Any

import networkx as nx
import plotly.graph_objects as go

from .. import style
from ..style import Theme
from ..vocabulary import Attr, NodeKind, Sign
from .view import node_label

#: Nodes of the Sankey diagram: past this many the ones with the least flow are left out.
SANKEY_MAX_NODES = 60
HUBS = 15


def plot_text(text: object) -> str:
    """Text for a Plotly label or tick: Plotly reads a subset of HTML in them (links, styles), so
    ``&``, ``<`` and ``>`` become entities, which Plotly shows as the characters themselves.

    >>> plot_text('<a href="https://x.org">IL-2</a> & co')
    '&lt;a href="https://x.org"&gt;IL-2&lt;/a&gt; &amp; co'
    """
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _plot_label(graph: nx.MultiDiGraph, node: str) -> str:
    return plot_text(node_label(graph, node))


#: Columns of the Sankey diagram: which kinds sit in which column.
SANKEY_COLUMNS: tuple[tuple[str, tuple[NodeKind, ...]], ...] = (
    ("Agents", (NodeKind.AGENT, NodeKind.METABOLITE, NodeKind.THERAPY)),
    ("Targets and cells", (NodeKind.TARGET, NodeKind.IMMUNE_CELL, NodeKind.NON_IMMUNE)),
    ("Processes", (NodeKind.PROCESS,)),
    ("Outcomes", (NodeKind.OUTCOME, NodeKind.CONDITION)),
)
_COLUMN_OF = {kind.value: index for index, (_, kinds) in enumerate(SANKEY_COLUMNS) for kind in kinds}


def kind_colours(theme: str) -> dict[str, str]:
    """Node kind -> fill colour, from :mod:`mechgraph.style`.

    >>> kind_colours("light")["target"]
    '#0072B2'
    """
    return {kind.value: style.node_style(kind, theme).colour for kind in NodeKind}


def sign_colours(theme: str, *, alpha: float = 1.0) -> dict[str, str]:
    """Sign word -> colour of its relations, from :mod:`mechgraph.style`, with an opacity.

    >>> sign_colours("light", alpha=0.5)["decreases"]
    'rgba(213, 94, 0, 0.5)'
    """
    result = {}
    for sign in Sign:
        colour = style.edge_style(sign, None, theme).colour.lstrip("#")
        red, green, blue = (int(colour[i : i + 2], 16) for i in (0, 2, 4))
        result[sign.word] = f"rgba({red}, {green}, {blue}, {alpha:g})"
    return result


def plotly_layout(theme: str) -> dict[str, Any]:
    """The frame of every figure: the theme's colours and font, tight margins."""
    colours = style.theme_colours(theme)
    return {
        "paper_bgcolor": colours.background,
        "plot_bgcolor": colours.background,
        "font": {"family": colours.font_family, "color": colours.text, "size": 12},
        "margin": {"l": 10, "r": 10, "t": 44, "b": 10},
        "xaxis": {"gridcolor": colours.panel_border, "zerolinecolor": colours.panel_border},
        "yaxis": {"gridcolor": colours.panel_border, "automargin": True},
    }


def _empty_figure(message: str, theme: str) -> go.Figure:
    figure = go.Figure()
    figure.add_annotation(text=message, showarrow=False, font={"size": 14})
    figure.update_layout(**plotly_layout(theme))
    figure.update_xaxes(visible=False)
    figure.update_yaxes(visible=False)
    return figure


def sankey_figure(view: nx.MultiDiGraph, *, theme: str = Theme.LIGHT, max_nodes: int = SANKEY_MAX_NODES) -> go.Figure:
    """Agents → targets and cells → processes → outcomes: the relations of the view that flow forward.

    Each link is one pair of nodes, its width the number of relations, its colour their net sign.
    Past ``max_nodes`` the nodes with the least flow are left out.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("d", kind="agent", label="Drug"); g.add_node("t", kind="target", label="T")
    >>> g.add_node("p", kind="process", label="P")
    >>> _ = g.add_edge("d", "t", relation="inhibits", sign=-1); _ = g.add_edge("t", "p", relation="activates", sign=1)
    >>> figure = sankey_figure(g)
    >>> list(figure.data[0].node.label), list(figure.data[0].link.value)
    (['Drug', 'T', 'P'], [1, 1])
    """
    flows: dict[tuple[str, str], list[int]] = defaultdict(list)
    for u, v, data in view.edges(data=True):
        cu = _COLUMN_OF.get(str(view.nodes[u].get(Attr.KIND)))
        cv = _COLUMN_OF.get(str(view.nodes[v].get(Attr.KIND)))
        if cu is not None and cv is not None and cu < cv:
            flows[(u, v)].append(int(data.get(Attr.SIGN, 0) or 0))
    if not flows:
        return _empty_figure("No relation in this view flows from agents towards outcomes.", theme)
    weight: Counter[str] = Counter()
    for (u, v), signs in flows.items():
        weight[u] += len(signs)
        weight[v] += len(signs)
    kept = {node for node, _ in sorted(weight.items(), key=lambda item: (-item[1], item[0]))[:max_nodes]}
    nodes = sorted(kept, key=lambda node: (_COLUMN_OF[str(view.nodes[node].get(Attr.KIND))], -weight[node], node))
    index = {node: i for i, node in enumerate(nodes)}
    links = [(u, v, signs) for (u, v), signs in flows.items() if u in kept and v in kept]
    link_colours = sign_colours(theme, alpha=0.35)
    node_colours = kind_colours(theme)
    colours = style.theme_colours(theme)
    sankey = go.Sankey(
        arrangement="snap",
        # Four columns share a narrow panel: labels are cut to what fits between two columns
        # (the whole label is in the hover text) and drawn in the page's text colour.
        node={
            "label": [plot_text(_short(node_label(view, node), SANKEY_LABEL_CHARACTERS)) for node in nodes],
            "color": [node_colours.get(str(view.nodes[node].get(Attr.KIND)), "#888888") for node in nodes],
            "pad": 10,
            "thickness": 10,
            "line": {"width": 0},
            "customdata": [[node, plot_text(node_label(view, node))] for node in nodes],
            "hovertemplate": "%{customdata[1]}<br>%{value} relation(s)<extra></extra>",
        },
        textfont={"size": 11, "color": colours.text, "family": colours.font_family},
        link={
            "source": [index[u] for u, _, _ in links],
            "target": [index[v] for _, v, _ in links],
            "value": [len(signs) for _, _, signs in links],
            "color": [link_colours[_net_word(signs)] for _, _, signs in links],
            "customdata": [_net_word(signs) for _, _, signs in links],
            "hovertemplate": "%{source.label} → %{target.label}<br>%{value} relation(s), %{customdata}<extra></extra>",
        },
    )
    figure = go.Figure(sankey)
    title = " → ".join(name for name, _ in SANKEY_COLUMNS[:2]) + " →<br>" + " → ".join(name for name, _ in SANKEY_COLUMNS[2:])
    if len(kept) < len(weight):
        title += f"<br><sup>the {len(kept)} nodes with most flow, of {len(weight)}: focus or filter to see the others</sup>"
    figure.update_layout(title={"text": title, "font": {"size": 13}}, **plotly_layout(theme))
    figure.update_layout(margin={"t": 70 if len(kept) < len(weight) else 56, "l": 4, "r": 4, "b": 8}, autosize=True)
    return figure


#: The longest node label drawn in the Sankey diagram, in characters.
SANKEY_LABEL_CHARACTERS = 16


def _short(text: str, limit: int) -> str:
    """``text`` cut to ``limit`` characters, with an ellipsis when cut.

    >>> _short("Cyclosporine-cyclophilin complex", 16), _short("IL-2", 16)
    ('Cyclosporine-cy…', 'IL-2')
    """
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _net_word(signs: Sequence[int]) -> str:
    distinct = set(signs)
    return Sign.of(distinct.pop()).word if len(distinct) == 1 else Sign.UNKNOWN.word


def sign_figure(view: nx.MultiDiGraph, *, theme: str = Theme.LIGHT) -> go.Figure:
    """Relations of the view by the kind of process they act on, stacked by sign.

    Relations onto a node that is not a process are counted under its node kind.

    >>> g = nx.MultiDiGraph()
    >>> g.add_node("a", kind="agent", label="A"); g.add_node("p", kind="process", process="secretion", label="P")
    >>> _ = g.add_edge("a", "p", relation="inhibits", sign=-1)
    >>> [(trace.name, list(trace.y)) for trace in sign_figure(g).data if sum(trace.x)]
    [('decreases', ['secretion'])]
    """
    counts: dict[str, Counter[str]] = {sign.word: Counter() for sign in Sign}
    for _, v, data in view.edges(data=True):
        target = view.nodes[v]
        category = plot_text(str(target.get(Attr.PROCESS) or target.get(Attr.KIND) or "unknown").replace("_", " "))
        counts[Sign.of(int(data.get(Attr.SIGN, 0) or 0)).word][category] += 1
    categories = sorted({c for counter in counts.values() for c in counter}, key=lambda c: sum(counter[c] for counter in counts.values()))
    if not categories:
        return _empty_figure("No relation in this view.", theme)
    colours = sign_colours(theme)
    figure = go.Figure(
        [go.Bar(name=word, y=categories, x=[counts[word][c] for c in categories], orientation="h", marker_color=colours[word]) for word in counts]
    )
    figure.update_layout(
        barmode="stack",
        title={"text": "Relations by sign and what they act on", "font": {"size": 13}},
        legend={"orientation": "h", "y": -0.12},
        height=max(320, 22 * len(categories) + 120),
        **plotly_layout(theme),
    )
    return figure


def hub_figure(view: nx.MultiDiGraph, *, theme: str = Theme.LIGHT, top: int = HUBS) -> go.Figure:
    """The nodes of the view with the most relations (in and out), coloured by kind.

    >>> g = nx.MultiDiGraph([("a", "b"), ("a", "c"), ("b", "c")])
    >>> list(hub_figure(g, top=2).data[0].y)
    ['b', 'a']
    """
    degrees = sorted(view.degree(), key=lambda item: (-item[1], str(item[0])))[:top]
    if not degrees:
        return _empty_figure("No node in this view.", theme)
    degrees.reverse()
    colours = kind_colours(theme)
    figure = go.Figure(
        go.Bar(
            y=[_plot_label(view, node) for node, _ in degrees],
            x=[degree for _, degree in degrees],
            orientation="h",
            marker_color=[colours.get(str(view.nodes[node].get(Attr.KIND)), "#888888") for node, _ in degrees],
            customdata=[plot_text(str(view.nodes[node].get(Attr.KIND, "")).replace("_", " ")) for node, _ in degrees],
            hovertemplate="%{y} (%{customdata}): %{x} relations<extra></extra>",
        )
    )
    figure.update_layout(
        title={"text": f"Hubs: the {len(degrees)} most connected nodes", "font": {"size": 13}}, height=max(320, 22 * len(degrees) + 100), **plotly_layout(theme)
    )
    return figure
