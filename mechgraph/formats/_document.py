"""A graph as a native document (plain dicts, as in a YAML file), and the source texts it cites.

This is the inverse of :func:`mechgraph.graph.graph_from_report`: the native writer dumps the
document, and :func:`~mechgraph.formats.registry.check_graph` validates it.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from typing import Any

import networkx as nx

from ..errors import ReadError
from ..fileio import WriteError, write_atomic
from ..model import Evidence, NodeRecord, RelationRecord, Source, extra_problem, is_safe_relative_path, relation_id
from ..vocabulary import FORMAT_VERSION, Attr, EvidenceKey, SourceKey
from ._io import check_targets, read_source_text

__all__ = [
    "clean_evidence",
    "copy_source_texts",
    "graph_to_document",
    "json_file_text",
    "quote_as_note",
    "source_base_dir",
    "text_sources",
    "write_json_with_texts",
    "write_text_with_texts",
    "write_with_texts",
]

NODE_FIELDS = tuple(name for name in NodeRecord.model_fields if name not in ("id", "evidence"))
RELATION_FIELDS = tuple(name for name in RelationRecord.model_fields if name not in ("id", "source", "relation", "target", "evidence"))
EVIDENCE_FIELDS = tuple(Evidence.model_fields)
SOURCE_FIELDS = tuple(Source.model_fields)
#: Attributes that graph_from_report derives (sign, id) or that belong to imports only.
_DERIVED = {Attr.SIGN.value, Attr.ID.value, Attr.RELATION.value, Attr.EVIDENCE.value}


def clean_evidence(items: Any) -> list[dict[str, Any]]:
    """Evidence as the native format writes it: source, quote, note (the URL and title that the
    graph copies from the source are left to the source)."""
    cleaned = []
    for item in items or []:
        if isinstance(item, Mapping):
            cleaned.append({key: item[key] for key in EVIDENCE_FIELDS if item.get(key) not in (None, "")})
    return cleaned


def graph_to_document(graph: nx.MultiDiGraph) -> tuple[dict[str, Any], Counter[str]]:
    """The native document of a graph, and what it had that the native format has no field for.

    >>> from mechgraph.graph import load_graph
    >>> doc = {"mechgraph": 1, "title": "T", "sources": [{"id": "s", "url": "https://example.org"}],
    ...     "nodes": [{"id": "a", "kind": "agent", "label": "A"}, {"id": "b", "kind": "target", "label": "B"}],
    ...     "relations": [{"from": "a", "relation": "inhibits", "to": "b", "evidence": [{"source": "s"}]}]}
    >>> document, dropped = graph_to_document(load_graph(doc))
    >>> document == doc, dropped
    (True, Counter())
    """
    dropped: Counter[str] = Counter()
    document: dict[str, Any] = {"mechgraph": FORMAT_VERSION, "title": graph.graph.get(Attr.TITLE) or "Untitled mechanism graph"}
    if graph.graph.get(Attr.DESCRIPTION):
        document["description"] = graph.graph[Attr.DESCRIPTION]
    sources = graph.graph.get(Attr.SOURCES) or {}
    document["sources"] = [{key: source[key] for key in SOURCE_FIELDS if source.get(key) not in (None, "")} for source in sources.values()]
    if graph.graph.get(Attr.EXTRA):
        dropped["graph attributes (extra)"] += len(graph.graph[Attr.EXTRA])
    document["nodes"] = []
    for node, data in graph.nodes(data=True):
        record: dict[str, Any] = {"id": node}
        for name in NODE_FIELDS:
            if data.get(name) not in (None, "", [], {}):
                record[name] = data[name]
        evidence = clean_evidence(data.get(Attr.EVIDENCE))
        if evidence:
            record["evidence"] = evidence
        _fit_extra(record, "node", dropped)
        _count_unwritten(data, set(NODE_FIELDS) | _DERIVED, "node", dropped)
        document["nodes"].append(record)
    document["relations"] = []
    for source, target, key, data in graph.edges(keys=True, data=True):
        document["relations"].append(_relation_record(source, target, key, data, dropped))
    for data in graph.graph.get(Attr.NEGATED_RELATIONS) or []:
        # A view shares its graph's attributes: only the denied relations between its own nodes are its.
        if isinstance(data, Mapping) and data.get("from") in graph and data.get("to") in graph:
            document["relations"].append(_relation_record(data.get("from"), data.get("to"), data.get(Attr.ID), data, dropped))
    return document, dropped


def _relation_record(source: Any, target: Any, key: Any, data: Mapping[str, Any], dropped: Counter[str]) -> dict[str, Any]:
    record: dict[str, Any] = {"from": source, "relation": data.get(Attr.RELATION), "to": target}
    for name in RELATION_FIELDS:
        if data.get(name) not in (None, "", [], {}):
            record[name] = data[name]
    record["evidence"] = clean_evidence(data.get(Attr.EVIDENCE))
    _fit_extra(record, "relation", dropped)
    if key is not None and key != _content_id(record):
        record = {"id": key, **record}
    _count_unwritten(data, set(RELATION_FIELDS) | _DERIVED | {"from", "to"}, "relation", dropped)
    return record


def _fit_extra(record: dict[str, Any], what: str, dropped: Counter[str]) -> None:
    """Keep a record's ``extra`` map (last) only within the model's bounds; count it otherwise."""
    extra = record.pop(Attr.EXTRA.value, None)
    if extra in (None, {}):
        return
    if extra_problem(extra) is None:
        record[Attr.EXTRA.value] = extra
    else:
        dropped[f"{what} attributes of the imported format (extra) beyond the native format's bounds"] += len(extra) if isinstance(extra, Mapping) else 1


def _content_id(record: dict[str, Any]) -> str | None:
    try:
        return relation_id(RelationRecord.model_validate(record))
    except ValueError:
        return None  # invalid records keep their key; validation will name the problem


def _count_unwritten(data: Mapping[str, Any], known: set[str], what: str, dropped: Counter[str]) -> None:
    for name, value in data.items():
        if name in known or value in (None, "", [], {}):
            continue
        if name == Attr.EXTRA:
            dropped[f"{what} attributes of the imported format (extra)"] += len(value)
        elif name == Attr.POSITION:
            dropped[f"{what} positions"] += 1
        else:
            dropped[f"{what} attribute {name!r}"] += 1


def source_base_dir(graph: nx.MultiDiGraph) -> Path | None:
    """The folder that a graph's source texts are relative to: its file's folder, if known."""
    file = graph.graph.get(Attr.FILE)
    if not file or not isinstance(file, (str, Path)):
        return None
    try:
        folder = Path(file).resolve().parent
        return folder if folder.is_dir() else None
    except (OSError, ValueError):  # a NUL byte, a name too long: not a folder of this machine
        return None


def text_sources(graph: nx.MultiDiGraph) -> dict[str, str]:
    """Source id -> relative path of each source that is a text beside the graph file."""
    sources = graph.graph.get(Attr.SOURCES) or {}
    return {sid: s[SourceKey.TEXT] for sid, s in sources.items() if isinstance(s, Mapping) and s.get(SourceKey.TEXT)}


def copy_source_texts(graph: nx.MultiDiGraph, destination: Path, *, force: bool = False) -> list[Path]:
    """Copy the source texts a graph cites into ``destination`` under the same relative paths,
    so that the quotes of a written file still validate. Returns the files written.

    A text already there with the same content is left alone; one with other content is replaced
    only with ``force``. A text that cannot be found beside the graph's file is a WriteError.
    """
    texts = text_sources(graph)
    if not texts:
        return []
    base = source_base_dir(graph)
    destination = destination.resolve()
    written: list[Path] = []
    for source_id, relative in sorted(texts.items()):
        if not is_safe_relative_path(relative):
            raise WriteError(f"source {source_id!r}: text path {relative!r} must stay inside the graph's folder")
        target = destination / relative
        if base is not None and base == destination:
            continue  # written beside its own texts
        if base is None:
            raise WriteError(
                f"source {source_id!r} cites the text {relative!r}, but the graph has no file to find it beside: read the graph from its file before writing it"
            )
        try:
            content = read_source_text(base / relative)
        except ReadError as error:
            raise WriteError(f"source {source_id!r}: its text cannot be copied beside the written file: {error}") from None
        if target.is_file() and target.read_bytes().decode("utf-8-sig", "replace").encode("utf-8") == content:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, content, force=force)
        written.append(target)
    return written


def write_with_texts(graph: nx.MultiDiGraph, paths: Sequence[Path], write: Callable[[], object], *, force: bool = False) -> tuple[Path, ...]:
    """The scaffold of every writer: refuse before writing anything when one of ``paths`` exists
    (and ``force`` is not set), copy the source texts the graph cites beside the first, then call
    ``write`` (which writes ``paths``, each atomically). Returns the files written.

    >>> import tempfile
    >>> from mechgraph.graph import read_graph
    >>> folder = Path(tempfile.mkdtemp())
    >>> files = write_with_texts(read_graph(), [folder / "g.txt"], lambda: (folder / "g.txt").write_text("g"))
    >>> [path.relative_to(folder).as_posix() for path in files]
    ['g.txt', 'sources/immunomodulation-article.txt']
    """
    check_targets(list(paths), force=force)
    copied = copy_source_texts(graph, paths[0].parent, force=force)
    write()
    return (*paths, *copied)


def write_text_with_texts(graph: nx.MultiDiGraph, path: Path, text: str, *, force: bool = False) -> tuple[Path, ...]:
    """A one-file writer's :func:`write_with_texts`: ``text`` written to ``path`` atomically."""
    return write_with_texts(graph, [path], lambda: write_atomic(path, text, force=force), force=force)


def write_json_with_texts(graph: nx.MultiDiGraph, path: Path, document: Any, *, force: bool = False) -> tuple[Path, ...]:
    """A JSON writer's :func:`write_text_with_texts`: ``document`` written as :func:`json_file_text` writes it."""
    return write_text_with_texts(graph, path, json_file_text(document), force=force)


def json_file_text(document: Any) -> str:
    """How the JSON writers write a document: UTF-8 text, one space of indent, a final newline.

    >>> json_file_text({"a": ["é"]})
    '{\\n "a": [\\n  "é"\\n ]\\n}\\n'
    """
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def quote_as_note(item: Any, texts: Collection[Any]) -> Any:
    """An evidence item whose quote cites a source text that will not travel with the graph
    (an upload, a download without its folder): the quote moves into the note, marked as not
    checked, so that the rules do not look for the text. Other items are returned as they are.

    >>> quote_as_note({"source": "s", "quote": "A acts on B.", "start": 0, "end": 12}, {"s"})
    {'source': 's', 'note': 'quote (not checked): “A acts on B.”'}
    """
    if not isinstance(item, Mapping) or item.get(EvidenceKey.SOURCE) not in texts or not item.get(EvidenceKey.QUOTE):
        return item
    note = f"quote (not checked): “{item[EvidenceKey.QUOTE]}”"
    rest = {k: v for k, v in item.items() if k not in (EvidenceKey.QUOTE, EvidenceKey.START, EvidenceKey.END, EvidenceKey.NOTE)}
    return {**rest, EvidenceKey.NOTE.value: "; ".join(filter(None, [item.get(EvidenceKey.NOTE), note]))}
