"""Reading inputs: JSONL, .txt, folders; bad records reported with file and line, the rest in."""

from __future__ import annotations

import datetime as dt
import os
import sys
import threading
from pathlib import Path

import pytest

from kg.errors import BadRecordError, InputError
from kg.read import read_articles
from kg.model import Article
from kg.pipeline import ingest
from kg.store import KGStore

from conftest import DATA, corpus


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_bad_records_are_named_and_skipped(tmp_path: Path) -> None:
    f = _write(tmp_path / "mixed.jsonl", b"\n".join([
        b'{"id": "ok1", "text": "Heiko Maas spoke.", "date": "2020-01-03"}',
        b'{"id": "broken", "text": ',                      # 2 invalid JSON
        b'{"text": "No id here."}',                         # 3 missing id
        b'{"id": "t", "title": "no text"}',                 # 4 missing text
        b'{"id": "e", "text": "   "}',                      # 5 empty text
        b'{"id": "u", "text": "caf\xe9"}',                  # 6 not UTF-8
        b'{"id": "d", "text": "Hi.", "date": "tomorrow"}',  # 7 bad date
        b'',
        b'{"id": "ok2", "text": "Yang Jiechi replied.", "unknown": [1, 2]}',
    ]))
    records = list(read_articles([f]))
    good = [r for r in records if isinstance(r, Article)]
    bad = [r for r in records if isinstance(r, BadRecordError)]
    assert [a.id for a in good] == ["ok1", "ok2"]
    assert good[0].date == dt.date(2020, 1, 3)
    assert [b.line for b in bad] == [2, 3, 4, 5, 6, 7]
    reasons = [b.reason for b in bad]
    assert "invalid JSON" in reasons[0] and "'id'" in reasons[1] and "'text'" in reasons[2]
    assert "empty" in reasons[3] and "UTF-8" in reasons[4] and "date" in reasons[5]
    assert all(str(f) in str(b) for b in bad)


def test_txt_first_line_is_title_and_folders_are_read(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "story.txt").write_text("Maas visits Paris\n\nHeiko Maas visited Paris.\n")
    (tmp_path / "notes.md").write_text("ignored")
    (tmp_path / "a.jsonl").write_text('{"id": "j1", "text": "Text."}\n')
    records = list(read_articles([tmp_path]))
    assert [r.id for r in records] == ["j1", "story"]
    assert records[1].title == "Maas visits Paris" and records[1].text.startswith("Maas visits")


def test_missing_path_and_unknown_kind_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_articles([tmp_path / "nope.jsonl"]))
    (tmp_path / "x.csv").write_text("a,b")
    with pytest.raises(InputError, match=r"\.csv"):
        list(read_articles([tmp_path / "x.csv"]))


def test_good_records_go_in_despite_bad_ones(tmp_path: Path, store: KGStore) -> None:
    f = _write(tmp_path / "a.jsonl", b'{"id": "a", "text": "Heiko Maas spoke."}\n{"id": \n')
    report = ingest([f], store)
    assert (report.articles, report.written, len(report.bad)) == (1, 1, 1)
    assert store.query("ASK { ?a dct:identifier 'a' }") is True


def _dump(store: KGStore) -> list[tuple[str, str, str, str]]:
    return sorted(store.quads())


def test_reingest_is_idempotent_and_replaces_changed_articles(tmp_path: Path, store: KGStore) -> None:
    f = tmp_path / "a.jsonl"
    f.write_text('{"id": "a", "text": "Mike Pompeo called Heiko Maas."}\n{"id": "b", "text": "Heiko Maas met Dominic Raab."}\n')
    first = ingest([f], store)
    before = _dump(store)
    again = ingest([f], store)
    assert (first.written, again.written, again.unchanged) == (2, 0, 2)
    assert _dump(store) == before  # byte-identical, PROV times included

    f.write_text('{"id": "a", "text": "Yang Jiechi called Heiko Maas."}\n{"id": "b", "text": "Heiko Maas met Dominic Raab."}\n')
    third = ingest([f], store)
    assert (third.written, third.unchanged) == (1, 1)
    labels = {r["l"] for r in store.query("SELECT ?l WHERE { GRAPH ?g { ?x rdfs:label ?l ; gaf:denotedBy ?m } }")}
    shared = {r["l"] for r in store.query(
        "SELECT ?l WHERE { GRAPH <https://w3id.org/newskg/id/graph/actors> { ?x rdfs:label ?l } }")}
    assert "Mike Pompeo" not in shared and {"Yang Jiechi", "Heiko Maas", "Dominic Raab"} <= shared
    assert not labels  # labels of actors live in the shared graph, not in article graphs


def test_each_article_in_its_own_graph_with_provenance(sample_store: KGStore) -> None:
    rows = sample_store.query("""
        SELECT ?g ?id ?when ?model WHERE { GRAPH ?g { ?g prov:wasDerivedFrom ?a ; prov:generatedAtTime ?when ;
               prov:wasAttributedTo ?agent . ?agent rdfs:label ?model . FILTER(STRSTARTS(?model, "spaCy")) }
               ?a dct:identifier ?id }""", union=True)
    assert len(rows) == 13
    assert all(r["g"].endswith(r["id"]) for r in rows)
    assert all("core_web_sm 3.8.0" in r["model"] for r in rows)


def test_the_store_holds_the_ontology(sample_store: KGStore) -> None:
    assert sample_store.query("ASK { GRAPH <https://w3id.org/newskg/ns> { nkg:Person rdfs:label ?l } }")
    n = sample_store.query("SELECT (COUNT(?c) AS ?n) WHERE { ?c skos:inScheme nkg:EventTypes ; skos:notation ?x }")
    assert n[0]["n"] >= 20


@pytest.mark.slow
def test_a_corpus_file_goes_in_without_error(store: KGStore) -> None:
    report = ingest([corpus("polnear_dev.jsonl")], store, workers=2)
    assert (report.articles, report.written, report.bad) == (84, 84, [])
    assert report.triples > 50_000
    assert store.query("SELECT (COUNT(*) AS ?n) WHERE { ?a a nkg:Article }")[0]["n"] == 84


def test_a_failing_extraction_is_reported_not_fatal() -> None:
    from kg.errors import ExtractionError
    from kg.pipeline import _extract

    article = Article(id="x", text="Heiko Maas spoke.", origin="in.jsonl:7")
    failed = _extract(article, None, "m")  # no parse: the extractor raises inside
    assert isinstance(failed, ExtractionError) and failed.origin == "in.jsonl:7"
    assert "left out" in str(failed)


def test_a_parse_sent_from_the_worker_gives_the_same_analysis_as_the_parse_itself() -> None:
    """With one worker, the worker parses and the main process extracts from the bytes it sends
    (``kg.pipeline._analysed``): extraction must not see a difference."""
    import pickle

    from kg.errors import ExtractionError
    from kg.extract.casing import model_text
    from kg.extract.nlp import load_model, model_label, parse_all
    from kg.pipeline import _extract, _extract_parsed, pack_parse

    nlp = load_model()
    articles = list(read_articles([DATA]))[:6]
    docs = parse_all(nlp, [model_text(a.text) for a in articles])
    label = model_label(nlp)
    for article, doc in zip(articles, docs):
        direct = _extract(article, doc, label)
        sent = _extract_parsed(article, pack_parse(doc), nlp, label)
        assert not isinstance(direct, ExtractionError) and direct.statements and direct.actors
        assert pickle.dumps(sent) == pickle.dumps(direct), article.id
    broken = _extract_parsed(articles[0], (b"not a parse", {}), nlp, label)
    assert isinstance(broken, ExtractionError) and broken.stage == "language analysis"


def test_extraction_moves_to_the_worker_when_the_main_process_falls_behind(monkeypatch: pytest.MonkeyPatch) -> None:
    """``kg.pipeline.Placement``: a main process that waits for the worker extracts (the worker
    only parses); one that is slower (here it sleeps over every analysis) leaves extraction
    to the worker. The analyses are the same either way, in input order (equal values: how a
    process shares equal strings inside one is no part of it)."""
    import time

    import kg.pipeline
    from kg.pipeline import Placement, _analysed
    from kg.read import read_articles

    monkeypatch.setattr(kg.pipeline, "WORKER_BATCH", 1)  # 12 batches, WINDOW + 1 in flight
    articles = list(read_articles([DATA]))[:12]
    waiting, behind = Placement(), Placement()
    fast = list(_analysed(articles, workers=1, model=None, placement=waiting))
    slow = []
    for analysis in _analysed(articles, workers=1, model=None, placement=behind):
        time.sleep(1.0)  # the worker parses the next batches meanwhile (an article in well under 1 s)
        slow.append(analysis)
    differing = [(i, [f for f in vars(a) if getattr(a, f) != getattr(b, f)])
                 for i, (a, b) in enumerate(zip(slow, fast)) if a != b]
    assert not differing, differing  # (article, fields): the same values wherever extracted
    assert len(slow) == len(fast)
    assert [a.article.id for a in fast] == [a.id for a in articles]
    assert waiting.chosen["here"] >= 1 and behind.chosen["here"] >= 1  # the first batch: nothing was ready yet
    # WINDOW + 1 batches go out before any result is seen; after that, each result it comes to was ready
    assert behind.chosen["worker"] >= 5, behind.chosen


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a nice value per thread is Linux's")
def test_the_writer_thread_gives_way_to_the_analysis(tmp_path: Path, store: KGStore) -> None:
    """``kg.pipeline.WRITER_NICE``: the thread that writes the store runs at a lower CPU priority
    than the thread that called ``ingest`` (the parse is the slower side), whose own priority
    stays as it was."""
    from kg.pipeline import WRITER_NICE

    f = _write(tmp_path / "a.jsonl", b'{"id": "a", "text": "Heiko Maas called Mike Pompeo."}\n')
    seen: dict[str, int] = {}

    def progress(done: int) -> None:  # the writer thread ticks once per article written
        seen[threading.current_thread().name] = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())

    mine = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
    assert ingest([f], store, progress=progress).written == 1
    writer = [nice for name, nice in seen.items() if name.startswith("newskg-write")]
    assert writer == [min(mine + WRITER_NICE, 19)]
    assert os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) == mine


_NICES = """
import os, sys
from kg.pipeline import ingest
from kg.store import open_store
with open_store(sys.argv[1]) as store:
    ingest([sys.argv[2]], store)
    for task in sorted(os.listdir("/proc/self/task")):
        name = open(f"/proc/self/task/{task}/comm").read().strip()
        print(name, os.getpriority(os.PRIO_PROCESS, int(task)))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a nice value per thread is Linux's")
def test_the_stores_background_threads_give_way_to_the_analysis(tmp_path: Path) -> None:
    """``kg.pipeline.BackgroundThreads``: after an ingest (in a process of its own, whose threads
    start at its nice value) RocksDB's flush and compaction threads run at the writer's lower
    priority; the process's own threads keep theirs."""
    import subprocess

    from kg.pipeline import WRITER_NICE

    f = _write(tmp_path / "a.jsonl", b'{"id": "a", "text": "Heiko Maas called Mike Pompeo."}\n')
    out = subprocess.run([sys.executable, "-c", _NICES, str(tmp_path / "store"), str(f)], check=True,
                         capture_output=True, text=True).stdout
    threads = [(name, int(nice)) for name, nice in (line.rsplit(" ", 1) for line in out.splitlines())]
    base = os.getpriority(os.PRIO_PROCESS, 0)
    background = [nice for name, nice in threads if name.startswith("rocksdb:")]
    assert background and set(background) == {min(base + WRITER_NICE, 19)}, threads
    assert [nice for name, nice in threads if not name.startswith("rocksdb:")][0] == base  # the main thread
