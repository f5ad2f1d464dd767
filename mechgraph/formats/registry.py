"""The one registry of file formats: each format's reader and writer, found by name or extension.

Every reader has one signature, ``read(source, *, name=None) -> ImportResult``, where ``source``
is a :class:`~pathlib.Path` (a file to open) or the content itself (``bytes`` or ``str``, e.g. an
upload; ``name`` is then the file name used in messages). Every writer has one signature,
``write(graph, path, *, force=False) -> WriteResult`` (atomic; an existing file is replaced only
with ``force``). :func:`register` refuses a function with another signature, so the formats cannot
drift apart.

Examples
--------
>>> from mechgraph.formats import format_for_path, get_format
>>> get_format("sif").extensions
('.sif',)
>>> format_for_path("pathway.graphml").name
'graphml'
"""

from __future__ import annotations

import inspect
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

import networkx as nx

from ..errors import DataError, FormatError
from ..yamltext import collector_paused

if TYPE_CHECKING:
    from ..validation import Report

__all__ = [
    "Format",
    "ImportResult",
    "Reader",
    "WriteResult",
    "Writer",
    "format_for_path",
    "formats",
    "get_format",
    "load",
    "read",
    "register",
    "unregister",
    "write",
]

Mode = Literal["read", "write"]
Source = Path | bytes | str


@dataclass(frozen=True)
class ImportResult:
    """What a reader returns: the graph, and what it could not carry over.

    ``dropped`` counts items per kind that the import left out (e.g. ``"arc 'equivalence arc'"``);
    ``notes`` say in words what was mapped by a rule the user should know about. ``report`` is the
    native rules' report on the graph (quotes checked, per source) once they have been run: by
    the native reader, and by :func:`load` for every format.

    >>> result = ImportResult(nx.MultiDiGraph(), "sif", Counter({"blank line": 2}), ("a note",))
    >>> result.report_lines()
    ['dropped 2 blank line', 'note: a note']
    """

    graph: nx.MultiDiGraph
    format: str
    dropped: Counter[str] = field(default_factory=Counter)
    notes: tuple[str, ...] = ()
    report: Report | None = field(default=None, compare=False, repr=False)

    def report_lines(self) -> list[str]:
        """The import report, one line per dropped kind and per note."""
        lines = [f"dropped {count} {kind}" for kind, count in sorted(self.dropped.items())]
        return lines + [f"note: {note}" for note in self.notes]

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": self.format,
            "nodes": self.graph.number_of_nodes(),
            "relations": self.graph.number_of_edges(),
            "dropped": dict(sorted(self.dropped.items())),
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class WriteResult:
    """What a writer returns: the files written and what the format could not carry."""

    path: Path
    format: str
    files: tuple[Path, ...] = ()
    dropped: Counter[str] = field(default_factory=Counter)
    notes: tuple[str, ...] = ()

    def report_lines(self) -> list[str]:
        lines = [f"not written: {count} {kind}" for kind, count in sorted(self.dropped.items())]
        return lines + [f"note: {note}" for note in self.notes]

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": str(self.path),
            "format": self.format,
            "files": [str(path) for path in self.files],
            "dropped": dict(sorted(self.dropped.items())),
            "notes": list(self.notes),
        }


class Reader(Protocol):
    def __call__(self, source: Source, /, *, name: str | None = None) -> ImportResult: ...


class Writer(Protocol):
    def __call__(self, graph: nx.MultiDiGraph, path: Path, /, *, force: bool = False) -> WriteResult: ...


@dataclass(frozen=True)
class Format:
    """A registered file format.

    ``sniff`` recognises the format from the first bytes of a file; it decides between formats
    that share a family of extensions (``.json``: node-link, Cytoscape.js or CX; ``.xml``).
    ``cannot_carry`` says in words what a written file loses (shown by ``mechgraph formats``).
    """

    name: str
    title: str
    extensions: tuple[str, ...]
    reader: Reader | None = None
    writer: Writer | None = None
    sniff: Callable[[bytes], bool] | None = None
    cannot_carry: str = ""

    @property
    def modes(self) -> tuple[str, ...]:
        return tuple(mode for mode, function in (("read", self.reader), ("write", self.writer)) if function)


_REGISTRY: dict[str, Format] = {}
_BY_EXTENSION: dict[str, str] = {}
#: Extensions shared by several formats, told apart by content when reading.
_SNIFFED_EXTENSIONS = (".json", ".xml", ".txt")


def register(fmt: Format) -> Format:
    """Add a format to the registry; its reader and writer must have the one signature.

    >>> def bad_reader(path):
    ...     return None
    >>> register(Format("bad", "Bad", (".bad",), reader=bad_reader))
    Traceback (most recent call last):
    ...
    TypeError: reader of format 'bad' must be read(source, /, *, name=None) -> ImportResult
    """
    if fmt.reader is not None and not _has_signature(fmt.reader, positional=1, keywords={"name": None}):
        raise TypeError(f"reader of format {fmt.name!r} must be read(source, /, *, name=None) -> ImportResult")
    if fmt.writer is not None and not _has_signature(fmt.writer, positional=2, keywords={"force": False}):
        raise TypeError(f"writer of format {fmt.name!r} must be write(graph, path, /, *, force=False) -> WriteResult")
    if fmt.name in _REGISTRY and _REGISTRY[fmt.name] != fmt:
        raise ValueError(f"format {fmt.name!r} is already registered")
    for extension in fmt.extensions:
        if not extension.startswith(".") or extension != extension.lower():
            raise ValueError(f"extension {extension!r} of format {fmt.name!r} must be lower case and start with '.'")
        owner = _BY_EXTENSION.get(extension)
        if owner is not None and owner != fmt.name:
            raise ValueError(f"extension {extension!r} already belongs to format {owner!r}")
    _REGISTRY[fmt.name] = fmt
    for extension in fmt.extensions:
        _BY_EXTENSION[extension] = fmt.name
    return fmt


def _has_signature(function: Callable[..., Any], *, positional: int, keywords: dict[str, Any]) -> bool:
    parameters = list(inspect.signature(function).parameters.values())
    leading = [p for p in parameters if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)]
    keyword_only = [p for p in parameters if p.kind is p.KEYWORD_ONLY]
    others = [p for p in parameters if p not in leading and p not in keyword_only]
    return len(leading) == positional and all(p.default is p.empty for p in leading) and {p.name: p.default for p in keyword_only} == keywords and not others


def formats() -> tuple[Format, ...]:
    """Every registered format, in registration order."""
    return tuple(_REGISTRY.values())


def get_format(name: str) -> Format:
    """The format called ``name``; FormatError lists the known names otherwise."""
    try:
        return _REGISTRY[name.lower()]
    except KeyError:
        raise FormatError(f"unknown format {name!r}: known formats are {', '.join(_REGISTRY)}") from None


def _extension_of(path: str | Path) -> str | None:
    """The longest registered extension that the file name ends with."""
    file_name = Path(path).name.lower()
    matches = [ext for ext in _BY_EXTENSION if file_name.endswith(ext) and len(file_name) > len(ext)]
    return max(matches, key=len) if matches else None


def format_for_path(path: str | Path, *, mode: Mode = "read", head: bytes | None = None) -> Format:
    """The format of a file, from its extension (and, for shared extensions, its first bytes).

    >>> format_for_path("pathway.json", head=b'{"elements": {"nodes": []}}').name
    'cyjs'
    >>> format_for_path("net.xyz")
    Traceback (most recent call last):
    ...
    mechgraph.errors.FormatError: net.xyz: no registered format has the extension '.xyz'; ...
    """
    extension = _extension_of(path)
    suffix = Path(path).suffix.lower()
    if head is not None and (extension in _SNIFFED_EXTENSIONS or (extension is None and suffix in _SNIFFED_EXTENSIONS)):
        for fmt in _REGISTRY.values():
            able = fmt.reader if mode == "read" else fmt.writer
            if fmt.sniff is not None and able is not None and fmt.sniff(head):
                return fmt
    if extension is None:
        known = ", ".join(sorted(_BY_EXTENSION))
        raise FormatError(
            f"{path}: no registered format has the extension {suffix or '(none)'!r}; "
            f"known extensions: {known} (rename the file, or name its format: mechgraph convert --from/--to)"
        )
    fmt = _REGISTRY[_BY_EXTENSION[extension]]
    if mode == "write" and fmt.writer is None:
        writable = ", ".join(f.name for f in _REGISTRY.values() if f.writer)
        raise FormatError(f"{path}: mechgraph reads {fmt.title} but does not write it; write one of: {writable}")
    if mode == "read" and fmt.reader is None:
        raise FormatError(f"{path}: mechgraph writes {fmt.title} but does not read it")
    return fmt


def read(source: Source, *, format: str | None = None, name: str | None = None) -> ImportResult:
    """Read a graph in any registered format.

    ``source`` is a path (``Path``) or the file's content (``bytes`` or ``str``, with ``name``
    the file name: it picks the format when ``format`` is not given and appears in messages).

    >>> result = read(b"a\\tinhibits\\tb\\n", name="upload.sif")
    >>> [(u, v, d["relation"], d["sign"]) for u, v, d in result.graph.edges(data=True)]
    [('a', 'b', 'inhibits', -1)]
    """
    from ._io import head_of  # the registry stays free of file handling

    label = name if name is not None else (str(source) if isinstance(source, Path) else None)
    if format is not None:
        fmt = get_format(format)
    elif label is None:
        raise FormatError("name the format, or give a file name with an extension, to read content")
    else:
        fmt = format_for_path(label, mode="read", head=head_of(source))
    if fmt.reader is None:
        raise FormatError(f"mechgraph does not read {fmt.title}")
    with collector_paused():
        return fmt.reader(source, name=name)


def write(graph: nx.MultiDiGraph, path: str | Path, *, format: str | None = None, force: bool = False) -> WriteResult:
    """Write a graph in the format named, or the one its extension says.

    Files are written atomically, and an existing file is replaced only with ``force``.

    >>> import tempfile
    >>> from mechgraph.graph import read_graph
    >>> folder = Path(tempfile.mkdtemp())
    >>> write(read_graph(), folder / "immunomodulation.sif").format
    'sif'
    """
    path = Path(path)
    fmt = get_format(format) if format is not None else format_for_path(path, mode="write")
    if fmt.writer is None:
        raise FormatError(f"mechgraph reads {fmt.title} but does not write it")
    with collector_paused():
        result = fmt.writer(graph, path, force=force)
    from ..graph import negated_relations

    denied = negated_relations(graph)  # those between the graph's own nodes (a view shares its graph's attributes)
    if denied and fmt.name != "native":  # only the native format has a field for a denied relation
        dropped = Counter(result.dropped)
        dropped["negated relation (a source's 'X does not act on Y'; the format has no field for it)"] += len(denied)
        result = replace(result, dropped=dropped)
    return result


def load(path: str | Path | None = None, *, format: str | None = None) -> ImportResult:
    """The one loader of the command line and the dashboard: read a file in any registered format
    (the bundled graph when ``path`` is None), then check it against the model's rules.

    The format comes from ``format`` or from the file's extension (and first bytes). A native file
    is checked by its reader, line by line; any other is checked once imported (:func:`mechgraph.formats.check_graph`).
    Raises :class:`~mechgraph.errors.ReadError` when the file cannot be read (missing, too large,
    unknown extension) and :class:`~mechgraph.errors.DataError`, with every problem and the file's
    name, when it is read but invalid. The result's ``report`` holds the native rules' report.

    >>> result = load()
    >>> result.format, result.report.ok
    ('native', True)
    >>> import tempfile
    >>> sif = Path(tempfile.mkdtemp()) / "small.sif"
    >>> _ = sif.write_text("il2\\tactivates\\tt_cell_proliferation\\n")
    >>> load(sif).graph.number_of_edges()
    1
    """
    from ..resources import bundled_graph_path

    result = read(Path(path) if path is not None else bundled_graph_path(), format=format)
    if result.report is not None:  # the reader ran every rule (the native one with lines; the others on the document they built)
        return result
    from ._check import document_report, graph_problems

    problems = graph_problems(result.graph)
    with collector_paused():
        report = document_report(result.graph) if not problems else None
    if report is not None:
        problems = list(report.problems)
    if problems:
        raise DataError(problems)
    return replace(result, report=report)


def unregister(*names: str) -> None:
    """Forget registered formats (a plugin's, or a test's): their names and extensions are free
    again. Unknown names are ignored."""
    for name in names:
        fmt = _REGISTRY.pop(name, None)
        for extension in fmt.extensions if fmt else ():
            _BY_EXTENSION.pop(extension, None)
