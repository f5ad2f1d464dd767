"""The dashboard's Reason panel: perturb agents, overlay measured data, compare two agents.

What is asked lives in the link (``give``, ``block``, ``compare_a``, ``compare_b``: see
:class:`~mechgraph.dashboard.state.ViewState`), so a shared link shows the same answer. An
uploaded table of values lives in the browser (a ``dcc.Store`` holding its text), like an
uploaded graph; it comes back with every request as untrusted text and is read again, within
:data:`OVERLAY_MAX_CHARS`, by :func:`mechgraph.query.overlay.parse_overlay`, which checks every
cell. Nothing here keeps per-user state on the server.

The answer is drawn over the view without changing its elements: the server sends, per node id,
the cytoscape style of its mark (from :func:`mechgraph.style.reasoning_node_style`, the one style
module), and the browser applies it to the nodes on screen, again whenever the view changes.
The callbacks only translate inputs, call the queries (:func:`~mechgraph.query.perturb.perturb`,
:func:`~mechgraph.query.overlay.consistency`, :func:`~mechgraph.query.compare.compare_agents`)
and render with pure functions, tested without a browser: :func:`reason` here, the panel's sections and the
canvas paint in :mod:`~mechgraph.dashboard.reasoning_sections`; the browser's scripts are in
:mod:`~mechgraph.dashboard.reasoning_scripts`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any

import networkx as nx
from dash import Dash, Input, Output, State, dcc, html, no_update

from .. import style
from ..errors import DataError, MechgraphError
from ..export.story import story_data, story_html
from ..query import signed_paths
from ..query.compare import AgentComparison, compare_agents
from ..query.overlay import (
    Consistency,
    Overlay,
    OverlayTable,
    consistency,
    map_overlay,
    parse_overlay,
)
from ..query.perturb import Perturbation, perturb
from ..query.story import Story, comparison_story, path_story, perturbation_story
from .ids import Ids
from .reasoning_scripts import PAINT_JS, STORY_JS
from .reasoning_sections import _paint_comparison, _paint_overlay, _paint_perturbation, comparison_section, overlay_section, perturbation_section
from .services import LruCache, Services
from .state import ViewState, parse_query
from .views import node_option, notice_list
from .wiring import Prop, inputs, register_picker, register_setter, states, upload

__all__ = ["OVERLAY_MAX_CHARS", "Reasoning", "decode_overlay_upload", "idle", "panel", "read_overlay_store", "reason", "register_callbacks"]

#: The longest table of values the dashboard reads (characters of text; about 60,000 rows).
OVERLAY_MAX_CHARS = 2_000_000
#: The most nodes one request perturbs (each is a search of its own).
MAX_PERTURBED = 10
#: Tables read, by the hash of their name and text: a table comes back with every request, and
#: is read once per process (keyed by content, so no user's state is kept).
_TABLES: LruCache[OverlayTable] = LruCache(8)
#: Answers by graph, question, table and theme: stepping through a story changes the link, not the answer.
_ANSWERS: LruCache[Reasoning] = LruCache(16)
_NAME = re.compile(r"[^\w .()+-]")


# ------------------------------------------------------------------------------------- layout


def _picker(component_id: Ids, placeholder: str, *, multi: bool) -> dcc.Dropdown:
    return dcc.Dropdown(id=component_id, options=[], value=[] if multi else None, multi=multi, placeholder=placeholder,
                        searchable=True, clearable=True, optionHeight=34, maxHeight=320)  # fmt: skip


def _field(label: str, control: Any, control_id: str) -> html.Div:
    return html.Div([html.Label(label, htmlFor=control_id), control], className="field")


def panel() -> html.Div:
    """The Reason tab: what to ask, the uploaded table, the answer."""
    ask = html.Div(
        [
            html.H3("Perturb"),
            _field("Give (increase)", _picker(Ids.REASON_GIVE, "e.g. tacrolimus, sirolimus", multi=True), Ids.REASON_GIVE),
            _field("Block (decrease)", _picker(Ids.REASON_BLOCK, "e.g. calcineurin", multi=True), Ids.REASON_BLOCK),
            html.H3("Compare two agents"),
            html.Div(
                [
                    _field("A", _picker(Ids.REASON_COMPARE_A, "first agent", multi=False), Ids.REASON_COMPARE_A),
                    _field("B", _picker(Ids.REASON_COMPARE_B, "second agent", multi=False), Ids.REASON_COMPARE_B),
                ],
                className="row",
            ),
            html.H3("Measured data"),
            html.Div(
                [
                    dcc.Upload(
                        id=Ids.REASON_OVERLAY_UPLOAD,
                        children=html.Span("Open a CSV/TSV of values…", className="button subtle"),
                        accept=".csv,.tsv,.txt,.tab,text/csv,text/tab-separated-values,text/plain",
                    ),
                    html.Button("Remove data", id=Ids.REASON_OVERLAY_CLEAR, className="button subtle"),
                ],
                className="row",
            ),
            html.Div(id=Ids.REASON_OVERLAY_STATUS, className="notices", role="status", **{"aria-live": "polite"}),
            html.Button("Clear perturbation and comparison", id=Ids.REASON_CLEAR, className="button subtle wide"),
        ],
        className="reason-ask",
    )
    story = html.Div(
        [
            html.H3("Story"),
            html.P("Step through the answer one relation at a time (← → keys once the story box has focus).", className="help"),
            html.Div(
                [html.Button("← Back", id=Ids.REASON_STORY_BACK, className="button subtle", disabled=True),
                 html.Button("Next →", id=Ids.REASON_STORY_NEXT, className="button subtle", disabled=True),
                 html.Button("Download story (HTML)", id=Ids.REASON_STORY_EXPORT, className="button subtle", disabled=True),
                 dcc.Download(id=Ids.REASON_STORY_DOWNLOAD)],
                className="row",
            ),
            html.Div(id=Ids.REASON_STORY_CAPTION, className="reason-story-caption", role="status", **{"aria-live": "polite"}),
        ],
        id=Ids.REASON_STORY_BOX,
        className="reason-story",
        tabIndex="0",
        **{"aria-label": "Story: left and right arrow keys step through it"},
    )  # fmt: skip
    result = html.Div(
        idle(),
        id=Ids.REASON_RESULT,
        className="reason-result",
        role="region",
        **{"aria-live": "polite", "aria-label": "Reasoning result"},
    )
    stores = [dcc.Store(id=Ids.REASON_OVERLAY), dcc.Store(id=Ids.REASON_PAINT), dcc.Store(id=Ids.REASON_PAINTED),
              dcc.Store(id=Ids.REASON_STORY), dcc.Store(id=Ids.REASON_STORY_STEP, data=0)]  # the step is kept in the link (step=)  # fmt: skip
    return html.Div([ask, story, result, *stores], className="reason")


# ----------------------------------------------------------------------------- pure functions


def idle() -> list[Any]:
    """What the result area says before anything is asked."""
    return [html.P("Give or block nodes to see which way the graph predicts each node downstream moves; open a table of "
                   "measured values to check the prediction; or compare two agents.", className="muted")]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Reasoning:
    """What the panel shows and what the canvas paints (node id -> style; ``classes`` for tests and CSS)."""

    children: list[Any]
    paint: dict[str, Any]
    story: Story | None = None


def read_overlay_store(store: Any) -> tuple[str, str] | None:
    """The (name, text) of an overlay store the browser sent back, or None when it is not one.

    >>> read_overlay_store({"name": "a.csv", "text": "id,value"}), read_overlay_store({"text": 3}), read_overlay_store("x")
    (('a.csv', 'id,value'), None, None)
    """
    if not isinstance(store, Mapping):
        return None
    name, text = store.get("name"), store.get("text")
    if not isinstance(name, str) or not isinstance(text, str) or len(text) > OVERLAY_MAX_CHARS:
        return None
    return _safe_name(name), text


def _safe_name(name: str) -> str:
    """A file name as a label: no folders, no control characters, at most 80 characters."""
    base = re.split(r"[\\/]", name)[-1]
    return _NAME.sub("_", base)[:80] or "table"


def decode_overlay_upload(contents: Any, filename: Any) -> tuple[dict[str, str] | None, list[str]]:
    """An uploaded table (``dcc.Upload``'s data URL) checked and kept as text: the store, or the problems.

    >>> store, problems = decode_overlay_upload("data:text/csv;base64," + base64.b64encode(b"id,value\\nil2,-1\\n").decode(), "v.csv")
    >>> store["name"], problems
    ('v.csv', [])
    >>> decode_overlay_upload("data:text/csv;base64,!!", "v.csv")[1]
    ['v.csv: the upload is not valid base64 data; choose the file again']
    """
    name = _safe_name(filename if isinstance(filename, str) else "table")
    if not isinstance(contents, str) or "," not in contents:
        return None, [f"{name}: the file is empty"]
    payload = contents.partition(",")[2]
    if len(payload) > OVERLAY_MAX_CHARS * 4 // 3 + 4:
        return None, [f"{name}: larger than the {OVERLAY_MAX_CHARS // 1_000_000} MB limit for a table of values"]
    try:
        raw = base64.b64decode(payload, validate=True)
    except (binascii.Error, ValueError):
        return None, [f"{name}: the upload is not valid base64 data; choose the file again"]
    if b"\x00" in raw:
        return None, [f"{name}: is a binary file, expected a CSV or TSV text"]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        return None, [f"{name}:{line}: not valid UTF-8 text"]
    try:
        parse_overlay(text, file=name)
    except DataError as error:
        return None, [str(problem) for problem in error.problems]
    return {"name": name, "text": text}, []


def reason(graph: nx.MultiDiGraph, state: ViewState, overlay_store: Any, theme: str) -> Reasoning:
    """The panel's answer for ``state`` (and an uploaded table) on ``graph``, and what to paint."""
    children: list[Any] = []
    paint: dict[str, Any] = {"nodes": {}, "classes": {}}
    notices: list[str] = []
    table = read_overlay_store(overlay_store)
    overlay: Overlay | None = None
    if table is not None:
        name, text = table
        digest = hashlib.sha256(f"{name}\0{text}".encode()).hexdigest()
        try:
            overlay = map_overlay(graph, _TABLES.get(digest, lambda: parse_overlay(text, file=name)))
        except DataError as error:
            notices.extend(str(problem) for problem in error.problems)
    result: Perturbation | None = None
    if state.give or state.block:
        given, blocked = perturbed_nodes(state)
        if len(state.give) + len(state.block) > len(given) + len(blocked):
            notices.append(f"only the first {MAX_PERTURBED} nodes given and the first {MAX_PERTURBED} blocked are perturbed")
        try:
            result = perturb(graph, given, block=blocked, mixed_context=state.mixed_context)
        except MechgraphError as error:
            notices.append(str(error))
    comparison: AgentComparison | None = None
    if state.compare_a and state.compare_b:
        try:
            comparison = compare_agents(graph, state.compare_a, state.compare_b, mixed_context=state.mixed_context)
        except MechgraphError as error:
            notices.append(str(error))
    report = consistency(graph, overlay, result) if overlay is not None and result is not None else None
    children.extend(notice_list(notices, kind="error"))
    if result is not None:
        children.extend(perturbation_section(graph, result, theme))
        _paint_perturbation(paint, result, report, theme)
    elif comparison is not None:
        _paint_comparison(paint, comparison, theme)
    elif overlay is not None:
        _paint_overlay(paint, overlay, theme)
    if overlay is not None:
        children.extend(overlay_section(graph, overlay, report, theme))
    if comparison is not None:
        children.extend(comparison_section(graph, comparison, theme, painted=result is None))
    return Reasoning(children or idle(), paint, _story_of(graph, result, comparison, state, overlay, report))


def _story_of(
    graph: nx.MultiDiGraph,
    result: Perturbation | None,
    comparison: AgentComparison | None,
    state: ViewState,
    overlay: Overlay | None,
    report: Consistency | None,
) -> Story | None:
    """The story of the answer: the perturbation's (with the measured values), else the comparison's, else the chosen path's."""
    try:
        if result is not None and result.effects:
            return perturbation_story(graph, result, overlay=overlay, report=report)
        if comparison is not None:
            return comparison_story(graph, comparison)
        if state.has_path and state.path_from is not None and state.path_to is not None and state.path_from in graph and state.path_to in graph:
            report = signed_paths(graph, state.path_from, state.path_to, k=state.path + 1, mixed_context=state.mixed_context)
            if len(report.paths) > state.path:
                return path_story(graph, report.paths[state.path])
    except MechgraphError:
        return None
    return None


def perturbed_nodes(state: ViewState) -> tuple[list[str], list[str]]:
    """The nodes a view gives and blocks, bounded as every request is (the link may ask more)."""
    return [n for n in state.give if n not in state.block][:MAX_PERTURBED], list(state.block[:MAX_PERTURBED])


# ---------------------------------------------------------------------------------- callbacks

#: What an answer is derived from (see :func:`_asked`): the link's state, the graph, the table of
#: values and the theme. The answer follows them; the story's download reads them when clicked.
_QUESTION: tuple[Prop, ...] = ((Ids.STATE, "data"), (Ids.GRAPH, "data"), (Ids.REASON_OVERLAY, "data"), (Ids.THEME, "value"))


def register_callbacks(app: Dash, services: Services) -> None:
    """Attach the Reason panel's callbacks to ``app``."""

    @app.callback(
        Output(Ids.REASON_RESULT, "children"),
        Output(Ids.REASON_PAINT, "data"),
        Output(Ids.REASON_STORY, "data"),
        *inputs(*_QUESTION),
    )
    def show_reasoning(query: str | None, store: Any, overlay: Any, theme: str | None) -> tuple[Any, Any, Any]:
        """The answer for the link's perturbation or comparison and the uploaded table, its paint and its story."""
        try:
            graph, state, theme, key = _asked(services, query, store, theme)
        except MechgraphError as error:
            return notice_list([str(error)], kind="error"), {"nodes": {}, "classes": {}}, None
        answer = _ANSWERS.get((key, _question(state), _table_digest(overlay), theme), lambda: reason(graph, state, overlay, theme))
        return answer.children, answer.paint, story_store(answer.story)

    @app.callback(
        Output(Ids.REASON_STORY_DOWNLOAD, "data"),
        Input(Ids.REASON_STORY_EXPORT, "n_clicks"),
        *states(*_QUESTION),
        prevent_initial_call=True,
    )
    def download_story(_: int | None, query: str | None, store: Any, overlay: Any, theme: str | None) -> Any:
        """The story on show as one offline HTML page."""
        try:
            graph, state, theme, _ = _asked(services, query, store, theme)
        except MechgraphError:
            return no_update
        story = reason(graph, state, overlay, theme).story
        if story is None:
            return no_update
        return {"content": story_html(graph, story, theme=theme), "filename": "mechgraph-story.html", "type": "text/html", "base64": False}

    @app.callback(
        Output(Ids.REASON_OVERLAY, "data"),
        Output(Ids.REASON_OVERLAY_STATUS, "children"),
        *upload(Ids.REASON_OVERLAY_UPLOAD),
        prevent_initial_call=True,
    )
    def open_overlay(contents: Any, filename: Any) -> tuple[Any, Any]:
        """A table of values, checked cell by cell before the browser keeps it."""
        stored, problems = decode_overlay_upload(contents, filename)
        if stored is None:
            return no_update, notice_list(problems[:50], kind="error")
        return stored, notice_list([f"Opened {stored['name']}. Only you see these values."])

    register_setter(
        app,
        Ids.REASON_OVERLAY_CLEAR,
        (Output(Ids.REASON_OVERLAY, "data", allow_duplicate=True), None),
        (Output(Ids.REASON_OVERLAY_STATUS, "children", allow_duplicate=True), []),
        (Output(Ids.REASON_OVERLAY_UPLOAD, "contents"), None),
    )
    register_setter(
        app,
        Ids.REASON_CLEAR,
        (Output(Ids.REASON_GIVE, "value", allow_duplicate=True), []),
        (Output(Ids.REASON_BLOCK, "value", allow_duplicate=True), []),
        (Output(Ids.REASON_COMPARE_A, "value", allow_duplicate=True), None),
        (Output(Ids.REASON_COMPARE_B, "value", allow_duplicate=True), None),
        (Output(Ids.REASON_STORY_STEP, "data", allow_duplicate=True), 0),
    )
    register_picker(app, Ids.REASON_GIVE, partial(picker_options, services))
    register_picker(app, Ids.REASON_BLOCK, partial(picker_options, services))
    register_picker(app, Ids.REASON_COMPARE_A, partial(picker_options, services))
    register_picker(app, Ids.REASON_COMPARE_B, partial(picker_options, services))
    app.clientside_callback(PAINT_JS, Output(Ids.REASON_PAINTED, "data"), Input(Ids.REASON_PAINT, "data"), Input(Ids.CANVAS, "elements"))
    app.clientside_callback(
        STORY_JS,
        Output(Ids.REASON_STORY_STEP, "data"),
        Output(Ids.REASON_STORY_CAPTION, "children"),
        Output(Ids.REASON_STORY_BACK, "disabled"),
        Output(Ids.REASON_STORY_NEXT, "disabled"),
        Output(Ids.REASON_STORY_EXPORT, "disabled"),
        Input(Ids.REASON_STORY_BACK, "n_clicks"),
        Input(Ids.REASON_STORY_NEXT, "n_clicks"),
        Input(Ids.REASON_STORY, "data"),
        Input(Ids.CANVAS, "elements"),
        State(Ids.REASON_STORY_STEP, "data"),
    )


def _asked(services: Services, query: str | None, store: Any, theme: str | None) -> tuple[nx.MultiDiGraph, ViewState, str, str]:
    """The graph as the view filters it, the state of the link, a known theme, and the graph's key."""
    state = parse_query(query)[0]
    key, graph = services.graph(store)
    return services.filtered(key, graph, state), state, theme if theme in tuple(style.Theme) else style.Theme.LIGHT.value, key


def _question(state: ViewState) -> tuple[Any, ...]:
    """What of the state decides the answer (not the story's step, the focus or the layout)."""
    return (state.filter_query(), state.give, state.block, state.compare_a, state.compare_b, state.mixed_context,
            state.path_from, state.path_to, state.path)  # fmt: skip


def _table_digest(overlay: Any) -> str | None:
    table = read_overlay_store(overlay)
    return None if table is None else hashlib.sha256(f"{table[0]}\0{table[1]}".encode()).hexdigest()


def story_store(story: Story | None) -> dict[str, Any] | None:
    """What the browser needs to step through a story on the view: the steps (safe evidence
    links only) and the styles of the current and past relations."""
    if story is None:
        return None
    return {**story_data(story), "styles": {mark: style.reasoning_edge_style(mark) for mark in ("current", "past")}}


def picker_options(services: Services, store: Any, text: str | None, value: Any) -> list[dict[str, str]]:
    """Autocomplete options of a reasoning picker: the matches of ``text`` and every chosen value."""
    try:
        _, graph = services.graph(store)
    except MechgraphError:
        return []
    chosen = [item for item in (value if isinstance(value, list) else [value]) if isinstance(item, str) and item in graph]
    options = {option["value"]: option for option in services.search_options(store, text, None)}  # a served store is searched in the store
    for node in chosen:
        options.setdefault(node, node_option(graph, node))
    return list(options.values())
