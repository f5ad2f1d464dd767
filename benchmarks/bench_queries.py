"""Time mechgraph's queries on synthetic graphs of 1k, 10k and 100k relations, beside plain networkx.

Run from the repository root::

    .venv/bin/python benchmarks/bench_queries.py                 # 1k, 10k, 100k relations
    .venv/bin/python benchmarks/bench_queries.py --sizes 1000 10000 --repeat 9
    .venv/bin/python benchmarks/bench_queries.py --json results.json

Each operation is timed as the median of ``--repeat`` calls (fewer when one call takes over a
second), from the call to its return, with the graph already loaded and collected by the garbage
collector (as in a running dashboard). The "plain" column is what a user would write with
networkx and rapidfuzz alone, run on the same inputs in the same process:

=================  ==========================================================================
filter             ``G.edge_subgraph([...edges that pass...]).copy()``; for kinds ``G.subgraph``
2-hop neighbours   ``nx.ego_graph(G, node, radius=2, undirected=True)``
signed paths       ``nx.shortest_simple_paths`` on ``nx.DiGraph(G)`` (made once, not timed),
                   stopped at 5 paths or a path longer than 6 relations
search             ``rapidfuzz.process.extract(text, labels, scorer=fuzz.WRatio, limit=10)``
=================  ==========================================================================

The graphs come from :func:`mechgraph.synthetic.synthetic_graph` (typed, signed, power-law
degrees, 0.35 nodes per relation). Signed paths are also timed on a stress case, a uniform
random graph with 20 relations per node, where almost every node lies within 6 relations of
both ends of a pair.

Targets (issue 3): each of filter, neighbourhood, signed paths and search under 50 ms at 10k
relations and under 500 ms at 100k; the 100k graph under 1 GB of memory. The exit status is 1
when a target is missed.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import random
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
from rapidfuzz import fuzz, process

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mechgraph.query import (
    SearchIndex,
    build_search_index,
    effects,
    filter_graph,
    graph_stats,
    neighbourhood,
    reach,
    search,
    signed_paths,
)
from mechgraph.query._pathsearch import nodes_on_short_paths
from mechgraph.synthetic import synthetic_graph

TARGET_MS = {1_000: 50.0, 10_000: 50.0, 100_000: 500.0}
MEMORY_LIMIT_MB = 1024.0


CLOCK: Callable[[], float] = time.perf_counter


def timed(function: Callable[[], Any], repeat: int) -> float:
    """Median milliseconds of ``repeat`` calls (two when a call takes over a second)."""
    times: list[float] = []
    for run in range(repeat):
        start = CLOCK()
        result = function()
        times.append((CLOCK() - start) * 1000)
        del result
        if run >= 1 and times[-1] > 1000:
            break
    return statistics.median(times)


def median_over(function: Callable[[Any], Any], items: list[Any], repeat: int) -> float:
    return statistics.median(timed(lambda item=item: function(item), repeat) for item in items)


# ------------------------------------------------------------------------- plain networkx ways


def plain_filter_edges(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    keep = [(u, v, k) for u, v, k, d in graph.edges(keys=True, data=True) if d["sign"] == -1 and d.get("mechanism") == "direct"]
    return graph.edge_subgraph(keep).copy()


def plain_filter_kinds(graph: nx.MultiDiGraph, kinds: set[str]) -> nx.MultiDiGraph:
    return graph.subgraph([n for n, d in graph.nodes(data=True) if d["kind"] in kinds]).copy()


def plain_paths(simple: nx.DiGraph, source: str, target: str) -> list[list[str]]:
    paths = []
    for path in nx.shortest_simple_paths(simple, source, target):
        if len(path) - 1 > 6 or len(paths) == 5:
            break
        paths.append(path)
    return paths


def plain_search(labels: dict[str, str], text: str) -> list[Any]:
    return process.extract(text, labels, scorer=fuzz.WRatio, limit=10)


# ---------------------------------------------------------------------------------- the inputs


def path_pairs(graph: nx.MultiDiGraph, rng: random.Random, count: int = 40) -> list[tuple[int, str, str]]:
    """Agent -> node pairs 3 to 6 relations apart, with the number of nodes the search keeps.

    Targets lean towards well-connected nodes (the processes and outcomes people ask about),
    which are the ones many paths reach.
    """
    agents = sorted((n for n, kind in graph.nodes(data="kind") if kind == "agent"), key=lambda n: (-graph.out_degree(n), n))
    pairs = []
    for source in agents[: count * 2]:
        far = sorted(node for node, distance in reach(graph, source, depth=6, direction="down").items() if distance >= 3)
        if far:
            target = max(rng.sample(far, min(10, len(far))), key=lambda n: (graph.in_degree(n), n))
            pairs.append((len(nodes_on_short_paths(graph, source, target, 6)), source, target))
        if len(pairs) == count:
            break
    return sorted(pairs)


def dense_graph(n_relations: int, seed: int) -> nx.MultiDiGraph:
    """A stress case for path search: uniform random relations, 20 per node on average, so that
    thousands of nodes lie within 6 relations of both ends of a pair."""
    rng = random.Random(seed)
    n_nodes = max(10, n_relations // 20)
    relations = [("activates", 1), ("inhibits", -1), ("increases", 1), ("binds", 0)]
    graph = nx.MultiDiGraph()
    graph.add_nodes_from((f"n{i}", {"kind": "target", "label": f"N{i}"}) for i in range(n_nodes))
    for i in range(n_relations):
        relation, sign = rng.choice(relations)
        evidence = [{"source": "S1"}] * rng.randint(1, 3)
        graph.add_edge(f"n{rng.randrange(n_nodes)}", f"n{rng.randrange(n_nodes)}", key=f"r{i}", relation=relation, sign=sign, evidence=evidence)
    return graph


def search_texts(graph: nx.MultiDiGraph, rng: random.Random) -> list[str]:
    """A typo in an agent's label, an interleukin and a Greek-letter target spelled out, a process."""
    labels = dict(graph.nodes(data="label"))
    agent = rng.choice(sorted(n for n, k in graph.nodes(data="kind") if k == "agent"))
    typo = labels[agent][:3] + labels[agent][4:]
    interleukin = next((label for label in labels.values() if label.startswith("IL-")), "IL-2")
    greek = next((label for label in labels.values() if label.endswith("-alpha")), "TNF-alpha")
    process_label = next(label for node, label in labels.items() if graph.nodes[node]["kind"] == "process")
    return [typo, "interleukin " + interleukin[3:].split(" ")[0], greek.replace("-alpha", "α"), process_label.lower()]


# ---------------------------------------------------------------------------------------- run


def bench_size(n_relations: int, repeat: int, seed: int) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    tracemalloc.start()
    start = time.perf_counter()
    graph = synthetic_graph(n_relations, seed=seed)
    build_seconds = time.perf_counter() - start
    graph_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    gc.collect()
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    target = TARGET_MS.get(n_relations)

    def row(operation: str, ours: float, plain: float | None, *, counted: bool = True, note: str = "") -> None:
        rows.append(
            {
                "relations": n_relations,
                "operation": operation,
                "mechgraph_ms": round(ours, 2),
                "plain_ms": None if plain is None else round(plain, 2),
                "target_ms": target if counted else None,
                "meets_target": (ours <= target) if counted and target else None,
                "note": note,
            }
        )

    # filter
    kinds = {"agent", "target", "process"}
    row(
        "filter: sign - and direct",
        timed(lambda: filter_graph(graph, signs=[-1], mechanisms=["direct"]), repeat),
        timed(lambda: plain_filter_edges(graph), repeat),
    )
    row(
        "filter: 3 node kinds",
        timed(lambda: filter_graph(graph, kinds=kinds), repeat),
        timed(lambda: plain_filter_kinds(graph, kinds), repeat),
    )
    # 2-hop neighbourhood: median of 20 random nodes, and the biggest hub
    nodes = rng.sample(sorted(graph), 20)
    row(
        "2-hop neighbourhood (median node)",
        median_over(lambda n: neighbourhood(graph, n, depth=2), nodes, repeat),
        median_over(lambda n: nx.ego_graph(graph, n, radius=2, undirected=True), nodes, repeat),
    )
    hub = max(graph, key=lambda n: (graph.degree(n), n))
    size = neighbourhood(graph, hub, depth=2).number_of_nodes()
    row(
        "2-hop neighbourhood (top hub)",
        timed(lambda: neighbourhood(graph, hub, depth=2), repeat),
        timed(lambda: nx.ego_graph(graph, hub, radius=2, undirected=True), repeat),
        note=f"degree {graph.degree(hub)}, {size} nodes",
    )
    # signed paths, k=5, length <= 6
    pairs = path_pairs(graph, rng)
    simple = nx.DiGraph(graph)
    typical = pairs[len(pairs) // 2]
    hardest = pairs[-1]
    for name, (kept, source, target_node) in (("median pair", typical), ("hardest pair", hardest)):
        report = signed_paths(graph, source, target_node, k=5, max_length=6)
        row(
            f"signed paths k=5 len<=6 ({name})",
            timed(lambda s=source, t=target_node: signed_paths(graph, s, t, k=5, max_length=6), repeat),
            timed(lambda s=source, t=target_node: plain_paths(simple, s, t), repeat),
            note=f"{len(report.paths)} paths; {kept} nodes lie on paths of <= 6",
        )
    dense = dense_graph(n_relations, seed)
    gc.collect()
    dense_simple = nx.DiGraph(dense)
    dense_pairs = [tuple(rng.sample(sorted(dense), 2)) for _ in range(10)]
    kept = statistics.median(len(nodes_on_short_paths(dense, s, t, 6)) for s, t in dense_pairs)
    row(
        "signed paths k=5 len<=6 (dense random graph)",
        median_over(lambda pair: signed_paths(dense, *pair, k=5, max_length=6), dense_pairs, max(1, repeat // 2)),
        median_over(lambda pair: plain_paths(dense_simple, *pair), dense_pairs, max(1, repeat // 2)),
        note=f"{dense.number_of_nodes():,} nodes, 10 random pairs; {kept:.0f} nodes lie on paths of <= 6",
    )
    dense = dense_simple = None  # free the dense graph before the next rows
    gc.collect()
    # search
    tracemalloc.start()
    measured = SearchIndex(graph)
    index_bytes = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    del measured
    gc.collect()
    start = time.perf_counter()
    index = build_search_index(graph)
    index_ms = (time.perf_counter() - start) * 1000
    texts = search_texts(graph, rng)
    labels = dict(graph.nodes(data="label"))
    row(
        "search (median of 4 texts)",
        median_over(lambda text: search(graph, text), texts, repeat),
        median_over(lambda text: plain_search(labels, text), texts, repeat),
        note=f"index of {len(index)} names",
    )
    row("search index build (once per graph)", index_ms, None, counted=False)
    # not in the targets: what else a view asks
    agent = pairs[-1][1]
    row("effects of the busiest agent", timed(lambda: effects(graph, agent), repeat), None, counted=False)
    row("graph_stats (betweenness)", timed(lambda: graph_stats(graph), max(1, repeat // 3)), None, counted=False)
    memory = {
        "relations": n_relations,
        "nodes": graph.number_of_nodes(),
        "graph_mb": round(graph_bytes / 2**20, 1),
        "search_index_mb": round(index_bytes / 2**20, 1),
        "build_seconds": round(build_seconds, 2),
        "searched": dict(zip(["typo", "interleukin", "greek", "process"], texts, strict=True)),
    }
    return rows, memory


def spelling_check() -> list[dict[str, Any]]:
    """On the bundled graph: do the issue's spellings find their node first, ours vs plain WRatio?"""
    from mechgraph.graph import read_graph
    from mechgraph.resources import bundled_graph_path

    if not bundled_graph_path().exists():
        return []
    graph = read_graph()
    labels = dict(graph.nodes(data="label"))
    checks = []
    for text, node in [("il2", "il2"), ("IL-2", "il2"), ("interleukin 2", "il2"), ("TNF-alpha", "tnf"), ("TNFa", "tnf"), ("cyclosporin", "cyclosporine")]:
        ours = search(graph, text, limit=1)
        plain = plain_search(labels, text)
        checks.append({"text": text, "node": node, "mechgraph": bool(ours) and ours[0].node == node, "plain": bool(plain) and plain[0][2] == node})
    return checks


def markdown(rows: list[dict[str, Any]], memory: list[dict[str, Any]], checks: list[dict[str, Any]], peak_mb: float) -> str:
    lines = [
        "| relations | operation | mechgraph ms | plain ms | target ms | met | note |",
        "|---:|---|---:|---:|---:|:---:|---|",
    ]
    for r in rows:
        met = "" if r["meets_target"] is None else ("yes" if r["meets_target"] else "**no**")
        plain = "" if r["plain_ms"] is None else f"{r['plain_ms']:.2f}"
        target = "" if r["target_ms"] is None else f"{r['target_ms']:.0f}"
        lines.append(f"| {r['relations']:,} | {r['operation']} | {r['mechgraph_ms']:.2f} | {plain} | {target} | {met} | {r['note']} |")
    lines += ["", "| relations | nodes | graph MB | search index MB | generated in s |", "|---:|---:|---:|---:|---:|"]
    for m in memory:
        lines.append(f"| {m['relations']:,} | {m['nodes']:,} | {m['graph_mb']} | {m['search_index_mb']} | {m['build_seconds']} |")
    lines.append(f"\nPeak resident memory of the whole run: {peak_mb:.0f} MB (limit for the 100k graph: {MEMORY_LIMIT_MB:.0f} MB).")
    if checks:
        lines += ["", "| spelling (bundled graph) | node | mechgraph finds it first | plain WRatio on labels |", "|---|---|:---:|:---:|"]
        for c in checks:
            lines.append(f"| {c['text']} | {c['node']} | {'yes' if c['mechgraph'] else 'no'} | {'yes' if c['plain'] else 'no'} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000], help="numbers of relations")
    parser.add_argument("--repeat", type=int, default=7, help="calls per operation (the median is reported)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--json", type=Path, help="also write the results to this JSON file")
    parser.add_argument(
        "--clock",
        choices=["wall", "cpu"],
        default="wall",
        help="wall: elapsed time; cpu: this process's CPU time (steadier when other programs share the machine)",
    )
    args = parser.parse_args(argv)
    global CLOCK
    CLOCK = time.perf_counter if args.clock == "wall" else time.process_time
    pressure_before = _cpu_pressure()
    rows: list[dict[str, Any]] = []
    memory: list[dict[str, Any]] = []
    for size in args.sizes:
        print(f"benchmarking {size:,} relations ...", file=sys.stderr, flush=True)
        size_rows, size_memory = bench_size(size, args.repeat, args.seed)
        rows += size_rows
        memory.append(size_memory)
        gc.collect()
    checks = spelling_check()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    machine = f"Python {platform.python_version()}, networkx {nx.__version__}, {platform.machine()}, {_cpus()} CPUs, {args.clock} clock"
    pressure = [p for p in (pressure_before, _cpu_pressure()) if p is not None]
    if pressure:
        machine += f"; CPU pressure (share of time other tasks waited for a CPU, last minute) {pressure[0]:.0f}% before, {pressure[-1]:.0f}% after"
    print(f"{machine}\n")
    print(markdown(rows, memory, checks, peak_mb))
    if args.json:
        args.json.write_text(json.dumps({"machine": machine, "rows": rows, "memory": memory, "spelling": checks, "peak_mb": peak_mb}, indent=2))
    missed = [r for r in rows if r["meets_target"] is False]
    return 1 if missed or any(m["graph_mb"] > MEMORY_LIMIT_MB for m in memory) else 0


def _cpu_pressure() -> float | None:
    """Linux's "some" CPU pressure over the last minute: how busy the machine is with other work."""
    try:
        line = Path("/proc/pressure/cpu").read_text().splitlines()[0]
    except (OSError, IndexError):
        return None
    fields = dict(part.split("=") for part in line.split()[1:])
    return float(fields.get("avg60", "nan"))


def _cpus() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


if __name__ == "__main__":
    raise SystemExit(main())
