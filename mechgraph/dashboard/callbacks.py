"""The dashboard's callbacks: each translates its inputs, calls a pure function, and renders.

The URL is the source of truth for the view: :func:`sync_state` is the only place where the
controls, the URL and the state store meet. Heavier work goes through the process's
:class:`~mechgraph.dashboard.services.Services` (caches keyed by content, no per-user state).
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from dash import Dash, Input, Output, Patch, State, ctx, no_update
from dash.exceptions import PreventUpdate

from ..errors import DataError, MechgraphError
from ..query.filterspec import ValueType, view_filters
from ..style import Theme
from ..vocabulary import Attr, Status
from . import draft as drafting
from . import reasoning, views
from .exports import export_view
from .graphs import UploadLimits, decode_upload, display_name
from .ids import Ids
from .layout import PanelTab, filter_control_id
from .services import Services
from .state import ViewState, control_values, parse_query, state_from_pairs

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
    return {"focus": Ids.FOCUS, "from": Ids.PATH_FROM, "to": Ids.PATH_TO, **ids, "give": Ids.REASON_GIVE, "block": Ids.REASON_BLOCK, "compare_a": Ids.REASON_COMPARE_A, "compare_b": Ids.REASON_COMPARE_B}


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


def _theme(theme: str | None) -> str:
    return theme if theme in tuple(Theme) else Theme.LIGHT.value


def _state(query: str | None) -> ViewState:
    return parse_query(query)[0]


def register_callbacks(app: Dash, services: Services, *, limits: UploadLimits) -> None:
    """Attach every callback of the dashboard to ``app``."""
    _register_view(app, services)
    _register_panels(app, services)
    _register_actions(app)
    _register_files(app, services, limits)
    _register_clientside(app)
    _register_draft(app)
    reasoning.register_callbacks(app, services)


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
        Input(Ids.VIEW_KEY, "data"),
        Input(Ids.GRAPH, "data"),
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
            return [], "", views.notice_list(lines, kind="error"), "", no_update, no_update, "", True, True, True
        now_large = drawing.view.graph.number_of_edges() >= views.LARGE_VIEW
        sheet = no_update if now_large == bool(large) else views.stylesheet(_theme(theme), drawing.view.lit, large=now_large)
        notices = views.notice_list(drawing.view.notices)
        overview = drawing.view.overview
        status = views.overview_status(overview) if overview is not None else ""
        may_close = bool(state.opened) and drawing.view.focus is None and not drawing.view.lit
        return drawing.elements, views.counts_text(graph, drawing.view), notices, "", sheet, now_large, status, overview is None, not may_close, overview is None and not may_close

    @app.callback(
        Output(Ids.CANVAS, "stylesheet"),
        Output(Ids.ROOT, "className"),
        Output(Ids.LEGEND, "children"),
        Input(Ids.THEME, "value"),
        Input(Ids.HIGHLIGHT, "data"),
        State(Ids.CANVAS_SCALE, "data"),
        prevent_initial_call=True,
    )
    def style_canvas(theme: str | None, highlight: list[str] | None, large: bool | None) -> tuple[Any, ...]:
        """A new stylesheet for a new theme; a three-rule Patch when only the highlight changed."""
        theme = _theme(theme)
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
        Output(Ids.DETAILS, "children"),
        Output(Ids.SELECTED, "data"),
        Output(Ids.TABS, "value", allow_duplicate=True),
        Input(Ids.CANVAS, "tapNodeData"),
        Input(Ids.CANVAS, "tapEdgeData"),
        Input(Ids.FOCUS, "value"),
        State(Ids.GRAPH, "data"),
        prevent_initial_call=True,
    )
    def show_details(node: dict[str, Any] | None, edge: dict[str, Any] | None, focus: str | None, store: dict[str, Any] | None) -> tuple[Any, ...]:
        """What was clicked (a node's facts, or a relation's sign, context and evidence), or the
        node just focused from the search box, so keyboard users reach the details too."""
        try:
            _, graph = services.graph(store)
        except MechgraphError as error:
            return views.notice_list([str(error)], kind="error"), None, PanelTab.DETAILS.value
        node = node if isinstance(node, dict) else None
        edge = edge if isinstance(edge, dict) else None
        focus = focus if isinstance(focus, str) else None
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
        Output(Ids.SANKEY, "figure"),
        Output(Ids.CHART_SIGNS, "figure"),
        Output(Ids.CHART_HUBS, "figure"),
        Input(Ids.VIEW_KEY, "data"),
        Input(Ids.GRAPH, "data"),
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

    @app.callback(Output(Ids.FOCUS, "options"), Input(Ids.FOCUS, "search_value"), Input(Ids.FOCUS, "value"), State(Ids.GRAPH, "data"), prevent_initial_call=True)
    def focus_options(text: str | None, value: str | None, store: dict[str, Any] | None) -> list[dict[str, str]]:
        return _options(services, store, text, value)

    @app.callback(Output(Ids.PATH_FROM, "options"), Input(Ids.PATH_FROM, "search_value"), Input(Ids.PATH_FROM, "value"), State(Ids.GRAPH, "data"), prevent_initial_call=True)
    def from_options(text: str | None, value: str | None, store: dict[str, Any] | None) -> list[dict[str, str]]:
        return _options(services, store, text, value)

    @app.callback(Output(Ids.PATH_TO, "options"), Input(Ids.PATH_TO, "search_value"), Input(Ids.PATH_TO, "value"), State(Ids.GRAPH, "data"), prevent_initial_call=True)
    def to_options(text: str | None, value: str | None, store: dict[str, Any] | None) -> list[dict[str, str]]:
        return _options(services, store, text, value)


def _options(services: Services, store: dict[str, Any] | None, text: str | None, value: str | None) -> list[dict[str, str]]:
    """Autocomplete options of a node picker (the current value always among them)."""
    try:
        _, graph = services.graph(store)
    except MechgraphError:
        return []
    return views.search_options(graph, text, value)


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

    @app.callback(Output(Ids.OPEN_GROUPS, "data", allow_duplicate=True), Input(Ids.SHOW_ALL, "n_clicks"), prevent_initial_call=True)
    def show_every_node(_: int | None) -> list[str]:
        return ["all"]

    @app.callback(Output(Ids.OPEN_GROUPS, "data", allow_duplicate=True), Input(Ids.SHOW_OVERVIEW, "n_clicks"), prevent_initial_call=True)
    def show_overview(_: int | None) -> list[str]:
        return []

    @app.callback(Output(Ids.FOCUS, "value", allow_duplicate=True), Input(Ids.WHOLE_MAP, "n_clicks"), prevent_initial_call=True)
    def whole_map(_: int | None) -> None:
        return None

    @app.callback(Output(Ids.FOCUS, "value", allow_duplicate=True), Input(Ids.DETAIL_FOCUS, "n_clicks"), State(Ids.SELECTED, "data"), prevent_initial_call=True)
    def focus_selected(_: int | None, selected: str | None) -> str:
        if not selected:
            raise PreventUpdate
        return selected

    @app.callback(
        Output(Ids.PATH_FROM, "value", allow_duplicate=True),
        Output(Ids.PATH_CHOICE, "value", allow_duplicate=True),
        Input(Ids.DETAIL_FROM, "n_clicks"),
        State(Ids.SELECTED, "data"),
        prevent_initial_call=True,
    )
    def path_from_selected(_: int | None, selected: str | None) -> tuple[str, int]:
        if not selected:
            raise PreventUpdate
        return selected, 0

    @app.callback(
        Output(Ids.PATH_TO, "value", allow_duplicate=True),
        Output(Ids.PATH_CHOICE, "value", allow_duplicate=True),
        Input(Ids.DETAIL_TO, "n_clicks"),
        State(Ids.SELECTED, "data"),
        prevent_initial_call=True,
    )
    def path_to_selected(_: int | None, selected: str | None) -> tuple[str, int]:
        if not selected:
            raise PreventUpdate
        return selected, 0

    @app.callback(
        Output(Ids.PATH_FROM, "value", allow_duplicate=True),
        Output(Ids.PATH_TO, "value", allow_duplicate=True),
        Output(Ids.PATH_CHOICE, "value", allow_duplicate=True),
        Input(Ids.PATH_SWAP, "n_clicks"),
        State(Ids.PATH_FROM, "value"),
        State(Ids.PATH_TO, "value"),
        prevent_initial_call=True,
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


def _register_files(app: Dash, services: Services, limits: UploadLimits) -> None:
    @app.callback(
        Output(Ids.GRAPH, "data"),
        Output(Ids.UPLOAD_STATUS, "children"),
        Output(Ids.URL, "search", allow_duplicate=True),
        Input(Ids.UPLOAD_PAYLOAD, "data"),
        State(Ids.THEME, "value"),
        running=[
            (Output(Ids.UPLOAD, "disabled"), True, False),
            (Output(Ids.UPLOAD, "children"), views.upload_label("Reading the graph…"), views.upload_label()),
        ],
        prevent_initial_call=True,
    )
    def upload_graph(payload: dict[str, Any] | None, theme: str | None) -> tuple[Any, Any, Any]:
        """Read, check and keep the user's graph in their own browser; list every problem.
        A new graph opens on a fresh view (the last graph's focus, filters and path mean nothing in it)."""
        if not isinstance(payload, dict) or not payload.get("contents"):
            raise PreventUpdate
        contents, filename = str(payload["contents"]), str(payload.get("filename") or "upload")
        upload = decode_upload(contents, filename, limits=limits, signer=services.graphs.signer)
        if upload.store is None:
            return no_update, views.upload_problems(filename, upload.problems), no_update
        return upload.store, views.upload_done(upload.store, upload.notes), fresh_view(theme)

    @app.callback(
        Output(Ids.GRAPH, "data", allow_duplicate=True),
        Output(Ids.UPLOAD_STATUS, "children", allow_duplicate=True),
        Output(Ids.UPLOAD, "contents"),
        Output(Ids.URL, "search", allow_duplicate=True),
        Input(Ids.RESET_GRAPH, "n_clicks"),
        State(Ids.THEME, "value"),
        prevent_initial_call=True,
    )
    def reset_graph(_: int | None, theme: str | None) -> tuple[None, Any, None, str]:
        return None, views.notice_list(["Back to the graph this server opened."]), None, fresh_view(theme)

    @app.callback(
        Output(Ids.DOWNLOAD, "data"),
        Output(Ids.EXPORT_STATUS, "children"),
        Input(Ids.POSITIONS, "data"),
        State(Ids.STATE, "data"),
        State(Ids.GRAPH, "data"),
        running=[(Output(Ids.EXPORT, "disabled"), True, False), (Output(Ids.EXPORT, "children"), "Preparing…", "Download")],
        prevent_initial_call=True,
    )
    def export(request: dict[str, Any] | None, query: str | None, store: dict[str, Any] | None) -> tuple[Any, Any]:
        """Write the view on screen, with the positions the browser sent, in the chosen format."""
        if not isinstance(request, dict) or not request:
            raise PreventUpdate
        try:
            key, graph = services.graph(store)
            drawing = services.drawing(key, graph, _state(query))
            state = _state(query)
            given, blocked = reasoning.perturbed_nodes(state)
            known = [n for n in given if n in graph], [n for n in blocked if n in graph]
            perturbation = (graph, *known) if any(known) else None
            download = export_view(drawing, request, theme=state.theme, source_texts=services.graphs.source_texts(store), perturbation=perturbation)
        except MechgraphError as error:
            return no_update, views.notice_list([f"Export failed: {error}"], kind="error")
        return download.data, views.notice_list([download.message])


def _register_draft(app: Dash) -> None:
    @app.callback(
        Output(Ids.DRAFT_STORE, "data"),
        Output(Ids.DRAFT_DECISIONS, "data"),
        Output(Ids.DRAFT_TEXT, "value"),
        Output(Ids.DRAFT_STATUS, "children"),
        Output(Ids.DRAFT_RELATIONS, "value"),
        Input(Ids.DRAFT_RUN, "n_clicks"),
        Input(Ids.DRAFT_UPLOAD, "contents"),
        State(Ids.DRAFT_TEXT, "value"),
        State(Ids.DRAFT_UPLOAD, "filename"),
        running=[(Output(Ids.DRAFT_RUN, "disabled"), True, False), (Output(Ids.DRAFT_RUN, "children"), "Drafting…", "Draft relations")],
        prevent_initial_call=True,
    )
    def start_draft(_: int | None, contents: str | None, typed: str | None, filename: str | None) -> tuple[Any, ...]:
        """Keep the pasted or opened text in the browser and start a fresh review of it."""
        uploaded = f"{Ids.DRAFT_UPLOAD}.contents" in ctx.triggered_prop_ids
        text, problem = decode_text_upload(contents, filename) if uploaded else (typed, None)
        store, problem = (None, problem) if problem else drafting.draft_store(text, filename if uploaded else None)
        if store is None:
            return no_update, no_update, no_update, views.notice_list([problem or "nothing to draft"], kind="error"), no_update
        draft = drafting.draft_of(store, {})
        first = draft.relations[0].id if draft and draft.relations else None
        return store, {}, text if uploaded else no_update, no_update, first

    @app.callback(
        Output(Ids.DRAFT_RELATIONS, "options"),
        Output(Ids.DRAFT_CANVAS, "elements"),
        Output(Ids.DRAFT_STATUS, "children", allow_duplicate=True),
        Output(Ids.DRAFT_DOWNLOAD_BUTTON, "disabled"),
        Input(Ids.DRAFT_STORE, "data"),
        Input(Ids.DRAFT_DECISIONS, "data"),
        prevent_initial_call=True,
    )
    def show_draft(store: dict[str, Any] | None, decisions: dict[str, str] | None) -> tuple[Any, ...]:
        """The drafted relations to review, and the draft graph beside the text."""
        draft = drafting.draft_of(store, decisions)
        if draft is None:
            raise PreventUpdate
        accepted = any(r.status is Status.ACCEPTED for r in draft.relations)
        return drafting.relation_options(draft), drafting.draft_elements(draft), views.notice_list([drafting.review_summary(draft)]), not accepted

    @app.callback(
        Output(Ids.DRAFT_SOURCE, "children"),
        Output(Ids.DRAFT_CANVAS, "stylesheet"),
        Output(Ids.DRAFT_ACCEPT, "disabled"),
        Output(Ids.DRAFT_REJECT, "disabled"),
        Input(Ids.DRAFT_RELATIONS, "value"),
        Input(Ids.DRAFT_STORE, "data"),
        Input(Ids.THEME, "value"),
    )
    def show_selected(selected: str | None, store: dict[str, Any] | None, theme: str | None) -> tuple[Any, ...]:
        """The supporting sentence marked in the text; the relation lit on the canvas (a Patch)."""
        draft = drafting.draft_of(store, {})
        theme = _theme(theme)
        source = drafting.source_with_highlight(draft, selected) if draft else []
        if ctx.triggered_id == Ids.DRAFT_RELATIONS:
            sheet: Any = Patch()
            for offset, rule in enumerate(views.highlight_rules(drafting.lit_ids(draft, selected), theme=theme)):
                sheet[drafting.draft_stylesheet_length(theme) + offset] = rule
        else:
            sheet = drafting.draft_stylesheet(theme, selected, draft)
        return source, sheet, selected is None, selected is None

    @app.callback(
        Output(Ids.DRAFT_DECISIONS, "data", allow_duplicate=True),
        Output(Ids.DRAFT_RELATIONS, "value", allow_duplicate=True),
        Input(Ids.DRAFT_ACCEPT, "n_clicks"),
        Input(Ids.DRAFT_REJECT, "n_clicks"),
        State(Ids.DRAFT_RELATIONS, "value"),
        State(Ids.DRAFT_DECISIONS, "data"),
        State(Ids.DRAFT_STORE, "data"),
        prevent_initial_call=True,
    )
    def decide(_: int | None, __: int | None, selected: str | None, decisions: dict[str, str] | None, store: dict[str, Any] | None) -> tuple[Any, ...]:
        """Accept or reject the selected relation, then move on to the next one to review."""
        if not selected:
            raise PreventUpdate
        status = Status.ACCEPTED if ctx.triggered_id == Ids.DRAFT_ACCEPT else Status.REJECTED
        decided = {**(decisions if isinstance(decisions, dict) else {}), str(selected): status.value}
        draft = drafting.draft_of(store, decided)
        return decided, drafting.next_to_review(draft, selected) if draft else no_update

    @app.callback(Output(Ids.DRAFT_RELATIONS, "value", allow_duplicate=True), Input(Ids.DRAFT_CANVAS, "tapEdgeData"), prevent_initial_call=True)
    def select_tapped_relation(edge: dict[str, Any] | None) -> str:
        if not edge or not edge.get("id"):
            raise PreventUpdate
        return str(edge["id"])

    @app.callback(
        Output(Ids.DRAFT_DOWNLOAD, "data"),
        Input(Ids.DRAFT_DOWNLOAD_BUTTON, "n_clicks"),
        State(Ids.DRAFT_STORE, "data"),
        State(Ids.DRAFT_DECISIONS, "data"),
        prevent_initial_call=True,
    )
    def download_accepted(_: int | None, store: dict[str, Any] | None, decisions: dict[str, str] | None) -> dict[str, Any]:
        """The accepted relations as a native graph, zipped with the text their quotes rest on."""
        draft = drafting.draft_of(store, decisions)
        if draft is None:
            raise PreventUpdate
        content, filename = drafting.accepted_archive(draft)
        return {"content": base64.b64encode(content).decode("ascii"), "filename": filename, "base64": True, "type": "application/zip"}


def fresh_view(theme: str | None) -> str:
    """The link of a fresh view of a newly opened graph: nothing but the theme kept.

    >>> fresh_view("dark"), fresh_view("light"), fresh_view(None)
    ('?theme=dark', '', '')
    """
    return ViewState(theme=Theme(_theme(theme))).to_query()


def decode_text_upload(contents: str | None, filename: str | None) -> tuple[str | None, str | None]:
    """The text of an uploaded .txt file, or why it cannot be read (size checked before decoding)."""
    name = filename or "the file"
    _, _, payload = (contents or "").partition(",")
    if len(payload) > 4 * drafting.MAX_TEXT_CHARACTERS:
        return None, f"{name} is too large: the dashboard drafts at most {drafting.MAX_TEXT_CHARACTERS:,} characters."
    try:
        return base64.b64decode(payload, validate=True).decode("utf-8"), None
    except (binascii.Error, ValueError):
        return None, f"{name} is not UTF-8 text: save it as plain text (.txt) and open it again."


def _register_clientside(app: Dash) -> None:
    app.clientside_callback(
        "function(n, format) { return window.mechgraph.collectPositions('" + Ids.CANVAS + "', n, format); }",
        Output(Ids.POSITIONS, "data"),
        Input(Ids.EXPORT, "n_clicks"),
        State(Ids.EXPORT_FORMAT, "value"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        "function(contents, filename, limit) { return window.mechgraph.checkUpload(contents, filename, limit); }",
        Output(Ids.UPLOAD_PAYLOAD, "data"),
        Output(Ids.UPLOAD_STATUS, "children", allow_duplicate=True),
        Input(Ids.UPLOAD, "contents"),
        State(Ids.UPLOAD, "filename"),
        State(Ids.UPLOAD_LIMIT, "data"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        "function(n) { return window.mechgraph.fit('" + Ids.CANVAS + "'); }",
        Output(Ids.FIT, "title"),
        Input(Ids.FIT, "n_clicks"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        "function(children) { return window.mechgraph.showSentence(); }",
        Output(Ids.DRAFT_SOURCE, "title"),
        Input(Ids.DRAFT_SOURCE, "children"),
        prevent_initial_call=True,
    )
    app.clientside_callback(
        "function(n) { return window.location.href; }",
        Output(Ids.SHARE, "content"),
        Input(Ids.SHARE, "n_clicks"),
        prevent_initial_call=True,
    )

