"""How fast the dashboard is: page ready in headless Chromium, and server-side callback times.

Run: ``.venv/bin/python benchmarks/bench_dashboard.py`` (needs /usr/bin/chromium). It prints two
tables. Targets (issue 5): the bundled graph usable within 2 s of navigation; a synthetic
10,000-relation graph within 4 s, side by side with plain dash-cytoscape and its in-browser
``cose`` layout on the same graph; filter, focus and path callbacks on 10,000 relations with a
p95 under 100 ms. "Usable" means: the elements are drawn and no node has moved for 0.75 s (the
layout is done), timed from the start of navigation.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import dash  # noqa: E402
import dash_cytoscape as cyto  # noqa: E402
import networkx as nx  # noqa: E402
from werkzeug.serving import make_server  # noqa: E402

from mechgraph.dashboard.app import create_app  # noqa: E402
from mechgraph.dashboard.views import cytoscape_elements  # noqa: E402
from mechgraph.graph import read_graph  # noqa: E402
from mechgraph.style import cytoscape_stylesheet  # noqa: E402
from mechgraph.synthetic import synthetic_graph  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
STABLE_FOR = 0.75  # seconds without a node moving
GIVE_UP = 45.0

#: Sampled in the page: the cytoscape instance's node count and a checksum of all positions.
_SAMPLE = """() => {
  const root = document.getElementById('canvas');
  let cy = null;
  if (root) { for (const el of [root, ...root.querySelectorAll('div')]) { if (el._cyreg && el._cyreg.cy) { cy = el._cyreg.cy; break; } } }
  if (!cy || cy.nodes().length === 0) return null;
  let sum = 0; cy.nodes().forEach((n, i) => { const p = n.position(); sum += (i % 7 + 1) * p.x + (i % 5 + 1) * p.y; });
  return [cy.nodes().length, Math.round(sum)];
}"""


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(app: dash.Dash) -> Iterator[str]:
    port = _free_port()
    server = make_server("127.0.0.1", port, app.server, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.shutdown()
        thread.join(timeout=10)


def plain_cose_app(graph: nx.MultiDiGraph) -> dash.Dash:
    """What a user would otherwise write: dash-cytoscape with its in-browser ``cose`` layout."""
    app = dash.Dash(__name__)
    elements = [element for element in cytoscape_elements(graph, {}) if "source" in element["data"] or element.pop("position", None) or True]
    app.layout = cyto.Cytoscape(
        id="canvas", elements=elements, layout={"name": "cose"}, stylesheet=cytoscape_stylesheet(), style={"width": "100%", "height": "800px"}
    )
    return app


def time_until_usable(browser: Any, url: str, expected_nodes: int) -> float | None:
    """Seconds from navigation until the expected nodes are drawn and stay still; None past GIVE_UP."""
    page = browser.new_page(viewport={"width": 1280, "height": 860})
    try:
        start = time.perf_counter()
        page.goto(url, wait_until="commit")
        last: Any = None
        since = 0.0
        while time.perf_counter() - start < GIVE_UP:
            try:
                sample = page.evaluate(_SAMPLE)
            except Exception:  # the page is still loading its scripts
                sample = None
            now = time.perf_counter() - start
            if sample is not None and sample[0] >= expected_nodes and sample == last:
                if now - since >= STABLE_FOR:
                    return since
            else:
                last, since = sample, now
            page.wait_for_timeout(50)
        return None
    finally:
        page.close()


def browser_table(sizes: list[int]) -> list[tuple[str, str, str]]:
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            bundled = read_graph()
            with serving(create_app()) as url:
                time_until_usable(browser, url, bundled.number_of_nodes())  # warm the server's caches once
                rows.append(
                    (
                        f"bundled ({bundled.number_of_nodes()} nodes, {bundled.number_of_edges()} relations)",
                        _seconds(time_until_usable(browser, url, bundled.number_of_nodes())),
                        "target < 2 s",
                    )
                )
            for relations in sizes:
                graph = synthetic_graph(relations, seed=1)
                name = f"synthetic ({graph.number_of_nodes():,} nodes, {relations:,} relations)"
                with serving(create_app(graph=graph)) as url:
                    first = time_until_usable(browser, url, graph.number_of_nodes())
                    again = time_until_usable(browser, url, graph.number_of_nodes())
                    rows.append((f"{name}: mechgraph, first load", _seconds(first), "includes the server-side layout"))
                    rows.append((f"{name}: mechgraph", _seconds(again), "target < 4 s at 10,000 relations"))
                with serving(plain_cose_app(graph)) as url:
                    rows.append((f"{name}: plain dash-cytoscape + cose", _seconds(time_until_usable(browser, url, graph.number_of_nodes())), "the alternative"))
        finally:
            browser.close()
    return rows


def _seconds(value: float | None) -> str:
    return f"> {GIVE_UP:.0f} s (gave up)" if value is None else f"{value:.2f} s"


# -- server-side callbacks ------------------------------------------------------------------------


class Caller:
    """Posts a callback request to a real app, as the browser does."""

    def __init__(self, app: dash.Dash) -> None:
        self.app = app
        self.http = app.server.test_client()
        self.http.get("/")

    def payload(self, output: str, values: dict[str, Any]) -> dict[str, Any]:
        spec = next(c for c in self.app._callback_list if c["output"].startswith(output) or c["output"].startswith(".." + output))
        parts = spec["output"].strip(".").split("...")
        outputs = [{"id": p.split("@")[0].rsplit(".", 1)[0], "property": p.split("@")[0].rsplit(".", 1)[1]} for p in parts]

        def fill(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
            return [{"id": str(i["id"]), "property": i["property"], "value": values.get(f"{i['id']}.{i['property']}")} for i in items]

        return {
            "output": spec["output"],
            "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": fill(spec["inputs"]),
            "state": fill(spec["state"]),
            "changedPropIds": [],
        }

    def time(self, output: str, values: dict[str, Any]) -> tuple[float, int]:
        body = json.dumps(self.payload(output, values))
        start = time.perf_counter()
        response = self.http.post("/_dash-update-component", data=body, content_type="application/json")
        elapsed = time.perf_counter() - start
        assert response.status_code in (200, 204), response.get_data(as_text=True)[:500]
        return elapsed, len(response.get_data())


def callback_table(relations: int, repeats: int) -> list[tuple[str, str, str, str]]:
    graph = synthetic_graph(relations, seed=1)
    caller = Caller(create_app(graph=graph))
    rng = random.Random(0)
    nodes = sorted(graph.nodes)
    hubs = [node for node, _ in sorted(graph.degree(), key=lambda item: -item[1])[:200]]
    from mechgraph.query import reach

    agents = [n for n in nodes if graph.nodes[n]["kind"] == "agent" and graph.out_degree(n)]
    pairs = []  # an agent and a node 3 to 5 relations downstream of it: there are paths to find
    while len(pairs) < repeats:
        agent = rng.choice(agents)
        far = [node for node, distance in reach(graph, agent, depth=5, direction="down").items() if distance >= 3]
        if far:
            pairs.append((agent, rng.choice(far)))
    caller.time("canvas.elements", {"view-key.data": ""})  # the whole map's layout, once per process
    kinds = ["agent", "target", "immune_cell", "process", "outcome", "non_immune"]
    signs = ["increases", "decreases", "unknown"]

    sources = sorted({e["source"] for _, _, d in graph.edges(data=True) for e in d["evidence"]})
    seen: set[str] = set()

    def filter_query(i: int) -> str:
        """A filter never asked before (so never answered from a cache)."""
        while True:
            query = (
                f"?kind={','.join(sorted(rng.sample(kinds, rng.randint(2, 5))))}&sign={rng.choice(signs)}&source={','.join(sorted(rng.sample(sources, 20)))}"
            )
            if query not in seen:
                seen.add(query)
                return query

    cases: list[tuple[str, str, Callable[[int], dict[str, Any]]]] = [
        ("filter (kind + sign + source)", "canvas.elements", lambda i: {"view-key.data": filter_query(i)}),
        ("focus (depth 1, both ways)", "canvas.elements", lambda i: {"view-key.data": f"?focus={rng.choice(nodes)}"}),
        ("focus (depth 2, on a hub)", "canvas.elements", lambda i: {"view-key.data": f"?focus={hubs[i % len(hubs)]}&depth=2"}),
        ("signed paths (k = 5, 3-5 steps)", "path-choice.options", lambda i: {"view-state.data": f"?from={pairs[i][0]}&to={pairs[i][1]}"}),
    ]
    rows = []
    for name, output, make in cases:
        times, sizes = [], []
        for i in range(repeats):
            elapsed, size = caller.time(output, make(i))
            times.append(elapsed * 1000)
            sizes.append(size)
        times.sort()
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
        rows.append((name, f"{statistics.median(times):.1f} ms", f"{p95:.1f} ms", f"{statistics.median(sizes) / 1024:,.0f} KB"))
    whole, size = caller.time("canvas.elements", {"view-key.data": "?layout=force"})
    rows.append(("whole map, new layout (force)", f"{whole * 1000:.0f} ms", "-", f"{size / 1024:,.0f} KB"))
    return rows


def print_table(title: str, header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    print(f"\n{title}")
    print("  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)))


def main() -> None:
    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # no line per request in the tables
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--relations", type=int, nargs="*", default=[1_000, 10_000, 14_300], help="relations of the synthetic graphs (14,300 relations give about 5,000 nodes)"
    )
    parser.add_argument("--callback-relations", type=int, default=10_000, help="relations of the graph the callbacks are timed on")
    parser.add_argument("--repeats", type=int, default=60, help="requests per callback case")
    parser.add_argument("--skip-browser", action="store_true", help="only time the callbacks")
    options = parser.parse_args()
    print_table(
        f"Server-side callbacks on synthetic_graph({options.callback_relations:,}) ({options.repeats} requests each, no cache hits)",
        ("callback", "median", "p95", "response"),
        callback_table(options.callback_relations, options.repeats),
    )
    if not options.skip_browser:
        print_table("Page usable in headless Chromium (from navigation)", ("page", "time", "note"), browser_table(options.relations))


if __name__ == "__main__":
    main()
