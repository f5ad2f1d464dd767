"""The dashboard's callbacks of the text-to-draft review tab: draft a pasted or opened text, review
each relation against its sentence, download the accepted graph. As elsewhere, the browser keeps
the text and the decisions; every callback re-derives the draft from them."""

from __future__ import annotations

import base64
import binascii
from typing import Any

from dash import Dash, Input, Output, Patch, State, ctx, no_update
from dash.exceptions import PreventUpdate

from ..style import Theme
from ..vocabulary import Status
from . import draft as drafting
from . import views
from .ids import Ids
from .wiring import Prop, inputs, outputs, states, upload, while_running

__all__ = ["decode_text_upload", "register_draft_callbacks"]

#: What a review is re-derived from (:func:`~mechgraph.dashboard.draft.draft_of`): the draft in
#: the browser (the text and what was drafted from it) and the decisions taken on its relations.
_REVIEW: tuple[Prop, ...] = ((Ids.DRAFT_STORE, "data"), (Ids.DRAFT_DECISIONS, "data"))
#: What a review shows of its draft: the relations to review, the draft graph, a summary, and
#: whether there is anything accepted to download.
_DRAFT_SHOWN: tuple[Prop, ...] = (
    (Ids.DRAFT_RELATIONS, "options"),
    (Ids.DRAFT_CANVAS, "elements"),
    (Ids.DRAFT_STATUS, "children"),
    (Ids.DRAFT_DOWNLOAD_BUTTON, "disabled"),
)
#: What a review shows of the relation selected: its sentence marked in the text, the relation lit
#: on the draft graph, and whether it can be accepted or rejected.
_SELECTED_SHOWN: tuple[Prop, ...] = (
    (Ids.DRAFT_SOURCE, "children"),
    (Ids.DRAFT_CANVAS, "stylesheet"),
    (Ids.DRAFT_ACCEPT, "disabled"),
    (Ids.DRAFT_REJECT, "disabled"),
)


def register_draft_callbacks(app: Dash) -> None:
    """The callbacks of the text-to-draft review tab."""

    @app.callback(
        *outputs(*_REVIEW, (Ids.DRAFT_TEXT, "value"), (Ids.DRAFT_STATUS, "children"), (Ids.DRAFT_RELATIONS, "value")),
        Input(Ids.DRAFT_RUN, "n_clicks"),
        *upload(Ids.DRAFT_UPLOAD),
        State(Ids.DRAFT_TEXT, "value"),
        running=while_running(Ids.DRAFT_RUN, "Drafting…", "Draft relations"),
        prevent_initial_call=True,
    )
    def start_draft(_: int | None, contents: str | None, filename: str | None, typed: str | None) -> tuple[Any, ...]:
        """Keep the pasted or opened text in the browser and start a fresh review of it."""
        uploaded = f"{Ids.DRAFT_UPLOAD}.contents" in ctx.triggered_prop_ids
        text, problem = decode_text_upload(contents, filename) if uploaded else (typed, None)
        store, problem = (None, problem) if problem else drafting.draft_store(text, filename if uploaded else None)
        if store is None:
            return no_update, no_update, no_update, views.notice_list([problem or "nothing to draft"], kind="error"), no_update
        draft = drafting.draft_of(store, {})
        first = draft.relations[0].id if draft and draft.relations else None
        return store, {}, text if uploaded else no_update, no_update, first

    @app.callback(*outputs(*_DRAFT_SHOWN, allow_duplicate=True), *inputs(*_REVIEW), prevent_initial_call=True)
    def show_draft(store: dict[str, Any] | None, decisions: dict[str, str] | None) -> tuple[Any, ...]:
        """The drafted relations to review, and the draft graph beside the text."""
        draft = drafting.draft_of(store, decisions)
        if draft is None:
            raise PreventUpdate
        accepted = any(r.status is Status.ACCEPTED for r in draft.relations)
        return drafting.relation_options(draft), drafting.draft_elements(draft), views.notice_list([drafting.review_summary(draft)]), not accepted

    @app.callback(*outputs(*_SELECTED_SHOWN), *inputs((Ids.DRAFT_RELATIONS, "value"), (Ids.DRAFT_STORE, "data"), (Ids.THEME, "value")))
    def show_selected(selected: str | None, store: dict[str, Any] | None, theme: str | None) -> tuple[Any, ...]:
        """The supporting sentence marked in the text; the relation lit on the canvas (a Patch)."""
        draft = drafting.draft_of(store, {})
        theme = Theme.of(theme).value
        source = drafting.source_with_highlight(draft, selected) if draft else []
        if ctx.triggered_id == Ids.DRAFT_RELATIONS:
            sheet: Any = Patch()
            for offset, rule in enumerate(views.highlight_rules(drafting.lit_ids(draft, selected), theme=theme)):
                sheet[drafting.draft_stylesheet_length(theme) + offset] = rule
        else:
            sheet = drafting.draft_stylesheet(theme, selected, draft)
        return source, sheet, selected is None, selected is None

    decision = outputs((Ids.DRAFT_DECISIONS, "data"), (Ids.DRAFT_RELATIONS, "value"), allow_duplicate=True)
    buttons = inputs((Ids.DRAFT_ACCEPT, "n_clicks"), (Ids.DRAFT_REJECT, "n_clicks"))

    @app.callback(*decision, *buttons, State(Ids.DRAFT_RELATIONS, "value"), *states(*_REVIEW), prevent_initial_call=True)
    def decide(_: int | None, __: int | None, selected: str | None, store: dict[str, Any] | None, decisions: dict[str, str] | None) -> tuple[Any, ...]:
        """Accept or reject the selected relation, then move on to the next one to review."""
        if not selected:
            raise PreventUpdate
        status = Status.ACCEPTED if ctx.triggered_id == Ids.DRAFT_ACCEPT else Status.REJECTED
        decided = {**(decisions if isinstance(decisions, dict) else {}), str(selected): status.value}
        draft = drafting.draft_of(store, decided)
        return decided, drafting.next_to_review(draft, selected) if draft else no_update

    @app.callback(Output(Ids.DRAFT_RELATIONS, "value", allow_duplicate=True), Input(Ids.DRAFT_CANVAS, "tapEdgeData"), prevent_initial_call=True)
    def select_tapped_relation(edge: dict[str, Any] | None) -> str:
        if not edge or not edge.get("id"):
            raise PreventUpdate
        return str(edge["id"])

    @app.callback(
        Output(Ids.DRAFT_DOWNLOAD, "data"),
        Input(Ids.DRAFT_DOWNLOAD_BUTTON, "n_clicks"),
        *states(*_REVIEW),
        prevent_initial_call=True,
    )
    def download_accepted(_: int | None, store: dict[str, Any] | None, decisions: dict[str, str] | None) -> dict[str, Any]:
        """The accepted relations as a native graph, zipped with the text their quotes rest on."""
        draft = drafting.draft_of(store, decisions)
        if draft is None:
            raise PreventUpdate
        content, filename = drafting.accepted_archive(draft)
        return {"content": base64.b64encode(content).decode("ascii"), "filename": filename, "base64": True, "type": "application/zip"}


def decode_text_upload(contents: str | None, filename: str | None) -> tuple[str | None, str | None]:
    """The text of an uploaded .txt file, or why it cannot be read (size checked before decoding)."""
    name = filename or "the file"
    _, _, payload = (contents or "").partition(",")
    if len(payload) > 4 * drafting.MAX_TEXT_CHARACTERS:
        return None, f"{name} is too large: the dashboard drafts at most {drafting.MAX_TEXT_CHARACTERS:,} characters."
    try:
        return base64.b64decode(payload, validate=True).decode("utf-8"), None
    except (binascii.Error, ValueError):
        return None, f"{name} is not UTF-8 text: save it as plain text (.txt) and open it again."
