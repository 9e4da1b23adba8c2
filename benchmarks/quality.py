"""Extraction quality on the dev corpora: runs ``kg eval`` for every task, writes quality.md.

Usage (from the repository root)::

    python benchmarks/quality.py [--corpora ../shared/corpora] [--workers 4] [--limit N]

ECB+ is ingested once into a temporary store and scored for actors and events; PolNeAR is
scored for statements. The tables go to stdout, the summary to ``benchmarks/quality.md``, the
full JSON reports to ``--reports DIR`` if given (not into the repository: their error listings
quote corpus sentences, which the corpus licences do not let us redistribute).
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

from kg.evaluate import EvalResult, evaluate, render_table, write_report
from kg.evaluate.gold import parse_topics

HERE = Path(__file__).resolve().parent
#: (corpus, task, ECB+ topics or None for all): events are scored on topics 31-35 only, the
#: topics the event head (``kg train events``) never trains on.
RUNS = (("ecbplus_dev.jsonl", "actors", None), ("ecbplus_dev.jsonl", "events", "31-35"),
        ("polnear_dev.jsonl", "statements", None))


READING = [
    "How to read these numbers:",
    "",
    "- Matching is one to one. *exact*: same document, begin and end (and label where typed); "
    "*overlap*: greedy on overlapping spans, largest overlap first. Micro-averaged over labels.",
    "- ECB+ is scored in its `annotated_sentences` only, gold and predictions alike. ECB+ annotates the "
    "participants of the topic's seminal events, not every name, so precision is understated; and it "
    "annotates pronouns and common nouns (\"he\", \"the woman\") that newskg does not ground as actors, "
    "so recall is capped well below 1.",
    "- ECB+ actor labels: HUMAN_PART_PER -> PER; HUMAN_PART_ORG and HUMAN_PART_MET (metonymy: \"CNN\", "
    "\"the board\") -> ORG; HUMAN_PART_GPE and LOC_GEO -> LOC (predicted LOC = nkg:GeopoliticalEntity or "
    "nkg:Place). HUMAN_PART_GENERIC, _VEH, _FAC, LOC_FAC, LOC_OTHER are not scored, and a prediction on one "
    "of them is not a false positive. LOC_GEO spans include prepositions (\"in Perth\"), hence the low exact LOC.",
    "- ECB+ events: every ACTION_* and NEG_ACTION_* mention; predictions are nkg:Event mentions plus "
    "statements' nkg:cueMention (ECB+ annotates \"said\" as ACTION_REPORTING).",
    "- ECB+ events are scored on topics 31-35 only (`--topics 31-35`): the event head is trained on topics 1-30.",
    "- B-cubed compares actor IRIs (events: event IRIs, joined by owl:sameAs) with the gold cross-document "
    "chains over the untyped (events: overlap) matches.",
    "- PolNeAR: source, cue and content scored as three labels; a discontinuous span is taken from its "
    "first to its last character.",
    "- Times: the first task on each corpus includes ingesting it (one worker, spaCy small model); the next task reuses that store.",
]


def _commit() -> str:
    try:
        out = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=HERE, capture_output=True, text=True)
        return out.stdout.strip() or "unknown"
    except OSError:
        return "unknown"


def _line(corpus: str, r: EvalResult, table: str, label: str = "micro") -> str:
    s = r.score(table) if label == "micro" else r.score(table, label)
    where = f" (topics {r.topics})" if r.topics else ""
    return (f"| {corpus}{where} | {r.task} | {table} | {label} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} "
            f"| {s.tp} | {s.fp} | {s.fn} |")


def summary(results: list[tuple[str, EvalResult]], *, command: str) -> str:
    """The markdown page: date, commit, command, one table of every score, B-cubed, notes."""
    lines = ["# Extraction quality", "",
             f"Measured {dt.date.today().isoformat()} at commit `{_commit()}` with:", "",
             f"    {command}", "",
             "The same runs one at a time: `kg eval ../shared/corpora/ecbplus_dev.jsonl --task actors` "
             "(and `--task events --topics 31-35`; `polnear_dev.jsonl --task statements`). Regenerate after every change "
             "to extraction; `-dirty` after the commit means the working tree had uncommitted changes.", "",
             *READING, "",
             "| corpus | task | match | label | P | R | F1 | TP | FP | FN |",
             "|---|---|---|---|---|---|---|---|---|---|"]
    for corpus, r in results:
        for name, table in r.tables.items():
            if len(table.by_label) > 1:
                lines += [_line(corpus, r, name, label) for label in sorted(table.by_label)]
            lines.append(_line(corpus, r, name))
    lines.append("")
    for corpus, r in results:
        where = f" (topics {r.topics})" if r.topics else ""
        head = f"- {corpus}{where}, {r.task}: {r.documents} documents, {r.gold_mentions} gold mentions, " \
               f"{r.predicted_mentions} predicted in scope, {r.seconds:.0f} s"
        lines.append(head)
        if r.bcubed:
            b = r.bcubed
            lines.append(f"  - B-cubed ({'event' if r.task == 'events' else 'actor'} IRIs vs gold chains, {b.mentions} matched mentions): "
                         f"P {b.precision:.3f}, R {b.recall:.3f}, F1 {b.f1:.3f}")
        if r.recall_by_gold_type:
            lines.append("  - recall by gold type (overlap): " + ", ".join(
                f"{k} {s.recall:.2f} ({s.tp}/{s.tp + s.fn})" for k, s in sorted(r.recall_by_gold_type.items())))
        lines += [f"  - note: {n}" for n in r.notes]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=HERE.parents[1] / "shared" / "corpora")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--errors", type=int, default=15)
    parser.add_argument("--reports", type=Path, default=None, help="write the JSON reports here")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="kg-quality-") as tmp:
        for corpus, task, topics in RUNS:
            store = Path(tmp) / corpus.split("_")[0]  # one store per corpus, reused across tasks
            r = evaluate(args.corpora / corpus, task=task, store=store, limit=args.limit,
                         topics=parse_topics(topics) if topics else None,
                         errors=args.errors, workers=args.workers)
            r.store = None
            if args.reports:
                write_report(r, args.reports / f"{corpus.split('_')[0]}_{task}.json")
            print(render_table(r), end="\n\n", flush=True)
            results.append((corpus, r))
    command = "python benchmarks/quality.py" + (f" --workers {args.workers}" if args.workers > 1 else "") + \
        (f" --limit {args.limit}" if args.limit else "")
    (HERE / "quality.md").write_text(summary(results, command=command), encoding="utf-8")
    print(f"wrote {HERE / 'quality.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
