"""The embedded back end: an Oxigraph store in a folder on disk."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from kg.errors import QueryError, StoreError, StoreLockedError
from kg.model import IRI
from kg.store.results import Rows, python_value
from kg.store.sparql import bind_values, syntax_error, with_prefixes
from kg.vocab import XSD

_FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES,
            "nquads": ox.RdfFormat.N_QUADS, "trig": ox.RdfFormat.TRIG}


def to_term(value: Any) -> ox.NamedNode | ox.Literal:
    """An Oxigraph term for a Python value: :class:`kg.model.IRI` -> IRI, the rest -> literal.

    >>> to_term(IRI("http://ex.org/a")), to_term('x" } ; DROP ALL ; #').value
    (<NamedNode value=http://ex.org/a>, 'x" } ; DROP ALL ; #')
    """
    if isinstance(value, IRI):
        return ox.NamedNode(str(value))
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(f"{XSD}boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(f"{XSD}integer"))
    if isinstance(value, float):
        return ox.Literal(repr(value), datatype=ox.NamedNode(f"{XSD}double"))
    if isinstance(value, dt.datetime):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(f"{XSD}dateTime"))
    if isinstance(value, dt.date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(f"{XSD}date"))
    return ox.Literal(str(value))


def _value(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return python_value("literal", term.value, term.datatype.value if not term.language else None)
    return str(term)


class EmbeddedTarget:
    """An on-disk Oxigraph store."""

    def __init__(self, path: Path, *, read_only: bool = False, create: bool = True) -> None:
        if not path.exists() and (read_only or not create):
            raise StoreError(f"{path}: no store here (build one with `kg ingest PATH --store {path}`)")
        try:
            self.store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except OSError as e:
            if "lock" in str(e).lower():
                raise StoreLockedError(
                    f"{path}: the store is open in another process (a notebook, `kg serve`?); "
                    "close it or open this one read-only") from e
            raise StoreError(f"{path}: cannot open the store: {e}") from e
        self.path = path
        self.read_only = read_only

    def query(self, sparql: str, *, union: bool, bindings: dict[str, Any]) -> Any:
        text, shift = with_prefixes(bind_values(sparql, {k: str(to_term(v)) for k, v in bindings.items()}))
        try:
            result = self.store.query(text, use_default_graph_as_union=union)
            if isinstance(result, ox.QueryBoolean):
                return bool(result)
            if isinstance(result, ox.QueryTriples):
                return [(str(t.subject), str(t.predicate), str(t.object)) for t in result]
            names = [v.value for v in result.variables]
            rows, terms = [], []
            for solution in result:
                cells = [solution[i] for i in range(len(names))]
                rows.append({n: _value(c) for n, c in zip(names, cells)})
                terms.append({n: str(c) for n, c in zip(names, cells) if c is not None})
            return Rows(names, rows, terms)
        except SyntaxError as e:
            raise syntax_error(str(e), sparql, shift) from e
        except OSError as e:
            raise QueryError(f"query failed: {e}") from e

    def update(self, sparql: str) -> None:
        text, shift = with_prefixes(sparql)
        try:
            self.store.update(text)
        except SyntaxError as e:
            raise syntax_error(str(e), sparql, shift) from e
        except OSError as e:
            raise StoreError(f"{self.path}: update failed: {e}") from e

    def replace_graph(self, graph: str, data: str, *, format: str, extra: str) -> None:
        try:
            quads = list(ox.parse(data, format=_FORMATS[format]))
            quads += list(ox.parse(extra, format=ox.RdfFormat.N_TRIPLES))
        except SyntaxError as e:
            raise StoreError(f"{graph}: the RDF to load does not parse: {e}") from e
        # One transaction: Oxigraph's update applies the whole text or nothing.
        body = "\n".join(f"{q.subject} {q.predicate} {q.object} ." for q in quads)
        self.store.update(f"DROP SILENT GRAPH <{graph}> ; INSERT DATA {{ GRAPH <{graph}> {{\n{body}\n}} }}")

    def quads(self, graph: str | None) -> Iterator[tuple[str, str, str, str]]:
        g = ox.NamedNode(graph) if graph else None
        for q in self.store.quads_for_pattern(None, None, None, g):
            yield str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)

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
