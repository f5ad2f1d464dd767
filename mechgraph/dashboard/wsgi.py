"""The WSGI entry point, for running the dashboard under a production server.

    gunicorn -w 2 -b 127.0.0.1:8050 mechgraph.dashboard.wsgi:server

Set ``MECHGRAPH_GRAPH`` to a graph file to serve it instead of the bundled graph, or
``MECHGRAPH_DB`` to a database written by ``mechgraph import`` (as ``mechgraph serve --db``: a
store too large to hold is served region by region; every worker opens it read-only). Each worker
reads the graph once; users' views live in their browsers, so any worker answers any request.
"""

from __future__ import annotations

import os
from pathlib import Path

import dash

from .app import create_app

__all__ = ["app", "server"]


def _app() -> dash.Dash:
    graph_file = os.environ.get("MECHGRAPH_GRAPH") or None
    db = os.environ.get("MECHGRAPH_DB") or None
    if db is None:
        return create_app(graph_file)
    from ..cli.store_commands import served_app_arguments

    return create_app(**served_app_arguments(Path(db), Path(graph_file) if graph_file else None))


app = _app()
server = app.server
