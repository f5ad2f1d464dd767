"""The native format round-trips: write -> read -> the same graph, ``extra`` maps included.

Hypothesis builds valid graphs with arbitrary labels, notes and ``extra`` maps (any text, numbers,
nesting), writes them with the native writer and reads them back; and throws arbitrary JSON data
at the YAML writer, which must read back as the same data, type for type.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Any

import networkx as nx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mechgraph.formats import read, write
from mechgraph.graph import load_graph, validate_file
from mechgraph.model import MAX_EXTRA_CHARS
from mechgraph.vocabulary import Attr, Mechanism, NodeKind, ProcessKind, Relation
from mechgraph.yamltext import dump_yaml, parse_yaml

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text of every kind: controls, line breaks, quotes, YAML indicators, non-BMP characters.
any_text = st.text(st.characters(exclude_categories=("Cs",)), min_size=1, max_size=30)
yaml_words = st.sampled_from(
    [
        "yes",
        "No",
        "null",
        "~",
        "1.0",
        "0x1F",
        "1:20",
        "2020-01-01",
        "-",
        "a: b",
        "#x",
        "<<",
        "=",
        "@x",
        "'q'",
        '"q"',
        "[a]",
        "{a}",
        ".inf",
        "1e5",
        " lead",
        "trail ",
    ]
)
texts = st.one_of(any_text, yaml_words)
labels = texts.map(str.strip).filter(bool)
json_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False), texts)
json_values = st.recursive(
    json_scalars,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(texts, inner, max_size=4)),
    max_leaves=12,
)
extras = st.dictionaries(texts, json_values, min_size=1, max_size=5)
node_ids = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True)


@st.composite
def documents(draw: st.DrawFn) -> dict[str, Any]:
    ids = draw(st.lists(node_ids, min_size=2, max_size=6, unique=True))
    nodes = []
    for node_id in ids:
        kind = draw(st.sampled_from([kind.value for kind in NodeKind]))
        node: dict[str, Any] = {"id": node_id, "kind": kind, "label": draw(labels)}
        if kind == NodeKind.PROCESS:
            node["process"] = draw(st.sampled_from([p.value for p in ProcessKind]))
        if draw(st.booleans()):
            node["synonyms"] = draw(st.lists(labels, max_size=3, unique=True))
        if draw(st.booleans()):
            node["extra"] = draw(extras)
        nodes.append(node)
    relations = []
    for index in range(draw(st.integers(1, 6))):
        relation: dict[str, Any] = {
            "from": draw(st.sampled_from(ids)),
            "relation": draw(st.sampled_from([r.value for r in Relation])),
            "to": draw(st.sampled_from(ids)),
            # the index keeps two relations from being the same one (same ends, relation, evidence)
            "evidence": [{"source": "s", "note": f"{draw(labels)} ({index})"}],
        }
        if draw(st.booleans()):
            relation["mechanism"] = draw(st.sampled_from([m.value for m in Mechanism]))
        if draw(st.booleans()):
            relation["context"] = {"species": draw(labels)}
        if draw(st.booleans()):
            relation["confidence"] = draw(st.floats(0, 1))
        if draw(st.booleans()):
            relation["extra"] = draw(extras)
        relations.append(relation)
    return {
        "mechgraph": 1,
        "title": draw(labels),
        "sources": [{"id": "s", "url": "https://example.org/article"}, {"id": "t", "title": draw(labels)}],
        "nodes": nodes,
        "relations": relations,
    }


def strict(value: Any) -> str:
    """Compare values type for type (True is not 1, 1.0 is not 1)."""
    return json.dumps(value, sort_keys=True, default=repr, allow_nan=True) + repr(_types(value))


def _types(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _types(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_types(item) for item in value]
    return type(value).__name__


def graph_content(graph: nx.MultiDiGraph) -> str:
    nodes = {node: data for node, data in graph.nodes(data=True)}
    edges = {key: (u, v, data) for u, v, key, data in graph.edges(keys=True, data=True)}
    attributes = {key: value for key, value in graph.graph.items() if key != Attr.FILE}
    return strict({"graph": attributes, "nodes": nodes, "edges": edges})


@SETTINGS
@given(documents())
def test_native_write_then_read_is_the_same_graph_extra_included(document: dict[str, Any]) -> None:
    graph = load_graph(document)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.yaml"
        result = write(graph, path)
        assert not result.dropped
        again = read(path)
    assert graph_content(again.graph) == graph_content(graph)


@SETTINGS
@given(st.dictionaries(texts, json_values, max_size=6))
def test_the_yaml_writer_reads_back_as_the_same_data(data: dict[str, Any]) -> None:
    text = dump_yaml(data, flow_keys=frozenset({"context", "sources"}))
    assert strict(parse_yaml(text).data) == strict(data)


@SETTINGS
@given(st.lists(json_values, max_size=4), texts)
def test_flow_lists_and_mappings_read_back_as_the_same_data(items: list[Any], word: str) -> None:
    data = {"context": {"a": word, word: word}, "sources": [{"id": word, "url": word}], "list": items, "words": [word, word]}
    text = dump_yaml(data, flow_keys=frozenset({"context", "sources"}))
    assert strict(parse_yaml(text).data) == strict(data)


# -- examples ------------------------------------------------------------------------------------

DOCUMENT = {
    "mechgraph": 1,
    "title": "Extra",
    "sources": [{"id": "s", "url": "https://example.org/article"}],
    "nodes": [
        {"id": "a", "kind": "agent", "label": "A", "extra": {"original_id": "0", "represents": "chebi:CHEBI:41879"}},
        {"id": "b", "kind": "target", "label": "B"},
    ],
    "relations": [
        {
            "from": "a",
            "relation": "inhibits",
            "to": "b",
            "evidence": [{"source": "s"}],
            "extra": {"interaction": "down-regulates", "pmids": ["12345678"], "score": 0.5, "direct": True, "nested": {"k": None}},
        }
    ],
}


def test_extra_is_written_as_a_field_and_read_back(tmp_path: Path) -> None:
    """Before, the native writer counted `extra` as not written and a round trip lost it."""
    path = tmp_path / "g.yaml"
    result = write(load_graph(DOCUMENT), path)
    assert not result.dropped
    text = path.read_text(encoding="utf-8")
    assert '    extra:\n      original_id: "0"\n' in text and 'pmids: ["12345678"]' in text
    graph = read(path).graph
    assert graph.nodes["a"]["extra"] == {"original_id": "0", "represents": "chebi:CHEBI:41879"}
    [(_, _, data)] = graph.edges(data=True)
    assert data["extra"] == DOCUMENT["relations"][0]["extra"]


def test_bad_extra_is_named_with_its_field_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "mechgraph: 1\nsources: [{id: s, url: 'https://example.org'}]\n"
        "nodes:\n  - {id: a, kind: agent, label: A, extra: [1, 2]}\n  - {id: b, kind: target, label: B}\n"
        "relations:\n  - from: a\n    relation: inhibits\n    to: b\n    evidence: [{source: s}]\n"
        "    extra:\n      score: .nan\n",
        encoding="utf-8",
    )
    report = validate_file(path)
    found = {(p.field, p.line) for p in report.problems}
    assert ("nodes[0].extra", 4) in found
    assert any(field == "relations[0].extra" and line == 12 for field, line in found), found
    messages = " ".join(p.message for p in report.problems)
    assert "a number must be finite" in messages and "valid dictionary" in messages


def test_an_extra_map_beyond_the_bounds_is_counted_not_written(tmp_path: Path) -> None:
    graph = load_graph(DOCUMENT)
    graph.nodes["b"]["extra"] = {"blob": "x" * (MAX_EXTRA_CHARS + 1)}
    result = write(graph, tmp_path / "g.yaml")
    assert result.dropped == {"node attributes of the imported format (extra) beyond the native format's bounds": 1}
    again = read(tmp_path / "g.yaml").graph
    assert "extra" not in again.nodes["b"] and again.nodes["a"]["extra"]["original_id"] == "0"


def test_strings_the_reader_would_take_for_other_types_are_quoted() -> None:
    data = {"words": ["yes", "null", "1.0", "2020-01-01", "0x1F", "1:20", "~"], "n": 1e16, "big": 10**30}
    text = dump_yaml(data)
    assert text == 'words: ["yes", "null", "1.0", "2020-01-01", "0x1F", "1:20", "~"]\nn: 1.0e+16\nbig: 1000000000000000000000000000000\n'
    assert parse_yaml(text).data == data
