"""The ``kg`` command. The only place that prints and chooses exit codes.

The store of every command is ``--store DIR|URL``, else ``$NEWSKG_STORE``, else ``data/store``
under the working folder: the rule of :func:`kg.store.default_store_path`.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, TextIO

import click

from kg import __version__
from kg.cli.progress import ProgressBar
from kg.errors import NewskgError
from kg.store import DEFAULT_STORE, STORE_ENV, is_remote

#: Exit codes of ``kg``, documented in ``kg --help`` and in the README (a test compares them).
EXIT_CODES = {
    0: "success",
    1: "an error inside newskg (for `kg ingest`: an article's extraction failed; it is named and left out, the rest went in)",
    2: "usage, input or output error (a bad option, a missing or unreadable input file, an output path whose folder is missing or not writable)",
    3: "store error (missing folder, store locked by another process or served by `kg serve`, port in use)",
    4: "SPARQL error",
    5: "spaCy model missing",
    6: "SHACL violations",
    7: "evaluation error",
    8: "records skipped (`kg ingest`: bad records were reported and skipped, the rest went in)",
}
RECORDS_SKIPPED = 8


def _epilog() -> str:
    lines = "\n".join(f"  {code}  {text}" for code, text in EXIT_CODES.items())
    return f"\b\nExit codes:\n{lines}"


class StoreLocation(click.ParamType):
    """A store folder (made absolute) or an ``http(s)://`` SPARQL endpoint URL (kept as given)."""

    name = "DIR|URL"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        text = os.fspath(value)
        return text if is_remote(text) else str(Path(text).resolve())


STORE_OPTION = click.option("--store", "store_path", type=StoreLocation(), metavar="DIR|URL", envvar=STORE_ENV,
                            default=DEFAULT_STORE, show_default=True, show_envvar=True,
                            help="Store folder or SPARQL endpoint URL.")


class _Group(click.Group):
    """Maps newskg's named errors to a message on stderr and the error's exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NewskgError as e:
            click.secho(f"error: {e}", fg="red", err=True)
            sys.exit(e.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]}, epilog=_epilog())
@click.version_option(__version__, prog_name="newskg")
def main() -> None:
    """newskg: a knowledge graph of the news in Oxigraph, queried with SPARQL."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@STORE_OPTION
@click.option("--base", default=None, metavar="IRI", help="Base IRI of minted data IRIs [default: https://w3id.org/newskg/id/].")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes running the NLP and extraction (this process resolves and writes, and extracts while it has time to spare).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar (there is none when stderr is not a terminal).")
def ingest(paths: tuple[Path, ...], store_path: str, base: str | None, workers: int, quiet: bool) -> None:
    """Read articles (JSONL, .txt, folders) into the store, one named graph per article.

    Bad records are reported with file and line and skipped; the rest still go in (exit 8).
    """
    from kg.store import open_store

    with open_store(store_path) as store:
        report = ingest_with_progress(list(paths), store, base=base, workers=workers, quiet=quiet)
    if report.failed:
        sys.exit(1)
    if report.bad:
        sys.exit(RECORDS_SKIPPED)


def ingest_with_progress(paths: list[Path], store: Any, *, base: str | None = None, workers: int = 1,
                         quiet: bool = False) -> Any:
    """Ingest with a progress bar, report skipped and failed records, print the summary line."""
    from kg.pipeline import ingest as run_ingest
    from kg.read import count_records, input_files
    from kg.vocab import DEFAULT_BASE

    show = not quiet and sys.stderr.isatty()
    total = count_records(input_files(paths)) if show else None
    with ProgressBar(total=total, enabled=show) as bar:
        report = run_ingest(paths, store, base=base or DEFAULT_BASE, workers=workers, progress=bar)
    for bad in report.bad:
        click.secho(f"skipped {bad}", fg="yellow", err=True)
    for failed in report.failed:
        click.secho(f"error: {failed}", fg="red", err=True)
    click.echo(report.summary())
    return report


@main.command()
@click.argument("query", required=False)
@click.option("-f", "--file", "query_file", type=click.File("r", encoding="utf-8"), default=None, metavar="FILE",
              help="Read the query from FILE ('-': standard input) instead of the QUERY argument.")
@STORE_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="Output format.")
@click.option("--max-width", default=60, show_default=True, help="Widest table column (table format).")
@click.option("--bind", "binds", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to a value (<iri>, 2020-01-03, 42 or text), never pasted into the query.")
def query(query: str | None, query_file: TextIO | None, store_path: str, fmt: str, max_width: int,
          binds: tuple[str, ...]) -> None:
    """Run SPARQL (the QUERY text, or -f FILE) with the project's prefixes preloaded."""
    from kg.cli.output import parse_binding, render
    from kg.store import open_store

    if (query is None) == (query_file is None):
        raise click.UsageError("give the query as text (QUERY) or as a file (-f FILE, '-' for standard input), not both")
    if query is not None and query.endswith(".rq") and len(query.split()) == 1:
        raise click.UsageError(f"QUERY is SPARQL text, not a file name: to run the file, use -f {query}")
    text = query if query is not None else query_file.read()  # type: ignore[union-attr]
    with open_store(store_path, read_only=_read_only(store_path)) as store:
        result = store.query(text, bindings=dict(parse_binding(b) for b in binds))
    click.echo(render(result, fmt, max_width=max_width), nl=False)


@main.command()
@STORE_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--rebuild", is_flag=True, help="Recompute the statistics graph from the article graphs first.")
def stats(store_path: str, fmt: str, rebuild: bool) -> None:
    """Counts: articles, actors by type, mentions, events, statements, triples, graphs."""
    import json

    from kg.stats import rebuild as rebuild_stats
    from kg.stats import store_stats
    from kg.store import open_store

    with open_store(store_path, read_only=not rebuild and _read_only(store_path)) as store:
        if rebuild:
            rebuild_stats(store)
        counts = store_stats(store)
    if fmt == "json":
        click.echo(json.dumps(counts, indent=2))
        return
    width = max(len(k) for k in counts)
    for key, value in counts.items():
        click.echo(f"{key:<{width}}  {value:>9,}")


def _read_only(store_path: str) -> bool:
    """Reading commands open on-disk stores read-only (no lock taken, a missing folder is an error)."""
    return not is_remote(store_path)


def _register_optional() -> None:
    """Commands that live in their own modules."""
    from kg.cli.evaluate import eval_command
    from kg.cli.lab import lab_command
    from kg.cli.publish import dump_command, publish_command, serve_command, validate_command
    from kg.cli.scale import extract_command, load_command
    from kg.cli.train import train_command

    main.add_command(eval_command, "eval")
    main.add_command(lab_command, "lab")
    main.add_command(train_command, "train")
    main.add_command(extract_command, "extract")
    main.add_command(load_command, "load")
    for name, command in (("dump", dump_command), ("publish", publish_command),
                          ("validate", validate_command), ("serve", serve_command)):
        main.add_command(command, name)


_register_optional()
