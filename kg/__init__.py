"""newskg: a knowledge graph of the news, grounded in the articles' words, stored in Oxigraph.

>>> import kg
>>> callable(kg.open_store) and callable(kg.ingest)
True
"""

__version__ = "0.1.0"

import kg.ingest as _reader  # noqa: E402,F401  (loaded first: the name `ingest` below is the function)
from kg.errors import NewskgError  # noqa: E402
from kg.store import KGStore, Rows, open_store  # noqa: E402


def ingest(paths, store, **options):  # type: ignore[no-untyped-def]
    """Ingest files or folders into a store (see :func:`kg.pipeline.ingest`)."""
    from kg.pipeline import ingest as _ingest

    return _ingest(paths, store, **options)


__all__ = ["KGStore", "NewskgError", "Rows", "__version__", "ingest", "open_store"]
