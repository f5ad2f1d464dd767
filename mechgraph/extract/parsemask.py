"""Names hidden from the parser: a protein's symbol in capitals that is also an English word ("STING",
"SHIP", "BAD") may be tagged as a verb or an adjective by a pipeline trained on news, and the whole
sentence around it goes wrong ("TBK1 phosphorylates STING/VBG itself"). Such a sentence is parsed
again with those names replaced by a plain proper noun, and the tree of that second parse is put on
the sentence's own words.
"""

from __future__ import annotations

import re
from typing import Any

__all__ = ["masked", "restored"]

#: what a hidden name reads as: a proper noun the pipeline knows well
MASK = "Smith"
_CAPITALS = re.compile(r"^[A-Z]{3,}$")
_VERBAL = frozenset("xcomp ccomp advcl relcl acomp amod advmod".split())


def masked(doc: Any) -> Any | None:
    """The words of parsed ``doc`` with each name in capitals that the parse took for a verb, an
    adjective or an adverb replaced by :data:`MASK` (a new, unparsed doc), or None when there is none
    (or when the sentence is itself in capitals, as a boxed warning)."""
    capitals = [t.i for t in doc if _CAPITALS.match(t.text)]
    misread = {
        i
        for i in capitals
        if doc[i].tag_[:2] in ("VB", "JJ", "RB", "IN") or doc[i].dep_ in _VERBAL or any(c.dep_ in ("dobj", "nsubj", "aux") for c in doc[i].children)
    }  # taken for a verb, an adjective or an adverb, or given a verb's place or dependents
    if not misread or 2 * len(capitals) > sum(1 for t in doc if t.is_alpha):
        return None
    from spacy.tokens import Doc

    words = [MASK if t.i in misread else t.text for t in doc]
    return Doc(doc.vocab, words=words, spaces=[bool(t.whitespace_) for t in doc])


def restored(parsed: Any, original: Any) -> Any:
    """The tree and tags of ``parsed`` (the masked sentence) on the words of ``original``."""
    from spacy.tokens import Doc

    return Doc(
        original.vocab,
        words=[t.text for t in original],
        spaces=[bool(t.whitespace_) for t in original],
        tags=[t.tag_ for t in parsed],
        heads=[t.head.i for t in parsed],
        deps=[t.dep_ for t in parsed],
    )
