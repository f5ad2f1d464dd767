"""Malformed and hostile files of every format: one clear error naming the file, where, and what."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from mechgraph.cli import cli
from mechgraph.errors import DataError, FormatError, ReadError
from mechgraph.formats import formats, read

from .conftest import FIXTURES

MALFORMED = FIXTURES / "formats"

# fixture -> (line, column, JSON path, words of the message); None where the format has no such position
EXPECTED: dict[str, tuple[int | None, int | None, str, str]] = {
    "malformed.yaml": (6, 10, "", "malformed YAML"),
    "malformed.json": (4, 3, "", "malformed JSON"),
    "malformed-structure.json": (None, None, "links[0].target", "a link needs a 'target'"),
    "malformed.cyjs": (None, None, "elements.edges[1].data.source", "an edge needs data.source"),
    "malformed.graphml": (6, 58, "", "malformed XML: mismatched tag"),
    "malformed.gexf": (9, 7, "", "an <edge> needs source and target attributes"),
    "malformed.sif": (3, 13, "", "a SIF line needs a source, a relation and at least one target"),
    "malformed.csv": (3, 21, "", "4 fields but the header names 3 columns"),
    "malformed.tsv": (1, None, "", "an edge table needs a source and a target column"),
    "malformed.cx2": (None, None, "[2].edges[0].t", "a CX2 edge needs 't'"),
    "malformed.cx": (None, None, "[1].nodes[1].@id", "a CX node needs an '@id'"),
    "malformed.sbgn": (6, 5, "", "an <arc> needs a target attribute"),
    "entity-bomb.graphml": (2, 16, "", "refused XML: a DOCTYPE declaration"),
    "external-entity.sbgn": (2, 16, "", "refused XML: a DOCTYPE declaration"),
}


def test_every_readable_format_has_a_malformed_fixture() -> None:
    extensions = {Path(name).suffix for name in EXPECTED}
    for fmt in formats():
        if fmt.reader is not None:
            assert extensions & set(fmt.extensions), f"no malformed fixture for format {fmt.name}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_malformed_file_names_file_position_and_problem(name: str) -> None:
    line, column, field, words = EXPECTED[name]
    path = MALFORMED / name
    with pytest.raises(DataError) as caught:
        read(path)
    (problem,) = caught.value.problems
    assert problem.file == str(path)
    assert (problem.line, problem.column) == (line, column)
    assert problem.field == field
    assert words in problem.message
    assert str(path) in str(caught.value)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_malformed_upload_names_the_upload(name: str) -> None:
    """The dashboard reads uploads as bytes: the message names the upload's file name."""
    content = (MALFORMED / name).read_bytes()
    with pytest.raises(DataError) as caught:
        read(content, name=f"upload-{name}")
    assert caught.value.problems[0].file == f"upload-{name}"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_cli_prints_one_line_per_problem_and_exits_1(name: str, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["convert", str(MALFORMED / name), str(tmp_path / "out.yaml")])
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert str(MALFORMED / name) in result.output
    assert not (tmp_path / "out.yaml").exists()


def test_entities_are_never_expanded() -> None:
    with pytest.raises(DataError) as caught:
        read((MALFORMED / "external-entity.sbgn").read_bytes(), name="x.sbgn")
    assert "root:" not in str(caught.value)  # /etc/passwd was not read


def test_binary_and_undecodable_files_are_read_errors(tmp_path: Path) -> None:
    binary = tmp_path / "net.sif"
    binary.write_bytes(b"a\x00b\tpp\tc\n")
    with pytest.raises(ReadError, match="binary"):
        read(binary)
    latin = tmp_path / "net.csv"
    latin.write_bytes(b"source,target\nna\xefve,b\n")
    with pytest.raises(ReadError, match=r"net.csv:2: not valid UTF-8"):
        read(latin)


def test_unknown_extension_and_missing_file_are_read_errors(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="no registered format has the extension '.xyz'"):
        read(tmp_path / "net.xyz")
    with pytest.raises(ReadError, match="no such file"):
        read(tmp_path / "missing.graphml")


def test_too_large_input_is_refused() -> None:
    from mechgraph.limits import DEFAULT_LIMITS

    with pytest.raises(ReadError, match="larger than"):
        read(b" " * (DEFAULT_LIMITS.file_bytes + 1), name="big.sif")


def test_deeply_nested_xml_is_refused() -> None:
    nested = "<graphml>" + "<a>" * 300 + "</a>" * 300 + "</graphml>"
    with pytest.raises(DataError, match="nested more than 200 deep"):
        read(nested, name="deep.graphml")


def test_deeply_nested_json_is_a_clear_error() -> None:
    with pytest.raises(DataError, match="malformed JSON"):
        read("[" * 100_000 + "]" * 100_000, name="deep.json")


@pytest.mark.parametrize(
    ("content", "name", "words"),
    [
        ("a\t\tb\n", "empty.sif", "empty relation"),
        ("source,target\na,\n", "empty.csv", "every relation needs both ends"),
        ('source,target\n"a,b\n', "quote.csv", "malformed row"),
        ("{}", "empty.cyjs", "expected a JSON object with 'elements'"),
        ('{"elements": {"nodes": [{"data": {"name": "x"}}]}}', "noid.cyjs", "a node needs data.id"),
        ('{"nodes": 3}', "bad.json", "expected a JSON object with a 'nodes' list"),
        ('{"a": 1}', "notcx.cx2", "expected a CX network"),
        ("<graph/>", "root.graphml", "expected a <graphml> root element"),
        ("<graphml><graph><node/></graph></graphml>", "noid.graphml", "a <node> needs an id attribute"),
        ("<sbgn><map><glyph id='g'/></map></sbgn>", "noclass.sbgn", "a <glyph> needs a class attribute"),
        ("<gexf><graph><nodes><node label='x'/></nodes></graph></gexf>", "noid.gexf", "a <node> needs an id attribute"),
        ("", "empty.csv", "the table is empty"),
    ],
)
def test_more_malformed_shapes(content: str, name: str, words: str) -> None:
    with pytest.raises(DataError) as caught:
        read(content, name=name)
    assert words in str(caught.value)
    assert str(caught.value).startswith(name)
