"""File handling shared by the formats: bounded input, safe XML and JSON parsing that keeps
positions for messages, and the checks a multi-file write makes before it starts.

XML is parsed with defusedxml: no DTD, no entities, no external references, within the limits of
:mod:`mechgraph.limits` (elements, depth, bytes); each element's line and column are kept for messages.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn, TypedDict

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from ..errors import DataError, Problem, ReadError
from ..fileio import OutputExists, WriteError
from ..limits import current
from ..yamltext import read_bytes, read_text_file

__all__ = [
    "Input",
    "XmlTree",
    "check_targets",
    "child",
    "children",
    "fail",
    "head_of",
    "load_input",
    "load_json",
    "local_name",
    "parse_json",
    "parse_xml",
]

HEAD_BYTES = 4096


@dataclass(frozen=True)
class Input:
    """The bytes of a file to import, and how to name it in messages."""

    data: bytes
    name: str  # the path as given, or the upload's file name
    path: Path | None = None  # set when read from a file

    @property
    def file_name(self) -> str:
        return Path(self.name).name or self.name

    @property
    def base_dir(self) -> Path | None:
        """The folder of the file, where source texts that its quotes cite would be."""
        return self.path.resolve().parent if self.path is not None else None

    def text(self) -> str:
        """The content as text: UTF-8 (a BOM is skipped); binary content is refused."""
        if b"\x00" in self.data:
            raise ReadError(f"{self.name}: is a binary file, expected UTF-8 text")
        try:
            return self.data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            line = self.data[: error.start].count(b"\n") + 1
            raise ReadError(f"{self.name}:{line}: not valid UTF-8 text (byte {error.start})") from None


def load_input(source: Path | bytes | str, *, name: str | None, default_name: str) -> Input:
    """The bytes of ``source`` (a path to open, or the content itself), at most the file limit."""
    limit = current().file_bytes
    if isinstance(source, Path):
        return Input(read_bytes(source, limit=limit), name or str(source), source)
    if isinstance(source, str) and len(source) > limit:  # before encoding a huge string
        raise ReadError(f"{name or default_name}: {len(source):,} characters is larger than the {limit:,}-byte limit")
    data = source.encode("utf-8", "surrogatepass") if isinstance(source, str) else bytes(source)
    if len(data) > limit:
        raise ReadError(f"{name or default_name}: {len(data):,} bytes is larger than the {limit:,}-byte limit")
    return Input(data, name or default_name, None)


def head_of(source: Path | bytes | str) -> bytes | None:
    """The first bytes of a source, for telling formats that share an extension apart."""
    if isinstance(source, Path):
        try:
            with source.open("rb") as handle:
                return handle.read(HEAD_BYTES)
        except OSError:
            return None  # the reader names the problem
    data = source.encode("utf-8") if isinstance(source, str) else source
    return bytes(data[:HEAD_BYTES])


class Where(TypedDict):
    """Where in a file a problem is: keyword arguments of :func:`fail`."""

    line: int | None
    column: int | None


def fail(inp: Input | str, message: str, *, line: int | None = None, column: int | None = None, field: str = "", rule: str = "format") -> NoReturn:
    """Raise a DataError naming the file, the position and the problem."""
    name = inp.name if isinstance(inp, Input) else inp
    error = DataError([Problem(name, line, column, field, message, rule)])
    error.__suppress_context__ = True  # the parser's own exception is in the message already
    raise error


# -- JSON -----------------------------------------------------------------------------------------


def load_json(source: Path | bytes | str, *, name: str | None, default_name: str) -> tuple[Input, Any]:
    """The input of ``source`` (as :func:`load_input` reads it) and the JSON it holds (as :func:`parse_json` parses it)."""
    inp = load_input(source, name=name, default_name=default_name)
    return inp, parse_json(inp)


def parse_json(inp: Input) -> Any:
    """Parse JSON; a syntax error names its line and column.

    >>> parse_json(Input(b'{"a": [1, 2,]}', "x.json"))
    Traceback (most recent call last):
    ...
    mechgraph.errors.DataError: x.json:1:13: malformed JSON: Expecting value
    """
    text = inp.text()
    try:
        value = json.loads(text, object_pairs_hook=_unique_keys)
    except _DuplicateKey as error:
        fail(inp, f"malformed JSON: duplicate key {error.key!r} in one object (which value is meant?)", rule="json-syntax")
    except json.JSONDecodeError as error:
        fail(inp, f"malformed JSON: {error.msg}", line=error.lineno, column=error.colno, rule="json-syntax")
    except RecursionError:
        fail(inp, "malformed JSON: nested too deeply", rule="json-syntax")
    limit = current().depth
    if _depth_exceeds(value, limit):
        fail(inp, f"refused JSON: values nested more than {limit} levels deep", rule="json-syntax")
    return value


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """A JSON object as a dict, refusing a key given twice (JSON parsers disagree on which wins)."""
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKey(key)
            seen.add(key)
    return result


def _depth_exceeds(value: Any, limit: int) -> bool:
    """Whether lists and objects nest deeper than ``limit`` (walked without recursion).

    >>> _depth_exceeds({"a": [[1]]}, 3), _depth_exceeds({"a": [[1]]}, 2)
    (False, True)
    """
    stack: list[tuple[Any, int]] = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict):
            children: Any = item.values()
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth + 1 > limit:
            return True
        stack.extend((child, depth + 1) for child in children if isinstance(child, dict | list))
    return False


def json_path(*parts: str | int) -> str:
    """A JSON path in the dotted style of mechgraph's messages.

    >>> json_path("elements", "nodes", 3, "data", "id")
    'elements.nodes[3].data.id'
    """
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


# -- XML ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class XmlTree:
    """A parsed XML document and the position of each of its elements."""

    root: ET.Element
    positions: dict[ET.Element, tuple[int, int]]

    def line(self, element: ET.Element) -> int | None:
        position = self.positions.get(element)
        return position[0] if position else None

    def where(self, element: ET.Element) -> Where:
        """Keyword arguments for :func:`fail`: the element's line and column."""
        line, column = self.positions.get(element, (None, None))
        return {"line": line, "column": column}


class _PositionBuilder(ET.TreeBuilder):
    """Builds the tree and records where each element starts, within element and depth limits."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name
        self.position: Callable[[], tuple[int, int]] = lambda: (0, 0)
        self.positions: dict[ET.Element, tuple[int, int]] = {}
        self.depth = 0
        limits = current()
        self.max_elements, self.max_depth = limits.xml_elements, limits.xml_depth

    def start(self, tag: str, attrs: dict[str, str]) -> ET.Element:  # type: ignore[override]
        element = super().start(tag, attrs)
        self.depth += 1
        if len(self.positions) >= self.max_elements:
            raise _LimitError(f"more than {self.max_elements:,} XML elements")
        if self.depth > self.max_depth:
            raise _LimitError(f"XML elements nested more than {self.max_depth} deep")
        self.positions[element] = self.position()
        return element

    def end(self, tag: str) -> ET.Element:  # type: ignore[override]
        self.depth -= 1
        return super().end(tag)


class _LimitError(Exception):
    pass


def parse_xml(inp: Input) -> XmlTree:
    """Parse XML safely; malformed or hostile XML is a DataError naming line and column.

    >>> parse_xml(Input(b"<a>\\n  <b></a>", "x.xml"))
    Traceback (most recent call last):
    ...
    mechgraph.errors.DataError: x.xml:2:8: malformed XML: mismatched tag
    >>> parse_xml(Input(b'<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>', "x.xml"))
    Traceback (most recent call last):
    ...
    mechgraph.errors.DataError: x.xml:1:13: refused XML: a DOCTYPE declaration (DTDs and entities are not accepted)
    """
    builder = _PositionBuilder(inp.name)
    parser = DefusedXMLParser(target=builder, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    expat = parser.parser  # the pure-Python parser keeps its expat parser here
    builder.position = lambda: (expat.CurrentLineNumber, expat.CurrentColumnNumber + 1)
    try:
        parser.feed(inp.data)
        root = parser.close()
    except ET.ParseError as error:
        line, column = error.position
        message = str(error).split(":")[0]
        fail(inp, f"malformed XML: {message}", line=line, column=column + 1, rule="xml-syntax")
    except DefusedXmlException as error:
        what = {"DTDForbidden": "a DOCTYPE declaration", "EntitiesForbidden": "an entity declaration"}.get(type(error).__name__, "an external reference")
        fail(
            inp,
            f"refused XML: {what} (DTDs and entities are not accepted)",
            line=expat.CurrentLineNumber,
            column=expat.CurrentColumnNumber + 1,
            rule="xml-syntax",
        )
    except _LimitError as error:
        fail(inp, f"refused XML: {error}", line=expat.CurrentLineNumber, rule="xml-syntax")
    except RecursionError:
        fail(inp, "refused XML: nested too deeply", rule="xml-syntax")
    except (LookupError, ValueError) as error:  # an unknown encoding in the XML declaration
        fail(inp, f"malformed XML: {_one_line(str(error))}", line=expat.CurrentLineNumber, rule="xml-syntax")
    return XmlTree(root, builder.positions)


def _one_line(text: str) -> str:
    return " ".join(text.split())[:200]


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|\r\n?")


def xml_safe(value: Any, changed: Counter[str]) -> Any:
    """Text that XML 1.0 can hold: control characters become U+FFFD and carriage returns line
    feeds (counted in ``changed``); other values are returned as they are.

    >>> counter = Counter()
    >>> xml_safe("a\\x01b\\r\\nc", counter), sum(counter.values())
    ('a\\ufffdb\\nc', 2)
    """
    if not isinstance(value, str):
        return value
    cleaned, count = _XML_INVALID.subn(lambda m: "\n" if m.group().startswith("\r") else "\ufffd", value)
    if count:
        changed["characters XML cannot hold (control characters as U+FFFD, carriage returns as line feeds)"] += count
    return cleaned


def local_name(tag: str) -> str:
    """An element's name without its namespace.

    >>> local_name("{http://sbgn.org/libsbgn/0.2}glyph")
    'glyph'
    """
    return tag.rsplit("}", 1)[-1]


def children(element: ET.Element | None, name: str) -> Iterator[ET.Element]:
    """The children of ``element`` named ``name`` (whatever their namespace), in order; none when
    there is no element.

    >>> root = ET.fromstring('<g xmlns="urn:x"><node id="a"/><edge/><node id="b"/></g>')
    >>> [node.get("id") for node in children(root, "node")], list(children(None, "node"))
    (['a', 'b'], [])
    >>> child(root, "edge") is not None, child(root, "key")
    (True, None)
    """
    return (item for item in (element if element is not None else ()) if local_name(item.tag) == name)


def child(element: ET.Element | None, name: str) -> ET.Element | None:
    """The first child of ``element`` named ``name`` (whatever its namespace), or None."""
    return next(children(element, name), None)


# -- writing --------------------------------------------------------------------------------------


def check_targets(paths: list[Path], *, force: bool) -> None:
    """Refuse before writing anything when one of several outputs exists (and force is not set),
    so that a multi-file write is all or nothing."""
    for path in paths:
        if path.exists() and not force:
            raise OutputExists(f"{path} exists: pass --force (force=True) to overwrite it")
        if path.exists() and not path.is_file():
            raise WriteError(f"cannot write {path}: it is not a regular file")
        if not path.parent.is_dir():
            raise WriteError(f"cannot write {path}: folder {path.parent} does not exist")


def read_source_text(path: Path) -> bytes:
    """A source text's bytes (for copying it beside a written file)."""
    return read_text_file(path).encode("utf-8")
