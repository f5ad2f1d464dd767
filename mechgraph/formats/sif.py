"""SIF, the simple interaction format of Cytoscape and Pathway Commons: reading and writing.

A line is ``source<TAB>relation<TAB>target [target ...]``, or one node alone. Lines with a tab
are split at tabs, so names may contain spaces (as in SIF made from SBGN); lines without a tab
are split at white space. Relation names are mapped by :mod:`.mapping` (Pathway Commons' names,
signed SIF's ``activates``/``inhibits``, SBGN's arc names, mechgraph's own); an unknown name
becomes the unsigned ``interacts_with`` and is kept in the edge's ``extra``.

Pathway Commons' extended SIF (a header ``PARTICIPANT_A INTERACTION_TYPE PARTICIPANT_B ...``,
then a blank line and a participant table ``PARTICIPANT PARTICIPANT_TYPE PARTICIPANT_NAME
UNIFICATION_XREF RELATIONSHIP_XREF``) is read too. A participant's label is its gene symbol where
the file gives one (a ``hgnc symbol:`` xref, or the participant itself in the gene-symbol files),
else its name; UniProt entry names (``PGAM1_HUMAN``) become synonyms, and participants that would
share a label get their id added to it (the import says how many). INTERACTION_PUBMED_ID and
INTERACTION_DATA_SOURCE become evidence citing each PubMed article; other columns are kept as
edge attributes.

Signed SIF written as ``1``, ``-1`` or ``+1`` (CellNOpt, networks from OmniPath) reads as
``increases`` and ``decreases``.

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
from ..vocabulary import Attr, Relation, Sign
from ._build import GraphBuilder, curie, sign_of
from ._io import Input, check_targets, fail, load_input
from .mapping import relation_for
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
        name = _relation_name(data)
        mapping = relation_for(name)
        if mapping is not None and mapping.reverse and name != data.get(Attr.RELATION):
            u, v = v, u  # the foreign name reads its ends the other way round
        lines.append(f"{_name(u)}\t{name}\t{_name(v)}")
        dropped["evidence items"] += len(data.get(Attr.EVIDENCE) or [])
        dropped["relation attributes (mechanism, context, ...)"] += sum(
            1 for key in ("mechanism", "measurable_in", "context", "note", "status", "confidence") if data.get(key)
        )
    for node in graph.nodes:
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
    """The foreign name an imported edge came with when reading it back gives the same relation
    (so a Pathway Commons file keeps its names), else mechgraph's relation name: a name whose
    relation came from a sign attribute, or that SIF cannot map, would lose its sign."""
    foreign = (data.get(Attr.EXTRA) or {}).get("interaction")
    if isinstance(foreign, str) and foreign.strip() and _NAME.match(foreign) and not foreign.strip().startswith("#"):
        mapping = relation_for(foreign)
        if mapping is not None and mapping.relation.value == data.get(Attr.RELATION):
            return foreign.strip()
        written = sign_of(foreign) if mapping is None else None
        if written is not None and data.get(Attr.RELATION) == (Relation.INCREASES if written is Sign.INCREASES else Relation.DECREASES):
            return foreign.strip()  # 1 / -1 as the file had it
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
    order = list(dict.fromkeys(name for _, parts in edges for name in (parts[0].strip(), parts[2].strip())))
    labels = _participant_labels(builder, {name: participants.get(name, {}) for name in order})
    for name in order:
        _participant(builder, name, participants.get(name, {}), labels[name])
    for line_number, parts in edges:
        extra = {column: value.strip() for column, value in zip(columns[3:], parts[3:], strict=False) if value.strip()}
        builder.add_relation(parts[0].strip(), parts[2].strip(), name=parts[1].strip(), where=f"line {line_number}", extra=extra)


#: A UniProt entry name (mnemonic), as Pathway Commons gives PARTICIPANT_NAME of proteins.
_ENTRY_NAME = re.compile(r"^[A-Z0-9]{1,10}_[A-Z0-9]{1,5}$")
_ACCESSION = re.compile(r"^(?:[OPQ][0-9][A-Z0-9]{3}[0-9]|[A-NR-Z][0-9](?:[A-Z][A-Z0-9]{2}[0-9]){1,2})(?:-\d+)?$")
_SYMBOL = re.compile(r"^[A-Z][A-Z0-9-]{0,14}(?:orf\d+)?$")  # an HGNC symbol: PGAM1, HLA-DRB1, C1orf112
_SYMBOL_XREF = re.compile(r"^hgnc[ _.]?symbol:(.+)$", re.IGNORECASE)


def _names(row: dict[str, str]) -> list[str]:
    return [part.strip() for part in row.get("participant_name", "").split(";") if part.strip()]


def _symbols(row: dict[str, str]) -> list[str]:
    xrefs = [part.strip() for column in ("relationship_xref", "unification_xref") for part in row.get(column, "").split(";")]
    return list(dict.fromkeys(match.group(1).strip() for xref in xrefs if (match := _SYMBOL_XREF.match(xref))))


def _participant_label(name: str, row: dict[str, str]) -> str:
    """The label a participant is known by: its gene symbol when the file gives one (a
    ``hgnc symbol:`` xref, or the participant itself in the gene-symbol files), else its first
    name, else the participant id. UniProt entry names (``PGAM1_HUMAN``) are not labels."""
    symbols = _symbols(row)
    if symbols:
        return symbols[0]
    names = _names(row)
    entry_names_only = bool(names) and all(_ENTRY_NAME.match(item) for item in names)
    gene_product = re.search(r"protein|rna|dna|gene", row.get("participant_type", ""), re.IGNORECASE) is not None
    symbol_like = _SYMBOL.match(name) is not None and not _ACCESSION.match(name) and not _ENTRY_NAME.match(name)
    if symbol_like and (not names or entry_names_only or gene_product):
        return name  # a gene symbol as participant (Pathway Commons' HGNC files)
    return names[0] if names else name


def _participant_labels(builder: GraphBuilder, rows: dict[str, dict[str, str]]) -> dict[str, str]:
    """Each participant's label; participants that would share one get their id added."""
    labels = {name: _participant_label(name, row) for name, row in rows.items()}
    counts = Counter(labels.values())
    shared = {name for name, label in labels.items() if counts[label] > 1}
    for name in shared:
        labels[name] = f"{labels[name]} ({name})"
    if shared:
        builder.notes.append(
            f"{len(shared)} participant(s) share a name with another participant: their id added to the label (e.g. {min(labels[n] for n in shared)!r})"
        )
    return labels


def _participant(builder: GraphBuilder, name: str, row: dict[str, str], label: str) -> None:
    identifiers = []
    for column in ("unification_xref", "relationship_xref"):
        for xref in filter(None, (part.strip() for part in row.get(column, "").split(";"))):
            prefix, _, local = xref.partition(":")
            identifier = curie(prefix, local) if local else None
            if identifier:
                identifiers.append(identifier)
    fields: dict[str, Any] = {"identifiers": list(dict.fromkeys(identifiers))} if identifiers else {}
    synonyms = [item for item in [*_symbols(row), *_names(row), name] if item != label and item not in label]
    if row and synonyms:
        fields["synonyms"] = list(dict.fromkeys(synonyms))
    extra = {key: value for key, value in row.items() if key != "participant" and value}
    builder.add_node(name, label=label, type_hint=row.get("participant_type"), fields=fields or None, extra=extra)
