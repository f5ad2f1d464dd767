"""The dashboard's callbacks on files: open a graph (an upload, checked in the browser for size and
on the server for everything), go back to the server's graph, and download the view on screen."""

from __future__ import annotations

from typing import Any

from dash import Dash, Input, Output, State, no_update
from dash.exceptions import PreventUpdate

from ..errors import MechgraphError
from ..style import Theme
from . import reasoning, views
from .exports import export_view
from .graphs import UploadLimits, decode_upload
from .ids import Ids
from .services import Services
from .state import ViewState, parse_query
from .wiring import Prop, outputs, states, while_running

__all__ = ["fresh_view", "register_file_callbacks"]

#: What opening a graph (an upload, or back to the server's) changes: the graph the browser holds,
#: the upload's message and the link, on a fresh view.
_OPENED: tuple[Prop, ...] = ((Ids.GRAPH, "data"), (Ids.UPLOAD_STATUS, "children"), (Ids.URL, "search"))


def register_file_callbacks(app: Dash, services: Services, limits: UploadLimits) -> None:
    """The callbacks that open a graph (upload, back to the server's graph) and download the view."""

    @app.callback(
        *outputs(*_OPENED, allow_duplicate=True),
        Input(Ids.UPLOAD_PAYLOAD, "data"),
        State(Ids.THEME, "value"),
        running=while_running(Ids.UPLOAD, views.upload_label("Reading the graph…"), views.upload_label()),
        prevent_initial_call=True,
    )
    def upload_graph(payload: dict[str, Any] | None, theme: str | None) -> tuple[Any, Any, Any]:
        """Read, check and keep the user's graph in their own browser; list every problem.
        A new graph opens on a fresh view (the last graph's focus, filters and path mean nothing in it)."""
        if not isinstance(payload, dict) or not payload.get("contents"):
            raise PreventUpdate
        contents, filename = str(payload["contents"]), str(payload.get("filename") or "upload")
        upload = decode_upload(contents, filename, limits=limits, signer=services.graphs.signer)
        if upload.store is None:
            return no_update, views.upload_problems(filename, upload.problems), no_update
        return upload.store, views.upload_done(upload.store, upload.notes), fresh_view(theme)

    closed = (Output(Ids.UPLOAD, "contents"), Input(Ids.RESET_GRAPH, "n_clicks"), State(Ids.THEME, "value"))

    @app.callback(*outputs(*_OPENED, allow_duplicate=True), *closed, prevent_initial_call=True)
    def reset_graph(_: int | None, theme: str | None) -> tuple[None, Any, str, None]:
        return None, views.notice_list(["Back to the graph this server opened."]), fresh_view(theme), None

    @app.callback(
        *outputs((Ids.DOWNLOAD, "data"), (Ids.EXPORT_STATUS, "children")),
        Input(Ids.POSITIONS, "data"),
        *states((Ids.STATE, "data"), (Ids.GRAPH, "data")),
        running=while_running(Ids.EXPORT, "Preparing…", "Download"),
        prevent_initial_call=True,
    )
    def export(request: dict[str, Any] | None, query: str | None, store: dict[str, Any] | None) -> tuple[Any, Any]:
        """Write the view on screen, with the positions the browser sent, in the chosen format."""
        if not isinstance(request, dict) or not request:
            raise PreventUpdate
        try:
            key, graph = services.graph(store)
            state = parse_query(query)[0]
            drawing = services.drawing(key, graph, state)
            given, blocked = reasoning.perturbed_nodes(state)
            known = [n for n in given if n in graph], [n for n in blocked if n in graph]
            perturbation = (graph, *known) if any(known) else None
            download = export_view(drawing, request, theme=state.theme, source_texts=services.graphs.source_texts(store), perturbation=perturbation)
        except MechgraphError as error:
            return no_update, views.notice_list([f"Export failed: {error}"], kind="error")
        return download.data, views.notice_list([download.message])


def fresh_view(theme: str | None) -> str:
    """The link of a fresh view of a newly opened graph: nothing but the theme kept.

    >>> fresh_view("dark"), fresh_view("light"), fresh_view(None)
    ('?theme=dark', '', '')
    """
    return ViewState(theme=Theme.of(theme)).to_query()
