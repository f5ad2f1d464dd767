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
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Self

import networkx as nx

from ..errors import ReadError, StoreError
from ..vocabulary import Attr, Direction
from . import cypher
from .base import RelationRow
from .names import NAME_ATTRIBUTES, lookup_keys
from .write import WriteSummary, _all_rows, _first_line, write_database

__all__ = ["LadybugStore", "StoreError", "WriteSummary", "write_database"]

_READ_BUFFER = 512 * 1024 * 1024  # bytes of page cache a reader may use
# A walk from one node costs about 0.15 ms; one from a list scans every relation (0.03 s at 100k
# relations, 0.3 s at 1M): up to this many nodes, or one per 500 relations, a walk goes one node
# at a time (see mechgraph.store.cypher).
_FEW, _RELATIONS_PER_WALK = 48, 500
_CONTEXT, _EVIDENCE = Attr.CONTEXT.value, Attr.EVIDENCE.value


class LadybugStore:
    """A Ladybug database written by :func:`write_database`, opened read-only.

    A store keeps one connection and is safe to share between threads (queries are serialised).
    A walk from more than ``scan_above`` nodes scans the relations once instead of following each
    node's (default: 48 nodes, or one per 500 relations of the graph).

    Examples
    --------
    >>> import tempfile
    >>> from mechgraph.graph import read_graph
    >>> target = Path(tempfile.mkdtemp()) / "bundled.lbug"
    >>> _ = write_database(read_graph(), target)
    >>> store = LadybugStore(target)
    >>> store.counts() == (read_graph().number_of_nodes(), read_graph().number_of_edges())
    True
    >>> store.node("cyclosporine")["label"]
    'Cyclosporine'
    >>> store.close()
    """

    dialect = cypher.LADYBUG

    def __init__(self, path: str | Path, *, scan_above: int | None = None) -> None:
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
        self._ready(meta, scan_above)

    def _ready(self, meta: Mapping[str, str], scan_above: int | None) -> None:
        """Check the schema version (written last: a partial load has none) and keep what every query needs."""
        if json.loads(meta.get("schema", "null")) != cypher.SCHEMA_VERSION:
            self.close()
            raise ReadError(f"{self.path}: not a complete database of this mechgraph version; import the graph again")
        self._graph_attributes: dict[str, Any] = json.loads(meta.get("graph", "{}"))
        self._meta = dict(meta)
        self._lock = threading.Lock()
        self._names_lock = threading.Lock()
        self._few = scan_above if scan_above is not None else max(_FEW, int(self._rows(self.dialect.count_relations)[0][0]) // _RELATIONS_PER_WALK)
        self._names: nx.MultiDiGraph | None = None

    # -- plumbing ---------------------------------------------------------------------------

    def _rows(self, query: str, parameters: Mapping[str, Any] | None = None) -> list[list[Any]]:
        return _all_rows(self._connection, query, parameters)

    def query(self, query: str, parameters: Mapping[str, Any] | None = None) -> list[list[Any]]:
        """Run one Cypher query (from :mod:`mechgraph.store.cypher`) and return its rows."""
        with self._lock:
            return self._rows(query, parameters)

    def _from_each(self, one: str, many: str | None, ids: Sequence[str]) -> list[list[Any]]:
        """The rows of ``one`` for each id (``$id``), or of ``many`` for them all (``$ids``) when
        there are more than a few."""
        if many is not None and len(ids) > self._few:
            return self.query(many, {"ids": list(ids)})
        with self._lock:
            rows: list[list[Any]] = []
            for node in ids:
                rows.extend(self._rows(one, {"id": node}))
            return rows

    def nodes_graph(self, nodes: Iterable[str]) -> nx.MultiDiGraph:
        """A graph of ``nodes`` (those the store has, in the graph's order) with no relations."""
        ids = list(dict.fromkeys(nodes))
        return self._graph(self.query(self.dialect.nodes_by_id, {"ids": ids}) if ids else (), ())

    def names_starting(self, text: str, limit: int) -> list[tuple[str, list[str]]]:
        """Up to ``limit`` (name ignoring case, its nodes) whose name begins with ``text``."""
        rows = self.query(self.dialect.names_prefix, {"prefix": lookup_keys(text)[0], "limit": limit})
        return [(str(key)[2:], [str(node) for node in json.loads(nodes)]) for key, nodes in rows]

    def meta_value(self, name: str) -> str | None:
        """The text of the ``Meta`` row ``name`` (the overview, the graph's attributes), or None."""
        return self._meta.get(name)

    def relations_graph(self, nodes: Iterable[str], ends: Iterable[tuple[str, str, int]]) -> nx.MultiDiGraph:
        """A graph of ``nodes`` and the relations at the positions given ((from, to, pos) rows)."""
        ids = list(dict.fromkeys(nodes))
        rows = self.query(self.dialect.nodes_by_id, {"ids": ids}) if ids else []
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
        rows = self._relations(self._from_each(self.dialect.edges_from_one, None, [node]))
        return [(row[1], json.loads(row[2]), _relation_data(row)) for row in sorted(rows, key=lambda row: row[3])]

    def predecessors(self, node: str) -> list[RelationRow]:
        rows = self._relations(self._from_each(self.dialect.edges_into_one, None, [node]))
        return [(row[0], json.loads(row[2]), _relation_data(row)) for row in sorted(rows, key=lambda row: (row[4], row[3]))]

    def step(self, nodes: Sequence[str], direction: str) -> list[str]:
        way = Direction(direction).value
        return list(dict.fromkeys(row[0] for row in self._from_each(self.dialect.step_one[way], self.dialect.step[way], nodes)))

    def reach(self, nodes: Iterable[str], depth: int | None, direction: str) -> dict[str, int]:
        start = [row[0] for row in self.query(self.dialect.nodes_by_id, {"ids": list(dict.fromkeys(nodes))})]
        distance = dict.fromkeys(start, 0)
        frontier = start
        level = 0
        while frontier and (depth is None or level < depth):
            level += 1
            following = [node for node in self.step(frontier, direction) if node not in distance]
            distance.update(dict.fromkeys(following, level))
            frontier = following
        return distance

    def subgraph(self, nodes: Iterable[str]) -> nx.MultiDiGraph:
        ids = list(dict.fromkeys(nodes))
        if not ids:
            return self._graph((), ())
        inside = set(ids)
        ends = [row for row in self._from_each(self.dialect.edges_from_one, self.dialect.edges_from, ids) if row[1] in inside]
        return self._graph(self.query(self.dialect.nodes_by_id, {"ids": ids}), self._relations(ends))

    def _relations(self, ends: list[list[Any]]) -> list[tuple[Any, ...]]:
        """Relation rows (from, to, key, pos, rpos, data, context, evidence) of (from, to, pos) rows."""
        if not ends:
            return []
        found = {row[0]: row for row in self.query(self.dialect.relation_data, {"positions": [row[2] for row in ends]})}
        rows = []
        for u, v, position in ends:
            _, key, rank, data, context, evidence = found[position]
            rows.append((u, v, key, position, rank, data, context, evidence))
        return rows

    def name_candidates(self, name: str) -> nx.MultiDiGraph:
        ids = list(dict.fromkeys(node for (nodes,) in self._from_each(self.dialect.names_one, None, lookup_keys(name)) for node in json.loads(nodes)))
        return self._graph(self.query(self.dialect.nodes_by_id, {"ids": ids}) if ids else (), ())

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

    def filter_candidates(
        self,
        *,
        kinds: frozenset[str] | None,
        relations: frozenset[str] | None,
        signs: frozenset[int] | None,
        mechanisms: frozenset[str] | None,
        edge_filter: bool,
    ) -> nx.MultiDiGraph:
        parameters: dict[str, Any] = {}
        for name, values in (("kinds", kinds), ("relations", relations), ("mechanisms", mechanisms)):
            if values is not None:
                parameters[name] = sorted(values)
        if signs is not None:
            parameters["signs"] = sorted(signs)
        edges = self.query(
            cypher.filter_edges(kinds=kinds is not None, relations=relations is not None, signs=signs is not None, mechanisms=mechanisms is not None),
            parameters,
        )
        if edge_filter:
            ends = {row[0] for row in edges} | {row[1] for row in edges}
            nodes = self.query(self.dialect.nodes_by_id, {"ids": sorted(ends)}) if ends else []
        else:
            nodes = self.query(cypher.filter_nodes(kinds is not None), {"kinds": sorted(kinds)} if kinds is not None else {})
        return self._graph(nodes, self._relations(edges))

    # -- building graphs ----------------------------------------------------------------------

    def _graph(self, nodes: Iterable[Sequence[Any]], edges: Iterable[Sequence[Any]]) -> nx.MultiDiGraph:
        """A graph of node rows (id, pos, data) and relation rows (from, to, key, pos, rpos, data,
        context, evidence).

        The rows are put in the graph's order: the nodes, each node's successors and each
        node's predecessors come in the order they have in the graph that was imported, so a
        breadth-first walk meets them in the same order.
        """
        graph = nx.MultiDiGraph()
        graph.graph.update(self.graph_attributes())
        node_table, succ, pred = graph._node, graph._succ, graph._pred
        for node, _, data in sorted(nodes, key=lambda row: row[1]):
            node_table[node] = json.loads(data)
            succ[node], pred[node] = {}, {}
        incoming: list[tuple[int, int, str, str, dict[Any, Any]]] = []
        for row in sorted(edges, key=lambda row: row[3]):
            u, v, key, position, rank = row[:5]
            if u not in node_table or v not in node_table:
                continue
            keydict = succ[u].get(v)
            if keydict is None:
                keydict = succ[u][v] = {}  # one key dict for both directions, as networkx keeps it
                incoming.append((rank, position, v, u, keydict))
            keydict[json.loads(key)] = _relation_data(row)
        for _, _, v, u, keydict in sorted(incoming, key=lambda item: item[:2]):
            pred[v][u] = keydict
        return graph


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
