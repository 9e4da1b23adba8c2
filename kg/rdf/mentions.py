"""Mentions as NIF spans of the article's text, each linked to the sentences it overlaps.

One rule for every kind of mention (actors, posts, event triggers, statement parts): a mention
is ``nif:sentence`` of every sentence it overlaps; the sentences used are described once.

>>> from kg.model import Span
>>> m = Mentions("http://ex.org/a", [Span(0, 6, "Pompeo"), Span(7, 12, "Maas.")])
>>> m.mention(Span(3, 9, "peo Ma"))
'<http://ex.org/a#char=3,9>'
>>> sorted(o for s, p, o in m.triples() if p.endswith("#sentence>"))
['<http://ex.org/a#char=0,6>', '<http://ex.org/a#char=7,12>']
"""

from __future__ import annotations

from kg.model import Span
from kg.rdf.terms import A, Triple, iri, literal
from kg.vocab import NIF, NKG, XSD, mention_iri


def _int(n: int) -> str:
    return literal(n, f"{XSD}nonNegativeInteger")


def span_triples(art: str, span: Span, cls: str) -> list[Triple]:
    """The NIF description of one span of the article's text.

    >>> span_triples("http://ex.org/a", Span(0, 6, "Pompeo"), NIF + "Sentence")[3]
    ('<http://ex.org/a#char=0,6>', '<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf>', '"Pompeo"')
    """
    m = iri(mention_iri(art, span.begin, span.end))
    return [(m, f"<{NIF}referenceContext>", iri(art)), (m, f"<{NIF}beginIndex>", _int(span.begin)),
            (m, f"<{NIF}endIndex>", _int(span.end)), (m, f"<{NIF}anchorOf>", literal(span.text)),
            (m, A, iri(cls))]


class Mentions:
    """The mentions of one article, collected as they are named, with their sentences."""

    def __init__(self, art: str, sentences: list[Span]) -> None:
        self.art = art
        self.sentences = sentences
        self._triples: list[Triple] = []
        self._used: set[Span] = set()

    def mention(self, span: Span) -> str:
        """The term of the mention of ``span`` (described and linked to its sentences)."""
        m = iri(mention_iri(self.art, span.begin, span.end))
        self._triples += span_triples(self.art, span, f"{NKG}Mention")
        for s in self.sentences:
            if s.begin < span.end and span.begin < s.end:
                self._used.add(s)
                self._triples.append((m, f"<{NIF}sentence>", iri(mention_iri(self.art, s.begin, s.end))))
        return m

    def triples(self) -> list[Triple]:
        """The mentions' triples (with their ``nif:sentence`` links)."""
        return list(self._triples)

    def sentence_triples(self) -> list[Triple]:
        """The NIF descriptions of the sentences the mentions use."""
        return [t for s in sorted(self._used) for t in span_triples(self.art, s, f"{NIF}Sentence")]
