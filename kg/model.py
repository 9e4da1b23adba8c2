"""Plain records that the stages hand to each other (no store, no spaCy objects).

>>> a = Article(id="x1", text="Pompeo spoke.")
>>> Span(0, 6, "Pompeo").text == a.text[0:6]
True
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from kg.resolve import Unit

#: The actor classes of the ontology, by local name in the ``nkg:`` namespace.
ACTOR_KINDS = ("Person", "Organization", "GeopoliticalEntity", "Place")


@dataclass(frozen=True)
class Article:
    """One input article, validated and normalised by :mod:`kg.read`."""

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
    #: the kind this article saw at each mention (kept by :mod:`kg.resolve` as the evidence
    #: for the corpus-level vote, which sets ``kind``)
    mention_kinds: dict[Span, str] = field(default_factory=dict)
    #: the name this article gives it (set by :mod:`kg.resolve`, which sets ``name`` to the label)
    article_name: str = ""
    #: pronouns and descriptions that refer to it ("he", "the minister"; :mod:`kg.extract.coref`),
    #: grounded like its name mentions but no evidence of its name or kind
    references: list[Span] = field(default_factory=list)
    #: the identity evidence of each extracted actor merged into this one (set by
    #: :mod:`kg.resolve`; what the article graph records, so identity never depends on itself)
    units: list[Unit] = field(default_factory=list)


@dataclass
class Holding:
    """A post an actor holds, as the article states it ("US Secretary of State Mike Pompeo").

    ``title`` is the post without ranks or honorifics; ``organisation`` the actor it is a post
    in (the United States, the Revolutionary Guards), when the text says.
    """

    holder: Actor
    title: str
    organisation: Actor | None = None
    mentions: list[Span] = field(default_factory=list)
    label: str = ""  # the post's label, capitalised one way for every article (the title if empty)


@dataclass
class Participation:
    """An actor in an event, in a role ("agent", "patient", "recipient" or "participant")."""

    actor: Actor
    role: str
    capacity: Holding | None = None


@dataclass
class Event:
    """One event of an article: CAMEO type, trigger mentions, participants, time and place.

    ``cameo`` is a CAMEO code for interactions between political actors, else "";
    ``event_class`` the ECB+ action class of its triggers ("OCCURRENCE", "STATE", "REPORTING",
    "PERCEPTION", "ASPECTUAL", "CAUSATIVE", "GENERIC"; None: not known) and ``lemma`` the
    lemma of its first trigger. ``factuality`` is "asserted", "negated", "hypothetical",
    "future" or "failed". Dates: ``date`` when the day is known, else ``earliest`` / ``latest``
    bound a range. ``unnamed`` are the roles of the article's unnamed participants
    (``Analysis.participants``: "the gunman" as agent), kept apart from ``participants`` so
    that what reads named participants (event coreference, statements) does not change.
    """

    cameo: str
    mentions: list[Span]
    participants: list[Participation] = field(default_factory=list)
    date: dt.date | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    place: Actor | None = None
    factuality: str = "asserted"
    event_class: str | None = None
    lemma: str = ""
    unnamed: list[Participation] = field(default_factory=list)


@dataclass
class Statement:
    """Who said what: source, cue and content spans, mode ("direct", "indirect", "mixed")."""

    cue: Span
    content: Span
    mode: str
    source: Span | None = None
    speaker: Actor | None = None
    channel: str | None = None
    addressees: list[Actor] = field(default_factory=list)
    about: list[Actor] = field(default_factory=list)
    about_events: list[Event] = field(default_factory=list)
    event: Event | None = None
    text: str = ""  # the content as said (a direct quote without its marks); the span's text if empty
    parts: list[Span] = field(default_factory=list)  # a split quote's quoted parts, in order ([]: one piece)


@dataclass
class Analysis:
    """Everything extracted from one article, ready to become RDF."""

    article: Article
    actors: list[Actor]
    sentences: list[Span]
    model: str  # NLP model name and version, e.g. "core_web_sm 3.8.0"
    holdings: list[Holding] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    #: people and groups the article does not name ("a man", "police"): article-local actors
    #: that take no part in identity (:mod:`kg.extract.participants`, :func:`kg.resolve.local_actor_iri`)
    participants: list[Actor] = field(default_factory=list)


@dataclass(frozen=True)
class GraphUpdate:
    """One article's quads, ready for the store: its own graph (shared actor facts are
    written per actor by the pipeline).

    ``triples`` holds N-Triples terms ``(subject, predicate, object)``; ``actors`` the IRIs
    of the actors it denotes;
    ``digest`` fingerprints the content (without times), so an unchanged article is skipped.
    """

    graph: str
    triples: tuple[tuple[str, str, str], ...]
    actors: tuple[str, ...]
    digest: str


class IRI(str):
    """A string that stands for an IRI (not a literal) when bound into a query.

    >>> IRI("http://ex.org/a") == "http://ex.org/a"
    True
    """
