"""Running a real mechgraph server for tests: a free loopback port, start, wait, stop."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve_command(port: int, *arguments: str) -> list[str]:
    """``mechgraph serve`` on ``port`` with any extra arguments (e.g. a graph file)."""
    return [sys.executable, "-m", "mechgraph", "serve", *arguments, "--port", str(port)]


def gunicorn_command(port: int, workers: int = 2) -> list[str]:
    return [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"127.0.0.1:{port}", "mechgraph.dashboard.wsgi:server"]


def start(command: Sequence[str], port: int, log: Path, *, timeout: float = 90) -> subprocess.Popen[bytes]:
    """Start ``command`` and return once it answers 200 at http://127.0.0.1:PORT/."""
    with log.open("wb") as out:
        process = subprocess.Popen(list(command), stdout=out, stderr=subprocess.STDOUT, cwd=ROOT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + timeout
    try:
        while True:
            if process.poll() is not None:
                raise AssertionError(f"the server exited with {process.returncode}: {log.read_text()[-800:]}")
            try:
                with urllib.request.urlopen(url, timeout=3) as response:
                    if response.status == 200:
                        return process
            except OSError:
                if time.monotonic() > deadline:
                    raise AssertionError(f"no answer at {url}: {log.read_text()[-800:]}") from None
                time.sleep(0.2)
    except BaseException:
        stop(process)
        raise


def stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@contextmanager
def running(command: Sequence[str], port: int, log: Path) -> Iterator[str]:
    """The server's base URL while the block runs; stopped afterwards."""
    process = start(command, port, log)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop(process)


@contextmanager
def serving_database(path: Path) -> Iterator[str]:
    """``mechgraph serve --db PATH`` on a free port (its log beside the database) while the block runs."""
    port = free_port()
    with running(serve_command(port, "--db", str(path)), port, path.with_suffix(".log")) as url:
        yield url
