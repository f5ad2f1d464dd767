"""Writing a Ladybug database (``mechgraph import``): the graph becomes CSV files in a temporary
folder beside the target, bulk-loaded with ``COPY FROM`` (columnar, parallel unless some text
spans lines); the database is closed and renamed onto the target, so an interrupted or failed
import leaves whatever was at the target before, and nothing half-written."""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import StoreError
from ..fileio import WriteError, check_output
from ..query._common import edge_sign
from ..vocabulary import UNSPECIFIED, Attr
from . import cypher
from .names import name_rows
from .overview import write_summary

__all__ = ["WriteSummary", "example_database", "write_database"]

_WRITE_BUFFER = 2 * 1024 * 1024 * 1024
_ENCODER = json.JSONEncoder(ensure_ascii=False, allow_nan=False, separators=(",", ":"))
_CONTEXT, _EVIDENCE = Attr.CONTEXT.value, Attr.EVIDENCE.value


@dataclass(frozen=True)
class WriteSummary:
    """What :func:`write_database` wrote."""

    path: Path
    nodes: int
    relations: int
    names: int
    bytes: int

    def to_dict(self) -> dict[str, Any]:
        return {"path": str(self.path), "nodes": self.nodes, "relations": self.relations, "names": self.names, "bytes": self.bytes}


_effective_sign = edge_sign  # the one rule: the sign attribute, else the relation's


def _json(value: Any, where: str) -> str:
    try:
        return _ENCODER.encode(value)
    except (TypeError, ValueError) as error:
        raise StoreError(f"{where}: cannot be stored ({error})") from None


class _Rows:
    """CSV rows for one table, written as they come; notes whether a text spans lines (JSON
    never does: it escapes line breaks), as the loader then has to read the file in one thread."""

    def __init__(self, path: Path, columns: Sequence[str]) -> None:
        self.path = path
        self.handle = path.open("w", encoding="utf-8", newline="")
        self.writer = csv.writer(self.handle, quoting=csv.QUOTE_ALL, lineterminator="\n")
        self.writer.writerow(columns)
        self.count = 0
        self.multiline = False

    def add(self, row: Sequence[Any], *texts: str) -> None:
        """Add a row; ``texts`` are its values that are not JSON."""
        if not self.multiline:
            joined = "".join(texts)
            self.multiline = "\n" in joined or "\r" in joined
        self.writer.writerow(row)
        self.count += 1

    def close(self) -> None:
        self.handle.close()


def write_database(
    graph: nx.MultiDiGraph,
    path: str | Path,
    *,
    force: bool = False,
    progress: Callable[[str], None] | None = None,
) -> WriteSummary:
    """Write ``graph`` as a Ladybug database at ``path``, atomically.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A mechgraph graph (node ids are text); it is not modified.
    path : str or Path
        The database file to create.
    force : bool
        Replace an existing database at ``path``.
    progress : callable, optional
        Called with a short line as each stage starts.

    Raises
    ------
    OutputExists
        ``path`` exists and ``force`` is not given.
    StoreError
        A node or relation cannot be stored (the message names it and its attribute).

    Examples
    --------
    >>> import tempfile
    >>> from mechgraph.graph import read_graph
    >>> target = Path(tempfile.mkdtemp()) / "bundled.lbug"
    >>> summary = write_database(read_graph(), target)
    >>> summary.relations == read_graph().number_of_edges()
    True
    """
    import ladybug

    target, folder = check_output(path, force=force, replacing="replace")
    say = progress or (lambda line: None)
    try:
        work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".part", dir=folder))
    except OSError as error:
        raise WriteError(f"cannot write {target}: {error.strerror or error}") from None
    try:
        say(f"writing rows of {graph.number_of_nodes()} nodes and {graph.number_of_edges()} relations")
        tables = _write_rows(graph, work)
        database_file = work / "graph.lbug"
        database = ladybug.Database(str(database_file), buffer_pool_size=_WRITE_BUFFER)
        connection = ladybug.Connection(database)
        try:
            for statement in cypher.LADYBUG.schema:
                connection.execute(statement)
            for table, rows in tables.items():
                say(f"loading {rows.count} {table} rows")
                if rows.count:
                    statement = cypher.LADYBUG.copy.format(table=table, path=str(rows.path).replace("'", "\\'"), parallel="false" if rows.multiline else "true")
                    connection.execute(statement)
            say("summarising the graph for the dashboard's overview")
            write_summary(lambda query, parameters: _all_rows(connection, query, parameters))
        except RuntimeError as error:
            raise StoreError(f"cannot write {target}: the database refused the data ({error})") from None
        finally:
            connection.close()
            database.close()
        leftovers = [item.name for item in work.iterdir() if item.name.startswith("graph.lbug") and item != database_file]
        if leftovers:
            raise StoreError(f"cannot write {target}: the database left {', '.join(leftovers)} behind")
        size = database_file.stat().st_size
        os.chmod(database_file, 0o644)
        os.replace(database_file, target)
    except OSError as error:
        raise WriteError(f"cannot write {target}: {error.strerror or error}") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    say(f"wrote {target}")
    return WriteSummary(target, tables["Node"].count, tables["Relation"].count, tables["Name"].count, size)


def example_database() -> Path:
    """The bundled graph written as a database in a new temporary folder (for examples)."""
    from ..graph import read_graph

    target = Path(tempfile.mkdtemp()) / "bundled.lbug"
    write_database(read_graph(), target)
    return target


def _write_rows(graph: nx.MultiDiGraph, work: Path) -> dict[str, _Rows]:
    tables = {
        "Node": _Rows(work / "nodes.csv", cypher.NODE_COLUMNS),
        "Relation": _Rows(work / "relations.csv", cypher.RELATION_COLUMNS),
        "RelationData": _Rows(work / "relation-data.csv", cypher.RELATION_DATA_COLUMNS),
        "Name": _Rows(work / "names.csv", cypher.NAME_COLUMNS),
        "Meta": _Rows(work / "meta.csv", cypher.META_COLUMNS),
    }
    try:
        node_rows, relation_rows, data_rows, meta_rows = tables["Node"], tables["Relation"], tables["RelationData"], tables["Meta"]
        owners: dict[str, list[str]] = {}  # lookup key -> the nodes it names
        label_key, synonyms_key, identifiers_key = Attr.LABEL.value, Attr.SYNONYMS.value, Attr.IDENTIFIERS.value
        kind_key, process_key, phase_key = Attr.KIND.value, Attr.PROCESS.value, Attr.PHASE.value
        first = 0  # the position of the node's first relation out: a node's relations out are consecutive
        for position, (node, data) in enumerate(graph.nodes(data=True)):
            if not isinstance(node, str):
                raise StoreError(f"node {node!r}: ids must be text to be stored, not {type(node).__name__}")
            where = f"node {node!r}"
            kind, label = str(data.get(kind_key) or ""), str(data.get(label_key) or "")
            process, phase = str(data.get(process_key) or ""), str(data.get(phase_key) or "")
            out = [target for target, keydict in graph._succ[node].items() for _ in keydict]
            node_rows.add(
                (
                    node, position, kind, label, process, phase,
                    _json([str(item) for item in data.get(synonyms_key) or ()], f"{where} field synonyms"),
                    _json([str(item) for item in data.get(identifiers_key) or ()], f"{where} field identifiers"),
                    _json(dict(data), where),
                    first, _ENCODER.encode(out), _ENCODER.encode(list(graph._pred[node])),
                ),
                node, kind, label, process, phase,
            )  # fmt: skip
            first += len(out)
            for key in name_rows(node, data):
                found = owners.get(key)
                if found is None:
                    owners[key] = [node]
                else:
                    found.append(node)
        names = tables["Name"]
        for key, nodes in owners.items():
            names.add((key, _json(nodes, f"name {key[2:]!r}")), key)
        del owners
        relation_key, mechanism_key = Attr.RELATION.value, Attr.MECHANISM.value
        id_key = Attr.ID.value
        kinds = {node: str(data.get(kind_key) or "") for node, data in graph.nodes(data=True)}
        ranks: dict[str, dict[str, int]] = {}  # target -> source -> its place among the target's sources

        def rank(u: str, v: str) -> int:
            places = ranks.get(v)
            if places is None:
                places = ranks[v] = {other: place for place, other in enumerate(graph._pred[v])}
            return places[u]

        for position, (u, v, key, data) in enumerate(graph.edges(keys=True, data=True)):
            where = f"relation {key!r} ({u} -> {v})"
            identifier = str(data.get(id_key) if data.get(id_key) is not None else key)
            relation, mechanism = str(data.get(relation_key) or ""), str(data.get(mechanism_key) or UNSPECIFIED)
            # context and evidence have columns of their own: the data keeps their place only
            context = _json(data[_CONTEXT], f"{where} field context") if _CONTEXT in data else ""
            evidence = _json(data[_EVIDENCE], f"{where} field evidence") if _EVIDENCE in data else ""
            rest = dict(data)
            for field_name, stored in ((_CONTEXT, context), (_EVIDENCE, evidence)):
                if stored:
                    rest[field_name] = 0
            sign = _effective_sign(data)
            relation_rows.add((u, v, position, sign), u, v)
            data_rows.add(
                (
                    position, _json(key, where), identifier, rank(u, v), context, evidence, _json(rest, where),
                    u, v, relation, sign, mechanism, kinds[u], kinds[v],
                ),
                identifier, u, v, relation, mechanism, kinds[u], kinds[v],
            )  # fmt: skip
        meta_rows.add(("schema", _json(cypher.SCHEMA_VERSION, "schema")), "schema")
        meta_rows.add(("graph", _json(dict(graph.graph), "the graph's attributes")), "graph")
    finally:
        for rows in tables.values():
            rows.close()
    return tables


def _all_rows(connection: Any, query: str, parameters: Mapping[str, Any] | None) -> list[list[Any]]:
    result = connection.execute(query, dict(parameters or {}))
    assert not isinstance(result, list)
    try:
        return [list(row) for row in result.get_all()]
    finally:
        result.close()


def _first_line(error: BaseException) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
