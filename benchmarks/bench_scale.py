"""mechgraph at literature scale: the graph in memory (networkx) beside the Ladybug store.

Run from the repository root::

    .venv/bin/python benchmarks/bench_scale.py                          # 10k and 100k relations
    .venv/bin/python benchmarks/bench_scale.py --sizes 10000 100000 1000000 --queries 20
    .venv/bin/python benchmarks/bench_scale.py --json results.json
    # keep the 1M database and the in-memory results, then time the store again on them
    .venv/bin/python benchmarks/bench_scale.py --sizes 1000000 --folder /tmp/scale --keep
    .venv/bin/python benchmarks/bench_scale.py --sizes 1000000 --folder /tmp/scale --reuse [--only filter search]

For each size, a synthetic graph (:func:`mechgraph.synthetic.synthetic_graph`: the bundled
graph's kinds, relations, evidence and contexts; power-law degrees; 0.35 nodes per relation) is
built and written as a Ladybug database (:func:`mechgraph.store.write_database`, what
``mechgraph import`` does once the files are read). Two separate processes then ask the same
random queries, chosen with a fixed seed: one on the networkx graph in memory, one on the
database alone (it never holds the graph). Each query's p50 and p95 come from ``--queries``
calls; the first store call of search pays for loading every node's names once, shown apart.
Peak memory is each process's peak resident size (``ru_maxrss``), the graph build included in
the in-memory process.

The queries: ``filter`` (the relations of one type between two node kinds; ``filter cap``: the
first 2,000 of them, :func:`mechgraph.store.queries.filter_capped`), ``resolve`` (a node's label
to its id), ``search`` (a misspelt label), ``neighbours`` (2 relations either way;
``neighbours cap``: the first 2,000 nodes of that walk,
:func:`mechgraph.store.queries.neighbourhood_capped`),
``downstream`` (3 relations), ``upstream`` (3 relations), ``paths`` (5 best signed paths of at
most 5 relations between an agent and a node it reaches), ``effects`` (of an agent within 3
relations) and ``perturb`` (giving one agent, 3 relations).

``--keep`` leaves the database, the picks and the in-memory results in ``--folder``; ``--reuse``
then times the store again without building the graph or timing it in memory (the table says
which numbers come from the earlier run). A database of an older schema is imported again (from
the graph built again), and its import time measured again. ``--only`` times some queries only.

Targets (literature scale): 1M relations imported in under 60 s, every query's p95 under 200 ms
on the 1M store (for ``filter`` and ``neighbours``, whose whole answer runs to tens of thousands
of relations, the capped query's; the whole answer is timed and printed beside it). Timings depend on the machine's load: the table prints the load average.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mechgraph.vocabulary import NodeKind

QUERIES = ("filter", "filter cap", "resolve", "search", "neighbours", "neighbours cap", "downstream", "upstream", "paths", "effects", "perturb")
#: Queries whose whole answer is timed as well as the capped one: their time follows the size of
#: the answer (tens of thousands of relations at 1M), so the target is the capped query's.
WHOLE = ("filter", "neighbours")
PATH_LENGTH, EFFECT_LENGTH = 5, 3
#: The caps of the capped queries: the relations of a filter, the nodes of a neighbourhood. An
#: answer of 2,000 relations and their ends (about 3,000 nodes), or of 2,000 nodes and the
#: relations among them, is about the 5,000 nodes and relations the dashboard draws in one view.
CAP = 2_000


def _misspelt(text: str, rng: random.Random) -> str:
    if len(text) < 4:
        return text
    at = rng.randrange(1, len(text) - 1)
    return text[:at] + text[at + 1 :]


def choose(graph: Any, count: int, seed: int) -> list[dict[str, Any]]:
    """``count`` random query arguments, the same for both processes."""
    from mechgraph.query import reach

    rng = random.Random(seed)
    nodes = list(graph.nodes)
    agents = [node for node, kind in graph.nodes(data="kind") if kind == NodeKind.AGENT.value]
    picks = []
    for _ in range(count):
        agent = rng.choice(agents)
        reached = [node for node in reach(graph, agent, depth=PATH_LENGTH, direction="down") if node != agent]
        node = rng.choice(nodes)
        picks.append(
            {
                "node": node,
                "label": graph.nodes[node].get("label") or node,
                "typo": _misspelt(str(graph.nodes[rng.choice(nodes)].get("label") or ""), rng),
                "agent": agent,
                "target": rng.choice(reached) if reached else rng.choice(nodes),
                "kinds": rng.sample(["agent", "target", "immune_cell", "process", "outcome"], 2),
                "relation": rng.choice(["inhibits", "activates", "increases", "decreases"]),
            }
        )
    return picks


def _calls(api: Any, source: Any) -> dict[str, Callable[[dict[str, Any]], Any]]:
    """One function per query, on a graph (api = mechgraph.query) or a store (api = mechgraph.store.queries)."""
    from mechgraph.query.perturb import perturb as graph_perturb
    from mechgraph.store import MemoryStore, queries

    store_api = api.__name__.endswith("store.queries")
    filter_function = api.filter_store if store_api else api.filter_graph
    resolve = api.resolve if store_api else api.resolve_node
    perturb = api.perturb if store_api else graph_perturb
    capped = source if store_api else MemoryStore(source)  # in memory: the whole answer, then its first CAP
    return {
        "filter": lambda q: filter_function(source, kinds=q["kinds"], relations=[q["relation"]]),
        "filter cap": lambda q: queries.filter_capped(capped, CAP, kinds=q["kinds"], relations=[q["relation"]]),
        "neighbours cap": lambda q: queries.neighbourhood_capped(capped, q["node"], depth=2, direction="both", max_nodes=CAP),
        "resolve": lambda q: resolve(source, q["label"]) if q["label"] else None,
        "search": lambda q: api.search(source, q["typo"], limit=10),
        "neighbours": lambda q: api.neighbourhood(source, q["node"], depth=2, direction="both"),
        "downstream": lambda q: api.downstream(source, q["node"], depth=3),
        "upstream": lambda q: api.upstream(source, q["node"], depth=3),
        "paths": lambda q: api.signed_paths(source, q["agent"], q["target"], k=5, max_length=PATH_LENGTH),
        "effects": lambda q: api.effects(source, q["agent"], max_length=EFFECT_LENGTH),
        "perturb": lambda q: perturb(source, [q["agent"]], max_length=EFFECT_LENGTH),
    }


def _time(calls: dict[str, Callable[[dict[str, Any]], Any]], picks: list[dict[str, Any]], only: tuple[str, ...] = QUERIES) -> dict[str, dict[str, float]]:
    results: dict[str, dict[str, float]] = {}
    for name in only:
        seconds = []
        for pick in picks:
            gc.collect()
            started = time.perf_counter()
            calls[name](pick)
            seconds.append(time.perf_counter() - started)
        seconds.sort()
        results[name] = {"p50": statistics.median(seconds), "p95": seconds[min(len(seconds) - 1, round(0.95 * (len(seconds) - 1)))]}
    return results


def _current(database: Path) -> bool:
    """Whether ``database`` is a complete database of this mechgraph's schema."""
    from mechgraph.errors import ReadError
    from mechgraph.store import LadybugStore

    try:
        LadybugStore(database).close()
    except ReadError:
        return False
    return True


def run_memory(size: int, seed: int, count: int, folder: Path, reuse: bool) -> dict[str, Any]:
    """Build the graph, write the database and the picks, time the queries in memory (with
    ``reuse``: only what an earlier run did not leave in ``folder``)."""
    from mechgraph import query
    from mechgraph.store import write_database
    from mechgraph.synthetic import synthetic_graph

    database, saved, picks_file = folder / f"synthetic-{size}.lbug", folder / f"memory-{size}.json", folder / f"picks-{size}.json"
    earlier = json.loads(saved.read_text()) if reuse and saved.is_file() and picks_file.is_file() else None
    if earlier is not None and (earlier.get("queries"), earlier.get("seed")) != (count, seed):
        earlier = None
    if earlier is not None and earlier.get("cap") != CAP:  # timed with another cap
        earlier["timings"] = {name: value for name, value in earlier["timings"].items() if not name.endswith(" cap")}
    missing = tuple(name for name in QUERIES if earlier is None or name not in earlier["timings"])
    current = earlier is not None and _current(database)
    if earlier is not None and current and not missing:
        return {**earlier, "reused": "graph, import and in-memory timings"}
    started = time.perf_counter()
    graph = synthetic_graph(size, seed=seed)
    build = time.perf_counter() - started
    rss_graph = _peak_mb()
    result = earlier or {"nodes": graph.number_of_nodes(), "relations": graph.number_of_edges(), "rss_graph_mb": rss_graph, "timings": {}}
    result.update({"build_s": build, "queries": count, "seed": seed, "cap": CAP})
    if not current:
        started = time.perf_counter()
        summary = write_database(graph, database, force=True)
        result.update({"import_s": time.perf_counter() - started, "db_mb": summary.bytes / 1e6})
    if earlier is None:
        picks_file.write_text(json.dumps(choose(graph, count, seed)))
    result["timings"].update(_time(_calls(query, graph), json.loads(picks_file.read_text()), missing))
    result.update({"peak_mb": max(_peak_mb(), result.get("peak_mb", 0))})
    if earlier is None:
        result["when"] = time.strftime("%Y-%m-%d %H:%M")
    saved.write_text(json.dumps(result))
    reused = [
        what for what, fresh in (("import", current), ("in-memory timings of " + ", ".join(sorted(set(QUERIES) - set(missing))), earlier is not None)) if fresh
    ]
    return {**result, "reused": "; ".join(reused)} if reused else result


def run_store(size: int, folder: Path, only: tuple[str, ...]) -> dict[str, Any]:
    """Open the database and time the same queries on it."""
    from mechgraph.store import LadybugStore, queries

    picks = json.loads((folder / f"picks-{size}.json").read_text())
    started = time.perf_counter()
    store = LadybugStore(folder / f"synthetic-{size}.lbug")
    opened = time.perf_counter() - started
    started = time.perf_counter()
    store.fuzzy()  # every node's names and their search index, once per process
    names = time.perf_counter() - started
    timings = _time(_calls(queries, store), picks, only)
    store.close()
    return {"open_s": opened, "names_s": names, "peak_mb": _peak_mb(), "timings": timings}


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _child(*args: str) -> dict[str, Any]:
    output = subprocess.run([sys.executable, __file__, *args], check=True, stdout=subprocess.PIPE, text=True)
    return json.loads(output.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--queries", type=int, default=20, help="Random queries of each kind.")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--json", type=Path, default=None, help="Also write the results here.")
    parser.add_argument("--folder", type=Path, default=None, help="Where the databases go (default: a temporary folder).")
    parser.add_argument("--keep", action="store_true", help="Keep the databases, picks and in-memory results in --folder.")
    parser.add_argument("--reuse", action="store_true", help="Reuse what a --keep run left in --folder (implies --keep).")
    parser.add_argument("--only", nargs="+", choices=QUERIES, default=None, help="Time these queries only.")
    parser.add_argument("--role", choices=["memory", "store"], default=None, help=argparse.SUPPRESS)
    arguments = parser.parse_args()
    if (arguments.keep or arguments.reuse) and arguments.folder is None:
        parser.error("--keep and --reuse need --folder")
    folder = arguments.folder or Path(tempfile.mkdtemp(prefix="mechgraph-scale-"))
    folder.mkdir(parents=True, exist_ok=True)
    only = tuple(arguments.only or QUERIES)
    if arguments.role == "memory":
        print(json.dumps(run_memory(arguments.sizes[0], arguments.seed, arguments.queries, folder, arguments.reuse)))
        return 0
    if arguments.role == "store":
        print(json.dumps(run_store(arguments.sizes[0], folder, only)))
        return 0
    rows = []
    for size in arguments.sizes:
        common = ["--sizes", str(size), "--folder", str(folder), "--seed", str(arguments.seed), "--queries", str(arguments.queries)]
        memory = _child(*common, *(["--reuse"] if arguments.reuse else []), "--role", "memory")
        store = _child(*common, "--only", *only, "--role", "store")
        rows.append({"size": size, "memory": memory, "store": store})
        _print_row(rows[-1])
        if not (arguments.keep or arguments.reuse):
            for name in (f"synthetic-{size}.lbug", f"memory-{size}.json", f"picks-{size}.json"):
                (folder / name).unlink(missing_ok=True)
    print(f"\nload average {' '.join(f'{value:.1f}' for value in os.getloadavg())} on {os.cpu_count()} cores")
    if arguments.json:
        arguments.json.write_text(json.dumps(rows, indent=2))
    misses = [
        f"{row['size']}: import {row['memory']['import_s']:.1f} s" for row in rows if row["size"] >= 1_000_000 and row["memory"]["import_s"] >= 60
    ] + [
        f"{row['size']}: {name} p95 {values['p95'] * 1000:.0f} ms"
        for row in rows if row["size"] >= 1_000_000 for name, values in row["store"]["timings"].items() if values["p95"] >= 0.2 and name not in WHOLE
    ]  # fmt: skip
    if misses:
        print("targets missed: " + "; ".join(misses))
    return 1 if misses else 0


def _print_row(row: dict[str, Any]) -> None:
    memory, store = row["memory"], row["store"]
    print(
        f"\n{row['size']:,} relations ({memory['nodes']:,} nodes): graph built in {memory['build_s']:.1f} s "
        f"({memory['rss_graph_mb']:.0f} MB peak); import {memory['import_s']:.1f} s, database {memory['db_mb']:.0f} MB; "
        f"store opened in {store['open_s'] * 1000:.0f} ms, names loaded and indexed in {store['names_s']:.2f} s; "
        f"peak memory: in memory {memory['peak_mb']:.0f} MB, store {store['peak_mb']:.0f} MB"
    )
    if memory.get("reused"):
        print(f"reused from the run of {memory.get('when', 'an earlier run')} in this folder: {memory['reused']}")
    print(f"caps: {CAP:,} relations (filter cap), {CAP:,} nodes (neighbours cap)")
    print(f"{'query':<15} {'memory p50':>11} {'memory p95':>11} {'store p50':>10} {'store p95':>10}")
    for name in QUERIES:
        if name not in store["timings"]:
            continue
        a, b = memory["timings"][name], store["timings"][name]
        note = "  (whole answer: no target, the time follows its size)" if name in WHOLE else ""
        print(f"{name:<15} {a['p50'] * 1000:>9.1f}ms {a['p95'] * 1000:>9.1f}ms {b['p50'] * 1000:>8.1f}ms {b['p95'] * 1000:>8.1f}ms{note}")
    sys.stdout.flush()


if __name__ == "__main__":
    raise SystemExit(main())
