"""Literature evidence that other formats carry as attributes: PubMed ids, sentences, the database
a relation came from, and whether the interaction is direct.

SIGNOR, INDRA, NDEx and Pathway Commons write the same things under different names:

``citation``, ``pmid``, ``pubmed``, ``interaction_pubmed_id`` ...
    PubMed ids, as ``pubmed:123``, ``PMID: 123`` or ``123``, one or several (a list, or text
    separated by ``;``, ``,``, ``|`` or spaces). Each becomes a source whose URL is the PubMed
    page of that id; nothing is looked up and no id is made up: a value that is not a PubMed id
    stays in the relation's ``extra``.
``sentence``, ``SENTENCE``, ``evidence_sentence`` ...
    The sentence a curator or a reader took the relation from. A quote must be found verbatim in
    a source text beside the graph, which an imported file does not have, so the sentence is
    kept in the evidence ``note``; it cites the article when the file pairs them (one PubMed id
    and one sentence on the same row), else the imported file itself.
``interaction_data_source``, ``source_database``, ``database`` ...
    The database that holds the relation, said in each evidence note.
``direct`` (SIGNOR's ``DIRECT``: ``YES``/``NO``, ``t``/``f``, true/false)
    The relation's ``mechanism``: ``direct`` or ``indirect``.
``TAX_ID``, ``species``, ``organism``; ``CELL_DATA``, ``cell_type``; ``TISSUE_DATA``, ``tissue``
    The relation's ``context``: species (NCBI taxon 9606 is ``human``, 10090 ``mouse``, 10116
    ``rat``, another taxon ``NCBITaxon:<id>``), cell type and tissue, as the file writes them.

>>> found = take_literature({"citation": ["pubmed:9341"], "SENTENCE": "X binds Y.", "DIRECT": "YES", "weight": 2})
>>> found.pmids, found.sentences, found.direct, found.rest
(['9341'], ['X binds Y.'], True, {'weight': 2})
>>> take_literature({"TAX_ID": "9606", "CELL_DATA": "BTO:0000801"}).context
{'species': 'human', 'cell_type': 'BTO:0000801'}
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ..identifiers import source_identifier

__all__ = ["Literature", "clip_note", "evidence_items", "pmids_in", "pubmed_source", "take_literature"]

_PMID_KEYS = frozenset({"citation", "citations", "pmid", "pmids", "pubmed", "pubmedid", "pubmedids", "interactionpubmedid", "pubmedid(s)", "references"})
_SENTENCE_KEYS = frozenset({"sentence", "sentences", "evidencesentence", "evidencetext", "supportingtext"})
_DATABASE_KEYS = frozenset({"interactiondatasource", "sourcedatabase", "sourcedb", "datasource", "database", "sourcedatabases"})
_DIRECT_KEYS = frozenset({"direct"})
_CONTEXT_KEYS = {
    "taxid": "species",
    "ncbitaxid": "species",
    "species": "species",
    "organism": "species",
    "celldata": "cell_type",
    "celltype": "cell_type",
    "tissuedata": "tissue",
    "tissue": "tissue",
}
_TAXA = {"9606": "human", "10090": "mouse", "10116": "rat"}
_DIRECT_WORDS = {"yes": True, "y": True, "t": True, "true": True, "1": True, "no": False, "n": False, "f": False, "false": False, "0": False}
_PMID = re.compile(r"^(?:(?:pubmed|pmid|medline)\s*[:/]?\s*)?(\d{1,9})$", re.IGNORECASE)
_SPLIT = re.compile(r"[;,|\s]+")
_MAX_SENTENCE = 9_000
_MAX_NOTE = 9_900  # an evidence note holds at most 10,000 characters


def clip_note(text: str) -> str:
    """A note cut to the length an evidence note may have (many long sentences on one relation).

    >>> len(clip_note("x" * 20_000)), clip_note("short")
    (9900, 'short')
    """
    return text if len(text) <= _MAX_NOTE else text[: _MAX_NOTE - 1] + "…"


def _key(name: str) -> str:
    return re.sub(r"[\s_\-.]+", "", name.strip().lower())


@dataclass
class Literature:
    """What a record's attributes say about its literature; ``rest`` is every other attribute."""

    pmids: list[str] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)
    databases: list[str] = field(default_factory=list)
    direct: bool | None = None
    context: dict[str, str] = field(default_factory=dict)
    rest: dict[str, Any] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.pmids or self.sentences or self.databases or self.direct is not None or self.context)


def _items(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(item).strip() for item in value if item not in (None, "")]
    if isinstance(value, bool):
        return []
    return [str(value).strip()] if str(value).strip() else []


def pmids_in(value: Any) -> tuple[list[str], list[str]]:
    """The PubMed ids a value gives, and the parts that are not PubMed ids.

    >>> pmids_in("pubmed:123; PMID: 456 | 789")
    (['123', '456', '789'], [])
    >>> pmids_in(["doi:10.1/x", "pubmed:12"])
    (['12'], ['doi:10.1/x'])
    >>> pmids_in(17)
    (['17'], [])
    >>> pmids_in(["https://pubmed.ncbi.nlm.nih.gov/123/", "http://identifiers.org/pubmed/456"])
    (['123', '456'], [])
    """
    if isinstance(value, int) and not isinstance(value, bool):
        return ([str(value)] if value > 0 else []), ([] if value > 0 else [str(value)])
    found: list[str] = []
    other: list[str] = []
    for item in _items(value):
        # "PMID: 123" keeps its prefix with the number; split the rest at separators
        for part in _SPLIT.split(re.sub(r"(?i)\b(pubmed|pmid|medline)\s*:\s*", r"\1:", item)):
            if not part:
                continue
            linked = source_identifier(part) if part.lower().startswith(("http://", "https://")) else None
            if linked is not None and linked[0] == "PMID":
                found.append(str(int(linked[1])))
                continue
            match = _PMID.match(part)
            if match and int(match.group(1)) > 0:
                found.append(str(int(match.group(1))))
            else:
                other.append(part)
    return list(dict.fromkeys(found)), other


def take_literature(attributes: Mapping[str, Any]) -> Literature:
    """Split a record's attributes into what they say of the literature and the rest."""
    result = Literature()
    for name, value in attributes.items():
        key = _key(str(name))
        if key in _PMID_KEYS:
            pmids, other = pmids_in(value)
            result.pmids += [pmid for pmid in pmids if pmid not in result.pmids]
            if not pmids:
                result.rest[name] = value  # no PubMed id: kept as it came
            elif other:  # the parts that are not PubMed ids (read again, they give no second citation)
                result.rest[name] = other if isinstance(value, list | tuple) else "; ".join(other)
        elif key in _SENTENCE_KEYS:
            sentences = [s for s in _items(value) if s]
            result.sentences += [s[:_MAX_SENTENCE] for s in sentences if s not in result.sentences]
            if not sentences:
                result.rest[name] = value
        elif key in _DATABASE_KEYS and _items(value):
            for item in _items(value):
                result.databases += [part.strip() for part in item.split(";") if part.strip() and part.strip() not in result.databases]
        elif key in _DIRECT_KEYS and _direct(value) is not None:
            result.direct = _direct(value)
        elif key in _CONTEXT_KEYS and _context_value(key, value) and _CONTEXT_KEYS[key] not in result.context:
            result.context[_CONTEXT_KEYS[key]] = _context_value(key, value) or ""
        else:
            result.rest[name] = value
    return result


def _context_value(key: str, value: Any) -> str | None:
    items = [item for item in _items(value) if len(item) <= 500]
    if not items or (isinstance(value, bool)):
        return None
    if _CONTEXT_KEYS[key] == "species":
        taxa = [_TAXA.get(item, f"NCBITaxon:{item}") if item.isdigit() else item for item in items]
        return "; ".join(dict.fromkeys(taxa))
    return "; ".join(dict.fromkeys(items))


def _direct(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    if isinstance(value, list) and len(value) == 1:
        return _direct(value[0])
    return _DIRECT_WORDS.get(str(value).strip().lower()) if isinstance(value, str | int) else None


def pubmed_source(pmid: str) -> dict[str, str]:
    """The source of a PubMed id: its PubMed page (the id is the file's, never looked up)."""
    return {"id": f"pubmed.{pmid}", "title": f"PubMed {pmid}", "url": f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"}


def evidence_items(
    pmids: Iterable[str],
    sentences: Iterable[str],
    *,
    where: str,
    databases: Iterable[str] = (),
    pairs: Iterable[tuple[str, str]] = (),
) -> tuple[list[dict[str, str]], list[str]]:
    """Evidence items citing each PubMed id (with the source described in the item, as the
    builder expects), and the sentences no article is given for.

    ``pairs`` are (PubMed id, sentence) that the file itself pairs (a CX support citing a
    citation); a lone PubMed id and a lone sentence on one record are a pair too.

    >>> items, unpaired = evidence_items(["12"], ["A binds B."], where="line 2", databases=["SIGNOR"])
    >>> items[0]["note"], unpaired
    ('line 2 (SIGNOR): “A binds B.”', [])
    """
    pmids, sentences, pairs = list(pmids), list(sentences), list(pairs)
    source_note = f" ({', '.join(databases)})" if databases else ""
    if not pairs and len(pmids) == 1 and len(sentences) == 1:
        pairs = [(pmids[0], sentences[0])]
    paired_sentences = {sentence for _, sentence in pairs}
    said: dict[str, list[str]] = {}
    for pmid, sentence in pairs:
        said.setdefault(pmid, []).append(sentence)
    items = []
    for pmid in dict.fromkeys([*pmids, *said]):
        quotes = said.get(pmid, [])
        note = f"{where}{source_note}" + (": " + " ".join(f"“{s}”" for s in quotes) if quotes else "")
        items.append({**_described(pmid), "note": clip_note(note)})
    return items, [sentence for sentence in sentences if sentence not in paired_sentences]


def _described(pmid: str) -> dict[str, str]:
    source = pubmed_source(pmid)
    return {"source": source["id"], "title": source["title"], "url": source["url"]}
