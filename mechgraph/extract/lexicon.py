"""The lexicon: every name the extractor recognises, and the node each name stands for.

A lexicon is built from three layers, later layers winning a tie:

1. the vocabulary (:class:`~mechgraph.vocabulary.ProcessKind`: "gene expression", "protein
   synthesis", "antigen presentation", ...);
2. a curated graph (the bundled one by default): every node's label, synonyms and identifiers
   (the full CURIE, and the symbol of an ``hgnc.symbol`` CURIE);
3. user lexicon files (``--lexicon FILE``; format in docs/extract.md).

Each name is also entered in its variants: without a parenthesis (``Cyclophilin A (PPIA)`` gives
``Cyclophilin A`` and ``PPIA``), inverted around ``of`` for process names (``protein secretion``
-> ``secretion of proteins``), with common abbreviations spelled out (``mRNA`` <-> ``messenger
RNA``, ``IL`` <-> ``interleukin``, ``TNF`` <-> ``tumour necrosis factor``), and ``-ator`` agent
names with their ``-ation`` noun (``immunomodulator`` -> ``immunomodulation``). Plurals,
hyphenation, British spelling and Greek letters are folded by :mod:`.tokens`. Short capitalised
names (``CsA``, ``GR``, ``MTX``) match only with the same capitals.

>>> lexicon = build_lexicon(graph=None)
>>> lexicon.lookup("antigen presentation").node_id
'antigen_presentation'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Literal

import networkx as nx

from ..vocabulary import NODE_DETAILS, Attr, NodeKind, OutcomePhase, ProcessKind, Relation
from .namevariants import variants
from .tokens import Token, Word, abbreviation_fits, ascii_letters, hyphen_before, key_of, name_words

__all__ = [
    "Lexicon",
    "LexiconEntry",
    "Match",
    "UserCue",
    "UserLexicon",
    "build_lexicon",
    "default_lexicon",
    "slug",
]

Origin = Literal["vocabulary", "graph", "user", "text"]
_ORIGIN_PRIORITY = {"text": 0, "vocabulary": 1, "graph": 2, "user": 3}

# Record fields copied from a curated node into a draft (evidence and notes stay behind).
_NODE_FIELDS = (Attr.IDENTIFIERS, *NODE_DETAILS)


@dataclass(frozen=True, eq=False)
class LexiconEntry:
    """A node the lexicon can name: its id, kind, label and (for curated nodes) its record."""

    node_id: str
    kind: NodeKind
    label: str
    origin: Origin
    process: ProcessKind | None = None
    phase: OutcomePhase | None = None
    record: Mapping[str, Any] = field(default_factory=dict)  # curated fields to copy into a draft

    @property
    def known(self) -> bool:
        """Curated (graph or user lexicon) rather than vocabulary or text-local."""
        return self.origin in ("graph", "user")


@dataclass(frozen=True)
class _Surface:
    entry: LexiconEntry
    rank: int  # 0 label, 1 synonym, 2 identifier or variant
    exact: str | None  # letters and digits that must match case-sensitively, if any


@dataclass(frozen=True)
class Match:
    """A name found in a token list: tokens ``first..last`` (inclusive) and the best entry."""

    first: int
    last: int
    entry: LexiconEntry
    alternatives: tuple[str, ...] = ()  # other node ids with the same name

    @property
    def node_id(self) -> str:
        return self.entry.node_id


@dataclass(frozen=True)
class UserCue:
    """An extra cue verb from a user lexicon: ``verb`` (a lemma, or several words) -> relation."""

    verb: str
    relation: Relation
    reverse: bool = False


@dataclass(frozen=True)
class UserLexicon:
    """What a user lexicon file adds: entries, cue verbs, and phrases that are never entities."""

    entries: tuple[LexiconEntry, ...] = ()
    synonyms: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    cues: tuple[UserCue, ...] = ()
    ignore: tuple[str, ...] = ()
    file: str | None = None


#: the salt or ester a drug is sold as, which is no part of what the drug is
SALTS = frozenset("acetate sodium potassium calcium hydrochloride mesylate maleate sulfate sulphate phosphate citrate tartrate succinate alfa pegol".split())
_BRACKETS = re.compile(r"\s*\([^()]*\)")


class Lexicon:
    """Names -> nodes, matched longest-first over tokens. Immutable once built.

    ``extended`` returns a new lexicon with extra entries layered on top (the extractor adds the
    abbreviations a text defines and the candidate nodes it creates); the base is shared, not
    copied.
    """

    def __init__(
        self,
        surfaces: Iterable[tuple[tuple[str, ...], _Surface]] = (),
        *,
        cues: Sequence[UserCue] = (),
        ignore: Iterable[str] = (),
        base: Lexicon | None = None,
    ) -> None:
        self._trie: dict[str, Any] = {}
        self._entries: dict[str, LexiconEntry] = {}
        self._buckets: dict[str, list[list[_Surface]]] = {}  # node id -> the trie buckets that name it (for retype)
        self._defined: set[tuple[str, ...]] = set()  # short forms the text defines: they win over the layers below
        self._base = base
        self.cues: tuple[UserCue, ...] = tuple(cues) + (base.cues if base else ())
        self.ignore: frozenset[tuple[str, ...]] = frozenset(key_of(p) for p in ignore) | (base.ignore if base else frozenset())
        for key, surface in surfaces:
            self._add(key, surface)

    # -- building ---------------------------------------------------------------------------

    def _add(self, key: tuple[str, ...], surface: _Surface) -> None:
        if not key:
            return
        node = self._trie
        for word in key:
            node = node.setdefault(word, {})
        bucket = node.setdefault("", [])
        new_id = surface.entry.node_id
        priority = _ORIGIN_PRIORITY[surface.entry.origin]
        # one node id, several layers (the vocabulary's "gene_expression" and the graph's): the
        # higher origin wins
        bucket[:] = [s for s in bucket if s.entry.node_id != new_id or _ORIGIN_PRIORITY[s.entry.origin] >= priority]
        if not any(s.entry.node_id == new_id and s.rank <= surface.rank and s.exact == surface.exact for s in bucket):
            bucket.append(surface)
            holders = self._buckets.setdefault(new_id, [])
            if not any(b is bucket for b in holders):
                holders.append(bucket)
        known = self._entries.get(new_id)
        if known is None or _ORIGIN_PRIORITY[known.origin] < priority:
            self._entries[new_id] = surface.entry

    def add_name(self, name: str, entry: LexiconEntry) -> None:
        """Enter one more name (rank: synonym). Only for a lexicon being built: the extractor
        calls it on its own per-text layer, never on a shared lexicon."""
        for key, exact in variants(name, entry.kind, synonym=True):
            self._add(key, _Surface(entry, 1, exact))

    def define(self, name: str, entry: LexiconEntry) -> None:
        """A short form the text defines ("monomethyl fumarate (MMF)"): from here on it names
        ``entry``, over any other meaning the layers below give it (MMF is also mycophenolate
        mofetil). Only for a per-text layer."""
        for key, exact in variants(name, entry.kind, synonym=True):
            if key:
                self._add(key, _Surface(entry, 0, exact))
                self._defined.add(key)

    def name_short_form(self, short: str, entry: LexiconEntry, long_text: str) -> None:
        """The text defines ``short`` as ``long_text`` (``entry``): a new short form is added; a
        short form the lexicon gives another meaning is redefined when that meaning is another
        expansion of the same letters ("monomethyl fumarate (MMF)" where the lexicon's MMF is
        mycophenolate mofetil), as a reader takes the text's own definition; it keeps its meaning
        when that is its own name (TYK2) or begins as the long form does (a spelling the lexicon
        lacks). Only for a per-text layer."""
        known = self.lookup(short)
        if known is None:
            self.add_name(short, entry)
        elif known.node_id != entry.node_id and self.redefines(short, long_text):
            self.define(short, entry)

    def known_short_form(self, short: str, long_text: str) -> LexiconEntry | None:
        """The node a short form the lexicon knows names, when the text spells it out in words the
        lexicon lacks ("FK506-binding protein 12 (FKBP-12)"): the long form becomes one more name
        of that node, instead of a candidate of its own; None otherwise."""
        known = self.lookup(short)
        if known is None or known.origin == "text" or self.lookup(long_text) is not None or self.redefines(short, long_text):
            return None
        self.add_name(long_text, known)
        return known

    def redefines(self, short: str, long_text: str) -> bool:
        """Whether ``long_text`` gives ``short`` another meaning than the lexicon's (see
        :meth:`name_short_form`)."""
        known = self.lookup(short)
        if known is None or known.origin == "text":
            return False
        letters = [ch.lower() for ch in short if ch.isalnum()]
        names = [key_of(_BRACKETS.sub("", str(name))) for name in (known.label, *known.record.get("synonyms", ()))]
        expansions = [  # a long form of its own: two words or more ("mycophenolate mofetil"), not "FKBP 12"
            name for name in names if sum(1 for w in name if w.isalpha() and len(w) > 2) > 1 and abbreviation_fits(letters, " ".join(name))
        ]
        return bool(expansions) and not any(name[:1] == key_of(long_text)[:1] for name in names)

    def retype(self, node_id: str, kind: NodeKind) -> LexiconEntry | None:
        """Give a name found in the text another kind ("X is a ... drug": X is an agent), under all
        its names; None when ``node_id`` is no text name of this layer. Only for a per-text layer."""
        old = self._entries.get(node_id)
        if old is None or old.origin != "text" or old.kind is kind:
            return old
        new = replace(old, kind=kind)
        self._entries[node_id] = new
        for bucket in self._buckets.get(node_id, ()):  # only the names of this node: linear in the text, not quadratic
            bucket[:] = [_Surface(new, s.rank, s.exact) if s.entry.node_id == node_id else s for s in bucket]
        return new

    def extended(self, entries: Iterable[tuple[str, LexiconEntry]]) -> Lexicon:
        """A new lexicon that also knows ``(name, entry)`` pairs (rank: synonym)."""
        surfaces = []
        for name, entry in entries:
            for key, exact in variants(name, entry.kind, synonym=True):
                surfaces.append((key, _Surface(entry, 1, exact)))
        return Lexicon(surfaces, base=self)

    # -- looking up -------------------------------------------------------------------------

    def entry(self, node_id: str) -> LexiconEntry | None:
        """The entry of a node id, or None."""
        found = self._entries.get(node_id)
        if found is None and self._base is not None:
            return self._base.entry(node_id)
        return found

    def __contains__(self, node_id: object) -> bool:
        return isinstance(node_id, str) and self.entry(node_id) is not None

    def __len__(self) -> int:
        return len(self.node_ids())

    def node_ids(self) -> set[str]:
        """Every node id the lexicon can name."""
        ids = set(self._entries)
        return ids | self._base.node_ids() if self._base else ids

    def lookup(self, name: str) -> LexiconEntry | None:
        """The entry a whole name stands for, or None.

        >>> build_lexicon(graph=None).lookup("Protein synthesis").kind.value
        'process'
        """
        tokens, words = name_words(name)
        found = self.match(tokens, words, 0)
        if found is None or found[0] != len([w for w in words if w is not None]):
            return None
        return found[1].entry

    def match(self, tokens: Sequence[Token], words: Sequence[Word | None], position: int) -> tuple[int, Match] | None:
        """The longest name starting at ``words[position]``: (number of words, match), or None."""
        best: tuple[int, Match] | None = None
        defined = False  # the best match is a short form this text defines
        for lexicon in self._layers():
            found = lexicon._match_here(tokens, words, position)
            if found and (best is None or found[0] > best[0] or (found[0] == best[0] and not defined and _better(found[1], best[1]))):
                best = found
                defined = bool(lexicon._defined) and tuple(w.norm for w in words[position : position + found[0]] if w is not None) in lexicon._defined
        if best and best[1].entry.kind is NodeKind.AGENT:  # "glatiramer acetate", "mycophenolate sodium": the drug
            after = position + best[0]
            salt = words[after] if after < len(words) else None
            if salt is not None and salt.norm in SALTS:
                best = (best[0] + 1, Match(best[1].first, salt.last, best[1].entry, best[1].alternatives))
        if best and (_resembling(tokens, best[1].last) or _letter_of_a_name(tokens, best[1])):
            return None  # "insulin-like growth factor": what resembles insulin; "sipuleucel-T": no T cell
        if best and self.ignore:
            key = tuple(w.norm for w in words[position : position + best[0]] if w is not None)
            if key in self.ignore:
                return None
        return best

    def _layers(self) -> list[Lexicon]:
        layers: list[Lexicon] = [self]
        base = self._base
        while base is not None:
            layers.append(base)
            base = base._base
        return layers

    def _match_here(self, tokens: Sequence[Token], words: Sequence[Word | None], position: int) -> tuple[int, Match] | None:
        node = self._trie
        best: tuple[int, Match] | None = None
        index = position
        while index < len(words):
            word = words[index]
            if word is None or word.norm not in node:
                break
            node = node[word.norm]
            index += 1
            bucket = node.get("")
            if bucket:
                first = words[position]
                assert first is not None
                text = "".join(t.text for t in tokens[first.first : word.last + 1])
                usable = [s for s in bucket if s.exact is None or _same_case(text, s.exact)]
                if usable:
                    usable.sort(key=lambda s: (s.rank, -_ORIGIN_PRIORITY[s.entry.origin]))
                    chosen = usable[0]
                    others = tuple(dict.fromkeys(s.entry.node_id for s in usable[1:] if s.entry.node_id != chosen.entry.node_id))
                    best = (index - position, Match(first.first, word.last, chosen.entry, others))
        return best


def _better(a: Match, b: Match) -> bool:
    return _ORIGIN_PRIORITY[a.entry.origin] > _ORIGIN_PRIORITY[b.entry.origin]


def _same_case(text: str, exact: str) -> bool:
    letters = re.sub(r"[^A-Za-z0-9]", "", text)
    return letters == exact or letters == exact + "s"


# -- building from the vocabulary, a graph and user files -------------------------------------


def slug(text: str, *, taken: Iterable[str] = ()) -> str:
    """A node id made from a name: lower-case letters, digits and '_', unique among ``taken``.

    >>> slug("IL-17 transcription"), slug("<img src=x>"), slug("T cell", taken={"t_cell"}), slug("IFN-γ")
    ('il_17_transcription', 'img_src_x', 't_cell_2', 'ifn_gamma')
    """
    base = re.sub(r"[^a-z0-9]+", "_", ascii_letters(text).lower()).strip("_")[:60].strip("_") or "node"
    if not base[0].isalnum():
        base = "n_" + base
    used = set(taken)
    candidate, number = base, 2
    while candidate in used:
        candidate, number = f"{base}_{number}", number + 1
    return candidate


def _vocabulary_surfaces() -> list[tuple[tuple[str, ...], _Surface]]:
    surfaces = []
    for member in ProcessKind:
        words = member.value.split("_")
        if len(words) < 2:
            continue  # single words ("secretion") are heads of phrases, not nodes by themselves
        label = " ".join(words).replace("mrna", "mRNA")
        entry = LexiconEntry(member.value, NodeKind.PROCESS, label if label[1].isupper() else label[0].upper() + label[1:], "vocabulary", process=member)
        for key, exact in variants(label, entry.kind):
            surfaces.append((key, _Surface(entry, 0, exact)))
    return surfaces


def _graph_surfaces(graph: nx.MultiDiGraph) -> list[tuple[tuple[str, ...], _Surface]]:
    surfaces = []
    for node_id, data in graph.nodes(data=True):
        kind = NodeKind(data[Attr.KIND])
        record = {name.value: data[name.value] for name in _NODE_FIELDS if data.get(name.value) not in (None, [], "")}
        entry = LexiconEntry(
            str(node_id),
            kind,
            str(data[Attr.LABEL]),
            "graph",
            process=ProcessKind(data[Attr.PROCESS]) if data.get(Attr.PROCESS) else None,
            phase=OutcomePhase(data[Attr.PHASE]) if data.get(Attr.PHASE) else None,
            record=record,
        )
        surfaces.extend(_entry_surfaces(entry, data.get(Attr.SYNONYMS) or [], data.get(Attr.IDENTIFIERS) or []))
    return surfaces


def _entry_surfaces(entry: LexiconEntry, synonyms: Iterable[str], identifiers: Iterable[str]) -> list[tuple[tuple[str, ...], _Surface]]:
    surfaces = [(key, _Surface(entry, 0, exact)) for key, exact in variants(entry.label, entry.kind)]
    for synonym in synonyms:
        surfaces += [(key, _Surface(entry, 1, exact)) for key, exact in variants(str(synonym), entry.kind, synonym=True)]
    for curie in identifiers:
        prefix, _, local = str(curie).partition(":")
        names = [str(curie)] + ([local] if prefix.lower() == "hgnc.symbol" else [])
        for name in names:
            key = key_of(name)
            surfaces.append((key, _Surface(entry, 2, re.sub(r"[^A-Za-z0-9]", "", name))))
    return surfaces


def build_lexicon(
    graph: nx.MultiDiGraph | None = None,
    *,
    user: Sequence[UserLexicon] = (),
    vocabulary: bool = True,
) -> Lexicon:
    """Build a lexicon from the vocabulary, a curated graph and user lexicons.

    Parameters
    ----------
    graph
        A curated graph (as read by :func:`mechgraph.graph.read_graph`); None for none. The
        graph is only read, never modified.
    user
        User lexicons read by :func:`read_user_lexicon`; their entries win over the graph's.
    vocabulary
        Also enter the multi-word process kinds of the vocabulary.

    Examples
    --------
    >>> from mechgraph.graph import read_graph
    >>> lexicon = build_lexicon(read_graph())
    >>> lexicon.lookup("ciclosporin").node_id, lexicon.lookup("T-cells").node_id
    ('cyclosporine', 't_cell')
    >>> lexicon.lookup("secretion of proteins").node_id
    'protein_secretion'
    """
    surfaces: list[tuple[tuple[str, ...], _Surface]] = []
    if vocabulary:
        surfaces += _vocabulary_surfaces()
    if graph is not None:
        surfaces += _graph_surfaces(graph)
    cues: list[UserCue] = []
    ignore: list[str] = []
    for layer in user:
        for entry in layer.entries:
            surfaces += _entry_surfaces(entry, layer.synonyms.get(entry.node_id, ()), entry.record.get("identifiers", ()))
        cues += layer.cues
        ignore += layer.ignore
    return Lexicon(surfaces, cues=cues, ignore=ignore)


@lru_cache(maxsize=4)
def _cached_default(path: str, mtime: float) -> Lexicon:
    from ..graph import read_graph

    return build_lexicon(read_graph(path))


def _letter_of_a_name(tokens: Sequence[Token], match: Match) -> bool:
    """Whether a one- or two-letter match is the end of a hyphenated name ("sipuleucel-T", "Factor-B")."""
    first = match.first
    if match.last != first or len(tokens[first].text) > 2 or first < 2 or not hyphen_before(tokens, first):
        return False
    return tokens[first - 2].end == tokens[first - 1].start and tokens[first - 2].text.isalpha()


def _resembling(tokens: Sequence[Token], last: int) -> bool:
    """Whether the name ending at token ``last`` is glued to "-like" ("insulin-like", "interferon-like")."""
    if last + 2 >= len(tokens) or not hyphen_before(tokens, last + 2):
        return False
    return tokens[last].end == tokens[last + 1].start and tokens[last + 2].text.lower() == "like"


def default_lexicon() -> Lexicon:
    """The lexicon of the vocabulary and the bundled graph (built once, then cached).

    >>> "cyclosporine" in default_lexicon()
    True
    """
    from ..resources import bundled_graph_path

    path = bundled_graph_path()
    return _cached_default(str(path), path.stat().st_mtime)
