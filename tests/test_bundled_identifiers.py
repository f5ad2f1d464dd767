"""Every identifier of the bundled graph comes from the curated reference sheets.

The sheets (``shared/reference/immunomodulators.md`` and ``immunomodulators-2.md``, beside the
checkout) are read here as plain text, independently of ``mechgraph.audit``: an identifier counts
as given when its text (``DB00091``, ``CHEBI:4031``, ``GO:0010467``, ``CL:0000084``, a gene symbol
as a word) appears in a sheet outside its "do not use" section. A test that fails names each
identifier and its node.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from mechgraph.graph import read_graph

from .conftest import SHARED

SHEETS = [SHARED / "reference" / "immunomodulators.md", SHARED / "reference" / "immunomodulators-2.md"]

#: Identifiers of the bundled graph that the sheets do not give, each with why it is kept.
#: Empty: every identifier is in a sheet. An entry needs a reason a reviewer can check.
NOT_IN_SHEETS: dict[str, str] = {}

_DO_NOT_USE = re.compile(r"^#+ .*do not use", re.IGNORECASE)


@cache
def sheets() -> tuple[str, str]:
    """The sheets' text without their "do not use" sections, and those sections."""
    missing = [str(path) for path in SHEETS if not path.is_file()]
    assert not missing, f"reference sheets not found (shared/ must sit beside the checkout): {missing}"
    usable: list[str] = []
    doubted: list[str] = []
    for path in SHEETS:
        into = usable
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                into = doubted if _DO_NOT_USE.match(line) else usable
            into.append(line)
    return "\n".join(usable), "\n".join(doubted)


def sheet_text(curie: str) -> str | None:
    """How a CURIE of the graph is written in the sheets, or None for a prefix they do not use."""
    prefix, _, local = curie.partition(":")
    if prefix == "DRUGBANK":
        return local
    if prefix in ("CHEBI", "GO", "CL"):
        return curie
    if prefix == "hgnc.symbol":
        return local
    return None


def in_sheets(text: str, usable: str) -> bool:
    return re.search(rf"(?<![\w:]){re.escape(text)}(?![\w-])", usable) is not None


def bundled_identifiers() -> Iterator[tuple[str, str]]:
    for node, identifiers in read_graph().nodes(data="identifiers"):
        for curie in identifiers or ():
            yield node, curie


def test_every_bundled_identifier_is_in_a_reference_sheet() -> None:
    usable, _ = sheets()
    absent = []
    for node, curie in bundled_identifiers():
        text = sheet_text(curie)
        if curie in NOT_IN_SHEETS:
            continue
        if text is None or not in_sheets(text, usable):
            absent.append(f"{curie} (node {node})")
    assert not absent, "identifiers not found in the reference sheets: " + ", ".join(absent)


def test_allow_list_names_only_identifiers_still_in_the_graph_and_not_in_the_sheets() -> None:
    usable, _ = sheets()
    present = {curie for _, curie in bundled_identifiers()}
    for curie, reason in NOT_IN_SHEETS.items():
        assert reason.strip(), f"{curie}: give the reason it is kept"
        assert curie in present, f"{curie} is no longer in the graph: remove it from NOT_IN_SHEETS"
        text = sheet_text(curie)
        assert text is None or not in_sheets(text, usable), f"{curie} is in the sheets now: remove it from NOT_IN_SHEETS"


def test_no_identifier_the_sheets_say_not_to_use() -> None:
    """Ids only in a "do not use" section, or in a table cell that reads "X or Y" (unresolved)."""
    usable, doubted = sheets()
    forbidden = {token for token in re.findall(r"\b(?:CHEBI:\d+|DB\d{5})\b", doubted) if not in_sheets(token, usable)}
    cells = [cell for line in usable.splitlines() if line.startswith("|") for cell in line.split("|")]
    for cell in cells:
        if re.search(r"\bor\b", cell):
            forbidden |= set(re.findall(r"\bCHEBI:\d+\b|\bDB\d{5}\b", cell))
    used = [f"{curie} (node {node})" for node, curie in bundled_identifiers() if sheet_text(curie) in forbidden]
    assert not used, "identifiers the sheets say not to use: " + ", ".join(used)


@pytest.mark.parametrize("prefix", ["DRUGBANK", "CHEBI"])
def test_drug_identifiers_sit_on_the_row_of_their_agent(prefix: str) -> None:
    """A DrugBank or ChEBI id is given for a named drug: its row in a sheet's table names the node."""
    usable, _ = sheets()
    rows = [line.lower() for line in usable.splitlines() if line.startswith("|")]
    graph = read_graph()
    misplaced = []
    for node, curie in bundled_identifiers():
        if not curie.startswith(prefix + ":") or curie in NOT_IN_SHEETS:
            continue
        data = graph.nodes[node]
        label = str(data.get("label", ""))
        names = {node.replace("_", " "), label.lower(), re.sub(r"\s*\(.*?\)", "", label).lower()}
        names |= {str(s).lower() for s in data.get("synonyms") or ()}
        text = str(sheet_text(curie))
        holding = [row for row in rows if in_sheets(text.lower(), row)]
        if holding and not any(name and name in row for row in holding for name in names):
            misplaced.append(f"{curie} on {node}")
    assert not misplaced, "ids not on their agent's row in the sheets: " + ", ".join(misplaced)


def test_data_audit_md_is_the_audit_of_the_bundled_graph_as_it_is() -> None:
    """data/AUDIT.md explains each rule's findings: its counts are those of the graph as shipped."""
    import re

    from mechgraph.audit import audit, read_reference

    report = audit(read_graph(), read_reference(SHEETS))
    text = (Path(__file__).resolve().parents[1] / "data" / "AUDIT.md").read_text(encoding="utf-8")
    table = {rule: int(count) for rule, count in re.findall(r"^\| `([a-z-]+)` \| (\d+) \|$", text, re.MULTILINE)}
    headings = {rule: int(count) for rule, count in re.findall(r"^## `([a-z-]+)` \((\d+)\)$", text, re.MULTILINE)}
    assert table == report.counts() == headings
