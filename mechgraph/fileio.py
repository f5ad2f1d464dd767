"""Writing files safely: atomically, and never over an existing file unless told to.

Every file mechgraph writes goes through :func:`write_atomic`: the content is written to a temporary
file in the target's folder, flushed to disk, then renamed over the target. An interrupted write
leaves the old file intact and no partial file behind.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO

from .errors import OutputExists, WriteError  # defined with every other error; importable from here too

__all__ = ["OutputExists", "WriteError", "check_output", "write_atomic", "write_atomic_with"]


def write_atomic(path: str | Path, content: str | bytes, *, force: bool = False) -> Path:
    """Write ``content`` to ``path`` atomically; refuse to replace an existing file unless ``force``.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> write_atomic(folder / "a.txt", "one").read_text()
    'one'
    >>> write_atomic(folder / "a.txt", "two")
    Traceback (most recent call last):
    ...
    mechgraph.errors.OutputExists: ... exists: pass --force (force=True) to overwrite it
    >>> write_atomic(folder / "a.txt", "two", force=True).read_text()
    'two'
    """
    data = content.encode("utf-8") if isinstance(content, str) else content
    return write_atomic_with(path, lambda handle: handle.write(data), force=force)


def check_output(path: str | Path, *, force: bool = False, replacing: str = "overwrite") -> tuple[Path, Path]:
    """The target and its folder, once it is sure a file may be written there: the folder exists,
    and the target is not there (or is a regular file and ``force`` is set).

    >>> check_output("/no/such/folder/out.txt")
    Traceback (most recent call last):
    ...
    mechgraph.errors.WriteError: cannot write /no/such/folder/out.txt: folder /no/such/folder does not exist
    """
    target = Path(path)
    if target.exists() and not target.is_file():
        raise WriteError(f"cannot write {target}: it is not a regular file")
    if target.exists() and not force:
        raise OutputExists(f"{target} exists: pass --force (force=True) to {replacing} it")
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise WriteError(f"cannot write {target}: folder {folder} does not exist")
    return target, folder


def write_atomic_with(path: str | Path, write: Callable[[IO[bytes]], object], *, force: bool = False) -> Path:
    """Like :func:`write_atomic`, for writers that stream into a binary file object."""
    target, folder = check_output(path, force=force)
    try:
        handle = tempfile.NamedTemporaryFile(dir=folder, prefix=f".{target.name}.", suffix=".part", delete=False)
    except OSError as error:
        raise WriteError(f"cannot write {target}: {error.strerror or error}") from None
    temporary = Path(handle.name)
    try:
        with handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        raise WriteError(f"cannot write {target}: {error.strerror or error}") from None
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return target
