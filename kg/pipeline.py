"""The one driver of the stages: ingest -> extract -> resolve -> rdf -> store.

Identity is a global step: the store's actor evidence (each article graph's units, one per
actor its extraction found, ``nkg:identityEvidence``) is read once per run into an
:class:`IdentityBook`; each chunk of analysed
articles adds its own, :class:`kg.resolve.Identity` clusters the whole set, and the chunk is
written with it; articles this run wrote that a chunk's clustering places elsewhere (an earlier
"Locke" now that "Gary Locke" is known) are rewritten with the next chunk. At the end, every
stored article the final clustering places elsewhere is rewritten, each atomically, from the
analysis the run kept (:mod:`kg.spool`) or, for an article of an earlier run, its stored text
analysed again; then the shared facts (label, type, names,
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
import sys
import threading
import time
from collections import Counter, defaultdict, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any

from kg import __version__, geonames
from kg.errors import BadRecordError, ExtractionError
from kg.extract import analyse_doc
from kg.extract.casing import model_text
from kg.extract.nlp import load_model, model_label, names_trained, parse_all
from kg.model import ACTOR_KINDS, IRI, Analysis, Article, GraphUpdate
from kg.ontology import STORE_FILES, ontology_text
from kg.queries import load as load_query
from kg.rdf import analysis_graph, shared_actor_triples
from kg.rdf.terms import Triple, to_python
from kg.read import input_files, read_articles
from kg.closure import closures
from kg.event_identity import link_events, units_from_rows
from kg.participant_identity import event_keys, link_participants, noun_forms, organisation_noun
from kg.resolve import (Identity, Unit, identity_links, resolve_actors, stored_unit, unit_from_json, unit_json,
                        units_of)
from kg.store import KGStore
from kg.spool import AnalysisSpool
from kg.stats import ensure_current as ensure_current_statistics
from kg.store.evidence import EvidenceTable
from kg.vocab import (DEFAULT_BASE, GAF, ITSRDF, NKG, ONTOLOGY_GRAPH, OWL, RDF, SEM, SKOS, event_identity_graph_iri,
                      graph_iri, participant_identity_graph_iri, shared_graph_iri)

#: Articles written between two flushes of the store's write buffers.
FLUSH_EVERY = 100
#: Articles analysed, then resolved and written together (memory stays bounded by it); the
#: writing of one chunk overlaps the analysis of the next.
CHUNK = 32

#: How much lower the writer thread's CPU priority is (its nice value added to the process's).
#: With one worker on two cores the worker's parse is the slower side: the writer (and the
#: store's threads it starts) takes a core only when neither the worker nor the main thread
#: wants it, and catches up while they wait. Linux keeps a nice value per thread; elsewhere
#: nothing changes.
WRITER_NICE = 10

#: Once the input is all read (the last articles are being analysed), chunks of this many: what
#: is left to write after the last analysis is then a few articles, not a whole chunk.
LAST_CHUNK = 8

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


#: What an article graph records for identity: (actor IRI, unit, kind), one per extracted actor.
Record = tuple[str, Unit, str]


class IdentityBook:
    """The identity evidence of every article: per article graph, the unit of each actor its
    extraction found (as the graph records it, ``nkg:identityEvidence``) with the IRI and
    kind the graph gives it.

    Complete (``complete=True``, see :func:`read_book`), it holds every graph. Otherwise
    (:func:`open_book` on a store whose evidence table is trusted) it holds the unit counts
    and the actor the stored graphs give each unit, and loads a graph's record from the table
    when asked; every stored graph gives a unit the same actor then, so the stale graphs are
    found among those that record a unit whose actor has changed since (no identity of the
    start is built). Every change is written through to the table (``table``).
    """

    def __init__(self, base: str = DEFAULT_BASE, *, table: EvidenceTable | None = None,
                 complete: bool = True) -> None:
        self.base = base
        self.table = table
        self.complete = complete
        self.graphs: dict[str, list[Record]] = {}
        self.pending: dict[str, list[Unit]] = {}  # analysed, not yet written
        self._interned: dict[Unit, Unit] = {}  # one object per distinct unit keeps memory small
        self._near: dict[str, list[Unit]] = defaultdict(list)  # identity key -> the units that have it
        self.counts: Counter[Unit] = Counter()  # recorded units, how many graphs hold each
        self._start: dict[Unit, tuple[str, str]] = {}  # unit -> the actor IRI and kind the stored graphs give it (not complete)
        self._written: dict[Unit, set[str]] = defaultdict(set)  # units of graphs this run wrote -> those graphs
        self._written_as: dict[Unit, tuple[str, str]] = {}  # such a unit -> the actor IRI and kind last seen

    def intern(self, unit: Unit) -> Unit:
        """The one stored copy of an equal unit (indexed by its identity keys)."""
        kept = self._interned.get(unit)
        if kept is None:
            kept = self._interned[unit] = unit
            for key in identity_links(unit).finds:
                self._near[key].append(unit)
        return kept

    def graph(self, graph: str) -> list[Record]:
        """What a graph records; empty for a graph not stored."""
        if graph in self.graphs or self.complete or self.table is None:
            return self.graphs.get(graph, [])
        records = [(a, self.intern(unit_from_json(data)), kind) for a, data, kind in self.table.graph(graph)]
        self.graphs[graph] = records
        return records

    def identity(self, around: Iterable[Unit] | None = None) -> Identity:
        """The clusters of every recorded and pending unit (a pending article's units stand for
        what its graph records); cost follows the distinct units, not the articles.

        With ``around``, the clusters of only the units these find by their identity keys
        (:func:`~kg.resolve.identity_links`): what the whole set gives ``around``
        unless a third unit decides it, at a cost that follows the neighbourhood, not the
        store. A run writes with it and checks every graph it wrote against the whole set's
        identity at its end (:meth:`stale`)."""
        change: Counter[Unit] = Counter()
        for g, pending in self.pending.items():
            change.subtract(u for _, u, _ in self.graph(g))
            change.update(pending)
        if around is None:
            units = Counter(self.counts)
            units.update(change)
        else:
            near = {v for u in around for key in identity_links(u).seeks for v in self._near[key]}
            units = Counter({u: self.counts[u] + change[u] for u in near})
        return Identity(units, base=self.base)

    def put(self, graph: str, records: Iterable[Record]) -> None:
        """Record what a graph holds, keeping the unit counts."""
        old = self.graph(graph)
        self.counts.subtract(u for _, u, _ in old)
        self.graphs[graph] = sorted((a, self.intern(u), kind) for a, u, kind in records)
        self.counts.update(u for _, u, _ in self.graphs[graph])
        if self.table is not None:
            self.table.put(graph, _as_json(old), _as_json(self.graphs[graph]))

    def record(self, graph: str, analysis: Analysis, triples: Iterable[tuple[str, str, str]]) -> None:
        """What an article graph now records: its actors resolved, and (kept in the table for
        :func:`link_event_identity`) the evidence of its events in ``triples``, as written."""
        if self.table is not None:
            self.table.put_events(graph, event_rows(triples))
        self.pending.pop(graph, None)
        self.put(graph, [(a.iri or "", u, a.kind) for a in analysis.actors for u in a.units])
        for a, u, kind in self.graphs[graph]:
            self._written[u].add(graph)
            self._written_as[u] = (a, kind)

    def hold(self, analyses: list[Analysis]) -> set[Unit]:
        """Hold these analysed (not yet resolved) articles pending: their extracted units stand
        for what their graphs will record. Returns the units whose count this changes."""
        changed: Counter[Unit] = Counter()
        for analysis in analyses:
            g = graph_iri(analysis.article.id, self.base)
            changed.subtract(self.pending[g] if g in self.pending else [u for _, u, _ in self.graph(g)])
            self.pending[g] = [self.intern(u) for u in units_of(analysis.actors)]
            changed.update(self.pending[g])
        return {u for u, n in changed.items() if n}

    def resolve(self, analyses: list[Analysis], *, near: bool = False) -> Identity:
        """The identity of the whole set with these analyses pending (:meth:`hold`); with
        ``near``, of the neighbourhood of their units and of those their graphs record now."""
        self.hold(analyses)
        if not near:
            return self.identity()
        graphs = [graph_iri(a.article.id, self.base) for a in analyses]
        return self.identity(around=[*(u for g in graphs for u in self.pending[g]),
                                     *(u for g in graphs for _, u, _ in self.graph(g))])

    def stale(self, identity: Identity) -> list[str]:
        """Article graphs that give an actor another IRI or kind than ``identity`` does."""
        candidates = set(self.graphs)
        if not self.complete and self.table is not None and self._start:
            moved = [u for u, was in self._start.items() if self.counts[u] > 0 and _actor_of(identity, u) != was]
            candidates |= self.table.graphs_with(unit_json(u) for u in moved)
        return sorted(g for g in candidates if any(_actor_of(identity, u) != (a, kind) for a, u, kind in self.graph(g)))

    def moved(self, identity: Identity) -> list[str]:
        """The graphs this run wrote (not pending again) that ``identity`` places an actor of
        elsewhere: found from the units whose actor changed since the last call, so a run can
        rewrite them while it goes on. :meth:`stale` at the end remains the complete answer."""
        candidates: set[str] = set()
        for u in identity.units:
            was = self._written_as.get(u)
            now = _actor_of(identity, u)
            if was is not None and now != was:
                candidates |= self._written[u]
                self._written_as[u] = now
        return sorted(g for g in candidates if g not in self.pending
                      and any(_actor_of(identity, u) not in (None, (a, kind)) for a, u, kind in self.graph(g)))

    def event_rows(self) -> list[dict[str, Any]] | None:
        """The rows of ``pipeline/event-evidence.rq`` for every stored graph, from the table;
        None without a table (the caller then queries the store)."""
        if self.table is None:
            return None
        return [dict(zip(_EVENT_COLUMNS, (g, *row))) for g, rows in self.table.events() for row in rows]

    def iris(self, graphs: Iterable[str]) -> set[str]:
        """The actor IRIs these graphs record."""
        return {a for g in graphs for a, _, _ in self.graph(g)}

    def finish(self) -> None:
        """The run is over and settled: the table (if any) is marked trusted again."""
        if self.table is not None:
            self.table.finish()


def _actor_of(identity: Identity, unit: Unit) -> tuple[str, str] | None:
    """The IRI and kind of a unit's actor; None for a unit the identity does not hold."""
    try:
        cluster = identity.cluster(unit)
    except KeyError:
        return None
    return cluster.iri, cluster.kind


_EVENT_COLUMNS = ("g", "event", "lemma", "class", "fact", "date", "place", "actor")
_EVENT_PREDICATES = {f"<{NKG}lemma>": "lemma", f"<{NKG}eventClass>": "class", f"<{NKG}factuality>": "fact",
                     f"<{SEM}hasTimeStamp>": "date", f"<{SEM}hasPlace>": "place"}
_TYPE_P, _ACTOR_P, _EVENT = f"<{RDF}type>", f"<{SEM}hasActor>", f"<{NKG}Event>"


def event_rows(triples: Iterable[tuple[str, str, str]]) -> list[list[Any]]:
    """The rows ``pipeline/event-evidence.rq`` gives for one article graph, from its triples
    (without the graph column; dates as ISO text): one per event and participant, an event
    without a lemma left out as the query leaves it.

    >>> e, n = "<http://ex.org/e1>", "https://w3id.org/newskg/ns#"
    >>> event_rows([(e, f"<{RDF}type>", f"<{n}Event>"), (e, f"<{n}lemma>", '"strike"'),
    ...             (e, "<http://semanticweb.cs.vu.nl/2009/11/sem/hasActor>", "<http://ex.org/a>")])
    [['http://ex.org/e1', 'strike', None, None, None, None, 'http://ex.org/a']]
    """
    events: dict[str, dict[str, Any]] = {}
    actors: dict[str, list[str]] = defaultdict(list)
    typed: set[str] = set()
    for s, p, o in triples:
        if p == _TYPE_P and o == _EVENT:
            typed.add(s)
        elif p == _ACTOR_P:
            actors[s].append(to_python(o))
        elif (column := _EVENT_PREDICATES.get(p)) is not None:
            value = to_python(o)
            events.setdefault(s, {})[column] = value if isinstance(value, str) else str(value)
    rows = []
    for e in sorted(typed):
        found = events.get(e, {})
        if "lemma" not in found:
            continue
        head = [e[1:-1], found["lemma"], found.get("class"), found.get("fact"), found.get("date"), found.get("place")]
        rows += [[*head, a] for a in sorted(set(actors.get(e, ())))] or [[*head, None]]
    return rows


def _as_json(records: Iterable[Record]) -> list[tuple[str, str, str]]:
    return sorted((a, unit_json(u), kind) for a, u, kind in records)


def open_book(store: KGStore, *, base: str = DEFAULT_BASE) -> IdentityBook:
    """The identity evidence for a run that writes ``store``: from the evidence table beside
    it when that is trusted (cost: the distinct units, not the stored articles), else read
    from every article graph (:func:`read_book`) and the table rebuilt. The table is marked
    untrusted until :meth:`IdentityBook.finish`, so a run killed in between is followed by a
    rebuild. A server (URL) has no table: every run reads the graphs."""
    table = store.evidence()
    if table is not None and table.trusted(base=base):
        book = IdentityBook(base, table=table, complete=False)
        for data, n, iri, kind in table.units():
            unit = book.intern(unit_from_json(data))
            book.counts[unit] = n
            book._start[unit] = (iri, kind)
        table.begin(base=base)
        return book
    book = read_book(store, base=base)
    if table is not None:
        table.begin(base=base, rebuild=True)
        for g, records in book.graphs.items():
            table.put(g, [], _as_json(records))
        for g, rows in _event_rows_by_graph(store.select(load_query("pipeline/event-evidence"), union=False)).items():
            table.put_events(g, rows)
        book.table = table
    return book


def _event_rows_by_graph(rows: Iterable[Mapping[str, Any]]) -> dict[str, list[list[Any]]]:
    """The event-evidence query's rows by graph, as :func:`event_rows` gives them."""
    found: dict[str, list[list[Any]]] = defaultdict(list)
    for r in rows:
        found[str(r["g"])].append([None if r[c] is None else str(r[c]) for c in _EVENT_COLUMNS[1:]])
    return {g: sorted(v, key=lambda row: [str(x) for x in row]) for g, v in found.items()}


def read_book(store: KGStore, *, base: str = DEFAULT_BASE) -> IdentityBook:
    """The identity evidence the article graphs hold (complete: every graph): the units of
    their actors (``nkg:identityEvidence``) and the kind each graph gives them; read by index
    scans, not by joins. (A graph an older version wrote, without units, gives each actor the
    unit of its names, ``nkg:articleName`` and ``skos:altLabel``, country code and mention kinds,
    ``itsrdf:taClassRef``; the run rewrites it.)"""
    book = IdentityBook(base)
    shared = shared_graph_iri(base)
    kinds: dict[tuple[str, str], str] = {}
    for kind in ACTOR_KINDS:
        for a, _, g in store.statements(f"{RDF}type", f"{NKG}{kind}"):
            if g != shared:
                kinds[(g, a)] = kind
    found: dict[str, list[Record]] = defaultdict(list)
    for a, data, g in store.statements(f"{NKG}identityEvidence"):
        if (g, a) in kinds:
            found[g].append((a, unit_from_json(str(data)), kinds[(g, a)]))
    recorded = {(g, a) for g, records in found.items() for a, _, _ in records}
    kinds = {ga: kind for ga, kind in kinds.items() if ga not in recorded}
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
    for (g, a), ns in names.items():
        found[g].append((a, stored_unit(ns, seen.get((g, a)) or [kinds[(g, a)]], codes.get((g, a)),
                                        given.get((g, a), ())), kinds[(g, a)]))
    for g, records in found.items():
        book.put(g, records)
    return book


def stored_articles(store: KGStore, graphs: Iterable[str]) -> Iterator[Article]:
    """The articles of stored graphs, read back from the store (to analyse them again)."""
    for g in graphs:
        rows = store.select(load_query("pipeline/article"), union=False, bindings={"g": IRI(g)})
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
    ensure_current_statistics(store)  # an older newskg's statistics are recounted first
    generated = generation_time()
    book = open_book(store, base=base)
    touched: set[str] = set()
    bar = progress or _no_progress
    articles = _Ending(_collect_bad(records, report, bar))

    def write(analyses: list[Analysis], again: list[Analysis], identity: Identity) -> None:
        geonames.preload()  # on this thread, while the next chunk is analysed (the end needs it)
        _write_chunk(analyses, store, book, identity, report, touched, base=base, generated=generated, bar=bar)
        _write_chunk(again, store, book, identity, report, touched, base=base, generated=generated, count=False)

    # A chunk is written on a thread while the next is analysed (the store's writes release the
    # GIL); a chunk is resolved only once the one before it is written and recorded. Articles
    # written earlier in the run that a chunk's identity places elsewhere are rewritten (from
    # the spool) with the next chunk, so little is left for the end.
    with AnalysisSpool() as spool, ThreadPoolExecutor(max_workers=1, thread_name_prefix="newskg-write",
                                                     initializer=lower_thread_priority) as writer:
        writing: Future[None] | None = None
        background = BackgroundThreads()
        chunk: list[Analysis] = []
        moved: list[str] = []  # written graphs the last identity places elsewhere: rewritten with the next chunk

        def submit() -> None:
            nonlocal writing, chunk, moved
            background.lower()
            if writing is not None:
                writing.result()
            again = [a for g in moved if (a := spool.get(g)) is not None]
            identity = book.resolve(chunk + again, near=True)
            moved = book.moved(identity)
            writing, chunk = writer.submit(write, chunk, again, identity), []

        for analysis in _analysed(articles, workers=workers, model=model):
            report.articles += 1
            if isinstance(analysis, ExtractionError):  # a bug on one article: report it, go on
                report.failed.append(analysis)
                bar(1)
                continue
            chunk.append(analysis)
            spool.put(graph_iri(analysis.article.id, base), analysis)
            if len(chunk) >= (LAST_CHUNK if articles.ended else CHUNK):  # the end near: smaller chunks
                submit()
        if chunk:
            submit()
        if writing is not None:
            writing.result()
        _conclude(store, book, touched, report, workers=workers, model=model, base=base, generated=generated,
                  spool=spool)
    report.seconds = time.perf_counter() - started
    return report


def _write_chunk(analyses: list[Analysis], store: KGStore, book: IdentityBook, identity: Identity,
                 report: IngestReport, touched: set[str], *, base: str, generated: str,
                 bar: Progress | None = None, count: bool = True) -> None:
    """Resolve, write and record a chunk of articles, the new graphs together
    (:meth:`KGStore.write_articles`); when that fails, each is written alone, so only the
    articles that fail are reported. ``bar`` advances by one per article done; ``count=False``
    (rewrites of articles written before) leaves the report's counts as they are."""
    tick = bar or _no_progress

    def failed(analysis: Analysis, graph: str, e: Exception) -> None:  # reported, the run goes on
        book.pending.pop(graph, None)
        report.failed.append(ExtractionError(_origin(analysis.article), f"{type(e).__name__}: {e}", stage="writing"))
        tick(1)

    made: list[tuple[Analysis, GraphUpdate]] = []
    for analysis in analyses:
        g = graph_iri(analysis.article.id, base)
        touched |= book.iris([g])
        try:
            made.append((analysis, to_graph(analysis, identity=identity, base=base, generated=generated)))
        except Exception as e:  # noqa: BLE001 - one article's failure is reported, the run goes on
            failed(analysis, g, e)
    try:
        results: list[bool | None] = list(store.write_articles([update for _, update in made]))
    except Exception:  # noqa: BLE001 - written one by one below, each failure reported
        results = [None] * len(made)
    for (analysis, update), written in zip(made, results):
        if written is None:
            try:
                written = store.write_article(update)
            except Exception as e:  # noqa: BLE001 - one article's failure is reported, the run goes on
                failed(analysis, update.graph, e)
                continue
        book.record(update.graph, analysis, update.triples)
        touched |= book.iris([update.graph])
        tick(1)
        if not count:
            continue
        if written:
            report.written += 1
            report.triples += len(update.triples)
            if report.written % FLUSH_EVERY == 0:
                store.flush()  # keeps the store's write buffers, and so memory, bounded
        else:
            report.unchanged += 1


def _settle(store: KGStore, book: IdentityBook, touched: set[str], report: IngestReport, *, workers: int,
            model: str | None, base: str, generated: str, spool: AnalysisSpool | None = None) -> None:
    """Rewrite the stored articles the final clustering places elsewhere (from the analyses the
    run kept in ``spool``, else analysed again from their stored text), then set the shared
    facts of every actor the run touched."""
    identity = book.identity()
    for _ in range(3):  # a rewrite records the units it had (extraction is a pure map): one pass settles
        stale = book.stale(identity)
        if not stale:
            break
        kept = {g: a for g in stale if spool is not None and (a := spool.get(g)) is not None}
        again = _analysed(stored_articles(store, [g for g in stale if g not in kept]), workers=workers, model=model)
        changed = False
        for chunk in _batches(chain(kept.values(), again), CHUNK):
            analyses = [a for a in chunk if not isinstance(a, ExtractionError)]
            if book.hold(analyses):  # units other than recorded (a graph of an older version)
                identity, changed = book.identity(), True
            _write_chunk(analyses, store, book, identity, report, touched, base=base, generated=generated, count=False)
        if not changed:  # the same units as before: the identity is the one the graphs were rewritten by
            break
        identity = book.identity()
    store.replace_subjects(shared_graph_iri(base), shared_facts(identity, touched))


def _conclude(store: KGStore, book: IdentityBook, touched: set[str], report: IngestReport, *, workers: int,
              model: str | None, base: str, generated: str, spool: AnalysisSpool | None = None) -> None:
    """The end of every writing run (``ingest`` and ``load`` alike): settle, link the events
    several articles report, then trust the evidence table again."""
    _settle(store, book, touched, report, workers=workers, model=model, base=base, generated=generated, spool=spool)
    events = book.event_rows()
    link_event_identity(store, base=base, rows=events)
    link_participant_identity(store, base=base, rows=events)
    book.finish()


def link_event_identity(store: KGStore, *, base: str = DEFAULT_BASE,
                        rows: Iterable[Mapping[str, Any]] | None = None) -> bool:
    """Link the events several stored articles report as one (:mod:`kg.event_identity`) by
    ``owl:sameAs``, in a graph of their own, recomputed from every article graph's events
    (``rows`` of ``pipeline/event-evidence.rq``, as the evidence table keeps them; queried when
    None); returns whether the links changed."""
    if rows is None:
        rows = store.select(load_query("pipeline/event-evidence"), union=False)
    shared = {"shared": IRI(shared_graph_iri(base))}
    kinds = {str(r["actor"]): str(r["kind"]).removeprefix(NKG)
             for r in store.select(load_query("pipeline/actor-kinds"), bindings=shared)}
    links = link_events(units_from_rows(rows, ns=NKG), kinds=kinds)
    return _replace_links(store, event_identity_graph_iri(base), links)


def link_participant_identity(store: KGStore, *, base: str = DEFAULT_BASE,
                              rows: Iterable[Mapping[str, Any]] | None = None) -> bool:
    """Link the unnamed participants several stored articles report as one
    (:mod:`kg.participant_identity`) by ``owl:sameAs``, in a graph of their own, recomputed from
    every article graph and the event links (each graph's events from ``rows`` of
    ``pipeline/event-evidence.rq``, queried when None: only linked events count, and those have
    a lemma; and the keys they share, :func:`event_keys`: a lemma with a named actor, or two
    named actors of one story); returns whether the links changed."""
    event_links = {"links": IRI(event_identity_graph_iri(base))}
    graph_events: dict[str, set[str]] = {}
    found = list(store.select(load_query("pipeline/event-evidence"), union=False)) if rows is None else list(rows)
    pairs = [(str(r["event"]), str(r["same"]))
             for r in store.select(load_query("pipeline/event-links"), bindings=event_links)]
    for r in found:
        graph_events.setdefault(str(r["g"]), set()).add(str(r["event"]))
    cluster = closures(pairs)
    participants = [(str(r["g"]), str(r["x"]), str(r["label"]))
                    for r in store.select(load_query("pipeline/participant-evidence"))]
    descriptions = [(str(r["g"]), str(r["x"]), noun) for r in store.select(load_query("pipeline/participant-descriptions"))
                    for noun in noun_forms(str(r["text"]))]
    shared = {"shared": IRI(shared_graph_iri(base))}
    descriptions += [(str(r["g"]), str(r["x"]), noun) for r in store.select(load_query("pipeline/participant-organisations"),
                                                                           bindings=shared)
                     if (noun := organisation_noun(str(r["label"])))]
    links = link_participants(participants, graph_events=graph_events, cluster=cluster, descriptions=descriptions,
                              keys=event_keys(found))
    return _replace_links(store, participant_identity_graph_iri(base), links)


def _replace_links(store: KGStore, graph: str, links: dict[str, str]) -> bool:
    """Make ``graph`` hold exactly these ``owl:sameAs`` links (no graph when there are none and
    were none); returns whether it changed."""
    data = "".join(f"<{a}> <{OWL}sameAs> <{b}> .\n" for a, b in sorted(links.items()))
    if not data and store.graph_digest(graph) is None:
        return False
    return store.replace_graph(graph, data, format="ntriples", digest=hashlib.sha256(data.encode()).hexdigest())


def lower_thread_priority(step: int = WRITER_NICE) -> bool:
    """Raise the calling thread's nice value by ``step`` (threads it starts inherit it); see
    :func:`_lower_nice`.

    >>> import threading
    >>> done = []
    >>> t = threading.Thread(target=lambda: done.append(lower_thread_priority(1))); t.start(); t.join()
    >>> done == [sys.platform.startswith("linux")]
    True
    """
    return _lower_nice(threading.get_native_id(), step)


def _lower_nice(tid: int, step: int = WRITER_NICE) -> bool:
    """Raise thread ``tid``'s nice value by ``step`` (Linux keeps one per thread); True when
    done, False where threads have no nice value of their own or the system refuses (then
    nothing changes)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        os.setpriority(os.PRIO_PROCESS, tid, os.getpriority(os.PRIO_PROCESS, tid) + step)
    except OSError:  # the thread has ended, or the system refuses
        return False
    return True


class BackgroundThreads:
    """Lowers the CPU priority of the store's background threads (RocksDB's flushes and
    compactions, named ``rocksdb:...``; Linux only) by :data:`WRITER_NICE`, as the writer
    thread's: during an ingest they take about a quarter of the main process's CPU, in bursts
    that would otherwise take a core from the worker's parse. RocksDB starts them when it
    needs them, so :meth:`lower` is called once per chunk and lowers the new ones; they stay
    lowered for the life of the process (a thread's nice value cannot be raised back without
    privileges), which only makes the store's background work yield to other work."""

    prefix = "rocksdb:"

    def __init__(self) -> None:
        self.done: set[int] = set()

    def lower(self) -> int:
        """Lower the threads not lowered yet; returns how many this call lowered."""
        if not sys.platform.startswith("linux"):
            return 0
        lowered = 0
        try:
            tasks = os.listdir("/proc/self/task")
        except OSError:
            return 0
        for task in tasks:
            tid = int(task)
            if tid in self.done:
                continue
            try:
                with open(f"/proc/self/task/{task}/comm", encoding="utf-8") as f:
                    named = f.read().startswith(self.prefix)  # (else looked at again: a new thread may not be named yet)
            except OSError:  # the thread has ended
                continue
            if named and _lower_nice(tid):
                self.done.add(tid)
                lowered += 1
        return lowered


def _no_progress(done: int) -> None:
    """The progress callback when none is given."""


class _Ending:
    """An iterator over ``items`` that tells (``ended``) when they are all read.

    >>> it = _Ending([1])
    >>> next(it), it.ended, list(it), it.ended
    (1, False, [], True)
    """

    def __init__(self, items: Iterable[Article]) -> None:
        self._items = iter(items)
        self.ended = False

    def __iter__(self) -> "_Ending":
        return self

    def __next__(self) -> Article:
        try:
            return next(self._items)
        except StopIteration:
            self.ended = True
            raise


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


def _tapered(batches: Iterable[list[Article]], last: int) -> Iterator[list[Article]]:
    """The batches, the final one cut into batches of at most ``last`` (one batch read ahead):
    what is left to do after the workers' final parse is then the extraction of a few
    articles, not of a whole batch.

    >>> [len(b) for b in _tapered(_batches(range(37), 16), 4)]
    [16, 16, 4, 1]
    >>> [len(b) for b in _tapered(_batches(range(3), 16), 4)]
    [3]
    """
    it = iter(batches)
    ahead = next(it, None)
    for batch in it:
        yield ahead
        ahead = batch
    if ahead is not None:
        yield from _batches(ahead, last)


def _origin(article: Article) -> str:
    """Where an article came from (``file:line``), or its id."""
    return article.origin or article.id


def _extract(article: Article, doc: Any, label: str) -> Analysis | ExtractionError:
    """One article's extraction; an exception in it (a bug) becomes a reported error record,
    and so does the exception that parsing it raised (``doc``)."""
    if isinstance(doc, Exception):
        return _parse_failure(article, doc)
    try:
        return analyse_doc(article, doc, model=label)
    except Exception as e:  # noqa: BLE001 - kept and reported per article, never swallowed
        return ExtractionError(_origin(article), f"{type(e).__name__}: {e}")


def _parse_failure(article: Article, e: Exception) -> ExtractionError:
    return ExtractionError(_origin(article), f"{type(e).__name__}: {e}", stage="language analysis")


def _analysed(articles: Iterable[Article], *, workers: int, model: str | None,
              placement: Placement | None = None) -> Iterator[Analysis | ExtractionError]:
    """Extractions in input order. The NLP runs in ``workers`` worker processes, a bounded
    window of batches at a time so memory stays flat on any input size. Identity and RDF stay
    in this process, so cross-article identity sees the articles in input order.

    Each batch's extraction runs where ``placement`` (a new :class:`Placement` by default)
    puts it: in this process, from the parses the worker sends (:func:`pack_parse`), while
    this process has time to spare, else in the worker. Extraction is a pure map of the parse,
    so both give the same analyses."""
    trained = names_trained()  # this process's choice, whatever the workers' environment
    nlp = load_model(model, trained=trained)  # here first: a missing model fails fast, not inside a worker
    batches = _tapered(_batches(articles, WORKER_BATCH), LAST_BATCH)
    if (first := next(batches, None)) is None:
        return  # nothing to analyse: no worker started
    placement = placement or Placement(spare_core=_cores() > workers)
    label = model_label(nlp)
    pool = _context().Pool(workers, initializer=_worker_init, initargs=(model, trained))
    try:
        # a sliding window of batches in flight (no barrier between batches; memory bounded by its articles)
        flight: deque[tuple[list[Article], Any, bool]] = deque()

        def done() -> Iterator[Analysis | ExtractionError]:
            batch, result, here = flight.popleft()
            placement.saw(ready=result.ready())
            if not here:
                yield from result.get()
                return
            for article, parsed in zip(batch, result.get()):
                yield _extract_parsed(article, parsed, nlp, label)

        for batch in chain([first], batches):
            here = placement.choose()
            flight.append((batch, pool.apply_async(_worker_parse if here else _worker_analyse, (batch,)), here))
            if sum(len(b) for b, _, _ in flight) > WINDOW * workers * WORKER_BATCH:  # in articles: the final batches are small
                yield from done()
        while flight:
            yield from done()
        pool.close()  # every batch is done: the workers end on their own; no signal is sent, so
        pool.join()  # none can be lost (a SIGTERM from terminate() once left a worker, and the run, waiting)
    finally:
        pool.terminate()  # a failure or an abandoned run (after join: nothing left to stop)


class Placement:
    """Where the extraction of the next batch runs (:func:`_analysed`): in this process while
    it waits for the workers' results (it has time to spare: with one worker on two cores,
    resolving and writing an article takes about two thirds of its parse), in the worker once a result
    was ready before this process asked for it (this process is the slower side: short texts),
    and always in the workers when they take every core (``spare_core=False``: this process
    would only take CPU from them). ``chosen`` counts the batches of each side.

    >>> placement = Placement()
    >>> placement.choose()
    True
    >>> placement.saw(ready=True)
    >>> placement.choose(), placement.chosen
    (False, Counter({'here': 1, 'worker': 1}))
    >>> Placement(spare_core=False).choose()
    False
    """

    def __init__(self, *, spare_core: bool = True) -> None:
        self.spare_core = spare_core
        self.here = spare_core
        self.chosen: Counter[str] = Counter()

    def saw(self, *, ready: bool) -> None:
        """A batch's result was ``ready`` (or not yet) when this process came to take it."""
        self.here = self.spare_core and not ready

    def choose(self) -> bool:
        """True: this process extracts the next batch; False: the worker does."""
        self.chosen["here" if self.here else "worker"] += 1
        return self.here


def _cores() -> int:
    """The CPU cores this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def _extract_parsed(article: Article, parsed: PackedParse | ExtractionError, nlp: Any,
                    label: str) -> Analysis | ExtractionError:
    """:func:`_extract` of a parse a worker sent as :func:`pack_parse` (or its failure)."""
    if isinstance(parsed, ExtractionError):
        return parsed
    try:
        doc = unpack_parse(nlp, parsed)
    except Exception as e:  # noqa: BLE001 - kept and reported per article, never swallowed
        return _parse_failure(article, e)
    return _extract(article, doc, label)


#: A parse as one process sends it to another (:func:`pack_parse`).
PackedParse = tuple[bytes, dict[str, list[tuple[int, int, str]]]]


def pack_parse(doc: Any) -> PackedParse:
    """A parse for another process of the same model (:func:`unpack_parse`): the tokens and
    their analysis, the entities, and each span group as (start, end, label) of tokens. Not the
    tensor nor the user data (no extractor reads them), and not spaCy's own encoding of span
    groups, which takes as long as the rest (a pickled ``Doc`` even carries its vocabulary).

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("Mike Pompeo spoke.")
    >>> doc.spans["people"] = [doc[0:2]]
    >>> back = unpack_parse(nlp, pack_parse(doc))
    >>> back.text, [(s.text, s.label_) for s in back.spans["people"]]
    ('Mike Pompeo spoke.', [('Mike Pompeo', '')])
    """
    return (doc.to_bytes(exclude=["tensor", "user_data", "spans"]),
            {key: [(s.start, s.end, s.label_) for s in group] for key, group in doc.spans.items()})


def unpack_parse(nlp: Any, packed: PackedParse) -> Any:
    """The ``Doc`` :func:`pack_parse` packed, on ``nlp``'s vocabulary."""
    from spacy.tokens import Doc, Span

    data, groups = packed
    doc = Doc(nlp.vocab).from_bytes(data)
    for key, spans in groups.items():
        doc.spans[key] = [Span(doc, start, end, label=label) for start, end, label in spans]
    return doc


def _context() -> Any:
    """Worker processes are forked where the platform can: they inherit the model this process
    has loaded (a spawned worker spends seconds loading its own). The pool is forked before
    this run starts a thread of its own, so no lock one of them holds is copied into a worker."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


#: Articles a worker process analyses in one task (one ``nlp.pipe`` batch).
WORKER_BATCH = 16
#: Batches in flight per worker beyond the one this process is taking (in articles: so many full
#: batches' worth): the worker has work queued while this process waits on a write.
WINDOW = 3
#: The input's final batch is cut into batches of at most this many articles (:func:`_tapered`).
LAST_BATCH = 4
_WORKER: dict[str, Any] = {}


def _worker_init(model: str | None, trained: bool | None = None) -> None:
    nlp = load_model(model, trained=trained)
    _WORKER.update(nlp=nlp, label=model_label(nlp))


def _worker_parses(batch: list[Article]) -> list[Any]:
    return parse_all(_WORKER["nlp"], [model_text(a.text) for a in batch])


def _worker_analyse(batch: list[Article]) -> list[Analysis | ExtractionError]:
    return [_extract(article, doc, _WORKER["label"]) for article, doc in zip(batch, _worker_parses(batch))]


def _worker_parse(batch: list[Article]) -> list[PackedParse | ExtractionError]:
    """The parses of a batch, as :func:`pack_parse`, for the extraction in the main process."""
    return [_parse_failure(article, doc) if isinstance(doc, Exception) else pack_parse(doc)
            for article, doc in zip(batch, _worker_parses(batch))]


# -- kg extract / kg load: the map step on a cluster, the global step on the shards ----------

@dataclass
class ExtractReport:
    """What an extract run did; :meth:`summary` is its one-line account."""

    articles: int = 0
    written: int = 0
    bad: list[BadRecordError] = field(default_factory=list)
    failed: list[ExtractionError] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        """One line: articles, written to shards, skipped, seconds.

        >>> ExtractReport(articles=3, written=2, seconds=1.234).summary()
        '3 articles (2 in shards), 0 skipped, 1.2 s'
        """
        failed = f", {len(self.failed)} failed" if self.failed else ""
        return f"{self.articles} articles ({self.written} in shards{failed}), {len(self.bad)} skipped, {self.seconds:.1f} s"


#: Articles a Dask task analyses (one model call over the batch, as ``nlp.pipe`` does).
DASK_BATCH = 4


def extract(paths: Sequence[str | os.PathLike[str]], out: str | os.PathLike[str], *, engine: str = "local",
            scheduler: str | None = None, workers: int = 1, model: str | None = None,
            progress: Progress | None = None) -> ExtractReport:
    """Read and analyse articles (a pure map per article, no store) and write the analyses as
    shards to the folder ``out`` (:mod:`kg.shards`), replaced in one step at the end.

    :param engine: ``"local"`` (``workers`` processes on this machine) or ``"dask"`` (a Dask
        cluster: the ``scheduler`` address, else a local cluster of ``workers`` processes).
    :raises InputError: a path is missing or unreadable (before anything is analysed).
    :raises OutputError: ``out`` cannot be written, or holds files other than parts.
    :raises ClusterError: the scheduler cannot be reached.

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.jsonl").write_text('{"id": "a1", "text": "Mike Pompeo met Heiko Maas."}\\n')
    >>> extract([folder / "a.jsonl"], folder / "shards").written, [p.name for p in (folder / "shards").iterdir()]
    (1, ['part-00000.jsonl.gz'])
    """
    from kg.shards import write_shards

    started = time.perf_counter()
    input_files(paths)
    report = ExtractReport()
    bar = progress or _no_progress
    articles = _collect_bad(read_articles(paths), report, bar)  # type: ignore[arg-type]

    def lines() -> Iterator[str]:
        if engine == "dask":
            from kg.distributed import dask_map

            jobs = ((batch, model) for batch in _batches(articles, DASK_BATCH))
            results: Iterable[str | ExtractionError] = (
                r if isinstance(r, str) else ExtractionError(*r[:2], stage=r[2])
                for done in dask_map(_analyse_batch, jobs, scheduler=scheduler, workers=workers) for r in done)
        else:
            results = (_shard_line(a) for a in _analysed(articles, workers=workers, model=model))
        for result in results:
            report.articles += 1
            bar(1)
            if isinstance(result, ExtractionError):
                report.failed.append(result)
            else:
                yield result

    report.written = write_shards(lines(), out)
    report.seconds = time.perf_counter() - started
    return report


def _shard_line(analysis: Analysis | ExtractionError) -> str | ExtractionError:
    from kg.shards import shard_line

    if isinstance(analysis, ExtractionError):
        return analysis
    try:
        return shard_line(analysis)
    except TypeError as e:
        return ExtractionError(_origin(analysis.article), f"TypeError: {e}", stage="writing the shard")


def _analyse_batch(job: tuple[list[Article], str | None]) -> list[str | tuple[str, str, str]]:
    """A Dask task: the shard lines of a batch of articles (the model loaded once per worker);
    a failed article is ``(origin, detail, stage)`` of its :class:`ExtractionError`."""
    articles, model = job
    if _WORKER.get("model", "") != model or "nlp" not in _WORKER:
        _worker_init(model)
        _WORKER["model"] = model
    docs = parse_all(_WORKER["nlp"], [model_text(a.text) for a in articles])
    lines = [_shard_line(_extract(a, doc, _WORKER["label"])) for a, doc in zip(articles, docs)]
    return [r if isinstance(r, str) else (r.origin, r.detail, r.stage) for r in lines]


#: N-Quads lines handed to the store's bulk loader at a time.
LOAD_BUFFER = 200_000


def load(paths: Sequence[str | os.PathLike[str]], store: KGStore, *, base: str = DEFAULT_BASE,
         progress: Progress | None = None, model: str | None = None) -> IngestReport:
    """Load shards into the store: identity resolved over every shard and the store (the same
    global step as :func:`ingest`), then the article graphs written with the bulk loader.

    The shards are read twice (units, then the write), so
    memory holds identity evidence, never the analyses. Each graph's ``nkg:inputDigest`` is
    written after all other quads, so a killed load leaves graphs without it, and the next
    load (idempotent, like ingest) replaces them; an unchanged graph is skipped. Stored
    articles that the new identity places elsewhere are analysed again from their stored
    text, as :func:`ingest` does (this needs the model).

    :raises InputError: a shard path is missing or unreadable.

    >>> import tempfile, pathlib
    >>> from kg.store import open_store
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.jsonl").write_text('{"id": "a1", "text": "Mike Pompeo met Heiko Maas."}\\n')
    >>> _ = extract([folder / "a.jsonl"], folder / "shards")
    >>> with open_store(folder / "store") as store:
    ...     report = load([folder / "shards"], store)
    >>> report.articles, report.written, len(report.bad)
    (1, 1, 0)
    """
    from kg.shards import read_shards, shard_files

    files = shard_files(paths)
    started = time.perf_counter()
    report = IngestReport()
    bar = progress or _no_progress
    ensure_ontology(store)
    ensure_current_statistics(store)  # an older newskg's statistics are recounted first
    generated = generation_time()
    book = open_book(store, base=base)
    first: dict[str, int] = {}  # graph -> the line (index over all parts) that holds it

    def kept(*, count: bool = False) -> Iterator[Analysis]:
        for i, record in enumerate(read_shards(files)):
            if isinstance(record, BadRecordError):
                if count:
                    report.bad.append(record)
                continue
            g = graph_iri(record.article.id, base)
            if count and first.setdefault(g, i) != i:
                report.bad.append(BadRecordError(_origin(record.article), None,
                                                 f"article id {record.article.id!r} is in the shards twice; the first is kept"))
            if first.get(g) == i:
                yield record

    for analysis in kept(count=True):
        book.pending[graph_iri(analysis.article.id, base)] = [book.intern(u) for u in units_of(analysis.actors)]
    identity = book.identity()
    digests = {g: str(d) for _, d, g in store.statements(f"{NKG}inputDigest")}
    # after a clean run every graph has its digest; else (a killed load?) look for graphs without
    present = set(digests) if not book.complete else set(store.graphs())
    touched: set[str] = set()
    body: list[str] = []
    last: list[str] = []  # the digest quads, written after everything else
    loaded: list[tuple[str, list[Triple]]] = []  # graphs in the loader's buffer, counted once they are in
    for analysis in kept():
        g = graph_iri(analysis.article.id, base)
        report.articles += 1
        touched |= book.iris([g])
        try:
            update = to_graph(analysis, identity=identity, base=base, generated=generated)
        except Exception as e:  # noqa: BLE001 - one article's failure is reported, the run goes on
            book.pending.pop(g, None)
            report.failed.append(ExtractionError(_origin(analysis.article), f"{type(e).__name__}: {e}", stage="writing"))
            bar(1)
            continue
        book.record(g, analysis, update.triples)
        touched |= book.iris([g])
        bar(1)
        if digests.get(g) == update.digest:
            report.unchanged += 1
            continue
        if g in present:
            store.drop_article(g)  # and its share of the statistics graph
        loaded.append((g, update.triples))
        digest = f"<{NKG}inputDigest>"
        for s, p, o in update.triples:
            (last if p == digest else body).append(f"{s} {p} {o} <{g}> .\n")
        report.written += 1
        report.triples += len(update.triples)
        if len(body) >= LOAD_BUFFER:
            store.bulk_load_quads(body)
            store.count_loaded(loaded)
            body.clear()
            loaded.clear()
    store.bulk_load_quads(body)
    store.count_loaded(loaded)
    store.bulk_load_quads(last)  # after the counts: a graph without its digest is loaded again
    _conclude(store, book, touched, report, workers=1, model=model, base=base, generated=generated)
    report.seconds = time.perf_counter() - started
    return report
