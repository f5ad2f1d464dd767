"""Safe YAML parsing that remembers where every value came from.

ruamel.yaml's round-trip loader keeps the line and column of each key and item; this module turns
the loaded tree into plain Python values (no custom tags, no object construction) and offers a
lookup from a field path such as ``("relations", 4, "evidence", 0)`` to its position in the file.
Aliases are followed with a budget, so a "billion laughs" file is refused instead of filling memory.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from .errors import DataError, Problem, ReadError

__all__ = ["MAX_FILE_BYTES", "ParsedYaml", "parse_yaml", "read_text_file"]

MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_ELEMENTS = 2_000_000  # scalars + containers after following aliases

Location = tuple[int, int]  # 1-based line and column
Locator = Callable[[Sequence[str | int]], Location | None]


def read_text_file(path: str | Path, *, limit: int = MAX_FILE_BYTES) -> str:
    """Read a UTF-8 text file, or raise ReadError saying which file and why."""
    path = Path(path)
    try:
        if not path.exists():
            raise ReadError(f"{path}: no such file")
        if not path.is_file():
            raise ReadError(f"{path}: not a regular file")
        size = path.stat().st_size
        if size > limit:
            raise ReadError(f"{path}: {size:,} bytes is larger than the {limit:,}-byte limit")
        raw = path.read_bytes()
    except OSError as error:
        raise ReadError(f"{path}: cannot be read ({error.strerror or error})") from None
    if b"\x00" in raw:
        raise ReadError(f"{path}: is a binary file, expected UTF-8 text")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise ReadError(f"{path}:{line}: not valid UTF-8 text (byte {error.start})") from None


@dataclass(frozen=True)
class ParsedYaml:
    data: Any
    locate: Locator


def parse_yaml(text: str, file: str | None = None) -> ParsedYaml:
    """Parse YAML text into plain values and a position lookup; malformed YAML raises DataError.

    >>> parsed = parse_yaml("nodes:\\n  - id: a\\n    kind: agent\\n")
    >>> parsed.data
    {'nodes': [{'id': 'a', 'kind': 'agent'}]}
    >>> parsed.locate(("nodes", 0, "kind"))
    (3, 11)
    """
    yaml = YAML(typ="rt", pure=True)
    yaml.allow_duplicate_keys = False
    try:
        tree = yaml.load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = " ".join(part for part in (error.context, error.problem) if part) or "malformed YAML"
        raise DataError([_problem(file, mark, f"malformed YAML: {_one_line(message)}")]) from None
    except YAMLError as error:
        raise DataError([_problem(file, None, f"malformed YAML: {_one_line(str(error))}")]) from None
    except RecursionError:
        raise DataError([_problem(file, None, "malformed YAML: nested too deeply")]) from None
    data = _Plain(file).convert(tree)
    return ParsedYaml(data=data, locate=lambda path: _locate(tree, path))


def _one_line(text: str) -> str:
    return " ".join(str(text).split())[:300]


def _problem(file: str | None, mark: Any, message: str) -> Problem:
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    return Problem(file, line, column, "", message, "yaml-syntax")


class _Plain:
    """Copy a ruamel tree into dicts, lists and scalars, refusing cycles and alias bombs."""

    def __init__(self, file: str | None) -> None:
        self.file = file
        self.count = 0
        self.active: set[int] = set()

    def fail(self, message: str) -> DataError:
        return DataError([Problem(self.file, None, None, "", message, "yaml-syntax")])

    def convert(self, value: Any) -> Any:
        self.count += 1
        if self.count > MAX_ELEMENTS:
            raise self.fail(f"the file expands to more than {MAX_ELEMENTS:,} values (too many YAML aliases?)")
        if isinstance(value, dict):
            return self._container(value, lambda v: {self.key(k): self.convert(x) for k, x in v.items()})
        if isinstance(value, list):
            return self._container(value, lambda v: [self.convert(x) for x in v])
        if value is None or isinstance(value, bool | int | float):
            return value
        if isinstance(value, str):
            return str(value)
        if isinstance(value, datetime | date):
            return value.isoformat()
        # Tagged values and anything else a YAML tag could produce are kept as their text only.
        return str(getattr(value, "value", value))

    def _container(self, value: Any, build: Callable[[Any], Any]) -> Any:
        marker = id(value)
        if marker in self.active:
            raise self.fail("the file contains a recursive YAML alias")
        self.active.add(marker)
        try:
            return build(value)
        except RecursionError:
            raise self.fail("the file is nested too deeply") from None
        finally:
            self.active.discard(marker)

    def key(self, key: Any) -> str:
        return key if isinstance(key, str) else str(self.convert(key))


def _locate(tree: Any, path: Sequence[str | int]) -> Location | None:
    """The position of the deepest part of ``path`` present in the file (value, else key)."""
    found: Location | None = None
    node = tree
    for part in path:
        try:
            if isinstance(node, CommentedMap) and part in node:
                line, column = node.lc.value(part) if _has_value_position(node, part) else node.lc.key(part)
                found = (line + 1, column + 1)
                node = node[part]
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and 0 <= part < len(node):
                line, column = node.lc.item(part)
                found = (line + 1, column + 1)
                node = node[part]
            else:
                break
        except (KeyError, IndexError, TypeError, AttributeError):
            break
    return found


def _has_value_position(node: CommentedMap, key: Any) -> bool:
    data = getattr(node.lc, "data", None) or {}
    entry = data.get(key)
    return bool(entry and len(entry) >= 4 and entry[2] is not None)
