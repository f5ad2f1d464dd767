"""Size limits: file bytes, nodes, relations, sources, label length and nesting depth.

Each limit is refused with a clear message naming the file, the count found and the limit, by
every reader, before the input is built into a graph. The limits are lowered with
:func:`mechgraph.limits.limited` so that small files show them; the defaults are checked to be
those documented in docs/security.md.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from mechgraph.cli import cli
from mechgraph.errors import DataError, ReadError
from mechgraph.extract import extract_file
from mechgraph.formats import read, write
from mechgraph.graph import read_graph, validate_file
from mechgraph.limits import DEFAULT_LIMITS, Limits, current, limited
from mechgraph.yamltext import parse_yaml

from ..conftest import FIXTURES

WRITABLE = ("yaml", "json", "cyjs", "graphml", "gexf", "sif", "csv", "tsv")
SEEDS = Path(__file__).parent / "seeds"


def test_defaults_are_the_documented_ones() -> None:
    assert DEFAULT_LIMITS == Limits(
        file_bytes=20 * 1024 * 1024,
        source_text_bytes=5 * 1024 * 1024,
        nodes=100_000,
        relations=200_000,
        sources=100_000,
        depth=100,
        xml_depth=200,
        xml_elements=2_000_000,
        yaml_values=2_000_000,
    )
    documented = (Path(__file__).parents[2] / "docs" / "security.md").read_text(encoding="utf-8")
    for figure in (
        "20 MB",
        "5 MB",
        "100,000 nodes",
        "200,000 relations",
        "100,000 sources",
        "100 levels",
        "200 levels",
        "2,000,000",
        "10,000 characters",
        "500 characters",
    ):
        assert figure in documented, figure


def test_the_largest_shipped_graph_is_far_below_the_limits() -> None:
    graph = read_graph()
    assert graph.number_of_nodes() * 100 < DEFAULT_LIMITS.nodes
    assert graph.number_of_edges() * 100 < DEFAULT_LIMITS.relations


# -- file bytes -----------------------------------------------------------------------------------


def graph_file(folder: Path, ext: str, graph: nx.MultiDiGraph | None = None) -> Path:
    """A valid file of the format (written by mechgraph, or a kept seed of a read-only format)."""
    if ext in ("cx2", "cx", "sbgn"):
        return SEEDS / f"tiny.{ext}"
    path = folder / f"graph.{ext}"
    write(graph if graph is not None else read_graph(FIXTURES / "valid.yaml"), path)
    return path


@pytest.mark.parametrize("ext", [*WRITABLE, "cx2", "cx", "sbgn"])
def test_file_larger_than_the_limit_is_refused_before_it_is_read(ext: str, tmp_path: Path) -> None:
    path = graph_file(tmp_path, ext)
    size = path.stat().st_size
    with limited(file_bytes=size):
        assert read(path).graph.number_of_nodes() > 0  # exactly at the limit: read
    with limited(file_bytes=size - 1), pytest.raises(ReadError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: {size:,} bytes is larger than the {size - 1:,}-byte limit"
    with limited(file_bytes=size - 1), pytest.raises(ReadError, match=r"upload\.\w+: [\d,]+ bytes is larger than the [\d,]+-byte limit"):
        read(path.read_bytes(), name=f"upload.{ext}")


def test_sparse_file_over_the_default_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    """A 20 MB + 1 byte file (sparse: it takes no disk) is refused on its size alone."""
    for name in ("big.yaml", "big.graphml", "big.sif", "big.txt"):
        path = tmp_path / name
        with path.open("wb") as handle:
            handle.truncate(DEFAULT_LIMITS.file_bytes + 1)
        expected = f"{path}: 20,971,521 bytes is larger than the 20,971,520-byte limit"
        with pytest.raises(ReadError) as caught:
            if name.endswith(".txt"):
                extract_file(path)
            elif name.endswith(".yaml"):
                validate_file(path)
            else:
                read(path)
        assert str(caught.value) == expected


def test_cli_names_the_byte_limit_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "big.sif"
    with path.open("wb") as handle:
        handle.truncate(DEFAULT_LIMITS.file_bytes + 1)
    for command in (["convert", str(path), str(tmp_path / "out.yaml")], ["validate", str(tmp_path / "big.sif")]):
        result = CliRunner().invoke(cli, command)
        assert result.exit_code == 2, result.output
        assert result.output.strip().splitlines() == [f"mechgraph: {path}: 20,971,521 bytes is larger than the 20,971,520-byte limit"]
    assert not (tmp_path / "out.yaml").exists()


def test_source_text_larger_than_its_limit_is_a_source_text_problem(tmp_path: Path) -> None:
    folder = tmp_path / "g"
    (folder / "sources").mkdir(parents=True)
    (folder / "graph.yaml").write_bytes((FIXTURES / "valid.yaml").read_bytes())
    text = (FIXTURES / "sources" / "sample.txt").read_bytes()
    (folder / "sources" / "sample.txt").write_bytes(text)
    with limited(source_text_bytes=len(text) - 1):
        report = validate_file(folder / "graph.yaml")
    (problem,) = [p for p in report.problems if p.rule == "source-text"]
    assert problem.field == "sources[0].text" and problem.line == 7
    assert f"{len(text):,} bytes is larger than the {len(text) - 1:,}-byte limit" in problem.message


# -- nodes, relations, sources --------------------------------------------------------------------


@pytest.mark.parametrize("ext", WRITABLE)
def test_node_and_relation_limits_in_every_written_format(ext: str, tmp_path: Path) -> None:
    path = graph_file(tmp_path, ext)
    full = read(path).graph
    nodes, relations = full.number_of_nodes(), full.number_of_edges()
    with limited(nodes=nodes, relations=relations):
        assert read(path).graph.number_of_edges() == relations
    with limited(nodes=nodes - 1), pytest.raises(DataError) as caught:
        read(path)
    _assert_too_large(caught.value, path, "nodes", nodes - 1, nodes if ext == "yaml" else None)
    with limited(relations=relations - 1), pytest.raises(DataError) as caught:
        read(path)
    _assert_too_large(caught.value, path, "relations", relations - 1, relations if ext == "yaml" else None)


def _assert_too_large(error: DataError, path: Path, what: str, limit: int, found: int | None) -> None:
    (problem,) = error.problems
    assert problem.rule == "too-large" and problem.file == str(path)
    if found is None:  # imports stop as soon as the limit is passed
        assert problem.message.startswith(f"more than {limit:,} {what}: mechgraph reads at most {limit:,} {what}")
    else:  # the native format counts the records of the whole document first
        assert problem.message.startswith(f"{found:,} {what}: mechgraph reads at most {limit:,} {what}")
        assert problem.field == what and problem.line is not None


@pytest.mark.parametrize("ext", ["cx2", "cx", "sbgn"])
def test_node_and_relation_limits_in_read_only_formats(ext: str) -> None:
    path = SEEDS / f"tiny.{ext}"
    full = read(path).graph
    with limited(nodes=full.number_of_nodes() - 1), pytest.raises(DataError, match="mechgraph reads at most") as caught:
        read(path)
    assert caught.value.problems[0].rule == "too-large"
    with limited(relations=full.number_of_edges() - 1), pytest.raises(DataError, match="relations: mechgraph reads at most"):
        read(path)


def test_a_huge_sif_is_refused_early_not_after_minutes(tmp_path: Path) -> None:
    """A SIF line per relation: the count is checked while reading, before any graph is built
    (a million lines would take minutes to validate)."""
    path = tmp_path / "huge.sif"
    path.write_text("".join(f"a{i}\tinhibits\tb{i}\n" for i in range(50_000)))
    with limited(relations=1_000), pytest.raises(DataError) as caught:
        read(path)
    assert str(caught.value).startswith(f"{path}: more than 1,000 relations")


def test_source_limit(tmp_path: Path) -> None:
    document = {
        "graph": {"sources": [{"id": f"s{i}", "url": f"https://example.org/{i}"} for i in range(5)]},
        "nodes": [{"id": "a"}],
        "links": [],
    }
    with limited(sources=4), pytest.raises(DataError, match="more than 4 sources"):
        read(json.dumps(document), name="s.json")
    with limited(sources=5):
        assert len(read(json.dumps(document), name="s.json").graph.graph["sources"]) == 5


# -- label length ---------------------------------------------------------------------------------


def test_native_label_longer_than_10000_characters_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    label = "A" * 10_001
    path.write_text(f"mechgraph: 1\nnodes:\n  - id: a\n    kind: agent\n    label: {label}\n")
    (problem,) = validate_file(path).problems
    assert (problem.rule, problem.line, problem.field) == ("bad-value", 5, "nodes[0].label")
    assert problem.message.startswith("string should have at most 10000 characters")
    path.write_text(f"mechgraph: 1\nnodes:\n  - id: a\n    kind: agent\n    label: {label[:-1]}\n")
    assert validate_file(path).ok


@pytest.mark.parametrize("field", ["quote", "note"])
def test_evidence_text_longer_than_10000_characters_is_refused(field: str) -> None:
    from mechgraph.validation import validate_data

    from ..conftest import minimal_document

    document = minimal_document()
    document["relations"][0]["evidence"][0][field] = "x" * 10_001
    problems = validate_data(document).problems
    assert any(p.field == f"relations[0].evidence[0].{field}" and "at most 10000 characters" in p.message for p in problems)


def test_imported_labels_are_shortened_to_500_characters_and_counted() -> None:
    result = read(f"{'N' * 5_000}\tinhibits\tb\n", name="long.sif")
    (label,) = [data["label"] for _, data in result.graph.nodes(data=True) if data["label"].startswith("N")]
    assert len(label) == 500 and label.endswith("…")
    assert result.dropped["characters of labels longer than 500 (shortened)"] == 1


# -- nesting --------------------------------------------------------------------------------------


def test_yaml_nesting_limit_is_exact() -> None:
    limit = DEFAULT_LIMITS.depth
    parse_yaml("[" * limit + "]" * limit)
    with pytest.raises(DataError, match=f"nested more than {limit} levels deep"):
        parse_yaml("[" * (limit + 1) + "]" * (limit + 1), file="deep.yaml")


@pytest.mark.parametrize("name", ["deep.json", "deep.cyjs", "deep.cx2"])
def test_json_nesting_limit_is_exact(name: str) -> None:
    with limited(depth=12):
        for depth, refused in ((12, False), (13, True)):
            text = "[" * depth + "]" * depth
            try:
                read(text, name=name)
            except DataError as error:
                assert ("nested more than 12 levels deep" in str(error)) is refused, str(error)
                assert str(error).startswith(name)
            else:
                raise AssertionError("an empty list is not a graph")


@pytest.mark.parametrize("name", ["deep.graphml", "deep.gexf", "deep.sbgn"])
def test_xml_nesting_limit(name: str) -> None:
    with limited(xml_depth=10), pytest.raises(DataError, match="XML elements nested more than 10 deep"):
        read("<a>" * 11 + "</a>" * 11, name=name)


def test_xml_element_limit() -> None:
    text = "<graphml><graph>" + "<node id='n'/>" * 50 + "</graph></graphml>"
    with limited(xml_elements=20), pytest.raises(DataError, match="more than 20 XML elements"):
        read(text, name="many.graphml")


def test_yaml_alias_expansion_limit() -> None:
    text = "a: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\nb: [*a, *a, *a, *a, *a]\n"
    parse_yaml(text)
    with limited(yaml_values=40), pytest.raises(DataError, match="expands to more than 40 values"):
        parse_yaml(text)


# -- the setting is per thread ----------------------------------------------------------------


def test_limits_set_in_one_thread_do_not_leak_into_another() -> None:
    seen: dict[str, int] = {}
    entered, release = threading.Event(), threading.Event()

    def lowered() -> None:
        with limited(nodes=5):
            seen["inside"] = current().nodes
            entered.set()
            release.wait(5)

    thread = threading.Thread(target=lowered)
    thread.start()
    entered.wait(5)
    seen["other thread"] = current().nodes
    release.set()
    thread.join(5)
    assert seen == {"inside": 5, "other thread": DEFAULT_LIMITS.nodes}
    assert current() == DEFAULT_LIMITS


def test_a_limit_must_be_a_whole_number() -> None:
    for bad in (-1, 1.5, True):
        with pytest.raises(ValueError, match="must be a whole number of 0 or more"):
            with limited(nodes=bad):  # type: ignore[arg-type]
                pass
