"""Time mechgraph's reasoning queries (perturbation, data overlay, compare) beside plain networkx.

Run from the repository root::

    .venv/bin/python benchmarks/bench_reasoning.py                  # 10k and 100k relations
    .venv/bin/python benchmarks/bench_reasoning.py --sizes 100000 --repeat 5

Each operation is timed as the median of ``--repeat`` calls, with the graph loaded and collected
by the garbage collector first (as in a running dashboard). Rows:

==========================  ==============================================================
perturb, one context        :func:`mechgraph.query.perturb.perturb` of the agent with most
                            relations out, 6 relations deep, paths within one context
perturb, mixed contexts     the same with ``mixed_context=True``
plain BFS (signed states)   what a user would write with networkx: the graph of (node, sign)
                            states (one edge per signed relation and sign; built once, not
                            timed, its build time in the notes), then
                            ``nx.single_source_shortest_path`` with ``cutoff=6``. No
                            contexts, no evidence ranking, no parallel relations as one step.
overlay, 20k values         :func:`~mechgraph.query.overlay.parse_overlay`,
                            :func:`~mechgraph.query.overlay.map_overlay` and
                            :func:`~mechgraph.query.overlay.consistency` (with the
                            perturbation above) on a CSV of 20,000 rows: labels, synonyms
                            and ids of the graph's nodes, 5% names that fit no node
plain overlay               ``csv.reader`` and a dict from exact label to node id
compare two agents          :func:`~mechgraph.query.compare.compare_agents` of the two
                            agents with most relations out
==========================  ==============================================================

Targets (issue 17): a perturbation over 100k relations under 500 ms; an overlay of 20k values
under 1 s. The exit status is 1 when a target is missed. A printed table, not a timed test.
"""

from __future__ import annotations

import argparse
import csv
import gc
import io
import platform
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mechgraph.query.compare import compare_agents
from mechgraph.query.overlay import consistency, map_overlay, parse_overlay
from mechgraph.query.perturb import perturb
from mechgraph.synthetic import synthetic_graph

PERTURB_TARGET_MS = 500.0
OVERLAY_TARGET_MS = 1000.0
OVERLAY_ROWS = 20_000


def timed(function: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """Median milliseconds of ``repeat`` calls, and the last result."""
    times: list[float] = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), result


def signed_state_graph(graph: nx.MultiDiGraph) -> nx.DiGraph:
    cover = nx.DiGraph()
    for u, v, sign in graph.edges(data="sign"):
        if sign:
            cover.add_edge((u, 1), (v, sign))
            cover.add_edge((u, -1), (v, -sign))
    return cover


def overlay_text(graph: nx.MultiDiGraph, rows: int, seed: int) -> str:
    """A CSV of ``rows`` node values: labels, first synonyms or ids, and 5% unknown names."""
    rng = random.Random(seed)
    nodes = rng.sample(sorted(graph), min(rows, graph.number_of_nodes()))
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["name", "log2fc", "padj"])
    for index, node in enumerate(nodes):
        data = graph._node[node]
        if index % 20 == 19:
            name = f"unknown-{index}"
        elif index % 3 == 1 and data.get("synonyms"):
            name = data["synonyms"][0]
        elif index % 3 == 2:
            name = node
        else:
            name = data.get("label") or node
        writer.writerow([name, f"{rng.gauss(0, 1.5):.3f}", f"{rng.random() ** 3:.4g}"])
    return out.getvalue()


def plain_overlay(graph: nx.MultiDiGraph, text: str) -> dict[str, float]:
    by_label = {data.get("label"): node for node, data in graph.nodes(data=True)}
    values = {}
    for row in csv.reader(io.StringIO(text)):
        node = by_label.get(row[0]) or (row[0] if row[0] in graph else None)
        if node is not None and row[1] != "log2fc":
            values[node] = float(row[1])
    return values


def run(size: int, repeat: int) -> list[tuple[str, float, str]]:
    graph = synthetic_graph(size, seed=1)
    gc.collect()
    agents = sorted((n for n, kind in graph.nodes(data="kind") if kind == "agent"), key=lambda n: (-graph.out_degree(n), n))
    busiest, second = agents[0], agents[1]
    rows: list[tuple[str, float, str]] = []
    ms, strict = timed(lambda: perturb(graph, [busiest]), repeat)
    counts = strict.counts
    rows.append(("perturb, one context", ms, f"{len(strict.effects)} signed ({counts['conflicting']} conflicting), {counts['unsigned']} unsigned"))
    ms, mixed = timed(lambda: perturb(graph, [busiest], mixed_context=True), repeat)
    rows.append(("perturb, mixed contexts", ms, f"{len(mixed.effects)} signed"))
    start = time.perf_counter()
    cover = signed_state_graph(graph)
    build = (time.perf_counter() - start) * 1000
    ms, plain = timed(lambda: nx.single_source_shortest_path(cover, (busiest, 1), cutoff=6), repeat)
    rows.append(("plain BFS (signed states)", ms, f"{len({node for node, _ in plain}) - 1} nodes; state graph built in {build:.0f} ms"))
    ms, _ = timed(lambda: perturb(graph, [busiest, second]), repeat)
    rows.append(("perturb two agents", ms, "one context"))
    text = overlay_text(graph, OVERLAY_ROWS, seed=2)
    table = parse_overlay(text)

    def overlay() -> Any:
        mapped = map_overlay(graph, parse_overlay(text, file="bench.csv"))
        return mapped, consistency(graph, mapped, strict)

    ms, (mapped, report) = timed(overlay, repeat)
    rows.append(
        (f"overlay, {len(table.rows) // 1000}k values", ms,
         f"{len(mapped.values)} mapped ({mapped.mapped_share:.0%}), {len(report.relations)} relations judged")
    )  # fmt: skip
    ms, plain_values = timed(lambda: plain_overlay(graph, text), repeat)
    rows.append(("plain overlay (csv + dict)", ms, f"{len(plain_values)} mapped, exact labels and ids only"))
    ms, _ = timed(lambda: compare_agents(graph, busiest, second), repeat)
    rows.append(("compare two agents", ms, ""))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    arguments = parser.parse_args()
    print(f"python {platform.python_version()}, networkx {nx.__version__}, {platform.machine()}")
    print("| relations | operation | median ms | notes |\n| ---: | --- | ---: | --- |")
    missed = []
    for size in arguments.sizes:
        for name, ms, notes in run(size, arguments.repeat):
            print(f"| {size:,} | {name} | {ms:.1f} | {notes} |")
            if size >= 100_000 and name == "perturb, one context" and ms > PERTURB_TARGET_MS:
                missed.append(f"{name} at {size:,}: {ms:.0f} ms > {PERTURB_TARGET_MS:.0f} ms")
            if name.startswith("overlay") and ms > OVERLAY_TARGET_MS:
                missed.append(f"{name} at {size:,}: {ms:.0f} ms > {OVERLAY_TARGET_MS:.0f} ms")
        sys.stdout.flush()
    for line in missed:
        print(f"target missed: {line}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
