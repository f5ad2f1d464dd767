"""Every file of the hostile corpus gives the outcome its manifest documents: a clear error of
mechgraph's own (with its rule, message and line) or a documented acceptance; never a traceback
of another type, never a hang, never a file created or a connection opened.

The files are read by the real readers: :func:`mechgraph.graph.validate_file` for native YAML,
:func:`mechgraph.formats.read` for the other formats (from the path, and again from the bytes as
the dashboard reads an upload), :func:`mechgraph.extract.extract_file` for text.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from mechgraph.cli import cli
from mechgraph.errors import DataError, MechgraphError, Problem, ReadError
from mechgraph.extract import extract_file
from mechgraph.formats import check_graph, read
from mechgraph.graph import graph_from_report, validate_file
from mechgraph.limits import limited

from .conftest import CORPUS, manifest

ENTRIES = manifest()
ERRORS = {"ReadError": ReadError, "DataError": DataError}


def entry_id(entry: dict[str, Any]) -> str:
    return str(entry["file"])


class Outcome:
    """What reading one file gave: an error (with its problems) or counts."""

    def __init__(
        self,
        *,
        error: MechgraphError | None = None,
        problems: list[Problem] | None = None,
        nodes: int | None = None,
        relations: int | None = None,
        dropped: dict[str, int] | None = None,
    ) -> None:
        self.error = error
        self.problems = problems or []
        self.nodes, self.relations, self.dropped = nodes, relations, dropped or {}


def run_reader(entry: dict[str, Any], path: Path, *, upload: bool = False) -> Outcome:
    """Read ``path`` with the entry's reader; only mechgraph's own errors are caught."""
    with limited(**entry.get("limits", {})):
        try:
            if upload:
                result = read(path.read_bytes(), name=path.name, format=entry.get("format"))
                assert check_graph(result.graph) == [], "an accepted upload must be a valid graph"
                return Outcome(nodes=result.graph.number_of_nodes(), relations=result.graph.number_of_edges(), dropped=dict(result.dropped))
            if entry["reader"] == "native":
                report = validate_file(path)
                if not report.ok:
                    return Outcome(error=DataError(report.problems), problems=list(report.problems))
                graph = graph_from_report(report)
                return Outcome(nodes=graph.number_of_nodes(), relations=graph.number_of_edges())
            if entry["reader"] == "format":
                result = read(path, format=entry.get("format"))
                assert check_graph(result.graph) == [], "an accepted file must be a valid graph"
                return Outcome(nodes=result.graph.number_of_nodes(), relations=result.graph.number_of_edges(), dropped=dict(result.dropped))
            if entry["reader"] == "extract":
                draft = extract_file(path)
                for relation in draft.relations:
                    for span in relation.evidence:
                        assert draft.text[span.start : span.end] == span.quote, "quotes are the text, verbatim"
                return Outcome(nodes=len(draft.nodes), relations=len(draft.relations))
        except DataError as error:
            return Outcome(error=error, problems=list(error.problems))
        except MechgraphError as error:
            return Outcome(error=error)
    raise AssertionError(f"unknown reader {entry['reader']!r}")


def assert_outcome(entry: dict[str, Any], outcome: Outcome, name: str) -> None:
    if entry["outcome"] == "error":
        assert outcome.error is not None, f"{name} was accepted; the manifest documents an error"
        expected = ERRORS[entry["error"]]
        assert isinstance(outcome.error, expected), f"{type(outcome.error).__name__}: {outcome.error}"
        assert name in str(outcome.error), "the message names the file"
        if "rule" in entry:
            matching = [p for p in outcome.problems if p.rule == entry["rule"] and entry["message"] in p.message]
            assert matching, [str(p) for p in outcome.problems]
            if "line" in entry:
                assert entry["line"] in [p.line for p in matching], [str(p) for p in matching]
            assert all(p.file and p.file.endswith(name) for p in outcome.problems)
        else:
            assert entry["message"] in str(outcome.error)
        assert "Traceback" not in str(outcome.error)
        return
    assert entry["outcome"] == "accepted", entry
    assert outcome.error is None, f"{name} was refused; the manifest documents an acceptance: {outcome.error}"
    expect = entry.get("expect", {})
    if "nodes" in expect:
        assert outcome.nodes == expect["nodes"]
    if "relations" in expect:
        assert outcome.relations == expect["relations"]
    if "relations_min" in expect:
        assert outcome.relations is not None and outcome.relations >= expect["relations_min"]
    for fragment, count in expect.get("dropped", {}).items():
        found = {kind: n for kind, n in outcome.dropped.items() if fragment in kind}
        assert sum(found.values()) == count, outcome.dropped


def test_every_corpus_file_is_in_the_manifest() -> None:
    listed = {entry["file"] for entry in ENTRIES} | {c for entry in ENTRIES for c in entry.get("companions", [])}
    present = {p.relative_to(CORPUS).as_posix() for p in CORPUS.rglob("*") if p.is_file() and p.name != "MANIFEST.yaml"}
    assert present == listed, {"not listed": sorted(present - listed), "missing": sorted(listed - present)}


def test_manifest_entries_are_complete() -> None:
    for entry in ENTRIES:
        assert entry["reader"] in ("native", "format", "extract"), entry
        assert entry["attack"].strip(), entry
        assert entry["outcome"] in ("error", "accepted"), entry
        if entry["outcome"] == "error":
            assert entry["error"] in ERRORS and entry["message"], entry
        else:
            assert entry.get("expect"), entry
    assert len(ENTRIES) >= 100


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("entry", ENTRIES, ids=entry_id)
def test_corpus_file_gives_its_documented_outcome(entry: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = CORPUS / entry["file"]
    folder = tmp_path / "in"
    folder.mkdir()
    for companion in entry.get("companions", []):
        shutil.copy(CORPUS / companion, folder / Path(companion).name)
    path = folder / source.name
    shutil.copy(source, path)
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)  # a payload that runs a command would leave a file here
    before = {p.name for p in folder.iterdir()}
    assert_outcome(entry, run_reader(entry, path), source.name)
    if entry["reader"] == "format" and entry.get("upload", True):
        assert_outcome(entry, run_reader(entry, path, upload=True), source.name)
    assert os.listdir(work) == [], "reading must not create files"
    assert {p.name for p in folder.iterdir()} == before, "reading must not create files beside the input"


@pytest.mark.usefixtures("no_network")
@pytest.mark.parametrize("entry", [e for e in ENTRIES if e["reader"] == "native" and e.get("upload", True)], ids=entry_id)
def test_native_upload_gives_the_same_outcome(entry: dict[str, Any]) -> None:
    """The dashboard reads an uploaded YAML file from its bytes: same outcome, named the same."""
    path = CORPUS / entry["file"]
    assert_outcome(entry, run_reader({**entry, "reader": "format", "format": "native"}, path, upload=True), path.name)


def test_external_entities_never_reach_the_file_system() -> None:
    for entry in ENTRIES:
        if "entity" in entry["file"] or "xinclude" in entry["file"]:
            try:
                result = read(CORPUS / entry["file"])
            except DataError as error:
                assert "root:" not in str(error)
                continue
            text = repr(result.graph.nodes(data=True)) + repr(result.graph.edges(data=True))
            assert "root:" not in text and "/bin/" not in text


@pytest.mark.parametrize("name", ["native/text-path-traversal.yaml", "native/text-absolute-path.yaml"])
def test_upload_never_reads_source_texts(name: str) -> None:
    """Read from bytes (an upload), a source text path is not opened at all: the source keeps its
    id as title, its quotes become notes, and the import report says so."""
    result = read((CORPUS / name).read_bytes(), name=Path(name).name)
    source = result.graph.graph["sources"]["passwd"]
    assert "text" not in source and "root:" not in repr(result.graph.graph)
    assert result.dropped["source text not available (its quotes kept as notes)"] == 1


@pytest.mark.parametrize("entry", ENTRIES, ids=entry_id)
def test_cli_answers_every_corpus_file_in_its_own_words(entry: dict[str, Any], tmp_path: Path) -> None:
    """The CLI on each file: exit 0, 1 or 2 with mechgraph's own lines, never a traceback."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in [entry["file"], *entry.get("companions", [])]:
        shutil.copy(CORPUS / name, folder / Path(name).name)
    path = folder / Path(entry["file"]).name
    command = {
        "native": ["validate", str(path)],
        "format": ["convert", str(path), str(tmp_path / "out.json")],
        "extract": ["extract", str(path), "-o", str(tmp_path / "draft.yaml")],
    }[entry["reader"]]
    with limited(**entry.get("limits", {})):
        result = CliRunner().invoke(cli, command)
    assert result.exit_code in (0, 1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    if entry["outcome"] == "error":
        assert result.exit_code in (1, 2) and path.name in result.output
