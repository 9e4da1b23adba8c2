"""One IRI per real-world actor across articles.

The rule: an actor's IRI comes from its normalised canonical name (:func:`kg.vocab.actor_iri`),
so "Mike Pompeo" in any article is the same node; within an article, surnames, acronyms and
repeats were already joined to the full name by :mod:`kg.extract.actors`. Countries are keyed by
their canonical English name from the country table ("US", "U.S.", "America" -> United States).

>>> from kg.model import Actor
>>> [a.iri for a in resolve_actors([Actor("Mike Pompeo", "Person")])]
['https://w3id.org/newskg/id/actor/mike-pompeo']
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.model import Actor
from kg.vocab import DEFAULT_BASE, actor_iri


def resolve_actors(actors: Iterable[Actor], *, base: str = DEFAULT_BASE) -> list[Actor]:
    """The actors with ``iri`` set; actors of one article that land on one IRI are merged."""
    merged: dict[str, Actor] = {}
    for actor in actors:
        iri = actor_iri(actor.name, base)
        actor.iri = iri  # records that point at a merged duplicate still find the IRI
        if iri in merged:
            keep = merged[iri]
            keep.mentions = sorted(set(keep.mentions) | set(actor.mentions))
            keep.aliases |= actor.aliases | ({actor.name} - {keep.name})
            continue
        merged[iri] = actor
    return list(merged.values())
