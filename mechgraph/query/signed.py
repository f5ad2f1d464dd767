"""The values of signed-path queries: a step, a path with its net sign and contexts, a report of
the k best paths between two nodes, and an effect of an agent (see :mod:`mechgraph.query.paths`
for how they are found)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from .._records import fields_of
from ..vocabulary import UNSPECIFIED, Mechanism, Relation, Sign
from .context import path_agents_respected, path_compatible

__all__ = ["Effect", "PathReport", "SignedPath", "Step", "path_mechanism"]

_DIRECT, _INDIRECT = Mechanism.DIRECT.value, Mechanism.INDIRECT.value


class Step(NamedTuple):
    """One step of a path: ``u`` --relation--> ``v``.

    ``key`` and ``relation`` are those of the best relation of the step (most evidence); ``keys``
    and ``relations`` list every parallel relation of the same sign it stands for (best first;
    empty for a step built by hand from one relation), ``evidence`` is theirs joined, and
    ``mechanism`` is direct when any of them is.

    >>> one = Step("nfat", "il2", "r1", Relation.REQUIRED_FOR, Sign.INCREASES, "direct", ({"source": "a"},))
    >>> one.ids, one.phrase
    (('r1',), 'is required for')
    >>> two = one._replace(keys=("r1", "r2"), relations=(Relation.REQUIRED_FOR, Relation.ACTIVATES))
    >>> two.ids, two.phrase
    (('r1', 'r2'), 'is required for and activates')
    """

    u: str
    v: str
    key: str
    relation: Relation
    sign: Sign
    mechanism: str | None
    evidence: tuple[Mapping[str, Any], ...]
    keys: tuple[str, ...] = ()
    relations: tuple[Relation, ...] = ()
    contexts: tuple[Mapping[str, Any], ...] = ()

    @property
    def ids(self) -> tuple[str, ...]:
        """Every relation id the step stands for, its own ``key`` first."""
        return self.keys or (self.key,)

    @property
    def phrase(self) -> str:
        """The step's relations as a verb phrase, each distinct relation once."""
        distinct = dict.fromkeys(self.relations or (self.relation,))
        return " and ".join(relation.phrase for relation in distinct)

    @property
    def context_text(self) -> str:
        """Where the step holds, read from its relations' contexts ("" when none says).

        >>> s = Step("a", "b", "r1", Relation.ACTIVATES, Sign.INCREASES, None, (), contexts=({"species": "mouse", "cell_type": "macrophage"},))
        >>> s.context_text
        'species mouse, cell type macrophage'
        >>> s._replace(keys=("r1", "r2"), contexts=(*s.contexts, {})).context_text
        'species mouse, cell type macrophage; or without a stated context'
        """
        described = [", ".join(f"{key.replace('_', ' ')} {value}" for key, value in context.items()) for context in self.contexts]
        if not any(described):
            return ""
        texts = list(dict.fromkeys(text or "without a stated context" for text in described))
        return "; or ".join(texts)

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": self.u,
            "to": self.v,
            "id": self.key,
            "ids": list(self.ids),
            "relation": self.relation.value,
            "relations": [relation.value for relation in self.relations or (self.relation,)],
            "sign": self.sign.word,
            "mechanism": self.mechanism,
            "contexts": [dict(context) for context in self.contexts],
            "evidence": [dict(item) for item in self.evidence],
        }


def path_mechanism(steps: Sequence[Step]) -> str:
    """``direct`` if every step is direct, ``indirect`` if any step is, else ``unspecified``.

    >>> s = Step("a", "b", "r1", Relation.INHIBITS, Sign.DECREASES, "direct", ())
    >>> path_mechanism([s, s._replace(mechanism=None)]), path_mechanism([s, s._replace(mechanism="indirect")])
    ('unspecified', 'indirect')
    """
    mechanisms = {step.mechanism for step in steps}
    if _INDIRECT in mechanisms:
        return _INDIRECT
    if mechanisms == {_DIRECT}:
        return _DIRECT
    return UNSPECIFIED


@dataclass(frozen=True, slots=True)
class SignedPath:
    """A simple path of steps, with its net sign and mechanism.

    Examples
    --------
    >>> steps = (Step("csa", "cn", "r1", Relation.INHIBITS, Sign.DECREASES, "direct", ()),
    ...          Step("cn", "nfat", "r2", Relation.ACTIVATES, Sign.INCREASES, "direct", ()))
    >>> path = SignedPath(steps)
    >>> path.nodes, path.sign.word, path.mechanism, path.length
    (('csa', 'cn', 'nfat'), 'decreases', 'direct', 2)
    >>> print(path)
    csa -| cn -> nfat (net: decreases)
    """

    steps: tuple[Step, ...]

    def __str__(self) -> str:
        """The path in node ids, each step drawn by its sign (``->``, ``-|``, ``--`` unsigned)."""
        if not self.steps:
            return "(empty path)"
        arrows = {Sign.INCREASES: "->", Sign.DECREASES: "-|"}
        text = self.steps[0].u + "".join(f" {arrows.get(step.sign, '--')} {step.v}" for step in self.steps)
        return f"{text} (net: {self.sign.word}{', mixed contexts' if self.mixed else ''})"

    @property
    def nodes(self) -> tuple[str, ...]:
        return (self.steps[0].u, *(step.v for step in self.steps)) if self.steps else ()

    @property
    def source(self) -> str:
        return self.steps[0].u

    @property
    def target(self) -> str:
        return self.steps[-1].v

    @property
    def length(self) -> int:
        return len(self.steps)

    @property
    def sign(self) -> Sign:
        """The net sign: the product of the steps' signs (unknown if any step is unsigned)."""
        net = Sign.INCREASES
        for step in self.steps:
            net = net * step.sign
        return net

    @property
    def mechanism(self) -> str:
        return path_mechanism(self.steps)

    @property
    def unsigned_steps(self) -> int:
        return sum(1 for step in self.steps if step.sign is Sign.UNKNOWN)

    @property
    def evidence_count(self) -> int:
        return sum(len(step.evidence) for step in self.steps)

    @property
    def relation_ids(self) -> tuple[str, ...]:
        """Every relation id the path stands for (all parallels of each step), in path order."""
        return tuple(key for step in self.steps for key in step.ids)

    @property
    def contexts(self) -> dict[str, tuple[str, ...]]:
        """The contexts the path spans: each context key its steps give, to its distinct values
        (as written, in path order).

        >>> a = Step("a", "b", "r1", Relation.ACTIVATES, Sign.INCREASES, None, (), contexts=({"species": "mouse"},))
        >>> b = a._replace(u="b", v="c", key="r2", contexts=({"species": "human", "cell_type": "T cell"},))
        >>> path = SignedPath((a, b))
        >>> path.contexts, path.mixed
        ({'species': ('mouse', 'human'), 'cell_type': ('T cell',)}, True)
        >>> path.context_text
        'species mouse / human; cell type T cell'
        """
        spans: dict[str, dict[str, None]] = {}
        for step in self.steps:
            for context in step.contexts:
                for key, value in context.items():
                    spans.setdefault(str(key), {})[str(value)] = None
        return {key: tuple(values) for key, values in spans.items()}

    @property
    def context_text(self) -> str:
        """The contexts the path spans as a phrase, e.g. ``species mouse / human; cell type T cell``."""
        return "; ".join(f"{key.replace('_', ' ')} {' / '.join(values)}" for key, values in self.contexts.items())

    @property
    def mixed(self) -> bool:
        """True when two of the steps hold in conflicting contexts (see :mod:`mechgraph.query.context`)."""
        return not path_compatible(step.contexts for step in self.steps) or not path_agents_respected([(step.u, step.contexts or ({},)) for step in self.steps])

    @property
    def rank(self) -> tuple[int, int, int]:
        """What orders paths, best first: length, unsigned steps, minus the evidence."""
        return (self.length, self.unsigned_steps, -self.evidence_count)

    def to_dict(self) -> dict[str, Any]:
        return {
            "nodes": list(self.nodes),
            "sign": self.sign.word,
            "mechanism": self.mechanism,
            **fields_of(self, "length", "unsigned_steps", "evidence_count"),
            "contexts": {key: list(values) for key, values in self.contexts.items()},
            "mixed": self.mixed,
            "steps": [step.to_dict() for step in self.steps],
        }


@dataclass(frozen=True, slots=True)
class PathReport:
    """The best paths from ``source`` to ``target``, and whether their net signs disagree."""

    source: str
    target: str
    paths: tuple[SignedPath, ...]
    k: int
    max_length: int
    mixed_context: bool = False  # whether paths may chain relations of conflicting contexts

    @property
    def signs(self) -> dict[str, int]:
        """How many paths have each net sign (words as keys)."""
        counts: dict[str, int] = {}
        for path in self.paths:
            counts[path.sign.word] = counts.get(path.sign.word, 0) + 1
        return counts

    @property
    def disagree(self) -> bool:
        """True when some paths increase and others decrease the target."""
        signs = {path.sign for path in self.paths}
        return Sign.INCREASES in signs and Sign.DECREASES in signs

    @property
    def best(self) -> SignedPath | None:
        return self.paths[0] if self.paths else None

    def to_dict(self) -> dict[str, Any]:
        return {
            **fields_of(self, "source", "target", "k", "max_length", "mixed_context", "disagree", "signs"),
            "paths": [path.to_dict() for path in self.paths],
        }


@dataclass(frozen=True, slots=True)
class Effect:
    """A process or outcome an agent reaches, the net sign of the best path, and that path."""

    node: str
    label: str
    group: str  # the ProcessKind value of a process, "outcome" for an outcome
    sign: Sign
    path: SignedPath

    def to_dict(self) -> dict[str, Any]:
        return {"node": self.node, "label": self.label, "group": self.group, "sign": self.sign.word, "path": self.path.to_dict()}
