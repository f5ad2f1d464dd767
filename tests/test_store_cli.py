"""``mechgraph import --db`` and ``--db`` on the query commands, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from mechgraph.cli import cli
from mechgraph.resources import bundled_graph_path
from mechgraph.store import LadybugStore

from .conftest import FIXTURES

VALID = FIXTURES / "valid.yaml"
FORMATS = FIXTURES / "formats"


def invoke(*args: object) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [str(arg) for arg in args])
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def bundled_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "bundled.lbug"
    code, out, err = invoke("import", bundled_graph_path(), "--db", path)
    assert code == 0, err
    assert "362 nodes" in out or "nodes" in out
    return path


@pytest.mark.parametrize(
    "command",
    [
        ["search", "interleukin 2", "--json"],
        ["search", "TNFa", "--limit", "3"],
        ["neighbors", "CsA", "--depth", "2", "--json"],
        ["neighbors", "il2", "tnf", "--direction", "up"],
        ["paths", "cyclosporine", "IL-2", "--json"],
        ["paths", "cyclosporine", "IL-2", "--evidence", "--k", "3"],
        ["paths", "IL-2", "cyclosporine"],
        ["effects", "cyclosporine", "--explain"],
        ["effects", "tacrolimus", "--json", "--mixed-context", "--max-length", "3"],
        ["paths", "cyclosporin", "IL-2"],
        ["neighbors", "no such thing"],
        ["perturb", "cyclosporine", "--json"],
        ["perturb", "tacrolimus", "sirolimus", "--block", "IL-2", "--max-length", "4"],
        ["compare", "tacrolimus", "sirolimus", "--json"],
        ["perturb", "no such drug"],
    ],
)
def test_db_answers_like_the_file(bundled_db: Path, command: list[str]) -> None:
    assert invoke(*command, "--db", bundled_db) == invoke(*command, "--graph", bundled_graph_path())


def test_import_reads_several_formats_into_one_graph(tmp_path: Path) -> None:
    db = tmp_path / "two.lbug"
    code, out, err = invoke("import", VALID, FORMATS / "signor.tsv", "--db", db, "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert [item["file"] for item in summary["files"]] == [str(VALID), str(FORMATS / "signor.tsv")]
    with LadybugStore(db) as store:
        assert store.counts() == (summary["nodes"], summary["relations"])
        assert summary["relations"] == sum(item["relations"] for item in summary["files"]) - summary["repeated"].get("relation", 0)


def test_an_invalid_file_names_its_line_and_writes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "bad.lbug"
    code, _, err = invoke("import", VALID, FIXTURES / "invalid" / "duplicate-id.yaml", "--db", db)
    assert code == 1
    assert "duplicate-id.yaml" in err and ":" in err and "Traceback" not in err
    assert not db.exists() and list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("name", ["malformed.sif", "malformed.json", "malformed.graphml", "entity-bomb.graphml", "malformed.csv"])
def test_a_malformed_file_is_one_clear_error(tmp_path: Path, name: str) -> None:
    db = tmp_path / "bad.lbug"
    code, _, err = invoke("import", FORMATS / name, "--db", db)
    assert code in (1, 2)
    assert name in err and "Traceback" not in err
    assert list(tmp_path.iterdir()) == []


def test_an_existing_database_is_replaced_only_with_force(tmp_path: Path) -> None:
    db = tmp_path / "graph.lbug"
    assert invoke("import", VALID, "--db", db, "--quiet")[0] == 0
    before = db.read_bytes()
    code, _, err = invoke("import", VALID, "--db", db)
    assert code == 2 and "--force" in err
    assert db.read_bytes() == before
    # a failed replacement keeps the old database
    assert invoke("import", FIXTURES / "invalid" / "duplicate-id.yaml", "--db", db, "--force")[0] == 1
    assert db.read_bytes() == before and sorted(item.name for item in tmp_path.iterdir()) == ["graph.lbug"]
    assert invoke("import", VALID, "--db", db, "--force", "--quiet")[0] == 0


def test_a_missing_folder_is_found_before_reading(tmp_path: Path) -> None:
    code, _, err = invoke("import", VALID, "--db", tmp_path / "no" / "such" / "graph.lbug")
    assert code == 2 and "does not exist" in err and "valid.yaml:" not in err


def test_db_errors_are_one_line(tmp_path: Path) -> None:
    code, _, err = invoke("search", "x", "--db", tmp_path / "missing.lbug")
    assert code == 2 and "no such database" in err and "mechgraph import" in err
    not_a_db = tmp_path / "text.lbug"
    not_a_db.write_text("hello")
    code, _, err = invoke("paths", "a", "b", "--db", not_a_db)
    assert code == 2 and "not a mechgraph database" in err and "Traceback" not in err
    code, _, err = invoke("search", "x", "--db", not_a_db, "--graph", VALID)
    assert code == 2 and "not both" in err


def test_serve_loads_a_small_store_and_serves_a_large_one_by_regions(bundled_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from mechgraph.cli import store_commands
    from mechgraph.dashboard.regions import StoreRegions
    from mechgraph.graph import read_graph

    graph = store_commands.served_store(bundled_db, None)
    bundled = read_graph()
    assert isinstance(graph, nx.MultiDiGraph)
    assert list(graph.nodes(data=True)) == list(bundled.nodes(data=True))
    assert sorted(graph.edges(keys=True)) == sorted(bundled.edges(keys=True))
    monkeypatch.setattr(store_commands, "SERVE_MAX_RELATIONS", 10)
    served = store_commands.served_store(bundled_db, None)
    assert isinstance(served, StoreRegions) and served.totals == (bundled.number_of_nodes(), bundled.number_of_edges())
    served.store.close()


def test_an_overlay_is_refused_with_db_rather_than_mapped_onto_a_region(bundled_db: Path, tmp_path: Path) -> None:
    table = tmp_path / "values.csv"
    table.write_text("node,value\nIL-2,-1\n", encoding="utf-8")
    code, _, err = invoke("perturb", "cyclosporine", "--db", bundled_db, "--overlay", table)
    assert code == 2 and "--overlay" in err
