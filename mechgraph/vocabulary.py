"""The vocabulary of mechgraph: node kinds, relations and their signs, and every attribute name.

This is the one place where the words of the domain are written. Every other module refers to
these enums instead of bare strings, so a renamed attribute or a new relation is a change here.

Examples
--------
>>> Relation.INHIBITS.sign
<Sign.DECREASES: -1>
>>> Sign.DECREASES * Sign.DECREASES
<Sign.INCREASES: 1>
>>> Relation.BINDS.sign.word
'unknown'
"""

from __future__ import annotations

from enum import Enum, IntEnum, StrEnum
from typing import NamedTuple

__all__ = [
    "FORMAT_VERSION",
    "AgentClass",
    "Attr",
    "ContextKey",
    "Direction",
    "Status",
    "ImmuneState",
    "Measurability",
    "Mechanism",
    "NodeKind",
    "OutcomePhase",
    "ProcessKind",
    "Relation",
    "Route",
    "Sign",
]

#: Version of the native YAML format, written as ``mechgraph: 1`` at the top of a graph file.
FORMAT_VERSION = 1


class Sign(IntEnum):
    """The effect of a relation or a path: +1 increases, -1 decreases, 0 unknown.

    Signs multiply along a path; an unsigned step makes the product 0 ("unknown").

    >>> Sign.INCREASES * Sign.DECREASES
    <Sign.DECREASES: -1>
    >>> Sign.of(Sign.INCREASES * Sign.UNKNOWN).word
    'unknown'
    """

    INCREASES = 1
    DECREASES = -1
    UNKNOWN = 0

    def __mul__(self, other: object) -> Sign:  # type: ignore[override]
        if isinstance(other, int):
            return Sign(int(self) * int(other))
        return NotImplemented

    __rmul__ = __mul__

    @classmethod
    def of(cls, value: int) -> Sign:
        return cls(max(-1, min(1, int(value))))

    @property
    def word(self) -> str:
        return {1: "increases", -1: "decreases", 0: "unknown"}[int(self)]

    @property
    def symbol(self) -> str:
        return {1: "+", -1: "-", 0: "?"}[int(self)]


class NodeKind(StrEnum):
    """What a node is. Values are the words used in the YAML files."""

    AGENT = "agent"  # an immunomodulator: drug, biological, reagent
    METABOLITE = "metabolite"  # what an agent is metabolised to
    TARGET = "target"  # molecular entity: protein, gene, receptor, complex, mediator
    IMMUNE_CELL = "immune_cell"
    NON_IMMUNE = "non_immune"  # non-immune cell or component: the indirect route
    PROCESS = "process"  # cellular process (see ProcessKind)
    OUTCOME = "outcome"  # immune response phase or outcome
    CONDITION = "condition"  # condition or disease
    THERAPY = "therapy"  # therapy or clinical context: radiotherapy, transplant, ...

    @property
    def description(self) -> str:
        return _NODE_KIND_DESCRIPTIONS[self]


_NODE_KIND_DESCRIPTIONS = {
    NodeKind.AGENT: "immunomodulator (drug, biological or laboratory reagent)",
    NodeKind.METABOLITE: "metabolite of an immunomodulator",
    NodeKind.TARGET: "molecular target or mediator (protein, gene, receptor, complex)",
    NodeKind.IMMUNE_CELL: "immune cell",
    NodeKind.NON_IMMUNE: "non-immune cell or component (indirect route)",
    NodeKind.PROCESS: "cellular process",
    NodeKind.OUTCOME: "immune response phase or outcome",
    NodeKind.CONDITION: "condition or disease",
    NodeKind.THERAPY: "therapy or clinical context",
}


class ProcessKind(StrEnum):
    """The kind of a cellular process node (the article's list, then cell-level processes)."""

    GENE_EXPRESSION = "gene_expression"
    MRNA_PROCESSING = "mrna_processing"
    MRNA_STABILITY = "mrna_stability"  # stability and decay
    PROTEIN_TRANSPORT = "protein_transport"  # intracellular protein transport
    PROTEIN_SYNTHESIS = "protein_synthesis"
    SECRETION = "secretion"
    SURFACE_EXPRESSION = "surface_expression"
    DEGRADATION = "degradation"
    SIGNALLING = "signalling"
    ACTIVATION = "activation"  # cell activation or maturation
    PROLIFERATION = "proliferation"
    DIFFERENTIATION = "differentiation"
    CELL_DEATH = "cell_death"
    ANTIGEN_PRESENTATION = "antigen_presentation"
    CYTOTOXICITY = "cytotoxicity"  # killing by cells, antibodies or complement
    MIGRATION = "migration"  # recruitment and trafficking
    METABOLISM = "metabolism"  # biosynthesis, pH, ion exchange
    REACTION = "reaction"  # a biochemical reaction or state transition (SBGN process, BioPAX conversion)
    PATHWAY = "pathway"  # a pathway drawn as one node (SBGN submap, BioPAX pathway)


class OutcomePhase(StrEnum):
    """The phase of the immune response an outcome belongs to (the article's three)."""

    INDUCTION = "induction"
    MAINTENANCE = "maintenance"
    REGULATION = "regulation"


class Relation(StrEnum):
    """The relation types. Each knows its sign, so a path can be signed.

    >>> [r.value for r in Relation if r.sign is Sign.INCREASES]
    ['activates', 'increases', 'required_for', 'metabolised_to']
    """

    ACTIVATES = "activates"
    INCREASES = "increases"
    REQUIRED_FOR = "required_for"
    INHIBITS = "inhibits"
    DECREASES = "decreases"
    BINDS = "binds"
    METABOLISED_TO = "metabolised_to"
    PART_OF = "part_of"
    EXPRESSED_BY = "expressed_by"
    REGULATES = "regulates"
    ACTS_ON = "acts_on"
    CONSUMED_BY = "consumed_by"  # an input of a reaction (SBGN consumption)
    PRODUCES = "produces"  # a reaction and its output (SBGN production)
    INTERACTS_WITH = "interacts_with"  # an interaction of unstated direction and effect

    @property
    def sign(self) -> Sign:
        return _RELATION_WORDS[self].sign

    @property
    def phrase(self) -> str:
        """The verb phrase used when a relation is read as a sentence."""
        return _RELATION_WORDS[self].phrase


class _Words(NamedTuple):
    sign: Sign
    phrase: str  # the verb phrase a relation reads as in a sentence


#: Each relation's sign and phrase, one row a relation.
_RELATION_WORDS: dict[Relation, _Words] = {
    Relation.ACTIVATES: _Words(Sign.INCREASES, "activates"),
    Relation.INCREASES: _Words(Sign.INCREASES, "increases"),
    Relation.REQUIRED_FOR: _Words(Sign.INCREASES, "is required for"),
    Relation.INHIBITS: _Words(Sign.DECREASES, "inhibits"),
    Relation.DECREASES: _Words(Sign.DECREASES, "decreases"),
    Relation.BINDS: _Words(Sign.UNKNOWN, "binds"),
    # a precursor raises the amount of its product (SIGNOR: "precursor of", up-regulates quantity)
    Relation.METABOLISED_TO: _Words(Sign.INCREASES, "is metabolised to"),
    Relation.PART_OF: _Words(Sign.UNKNOWN, "is part of"),
    Relation.EXPRESSED_BY: _Words(Sign.UNKNOWN, "is expressed by"),
    Relation.REGULATES: _Words(Sign.UNKNOWN, "regulates"),
    Relation.ACTS_ON: _Words(Sign.UNKNOWN, "acts on"),
    Relation.CONSUMED_BY: _Words(Sign.UNKNOWN, "is consumed by"),
    Relation.PRODUCES: _Words(Sign.UNKNOWN, "produces"),
    Relation.INTERACTS_WITH: _Words(Sign.UNKNOWN, "interacts with"),
}


class Mechanism(StrEnum):
    """Direct: on a component of immune cells. Indirect: through a non-immune component."""

    DIRECT = "direct"
    INDIRECT = "indirect"


class Measurability(StrEnum):
    """Where an effect is measurable. Indirect effects are measurable only in vivo."""

    IN_VITRO = "in_vitro"
    IN_VIVO = "in_vivo"


class AgentClass(StrEnum):
    IMMUNOSTIMULANT = "immunostimulant"
    IMMUNOSUPPRESSANT = "immunosuppressant"
    BOTH = "both"


class ImmuneState(StrEnum):
    """The immune state an agent acts on: the article's three types of immunomodulator."""

    NORMAL = "normal"
    IMMUNOSUPPRESSED = "immunosuppressed"
    BOTH = "both"


class Route(StrEnum):
    ORAL = "oral"
    INTRAVENOUS = "intravenous"
    SUBCUTANEOUS = "subcutaneous"
    INTRAMUSCULAR = "intramuscular"
    TOPICAL = "topical"
    OPHTHALMIC = "ophthalmic"
    INTRAVESICAL = "intravesical"
    INTRALESIONAL = "intralesional"
    INTRA_ARTICULAR = "intra_articular"
    LABORATORY = "laboratory"  # in vitro reagent, not given to people


class Direction(StrEnum):
    """Which way to walk from a node: against the arrows, along them, or both."""

    UP = "up"  # upstream: what leads to the node
    DOWN = "down"  # downstream: what the node leads to
    BOTH = "both"


class Status(StrEnum):
    """Review status of a drafted node or relation (``mechgraph extract`` writes candidates)."""

    CANDIDATE = "candidate"
    ACCEPTED = "accepted"
    REJECTED = "rejected"


class ContextKey(StrEnum):
    """Keys allowed in a relation's ``context`` mapping."""

    SPECIES = "species"
    CELL_TYPE = "cell_type"
    TISSUE = "tissue"
    SETTING = "setting"  # e.g. "in vitro", "clinical", "mouse tumour model"
    DOSE = "dose"
    CONDITION = "condition"
    AGENT = "agent"  # node id of the agent a relation was shown under (holds only downstream of it)


class Attr(StrEnum):
    """Attribute names on the networkx graph (nodes, edges and the graph itself)."""

    # nodes
    KIND = "kind"
    LABEL = "label"
    SYNONYMS = "synonyms"
    IDENTIFIERS = "identifiers"
    DESCRIPTION = "description"
    PROCESS = "process"
    PHASE = "phase"
    AGENT_CLASS = "agent_class"
    IMMUNE_STATE = "immune_state"
    ROUTES = "routes"
    USES = "uses"
    # edges
    RELATION = "relation"
    SIGN = "sign"
    MECHANISM = "mechanism"
    MEASURABLE_IN = "measurable_in"
    CONTEXT = "context"
    NEGATED = "negated"  # the source says the relation does NOT hold (never drawn, never on a path)
    HEDGED = "hedged"  # the source says it only may hold ("may", "appears to")
    # both
    ID = "id"
    EVIDENCE = "evidence"
    NOTE = "note"
    STATUS = "status"
    CONFIDENCE = "confidence"
    # graph
    TITLE = "title"
    SOURCES = "sources"
    FILE = "file"
    #: The relations a source denies ("X does not inhibit Y"): kept beside the graph's edges, as
    #: dicts of the relation's fields, so that no query walks them and the native writer keeps them.
    NEGATED_RELATIONS = "negated_relations"
    # imported graphs
    EXTRA = "extra"  # attributes of another format that mechgraph has no field for (a dict)
    POSITION = "position"  # a node's drawing position {"x": ..., "y": ...} from the imported file
    # overviews (mechgraph.query.overview): never in a file
    GROUP = "group"  # on a node standing for a group of nodes: the group's id
    MEMBERS = "members"  # how many nodes a group holds, or how many relations a summary relation stands for


class EvidenceKey(StrEnum):
    SOURCE = "source"
    QUOTE = "quote"
    NOTE = "note"
    START = "start"  # character offsets of the quote in the raw source text
    END = "end"


class SourceKey(StrEnum):
    ID = "id"
    TITLE = "title"
    URL = "url"
    TEXT = "text"
    NOTE = "note"


def values(enum: type[Enum]) -> list[str]:
    """The allowed values of an enum, as written in files.

    >>> values(Mechanism)
    ['direct', 'indirect']
    """
    return [str(member.value) for member in enum]


#: The word for a missing value where one is counted or grouped: a relation without mechanism or
#: measurability, a path whose steps give no mechanism.
UNSPECIFIED = "unspecified"

__all__ += ["UNSPECIFIED"]

#: What a curated node says about itself beyond its kind, label and identifiers: the details a
#: draft copies from the graph and a view shows, in this order.
NODE_DETAILS = (
    Attr.DESCRIPTION,
    Attr.SYNONYMS,
    Attr.PROCESS,
    Attr.PHASE,
    Attr.AGENT_CLASS,
    Attr.IMMUNE_STATE,
    Attr.ROUTES,
    Attr.USES,
)
__all__ += ["NODE_DETAILS"]
