"""rdflib terms from N-Triples term strings, without running rdflib's (slow) N-Triples parser.

>>> to_rdflib('"caf\\\\u00E9\\\\n"@fr'), to_rdflib("<http://ex.org/a>"), to_rdflib("_:b1")
(rdflib.term.Literal('café\\n', lang='fr'), rdflib.term.URIRef('http://ex.org/a'), rdflib.term.BNode('b1'))
>>> to_rdflib('"3"^^<http://www.w3.org/2001/XMLSchema#integer>').toPython()
3
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

__all__ = ["to_rdflib", "rdflib_graph"]

_LITERAL = re.compile(r'"(.*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?', re.S)
_ESCAPE = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)', re.S)
_SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text
    return _ESCAPE.sub(lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] in "uU" and len(m.group(1)) > 1
                       else _SIMPLE.get(m.group(1), m.group(1)), text)


def to_rdflib(term: str) -> "Node":
    """The rdflib term of one N-Triples term (IRI, blank node or literal)."""
    from rdflib import BNode, Literal, URIRef

    if term.startswith("<"):
        return URIRef(_unescape(term[1:-1]))
    if term.startswith("_:"):
        return BNode(term[2:])
    match = _LITERAL.fullmatch(term)
    if match is None:
        raise ValueError(f"not an N-Triples term: {term[:80]!r}")
    lexical, lang, datatype = match.groups()
    return Literal(_unescape(lexical), lang=lang, datatype=URIRef(datatype) if datatype else None)


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
