"""The adverse effects a label lists in word order, for lists the small pipeline garbles ("are
headache, arthralgia and injection site reactions/attr"): split at commas, "and" and "or", each item
an effect, with its site ("pain at the injection site", "blood in the urine") or its urge ("an urgent
need to urinate").
"""

from __future__ import annotations

from typing import Any

from ..vocabulary import NodeKind
from . import cues as C
from . import namewords as N
from . import parsewords as W
from .lexicon import LexiconEntry
from .parsebase import _ParseBase
from .parsewords import _FALL_NOUNS, _RISE_NOUNS
from .tokens import normalize_word

__all__ = ["LEVEL_CHANGES"]

#: how a measured value is found changed in a list of findings ("low magnesium levels")
LEVEL_CHANGES = frozenset("low high raised elevated decreased reduced increased".split())
#: the nouns of an effect named by its urge ("an urgent need to urinate", "an urge to scratch")
_URGES = frozenset("need urge".split())


class _ParseFlatEffects(_ParseBase):
    """A label's list of adverse effects read in word order."""

    def flat_effects(self, verb: Any) -> list[LexiconEntry]:
        """The adverse effects listed after ``verb`` in word order: split at commas, "and" and "or"
        outside brackets, up to the end of the clause; "such as" and "including" end the list."""
        chunks: list[list[Any]] = [[]]
        examples: set[int] = set()  # "rash, including drug eruption, fatigue": the example is no item of its own
        depth = 0
        taken = -1  # the verb of an urge, read with it
        for t in self.sdoc[verb.i + 1 :]:
            if t.i == taken:
                continue
            if t.text == "(":
                depth += 1
            elif t.text == ")":
                depth = max(0, depth - 1)
            elif depth == 0 and t.text in (";", ":", "."):
                break
            elif depth == 0 and t.lower_ in ("including", "especially") and not chunks[-1]:
                examples.add(len(chunks) - 1)
            elif depth == 0 and t.lower_ in ("among", "them") and not chunks[-1]:
                continue  # "infections, among them pneumonia and sepsis": the examples are effects too
            elif depth == 0 and t.lower_ in ("in", "of", "at") and chunks[-1] and _site_after(self.sdoc, t.i):
                chunks[-1].append(t)  # "tingling in the nose", "pain at the injection site": an effect at its site
            elif (
                depth == 0
                and t.lower_ == "to"
                and chunks[-1]
                and chunks[-1][-1].lower_ in _URGES
                and t.i + 1 < len(self.sdoc)
                and self.sdoc[t.i + 1].tag_ == "VB"
            ):
                chunks[-1] += [t, self.sdoc[t.i + 1]]  # "an urgent need to urinate": one effect
                taken = t.i + 1
            elif depth == 0 and t.lower_ in ("such", "including", "especially", "which", "that", "than", "to", "with", "in", "of"):
                return []  # clauses and prepositions: no plain list
            elif depth == 0 and t.lower_ in ("and", "or") and any(w.lower_ in ("in", "of", "at") for w in chunks[-1]) and _site_after(self.sdoc, t.i):
                chunks[-1].append(t)  # "infections of the nose and throat": one effect at two sites
            elif depth == 0 and (t.text == "," or t.lower_ in ("and", "or")):
                chunks.append([])
            elif depth == 0:
                chunks[-1].append(t)
        chunks = [c for k, c in enumerate(chunks) if k not in examples]
        # ("..., ICANS, can also be serious or life-threatening": a clause and how grave, no items)
        chunks = [
            c
            for c in chunks
            if not any(t.tag_ == "MD" for t in c)
            and not all(t.lower_ in N.DEGREE_WORDS or t.is_punct or t.lower_ in ("life", "threatening") for t in c)
            or not c
        ]
        found: list[LexiconEntry] = []
        for k, chunk in enumerate(chunks):
            words = [t for t in chunk if t.lower_ not in C.DETERMINERS and not t.is_punct]
            following = chunks[k + 1] if k + 1 < len(chunks) else []
            if len(words) == 1 and normalize_word(words[0].lower_) in N.BODY_PARTS and len(following) >= 2 and following[0].i == words[0].i + 2:
                entry = self.body_part_of(words[0])  # "muscle and joint pain": muscle pain
                found += [entry] if entry is not None else []
                continue
            urge = len(words) > 2 and words[-2].lower_ == "to" and words[-3].lower_ in _URGES  # ("an urgent need to urinate")
            if not words or len(words) > 6 or (words[-1].pos_ not in ("NOUN", "PROPN", "ADJ") and not urge) or words[0].pos_ == "ADV":
                return []  # no plain list of names
            if normalize_word(words[-1].lower_) in _FALL_NOUNS | _RISE_NOUNS:
                return []
            named = self.sdoc[words[0].i : words[-1].i + 1].text
            measured = words[0].lower_ in LEVEL_CHANGES and words[-1].lemma_.lower() in W.MEASURE_NOUNS
            entry = self.doc.candidate(named) if measured else self.lookup_phrase(named)  # ("low magnesium levels": the finding)
            entry = entry or (self.doc.candidate(named, item=True) if any(w.lower_ in ("in", "at", "of") for w in words) else None)
            if entry is not None and entry.kind not in (NodeKind.AGENT, NodeKind.THERAPY):
                found.append(entry)
        return found


def _site_after(doc: Any, k: int) -> bool:
    """Whether the words after the preposition at ``k`` name a body site ("in the nose", "at the injection site")."""
    words = [t for t in doc[k + 1 : k + 5] if t.lower_ not in C.DETERMINERS | C.POSSESSIVES]
    return bool(words) and normalize_word(words[0].lower_) in W.BODY_SITES | N.BODY_PARTS
