"""``kg extract`` (the per-article map, locally or on a Dask cluster, to shards) and ``kg load``
(identity over all shards and the store, then the bulk loader)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from kg.cli import RECORDS_SKIPPED, STORE_OPTION
from kg.cli.progress import ProgressBar

if TYPE_CHECKING:  # the pipeline (and spaCy) is imported when a command runs, not by `kg --help`
    from kg.pipeline import ExtractReport, IngestReport


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", "out", required=True, type=click.Path(path_type=Path), metavar="SHARDS",
              help="Folder of shard parts to write (replaced in one step at the end).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="local: worker processes on this machine; dask: a Dask cluster.")
@click.option("--scheduler", default=None, metavar="ADDRESS",
              help="Dask scheduler address (tcp://HOST:PORT); without it --engine dask starts a local cluster.")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes analysing articles (local engine, or the local Dask cluster).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar (there is none when stderr is not a terminal).")
def extract_command(paths: tuple[Path, ...], out: Path, engine: str, scheduler: str | None, workers: int,
                    quiet: bool) -> None:
    """Analyse articles (JSONL, .txt, folders) into shards, without a store.

    Bad records are reported with file and line and skipped; the rest still go in (exit 8).
    """
    from kg.pipeline import extract
    from kg.read import count_records, input_files

    if scheduler and engine != "dask":
        raise click.UsageError("--scheduler needs --engine dask")
    show = not quiet and sys.stderr.isatty()
    total = count_records(input_files(paths)) if show else None
    with ProgressBar(total=total, enabled=show, desc="extract") as bar:
        report = extract(list(paths), out, engine=engine, scheduler=scheduler, workers=workers, progress=bar)
    _report(report)


def _report(report: ExtractReport | IngestReport) -> None:
    """Skipped and failed records on stderr, then the one-line summary; exits 1 or 8 as ingest."""
    for bad in report.bad:
        click.secho(f"skipped {bad}", fg="yellow", err=True)
    for failed in report.failed:
        click.secho(f"error: {failed}", fg="red", err=True)
    click.echo(report.summary())
    if report.failed:
        sys.exit(1)
    if report.bad:
        sys.exit(RECORDS_SKIPPED)


@click.command()
@click.argument("shards", nargs=-1, required=True, type=click.Path(path_type=Path))
@STORE_OPTION
@click.option("--base", default=None, metavar="IRI", help="Base IRI of minted data IRIs [default: https://w3id.org/newskg/id/].")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar (there is none when stderr is not a terminal).")
def load_command(shards: tuple[Path, ...], store_path: str, base: str | None, quiet: bool) -> None:
    """Load shards written by `kg extract` into the store (identity over all of them and the store).

    Unreadable shard lines are reported and skipped; the rest still go in (exit 8).
    """
    from kg.pipeline import load
    from kg.shards import count_lines, shard_files
    from kg.store import open_store
    from kg.vocab import DEFAULT_BASE

    files = shard_files(shards)
    show = not quiet and sys.stderr.isatty()
    with open_store(store_path) as store, \
            ProgressBar(total=count_lines(files) if show else None, enabled=show, desc="load") as bar:
        report = load(list(shards), store, base=base or DEFAULT_BASE, progress=bar)
    _report(report)
