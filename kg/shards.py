"""Shards: the per-article analyses that ``kg extract`` writes and ``kg load`` reads.

A shard folder holds ``part-00000.jsonl.gz``, ``part-00001.jsonl.gz``, ... (gzip JSON Lines,
at most :data:`PART_SIZE` articles a part, in input order), written under a temporary name
and swapped in whole when the run ends (:func:`kg.atomic.atomic_folder`), so a killed run
leaves the old folder or none. Each line is one article::

    {"format": "newskg-shard/1", "kg": "0.1.0", "analysis": VALUE}

``VALUE`` is whatever :func:`kg.extract.analyse_doc` returned, written generically, so new
extraction fields and records travel without a change here: a dataclass of a ``kg.*`` module
is ``{"@type": "kg.model:Actor", "@id": N, "fields": {...}}`` (``@id`` on mutable ones only;
a later occurrence of the same object is ``{"@ref": N}``, so an actor shared by an event and
a statement stays one object), a dict ``{"@dict": {...}}`` (string keys) or ``{"@map":
[[key, value], ...]}``, a tuple, set or frozenset ``{"@tuple"|"@set"|"@frozenset": [...]}``
(sets sorted), a date or date-time ``{"@date"|"@datetime": "ISO"}``; JSON scalars and lists
as themselves. A part is read a line at a time (streamable with ``zcat``).

>>> from kg.model import Actor, Span
>>> a = Actor("Mike Pompeo", "Person", mentions=[Span(0, 6, "Pompeo")], aliases={"Pompeo"})
>>> b = decode(encode([a, a]))
>>> b[0] == a, b[0] is b[1]
(True, True)
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import importlib
import json
import os
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import Any

from kg import __version__
from kg.atomic import atomic_folder
from kg.errors import BadRecordError, InputError
from kg.model import Analysis

__all__ = ["FORMAT", "PART_SIZE", "decode", "encode", "read_shards", "shard_files", "write_shards"]

#: The format name written on every line.
FORMAT = "newskg-shard/1"
#: Articles per part file.
PART_SIZE = 1000
_PART = "part-{:05d}.jsonl.gz"


def encode(value: Any) -> Any:
    """A JSON-ready form of an extraction result (see the module docstring).

    :raises TypeError: a value of a type the format does not carry (named).
    """
    return _Encoder().enc(value)


def decode(value: Any) -> Any:
    """The value :func:`encode` was given, rebuilt (shared objects shared again).

    :raises ValueError: a malformed value, or a ``@type`` outside the ``kg`` package.
    """
    return _Decoder().dec(value)


class _Encoder:
    def __init__(self) -> None:
        self.ids: dict[int, int] = {}
        self.keep: list[Any] = []  # objects given an id stay alive, so ids are not reused

    def enc(self, v: Any) -> Any:
        if v is None or isinstance(v, (bool, int, float, str)):
            return v
        if dataclasses.is_dataclass(v) and not isinstance(v, type):
            return self._object(v)
        if isinstance(v, list):
            return [self.enc(x) for x in v]
        if isinstance(v, dict):
            if all(isinstance(k, str) for k in v):
                return {"@dict": {k: self.enc(x) for k, x in v.items()}}
            return {"@map": [[self.enc(k), self.enc(x)] for k, x in v.items()]}
        if isinstance(v, (set, frozenset)):
            items = sorted((self.enc(x) for x in v), key=lambda e: json.dumps(e, sort_keys=True))
            return {"@frozenset" if isinstance(v, frozenset) else "@set": items}
        if isinstance(v, tuple):
            return {"@tuple": [self.enc(x) for x in v]}
        if isinstance(v, dt.datetime):
            return {"@datetime": v.isoformat()}
        if isinstance(v, dt.date):
            return {"@date": v.isoformat()}
        if type(v).__module__ == "numpy" and hasattr(v, "item"):  # a model's score: its Python value
            return self.enc(v.item())
        raise TypeError(f"a shard cannot carry a {type(v).__module__}.{type(v).__qualname__} value")

    def _object(self, v: Any) -> Any:
        cls = type(v)
        frozen = cls.__dataclass_params__.frozen  # type: ignore[attr-defined]
        out: dict[str, Any] = {"@type": f"{cls.__module__}:{cls.__qualname__}"}
        if not frozen:
            if id(v) in self.ids:
                return {"@ref": self.ids[id(v)]}
            self.ids[id(v)] = out["@id"] = len(self.ids)
            self.keep.append(v)
        out["fields"] = {f.name: self.enc(getattr(v, f.name)) for f in dataclasses.fields(v)}
        return out


class _Decoder:
    def __init__(self) -> None:
        self.objects: dict[int, Any] = {}

    def dec(self, v: Any) -> Any:
        if isinstance(v, list):
            return [self.dec(x) for x in v]
        if not isinstance(v, dict):
            return v
        if "@type" in v:
            return self._object(v)
        if "@ref" in v:
            return self.objects[v["@ref"]]
        (tag, body), = v.items()
        if tag == "@dict":
            return {k: self.dec(x) for k, x in body.items()}
        if tag == "@map":
            return {self.dec(k): self.dec(x) for k, x in body}
        if tag == "@set":
            return {self.dec(x) for x in body}
        if tag == "@frozenset":
            return frozenset(self.dec(x) for x in body)
        if tag == "@tuple":
            return tuple(self.dec(x) for x in body)
        if tag == "@datetime":
            return dt.datetime.fromisoformat(body)
        if tag == "@date":
            return dt.date.fromisoformat(body)
        raise ValueError(f"unknown shard tag {tag!r}")

    def _object(self, v: dict[str, Any]) -> Any:
        cls, fields = _record_type(v["@type"])
        obj = object.__new__(cls)
        if "@id" in v:
            self.objects[v["@id"]] = obj
        given = v["fields"]
        for name, default, factory in fields:
            if name in given:
                value = self.dec(given[name])
            elif default is not dataclasses.MISSING:
                value = default
            elif factory is not dataclasses.MISSING:
                value = factory()
            else:
                raise ValueError(f"{v['@type']}: field {name!r} missing")
            object.__setattr__(obj, name, value)
        return obj


@lru_cache(maxsize=256)
def _record_type(name: str) -> tuple[type, tuple[tuple[str, Any, Any], ...]]:
    """The record class a ``@type`` names and its fields (name, default, default factory)."""
    module, _, qualname = name.partition(":")
    if module != "kg" and not module.startswith("kg."):
        raise ValueError(f"a shard may only hold kg records, not {name}")
    cls: Any = importlib.import_module(module)
    for part in qualname.split("."):
        cls = getattr(cls, part)
    if not dataclasses.is_dataclass(cls):
        raise ValueError(f"{name} is not a record")
    return cls, tuple((f.name, f.default, f.default_factory) for f in dataclasses.fields(cls))


def shard_line(analysis: Analysis) -> str:
    """One article's line of a part (without its newline).

    :raises TypeError: the analysis holds a value the format cannot carry.
    """
    return json.dumps({"format": FORMAT, "kg": __version__, "analysis": encode(analysis)},
                      ensure_ascii=False, separators=(",", ":"))


def write_shards(lines: Iterable[str], folder: str | os.PathLike[str], *, part_size: int = PART_SIZE) -> int:
    """Write shard lines (from :func:`shard_line`) as parts of ``folder``, which is replaced
    in one step at the end (an existing folder must hold only parts). Returns the line count.

    :raises OutputError: the folder's parent is missing or not writable, or ``folder`` holds
        other files.
    """
    count = 0
    with atomic_folder(folder, replaceable=_only_parts) as tmp:
        out = None
        try:
            for line in lines:
                if count % part_size == 0:
                    if out is not None:
                        out.close()
                    out = gzip.open(tmp / _PART.format(count // part_size), "wt", encoding="utf-8", compresslevel=3)
                out.write(line + "\n")
                count += 1
        finally:
            if out is not None:
                out.close()
    return count


def _only_parts(folder: Path) -> bool:
    return all(p.name.startswith("part-") and p.name.endswith(".jsonl.gz") for p in folder.iterdir())


def shard_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The part files of shard folders and files, sorted within each folder.

    :raises InputError: a path is missing, or a folder holds no part.
    """
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            parts = sorted(p.glob("part-*.jsonl.gz"))
            if not parts:
                raise InputError(f"{p}: no shard parts (part-*.jsonl.gz) here; write them with `kg extract -o {p}`")
            files += parts
        elif p.is_file():
            files.append(p)
        else:
            raise InputError(f"{p}: no such shard file or folder")
    return files


def read_shards(files: Iterable[Path]) -> Iterator[Analysis | BadRecordError]:
    """The analyses of part files, in order; a line that cannot be read is a
    :class:`BadRecordError` naming its file and line (the rest are still read).

    :raises InputError: a file is not gzip or cannot be read.
    """
    for path in files:
        try:
            with gzip.open(path, "rt", encoding="utf-8") as fh:
                for n, line in enumerate(fh, 1):
                    yield _analysis(line, path, n)
        except (OSError, EOFError, UnicodeDecodeError) as e:
            raise InputError(f"{path}: cannot read this shard part ({e})") from e


def _analysis(line: str, path: Path, n: int) -> Analysis | BadRecordError:
    try:
        data = json.loads(line)
        if data.get("format") != FORMAT:
            return BadRecordError(str(path), n, f"not a {FORMAT} line", hint="write shards with `kg extract`")
        analysis = decode(data["analysis"])
    except (ValueError, KeyError, TypeError, AttributeError, ImportError) as e:
        return BadRecordError(str(path), n, f"unreadable shard line ({type(e).__name__}: {e})")
    if not isinstance(analysis, Analysis):
        return BadRecordError(str(path), n, "the line holds no article analysis")
    return analysis


def count_lines(files: Iterable[Path]) -> int:
    """How many articles the part files hold (for a progress bar's total).

    :raises InputError: a file is not gzip or cannot be read.
    """
    try:
        total = 0
        for path in files:
            with gzip.open(path, "rb") as fh:
                total += sum(1 for _ in fh)
        return total
    except (OSError, EOFError) as e:
        raise InputError(f"cannot read a shard part ({e})") from e
