"""A cell as the source of what it makes, and the phrases around it: "B cells make antibodies",
"keratinocytes express IL-33", "tumour cells shed MICA" (+ from the cell), nothing from what is not a
cell, and "releases" still unread; "large amounts of X" (X); "type I interferon" as one name; "these
cells" and "the activated cells" as the cells named before.

Each sentence is written for this test, with the structure of a sentence seen on unseen text.
"""

from __future__ import annotations

from tests.test_extract_parsed import needs_parser, triples


@needs_parser
def test_a_cell_is_the_source_of_what_it_makes_expresses_or_sheds() -> None:
    found = triples("Activated dendritic cells express CD80 and CD86.")
    assert any(s == "dendritic_cell" and sign == "+" and t == "cd80" for s, sign, t, _n in found), found
    assert any(s == "dendritic_cell" and sign == "+" and t == "cd86" for s, sign, t, _n in found), found
    found = triples("Plasma cells make IgA antibodies against the toxin.")
    assert any(s == "plasma_cell" and sign == "+" and "iga" in t for s, sign, t, _n in found), found
    found = triples("Synovial fibroblasts express RANKL.")
    assert any("fibroblast" in s and sign == "+" and t == "rankl" for s, sign, t, _n in found), found
    found = triples("Platelets express P-selectin when they are activated.")
    assert any("platelet" in s and sign == "+" and "selectin" in t for s, sign, t, _n in found), found
    found = triples("Interleukin-8, made by epithelial cells that have been infected, attracts neutrophils.")
    assert any("epithelial" in s and sign == "+" and t in ("il8", "interleukin_8") for s, sign, t, _n in found), found
    found = triples("Stressed tumour cells shed MICA.")
    assert any("tumour" in s and sign == "+" and t == "mica" for s, sign, t, _n in found), found


@needs_parser
def test_what_is_not_a_cell_makes_nothing_and_a_cell_makes_no_cell() -> None:
    found = triples("The fusion protein expresses two binding domains.")
    assert not any(sign == "+" for _s, sign, _t, _n in found), found
    found = triples("Infected macrophages express TNF, and dendritic cells.")
    assert not any(s == "macrophage" and t == "dendritic_cell" for s, _sign, t, _n in found), found
    found = triples("Memory T cells do not express CCR7.")
    assert not any(s == "memory_t_cell" and sign == "+" and not negated for s, sign, _t, negated in found), found


@needs_parser
def test_a_cell_raises_what_it_releases_and_nothing_else_does() -> None:
    found = triples("Basophils release histamine and leukotriene C4.")
    assert {("basophil", "+", "histamine", False), ("basophil", "+", "leukotriene_c4", False)} <= found, found
    found = triples("Once stimulated, the mast cells release huge amounts of tryptase.")
    assert ("mast_cell", "+", "tryptase", False) in found, found
    found = triples("Chemokine CXCL4, released by activated platelets, recruits monocytes.")
    assert any("platelet" in s and sign == "+" and "cxcl4" in t for s, sign, t, _n in found), found
    found = triples("Blocking the receptor releases leukaemia cells from their niches in the lymph nodes.")
    assert not any(sign == "+" for _s, sign, _t, _n in found), found  # a cell set free is not raised
    found = triples("The kinase releases the transcription factor from its inhibitor.")
    assert not any(sign == "+" for _s, sign, _t, _n in found), found  # nor what no cell frees


@needs_parser
def test_a_large_amount_of_something_is_that_thing() -> None:
    found = triples("Activated neutrophils produce large amounts of myeloperoxidase.")
    assert ("neutrophil", "+", "myeloperoxidase", False) in found, found
    assert not any("amount" in t for _s, _sign, t, _n in found), found


@needs_parser
def test_a_name_with_a_roman_numeral_is_one_name() -> None:
    found = triples("Natural killer cells secrete type II interferon.")
    assert any(sign == "+" and t.startswith("type_ii_interferon") for _s, sign, t, _n in found), found
    found = triples("Anifrolumab blocks the type I interferon receptor.")
    assert any(sign == "-" and t == "type_i_interferon_receptor" for _s, sign, t, _n in found), found


@needs_parser
def test_these_cells_and_the_activated_cells_are_the_cells_named_before() -> None:
    found = triples("Alveolar macrophages take up the spores. These cells then secrete interleukin-12.")
    assert any(s == "alveolar_macrophages" and sign == "+" and "12" in t for s, sign, t, _n in found), found
    found = triples("The vaccine adjuvant is taken up by monocytes. The activated cells then secrete interleukin-1 beta.")
    assert any(s == "monocyte" and sign == "+" and t in ("il1b", "interleukin_1_beta") for s, sign, t, _n in found), found
    found = triples("The drug pushes naive T cells towards a regulatory fate, and these cells secrete interleukin-10.")
    assert any(s in ("naive_t_cell", "t_cell") and sign == "+" and "10" in t for s, sign, t, _n in found), found
