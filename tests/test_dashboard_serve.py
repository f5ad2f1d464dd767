"""`mechgraph serve` and the WSGI entry point: a real server process answering real requests."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from mechgraph.cli import cli

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str, timeout: float = 30.0) -> bytes:
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=3) as response:
                return bytes(response.read())
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serve_refuses_a_missing_file_with_one_line() -> None:
    result = CliRunner().invoke(cli, ["serve", "no-such-graph.yaml"])
    assert result.exit_code == 2
    assert result.output.strip().startswith("mechgraph: ")
    assert "Traceback" not in result.output


def test_serve_refuses_an_invalid_graph_listing_its_problems(fixtures: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", str(fixtures / "invalid" / "unknown-kind.yaml")])
    assert result.exit_code == 1
    assert "unknown-kind.yaml:" in result.output


def test_serve_help_names_the_defaults_and_gunicorn() -> None:
    result = CliRunner().invoke(cli, ["serve", "--help"])
    assert result.exit_code == 0
    assert "127.0.0.1" in result.output and "8050" in result.output and "gunicorn" in result.output


@pytest.mark.server
@pytest.mark.skipif(shutil.which("gunicorn", path=str(Path(sys.executable).parent)) is None, reason="gunicorn is not installed")
@pytest.mark.parametrize("served", ["MECHGRAPH_GRAPH", "MECHGRAPH_DB"])
def test_the_wsgi_server_runs_under_gunicorn_with_two_workers(tmp_path: Path, fixtures: Path, served: str) -> None:
    port = _free_port()
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    target = str(fixtures / "valid.yaml")
    if served == "MECHGRAPH_DB":  # a database written by `mechgraph import`, opened read-only by each worker
        target = str(tmp_path / "valid.lbug")
        subprocess.run([sys.executable, "-m", "mechgraph", "import", str(fixtures / "valid.yaml"), "--db", target], check=True, capture_output=True)
    env = {**os.environ, served: target}
    process = subprocess.Popen(
        [gunicorn, "-w", "2", "-b", f"127.0.0.1:{port}", "mechgraph.dashboard.wsgi:server"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        assert b"<title>mechgraph</title>" in _get(base, timeout=90)
        # Callbacks must be answerable by any worker: ask several times (each may land on either).
        dependencies = json.loads(_get(base + "_dash-dependencies"))
        render = next(d for d in dependencies if d["output"].startswith("..canvas.elements..."))
        values = {"view-key.data": "", "theme.value": "light", "highlight-store.data": [], "canvas-scale.data": False}
        outputs = [
            {"id": part.split("@")[0].rsplit(".", 1)[0], "property": part.split("@")[0].rsplit(".", 1)[1]} for part in render["output"].strip(".").split("...")
        ]
        payload = {
            "output": render["output"],
            "outputs": outputs,
            "inputs": [{**item, "value": values.get(f"{item['id']}.{item['property']}")} for item in render["inputs"]],
            "state": [{**item, "value": values.get(f"{item['id']}.{item['property']}")} for item in render["state"]],
            "changedPropIds": ["view-key.data"],
        }
        answers = []
        for _ in range(6):
            request = urllib.request.Request(base + "_dash-update-component", json.dumps(payload).encode(), {"Content-Type": "application/json"})
            answers.append(json.loads(urllib.request.urlopen(request, timeout=30).read()))
        counts = {answer["response"]["graph-counts"]["children"] for answer in answers}
        assert counts == {"4 nodes · 3 relations"}
    finally:
        process.terminate()
        process.wait(timeout=20)
