"""A read-only SPARQL 1.1 endpoint over an on-disk store, as a child process (``kg serve``).

The endpoint (:mod:`kg.store.endpoint`) binds to 127.0.0.1 unless told otherwise, answers
SPARQL queries at ``/query`` (the union of all graphs as the default graph, unless
``union=False``), refuses updates (403) and ``SERVICE`` (400, unless ``allow_service``), and
cancels queries that run past ``timeout_s`` (default 60 s) or whose client goes away.

While it serves, the store folder holds a marker ``.kg-served-PID``: writers refuse to open a
served store (:func:`check_not_served`), since the endpoint would go on serving an old
snapshot. Markers of processes that are gone are ignored.

>>> ReadOnlyServer("data/store", port=7878).url
'http://127.0.0.1:7878/query'
"""

from __future__ import annotations

import os
import selectors
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TextIO

from kg.atomic import pid_alive
from kg.errors import StoreError, StoreLockedError

__all__ = ["ReadOnlyServer", "free_port", "oxigraph_binary", "check_not_served", "served_marker",
           "DEFAULT_TIMEOUT_S"]

#: Seconds a query may run before the endpoint cancels it (``kg serve --timeout``).
DEFAULT_TIMEOUT_S = 60
_MARKER = ".kg-served-"


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


def serving_pids(location: str | os.PathLike[str]) -> list[int]:
    """Ids of live processes that serve the store folder (markers of dead ones are removed).

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / ".kg-served-999999999").touch()
    >>> serving_pids(folder), list(folder.iterdir())
    ([], [])
    """
    pids = []
    try:
        markers = [p for p in Path(location).iterdir() if p.name.startswith(_MARKER)]
    except OSError:
        return []
    for marker in markers:
        pid = marker.name[len(_MARKER):]
        if pid.isdigit() and pid_alive(int(pid)):
            pids.append(int(pid))
        else:
            marker.unlink(missing_ok=True)
    return sorted(pids)


def check_not_served(location: str | os.PathLike[str]) -> None:
    """Refuse to write a store that an endpoint serves.

    :raises StoreLockedError: a live ``kg serve`` process serves the folder.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> with served_marker(folder):
    ...     check_not_served(folder)
    Traceback (most recent call last):
    kg.errors.StoreLockedError: ...: the store is being served by `kg serve` (process ...); stop the endpoint before writing to it (it would go on serving the old contents)
    >>> check_not_served(folder)
    """
    pids = serving_pids(location)
    if pids:
        raise StoreLockedError(f"{location}: the store is being served by `kg serve` (process "
                               f"{', '.join(map(str, pids))}); stop the endpoint before writing to it "
                               "(it would go on serving the old contents)")


@contextmanager
def served_marker(location: str | os.PathLike[str]) -> Iterator[None]:
    """Mark the store folder as served by this process while the block runs (if the folder is writable)."""
    marker = Path(location) / f"{_MARKER}{os.getpid()}"
    try:
        marker.touch()
    except OSError:
        marker = None  # type: ignore[assignment]  # a read-only folder cannot be written either
    try:
        yield
    finally:
        if marker is not None:
            marker.unlink(missing_ok=True)


def _copy(source: IO[bytes], target: TextIO) -> None:
    """Pass the endpoint's messages on (and keep its stderr pipe from filling up)."""
    for line in source:
        target.write(line.decode("utf-8", "replace"))
        target.flush()


class ReadOnlyServer:
    """The endpoint process (``python -m kg.store.endpoint``) on a store folder, as a context manager.

    Stopping it (``stop``, the end of the ``with`` block, SIGTERM or SIGINT to ``kg serve``)
    stops its worker processes too; they also die if the endpoint process is killed.
    """

    def __init__(self, location: str | os.PathLike[str], *, bind: str = "127.0.0.1", port: int = 7878,
                 union: bool = True, timeout_s: float = DEFAULT_TIMEOUT_S, allow_service: bool = False,
                 workers: int = 2) -> None:
        text = str(location)
        if text.startswith(("http://", "https://")):
            raise StoreError(f"{text}: already a SPARQL endpoint; `kg serve` serves a store folder")
        self.location = Path(text)
        self.host, self.port, self.union, self.timeout_s = bind, port, union, timeout_s
        self.allow_service, self.workers = allow_service, workers
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
        """The command line that runs the endpoint."""
        cmd = [sys.executable, "-m", "kg.store.endpoint", "--location", str(self.location), "--bind", self.host,
               "--port", str(self.port), "--timeout", str(self.timeout_s), "--workers", str(self.workers)]
        if not self.union:
            cmd.append("--no-union")
        if self.allow_service:
            cmd.append("--allow-service")
        return cmd

    def start(self, *, wait_s: float = 60.0) -> "ReadOnlyServer":
        """Start the endpoint and wait until it listens.

        :raises StoreError: no store in the folder, the port is in use, or the endpoint exits
            or does not answer in time.
        """
        if not self.location.is_dir():
            raise StoreError(f"{self.location}: no store here (build one with `kg ingest PATH --store {self.location}`)")
        # Its own session: a Ctrl-C in the terminal reaches `kg serve`, which stops the endpoint.
        self.process = subprocess.Popen(self.command(), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                        stderr=subprocess.PIPE, start_new_session=True)
        line = self._first_line(wait_s)
        if line.startswith(b"ready "):
            threading.Thread(target=_copy, args=(self.process.stderr, sys.stderr), daemon=True).start()
            return self
        self.stop()
        err = self.process.stderr.read().decode("utf-8", "replace").strip() if self.process.stderr else ""
        if err:
            raise StoreError(f"{self.root}: the endpoint did not start: {err[-800:]}")
        raise StoreError(f"{self.root}: the endpoint did not answer within {wait_s:.0f} s")

    def _first_line(self, wait_s: float) -> bytes:
        assert self.process is not None and self.process.stdout is not None
        with selectors.DefaultSelector() as sel:
            sel.register(self.process.stdout, selectors.EVENT_READ)
            if not sel.select(timeout=wait_s):
                return b""
        return self.process.stdout.readline()

    def wait(self) -> int:
        """Block until the endpoint exits; its exit code."""
        assert self.process is not None, "start() the server first"
        return self.process.wait()

    def stop(self) -> None:
        """Stop the endpoint and its workers (SIGTERM, then SIGKILL after 10 s)."""
        if self.process is None:
            return
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()  # its workers die with it (PR_SET_PDEATHSIG)
                self.process.wait()
        if self.process.stdout is not None:
            self.process.stdout.close()

    def __enter__(self) -> "ReadOnlyServer":
        return self.start() if self.process is None else self

    def __exit__(self, *exc: object) -> None:
        self.stop()
