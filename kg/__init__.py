"""newskg: a knowledge graph of the news, grounded in the articles' words, stored in Oxigraph.

>>> import kg
>>> callable(kg.open_store) and callable(kg.ingest)
True
"""

__version__ = "0.1.0"

from kg.errors import NewskgError  # noqa: E402  (the modules below read __version__)
from kg.pipeline import ingest  # noqa: E402
from kg.store import KGStore, Rows, open_store  # noqa: E402

__all__ = ["KGStore", "NewskgError", "Rows", "__version__", "ingest", "open_store"]
