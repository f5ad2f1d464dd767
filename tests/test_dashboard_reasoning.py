"""The Reason panel: perturbation, data overlay and compare through Dash's HTTP endpoint, and its pure parts."""

from __future__ import annotations

import base64
from pathlib import Path

import pytest

from mechgraph.dashboard.app import create_app
from mechgraph.dashboard.reasoning import (
    OVERLAY_MAX_CHARS,
    decode_overlay_upload,
    read_overlay_store,
    reason,
)
from mechgraph.dashboard.state import ViewState, parse_query
from mechgraph.graph import read_graph

from .test_dashboard_callbacks import DashClient, data_url, text_of

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "cyclosporine-t-cells.illustrative.csv"


@pytest.fixture(scope="module")
def client() -> DashClient:
    return DashClient(create_app())


def marked(component: object) -> set[tuple[str, str]]:
    """(node, status) of every listed effect in a rendered answer."""
    found: set[tuple[str, str]] = set()
    if isinstance(component, list):
        for item in component:
            found |= marked(item)
    elif isinstance(component, dict):
        props = component.get("props", {})
        if "data-node" in props:
            found.add((props["data-node"], props["data-status"]))
        found |= marked(props.get("children"))
    return found


def ask(client: DashClient, query: str, overlay: object = None, theme: str = "light") -> dict:
    answer = client.call("reason-result.children", {"view-state.data": query, "reason-overlay.data": overlay, "theme.value": theme})
    assert answer is not None
    return answer


def test_the_link_carries_the_question_and_it_never_changes_the_elements_drawn() -> None:
    state, notices = parse_query("?focus=il2&give=cyclosporine,tacrolimus&block=calcineurin&compare_a=tacrolimus&compare_b=sirolimus")
    assert notices == ()
    assert state.give == ("cyclosporine", "tacrolimus") and state.block == ("calcineurin",)
    assert (state.compare_a, state.compare_b) == ("tacrolimus", "sirolimus")
    assert parse_query(state.to_query())[0] == state
    assert state.view_query() == "?focus=il2"
    assert parse_query("?give=" + "x" * 400)[1]  # an over-long id is ignored, with a notice


def test_a_link_sets_the_reasoning_controls(client: DashClient) -> None:
    answer = client.call("view-state.data", {"url.search": "?give=cyclosporine&compare_a=tacrolimus&compare_b=sirolimus"}, ["url.search"])
    assert answer is not None
    assert answer["reason-give"]["value"] == ["cyclosporine"]
    assert answer["reason-compare-b"]["value"] == "sirolimus"


def test_giving_cyclosporine_paints_il2_down_and_explains_it(client: DashClient) -> None:
    answer = ask(client, "?give=cyclosporine")
    text = text_of(answer["reason-result"]["children"])
    assert "Cyclosporine inhibits Calcineurin" in text and "so Cyclosporine decreases IL-2 (net: decreases)" in text
    assert ("il2", "down") in marked(answer["reason-result"]["children"])
    paint = answer["reason-paint"]["data"]
    assert "reason-down" in paint["classes"]["il2"] and "reason-given" in paint["classes"]["cyclosporine"]
    assert paint["nodes"]["il2"]["background-color"].startswith("#")


def test_two_agents_show_where_they_agree_and_conflict(client: DashClient) -> None:
    text = text_of(ask(client, "?give=tacrolimus,sirolimus")["reason-result"]["children"])
    assert "Agree (" in text and "Conflict (" in text and "Only Sirolimus" in text


def test_an_unknown_node_in_the_link_is_a_notice_not_an_error(client: DashClient) -> None:
    text = text_of(ask(client, "?give=no-such-node")["reason-result"]["children"])
    assert "no node named 'no-such-node'" in text


def test_compare_fills_a_table_and_paints_the_sides(client: DashClient) -> None:
    answer = ask(client, "?compare_a=tacrolimus&compare_b=sirolimus")
    text = text_of(answer["reason-result"]["children"])
    assert "Tacrolimus vs Sirolimus" in text and "Calcineurin" in text and "mTOR" in text
    classes = answer["reason-paint"]["data"]["classes"]
    assert "reason-a" in classes["calcineurin"] and "reason-b" in classes["mtor"]


def test_an_uploaded_table_is_checked_kept_and_scored(client: DashClient) -> None:
    answer = client.call("reason-overlay.data", {"reason-overlay-upload.contents": data_url(EXAMPLE.read_text(encoding="utf-8")),
                                                 "reason-overlay-upload.filename": "../../etc/values.csv"}, ["reason-overlay-upload.contents"])  # fmt: skip
    assert answer is not None
    store = answer["reason-overlay"]["data"]
    assert store["name"] == "values.csv"
    text = text_of(ask(client, "?give=cyclosporine", store)["reason-result"]["children"])
    assert "23 of 24 rows mapped (96%)" in text and "line 30: no node named 'GAPDH'" in text
    assert "Consistency with the perturbation: nodes" in text
    painted = ask(client, "", store)["reason-paint"]["data"]  # the data alone: nodes coloured by value
    assert "reason-measured" in painted["classes"]["il2"]


def test_a_bad_table_lists_its_problems_and_is_not_kept(client: DashClient) -> None:
    answer = client.call("reason-overlay.data", {"reason-overlay-upload.contents": data_url("name,value\nIL2,high\n"),
                                                 "reason-overlay-upload.filename": "bad.csv"}, ["reason-overlay-upload.contents"])  # fmt: skip
    assert answer is not None and "reason-overlay" not in answer
    assert "bad.csv:2:2: value: 'high' is not a number" in text_of(answer["reason-overlay-status"]["children"])


@pytest.mark.parametrize(
    "store", [None, "text", 3, [], {"name": "a", "text": 5}, {"name": 1, "text": "id,value"}, {"name": "a", "text": "x" * (OVERLAY_MAX_CHARS + 1)}]
)
def test_a_hostile_overlay_store_is_ignored(client: DashClient, store: object) -> None:
    assert read_overlay_store(store) is None
    assert "Give or block nodes" in text_of(ask(client, "", store)["reason-result"]["children"])


def test_a_stored_table_that_no_longer_reads_is_reported() -> None:
    graph = read_graph()
    answer = reason(graph, ViewState(), {"name": "t.csv", "text": "name,value\nIL2,oops\n"}, "light")
    assert "t.csv:2:2: value: 'oops' is not a number" in str(answer.children)


@pytest.mark.parametrize(
    ("contents", "expected"),
    [
        (None, "the file is empty"),
        ("data:;base64,@@@", "not valid base64"),
        ("data:;base64," + base64.b64encode(b"a\x00b").decode(), "binary file"),
        ("data:;base64," + base64.b64encode(b"name,value\n\xff\n").decode(), "t.csv:2: not valid UTF-8"),
    ],
)
def test_hostile_uploads_are_refused_with_a_reason(contents: object, expected: str) -> None:
    store, problems = decode_overlay_upload(contents, "t.csv")
    assert store is None and expected in problems[0]


def test_the_answer_comes_with_its_story_and_the_story_downloads_as_one_page(client: DashClient) -> None:
    story = ask(client, "?give=cyclosporine")["reason-story"]["data"]
    assert story["steps"][0]["caption"] == "Cyclosporine inhibits Calcineurin" and story["steps"][0]["ids"]
    assert story["styles"]["current"]["width"] > story["styles"]["past"]["width"]
    path_story = ask(client, "?from=cyclosporine&to=il2")["reason-story"]["data"]
    assert path_story["title"] == "How Cyclosporine affects IL-2"
    assert ask(client, "")["reason-story"]["data"] is None
    answer = client.call("reason-story-download.data", {"reason-story-export.n_clicks": 1, "view-state.data": "?compare_a=tacrolimus&compare_b=sirolimus",
                                                         "reason-overlay.data": None, "theme.value": "dark"}, ["reason-story-export.n_clicks"])  # fmt: skip
    assert answer is not None
    download = answer["reason-story-download"]["data"]
    assert download["filename"] == "mechgraph-story.html" and "Tacrolimus inhibits Calcineurin" in download["content"]


def test_a_link_cannot_make_one_request_perturb_without_bound(client: DashClient) -> None:
    many = "cyclosporine,tacrolimus,sirolimus,imiquimod,hydroxychloroquine,methotrexate,abatacept,leflunomide,cpg_1018,brefeldin_a,inosine_pranobex,basiliximab"
    text = text_of(ask(client, f"?give={many}")["reason-result"]["children"])
    assert "only the first 10 nodes given" in text and "Agree (" in text


def test_the_story_step_is_in_the_link_but_never_changes_the_elements_drawn() -> None:
    state, notices = parse_query("?give=cyclosporine&step=3")
    assert state.step == 3 and notices == () and state.to_query() == "?give=cyclosporine&step=3"
    assert state.view_query() == "" and parse_query("?step=99")[1]
