"""One loader: every command and the dashboard read every registered format through the registry.

The small graph of ``tests/fixtures/valid.yaml`` is written in every format mechgraph writes; the
formats it only reads (CX2, CX, SBGN-ML) are small files with the structure those tools write.
"""

from __future__ import annotations

import json
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from mechgraph.cli import cli
from mechgraph.dashboard.app import load_served_graph
from mechgraph.errors import DataError, ReadError
from mechgraph.formats import formats, write
from mechgraph.formats.registry import load
from mechgraph.graph import read_graph

from .servers import free_port, serve_command, start, stop

FIXTURES = Path(__file__).parent / "fixtures"

CX2 = """[{"CXVersion": "2.0", "hasFragments": false},
 {"metaData": [{"name": "nodes", "elementCount": 2}, {"name": "edges", "elementCount": 1}]},
 {"attributeDeclarations": [{"nodes": {"name": {"d": "string"}}, "edges": {"interaction": {"d": "string"}}}]},
 {"nodes": [{"id": 0, "v": {"name": "IL2"}}, {"id": 1, "v": {"name": "IL2RA"}}]},
 {"edges": [{"id": 0, "s": 0, "t": 1, "v": {"interaction": "activates"}}]},
 {"status": [{"error": "", "success": true}]}]
"""
CX = """[{"numberVerification": [{"longNumber": 281474976710655}]},
 {"metaData": [{"name": "nodes", "elementCount": 2}, {"name": "edges", "elementCount": 1}]},
 {"nodes": [{"@id": 0, "n": "IL2"}, {"@id": 1, "n": "IL2RA"}]},
 {"edges": [{"@id": 2, "s": 0, "t": 1, "i": "activates"}]},
 {"status": [{"error": "", "success": true}]}]
"""
SBGN = """<?xml version="1.0" encoding="UTF-8"?>
<sbgn xmlns="http://sbgn.org/libsbgn/0.2">
  <map language="process description">
    <glyph id="g1" class="macromolecule"><label text="IL2"/><bbox x="0" y="0" w="60" h="30"/></glyph>
    <glyph id="g2" class="macromolecule"><label text="IL2RA"/><bbox x="100" y="0" w="60" h="30"/></glyph>
    <arc id="a1" class="stimulation" source="g1" target="g2"><start x="60" y="15"/><end x="100" y="15"/></arc>
  </map>
</sbgn>
"""
READ_ONLY = {"cx2": ("il2.cx2", CX2), "cx": ("il2.cx", CX), "sbgn": ("il2.sbgn", SBGN)}
#: Per file: (nodes, relations, a node to ask about, a node downstream of it).
SMALL = (4, 3, "cyclosporine", "nfat_translocation")
IL2 = (2, 1, "IL2", "IL2RA")


@pytest.fixture(scope="module")
def files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, tuple[int, int, str, str]]]:
    """One file per registered format (name -> path, expected counts and two nodes)."""
    folder = tmp_path_factory.mktemp("formats")
    graph = read_graph(FIXTURES / "valid.yaml")
    result: dict[str, tuple[Path, tuple[int, int, str, str]]] = {}
    for fmt in formats():
        if fmt.writer is not None:
            path = folder / f"graph{fmt.extensions[0]}"
            write(graph, path)
            result[fmt.name] = (path, SMALL)
        else:
            name, content = READ_ONLY[fmt.name]
            path = folder / name
            path.write_text(content, encoding="utf-8")
            result[fmt.name] = (path, IL2)
    return result


FORMAT_NAMES = [fmt.name for fmt in formats()]


def run(*arguments: str) -> Result:
    return CliRunner().invoke(cli, list(arguments))


def no_traceback(result: Result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


def test_every_registered_format_is_covered(files: dict[str, tuple[Path, tuple[int, int, str, str]]]) -> None:
    assert set(files) == set(FORMAT_NAMES) and {"native", "sif", "graphml", "cx", "cx2", "sbgn"} <= set(files)


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_the_loader_reads_and_checks_every_format(name: str, files: dict[str, tuple[Path, tuple[int, int, str, str]]]) -> None:
    path, (nodes, relations, _, _) = files[name]
    result = load(path)
    assert result.format == name
    assert (result.graph.number_of_nodes(), result.graph.number_of_edges()) == (nodes, relations)
    assert result.report is not None and result.report.ok


@pytest.mark.parametrize("name", FORMAT_NAMES)
@pytest.mark.parametrize("spelling", ["positional", "--graph"])
def test_validate_checks_every_format(name: str, spelling: str, files: dict[str, tuple[Path, tuple[int, int, str, str]]]) -> None:
    path, (nodes, relations, _, _) = files[name]
    arguments = [str(path)] if spelling == "positional" else ["--graph", str(path)]
    result = run("validate", "--json", *arguments)
    no_traceback(result)
    assert result.exit_code == 0, result.output
    [checked] = json.loads(result.output)["files"]
    assert (checked["valid"], checked["format"], checked["nodes"], checked["relations"]) == (True, name, nodes, relations)


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_info_reads_every_format(name: str, files: dict[str, tuple[Path, tuple[int, int, str, str]]]) -> None:
    """Before the one loader, `info x.sif` said "expected a mapping with the keys mechgraph, title…"."""
    path, (nodes, relations, _, _) = files[name]
    result = run("info", "--json", str(path))
    no_traceback(result)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.output)
    assert (summary["nodes"], summary["relations"]) == (nodes, relations)


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_queries_and_audit_read_every_format(name: str, files: dict[str, tuple[Path, tuple[int, int, str, str]]]) -> None:
    path, (_, _, upstream, downstream) = files[name]
    for arguments in (["search", upstream], ["neighbors", upstream], ["paths", upstream, downstream]):
        result = run(*arguments, "--graph", str(path), "--json")
        no_traceback(result)
        assert result.exit_code == 0, (arguments, result.output)
    # A format without node kinds (SIF) may leave no process to reach: exit 1, after reading it.
    result = run("effects", upstream, "--graph", str(path), "--json")
    no_traceback(result)
    assert result.exit_code in (0, 1) and result.output.startswith("{"), result.output
    result = run("audit", "--graph", str(path), "--json")
    no_traceback(result)
    assert result.exit_code in (0, 1) and json.loads(result.output)["file"] == str(path)


@pytest.mark.parametrize("name", ["sif", "graphml", "cx"])
def test_export_and_extract_read_a_non_yaml_graph(name: str, files: dict[str, tuple[Path, tuple[int, int, str, str]]], tmp_path: Path) -> None:
    path, (_, _, upstream, _) = files[name]
    result = run("export", "--graph", str(path), "-o", str(tmp_path / "out.html"))
    no_traceback(result)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out.html").stat().st_size > 0
    text = tmp_path / "note.txt"
    text.write_text(f"{upstream} activates {upstream}.\n", encoding="utf-8")
    result = run("extract", str(text), "--graph", str(path))
    no_traceback(result)
    assert result.exit_code in (0, 1), result.output


@pytest.mark.parametrize("name", FORMAT_NAMES)
def test_the_dashboard_loads_every_format(name: str, files: dict[str, tuple[Path, tuple[int, int, str, str]]]) -> None:
    path, (nodes, relations, _, _) = files[name]
    graph = load_served_graph(path)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (nodes, relations)


# -- broken and refused files ---------------------------------------------------------------------

BROKEN = {
    "broken.graphml": ("<graphml><graph><node id='a'/>", "malformed XML"),
    "broken.sif": ("il2\tactivates\n", "a SIF line needs a source, a relation and at least one target"),
    "broken.json": ('{"nodes": 3}', "expected a JSON object with a 'nodes' list"),
    "broken.cx": ('[{"nodes": [{"@id": 0, "n": "A"}]}, {"edges": [', "JSON"),
}


@pytest.mark.parametrize("file_name", sorted(BROKEN))
def test_validate_names_the_broken_file_and_what_was_expected(file_name: str, tmp_path: Path) -> None:
    content, expected = BROKEN[file_name]
    path = tmp_path / file_name
    path.write_text(content, encoding="utf-8")
    result = run("validate", str(path))
    no_traceback(result)
    assert result.exit_code == 1, result.output
    assert f"{path}: invalid" in result.output
    assert f"  {path}" in result.output and expected in result.output
    assert "expected a mapping with the keys mechgraph" not in result.output


@pytest.mark.parametrize("command", ["info", "audit", "serve"])
def test_a_broken_non_yaml_file_is_refused_in_its_own_words(command: str, tmp_path: Path) -> None:
    path = tmp_path / "broken.graphml"
    path.write_text(BROKEN["broken.graphml"][0], encoding="utf-8")
    result = run(command, str(path))
    no_traceback(result)
    assert result.exit_code == 1, result.output
    assert str(path) in result.output and "malformed XML" in result.output
    assert "expected a mapping with the keys mechgraph" not in result.output


def test_the_dashboard_refuses_a_broken_non_yaml_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.sif"
    path.write_text(BROKEN["broken.sif"][0], encoding="utf-8")
    with pytest.raises(DataError, match="broken.sif:1"):
        load_served_graph(path)


def test_an_unknown_extension_is_unreadable_and_lists_the_known_ones(tmp_path: Path) -> None:
    path = tmp_path / "graph.xyz"
    path.write_text("a b c\n", encoding="utf-8")
    for command in ("validate", "info"):
        result = run(command, str(path))
        no_traceback(result)
        assert result.exit_code == 2, result.output
        assert f"{path}: no registered format has the extension '.xyz'" in result.output and ".graphml" in result.output
    with pytest.raises(ReadError):
        load(path)


def test_validate_takes_files_both_ways_at_once(files: dict[str, tuple[Path, tuple[int, int, str, str]]]) -> None:
    sif, graphml = files["sif"][0], files["graphml"][0]
    result = run("validate", "--json", str(sif), "--graph", str(graphml))
    assert result.exit_code == 0, result.output
    assert [f["format"] for f in json.loads(result.output)["files"]] == ["sif", "graphml"]


def test_one_graph_given_two_different_ways_is_a_usage_error(files: dict[str, tuple[Path, tuple[int, int, str, str]]]) -> None:
    sif, graphml = files["sif"][0], files["graphml"][0]
    result = run("info", str(sif), "--graph", str(graphml))
    assert result.exit_code == 2 and "give the graph once" in result.output
    same = run("info", "--json", str(sif), "--graph", str(sif))
    assert same.exit_code == 0, same.output


@pytest.mark.parametrize("command", ["validate", "info", "audit", "serve", "search", "neighbors", "paths", "effects", "export", "extract"])
def test_every_command_names_its_graph_with_graph_file(command: str) -> None:
    result = run(command, "--help")
    assert result.exit_code == 0
    assert "--graph FILE" in result.output


@pytest.fixture()
def cx_server(files: dict[str, tuple[Path, tuple[int, int, str, str]]], tmp_path: Path) -> Iterator[str]:
    port = free_port()
    process = start(serve_command(port, str(files["cx"][0])), port, tmp_path / "serve.log")
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        stop(process)


def test_serve_opens_the_dashboard_on_a_cx_file(cx_server: str) -> None:
    """`mechgraph serve x.cx`: a real server whose page counts the converted graph."""
    dependencies = json.loads(urllib.request.urlopen(cx_server + "_dash-dependencies", timeout=30).read())
    render = next(d for d in dependencies if d["output"].startswith("..canvas.elements..."))
    values = {"view-key.data": "", "theme.value": "light", "highlight-store.data": [], "canvas-scale.data": False}
    outputs = [
        {"id": part.split("@")[0].rsplit(".", 1)[0], "property": part.split("@")[0].rsplit(".", 1)[1]} for part in render["output"].strip(".").split("...")
    ]
    payload = {
        "output": render["output"],
        "outputs": outputs,
        "inputs": [{**item, "value": values.get(f"{item['id']}.{item['property']}")} for item in render["inputs"]],
        "state": [{**item, "value": values.get(f"{item['id']}.{item['property']}")} for item in render["state"]],
        "changedPropIds": ["view-key.data"],
    }
    request = urllib.request.Request(cx_server + "_dash-update-component", json.dumps(payload).encode(), {"Content-Type": "application/json"})
    answer = json.loads(urllib.request.urlopen(request, timeout=30).read())
    assert answer["response"]["graph-counts"]["children"] == "2 nodes · 1 relations"
