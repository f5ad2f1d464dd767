"""The pattern reader's names and cues: the abbreviations a sentence defines, the lexicon's names
in it, and its cues (verbs in any form, nouns that carry a relation) with their hedges.
"""

from __future__ import annotations

from . import cues as C
from . import namewords as N
from .readerstate import (
    _ADJECTIVES,
    _FRONTED,
    _Hit,
    _ReaderBase,
)
from .tokens import abbreviation_fits, hyphen_before


class _Mentions(_ReaderBase):
    """Abbreviations, names and cues of a sentence."""

    # -- abbreviations ----------------------------------------------------------------------

    def _abbreviations(self) -> None:
        """Register "long form (ABBR)" definitions in the per-text lexicon (Schwartz & Hearst)."""
        tokens = self.tokens
        for index, token in enumerate(tokens):
            if token.text != "(":
                continue
            close = next((j for j in range(index + 1, min(index + 8, self.n)) if tokens[j].text == ")"), None)
            if close is None or close == index + 1:
                continue
            short = self.sentence.text[tokens[index + 1].start - self.sentence.start : tokens[close - 1].end - self.sentence.start]
            letters = [ch for ch in short if ch.isalnum()]
            if not (2 <= len(short) <= 12 and " " not in short.strip() and any(ch.isupper() for ch in short) and letters):
                continue
            long_first = self._long_form(index, short)
            if long_first is None:
                continue
            long_text = self.sentence.text[tokens[long_first].start - self.sentence.start : tokens[index - 1].end - self.sentence.start]
            lexicon = self.doc.lexicon
            known_long = lexicon.lookup(long_text)
            known_short = lexicon.lookup(short)
            if known_short is not None and known_long is None and not lexicon.redefines(short, long_text):
                lexicon.known_short_form(short, long_text)  # the long form names the known node
                continue
            entry = known_long or self.doc.candidate(long_text)
            if entry is not None:
                lexicon.name_short_form(short, entry, long_text)

    def _long_form(self, paren: int, short: str) -> int | None:
        words = [j for j in range(paren) if self.tokens[j].is_word]
        letters = [ch.lower() for ch in short if ch.isalnum()]
        limit = min(len(letters) + 5, len(letters) * 2)
        candidates = [j for j in words if j >= 0][-limit:]
        for start_pos in range(len(candidates) - 1, -1, -1):
            first = candidates[start_pos]
            if self.low[first] in C.DETERMINERS or any(self.low[k] in (",", ";", ".") for k in range(first, paren)):
                continue
            long_text = " ".join(self.low[k] for k in range(first, paren) if self.tokens[k].is_word)
            if abbreviation_fits(letters, long_text) and long_text[0] == letters[0]:
                return first
        return None

    # -- names --------------------------------------------------------------------------------

    def _mentions(self) -> None:
        position = 0
        while position < len(self.words):
            if self.words[position] is None:
                position += 1
                continue
            found = self.doc.lexicon.match(self.tokens, self.words, position)
            if found is None:
                position += 1
                continue
            length, match = found
            for index in range(match.first, match.last + 1):
                self.mention_at[index] = match
            position += length

    # -- cues -------------------------------------------------------------------------------

    def _cues(self) -> None:
        index = 0
        while index < self.n:
            hit = self._cue_at(index)
            if hit is None:
                index += 1
                continue
            self.hits.append(hit)
            for k in range(hit.first, hit.last + 1):
                self.hit_at[k] = hit
            index = hit.last + 1

    def _cue_at(self, i: int) -> _Hit | None:
        if not self.is_word(i) or i in self.mention_at:
            return None
        word = self.low[i]
        for following, cue, form in self.doc.cue_index.get(word, ()):
            last = i
            ok = True
            for particle in following:
                j = self.next_word(last)
                if self.lower(j) != particle:
                    ok = False
                    break
                last = j
            if not ok:
                continue
            for optional in cue.optional:
                j = self.next_word(last)
                if self.lower(j) == optional:
                    last = j
            if form == "ing" and self.lower(i - 1) in C.DETERMINERS:
                continue  # "the killing function": an adjective
            if form == "ed" and self.lower(i - 1).endswith("ally") and self.lower(self.next_word(i)) not in C.PREPOSITIONS | C.DETERMINERS | {"by"}:
                continue  # "genetically modified T cells": a kind of cells, no relation
            if form == "ing" and i >= 2 and self.lower(i - 1) in ("or", "and", ",") and (self.is_adjective(i - 2) or self.lower(i - 2).endswith("ing")):
                continue  # "secondary progressive, progressive relapsing or worsening relapsing-remitting MS": a kind of the disease
            if word == "lower" and self.lower(self.next_word(i)) in N.LOWER_PARTS:
                continue  # "the lower back", "lower respiratory tract infections": a place
            if (
                form in ("ing", "s", "base")
                and i > 1
                and hyphen_before(self.tokens, i)
                and self.is_word(i - 2)
                and self.tokens[i - 2].end == self.tokens[i - 1].start
            ):
                continue  # "FK506-binding protein": part of a name
            if form == "ed" and hyphen_before(self.tokens, i):
                # "lymphokine-activated killer cells", "IL-6-induced STAT3 phosphorylation", "T
                # cell-mediated regression": part of a name that says which kind of the thing it
                # is, not a relation of its own
                continue
            if (
                form in ("base", "s")
                and not cue.copular
                and not following
                and (
                    (self.lower(i - 1) in C.DETERMINERS | {"of"} and (i - 1) not in self.mention_at)
                    or (self.lower(i - 2) in C.DETERMINERS and (self.is_adjective(i - 1) or self.lower(i - 1) in _ADJECTIVES))
                    or self.lower(self.next_word(last)) == "of"
                    or self._after_object_name(i)
                )
            ):
                continue  # "the release of X", "the main target": a noun
            hit = _Hit(i, last, cue, form, " ".join(self.tokens[k].text for k in range(i, last + 1) if self.tokens[k].is_word))
            if form == "ed" and not cue.copular:
                if not self._classify_participle(hit):
                    return None
            if cue.copular and not any(self.lower(k) in C.BE_FORMS for k in range(max(0, i - 3), i)):
                return None
            return hit
        norm = self.tokens[i].norm
        nominal = C.NOMINAL_CUES.get(norm)
        if nominal is not None:
            j = self.next_word(i)
            if self.lower(j) in C.PRONOUNS and self.lower(j + 2) in ("in", "on", "to") and self.is_word(j + 1):
                return _Hit(i, i, nominal, "nominal", self.tokens[i].text)  # "the alteration they produce in X"
            if self.lower(j) in ("of", "in", "between", "with", "to"):
                return _Hit(i, i, nominal, "nominal", self.tokens[i].text)
            if self.lower(j) in ("and", "or") and self.lower(j + 2) in ("of", "in") and self.is_word(j + 1):
                return _Hit(i, i, nominal, "nominal", self.tokens[i].text)  # "the prevention and treatment of X"
        return None

    def _after_object_name(self, i: int) -> bool:
        """ "increases adenosine release": a cue word right after the object of another verb is a noun."""
        match = self.mention_at.get(i - 1)
        if match is None:
            return False
        before = match.first - 1
        return before >= 0 and (before in self.hit_at or self.low[before] in C.DETERMINERS)

    def _classify_participle(self, hit: _Hit) -> bool:
        """Passive, reduced relative ("X caused by Y"), simple past, or adjective (dropped)."""
        j = hit.first - 1
        while j >= 0 and (self.low[j] in C.ADVERBS or self.low[j].endswith("ly") and self.is_word(j) and j not in self.mention_at):
            j -= 1
        after = self.next_word(hit.last)
        while after < self.n and (self.low[after] in C.ADVERBS or (self.low[after].endswith("ly") and self.is_word(after))):
            after = self.next_word(after)
        by = self.lower(after) == "by"
        if 0 <= j and self.low[j] in C.BE_FORMS | {"has", "have", "had"}:
            hit.passive = self.low[j] in C.BE_FORMS
            return True
        previous = self.lower(j)
        if previous == "," and not by and self._after_appositive(j):
            return True  # "X, the first IL-17A inhibitor, reduced Y": the sentence's verb
        adjective = previous in N.PLAIN_ADJECTIVES or previous == "live"  # "live attenuated vaccines", "mild elevated X"
        if (
            j < 0
            or previous in C.DETERMINERS
            or previous in C.PREPOSITIONS
            or previous in (",", "and", "or", "(")
            or previous == "of"
            or previous in _FRONTED
            or adjective
        ):
            # "activated T cells", "leads to reduced X": an adjective, unless "by" follows
            if by and previous not in C.DETERMINERS:
                hit.reduced = True
                return True
            return False
        if by:
            hit.reduced = True
        return True

    def _after_appositive(self, comma: int) -> bool:
        """``comma`` closes an appositive set off after the name that opens the sentence ("X, an
        antibody against Y, ...")."""
        commas = [k for k in range(comma) if self.low[k] == ","]
        if len(commas) != 1 or not any(k in self.mention_at for k in range(commas[0])) or comma - commas[0] > 8:
            return False
        return self.low[commas[0] + 1] in ("the", "a", "an") and not any(self.low[k] in C.BE_FORMS for k in range(comma))

    def _hedges(self) -> tuple[str, ...]:
        found: list[str] = []
        words = [self.lower(i) for i in range(self.n)]
        for phrase in C.HEDGE_PHRASES:
            for start in range(self.n - len(phrase) + 1):
                if tuple(words[start : start + len(phrase)]) == phrase:
                    found.append(" ".join(phrase))
        return tuple(dict.fromkeys(found))
