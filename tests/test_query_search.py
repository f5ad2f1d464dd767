"""search, the search index and resolve_node."""

from __future__ import annotations

import networkx as nx
import pytest

from mechgraph.errors import AmbiguousNode, NodeNotFound
from mechgraph.query import Match, SearchIndex, build_search_index, normalize_name, resolve_node, search

from .test_query_support import snapshot, toy_graph


@pytest.mark.parametrize(
    ("text", "node"),
    [
        ("il2", "il2"),
        ("IL-2", "il2"),
        ("interleukin 2", "il2"),
        ("Interleukin-2", "il2"),
        ("TNF-alpha", "tnf"),
        ("TNFa", "tnf"),
        ("tnf α", "tnf"),
        ("TNF", "tnf"),
        ("cyclosporin", "csa"),  # typo
        ("Cyclosporine", "csa"),
        ("csa", "csa"),  # synonym and id
        ("chebi:4031", "csa"),  # identifier
        ("FK 506", "tac"),
        ("imiqimod", "imq"),  # typo
        ("calcinuerin", "cn"),  # transposition
    ],
)
def test_spellings_find_their_node_first(text: str, node: str) -> None:
    assert search(toy_graph(), text)[0].node == node


def test_matches_carry_what_matched() -> None:
    g = toy_graph()
    assert search(g, "TNFa")[0] == Match("tnf", "TNF-alpha", 100.0, "label", "TNF-alpha")
    assert search(g, "ciclosporin")[0] == Match("csa", "Cyclosporine", 100.0, "synonym", "ciclosporin")
    assert search(g, "hgnc.symbol:IL2")[0].field == "identifier"


def test_ranking_is_best_first_one_match_per_node_and_limited() -> None:
    matches = search(toy_graph(), "IL-2", limit=3)
    assert [m.node for m in matches] == ["il2", "il2_sec", "il2_tx"]
    assert matches[0].score == 100.0 and matches[1].score < 100.0
    assert len({m.node for m in search(toy_graph(), "il2", limit=20)}) == len(search(toy_graph(), "il2", limit=20))


def test_process_kind_finds_process_nodes() -> None:
    assert search(toy_graph(), "surface expression")[0].node == "cd80"
    assert {m.node for m in search(toy_graph(), "secretion") if m.score >= 90} == {"il2_sec"}


def test_nothing_close_and_empty_queries_find_nothing() -> None:
    g = toy_graph()
    assert search(g, "zzqqxx") == []
    assert search(g, "") == [] and search(g, " - ") == []
    assert search(g, "il2", limit=0) == []
    assert len(search(g, "il2", min_score=0, limit=100)) == g.number_of_nodes()


def test_normalize_name() -> None:
    assert normalize_name("NF-κB") == normalize_name("NF-kappaB") == normalize_name("nfkb") == "nfkb"
    assert normalize_name("IFN-γ") == normalize_name("interferon gamma") == "ifng"
    assert normalize_name("Interferon alfa-2b") == "ifna2b"


def test_index_is_cached_per_graph_and_rebuilt_when_nodes_change() -> None:
    g = toy_graph()
    first = build_search_index(g)
    assert build_search_index(g) is first
    assert build_search_index(toy_graph()) is not first
    g.add_node("ifng", kind="target", label="IFN-gamma")
    assert build_search_index(g) is not first
    assert search(g, "interferon gamma")[0].node == "ifng"


def test_an_explicit_index_gives_the_same_answers() -> None:
    g = toy_graph()
    assert SearchIndex(g).search("tnfa") == search(g, "tnfa")
    assert len(SearchIndex(g)) > g.number_of_nodes()


def test_search_does_not_change_the_graph() -> None:
    g = toy_graph()
    before = snapshot(g)
    search(g, "il2")
    resolve_node(g, "IL-2")
    assert snapshot(g) == before


@pytest.mark.parametrize(
    ("name", "node"),
    [
        ("csa", "csa"),  # id
        ("CSA", "csa"),  # id or synonym, ignoring case
        ("Cyclosporine", "csa"),  # label
        ("ciclosporin", "csa"),  # synonym
        ("CHEBI:4031", "csa"),  # identifier
        ("4031", "csa"),  # local part of an identifier
        ("IL2", "il2"),  # id, ignoring case
        ("IL-2", "il2"),
        ("interleukin 2", "il2"),  # same search key
        ("TNFa", "tnf"),
        ("nf at", "nfat"),
    ],
)
def test_resolve_node(name: str, node: str) -> None:
    assert resolve_node(toy_graph(), name) == node


def test_resolve_prefers_label_over_synonym_with_the_same_name() -> None:
    g = toy_graph()
    g.add_node("aldesleukin", kind="agent", label="Aldesleukin", synonyms=["IL-2", "interleukin 2"])
    assert resolve_node(g, "IL-2") == "il2"
    assert resolve_node(g, "interleukin-2") == "il2"  # il2's synonym, written the same
    assert resolve_node(g, "Interleukin 2") == "aldesleukin"  # aldesleukin's synonym, exactly


def test_ambiguous_name_lists_the_candidates() -> None:
    g = toy_graph()
    g.add_node("csa_eye", kind="agent", label="Cyclosporine eye drops", synonyms=["CsA", "Ciclosporin"])
    assert resolve_node(g, "CsA") == "csa"  # an id, ignoring case, comes before synonyms
    with pytest.raises(AmbiguousNode) as caught:
        resolve_node(g, "ciclosporin")
    assert caught.value.candidates == (("csa", "Cyclosporine"), ("csa_eye", "Cyclosporine eye drops"))
    assert "name one by its id" in str(caught.value)


def test_unknown_name_lists_the_closest_nodes() -> None:
    with pytest.raises(NodeNotFound) as caught:
        resolve_node(toy_graph(), "cyclosporin")
    assert caught.value.closest[0] == ("csa", "Cyclosporine")
    assert str(caught.value).startswith("no node named 'cyclosporin'; closest: csa (Cyclosporine)")
    with pytest.raises(NodeNotFound, match="no node named 'zzqq' and no node is close to it"):
        resolve_node(toy_graph(), "zzqq")


def test_plain_networkx_graph_without_attributes() -> None:
    g = nx.MultiDiGraph([("a_node", "b_node")])
    assert search(g, "a node")[0].node == "a_node"
    assert resolve_node(g, "B-node") == "b_node"
