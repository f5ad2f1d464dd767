"""The dashboard server under hostile requests: size limits before the body is read, no debug
pages or stack traces, uploads kept away from the server's files, 127.0.0.1 by default.

Callback requests are built from the app's own ``/_dash-dependencies``, as the browser builds them.
The servers run as real processes (``mechgraph serve`` and gunicorn) on a free loopback port.
"""

from __future__ import annotations

import base64
import json
import re
import socket
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ..conftest import FIXTURES
from ..servers import free_port, gunicorn_command, serve_command, start, stop

ROOT = Path(__file__).resolve().parents[2]
UPDATE = "/_dash-update-component"
LEAKS = re.compile(r"Traceback|File \"|site-packages|/work/|\.py\b|Werkzeug Debugger|__debugger__")


@pytest.fixture(scope="module", params=["mechgraph serve", "gunicorn"])
def server(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    port = free_port()
    if request.param == "gunicorn":
        command = gunicorn_command(port)
    else:
        command = serve_command(port)
    process = start(command, port, tmp_path_factory.mktemp("server") / "server.log")
    try:
        yield port
    finally:
        stop(process)


@pytest.fixture(scope="module")
def app() -> Any:
    from mechgraph.dashboard.app import create_app

    return create_app()


def raw_request(port: int, head: bytes, body: bytes = b"", *, timeout: float = 15) -> bytes:
    """Send a request by hand and read what comes back until the server closes or goes quiet."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(head + body)
        chunks = []
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
                if b"\r\n\r\n" in b"".join(chunks) and len(b"".join(chunks)) > 64:
                    sock.settimeout(1)
        except (TimeoutError, ConnectionResetError):
            pass
    return b"".join(chunks)


def limit_of(port: int) -> int:
    from mechgraph.dashboard.app import create_app

    return int(create_app().server.config["MAX_CONTENT_LENGTH"])


# -- request size ---------------------------------------------------------------------------------


def test_the_app_sets_a_request_size_limit(app: Any) -> None:
    limit = app.server.config.get("MAX_CONTENT_LENGTH")
    assert isinstance(limit, int) and 0 < limit <= 64 * 1024 * 1024


def test_oversized_post_is_refused_before_its_body_is_read(server: int, app: Any) -> None:
    """A Content-Length above the limit gets 413 at once: the server does not wait for a body it
    will never receive (only 1 KiB of a claimed 1 GiB is sent)."""
    claimed = max(app.server.config["MAX_CONTENT_LENGTH"] + 1, 1024**3)
    head = (f"POST {UPDATE} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {claimed}\r\nConnection: close\r\n\r\n").encode()
    began = time.monotonic()
    answer = raw_request(server, head, b"{" + b" " * 1023)
    assert answer.startswith(b"HTTP/1.1 413") or answer.startswith(b"HTTP/1.0 413"), answer[:200]
    assert time.monotonic() - began < 10
    assert not LEAKS.search(answer.decode("latin-1"))
    assert urllib.request.urlopen(f"http://127.0.0.1:{server}/", timeout=10).status == 200  # still serving


def test_oversized_chunked_post_is_cut_off_at_the_limit(server: int, app: Any) -> None:
    """Without a Content-Length (chunked), the body is read only up to the limit."""
    limit = app.server.config["MAX_CONTENT_LENGTH"]
    chunk = b"x" * (1024 * 1024)
    count = limit // len(chunk) + 2
    body = b"".join(b"%x\r\n" % len(chunk) + chunk + b"\r\n" for _ in range(count)) + b"0\r\n\r\n"
    head = (f"POST {UPDATE} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n").encode()
    try:
        answer = raw_request(server, head, body, timeout=30)
    except (BrokenPipeError, ConnectionResetError):
        answer = b"HTTP/1.1 413 (connection closed while sending)"
    status = answer.split(b"\r\n", 1)[0]
    assert b" 413" in status or b" 400" in status, answer[:300]
    assert not LEAKS.search(answer.decode("latin-1"))
    assert urllib.request.urlopen(f"http://127.0.0.1:{server}/", timeout=10).status == 200


# -- errors show no internals ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"[]",
        b'{"output": "nothing.here", "outputs": {"id": "nothing", "property": "here"}, "inputs": [], "changedPropIds": []}',
        json.dumps({"output": "graph-title.children", "inputs": "oops"}).encode(),
    ],
    ids=["malformed", "list", "unknown-output", "wrong-shape"],
)
def test_bad_callback_requests_show_no_stack_trace_or_path(server: int, body: bytes) -> None:
    request = urllib.request.Request(f"http://127.0.0.1:{server}{UPDATE}", data=body, headers={"Content-Type": "application/json"}, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            status, text = response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        status, text = error.code, error.read().decode("utf-8", "replace")
    assert status in (204, 400, 404, 500), status
    assert not LEAKS.search(text), text[:500]


def test_no_debug_mode(server: int, app: Any) -> None:
    assert app.server.debug is False
    with urllib.request.urlopen(f"http://127.0.0.1:{server}/", timeout=10) as response:
        page = response.read().decode("utf-8")
    config = json.loads(re.search(r'<script id="_dash-config" type="application/json">(.*?)</script>', page, re.S).group(1))  # type: ignore[union-attr]
    assert config["ui"] is False and config["props_check"] is False  # no dev tools in the page
    assert "hot_reload" not in config or not config["hot_reload"]
    assert not LEAKS.search(page)


# -- uploads --------------------------------------------------------------------------------------


def callback(app: Any, output_part: str, input_id: str) -> dict[str, Any]:
    """The dependency of the server callback that writes ``output_part`` from ``input_id``."""
    dependencies = app.server.test_client().get("/_dash-dependencies").get_json()
    for dependency in dependencies:
        if output_part in dependency["output"] and any(item["id"] == input_id for item in dependency["inputs"]) and not dependency.get("clientside_function"):
            return dependency
    raise AssertionError(f"no callback writes {output_part} from {input_id}")


def outputs_of(output: str) -> list[dict[str, str]]:
    parts = output[2:-2].split("...") if output.startswith("..") else [output]
    return [{"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1]} for part in parts]


def upload_request(app: Any, content: bytes, filename: str) -> dict[str, Any]:
    dependency = callback(app, "graph-store.data", "upload-payload")
    contents = "data:application/octet-stream;base64," + base64.b64encode(content).decode("ascii")
    return {
        "output": dependency["output"],
        "outputs": outputs_of(dependency["output"]),
        "inputs": [{"id": "upload-payload", "property": "data", "value": {"contents": contents, "filename": filename}}],
        "changedPropIds": ["upload-payload.data"],
        "state": [{"id": item["id"], "property": item["property"], "value": None} for item in dependency.get("state", [])],
    }


def files_under(*folders: Path) -> dict[str, float]:
    return {str(p): p.stat().st_mtime for folder in folders for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("filename", ["../../../../tmp/mechgraph-evil.yaml", "/etc/cron.d/evil.yaml", "evil\n.yaml", "data/immunomodulation.yaml"])
def test_an_upload_is_read_in_memory_and_never_written(app: Any, filename: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    watched = (ROOT / "data", tmp_path)
    before = files_under(*watched)
    content = (FIXTURES / "valid.yaml").read_bytes()
    client = app.server.test_client()
    response = client.post(UPDATE, json=upload_request(app, content, filename))
    assert response.status_code == 200, response.data[:300]
    answer = response.get_json()["response"]
    store = answer["graph-store"]["data"]
    assert store["nodes"] == 4  # the graph comes back to this browser only
    assert files_under(*watched) == before
    assert not Path("/tmp/mechgraph-evil.yaml").exists()
    # The server kept nothing: the next request without that store sees the served graph.
    title = callback(app, "graph-title.children", "graph-store")
    response = client.post(
        UPDATE,
        json={
            "output": title["output"],
            "outputs": outputs_of(title["output"]),
            "inputs": [{"id": "graph-store", "property": "data", "value": None}],
            "changedPropIds": ["graph-store.data"],
            "state": [],
        },
    )
    assert "Cyclosporine sample" not in response.get_data(as_text=True)


def test_a_hostile_upload_gets_its_errors_as_text(app: Any) -> None:
    bomb = (Path(__file__).parent / "corpus" / "graphml" / "billion-laughs.graphml").read_bytes()
    response = app.server.test_client().post(UPDATE, json=upload_request(app, bomb, "bomb.graphml"))
    assert response.status_code == 200
    text = response.get_data(as_text=True)
    assert "refused XML: a DOCTYPE declaration" in text
    assert "graph-store" not in response.get_json()["response"]  # nothing kept
    assert not LEAKS.search(text)


# -- the address ----------------------------------------------------------------------------------


def listening_addresses(port: int) -> set[str]:
    """Local addresses (hex, as in /proc/net/tcp) listening on ``port``."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:
                found.add(address)
    return found


def test_serve_binds_to_loopback_by_default(tmp_path: Path) -> None:
    port = free_port()
    process = start(serve_command(port), port, tmp_path / "serve.log")
    try:
        assert listening_addresses(port) == {"0100007F"}  # 127.0.0.1, and nothing else
    finally:
        stop(process)
    assert "Traceback" not in (tmp_path / "serve.log").read_text()
