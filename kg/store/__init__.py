"""The only module that touches Oxigraph: an on-disk store, or a SPARQL 1.1 server by URL.

>>> import tempfile
>>> with open_store(tempfile.mkdtemp()) as store:
...     store.update('INSERT DATA { GRAPH <http://ex.org/g> { <http://ex.org/a> <http://ex.org/p> 1 } }')
...     rows = store.query('SELECT ?s ?o WHERE { ?s ?p ?o }')
...     rows[0]["s"], rows[0]["o"], len(store)
('http://ex.org/a', 1, 1)
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from kg.model import GraphUpdate
from kg.store.results import Rows, python_value  # noqa: F401  (re-exported)
from kg.store.sparql import SparqlTarget
from kg.vocab import GAF, NKG, SKOS, sparql_prefixes

__all__ = ["KGStore", "Rows", "default_store_path", "open_store"]

#: Where the store lives when no folder is given: ``$NEWSKG_STORE`` or ``data/store``.
def default_store_path() -> Path:
    """The default store folder: ``$NEWSKG_STORE``, else ``data/store`` under the working folder.

    >>> default_store_path().parts[-2:] if "NEWSKG_STORE" not in os.environ else ("data", "store")
    ('data', 'store')
    """
    return Path(os.environ.get("NEWSKG_STORE", "data/store"))


def open_store(location: str | os.PathLike[str] | None = None, *, read_only: bool = False,
               create: bool = True) -> "KGStore":
    """Open the store at a folder (created if missing) or a SPARQL endpoint URL.

    :param location: a folder, an ``http(s)://`` query endpoint URL, or None for the default.
    :param read_only: open an on-disk store without taking the write lock.
    :param create: create a missing folder (otherwise raise :class:`StoreError`).
    :raises StoreError: the folder cannot be opened (locked by another process, not a store).
    """
    loc = str(location) if location is not None else str(default_store_path())
    if loc.startswith(("http://", "https://")):
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

    # -- reading ---------------------------------------------------------------------------
    def query(self, sparql: str, *, union: bool = True,
              bindings: dict[str, Any] | None = None) -> Rows | bool | list[tuple[str, str, str]]:
        """Run a SPARQL query with the project's prefixes preloaded.

        SELECT gives :class:`Rows` (dicts of Python values), ASK a bool, CONSTRUCT and
        DESCRIBE a list of N-Triples term triples. ``bindings`` binds variables to values
        (:class:`kg.model.IRI` -> IRI; str, int, float, bool, date -> typed literals) as a
        VALUES block of escaped terms in the WHERE group, never pasting text into the query.

        :raises QuerySyntaxError: the query does not parse (with line and column).
        :raises QueryError: the query fails while running.
        """
        return self._target.query(sparql, union=union, bindings=bindings or {})

    def update(self, sparql: str) -> None:
        """Run a SPARQL update as one transaction.

        :raises QuerySyntaxError: the update does not parse.
        """
        self._target.update(sparql)

    def __len__(self) -> int:
        rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", union=False)
        return int(rows[0]["n"])  # type: ignore[index]

    def graphs(self) -> list[str]:
        """IRIs of the named graphs, sorted."""
        rows = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }", union=False)
        return sorted(r["g"] for r in rows)  # type: ignore[union-attr]

    def graph_digest(self, graph: str) -> str | None:
        """The content digest recorded in a graph, or None when the graph is absent."""
        rows = self.query(f"SELECT ?d WHERE {{ GRAPH <{graph}> {{ <{graph}> <{NKG}inputDigest> ?d }} }}",
                          union=False)
        return str(rows[0]["d"]) if rows else None  # type: ignore[index]

    # -- writing ---------------------------------------------------------------------------
    def write_article(self, change: GraphUpdate) -> bool:
        """Replace one article's graph and refresh its actors' shared facts, atomically.

        Returns False (and writes nothing) when the graph already holds the same digest.
        """
        if self.graph_digest(change.graph) == change.digest:
            return False
        old = self.query(f"SELECT DISTINCT ?a WHERE {{ GRAPH <{change.graph}> {{ ?a <{GAF}denotedBy> ?m }} }}",
                         union=False)
        touched = sorted({r["a"] for r in old} | set(change.actors))  # type: ignore[union-attr]
        self.update(replace_article_update(change, touched))
        return True

    def replace_graph(self, graph: str, data: str, *, format: str = "turtle", digest: str) -> bool:
        """Replace a whole graph with an RDF text (Turtle or N-Triples), atomically.

        Returns False when the graph already records ``digest``.
        """
        if self.graph_digest(graph) == digest:
            return False
        self._target.replace_graph(graph, data, format=format,
                                   extra=f'<{graph}> <{NKG}inputDigest> "{digest}" .\n')
        return True

    def quads(self, graph: str | None = None) -> Iterator[tuple[str, str, str, str]]:
        """Stream quads as N-Triples term strings ``(s, p, o, g)``, in the store's order."""
        return self._target.quads(graph)

    def load_file(self, path: str | os.PathLike[str], *, graph: str | None = None) -> None:
        """Load an RDF file (format from its extension) into the store."""
        self._target.load_file(Path(path), graph=graph)

    # -- lifecycle -------------------------------------------------------------------------
    def flush(self) -> None:
        """Write buffered changes to disk and free their memory (long ingests call it often)."""
        self._target.flush()

    def close(self) -> None:
        """Flush and release the store (the on-disk lock)."""
        self._target.close()

    def __enter__(self) -> "KGStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<KGStore {self.location}>"


def _triples_block(triples: Iterable[tuple[str, str, str]]) -> str:
    return "\n".join(f"{s} {p} {o} ." for s, p, o in triples)


def replace_article_update(change: GraphUpdate, touched: Sequence[str]) -> str:
    """The one SPARQL update that swaps an article graph and refreshes shared actor facts.

    Steps: drop shared facts of actors that only this graph denoted; drop the graph; insert
    the new graph and the new actors' shared facts; recompute the aliases of every touched
    actor as the union of the ``skos:altLabel`` that article graphs state.
    """
    g, shared = change.graph, change.shared_graph
    values = " ".join(f"<{a}>" for a in touched)
    parts = [
        f"""DELETE {{ GRAPH <{shared}> {{ ?a ?p ?o }} }} WHERE {{
  GRAPH <{g}> {{ ?a gaf:denotedBy ?m }}
  GRAPH <{shared}> {{ ?a ?p ?o }}
  FILTER NOT EXISTS {{ GRAPH ?other {{ ?a gaf:denotedBy ?m2 }} FILTER(?other != <{g}>) }}
}}""",
        f"DROP SILENT GRAPH <{g}>",
        f"INSERT DATA {{ GRAPH <{g}> {{\n{_triples_block(change.triples)}\n}}\n"
        f"GRAPH <{shared}> {{\n{_triples_block(change.shared_triples)}\n}} }}",
    ]
    if values:
        parts += [
            f"DELETE {{ GRAPH <{shared}> {{ ?a skos:altLabel ?l }} }} WHERE {{ VALUES ?a {{ {values} }} "
            f"GRAPH <{shared}> {{ ?a skos:altLabel ?l }} }}",
            f"INSERT {{ GRAPH <{shared}> {{ ?a skos:altLabel ?l }} }} WHERE {{ VALUES ?a {{ {values} }} "
            f"GRAPH ?src {{ ?a skos:altLabel ?l }} FILTER(?src != <{shared}>) }}",
        ]
    return sparql_prefixes({"gaf": GAF, "skos": SKOS}) + " ;\n".join(parts)
