"""Score ``mechgraph extract`` against the hand-written gold annotations in data/gold/.

Run from the repository root::

    .venv/bin/python benchmarks/eval_extract.py              # the table
    .venv/bin/python benchmarks/eval_extract.py --details    # also each false positive and miss
    .venv/bin/python benchmarks/eval_extract.py --json scores.json

For every gold text it prints the precision and recall of the drafted relations (a relation
matches when its source, target and sign match a gold relation; see docs/extract.md), beside the
plain alternative a user would otherwise write, run on the same text in the same process:

    plain = split sentences at ". ", "? " and "! " with a regular expression, find the names of
            the same lexicon, and for each cue verb of the same list pair the nearest name on
            its left with every name on its right, signed by the verb.

The ``split`` column says whether the text was used while the extractor was developed (dev) or
held out until the end (heldout). The texts of data/gold/heldout/ (five genres, written before the
parser-based extractor) are totalled apart as "new heldout": held out until their first run was on
record, used for general fixes since (issue #15). Only data/gold/, data/gold/dev/ and
data/gold/heldout/ are read: a newer held-out set in another sub-folder is never scored here.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mechgraph.extract import Draft, DraftNode, DraftRelation, Span, default_lexicon, extract_text  # noqa: E402
from mechgraph.extract.cues import cue_verbs  # noqa: E402
from mechgraph.extract.draft import relation_key  # noqa: E402
from mechgraph.extract.gold import Score, bundled_gold_dir, gold_files, read_gold, score_draft  # noqa: E402
from mechgraph.extract.lexicon import Lexicon  # noqa: E402
from mechgraph.extract.tokens import tokenize, words_of  # noqa: E402
from mechgraph.vocabulary import Relation, Status  # noqa: E402

_SIGNED = {1: Relation.INCREASES, -1: Relation.DECREASES, 0: Relation.ACTS_ON}


def plain_extract(text: str, lexicon: Lexicon) -> Draft:
    """The plain alternative: nearest name left of a cue verb -> every name right of it."""
    index = cue_verbs()
    relations: dict[tuple[str, int, str], DraftRelation] = {}
    nodes: dict[str, DraftNode] = {}
    for match in re.finditer(r"[^.!?]+[.!?]?", text):
        sentence = match.group().strip()
        if not sentence:
            continue
        start = text.find(sentence, match.start())
        tokens = tokenize(sentence, offset=start)
        words = words_of(tokens)
        names: list[tuple[int, Any]] = []
        position = 0
        while position < len(words):
            found = lexicon.match(tokens, words, position) if words[position] is not None else None
            if found is None:
                position += 1
                continue
            names.append((found[1].first, found[1].entry))
            position += found[0]
        for k, token in enumerate(tokens):
            for _, cue, _form in index.get(token.lower, [])[:1]:
                left = [entry for at, entry in names if at < k]
                right = [entry for at, entry in names if at > k]
                if not left:
                    continue
                for target in right:
                    source = left[-1]
                    if source.node_id == target.node_id:
                        continue
                    sign = int(cue.relation.sign)
                    for entry in (source, target):
                        nodes.setdefault(entry.node_id, DraftNode(entry.node_id, entry.kind, entry.label, record=dict(entry.record)))
                    span = Span(start, start + len(sentence), sentence)
                    key = (source.node_id, sign, target.node_id)
                    relations.setdefault(
                        key,
                        DraftRelation(
                            relation_key(source.node_id, _SIGNED[sign], target.node_id, False, start),
                            source.node_id,
                            _SIGNED[sign],
                            target.node_id,
                            0.5,
                            (span,),
                            Status.CANDIDATE,
                        ),
                    )
    return Draft("plain", text, "plain", tuple(nodes.values()), tuple(relations.values()))


#: the sub-folders of data/gold/ that are scored; any other (a held-out set being written, to be
#: run once at the end) is never read here
SCORED_FOLDERS = ("dev", "heldout")


def all_gold_files() -> list[Path]:
    """The bundled gold files and those of data/gold/dev/ and data/gold/heldout/ (no other sub-folder)."""
    return [*gold_files(), *(path for folder in SCORED_FOLDERS for path in sorted((bundled_gold_dir() / folder).glob("*.gold.yaml")))]


def evaluate(files: list[Path] | None = None) -> list[dict[str, Any]]:
    lexicon = default_lexicon()
    rows = []
    for path in all_gold_files() if files is None else files:
        gold = read_gold(path)
        text = gold.text()
        began = time.perf_counter()
        draft = extract_text(text, source_id="gold", lexicon=lexicon)
        elapsed = (time.perf_counter() - began) * 1000
        began = time.perf_counter()
        plain = plain_extract(text, lexicon)
        plain_elapsed = (time.perf_counter() - began) * 1000
        rows.append({"gold": gold, "score": score_draft(draft, gold), "plain": score_draft(plain, gold), "ms": elapsed, "plain_ms": plain_elapsed})
    return rows


def _group(gold: Any) -> str:
    """dev, heldout (the first held-out texts, since used for general fixes) or new heldout (data/gold/heldout/)."""
    return {"heldout": "new heldout", "dev": "new dev"}.get(gold.file.parent.name, gold.split)


def _row(name: str, split: str, score: Score, plain: Score, ms: float) -> str:
    routes = f"{score.routes_found}/{score.routes_expected}" if score.routes_expected else "-"
    negated = f"{score.negated_found}/{score.negated_expected}" if score.negated_expected else "-"
    return (
        f"{name:<26} {split:<8} {score.required:>4} {score.predicted:>5} {score.correct:>4} "
        f"{score.predicted - score.correct:>3} {score.required - score.found:>3} "
        f"{score.precision:>6.2f} {score.recall:>6.2f}   {plain.precision:>6.2f} {plain.recall:>6.2f}   "
        f"{routes:>6} {negated:>5} {ms:>7.1f}"
    )


def bench_large(megabytes: float = 2.0) -> list[tuple[str, int, float, float, int]]:
    """Time extract_text on a large text of paragraphs and on one line without punctuation."""
    from mechgraph.extract import split_sentences

    paragraphs = "\n\n".join(read_gold(path).text() for path in gold_files())
    size = int(megabytes * 1_000_000)
    copies = size // (len(paragraphs) + 2) + 1
    # every copy differs ("In cohort 7, ..."), so that no sentence is skipped as a repeat
    prose = "".join(re.sub(r"(?<=[.;]) (?=[A-Z])", f" In cohort {n}, ", paragraphs) + "\n\n" for n in range(copies))
    words = re.findall(r"[A-Za-z-]+", paragraphs)
    line = " ".join(words * (size // (len(" ".join(words)) + 1) + 1))
    lexicon = default_lexicon()
    rows = []
    for name, text in (("paragraphs", prose[:size]), ("one line, no punctuation", line[:size])):
        began, cpu = time.perf_counter(), time.process_time()
        draft = extract_text(text, source_id="bench", lexicon=lexicon)
        elapsed, cpu = time.perf_counter() - began, time.process_time() - cpu
        body = sum(1 for s in split_sentences(text) if s.is_body) if name.startswith("one") else -1
        rows.append((name, len(text), elapsed, cpu, len(draft.relations) if body < 0 else body))
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true", help="list the false positives and misses of each text")
    parser.add_argument("--json", type=Path, help="also write the scores to this JSON file")
    parser.add_argument("--only", choices=["dev", "heldout", "new dev", "new heldout"], help="score only this group of texts")
    parser.add_argument(
        "--folder",
        type=Path,
        metavar="DIR",
        help="score only the gold files of DIR (a sealed held-out set, e.g. data/gold/sealed/heldout2, run once), totalled as 'sealed'",
    )
    parser.add_argument("--bench", type=float, metavar="MB", help="instead, time a text of MB megabytes (paragraphs, and one line without punctuation)")
    args = parser.parse_args(argv)
    if args.bench:
        import resource

        from mechgraph.extract.parsed import pipeline_name

        print(f"reader: {pipeline_name() or 'patterns only (no English pipeline)'}")
        for name, size, seconds, cpu, count in bench_large(args.bench):
            what = "body pieces read" if name.startswith("one") else "relations drafted"
            print(f"{name:<28} {size / 1e6:5.2f} MB  {seconds:7.1f} s wall  {cpu:7.1f} s CPU  {count} {what}")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peak memory of the process: {peak:.0f} MB (CPU time is the cost; wall time also counts other work on the machine)")
        return 0
    if args.folder is not None:
        files = sorted(args.folder.glob("*.gold.yaml"))
        if not files:
            parser.error(f"{args.folder} holds no *.gold.yaml file")
        rows = evaluate(files)
    else:
        rows = [row for row in evaluate() if args.only is None or _group(row["gold"]) == args.only]
    header = (
        f"{'text':<26} {'split':<8} {'gold':>4} {'draft':>5} {'ok':>4} {'FP':>3} {'FN':>3} "
        f"{'prec':>6} {'recall':>6}   {'plain P':>7} {'plain R':>6}  {'routes':>6} {'neg':>5} {'ms':>7}"
    )
    print(header)
    print("-" * len(header))
    totals = {"dev": [], "heldout": [], "new dev": [], "new heldout": [], "sealed": []}  # type: dict[str, list[Any]]
    for row in rows:
        gold, score, plain = row["gold"], row["score"], row["plain"]
        totals["sealed" if args.folder is not None else _group(gold)].append(row)
        print(_row(gold.name, gold.split, score, plain, row["ms"]))
    print("-" * len(header))
    for split, members in totals.items():
        if not members:
            continue
        merged, merged_plain = Score(f"all {split}"), Score(f"all {split}")
        for row in members:
            for total, part in ((merged, row["score"]), (merged_plain, row["plain"])):
                total.predicted += part.predicted
                total.correct += part.correct
                total.required += part.required
                total.found += part.found
                total.routes_expected += part.routes_expected
                total.routes_found += part.routes_found
                total.negated_expected += part.negated_expected
                total.negated_found += part.negated_found
        print(_row(f"all {split} (micro)", split.split()[-1], merged, merged_plain, sum(r["ms"] for r in members)))
    print("\ngold: required gold relations; draft: drafted relations (not negated); ok: drafted and in the gold;")
    print("FP/FN: false positives / missed gold relations; routes, neg: routes and negated relations found / expected.")
    if args.details:
        for row in rows:
            score = row["score"]
            print(f"\n{row['gold'].name}:")
            for line in score.false_positives:
                print(f"  false positive  {line}")
            for line in score.misses:
                print(f"  missed          {line}")
    if args.json:
        args.json.write_text(
            json.dumps(
                [
                    {
                        "text": row["gold"].name,
                        "split": row["gold"].split,
                        "precision": row["score"].precision,
                        "recall": row["score"].recall,
                        "gold": row["score"].required,
                        "drafted": row["score"].predicted,
                        "correct": row["score"].correct,
                        "false_positives": row["score"].false_positives,
                        "misses": row["score"].misses,
                        "plain_precision": row["plain"].precision,
                        "plain_recall": row["plain"].recall,
                        "milliseconds": round(row["ms"], 1),
                    }
                    for row in rows
                ],
                indent=2,
            )
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
