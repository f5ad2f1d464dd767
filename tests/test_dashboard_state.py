"""The view state and its round trip through the URL."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mechgraph.dashboard.state import (
    MAX_DEPTH,
    FilterValues,
    ViewState,
    control_values,
    parse_query,
    query_keys,
    state_from_pairs,
)
from mechgraph.layout import Layout
from mechgraph.query.filterspec import ValueType, view_filters
from mechgraph.style import Theme
from mechgraph.vocabulary import Direction, NodeKind, Route, Sign

node_ids = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).map(str.strip).filter(bool)
source_ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,10}", fullmatch=True)


def subsets(values: list) -> st.SearchStrategy[tuple]:
    return st.lists(st.sampled_from(values), unique=True, max_size=len(values)).map(tuple)


def filter_values() -> st.SearchStrategy[FilterValues]:
    """Any choice of values for every filter of the table (its words, or source-like ids)."""
    choices = {
        spec.name: subsets(list(spec.values)) if spec.value_type is ValueType.CHOICES else st.lists(source_ids, unique=True, max_size=4).map(tuple)
        for spec in view_filters()
    }
    return st.fixed_dictionaries(choices).map(FilterValues)


states = st.builds(
    ViewState,
    focus=st.none() | node_ids,
    depth=st.integers(1, MAX_DEPTH),
    direction=st.sampled_from(list(Direction)),
    filters=filter_values(),
    path_from=st.none() | node_ids,
    path_to=st.none() | node_ids,
    path=st.integers(0, 19),
    mixed_context=st.booleans(),
    layout=st.sampled_from(list(Layout)),
    theme=st.sampled_from(list(Theme)),
)


@given(states)
def test_every_state_survives_the_link(state: ViewState) -> None:
    assert parse_query(state.to_query()) == (state, ())


@given(states)
def test_every_state_survives_the_controls(state: ViewState) -> None:
    assert state_from_pairs(control_values(state)) == (state, ())


@given(st.text(max_size=300))
def test_any_query_string_parses_without_raising(text: str) -> None:
    state, notices = parse_query(text)
    assert isinstance(state, ViewState)
    assert all(isinstance(notice, str) for notice in notices)


def test_default_state_is_the_empty_link() -> None:
    assert ViewState().to_query() == ""
    assert parse_query("") == (ViewState(), ())
    assert parse_query(None) == (ViewState(), ())


def test_bad_values_are_ignored_with_a_notice_each() -> None:
    state, notices = parse_query("?focus=il2&depth=99&dir=sideways&kind=agent,enzyme&sign=maybe&bogus=1&layout=force")
    assert state == ViewState(focus="il2", layout=Layout.FORCE)
    assert len(notices) == 5
    assert any("depth='99'" in n and "1 to 6" in n for n in notices)
    assert any("'bogus'" in n for n in notices)
    assert any("kind='agent,enzyme'" in n and "immune_cell" in n for n in notices)


def test_signs_are_written_as_words_and_values_keep_their_order() -> None:
    state = ViewState(filters=FilterValues(signs=(Sign.DECREASES, Sign.INCREASES), kinds=(NodeKind.TARGET, NodeKind.AGENT)))
    assert state.to_query() == "?kind=target,agent&sign=decreases,increases"


def test_focus_with_reserved_characters_round_trips() -> None:
    state = ViewState(focus="a&b=c?d #é,f")
    assert "&b=" not in state.to_query()
    assert parse_query(state.to_query())[0] == state


def test_view_query_leaves_out_the_theme_and_filter_query_keeps_only_filters() -> None:
    state = ViewState(focus="il2", theme=Theme.DARK, filters=FilterValues(routes=(Route.ORAL,)), path_from="a", path_to="b")
    assert "theme" not in state.view_query()
    assert state.filter_query() == "?route=oral"
    assert state.has_filters and state.has_path
    assert not state.without_filters().has_filters


def test_every_query_key_is_a_control() -> None:
    from mechgraph.dashboard.callbacks import CONTROLS

    assert tuple(CONTROLS) == query_keys()


def test_overlong_values_are_ignored() -> None:
    state, notices = parse_query("?focus=" + "x" * 1000)
    assert state.focus is None and notices


def test_mixed_contexts_are_a_link_key_and_a_checkbox() -> None:
    state = ViewState(path_from="a", path_to="b", mixed_context=True)
    assert state.to_query() == "?from=a&to=b&mixed=1"
    assert parse_query("?mixed=0")[0].mixed_context is False
    assert control_values(state)["mixed"] == ["mixed"] and control_values(ViewState())["mixed"] == []
    assert state_from_pairs({"mixed": ["mixed"]})[0].mixed_context is True
    assert parse_query("?mixed=perhaps")[1] == ("ignored mixed='perhaps' in the link: expected 1 (allow mixed contexts) or 0",)


def test_links_shared_before_the_filter_table_open_the_same_view() -> None:
    """Every filter key of a link, as written before the filters came from one table."""
    link = (
        "?focus=il2&depth=2&dir=down&kind=agent,target&relation=inhibits&sign=decreases,unknown&mechanism=direct,unspecified"
        "&measurable=in_vitro,unspecified&agent_class=immunosuppressant&immune_state=immunosuppressed&route=oral&source=P1,P2&from=a&to=b"
    )
    state, notices = parse_query(link)
    assert notices == ()
    assert dict(state.filters) == {
        "kinds": ("agent", "target"),
        "relations": ("inhibits",),
        "signs": ("decreases", "unknown"),
        "mechanisms": ("direct", "unspecified"),
        "measurable_in": ("in_vitro", "unspecified"),
        "agent_classes": ("immunosuppressant",),
        "immune_states": ("immunosuppressed",),
        "routes": ("oral",),
        "sources": ("P1", "P2"),
    }
    assert state.to_query() == link
    assert state.filter_query().startswith("?kind=agent,target&relation=inhibits&sign=decreases,unknown")


def test_filter_values_from_a_link_are_checked_against_the_table() -> None:
    state, notices = parse_query("?sign=decreases,sideways&route=oral&source=" + "x" * 400 + "&mechanism=")
    assert dict(state.filters) == {"routes": ("oral",)}
    assert notices == (
        "ignored sign='decreases,sideways' in the link: expected a comma-separated list of increases, decreases, unknown",
        "ignored source='" + "x" * 60 + "' in the link: expected a comma-separated list of source ids",
        "ignored mechanism='' in the link: expected a comma-separated list of direct, indirect, unspecified",
    )
    too_many = ",".join(["agent"] * 101)
    assert parse_query("?kind=" + too_many)[0].filters == FilterValues()
