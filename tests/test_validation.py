"""Every validation rule has a failing fixture in tests/fixtures/invalid, with its expected line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from mechgraph import validation
from mechgraph.graph import validate_file
from mechgraph.validation import validate_data

from .conftest import FIXTURES, minimal_document

INVALID = sorted((FIXTURES / "invalid").glob("*.yaml"))
DOCUMENTED_RULES = set(re.findall(r"^([a-z-]+)\s{2,}", validation.__doc__ or "", re.MULTILINE))


def expectation(path: Path) -> tuple[str, int]:
    rule, line = path.read_text().splitlines()[0].removeprefix("# expect: ").split()
    return rule, int(line)


def test_every_documented_rule_has_a_failing_fixture() -> None:
    assert len(DOCUMENTED_RULES) >= 15
    assert DOCUMENTED_RULES == {expectation(path)[0] for path in INVALID}


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_fixture_fails_with_its_rule_at_its_line(path: Path) -> None:
    rule, line = expectation(path)
    report = validate_file(path)
    assert not report.ok
    found = [(p.rule, p.line) for p in report.problems]
    assert (rule, line) in found, found
    for problem in report.problems:
        assert problem.file == str(path)
        assert problem.message


def test_valid_fixture_is_valid() -> None:
    report = validate_file(FIXTURES / "valid.yaml")
    assert report.problems == []
    assert len(report.nodes) == 4 and len(report.relations) == 3
    assert report.quotes_checked == {"sample": 2} and report.quotes_verbatim == {"sample": 2}


def test_all_problems_are_reported_in_one_run(tmp_path: Path) -> None:
    document = """mechgraph: 1
sources: [{id: C2, url: "https://example.org/c2"}]
nodes:
  - {id: a, kind: drug, label: A}
  - {id: b, kind: target, label: B, identifiers: ["XX:1"]}
relations:
  - {from: a, relation: blocks, to: b, evidence: [{source: C2}]}
  - {from: a, relation: inhibits, to: zz}
"""
    path = tmp_path / "many.yaml"
    path.write_text(document)
    rules = sorted(p.rule for p in validate_file(path).problems)
    assert rules == ["dangling-reference", "identifier", "no-evidence", "unknown-kind", "unknown-relation"]


def test_messages_name_the_allowed_values() -> None:
    data = minimal_document()
    data["nodes"][0]["kind"] = "drug"
    (problem,) = [p for p in validate_data(data).problems if p.rule == "unknown-kind"]
    assert problem.field == "nodes[0].kind"
    for allowed in ("agent", "immune_cell", "non_immune", "process", "outcome", "therapy"):
        assert allowed in problem.message


def test_dangling_reference_suggests_the_closest_node() -> None:
    data = minimal_document()
    data["relations"][0]["to"] = "calcinuerin"
    (problem,) = validate_data(data).problems
    assert "did you mean 'calcineurin'" in problem.message


def test_quote_with_folded_whitespace_is_verbatim(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("Alpha   beta\n gamma. Delta.")
    data = minimal_document()
    data["sources"].append({"id": "t", "text": "t.txt"})
    data["relations"][0]["evidence"] = [{"source": "t", "quote": "Alpha beta gamma."}]
    assert validate_data(data, base_dir=tmp_path).ok
    data["relations"][0]["evidence"] = [{"source": "t", "quote": "Alpha beta gamma delta."}]
    assert [p.rule for p in validate_data(data, base_dir=tmp_path).problems] == ["quote"]


def test_a_non_mapping_document_is_a_clear_error() -> None:
    (problem,) = validate_data(["not", "a", "mapping"]).problems
    assert "expected a mapping" in problem.message


def test_wrong_format_version_is_named() -> None:
    data = minimal_document()
    data["mechgraph"] = 2
    (problem,) = validate_data(data).problems
    assert problem.field == "mechgraph" and "1" in problem.message


def test_quote_offsets_must_point_at_the_quote(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text("First sentence. Cyclosporine inhibits calcineurin.")
    data = minimal_document()
    data["sources"].append({"id": "t", "text": "t.txt"})
    quote = "Cyclosporine inhibits calcineurin."
    data["relations"][0].update(status="candidate", confidence=0.8)
    data["relations"][0]["evidence"] = [{"source": "t", "quote": quote, "start": 16, "end": 16 + len(quote)}]
    assert validate_data(data, base_dir=tmp_path).ok
    data["relations"][0]["evidence"][0]["start"] = 15
    (problem,) = validate_data(data, base_dir=tmp_path).problems
    assert problem.rule == "quote" and problem.field == "relations[0].evidence[0].start"
    data["relations"][0]["evidence"][0].pop("end")
    (problem,) = validate_data(data, base_dir=tmp_path).problems
    assert "both 'start' and 'end'" in problem.message


def test_quotes_are_found_whether_they_are_whole_sentences_or_parts_of_one() -> None:
    from mechgraph.validation import _Validator

    text = "Cyclosporine binds cyclophilin. The complex inhibits calcineurin! NFAT stays out of the nucleus?"
    check = _Validator(None, None, lambda path: None)._quoted
    assert check("s", text, "The complex inhibits calcineurin!")  # a whole sentence
    assert check("s", text, "inhibits calcineurin! NFAT stays")  # across two sentences
    assert check("s", text, "binds cyclophilin")  # part of one
    assert not check("s", text, "The complex activates calcineurin!")
    assert check("s", text, "The complex inhibits calcineurin!")  # asked again: the same answer
