"""The trust boundary of the dashboard: a graph the browser keeps comes back only as the server made it.

An uploaded graph lives in the user's browser (a ``dcc.Store``) and is sent back with every
request that needs it, so whatever comes back is untrusted: a client can send any bytes it likes.
The server therefore *signs* the graph it hands out (HMAC-SHA256 through :mod:`itsdangerous`, the
signer Flask's own sessions use) and refuses, before reading a byte of it, a graph it did not sign:

- a tampered, forged or foreign store costs one size check and one HMAC (milliseconds), never a
  parse, a validation or a cache miss that reaches the graph builder;
- a signed store is the graph as the server read and checked it from the upload, so it is rebuilt
  without being validated again, and it can never carry a path: uploaded graphs hold no ``file``
  attribute, and their source texts are never looked for on disk (see ``docs/security.md``).

The key is shared by every worker that must accept each other's stores. It comes, in order, from
``MECHGRAPH_SECRET_KEY`` (at least 32 characters), from the file named by
``MECHGRAPH_SECRET_KEY_FILE``, or from a key file mechgraph creates once (atomically, mode 0600)
in ``MECHGRAPH_STATE_DIR`` (default ``$XDG_STATE_HOME/mechgraph`` or ``~/.local/state/mechgraph``),
which every worker on the machine then reads. Only when that folder cannot be written does a
process fall back to a key of its own, and says so: stores then work with one worker only.

Examples
--------
>>> signer = StoreSigner(b"k" * 32)
>>> token = signer.seal({"name": "mine.sif", "graph": {"nodes": []}})
>>> signer.open(token, max_length=10_000)["name"]
'mine.sif'
>>> signer.open(token[:-1] + ("A" if token[-1] != "A" else "B"), max_length=10_000)
Traceback (most recent call last):
...
mechgraph.errors.StoreRefused: the stored graph was not made by this server (or the server's key has changed): open the file again
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import secrets
import sys
import zlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from itsdangerous import BadSignature, Signer

from ..errors import MechgraphError, StoreRefused

__all__ = ["KEY_ENV", "KEY_FILE_ENV", "STATE_DIR_ENV", "StoreRefused", "StoreSigner", "load_secret_key"]

KEY_ENV = "MECHGRAPH_SECRET_KEY"
KEY_FILE_ENV = "MECHGRAPH_SECRET_KEY_FILE"
STATE_DIR_ENV = "MECHGRAPH_STATE_DIR"
#: The shortest key accepted: 32 characters (a key shorter than the HMAC's 256 bits weakens it).
MIN_KEY_LENGTH = 32
_KEY_FILE_NAME = "secret-key"
_SALT = b"mechgraph.dashboard.stored-graph.v2"


class StoreSigner:
    """Seal a JSON value into a compact signed token, and open only tokens this key sealed.

    The token is ``base64url(zlib(json)) + "." + signature``: compressed, because the browser sends
    it back with every request that needs the graph (node-link JSON shrinks about twelve times).
    """

    def __init__(self, key: bytes) -> None:
        if len(key) < MIN_KEY_LENGTH:
            raise MechgraphError(f"the dashboard's secret key has {len(key)} bytes; it needs at least {MIN_KEY_LENGTH}")
        self._signer = Signer(key, salt=_SALT, key_derivation="hmac", digest_method=hashlib.sha256)

    def seal(self, value: Any) -> str:
        """The signed token of a JSON-serialisable value."""
        raw = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str).encode("utf-8")
        packed = base64.urlsafe_b64encode(zlib.compress(raw, 6)).rstrip(b"=")
        return self._signer.sign(packed).decode("ascii")

    def open(self, token: object, *, max_length: int, max_unpacked: int = 256 * 1024 * 1024) -> Any:
        """The value sealed in ``token``; StoreRefused (at once, before decoding) for anything else.

        ``max_length`` bounds the token (checked before the signature); ``max_unpacked`` bounds what
        it decompresses to, should a key ever leak.
        """
        if not isinstance(token, str):
            raise StoreRefused("the stored graph is not in the form this server writes: open the file again")
        if len(token) > max_length:
            raise StoreRefused(f"the stored graph is larger than this server accepts ({len(token):,} characters, at most {max_length:,}): open the file again")
        try:
            packed = self._signer.unsign(token.encode("ascii"))
        except (BadSignature, UnicodeEncodeError):
            raise StoreRefused("the stored graph was not made by this server (or the server's key has changed): open the file again") from None
        try:
            compressed = base64.urlsafe_b64decode(packed + b"=" * (-len(packed) % 4))
            inflater = zlib.decompressobj()
            raw = inflater.decompress(compressed, max_unpacked)
            if inflater.unconsumed_tail:
                raise StoreRefused("the stored graph unpacks to more than this server accepts: open the file again")
            return json.loads(raw)
        except (binascii.Error, zlib.error, ValueError):
            raise StoreRefused("the stored graph cannot be read: open the file again") from None


def load_secret_key(environ: Mapping[str, str] | None = None) -> tuple[bytes, str]:
    """The key that signs stored graphs, and a line saying where it came from.

    >>> key, origin = load_secret_key({KEY_ENV: "x" * 40})
    >>> len(key), origin
    (40, 'MECHGRAPH_SECRET_KEY')
    >>> load_secret_key({KEY_ENV: "short"})
    Traceback (most recent call last):
    ...
    mechgraph.errors.MechgraphError: MECHGRAPH_SECRET_KEY has 5 characters; the dashboard's secret key needs at least 32 (e.g. python -c "import secrets; print(secrets.token_hex(32))")
    """
    env = os.environ if environ is None else environ
    hint = '(e.g. python -c "import secrets; print(secrets.token_hex(32))")'
    if env.get(KEY_ENV):
        value = env[KEY_ENV].strip()
        if len(value) < MIN_KEY_LENGTH:
            raise MechgraphError(f"{KEY_ENV} has {len(value)} characters; the dashboard's secret key needs at least {MIN_KEY_LENGTH} {hint}")
        return value.encode("utf-8"), KEY_ENV
    if env.get(KEY_FILE_ENV):
        path = Path(env[KEY_FILE_ENV])
        return _read_key_file(path, KEY_FILE_ENV), f"{KEY_FILE_ENV} ({path})"
    folder = _state_dir(env)
    path = folder / _KEY_FILE_NAME
    try:
        return _read_key_file(path, "the key file"), str(path)
    except MechgraphError:
        if path.exists():
            raise
    try:
        _create_key_file(path)
        return _read_key_file(path, "the key file"), str(path)
    except OSError as error:
        print(
            f"mechgraph: cannot keep a secret key in {folder} ({error.strerror or error}); this process uses a key of its own, "
            f"so uploads work with one worker only. Set {KEY_ENV} or {KEY_FILE_ENV} to share a key between workers.",
            file=sys.stderr,
        )
        return secrets.token_bytes(32), "a key of this process only"


def _state_dir(env: Mapping[str, str]) -> Path:
    if env.get(STATE_DIR_ENV):
        return Path(env[STATE_DIR_ENV])
    base = Path(env["XDG_STATE_HOME"]) if env.get("XDG_STATE_HOME") else Path.home() / ".local" / "state"
    return base / "mechgraph"


def _read_key_file(path: Path, what: str) -> bytes:
    try:
        with path.open("rb") as handle:
            value = handle.read(4096).strip()
    except FileNotFoundError:
        raise MechgraphError(f"{what} {path} does not exist") from None
    except OSError as error:
        raise MechgraphError(f"{what} {path} cannot be read: {error.strerror or error}") from None
    if len(value) < MIN_KEY_LENGTH:
        raise MechgraphError(f"{what} {path} holds {len(value)} bytes; the dashboard's secret key needs at least {MIN_KEY_LENGTH}")
    return value


def _create_key_file(path: Path) -> None:
    """Write a new random key to ``path`` unless another worker got there first.

    The key is written whole to a private temporary file and then linked into place, which fails
    if the name exists: a worker never reads a half-written key, and two workers never disagree.
    """
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    temporary = path.parent / f".{_KEY_FILE_NAME}.{os.getpid()}.{secrets.token_hex(4)}"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(secrets.token_hex(32).encode("ascii") + b"\n")
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(temporary, path)
        except FileExistsError:
            pass
    finally:
        temporary.unlink(missing_ok=True)
