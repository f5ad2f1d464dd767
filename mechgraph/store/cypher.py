"""Every Cypher text mechgraph sends to a graph database, one variant per backend.

The query layer asks a store for small things (nodes by id, the relations among some nodes, one
breadth-first step, the nodes a name may stand for) and runs mechgraph's own query functions on
what comes back, so a store's Cypher stays simple and the answers match the in-memory ones.
Dialects differ in schema statements, bulk loading and list parameters, so each backend gets a
:class:`Dialect`; the query texts proper are shared where the dialects agree.

The schema (one label for nodes, one type for relations):

- ``Node``: ``id`` (primary key), ``pos`` (the node's place in the graph's order), ``kind``,
  ``label``, ``process``, ``phase``, ``synonyms`` and ``identifiers`` (JSON lists), ``data`` (JSON
  of every attribute, so a node reads back exactly as it was written);
- ``Relation`` (``Node`` to ``Node``): ``key`` (JSON of the networkx key), ``id``, ``pos`` (the relation's place in the
  graph's order), ``rpos`` (its source's place among the sources of its target),
  ``relation``, ``sign`` (the effective sign: the ``sign`` attribute, else the relation's),
  ``mechanism`` (``unspecified`` when none), ``context`` and ``evidence`` (JSON; "" when the relation
  has none), ``data`` (JSON of the other attributes, with 0 holding the place of context and evidence);
- ``Name`` (``key``: a lookup key of :mod:`mechgraph.store.names`) ``-[:Names]->`` ``Node``: the
  index by which a typed name is resolved;
- ``Meta`` (``name``, ``value`` JSON): the graph's own attributes and the schema version.
"""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["BOLT", "LADYBUG", "Dialect", "SCHEMA_VERSION", "filter_edges", "filter_nodes"]

SCHEMA_VERSION = 1

#: Columns of the bulk-load files, in order (the CSV headers of the Ladybug loader).
NODE_COLUMNS = ("id", "pos", "kind", "label", "process", "phase", "synonyms", "identifiers", "data")
RELATION_COLUMNS = ("from", "to", "key", "id", "pos", "rpos", "relation", "sign", "mechanism", "context", "evidence", "data")
NAME_COLUMNS = ("key",)
NAMES_COLUMNS = ("from", "to")
META_COLUMNS = ("name", "value")

_NODE = "n.id, n.pos, n.data"
_EDGE = "a.id, b.id, r.key, r.pos, r.rpos, r.data, r.context, r.evidence"


@dataclass(frozen=True)
class Dialect:
    """The Cypher of one backend."""

    name: str
    schema: tuple[str, ...]
    #: ``{table}``, ``{path}`` and ``{parallel}`` are filled in by the loader (paths it wrote itself).
    copy: str = ""
    nodes_by_id: str = f"MATCH (n:Node) WHERE n.id IN $ids RETURN {_NODE}"
    edges_among: str = f"MATCH (a:Node)-[r:Relation]->(b:Node) WHERE a.id IN $ids AND b.id IN $ids RETURN {_EDGE}"
    step: dict[str, str] = field(
        default_factory=lambda: {
            "down": "MATCH (a:Node)-[:Relation]->(b:Node) WHERE a.id IN $ids RETURN DISTINCT b.id",
            "up": "MATCH (a:Node)<-[:Relation]-(b:Node) WHERE a.id IN $ids RETURN DISTINCT b.id",
        }
    )
    edges_out: str = f"MATCH (a:Node)-[r:Relation]->(b:Node) WHERE a.id = $id RETURN {_EDGE}"
    edges_in: str = f"MATCH (a:Node)-[r:Relation]->(b:Node) WHERE b.id = $id RETURN {_EDGE}"
    names: str = "MATCH (k:Name)-[:Names]->(n:Node) WHERE k.key IN $keys RETURN DISTINCT n.id"
    all_names: str = "MATCH (n:Node) RETURN n.id, n.label, n.synonyms, n.identifiers, n.process ORDER BY n.pos"
    count_nodes: str = "MATCH (n:Node) RETURN count(n)"
    count_relations: str = "MATCH (:Node)-[r:Relation]->(:Node) RETURN count(r)"
    meta: str = "MATCH (m:Meta) RETURN m.name, m.value"


LADYBUG = Dialect(
    name="ladybug",
    schema=(
        "CREATE NODE TABLE Node(id STRING, pos INT64, kind STRING, label STRING, process STRING, phase STRING, "
        "synonyms STRING, identifiers STRING, data STRING, PRIMARY KEY(id))",
        "CREATE REL TABLE Relation(FROM Node TO Node, key STRING, id STRING, pos INT64, rpos INT64, relation STRING, sign INT8, "
        "mechanism STRING, context STRING, evidence STRING, data STRING)",
        "CREATE NODE TABLE Name(key STRING, PRIMARY KEY(key))",
        "CREATE REL TABLE Names(FROM Name TO Node)",
        "CREATE NODE TABLE Meta(name STRING, value STRING, PRIMARY KEY(name))",
    ),
    copy="COPY {table} FROM '{path}' (header=true, escape='\"', parallel={parallel})",
)

#: Neo4j 5 and Memgraph over Bolt (the ``neo4j`` driver). Loading sends rows in batches with
#: ``UNWIND``; the per-query texts are those of :data:`LADYBUG`, whose Cypher both servers read.
BOLT = Dialect(
    name="bolt",
    schema=(
        "CREATE CONSTRAINT mechgraph_node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE",
        "CREATE CONSTRAINT mechgraph_name_key IF NOT EXISTS FOR (k:Name) REQUIRE k.key IS UNIQUE",
        "CREATE CONSTRAINT mechgraph_meta_name IF NOT EXISTS FOR (m:Meta) REQUIRE m.name IS UNIQUE",
    ),
    step={
        "down": "MATCH (a:Node)-[:Relation]->(b:Node) WHERE a.id IN $ids RETURN DISTINCT b.id",
        "up": "MATCH (a:Node)<-[:Relation]-(b:Node) WHERE a.id IN $ids RETURN DISTINCT b.id",
    },
)

#: Bolt batch loaders: one ``UNWIND $rows`` statement per table.
BOLT_LOAD = {
    "Node": "UNWIND $rows AS row CREATE (n:Node) SET n = row",
    "Relation": (
        "UNWIND $rows AS row MATCH (a:Node {id: row.from}), (b:Node {id: row.to}) "
        "CREATE (a)-[r:Relation]->(b) SET r = row {.key, .id, .pos, .rpos, .relation, .sign, .mechanism, .context, .evidence, .data}"
    ),
    "Name": "UNWIND $rows AS row CREATE (:Name {key: row.key})",
    "Names": "UNWIND $rows AS row MATCH (k:Name {key: row.from}), (n:Node {id: row.to}) CREATE (k)-[:Names]->(n)",
    "Meta": "UNWIND $rows AS row CREATE (m:Meta) SET m = row",
}


def filter_nodes(kinds: bool) -> str:
    """Nodes that may pass a node filter: only ``kind`` is pushed down (the rest is checked in memory).

    >>> filter_nodes(True)
    'MATCH (n:Node) WHERE n.kind IN $kinds RETURN n.id, n.pos, n.data'
    """
    where = " WHERE n.kind IN $kinds" if kinds else ""
    return f"MATCH (n:Node){where} RETURN {_NODE}"


def filter_edges(*, kinds: bool, relations: bool, signs: bool, mechanisms: bool) -> str:
    """Relations that may pass a filter: the endpoints' kinds, the relation, the sign and the
    mechanism are pushed down; the parameters are lists named like the arguments.

    >>> filter_edges(kinds=True, relations=False, signs=True, mechanisms=False)
    'MATCH (a:Node)-[r:Relation]->(b:Node) WHERE a.kind IN $kinds AND b.kind IN $kinds AND r.sign IN $signs RETURN a.id, b.id, r.key, r.pos, r.rpos, r.data, r.context, r.evidence'
    """
    tests = []
    if kinds:
        tests += ["a.kind IN $kinds", "b.kind IN $kinds"]
    if relations:
        tests.append("r.relation IN $relations")
    if signs:
        tests.append("r.sign IN $signs")
    if mechanisms:
        tests.append("r.mechanism IN $mechanisms")
    where = f" WHERE {' AND '.join(tests)}" if tests else ""
    return f"MATCH (a:Node)-[r:Relation]->(b:Node){where} RETURN {_EDGE}"
