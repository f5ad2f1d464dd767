"""Evidence in the exported HTML page reads for what it is: a quote labelled and styled as a
quote, a note as a note, a source by its title (else its URL) with its PMID or DOI."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from mechgraph.export import export_html

from .test_export_browser import _wait_ready, visit  # noqa: F401  (visit is a fixture)

pytestmark = pytest.mark.browser

PUBMED = "http://www.ncbi.nlm.nih.gov/pubmed/8591053"


def evidence_graph() -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    g.graph.update(
        title="Evidence",
        sources={
            "article": {"id": "article", "title": "Immunomodulation (source article)"},
            "C2": {"id": "C2", "url": PUBMED},
        },
    )
    g.add_node("csa", kind="agent", label="Cyclosporine")
    g.add_node("cn", kind="target", label="Calcineurin")
    evidence = [
        {"source": "article", "quote": "Cyclosporine inhibits calcineurin.", "title": "Immunomodulation (source article)"},
        {"source": "C2", "note": "acts as the cyclosporine-cyclophilin complex", "url": PUBMED},
    ]
    g.add_edge("csa", "cn", key="r1", id="r1", relation="inhibits", sign=-1, mechanism="direct", evidence=evidence)
    return g  # fmt: skip


def test_exported_evidence_labels_quotes_and_notes_and_names_sources(visit: Any, tmp_path: Path) -> None:  # noqa: F811
    record = visit(export_html(evidence_graph(), tmp_path / "evidence.html", layout="compact"))
    page = record.page
    _wait_ready(page)
    page.evaluate(
        "() => window.mechgraph.network.emit('click', {nodes: [], edges: [window.mechgraph.data.edges.id.indexOf('r1')], pointer: {DOM: {x: 0, y: 0}}})"
    )
    details = page.locator("#mechgraph-details")
    details.wait_for(state="visible")
    quote = details.locator("figure.mechgraph-quote")
    assert quote.count() == 1
    assert quote.locator("figcaption").inner_text().lower() == "quote"
    assert details.locator("blockquote").all_inner_texts() == ["Cyclosporine inhibits calcineurin."]  # the note is no quote
    note = details.locator(".mechgraph-note")
    assert note.locator(".mechgraph-label").inner_text().lower() == "note"
    assert note.locator("p").inner_text() == "acts as the cyclosporine-cyclophilin complex"
    assert note.evaluate("n => getComputedStyle(n.querySelector('p')).fontStyle") == "normal"
    cites = details.locator(".mechgraph-cite").all_inner_texts()
    assert cites[0] == "Source: Immunomodulation (source article) [article]"
    assert cites[1] == f"Source: {PUBMED} · PMID 8591053 [C2]"  # the URL, not a bare domain
    links = details.locator(".mechgraph-cite a").evaluate_all("anchors => anchors.map(a => a.getAttribute('href'))")
    assert links == [PUBMED, "https://pubmed.ncbi.nlm.nih.gov/8591053/"]
    record.assert_clean()
