"""``mechgraph export`` on the command line: formats by extension, views, errors and exit codes."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest
from click.testing import CliRunner

from mechgraph.cli import cli
from mechgraph.graph import read_graph
from mechgraph.query import filter_graph, neighbourhood

FIXTURE = Path(__file__).parent / "fixtures" / "valid.yaml"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["export", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("extension", ["html", "svg", "png", "pdf"])
def test_export_writes_the_format_of_the_extension(tmp_path: Path, extension: str) -> None:
    out = tmp_path / f"figure.{extension}"
    code, stdout, stderr = run("--graph", str(FIXTURE), "-o", str(out))
    assert code == 0, stderr
    assert out.exists() and out.stat().st_size > 0
    assert f"({extension}, 1280x720, light, layered layout): 4 nodes, 3 relations" in stdout


def test_json_reports_what_was_written(tmp_path: Path) -> None:
    out = tmp_path / "figure.png"
    code, stdout, _ = run("--graph", str(FIXTURE), "-o", str(out), "--size", "1920x1080", "--theme", "dark", "--layout", "force", "--json")
    assert code == 0
    report = json.loads(stdout)
    assert report == {
        "path": str(out),
        "format": "png",
        "nodes": 4,
        "relations": 3,
        "bytes": out.stat().st_size,
        "layout": "force",
        "size": "1920x1080",
        "theme": "dark",
        "overview": False,
    }
    assert struct.unpack(">II", out.read_bytes()[16:24]) == (1920, 1080)


def test_focus_depth_direction_and_filters(tmp_path: Path) -> None:
    graph = read_graph()
    out = tmp_path / "view.html"
    code, stdout, stderr = run("-o", str(out), "--focus", "tacrolimus", "--depth", "2", "--direction", "down", "--sign", "-", "--sign", "+", "--json")
    assert code == 0, stderr
    view = neighbourhood(filter_graph(graph, signs=["decreases", "increases"]), "tacrolimus", depth=2, direction="down")
    report = json.loads(stdout)
    assert (report["nodes"], report["relations"]) == (view.number_of_nodes(), view.number_of_edges())
    code, stdout, stderr = run("-o", str(out), "--kind", "agent", "--kind", "target", "--mechanism", "direct", "--json")
    assert code == 2 and "exists: pass --force" in stderr  # an existing figure is kept unless told
    code, stdout, _ = run("-o", str(out), "--kind", "agent", "--kind", "target", "--mechanism", "direct", "--every-node", "--json", "--force")
    assert code == 0
    filtered = filter_graph(graph, kinds=["agent", "target"], mechanisms=["direct"])
    assert json.loads(stdout)["nodes"] == filtered.number_of_nodes()


def test_title_lands_in_the_page(tmp_path: Path) -> None:
    out = tmp_path / "t.html"
    code, _, _ = run("--graph", str(FIXTURE), "-o", str(out), "--title", "Slide <3>")
    assert code == 0
    assert "<title>Slide &lt;3&gt;</title>" in out.read_text(encoding="utf-8")


def test_unwritable_output_exits_2_with_one_line(tmp_path: Path) -> None:
    code, stdout, stderr = run("--graph", str(FIXTURE), "-o", str(tmp_path / "missing" / "figure.svg"))
    assert code == 2
    assert stderr.startswith("mechgraph: cannot write ") and stderr.count("\n") == 1
    assert "Traceback" not in stderr and stdout == ""


def test_folder_as_output_exits_2(tmp_path: Path) -> None:
    folder = tmp_path / "out.html"
    folder.mkdir()
    code, _, stderr = run("--graph", str(FIXTURE), "-o", str(folder))
    assert code == 2 and stderr.startswith("mechgraph: cannot write")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "figure.docx"], "figure.docx: use .html, .svg, .png or .pdf"),
        (["-o", "figure.png", "--size", "huge"], "size 'huge' is not WIDTHxHEIGHT"),
        (["-o", "figure.png", "--context", "planet=mars"], "--context 'planet=mars' is not KEY=TEXT"),
    ],
)
def test_usage_errors_exit_2_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    args = [a if not a.startswith("figure") else str(tmp_path / a) for a in args]
    code, _, stderr = run("--graph", str(FIXTURE), *args)
    assert code == 2
    assert message in stderr and stderr.startswith("mechgraph: ") and stderr.count("\n") == 1


def test_unknown_choice_is_a_usage_error(tmp_path: Path) -> None:
    code, _, stderr = run("--graph", str(FIXTURE), "-o", str(tmp_path / "f.svg"), "--layout", "circular")
    assert code == 2 and "circular" in stderr


def test_unknown_focus_exits_1_naming_the_closest(tmp_path: Path) -> None:
    code, _, stderr = run("-o", str(tmp_path / "f.html"), "--focus", "cyclosporin")
    assert code == 1
    assert stderr.startswith("mechgraph: no node named 'cyclosporin'; closest: cyclosporine")
    assert not (tmp_path / "f.html").exists()


def test_empty_view_exits_1(tmp_path: Path) -> None:
    code, _, stderr = run("--graph", str(FIXTURE), "-o", str(tmp_path / "f.html"), "--kind", "outcome")
    assert code == 1 and "nothing to export" in stderr


def test_invalid_graph_file_exits_1(tmp_path: Path) -> None:
    bad = Path(__file__).parent / "fixtures" / "invalid" / "unknown-kind.yaml"
    code, _, stderr = run("--graph", str(bad), "-o", str(tmp_path / "f.html"))
    assert code == 1 and "problem" in stderr


def test_help_lists_the_options() -> None:
    result = CliRunner().invoke(cli, ["export", "--help"])
    assert result.exit_code == 0
    for option in ("--focus", "--depth", "--direction", "--kind", "--sign", "--mechanism", "--layout", "--size", "--theme", "--title", "-o"):
        assert option in result.output
