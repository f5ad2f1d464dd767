"""The lexicon: graph names and their variants, user lexicon files."""

from __future__ import annotations

from pathlib import Path

import pytest

from mechgraph.errors import DataError
from mechgraph.extract import build_lexicon, default_lexicon, extract_text, read_user_lexicon
from mechgraph.graph import load_graph
from tests.conftest import minimal_document


@pytest.fixture(scope="module")
def lexicon():  # type: ignore[no-untyped-def]
    return default_lexicon()


@pytest.mark.parametrize(
    ("name", "node"),
    [
        ("Cyclosporine", "cyclosporine"),  # label
        ("ciclosporin", "cyclosporine"),  # synonym, British spelling
        ("CsA", "cyclosporine"),  # short synonym, same capitals
        ("T-cells", "t_cell"),  # hyphen and plural
        ("T lymphocytes", "t_cell"),
        ("B-lymphocytes", "b_cell"),  # T/B cell = T/B lymphocyte
        ("secretion of proteins", "protein_secretion"),  # inverted around "of"
        ("messenger RNA processing", "mrna_processing"),  # mRNA spelled out
        ("interleukin-2", "il2"),
        ("IL2", "il2"),
        ("anti-tumour immunity", "antitumour_immunity"),
        ("antitumor immunity", "antitumour_immunity"),  # prefix without hyphen, American spelling
        ("TNF-α", "tnf"),
        ("CHRNA3", "chrna3"),  # the symbol of an hgnc.symbol identifier
        ("DRUGBANK:DB00091", "cyclosporine"),  # a full CURIE
        ("immunomodulation", "immunomodulator"),  # -ator agent and its -ation noun
    ],
)
def test_names_and_variants(lexicon, name: str, node: str) -> None:  # type: ignore[no-untyped-def]
    entry = lexicon.lookup(name)
    assert entry is not None and entry.node_id == node


def test_short_capitalised_names_need_their_capitals(lexicon) -> None:  # type: ignore[no-untyped-def]
    assert lexicon.lookup("CsA") is not None
    assert lexicon.lookup("csa") is None


def test_vocabulary_processes_without_a_graph() -> None:
    lexicon = build_lexicon(None)
    entry = lexicon.lookup("antigen presentation")
    assert entry is not None and entry.kind.value == "process" and entry.origin == "vocabulary"
    assert lexicon.lookup("cyclosporine") is None


def test_the_graph_wins_over_the_vocabulary(lexicon) -> None:  # type: ignore[no-untyped-def]
    entry = lexicon.lookup("gene expression")
    assert entry is not None and entry.origin == "graph" and entry.label == "Gene expression"


def test_building_does_not_modify_the_graph() -> None:
    graph = load_graph(minimal_document())
    before = (dict(graph.nodes(data=True)), list(graph.edges(keys=True, data=True)))
    build_lexicon(graph)
    assert (dict(graph.nodes(data=True)), list(graph.edges(keys=True, data=True))) == before


USER = """\
mechgraph-lexicon: 1
entries:
  - label: Opioid growth factor receptor
    kind: target
    synonyms: [OGFr]
    identifiers: ["hgnc.symbol:OGFR"]
  - id: lak_function
    label: LAK-cell killing
    kind: process
    process: cytotoxicity
cues:
  - {verb: potentiate, relation: increases}
  - {verb: quench, relation: inhibits}
ignore: [patient, keratinocytes]
"""


def test_user_lexicon_adds_names_and_cues(tmp_path: Path) -> None:
    path = tmp_path / "lexicon.yaml"
    path.write_text(USER, encoding="utf-8")
    user = read_user_lexicon(path)
    lexicon = build_lexicon(None, user=[user])
    assert lexicon.lookup("OGFr").node_id == "opioid_growth_factor_receptor"  # type: ignore[union-attr]
    draft = extract_text("Imiquimod quenches OGFr.", source_id="t", lexicon=build_lexicon(load_graph(minimal_document()), user=[user]))
    assert [(r.source, r.relation.value, r.target) for r in draft.relations] == [("imiquimod", "inhibits", "opioid_growth_factor_receptor")]
    node = draft.node("opioid_growth_factor_receptor")
    assert not node.candidate and node.record["identifiers"] == ["hgnc.symbol:OGFR"]
    ignored = extract_text("Imiquimod potentiates keratinocytes.", source_id="t", lexicon=build_lexicon(load_graph(minimal_document()), user=[user]))
    assert ignored.relations == ()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("entries: []\n", "the file must start with 'mechgraph-lexicon: 1'"),
        ("mechgraph-lexicon: 1\nentries:\n  - label: X\n    kind: drug\n", ":4:11: entries[0].kind: unknown value 'drug'"),
        ("mechgraph-lexicon: 1\nentries:\n  - label: X\n    kind: process\n", "needs 'process'"),
        ("mechgraph-lexicon: 1\nentries:\n  - label: X\n    kind: target\n    colour: red\n", "unknown field 'colour'"),
        ("mechgraph-lexicon: 1\ncues:\n  - {verb: zap, relation: zaps}\n", "cues[0].relation: unknown value 'zaps'"),
        ("mechgraph-lexicon: 1\nentries:\n  - label: X\n    kind: target\n    identifiers: [NOPE:1]\n", "unknown identifier prefix"),
        ("mechgraph-lexicon: 1\nentries: [\n", "malformed YAML"),
    ],
)
def test_invalid_user_lexicons_say_where(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_user_lexicon(path)
    assert expected in "\n".join(str(p) for p in caught.value.problems)


def test_a_qualifier_in_a_curated_label_is_no_name_of_the_node() -> None:
    from mechgraph.extract.lexicon import default_lexicon

    lexicon = default_lexicon()
    assert lexicon.lookup("neutrophil activation") is not None
    assert lexicon.lookup("TNF induced") is None and lexicon.lookup("TNF-induced") is None
    assert lexicon.lookup("rabbit") is None
    assert lexicon.lookup("TNF") is not None and lexicon.lookup("IVIG") is not None
