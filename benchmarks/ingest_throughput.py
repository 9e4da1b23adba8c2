"""Ingest throughput against raw spaCy on the same texts, measured in the same run.

    python benchmarks/ingest_throughput.py ../shared/corpora/bbc_news.jsonl [--limit N] [--rounds R]

Prints articles/s for: raw ``nlp.pipe`` of the model with all of newskg's trained components
(the baseline), the small spaCy model alone, ``kg ingest`` with 1 worker and with 2 workers
(each into a fresh on-disk store), and each as a ratio of the baseline; then ``kg ingest
--workers 1`` as a ratio of the small model alone (issues 10-12: at least 0.5). With ``--rounds
R`` every measure runs R times, interleaved, and each ratio is the median of the rounds' ratios
(each against its own round's baseline: on a shared machine one run swings by several
hundredths). Also the peak resident memory of this process (ingest streams, so it stays flat).

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
import statistics
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


def _pipe_rate(nlp: spacy.language.Language, texts: list[str]) -> float:
    """Articles per second of ``nlp.pipe`` over the texts."""
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return len(texts) / (time.perf_counter() - started)


def _small_name() -> str:
    return next(n for n in MODEL_NAMES if importlib.util.find_spec(n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=None, help="first N articles only")
    parser.add_argument("--rounds", type=int, default=1,
                        help="run every measure this many times, interleaved; the medians are shown")
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="newskg-bench-"))
    sample = tmp / "input.jsonl"
    n = _head(args.corpus, args.limit, sample)
    texts = [model_text(json.loads(line)["text"]) for line in sample.open(encoding="utf-8")]

    nlp = load_model()
    small = spacy.load(_small_name())
    runs: dict[str, list[float]] = {}
    summaries: dict[str, str] = {}
    for r in range(args.rounds):  # interleaved, so that a slower spell of the machine weighs on every run
        runs.setdefault("raw nlp.pipe (baseline)", []).append(_pipe_rate(nlp, texts))
        runs.setdefault("small model alone", []).append(_pipe_rate(small, texts))
        for workers in (1, 2):
            main_cpu = _cpu(resource.RUSAGE_SELF)
            with open_store(tmp / f"store-{workers}-{r}") as store:
                report = ingest([sample], store, workers=workers)
            name = f"kg ingest --workers {workers}"
            runs.setdefault(name, []).append(report.articles / report.seconds)
            summaries[name] = f"{report.summary()}; CPU s of the main process: {_cpu(resource.RUSAGE_SELF) - main_cpu:.0f}"

    base = runs["raw nlp.pipe (baseline)"]
    print(f"{n} articles from {args.corpus}, {args.rounds} round(s); ratios are each round's against that round's baseline")
    print(f"{'run':<28} {'articles/s':>10} {'x baseline':>10}  {'every round':<24} summary (last round)")
    for name, rates in runs.items():
        ratios = [rate / b for rate, b in zip(rates, base)]
        each = " ".join(f"{x:.2f}" for x in ratios)
        print(f"{name:<28} {statistics.median(rates):>10.1f} {statistics.median(ratios):>10.2f}  {each:<24} "
              f"{summaries.get(name, '')}")
    small_ratios = [one / s for one, s in zip(runs["kg ingest --workers 1"], runs["small model alone"])]
    print(f"kg ingest --workers 1 / small model alone: {statistics.median(small_ratios):.2f} "
          f"(every round: {' '.join(f'{x:.2f}' for x in small_ratios)})")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this process: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
