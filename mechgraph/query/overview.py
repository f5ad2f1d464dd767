"""An overview of a graph too large to read whole: its hubs by name, the rest in groups with counts.

A map of hundreds of nodes fitted to a laptop screen is an unlabelled wall. The overview keeps the
most connected nodes as themselves (the drugs, targets and processes a mechanism runs through) and
folds every other node into a group of its kind (agents by class, processes by process kind), shown
as one node with a count: "12 more immunosuppressants". Relations between two shown nodes are
kept as they are; relations to or from a group are summed into one summary relation per sign,
carrying how many relations it stands for and their signs (one sign when they agree). A group opened by the user shows its members again.

The function is pure: it returns a new graph and never changes its input.

Examples
--------
>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("drug", kind="agent", label="Drug", agent_class="immunosuppressant")
>>> for i in range(5):
...     g.add_node(f"t{i}", kind="target", label=f"T{i}")
...     _ = g.add_edge("drug", f"t{i}", key=f"r{i}", relation="inhibits", sign=-1)
>>> view = overview(g, hubs=2)
>>> sorted(view.graph.nodes)
['drug', 'group:target', 't0']
>>> view.graph.nodes["group:target"]["label"], view.graph.nodes["group:target"]["members"]
('4 more targets', 4)
>>> [(u, v, d["relation"], d["members"]) for u, v, d in view.graph.edges(data=True) if v.startswith("group")]
[('drug', 'group:target', 'decreases', 4)]
>>> sorted(overview(g, hubs=2, open_groups=("group:target",)).graph.nodes)
['drug', 't0', 't1', 't2', 't3', 't4']
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import networkx as nx

from ..vocabulary import Attr, NodeKind, Relation, Sign

__all__ = ["DEFAULT_HUBS", "Group", "Overview", "add_summary", "overview"]

#: How many nodes an overview shows by name (before any group is opened).
DEFAULT_HUBS = 24
#: Past this many groups, groups of one kind are merged into one group per kind.
MAX_GROUPS = 14
_KIND_ORDER = {kind.value: index for index, kind in enumerate(NodeKind)}
_PLURAL = {
    NodeKind.AGENT: "agents",
    NodeKind.METABOLITE: "metabolites",
    NodeKind.TARGET: "targets",
    NodeKind.IMMUNE_CELL: "immune cells",
    NodeKind.NON_IMMUNE: "non-immune cells",
    NodeKind.PROCESS: "processes",
    NodeKind.OUTCOME: "outcomes",
    NodeKind.CONDITION: "conditions",
    NodeKind.THERAPY: "therapies",
}
_SUMMARY_RELATION = {Sign.INCREASES: Relation.INCREASES, Sign.DECREASES: Relation.DECREASES, Sign.UNKNOWN: Relation.REGULATES}


@dataclass(frozen=True, slots=True)
class Group:
    """Nodes shown as one: their kind, a readable name and the members."""

    id: str
    label: str
    kind: str
    members: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Overview:
    """The overview graph (hubs, groups and summary relations) and what each group holds."""

    graph: nx.MultiDiGraph
    groups: Mapping[str, Group]

    @property
    def hidden(self) -> int:
        """How many nodes are inside groups that are not open."""
        return sum(len(group.members) for gid, group in self.groups.items() if gid in self.graph)


def overview(graph: nx.MultiDiGraph, *, hubs: int = DEFAULT_HUBS, open_groups: Iterable[str] = ()) -> Overview:
    """The overview of ``graph``: its ``hubs`` most connected nodes by name, the rest grouped.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
        A mechgraph graph (node kinds and relation signs as attributes).
    hubs : int
        How many nodes keep their own name; the others are grouped by kind (and agent class or
        process kind). A group of one node is shown as that node.
    open_groups : iterable of str
        Ids of groups to show opened: their members appear as themselves.
    """
    opened = set(open_groups)
    shown = set(_hubs(graph, hubs))
    buckets: dict[tuple[str, str], list[str]] = defaultdict(list)
    for node in graph.nodes:
        if node not in shown:
            buckets[_bucket(graph.nodes[node])].append(node)
    if len(buckets) > MAX_GROUPS:
        merged: dict[tuple[str, str], list[str]] = defaultdict(list)
        for (kind, _), members in buckets.items():
            merged[(kind, "")].extend(members)
        buckets = merged
    groups: dict[str, Group] = {}
    item_of: dict[str, str] = {node: node for node in shown}
    for (kind, detail), members in sorted(buckets.items()):
        members.sort()
        gid = _group_id(kind, detail)
        while gid in graph:  # a node of the graph may be called like a group: never merge the two
            gid += "~"
        group = Group(gid, _group_label(kind, detail, len(members), bool(shown)), kind, tuple(members))
        groups[group.id] = group
        as_nodes = len(members) == 1 or group.id in opened
        for node in members:
            item_of[node] = node if as_nodes else group.id
    return Overview(_summarise(graph, item_of, groups), groups)


def _hubs(graph: nx.MultiDiGraph, count: int) -> list[str]:
    """The ``count`` most connected nodes (ties: earlier kinds first, then by id)."""
    degree = dict(graph.degree())
    order = sorted(graph.nodes, key=lambda n: (-degree[n], _KIND_ORDER.get(str(graph.nodes[n].get(Attr.KIND)), 99), str(n)))
    return order[: max(count, 0)]


def _bucket(data: Mapping[str, object]) -> tuple[str, str]:
    kind = str(data.get(Attr.KIND) or "")
    detail = ""
    if kind == NodeKind.AGENT and data.get(Attr.AGENT_CLASS):
        detail = str(data[Attr.AGENT_CLASS])
    elif kind == NodeKind.PROCESS and data.get(Attr.PROCESS):
        detail = str(data[Attr.PROCESS])
    return kind, detail


def _group_id(kind: str, detail: str) -> str:
    return ":".join(part for part in ("group", kind, detail) if part)


def _group_label(kind: str, detail: str, count: int, more: bool) -> str:
    """'12 more immunosuppressants', '18 more secretion processes', '40 targets'.

    >>> _group_label("process", "gene_expression", 3, True), _group_label("agent", "immunosuppressant", 2, False)
    ('3 more gene expression processes', '2 immunosuppressants')
    """
    try:
        plural = _PLURAL[NodeKind(kind)]
    except ValueError:
        plural = "nodes"
    words = detail.replace("_", " ")
    if kind == NodeKind.AGENT and words:
        name = words if words.endswith("s") else words + "s"
    elif words:
        name = f"{words} {plural}"
    else:
        name = plural
    return f"{count} {'more ' if more else ''}{name}"


def _summarise(graph: nx.MultiDiGraph, item_of: Mapping[str, str], groups: Mapping[str, Group]) -> nx.MultiDiGraph:
    result = nx.MultiDiGraph()
    result.graph.update({key: value for key, value in graph.graph.items() if key in (Attr.TITLE.value, Attr.SOURCES.value)})
    for item in sorted(set(item_of.values()), key=str):
        if item in groups:
            group = groups[item]
            result.add_node(
                item, **{Attr.KIND.value: group.kind, Attr.LABEL.value: group.label, Attr.GROUP.value: item, Attr.MEMBERS.value: len(group.members)}
            )
        else:
            result.add_node(item, **graph.nodes[item])
    summary: dict[tuple[str, str], Counter[Sign]] = defaultdict(Counter)
    for u, v, key, data in graph.edges(keys=True, data=True):
        a, b = item_of[u], item_of[v]
        if a == u and b == v:
            result.add_edge(u, v, key=key, **data)
        elif a != b:
            summary[(a, b)][Sign.of(int(data.get(Attr.SIGN, 0) or 0))] += 1
    for (a, b), signs in sorted(summary.items(), key=lambda item: (str(item[0][0]), str(item[0][1]))):
        add_summary(result, a, b, signs)
    return result


def add_summary(graph: nx.MultiDiGraph, source: str, target: str, signs: Counter[Sign]) -> None:
    """Add the one summary relation that stands for relations from ``source`` to ``target``
    (their count per sign in ``signs``): its sign is theirs when they agree, unknown otherwise.

    >>> g = nx.MultiDiGraph()
    >>> add_summary(g, "a", "group:target", Counter({Sign.DECREASES: 3, Sign.INCREASES: 1}))
    >>> d = g.edges["a", "group:target", "summary:a->group:target"]
    >>> d["relation"], d["members"], d["note"]
    ('regulates', 4, '4 relations: 1 increases, 3 decreases')
    """
    sign = _net_sign(signs)
    key = f"summary:{source}->{target}"
    graph.add_edge(source, target, key=key, **{
        Attr.ID.value: key,
        Attr.RELATION.value: _SUMMARY_RELATION[sign].value,
        Attr.SIGN.value: int(sign),
        Attr.MEMBERS.value: sum(signs.values()),
        Attr.NOTE.value: _sign_counts(signs),
    })  # fmt: skip


def _net_sign(signs: Counter[Sign]) -> Sign:
    """One sign when every summed relation has it; unknown when they differ."""
    present = [sign for sign, count in signs.items() if count]
    return present[0] if len(present) == 1 else Sign.UNKNOWN


def _sign_counts(signs: Counter[Sign]) -> str:
    """'3 relations: 2 increase, 1 decreases'.

    >>> _sign_counts(Counter({Sign.INCREASES: 2, Sign.DECREASES: 1}))
    '3 relations: 2 increases, 1 decreases'
    """
    total = sum(signs.values())
    parts = [f"{signs[sign]} {sign.word}" for sign in (Sign.INCREASES, Sign.DECREASES, Sign.UNKNOWN) if signs[sign]]
    return f"{total} relation{'s' if total != 1 else ''}: " + ", ".join(parts)
