"""The gold annotations and the evaluation script."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from mechgraph.errors import DataError
from mechgraph.extract.gold import bundled_gold_dir, gold_files, read_gold

ROOT = Path(__file__).resolve().parents[1]


def test_every_gold_file_reads_and_names_its_origin() -> None:
    files = gold_files()
    assert len(files) >= 4
    splits = set()
    for path in files:
        gold = read_gold(path)
        splits.add(gold.split)
        assert gold.text_path.is_file() and gold.text().strip()
        assert gold.required
        if gold.name != "immunomodulation-article":
            assert gold.origin.get("url", "").startswith("http") and gold.origin.get("licence")
            assert "paraphrased excerpt" in gold.origin.get("note", "")
        header = path.read_text(encoding="utf-8").splitlines()[:3]
        assert any(line.startswith("#") for line in header)
    assert splits == {"dev", "heldout"}


def test_gold_problems_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "x.gold.yaml"
    path.write_text("gold: 1\ntext: x.txt\nsplit: dev\nnodes: {a: {}}\nrelations:\n  - {from: a, sign: '+', to: b}\n", encoding="utf-8")
    with pytest.raises(DataError, match="unknown gold node 'b'"):
        read_gold(path)


def test_the_evaluation_script_prints_a_table(capsys: pytest.CaptureFixture[str]) -> None:
    spec = importlib.util.spec_from_file_location("eval_extract", ROOT / "benchmarks" / "eval_extract.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_extract"] = module
    spec.loader.exec_module(module)
    assert module.main([]) == 0
    out = capsys.readouterr().out
    assert "immunomodulation-article" in out and "all heldout (micro)" in out
    assert bundled_gold_dir().is_dir()


def test_a_mention_with_a_short_form_inside_matches_the_name_without_it(tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("It raises the expression of major histocompatibility complex (MHC) class I molecules.\n", encoding="utf-8")
    path = tmp_path / "x.gold.yaml"
    path.write_text(
        "gold: 1\ntext: x.txt\nsplit: dev\n"
        "nodes: {mhc: {mentions: [the expression of major histocompatibility complex (mhc) class i molecules]}, d: {}}\n"
        "relations:\n  - {from: d, sign: '+', to: mhc}\n",
        encoding="utf-8",
    )
    gold = read_gold(path)
    assert gold.gold_nodes("x", ["expression of major histocompatibility complex class I molecules"]) == {"mhc"}
    assert gold.gold_nodes("x", ["expression of major histocompatibility complex"]) == set()  # not the words before the bracket
