"""Round trips: native -> format -> native keeps nodes, relations, signs and evidence, or loses
exactly what docs/formats.md says the format cannot carry."""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mechgraph.errors import DataError
from mechgraph.fileio import OutputExists, WriteError
from mechgraph.formats import check_graph, formats, read, write
from mechgraph.graph import load_graph, read_graph
from mechgraph.resources import bundled_graph_path
from mechgraph.vocabulary import Attr

from .conftest import FIXTURES

WRITABLE = [f for f in formats() if f.writer is not None and f.reader is not None]
LOSSLESS = [f.name for f in WRITABLE if f.name != "sif"]
EXTENSION = {f.name: f.extensions[0] for f in WRITABLE}


@pytest.fixture(scope="module")
def bundled() -> nx.MultiDiGraph:
    return read_graph(bundled_graph_path())


def _nodes(graph: nx.MultiDiGraph) -> dict[str, dict[str, Any]]:
    return {node: dict(data) for node, data in graph.nodes(data=True)}


def _edges(graph: nx.MultiDiGraph) -> dict[tuple[str, str, str], dict[str, Any]]:
    return {(u, v, key): dict(data) for u, v, key, data in graph.edges(keys=True, data=True)}


def _through(graph: nx.MultiDiGraph, name: str, folder: Path) -> nx.MultiDiGraph:
    """Write in a format, read back, write native, read native: what survives the round trip."""
    written = write(graph, folder / f"graph{EXTENSION[name]}")
    assert written.format == name
    imported = read(written.path)
    assert check_graph(imported.graph) == []
    back = write(imported.graph, folder / "back.yaml")
    return read(back.path).graph


@pytest.mark.parametrize("name", LOSSLESS)
def test_round_trip_keeps_every_node_relation_sign_and_evidence(bundled: nx.MultiDiGraph, name: str, tmp_path: Path) -> None:
    again = _through(bundled, name, tmp_path)
    assert _nodes(again) == _nodes(bundled)
    assert _edges(again) == _edges(bundled)
    assert again.graph[Attr.SOURCES] == bundled.graph[Attr.SOURCES] or name == "gexf"
    if name == "gexf":  # GEXF writes only the sources that evidence cites
        cited = {e["source"] for *_, d in bundled.edges(data=True) for e in d[Attr.EVIDENCE]}
        cited |= {e["source"] for _, d in bundled.nodes(data=True) for e in d.get(Attr.EVIDENCE, [])}
        assert again.graph[Attr.SOURCES] == {k: v for k, v in bundled.graph[Attr.SOURCES].items() if k in cited}
    if name not in ("csv", "tsv"):  # tables have no place for the graph's title
        assert again.graph[Attr.TITLE] == bundled.graph[Attr.TITLE]
        assert again.graph[Attr.DESCRIPTION] == bundled.graph[Attr.DESCRIPTION]


def test_sif_keeps_ids_relations_and_signs_and_cites_its_lines(bundled: nx.MultiDiGraph, tmp_path: Path) -> None:
    written = write(bundled, tmp_path / "graph.sif")
    assert written.dropped["evidence items"] == sum(len(d[Attr.EVIDENCE]) for *_, d in bundled.edges(data=True))
    again = read(written.path).graph
    assert set(again.nodes) == set(bundled.nodes)
    triples = Counter((u, v, d[Attr.RELATION], d[Attr.SIGN]) for u, v, d in bundled.edges(data=True))
    assert Counter((u, v, d[Attr.RELATION], d[Attr.SIGN]) for u, v, d in again.edges(data=True)) == triples
    lines = written.path.read_text().splitlines()
    for _, _, data in again.edges(data=True):
        (evidence,) = data[Attr.EVIDENCE]
        number = int(evidence["note"].rsplit("line ", 1)[1])
        assert lines[number - 1].split("\t")[1] == data[Attr.RELATION]
        assert evidence["source"] == "graph.sif"
    assert {data[Attr.KIND] for _, data in again.nodes(data=True)} <= {"target", "process"}


def test_native_writer_output_validates_and_keeps_quotes_beside_it(tmp_path: Path) -> None:
    graph = read_graph(FIXTURES / "valid.yaml")
    (tmp_path / "out").mkdir()
    result = write(graph, tmp_path / "out" / "copy.yaml")
    assert [p.relative_to(tmp_path / "out").as_posix() for p in result.files] == ["copy.yaml", "sources/sample.txt"]
    assert (tmp_path / "out" / "sources" / "sample.txt").read_text() == (FIXTURES / "sources" / "sample.txt").read_text()
    again = read_graph(tmp_path / "out" / "copy.yaml")  # validates every quote against the copied text
    assert _edges(again) == _edges(graph)
    assert _nodes(again) == _nodes(graph)
    text = (tmp_path / "out" / "copy.yaml").read_text()
    assert text.startswith("# Written by mechgraph")
    assert "sources:\n  - {id: sample, title: Sample text, text: sources/sample.txt}\n" in text
    assert "    context: {cell_type: T cell}\n" in text


def test_native_writer_refuses_a_text_it_cannot_find(tmp_path: Path) -> None:
    graph = read_graph(FIXTURES / "valid.yaml")
    graph.graph[Attr.FILE] = None
    with pytest.raises(WriteError, match="source 'sample' cites the text 'sources/sample.txt'"):
        write(graph, tmp_path / "copy.yaml")
    assert not (tmp_path / "copy.yaml").exists()


def test_a_different_text_in_the_way_is_replaced_only_with_force(tmp_path: Path) -> None:
    graph = read_graph(FIXTURES / "valid.yaml")
    (tmp_path / "sources").mkdir()
    (tmp_path / "sources" / "sample.txt").write_text("another text\n")
    with pytest.raises(OutputExists):
        write(graph, tmp_path / "copy.json")
    write(graph, tmp_path / "copy.json", force=True)
    assert read_graph(FIXTURES / "valid.yaml").number_of_edges() == read(tmp_path / "copy.json").graph.number_of_edges()
    assert (tmp_path / "sources" / "sample.txt").read_text() == (FIXTURES / "sources" / "sample.txt").read_text()


def test_writing_beside_its_own_texts_copies_nothing(tmp_path: Path) -> None:
    shutil.copy(FIXTURES / "valid.yaml", tmp_path / "valid.yaml")
    (tmp_path / "sources").mkdir()
    shutil.copy(FIXTURES / "sources" / "sample.txt", tmp_path / "sources" / "sample.txt")
    graph = read_graph(tmp_path / "valid.yaml")
    result = write(graph, tmp_path / "again.yaml")
    assert result.files == (tmp_path / "again.yaml",)


@pytest.mark.parametrize("name", [f.name for f in WRITABLE])
def test_an_existing_output_is_kept_without_force(name: str, tmp_path: Path) -> None:
    target = tmp_path / f"graph{EXTENSION[name]}"
    target.write_text("keep me")
    graph = read_graph(FIXTURES / "valid.yaml")
    with pytest.raises(OutputExists):
        write(graph, target)
    assert target.read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]  # nothing else half-written
    write(graph, target, force=True)
    assert read(target).graph.number_of_edges() == graph.number_of_edges()


def test_tables_refuse_before_writing_any_of_their_files(tmp_path: Path) -> None:
    (tmp_path / "graph.nodes.csv").write_text("keep me")
    with pytest.raises(OutputExists):
        write(read_graph(FIXTURES / "valid.yaml"), tmp_path / "graph.csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["graph.nodes.csv"]


def test_missing_folder_is_a_write_error(tmp_path: Path) -> None:
    with pytest.raises(WriteError, match="does not exist"):
        write(read_graph(FIXTURES / "valid.yaml"), tmp_path / "no" / "graph.graphml")


def test_tables_read_from_any_of_their_three_files(tmp_path: Path) -> None:
    graph = read_graph(FIXTURES / "valid.yaml")
    write(graph, tmp_path / "graph.tsv")
    for name in ("graph.tsv", "graph.nodes.tsv", "graph.sources.tsv"):
        again = read(tmp_path / name).graph
        assert _edges(again) == _edges(graph), name


def test_a_node_table_alone_gives_nodes(tmp_path: Path) -> None:
    write(read_graph(FIXTURES / "valid.yaml"), tmp_path / "graph.csv")
    alone = read((tmp_path / "graph.nodes.csv").read_bytes(), name="nodes.csv").graph
    assert set(alone.nodes) == {"cyclosporine", "calcineurin", "nfat_translocation", "t_cell"}
    assert alone.nodes["cyclosporine"][Attr.ROUTES] == ["oral", "intravenous"]
    assert alone.number_of_edges() == 0


def test_spreadsheet_formulas_are_written_as_text_and_read_back(tmp_path: Path) -> None:
    graph = load_graph(_document(label='=HYPERLINK("http://x")', synonym="-x; y"))
    write(graph, tmp_path / "g.csv")
    cells = (tmp_path / "g.nodes.csv").read_text()
    assert "'=HYPERLINK" in cells
    assert _nodes(read(tmp_path / "g.csv").graph) == _nodes(graph)


def test_a_label_that_already_starts_with_a_quote_before_a_formula_sign_reads_back_whole(tmp_path: Path) -> None:
    for k, label in enumerate(("'=", "''+1", "'-x")):
        graph = load_graph(_document(label=label, synonym="y"))
        write(graph, tmp_path / f"g{k}.csv")
        assert _nodes(read(tmp_path / f"g{k}.csv").graph) == _nodes(graph), label


def test_imported_attributes_and_positions_survive_formats_that_carry_them(tmp_path: Path) -> None:
    text = (
        '{"elements": {"nodes": [{"data": {"id": "a", "name": "IL2", "score": 0.5, "tags": ["x", "y"]}, '
        '"position": {"x": 1.5, "y": -2}}, {"data": {"id": "b", "name": "IFNG"}}], '
        '"edges": [{"data": {"id": "e1", "source": "a", "target": "b", "interaction": "controls-expression-of", "weight": 2}}]}}'
    )
    graph = read(text, name="in.cyjs").graph
    for name in ("nodelink", "cyjs", "graphml", "gexf", "csv"):
        again = read(write(graph, tmp_path / f"g{EXTENSION[name]}").path).graph
        node = again.nodes["a"]
        assert node[Attr.POSITION] == {"x": 1.5, "y": -2.0}, name
        assert node[Attr.EXTRA]["score"] == 0.5, name
        edge = again.edges["a", "b", "e1"]
        assert edge[Attr.EXTRA]["interaction"] == "controls-expression-of", name
        assert edge[Attr.EXTRA]["weight"] == 2, name
        assert edge[Attr.RELATION] == "regulates", name
    sif = write(graph, tmp_path / "g.sif").path.read_text()
    assert sif == "a\tcontrols-expression-of\tb\n"  # a foreign relation name is written back as it came
    native = write(graph, tmp_path / "g.yaml")
    assert native.dropped == {"node positions": 1}  # extra maps are native fields now
    again = read(native.path).graph
    assert again.nodes["a"][Attr.EXTRA] == {"score": 0.5, "tags": ["x", "y"]}
    assert again.edges["a", "b", "e1"][Attr.EXTRA] == graph.edges["a", "b", "e1"][Attr.EXTRA]


def _document(*, label: str, synonym: str, relation: str = "inhibits", note: str | None = None) -> dict[str, Any]:
    relation_record: dict[str, Any] = {
        "from": "a",
        "relation": relation,
        "to": "b",
        "mechanism": "direct",
        "context": {"species": "human"},
        "evidence": [{"source": "s", "note": note or "a note"}],
    }
    return {
        "mechgraph": 1,
        "title": "Hostile",
        "sources": [{"id": "s", "url": "https://example.org/x?a=1&b=2"}],
        "nodes": [
            {"id": "a", "kind": "agent", "label": label, "synonyms": [synonym], "routes": ["oral"]},
            {"id": "b", "kind": "process", "process": "secretion", "label": "B"},
        ],
        "relations": [relation_record],
    }


_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\u2028\u2029\x85"),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() == s and s.strip())


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(label=_TEXT, synonym=_TEXT, note=_TEXT, relation=st.sampled_from(["inhibits", "activates", "binds", "regulates"]))
def test_any_text_round_trips_through_every_lossless_format(tmp_path: Path, label: str, synonym: str, note: str, relation: str) -> None:
    """Labels like <img src=x onerror=alert(1)>, quotes, ';', commas, unicode: kept as text."""
    try:
        graph = load_graph(_document(label=label, synonym=synonym, relation=relation, note=note))
    except DataError:
        return  # a value the native format itself refuses
    for name in LOSSLESS:
        folder = tmp_path / name
        folder.mkdir(exist_ok=True)
        again = read(write(graph, folder / f"g{EXTENSION[name]}", force=True).path).graph
        assert _nodes(again) == _nodes(graph), name
        assert _edges(again) == _edges(graph), name


def test_hostile_label_is_kept_as_text(tmp_path: Path) -> None:
    graph = load_graph(_document(label="<img src=x onerror=alert(1)>", synonym='"; DROP'))
    for name in LOSSLESS:
        again = read(write(graph, tmp_path / f"g{EXTENSION[name]}").path).graph
        assert again.nodes["a"][Attr.LABEL] == "<img src=x onerror=alert(1)>", name


def test_text_xml_cannot_hold_is_replaced_and_counted(tmp_path: Path) -> None:
    graph = load_graph(_document(label="IL-2 \x01 gene\r\nproduct", synonym="x"))
    for name in ("graphml", "gexf"):
        written = write(graph, tmp_path / f"g{EXTENSION[name]}")
        assert sum(written.dropped.values()) == 2, name
        assert read(written.path).graph.nodes["a"][Attr.LABEL] == "IL-2 \ufffd gene\nproduct", name
    for name in ("nodelink", "cyjs", "csv"):  # JSON and CSV keep every character
        again = read(write(graph, tmp_path / f"g{EXTENSION[name]}").path).graph
        assert again.nodes["a"][Attr.LABEL] == "IL-2 \x01 gene\r\nproduct", name
