"""mechgraph.audit: each rule on a small graph that triggers it and one that does not; the CLI."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
import yaml
from click.testing import CliRunner

from mechgraph.audit import (
    CHAIN_MIN_RELATIONS,
    HEAVY_SOURCE_RELATIONS,
    MANY_AGENTS,
    Rule,
    audit,
    parse_reference,
)
from mechgraph.cli import cli
from mechgraph.graph import load_graph, read_graph

SHEET = """\
| Agent | Class | DrugBank | ChEBI |
|---|---|---|---|
| Cyclosporine | suppressant | DB00091 | CHEBI:4031 |
| Thalidomide | both | DB01041 | CHEBI:74947 or 9513 (d) |
| Everolimus | as rapamycin | DB01590 | CHEBI:68478 (g) |
| Dexamethasone / glucocorticoids | anti-inflammatory | DB01234 | CHEBI:41879 |

Footnotes: (d) UniChem maps DB01041 to 9513, 74947: unresolved. (g) single UniChem mapping, not corroborated.

Cell Ontology [D7]: T cell CL:0000084; B cell
CL:0000236.
"""


def document(
    nodes: list[dict[str, Any]],
    relations: list[dict[str, Any]],
    sources: list[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """A valid document whose sources are titled URLs unless given."""
    if sources is None:
        sources = [{"id": name, "url": f"https://example.org/{name}", "title": f"Paper {name}"} for name in "STUV"]
    return {"mechgraph": 1, "title": "Audit test", "sources": sources, "nodes": nodes, "relations": relations}


def agent(node_id: str, **extra: Any) -> dict[str, Any]:
    return {"id": node_id, "kind": "agent", "label": node_id.title(), "routes": ["oral"], **extra}


def target(node_id: str, **extra: Any) -> dict[str, Any]:
    return {"id": node_id, "kind": "target", "label": node_id.upper(), **extra}


def relation(source: str, to: str, *cited: str, relation: str = "inhibits", **extra: Any) -> dict[str, Any]:
    evidence = [{"source": name, "note": f"{source} {relation} {to}"} for name in cited or ("S", "T")]
    return {"from": source, "relation": relation, "to": to, "evidence": evidence, **extra}


def findings(graph: nx.MultiDiGraph, rule: Rule, reference: Any = None) -> list[Any]:
    return [finding for finding in audit(graph, reference).findings if finding.rule is rule]


# --- evidence rules -----------------------------------------------------------------------------


def test_heavy_source_is_reported_when_enough_relations_rest_on_it_alone() -> None:
    targets = [target(f"t{i}") for i in range(HEAVY_SOURCE_RELATIONS)]
    heavy = load_graph(document([agent("a"), *targets], [relation("a", t["id"], "S") for t in targets]))
    [finding] = findings(heavy, Rule.HEAVY_SOURCE)
    assert finding.sources == ("S",) and len(finding.relations) == HEAVY_SOURCE_RELATIONS
    assert finding.message.startswith(f"{HEAVY_SOURCE_RELATIONS} relations rest on S alone (Paper S)")

    supported = load_graph(document([agent("a"), *targets], [relation("a", t["id"], "S", "T") for t in targets]))
    assert findings(supported, Rule.HEAVY_SOURCE) == []
    fewer = load_graph(document([agent("a"), *targets[1:]], [relation("a", t["id"], "S") for t in targets[1:]]))
    assert findings(fewer, Rule.HEAVY_SOURCE) == []


def test_chain_on_one_source_follows_the_agents_chain() -> None:
    nodes = [agent("a"), target("b"), target("c"), target("d")]
    chain = [relation("a", "b", "S"), relation("b", "c", "S"), relation("c", "d", "S")]
    [finding] = findings(load_graph(document(nodes, chain)), Rule.CHAIN_ON_ONE_SOURCE)
    assert finding.nodes == ("a",) and finding.sources == ("S",) and len(finding.relations) == CHAIN_MIN_RELATIONS

    # a second source for the agent's own step does not support the steps after it
    second = [relation("a", "b", "S", "T"), *chain[1:], relation("d", "e", "S")]
    [finding] = findings(load_graph(document([*nodes, target("e")], second)), Rule.CHAIN_ON_ONE_SOURCE)
    assert finding.sources == ("S",) and len(finding.relations) == 3

    broken = [relation("a", "b", "S"), relation("b", "c", "T"), relation("c", "d", "S")]
    assert findings(load_graph(document(nodes, broken)), Rule.CHAIN_ON_ONE_SOURCE) == []
    # a list of the agent's own targets from one table is not a chain
    targets = [relation("a", "b", "S"), relation("a", "c", "S"), relation("a", "d", "S")]
    assert findings(load_graph(document(nodes, targets)), Rule.CHAIN_ON_ONE_SOURCE) == []


def test_source_cited_for_many_agents() -> None:
    agents = [agent(f"a{i}") for i in range(MANY_AGENTS)]
    graph = load_graph(document([*agents, target("t")], [relation(a["id"], "t", "S", "T") for a in agents]))
    reported = findings(graph, Rule.SOURCE_FOR_MANY_AGENTS)
    assert [f.sources for f in reported] == [("S",), ("T",)]
    assert reported[0].nodes == tuple(sorted(a["id"] for a in agents))

    fewer = load_graph(document([*agents[1:], target("t")], [relation(a["id"], "t", "S", "T") for a in agents[1:]]))
    assert findings(fewer, Rule.SOURCE_FOR_MANY_AGENTS) == []


def test_url_only_relation_without_a_note() -> None:
    bare = relation("a", "b", "S")
    bare["evidence"] = [{"source": "S"}]
    [finding] = findings(load_graph(document([agent("a"), target("b")], [bare])), Rule.URL_ONLY_WITHOUT_NOTE)
    assert finding.nodes == ("a", "b") and finding.sources == ("S",) and len(finding.relations) == 1
    assert finding.message == "A inhibits B cites S without a quote or a note"

    noted = load_graph(document([agent("a"), target("b")], [relation("a", "b", "S")]))
    assert findings(noted, Rule.URL_ONLY_WITHOUT_NOTE) == []


def test_single_source_relations_but_not_quotes_of_a_shipped_text(tmp_path: Path) -> None:
    nodes = [agent("a"), target("b")]
    [finding] = findings(load_graph(document(nodes, [relation("a", "b", "S")])), Rule.SINGLE_SOURCE)
    assert finding.sources == ("S",) and finding.message == "A inhibits B rests on one source (S)"
    assert findings(load_graph(document(nodes, [relation("a", "b", "S", "T")])), Rule.SINGLE_SOURCE) == []

    (tmp_path / "article.txt").write_text("A inhibits B in every cell.", encoding="utf-8")
    quoted = relation("a", "b")
    quoted["evidence"] = [{"source": "article", "quote": "A inhibits B in every cell."}]
    sources = [{"id": "article", "text": "article.txt", "title": "The article"}]
    graph = load_graph(document(nodes, [quoted], sources), base_dir=tmp_path)
    assert findings(graph, Rule.SINGLE_SOURCE) == [] and findings(graph, Rule.HEAVY_SOURCE) == []


# --- node rules ---------------------------------------------------------------------------------


def test_merged_entities_several_genes_or_drugs_in_one_node() -> None:
    nodes = [
        agent("a", identifiers=["DRUGBANK:DB00105", "DRUGBANK:DB00034"]),
        target("stat", label="STAT1/2/5"),
        target("ikz", identifiers=["hgnc.symbol:IKZF1", "hgnc.symbol:IKZF3"]),
    ]
    graph = load_graph(document(nodes, [relation("a", "stat"), relation("a", "ikz")]))
    reported = {f.nodes[0]: f.message for f in findings(graph, Rule.MERGED_ENTITY)}
    assert set(reported) == {"a", "stat", "ikz"}
    assert "a label listing several genes (STAT1/2/5)" in reported["stat"]
    assert "2 gene identifiers (hgnc.symbol:IKZF1, hgnc.symbol:IKZF3)" in reported["ikz"]

    single = [
        agent("a", identifiers=["DRUGBANK:DB00091", "CHEBI:4031"]),
        target("isgf3", label="ISGF3 (STAT1-STAT2-IRF9)"),
        target("il2", identifiers=["hgnc.symbol:IL2"]),
        {"id": "deg", "kind": "process", "process": "degradation", "label": "IKZF1/IKZF3 degradation"},
    ]
    relations = [relation("a", "isgf3"), relation("a", "il2"), relation("a", "deg")]
    assert findings(load_graph(document(single, relations)), Rule.MERGED_ENTITY) == []


def test_agent_without_route() -> None:
    graph = load_graph(document([agent("a", routes=[]), agent("b"), target("t")], [relation("a", "t"), relation("b", "t")]))
    [finding] = findings(graph, Rule.AGENT_WITHOUT_ROUTE)
    assert finding.nodes == ("a",)


def test_source_without_title() -> None:
    sources = [{"id": "S", "url": "https://example.org/S"}, {"id": "T", "url": "https://example.org/T", "title": "T"}]
    graph = load_graph(document([agent("a"), target("t")], [relation("a", "t")], sources))
    [finding] = findings(graph, Rule.SOURCE_WITHOUT_TITLE)
    assert finding.sources == ("S",) and "https://example.org/S" in finding.message


def test_missing_identifier_where_the_reference_gives_one() -> None:
    reference = parse_reference([SHEET])
    nodes = [
        agent("cyclosporine", identifiers=["DRUGBANK:DB00091"]),
        agent("thalidomide", identifiers=["DRUGBANK:DB01041"]),
        agent("everolimus", identifiers=["DRUGBANK:DB01590"]),
        # the ids of "Dexamethasone / glucocorticoids" are dexamethasone's, not every glucocorticoid's
        agent("prednisone", identifiers=["DRUGBANK:DB00635"], synonyms=["glucocorticoid"]),
        {"id": "t_cell", "kind": "immune_cell", "label": "T cells"},
        {"id": "b_cell", "kind": "immune_cell", "label": "B cell", "identifiers": ["CL:0000236"]},
    ]
    relations = [relation(a, "t_cell") for a in ("cyclosporine", "thalidomide", "everolimus", "prednisone")]
    relations.append(relation("cyclosporine", "b_cell"))
    reported = findings(load_graph(document(nodes, relations)), Rule.MISSING_IDENTIFIER, reference)
    # ChEBI ids the sheet doubts ("X or Y", footnotes "unresolved", "not corroborated") are not asked for
    assert [(f.nodes, f.message.split(";")[1].strip()) for f in reported] == [
        (("cyclosporine",), "the reference gives CHEBI:4031"),
        (("t_cell",), "the reference gives CL:0000084"),
    ]
    report = audit(load_graph(document(nodes, relations)))
    assert Rule.MISSING_IDENTIFIER in report.skipped and Rule.MISSING_IDENTIFIER.value not in report.counts()


def test_missing_gene_symbol_of_a_target_the_reference_lists() -> None:
    reference = parse_reference(["| Agent | Direct target(s) | DrugBank |\n|---|---|---|\n| Sirolimus | MTOR, FKBP1A | DB00877 |\n"])
    nodes = [
        agent("sirolimus", identifiers=["DRUGBANK:DB00877"]),
        target("mtor", label="mTOR"),
        target("fkbp", label="FKBP12 (FKBP1A)", identifiers=["hgnc.symbol:FKBP1A"]),
    ]
    graph = load_graph(document(nodes, [relation("sirolimus", "mtor"), relation("sirolimus", "fkbp")]))
    [finding] = findings(graph, Rule.MISSING_IDENTIFIER, reference)
    assert finding.nodes == ("mtor",) and finding.message.endswith("hgnc.symbol:MTOR")


# --- context ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("before", "after", "conflict"),
    [
        ({"species": "mouse"}, {"species": "human"}, True),
        ({"species": "murine"}, {"species": "mouse"}, False),
        ({"species": "mouse"}, {}, False),
        ({"cell_type": "T cell"}, {"cell_type": "dendritic cell"}, True),
        ({"cell_type": "T cell"}, {"cell_type": "CD4+ T cells"}, False),
        ({"cell_type": "monocytes/macrophages"}, {"cell_type": "macrophage"}, False),
        ({"cell_type": "any cell"}, {"cell_type": "hepatocyte"}, False),
    ],
)
def test_context_conflict_between_relations_chained_at_a_node(before: dict[str, str], after: dict[str, str], conflict: bool) -> None:
    into = relation("a", "n", context=before) if before else relation("a", "n")
    out = relation("n", "b", context=after) if after else relation("n", "b")
    graph = load_graph(document([agent("a"), target("n"), target("b")], [into, out]))
    reported = findings(graph, Rule.CONTEXT_CONFLICT)
    assert bool(reported) is conflict
    if conflict:
        assert reported[0].nodes == ("n",) and len(reported[0].relations) == 2


def test_relations_meeting_head_to_head_are_not_a_chain() -> None:
    relations = [relation("a", "n", context={"species": "mouse"}), relation("b", "n", context={"species": "human"})]
    graph = load_graph(document([agent("a"), agent("b"), target("n")], relations))
    assert findings(graph, Rule.CONTEXT_CONFLICT) == []


# --- the report ---------------------------------------------------------------------------------


def clean_document() -> dict[str, Any]:
    return document([agent("a"), target("b")], [relation("a", "b", "S", "T")])


def test_a_clean_graph_has_no_findings_and_audit_does_not_change_the_graph() -> None:
    graph = load_graph(clean_document())
    before = (copy.deepcopy(dict(graph.nodes(data=True))), copy.deepcopy(list(graph.edges(keys=True, data=True))))
    report = audit(graph, parse_reference([SHEET]))
    assert report.clean and report.findings == ()
    assert set(report.counts()) == {rule.value for rule in Rule} and not any(report.counts().values())
    assert (dict(graph.nodes(data=True)), list(graph.edges(keys=True, data=True))) == before


def test_report_as_json_names_rule_ids_and_message() -> None:
    graph = load_graph(document([agent("a", routes=[]), target("b")], [relation("a", "b", "S", "T")]))
    payload = audit(graph).to_dict()
    assert payload["clean"] is False and payload["counts"]["agent-without-route"] == 1
    assert payload["findings"] == [{"rule": "agent-without-route", "message": "agent A has no route", "nodes": ["a"], "relations": [], "sources": []}]
    assert payload["thresholds"]["heavy_source_relations"] == HEAVY_SOURCE_RELATIONS
    json.dumps(payload)


def test_bundled_graph_findings_name_existing_ids() -> None:
    graph = read_graph()
    report = audit(graph)
    relation_ids = {key for _, _, key in graph.edges(keys=True)}
    for finding in report.findings:
        assert set(finding.nodes) <= set(graph.nodes)
        assert set(finding.relations) <= relation_ids
        assert set(finding.sources) <= set(graph.graph["sources"])
        assert finding.message and "\n" not in finding.message


# --- the command --------------------------------------------------------------------------------


def write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "graph.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def test_cli_audit_exits_0_on_a_clean_graph(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["audit", str(write(tmp_path, clean_document()))])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0].endswith("graph.yaml: clean")
    assert "single-source (0): relations resting on one source" in result.output
    assert "missing-identifier: skipped" in result.output


def test_cli_audit_exits_1_with_findings_grouped_by_rule(tmp_path: Path) -> None:
    path = write(tmp_path, document([agent("a", routes=[]), target("b")], [relation("a", "b", "S")]))
    result = CliRunner().invoke(cli, ["audit", str(path)])
    assert result.exit_code == 1
    assert "2 findings" in result.output.splitlines()[0]
    assert "agent-without-route (1): agents without routes\n  agent A has no route [a]" in result.output
    assert "single-source (1)" in result.output


def test_cli_audit_json_with_a_reference(tmp_path: Path) -> None:
    sheet = tmp_path / "sheet.md"
    sheet.write_text(SHEET, encoding="utf-8")
    data = document([agent("cyclosporine"), target("b")], [relation("cyclosporine", "b", "S", "T")])
    result = CliRunner().invoke(cli, ["audit", "--json", "--reference", str(sheet), str(write(tmp_path, data))])
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert payload["counts"]["missing-identifier"] == 2 and payload["skipped"] == []
    missing = [f for f in payload["findings"] if f["rule"] == "missing-identifier"]
    assert [f["message"].split("; ")[1] for f in missing] == [
        "the reference gives CHEBI:4031",
        "the reference gives DRUGBANK:DB00091",
    ]
    assert all(f["nodes"] == ["cyclosporine"] for f in missing)


def test_cli_audit_of_the_bundled_graph_reports_findings() -> None:
    result = CliRunner().invoke(cli, ["audit", "--json"])
    assert result.exit_code == (0 if json.loads(result.output)["clean"] else 1)


def test_cli_audit_unreadable_file_or_missing_reference_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["audit", str(tmp_path / "missing.yaml")])
    assert result.exit_code == 2 and "missing.yaml: no such file" in result.output
    result = CliRunner().invoke(cli, ["audit", "--reference", str(tmp_path / "missing.md")])
    assert result.exit_code == 2


def test_reference_sheets_are_read_with_their_doubts() -> None:
    from mechgraph.audit import read_reference

    from .conftest import SHARED

    reference = read_reference(sorted((SHARED / "reference").glob("immunomodulators*.md")))
    given = {name: entry.identifiers for entry in reference.entries for name in entry.names}
    assert given["Cyclosporine"] == ("DRUGBANK:DB00091", "CHEBI:4031")
    assert given["Thalidomide"] == ("DRUGBANK:DB01041",)  # its ChEBI cell reads "74947 or 9513": unresolved
    assert given["regulation of gene expression"] == ("GO:0010468",)  # a name wrapped over two lines
    assert given["Treg"] == given["regulatory T cell"] == ("CL:0000815",)
    assert {"MTOR", "IL2RA", "CSF2RB"} <= reference.symbols
    assert "CHEBI:68602" in reference.do_not_use and "CHEBI:71200" not in reference.do_not_use
