"""The embedded back end: an Oxigraph store in a folder on disk."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError, StoreError, StoreLockedError
from kg.store.guard import ReaderGuard, WriterLock
from kg.store.server import check_not_served
from kg.store.results import value_of
from kg.store.sparql import syntax_error
from kg.vocab import PREFIXES

_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES}


def graph_triples(graph: str, data: str, *, format: str, extra: str) -> list[ox.Triple]:
    """The triples of an RDF text (Turtle or N-Triples) and of ``extra`` (N-Triples).

    :raises StoreError: the text does not parse (named by the graph it was meant for).
    """
    try:
        return list(ox.parse(data, format=_FORMATS[format])) + list(ox.parse(extra, format=ox.RdfFormat.N_TRIPLES))
    except SyntaxError as e:
        raise StoreError(f"{graph}: the RDF to load does not parse: {e}") from e


def _detached(result: Any) -> Any:
    """Query results read in full and parsed back, so they no longer depend on the store."""
    if isinstance(result, ox.QueryTriples):
        return list(ox.parse(result.serialize(format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.N_TRIPLES))
    return ox.parse_query_results(result.serialize(format=ox.QueryResultsFormat.JSON),
                                  format=ox.QueryResultsFormat.JSON)


class EmbeddedTarget:
    """An on-disk Oxigraph store."""

    def __init__(self, path: Path, *, read_only: bool = False, create: bool = True) -> None:
        if not path.exists() and (read_only or not create):
            raise StoreError(f"{path}: no store here (build one with `kg ingest PATH --store {path}`)")
        self.path = path
        self.read_only = read_only
        if read_only:  # never opened while another process writes it: see kg.store.guard
            self._guard = ReaderGuard(path, self._open_read_only)
            with self._guard.reading():
                pass  # fails now, not at the first query, when it is no store
            return
        check_not_served(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)  # data/store in a fresh working folder
            self.store = ox.Store(str(path))
        except OSError as e:
            if "lock" in str(e).lower():
                raise StoreLockedError(
                    f"{path}: the store is open in another process (a notebook, `kg serve`?); "
                    "close it or open this one read-only") from e
            raise StoreError(f"{path}: cannot open the store: {e}") from e
        try:
            self._lock = WriterLock(path)  # waits for running queries of readers to end
        except StoreLockedError:
            del self.store
            raise
        try:
            self._lock.snapshot(self.store.backup)  # what readers read while this writer writes
        except OSError as e:
            self.close()
            raise StoreError(f"{path}: cannot make the readers' snapshot: {e}") from e

    @staticmethod
    def _open_read_only(path: str) -> ox.Store:
        try:
            return ox.Store.read_only(path)
        except OSError as e:
            raise StoreError(f"{path}: cannot open the store: {e}") from e

    def query(self, sparql: str, *, union: bool) -> Any:
        try:
            if not self.read_only:
                return self.store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=union)
            with self._guard.reading() as store:  # results read in full before the lock is let go
                return _detached(store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=union))
        except SyntaxError as e:
            raise syntax_error(str(e), sparql) from e
        except OSError as e:
            raise QueryError(f"query failed: {e}") from e

    def update(self, sparql: str) -> None:
        try:
            self.store.update(sparql, prefixes=PREFIXES)
        except SyntaxError as e:
            raise syntax_error(str(e), sparql) from e
        except OSError as e:
            raise StoreError(f"{self.path}: update failed: {e}") from e

    def replace_graph(self, graph: str, data: str, *, format: str, extra: str) -> None:
        body = ox.serialize(graph_triples(graph, data, format=format, extra=extra), format=ox.RdfFormat.N_TRIPLES)
        # One transaction: Oxigraph's update applies the whole text or nothing.
        self.store.update(f"DROP SILENT GRAPH <{graph}> ; INSERT DATA {{ GRAPH <{graph}> {{\n{body.decode()}\n}} }}")

    def quads(self, graph: str | None) -> Iterator[tuple[str, str, str, str | None]]:
        g = ox.NamedNode(graph) if graph else None
        with self._guard.reading() if self.read_only else contextlib.nullcontext(self.store) as store:
            for q in store.quads_for_pattern(None, None, None, g):
                name = q.graph_name
                yield (str(q.subject), str(q.predicate), str(q.object),
                       None if isinstance(name, ox.DefaultGraph) else str(name))

    def named_graphs(self) -> list[str]:
        """The named graphs' IRIs (an index scan, not a query over the quads)."""
        with self._guard.reading() if self.read_only else contextlib.nullcontext(self.store) as store:
            return [g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode)]

    def dump_graph(self, graph: str | None) -> bytes:
        """One graph (None: the default graph) as N-Triples, at Oxigraph's speed."""
        name = ox.NamedNode(graph) if graph else ox.DefaultGraph()
        with self._guard.reading() if self.read_only else contextlib.nullcontext(self.store) as store:
            return store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=name)

    def pattern(self, predicate: str, obj: str | None) -> Iterator[tuple[str, Any, str]]:
        o = ox.NamedNode(obj) if obj else None
        with self._guard.reading() if self.read_only else contextlib.nullcontext(self.store) as store:
            for q in store.quads_for_pattern(None, ox.NamedNode(predicate), o, None):
                if not isinstance(q.graph_name, ox.DefaultGraph):
                    yield q.subject.value, value_of(q.object), q.graph_name.value

    def bulk_load(self, nquads: bytes) -> None:
        try:
            self.store.bulk_load(input=nquads, format=ox.RdfFormat.N_QUADS)
        except (SyntaxError, OSError) as e:
            raise StoreError(f"{self.path}: bulk load failed: {e}") from e

    def load_file(self, path: Path, *, graph: str | None) -> None:
        try:
            self.store.load(path=str(path), to_graph=ox.NamedNode(graph) if graph else None)
        except (SyntaxError, ValueError) as e:
            raise StoreError(f"{path}: cannot load: {e}") from e

    def flush(self) -> None:
        if not self.read_only:
            self.store.flush()

    def close(self) -> None:
        if self.read_only:
            self._guard.close()
            return
        if not hasattr(self, "store"):
            return
        self.store.flush()
        del self.store
        self._lock.release()
