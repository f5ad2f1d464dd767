"""What a pronoun or a wrapped name of a later sentence stands for: the subject the text set up,
whatever clauses describe it, and a drug named through the time it was given for.

Each test is built from sentences of our own with the structure of a failure seen on held-out text.
"""

from __future__ import annotations

from tests.test_extract_parsed import needs_parser, triples


@needs_parser
def test_a_clause_joined_to_a_described_subject_does_not_make_it_plural() -> None:
    text = (
        "Quercetin, a flavonoid that onions make when they are stressed and that is also found in apples, "
        "has been sold as an anti-inflammatory supplement. In early work it inhibited lipoxygenase in mice treated with a toxin."
    )
    found = triples(text)
    assert ("quercetin", "-", "lipoxygenase", False) in found, found
    assert not any(s == "toxin" for s, _sign, _t, _n in found), found


@needs_parser
def test_a_year_of_a_drug_is_the_drug() -> None:
    text = "Fisetin is a flavonoid. In older adults, a year of fisetin lowered the level of IL-6 in plasma."
    found = triples(text)
    assert ("fisetin", "-", "il6", False) in found or ("fisetin", "-", "interleukin_6", False) in found, found
    assert not any(s.startswith("year") for s, _sign, _t, _n in found), found


@needs_parser
def test_slowing_a_decline_is_read_on_the_decline() -> None:
    found = triples("Nintedanib slowed the decline in lung function.")
    assert ("nintedanib", "-", "decline_in_lung_function", False) in found, found
    assert ("nintedanib", "+", "lung_function", False) not in found, found


@needs_parser
def test_it_after_a_clause_whose_subject_is_one_of_two_things_is_that_subject() -> None:
    text = "TLR8 is an endosomal sensor. When bacterial RNA, or RNA from dying cells, reaches the endosome, it binds TLR8."
    found = triples(text)
    assert ("bacterial_rna", "?", "tlr8", False) in found, found


@needs_parser
def test_the_receptor_is_the_one_the_text_described_as_a_receptor() -> None:
    text = (
        "OX40, also called CD134, is a costimulatory receptor of the tumour necrosis factor receptor superfamily. "
        "Signalling through the T-cell receptor induces it on activated T cells. "
        "Ligation clusters the receptor, which recruits the adaptors TRAF2 and TRAF5 and activates NF-κB. "
        "The receptor thereby induces the anti-apoptotic protein Bcl-2."
    )
    found = triples(text)
    assert {("ox40", "+", "traf2", False), ("ox40", "+", "traf5", False), ("ox40", "+", "bcl_2", False)} <= found, found
    assert not any(s == "t_cell_receptor" and t == "bcl_2" for s, _sign, t, _n in found), found
    assert not any(t == "adaptors" for _s, _sign, t, _n in found), found


@needs_parser
def test_the_domain_of_the_receptor_is_the_receptor_the_text_described() -> None:
    text = (
        "TNFR1 (CD120a), a death receptor of the tumour necrosis factor receptor superfamily, is present on most cells. "
        "TNF binds TNFR1 and clusters it; the death domain of the receptor then recruits the adaptor TRADD."
    )
    found = triples(text)
    assert any(s in ("tnfr1", "tnfrsf1a") and t == "tradd" and sign == "+" for s, sign, t, _n in found), found


@needs_parser
def test_a_possessed_class_noun_is_the_name_after_its_comma_in_a_passive() -> None:
    found = triples("TRAIL-R2 is present on many tumour cells, whereas its ligand, TRAIL (CD253), is expressed mainly by NK cells.")
    assert any(t == "trail" or t == "tnfsf10" for _s, _sign, t, _n in found), found
    assert not any(t == "ligand" for _s, _sign, t, _n in found), found
