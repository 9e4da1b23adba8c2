"""Speed cost of newskg's trained components: the small spaCy model alone against newskg's
default pipeline (sentence boundaries, the event head with its own tok2vec, the shared
``newskg_tok2vec`` and the attribution head) and against the trained one (names head too), on
the same texts, interleaved in one run.

    python benchmarks/pipeline_speed.py ../shared/corpora/bbc_news.jsonl [--limit 150] [--repeat 3]

Prints each pipeline's best of ``--repeat`` wall times of ``nlp.pipe`` over all texts, the time
of each of its components, and the ratios small-model time / pipeline time (>= 0.5 is the
goal of issues 10, 11 and 12). On a shared machine absolute times are pessimistic; the ratios are
what counts (every pipeline measured alike, interleaved).
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


def _pipe_time(nlp, texts) -> float:
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    return time.perf_counter() - started


def _by_component(nlp, texts) -> dict[str, float]:
    times = {}
    started = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    times["tokenizer"] = time.perf_counter() - started
    for name, proc in nlp.pipeline:
        started = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=16)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
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
    pipelines = {"small model": spacy.load(MODEL_NAMES[0]), "default": load_model(trained=False),
                 "trained names": load_model(trained=True)}
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
    for key in list(pipelines)[1:]:
        print(f"ratio small model / {key}: {best['small model'] / best[key]:.2f}")


if __name__ == "__main__":
    main()
