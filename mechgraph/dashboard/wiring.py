"""The kinds of callback the dashboard attaches many times, each written once: a node picker's
autocomplete, a button that sets fixed values, a button that puts the selected node somewhere.

Each helper attaches one callback for one set of component ids, called once per control by the
module that owns the control (no callbacks in loops: every control's wiring stays one line to
find by its id).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dash import Dash, Input, Output, State
from dash.exceptions import PreventUpdate

from .ids import Ids

__all__ = ["OptionsOf", "register_picker", "register_selected_to", "register_setter"]

#: The options of a node picker: (the graph's store, the text typed, the value chosen) -> options.
OptionsOf = Callable[[Any, str | None, Any], list[dict[str, str]]]


def register_picker(app: Dash, picker: str, options: OptionsOf) -> None:
    """The autocomplete of the node picker ``picker``: its options follow what is typed and what is
    chosen, from the graph the browser holds."""

    @app.callback(Output(picker, "options"), Input(picker, "search_value"), Input(picker, "value"), State(Ids.GRAPH, "data"), prevent_initial_call=True)
    def picker_options(text: str | None, value: Any, store: Any) -> list[dict[str, str]]:
        return options(store, text, value)


def register_setter(app: Dash, button: str, *settings: tuple[Output, Any]) -> None:
    """A button that, clicked, sets each output of ``settings`` to its value (clear, show all, ...)."""
    values = tuple(value for _, value in settings)

    @app.callback(*(output for output, _ in settings), Input(button, "n_clicks"), prevent_initial_call=True)
    def set_values(_: int | None) -> Any:
        return values if len(values) > 1 else values[0]


def register_selected_to(app: Dash, button: str, target: Output, *settings: tuple[Output, Any]) -> None:
    """A button of the details panel that puts the selected node in ``target`` (and sets each output
    of ``settings`` to its value); nothing happens while no node is selected."""
    values = tuple(value for _, value in settings)

    @app.callback(target, *(output for output, _ in settings), Input(button, "n_clicks"), State(Ids.SELECTED, "data"), prevent_initial_call=True)
    def use_selected(_: int | None, selected: str | None) -> Any:
        if not selected:
            raise PreventUpdate
        return (selected, *values) if values else selected
