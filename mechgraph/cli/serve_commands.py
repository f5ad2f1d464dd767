"""``mechgraph serve``: the dashboard on a graph file (the bundled graph by default)."""

from __future__ import annotations

from pathlib import Path

import click

from ._base import cli, emit_json, expected_errors, graph_file_option, json_option
from .store_commands import db_option, served_app_arguments


@cli.command()
@graph_file_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (127.0.0.1: this machine only).")
@click.option("--port", default=8050, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--max-upload-mb", default=10.0, show_default=True, type=click.FloatRange(0.01, 1024), help="Largest graph file a user may upload.")
@db_option
@json_option
@expected_errors
def serve(graph_file: Path | None, host: str, port: int, max_upload_mb: float, db: Path | None, as_json: bool) -> None:
    """Open the interactive dashboard on FILE (default: the bundled graph) at http://HOST:PORT.

    For several workers, run it under gunicorn instead:
    gunicorn -w 2 -b 127.0.0.1:8050 mechgraph.dashboard.wsgi:server
    """
    from ..dashboard import create_app

    warning = exposure_warning(host)
    if warning:
        click.echo(warning, err=True)
    served = served_app_arguments(db, graph_file) if db is not None else {}
    regions = served.get("regions")
    if regions is not None:
        nodes, relations = regions.totals
        stored = "read from the database" if regions.summary.stored else "computed on opening (import again to store it)"
        click.echo(f"{db}: {nodes:,} nodes, {relations:,} relations: each view fetches its region of the store; overview {stored}", err=True)
    app = create_app(graph_file, **served, max_upload_bytes=int(max_upload_mb * 1024 * 1024))
    url = f"http://{host}:{port}/"
    if as_json:
        emit_json({"url": url, "file": str(graph_file) if graph_file else None, "db": str(db) if db else None})
    else:
        click.echo(f"mechgraph dashboard on {url} (Ctrl+C to stop)")
    app.run(host=host, port=port, debug=False, use_reloader=False)


def exposure_warning(host: str) -> str | None:
    """The warning printed when the dashboard listens beyond this machine (None on loopback).

    >>> exposure_warning("127.0.0.1") is None, exposure_warning("localhost") is None, exposure_warning("::1") is None
    (True, True, True)
    >>> "anyone who can reach" in exposure_warning("0.0.0.0")
    True
    """
    import ipaddress

    name = host.strip().strip("[]").lower()
    if name == "localhost":
        return None
    try:
        if ipaddress.ip_address(name).is_loopback:
            return None
    except ValueError:
        pass
    return (
        f"warning: listening on {host}: anyone who can reach this address can use the dashboard, upload files to it and "
        "make it work for them, over plain HTTP with no login. mechgraph serve is a development server; to face a network, "
        "run gunicorn behind a reverse proxy with TLS, authentication and rate limits (docs/security.md)."
    )
