"""A graph store on a Neo4j or Memgraph server, over Bolt with the official ``neo4j`` driver.

The store asks the same questions as :class:`~mechgraph.store.LadybugStore`, in the Cypher of
:data:`mechgraph.store.cypher.BOLT`, and builds its answers the same way; only the connection
differs. :func:`write_bolt` loads a graph in batches (``UNWIND $rows``). A server cannot swap a
whole database in one step as a file can be renamed, so the load is not atomic: the schema
version is written last, and a store refuses to open a database without it (a load that failed
half way); ``force=True`` clears the mechgraph labels first.

The driver is not a dependency of mechgraph (``pip install neo4j``). No server can be installed
where mechgraph is developed: ``tests/test_store_bolt.py`` runs against one when
``MECHGRAPH_BOLT_URL`` is set (see docs/scale.md), and otherwise checks this module's plumbing
with a stand-in driver that forwards the queries to a Ladybug database.
"""

from __future__ import annotations

import csv
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import ReadError
from ..fileio import OutputExists
from . import cypher
from .ladybug import LadybugStore
from .write import _first_line, _write_rows

__all__ = ["BoltStore", "write_bolt"]

_INTEGER_COLUMNS = frozenset({"pos", "rpos", "sign", "first"})
_BATCH = 10_000
_LABELS = ("Node", "RelationData", "Name", "Meta")


def _driver(url: str, auth: tuple[str, str] | None) -> Any:
    try:
        from neo4j import GraphDatabase
    except ImportError:
        raise ReadError("a Bolt store needs the neo4j driver: pip install neo4j") from None
    return GraphDatabase.driver(url, auth=auth)


def _driver_errors() -> tuple[type[BaseException], ...]:
    """What the driver raises when a server cannot answer (and a stand-in driver's RuntimeError)."""
    try:
        from neo4j.exceptions import DriverError, Neo4jError
    except ImportError:
        return (RuntimeError, OSError)
    return (DriverError, Neo4jError, RuntimeError, OSError)


class BoltStore(LadybugStore):
    """A mechgraph graph on a Neo4j or Memgraph server (written by :func:`write_bolt`).

    ``driver`` is a ``neo4j`` driver (or anything with its ``execute_query`` and ``close``);
    by default one is made from ``url`` and ``auth``.
    """

    dialect = cypher.BOLT

    def __init__(
        self,
        url: str,
        *,
        auth: tuple[str, str] | None = None,
        database: str | None = None,
        driver: Any = None,
    ) -> None:
        self.path = Path(url)  # named in messages
        self._url, self._database_name = url, database
        self._driver = driver if driver is not None else _driver(url, auth)
        try:
            meta = dict(self._rows(self.dialect.meta))
        except _driver_errors() as error:
            self._driver.close()
            raise ReadError(f"{url}: cannot read a mechgraph graph ({_first_line(error)})") from None
        self._ready(meta)

    def _rows(self, query: str, parameters: Mapping[str, Any] | None = None) -> list[list[Any]]:
        records, _, _ = self._driver.execute_query(query, dict(parameters or {}), database_=self._database_name)
        return [list(record.values()) for record in records]

    def close(self) -> None:
        driver = getattr(self, "_driver", None)
        if driver is not None:
            driver.close()


def write_bolt(
    graph: nx.MultiDiGraph,
    url: str,
    *,
    auth: tuple[str, str] | None = None,
    database: str | None = None,
    force: bool = False,
    driver: Any = None,
) -> int:
    """Load ``graph`` into the server at ``url``; returns the number of rows sent.

    Raises :class:`~mechgraph.fileio.OutputExists` when the server already holds a mechgraph
    graph and ``force`` is not given.
    """
    owned = driver is None  # a driver made here is closed here
    driver = _driver(url, auth) if driver is None else driver

    def run(query: str, parameters: Mapping[str, Any] | None = None) -> list[Any]:
        records, _, _ = driver.execute_query(query, dict(parameters or {}), database_=database)
        return list(records)

    try:
        if run("MATCH (n:Node) RETURN count(n)")[0][0] and not force:
            raise OutputExists(f"{url} already holds a mechgraph graph: pass force=True to replace it")
        for label in _LABELS:
            run(f"MATCH (n:{label}) DETACH DELETE n")
        for statement in cypher.BOLT.schema:
            run(statement)
        sent = 0
        with tempfile.TemporaryDirectory(prefix="mechgraph-bolt-") as work:
            tables = _write_rows(graph, Path(work))
            for table, rows in tables.items():  # Meta, with the schema version, last
                with rows.path.open(encoding="utf-8", newline="") as handle:
                    batch: list[dict[str, Any]] = []
                    for row in csv.DictReader(handle):
                        batch.append({name: int(value) if name in _INTEGER_COLUMNS else value for name, value in row.items()})
                        if len(batch) == _BATCH:
                            run(cypher.BOLT_LOAD[table], {"rows": batch})
                            sent, batch = sent + len(batch), []
                    if batch:
                        run(cypher.BOLT_LOAD[table], {"rows": batch})
                        sent += len(batch)
        return sent
    finally:
        if owned:
            driver.close()
