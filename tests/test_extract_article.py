"""The source article: the draft validates and holds the article's mechanisms (issue 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from mechgraph.extract import Draft, default_lexicon, extract_file
from mechgraph.extract.gold import bundled_gold_dir, read_gold, score_draft
from mechgraph.graph import validate_file
from mechgraph.resources import data_dir
from mechgraph.vocabulary import Mechanism, Route

ARTICLE = data_dir() / "sources" / "immunomodulation-article.txt"


@pytest.fixture(scope="module")
def draft() -> Draft:
    return extract_file(ARTICLE, lexicon=default_lexicon())


def pairs(draft: Draft) -> set[tuple[str, str, str]]:
    return {(r.source, r.sign.symbol, r.target) for r in draft.relations if not r.negated}


def test_draft_of_the_article_validates(tmp_path: Path, draft: Draft) -> None:
    draft.write(tmp_path / "draft.yaml")
    report = validate_file(tmp_path / "draft.yaml")
    assert report.ok, [str(p) for p in report.problems]


PROCESSES = ("gene_expression", "mrna_processing", "intracellular_protein_transport", "protein_synthesis", "protein_secretion", "surface_protein_expression")
PHASES = ("induction_of_immune_response", "maintenance_of_immune_response", "regulation_of_immune_response")


def test_the_six_processes_and_three_phases(draft: Draft) -> None:
    found = pairs(draft)
    for process in PROCESSES:
        assert ("immunomodulator", "?", process) in found
        for phase in PHASES:
            assert (process, "?", phase) in found


def test_direct_and_indirect_routes(draft: Draft) -> None:
    by_target = {r.target: r for r in draft.relations}
    direct = by_target["immune_cell_component"]
    assert direct.mechanism is Mechanism.DIRECT and {m.value for m in direct.measurable_in} == {"in_vitro", "in_vivo"}
    indirect = [r for r in draft.relations if r.mechanism is Mechanism.INDIRECT]
    assert indirect and all([m.value for m in r.measurable_in] == ["in_vivo"] for r in indirect)


def test_stimulate_or_inhibit_and_the_broken_balance(draft: Draft) -> None:
    found = pairs(draft)
    assert {("immunomodulator", "+", "immune_response"), ("immunomodulator", "-", "immune_response")} <= found
    assert {("radiotherapy", "-", "immune_system_balance"), ("chemotherapy", "-", "immune_system_balance")} <= found


def test_routes_of_administration(draft: Draft) -> None:
    assert draft.node("immunomodulator").routes == (Route.ORAL, Route.INTRAVENOUS, Route.SUBCUTANEOUS)


def test_nothing_from_the_advert_or_the_aftercare_lines(draft: Draft) -> None:
    text = draft.text
    advert = text.index("Read Now")
    aftercare = text.index("Aftercare after surgery")
    for relation in draft.relations:
        for span in relation.evidence:
            assert not (advert <= span.start < advert + 30)
            assert span.start < aftercare
    roles = {s.text: s.role for s in draft.sentences}
    assert roles["What is immunomodulation?"] == "question"
    assert roles["help to activate, reinforce or restore normal immune function."] == "repeat"


def test_the_figures_to_reach_on_the_article(draft: Draft) -> None:
    score = score_draft(draft, read_gold(bundled_gold_dir() / "immunomodulation-article.gold.yaml"))
    assert score.recall >= 0.8 and score.precision >= 0.8, (score.misses, score.false_positives)
    assert score.routes_found == score.routes_expected == 3
