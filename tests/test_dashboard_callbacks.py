"""The dashboard's callbacks through Dash's own HTTP endpoint, as the browser calls them.

No browser: each test posts what the page would post to ``/_dash-update-component`` of a real
app and reads the answer.
"""

from __future__ import annotations

import base64
import io
import json
import re
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import dash
import pytest

from mechgraph.dashboard.app import create_app
from mechgraph.dashboard.graphs import seal_graph
from mechgraph.dashboard.ids import Ids
from mechgraph.graph import read_graph
from mechgraph.synthetic import synthetic_graph

from .conftest import session_signer

_BUNDLED = read_graph()
BUNDLED_OVERVIEW = f"overview of {_BUNDLED.number_of_nodes():,} nodes · {_BUNDLED.number_of_edges():,} relations"


class DashClient:
    """Calls one callback of an app by (part of) its output, with values keyed "id.property"."""

    def __init__(self, app: dash.Dash) -> None:
        self.app = app
        self.http = app.server.test_client()
        self.http.get("/")  # Dash finalises its callbacks on the first request

    def spec(self, output: str, changed: Iterable[str] = ()) -> dict[str, Any]:
        """The callback writing ``output`` (and, among several, the one that ``changed`` triggers)."""
        wanted = set(changed)
        callbacks = [c for c in self.app._callback_list if wanted <= {f"{i['id']}.{i['property']}" for i in c["inputs"]}]
        matches = [c for c in callbacks if c["output"] == output] or [c for c in callbacks if re.search(rf"(^|\.\.){re.escape(output)}(@|\.\.|$)", c["output"])]
        assert matches, f"no callback outputs {output}"
        return matches[0]

    def call(self, output: str, values: Mapping[str, Any], changed: Iterable[str] = ()) -> dict[str, dict[str, Any]] | None:
        changed = list(changed)
        spec = self.spec(output, changed)
        raw = spec["output"]
        parts = raw.strip(".").split("...") if raw.startswith("..") else [raw]
        outputs = [{"id": part.split("@")[0].rsplit(".", 1)[0], "property": part.split("@")[0].rsplit(".", 1)[1]} for part in parts]

        def fill(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return [{"id": str(i["id"]), "property": i["property"], "value": values.get(f"{i['id']}.{i['property']}")} for i in items]

        payload = {
            "output": raw,
            "outputs": outputs if raw.startswith("..") else outputs[0],
            "inputs": fill(spec["inputs"]),
            "state": fill(spec["state"]),
            "changedPropIds": list(changed),
        }
        response = self.http.post("/_dash-update-component", json=payload)
        if response.status_code == 204:
            return None
        assert response.status_code == 200, response.get_data(as_text=True)[:2000]
        return response.get_json()["response"]


@pytest.fixture(scope="module")
def client() -> DashClient:
    return DashClient(create_app())


def text_of(component: Any) -> str:
    return json.dumps(component, ensure_ascii=False)


def data_url(text: str) -> str:
    return "data:;base64," + base64.b64encode(text.encode("utf-8")).decode("ascii")


# -- the link and the controls --------------------------------------------------------------------


def test_a_link_sets_the_controls_and_lists_what_it_ignored(client: DashClient) -> None:
    answer = client.call("view-state.data", {"url.search": "?focus=cyclosporine&depth=2&dir=down&bogus=1"}, ["url.search"])
    assert answer is not None
    assert answer["focus"]["value"] == "cyclosporine"
    assert answer["depth"]["value"] == 2 and answer["direction"]["value"] == "down"
    assert answer["focus"]["options"] == [{"label": "cyclosporine", "value": "cyclosporine"}]
    assert answer["view-state"]["data"] == "?focus=cyclosporine&depth=2&dir=down"
    assert "bogus" in text_of(answer["notices"]["children"])
    assert "url" not in answer  # the link is left as the user typed it


def test_changing_a_control_rewrites_the_link(client: DashClient) -> None:
    values = {"filter-sign.value": ["decreases"], "depth.value": 1, "theme.value": "light", "layout.value": "layered", "url.search": ""}
    answer = client.call("view-state.data", values, ["filter-sign.value"])
    assert answer is not None
    assert answer["url"]["search"] == "?sign=decreases"
    assert answer["view-key"]["data"] == "?sign=decreases"


def test_a_theme_change_keeps_the_view_key(client: DashClient) -> None:
    values = {"theme.value": "dark", "depth.value": 1, "view-key.data": "", "url.search": ""}
    answer = client.call("view-state.data", values, ["theme.value"])
    assert answer is not None
    assert answer["view-state"]["data"] == "?theme=dark"
    assert "view-key" not in answer  # no new elements for a new theme


# -- the canvas -----------------------------------------------------------------------------------


def test_the_canvas_shows_the_focus_and_its_neighbours(client: DashClient) -> None:
    answer = client.call("canvas.elements", {"view-key.data": "?focus=cyclosporine", "graph-store.data": None})
    assert answer is not None
    elements = answer["canvas"]["elements"]
    nodes = {e["data"]["id"]: e for e in elements if "source" not in e["data"]}
    assert nodes["cyclosporine"]["classes"] == "focus"
    assert all("position" in e for e in nodes.values())
    assert "calcineurin" in nodes
    assert answer["graph-counts"]["children"].startswith("showing ")


def test_a_focus_the_graph_lacks_gives_a_notice_and_the_whole_map(client: DashClient) -> None:
    answer = client.call("canvas.elements", {"view-key.data": "?focus=no-such-node", "graph-store.data": None})
    assert answer is not None
    assert "'no-such-node' is not in this graph" in text_of(answer["view-notices"]["children"])
    assert answer["graph-counts"]["children"] == BUNDLED_OVERVIEW  # the whole map opens on its overview
    assert any("group" in element.get("classes", "") for element in answer["canvas"]["elements"])


def test_a_tampered_store_is_reported_not_drawn(client: DashClient) -> None:
    store = {"version": 2, "name": "evil.json", "token": "{]"}
    answer = client.call("canvas.elements", {"view-key.data": "", "graph-store.data": store})
    assert answer is not None
    assert answer["canvas"]["elements"] == []
    assert "evil.json: the stored graph was not made by this server" in text_of(answer["view-notices"]["children"])


def test_a_new_highlight_is_a_small_patch_of_the_stylesheet(client: DashClient) -> None:
    full = client.call("app-root.className", {"theme.value": "light", "highlight-store.data": []})
    assert full is not None
    sheet = full["canvas"]["stylesheet"]
    patch = client.call("app-root.className", {"theme.value": "light", "highlight-store.data": ["cyclosporine", "r-1"]}, ["highlight-store.data"])
    assert patch is not None
    operations = patch["canvas"]["stylesheet"]["operations"]
    assert [op["location"][0] for op in operations] == [len(sheet) - 3, len(sheet) - 2, len(sheet) - 1]
    assert 'node[id = "cyclosporine"], node[id = "r-1"]' in [op["params"]["value"]["selector"] for op in operations]
    assert "app-root" not in patch  # the page keeps its theme


def test_the_dark_theme_changes_the_page_and_the_stylesheet(client: DashClient) -> None:
    answer = client.call("app-root.className", {"theme.value": "dark", "highlight-store.data": []}, ["theme.value"])
    assert answer is not None
    assert answer["app-root"]["className"] == "app theme-dark"
    assert answer["canvas"]["stylesheet"] != client.call("app-root.className", {"theme.value": "light"})["canvas"]["stylesheet"]  # type: ignore[index]


# -- panels ---------------------------------------------------------------------------------------


def test_paths_from_cyclosporine_to_il2_decrease_and_are_highlighted(client: DashClient) -> None:
    answer = client.call("paths.children", {"view-state.data": "?from=cyclosporine&to=il2", "highlight-store.data": []})
    assert answer is not None
    assert "decreases" in text_of(answer["paths"]["children"])
    assert answer["path-choice"]["options"]
    lit = answer["highlight-store"]["data"]
    assert lit[0] == "cyclosporine" and "il2" in lit


def test_paths_follow_the_filters(client: DashClient) -> None:
    answer = client.call("paths.children", {"view-state.data": "?kind=outcome&from=cyclosporine&to=il2", "highlight-store.data": []})
    assert answer is not None
    assert "Both ends must be nodes of the graph on screen" in text_of(answer["paths"]["children"])
    assert "highlight-store" not in answer  # nothing was lit, nothing changes


def test_clicking_a_relation_shows_its_evidence_quote(client: DashClient) -> None:
    from mechgraph.graph import read_graph

    bundled = read_graph()
    u, v, key, data = next((u, v, k, d) for u, v, k, d in bundled.edges(keys=True, data=True) if any(e.get("quote") for e in d["evidence"]))
    edge = {"id": key, "source": u, "target": v}
    answer = client.call("details.children", {"canvas.tapEdgeData": edge}, ["canvas.tapEdgeData"])
    assert answer is not None
    quote = next(e["quote"] for e in data["evidence"] if e.get("quote"))
    assert quote in text_of(answer["details"]["children"])
    assert answer["panel-tabs"]["value"] == "details"


def test_clicking_a_node_shows_its_identifiers_as_links(client: DashClient) -> None:
    answer = client.call("details.children", {"canvas.tapNodeData": {"id": "cyclosporine"}}, ["canvas.tapNodeData"])
    assert answer is not None
    text = text_of(answer["details"]["children"])
    assert "Cyclosporine" in text and "https://" in text
    assert answer["selected-node"]["data"] == "cyclosporine"


def test_autocomplete_finds_synonyms(client: DashClient) -> None:
    answer = client.call("focus.options", {"focus.search_value": "CsA", "focus.value": None}, ["focus.search_value"])
    assert answer is not None
    assert answer["focus"]["options"][0]["value"] == "cyclosporine"


def test_every_node_picker_autocompletes_from_one_helper(client: DashClient) -> None:
    """The pickers of the focus, the path's ends and the Reason panel share one callback helper."""
    for picker in ("focus", "path-from", "path-to", "reason-give", "reason-block", "reason-compare-a", "reason-compare-b"):
        answer = client.call(f"{picker}.options", {f"{picker}.search_value": "CsA", f"{picker}.value": None}, [f"{picker}.search_value"])
        assert answer is not None and answer[picker]["options"][0]["value"] == "cyclosporine", picker


def test_buttons_set_their_values_and_use_the_selected_node(client: DashClient) -> None:
    answer = client.call("open-groups.data", {}, ["show-all.n_clicks"])
    assert answer is not None and answer["open-groups"]["data"] == ["all"]
    answer = client.call("reason-give.value", {}, ["reason-clear.n_clicks"])
    assert answer is not None
    assert [answer[name]["value"] for name in ("reason-give", "reason-block", "reason-compare-a", "reason-compare-b")] == [[], [], None, None]
    answer = client.call("path-from.value", {"selected-node.data": "cyclosporine"}, ["detail-from.n_clicks"])
    assert answer is not None and answer["path-from"]["value"] == "cyclosporine" and answer["path-choice"]["value"] == 0
    assert client.call("path-from.value", {"selected-node.data": None}, ["detail-from.n_clicks"]) is None, "no node selected: nothing changes"


@pytest.mark.parametrize("tab", ["flow", "charts"])
def test_figures_are_drawn_for_the_tab_on_show(client: DashClient, tab: str) -> None:
    answer = client.call("sankey.figure", {"view-key.data": "?focus=cyclosporine&depth=3", "panel-tabs.value": tab, "theme.value": "light"})
    assert answer is not None
    if tab == "flow":
        assert answer["sankey"]["figure"]["data"][0]["type"] == "sankey"
    else:
        assert {trace["type"] for trace in answer["chart-signs"]["figure"]["data"]} == {"bar"}
    assert client.call("sankey.figure", {"view-key.data": "", "panel-tabs.value": "details"}) is None


# -- uploads and exports --------------------------------------------------------------------------


def test_a_malformed_upload_lists_its_problems_with_their_lines(client: DashClient) -> None:
    bad = "mechgraph: 1\nnodes:\n  - id: a\n    kind: enzyme\n    label: A\nrelations: []\n"
    answer = client.call("graph-store.data", {"upload-payload.data": {"contents": data_url(bad), "filename": "bad.yaml"}}, ["upload-payload.data"])
    assert answer is not None
    assert "graph-store" not in answer
    assert "bad.yaml:4:11: nodes[0].kind: unknown kind 'enzyme'" in text_of(answer["upload-status"]["children"])


def test_an_upload_is_kept_by_the_user_and_never_changes_the_served_graph(client: DashClient, fixtures: Path) -> None:
    text = (fixtures / "valid.yaml").read_text(encoding="utf-8")
    answer = client.call("graph-store.data", {"upload-payload.data": {"contents": data_url(text), "filename": "valid.yaml"}}, ["upload-payload.data"])
    assert answer is not None
    store = answer["graph-store"]["data"]
    mine = client.call("canvas.elements", {"view-key.data": "", "graph-store.data": store})
    theirs = client.call("canvas.elements", {"view-key.data": "", "graph-store.data": None})
    assert mine is not None and theirs is not None
    assert len([e for e in mine["canvas"]["elements"] if "source" not in e["data"]]) == 4
    assert theirs["graph-counts"]["children"] == BUNDLED_OVERVIEW


def test_an_oversized_upload_is_refused_before_decoding() -> None:
    client = DashClient(create_app(graph=synthetic_graph(20), max_upload_bytes=100))
    answer = client.call(
        "graph-store.data", {"upload-payload.data": {"contents": "data:;base64," + "A" * 400, "filename": "big.yaml"}}, ["upload-payload.data"]
    )
    assert answer is not None
    assert "larger than the upload limit" in text_of(answer["upload-status"]["children"])


@pytest.mark.parametrize(
    ("fmt", "suffix", "starts"),
    [
        ("html", ".html", b"<!"),
        ("svg", ".svg", b"<?xml"),
        ("png", ".png", b"\x89PNG"),
        ("yaml", ".yaml", b"#"),
        ("graphml", ".graphml", b"<?xml"),
        ("json", ".json", b"{"),
    ],
)
def test_export_writes_the_view_with_the_positions_sent(client: DashClient, fmt: str, suffix: str, starts: bytes) -> None:
    positions = {"cyclosporine": [1234.5, -77.0]}
    request = {"format": fmt, "positions": positions, "clicks": 1}
    answer = client.call("download.data", {"positions-store.data": request, "view-state.data": "?focus=cyclosporine", "graph-store.data": None})
    assert answer is not None
    download = answer["download"]["data"]
    content = base64.b64decode(download["content"])
    if fmt in ("yaml", "graphml", "json"):  # the data file, and the source text its quotes rest on
        assert download["filename"] == "immunomodulation.zip"
        names = zipfile.ZipFile(io.BytesIO(content)).namelist()
        assert names == [f"immunomodulation{suffix}", "sources/immunomodulation-article.txt"]
        content = zipfile.ZipFile(io.BytesIO(content)).read(names[0])
    else:
        assert download["filename"] == f"immunomodulation{suffix}"
    assert content.startswith(starts)
    assert b"cyclosporine" in content or fmt in ("png", "svg")
    if fmt in ("html", "graphml", "json"):
        assert b"calcineurin" in content and b"1234.5" in content
    assert "Exported" in text_of(answer["export-status"]["children"])


def test_export_of_an_upload_uses_that_upload(client: DashClient) -> None:
    store = seal_graph(synthetic_graph(30, seed=9), "mine.json", session_signer())
    answer = client.call("download.data", {"positions-store.data": {"format": "json", "positions": {}}, "view-state.data": "", "graph-store.data": store})
    assert answer is not None
    content = json.loads(base64.b64decode(answer["download"]["data"]["content"]))
    assert len(content["nodes"]) == synthetic_graph(30, seed=9).number_of_nodes()
    assert "quotes are written as notes" in text_of(answer["export-status"]["children"])


def test_every_component_id_is_in_the_layout(client: DashClient) -> None:
    layout_ids = set(re.findall(r'"id": "([^"]+)"', json.dumps(client.app.layout, cls=_ComponentEncoder)))
    missing = {member.value for member in Ids} - layout_ids
    assert not missing, missing


class _ComponentEncoder(json.JSONEncoder):
    def default(self, o: Any) -> Any:
        if hasattr(o, "to_plotly_json"):
            return o.to_plotly_json()
        return str(o)


# -- large views and the draft review ---------------------------------------------------------------


def test_a_large_view_comes_with_a_cheaper_stylesheet_in_the_same_answer() -> None:
    client = DashClient(create_app(graph=synthetic_graph(4000, seed=2)))
    values = {"view-key.data": "?open=all", "theme.value": "light", "highlight-store.data": [], "canvas-scale.data": False}
    answer = client.call("canvas.elements", values)
    assert answer is not None and answer["canvas-scale"]["data"] is True
    rules = {rule["selector"]: rule["style"] for rule in answer["canvas"]["stylesheet"] if rule["selector"] == "edge" and "curve-style" in rule["style"]}
    assert rules["edge"]["curve-style"] == "straight"
    again = client.call("canvas.elements", {**values, "canvas-scale.data": True})
    assert again is not None and "stylesheet" not in again["canvas"]  # unchanged size class: no new stylesheet


TEXT = "Cyclosporine inhibits calcineurin. Thalidomide decreases TNF-alpha secretion."


def test_drafting_pasted_text_selects_the_first_relation(client: DashClient) -> None:
    answer = client.call("draft-store.data", {"draft-text.value": TEXT}, ["draft-run.n_clicks"])
    assert answer is not None
    store = answer["draft-store"]["data"]
    assert store["text"] == TEXT and answer["draft-decisions"]["data"] == {}
    first = answer["draft-relations"]["value"]
    shown = client.call("draft-source.children", {"draft-relations.value": first, "draft-store.data": store, "theme.value": "light"})
    assert shown is not None
    marked = [part for part in shown["draft-source"]["children"] if isinstance(part, dict)]
    assert marked[0]["props"]["children"] == "Cyclosporine inhibits calcineurin."
    assert shown["draft-accept"]["disabled"] is False


def test_accepting_moves_on_and_the_download_holds_only_what_was_accepted(client: DashClient) -> None:
    store = client.call("draft-store.data", {"draft-text.value": TEXT}, ["draft-run.n_clicks"])["draft-store"]["data"]  # type: ignore[index]
    review = client.call("draft-relations.options", {"draft-store.data": store, "draft-decisions.data": {}})
    assert review is not None
    ids = [option["value"] for option in review["draft-relations"]["options"]]
    decided = client.call(
        "draft-decisions.data", {"draft-relations.value": ids[0], "draft-decisions.data": {}, "draft-store.data": store}, ["draft-accept.n_clicks"]
    )
    assert decided is not None
    assert decided["draft-decisions"]["data"] == {ids[0]: "accepted"}
    assert decided["draft-relations"]["value"] == ids[1]
    summary = client.call("draft-relations.options", {"draft-store.data": store, "draft-decisions.data": decided["draft-decisions"]["data"]})
    assert "1 accepted, 0 rejected, 1 to review" in text_of(summary)
    download = client.call(
        "draft-download.data", {"draft-store.data": store, "draft-decisions.data": decided["draft-decisions"]["data"]}, ["draft-download-button.n_clicks"]
    )
    assert download is not None
    archive = zipfile.ZipFile(io.BytesIO(base64.b64decode(download["draft-download"]["data"]["content"])))
    graph_file = next(name for name in archive.namelist() if name.endswith(".yaml"))
    text = archive.read(graph_file).decode("utf-8")
    assert "calcineurin" in text and "tnf" not in text.lower().split("relations:")[1]


def test_a_text_file_that_is_not_utf8_is_refused_with_a_reason(client: DashClient) -> None:
    contents = "data:text/plain;base64," + base64.b64encode("caf\xe9".encode("latin-1")).decode()
    answer = client.call("draft-store.data", {"draft-upload.contents": contents, "draft-upload.filename": "notes.txt"}, ["draft-upload.contents"])
    assert answer is not None
    assert "notes.txt is not UTF-8 text" in text_of(answer["draft-status"]["children"])
    assert "draft-store" not in answer


def test_focusing_from_the_search_box_shows_the_details_without_changing_the_tab(client: DashClient) -> None:
    answer = client.call("details.children", {"focus.value": "il2"}, ["focus.value"])
    assert answer is not None
    assert "IL-2" in text_of(answer["details"]["children"])
    assert answer["selected-node"]["data"] == "il2"
    assert "panel-tabs" not in answer
