"""``kg eval``: measure extraction against a gold corpus and print the scores."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.cli.progress import ProgressBar
from kg.errors import NewskgError
from kg.evaluate import FORMATS, TASKS, evaluate, render_table, write_report
from kg.evaluate.gold import parse_topics


@click.command("eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--task", type=click.Choice(TASKS), required=True,
              help="What to score: actors (PER/ORG/LOC), events, or statements (source/cue/content).")
@click.option("--store", "store", metavar="DIR|URL", default=None,
              help="Reuse this store (gold documents it lacks are ingested); default: a fresh temporary store.")
@click.option("--report", "report", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the full result as JSON to this file.")
@click.option("--format", "fmt", type=click.Choice(("auto", *FORMATS)), default="auto", show_default=True,
              help="Gold shape; auto detects it from the first record.")
@click.option("--errors", "errors", type=click.IntRange(min=0), default=10, show_default=True,
              help="List the N most frequent false positives, misses and boundary errors.")
@click.option("--limit", type=click.IntRange(min=1), default=None,
              help="Score only the first N gold records (quick runs).")
@click.option("--topics", "topics", metavar="LIST", default=None,
              help="ECB+ only: score the documents of these topics, e.g. 31-35 (the topics the event "
                   "head never trained on) or 1,4,31-35.")
@click.option("--workers", type=click.IntRange(min=1), default=1, show_default=True,
              help="Processes for the ingest.")
@click.option("--progress/--no-progress", default=None,
              help="Show ingest progress (never when stderr is not a terminal) [default: progress].")
def eval_command(gold: Path, task: str, store: str | None, report: Path | None, fmt: str, errors: int,
                 limit: int | None, topics: str | None, workers: int, progress: bool | None) -> None:
    """Measure extraction against a gold corpus (CoNLL-style, ECB+ or PolNeAR JSONL).

    Ingests the gold texts, reads the predictions back from the store through SPARQL and
    prints precision, recall and F1 for exact and overlap (one-to-one) span matching.
    """
    try:
        chosen = parse_topics(topics) if topics is not None else None
        with ProgressBar(enabled=progress is not False, desc="eval ingest") as bar:
            result = evaluate(gold, task=task, store=store, fmt=fmt, limit=limit, topics=chosen,
                              errors=errors, workers=workers, progress=bar, on_gold=lambda g: bar.set_total(len(g.docs)))
        if report is not None:
            write_report(result, report)
    except NewskgError as exc:
        click.secho(f"error: {exc}", fg="red", err=True)
        sys.exit(exc.exit_code)
    click.echo(render_table(result))
    if report is not None:
        click.echo(f"report written to {report}")
