"""The text-to-draft review view: pure functions from a text and the user's decisions.

The browser keeps the text and the decisions (relation id -> accepted or rejected); the server
drafts the text again whenever it needs the draft (:func:`mechgraph.extract.extract_text` is
deterministic, and cached by the text's content), so no draft lives on the server.

Examples
--------
>>> review = draft_of({"text": "Cyclosporine inhibits calcineurin.", "source_id": "note"}, {})
>>> [(r.source, r.relation.value, r.target) for r in review.relations]
[('cyclosporine', 'inhibits', 'calcineurin')]
>>> relation = review.relations[0].id
>>> draft_of({"text": "Cyclosporine inhibits calcineurin.", "source_id": "note"}, {relation: "accepted"}).relations[0].status.value
'accepted'
"""

from __future__ import annotations

import hashlib
import io
import re
import tempfile
import zipfile
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx
from dash import html

from .. import style
from ..extract import Draft, DraftRelation, extract_text, source_id_for
from ..layout import compute_geometry
from ..vocabulary import Status
from .views import HIGHLIGHT_RULES, cytoscape_elements, dashboard_rules, highlight_rules

__all__ = [
    "MAX_TEXT_CHARACTERS",
    "accepted_archive",
    "draft_elements",
    "draft_of",
    "draft_store",
    "draft_stylesheet",
    "lit_ids",
    "relation_options",
    "review_summary",
    "source_with_highlight",
]

#: The longest text the dashboard drafts (about 60 pages).
MAX_TEXT_CHARACTERS = 200_000
_SOURCE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,60}$")


def draft_store(text: str | None, filename: str | None = None) -> tuple[dict[str, str] | None, str | None]:
    """What the browser keeps of a text to draft, or the reason it cannot be drafted.

    >>> draft_store("  ")
    (None, 'Paste a text (or open a .txt file) first.')
    >>> draft_store("IL-2 activates T cells.", "My notes.txt")[0]["source_id"]
    'my-notes'
    """
    if not text or not text.strip():
        return None, "Paste a text (or open a .txt file) first."
    if len(text) > MAX_TEXT_CHARACTERS:
        return None, f"The text has {len(text):,} characters; the dashboard drafts at most {MAX_TEXT_CHARACTERS:,}."
    source_id = source_id_for(filename) if filename else "pasted-text"
    return {"text": text, "source_id": source_id, "name": filename or "pasted text"}, None


@lru_cache(maxsize=16)
def _drafted(digest: str, text: str, source_id: str) -> Draft:
    del digest  # part of the key only: the cache is keyed by content
    return extract_text(text, source_id=source_id, title=f"Draft from {source_id}", source_title=source_id)


def draft_of(store: Mapping[str, Any] | None, decisions: Mapping[str, str] | None) -> Draft | None:
    """The draft of the stored text with the user's decisions applied (None without a text)."""
    if not isinstance(store, Mapping) or not isinstance(store.get("text"), str):
        return None
    text = str(store["text"])[:MAX_TEXT_CHARACTERS]
    source_id = str(store.get("source_id") or "pasted-text")
    source_id = source_id if _SOURCE_ID.match(source_id) else "pasted-text"
    draft = _drafted(hashlib.sha256(text.encode("utf-8")).hexdigest(), text, source_id)
    known = {relation.id for relation in draft.relations}
    decisions = decisions if isinstance(decisions, Mapping) else {}
    for status in (Status.ACCEPTED, Status.REJECTED):
        chosen = [rid for rid, value in (decisions or {}).items() if value == status.value and rid in known]
        if chosen:
            draft = draft.with_status(chosen, status)
    return draft


def review_summary(draft: Draft) -> str:
    """How far the review has come.

    >>> review_summary(draft_of({"text": "Cyclosporine inhibits calcineurin."}, {}))
    '1 relation drafted: 0 accepted, 0 rejected, 1 to review.'
    """
    counts = {status: sum(1 for r in draft.relations if r.status is status) for status in Status}
    total = len(draft.relations)
    return (
        f"{total} relation{'s' if total != 1 else ''} drafted: {counts[Status.ACCEPTED]} accepted, "
        f"{counts[Status.REJECTED]} rejected, {counts[Status.CANDIDATE]} to review."
    )


def _label(draft: Draft, node: str) -> str:
    try:
        return draft.node(node).label
    except KeyError:
        return node


def relation_options(draft: Draft) -> list[dict[str, Any]]:
    """One option per drafted relation: status, the relation as a sentence, confidence and flags."""
    options = []
    for relation in draft.relations:
        flags = [word for word, on in (("negated", relation.negated), ("hedged", relation.hedged)) if on]
        label = html.Span(
            [
                html.Span(relation.status.value, className=f"status status-{relation.status.value}"),
                " ",
                html.Span("NOT ", className="flag flag-negated") if relation.negated else "",
                html.Span(f"{_label(draft, relation.source)} {relation.relation.phrase} {_label(draft, relation.target)}"),
                html.Span(f" · {relation.confidence:.2f}" + "".join(f" · {flag}" for flag in flags), className="muted"),
            ]
        )
        options.append({"label": label, "value": relation.id})
    return options


def next_to_review(draft: Draft, after: str | None) -> str | None:
    """The next relation still to review after ``after`` (wrapping round), or None when done."""
    ids = [r.id for r in draft.relations]
    start = ids.index(after) + 1 if after in ids else 0
    for relation in [*draft.relations[start:], *draft.relations[:start]]:
        if relation.status is Status.CANDIDATE:
            return relation.id
    return after


def _graph(draft: Draft) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    for node in draft.nodes:
        graph.add_node(node.id, kind=node.kind.value, label=node.label)
    for relation in draft.relations:
        for end in (relation.source, relation.target):
            if end not in graph:
                graph.add_node(end, kind="target", label=end)
        graph.add_edge(relation.source, relation.target, key=relation.id)
    return graph


def draft_elements(draft: Draft) -> list[dict[str, Any]]:
    """Cytoscape elements of the draft, laid out on the server as the map is (the causal layout,
    label-sized boxes, relations routed around them); relations carry their status."""
    graph = _graph(draft)
    used = {r.source for r in draft.relations} | {r.target for r in draft.relations}
    shown = graph.subgraph(used).copy()
    if shown.number_of_nodes() == 0:
        return []
    geometry = compute_geometry(shown, method="layered")
    elements = cytoscape_elements(shown, geometry.positions, routes=geometry.routes)  # type: ignore[arg-type]
    relations = {relation.id: relation for relation in draft.relations}
    for element in elements:
        relation = relations.get(element["data"].get("id")) if "source" in element["data"] else None
        if relation is not None:
            element["data"].update(_relation_data(relation))
    return elements


def _relation_data(relation: DraftRelation) -> dict[str, Any]:
    return {
        "id": relation.id,
        "source": relation.source,
        "target": relation.target,
        "relation": relation.relation.value,
        "sign": int(relation.sign),
        "mechanism": relation.mechanism.value if relation.mechanism else "unspecified",
        "status": relation.status.value,
        "negated": int(relation.negated),
        "hedged": int(relation.hedged),
    }


def draft_rules(theme: str) -> list[dict[str, Any]]:
    """How review status shows on the draft canvas: candidates dotted, rejected faint, accepted
    bold; a relation the text denies is grey and labelled "NOT", a hedged one labelled "may"."""
    colours = style.theme_colours(theme)
    label = {"font-size": 11, "color": colours.text, "text-background-opacity": 1, "text-background-color": colours.background}
    return [
        {"selector": 'edge[status = "candidate"]', "style": {"line-style": "dotted"}},
        {"selector": 'edge[status = "accepted"]', "style": {"width": 3}},
        {"selector": "edge[hedged = 1]", "style": {**label, "label": "may"}},
        {
            "selector": "edge[negated = 1]",
            "style": {**label, "label": "NOT", "font-weight": "bold", "line-color": colours.unsigned, "target-arrow-color": colours.unsigned},
        },
        {"selector": 'edge[status = "rejected"]', "style": {"opacity": 0.25}},
    ]


def lit_ids(draft: Draft | None, selected: str | None) -> list[str]:
    """What the canvas lights for a selected relation: the relation and its two end nodes (the
    rest is faded), so the reviewer sees which nodes the relation joins."""
    if not selected:
        return []
    relation = next((r for r in draft.relations if r.id == selected), None) if draft is not None else None
    return [selected] if relation is None else [relation.source, relation.target, selected]


def draft_stylesheet(theme: str, selected: str | None = None, draft: Draft | None = None) -> list[dict[str, Any]]:
    """The draft canvas's stylesheet; the selected relation and its ends are lit by the last rules."""
    return [*style.cytoscape_stylesheet(theme), *dashboard_rules(theme), *draft_rules(theme), *highlight_rules(lit_ids(draft, selected), theme=theme)]


def draft_stylesheet_length(theme: str) -> int:
    return len(draft_stylesheet(theme)) - HIGHLIGHT_RULES


def source_with_highlight(draft: Draft, relation_id: str | None) -> list[Any]:
    """The source text, with the sentences that support the selected relation marked."""
    text = draft.text
    try:
        spans = sorted(draft.sentence_spans(relation_id)) if relation_id else []
    except KeyError:
        spans = []
    parts: list[Any] = []
    position = 0
    for start, end in spans:
        if start < position or end > len(text):
            continue
        parts.append(text[position:start])
        parts.append(html.Mark(text[start:end]))
        position = end
    parts.append(text[position:])
    return parts


def accepted_archive(draft: Draft) -> tuple[bytes, str]:
    """A zip of the accepted graph (native YAML) and the text its quotes rest on, and its name."""
    accepted = draft.accepted()
    stem = re.sub(r"[^a-z0-9]+", "-", draft.source_id.lower()).strip("-") or "draft"
    with tempfile.TemporaryDirectory(prefix="mechgraph-draft-") as folder:
        path = Path(folder) / f"{stem}-accepted.yaml"
        text_file = accepted.write(path)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bundle:
            bundle.write(path, path.name)
            bundle.write(text_file, text_file.relative_to(folder).as_posix())
    return buffer.getvalue(), f"{stem}-accepted.zip"
