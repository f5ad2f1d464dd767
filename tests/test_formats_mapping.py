"""The table from other formats' relation names and node types to mechgraph's: unknown stays unknown."""

from __future__ import annotations

from pathlib import Path

import pytest

from mechgraph.formats import read
from mechgraph.formats.mapping import (
    UNKNOWN_RELATION,
    VOCABULARIES,
    kind_for,
    kind_table_markdown,
    mapping_table_markdown,
    relation_for,
)
from mechgraph.vocabulary import Attr, Relation, Sign

DOCS = Path(__file__).resolve().parents[1] / "docs" / "formats.md"


def _section(text: str, name: str) -> str:
    return text.split(f"<!-- {name}:start -->\n", 1)[1].split(f"<!-- {name}:end -->", 1)[0]


def test_docs_show_the_table_the_code_uses() -> None:
    text = DOCS.read_text(encoding="utf-8")
    assert _section(text, "relations") == mapping_table_markdown()
    assert _section(text, "kinds") == kind_table_markdown()


def test_every_mechgraph_relation_maps_to_itself() -> None:
    for relation in Relation:
        mapping = relation_for(relation.value)
        assert mapping is not None and mapping.relation is relation


@pytest.mark.parametrize(
    ("word", "relation"),
    [
        ("controls-state-change-of", "regulates"),
        ("controls-expression-of", "regulates"),
        ("controls-transport-of", "regulates"),
        ("controls-phosphorylation-of", "regulates"),
        ("in-complex-with", "binds"),
        ("interacts-with", "interacts_with"),
        ("catalysis-precedes", "acts_on"),
        ("chemical-affects", "acts_on"),
        ("consumption-controlled-by", "regulates"),
        ("controls-production-of", "regulates"),
        ("reacts-with", "interacts_with"),
        ("used-to-produce", "metabolised_to"),
        ("neighbor-of", "interacts_with"),
        ("activates", "activates"),
        ("inhibits", "inhibits"),
        ("stimulation", "increases"),
        ("inhibition", "inhibits"),
        ("positive", "increases"),
        ("negative", "decreases"),
        ("catalysis", "activates"),
        ("necessary stimulation", "required_for"),
        ("Necessary_Stimulation", "required_for"),
        ("consumption", "consumed_by"),
        ("production", "produces"),
        ("up-regulates quantity by expression", "increases"),
        ("down-regulates activity", "decreases"),
    ],
)
def test_pathway_commons_sbgn_and_signed_names(word: str, relation: str) -> None:
    mapping = relation_for(word)
    assert mapping is not None and mapping.relation.value == relation


def test_pathway_commons_names_carry_no_sign_they_do_not_state() -> None:
    for word, mapping in VOCABULARIES[3][1].items():
        if mapping.relation is Relation.METABOLISED_TO:  # a conversion: more precursor, more product
            assert mapping.relation.sign is Sign.INCREASES, word
            continue
        assert mapping.relation.sign is Sign.UNKNOWN, word


def test_unknown_relation_names_stay_unsigned() -> None:
    result = read("A\tphosphorylates\tB\nA\t\u2192\tC\nA\tpositively-correlated\tD\n", name="x.sif")
    for _, _, data in result.graph.edges(data=True):
        assert data[Attr.RELATION] == UNKNOWN_RELATION.value
        assert data[Attr.SIGN] == 0
    assert sorted(d[Attr.EXTRA]["interaction"] for *_, d in result.graph.edges(data=True)) == ["phosphorylates", "positively-correlated", "\u2192"]
    assert any("unknown type 'phosphorylates'" in note for note in result.notes)


def test_a_sign_the_file_states_beats_the_sign_of_the_relation_name() -> None:
    text = "source,target,interaction,effect\nA,B,phosphorylates,-1\nC,D,controls-expression-of,positive\nE,F,activates,negative\n"
    graph = read(text, name="t.csv").graph
    signs = {(u, v): (d[Attr.RELATION], d[Attr.SIGN]) for u, v, d in graph.edges(data=True)}
    assert signs == {("a", "b"): ("decreases", -1), ("c", "d"): ("increases", 1), ("e", "f"): ("inhibits", -1)}


def test_reversed_relations_point_the_right_way() -> None:
    graph = read("ATP\tconsumption-controlled-by\tKinase\n", name="pc.sif").graph
    ((source, target, data),) = graph.edges(data=True)
    assert (source, target, data[Attr.RELATION]) == ("kinase", "atp", "regulates")
    assert data[Attr.EXTRA]["reversed"] is True


def test_kinds_of_foreign_types() -> None:
    assert kind_for("SmallMolecule").value == "target"
    assert kind_for("Perturbing Agent").value == "agent"
    assert kind_for("phenotype").value == "outcome"
    assert kind_for("BiochemicalReaction").value == "process"
    assert kind_for("Metabolite").value == "target"  # not mechgraph's metabolite of an agent
    assert kind_for("immune_cell").value == "immune_cell"
    assert kind_for("query") is None
