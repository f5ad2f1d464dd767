"""SBGN-ML: glyph classes, arcs, ports, clones, complexes and logic operators."""

from __future__ import annotations

import networkx as nx

from mechgraph.formats import check_graph, read
from mechgraph.vocabulary import Attr


def sbgn(body: str, *, language: str = "process description", namespace: str = "http://sbgn.org/libsbgn/0.2") -> nx.MultiDiGraph:
    text = f'<sbgn xmlns="{namespace}"><map id="m1" language="{language}">{body}</map></sbgn>'
    result = read(text, name="map.sbgn")
    assert check_graph(result.graph) == []
    return result.graph


def glyph(cls: str, glyph_id: str, label: str = "", inner: str = "", **attributes: str) -> str:
    extra = "".join(f' {key}="{value}"' for key, value in attributes.items())
    text = f'<label text="{label}"/>' if label else ""
    return f'<glyph class="{cls}" id="{glyph_id}"{extra}>{text}<bbox x="0" y="0" w="10" h="10"/>{inner}</glyph>'


def arc(cls: str, source: str, target: str, inner: str = "") -> str:
    return f'<arc class="{cls}" id="{source}-{target}" source="{source}" target="{target}">{inner}</arc>'


def edges(graph: nx.MultiDiGraph) -> set[tuple[str, str, str, int]]:
    return {(u, v, d[Attr.RELATION], d[Attr.SIGN]) for u, v, d in graph.edges(data=True)}


def test_process_description_arcs_go_through_ports() -> None:
    graph = sbgn(
        glyph("compartment", "c1", "cytosol")
        + glyph("macromolecule", "g1", "IL2 gene product", compartmentRef="c1")
        + glyph("simple chemical", "g2", "ATP")
        + glyph("simple chemical", "g3", "ADP")
        + glyph("macromolecule", "g4", "kinase")
        + glyph("macromolecule", "g5", "phosphatase")
        + glyph("process", "p1", "IL2 phosphorylation", '<port id="p1.1" x="0" y="0"/><port id="p1.2" x="0" y="0"/>')
        + arc("consumption", "g2", "p1.1", '<glyph class="stoichiometry" id="s1"><label text="2"/></glyph>')
        + arc("production", "p1.2", "g3")
        + arc("catalysis", "g4", "p1")
        + arc("inhibition", "g5", "p1")
        + arc("necessary stimulation", "g1", "p1")
        + arc("modulation", "g3", "p1")
    )
    assert edges(graph) == {
        ("atp", "il2_phosphorylation", "consumed_by", 0),
        ("il2_phosphorylation", "adp", "produces", 0),
        ("kinase", "il2_phosphorylation", "activates", 1),
        ("phosphatase", "il2_phosphorylation", "inhibits", -1),
        ("il2_gene_product", "il2_phosphorylation", "required_for", 1),
        ("adp", "il2_phosphorylation", "regulates", 0),
    }
    assert graph.nodes["il2_gene_product"][Attr.EXTRA]["compartment"] == "cytosol"
    assert graph.nodes["il2_phosphorylation"][Attr.KIND] == "process"
    consumption = next(d for u, _, d in graph.edges(data=True) if u == "atp")
    assert consumption[Attr.EXTRA]["stoichiometry"] == "2"
    assert "cytosol" not in graph  # a compartment is not a node


def test_clones_of_one_entity_pool_become_one_node() -> None:
    graph = sbgn(
        glyph("simple chemical", "a1", "ATP", "<clone/>")
        + glyph("simple chemical", "a2", "ATP", "<clone/>")
        + glyph("simple chemical", "a3", "ATP", compartmentRef="c2")
        + glyph("compartment", "c2", "nucleus")
        + glyph("process", "p1", "one")
        + glyph("process", "p2", "two")
        + arc("consumption", "a1", "p1")
        + arc("consumption", "a2", "p2")
        + arc("consumption", "a3", "p2")
    )
    labels = [d[Attr.LABEL] for _, d in graph.nodes(data=True)]
    assert labels.count("ATP") == 2  # the cytosolic pool (drawn twice) and the nuclear one
    assert graph.has_edge("atp", "one") and graph.has_edge("atp", "two")


def test_states_tell_pools_apart() -> None:
    state = '<glyph class="state variable" id="{}"><state value="P" variable="S473"/></glyph>'
    graph = sbgn(glyph("macromolecule", "k1", "AKT1") + glyph("macromolecule", "k2", "AKT1", state.format("sv")))
    assert sorted(d.get(Attr.EXTRA, {}).get("state", []) == ["P@S473"] for _, d in graph.nodes(data=True)) == [False, True]


def test_components_of_a_complex_are_part_of_it() -> None:
    graph = sbgn(glyph("complex", "cx", "IL2:IL2R", glyph("macromolecule", "m1", "IL2") + glyph("macromolecule", "m2", "IL2R")))
    assert edges(graph) == {("il2", "il2_il2r", "part_of", 0), ("il2r", "il2_il2r", "part_of", 0)}
    assert graph.nodes["il2_il2r"][Attr.KIND] == "target"


def test_logic_operators_fold_into_their_arcs_and_not_turns_the_sign() -> None:
    graph = sbgn(
        glyph("macromolecule", "a", "A")
        + glyph("macromolecule", "b", "B")
        + glyph("macromolecule", "c", "C")
        + glyph("and", "and1")
        + glyph("not", "not1")
        + glyph("process", "p", "P")
        + arc("logic arc", "a", "and1")
        + arc("logic arc", "b", "and1")
        + arc("stimulation", "and1", "p")
        + arc("logic arc", "c", "not1")
        + arc("necessary stimulation", "not1", "p")
    )
    assert edges(graph) == {("a", "p", "increases", 1), ("b", "p", "increases", 1), ("c", "p", "decreases", -1)}
    logic = {u: d[Attr.EXTRA]["logic"] for u, _, d in graph.edges(data=True)}
    assert logic == {"a": "and", "b": "and", "c": "not"}
    assert not any(d[Attr.LABEL].startswith(("and", "not")) for _, d in graph.nodes(data=True))


def test_activity_flow_influences_and_phenotypes() -> None:
    graph = sbgn(
        glyph("biological activity", "a", "TNF activity")
        + glyph("biological activity", "b", "NF-kB activity")
        + glyph("perturbing agent", "d", "infliximab")
        + glyph("phenotype", "ph", "inflammation")
        + arc("positive influence", "a", "b")
        + arc("negative influence", "d", "a")
        + arc("unknown influence", "b", "ph"),
        language="activity flow",
    )
    assert edges(graph) == {
        ("tnf_activity", "nf-kb_activity", "increases", 1),
        ("infliximab", "tnf_activity", "decreases", -1),
        ("nf-kb_activity", "inflammation", "regulates", 0),
    }
    kinds = {n: d[Attr.KIND] for n, d in graph.nodes(data=True)}
    assert kinds == {"tnf_activity": "target", "nf-kb_activity": "target", "infliximab": "agent", "inflammation": "outcome"}


def test_source_sink_and_equivalence_are_counted_as_dropped() -> None:
    text = (
        '<sbgn xmlns="http://sbgn.org/libsbgn/0.3"><map id="m" language="process description">'
        + glyph("source and sink", "s")
        + glyph("macromolecule", "m", "TNF")
        + glyph("process", "p", "TNF degradation")
        + glyph("tag", "t", "x")
        + arc("consumption", "m", "p")
        + arc("production", "p", "s")
        + arc("equivalence arc", "m", "t")
        + "<notes><p>free text</p></notes></map></sbgn>"
    )
    result = read(text, name="m.sbgn")
    assert edges(result.graph) == {("tnf", "tnf_degradation", "consumed_by", 0)}
    assert result.graph.nodes["tnf_degradation"][Attr.PROCESS] == "degradation"
    assert result.dropped["glyph 'source and sink'"] == 1
    assert result.dropped["production arc to or from a source/sink or tag glyph"] == 1
    assert result.dropped["equivalence arc"] == 1
    assert result.dropped["<notes> of the map"] == 1


def test_unlabelled_process_gets_a_label_and_a_kind() -> None:
    graph = sbgn(glyph("omitted process", "p9") + glyph("macromolecule", "m", "X") + arc("catalysis", "m", "p9"))
    ((_, target, data),) = graph.edges(data=True)
    assert graph.nodes[target][Attr.LABEL] == "omitted process p9"
    assert graph.nodes[target][Attr.PROCESS] == "reaction"
    assert data[Attr.RELATION] == "activates"


def test_arc_to_an_unknown_glyph_is_counted() -> None:
    result = read(
        '<sbgn><map language="process description">' + glyph("macromolecule", "m", "X") + arc("catalysis", "m", "nowhere") + "</map></sbgn>",
        name="m.sbgn",
    )
    assert result.graph.number_of_edges() == 0
    assert result.dropped["arc whose end is not a glyph of the map"] == 1
