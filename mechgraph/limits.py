"""The size limits of everything mechgraph reads, in one place.

Every reader checks them as early as it can (file bytes before reading, counts while building),
so a file that is too large is refused with a message naming the limit instead of filling memory
or keeping a server busy for minutes. The defaults fit the largest real pathway files (Reactome's
largest SBGN-ML diagrams have a few thousand glyphs; NDEx pathway networks a few thousand edges)
with a wide margin. A caller that needs other limits, such as the dashboard for uploads, sets them
for the duration of a ``with`` block; the setting is per thread (a context variable), so
concurrent requests do not see each other's limits.

Examples
--------
>>> current().nodes
100000
>>> with limited(nodes=10, relations=20):
...     current().nodes, current().relations
(10, 20)
>>> current().nodes
100000
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, fields, replace

__all__ = ["DEFAULT_LIMITS", "Limits", "current", "limited"]


@dataclass(frozen=True, slots=True)
class Limits:
    """How large an input may be. See ``docs/security.md``."""

    #: Bytes of one graph file (any format) or text to draft from.
    file_bytes: int = 20 * 1024 * 1024
    #: Bytes of one source text that quotes are checked against.
    source_text_bytes: int = 5 * 1024 * 1024
    #: Nodes in one graph.
    nodes: int = 100_000
    #: Relations (edges) in one graph.
    relations: int = 200_000
    #: Sources in one graph.
    sources: int = 100_000
    #: Nesting of YAML and JSON values (the native format needs 4 levels; other formats about 6).
    depth: int = 100
    #: Nesting of XML elements.
    xml_depth: int = 200
    #: XML elements in one file.
    xml_elements: int = 2_000_000
    #: YAML values after following aliases (stops "billion laughs" alias bombs).
    yaml_values: int = 2_000_000

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"limit {item.name} must be a whole number of 0 or more, not {value!r}")


DEFAULT_LIMITS = Limits()
_CURRENT: ContextVar[Limits] = ContextVar("mechgraph_limits", default=DEFAULT_LIMITS)


def current() -> Limits:
    """The limits in force (the defaults unless a :func:`limited` block changed them)."""
    return _CURRENT.get()


@contextmanager
def limited(**changes: int) -> Iterator[Limits]:
    """Read with other limits inside the block: ``with limited(nodes=20_000): read(...)``.

    >>> with limited(nodes=-1):
    ...     pass
    Traceback (most recent call last):
    ...
    ValueError: limit nodes must be a whole number of 0 or more, not -1
    """
    token = _CURRENT.set(replace(_CURRENT.get(), **changes))
    try:
        yield _CURRENT.get()
    finally:
        _CURRENT.reset(token)
