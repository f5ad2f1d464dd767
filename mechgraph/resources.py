"""Where the bundled data and assets are, in a source checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

from .errors import ReadError

__all__ = ["assets_dir", "bundled_graph_path", "data_dir"]

_PACKAGE = Path(__file__).resolve().parent
BUNDLED_GRAPH = "immunomodulation.yaml"


def _first_dir(name: str, packaged: str) -> Path:
    # A wheel carries the folder inside the package; an editable install reads the checkout's.
    for candidate in (_PACKAGE / packaged, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise ReadError(f"mechgraph's bundled {name}/ folder is missing: reinstall mechgraph")


def data_dir() -> Path:
    """The folder holding the bundled graphs and their source texts."""
    return _first_dir("data", "_data")


def assets_dir() -> Path:
    """The folder holding the dashboard's CSS and JavaScript."""
    return _first_dir("assets", "_assets")


def bundled_graph_path() -> Path:
    """The bundled immunomodulation graph.

    >>> bundled_graph_path().name
    'immunomodulation.yaml'
    """
    return data_dir() / BUNDLED_GRAPH
