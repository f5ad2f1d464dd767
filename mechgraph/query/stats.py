"""Summary statistics of a graph or a subgraph: counts, and the hubs by degree and betweenness.

Betweenness is computed by igraph (C). Above ``exact_limit`` nodes it is estimated from a fixed,
seeded sample of source nodes (Brandes and Pich's estimator, scaled to the whole graph), which
keeps it well under a second at 100k relations and gives the same answer on every run.
"""

from __future__ import annotations

import heapq
import random
from collections import Counter
from typing import Any

import igraph
import networkx as nx

from ..vocabulary import UNSPECIFIED, Attr, Sign
from ._common import check_length, edge_sign, label_of, require_multidigraph

__all__ = ["graph_stats"]


def graph_stats(
    graph: nx.MultiDiGraph,
    *,
    top: int = 10,
    exact_limit: int = 2000,
    samples: int = 128,
    seed: int = 0,
) -> dict[str, Any]:
    """Counts by node kind, process kind, relation, sign, mechanism and measurability, and hubs.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A mechgraph graph or a subgraph of one; it is not modified.
    top : int
        How many hubs to list by each measure.
    exact_limit : int
        Up to this many nodes betweenness is exact; above, it is estimated from ``samples``
        source nodes drawn with ``seed``.
    samples, seed : int
        Size and seed of that sample.

    Returns
    -------
    dict
        ``nodes``, ``relations``, ``components`` (weakly connected), the counts (``by_kind``,
        ``by_process``, ``by_relation``, ``by_sign``, ``by_mechanism``, ``by_measurability``),
        ``betweenness`` (``exact`` or ``sampled from N sources``) and ``hubs``: ``degree`` (relations
        in and out, parallel relations counted) and ``betweenness`` (directed, normalised as
        networkx does), each a list of dicts with ``node``, ``label`` and the measure.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("a", {"kind": "agent"}), ("b", {"kind": "target"}), ("c", {"kind": "process", "process": "secretion"})])
    >>> _ = g.add_edge("a", "b", relation="inhibits", sign=-1, mechanism="direct")
    >>> _ = g.add_edge("b", "c", relation="activates", sign=1)
    >>> stats = graph_stats(g)
    >>> stats["by_kind"], stats["by_sign"], stats["by_mechanism"]
    ({'agent': 1, 'process': 1, 'target': 1}, {'decreases': 1, 'increases': 1}, {'direct': 1, 'unspecified': 1})
    >>> stats["hubs"]["betweenness"][0]
    {'node': 'b', 'label': 'b', 'betweenness': 0.5}
    """
    require_multidigraph(graph)
    check_length(top, "top", minimum=0)
    check_length(exact_limit, "exact_limit", minimum=0)
    check_length(samples, "samples", minimum=1)
    nodes = list(graph._node)
    simple, in_degree, out_degree = _simple_igraph(graph, nodes)
    hubs = heapq.nsmallest(top, zip(in_degree, out_degree, nodes, strict=True), key=lambda item: (-(item[0] + item[1]), item[2]))
    centrality, method = _betweenness(simple, nodes, exact_limit=exact_limit, samples=samples, seed=seed)
    ranked = heapq.nsmallest(top, ((-value, node) for node, value in zip(nodes, centrality, strict=True) if value > 0))
    return {
        "nodes": len(nodes),
        "relations": sum(out_degree),
        "components": len(simple.connected_components(mode="weak")) if nodes else 0,
        **_counts(graph),
        "betweenness": method,
        "hubs": {
            "degree": [{"node": node, "label": label_of(graph, node), "degree": i + o, "in": i, "out": o} for i, o, node in hubs],
            "betweenness": [{"node": node, "label": label_of(graph, node), "betweenness": round(-negative, 6)} for negative, node in ranked],
        },
    }


def _simple_igraph(graph: nx.MultiDiGraph, nodes: list[str]) -> tuple[igraph.Graph, list[int], list[int]]:
    """The graph for igraph, where parallel relations are one connection for shortest paths, and
    the in- and out-degree of each node counting every relation (one pass for both)."""
    index = {node: position for position, node in enumerate(nodes)}
    in_degree, out_degree = [0] * len(nodes), [0] * len(nodes)
    edges: list[tuple[int, int]] = []
    for u, neighbours in graph._succ.items():
        source = index[u]
        for v, keydict in neighbours.items():
            target = index[v]
            out_degree[source] += len(keydict)
            in_degree[target] += len(keydict)
            if source != target:
                edges.append((source, target))
    return igraph.Graph(n=len(nodes), edges=edges, directed=True), in_degree, out_degree


def _betweenness(simple: igraph.Graph, nodes: list[str], *, exact_limit: int, samples: int, seed: int) -> tuple[list[float], str]:
    n = len(nodes)
    if n < 3:
        return [0.0] * n, "exact"
    if n <= exact_limit or samples >= n:
        values = simple.betweenness(directed=True)
        method = "exact"
    else:
        sources = sorted(random.Random(seed).sample(range(n), samples))
        values = [value * n / samples for value in simple.betweenness(directed=True, sources=sources)]
        method = f"sampled from {samples} sources (seed {seed})"
    scale = 1.0 / ((n - 1) * (n - 2))
    return [value * scale for value in values], method


def _counts(graph: nx.MultiDiGraph) -> dict[str, dict[str, int]]:
    """The counts, in the words of ``mechgraph info``.

    One pass tallies the combinations of the counted attributes (a few hundred at most), then each
    count adds those up: reading every relation's dict once is what costs at 100k relations.
    """
    kind_key, process_key = Attr.KIND.value, Attr.PROCESS.value
    relation_key, sign_key, mechanism_key, setting_key = Attr.RELATION.value, Attr.SIGN.value, Attr.MECHANISM.value, Attr.MEASURABLE_IN.value
    node_combinations = Counter((data.get(kind_key), data.get(process_key)) for data in graph._node.values())
    edge_combinations = Counter(
        (data.get(relation_key), data.get(sign_key), data.get(mechanism_key), tuple(data.get(setting_key) or ()))
        for neighbours in graph._succ.values()
        for keydict in neighbours.values()
        for data in keydict.values()
    )
    kinds: Counter[str] = Counter()
    processes: Counter[str] = Counter()
    for (kind, process), count in node_combinations.items():
        kinds[str(kind or UNSPECIFIED)] += count
        if process:
            processes[str(process)] += count
    relations: Counter[str] = Counter()
    signs: Counter[str] = Counter()
    mechanisms: Counter[str] = Counter()
    settings: Counter[str] = Counter()
    for (relation, sign, mechanism, setting), count in edge_combinations.items():
        relations[str(relation)] += count
        signs[Sign.of(edge_sign({relation_key: relation, sign_key: sign})).word] += count
        mechanisms[str(mechanism or UNSPECIFIED)] += count
        settings["+".join(setting) or UNSPECIFIED] += count
    return {
        "by_kind": _sorted(kinds),
        "by_process": _sorted(processes),
        "by_relation": _sorted(relations),
        "by_sign": _sorted(signs),
        "by_mechanism": _sorted(mechanisms),
        "by_measurability": _sorted(settings),
    }


def _sorted(counts: Counter[Any]) -> dict[str, int]:
    return dict(sorted(((str(key), count) for key, count in counts.items()), key=lambda item: (-item[1], item[0])))
