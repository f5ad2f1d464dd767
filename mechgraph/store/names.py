"""The names a node is found by, as rows a store can index.

:func:`name_rows` lists, for one node, every text :class:`~mechgraph.query.SearchIndex` reads
(label, synonyms, id, identifiers and their local parts, process kind) as two lookup keys: the
text ignoring case (what :meth:`SearchIndex.exact` compares) and its search key (what
:meth:`SearchIndex.same_key` compares). A store keeps these keys in an indexed table, so a name is
resolved by one indexed lookup that returns a superset of the nodes the name could stand for;
:func:`mechgraph.query.resolve_node` then decides among those exactly as it does in memory.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from ..query import normalize_name
from ..vocabulary import Attr

__all__ = ["EXACT_PREFIX", "KEY_PREFIX", "NAME_ATTRIBUTES", "lookup_keys", "name_rows"]

#: A lookup key is the text ignoring case or the search key, told apart by a prefix.
EXACT_PREFIX, KEY_PREFIX = "t:", "k:"

#: The node attributes a name is read from: a graph of nodes with only these searches alike.
NAME_ATTRIBUTES = (Attr.LABEL.value, Attr.SYNONYMS.value, Attr.IDENTIFIERS.value, Attr.PROCESS.value)


def _texts(node: str, data: Mapping[str, Any]) -> Iterator[str]:
    yield str(data.get(Attr.LABEL.value) or node)
    yield from (str(synonym) for synonym in data.get(Attr.SYNONYMS.value) or ())
    yield str(node)
    for identifier in data.get(Attr.IDENTIFIERS.value) or ():
        yield str(identifier)
        if ":" in str(identifier):
            yield str(identifier).split(":", 1)[1]
    if data.get(Attr.PROCESS.value):
        yield str(data[Attr.PROCESS.value]).replace("_", " ")


def lookup_keys(name: str) -> tuple[str, str]:
    """The two lookup keys of a name as typed.

    >>> lookup_keys(" Interleukin-2 ")
    ('t:interleukin-2', 'k:il2')
    """
    return EXACT_PREFIX + name.casefold().strip(), KEY_PREFIX + normalize_name(name)


def name_rows(node: str, data: Mapping[str, Any]) -> set[str]:
    """Every lookup key of a node.

    >>> sorted(name_rows("il2", {"label": "IL-2", "identifiers": ["hgnc.symbol:IL2"]}))
    ['k:hgncsymbolil2', 'k:il2', 't:hgnc.symbol:il2', 't:il-2', 't:il2']
    """
    keys: set[str] = set()
    for text in _texts(node, data):
        exact, key = lookup_keys(text)
        keys.add(exact)
        if key != KEY_PREFIX:
            keys.add(key)
    return keys
