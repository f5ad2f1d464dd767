"""A small validated mechanism graph for the query tests, and hypothesis strategies for random ones."""

from __future__ import annotations

import copy
from typing import Any

import networkx as nx
from hypothesis import strategies as st

from mechgraph.graph import load_graph, read_graph
from mechgraph.resources import bundled_graph_path
from mechgraph.vocabulary import Mechanism, NodeKind, ProcessKind, Relation

_TOY: dict[str, Any] = {
    "mechgraph": 1,
    "title": "Toy mechanisms",
    "sources": [
        {"id": "P1", "url": "https://example.org/p1", "title": "Paper one"},
        {"id": "P2", "url": "https://example.org/p2"},
    ],
    "nodes": [
        {"id": "csa", "kind": "agent", "label": "Cyclosporine", "synonyms": ["CsA", "ciclosporin"],
         "identifiers": ["CHEBI:4031"], "agent_class": "immunosuppressant", "immune_state": "normal", "routes": ["oral"]},
        {"id": "tac", "kind": "agent", "label": "Tacrolimus", "synonyms": ["FK506"], "agent_class": "immunosuppressant",
         "routes": ["oral", "topical"]},
        {"id": "imq", "kind": "agent", "label": "Imiquimod", "agent_class": "immunostimulant", "immune_state": "both",
         "routes": ["topical"]},
        {"id": "mod", "kind": "agent", "label": "Modulator", "agent_class": "both"},
        {"id": "cn", "kind": "target", "label": "Calcineurin"},
        {"id": "nfat", "kind": "target", "label": "NFAT", "synonyms": ["NF-AT"]},
        {"id": "nfat_tl", "kind": "process", "process": "protein_transport", "label": "NFAT nuclear translocation"},
        {"id": "il2_tx", "kind": "process", "process": "gene_expression", "label": "IL-2 transcription"},
        {"id": "il2", "kind": "target", "label": "IL-2", "synonyms": ["interleukin-2"], "identifiers": ["hgnc.symbol:IL2"]},
        {"id": "il2_sec", "kind": "process", "process": "secretion", "label": "IL-2 secretion"},
        {"id": "tnf", "kind": "target", "label": "TNF-alpha", "synonyms": ["TNF"], "identifiers": ["hgnc.symbol:TNF"]},
        {"id": "cd80", "kind": "process", "process": "surface_expression", "label": "CD80 surface expression"},
        {"id": "skin", "kind": "non_immune", "label": "Keratinocyte"},
        {"id": "t_act", "kind": "outcome", "phase": "induction", "label": "T-cell activation"},
        {"id": "lonely", "kind": "target", "label": "Lonely target"},
    ],
    "relations": [
        {"from": "csa", "relation": "inhibits", "to": "cn", "mechanism": "direct", "measurable_in": ["in_vitro", "in_vivo"],
         "context": {"cell_type": "T cell", "species": "human"}, "evidence": [{"source": "P1", "note": "binds cyclophilin first"}, {"source": "P2"}]},
        {"from": "csa", "relation": "binds", "to": "cn", "evidence": [{"source": "P2"}]},
        {"from": "tac", "relation": "inhibits", "to": "cn", "mechanism": "direct", "measurable_in": ["in_vitro"],
         "context": {"cell_type": "T lymphocyte"}, "evidence": [{"source": "P1"}]},
        {"from": "cn", "relation": "required_for", "to": "nfat_tl", "mechanism": "direct", "evidence": [{"source": "P1"}]},
        {"from": "cn", "relation": "activates", "to": "nfat", "mechanism": "direct", "evidence": [{"source": "P1"}, {"source": "P2"}]},
        {"from": "nfat_tl", "relation": "required_for", "to": "il2_tx", "mechanism": "direct", "evidence": [{"source": "P1"}]},
        {"from": "nfat", "relation": "activates", "to": "il2_tx", "mechanism": "direct", "evidence": [{"source": "P2"}]},
        {"from": "il2_tx", "relation": "increases", "to": "il2", "evidence": [{"source": "P1"}]},
        {"from": "il2", "relation": "increases", "to": "t_act", "mechanism": "direct", "evidence": [{"source": "P1"}]},
        {"from": "il2_tx", "relation": "increases", "to": "il2_sec", "evidence": [{"source": "P2"}]},
        {"from": "imq", "relation": "acts_on", "to": "skin", "mechanism": "indirect", "measurable_in": ["in_vivo"],
         "evidence": [{"source": "P2"}]},
        {"from": "skin", "relation": "decreases", "to": "il2_sec", "mechanism": "indirect", "measurable_in": ["in_vivo"],
         "evidence": [{"source": "P2"}]},
        {"from": "imq", "relation": "increases", "to": "il2_sec", "mechanism": "direct", "context": {"species": "mouse"},
         "evidence": [{"source": "P1"}]},
        {"from": "imq", "relation": "increases", "to": "cd80", "mechanism": "direct", "context": {"species": "mouse"},
         "evidence": [{"source": "P1"}]},
        {"from": "imq", "relation": "inhibits", "to": "il2_tx", "mechanism": "direct", "evidence": [{"source": "P2"}]},
        {"from": "mod", "relation": "regulates", "to": "tnf", "evidence": [{"source": "P2"}]},
        {"from": "tnf", "relation": "increases", "to": "t_act", "evidence": [{"source": "P2"}]},
    ],
}  # fmt: skip


def toy_graph() -> nx.MultiDiGraph:
    """A fresh copy of the toy graph (validated by the real loader)."""
    return load_graph(copy.deepcopy(_TOY))


def bundled_graph() -> nx.MultiDiGraph | None:
    """The bundled graph, or None while it is not in the repository yet."""
    return read_graph() if bundled_graph_path().exists() else None


def snapshot(graph: nx.MultiDiGraph) -> tuple[Any, ...]:
    """Everything about a graph, deep-copied, for "was it changed?" checks."""
    return copy.deepcopy((dict(graph.graph), list(graph.nodes(data=True)), list(graph.edges(keys=True, data=True))))


_SIGNED = [Relation.ACTIVATES, Relation.INHIBITS, Relation.INCREASES, Relation.DECREASES, Relation.REQUIRED_FOR]


#: Context values of random relations: synonyms, lineages that overlap (PBMC holds T cells and
#: dendritic cells) and one that names every cell.
SPECIES = ["human", "mouse", "Murine", "Homo sapiens"]
CELL_TYPES = ["T cell", "CD4+ T cell", "dendritic cell", "PBMC", "hepatocyte", "any cell"]


@st.composite
def mechanism_graphs(draw: st.DrawFn, max_nodes: int = 9, max_edges: int = 22) -> nx.MultiDiGraph:
    """Random small graphs with the attributes of a loaded graph (parallel relations and cycles allowed)."""
    n = draw(st.integers(2, max_nodes))
    kinds = list(NodeKind)
    graph = nx.MultiDiGraph()
    for i in range(n):
        kind = draw(st.sampled_from(kinds))
        data: dict[str, Any] = {"kind": kind.value, "label": f"Node {i}", "synonyms": [], "identifiers": [], "routes": [], "uses": [], "evidence": []}
        if kind is NodeKind.PROCESS:
            data["process"] = draw(st.sampled_from(list(ProcessKind))).value
        if kind is NodeKind.AGENT:
            data["agent_class"] = draw(st.sampled_from(["immunostimulant", "immunosuppressant", "both"]))
            data["routes"] = draw(st.lists(st.sampled_from(["oral", "topical", "intravenous"]), max_size=2, unique=True))
        graph.add_node(f"n{i}", **data)
    relations = st.one_of(st.sampled_from(_SIGNED), st.sampled_from(list(Relation)))
    for j in range(draw(st.integers(0, max_edges))):
        u, v = draw(st.integers(0, n - 1)), draw(st.integers(0, n - 1))
        if u == v:
            continue
        relation = draw(relations)
        data = {
            "relation": relation.value,
            "measurable_in": draw(st.lists(st.sampled_from(["in_vitro", "in_vivo"]), max_size=2, unique=True)),
            "id": f"r{j}",
            "sign": int(relation.sign),
            "evidence": [{"source": draw(st.sampled_from(["A", "B", "C"]))} for _ in range(draw(st.integers(1, 3)))],
        }
        mechanism = draw(st.sampled_from([None, Mechanism.DIRECT.value, Mechanism.INDIRECT.value]))
        if mechanism:
            data["mechanism"] = mechanism
        context = draw(
            st.fixed_dictionaries(
                {},
                optional={
                    "species": st.sampled_from(SPECIES),
                    "cell_type": st.sampled_from(CELL_TYPES),
                    "agent": st.sampled_from([f"n{i}" for i in range(n)]),  # shown only under that node
                },
            )
        )
        if context:
            data["context"] = context
        graph.add_edge(f"n{u}", f"n{v}", key=f"r{j}", **data)
    return graph


def test_toy_graph_is_valid_and_fresh() -> None:
    first, second = toy_graph(), toy_graph()
    assert first.number_of_nodes() == 15 and first.number_of_edges() == 17
    assert first is not second and first.nodes["csa"] is not second.nodes["csa"]
