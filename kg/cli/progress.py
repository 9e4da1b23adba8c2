"""The ingest progress bar: drawn by the CLI only, on stderr, and only when stderr is a terminal.

The library takes an optional callback (``progress=``) that it calls with the number of
records done since the last call; :class:`ProgressBar` is such a callback.

>>> with ProgressBar(total=2, enabled=False) as bar:
...     bar(2)
"""

from __future__ import annotations

import sys
from typing import Any


class ProgressBar:
    """A tqdm bar of articles; nothing is drawn when disabled or when stderr is not a terminal."""

    def __init__(self, *, total: int | None = None, enabled: bool = True, desc: str = "ingest") -> None:
        self._bar: Any = None
        if enabled and sys.stderr.isatty():
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="article", desc=desc, dynamic_ncols=True, file=sys.stderr)

    def __call__(self, done: int) -> None:
        if self._bar is not None:
            self._bar.update(done)

    def set_total(self, total: int) -> None:
        """Size the bar once the number of records is known."""
        if self._bar is not None:
            self._bar.total = total
            self._bar.refresh()

    def __enter__(self) -> "ProgressBar":
        return self

    def __exit__(self, *exc: object) -> None:
        if self._bar is not None:
            self._bar.close()
