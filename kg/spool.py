"""Analyses kept for the length of one run, compressed in a temporary file.

An ingest run may have to write an article again once the final identity is known (an early
"Locke" is Gary Locke). Its analysis does not depend on identity, so the run keeps it here
instead of analysing the stored text a second time; memory holds only offsets.

>>> from kg.model import Analysis, Article
>>> with AnalysisSpool() as spool:
...     spool.put("g1", Analysis(article=Article(id="a1", text="Hi."), actors=[], sentences=[], model="m"))
...     spool.get("g1").article.text, spool.get("g2")
('Hi.', None)
"""

from __future__ import annotations

import pickle
import tempfile
import zlib
from typing import Any

from kg.model import Analysis


class AnalysisSpool:
    """Analyses by article graph IRI, as they were before identity resolved their actors."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="newskg-spool-")
        self._at: dict[str, tuple[int, int]] = {}

    def put(self, graph: str, analysis: Analysis) -> None:
        """Keep a copy of ``analysis`` (later changes to it are not kept); a later put of the
        same graph replaces it."""
        data = zlib.compress(pickle.dumps(analysis, protocol=pickle.HIGHEST_PROTOCOL), 1)
        self._file.seek(0, 2)
        self._at[graph] = (self._file.tell(), len(data))
        self._file.write(data)

    def get(self, graph: str) -> Analysis | None:
        """A fresh copy of the analysis kept for ``graph``; None when there is none."""
        if (at := self._at.get(graph)) is None:
            return None
        self._file.seek(at[0])
        return pickle.loads(zlib.decompress(self._file.read(at[1])))

    def close(self) -> None:
        """Delete the file."""
        self._file.close()

    def __enter__(self) -> AnalysisSpool:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
