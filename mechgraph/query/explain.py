"""A signed path read aloud: one sentence per relation, then the net effect.

The text is plain (labels are not escaped): a view that shows it in HTML escapes it there.
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from ..vocabulary import Sign
from ._common import label_of
from .paths import SignedPath

__all__ = ["explain", "explain_steps"]

_NET_VERBS = {Sign.INCREASES: "increases", Sign.DECREASES: "decreases"}


def explain_steps(path: SignedPath, graph: nx.MultiDiGraph) -> list[dict[str, Any]]:
    """Each step of ``path`` as a sentence, with its relation, sign, mechanism and evidence.

    Parameters
    ----------
    path : SignedPath
        A path from :func:`~mechgraph.query.signed_paths` or :func:`~mechgraph.query.effects`.
    graph : networkx.MultiDiGraph
        The graph the path was found in (for labels).

    Returns
    -------
    list of dict
        Keys: ``from``, ``from_label``, ``to``, ``to_label``, ``id`` (the step's best relation),
        ``ids`` (every parallel relation of the step), ``relation``, ``relations``, ``sign``,
        ``mechanism``, ``context`` (where the step holds, "" when no relation says), ``sentence`` and
        ``evidence`` (joined over the step's relations, each with
        ``source`` and, where known, ``quote``, ``note``, ``url``, ``title``).

    Examples
    --------
    >>> from mechgraph.query.paths import Step
    >>> from mechgraph.vocabulary import Relation
    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("csa", {"label": "Cyclosporine"}), ("cn", {"label": "Calcineurin"})])
    >>> quote = {"source": "s", "quote": "Cyclosporine inhibits calcineurin."}
    >>> step = Step("csa", "cn", "r1", Relation.INHIBITS, Sign.DECREASES, "direct", (quote,))
    >>> [(s["sentence"], s["evidence"][0]["quote"]) for s in explain_steps(SignedPath((step,)), g)]
    [('Cyclosporine inhibits Calcineurin', 'Cyclosporine inhibits calcineurin.')]
    """
    result = []
    for step in path.steps:
        source, target = label_of(graph, step.u), label_of(graph, step.v)
        result.append(
            {
                "from": step.u,
                "from_label": source,
                "to": step.v,
                "to_label": target,
                "id": step.key,
                "ids": list(step.ids),
                "relation": step.relation.value,
                "relations": list(dict.fromkeys(relation.value for relation in step.relations or (step.relation,))),
                "sign": step.sign.word,
                "mechanism": step.mechanism,
                "context": step.context_text,
                "sentence": f"{source} {step.phrase} {target}",
                "evidence": [dict(item) for item in step.evidence],
            }
        )
    return result


def explain(path: SignedPath, graph: nx.MultiDiGraph) -> str:
    """``path`` as a sentence chain ending in its net effect.

    Examples
    --------
    >>> from mechgraph.query.paths import Step
    >>> from mechgraph.vocabulary import Relation
    >>> g = nx.MultiDiGraph()
    >>> g.add_nodes_from([("csa", {"label": "Cyclosporine"}), ("cn", {"label": "Calcineurin"}),
    ...                   ("nfat", {"label": "NFAT nuclear translocation"}), ("il2", {"label": "IL-2"})])
    >>> path = SignedPath((
    ...     Step("csa", "cn", "r1", Relation.INHIBITS, Sign.DECREASES, "direct", ()),
    ...     Step("cn", "nfat", "r2", Relation.REQUIRED_FOR, Sign.INCREASES, "direct", ()),
    ...     Step("nfat", "il2", "r3", Relation.REQUIRED_FOR, Sign.INCREASES, "direct", ())))
    >>> print(explain(path, g))
    Cyclosporine inhibits Calcineurin; Calcineurin is required for NFAT nuclear translocation; NFAT nuclear translocation is required for IL-2; so Cyclosporine decreases IL-2 (net: decreases)
    >>> print(explain(SignedPath(path.steps[:1]), g))
    Cyclosporine inhibits Calcineurin (net: decreases)
    """
    sentences = [step["sentence"] for step in explain_steps(path, graph)]
    if not sentences:
        return ""
    net = path.sign
    if len(sentences) == 1:
        return f"{sentences[0]} (net: {net.word})"
    source, target = label_of(graph, path.source), label_of(graph, path.target)
    if net in _NET_VERBS:
        conclusion = f"so {source} {_NET_VERBS[net]} {target}"
    else:
        conclusion = f"so the effect of {source} on {target} is of unknown sign"
    return "; ".join([*sentences, conclusion]) + f" (net: {net.word})"
