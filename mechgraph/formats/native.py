"""The native mechgraph YAML format (``docs/data-format.md``): reading and writing.

Reading a file goes through :func:`mechgraph.graph.validate_file`, so every rule applies,
source texts and quotes included. Reading content without a file (an upload) cannot look beside
the file for source texts: those sources keep their title, their quotes become notes marked as
not checked, and the import report counts them.

Writing produces a document that validates again. Quotes cite source texts by a path relative
to the graph file, so the writer copies each text the graph cites beside the written file, under
the same relative path (an identical copy already there is left alone). A graph whose texts
cannot be found (it was not read from a file) is refused with a WriteError rather than written
with quotes that no longer check. What an import keeps in a node's or relation's ``extra`` map
is written (and read back) as that record's ``extra`` field, within the bounds of
:func:`mechgraph.model.extra_problem`; what the native format has no field for (positions,
graph attributes, an ``extra`` map beyond the bounds) is counted in the WriteResult.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx

from .. import __version__
from ..errors import DataError
from ..graph import graph_from_report, validate_file
from ..validation import validate_data
from ..yamltext import dump_yaml, parse_yaml
from ._document import graph_to_document, quote_as_note, source_base_dir, write_text_with_texts
from ._io import load_input
from .registry import ImportResult, WriteResult

__all__ = ["dumps", "read", "write"]

FORMAT = "native"


def read(source: Path | bytes | str, /, *, name: str | None = None) -> ImportResult:
    """Read a native mechgraph YAML file (or its content).

    >>> from mechgraph.resources import bundled_graph_path
    >>> result = read(bundled_graph_path())
    >>> result.graph.nodes["cyclosporine"]["kind"], dict(result.dropped)
    ('agent', {})
    """
    if isinstance(source, Path):
        report = validate_file(source)
        if not report.ok:
            raise DataError(report.problems)
        return ImportResult(graph_from_report(report), FORMAT, report=report)
    inp = load_input(source, name=name, default_name="upload.yaml")
    parsed = parse_yaml(inp.text(), file=inp.name)
    dropped: Counter[str] = Counter()
    data = _without_texts(parsed.data, dropped)
    report = validate_data(data, file=inp.name, base_dir=None, locate=parsed.locate)
    if not report.ok:
        raise DataError(report.problems)
    notes = ("source texts cannot be looked up without the graph's folder: their quotes are kept as notes, not checked",) if dropped else ()
    return ImportResult(graph_from_report(report), FORMAT, dropped, notes, report=report)


def _without_texts(data: Any, dropped: Counter[str]) -> Any:
    """The document with each text source made a titled source and its quotes made notes."""
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        return data
    texts = {s.get("id") for s in data["sources"] if isinstance(s, dict) and s.get("text")}
    if not texts:
        return data
    sources = []
    for source in data["sources"]:
        if isinstance(source, dict) and source.get("id") in texts:
            source = {k: v for k, v in source.items() if k != "text"}
            source.setdefault("title", source["id"])
            source["note"] = "; ".join(filter(None, [source.get("note"), "read without its source text: quotes not checked"]))
            dropped["source text not available (its quotes kept as notes)"] += 1
        sources.append(source)

    def fix(records: Any) -> Any:
        if not isinstance(records, list):
            return records
        fixed = []
        for record in records:
            if isinstance(record, dict) and isinstance(record.get("evidence"), list):
                record = {**record, "evidence": [quote_as_note(e, texts) for e in record["evidence"]]}
            fixed.append(record)
        return fixed

    return {**data, "sources": sources, "nodes": fix(data.get("nodes")), "relations": fix(data.get("relations"))}


def dumps(document: dict[str, Any]) -> str:
    """A native document as YAML text: block style, short lists and context on one line.

    >>> print(dumps({"mechgraph": 1, "title": "T", "nodes": [{"id": "a", "synonyms": ["x", "y"]}]}), end="")
    mechgraph: 1
    title: T
    nodes:
      - id: a
        synonyms: [x, y]
    """
    return dump_yaml(document, flow_keys=_FLOW_MAPPINGS, flow_width=70)


#: Mappings written on one line when short: a relation's context, and each source (as curators do).
_FLOW_MAPPINGS = frozenset({"context", "sources"})


def write(graph: nx.MultiDiGraph, path: Path, /, *, force: bool = False) -> WriteResult:
    """Write a graph as native YAML that validates again (with its source texts beside it).

    >>> import tempfile
    >>> from mechgraph.resources import bundled_graph_path
    >>> graph = read(bundled_graph_path()).graph
    >>> out = Path(tempfile.mkdtemp()) / "copy.yaml"
    >>> result = write(graph, out)
    >>> [p.name for p in result.files]
    ['copy.yaml', 'immunomodulation-article.txt']
    >>> read(out).graph.number_of_edges() == graph.number_of_edges()
    True
    """
    path = Path(path)
    document, dropped = graph_to_document(graph)
    base_dir = source_base_dir(graph)
    report = validate_data(document, file=str(path), base_dir=base_dir)
    problems = [p for p in report.problems if base_dir is not None or p.rule not in ("source-text", "quote")]
    if problems:
        raise DataError(problems)
    text = f"# Written by mechgraph {__version__}; the format is described in docs/data-format.md.\n" + dumps(document)
    files = write_text_with_texts(graph, path, text, force=force)
    notes = ("positions, graph attributes and extra maps beyond the native bounds have no field in the native format",) if dropped else ()
    return WriteResult(path, FORMAT, files, dropped, notes)
