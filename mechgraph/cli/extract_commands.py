"""``mechgraph extract``: draft a graph from a text, every relation tied to its sentence."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import click

from ..errors import DataError, ReadError
from ..extract import Draft, build_lexicon, extract_file, read_user_lexicon, source_id_for
from ..extract.lexicon import default_lexicon
from ..graph import validate_file
from ._base import EXIT_INVALID, EXIT_USAGE, cli, emit_json, expected_errors, json_option, load_graph_file

_SOURCE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


@cli.command()
@click.argument("textfile", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the draft to this YAML file, and a copy of the text to <stem>.sources/ beside it.",
)
@click.option(
    "--lexicon",
    "lexicons",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="A user lexicon file of extra names and cue verbs (repeatable; format in docs/extract.md).",
)
@click.option(
    "--graph",
    "graph_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The curated graph whose names are recognised (default: the bundled graph).",
)
@click.option("--source-id", help="The id of the text in the draft (default: from the file name).")
@click.option("--force", is_flag=True, help="Replace the draft (and its text copy) if they exist.")
@click.option("--title", help="The draft's title.")
@json_option
@expected_errors
def extract(
    textfile: Path,
    output: Path | None,
    lexicons: tuple[Path, ...],
    graph_file: Path | None,
    source_id: str | None,
    title: str | None,
    force: bool,
    as_json: bool,
) -> None:
    """Draft a mechanism graph from TEXTFILE: candidate relations, each with its sentence.

    Every relation has status "candidate", a confidence and the sentence it was read from,
    quoted verbatim with its character offsets. With -o the draft is written in the native
    format (it passes `mechgraph validate`); without -o the relations are listed.

    Exit 0 when relations were found, 1 when none were (or a lexicon is invalid, or the draft
    exists and --force is not given), 2 when a file cannot be read or written.
    """
    if source_id is not None and not _SOURCE_ID.match(source_id):
        click.echo(f"mechgraph: --source-id {source_id!r}: use letters, digits, '_', '.' or '-' (e.g. article-1)", err=True)
        sys.exit(EXIT_USAGE)
    if output is not None and not output.parent.is_dir():
        click.echo(f"mechgraph: {output.parent}: no such folder", err=True)
        sys.exit(EXIT_USAGE)
    user = [read_user_lexicon(path) for path in lexicons]
    if graph_file is not None or user:
        graph = load_graph_file(graph_file) if graph_file is not None else None
        lexicon = build_lexicon(graph if graph is not None else _bundled_graph(), user=user)
    else:
        lexicon = default_lexicon()
    draft = extract_file(textfile, source_id=source_id or source_id_for(textfile), lexicon=lexicon, title=title)
    if not draft.relations:
        if as_json:
            emit_json(_summary(draft, textfile, None))
        click.echo(f"mechgraph: no relation found in {textfile}", err=True)
        sys.exit(EXIT_INVALID)
    text_copy = None
    if output is not None:
        try:
            text_copy = draft.write(output, force=force)
        except OSError as error:
            raise ReadError(f"{output}: cannot be written ({error.strerror or error})") from None
        report = validate_file(output)
        if not report.ok:  # a bug in the extractor, not in the input: say so plainly
            raise DataError(report.problems, summary=f"the draft written to {output} does not validate")
    if as_json:
        emit_json(_summary(draft, textfile, output))
        return
    _print(draft, textfile, output, text_copy)


def _bundled_graph() -> Any:
    return load_graph_file(None)


def _line_of(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _summary(draft: Draft, textfile: Path, output: Path | None) -> dict[str, Any]:
    roles: dict[str, int] = {}
    for sentence in draft.sentences:
        roles[sentence.role] = roles.get(sentence.role, 0) + 1
    return {
        "file": str(textfile),
        "output": str(output) if output else None,
        "source_id": draft.source_id,
        "sentences": roles,
        "nodes": [
            {
                "id": node.id,
                "kind": node.kind.value,
                "label": node.label,
                "status": node.status.value if node.status else None,
                "routes": [route.value for route in node.routes],
            }
            for node in draft.nodes
        ],
        "relations": [
            {
                "id": r.id,
                "from": r.source,
                "relation": r.relation.value,
                "to": r.target,
                "sign": int(r.sign),
                "confidence": r.confidence,
                "status": r.status.value,
                "hedged": r.hedged,
                "negated": r.negated,
                "mechanism": r.mechanism.value if r.mechanism else None,
                "measurable_in": [m.value for m in r.measurable_in],
                "evidence": [{"quote": span.quote, "start": span.start, "end": span.end, "line": _line_of(draft.text, span.start)} for span in r.evidence],
                "note": r.note,
            }
            for r in draft.relations
        ],
    }


def _print(draft: Draft, textfile: Path, output: Path | None, text_copy: Path | None) -> None:
    new_nodes = sum(1 for node in draft.nodes if node.candidate)
    skipped = sum(1 for sentence in draft.sentences if not sentence.is_body)
    if output is not None:
        click.echo(f"{output}: draft of {len(draft.relations)} candidate relations, {len(draft.nodes)} nodes ({new_nodes} new); text copy {text_copy}")
        click.echo(f"review it: set each relation's status to accepted or rejected, then `mechgraph validate {output}`")
        return
    click.echo(
        f"{textfile}: {len(draft.relations)} candidate relations, {len(draft.nodes)} nodes ({new_nodes} new), "
        f"{skipped} headings, questions or boilerplate lines skipped"
    )
    for relation in draft.relations:
        flags = [flag for flag, on in (("negated", relation.negated), ("hedged", relation.hedged)) if on]
        span = relation.evidence[0]
        click.echo(
            f"  {relation.sign.symbol} {relation.source} {relation.relation.value} {relation.target}"
            f"  ({relation.confidence:.2f}{', ' + ', '.join(flags) if flags else ''})  line {_line_of(draft.text, span.start)}"
        )
    for node in draft.nodes:
        if node.routes:
            click.echo(f"  routes of {node.id}: {', '.join(route.value for route in node.routes)}")
