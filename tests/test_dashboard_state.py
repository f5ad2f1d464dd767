"""The view state and its round trip through the URL."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mechgraph.dashboard.state import (
    MAX_DEPTH,
    ViewState,
    control_values,
    parse_query,
    query_keys,
    state_from_pairs,
)
from mechgraph.layout import Layout
from mechgraph.style import Theme
from mechgraph.vocabulary import UNSPECIFIED, AgentClass, Direction, ImmuneState, Measurability, Mechanism, NodeKind, Relation, Route, Sign

node_ids = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40).map(str.strip).filter(bool)
source_ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,10}", fullmatch=True)


def subsets(values: list) -> st.SearchStrategy[tuple]:
    return st.lists(st.sampled_from(values), unique=True, max_size=len(values)).map(tuple)


states = st.builds(
    ViewState,
    focus=st.none() | node_ids,
    depth=st.integers(1, MAX_DEPTH),
    direction=st.sampled_from(list(Direction)),
    kinds=subsets(list(NodeKind)),
    relations=subsets(list(Relation)),
    signs=subsets(list(Sign)),
    mechanisms=subsets([*Mechanism, UNSPECIFIED]),
    measurable_in=subsets([*Measurability, UNSPECIFIED]),
    agent_classes=subsets(list(AgentClass)),
    immune_states=subsets(list(ImmuneState)),
    routes=subsets(list(Route)),
    sources=st.lists(source_ids, unique=True, max_size=4).map(tuple),
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
    state = ViewState(signs=(Sign.DECREASES, Sign.INCREASES), kinds=(NodeKind.TARGET, NodeKind.AGENT))
    assert state.to_query() == "?kind=target,agent&sign=decreases,increases"


def test_focus_with_reserved_characters_round_trips() -> None:
    state = ViewState(focus="a&b=c?d #é,f")
    assert "&b=" not in state.to_query()
    assert parse_query(state.to_query())[0] == state


def test_view_query_leaves_out_the_theme_and_filter_query_keeps_only_filters() -> None:
    state = ViewState(focus="il2", theme=Theme.DARK, routes=(Route.ORAL,), path_from="a", path_to="b")
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
