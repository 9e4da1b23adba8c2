"""All-or-nothing output: files and folders are built under a temporary name beside their
target and renamed into place, so a reader (or a run killed with ``kill -9``) sees the old
content or the new one, never a mix.

Temporary names carry the writer's process id (``.NAME.kg-tmp-PID-HEX``); a later run
removes those whose process is gone (:func:`sweep_stale`), so leftovers of a killed run do
not pile up. Output paths are checked at the edge: a missing parent folder, a file where a
folder is expected and a folder that cannot be written raise :class:`OutputError`.

>>> import tempfile
>>> folder = Path(tempfile.mkdtemp())
>>> with atomic_file(folder / "a.txt") as out:
...     _ = out.write(b"new")
>>> (folder / "a.txt").read_bytes(), sorted(p.name for p in folder.iterdir())
(b'new', ['a.txt'])
>>> with atomic_file(folder / "a.txt") as out:
...     _ = out.write(b"half")
...     raise KeyError("interrupted")
Traceback (most recent call last):
KeyError: 'interrupted'
>>> (folder / "a.txt").read_bytes(), sorted(p.name for p in folder.iterdir())
(b'new', ['a.txt'])
"""

from __future__ import annotations

import ctypes
import errno
import os
import re
import secrets
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from kg.errors import OutputError

__all__ = ["atomic_file", "atomic_folder", "temp_folder", "temp_name", "sweep_stale", "output_folder", "pid_alive"]

_TAG = ".kg-tmp-"
_TEMP = re.compile(r"\.kg-tmp-(\d+)-[0-9a-f]+$")


def temp_name(name: str) -> str:
    """A hidden temporary name for ``name``, tagged with this process's id.

    >>> temp_name("newskg.nq").startswith(f".newskg.nq.kg-tmp-{os.getpid()}-")
    True
    """
    return f".{name}{_TAG}{os.getpid()}-{secrets.token_hex(4)}"


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists.

    >>> pid_alive(os.getpid()), pid_alive(999999999)
    (True, False)
    """
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def sweep_stale(folder: str | os.PathLike[str], *, prefix: str = ".") -> list[Path]:
    """Remove temporaries under ``folder`` (names starting ``prefix``) of processes that are gone.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / ".x.kg-tmp-999999999-ab").mkdir(); (folder / temp_name("y")).mkdir()
    >>> [p.name for p in sweep_stale(folder)], len(list(folder.iterdir()))
    (['.x.kg-tmp-999999999-ab'], 1)
    """
    removed = []
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(prefix) and _TAG in e.name]
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP.search(entry.name)
        if not match or pid_alive(int(match.group(1))):
            continue
        path = Path(entry.path)
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
        removed.append(path)
    return removed


def output_folder(folder: str | os.PathLike[str], *, target: str | os.PathLike[str]) -> Path:
    """``folder`` if it is an existing folder, else :class:`OutputError` naming ``target``.

    >>> output_folder("/nonexistent-kg/sub", target="/nonexistent-kg/sub/x.nq")
    Traceback (most recent call last):
    kg.errors.OutputError: /nonexistent-kg/sub/x.nq: the folder /nonexistent-kg/sub does not exist (create it first)
    """
    path = Path(folder)
    if path.is_dir():
        return path
    for up in [path, *path.parents]:
        if up.exists() and not up.is_dir():
            raise OutputError(f"{target}: {up} is a file, not a folder")
    raise OutputError(f"{target}: the folder {path} does not exist (create it first)")


def _cannot_write(target: Path, folder: Path, e: OSError) -> OutputError:
    return OutputError(f"{target}: cannot write in {folder} ({e.strerror or e}); choose a writable folder")


@contextmanager
def atomic_file(path: str | os.PathLike[str]) -> Iterator[IO[bytes]]:
    """A binary file written under a temporary name, renamed to ``path`` when the block ends.

    On an exception (or a kill) ``path`` keeps its old content; the temporary is removed.

    :raises OutputError: the folder is missing, is a file or cannot be written; ``path`` is a folder.
    """
    path = Path(path)
    folder = output_folder(path.parent, target=path)
    if path.is_dir():
        raise OutputError(f"{path}: is a folder; give a file name")
    sweep_stale(folder, prefix=f".{path.name}")
    tmp = folder / temp_name(path.name)
    try:  # made inside the try: a signal right after the file exists still removes it
        try:
            handle = tmp.open("xb")
        except OSError as e:
            raise _cannot_write(path, folder, e) from e
        with handle:
            if path.is_file():  # the new file keeps the old one's permissions
                os.chmod(tmp, stat.S_IMODE(path.stat().st_mode))
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


@contextmanager
def atomic_folder(path: str | os.PathLike[str], *, replaceable: Callable[[Path], bool]) -> Iterator[Path]:
    """A folder built under a temporary name beside ``path``, swapped in when the block ends.

    An existing ``path`` is exchanged with the new folder in one step (``renameat2``
    ``RENAME_EXCHANGE``), then removed; it must be empty or ``replaceable(path)``.

    :raises OutputError: the parent is missing or not writable; ``path`` is a file, or a
        non-empty folder that ``replaceable`` refuses.
    """
    path = Path(os.path.realpath(path)) if Path(path).is_symlink() else Path(path)  # swap the real folder
    parent = output_folder(path.parent, target=path)
    if path.exists() and not path.is_dir():
        raise OutputError(f"{path}: is a file; a folder is expected")
    if path.is_dir() and any(path.iterdir()) and not replaceable(path):
        raise OutputError(f"{path}: the folder holds other files and would be replaced; choose a new or empty folder")
    sweep_stale(parent, prefix=f".{path.name}")
    tmp = parent / temp_name(path.name)
    try:  # made inside the try: a signal right after the folder exists still removes it
        try:
            tmp.mkdir()
        except OSError as e:
            raise _cannot_write(path, parent, e) from e
        yield tmp
        if path.exists():
            _exchange(tmp, path)
            shutil.rmtree(tmp)
        else:
            os.rename(tmp, path)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


@contextmanager
def temp_folder(*, dir: str | os.PathLike[str] | None = None, prefix: str = "kg") -> Iterator[Path]:
    """A scratch folder (in ``dir`` or the system's), removed when the block ends.

    Its name carries this process's id: the next call removes those of killed processes.

    >>> with temp_folder(prefix="kg-sort") as scratch:
    ...     scratch.is_dir()
    True
    >>> scratch.exists()
    False
    """
    base = Path(dir) if dir is not None else Path(tempfile.gettempdir())
    sweep_stale(base, prefix=f".{prefix}")
    path = base / temp_name(prefix)
    try:  # made inside the try: a signal right after the folder exists still removes it
        try:
            path.mkdir()
        except OSError as e:
            raise OutputError(f"cannot make a temporary folder in {base} ({e.strerror or e}); "
                              "set TMPDIR to a writable folder") from e
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> None:
    """Swap two paths atomically (Linux ``renameat2``); two renames where that is missing."""
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is not None:
        if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
            return
        code = ctypes.get_errno()
        if code not in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
            raise OSError(code, os.strerror(code), str(b))
    # Fallback: a short moment where ``b`` is absent (never a mix of old and new).
    old = b.with_name(temp_name(b.name))
    os.rename(b, old)
    os.rename(a, b)
    os.rename(old, a)
