"""The pattern reader's noun phrases: lists split at "and", "or" and commas, examples, shared
heads and complements, and each phrase resolved to a lexicon node or a candidate node.
"""

from __future__ import annotations

from dataclasses import replace

from . import cues as C
from . import namewords as N
from .kinds import PROCESS_HEADS
from .lexicon import LexiconEntry
from .phraseshapes import _PhraseShapes
from .readerstate import (
    _ADJECTIVES,
    _AGENT_KINDS,
    _NOT_NAME_HEADS,
    _PARTICIPLE_FOLLOWERS,
    _Hit,
    _Item,
    _Ref,
)
from .tokens import hyphen_before, normalize_word, tokenize, words_of

#: the words that name what the phrase before them only classed ("a protein called TSLP")
_NAMING = frozenset("called termed named known".split())


#: what counts a disease ("cases of X", "episodes of X"): the disease
_COUNTED = frozenset(normalize_word(w) for w in "case episode".split())


class _Phrases(_PhraseShapes):
    """Noun-phrase lists and their resolution to nodes."""

    # -- noun-phrase lists ------------------------------------------------------------------

    def _parse_list(self, start: int, end: int, *, subject: bool, cue: _Hit | None = None) -> list[_Item]:
        """Split tokens ``start..end`` into noun phrases (lists, examples) and resolve each."""
        raw: list[tuple[list[int], int]] = []  # tokens, group
        group = 0
        current: list[int] = []
        k = start
        depth = 0
        while k <= end and k < self.n:
            word = self.low[k]
            if k in self.adverbial and k not in self.mention_at:
                k += 1
                continue
            if word == "(":
                depth += 1
            if depth:
                if word == ")":
                    depth -= 1
                k += 1
                continue
            marker = self._example_marker(k)
            if marker:
                if current and self.lower(k) in _NAMING and all(self._class_word(j) for j in current):
                    current = []  # "a protein called TSLP": TSLP, the class no node of its own
                if current:
                    raw.append((current, group))
                current = []
                group += 1
                k += marker
                continue
            if word in ("and", "or") and self._verb_after(k + 1):
                break  # "accelerates X and acts as a cofactor": a coordinated verb ends the list
            if word in (",", "and", "or", "&", "nor", "/") and k not in self.mention_at:
                if word == "/" and self.lower(k - 1) == "and":
                    k += 1
                    continue
                if word == "," and 0 < k < self.n - 1 and self.tokens[k - 1].end == self.tokens[k].start and self.tokens[k].end == self.tokens[k + 1].start:
                    current.append(k)  # "phosphatidylinositol 4,5-bisphosphate", "1,500": a comma inside a name or a number
                    k += 1
                    continue
                if word == "," and self.lower(k + 1) in ("and", "or"):
                    k += 1
                    continue
                if word == "," and current and all(self._chain_adjective(j) for j in current) and self._modifier_chain(current[-1], k, end):
                    current = []  # "thick, red, scaly patches", "a selective, reversible antagonist": the last one's phrase
                    k += 1
                    continue
                if current:
                    raw.append((current, group))
                current = []
                if word == "," and self._appositive(k + 1, end):
                    break  # "BLyS, a TNF-family cytokine ...": a description of the name before, not another name
                k += 1
                continue
            if word == "as" and self.lower(k + 1) == "well" and self.lower(k + 2) == "as":
                if current:
                    raw.append((current, group))
                current = []
                k += 3
                continue
            current.append(k)
            k += 1
        if current:
            raw.append((current, group))
        for position in range(len(raw) - 1):  # "muscle and joint pain": the body part shares the next item's head
            (tokens, grp), (following, _grp) = raw[position], raw[position + 1]
            if len(tokens) == 1 and self.norm(tokens[0]) in N.BODY_PARTS and self.low[tokens[0] + 1] in ("and", "or") and len(following) >= 2:
                if following[0] == tokens[0] + 2:
                    raw[position] = ([tokens[0], following[-1]], grp)
        items: list[_Item] = []
        leads = [self._lead_preposition(tokens) for tokens, _grp in raw]
        for position, (tokens, grp) in enumerate(raw):
            if position and leads[position] not in (None, "of", leads[0], self.lower(start - 1)):
                j = tokens[0] - 1
                while j > start and self.low[j] == ",":
                    j -= 1
                if self.low[j] not in ("and", "or"):
                    break  # "causes X, often on the elbows, knees and scalp": an adjunct, where the list ended
                if self.lower(tokens[-1] + 1) == ",":
                    continue  # "JAK1 and, to a lesser extent, JAK2": an aside before the next item
            np = self._noun_phrase(tokens, first_item=position == 0)
            if not np:
                if position == 0 and not subject:
                    return []  # "produce in X": the object is elsewhere
                continue
            items.append(_Item(np, group=grp))
            content = [k for k in tokens if self.tokens[k].is_word or self.low[k] == ")"]
            if content and np[-1] < content[-1] and not subject:
                break  # the phrase was cut before an adjunct: the rest of the list belongs to it
        if len(items) > 1 and self._of_body_part(items[0].tokens):
            # "swelling of the hands and feet, the face, the lips": the list goes on naming where, not what
            items = [items[0], *(item for item in items[1:] if not self._body_part(item.tokens))]
        self._distribute(items)
        causal = bool(cue and isinstance(cue.cue, C.CueVerb) and cue.cue.causal)
        for item in items:
            if not item.refs and not item.pronoun and not item.generic:
                self._resolve(item, subject=subject, causal=causal)
        # examples are of the kind of what they exemplify: drugs are no examples of a cytokine
        # ("antibodies that neutralise IL-17A, such as X and Y": X and Y are the antibodies)
        kept = []
        for position, item in enumerate(items):
            owner = next((other for other in reversed(items[:position]) if other.group < item.group), None) if item.group > 0 else None
            if (
                owner is not None
                and owner.refs
                and item.refs
                and all(r.entry.kind in _AGENT_KINDS for r in item.refs)
                and not any(r.entry.kind in _AGENT_KINDS for r in owner.refs)
            ):
                continue
            kept.append(item)
        items = kept
        # examples share the sign of what they exemplify ("reduced transcription of ILs, in particular IL-2")
        for position, item in enumerate(items):
            if item.group > 0:
                owner = next((other for other in reversed(items[:position]) if other.group < item.group), None)
                mods = {ref.mod for ref in owner.refs} if owner else set()
                if len(mods) == 1 and None not in mods:
                    shared = next(iter(mods))
                    item.refs = [replace(ref, mod=ref.mod if ref.mod is not None else shared) for ref in item.refs]
        return items

    def _noun_phrase(self, tokens: list[int], *, first_item: bool) -> list[int]:
        """Trim a conjunct to its noun phrase: no leading preposition, cut before adjuncts."""
        out: list[int] = []
        index = 0
        while index < len(tokens) and self.low[tokens[index]] in C.ADVERBS | {","} and tokens[index] not in self.mention_at:
            index += 1
        if index < len(tokens) and self.low[tokens[index]] in C.PREPOSITIONS and tokens[index] not in self.mention_at:
            if first_item:
                return []
            index += 1
        previous_head = ""
        if index < len(tokens) and (self.low[tokens[index]], self.lower(self.next_word(tokens[index]))) in C.SETTING_WORDS:
            return []
        for position in range(index, len(tokens)):
            k = tokens[position]
            word = self.low[k]
            if (word, self.lower(self.next_word(k))) in C.SETTING_WORDS:
                break
            if k in self.mention_at:
                out.append(k)
                previous_head = self.norm(k)
                continue
            if k in self.hit_at and self.hit_at[k].form not in ("nominal", "compound"):
                break
            if word in C.BOUNDARIES or word in C.AUXILIARIES or word in C.MODALS or word in (";", ":"):
                break
            if word == "so" and self.lower(self.next_word(k)) == "that" and k not in self.mention_at:
                break  # "activates T cells so that they ...": a clause of purpose, no part of the name
            if word in C.PREPOSITIONS and word != "of" and not hyphen_before(self.tokens, k):  # (but "insulin-like": one word)
                head_is_change = previous_head in C.SIGN_NOUNS or previous_head in C.NOMINAL_CUES
                if not (word in ("in", "on") and head_is_change):
                    break
            if (
                self.is_word(k)
                and (word.endswith("ed") or word.endswith("ing"))
                and out
                and len(word) > 4
                and normalize_word(word) not in PROCESS_HEADS
                and self.lower(self.next_word(k)) in _PARTICIPLE_FOLLOWERS
            ):
                break
            out.append(k)
            if self.is_word(k) and not (word.endswith("ly") and k not in self.mention_at):
                previous_head = self.norm(k)
        while out and not self.tokens[out[-1]].is_word and self.low[out[-1]] != ")":
            out.pop()
        return out

    def _distribute(self, items: list[_Item]) -> None:
        """Shared complements and heads: "the production and release of X", "viral and bacterial diseases"."""
        for group in {item.group for item in items}:
            members = [item for item in items if item.group == group]
            if len(members) < 2:
                continue
            last = members[-1]
            words = [k for k in last.tokens if self.is_word(k)]
            if not words:
                continue
            of_position = next((p for p, k in enumerate(last.tokens) if self.low[k] == "of"), None)
            degree_done = False  # "severe, life-threatening or fatal infections": each degree word is the last item's
            for item in members[:-1]:
                content = [k for k in item.tokens if self.is_word(k) and self.low[k] not in C.DETERMINERS]
                if self._cell_letters(content, words):  # "circulating T and B cells": T cells and B cells
                    item.tokens = [content[1], *words[1:]]
                    continue
                if not content or len(content) > 2 or any(k in self.mention_at for k in content):
                    continue
                if not N.without_states(" ".join(self.low[k] for k in content)):
                    # "free and receptor-bound IFN-γ", "soluble and membrane-bound TNF": one protein, named once
                    # (where "surface-bound IgE" alone is a pool of its own)
                    n = self._states(words)
                    last.tokens = [k for k in last.tokens if k >= words[n]] if n else last.tokens
                    item.tokens = list(last.tokens)
                    continue
                last_words = [k for k in last.tokens if self.is_word(k) and self.low[k] not in C.DETERMINERS]
                if of_position is None and "-".join(self.low[k] for k in content) in N.DEGREE_WORDS:  # ("life-threatening")
                    head = [k for k in last_words if self.low[k] not in N.DEGREE_WORDS]
                    if head and (len(head) < len(last_words) or degree_done):  # "profound and prolonged lymphopenia": lymphopenia, once
                        degree_done = True
                        last.tokens = item.tokens = head
                        continue
                if of_position is not None and len(content) == 1 and self.is_adjective(content[0]) and last_words and self.is_adjective(last_words[0]):
                    item.tokens = content + last_words[1:]  # "the proliferative and functional capacity of X"
                    continue
                if of_position is not None:
                    combined = content + last.tokens[of_position:]
                    if (
                        self._lookup_tokens(combined) is not None
                        or self.norm(content[-1]) in PROCESS_HEADS
                        or self.norm(content[-1]) in C.SIGN_NOUNS
                        or self.norm(content[-1]) in C.TRANSPARENT_NOUNS
                    ):
                        item.tokens = combined
                        continue
                if of_position is None and len(words) >= 2 and len(content) == 1:
                    # "viral and bacterial diseases": the shared head
                    combined_text = self.low[content[0]] + " " + " ".join(self.low[k] for k in words[1:])
                    entry = self.doc.lexicon.lookup(combined_text)
                    if entry is not None:
                        item.refs = [_Ref(entry)]
                        continue
                    if self.is_adjective(content[0]) or self.low[content[0]] in _ADJECTIVES:
                        item.tokens = content + words[1:]
                        continue
                if len(words) == 1 and len(content) == 1:
                    # "radio or chemotherapy": the shared end of a compound word
                    whole = self.low[words[0]]
                    stem = self.low[content[0]]
                    for cut in range(2, len(whole) - 3):
                        entry = self.doc.lexicon.lookup(stem + whole[cut:])
                        if entry is not None:
                            item.refs = [_Ref(entry)]
                            break

    def _resolve(self, item: _Item, *, subject: bool, causal: bool) -> None:
        tokens = [k for k in item.tokens]
        words = [k for k in tokens if self.is_word(k)]
        if len(words) == 1 and self.low[words[0]] in C.PRONOUNS and words[0] not in self.mention_at:
            item.pronoun = self.low[words[0]]
            return
        possessive = None
        if len(words) >= 3 and self.low[words[0]] == "one" and self.low[words[1]] == "of" and self.low[words[2]] in ("these", "those", "its", "their"):
            return  # "one of these enzymes, JAK1": the name after it names the one
        demonstrative = bool(words) and self.low[words[0]] in ("this", "these", "that", "those")
        while words and self.low[words[0]] in C.DETERMINERS and words[0] not in self.mention_at and not self._glued(words[0]):
            if self.low[words[0]] in C.POSSESSIVES:
                possessive = self.low[words[0]]
            words = words[1:]
        words = self._strip_quantifiers(words)
        n = self._states(words)
        if n and self.norm(words[n]) in C.TRANSPARENT_NOUNS:  # "the membrane-bound forms of X": X
            words = words[n:]
        if not words:
            return
        if len(words) == 1 and self.low[words[0]] in C.PRONOUNS and words[0] not in self.mention_at:
            item.pronoun = self.low[words[0]]
            return
        # a name covering the whole phrase
        whole = self._lookup_tokens(words)
        if whole is not None:
            item.refs = [_Ref(whole)]
            return
        if (
            demonstrative
            and len(words) <= 3
            and not N.event_word(self.low[words[-1]])
            and not any(self.norm(k) in C.GENERIC_NOUNS | C.NON_ENTITY | C.ABSTRACT_NOUNS | N.DISEASE_NOUNS for k in words)
        ):
            return  # "this pathway", "these kinases", "this second signal": named before, no node of its own
        of_at = next((p for p, k in enumerate(words) if self.low[k] == "of" and k not in self.mention_at), None)
        in_at = next((p for p, k in enumerate(words) if self.low[k] in ("in", "on") and k not in self.mention_at), None)
        head_norm = self.norm(words[0])
        if possessive and any(self.norm(k) in C.ABSTRACT_NOUNS | C.GENERIC_NOUNS for k in words[: of_at if of_at is not None else len(words)]):
            item.pronoun = possessive  # "their main objective", "its mode of action"
            return
        # "changes in X", "inhibition of X" (after a causal verb or as a subject)
        if head_norm in C.SIGN_NOUNS and (of_at == 1 or in_at is not None and in_at <= 2):
            sign = C.SIGN_NOUNS[head_norm]
            if sign == 0 or causal or subject:
                cut = (of_at if of_at == 1 else in_at) + 1  # type: ignore[operator]
                inner = _Item(words[cut:], group=item.group)
                self._resolve(inner, subject=subject, causal=False)
                item.refs = [replace(ref, mod=sign if ref.mod is None else ref.mod * sign) for ref in inner.refs]
                item.pronoun, item.generic = inner.pronoun, inner.generic
                return
        if causal and self.low[words[0]] in C.SIGN_ADJECTIVES and len(words) > 1:
            inner = _Item(words[1:], group=item.group)
            self._resolve(inner, subject=subject, causal=False)
            sign = C.SIGN_ADJECTIVES[self.low[words[0]]]
            item.refs = [replace(ref, mod=sign if ref.mod is None else ref.mod * sign) for ref in inner.refs]
            return
        if (
            of_at is not None
            and of_at > 1
            and self.norm(words[of_at - 1]) in N.STUDY_NOUNS
            and all(self.is_adjective(k) or self.low[k] in N.STUDY_MODIFIERS for k in words[: of_at - 1])
        ):
            words = words[of_at - 1 :]  # "earlier trials of X" (lowered Y): X did
            of_at, head_norm = 1, self.norm(words[0])
        # "the activity of T cells" -> T cells; "its mode of action" -> its owner
        if of_at == 1 and (head_norm in C.TRANSPARENT_NOUNS or head_norm in C.ABSTRACT_NOUNS):
            if 2 < len(words) <= 5 and self.lower(words[2]) in ("this", "these", "that", "those"):
                return  # "the action of this protein": something named before
            inner = _Item(words[2:], group=item.group)
            named = self._lookup_tokens([k for k in words[2:] if self.low[k] not in C.DETERMINERS])
            self._resolve(inner, subject=subject, causal=False)
            if named is not None or any(ref.entry.origin != "text" for ref in inner.refs) or (inner.refs and head_norm in C.ABSTRACT_NOUNS | _COUNTED):
                item.refs = inner.refs
                return
        content = [k for k in words if not self.is_adjective(k) or k in self.mention_at]
        if (
            head_norm in C.ABSTRACT_NOUNS | C.GENERIC_NOUNS
            and all(self.is_adjective(k) for k in words[:-1] if k != words[0])
            and of_at is None
            and len(content) <= 1
        ):
            if possessive:
                item.pronoun = possessive
            else:
                item.generic = True
            return
        # a name at the end, after modifiers ("immunocompetent lymphocytes", "the enzyme calcineurin")
        last_match = self.mention_at.get(words[-1])
        if last_match is not None and last_match.first not in words:
            last_match = None  # a name that belongs to the next phrase ("the secretion and expression of X")
        if last_match is not None and of_at is None and not (last_match.entry.origin == "text" and words[0] < last_match.first):
            item.refs = [_Ref(last_match.entry)]
            return
        if last_match is not None and of_at is not None and words.index(next(k for k in words if self.mention_at.get(k) is last_match)) <= 2:
            before = [k for k in words if k < last_match.first]
            if (
                len(before) <= 2
                and not any(self.low[k] == "of" or k in self.mention_at for k in before)
                and (not before or self.norm(before[-1]) not in _NOT_NAME_HEADS)
            ):
                item.refs = [_Ref(last_match.entry)]  # "the lost balance of the immune system"
                return
        if last_match is not None and of_at is not None and self.mention_at.get(words[of_at + 1]) is last_match:
            head_words = words[:of_at]
            if (
                head_words
                and all(self.is_adjective(k) or self.low[k] in C.DETERMINERS for k in head_words[:-1])
                and self.norm(head_words[-1]) in C.TRANSPARENT_NOUNS
                and len(head_words) == 1
            ):
                item.refs = [_Ref(last_match.entry)]
                return
        if possessive:
            owner = self._pronoun(possessive, words[0])
            if owner and self.low[words[-1]] in N.DRUG_MEASURES and owner[0].entry.kind in _AGENT_KINDS:
                item.refs = owner[:1]  # "they increase its (plasma) exposure": the drug's
                return
            if owner:  # "its metabolite" -> "metabolite of <owner>"
                owner_name = owner[0].entry.label.split(" (")[0]
                label = " ".join(self.tokens[k].text for k in words) + " of " + owner_name
                entry = self.doc.lexicon.lookup(label)
                if entry is not None:
                    item.refs = [_Ref(entry)]
                    return
        # generic: every word generic or an adjective ("related compounds", "cellular changes")
        nouns = [k for k in words if not self.is_adjective(k) and self.low[k] not in ("of",)]
        if not nouns or all(self.norm(k) in C.GENERIC_NOUNS | C.NON_ENTITY | C.ABSTRACT_NOUNS for k in nouns):
            item.generic = True
            return
        if of_at is not None and of_at + 1 < len(words):
            complement = [k for k in words[of_at + 1 :] if not self.is_adjective(k) and self.low[k] not in C.DETERMINERS]
            if complement and all(self.norm(k) in C.GENERIC_NOUNS | C.NON_ENTITY | C.ABSTRACT_NOUNS for k in complement):
                item.generic = True
                return
        if len(words) > 9 or len(words) == 1 and self.norm(words[0]) in C.NON_ENTITY:
            return
        label = self._label(words)
        if not label or len(label) < 2:
            return
        entry = self.doc.candidate(label)
        if entry is not None:
            item.refs = [_Ref(entry)]

    def _glued(self, k: int) -> bool:
        """Whether token ``k`` runs on into the next with no space ("A" of "A2A"): part of a name, no article."""
        return k + 1 < self.n and self.tokens[k + 1].start == self.tokens[k].end

    def _strip_quantifiers(self, words: list[int]) -> list[int]:
        changed = True
        while changed and words:
            changed = False
            if len(words) > 2 and self.low[words[0]].isdigit() and self.low[words[1]] == "of" and self.lower(words[0] + 1) == "%":
                words, changed = words[2:], True  # "80% of cases of X" (the sign is no word)
                continue
            for phrase in C.QUANTIFIER_PHRASES:
                size = len(phrase)
                if len(words) > size and tuple(self.norm(k) for k in words[:size]) == phrase and words[0] not in self.mention_at:
                    words = words[size:]
                    while words and self.low[words[0]] in C.DETERMINERS:
                        words = words[1:]
                    changed = True
                    break
        return words

    def _lookup_tokens(self, words: list[int]) -> LexiconEntry | None:
        if not words:
            return None
        first, last = words[0], words[-1]
        contiguous = all(not any(self.tokens[k].is_word for k in range(a + 1, b)) for a, b in zip(words, words[1:]))
        if contiguous:
            text = self.sentence.text[self.tokens[first].start - self.sentence.start : self.tokens[last].end - self.sentence.start]
        else:
            text = " ".join(self.tokens[k].text for k in words)
        entry = self.doc.lexicon.lookup(text)
        if entry is None and not contiguous:
            # "secretion of proteins on the cell surface": the longest name from the start
            tokens = tokenize(text)
            found = self.doc.lexicon.match(tokens, words_of(tokens), 0)
            if found is not None and found[0] >= 3:
                return found[1].entry
        return entry

    def _label(self, words: list[int]) -> str:
        kept: list[int] = []
        position = 0
        while position < len(words):
            if position and self.low[words[position - 1]] == "of":
                rest = [k for k in words[position:] if self.low[k] not in ("a", "an", "the")]
                stripped = self._strip_quantifiers(rest)
                if len(stripped) < len(rest):
                    kept.extend(stripped)
                    break
            kept.append(words[position])
            position += 1
        words = kept
        pieces: list[str] = []
        for position, k in enumerate(words):
            token = self.tokens[k]
            if position:
                previous = self.tokens[words[position - 1]]
                gap = self.doc.text[previous.end : token.start]
                pieces.append(gap if gap and len(gap) <= 2 and not gap.strip(" -‐/+") == gap and " " not in gap and gap.strip() else (" " if gap else ""))
            pieces.append(token.text)
        label = "".join(pieces).strip(" -,")
        return label

    # -- where a clause's span ends (moved beside the phrases it bounds)

    def _next_hit(self, hit: _Hit) -> _Hit | None:
        for other in self.hits:
            if other.first > hit.last and other.form != "nominal":
                return other
        return None
