"""Hostile YAML: malformed, bombs, tags, binaries. A clear error naming the file, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from mechgraph.errors import ReadError
from mechgraph.graph import validate_file


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode())
    return path


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    lines += [f"a{i}: &a{i} [" + ",".join([f"*a{i - 1}"] * 10) + "]" for i in range(1, 9)]
    report = validate_file(write(tmp_path, "bomb.yaml", "\n".join(lines)))
    assert [p.rule for p in report.problems] == ["yaml-syntax"]
    assert "too many YAML aliases" in report.problems[0].message


def test_python_tags_construct_nothing(tmp_path: Path) -> None:
    path = write(tmp_path, "tag.yaml", "mechgraph: 1\ntitle: !!python/object/apply:os.system ['touch pwned']\n")
    report = validate_file(path)
    assert not (tmp_path / "pwned").exists()
    (problem,) = report.problems
    assert (problem.rule, problem.line) == ("yaml-syntax", 2)
    assert "python/object/apply:os.system" in problem.message


def test_binary_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="binary"):
        validate_file(write(tmp_path, "x.yaml", b"\x89PNG\x00\x00"))


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match=r"x.yaml:2: not valid UTF-8"):
        validate_file(write(tmp_path, "x.yaml", b"mechgraph: 1\ntitle: \xff\n"))


def test_directory_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="not a regular file"):
        validate_file(tmp_path)


def test_deep_nesting_is_a_clear_error(tmp_path: Path) -> None:
    report = validate_file(write(tmp_path, "deep.yaml", "a: " + "[" * 5000 + "]" * 5000))
    assert not report.ok
    assert report.problems[0].rule in {"yaml-syntax", "bad-value"}


def test_duplicate_keys_name_the_line(tmp_path: Path) -> None:
    report = validate_file(write(tmp_path, "dup.yaml", "mechgraph: 1\ntitle: a\ntitle: b\n"))
    (problem,) = report.problems
    assert problem.rule == "yaml-syntax" and problem.line == 3 and "duplicate key" in problem.message


@pytest.mark.parametrize("content", ["", "just a string", "- a\n- b\n", "42"])
def test_documents_of_the_wrong_shape_are_clear_errors(tmp_path: Path, content: str) -> None:
    report = validate_file(write(tmp_path, "shape.yaml", content))
    assert not report.ok
    assert "expected a mapping" in report.problems[0].message


def test_collector_paused_turns_the_collector_back_on_after_the_outermost_pause() -> None:
    """The readers and the exports pause the cyclic collector with one helper."""
    import gc

    from mechgraph.yamltext import collector_paused

    assert gc.isenabled()
    with collector_paused():
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled(), "an inner pause leaves the outer one paused"
    assert gc.isenabled()
