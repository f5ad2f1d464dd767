"""Round trips as properties: for every format mechgraph both reads and writes (the native YAML
has its own), writing any graph and reading it back gives the same graph, ``extra`` and positions
included wherever the format can carry them (docs/formats.md says what each cannot).

Graphs are drawn by hypothesis: nodes of several kinds with labels, synonyms and positions;
relations of signed and unsigned types with mechanisms, context and evidence notes; and ``extra``
maps of strings, numbers, booleans, lists and nested maps, under names that include mechgraph's
own (``name``, ``source``, ``relation``, ``sign``) and foreign ones that differ only in case
(``Source``, ``Target``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mechgraph.formats import check_graph, formats, read, write
from mechgraph.graph import load_graph
from mechgraph.vocabulary import Attr

WRITABLE = [f.name for f in formats() if f.writer is not None and f.reader is not None and f.name != "native"]
EXTENSION = {f.name: f.extensions[0] for f in formats()}
#: What each format cannot carry (docs/formats.md): the graph's title and extra, sources no
#: evidence cites.
NO_GRAPH_EXTRA = {"gexf", "csv", "tsv"}
NO_TITLE = {"csv", "tsv"}
NO_UNCITED_SOURCES = {"gexf"}
SETTINGS = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])

_WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=6)
# Any text without control characters (XML attribute values fold line breaks and tabs): text that
# looks like a number, a boolean or JSON ("12", "true", "[1]") must come back as text.
_TEXT = st.one_of(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\x85\u2028\u2029"),
        min_size=1,
        max_size=20,
    )
    .map(str.strip)
    .filter(bool),
    st.sampled_from(["12", "-3.5", "1e-05", "true", "False", "[1, 2]", '{"a": 1}', '"quoted"', "=1+1", "-x", "007"]),
)
_LABEL = _TEXT  # may equal an extra value (a Cytoscape name that is not the label)
_FLOAT = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
#: Each extra name holds one type of value (GraphML declares one type per attribute name).
_EXTRA_VALUES = {
    "name": _TEXT,
    "source": _TEXT,
    "relation": _TEXT,
    "sign": _TEXT,
    "id": _TEXT,
    "Source": _TEXT,
    "Target": _TEXT,
    "score": _FLOAT,
    "count": st.integers(min_value=-(10**6), max_value=10**6),
    "flag": st.booleans(),
    "tags": st.lists(_TEXT, min_size=1, max_size=3),
    "nested": st.dictionaries(_WORD, st.one_of(_TEXT, st.integers(-100, 100)), min_size=1, max_size=3),
    "Weight": _FLOAT,
    "database note": _TEXT,
}
_RELATIONS = ["activates", "inhibits", "increases", "decreases", "binds", "regulates", "interacts_with", "acts_on", "part_of"]
_KINDS = ["agent", "target", "immune_cell", "condition", "non_immune"]


def _extra() -> st.SearchStrategy[dict[str, Any]]:
    return st.lists(st.sampled_from(list(_EXTRA_VALUES)), max_size=4, unique=True).flatmap(
        lambda chosen: st.fixed_dictionaries({name: _EXTRA_VALUES[name] for name in chosen})
    )


@st.composite
def graphs(draw: st.DrawFn) -> nx.MultiDiGraph:
    count = draw(st.integers(min_value=1, max_value=5))
    ids = [f"n{index}" for index in range(count)]
    nodes = []
    for node_id in ids:
        node: dict[str, Any] = {"id": node_id, "kind": draw(st.sampled_from(_KINDS)), "label": draw(_LABEL)}
        if draw(st.booleans()):
            node["synonyms"] = draw(st.lists(_TEXT, min_size=1, max_size=2, unique=True))
        nodes.append(node)
    relations = []
    for index in range(draw(st.integers(min_value=0, max_value=6))):
        relation: dict[str, Any] = {
            "from": draw(st.sampled_from(ids)),
            "relation": draw(st.sampled_from(_RELATIONS)),
            "to": draw(st.sampled_from(ids)),
            "evidence": [{"source": "s", "note": f"note {index}: " + draw(_TEXT)}],
        }
        if draw(st.booleans()):
            relation["mechanism"] = draw(st.sampled_from(["direct", "indirect"]))
        if draw(st.booleans()):
            relation["context"] = {"species": draw(_TEXT)}
        relations.append(relation)
    document = {
        "mechgraph": 1,
        "title": "T " + draw(_TEXT),
        "sources": [{"id": "s", "url": "https://example.org/article", "title": "An article"}],
        "nodes": nodes,
        "relations": relations,
    }
    graph = load_graph(document)
    for node_id in ids:
        extra = draw(_extra())
        if extra:
            graph.nodes[node_id][Attr.EXTRA.value] = extra
        if draw(st.booleans()):
            graph.nodes[node_id][Attr.POSITION.value] = {"x": draw(_FLOAT), "y": draw(_FLOAT)}
    for u, v, key in list(graph.edges(keys=True)):
        extra = draw(_extra())
        if extra:
            graph.edges[u, v, key][Attr.EXTRA.value] = extra
    graph_extra = draw(_extra())
    if graph_extra:
        graph.graph[Attr.EXTRA.value] = graph_extra
    return graph


def _nodes(graph: nx.MultiDiGraph) -> dict[str, dict[str, Any]]:
    return {node: _clean(data) for node, data in graph.nodes(data=True)}


def _edges(graph: nx.MultiDiGraph) -> dict[tuple[str, str, str], dict[str, Any]]:
    return {(u, v, key): _clean(data) for u, v, key, data in graph.edges(keys=True, data=True)}


def _clean(data: dict[str, Any]) -> dict[str, Any]:
    """Attributes without empty values (an absent extra and an empty one are the same)."""
    return {key: value for key, value in data.items() if value not in (None, [], {})}


def _round_trip(graph: nx.MultiDiGraph, name: str, folder: Path) -> nx.MultiDiGraph:
    folder.mkdir(exist_ok=True)
    written = write(graph, folder / f"g{EXTENSION[name]}", force=True)
    again = read(written.path).graph
    assert check_graph(again) == [], name
    return again


def _check_lossless(graph: nx.MultiDiGraph, again: nx.MultiDiGraph, name: str) -> None:
    assert _nodes(again) == _nodes(graph), name
    assert _edges(again) == _edges(graph), name
    if name not in NO_UNCITED_SOURCES:
        assert again.graph[Attr.SOURCES] == graph.graph[Attr.SOURCES], name
    if name not in NO_TITLE:
        assert again.graph[Attr.TITLE] == graph.graph[Attr.TITLE], name
    if name not in NO_GRAPH_EXTRA:
        assert (again.graph.get(Attr.EXTRA) or {}) == (graph.graph.get(Attr.EXTRA) or {}), name


@SETTINGS
@given(graph=graphs())
def test_json_and_xml_formats_give_back_the_graph_they_wrote(tmp_path: Path, graph: nx.MultiDiGraph) -> None:
    for name in ("nodelink", "cyjs", "graphml", "gexf"):
        _check_lossless(graph, _round_trip(graph, name, tmp_path / name), name)


@SETTINGS
@given(graph=graphs())
def test_tables_give_back_the_graph_they_wrote(tmp_path: Path, graph: nx.MultiDiGraph) -> None:
    for name in ("csv", "tsv"):
        _check_lossless(graph, _round_trip(graph, name, tmp_path / name), name)


@SETTINGS
@given(graph=graphs())
def test_sif_gives_back_the_ids_relations_and_signs_it_wrote(tmp_path: Path, graph: nx.MultiDiGraph) -> None:
    again = _round_trip(graph, "sif", tmp_path / "sif")
    assert set(again.nodes) == set(graph.nodes)
    triples = sorted((u, v, d[Attr.RELATION], d[Attr.SIGN]) for u, v, d in graph.edges(data=True))
    assert sorted((u, v, d[Attr.RELATION], d[Attr.SIGN]) for u, v, d in again.edges(data=True)) == triples


@SETTINGS
@given(signs=st.lists(st.sampled_from(["1", "-1", "+1", "activation", "IncreaseAmount", "Complex"]), min_size=1, max_size=6))
def test_imported_names_keep_their_sign_through_every_format(tmp_path: Path, signs: list[str]) -> None:
    """Edges imported with foreign names (signed by a polarity attribute or by the name itself)
    keep relation and sign through every writable format, SIF included."""
    polarity = {"1": "positive", "-1": "negative", "+1": "positive", "activation": "negative", "IncreaseAmount": "positive", "Complex": "none"}
    rows = "".join(f"a{index},b{index},{word},{polarity[word]}\n" for index, word in enumerate(signs))
    imported = read("source,target,interaction,polarity\n" + rows, name="in.csv").graph
    expected = sorted((u, v, d[Attr.SIGN]) for u, v, d in imported.edges(data=True))
    assert [sign for *_, sign in expected] == [{"1": 1, "-1": -1, "+1": 1, "activation": -1, "IncreaseAmount": 1, "Complex": 0}[word] for word in signs]
    for name in WRITABLE:
        again = _round_trip(imported, name, tmp_path / name)
        assert sorted((u, v, d[Attr.SIGN]) for u, v, d in again.edges(data=True)) == expected, name
