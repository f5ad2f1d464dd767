"""The top-level Python API (mechgraph.api) and the notebook in docs/ that shows it."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

import mechgraph as mg
from mechgraph.errors import QueryError
from mechgraph.vocabulary import Sign

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def graph():
    return mg.read()


def test_paths_resolve_names_and_print_the_signed_chain(graph) -> None:
    found = mg.paths(graph, "cyclosporine", "IL-2")
    assert found and found[0].sign is Sign.DECREASES
    assert str(found[0]).startswith("cyclosporine -| calcineurin")
    assert str(found[0]).endswith("(net: decreases)")
    text = mg.describe(graph, found[0])
    assert text.splitlines()[0] == "Cyclosporine decreases IL-2 (net: decreases, 4 steps, within one context)"
    assert "[C2]" in text  # each step lists its evidence


def test_effects_neighbours_and_search_take_what_people_type(graph) -> None:
    effects = mg.effects(graph, "Imiquimod")
    assert any(e.node == "ifn_alpha_secretion" and e.sign is Sign.INCREASES for group in effects.values() for e in group)
    view = mg.neighbours(graph, "calcineurin")
    assert "cyclosporine" in view and "tacrolimus" in view and "nfat" in view
    assert mg.search(graph, "FK506", limit=1)[0].node == "tacrolimus"
    with pytest.raises(QueryError):
        mg.paths(graph, "no such drug at all", "IL-2")


def test_write_validate_and_read_any_format(tmp_path: Path, graph) -> None:
    view = mg.neighbours(graph, "calcineurin")
    written = mg.write(view, tmp_path / "view.graphml")
    assert mg.validate(written) == []
    assert mg.read(written).number_of_edges() == view.number_of_edges()
    broken = tmp_path / "broken.yaml"
    broken.write_text("mechgraph: 1\nnodes: [{id: a, kind: enzyme, label: A}]\n")
    problems = mg.validate(broken)
    assert problems and all("broken.yaml" in problem for problem in problems)
    assert any("enzyme" in problem for problem in problems)


def test_the_notebook_in_docs_runs_top_to_bottom() -> None:
    notebook = json.loads((ROOT / "docs" / "notebook.ipynb").read_text())
    namespace: dict[str, object] = {}
    cells = ["".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "code"]
    assert len(cells) >= 5
    for source in cells:
        tree = ast.parse(source)
        *body, last = tree.body
        exec(compile(ast.Module(body=body, type_ignores=[]), "<notebook>", "exec"), namespace)
        if isinstance(last, ast.Expr):  # a notebook shows the value of its last expression
            eval(compile(ast.Expression(last.value), "<notebook>", "eval"), namespace)
        else:
            exec(compile(ast.Module(body=[last], type_ignores=[]), "<notebook>", "exec"), namespace)
    assert namespace["page"].name == "calcineurin.html"  # type: ignore[attr-defined]


def test_export_is_callable_before_and_after_its_package_is_imported(tmp_path: Path, graph) -> None:
    view = mg.neighbours(graph, "calcineurin")
    first = mg.export(view, tmp_path / "a.html").path
    import mechgraph.export  # binds mechgraph.export to the package, as any import of it does

    second = mg.export(view, tmp_path / "b.svg").path
    assert first.read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert "<svg" in second.read_text(encoding="utf-8")[:500]
    assert mechgraph.export.export is not None and callable(mg.export)


def test_perturb_and_compare_take_names(graph) -> None:
    result = mg.perturb(graph, "Cyclosporine")
    assert result.effect("il2").status.value == "down"
    both = mg.compare(graph, "FK506", "rapamycin")
    assert both.to_dict()
