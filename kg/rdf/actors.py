"""Actors and the posts they hold, as RDF: the article's graph and the shared actor graph.

- ``?actor a nkg:Person ; gaf:denotedBy ?mention ; nkg:articleName "name" ; skos:altLabel "name"``
  in the article's graph, one ``skos:altLabel`` per name the article uses for it (its own
  ``nkg:countryCode`` too), and on each mention
  ``itsrdf:taClassRef`` the kind this article saw there (not on the pronouns and descriptions
  that refer to it, ``Actor.references``, which are ``gaf:denotedBy`` mentions too) (the evidence :mod:`kg.resolve`
  votes on), and ``nkg:identityEvidence``, one JSON value per actor extraction found that
  resolution merged into this one (exactly what :mod:`kg.resolve` decides on, so identity can be
  decided again without NLP and never depends on itself); type (the corpus-level vote),
  canonical ``rdfs:label``, every name as ``skos:altLabel`` and ``nkg:countryCode`` in the
  shared graph (:func:`shared_actor_triples`, written per actor by the pipeline).
- ``?actor org:holds ?post . ?post a org:Post ; rdfs:label "Secretary of State" ; org:postIn ?org``,
  one post IRI per (title, organisation) (:func:`kg.vocab.post_iri`); the post is
  ``gaf:denotedBy`` each mention that states the holding.

>>> from kg.model import Actor, Analysis, Article, Holding, Span
>>> art = Article(id="a1", text="Secretary Pompeo spoke.")
>>> p = Actor("Mike Pompeo", "Person", [Span(10, 16, "Pompeo")], iri="http://x/p")
>>> an = Analysis(art, [p], [Span(0, 23, art.text)], "m", holdings=[Holding(p, "secretary", None, [Span(0, 9, "Secretary")], label="Secretary")])
>>> mentions = Mentions("http://x/article/a1", an.sentences)
>>> own = actor_triples(an, mentions)
>>> ("<http://x/p>", "<http://www.w3.org/ns/org#holds>", "<https://w3id.org/newskg/id/post/secretary>") in own
True
"""

from __future__ import annotations

from kg import geonames
from kg.model import Actor, Analysis, Holding
from kg.rdf.mentions import Mentions
from kg.resolve import local_actor_iri, unit_json
from kg.rdf.terms import A, Triple, iri, literal
from kg.vocab import DEFAULT_BASE, GAF, GEO, ITSRDF, NKG, ORG, OWL, RDFS, SKOS, XSD, actor_iri, post_iri


def actor_term(actor: Actor, base: str = DEFAULT_BASE) -> str:
    """The IRI term of an actor: its resolved IRI, else the one of its name."""
    return iri(actor.iri or actor_iri(actor.name, base))


def actor_triples(analysis: Analysis, mentions: Mentions, *, base: str = DEFAULT_BASE) -> list[Triple]:
    """The article-graph triples of the actors and posts of ``analysis``."""
    own: list[Triple] = []
    for actor in analysis.actors:
        a = actor_term(actor, base)
        own.append((a, A, f"<{NKG}{actor.kind}>"))
        own += [(a, f"<{SKOS}altLabel>", literal(alias)) for alias in sorted(actor.aliases)]
        own += [(a, f"<{GAF}denotedBy>", mentions.mention(span)) for span in actor.mentions]
        for span in actor.references:
            if span not in actor.mentions:
                m = mentions.mention(span)
                own += [(a, f"<{GAF}denotedBy>", m), (m, A, f"<{NKG}Reference>")]
        if actor.article_name:
            own.append((a, f"<{NKG}articleName>", literal(actor.article_name)))
        if actor.country_code:
            own.append((a, f"<{NKG}countryCode>", literal(actor.country_code)))
        own += [(a, f"<{NKG}identityEvidence>", literal(unit_json(u))) for u in actor.units]
        own += [(mentions.mention(span), f"<{ITSRDF}taClassRef>", f"<{NKG}{kind}>")
                for span, kind in actor.mention_kinds.items()]
    for actor in analysis.participants:  # unnamed, article-local: type and label live here only
        a = iri(local_actor_iri(mentions.art, actor.name))
        own += [(a, A, f"<{NKG}{actor.kind}>"), (a, f"<{RDFS}label>", literal(actor.name))]
        for span in actor.mentions:
            m = mentions.mention(span)
            own += [(a, f"<{GAF}denotedBy>", m), (m, A, f"<{NKG}Reference>")]
    for h in analysis.holdings:
        p = post_term(h, base)
        own += post_triples(h, base)
        own.append((actor_term(h.holder, base), f"<{ORG}holds>", p))
        own += [(p, f"<{GAF}denotedBy>", mentions.mention(span)) for span in h.mentions]
    return own


def shared_actor_triples(actor: str, *, label: str, kind: str, aliases: frozenset[str] | set[str],
                         country_code: str | None) -> list[Triple]:
    """What the shared graph says of one actor (an IRI): kind, label, other names, country code,
    and for a country or city its GeoNames feature (:func:`place_links`).

    >>> shared_actor_triples("http://x/us", label="United States", kind="GeopoliticalEntity",
    ...                      aliases={"US"}, country_code="US")[2:]
    [('<http://x/us>', '<http://www.w3.org/2004/02/skos/core#altLabel>', '"US"'), ('<http://x/us>', '<https://w3id.org/newskg/ns#countryCode>', '"US"'), ('<http://x/us>', '<http://www.w3.org/2002/07/owl#sameAs>', '<https://sws.geonames.org/6252001/>')]
    """
    a = iri(actor)
    t = [(a, A, f"<{NKG}{kind}>"), (a, f"<{RDFS}label>", literal(label))]
    t += [(a, f"<{SKOS}altLabel>", literal(alias)) for alias in sorted(aliases)]
    if country_code:
        t.append((a, f"<{NKG}countryCode>", literal(country_code)))
    return t + place_links(a, label=label, kind=kind, country_code=country_code)


def place_links(a: str, *, label: str, kind: str, country_code: str | None) -> list[Triple]:
    """A country: ``owl:sameAs`` its GeoNames feature (by ISO code). A city (a
    GeopoliticalEntity or Place without a country code whose label is a GeoNames city's name):
    ``owl:sameAs`` the most populous city of that name and its point as ``geo:lat`` /
    ``geo:long`` (WGS84 decimal degrees, ``xsd:decimal``).

    >>> [o for _, _, o in place_links("<http://x/p>", label="Paris", kind="GeopoliticalEntity", country_code=None)]
    ['<https://sws.geonames.org/2988507/>', '"48.85341"^^<http://www.w3.org/2001/XMLSchema#decimal>', '"2.34880"^^<http://www.w3.org/2001/XMLSchema#decimal>']
    """
    if kind not in ("GeopoliticalEntity", "Place"):
        return []
    if country_code:
        gid = geonames.country_id(country_code)
        return [(a, f"<{OWL}sameAs>", iri(geonames.iri(gid)))] if gid else []
    c = geonames.city(label)
    if c is None:
        return []
    return [(a, f"<{OWL}sameAs>", iri(geonames.iri(c.geonameid))),
            (a, f"<{GEO}lat>", literal(f"{c.latitude:.5f}", f"{XSD}decimal")),
            (a, f"<{GEO}long>", literal(f"{c.longitude:.5f}", f"{XSD}decimal"))]


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
