from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

# No timing assertions in tests: hypothesis' per-example deadline is one (a loaded machine fails it),
# so every property test runs without it; speed is measured by the benchmarks.
settings.register_profile("mechgraph", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("mechgraph")

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


@pytest.fixture(scope="session", autouse=True)
def _dashboard_key_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The dashboard keeps its signing key in a folder of this test session, not the user's home:
    every app and server the tests start (and every worker of each) shares that one key file."""
    import os

    os.environ.pop("MECHGRAPH_SECRET_KEY", None)
    os.environ.pop("MECHGRAPH_SECRET_KEY_FILE", None)
    os.environ["MECHGRAPH_STATE_DIR"] = str(tmp_path_factory.mktemp("mechgraph-state"))


def session_signer() -> Any:
    """The signer every dashboard of this test session uses (the session's shared key file)."""
    from mechgraph.dashboard.trust import StoreSigner, load_secret_key

    return StoreSigner(load_secret_key()[0])


#: Fixtures that start real server processes: a test using one is marked ``server``.
SERVER_FIXTURES = frozenset({"server", "remote", "cx_server"})


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the slow kinds of test so that a quick run can leave them out
    (``pytest -m "not browser and not server and not property and not slow"``): hypothesis
    property tests (``property``) and tests on real server processes (``server``)."""
    for item in items:
        function = getattr(item, "obj", None)
        if getattr(function, "is_hypothesis_test", False):
            item.add_marker(pytest.mark.property)
        if SERVER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.server)
