"""mechgraph: mechanisms of immunomodulation as a typed, signed, directed graph."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "export_html", "export_image"]

if TYPE_CHECKING:
    from .export import export_html, export_image

# The exporters import matplotlib and the layout engines: load them on first use only,
# so that ``import mechgraph`` (and the command line) stays fast.
_LAZY = {"export_html": "export", "export_image": "export"}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from importlib import import_module

        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
