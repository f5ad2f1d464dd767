"""Sentences: offsets into the raw text, abbreviations, and what is skipped."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from mechgraph.extract import split_sentences


def roles(text: str) -> list[tuple[str, str]]:
    return [(s.role, s.text) for s in split_sentences(text)]


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Agents such as IL-2, e.g. aldesleukin, act on T cells vs. B cells, i.e. lymphocytes (Fig. 2). It binds."
    assert [s.text for s in split_sentences(text)] == [
        "Agents such as IL-2, e.g. aldesleukin, act on T cells vs. B cells, i.e. lymphocytes (Fig. 2).",
        "It binds.",
    ]


def test_offsets_point_into_the_raw_text_with_crlf_and_unicode() -> None:
    text = "Titre\r\n\r\nIFN-α binds IFNAR1.\r\nThe drug — 5 mg — inhibits TNF.  Done."
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip()


def test_question_headings_adverts_and_navigation_are_not_body() -> None:
    text = (
        "What is immunomodulation?\n\nImmunomodulators inhibit TNF.\n\nRead Now 👉 Something else\n\n"
        "Home | Drugs | Immunology\n\nSubscribe to our newsletter.\n\nAftercare after surgery\n\nIt binds IL-2."
    )
    assert roles(text) == [
        ("question", "What is immunomodulation?"),
        ("body", "Immunomodulators inhibit TNF."),
        ("boilerplate", "Read Now 👉 Something else"),
        ("boilerplate", "Home | Drugs | Immunology"),
        ("boilerplate", "Subscribe to our newsletter."),
        ("heading", "Aftercare after surgery"),
        ("body", "It binds IL-2."),
    ]


def test_repeated_sentences_and_fragments_are_marked() -> None:
    text = "Drugs help to activate or restore normal immune function.\nhelp to activate or restore normal immune function.\nDrugs help to activate or restore normal immune function."
    assert [s.role for s in split_sentences(text)] == ["body", "repeat", "repeat"]


def test_a_heading_glued_to_its_paragraph_is_cut_off() -> None:
    text = "Mechanism of action\nCyclosporine inhibits calcineurin."
    assert roles(text) == [("heading", "Mechanism of action"), ("body", "Cyclosporine inhibits calcineurin.")]


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .?!\n\t,;:()-é👉eg.i")), max_size=200))
def test_every_sentence_is_a_stripped_slice_of_the_text(text: str) -> None:
    previous_end = 0
    for sentence in split_sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text and sentence.text == sentence.text.strip()
        assert sentence.start >= previous_end
        previous_end = sentence.end


def test_safe_boundaries_cut_as_pysbd_does() -> None:
    """Blocks are cut at safe boundaries first and only the rest goes through pysbd: same sentences."""
    import re

    from mechgraph.extract import sentences as S

    texts = [
        "Dr. Smith et al. showed that IL-2 works. It binds e.g. IL-2 vs. IL-4. The U.S. FDA approved it. "
        'J. M. McDaniel gave 2.5 mg. Fig. 3 shows it. He said: "It works." Then it stopped! Why? Because.',
        "Cyclosporine inhibits calcineurin. Calcineurin dephosphorylates NFAT. NFAT moves to the nucleus.",
        "Tacrolimus (FK506) binds FKBP12 (approx. 12 kDa), i.e. an immunophilin. It is given orally.",
    ]
    fast = [[(s.start, s.end) for s in split_sentences(t)] for t in texts]
    original_pieces, original_tricky = S._safe_pieces, S._TRICKY
    try:
        S._safe_pieces, S._TRICKY = (lambda block: [block]), re.compile(".")  # pysbd on every whole block
        slow = [[(s.start, s.end) for s in split_sentences(t)] for t in texts]
    finally:
        S._safe_pieces, S._TRICKY = original_pieces, original_tricky
    assert fast == slow


def test_a_patient_leaflets_template_sentences_are_boilerplate() -> None:
    text = (
        "Like all medicines, this medicine can cause side effects, although not everybody gets them. "
        "Sarilumab can lower the number of neutrophils. Keep this medicine out of the sight and reach of children. "
        "Tell your doctor if you get a fever."
    )
    roles = [(s.role, s.text.split()[0]) for s in split_sentences(text)]
    assert roles == [("boilerplate", "Like"), ("body", "Sarilumab"), ("boilerplate", "Keep"), ("boilerplate", "Tell")]
    from mechgraph.extract import extract_text

    assert {r.target for r in extract_text(text, source_id="t").relations} <= {"neutrophil", "number_of_neutrophils"}


def test_adverts_link_lists_and_cookie_banners_are_boilerplate() -> None:
    """A news page's advert (after its marker, or holding a shopping call), its related links and
    its cookie banner assert no mechanism; the article around them does."""
    text = (
        "We use cookies to improve this site. [Accept all] [Settings]\n\n"
        "Belatacept blocks CD80 and CD86 on antigen-presenting cells.\n\n"
        "Sponsored\n"
        "Our tea strengthens your immune system naturally.\n\n"
        "Zinc lozenges boost your defences. Order today and get 15% off!\n\n"
        "Abatacept also binds CD80.\n"
        "More on this topic\n"
        "- Ten herbs that calm inflammation\n"
    )
    roles = {s.text: s.role for s in split_sentences(text)}
    assert roles["Belatacept blocks CD80 and CD86 on antigen-presenting cells."] == "body"
    assert roles["Abatacept also binds CD80."] == "body"
    for advert in (
        "We use cookies to improve this site.",
        "[Accept all] [Settings]",
        "Our tea strengthens your immune system naturally.",
        "Zinc lozenges boost your defences.",
        "- Ten herbs that calm inflammation",
    ):
        assert roles[advert] == "boilerplate", advert
