"""RDF terms as N-Triples strings, both ways: the one writer and the one reader of the package.

Writing: :func:`iri`, :func:`literal` and :func:`term` (any Python value). Reading:
:func:`read_term` (an N-Triples term -> kind, value, datatype, language), :func:`python_value`
(typed Python values), :func:`to_rdflib`. :func:`curie` shortens an IRI to a prefixed name.

>>> read_term(literal('Café "x" ’s\\n')).value
'Café "x" ’s\\n'
>>> term(3), curie("https://w3id.org/newskg/ns#Person")
('"3"^^<http://www.w3.org/2001/XMLSchema#integer>', 'nkg:Person')
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from kg.model import IRI
from kg.vocab import PREFIXES, RDF, XSD

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

__all__ = ["A", "Triple", "Term", "iri", "literal", "term", "read_term", "python_value", "to_python",
           "to_rdflib", "rdflib_graph", "curie"]

Triple = tuple[str, str, str]
A = f"<{RDF}type>"


# -- writing ------------------------------------------------------------------------------

def iri(value: str) -> str:
    """An IRI term.

    >>> iri("http://ex.org/a")
    '<http://ex.org/a>'
    """
    return f"<{value}>"


def literal(value: object, datatype: str | None = None) -> str:
    """A literal term, escaped for N-Triples and SPARQL.

    >>> literal('say "hi"\\n'), literal(3, XSD + "integer")
    ('"say \\\\"hi\\\\"\\\\n"', '"3"^^<http://www.w3.org/2001/XMLSchema#integer>')
    """
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{text}"' + (f"^^<{datatype}>" if datatype else "")


def term(value: Any) -> str:
    """The term of a Python value: :class:`kg.model.IRI` -> IRI; bool, int, float, date and
    datetime -> typed literals; anything else -> a plain string literal.

    >>> term(IRI("http://ex.org/a")), term(True), term(dt.date(2020, 1, 3))
    ('<http://ex.org/a>', '"true"^^<http://www.w3.org/2001/XMLSchema#boolean>', '"2020-01-03"^^<http://www.w3.org/2001/XMLSchema#date>')
    """
    if isinstance(value, IRI):
        return iri(str(value))
    if isinstance(value, bool):
        return literal("true" if value else "false", f"{XSD}boolean")
    if isinstance(value, int):
        return literal(value, f"{XSD}integer")
    if isinstance(value, float):
        return literal(repr(value), f"{XSD}double")
    if isinstance(value, dt.datetime):
        return literal(value.isoformat(), f"{XSD}dateTime")
    if isinstance(value, dt.date):
        return literal(value.isoformat(), f"{XSD}date")
    return literal(value)


# -- reading ------------------------------------------------------------------------------

class Term(NamedTuple):
    """A term read back: ``kind`` is "uri", "bnode" or "literal" (the SPARQL JSON names)."""

    kind: str
    value: str
    datatype: str | None = None
    lang: str | None = None


_LITERAL = re.compile(r'"(.*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?', re.S)
_ESCAPE = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)', re.S)
_SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return _ESCAPE.sub(lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] in "uU" and len(m.group(1)) > 1
                       else _SIMPLE.get(m.group(1), m.group(1)), text)


def read_term(text: str) -> Term:
    """One N-Triples term (IRI, blank node or literal), unescaped.

    >>> read_term('"caf\\\\u00E9"@fr'), read_term("<http://ex.org/a>").kind
    (Term(kind='literal', value='café', datatype=None, lang='fr'), 'uri')
    >>> read_term("nonsense")
    Traceback (most recent call last):
    ...
    ValueError: not an N-Triples term: 'nonsense'
    """
    if text.startswith("<") and text.endswith(">"):
        return Term("uri", _unescape(text[1:-1]))
    if text.startswith("_:"):
        return Term("bnode", text[2:])
    match = _LITERAL.fullmatch(text)
    if match is None:
        raise ValueError(f"not an N-Triples term: {text[:80]!r}")
    lexical, lang, datatype = match.groups()
    return Term("literal", _unescape(lexical), datatype, lang)


_NUMERIC = {f"{XSD}integer": int, f"{XSD}int": int, f"{XSD}long": int,
            f"{XSD}nonNegativeInteger": int, f"{XSD}decimal": Decimal, f"{XSD}double": float,
            f"{XSD}float": float}


def python_value(kind: str, value: str, datatype: str | None = None) -> Any:
    """A Python value for an RDF term: IRIs and strings as str, numbers, booleans and dates typed.

    >>> python_value("literal", "42", "http://www.w3.org/2001/XMLSchema#integer")
    42
    >>> python_value("literal", "2020-01-03", "http://www.w3.org/2001/XMLSchema#date")
    datetime.date(2020, 1, 3)
    >>> python_value("uri", "http://ex.org/a"), python_value("bnode", "b0")
    ('http://ex.org/a', '_:b0')
    """
    if kind == "bnode":
        return f"_:{value}"
    if kind != "literal" or not datatype:
        return value
    try:
        if datatype in _NUMERIC:
            return _NUMERIC[datatype](value)
        if datatype == f"{XSD}boolean":
            return value in ("true", "1")
        if datatype == f"{XSD}date":
            return dt.date.fromisoformat(value)
        if datatype == f"{XSD}dateTime":
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    return value


def to_python(text: str) -> Any:
    """The Python value of an N-Triples term (see :func:`python_value`).

    >>> to_python('"7"^^<http://www.w3.org/2001/XMLSchema#integer>'), to_python('"a\\\\"b"')
    (7, 'a"b')
    """
    kind, value, datatype, _ = read_term(text)
    return python_value(kind, value, datatype)


def to_rdflib(text: str) -> "Node":
    """The rdflib term of one N-Triples term.

    >>> to_rdflib('"caf\\\\u00E9\\\\n"@fr'), to_rdflib("<http://ex.org/a>"), to_rdflib("_:b1")
    (rdflib.term.Literal('café\\n', lang='fr'), rdflib.term.URIRef('http://ex.org/a'), rdflib.term.BNode('b1'))
    """
    from rdflib import BNode, Literal, URIRef

    kind, value, datatype, lang = read_term(text)
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    return Literal(value, lang=lang, datatype=URIRef(datatype) if datatype else None)


def rdflib_graph(triples: Iterable[tuple[str, ...]]) -> "Graph":
    """An rdflib graph of ``(s, p, o, ...)`` N-Triples term tuples (extra items ignored).

    >>> len(rdflib_graph([("<http://ex.org/a>", "<http://ex.org/p>", '"x"', None)]))
    1
    """
    from rdflib import Graph

    graph = Graph()
    add = graph.add
    cache: dict[str, Node] = {}
    for s, p, o, *_ in triples:
        add(tuple(cache[t] if t in cache else cache.setdefault(t, to_rdflib(t)) for t in (s, p, o)))  # type: ignore[arg-type]
        if len(cache) > 100_000:
            cache.clear()
    return graph


# -- prefixed names -----------------------------------------------------------------------

#: A local part that is a valid Turtle/SPARQL prefixed name as written (no escapes needed).
_LOCAL = re.compile(r"[A-Za-z0-9_]([A-Za-z0-9_.-]*[A-Za-z0-9_-])?")


def curie(value: str, prefixes: Mapping[str, str] = PREFIXES, *, strict: bool = False) -> str | None:
    """``prefix:local`` for an IRI under a known namespace (the longest wins), else None.

    ``strict`` asks for a name Turtle and SPARQL accept as written (local part of name
    characters, not empty).

    >>> curie("https://w3id.org/newskg/id/actor/x"), curie("https://w3id.org/newskg/id/actor/x", strict=True)
    ('data:actor/x', None)
    >>> curie("http://elsewhere.org/a") is None, curie("https://w3id.org/newskg/ns#") is None
    (True, True)
    """
    for prefix, ns in sorted(prefixes.items(), key=lambda kv: -len(kv[1])):
        if value.startswith(ns) and len(value) > len(ns):
            local = value[len(ns):]
            if strict and not _LOCAL.fullmatch(local):
                continue
            return f"{prefix}:{local}"
    return None
