"""The WSGI entry point, for running the dashboard under a production server.

    gunicorn -w 2 -b 127.0.0.1:8050 mechgraph.dashboard.wsgi:server

Set ``MECHGRAPH_GRAPH`` to a graph file to serve it instead of the bundled graph. Each worker
reads the graph once; users' views live in their browsers, so any worker answers any request.
"""

from __future__ import annotations

import os

from .app import create_app

__all__ = ["app", "server"]

app = create_app(os.environ.get("MECHGRAPH_GRAPH") or None)
server = app.server
