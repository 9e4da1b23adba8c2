"""What a store back end offers: the embedded Oxigraph folder and a remote endpoint alike."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from kg.errors import QuerySyntaxError
from kg.vocab import sparql_prefixes

_POSITION = re.compile(r"error at (\d+):(\d+):?\s*(.*)", re.S)


class SparqlTarget(Protocol):
    """A back end: queries, updates, graph replacement, quad streaming."""

    def query(self, sparql: str, *, union: bool, bindings: dict[str, Any]) -> Any: ...
    def update(self, sparql: str) -> None: ...
    def replace_graph(self, graph: str, data: str, *, format: str, extra: str) -> None: ...
    def quads(self, graph: str | None) -> Iterator[tuple[str, str, str, str]]: ...
    def load_file(self, path: Path, *, graph: str | None) -> None: ...
    def flush(self) -> None: ...
    def close(self) -> None: ...


def _scan(sparql: str):  # type: ignore[no-untyped-def]
    """Offsets and characters of the query outside comments, strings and IRIs."""
    i, n = 0, len(sparql)
    while i < n:
        c = sparql[i]
        if c == "#":
            i = sparql.find("\n", i)
            if i < 0:
                return
        elif c in "'\"":
            j = i + 1
            while j < n and sparql[j] != c:
                j += 2 if sparql[j] == "\\" else 1
            i = j
        elif c == "<" and i + 1 < n and not sparql[i + 1].isspace() and sparql[i + 1] not in "=<":
            end = sparql.find(">", i)
            i = end if end > 0 and "\n" not in sparql[i:end] and " " not in sparql[i:end] else i
        else:
            yield i, c
        i += 1


def _where_group_brace(sparql: str) -> int:
    """Offset of the ``{`` that opens the WHERE group (after ``WHERE`` when present), or -1.

    >>> q = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"
    >>> q[_where_group_brace(q) - 6:_where_group_brace(q) + 1]
    'WHERE {'
    """
    first, after_where, word = -1, False, ""
    for i, c in _scan(sparql):
        if c.isalpha():
            word += c
            continue
        if word.upper() == "WHERE":
            after_where = True
        word = ""
        if c == "{":
            if after_where:
                return i
            if first < 0:
                first = i
    return first if not re.search(r"(?i)\bCONSTRUCT\b", sparql) else -1


def bind_values(sparql: str, terms: dict[str, str]) -> str:
    """Bind variables by a ``VALUES`` block at the start of the query's WHERE group.

    The terms are already serialised RDF terms (escaped by the RDF library), so a value can
    never change the query's structure.

    >>> bind_values('SELECT * WHERE { ?s ?p ?x }', {"x": '"a } DROP ALL"'})
    'SELECT * WHERE { VALUES (?x) { ("a } DROP ALL") }  ?s ?p ?x }'
    """
    if not terms:
        return sparql
    at = _where_group_brace(sparql)
    if at < 0:
        raise QuerySyntaxError("no WHERE group to bind variables in", query=sparql)
    names = " ".join(f"?{k.lstrip('?$')}" for k in terms)
    block = f" VALUES ({names}) {{ ({' '.join(terms.values())}) }} "
    return sparql[: at + 1] + block + sparql[at + 1:]


def with_prefixes(sparql: str) -> tuple[str, int]:
    """The query with the project's PREFIX lines before it, and how many lines they take."""
    head = sparql_prefixes()
    return head + sparql, head.count("\n")


def syntax_error(message: str, sparql: str, shift: int) -> QuerySyntaxError:
    """A :class:`QuerySyntaxError` located in the user's text (prefix lines taken off).

    >>> str(syntax_error("error at 3:5: expected ]", "SELECT\\n*", 1)).splitlines()[0]
    'SPARQL syntax error at line 2, column 5: expected ]'
    """
    m = _POSITION.search(message)
    if not m:
        return QuerySyntaxError(message, query=sparql)
    line, column = int(m.group(1)) - shift, int(m.group(2))
    return QuerySyntaxError(m.group(3).strip() or message, query=sparql,
                            line=max(line, 1), column=column)
