"""The notebook's store connections: one read-only handle per location, shared by magic and widgets.

A notebook's kernel runs in the notebook's folder, so the default store is looked up as
``$NEWSKG_STORE``, else ``data/store`` here or in a parent folder (the repository's).

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

from kg.errors import StoreError
from kg.store import KGStore, open_store

_OPEN: dict[str, KGStore] = {}


def store_location(location: str | os.PathLike[str] | None = None) -> str:
    """Where :func:`connect` looks: the argument, ``$NEWSKG_STORE``, or ``data/store`` here or above.

    :raises StoreError: no location given and no store found.
    """
    if location is not None:
        loc = str(location)
        return loc if loc.startswith(("http://", "https://")) else str(Path(loc).resolve())
    if os.environ.get("NEWSKG_STORE"):
        return str(Path(os.environ["NEWSKG_STORE"]).resolve())
    here = Path.cwd().resolve()
    for folder in (here, *here.parents):
        if (folder / "data" / "store").is_dir():
            return str(folder / "data" / "store")
    raise StoreError("no store found: build one with `kg ingest data/` (or `kg lab`), "
                     "or set NEWSKG_STORE to its folder")


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


def example_queries() -> dict[str, str]:
    """The example queries of ``ontology/queries/``: file stem -> SPARQL text, sorted by name.

    >>> "actors-in-most-articles" in example_queries()
    True
    """
    folder = Path(__file__).resolve().parents[2] / "ontology" / "queries"
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.rq"))}
