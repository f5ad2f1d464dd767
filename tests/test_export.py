"""Export from Python: HTML, SVG, PNG and PDF files, focused views, escaping, determinism, atomic writes."""

from __future__ import annotations

import copy
import json
import re
import struct
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import defusedxml.ElementTree as ElementTree
import networkx as nx
import pytest

import mechgraph
from mechgraph.errors import NodeNotFound
from mechgraph.export import (
    WRITERS,
    ExportError,
    WriteError,
    export,
    export_html,
    export_image,
    html_string,
    notebook_view,
)
from mechgraph.export.html import PHYSICS_LIMIT, figure_data
from mechgraph.export.view import Size, build_figure, focus_view, safe_url
from mechgraph.fileio import OutputExists
from mechgraph.graph import read_graph
from mechgraph.query import neighbourhood
from mechgraph.style import Theme, node_style, theme_colours
from mechgraph.synthetic import synthetic_graph

XSS_LABEL = "<img src=x onerror=alert(1)>"
SCRIPT_QUOTE = "</script><script>alert(2)</script> & \u2028 line"


def hostile_graph() -> nx.MultiDiGraph:
    """A graph whose every text tries to run code or break out of its context."""
    g = nx.MultiDiGraph()
    g.graph.update(
        title="<b>Hostile</b> </title><script>alert(3)</script>",
        sources={
            "safe": {"id": "safe", "title": "A <i>safe</i> paper", "url": "https://example.org/paper?a=1&b=2"},
            "evil": {"id": "evil", "title": "Evil link", "url": "javascript:alert(4)"},
        },
    )
    g.add_node("xss", kind="agent", label=XSS_LABEL, synonyms=["<svg onload=alert(5)>"], description="\"quoted\" 'single'")
    g.add_node("target", kind="target", label="Target </script>", identifiers=["CHEBI:4031"])
    g.add_node("cell", kind="immune_cell", label="T cell")
    g.add_node("odd", label="no kind at all")
    evidence = [
        {"source": "safe", "quote": SCRIPT_QUOTE, "title": "A <i>safe</i> paper", "url": "https://example.org/paper?a=1&b=2"},
        {"source": "evil", "quote": "follow me", "note": "<b>note</b>", "url": "javascript:alert(4)"},
    ]
    g.add_edge(
        "xss",
        "target",
        key="r1",
        id="r1",
        relation="inhibits",
        sign=-1,
        mechanism="direct",
        evidence=evidence,
        context={"cell_type": "<u>T</u>"},
        measurable_in=["in_vitro"],
    )
    g.add_edge("xss", "target", key="r2", id="r2", relation="binds", sign=0, evidence=[])
    g.add_edge("target", "cell", key="r3", id="r3", relation="activates", sign=1, mechanism="indirect", evidence=[])
    g.add_edge("cell", "odd", key="r4", id="r4", relation="acts_on", evidence=[])
    return g


class _Elements(HTMLParser):
    """The elements of a page, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.script_texts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.script_texts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.script_texts[-1] += data


def _parse(page: str) -> _Elements:
    parser = _Elements()
    parser.feed(page)
    return parser


def _page_data(page: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" id="mechgraph-data">(.*?)</script>', page, re.S)
    assert match, "the page embeds its data"
    return json.loads(match.group(1))


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture(scope="module")
def bundled() -> nx.MultiDiGraph:
    return read_graph()


# -- HTML -----------------------------------------------------------------------------------------


def test_html_is_one_self_contained_file(tmp_path: Path, bundled: nx.MultiDiGraph) -> None:
    path = export_html(bundled, tmp_path / "graph.html", overview=False)
    page = path.read_text(encoding="utf-8")
    elements = _parse(page)
    tags = [tag for tag, _ in elements.tags]
    assert "link" not in tags and "img" not in tags and "iframe" not in tags
    for tag, attrs in elements.tags:
        assert "src" not in attrs and "href" not in attrs, f"<{tag}> loads something"
    assert not re.search(r"""(src|href)\s*=\s*["']?\s*(https?:)?//""", page, re.I)
    assert tags.count("script") == 3  # data, vis-network, the page's code
    assert "default-src 'none'" in page  # the browser itself refuses any request
    assert "cdn" not in page.lower().split("<script>")[0]
    data = _page_data(page)
    assert len(data["nodes"]["id"]) == bundled.number_of_nodes()
    assert len(data["edges"]["from"]) == bundled.number_of_edges()


def test_html_is_byte_identical_for_identical_input(tmp_path: Path, bundled: nx.MultiDiGraph) -> None:
    first = export_html(bundled, tmp_path / "a.html").read_bytes()
    second = export_html(bundled, tmp_path / "b.html").read_bytes()
    assert first == second
    shuffled = nx.MultiDiGraph()
    shuffled.graph.update(bundled.graph)
    shuffled.add_nodes_from(reversed(list(bundled.nodes(data=True))))
    shuffled.add_edges_from(reversed(list(bundled.edges(keys=True, data=True))))
    assert export_html(shuffled, tmp_path / "c.html").read_bytes() == first


def test_html_escapes_every_text(tmp_path: Path) -> None:
    page = html_string(hostile_graph())
    elements = _parse(page)
    assert [tag for tag, _ in elements.tags].count("script") == 3, "no quote or label opens a script"
    for tag, attrs in elements.tags:
        assert tag not in ("img", "u", "i", "b"), f"a text became a <{tag}> element"
        if tag == "svg":
            assert (attrs.get("class") or "").split()[0] == "mechgraph-swatch", "the only inline SVG are the legend's swatches"
    assert XSS_LABEL not in page and "<svg onload" not in page
    assert "&lt;b&gt;Hostile&lt;/b&gt;" in page.split("</title>")[0]
    data = json.loads(elements.script_texts[0])
    assert XSS_LABEL in data["nodes"]["label"], "the label survives as text"
    evidence = data["edges"]["info"][data["edges"]["id"].index("r1")]["evidence"]
    assert SCRIPT_QUOTE in [item[1] for item in evidence]
    assert "\u2028" not in page and "\\u2028" in page


def test_only_http_links_are_kept(tmp_path: Path) -> None:
    data = figure_data(build_figure(hostile_graph()))
    urls = {source["id"]: source["url"] for source in data["sources"]}
    assert urls == {"evil": None, "safe": "https://example.org/paper?a=1&b=2"}
    assert safe_url("JaVaScRiPt:alert(1)") is None
    assert safe_url("data:text/html,<script>") is None
    assert safe_url("https://ok.example/x y") is None
    assert safe_url("HTTPS://ok.example/x") == "HTTPS://ok.example/x"


def test_details_carry_evidence_context_and_identifiers() -> None:
    figure = build_figure(hostile_graph())
    edge = next(e for e in figure.edges if e.id == "r1")
    assert edge.phrase == "inhibits" and edge.mechanism == "direct"
    assert ("context", "cell_type: <u>T</u>") in edge.rows
    assert [ev.quote for ev in edge.evidence] == [SCRIPT_QUOTE, "follow me"]
    target = next(n for n in figure.nodes if n.id == "target")
    assert target.links == (("CHEBI:4031", "http://purl.obolibrary.org/obo/CHEBI_4031"),)
    odd = next(n for n in figure.nodes if n.id == "odd")
    assert odd.kind == "other"


def test_parallel_relations_bend_apart() -> None:
    figure = build_figure(hostile_graph())
    bends = {edge.id: edge.bend for edge in figure.edges}
    assert bends["r1"] == -bends["r2"] != 0
    assert bends["r3"] == bends["r4"] == 0
    data = figure_data(figure)
    assert sorted(index for index, _ in data["edges"]["bends"]) == sorted(data["edges"]["id"].index(key) for key in ("r1", "r2"))


def test_html_sizes_themes_and_title(tmp_path: Path, bundled: nx.MultiDiGraph) -> None:
    page = html_string(bundled, size="1920x1080", theme="dark", title="IL-2 & friends")
    assert "width: 1920px; height: 1080px" in page
    assert theme_colours(Theme.DARK).background in page
    assert "<title>IL-2 &amp; friends</title>" in page
    assert _page_data(page)["options"]["groups"]["agent"]["color"]["background"] == node_style("agent", "dark").colour
    with pytest.raises(ExportError, match="WIDTHxHEIGHT"):
        html_string(bundled, size="big")
    with pytest.raises(ExportError, match="out of range"):
        Size.parse("20x20")


def test_physics_is_off_unless_asked_and_only_for_small_graphs(bundled: nx.MultiDiGraph) -> None:
    assert _page_data(html_string(bundled, overview=False))["options"]["physics"]["enabled"] is False
    assert _page_data(html_string(bundled, physics=True, overview=False))["options"]["physics"]["enabled"] is True
    large = synthetic_graph(PHYSICS_LIMIT * 3, seed=1)
    assert large.number_of_nodes() > PHYSICS_LIMIT
    assert _page_data(html_string(large, physics=True, overview=False))["options"]["physics"]["enabled"] is False


def test_given_positions_are_drawn_where_given(bundled: nx.MultiDiGraph) -> None:
    node = "cyclosporine"
    data = _page_data(html_string(bundled, positions={node: (1234.5, -99.0)}))
    index = data["nodes"]["id"].index(node)
    assert (data["nodes"]["x"][index], data["nodes"]["y"][index]) == (1234.5, -99)


def test_focus_and_filters_choose_what_is_drawn(bundled: nx.MultiDiGraph) -> None:
    expected = neighbourhood(bundled, "cyclosporine", depth=1, direction="down")
    data = _page_data(html_string(bundled, focus="Cyclosporine", depth=1, direction="down"))
    assert set(data["nodes"]["id"]) == set(expected.nodes)
    assert data["title"].endswith("around Cyclosporine")
    signed = _page_data(html_string(bundled, focus="cyclosporine", depth=2, filters={"signs": ["decreases"]}))
    assert {style["sign"] for style in signed["styles"]} == {"decreases"}
    with pytest.raises(NodeNotFound):
        html_string(bundled, focus="cyclosporin")
    with pytest.raises(ExportError, match="left out by the filters"):
        html_string(bundled, focus="cyclosporine", filters={"kinds": ["target"]})
    with pytest.raises(ExportError, match="nothing to export"):
        html_string(nx.MultiDiGraph())


def test_focus_view_without_focus_or_filters_is_the_graph_itself(bundled: nx.MultiDiGraph) -> None:
    assert focus_view(bundled) is bundled
    assert focus_view(bundled, filters={"kinds": [], "signs": None}) is bundled


def test_exports_do_not_change_the_graph(tmp_path: Path) -> None:
    graph = hostile_graph()
    before = copy.deepcopy(graph)
    for name in ("a.html", "a.svg", "a.png", "a.pdf"):
        export(graph, tmp_path / name, focus="xss", depth=2, filters={"kinds": ["agent", "target", "immune_cell"]})
    assert nx.utils.graphs_equal(graph, before)
    assert graph.graph == before.graph


def test_notebook_view_is_an_escaped_iframe(bundled: nx.MultiDiGraph) -> None:
    view = notebook_view(hostile_graph(), size="1280x720")
    frame = view._repr_html_()
    match = re.fullmatch(r'<iframe srcdoc="([^"]*)" width="1280" height="720" .*sandbox="allow-scripts[^"]*"></iframe>', frame, re.S)
    assert match, frame[:200]
    import html as html_module

    assert html_module.unescape(match.group(1)) == view.html
    assert "<script" not in match.group(1)


def test_package_exports_the_writers_lazily(tmp_path: Path) -> None:
    assert mechgraph.export_html is export_html and mechgraph.export_image is export_image
    assert isinstance(mechgraph.__version__, str)
    with pytest.raises(AttributeError):
        mechgraph.no_such_thing  # noqa: B018


# -- images ---------------------------------------------------------------------------------------


def test_svg_of_the_bundled_graph_has_the_legend_and_labels(tmp_path: Path, bundled: nx.MultiDiGraph) -> None:
    path = export_image(bundled, tmp_path / "graph.svg", overview=False)
    root = ElementTree.parse(path).getroot()
    assert root.tag.endswith("svg")
    assert root.get("width") == "921.6pt" and root.get("height") == "518.4pt"  # 1280x720 pixels
    texts = ["".join(element.itertext()) for element in root.iter() if element.tag.endswith("text")]
    for entry in ("Legend", "agent", "target", "process", "increases (activation)", "decreases (inhibition)", "unsigned", "indirect"):
        assert entry in texts, entry
    assert bundled.graph["title"] in texts
    assert "Cyclosporine" in texts, "node labels are kept as text"


def test_svg_escapes_labels_and_has_no_script(tmp_path: Path) -> None:
    path = export_image(hostile_graph(), tmp_path / "hostile.svg", labels=True)
    root = ElementTree.parse(path).getroot()
    tags = {element.tag.rsplit("}", 1)[-1] for element in root.iter()}
    assert "script" not in tags and "image" not in tags and "foreignObject" not in tags
    texts = ["".join(element.itertext()) for element in root.iter() if element.tag.endswith("text")]
    assert XSS_LABEL in " ".join(texts), "the label is kept as text (wrapped in lines of about 22 characters)"
    assert b"<img" not in path.read_bytes()


@pytest.mark.parametrize("extension", ["svg", "png", "pdf"])
def test_images_are_byte_identical_for_identical_input(tmp_path: Path, bundled: nx.MultiDiGraph, extension: str) -> None:
    first = export_image(bundled, tmp_path / f"a.{extension}").read_bytes()
    assert export_image(bundled, tmp_path / f"b.{extension}").read_bytes() == first
    magic = {"svg": b"<?xml", "png": b"\x89PNG", "pdf": b"%PDF"}[extension]
    assert first.startswith(magic)


def test_png_has_the_slide_size_and_the_theme(tmp_path: Path, bundled: nx.MultiDiGraph) -> None:
    import matplotlib.image

    small = export_image(bundled, tmp_path / "small.png")
    assert _png_size(small.read_bytes()) == (1280, 720)
    large = export_image(bundled, tmp_path / "large.png", size="1920x1080", theme="dark", layout="force")
    assert _png_size(large.read_bytes()) == (1920, 1080)
    pixels = matplotlib.image.imread(large)
    corner = tuple(round(float(c) * 255) for c in pixels[-2, -2, :3])
    assert corner == tuple(int(theme_colours("dark").background[i : i + 2], 16) for i in (1, 3, 5))
    drawn = (abs(pixels[..., :3] - pixels[-2, -2, :3]).sum(axis=2) > 0.1).mean()
    assert drawn > 0.01, "nodes and relations are drawn"


def test_image_of_a_large_graph_skips_unreadable_labels(tmp_path: Path) -> None:
    graph = synthetic_graph(3000, seed=2)
    png = export_image(graph, tmp_path / "big.png", overview=False)
    assert _png_size(png.read_bytes()) == (1280, 720)
    svg = export_image(graph, tmp_path / "big.svg", overview=False)
    texts = ["".join(e.itertext()) for e in ElementTree.parse(svg).getroot().iter() if e.tag.endswith("text")]
    assert "Legend" in texts and len(texts) < 40, "no label soup"


# -- formats and files ----------------------------------------------------------------------------


def test_the_extension_chooses_the_writer(tmp_path: Path) -> None:
    graph = hostile_graph()
    assert set(WRITERS) == {"html", "svg", "png", "pdf"}
    for extension in WRITERS:
        result = export(graph, tmp_path / f"figure.{extension.upper()}")
        assert result.format == extension and result.bytes == result.path.stat().st_size
        assert result.nodes == 4 and result.relations == 4
    with pytest.raises(ExportError, match="cannot tell the format"):
        export(graph, tmp_path / "figure.docx")
    with pytest.raises(ExportError, match="image export"):
        export_image(graph, tmp_path / "figure.html")
    assert export_html(graph, tmp_path / "no-extension").read_bytes().startswith(b"<!DOCTYPE html>")


def test_unwritable_paths_raise_write_error(tmp_path: Path) -> None:
    graph = hostile_graph()
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(WriteError, match="cannot write"):
        export(graph, blocker / "inside.html")
    (tmp_path / "folder.svg").mkdir()
    with pytest.raises(WriteError, match="cannot write"):
        export(graph, tmp_path / "folder.svg")


def test_a_failed_export_leaves_the_old_file_and_no_debris(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    graph = hostile_graph()
    target = tmp_path / "figure.html"
    target.write_text("previous figure")

    def broken(figure: Any, options: Any) -> bytes:
        raise ExportError("renderer failed")

    monkeypatch.setitem(WRITERS, "html", broken)
    with pytest.raises(ExportError):
        export(graph, target)
    assert target.read_text() == "previous figure"
    assert [p.name for p in tmp_path.iterdir()] == ["figure.html"]


def test_re_exporting_replaces_the_file_only_with_force(tmp_path: Path) -> None:
    target = tmp_path / "figure.svg"
    target.write_text("old")
    with pytest.raises(OutputExists, match="--force"):
        export(hostile_graph(), target)
    assert target.read_text() == "old"
    export(hostile_graph(), target, force=True)
    assert target.read_bytes().startswith(b"<?xml")


def test_an_exported_node_lists_what_its_sources_deny() -> None:
    """Brefeldin A does not inhibit cytohesin-2 (the bundled graph says so with negated: true): the
    page draws no such relation, and both nodes' details say what the source denies."""
    graph = read_graph()
    view = neighbourhood(graph, "brefeldin_a", depth=1, direction="both")
    view.add_node("cyth2", **graph.nodes["cyth2"])
    figure = build_figure(view)
    rows = {node.id: dict(node.rows) for node in figure.nodes}
    assert rows["brefeldin_a"]["source denies"] == rows["cyth2"]["source denies"] == "NOT Brefeldin A inhibits Cytohesin-2 (ARNO)"
    ids = [node.id for node in figure.nodes]
    assert not any(ids[edge.target] == "cyth2" for edge in figure.edges)
