"""The embedded back end: an Oxigraph store in a folder on disk."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError, StoreError, StoreLockedError
from kg.store.server import check_not_served
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


class EmbeddedTarget:
    """An on-disk Oxigraph store."""

    def __init__(self, path: Path, *, read_only: bool = False, create: bool = True) -> None:
        if not path.exists() and (read_only or not create):
            raise StoreError(f"{path}: no store here (build one with `kg ingest PATH --store {path}`)")
        if not read_only:
            check_not_served(path)
        try:
            if not read_only:
                path.parent.mkdir(parents=True, exist_ok=True)  # data/store in a fresh working folder
            self.store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except OSError as e:
            if "lock" in str(e).lower():
                raise StoreLockedError(
                    f"{path}: the store is open in another process (a notebook, `kg serve`?); "
                    "close it or open this one read-only") from e
            raise StoreError(f"{path}: cannot open the store: {e}") from e
        self.path = path
        self.read_only = read_only

    def query(self, sparql: str, *, union: bool) -> Any:
        try:
            return self.store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=union)
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
        for q in self.store.quads_for_pattern(None, None, None, g):
            name = q.graph_name
            yield (str(q.subject), str(q.predicate), str(q.object),
                   None if isinstance(name, ox.DefaultGraph) else str(name))

    def load_file(self, path: Path, *, graph: str | None) -> None:
        try:
            self.store.load(path=str(path), to_graph=ox.NamedNode(graph) if graph else None)
        except (SyntaxError, ValueError) as e:
            raise StoreError(f"{path}: cannot load: {e}") from e

    def flush(self) -> None:
        if not self.read_only:
            self.store.flush()

    def close(self) -> None:
        if not self.read_only:
            self.store.flush()
        del self.store
