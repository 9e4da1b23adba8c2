"""The remote back end: any SPARQL 1.1 endpoint reached by URL (Oxigraph's ``serve`` and others).

Queries go to ``URL`` (``/query`` is added for an Oxigraph server root); updates to the
matching ``/update``. Bindings become a ``VALUES`` block of escaped terms, as for the embedded
store.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kg.errors import QueryError, StoreError
from kg.store.results import Rows, python_value
from kg.store.sparql import bind_values, syntax_error, with_prefixes


def nt_term(value: Any) -> str:
    """An N-Triples term for a Python value (IRIs for :class:`kg.model.IRI`), escaped.

    >>> nt_term('say "hi"\\n')
    '"say \\\\"hi\\\\"\\\\n"'
    """
    from kg.store.embedded import to_term

    return str(to_term(value))


class RemoteTarget:
    """A SPARQL 1.1 protocol endpoint."""

    def __init__(self, url: str, *, timeout: float = 60.0) -> None:
        root = url.rstrip("/")
        if root.endswith("/query") or root.endswith("/sparql"):
            self.query_url = root
            self.update_url = root.rsplit("/", 1)[0] + "/update" if root.endswith("/query") else root
        else:
            self.query_url, self.update_url = root + "/query", root + "/update"
        self.store_url = self.query_url.rsplit("/", 1)[0] + "/store"
        self.timeout = timeout

    def _post(self, url: str, body: bytes, content_type: str, accept: str, sparql: str, shift: int) -> bytes:
        req = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": content_type, "Accept": accept})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.read()
        except urllib.error.HTTPError as e:
            message = e.read().decode("utf-8", "replace")
            if e.code == 400 and "error at" in message:
                raise syntax_error(message, sparql, shift) from e
            raise QueryError(f"{url}: HTTP {e.code}: {message.strip()[:500]}") from e
        except urllib.error.URLError as e:
            raise StoreError(f"{url}: endpoint unreachable: {e.reason}") from e

    def query(self, sparql: str, *, union: bool, bindings: dict[str, Any]) -> Any:
        text, shift = with_prefixes(bind_values(sparql, {k: nt_term(v) for k, v in bindings.items()}))
        params = {"query": text}
        if union:
            params["union-default-graph"] = ""
        body = urllib.parse.urlencode(params).encode()
        raw = self._post(self.query_url, body, "application/x-www-form-urlencoded",
                         "application/sparql-results+json, application/n-triples", sparql, shift)
        if raw.lstrip().startswith(b"{"):
            data = json.loads(raw)
            if "boolean" in data:
                return bool(data["boolean"])
            names = data["head"]["vars"]
            rows, terms = [], []
            for b in data["results"]["bindings"]:
                rows.append({n: (python_value(b[n]["type"], b[n]["value"], b[n].get("datatype"))
                                 if n in b else None) for n in names})
                terms.append({n: _json_nt(b[n]) for n in names if n in b})
            return Rows(names, rows, terms)
        import pyoxigraph as ox

        return [(str(t.subject), str(t.predicate), str(t.object))
                for t in ox.parse(raw, format=ox.RdfFormat.N_TRIPLES)]

    def update(self, sparql: str) -> None:
        text, shift = with_prefixes(sparql)
        self._post(self.update_url, text.encode(), "application/sparql-update", "*/*", sparql, shift)

    def replace_graph(self, graph: str, data: str, *, format: str, extra: str) -> None:
        import pyoxigraph as ox

        fmt = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES}[format]
        triples = list(ox.parse(data, format=fmt)) + list(ox.parse(extra, format=ox.RdfFormat.N_TRIPLES))
        body = "\n".join(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
        self.update(f"DROP SILENT GRAPH <{graph}> ; INSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}")

    def quads(self, graph: str | None) -> Iterator[tuple[str, str, str, str]]:
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }} BIND(<{graph}> AS ?g)" if graph else "GRAPH ?g { ?s ?p ?o }"
        rows = self.query(f"SELECT ?s ?p ?o ?g WHERE {{ {where} }}", union=False, bindings={})
        for t in rows.terms:
            yield t["s"], t["p"], t["o"], t["g"]

    def load_file(self, path: Path, *, graph: str | None) -> None:
        import pyoxigraph as ox

        triples = ox.parse(path=str(path))
        body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in triples)
        target = f"GRAPH <{graph}> {{ {body} }}" if graph else body
        self.update(f"INSERT DATA {{ {target} }}")

    def flush(self) -> None:
        return None  # every update is already applied by the server

    def close(self) -> None:
        return None


def _json_nt(cell: dict[str, str]) -> str:
    value = cell["value"]
    if cell["type"] == "uri":
        return f"<{value}>"
    if cell["type"] == "bnode":
        return f"_:{value}"
    escaped = json.dumps(value, ensure_ascii=False)
    if "xml:lang" in cell:
        return f"{escaped}@{cell['xml:lang']}"
    if cell.get("datatype"):
        return f"{escaped}^^<{cell['datatype']}>"
    return escaped
