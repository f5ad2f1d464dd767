"""The dashboard's callbacks: each translates its inputs, calls a pure function, and renders.

The URL is the source of truth for the view: :func:`sync_state` is the only place where the
controls, the URL and the state store meet. Heavier work goes through the process's
:class:`~mechgraph.dashboard.services.Services` (caches keyed by content, no per-user state).
"""

from __future__ import annotations

from functools import partial
from typing import Any

from dash import Dash, Input, Output, Patch, State, ctx, no_update
from dash.exceptions import PreventUpdate

from ..errors import DataError, MechgraphError
from ..query.filterspec import ValueType, view_filters
from ..style import Theme
from ..vocabulary import Attr
from . import reasoning, views
from .callbacks_draft import register_draft_callbacks
from .callbacks_files import register_file_callbacks
from .graphs import UploadLimits, display_name
from .ids import Ids
from .layout import PanelTab, filter_control_id
from .services import Services
from .state import ViewState, control_values, parse_query, state_from_pairs
from .webgl import register_webgl
from .wiring import (
    DETAILS_SHOWN,
    LOOK,
    VIEW,
    Prop,
    inputs,
    outputs,
    register_in_browser,
    register_picker,
    register_selected_to,
    register_setter,
    states,
    upload,
)

__all__ = ["CONTROLS", "FILTER_KEYS", "controls", "filter_keys", "linked_options", "register_callbacks"]

#: The control behind each key of the URL's query string before the filters, and the property
#: holding its value.
_BEFORE_FILTERS: dict[str, tuple[str, str]] = {
    "focus": (Ids.FOCUS, "value"),
    "depth": (Ids.DEPTH, "value"),
    "dir": (Ids.DIRECTION, "value"),
}
#: ... and after them.
_AFTER_FILTERS: dict[str, tuple[str, str]] = {
    "from": (Ids.PATH_FROM, "value"),
    "to": (Ids.PATH_TO, "value"),
    "path": (Ids.PATH_CHOICE, "value"),
    "mixed": (Ids.PATH_MIXED, "value"),
    "open": (Ids.OPEN_GROUPS, "data"),
    "layout": (Ids.LAYOUT, "value"),
    "theme": (Ids.THEME, "value"),
    "give": (Ids.REASON_GIVE, "value"),
    "block": (Ids.REASON_BLOCK, "value"),
    "compare_a": (Ids.REASON_COMPARE_A, "value"),
    "compare_b": (Ids.REASON_COMPARE_B, "value"),
    "step": (Ids.REASON_STORY_STEP, "data"),
}


def filter_keys() -> tuple[str, ...]:
    """The link keys of the filters (of the filter table, read on each call)."""
    return tuple(str(spec.key) for spec in view_filters())


def controls() -> dict[str, tuple[str, str]]:
    """The control behind each key of the URL's query string, and the property holding its value:
    a filter's control for each filter of the table."""
    filters = {str(spec.key): (filter_control_id(spec), "value") for spec in view_filters()}
    return {**_BEFORE_FILTERS, **filters, **_AFTER_FILTERS}


def linked_options() -> dict[str, str]:
    """Dropdowns whose options depend on the graph: a value from a link must come with an option
    for it, or the dropdown drops the value (their own callbacks then give the options proper
    labels). Filters of free ids are among them."""
    ids = {str(spec.key): filter_control_id(spec) for spec in view_filters() if spec.value_type is ValueType.IDS}
    return {
        "focus": Ids.FOCUS,
        "from": Ids.PATH_FROM,
        "to": Ids.PATH_TO,
        **ids,
        "give": Ids.REASON_GIVE,
        "block": Ids.REASON_BLOCK,
        "compare_a": Ids.REASON_COMPARE_A,
        "compare_b": Ids.REASON_COMPARE_B,
    }


#: The controls and filter keys of the filter table as it was imported (the callbacks read the
#: table when they are registered).
CONTROLS = controls()
LINKED_OPTIONS = linked_options()
FILTER_KEYS = filter_keys()


def _options_for(value: str | list[str] | None) -> Any:
    """Placeholder options holding a linked value (labelled by its id until the graph is asked)."""
    if not value:
        return no_update
    return [{"label": item, "value": item} for item in (value if isinstance(value, list) else [value])]


def _state(query: str | None) -> ViewState:
    return parse_query(query)[0]


def register_callbacks(app: Dash, services: Services, *, limits: UploadLimits) -> None:
    """Attach every callback of the dashboard to ``app``."""
    _register_view(app, services)
    _register_panels(app, services)
    _register_actions(app)
    register_file_callbacks(app, services, limits)
    _register_clientside(app)
    register_draft_callbacks(app)
    reasoning.register_callbacks(app, services)
    register_webgl(app, services)


def _register_view(app: Dash, services: Services) -> None:
    control_ids, linked = controls(), linked_options()

    @app.callback(
        output={
            "controls": {key: Output(cid, prop, allow_duplicate=True) for key, (cid, prop) in control_ids.items()},
            "options": {key: Output(cid, "options", allow_duplicate=True) for key, cid in linked.items()},
            "state": Output(Ids.STATE, "data"),
            "view": Output(Ids.VIEW_KEY, "data"),
            "search": Output(Ids.URL, "search"),
            "notices": Output(Ids.NOTICES, "children"),
        },
        inputs={
            "search": Input(Ids.URL, "search"),
            "controls": {key: Input(cid, prop) for key, (cid, prop) in control_ids.items()},
            "view": State(Ids.VIEW_KEY, "data"),
        },
        prevent_initial_call="initial_duplicate",
    )
    def sync_state(search: str | None, controls: dict[str, Any], view: str | None) -> dict[str, Any]:
        """Link -> controls on load and navigation; controls -> link on every change."""
        from_link = ctx.triggered_id in (None, Ids.URL)
        state, notices = parse_query(search) if from_link else state_from_pairs(controls)
        wanted = control_values(state)
        query = state.to_query()
        return {
            "controls": {key: value if value != controls.get(key) else no_update for key, value in wanted.items()},
            "options": {key: _options_for(wanted[key]) if from_link else no_update for key in linked},
            "state": query,
            "view": no_update if state.view_query() == view else state.view_query(),
            "search": no_update if from_link or query == (search or "") else query,
            "notices": views.notice_list(notices),
        }

    @app.callback(
        Output(Ids.CANVAS, "elements"),
        Output(Ids.COUNTS, "children"),
        Output(Ids.VIEW_NOTICES, "children"),
        Output(Ids.CANVAS_STATUS, "children"),
        Output(Ids.CANVAS, "stylesheet", allow_duplicate=True),
        Output(Ids.CANVAS_SCALE, "data"),
        Output(Ids.OVERVIEW_TEXT, "children"),
        Output(Ids.SHOW_ALL, "hidden"),
        Output(Ids.SHOW_OVERVIEW, "hidden"),
        Output(Ids.OVERVIEW_BAR, "hidden"),
        Output(Ids.WEBGL_DATA, "data"),
        *inputs(*VIEW),
        State(Ids.THEME, "value"),
        State(Ids.CANVAS_SCALE, "data"),
        prevent_initial_call="initial_duplicate",
    )
    def render_canvas(view_key: str | None, store: dict[str, Any] | None, theme: str | None, large: bool | None) -> tuple[Any, ...]:
        """The elements of the view, with preset positions computed on the server (and, when the
        view changes size class, the stylesheet in the same answer, so nothing is drawn twice)."""
        if view_key is None:
            raise PreventUpdate
        state = _state(view_key)
        try:
            key, graph = services.graph(store)
            drawing = services.drawing(key, graph, state)
        except MechgraphError as error:
            lines = [str(p) for p in error.problems] if isinstance(error, DataError) else [str(error)]
            return [], "", views.notice_list(lines, kind="error"), "", no_update, no_update, "", True, True, True, None
        now_large = drawing.view.graph.number_of_edges() >= views.LARGE_VIEW
        sheet = no_update if now_large == bool(large) else views.stylesheet(Theme.of(theme).value, drawing.view.lit, large=now_large)
        notices = views.notice_list(drawing.view.notices)
        overview = drawing.view.overview
        status = views.overview_status(overview) if overview is not None else ""
        may_close = bool(state.opened) and drawing.view.focus is None and not drawing.view.lit
        counts = views.counts_text(graph, drawing.view, totals=services.totals(key, graph))
        shown = (drawing.elements, counts, notices, "", sheet, now_large, status, overview is None, not may_close, overview is None and not may_close)
        return (*shown, drawing.webgl)  # a large view: no elements, the WebGL canvas draws it (webgl.py)

    @app.callback(
        Output(Ids.CANVAS, "stylesheet"),
        Output(Ids.ROOT, "className"),
        Output(Ids.LEGEND, "children"),
        *inputs(*LOOK),
        State(Ids.CANVAS_SCALE, "data"),
        prevent_initial_call=True,
    )
    def style_canvas(theme: str | None, highlight: list[str] | None, large: bool | None) -> tuple[Any, ...]:
        """A new stylesheet for a new theme; a three-rule Patch when only the highlight changed."""
        theme = Theme.of(theme).value
        if ctx.triggered_id == Ids.HIGHLIGHT:
            patch = Patch()
            first = views.base_stylesheet_length(theme)
            for offset, rule in enumerate(views.highlight_rules(highlight or [], theme=theme)):
                patch[first + offset] = rule
            return patch, no_update, no_update
        return views.stylesheet(theme, highlight or [], large=bool(large)), f"app theme-{theme}", views.legend_items(theme, large=bool(large))

    @app.callback(Output(Ids.TITLE, "children"), Output(Ids.FILTER_SOURCE, "options"), Output(Ids.RESET_GRAPH, "hidden"), Input(Ids.GRAPH, "data"))
    def describe_graph(store: dict[str, Any] | None) -> tuple[Any, ...]:
        """The graph's title and the sources its evidence cites."""
        try:
            _, graph = services.graph(store)
        except MechgraphError:
            return "Invalid stored graph", [], False
        title = str(graph.graph.get(Attr.TITLE.value) or display_name(graph) or graph.graph.get(Attr.FILE.value) or "Untitled graph")
        return title, views.filter_options(graph)["source"], store is None


def _register_panels(app: Dash, services: Services) -> None:
    @app.callback(
        Output(Ids.PATH_CHOICE, "options"),
        Output(Ids.PATHS, "children"),
        Output(Ids.HIGHLIGHT, "data"),
        Input(Ids.STATE, "data"),
        Input(Ids.GRAPH, "data"),
        State(Ids.HIGHLIGHT, "data"),
    )
    def show_paths(query: str | None, store: dict[str, Any] | None, lit: list[str] | None) -> tuple[Any, ...]:
        """The signed paths between the two ends, the chosen one explained and highlighted."""
        state = _state(query)
        try:
            key, graph = services.graph(store)
            shown = services.filtered(key, graph, state)
            report = views.path_report(shown, state)
        except MechgraphError as error:
            return [], views.notice_list([str(error)], kind="error"), []
        ids = views.path_element_ids(views.chosen_path(report, state))
        return views.path_choices(report, shown), views.paths_panel(report, shown, state), no_update if ids == lit else ids

    @app.callback(
        *outputs(*DETAILS_SHOWN, allow_duplicate=True),
        Input(Ids.CANVAS, "tapNodeData"),
        Input(Ids.CANVAS, "tapEdgeData"),
        Input(Ids.FOCUS, "value"),
        *states(*VIEW),
        prevent_initial_call=True,
    )
    def show_details(
        node: dict[str, Any] | None, edge: dict[str, Any] | None, focus: str | None, view_key: str | None, store: dict[str, Any] | None
    ) -> tuple[Any, ...]:
        """What was clicked (a node's facts, or a relation's sign, context and evidence), or the
        node just focused from the search box, so keyboard users reach the details too. (A
        store's details come from the view on screen, or the store.)"""
        node = node if isinstance(node, dict) else None
        edge = edge if isinstance(edge, dict) else None
        focus = focus if isinstance(focus, str) else None
        wanted = [str(edge.get("source")), str(edge.get("target"))] if edge else [str((node or {}).get("id") or focus)]
        try:
            key, graph = services.graph(store)
            graph = services.details_graph(key, graph, _state(view_key), wanted)
        except MechgraphError as error:
            return views.notice_list([str(error)], kind="error"), None, PanelTab.DETAILS.value
        if f"{Ids.CANVAS}.tapEdgeData" in ctx.triggered_prop_ids and edge:
            return views.relation_details(graph, str(edge.get("source")), str(edge.get("target")), str(edge.get("id"))), None, PanelTab.DETAILS.value
        if ctx.triggered_id == Ids.FOCUS:
            if not focus or focus not in graph:
                raise PreventUpdate
            return views.node_details(graph, focus), focus, no_update
        if not node:
            raise PreventUpdate
        if node.get("group"):
            return views.group_details(node), None, PanelTab.DETAILS.value
        return views.node_details(graph, str(node.get("id"))), str(node.get("id")), PanelTab.DETAILS.value

    @app.callback(
        Output(Ids.DETAIL_FOCUS, "disabled"),
        Output(Ids.DETAIL_FROM, "disabled"),
        Output(Ids.DETAIL_TO, "disabled"),
        Input(Ids.SELECTED, "data"),
    )
    def enable_node_actions(selected: str | None) -> tuple[bool, bool, bool]:
        return (selected is None,) * 3

    @app.callback(
        *outputs((Ids.SANKEY, "figure"), (Ids.CHART_SIGNS, "figure"), (Ids.CHART_HUBS, "figure")),
        *inputs(*VIEW),
        Input(Ids.THEME, "value"),
        Input(Ids.TABS, "value"),
    )
    def draw_figures(view_key: str | None, store: dict[str, Any] | None, theme: str | None, tab: str | None) -> tuple[Any, ...]:
        """The Sankey diagram or the summary charts of the view, for the tab on show."""
        if tab not in (PanelTab.FLOW, PanelTab.CHARTS) or view_key is None:
            raise PreventUpdate
        try:
            key, graph = services.graph(store)
            view = services.drawing(key, graph, _state(view_key)).view.data_graph
        except MechgraphError:
            raise PreventUpdate from None
        theme = theme or Theme.LIGHT.value
        if tab == PanelTab.FLOW:
            return views.sankey_figure(view, theme=theme), no_update, no_update
        return no_update, views.sign_figure(view, theme=theme), views.hub_figure(view, theme=theme)

    register_picker(app, Ids.FOCUS, partial(_options, services))
    register_picker(app, Ids.PATH_FROM, partial(_options, services))
    register_picker(app, Ids.PATH_TO, partial(_options, services))


def _options(services: Services, store: dict[str, Any] | None, text: str | None, value: str | None) -> list[dict[str, str]]:
    """Autocomplete options of a node picker (the current value always among them)."""
    try:
        return services.search_options(store, text, value)
    except MechgraphError:
        return []


def _register_actions(app: Dash) -> None:
    control_ids, filter_keys_now = controls(), filter_keys()

    @app.callback(
        Output(Ids.OPEN_GROUPS, "data", allow_duplicate=True),
        Input(Ids.CANVAS, "tapNodeData"),
        State(Ids.OPEN_GROUPS, "data"),
        prevent_initial_call=True,
    )
    def open_group(node: dict[str, Any] | None, opened: list[str] | None) -> list[str]:
        """A group of the overview, clicked, opens: its members are shown by name."""
        group = node.get("group") if isinstance(node, dict) else None
        if not isinstance(group, str) or not group:
            raise PreventUpdate
        current = [item for item in opened if isinstance(item, str)] if isinstance(opened, list) else []
        return [*current, group] if group not in current else current

    register_setter(app, Ids.SHOW_ALL, (Output(Ids.OPEN_GROUPS, "data", allow_duplicate=True), ["all"]))
    register_setter(app, Ids.SHOW_OVERVIEW, (Output(Ids.OPEN_GROUPS, "data", allow_duplicate=True), []))
    register_setter(app, Ids.WHOLE_MAP, (Output(Ids.FOCUS, "value", allow_duplicate=True), None))
    new_path = (Output(Ids.PATH_CHOICE, "value", allow_duplicate=True), 0)  # a new end shows the new first path
    register_selected_to(app, Ids.DETAIL_FOCUS, Output(Ids.FOCUS, "value", allow_duplicate=True))
    register_selected_to(app, Ids.DETAIL_FROM, Output(Ids.PATH_FROM, "value", allow_duplicate=True), new_path)
    register_selected_to(app, Ids.DETAIL_TO, Output(Ids.PATH_TO, "value", allow_duplicate=True), new_path)

    ends: tuple[Prop, ...] = ((Ids.PATH_FROM, "value"), (Ids.PATH_TO, "value"))

    @app.callback(
        *outputs(*ends, (Ids.PATH_CHOICE, "value"), allow_duplicate=True), Input(Ids.PATH_SWAP, "n_clicks"), *states(*ends), prevent_initial_call=True
    )
    def swap_path(_: int | None, start: str | None, end: str | None) -> tuple[str | None, str | None, int]:
        return end, start, 0

    @app.callback(
        {key: Output(control_ids[key][0], "value", allow_duplicate=True) for key in filter_keys_now},
        Input(Ids.CLEAR_FILTERS, "n_clicks"),
        prevent_initial_call=True,
    )
    def clear_filters(_: int | None) -> dict[str, list[str]]:
        return {key: [] for key in filter_keys_now}

    @app.callback(Output(Ids.TABS, "value", allow_duplicate=True), Input(Ids.PATH_FROM, "value"), Input(Ids.PATH_TO, "value"), prevent_initial_call=True)
    def show_paths_tab(start: str | None, end: str | None) -> str:
        """Picking both ends of a path brings the paths panel forward."""
        if not start or not end:
            raise PreventUpdate
        return PanelTab.PATHS.value


def _register_clientside(app: Dash) -> None:
    positions = "function(n, format) { return window.mechgraph.collectPositions('" + Ids.CANVAS + "', n, format); }"
    register_in_browser(app, positions, Output(Ids.POSITIONS, "data"), Input(Ids.EXPORT, "n_clicks"), State(Ids.EXPORT_FORMAT, "value"))
    check = "function(contents, filename, limit) { return window.mechgraph.checkUpload(contents, filename, limit); }"
    checked = (Output(Ids.UPLOAD_PAYLOAD, "data"), Output(Ids.UPLOAD_STATUS, "children", allow_duplicate=True))
    register_in_browser(app, check, *checked, *upload(Ids.UPLOAD), State(Ids.UPLOAD_LIMIT, "data"))
    fit = "function(n) { return window.mechgraph.fit('" + Ids.CANVAS + "'); }"
    register_in_browser(app, fit, Output(Ids.FIT, "title"), Input(Ids.FIT, "n_clicks"))
    show = "function(children) { return window.mechgraph.showSentence(); }"
    register_in_browser(app, show, Output(Ids.DRAFT_SOURCE, "title"), Input(Ids.DRAFT_SOURCE, "children"))
    share = "function(n) { return window.location.href; }"
    register_in_browser(app, share, Output(Ids.SHARE, "content"), Input(Ids.SHARE, "n_clicks"))
