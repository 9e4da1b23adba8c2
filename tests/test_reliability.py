"""One bad record never costs the others (issue 14): each case named, the good records written."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from kg.cli import RECORDS_SKIPPED
from kg.read import read_articles
from kg.model import Article
from kg.pipeline import ingest, ingest_articles
from kg.store import KGStore, open_store

REPO = Path(__file__).resolve().parents[1]
KG = [sys.executable, "-m", "kg.cli"]
PARA = ('US Secretary of State Mike Pompeo met German Foreign Minister Heiko Maas in Berlin on Friday. '
        '"We will talk again," Maas said.')


def _jsonl(path: Path, records: list[dict | str]) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return path


def _good(n: int, start: int = 0) -> list[dict]:
    return [{"id": f"g{i}", "text": f"Heiko Maas met Mike Pompeo in Berlin on day {i}."} for i in range(start, start + n)]


def _articles(store: KGStore) -> set[str]:
    rows = store.query("SELECT ?id WHERE { ?a a nkg:Article ; dct:identifier ?id }")
    return {str(r["id"]) for r in rows}  # type: ignore[union-attr]


def _anchors_match(store: KGStore) -> int:
    """Every mention's anchor equals its slice of the article text; returns how many were checked."""
    rows = store.query("""SELECT ?t ?b ?e ?anchor WHERE { ?m a nkg:Mention ; nif:referenceContext ?ctx ;
        nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor . ?ctx nif:isString ?t }""")
    for r in rows:  # type: ignore[union-attr]
        assert r["t"][int(r["b"]):int(r["e"])] == r["anchor"]
    return len(rows)  # type: ignore[arg-type]


@pytest.mark.parametrize("field", ["text", "title"])
def test_a_lone_surrogate_skips_that_record_only(tmp_path: Path, store: KGStore, field: str) -> None:
    records: list[dict | str] = list(_good(40))
    bad = '{"id": "lone", "text": "Lone \\ud800 x"}' if field == "text" else \
        '{"id": "lone", "title": "Lone \\ud800 x", "text": "Heiko Maas spoke."}'
    records.insert(16, bad)
    report = ingest([_jsonl(tmp_path / "in.jsonl", records)], store)
    assert (report.written, len(report.bad), report.failed) == (40, 1, [])
    assert report.bad[0].line == 17 and f"field '{field}'" in report.bad[0].reason
    assert "surrogate" in str(report.bad[0]) and str(tmp_path / "in.jsonl") in str(report.bad[0])
    assert _articles(store) == {f"g{i}" for i in range(40)}


def test_a_5mb_article_is_analysed_in_pieces_with_offsets_kept(tmp_path: Path, store: KGStore) -> None:
    # 5 MB: a few real paragraphs far apart (white space between them keeps the parse quick)
    long_text = "".join(f"{PARA} ({i})\n\n" + "\n" * 999_000 for i in range(5))
    assert len(long_text) > 4_900_000
    src = _jsonl(tmp_path / "in.jsonl", [*_good(2), {"id": "long", "text": long_text}, *_good(2, start=2)])
    report = ingest([src], store)
    assert (report.written, report.bad, report.failed) == (5, [], [])
    assert _articles(store) == {"g0", "g1", "long", "g2", "g3"}
    assert _anchors_match(store) > 20
    far = store.query("""SELECT (MAX(?b) AS ?m) WHERE { ?x nif:beginIndex ?b ; nif:anchorOf ?a
                         FILTER(CONTAINS(?a, "Pompeo")) }""")
    assert far[0]["m"] > long_text.rindex(PARA)  # type: ignore[index]  (found in the last piece)


def test_unreadable_entries_in_a_folder_are_named_and_the_rest_read(tmp_path: Path, store: KGStore) -> None:
    # root reads any file whatever its mode, so these entries fail for everybody:
    _jsonl(tmp_path / "a.jsonl", _good(1))
    (tmp_path / "gone.jsonl").symlink_to(tmp_path / "nowhere.jsonl")  # a dangling link
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock.txt"))  # a socket: not a regular file, cannot be opened
    (tmp_path / "sub").mkdir()
    _jsonl(tmp_path / "sub" / "z.jsonl", _good(1, start=1))
    try:
        report = ingest([tmp_path], store)
    finally:
        sock.close()
    named = {Path(b.path).name: b.reason for b in report.bad}
    assert named.keys() == {"gone.jsonl", "sock.txt"}
    assert "cannot read" in named["gone.jsonl"] and "not a regular file" in named["sock.txt"]
    assert _articles(store) == {"g0", "g1"}


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("setpriv"), reason="needs root to switch to nobody")
def test_unreadable_file_and_subfolder_as_an_unprivileged_user() -> None:
    # chmod 000 stops only a user who is not root: run `kg ingest` as nobody (uid 65534), in a
    # folder of /tmp that nobody may enter (pytest's tmp_path is root's alone)
    work = Path(tempfile.mkdtemp(prefix="newskg-nobody-"))
    try:
        (work / "in" / "locked").mkdir(parents=True)
        _jsonl(work / "in" / "a.jsonl", _good(1))
        _jsonl(work / "in" / "b.jsonl", _good(1, start=1))
        _jsonl(work / "in" / "locked" / "c.jsonl", _good(1, start=2))
        (work / "in" / "b.jsonl").chmod(0)
        (work / "in" / "locked").chmod(0)
        for p in (work, work / "in"):
            p.chmod(0o777)
        (work / "in" / "a.jsonl").chmod(0o644)
        done = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *KG, "ingest",
                               str(work / "in"), "--store", str(work / "store"), "--quiet"], capture_output=True,
                              text=True, timeout=600, cwd=REPO, env={**os.environ, "HOME": str(work)})
    finally:
        shutil.rmtree(work)
    assert done.returncode == RECORDS_SKIPPED, done.stderr
    assert f"{work / 'in' / 'b.jsonl'}: cannot read it: Permission denied" in done.stderr
    assert f"{work / 'in' / 'locked'}: cannot list the folder: Permission denied" in done.stderr
    assert "1 articles (1 written" in done.stdout and "2 skipped" in done.stdout


def test_a_duplicate_id_with_another_text_is_named_and_the_first_kept(tmp_path: Path, store: KGStore) -> None:
    first = {"id": "same", "text": "Heiko Maas spoke in Berlin."}
    src = _jsonl(tmp_path / "in.jsonl", [first, *_good(1), first, {"id": "same", "text": "Mike Pompeo replied."}])
    report = ingest([src], store)
    assert [(b.line, b.reason) for b in report.bad] == [
        (4, f"id 'same' was already read at {src}:1 with a different text or metadata; the first one was kept")]
    assert (report.written, report.unchanged) == (2, 1)  # the exact repeat on line 3 changes nothing
    text = store.query('SELECT ?t WHERE { ?a dct:identifier "same" ; nif:isString ?t }')
    assert [r["t"] for r in text] == ["Heiko Maas spoke in Berlin."]  # type: ignore[union-attr]


def test_an_over_long_line_is_skipped_and_never_held(tmp_path: Path) -> None:
    from kg.read.articles import MAX_RECORD_BYTES

    src = tmp_path / "in.jsonl"
    with src.open("wb") as out:
        out.write(b'{"id": "a", "text": "Heiko Maas spoke."}\n{"id": "big", "text": "')
        out.write(b"x" * (MAX_RECORD_BYTES + 10) + b'"}\n{"id": "b", "text": "Mike Pompeo spoke."}\n')
    records = list(read_articles([src]))
    assert [r.id if isinstance(r, Article) else r.line for r in records] == ["a", 2, "b"]
    assert "more than the" in records[1].reason  # type: ignore[union-attr]


_PEAK = """
import resource, subprocess, sys
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode)
"""


def _peak_kib(tmp_path: Path, src: Path, name: str) -> tuple[int, int]:
    out = subprocess.run([sys.executable, "-c", _PEAK, *KG, "ingest", str(src), "--store", str(tmp_path / name),
                          "--quiet"], capture_output=True, text=True, timeout=600, cwd=REPO).stdout.split()
    return int(out[0]), int(out[1])


def test_memory_stays_flat_on_a_200mb_line(tmp_path: Path) -> None:
    """The README's "memory stays flat": peak RSS of `kg ingest` with and without a 200 MB line."""
    small = _jsonl(tmp_path / "small.jsonl", _good(2))
    huge = tmp_path / "huge.jsonl"
    with huge.open("wb") as out:
        out.write(small.read_bytes().splitlines(keepends=True)[0] + b'{"id": "big", "text": "')
        for _ in range(200):
            out.write(b"word " * 200_000)
        out.write(b'"}\n' + small.read_bytes().splitlines(keepends=True)[1])
    base_kib, base_code = _peak_kib(tmp_path, small, "s1")
    huge_kib, huge_code = _peak_kib(tmp_path, huge, "s2")
    assert (base_code, huge_code) == (0, RECORDS_SKIPPED)
    assert huge_kib - base_kib < 96 * 1024, (base_kib, huge_kib)  # the 200 MB line is never held


def test_a_failure_in_nlp_or_writing_names_the_article_and_the_run_goes_on(store: KGStore) -> None:
    """Records handed to the library directly (past the reader's checks) make spaCy and the
    store fail for real: a lone surrogate in the text stops spaCy, one in the title the writer."""
    records = [Article(id="g0", text="Heiko Maas spoke.", origin="x:1"),
               Article(id="nlp", text="Lone \ud800 x", origin="x:2"),
               Article(id="write", text="Mike Pompeo spoke.", title="Lone \ud800", origin="x:3"),
               Article(id="g1", text="Mike Pompeo replied.", origin="x:4")]
    report = ingest_articles(records, store)
    assert [(f.origin, f.stage) for f in report.failed] == [("x:2", "language analysis"), ("x:3", "writing")]
    assert all("left out" in str(f) for f in report.failed)
    assert _articles(store) == {"g0", "g1"}



@pytest.mark.parametrize(("case", "code"), [("good", 0), ("bad record", RECORDS_SKIPPED), ("store locked", 3)])
def test_kg_ingest_exit_codes(tmp_path: Path, case: str, code: int) -> None:
    """README, exit codes of `kg ingest`: 0 all in, 8 some records skipped (the rest in), 3 store locked."""
    records: list[dict | str] = [*_good(1), *([{"id": "no text"}] if case == "bad record" else [])]
    src = _jsonl(tmp_path / "in.jsonl", records)
    cmd = [*KG, "ingest", str(src), "--store", str(tmp_path / "store"), "-q"]
    if case == "store locked":
        with open_store(tmp_path / "store"):  # this process writes the store
            done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=REPO)
    else:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=REPO)
    assert done.returncode == code, done.stderr
    if code != 3:
        assert "1 articles (1 written" in done.stdout


def test_a_path_given_that_cannot_be_read_is_an_input_error(tmp_path: Path) -> None:
    """README, exit 2: a path given on the command line that cannot be read stops the run before
    anything is written (inside a folder the same entry is a skipped record, exit 8)."""
    from kg.errors import InputError
    from kg.read import input_files

    (tmp_path / "gone.jsonl").symlink_to(tmp_path / "nowhere.jsonl")
    os.mkfifo(tmp_path / "pipe.jsonl")
    with pytest.raises(InputError, match="no such file"):
        input_files([tmp_path / "gone.jsonl"])
    with pytest.raises(InputError, match="not a regular file"):
        input_files([tmp_path / "pipe.jsonl"])
    done = subprocess.run([*KG, "ingest", str(tmp_path / "pipe.jsonl"), "--store", str(tmp_path / "s")],
                          capture_output=True, text=True, timeout=600, cwd=REPO)
    assert done.returncode == 2 and "not a regular file" in done.stderr
