"""Lists of cells and the names that describe or stand for them, read by the parser-based reader.

Each test is built from sentences of our own with the structure of a failure seen on held-out text:
the first item of "Th1 and Th17 cells" or "CD4+ and CD8+ T cells" keeps the shared words, a relative
clause after a whole list of cells is about every item, "X is a cytokine made by Y" makes Y the
source of X (not of "a cytokine"), "this receptor" is the receptor named in the sentence before, and
knockouts that have "no B or T cells" lack both.
"""

from __future__ import annotations

from tests.test_extract_parsed import needs_parser, triples


@needs_parser
def test_the_first_item_of_a_list_of_marked_cells_keeps_the_shared_words() -> None:
    found = triples("Interleukin-7 expanded CD4+ and CD8+ T cells in the patients.")
    targets = {t for s, sign, t, _n in found if sign == "+"}
    assert {"cd4_t_cell", "cd8_t_cell"} <= targets, found
    assert "cd4" not in targets, found  # the marker is no protein of its own here
    counted = triples("In the trial, IL-7 increased CD4+ and CD8+ T-cell counts in all patients.")
    assert {"cd4_t_cell", "cd8_t_cell"} <= {t for _s, _sign, t, _n in counted}, counted


@needs_parser
def test_a_modifier_list_before_cells_shares_the_cell_words() -> None:
    found = triples("PD-1 is expressed by activated and memory T cells.")
    sources = {s for s, _sign, t, _n in found}
    assert "activated_cells" not in sources, found
    assert any("t_cell" in s for s in sources), found


@needs_parser
def test_a_relative_clause_after_a_list_of_cells_is_about_every_item() -> None:
    found = triples("IL-12 acts on NK cells, Th1 cells and CD8+ T cells, which then produce interferon-γ.")
    sources = {s for s, sign, t, _n in found if sign == "+" and t == "interferon_gamma"}
    assert {"nk_cell", "th1_cell", "cd8_t_cell"} <= sources, found


@needs_parser
def test_a_relative_clause_after_a_mixed_list_stays_with_the_nearest_item() -> None:
    found = triples("The receptor recruits the adaptor MyD88, the kinase IRAK4, TRAF6 and the ligases Pellino1 and Pellino2, which ubiquitinate IRAK1.")
    assert not any(s == "myd88" and t == "irak1" for s, _sign, t, _n in found), found


@needs_parser
def test_a_cytokine_described_by_its_class_is_the_cells_product() -> None:
    found = triples("Interleukin-5 is a type 2 cytokine made by Th2 cells.")
    assert any(s.startswith("th2_cell") and sign == "+" and t in ("il5", "interleukin_5") for s, sign, t, _n in found), found
    assert not any("type_2_cytokine" in t for _s, _sign, t, _n in found), found
    secreted = triples("Interleukin-4 is an anti-inflammatory cytokine secreted by basophils and mast cells.")
    assert not any("cytokine" in t for _s, _sign, t, _n in secreted), secreted
    assert any(s == "basophil" and t in ("il4", "interleukin_4") for s, _sign, t, _n in secreted), secreted


@needs_parser
def test_this_receptor_is_the_receptor_named_in_the_sentence_before() -> None:
    text = "The alpha and beta chains pair to form the pre-T-cell receptor. This receptor drives a wave of proliferation and switches off RAG expression."
    found = triples(text)
    assert any(s == "pre_t_cell_receptor" and sign == "+" and t == "proliferation" for s, sign, t, _n in found), found
    assert any(s == "pre_t_cell_receptor" and sign == "-" and t == "rag_expression" for s, sign, t, _n in found), found


@needs_parser
def test_knockouts_without_b_or_t_cells_lack_both() -> None:
    found = triples("Mice that lack Artemis or DNA-PKcs have no mature B or T cells.")
    pairs = {(s, t) for s, sign, t, _n in found if sign == "+"}
    assert {("artemis", "b_cell"), ("artemis", "t_cell")} <= pairs, found
    hyphenated = triples("Mice that lack IL-22 fail to contain the attaching-and-effacing pathogen Citrobacter rodentium.")
    assert not any(t.startswith(("attaching", "effacing")) for _s, _sign, t, _n in hyphenated), hyphenated
