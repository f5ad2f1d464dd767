"""The identifiers a curated reference sheet (markdown) gives, and the names it gives them for.

A sheet states identifiers three ways, and each is read:

- agent tables (a header with ``DrugBank``): the agent's names in the first column, its DrugBank
  and ChEBI ids in theirs, and gene symbols in the target column;
- ontology tables: a row with a cell that is only a ``GO:`` or ``CL:`` id, named by the row's
  other cells;
- running text: ``name GO:0010467;`` or ``CL:0000084 T cell;`` pieces separated by semicolons.

Ids the sheet doubts are left out of the names: a cell reading "X or Y", a cell marked with a
footnote that calls its id unverified, unresolved, unconfirmed, conflicting or not corroborated,
and the section headed "do not use". Every id the sheet mentions at all is still in
:attr:`Reference.identifiers`, so a test can ask whether an id appears anywhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Reference", "ReferenceEntry", "normalize_name", "parse_reference", "read_reference"]

_DRUGBANK = re.compile(r"\bDB\d{5}\b")
_CHEBI = re.compile(r"\bCHEBI:\d+\b")
_ONTOLOGY = re.compile(r"\b(?:GO|CL):\d{7}\b")
_SYMBOL = re.compile(r"\b[A-Z][A-Z0-9]{2,9}\b")
_PARENTHESES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]")
_DO_NOT_USE_HEADING = re.compile(r"^#+ .*do not use", re.IGNORECASE)


@dataclass(frozen=True)
class ReferenceEntry:
    """Identifiers (as CURIEs, e.g. ``DRUGBANK:DB00091``) a sheet gives for an entity of these names."""

    names: tuple[str, ...]
    identifiers: tuple[str, ...]


@dataclass(frozen=True)
class Reference:
    """What one or more sheets say: named entries, every id mentioned, gene symbols of targets."""

    entries: tuple[ReferenceEntry, ...]
    identifiers: frozenset[str]
    symbols: frozenset[str]
    do_not_use: frozenset[str]

    def entries_named(self, name: str) -> list[ReferenceEntry]:
        wanted = normalize_name(name)
        return [entry for entry in self.entries if wanted in {normalize_name(n) for n in entry.names}]


def normalize_name(name: str) -> str:
    """A name as compared: lower case, hyphens as spaces, plural words singular.

    >>> normalize_name("T-Cell  activation"), normalize_name("Natural killer cells")
    ('t cell activation', 'natural killer cell')
    """
    words = re.sub(r"[-_\s]+", " ", name.lower()).strip().split(" ")
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w for w in words)


def read_reference(paths: Iterable[str | Path]) -> Reference:
    """The reference of the sheets at ``paths`` (UTF-8 markdown), merged."""
    return parse_reference(Path(path).read_text(encoding="utf-8") for path in paths)


def parse_reference(texts: Iterable[str]) -> Reference:
    """The reference of sheets given as text.

    >>> ref = parse_reference(["| Agent | DrugBank | ChEBI |\\n|---|---|---|\\n| Cyclosporine | DB00091 | CHEBI:4031 |\\n",
    ...     "Cell Ontology [D7]: T cell CL:0000084; B cell CL:0000236."])
    >>> [(e.names, e.identifiers) for e in ref.entries]
    [(('Cyclosporine',), ('DRUGBANK:DB00091', 'CHEBI:4031')), (('T cell',), ('CL:0000084',)), (('B cell',), ('CL:0000236',))]
    """
    entries: list[ReferenceEntry] = []
    identifiers: set[str] = set()
    symbols: set[str] = set()
    do_not_use: set[str] = set()
    for text in texts:
        usable, doubted = _split_do_not_use(text)
        identifiers |= _mentioned(text)
        do_not_use |= _mentioned(doubted) - _mentioned(usable)
        entries += _read_text(usable, symbols, _doubtful_footnotes(usable))
    return Reference(tuple(entries), frozenset(identifiers), frozenset(symbols), frozenset(do_not_use))


def _mentioned(text: str) -> set[str]:
    return {f"DRUGBANK:{match}" for match in _DRUGBANK.findall(text)} | set(_CHEBI.findall(text)) | set(_ONTOLOGY.findall(text))


def _split_do_not_use(text: str) -> tuple[str, str]:
    """The sheet without its "do not use" section, and that section."""
    usable: list[str] = []
    doubted: list[str] = []
    into = usable
    for line in text.splitlines():
        if line.startswith("#"):
            into = doubted if _DO_NOT_USE_HEADING.match(line) else usable
        into.append(line)
    return "\n".join(usable), "\n".join(doubted)


_DOUBT = re.compile(r"unverified|unresolved|unconfirmed|conflict|not corroborated|check before use", re.IGNORECASE)
_FOOTNOTE = re.compile(r"\((\w)\)\s+(.*?)(?=\(\w\)\s|$)")


def _doubtful_footnotes(text: str) -> set[str]:
    """The marks of footnotes that doubt the ids they mark, e.g. ``(d) ... unresolved``."""
    marks: set[str] = set()
    for paragraph in re.split(r"\n\s*\n", text):
        if paragraph.startswith("Footnotes:"):
            for mark, note in _FOOTNOTE.findall(" ".join(paragraph.split())):
                if _DOUBT.search(note):
                    marks.add(mark)
    return marks


def _read_text(text: str, symbols: set[str], doubtful: set[str]) -> list[ReferenceEntry]:
    entries: list[ReferenceEntry] = []
    header: list[str] = []
    paragraph: list[str] = []
    for line in [*text.splitlines(), ""]:
        if not line.strip() or line.startswith(("|", "#", "- ")) or re.match(r"^\d+\. ", line):
            # running text is wrapped: a name may start on one line and end on the next
            entries += _running_text(" ".join(paragraph))
            paragraph = []
        if line.startswith("|"):
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if all(set(cell) <= set("-: ") for cell in cells):
                continue
            if not header or _is_header(cells):
                header = [cell.lower() for cell in cells]
                continue
            entries += _table_row(header, cells, symbols, doubtful)
        else:
            header = []
            paragraph.append(line.strip())
    return entries


def _is_header(cells: list[str]) -> bool:
    return cells[0].lower() in {"agent", "asked for", "article term"}


def _table_row(header: list[str], cells: list[str], symbols: set[str], doubtful: set[str]) -> list[ReferenceEntry]:
    column = {name: index for index, name in enumerate(header)}
    if "drugbank" in column:
        return _agent_row(column, cells, symbols, doubtful)
    ontology = [cell for cell in cells if _ONTOLOGY.fullmatch(cell)]
    if len(ontology) != 1:
        return []
    names = tuple(name for cell in cells[:3] if not _ONTOLOGY.fullmatch(cell) and (name := _PARENTHESES.sub("", cell).split(";")[0].strip()) and name != "-")
    return [ReferenceEntry(names, (ontology[0],))] if names else []


def _agent_row(column: dict[str, int], cells: list[str], symbols: set[str], doubtful: set[str]) -> list[ReferenceEntry]:
    def cell(name: str) -> str:
        index = next((i for header, i in column.items() if header.startswith(name)), None)
        text = cells[index] if index is not None and index < len(cells) else ""
        doubted = " or " in text or any(f"({mark})" in text for mark in doubtful)
        return "" if doubted else text

    for key in ("direct target", "target"):
        if target := cell(key):
            symbols.update(_SYMBOL.findall(_PARENTHESES.sub("", target)))
            break
    names = [name.strip() for name in _PARENTHESES.sub("", cells[0]).split("/") if name.strip()]
    drugbank = ["DRUGBANK:" + match for match in _DRUGBANK.findall(_PARENTHESES.sub("", cell("drugbank")))]
    chebi = _CHEBI.findall(_PARENTHESES.sub("", cell("chebi")))
    if len(names) > 1 and len(drugbank) == len(names) and not chebi:
        return [ReferenceEntry((name,), (curie,)) for name, curie in zip(names, drugbank)]
    if not names or not drugbank + chebi:
        return []
    # "Dexamethasone / glucocorticoids": the ids are the named drug's, not its class's
    return [ReferenceEntry((names[0],), tuple(drugbank + chebi))]


_NAME_THEN_ID = re.compile(r'^(?P<name>[^:;"=]+?)\s+(?P<id>(?:GO|CL):\d{7})\.?$')
_ID_THEN_NAME = re.compile(r'^(?P<id>(?:GO|CL):\d{7})\s+(?:=\s+)?(?P<name>[^:;"=]+?)\.?$')


def _running_text(line: str) -> list[ReferenceEntry]:
    entries = []
    for piece in re.split(r";|\.\s", line):
        piece = _PARENTHESES.sub("", piece.split(": ")[-1]).strip()
        match = _NAME_THEN_ID.match(piece) or _ID_THEN_NAME.match(piece)
        if match:
            entries.append(ReferenceEntry((match["name"].strip(),), (match["id"],)))
    return entries
