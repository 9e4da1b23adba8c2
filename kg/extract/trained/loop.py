"""What the training commands share: reading a corpus of JSON Lines records, the epoch loop
over batches of about as many words, and writing the weights.

>>> import random
>>> [len(b) for b in batches_by_words([[1] * 3] * 5, random.Random(0), words=6, length=len)]
[2, 2, 1]
"""

from __future__ import annotations

import json
import random
import shutil
import time
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


def fit(nlp: Any, examples: list[Any], optimizer: Any, rng: random.Random, *, epochs: int, words: int,
        dropout: float, component: str, started: float, max_minutes: float, log: Callable[[str], None],
        after_epoch: Callable[[], None] | None = None, after_batch: Callable[[], None] | None = None) -> int:
    """Update ``nlp`` on ``examples`` for ``epochs`` epochs, logging each epoch's loss of
    ``component``; stops after the epoch that ends past ``max_minutes`` since ``started``
    (``time.monotonic()``). ``after_batch`` runs after each update (the attribution command
    decays its learning rate there). Returns the number of epochs run."""
    log(f"training on {environment()}")
    done = 0
    for epoch in range(epochs):
        losses: dict[str, float] = {}
        for batch in batches_by_words(examples, rng, words=words):
            nlp.update(batch, sgd=optimizer, drop=dropout, losses=losses)
            if after_batch is not None:
                after_batch()
        done = epoch + 1
        minutes = (time.monotonic() - started) / 60
        log(f"epoch {done}/{epochs}: loss {losses.get(component, 0.0):.1f}, {minutes:.1f} min")
        if after_epoch is not None:
            after_epoch()
        if minutes > max_minutes:
            log(f"stopped after {done} epochs: over {max_minutes} minutes (weights not the reproducible ones)")
            break
    return done


def environment() -> str:
    """The libraries and the processor the weights' floating-point sums depend on: the same
    command writes other bytes on another processor (BLIS picks its kernels by the CPU's
    instruction set) or with other library versions.

    >>> environment().startswith("Python ")
    True
    """
    import platform
    from importlib.metadata import PackageNotFoundError, version

    def v(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "-"

    try:
        lines = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        lines = []
    field = {k.strip(): v.strip() for k, _, v in (line.partition(":") for line in lines) if k.strip() in ("model name", "flags")}
    cpu = field.get("model name") or platform.processor() or platform.machine()
    flags = set(field.get("flags", "").split())
    simd = next((f for f in ("avx512f", "avx2", "avx", "sse4_2") if f in flags), "")
    libraries = ", ".join(f"{name} {v(name)}" for name in ("spacy", "thinc", "numpy", "blis"))
    return f"Python {platform.python_version()}, {libraries}; CPU {cpu}{' (' + simd + ')' if simd else ''}"


def write_weights(nlp: Any, target: Path) -> None:
    """``nlp`` saved to ``target``, replacing the files of an earlier save (and only those)."""
    target.mkdir(parents=True, exist_ok=True)
    for part in nlp.pipe_names + ["meta.json", "config.cfg", "vocab", "tokenizer"]:
        path = target / part
        shutil.rmtree(path) if path.is_dir() else path.unlink(missing_ok=True)
    nlp.to_disk(target)
