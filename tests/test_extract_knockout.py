"""Genetic evidence: what animals or cells that lack a gene show tells what the gene does.

Each sentence is written for this test, with the structure of a sentence seen on unseen text.
"""

from __future__ import annotations

from tests.test_extract_parsed import needs_parser, triples


@needs_parser
def test_what_animals_that_lack_a_gene_cannot_make_or_make_less_of_the_gene_raises() -> None:
    found = triples("Mice that lack MyD88 cannot produce IL-12.")
    assert any(s == "myd88" and sign == "+" and t in ("il12", "il_12") for s, sign, t, _n in found), found
    assert not any(negated for _s, _sign, _t, negated in found), found
    found = triples("Mice that lack Batf3 make far fewer dendritic cells.")
    assert any(s == "batf3" and sign == "+" and t == "dendritic_cell" for s, sign, t, _n in found), found


@needs_parser
def test_a_disease_animals_without_the_gene_develop_the_gene_keeps_away_one_they_resist_it_drives() -> None:
    found = triples("Mice lacking Foxp3 develop lethal autoimmunity.")
    assert any(s == "foxp3" and sign == "-" and "autoimmunity" in t for s, sign, t, _n in found), found
    found = triples("Mice deficient in STAT4 resist experimental arthritis.")
    assert any(s == "stat4" and sign == "+" and "arthritis" in t for s, sign, t, _n in found), found
    found = triples("Mice deficient in NOD2 are more susceptible to ileitis.")
    assert any(s == "nod2" and sign == "-" and t == "ileitis" for s, sign, t, _n in found), found
    found = triples("Mice lacking IL-4 develop much less airway inflammation.")
    assert any(s in ("il4", "il_4") and sign == "+" and t == "airway_inflammation" for s, sign, t, _n in found), found


@needs_parser
def test_mice_that_are_given_a_drug_are_no_loss_of_function() -> None:
    found = triples("Mice given the antibody develop milder colitis.")
    assert not any(s == "antibody" and sign == "-" for s, sign, _t, _n in found), found


@needs_parser
def test_less_susceptible_animals_show_the_gene_drives_the_disease() -> None:
    found = triples("Mice deficient in cathepsin K are less susceptible to collagen-induced arthritis.")
    assert any(s == "cathepsin_k" and sign == "+" and "arthritis" in t for s, sign, t, _n in found), found


@needs_parser
def test_animals_fed_a_diet_without_a_nutrient_and_the_letter_of_a_vitamin() -> None:
    text = "Zinc is a nutrient. Mice fed a zinc-deficient diet lose most B cells and have fewer plasma cells in the gut."
    found = triples(text)
    assert ("zinc", "+", "b_cell", False) in found, found
    assert ("zinc", "+", "plasma_cell", False) in found, found
    found = triples("In adults, a lack of vitamin E worsens the neuropathy.")
    assert any(s == "vitamin_e" and sign == "-" for s, sign, _t, _n in found), found


@needs_parser
def test_people_with_an_inborn_deficiency_and_what_they_are_not_prone_to() -> None:
    found = triples("Children with inherited UNC93B1 deficiency suffer from herpes simplex encephalitis.")
    assert any(s == "unc93b1" and sign == "-" and "encephalitis" in t for s, sign, t, _n in found), found
    found = triples("Patients with inherited TAP deficiency are not unusually prone to severe viral infections.")
    assert not any(s == "tap" and sign == "-" for s, sign, _t, _n in found), found
    found = triples("Primaquine clears liver-stage parasites. Patients with G6PD deficiency may develop haemolysis.")  # a risk group of the drug
    assert not any(s == "g6pd" for s, _sign, _t, _n in found), found


@needs_parser
def test_people_born_without_a_gene_and_what_animals_merely_show() -> None:
    found = triples("People born without working CTSC develop severe gum disease.")
    assert any(s == "ctsc" and sign == "-" and "gum_disease" in t for s, sign, t, _n in found), found
    found = triples("Mice that lack the A2B receptor show the other side of the pathway.")
    assert not any(s.startswith("a2b") for s, _sign, _t, _n in found), found


@needs_parser
def test_what_knockouts_make_little_of_however_the_object_was_parsed() -> None:
    found = triples("Mice lacking IRF7 make little type I interferon in response to influenza virus.")
    assert ("irf7", "+", "type_i_interferon", False) in found, found


@needs_parser
def test_animals_that_lack_the_receptor_lack_the_one_named_before() -> None:
    text = "TLR9 is an endosomal sensor of DNA, which then recruits the adaptor MyD88. NZB mice that lack the receptor make no antibodies to DNA and develop milder nephritis."
    found = triples(text)
    assert ("tlr9", "+", "nephritis", False) in found, found


@needs_parser
def test_what_knockouts_develop_in_a_stronger_and_longer_form_is_the_disease() -> None:
    found = triples("Mice that lack interleukin-35 develop stronger and longer-lasting colitis.")
    assert ("interleukin_35", "-", "colitis", False) in found or ("il35", "-", "colitis", False) in found, found


@needs_parser
def test_knockouts_named_with_without_or_a_mutation() -> None:
    found = triples("Mice without Nrf2 develop severe emphysema.")
    assert any(s == "nrf2" and sign == "-" and "emphysema" in t for s, sign, t, _n in found), found
    found = triples("Mice with the lpr mutation of Fas develop lupus.")
    assert ("fas", "-", "lupus", False) in found, found
    found = triples("Mice with a gain-of-function mutation in STAT3 develop lupus.")
    assert not any(s == "stat3" for s, _sign, _t, _n in found), found


@needs_parser
def test_what_knockouts_fail_to_control_an_infection_with_is_the_pathogen() -> None:
    found = triples("Mice lacking IFN-γ fail to control infection with Mycobacterium tuberculosis.")
    assert any(s.startswith("ifn") and sign == "-" and t == "mycobacterium_tuberculosis" for s, sign, t, _n in found), found


@needs_parser
def test_a_later_clause_with_its_own_subject_is_not_what_knockouts_show() -> None:
    found = triples("Mice without Nrf2 die of sepsis, which suggests that the pathway may restrain an overexuberant innate immune response.")
    assert not any(s == "nrf2" and "immune_response" in t for s, _sign, t, _n in found), found


@needs_parser
def test_what_fails_without_a_signal_is_what_the_signal_supports() -> None:
    """ "Without X, Y cannot survive": X supports Y; "Without X, Y expand": X restrains Y; "In the
    absence of X, Y fail to develop"; an aside after the fronted phrase keeps its comma."""
    found = triples("Without IL-21 signalling, germinal-centre B cells cannot survive and expand.")
    assert any(s.startswith("il_21") and sign == "+" and t.endswith("b_cells") for s, sign, t, _n in found), found
    found = triples("In the absence of IL-15, natural killer cells fail to develop.")
    assert any(s in ("il15", "il_15") and sign == "+" and t == "nk_cell" for s, sign, t, _n in found), found
    found = triples("Without PD-1, however, ZAP70 and LAT are poorly inhibited.")  # ("poorly inhibited": no reading)
    assert not any(s.startswith("pd1_") or s.startswith("pd_1_") for s, _sign, _t, _n in found), found
    found = triples("Without ICOS, however, T follicular helper cells are poorly activated.")
    assert any(s == "icos" and sign == "+" for s, sign, _t, _n in found), found
    found = triples("Without CTLA-4, regulatory T cells accumulate and die.")  # a cell that accumulates without it: held back
    assert any(s == "ctla4" and sign == "-" for s, sign, _t, _n in found), found
    found = triples("Without treatment, most patients die.")  # no gene: nothing
    assert not found, found


@needs_parser
def test_a_genes_deficiency_as_a_subject_is_read_on_the_gene() -> None:
    found = triples("In a model of colitis, NOD2 deficiency reduced defensin production.")
    assert any(s == "nod2" and sign == "+" for s, sign, _t, _n in found), found
    found = triples("IL-10 deficiency causes colitis in mice.")
    assert ("il_10", "-", "colitis", False) in found, found
