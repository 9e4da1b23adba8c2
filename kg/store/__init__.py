"""The only module that touches Oxigraph: an on-disk store, or a SPARQL 1.1 server by URL.

>>> import tempfile
>>> with open_store(tempfile.mkdtemp()) as store:
...     store.update('INSERT DATA { GRAPH <http://ex.org/g> { <http://ex.org/a> <http://ex.org/p> 1 } }')
...     rows = store.select('SELECT ?s ?o WHERE { ?s ?p ?o }')
...     rows[0]["s"], rows[0]["o"], len(store), store.ask('ASK { ?s nkg:x ?o }')
('http://ex.org/a', 1, 1, False)
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from itertools import combinations
from pathlib import Path
from string import Template
from urllib.parse import quote
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError, QuerySyntaxError
from kg.model import IRI, GraphUpdate
from kg.queries import load
from kg.rdf.terms import Triple, iri, literal, to_python
from kg.store.evidence import EVIDENCE_FILE, EvidenceTable
from kg.store.results import Rows, rows_of, triples_of
from kg.store.sparql import SparqlTarget, bind_values, binding_terms
from kg.vocab import CAMEO, GAF, NIF, NKG, ORG, RDF, SEM, STATS_GRAPH

__all__ = ["DEFAULT_STORE", "STORE_ENV", "KGStore", "Rows", "default_store_path", "is_remote", "open_store"]

#: The store when none is given: ``$NEWSKG_STORE`` if set and not empty, else this folder
#: under the working folder (the one rule of the CLI, the notebooks and :func:`open_store`).
DEFAULT_STORE = "data/store"
STORE_ENV = "NEWSKG_STORE"


def default_store_path() -> Path:
    """The default store folder: ``$NEWSKG_STORE``, else ``data/store`` under the working folder.

    >>> default_store_path().parts[-2:] if not os.environ.get(STORE_ENV) else ("data", "store")
    ('data', 'store')
    """
    return Path(os.environ.get(STORE_ENV) or DEFAULT_STORE)


def is_remote(location: str | os.PathLike[str] | None) -> bool:
    """Whether a store location is a SPARQL endpoint URL rather than a folder.

    >>> is_remote("http://127.0.0.1:7878/query"), is_remote("data/store"), is_remote(None)
    (True, False, False)
    """
    return location is not None and str(location).startswith(("http://", "https://"))


def open_store(location: str | os.PathLike[str] | None = None, *, read_only: bool = False,
               create: bool = True) -> "KGStore":
    """Open the store at a folder (created if missing) or a SPARQL endpoint URL.

    :param location: a folder, an ``http(s)://`` query endpoint URL, or None for the default.
    :param read_only: open an on-disk store without taking the write lock.
    :param create: create a missing folder (otherwise raise :class:`StoreError`).
    :raises StoreError: the folder cannot be opened (locked by another process, not a store).
    """
    loc = str(location) if location is not None else str(default_store_path())
    if is_remote(loc):
        from kg.store.remote import RemoteTarget

        return KGStore(RemoteTarget(loc), location=loc)
    from kg.store.embedded import EmbeddedTarget

    return KGStore(EmbeddedTarget(Path(loc), read_only=read_only, create=create), location=loc)


class KGStore:
    """A newskg store: SPARQL queries and updates, plus the article-graph writes ingest needs.

    Queries see the union of all graphs as their default graph unless ``union=False``.
    """

    def __init__(self, target: SparqlTarget, *, location: str) -> None:
        self._target = target
        self.location = location
        self._evidence: EvidenceTable | None = None

    # -- reading ---------------------------------------------------------------------------
    def _run(self, sparql: str, union: bool, bindings: dict[str, Any] | None) -> Any:
        if not bindings:
            return self._target.query(sparql, union=union)
        text = bind_values(sparql, binding_terms(sparql, bindings))
        try:
            return self._target.query(text, union=union)
        except QuerySyntaxError:
            self._target.query(sparql, union=union)  # raises where the user's own text is wrong
            raise

    def query(self, sparql: str, *, union: bool = True,
              bindings: dict[str, Any] | None = None) -> Rows | bool | list[Triple]:
        """Run any SPARQL query with the project's prefixes known (see :func:`select`, :func:`ask`,
        :func:`construct` for typed results).

        SELECT gives :class:`Rows` (dicts of Python values), ASK a bool, CONSTRUCT and
        DESCRIBE a list of N-Triples term triples. ``bindings`` binds variables to values
        (:class:`kg.model.IRI` -> IRI; str, int, float, bool, date -> typed literals) as a
        VALUES block of escaped terms in the WHERE group, never pasting text into the query.

        :raises QuerySyntaxError: the query does not parse (line and column in ``sparql``).
        :raises QueryError: a binding is not a variable of the query or not a valid term;
            the query fails while running.
        """
        result = self._run(sparql, union, bindings)
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QuerySolutions):
            return rows_of(result)
        return triples_of(result)

    def select(self, sparql: str, *, union: bool = True, bindings: dict[str, Any] | None = None) -> Rows:
        """The rows of a SELECT query (see :meth:`query`).

        :raises QueryError: the query is not a SELECT query.
        """
        result = self.query(sparql, union=union, bindings=bindings)
        if not isinstance(result, Rows):
            raise QueryError("expected a SELECT query")
        return result

    def ask(self, sparql: str, *, union: bool = True, bindings: dict[str, Any] | None = None) -> bool:
        """The answer of an ASK query (see :meth:`query`)."""
        result = self.query(sparql, union=union, bindings=bindings)
        if not isinstance(result, bool):
            raise QueryError("expected an ASK query")
        return result

    def construct(self, sparql: str, *, union: bool = True,
                  bindings: dict[str, Any] | None = None) -> list[Triple]:
        """The triples of a CONSTRUCT or DESCRIBE query (see :meth:`query`)."""
        result = self.query(sparql, union=union, bindings=bindings)
        if isinstance(result, (bool, Rows)):
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        return result

    def update(self, sparql: str) -> None:
        """Run a SPARQL update as one transaction.

        :raises QuerySyntaxError: the update does not parse.
        """
        self._target.update(sparql)

    def __len__(self) -> int:
        return int(self.select(load("store/count"), union=False)[0]["n"])

    def graphs(self) -> list[str]:
        """IRIs of the named graphs, sorted."""
        return sorted(r["g"] for r in self.select(load("store/graphs"), union=False))

    def graph_digest(self, graph: str) -> str | None:
        """The content digest recorded in a graph, or None when the graph is absent."""
        rows = self.select(load("store/digest"), union=False, bindings={"g": IRI(graph)})
        return str(rows[0]["d"]) if rows else None

    # -- writing ---------------------------------------------------------------------------
    def write_article(self, change: GraphUpdate) -> bool:
        """Replace one article's graph, atomically.

        Returns False (and writes nothing) when the graph already holds the same digest.
        """
        digest = self.graph_digest(change.graph)
        if digest == change.digest:
            return False
        # the counts first: add.rq reads only the statistics graph, and reads after a big insert cost more
        write = (f"{stats_add(change.graph, change.triples)} ;\n"
                 f"INSERT DATA {{ GRAPH <{change.graph}> {{\n{_triples_block(change.triples)}\n}} }}")
        if digest is None and not self.query(f"ASK {{ GRAPH <{change.graph}> {{ ?s ?p ?o }} }}", union=False):
            self.update(write)  # a new graph: nothing to uncount or drop (a DROP in the same update
            return True  # costs about half as much again as the insert)
        self.update(f"{stats_change([change.graph], add=False)} ;\nDROP SILENT GRAPH <{change.graph}> ;\n{write}")
        return True

    def drop_article(self, graph: str) -> None:
        """Delete one article's graph and its share of the statistics graph, atomically."""
        self.update(f"{stats_change([graph], add=False)} ;\nDROP SILENT GRAPH <{graph}>")

    def count_articles(self, graphs: Iterable[str], *, chunk: int = 50) -> None:
        """Add to the statistics graph the article graphs it does not count yet (after a bulk
        load, or to rebuild it); one transaction per ``chunk`` graphs."""
        todo = sorted(graphs)
        for i in range(0, len(todo), chunk):
            self.update(stats_change(todo[i:i + chunk], add=True))

    def count_loaded(self, graphs: Iterable[tuple[str, list[Triple]]], *, chunk: int = 500) -> None:
        """Add to the statistics graph what bulk-loaded article graphs contribute, counted from
        their triples as :meth:`write_article` counts them (:func:`stats_counts`: the graphs are
        not read back) and summed over ``chunk`` graphs, so each count is written once per chunk,
        not once per graph; a graph counted already is not counted again. One transaction per
        chunk."""
        todo = list(graphs)
        for i in range(0, len(todo), chunk):
            part = todo[i:i + chunk]
            values = " ".join(iri(g) for g, _ in part)
            counted = {r["g"] for r in self.select(f"SELECT ?g WHERE {{ VALUES ?g {{ {values} }} GRAPH {iri(STATS_GRAPH)} "
                                                   f"{{ ?g nkg:countedIn {iri(STATS_GRAPH)} }} }}", union=False)}
            part = [(g, triples) for g, triples in part if g not in counted]
            if not part:
                continue
            total: StatsCounts = {}
            for _, triples in part:
                add_counts(total, stats_counts(triples))
            self.update(stats_update([g for g, _ in part], total))

    def replace_subjects(self, graph: str, triples: dict[str, list[Triple]], *, chunk: int = 500) -> int:
        """Make ``graph`` say of each subject IRI (a key of ``triples``) exactly its triples
        (none: the subject leaves the graph). Cost follows the subjects given, not the store;
        one transaction per ``chunk`` subjects. Returns how many subjects changed.
        """
        changed = 0
        subjects = sorted(triples)
        for i in range(0, len(subjects), chunk):
            part = subjects[i:i + chunk]
            values = " ".join(iri(s) for s in part)
            held: dict[str, set[Triple]] = {s: set() for s in part}
            for s, p, o in self.construct(
                    f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ VALUES ?s {{ {values} }} GRAPH <{graph}> {{ ?s ?p ?o }} }}",
                    union=False):
                held[s[1:-1]].add((s, p, o))
            todo = [s for s in part if held[s] != _normal(triples[s])]
            if not todo:
                continue
            changed += len(todo)
            self.update(
                f"DELETE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }} WHERE {{ VALUES ?s {{ {' '.join(iri(s) for s in todo)} }} "
                f"GRAPH <{graph}> {{ ?s ?p ?o }} }} ;\n"
                f"INSERT DATA {{ GRAPH <{graph}> {{\n{_triples_block(t for s in todo for t in triples[s])}\n}} }}")
        return changed

    def replace_graph(self, graph: str, data: str, *, format: str = "turtle", digest: str) -> bool:
        """Replace a whole graph with an RDF text (Turtle or N-Triples), atomically.

        Returns False when the graph already records ``digest``.
        """
        if self.graph_digest(graph) == digest:
            return False
        self._target.replace_graph(graph, data, format=format,
                                   extra=f"{iri(graph)} {iri(NKG + 'inputDigest')} {literal(digest)} .\n")
        return True

    @property
    def dumps_by_graph(self) -> bool:
        """Whether :meth:`graph_dumps` can read this store graph by graph (an on-disk store)."""
        return hasattr(self._target, "dump_graph")

    def graph_dumps(self, graph: str | None = None) -> list[tuple[str | None, Callable[[], bytes]]] | None:
        """Every graph (or only ``graph``), the default graph first, each with a function that
        gives it as N-Triples at the store's own speed (raising ValueError for a graph name
        that is no IRI); None for a store behind a server (read it with :meth:`quads`)."""
        target = self._target
        if not self.dumps_by_graph:
            return None
        names = [graph] if graph is not None else [None, *target.named_graphs()]
        return [(g, lambda g=g: target.dump_graph(g)) for g in names]

    def quads(self, graph: str | None = None) -> Iterator[tuple[str, str, str, str | None]]:
        """Stream quads as N-Triples term strings ``(s, p, o, g)`` in the store's order
        (``g`` None for the default graph)."""
        return self._target.quads(graph)

    def statements(self, predicate: str, obj: str | None = None) -> Iterator[tuple[str, Any, str]]:
        """``(subject, object, graph)`` of every statement of the named graphs with this
        predicate (and object IRI): IRIs as str, literals as Python values. The embedded store
        streams an index scan; a server answers one SELECT."""
        scan = getattr(self._target, "pattern", None)
        if scan is not None:
            return scan(predicate, obj)
        o = iri(obj) if obj else "?o"
        rows = self.select(f"SELECT ?s ?o ?g WHERE {{ GRAPH ?g {{ ?s {iri(predicate)} {o} }} }}" if not obj else
                           f"SELECT ?s ?g WHERE {{ GRAPH ?g {{ ?s {iri(predicate)} {o} }} }}", union=False)
        return ((r["s"], r.get("o", obj), r["g"]) for r in rows)

    def bulk_load_quads(self, lines: list[str]) -> None:
        """Add N-Quads lines (each ending in a newline) with the bulk loader: fast, not one
        transaction (a kill may leave part of them), so callers write what marks a graph
        complete last. A server receives them through the Graph Store Protocol.

        :raises StoreError: the lines do not parse, or the store refuses them.
        """
        if lines:
            self._target.bulk_load("".join(lines).encode())

    def load_file(self, path: str | os.PathLike[str], *, graph: str | None = None) -> None:
        """Load an RDF file (format from its extension) into the store: into ``graph``, or
        for N-Quads and TriG into the graphs the file names."""
        self._target.load_file(Path(path), graph=graph)

    def evidence(self) -> EvidenceTable | None:
        """The identity evidence kept beside an on-disk store opened for writing
        (:mod:`kg.store.evidence`); None for a server or a read-only store."""
        folder = getattr(self._target, "path", None)
        if folder is None or getattr(self._target, "read_only", False):
            return None
        if self._evidence is None:
            self._evidence = EvidenceTable(folder / EVIDENCE_FILE)
        return self._evidence

    # -- lifecycle -------------------------------------------------------------------------
    def flush(self) -> None:
        """Write buffered changes to disk and free their memory (long ingests call it often)."""
        self._target.flush()

    def close(self) -> None:
        """Flush and release the store (the on-disk lock)."""
        if self._evidence is not None:
            self._evidence.close()
            self._evidence = None
        self._target.close()

    def __enter__(self) -> "KGStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<KGStore {self.location}>"


def stats_change(graphs: list[str], *, add: bool) -> str:
    """The SPARQL update that adds (or removes) what article graphs contribute to the
    statistics graph (``kg/queries/stats/change.rq`` once per graph); a graph is counted at
    most once.

    >>> "DELETE { GRAPH <https://w3id.org/newskg/stats> { <http://ex.org/g> nkg:countedIn" in stats_change(["http://ex.org/g"], add=False)
    True
    """
    template = Template(load("stats/change"))
    return " ;\n".join(template.substitute(
        stats=iri(STATS_GRAPH), graph=iri(g), sign="+" if add else "-",
        when="NOT EXISTS" if add else "EXISTS", mark="INSERT" if add else "DELETE") for g in graphs)


_TYPE, _DENOTED, _SPEAKER, _DIGEST = f"<{RDF}type>", f"<{GAF}denotedBy>", f"<{NKG}speaker>", f"<{NKG}inputDigest>"
_COUNTED_KINDS = frozenset(f"<{c}>" for c in (NKG + "Person", NKG + "Organization", NKG + "GeopoliticalEntity",
                                              NKG + "Place", ORG + "Post"))
_EVENT_TYPE, _FACTUALITY, _ASSERTED = f"<{NKG}eventType>", f"<{NKG}factuality>", f"<{NKG}Asserted>"
_EVENT_CLASS, _LEMMA, _HAS_ACTOR = f"<{NKG}eventClass>", f"<{NKG}lemma>", f"<{SEM}hasActor>"
_CONTEXT = f"<{NIF}referenceContext>"
_CAMEO = f"<{CAMEO}"
_EVENT_ROLES = frozenset(f"<{p}>" for p in (SEM + "hasActor", NKG + "agent", NKG + "patient", NKG + "recipient"))


#: What article graphs add to the statistics, by section of ``stats/add.rq``: per key (the
#: section's leading VALUES terms) the numbers after them; sums of graphs are sums of these.
StatsCounts = dict[str, dict[tuple[str, ...], list[int]]]


def stats_add(graph: str, triples: Iterable[Triple]) -> str:
    """The SPARQL update that adds what a new article graph contributes to the statistics
    graph, counted here from the triples being written (``kg/queries/stats/add.rq``: the
    counts of ``stats_change(add=True)`` without reading the graph back).

    >>> t = [("<http://ex.org/x>", _TYPE, f"<{NKG}Person>"), ("<http://ex.org/x>", _DENOTED, "<http://ex.org/m>")]
    >>> "(<http://ex.org/x> 1 1 1)" in stats_add("http://ex.org/g", t)
    True
    >>> e = "<http://ex.org/e>"
    >>> t = [(e, _TYPE, f"<{NKG}Event>"), (e, _EVENT_TYPE, f"<{CAMEO}042>"), (e, _FACTUALITY, _ASSERTED)]
    >>> all(f"(<{CAMEO}{code}> 1 1 1)" in stats_add("http://ex.org/g", t) for code in ("042", "04"))
    True
    """
    return stats_update([graph], stats_counts(triples))


def stats_update(graphs: list[str], counts: StatsCounts) -> str:
    """The SPARQL update that adds ``counts`` (of these graphs, none of them counted yet: the
    update checks the first) and marks the graphs counted."""
    def rows(section: str) -> str:
        return " ".join(f"({' '.join(key)} {' '.join(map(str, n))})" for key, n in sorted(counts[section].items()))

    totals = counts["totals"].get((), [0] * 5)
    text = Template(load("stats/add")).substitute(
        stats=iri(STATS_GRAPH), graph=iri(graphs[0]), actors=rows("actors"), events=rows("events"),
        statements=rows("statements"), types=rows("types"), branches=rows("branches"), classes=rows("classes"),
        lemmas=rows("lemmas"), pairs=rows("pairs"), articles=totals[0], mentions=totals[1], eventTotal=totals[2],
        statementTotal=totals[3], triples=totals[4])
    if len(graphs) > 1:
        marks = " ".join(f"{iri(g)} nkg:countedIn {iri(STATS_GRAPH)} ." for g in graphs[1:])
        text += f" ;\nINSERT DATA {{ GRAPH {iri(STATS_GRAPH)} {{ {marks} }} }}"
    return text


def add_counts(total: StatsCounts, more: StatsCounts) -> StatsCounts:
    """``total`` with ``more`` added to it, key by key.

    >>> add_counts({"events": {("<x>",): [1]}}, {"events": {("<x>",): [2], ("<y>",): [1]}})
    {'events': {('<x>',): [3], ('<y>',): [1]}}
    """
    for section, found in more.items():
        into = total.setdefault(section, {})
        for key, n in found.items():
            into[key] = [a + b for a, b in zip(into[key], n)] if key in into else list(n)
    return total


def stats_counts(triples: Iterable[Triple]) -> StatsCounts:
    """What one article graph adds to the statistics, from its triples (see :data:`StatsCounts`)."""
    triples = list(triples)
    types: dict[str, set[str]] = {}
    mentions: dict[str, set[str]] = {}
    for s, p, o in triples:
        if p == _TYPE:
            types.setdefault(o, set()).add(s)
        elif p == _DENOTED:
            mentions.setdefault(s, set()).add(o)
    typed = set().union(*(types.get(k, set()) for k in _COUNTED_KINDS))
    events, statements = types.get(f"<{NKG}Event>", set()), types.get(f"<{NKG}Statement>", set())
    in_events: dict[str, set[str]] = {}
    spoken: dict[str, set[str]] = {}
    asserted: set[str] = set()
    of_type: dict[str, set[str]] = {}
    of_branch: dict[str, set[str]] = {}
    for s, p, o in triples:  # one pass for everything that needs the events and statements known
        if p in _EVENT_ROLES and s in events:
            in_events.setdefault(o, set()).add(s)
        elif p == _SPEAKER and s in statements:
            spoken.setdefault(o, set()).add(s)
        elif p == _FACTUALITY and o == _ASSERTED:
            asserted.add(s)
        elif p == _EVENT_TYPE and s in events:
            of_type.setdefault(o, set()).add(s)
            if o.startswith(_CAMEO) and len(o) > len(_CAMEO) + 2:  # <...cameo/042>: its root <...cameo/04>
                of_branch.setdefault(f"{o[:len(_CAMEO) + 2]}>", set()).add(s)
    counts: StatsCounts = {
        "actors": {(x,): [1, int(bool(mentions.get(x))), len(mentions.get(x, ()))] for x in typed},
        "events": {(x,): [len(v)] for x, v in in_events.items()},
        "statements": {(x,): [len(v)] for x, v in spoken.items()},
        "types": {(x,): [len(v), len(v & asserted), 1] for x, v in of_type.items()},
        "branches": {(x,): [len(v), len(v & asserted), 1] for x, v in of_branch.items()},
        "totals": {(): [len(types.get(f"<{NKG}Article>", ())), len(types.get(f"<{NKG}Mention>", ())), len(events),
                        len(statements), sum(1 for _, p, _ in set(triples) if p != _DIGEST)]},
    }
    counts.update(_event_statistics(triples, events, mentions))
    return counts


def _event_statistics(triples: list[Triple], events: set[str], mentions: dict[str, set[str]]) -> StatsCounts:
    """The counts of ``stats/add.rq``'s event classes, class-and-lemma nodes and actor pairs,
    from an article's triples (what ``stats/change.rq`` counts by reading the graph).

    >>> e, n = "<http://ex.org/e>", f"<{NKG}"
    >>> t = [(e, _TYPE, f"{n}Event>"), (e, _EVENT_CLASS, f"{n}Occurrence>"), (e, _LEMMA, '"strike"'),
    ...      (e, _DENOTED, "<http://ex.org/m>"), ("<http://ex.org/m>", _CONTEXT, "<http://ex.org/a>"),
    ...      (e, _HAS_ACTOR, "<http://ex.org/y>"), (e, _HAS_ACTOR, "<http://ex.org/x>")]
    >>> found = _event_statistics(t, {e}, {e: {"<http://ex.org/m>"}})
    >>> found["classes"], list(found["lemmas"])[0][0], list(found["pairs"].items())[0][0][1:]
    ({('<https://w3id.org/newskg/ns#Occurrence>',): [1, 0, 1]}, '<https://w3id.org/newskg/stats#lemma=https%3A%2F%2Fw3id.org%2Fnewskg%2Fns%23Occurrence+strike>', ('<http://ex.org/x>', '<http://ex.org/y>'))
    """
    in_context = {s for s, p, _ in triples if p == _CONTEXT}
    of: dict[str, dict[str, set[str]]] = {_EVENT_CLASS: {}, _LEMMA: {}, _HAS_ACTOR: {}, _EVENT_TYPE: {}}
    for s, p, o in triples:
        if p in of and s in events:
            of[p].setdefault(s, set()).add(o)
    typed = set(of[_EVENT_TYPE])
    per_class: dict[str, set[str]] = {}
    per_lemma: dict[tuple[str, str | None], set[str]] = {}
    for e in events:
        if not mentions.get(e, set()) & in_context:  # as the query: an event with a mention in the article
            continue
        for c in of[_EVENT_CLASS].get(e, ()):
            per_class.setdefault(c, set()).add(e)
            for lemma in of[_LEMMA].get(e) or (None,):
                per_lemma.setdefault((c, lemma), set()).add(e)
    per_pair: dict[tuple[str, str], set[str]] = {}
    for e, actors in of[_HAS_ACTOR].items():
        for x, y in combinations(sorted(actors, key=lambda a: a[1:-1]), 2):  # STR(?x) < STR(?y)
            per_pair.setdefault((x, y), set()).add(e)

    def counts(found: set[str]) -> list[int]:
        return [len(found), len(found & typed), 1]

    def lemma_node(c: str, lemma: str | None) -> str:
        form = "" if lemma is None else "+" + quote(str(to_python(lemma)), safe="")
        return f"<{STATS_GRAPH}#lemma={quote(c[1:-1], safe='')}{form}>"

    return {"classes": {(c,): counts(v) for c, v in per_class.items()},
            "lemmas": {(lemma_node(c, lemma), c, lemma or "UNDEF"): counts(v) for (c, lemma), v in per_lemma.items()},
            "pairs": {(f"<{STATS_GRAPH}#pair={quote(x[1:-1], safe='')}+{quote(y[1:-1], safe='')}>", x, y): [len(v)]
                      for (x, y), v in per_pair.items()}}


def _normal(triples: list[Triple]) -> set[Triple]:
    """Triples with their terms written as Oxigraph writes them (for comparison)."""
    parsed = ox.parse(_triples_block(triples).encode(), format=ox.RdfFormat.N_TRIPLES)
    return {(str(t.subject), str(t.predicate), str(t.object)) for t in parsed}


def _triples_block(triples: Iterable[tuple[str, str, str]]) -> str:
    return "\n".join(f"{s} {p} {o} ." for s, p, o in triples)
