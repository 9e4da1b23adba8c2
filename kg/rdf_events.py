"""Posts and events of one article as RDF (N-Triples terms), in the article's graph.

- ``?actor org:holds ?post . ?post a org:Post ; rdfs:label "Secretary of State" ; org:postIn ?org``,
  one post IRI per (title, organisation): ``{base}post/{slug(title)}--{slug(org)}``; the post
  is ``gaf:denotedBy`` each mention that states the holding.
- ``?ev a nkg:Event ; nkg:eventType cameo:CODE ; gaf:denotedBy`` its trigger mentions;
  IRI ``{article}/event/{begin}-{end}`` of its first trigger; ``sem:hasActor`` every participant;
  one ``nkg:Participation`` per (role, actor) with ``nkg:participant``, ``sem:roleType`` and
  ``nkg:inCapacityOf`` the post; ``sem:hasTimeStamp`` or the range
  ``sem:hasEarliestBeginTimeStamp`` / ``sem:hasLatestEndTimeStamp``; ``sem:hasPlace``;
  ``nkg:factuality`` always stated.
- Negated and hypothetical events keep their participations (who would have done what) but
  get no ``nkg:agent`` / ``nkg:patient`` / ``nkg:recipient`` shortcut: a query on the
  shortcuts sees only what the article asserts happened.

>>> from kg.model import Actor, Analysis, Article, Event, Participation, Span
>>> art = Article(id="a1", text="Pompeo called Maas.")
>>> p, m = Actor("Mike Pompeo", "Person", [Span(0, 6, "Pompeo")], iri="http://x/p"), Actor("Heiko Maas", "Person", [Span(14, 18, "Maas")], iri="http://x/m")
>>> an = Analysis(art, [p, m], [Span(0, 19, art.text)], "m", events=[Event("041", [Span(7, 13, "called")], [Participation(p, "agent"), Participation(m, "recipient")])])
>>> t = event_triples(an, "http://x/article/a1", sentences=set())
>>> ("<http://x/article/a1/event/7-13>", "<https://w3id.org/newskg/ns#agent>", "<http://x/p>") in t
True
"""

from __future__ import annotations

import datetime as dt

from kg.model import Analysis, Holding, Span
from kg.rdf_terms import A, Triple, iri, literal, span_triples
from kg.vocab import CAMEO, DEFAULT_BASE, GAF, NIF, NKG, ORG, RDFS, SEM, XSD, actor_iri, event_iri, mention_iri, slug


_ROLE = {"agent": "AgentRole", "patient": "PatientRole", "recipient": "RecipientRole"}
_FACTUALITY = {"asserted": "Asserted", "negated": "Negated", "hypothetical": "Hypothetical"}


def post_iri(title: str, organisation: str | None, base: str = DEFAULT_BASE) -> str:
    """One post IRI per (title, organisation).

    >>> post_iri("Secretary of State", "United States")
    'https://w3id.org/newskg/id/post/secretary-of-state--united-states'
    """
    return f"{base}post/{slug(title)}" + (f"--{slug(organisation)}" if organisation else "")


_GLUE = {"of", "the", "and", "for", "to", "on", "in", "de"}


def post_label(title: str) -> str:
    """The label of a post, capitalised the same way in every article (one label per IRI).

    >>> post_label("president"), post_label("chief of army staff"), post_label("Politburo member")
    ('President', 'Chief of Army Staff', 'Politburo Member')
    """
    words = title.split()
    return " ".join(w if w.isupper() or (i and w.lower() in _GLUE) else w[:1].upper() + w[1:]
                    for i, w in enumerate(words))


def _date(d: dt.date) -> str:
    return f'"{d.isoformat()}"^^<{XSD}date>'


def event_triples(analysis: Analysis, art: str, *, base: str = DEFAULT_BASE,
                  sentences: set[Span]) -> list[Triple]:
    """Posts, holdings and events of an analysis; adds the sentences of their mentions to ``sentences``."""

    t: list[Triple] = []

    def actor(a: object) -> str:
        return iri(a.iri or actor_iri(a.name, base))  # type: ignore[attr-defined]

    def mention(span: Span) -> str:
        t.extend(span_triples(art, span, f"{NKG}Mention"))
        m = iri(mention_iri(art, span.begin, span.end))
        for s in analysis.sentences:
            if s.begin <= span.begin and span.end <= s.end:
                sentences.add(s)
                t.append((m, f"<{NIF}sentence>", iri(mention_iri(art, s.begin, s.end))))
                break
        return m

    posts: dict[int, str] = {}

    def post(h: Holding) -> str:
        if id(h) not in posts:
            p = iri(post_iri(h.title, h.organisation.name if h.organisation else None, base))
            posts[id(h)] = p
            t.extend([(p, A, f"<{ORG}Post>"), (p, f"<{RDFS}label>", literal(post_label(h.title)))])
            if h.organisation:
                t.append((p, f"<{ORG}postIn>", actor(h.organisation)))
        return posts[id(h)]

    for h in analysis.holdings:
        p = post(h)
        t.append((actor(h.holder), f"<{ORG}holds>", p))
        for span in h.mentions:
            t.append((p, f"<{GAF}denotedBy>", mention(span)))

    for ev in analysis.events:
        if not ev.mentions:
            continue
        first = min(ev.mentions)
        e = iri(ev.iri or event_iri(art, first.begin, first.end))
        t += [(e, A, f"<{NKG}Event>"), (e, f"<{NKG}eventType>", iri(CAMEO + ev.cameo)),
              (e, f"<{NKG}factuality>", f"<{NKG}{_FACTUALITY[ev.factuality]}>")]
        for span in ev.mentions:
            t.append((e, f"<{GAF}denotedBy>", mention(span)))
        for part in ev.participants:
            a = actor(part.actor)
            t.append((e, f"<{SEM}hasActor>", a))
            if part.role not in _ROLE:
                continue
            if ev.factuality == "asserted":
                t.append((e, f"<{NKG}{part.role}>", a))
            n = iri(f"{e[1:-1]}/participation/{part.role}/{slug(part.actor.name)}")
            t += [(e, f"<{NKG}participation>", n), (n, A, f"<{NKG}Participation>"),
                  (n, f"<{NKG}participant>", a), (n, f"<{SEM}roleType>", f"<{NKG}{_ROLE[part.role]}>")]
            if part.capacity:
                t.append((n, f"<{NKG}inCapacityOf>", post(part.capacity)))
        if ev.date:
            t.append((e, f"<{SEM}hasTimeStamp>", _date(ev.date)))
        else:
            if ev.earliest:
                t.append((e, f"<{SEM}hasEarliestBeginTimeStamp>", _date(ev.earliest)))
            if ev.latest:
                t.append((e, f"<{SEM}hasLatestEndTimeStamp>", _date(ev.latest)))
        if ev.place:
            t.append((e, f"<{SEM}hasPlace>", actor(ev.place)))
    return t
