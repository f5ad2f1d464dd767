"""Time mechgraph's HTML export beside plain pyvis, in headless Chromium, and its layout engines.

Run from the repository root::

    .venv/bin/python benchmarks/bench_export.py                  # 100, 1k and 10k nodes; layouts
    .venv/bin/python benchmarks/bench_export.py --quick          # skip the slow plain baselines
    .venv/bin/python benchmarks/bench_export.py --part layouts   # one table only
    .venv/bin/python benchmarks/bench_export.py --json results.json

Graphs: :func:`mechgraph.synthetic.synthetic_graph` (typed, signed, with evidence), thinned at
random to exactly 2 relations per node (100/200, 1,000/2,000, 10,000/20,000).

Export table, one row per graph, both exporters run in this process on the same graph:

- *export*: from the graph in memory to the file on disk (mechgraph: view, layered layout,
  page; plain pyvis: ``Network(directed=True, cdn_resources="in_line")``, ``from_nx`` on a copy,
  ``write_html``: what a user reaches for to get a file that works offline). Modules are imported
  beforehand (a first export of a small graph), as in a running session.
- *file*: size of the HTML file.
- *ready*: in headless Chromium (``/usr/bin/chromium``, 2D canvas, no GPU), from ``page.goto``
  of the ``file://`` URL until the graph is drawn and usable: for mechgraph, the first
  ``afterDrawing`` of vis-network (``window.mechgraph.ready``); for pyvis, the end of the physics
  stabilisation that hides its loading bar (``network.physics.ready``), capped at 120 s. Every
  request that leaves ``file://`` is aborted and counted: pyvis's page asks a CDN for Bootstrap.
  The median of 3 loads for mechgraph, one for pyvis.

Layout table: each engine on synthetic graphs of 10k and 100k relations, beside the plain
choices at 10k: igraph's Sugiyama for a layered drawing, networkx's ForceAtlas2 for a
force-directed one (networkx's ``spring_layout`` needs scipy beyond 500 nodes, which mechgraph
does not depend on).

Targets (issue 4): ready under 1.5 s at 1,000 nodes / 2,000 relations and under 5 s at 10,000 /
20,000; export under 2 s at 10k; the file no larger than plain pyvis's.
"""

from __future__ import annotations

import argparse
import copy
import gc
import json
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mechgraph.export import export  # noqa: E402
from mechgraph.layout import Layout, compute_layout  # noqa: E402
from mechgraph.synthetic import synthetic_graph  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"]
PYVIS_CAP_S = 120.0
READY_TARGET_S = {1_000: 1.5, 10_000: 5.0}
EXPORT_TARGET_S = 2.0
MECHGRAPH_READY = "() => window.mechgraph !== undefined && window.mechgraph.ready === true"
PYVIS_READY = "() => typeof network !== 'undefined' && network && network.physics && network.physics.ready === true"


def graph_of(nodes: int, relations: int, seed: int = 0) -> nx.MultiDiGraph:
    """A synthetic graph with exactly ``nodes`` nodes and ``relations`` relations."""
    full = synthetic_graph(round(nodes / 0.35), seed=seed)
    names = sorted(full.nodes)
    if len(names) > nodes:
        full.remove_nodes_from(names[nodes:])
    edges = sorted(full.edges(keys=True, data=True), key=lambda e: (e[0], e[1], e[2]))
    chosen = random.Random(seed).sample(edges, min(relations, len(edges)))
    graph = nx.MultiDiGraph()
    graph.graph.update(full.graph)
    graph.add_nodes_from(full.nodes(data=True))
    graph.add_edges_from(chosen)
    return graph


def seconds(function: Callable[[], Any]) -> tuple[float, Any]:
    gc.collect()
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def export_mechgraph(graph: nx.MultiDiGraph, path: Path) -> None:
    export(graph, path)


def export_pyvis(graph: nx.MultiDiGraph, path: Path) -> None:
    from pyvis.network import Network

    network = Network(height="720px", width="1280px", directed=True, cdn_resources="in_line")
    network.from_nx(copy.deepcopy(graph))  # from_nx changes the graph it is given
    network.write_html(str(path))


def open_in_chromium(browser: Any, path: Path, condition: str, cap_s: float) -> dict[str, Any]:
    """Seconds from goto until ``condition`` holds (None past the cap), and what was blocked."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    blocked: list[str] = []
    errors: list[str] = []

    def route(route: Any) -> None:
        if route.request.url.startswith(("file://", "data:")):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    page.route("**/*", route)
    page.on("pageerror", lambda error: errors.append(str(error)))
    start = time.perf_counter()
    ready: float | None
    try:
        page.goto(path.as_uri(), timeout=cap_s * 1000, wait_until="commit")
        page.wait_for_function(condition, timeout=max(1.0, cap_s - (time.perf_counter() - start)) * 1000, polling=50)
        ready = time.perf_counter() - start
    except Exception:  # the cap: Playwright's TimeoutError
        ready = None
    context.close()
    return {"ready_s": ready, "blocked": len(blocked), "blocked_hosts": sorted({u.split("/")[2] for u in blocked if "//" in u}), "errors": errors}


def measure_export(sizes: list[tuple[int, int]], *, quick: bool) -> list[dict[str, Any]]:
    """All mechgraph measurements first, then pyvis's, each pyvis page in a browser of its own:
    a pyvis page still simulating physics past its cap would otherwise slow what comes next."""
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="mechgraph-bench-"))
    export_mechgraph(graph_of(300, 600), folder / "warm.html")  # imports, caches
    export_pyvis(graph_of(50, 100), folder / "warm-pyvis.html")
    graphs = {size: graph_of(*size) for size in sizes}
    rows: dict[tuple[int, int], dict[str, Any]] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for size, graph in graphs.items():
            path = folder / f"mechgraph-{size[0]}.html"
            export_s, _ = seconds(lambda graph=graph, path=path: export_mechgraph(graph, path))
            loads = [open_in_chromium(browser, path, MECHGRAPH_READY, 60.0) for _ in range(3)]
            times = [load["ready_s"] for load in loads]
            rows[size] = {
                "nodes": graph.number_of_nodes(),
                "relations": graph.number_of_edges(),
                "mechgraph": {
                    "export_s": export_s,
                    "bytes": path.stat().st_size,
                    "ready_s": statistics.median(times) if all(t is not None for t in times) else None,
                    "ready_runs_s": times,
                    "blocked": max(load["blocked"] for load in loads),
                    "errors": sum(len(load["errors"]) for load in loads),
                },
                "pyvis": None,
            }
            print_progress(rows[size], "mechgraph")
        browser.close()
        for size, graph in graphs.items():
            if quick and size[0] > 1000:
                continue
            path = folder / f"pyvis-{size[0]}.html"
            export_s, _ = seconds(lambda graph=graph, path=path: export_pyvis(graph, path))
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            load = open_in_chromium(browser, path, PYVIS_READY, PYVIS_CAP_S)
            browser.close()
            rows[size]["pyvis"] = {
                "export_s": export_s,
                "bytes": path.stat().st_size,
                "ready_s": load["ready_s"],
                "blocked": load["blocked"],
                "blocked_hosts": load["blocked_hosts"],
                "errors": len(load["errors"]),
            }
            print_progress(rows[size], "pyvis")
    return [rows[size] for size in sizes]


def measure_layouts(*, quick: bool) -> list[dict[str, Any]]:
    """Each engine at 10k and 100k relations; the plain choices at 10k only (they take minutes at 100k)."""
    import igraph

    rows = []
    for relations in (10_000, 100_000):
        graph = synthetic_graph(relations, seed=0)
        row: dict[str, Any] = {"nodes": graph.number_of_nodes(), "relations": graph.number_of_edges()}
        for method in Layout:
            row[method.value], _ = seconds(lambda method=method, graph=graph: compute_layout(graph, method=method))
        row["networkx_forceatlas2"] = row["igraph_sugiyama"] = None
        if relations == 10_000 and not quick:
            # networkx's spring_layout needs scipy beyond 500 nodes (not a mechgraph dependency):
            # its ForceAtlas2 is the plain force-directed choice that runs with numpy alone.
            row["networkx_forceatlas2"], _ = seconds(lambda graph=graph: nx.forceatlas2_layout(graph, seed=0))
            simple = igraph.Graph.from_networkx(nx.DiGraph(graph))
            row["igraph_sugiyama"], _ = seconds(lambda simple=simple: simple.layout_sugiyama())
        rows.append(row)
        print(f"  layouts at {relations:,} relations: " + ", ".join(f"{k} {v:.2f} s" for k, v in row.items() if isinstance(v, float)), file=sys.stderr)
    return rows


def print_progress(row: dict[str, Any], who: str) -> None:
    print(f"  measured {who} at {row['nodes']:,} nodes / {row['relations']:,} relations", file=sys.stderr)


def _s(value: float | None, cap: float | None = None) -> str:
    if value is None:
        return f">{cap:.0f} s" if cap else "-"
    return f"{value:.2f} s"


def _mb(value: int) -> str:
    return f"{value / 1e6:.2f} MB"


def export_table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| graph (nodes / relations) | export: mechgraph | export: pyvis | file: mechgraph | file: pyvis | ready: mechgraph | ready: pyvis | target (ready) |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        ours, plain = row["mechgraph"], row["pyvis"]
        target = READY_TARGET_S.get(row["nodes"])
        lines.append(
            "| "
            + " | ".join(
                [
                    f"{row['nodes']:,} / {row['relations']:,}",
                    _s(ours["export_s"]),
                    _s(plain["export_s"]) if plain else "not run",
                    _mb(ours["bytes"]),
                    _mb(plain["bytes"]) if plain else "not run",
                    _s(ours["ready_s"]),
                    (_s(plain["ready_s"], PYVIS_CAP_S) + (f" ({plain['blocked']} CDN requests blocked)" if plain["blocked"] else "")) if plain else "not run",
                    f"< {target} s" if target else "",
                ]
            )
            + " |"
        )
    return "\n".join(lines)


def layout_table(rows: list[dict[str, Any]]) -> str:
    lines = [
        "| graph (nodes / relations) | layered (mechgraph) | force (mechgraph: igraph FR) | compact (mechgraph) | plain layered: igraph Sugiyama | plain force: networkx ForceAtlas2 |",
        "|---|---|---|---|---|---|",
    ]
    for row in rows:
        plain = [_s(row[key]) if row[key] is not None else "not run" for key in ("igraph_sugiyama", "networkx_forceatlas2")]
        lines.append(
            f"| {row['nodes']:,} / {row['relations']:,} | {_s(row['layered'])} | {_s(row['force'])} | {_s(row['compact'])} | {plain[0]} | {plain[1]} |"
        )
    return "\n".join(lines)


def verdict(rows: list[dict[str, Any]]) -> list[str]:
    notes = []
    for row in rows:
        ours, plain = row["mechgraph"], row["pyvis"]
        target = READY_TARGET_S.get(row["nodes"])
        if target and (ours["ready_s"] is None or ours["ready_s"] >= target):
            notes.append(f"MISSED: ready at {row['nodes']:,} nodes took {_s(ours['ready_s'])} (target {target} s)")
        if row["nodes"] >= 10_000 and ours["export_s"] >= EXPORT_TARGET_S:
            notes.append(f"MISSED: export at {row['nodes']:,} nodes took {_s(ours['export_s'])} (target {EXPORT_TARGET_S} s)")
        if plain and ours["bytes"] > plain["bytes"]:
            notes.append(f"MISSED: file at {row['nodes']:,} nodes is larger than pyvis's ({_mb(ours['bytes'])} > {_mb(plain['bytes'])})")
        if ours["blocked"] or ours["errors"]:
            notes.append(f"PROBLEM: mechgraph's page made {ours['blocked']} requests and {ours['errors']} errors")
    return notes or ["all targets met"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="skip pyvis at 10k nodes and the plain layouts")
    parser.add_argument("--part", choices=["all", "export", "layouts"], default="all", help="run only one table")
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    arguments = parser.parse_args()
    print(f"mechgraph export benchmark on {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}", file=sys.stderr)
    results: dict[str, Any] = {}
    if arguments.part in ("all", "export"):
        rows = results["export"] = measure_export([(100, 200), (1_000, 2_000), (10_000, 20_000)], quick=arguments.quick)
        print("\nHTML export and time until drawn and usable in headless Chromium (network blocked):\n")
        print(export_table(rows))
        print()
        for note in verdict(rows):
            print(note)
    if arguments.part in ("all", "layouts"):
        layouts = results["layouts"] = measure_layouts(quick=arguments.quick)
        print("\nLayout engines:\n")
        print(layout_table(layouts))
    if arguments.json:
        arguments.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
