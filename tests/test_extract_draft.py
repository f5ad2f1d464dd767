"""Drafts: the native format, writing beside the text, review, reading back."""

from __future__ import annotations

from pathlib import Path

import pytest

from mechgraph.errors import DataError
from mechgraph.extract import Draft, default_lexicon, draft_from_document, extract_text, read_draft
from mechgraph.graph import read_graph, validate_file
from mechgraph.vocabulary import Status

TEXT = (
    "Sirolimus\r\n\r\nSirolimus binds FKBP12 and inhibits mTOR.  It may also reduce T-cell proliferation;\n"
    "it does not inhibit calcineurin. Sirolimus is given orally. IFN-α increases the levels of the "
    "opioid growth factor receptor (OGFr) — <b>bold</b>."
)


@pytest.fixture(scope="module")
def draft() -> Draft:
    return extract_text(TEXT, source_id="sirolimus-note", lexicon=default_lexicon(), title="Sirolimus note")


def test_written_draft_validates_and_reads_back(tmp_path: Path, draft: Draft) -> None:
    path = tmp_path / "my draft.yaml"
    text_copy = draft.write(path)
    assert text_copy == tmp_path / "my_draft.sources" / "sirolimus-note.txt"
    assert text_copy.read_bytes() == TEXT.encode("utf-8")  # the CRLF and the em dash kept as they are
    report = validate_file(path)
    assert report.ok, [str(p) for p in report.problems]
    assert [p.name for p in tmp_path.iterdir()] and not list(tmp_path.glob(".*.tmp"))
    back = read_draft(path)
    assert [(r.id, r.source, r.relation, r.target, r.negated, r.hedged, r.confidence) for r in back.relations] == [
        (r.id, r.source, r.relation, r.target, r.negated, r.hedged, r.confidence) for r in draft.relations
    ]
    assert back.text == TEXT
    graph = read_graph(path)
    assert all(data["status"] == "candidate" for _, _, data in graph.edges(data=True))


def test_offsets_quote_the_raw_text(draft: Draft) -> None:
    assert draft.relations
    for relation in draft.relations:
        for span in relation.evidence:
            assert draft.text[span.start : span.end] == span.quote


def test_negation_and_hedging_markers_in_the_note(draft: Draft) -> None:
    document = draft.to_document()
    notes = {(r["from"], r["to"]): r["note"] for r in document["relations"]}
    assert 'negated ("not")' in notes[("sirolimus", "calcineurin")]
    assert 'hedged ("may")' in notes[("sirolimus", "t_cell_proliferation")]
    assert all(note.startswith("extract:") for note in notes.values())


def test_candidate_nodes_and_routes(draft: Draft) -> None:
    document = draft.to_document()
    nodes = {node["id"]: node for node in document["nodes"]}
    assert nodes["opioid_growth_factor_receptor"]["status"] == "candidate"
    assert "oral" in nodes["sirolimus"]["routes"] and nodes["sirolimus"]["status"] == "candidate"
    assert "status" not in nodes["mtor"]  # a curated node, nothing new about it


def test_review_returns_new_drafts(tmp_path: Path, draft: Draft) -> None:
    first, second = draft.relations[0].id, draft.relations[1].id
    reviewed = draft.accept(first).reject(second)
    assert draft.relations[0].status is Status.CANDIDATE  # the original is unchanged
    assert reviewed.relation(first).status is Status.ACCEPTED
    assert reviewed.relation(second).status is Status.REJECTED
    accepted = reviewed.accepted()
    assert [r.id for r in accepted.relations] == [first]
    assert {n.id for n in accepted.nodes} == {accepted.relations[0].source, accepted.relations[0].target}
    accepted.write(tmp_path / "accepted.yaml")
    graph = read_graph(tmp_path / "accepted.yaml")
    assert graph.number_of_edges() == 1
    assert all(data.get("status") in (None, "accepted") for _, data in graph.nodes(data=True))
    with pytest.raises(KeyError):
        draft.accept("no-such-relation")


def test_sentence_spans_for_highlighting(draft: Draft) -> None:
    relation = draft.relations[0]
    (start, end), *_ = draft.sentence_spans(relation.id)
    assert draft.text[start:end] == relation.evidence[0].quote


def test_draft_from_document_checks_offsets(draft: Draft) -> None:
    document = draft.to_document()
    document["relations"][0]["evidence"][0]["start"] += 1
    with pytest.raises(DataError):
        draft_from_document(document, draft.text)


def test_negated_relations_never_reach_the_accepted_graph(tmp_path: Path, draft: Draft) -> None:
    """Accepting everything, one by one or in bulk, never asserts what the text denies: an accepted
    negated relation is written ``negated: true`` and the graph keeps it beside its edges."""
    import io
    import zipfile

    from mechgraph.dashboard.draft import accepted_archive, relation_options
    from mechgraph.graph import negated_relations
    from mechgraph.yamltext import parse_yaml

    negated = [r for r in draft.relations if r.negated]
    assert negated  # "it does not inhibit calcineurin"
    assert all(r.status is Status.CANDIDATE for r in draft.accept_all().relations if r.negated)
    everything = draft.accept(*[r.id for r in draft.relations])
    content, _name = accepted_archive(everything)
    with zipfile.ZipFile(io.BytesIO(content)) as bundle:
        bundle.extractall(tmp_path)
    (path,) = tmp_path.glob("*.yaml")
    written = {r["id"]: r for r in parse_yaml(path.read_text(encoding="utf-8")).data["relations"]}
    assert all(written[r.id].get("negated") is True for r in negated)
    assert all("negated" not in written[r.id] for r in draft.relations if not r.negated)
    graph = read_graph(path)
    edges = {key for _, _, key in graph.edges(keys=True)}
    assert not edges & {r.id for r in negated}  # no query can walk a denied relation
    assert {r.id for r in draft.relations if not r.negated} <= edges
    assert {item["id"] for item in negated_relations(graph)} == {r.id for r in negated}
    labels = [str(option["label"]) for option in relation_options(draft)]
    assert sum("NOT" in label for label in labels) == len(negated)  # the review tab shows the flag


def test_negation_and_hedging_are_fields_of_the_written_relation(draft: Draft) -> None:
    document = draft.to_document()
    fields = {(r["from"], r["to"]): r for r in document["relations"]}
    assert fields[("sirolimus", "calcineurin")]["negated"] is True
    assert fields[("sirolimus", "t_cell_proliferation")]["hedged"] is True
    assert "negated" not in fields[("sirolimus", "mtor")] and "hedged" not in fields[("sirolimus", "mtor")]
    # The fields decide on reading back: a reviewer who clears "negated" is believed over the note.
    cleared = [dict(r, negated=False) if (r["from"], r["to"]) == ("sirolimus", "calcineurin") else r for r in document["relations"]]
    back = draft_from_document({**document, "relations": cleared}, draft.text)
    assert not next(r for r in back.relations if r.target == "calcineurin").negated
    # A draft written before the fields existed is read by its note.
    old = [{k: v for k, v in r.items() if k not in ("negated", "hedged")} for r in document["relations"]]
    back = draft_from_document({**document, "relations": old}, draft.text)
    assert [r.negated for r in back.relations] == [r.negated for r in draft.relations]
