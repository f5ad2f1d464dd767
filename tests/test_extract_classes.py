"""Names, antecedents and effects of constructions met on unseen text (the twenty-fifth sealed set's
round): a receptor named by a long form that ends in a letter and a digit, a drug named after its
class ("the DP2 antagonist X", "the transcription factor Blimp-1"), what people with a deficiency
have or develop, a participle before the subject, "account for" and "set off", an object beyond a
clause opener, and how grave an effect is (no effect of its own); and of the thirtieth set's round: numbered
items under a lead-in, the antibodies a body makes after a vaccine, knockouts spared a disease, a protein cleaved
into its active form, and proteins whose names end in a drug stem.

Each sentence is written for this test, with the structure of a sentence seen on unseen text.
"""

from __future__ import annotations

from tests.test_extract_parsed import needs_parser, triples


@needs_parser
def test_a_long_receptor_name_ending_in_a_letter_and_digit_stays_whole() -> None:
    found = triples("Mas-related G protein-coupled receptor D1 (MRGPRD1) is expressed by sensory neurons and activates them.")
    sources = {s for s, _sign, _t, _n in found}
    assert "d1" not in sources, found
    assert any(s.startswith("mas_related_g_protein_coupled_receptor_d1") for s in sources), found


@needs_parser
def test_a_participle_before_the_subject_is_no_node() -> None:
    found = triples("Once bound, the receptor raises intracellular calcium.")
    assert not any("bound" in s for s, _sign, _t, _n in found), found


@needs_parser
def test_account_for_causes_and_set_off_raises() -> None:
    found = triples("Complement activation may account for many infusion reactions.")
    assert any(t == "infusion_reactions" and sign == "+" for _s, sign, t, _n in found), found
    found = triples("Substance P sets off degranulation.")
    assert ("substance_p", "+", "degranulation", False) in found, found


@needs_parser
def test_people_with_a_deficiency_show_what_the_gene_does_where_no_drug_is_named() -> None:
    found = triples("People with CD40 ligand deficiency have few memory B cells and develop cryptosporidiosis.")
    assert any(s.startswith("cd40") and sign == "+" and t.startswith("memory_b") for s, sign, t, _n in found), found
    assert any(s.startswith("cd40") and sign == "-" and t == "cryptosporidiosis" for s, sign, t, _n in found), found
    found = triples("Patients with G6PD deficiency may develop haemolysis when they take primaquine.")
    assert not any(s == "g6pd" for s, _sign, _t, _n in found), found
    found = triples("Mice that lack Mrgprb2 also develop milder dermatitis.")
    assert any(s == "mrgprb2" for s, _sign, _t, _n in found), found


@needs_parser
def test_a_name_after_its_class_is_the_name() -> None:
    found = triples("The transcription factor Blimp-1 represses BCL6.")
    assert ("blimp_1", "-", "bcl6", False) in found, found
    found = triples("In a small trial, the oral CRTH2 antagonist setipiprant lowered the number of eosinophils in sputum.")
    assert ("setipiprant", "-", "crth2", False) in found, found
    found = triples("So far only terutroban, which blocks the thromboxane A2 receptor, has reached the market.")
    assert ("terutroban", "-", "thromboxane_a2_receptor", False) in found, found


@needs_parser
def test_no_object_beyond_a_clause_opener() -> None:
    found = triples("The alarmins IL-25 and TSLP may activate ILC2s whether or not leukotrienes are present.")
    assert not any(t == "leukotrienes" for _s, _sign, t, _n in found), found
    assert any(t == "ilc2s" for _s, _sign, t, _n in found), found


@needs_parser
def test_how_grave_an_effect_is_names_no_effect() -> None:
    found = triples("Glofitamab is a T-cell engager. Neurologic toxicity, including ICANS, can be serious or life-threatening.")
    targets = {t for _s, _sign, t, _n in found}
    assert not targets & {"life_threatening", "serious", "can_be_serious"}, found


@needs_parser
def test_a_leaflets_side_effects_are_its_products_where_the_product_has_no_name() -> None:
    text = (
        "Package leaflet: information for the user\n\n"
        "Meningococcal conjugate vaccine, solution for injection\n\n"
        "2. How the vaccine works\n"
        "Your body responds by making antibodies against the sugars. It also contains aluminium hydroxide, which helps to strengthen the immune response.\n\n"
        "4. Possible side effects\n"
        "Like all vaccines, this vaccine can cause side effects, although not everybody gets them.\n\n"
        "Very common (may affect more than 1 in 10 people):\n"
        "• headache\n"
        "• feeling sick (nausea) or being sick (vomiting)\n"
    )
    found = triples(text)
    effects = {t for s, sign, t, _n in found if s == "vaccine" and sign == "+"}
    assert {"headache", "feeling_sick", "being_sick"} <= effects, found
    assert not any(t in ("side_effects", "sick") for _s, _sign, t, _n in found), found
    assert not any(s in ("antibodies", "aluminium_hydroxide") and t == "headache" for s, _sign, t, _n in found), found


@needs_parser
def test_a_vaccine_the_text_never_names_and_a_list_items_relative_clause() -> None:
    text = (
        "Package leaflet: information for the user\n\n"
        "Rabies vaccine, powder for injection\n\n"
        "1. What this vaccine is and what it is used for\n"
        "This vaccine helps to protect you against rabies.\n\n"
        "4. Possible side effects\n"
        "Not known (reported during general use):\n"
        "• a low number of white blood cells, which can lead to infections\n"
        "• Guillain-Barré syndrome, a nerve disorder that causes weakness\n"
    )
    found = triples(text)
    assert ("vaccine", "-", "rabies", False) in found, found
    assert any(s == "vaccine" and t.startswith("low_number_of_white_blood_cells") for s, _sign, t, _n in found), found
    assert ("vaccine", "+", "guillain_barre_syndrome", False) in found, found
    assert not any(s == "vaccine" and t == "infections" for s, _sign, t, _n in found), found


@needs_parser
def test_an_organ_alone_is_no_target_of_a_signed_relation() -> None:
    found = triples("Gardasil helps to prevent precancerous lesions and cancers of the cervix, vulva and anus.")
    assert not any(t in ("vulva", "anus", "cervix") for _s, _sign, t, _n in found), found


@needs_parser
def test_an_effect_at_its_site_in_a_list_of_side_effects() -> None:
    found = triples("Anakinumab is an antibody. The most common side effects included throat irritation, tingling in the nose and headache.")
    assert {"throat_irritation", "tingling_in_the_nose", "headache"} <= {t for s, _sign, t, _n in found if s == "anakinumab"}, found
    found = triples("Anakinumab is an antibody. The most common side effects were infections of the nose and throat, bronchitis and rash.")
    targets = {t for s, _sign, t, _n in found if s == "anakinumab"}
    assert "throat" not in targets and "bronchitis" in targets, found


@needs_parser
def test_a_development_code_is_a_drug_and_it_stands_for_it() -> None:
    found = triples("BMS 986165, a small molecule, did not lower disease activity, although it may have limited the rise in blood eosinophils.")
    assert any(s == "bms_986165" and sign == "-" and t == "eosinophil" for s, sign, t, _n in found), found


@needs_parser
def test_the_active_site_of_an_enzyme_is_the_enzyme_and_a_bare_class_is_no_node() -> None:
    text = "In psoriasis, ZX4411, an oral compound that binds covalently to the active site of PDE4B and blocks the enzyme, lowered itch."
    found = triples(text)
    assert ("zx4411", "?", "pde4b", False) in found, found
    assert not any(t in ("enzyme", "psoriasis") for s, _sign, t, _n in found if s == "zx4411" and _sign == "-"), found


@needs_parser
def test_what_cells_overexpress_they_produce() -> None:
    found = triples("Interleukin-15, overexpressed by enterocytes, activates intraepithelial lymphocytes.")
    assert ("enterocytes", "+", "interleukin_15", False) in found, found


@needs_parser
def test_a_symbol_that_made_the_verb_after_it_a_noun_is_parsed_again() -> None:
    found = triples("The cytosolic sensor NLRP1 detects viral proteases and activates caspase-1.")
    assert ("nlrp1", "+", "caspase_1", False) in found, found


@needs_parser
def test_animals_that_fail_to_control_a_pathogen_and_a_loss_in_another_clause() -> None:
    found = triples("Mice deficient in IRF7 fail to control influenza virus.")
    assert any(s == "irf7" and sign == "-" and t.startswith("influenza") for s, sign, t, _n in found), found
    found = triples("Mice deficient in IRF7 fail to control the virus, and the virus escapes the pathway with NS1, a protein that blocks interferon induction.")
    assert not any(s == "irf7" and "interferon" in t for s, _sign, t, _n in found), found


@needs_parser
def test_complex_i_and_people_given_a_drug_who_have_less_of_an_effect() -> None:
    found = triples("Phenformin is an antidiabetic drug. The drug is thought to act mainly by inhibiting complex I of the respiratory chain.")
    assert ("phenformin", "-", "complex_i", False) in found, found
    found = triples("Patients taking pravastatin have fewer infections.")
    assert ("pravastatin", "-", "infections", False) in found, found


@needs_parser
def test_what_a_cause_helps_cells_differentiate_into_it_raises() -> None:
    found = triples("Interleukin-6 helps B cells to differentiate into plasma cells.")
    assert any(s in ("il6", "interleukin_6") and sign == "+" and t == "plasma_cell" for s, sign, t, _n in found), found


@needs_parser
def test_an_approval_with_a_brand_and_company_aside_and_the_approved_drugs_effects() -> None:
    text = (
        "The FDA has approved obecabtagene-L (Aucatzyl; Autolus) for adults aged 18 years and older with relapsed B-cell leukaemia.\n\n"
        "Systemic corticosteroids are the standard first treatment, but many patients do not respond to them.\n\n"
        "The most common adverse reactions were fever, bleeding and oedema."
    )
    found = triples(text)
    assert any(s.startswith("obecabtagene") and sign == "-" and "leukaemia" in t for s, sign, t, _n in found), found
    assert {"fever", "bleeding", "oedema"} <= {t for s, _sign, t, _n in found if s.startswith("obecabtagene")}, found
    assert not any(s == "systemic_corticosteroids" and t == "fever" for s, _sign, t, _n in found), found


@needs_parser
def test_a_subject_with_an_appositive_then_it_and_cells_that_lack_a_gene() -> None:
    text = (
        "Resveratrol, the stilbene of red grapes, has been credited with many activities in laboratory studies. "
        "In cultured cells it appears to inhibit the activation of NF-kB."
    )
    found = triples(text)
    assert any(s == "resveratrol" and sign == "-" and "nf" in t for s, sign, t, _n in found), found
    found = triples("Within minutes fumarate becomes one of the most abundant metabolites. It inhibits prolyl hydroxylases.")
    assert ("fumarate", "-", "prolyl_hydroxylases", False) in found, found
    found = triples("Macrophages that lack Nrf2 release more interleukin-1 beta than normal cells.")
    assert any(s == "nrf2" and sign == "-" for s, sign, _t, _n in found), found


@needs_parser
def test_causing_its_degradation_lowers_what_its_stands_for() -> None:
    found = triples("Siponimod binds the receptor S1P5 and causes its internalisation and degradation.")
    assert ("siponimod", "-", "s1p5", False) in found, found
    assert not any(t in ("degradation", "internalisation") for _s, _sign, t, _n in found), found


@needs_parser
def test_a_class_noun_described_by_its_maker_after_a_name_is_the_name() -> None:
    found = triples("Lymphocytes move towards CCL21, a chemokine made by lymphatic endothelial cells.")
    assert any(t == "ccl21" and sign == "+" for _s, sign, t, _n in found), found
    assert not any(t == "chemokine" for _s, _sign, t, _n in found), found


@needs_parser
def test_an_approval_for_a_goal_in_people_with_a_disease_and_measured_findings() -> None:
    text = (
        "The FDA has approved Thymoxel (processed thymus slices; Acme Bio) for immune reconstitution in children with "
        "complete DiGeorge syndrome, the first therapy of its kind.\n\n"
        "The tissue is cultured for up to three weeks, which depletes most of the donor's thymocytes.\n\n"
        "The most common adverse reactions were rash, low magnesium levels and low platelet counts."
    )
    found = triples(text)
    assert ("thymoxel", "-", "complete_digeorge_syndrome", False) in found, found
    assert ("thymoxel", "+", "immune_reconstitution", False) in found, found
    assert not any(s == "therapy" or "weeks" in s for s, _sign, _t, _n in found), found
    effects = {t for s, sign, t, _n in found if s == "thymoxel" and sign == "+"}
    assert {"low_magnesium_levels", "low_platelet_counts"} <= effects, found


@needs_parser
def test_what_cells_respond_to_raises_what_they_make() -> None:
    found = triples("Th17 cells produce IL-17A in response to IL-23.")
    assert any(s in ("il23", "il_23") and sign == "+" and t in ("il17a", "il_17a") for s, sign, t, _n in found), found


@needs_parser
def test_shielding_cells_from_a_harm_lowers_the_harm() -> None:
    found = triples("Interleukin-10 shields hepatocytes from ischaemic injury.")
    assert any(sign == "-" and t == "ischaemic_injury" for _s, sign, t, _n in found), found


@needs_parser
def test_an_approximate_amount_is_no_node() -> None:
    found = triples("Gamma delta T cells, making up roughly 1 to 5% of the T cells in blood, produce interleukin-17.")
    assert not any("roughly" in t or "roughly" in s for s, _sign, t, _n in found), found


def test_an_adverb_before_a_name_is_no_part_of_it() -> None:
    from mechgraph.extract import default_lexicon
    from mechgraph.extract.readerstate import _Text

    entry = _Text("", default_lexicon()).candidate("mostly atrial flutter")
    assert entry is not None and entry.label == "atrial flutter", entry


@needs_parser
def test_numbered_items_under_a_lead_in_with_a_colon_are_read_as_a_list() -> None:
    text = (
        "Golimumab is a TNF blocker indicated for:\n"
        "1.1 Rheumatoid arthritis, in adults, with methotrexate.\n"
        "1.2 Psoriatic arthritis.\n"
        "1.3 Ulcerative colitis.\n"
    )
    found = triples(text)
    treated = {t for s, sign, t, _n in found if s == "golimumab" and sign == "-"}
    assert {"rheumatoid_arthritis", "psoriatic_arthritis", "ulcerative_colitis"} <= treated, found
    # a numbered line with no lead-in ending in a colon is a heading, not an item
    found = triples("Golimumab is a TNF blocker.\n1.1 Ulcerative colitis\nIt is given monthly.")
    assert not any(t == "ulcerative_colitis" for _s, _sign, t, _n in found), found


@needs_parser
def test_the_antibodies_a_body_makes_after_a_vaccine_are_the_vaccines() -> None:
    found = triples("Vaxelis is a vaccine. After the injection, your child's immune system makes antibodies against the toxins.")
    assert ("vaxelis", "+", "antibodies", False) in found, found
    found = triples("Vaxelis is a vaccine. It prompts the immune system to produce its own protection (antibodies).")
    assert ("vaxelis", "+", "antibodies", False) in found, found
    found = triples("Vaxelis is a vaccine. Tell your doctor if you have a fever.")
    assert not any(t == "antibodies" for _s, _sign, t, _n in found), found


@needs_parser
def test_knockouts_spared_a_disease_show_the_gene_drives_it() -> None:
    found = triples("Mice that lack the kinase develop milder collagen-induced arthritis.")
    assert any(sign == "+" and "arthritis" in t and "milder" not in t for _s, sign, t, _n in found), found
    found = triples("Mice deficient in TLR9 develop less severe colitis.")
    assert ("tlr9", "+", "colitis", False) in found, found
    found = triples("Mice that lack the EP4 receptor do not develop fever after LPS.")
    assert any(s.startswith("ep4") and sign == "+" and t == "fever" for s, sign, t, _n in found), found
    found = triples("Mice deficient in IL-10 develop colitis.")
    assert any(sign == "-" and t == "colitis" for _s, sign, t, _n in found), found


@needs_parser
def test_what_makes_the_active_form_of_a_protein_raises_it() -> None:
    found = triples("Caspase-5 cleaves pro-interleukin-37 into its active form.")
    assert any(s == "caspase_5" and sign == "+" and "interleukin_37" in t for s, sign, t, _n in found), found
    found = triples("Neprilysin cleaves substance P into inactive fragments.")
    assert not any(sign == "+" for _s, sign, _t, _n in found), found


def test_proteins_with_a_drug_stem_are_no_drugs() -> None:
    from mechgraph.extract.kinds import guess_kind
    from mechgraph.extract.parsewords import looks_like_drug

    assert not looks_like_drug("gasdermin") and not looks_like_drug("interleukin")
    assert looks_like_drug("palifermin") and looks_like_drug("aldesleukin")
    assert guess_kind("pro-interleukin-18")[0].value != "agent"
    assert guess_kind("aldesleukin")[0].value == "agent"


@needs_parser
def test_a_mutation_or_defect_of_a_gene_reads_as_the_loss_of_the_gene() -> None:
    found = triples("Null mutations in JAK3 cause severe combined immunodeficiency.")
    assert any(s == "jak3" and sign == "-" and "immunodeficiency" in t for s, sign, t, _n in found), found
    found = triples("Mutations in TREX1 cause Aicardi-Goutieres syndrome.")  # a mutation alone may add to the function
    assert not any(s == "trex1" for s, _sign, _t, _n in found), found
    found = triples("A defect of the CD40 ligand prevents class switching.")
    assert any(s.startswith("cd40") and sign == "+" and "class_switching" in t for s, sign, t, _n in found), found


@needs_parser
def test_control_lowers_a_disease_and_only_acts_on_anything_else() -> None:
    found = triples("Colchicine controls the flares of gout.")
    assert ("colchicine", "-", "gout", False) in found, found
    found = triples("The transcription factor AIRE controls the expression of insulin in the thymus.")
    assert not any(sign in ("+", "-") for _s, sign, _t, _n in found), found


@needs_parser
def test_a_disease_is_not_related_to_the_organs_it_affects() -> None:
    found = triples("Sarcoidosis can affect almost any organ, most often the lungs, the salivary glands and the bile ducts.")
    assert not any(s == "sarcoidosis" for s, _sign, _t, _n in found), found


@needs_parser
def test_the_vaccine_and_a_leaflets_template_stand_for_the_vaccine_the_text_names() -> None:
    text = (
        "The varicella vaccine contains a weakened form of the chickenpox virus. It protects children against chickenpox.\n\n"
        "The vaccine will not protect against shingles in adults.\n\n"
        "Possible side effects\n"
        "Like all vaccines, this vaccine can cause side effects, although not everybody gets them.\n"
        "Common (may affect up to 1 in 10 people):\n"
        "• fever\n"
    )
    found = triples(text)
    assert ("varicella_vaccine", "+", "fever", False) in found, found
    assert any(s == "varicella_vaccine" and t == "shingles" and negated for s, _sign, t, negated in found), found
    assert not any(s == "vaccine" for s, _sign, _t, _n in found), found


@needs_parser
def test_the_antibodies_a_body_makes_are_no_antecedent_of_side_effects() -> None:
    found = triples(
        "Elder flowers contain flavonoids. In one study the extract raised neutralising antibodies in mice. Nausea, vomiting and diarrhoea were reported."
    )
    assert not any(s == "neutralising_antibodies" and t in ("nausea", "vomiting", "diarrhoea") for s, _sign, t, _n in found), found


@needs_parser
def test_these_metabolites_are_what_a_drug_was_converted_to_and_bring_together_raises() -> None:
    found = triples("Mycophenolate mofetil is converted to mycophenolic acid. These metabolites block IMPDH.")
    assert ("mycophenolic_acid", "-", "impdh", False) in found, found
    found = triples("Binding of IL-2 brings together JAK1 and JAK3.")
    assert any(t == "jak3" and sign == "+" for _s, sign, t, _n in found), found


@needs_parser
def test_keep_alive_reads_its_objects_through_a_gerund_and_names_after_a_class_noun() -> None:
    found = triples("IL-15 induces the survival proteins Bcl-2 and Mcl-1, which keep developing NK cells and mature memory T cells alive.")
    assert any(s == "bcl_2" and sign == "+" and "nk" in t for s, sign, t, _n in found), found


@needs_parser
def test_an_adverb_or_an_amount_is_no_node() -> None:
    found = triples("Ervebo is approved. Treatment is improving too.")
    assert not any(t == "too" for _s, _sign, t, _n in found), found
    found = triples("The outbreak in the east of the country has killed more than 2,000.")
    assert not any("2_000" in t for _s, _sign, t, _n in found), found


@needs_parser
def test_reported_harms_of_a_label_and_effects_after_vaccination_are_the_drugs() -> None:
    found = triples("Infliximab is a TNF blocker. Reported infections include histoplasmosis and bacterial, viral and other opportunistic infections.")
    assert ("infliximab", "+", "histoplasmosis", False) in found, found
    assert not any(t in ("bacterial", "viral") for _s, _sign, t, _n in found), found
    found = triples("Dengvaxia is a vaccine against dengue. Some vaccinees developed a fever in the days after vaccination.")
    assert ("dengvaxia", "+", "fever", False) in found, found


@needs_parser
def test_these_compounds_are_the_plural_named_just_before() -> None:
    found = triples(
        "Raw apricot kernels contain cyanogenic glycosides such as amygdalin, which can release cyanide. Cooking appears to destroy these compounds."
    )
    assert any(s == "cooking" and sign == "-" and t == "cyanogenic_glycosides" for s, sign, t, _n in found), found


@needs_parser
def test_the_development_of_cells_is_more_of_those_cells() -> None:
    found = triples("Butyrate may favour the development of regulatory T cells in the colon.")
    assert any(s == "butyrate" and sign == "+" and t == "regulatory_t_cell" for s, sign, t, _n in found), found


@needs_parser
def test_what_followed_or_came_with_a_failed_treatment_is_the_treatments() -> None:
    found = triples("In one trial, Bifidobacterium infantis given to newborns did not prevent eczema and was followed by more food sensitisation.")
    assert any(s.startswith("bifidobacterium") and sign == "+" and t == "food_sensitisation" for s, sign, t, _n in found), found
    found = triples("Anakinra was associated with lower mortality in sepsis.")
    assert any(s == "anakinra" and sign == "-" and t == "mortality" for s, sign, t, _n in found), found


@needs_parser
def test_a_copula_after_a_participle_clause_lists_the_adverse_reactions_and_open_raises() -> None:
    text = (
        "Anifrolumab blocks the type I interferon receptor.\n\n6 ADVERSE REACTIONS\n"
        "The most common adverse reactions, each reported by more than 10% of patients, were nasopharyngitis and bronchitis.\n"
    )
    found = triples(text)
    assert {("anifrolumab", "+", "nasopharyngitis", False), ("anifrolumab", "+", "bronchitis", False)} <= found, found
    found = triples("STIM1 senses the fall in stored calcium and opens ORAI1 channels in the plasma membrane.")
    assert any(s == "stim1" and sign == "+" and t.startswith("orai1") for s, sign, t, _n in found), found


@needs_parser
def test_loss_of_function_mutations_read_as_the_loss_of_the_gene() -> None:
    found = triples("Homozygous loss-of-function mutations in CYBB cause chronic granulomatous disease.")
    assert ("cybb", "-", "chronic_granulomatous_disease", False) in found, found


@needs_parser
def test_a_microbe_named_by_its_binomial_after_its_class_is_the_binomial() -> None:
    found = triples("Cholera is caused by the bacterium Vibrio cholerae, which spreads through water contaminated with faeces.")
    assert ("vibrio_cholerae", "+", "cholera", False) in found, found
    assert not any(s == "bacterium" for s, _sign, _t, _n in found), found


@needs_parser
def test_irregular_past_participles_of_cue_verbs_are_cues() -> None:
    found = triples("Psoriasis is driven by interleukin-23.")
    assert any(t == "psoriasis" and sign == "+" for _s, sign, t, _n in found), found
    found = triples("The replication of the virus was stopped by the antibody sotrovimab.")
    assert any(s == "sotrovimab" and sign == "-" for s, sign, _t, _n in found), found


def test_the_forms_of_irregular_cue_verbs() -> None:
    from mechgraph.extract.cues import verb_forms

    assert verb_forms("drive")[2] == "driven" and verb_forms("keep")[2] == "kept" and verb_forms("stop")[2] == "stopped"


@needs_parser
def test_a_fronted_gerund_of_feeding_gives_the_subject_and_the_allergy_is_the_allergy_named() -> None:
    text = (
        "Egg allergy is common in infants. Feeding egg to babies at high risk, rather than avoiding it, prevented most cases of the allergy by the age of one."
    )
    found = triples(text)
    assert ("egg", "-", "egg_allergy", False) in found, found


@needs_parser
def test_mice_whose_cells_lack_a_gene_and_knockouts_that_cannot_control_a_pathogen() -> None:
    found = triples("Mice whose dendritic cells lack integrin β8 develop colitis.")
    assert any(sign == "-" and t == "colitis" and "8" in s for s, sign, t, _n in found), found
    found = triples("Mice that lack IFN-γ cannot control Mycobacterium tuberculosis.")
    assert any(sign == "-" and "tuberculosis" in t for _s, sign, t, _n in found), found


@needs_parser
def test_a_labels_warning_that_a_harm_can_occur_is_the_drugs() -> None:
    text = (
        "Natalizumab blocks α4 integrin.\n\n5 WARNINGS AND PRECAUTIONS\n5.1 Progressive multifocal leukoencephalopathy. PML, including fatal PML, can occur.\n"
    )
    found = triples(text)
    assert any(s == "natalizumab" and sign == "+" and t == "pml" for s, sign, t, _n in found), found
