"""mechgraph: mechanisms of immunomodulation as a typed, signed, directed graph."""

__version__ = "0.1.0"
