from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SHARED = Path(__file__).resolve().parents[1].parent / "shared"


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


def minimal_document() -> dict[str, Any]:
    """A small valid document as plain data, for tests that build graphs without files."""
    return copy.deepcopy(
        {
            "mechgraph": 1,
            "title": "Minimal",
            "sources": [{"id": "C2", "url": "http://www.ncbi.nlm.nih.gov/pubmed/8591053"}],
            "nodes": [
                {"id": "cyclosporine", "kind": "agent", "label": "Cyclosporine", "routes": ["oral"]},
                {"id": "calcineurin", "kind": "target", "label": "Calcineurin"},
            ],
            "relations": [
                {"from": "cyclosporine", "relation": "inhibits", "to": "calcineurin", "evidence": [{"source": "C2"}]},
            ],
        }
    )
