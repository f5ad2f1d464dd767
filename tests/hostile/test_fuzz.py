"""Property-based fuzzing of every reader: only mechgraph's own errors escape, nothing hangs.

Each reader gets valid files (written by mechgraph's writers from a small graph, or small real
shapes of the read-only formats) mutated by hypothesis: bytes flipped, the file cut short, junk
and random Unicode inserted, slices deleted or repeated, and deep nesting spliced in. Whatever
comes of it, a reader either returns a graph that passes :func:`mechgraph.formats.check_graph`
or raises :class:`~mechgraph.errors.MechgraphError`. Any other exception fails the test with the
input that caused it; a call that runs longer than :data:`CALL_SECONDS` fails as a hang.

Bounded: ``max_examples`` per reader (``MECHGRAPH_FUZZ_EXAMPLES`` raises it for a longer run),
no deadline per example but a hard per-call alarm, derandomized so CI runs are reproducible
(``MECHGRAPH_FUZZ_RANDOM=1`` explores new inputs instead), and no example database written to
the work tree.
"""

from __future__ import annotations

import json
import os
import signal
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mechgraph.errors import MechgraphError
from mechgraph.extract import extract_text
from mechgraph.formats import check_graph, read, write
from mechgraph.graph import read_graph, validate_file
from mechgraph.validation import validate_data

from ..conftest import FIXTURES

SEEDS = Path(__file__).parent / "seeds"
CALL_SECONDS = 20
EXAMPLES = int(os.environ.get("MECHGRAPH_FUZZ_EXAMPLES", "120"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=not os.environ.get("MECHGRAPH_FUZZ_RANDOM"),
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)

#: Extensions whose seed mechgraph writes itself, from tests/fixtures/valid.yaml.
WRITTEN = ("yaml", "json", "cyjs", "graphml", "gexf", "sif", "csv", "tsv")
#: Read-only formats: small valid files kept in tests/hostile/seeds.
KEPT = ("cx2", "cx", "sbgn")


class Hang(AssertionError):
    """A reader ran longer than CALL_SECONDS on one input."""


@contextmanager
def time_limit(seconds: int = CALL_SECONDS) -> Iterator[None]:
    """Fail (instead of hanging the suite) when the block runs longer than ``seconds``."""

    def expire(signum: int, frame: Any) -> None:
        raise Hang(f"a reader ran longer than {seconds} s on one input")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@cache
def seeds() -> dict[str, bytes]:
    """A valid file per readable extension (the relation table for CSV/TSV)."""
    found = {ext: (SEEDS / f"tiny.{ext}").read_bytes() for ext in KEPT}
    graph = read_graph(FIXTURES / "valid.yaml")
    with tempfile.TemporaryDirectory(prefix="mechgraph-seeds-") as folder:
        for ext in WRITTEN:
            path = Path(folder) / f"seed.{ext}"
            write(graph, path)
            found[ext] = path.read_bytes()
    return found


JUNK = [
    b"\x00",
    b"\xff",
    b"\xfe\xff",
    b"\xef\xbb\xbf",
    b"\r",
    b"\r\n",
    b"\t",
    b"\x1b[2J",
    b"{",
    b"}",
    b"[",
    b"]",
    b"<",
    b">",
    b"&",
    b"&amp;",
    b"&#0;",
    b"&#x110000;",
    b"<!DOCTYPE a>",
    b"<![CDATA[",
    b"]]>",
    b"<!--",
    b"-->",
    b'"',
    b"'",
    b",",
    b";",
    b":",
    b"- ",
    b"? ",
    b"*a",
    b"&a ",
    b"!!python/object/apply:os.system ['touch pwned']",
    b"!!binary aGk=",
    b"<<: *a",
    b"---\n",
    b"...\n",
    b"%YAML 1.1\n",
    b"1e999",
    b"-0",
    b"NaN",
    b"Infinity",
    b"null",
    b"true",
    b"99999999999999999999999999",
    b'"id"',
    b'"source"',
    b'"target"',
    b'"nodes"',
    b'"links"',
    b'"elements"',
    b"id=",
    b"<node id='x'/>",
    b"<edge source='x' target='y'/>",
    b"<glyph id='g' class='macromolecule'/>",
    b"<arc class='stimulation' source='g' target='g'/>",
    b"\xc0\xbc",
    b"\xed\xa0\x80",
    b"\xf4\x90\x80\x80",
    "\u202e".encode(),
    "\u200b".encode(),
    "\ufeff".encode(),
    "\U0001f600".encode(),
    b"javascript:alert(1)",
    b"<img src=x onerror=alert(1)>",
    b"../../../../etc/passwd",
    b"text: /etc/passwd",
    b"=cmd|' /C calc'!A0",
]
NESTING = {
    "yaml": (b"[", b"]"),
    "json": (b"[", b"]"),
    "cyjs": (b'{"a":', b"}"),
    "cx2": (b"[", b"]"),
    "cx": (b"[", b"]"),
    "graphml": (b"<a>", b"</a>"),
    "gexf": (b"<a>", b"</a>"),
    "sbgn": (b"<glyph id='n' class='complex'>", b"</glyph>"),
    "sif": (b"(", b")"),
    "csv": (b'"', b'"'),
    "tsv": (b"[", b"]"),
}


@st.composite
def mutated(draw: st.DrawFn, ext: str) -> bytes:
    """A seed file of ``ext`` after one to six random edits."""
    data = bytearray(seeds()[ext])
    for _ in range(draw(st.integers(1, 3), label="edits")):
        at = draw(st.integers(0, len(data)), label="position")
        edit = draw(st.sampled_from(["flip", "truncate", "junk", "unicode", "bytes", "delete", "repeat", "nest"]))
        if edit == "flip" and data:
            data[min(at, len(data) - 1)] ^= 1 << draw(st.integers(0, 7))
        elif edit == "truncate":
            del data[at:]
        elif edit == "junk":
            data[at:at] = draw(st.sampled_from(JUNK))
        elif edit == "unicode":
            text = draw(st.text(min_size=1, max_size=20))
            data[at:at] = text.encode("utf-8", "surrogatepass")
        elif edit == "bytes":
            data[at:at] = draw(st.binary(min_size=1, max_size=20))
        elif edit == "delete":
            del data[at : at + draw(st.integers(1, 200))]
        elif edit == "repeat":
            start = draw(st.integers(0, len(data)))
            data[at:at] = data[start : start + draw(st.integers(1, 300))] * draw(st.integers(1, 5))
        else:
            opening, closing = NESTING[ext]
            depth = draw(st.sampled_from([50, 99, 101, 199, 201, 1_000, 20_000]))
            data[at:at] = opening * depth + closing * depth
    return bytes(data)


def read_or_refuse(call: Callable[[], Any]) -> Any:
    """Run one reader call: mechgraph's errors are fine; anything else (or a hang) fails."""
    with time_limit():
        try:
            return call()
        except MechgraphError:
            return None


def assert_valid_result(result: Any) -> None:
    if result is not None:
        problems = check_graph(result.graph)
        assert problems == [], [str(p) for p in problems]


READABLE = ("yaml", "json", "cyjs", "graphml", "gexf", "sif", "csv", "tsv", "cx2", "cx", "sbgn")


@pytest.mark.parametrize("ext", READABLE)
def test_mutated_files_raise_only_mechgraph_errors(ext: str) -> None:
    @FUZZ
    @given(data=mutated(ext))
    def check(data: bytes) -> None:
        assert_valid_result(read_or_refuse(lambda: read(data, name=f"fuzz.{ext}")))

    check()


@FUZZ
@given(data=mutated("yaml"))
def test_mutated_native_files_validate_or_report(data: bytes) -> None:
    """validate_file on a file (the CLI's path): a report, or a ReadError; nothing else."""
    with tempfile.TemporaryDirectory(prefix="mechgraph-fuzz-") as folder:
        path = Path(folder) / "graph.yaml"
        path.write_bytes(data)
        (Path(folder) / "sources").mkdir()
        (Path(folder) / "sources" / "sample.txt").write_bytes((FIXTURES / "sources" / "sample.txt").read_bytes())
        report = read_or_refuse(lambda: validate_file(path))
        if report is not None:
            assert all(p.file == str(path) and p.message and p.rule for p in report.problems)
        assert sorted(p.name for p in Path(folder).iterdir()) == ["graph.yaml", "sources"]


# -- structured inputs: random documents in the shape of each format ----------------------------

SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=30),
    st.sampled_from(["inhibits", "activates", "agent", "target", "process", "C2", "a", "b", "", " "]),
)
VALUES = st.recursive(
    SCALARS,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(st.text(max_size=10) | st.sampled_from(["id", "kind", "label", "source", "evidence"]), children, max_size=4),
    ),
    max_leaves=20,
)
KEYS = st.sampled_from(
    [
        "id",
        "kind",
        "label",
        "synonyms",
        "identifiers",
        "process",
        "evidence",
        "relation",
        "from",
        "to",
        "source",
        "target",
        "sign",
        "interaction",
        "mechanism",
        "measurable_in",
        "context",
        "note",
        "quote",
        "url",
        "title",
        "text",
        "start",
        "end",
        "confidence",
        "status",
        "x",
        "y",
        "position",
        "extra",
        "name",
        "type",
        "v",
        "s",
        "t",
    ]
)
RECORDS = st.dictionaries(KEYS, VALUES, max_size=8)


def _json(value: Any) -> bytes:
    return json.dumps(value, allow_nan=True).encode("utf-8")


@FUZZ
@given(
    document=st.fixed_dictionaries(
        {
            "mechgraph": st.sampled_from([1, 2, "1", None]),
            "sources": st.lists(RECORDS, max_size=4),
            "nodes": st.lists(RECORDS, max_size=6),
            "relations": st.lists(RECORDS, max_size=6),
        },
        optional={"title": VALUES},
    )
)
def test_random_native_documents_give_problems_not_tracebacks(document: dict[str, Any]) -> None:
    with time_limit():
        report = validate_data(document)
    assert all(p.message and p.rule for p in report.problems)


@FUZZ
@given(nodes=st.lists(RECORDS, max_size=6), links=st.lists(RECORDS, max_size=6), meta=VALUES)
def test_random_node_link_documents(nodes: list[Any], links: list[Any], meta: Any) -> None:
    data = _json({"graph": meta, "nodes": nodes, "links": links})
    assert_valid_result(read_or_refuse(lambda: read(data, name="fuzz.json")))


@FUZZ
@given(nodes=st.lists(RECORDS, max_size=6), edges=st.lists(RECORDS, max_size=6), meta=VALUES)
def test_random_cytoscape_documents(nodes: list[Any], edges: list[Any], meta: Any) -> None:
    data = _json({"data": meta, "elements": {"nodes": [{"data": n} for n in nodes], "edges": [{"data": e} for e in edges]}})
    assert_valid_result(read_or_refuse(lambda: read(data, name="fuzz.cyjs")))


@FUZZ
@given(
    aspects=st.lists(
        st.dictionaries(
            st.sampled_from(
                ["nodes", "edges", "attributeDeclarations", "networkAttributes", "nodeAttributes", "edgeAttributes", "cartesianLayout", "@context", "metaData"]
            ),
            st.lists(RECORDS, max_size=4) | VALUES,
            max_size=3,
        ),
        max_size=5,
    ),
    version=st.sampled_from(["2.0", "1.0", None]),
)
def test_random_cx_documents(aspects: list[Any], version: str | None) -> None:
    document = ([{"CXVersion": version}] if version else []) + aspects
    name = "fuzz.cx2" if version == "2.0" else "fuzz.cx"
    assert_valid_result(read_or_refuse(lambda: read(_json(document), name=name)))


CELLS = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), max_size=15) | st.sampled_from(
    ["inhibits", "+", "-1", "agent", "=1+1", "'-x", '"', "a;b", "[1]", '{"a": 1}']
)


@FUZZ
@given(
    header=st.lists(KEYS | st.text(max_size=8), min_size=1, max_size=6, unique=True),
    rows=st.lists(st.lists(CELLS, max_size=7), max_size=6),
    delimiter=st.sampled_from([",", "\t"]),
)
def test_random_tables(header: list[str], rows: list[list[str]], delimiter: str) -> None:
    import csv
    import io

    stream = io.StringIO()
    writer = csv.writer(stream, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    name = "fuzz.csv" if delimiter == "," else "fuzz.tsv"
    assert_valid_result(read_or_refuse(lambda: read(stream.getvalue(), name=name)))


@FUZZ
@given(lines=st.lists(st.lists(CELLS, max_size=5).map("\t".join) | st.text(max_size=40), max_size=12))
def test_random_sif_lines(lines: list[str]) -> None:
    assert_valid_result(read_or_refuse(lambda: read("\n".join(lines), name="fuzz.sif")))


@FUZZ
@given(content=st.text(max_size=200))
def test_text_with_any_characters_reaches_every_reader(content: str) -> None:
    """Content given as a str, lone surrogates included, is refused cleanly or read."""
    for ext in READABLE:
        assert_valid_result(read_or_refuse(lambda ext=ext: read(content, name=f"fuzz.{ext}")))


# -- text for extraction --------------------------------------------------------------------------

SENTENCES = st.lists(
    st.sampled_from(
        [
            "Cyclosporine inhibits calcineurin.",
            "Tacrolimus does not inhibit IL-2.",
            "IL-2 may increase T-cell proliferation.",
            "Calcineurin is required for NFAT translocation.",
            "Imiquimod activates TLR7",
            "(",
            ")",
            ";",
            "e.g.",
            "Fig. 1",
            "\n\n",
            "\r\n",
            "# Heading",
            "?",
            "<script>alert(1)</script>",
            "\u202e",
            "\u200b",
            "\x00",
            "\ufeff",
            "-",
            "and",
            "not",
        ]
    )
    | st.text(max_size=30),
    max_size=30,
).map(" ".join)


@FUZZ
@given(text=SENTENCES)
def test_extraction_of_any_text_quotes_it_verbatim(text: str) -> None:
    with time_limit():
        try:
            draft = extract_text(text, source_id="fuzz")
        except MechgraphError:
            return
    for relation in draft.relations:
        for span in relation.evidence:
            assert text[span.start : span.end] == span.quote
    document = draft.to_document()
    problems = [p for p in validate_data(document).problems if p.rule not in ("source-text", "quote")]
    assert problems == [], [str(p) for p in problems]
