"""mechgraph: mechanisms of immunomodulation as a typed, signed, directed graph.

The Python API (:mod:`mechgraph.api`), at the top level::

    import mechgraph as mg
    g = mg.read()                                   # the bundled graph, or mg.read("file.sif")
    best = mg.paths(g, "cyclosporine", "IL-2")[0]   # signed paths, best first
    print(mg.describe(g, best))                     # the path, step by step, with its evidence
    mg.effects(g, "imiquimod")                      # what an agent changes, by process kind
    mg.neighbours(g, "calcineurin", depth=2)        # a subgraph around some nodes
    mg.search(g, "tacrolimus")                      # nodes by what people type
    mg.perturb(g, ["tacrolimus", "sirolimus"])      # signs propagated: up, down, conflicting
    mg.compare(g, "tacrolimus", "sirolimus")        # shared and unique targets, cells, effects
    mg.export(g, "view.html").path                  # a self-contained page (or .png/.svg/.pdf)
    mg.write(g, "copy.graphml"); mg.validate("copy.graphml"); mg.serve()
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_API = ("compare", "describe", "effects", "neighbours", "paths", "perturb", "read", "search", "serve", "validate", "write")

__all__ = [
    "__version__",
    "compare",
    "describe",
    "effects",
    "export",
    "export_html",
    "export_image",
    "neighbours",
    "paths",
    "perturb",
    "read",
    "search",
    "serve",
    "validate",
    "write",
]

if TYPE_CHECKING:
    from .api import compare, describe, effects, neighbours, paths, perturb, read, search, serve, validate, write
    from .export import export, export_html, export_image

# The exporters import matplotlib and the layout engines, the API networkx and the queries: load
# them on first use only, so that ``import mechgraph`` (and the command line) stays fast.
_LAZY = {"export_html": "export", "export_image": "export"} | dict.fromkeys(_API, "api")


def __getattr__(name: str) -> Any:
    from importlib import import_module

    if name == "export":  # the package mechgraph.export, callable as its function export()
        return import_module(".export", __name__)
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
