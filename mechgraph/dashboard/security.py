"""What every response of the dashboard carries, and what becomes of an error no callback expected.

- **Headers**: a Content-Security-Policy that allows scripts only from the server itself and the
  inline scripts Dash writes (by their SHA-256 hashes, which Dash computes), no plugins, no
  framing, no requests elsewhere; plus ``X-Content-Type-Options: nosniff``,
  ``X-Frame-Options: DENY``, ``Referrer-Policy: no-referrer``, a same-origin opener policy and a
  permissions policy that turns off what the dashboard never uses.
- **Errors**: an exception a callback did not expect becomes "no update" and one bounded log line,
  never a 500 with a traceback; a request Dash itself cannot parse gets a plain 400.
- **Logs**: every log line of the server is cut to :data:`MAX_LOG_CHARACTERS`, so a request of
  many megabytes cannot write megabytes to the log.

Examples
--------
>>> policy = content_security_policy(["'sha256-abc='"])
>>> "script-src 'self' 'sha256-abc='" in policy, "frame-ancestors 'none'" in policy
(True, True)
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

import dash
from flask import Response, request
from werkzeug.exceptions import HTTPException

__all__ = ["MAX_LOG_CHARACTERS", "SECURITY_HEADERS", "content_security_policy", "harden", "on_callback_error"]

MAX_LOG_CHARACTERS = 2_000
SECURITY_HEADERS: dict[str, str] = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
}
_log = logging.getLogger("mechgraph.dashboard")


def content_security_policy(script_hashes: Iterable[str]) -> str:
    """The dashboard's policy: its own scripts and Dash's hashed inline ones; styles inline (Dash
    components and Plotly set them); images from itself and data/blob URLs (Plotly, downloads)."""
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *script_hashes],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


class _BoundedLines(logging.Filter):
    """Cuts a log record's message (and drops its arguments) past :data:`MAX_LOG_CHARACTERS`."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a record whose arguments do not fit its format: keep the format only
            message = str(record.msg)
        if len(message) > MAX_LOG_CHARACTERS:
            record.msg = message[:MAX_LOG_CHARACTERS] + f" … [{len(message) - MAX_LOG_CHARACTERS:,} more characters not logged]"
            record.args = None
        return True


def bound_logs(*loggers: logging.Logger) -> None:
    """Cut long lines on the given loggers and on every handler of the root logger."""
    line_filter = _BoundedLines()
    for logger in loggers:
        if not any(isinstance(f, _BoundedLines) for f in logger.filters):
            logger.addFilter(line_filter)
        for handler in logger.handlers:
            if not any(isinstance(f, _BoundedLines) for f in handler.filters):
                handler.addFilter(line_filter)


def on_callback_error(error: Exception) -> None:
    """Dash's ``on_error``: an unexpected exception in a callback becomes "no update" and one
    short log line naming the callback and the exception type, without its (untrusted) text."""
    try:
        where = dash.callback_context.triggered_id
    except Exception:
        where = None
    _log.warning("callback error ignored (%s, triggered by %r)", type(error).__name__, str(where)[:80])
    return None


def harden(app: dash.Dash) -> None:
    """Attach the headers, the error handling and the log bounds to a built app (after its
    callbacks are registered: the policy carries the hashes of their inline scripts)."""
    server = app.server
    policy = content_security_policy(app.csp_hashes())
    bound_logs(app.logger, server.logger, logging.getLogger("werkzeug"), logging.getLogger("gunicorn.error"), _log, logging.getLogger())

    @server.after_request
    def _headers(response: Response) -> Response:
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        response.headers.setdefault("Content-Security-Policy", policy)
        return response

    @server.errorhandler(Exception)
    def _unexpected(error: Exception) -> tuple[str, int] | HTTPException:
        if isinstance(error, HTTPException):
            return error
        _log.warning("request refused (%s) on %s", type(error).__name__, request.path[:80])
        return "mechgraph: the request could not be understood.", 400
