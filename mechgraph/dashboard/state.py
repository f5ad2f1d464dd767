"""The per-user view of the dashboard as a plain value, and its round trip through the URL.

A :class:`ViewState` says what the user is looking at: the focus node and how far around it, the
filters, the two ends of a path, the layout and the theme. It lives in the browser (the URL's query
string and a ``dcc.Store``), never on the server, so a shared link reproduces the view and any
worker can answer any request.

The filters are one field, :class:`~mechgraph.query.filterspec.FilterValues`, written in the link
under the keys of the filter table (:mod:`mechgraph.query.filterspec`): a filter added to the
table is read and written here with nothing else to change.

Parsing is defensive: a value that cannot be understood is dropped and a notice says so; nothing
in a query string can raise. Every value of a filter is checked against the table.

Examples
--------
>>> state = ViewState(focus="cyclosporine", depth=2, filters=FilterValues(signs=[Sign.DECREASES]))
>>> state.to_query()
'?focus=cyclosporine&depth=2&sign=decreases'
>>> parse_query(state.to_query()) == (state, ())
True
>>> parse_query("?depth=deep&layout=spiral&focus=il2")[1]
("ignored depth='deep' in the link: expected a whole number from 1 to 6", "ignored layout='spiral' in the link: expected one of layered, force, compact")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlencode

from ..layout import Layout
from ..query.filterspec import FilterSpec, FilterValues, view_filters
from ..style import Theme
from ..vocabulary import Direction, Sign

__all__ = [
    "MAX_DEPTH",
    "FilterValues",
    "ViewState",
    "parse_query",
    "control_values",
    "query_keys",
    "sign_from_word",
    "state_from_pairs",
]

MAX_DEPTH = 6
_MAX_VALUE_LENGTH = 300  # a node or source id longer than this is not one
_MAX_LIST = 100
_MAX_PATHS = 20
_MAX_STEPS = 61  # a story tells at most 60 relations, then its summary

E = TypeVar("E")


def sign_from_word(word: str) -> Sign:
    """The sign named by its word, as written in links.

    >>> sign_from_word("decreases")
    <Sign.DECREASES: -1>
    """
    return {sign.word: sign for sign in Sign}[word]


@dataclass(frozen=True, slots=True)
class ViewState:
    """What one user is looking at. A filter without values in ``filters`` is no filter."""

    focus: str | None = None
    depth: int = 1
    direction: Direction = Direction.BOTH
    filters: FilterValues = FilterValues()  # filter name -> the words chosen (the filter table's filters)
    path_from: str | None = None
    path_to: str | None = None
    path: int = 0
    mixed_context: bool = False  # paths may chain relations of conflicting contexts
    opened: tuple[str, ...] = ()  # groups of the overview shown opened; ("all",) shows every node
    layout: Layout = Layout.LAYERED
    theme: Theme = Theme.LIGHT
    # reasoning (mechgraph.dashboard.reasoning): drawn over the view, never changing its elements
    give: tuple[str, ...] = ()  # nodes given (+1) in a perturbation
    block: tuple[str, ...] = ()  # nodes blocked (-1)
    compare_a: str | None = None  # two agents compared
    compare_b: str | None = None
    step: int = 0  # the step of the answer's story on show (0: its title, 1: its first relation)

    @property
    def has_filters(self) -> bool:
        """True when any filter is set."""
        return bool(self.filters)

    @property
    def shows_everything(self) -> bool:
        """True when the user asked for every node instead of the overview."""
        return "all" in self.opened

    @property
    def has_path(self) -> bool:
        return bool(self.path_from and self.path_to and self.path_from != self.path_to)

    def to_query(self) -> str:
        """The query string ('' for the default view) that :func:`parse_query` reads back."""
        pairs: list[tuple[str, str]] = []
        for spec in _SPECS:
            value = getattr(self, spec.attribute)
            if spec.attribute == _FILTERS:
                pairs.extend((str(filter_.key), ",".join(value[filter_.name])) for filter_ in _view_filters() if filter_.name in value)
            elif value != spec.default:
                pairs.append((spec.key, spec.write(value)))
        return "?" + urlencode(pairs, safe=",") if pairs else ""

    def view_query(self) -> str:
        """The query string of what decides the elements drawn (everything but the theme and the
        reasoning drawn over them).

        >>> ViewState(focus="il2", theme=Theme.DARK, give=("csa",)).view_query()
        '?focus=il2'
        """
        return replace(self, theme=Theme.LIGHT, give=(), block=(), compare_a=None, compare_b=None, step=0).to_query()

    def filter_query(self) -> str:
        """The query string of the filters alone (what decides the graph paths are looked for in).

        >>> ViewState(focus="il2", filters=FilterValues(kinds=["agent"])).filter_query()
        '?kind=agent'
        """
        return ViewState(filters=self.filters).to_query()

    def without_filters(self) -> ViewState:
        """The same view with every filter cleared."""
        return replace(self, filters=FilterValues())


@dataclass(frozen=True, slots=True)
class _Spec:
    """How one field of the state is written in, and read from, a query string."""

    attribute: str
    key: str
    read: Callable[[str], Any]  # raises ValueError (or KeyError) on a value it cannot read
    write: Callable[[Any], str]
    expected: str
    default: Any = None


def _text(value: str) -> str:
    value = value.strip()
    if not value or len(value) > _MAX_VALUE_LENGTH:
        raise ValueError(value)
    return value


def _number(low: int, high: int) -> Callable[[str], int]:
    def read(value: str) -> int:
        number = int(value)
        if not low <= number <= high:
            raise ValueError(value)
        return number

    return read


_YES, _NO = ("1", "true", "yes", "on", "mixed"), ("0", "false", "no", "off")


def _flag(value: str) -> bool:
    """A yes or no in a link (``1``/``0``, ...), or the value of the checkbox that sets it."""
    word = value.strip().lower()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise ValueError(value)


def _enum_list(read_one: Callable[[str], E]) -> Callable[[str], tuple[E, ...]]:
    def read(value: str) -> tuple[E, ...]:
        items = [item.strip() for item in value.split(",") if item.strip()]
        if not items or len(items) > _MAX_LIST:
            raise ValueError(value)
        return tuple(dict.fromkeys(read_one(item) for item in items))

    return read


def _words(values: Iterable[Any]) -> str:
    return ",".join(value.word if isinstance(value, Sign) else str(value) for value in values)


def _filter_spec(filter_: FilterSpec) -> _Spec:
    """How one filter of the table is read from a link: each word checked against the table."""
    assert filter_.key is not None
    return _Spec(filter_.name, filter_.key, _enum_list(filter_.read_word), _words, filter_.expected, ())


def _view_filters() -> tuple[FilterSpec, ...]:
    """The filters of the table that links carry (a key taken by another setting is refused)."""
    table = view_filters()
    taken = [filter_.key for filter_ in table if filter_.key in _BY_KEY]
    if taken:
        raise ValueError(f"the link key {taken[0]!r} of a filter is already a setting of the view")
    return table


#: The field holding the filters: in a link, one key per filter of the table (read when a link is).
_FILTERS = "filters"

_SPECS: tuple[_Spec, ...] = (
    _Spec("focus", "focus", _text, str, "a node id"),
    _Spec("depth", "depth", _number(1, MAX_DEPTH), str, f"a whole number from 1 to {MAX_DEPTH}", 1),
    _Spec("direction", "dir", Direction, str, "up, down or both", Direction.BOTH),
    _Spec(_FILTERS, "", lambda value: value, str, "", FilterValues()),  # stands for the filter table's keys
    _Spec("path_from", "from", _text, str, "a node id"),
    _Spec("path_to", "to", _text, str, "a node id"),
    _Spec("path", "path", _number(0, _MAX_PATHS - 1), str, f"a whole number from 0 to {_MAX_PATHS - 1}", 0),
    _Spec("mixed_context", "mixed", _flag, lambda value: "1" if value else "0", "1 (allow mixed contexts) or 0", False),
    _Spec("opened", "open", _enum_list(_text), _words, "a comma-separated list of group ids, or all", ()),
    _Spec("layout", "layout", Layout, str, "one of " + ", ".join(Layout), Layout.LAYERED),
    _Spec("theme", "theme", Theme, str, "light or dark", Theme.LIGHT),
    _Spec("give", "give", _enum_list(_text), _words, "a comma-separated list of node ids", ()),
    _Spec("block", "block", _enum_list(_text), _words, "a comma-separated list of node ids", ()),
    _Spec("compare_a", "compare_a", _text, str, "a node id"),
    _Spec("compare_b", "compare_b", _text, str, "a node id"),
    _Spec("step", "step", _number(0, _MAX_STEPS), str, f"a whole number from 0 to {_MAX_STEPS}", 0),
)
_BY_KEY = {spec.key: spec for spec in _SPECS if spec.attribute != _FILTERS}
assert {spec.attribute for spec in _SPECS} == {f.name for f in fields(ViewState)}


def _link_specs() -> tuple[_Spec, ...]:
    """Every key of a link in order, the filters' keys in place of the filters field (the table
    is read on each call, so a filter added to it is a key of every link from then on)."""
    result: list[_Spec] = []
    for spec in _SPECS:
        result.extend((_filter_spec(filter_) for filter_ in _view_filters()) if spec.attribute == _FILTERS else (spec,))
    return tuple(result)


def parse_query(search: str | None) -> tuple[ViewState, tuple[str, ...]]:
    """Read a query string (with or without the leading '?') into a state and notices.

    Unknown keys and values that cannot be read are ignored; each gives one notice.

    >>> parse_query("?kind=agent,target&dir=down")[0].filters["kinds"]
    ('agent', 'target')
    >>> parse_query("?kind=agent,enzyme")[1]
    ("ignored kind='agent,enzyme' in the link: expected a comma-separated list of agent, metabolite, target, immune_cell, non_immune, process, outcome, condition, therapy",)
    >>> parse_query("?colour=red")[1]
    ("ignored 'colour' in the link: not a setting of this view",)
    """
    values: dict[str, Any] = {}
    chosen: dict[str, Any] = {}
    notices: list[str] = []
    if search is not None and not isinstance(search, str):
        return ViewState(), (f"ignored the view sent as {type(search).__name__}: expected a query string",)
    by_key = {**_BY_KEY, **{filter_.key: _filter_spec(filter_) for filter_ in _view_filters() if filter_.key is not None}}
    filter_names = {filter_.name for filter_ in _view_filters()}
    text = (search or "")[:20_000].lstrip("?")
    for key, raw in parse_qsl(text, keep_blank_values=True):
        spec = by_key.get(key)
        if spec is None:
            notices.append(f"ignored {key[:40]!r} in the link: not a setting of this view")
            continue
        try:
            (chosen if spec.attribute in filter_names else values)[spec.attribute] = spec.read(raw)
        except (ValueError, KeyError):
            notices.append(f"ignored {key}={raw[:60]!r} in the link: expected {spec.expected}")
    return ViewState(**values, filters=FilterValues(chosen)), tuple(notices)


def state_from_pairs(pairs: Mapping[str, Any]) -> tuple[ViewState, tuple[str, ...]]:
    """Read control values (query key -> str, int, list or None) as :func:`parse_query` reads a link.

    >>> state_from_pairs({"focus": "il2", "kind": ["agent"], "depth": 3, "sign": []})[0]
    ViewState(focus='il2', depth=3, direction=<Direction.BOTH: 'both'>, filters=FilterValues(kinds=('agent',)), path_from=None, path_to=None, path=0, mixed_context=False, opened=(), layout=<Layout.LAYERED: 'layered'>, theme=<Theme.LIGHT: 'light'>, give=(), block=(), compare_a=None, compare_b=None, step=0)
    """
    pairs_out: list[tuple[str, str]] = []
    for key, value in pairs.items():
        if value is None or value == "" or value == []:
            continue
        if isinstance(value, (list, tuple)):
            value = ",".join(str(item) for item in value)
        pairs_out.append((key, str(value)))
    return parse_query(urlencode(pairs_out))


def control_values(state: ViewState) -> dict[str, Any]:
    """The state as control values keyed by query key (lists for multi-valued fields).

    >>> control_values(ViewState(filters=FilterValues(signs=[Sign.INCREASES])))["sign"]
    ['increases']
    """
    result: dict[str, Any] = {}
    filter_keys = _filter_keys()
    for spec in _link_specs():
        value = state.filters.get(spec.attribute, ()) if spec.key in filter_keys else getattr(state, spec.attribute)
        if isinstance(value, bool):  # a checklist of one box
            result[spec.key] = [spec.key] if value else []
        elif isinstance(value, tuple):
            result[spec.key] = [item.word if isinstance(item, Sign) else str(item) for item in value]
        elif isinstance(value, StrEnum):
            result[spec.key] = str(value)
        else:
            result[spec.key] = value
    return result


def query_keys() -> tuple[str, ...]:
    """Every key a link may carry.

    >>> query_keys()[:3]
    ('focus', 'depth', 'dir')
    """
    return tuple(spec.key for spec in _link_specs())


def _filter_keys() -> frozenset[str]:
    return frozenset(filter_.key for filter_ in _view_filters() if filter_.key is not None)
