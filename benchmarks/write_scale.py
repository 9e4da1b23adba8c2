"""Write cost against store size: does writing an article get slower as the store grows?

Analyses --articles BBC articles once (real NLP), then writes copies of those analyses under
new ids (documented as copies: same names, so shared actors such as "United States" are in
most graphs) through the pipeline's own steps, NLP excluded: identity over the batch and the
store (:meth:`IdentityBook.resolve`), RDF, :meth:`KGStore.write_articles` (chunks of ``CHUNK``), then the shared
facts of the touched actors. The store grows by --step copies per run; each run is timed
as a whole (opening the identity book from the evidence table included). Before each run,
reading the evidence back from every article graph (what a run started with before the
table, and what it still does after a kill) is timed apart, for comparison.

    python benchmarks/write_scale.py [--articles 100] [--step 1000] [--runs 4]
"""

from __future__ import annotations

import argparse
import copy
import json
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from kg.extract import analyse_doc
from kg.extract.casing import model_text
from kg.extract.nlp import load_model, model_label
from kg.model import Article
from kg.pipeline import CHUNK, open_book, read_book, shared_facts, to_graph
from kg.store import open_store
from kg.vocab import shared_graph_iri

BBC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc_news.jsonl"


def analyses(n: int) -> list:
    nlp = load_model()
    label = model_label(nlp)
    with BBC.open(encoding="utf-8") as f:
        rows = [json.loads(line) for _, line in zip(range(n), f)]
    arts = [Article(id=str(r.get("id", i)), text=r["text"]) for i, r in enumerate(rows)]
    return [analyse_doc(a, doc, model=label) for a, doc in zip(arts, nlp.pipe([model_text(a.text) for a in arts]))]


def run(store, base: list, first: int, count: int) -> tuple[float, float, float, float]:
    """Write ``count`` copies (ids from ``first``); seconds to read every graph's evidence (what
    a run started with before the evidence table), to open the book, to write, in all."""
    t = time.perf_counter()
    read_book(store)
    full = time.perf_counter() - t
    t0 = time.perf_counter()
    book = open_book(store)
    t1 = time.perf_counter()
    touched: set[str] = set()
    for start in range(first, first + count, 256):
        chunk = []
        for i in range(start, min(start + 256, first + count)):
            a = copy.deepcopy(base[i % len(base)])
            a.article = replace(a.article, id=f"copy-{i}")
            chunk.append(a)
        identity = book.resolve(chunk)
        for part in range(0, len(chunk), CHUNK):  # written a chunk at a time, as ingest writes
            made = [(a, to_graph(a, identity=identity, generated="2020-01-01T00:00:00Z")) for a in chunk[part:part + CHUNK]]
            store.write_articles([u for _, u in made])
            for a, u in made:
                book.record(u.graph, a, u.triples)
                touched |= book.iris([u.graph])
        store.flush()
    store.replace_subjects(shared_graph_iri(), shared_facts(book.identity(), touched))
    book.finish()
    t2 = time.perf_counter()
    return full, t1 - t0, t2 - t1, t2 - t0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--step", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=4)
    args = ap.parse_args()
    base = analyses(args.articles)
    print(f"{'store before':>12} {'graphs s':>8} {'book s':>7} {'write s':>8} {'articles/s':>11}")
    with tempfile.TemporaryDirectory() as tmp, open_store(Path(tmp) / "store") as store:
        for k in range(args.runs):
            full, read, write, total = run(store, base, k * args.step, args.step)
            print(f"{k * args.step:>12} {full:>8.2f} {read:>7.2f} {write:>8.2f} {args.step / total:>11.1f}")


if __name__ == "__main__":
    main()
