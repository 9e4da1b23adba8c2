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
import hashlib
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

    Inside a folder, an entry ingest should read but cannot (a subfolder it may not list, a
    ``.jsonl``/``.txt`` name that is no regular file: a dangling link, a pipe) stays in the list,
    so that :func:`read_articles` names it as a bad record instead of passing over it.

    :raises InputError: a path given does not exist, cannot be read, or has an ending ingest cannot read.
    """
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        try:
            if path.is_dir():
                os.scandir(path).close()
                files += sorted(_folder_entries(path))
                continue
            if path.exists() and not path.is_file():
                raise InputError(f"{path}: not a regular file (a pipe, socket or device?); give a .jsonl or .txt file")
            if path.is_file():
                if path.suffix.lower() not in SUFFIXES:
                    raise InputError(f"{path}: cannot read {path.suffix or 'files without an ending'} "
                                     f"(give .jsonl, one JSON article per line, or .txt, first line = title)")
                path.open("rb").close()
                files.append(path)
                continue
        except OSError as e:
            raise InputError(f"{path}: cannot read it: {e.strerror or e} (check that you may read it)") from e
        raise InputError(f"{path}: no such file or folder")
    return files


def _folder_entries(folder: Path) -> Iterator[Path]:
    """Readable-looking files under a folder, plus the entries that cannot be read (hidden ones skipped)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        yield folder  # cannot list it: read_articles names it
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            is_dir = False
        if is_dir:
            yield from _folder_entries(path)
        elif path.suffix.lower() in SUFFIXES:
            yield path
def count_records(files: Iterable[Path]) -> int:
    """How many records the files hold (lines of JSONL, one per .txt), for a progress bar."""
    total = 0
    for f in files:
        if f.suffix.lower() == ".jsonl" and f.is_file():
            try:
                with f.open("rb") as fh:
                    total += sum(1 for number, raw, _ in _lines(fh) if raw is None or raw.strip())
            except OSError:
                total += 1
        else:
            total += 1
    return total


def read_articles(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Record]:
    """Articles and bad records from files and folders, in order, streaming.

    A second record with an id already read and a different content is a bad record (the
    first one is kept); an exact repeat passes (writing it changes nothing).
    """
    seen: dict[str, tuple[bytes, str]] = {}
    for path in input_files(paths):
        for record in read_file(path):
            if isinstance(record, Article):
                record = _first_of_id(record, seen)
            yield record


def read_file(path: Path) -> Iterator[Record]:
    """The records of one file; a file or folder that cannot be read is one bad record.

    >>> import tempfile, pathlib
    >>> gone = pathlib.Path(tempfile.mkdtemp()) / "gone.txt"
    >>> gone.symlink_to("nowhere.txt")
    >>> print(next(read_file(gone)).reason)
    cannot read it: No such file or directory
    """
    try:
        if path.is_dir():
            os.scandir(path).close()  # raises the reason it could not be listed
            return
        if not path.is_file() and path.exists():
            yield BadRecordError(path, None, "not a regular file (a pipe, socket or device?)",
                                 "give a .jsonl or .txt file")
            return
        if path.suffix.lower() == ".jsonl":
            yield from read_jsonl(path)
        else:
            yield read_txt(path)
    except OSError as e:
        what = "list the folder" if path.is_dir() else "read it"
        yield BadRecordError(path, None, f"cannot {what}: {e.strerror or e}",
                             "check that it exists and that you may read it")


def _first_of_id(article: Article, seen: dict[str, tuple[bytes, str]]) -> Record:
    """The article, or a bad record when its id came before with a different content."""
    digest = hashlib.blake2b(repr((article.text, article.title, article.date, article.url,
                                   article.source)).encode("utf-8", "surrogatepass"), digest_size=8).digest()
    first = seen.setdefault(article.id, (digest, article.origin))
    if first[0] == digest:
        return article
    path, _, line = article.origin.rpartition(":")
    return BadRecordError(path if line.isdigit() else article.origin, int(line) if line.isdigit() else None,
                          f"id {article.id!r} was already read at {first[1]} with a different text or "
                          "metadata; the first one was kept", "give each article its own id")


#: The longest JSONL line read as a record; a longer one is skipped (and never held in memory).
MAX_RECORD_BYTES = 32 * 2**20
#: How much of an over-long line is read at a time while skipping it.
_SKIP_CHUNK = 2**20


def _lines(fh: Any, limit: int = MAX_RECORD_BYTES) -> Iterator[tuple[int, bytes | None, int]]:
    """``(line number, bytes or None when longer than limit, size)``, never holding more than
    ``limit`` bytes plus one chunk."""
    number = 0
    while raw := fh.readline(limit + 1):
        number += 1
        if len(raw) <= limit or raw.endswith(b"\n"):
            yield number, raw, len(raw)
            continue
        size = len(raw)
        del raw
        while chunk := fh.readline(_SKIP_CHUNK):
            size += len(chunk)
            if chunk.endswith(b"\n"):
                break
        yield number, None, size


def read_jsonl(path: Path) -> Iterator[Record]:
    """One record per non-blank line of a JSONL file; a line over :data:`MAX_RECORD_BYTES` is skipped."""
    with path.open("rb") as fh:
        for number, raw, size in _lines(fh):
            if raw is None:
                yield BadRecordError(path, number, f"the line is {size:,} bytes, more than the "
                                     f"{MAX_RECORD_BYTES:,} one record may have", "split the article")
                continue
            if not raw.strip():
                continue
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as e:
                yield BadRecordError(path, number, f"bytes {e.start}-{e.end} are not UTF-8",
                                     "save the file as UTF-8")
                continue
            del raw
            try:
                data = json.loads(line)
            except json.JSONDecodeError as e:
                yield BadRecordError(path, number, f"invalid JSON at column {e.colno}: {e.msg}",
                                     "each line must be one JSON object")
                continue
            except RecursionError:
                yield BadRecordError(path, number, "JSON nested too deeply", "each line must be one JSON object")
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
    for key in ("id", "text", "title", "url", "source", "publisher", "date"):
        if isinstance(data.get(key), str) and (at := _lone_surrogate(data[key])) is not None:
            return BadRecordError(path, line, f"field {key!r} holds a lone surrogate "
                                  f"(\\u{ord(data[key][at]):04x} at character {at}), which is not a character",
                                  "fix the \\u escape: an emoji needs both halves of its pair")
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


def _lone_surrogate(value: str) -> int | None:
    r"""Where a string holds a lone UTF-16 surrogate (JSON ``"\ud800"``), or None.

    >>> _lone_surrogate("ok \U0001F600"), _lone_surrogate("Lone \ud800 x")
    (None, 5)
    """
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as e:
        return e.start
    return None


def read_txt(path: Path) -> Record:
    """A ``.txt`` article: the whole file is the text, its first line the title, its stem the id."""
    if (size := path.stat().st_size) > MAX_RECORD_BYTES:
        return BadRecordError(path, None, f"the file is {size:,} bytes, more than the {MAX_RECORD_BYTES:,} "
                              "one article may have", "split the article")
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
