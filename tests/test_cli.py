"""The CLI through its real entry points: exit codes, messages and JSON."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mechgraph import __version__
from mechgraph.cli import cli

from .conftest import FIXTURES


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "mechgraph", *args], capture_output=True, text=True, timeout=120)


def test_version_through_python_dash_m() -> None:
    result = run("--version")
    assert result.returncode == 0 and __version__ in result.stdout


def test_validate_valid_file_exits_0() -> None:
    result = CliRunner().invoke(cli, ["validate", str(FIXTURES / "valid.yaml")])
    assert result.exit_code == 0
    assert "valid (4 nodes, 3 relations)" in result.output


def test_validate_invalid_file_exits_1_and_names_line_and_field() -> None:
    path = FIXTURES / "invalid" / "unknown-kind.yaml"
    result = run("validate", str(path))
    assert result.returncode == 1
    assert f"{path}:9:19: nodes[2].kind: unknown kind 'drug'" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_unreadable_file_exits_2(tmp_path: Path) -> None:
    result = run("validate", str(tmp_path / "missing.yaml"))
    assert result.returncode == 2
    assert "missing.yaml: no such file" in result.stderr
    assert "Traceback" not in result.stderr


def test_validate_several_files_reports_each_as_json() -> None:
    files = [str(FIXTURES / "valid.yaml"), str(FIXTURES / "invalid" / "no-evidence.yaml")]
    result = CliRunner().invoke(cli, ["validate", "--json", *files])
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert payload["valid"] is False
    assert [f["valid"] for f in payload["files"]] == [True, False]
    assert payload["files"][1]["problems"][0]["rule"] == "no-evidence"
    assert payload["files"][1]["problems"][0]["line"] == 10


def test_usage_error_exits_2() -> None:
    result = CliRunner().invoke(cli, ["validate", "--no-such-option"])
    assert result.exit_code == 2


def test_info_json_on_a_file() -> None:
    result = CliRunner().invoke(cli, ["info", "--json", str(FIXTURES / "valid.yaml")])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert summary["nodes"] == 4 and summary["relations"] == 3 and summary["agents"] == 1
    assert summary["by_sign"] == {"decreases": 1, "increases": 1, "unknown": 1}
    assert summary["by_mechanism"] == {"direct": 2, "unspecified": 1}
    assert summary["evidence"]["with_evidence_percent"] == 100.0
    assert summary["evidence"]["quotes"] == {"sample": {"checked": 2, "verbatim": 2}}
    assert summary["sources"]["C2"] == {"cited": 1, "url": "http://www.ncbi.nlm.nih.gov/pubmed/8591053"}


def test_info_on_invalid_file_lists_problems_and_exits_1() -> None:
    result = run("info", str(FIXTURES / "invalid" / "dangling-reference.yaml"))
    assert result.returncode == 1
    assert "unknown node 'bb': did you mean 'b'?" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("command", ["validate", "info"])
def test_without_file_the_bundled_graph_is_used(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--json"])
    assert result.exit_code == 0, result.output
    assert "immunomodulation.yaml" in result.output
