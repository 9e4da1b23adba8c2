"""The cost of rewriting an article graph whose actor moved, against dropping and inserting it whole.

    python benchmarks/rewrite_cost.py ../shared/corpora/bbc_news.jsonl [--limit N] [--graphs G] [--rounds R]

Ingests the first N articles into a fresh on-disk store, then, on two copies of that store,
rewrites G article graphs as an ingest does when a later article moves one of their actors
(its most mentioned actor gets another IRI; the mentions' offsets are written as ``to_graph``
writes them, ``xsd:nonNegativeInteger``, which the store keeps as ``xsd:integer``):

- ``write_article`` (newskg's path: the statistics' change, then only the triples that differ
  deleted and inserted, :func:`kg.store._replacement`);
- the baseline in the same run: the same statistics' change, then ``DROP`` the graph and
  ``INSERT DATA`` all of it (the path before session 12).

Prints the CPU seconds of each (median of the rounds, interleaved) and their ratio. Both end
with the same graphs (checked).
"""

from __future__ import annotations

import argparse
import collections
import itertools
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from kg.model import GraphUpdate
from kg.pipeline import ingest
from kg.rdf.terms import iri
from kg.store import KGStore, _triples_block, open_store
from kg.store.statistics import stats_counts

NIF = "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
DIGEST = "<https://w3id.org/newskg/ns#inputDigest>"


def moved(store: KGStore, graph: str) -> GraphUpdate:
    """The graph again, its most mentioned actor under another IRI, offsets as ``to_graph`` writes them."""
    triples = store.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {iri(graph)} {{ ?s ?p ?o }} }}", union=False)
    actor = collections.Counter(s for s, p, _ in triples if p.endswith("denotedBy>")).most_common(1)[0][0]
    other = actor[:-1] + "-moved>"
    out = []
    for s, p, o in triples:
        if p == DIGEST:
            o = '"moved"'
        elif p in (NIF + "beginIndex>", NIF + "endIndex>"):
            o = o.replace("#integer>", "#nonNegativeInteger>")
        out.append((other if s == actor else s, p, other if o == actor else o))
    return GraphUpdate(graph=graph, triples=tuple(out), actors=(), digest="moved")


def drop_and_insert(store: KGStore, change: GraphUpdate) -> None:
    """The baseline: the same statistics' change, the graph dropped and inserted whole."""
    graph = iri(change.graph)
    before = store.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}", union=False)
    counts = store.counts_update([change.graph], stats_counts(change.triples), replacing=before)
    store.update(f"{counts}{' ;' if counts else ''}\nDROP SILENT GRAPH {graph} ;\n"
                 f"INSERT DATA {{ GRAPH {graph} {{\n{_triples_block(change.triples)}\n}} }}")


def timed(source: Path, graphs: list[str], rewrite: str) -> tuple[float, list[tuple[str, str, str]]]:
    """CPU seconds of rewriting ``graphs`` on a copy of the store, and the rewritten graphs' quads."""
    with tempfile.TemporaryDirectory(prefix="newskg-rewrite-") as tmp:
        shutil.copytree(source, Path(tmp) / "s")
        with open_store(Path(tmp) / "s") as store:
            changes = [moved(store, g) for g in graphs]
            started = time.process_time()
            for change in changes:
                store.write_article(change) if rewrite == "write_article" else drop_and_insert(store, change)
            seconds = time.process_time() - started
            values = " ".join(iri(g) for g in graphs)
            held = sorted((r["g"], r["s"], f"{r['p']} {r['o']!r}") for r in store.select(
                f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}", union=False))
    return seconds, held


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--graphs", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newskg-rewrite-") as tmp:
        head = Path(tmp) / "head.jsonl"
        with args.corpus.open(encoding="utf-8") as fh:
            head.write_text("".join(itertools.islice(fh, args.limit)), encoding="utf-8")
        source = Path(tmp) / "store"
        with open_store(source) as store:
            ingest([head], store)
            graphs = store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?a gaf:denotedBy ?m } } ORDER BY ?g",
                                  union=False).column("g")[:args.graphs]  # article graphs with an actor
        times: dict[str, list[float]] = {"write_article": [], "drop and insert": []}
        results = {}
        for _ in range(args.rounds):
            for way in times:
                seconds, results[way] = timed(source, graphs, way)
                times[way].append(seconds)
    if results["write_article"] != results["drop and insert"]:
        raise SystemExit("the two ways left different graphs")
    new, old = (statistics.median(times[w]) for w in ("write_article", "drop and insert"))
    print(f"{len(graphs)} rewrites: write_article {new:.2f} CPU s, drop and insert {old:.2f} CPU s "
          f"(median of {args.rounds}); ratio {new / old:.2f}")


if __name__ == "__main__":
    main()
