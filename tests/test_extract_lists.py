"""Lists under a lead-in, adverse-effect statements, conversions and degrees of a disease.

Each text is written for this test, with the structure of a failure seen on unseen leaflets,
labels and textbooks (bullet lists read as headings, adverse reactions behind a participle,
a prodrug's activation chain, "moderately to severely active X").
"""

from __future__ import annotations

import pytest

from mechgraph.extract import extract_text, split_sentences
from mechgraph.extract.lists import find_lists
from mechgraph.extract.parsed import load_pipeline

needs_parser = pytest.mark.skipif(load_pipeline() is None, reason="spaCy's English pipeline is not installed")


def triples(text: str) -> set[tuple[str, str, str]]:
    draft = extract_text(text, source_id="t")
    symbol = {1: "+", -1: "-", 0: "?"}
    return {(r.source, symbol[int(r.sign)], r.target) for r in draft.relations if not r.negated}


LEAFLET = (
    "Secukinumab is a medicine that blocks interleukin-17A.\n\n"
    "What it is used for\n"
    "This medicine is used to treat:\n"
    "- moderate to severe hidradenitis suppurativa in adults;\n"
    "- active ankylosing spondylitis, alone or with naproxen.\n\n"
    "Very common side effects (may affect more than 1 in 10 people)\n"
    "• cold sores\n"
    "• itching and swelling where the pen was pressed\n"
)


def test_a_list_under_its_lead_in_is_one_sentence_with_a_reading_per_item() -> None:
    sentences = split_sentences(LEAFLET)
    lists = [s for s in sentences if s.readings]
    assert [s.role for s in lists] == ["body", "body"]
    treat, effects = lists
    assert treat.text.startswith("This medicine is used to treat:") and treat.text.endswith("alone or with naproxen.")
    assert LEAFLET[treat.start : treat.end] == treat.text  # the evidence quotes the list, verbatim
    assert treat.readings == (
        "This medicine is used to treat moderate to severe hidradenitis suppurativa in adults.",
        "This medicine is used to treat active ankylosing spondylitis, alone or with naproxen.",
    )
    # a noun-phrase lead-in names the items' class; its bracketed frequency is no hedge
    assert effects.readings == (
        "Very common side effects include cold sores.",
        "Very common side effects include itching and swelling where the pen was pressed.",
    )
    assert not any(s.role == "heading" and s.text.startswith("•") for s in sentences)


def test_bullets_without_a_lead_in_and_long_runs_stay_as_they_were() -> None:
    text = "The trial ended early.\n- fever\n- rash\n"  # the line before ends a sentence: no lead-in
    assert find_lists(text, [(0, len(text))]) == []
    menu = "Menu:\n" + "".join(f"- item {k}\n" for k in range(80))  # a menu, not a list under a lead-in
    assert find_lists(menu, [(0, len(menu))]) == []
    assert find_lists("USES\n1. Asthma\n", [(0, 15)]) == []  # numbered lines under a heading are headings
    assert find_lists("Uses:\n1. asthma\n", [(0, 16)]) == [(0, 15, ("Uses include asthma.",))]  # under a colon, items


@needs_parser
def test_a_leaflets_lists_give_indications_and_side_effects_of_its_medicine() -> None:
    found = triples(LEAFLET)
    assert ("secukinumab", "-", "hidradenitis_suppurativa") in found  # the degree is no part of the disease
    assert ("secukinumab", "-", "ankylosing_spondylitis") in found
    assert ("naproxen", "-", "ankylosing_spondylitis") not in found  # a drug named in one item is not the lead-in's subject
    assert ("secukinumab", "+", "cold_sores") in found
    assert ("secukinumab", "+", "itching_and_swelling_where_the_pen_was_pressed") in found  # an item names one effect, whole
    draft = extract_text(LEAFLET, source_id="t")
    quotes = {r.evidence[0].quote for r in draft.relations if r.target == "cold_sores"}
    assert quotes == {"Very common side effects (may affect more than 1 in 10 people)\n• cold sores\n• itching and swelling where the pen was pressed"}


@needs_parser
def test_adverse_reactions_behind_a_participle_and_toxicities_of_a_drug() -> None:
    text = (
        "Baricitinib inhibits JAK1 and JAK2. The adverse reactions observed most frequently during the first weeks of the "
        "pivotal studies were nausea, acne and raised cholesterol. Other toxicities of methotrexate include stomatitis and liver fibrosis."
    )
    found = triples(text)
    assert {("baricitinib", "+", "nausea"), ("baricitinib", "+", "acne")} <= found
    assert {("methotrexate", "+", "stomatitis"), ("methotrexate", "+", "liver_fibrosis")} <= found
    assert ("baricitinib", "+", "stomatitis") not in found  # "toxicities of X": X's, not the last agent's


@needs_parser
def test_an_effect_seen_more_often_with_the_drug_than_with_placebo() -> None:
    found = triples("Upadacitinib blocks JAK1. Shingles occurred more often with upadacitinib than with placebo.")
    assert ("upadacitinib", "+", "shingles") in found
    # a bare incidence compares nothing: no relation
    assert not any(t == "shingles" for _s, _sign, t in triples("Upadacitinib blocks JAK1. Shingles occurred in two patients."))


@needs_parser
def test_a_prodrugs_activation_chain_with_its_enzymes() -> None:
    text = (
        "Mycophenolate mofetil is an ester prodrug. In the gut wall, carboxylesterases hydrolyse it to mycophenolic acid. "
        "Leflunomide is converted to teriflunomide. Ifosfamide breaks down to isophosphoramide mustard and chloroacetaldehyde."
    )
    found = triples(text)
    assert ("mycophenolate_mofetil", "+", "mycophenolic_acid") in found  # metabolised_to: a precursor raises its product
    assert ("carboxylesterases", "+", "mycophenolic_acid") in found  # the enzyme makes the product
    assert ("carboxylesterases", "-", "mycophenolate_mofetil") in found  # and uses up its substrate
    assert ("leflunomide", "+", "teriflunomide") in found
    assert {("ifosfamide", "+", "isophosphoramide_mustard"), ("ifosfamide", "+", "chloroacetaldehyde")} <= found
    assert not any(t in ("down", "it") for _s, _sign, t in found)  # a particle or a pronoun is no node
    relations = {(r.source, r.relation.value, r.target) for r in extract_text(text, source_id="t").relations}
    assert ("leflunomide", "metabolised_to", "teriflunomide") in relations


@needs_parser
def test_an_appositive_describes_the_name_right_before_its_comma() -> None:
    text = "Thymocytes express high levels of thiopurine methyltransferase (TPMT), an enzyme that methylates mercaptopurine to methylmercaptopurine."
    found = triples(text)
    assert ("tpmt", "+", "methylmercaptopurine") in found or ("thiopurine_methyltransferase", "+", "methylmercaptopurine") in found
    assert not any(s == "thymocytes" and "mercaptopurine" in t for s, _sign, t in found)  # (the cells express TPMT: +)


@needs_parser
def test_a_noun_after_a_copula_hung_on_the_participle_is_read_as_the_copulas() -> None:
    # "X is a ... inhibitor indicated for Y": the small pipeline parses "inhibitor indicated" as a clause
    found = triples("Deucravacitinib is a tyrosine kinase 2 (TYK2) inhibitor indicated for adults with moderately to severely active plaque psoriasis.")
    assert ("deucravacitinib", "-", "tyk2") in found or ("deucravacitinib", "-", "tyrosine_kinase_2") in found
    assert ("deucravacitinib", "-", "plaque_psoriasis") in found


@needs_parser
def test_counted_names_and_them() -> None:
    text = "Guselkumab is an antibody. It attaches to two signalling proteins of the skin, interleukin-23 and interleukin-39, and stops them from working."
    found = triples(text)
    assert {("guselkumab", "?", "il23"), ("guselkumab", "-", "il23")} <= found
    assert ("guselkumab", "-", "interleukin_39") in found or ("guselkumab", "-", "il39") in found
    assert not any(t in ("them", "skin", "signalling_proteins") for _s, _sign, t in found)


@needs_parser
def test_a_side_effect_list_the_parse_reads_as_an_appositive_and_a_fall_in_counts() -> None:
    found = triples("Fedratinib blocks JAK2. The most common side effects were nausea, a drop in haemoglobin levels and diarrhoea.")
    assert {("fedratinib", "+", "nausea"), ("fedratinib", "+", "diarrhoea")} <= found
    assert any(s == "fedratinib" and sign == "-" and "haemoglobin" in t for s, sign, t in found)


@needs_parser
def test_a_value_that_fell_after_a_dose_of_the_texts_drug() -> None:
    found = triples("Sarilumab blocks the IL-6 receptor. Serum C-reactive protein fell within two days of the first infusion.")
    assert any(s == "sarilumab" and sign == "-" and t.endswith("c_reactive_protein") for s, sign, t in found)
    # without a dose, treatment or drug, a fall is no relation of the drug
    assert not any(t.endswith("c_reactive_protein") for _s, _sign, t in triples("Sarilumab blocks the IL-6 receptor. Serum C-reactive protein fell in winter."))


@needs_parser
def test_approved_for_in_the_active_voice_and_degrees_that_are_no_names() -> None:
    found = triples(
        "Regulators have approved belumosudil (Rezurock) for chronic graft-versus-host disease. "
        "Belumosudil inhibits ROCK2 and, to a lesser extent, ROCK1. Donor T cells keep the inflammation going."
    )
    assert ("belumosudil", "-", "gvhd") in found  # a new drug, approved for a disease the graph knows
    assert {("belumosudil", "-", "rock2"), ("belumosudil", "-", "rock1")} <= found
    assert not any("extent" in t for _s, _sign, t in found)
    assert ("donor_t_cells", "+", "inflammation") in found


def test_items_that_go_on_with_the_lead_ins_clause() -> None:
    text = "Pegfilgrastim may be used:\n- to shorten neutropenia after chemotherapy;\n- in patients with congenital neutropenia.\n"
    (listed,) = [s for s in split_sentences(text) if s.readings]
    assert listed.readings == (
        "Pegfilgrastim may be used to shorten neutropenia after chemotherapy.",
        "Pegfilgrastim may be used in patients with congenital neutropenia.",
    )


@needs_parser
def test_a_gerund_subject_is_the_drug_it_gives_or_the_agent_doing_it() -> None:
    found = triples(
        "Pacritinib blocks JAK2 and IRAK1. Shutting down this signalling is thought to calm the activation of macrophages. "
        "Giving pacritinib with prednisone lowered interleukin-6."
    )
    assert ("pacritinib", "-", "activation_of_macrophages") in found or ("pacritinib", "-", "macrophage_activation") in found
    assert ("pacritinib", "-", "il6") in found
    assert not any(s == "prednisone" for s, _sign, _t in found)


def negated_triples(text: str) -> set[tuple[str, str, str, bool, bool]]:
    symbol = {1: "+", -1: "-", 0: "?"}
    return {(r.source, symbol[int(r.sign)], r.target, r.negated, r.hedged) for r in extract_text(text, source_id="t").relations}


@needs_parser
def test_no_effect_no_benefit_neither_nor_and_speculation() -> None:
    found = negated_triples(
        "Voclosporin had little or no effect on B-cell numbers. Voclosporin showed no benefit in psoriatic arthritis. "
        "Neither voclosporin nor sirolimus changed FOXP3 expression. Voclosporin has an inhibitory effect on T-cell activation. "
        "We speculate that voclosporin lowers IL-17 in the kidney."
    )
    assert ("voclosporin", "?", "b_cell", True, False) in found  # no effect on X: a denied relation, never an asserted one
    assert ("voclosporin", "-", "psoriatic_arthritis", True, False) in found
    assert {("voclosporin", "?", "foxp3_expression", True, False), ("sirolimus", "?", "foxp3_expression", True, False)} <= found
    assert ("voclosporin", "-", "t_cell_activation", False, False) in found
    assert any(s == "voclosporin" and sign == "-" and "il17" in t and hedged and not negated for s, sign, t, negated, hedged in found)
    assert not any(s == "voclosporin" and t == "b_cell" and not negated for s, _sign, t, negated, _h in found)


@needs_parser
def test_shared_heads_passive_conversions_and_inline_adverse_lists() -> None:
    found = triples(
        "Through inhibition of PDE4, roflumilast raises cyclic AMP, which in turn lowers TNF-alpha, IL-23 and IL-17 production. "
        "Roflumilast is metabolised by CYP1A2 to roflumilast N-oxide. "
        "Undesirable effects: insomnia, weight loss, back pain."
    )
    assert {("cyclic_amp", "-", "il_23_production"), ("cyclic_amp", "-", "il_17_production")} <= found  # each with the shared head
    assert {("roflumilast", "+", "roflumilast_n_oxide"), ("cyp1a2", "+", "roflumilast_n_oxide"), ("cyp1a2", "-", "roflumilast")} <= found
    assert {("roflumilast", "+", "insomnia"), ("roflumilast", "+", "weight_loss"), ("roflumilast", "+", "back_pain")} <= found


@needs_parser
def test_adverse_lists_with_an_urge_a_finding_in_a_fluid_and_a_comparison_before_the_verb() -> None:
    """ "an urgent need to urinate", "blood in the urine" are items of the list; "events reported more
    often with X than with placebo included A and B": the events are the subject, not placebo."""
    found = triples(
        "Ocuzumab was approved for uveitis. The most common adverse reactions were pain at the instillation site, "
        "tiredness, an urgent need to urinate, protein in the urine and blood in the stool."
    )
    for effect in ("pain_at_the_instillation_site", "tiredness", "urgent_need_to_urinate", "protein_in_the_urine", "blood_in_the_stool"):
        assert ("ocuzumab", "+", effect) in found, (effect, found)
    found = triples("Adverse events reported more often with ocuzumab than with placebo included pneumonia, delirium and pulmonary embolism.")
    assert {("ocuzumab", "+", "pneumonia"), ("ocuzumab", "+", "delirium"), ("ocuzumab", "+", "pulmonary_embolism")} <= found, found


@needs_parser
def test_a_place_in_the_cell_is_no_product_of_a_conversion() -> None:
    """ "phosphorylate X and recruit Y to the membrane": "to" names where, not what X becomes."""
    found = triples("The kinases LCK and FYN phosphorylate the receptor's ITAMs and recruit ZAP70 to the membrane.")
    assert not any(t == "membrane" for _s, _sign, t in found), found
    assert not any(sign == "-" for _s, sign, _t in found), found
    found = triples("Deoxycytidine kinase phosphorylates cladribine to its triphosphate.")  # a product: a conversion
    assert {("deoxycytidine_kinase", "+", "triphosphate"), ("deoxycytidine_kinase", "-", "cladribine")} <= found


@needs_parser
def test_label_and_textbook_statements_without_a_cue_verb() -> None:
    found = triples(
        "Spesolimab blocks the IL-36 receptor. Oral candidiasis was also more frequent than with placebo. "
        "Infusion reactions, such as chills, have occurred after administration of this agent. "
        "Some people taking spesolimab have become dizzy. Spesolimab 900 mg given every four weeks lowered serum IL-8 levels within a week. "
        "Dry skin is the other common adverse effect. Severe neutropenia is the main risk factor for invasive aspergillosis. "
        "IL-36 is the main cytokine responsible for the recruitment of neutrophils. "
        "Spesolimab is, in addition, an antagonist of IL-38."
    )
    for effect in ("oral_candidiasis", "infusion_reactions", "chills", "dizziness", "dry_skin"):
        assert ("spesolimab", "+", effect) in found, effect
    assert any(s == "spesolimab" and sign == "-" and "il_8" in t for s, sign, t in found)  # the dose is no part of the drug's name
    assert ("myelosuppression", "+", "invasive_aspergillosis") in found  # neutropenia is a name of the graph's myelosuppression
    assert any(sign == "+" and "neutrophil" in t for s, sign, t in found if "36" in s)  # the recruitment of neutrophils: the cells
    assert any(s == "spesolimab" and sign == "-" and "38" in t for s, sign, t in found)  # ", in addition," is no part of the clause
    assert not any(t in ("option", "options", "look", "released") for _s, _sign, t in found)


@needs_parser
def test_a_disease_named_with_with_before_its_short_form_is_one_name() -> None:
    found = triples("Benralizumab is indicated for adults with eosinophilic granulomatosis with polyangiitis (EGPA).")
    assert ("benralizumab", "-", "eosinophilic_granulomatosis_with_polyangiitis") in found
    assert ("benralizumab", "-", "eosinophilic_granulomatosis") not in found


@needs_parser
def test_guideline_recommendations_comparisons_and_abilities() -> None:
    found = triples(
        "Sulfasalazine should be considered for all patients with early inflammatory arthritis. "
        "Leflunomide is recommended as second-line treatment of psoriatic arthritis. "
        "Patients taking upadacitinib had a higher rate of shingles than those treated with adalimumab. "
        "Risankizumab blocks IL-23. It can lower your ability to fight infections."
    )
    assert ("sulfasalazine", "-", "early_inflammatory_arthritis") in found
    assert ("leflunomide", "-", "psoriatic_arthritis") in found
    assert ("upadacitinib", "+", "shingles") in found
    assert ("adalimumab", "+", "shingles") not in found  # the comparator is no cause
    assert ("risankizumab", "-", "ability_to_fight_infections") in found


def test_a_remark_quoted_in_a_news_item_is_no_body_sentence() -> None:
    text = '"Patients have waited for options that act on the disease itself," said a nephrologist. Obinutuzumab depletes B cells.'
    roles = [(s.role, s.text[:12]) for s in split_sentences(text)]
    assert roles == [("boilerplate", '"Patients ha'), ("body", "Obinutuzumab")]


@needs_parser
def test_a_question_names_the_subject_of_its_answer() -> None:
    text = "Questions and answers\n\nWhat is siponimod used for?\nIt is used to treat secondary progressive multiple sclerosis.\n\nHow does mirikizumab work?\nIt blocks interleukin-23.\n"
    found = triples(text)
    assert ("siponimod", "-", "secondary_progressive_multiple_sclerosis") in found
    assert ("mirikizumab", "-", "il23") in found
    assert not any(s == "siponimod" and t == "il23" for s, _sign, t in found)


@needs_parser
def test_abstracts_and_safety_communications() -> None:
    text = (
        "Methods: We treated NZB/W mice with telitacicept for eight weeks. Results: Telitacicept lowered anti-dsDNA titres. "
        "The agency has concluded that there is an increased risk of serious infections and lymphoma with telitacicept. "
        "We are requiring new warnings."
    )
    found = triples(text)
    assert ("telitacicept", "+", "infection_risk") in found  # the graph's names for serious infections and lymphoma
    assert ("telitacicept", "+", "malignancy") in found
    assert any(s == "telitacicept" and sign == "-" and "dsdna" in t for s, sign, t in found)
    assert not any(s in ("we", "us") or t in ("we", "us") or "mice" in t for s, _sign, t in found)  # the authors and their animals are no nodes


@needs_parser
def test_its_active_metabolite_is_the_metabolite_named() -> None:
    found = triples("Azathioprine is rapidly converted in the blood and liver to its active metabolite mercaptopurine, which blocks purine synthesis.")
    assert ("azathioprine", "+", "mercaptopurine") in found or ("azathioprine", "+", "6_mercaptopurine") in found
    assert any(s in ("mercaptopurine", "6_mercaptopurine") and sign == "-" for s, sign, _t in found)
    assert not any("active_metabolite" in t or "active_metabolite" in s for s, _sign, t in found)


@needs_parser
def test_an_encyclopedia_entry_with_synonyms_a_class_description_and_an_adverse_section() -> None:
    text = (
        "Mesalazine\n\n"
        "Balsalazide (BSZ; also balsalazide disodium) is an anti-inflammatory drug in which mesalazine is joined to a carrier. "
        "It is used to treat ulcerative colitis.\n\n"
        "Adverse effects\n"
        "Headache, abdominal pain and vomiting are common. In rare cases it causes a reversible fall in platelet count. "
        "Balsalazide is cleaved by colonic bacteria into mesalazine and 4-aminobenzoyl-beta-alanine."
    )
    found = triples(text)
    assert ("balsalazide", "-", "ulcerative_colitis") in found  # a name described as a drug is the agent of "it"
    assert {("balsalazide", "+", "headache"), ("balsalazide", "+", "abdominal_pain"), ("balsalazide", "+", "vomiting")} <= found
    assert any(s == "balsalazide" and sign == "-" and "platelet" in t for s, sign, t in found)  # a fall in X lowers X
    assert ("balsalazide", "+", "mesalazine") in found  # cleaved into: a conversion
    assert not any(s.startswith("anti_inflammatory") or "also" in s or "reversible" in t for s, _sign, t in found)


@needs_parser
def test_an_faq_page_its_questions_lists_and_a_verb_read_as_a_noun() -> None:
    text = (
        "Belatacept (Nulojix): questions and answers\n\n"
        "How does it work?\nBelatacept attaches to CD80 and CD86, so the second signal is blocked.\n\n"
        "Can I take other medicines?\nDo not combine it with a TNF blocker such as etanercept.\n\n"
        "What side effects can it cause?\nThe side effects reported most often are:\n- anaemia\n- infections of the urinary tract, such as cystitis\n"
    )
    found = triples(text)
    assert {("belatacept", "?", "cd80"), ("belatacept", "?", "cd86")} <= found  # "attaches/NNS to": read in word order
    assert ("belatacept", "+", "infections_of_the_urinary_tract") in found  # the effect, not its examples
    assert any(s == "belatacept" and sign == "+" and ("anaemia" in t or t == "myelosuppression") for s, sign, t in found)
    assert not any(s == "etanercept" for s, _sign, _t in found)  # a question's "it" is the page's drug, not the last one named


@needs_parser
def test_guideline_recommendations_on_patients_and_the_effects_they_experience() -> None:
    text = (
        "Section 4.2.1 Intravesical mitomycin\n\n"
        "Mitomycin is an antitumour antibiotic. The drug is taken up by tumour cells and by dendritic cells in the bladder wall, which then secrete interleukin-12. "
        "4.2.2 Patients with low-risk bladder cancer should receive a single instillation of mitomycin after resection. "
        "Most patients experience dysuria or a mild rash for a day after an instillation. "
        "A high fever should raise the suspicion of a systemic reaction."
    )
    found = triples(text)
    assert ("dendritic_cell", "+", "il12") in found or ("dendritic_cells", "+", "il12") in found  # the cells, not the wall
    assert ("mitomycin", "-", "low_risk_bladder_cancer") in found
    assert {("mitomycin", "+", "dysuria"), ("mitomycin", "+", "mild_rash")} <= found
    assert not any("suspicion" in t or t.replace("_", "").isdigit() or s.replace("_", "").isdigit() for s, _sign, t in found)


@needs_parser
def test_doses_symbols_after_a_class_noun_and_times_are_no_names() -> None:
    text = (
        "Ozanimod is used to treat ulcerative colitis. In two trials, a daily dose of 0.92 mg lowered the rate of relapse compared with placebo. "
        "Ozanimod has been used for years to treat multiple sclerosis. Ozanimod is broken down by the liver enzyme CYP2C8."
    )
    found = triples(text)
    assert any(s == "ozanimod" and sign == "-" and "relapse" in t for s, sign, t in found)  # a dose of the text's drug is the drug
    assert ("cyp2c8", "-", "ozanimod") in found  # the enzyme, named by its symbol
    assert not any(s in ("years", "0_92_mg", "92_mg") or "mg" in s or "liver_enzyme" in s for s, _sign, _t in found)


@needs_parser
def test_the_cytokine_this_enzyme_and_the_metabolite_stand_for_the_last_one_named() -> None:
    found = triples(
        "Tralokinumab binds IL-13 and so keeps the cytokine from signalling. "
        "Esterases hydrolyse tenofovir alafenamide to tenofovir. The metabolite inhibits reverse transcriptase."
    )
    assert ("tralokinumab", "-", "il13") in found or ("tralokinumab", "-", "il_13") in found
    assert ("tenofovir", "-", "reverse_transcriptase") in found
    assert not any(s == "metabolite" or t in ("cytokine", "metabolite") for s, _sign, t in found)


@needs_parser
def test_a_frequency_said_in_people_leads_a_list_of_side_effects_of_an_eye_drop() -> None:
    # a drug defined only as a dosage form ("a prescription nasal spray"); lead-ins that count people; items
    # with a clause or a comma after the effect
    text = (
        "Velopatide is a prescription nasal spray. It is used to treat seasonal allergic rhinitis.\n\n"
        "Possible side effects\n\n"
        "Between 1 and 10 in every 100 people may get:\n"
        "• a burning feeling or soreness inside the nose when the spray is used\n"
        "• nosebleeds\n\n"
        "Up to 1 in 1,000 patients may have:\n"
        "• severe allergic reactions, with swelling of the lips, tongue or throat, or trouble breathing\n"
    )
    found = triples(text)
    assert ("velopatide", "-", "seasonal_allergic_rhinitis") in found, found
    assert ("velopatide", "+", "nosebleeds") in found, found
    assert ("velopatide", "+", "severe_allergic_reactions") in found, found
    assert any(s == "velopatide" and sign == "+" and t.startswith("burning_feeling") and "spray" not in t for s, sign, t in found), found


@needs_parser
def test_degrees_of_an_adverse_effect_name_one_effect_and_instructions_name_none() -> None:
    text = (
        "Zorvutamab is a bispecific antibody. "
        "Cytokine release syndrome, including life-threatening or fatal reactions, can occur in patients receiving zorvutamab. "
        "Initiate treatment with a step-up dosing schedule to reduce the risk of cytokine release syndrome. "
        "The drug can cause serious or life-threatening neurologic toxicity. "
        "Zorvutamab can cause severe, life-threatening or fatal infections."
    )
    found = triples(text)
    assert ("zorvutamab", "+", "neurologic_toxicity") in found, found
    assert ("zorvutamab", "+", "infections") in found, found
    assert ("zorvutamab", "+", "cytokine_release_syndrome") in found, found
    targets = {t for _s, _sign, t in found}
    assert not targets & {"reactions", "fatal_reactions", "life_threatening", "life_threatening_infections", "serious_toxicity"}, found
    assert not any(sign == "-" for _s, sign, _t in found), found  # the instruction's "to reduce the risk" is no effect of the drug


@needs_parser
def test_a_qualifier_in_brackets_does_not_hide_a_list_of_adverse_reactions() -> None:
    text = (
        "Velnazumab is an interleukin-5 antagonist monoclonal antibody. "
        "The adverse reactions reported most often (in at least 5% of patients) were headache, back pain and fatigue (7%)."
    )
    found = triples(text)
    assert {("velnazumab", "+", "headache"), ("velnazumab", "+", "back_pain"), ("velnazumab", "+", "fatigue")} <= found, found


@needs_parser
def test_an_adverse_effect_keeps_its_body_site() -> None:
    text = "Velnumab is a monoclonal antibody. The most common side effects were infections of the nose and throat, bronchitis and headache."
    found = triples(text)
    assert ("velnumab", "+", "infections_of_the_nose_and_throat") in found, found
    assert ("velnumab", "+", "bronchitis") in found, found
    assert ("velnumab", "+", "infections") not in found, found


@needs_parser
def test_drugs_given_together_do_not_treat_each_other_and_a_list_of_reactions_causes_nothing() -> None:
    text = (
        "Velotuzumab is a SLAMF7-directed antibody indicated in combination with lenalidomide and dexamethasone for multiple myeloma. "
        "Velotuzumab can cause infusion reactions, which occurred in about 10% of patients treated with the drug, lenalidomide and dexamethasone. "
        "The most common adverse reactions were fatigue, cough, decreased appetite and pneumonia. "
        "Malignancies have occurred in patients who received velotuzumab."
    )
    found = triples(text)
    drugs = {"velotuzumab", "lenalidomide", "dexamethasone"}
    assert not any(s in drugs and t in drugs | {"combination"} for s, _sign, t in found), found
    assert ("velotuzumab", "+", "decreased_appetite") in found, found
    assert not any("adverse_reactions" in s for s, _sign, _t in found), found
    assert ("velotuzumab", "+", "malignancy") in found or ("velotuzumab", "+", "malignancies") in found, found


@needs_parser
def test_a_loss_of_a_body_function_is_an_adverse_effect() -> None:
    text = "Velomycin is an antibiotic. Velomycin reduced exacerbations in people with COPD, although hearing loss was more common than with placebo."
    found = triples(text)
    assert ("velomycin", "+", "hearing_loss") in found, found
    assert ("velomycin", "-", "exacerbations") in found, found


@needs_parser
def test_an_effect_that_occurs_following_treatment_is_the_labels_drugs() -> None:
    text = (
        "Velcabtagene is a CD19-directed autologous T cell immunotherapy. "
        "Neurological toxicities, which may be severe or life-threatening, can occur following treatment."
    )
    found = triples(text)
    assert ("velcabtagene", "+", "neurological_toxicities") in found, found


@needs_parser
def test_a_leaflets_drug_owns_its_side_effects_and_this_medicine() -> None:
    """A leaflet whose drug the lexicon does not know: its heading names it, so the side effects and
    "this medicine" are its own, not those of a mediator the "how it works" section named last."""
    text = (
        "Package leaflet: information for the user\nDorphenamine 4 mg tablets\n\n"
        "1. What dorphenamine is and what it is used for\nDorphenamine belongs to a group of medicines called antihistamines.\n\n"
        "2. How dorphenamine works\nCells in your body called mast cells release a chemical called histamine. "
        "Histamine causes sneezing and itching.\nAlcohol can make the drowsiness caused by this medicine worse.\n\n"
        "4. Possible side effects\nCommon (may affect up to 1 in 10 people):\n- dizziness\n- headache\n- dry mouth\n"
    )
    found = triples(text)
    assert {("dorphenamine", "+", "dizziness"), ("dorphenamine", "+", "headache"), ("dorphenamine", "+", "dry_mouth")} <= found, found
    assert ("dorphenamine", "+", "drowsiness") in found, found
    assert not any(s == "histamine" and t in ("dizziness", "headache", "drowsiness") for s, _sign, t in found), found


@needs_parser
def test_reported_to_occur_after_a_drug_and_the_nearest_subject_of_included() -> None:
    found = triples("Zolberase is a drug. Anaphylaxis and urticaria have been reported to occur during and after administration of zolberase.")
    assert ("zolberase", "+", "urticaria") in found, found
    found = triples(
        "Zolberase is a drug. When zolberase was given alone, the adverse reactions reported most often also included contusion, nasopharyngitis and vomiting."
    )
    assert {("zolberase", "+", "contusion"), ("zolberase", "+", "nasopharyngitis"), ("zolberase", "+", "vomiting")} <= found, found
