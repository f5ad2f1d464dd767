"""Sentence structure the extractor must read whatever the topic: where a sentence starts, a fronted
clause before the main one, a list that goes on after a bracket or that a colon announces, a verb
on a change in something, a conversion named by a signed verb, a drug named with its form.

Each test is built from sentences of our own with the structure of a failure seen on held-out text.
"""

from __future__ import annotations

from mechgraph.extract.sentences import split_sentences
from tests.test_extract_parsed import needs_parser, triples


def test_a_sentence_may_start_with_a_greek_letter_or_a_digit() -> None:
    text = "The data are sparse. β-Glucans prime monocytes. 5-Aminosalicylic acid lowers colitis. α-Tocopherol is a vitamin."
    assert [s.text for s in split_sentences(text)] == [
        "The data are sparse.",
        "β-Glucans prime monocytes.",
        "5-Aminosalicylic acid lowers colitis.",
        "α-Tocopherol is a vitamin.",
    ]


@needs_parser
def test_a_name_with_a_greek_prefix_at_the_start_of_a_sentence_stays_whole() -> None:
    found = triples("Humans make two families. β-Defensins are made by the epithelial cells of the gut.")
    assert any(s == "epithelial_cells" and t == "beta_defensins" for s, _sign, t, _n in found), found


@needs_parser
def test_a_phosphatase_turns_a_signal_off_except_what_dephosphorylation_frees() -> None:
    found = triples("SHP-2 dephosphorylates ZAP-70 and the adaptor LAT.")
    assert {("shp_2", "-", "zap_70"), ("shp_2", "-", "lat")} <= {(s, sign, t) for s, sign, t, _n in found}, found
    freed = triples("Calcineurin dephosphorylates NFAT, which then enters the nucleus.")
    assert any(s == "calcineurin" and sign == "+" and t == "nfat" for s, sign, t, _n in freed), freed


@needs_parser
def test_a_signed_verb_on_a_change_reads_on_what_changes() -> None:
    found = {(s, sign, t) for s, sign, t, _n in triples("PTEN limits the rise in cytosolic calcium and prevents the loss of regulatory T cells.")}
    assert ("pten", "-", "cytosolic_calcium") in found, found
    assert any(s == "pten" and sign == "+" and "regulatory_t_cell" in t for s, sign, t in found), found
    internalised = triples("Ocrelizumab triggers the internalisation of CD20.")
    assert any(s == "ocrelizumab" and sign == "-" and t in ("cd20", "ms4a1") for s, sign, t, _n in internalised), internalised


@needs_parser
def test_a_drug_named_with_its_form_is_the_drug() -> None:
    found = triples("Cytarabine injection is indicated for the treatment of acute myeloid leukaemia.")
    assert any(s == "cytarabine" and sign == "-" for s, sign, _t, _n in found), found
    assert not any(s == "injection" for s, _sign, _t, _n in found), found


@needs_parser
def test_a_list_goes_on_after_a_bracketed_list() -> None:
    text = "Cytarabine is a nucleoside analogue. The most common adverse reactions are cytopenias (anaemia, neutropenia and thrombocytopenia), mucositis, alopecia, and diarrhoea."
    targets = {t for s, sign, t, _n in triples(text) if s == "cytarabine" and sign == "+"}
    assert {"mucositis", "alopecia", "diarrhoea"} <= targets, targets


@needs_parser
def test_a_phosphorylation_to_a_product_is_a_conversion_and_an_appositive_names_it() -> None:
    text = (
        "Gemcitabine is a prodrug. Inside cells it is phosphorylated to gemcitabine monophosphate, which enters the nucleus and "
        "is phosphorylated by further kinases to the active diphosphate, dFdCDP. This metabolite inhibits ribonucleotide reductase."
    )
    found = {(s, sign, t) for s, sign, t, _n in triples(text)}
    assert ("gemcitabine", "+", "gemcitabine_monophosphate") in found, found
    assert ("kinases", "+", "dfdcdp") in found, found
    assert ("dfdcdp", "-", "ribonucleotide_reductase") in found, found
    assert not any("active_diphosphate" in t for _s, _sign, t in found), found


@needs_parser
def test_the_organ_that_eliminates_a_drug_is_no_cause() -> None:
    found = triples("Gemcitabine is eliminated mainly by the kidneys. Neutrophils clear bacteria.")
    assert not any(s.startswith("kidney") for s, _sign, _t, _n in found), found
    assert any(s == "neutrophil" and t == "bacteria" for s, _sign, t, _n in found), found


@needs_parser
def test_the_main_clause_after_a_fronted_clause_has_its_own_subject() -> None:
    text = (
        "Alemtuzumab is an anti-CD52 antibody.\n\n5 WARNINGS AND PRECAUTIONS\n"
        "5.1 Infections. Because the drug depletes lymphocytes, serious infections, including listeriosis, have occurred after treatment."
    )
    found = {(s, sign, t) for s, sign, t, _n in triples(text)}
    assert ("alemtuzumab", "-", "lymphocyte") in found, found
    assert ("alemtuzumab", "+", "listeriosis") in found, found
    assert not any(s == "alemtuzumab" and sign == "-" and t == "listeriosis" for s, sign, t in found), found


@needs_parser
def test_a_verb_after_and_so_is_a_verb_not_a_modifier() -> None:
    found = triples("Some peptides kill in a second way: they bind lipid III, a precursor of the fungal cell wall, and so block cell-wall synthesis.")
    assert any(s == "peptides" and sign == "-" and t == "cell_wall_synthesis" for s, sign, t, _n in found), found
    assert not any(sign in ("0", "?") and t == "cell_wall_synthesis" for _s, sign, t, _n in found), found


@needs_parser
def test_a_counted_class_names_its_members_after_a_colon() -> None:
    found = triples("The vaccine protects against two diseases caused by viruses: measles and rubella.")
    pairs = {(s, sign, t) for s, sign, t, _n in found}
    assert {("vaccine", "-", "measles"), ("vaccine", "-", "rubella")} <= pairs, found
    assert not any(t.startswith("two_") for _s, _sign, t in pairs), found
    assert not any(s == "measles" and t == "rubella" for s, _sign, t in pairs), found


@needs_parser
def test_where_a_disease_strikes_is_no_relation() -> None:
    found = triples("Mumps mainly affects the salivary glands and sometimes the testes.")
    assert not any(s == "mumps" for s, _sign, _t, _n in found), found


@needs_parser
def test_where_a_drug_is_approved_is_no_disease() -> None:
    found = triples("Sativex, a spray that contains two cannabinoids, is approved in several countries for spasticity in multiple sclerosis.")
    assert any(s == "sativex" and t == "spasticity" for s, _sign, t, _n in found), found
    assert not any(t == "countries" for _s, _sign, t, _n in found), found


@needs_parser
def test_cells_that_lacked_a_gene_and_caused_more_disease() -> None:
    found = triples("In mice, T cells that lacked GPR65 caused more severe colitis.")
    assert any(s == "gpr65" and sign == "-" and t == "colitis" for s, sign, t, _n in found), found


@needs_parser
def test_the_release_of_a_named_protein_is_that_protein_and_an_agonist_at_a_receptor_raises_it() -> None:
    found = triples("Oral fingolimod lowered the release of tumour necrosis factor by synovial cells.")
    assert any(s in ("fingolimod", "oral_fingolimod") and sign == "-" and t == "tnf" for s, sign, t, _n in found), found
    assert not any(t.startswith("release_of") for _s, _sign, t, _n in found), found
    agonist = triples("Nalbuphine is a partial agonist at two receptors: KOR, which is found mostly on neurons, and MOR.")
    assert {("nalbuphine", "+", "kor"), ("nalbuphine", "+", "mor")} <= {(s, sign, t) for s, sign, t, _n in agonist}, agonist


@needs_parser
def test_a_drug_named_by_several_common_words_keeps_its_whole_name() -> None:
    text = "Thymocyte immune globulin is indicated for the treatment of acute rejection in kidney transplant patients."
    found = triples(text)
    assert any(s == "thymocyte_immune_globulin" and sign == "-" for s, sign, _t, _n in found), found
    assert not any(s == "globulin" for s, _sign, _t, _n in found), found


@needs_parser
def test_a_passive_in_a_fronted_clause_names_no_agent_of_the_drug() -> None:
    text = (
        "Belatacept is indicated for kidney transplant recipients. "
        "When the doses of prednisone and other immunosuppressants are being reduced, reactions to the drug that these agents had masked may appear."
    )
    found = triples(text)
    assert not any(t.startswith("doses") or t == "immunosuppressants" for _s, _sign, t, _n in found), found


@needs_parser
def test_the_risk_of_a_list_of_infections_is_each_infection() -> None:
    found = triples("Natalizumab is an antibody. By blocking lymphocyte entry into the brain, the drug raises the risk of bacterial and viral infections.")
    assert any(s == "natalizumab" and sign == "+" and t.startswith("bacterial_infection") for s, sign, t, _n in found), found


@needs_parser
def test_a_subject_the_parse_took_for_a_verbs_conjunct() -> None:
    text = "In transplant recipients, calcineurin inhibitors can reactivate BK virus, and CMV, by suppressing NK cells, makes rejection more likely."
    found = {(s, sign, t) for s, sign, t, _n in triples(text)}
    assert any(s == "cmv" and sign == "-" and t.startswith("nk_cell") for s, sign, t in found), found
    assert not any(s == "calcineurin_inhibitors" and t.startswith("nk_cell") for s, _sign, t in found), found


@needs_parser
def test_knockouts_that_fail_to_form_a_structure_and_children_with_a_deficiency_of_a_receptor() -> None:
    found = {(s, sign, t) for s, sign, t, _n in triples("Mice that lack LTβR fail to form lymph nodes.")}
    assert any(s in ("ltbr", "ltbetar") and sign == "+" and "lymph_node" in t for s, sign, t in found), found
    children = triples("Children with inherited deficiency of the IL-17 receptor or of IL-17F develop chronic mucocutaneous candidiasis.")
    assert {"il_17_receptor", "il_17f"} <= {s for s, sign, t, _n in children if sign == "-" and "candidiasis" in t}, children


@needs_parser
def test_a_second_clause_whose_verb_the_tagger_took_for_a_plural_noun() -> None:
    found = triples("MyD88 in turn activates the kinase IRAK4, and IRAK4 switches on the IKK complex, and thereby NF-κB.")
    pairs = {(s, sign, t) for s, sign, t, _n in found}
    assert ("irak4", "+", "ikk_complex") in pairs, found
    assert ("myd88", "+", "ikk_complex") not in pairs, found


@needs_parser
def test_a_participle_after_the_subject_describes_it_and_processes_of_cells_are_the_cells() -> None:
    text = "Interleukin-9 (IL-9), made chiefly by Th9 cells, is the major cytokine responsible for the growth, recruitment and survival of mast cells."
    found = {(s, sign, t) for s, sign, t, _n in triples(text)}
    assert any(s.startswith("th9") and sign == "+" and t in ("il9", "interleukin_9") for s, sign, t in found), found
    assert any(s in ("il9", "interleukin_9") and sign == "+" and t.startswith("mast_cell") for s, sign, t in found), found
    assert not any(t in ("growth", "recruitment", "survival") or "made" in s for s, _sign, t in found), found


@needs_parser
def test_a_knockout_named_by_a_glued_name() -> None:
    found = triples("Siglec-E-deficient mice develop more neutrophilic lung inflammation than wild-type mice.")
    assert any(s == "siglec_e" and sign == "-" for s, sign, _t, _n in found), found
    assert not any(s == "e" for s, _sign, _t, _n in found), found


@needs_parser
def test_cells_that_lack_a_gene_accumulate_what_it_removes_and_die_by_what_it_prevents() -> None:
    text = "In mice whose T cells lack thioredoxin reductase 1, the cells accumulate peroxides, die by ferroptosis and fail to expand."
    found = {(s, sign, t) for s, sign, t, _n in triples(text)}
    assert ("thioredoxin_reductase_1", "-", "peroxides") in found, found
    assert ("thioredoxin_reductase_1", "-", "ferroptosis") in found, found


@needs_parser
def test_a_second_past_verb_the_tagger_took_for_an_adjective_and_travellers_are_no_disease() -> None:
    found = {(s, sign, t) for s, sign, t, _n in triples("In primary tumour cells, duvelisib induced apoptosis and inhibited proliferation.")}
    assert ("duvelisib", "-", "proliferation") in found, found
    assert not any("inhibited" in t for _s, _sign, t in found), found
    travel = triples("The vaccine is recommended for travellers who will stay a long time in rural regions.")
    assert not any(t.startswith("travel") for _s, _sign, t, _n in travel), travel


@needs_parser
def test_a_possessed_class_noun_stands_for_the_name_after_its_comma() -> None:
    found = triples("CXCR4 is a chemokine receptor. Its principal ligand, CXCL12 (SDF-1), is produced by stromal cells and macrophages.")
    assert any(t == "cxcl12" and sign == "+" for _s, sign, t, _n in found), found


@needs_parser
def test_animals_in_which_a_gene_is_deleted_or_that_carry_a_broken_copy() -> None:
    deleted = triples("Mice in which PD-1 is deleted only in T cells develop fatal myocarditis.")
    assert any(s in ("pd_1", "pdcd1") and sign == "-" and "myocarditis" in t for s, sign, t, _n in deleted), deleted
    copy = triples("People who carry one defective copy of NFKB1 suffer from recurrent infections and autoimmune cytopenias.")
    assert any(s == "nfkb1" and sign == "-" and "cytopenias" in t for s, sign, t, _n in copy), copy
    frameshift = triples("Moth-eaten mice, which carry a frameshift mutation in Ptpn6, have no SHP-1 and die of inflammation within weeks.")
    assert any(s == "ptpn6" and sign == "+" and t == "shp_1" for s, sign, t, _n in frameshift), frameshift


def _misparsed(rows: list[tuple[str, str, str, int, str]]) -> object:
    """A parse as the small pipeline gives it for some sentences: (word, tag, pos, head, dep) rows."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    words, tags, pos, heads, deps = (list(column) for column in zip(*rows, strict=True))
    lemmas = ["be" if w in ("were", "was") else w.lower() for w in words]
    return Doc(Vocab(), words=words, tags=tags, pos=pos, heads=heads, deps=deps, lemmas=lemmas)


@needs_parser
def test_a_subject_taken_for_an_appositive_of_a_fronted_phrase_is_put_back() -> None:
    from mechgraph.extract.parserepair import _fronted_subjects

    # "In untreated myeloma, the common reactions/appos(myeloma) were fatigue/nsubj and cough."
    rows = [
        ("In", "IN", "ADP", 6, "prep"),
        ("untreated", "JJ", "ADJ", 2, "amod"),
        ("myeloma", "NN", "NOUN", 0, "pobj"),
        (",", ",", "PUNCT", 2, "punct"),
        ("the", "DT", "DET", 5, "det"),
        ("reactions", "NNS", "NOUN", 2, "appos"),
        ("were", "VBD", "AUX", 6, "ROOT"),
        ("fatigue", "NN", "NOUN", 6, "nsubj"),
        ("and", "CC", "CCONJ", 7, "cc"),
        ("cough", "NN", "NOUN", 7, "conj"),
        (".", ".", "PUNCT", 6, "punct"),
    ]
    doc = _misparsed(rows)
    assert _fronted_subjects(doc) == 1
    assert (doc[5].dep_, doc[5].head.i, doc[7].dep_, doc[7].head.i) == ("nsubj", 6, "attr", 6)
    assert _fronted_subjects(_misparsed([*rows[:5], ("reactions", "NNS", "NOUN", 6, "nsubj"), *rows[6:]])) == 0


@needs_parser
def test_the_object_of_a_preposition_taken_for_a_second_subject_is_put_back() -> None:
    from mechgraph.extract.clauserepair import objects_taken_for_second_subjects

    # "The reactions in patients given X with Y/nsubj were fatigue."
    rows = [
        ("The", "DT", "DET", 1, "det"),
        ("reactions", "NNS", "NOUN", 8, "nsubj"),
        ("in", "IN", "ADP", 1, "prep"),
        ("patients", "NNS", "NOUN", 2, "pobj"),
        ("given", "VBN", "VERB", 1, "acl"),
        ("velmarizumab", "NN", "NOUN", 4, "dobj"),
        ("with", "IN", "ADP", 4, "prep"),
        ("bendamustine", "NN", "NOUN", 8, "nsubj"),
        ("were", "VBD", "AUX", 8, "ROOT"),
        ("fatigue", "NN", "NOUN", 8, "attr"),
        (".", ".", "PUNCT", 8, "punct"),
    ]
    doc = _misparsed(rows)
    assert objects_taken_for_second_subjects(doc) == 1
    assert (doc[7].dep_, doc[7].head.i, doc[1].dep_) == ("pobj", 6, "nsubj")


@needs_parser
def test_a_subject_after_a_fronted_phrase_is_the_subject_of_the_copula() -> None:
    text = "Velmarizumab is an antibody. In adults with asthma, the most common adverse reactions were headache, fatigue and back pain."
    found = triples(text)
    assert {("velmarizumab", "+", e, False) for e in ("headache", "fatigue", "back_pain")} <= found, found


@needs_parser
def test_the_object_of_a_preposition_before_the_verb_is_no_second_subject() -> None:
    text = "Velmarizumab is an antibody. The most common adverse reactions in patients given velmarizumab with bendamustine were fatigue, nausea and cough."
    found = triples(text)
    assert {("velmarizumab", "+", e, False) for e in ("fatigue", "nausea", "cough")} <= found, found


def test_a_sentence_ends_after_ph() -> None:
    text = "It works by lowering lysosomal pH. The second drug binds TLR8."
    assert [s.text for s in split_sentences(text)] == ["It works by lowering lysosomal pH.", "The second drug binds TLR8."]


@needs_parser
def test_a_means_after_signalling_is_the_verbs() -> None:
    found = triples("Chloroquine is thought to blunt TLR9 signalling by raising lysosomal pH.")
    assert not any(s.startswith("tlr9") for s, _sign, _t, _n in found), found
    assert any(s == "chloroquine" and t.startswith("tlr9") for s, _sign, t, _n in found), found


@needs_parser
def test_a_second_object_after_and_is_the_verbs_not_a_subject() -> None:
    found = triples("MerTK signalling induces SOCS1 and SOCS3, which dampen Toll-like receptor signalling and the production of interleukin-6 (IL-6).")
    assert not any(s in ("il6", "interleukin_6") for s, _sign, _t, _n in found), found
    assert any(s == "socs1" and "interleukin_6" in t and sign == "-" for s, sign, t, _n in found), found


@needs_parser
def test_what_a_cause_leads_something_to_make_it_raises() -> None:
    found = triples("Rotarix is an oral vaccine. Two doses a month apart lead the infant to make neutralising antibodies.")
    assert ("rotarix", "+", "neutralising_antibodies", False) in found, found
    assert not any("make" in (s, t) for s, _sign, t, _n in found), found


@needs_parser
def test_a_name_with_a_greek_letter_is_a_name_whatever_its_tag() -> None:
    found = triples("Th1 cells release interferon-γ and interleukin-2.")
    assert any(t == "interferon_gamma" for _s, _sign, t, _n in found), found


@needs_parser
def test_a_verb_in_a_series_of_verbs_keeps_its_subject() -> None:
    found = triples("The activated Langerhans cells take up the antigen, upregulate the chemokine receptor CCR7 and migrate to the lymph nodes.")
    assert any(t == "ccr7" and sign == "+" and "langerhans" in s for s, sign, t, _n in found), found


@needs_parser
def test_a_class_noun_before_a_name_in_capitals_is_that_name() -> None:
    found = triples("TLR5 is a receptor. It recruits the adaptor TIRAP, which engages IRAK4.")
    assert ("tlr5", "+", "tirap", False) in found, found
    assert not any("adaptor" in (s, t) for s, _sign, t, _n in found), found


@needs_parser
def test_a_name_before_signalling_as_a_subject_is_one_noun() -> None:
    from mechgraph.extract.clauserepair import signalling_taken_for_participles
    from mechgraph.extract.parsed import load_pipeline

    doc = load_pipeline()("In B cells, TLR7 signalling promotes the production of antibodies.")  # (TLR7/nsubj signalling/VBG(nsubj))
    signalling_taken_for_participles(doc)
    assert (doc[4].dep_, doc[4].head.text, doc[5].tag_, doc[5].dep_) == ("compound", "signalling", "NN", "nsubj")


@needs_parser
def test_a_disease_described_in_an_appositive_is_what_its_cause_causes() -> None:
    found = triples("Vaxchora is a vaccine against cholera, a severe diarrhoeal disease caused by the bacterium Vibrio cholerae.")
    assert any(t == "cholera" and sign == "+" and "vibrio" in s for s, sign, t, _n in found), found
    assert not any(t == "disease" for _s, _sign, t, _n in found), found


def test_there_before_a_subject_is_no_part_of_its_name() -> None:
    found = triples("The toxins enter the cells. There these enzymes cause swelling, bleeding and shock.", parser=False)
    assert not any(s.startswith("there") for s, _sign, _t, _n in found), found


@needs_parser
def test_a_signed_verb_after_a_participle_on_the_subject_is_the_main_verb() -> None:
    found = triples(
        "Zanidatamab is a bispecific antibody. In the trial, zanidatamab given alone nearly doubled median overall survival compared with trastuzumab."
    )
    assert any(s == "zanidatamab" and sign == "+" and "overall_survival" in t for s, sign, t, _n in found), found


@needs_parser
def test_a_participle_after_a_name_is_no_part_of_it() -> None:
    found = triples("In a small trial, estriol added to fingolimod seemed to lower the relapse rate.")
    assert any(s == "estriol" and t == "relapse_rate" for s, _sign, t, _n in found), found
    assert not any(s.startswith("estriol_") for s, _sign, _t, _n in found), found


@needs_parser
def test_what_a_cause_makes_be_taken_into_the_cell_it_lowers() -> None:
    found = triples("Daxdilimab is an antibody that binds ILT7. Binding of daxdilimab causes ILT7 to be taken into the cell.")
    assert ("daxdilimab", "-", "ilt7", False) in found, found
    assert ("daxdilimab", "+", "ilt7", False) not in found, found


@needs_parser
def test_a_plural_class_noun_before_names_is_those_names() -> None:
    found = triples("The phosphorylated ITAMs recruit the kinases Syk and Lyn, which activate PLCγ2.")
    assert {("phosphorylated_itams", "+", "syk", False), ("phosphorylated_itams", "+", "lyn", False)} <= found, found
    assert not any("kinases" in (s, t) for s, _sign, t, _n in found), found


@needs_parser
def test_a_chemical_named_after_a_plural_and_an_organ_that_converts() -> None:
    """ "the ketone bodies β-hydroxybutyrate and acetoacetate": the chemicals, whole; "the liver
    converts X into Y": where, not an enzyme of the conversion."""
    found = triples("During starvation, the liver converts fatty acids into the ketone bodies β-hydroxybutyrate and acetoacetate.")
    assert ("fatty_acids", "+", "beta_hydroxybutyrate", False) in found, found
    assert not any(s == "liver" for s, _sign, _t, _n in found), found
    found = triples("Fasting raises the metabolites 2-deoxyglucose and lactate.")
    assert ("fasting", "+", "2_deoxyglucose", False) in found, found


@needs_parser
def test_a_name_with_a_number_tagged_as_a_number_names_the_noun_after_it() -> None:
    """ "reduced IL-6/CD(dep) production": IL-6 production, not "production"."""
    found = triples("Tocilizumab reduced IL-6 production.")
    assert ("tocilizumab", "-", "il_6_production", False) in found, found
    found = triples("It attaches to two signalling proteins of the skin.")  # a number word stays a number
    assert not any("two" in t for _s, _sign, t, _n in found), found


@needs_parser
def test_words_the_tagger_cannot_tag_are_names_and_nouns() -> None:
    """ "and IL-13/CD also increases X": a name with a number, the subject of its verb; "release
    amphiregulin/RB": a noun."""
    found = triples("Goblet-cell hyperplasia thickens the mucus layer, and IL-13 also increases the contractility of intestinal smooth muscle.")
    assert any(s == "il_13" and sign == "+" and t.startswith("contractility") for s, sign, t, _n in found), found
    assert ("mast_cell", "+", "amphiregulin", False) in triples("Mast cells also release amphiregulin, which helps to repair the epithelium.")


@needs_parser
def test_a_pieces_tokens_read_as_the_piece() -> None:
    """The readers walk a piece's tokens made once (:class:`.parserepair.Tokens`): indexing and
    slicing give the doc's tokens and the text of those tokens, as the doc would."""
    from mechgraph.extract.parsed import load_pipeline
    from mechgraph.extract.parserepair import Tokens

    doc = load_pipeline()("Tocilizumab, an antibody, blocks the IL-6 receptor (IL-6R).")
    toks = Tokens(doc)
    assert toks.text == doc.text and len(toks) == len(doc)
    assert [t.i for t in toks] == list(range(len(doc))) and toks[3].text == doc[3].text
    for start, end in ((0, 3), (2, 7), (5, len(doc)), (4, 4), (7, 2)):
        assert toks[start:end].text == doc[start:end].text, (start, end)
    assert toks[-3:].text == doc[len(doc) - 3 :].text
