"""``mechgraph convert`` and ``mechgraph formats``; other commands read any format."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from mechgraph.cli import cli
from mechgraph.graph import read_graph

from .conftest import FIXTURES


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_convert_reports_what_was_read_dropped_and_written(tmp_path: Path) -> None:
    code, out, err = run("convert", str(FIXTURES / "valid.yaml"), str(tmp_path / "g.sif"))
    assert code == 0, err
    assert "(native): 4 nodes, 3 relations" in out
    assert f"{tmp_path / 'g.sif'} (sif) written" in out
    assert "not written: 3 evidence items" in out
    code, out, err = run("convert", str(tmp_path / "g.sif"), str(tmp_path / "back.yaml"))
    assert code == 0, err
    assert "note:" in out and "kind 'target'" in out


def test_convert_json_output(tmp_path: Path) -> None:
    code, out, _ = run("convert", str(FIXTURES / "valid.yaml"), str(tmp_path / "g.cyjs"), "--json")
    assert code == 0
    report = json.loads(out)
    assert report["read"] == {"file": str(FIXTURES / "valid.yaml"), "format": "native", "nodes": 4, "relations": 3, "dropped": {}, "notes": []}
    assert report["written"]["files"] == [str(tmp_path / "g.cyjs"), str(tmp_path / "sources" / "sample.txt")]


def test_convert_with_named_formats_and_force(tmp_path: Path) -> None:
    target = tmp_path / "g.txt"
    assert run("convert", str(FIXTURES / "valid.yaml"), str(target), "--to", "graphml")[0] == 0
    code, _, err = run("convert", str(FIXTURES / "valid.yaml"), str(target), "--to", "graphml")
    assert code == 1 and "exists: pass --force" in err
    assert run("convert", str(target), str(tmp_path / "g.gexf"), "--from", "graphml", "--force")[0] == 0
    assert read_graph(FIXTURES / "valid.yaml").number_of_edges() == 3


def test_convert_usage_errors_exit_2(tmp_path: Path) -> None:
    code, _, err = run("convert", str(FIXTURES / "valid.yaml"), str(tmp_path / "g.docx"))
    assert code == 2 and err.startswith("mechgraph: ") and "no registered format has the extension '.docx'" in err
    code, _, err = run("convert", str(tmp_path / "missing.sif"), str(tmp_path / "g.yaml"))
    assert code == 2 and "no such file" in err
    code, _, err = run("convert", str(FIXTURES / "valid.yaml"), str(tmp_path / "g.sbgn"))
    assert code == 2 and "does not write it" in err
    code, _, _ = run("convert", str(FIXTURES / "valid.yaml"), str(tmp_path / "g.x"), "--to", "excel")
    assert code == 2


def test_formats_lists_every_format() -> None:
    code, out, _ = run("formats")
    assert code == 0
    assert "sbgn      read" in out and "graphml   read+write" in out
    rows = json.loads(run("formats", "--json")[1])
    assert {row["name"]: (row["read"], row["write"]) for row in rows}["cx2"] == (True, False)


def test_other_commands_read_any_format(tmp_path: Path) -> None:
    assert run("convert", str(FIXTURES / "valid.yaml"), str(tmp_path / "g.graphml"))[0] == 0
    code, out, err = run("neighbors", "cyclosporine", "--graph", str(tmp_path / "g.graphml"), "--json")
    assert code == 0, err
    assert "calcineurin" in out
