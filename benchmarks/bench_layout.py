"""Layout quality and speed: mechgraph's layout beside Graphviz dot with its defaults and straight relations.

Per view and in total: crossings, relations through nodes, backward relations, overlapping
labels, labels cut off at 1280x720, smallest label font at fit, layout time (see
mechgraph.layout_quality). Views: every agent's depth-2 downstream view of the bundled graph,
the signed-path views of the README examples, the sample files in ../shared/samples. Then layout
time: a 200-node view (a synthetic graph with the relation count that gives 200 nodes), the
largest graph dot lays out (:data:`~mechgraph.layout.COLUMNS_LIMIT` relations), and 1k, 10k, 100k
relations. The reference ("dot") is Graphviz dot on the same label-sized boxes with Graphviz's
default effort, relations straight between node centres, as the issue measured it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import networkx as nx

from mechgraph.graph import read_graph
from mechgraph.layout import COLUMNS_LIMIT, Geometry, compute_geometry
from mechgraph.layout._causal import causal_geometry
from mechgraph.layout.bands import LEGIBLE_ZOOM, OVERVIEW_WRAP, fit_zoom, legible_overview
from mechgraph.layout_quality import measure
from mechgraph.query import downstream, signed_paths
from mechgraph.synthetic import synthetic_graph

SAMPLES = Path(__file__).resolve().parents[1].parent / "shared" / "samples"
COLUMNS = ("crossings", "through_nodes", "backward", "overlaps", "cut_off", "smallest_font")


def views() -> list[tuple[str, str, nx.MultiDiGraph, list[str]]]:
    graph = read_graph()
    found = [("agent", agent, downstream(graph, agent, depth=2), []) for agent in sorted(n for n, k in graph.nodes(data="kind") if k == "agent")]
    for source, target in (("cyclosporine", "il2"), ("tacrolimus", "il2"), ("sirolimus", "il2")):
        if source in graph and target in graph:
            report = signed_paths(graph, source, target, k=5)
            nodes = {node for path in report.paths for node in path.nodes}
            chain = list(report.paths[0].nodes) if report.paths else []
            if nodes:
                found.append(("path", f"{source}->{target}", graph.subgraph(nodes).copy(), chain))
    if SAMPLES.is_dir():
        from mechgraph.formats import read

        for file in sorted(SAMPLES.iterdir()):
            if file.suffix in (".md",):
                continue
            try:
                found.append(("sample", file.name, read(file).graph, []))
            except Exception as error:  # a sample that does not read is reported, not fatal
                print(f"skipped {file.name}: {error}", file=sys.stderr)
    return found


def main() -> None:
    header = (
        f"{'group':7} {'view':38} {'n':>4} {'m':>4} | "
        + " ".join(f"{c[:8]:>8}" for c in COLUMNS)
        + f" {'ms':>6} | dot-straight: "
        + " ".join(f"{c[:8]:>8}" for c in COLUMNS[:4])
    )
    print(header)
    totals: dict[str, dict[str, dict[str, float]]] = {}
    for group, name, view, chain in views():
        start = time.perf_counter()
        geometry = compute_geometry(view, path=chain)
        ms = (time.perf_counter() - start) * 1000
        ours = measure(view, geometry).as_dict()
        dot = measure(view, Geometry(causal_geometry(view, path=chain, effort=None)[0], {}, "dot-straight")).as_dict()
        for who, q in (("mechgraph", ours), ("dot", dot)):
            t = totals.setdefault(group, {}).setdefault(
                who, {c: 0.0 for c in COLUMNS[:5]} | {"smallest_font": 99.0, "worst_through": 0, "worst_crossings": 0, "ms": 0.0}
            )
            for c in COLUMNS[:5]:
                t[c] += q[c]
            t["smallest_font"] = min(t["smallest_font"], q["smallest_font"])
            t["worst_through"] = max(t["worst_through"], q["through_nodes"])
            t["worst_crossings"] = max(t["worst_crossings"], q["crossings"])
            t["ms"] += ms if who == "mechgraph" else 0
        print(
            f"{group:7} {name[:38]:38} {view.number_of_nodes():>4} {view.number_of_edges():>4} | "
            + " ".join(f"{ours[c]:>8}" for c in COLUMNS)
            + f" {ms:>6.0f} | {'':14}"
            + " ".join(f"{dot[c]:>8}" for c in COLUMNS[:4])
        )
    print("\nTotals (worst view in brackets)")
    for group, rows in totals.items():
        for who, t in rows.items():
            print(
                f"{group:7} {who:10} crossings {t['crossings']:>5.0f} [{t['worst_crossings']:.0f}]  through nodes {t['through_nodes']:>5.0f} [{t['worst_through']:.0f}]  backward {t['backward']:.0f}  overlaps {t['overlaps']:.0f}  cut off {t['cut_off']:.0f}  smallest font {t['smallest_font']:.1f}px  time {t['ms']:.0f} ms"
            )
    print("\nLayout time (layered; best of 3)")
    rows = [("200-node view", _with_nodes(200)), (f"limit {COLUMNS_LIMIT}", synthetic_graph(COLUMNS_LIMIT, seed=1))]
    rows += [(label, _with_relations(count)) for label, count in (("1k relations", 1_000), ("10k relations", 10_000), ("100k relations", 100_000))]
    for label, graph in rows:
        times = []
        for _ in range(1 if graph.number_of_edges() > 20_000 else 3):
            start = time.perf_counter()
            geometry = compute_geometry(graph)
            times.append((time.perf_counter() - start) * 1000)
        print(f"{label:15} {graph.number_of_nodes():>7} nodes {graph.number_of_edges():>7} relations  {geometry.engine:13} {min(times):>8.0f} ms")
    print("\nOverview time (the first screen of a whole map: hubs by name, the rest in groups; best of 3)")
    for label, graph in [("bundled graph", read_graph()), *rows[2:]]:
        times = []
        for _ in range(1 if graph.number_of_edges() > 20_000 else 3):
            start = time.perf_counter()
            summary, xy = legible_overview(graph)
            times.append((time.perf_counter() - start) * 1000)
        legible = fit_zoom(summary.graph, xy, wrap=OVERVIEW_WRAP, drawn=True) >= LEGIBLE_ZOOM
        print(
            f"{label:15} {graph.number_of_nodes():>7} nodes {graph.number_of_edges():>7} relations  {summary.graph.number_of_nodes():>3} shown, legible {str(legible):5} {min(times):>8.0f} ms"
        )


def _with_nodes(count: int) -> nx.MultiDiGraph:
    """The synthetic graph whose node count is nearest ``count`` (it has 0.35 nodes per relation)."""
    return min((synthetic_graph(round(count / 0.35) + delta, seed=1) for delta in range(-6, 7, 3)), key=lambda g: abs(g.number_of_nodes() - count))


def _with_relations(count: int) -> nx.MultiDiGraph:
    nodes = max(50, count // 2)
    graph = synthetic_graph(nodes, seed=1)
    while graph.number_of_edges() < count:
        nodes = int(nodes * 1.3)
        graph = synthetic_graph(nodes, seed=1)
    return graph


if __name__ == "__main__":
    main()
