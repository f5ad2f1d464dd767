"""The one table of filters: every filter of :func:`mechgraph.query.filter_graph`, once.

Each :class:`FilterSpec` says what a filter is called (its keyword of ``filter_graph``), what values
it takes (the words of a vocabulary enum, free ids, or context ``KEY=TEXT`` pairs), how it is
labelled and explained, its key in a dashboard link, the control that sets it on the dashboard
and its ``--option`` on the command line. The dashboard's view state, its controls and callbacks,
its links and the ``mechgraph export`` options are all generated from this table, so adding a
filter is one entry here plus what it does in :mod:`mechgraph.query.filters`.

A filter's default is always "no constraint" (no value chosen): a filter that hid part of the
graph unless told otherwise would hide it from every shared link as well.

The table is read when it is used, not copied at import: :func:`register` (or :func:`registered`,
for a while) adds an entry and every front end offers it from then on.

Examples
--------
>>> [spec.key for spec in filters() if spec.widget is Widget.CHECKLIST]
['kind', 'sign', 'mechanism', 'measurable']
>>> filter_spec("signs").values
('increases', 'decreases', 'unknown')
>>> filter_spec("mechanisms").read_word("direkt")
Traceback (most recent call last):
...
ValueError: unknown mechanism 'direkt': expected one of direct, indirect, unspecified
>>> FilterValues(signs=[Sign.DECREASES], kinds=("agent",))
FilterValues(kinds=('agent',), signs=('decreases',))
>>> query_arguments({"signs": ("-", "increases"), "context": ("species=human",)})["signs"]
['decreases', 'increases']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from typing import Any

from ..errors import QueryError
from ..vocabulary import UNSPECIFIED, AgentClass, ContextKey, ImmuneState, Measurability, Mechanism, NodeKind, Relation, Route, Sign

__all__ = [
    "BUILTIN_FILTERS",
    "FilterSpec",
    "FilterValues",
    "ValueType",
    "Widget",
    "filter_spec",
    "filters",
    "query_arguments",
    "register",
    "registered",
    "unregister",
    "view_filters",
]

#: The longest id a filter of free ids takes (a source id longer than this is not one).
MAX_ID_LENGTH = 300


class ValueType(StrEnum):
    """What values a filter takes."""

    CHOICES = "choices"  # words of a vocabulary enum (and ``extra`` words): kinds, relations, signs, ...
    IDS = "ids"  # free identifiers, checked only for length: source ids
    CONTEXT = "context"  # a context key to a text the relation's context must contain (KEY=TEXT)


class Widget(StrEnum):
    """The dashboard control that sets a filter (every filter takes several values)."""

    CHECKLIST = "checklist"  # a check box per value, in the filter panel's first group
    DROPDOWN = "dropdown"  # a multi-select dropdown of the values; for free ids, of the values a link gave
    # (the dashboard fills the source filter's options with the sources the graph's evidence cites)


@dataclass(frozen=True, slots=True)
class FilterSpec:
    """One filter, as every front end shows it.

    ``key`` and ``widget`` are None for a filter that is not on the dashboard nor in its links
    (``context``, whose texts are typed, not chosen).
    """

    name: str  # the keyword of filter_graph, e.g. "immune_states"
    value_type: ValueType
    enum: type[Enum] | None  # the vocabulary of a CHOICES filter
    label: str  # the dashboard's label, e.g. "Immune state"
    help: str  # the command line's help text
    option: str  # the command line's option, e.g. "--immune-state"
    key: str | None  # the key in a dashboard link, e.g. "immune_state"
    widget: Widget | None
    noun: str  # one value, in messages and placeholders: "immune state" ("unknown immune state ...", "any immune state")
    extra: tuple[str, ...] = ()  # words allowed besides the enum's, e.g. "unspecified"
    aliases: Mapping[str, str] = field(default_factory=dict)  # command-line words for a value: "+" -> "increases"
    metavar: str | None = None  # the command line's name of a value, for filters without a fixed list

    @property
    def values(self) -> tuple[str, ...]:
        """The words a CHOICES filter takes, in the vocabulary's order (empty for other filters)."""
        if self.enum is None:
            return self.extra
        return (*(word_of(member) for member in self.enum), *self.extra)

    @property
    def in_view(self) -> bool:
        """True when the dashboard shows the filter and its links carry it."""
        return self.key is not None and self.widget is not None

    @property
    def expected(self) -> str:
        """What a link's value of this filter must be, for the notice that ignores a bad one."""
        if self.value_type is ValueType.CHOICES:
            return "a comma-separated list of " + ", ".join(self.values)
        return f"a comma-separated list of {self.noun} ids"

    def read_word(self, word: str) -> str:
        """One value from a link or a control, checked against the filter (ValueError if wrong).

        >>> filter_spec("kinds").read_word("agent"), filter_spec("sources").read_word(" P1 ")
        ('agent', 'P1')
        """
        if self.value_type is ValueType.CHOICES:
            if word not in self.values:
                raise ValueError(f"unknown {self.noun} {word!r}: expected one of {', '.join(self.values)}")
            return word
        if self.value_type is ValueType.IDS:
            text = word.strip()
            if not text or len(text) > MAX_ID_LENGTH:
                raise ValueError(f"not a {self.noun} id: {word[:60]!r}")
            return text
        raise ValueError(f"{self.name} is not read from a link")


def word_of(value: object) -> str:
    """How a value is written in links, controls and the command line: a sign by its word, an enum
    member by its value.

    >>> word_of(Sign.DECREASES), word_of(NodeKind.AGENT), word_of("P1")
    ('decreases', 'agent', 'P1')
    """
    if isinstance(value, Sign):
        return value.word
    if isinstance(value, Enum):
        return str(value.value)
    return str(value)


_SIGN_ALIASES = {"+": "increases", "-": "decreases", "+1": "increases", "-1": "decreases", "0": "unknown"}

#: The filters mechgraph ships, in the order of links (node filters where the dashboard shows
#: them: check boxes first, then dropdowns, each group in this order).
BUILTIN_FILTERS: tuple[FilterSpec, ...] = (
    FilterSpec("kinds", ValueType.CHOICES, NodeKind, "Node kind", "Keep nodes of this kind (repeatable).", "--kind", "kind", Widget.CHECKLIST, "node kind"),
    FilterSpec("relations", ValueType.CHOICES, Relation, "Relation", "Keep relations of this type.", "--relation", "relation", Widget.DROPDOWN, "relation"),
    FilterSpec(
        "signs",
        ValueType.CHOICES,
        Sign,
        "Sign",
        "Keep relations of this sign: increases, decreases, unknown (+, -, 0).",
        "--sign",
        "sign",
        Widget.CHECKLIST,
        "sign",
        aliases=_SIGN_ALIASES,
    ),
    FilterSpec(
        "mechanisms",
        ValueType.CHOICES,
        Mechanism,
        "Mechanism",
        "Keep direct, indirect or unspecified relations.",
        "--mechanism",
        "mechanism",
        Widget.CHECKLIST,
        "mechanism",
        extra=(UNSPECIFIED,),
    ),
    FilterSpec(
        "measurable_in",
        ValueType.CHOICES,
        Measurability,
        "Measurable",
        "Keep relations measurable in this setting.",
        "--measurable-in",
        "measurable",
        Widget.CHECKLIST,
        "setting",
        extra=(UNSPECIFIED,),
    ),
    FilterSpec(
        "agent_classes",
        ValueType.CHOICES,
        AgentClass,
        "Agent class",
        "Keep agents of this class.",
        "--agent-class",
        "agent_class",
        Widget.DROPDOWN,
        "agent class",
    ),
    FilterSpec(
        "immune_states",
        ValueType.CHOICES,
        ImmuneState,
        "Immune state",
        "Keep agents acting on this immune state.",
        "--immune-state",
        "immune_state",
        Widget.DROPDOWN,
        "immune state",
    ),
    FilterSpec("routes", ValueType.CHOICES, Route, "Route", "Keep agents given by this route.", "--route", "route", Widget.DROPDOWN, "route"),
    FilterSpec(
        "sources", ValueType.IDS, None, "Source", "Keep relations citing this source id.", "--source", "source", Widget.DROPDOWN, "source", metavar="SOURCE"
    ),
    FilterSpec(
        "context",
        ValueType.CONTEXT,
        ContextKey,
        "Context",
        "Keep relations whose context KEY contains TEXT, e.g. species=human.",
        "--context",
        None,
        None,
        "context key",
        metavar="KEY=TEXT",
    ),
)

_table: list[FilterSpec] = list(BUILTIN_FILTERS)


def filters() -> tuple[FilterSpec, ...]:
    """Every filter, in the order of links and of the command line's options."""
    return tuple(_table)


def view_filters() -> tuple[FilterSpec, ...]:
    """The filters of the dashboard and its links.

    >>> [spec.key for spec in view_filters()][-2:]
    ['route', 'source']
    """
    return tuple(spec for spec in _table if spec.in_view)


def filter_spec(name: str) -> FilterSpec:
    """The filter of this name (KeyError if there is none)."""
    for spec in _table:
        if spec.name == name:
            return spec
    raise KeyError(name)


def register(spec: FilterSpec) -> None:
    """Add a filter at the end of the table; its name, link key and option must be new."""
    for other in _table:
        pairs = (("name", spec.name, other.name), ("key", spec.key, other.key), ("option", spec.option, other.option))
        clash = [what for what, mine, theirs in pairs if mine is not None and mine == theirs]
        if clash:
            raise ValueError(f"filter {spec.name!r}: its {clash[0]} is the one of filter {other.name!r}")
    if spec.value_type is ValueType.CHOICES and spec.enum is None and not spec.extra:
        raise ValueError(f"filter {spec.name!r} takes choices but names none")
    if (spec.key is None) != (spec.widget is None) or (spec.key is not None and spec.value_type is ValueType.CONTEXT):
        raise ValueError(f"filter {spec.name!r}: a filter of the dashboard has a link key and a control; a context filter has neither")
    _table.append(spec)


def unregister(name: str) -> None:
    """Take a filter out of the table (KeyError if there is none of that name)."""
    _table.remove(filter_spec(name))


@contextmanager
def registered(spec: FilterSpec) -> Iterator[FilterSpec]:
    """The table with ``spec`` added, for the duration of a ``with`` block."""
    register(spec)
    try:
        yield spec
    finally:
        unregister(spec.name)


class FilterValues(Mapping[str, tuple[str, ...]]):
    """The values chosen for the filters of the dashboard: filter name -> words, immutable and
    hashable. Filters without a value are left out, the rest kept in the table's order, so two
    equal choices are equal values.

    >>> values = FilterValues({"routes": ["oral"]}, kinds=[NodeKind.AGENT, "agent", "target"])
    >>> dict(values), bool(values), bool(FilterValues(kinds=()))
    ({'kinds': ('agent', 'target'), 'routes': ('oral',)}, True, False)
    >>> values.arguments()
    {'kinds': ['agent', 'target'], 'routes': ['oral']}
    """

    __slots__ = ("_items",)
    _items: tuple[tuple[str, tuple[str, ...]], ...]

    def __init__(self, values: Mapping[str, Iterable[object]] | None = None, /, **more: Iterable[object]) -> None:
        given = {**(values or {}), **more}
        known = {spec.name for spec in view_filters()}
        unknown = sorted(set(given) - known)
        if unknown:
            raise KeyError(f"no dashboard filter named {', '.join(map(repr, unknown))}: expected one of {', '.join(sorted(known))}")
        items = []
        for spec in view_filters():
            chosen = given.get(spec.name)
            if chosen:
                words = [chosen] if isinstance(chosen, (str, Enum)) else chosen
                items.append((spec.name, tuple(dict.fromkeys(word_of(word) for word in words))))
        object.__setattr__(self, "_items", tuple(items))

    def __getitem__(self, name: str) -> tuple[str, ...]:
        for item, words in self._items:
            if item == name:
                return words
        raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        return (name for name, _ in self._items)

    def __len__(self) -> int:
        return len(self._items)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, FilterValues):
            return self._items == other._items
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._items)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("FilterValues are immutable")

    def __repr__(self) -> str:
        return "FilterValues(" + ", ".join(f"{name}={words!r}" for name, words in self._items) + ")"

    def arguments(self) -> dict[str, list[str]]:
        """The keyword arguments of :func:`mechgraph.query.filter_graph` these values ask for."""
        return {name: list(words) for name, words in self._items}


def query_arguments(words: Mapping[str, Iterable[str]]) -> dict[str, Any]:
    """The keyword arguments of :func:`mechgraph.query.filter_graph` from the words typed for each
    filter (the command line's repeated options): aliases resolved, context pairs split. A filter
    without words gets None (no constraint).

    Raises
    ------
    QueryError
        A context pair that is not KEY=TEXT with a known KEY.

    >>> query_arguments({"context": ["planet=mars"]})
    Traceback (most recent call last):
    ...
    mechgraph.errors.QueryError: --context 'planet=mars' is not KEY=TEXT with KEY one of species, cell_type, tissue, setting, dose, condition, agent
    """
    result: dict[str, Any] = {}
    for spec in filters():
        given = list(words.get(spec.name) or ())
        if spec.value_type is ValueType.CONTEXT:
            result[spec.name] = _context(spec, given)
        elif spec.value_type is ValueType.CHOICES:
            result[spec.name] = [spec.aliases.get(word, word.lower()) for word in given]
        else:
            result[spec.name] = given
    return result


def _context(spec: FilterSpec, pairs: list[str]) -> dict[str, str] | None:
    if not pairs:
        return None
    keys = list(spec.values)
    result = {}
    for pair in pairs:
        key, sep, text = pair.partition("=")
        if not sep or key.strip() not in keys or not text.strip():
            raise QueryError(f"{spec.option} {pair!r} is not KEY=TEXT with KEY one of {', '.join(keys)}")
        result[key.strip()] = text.strip()
    return result
