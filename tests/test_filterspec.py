"""The filter table: one entry is a filter on the dashboard, in its links and on the command line."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

import pytest
from click.testing import CliRunner

from mechgraph.cli import cli
from mechgraph.dashboard import callbacks
from mechgraph.dashboard.ids import Ids
from mechgraph.dashboard.layout import filter_control_id, page
from mechgraph.dashboard.state import FilterValues, ViewState, control_values, parse_query, query_keys, state_from_pairs
from mechgraph.errors import QueryError
from mechgraph.query import filter_graph
from mechgraph.query.filterspec import (
    BUILTIN_FILTERS,
    FilterSpec,
    ValueType,
    Widget,
    filter_spec,
    filters,
    query_arguments,
    register,
    registered,
    view_filters,
)
from mechgraph.vocabulary import ProcessKind

EXTRA = FilterSpec(
    "process_kinds",
    ValueType.CHOICES,
    ProcessKind,
    "Process",
    "Keep processes of this kind.",
    "--process-kind",
    "process_kind",
    Widget.CHECKLIST,
    "process kind",
)
EXTRA_DROPDOWN = FilterSpec(
    "tissues", ValueType.IDS, None, "Tissue", "Keep relations shown in this tissue.", "--tissue", "tissue", Widget.DROPDOWN, "tissue", metavar="TISSUE"
)


@pytest.fixture(params=[EXTRA, EXTRA_DROPDOWN], ids=["checklist", "dropdown of ids"])
def extra_filter(request: pytest.FixtureRequest) -> Iterator[FilterSpec]:
    """The table with one more entry, and nothing else changed."""
    with registered(request.param) as spec:
        yield spec


def component_ids(component: Any) -> set[str]:
    """Every id in a Dash component tree."""
    found = set()
    stack = [component]
    while stack:
        item = stack.pop()
        if isinstance(item, (list, tuple)):
            stack.extend(item)
            continue
        if getattr(item, "id", None) is not None:
            found.add(str(item.id))
        for name in ("children", "label"):
            child = getattr(item, name, None)
            if child is not None and not isinstance(child, str):
                stack.append(child)
    return found


def component(tree: Any, component_id: str) -> Any:
    stack = [tree]
    while stack:
        item = stack.pop()
        if isinstance(item, (list, tuple)):
            stack.extend(item)
            continue
        if getattr(item, "id", None) == component_id:
            return item
        child = getattr(item, "children", None)
        if child is not None and not isinstance(child, str):
            stack.append(child)
    raise LookupError(component_id)


def export_help() -> str:
    result = CliRunner().invoke(cli, ["export", "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    return result.output


def test_one_entry_is_a_control_a_link_key_and_an_option(extra_filter: FilterSpec) -> None:
    spec = extra_filter
    assert spec.key is not None
    control_id = filter_control_id(spec)
    value = "secretion" if spec.value_type is ValueType.CHOICES else "skin"

    # (1) the dashboard's filter panel has its control, with the filter's values to choose from
    control = component(page(max_upload_base64=1000), control_id)
    assert control.value == []
    if spec.value_type is ValueType.CHOICES:
        assert [option["value"] for option in control.options] == [kind.value for kind in ProcessKind]
    assert callbacks.controls()[spec.key] == (control_id, "value")
    assert spec.key in callbacks.filter_keys()
    assert (spec.key in callbacks.linked_options()) is (spec.value_type is ValueType.IDS)

    # (2) its link key round-trips through the view state, and through the controls
    state, notices = parse_query(f"?focus=il2&{spec.key}={value}&from=a")
    assert notices == ()
    assert state.filters[spec.name] == (value,) and state.has_filters
    assert state.to_query() == f"?focus=il2&{spec.key}={value}&from=a"
    assert state.filter_query() == f"?{spec.key}={value}"
    assert state_from_pairs(control_values(state)) == (state, ())
    assert query_keys()[-1] == "step" and spec.key in query_keys() and tuple(callbacks.controls()) == query_keys()
    assert not state.without_filters().has_filters
    if spec.value_type is ValueType.CHOICES:  # a word outside the vocabulary is dropped with a notice
        assert parse_query(f"?{spec.key}=sneezing")[1] == (f"ignored {spec.key}='sneezing' in the link: expected {spec.expected}",)

    # (3) the command line offers its option, with its help, and hands its words on under its name
    text = export_help()
    assert spec.option in text and spec.help in text
    command = cli.get_command(cli.make_context("mechgraph", ["export", "-o", "x.svg"]), "export")
    assert command is not None
    context = command.make_context("export", ["-o", "x.svg", spec.option, value, spec.option, value])
    assert context.params[spec.name] == (value, value)
    assert query_arguments(context.params)[spec.name] == [value, value]


def test_without_the_entry_the_filter_is_nowhere() -> None:
    with registered(EXTRA):
        assert "--process-kind" in export_help()
    assert all(spec.name != EXTRA.name for spec in filters())
    assert "filter-process-kind" not in component_ids(page(max_upload_base64=1000))
    assert "process_kind" not in callbacks.controls() and "process_kind" not in query_keys()
    assert parse_query("?process_kind=secretion") == (ViewState(), ("ignored 'process_kind' in the link: not a setting of this view",))
    assert "--process-kind" not in export_help()
    with pytest.raises(KeyError):
        FilterValues(process_kinds=["secretion"])


def test_the_table_is_the_keywords_of_filter_graph() -> None:
    keywords = [name for name, parameter in inspect.signature(filter_graph).parameters.items() if parameter.kind is inspect.Parameter.KEYWORD_ONLY]
    assert [spec.name for spec in BUILTIN_FILTERS] == keywords
    assert filters() == BUILTIN_FILTERS


def test_the_controls_keep_their_ids_and_links_their_keys() -> None:
    assert {filter_control_id(spec) for spec in view_filters()} <= {str(member) for member in Ids}
    assert [spec.key for spec in view_filters()] == ["kind", "relation", "sign", "mechanism", "measurable", "agent_class", "immune_state", "route", "source"]
    assert [spec.option for spec in filters()] == [
        "--kind", "--relation", "--sign", "--mechanism", "--measurable-in", "--agent-class", "--immune-state", "--route", "--source", "--context",
    ]  # fmt: skip


def test_a_clashing_entry_is_refused() -> None:
    for clash in (
        FilterSpec("kinds", ValueType.CHOICES, ProcessKind, "x", "x", "--x", "x", Widget.CHECKLIST, "x"),
        FilterSpec("x", ValueType.CHOICES, ProcessKind, "x", "x", "--x", "kind", Widget.CHECKLIST, "x"),
        FilterSpec("x", ValueType.CHOICES, ProcessKind, "x", "x", "--sign", "x", Widget.CHECKLIST, "x"),
        FilterSpec("x", ValueType.CHOICES, None, "x", "x", "--x", "x", Widget.CHECKLIST, "x"),
        FilterSpec("x", ValueType.CHOICES, ProcessKind, "x", "x", "--x", "x", None, "x"),
    ):
        with pytest.raises(ValueError):
            register(clash)
    assert filters() == BUILTIN_FILTERS


def test_a_filter_key_taken_by_a_setting_of_the_view_is_refused() -> None:
    with registered(FilterSpec("foci", ValueType.IDS, None, "x", "x", "--foci", "focus", Widget.DROPDOWN, "x")), pytest.raises(ValueError, match="focus"):
        parse_query("?focus=il2")


def test_command_line_words_become_filter_arguments() -> None:
    arguments = query_arguments({"signs": ("+", "-1", "Unknown"), "kinds": ("agent",), "context": ("species = human", "cell_type=T cell")})
    assert arguments["signs"] == ["increases", "decreases", "unknown"]
    assert arguments["kinds"] == ["agent"] and arguments["relations"] == []
    assert arguments["context"] == {"species": "human", "cell_type": "T cell"}
    with pytest.raises(QueryError, match="--context 'species' is not KEY=TEXT"):
        query_arguments({"context": ("species",)})


def test_filter_values_are_words_in_the_table_order() -> None:
    values = FilterValues(routes=["oral"], kinds=["target", "agent", "target"])
    assert list(values) == ["kinds", "routes"] and values["kinds"] == ("target", "agent")
    assert values == FilterValues(kinds=("target", "agent"), routes=("oral",)) and hash(values) == hash(
        FilterValues(kinds=["target", "agent"], routes=["oral"])
    )
    assert filter_spec("signs").read_word("decreases") == "decreases"
    with pytest.raises(AttributeError):
        values._items = ()  # type: ignore[misc]
