"""Read articles from JSONL files, ``.txt`` files and folders of them, one record at a time.

Each good record becomes an :class:`~kg.model.Article`; each bad one a
:class:`~kg.errors.BadRecordError` naming the file and line, yielded in its place so the
caller can report it and go on. Nothing is held in memory beyond the current record.

>>> import tempfile, pathlib
>>> p = pathlib.Path(tempfile.mkdtemp()) / "a.jsonl"
>>> _ = p.write_text('{"id": "a1", "text": "Pompeo spoke.", "date": "2020-01-03"}\\n{"id": "a2"}\\n')
>>> [type(r).__name__ for r in read_articles([p])]
['Article', 'BadRecordError']
"""

from __future__ import annotations

import datetime as dt
import email.utils
import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from kg.errors import BadRecordError, InputError
from kg.model import Article

#: File endings ingest reads; anything else in a folder is passed over.
SUFFIXES = (".jsonl", ".txt")

Record = Article | BadRecordError


def input_files(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The files to read: the paths given, folders expanded (recursively, sorted).

    :raises InputError: a path does not exist or has an ending ingest cannot read.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES
                            and not any(part.startswith(".") for part in p.relative_to(path).parts))
        elif path.is_file():
            if path.suffix.lower() not in SUFFIXES:
                raise InputError(f"{path}: cannot read {path.suffix or 'files without an ending'} "
                                 f"(give .jsonl, one JSON article per line, or .txt, first line = title)")
            files.append(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return files


def count_records(files: Iterable[Path]) -> int:
    """How many records the files hold (lines of JSONL, one per .txt), for a progress bar."""
    total = 0
    for f in files:
        if f.suffix.lower() == ".jsonl":
            with f.open("rb") as fh:
                total += sum(1 for line in fh if line.strip())
        else:
            total += 1
    return total


def read_articles(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Record]:
    """Articles and bad records from files and folders, in order, streaming."""
    for path in input_files(paths):
        if path.suffix.lower() == ".jsonl":
            yield from read_jsonl(path)
        else:
            yield read_txt(path)


def read_jsonl(path: Path) -> Iterator[Record]:
    """One record per non-blank line of a JSONL file."""
    with path.open("rb") as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as e:
                yield BadRecordError(path, number, f"bytes {e.start}-{e.end} are not UTF-8",
                                     "save the file as UTF-8")
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as e:
                yield BadRecordError(path, number, f"invalid JSON at column {e.colno}: {e.msg}",
                                     "each line must be one JSON object")
                continue
            yield article_from_dict(data, origin=f"{path}:{number}", path=path, line=number)


def article_from_dict(data: Any, *, origin: str, path: Path | str = "", line: int | None = None) -> Record:
    """Validate one JSON record: ``id`` and non-empty ``text`` required, the rest optional.

    >>> article_from_dict({"id": 7, "text": "Hi.", "date": "2020-01-03"}, origin="x").date
    datetime.date(2020, 1, 3)
    >>> str(article_from_dict({"id": "a", "text": " "}, origin="x", path="f.jsonl", line=2))
    "f.jsonl:2: field 'text' is empty (give the article's text)"
    """
    if not isinstance(data, dict):
        return BadRecordError(path, line, f"expected a JSON object, got {type(data).__name__}",
                              "each line must be one JSON object")
    ident = data.get("id")
    if ident is None or (isinstance(ident, str) and not ident.strip()) or isinstance(ident, (dict, list, bool)):
        return BadRecordError(path, line, "missing field 'id'", "give every record a unique 'id'")
    text = data.get("text")
    if not isinstance(text, str):
        return BadRecordError(path, line, "missing field 'text'" if text is None else
                              f"field 'text' must be a string, not {type(text).__name__}", "give the article's text")
    if not text.strip():
        return BadRecordError(path, line, "field 'text' is empty", "give the article's text")
    try:
        date = parse_date(data.get("date"))
    except ValueError as e:
        return BadRecordError(path, line, f"field 'date': {e}", "use ISO 8601, e.g. 2020-01-03")
    return Article(id=str(ident), text=text, title=_opt_str(data.get("title")), date=date,
                   url=_opt_str(data.get("url")),
                   source=_opt_str(data.get("source") or data.get("publisher")), origin=origin)


def read_txt(path: Path) -> Record:
    """A ``.txt`` article: the whole file is the text, its first line the title, its stem the id."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return BadRecordError(path, None, f"bytes {e.start}-{e.end} are not UTF-8", "save the file as UTF-8")
    if not text.strip():
        return BadRecordError(path, None, "the file is empty", "put the title on line 1, the text below")
    title = text.lstrip().splitlines()[0].strip()
    return Article(id=path.stem, text=text, title=title or None, origin=str(path))


def parse_date(value: Any) -> dt.date | dt.datetime | None:
    """A date from ISO 8601 (date or date-time), ``YYYY/MM/DD`` or RFC 2822; None for null.

    >>> parse_date("2020-01-03T10:00:00Z")
    datetime.datetime(2020, 1, 3, 10, 0, tzinfo=datetime.timezone.utc)
    >>> parse_date("Fri, 03 Jan 2020 10:00:00 +0000").date()
    datetime.date(2020, 1, 3)
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise ValueError(f"expected a date string, got {value!r}")
    text = value.strip()
    for attempt in (dt.date.fromisoformat, _iso_datetime, _slashed):
        try:
            return attempt(text)
        except ValueError:
            continue
    try:
        return email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        raise ValueError(f"cannot read {value!r} as a date") from None


def _iso_datetime(text: str) -> dt.datetime:
    if "T" not in text and " " not in text:
        raise ValueError(text)
    return dt.datetime.fromisoformat(text.replace("Z", "+00:00"))


def _slashed(text: str) -> dt.date:
    return dt.datetime.strptime(text, "%Y/%m/%d").date()


def _opt_str(value: Any) -> str | None:
    return str(value).strip() or None if value is not None else None
