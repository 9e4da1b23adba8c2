"""The one driver of the stages: ingest -> extract -> resolve -> rdf -> store.

The store's known actors are read once as an index and handed to :mod:`kg.resolve`, which
grows it as the run goes on; only this module and :mod:`kg.store` see the store.

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
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from kg import __version__
from kg.errors import BadRecordError, ExtractionError
from kg.extract import analyse_doc
from kg.extract.casing import model_text
from kg.extract.nlp import load_model, model_label, parse_all, parse_or_error
from kg.model import IRI, Analysis, Article, GraphUpdate, KnownActor
from kg.ontology import STORE_FILES, ontology_text
from kg.queries import load
from kg.rdf import analysis_graph
from kg.read import input_files, read_articles
from kg.resolve import ActorIndex, resolve_actors
from kg.store import KGStore
from kg.vocab import DEFAULT_BASE, ONTOLOGY_GRAPH, shared_graph_iri

#: Articles written between two flushes of the store's write buffers.
FLUSH_EVERY = 100

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


def to_graph(analysis: Analysis, *, index: ActorIndex, base: str = DEFAULT_BASE,
             generated: str) -> GraphUpdate:
    """The stages after extraction: cross-article identity (growing ``index``), then RDF."""
    analysis.actors = resolve_actors(analysis.actors, base=base, index=index)
    return analysis_graph(analysis, base=base, version=__version__, generated=generated)


def known_actors(store: KGStore, *, base: str = DEFAULT_BASE) -> ActorIndex:
    """The index of actors the store already holds (labels, kinds, aliases of the shared graph)."""
    rows = store.select(load("pipeline/known-actors"), union=False, bindings={"shared": IRI(shared_graph_iri(base))})
    return ActorIndex(KnownActor(r["a"], r["label"], r["kind"], frozenset(filter(None, (r["alts"] or "").split("\u0001"))))
                      for r in rows)


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
    index = known_actors(store, base=base)
    bar = progress or _no_progress
    articles = _collect_bad(records, report, bar)
    for analysis in _analysed(articles, workers=workers, model=model):
        report.articles += 1
        if isinstance(analysis, ExtractionError):  # a bug on one article: report it, go on
            report.failed.append(analysis)
            bar(1)
            continue
        try:
            update = to_graph(analysis, index=index, base=base, generated=generated)
            written = store.write_article(update)
        except Exception as e:  # noqa: BLE001 - one article's failure is reported, the run goes on
            report.failed.append(ExtractionError(_origin(analysis.article), f"{type(e).__name__}: {e}",
                                                 stage="writing"))
            written = None
        if written:
            report.written += 1
            report.triples += len(update.triples)
            if report.written % FLUSH_EVERY == 0:
                store.flush()  # keeps the store's write buffers, and so memory, bounded
        elif written is False:
            report.unchanged += 1
        bar(1)
    report.seconds = time.perf_counter() - started
    return report


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
