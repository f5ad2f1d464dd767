"""Turn a name a person typed into a node id, or say which nodes it might have meant."""

from __future__ import annotations

import networkx as nx

from ..errors import AmbiguousNode, NodeNotFound
from ._common import label_of, require_multidigraph
from .search import build_search_index, closest_nodes

__all__ = ["resolve_node"]

#: The fields that name a node, in the order they are tried (a process kind names a group).
_NAMING_FIELDS = ("id", "label", "synonym", "identifier")


def resolve_node(graph: nx.MultiDiGraph, name: str) -> str:
    """The id of the node ``name`` stands for: an id, a label, a synonym or an identifier.

    Tried in turn, the first that fits decides: the id as written; then, ignoring case, an id, a
    label, a synonym, an identifier (a CURIE such as ``hgnc.symbol:IL2`` or its local part
    ``IL2``); then, in the same order, a name with the same search key ("interleukin 2" for
    "IL-2", "TNFa" for "TNF-alpha"). Typos are not guessed: they raise :class:`~mechgraph.errors.NodeNotFound`,
    whose message names the closest nodes.

    Parameters
    ----------
    graph : networkx.MultiDiGraph
    name : str

    Returns
    -------
    str
        A node id of ``graph``.

    Raises
    ------
    NodeNotFound
        Nothing fits; the message lists the closest matches.
    AmbiguousNode
        Several nodes fit equally well; the message lists them.

    Examples
    --------
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("cyclosporine", label="Cyclosporine", synonyms=["CsA"], identifiers=["CHEBI:4031"])
    >>> g.add_node("il2", label="IL-2", synonyms=["interleukin-2"])
    >>> g.add_node("aldesleukin", label="Aldesleukin", synonyms=["IL-2", "rIL-2"])
    >>> [resolve_node(g, n) for n in ("cyclosporine", "CSA", "chebi:4031", "4031", "IL-2", "Interleukin 2")]
    ['cyclosporine', 'cyclosporine', 'cyclosporine', 'cyclosporine', 'il2', 'il2']
    >>> g.add_node("ciclosporin_eye_drops", label="Ciclosporin eye drops", synonyms=["CsA"])
    >>> resolve_node(g, "CsA")
    Traceback (most recent call last):
    ...
    mechgraph.errors.AmbiguousNode: 'CsA' could name several nodes: cyclosporine (Cyclosporine), ciclosporin_eye_drops (Ciclosporin eye drops); name one by its id
    >>> resolve_node(g, "cyclosporin")
    Traceback (most recent call last):
    ...
    mechgraph.errors.NodeNotFound: no node named 'cyclosporin'; closest: cyclosporine (Cyclosporine), ciclosporin_eye_drops (Ciclosporin eye drops)
    """
    require_multidigraph(graph)
    if name in graph._node:
        return name
    index = build_search_index(graph)
    exact, same_key = index.exact(name), index.same_key(name)
    for by_field in (exact, same_key):
        for field in _NAMING_FIELDS:
            found = by_field.get(field)
            if found:
                return _one(graph, name, found)
    raise NodeNotFound(name, closest_nodes(graph, name))


def _one(graph: nx.MultiDiGraph, name: str, nodes: list[str]) -> str:
    if len(nodes) == 1:
        return nodes[0]
    raise AmbiguousNode(name, [(node, label_of(graph, node)) for node in nodes])
