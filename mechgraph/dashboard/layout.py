"""The dashboard's component tree: header, controls, canvas, panels and the draft review tab.

Every component id comes from :class:`~mechgraph.dashboard.ids.Ids`. The tree is static: the
callbacks fill it in from the URL, so a shared link and a fresh load build the same page.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

import dash_cytoscape as cyto
from dash import dcc, html

from .. import style
from ..layout import Layout
from ..query.filterspec import FilterSpec, ValueType, Widget, view_filters
from ..style import Theme
from ..vocabulary import Direction, NodeKind, Sign
from . import reasoning, views
from .ids import Ids
from .state import MAX_DEPTH, sign_from_word
from .webgl import webgl_layer

__all__ = ["EXPORT_FORMATS", "MainTab", "PanelTab", "filter_control_id", "page"]


class MainTab(StrEnum):
    """The page's two tabs (the values of ``Ids.MAIN_TABS``)."""

    EXPLORE = "explore"
    DRAFT = "draft"


class PanelTab(StrEnum):
    """The side panel's tabs (the values of ``Ids.TABS``)."""

    DETAILS = "details"
    PATHS = "paths"
    REASON = "reason"
    FLOW = "flow"
    CHARTS = "charts"


#: What the export menu offers: value -> label. The value names what the server writes.
EXPORT_FORMATS: dict[str, str] = {
    "html": "HTML (interactive)",
    "png": "PNG image",
    "svg": "SVG image",
    "yaml": "mechgraph YAML",
    "graphml": "GraphML",
    "json": "Node-link JSON",
}


def _words(value: str) -> str:
    return value.replace("_", " ")


def _enum_options(values: list[str]) -> list[dict[str, str]]:
    return [{"label": _words(value), "value": value} for value in values]


#: Vocabularies whose values are shown with their colour on the map (a filter of any other
#: vocabulary lists its words alone).
_SWATCHES: dict[type, Any] = {
    NodeKind: lambda word: _swatch(style.node_style(NodeKind(word)).colour),
    Sign: lambda word: _swatch(style.edge_style(sign_from_word(word)).colour, line=True),
}


def filter_control_id(spec: FilterSpec) -> str:
    """The id of the control that sets a filter of the table: ``filter-`` and its link key.

    >>> from mechgraph.query.filterspec import filter_spec
    >>> filter_control_id(filter_spec("agent_classes"))
    'filter-agent-class'
    """
    return "filter-" + str(spec.key).replace("_", "-")


def _filter_options(spec: FilterSpec) -> list[dict[str, Any]]:
    swatch = _SWATCHES.get(spec.enum) if spec.enum is not None else None
    if swatch is None:
        return _enum_options(list(spec.values))
    return [{"label": html.Span([swatch(word), _words(word)]), "value": word} for word in spec.values]


def _filter_control(spec: FilterSpec) -> Any:
    """The control of one filter: a fieldset of check boxes or a labelled multi-select dropdown
    (whose options, for free ids, the graph fills in)."""
    control_id = filter_control_id(spec)
    if spec.widget is Widget.CHECKLIST:
        checks = dcc.Checklist(id=control_id, options=_filter_options(spec), value=[], inline=True, className="checks", inputClassName="check-input")
        return html.Fieldset([html.Legend(spec.label), checks])
    placeholder = f"any {spec.noun}"
    if spec.value_type is ValueType.IDS:
        return _field(spec.label, dcc.Dropdown(id=control_id, options=[], value=[], multi=True, placeholder=placeholder), control_id)
    dropdown = dcc.Dropdown(id=control_id, options=_filter_options(spec), value=[], multi=True, placeholder=placeholder, clearable=True)
    return _field(spec.label, dropdown, control_id)


def _section(title: str, *children: Any, help_text: str | None = None) -> html.Section:
    heading: list[Any] = [html.H2(title)]
    if help_text:
        heading.append(html.P(help_text, className="help"))
    return html.Section([*heading, *children], className="panel-section")


def _swatch(colour: str, *, line: bool = False) -> html.Span:
    return html.Span(className="swatch-line" if line else "swatch", style={"backgroundColor": colour})


def _field(label: str, control: Any, control_id: str) -> html.Div:
    return html.Div([html.Label(label, htmlFor=control_id), control], className="field")


def _node_picker(component_id: Ids, placeholder: str) -> dcc.Dropdown:
    return dcc.Dropdown(id=component_id, options=[], value=None, placeholder=placeholder, searchable=True, clearable=True, optionHeight=34, maxHeight=320)


def _readable_extensions() -> str:
    """Every file extension a registered reader takes (for the file chooser's filter)."""
    from ..formats import formats

    return ",".join(sorted({extension for fmt in formats() if fmt.reader for extension in fmt.extensions}))


def _header() -> html.Header:
    brand = html.A([html.Img(src="/assets/favicon.svg", alt="", className="logo"), html.Span("mechgraph", className="brand-name")], href="/", className="brand")
    title = html.Div([html.Span(id=Ids.TITLE, className="graph-title"), html.Span(id=Ids.COUNTS, className="counts")], className="title-block")
    upload = dcc.Upload(
        id=Ids.UPLOAD,
        children=views.upload_label(),
        multiple=False,
        className="upload",
        accept=_readable_extensions(),
    )
    tools = html.Div(
        [
            upload,
            html.Button("Close my graph", id=Ids.RESET_GRAPH, className="button subtle", title="Go back to the graph this server opened", hidden=True),
            html.Div(
                [dcc.Clipboard(id=Ids.SHARE, title="Copy a link to this view", className="clipboard"), html.Span("Copy link", className="clipboard-label")],
                className="share",
            ),
            dcc.RadioItems(
                id=Ids.THEME,
                options=[{"label": "Light", "value": Theme.LIGHT.value}, {"label": "Dark", "value": Theme.DARK.value}],
                value=Theme.LIGHT.value,
                inline=True,
                className="segmented",
                inputClassName="visually-hidden-input",
            ),
        ],
        className="header-tools",
    )
    return html.Header([brand, title, tools], className="app-header")


def _focus_section() -> html.Section:
    direction = dcc.RadioItems(
        id=Ids.DIRECTION,
        options=[
            {"label": "Upstream", "value": Direction.UP.value, "title": "what leads to the focus"},
            {"label": "Both", "value": Direction.BOTH.value, "title": "either way"},
            {"label": "Downstream", "value": Direction.DOWN.value, "title": "what the focus leads to"},
        ],
        value=Direction.BOTH.value,
        inline=True,
        className="segmented",
        inputClassName="visually-hidden-input",
    )
    depth = dcc.Input(id=Ids.DEPTH, type="number", min=1, max=MAX_DEPTH, step=1, value=1, className="number", debounce=True)
    return _section(
        "Find and focus",
        _field("Search labels, synonyms and identifiers", _node_picker(Ids.FOCUS, "e.g. cyclosporine, IL-2, CHEBI:4031"), Ids.FOCUS),
        html.Div(
            [
                _field("Depth", depth, Ids.DEPTH),
                html.Div(
                    [html.Span("Direction", className="label", id="direction-label"), direction],
                    className="field grow",
                    role="group",
                    **{"aria-labelledby": "direction-label"},
                ),
            ],
            className="row",
        ),
        html.Button("Show the whole map", id=Ids.WHOLE_MAP, className="button subtle wide"),
    )


def _path_section() -> html.Section:
    return _section(
        "How does A affect B?",
        _field("From", _node_picker(Ids.PATH_FROM, "start: e.g. cyclosporine"), Ids.PATH_FROM),
        _field("To", _node_picker(Ids.PATH_TO, "end: e.g. IL-2"), Ids.PATH_TO),
        html.Button("Swap start and end", id=Ids.PATH_SWAP, className="button subtle wide"),
        dcc.Checklist(
            id=Ids.PATH_MIXED,
            options=[{"label": "Allow mixed contexts", "value": "mixed"}],
            value=[],
            className="checks",
            inputClassName="check-input",
        ),
        help_text="A path keeps to one species and one cell lineage unless mixed contexts are allowed.",
    )


def _filter_section() -> html.Section:
    """A control per filter of the table: the check boxes first, then the dropdowns."""
    table = view_filters()
    return _section(
        "Filters",
        *(_filter_control(spec) for spec in table if spec.widget is Widget.CHECKLIST),
        *(_filter_control(spec) for spec in table if spec.widget is not Widget.CHECKLIST),
        html.Button("Clear all filters", id=Ids.CLEAR_FILTERS, className="button subtle wide"),
        help_text="Values within a filter combine with OR, filters with AND.",
    )


def _toolbar() -> html.Div:
    layout = dcc.Dropdown(
        id=Ids.LAYOUT,
        options=[{"label": name.value.capitalize(), "value": name.value} for name in Layout],
        value=Layout.LAYERED.value,
        clearable=False,
        searchable=False,
        className="compact-dropdown",
    )
    export_format = dcc.Dropdown(
        id=Ids.EXPORT_FORMAT,
        options=[{"label": label, "value": value} for value, label in EXPORT_FORMATS.items()],
        value="html",
        clearable=False,
        searchable=False,
        className="export-dropdown",
    )
    return html.Div(
        [
            html.Div([html.Label("Layout", htmlFor=Ids.LAYOUT, className="tool-label"), layout], className="tool"),
            html.Button("Fit", id=Ids.FIT, className="button subtle", title="Fit the whole view on screen"),
            html.Div(className="spacer"),
            html.Div([html.Label("Export", htmlFor=Ids.EXPORT_FORMAT, className="tool-label"), export_format], className="tool"),
            html.Button(
                "Download",
                id=Ids.EXPORT,
                className="button primary",
                title="Download the view on screen, with the positions as arranged (Alt+D)",
                accessKey="d",
            ),
            dcc.Download(id=Ids.DOWNLOAD),
        ],
        className="toolbar",
        role="toolbar",
    )


def _overview_bar() -> html.Div:
    """How to read an overview, above the canvas, with its two ways out."""
    return html.Div(
        [
            html.Span(id=Ids.OVERVIEW_TEXT, className="overview-text"),
            html.Button(
                "Show every node", id=Ids.SHOW_ALL, className="button subtle", hidden=True, title="Open every group of the overview: each node by name"
            ),
            html.Button(
                "Back to the overview",
                id=Ids.SHOW_OVERVIEW,
                className="button subtle",
                hidden=True,
                title="Close the groups again: the most connected nodes by name, the rest in groups",
            ),
        ],
        id=Ids.OVERVIEW_BAR,
        className="overview-bar",
        hidden=True,
        role="status",
    )


def _canvas() -> html.Div:
    canvas = cyto.Cytoscape(
        id=Ids.CANVAS,
        elements=[],
        layout={"name": "preset", "fit": True, "padding": 30, "animate": False},
        stylesheet=views.stylesheet(Theme.LIGHT.value),
        minZoom=0.03,
        maxZoom=1.6,
        boxSelectionEnabled=False,
        autoRefreshLayout=True,
        responsive=False,  # cytoscape follows window resizes itself; True redraws on every layout shift
        style={"width": "100%", "height": "100%"},
    )
    # The spinner sits over the canvas, not around it: wrapping the canvas in dcc.Loading makes
    # cytoscape draw a large graph twice.
    loading = dcc.Loading(
        html.Div(id=Ids.CANVAS_STATUS, className="canvas-status"),
        id=Ids.CANVAS_LOADING,
        type="circle",
        delay_show=300,
        parent_className="canvas-loading",
    )
    legend = html.Div(views.legend_items(Theme.LIGHT.value), id=Ids.LEGEND, className="legend", role="note", **{"aria-label": "Legend"})
    return html.Div(
        [
            _toolbar(),
            html.Div(id=Ids.EXPORT_STATUS, className="export-status", role="status", **{"aria-live": "polite"}),
            _overview_bar(),
            html.Div([canvas, *webgl_layer(), loading], className="canvas-wrap"),
            legend,
        ],
        className="canvas-column",
    )


def _panel_tab(label: str, value: PanelTab, *children: Any) -> dcc.Tab:
    return dcc.Tab(
        label=label, value=value.value, children=html.Div(list(children), className="tab-body"), className="panel-tab", selected_className="panel-tab--selected"
    )


def _panels() -> html.Aside:
    details_actions = html.Div(
        [
            html.Button("Focus here", id=Ids.DETAIL_FOCUS, className="button subtle", disabled=True),
            html.Button("Path from here", id=Ids.DETAIL_FROM, className="button subtle", disabled=True),
            html.Button("Path to here", id=Ids.DETAIL_TO, className="button subtle", disabled=True),
        ],
        className="detail-actions",
    )
    details = html.Div(
        [html.P("Click a node or a relation on the map to read its kind, identifiers and evidence.", className="muted")],
        id=Ids.DETAILS,
        className="details",
        role="region",
        **{"aria-live": "polite"},
    )
    paths = html.Div(
        [
            dcc.RadioItems(id=Ids.PATH_CHOICE, options=[], value=0, className="path-choice", labelClassName="path-option"),
            html.Div(id=Ids.PATHS, className="paths"),
        ],
    )
    graph_config = {"displaylogo": False, "responsive": True, "toImageButtonOptions": {"format": "svg"}}
    return html.Aside(
        dcc.Tabs(
            id=Ids.TABS,
            value=PanelTab.DETAILS.value,
            children=[
                _panel_tab("Details", PanelTab.DETAILS, details_actions, details),
                _panel_tab("Paths", PanelTab.PATHS, paths),
                _panel_tab("Reason", PanelTab.REASON, reasoning.panel()),
                _panel_tab(
                    "Flow", PanelTab.FLOW, dcc.Loading(dcc.Graph(id=Ids.SANKEY, config=graph_config, className="sankey-graph"), type="dot", delay_show=200)
                ),
                _panel_tab(
                    "Charts",
                    PanelTab.CHARTS,
                    dcc.Loading(
                        html.Div([dcc.Graph(id=Ids.CHART_SIGNS, config=graph_config), dcc.Graph(id=Ids.CHART_HUBS, config=graph_config)]),
                        type="dot",
                        delay_show=200,
                    ),
                ),
            ],
            className="panel-tabs",
            parent_className="panel-tabs-parent",
            content_className="panel-tabs-content",
        ),
        className="side-panel",
        **{"aria-label": "Details, paths and figures"},
    )


def _explorer() -> html.Div:
    """Sidebar | canvas | panel on screen; in the page (and so in Tab order) the canvas with its
    toolbar comes first, so Download is a few Tab presses away, not forty (the stylesheet puts
    each column in its place)."""
    sidebar = html.Nav([_focus_section(), _path_section(), _filter_section()], className="sidebar", **{"aria-label": "Search, paths and filters"})
    return html.Div([_canvas(), sidebar, _panels()], className="explorer")


def _draft() -> html.Div:
    source = html.Div(
        [
            html.H2("Draft a graph from text"),
            html.P(
                "Paste a passage (or open a .txt file). mechgraph drafts candidate relations with the sentence each rests on; accept or reject each one, then download the accepted graph.",
                className="help",
            ),
            dcc.Textarea(
                id=Ids.DRAFT_TEXT,
                placeholder="Paste text here, e.g. “Cyclosporine inhibits calcineurin and thereby decreases IL-2 transcription.”",
                className="draft-text",
            ),
            html.Div(
                [
                    html.Button("Draft relations", id=Ids.DRAFT_RUN, className="button primary"),
                    dcc.Upload(id=Ids.DRAFT_UPLOAD, children=html.Span("Open a text file…", className="button subtle"), accept=".txt,.md,text/plain"),
                ],
                className="row",
            ),
            html.Div(id=Ids.DRAFT_STATUS, className="notices", role="status", **{"aria-live": "polite"}),
            html.H3("Source text"),
            html.Div(id=Ids.DRAFT_SOURCE, className="draft-source"),
        ],
        className="draft-left",
    )
    review = html.Div(
        [
            html.Div(
                [
                    html.Button("Accept", id=Ids.DRAFT_ACCEPT, className="button primary", disabled=True),
                    html.Button("Reject", id=Ids.DRAFT_REJECT, className="button subtle", disabled=True),
                    html.Div(className="spacer"),
                    html.Button("Download accepted graph", id=Ids.DRAFT_DOWNLOAD_BUTTON, className="button", disabled=True),
                    dcc.Download(id=Ids.DRAFT_DOWNLOAD),
                ],
                className="toolbar",
            ),
            html.Div(
                cyto.Cytoscape(
                    id=Ids.DRAFT_CANVAS,
                    elements=[],
                    layout={"name": "preset", "fit": True, "padding": 30},
                    stylesheet=[],
                    style={"width": "100%", "height": "100%"},
                    boxSelectionEnabled=False,
                    minZoom=0.1,
                    maxZoom=3,
                ),
                className="draft-canvas",
            ),
            dcc.RadioItems(id=Ids.DRAFT_RELATIONS, options=[], value=None, className="draft-relations", labelClassName="draft-option"),
        ],
        className="draft-right",
    )
    stores = [dcc.Store(id=Ids.DRAFT_STORE), dcc.Store(id=Ids.DRAFT_DECISIONS, data={})]
    return html.Div([source, review, *stores], className="draft")


def page(*, max_upload_base64: int) -> html.Div:
    """The whole page; ``max_upload_base64`` lets the browser refuse an oversized upload unsent."""
    stores = [
        dcc.Location(id=Ids.URL, refresh=False),
        dcc.Store(id=Ids.STATE),
        dcc.Store(id=Ids.VIEW_KEY),
        dcc.Store(id=Ids.OPEN_GROUPS, data=[]),
        dcc.Store(id=Ids.GRAPH),
        dcc.Store(id=Ids.UPLOAD_LIMIT, data=max_upload_base64),
        dcc.Store(id=Ids.UPLOAD_PAYLOAD),
        dcc.Store(id=Ids.HIGHLIGHT, data=[]),
        dcc.Store(id=Ids.CANVAS_SCALE, data=False),
        dcc.Store(id=Ids.POSITIONS),
        dcc.Store(id=Ids.SELECTED),
    ]
    tabs = dcc.Tabs(
        id=Ids.MAIN_TABS,
        value=MainTab.EXPLORE.value,
        children=[
            dcc.Tab(label="Explore the map", value=MainTab.EXPLORE.value, children=_explorer(), className="main-tab", selected_className="main-tab--selected"),
            dcc.Tab(label="Draft from text", value=MainTab.DRAFT.value, children=_draft(), className="main-tab", selected_className="main-tab--selected"),
        ],
        className="main-tabs",
        parent_className="main-tabs-parent",
        content_className="main-tabs-content",
    )
    dismiss = html.Button("×", className="notices-dismiss", title="Dismiss these notices", **{"aria-label": "Dismiss these notices"})
    notices = html.Div(
        [dismiss, html.Div(id=Ids.NOTICES), html.Div(id=Ids.VIEW_NOTICES), html.Div(id=Ids.UPLOAD_STATUS)],
        className="notices page-notices",
        role="status",
        **{"aria-live": "polite"},
    )
    return html.Div([*stores, _header(), notices, tabs], id=Ids.ROOT, className="app theme-light")
