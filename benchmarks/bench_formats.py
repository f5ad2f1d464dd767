"""Time mechgraph's readers and writers of every registered format, beside the plain alternative.

Run from the repository root::

    .venv/bin/python benchmarks/bench_formats.py                       # 10k and 100k relations
    .venv/bin/python benchmarks/bench_formats.py --sizes 1000 --repeat 5 --json results.json
    .venv/bin/python benchmarks/bench_formats.py --sizes 10000 --ruamel  # also the old YAML dumper

Each cell is the median of ``--repeat`` runs (fewer when a run takes seconds), in milliseconds, of
one write or one read of a whole synthetic graph (:mod:`mechgraph.synthetic`), files in a temporary
folder, in one process. mechgraph's readers validate every record with the native rules (kinds,
relations, identifiers, evidence, quotes against the source text) and map foreign attributes;
its writers validate too (native) and copy source texts; writes are atomic. The "plain" columns are
what a user would otherwise do with networkx, PyYAML and the standard library on the same graph,
in the same run, without any checking:

==========  ===========================================================================
native      PyYAML ``safe_dump`` (C emitter) / ``yaml.load`` with ``CSafeLoader`` of the same document
nodelink    ``json.dump(nx.node_link_data(G))`` / ``nx.node_link_graph(json.load(f))``
cyjs        ``json.dump(nx.cytoscape_data(G))`` / ``nx.cytoscape_graph(json.load(f))``
graphml     ``nx.write_graphml`` / ``nx.read_graphml`` (lists made JSON text first, not timed)
gexf        ``nx.write_gexf`` / ``nx.read_gexf`` (lists made JSON text first, not timed)
sif         ``csv`` rows ``u, relation, v`` / ``csv`` rows into ``G.add_edge``
csv, tsv    ``csv.DictWriter`` of flat edge rows / ``csv.DictReader`` rows into ``G.add_edge``
cx2, cx     (read only) ``json.dumps`` of the aspects / ``json.loads`` and nodes, edges into a graph
sbgn        (read only) ElementTree text of glyphs and arcs / ``ET.parse`` and glyphs, arcs into a graph
==========  ===========================================================================

mechgraph writes neither CX nor SBGN-ML: their input files are made here from the same graph
(nodes with names and types, edges with interaction names), and their write column is the time
that took. The file limits (20 MB, 2,000,000 YAML values) are raised for the run so that the
100k-relation files can be read at all.
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
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.sax.saxutils import quoteattr

import networkx as nx
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mechgraph.formats import formats, read, write  # noqa: E402
from mechgraph.formats._document import graph_to_document  # noqa: E402
from mechgraph.formats._flat import flat_edge  # noqa: E402
from mechgraph.formats.graphml import flat_graph  # noqa: E402
from mechgraph.limits import limited  # noqa: E402
from mechgraph.synthetic import synthetic_graph  # noqa: E402
from mechgraph.vocabulary import Attr  # noqa: E402

#: Enough for a 100k-relation graph in every format (the defaults guard the dashboard and the CLI).
BENCH_LIMITS = {"file_bytes": 1024 * 1024 * 1024, "yaml_values": 50_000_000, "xml_elements": 50_000_000, "relations": 1_000_000}
#: Below this many seconds spent on one cell, run it again (up to --repeat times).
_BUDGET_S = 4.0


def timed(function: Callable[[], Any], repeat: int) -> float:
    times: list[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
        if sum(times) > _BUDGET_S:
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


# -- files of the formats mechgraph reads but does not write ---------------------------------------


def cx2_text(graph: nx.MultiDiGraph) -> str:
    ids = {node: index for index, node in enumerate(graph.nodes)}
    nodes = [{"id": ids[n], "v": {"name": d.get(Attr.LABEL, n), "type": d.get(Attr.KIND)}} for n, d in graph.nodes(data=True)]
    edges = [{"id": i, "s": ids[u], "t": ids[v], "v": {"interaction": d[Attr.RELATION]}} for i, (u, v, d) in enumerate(graph.edges(data=True))]
    declarations = {"nodes": {"name": {"d": "string"}, "type": {"d": "string"}}, "edges": {"interaction": {"d": "string"}}}
    aspects = [
        {"CXVersion": "2.0", "hasFragments": False},
        {"metaData": [{"name": "nodes", "elementCount": len(nodes)}, {"name": "edges", "elementCount": len(edges)}]},
        {"attributeDeclarations": [declarations]},
        {"nodes": nodes},
        {"edges": edges},
        {"status": [{"error": "", "success": True}]},
    ]
    return json.dumps(aspects)


def cx_text(graph: nx.MultiDiGraph) -> str:
    ids = {node: index for index, node in enumerate(graph.nodes)}
    offset = len(ids)
    nodes = [{"@id": ids[n], "n": d.get(Attr.LABEL, n)} for n, d in graph.nodes(data=True)]
    attributes = [{"po": ids[n], "n": "type", "v": d.get(Attr.KIND)} for n, d in graph.nodes(data=True)]
    edges = [{"@id": offset + i, "s": ids[u], "t": ids[v], "i": d[Attr.RELATION]} for i, (u, v, d) in enumerate(graph.edges(data=True))]
    aspects = [
        {"numberVerification": [{"longNumber": 281474976710655}]},
        {"metaData": [{"name": "nodes", "elementCount": len(nodes)}, {"name": "edges", "elementCount": len(edges)}]},
        {"nodes": nodes},
        {"nodeAttributes": attributes},
        {"edges": edges},
        {"status": [{"error": "", "success": True}]},
    ]
    return json.dumps(aspects)


_ARC_CLASS = {1: "stimulation", -1: "inhibition", 0: "modulation"}


def sbgn_text(graph: nx.MultiDiGraph) -> str:
    ids = {node: f"g{index}" for index, node in enumerate(graph.nodes)}
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<sbgn xmlns="http://sbgn.org/libsbgn/0.2">', '<map language="process description">']
    for node, data in graph.nodes(data=True):
        lines.append(
            f'<glyph id="{ids[node]}" class="macromolecule"><label text={quoteattr(str(data.get(Attr.LABEL, node)))}/><bbox x="0" y="0" w="60" h="30"/></glyph>'
        )
    for index, (u, v, data) in enumerate(graph.edges(data=True)):
        arc = _ARC_CLASS.get(data.get(Attr.SIGN, 0), "modulation")
        lines.append(f'<arc id="a{index}" class="{arc}" source="{ids[u]}" target="{ids[v]}"><start x="0" y="0"/><end x="1" y="1"/></arc>')
    lines += ["</map>", "</sbgn>"]
    return "\n".join(lines) + "\n"


READ_ONLY_FILES: dict[str, tuple[str, Callable[[nx.MultiDiGraph], str]]] = {
    "cx2": (".cx2", cx2_text),
    "cx": (".cx", cx_text),
    "sbgn": (".sbgn", sbgn_text),
}


# -- the plain alternatives ------------------------------------------------------------------------


def plain(name: str, graph: nx.MultiDiGraph, flat: nx.MultiDiGraph, path: Path) -> tuple[Callable[[], Any], Callable[[], Any]]:
    """The plain write and read of one format."""
    if name == "native":
        document = graph_to_document(graph)[0]
        dumper, loader = getattr(yaml, "CSafeDumper", yaml.SafeDumper), getattr(yaml, "CSafeLoader", yaml.SafeLoader)

        def dump() -> None:
            with path.open("w", encoding="utf-8") as handle:
                yaml.dump(document, handle, Dumper=dumper, sort_keys=False, allow_unicode=True, default_flow_style=False)

        return dump, lambda: yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
    if name == "nodelink":
        return (
            lambda: path.write_text(json.dumps(nx.node_link_data(graph, edges="edges"), default=str)),
            lambda: nx.node_link_graph(json.loads(path.read_text()), edges="edges"),
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
    if name in ("cx2", "cx"):
        make = READ_ONLY_FILES[name][1]

        def read_cx() -> nx.MultiDiGraph:
            result = nx.MultiDiGraph()
            for aspect in json.loads(path.read_text()):
                for node in aspect.get("nodes", []):
                    result.add_node(node.get("id", node.get("@id")), **node.get("v", {}))
                for edge in aspect.get("edges", []):
                    result.add_edge(edge["s"], edge["t"], **edge.get("v", {}))
            return result

        return (lambda: path.write_text(make(graph))), read_cx
    if name == "sbgn":

        def read_sbgn() -> nx.MultiDiGraph:
            result = nx.MultiDiGraph()
            for element in ET.parse(path).iter():
                tag = element.tag.rsplit("}", 1)[-1]
                if tag == "glyph":
                    result.add_node(element.get("id"), kind=element.get("class"))
                elif tag == "arc":
                    result.add_edge(element.get("source"), element.get("target"), relation=element.get("class"))
            return result

        return (lambda: path.write_text(sbgn_text(graph))), read_sbgn

    delimiter = "\t" if name == "tsv" else ","
    rows = [{"source": u, "target": v, **flat_edge(d, style="table")} for u, v, d in graph.edges(data=True)]
    columns = sorted({key for row in rows for key in row})

    def write_table() -> None:
        with path.open("w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=columns, delimiter=delimiter)
            writer.writeheader()
            writer.writerows(rows)

    def read_table() -> nx.MultiDiGraph:
        result = nx.MultiDiGraph()
        for row in csv.DictReader(io.StringIO(path.read_text()), delimiter=delimiter):
            result.add_edge(row.pop("source"), row.pop("target"), **row)
        return result

    return write_table, read_table


def ruamel_write(graph: nx.MultiDiGraph, path: Path) -> Callable[[], None]:
    """The native writer's former YAML dumper (ruamel.yaml's round-trip dumper), for comparison."""
    from ruamel.yaml import YAML
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    def styled(value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            mapping = CommentedMap((name, styled(item, name)) for name, item in value.items())
            if key in ("context", "sources") and all(not isinstance(v, dict | list) for v in value.values()):
                mapping.fa.set_flow_style()
            return mapping
        if isinstance(value, list):
            sequence = CommentedSeq(styled(item, key) for item in value)
            if value and all(not isinstance(item, dict | list) for item in value):
                sequence.fa.set_flow_style()
            return sequence
        return value

    document = graph_to_document(graph)[0]

    def dump() -> None:
        dumper = YAML(typ="rt", pure=True)
        dumper.width = 100
        dumper.indent(mapping=2, sequence=4, offset=2)
        with path.open("w", encoding="utf-8") as handle:
            dumper.dump(styled(document), handle)

    return dump


# -- the run ---------------------------------------------------------------------------------------


def _cell(function: Callable[[], Any], repeat: int) -> float | None:
    try:
        return round(timed(function, repeat), 1)
    except Exception as error:  # a cell that fails is reported, the run goes on
        print(f"  failed: {type(error).__name__}: {str(error)[:200]}", file=sys.stderr)
        return None


def run(sizes: list[int], repeat: int, *, with_ruamel: bool = False) -> list[dict[str, Any]]:
    results = []
    for size in sizes:
        with tempfile.TemporaryDirectory() as name, limited(**BENCH_LIMITS):
            folder = Path(name)
            graph = prepared_graph(size, folder)
            flat = flat_graph(graph)
            out = folder / "out"
            out.mkdir()
            for fmt in formats():
                extension = fmt.extensions[0]
                target = out / f"graph{extension}"
                print(f"{size:>7,} {fmt.name} ...", file=sys.stderr, flush=True)
                if fmt.writer is not None:
                    mech_write = _cell(lambda graph=graph, target=target: write(graph, target, force=True), repeat)
                else:
                    make = READ_ONLY_FILES[fmt.name][1]
                    mech_write = None
                    target.write_text(make(graph), encoding="utf-8")
                mech_read = _cell(lambda target=target: read(target), repeat) if target.exists() else None
                plain_write, plain_read = plain(fmt.name, graph, flat, folder / f"plain{extension}")
                results.append(
                    {
                        "relations": size,
                        "format": fmt.name,
                        "mechgraph_write_ms": mech_write,
                        "plain_write_ms": _cell(plain_write, repeat),
                        "mechgraph_read_ms": mech_read,
                        "plain_read_ms": _cell(plain_read, repeat),
                        "file_kb": round(target.stat().st_size / 1024) if target.exists() else None,
                    }
                )
            if with_ruamel:
                print(f"{size:>7,} native (ruamel) ...", file=sys.stderr, flush=True)
                results.append(
                    {
                        "relations": size,
                        "format": "ruamel-rt",
                        "mechgraph_write_ms": None,
                        "plain_write_ms": _cell(ruamel_write(graph, folder / "ruamel.yaml"), 1),
                        "mechgraph_read_ms": None,
                        "plain_read_ms": None,
                        "file_kb": round((folder / "ruamel.yaml").stat().st_size / 1024),
                    }
                )
    return results


def _ms(value: float | None, width: int) -> str:
    return f"{'—' if value is None else f'{value:,.0f}':>{width}}"


def table(results: list[dict[str, Any]]) -> str:
    header = f"{'relations':>9}  {'format':<9} {'write ms':>9} {'plain':>8} {'read ms':>9} {'plain':>8} {'file KB':>8}"
    lines = [header, "-" * len(header)]
    for row in results:
        size = "—" if row["file_kb"] is None else f"{row['file_kb']:,}"
        lines.append(
            f"{row['relations']:>9,}  {row['format']:<9} {_ms(row['mechgraph_write_ms'], 9)} {_ms(row['plain_write_ms'], 8)} "
            f"{_ms(row['mechgraph_read_ms'], 9)} {_ms(row['plain_read_ms'], 8)} {size:>8}"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ruamel", action="store_true", help="also time the former YAML dumper (ruamel round-trip), once")
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    args = parser.parse_args()
    results = run(args.sizes, args.repeat, with_ruamel=args.ruamel)
    print(table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
