"""The kinds of callback the dashboard attaches many times, each written once: a node picker's
autocomplete, a button that sets fixed values, a button that puts the selected node somewhere.

Each helper attaches one callback for one set of component ids, called once per control by the
module that owns the control (no callbacks in loops: every control's wiring stays one line to
find by its id).

Besides, the parts of a callback's declaration that several callbacks share: the properties that
one value is derived from, declared once as a tuple of (component id, property) and made the
outputs, inputs or states of each callback that writes or reads that value (:func:`outputs`,
:func:`inputs`, :func:`states`), here when callbacks of several modules share it (:data:`VIEW`,
:data:`LOOK`, :data:`DETAILS_SHOWN`); a callback run by the browser (:func:`register_in_browser`); a file opened in an upload (:func:`upload`); a button busy
while its callback runs (:func:`while_running`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from dash import Dash, Input, Output, State
from dash.exceptions import PreventUpdate

from .ids import Ids

__all__ = [
    "DETAILS_SHOWN",
    "LOOK",
    "VIEW",
    "OptionsOf",
    "Prop",
    "inputs",
    "outputs",
    "register_in_browser",
    "register_picker",
    "register_selected_to",
    "register_setter",
    "states",
    "upload",
    "while_running",
]

#: The options of a node picker: (the graph's store, the text typed, the value chosen) -> options.
OptionsOf = Callable[[Any, str | None, Any], list[dict[str, str]]]
#: A property of a component that a callback reads or writes: (component id, property).
Prop = tuple[str, str]

#: What the view on screen is derived from: the view's part of the link and the graph the browser
#: holds (the map, its figures and the details of what is clicked on it read both).
VIEW: tuple[Prop, ...] = ((Ids.VIEW_KEY, "data"), (Ids.GRAPH, "data"))
#: How both canvases (dash-cytoscape's and the WebGL one) colour the view: the theme and the
#: elements lit (a chosen path).
LOOK: tuple[Prop, ...] = ((Ids.THEME, "value"), (Ids.HIGHLIGHT, "data"))
#: What a click on either canvas shows: the details panel, the node selected (none for a relation
#: or a group) and the side panel's tab.
DETAILS_SHOWN: tuple[Prop, ...] = ((Ids.DETAILS, "children"), (Ids.SELECTED, "data"), (Ids.TABS, "value"))


def inputs(*props: Prop) -> list[Input]:
    """``props`` as a callback's inputs, in order.

    >>> inputs(("graph", "data"), ("theme", "value"))
    [<Input `graph.data`>, <Input `theme.value`>]
    """
    return [Input(component, prop) for component, prop in props]


def states(*props: Prop) -> list[State]:
    """``props`` as a callback's states, in order."""
    return [State(component, prop) for component, prop in props]


def outputs(*props: Prop, allow_duplicate: bool = False) -> list[Output]:
    """``props`` as a callback's outputs, in order (``allow_duplicate`` where other callbacks write
    them too).

    >>> outputs(("details", "children"), allow_duplicate=True)[0].allow_duplicate
    True
    """
    return [Output(component, prop, allow_duplicate=allow_duplicate) for component, prop in props]


def upload(component: str) -> tuple[Input, State]:
    """A file opened in the upload ``component``, as a callback reads it: its contents (the input)
    and its file name (a state).

    >>> upload("draft-upload")
    (<Input `draft-upload.contents`>, <State `draft-upload.filename`>)
    """
    return Input(component, "contents"), State(component, "filename")


def while_running(button: str, busy: Any, idle: Any) -> list[tuple[Output, Any, Any]]:
    """The ``running`` of a callback that ``button`` starts: the button disabled and showing
    ``busy`` while the callback runs, enabled and showing ``idle`` again after."""
    return [(Output(button, "disabled"), True, False), (Output(button, "children"), busy, idle)]


def register_in_browser(app: Dash, function: str, *dependencies: Output | Input | State) -> None:
    """A callback that runs in the browser: ``function``, JavaScript source, is given the values of
    the inputs and states of ``dependencies`` in order and returns the outputs'; never on page load.
    """
    app.clientside_callback(function, *dependencies, prevent_initial_call=True)


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
