"""`kg load` against pyoxigraph's `bulk_load` of the same quads (issue 13: at least 0.9x).

Analyses --articles BBC articles once (real NLP), writes --copies copies of each analysis under
new ids as shards (documented as copies: same names, so identity has shared actors to
resolve), then, --rounds times, interleaved in this one process:

- `kg load` (:func:`kg.pipeline.load`) of the shards into a fresh store: three reads of the
  shards, identity, RDF, the bulk loader, shared facts;
- `Store.bulk_load` of the N-Quads of the store `kg load` built (the same quads) into a
  fresh store;
- one read of the shards alone (decoding), to show where `kg load`'s time goes.

Prints seconds and quads/s of each and the ratio bulk_load time / kg load time (1.0: as fast).

    python benchmarks/load_speed.py [--articles 100] [--copies 20] [--rounds 3]
"""

from __future__ import annotations

import argparse
import copy
import json
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path

import pyoxigraph as ox

from kg.extract import analyse_doc
from kg.extract.casing import model_text
from kg.extract.nlp import load_model, model_label
from kg.model import Article
from kg.pipeline import load
from kg.shards import read_shards, shard_files, shard_line, write_shards
from kg.store import open_store

BBC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc_news.jsonl"


def analyses(n: int) -> list:
    nlp = load_model()
    label = model_label(nlp)
    with BBC.open(encoding="utf-8") as f:
        rows = [json.loads(line) for _, line in zip(range(n), f)]
    arts = [Article(id=str(r["id"]), text=r["text"], title=r.get("title")) for r in rows]
    return [analyse_doc(a, doc, model=label) for a, doc in zip(arts, nlp.pipe([model_text(a.text) for a in arts]))]


def copies(base: list, k: int):
    for c in range(k):
        for a in base:
            a = copy.deepcopy(a)
            a.article = replace(a.article, id=f"{a.article.id}-copy-{c}")
            yield shard_line(a)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--copies", type=int, default=20)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    base = analyses(args.articles)
    times: dict[str, list[float]] = {"kg load": [], "bulk_load": [], "decode once": []}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        n = write_shards(copies(base, args.copies), tmp / "shards")
        files = shard_files([tmp / "shards"])
        for r in range(args.rounds):
            t = time.perf_counter()
            with open_store(tmp / f"load{r}") as store:
                load(files, store)
            times["kg load"].append(time.perf_counter() - t)
            data = ox.Store.read_only(str(tmp / f"load{r}")).dump(format=ox.RdfFormat.N_QUADS)
            quads = data.count(b"\n")
            t = time.perf_counter()
            bulk = ox.Store(str(tmp / f"bulk{r}"))
            bulk.bulk_load(input=data, format=ox.RdfFormat.N_QUADS)
            bulk.flush()
            del bulk
            times["bulk_load"].append(time.perf_counter() - t)
            t = time.perf_counter()
            for _ in read_shards(files):
                pass
            times["decode once"].append(time.perf_counter() - t)
    print(f"{n} articles ({args.articles} analyses x {args.copies} copies), {quads:,} quads, {args.rounds} rounds (median)")
    med = {k: statistics.median(v) for k, v in times.items()}
    for k, s in med.items():
        print(f"{k:<12} {s:8.2f} s  {quads / s:>12,.0f} quads/s")
    print(f"kg load / bulk_load throughput ratio: {med['bulk_load'] / med['kg load']:.2f}x")


if __name__ == "__main__":
    main()
