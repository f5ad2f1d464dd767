"""The query commands through the real CLI: text, --json, exit codes and messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from mechgraph.cli import cli
from mechgraph.resources import bundled_graph_path

from .conftest import FIXTURES

VALID = str(FIXTURES / "valid.yaml")
needs_bundled = pytest.mark.skipif(not bundled_graph_path().exists(), reason="data/immunomodulation.yaml is not there yet")

HOSTILE = """\
mechgraph: 1
title: Hostile labels
sources:
  - {id: P, url: "https://example.org/p"}
nodes:
  - {id: drug, kind: agent, label: "<img src=x onerror=alert(1)>", synonyms: [Shared]}
  - {id: other, kind: agent, label: "Other \\e[31mred\\e[0m", synonyms: [shared]}
  - {id: tx, kind: process, process: secretion, label: "Secretion <b>bold</b>"}
relations:
  - {from: drug, relation: increases, to: tx, mechanism: direct, evidence: [{source: P, note: "<script>x</script>"}]}
  - {from: other, relation: decreases, to: tx, evidence: [{source: P}]}
"""


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def hostile(tmp_path: Path) -> str:
    path = tmp_path / "hostile.yaml"
    path.write_text(HOSTILE, encoding="utf-8")
    return str(path)


def test_search_prints_ranked_matches() -> None:
    code, out, _ = invoke("search", "calcineurn", "--graph", VALID)
    assert code == 0
    assert out.splitlines()[0].split() == ["95.2", "calcineurin", "Calcineurin"]


def test_search_json() -> None:
    code, out, _ = invoke("search", "CsA", "--graph", VALID, "--json")
    assert code == 0
    payload = json.loads(out)
    assert payload["query"] == "CsA"
    assert payload["matches"][0] == {"node": "cyclosporine", "label": "Cyclosporine", "score": 100.0, "field": "synonym", "text": "CsA"}


def test_search_without_match_exits_1() -> None:
    code, out, err = invoke("search", "zzqqxx", "--graph", VALID)
    assert (code, out) == (1, "")
    assert err == "mechgraph: nothing matches 'zzqqxx'\n"


def test_neighbors_text_and_json() -> None:
    code, out, _ = invoke("neighbors", "Calcineurin", "--graph", VALID, "--direction", "down")
    assert code == 0
    assert out.splitlines()[0] == "Calcineurin (calcineurin): 2 nodes, 1 relations within 1 relation (down)"
    assert "Calcineurin is required for NFAT nuclear translocation  [+, direct]" in out
    code, out, _ = invoke("neighbors", "calcineurin", "--graph", VALID, "--json")
    payload = json.loads(out)
    assert [(n["id"], n["distance"]) for n in payload["nodes"]] == [("calcineurin", 0), ("nfat_translocation", 1), ("cyclosporine", 1)]
    assert {r["relation"] for r in payload["relations"]} == {"inhibits", "binds", "required_for"}


def test_neighbors_bad_direction_is_a_usage_error() -> None:
    code, _, err = invoke("neighbors", "calcineurin", "--graph", VALID, "--direction", "sideways")
    assert code == 2 and "sideways" in err


def test_paths_prints_the_explanation() -> None:
    code, out, _ = invoke("paths", "CsA", "NFAT nuclear translocation", "--graph", VALID, "--evidence")
    assert code == 0
    assert (
        "Cyclosporine inhibits Calcineurin; Calcineurin is required for NFAT nuclear translocation; so Cyclosporine decreases NFAT nuclear translocation (net: decreases)"
        in out
    )
    assert '"Cyclosporine inhibits calcineurin in T cells."' in out  # the quote, with --evidence
    assert "(net: unknown)" in out  # the binds variant


def test_paths_json_has_steps_with_evidence() -> None:
    code, out, _ = invoke("paths", "cyclosporine", "nfat_translocation", "--graph", VALID, "--json", "--k", "1")
    payload = json.loads(out)
    assert code == 0 and len(payload["paths"]) == 1
    path = payload["paths"][0]
    assert path["sign"] == "decreases" and path["explanation"].endswith("(net: decreases)")
    assert path["steps"][0]["evidence"][0]["quote"] == "Cyclosporine inhibits calcineurin in T cells."


def test_paths_none_found_exits_1() -> None:
    code, out, err = invoke("paths", "nfat_translocation", "cyclosporine", "--graph", VALID)
    assert code == 1 and out == ""
    assert err == "mechgraph: no path from nfat_translocation to cyclosporine within 6 relations\n"


def test_unknown_name_gives_the_closest_matches_not_a_traceback() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mechgraph", "paths", "cyclosporin", "calcineurin", "--graph", VALID],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr == "mechgraph: no node named 'cyclosporin'; closest: cyclosporine (Cyclosporine)\n"
    assert "Traceback" not in result.stdout + result.stderr


def test_ambiguous_name_lists_the_candidates(hostile: str) -> None:
    code, _, err = invoke("effects", "SHARED", "--graph", hostile)
    assert code == 1
    assert err.startswith("mechgraph: 'SHARED' could name several nodes: drug (<img src=x onerror=alert(1)>), other (")


def test_effects_lists_groups_and_json(hostile: str) -> None:
    code, out, _ = invoke("effects", "drug", "--graph", hostile, "--explain")
    assert code == 0
    assert "secretion (1):" in out
    assert "+ Secretion <b>bold</b> (tx)  [increases, 1 relation, direct]" in out
    code, out, _ = invoke("effects", "drug", "--graph", hostile, "--json")
    payload = json.loads(out)
    assert payload["groups"]["secretion"][0]["sign"] == "increases"
    assert payload["groups"]["secretion"][0]["path"]["explanation"] == "<img src=x onerror=alert(1)> increases Secretion <b>bold</b> (net: increases)"


def test_control_characters_in_labels_are_not_sent_to_the_terminal(hostile: str) -> None:
    code, out, _ = invoke("neighbors", "other", "--graph", hostile)
    assert code == 0
    assert "\x1b" not in out
    assert "Other \\u001b[31mred\\u001b[0m" in out


def test_effects_of_a_node_reaching_nothing_exits_1(hostile: str) -> None:
    code, _, err = invoke("effects", "tx", "--graph", hostile)
    assert code == 1 and err == "mechgraph: tx reaches no process or outcome within 6 relations\n"


def test_unreadable_graph_file_exits_2(tmp_path: Path) -> None:
    code, _, err = invoke("search", "x", "--graph", str(tmp_path / "missing.yaml"))
    assert code == 2 and "missing.yaml: no such file" in err


@needs_bundled
def test_bundled_cyclosporine_to_il2_decreases() -> None:
    code, out, _ = invoke("paths", "cyclosporine", "IL-2", "--k", "3")
    assert code == 0
    assert out.splitlines()[0].startswith("Cyclosporine (cyclosporine) -> IL-2 (il2): 3 distinct paths")
    assert "so Cyclosporine decreases IL-2 (net: decreases)" in out


@needs_bundled
def test_bundled_lenalidomide_to_il2_increases() -> None:
    code, out, _ = invoke("paths", "lenalidomide", "interleukin 2", "--json")
    assert code == 0
    assert json.loads(out)["paths"][0]["sign"] == "increases"


@needs_bundled
def test_bundled_effects_of_imiquimod() -> None:
    code, out, _ = invoke("effects", "imiquimod")
    assert code == 0
    assert "\nsecretion (" in out and "\nsurface expression (" in out
    assert "+ TNF-alpha secretion (tnf_secretion)" in out


MIXED = """\
mechgraph: 1
title: Two species
sources:
  - {id: P, url: "https://example.org/p"}
nodes:
  - {id: drug, kind: agent, label: Drug}
  - {id: kinase, kind: target, label: Kinase}
  - {id: other, kind: target, label: Other route}
  - {id: tx, kind: process, process: secretion, label: Secretion}
  - {id: immunity, kind: outcome, label: Immunity}
relations:
  - {from: drug, relation: inhibits, to: kinase, context: {species: human}, evidence: [{source: P}, {source: P}]}
  - {from: kinase, relation: activates, to: tx, context: {species: Mus musculus, cell_type: dendritic cell}, evidence: [{source: P}]}
  - {from: drug, relation: binds, to: other, evidence: [{source: P}]}
  - {from: other, relation: increases, to: tx, context: {species: mouse}, evidence: [{source: P}]}
  - {from: tx, relation: increases, to: immunity, context: {species: murine}, evidence: [{source: P}]}
"""


def test_paths_keep_to_one_context_unless_mixed_is_asked(tmp_path: Path) -> None:
    graph = tmp_path / "mixed.yaml"
    graph.write_text(MIXED, encoding="utf-8")
    code, out, _ = invoke("paths", "drug", "tx", "--graph", str(graph))
    assert code == 0 and "1 distinct path " in out and "each within one context" in out
    assert "Drug binds Other route" in out and "mixed contexts" not in out
    assert "- Other route increases Secretion (in species mouse)" in out  # each step says where it holds
    code, out, _ = invoke("paths", "drug", "tx", "--graph", str(graph), "--mixed-context")
    assert code == 0 and "2 distinct paths" in out and "contexts may mix" in out
    first = out.split("\n1. ")[1].split("\n2. ")[0]
    assert "mixed contexts" in first and "Drug inhibits Kinase" in first
    assert "contexts: species human / Mus musculus; cell type dendritic cell" in first
    code, out, _ = invoke("paths", "drug", "tx", "--graph", str(graph), "--mixed-context", "--json")
    payload = json.loads(out)
    assert payload["mixed_context"] is True and [path["mixed"] for path in payload["paths"]] == [True, False]
    assert payload["paths"][0]["steps"][0]["context"] == "species human"


def test_effects_keep_to_one_context_unless_mixed_is_asked(tmp_path: Path) -> None:
    graph = tmp_path / "mixed.yaml"
    graph.write_text(MIXED, encoding="utf-8")
    code, out, _ = invoke("effects", "drug", "--graph", str(graph), "--explain")
    assert code == 0 and "each within one context" in out
    assert "? Secretion (tx)  [unknown, 2 relations, unspecified]" in out  # by the mouse route only
    assert "contexts: species mouse" in out and "more reached only" not in out
    code, out, _ = invoke("effects", "drug", "--graph", str(graph), "--mixed-context")
    assert "- Secretion (tx)  [decreases, 2 relations, unspecified, mixed contexts]" in out
    code, out, _ = invoke("effects", "drug", "--graph", str(graph), "--json")
    payload = json.loads(out)
    assert payload["mixed_context"] is False
    assert {effect["node"]: effect["path"]["mixed"] for group in payload["groups"].values() for effect in group} == {"tx": False, "immunity": False}
