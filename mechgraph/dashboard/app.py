"""Build the dashboard: ``create_app(graph_path)`` returns a ready :class:`dash.Dash`.

The served graph is read once per process and never changed; everything a user does lives in
their browser (the URL and ``dcc.Store``), so the app runs unchanged under several workers.

Examples
--------
>>> app = create_app()
>>> app.title
'mechgraph'
>>> app.server.config["MAX_CONTENT_LENGTH"] > 10 * 1024 * 1024
True
"""

from __future__ import annotations

import gc
from pathlib import Path

import dash
import networkx as nx

from ..resources import assets_dir
from .callbacks import register_callbacks
from .graphs import GraphCache, UploadLimits, served_source_texts
from .layout import page
from .regions import StoreRegions
from .security import harden, on_callback_error
from .services import Services
from .trust import StoreSigner, load_secret_key
from .webgl import BUNDLE_PATH, VIEW_MAX_ELEMENTS, WEBGL_FROM

__all__ = ["DEFAULT_MAX_UPLOAD_BYTES", "create_app", "load_served_graph", "request_limit"]

DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024
#: Only the dashboard's own stylesheet and scripts are loaded from the assets folder.
_ASSETS_IGNORE = r"^(?!dashboard(-webgl)?\.(css|js)$).*\.(css|js)$"


def load_served_graph(graph_path: str | Path | None) -> nx.MultiDiGraph:
    """The graph to serve: the bundled one, or a file in any format the registry reads, through
    the command line's one loader (read with the file limits in force, then checked).

    The path comes from whoever starts the server (``mechgraph serve``, ``MECHGRAPH_GRAPH``),
    never from a request.

    >>> load_served_graph(None).graph["title"] != ""
    True
    """
    from ..formats.registry import load

    graph = load(Path(graph_path) if graph_path is not None else None).graph
    nx.freeze(graph)
    return graph


def request_limit(limits: UploadLimits) -> int:
    """The largest request body the dashboard reads: one upload or stored graph, and 512 KiB more.

    >>> request_limit(UploadLimits(max_bytes=3_000_000))
    4589824
    """
    return max(limits.max_base64_length, limits.max_store_length) + 512 * 1024


def create_app(
    graph_path: str | Path | None = None,
    *,
    graph: nx.MultiDiGraph | None = None,
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
    max_nodes: int = 20_000,
    max_relations: int = 50_000,
    secret_key: bytes | None = None,
    regions: StoreRegions | None = None,
    webgl_from: int = WEBGL_FROM,
    max_elements: int = VIEW_MAX_ELEMENTS,
) -> dash.Dash:
    """The dashboard on ``graph_path`` (the bundled graph when None), or on a graph already built.

    Parameters
    ----------
    graph_path : str or Path, optional
        A graph file in any format mechgraph reads; read and checked once.
    graph : networkx.MultiDiGraph, optional
        A graph to serve instead of a file (benchmarks, tests); it is not modified.
    max_upload_bytes, max_nodes, max_relations : int
        Limits on a graph a user uploads.
    secret_key : bytes, optional
        The key that signs the graphs users keep in their browsers; by default from the
        environment or the key file every worker shares (see :mod:`mechgraph.dashboard.trust`).
    regions : StoreRegions, optional
        A store too large to hold (``mechgraph serve --db``): each view is drawn from the region
        of the store it needs (:mod:`mechgraph.dashboard.regions`) instead of a graph.
    webgl_from, max_elements : int
        Views of ``webgl_from`` nodes and relations or more are drawn with WebGL; views of more
        than ``max_elements`` (with ``regions``: its own cap) as their overview, with a notice.
    """
    served = regions.stub() if regions is not None else graph if graph is not None else load_served_graph(graph_path)
    # The served graph lives as long as the process: keep the garbage collector from walking it
    # on every collection (a 10,000-relation graph is a million objects).
    gc.freeze()
    limits = UploadLimits(max_bytes=max_upload_bytes, max_nodes=max_nodes, max_relations=max_relations)
    app = dash.Dash(
        __name__,
        title="mechgraph",
        update_title=None,  # type: ignore[arg-type]  # dash: None turns the "Updating..." title off
        assets_folder=str(assets_dir()),
        assets_ignore=_ASSETS_IGNORE,
        serve_locally=True,
        external_scripts=[BUNDLE_PATH],  # sigma.js for large views, served by the app itself (webgl.py)
        compress=False,
        on_error=on_callback_error,
    )
    # The largest request the page sends is one upload (its base64 text) or one stored graph (a
    # compressed token, never longer than that): anything larger is refused with 413 from its
    # Content-Length, before a byte of it is read or parsed.
    app.server.config["MAX_CONTENT_LENGTH"] = request_limit(limits)
    app.layout = page(max_upload_base64=limits.max_base64_length)
    signer = StoreSigner(secret_key if secret_key is not None else load_secret_key()[0])
    graphs = GraphCache(default=served, limits=limits, signer=signer, default_texts=served_source_texts(served))
    register_callbacks(app, Services(graphs, regions, webgl_from=webgl_from, max_elements=max_elements), limits=limits)
    harden(app)
    return app
