"""Relations drafted from sentences: cues and signs, lists, voice, negation, hedging, mechanisms."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mechgraph.extract import Draft, default_lexicon, extract_text
from mechgraph.graph import validate_file
from mechgraph.vocabulary import Measurability, Mechanism, NodeKind, Route, Status


def draft(text: str) -> Draft:
    return extract_text(text, source_id="t", lexicon=default_lexicon())


def triples(text: str) -> set[tuple[str, str, str]]:
    return {(r.source, r.sign.symbol, r.target) for r in draft(text).relations}


@pytest.mark.parametrize("verb", ["stimulates", "enhances", "induces", "activates", "increases", "restores", "reinforces"])
def test_positive_cues(verb: str) -> None:
    assert triples(f"Cyclosporine {verb} calcineurin.") == {("cyclosporine", "+", "calcineurin")}


@pytest.mark.parametrize("verb", ["inhibits", "suppresses", "blocks", "decreases", "reduces", "breaks", "impairs"])
def test_negative_cues(verb: str) -> None:
    assert triples(f"Cyclosporine {verb} calcineurin.") == {("cyclosporine", "-", "calcineurin")}


@pytest.mark.parametrize(("verb", "relation"), [("interacts with", "acts_on"), ("binds", "binds"), ("binds to", "binds"), ("acts on", "acts_on")])
def test_unsigned_cues(verb: str, relation: str) -> None:
    relations = draft(f"Cyclosporine {verb} calcineurin.").relations
    assert [(r.source, r.relation.value, r.target) for r in relations] == [("cyclosporine", relation, "calcineurin")]


def test_every_relation_is_a_candidate_with_its_sentence() -> None:
    d = draft("Heading\n\nTacrolimus binds FKBP12. Sirolimus inhibits mTOR.")
    for relation in d.relations:
        assert relation.status is Status.CANDIDATE and 0 < relation.confidence <= 1
        span = relation.evidence[0]
        assert d.text[span.start : span.end] == span.quote
    assert d.relation(d.relations[1].id).evidence[0].quote == "Sirolimus inhibits mTOR."


def test_and_or_subjects_and_lists_of_objects() -> None:
    assert triples("Tacrolimus and/or sirolimus inhibit T-cell proliferation, IL-2 release and B-cell proliferation.") == {
        (agent, "-", target) for agent in ("tacrolimus", "sirolimus") for target in ("t_cell_proliferation", "il2_secretion", "b_cell_proliferation")
    }


def test_stimulate_or_inhibit_gives_both_signs() -> None:
    assert triples("Dexamethasone can stimulate or inhibit the immune response.") == {
        ("dexamethasone", "+", "immune_response"),
        ("dexamethasone", "-", "immune_response"),
    }


def test_passive_voice_with_and_without_agent() -> None:
    assert triples("Calcineurin is inhibited by cyclosporine.") == {("cyclosporine", "-", "calcineurin")}
    d = draft("Tacrolimus is a macrolide. NFAT nuclear translocation is blocked.")
    assert {(r.source, r.sign.symbol, r.target) for r in d.relations} == {("tacrolimus", "-", "nfat_nuclear_translocation")}
    assert "implicit agent" in d.relations[0].note


def test_reduced_relatives() -> None:
    # "neutropenia" is grounded to the node whose synonym it is in the bundled graph (myelosuppression)
    found = triples("Filgrastim reverses neutropenia caused by TNF-alpha.")
    assert ("tnf", "+", "neutropenia") in found or ("tnf", "+", "myelosuppression") in found, found
    assert ("immunodeficiency", "+", "viral_infection") in triples("Viral infections resulting from immunodeficiency are common.")


def test_shared_complements_and_heads() -> None:
    assert triples("Cyclosporine inhibits the production and release of IL-2.") == {("cyclosporine", "-", "il2_secretion")}
    assert triples("Interferon alfa is used for the treatment of viral and bacterial diseases.") == {
        ("interferon_alfa", "-", "viral_infection"),
        ("interferon_alfa", "-", "bacterial_infection"),
    }
    assert triples("Treatments such as radio- or chemotherapy break the balance of the immune system.") == {
        ("radiotherapy", "-", "immune_system_balance"),
        ("chemotherapy", "-", "immune_system_balance"),
    }


def test_examples_after_such_as_and_mainly() -> None:
    found = triples("Imiquimod induces cytokines, mainly IFN-alpha, IL-6 and TNF-alpha.")
    assert {("imiquimod", "+", "ifn_alpha"), ("imiquimod", "+", "il6"), ("imiquimod", "+", "tnf")} <= found


def test_negation_is_flagged_not_dropped() -> None:
    d = draft("Lenalidomide does not inhibit IL-2 release. Lenalidomide inhibits TNF production.")
    negated = [r for r in d.relations if r.negated]
    plain = [r for r in d.relations if not r.negated]
    assert [(r.source, r.target) for r in negated] == [("lenalidomide", "il2_secretion")]
    assert [(r.source, r.target) for r in plain] == [("lenalidomide", "tnf_secretion")]
    assert negated[0].negations == ("not",) and 'negated ("not")' in negated[0].note
    assert negated[0].confidence < plain[0].confidence


def test_hedging_is_flagged() -> None:
    d = draft("Thalidomide may enhance TNF-alpha mRNA decay. Thalidomide appears to inhibit IL-12 secretion.")
    assert all(r.hedged for r in d.relations) and len(d.relations) == 2
    assert 'hedged ("may")' in d.relations[0].note
    assert not draft("Thalidomide enhances TNF-alpha mRNA decay.").relations[0].hedged


def test_changes_in_a_process_are_unsigned() -> None:
    assert triples("Brefeldin A produces changes in intracellular protein transport.") == {("brefeldin_a", "?", "intracellular_protein_transport")}


def test_causal_verbs_take_the_sign_of_their_effect() -> None:
    assert triples("Sirolimus blocks mTOR. This leads to reduced translation of mRNAs required for G1 progression.") >= {("sirolimus", "-", "mtor")}
    assert ("sirolimus", "-", "g1_mrna_translation") in triples("Sirolimus leads to reduced translation of mRNAs required for G1 progression.")


def test_pronouns_and_generic_nouns_stand_for_the_topic() -> None:
    found = triples("Abatacept\n\nThe drug binds CD80. It also blocks T-cell co-stimulation. They reduce T-cell activation.")
    assert found == {("abatacept", "?", "cd80"), ("abatacept", "-", "t_cell_costimulation"), ("abatacept", "-", "t_cell_activation")}


def test_relative_clauses() -> None:
    assert triples("Rituximab is an antibody that binds CD20.") == {("rituximab", "?", "ms4a1")}
    assert triples("Imiquimod activates Langerhans cells, which then migrate to lymph nodes and activate T cells.") == {
        ("imiquimod", "+", "langerhans_cell"),
        ("langerhans_cell", "+", "t_cell"),
    }


def test_unknown_noun_phrases_become_candidate_nodes_with_a_guessed_kind() -> None:
    d = draft("Imiquimod raises the levels of the opioid growth factor receptor (OGFr). Blocking OGFr with siRNA abolished keratinocyte proliferation.")
    receptor = d.node("opioid_growth_factor_receptor")
    assert receptor.candidate and receptor.status is Status.CANDIDATE and receptor.kind is NodeKind.TARGET
    process = d.node("keratinocyte_proliferation")
    assert process.kind is NodeKind.PROCESS and process.process is not None
    assert {("sirna", "-", "opioid_growth_factor_receptor"), ("opioid_growth_factor_receptor", "+", "keratinocyte_proliferation")} <= {
        (r.source, r.sign.symbol, r.target) for r in d.relations
    }
    assert not d.node("imiquimod").candidate and d.node("imiquimod").status is None


def test_mechanism_and_measurability() -> None:
    d = draft(
        "Direct effects are measurable in vivo and in vitro, indirect effects only in vivo. "
        "Hydroxychloroquine directly inhibits TLR9. Indirectly, methotrexate increases adenosine release."
    )
    by_target = {d.node(r.target).label: r for r in d.relations}
    assert by_target["TLR9"].mechanism is Mechanism.DIRECT
    assert set(by_target["TLR9"].measurable_in) == {Measurability.IN_VITRO, Measurability.IN_VIVO}
    assert by_target["adenosine release"].mechanism is Mechanism.INDIRECT
    assert by_target["adenosine release"].measurable_in == (Measurability.IN_VIVO,)


def test_routes_of_administration() -> None:
    d = draft("Cyclosporine is given orally. It can also be administered intravenously. Tacrolimus is taken by mouth.")
    assert d.node("cyclosporine").routes == (Route.ORAL, Route.INTRAVENOUS)
    assert d.node("tacrolimus").routes == (Route.ORAL,)
    assert "hedged: can" in d.node("cyclosporine").evidence[1].note  # type: ignore[operator]


def test_nothing_from_boilerplate_questions_and_headings() -> None:
    d = draft("Does cyclosporine inhibit calcineurin?\n\nRead more 👉 Tacrolimus inhibits calcineurin\n\nSirolimus inhibits mTOR")
    assert d.relations == ()


def test_same_pair_and_sign_in_one_sentence_is_one_relation() -> None:
    d = draft("Filgrastim helps activate, reinforce or restore neutrophil maturation.")
    assert len(d.relations) == 1 and d.relations[0].cues == ("activate", "reinforce", "restore")


def test_hostile_text_gives_safe_ids() -> None:
    d = draft("<img src=x onerror=alert(1)> inhibits IL-2. <script>alert(1)</script> binds TNF.")
    for node in d.nodes:
        assert node.id.replace("_", "").replace(".", "").replace("-", "").isalnum()


_WORDS = (
    "the a of and or , ; : ( ) which that it they is are not may can inhibits activates binds to by with in "
    "such as e.g. cells IL-2 cyclosporine T calcineurin TNF-α production release changes increase decreased "
    "leads results from treatment drugs its . ? \n \n\n - / both orally administered direct indirect vitro vivo "
    "blocking used <b> 👉"
).split(" ")


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40))
def test_any_word_soup_gives_a_valid_draft(words: list[str]) -> None:
    text = " ".join(words)
    d = draft(text)
    for relation in d.relations:
        assert relation.source != relation.target
        for span in relation.evidence:
            assert d.text[span.start : span.end] == span.quote
    with tempfile.TemporaryDirectory() as folder:
        if d.relations or d.nodes:
            d.write(Path(folder) / "d.yaml")
            report = validate_file(Path(folder) / "d.yaml")
            assert report.ok, [str(p) for p in report.problems]


def test_a_hedge_stays_in_its_own_clause() -> None:
    """ "may" hedges the clause it stands in, not the one after a semicolon."""
    d = extract_text("Everolimus may lower B-cell proliferation; it does not inhibit calcineurin.", source_id="t")
    flags = {r.target: (r.hedged, r.negated) for r in d.relations}
    assert flags["calcineurin"] == (False, True)
    assert any(hedged for hedged, _ in flags.values())


def test_neither_nor_after_the_verb_negates_in_the_pattern_reader() -> None:
    """ "reduced the survival of neither A nor B": no reduction of A or B, with the pattern reader alone."""
    draft = extract_text("Natalizumab reduced the survival of neither memory B cells nor plasma cells.", source_id="t", parser=False)
    assert draft.relations and all(r.negated for r in draft.relations), [(r.source, r.target, r.negated) for r in draft.relations]
