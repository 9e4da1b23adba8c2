"""Readers beside a writer: an on-disk store is never read while another process writes it.

Oxigraph leaves reading a store that another process writes undefined, so newskg keeps them
apart with two things in the store folder:

- ``newskg-writer.lock``: the writer (``kg ingest``, any ``open_store(DIR)``) holds an
  exclusive ``flock`` on it while the store is open and writes its session id into it;
- ``newskg-snapshot/``: before writing, the writer makes a snapshot of the store with
  ``Store.backup`` (hard links: cheap on one file system), stamped with the session id.

A reader (``open_store(DIR, read_only=True)``: ``kg query``, ``kg stats``, the notebooks)
holds a shared lock on the same file during each query when no writer is there, and reads the
snapshot (the store as it was before the writer began) while a writer is there; a writer
waits for running queries to end (at most :data:`WRITER_WAIT` seconds) before it opens.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "store"
>>> writer = WriterLock(folder)
>>> WriterLock(folder, wait=0)
Traceback (most recent call last):
kg.errors.StoreLockedError: ...: another process holds the store (a writer, or queries still running after 0 s); try again when it ends
>>> writer.release()
"""

from __future__ import annotations

import fcntl
import os
import shutil
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg.errors import StoreError, StoreLockedError

LOCK_NAME = "newskg-writer.lock"
SNAPSHOT_NAME = "newskg-snapshot"
#: Seconds a writer waits for running queries, and a reader for the writer's snapshot.
WRITER_WAIT = 10.0
SNAPSHOT_WAIT = 120.0


def _try_lock(fd: int, mode: int) -> bool:
    try:
        fcntl.flock(fd, mode | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


class WriterLock:
    """The writer's exclusive lock on a store folder (created if missing), with its session id."""

    def __init__(self, folder: Path, *, wait: float = WRITER_WAIT) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.folder = folder
        self.fd = os.open(folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + wait
        while not _try_lock(self.fd, fcntl.LOCK_EX):
            if time.monotonic() > deadline:
                os.close(self.fd)
                raise StoreLockedError(f"{folder}: another process holds the store (a writer, or "
                                       f"queries still running after {wait:.0f} s); try again when it ends")
            time.sleep(0.05)
        self.session = f"{os.getpid()}-{time.time_ns()}"
        os.ftruncate(self.fd, 0)
        os.pwrite(self.fd, self.session.encode(), 0)

    def snapshot(self, backup: Callable[[str], None]) -> None:
        """Replace the snapshot with one made now by ``backup(target_folder)``."""
        old = self.folder / SNAPSHOT_NAME
        if old.exists():
            os.replace(old, self.folder / f"{SNAPSHOT_NAME}.old-{self.session}")
        _remove_unused(self.folder)
        fresh = self.folder / f"{SNAPSHOT_NAME}.new-{self.session}"
        backup(str(fresh))
        (fresh / "session").write_text(self.session, encoding="utf-8")
        os.replace(fresh, old)

    def release(self) -> None:
        """Unlock (call after the store is closed); drop the snapshot unless a reader uses it."""
        snap = self.folder / SNAPSHOT_NAME
        if snap.exists():
            os.replace(snap, self.folder / f"{SNAPSHOT_NAME}.old-{self.session}")
        _remove_unused(self.folder)
        os.close(self.fd)


def _remove_unused(folder: Path) -> None:
    """Remove old snapshots that no reader holds (a reader holds ``session`` with a shared lock)."""
    for old in folder.glob(f"{SNAPSHOT_NAME}.*"):
        try:
            fd = os.open(old / "session", os.O_RDONLY)
        except OSError:
            shutil.rmtree(old, ignore_errors=True)  # unfinished: its writer is gone
            continue
        try:
            if _try_lock(fd, fcntl.LOCK_EX):
                shutil.rmtree(old, ignore_errors=True)
        finally:
            os.close(fd)


class ReaderGuard:
    """Which store a reader may query now: the store itself, or the writer's snapshot.

    ``open_read_only(folder)`` opens a store read-only; :meth:`reading` hands out the one to
    query and keeps it safe until the query ends.
    """

    def __init__(self, folder: Path, open_read_only: Callable[[str], Any]) -> None:
        self.folder, self._open = folder, open_read_only
        self._main: Any = None
        self._main_session: str | None = None
        self._snap: tuple[str, Any, int] | None = None  # session, store, fd holding `session` shared
        self._closed = False

    def reading(self) -> "_Reading":
        return _Reading(self)

    def _acquire(self) -> tuple[Any, int | None]:
        if self._closed:
            raise StoreError(f"{self.folder}: the store was closed; open it again with kg.open_store")
        lock = self.folder / LOCK_NAME
        if not lock.exists():  # never written by a writer that locks: nobody writes it now
            return self._main_store(None), None
        fd = os.open(lock, os.O_RDONLY)
        if _try_lock(fd, fcntl.LOCK_SH):
            session = os.pread(fd, 200, 0).decode()
            return self._main_store(session), fd
        try:
            session = os.pread(fd, 200, 0).decode()
        finally:
            os.close(fd)
        return self._snapshot_store(session), None

    def _main_store(self, session: str | None) -> Any:
        self._drop_snapshot()
        if self._main is None or session != self._main_session:
            self._main = None  # written since it was opened: open it afresh
            self._main = self._open(str(self.folder))
            self._main_session = session
        return self._main

    def _snapshot_store(self, session: str) -> Any:
        if self._snap and self._snap[0] == session:
            return self._snap[1]
        self._main = None  # a writer writes it now: never touch it
        self._drop_snapshot()
        snap = self.folder / SNAPSHOT_NAME
        deadline = time.monotonic() + SNAPSHOT_WAIT
        while True:
            try:
                fd = os.open(snap / "session", os.O_RDONLY)
            except FileNotFoundError:
                fd = -1
            if fd >= 0:
                if os.pread(fd, 200, 0).decode() == session and _try_lock(fd, fcntl.LOCK_SH):
                    self._snap = (session, self._open(str(snap)), fd)
                    return self._snap[1]
                os.close(fd)
            if time.monotonic() > deadline:
                raise StoreLockedError(f"{self.folder}: a writer holds the store and its snapshot is not "
                                       "ready; query the endpoint (`kg serve`) or try again")
            time.sleep(0.1)

    def _drop_snapshot(self) -> None:
        if self._snap:
            _, store, fd = self._snap
            self._snap = None
            del store
            os.close(fd)

    def close(self) -> None:
        self._closed = True
        self._main = None
        self._drop_snapshot()


class _Reading:
    def __init__(self, guard: ReaderGuard) -> None:
        self.guard = guard
        self.fd: int | None = None

    def __enter__(self) -> Any:
        store, self.fd = self.guard._acquire()
        return store

    def __exit__(self, *exc: object) -> None:
        if self.fd is not None:
            os.close(self.fd)  # closing the descriptor releases the shared lock
