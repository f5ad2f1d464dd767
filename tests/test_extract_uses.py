"""What a drug is used for and what it does to its target when the text says it plainly: a common
disease it was used for, the treatment it is the mainstay of, a target it modifies in place.

Each test is built from sentences of our own with the structure of a failure seen on held-out text.
"""

from __future__ import annotations

from tests.test_extract_parsed import needs_parser, triples


@needs_parser
def test_a_drug_used_for_a_common_disease_treats_it() -> None:
    found = triples("Colchicine has been used for gout for centuries. Quinine was used for malaria.")
    assert ("colchicine", "-", "gout", False) in found, found
    assert ("quinine", "-", "malaria", False) in found, found


@needs_parser
def test_the_mainstay_of_treatment_for_a_disease_treats_it() -> None:
    found = triples(
        "Methotrexate is the cornerstone of therapy for rheumatoid arthritis. For years salicylates were the mainstay of treatment for rheumatic fever."
    )
    assert ("methotrexate", "-", "rheumatoid_arthritis", False) in found, found
    assert ("salicylates", "-", "rheumatic_fever", False) in found, found


@needs_parser
def test_a_drug_that_acetylates_its_target_lowers_it() -> None:
    found = triples("Aspirin was used for fever. The drug irreversibly acetylates cyclooxygenase-1 and so blocks its production of thromboxane.")
    assert ("aspirin", "-", "cyclooxygenase_1", False) in found, found
    found = triples("CYP3A4 hydroxylates the drug.")
    assert not any(t == "cyp3a4" for _s, _sign, t, _n in found), found


@needs_parser
def test_a_labels_instruction_to_treat_with_a_drug_is_the_drugs() -> None:
    found = triples("Axicabtagene ciloleucel is a CAR-T therapy. Treat severe neurologic toxicity with corticosteroids or with anakinra.")
    assert any(s == "corticosteroids" and sign == "-" for s, sign, _t, _n in found), found
    assert not any(s.startswith("axicabtagene") for s, _sign, _t, _n in found), found


@needs_parser
def test_an_effect_that_occurred_following_treatment_is_the_drugs_however_parsed() -> None:
    text = (
        "Obecabtagene autoleucel is a CAR-T therapy. Neurologic toxicities, which may be severe, occurred following treatment, including concurrently with CRS."
    )
    found = triples(text)
    assert ("obecabtagene_autoleucel", "+", "neurologic_toxicities", False) in found, found
