"""What a store back end offers, and the SPARQL text handling both back ends share.

Bindings are a ``VALUES`` block at the start of the query's WHERE group, made of terms
written by :func:`kg.rdf.terms.term`; a binding's name must be a SPARQL variable name that
the query uses, and a value that is no valid term is refused, naming the binding.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Protocol

from kg.errors import QueryError, QuerySyntaxError
from kg.rdf.terms import term
from kg.vocab import PREFIXES

_POSITION = re.compile(r"error at (\d+):(\d+):?\s*(.*)", re.S)
_VARNAME = re.compile(r"\w+")
#: An IRI as N-Triples and SPARQL write it between ``<`` and ``>``.
_IRIREF = re.compile(r'<[^<>"{}|^`\\\x00-\x20]*>')


class SparqlTarget(Protocol):
    """A back end. ``query`` returns pyoxigraph's results (solutions, boolean or triples)."""

    def query(self, sparql: str, *, union: bool) -> Any: ...
    def update(self, sparql: str) -> None: ...
    def replace_graph(self, graph: str, data: str, *, format: str, extra: str) -> None: ...
    def quads(self, graph: str | None) -> Iterator[tuple[str, str, str, str | None]]: ...
    def load_file(self, path: Path, *, graph: str | None) -> None: ...
    def bulk_load(self, nquads: bytes) -> None: ...
    def flush(self) -> None: ...
    def close(self) -> None: ...


def _scan(sparql: str) -> Iterator[tuple[int, str]]:
    """Offsets and characters of the query outside comments, strings (long ones too) and IRIs.

    >>> "".join(c for _, c in _scan("SELECT ?a { ?a ?p '''x '?b' { ''' } # ?c"))
    'SELECT ?a { ?a ?p  } '
    """
    i, n = 0, len(sparql)
    while i < n:
        c = sparql[i]
        if c == "#":
            i = sparql.find("\n", i)
            if i < 0:
                return
        elif c in "'\"":
            quote = sparql[i:i + 3] if sparql[i:i + 3] == c * 3 else c  # long strings: '''...''' and """..."""
            j = i + len(quote)
            while j < n and not sparql.startswith(quote, j):
                j += 2 if sparql[j] == "\\" else 1
            i = j + len(quote) - 1
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


def query_variables(sparql: str) -> set[str]:
    """The names of the variables a query mentions (outside strings, IRIs and comments).

    >>> sorted(query_variables('SELECT ?a WHERE { ?a <http://x/?b> "?c" ; $d 1 } # ?e'))
    ['a', 'd']
    """
    code = "".join(c if i >= 0 else " " for i, c in _scan(sparql))
    return set(re.findall(r"[?$](\w+)", code))


def binding_terms(sparql: str, bindings: dict[str, Any]) -> dict[str, str]:
    """The terms of ``bindings``, checked: names are variables of the query, values valid terms.

    >>> binding_terms("SELECT * WHERE { ?s ?p ?x }", {"x": 3})
    {'x': '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'}
    >>> binding_terms("SELECT * WHERE { ?s ?p ?x }", {"x) } ?y": 3})
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: binding 'x) } ?y': a name must be a SPARQL variable name (letters, digits, _)
    >>> binding_terms("SELECT * WHERE { ?s ?p ?x }", {"y": 3})
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: binding ?y: the query has no variable ?y (its variables: ?p, ?s, ?x)
    """
    used = query_variables(sparql)
    out = {}
    for raw, value in bindings.items():
        name = raw[1:] if raw[:1] in "?$" else raw
        if not _VARNAME.fullmatch(name):
            raise QueryError(f"binding {raw!r}: a name must be a SPARQL variable name (letters, digits, _)")
        if name not in used:
            known = ", ".join(f"?{v}" for v in sorted(used)) or "none"
            raise QueryError(f"binding ?{name}: the query has no variable ?{name} (its variables: {known})")
        written = term(value)
        if written.startswith("<") and not _IRIREF.fullmatch(written):
            raise QueryError(f"binding ?{name}: {str(value)[:80]!r} is not a valid IRI "
                             "(no spaces, <, >, \", {, }, |, ^, ` or \\ inside)")
        out[name] = written
    return out


def bind_values(sparql: str, terms: dict[str, str]) -> str:
    """Bind variables by a ``VALUES`` block at the start of the query's WHERE group.

    The terms are already written RDF terms (see :func:`binding_terms`), so a value can never
    change the query's structure.

    >>> bind_values('SELECT * WHERE { ?s ?p ?x }', {"x": '"a } DROP ALL"'})
    'SELECT * WHERE { VALUES (?x) { ("a } DROP ALL") }  ?s ?p ?x }'
    """
    if not terms:
        return sparql
    at = _where_group_brace(sparql)
    if at < 0:
        raise QuerySyntaxError("no WHERE group to bind variables in", query=sparql)
    names = " ".join(f"?{k}" for k in terms)
    block = f" VALUES ({names}) {{ ({' '.join(terms.values())}) }} "
    return sparql[: at + 1] + block + sparql[at + 1:]


def syntax_error(message: str, sparql: str, shift: int = 0) -> QuerySyntaxError:
    """A :class:`QuerySyntaxError` located in the user's text (``shift`` lines pasted before it).

    >>> str(syntax_error("error at 3:5: expected ]", "SELECT\\n*", 1)).splitlines()[0]
    'SPARQL syntax error at line 2, column 5: expected ]'
    >>> syntax_error('error at 1:5: expected one of "{", [x \\\\u{00B7}]', "SELECT").message
    'unexpected text (expected one of "{" or a name)'
    >>> str(syntax_error("error at 1:20: expected one of Prefix not found, ['%']", "SELECT * { ?s foo:b ?o }")).splitlines()[0][:80]
    'SPARQL syntax error at line 1, column 20: unknown prefix foo: (known: data, dcat'
    """
    m = _POSITION.search(message)
    if not m:
        return QuerySyntaxError(message, query=sparql)
    line, column = max(int(m.group(1)) - shift, 1), int(m.group(2))
    detail = m.group(3).strip() or message
    if "Prefix not found" in detail:
        lines = sparql.splitlines() or [""]
        before = lines[min(line, len(lines)) - 1][: column - 1]
        name = re.search(r"([^\s{}()<>;,.?$\"'#]*):[^\s:]*\s*$", before)
        known = ", ".join(sorted(PREFIXES))
        detail = (f"unknown prefix {name.group(1) if name else ''}: (known: {known}; "
                  "or declare it with PREFIX name: <namespace>)")
    elif "\\u{" in detail:  # a list of Unicode ranges helps nobody: keep the expected tokens
        tokens = re.findall(r'"[^"\s]+"', detail)
        detail = "unexpected text" + (f" (expected one of {', '.join(tokens)} or a name)" if tokens else "")
    return QuerySyntaxError(detail, query=sparql, line=line, column=column)
