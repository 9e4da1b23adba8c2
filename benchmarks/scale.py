"""Scale: stores of 1k, 10k, 100k articles; write rate per tenth, load against bulk_load,
query latency, peak memory, size on disk; ingest, extract and dump against their baselines.

Store side (no NLP in the timed part): ``--base`` BBC articles (``../shared/corpora/bbc_news.jsonl``,
every 7th line, so all five categories) are analysed once with the real pipeline (spaCy +
rules), resolved and turned into article graphs; a store of N articles is the 13 sample
articles of ``data/`` (``kg ingest``, so the example queries find their actors) plus N
**copies** of those analyses under new ids (``<id>-c<k>``: the same text, names and actors,
so shared actors such as "United States" are in most graphs), each written through
``KGStore.write_articles`` in chunks of ``kg.pipeline.CHUNK`` as ``kg ingest`` writes (the
store's write path: each new graph bulk-loaded whole, then one transaction of the chunk's
statistics and digests), then the shared actor facts. Each size is built in a child process, so its
peak RSS is its own. Write rate is reported per tenth of the copies; "load" compares the
write path's quads/s with pyoxigraph's ``bulk_load`` of the same quads (a dump of the built
store) into a fresh store. Queries: every ``ontology/queries/*.rq`` with its
``.bindings.json`` and every notebook query (``kg/queries/notebook``) with the bindings the
notebooks give it, ``--reps`` runs each after one warm-up, p50/p95.

End-to-end (real NLP, ``--e2e`` BBC articles; 0 skips): ``kg ingest --workers 1`` and ``2``
against raw ``nlp.pipe`` of the same model on the same texts; ``kg dump`` (sorted N-Quads)
against ``oxigraph dump`` of the largest store, interleaved.

    nice -n 19 python benchmarks/scale.py [--sizes 1000,10000,100000] [--base 300] [--e2e 200] [--work DIR]
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import pickle
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from string import Template
from pathlib import Path

from kg.model import IRI

REPO = Path(__file__).resolve().parents[1]
BBC = REPO.parent / "shared" / "corpora" / "bbc_news.jsonl"
GENERATED = "2020-01-01T00:00:00Z"
_POMPEO, _BAJWA = IRI("https://w3id.org/newskg/id/actor/mike-pompeo"), IRI("https://w3id.org/newskg/id/actor/qamar-javed-bajwa")
#: The bindings the notebooks and widgets give each notebook query (kg/notebook/*) in the timings.
NOTEBOOK_BINDINGS = {
    "actors": {}, "actor-search": {"text": "Pompeo"}, "activity": {}, "co-mentions": {"actor": _POMPEO},
    "describe-node": {"n": _POMPEO}, "ego": {"actor": _POMPEO}, "event-types": {}, "events": {"actor": _POMPEO},
    "events-all": {}, "label-kinds": {"label": "United States"}, "link-sentences": {"actor": _POMPEO, "other": _BAJWA},
    "links": {"actor": _POMPEO, "other": _BAJWA}, "posts": {"actor": _POMPEO}, "property-labels": {},
    "speakers": {}, "statements": {"actor": _POMPEO}, "statements-all": {}}


def bbc_rows(n: int) -> list[dict]:
    with BBC.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f][::7][:n]


def analyse(n: int, cache: Path) -> None:
    """Real NLP of ``n`` BBC articles, pickled to ``cache``."""
    from kg.extract import analyse_doc
    from kg.extract.casing import model_text
    from kg.extract.nlp import load_model, model_label
    from kg.model import Article

    nlp = load_model()
    label = model_label(nlp)
    arts = [Article(id=r["id"], text=r["text"], title=r.get("title"), source=r.get("source")) for r in bbc_rows(n)]
    out = [analyse_doc(a, d, model=label) for a, d in zip(arts, nlp.pipe([model_text(a.text) for a in arts]))]
    cache.write_bytes(pickle.dumps(out))


def build(size: int, store_dir: Path, cache: Path, write: int) -> dict:
    """Child process: the sample articles, then ``size`` copies of the analyses (the first
    ``write`` through the write path, the rest with pyoxigraph's bulk loader and a rebuild of
    the statistics graph); prints JSON."""
    from kg.model import GraphUpdate
    from kg.pipeline import CHUNK, IdentityBook, ingest, read_book, shared_facts, to_graph
    from kg.stats import rebuild
    from kg.store import open_store
    from kg.vocab import graph_iri, shared_graph_iri

    base = pickle.loads(cache.read_bytes())
    out: dict = {"size": size}
    with open_store(store_dir) as store:
        ingest([REPO / "data"], store)
        book: IdentityBook = read_book(store)
        analyses = [copy.deepcopy(a) for a in base]
        identity = book.resolve(analyses)
        updates = [to_graph(a, identity=identity, generated=GENERATED) for a in analyses]
        for a, u in zip(analyses, updates):
            book.record(graph_iri(a.article.id), a, u.triples)

        def copy_of(k: int) -> GraphUpdate:
            u = updates[k % len(updates)]
            old = u.graph.rsplit("/", 1)[1]
            new = f"{old}-c{k}"
            return GraphUpdate(graph=u.graph.replace(old, new), actors=u.actors, digest=u.digest,
                               triples=tuple(tuple(t.replace(old, new) for t in tr) for tr in u.triples))

        written = min(size, write)
        bulk = size - written
        if bulk:  # first the copies the write path does not write: bulk loader, then the statistics
            oxstore = store._target.store  # the benchmark reaches pyoxigraph's store directly
            import pyoxigraph as ox

            bulk_quads, t = 0, time.perf_counter()
            for start in range(0, bulk, 500):
                lines = []
                for k in range(start, min(bulk, start + 500)):
                    u = copy_of(k)
                    lines.extend(f"{a} {b} {c} <{u.graph}> .\n" for a, b, c in u.triples)
                bulk_quads += len(lines)
                oxstore.bulk_load(input="".join(lines).encode(), format=ox.RdfFormat.N_QUADS)
            out.update(bulk=bulk, bulk_quads=bulk_quads, bulk_s=time.perf_counter() - t)
            t = time.perf_counter()
            rebuild(store)
            out.update(rebuild_s=time.perf_counter() - t)
        tenth = max(1, written // 10)
        rates, quads, started = [], 0, time.perf_counter()
        t0 = started
        done = since = 0
        for start in range(bulk, size, CHUNK):  # then the write path, on top of them, a chunk at a time as ingest
            chunk = [copy_of(k) for k in range(start, min(size, start + CHUNK))]
            store.write_articles(chunk)
            quads += sum(len(u.triples) for u in chunk)
            done, since = done + len(chunk), since + len(chunk)
            if done // 96 > (done - len(chunk)) // 96:
                store.flush()
            if done // tenth > len(rates):  # a tenth done (to the chunk): its articles/s
                t1 = time.perf_counter()
                rates.append(since / (t1 - t0))
                t0, since = t1, 0
        store.flush()
        out.update(written=written, rates=rates, write_s=time.perf_counter() - started, quads=quads)
        store.replace_subjects(shared_graph_iri(), shared_facts(book.identity(), book.iris(book.graphs)))
    out.update(rss_mib=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
               disk_mib=sum(f.stat().st_size for f in store_dir.rglob("*") if f.is_file()
                            and "newskg-snapshot" not in f.parts) / 2**20)
    return out


def bulk_load_rate(store_dir: Path, work: Path) -> tuple[int, float]:
    """Quads and seconds of pyoxigraph bulk_load of the store's article-graph quads."""
    import pyoxigraph as ox

    src = ox.Store.read_only(str(store_dir))
    nq = work / "articles.nq"
    with nq.open("wb") as f:
        n = 0
        for q in src.quads_for_pattern(None, None, None, None):
            g = str(q.graph_name)
            if "/graph/" in g and "-c" in g:
                f.write(f"{q.subject} {q.predicate} {q.object} {g} .\n".encode())
                n += 1
    del src
    target = work / "bulk"
    t = time.perf_counter()
    ox.Store(str(target)).bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
    seconds = time.perf_counter() - t
    shutil.rmtree(target)
    nq.unlink()
    return n, seconds


def queries(store_dir: Path, reps: int, *, budget_ms: float = 5000,
            skip: tuple[str, ...] = ()) -> list[tuple[str, float, float, int]]:
    """(name, p50 ms, p95 ms, rows) of every example and notebook query (those in ``skip`` left
    out; one over ``budget_ms`` in its warm-up run is timed by that run alone)."""
    from kg.cli.output import parse_binding
    from kg.notebook.queries import _EVENT_SCOPES
    from kg.queries import load
    from kg.store import open_store

    notebook = NOTEBOOK_BINDINGS
    todo = []
    for q in sorted((REPO / "ontology" / "queries").glob("*.rq")):
        pairs = json.loads(q.with_suffix(".bindings.json").read_text())
        todo.append((q.stem, q.read_text(), dict(parse_binding(f"{k}={v}") for k, v in pairs.items())))
    for name, b in notebook.items():
        if name in skip:
            continue
        text = load(f"notebook/{name.removesuffix('-all')}")
        if name.startswith("events"):  # the notebook picks where the query starts (kg.notebook.queries.events)
            text = Template(text).substitute(scope=_EVENT_SCOPES["actor"] if "actor" in b else "")
        todo.append((f"notebook/{name}", text, b))
    out = []
    with open_store(store_dir, read_only=True) as store:
        for name, text, b in todo:
            times, rows = [], 0
            for i in range(reps + 1):
                t = time.perf_counter()
                rows = len(store.query(text, bindings=b))
                times.append((time.perf_counter() - t) * 1000)
                if times[0] > budget_ms:  # a query this slow is timed once (its warm-up run)
                    break
            times = times[1:] or times
            times.sort()
            out.append((name, statistics.median(times), times[min(len(times) - 1, int(0.95 * len(times)))], rows))
    return out


def e2e(n: int, store_dir: Path | None, work: Path) -> list[str]:
    """kg ingest --workers 1/2 against nlp.pipe; kg dump against oxigraph dump (interleaved)."""
    from kg.extract.casing import model_text
    from kg.extract.nlp import load_model

    kg = str(Path(sys.executable).with_name("kg"))
    rows = bbc_rows(2225)[-n:]  # not the copied ones where possible
    src = work / "e2e.jsonl"
    src.write_text("".join(json.dumps({"id": r["id"], "text": r["text"], "title": r.get("title")}) + "\n" for r in rows))
    nlp = load_model()
    texts = [model_text(r["text"]) for r in rows]
    lines = []
    for round_ in range(2):
        t = time.perf_counter()
        for _ in nlp.pipe(texts):
            pass
        raw = time.perf_counter() - t
        got = {}
        for w in (1, 2):
            d = work / f"ingest-{w}-{round_}"
            t = time.perf_counter()
            subprocess.run([kg, "ingest", str(src), "--store", str(d), "--workers", str(w), "--quiet"],
                           check=True, capture_output=True)
            got[w] = time.perf_counter() - t
            shutil.rmtree(d)
        lines.append(f"round {round_ + 1}: nlp.pipe {n / raw:.1f} art/s; kg ingest --workers 1 {n / got[1]:.1f} art/s "
                     f"({raw / got[1]:.2f}x raw); --workers 2 {n / got[2]:.1f} art/s ({raw / got[2]:.2f}x raw, "
                     f"{got[1] / got[2]:.2f}x workers 1)")
    if store_dir is not None:
        ox_bin = str(Path(sys.executable).with_name("oxigraph"))
        for round_ in range(2):
            t = time.perf_counter()
            subprocess.run([kg, "dump", "--store", str(store_dir), "-o", str(work / "kg.nq")], check=True)
            kd = time.perf_counter() - t
            t = time.perf_counter()
            subprocess.run([ox_bin, "dump", "--location", str(store_dir), "--file", str(work / "ox.nq")], check=True,
                           capture_output=True)
            od = time.perf_counter() - t
            size = (work / "kg.nq").stat().st_size / 2**20
            lines.append(f"round {round_ + 1}: kg dump {kd:.1f} s, oxigraph dump {od:.1f} s ({size:.0f} MiB): "
                         f"kg dump at {od / kd:.2f}x oxigraph dump")
            (work / "kg.nq").unlink()
            (work / "ox.nq").unlink()
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sizes", default="1000,10000,100000", help="comma-separated store sizes (articles)")
    ap.add_argument("--base", type=int, default=300, help="BBC articles analysed and copied")
    ap.add_argument("--reps", type=int, default=9, help="runs of each query (after one warm-up)")
    ap.add_argument("--write", type=int, default=100000,
                    help="copies written through the write path (the rest: bulk loader + statistics rebuild)")
    ap.add_argument("--e2e", type=int, default=200, help="BBC articles for the end-to-end figures (0: skip)")
    ap.add_argument("--work", type=Path, default=None, help="folder for caches and stores (kept)")
    ap.add_argument("--build", type=int, default=None, help=argparse.SUPPRESS)  # the child process
    ap.add_argument("--store", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-scale-"))
    work.mkdir(parents=True, exist_ok=True)
    cache = work / f"bbc-{args.base}.pickle"
    if args.build is not None:
        print(json.dumps(build(args.build, args.store, cache, args.write)))
        return
    print(f"# {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, load {os.getloadavg()}, "
          f"{os.cpu_count()} cores, work {work}", flush=True)
    if not cache.exists():
        t = time.perf_counter()
        analyse(args.base, cache)
        print(f"analysed {args.base} BBC articles in {time.perf_counter() - t:.0f} s", flush=True)
    largest = None
    for size in (int(s) for s in args.sizes.split(",")):
        store_dir = work / f"store-{size}"
        if store_dir.exists():
            shutil.rmtree(store_dir)
        done = subprocess.run([sys.executable, __file__, "--build", str(size), "--store", str(store_dir),
                               "--base", str(args.base), "--work", str(work), "--write", str(args.write)], check=True, capture_output=True, text=True)
        r = json.loads(done.stdout.strip().splitlines()[-1])
        rates = r["rates"]
        print(f"\n## {size:,} articles (+13 sample), load {os.getloadavg()[0]:.1f}", flush=True)
        if r.get("bulk"):
            print(f"first {r['bulk']:,} copies by pyoxigraph bulk_load: {r['bulk_quads']:,} quads, "
                  f"{r['bulk_quads'] / r['bulk_s']:,.0f} quads/s; statistics rebuilt in {r['rebuild_s']:.0f} s")
        print(f"then {r['written']:,} copies by the write path (KGStore.write_articles in chunks, statistics kept), "
              "articles/s per tenth: " + " ".join(f"{x:.1f}" for x in rates)
              + f"; last/first {rates[-1] / rates[0]:.2f}; {r['written'] / r['write_s']:.1f} articles/s overall")
        if r.get("bulk"):
            qn, bs = r["bulk_quads"], r["bulk_s"]
        else:
            qn, bs = bulk_load_rate(store_dir, work)
        print(f"write path {r['quads'] / r['write_s']:,.0f} quads/s; bulk_load {qn / bs:,.0f} quads/s "
              f"({qn:,} quads); write path at {r['quads'] / r['write_s'] / (qn / bs):.2f}x bulk_load")
        print(f"peak RSS {r['rss_mib']:.0f} MiB; store on disk {r['disk_mib']:.0f} MiB")
        print(f"{'query':<34} {'p50 ms':>8} {'p95 ms':>8} {'rows':>7}")
        skip = ("events-all", "statements-all") if size > 10000 else ()  # unbound: every event/statement
        if skip:
            print(f"(left out at this size: notebook/{', notebook/'.join(skip)}, which list the whole store)")
        for name, p50, p95, n in queries(store_dir, args.reps, skip=skip):
            print(f"{name:<34} {p50:>8.1f} {p95:>8.1f} {n:>7}", flush=True)
        largest = store_dir
    if args.e2e:
        print(f"\n## end to end ({args.e2e} BBC articles, real NLP), load {os.getloadavg()[0]:.1f}", flush=True)
        for line in e2e(args.e2e, largest, work):
            print(line, flush=True)


if __name__ == "__main__":
    main()
