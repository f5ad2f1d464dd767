"""How the words of other formats map onto mechgraph's vocabulary: relations (and so signs) and
node kinds.

This is the one table behind every importer and behind the mapping table in ``docs/formats.md``
(a test keeps the two equal). A foreign relation that is not in the table is never given a sign:
it is imported as the unsigned ``interacts_with``, its original name kept in the edge's ``extra``.

Examples
--------
>>> relation_for("controls-expression-of").relation.value
'regulates'
>>> relation_for("Necessary Stimulation").relation.sign.word
'increases'
>>> relation_for("phosphorylates") is None
True
>>> kind_for("Protein").value, kind_for("simple chemical").value, kind_for("node_type") is None
('target', 'target', True)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..vocabulary import NodeKind, ProcessKind, Relation

__all__ = [
    "DEFAULT_KIND",
    "DEFAULT_PROCESS",
    "UNKNOWN_RELATION",
    "VOCABULARIES",
    "RelationMapping",
    "kind_for",
    "kind_table_markdown",
    "mapping_table_markdown",
    "normalize",
    "process_for",
    "relation_for",
]

#: The relation of a foreign edge whose type is missing or not in the table: no direction of
#: effect and no sign is claimed.
UNKNOWN_RELATION = Relation.INTERACTS_WITH
#: The kind of a foreign node whose type is missing or not in the table (most nodes of exchange
#: formats are genes, proteins, complexes and chemicals); every import says how many got it.
DEFAULT_KIND = NodeKind.TARGET
#: The process kind of a process node whose type and label say nothing more specific.
DEFAULT_PROCESS = ProcessKind.REACTION


@dataclass(frozen=True)
class RelationMapping:
    """A foreign relation's mechgraph relation; ``reverse`` when the foreign edge points the other
    way; the kinds its ends must have (an SBGN consumption arc ends at a process)."""

    relation: Relation
    reverse: bool = False
    source_kind: NodeKind | None = None
    target_kind: NodeKind | None = None
    comment: str = ""
    #: The edge's direction is read from its ends (a role edge may be written either way): it is
    #: turned around when its source is the process (or the complex) its target should be.
    orient: bool = False


def normalize(word: str) -> str:
    """A foreign word as looked up: lower case, runs of space, '_' and '-' as one space.

    >>> normalize("  Controls_State-Change-Of ")
    'controls state change of'
    >>> normalize("-")
    '-'
    """
    stripped = word.strip().lower()
    folded = re.sub(r"[\s_\-]+", " ", stripped).strip()
    return folded or stripped


_M = RelationMapping
_PROCESS = NodeKind.PROCESS

#: (title of the vocabulary, {foreign word: mapping}), in the order of the documentation.
VOCABULARIES: tuple[tuple[str, dict[str, RelationMapping]], ...] = (
    ("mechgraph (native relation names, in every format)", {relation.value: _M(relation) for relation in Relation}),
    (
        "SBGN-ML process description arcs (and SIF made from them)",
        {
            "consumption": _M(Relation.CONSUMED_BY, target_kind=_PROCESS, comment="entity is an input of the process"),
            "production": _M(Relation.PRODUCES, source_kind=_PROCESS, comment="process outputs the entity"),
            "catalysis": _M(Relation.ACTIVATES, target_kind=_PROCESS),
            "stimulation": _M(Relation.INCREASES),
            "necessary stimulation": _M(Relation.REQUIRED_FOR),
            "inhibition": _M(Relation.INHIBITS),
            "absolute inhibition": _M(Relation.INHIBITS),
            "absolute stimulation": _M(Relation.INCREASES),
            "modulation": _M(Relation.REGULATES, comment="effect may go either way"),
        },
    ),
    (
        "SBGN-ML activity flow arcs",
        {
            "positive influence": _M(Relation.INCREASES),
            "negative influence": _M(Relation.DECREASES),
            "unknown influence": _M(Relation.REGULATES),
        },
    ),
    (
        "Pathway Commons SIF (and NDEx networks made from BioPAX)",
        {
            "controls-state-change-of": _M(Relation.REGULATES, comment="a state change can activate or inhibit"),
            "controls-expression-of": _M(Relation.REGULATES, comment="expression can go up or down"),
            "controls-transport-of": _M(Relation.REGULATES),
            "controls-transport-of-chemical": _M(Relation.REGULATES),
            "controls-phosphorylation-of": _M(Relation.REGULATES),
            "controls-production-of": _M(Relation.REGULATES),
            "consumption-controlled-by": _M(Relation.REGULATES, reverse=True, comment="B controls a reaction that consumes A: B regulates A"),
            "catalysis-precedes": _M(Relation.ACTS_ON, comment="A's reaction feeds B's reaction"),
            "chemical-affects": _M(Relation.ACTS_ON),
            "in-complex-with": _M(Relation.BINDS, comment="undirected"),
            "interacts-with": _M(Relation.INTERACTS_WITH, comment="undirected"),
            "reacts-with": _M(Relation.INTERACTS_WITH, comment="undirected"),
            "neighbor-of": _M(Relation.INTERACTS_WITH, comment="undirected"),
            "used-to-produce": _M(Relation.METABOLISED_TO, comment="A is converted to B"),
        },
    ),
    (
        "BioPAX participant roles (edge type of GraphML and Cytoscape networks made from BioPAX)",
        {
            "left": _M(
                Relation.CONSUMED_BY,
                target_kind=_PROCESS,
                orient=True,
                comment="an input of the conversion; the edge is read entity to process whichever way it is written",
            ),
            "right": _M(Relation.PRODUCES, source_kind=_PROCESS, orient=True, comment="an output of the conversion; read process to entity"),
            "controller": _M(Relation.REGULATES, target_kind=_PROCESS, orient=True, comment="controls the process; read entity to process"),
            "cofactor": _M(Relation.ACTS_ON, target_kind=_PROCESS, orient=True, comment="read entity to process"),
            "component": _M(Relation.PART_OF, orient=True, comment="a component of a complex; read component to complex"),
            "member": _M(Relation.PART_OF, orient=True, comment="a member of a family or complex; read member to the whole"),
            "contains": _M(Relation.PART_OF, orient=True, comment="a complex and its component (Cytoscape's BioPAX networks); read component to complex"),
            "participant": _M(Relation.INTERACTS_WITH),
        },
    ),
    (
        "signed SIF and other common words",
        {
            "activation": _M(Relation.ACTIVATES),
            "stimulates": _M(Relation.INCREASES),
            "positive": _M(Relation.INCREASES),
            "+": _M(Relation.INCREASES),
            "upregulates": _M(Relation.INCREASES),
            "up-regulates": _M(Relation.INCREASES, comment="also every 'up-regulates ...' phrase"),
            "induces": _M(Relation.INCREASES),
            "negative": _M(Relation.DECREASES),
            "-": _M(Relation.DECREASES),
            "downregulates": _M(Relation.DECREASES),
            "down-regulates": _M(Relation.DECREASES, comment="also every 'down-regulates ...' phrase"),
            "represses": _M(Relation.INHIBITS),
            "repression": _M(Relation.INHIBITS),
            "binding": _M(Relation.BINDS),
            "form complex": _M(Relation.BINDS),
            "pp": _M(Relation.BINDS, comment="Cytoscape's protein-protein interaction"),
            "pd": _M(Relation.BINDS, comment="Cytoscape's protein-DNA interaction"),
            "interaction": _M(Relation.INTERACTS_WITH),
            "part-of": _M(Relation.PART_OF),
            "component of": _M(Relation.PART_OF),
            "metabolized to": _M(Relation.METABOLISED_TO),
        },
    ),
)

#: Phrases that begin a longer relation name (SIGNOR: "up-regulates quantity by expression").
_PREFIXES: tuple[tuple[str, str], ...] = (("up regulates ", "up-regulates"), ("down regulates ", "down-regulates"))

_LOOKUP: dict[str, RelationMapping] = {}
for _title, _terms in VOCABULARIES:
    for _word, _mapping in _terms.items():
        _key = normalize(_word)
        if _LOOKUP.get(_key, _mapping) != _mapping and _LOOKUP[_key].relation is not _mapping.relation:
            raise ValueError(f"{_word!r} maps to two relations")  # the table must be one mapping
        _LOOKUP.setdefault(_key, _mapping)


def relation_for(word: str) -> RelationMapping | None:
    """The mapping of a foreign relation name, or None when the table does not know it."""
    key = normalize(word)
    if key in _LOOKUP:
        return _LOOKUP[key]
    for prefix, term in _PREFIXES:
        if key.startswith(prefix):
            return _LOOKUP[normalize(term)]
    return None


#: Foreign node types (normalized, without spaces) and the kind they are imported as.
_KINDS: dict[NodeKind, tuple[str, ...]] = {
    NodeKind.TARGET: (
        "protein",
        "gene",
        "geneproduct",
        "rna",
        "mrna",
        "mirna",
        "dna",
        "complex",
        "macromolecule",
        "macromoleculemultimer",
        "nucleicacidfeature",
        "nucleicacidfeaturemultimer",
        "simplechemical",
        "simplechemicalmultimer",
        "complexmultimer",
        "smallmolecule",
        "chemical",
        "compound",
        "physicalentity",
        "unspecifiedentity",
        "proteinreference",
        "smallmoleculereference",
        "dnaregion",
        "rnaregion",
        "receptor",
        "ligand",
        "enzyme",
        "cytokine",
        "chemokine",
        "proteinfamily",
        "biologicalactivity",
        "metabolite",
    ),
    NodeKind.AGENT: ("drug", "perturbingagent", "perturbation"),
    NodeKind.OUTCOME: ("phenotype", "outcome"),
    NodeKind.CONDITION: ("disease", "condition"),
    NodeKind.THERAPY: ("therapy",),
    NodeKind.IMMUNE_CELL: ("immunecell",),
    NodeKind.NON_IMMUNE: ("nonimmune",),
    NodeKind.PROCESS: (
        "process",
        "omittedprocess",
        "uncertainprocess",
        "association",
        "dissociation",
        "reaction",
        "biochemicalreaction",
        "templatereaction",
        "transport",
        "transportwithbiochemicalreaction",
        "complexassembly",
        "degradation",
        "conversion",
        "pathway",
        "submap",
    ),
}
_KIND_LOOKUP = {word: kind for kind, words in _KINDS.items() for word in words}
# mechgraph's own kind names as types, except 'metabolite': elsewhere it means any small molecule,
# here the metabolite of an immunomodulator.
_KIND_LOOKUP.update({kind.value.replace("_", ""): kind for kind in NodeKind if kind is not NodeKind.METABOLITE})

#: Process node types that say which process kind they are.
_PROCESS_TYPES = {
    "templatereaction": ProcessKind.GENE_EXPRESSION,
    "degradation": ProcessKind.DEGRADATION,
    "pathway": ProcessKind.PATHWAY,
    "submap": ProcessKind.PATHWAY,
}

#: Phrases in a process node's label that name its process kind unambiguously (first match wins).
_PROCESS_WORDS: tuple[tuple[re.Pattern[str], ProcessKind], ...] = tuple(
    (re.compile(pattern), kind)
    for pattern, kind in (
        (r"\btranscription\b(?!\s+factors?\b)", ProcessKind.GENE_EXPRESSION),
        (r"\bgene expression\b", ProcessKind.GENE_EXPRESSION),
        (r"\btranslation\b", ProcessKind.PROTEIN_SYNTHESIS),
        (r"\bsecretion\b", ProcessKind.SECRETION),
        (r"\bdegradation\b", ProcessKind.DEGRADATION),
        (r"\bnuclear translocation\b|\btranslocat\w* to the nucleus\b", ProcessKind.PROTEIN_TRANSPORT),
        (r"\bproliferation\b", ProcessKind.PROLIFERATION),
        (r"\bdifferentiation\b", ProcessKind.DIFFERENTIATION),
        (r"\bapoptosis\b|\bcell death\b", ProcessKind.CELL_DEATH),
        (r"\bchemotaxis\b|\bcell migration\b", ProcessKind.MIGRATION),
        (r"\bantigen presentation\b", ProcessKind.ANTIGEN_PRESENTATION),
    )
)


def _type_key(word: str) -> str:
    return re.sub(r"[\s_\-]+", "", word.strip().lower())


def kind_for(type_word: str | None) -> NodeKind | None:
    """The node kind of a foreign node type, or None when the table does not know it."""
    return _KIND_LOOKUP.get(_type_key(type_word)) if type_word else None


def process_for(type_word: str | None, label: str) -> ProcessKind:
    """The process kind of a process node: from its type, else a clear word in its label, else
    :data:`DEFAULT_PROCESS`.

    >>> process_for("BiochemicalReaction", "IL2 gene transcription").value
    'gene_expression'
    >>> process_for("submap", "TCR signaling").value
    'pathway'
    >>> process_for("process", "AKT phosphorylates BAD").value
    'reaction'
    >>> process_for(None, "AKT phosphorylates FOXO transcription factors").value
    'reaction'
    """
    by_type = _PROCESS_TYPES.get(_type_key(type_word)) if type_word else None
    if by_type is not None:
        return by_type
    lowered = label.lower()
    for pattern, kind in _PROCESS_WORDS:
        if pattern.search(lowered):
            return kind
    return DEFAULT_PROCESS


def kind_table_markdown() -> str:
    """The node type table of ``docs/formats.md``: foreign types (compared without case, spaces,
    '_' or '-') and the kind they are imported as."""
    lines = ["| foreign node types | mechgraph kind |", "|---|---|"]
    for kind, words in _KINDS.items():
        lines.append(f"| {', '.join(f'`{word}`' for word in words)} | `{kind.value}` |")
    return "\n".join(lines) + "\n"


def mapping_table_markdown() -> str:
    """The relation mapping table of ``docs/formats.md``, written from :data:`VOCABULARIES`."""
    lines: list[str] = []
    for title, terms in VOCABULARIES:
        lines += [f"### {title}", "", "| foreign relation | mechgraph relation | sign | note |", "|---|---|---|---|"]
        for word, mapping in terms.items():
            note = mapping.comment
            if mapping.reverse:
                note = note or "edge reversed"
            ends = [f"{end} is a {kind.value}" for end, kind in (("source", mapping.source_kind), ("target", mapping.target_kind)) if kind]
            note = "; ".join(part for part in (note, *ends) if part)
            relation = mapping.relation
            lines.append(f"| `{word}` | `{relation.value}` | {relation.sign.symbol} {relation.sign.word} | {note} |")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
