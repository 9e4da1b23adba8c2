"""A read-only SPARQL 1.1 endpoint over an on-disk store: the ``oxigraph serve-read-only`` binary.

The binary comes with the ``oxigraph`` Python package (installed with newskg). The server
binds to 127.0.0.1 unless told otherwise, answers SPARQL queries at ``/query`` (the union of
all graphs as the default graph, unless ``union=False``) and refuses updates.

>>> ReadOnlyServer("data/store", port=7878).url
'http://127.0.0.1:7878/query'
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

from kg.errors import StoreError

__all__ = ["ReadOnlyServer", "free_port", "oxigraph_binary"]


def oxigraph_binary() -> str:
    """The path of the ``oxigraph`` command (from the ``oxigraph`` PyPI package).

    :raises StoreError: the command is not installed.

    >>> Path(oxigraph_binary()).name
    'oxigraph'
    """
    beside = Path(sys.executable).parent / "oxigraph"
    found = str(beside) if beside.is_file() else shutil.which("oxigraph")
    if not found:
        raise StoreError("the `oxigraph` command is missing: pip install oxigraph")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free on ``host`` right now.

    >>> 0 < free_port() < 65536
    True
    """
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


class ReadOnlyServer:
    """``oxigraph serve-read-only`` on a store folder, as a context manager.

    Do not write to the store while it is served (Oxigraph does not support a writer and a
    read-only server on one folder at the same time).
    """

    def __init__(self, location: str | os.PathLike[str], *, bind: str = "127.0.0.1", port: int = 7878,
                 union: bool = True, timeout_s: int | None = None) -> None:
        text = str(location)
        if text.startswith(("http://", "https://")):
            raise StoreError(f"{text}: already a SPARQL endpoint; `kg serve` serves a store folder")
        self.location = Path(text)
        self.host, self.port, self.union, self.timeout_s = bind, port, union, timeout_s
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def root(self) -> str:
        """The server's base URL (a query form for browsers)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    @property
    def url(self) -> str:
        """The SPARQL query endpoint."""
        return self.root + "query"

    def command(self) -> list[str]:
        """The command line that runs the server."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        cmd = [oxigraph_binary(), "serve-read-only", "--location", str(self.location), "--bind", f"{host}:{self.port}"]
        if self.union:
            cmd.append("--union-default-graph")
        if self.timeout_s:
            cmd += ["--timeout-s", str(self.timeout_s)]
        return cmd

    def start(self, *, wait_s: float = 20.0) -> "ReadOnlyServer":
        """Start the server and wait until it accepts connections.

        :raises StoreError: no store in the folder, or the server exits or does not answer in time.
        """
        if not self.location.is_dir():
            raise StoreError(f"{self.location}: no store here (build one with `kg ingest PATH --store {self.location}`)")
        self.process = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.PIPE)
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                err = self.process.stderr.read().decode("utf-8", "replace") if self.process.stderr else ""
                raise StoreError(f"oxigraph serve-read-only exited ({self.process.returncode}): {err.strip()[:500]}")
            try:
                with socket.create_connection((self.host, self.port), timeout=0.2):
                    return self
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise StoreError(f"{self.root}: the server did not answer within {wait_s:.0f} s")

    def wait(self) -> int:
        """Block until the server exits; its exit code."""
        assert self.process is not None, "start() the server first"
        return self.process.wait()

    def stop(self) -> None:
        """Stop the server (terminate, then kill after 5 s)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        if self.process.stderr:
            self.process.stderr.close()

    def __enter__(self) -> "ReadOnlyServer":
        return self.start() if self.process is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()
