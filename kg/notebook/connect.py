"""The notebook's store connections: one read-only handle per location, shared by magic and widgets.

The default store follows the one rule of the CLI: ``$NEWSKG_STORE``, else ``data/store`` under
the working folder. A kernel runs in its notebook's folder, so ``kg lab`` sets ``$NEWSKG_STORE``.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp()) / "store"
>>> from kg.store import open_store
>>> open_store(folder).close()
>>> connect(folder) is connect(str(folder))
True
>>> forget(folder)
"""

from __future__ import annotations

import os
from pathlib import Path

from kg.store import KGStore, default_store_path, is_remote, open_store

_OPEN: dict[str, KGStore] = {}


def store_location(location: str | os.PathLike[str] | None = None) -> str:
    """Where :func:`connect` looks: the argument, else the default store (:func:`kg.store.default_store_path`).

    >>> store_location("http://127.0.0.1:7878/query")
    'http://127.0.0.1:7878/query'
    """
    loc = location if location is not None else default_store_path()
    return str(loc) if is_remote(loc) else str(Path(loc).resolve())


def connect(location: str | os.PathLike[str] | None = None) -> KGStore:
    """The store at a folder or endpoint URL, opened read-only once and then reused.

    :raises StoreError: the folder holds no store.
    """
    loc = store_location(location)
    if loc not in _OPEN:
        _OPEN[loc] = open_store(loc, read_only=True, create=False)
    return _OPEN[loc]


def forget(location: str | os.PathLike[str] | None = None) -> None:
    """Close and forget a connection (all of them when ``location`` is None)."""
    keys = list(_OPEN) if location is None else [store_location(location)]
    for key in keys:
        store = _OPEN.pop(key, None)
        if store is not None:
            store.close()

