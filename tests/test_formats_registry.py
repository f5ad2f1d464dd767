"""The one registry of formats: signatures, lookup by name, extension and content, check_graph."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from mechgraph.errors import FormatError
from mechgraph.formats import (
    Format,
    ImportResult,
    WriteResult,
    check_graph,
    format_for_path,
    formats,
    get_format,
    read,
    register,
    unregister,
    write,
)
from mechgraph.graph import read_graph
from mechgraph.vocabulary import Attr

from .conftest import FIXTURES


def test_names_and_extensions_are_unique() -> None:
    names = [f.name for f in formats()]
    extensions = [ext for f in formats() for ext in f.extensions]
    assert len(names) == len(set(names))
    assert len(extensions) == len(set(extensions))
    assert {"native", "nodelink", "cyjs", "graphml", "gexf", "sif", "csv", "tsv", "cx2", "sbgn"} <= set(names)


def test_every_read_write_format_is_both() -> None:
    both = {f.name for f in formats() if f.reader and f.writer}
    assert both == {"native", "nodelink", "cyjs", "graphml", "gexf", "sif", "csv", "tsv"}
    assert {f.name for f in formats() if f.reader and not f.writer} == {"cx2", "cx", "sbgn"}


def _reader(source: Path | bytes | str, /, *, name: str | None = None) -> ImportResult:
    return ImportResult(nx.MultiDiGraph(), "demo")


def _writer(graph: nx.MultiDiGraph, path: Path, /, *, force: bool = False) -> WriteResult:
    return WriteResult(path, "demo")


def test_register_enforces_the_one_signature() -> None:
    def positional_name(source: Path, name: str) -> ImportResult:
        return _reader(source)

    def no_force(graph: nx.MultiDiGraph, path: Path) -> WriteResult:
        return _writer(graph, path)

    with pytest.raises(TypeError, match="reader of format 'demo'"):
        register(Format("demo", "Demo", (".demo",), reader=positional_name))
    with pytest.raises(TypeError, match="writer of format 'demo'"):
        register(Format("demo", "Demo", (".demo",), writer=no_force))
    try:
        register(Format("demo", "Demo", (".demo",), _reader, _writer))
        assert get_format("demo").modes == ("read", "write")
        assert read(b"", name="x.demo").format == "demo"
        with pytest.raises(ValueError, match="extension '.sif' already belongs to format 'sif'"):
            register(Format("other", "Other", (".sif",), _reader))
    finally:
        unregister("demo", "other")
    assert "demo" not in [f.name for f in formats()]


def test_format_lookup_by_extension_is_case_blind_and_takes_the_longest() -> None:
    assert format_for_path("Pathway.GRAPHML").name == "graphml"
    assert format_for_path("pathway.nodes.csv").name == "csv"
    assert format_for_path("a.yml").name == "native"
    assert get_format("CYJS").name == "cyjs"
    with pytest.raises(FormatError, match="unknown format 'excel': known formats are native"):
        get_format("excel")


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("net.json", b'{"elements": {"nodes": []}}', "cyjs"),
        ("net.json", b'{\n "format_version" : "1.0", "data": {}', "cyjs"),
        ("net.json", b'[{"CXVersion": "2.0"}, {"metaData": []}]', "cx2"),
        ("net.json", b'{"directed": true, "nodes": [], "links": []}', "nodelink"),
        ("net.xml", b'<?xml version="1.0"?><graphml xmlns="x">', "graphml"),
        ("net.xml", b"<gexf version='1.3'>", "gexf"),
        ("net.xml", b'<sbgn xmlns="http://sbgn.org/libsbgn/0.3">', "sbgn"),
        ("pc.txt", b"PARTICIPANT_A\tINTERACTION_TYPE\tPARTICIPANT_B\n", "sif"),
    ],
)
def test_shared_extensions_are_told_apart_by_content(name: str, head: bytes, expected: str) -> None:
    assert format_for_path(name, head=head).name == expected


def test_read_only_formats_cannot_be_written(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="reads SBGN-ML but does not write it"):
        write(read_graph(FIXTURES / "valid.yaml"), tmp_path / "out.sbgn")
    with pytest.raises(FormatError, match="does not write"):
        write(read_graph(FIXTURES / "valid.yaml"), tmp_path / "out.any", format="cx2")


def test_content_needs_a_name_or_a_format() -> None:
    with pytest.raises(FormatError, match="name the format"):
        read(b"a pp b")
    assert read(b"a pp b", format="sif").graph.number_of_edges() == 1


def test_read_reads_every_format_by_extension(tmp_path: Path) -> None:
    graph = read_graph(FIXTURES / "valid.yaml")
    for fmt in formats():
        if fmt.writer is None:
            continue
        path = write(graph, tmp_path / f"g{fmt.extensions[0]}", force=True).path
        assert read(path).graph.number_of_edges() == graph.number_of_edges(), fmt.name


def test_native_upload_without_its_folder_keeps_quotes_as_notes() -> None:
    result = read((FIXTURES / "valid.yaml").read_bytes(), name="valid.yaml")
    assert result.dropped == {"source text not available (its quotes kept as notes)": 1}
    edge = next(d for *_, d in result.graph.edges(data=True) if d[Attr.RELATION] == "inhibits")
    assert edge[Attr.EVIDENCE][0]["note"] == "quote (not checked): “Cyclosporine inhibits calcineurin in T cells.”"
    assert "quote" not in edge[Attr.EVIDENCE][0]
    assert check_graph(result.graph) == []


def test_a_text_source_missing_beside_an_import_is_kept_with_a_note(tmp_path: Path) -> None:
    write(read_graph(FIXTURES / "valid.yaml"), tmp_path / "g.graphml")
    (tmp_path / "sources" / "sample.txt").unlink()
    result = read(tmp_path / "g.graphml")
    source = result.graph.graph[Attr.SOURCES]["sample"]
    assert "text" not in source and "not found beside g.graphml" in source["note"]
    assert result.dropped["source text not found (its quotes kept as notes)"] == 1
    assert result.dropped["quote not checkable against its source text (kept in the evidence note)"] == 2
    assert check_graph(result.graph) == []


def test_a_quote_that_is_not_verbatim_is_not_claimed(tmp_path: Path) -> None:
    write(read_graph(FIXTURES / "valid.yaml"), tmp_path / "g.json")
    text = (tmp_path / "g.json").read_text().replace("inhibits calcineurin in T cells", "blocks calcineurin")
    (tmp_path / "g.json").write_text(text)
    result = read(tmp_path / "g.json")
    evidence = next(d for *_, d in result.graph.edges(data=True) if d[Attr.RELATION] == "inhibits")[Attr.EVIDENCE][0]
    assert "quote" not in evidence and "not found verbatim" in evidence["note"]
    assert evidence["source"] == "sample.unchecked"
    assert "not found verbatim" in result.graph.graph[Attr.SOURCES]["sample.unchecked"]["note"]
    assert check_graph(result.graph) == []


def test_values_the_native_rules_refuse_move_to_extra() -> None:
    text = (
        '{"nodes": [{"id": "a", "kind": "agent", "label": "A", "identifiers": ["CHEBI:4031", "NOPE:1"], "routes": ["by mouth"]},'
        ' {"id": "b", "kind": "enzyme", "label": "B", "agent_class": "immunosuppressant"}],'
        ' "links": [{"source": "a", "target": "b", "relation": "inhibits", "mechanism": "sideways", "sign": 1}]}'
    )
    result = read(text, name="odd.json")
    graph = result.graph
    assert graph.nodes["a"][Attr.IDENTIFIERS] == ["CHEBI:4031"]
    assert graph.nodes["a"][Attr.EXTRA]["identifiers"] == ["NOPE:1"]
    assert graph.nodes["a"][Attr.EXTRA]["routes"] == ["by mouth"]
    assert graph.nodes["b"][Attr.KIND] == "target"  # 'enzyme' read as a type
    assert graph.nodes["b"][Attr.EXTRA] == {"kind": "enzyme", "agent_class": "immunosuppressant"}
    edge = next(iter(graph.edges(data=True)))[2]
    assert edge[Attr.EXTRA]["mechanism"] == "sideways"
    assert edge[Attr.SIGN] == -1  # the relation's sign, not the file's contradicting one
    assert result.dropped["sign that contradicts its relation (the relation's sign kept)"] == 1
    assert check_graph(graph) == []


def test_check_graph_accepts_every_import_and_names_what_is_wrong() -> None:
    graph = read_graph(FIXTURES / "valid.yaml")
    assert check_graph(graph) == []
    broken = graph.copy()
    broken.nodes["calcineurin"][Attr.KIND] = None
    broken.nodes["t_cell"][Attr.LABEL] = "  "
    key = next(k for *_, k, d in broken.edges(keys=True, data=True) if d[Attr.RELATION] == "binds")
    edge = broken.edges["cyclosporine", "calcineurin", key]
    edge[Attr.RELATION] = "hugs"
    edge[Attr.EVIDENCE] = [{"note": "no source"}]
    fields = {(p.field, p.rule) for p in check_graph(broken)}
    assert fields == {
        ("nodes['calcineurin'].kind", "unknown-kind"),
        ("nodes['t_cell'].label", "missing-field"),
        (f"relations[{key!r}].relation", "unknown-relation"),
        (f"relations[{key!r}].evidence", "no-evidence"),
    }


def test_check_graph_runs_the_native_rules() -> None:
    graph = read_graph(FIXTURES / "valid.yaml")
    graph.add_node("Not An Id", kind="target", label="x")
    graph.add_edge("cyclosporine", "t_cell", key="k1", relation="binds", sign=0, evidence=[{"source": "nowhere"}])
    messages = [str(p) for p in check_graph(graph)]
    assert any("nodes" in m and "not valid here" in m for m in messages)
    assert any("unknown source 'nowhere'" in m for m in messages)


def test_readers_never_change_their_input(tmp_path: Path) -> None:
    graph = read_graph(FIXTURES / "valid.yaml")
    before = (dict(graph.graph), list(graph.nodes(data=True)), list(graph.edges(keys=True, data=True)))
    for fmt in formats():
        if fmt.writer is not None:
            write(graph, tmp_path / f"g{fmt.extensions[0]}", force=True)
    assert (dict(graph.graph), list(graph.nodes(data=True)), list(graph.edges(keys=True, data=True))) == before
