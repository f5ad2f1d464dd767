"""The Reason panel's answer as the dashboard shows it: the sections of the side panel (a
perturbation's effects, the measured data and its consistency, two agents compared) and the paint
of the canvas (per node, the cytoscape style of its mark from
:func:`mechgraph.style.reasoning_node_style`). Pure functions, tested without a browser; called
by :func:`mechgraph.dashboard.reasoning.reason`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import networkx as nx
from dash import html

from .. import style
from ..query import explain
from ..query.compare import AgentComparison, Category
from ..query.overlay import Consistency, Overlay
from ..query.perturb import NodeEffect, Perturbation
from ..vocabulary import Attr

_SHOWN = 60  # items listed per group before "and n more"


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
        **{"data-node": effect.node, "data-status": effect.status.value},  # type: ignore[arg-type]  # dash's signatures name no data-* attribute
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
        parts.append(
            html.Ul([html.Li([html.Strong(f"{phase}: "), ", ".join(f"{e.status.symbol} {e.label}" for e in found)]) for phase, found in phases.items()])
        )
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
        parts.append(
            html.Details([html.Summary(f"Rows that set no node ({len(overlay.unused)})"), html.Ul(_limited(rows))], open=len(rows) <= 10, id="reason-unused")
        )
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
            **{"data-category": category.name},  # type: ignore[arg-type]  # dash's signatures name no data-* attribute
        )
        for category in categories
    ]  # fmt: skip
    parts: list[Any] = [html.H3(f"{a} vs {b}"), html.Table(rows, className="reason-compare", id="reason-compare")]
    if painted:
        parts.append(_legend([(style.COMPARE_SIDES[key][0], label) for key, label in (("a", f"only {a}"), ("shared", "both"), ("b", f"only {b}"))]))
    opposite = ", ".join(item.label for item in comparison.opposite) or "none"
    parts.append(html.P([html.Strong(f"Opposite sign ({len(comparison.opposite)}): "), opposite]))
    return parts
