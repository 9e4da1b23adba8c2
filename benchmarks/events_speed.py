"""Speed cost of the event-trigger head: the small spaCy model alone against the small model
with newskg's event head (the default pipeline of ``kg ingest``), on the same texts, measured
interleaved in one run.

    python benchmarks/events_speed.py ../shared/corpora/bbc_news.jsonl [--limit 150] [--repeat 3]

Prints, for each pipeline, the best of ``--repeat`` wall times of ``nlp.pipe`` over all texts,
the time of each component, and the ratio small-model time / with-head time (the package's
goal for the whole pipeline: >= 0.5). On a shared machine the absolute times are pessimistic;
the ratio is what counts (both measured alike, interleaved).
"""

from __future__ import annotations

import argparse
import itertools
import json
import time
from pathlib import Path

import spacy

from kg.extract.casing import model_text
from kg.extract.nlp import MODEL_NAMES, load_model


def _pipe_time(nlp, texts) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - started


def _by_component(nlp, texts) -> dict[str, float]:  # type: ignore[no-untyped-def]
    times = {}
    docs = [nlp.make_doc(t) for t in texts]
    for name, proc in nlp.pipeline:
        started = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=16))
        times[name] = time.perf_counter() - started
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=150)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with args.corpus.open(encoding="utf-8") as fh:
        texts = [model_text(json.loads(line)["text"]) for line in itertools.islice(fh, args.limit)]
    pipelines = {"small model": spacy.load(MODEL_NAMES[0]), "with event head": load_model(trained=False)}
    for nlp in pipelines.values():  # warm up
        list(nlp.pipe(texts[:5]))
    best = {k: float("inf") for k in pipelines}
    for _ in range(args.repeat):
        for key, nlp in pipelines.items():
            best[key] = min(best[key], _pipe_time(nlp, texts))
    words = sum(len(t.split()) for t in texts)
    for key, nlp in pipelines.items():
        parts = ", ".join(f"{n} {s:.2f}" for n, s in _by_component(nlp, texts).items())
        print(f"{key}: {' '.join(nlp.pipe_names)}\n  nlp.pipe {best[key]:.2f} s for {len(texts)} texts "
              f"({words / best[key]:.0f} words/s); by component (s): {parts}")
    print(f"ratio small model / with event head: {best['small model'] / best['with event head']:.2f}")


if __name__ == "__main__":
    main()
