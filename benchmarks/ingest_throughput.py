"""Ingest throughput against raw spaCy on the same texts, measured in the same run.

    python benchmarks/ingest_throughput.py ../shared/corpora/bbc_news.jsonl [--limit N]

Prints articles/s for: raw ``nlp.pipe`` of the model with all of newskg's trained components
(the baseline), the small spaCy model alone, ``kg ingest`` with 1 worker and with 2 workers
(each into a fresh on-disk store), and each as a ratio of the baseline; then ``kg ingest
--workers 1`` as a ratio of the small model alone (issues 10-12: at least 0.5). Also the peak
resident memory of this process (ingest streams, so it stays flat).

``kg ingest --workers N`` runs the NLP and extraction in N worker processes while the main
process resolves identity and writes the store, and extracts from the workers' parses while it
has time to spare (``kg.pipeline.Placement``): ``--workers 1`` shares the work between one worker
and the main process. The time of each ingest run includes starting its workers (forked from this
process, which has loaded the model) and everything after the last analysis (rewrites,
event and participant links).
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import resource
import tempfile
import time
from pathlib import Path

import spacy

from kg.extract.casing import model_text
from kg.extract.nlp import MODEL_NAMES, load_model
from kg.pipeline import ingest
from kg.store import open_store


def _head(src: Path, limit: int | None, out: Path) -> int:
    n = 0
    with src.open(encoding="utf-8") as fh, out.open("w", encoding="utf-8") as w:
        for line in itertools.islice(fh, limit):
            w.write(line)
            n += 1
    return n


def _cpu(who: int) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def _small_name() -> str:
    return next(n for n in MODEL_NAMES if importlib.util.find_spec(n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="newskg-bench-"))
    sample = tmp / "input.jsonl"
    n = _head(args.corpus, args.limit, sample)
    texts = [model_text(json.loads(line)["text"]) for line in sample.open(encoding="utf-8")]

    nlp = load_model()
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    baseline = n / (time.perf_counter() - started)

    small = spacy.load(_small_name())
    started = time.perf_counter()
    for _ in small.pipe(texts, batch_size=16):
        pass
    small_rate = n / (time.perf_counter() - started)

    rows = [("raw nlp.pipe (baseline)", baseline, 1.0, ""),
            ("small model alone", small_rate, small_rate / baseline, "")]
    for workers in (1, 2):
        main_cpu = _cpu(resource.RUSAGE_SELF)
        with open_store(tmp / f"store-{workers}") as store:
            report = ingest([sample], store, workers=workers)
        rate = report.articles / report.seconds
        cpu = f"CPU s of the main process: {_cpu(resource.RUSAGE_SELF) - main_cpu:.0f}"
        rows.append((f"kg ingest --workers {workers}", rate, rate / baseline, f"{report.summary()}; {cpu}"))

    print(f"{n} articles from {args.corpus}")
    print(f"{'run':<28} {'articles/s':>10} {'x baseline':>10}  summary")
    for name, rate, ratio, summary in rows:
        print(f"{name:<28} {rate:>10.1f} {ratio:>10.2f}  {summary}")
    one = rows[2][1]
    print(f"kg ingest --workers 1 / small model alone: {one / small_rate:.2f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
