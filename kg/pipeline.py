"""The one driver of the stages: ingest -> extract -> resolve -> rdf -> store.

Identity is a global step: the store's actor evidence (each article graph's names and kinds
for its actors) is read once per run into an :class:`IdentityBook`; each chunk of analysed
articles adds its own, :class:`kg.resolve.Identity` clusters the whole set, and the chunk is
written with it. At the end, stored articles whose actors the final clustering places
elsewhere (an earlier "Locke" now that "Gary Locke" is known) are analysed again from their
stored text and rewritten, each atomically; then the shared facts (label, type, names,
country code) of every actor the run touched are set. The store so ends as a function of
the set of articles, whatever their order, however many runs, after a crash and a re-run.
Only this module and :mod:`kg.store` see the store.

>>> import tempfile, pathlib
>>> from kg.store import open_store
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.jsonl").write_text('{"id": "a1", "text": "Mike Pompeo met Heiko Maas in Berlin."}\\n')
>>> with open_store(folder / "store") as store:
...     report = ingest([folder / "a.jsonl"], store)
>>> report.articles, report.written, len(report.bad)
(1, 1, 0)
"""

from __future__ import annotations

import datetime as dt
import hashlib
import multiprocessing
import os
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from kg import __version__
from kg.errors import BadRecordError, ExtractionError
from kg.extract import analyse_doc
from kg.extract.casing import model_text
from kg.extract.nlp import load_model, model_label, parse_all, parse_or_error
from kg.model import ACTOR_KINDS, IRI, Analysis, Article, GraphUpdate
from kg.ontology import STORE_FILES, ontology_text
from kg.queries import load
from kg.rdf import analysis_graph, shared_actor_triples
from kg.read import input_files, read_articles
from kg.resolve import Identity, Unit, resolve_actors, stored_unit, units_of
from kg.store import KGStore
from kg.vocab import DEFAULT_BASE, GAF, ITSRDF, NKG, ONTOLOGY_GRAPH, RDF, SKOS, graph_iri, shared_graph_iri

#: Articles written between two flushes of the store's write buffers.
FLUSH_EVERY = 100
#: Articles analysed, then resolved and written together (memory stays bounded by it).
CHUNK = 256

#: A progress callback: called with the number of records done since its last call.
Progress = Callable[[int], None]


@dataclass
class IngestReport:
    """What an ingest run did; :meth:`summary` is its one-line account."""

    articles: int = 0
    written: int = 0
    unchanged: int = 0
    triples: int = 0
    bad: list[BadRecordError] = field(default_factory=list)
    failed: list[ExtractionError] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line: articles, triples, skipped, seconds.

        >>> IngestReport(articles=3, written=2, unchanged=1, triples=90, seconds=1.234).summary()
        '3 articles (2 written, 1 unchanged), 90 triples, 0 skipped, 1.2 s'
        """
        failed = f", {len(self.failed)} failed" if self.failed else ""
        return (f"{self.articles} articles ({self.written} written, {self.unchanged} unchanged{failed}), "
                f"{self.triples} triples, {len(self.bad)} skipped, {self.seconds:.1f} s")


def generation_time() -> str:
    """The PROV time stamp: ``$SOURCE_DATE_EPOCH`` when set (reproducible builds), else now (UTC).

    >>> os.environ["SOURCE_DATE_EPOCH"] = "0"; generation_time()
    '1970-01-01T00:00:00Z'
    >>> del os.environ["SOURCE_DATE_EPOCH"]
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    return now.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def to_graph(analysis: Analysis, *, identity: Identity, base: str = DEFAULT_BASE,
             generated: str) -> GraphUpdate:
    """The stages after extraction: cross-article identity (``identity`` must hold the
    article's units), then RDF."""
    analysis.actors = resolve_actors(analysis.actors, identity)
    return analysis_graph(analysis, base=base, version=__version__, generated=generated)


class IdentityBook:
    """The identity evidence of every article: per article graph, per actor IRI, the unit
    the graph records and the kind the graph gives the actor (see :func:`read_book`)."""

    def __init__(self, base: str = DEFAULT_BASE) -> None:
        self.base = base
        self.graphs: dict[str, dict[str, tuple[Unit, str]]] = {}
        self.pending: dict[str, list[Unit]] = {}  # analysed, not yet written
        self._interned: dict[Unit, Unit] = {}  # one object per distinct unit keeps memory small
        self.counts: Counter[Unit] = Counter()  # recorded units, how many graphs hold each

    def intern(self, unit: Unit) -> Unit:
        """The one stored copy of an equal unit."""
        return self._interned.setdefault(unit, unit)

    def identity(self) -> Identity:
        """The clusters of every recorded and pending unit (a pending article's units stand for
        what its graph records); cost follows the distinct units, not the articles."""
        units = Counter(self.counts)
        for g, pending in self.pending.items():
            units.subtract(u for u, _ in self.graphs.get(g, {}).values())
            units.update(pending)
        return Identity(units, base=self.base)

    def put(self, graph: str, actors: dict[str, tuple[Unit, str]]) -> None:
        """Record what a graph holds (actor IRI -> unit and kind), keeping the unit counts."""
        self.counts.subtract(u for u, _ in self.graphs.get(graph, {}).values())
        self.graphs[graph] = {a: (self.intern(u), kind) for a, (u, kind) in actors.items()}
        self.counts.update(u for u, _ in self.graphs[graph].values())

    def record(self, graph: str, analysis: Analysis) -> None:
        """What an article graph now records (its actors resolved)."""
        self.pending.pop(graph, None)
        self.put(graph, {a.iri or "": (u, a.kind) for a, u in zip(analysis.actors, units_of(analysis.actors))})

    def resolve(self, analyses: list[Analysis]) -> Identity:
        """Resolve the actors of analysed articles against the whole set, the articles' own
        units pending; actors of one article found to be one are merged and recorded as the
        graph will record them, until the clustering no longer changes."""
        for analysis in analyses:
            self.pending[graph_iri(analysis.article.id, self.base)] = units_of(analysis.actors)
        for _ in range(5):
            identity = self.identity()
            changed = False
            for analysis in analyses:
                analysis.actors = resolve_actors(analysis.actors, identity)
                units = units_of(analysis.actors)
                g = graph_iri(analysis.article.id, self.base)
                if sorted(units) != sorted(self.pending[g]):
                    self.pending[g], changed = units, True
            if not changed:
                break
        return identity

    def stale(self, identity: Identity) -> list[str]:
        """Article graphs that give an actor another IRI or kind than ``identity`` does."""
        return sorted(g for g, actors in self.graphs.items()
                      if any((identity.cluster(u).iri, identity.cluster(u).kind) != (a, kind)
                             for a, (u, kind) in actors.items()))

    def iris(self, graphs: Iterable[str]) -> set[str]:
        """The actor IRIs these graphs record."""
        return {a for g in graphs for a in self.graphs.get(g, {})}


def read_book(store: KGStore, *, base: str = DEFAULT_BASE) -> IdentityBook:
    """The identity evidence the store holds: each article graph's names (``nkg:articleName``,
    ``skos:altLabel``), type, country code and mention kinds (``itsrdf:taClassRef``) of its
    actors; read by index scans of six predicates, not by joins."""
    book = IdentityBook(base)
    shared = shared_graph_iri(base)
    kinds: dict[tuple[str, str], str] = {}
    for kind in ACTOR_KINDS:
        for a, _, g in store.statements(f"{RDF}type", f"{NKG}{kind}"):
            if g != shared:
                kinds[(g, a)] = kind
    names: dict[tuple[str, str], set[str]] = defaultdict(set)
    for a, name, g in store.statements(f"{SKOS}altLabel"):
        if (g, a) in kinds:
            names[(g, a)].add(str(name))
    codes = {(g, a): str(c) for a, c, g in store.statements(f"{NKG}countryCode") if (g, a) in kinds}
    given: dict[tuple[str, str], list[str]] = defaultdict(list)
    for a, name, g in store.statements(f"{NKG}articleName"):
        given[(g, a)].append(str(name))
    seen_as = {(g, m): k.rsplit("#", 1)[-1] for m, k, g in store.statements(f"{ITSRDF}taClassRef")}
    seen: dict[tuple[str, str], list[str]] = defaultdict(list)
    for a, m, g in store.statements(f"{GAF}denotedBy"):
        if (g, m) in seen_as and (g, a) in kinds:
            seen[(g, a)].append(seen_as[(g, m)])
    found: dict[str, dict[str, tuple[Unit, str]]] = defaultdict(dict)
    for (g, a), ns in names.items():
        found[g][a] = (stored_unit(ns, seen.get((g, a)) or [kinds[(g, a)]], codes.get((g, a)), given.get((g, a), ())),
                       kinds[(g, a)])
    for g, actors in found.items():
        book.put(g, actors)
    return book


def stored_articles(store: KGStore, graphs: Iterable[str]) -> Iterator[Article]:
    """The articles of stored graphs, read back from the store (to analyse them again)."""
    for g in graphs:
        rows = store.select(load("pipeline/article"), union=False, bindings={"g": IRI(g)})
        if rows:
            r = rows[0]
            yield Article(id=str(r["id"]), text=str(r["text"]), title=r["title"], date=r["date"],
                          url=r["url"], source=r["source"], origin=g)


def shared_facts(identity: Identity, iris: Iterable[str]) -> dict[str, list[tuple[str, str, str]]]:
    """The shared-graph triples of these actor IRIs (none for an IRI no actor has any more)."""
    clusters = {c.iri: c for c in identity.clusters()}
    return {a: (shared_actor_triples(a, label=c.label, kind=c.kind, aliases=c.aliases, country_code=c.country_code)
                if (c := clusters.get(a)) else []) for a in iris}


def ensure_ontology(store: KGStore) -> bool:
    """Load (or refresh) the ontology and event-type scheme into their own graph."""
    data = "\n".join(ontology_text(name) for name in STORE_FILES)
    digest = hashlib.sha256(f"{__version__}\n{data}".encode()).hexdigest()
    return store.replace_graph(ONTOLOGY_GRAPH, data, format="turtle", digest=digest)


def ingest(paths: Sequence[str | os.PathLike[str]], store: KGStore, *, base: str = DEFAULT_BASE,
           workers: int = 1, progress: Progress | None = None, model: str | None = None) -> IngestReport:
    """Ingest JSONL/.txt files and folders into the store; bad records are reported, not fatal.

    :param progress: called with the number of records done, as they are done (never drawn here).
    :raises InputError: a path is missing or of an unreadable kind (before anything is written).
    """
    input_files(paths)  # a missing or unreadable path raises here, before anything is written
    return ingest_articles(read_articles(paths), store, base=base, workers=workers,
                           progress=progress, model=model)


def ingest_articles(records: Iterable[Article | BadRecordError], store: KGStore, *,
                    base: str = DEFAULT_BASE, workers: int = 1, progress: Progress | None = None,
                    model: str | None = None) -> IngestReport:
    """Ingest article records (bad records are counted and kept in the report)."""
    started = time.perf_counter()
    report = IngestReport()
    ensure_ontology(store)
    generated = generation_time()
    book = read_book(store, base=base)
    touched: set[str] = set()
    bar = progress or _no_progress
    articles = _collect_bad(records, report, bar)
    for chunk in _batches(_analysed(articles, workers=workers, model=model), CHUNK):
        analyses = []
        for analysis in chunk:
            report.articles += 1
            if isinstance(analysis, ExtractionError):  # a bug on one article: report it, go on
                report.failed.append(analysis)
                bar(1)
                continue
            analyses.append(analysis)
        identity = book.resolve(analyses)
        for analysis in analyses:
            _write(analysis, store, book, identity, report, touched, base=base, generated=generated)
            bar(1)
    _settle(store, book, touched, report, workers=workers, model=model, base=base, generated=generated)
    report.seconds = time.perf_counter() - started
    return report


def _write(analysis: Analysis, store: KGStore, book: IdentityBook, identity: Identity, report: IngestReport,
           touched: set[str], *, base: str, generated: str, count: bool = True) -> None:
    """Resolve, write and record one article; a failure is reported and the run goes on."""
    g = graph_iri(analysis.article.id, base)
    touched |= book.iris([g])
    try:
        update = to_graph(analysis, identity=identity, base=base, generated=generated)
        written = store.write_article(update)
    except Exception as e:  # noqa: BLE001 - one article's failure is reported, the run goes on
        book.pending.pop(g, None)
        report.failed.append(ExtractionError(_origin(analysis.article), f"{type(e).__name__}: {e}", stage="writing"))
        return
    book.record(g, analysis)
    touched |= book.iris([g])
    if not count:
        return
    if written:
        report.written += 1
        report.triples += len(update.triples)
        if report.written % FLUSH_EVERY == 0:
            store.flush()  # keeps the store's write buffers, and so memory, bounded
    else:
        report.unchanged += 1


def _settle(store: KGStore, book: IdentityBook, touched: set[str], report: IngestReport, *, workers: int,
            model: str | None, base: str, generated: str) -> None:
    """Rewrite the stored articles the final clustering places elsewhere (analysed again from
    their stored text), then set the shared facts of every actor the run touched."""
    identity = book.identity()
    for _ in range(3):  # a rewrite can only refine what it records; settles at once in practice
        stale = book.stale(identity)
        if not stale:
            break
        for chunk in _batches(_analysed(stored_articles(store, stale), workers=workers, model=model), CHUNK):
            analyses = [a for a in chunk if not isinstance(a, ExtractionError)]
            identity = book.resolve(analyses)
            for analysis in analyses:
                _write(analysis, store, book, identity, report, touched, base=base, generated=generated, count=False)
        identity = book.identity()
    store.replace_subjects(shared_graph_iri(base), shared_facts(identity, touched))


def _no_progress(done: int) -> None:
    """The progress callback when none is given."""


def _collect_bad(records: Iterable[Article | BadRecordError], report: IngestReport,
                 bar: Progress) -> Iterator[Article]:
    for record in records:
        if isinstance(record, BadRecordError):
            report.bad.append(record)
            bar(1)
        else:
            yield record


def _batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(items)
    while batch := list(islice(it, size)):
        yield batch


def _origin(article: Article) -> str:
    """Where an article came from (``file:line``), or its id."""
    return article.origin or article.id


def _extract(article: Article, doc: Any, label: str) -> Analysis | ExtractionError:
    """One article's extraction; an exception in it (a bug) becomes a reported error record,
    and so does the exception that parsing it raised (``doc``)."""
    if isinstance(doc, Exception):
        return ExtractionError(_origin(article), f"{type(doc).__name__}: {doc}", stage="language analysis")
    try:
        return analyse_doc(article, doc, model=label)
    except Exception as e:  # noqa: BLE001 - kept and reported per article, never swallowed
        return ExtractionError(_origin(article), f"{type(e).__name__}: {e}")


def _analysed(articles: Iterable[Article], *, workers: int,
              model: str | None) -> Iterator[Analysis | ExtractionError]:
    """Extractions in input order; with ``workers > 1`` the NLP runs in worker processes, a
    bounded batch at a time so memory stays flat on any input size. Identity and RDF stay in
    this process, so cross-article identity sees the articles in input order."""
    nlp = load_model(model)  # here first: a missing model fails fast, not inside a worker
    if workers <= 1:
        label = model_label(nlp)
        for batch in _batches(articles, 32):
            docs = parse_all(nlp, [model_text(a.text) for a in batch])
            for article, doc in zip(batch, docs):
                yield _extract(article, doc, label)
        return
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(workers, initializer=_worker_init, initargs=(model,)) as pool:
        for batch in _batches(articles, 16 * workers):
            yield from pool.imap(_worker_analyse, batch, chunksize=4)


_WORKER: dict[str, Any] = {}


def _worker_init(model: str | None) -> None:
    nlp = load_model(model)
    _WORKER.update(nlp=nlp, label=model_label(nlp))


def _worker_analyse(article: Article) -> Analysis | ExtractionError:
    return _extract(article, parse_or_error(_WORKER["nlp"], model_text(article.text)), _WORKER["label"])
