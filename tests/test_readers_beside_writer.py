"""Readers beside a writer (issue 14.4): while `kg ingest` writes a store, readers read the
snapshot the writer made before it began, never the store being written; after it, the store."""

from __future__ import annotations

import fcntl
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from kg.store import open_store
from kg.store.guard import LOCK_NAME, SNAPSHOT_NAME

REPO = Path(__file__).resolve().parents[1]
KG = [sys.executable, "-m", "kg.cli"]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?a a nkg:Article }"


def _input(path: Path, ids: range) -> Path:
    texts = [json.loads(line)["text"] for line in (REPO / "data" / "articles.jsonl").open(encoding="utf-8")]
    path.write_text("".join(json.dumps({"id": f"a{i}", "text": texts[i % len(texts)]}) + "\n" for i in ids),
                    encoding="utf-8")
    return path


def _writer_holds(store: Path) -> bool:
    fd = os.open(store / LOCK_NAME, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        return False
    except BlockingIOError:
        return True
    finally:
        os.close(fd)


def test_readers_read_a_snapshot_while_kg_ingest_writes(tmp_path: Path) -> None:
    store = tmp_path / "store"
    done = subprocess.run([*KG, "ingest", str(_input(tmp_path / "first.jsonl", range(3))), "--store", str(store),
                           "-q"], capture_output=True, text=True, timeout=600, cwd=REPO)
    assert done.returncode == 0, done.stderr
    reader = open_store(store, read_only=True)  # as kg.notebook.connect opens it, before the writer
    assert reader.query(COUNT)[0]["n"] == 3  # type: ignore[index]

    writer = subprocess.Popen([*KG, "ingest", str(_input(tmp_path / "more.jsonl", range(3, 60))),
                               "--store", str(store), "-q"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                              cwd=REPO)
    seen_while_writing = []
    try:
        while writer.poll() is None and not _writer_holds(store):
            time.sleep(0.05)
        while writer.poll() is None:
            n = reader.query(COUNT)[0]["n"]  # type: ignore[index]
            stats = subprocess.run([*KG, "stats", "--store", str(store), "--format", "json"],
                                   capture_output=True, text=True, timeout=600, cwd=REPO)
            if _writer_holds(store):  # held before and after: both ran while the writer wrote
                seen_while_writing.append((n, stats.returncode, stats.stdout and json.loads(stats.stdout)["articles"]))
            time.sleep(0.2)
        out, err = writer.communicate(timeout=600)
    finally:
        if writer.poll() is None:
            writer.kill()
    assert writer.returncode == 0, err
    assert seen_while_writing and set(seen_while_writing) == {(3, 0, 3)}  # the snapshot: the store before the writer
    assert reader.query(COUNT)[0]["n"] == 60  # type: ignore[index]  (the writer is gone: the store itself)
    reader.close()
    open_store(store).close()  # the next writer removes the snapshot nobody reads any more
    assert not any(p.name.startswith(SNAPSHOT_NAME) for p in store.iterdir())


def test_a_writer_refuses_while_another_writes(tmp_path: Path) -> None:
    with open_store(tmp_path / "s"):
        done = subprocess.run([*KG, "ingest", str(_input(tmp_path / "in.jsonl", range(1))), "--store",
                               str(tmp_path / "s"), "-q"], capture_output=True, text=True, timeout=600, cwd=REPO)
    assert done.returncode == 3 and "open in another process" in done.stderr
