"""``mechgraph extract`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from mechgraph.cli import cli
from mechgraph.resources import data_dir

ARTICLE = data_dir() / "sources" / "immunomodulation-article.txt"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_extract_writes_a_valid_draft(tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    code, stdout, _ = run("extract", str(ARTICLE), "-o", str(out))
    assert code == 0 and "candidate relations" in stdout
    assert (tmp_path / "draft.sources" / "immunomodulation-article.txt").is_file()
    code, stdout, _ = run("validate", str(out))
    assert code == 0 and "valid" in stdout


def test_extract_lists_relations_and_json(tmp_path: Path) -> None:
    code, stdout, _ = run("extract", str(ARTICLE))
    assert code == 0 and "immunomodulator inhibits immune_response" in stdout and "line 5" in stdout
    code, stdout, _ = run("extract", str(ARTICLE), "--json")
    data = json.loads(stdout)
    relation = data["relations"][0]
    text = ARTICLE.read_text(encoding="utf-8")
    span = relation["evidence"][0]
    assert text[span["start"] : span["end"]] == span["quote"] and relation["status"] == "candidate"
    assert data["sentences"]["boilerplate"] == 1


def test_extract_with_a_user_lexicon(tmp_path: Path) -> None:
    text = tmp_path / "note.txt"
    text.write_text("Imiquimod raises OGFr.", encoding="utf-8")
    lexicon = tmp_path / "lexicon.yaml"
    lexicon.write_text("mechgraph-lexicon: 1\nentries:\n  - {label: OGFr, kind: target}\n", encoding="utf-8")
    code, stdout, _ = run("extract", str(text), "--lexicon", str(lexicon), "--json")
    assert code == 0
    node = next(n for n in json.loads(stdout)["nodes"] if n["label"] == "OGFr")
    assert node["status"] is None  # a user lexicon entry is a known node


def test_expected_failures_are_one_line(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("Nothing to see here.", encoding="utf-8")
    assert run("extract", str(empty))[0] == 1
    code, _, stderr = run("extract", str(tmp_path / "missing.txt"))
    assert code == 2 and stderr.startswith("mechgraph: ") and "no such file" in stderr
    code, _, stderr = run("extract", str(ARTICLE), "-o", str(tmp_path / "no" / "draft.yaml"))
    assert code == 2 and "no such folder" in stderr
    code, _, stderr = run("extract", str(ARTICLE), "--source-id", "bad id")
    assert code == 2 and stderr.startswith("mechgraph: --source-id")
    bad = tmp_path / "bad.yaml"
    bad.write_text("mechgraph-lexicon: 1\nentries:\n  - {label: X, kind: drug}\n", encoding="utf-8")
    code, _, stderr = run("extract", str(ARTICLE), "--lexicon", str(bad))
    assert code == 1 and "bad.yaml:3" in stderr and "Traceback" not in stderr
    binary = tmp_path / "b.txt"
    binary.write_bytes(b"\x00\x01")
    assert run("extract", str(binary))[0] == 2
