"""The mechgraph dashboard: explore a mechanism graph in the browser (Dash + dash-cytoscape).

Start it with ``mechgraph serve [FILE]``, or build it with :func:`create_app`. Importing this
package is cheap; Dash is loaded when :func:`create_app` is first asked for.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from .app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
