"""The lowest layer of the query package, imported by every other query module (and by nothing
it imports): the graph type the queries read, and a garbage-collector pause for building large
subgraphs."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import networkx as nx

from ..errors import QueryError

__all__ = ["gc_paused", "require_multidigraph"]


@contextmanager
def gc_paused() -> Iterator[None]:
    """Keep the cyclic garbage collector out of the building of a large subgraph.

    Every few hundred new containers trigger a collection, and at 100k relations the passes over
    the older generations (which hold the whole input graph) cost twice the copying itself. So
    the collector is paused while building. Afterwards the young objects (the new subgraph, which
    has no reference cycles, and whatever another thread made meanwhile) are moved straight to
    the oldest generation, ``freeze`` then ``unfreeze``, two constant-time list moves, instead of
    being traversed on their way there; a full collection still finds any cycle among them. That
    step is left out when the application has frozen objects of its own (e.g. a server that
    preloads before it forks), so as not to unfreeze them.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        if enabled:
            gc.enable()


def require_multidigraph(graph: Any) -> None:
    """Queries read relations as keyed, directed edges."""
    if not isinstance(graph, nx.MultiDiGraph):
        raise QueryError(f"queries need a networkx MultiDiGraph (as read_graph returns), not {type(graph).__name__}")
