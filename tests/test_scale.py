"""`kg extract` (the map step, locally or on a real Dask cluster) and `kg load` (identity over
all shards and the store, then the bulk loader) give the store `kg ingest` gives."""

from __future__ import annotations

import gzip
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kg.pipeline import extract, ingest, load
from kg.shards import read_shards, shard_files
from kg.store import open_store
from kg.vocab import DEFAULT_BASE, graph_iri
from test_identity_order import _quads, _records, reference  # noqa: F401 - reference is a fixture

BIN = Path(sys.executable).parent


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("split", ["all-shards", "ingest-then-load", "two-loads"])
def test_extract_then_load_gives_the_store_ingest_gives(reference: tuple[list[str], set], tmp_path: Path,
                                                        split: str) -> None:
    lines, expected = reference
    half = len(lines) // 2
    first, second = _write(tmp_path / "a.jsonl", lines[:half]), _write(tmp_path / "b.jsonl", lines[half:])
    path = tmp_path / "store"
    with open_store(path) as store:
        if split == "all-shards":
            assert extract([first, second], tmp_path / "s", workers=2).written == len(lines)
            report = load([tmp_path / "s"], store)
            assert (report.written, report.bad, report.failed) == (len(lines), [], [])
        elif split == "ingest-then-load":  # the stored half is resolved with the shards' articles
            ingest([first], store)
            extract([second], tmp_path / "s")
            assert load([tmp_path / "s"], store).written == len(lines) - half
        else:
            extract([second], tmp_path / "s2")
            extract([first], tmp_path / "s1")
            load([tmp_path / "s2"], store)
            load([tmp_path / "s1"], store)
    assert _quads(path) == expected
    with open_store(path) as store:  # loading again changes nothing
        again = load([tmp_path / ("s2" if split == "two-loads" else "s")], store)
    assert again.written == 0 and _quads(path) == expected


def test_a_bad_shard_line_is_named_and_the_rest_loads(tmp_path: Path) -> None:
    source = tmp_path / "in.jsonl"
    _write(source, ['{"id": "a1", "text": "Mike Pompeo met Heiko Maas in Berlin."}',
                    '{"id": "a2", "text": "Angela Merkel spoke in Paris."}'])
    extract([source], tmp_path / "s")
    part = tmp_path / "s" / "part-00000.jsonl.gz"
    good = gzip.decompress(part.read_bytes()).decode().splitlines()
    with gzip.open(part, "wt", encoding="utf-8") as out:
        out.write(good[0][:40] + "\n" + good[1] + "\n")
    result = subprocess.run([BIN / "kg", "load", tmp_path / "s", "--store", tmp_path / "store"],
                            capture_output=True, text=True)
    assert result.returncode == 8, result.stderr
    assert f"{part}:1: unreadable shard line" in result.stderr
    assert result.stdout.startswith("1 articles (1 written")
    with open_store(tmp_path / "store", read_only=True) as store:
        graphs = store.graphs()
    assert graph_iri("a2") in graphs and graph_iri("a1") not in graphs


def test_extract_cli_usage_and_input_errors(tmp_path: Path) -> None:
    both = subprocess.run([BIN / "kg", "extract", tmp_path, "-o", tmp_path / "s", "--scheduler", "tcp://127.0.0.1:1"],
                          capture_output=True, text=True)
    missing = subprocess.run([BIN / "kg", "extract", tmp_path / "nope.jsonl", "-o", tmp_path / "s"],
                             capture_output=True, text=True)
    no_parts = subprocess.run([BIN / "kg", "load", tmp_path, "--store", tmp_path / "store"], capture_output=True, text=True)
    assert (both.returncode, missing.returncode, no_parts.returncode) == (2, 2, 2)
    assert "--scheduler needs --engine dask" in both.stderr and "nope.jsonl" in missing.stderr
    assert "no shard parts" in no_parts.stderr and not (tmp_path / "s").exists()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_dask_cluster_loses_no_article_when_a_worker_is_killed(reference: tuple[list[str], set],
                                                               tmp_path: Path) -> None:
    """A real `dask scheduler` and two `dask worker` processes (no nanny: a killed worker stays
    dead); one is killed with SIGKILL while it holds tasks; its batches run on the other."""
    from distributed import Client

    lines, expected = reference
    source = _write(tmp_path / "in.jsonl", lines)
    address = f"tcp://127.0.0.1:{_free_port()}"
    log = (tmp_path / "dask.log").open("w")
    procs = [subprocess.Popen([BIN / "dask", "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                               "--no-dashboard", "--no-show"], stdout=log, stderr=log)]
    try:
        with Client(address, timeout="30s") as client:
            for _ in range(2):
                procs.append(subprocess.Popen([BIN / "dask", "worker", address, "--nthreads", "1", "--no-nanny",
                                               "--host", "127.0.0.1", "--no-dashboard"], stdout=log, stderr=log))
            client.wait_for_workers(2, timeout=60)
            victim = next(a for a, pid in client.run(os.getpid).items() if pid == procs[1].pid)
            cmd = [BIN / "kg", "extract", source, "-o", tmp_path / "shards", "--engine", "dask", "--scheduler", address]
            proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            killed = False
            while proc.poll() is None and not killed:  # mid-run: it did a batch and holds another
                executed = client.run(lambda dask_worker: dask_worker.state.executed_count, workers=[victim])
                if executed.get(victim) and client.processing(victim)[victim]:
                    procs[1].send_signal(signal.SIGKILL)
                    killed = True
                time.sleep(0.05)
            out, err = proc.communicate(timeout=120)
            assert killed, "the extract ended before a worker could be killed mid-run"
            assert procs[1].wait(timeout=10) == -signal.SIGKILL
            assert proc.returncode == 0, err.decode() + (tmp_path / "dask.log").read_text()[-3000:]
            assert out.decode().startswith(f"{len(lines)} articles ({len(lines)} in shards)")
            assert f"Remove worker addr: {victim}" in (tmp_path / "dask.log").read_text()
    finally:
        for p in procs:
            p.kill()
            p.wait()
        log.close()
    analyses = list(read_shards(shard_files([tmp_path / "shards"])))
    assert sorted(a.article.id for a in analyses) == sorted(json.loads(line)["id"] for line in lines)
    env = {**os.environ, "SOURCE_DATE_EPOCH": os.environ["SOURCE_DATE_EPOCH"]}
    subprocess.run([BIN / "kg", "load", tmp_path / "shards", "--store", tmp_path / "store"], check=True, env=env,
                   capture_output=True)
    assert _quads(tmp_path / "store") == expected


def _evidence(store_path: Path) -> tuple[tuple, tuple]:
    """The evidence table's units, records and event rows, and the same read from the article
    graphs (the events by the query the table stands in for)."""
    from kg.pipeline import _as_json, _event_rows_by_graph, load_query, read_book, unit_json

    with open_store(store_path) as store:
        table = store.evidence()
        assert table is not None and table.trusted(base=DEFAULT_BASE)
        kept = {g: table.graph(g) for g in store.graphs()}
        units = {data: (n, iri, kind) for data, n, iri, kind in table.units()}
        events = dict(table.events())
        book = read_book(store)
        queried = _event_rows_by_graph(store.select(load_query("pipeline/event-evidence"), union=False))
    assert events, "no event evidence in the table"
    actors: dict[str, set[tuple[str, str]]] = {}  # every graph gives a unit the same actor
    for records in book.graphs.values():
        for a, u, kind in records:
            actors.setdefault(unit_json(u), set()).add((a, kind))
    assert all(len(found) == 1 for found in actors.values()), "graphs disagree on a unit's actor"
    return ({g: a for g, a in kept.items() if a}, units, events), (
        {g: _as_json(a) for g, a in book.graphs.items() if a},
        {unit_json(u): (n, *next(iter(actors[unit_json(u)]))) for u, n in book.counts.items() if n > 0}, queried)


def test_the_evidence_table_stays_in_step_with_the_graphs(reference: tuple[list[str], set], tmp_path: Path) -> None:
    """Split runs, one rewriting earlier articles ("Locke" once "Gary Locke" comes), read the
    table, not the graphs; it then holds what a full read of the graphs gives."""
    lines, expected = reference
    locke = [i for i, line in enumerate(lines) if '"own-locke"' in line or '"own-gary-locke"' in line]
    runs = [[line for i, line in enumerate(lines) if i < len(lines) // 2 or i == locke[0]],
            [line for i, line in enumerate(lines) if i >= len(lines) // 2 and i != locke[0]]]
    path = tmp_path / "store"
    for i, run in enumerate(runs):
        with open_store(path) as store:
            assert (store.evidence().trusted(base=DEFAULT_BASE)) == (i > 0)
            ingest([_write(tmp_path / f"run{i}.jsonl", run)], store)
    table, graphs = _evidence(path)
    assert table == graphs and _quads(path) == expected


def test_a_killed_run_leaves_the_table_untrusted_and_the_next_rebuilds_it(tmp_path: Path) -> None:
    path = tmp_path / "store"
    first = _write(tmp_path / "a.jsonl", ['{"id": "a1", "text": "Mr. Locke said exports rose in March."}'])
    second = _write(tmp_path / "b.jsonl", ['{"id": "b1", "text": "Former governor Gary Locke told reporters that exports rose."}'])
    with open_store(path) as store:
        ingest([first], store)
        table = store.evidence()
        table.begin(base=DEFAULT_BASE)  # a run that starts and is killed before it finishes
        table.put(graph_iri("a1"), table.graph(graph_iri("a1")), {})
    with open_store(path) as store:
        assert not store.evidence().trusted(base=DEFAULT_BASE)
        ingest([second], store)
        locke = store.select("SELECT DISTINCT ?a WHERE { GRAPH ?g { ?a nkg:articleName ?n } }")
    assert {r["a"].rsplit("/", 1)[1] for r in locke} == {"gary-locke"}  # the stored "Locke" was rewritten
    table, graphs = _evidence(path)
    assert table == graphs
