"""``kg lab``: build the default store from ``data/``, then open JupyterLab on the quickstart notebook.

It runs in the working folder, set up like the repository: the shipped notebooks are copied
to ``notebooks/`` and the sample articles to ``data/articles.jsonl`` when absent (existing
files are never overwritten), so it works in a checkout and after ``pip install newskg`` alike.

JupyterLab runs as a child in its own process group; SIGTERM, SIGINT and SIGHUP sent to
``kg lab`` are passed on to that group, so that ``kill PID`` stops JupyterLab and (through
its own shutdown) its kernels, and ``kg lab`` exits with JupyterLab's code.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from types import FrameType

import click

from kg.cli import STORE_OPTION
from kg.resources import resource

QUICKSTART = Path("notebooks") / "01-quickstart.ipynb"


@click.command("lab")
@click.option("--data", "data", default="data", show_default=True, type=click.Path(path_type=Path),
              help="Articles to ingest first (as `kg ingest DATA`); unchanged articles are skipped.")
@STORE_OPTION
@click.option("--no-browser", is_flag=True, help="Start the server without opening a browser (scripts, servers).")
@click.option("--allow-root", is_flag=True, help="Let JupyterLab run as root (implied when running as root).")
@click.option("--ip", default="127.0.0.1", show_default=True, help="Address JupyterLab listens on.")
@click.option("--port", default=None, type=int, help="Port of JupyterLab [default: 8888 or the next free one].")
@click.option("--no-ingest", is_flag=True, help="Open the existing store without ingesting first.")
def lab_command(data: Path, store_path: str, no_browser: bool, allow_root: bool, ip: str,
                port: int | None, no_ingest: bool) -> None:
    """Build the store from data/, then start JupyterLab on notebooks/01-quickstart.ipynb.

    Missing notebooks/ and data/articles.jsonl are first copied from the package.
    """
    from importlib.util import find_spec

    from kg.store import open_store

    if find_spec("jupyterlab") is None:
        raise click.ClickException("kg lab needs JupyterLab, which the core install leaves out: pip install 'newskg[lab]'")
    root = Path.cwd()
    for copied in set_up_folder(root, data=data):
        click.echo(f"copied {copied}")
    store = store_path
    if not no_ingest:
        from kg.cli import ingest_with_progress

        with open_store(store) as opened:
            ingest_with_progress([data], opened)
    cmd = [sys.executable, "-m", "jupyter", "lab", str(QUICKSTART),
           f"--ServerApp.root_dir={root}", f"--ServerApp.ip={ip}"]
    if port:
        cmd.append(f"--ServerApp.port={port}")
    if no_browser:
        cmd.append("--no-browser")
    if allow_root or (hasattr(os, "geteuid") and os.geteuid() == 0):
        cmd.append("--allow-root")
    env = {**os.environ, "NEWSKG_STORE": store}
    click.echo(f"store: {store}\nstarting: {' '.join(cmd)}")
    sys.exit(run_forwarding_signals(cmd, cwd=root, env=env))


def set_up_folder(root: Path, *, data: Path = Path("data")) -> list[Path]:
    """Copy the shipped notebooks into ``root/notebooks`` and, when ``root/data`` is absent, the
    sample articles into it; files already there are kept. Returns the files copied.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> [p.relative_to(root).as_posix() for p in set_up_folder(root)][-2:]
    ['notebooks/04-publish.ipynb', 'data/articles.jsonl']
    >>> set_up_folder(root)
    []
    """
    pairs = [(f"notebooks/{p.name}", root / "notebooks" / p.name)
             for p in resource("notebooks").iterdir() if p.name.endswith(".ipynb")]
    if not (root / data).exists():
        pairs.append(("sample/articles.jsonl", root / data / "articles.jsonl"))
    copied = []
    for name, target in sorted(pairs, key=lambda pair: (pair[0].startswith("sample"), pair[1])):
        if not target.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(resource(name).read_bytes())
            copied.append(target)
    return copied


#: The signals ``kg lab`` passes on to JupyterLab.
FORWARDED = tuple(s for s in (signal.SIGTERM, signal.SIGINT, getattr(signal, "SIGHUP", None)) if s is not None)


def run_forwarding_signals(cmd: list[str], *, cwd: Path, env: dict[str, str], grace_s: float = 20.0) -> int:
    """Run ``cmd`` in a new process group and return its exit code. A FORWARDED signal stops
    the group with SIGTERM (JupyterLab then shuts its kernels down; Ctrl-C does not stop at
    its "Shutdown this server?" question); a group still running ``grace_s`` seconds later is
    killed.

    >>> run_forwarding_signals([sys.executable, "-c", "raise SystemExit(3)"], cwd=Path("."), env=dict(os.environ))
    3
    """
    child = subprocess.Popen(cmd, cwd=cwd, env=env, start_new_session=True)
    deadline: list[float] = []

    def forward(signum: int, frame: FrameType | None) -> None:
        deadline.append(time.monotonic() + grace_s)
        try:
            os.killpg(child.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass

    previous = {s: signal.signal(s, forward) for s in FORWARDED}
    try:
        while True:
            try:
                return child.wait(timeout=0.5)
            except subprocess.TimeoutExpired:
                if deadline and time.monotonic() > deadline[0]:
                    os.killpg(child.pid, signal.SIGKILL)
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
