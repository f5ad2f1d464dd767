"""Node and edge tables (CSV or TSV), for spreadsheets and Cytoscape's table import.

Writing ``pathway.csv`` writes three tables side by side:

``pathway.csv``          the relations: ``source``, ``target``, ``relation``, ``sign``, ``id``,
                         ``mechanism``, ``measurable_in``, ``context_<key>``, ``note``, ... and
                         evidence in numbered columns ``evidence_1_source``, ``evidence_1_quote``,
                         ``evidence_1_note``, ``evidence_2_source``, ...
``pathway.nodes.csv``    the nodes: ``id``, ``label``, ``kind``, ``process``, ..., ``x``, ``y``
``pathway.sources.csv``  the sources evidence cites: ``id``, ``title``, ``url``, ``text``, ``note``

Lists are joined with ``"; "`` (written as JSON text when an item itself has a ';'); attributes
of imported formats are extra columns. A text cell starting with ``=``, ``+``, ``@`` or ``-``
(not a number), or with quotes before such a sign, is written with one more leading ``'`` so that
a spreadsheet shows it as text instead of running it as a formula; reading removes that quote again.

Reading ``pathway.csv`` picks up ``pathway.nodes.csv`` and ``pathway.sources.csv`` when they are
beside it; reading one table alone (e.g. an upload) takes an edge table by its ``source`` and
``target`` columns (also ``from``/``to``, ``node1``/``node2``, ...), else a node table by its ``id``.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import networkx as nx

from ..fileio import write_atomic
from ..vocabulary import Attr
from ._build import GraphBuilder, curie, slug
from ._document import write_with_texts
from ._flat import (
    EVIDENCE_KEYS,
    NODE_LISTS,
    NODE_SCALARS,
    RELATION_LISTS,
    RELATION_SCALARS,
    RESERVED,
    add_restored_node,
    add_restored_relation,
    flat_edge,
    flat_node,
    restore_edge,
    restore_node,
)
from ._io import Input, fail, load_input
from .registry import ImportResult, WriteResult

__all__ = ["read_csv", "read_tsv", "write_csv", "write_tsv"]

_SOURCE_COLUMNS = ("source", "from", "source node", "node1", "node 1", "participant_a", "interactor a", "regulator")
_TARGET_COLUMNS = ("target", "to", "target node", "node2", "node 2", "participant_b", "interactor b", "target gene")
_ID_COLUMNS = ("id", "node", "node id", "node_id", "name")
_FORMULA = re.compile(r"^(?:[=+@\t\r]|-(?![\d.]))")
_ROLES = ("nodes", "sources")
_SOURCE_FIELDS = ("id", "title", "url", "text", "note")


# -- writing --------------------------------------------------------------------------------------


def _guard(value: Any) -> Any:
    """A formula-like cell with a leading quote; so is one that already starts with quotes before a
    formula sign ("'=" is written "''="), so that reading, which removes one quote, gives it back."""
    return "'" + value if isinstance(value, str) and _FORMULA.match(value.lstrip("'")) else value


def _unguard(value: str) -> str:
    return value[1:] if value.startswith("'") and _FORMULA.match(value.lstrip("'")) else value


_ORDER = ("id", "label", "kind", *NODE_SCALARS, *NODE_LISTS, "relation", "sign", *RELATION_SCALARS, *RELATION_LISTS)


def _rank(column: str, seen: dict[str, int]) -> tuple[int, int, int]:
    """Columns in a stable order: mechgraph's fields, context, evidence by number, then the rest."""
    if column in _ORDER:
        return (0, _ORDER.index(column), 0)
    if column.startswith("context_"):
        return (1, seen[column], 0)
    match = re.match(r"^evidence_(\d+)_(\w+)$", column)
    if match and match.group(2) in EVIDENCE_KEYS:
        return (2, int(match.group(1)), EVIDENCE_KEYS.index(match.group(2)))
    return (3, seen[column], 0)


def _table(rows: list[dict[str, Any]], first: tuple[str, ...], delimiter: str) -> str:
    seen: dict[str, int] = {}
    for row in rows:
        for column in row:
            seen.setdefault(column, len(seen))
    columns = list(first) + sorted((c for c in seen if c not in first), key=lambda c: _rank(c, seen))
    stream = io.StringIO()
    writer = csv.DictWriter(stream, fieldnames=columns, delimiter=delimiter, lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    for row in rows:
        writer.writerow({key: _guard(value) for key, value in row.items()})
    return stream.getvalue()


def sibling(path: Path, role: str) -> Path:
    """The path of a companion table: ``pathway.csv`` -> ``pathway.nodes.csv``."""
    return path.with_name(f"{path.stem}.{role}{path.suffix}")


def _write(graph: nx.MultiDiGraph, path: Path, *, force: bool, delimiter: str, fmt: str) -> WriteResult:
    path = Path(path)
    node_path, source_path = sibling(path, "nodes"), sibling(path, "sources")
    sources = graph.graph.get(Attr.SOURCES) or {}
    edges = []
    for u, v, key, data in graph.edges(keys=True, data=True):
        edges.append({"source": u, "target": v, **flat_edge(data, style="table"), "id": key})
    nodes = []
    for node, data in graph.nodes(data=True):
        record = flat_node(node, data, style="table")
        position = data.get(Attr.POSITION)
        if position:
            record.update(x=position["x"], y=position["y"])
        nodes.append(record)
    source_rows = [{key: source.get(key) for key in _SOURCE_FIELDS if source.get(key)} for source in sources.values()]
    tables = {
        node_path: _table(nodes, ("id", "label", "kind"), delimiter),
        source_path: _table(source_rows, _SOURCE_FIELDS, delimiter),
        path: _table(edges, ("source", "target", "relation", "sign"), delimiter),
    }

    def write() -> None:
        for target, text in tables.items():
            write_atomic(target, text, force=force)

    files = write_with_texts(graph, [path, node_path, source_path], write, force=force)
    notes = (f"the nodes are in {node_path.name} and the sources in {source_path.name}, beside {path.name}",)
    return WriteResult(path, fmt, files, notes=notes)


def write_csv(graph: nx.MultiDiGraph, path: Path, /, *, force: bool = False) -> WriteResult:
    """Write comma-separated tables: relations, ``.nodes.csv`` and ``.sources.csv`` beside them.

    Round trips through every format are tested in tests/test_formats_roundtrip.py.
    """
    return _write(graph, path, force=force, delimiter=",", fmt="csv")


def write_tsv(graph: nx.MultiDiGraph, path: Path, /, *, force: bool = False) -> WriteResult:
    """Write tab-separated tables: relations, ``.nodes.tsv`` and ``.sources.tsv`` beside them.

    Round trips through every format are tested in tests/test_formats_roundtrip.py.
    """
    return _write(graph, path, force=force, delimiter="\t", fmt="tsv")


# -- reading --------------------------------------------------------------------------------------


def _rows(inp: Input, delimiter: str) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """The header and the (line, row) pairs of a table; malformed rows name their line."""
    text = inp.text()
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = next(reader, None)
    except csv.Error as error:
        fail(inp, f"malformed table header: {error}", line=reader.line_num, rule="csv-syntax")
    if not header or not any(cell.strip() for cell in header):
        fail(inp, "the table is empty: expected a header row of column names", line=1, rule="csv-syntax")
    names = [cell.strip() for cell in header]
    if len(set(names)) != len(names):
        repeated = next(name for name in names if names.count(name) > 1)
        fail(
            inp,
            f"the column {repeated!r} appears twice in the header",
            line=1,
            column=_column_of(header, names.index(repeated, names.index(repeated) + 1), delimiter),
            rule="csv-syntax",
        )

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        line = reader.line_num
        while True:
            try:
                cells = next(reader)
            except StopIteration:
                return
            except csv.Error as error:
                fail(inp, f"malformed row: {error}", line=line + 1, rule="csv-syntax")
            start, line = line + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) > len(names):
                fail(
                    inp,
                    f"{len(cells)} fields but the header names {len(names)} columns",
                    line=start,
                    column=_column_of(cells, len(names), delimiter),
                    rule="csv-syntax",
                )
            yield start, {name: _unguard(cell) for name, cell in zip(names, cells, strict=False)}

    return names, rows()


def _column_of(cells: list[str], index: int, delimiter: str) -> int:
    return len(delimiter.join(cells[:index])) + (1 if index else 0) + 1


def _pick(names: list[str], candidates: tuple[str, ...]) -> str | None:
    """The column named as a candidate: spelt exactly first (mechgraph's ``source`` beside an
    imported attribute ``Source``), else in any case."""
    exact = next((c for c in candidates if c in names), None)
    if exact is not None:
        return exact
    lowered: dict[str, str] = {}
    for name in names:
        lowered.setdefault(name.lower(), name)
    return next((lowered[c] for c in candidates if c in lowered), None)


def _read(source: Path | bytes | str, name: str | None, *, delimiter: str, fmt: str, title: str) -> ImportResult:
    inp = load_input(source, name=name, default_name=f"upload.{fmt}")
    main: Input | None = inp
    nodes: Input | None = None
    sources: Input | None = None
    if inp.path is not None:
        role = next((role for role in _ROLES if inp.path.name.lower().endswith(f".{role}{inp.path.suffix.lower()}")), None)
        base = inp.path.with_name(inp.path.name[: -len(f".{role}{inp.path.suffix}")] + inp.path.suffix) if role else inp.path
        companions = {role: sibling(base, role) for role in _ROLES}
        if role is not None and base.is_file():
            main = load_input(base, name=None, default_name=base.name)
        elif role == "nodes":
            main, nodes = None, inp
        if companions["nodes"].is_file() and nodes is None and main is not None and companions["nodes"] != main.path:
            nodes = load_input(companions["nodes"], name=None, default_name="")
        if companions["sources"].is_file():
            sources = load_input(companions["sources"], name=None, default_name="")
    builder = GraphBuilder(main or inp, fmt, title)
    builder.title = Path((main or inp).file_name).stem
    if sources is not None:
        _read_sources(sources, builder, delimiter)
    edge_rows = None
    if main is not None:
        names, rows = _rows(main, delimiter)
        source_column, target_column = _pick(names, _SOURCE_COLUMNS), _pick(names, _TARGET_COLUMNS)
        if _is_signor(names):
            edge_rows = (main, names, rows, _SIGNOR["a"]["id"], _SIGNOR["b"]["id"])
        elif source_column and target_column:
            edge_rows = (main, names, rows, source_column, target_column)
        elif nodes is None and _pick(names, _ID_COLUMNS):
            nodes = main
        else:
            fail(
                main,
                "an edge table needs a source and a target column (source/target, from/to, node1/node2, "
                f"participant_a/participant_b); a node table needs 'id'; found columns: {', '.join(names)}",
                line=1,
                rule="csv-syntax",
            )
    if nodes is not None:
        _read_nodes(nodes, builder, delimiter)
    if edge_rows is not None:
        _read_edges(builder, *edge_rows)
    return builder.finish()


def _read_sources(inp: Input, builder: GraphBuilder, delimiter: str) -> None:
    names, rows = _rows(inp, delimiter)
    if "id" not in names:
        fail(inp, "a source table needs an 'id' column", line=1, rule="csv-syntax")
    for _, row in rows:
        builder.add_source({key: value for key, value in row.items() if value})


def _read_nodes(inp: Input, builder: GraphBuilder, delimiter: str) -> None:
    names, rows = _rows(inp, delimiter)
    id_column = _pick(names, _ID_COLUMNS)
    if id_column is None:
        fail(inp, "a node table needs an 'id' column", line=1, rule="csv-syntax")
    for line, row in rows:
        key = row.pop(id_column, "").strip()
        if not key:
            fail(inp, f"a node row needs a value in column {id_column!r}", line=line, rule="csv-syntax")
        position = _xy(row)
        add_restored_node(builder, key, restore_node(_numbers({k: v for k, v in row.items() if v != ""})), position=position)


def _xy(row: dict[str, str]) -> dict[str, float] | None:
    try:
        x, y = float(row["x"]), float(row["y"])
    except (KeyError, ValueError):
        return None
    del row["x"], row["y"]
    return {"x": x, "y": y}


#: SIGNOR's download (TSV): each end of a relation has a name, a type, an id and its database.
_SIGNOR = {
    end: {"label": f"ENTITY{end.upper()}", "type": f"TYPE{end.upper()}", "id": f"ID{end.upper()}", "database": f"DATABASE{end.upper()}"} for end in ("a", "b")
}
#: SIGNOR database names as prefixes mechgraph knows.
_SIGNOR_PREFIXES = {
    "uniprot": "uniprot",
    "chebi": "chebi",
    "pubchem": "pubchem.compound",
    "signor": "signor",
    "mirbase": "mirbase",
    "rnacentral": "rnacentral",
    "drugbank": "drugbank",
}


def _is_signor(names: list[str]) -> bool:
    return all(column in names for end in _SIGNOR.values() for column in (end["label"], end["id"]))


def _signor_node(builder: GraphBuilder, row: dict[str, Any], end: str) -> str:
    """The node of one end of a SIGNOR row: its id as key, its entity name as label."""
    columns = _SIGNOR[end]
    key = str(row.pop(columns["id"], "")).strip()
    label = str(row.pop(columns["label"], "")).strip() or key
    type_hint = str(row.pop(columns["type"], "")).strip() or None
    database = str(row.pop(columns["database"], "")).strip()
    if key and builder.node_id(key) is None:
        prefix = _SIGNOR_PREFIXES.get(database.lower(), database.lower())
        identifier = curie(prefix, key) if prefix and key else None
        builder.add_node(
            key,
            label=label,
            type_hint=type_hint,
            fields={"identifiers": [identifier]} if identifier else None,
            extra={"database": database} if database else None,
            preferred_id=slug(label or key),
        )
    return key


def _read_edges(
    builder: GraphBuilder, inp: Input, names: list[str], rows: Iterator[tuple[int, dict[str, str]]], source_column: str, target_column: str
) -> None:
    signor = _is_signor(names)
    for line, row in rows:
        ends = []
        if signor:
            row = dict(row)
            for end, column in (("a", source_column), ("b", target_column)):
                if not str(row.get(column, "")).strip():
                    fail(inp, f"empty {column!r}: every relation needs both ends", line=line, field=column, rule="csv-syntax")
                ends.append(_signor_node(builder, row, end))
        for column in (source_column, target_column) if not signor else ():
            value = row.pop(column, "").strip()
            if not value:
                fail(inp, f"empty {column!r}: every relation needs both ends", line=line, field=column, rule="csv-syntax")
            if builder.node_id(value) is None:
                builder.add_node(value, label=value)
            ends.append(value)
        key = row.pop("id", "").strip() or None
        add_restored_relation(builder, ends, restore_edge(_numbers({k: v for k, v in row.items() if v != ""})), where=f"line {line}", key=key)


def _numbers(row: Mapping[str, str]) -> dict[str, Any]:
    """Cells of other tools' columns that are plain numbers as numbers (weights, scores);
    mechgraph's own columns stay text (its sign and confidence are read as numbers later)."""
    converted: dict[str, Any] = {}
    for key, value in row.items():
        if key.startswith(("evidence_", "context_")) or key in RESERVED or key in ("kind", "label"):
            converted[key] = value
        elif value in ("true", "false"):  # written by mechgraph for booleans
            converted[key] = value == "true"
        elif re.fullmatch(r"-?(?:0|[1-9]\d*)", value.strip()):  # not "007": an identifier
            converted[key] = int(value)
        elif re.fullmatch(r"-?(?:(?:0|[1-9]\d*)?\.\d+(?:[eE][-+]?\d+)?|(?:0|[1-9]\d*)(?:\.\d*)?[eE][-+]?\d+)", value.strip()):
            converted[key] = float(value)
        else:
            converted[key] = value
    return converted


def read_csv(source: Path | bytes | str, /, *, name: str | None = None) -> ImportResult:
    """Read comma-separated node and edge tables.

    >>> result = read_csv("source,target,interaction\\nIL10,TNF,inhibits\\n", name="t.csv")
    >>> [(u, v, d["sign"]) for u, v, d in result.graph.edges(data=True)]
    [('il10', 'tnf', -1)]
    """
    return _read(source, name, delimiter=",", fmt="csv", title="CSV table")


def read_tsv(source: Path | bytes | str, /, *, name: str | None = None) -> ImportResult:
    """Read tab-separated node and edge tables.

    >>> result = read_tsv("from\\tto\\tinteraction\\nIL2\\tIL2RA\\tbinding\\n", name="t.tsv")
    >>> [(u, v, d["relation"]) for u, v, d in result.graph.edges(data=True)]
    [('il2', 'il2ra', 'binds')]
    """
    return _read(source, name, delimiter="\t", fmt="tsv", title="TSV table")
