"""Plain records that the stages hand to each other (no store, no spaCy objects).

>>> a = Article(id="x1", text="Pompeo spoke.")
>>> Span(0, 6, "Pompeo").text == a.text[0:6]
True
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

#: The actor classes of the ontology, by local name in the ``nkg:`` namespace.
ACTOR_KINDS = ("Person", "Organization", "GeopoliticalEntity", "Place")


@dataclass(frozen=True)
class Article:
    """One input article, validated and normalised by :mod:`kg.ingest`."""

    id: str
    text: str
    title: str | None = None
    date: dt.date | dt.datetime | None = None
    url: str | None = None
    source: str | None = None
    origin: str = ""  # "file:line" the record came from, for messages


@dataclass(frozen=True, order=True)
class Span:
    """A character span of an article's text: ``text == article.text[begin:end]``."""

    begin: int
    end: int
    text: str


@dataclass
class Actor:
    """One actor of one article, with every span that names it.

    ``name`` is the canonical name (full name, without titles); ``aliases`` are the other
    names the article uses; ``iri`` is filled in by :mod:`kg.resolve`.
    """

    name: str
    kind: str
    mentions: list[Span] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    country_code: str | None = None  # ISO 3166 alpha-2 when the actor is a country
    iri: str | None = None


@dataclass
class Analysis:
    """Everything extracted from one article, ready to become RDF."""

    article: Article
    actors: list[Actor]
    sentences: list[Span]
    model: str  # NLP model name and version, e.g. "core_web_sm 3.8.0"


@dataclass(frozen=True)
class KnownActor:
    """An actor already in the store, as :mod:`kg.resolve` needs it for cross-article identity."""

    iri: str
    name: str
    kind: str
    aliases: frozenset[str] = frozenset()


@dataclass(frozen=True)
class GraphUpdate:
    """One article's quads, ready for the store: its own graph plus shared actor facts.

    ``triples`` and ``shared_triples`` hold N-Triples terms ``(subject, predicate, object)``;
    ``digest`` fingerprints the content (without times), so an unchanged article is skipped.
    """

    graph: str
    triples: tuple[tuple[str, str, str], ...]
    shared_graph: str
    shared_triples: tuple[tuple[str, str, str], ...]
    actors: tuple[str, ...]
    digest: str


class IRI(str):
    """A string that stands for an IRI (not a literal) when bound into a query.

    >>> IRI("http://ex.org/a") == "http://ex.org/a"
    True
    """
