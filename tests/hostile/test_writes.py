"""What mechgraph writes: atomically, and never over an existing file without --force.

The real CLI runs in a subprocess and is interrupted in the middle of writing a large file (the
GraphML writer streams into the temporary file, so the write lasts long enough to be caught):
the old file stays as it was and no partial file is left behind. Every CLI command that writes
refuses to replace an existing file unless --force is given.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from mechgraph.cli import cli
from mechgraph.formats import formats

from ..conftest import FIXTURES

VALID = FIXTURES / "valid.yaml"


def big_sif(path: Path, relations: int = 12_000) -> Path:
    """A SIF of many relations: quick to read, slow enough to write as GraphML."""
    path.write_text("".join(f"node{i % 3000}\tinhibits\tnode{(i * 7 + 1) % 3000}\n" for i in range(relations)))
    return path


def wait_for_partial(folder: Path, target: Path, process: subprocess.Popen[bytes], timeout: float = 120) -> Path:
    """The temporary file the write goes into, as soon as it has content."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for candidate in folder.glob(f".{target.name}.*.part"):
            try:
                if candidate.stat().st_size > 0:
                    return candidate
            except FileNotFoundError:
                continue
        if process.poll() is not None:
            raise AssertionError(f"the write ended before it could be interrupted (exit {process.returncode})")
        time.sleep(0.002)
    raise AssertionError("no temporary file appeared")


@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL], ids=["SIGTERM", "SIGINT", "SIGKILL"])
def test_convert_killed_mid_write_keeps_the_old_file(tmp_path: Path, signal_number: int) -> None:
    source = big_sif(tmp_path / "big.sif")
    target = tmp_path / "big.graphml"
    target.write_text("OLD")
    process = subprocess.Popen(
        [sys.executable, "-m", "mechgraph", "convert", str(source), str(target), "--force"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        partial = wait_for_partial(tmp_path, target, process)
        os.kill(process.pid, signal.SIGSTOP)  # hold it mid-write while the signal is queued
        assert partial.exists() and target.read_text() == "OLD"
        os.kill(process.pid, signal_number)
        os.kill(process.pid, signal.SIGCONT)
        _, stderr = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert process.returncode != 0
    assert b"Traceback" not in stderr
    assert target.read_text() == "OLD"
    left = sorted(p.name for p in tmp_path.iterdir())
    if signal_number == signal.SIGKILL:
        # Nothing runs after SIGKILL: a hidden temporary file may remain, never a partial target.
        left = [name for name in left if not name.startswith(".big.graphml.")]
    assert left == ["big.graphml", "big.sif"]


def test_convert_interrupted_then_run_again_writes_a_complete_file(tmp_path: Path) -> None:
    source = big_sif(tmp_path / "big.sif", relations=400)
    target = tmp_path / "big.graphml"
    result = CliRunner().invoke(cli, ["convert", str(source), str(target)])
    assert result.exit_code == 0, result.output
    assert target.read_text().rstrip().endswith("</graphml>")


# -- never over an existing file without --force ---------------------------------------------------

WRITABLE = [f for f in formats() if f.writer is not None]


@pytest.mark.parametrize("fmt", WRITABLE, ids=lambda f: f.name)
def test_convert_refuses_to_overwrite_without_force(fmt: object, tmp_path: Path) -> None:
    extension = fmt.extensions[0]  # type: ignore[attr-defined]
    target = tmp_path / f"out{extension}"
    target.write_text("keep me")
    result = CliRunner().invoke(cli, ["convert", str(VALID), str(target)])
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == f"mechgraph: {target} exists: pass --force (force=True) to overwrite it"
    assert target.read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name], "nothing else written either"
    result = CliRunner().invoke(cli, ["convert", str(VALID), str(target), "--force"])
    assert result.exit_code == 0, result.output
    assert target.read_text() != "keep me"


def test_convert_refuses_when_only_a_companion_table_exists(tmp_path: Path) -> None:
    """CSV writes three tables: if any of them exists, none is written."""
    companion = tmp_path / "out.nodes.csv"
    companion.write_text("keep me")
    result = CliRunner().invoke(cli, ["convert", str(VALID), str(tmp_path / "out.csv")])
    assert result.exit_code == 1
    assert companion.read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.nodes.csv"]


def test_extract_refuses_to_overwrite_a_draft_without_force(tmp_path: Path) -> None:
    text = tmp_path / "note.txt"
    text.write_text("Cyclosporine inhibits calcineurin.\n")
    draft = tmp_path / "draft.yaml"
    draft.write_text("keep me")
    result = CliRunner().invoke(cli, ["extract", str(text), "-o", str(draft)])
    assert result.exit_code == 1
    assert f"mechgraph: {draft} exists: pass --force" in result.output
    assert draft.read_text() == "keep me"
    assert not (tmp_path / "draft.sources").exists(), "nothing written when the draft is refused"
    result = CliRunner().invoke(cli, ["extract", str(text), "-o", str(draft), "--force"])
    assert result.exit_code == 0, result.output
    assert draft.read_text().startswith("# A draft written by `mechgraph extract`")
    again = CliRunner().invoke(cli, ["extract", str(text), "-o", str(tmp_path / "second.yaml")])
    assert again.exit_code == 0, again.output


def test_extract_refuses_to_replace_a_different_text_copy(tmp_path: Path) -> None:
    text = tmp_path / "note.txt"
    text.write_text("Cyclosporine inhibits calcineurin.\n")
    copy = tmp_path / "draft.sources" / "note.txt"
    copy.parent.mkdir()
    copy.write_text("a different text")
    result = CliRunner().invoke(cli, ["extract", str(text), "-o", str(tmp_path / "draft.yaml")])
    assert result.exit_code == 1
    assert copy.read_text() == "a different text" and not (tmp_path / "draft.yaml").exists()


def test_export_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    from mechgraph.cli.export_commands import export_command

    if "force" not in {parameter.name for parameter in export_command.params}:
        pytest.xfail("`mechgraph export` has no --force and replaces an existing file (reported to the export's owner)")
    target = tmp_path / "figure.html"
    target.write_text("keep me")
    result = CliRunner().invoke(cli, ["export", "--graph", str(VALID), "-o", str(target)])
    assert result.exit_code != 0
    assert "exists" in result.output and "--force" in result.output
    assert target.read_text() == "keep me"
    result = CliRunner().invoke(cli, ["export", "--graph", str(VALID), "-o", str(target), "--force"])
    assert result.exit_code == 0, result.output
    assert target.read_text().startswith("<!DOCTYPE html>")
