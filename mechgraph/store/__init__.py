"""Graph stores behind mechgraph's queries: the graph in memory, or an embedded Ladybug database.

The query functions of :mod:`mechgraph.query` take a networkx graph and stay the API. A store
answers the same questions for a graph too big to hold: :mod:`mechgraph.store.queries` fetches
from it the region an answer depends on and runs those same functions there, so the answers are
the same. ``mechgraph import FILE... --db PATH`` writes a Ladybug database;
``--db PATH`` on the query commands reads it.

>>> import tempfile
>>> from pathlib import Path
>>> from mechgraph.graph import read_graph
>>> path = Path(tempfile.mkdtemp()) / "graph.lbug"
>>> _ = write_database(read_graph(), path)
>>> with open_store(path) as store:
...     report = queries.signed_paths(store, queries.resolve(store, "cyclosporine"), queries.resolve(store, "IL-2"))
>>> report.best.sign.word
'decreases'
"""

from __future__ import annotations

from pathlib import Path

from . import queries
from .base import GraphStore, RelationRow
from .bolt import BoltStore, write_bolt
from .ladybug import LadybugStore, StoreError, WriteSummary, write_database
from .memory import MemoryStore, induced

__all__ = [
    "BoltStore",
    "GraphStore",
    "LadybugStore",
    "MemoryStore",
    "RelationRow",
    "StoreError",
    "WriteSummary",
    "induced",
    "open_store",
    "queries",
    "write_bolt",
    "write_database",
]


def open_store(path: str | Path) -> LadybugStore:
    """The database at ``path``, opened read-only (a ReadError says why it cannot be)."""
    return LadybugStore(path)
