"""What the training commands share: reading a corpus of JSON Lines records, and batches of
about as many words.

>>> import random
>>> [len(b) for b in batches_by_words([[1] * 3] * 5, random.Random(0), words=6, length=len)]
[2, 2, 1]
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kg.errors import InputError


def read_records(path: Path, convert: Callable[[dict[str, Any]], dict[str, Any] | None], *,
                 limit: int | None = None, shape: str, hint: str) -> list[dict[str, Any]]:
    """``convert`` of each record of a JSONL file (None skips one), at most ``limit`` of them.

    :raises InputError: the file is missing (``hint`` says what to pass) or a line is not a
        record of ``shape`` (naming the file and line).
    """
    if not path.is_file():
        raise InputError(f"{path}: no such file ({hint})")
    records = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if limit is not None and len(records) >= limit:
                break
            if not line.strip():
                continue
            try:
                record = convert(json.loads(line))
            except (json.JSONDecodeError, KeyError, TypeError, ValueError) as exc:
                raise InputError(f"{path}:{number}: not {shape} ({exc})") from exc
            if record is not None:
                records.append(record)
    return records


def batches_by_words(items: list[Any], rng: random.Random, *, words: int,
                     length: Callable[[Any], int] = lambda eg: len(eg.predicted)) -> Iterator[list[Any]]:
    """``items`` shuffled by ``rng``, in batches of at least ``words`` words (the last: the rest)."""
    order = list(items)
    rng.shuffle(order)
    batch: list[Any] = []
    count = 0
    for item in order:
        batch.append(item)
        count += length(item)
        if count >= words:
            yield batch
            batch, count = [], 0
    if batch:
        yield batch
