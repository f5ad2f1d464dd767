"""The overview of a whole store: its hubs by name, every other node in a group with a count.

:func:`mechgraph.query.overview.overview` reads every node and relation of a graph in memory. A
store of a million relations is summarised instead by three aggregate Cypher queries
(:mod:`mechgraph.store.cypher`): the most connected nodes (:data:`HUBS_KEPT` of them), the number
of nodes per group (kind, and agent class or process kind) and the number of relations per (hub or
group, hub or group, sign); plus the relations among the hubs themselves. ``mechgraph import``
computes it once and keeps it in the database (``Meta`` row ``overview``); a store without it
computes it when it is first asked (:func:`store_summary` says which).

:meth:`StoreSummary.overview` then builds, for any number of hubs up to :data:`HUBS_KEPT`, the
overview :func:`~mechgraph.query.overview.overview` draws of the whole graph: the same hubs, groups,
labels and summary relations. One difference: a group left with a single member is shown as a group
of one (the summary does not know its member), where the in-memory overview shows that node.

>>> import tempfile
>>> from pathlib import Path
>>> from mechgraph.query.overview import overview
>>> from mechgraph.synthetic import synthetic_graph
>>> from mechgraph.store import LadybugStore, write_database
>>> graph = synthetic_graph(3000, seed=2)
>>> path = Path(tempfile.mkdtemp()) / "graph.lbug"
>>> _ = write_database(graph, path)
>>> with LadybugStore(path) as store:
...     summary = store_summary(store)
>>> summary.stored, summary.relations
(True, 3000)
>>> mine, theirs = summary.overview(12, merge_parallel=False).graph, overview(graph, hubs=12).graph
>>> sorted(mine.nodes) == sorted(theirs.nodes) and sorted(mine.edges(keys=True)) == sorted(theirs.edges(keys=True))
True
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import networkx as nx

from ..query.overview import MAX_GROUPS, Group, Overview, _bucket, _group_id, _group_label, add_summary
from ..vocabulary import Attr, NodeKind, Sign
from . import cypher

__all__ = ["HUBS_KEPT", "META_NAME", "StoreSummary", "compute_summary", "store_summary"]

#: Hubs kept by the summary: the most nodes an overview of a store shows by name.
HUBS_KEPT = 40
#: The ``Meta`` row that holds the summary.
META_NAME = "overview"
#: An agent's class in its stored JSON (the node's ``data``; JSON text escapes are undone after).
#: Ladybug reads backslash escapes in a pattern once more: each of the pattern's is written twice.
AGENT_CLASS_PATTERN = r'"agent_class":"((?:[^"\\\\]|\\\\.)*)"'
_VERSION = 1

Bucket = tuple[str, str]
Rows = Callable[[str, Mapping[str, Any]], list[list[Any]]]


@dataclass(frozen=True)
class StoreSummary:
    """What an overview of the whole store needs, read once."""

    nodes: int
    relations: int
    hubs: tuple[str, ...]  # the most connected nodes, most first
    hub_data: Mapping[str, Mapping[str, Any]]  # their attributes
    groups: Mapping[Bucket, int]  # nodes per group, the hubs left out
    links: Sequence[tuple[str, Bucket, str, Bucket, int, int]]  # (hub or "", group, hub or "", group, sign, relations); hub to hub left out
    hub_relations: Sequence[tuple[str, str, int]]  # (from, to, pos) of the relations among the hubs
    stored: bool = True  # read from the database (False: computed when the store was opened)
    relation_graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph, compare=False)  # the hubs' relations, with their data

    def to_json(self) -> str:
        return json.dumps(
            {
                "version": _VERSION,
                "nodes": self.nodes,
                "relations": self.relations,
                "hubs": list(self.hubs),
                "hub_data": self.hub_data,
                "groups": sorted([kind, detail, count] for (kind, detail), count in self.groups.items()),
                "links": sorted([x, list(xb), y, list(yb), sign, count] for x, xb, y, yb, sign, count in self.links),
                "hub_relations": sorted(list(row) for row in self.hub_relations),
            },
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, text: str, *, stored: bool = True) -> StoreSummary | None:
        """The summary in ``text``, or None when it is of another version."""
        data = json.loads(text)
        if not isinstance(data, dict) or data.get("version") != _VERSION:
            return None
        return cls(
            nodes=int(data["nodes"]),
            relations=int(data["relations"]),
            hubs=tuple(data["hubs"]),
            hub_data=data["hub_data"],
            groups={(kind, detail): int(count) for kind, detail, count in data["groups"]},
            links=[(x, (xb[0], xb[1]), y, (yb[0], yb[1]), int(sign), int(count)) for x, xb, y, yb, sign, count in data["links"]],
            hub_relations=[(u, v, int(pos)) for u, v, pos in data["hub_relations"]],
            stored=stored,
        )

    def with_relations(self, graph: nx.MultiDiGraph) -> StoreSummary:
        """The summary with the hubs' relations (``graph``: the hubs and the relations among them)."""
        return StoreSummary(self.nodes, self.relations, self.hubs, self.hub_data, self.groups, self.links, self.hub_relations, self.stored, graph)

    def group_of(self, gid: str, hubs: int) -> tuple[Group, int, str | None] | None:
        """The group ``gid`` of the overview with ``hubs`` hubs, its size, and its detail (agent
        class or process kind; None: every node of its kind). None when there is no such group."""
        groups, gid_of, size_of = self._groups(hubs)
        group = groups.get(gid)
        if group is None:
            return None
        details = {detail for (kind, detail), item in gid_of.items() if item == gid}
        return group, size_of[gid], details.pop() if len(details) == 1 and not self._merged(hubs) else None

    def _merged(self, hubs: int) -> bool:
        counts: Counter[Bucket] = Counter({bucket: count for bucket, count in self.groups.items() if count})
        for node in self.hubs[hubs:]:
            counts[_bucket(self.hub_data[node])] += 1
        return len(counts) > MAX_GROUPS

    def _groups(self, hubs: int) -> tuple[dict[str, Group], dict[Bucket, str], dict[str, int]]:
        shown = set(self.hubs[:hubs])
        counts: Counter[Bucket] = Counter({bucket: count for bucket, count in self.groups.items() if count})
        for node in self.hubs[hubs:]:
            counts[_bucket(self.hub_data[node])] += 1
        merged = len(counts) > MAX_GROUPS
        sizes: Counter[Bucket] = Counter()
        for (kind, detail), count in counts.items():
            sizes[(kind, "") if merged else (kind, detail)] += count
        groups: dict[str, Group] = {}
        gid_of: dict[Bucket, str] = {}
        size_of: dict[str, int] = {}
        for (kind, detail), count in sorted(sizes.items()):
            gid = _group_id(kind, detail)
            while gid in shown:
                gid += "~"
            label = _group_label(kind, detail, count, bool(shown))
            label = f"{count:,}{label[len(str(count)) :]}"  # '104,999 more targets': a store's groups are large
            groups[gid] = Group(gid, label, kind, ())
            size_of[gid] = count
            gid_of[(kind, detail)] = gid
        for bucket in counts:
            gid_of[bucket] = gid_of[(bucket[0], "") if merged else bucket]
        return groups, gid_of, size_of

    def overview(self, hubs: int, *, merge_parallel: bool = True) -> Overview:
        """The overview of the whole store with its ``hubs`` most connected nodes by name
        (at most :data:`HUBS_KEPT`). Its groups list no members (``members`` is empty): their
        nodes carry the count (``members`` attribute).

        Two hubs of a large graph are often joined by dozens of relations, which a canvas fans
        out into a wide sheaf of curves; with ``merge_parallel`` such a pair gets one summary
        relation with the count, as a group does (without it, every relation between two hubs
        is kept, as :func:`~mechgraph.query.overview.overview` keeps them)."""
        hubs = max(0, min(hubs, len(self.hubs)))
        shown = self.hubs[:hubs]
        groups, gid_of, size_of = self._groups(hubs)

        def item(hub: str, bucket: Bucket) -> str:
            if hub and hub in shown_set:
                return hub
            return gid_of[_bucket(self.hub_data[hub])] if hub else gid_of[bucket]

        shown_set = set(shown)
        result = nx.MultiDiGraph()
        items = sorted([*shown, *groups], key=str)
        for name in items:
            if name in groups:
                group = groups[name]
                result.add_node(name, **{Attr.KIND.value: group.kind, Attr.LABEL.value: group.label, Attr.GROUP.value: name, Attr.MEMBERS.value: size_of[name]})
            else:
                result.add_node(name, **dict(self.hub_data[name]))
        summary: dict[tuple[str, str], Counter[Sign]] = defaultdict(Counter)
        for x, xb, y, yb, sign, count in self.links:
            a, b = item(x, xb), item(y, yb)
            if a != b:
                summary[(a, b)][Sign.of(sign)] += count
        parallel = Counter((u, v) for u, v in self.relation_graph.edges()) if merge_parallel else Counter()
        for u, v, key, data in self.relation_graph.edges(keys=True, data=True):
            if u in shown_set and v in shown_set and parallel[(u, v)] <= 1:
                result.add_edge(u, v, key=key, **data)
            else:
                a, b = item(u, ("", "")), item(v, ("", ""))
                if a != b or (a == u and b == v):
                    summary[(a, b)][Sign.of(int(data.get(Attr.SIGN.value, 0) or 0))] += 1
        for (a, b), signs in sorted(summary.items(), key=lambda pair: (str(pair[0][0]), str(pair[0][1]))):
            add_summary(result, a, b, signs)
        return Overview(result, groups)


def _detail(text: Any) -> str:
    """An agent class as the pattern read it from JSON (escapes undone), or a process kind."""
    value = str(text or "")
    if "\\" in value:
        try:
            return str(json.loads(f'"{value}"'))
        except ValueError:
            return value
    return value


def compute_summary(rows: Rows, *, hubs: int = HUBS_KEPT) -> StoreSummary:
    """The summary of the database ``rows`` runs Cypher on (aggregate queries: one pass over the
    nodes, two over the relations)."""
    dialect = cypher.LADYBUG
    pattern = {"pattern": AGENT_CLASS_PATTERN}
    kinds = tuple(kind.value for kind in NodeKind)
    top = [str(node) for node, _ in rows(cypher.overview_hubs(kinds), {"limit": hubs})]
    hub_data = {str(node): json.loads(data) for node, _, data in rows(dialect.nodes_by_id, {"ids": top})} if top else {}
    counts: Counter[Bucket] = Counter()
    for kind, detail, count in rows(dialect.overview_groups, pattern):
        counts[(str(kind or ""), _detail(detail))] += int(count)
    for node in top:
        counts[_bucket(hub_data[node])] -= 1
    links: list[tuple[str, Bucket, str, Bucket, int, int]] = []
    relations = 0
    for x, xk, xd, y, yk, yd, sign, count in rows(dialect.overview_links, {**pattern, "hubs": top}):
        relations += int(count)
        if x and y:
            continue  # among the hubs: kept as relations
        links.append(
            (
                str(x),
                ("" if x else str(xk or ""), "" if x else _detail(xd)),
                str(y),
                ("" if y else str(yk or ""), "" if y else _detail(yd)),
                int(sign),
                int(count),
            )
        )
    hub_relations = [(str(u), str(v), int(pos)) for u, v, pos in rows(dialect.overview_hub_relations, {"hubs": top})] if top else []
    nodes = int(rows(dialect.count_nodes, {})[0][0])
    return StoreSummary(
        nodes, relations, tuple(top), hub_data, {bucket: count for bucket, count in counts.items() if count > 0}, links, hub_relations, stored=False
    )


def write_summary(rows: Rows) -> StoreSummary:
    """Compute the summary of a database open for writing and keep it in its ``Meta`` table."""
    summary = compute_summary(rows)
    rows(cypher.LADYBUG.meta_set, {"name": META_NAME, "value": summary.to_json()})
    return summary


def store_summary(store: Any) -> StoreSummary:
    """The summary of a :class:`~mechgraph.store.LadybugStore`: read from the database when
    ``mechgraph import`` wrote it there (``stored``), else computed now (``stored`` False), with
    the relations among the hubs fetched."""
    text = store.meta_value(META_NAME)
    summary = StoreSummary.from_json(text) if text else None
    if summary is None:
        summary = compute_summary(store.query)
    return summary.with_relations(store.relations_graph(summary.hubs, summary.hub_relations))


def members_of(rows: Rows, kind: str, detail: str, limit: int) -> list[str]:
    """Up to ``limit`` ids of the nodes of a group (``detail`` empty and ``merged``: the whole
    kind), in the graph's order."""
    return [str(node) for (node,) in rows(cypher.LADYBUG.group_members, {"kind": kind, "detail": detail, "pattern": AGENT_CLASS_PATTERN, "limit": limit})]


def kind_members(rows: Rows, kind: str, limit: int) -> list[str]:
    """Up to ``limit`` ids of the nodes of one kind, in the graph's order."""
    return [str(node) for (node,) in rows(cypher.LADYBUG.kind_members, {"kind": kind, "limit": limit})]
