"""Time mechgraph's format readers and writers on synthetic graphs, beside plain networkx.

Run from the repository root::

    .venv/bin/python benchmarks/bench_formats.py                  # 1k and 10k relations
    .venv/bin/python benchmarks/bench_formats.py --sizes 1000 --repeat 5 --json results.json

Each cell is the median of ``--repeat`` runs, in milliseconds, of one write or one read of a
whole graph (files in a temporary folder). mechgraph's reader validates every record with the
native rules (kinds, relations, identifiers, evidence, quotes against the source text) and maps
foreign attributes; its writer validates too (native) and copies source texts. The "plain"
columns are what a user would otherwise write with networkx and the standard library, on the
same graph in the same process, without any checking:

==========  ===========================================================================
native      ruamel.yaml's safe dump / load of the same document (no validation)
nodelink    ``json.dump(nx.node_link_data(G))`` / ``nx.node_link_graph(json.load(f))``
cyjs        ``json.dump(nx.cytoscape_data(G))`` / ``nx.cytoscape_graph(json.load(f))``
graphml     ``nx.write_graphml`` / ``nx.read_graphml`` (lists made JSON text first, not timed)
gexf        ``nx.write_gexf`` / ``nx.read_gexf`` (lists made JSON text first, not timed)
sif         ``csv`` rows ``u, relation, v`` / ``csv`` rows into ``G.add_edge``
csv         ``csv.DictWriter`` of flat edge rows / ``csv.DictReader`` rows into ``G.add_edge``
==========  ===========================================================================
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
from ruamel.yaml import YAML

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mechgraph.formats import read, write  # noqa: E402
from mechgraph.formats._document import graph_to_document  # noqa: E402
from mechgraph.formats._flat import flat_edge  # noqa: E402
from mechgraph.formats.graphml import flat_graph  # noqa: E402
from mechgraph.synthetic import synthetic_graph  # noqa: E402
from mechgraph.vocabulary import Attr  # noqa: E402

FORMATS = {"native": ".yaml", "nodelink": ".json", "cyjs": ".cyjs", "graphml": ".graphml", "gexf": ".gexf", "sif": ".sif", "csv": ".csv"}


def timed(function: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
        if times[-1] > 2.0 and len(times) >= 2:
            break
    return statistics.median(times) * 1000


def prepared_graph(n_relations: int, folder: Path) -> nx.MultiDiGraph:
    """A synthetic graph whose quoted source text exists beside a graph file in ``folder``."""
    graph = synthetic_graph(n_relations, seed=1)
    quotes = {e["quote"] for *_, d in graph.edges(data=True) for e in d[Attr.EVIDENCE] if e.get("quote")}
    for source in graph.graph[Attr.SOURCES].values():
        if source.get("text"):
            path = folder / source["text"]
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text("\n".join(sorted(quotes)) + "\n", encoding="utf-8")
    graph.graph[Attr.FILE] = str(folder / "synthetic.yaml")
    return graph


def plain(name: str, graph: nx.MultiDiGraph, flat: nx.MultiDiGraph, path: Path) -> tuple[Callable[[], Any], Callable[[], Any]]:
    """The plain write and read of one format."""
    if name == "native":
        yaml = YAML(typ="safe", pure=True)
        document = graph_to_document(graph)[0]
        return (lambda: yaml.dump(document, path.open("w", encoding="utf-8")), lambda: yaml.load(path.read_text(encoding="utf-8")))
    if name == "nodelink":
        return (
            lambda: path.write_text(json.dumps(nx.node_link_data(graph, edges="links"), default=str)),
            lambda: nx.node_link_graph(json.loads(path.read_text()), edges="links"),
        )
    if name == "cyjs":
        return (
            lambda: path.write_text(json.dumps(nx.cytoscape_data(graph), default=str)),
            lambda: nx.cytoscape_graph(json.loads(path.read_text())),
        )
    if name == "graphml":
        return (lambda: nx.write_graphml(flat, path), lambda: nx.read_graphml(path))
    if name == "gexf":
        return (lambda: nx.write_gexf(flat, path), lambda: nx.read_gexf(path))
    if name == "sif":
        def write_sif() -> None:
            with path.open("w", newline="") as handle:
                csv.writer(handle, delimiter="\t").writerows((u, d[Attr.RELATION], v) for u, v, d in graph.edges(data=True))

        def read_sif() -> nx.MultiDiGraph:
            result = nx.MultiDiGraph()
            for u, relation, v in csv.reader(io.StringIO(path.read_text()), delimiter="\t"):
                result.add_edge(u, v, relation=relation)
            return result

        return write_sif, read_sif

    rows = [{"source": u, "target": v, **flat_edge(d, style="table")} for u, v, d in graph.edges(data=True)]
    columns = sorted({key for row in rows for key in row})

    def write_csv() -> None:
        with path.open("w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns)
            writer.writeheader()
            writer.writerows(rows)

    def read_csv() -> nx.MultiDiGraph:
        result = nx.MultiDiGraph()
        for row in csv.DictReader(io.StringIO(path.read_text())):
            result.add_edge(row.pop("source"), row.pop("target"), **row)
        return result

    return write_csv, read_csv


def run(sizes: list[int], repeat: int) -> list[dict[str, Any]]:
    results = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as name:
            folder = Path(name)
            graph = prepared_graph(size, folder)
            flat = flat_graph(graph)
            for fmt, extension in FORMATS.items():
                out = folder / "out"
                out.mkdir(exist_ok=True)
                target = out / f"graph{extension}"
                mech_write = timed(lambda: write(graph, target, force=True), repeat)
                mech_read = timed(lambda: read(target), repeat)
                plain_write, plain_read = plain(fmt, graph, flat, folder / f"plain{extension}")
                results.append(
                    {
                        "relations": size,
                        "format": fmt,
                        "mechgraph_write_ms": round(mech_write, 1),
                        "plain_write_ms": round(timed(plain_write, repeat), 1),
                        "mechgraph_read_ms": round(mech_read, 1),
                        "plain_read_ms": round(timed(plain_read, repeat), 1),
                        "file_kb": round(target.stat().st_size / 1024),
                    }
                )
    return results


def table(results: list[dict[str, Any]]) -> str:
    header = f"{'relations':>9}  {'format':<9} {'write ms':>9} {'plain':>8} {'read ms':>9} {'plain':>8} {'file KB':>8}"
    lines = [header, "-" * len(header)]
    for row in results:
        lines.append(
            f"{row['relations']:>9,}  {row['format']:<9} {row['mechgraph_write_ms']:>9.1f} {row['plain_write_ms']:>8.1f} "
            f"{row['mechgraph_read_ms']:>9.1f} {row['plain_read_ms']:>8.1f} {row['file_kb']:>8,}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    args = parser.parse_args()
    results = run(args.sizes, args.repeat)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
