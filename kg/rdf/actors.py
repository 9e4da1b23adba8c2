"""Actors and the posts they hold, as RDF: the article's graph and the shared actor graph.

- ``?actor a nkg:Person ; gaf:denotedBy ?mention ; skos:altLabel "alias"`` in the article's
  graph; type, canonical ``rdfs:label`` and ``nkg:countryCode`` in the shared graph.
- ``?actor org:holds ?post . ?post a org:Post ; rdfs:label "Secretary of State" ; org:postIn ?org``,
  one post IRI per (title, organisation) (:func:`kg.vocab.post_iri`); the post is
  ``gaf:denotedBy`` each mention that states the holding.

>>> from kg.model import Actor, Analysis, Article, Holding, Span
>>> art = Article(id="a1", text="Secretary Pompeo spoke.")
>>> p = Actor("Mike Pompeo", "Person", [Span(10, 16, "Pompeo")], iri="http://x/p")
>>> an = Analysis(art, [p], [Span(0, 23, art.text)], "m", holdings=[Holding(p, "secretary", None, [Span(0, 9, "Secretary")], label="Secretary")])
>>> mentions = Mentions("http://x/article/a1", an.sentences)
>>> own, shared = actor_triples(an, mentions)
>>> ("<http://x/p>", "<http://www.w3.org/ns/org#holds>", "<https://w3id.org/newskg/id/post/secretary>") in own
True
"""

from __future__ import annotations

from kg.model import Actor, Analysis, Holding
from kg.rdf.mentions import Mentions
from kg.rdf.terms import A, Triple, iri, literal
from kg.vocab import DEFAULT_BASE, GAF, NKG, ORG, RDFS, SKOS, actor_iri, post_iri


def actor_term(actor: Actor, base: str = DEFAULT_BASE) -> str:
    """The IRI term of an actor: its resolved IRI, else the one of its name."""
    return iri(actor.iri or actor_iri(actor.name, base))


def actor_triples(analysis: Analysis, mentions: Mentions, *,
                  base: str = DEFAULT_BASE) -> tuple[list[Triple], list[Triple]]:
    """The article-graph and shared-graph triples of the actors and posts of ``analysis``."""
    own: list[Triple] = []
    shared: list[Triple] = []
    for actor in analysis.actors:
        a = actor_term(actor, base)
        own.append((a, A, f"<{NKG}{actor.kind}>"))
        shared += [(a, A, f"<{NKG}{actor.kind}>"), (a, f"<{RDFS}label>", literal(actor.name))]
        if actor.country_code:
            shared.append((a, f"<{NKG}countryCode>", literal(actor.country_code)))
        own += [(a, f"<{SKOS}altLabel>", literal(alias)) for alias in sorted(actor.aliases)]
        own += [(a, f"<{GAF}denotedBy>", mentions.mention(span)) for span in actor.mentions]
    for h in analysis.holdings:
        p = post_term(h, base)
        own += post_triples(h, base)
        own.append((actor_term(h.holder, base), f"<{ORG}holds>", p))
        own += [(p, f"<{GAF}denotedBy>", mentions.mention(span)) for span in h.mentions]
    return own, shared


def post_term(holding: Holding, base: str = DEFAULT_BASE) -> str:
    """The IRI term of the post a holding names."""
    org = holding.organisation.name if holding.organisation else None
    return iri(post_iri(holding.title, org, base))


def post_triples(holding: Holding, base: str = DEFAULT_BASE) -> list[Triple]:
    """What a post is: its class, label and organisation."""
    p = post_term(holding, base)
    t = [(p, A, f"<{ORG}Post>"), (p, f"<{RDFS}label>", literal(holding.label or holding.title))]
    if holding.organisation:
        t.append((p, f"<{ORG}postIn>", actor_term(holding.organisation, base)))
    return t
