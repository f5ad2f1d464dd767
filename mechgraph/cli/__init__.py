"""The ``mechgraph`` command line.

Exit codes: 0 success, 1 invalid data (or nothing found), 2 usage error or unreadable file.
Expected failures print one clear line per problem, never a traceback. Each command module
registers its commands on the one group in ``_base``.
"""

from __future__ import annotations

import signal

from . import (
    audit_commands,  # noqa: F401  (registers audit)
    convert_commands,  # noqa: F401  (registers convert, formats)
    export_commands,  # noqa: F401  (registers export)
    extract_commands,  # noqa: F401  (registers extract)
    graph_commands,  # noqa: F401  (registers validate, info)
    query_commands,  # noqa: F401  (registers search, neighbors, paths, effects)
    reason_commands,  # noqa: F401  (registers perturb, compare, story)
    serve_commands,  # noqa: F401  (registers serve)
    store_commands,  # noqa: F401  (registers import)
)
from ._base import cli

__all__ = ["cli", "main"]


def main(argv: list[str] | None = None) -> None:
    """Entry point of the ``mechgraph`` console script and ``python -m mechgraph``."""
    # A terminated command unwinds like Ctrl-C, so half-written temporary files are removed.
    signal.signal(signal.SIGTERM, _exit_on_signal)
    cli.main(args=argv, prog_name="mechgraph")


def _exit_on_signal(number: int, frame: object) -> None:
    raise SystemExit(128 + number)
