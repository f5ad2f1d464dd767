"""The pattern reader's clauses: the subject of each cue (walking left over auxiliaries, relative
pronouns, coordinated verbs, pronouns and generic nouns) and its objects (to the right, up to
the next clause boundary or cue).
"""

from __future__ import annotations

from dataclasses import replace
from functools import cached_property

from ..vocabulary import NodeKind
from . import cues as C
from .readerstate import (
    _AGENT_KINDS,
    _FRONTED,
    _Hit,
    _Item,
    _ReaderBase,
    _Ref,
)


class _Clauses(_ReaderBase):
    """Subjects and objects of the cues of a sentence."""

    # -- subjects ---------------------------------------------------------------------------

    def subjects(self, hit: _Hit) -> list[_Ref]:
        if hit.subjects is None:
            hit.subjects = []  # guards against cycles
            hit.subjects = self._find_subjects(hit)
        return hit.subjects

    def _find_subjects(self, hit: _Hit) -> list[_Ref]:
        if hit.form == "nominal":
            return self._nominal_agent(hit)
        if hit.first == 0 and hit.form == "base" and self.sentence.text[:1].isupper():
            return []  # an instruction ("Treat severe CRS with X", "Avoid X"): the reader's, not the drug's
        if hit.reduced:
            return self._np_left(hit.first - 1)
        if hit.form == "ing" and hit.first > 0 and (self.is_word(hit.first - 1) or self.low[hit.first - 1] == ")"):
            before = self.low[hit.first - 1]
            if (
                before not in C.AUXILIARIES | C.MODALS | C.PREPOSITIONS | C.BOUNDARIES | C.ADVERBS | {"and", "or"}
                and before not in C.LIGHT_VERBS
                and (hit.first - 1) not in self.hit_at
                and not before.endswith("ly")
            ):
                left = self._np_left(hit.first - 1)  # "diseases resulting from X": a reduced relative
                if left:
                    return left
        i = hit.first - 1
        skipped_to = False
        while i >= 0:
            word = self.low[i]
            if (
                i in self.adverbial
                or word in C.AUXILIARIES
                or word in C.MODALS
                or word in C.ADVERBS
                or word in C.LIGHT_VERBS
                or word in C.NEGATIONS
                or word in ("to", "in", "particular", "-", "n", "'", "’", "t")
                or (word.endswith("ly") and self.is_word(i) and i not in self.mention_at)
                or (word == "," and self._adverbial_comma(i))
            ):
                if word == "to":
                    skipped_to = True
                if word == "in" and self.lower(i + 1) != "particular":
                    break
                hit.verb_group.append(i)
                i -= 1
                continue
            if word in ("the", "a", "an") and hit.verb_group and self.low[hit.verb_group[-1]] in C.LIGHT_VERBS:
                hit.verb_group.append(i)  # "the ability to increase"
                i -= 1
                continue
            if self.is_word(i) and i not in self.mention_at and i - 1 >= 0 and self.low[i - 1] in C.MODALS | {"to", "does", "do", "did"}:
                hit.verb_group.append(i)  # "may involve binding": the verb before a gerund
                i -= 1
                continue
            break
        if i < 0:
            if hit.form == "ing":
                return self._instrument(hit)
            return self._topic("topic")
        word = self.low[i]
        causal = isinstance(hit.cue, C.CueVerb) and hit.cue.causal
        if causal and (word == "which" or (word == "this" and (i == 0 or self.low[i - 1] in (",", ";")))):
            # "X binds Y, which results in Z" / "This leads to Z": the cause is what X did;
            # but "changes in A and B, which produce ...": the changes themselves
            owner = self._adjacent_owner(i)
            if owner is not None and owner.form == "nominal":
                return self._antecedent(i, hit)
            previous = owner or self._previous_hit(hit, across_relatives=True)
            if previous is not None:
                return [replace(r, mod=None) for r in self.subjects(previous)]
            if word == "which":
                return []  # "a low number of blood platelets, which can lead to bruising": what is unnamed causes it
            return self._topic("the previous sentence")
        if word in C.RELATIVES:
            return self._antecedent(i, hit)
        if word in (",", "and", "or", "but", ";") or (word == "by" and hit.form == "ing"):
            if word == ";":
                return self._instrument(hit) if hit.form == "ing" else self._topic("topic")
            previous = self._previous_hit(hit)
            if previous is not None:
                return [replace(r, mod=None) for r in self.subjects(previous)]
            if word in ("and", "or", "but") and i > 0:
                return self._clause_subject(i - 1)  # "X acts similarly but binds Y": the clause before the conjunction
            return self._clause_subject(i)
        if word in C.BOUNDARIES or word in (":", "("):
            return self._topic("topic")
        if skipped_to:
            owner = self._object_owner(i)
            if owner is not None:
                return [replace(r, mod=None) for r in self.subjects(owner)]
        if word in C.PRONOUNS and i not in self.mention_at:
            return self._pronoun(word, i)
        start = self._np_start(i)
        if start > 0 and self.low[start - 1] in C.PREPOSITIONS and self.low[start - 1] != "of":
            return self._clause_subject(start - 1)
        if start > 0 and (start - 1) in self.hit_at and self.hit_at[start - 1] is not hit:
            # "Cells that imiquimod activates X secrete ...": the NP was the object of a verb
            return self._clause_subject(start - 1)
        return self._resolve_subject_items(self._parse_list(start, i, subject=True))

    def _adverbial_comma(self, i: int) -> bool:
        """ ", specifically and reversibly," and ", in particular," around the verb."""
        j = i - 1
        while j >= 0 and (self.low[j] in C.ADVERBS or self.low[j] in ("and", "in", "particular") or self.low[j].endswith("ly")):
            j -= 1
        return j < i - 1 and self.lower(j) == ","

    def _previous_hit(self, hit: _Hit, *, across_relatives: bool = False) -> _Hit | None:
        for other in reversed(self.hits):
            if other.last < hit.first and other.form != "nominal" and not other.reduced:
                between = [self.low[k] for k in range(other.last + 1, hit.first)]
                if not across_relatives and any(w in (";",) or w in C.RELATIVES for w in between):
                    return None
                return other
        return None

    def _object_owner(self, i: int) -> _Hit | None:
        for other in self.hits:
            if other.last < i and other.form != "nominal":
                self.objects(other)
                if other.object_end >= i:
                    return other
        return None

    def _np_start(self, end: int) -> int:
        """The first token of the noun-phrase list that ends at ``end``."""
        i = end
        has_joiner = False
        while i > 0:
            prev = i - 1
            word = self.low[prev]
            if prev in self.mention_at:
                i = self.mention_at[prev].first
                continue
            if word == ")":
                open_at = next((k for k in range(prev, -1, -1) if self.low[k] == "("), None)
                if open_at is None:
                    break
                i = open_at
                continue
            if word in ("and", "or", "&", "/"):
                if self.lower(prev + 1) in ("this", "these") and self.lower(prev - 1) == ",":
                    break  # "..., and this haemolysis causes ...": a new clause, not a list
                has_joiner = True
                i = prev
                continue
            if word == ",":
                if has_joiner and self.is_word(prev - 1) and self.low[prev - 1] not in C.BOUNDARIES:
                    i = prev
                    continue
                break
            if word in ("such", "as") and (self.lower(prev + 1) == "as" or self.lower(prev - 1) == "such"):
                i = prev
                continue
            if not self.is_word(prev) and word not in ("-", "‐", "+", "'", "’"):
                break
            if prev in self.hit_at or word in C.BOUNDARIES or word in C.AUXILIARIES or word in C.MODALS:
                break
            if word in ("it", "they") and self.lower(prev - 1) in ("and", "but") and self.lower(prev - 2) == ",":
                break  # "..., and it licenses dendritic cells to": the new clause's subject is no part of the list
            if word in C.PREPOSITIONS and word != "of":
                break
            if word in C.REPORTING and self.lower(prev + 1) == "that":
                break
            i = prev
        return i

    def _clause_subject(self, before: int) -> list[_Ref]:
        """The subject of the clause that contains token ``before``."""
        start = 0
        for k in range(before, -1, -1):
            word = self.low[k]
            if word == ";" or (word in C.BOUNDARIES and word not in ("thus", "therefore", "however", "hence")):
                if word in C.RELATIVES and word != "that" or (word == "that" and self._relative_that(k)):
                    nxt = k + 1
                    if self.is_word(nxt) and nxt not in self.hit_at and self.low[nxt] not in C.AUXILIARIES | C.MODALS:
                        return self._antecedent(k, None)  # "cells that X activates ... secrete"
                    if self.low[nxt] in C.BE_FORMS and word != "that":
                        return self._antecedent(k, None)  # "X, which is incorporated into DNA and inhibits Y": X
                start = k + 1
                break
        # skip an introduction: "Thus,", "After it binds its receptors,", "On the other hand,"
        comma = next((k for k in range(start, before + 1) if self.low[k] == ","), None)
        if comma is not None and (
            self.low[start] in C.BOUNDARIES | C.PREPOSITIONS | {"thus", "therefore", "however", "moreover", "furthermore", "then"}
            or self.low[start].endswith("ly")
        ):
            start = comma + 1
        while start <= before and (self.low[start] in (",",) or self.low[start] in ("thus", "therefore", "however", "then")):
            start += 1
        lead = start + 1 if self.low[start] in ("the", "a", "an") else start
        event = self.hit_at.get(lead)
        nominal = event is not None and event.form == "nominal" and self.lower(event.last + 1) == "of" and int(event.cue.relation.sign) >= 0
        if event is not None and event.first == lead and (event.form == "ing" or nominal):
            # "blocking X ... abolished Y", "loss of X raises Y": the subject is X, signed; "binding of
            # X activates Y": X, as its binding does
            sign = int(event.cue.relation.sign) or 1
            return [replace(ref, mod=sign, via="the event before the verb") for item in self.objects(event) for ref in item.refs]
        end = start
        while end <= before and end < self.n:
            word = self.low[end]
            if (
                end > start
                and (end - 1) in self.mention_at
                and end not in self.mention_at
                and word.endswith("s")
                and (self.lower(end + 1) in C.PREPOSITIONS or self.lower(end + 1).endswith("ly") or self.lower(end + 1) in ("but", "and"))
            ):
                break  # "Imiquimod acts by ...", "Tacrolimus acts similarly but ...": a verb after a name
            if end in self.hit_at or word in C.AUXILIARIES or word in C.MODALS or word in C.BOUNDARIES or word in (",", ";", ":"):
                break
            if word in C.PREPOSITIONS and word != "of" and end not in self.mention_at:
                break
            end += 1
        if end == start:
            return self._topic("topic")
        named = self.mention_at.get(end + 1) if self.lower(end) == "," else None
        if (
            named is not None
            and self.lower(named.last + 1) == ","
            and named.last + 1 >= before
            and named.entry.kind is NodeKind.AGENT
            and not any(k in self.mention_at for k in range(start, end))
        ):
            return [_Ref(named.entry, via="the name set off after the subject")]  # "the active metabolite, teriflunomide, blocks X"
        refs = self._resolve_subject_items(self._parse_list(start, end - 1, subject=True))
        return refs

    def _adjacent_owner(self, relative: int) -> _Hit | None:
        """The cue whose objects end right before a relative pronoun."""
        j = relative - 1
        if self.lower(j) == ",":
            j -= 1
        for other in reversed(self.hits):
            if other.last >= relative:
                continue
            items = self.objects(other)
            if items and other.object_end in (j, j + 1):
                return other
        return None

    def _relative_that(self, k: int) -> bool:
        previous = self.lower(k - 1)
        return bool(previous) and self.is_word(k - 1) and previous not in C.REPORTING and previous not in C.PREPOSITIONS

    def _antecedent(self, relative: int, hit: _Hit | None) -> list[_Ref]:
        j = relative - 1
        if self.lower(j) == ",":
            j -= 1
        for other in reversed(self.hits):
            if other is hit or other.last >= relative:
                continue
            items = self.objects(other)
            if items and other.object_end in (j, j + 1) and items[-1].refs and items[-1].tokens and items[-1].tokens[-1] >= j - 1:
                last_group = max(item.group for item in items)
                refs = [ref for item in items if item.group == last_group for ref in item.refs]
                if refs:
                    return [replace(r, mod=None) for r in refs]
            break
        if j < 0 or not (self.is_word(j) or self.low[j] == ")"):
            return self._topic("topic")
        start = self._np_start(j)
        if self.lower(start) in ("a", "an") and self.lower(start - 1) == "," and (self.is_word(start - 2) or self.lower(start - 2) == ")"):
            # "X, a cytokine that ...": the clause is about X, which the appositive describes
            before = self._np_start(start - 2)
            described = self._resolve_subject_items(self._parse_list(before, start - 2, subject=True), governing=before)
            if described:
                return described
        items = self._parse_list(start, j, subject=True)
        words = [k for k in range(start, j + 1) if self.is_word(k) and self.low[k] not in C.DETERMINERS]
        of_at = next((p for p, k in enumerate(words) if self.low[k] == "of"), None)
        head = words[of_at - 1] if of_at else (words[-1] if words else -1)
        indefinite = start > 0 and (self.lower(start) in ("a", "an") and self.lower(start - 1) in C.BE_FORMS or self.lower(start - 1) in C.BE_FORMS)
        if head >= 0 and indefinite:
            governed = self._governing_subject(start)  # "X is a structural analogue of Y that ...": X
            if governed:
                return governed
        refs = self._resolve_subject_items(items, governing=start)
        return refs

    def _resolve_subject_items(self, items: list[_Item], *, governing: int | None = None) -> list[_Ref]:
        named = [item for item in items if item.refs]
        examples = [item for item in named if item.group > 0]
        chosen = examples if examples and all(not i.refs for i in items if i.group == 0) else named
        refs = [ref for item in chosen for ref in item.refs]
        if refs:
            return refs
        for item in items:
            if item.pronoun:
                return self._pronoun(item.pronoun, item.tokens[0] if item.tokens else 0)
        if any(item.generic for item in items):
            start = items[0].tokens[0] if items and items[0].tokens else 0
            if governing is not None or start > 0:
                return self._governing_subject(start)
            return self._topic("generic noun")
        return []

    def _governing_subject(self, start: int) -> list[_Ref]:
        """The subject a generic noun phrase stands for: the copula's or the governing verb's."""
        j = start - 1
        while j >= 0 and self.low[j] in C.DETERMINERS:
            j -= 1
        if j >= 0 and self.low[j] in C.BE_FORMS:
            refs = self._clause_subject(j - 1) if j > 0 else []
            if refs:
                return refs
        owner = self._object_owner(start)
        if owner is not None:
            return [replace(r, mod=None, via=r.via or "governing verb") for r in self.subjects(owner)]
        before = self._clause_subject(start - 1) if start > 0 else []
        return before or self._topic("generic noun")

    def _pronoun(self, word: str, position: int) -> list[_Ref]:
        for k in range(position - 1, -1, -1):
            match = self.mention_at.get(k)
            if match is not None and match.entry.kind in _AGENT_KINDS[:2]:
                return [_Ref(match.entry, via=f"pronoun '{word}'")]
        if word in ("it", "its") and self.sentence.index in self.doc.unresolved:
            return []  # the last agent was named in the plural: "it" is something else
        return self._topic(f"pronoun '{word}'")

    def _topic(self, why: str) -> list[_Ref]:
        topic = self.doc.resolve_topic(self.sentence.index)
        return [_Ref(topic, via=why)] if topic else []

    def _np_left(self, end: int) -> list[_Ref]:
        i = end
        while i >= 0 and (self.low[i] in C.ADVERBS or (self.low[i].endswith("ly") and self.is_word(i))):
            i -= 1
        if i < 0 or not (self.is_word(i) or self.low[i] == ")"):
            return []
        start = i
        while start > 0 and (self.is_word(start - 1) or self.low[start - 1] in ("-", "(", ")")) and (start - 1) not in self.hit_at:
            word = self.low[start - 1]
            if (start - 1) in self.mention_at:
                start = self.mention_at[start - 1].first
                continue
            if word in C.PREPOSITIONS or word == "of" or word in C.BOUNDARIES or word in C.AUXILIARIES:
                break
            start -= 1
        if start > 0 and self.low[start - 1] in ("and", "or") and self.is_word(start - 2) and self.low[start - 2] not in C.PREPOSITIONS:
            start = self._np_start(start - 1)  # "viral and bacterial diseases resulting from ..."
            while self.low[start] in C.PREPOSITIONS or self.low[start] == "of":
                start += 1
        items = self._parse_list(start, i, subject=True)
        return [ref for item in items for ref in item.refs]

    def _instrument(self, hit: _Hit) -> list[_Ref]:
        """A gerund opening a clause ("blocking X with siRNA ..."): its agent follows "with"/"by"."""
        items = self.objects(hit)
        k = (items[-1].tokens[-1] + 1) if items and items[-1].tokens else hit.object_end + 1
        if self.lower(k) in ("with", "by", "using"):
            end = k + 1
            while end < self.n and (self.is_word(end) or self.low[end] in "-/") and end not in self.hit_at and self.low[end] not in C.BOUNDARIES:
                end += 1
            items = self._parse_list(k + 1, end - 1, subject=True)
            return [ref for item in items for ref in item.refs if ref.entry.kind in (NodeKind.AGENT, NodeKind.TARGET)]
        return []

    def _nominal_agent(self, hit: _Hit) -> list[_Ref]:
        assert isinstance(hit.cue, C.NominalCue)
        if hit.cue.agent_first:
            return []  # read in _relate_nominal
        self.objects(hit)
        k = hit.object_end + 1
        if self.lower(k) == "by":
            end = k + 1
            while end < self.n and (self.is_word(end) or self.low[end] in "-/") and end not in self.hit_at and self.low[end] not in C.BOUNDARIES:
                end += 1
            items = self._parse_list(k + 1, end - 1, subject=True)
            refs = [ref for item in items for ref in item.refs]
            if refs:
                return refs
        # "the alteration they produce in X": the agent is the subject of the embedded verb
        j = hit.first + 1
        if self.lower(j) in C.PRONOUNS and self.lower(j + 1) not in ("of", "in"):
            return self._pronoun(self.low[j], hit.first)
        start = hit.first - 1
        while start >= 0 and (self.low[start] in C.DETERMINERS | {"and", "or", ","} or self.norm(start) in C.NOMINAL_CUES):
            start -= 1
        if start >= 0 and self.low[start] in C.PREPOSITIONS | {"of"}:
            return [replace(r, via=r.via or "clause subject") for r in self._clause_subject(start)]
        return []

    # -- objects ----------------------------------------------------------------------------

    def objects(self, hit: _Hit) -> list[_Item]:
        if hit.objects is not None:
            return hit.objects
        hit.objects = []
        start = hit.last + 1
        if hit.form == "nominal":
            while start < self.n and self.low[start] in ("-",):
                start += 1
            if getattr(hit.cue, "noun", None) not in ("interaction", "binding") or self.lower(start) != "of":
                # "alteration they produce in X": skip to the preposition
                for k in range(start, min(start + 5, self.n)):
                    if self.low[k] in ("of", "in", "on", "to", "between"):
                        start = k + 1
                        break
                else:
                    hit.object_end = hit.last
                    return hit.objects
            else:
                start += 1
        # skip ", specifically and reversibly," after the verb
        while start < self.n and (
            self.low[start] in (",",)
            or self.low[start] in C.ADVERBS
            or (self.low[start].endswith("ly") and self.is_word(start) and start not in self.mention_at)
            or (self.low[start] in ("and", "or") and self.lower(start + 1).endswith("ly"))
        ):
            start += 1
        if (hit.passive or hit.reduced) and self.lower(start) == "by":
            end = self._span_end(start + 1, hit)
            hit.agent_items = self._parse_list(start + 1, end, subject=True)
            hit.object_end = end
            return hit.objects
        end = self._span_end(start, hit)
        hit.object_end = end
        if end >= start:
            hit.objects = self._parse_list(start, end, subject=False, cue=hit)
        if not hit.objects and hit.form in ("base", "s", "ed") and not hit.passive:
            gap = self._object_gap(hit)
            if gap:
                hit.objects = [_Item([], refs=gap)]
                return hit.objects
        if not hit.objects and hit.form != "nominal":
            # "stimulates or inhibits X", "binds to and activates X": the next verb's objects
            following = self._next_hit(hit)
            between = [self.low[k] for k in range(hit.last + 1, following.first)] if following else []
            if following is not None and all(w in (",", "and", "or", "/") or w in C.ADVERBS or w in C.MODALS or w in ("help", "to") for w in between):
                hit.objects = self.objects(following)
                hit.object_end = following.object_end
        return hit.objects

    def _object_gap(self, hit: _Hit) -> list[_Ref]:
        """ "cells that imiquimod activates through X": the object is the relative's antecedent."""
        i = hit.first - 1
        while i >= 0 and (self.low[i] in C.ADVERBS or self.low[i] in C.MODALS or self.low[i] in C.AUXILIARIES):
            i -= 1
        if i < 0 or not self.is_word(i) or self.low[i] in C.RELATIVES:
            return []
        start = self._np_start(i)
        relative = start - 1
        if relative >= 1 and self.low[relative] in ("that", "which", "whom") and self._relative_that(relative):
            j = relative - 1
            items = self._parse_list(self._np_start(j), j, subject=True)
            return [ref for item in items for ref in item.refs]
        return []

    @cached_property
    def subordinate_end(self) -> int:
        """The comma that ends a fronted subordinate clause ("Because ..., ", "Although ..., "), or -1."""
        first = next((k for k in range(self.n) if self.tokens[k].is_word), -1)
        gerund = first >= 0 and self.low[first] in ("by", "after", "before", "upon", "through", "on") and self.lower(first + 1).endswith("ing")
        if first < 0 or (self.low[first] not in _FRONTED and not gerund):  # "Because ..., ", "By blocking X, "
            return -1
        return next((k for k in range(first, self.n) if self.low[k] == ","), -1)
