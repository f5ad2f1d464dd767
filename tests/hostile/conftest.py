"""Shared by the hostile-input tests: the corpus, its manifest, and a guard against network use."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
import yaml

CORPUS = Path(__file__).parent / "corpus"


def manifest() -> list[dict[str, Any]]:
    """The corpus manifest: one entry per attack file (see corpus/MANIFEST.yaml)."""
    with (CORPUS / "MANIFEST.yaml").open(encoding="utf-8") as handle:
        entries = yaml.safe_load(handle)
    assert isinstance(entries, list)
    return entries


class NetworkUsed(AssertionError):
    """A reader tried to open a connection (e.g. to fetch a DTD): that must never happen."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make any attempt to resolve a name or connect fail the test loudly."""

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise NetworkUsed(f"network access attempted: {args[:2]!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
