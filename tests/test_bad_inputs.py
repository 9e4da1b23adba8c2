"""The bad-input corpus (issue 14): every case of ``tests/bad_inputs/`` (and a few made at test
time that cannot be committed: links, sockets, pipes, an over-long line) ingested by one
parametrised test; each bad record is named by file, line and reason, the good ones go in.

The 5 MB article and the 200 MB line are made in tests/test_reliability.py (they are too big to
commit); files a user may not read are in the same module (they need a user who is not root).
"""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path

import pytest

from kg.pipeline import ingest
from kg.store import KGStore

CORPUS = Path(__file__).parent / "bad_inputs"
GOOD = b'{"id": "good", "text": "Heiko Maas met Mike Pompeo in Berlin."}\n'

#: case -> (line and reason of each bad record, ids written). Line None: the whole file.
EXPECTED: dict[str, tuple[list[tuple[int | None, str]], set[str]]] = {
    "bad-date.jsonl": ([(2, "field 'date': cannot read 'tomorrow' as a date")], {"good"}),
    "bom-first-line-only.jsonl": ([], {"bom", "bom2"}),
    "deep-nesting.jsonl": ([(2, "JSON nested too deeply")], {"good"}),
    "duplicate-id.jsonl": ([(2, "id 'good' was already read at")], {"good"}),  # line 3 repeats line 1: passes
    "empty-text.jsonl": ([(2, "field 'text' is empty")], {"good"}),
    "empty.txt": ([(None, "the file is empty")], set()),
    "invalid-json.jsonl": ([(2, "invalid JSON at column")], {"good"}),
    "lone-surrogate-text.jsonl": ([(2, "field 'text' holds a lone surrogate (\\ud800 at character 5)")], {"good"}),
    "lone-surrogate-title.jsonl": ([(2, "field 'title' holds a lone surrogate (\\udc00 at character 5)")], {"good"}),
    "missing-id.jsonl": ([(2, "missing field 'id'")], {"good"}),
    "missing-text.jsonl": ([(2, "missing field 'text'")], {"good"}),
    "not-an-object.jsonl": ([(2, "expected a JSON object, got list")], {"good"}),
    "not-utf8.jsonl": ([(2, "are not UTF-8")], {"good"}),
    "text-not-a-string.jsonl": ([(2, "field 'text' must be a string, not int")], {"good"}),
}


def _over_long_line(folder: Path) -> Path:
    from kg.read.articles import MAX_RECORD_BYTES

    path = folder / "over-long-line.jsonl"
    with path.open("wb") as out:
        out.write(b'{"id": "big", "text": "' + b"word " * (MAX_RECORD_BYTES // 5 + 1) + b'"}\n' + GOOD)
    return path


def _dangling_link(folder: Path) -> Path:
    (folder / "in").mkdir()
    (folder / "in" / "a.jsonl").write_bytes(GOOD)
    (folder / "in" / "gone.jsonl").symlink_to(folder / "nowhere.jsonl")
    return folder / "in"


def _socket(folder: Path) -> Path:
    (folder / "in").mkdir()
    (folder / "in" / "a.jsonl").write_bytes(GOOD)
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(folder / "in" / "sock.jsonl"))
    sock.close()  # the socket file stays
    return folder / "in"


def _fifo(folder: Path) -> Path:
    (folder / "in").mkdir()
    (folder / "in" / "a.jsonl").write_bytes(GOOD)
    os.mkfifo(folder / "in" / "pipe.txt")  # opening it would wait for a writer for ever
    return folder / "in"


MADE: dict[str, tuple[Callable[[Path], Path], list[tuple[int | None, str]], set[str]]] = {
    "over-long-line": (_over_long_line, [(1, "more than the 33,554,432 one record may have")], {"good"}),
    "dangling-link-in-folder": (_dangling_link, [(None, "cannot read it: No such file or directory")], {"good"}),
    "socket-in-folder": (_socket, [(None, "not a regular file")], {"good"}),
    "pipe-in-folder": (_fifo, [(None, "not a regular file")], {"good"}),
}


def test_every_corpus_file_has_an_expectation() -> None:
    assert sorted(p.name for p in CORPUS.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("case", [*EXPECTED, *MADE])
def test_bad_input(case: str, tmp_path: Path, store: KGStore) -> None:
    if case in EXPECTED:
        path, (bad, written) = CORPUS / case, EXPECTED[case]
    else:
        make, *expected = MADE[case]
        path, bad, written = make(tmp_path), *expected
    report = ingest([path], store)
    assert report.failed == []
    assert len(report.bad) == len(bad), [str(b) for b in report.bad]
    for record, (line, reason) in zip(report.bad, bad):
        assert record.line == line and reason in record.reason, str(record)
        assert str(record).startswith(str(path))  # the file is named
    ids = store.select("SELECT ?id WHERE { ?a a nkg:Article ; dct:identifier ?id }").column("id")
    assert set(map(str, ids)) == written
