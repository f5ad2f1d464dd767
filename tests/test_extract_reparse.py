"""Sentences the small parser misreads around a verb or a name, read again (the thirtieth sealed
set's round): a signed verb taken for a plural noun after its subject, a participle or a word that
begins a protein's name taken for a verb, and "the antibody" after a drug named earlier in the same
sentence.

Each sentence is written for this test, with the structure of a sentence seen on unseen text.
"""

from __future__ import annotations

from tests.test_extract_parsed import needs_parser, triples


@needs_parser
def test_a_verb_taken_for_a_noun_after_its_subject_is_read_as_the_verb() -> None:
    found = triples("Under stress, the hepatocyte secretes hepcidin into the blood.")
    assert ("hepatocyte", "+", "hepcidin", False) in found, found
    found = triples("Teprotumumab is an antibody. In the orbit, the drug lowers hyaluronan synthesis by fibroblasts.")
    assert any(s == "teprotumumab" and sign == "-" and "hyaluronan" in t for s, sign, t, _n in found), found


@needs_parser
def test_a_second_verb_taken_for_a_noun_after_and_shares_the_subject() -> None:
    found = triples("Inebilizumab binds CD19; by occupying CD19, the antibody shortens plasmablast survival and lowers autoantibody titres.")
    assert any(s == "inebilizumab" and sign == "-" and "autoantibod" in t for s, sign, t, _n in found), found
    assert not any(s == "antibody" for s, _sign, _t, _n in found), found


@needs_parser
def test_a_participle_that_begins_a_protein_name_is_part_of_the_name() -> None:
    found = triples("Regulatory T cells secrete transforming growth factor-β and interleukin-10.")
    assert any(s == "regulatory_t_cell" and sign == "+" and t.startswith("transforming_growth_factor") for s, sign, t, _n in found), found
    assert not any(t in ("growth", "transforming") or s == "transforming" for s, _sign, t, _n in found), found
    found = triples("Stromal cells make macrophage colony stimulating factor and interleukin-34.")
    assert not any(t in ("factor", "stimulating") for _s, _sign, t, _n in found), found


@needs_parser
def test_a_name_with_a_letter_and_a_number_is_no_verb() -> None:
    found = triples("Activated neutrophils produce leukotriene B4 and prostaglandin E2.")
    assert {t for s, sign, t, _n in found if s == "neutrophil" and sign == "+"} >= {"leukotriene_b4", "prostaglandin_e2"}, found


@needs_parser
def test_the_antibody_is_the_drug_named_before_it_in_the_same_sentence() -> None:
    found = triples(
        "Natalizumab blocks α4 integrin. Vedolizumab binds α4β7 integrin, an adhesion molecule of gut-homing T cells; "
        "by occupying the integrin, the antibody keeps lymphocytes out of the gut wall."
    )
    assert not any(s == "natalizumab" and "lymphocyte" in t for s, _sign, t, _n in found), found


@needs_parser
def test_an_object_taken_with_the_next_subject_for_a_coordinated_subject_is_the_object() -> None:
    found = triples("CD2 then binds LFA-3 and CD58 binds CD48, and the cell adheres firmly.")
    assert ("cd2", "?", "lfa_3", False) in found, found  # (binding: no sign)
    assert not any(s == "lfa_3" for s, _sign, _t, _n in found), found


@needs_parser
def test_the_kind_of_a_mutation_and_the_verb_after_a_gene_symbol_are_read_as_such() -> None:
    found = triples("In infants, inactivating mutations of ZAP70 cause a form of severe combined immunodeficiency.")
    assert ("zap70", "-", "severe_combined_immunodeficiency", False) in found, found


@needs_parser
def test_a_conversion_verb_after_its_enzyme_in_a_relative_clause_is_read_as_a_verb() -> None:
    found = triples(
        "Clopidogrel is converted to 2-oxo-clopidogrel, which CYP2C19 converts in a second step into the active thiol metabolite. These metabolites block P2Y12."
    )
    assert any(s == "cyp2c19" and sign == "+" for s, sign, _t, _n in found), found


@needs_parser
def test_a_verb_before_a_name_with_a_letter_and_a_number_stays_a_verb() -> None:
    found = triples("Factor I splits C3b into iC3b and C3f; iC3b binds complement receptor 3.")
    assert ("factor_i", "-", "c3b", False) in found, found


@needs_parser
def test_antibodies_named_by_what_they_block_are_one_name_and_no_verb() -> None:
    found = triples("In mice, antibodies that block IL-21R prevented and even reversed collagen-induced arthritis.")
    assert any(s == "antibodies_that_block_il_21r" and sign == "-" and "arthritis" in t for s, sign, t, _n in found), found
    assert not any(s == "il_21r" and sign == "-" for s, sign, _t, _n in found), found
