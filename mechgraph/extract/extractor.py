"""Drafting relations from sentences: cue verbs, their subjects and objects, signs and flags.

For each body sentence (see :mod:`.sentences`) the extractor

1. registers the abbreviations the sentence defines ("opioid growth factor receptor (OGFr)");
2. finds the names of the lexicon, longest first (:mod:`.lexicon`);
3. finds the cues (:mod:`.cues`): verbs in any form ("inhibits", "up-regulated", "binding to"),
   nouns that carry a relation ("inhibition of X by Y", "the interaction of A with B"), and
   classifies each verb as active, passive ("are activated by X"), a reduced relative
   ("neutropenia caused by treatment") or an adjective ("activated T cells": no relation);
4. finds each cue's subject by walking left (over auxiliaries, modals, adverbs and light verbs
   such as "help to" or "is able to"): a noun phrase list ("NK cells, macrophages and B cells"),
   a relative pronoun (its antecedent: "drugs that activate" -> drugs; "..., which" after a list
   -> the list), a coordinated verb ("binds to and activates", ", triggering", "by raising": the
   subject of the verb before), or the clause subject; pronouns and generic nouns ("it", "they",
   "the agent", "this type of treatment") stand for the text's topic, the agent it is about;
5. finds the objects to the right, up to the next clause boundary or cue: lists with "and",
   "or", "and/or" and commas, examples ("such as", "mainly", "in particular"), shared heads and
   complements ("viral and bacterial diseases", "the production and release of lymphokines",
   "radio- or chemotherapy"), noun phrases cut before adjuncts ("in the host", "caused by");
6. resolves each noun phrase to a lexicon node or a candidate node (kind by :mod:`.kinds`);
   "the activity of T cells" is T cells; "changes in X" makes the relation unsigned (regulates);
   after a causal verb the sign of the effect counts ("leads to reduced transcription" is -);
7. flags negation in the verb group ("does not inhibit") and hedging ("may", "appears to",
   "suggests", "not fully understood"), sets the mechanism when the sentence says direct or
   indirect, and where it is measurable when it says in vitro or in vivo (a sentence saying
   which mechanism is measurable where applies to the whole text);
8. records routes of administration ("administered orally") on the agent the clause is about.

Every relation keeps the sentence it came from, with offsets, and gets a confidence: 0.8 for
a verb cue (0.7 for a noun cue or a passive without agent), +0.1 when both ends are curated
nodes, -0.1 for each candidate end, x0.85 when the subject was resolved from a pronoun, a
generic noun or the topic, x0.6 when hedged, x0.7 when negated.

The sentence reader (:class:`_Reader`) is put together from parts by topic: :mod:`.mentions`
(steps 1-3), :mod:`.clauses` (subjects and objects, steps 4-5), :mod:`.phrases` (noun-phrase
lists and their nodes, steps 5-6) and :mod:`.emit` (relations, flags and routes, steps 7-8), on
the shared state of :mod:`.readerstate`. This module reads the whole text with both readers (the
parser's of :mod:`.parsed` first) and puts the draft together.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

import networkx as nx

from ..errors import MechgraphError
from ..vocabulary import Measurability, Mechanism, NodeKind, Route, Status
from . import cues as C
from .clauses import _Clauses
from .draft import Draft, DraftNode, DraftRelation, Span, relation_key
from .emit import _Relations
from .lexicon import Lexicon, LexiconEntry, Match, build_lexicon, default_lexicon
from .mentions import _Mentions
from .parsed import load_pipeline, read_parsed
from .parsetext import ASIDE
from .parsewords import STOPPING_VERBS, class_phrase
from .phrases import _Phrases
from .readerstate import (
    _ADVERBIAL_BY_FIRST,
    _Found,
    _Hit,
    _Text,
)
from .readings import (
    _across_verb,
    _after_fronted_clause,
    _bare_class,
    _beyond_clause,
    _described_class,
    _implicit_parse,
    _organ_disposal,
    _overlap,
    _part_of_name,
    _same_name,
    _same_verb,
    _where_a_disease_is,
    _wrapped,
)
from .sentences import Sentence, split_sentences
from .textnames import text_drug_names
from .tokens import Token, Word, key_of, tokenize, words_of

__all__ = ["extract_text"]

#: the forms of the verbs that stop an action named after "from" ("keeps X from binding Y")
_STOPPING = frozenset(form for lemma in STOPPING_VERBS for form in C.verb_forms(lemma))


class _Reader(_Mentions, _Clauses, _Phrases, _Relations):
    """Reads one sentence."""

    def __init__(self, doc: _Text, sentence: Sentence) -> None:
        self.doc = doc
        self.sentence = sentence
        self.tokens: list[Token] = tokenize(sentence.text, offset=sentence.start)
        self.low = [t.lower for t in self.tokens]
        self.n = len(self.tokens)
        self._abbreviations()
        self.words: list[Word | None] = words_of(self.tokens)
        self.mention_at: dict[int, Match] = {}
        self._mentions()
        self.adverbial: set[int] = set()
        for k in range(self.n):
            for phrase in _ADVERBIAL_BY_FIRST.get(self.low[k], ()):
                if tuple(self.low[k : k + len(phrase)]) == phrase:
                    self.adverbial.update(range(k, k + len(phrase)))
        if ", " in sentence.text:  # "X and, in Europe, Y": the aside is no item of the list
            for aside in ASIDE.finditer(sentence.text):
                first, last = sentence.start + aside.end(1), sentence.start + aside.end() - 1
                self.adverbial.update(k for k, t in enumerate(self.tokens) if first <= t.start and t.end <= last)
        self.hits: list[_Hit] = []
        self.hit_at: dict[int, _Hit] = {}
        self._cues()
        self.hedges = self._hedges()
        self.settings: tuple[Measurability, ...] = ()

    # -- reading ----------------------------------------------------------------------------

    def read(self) -> None:
        statement = self._measurability_statement()
        # a sentence that says where each mechanism is measurable sets the whole text's settings
        self.settings = () if statement else self._sentence_settings()
        for hit in self.hits:
            if self._covered(hit) or self._stopped(hit):
                continue
            self._relate(hit)
        self._routes()

    def _stopped(self, hit: _Hit) -> bool:
        """An action a verb stops, named by a gerund after "from" ("keeps X from binding Y",
        "prevents it from engaging DR3", "stop the receptor from engaging its adaptors")."""
        if hit.form != "ing":
            return False
        before = [w for w in self.low[max(0, hit.first - 6) : hit.first] if w.isalpha()]
        return bool(before) and before[-1] == "from" and any(w in _STOPPING for w in before[:-1])

    def _covered(self, hit: _Hit) -> bool:
        """A noun cue inside another cue's objects or subject is read there, not on its own."""
        if hit.form != "nominal":
            return False
        for other in self.hits:
            if other is hit or other.objects is None:
                continue
            for item in other.objects:
                if item.tokens and item.tokens[0] <= hit.first <= item.tokens[-1]:
                    return True
        return False


# -- the whole text -------------------------------------------------------------------------


def extract_text(
    text: str,
    *,
    source_id: str,
    lexicon: Lexicon | None = None,
    base_graph: nx.MultiDiGraph | None = None,
    title: str | None = None,
    source_title: str | None = None,
    parser: bool | None = None,
) -> Draft:
    """Draft a mechanism graph from ``text``: candidate relations, each tied to its sentence.

    Parameters
    ----------
    text
        The raw text. Evidence offsets refer to it: ``text[start:end] == quote``.
    source_id
        The id of the text in the draft's ``sources`` (letters, digits, ``_``, ``.``, ``-``).
    lexicon
        The names to recognise (see :func:`~mechgraph.extract.build_lexicon`). Default: the
        lexicon of ``base_graph``, or of the bundled graph when that is None too.
    base_graph
        The curated graph whose nodes are recognised (only read, never modified).
    title, source_title
        The draft's title and the source's title.
    parser
        Read sentences with spaCy's English pipeline (:mod:`.parsed`): None (default) uses it when
        it is installed, False always uses the pattern reader, True requires the pipeline
        (:class:`~mechgraph.errors.MechgraphError` when it is missing).

    Returns
    -------
    Draft
        Nodes and relations; every relation has status ``candidate``, a confidence, and the
        sentence it was read from as evidence. Nodes not in the curated graph have status
        ``candidate``.

    Examples
    --------
    >>> draft = extract_text("Lenalidomide does not inhibit IL-2. It may enhance T-cell proliferation.", source_id="t")
    >>> [(r.source, r.relation.value, r.target, r.negated, r.hedged) for r in draft.relations]
    [('lenalidomide', 'inhibits', 'il2', True, False), ('lenalidomide', 'increases', 't_cell_proliferation', False, True)]
    """
    if lexicon is None:
        lexicon = build_lexicon(base_graph) if base_graph is not None else default_lexicon()
    aliases = text_drug_names(text, lexicon)
    if aliases:
        lexicon = lexicon.extended(aliases)
    sentences = split_sentences(text)
    nlp = None if parser is False else load_pipeline()
    if nlp is None and parser:
        raise MechgraphError("the English pipeline is not installed: pip install -e . (see docs/extract.md)")
    doc = _read(text, sentences, lexicon) if nlp is None else _read_parsed(text, sentences, lexicon, nlp)
    return _assemble(doc, sentences, source_id=source_id, title=title, source_title=source_title)


def _read(text: str, sentences: Sequence[Sentence], lexicon: Lexicon, watch: Any = None, doc: _Text | None = None) -> _Text:
    doc = doc if doc is not None else _Text(text, lexicon)
    for sentence in sentences:
        if sentence.role == "heading" and doc.topic is None:
            entry = doc.lexicon.lookup(sentence.text)  # "Sargramostim": the text is about it
            if entry is not None and entry.kind is NodeKind.AGENT:
                doc.topic = entry
        if not sentence.is_body:
            continue
        for piece in sentence.readings or (sentence,):
            # a list is read as its readings; what they give quotes the list
            read_as = piece if isinstance(piece, Sentence) else replace(sentence, text=piece, end=sentence.start + len(piece))
            before = len(doc.found)
            reader = _Reader(doc, read_as)
            if doc.first_agent is None:
                agents = [m.entry for m in reader.mention_at.values() if m.entry.kind is NodeKind.AGENT and not class_phrase(m.entry.label)]
                if agents:
                    doc.first_agent = agents[0]
            if watch is not None:
                watch(reader)
            reader.read()
            if read_as is not sentence:
                doc.found[before:] = [replace(f, sentence=sentence) for f in doc.found[before:]]
                doc.routes[:] = [(a, r, sentence if s is read_as else s, h) for a, r, s, h in doc.routes]
    return doc


def _read_parsed(text: str, sentences: Sequence[Sentence], lexicon: Lexicon, nlp: Any) -> _Text:
    """Both readers over one text: the parser first, then the pattern reader, then arbitration.

    The parser's state gives the pattern reader its antecedents (the last agent of the paragraph
    for "it", "the drug" and an implicit subject) and its new drug names. In a sentence where the
    parser drafted relations, it decides: a pattern reading of a target the parser also read is
    kept only when both agree (source, sign, negation), and then the pattern's (it knows the
    mechanism and the exact relation type); the parser's other readings are added.
    """
    parser_doc = _Text(text, lexicon)
    antecedents = read_parsed(parser_doc, sentences, nlp, _Found)
    parsed = parser_doc.found
    doc = _Text(text, lexicon)
    doc.antecedents = antecedents
    doc.unresolved = parser_doc.unresolved
    doc.used_ids |= parser_doc.used_ids
    doc.candidates.update(parser_doc.candidates)  # one node per phrase, whichever reader names it
    for entry in parser_doc.candidates.values():
        if entry.kind is NodeKind.AGENT:  # new drug names are names for the pattern reader too
            doc.lexicon.add_name(entry.label, entry)
    _read(text, sentences, lexicon, doc=doc)
    pattern = doc.found
    by_sentence: dict[int, list[_Found]] = {}
    for f in parsed:
        by_sentence.setdefault(f.sentence.index, []).append(f)
    kept = []
    rejected: set[tuple[int, str, tuple[str, ...]]] = set()  # (sentence, source, cues) the parser overruled
    cut: set[tuple[int, str]] = set()  # (sentence, source) the parser read as part of a longer name
    for f in pattern:
        mine = by_sentence.get(f.sentence.index)
        target = doc.lexicon.entry(f.target) if mine else None
        if mine and target is not None and " of " in target.label:
            # "suppress the release of ACTH", where the parser read ACTH: the parser's target stands for the pattern's
            f = next((replace(f, target=g.target) for g in mine if _part_of_name(g.target, f.target, doc, parser_doc)), f)
        if (
            mine
            and any(g.target == f.target for g in mine)
            and not any(g.target == f.target and g.source == f.source and g.relation.sign == f.relation.sign for g in mine)
        ):
            rejected.add((f.sentence.index, f.source, f.cues))
            if any(g.target == f.target and _part_of_name(f.source, g.source, doc, parser_doc) for g in mine):
                cut.add((f.sentence.index, f.source))
    verbs = sorted(parser_doc.clause_verbs)
    for f in pattern:
        mine = by_sentence.get(f.sentence.index)
        if any(_bare_class(node, doc, anaphor=True) for node in (f.source, f.target)):
            continue  # "blocks the enzyme" where no enzyme was named: no node
        if any(_across_verb(node, f.sentence, doc, verbs) for node in (f.source, f.target)):
            continue  # "cysteinyl leukotrienes contract airway smooth muscle": a clause the pattern took for a name
        if (f.sentence.index, f.source, f.cues) in rejected:
            continue  # the parser overruled this subject for this cue: its other objects go too
        if (f.sentence.index, f.source) in cut:
            continue  # the pattern cut the parser's subject short ("T cells" of "CAR T cells"): all its readings go
        if mine:
            same = [g for g in mine if g.target == f.target]
            agree = any(g.source == f.source and g.relation.sign == f.relation.sign and bool(g.negations) == bool(f.negations) for g in same)
            if same and not agree:
                continue
            if not same and any(
                g.source != f.source and _part_of_name(g.target, f.target, doc, parser_doc) and any("as the event" in r for r in g.remarks) for g in mine
            ):
                continue  # "X lowers A, which raises the risk of B": the parser read B as raised by the event, not by A
            implicit = any(r.startswith("subject from") and ("generic" in r or "pronoun" in r or "topic" in r) for r in f.remarks)
            if (
                implicit
                and any("last agent" in r or "subject" in r or " read as " in r for g in mine for r in g.remarks)
                and not any(g.source == f.source for g in mine)
            ):
                continue  # the parser resolved the same "it" / "these agents" to another agent
            if any(r.startswith("object from pronoun") for r in f.remarks) and any(
                (g.source == f.source or f.target not in (g.source, g.target)) and g.target != f.target and any(" read as " in r for r in g.remarks)
                for g in mine
            ):
                continue  # the parser resolved the object "it" to another name ("It is secreted by T cells and signals ...")
            if implicit and any(_same_verb(f.cues, g.cues) and g.source != f.source and not _implicit_parse(g) for g in mine):
                continue  # the parser found this verb's subject in the sentence ("the fusion protein lenercept increased")
            if any(g.source == f.source and _part_of_name(g.target, f.target, doc, parser_doc) for g in mine):
                continue  # the parser saw through a wrapper the pattern kept ("serum levels of IL-17A", "a reduction of B cells")
            if any(g.source == f.source and g.relation.sign == f.relation.sign and _part_of_name(f.target, g.target, doc, parser_doc) for g in mine):
                continue  # the pattern cut a name the parser kept whole ("gene expression" of "interferon-stimulated gene expression")
            if any(_same_verb(f.cues, g.cues) and g.source == f.source and g.target != f.target for g in mine) and (
                _wrapped(f.target, doc) or _bare_class(f.target, doc)
            ):
                continue  # the parser read whose levels the pattern's wrapper means ("raise its blood levels": the drug's)
            if _described_class(f.target, doc) and any(_same_verb(f.cues, g.cues) and g.target != f.target for g in mine):
                continue  # "X is an anti-inflammatory cytokine secreted by Y": the parser read the name the class describes
            if any(_same_verb(f.cues, g.cues) and g.source == f.source for g in mine) and _bare_class(f.target, doc, event=True):
                continue  # "causes its internalisation and degradation": the parser read whose loss it is
            if any(
                _same_verb(f.cues, g.cues)
                and g.source == f.source
                and (_beyond_clause(f.target, g.target, f.sentence, doc, parser_doc) or _after_fronted_clause(f.target, g.target, f.sentence, doc, parser_doc))
                for g in mine
            ):
                continue  # "activate ILC2s whether or not PGD2 is present": the pattern went past the object into the next clause
            if any(_same_verb(f.cues, g.cues) and g.source != f.source and _overlap(f.target, g.target, doc, parser_doc) for g in mine):
                continue  # the parser found another subject of this verb and object ("the antibody improved X": the drug)
            if any(
                _same_verb(f.cues, g.cues) and _same_name(f.source, g.target, doc, parser_doc) and _same_name(f.target, g.source, doc, parser_doc) for g in mine
            ):
                continue  # the pattern read the parser's relation backwards ("drugs that block this enzyme, such as X")
            extra = list(dict.fromkeys(r for g in same for r in g.remarks if r.startswith("context") and r not in f.remarks))
            if extra:
                f = replace(f, remarks=(*f.remarks, *extra))  # the cells the parser saw ("by resting NK cells")
        kept.append(f)
    seen = {(f.source, f.target, f.sentence.index, int(f.relation.sign), bool(f.negations)) for f in kept}
    doc.found = kept + [f for f in parsed if (f.source, f.target, f.sentence.index, int(f.relation.sign), bool(f.negations)) not in seen]
    doc.found = [f for f in doc.found if not _where_a_disease_is(f, doc, parser_doc) and not _organ_disposal(f, doc, parser_doc)]
    for f in doc.found:
        for node_id in (f.source, f.target):
            if doc.lexicon.entry(node_id) is None:
                found_entry = parser_doc.lexicon.entry(node_id)
                if found_entry is not None:
                    doc.lexicon.add_name(found_entry.label, found_entry)
    return doc


def _drug_measure(key: tuple[str, ...]) -> bool:
    """A name of how much of a drug the body sees or how well it works ("plasma exposure", "exposure to X",
    "bioavailability", "efficacy"), not of something in the body."""
    return any(w in _EXPOSURE and (k == len(key) - 1 or key[k + 1] in ("of", "to")) for k, w in enumerate(key)) or key in _EFFICACY


_EXPOSURE = frozenset("exposure bioavailability auc cmax".split())
_DISPOSAL = frozenset(key_of(w)[0] for w in "catabolism metabolism proteolysis excretion clearance elimination".split())
_EFFICACY = frozenset({("efficacy",), ("effectiveness",), ("its", "efficacy"), ("the", "efficacy")})


def _assemble(doc: _Text, sentences: Sequence[Sentence], *, source_id: str, title: str | None, source_title: str | None) -> Draft:
    merged: dict[tuple[str, Any, str, bool], dict[str, Any]] = {}
    measures = {e.node_id for key, e in doc.candidates.items() if _drug_measure(key)}  # (where no reader read whose)
    disposal = {e.node_id for key, e in doc.candidates.items() if key and key[-1] in _DISPOSAL}
    for found in doc.found:
        if found.target in measures or found.source in disposal:
            continue  # "lowers its plasma exposure", "may reduce efficacy", "removed by catabolism": pharmacokinetics, no mechanism
        # one relation per pair and sign: "activate, reinforce or restore X" is one relation
        kind: Any = int(found.relation.sign) if found.relation.sign != 0 else found.relation
        key = (found.source, kind, found.target, bool(found.negations))
        span = Span(found.sentence.start, found.sentence.end, found.sentence.text, found.sentence.index)
        mechanism = found.mechanism
        settings = set(found.settings)
        if mechanism is not None and not settings:
            settings = set(doc.measurable.get(mechanism, set()))
        if mechanism is Mechanism.INDIRECT:
            settings.discard(Measurability.IN_VITRO)
        if key not in merged:
            merged[key] = {
                "relation": found.relation,
                "starts": {span.start},
                "evidence": [span],
                "confidence": found.confidence,
                "cues": list(found.cues),
                "hedges": list(found.hedges),
                "all_hedged": bool(found.hedges),
                "negations": list(found.negations),
                "mechanism": mechanism,
                "settings": settings,
                "remarks": list(found.remarks),
            }
            continue
        item = merged[key]
        if span.start not in item["starts"]:
            item["starts"].add(span.start)
            item["evidence"].append(span)
        item["confidence"] = max(item["confidence"], found.confidence)
        item["cues"] += [c for c in found.cues if c not in item["cues"]]
        item["hedges"] += [h for h in found.hedges if h not in item["hedges"]]
        item["all_hedged"] = item["all_hedged"] and bool(found.hedges)
        item["mechanism"] = item["mechanism"] or mechanism
        item["settings"] |= settings
        item["remarks"] += [r for r in found.remarks if r not in item["remarks"]]
    relations: list[DraftRelation] = []
    for (source, _, target, negated), item in merged.items():
        relation = item["relation"]
        evidence = tuple(item["evidence"])
        settings_in = tuple(m for m in Measurability if m in item["settings"])
        relations.append(
            DraftRelation(
                id=relation_key(source, relation, target, negated, evidence[0].start),
                source=source,
                relation=relation,
                target=target,
                confidence=item["confidence"],
                evidence=evidence,
                status=Status.CANDIDATE,
                mechanism=item["mechanism"],
                measurable_in=settings_in,
                cues=tuple(item["cues"]),
                hedges=tuple(item["hedges"]) if item["all_hedged"] else (),
                negations=tuple(item["negations"]),
                remarks=tuple(item["remarks"][:3]),
            )
        )
    used: dict[str, LexiconEntry] = {}
    for relation_item in relations:
        for node_id in (relation_item.source, relation_item.target):
            entry = doc.lexicon.entry(node_id)
            if entry is not None:
                used.setdefault(node_id, entry)
    routes: dict[str, list[tuple[Route, Sentence, tuple[str, ...]]]] = {}
    for agent, route, sentence, hedges in doc.routes:
        used.setdefault(agent.node_id, agent)
        routes.setdefault(agent.node_id, []).append((route, sentence, hedges))
    nodes = [_draft_node(entry, routes.get(node_id, [])) for node_id, entry in used.items()]
    return Draft(
        source_id=source_id,
        text=doc.text,
        title=title or "Draft from " + source_id,
        nodes=tuple(nodes),
        relations=tuple(relations),
        sentences=tuple(sentences),
        source_title=source_title,
    )


def _draft_node(entry: LexiconEntry, routes: Iterable[tuple[Route, Sentence, tuple[str, ...]]]) -> DraftNode:
    found_routes: list[Route] = []
    evidence: dict[int, Span] = {}
    for route, sentence, hedges in routes:
        if route not in found_routes:
            found_routes.append(route)
        said = f"route: {route.value}" + (f" (hedged: {', '.join(hedges)})" if hedges else "")
        if sentence.start in evidence:
            previous = evidence[sentence.start]
            if said not in (previous.note or ""):
                evidence[sentence.start] = replace(previous, note=f"{previous.note}; {said}")
        else:
            evidence[sentence.start] = Span(sentence.start, sentence.end, sentence.text, sentence.index, said)
    candidate = not entry.known
    status = Status.CANDIDATE if candidate or found_routes else None
    note: str | None = None
    if candidate:
        note = "extract: new node, kind guessed from its words" if entry.origin == "text" else "extract: node from the vocabulary"
    elif found_routes:
        note = "extract: routes found in the text: " + ", ".join(r.value for r in found_routes)
    return DraftNode(
        id=entry.node_id,
        kind=entry.kind,
        label=entry.label,
        candidate=candidate,
        status=status,
        process=entry.process,
        phase=entry.phase,
        record=dict(entry.record),
        routes=tuple(found_routes),
        evidence=tuple(evidence.values()),
        note=note,
    )
