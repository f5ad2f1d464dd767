"""The Python API: what a notebook needs, by the names people look for (``mg.export`` is
:func:`mechgraph.export.export`, callable as ``mg.export(graph, "view.html")``).

Every function takes or returns a plain :class:`networkx.MultiDiGraph` (nodes keyed by id, with
``kind``, ``label`` and the rest of the model as attributes), and every name a person types
("cyclosporine", "IL-2", "CHEBI:4031") is resolved the way the command line resolves it.

>>> import mechgraph as mg
>>> g = mg.read()
>>> best = mg.paths(g, "cyclosporine", "IL-2")[0]
>>> best.sign.word, best.nodes[0], best.nodes[-1]
('decreases', 'cyclosporine', 'il2')
>>> print(mg.describe(g, best).splitlines()[0])
Cyclosporine decreases IL-2 (net: decreases, 4 steps, within one context)
>>> [m.node for m in mg.search(g, "tacrolimus", limit=1)]
['tacrolimus']
>>> sorted(mg.effects(g, "cyclosporine"))[:2]
['activation', 'gene_expression']
>>> mg.neighbours(g, "calcineurin").number_of_nodes() > 3
True
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

import networkx as nx

from .query import Effect, Match, SignedPath, explain_steps, neighbourhood, resolve_node, signed_paths
from .query import effects as _effects
from .query import search as _search

if TYPE_CHECKING:
    from .query.compare import AgentComparison
    from .query.perturb import Perturbation

__all__ = ["compare", "describe", "effects", "neighbours", "perturb", "paths", "read", "search", "serve", "validate", "write"]

PathLike = str | os.PathLike[str]


def read(path: PathLike | None = None, *, format: str | None = None) -> nx.MultiDiGraph:
    """The graph of a file in any registered format (the bundled immunomodulation graph when
    ``path`` is None), checked against the model's rules.

    Raises :class:`~mechgraph.errors.ReadError` when the file cannot be read and
    :class:`~mechgraph.errors.DataError` (every problem, with file and line) when it is invalid.
    """
    from .formats.registry import load

    return load(Path(path) if path is not None else None, format=format).graph


def write(graph: nx.MultiDiGraph, path: PathLike, *, format: str | None = None, force: bool = False) -> Path:
    """Write ``graph`` in the format its extension (or ``format``) names, atomically; an existing
    file is replaced only with ``force``. Returns the path written."""
    from .formats.registry import write as _write

    _write(graph, Path(path), format=format, force=force)
    return Path(path)


def validate(path: PathLike | None = None) -> list[str]:
    """The problems of a file in any registered format, one line each (file, line, field, what was
    expected); an empty list when it is valid."""
    from .errors import DataError, ReadError
    from .formats.registry import load

    try:
        load(Path(path) if path is not None else None)
    except DataError as error:
        return [str(problem) for problem in error.problems]
    except ReadError as error:
        return [str(error)]
    return []


def paths(graph: nx.MultiDiGraph, source: str, target: str, *, k: int = 5, max_length: int = 6, mixed_context: bool = False) -> list[SignedPath]:
    """The ``k`` best signed paths from ``source`` to ``target`` (names, synonyms, ids or
    identifiers), best first: each has ``nodes``, ``steps`` (with evidence and contexts) and the
    net ``sign``. Paths keep to one context unless ``mixed_context``."""
    start, end = resolve_node(graph, source), resolve_node(graph, target)
    return list(signed_paths(graph, start, end, k=k, max_length=max_length, mixed_context=mixed_context).paths)


def describe(graph: nx.MultiDiGraph, path: SignedPath) -> str:
    """A path as text: a headline with its net sign, then one line per step with its context and
    evidence (the quoted sentence, or what the cited source states)."""
    first, last = path.nodes[0], path.nodes[-1]
    lines = [
        f"{_label(graph, first)} {path.sign.word} {_label(graph, last)} (net: {path.sign.word}, {path.length} steps, "
        f"{'mixed contexts' if path.mixed else 'within one context'})"
    ]
    for step in explain_steps(path, graph):
        where = f" (in {step['context']})" if step["context"] else ""
        lines.append(f"- {step['sentence']}{where}")
        for item in step["evidence"]:
            said = item.get("quote") or item.get("note") or ""
            lines.append(f"    [{item.get('source', '')}] {said}".rstrip())
    return "\n".join(lines)


def effects(graph: nx.MultiDiGraph, agent: str, *, max_length: int = 6, mixed_context: bool = False) -> dict[str, list[Effect]]:
    """What ``agent`` changes: process kind (``outcome`` for outcomes) to effects, each with its
    net sign and the best path that supports it."""
    return _effects(graph, resolve_node(graph, agent), max_length=max_length, mixed_context=mixed_context)


def neighbours(graph: nx.MultiDiGraph, nodes: str | Iterable[str], *, depth: int = 1, direction: str = "both") -> nx.MultiDiGraph:
    """The subgraph within ``depth`` relations of ``nodes`` (names or ids), following relations
    ``"both"`` ways, ``"up"``stream or ``"down"``stream."""
    names = [nodes] if isinstance(nodes, str) else list(nodes)
    return neighbourhood(graph, [resolve_node(graph, name) for name in names], depth=depth, direction=direction)


def search(graph: nx.MultiDiGraph, text: str, *, limit: int = 10) -> list[Match]:
    """Nodes whose label, synonyms, id or identifiers match ``text``, best first."""
    return _search(graph, text, limit=limit)


def perturb(
    graph: nx.MultiDiGraph, agents: str | Iterable[str] = (), *, block: str | Iterable[str] = (), max_length: int = 6, mixed_context: bool = False
) -> Perturbation:
    """Give ``agents`` and block ``block`` (names or ids) and follow the signs along the relations:
    every reached node up, down or conflicting, with its supporting paths (docs/reasoning.md)."""
    from .query.perturb import perturb as _perturb

    given = [agents] if isinstance(agents, str) else list(agents)
    blocked = [block] if isinstance(block, str) else list(block)
    return _perturb(
        graph,
        [resolve_node(graph, name) for name in given],
        block=[resolve_node(graph, name) for name in blocked],
        max_length=max_length,
        mixed_context=mixed_context,
    )


def compare(graph: nx.MultiDiGraph, a: str, b: str, *, max_length: int = 6, mixed_context: bool = False) -> AgentComparison:
    """Two agents side by side: shared and unique targets, cells, processes and outcomes, and the
    effects they change in opposite directions."""
    from .query.compare import compare_agents

    return compare_agents(graph, resolve_node(graph, a), resolve_node(graph, b), max_length=max_length, mixed_context=mixed_context)


def serve(path: PathLike | None = None, *, host: str = "127.0.0.1", port: int = 8050, debug: bool = False) -> None:
    """Start the dashboard on a graph file (the bundled graph when ``path`` is None); blocks until
    stopped with Ctrl+C. For several workers, run it under gunicorn (docs/dashboard.md)."""
    from .dashboard.app import create_app

    create_app(Path(path) if path is not None else None).run(host=host, port=port, debug=debug)


def _label(graph: nx.MultiDiGraph, node: str) -> str:
    return str(graph.nodes[node].get("label") or node)
