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
and render with the pure functions below, which are tested without a browser.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx
from dash import Dash, Input, Output, State, dcc, html, no_update

from .. import style
from ..errors import DataError, MechgraphError
from ..export.story import story_data, story_html
from ..query import explain, signed_paths
from ..query.compare import AgentComparison, Category, compare_agents
from ..query.overlay import (
    Consistency,
    Overlay,
    OverlayTable,
    consistency,
    map_overlay,
    parse_overlay,
)
from ..query.perturb import NodeEffect, Perturbation, perturb
from ..query.story import Story, comparison_story, path_story, perturbation_story
from ..vocabulary import Attr
from .ids import Ids
from .services import LruCache, Services
from .state import ViewState, parse_query
from .views import node_option, notice_list, search_options

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
_SHOWN = 60  # items listed per group before "and n more"
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
                [_field("A", _picker(Ids.REASON_COMPARE_A, "first agent", multi=False), Ids.REASON_COMPARE_A),
                 _field("B", _picker(Ids.REASON_COMPARE_B, "second agent", multi=False), Ids.REASON_COMPARE_B)],
                className="row",
            ),
            html.H3("Measured data"),
            html.Div(
                [
                    dcc.Upload(id=Ids.REASON_OVERLAY_UPLOAD, children=html.Span("Open a CSV/TSV of values…", className="button subtle"), accept=".csv,.tsv,.txt,.tab,text/csv,text/tab-separated-values,text/plain"),
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
    graph: nx.MultiDiGraph, result: Perturbation | None, comparison: AgentComparison | None, state: ViewState, overlay: Overlay | None, report: Consistency | None
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


def _mark(paint: dict[str, Any], node: str, mark: str, theme: str, *, fill: str | None = None) -> None:
    paint["nodes"].setdefault(node, {}).update(style.reasoning_node_style(mark, theme, fill=fill))
    paint["classes"].setdefault(node, []).append(f"reason-{mark}")


def _paint_perturbation(paint: dict[str, Any], result: Perturbation, report: Consistency | None, theme: str) -> None:
    for effect in result.effects:
        _mark(paint, effect.node, effect.status.value, theme)
    for node in result.unsigned:
        _mark(paint, node, "unsigned", theme)
    for node in result.given:
        _mark(paint, node, "given", theme)
    if report is not None:
        for node in report.consistent_nodes:
            _mark(paint, node, "consistent", theme)
        for node in report.inconsistent_nodes:
            _mark(paint, node, "inconsistent", theme)


def _paint_comparison(paint: dict[str, Any], comparison: AgentComparison, theme: str) -> None:
    for category in comparison.categories:
        for side, items in (("a", category.only_a), ("b", category.only_b), ("shared", category.shared)):
            for item in items:
                _mark(paint, item.node, side, theme)
    for node in (comparison.a, comparison.b):
        _mark(paint, node, "given", theme)


def _paint_overlay(paint: dict[str, Any], overlay: Overlay, theme: str) -> None:
    scale = style.DivergingScale(overlay.limit, theme)
    for node, measurement in overlay.values.items():
        _mark(paint, node, "measured", theme, fill=scale.colour(measurement.value))


def _name(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph._node[node].get(Attr.LABEL.value) or node) if node in graph else node


def _swatch(colour: str) -> html.Span:
    return html.Span(className="swatch", style={"backgroundColor": colour})


def _effect_item(graph: nx.MultiDiGraph, effect: NodeEffect, several: bool) -> html.Li:
    path = effect.paths[0]
    sources = f" ({', '.join(f'{_name(graph, s)} {r.symbol}' for s, r in effect.by_source.items())})" if several else ""
    return html.Li(
        [html.Span(effect.status.symbol, className=f"reason-symbol reason-{effect.status.value}", title=effect.status.value),
         html.Strong(effect.label), sources, html.Br(), html.Small(explain(path, graph), className="muted")],
        **{"data-node": effect.node, "data-status": effect.status.value},
    )  # fmt: skip


def _limited(items: list[Any]) -> list[Any]:
    return items[:_SHOWN] + ([html.Li(f"… and {len(items) - _SHOWN} more", className="muted")] if len(items) > _SHOWN else [])


def perturbation_section(graph: nx.MultiDiGraph, result: Perturbation, theme: str) -> list[Any]:
    """The effects of a perturbation: counts, agreement of several agents, effects by process kind and by phase."""
    counts = result.counts
    asked = "; ".join(f"{'given' if sign > 0 else 'blocked'} {_name(graph, node)}" for node, sign in result.given.items())
    several = len(result.given) > 1
    parts: list[Any] = [
        html.H3("Perturbation"),
        html.P(f"{asked}: {len(result.effects)} nodes reached with a sign within {result.max_length} relations: {counts['up']} ↑ up, "
               f"{counts['down']} ↓ down, {counts['conflicting']} ↕ conflicting; {counts['unsigned']} reached only through unsigned relations.",
               id="reason-summary"),
        _legend([(style.response_colour(key, theme), entry.label) for key, entry in zip(style.RESPONSES, style.response_legend(theme), strict=True)]),
    ]  # fmt: skip
    if several:
        agreement = result.agreement()
        parts.append(html.Div(
            [html.P([html.Strong(f"Agree ({len(agreement.agree)}): "), words(agreement.agree)], id="reason-agree"),
             html.P([html.Strong(f"Conflict ({len(agreement.conflict)}): "), words(agreement.conflict)], id="reason-conflict"),
             *[html.P([html.Strong(f"Only {_name(graph, source)} ({len(found)}): "), words(found)]) for source, found in agreement.only.items()]],
            className="reason-agreement",
        ))  # fmt: skip
    for group, found in result.by_group().items():
        items = [_effect_item(graph, effect, several) for effect in found]
        parts.append(html.Details([html.Summary(f"{group.replace('_', ' ')} ({len(found)})"), html.Ul(_limited(items), className="reason-effects")], open=True))
    phases = result.by_phase()
    if phases:
        parts.append(html.H4("Phases of the immune response"))
        parts.append(html.Ul([html.Li([html.Strong(f"{phase}: "), ", ".join(f"{e.status.symbol} {e.label}" for e in found)]) for phase, found in phases.items()]))
    return parts


def words(effects: Sequence[NodeEffect]) -> str:
    return ", ".join(f"{e.status.symbol} {e.label}" for e in effects) or "none"


def _legend(entries: Sequence[tuple[str, str]]) -> html.Div:
    return html.Div([html.Span([_swatch(colour), label], className="legend-entry", style={"marginRight": "0.9em", "whiteSpace": "nowrap"}) for colour, label in entries],
                    className="reason-legend")  # fmt: skip


def _score(score: float | None) -> str:
    return "n/a" if score is None else f"{score:.0%}"


def overlay_section(graph: nx.MultiDiGraph, overlay: Overlay, report: Consistency | None, theme: str) -> list[Any]:
    """The table's mapping (every unused row listed) and, with a perturbation, its consistency."""
    table = overlay.table
    mapped = len(table.rows) - len(overlay.unused)
    parts: list[Any] = [
        html.H3("Measured data"),
        html.P(f"{table.file}: {mapped} of {len(table.rows)} rows mapped ({overlay.mapped_share:.0%}); value column {table.value_column}"
               + (f", p-value column {table.p_column}" if table.p_column else "") + ".", id="reason-overlay-summary"),
    ]  # fmt: skip
    if overlay.unused:
        rows = [html.Li(f"line {row.line}: {row.reason}") for row in overlay.unused]
        parts.append(html.Details([html.Summary(f"Rows that set no node ({len(overlay.unused)})"), html.Ul(_limited(rows))], open=len(rows) <= 10, id="reason-unused"))
    scale = style.DivergingScale(overlay.limit, theme)
    parts.append(_legend([(colour, f"{value:+.2g}") for value, colour in scale.legend(5)]))
    if report is not None:
        judged = len(report.consistent_nodes) + len(report.inconsistent_nodes)
        parts.append(html.P(
            f"Consistency with the perturbation: nodes {_score(report.node_score)} ({len(report.consistent_nodes)} of {judged}), "
            f"relations {_score(report.relation_score)} ({len(report.consistent_relations)} of {len(report.relations)}); "
            f"a change is p ≤ {report.alpha:g}.", id="reason-consistency"))  # fmt: skip
        for title, nodes in (("Consistent", report.consistent_nodes), ("Inconsistent", report.inconsistent_nodes),
                             ("Measured change not reached", report.unexplained_nodes)):  # fmt: skip
            if nodes:
                parts.append(html.P([html.Strong(f"{title} ({len(nodes)}): "), ", ".join(_name(graph, node) for node in nodes)]))
    return parts


def _cell(graph: nx.MultiDiGraph, items: Sequence[Any], side: str) -> html.Td:
    symbol = {"up": "↑", "down": "↓", "conflicting": "↕", "unsigned": "?"}
    words = [f"{item.label} {symbol.get(getattr(item, side) or '', '')}".strip() if side != "both" else
             f"{item.label} {symbol.get(item.a or '', '')}/{symbol.get(item.b or '', '')}" for item in items]  # fmt: skip
    return html.Td(", ".join(words[:_SHOWN]) + (f" … and {len(words) - _SHOWN} more" if len(words) > _SHOWN else "") or "—")


def comparison_section(graph: nx.MultiDiGraph, comparison: AgentComparison, theme: str, *, painted: bool) -> list[Any]:
    """Two agents side by side: a table of shared and unique nodes by category, and opposite effects."""
    a, b = _name(graph, comparison.a), _name(graph, comparison.b)
    categories: list[Category] = [comparison.direct, *comparison.categories]
    sides = ((f"only {a}", "a", "only_a"), ("shared", "both", "shared"), (f"only {b}", "b", "only_b"))
    # one block per category, one row per side: narrow enough for the side panel
    rows = [
        html.Tbody(
            [html.Tr(html.Th(category.name, colSpan=2)),
             *[html.Tr([html.Th(title, scope="row"), _cell(graph, getattr(category, field), side)]) for title, side, field in sides]],
            **{"data-category": category.name},
        )
        for category in categories
    ]  # fmt: skip
    parts: list[Any] = [html.H3(f"{a} vs {b}"), html.Table(rows, className="reason-compare", id="reason-compare")]
    if painted:
        parts.append(_legend([(style.COMPARE_SIDES[key][0], label) for key, label in (("a", f"only {a}"), ("shared", "both"), ("b", f"only {b}"))]))
    opposite = ", ".join(item.label for item in comparison.opposite) or "none"
    parts.append(html.P([html.Strong(f"Opposite sign ({len(comparison.opposite)}): "), opposite]))
    return parts


# ---------------------------------------------------------------------------------- callbacks

#: Applies the paint to the canvas in the browser: every node marked before loses its marks, then
#: each node of the answer on screen gets its style (as a bypass, so theme and highlight changes
#: keep it) and its classes. Runs after cytoscape has drawn new elements.
PAINT_JS = """
function(paint, elements) {
  var apply = function () {
    var cy = window.mechgraph && window.mechgraph.cy('__CANVAS__');
    if (!cy) { return; }
    cy.batch(function () {
      cy.nodes('.reason-marked').forEach(function (node) {
        node.removeStyle();
        node.classes(node.classes().filter(function (c) { return c.indexOf('reason-') !== 0; }));
      });
      var styles = (paint && paint.nodes) || {}, classes = (paint && paint.classes) || {};
      Object.keys(styles).forEach(function (id) {
        var node = cy.getElementById(id);
        if (node.length === 0 || !node.isNode()) { return; }
        node.style(styles[id]);
        node.addClass('reason-marked');
        (classes[id] || []).forEach(function (c) { node.addClass(c); });
      });
    });
    document.getElementById('__CANVAS__').dataset.reasonPainted = String(Object.keys((paint && paint.nodes) || {}).length);
  };
  window.requestAnimationFrame(function () { window.setTimeout(apply, 0); });
  return Date.now();
}
""".replace("__CANVAS__", Ids.CANVAS)


def register_callbacks(app: Dash, services: Services) -> None:
    """Attach the Reason panel's callbacks to ``app``."""

    @app.callback(
        Output(Ids.REASON_RESULT, "children"),
        Output(Ids.REASON_PAINT, "data"),
        Output(Ids.REASON_STORY, "data"),
        Input(Ids.STATE, "data"),
        Input(Ids.GRAPH, "data"),
        Input(Ids.REASON_OVERLAY, "data"),
        Input(Ids.THEME, "value"),
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
        State(Ids.STATE, "data"),
        State(Ids.GRAPH, "data"),
        State(Ids.REASON_OVERLAY, "data"),
        State(Ids.THEME, "value"),
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
        Input(Ids.REASON_OVERLAY_UPLOAD, "contents"),
        State(Ids.REASON_OVERLAY_UPLOAD, "filename"),
        prevent_initial_call=True,
    )
    def open_overlay(contents: Any, filename: Any) -> tuple[Any, Any]:
        """A table of values, checked cell by cell before the browser keeps it."""
        stored, problems = decode_overlay_upload(contents, filename)
        if stored is None:
            return no_update, notice_list(problems[:50], kind="error")
        return stored, notice_list([f"Opened {stored['name']}. Only you see these values."])

    @app.callback(
        Output(Ids.REASON_OVERLAY, "data", allow_duplicate=True),
        Output(Ids.REASON_OVERLAY_STATUS, "children", allow_duplicate=True),
        Output(Ids.REASON_OVERLAY_UPLOAD, "contents"),
        Input(Ids.REASON_OVERLAY_CLEAR, "n_clicks"),
        prevent_initial_call=True,
    )
    def remove_overlay(_: int | None) -> tuple[None, list[Any], None]:
        return None, [], None

    @app.callback(
        Output(Ids.REASON_GIVE, "value", allow_duplicate=True),
        Output(Ids.REASON_BLOCK, "value", allow_duplicate=True),
        Output(Ids.REASON_COMPARE_A, "value", allow_duplicate=True),
        Output(Ids.REASON_COMPARE_B, "value", allow_duplicate=True),
        Output(Ids.REASON_STORY_STEP, "data", allow_duplicate=True),
        Input(Ids.REASON_CLEAR, "n_clicks"),
        prevent_initial_call=True,
    )
    def clear_reasoning(_: int | None) -> tuple[list[str], list[str], None, None, int]:
        return [], [], None, None, 0

    _register_pickers(app, services)
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


#: Steps through the story in the browser: Back and Next (and the arrow keys while the story
#: box has focus) move the step; a new story starts at its title. The relations of the step are
#: drawn thick on the view, the earlier ones a little thicker, and the caption shows the step's
#: sentence, what it predicts, where it holds and its evidence (as text; links only http(s)).
STORY_JS = """
function(back, next, story, elements, step) {
  var dc = window.dash_clientside, triggered = (dc.callback_context.triggered || []).map(function (t) { return t.prop_id; });
  if (!window.mechgraphStoryKeys) {
    window.mechgraphStoryKeys = true;
    document.addEventListener("keydown", function (event) {
      var box = document.getElementById("__BOX__");
      if (!box || !box.contains(document.activeElement) || event.altKey || event.ctrlKey || event.metaKey) { return; }
      var button = event.key === "ArrowRight" ? "__NEXT__" : event.key === "ArrowLeft" ? "__BACK__" : null;
      if (button) { event.preventDefault(); var b = document.getElementById(button); if (b && !b.disabled) { b.click(); } }
    });
  }
  var steps = (story && story.steps) || [], count = steps.length;
  var at = typeof step === "number" ? step - 1 : -1, ended = false;  /* the link counts the title as step 0 */
  if (triggered.indexOf("__STORE__.data") >= 0) {
    /* The same story again (the answer is recomputed on every change of the link): keep the step.
     * The first story of the page keeps the step of the link; a new story starts at its title. */
    if (story) {
      var signature = story.title + "|" + steps.map(function (s) { return s.ids.join(","); }).join(";");
      if (window.mechgraphStorySignature !== undefined && window.mechgraphStorySignature !== signature) { at = -1; }
      window.mechgraphStorySignature = signature;
    } else if (window.mechgraphStorySignature !== undefined) {  /* the story is gone: so is its step */
      window.mechgraphStorySignature = undefined;
      at = -1;
      ended = true;
    }
    at = Math.max(-1, Math.min(count, at));
  }
  if (triggered.indexOf("__NEXT__.n_clicks") >= 0) { at = Math.min(count, at + 1); }
  if (triggered.indexOf("__BACK__.n_clicks") >= 0) { at = Math.max(-1, at - 1); }
  var paint = function () {
    var cy = window.mechgraph && window.mechgraph.cy("__CANVAS__");
    if (!cy) { return; }
    cy.batch(function () {
      cy.edges(".story-marked").forEach(function (edge) { edge.removeStyle(); edge.removeClass("story-marked story-current story-past"); });
      steps.forEach(function (s, index) {
        if (index > at) { return; }
        var mark = index === at ? "current" : "past";
        s.ids.forEach(function (id) {
          var edge = cy.getElementById(id);
          if (edge.length === 0 || !edge.isEdge()) { return; }
          edge.style(story.styles[mark]);
          edge.addClass("story-marked story-" + mark);
        });
      });
    });
  };
  window.requestAnimationFrame(function () { window.setTimeout(paint, 0); });
  var text = function (tag, value, cls) { return {type: tag, namespace: "dash_html_components", props: {children: value, className: cls || ""}}; };
  var caption = [];
  if (!count) {
    caption = [text("P", "Perturb, compare or choose a path to tell its story.", "muted")];
  } else if (at < 0) {
    caption = [text("H4", story.title), text("P", count + " steps: press Next or →.", "muted")];
  } else if (at >= count) {
    caption = [text("H4", story.summary), text("P", story.left_out ? story.left_out + " more relations not told." : "The end.", "muted")];
  } else {
    var s = steps[at];
    var items = s.evidence.map(function (item) {
      var words = (item.source || "") + (item.quote ? " \u201c" + item.quote + "\u201d" : "") + (item.note ? " (" + item.note + ")" : "");
      var parts = [words];
      if (item.url) { parts.push({type: "A", namespace: "dash_html_components", props: {children: " source", href: item.url, target: "_blank", rel: "noopener noreferrer"}}); }
      return {type: "Li", namespace: "dash_html_components", props: {children: parts}};
    });
    caption = [text("Small", (at + 1) + " / " + count + (s.chapter ? " \u00b7 " + s.chapter : ""), "muted"), text("H4", s.caption, "story-caption"),
               text("P", s.outcome, "story-outcome"), text("P", s.context ? "in " + s.context : "", "muted"),
               {type: "Ul", namespace: "dash_html_components", props: {children: items}}];
  }
  /* The step is written only when it moves, and never before there is a story: the link's step
   * waits for the story it belongs to. */
  var written = (!count && !ended) || at + 1 === step ? dc.no_update : at + 1;
  if (written !== dc.no_update && triggered.indexOf("__STORE__.data") >= 0 && dc.set_props) {
    /* A new answer's story moves the step back to its title. The answer itself came from the
     * link, so the link is told afterwards, as if the user had moved it. */
    window.setTimeout(function () { dc.set_props("__STEP__", {data: written}); }, 0);
    written = dc.no_update;
  }
  return [written, caption, !count || at < 0, !count || at >= count, !count];
}
"""
for _token, _id in (("__BOX__", Ids.REASON_STORY_BOX), ("__NEXT__", Ids.REASON_STORY_NEXT), ("__BACK__", Ids.REASON_STORY_BACK),
                    ("__STORE__", Ids.REASON_STORY), ("__STEP__", Ids.REASON_STORY_STEP), ("__CANVAS__", Ids.CANVAS)):  # fmt: skip
    STORY_JS = STORY_JS.replace(_token, _id)


def picker_options(services: Services, store: Any, text: str | None, value: Any) -> list[dict[str, str]]:
    """Autocomplete options of a reasoning picker: the matches of ``text`` and every chosen value."""
    try:
        _, graph = services.graph(store)
    except MechgraphError:
        return []
    chosen = [item for item in (value if isinstance(value, list) else [value]) if isinstance(item, str) and item in graph]
    options = {option["value"]: option for option in search_options(graph, text, None)}
    for node in chosen:
        options.setdefault(node, node_option(graph, node))
    return list(options.values())


def _register_pickers(app: Dash, services: Services) -> None:
    @app.callback(Output(Ids.REASON_GIVE, "options"), Input(Ids.REASON_GIVE, "search_value"), Input(Ids.REASON_GIVE, "value"), State(Ids.GRAPH, "data"), prevent_initial_call=True)
    def give_options(text: str | None, value: Any, store: Any) -> list[dict[str, str]]:
        return picker_options(services, store, text, value)

    @app.callback(Output(Ids.REASON_BLOCK, "options"), Input(Ids.REASON_BLOCK, "search_value"), Input(Ids.REASON_BLOCK, "value"), State(Ids.GRAPH, "data"), prevent_initial_call=True)
    def block_options(text: str | None, value: Any, store: Any) -> list[dict[str, str]]:
        return picker_options(services, store, text, value)

    @app.callback(Output(Ids.REASON_COMPARE_A, "options"), Input(Ids.REASON_COMPARE_A, "search_value"), Input(Ids.REASON_COMPARE_A, "value"), State(Ids.GRAPH, "data"), prevent_initial_call=True)
    def compare_a_options(text: str | None, value: Any, store: Any) -> list[dict[str, str]]:
        return picker_options(services, store, text, value)

    @app.callback(Output(Ids.REASON_COMPARE_B, "options"), Input(Ids.REASON_COMPARE_B, "search_value"), Input(Ids.REASON_COMPARE_B, "value"), State(Ids.GRAPH, "data"), prevent_initial_call=True)
    def compare_b_options(text: str | None, value: Any, store: Any) -> list[dict[str, str]]:
        return picker_options(services, store, text, value)
