"""Every Cypher text mechgraph sends to a graph database, one variant per backend.

The query layer asks a store for small things (nodes by id, the relations among some nodes, one
breadth-first step, the nodes a name may stand for) and runs mechgraph's own query functions on
what comes back, so a store's Cypher stays simple and the answers match the in-memory ones.
Dialects differ in schema statements, bulk loading and list parameters, so each backend gets a
:class:`Dialect`; the query texts proper are shared where the dialects agree.

The schema (one label for nodes, one type for relations):

- ``Node``: ``id`` (primary key), ``pos`` (the node's place in the graph's order), ``kind``,
  ``label``, ``process``, ``phase``, ``synonyms`` and ``identifiers`` (JSON lists), ``data`` (JSON
  of every attribute, so a node reads back exactly as it was written); and its adjacency, what
  walks read: ``out`` (JSON list of the other end of each relation out, in the graph's order: a
  node's relations out are consecutive in the graph's order, at the positions from ``first``) and
  ``inn`` (JSON list of the nodes with a relation into it, in the graph's order);
- ``Relation`` (``Node`` to ``Node``), what the overview's aggregates read: ``pos`` (the
  relation's place in the graph's order), ``sign`` (the effective sign: the ``sign`` attribute,
  else the relation's);
- ``RelationData`` (``pos``, primary key), what answers return: ``key`` (JSON of the networkx
  key), ``id``, ``rpos`` (the source's place among the sources of the target), ``context`` and
  ``evidence`` (JSON; "" when the relation has none), ``data`` (JSON of the other attributes, 0
  holding the place of context and evidence); and what filters test: ``src``, ``dst``, their
  kinds ``src_kind`` and ``dst_kind``, ``relation``, ``sign``, ``mechanism`` (``unspecified`` when none).
  Fetched by primary key for the relations an answer keeps, and scanned (a node table: columns
  read in order, no walk) by a filter;
- ``Name``: ``key`` (primary key: a lookup key of :mod:`mechgraph.store.names`), ``nodes`` (JSON
  list of the ids of the nodes it names): the index by which a typed name is resolved;
- ``Meta`` (``name``, ``value`` JSON): the graph's own attributes and the schema version.

Lists of ids are sent as ``UNWIND $ids AS i MATCH (n:Node {id: i})``, one primary-key lookup
each (about 15 us): ``WHERE n.id IN $ids`` compares every node with every id. A walk over
``Relation`` from a list of nodes is planned by Ladybug as a scan of every relation joined with
the list, whatever its length (a second on a million relations), so walks and subgraphs read the
adjacency of their nodes by primary key instead; a node's own relations (``*_one``) are still
followed one node at a time.
"""

from __future__ import annotations

from dataclasses import dataclass

from .base import Pushdown

__all__ = ["BOLT", "LADYBUG", "SCHEMA_VERSION", "Dialect", "filter_nodes", "filter_positions", "filter_relations", "overview_hubs"]

SCHEMA_VERSION = 5

#: Columns of the bulk-load files, in order (the CSV headers of the Ladybug loader).
NODE_COLUMNS = ("id", "pos", "kind", "label", "process", "phase", "synonyms", "identifiers", "data", "first", "out", "inn")
RELATION_COLUMNS = ("from", "to", "pos", "sign")
RELATION_DATA_COLUMNS = ("pos", "key", "id", "rpos", "context", "evidence", "data", "src", "dst", "relation", "sign", "mechanism", "src_kind", "dst_kind")
NAME_COLUMNS = ("key", "nodes")
META_COLUMNS = ("name", "value")

_NODE = "n.id, n.pos, n.data"
#: The detail of a node's group in an overview: an agent's class (``$pattern`` reads it from the
#: node's JSON), a process's kind, else none (mechgraph.query.overview groups nodes so).
_DETAIL = "CASE WHEN {n}.kind = 'agent' THEN regexp_extract({n}.data, $pattern, 1) WHEN {n}.kind = 'process' THEN {n}.process ELSE '' END"
_EDGE = "a.id, b.id, r.pos"


@dataclass(frozen=True)
class Dialect:
    """The Cypher of one backend."""

    name: str
    schema: tuple[str, ...]
    #: ``{table}``, ``{path}`` and ``{parallel}`` are filled in by the loader (paths it wrote itself).
    copy: str = ""
    nodes_by_id: str = f"UNWIND $ids AS i MATCH (n:Node {{id: i}}) RETURN {_NODE}"
    #: relation rows by position, with their ends: (from, to, key, pos, rpos, data, context, evidence)
    relation_rows: str = "UNWIND $positions AS p MATCH (d:RelationData {pos: p}) RETURN d.src, d.dst, d.key, d.pos, d.rpos, d.data, d.context, d.evidence"
    relation_data: str = "UNWIND $positions AS p MATCH (d:RelationData {pos: p}) RETURN d.pos, d.key, d.rpos, d.data, d.context, d.evidence"
    #: each node's relations out and the nodes before it, in the graph's order (see the schema)
    adjacency: str = "UNWIND $ids AS i MATCH (n:Node {id: i}) RETURN n.id, n.first, n.out, n.inn"
    #: nodes by id with the other ends of their relations out (a subgraph's nodes and relations)
    nodes_out: str = "UNWIND $ids AS i MATCH (n:Node {id: i}) RETURN n.id, n.pos, n.data, n.first, n.out"
    edges_from_one: str = f"MATCH (a:Node {{id: $id}})-[r:Relation]->(b:Node) RETURN {_EDGE}"
    edges_into_one: str = f"MATCH (a:Node)-[r:Relation]->(b:Node {{id: $id}}) RETURN {_EDGE}"
    names_one: str = "MATCH (k:Name {key: $id}) RETURN k.nodes"
    #: lookup keys (of one kind: ``t:`` text ignoring case) that begin with ``$prefix``: a scan of
    #: the names, a fraction of a second on a million relations
    names_prefix: str = "MATCH (k:Name) WHERE k.key STARTS WITH $prefix RETURN k.key, k.nodes LIMIT $limit"
    all_names: str = "MATCH (n:Node) RETURN n.id, n.label, n.synonyms, n.identifiers, n.process ORDER BY n.pos"
    count_nodes: str = "MATCH (n:Node) RETURN count(n)"
    count_relations: str = "MATCH (:Node)-[r:Relation]->(:Node) RETURN count(r)"
    meta: str = "MATCH (m:Meta) RETURN m.name, m.value"
    #: the overview of the whole store (mechgraph.store.overview): written once, at import
    meta_set: str = "MERGE (m:Meta {name: $name}) SET m.value = $value"
    #: nodes per group of the overview: kind, and agent class (read from the node's JSON by
    #: ``$pattern``) or process kind
    overview_groups: str = f"MATCH (n:Node) RETURN n.kind, {_DETAIL.format(n='n')}, count(*)"
    #: relations per (hub or group, hub or group, sign); ``$hubs``: the ids of the hubs
    overview_links: str = (
        "MATCH (a:Node)-[r:Relation]->(b:Node) "
        f"WITH CASE WHEN a.id IN $hubs THEN a.id ELSE '' END AS x, a.kind AS xk, CASE WHEN a.id IN $hubs THEN '' ELSE {_DETAIL.format(n='a')} END AS xd, "
        f"CASE WHEN b.id IN $hubs THEN b.id ELSE '' END AS y, b.kind AS yk, CASE WHEN b.id IN $hubs THEN '' ELSE {_DETAIL.format(n='b')} END AS yd, "
        "r.sign AS s RETURN x, xk, xd, y, yk, yd, s, count(*)"
    )
    #: the relations among the hubs: (from, to, pos)
    overview_hub_relations: str = f"UNWIND $hubs AS i MATCH (a:Node {{id: i}})-[r:Relation]->(b:Node) WHERE b.id IN $hubs RETURN {_EDGE}"
    #: the ids of some members of one group (kind and detail), in the graph's order
    group_members: str = f"MATCH (n:Node) WHERE n.kind = $kind AND {_DETAIL.format(n='n')} = $detail RETURN n.id ORDER BY n.pos LIMIT $limit"
    #: the ids of some members of the groups of one kind (a merged group)
    kind_members: str = "MATCH (n:Node) WHERE n.kind = $kind RETURN n.id ORDER BY n.pos LIMIT $limit"


LADYBUG = Dialect(
    name="ladybug",
    schema=(
        (
            "CREATE NODE TABLE Node(id STRING, pos INT64, kind STRING, label STRING, process STRING, phase STRING, "
            "synonyms STRING, identifiers STRING, data STRING, first INT64, out STRING, inn STRING, PRIMARY KEY(id))"
        ),
        "CREATE REL TABLE Relation(FROM Node TO Node, pos INT64, sign INT8)",
        (
            "CREATE NODE TABLE RelationData(pos INT64, key STRING, id STRING, rpos INT64, context STRING, evidence STRING, data STRING, "
            "src STRING, dst STRING, relation STRING, sign INT8, mechanism STRING, src_kind STRING, dst_kind STRING, PRIMARY KEY(pos))"
        ),
        "CREATE NODE TABLE Name(key STRING, nodes STRING, PRIMARY KEY(key))",
        "CREATE NODE TABLE Meta(name STRING, value STRING, PRIMARY KEY(name))",
    ),
    copy="COPY {table} FROM '{path}' (header=true, escape='\"', parallel={parallel})",
)

#: Neo4j 5 over Bolt (the ``neo4j`` driver; see mechgraph.store.bolt). Loading sends rows in batches with
#: ``UNWIND``; the per-query texts are those of :data:`LADYBUG`, whose Cypher Neo4j reads too.
BOLT = Dialect(
    name="bolt",
    schema=(
        "CREATE CONSTRAINT mechgraph_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE",
        "CREATE CONSTRAINT mechgraph_relation_pos IF NOT EXISTS FOR (d:RelationData) REQUIRE d.pos IS UNIQUE",
        "CREATE CONSTRAINT mechgraph_name_key IF NOT EXISTS FOR (k:Name) REQUIRE k.key IS UNIQUE",
        "CREATE CONSTRAINT mechgraph_meta_name IF NOT EXISTS FOR (m:Meta) REQUIRE m.name IS UNIQUE",
    ),
)

#: Bolt batch loaders: one ``UNWIND $rows`` statement per table, rows as maps named by the columns.
BOLT_LOAD = {
    "Node": "UNWIND $rows AS row CREATE (n:Node) SET n = row",
    "Relation": ("UNWIND $rows AS row MATCH (a:Node {id: row.from}), (b:Node {id: row.to}) CREATE (a)-[r:Relation]->(b) SET r = row {.pos, .sign}"),
    "RelationData": "UNWIND $rows AS row CREATE (d:RelationData) SET d = row",
    "Name": "UNWIND $rows AS row CREATE (k:Name) SET k = row",
    "Meta": "UNWIND $rows AS row CREATE (m:Meta) SET m = row",
}


def filter_nodes(pushdown: Pushdown, *, paged: bool = False) -> str:
    """Nodes that may pass a node filter: only ``kind`` is tested (the rest is checked in memory).
    Paged: the ids and positions of the first ``$limit`` after the position ``$after``.

    >>> filter_nodes(Pushdown(kinds=frozenset({"agent"})))
    'MATCH (n:Node) WHERE n.kind IN $kinds RETURN n.id, n.pos, n.data'
    >>> filter_nodes(Pushdown(), paged=True)
    'MATCH (n:Node) WHERE n.pos > $after RETURN n.id, n.pos ORDER BY n.pos LIMIT $limit'
    """
    tests = [*(["n.pos > $after"] if paged else []), *(["n.kind IN $kinds"] if pushdown.kinds is not None else [])]
    where = f" WHERE {' AND '.join(tests)}" if tests else ""
    return f"MATCH (n:Node){where} RETURN n.id, n.pos ORDER BY n.pos LIMIT $limit" if paged else f"MATCH (n:Node){where} RETURN {_NODE}"


def filter_relations(pushdown: Pushdown) -> str:
    """Relations that may pass a filter, as (from, to, pos): the ends' kinds, the relation, the
    sign and the mechanism are tested on ``RelationData`` (one scan of a node table, no walk);
    the parameters are lists named as the tests (:meth:`Pushdown.parameters`).

    >>> filter_relations(Pushdown(kinds=frozenset({"agent"}), signs=frozenset({1})))
    'MATCH (d:RelationData) WHERE d.src_kind IN $kinds AND d.dst_kind IN $kinds AND d.sign IN $signs RETURN d.src, d.dst, d.pos'
    """
    tests = _relation_tests(pushdown)
    where = f" WHERE {' AND '.join(tests)}" if tests else ""
    return f"MATCH (d:RelationData){where} RETURN d.src, d.dst, d.pos"


def filter_positions(pushdown: Pushdown, start: int, end: int | None = None) -> str:
    """The positions, in the graph's order, of the first ``$limit`` relations from position
    ``start`` (to ``end``, not included) that may pass a filter (the tests of
    :func:`filter_relations`). Sorting carries the positions alone (the ends come with the
    relations' data). The range is written into the text, as whole numbers: Ladybug skips the
    stored chunks outside a range of constants, not of parameters (at 1M relations, 17 ms instead
    of 80 for 131,072 positions).

    >>> filter_positions(Pushdown(relations=frozenset({"inhibits"})), 0, 1024)
    'MATCH (d:RelationData) WHERE d.pos >= 0 AND d.pos < 1024 AND d.relation IN $relations RETURN d.pos ORDER BY d.pos LIMIT $limit'
    """
    bounds = [f"d.pos >= {int(start)}", *([f"d.pos < {int(end)}"] if end is not None else [])]
    return f"MATCH (d:RelationData) WHERE {' AND '.join([*bounds, *_relation_tests(pushdown)])} RETURN d.pos ORDER BY d.pos LIMIT $limit"


def _relation_tests(pushdown: Pushdown) -> list[str]:
    tests = []
    if pushdown.kinds is not None:
        tests += ["d.src_kind IN $kinds", "d.dst_kind IN $kinds"]
    for name in ("relations", "signs", "mechanisms"):
        if getattr(pushdown, name) is not None:
            tests.append(f"d.{name[:-1]} IN ${name}")
    return tests


def overview_hubs(kinds: tuple[str, ...]) -> str:
    """The ``$limit`` most connected nodes (relations in and out), ties broken as
    :func:`mechgraph.query.overview.overview` does: kinds in the order given, then by id.

    >>> overview_hubs(("agent", "target")).split("WITH n, count(r) AS d ")[1]
    "RETURN n.id, d ORDER BY d DESC, CASE n.kind WHEN 'agent' THEN 0 WHEN 'target' THEN 1 ELSE 99 END, n.id LIMIT $limit"
    """
    order = " ".join(f"WHEN '{kind}' THEN {index}" for index, kind in enumerate(kinds))
    return (
        "MATCH (n:Node) OPTIONAL MATCH (n)-[r:Relation]-(:Node) WITH n, count(r) AS d "
        f"RETURN n.id, d ORDER BY d DESC, CASE n.kind {order} ELSE 99 END, n.id LIMIT $limit"
    )
