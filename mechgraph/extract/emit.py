"""The pattern reader's relations: each cue's subjects and objects made into candidate relations
with a sign, a confidence, hedges, negations, mechanism and settings; routes of administration.
"""

from __future__ import annotations

from ..vocabulary import Measurability, Mechanism, NodeKind, Relation
from . import cues as C
from .lexicon import LexiconEntry
from .parsewords import class_phrase, organ_only
from .readerstate import (
    _AGENT_KINDS,
    _OPPOSITE,
    _ROUTE_FIRST,
    _Found,
    _Hit,
    _Item,
    _ReaderBase,
    _Ref,
)
from .verbclasses import disease_word

_IMPROVING = frozenset({"improve"})


def _disease(entry: LexiconEntry) -> bool:
    """Whether a node is a disease or a symptom (what "improve" lessens)."""
    return entry.kind is NodeKind.CONDITION or any(disease_word(w) for w in entry.label.lower().replace("'s", "").split())


#: words that open a clause before the main one: its passive names no agent of the text's drug
_SUBORDINATORS = frozenset("when whenever if while as although though because unless once after before until".split())


class _Relations(_ReaderBase):
    """Relations, flags and routes of a sentence."""

    # -- relations --------------------------------------------------------------------------

    def _relate(self, hit: _Hit) -> None:
        if hit.form == "nominal" and isinstance(hit.cue, C.NominalCue) and hit.cue.agent_first:
            self._relate_agent_first(hit)
            return
        objects = self.objects(hit)
        if hit.passive or hit.reduced:
            patients = self.subjects(hit) if not hit.reduced else self._np_left(hit.first - 1)
            agents: list[_Ref] = [ref for item in (hit.agent_items or []) for ref in item.refs]
            fronted = bool(self.low) and self.low[0] in _SUBORDINATORS and "," not in self.low[: hit.first]  # ("When the doses of X are being reduced, ...")
            if not agents and hit.passive and not hit.agent_items and not fronted:
                agents = self._topic("implicit agent (passive)")
            sources, targets = agents, [_Item([], refs=[ref]) for ref in patients]
            base = 0.7
        else:
            sources = self.subjects(hit)
            targets = objects
            base = 0.8 if hit.form != "nominal" else 0.7
        self._emit(hit, sources, targets, base)

    def _relate_agent_first(self, hit: _Hit) -> None:
        """ "the interaction of A and/or B with C", "binding of A to C" """
        start = hit.last + 1
        if self.lower(start) != "of":
            return
        k = start + 1
        while k < self.n and self.low[k] not in ("with", "to", "between") and k not in self.hit_at and self.low[k] not in C.BOUNDARIES:
            k += 1
        if self.lower(k) not in ("with", "to"):
            return
        agents = [ref for item in self._parse_list(start + 1, k - 1, subject=True) for ref in item.refs]
        end = self._span_end(k + 1, hit)
        targets = self._parse_list(k + 1, end, subject=False)
        hit.objects = targets
        hit.object_end = end
        self._emit(hit, agents, targets, 0.75)

    def _emit(self, hit: _Hit, sources: list[_Ref], targets: list[_Item], base: float) -> None:
        cue = hit.cue
        negations = self._negations(hit)
        mechanism = self._mechanism()
        settings = self.settings
        for source in sources:
            for item in targets:
                for target in item.refs:
                    relation = cue.relation
                    reverse = isinstance(cue, C.CueVerb) and cue.reverse
                    mods = [m for m in (source.mod, target.mod) if m is not None]
                    if 0 in mods:
                        if relation.sign != 0 or relation in (Relation.REQUIRED_FOR,):
                            relation = Relation.REGULATES
                    elif relation in _OPPOSITE and any(m == -1 for m in mods):
                        if (mods.count(-1) % 2) == 1:
                            relation = _OPPOSITE[relation]
                    if isinstance(cue, C.CueVerb) and cue.lemma in _IMPROVING and relation in _OPPOSITE and _disease(target.entry):
                        relation = _OPPOSITE[relation]  # "improved Crohn's disease": the disease is lessened
                    a, b = (target.entry, source.entry) if reverse else (source.entry, target.entry)
                    if a.node_id == b.node_id or (relation.sign != 0 and organ_only(b.label)):
                        continue  # (an organ is where an effect is: "inflammation of the lungs, bowel and liver")
                    confidence = base
                    known = [e.known or e.origin == "vocabulary" for e in (a, b)]
                    if all(known):
                        confidence += 0.1
                    confidence -= 0.1 * known.count(False)
                    remarks: list[str] = []
                    for ref in (source, target):
                        if ref.via:
                            remarks.append(f"{'subject' if ref is source else 'object'} from {ref.via}")
                    if remarks:
                        confidence *= 0.85
                    if self.hedges_for(hit):
                        confidence *= 0.6
                    if negations:
                        confidence *= 0.7
                    self.doc.found.append(
                        _Found(
                            a.node_id,
                            relation,
                            b.node_id,
                            self.sentence,
                            round(max(0.05, min(0.99, confidence)), 2),
                            (hit.words,),
                            self.hedges_for(hit),
                            negations,
                            mechanism,
                            settings,
                            tuple(remarks),
                        )
                    )
                    self._remember(a)
                    self._remember(b)
        if sources and not (hit.passive or hit.reduced):
            first = sources[0].entry
            if first.kind in _AGENT_KINDS[:2] and first.origin != "text":
                self.doc.topic = first

    def _remember(self, entry: LexiconEntry) -> None:
        if entry.kind is NodeKind.AGENT and self.doc.first_agent is None and not class_phrase(entry.label):
            self.doc.first_agent = entry

    def hedges_for(self, hit: _Hit) -> tuple[str, ...]:
        found = list(self.hedges)
        # a hedge before a semicolon is another clause's ("X may reduce Y; it does not inhibit Z")
        clause = max((k + 1 for k in range(hit.first) if self.low[k] == ";"), default=0)
        for k in range(clause, hit.first):
            word = self.low[k]
            if word in C.HEDGES and k not in self.mention_at:
                found.append(word)
        return tuple(dict.fromkeys(found))

    def _negations(self, hit: _Hit) -> tuple[str, ...]:
        found = []
        k = hit.first - 1
        while k >= 0 and self.low[k] not in (",", ";", ":", "which", "that"):
            if self.low[k] in ("neither", "none"):  # "Neither X nor Y improved Z", "None of these agents affects Z"
                found.append(self.low[k])
                break
            k -= 1
        after = hit.last + 1
        for k in range(after, min(self.n, after + 8)):  # "reduced the growth of neither A nor B"
            if self.low[k] in (",", ";", ":", "which", "that", "but"):
                break
            if self.low[k] == "neither":
                found.append("neither")
                break
        if hit.first >= 2 and self.low[hit.first - 2] == "no" and self.low[hit.first - 1] in C.NO_LONGER:
            found.append(f"no {self.low[hit.first - 1]}")  # "X no longer leads to Y"
        for k in hit.verb_group:
            word = self.low[k]
            if word in C.NEGATIONS:
                found.append(word)
            if word == "t" and self.lower(k - 1) in ("'", "’"):
                found.append("n't")
        if hit.form == "nominal":
            for k in range(max(0, hit.first - 3), hit.first):
                if self.low[k] in ("no", "without", "absence", "lack"):
                    found.append(self.low[k])
        return tuple(dict.fromkeys(found))

    def _mechanism(self) -> Mechanism | None:
        seen = {C.MECHANISM_WORDS[w] for w in self.low if w in C.MECHANISM_WORDS}
        return seen.pop() if len(seen) == 1 else None

    def _sentence_settings(self) -> tuple[Measurability, ...]:
        found = []
        for k in range(self.n - 1):
            setting = C.SETTINGS.get((self.low[k], self.lower(self.next_word(k))))
            if setting is not None:
                found.append(setting)
        return tuple(dict.fromkeys(found))

    def _measurability_statement(self) -> bool:
        """ "a direct mechanism, measurable in vivo and in vitro, or indirectly measurable only in vivo" """
        if not any(w in C.MEASURABLE_WORDS for w in self.low):
            return False
        current: Mechanism | None = None
        found = False
        for k in range(self.n):
            word = self.low[k]
            if word in C.MECHANISM_WORDS:
                current = C.MECHANISM_WORDS[word]
            setting = C.SETTINGS.get((word, self.lower(self.next_word(k))))
            if setting is not None and current is not None:
                if current is Mechanism.INDIRECT and setting is Measurability.IN_VITRO:
                    continue
                self.doc.measurable.setdefault(current, set()).add(setting)
                found = True
        return found

    # -- routes -----------------------------------------------------------------------------

    def _routes(self) -> None:
        if not _ROUTE_FIRST.intersection(self.low):
            return  # no route word in the sentence
        administration = any(w in C.ADMINISTRATION_WORDS for w in self.low)
        for k in range(self.n):
            if self.low[k] not in _ROUTE_FIRST:
                continue
            for phrase, route in C.ROUTE_WORDS.items():
                words = tuple(self.lower(j) for j in range(k, k + len(phrase) * 2) if self.is_word(j))[: len(phrase)]
                if words != phrase or k in self.mention_at:
                    continue
                if not (administration or phrase[-1].endswith("ly")):
                    continue
                agents = [ref.entry for ref in self._clause_subject(k) if ref.entry.kind is NodeKind.AGENT]
                if not agents:
                    agents = [m.entry for m in dict.fromkeys(self.mention_at.values()) if m.entry.kind is NodeKind.AGENT][:1]
                if not agents and self.doc.resolve_topic() is not None:
                    agents = [self.doc.resolve_topic()]  # type: ignore[list-item]
                hedges = tuple(w for w in self.low[:k] if w in C.HEDGES)
                for agent in agents:
                    if agent.kind is NodeKind.AGENT:
                        self.doc.routes.append((agent, route, self.sentence, hedges))
