"""Safe YAML parsing that remembers where every value came from.

The file is parsed once by libyaml (PyYAML's C parser, with its pure-Python twin as fallback) with
the *safe* constructor: no custom tags, no object construction; duplicate keys are refused. The
composed node tree is kept so that a field path such as ``("relations", 4, "evidence", 0)`` can be
turned into a line and column when a problem is reported. Aliases are followed with a budget, so a
"billion laughs" file is refused instead of filling memory.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError, Problem, ReadError
from .limits import current

__all__ = ["ParsedYaml", "parse_yaml", "read_bytes", "read_text_file"]

#: The default limits (the ones in force are :func:`mechgraph.limits.current`).

Location = tuple[int, int]  # 1-based line and column
Locator = Callable[[Sequence[str | int]], Location | None]


def read_bytes(path: str | Path, *, limit: int | None = None) -> bytes:
    """The bytes of a file (at most ``limit``, by default the file limit in force), or ReadError
    saying which file and why."""
    path = Path(path)
    limit = current().file_bytes if limit is None else limit
    try:
        if not path.exists():
            raise ReadError(f"{path}: no such file")
        if not path.is_file():
            raise ReadError(f"{path}: not a regular file")
        size = path.stat().st_size
        if size > limit:
            raise ReadError(f"{path}: {size:,} bytes is larger than the {limit:,}-byte limit")
        with path.open("rb") as handle:
            raw = handle.read(limit + 1)  # a file that grew since stat() is still bounded
    except OSError as error:
        raise ReadError(f"{path}: cannot be read ({error.strerror or error})") from None
    if len(raw) > limit:
        raise ReadError(f"{path}: larger than the {limit:,}-byte limit")
    return raw


def read_text_file(path: str | Path, *, limit: int | None = None) -> str:
    """Read a UTF-8 text file (at most ``limit`` bytes, by default the file limit in force), or
    raise ReadError saying which file and why."""
    raw = read_bytes(path, limit=limit)
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
    loader = _SafeLoader(text)
    try:
        root = loader.get_single_node()
        tree = loader.construct_document(root) if root is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        message = " ".join(part for part in (error.context, error.problem) if part) or "malformed YAML"
        raise DataError([_problem(file, mark, f"malformed YAML: {_one_line(message)}")]) from None
    except yaml.YAMLError as error:
        raise DataError([_problem(file, None, f"malformed YAML: {_one_line(str(error))}")]) from None
    except RecursionError:
        raise DataError([_problem(file, None, "malformed YAML: nested too deeply")]) from None
    finally:
        loader.dispose()
    data = _Plain(file).convert(tree)
    return ParsedYaml(data=data, locate=lambda path: _locate(root, path))


class _SafeLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader (C parser where available) that refuses duplicate keys."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[tuple[str, str]] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode):
                key = (key_node.tag, key_node.value)
                if key in seen:
                    raise yaml.constructor.ConstructorError(
                        "while constructing a mapping", node.start_mark, f"found duplicate key {key_node.value!r}", key_node.start_mark
                    )
                seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _one_line(text: str) -> str:
    return " ".join(str(text).split())[:300]


def _problem(file: str | None, mark: Any, message: str) -> Problem:
    line = mark.line + 1 if mark is not None else None
    column = mark.column + 1 if mark is not None else None
    return Problem(file, line, column, "", message, "yaml-syntax")


class _Plain:
    """Copy a loaded tree into dicts, lists and scalars, refusing cycles and alias bombs."""

    def __init__(self, file: str | None) -> None:
        self.file = file
        self.count = 0
        self.depth = 0
        self.active: set[int] = set()
        limits = current()
        self.max_values, self.max_depth = limits.yaml_values, limits.depth

    def fail(self, message: str) -> DataError:
        return DataError([Problem(self.file, None, None, "", message, "yaml-syntax")])

    def convert(self, value: Any) -> Any:
        self.count += 1
        if self.count > self.max_values:
            raise self.fail(f"the file expands to more than {self.max_values:,} values (too many YAML aliases?)")
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
        if self.depth >= self.max_depth:
            raise self.fail(f"the file is nested more than {self.max_depth} levels deep")
        self.active.add(marker)
        self.depth += 1
        try:
            return build(value)
        except RecursionError:
            raise self.fail("the file is nested too deeply") from None
        finally:
            self.depth -= 1
            self.active.discard(marker)

    def key(self, key: Any) -> str:
        return key if isinstance(key, str) else str(self.convert(key))


def _locate(root: yaml.Node | None, path: Sequence[str | int]) -> Location | None:
    """The position of the deepest part of ``path`` present in the file (the value's)."""
    found: Location | None = None
    node = root
    for part in path:
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            child = next(
                (value for key, value in node.value if isinstance(key, yaml.ScalarNode) and key.value == str(part)),
                None,
            )
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            child = node.value[part]
        if child is None:
            break
        found = (child.start_mark.line + 1, child.start_mark.column + 1)
        node = child
    return found
