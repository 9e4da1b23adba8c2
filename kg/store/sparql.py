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
    def close(self) -> None: ...


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
