"""The reasoning commands through the real CLI: perturb (with --overlay) and compare, text and --json."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mechgraph.cli import cli
from mechgraph.resources import bundled_graph_path

from .conftest import FIXTURES

VALID = str(FIXTURES / "valid.yaml")
EXAMPLE = str(Path(__file__).resolve().parents[1] / "data" / "examples" / "cyclosporine-t-cells.illustrative.csv")
needs_bundled = pytest.mark.skipif(not bundled_graph_path().exists(), reason="the bundled graph is not there")


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@needs_bundled
def test_perturb_cyclosporine_marks_il2_down_with_its_explanation() -> None:
    code, out, _ = invoke("perturb", "cyclosporine")
    assert code == 0
    lines = out.splitlines()
    row = next(index for index, line in enumerate(lines) if "(il2)" in line and line.strip().startswith("↓"))
    assert "[down, 4 relations]" in lines[row]
    assert "Cyclosporine inhibits Calcineurin" in lines[row + 1] and "so Cyclosporine decreases IL-2" in lines[row + 1]


@needs_bundled
def test_perturb_json_of_two_agents_has_agreement() -> None:
    code, out, _ = invoke("perturb", "tacrolimus", "sirolimus", "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["given"] == {"tacrolimus": "increases", "sirolimus": "increases"}
    assert "induction_of_immune_response" in [item["node"] for item in payload["agreement"]["agree"]]
    assert "mtor" in [item["node"] for item in payload["agreement"]["only"]["sirolimus"]]
    il2 = next(effect for effect in payload["effects"] if effect["node"] == "il2")
    assert il2["status"] == "down" and il2["explanation"].startswith("Tacrolimus")


@needs_bundled
def test_perturb_block_and_overlay() -> None:
    code, out, _ = invoke("perturb", "--block", "calcineurin", "--overlay", EXAMPLE, "--brief")
    assert code == 0
    assert out.startswith("blocked Calcineurin (calcineurin)")
    assert "23 of 24 rows mapped (96%)" in out and "unused line 30: no node named 'GAPDH'" in out
    assert "consistency (change: p <= 0.05" in out
    code, out, _ = invoke("perturb", "cyclosporine", "--overlay", EXAMPLE, "--json")
    payload = json.loads(out)
    assert payload["overlay"]["mapped_share"] >= 0.95 and payload["consistency"]["node_score"] > 0.5


def test_perturb_errors_are_one_line(tmp_path: Path) -> None:
    code, _, err = invoke("perturb", "--graph", VALID)
    assert code == 2 and "name at least one AGENT" in err
    code, _, err = invoke("perturb", "cyclosporin", "--graph", VALID)
    assert code == 1 and err.startswith("mechgraph: no node named 'cyclosporin'; closest: cyclosporine")
    bad = tmp_path / "bad.csv"
    bad.write_text("name,value\ncalcineurin,lots\n", encoding="utf-8")
    code, _, err = invoke("perturb", "cyclosporine", "--graph", VALID, "--overlay", str(bad))
    assert code == 1 and f"{bad}:2:2: value: 'lots' is not a number" in err and "Traceback" not in err
    code, _, err = invoke("perturb", "cyclosporine", "--graph", VALID, "--overlay", str(tmp_path / "none.csv"))
    assert code == 2 and "none.csv" in err


def test_perturb_on_a_graph_file() -> None:
    code, out, _ = invoke("perturb", "CsA", "--graph", VALID, "--json")
    assert code == 0
    assert json.loads(out)["given"] == {"cyclosporine": "increases"}


@needs_bundled
def test_compare_tacrolimus_and_sirolimus() -> None:
    code, out, _ = invoke("compare", "tacrolimus", "sirolimus")
    assert code == 0
    targets = out.split("\ntargets:")[1].split("\ncells:")[0]
    assert "only Tacrolimus (4): Calcineurin ↓, IL-2 ↓, IL-2 receptor (alpha/beta/gamma-c) ↓, NFAT ↓" in targets
    assert "only Sirolimus" in targets and "mTOR ↓" in targets
    assert "shared (1): FKBP12 (FKBP1A) ?/?" in targets
    code, out, _ = invoke("compare", "tacrolimus", "sirolimus", "--json")
    payload = json.loads(out)
    assert payload["a"] == "tacrolimus" and [c["name"] for c in payload["categories"]][:2] == ["targets", "cells"]


def test_compare_two_graph_files(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES / "sources", tmp_path / "sources")  # the graph's source texts
    other = tmp_path / "other.yaml"
    other.write_text(Path(VALID).read_text(encoding="utf-8").replace("relation: inhibits", "relation: activates", 1), encoding="utf-8")
    code, out, _ = invoke("compare", VALID, str(other), "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["opposite"] == [{"from": "cyclosporine", "to": "calcineurin"}]
    code, out, _ = invoke("compare", VALID, str(other))
    assert code == 0 and "opposite sign (1): cyclosporine -> calcineurin" in out


@needs_bundled
def test_story_writes_one_offline_page_and_refuses_to_overwrite(tmp_path: Path) -> None:
    out = tmp_path / "story.html"
    code, out_text, _ = invoke("story", "--perturb", "cyclosporine", "-o", str(out))
    assert code == 0 and "What happens when given Cyclosporine" in out_text
    assert "Cyclosporine inhibits Calcineurin" in out.read_text(encoding="utf-8")
    code, _, err = invoke("story", "--path", "cyclosporine", "IL-2", "-o", str(out))
    assert code == 2 and "exists: pass --force" in err
    code, out_text, _ = invoke("story", "--path", "cyclosporine", "IL-2", "-o", str(out), "--force", "--json")
    assert code == 0 and json.loads(out_text)["steps"][0]["caption"] == "Cyclosporine inhibits Calcineurin"


def test_story_asks_for_exactly_one_kind(tmp_path: Path) -> None:
    code, _, err = invoke("story", "-o", str(tmp_path / "s.html"), "--graph", VALID)
    assert code == 2 and "tell one story" in err
    code, _, err = invoke("story", "--perturb", "nfat_translocation", "-o", str(tmp_path / "s.html"), "--graph", VALID)
    assert code == 1 and "no story" in err and not (tmp_path / "s.html").exists()


def test_perturb_prints_hostile_labels_safely(tmp_path: Path) -> None:
    from .test_query_cli import HOSTILE

    graph = tmp_path / "hostile.yaml"
    graph.write_text(HOSTILE, encoding="utf-8")
    code, out, _ = invoke("perturb", "other", "--graph", str(graph))
    assert code == 0 and "\x1b" not in out and "\\u001b[31mred" in out
    code, out, _ = invoke("compare", "drug", "other", "--graph", str(graph), "--json")
    assert code == 0 and json.loads(out)["opposite"][0]["node"] == "tx"


@needs_bundled
def test_story_of_a_perturbation_with_measured_values(tmp_path: Path) -> None:
    out = tmp_path / "s.html"
    code, text, _ = invoke("story", "--perturb", "cyclosporine", "--overlay", EXAMPLE, "-o", str(out), "--json")
    assert code == 0
    steps = json.loads(text)["steps"]
    il2 = next(step for step in steps if step["to"] == "il2")
    assert il2["outcome"].startswith("IL-2 ↓ · measured -3.1") and il2["outcome"].endswith("✓")
    code, _, err = invoke("story", "--compare", "tacrolimus", "sirolimus", "--overlay", EXAMPLE, "-o", str(tmp_path / "t.html"))
    assert code == 2 and "--overlay goes with --perturb" in err
