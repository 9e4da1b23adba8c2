"""An article's analysis as RDF: N-Triples terms for its own graph and the shared actor graph.

Terms follow ``shared/design/ontology.md``. One module per kind of thing described:
:mod:`~kg.rdf.article` (the article and its graph's provenance), :mod:`~kg.rdf.mentions`
(NIF spans and their sentences), :mod:`~kg.rdf.actors` (actors and posts),
:mod:`~kg.rdf.events`, :mod:`~kg.rdf.statements`; :mod:`~kg.rdf.terms` writes and reads
terms. Every IRI comes from :mod:`kg.vocab`; the analysis carries every decided value.

>>> from kg.model import Article, Analysis, Actor, Span
>>> art = Article(id="a1", text="Pompeo spoke.")
>>> up = analysis_graph(Analysis(art, [Actor("Pompeo", "Person", [Span(0, 6, "Pompeo")],
...     iri="https://w3id.org/newskg/id/actor/pompeo")], [Span(0, 13, "Pompeo spoke.")], "m 1"),
...     version="0.1.0", generated="2020-01-03T00:00:00Z")
>>> ('<https://w3id.org/newskg/id/article/a1#char=0,6>', '<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf>', '"Pompeo"') in up.triples
True
"""

from __future__ import annotations

import hashlib

from kg.model import Analysis, GraphUpdate
from kg.rdf.actors import actor_triples, shared_actor_triples
from kg.rdf.article import article_triples, provenance_triples
from kg.rdf.events import event_iris, event_triples
from kg.rdf.mentions import Mentions
from kg.rdf.statements import statement_triples
from kg.vocab import DEFAULT_BASE, actor_iri, article_iri, graph_iri

__all__ = ["analysis_graph", "shared_actor_triples"]


def analysis_graph(analysis: Analysis, *, base: str = DEFAULT_BASE, version: str,
                   generated: str) -> GraphUpdate:
    """The :class:`GraphUpdate` for one article (``generated`` is an ISO time, UTC)."""
    article = analysis.article
    art, g = article_iri(article.id, base), graph_iri(article.id, base)
    mentions = Mentions(art, analysis.sentences)
    own = actor_triples(analysis, mentions, base=base)
    events = event_iris(analysis, art)
    t = (article_triples(article, art, base=base) + own + event_triples(analysis, events, mentions, base=base)
         + statement_triples(analysis, art, events, mentions, base=base) + mentions.triples() + mentions.sentence_triples())
    t = sorted(set(t))
    digest = hashlib.sha256("\n".join(" ".join(x) for x in t).encode()).hexdigest()
    digest = hashlib.sha256(f"{digest} {version} {analysis.model}".encode()).hexdigest()
    t += provenance_triples(g, art, version=version, model=analysis.model, generated=generated, digest=digest)
    actors = tuple(sorted({a.iri or actor_iri(a.name, base) for a in analysis.actors}))
    return GraphUpdate(graph=g, triples=tuple(t), actors=actors, digest=digest)
