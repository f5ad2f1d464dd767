"""Questions asked of a mechanism graph, as pure functions.

Every function takes a graph and returns a new graph or plain values; none changes its input.

- :func:`filter_graph`: keep nodes and relations by kind, relation, sign, mechanism, setting,
  agent class, immune state, route, source or context.
- :func:`neighbourhood`, :func:`upstream`, :func:`downstream`, :func:`reach`: what lies within k
  relations of some nodes, in a direction.
- :func:`signed_paths` and :func:`effects`: how one node leads to another, with the net sign;
  what an agent changes, by process kind. :func:`explain` reads a path as sentences. Both keep
  each path within one context (:func:`compatible`: no mouse step chained to a human one, no
  steps in different cell lineages) unless ``mixed_context=True``.
- :func:`search` and :func:`resolve_node`: find nodes by what people type.
- :func:`graph_stats`: counts and hubs.

Examples
--------
>>> from mechgraph.graph import read_graph
>>> graph = read_graph()
>>> report = signed_paths(graph, resolve_node(graph, "cyclosporine"), resolve_node(graph, "IL-2"))
>>> report.best.sign.word
'decreases'
"""

from .context import compatible
from .explain import explain, explain_steps
from .filters import filter_graph
from .neighbourhood import downstream, neighbourhood, reach, upstream
from .paths import Effect, PathReport, SignedPath, Step, effects, path_mechanism, signed_paths
from .resolve import resolve_node
from .search import Match, SearchIndex, build_search_index, normalize_name, search
from .stats import graph_stats

__all__ = [
    "Effect",
    "Match",
    "PathReport",
    "SearchIndex",
    "SignedPath",
    "Step",
    "build_search_index",
    "compatible",
    "downstream",
    "effects",
    "explain",
    "explain_steps",
    "filter_graph",
    "graph_stats",
    "neighbourhood",
    "normalize_name",
    "path_mechanism",
    "reach",
    "resolve_node",
    "search",
    "signed_paths",
    "upstream",
]
