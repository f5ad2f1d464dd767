"""The shapes the pattern reader tells lists by: adjectives set off by commas before their noun,
a place after a list, a list of body parts after "swelling of", a coordinated verb that ends a list,
a description after a name, the markers of examples, the states a protein's name starts with, and
where the phrase list after a cue ends.
"""

from __future__ import annotations

from ..vocabulary import NodeKind
from . import cues as C
from . import namewords as N
from .parsed import CUE_FORMS
from .parsewords import _CLASS_NOUNS, _KIND_NOUNS
from .readerstate import _CLASS_HEADS, _MARKER_FIRST, _NOUN_PLURALS, _Hit, _ReaderBase
from .tokens import hyphen_before

__all__: list[str] = []


class _PhraseShapes(_ReaderBase):
    """Tests on the tokens of a phrase list (see the module)."""

    def _body_part(self, tokens: list[int]) -> bool:
        words = [k for k in tokens if self.is_word(k) and self.low[k] not in C.DETERMINERS | C.POSSESSIVES | {"and", "or"}]
        return bool(words) and all(
            (self.norm(k) in N.BODY_PARTS or self.low[k] in ("left", "right", "upper", "lower", "both")) and k not in self.mention_at for k in words
        )

    def _of_body_part(self, tokens: list[int]) -> bool:
        """Whether a phrase ends with "of" or "in" and a part of the body ("swelling of the hands and feet")."""
        at = next((p for p, k in enumerate(tokens) if self.low[k] in ("of", "in")), None)
        return at is not None and self._body_part(tokens[at + 1 :])

    def _lead_preposition(self, tokens: list[int]) -> str | None:
        """The preposition a list item starts with, after adverbs ("often on the elbows": "on")."""
        for k in tokens:
            if self.low[k] in C.ADVERBS | {","} and k not in self.mention_at:
                continue
            return self.low[k] if self.low[k] in C.PREPOSITIONS and k not in self.mention_at else None
        return None

    def _modifier_chain(self, word: int, comma: int, end: int) -> bool:
        """Whether ``word`` before ``comma`` is the first of adjectives set off by commas before their noun
        ("thick, red, scaly patches"): each next item a lone adjective, the last two words or more, with no
        "and" or "or" among them (else "viral, fungal and bacterial infections" is a list with a shared head)."""
        if not self._chain_adjective(word):
            return False
        items: list[list[int]] = [[]]
        for k in range(comma + 1, min(end + 1, self.n)):
            if self.low[k] in ("and", "or", "&", "nor", ";", ":", "(", ")") or k in self.hit_at:
                return False
            if self.low[k] == ",":
                if len(items[-1]) != 1 or not self._chain_adjective(items[-1][0]):
                    break
                items.append([])
            elif self.is_word(k):
                items[-1].append(k)
        last = items[-1]
        return len(last) >= 2 and not self._chain_adjective(last[-1]) and all(k not in self.mention_at for k in last[:-1] if self._chain_adjective(k))

    def _chain_adjective(self, k: int) -> bool:
        word = self.low[k]
        return k not in self.mention_at and self.tokens[k].text.islower() and (self.is_adjective(k) or word in N.PLAIN_ADJECTIVES)

    def _verb_after(self, k: int) -> bool:
        """Whether token ``k`` is a verb's third person followed by a preposition or a determiner ("acts as")."""
        word = self.lower(k)
        if not (word.endswith("s") and (word in CUE_FORMS or word in self.doc.cue_index)):
            return False
        if self.lower(k + 1) in ("it", "them"):
            return True  # "binds X and blocks it": no noun is followed by "it"
        return word not in _NOUN_PLURALS and self.lower(k + 1) in C.PREPOSITIONS | C.DETERMINERS | {"its", "their"}

    def _appositive(self, k: int, end: int) -> bool:
        """Whether the phrase at ``k`` (after a comma) describes the name before it: "a cytokine that
        ...", "the rate-limiting enzyme of X", "a TNF-family cytokine"."""
        if self.lower(k) in ("a", "an"):
            return True
        if self.lower(k) != "the":
            return False
        stop = next((j for j in range(k + 1, min(end + 1, self.n)) if self.low[j] in (",", "of", "that", "which", "and", "or", ";")), min(end + 1, self.n))
        return stop - 1 > k and self.norm(stop - 1) in _CLASS_HEADS

    def _cell_letters(self, content: list[int], words: list[int]) -> bool:
        """A modifier and a cell type's letters before the last item's "cells", which the items share
        ("circulating T and B cells", "activated CD4 and CD8 cells")."""
        letters = self.tokens[content[1]].text if len(content) == 2 else ""
        return (
            0 < len(letters) <= 3
            and letters[:1].isupper()
            and self.low[content[0]].endswith(("ing", "ed"))
            and len(words) == 2
            and self.low[words[-1]] in ("cell", "cells")
        )

    def _class_word(self, k: int) -> bool:
        """A word of a phrase that only classes what is named after it ("a [small] protein called X")."""
        word = self.low[k]
        norm = self.norm(k)
        return not self.is_word(k) or word in C.DETERMINERS or norm in _CLASS_NOUNS or norm in C.GENERIC_NOUNS or norm in _KIND_NOUNS or self.is_adjective(k)

    def _example_marker(self, k: int) -> int:
        first = k
        while first < min(self.n, k + 4) and not self.is_word(first):
            first += 1
        if self.lower(first) not in _MARKER_FIRST:
            return 0  # most words start no marker: skip the scan
        if hyphen_before(self.tokens, first):
            return 0  # "insulin-like growth factor": part of a word, no example
        for marker in C.EXAMPLE_MARKERS:
            size = len(marker)
            words = [self.lower(j) for j in range(k, k + size * 2) if self.is_word(j)][:size]
            if tuple(words) == marker and k not in self.mention_at:
                matched = 0
                j = k
                while matched < size and j < self.n:
                    if self.is_word(j):
                        matched += 1
                    j += 1
                while j < self.n and self.low[j] in (".", ","):
                    j += 1
                return j - k
        return 0

    def _states(self, words: list[int]) -> int:
        """How many of ``words`` are states the name starts with ("membrane-bound forms": 2), where a word is left."""
        full = " ".join(self.tokens[k].text for k in words)
        if N.without_states(full) == full:
            return 0
        return max(n for n in range(len(words)) if not N.without_states(" ".join(self.low[k] for k in words[:n])))

    def _span_end(self, start: int, hit: _Hit) -> int:
        depth = 0
        k = start
        last_content = start - 1
        while k < self.n:
            word = self.low[k]
            if word == "(":
                depth += 1
            elif word == ")":
                depth = max(0, depth - 1)
            elif depth == 0:
                other = self.hit_at.get(k)
                if (
                    other is not None
                    and other is not hit
                    and other.form not in ("nominal", "compound")
                    and not (other.form == "ed" and not other.passive and not other.reduced and k > start and self.low[k - 1] in C.DETERMINERS)
                ):
                    break
                if (
                    word in (";", ":")
                    or (word in C.BOUNDARIES and word not in ("however",))
                    or (k > start and word.endswith(("ed", "en")) and self.lower(k + 1) == "by")
                ):
                    break  # (and "reactions driven by X": a reduced passive ends the phrase)
                if word in C.AUXILIARIES | C.MODALS and k > start:
                    break
                if word == "." and k == self.n - 1:
                    break
                if word == "," and self.lower(k + 1) in ("and", "but") and self.lower(k + 2) in ("it", "they", "this", "these"):
                    break  # "drives X, and it licenses Y": a new clause
                after = k + 2 if self.lower(k + 1) in ("and", "or") else k + 1
                if word == "," and after in self.mention_at and self.mention_at[after].entry.kind is NodeKind.AGENT and k > start:
                    break  # "Baricitinib, which inhibits JAK1 and JAK2, and ritlecitinib, ...": the next subject, no target
                if word in C.REPORTING and self.lower(k + 1) == "that" and k > start:
                    joint = next((j for j in range(k - 1, start, -1) if self.low[j] in (",", "and", "but")), None)
                    if joint is not None:  # "prolong survival, and the label states that ...": a new clause and its subject
                        return max(start - 1, max((j for j in range(start, joint) if self.tokens[j].is_word or self.low[j] == ")"), default=start - 1))
                    break
                if word == "," and k == self.subordinate_end:
                    break  # "Because X depend on Y, Z slows ...": the fronted clause ends at its comma
            if self.tokens[k].is_word or word == ")":
                last_content = k
            k += 1
        return last_content
