"""The trust boundary of the dashboard: what the browser sends back is data, never a path or a capability.

Every attack goes through the real callback endpoint (``/_dash-update-component``), built from the
app's own ``/_dash-dependencies`` as the browser builds it: first in-process (Flask's test client),
then against real servers (``mechgraph serve`` and gunicorn with two workers) on loopback.
"""

from __future__ import annotations

import base64
import io
import json
import re
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import pytest

from mechgraph.dashboard.app import create_app
from mechgraph.dashboard.graphs import graph_to_text, seal_graph
from mechgraph.dashboard.trust import StoreSigner
from mechgraph.synthetic import synthetic_graph

from ..conftest import session_signer
from ..servers import free_port, gunicorn_command, serve_command, start, stop

ROOT = Path(__file__).resolve().parents[2]
UPDATE = "/_dash-update-component"
LEAKS = re.compile(r"Traceback|File \"|site-packages|/work/|/etc/|/tmp/|\.py\b|Werkzeug Debugger")
SECRET = "MECHGRAPH-SECRET-7f3a9 root:x:0:0"


# -- calling callbacks as the browser does ---------------------------------------------------------


class Endpoint:
    """Posts callback requests to an app, in-process or over HTTP, and reads status and body."""

    def __init__(self, *, app: Any = None, port: int | None = None) -> None:
        self.app, self.port = app, port
        self.client = app.server.test_client() if app is not None else None
        self.dependencies = self.get_json("/_dash-dependencies")

    def get_json(self, path: str) -> Any:
        status, _, body = self.request("GET", path)
        assert status == 200
        return json.loads(body)

    def request(self, method: str, path: str, body: bytes | None = None) -> tuple[int, Mapping[str, str], str]:
        headers = {"Content-Type": "application/json"}
        if self.client is not None:
            response = self.client.open(path, method=method, data=body, headers=headers)
            return response.status_code, dict(response.headers), response.get_data(as_text=True)
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", data=body, headers=headers, method=method)
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, dict(response.headers), response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read().decode("utf-8", "replace")

    def dependency(self, output_part: str, input_id: str) -> dict[str, Any]:
        for dependency in self.dependencies:
            if (
                output_part in dependency["output"]
                and any(item["id"] == input_id for item in dependency["inputs"])
                and not dependency.get("clientside_function")
            ):
                return dependency
        raise AssertionError(f"no callback writes {output_part} from {input_id}")

    def call(self, dependency: Mapping[str, Any], values: Mapping[str, Any], changed: list[str]) -> tuple[int, str]:
        status, _, body = self.request("POST", UPDATE, json.dumps(self.payload(dependency, values, changed)).encode())
        return status, body

    @staticmethod
    def payload(dependency: Mapping[str, Any], values: Mapping[str, Any], changed: list[str]) -> dict[str, Any]:
        output = dependency["output"]
        parts = output[2:-2].split("...") if output.startswith("..") else [output]
        outputs = [{"id": p.split("@")[0].rsplit(".", 1)[0], "property": p.split("@")[0].rsplit(".", 1)[1]} for p in parts]

        def fill(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return [{"id": i["id"], "property": i["property"], "value": values.get(f"{i['id']}.{i['property']}")} for i in items]

        return {
            "output": output,
            "outputs": outputs if output.startswith("..") else outputs[0],
            "inputs": fill(dependency["inputs"]),
            "state": fill(dependency.get("state", [])),
            "changedPropIds": changed,
        }

    def upload(self, content: bytes, filename: str) -> tuple[int, str]:
        contents = "data:application/octet-stream;base64," + base64.b64encode(content).decode("ascii")
        return self.call(
            self.dependency("graph-store.data", "upload-payload"),
            {"upload-payload.data": {"contents": contents, "filename": filename}},
            ["upload-payload.data"],
        )

    def export(self, store: Any, fmt: str) -> tuple[int, str]:
        dependency = self.dependency("download.data", "positions-store")
        values = {"positions-store.data": {"format": fmt, "positions": {}}, "view-state.data": "", "graph-store.data": store}
        return self.call(dependency, values, ["positions-store.data"])


def downloaded_bytes(body: str) -> bytes:
    """Everything a download answer carries, unzipped where it is a zip ('' when there is none)."""
    answer = json.loads(body)["response"]
    download = answer.get("download", {}).get("data")
    if not download:
        return b""
    content = base64.b64decode(download["content"])
    if download["filename"].endswith(".zip"):
        bundle = zipfile.ZipFile(io.BytesIO(content))
        return b"\n".join(bundle.read(name) for name in bundle.namelist())
    return content


@pytest.fixture(scope="module")
def app() -> Any:
    return create_app()


@pytest.fixture(scope="module")
def local(app: Any) -> Endpoint:
    return Endpoint(app=app)


@pytest.fixture(scope="module", params=["mechgraph serve", "gunicorn"])
def remote(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Endpoint]:
    port = free_port()
    command = gunicorn_command(port) if request.param == "gunicorn" else serve_command(port)
    log = tmp_path_factory.mktemp("server") / "server.log"
    process = start(command, port, log)
    try:
        endpoint = Endpoint(port=port)
        endpoint.log = log  # type: ignore[attr-defined]
        yield endpoint
    finally:
        stop(process)


# -- the server files an attacker wants ------------------------------------------------------------


@pytest.fixture(scope="module")
def secret_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of the server's machine with a file no user may read through the dashboard."""
    folder = tmp_path_factory.mktemp("server-files")
    (folder / "secret.txt").write_text(f"{SECRET}\nThe sentence quoted is here.\n", encoding="utf-8")
    return folder


def attack_graph(file: str, text: str, *, quote: str | None) -> Any:
    """A graph whose ``file`` names a server folder and whose source cites a text there."""
    graph = synthetic_graph(12, seed=4)
    graph.graph["file"] = file
    graph.graph["sources"] = {**graph.graph.get("sources", {}), "shadow": {"id": "shadow", "text": text}}
    if quote is not None:
        u, v, key = next(iter(graph.edges(keys=True)))
        graph.edges[u, v, key]["evidence"] = [{"source": "shadow", "quote": quote}]
    return graph


def attack_stores(folder: Path, *, quote: str | None) -> dict[str, Any]:
    graph = attack_graph(str(folder / "x.yaml"), "secret.txt", quote=quote)
    passwd = attack_graph("/etc/x.yaml", "passwd", quote=quote)
    return {
        # the store as v1 of the dashboard kept it: node-link text straight from the browser
        "unsigned text": {"version": 1, "name": "x.yaml", "nodes": 12, "relations": 12, "text": graph_to_text(graph)},
        "unsigned /etc": {"version": 1, "name": "x.yaml", "text": graph_to_text(passwd)},
        # today's form, sealed with a key the attacker made up
        "forged": seal_graph(graph, "x.yaml", StoreSigner(b"attacker-chosen-key-" * 2)),
        # today's form, sealed with the server's own key: even a graph the server signed names no path
        "signed with file": seal_graph(graph, "x.yaml", session_signer()),
    }


@pytest.mark.parametrize("quote", [None, "The sentence quoted is here."], ids=["no quote", "with quote"])
@pytest.mark.parametrize("fmt", ["yaml", "graphml", "json"])
def test_export_never_reads_a_server_file_named_by_the_store(local: Endpoint, secret_folder: Path, fmt: str, quote: str | None) -> None:
    for name, store in attack_stores(secret_folder, quote=quote).items():
        status, body = local.export(store, fmt)
        assert status in (200, 204), (name, status, body[:300])
        content = downloaded_bytes(body) if status == 200 else b""
        assert SECRET.encode() not in content and b"root:x:0:0" not in content, name
        assert b"root:" not in content, name
        assert "secret.txt" not in body or name == "signed with file", name
        assert not LEAKS.search(body), (name, body[:500])
        if name != "signed with file":
            assert "not one this version" in body or "not made by this server" in body, (name, body[:300])


def test_a_legitimate_upload_citing_server_files_reads_none_of_them(local: Endpoint, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An upload whose sources cite texts that exist beside the server's working folder: the upload
    is accepted or refused exactly as if those files did not exist, and its export carries none of them."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text(f"{SECRET}\nCyclosporine inhibits calcineurin.\n", encoding="utf-8")

    def document(text: str, quote: str) -> bytes:
        return (
            "mechgraph: 1\ntitle: Upload\nsources:\n"
            f"  - {{id: s, text: {text}}}\n"
            "nodes:\n  - {id: a, kind: agent, label: A}\n  - {id: b, kind: target, label: B}\n"
            f'relations:\n  - {{from: a, relation: inhibits, to: b, evidence: [{{source: s, quote: "{quote}"}}]}}\n'
        ).encode()

    answers = {}
    for text in ("notes.txt", "missing.txt"):
        for quote in ("Cyclosporine inhibits calcineurin.", "A sentence that is nowhere."):
            status, body = local.upload(document(text, quote), "mine.yaml")
            assert status == 200 and not LEAKS.search(body)
            answers[(text, quote)] = re.sub(r'"token":\s*"[^"]*"', "", body.replace(text, "TEXT"))
    assert len(set(answers.values())) == 1, "the answer must not tell whether a server file exists or holds the quote"
    store = json.loads(local.upload(document("notes.txt", "Cyclosporine inhibits calcineurin."), "mine.yaml")[1])["response"]["graph-store"]["data"]
    for fmt in ("yaml", "graphml", "json"):
        status, body = local.export(store, fmt)
        assert status == 200
        content = downloaded_bytes(body)
        assert content and SECRET.encode() not in content
        assert "Cyclosporine inhibits calcineurin." in content.decode()  # the quote, kept as the upload's own text


def test_the_served_graph_exports_its_texts_from_memory(local: Endpoint, monkeypatch: pytest.MonkeyPatch) -> None:
    """The served graph's export zips its article text, read when the server started: a request
    reads no source text but those it wrote itself into its own export folder."""
    import mechgraph.formats._document as document
    import mechgraph.formats._io as io_module

    real = io_module.read_source_text

    def guarded(path: Any, *args: Any, **kwargs: Any) -> Any:
        if "mechgraph-export-" not in str(path):
            raise AssertionError(f"a request read {path}")
        return real(path, *args, **kwargs)

    monkeypatch.setattr(io_module, "read_source_text", guarded)
    monkeypatch.setattr(document, "read_source_text", guarded)
    status, body = local.export(None, "yaml")
    assert status == 200
    bundle = zipfile.ZipFile(io.BytesIO(base64.b64decode(json.loads(body)["response"]["download"]["data"]["content"])))
    assert bundle.namelist() == ["immunomodulation.yaml", "sources/immunomodulation-article.txt"]
    assert b"immunomodulat" in bundle.read("sources/immunomodulation-article.txt").lower()


def test_real_servers_refuse_the_file_read(remote: Endpoint, secret_folder: Path) -> None:
    for quote in (None, "The sentence quoted is here."):
        for name, store in attack_stores(secret_folder, quote=quote).items():
            for fmt in ("yaml", "graphml", "json"):
                status, body = remote.export(store, fmt)
                assert status in (200, 204), (name, status)
                content = downloaded_bytes(body) if status == 200 else b""
                assert SECRET.encode() not in content and b"root:" not in content, (name, fmt)
                assert not LEAKS.search(body), (name, body[:300])


# -- tampered and oversize stores ------------------------------------------------------------------


def test_a_tampered_or_oversize_store_is_refused_with_a_message(remote: Endpoint) -> None:
    status, body = remote.upload(graph_to_text(synthetic_graph(60, seed=2)).encode(), "mine.json")
    assert status == 200
    store = json.loads(body)["response"]["graph-store"]["data"]
    canvas = remote.dependency("canvas.elements", "graph-store")
    ok = remote.call(canvas, {"view-key.data": "", "graph-store.data": store}, ["graph-store.data"])
    assert ok[0] == 200 and json.loads(ok[1])["response"]["canvas"]["elements"]
    token = store["token"]
    from mechgraph.dashboard.graphs import UploadLimits

    try:
        status, _ = remote.call(canvas, {"view-key.data": "", "graph-store.data": dict(store, token="A" * (20 * 1024 * 1024))}, ["graph-store.data"])
    except urllib.error.URLError as error:  # gunicorn answers 413 and closes while the body is still being sent
        assert isinstance(error.reason, (BrokenPipeError, ConnectionResetError)), error
        status = 413
    assert status == 413  # over the request limit: refused from its Content-Length, never read
    cases = {
        "one character changed": dict(store, token=token[:10] + ("A" if token[10] != "A" else "B") + token[11:]),
        "just longer than a store can be": dict(store, token="A" * (UploadLimits().max_store_length + 1)),
        "node-link text": {"version": 1, "name": "big.json", "text": graph_to_text(synthetic_graph(5000, seed=3))},
    }
    for name, tampered in cases.items():
        status, body = remote.call(canvas, {"view-key.data": "", "graph-store.data": tampered}, ["graph-store.data"])
        assert status == 200, (name, status)
        answer = json.loads(body)["response"]
        assert answer["canvas"]["elements"] == [], name
        assert re.search(r"not made by this server|larger than this server accepts|not one this version", body), (name, body[:300])


def test_a_store_made_by_one_worker_is_read_by_every_worker(remote: Endpoint) -> None:
    """Workers share the key (the key file in MECHGRAPH_STATE_DIR): a store uploaded through one
    is accepted by all, request after request."""
    status, body = remote.upload(graph_to_text(synthetic_graph(40, seed=5)).encode(), "mine.json")
    store = json.loads(body)["response"]["graph-store"]["data"]
    title = remote.dependency("graph-title.children", "graph-store")
    for _ in range(12):
        status, body = remote.call(title, {"graph-store.data": store}, ["graph-store.data"])
        assert status == 200 and "Invalid stored graph" not in body


# -- no 500 for any request body -------------------------------------------------------------------

ODD_VALUES: list[Any] = [7, -1.5, True, [1, "a"], {"a": {"b": [None]}}, "x" * 5000, "\x00\ud800", {"version": 2, "token": None}, [], {}]


def test_no_callback_answers_500_to_any_value(local: Endpoint) -> None:
    """Every server callback, every input and state given values of the wrong type: the answer
    is a result or "no update", never a 500 or a stack trace."""
    for dependency in local.dependencies:
        if dependency.get("clientside_function"):
            continue
        ids = [f"{i['id']}.{i['property']}" for i in dependency["inputs"] + dependency.get("state", [])]
        for value in ODD_VALUES:
            status, body = local.call(dependency, dict.fromkeys(ids, value), ids[:1])
            assert status in (200, 204), (dependency["output"], value if not isinstance(value, str) else value[:20], status, body[:300])
            assert not LEAKS.search(body), body[:300]


def test_a_nul_in_an_upload_file_name_gets_a_message_not_a_500(local: Endpoint) -> None:
    content = graph_to_text(synthetic_graph(10)).encode()
    status, body = local.upload(content, "evil\x00name.json")
    assert status == 200
    assert "evilname.json" in body or "Opened" in body
    status, body = local.upload(b"not a graph", "../../x\x00.yaml")
    assert status == 200 and not LEAKS.search(body)


def test_a_view_key_of_another_type_is_not_a_500(local: Endpoint) -> None:
    canvas = local.dependency("canvas.elements", "view-key")
    for value in (42, ["?focus=il2"], {"focus": "il2"}):
        status, body = local.call(canvas, {"view-key.data": value, "graph-store.data": None}, ["view-key.data"])
        assert status in (200, 204), (value, body[:300])


# -- headers ---------------------------------------------------------------------------------------

REQUIRED = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
}


def assert_secure(headers: Mapping[str, str], what: str) -> None:
    lowered = {name.lower(): value for name, value in headers.items()}
    for name, value in REQUIRED.items():
        assert lowered.get(name.lower()) == value, (what, name, lowered.get(name.lower()))
    policy = lowered.get("content-security-policy", "")
    directives = {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}
    assert directives.get("frame-ancestors") == ["'none'"], (what, policy)
    assert directives.get("object-src") == ["'none'"], (what, policy)
    script = directives.get("script-src", [])
    assert "'self'" in script and "'unsafe-inline'" not in script and "'unsafe-eval'" not in script and "*" not in script, (what, policy)
    assert directives.get("default-src") == ["'self'"], (what, policy)


def test_every_response_carries_the_security_headers(remote: Endpoint) -> None:
    title = remote.dependency("graph-title.children", "graph-store")
    page = remote.request("GET", "/")
    assets = re.findall(r'(?:src|href)="(/[^"]+)"', page[2])
    assert assets, "the page loads its scripts and styles from the server"
    checks = [("GET /", page)] + [(f"GET {path}", remote.request("GET", path)) for path in assets[:6]]
    checks += [
        ("GET /_dash-layout", remote.request("GET", "/_dash-layout")),
        ("GET /_dash-dependencies", remote.request("GET", "/_dash-dependencies")),
        ("GET missing", remote.request("GET", "/no/such/page")),
        ("POST bad body", remote.request("POST", UPDATE, b"{not json")),
        ("POST callback", remote.request("POST", UPDATE, json.dumps(Endpoint.payload(title, {"graph-store.data": None}, ["graph-store.data"])).encode())),
        ("POST no update", remote.request("POST", UPDATE, json.dumps(Endpoint.payload(title, {"graph-store.data": 5}, ["graph-store.data"])).encode())),
    ]
    for what, (status, headers, _) in checks:
        assert status < 500, (what, status)
        assert_secure(headers, what)


def test_an_oversize_request_is_refused_with_the_headers_too(local: Endpoint, app: Any) -> None:
    limit = app.server.config["MAX_CONTENT_LENGTH"]
    response = local.client.post(UPDATE, data=b"x" * (limit + 1), headers={"Content-Type": "application/json"})
    assert response.status_code == 413
    assert_secure(dict(response.headers), "413")


def test_the_policy_allows_each_inline_script_of_the_page(local: Endpoint) -> None:
    """Dash's inline scripts (the renderer start-up and clientside callbacks) run under the policy:
    each has its hash in script-src. (The browser tests run the whole dashboard under it.)"""
    import hashlib

    status, headers, page = local.request("GET", "/")
    policy = headers["Content-Security-Policy"]
    page = re.sub(r"<!--.*?-->", "", page, flags=re.S)  # (Internet Explorer's conditional comment runs nowhere)
    inline = re.findall(r"<script(?![^>]*\bsrc=)(?![^>]*application/json)[^>]*>(.*?)</script>", page, re.S)
    assert inline
    for script in inline:
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in policy


# -- logs and the address --------------------------------------------------------------------------


def test_a_huge_request_adds_little_to_the_log(remote: Endpoint) -> None:
    log: Path = remote.log  # type: ignore[attr-defined]
    before = log.stat().st_size
    big = "?" + "x" * (4 * 1024 * 1024)
    canvas = remote.dependency("canvas.elements", "view-key")
    for value in (big, {"version": 2, "name": "n", "token": big}):
        status, _ = remote.call(canvas, {"view-key.data": value, "graph-store.data": value}, ["view-key.data"])
        assert status in (200, 204)
    assert log.stat().st_size - before < 64 * 1024


def test_serve_warns_when_it_listens_beyond_this_machine(tmp_path: Path) -> None:
    port = free_port()
    process = start(serve_command(port, "--host", "0.0.0.0"), port, tmp_path / "serve.log")
    stop(process)
    text = (tmp_path / "serve.log").read_text()
    assert "warning: listening on 0.0.0.0: anyone who can reach this address" in text
    process = start(serve_command(port), port, tmp_path / "local.log")
    stop(process)
    assert "warning" not in (tmp_path / "local.log").read_text()


# -- Plotly text -----------------------------------------------------------------------------------

MARKUP = ['<a href="https://example.org/x">Linked</a>', '<span style="font-size:80px;color:red">Big</span>', "<b>Bold</b> & <i>it</i>"]


def markup_graph() -> Any:
    import networkx as nx

    graph = nx.MultiDiGraph()
    graph.add_node("d", kind="agent", label=MARKUP[0])
    graph.add_node("t", kind="target", label=MARKUP[1])
    graph.add_node("p", kind="process", label=MARKUP[2], process="secretion")
    graph.add_edge("d", "t", key="r1", relation="inhibits", sign=-1)
    graph.add_edge("t", "p", key="r2", relation="activates", sign=1)
    return graph


def test_plotly_figures_get_labels_as_text_not_markup() -> None:
    from mechgraph.dashboard import views

    graph = markup_graph()
    figures = [views.sankey_figure(graph), views.hub_figure(graph), views.sign_figure(graph)]
    sent = json.dumps([figure.to_plotly_json()["data"] for figure in figures])
    for tag in ("<a", "<span", "<b>", "<i>"):
        assert tag not in sent, tag
    sankey_labels = list(figures[0].data[0].node.label)
    assert any(label.startswith("&lt;a href=") for label in sankey_labels), sankey_labels
    hub_labels = list(figures[1].data[0].y)
    assert "&lt;b&gt;Bold&lt;/b&gt; &amp; &lt;i&gt;it&lt;/i&gt;" in hub_labels, hub_labels
