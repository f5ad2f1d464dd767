"""What the result records' ``to_dict`` methods share: the fields written out as they are, under
their own names (the rest of each record's dict says how it writes the others)."""

from __future__ import annotations

from typing import Any

__all__ = ["fields_of"]


def fields_of(record: object, *names: str) -> dict[str, Any]:
    """The attributes ``names`` of ``record``, each under its own name, in the order given.

    >>> from types import SimpleNamespace
    >>> fields_of(SimpleNamespace(a=1, b="x", c=None), "b", "a")
    {'b': 'x', 'a': 1}
    """
    return {name: getattr(record, name) for name in names}
