"""Drafting mechanism graphs from text: every proposed relation tied to its sentence.

The public surface:

- :func:`extract_text` / :func:`extract_file`: text -> :class:`Draft` (candidate relations with
  status, confidence, evidence offsets; candidate nodes for unknown noun phrases);
- :class:`Draft`: ``accept``, ``reject``, ``accepted``, ``to_document`` (the native format),
  ``write`` (draft YAML next to a copy of the text); :func:`read_draft` reads one back;
- :func:`build_lexicon`, :func:`default_lexicon`, :func:`read_user_lexicon`: the names recognised;
- :func:`split_sentences`: sentences with offsets and roles (body, heading, question, ...).

See docs/extract.md.
"""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from ..yamltext import read_text_file
from .draft import Draft, DraftNode, DraftRelation, Span, draft_from_document, read_draft
from .extractor import extract_text
from .lexicon import Lexicon, LexiconEntry, UserLexicon, build_lexicon, default_lexicon
from .sentences import Sentence, split_sentences
from .userlexicon import read_user_lexicon

__all__ = [
    "Draft",
    "DraftNode",
    "DraftRelation",
    "Lexicon",
    "LexiconEntry",
    "Sentence",
    "Span",
    "UserLexicon",
    "build_lexicon",
    "default_lexicon",
    "draft_from_document",
    "extract_file",
    "extract_text",
    "read_draft",
    "read_user_lexicon",
    "source_id_for",
    "split_sentences",
]


def source_id_for(path: str | Path) -> str:
    """A source id made from a file name: ``Immunomodulation article.txt`` -> ``immunomodulation-article``.

    >>> source_id_for("notes/Immunomodulation article.txt")
    'immunomodulation-article'
    """
    stem = Path(path).stem
    cleaned = "-".join(part for part in "".join(ch.lower() if ch.isalnum() else " " for ch in stem).split())
    return cleaned or "text"


def extract_file(
    path: str | Path,
    *,
    source_id: str | None = None,
    lexicon: Lexicon | None = None,
    base_graph: nx.MultiDiGraph | None = None,
    title: str | None = None,
) -> Draft:
    """Read a UTF-8 text file and draft a graph from it (see :func:`extract_text`).

    Raises :class:`~mechgraph.errors.ReadError` when the file cannot be read.
    """
    text = read_text_file(path)
    sid = source_id or source_id_for(path)
    return extract_text(
        text,
        source_id=sid,
        lexicon=lexicon,
        base_graph=base_graph,
        title=title or f"Draft from {Path(path).name}",
        source_title=Path(path).name,
    )
