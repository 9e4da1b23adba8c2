"""RDF terms as N-Triples strings, and the NIF description of a text span: shared by the RDF modules.

>>> span_triples("http://ex.org/a", Span(0, 6, "Pompeo"), None)[3]
('<http://ex.org/a#char=0,6>', '<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf>', '"Pompeo"')
"""

from __future__ import annotations

from kg.model import Span
from kg.vocab import NIF, RDF, XSD, mention_iri

Triple = tuple[str, str, str]
A = f"<{RDF}type>"


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


def _int(n: int) -> str:
    return literal(n, f"{XSD}nonNegativeInteger")


def span_triples(art: str, span: Span, cls: str | None) -> list[Triple]:
    """The NIF description of one span of the article's text."""
    m = iri(mention_iri(art, span.begin, span.end))
    out = [(m, f"<{NIF}referenceContext>", iri(art)), (m, f"<{NIF}beginIndex>", _int(span.begin)),
           (m, f"<{NIF}endIndex>", _int(span.end)), (m, f"<{NIF}anchorOf>", literal(span.text))]
    return out + ([(m, A, iri(cls))] if cls else [])
