"""The audit command: what an immunologist would question in a valid graph."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..audit import AuditReport, audit, read_reference
from ..errors import ReadError
from ._base import EXIT_INVALID, cli, emit_json, expected_errors, graph_file_option, json_option, load_graph_file


@cli.command("audit")
@graph_file_option
@click.option(
    "--reference",
    "references",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A reference sheet (markdown) whose identifiers the graph should carry; repeat for several. Without one, the missing-identifier rule is skipped.",
)
@json_option
@expected_errors
def audit_command(graph_file: Path | None, references: tuple[Path, ...], as_json: bool) -> None:
    """Audit FILE (default: the bundled graph): thin evidence, merged entities, contexts chained
    across species or cell types, missing identifiers, agents without routes, untitled sources.

    Exit 0 when there is nothing to report, 1 when there are findings, 2 when a file cannot be read.
    """
    graph = load_graph_file(graph_file)
    try:
        reference = read_reference(references) if references else None
    except (OSError, UnicodeDecodeError) as error:
        raise ReadError(f"cannot read the reference sheet: {error}") from error
    report = audit(graph, reference)
    if as_json:
        emit_json({"file": graph.graph.get("file"), **report.to_dict()})
    else:
        _print_report(str(graph.graph.get("file")), report)
    if not report.clean:
        sys.exit(EXIT_INVALID)


def _print_report(file: str, report: AuditReport) -> None:
    total = len(report.findings)
    click.echo(f"{file}: {'clean' if report.clean else f'{total} finding' + ('s' if total != 1 else '')}")
    for rule, findings in report.by_rule().items():
        click.echo(f"\n{rule.value} ({len(findings)}): {rule.description}")
        for finding in findings:
            ids = [*finding.nodes, *finding.relations, *finding.sources]
            shown = ", ".join(ids[:6]) + (f", ... ({len(ids)} ids)" if len(ids) > 6 else "")
            click.echo(f"  {finding.message} [{shown}]")
    for rule in report.skipped:
        click.echo(f"\n{rule.value}: skipped (give --reference to check identifiers)")
