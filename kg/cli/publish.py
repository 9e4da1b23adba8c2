"""``kg dump``, ``kg publish``, ``kg validate``, ``kg serve``: publishing the graph."""

from __future__ import annotations

import signal
import sys
from pathlib import Path

import click

from kg.cli import STORE_OPTION


def _open(store_path: str):  # type: ignore[no-untyped-def]
    """Open the store for reading: existing folders read-only, so a writer may hold them."""
    from kg.cli import _read_only
    from kg.store import open_store

    return open_store(store_path, read_only=_read_only(store_path), create=False)


def _exit_on_sigterm() -> None:
    """``kill -TERM`` unwinds like Ctrl-C (exit 143): temporary files and folders are removed."""
    import tempfile

    tempfile.gettempdir()  # its first call probes the folder with a file; not under a signal
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


@click.command("dump")
@STORE_OPTION
@click.option("--format", "fmt", type=click.Choice(["nq", "nt", "trig", "ttl", "jsonld"]), default="nq",
              show_default=True, help="N-Quads, N-Triples, TriG, Turtle or JSON-LD (nt/ttl: union of the graphs).")
@click.option("--graph", default=None, metavar="IRI", help="Dump only this named graph.")
@click.option("--gzip", "compress", is_flag=True, help="Compress the output with gzip.")
@click.option("--no-text", is_flag=True, help="Leave out article texts (nif:isString, sentence texts).")
@click.option("-o", "--output", default="-", show_default=True, metavar="FILE", help="Output file ('-': stdout).")
def dump_command(store_path: str, fmt: str, graph: str | None, compress: bool, no_text: bool,
                 output: str) -> None:
    """Write a sorted, byte-stable dump of the store (or one graph)."""
    from kg.publish.dump import write_dump

    _exit_on_sigterm()
    with _open(store_path) as store:
        n = write_dump(store, output, format=fmt, graph=graph, compress=compress, no_text=no_text)
    if output != "-":
        click.echo(f"{n:,} statements -> {output}", err=True)


@click.command("publish")
@click.argument("outdir", type=click.Path(file_okay=False, path_type=Path))
@STORE_OPTION
@click.option("--no-text", is_flag=True, help="Leave out article full texts (copyright); keep mention offsets and anchors.")
@click.option("--license", "license_iri", default="https://creativecommons.org/licenses/by/4.0/", show_default=True,
              metavar="IRI", help="Licence of the release.")
@click.option("--release-version", "version", default=None, metavar="V",
              help="Version of the release [default: newskg's version].")
@click.option("--publisher", default="newskg", show_default=True, help="Name of the publisher.")
@click.option("--title", default=None, help="Title of the dataset.")
@click.option("--base-url", default="", metavar="URL", help="Where OUTDIR will be served (download URLs); default: relative.")
@click.option("--force", is_flag=True, help="Publish despite SHACL violations (recorded in void.ttl).")
def publish_command(outdir: Path, store_path: str, no_text: bool, license_iri: str, version: str | None,
                    publisher: str, title: str | None, base_url: str, force: bool) -> None:
    """Write a release folder: dumps, void.ttl (VoID + DCAT), ontology, docs, SHACL report."""
    from kg import __version__
    from kg.publish.release import publish

    extra = {"title": title} if title else {}
    _exit_on_sigterm()
    with _open(store_path) as store:
        release = publish(store, outdir, no_text=no_text, license=license_iri, version=version or __version__,
                          force=force, publisher=publisher, base_url=base_url, **extra)
    click.echo(release.table())
    if not release.validation.conforms:
        click.secho(f"published with {len(release.validation.violations)} SHACL violations (--force); "
                    f"see {outdir / 'shacl-report.ttl'}", fg="yellow", err=True)
    click.echo(f"{release.counts.triples:,} statements in {release.counts.graphs} graphs -> {outdir}")


@click.command("validate")
@STORE_OPTION
@click.option("--report", "report_path", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write the SHACL report (Turtle) to this file.")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(min=1), help="Results shown.")
def validate_command(store_path: str, report_path: Path | None, limit: int) -> None:
    """Check the store against the SHACL shapes; exit 6 on violations."""
    from kg.errors import ValidationFailed
    from kg.publish.validate import validate

    with _open(store_path) as store:
        result = validate(store)
    if report_path:
        from kg.atomic import atomic_file

        with atomic_file(report_path) as out:
            out.write(result.report_turtle.encode("utf-8"))
    click.secho(result.text(limit=limit), fg=None if result.conforms else "red")
    if not result.conforms:
        sys.exit(ValidationFailed.exit_code)


@click.command("serve")
@STORE_OPTION
@click.option("--port", default=7878, show_default=True, type=click.IntRange(1, 65535), help="TCP port.")
@click.option("--bind", default="127.0.0.1", show_default=True, metavar="HOST",
              help="Address to listen on (0.0.0.0 exposes the endpoint to the network).")
@click.option("--no-union", is_flag=True, help="Default graph = the empty default graph, not the union of all graphs.")
@click.option("--timeout", "timeout_s", default=60, show_default=True, type=click.FloatRange(min=0, min_open=True),
              metavar="SECONDS", help="Cancel a query that runs longer (HTTP 503); its CPU is freed at once.")
@click.option("--allow-service", is_flag=True,
              help="Let queries use SERVICE (federated queries: the endpoint then sends requests to other servers).")
def serve_command(store_path: str, port: int, bind: str, no_union: bool, timeout_s: float,
                  allow_service: bool) -> None:
    """Serve the store as a read-only SPARQL 1.1 endpoint; Ctrl-C (or kill -TERM) stops it and its workers.

    Updates are refused (403), SERVICE too (400) unless --allow-service; errors are HTTP errors.
    While it runs, `kg ingest` into the store is refused.
    """
    from kg.store.server import ReadOnlyServer

    server = ReadOnlyServer(store_path, bind=bind, port=port, union=not no_union,
                            timeout_s=timeout_s, allow_service=allow_service)
    _exit_on_sigterm()
    try:  # Ctrl-C (or kill -TERM) while starting or right after the URL is printed stops cleanly too
        server.start()
        click.echo(f"SPARQL endpoint (read-only): {server.url}")
        click.echo(f"query form: {server.root}   timeout: {timeout_s:g} s   stop: Ctrl-C")
        code = server.wait()
    except (KeyboardInterrupt, SystemExit):
        code = 0
    finally:
        server.stop()
    click.echo("stopped", err=True)
    if code not in (0, -2, -15):
        sys.exit(code)
