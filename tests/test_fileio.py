"""Atomic writes: an interrupted write leaves the old file intact and no partial file behind."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from mechgraph.fileio import OutputExists, WriteError, write_atomic, write_atomic_with

SLOW_WRITER = textwrap.dedent(
    """
    import signal, sys, time
    from mechgraph.cli import _exit_on_signal
    from mechgraph.fileio import write_atomic_with
    signal.signal(signal.SIGTERM, _exit_on_signal)
    def write(handle):
        handle.write(b"NEW PARTIAL CONTENT")
        handle.flush()
        print("writing", flush=True)
        time.sleep(60)
    write_atomic_with(sys.argv[1], write, force=True)
    """
)


@pytest.mark.parametrize("signal_number", [signal.SIGTERM, signal.SIGINT])
def test_killed_write_keeps_old_file_and_leaves_nothing(tmp_path: Path, signal_number: int) -> None:
    target = tmp_path / "figure.html"
    target.write_text("OLD")
    process = subprocess.Popen([sys.executable, "-c", SLOW_WRITER, str(target)], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "writing"
    process.send_signal(signal_number)
    process.wait(timeout=30)
    assert process.returncode != 0
    assert target.read_text() == "OLD"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["figure.html"]


def test_sigkill_mid_write_keeps_old_file(tmp_path: Path) -> None:
    target = tmp_path / "figure.html"
    target.write_text("OLD")
    process = subprocess.Popen([sys.executable, "-c", SLOW_WRITER, str(target)], stdout=subprocess.PIPE, text=True)
    assert process.stdout is not None and process.stdout.readline().strip() == "writing"
    process.kill()
    process.wait(timeout=30)
    assert target.read_text() == "OLD"
    # Nothing can clean up after SIGKILL: what remains is a hidden temporary file, never the target.
    assert [p.name for p in tmp_path.iterdir() if not p.name.startswith(".figure.html.")] == ["figure.html"]


def test_existing_file_needs_force(tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    target.write_text("keep")
    with pytest.raises(OutputExists, match="--force"):
        write_atomic(target, "new")
    assert target.read_text() == "keep"
    write_atomic(target, "new", force=True)
    assert target.read_text() == "new"


def test_error_in_writer_leaves_nothing(tmp_path: Path) -> None:
    def broken(handle):  # type: ignore[no-untyped-def]
        handle.write(b"half")
        raise ValueError("boom")

    with pytest.raises(ValueError):
        write_atomic_with(tmp_path / "x.bin", broken)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_a_write_error(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="does not exist"):
        write_atomic(tmp_path / "no" / "x.txt", "a")
