"""Drug names a text defines (by a brand, an approval, an apposition or a definition with a drug class),
and the sentences around them: each class on sentences written for it, with novel names no stem or
lexicon knows."""

from __future__ import annotations

from mechgraph.extract import extract_text
from mechgraph.extract.lexicon import default_lexicon
from mechgraph.extract.textnames import text_drug_names

from .test_extract_names import triples
from .test_extract_parsed import needs_parser


def names(text: str) -> set[str]:
    return {entry.node_id for _name, entry in text_drug_names(text, default_lexicon())}


def test_an_approved_drug_with_its_brand_is_a_drug_in_every_sentence() -> None:
    # "approved vorpacan (Brand, Maker), a capsule ..., for D": the name has no drug stem; later
    # sentences call it by name and by "it"
    text = (
        "The agency has approved vorpacan (Velmira, Acme Pharma), a capsule taken twice a day, for the treatment of adults "
        "with cold agglutinin disease. Vorpacan works further upstream. It binds factor D, a protease of the alternative "
        "pathway, and so blocks the convertase that amplifies the cascade."
    )
    found = triples(text)
    assert ("vorpacan", "-", "cold_agglutinin_disease") in found, found
    assert ("vorpacan", "?", "factor_d") in found, found
    assert any(s == "vorpacan" and sign == "-" and "convertase" in t for s, sign, t in found), found


def test_a_drug_known_only_by_its_brand_bracket_is_what_it_stands_for() -> None:
    # no verb says it is a drug: only "(Brand, Maker)" does, and "it" is then the drug
    found = triples("Doctors in Europe can now prescribe vorpacan (Velmira, Acme). It blocks factor D and lowers C3.")
    assert {("vorpacan", "-", "factor_d"), ("vorpacan", "-", "c3")} <= found, found


def test_a_name_defined_by_apposition_or_definition_with_a_drug_class() -> None:
    assert names("Trelumab, a monoclonal antibody against OX40 ligand, lowers Th2 cytokines.") == {"trelumab"}
    assert names("Dorvastib is an oral inhibitor of the kinase TYK2. It is taken once a day.") == {"dorvastib"}
    assert names("The regulator approved velocitan for use in adults.") == {"velocitan"}


def test_english_words_and_determined_nouns_are_no_drug_names() -> None:
    # appositions of things that are no drug, a determiner before the noun, English word endings
    text = (
        "Red cells lack proteins that shield them from complement, a part of the innate immune system. "
        "The treatment, a tablet taken daily, is new. Factor B, a protease, cleaves C3. "
        "Inflammation (Figure 2) rises. The approved medicines (Table 1) differ. Hydroxylation, an inhibitor step, follows."
    )
    assert names(text) == set()


def test_this_event_after_and_is_a_new_clauses_subject() -> None:
    # ", and this haemolysis causes anaemia": the haemolysis causes it, not the first clause's subject
    found = triples("Red cells are destroyed by complement, and this intravascular haemolysis causes anaemia.")
    assert any(s == "intravascular_haemolysis" and sign == "+" for s, sign, _t in found), found
    assert not any(s == "red_cells" and sign == "+" for s, sign, _t in found), found
    found = triples("Mast cells degranulate in the skin, and this histamine release causes itching.")
    assert ("histamine_release", "+", "itching") in found, found


def test_a_label_warning_without_the_drugs_name_is_the_drugs() -> None:
    # "X has been reported", "Use during pregnancy is associated with an increased risk of Y and of Z"
    text = (
        "Velotinib is a kinase inhibitor. Severe hepatotoxicity has been reported. Use during pregnancy is associated "
        "with an increased risk of miscarriage and of birth defects. Velotinib is associated with a lower risk of gout."
    )
    found = triples(text)
    assert {("velotinib", "+", "severe_hepatotoxicity"), ("velotinib", "+", "miscarriage"), ("velotinib", "+", "birth_defects")} <= found, found
    assert ("velotinib", "-", "gout") in found, found


def test_a_bare_association_a_denied_report_and_a_report_of_people_are_no_drugs_effects() -> None:
    text = "Velotinib is a kinase inhibitor. Psoriasis is associated with obesity. Lymphoma has not been reported. It is reported to have raised IL-10."
    found = triples(text)
    assert not any(t in ("obesity", "lymphoma") for _s, _sign, t in found), found


def test_exposure_to_a_drug_is_the_drug_and_its_efficacy_no_node() -> None:
    # a drug interaction changes how much of the drug the body sees: the drug, never a node "exposure"
    found = triples("Antacids decrease exposure to velotinib. Velotinib is a substrate of CYP3A4. Strong inhibitors increase its exposure.")
    assert ("antacids", "-", "velotinib") in found, found
    assert ("strong_inhibitors", "+", "velotinib") in found, found
    found = triples("Rifampicin lowers its plasma exposure and may reduce efficacy.")
    assert not any("exposure" in t or "efficacy" in t for _s, _sign, t in found), found


def test_the_response_to_a_vaccine_is_named_with_the_vaccine() -> None:
    found = triples("Velotinib is a kinase inhibitor. The response to live vaccines may be reduced.")
    assert ("velotinib", "-", "response_to_live_vaccines") in found, found


def test_these_cells_are_the_last_cells_named_and_attack_is_a_verb_only_after_its_subject() -> None:
    found = triples("Interferon activates macrophages. These cells kill bacteria.")
    assert ("macrophage", "-", "bacteria") in found, found
    found = triples("Dendritic cells prime CD8+ T cells that could attack melanoma elsewhere.")
    assert ("dendritic_cell", "+", "cd8_t_cell") in found, found
    assert ("cd8_t_cell", "-", "melanoma") in found, found
    # "attacks" after a noun is a noun: no relation of its own
    found = triples("Dupilumab reduces the number of severe asthma attacks. The drug might prevent heart attacks too.")
    assert all(s == "dupilumab" for s, _sign, _t in found), found


def conversions(text: str) -> set[tuple[str, str, str]]:
    draft = extract_text(text, source_id="t")
    return {(r.source, r.relation.value, r.target) for r in draft.relations if not r.negated}


def test_what_a_conversion_turns_into_what() -> None:
    # "it" of "until the liver converts it" is the clause's subject; an organ is where, not an enzyme
    found = conversions("Dexamethasone is potent. Prednisone, taken by mouth, is inactive until the liver converts it to prednisolone.")
    assert ("prednisone", "metabolised_to", "prednisolone") in found, found
    assert not any(s == "liver" for s, _r, _t in found), found
    # "X is a prodrug that is converted to Y": X, not "prodrug"
    assert ("prednisone", "metabolised_to", "prednisolone") in conversions("Prednisone is a prodrug that is converted to prednisolone in the liver.")
    # "is rapidly hydrolysed/JJ to its active metabolite, Z": the participle is a verb and Z the product
    found = conversions("Mycophenolate mofetil is an ester prodrug that is rapidly hydrolysed to its active metabolite, mycophenolic acid (MPA).")
    assert ("mycophenolate_mofetil", "metabolised_to", "mycophenolic_acid") in found, found


def test_a_drug_class_is_named_as_such_and_it_is_not_the_class() -> None:
    found = triples("Prednisone is a prodrug. Glucocorticoids are used to treat asthma.")
    assert ("glucocorticoids", "-", "asthma") in found, found


def test_leaflet_mechanism_sentences() -> None:
    # an enzyme that breaks down its substrate lowers it; "these cytokines" are the cytokines named before;
    # "stir up" raises; "cytokine release" names an event; "reactions driven by X" ends the name before "driven"
    text = (
        "PDE4 breaks down cyclic AMP, a small molecule that acts as a brake. When cyclic AMP is low, the cells release "
        "messenger proteins called cytokines. These cytokines attract other immune cells into the skin. Allergens and germs that get "
        "through the damaged barrier stir up the white blood cells. Velotinib causes infusion reactions driven by cytokine release."
    )
    found = triples(text)
    assert ("pde4", "-", "cyclic_amp") in found, found
    assert any(s == "cytokines" and sign == "+" for s, sign, _t in found), found
    assert ("allergens", "+", "white_blood_cells") in found, found
    assert ("cytokine_release", "+", "infusion_reactions") in found, found
    assert not any(t.endswith("driven") for _s, _sign, t in found), found


def test_a_cue_verb_the_parse_hid_after_a_copula_or_after_and_so() -> None:
    # "X was well tolerated and reduced/amod Y": X reduced Y; "X binds Y and so buffers/NNS Z": X lowers Z
    found = triples("Velotinib was well tolerated and reduced STAT3 activation in the inflamed mucosa.")
    assert ("velotinib", "-", "stat3_activation") in found, found
    found = triples("Soluble gp130 binds the complex and so buffers trans-signalling.")
    assert any(sign == "-" and t == "trans_signalling" for _s, sign, t in found), found


def test_an_authorisation_granted_for_a_disease_and_one_node_for_interleukin_and_il() -> None:
    found = triples(
        "The Commission has granted marketing authorisation to ralzenib (Urtiva, Helix Bio), an oral BTK inhibitor, "
        "for adults with chronic spontaneous urticaria. Velotinib received approval for the treatment of alopecia areata."
    )
    assert {("ralzenib", "-", "chronic_spontaneous_urticaria"), ("velotinib", "-", "alopecia_areata")} <= found, found
    found = triples("Interleukin-33 activates ILC2s. Tozorakimab neutralises IL-33.")
    assert ("tozorakimab", "-", "interleukin_33") in found and not any(t == "il_33" for _s, _sign, t in found), found


def test_which_after_a_block_in_cells_is_the_block_and_a_gerund_object_is_a_name() -> None:
    # "X blocks Y in mast cells, which stops Z signalling": the block stops it (X lowers Z signalling), not Y
    found = triples("Ralzenib blocks BTK in mast cells and basophils, which stops IgE receptor signalling.")
    assert ("ralzenib", "-", "ige_receptor_signalling") in found, found
    assert not any(s == "btk" for s, _sign, _t in found), found


def test_a_label_with_a_brand_first_and_its_warnings() -> None:
    text = (
        "VELMARIX (dorvokitug) injection, for subcutaneous use\n\n"
        "Patients treated with VELMARIX are at increased risk for developing serious infections. "
        "Reactivation of hepatitis B virus has occurred.\n\n"
        "The most common adverse reactions (≥3%) are upper respiratory infections, headache, arthralgia and injection site reactions."
    )
    found = triples(text)
    assert {s for s, _sign, _t in found} == {"dorvokitug"}, found
    assert {"reactivation_of_hepatitis_b_virus", "injection_site_reactions", "arthralgia"} <= {t for _s, sign, t in found if sign == "+"}, found
    assert any("infection" in t for _s, _sign, t in found), found


def test_what_an_infection_or_a_treatment_is_with_acts() -> None:
    # "infection with X expands Y", "treating mice with X lowered Y": X does; mice are no node
    found = triples("In mice, infection with Heligmosomoides polygyrus expands regulatory T cells and increases IL-10.")
    assert {s for s, _sign, _t in found} == {"heligmosomoides_polygyrus"}, found
    found = triples("Treating mice with Trichuris suis ova lowered IL-17.")
    assert {s for s, _sign, _t in found} == {"trichuris_suis_ova"} and not any("mice" in t for _s, _sign, t in found), found


def test_drugs_named_after_a_plural_class() -> None:
    found = triples(
        "The antibodies ruplizumab and toralizumab block CD40L. Blocking CD40L with the first-generation antibodies ruplizumab and toralizumab was tried."
    )
    assert {("ruplizumab", "-", "cd40l"), ("toralizumab", "-", "cd40l")} <= found, found
    assert not any("antibodies" in s for s, _sign, _t in found), found


def test_this_interaction_is_the_binder_and_a_new_clause_ends_a_list() -> None:
    text = (
        "CD40 ligand, expressed on activated CD4+ T cells, binds CD40 on B cells. This interaction drives B-cell proliferation "
        "and germinal centre formation, and it licenses dendritic cells to prime cytotoxic T cells."
    )
    found = triples(text)
    assert ("cd40_ligand", "+", "b_cell_proliferation") in found, found
    assert ("dendritic_cell", "+", "cytotoxic_t_cell") in found, found
    assert not any(s == "b_cell_proliferation" for s, _sign, _t in found), found


def test_a_past_verb_after_a_negated_gerund_is_asserted() -> None:
    # "binds Y without activating Z and lowered/amod W": the drug lowered W (asserted), Z is the denied one
    draft = extract_text("Dazodalibep binds CD40L without activating platelets and lowered disease activity in Sjögren's disease.", source_id="t")
    asserted = {(r.source, int(r.sign), r.target) for r in draft.relations if not r.negated}
    assert ("dazodalibep", -1, "disease_activity") in asserted, asserted
    assert any(r.negated and r.target == "platelets" for r in draft.relations), draft.relations


def test_the_parser_reading_wins_where_the_pattern_named_the_same_target_shorter() -> None:
    # "attaching to IL-31, which causes itching in the skin": IL-31 causes it, not the drug
    found = triples("Zelvoran contains tralvimab. Zelvoran works by attaching to a protein called interleukin-31 (IL-31), which causes itching in the skin.")
    assert not any(s == "tralvimab" and sign == "+" for s, sign, _t in found), found


def test_an_enzyme_named_after_its_class_and_signalling_through_a_receptor() -> None:
    found = triples("Fumarate inhibits the demethylase KDM5. Annexin A1 inhibits phospholipase A2. Signalling through dectin-1 activates the kinase SYK.")
    assert {("fumarate", "-", "kdm5"), ("annexin_a1", "-", "phospholipase_a2"), ("dectin_1", "+", "syk")} <= found, found


def test_a_news_item_side_effects_after_a_comparator_and_a_us_suffix() -> None:
    text = (
        "The FDA has approved mogamulizumab-kpkc (Poteligeo, Kyowa Kirin) for adults with mycosis fungoides. Mogamulizumab is an "
        "antibody directed against CC chemokine receptor 4 (CCR4).\n\n"
        "In the trial, patients were randomised to mogamulizumab or to vorinostat, a histone deacetylase inhibitor.\n\n"
        "The most common side effects were rash, including drug eruption, infusion-related reactions, fatigue and diarrhoea."
    )
    found = triples(text)
    assert ("mogamulizumab", "?", "cc_chemokine_receptor_4") in found, found
    assert {("mogamulizumab", "+", t) for t in ("rash", "infusion_related_reactions", "fatigue", "diarrhoea")} <= found, found
    assert not any(s == "vorinostat" for s, _sign, _t in found) and not any("kpkc" in s for s, _sign, _t in found), found


def test_a_code_name_defined_as_a_virus_and_what_it_was_not_shown_to_do() -> None:
    text = (
        "T-VEC is an oncolytic virus. Yet it did not significantly prolong overall survival, and the label states that it has "
        "not been shown to have an effect on visceral metastases."
    )
    draft = extract_text(text, source_id="t")
    negated = {(r.source, int(r.sign), r.target) for r in draft.relations if r.negated}
    assert ("t_vec", -1, "visceral_metastases") in negated, negated
    assert not any(r.target == "label" or "label" in r.target for r in draft.relations), draft.relations
    assert not any(not r.negated for r in draft.relations), draft.relations


def test_a_leaflet_bullet_with_an_example_names_the_effect() -> None:
    text = "Kevtara contains the active substance lebrikizumab.\n\nCommon side effects (may affect up to 1 in 10 people):\n- eye infections such as conjunctivitis\n- shingles (herpes zoster)\n"
    found = triples(text)
    assert {("lebrikizumab", "+", "eye_infections"), ("lebrikizumab", "+", "shingles")} <= found, found


def test_a_salt_after_an_adjective_is_no_drug() -> None:
    found = triples("Antigen recognition raises intracellular calcium, which activates calmodulin. Serum calcium rises.")
    assert ("intracellular_calcium", "+", "calmodulin") in found, found
    assert not any(s == "intracellular" or t == "intracellular" for s, _sign, t in found), found


def test_common_effects_in_a_paragraph_on_a_drug_but_not_in_a_disease() -> None:
    assert {("velotinib", "+", "nausea"), ("velotinib", "+", "headache")} <= triples("Velotinib is a kinase inhibitor. Nausea and headache were common.")
    assert not any(t == "infections" for _s, _sign, t in triples("Velotinib is a kinase inhibitor. Infections are common in lupus."))


def test_a_drug_proposed_as_a_class_is_the_antecedent_and_unlikely_denies() -> None:
    text = (
        "Low-dose naltrexone has been proposed as an immunomodulator in fibromyalgia. By briefly blocking opioid receptors, it is "
        "thought to provoke a rise in endorphins. It is unlikely to increase the risk of infection."
    )
    draft = extract_text(text, source_id="t")
    assert {r.source for r in draft.relations} == {"naltrexone"}, draft.relations
    assert all(r.negated for r in draft.relations if r.target == "infection"), draft.relations


def test_a_relative_clause_before_a_coordinated_subject_is_said_of_the_first() -> None:
    found = triples("Baricitinib, which inhibits JAK1 and JAK2, and ritlecitinib, an irreversible inhibitor of JAK3, both regrew scalp hair.")
    assert {("baricitinib", "-", "jak1"), ("baricitinib", "-", "jak2"), ("ritlecitinib", "-", "jak3")} <= found, found
    assert not any(s == "ritlecitinib" and t in ("jak1", "jak2") for s, _sign, t in found), found
    assert not any(t == "ritlecitinib" for _s, _sign, t in found), found


def test_a_raised_lab_value_in_a_list_of_adverse_events_is_no_verb() -> None:
    found = triples("Velotinib is a kinase inhibitor. Acne, upper respiratory infections and raised creatine kinase were the most frequent adverse events.")
    assert {("velotinib", "+", "acne"), ("velotinib", "+", "upper_respiratory_infections"), ("velotinib", "+", "raised_creatine_kinase")} <= found, found
    assert not any(s == "acne" for s, _sign, _t in found), found


def test_a_lead_in_after_a_sentence_on_its_line_and_the_following_diseases() -> None:
    text = (
        "Velotinib contains the active substance velotinib, a monoclonal antibody that belongs to a group of medicines called "
        "interleukin (IL) inhibitors. This medicine is used to treat the following inflammatory diseases:\n"
        "• moderate to severe plaque psoriasis, a skin disease, in adults\n"
        "• psoriatic arthritis, an inflammation of the joints\n"
    )
    found = triples(text)
    assert {("velotinib", "-", "plaque_psoriasis"), ("velotinib", "-", "psoriatic_arthritis")} <= found, found
    assert not any("following" in t for _s, _sign, t in found), found


def test_stops_it_from_working_lowers_what_it_attached_to() -> None:
    found = triples("Velotinib attaches to IL-17A and stops it from working.")
    assert ("velotinib", "-", "il_17a") in found or ("velotinib", "-", "il17a") in found, found


def test_a_short_protein_name_after_its_class() -> None:
    found = triples("Dectin-1 activates the kinase Syk. Insulin activates the kinase Akt.")
    assert {("dectin_1", "+", "syk"), ("insulin", "+", "akt")} <= found, found


def test_a_leaflet_names_its_drug_by_its_strength_its_heading_and_its_active_substance() -> None:
    text = (
        "Package leaflet: information for the patient\n\n"
        "Zelinarof 10 mg/g cream\n\n"
        "1. What Zelinarof cream is and what it is used for\n"
        "Zelinarof cream contains the active substance zelinarof. It is a non-steroidal medicine that you rub into the skin, "
        "and it is used to treat plaque psoriasis in adults.\n\n"
        "2. How Zelinarof cream works\n"
        "Zelinarof attaches to a protein called the aryl hydrocarbon receptor (AhR) and switches it on.\n\n"
        "4. Possible side effects\n"
        "About 1 in 10 people may get:\n"
        "• headache\n"
    )
    found = triples(text)
    assert ("zelinarof", "-", "plaque_psoriasis") in found, found
    assert ("zelinarof", "+", "headache") in found, found
    assert any(s == "zelinarof" and t == "aryl_hydrocarbon_receptor" for s, _sign, t in found), found


@needs_parser
def test_a_short_form_whose_letters_start_the_words_names_all_of_them() -> None:
    found = triples("Laquinimod reduces experimental autoimmune encephalomyelitis (EAE).")
    assert ("laquinimod", "-", "experimental_autoimmune_encephalomyelitis") in found, found


@needs_parser
def test_a_title_naming_a_two_word_cell_therapy_names_the_whole_drug() -> None:
    text = (
        "LISOCABTAGENE MARALEUCEL suspension for intravenous infusion\n\n"
        "5 WARNINGS AND PRECAUTIONS\n"
        "5.2 Neurologic Toxicities. Encephalopathy and tremor were the most frequent neurologic toxicities."
    )
    found = triples(text)
    assert ("lisocabtagene_maraleucel", "+", "encephalopathy") in found, found
    assert not any(s == "lisocabtagene" for s, _sign, _t in found), found


def test_a_recombinant_protein_named_in_brackets_is_no_brand_of_the_protein() -> None:
    """ "recombinant TRAIL (dulanermin)": dulanermin is a drug made of TRAIL; "TRAIL" is still the protein."""
    found = dict(text_drug_names("TRAIL binds DR5. Trials tested recombinant TRAIL (dulanermin) and soluble TACI (atacicept).", default_lexicon()))
    assert "TRAIL" not in found and "TACI" not in found, found
    assert "TRAIL" not in dict(text_drug_names("Then VELMARIX (dorvokitug) injection was approved.", default_lexicon())), "guard"
    assert "VELMARIX" in dict(text_drug_names("Then VELMARIX (dorvokitug) injection was approved.", default_lexicon()))


def test_a_us_labels_first_line_names_its_drug() -> None:
    found = dict(text_drug_names("ZOLBERASE injection, for intravenous use\nInitial U.S. Approval: 2010", default_lexicon()))
    assert "ZOLBERASE" in found and found["ZOLBERASE"].label == "zolberase", found
    assert not text_drug_names("Heparin sodium injection, for intravenous or subcutaneous use", default_lexicon())  # (no drug alone)
