"""The remote back end: any SPARQL 1.1 endpoint reached by URL (Oxigraph's ``serve`` and others).

Queries go to ``URL`` (``/query`` is added for an Oxigraph server root); updates to the
matching ``/update``; whole graphs and files to the Graph Store Protocol endpoint ``/store``.
One :class:`httpx.Client` (one connection pool) per store. The project's prefixes are
declared before the text sent (a remote endpoint does not know them); syntax errors are
located in the caller's own text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox

from kg.errors import QueryError, StoreError
from kg.store.embedded import graph_triples
from kg.store.sparql import syntax_error
from kg.vocab import sparql_prefixes

_RESULTS = {ox.QueryResultsFormat.JSON.media_type: ox.QueryResultsFormat.JSON,
            ox.QueryResultsFormat.XML.media_type: ox.QueryResultsFormat.XML,
            ox.QueryResultsFormat.TSV.media_type: ox.QueryResultsFormat.TSV}


class RemoteTarget:
    """A SPARQL 1.1 protocol endpoint (with a Graph Store Protocol endpoint beside it)."""

    def __init__(self, url: str, *, timeout: float = 60.0) -> None:
        root = url.rstrip("/")
        if root.endswith("/query") or root.endswith("/sparql"):
            self.query_url = root
            self.update_url = root.rsplit("/", 1)[0] + "/update" if root.endswith("/query") else root
        else:
            self.query_url, self.update_url = root + "/query", root + "/update"
        self.store_url = self.query_url.rsplit("/", 1)[0] + "/store"
        self.client = httpx.Client(timeout=timeout)

    def _send(self, method: str, url: str, sparql: str = "", **kwargs: Any) -> httpx.Response:
        try:
            response = self.client.request(method, url, **kwargs)
        except httpx.HTTPError as e:
            raise StoreError(f"{url}: endpoint unreachable: {e}") from e
        if response.is_error:
            message = response.text
            if response.status_code == 400 and "error at" in message and sparql:
                raise syntax_error(message, sparql, sparql_prefixes().count("\n"))
            raise QueryError(f"{url}: HTTP {response.status_code}: {message.strip()[:500]}")
        return response

    def query(self, sparql: str, *, union: bool) -> Any:
        params = {"query": sparql_prefixes() + sparql}
        if union:
            params["union-default-graph"] = ""
        response = self._send("POST", self.query_url, sparql, data=params, headers={
            "Accept": "application/sparql-results+json, application/n-triples;q=0.9"})
        kind = response.headers.get("content-type", "").split(";")[0].strip()
        try:
            if kind in _RESULTS:
                return ox.parse_query_results(response.content, format=_RESULTS[kind])
            return list(ox.parse(response.content, format=ox.RdfFormat.from_media_type(kind) or ox.RdfFormat.N_TRIPLES))
        except SyntaxError as e:
            raise QueryError(f"{self.query_url}: unreadable results ({kind}): {e}") from e

    def update(self, sparql: str) -> None:
        self._send("POST", self.update_url, sparql, content=(sparql_prefixes() + sparql).encode(),
                   headers={"Content-Type": "application/sparql-update"})

    def replace_graph(self, graph: str, data: str, *, format: str, extra: str) -> None:
        body = ox.serialize(graph_triples(graph, data, format=format, extra=extra), format=ox.RdfFormat.N_TRIPLES)
        self._send("PUT", self.store_url, params={"graph": graph}, content=body,
                   headers={"Content-Type": ox.RdfFormat.N_TRIPLES.media_type})

    def quads(self, graph: str | None) -> Iterator[tuple[str, str, str, str | None]]:
        response = self._send("GET", self.store_url, params={"graph": graph} if graph else None,
                              headers={"Accept": ox.RdfFormat.N_QUADS.media_type})
        fmt = ox.RdfFormat.N_TRIPLES if graph else ox.RdfFormat.N_QUADS
        name = ox.NamedNode(graph) if graph else None
        for q in ox.parse(response.content, format=fmt):
            g = name or q.graph_name
            yield str(q.subject), str(q.predicate), str(q.object), None if isinstance(g, ox.DefaultGraph) else str(g)

    def load_file(self, path: Path, *, graph: str | None) -> None:
        fmt = ox.RdfFormat.from_extension(path.suffix.lstrip("."))
        if fmt is None:
            raise StoreError(f"{path}: cannot load: unknown RDF file extension {path.suffix!r}")
        with path.open("rb") as data:
            self._send("POST", self.store_url, params={"graph": graph} if graph else ({} if fmt.supports_datasets else {"default": ""}),
                       content=data.read(), headers={"Content-Type": fmt.media_type})

    def bulk_load(self, nquads: bytes) -> None:
        self._send("POST", self.store_url, content=nquads, headers={"Content-Type": ox.RdfFormat.N_QUADS.media_type})

    def flush(self) -> None:
        return None  # every update is already applied by the server

    def close(self) -> None:
        self.client.close()
