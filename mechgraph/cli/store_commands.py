"""``mechgraph import FILE... --db PATH``: write graph files into a database the query commands read
with ``--db PATH`` (see docs/scale.md)."""

from __future__ import annotations

import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar, cast

import click
import networkx as nx

from ..store import LadybugStore, StoreError, queries, write_database

if TYPE_CHECKING:
    from ..dashboard.regions import StoreRegions
from ._base import (
    cli,
    emit_json,
    expected_errors,
    json_option,
    load_graph_file,
    load_graph_result,
)

__all__ = ["SERVE_MAX_RELATIONS", "db_option", "graph_or_region", "import_command", "merge_graphs", "open_db", "served_graph", "served_store"]

F = TypeVar("F", bound=Callable[..., Any])

_DB_TYPE = click.Path(dir_okay=False, path_type=Path)

#: ``--db PATH`` on a query command: ask a database written by ``mechgraph import`` instead of a file.
db_option = click.option(
    "--db", "db", type=_DB_TYPE, default=None, metavar="PATH",
    help="Query the database at PATH (written by `mechgraph import FILE... --db PATH`) instead of a graph file.",
)  # fmt: skip


def graph_or_region(graph_file: Path | None, db: Path | None, region: Callable[[LadybugStore], nx.MultiDiGraph]) -> nx.MultiDiGraph:
    """The graph a query command works on: the file's (or the bundled graph) without ``--db``;
    with it, the region of the database the command's answer depends on (``region(store)``, one
    of the ``*_graph`` functions of :mod:`mechgraph.store.queries`)."""
    if db is None:
        return load_graph_file(graph_file)
    with open_db(db, graph_file) as store:
        return region(store)


#: The most relations ``serve --db`` loads whole into the dashboard; a larger store is served
#: region by region (each view fetches from the store only what it shows; mechgraph.dashboard.regions).
SERVE_MAX_RELATIONS = 50_000


def served_store(db: Path, graph_file: Path | None) -> nx.MultiDiGraph | StoreRegions:
    """What ``mechgraph serve --db`` serves: the whole graph of a store of at most
    :data:`SERVE_MAX_RELATIONS` relations, else the store itself, kept open, whose views are
    fetched region by region."""
    from ..dashboard.regions import StoreRegions

    if graph_file is not None:
        raise click.UsageError(f"give --graph {graph_file} or --db {db}, not both")
    store = LadybugStore(db)
    try:
        if store.counts()[1] > SERVE_MAX_RELATIONS:
            return StoreRegions(store)  # the store stays open as long as the server runs
        graph = queries.filter_store(store)
    except BaseException:
        store.close()
        raise
    store.close()
    return graph


def served_app_arguments(db: Path, graph_file: Path | None) -> dict[str, Any]:
    """The keyword arguments of :func:`mechgraph.dashboard.create_app` for the database at ``db``
    (``mechgraph serve --db`` and ``MECHGRAPH_DB`` under gunicorn): ``graph`` for a store small
    enough to hold whole, ``regions`` for a larger one."""
    from ..dashboard.regions import StoreRegions

    served = served_store(db, graph_file)
    return {"regions": served} if isinstance(served, StoreRegions) else {"graph": served}


def served_graph(db: Path, graph_file: Path | None) -> nx.MultiDiGraph:
    """The whole graph of the database at ``db``, for the dashboard, when it is small enough to draw."""
    with open_db(db, graph_file) as store:
        _, relations = store.counts()
        if relations > SERVE_MAX_RELATIONS:
            raise StoreError(
                f"{db} holds {relations:,} relations: the dashboard opens a store of at most {SERVE_MAX_RELATIONS:,}; "
                "ask a larger one with --db on search, neighbors, paths, effects, perturb and compare"
            )
        return queries.filter_store(store)


@contextmanager
def open_db(db: Path, graph_file: Path | None) -> Iterator[LadybugStore]:
    """The store at ``db`` for one command (``--graph`` and ``--db`` name two graphs: a usage error)."""
    if graph_file is not None:
        raise click.UsageError(f"give --graph {graph_file} or --db {db}, not both")
    store = LadybugStore(db)
    try:
        yield store
    finally:
        store.close()


def merge_graphs(graphs: list[tuple[str, nx.MultiDiGraph]]) -> tuple[nx.MultiDiGraph, Counter[str]]:
    """One graph of several: a node id seen again is the same node (attributes it lacked are
    filled in, none is overwritten); a relation with the same ends and id as an earlier one is kept once.

    >>> a = nx.MultiDiGraph(); _ = a.add_edge("x", "y", key="r1", relation="activates")
    >>> b = nx.MultiDiGraph(); _ = b.add_edge("x", "y", key="r1", relation="activates"); _ = b.add_edge("y", "z", key="r2")
    >>> merged, repeated = merge_graphs([("a.sif", a), ("b.sif", b)])
    >>> merged.number_of_edges(), dict(repeated)
    (2, {'node': 2, 'relation': 1})
    """
    if len(graphs) == 1:
        return graphs[0][1], Counter()
    merged = nx.MultiDiGraph()
    repeated: Counter[str] = Counter()
    for _name, graph in graphs:
        for key, value in graph.graph.items():
            merged.graph.setdefault(key, value)
        for node, data in graph.nodes(data=True):
            if node in merged:
                repeated["node"] += 1
                known = merged.nodes[node]
                for field, value in data.items():
                    known.setdefault(field, value)
            else:
                merged.add_node(node, **data)
        for u, v, key, data in graph.edges(keys=True, data=True):
            if merged.has_edge(u, v, key):
                repeated["relation"] += 1
            else:
                merged.add_edge(u, v, key, **data)
    return merged, repeated


@cli.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path), metavar="FILE...")
@click.option("--db", "db", required=True, type=_DB_TYPE, metavar="PATH", help="The database file to write.")
@click.option("--force", is_flag=True, help="Replace the database at PATH if it exists.")
@click.option("--quiet", is_flag=True, help="Print only the summary.")
@json_option
@expected_errors
def import_command(files: tuple[Path, ...], db: Path, force: bool, quiet: bool, as_json: bool) -> None:
    """Import graph files (any format mechgraph reads, each checked) into one database at PATH.

    Nodes with the same id in several files are one node. The database is written beside PATH
    and renamed onto it at the end: a failed or interrupted import leaves PATH as it was. Query
    it with --db PATH on search, neighbors, paths, effects, perturb and compare.
    """
    started = time.perf_counter()
    say = (lambda line: None) if quiet or as_json else (lambda line: click.echo(f"  {line}", err=True))
    if db.exists() and not force:
        raise click.UsageError(f"{db} exists: pass --force to replace it")
    if not (db.parent if str(db.parent) else Path(".")).is_dir():
        raise click.UsageError(f"cannot write {db}: folder {db.parent} does not exist")  # found before reading the files
    graphs: list[tuple[str, nx.MultiDiGraph]] = []
    read: list[dict[str, Any]] = []
    with click.progressbar(files, label="reading", file=sys.stderr if not (quiet or as_json) else cast(TextIO, _Silent()), show_pos=True) as progress:
        for file in progress:
            result = load_graph_result(file)
            graphs.append((str(file), result.graph))
            read.append({"file": str(file), **result.to_dict()})
    for item, (_, graph) in zip(read, graphs, strict=True):
        say(f"{item['file']}: {graph.number_of_nodes()} nodes, {graph.number_of_edges()} relations ({item['format']})")
    graph, repeated = merge_graphs(graphs)
    if repeated:
        say(f"seen in an earlier file and kept once: {', '.join(f'{count} {kind}s' for kind, count in sorted(repeated.items()))}")
    summary = write_database(graph, db, force=force, progress=say)
    seconds = time.perf_counter() - started
    if as_json:
        emit_json({**summary.to_dict(), "files": read, "repeated": dict(repeated), "seconds": round(seconds, 2)})
        return
    click.echo(
        f"{db}: {summary.nodes} nodes, {summary.relations} relations and {summary.names} names from "
        f"{len(files)} file{'s' if len(files) != 1 else ''} in {seconds:.1f} s ({summary.bytes / 1e6:.1f} MB)"
    )


class _Silent:
    """A file that drops what is written (the progress bar under --quiet and --json)."""

    def write(self, text: str) -> int:
        return len(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False
