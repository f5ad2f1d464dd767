"""Bounded load test of the dashboard under gunicorn, on loopback only.

Run: ``.venv/bin/python benchmarks/load_test.py`` (needs /usr/bin/chromium for the recording).

What it does, and nothing more:

1. starts ``gunicorn -w 2 -b 127.0.0.1:<free port> mechgraph.dashboard.wsgi:server`` (the
   command docs/dashboard.md gives), and waits until the page answers;
2. records one real session in headless Chromium (network limited to that address): typing in
   the search box, focusing a node, ticking a filter, asking for a path, exporting the view as
   HTML, SVG and PNG. Every ``POST /_dash-update-component`` the browser sends is kept, grouped by
   the action that caused it, so the replayed payloads are exactly what the app's callbacks take;
3. replays them with 20 simulated users (threads with the standard library's HTTP client, one
   connection per request) for 60 seconds. Each user repeats: pick an action (search 30 %,
   focus 25 %, filter 20 %, path 15 %, export 10 %), put other nodes of the graph in place of the
   recorded ones (typed text, focus, path ends), send the action's requests in order, pause
   0.1-0.5 s. Every request has a 60 s timeout; the run stops by itself;
4. reports requests, errors (a status other than 200/204, or no answer), p50/p95/p99 latency per
   action, and the resident memory (VmRSS in /proc) of the gunicorn workers before and after;
5. prints the table and writes the latest figures to docs/load-test.md (``--no-docs`` to skip).

Meanwhile ``--attackers`` threads (2 by default) send stored graphs the server never signed; each
must be refused. All traffic goes to 127.0.0.1. Options: ``--users``, ``--seconds``, ``--workers``, ``--graph``
(a graph file to serve instead of the bundled one), ``--seed``.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import random
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from mechgraph.graph import read_graph  # noqa: E402

HOST = "127.0.0.1"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
UPDATE = "/_dash-update-component"
ACTIONS = {"search": 0.30, "focus": 0.25, "filter": 0.20, "path": 0.15, "export": 0.10}
REQUEST_TIMEOUT = 60.0
DOCS = ROOT / "docs" / "load-test.md"

# What the recorded session does (the replay puts other nodes in their place).
RECORD_SEARCH = "cyclo"
RECORD_FOCUS = ("cyclosporine", "Cyclosporine")
RECORD_PATH = (("tacrolimus", "Tacrolimus"), ("il2", "IL-2 "))


# -- the server -----------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@contextmanager
def gunicorn(port: int, workers: int, graph: Path | None, log: Path) -> Iterator[subprocess.Popen[bytes]]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    if graph is not None:
        env["MECHGRAPH_GRAPH"] = str(graph)
    command = [sys.executable, "-m", "gunicorn", "-w", str(workers), "-b", f"{HOST}:{port}", "--timeout", "120", "mechgraph.dashboard.wsgi:server"]
    with log.open("wb") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    try:
        wait_until_up(f"http://{HOST}:{port}/", process)
        yield process
    finally:
        process.send_signal(signal.SIGTERM)  # gunicorn's graceful stop
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def wait_until_up(url: str, process: subprocess.Popen[bytes], timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with {process.returncode} before answering")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"the dashboard did not answer at {url} within {timeout:.0f} s")


def children_of(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                found.append(int(entry.name))
    return sorted(found)


def rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def memory(master: int) -> dict[str, float]:
    return {"master": rss_mib(master), **{f"worker {pid}": rss_mib(pid) for pid in children_of(master)}}


# -- recording one real session ------------------------------------------------------------------


Recorded = dict[str, list[tuple[str, str]]]  # action -> [(path and query, JSON body)]


def record_session(url: str) -> Recorded:
    """The requests (path with query, and body) a real browser sends for each action, in order."""
    from playwright.sync_api import sync_playwright

    recorded: Recorded = defaultdict(list)
    failures: list[str] = []
    current = {"action": "load"}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 860}, accept_downloads=True)
        context.route(re.compile(r"^(?!http://127\.0\.0\.1:\d+/).*"), lambda route: route.abort())  # loopback only
        page = context.new_page()
        page.set_default_timeout(60_000)

        def on_request(request: Any) -> None:
            parts = urlsplit(request.url)
            if request.method == "POST" and parts.path == UPDATE and request.post_data:
                recorded[current["action"]].append((parts.path + (f"?{parts.query}" if parts.query else ""), request.post_data))

        def on_response(response: Any) -> None:
            if urlsplit(response.url).path == UPDATE and response.status not in (200, 204):
                failures.append(f"{current['action']}: HTTP {response.status}")

        page.on("request", on_request)
        page.on("response", on_response)
        page.goto(url)
        page.wait_for_function("() => { const cy = window.mechgraph && window.mechgraph.cy('canvas'); return cy && cy.nodes().length > 0; }")
        settle(page)

        current["action"] = "search"
        page.click("#focus")
        page.keyboard.type(RECORD_SEARCH, delay=120)
        page.locator(".dash-dropdown-option", has_text=RECORD_FOCUS[1]).first.wait_for()
        settle(page)
        current["action"] = "focus"
        page.locator(".dash-dropdown-option", has_text=RECORD_FOCUS[1]).first.click()
        page.keyboard.press("Escape")
        settle(page)

        current["action"] = "filter"
        page.locator("#filter-sign label", has_text="decreases").click()
        settle(page)

        current["action"] = "path"
        for dropdown, (_node, label) in zip(("path-from", "path-to"), RECORD_PATH, strict=True):
            page.click(f"#{dropdown}")
            page.keyboard.type(label.strip(), delay=60)
            page.locator(".dash-dropdown-option", has_text=label).first.click()
            page.keyboard.press("Escape")
            settle(page)

        for fmt, label in (("html", "HTML"), ("svg", "SVG"), ("png", "PNG")):
            current["action"] = "ignore"
            page.click("#export-format")
            page.locator(".dash-dropdown-option", has_text=label).first.click()
            settle(page)
            current["action"] = f"export-{fmt}"
            with page.expect_download(timeout=120_000):
                page.click("#export")
            settle(page)
        browser.close()
    if failures:
        raise SystemExit("the recorded session had failing callbacks: " + "; ".join(failures))
    recorded.pop("ignore", None)
    missing = [action for action in ("search", "focus", "filter", "path", "export-html") if not recorded.get(action)]
    if missing:
        raise SystemExit(f"the recorded session sent no callback for: {', '.join(missing)}")
    return dict(recorded)


def settle(page: Any) -> None:
    page.wait_for_function("() => !document.querySelector('[data-dash-is-loading=\"true\"]')")
    page.wait_for_timeout(400)
    page.wait_for_function("() => !document.querySelector('[data-dash-is-loading=\"true\"]')")


# -- replaying with other nodes --------------------------------------------------------------------


@dataclass(frozen=True)
class Choice:
    """The nodes one action of one simulated user works on."""

    focus: str
    start: str
    end: str
    typed: str


def substitute(body: str, choice: Choice) -> str:
    """A recorded body with the user's nodes in place of the recorded ones."""
    names = {RECORD_FOCUS[0]: choice.focus, RECORD_PATH[0][0]: choice.start, RECORD_PATH[1][0]: choice.end}
    pattern = re.compile(r"(?<![a-z0-9_.-])(" + "|".join(re.escape(name) for name in names) + r")(?![a-z0-9_.-])")
    data = json.loads(body)

    def swap(value: Any, key: str | None = None) -> Any:
        if isinstance(value, dict):
            return {pattern.sub(lambda m: names[m.group(1)], k): swap(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [swap(item) for item in value]
        if isinstance(value, str):
            return pattern.sub(lambda m: names[m.group(1)], value)
        return value

    data = swap(data)
    for item in data.get("inputs", []):
        if isinstance(item, dict) and item.get("property") == "search_value" and isinstance(item.get("value"), str):
            item["value"] = choice.typed[: len(item["value"])]
    return json.dumps(data)


@dataclass
class Results:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, action: str, seconds: float, error: str | None) -> None:
        with self.lock:
            self.latencies[action].append(seconds)
            if error:
                self.errors[action].append(error)


def post(port: int, target: str, body: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    try:
        connection.request("POST", target, body=body.encode("utf-8"), headers={"Content-Type": "application/json"})
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def user(number: int, port: int, recorded: Recorded, nodes: list[tuple[str, str]], deadline: float, seed: int, results: Results) -> None:
    rng = random.Random(seed * 1000 + number)
    actions, weights = list(ACTIONS), list(ACTIONS.values())
    exports = sorted(action for action in recorded if action.startswith("export-"))
    while time.monotonic() < deadline:
        action = rng.choices(actions, weights)[0]
        name = rng.choice(exports) if action == "export" else action
        (focus, label), (start, _), (end, _) = rng.choice(nodes), rng.choice(nodes), rng.choice(nodes)
        choice = Choice(focus, start, end, typed=label.lower())
        for target, body in recorded[name]:
            if time.monotonic() >= deadline:
                return
            payload = substitute(body, choice)
            began = time.perf_counter()
            try:
                status, content = post(port, target, payload)
                error = None if status in (200, 204) else f"HTTP {status}: {content[:200]!r}"
                if status == 200 and b'"response"' not in content:
                    error = f"HTTP 200 without a callback response: {content[:200]!r}"
            except (OSError, http.client.HTTPException) as exc:
                error = f"{type(exc).__name__}: {exc}"
            results.add(action, time.perf_counter() - began, error)
        time.sleep(rng.uniform(0.1, 0.5))


def attack_bodies(port: int) -> list[str]:
    """Requests an attacker sends to the canvas callback: stored graphs this server never signed
    (a 20 MB token, one character changed in a real-looking one, the old unsigned node-link form
    of a 50,000-relation graph). Each must be refused fast, whatever it costs the attacker."""
    with urllib.request.urlopen(f"http://{HOST}:{port}/_dash-dependencies", timeout=REQUEST_TIMEOUT) as response:
        dependencies = json.load(response)
    canvas = next(d for d in dependencies if "canvas.elements" in d["output"] and any(i["id"] == "graph-store" for i in d["inputs"]))
    output = canvas["output"]
    parts = output[2:-2].split("...") if output.startswith("..") else [output]
    outputs = [{"id": p.split("@")[0].rsplit(".", 1)[0], "property": p.split("@")[0].rsplit(".", 1)[1]} for p in parts]

    def body(store: Any) -> str:
        values = {"view-key.data": "", "graph-store.data": store}
        fill = lambda items: [{"id": i["id"], "property": i["property"], "value": values.get(f"{i['id']}.{i['property']}")} for i in items]  # noqa: E731
        return json.dumps(
            {
                "output": output,
                "outputs": outputs,
                "inputs": fill(canvas["inputs"]),
                "state": fill(canvas.get("state", [])),
                "changedPropIds": ["graph-store.data"],
            }
        )

    from mechgraph.dashboard.graphs import UploadLimits, graph_to_text
    from mechgraph.synthetic import synthetic_graph

    largest = UploadLimits().max_store_length  # the longest token the server reads (default limits)
    return [
        body({"version": 2, "name": "big.json", "token": "A" * (20 * 1024 * 1024)}),
        body({"version": 2, "name": "mine.json", "token": "eJy" + "x" * (largest - 20) + ".sig"}),
        body({"version": 2, "name": "mine.json", "token": "eJy" + "x" * 500_000 + ".signature"}),
        body({"version": 1, "name": "big.json", "text": graph_to_text(synthetic_graph(50_000, seed=3))}),
    ]


def attacker(number: int, port: int, bodies: list[str], deadline: float, results: Results) -> None:
    index = number
    while time.monotonic() < deadline:
        began = time.perf_counter()
        try:
            status, content = post(port, UPDATE, bodies[index % len(bodies)])
            messages = (b"not made by this server", b"larger than this server accepts", b"not one this version")
            refused = status == 413 or (status == 200 and any(message in content for message in messages))
            error = None if refused else f"an unsigned store was not refused: HTTP {status}: {content[:200]!r}"
        except (BrokenPipeError, ConnectionResetError):
            error = None  # answered 413 and closed while the oversized body was still being sent
        except (OSError, http.client.HTTPException) as exc:
            error = f"{type(exc).__name__}: {exc}"
        results.add("attack", time.perf_counter() - began, error)
        index += 1


def run_load(
    port: int, recorded: Recorded, nodes: list[tuple[str, str]], *, users: int, seconds: float, seed: int, attackers: int = 0
) -> tuple[Results, float]:
    results = Results()
    bodies = attack_bodies(port) if attackers else []
    began = time.monotonic()
    deadline = began + seconds
    threads = [threading.Thread(target=user, args=(n, port, recorded, nodes, deadline, seed, results), daemon=True) for n in range(users)]
    threads += [threading.Thread(target=attacker, args=(n, port, bodies, deadline, results), daemon=True) for n in range(attackers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=seconds + REQUEST_TIMEOUT + 30)
    return results, time.monotonic() - began


# -- the report -----------------------------------------------------------------------------------


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def table(results: Results, elapsed: float) -> list[list[str]]:
    rows = [["action", "requests", "errors", "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s"]]
    every: list[float] = []
    for action in ACTIONS:
        values = results.latencies.get(action, [])
        every += values
        rows.append(_row(action, values, len(results.errors.get(action, [])), elapsed))
    rows.append(_row("all users", every, sum(len(results.errors.get(action, [])) for action in ACTIONS), elapsed))
    if results.latencies.get("attack"):
        rows.append(_row("attack (refused)", results.latencies["attack"], len(results.errors.get("attack", [])), elapsed))
    return rows


def _row(name: str, values: list[float], errors: int, elapsed: float) -> list[str]:
    ms = [v * 1000 for v in values]
    return [
        name,
        f"{len(values):,}",
        str(errors),
        f"{percentile(ms, 0.50):.0f}",
        f"{percentile(ms, 0.95):.0f}",
        f"{percentile(ms, 0.99):.0f}",
        f"{max(ms) if ms else float('nan'):.0f}",
        f"{len(values) / elapsed:.1f}",
    ]


def markdown(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "|".join("---" if i == 0 else "---:" for i in range(len(rows[0]))) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)


def plain(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths, strict=True))) for row in rows)


def memory_rows(before: dict[str, float], after: dict[str, float]) -> list[list[str]]:
    rows = [["process", "RSS before (MiB)", "RSS after (MiB)", "change (MiB)"]]
    for name in sorted(set(before) | set(after), key=lambda n: (n != "master", n)):
        b, a = before.get(name, float("nan")), after.get(name, float("nan"))
        rows.append([name, f"{b:.1f}", f"{a:.1f}", f"{a - b:+.1f}"])
    return rows


def write_docs(
    args: argparse.Namespace, rows: list[list[str]], mem: list[list[str]], recorded: Recorded, graph_size: tuple[int, int], elapsed: float, errors: list[str]
) -> None:
    requests_per_action = ", ".join(f"{action} {len(bodies)}" for action, bodies in recorded.items())
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    text = f"""# Load test of the dashboard

`benchmarks/load_test.py` starts the dashboard under gunicorn on loopback, records the callbacks
a real browser sends for each action, and replays them with simulated users. It is bounded in
time (and every request in its wait), sends traffic to 127.0.0.1 only, and stops by itself.

```
.venv/bin/python benchmarks/load_test.py            # 20 users, 60 s, 2 workers, bundled graph
.venv/bin/python benchmarks/load_test.py --help     # users, seconds, workers, graph, seed
```

How it works:

- the server: `gunicorn -w {args.workers} -b 127.0.0.1:<free port> --timeout 120 mechgraph.dashboard.wsgi:server`
  (sync workers, as docs/dashboard.md runs it), serving {"the bundled graph" if args.graph is None else args.graph}
  ({graph_size[0]:,} nodes, {graph_size[1]:,} relations);
- the payloads: one real session in headless Chromium (requests outside 127.0.0.1 aborted) types
  "{RECORD_SEARCH}" in the search box, focuses {RECORD_FOCUS[0]}, ticks the "decreases" sign filter, asks
  for the paths from {RECORD_PATH[0][0]} to {RECORD_PATH[1][0]}, and exports the view as HTML, SVG and
  PNG. Every `POST /_dash-update-component` is kept with the action that caused it
  ({requests_per_action} requests);
- the users: {args.users} threads for {args.seconds:g} s. Each repeats: pick an action (search 30 %, focus 25 %,
  filter 20 %, path 15 %, export 10 %: one of the three formats), put random nodes of the graph in
  place of the recorded ones (the typed text becomes the start of a random node's label), send the
  action's requests in order on fresh connections, wait 0.1-0.5 s;
- an error is a status other than 200 (answer) or 204 (nothing to update), an answer without a
  callback response, or no answer within {REQUEST_TIMEOUT:.0f} s;
- attackers: {args.attackers} more threads, all the while, send the canvas callback stored graphs the
  server never signed, one after another: a 20 MB token and the old unsigned node-link text of a
  50,000-relation graph (about 20 MB), both over the request limit (413 before they are read), a
  forged token of the largest length the server reads (about 14 MB) and a forged 0.5 MB one (both
  refused by their signature). Each must come back refused (anything else counts as an error);
  their row shows what a refusal costs, and the users' rows what the attack costs everyone else;
- memory: VmRSS of the gunicorn processes from /proc, after the recording (workers warm) and after the load.

## Latest figures

{when}, {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}; {elapsed:.0f} s of load.
Latencies include the time a request waits for a free worker ({args.users} users share {args.workers} sync workers).

{markdown(rows)}

{markdown(mem)}
"""
    if errors:
        text += "\nFirst errors:\n\n" + "\n".join(f"- `{e}`" for e in errors[:10]) + "\n"
    DOCS.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--users", type=int, default=20, help="simulated users (default 20)")
    parser.add_argument("--seconds", type=float, default=60.0, help="length of the load (default 60, at most 600)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    parser.add_argument("--graph", type=Path, default=None, help="graph file to serve (default: the bundled graph)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--attackers", type=int, default=2, help="threads sending stored graphs the server never signed, all the while (default 2)")
    parser.add_argument("--no-docs", action="store_true", help="do not write docs/load-test.md")
    args = parser.parse_args(argv)
    if not 1 <= args.users <= 200 or not 1 <= args.seconds <= 600 or not 1 <= args.workers <= 16:
        parser.error("users 1-200, seconds 1-600, workers 1-16: the test stays bounded")
    graph = read_graph(args.graph) if args.graph is None or args.graph.suffix in (".yaml", ".yml") else None
    if graph is None:
        from mechgraph.formats import read

        graph = read(args.graph).graph
    nodes = sorted((str(node), str(data.get("label") or node)) for node, data in graph.nodes(data=True))
    for needed in (RECORD_FOCUS[0], RECORD_PATH[0][0], RECORD_PATH[1][0]):
        if needed not in graph:
            raise SystemExit(f"the recorded session needs the node {needed!r}, which this graph does not have")
    port = free_port()
    with tempfile.TemporaryDirectory(prefix="mechgraph-load-") as folder:
        log = Path(folder) / "gunicorn.log"
        with gunicorn(port, args.workers, args.graph, log) as server:
            url = f"http://{HOST}:{port}/"
            print(f"gunicorn ({args.workers} workers) on {url}; recording a browser session ...", flush=True)
            recorded = record_session(url)
            print("recorded: " + ", ".join(f"{a} {len(b)}" for a, b in recorded.items()), flush=True)
            before = memory(server.pid)
            print(f"{args.users} users for {args.seconds:g} s ...", flush=True)
            results, elapsed = run_load(port, recorded, nodes, users=args.users, seconds=args.seconds, seed=args.seed, attackers=args.attackers)
            after = memory(server.pid)
        gunicorn_log = log.read_text(errors="replace")
    rows = table(results, elapsed)
    mem = memory_rows(before, after)
    print()
    print(plain(rows))
    print()
    print(plain(mem))
    errors = [e for values in results.errors.values() for e in values]
    if "Traceback" in gunicorn_log:
        errors.append("gunicorn log: " + gunicorn_log[gunicorn_log.index("Traceback") :][:300])
    for error in errors[:10]:
        print("error:", error)
    if not args.no_docs:
        write_docs(args, rows, mem, recorded, (graph.number_of_nodes(), graph.number_of_edges()), elapsed, errors)
        print(f"\nwrote {DOCS.relative_to(ROOT)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
