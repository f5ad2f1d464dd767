"""The embedded store: a Ladybug database (Cypher, one file, no server) written by ``mechgraph import``.

Writing (:func:`write_database`) turns a graph into CSV files in a temporary folder beside the
target, bulk-loads them with ``COPY FROM`` (columnar, parallel unless some text spans lines),
closes the database and renames it onto the target: an interrupted or failed import leaves
whatever was at the target before, and nothing half-written.

Reading (:class:`LadybugStore`) opens the file read-only, so several processes (dashboard
workers) can share it. Every answer is built from the stored JSON of the nodes and relations
asked for, in the graph's order, so a subgraph fetched from the store is the subgraph of the
graph that was imported.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Self

import networkx as nx

from ..errors import ReadError, StoreError
from ..query._base import gc_paused
from ..vocabulary import Attr, Direction
from . import cypher
from .base import Pushdown, RelationRow
from .fuzzy import FuzzyIndex
from .names import NAME_ATTRIBUTES, lookup_keys
from .write import WriteSummary, _all_rows, _first_line, write_database

__all__ = ["LadybugStore", "StoreError", "WriteSummary", "write_database"]

_READ_BUFFER = 512 * 1024 * 1024  # bytes of page cache a reader may use
#: Ids (or positions) sent in one list parameter: each is a primary-key lookup (about 15 us).
_CHUNK = 8192
#: A walk's frontier is read this many nodes at a time, so a walk cut at a size stops soon after.
_WALK_CHUNK = 256
_CONTEXT, _EVIDENCE = Attr.CONTEXT.value, Attr.EVIDENCE.value
#: A capped filter reads the candidates among the first this many relations first (often enough).
_WINDOW = 131_072
#: A node's adjacency: the position of its first relation out, the other end of each relation out
#: (in the graph's order: its positions follow ``first``), the nodes before it (in the graph's order).
Adjacency = tuple[int, list[str], list[str]]


class LadybugStore:
    """A Ladybug database written by :func:`write_database`, opened read-only.

    A store keeps one connection and is safe to share between threads (queries are serialised).
    Walks read each node's adjacency (stored with the node) by primary key, never a scan of the
    relations.

    Examples
    --------
    >>> from mechgraph.graph import read_graph
    >>> from mechgraph.store.write import example_database
    >>> store = LadybugStore(example_database())
    >>> store.counts() == (read_graph().number_of_nodes(), read_graph().number_of_edges())
    True
    >>> store.node("cyclosporine")["label"]
    'Cyclosporine'
    >>> store.close()
    """

    dialect = cypher.LADYBUG

    def __init__(self, path: str | Path) -> None:
        import ladybug

        self.path = Path(path)
        if not self.path.is_file():
            raise ReadError(f"{self.path}: no such database (create one with `mechgraph import FILE --db {self.path}`)")
        try:
            self._database = ladybug.Database(str(self.path), read_only=True, buffer_pool_size=_READ_BUFFER)
            self._connection = ladybug.Connection(self._database)
            meta = dict(self._rows(self.dialect.meta))
        except RuntimeError as error:
            raise ReadError(f"{self.path}: not a mechgraph database ({_first_line(error)})") from None
        self._ready(meta)

    def _ready(self, meta: Mapping[str, str]) -> None:
        """Check the schema version (written last: a partial load has none) and keep what every query needs."""
        if json.loads(meta.get("schema", "null")) != cypher.SCHEMA_VERSION:
            self.close()
            raise ReadError(f"{self.path}: not a complete database of this mechgraph version; import the graph again")
        self._graph_attributes: dict[str, Any] = json.loads(meta.get("graph", "{}"))
        self._meta = dict(meta)
        self._lock = threading.Lock()
        self._names_lock = threading.Lock()
        self._names: nx.MultiDiGraph | None = None
        self._fuzzy: FuzzyIndex | None = None

    # -- plumbing ---------------------------------------------------------------------------

    def _rows(self, query: str, parameters: Mapping[str, Any] | None = None) -> list[list[Any]]:
        return _all_rows(self._connection, query, parameters)

    def query(self, query: str, parameters: Mapping[str, Any] | None = None) -> list[list[Any]]:
        """Run one Cypher query (from :mod:`mechgraph.store.cypher`) and return its rows."""
        with self._lock:
            return self._rows(query, parameters)

    def _each(self, query: str, ids: Sequence[Any]) -> list[list[Any]]:
        """The rows of ``query`` for each id (``$id``), one query each."""
        with self._lock:
            rows: list[list[Any]] = []
            for node in ids:
                rows.extend(self._rows(query, {"id": node}))
            return rows

    def _lookup(self, query: str, values: Sequence[Any], name: str = "ids") -> list[list[Any]]:
        """The rows of ``query`` for a list parameter ``name`` of primary keys, sent in chunks."""
        rows: list[list[Any]] = []
        for start in range(0, len(values), _CHUNK):
            rows.extend(self.query(query, {name: list(values[start : start + _CHUNK])}))
        return rows

    def _adjacency(self, ids: Sequence[str]) -> dict[str, Adjacency]:
        rows = self._lookup(self.dialect.adjacency, ids)
        return {row[0]: (row[1], out, inn) for row, (out, inn) in zip(rows, _parse(f"[{row[2]},{row[3]}]" for row in rows), strict=True)}

    def nodes_graph(self, nodes: Iterable[str]) -> nx.MultiDiGraph:
        """A graph of ``nodes`` (those the store has, in the graph's order) with no relations."""
        return self._graph(self._lookup(self.dialect.nodes_by_id, list(dict.fromkeys(nodes))), ())

    def names_starting(self, text: str, limit: int) -> list[tuple[str, list[str]]]:
        """Up to ``limit`` (name ignoring case, its nodes) whose name begins with ``text``."""
        rows = self.query(self.dialect.names_prefix, {"prefix": lookup_keys(text)[0], "limit": limit})
        return [(str(key)[2:], [str(node) for node in json.loads(nodes)]) for key, nodes in rows]

    def meta_value(self, name: str) -> str | None:
        """The text of the ``Meta`` row ``name`` (the overview, the graph's attributes), or None."""
        return self._meta.get(name)

    def relations_graph(self, nodes: Iterable[str], ends: Iterable[tuple[str, str, int]]) -> nx.MultiDiGraph:
        """A graph of ``nodes`` and the relations at the positions given ((from, to, pos) rows)."""
        rows = self._lookup(self.dialect.nodes_by_id, list(dict.fromkeys(nodes)))
        return self._graph(rows, self._relations([list(end) for end in ends]))

    def close(self) -> None:
        for item in (getattr(self, "_connection", None), getattr(self, "_database", None)):
            if item is not None:
                item.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- the GraphStore questions -----------------------------------------------------------

    def counts(self) -> tuple[int, int]:
        return int(self.query(self.dialect.count_nodes)[0][0]), int(self.query(self.dialect.count_relations)[0][0])

    def graph_attributes(self) -> dict[str, Any]:
        """The graph's attributes: a new dict, its values shared (as a subgraph in memory shares them)."""
        return dict(self._graph_attributes)

    def node(self, node: str) -> dict[str, Any] | None:
        if not isinstance(node, str):
            return None
        rows = self.query(self.dialect.nodes_by_id, {"ids": [node]})
        return json.loads(rows[0][2]) if rows else None

    def successors(self, node: str) -> list[RelationRow]:
        rows = self._relations(self._each(self.dialect.edges_from_one, [node]))
        return [(row[1], json.loads(row[2]), _relation_data(row)) for row in sorted(rows, key=lambda row: row[3])]

    def predecessors(self, node: str) -> list[RelationRow]:
        rows = self._relations(self._each(self.dialect.edges_into_one, [node]))
        return [(row[0], json.loads(row[2]), _relation_data(row)) for row in sorted(rows, key=lambda row: (row[4], row[3]))]

    def step(self, nodes: Sequence[str], direction: str) -> list[str]:
        way = Direction(direction).value
        adjacency = self._adjacency(list(dict.fromkeys(nodes)))
        found: dict[str, None] = {}
        for node in nodes:
            if node in adjacency:
                _, out, inn = adjacency[node]
                if way != "up":
                    found.update(dict.fromkeys(out))
                if way != "down":
                    found.update(dict.fromkeys(inn))
        return list(found)

    def reach(self, nodes: Iterable[str], depth: int | None, direction: str, limit: int | None = None) -> dict[str, int]:
        """The breadth-first walk of :func:`mechgraph.query.reach` (the same nodes in the same
        order); with ``limit``, its first ``limit`` nodes, read no further than they need."""
        way = Direction(direction).value
        wanted = list(dict.fromkeys(nodes))
        known = {row[0] for row in self._lookup(self.dialect.nodes_by_id, wanted)}
        distance = dict.fromkeys([node for node in wanted if node in known][:limit], 0)
        frontier = list(distance)
        level = 0
        while frontier and (depth is None or level < depth) and (limit is None or len(distance) < limit):
            level += 1
            following: list[str] = []
            for start in range(0, len(frontier), _WALK_CHUNK):
                chunk = frontier[start : start + _WALK_CHUNK]
                adjacency = self._adjacency(chunk)
                for node in chunk:
                    _, out, inn = adjacency[node]
                    for others in (out, inn) if way == "both" else (out,) if way == "down" else (inn,):
                        for other in others:
                            if other not in distance:
                                distance[other] = level
                                following.append(other)
                                if limit is not None and len(distance) >= limit:
                                    return distance
            frontier = following
        return distance

    def subgraph(self, nodes: Iterable[str]) -> nx.MultiDiGraph:
        ids = list(dict.fromkeys(nodes))
        inside = set(ids)
        rows = self._lookup(self.dialect.nodes_out, ids)  # (id, pos, data, first, out)
        ends = [
            [row[0], v, row[3] + index]
            for row, out in zip(rows, _parse(row[4] for row in rows), strict=True)
            for index, v in enumerate(out)
            if v in inside
        ]  # fmt: skip
        return self._graph(rows, self._relations(ends))

    def _relations(self, ends: list[list[Any]]) -> list[tuple[Any, ...]]:
        """Relation rows (from, to, key, pos, rpos, data, context, evidence) of (from, to, pos) rows."""
        if not ends:
            return []
        found = {row[0]: row for row in self._lookup(self.dialect.relation_data, [row[2] for row in ends], "positions")}
        rows = []
        for u, v, position in ends:
            _, key, rank, data, context, evidence = found[position]
            rows.append((u, v, key, position, rank, data, context, evidence))
        return rows

    def _first_positions(self, pushdown: Pushdown, count: int) -> list[int]:
        """The positions of the first ``count`` relations that may pass: from the first
        :data:`_WINDOW` positions, then (when they hold too few) from the rest."""
        parameters = {**pushdown.parameters(), "limit": count}
        found = [row[0] for row in self.query(cypher.filter_positions(pushdown, 0, _WINDOW), parameters)]
        if len(found) < count:
            parameters["limit"] = count - len(found)
            found += [row[0] for row in self.query(cypher.filter_positions(pushdown, _WINDOW), parameters)]
        return found

    def _relations_at(self, positions: list[int]) -> list[tuple[Any, ...]]:
        """Relation rows (from, to, key, pos, rpos, data, context, evidence) at some positions."""
        return [tuple(row) for row in self._lookup(self.dialect.relation_rows, positions, "positions")]

    def name_candidates(self, name: str) -> nx.MultiDiGraph:
        ids = list(dict.fromkeys(node for (nodes,) in self._each(self.dialect.names_one, lookup_keys(name)) for node in json.loads(nodes)))
        return self._graph(self._lookup(self.dialect.nodes_by_id, ids), ())

    def names_graph(self) -> nx.MultiDiGraph:
        # The store's lock is held only while the names are read: building the graph (seconds on a
        # million relations) leaves other queries free to run.
        if self._names is not None:
            return self._names
        with self._names_lock:
            if self._names is None:
                graph = nx.MultiDiGraph()
                label_key, synonyms_key, identifiers_key, process_key = NAME_ATTRIBUTES
                for node, label, synonyms, identifiers, process in self.query(self.dialect.all_names):
                    data: dict[str, Any] = {label_key: label, synonyms_key: json.loads(synonyms), identifiers_key: json.loads(identifiers)}
                    if process:
                        data[process_key] = process
                    graph.add_node(node, **data)
                self._names = graph
            return self._names

    def fuzzy(self) -> FuzzyIndex:
        """The typo-tolerant search over every node's names (built once, from :meth:`names_graph`)."""
        if self._fuzzy is None:
            index = FuzzyIndex(self.names_graph())
            with self._names_lock:
                self._fuzzy = self._fuzzy or index
        return self._fuzzy

    def filter_candidates(self, pushdown: Pushdown) -> nx.MultiDiGraph:
        edges = self.query(cypher.filter_relations(pushdown), pushdown.parameters())
        if pushdown.edge_filter:
            nodes = self._lookup(self.dialect.nodes_by_id, sorted({row[0] for row in edges} | {row[1] for row in edges}))
        else:
            nodes = self.query(cypher.filter_nodes(pushdown), pushdown.parameters())
        return self._graph(nodes, self._relations(edges))

    def first_passing(self, pushdown: Pushdown, limit: int, passing: Callable[[nx.MultiDiGraph], nx.MultiDiGraph]) -> tuple[nx.MultiDiGraph, bool]:
        """The first ``limit`` relations (nodes without ``edge_filter``) in the graph's order that
        ``passing`` keeps, read page by page of the candidates the store picks, with their ends
        (the relations among them); and whether no other passes."""
        if pushdown.exact:  # what the store picks passes: no page is filtered again
            parameters = {**pushdown.parameters(), "after": -1, "limit": limit + 1}
            if not pushdown.edge_filter:
                found = self.query(cypher.filter_nodes(pushdown, paged=True), parameters)
                return self.subgraph(row[0] for row in found[:limit]), len(found) <= limit
            positions = self._first_positions(pushdown, limit + 1)
            rows = self._relations_at(positions[:limit])
            nodes = self._lookup(self.dialect.nodes_by_id, list({end for row in rows for end in row[:2]}))
            return self._graph(nodes, rows), len(positions) <= limit
        page = max(limit + 1, 64)
        kept: list[Any] = []
        after = -1
        while len(kept) <= limit:
            parameters = {**pushdown.parameters(), "limit": page}
            if pushdown.edge_filter:
                positions = [row[0] for row in self.query(cypher.filter_positions(pushdown, after + 1), parameters)]
                if not positions:
                    break
                rows = self._relations_at(positions)
                nodes = self._lookup(self.dialect.nodes_by_id, list({end for row in rows for end in row[:2]}))
                kept_graph = passing(self._graph(nodes, rows))
                kept.extend(row for row in sorted(rows, key=lambda row: row[3]) if kept_graph.has_edge(row[0], row[1], json.loads(row[2])))
                after, more = positions[-1], len(positions) == page
            else:
                found = self.query(cypher.filter_nodes(pushdown, paged=True), {**parameters, "after": after})
                if not found:
                    break
                kept_nodes = passing(self._graph(self._lookup(self.dialect.nodes_by_id, [row[0] for row in found]), ()))
                kept.extend(row[0] for row in found if row[0] in kept_nodes)
                after, more = found[-1][1], len(found) == page
            if not more:
                break
        complete = len(kept) <= limit
        if not pushdown.edge_filter:
            return self.subgraph(kept[:limit]), complete
        rows = kept[:limit]
        return self._graph(self._lookup(self.dialect.nodes_by_id, list({end for row in rows for end in row[:2]})), rows), complete

    # -- building graphs ----------------------------------------------------------------------

    def _graph(self, nodes: Iterable[Sequence[Any]], edges: Iterable[Sequence[Any]]) -> nx.MultiDiGraph:
        """A graph of node rows (id, pos, data) and relation rows (from, to, key, pos, rpos, data,
        context, evidence).

        The rows are put in the graph's order: the nodes, each node's successors and each
        node's predecessors come in the order they have in the graph that was imported, so a
        breadth-first walk meets them in the same order.
        """
        with gc_paused():  # tens of thousands of new dicts: no collector passes over the store's names
            return self._build(nodes, edges)

    def _build(self, nodes: Iterable[Sequence[Any]], edges: Iterable[Sequence[Any]]) -> nx.MultiDiGraph:
        graph = nx.MultiDiGraph()
        graph.graph.update(self.graph_attributes())
        node_table, succ, pred = graph._node, graph._succ, graph._pred
        node_rows = sorted(nodes, key=lambda row: row[1])
        for row, data in zip(node_rows, _parse(row[2] for row in node_rows), strict=True):
            node_table[row[0]] = data
            succ[row[0]], pred[row[0]] = {}, {}
        edge_rows = [row for row in sorted(edges, key=lambda row: row[3]) if row[0] in node_table and row[1] in node_table]
        # one parse for every text: most of the time of building an answer is parsing
        values = _parse(f"[{row[2]},{row[5]},{row[6] or 0},{row[7] or 0}]" for row in edge_rows)
        incoming: list[tuple[int, int, str, str, dict[Any, Any]]] = []
        for row, (key, data, context, evidence) in zip(edge_rows, values, strict=True):
            u, v, _, position, rank = row[:5]
            if row[6]:
                data[_CONTEXT] = context
            if row[7]:
                data[_EVIDENCE] = evidence
            keydict = succ[u].get(v)
            if keydict is None:
                keydict = succ[u][v] = {}  # one key dict for both directions, as networkx keeps it
                incoming.append((rank, position, v, u, keydict))
            keydict[key] = data
        for _, _, v, u, keydict in sorted(incoming, key=lambda item: item[:2]):
            pred[v][u] = keydict
        return graph


def _parse(texts: Iterable[str]) -> list[Any]:
    """The values of some JSON texts, parsed as one."""
    return list(json.loads(f"[{','.join(texts)}]"))


def _relation_data(row: Sequence[Any]) -> dict[str, Any]:
    """The attributes of a relation row (... data, context, evidence), in their order."""
    if not row[6] and not row[7]:
        plain: dict[str, Any] = json.loads(row[5])
        return plain
    # one parse for the three texts: most of the time of building an answer is parsing
    data: dict[str, Any]
    data, context, evidence = json.loads(f"[{row[5]},{row[6] or 0},{row[7] or 0}]")
    if row[6]:
        data[_CONTEXT] = context
    if row[7]:
        data[_EVIDENCE] = evidence
    return data
