"""The ``kg`` command. The only place that prints and chooses exit codes.

Exit codes: 0 success; 1 unexpected newskg error (for ``ingest``: an article's extraction
failed, the rest went in); 2 bad input (for ``ingest``: some records were skipped, the rest went in); 3 store error; 4 SPARQL error; 5 spaCy model missing;
6 SHACL violations; 7 evaluation error.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from kg import __version__
from kg.errors import NewskgError

STORE_OPTION = click.option("--store", "store_path", metavar="DIR|URL", default=None,
                            help="Store folder or SPARQL endpoint URL [default: $NEWSKG_STORE or data/store].")


class _Group(click.Group):
    """Maps newskg's named errors to a message on stderr and the error's exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except NewskgError as e:
            click.secho(f"error: {e}", fg="red", err=True)
            sys.exit(e.exit_code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newskg")
def main() -> None:
    """newskg: a knowledge graph of the news in Oxigraph, queried with SPARQL."""


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@STORE_OPTION
@click.option("--base", default=None, metavar="IRI", help="Base IRI of minted data IRIs [default: https://w3id.org/newskg/id/].")
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Processes running the NLP in parallel.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
def ingest(paths: tuple[Path, ...], store_path: str | None, base: str | None, workers: int, quiet: bool) -> None:
    """Read articles (JSONL, .txt, folders) into the store, one named graph per article.

    Bad records are reported with file and line and skipped; the rest still go in (exit 2).
    """
    from kg.pipeline import ingest as run_ingest
    from kg.store import open_store
    from kg.vocab import DEFAULT_BASE

    with open_store(store_path) as store:
        report = run_ingest(list(paths), store, base=base or DEFAULT_BASE, workers=workers, progress=not quiet)
    for bad in report.bad:
        click.secho(f"skipped {bad}", fg="yellow", err=True)
    for failed in report.failed:
        click.secho(f"error: {failed}", fg="red", err=True)
    click.echo(report.summary())
    if report.failed:
        sys.exit(1)
    if report.bad:
        sys.exit(2)


@main.command()
@click.argument("query")
@STORE_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "tsv", "json"]), default="table",
              show_default=True, help="Output format.")
@click.option("--max-width", default=60, show_default=True, help="Widest table column (table format).")
@click.option("--bind", "binds", multiple=True, metavar="NAME=VALUE",
              help="Bind ?NAME to a value (<iri>, 2020-01-03, 42 or text), never pasted into the query.")
def query(query: str, store_path: str | None, fmt: str, max_width: int, binds: tuple[str, ...]) -> None:
    """Run a SPARQL query (text or a .rq file) with the project's prefixes preloaded."""
    from kg.cli.output import parse_binding, render
    from kg.store import open_store

    path = Path(query)
    text = path.read_text(encoding="utf-8") if query.endswith(".rq") or (len(query) < 255 and path.is_file()) else query
    with open_store(store_path, read_only=_read_only(store_path)) as store:
        result = store.query(text, bindings=dict(parse_binding(b) for b in binds))
    click.echo(render(result, fmt, max_width=max_width), nl=False)


@main.command()
@STORE_OPTION
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def stats(store_path: str | None, fmt: str) -> None:
    """Counts: articles, actors by type, mentions, events, statements, triples, graphs."""
    import json

    from kg.stats import store_stats
    from kg.store import open_store

    with open_store(store_path, read_only=_read_only(store_path)) as store:
        counts = store_stats(store)
    if fmt == "json":
        click.echo(json.dumps(counts, indent=2))
        return
    width = max(len(k) for k in counts)
    for key, value in counts.items():
        click.echo(f"{key:<{width}}  {value:>9,}")


def _read_only(store_path: str | None) -> bool:
    """Reading commands open on-disk stores read-only (no lock taken, a missing folder is an error)."""
    return not (store_path and store_path.startswith(("http://", "https://")))


def _register_optional() -> None:
    """Commands that live in their own modules."""
    from kg.cli.evaluate import eval_command
    from kg.cli.lab import lab_command
    from kg.cli.publish import dump_command, publish_command, serve_command, validate_command

    main.add_command(eval_command, "eval")
    main.add_command(lab_command, "lab")
    for name, command in (("dump", dump_command), ("publish", publish_command),
                          ("validate", validate_command), ("serve", serve_command)):
        main.add_command(command, name)


_register_optional()
