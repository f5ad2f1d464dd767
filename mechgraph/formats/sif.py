"""SIF, the simple interaction format of Cytoscape and Pathway Commons: reading and writing.

A line is ``source<TAB>relation<TAB>target [target ...]``, or one node alone. Lines with a tab
are split at tabs, so names may contain spaces (as in SIF made from SBGN); lines without a tab
are split at white space. Relation names are mapped by :mod:`.mapping` (Pathway Commons' names,
signed SIF's ``activates``/``inhibits``, SBGN's arc names, mechgraph's own); an unknown name
becomes the unsigned ``interacts_with`` and is kept in the edge's ``extra``.

Pathway Commons' extended SIF (a header ``PARTICIPANT_A INTERACTION_TYPE PARTICIPANT_B ...``,
then a blank line and a participant table) is read too: the extra columns are kept as edge
attributes and the participant table gives each node its type, name and identifiers.

SIF carries node ids and relation names only. Written files lose node kinds, labels and
evidence (reading one back, each relation cites the SIF file and its line); the WriteResult
counts what was left out.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx

from ..fileio import write_atomic
from ..vocabulary import Attr
from ..identifiers import resolve_url
from ._build import GraphBuilder, curie
from ._io import Input, check_targets, fail, load_input
from .registry import ImportResult, WriteResult

__all__ = ["read", "sniff", "write"]

FORMAT = "sif"
TITLE = "SIF"
_EXTENDED_HEADER = ("PARTICIPANT_A", "INTERACTION_TYPE", "PARTICIPANT_B")
_PARTICIPANT_HEADER = "PARTICIPANT"
_NAME = re.compile(r"^[^\t\r\n]+$")


def sniff(head: bytes) -> bool:
    """Pathway Commons' extended SIF, often saved as ``.txt``."""
    return head.lstrip(b"\xef\xbb\xbf").startswith("\t".join(_EXTENDED_HEADER).encode())


def write(graph: nx.MultiDiGraph, path: Path, /, *, force: bool = False) -> WriteResult:
    """Write SIF: one ``source<TAB>relation<TAB>target`` line per relation, lone nodes alone.

    The relation written is the foreign name an imported edge came with, when it maps to the
    edge's relation (so a Pathway Commons file is written back with its own names).

    >>> import tempfile
    >>> graph = read("IL2\\tcontrols-expression-of\\tIFNG\\n", name="pc.sif").graph
    >>> path = Path(tempfile.mkdtemp()) / "out.sif"
    >>> write(graph, path).dropped["evidence items"]
    1
    >>> path.read_text()
    'il2\\tcontrols-expression-of\\tifng\\n'
    """
    path = Path(path)
    check_targets([path], force=force)
    lines = []
    dropped: Counter[str] = Counter()
    for u, v, data in graph.edges(data=True):
        lines.append(f"{_name(u)}\t{_relation_name(data)}\t{_name(v)}")
        dropped["evidence items"] += len(data.get(Attr.EVIDENCE) or [])
        dropped["relation attributes (mechanism, context, ...)"] += sum(
            1 for key in ("mechanism", "measurable_in", "context", "note", "status", "confidence") if data.get(key)
        )
    for node, data in graph.nodes(data=True):
        if graph.degree(node) == 0:
            lines.append(_name(node))
        dropped["node kinds and labels"] += 1
    write_atomic(path, "".join(line + "\n" for line in lines), force=force)
    notes = ("SIF keeps node ids and relation names only: kinds, labels and evidence are not written",)
    return WriteResult(path, FORMAT, (path,), dropped, notes)


def _name(node: Any) -> str:
    text = str(node)
    return text if _NAME.match(text) else " ".join(text.split())


def _relation_name(data: dict[str, Any]) -> str:
    from .mapping import relation_for

    foreign = (data.get(Attr.EXTRA) or {}).get("interaction")
    if isinstance(foreign, str) and foreign.strip() and _NAME.match(foreign):
        mapping = relation_for(foreign)
        if mapping is None or mapping.relation.value == data.get(Attr.RELATION):
            return foreign
    return str(data.get(Attr.RELATION))


def read(source: Path | bytes | str, /, *, name: str | None = None) -> ImportResult:
    """Read SIF (plain, signed, SBGN-derived or Pathway Commons' extended SIF).

    >>> result = read("IL2\\tcontrols-expression-of\\tIFNG\\nCsA inhibits CaN\\n", name="net.sif")
    >>> [(u, v, d["relation"], d["sign"]) for u, v, d in result.graph.edges(data=True)]
    [('il2', 'ifng', 'regulates', 0), ('csa', 'can', 'inhibits', -1)]
    """
    inp = load_input(source, name=name, default_name="upload.sif")
    lines = inp.text().splitlines()
    builder = GraphBuilder(inp, FORMAT, TITLE)
    builder.title = Path(inp.file_name).stem
    if not any(line.strip() and not line.lstrip().startswith("#") for line in lines):
        fail(inp, "the file is empty: expected lines 'source<TAB>relation<TAB>target' (or a node alone)", line=1, rule="sif-syntax")
    header = _split(lines[0]) if lines else []
    if header[:3] == list(_EXTENDED_HEADER):
        _read_extended(inp, builder, lines, header)
    else:
        for number, line in enumerate(lines, start=1):
            _read_line(inp, builder, line, number)
    return builder.finish()


def _split(line: str) -> list[str]:
    parts = line.split("\t") if "\t" in line else line.split()
    return [part.strip() for part in parts]


def _node(builder: GraphBuilder, name: str) -> str:
    if builder.node_id(name) is None:
        builder.add_node(name, label=name)
    return name


def _read_line(inp: Input, builder: GraphBuilder, line: str, number: int) -> None:
    if not line.strip() or line.lstrip().startswith("#"):
        return
    parts = _split(line)
    if len(parts) == 1:
        _node(builder, parts[0])
        return
    empty = next((index for index, part in enumerate(parts) if not part), None)
    if empty is not None:
        column = len("\t".join(line.split("\t")[:empty])) + 1 + (1 if empty else 0)
        what = ("source node", "relation", "target node")[min(empty, 2)]
        fail(inp, f"empty {what}: a SIF line is 'source<TAB>relation<TAB>target'", line=number, column=column, rule="sif-syntax")
    if len(parts) == 2:
        fail(
            inp,
            f"a SIF line needs a source, a relation and at least one target; found 2 fields ({parts[0]!r}, {parts[1]!r})",
            line=number,
            column=len(line.rstrip()) + 1,
            rule="sif-syntax",
        )
    source, relation, *targets = parts
    _node(builder, source)
    for target in targets:
        _node(builder, target)
        builder.add_relation(source, target, name=relation, where=f"line {number}")


def _read_extended(inp: Input, builder: GraphBuilder, lines: list[str], header: list[str]) -> None:
    columns = [column.lower() for column in header]
    number = 1
    edges: list[tuple[int, list[str]]] = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            break
        parts = line.split("\t")
        if len(parts) < 3 or not all(part.strip() for part in parts[:3]):
            fail(inp, "an extended SIF row needs PARTICIPANT_A, INTERACTION_TYPE and PARTICIPANT_B", line=number, column=1, rule="sif-syntax")
        edges.append((number, parts))
    participants: dict[str, dict[str, str]] = {}
    rest = [line for line in lines[number:] if line.strip()]
    if rest and rest[0].split("\t")[0].strip() == _PARTICIPANT_HEADER:
        names = [column.strip().lower() for column in rest[0].split("\t")]
        for line in rest[1:]:
            values = line.split("\t")
            participants[values[0].strip()] = dict(zip(names, (value.strip() for value in values), strict=False))
    for _, parts in edges:
        for name in (parts[0].strip(), parts[2].strip()):
            if builder.node_id(name) is None:
                _participant(builder, name, participants.get(name, {}))
    for line_number, parts in edges:
        extra = {column: value.strip() for column, value in zip(columns[3:], parts[3:], strict=False) if value.strip()}
        evidence = _pubmed_evidence(builder, extra.get("interaction_pubmed_id", ""), f"cited by {inp.file_name}, line {line_number}")
        builder.add_relation(
            parts[0].strip(), parts[2].strip(), name=parts[1].strip(), where=f"line {line_number}", extra=extra, evidence=evidence
        )


def _pubmed_evidence(builder: GraphBuilder, cell: str, note: str) -> list[dict[str, str]]:
    """Evidence citing the PubMed articles an extended SIF row names (their resolver URLs)."""
    evidence = []
    for pmid in re.findall(r"\d+", cell):
        url = resolve_url(f"pubmed:{pmid}")
        if url:
            source_id = builder.add_source({"id": f"pubmed.{pmid}", "url": url})
            evidence.append({"source": source_id, "note": note})
    return evidence


def _participant(builder: GraphBuilder, name: str, row: dict[str, str]) -> None:
    identifiers = []
    for column in ("unification_xref", "relationship_xref"):
        for xref in filter(None, (part.strip() for part in row.get(column, "").split(";"))):
            prefix, _, local = xref.partition(":")
            identifier = curie(prefix, local) if local else None
            if identifier:
                identifiers.append(identifier)
    extra = {key: value for key, value in row.items() if key != "participant" and value}
    builder.add_node(
        name,
        label=row.get("participant_name") or name,
        type_hint=row.get("participant_type"),
        fields={"identifiers": list(dict.fromkeys(identifiers))} if identifiers else None,
        extra=extra,
    )
