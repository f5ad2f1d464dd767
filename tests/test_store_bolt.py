"""The Bolt store (Neo4j): its contract against a real server when ``MECHGRAPH_BOLT_URL`` is set
(``MECHGRAPH_BOLT_USER`` and ``MECHGRAPH_BOLT_PASSWORD`` for its login); always, its plumbing
through a stand-in driver that forwards the same queries to a Ladybug database."""

from __future__ import annotations

import os
from functools import partial
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from mechgraph.errors import MechgraphError, ReadError
from mechgraph.query import (
    effects,
    filter_graph,
    neighbourhood,
    resolve_node,
    search,
    signed_paths,
)
from mechgraph.store import BoltStore, GraphStore, queries, write_bolt, write_database

from .test_query_support import toy_graph

BOLT_URL = os.environ.get("MECHGRAPH_BOLT_URL")


class _Record:
    def __init__(self, values: list[Any]) -> None:
        self._values = values

    def values(self) -> list[Any]:
        return self._values


class _LadybugDriver:
    """Answers ``execute_query`` from a Ladybug database, as the neo4j driver does from a server."""

    def __init__(self, path: Path) -> None:
        import ladybug

        self.database = ladybug.Database(str(path), read_only=True)
        self.connection = ladybug.Connection(self.database)
        self.closed = False

    def execute_query(self, query: str, parameters: dict[str, Any], database_: str | None = None) -> tuple[list[_Record], None, None]:
        result = self.connection.execute(query, parameters)
        return [_Record(list(row)) for row in result.get_all()], None, None

    def close(self) -> None:
        self.closed = True
        self.connection.close()
        self.database.close()


def _outcome(function: Any) -> Any:
    try:
        return ("ok", function())
    except MechgraphError as error:
        return (type(error).__name__, str(error))


def _answers_like(store: GraphStore, graph: nx.MultiDiGraph) -> None:
    """The contract: a store answers as the graph in memory."""
    assert store.counts() == (graph.number_of_nodes(), graph.number_of_edges())
    whole = queries.filter_store(store)
    assert list(whole.nodes(data=True)) == list(graph.nodes(data=True))
    assert list(whole.edges(keys=True, data=True)) == list(graph.edges(keys=True, data=True))
    assert sorted(queries.filter_store(store, relations=["inhibits"]).edges(keys=True)) == sorted(filter_graph(graph, relations=["inhibits"]).edges(keys=True))
    for name in ("CsA", "interleukin 2", "TNFa", "cyclosporin", "nothing at all"):
        assert _outcome(partial(queries.resolve, store, name)) == _outcome(partial(resolve_node, graph, name))
        assert queries.search(store, name) == search(graph, name)
    for node in graph.nodes:
        for direction in ("up", "down", "both"):
            got, expected = queries.neighbourhood(store, node, depth=2, direction=direction), neighbourhood(graph, node, depth=2, direction=direction)
            assert list(got.nodes) == list(expected.nodes) and sorted(got.edges(keys=True)) == sorted(expected.edges(keys=True))
        assert _outcome(partial(queries.effects, store, node, max_length=4)) == _outcome(partial(effects, graph, node, max_length=4))
        for target in graph.nodes:
            assert _outcome(partial(_paths, queries.signed_paths, store, node, target)) == _outcome(partial(_paths, signed_paths, graph, node, target))


def _paths(function: Any, source: Any, node: str, target: str) -> Any:
    return function(source, node, target, k=3).to_dict()


def test_the_bolt_store_reads_through_its_driver(tmp_path: Path) -> None:
    graph = toy_graph()
    path = tmp_path / "toy.lbug"
    write_database(graph, path)
    driver = _LadybugDriver(path)
    with BoltStore("bolt://stand-in", driver=driver) as store:
        _answers_like(store, graph)
    assert driver.closed


def test_a_server_without_a_complete_graph_is_refused(tmp_path: Path) -> None:
    class Empty:
        def execute_query(self, query: str, parameters: dict[str, Any], database_: str | None = None) -> tuple[list[_Record], None, None]:
            return [], None, None

        def close(self) -> None:
            pass

    with pytest.raises(ReadError, match="not a complete database"):
        BoltStore("bolt://stand-in", driver=Empty())


@pytest.mark.skipif(BOLT_URL is None, reason="MECHGRAPH_BOLT_URL is not set: no Neo4j server to test against")
def test_a_bolt_server_answers_like_memory() -> None:
    pytest.importorskip("neo4j")
    assert BOLT_URL is not None
    user, password = os.environ.get("MECHGRAPH_BOLT_USER"), os.environ.get("MECHGRAPH_BOLT_PASSWORD")
    auth = (user, password) if user and password else None
    graph = toy_graph()
    write_bolt(graph, BOLT_URL, auth=auth, force=True)
    with BoltStore(BOLT_URL, auth=auth) as store:
        _answers_like(store, graph)
