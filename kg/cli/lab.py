"""``kg lab``: build the default store from ``data/``, then open JupyterLab on the quickstart notebook."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import click

from kg.cli import STORE_OPTION

REPO = Path(__file__).resolve().parents[2]


@click.command("lab")
@click.option("--data", "data", default="data", show_default=True, type=click.Path(path_type=Path),
              help="Articles to ingest first (as `kg ingest DATA`); unchanged articles are skipped.")
@STORE_OPTION
@click.option("--no-browser", is_flag=True, help="Start the server without opening a browser (scripts, servers).")
@click.option("--allow-root", is_flag=True, help="Let JupyterLab run as root (implied when running as root).")
@click.option("--ip", default="127.0.0.1", show_default=True, help="Address JupyterLab listens on.")
@click.option("--port", default=None, type=int, help="Port of JupyterLab [default: 8888 or the next free one].")
@click.option("--no-ingest", is_flag=True, help="Open the existing store without ingesting first.")
def lab_command(data: Path, store_path: str | None, no_browser: bool, allow_root: bool, ip: str,
                port: int | None, no_ingest: bool) -> None:
    """Build the store from data/, then start JupyterLab on notebooks/01-quickstart.ipynb."""
    from kg.store import default_store_path, open_store

    remote = bool(store_path and store_path.startswith(("http://", "https://")))
    store = store_path if remote else str(Path(store_path or default_store_path()).resolve())
    if not no_ingest:
        from kg.pipeline import ingest
        from kg.vocab import DEFAULT_BASE

        with open_store(store) as opened:
            report = ingest([data], opened, base=DEFAULT_BASE, progress=True)
        for bad in report.bad:
            click.secho(f"skipped {bad}", fg="yellow", err=True)
        click.echo(report.summary())
    notebook = REPO / "notebooks" / "01-quickstart.ipynb"
    cmd = [sys.executable, "-m", "jupyter", "lab", str(notebook.relative_to(REPO)),
           f"--ServerApp.root_dir={REPO}", f"--ServerApp.ip={ip}"]
    if port:
        cmd.append(f"--ServerApp.port={port}")
    if no_browser:
        cmd.append("--no-browser")
    if allow_root or (hasattr(os, "geteuid") and os.geteuid() == 0):
        cmd.append("--allow-root")
    env = {**os.environ, "NEWSKG_STORE": store}
    click.echo(f"store: {store}\nstarting: {' '.join(cmd)}")
    sys.exit(subprocess.call(cmd, cwd=REPO, env=env))
