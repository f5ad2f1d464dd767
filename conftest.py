"""Shared by the tests and the doctests of the package (both are collected from here down).

Doctests write example files with ``tempfile.mkdtemp()``; during every test ``tempfile`` makes its
folders inside the test's own temporary directory, which pytest removes with its old runs, so a
test run leaves nothing behind in the system's temporary folder.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _temporary_files_stay_in_the_test_folder(tmp_path: Path) -> Iterator[None]:
    before = tempfile.tempdir
    tempfile.tempdir = str(tmp_path)
    try:
        yield
    finally:
        tempfile.tempdir = before
