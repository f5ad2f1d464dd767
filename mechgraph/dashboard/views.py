"""Pure functions from a graph and a :class:`~mechgraph.dashboard.state.ViewState` to what the
dashboard shows: the subgraph on screen, cytoscape elements, panels and figures.

Nothing here touches Dash's callback machinery, so every function is tested without a browser.
Text from a graph (labels, quotes, notes) is only ever put into components as text, never as
HTML, and only ``http(s)`` links are made clickable.

The functions live in one module per topic and are all importable from here: the view on screen
(:mod:`~mechgraph.dashboard.view`), the canvas (:mod:`~mechgraph.dashboard.canvas`), the side
panels and notices (:mod:`~mechgraph.dashboard.panels`) and the figures
(:mod:`~mechgraph.dashboard.figures`).

Examples
--------
>>> from mechgraph.synthetic import synthetic_graph
>>> from mechgraph.dashboard.state import FilterValues, ViewState
>>> g = synthetic_graph(60, seed=4)
>>> view = view_of(g, ViewState(filters=FilterValues(kinds=("agent", "target"))))
>>> {kind for _, kind in view.graph.nodes(data="kind")} <= {"agent", "target"}
True
"""

from __future__ import annotations

from .canvas import (
    HIGHLIGHT_RULES,
    LARGE_VIEW,
    base_stylesheet_length,
    cytoscape_elements,
    dashboard_rules,
    highlight_rules,
    legend_items,
    segments,
    stylesheet,
)
from .figures import (
    _COLUMN_OF,
    HUBS,
    SANKEY_COLUMNS,
    SANKEY_LABEL_CHARACTERS,
    SANKEY_MAX_NODES,
    hub_figure,
    kind_colours,
    plot_text,
    plotly_layout,
    sankey_figure,
    sign_colours,
    sign_figure,
)
from .panels import (
    filter_options,
    group_details,
    node_details,
    node_option,
    notice_list,
    path_choices,
    paths_panel,
    relation_details,
    search_options,
    source_line,
    upload_done,
    upload_label,
    upload_problems,
)
from .view import (
    OVERVIEW_NODES,
    PATHS_K,
    PATHS_MAX_LENGTH,
    View,
    chosen_path,
    counts_text,
    filter_kwargs,
    filtered_graph,
    node_label,
    overview_status,
    path_element_ids,
    path_report,
    view_of,
    with_overview,
)

__all__ = [
    "HIGHLIGHT_RULES",
    "HUBS",
    "LARGE_VIEW",
    "OVERVIEW_NODES",
    "PATHS_K",
    "PATHS_MAX_LENGTH",
    "SANKEY_COLUMNS",
    "SANKEY_LABEL_CHARACTERS",
    "SANKEY_MAX_NODES",
    "View",
    "_COLUMN_OF",
    "base_stylesheet_length",
    "chosen_path",
    "counts_text",
    "cytoscape_elements",
    "dashboard_rules",
    "filter_kwargs",
    "filter_options",
    "filtered_graph",
    "group_details",
    "highlight_rules",
    "hub_figure",
    "kind_colours",
    "legend_items",
    "node_details",
    "node_label",
    "node_option",
    "notice_list",
    "overview_status",
    "path_choices",
    "path_element_ids",
    "path_report",
    "paths_panel",
    "plot_text",
    "plotly_layout",
    "relation_details",
    "sankey_figure",
    "search_options",
    "segments",
    "sign_colours",
    "sign_figure",
    "source_line",
    "stylesheet",
    "upload_done",
    "upload_label",
    "upload_problems",
    "view_of",
    "with_overview",
]
