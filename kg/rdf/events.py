"""Events of one article as RDF, in the article's graph.

- ``?ev a nkg:Event ; gaf:denotedBy`` its trigger mentions; ``nkg:eventClass`` its ECB+ class
  (a concept of ``nkg:EventClasses``), ``nkg:lemma`` its trigger's lemma, and
  ``nkg:eventType cameo:CODE`` where it is a CAMEO interaction; IRI
  :func:`kg.vocab.event_iri` of its first trigger (:func:`event_iris`, named once for the
  statements that refer to events too); ``sem:hasActor`` every named participant; one
  ``nkg:Participation`` per (role, actor IRI) with ``nkg:participant``, ``sem:roleType`` and
  ``nkg:inCapacityOf`` the post; ``sem:hasTimeStamp`` or the range
  ``sem:hasEarliestBeginTimeStamp`` / ``sem:hasLatestEndTimeStamp``; ``sem:hasPlace``;
  ``nkg:factuality`` always stated.
- An unnamed participant ("union leaders", :mod:`kg.extract.participants`) has its
  ``nkg:Participation`` only, with its article-local IRI (:func:`kg.resolve.local_actor_iri`):
  no ``sem:hasActor`` and no shortcut, so what reads those (event identity, the statistics'
  co-occurring actors) sees named actors only.
- Negated and hypothetical events keep their participations (who would have done what) but
  get no ``nkg:agent`` / ``nkg:patient`` / ``nkg:recipient`` shortcut: a query on the
  shortcuts sees only what the article asserts happened.

>>> from kg.model import Actor, Analysis, Article, Event, Participation, Span
>>> art = Article(id="a1", text="Pompeo called Maas.")
>>> p, m = Actor("Mike Pompeo", "Person", [Span(0, 6, "Pompeo")], iri="http://x/p"), Actor("Heiko Maas", "Person", [Span(14, 18, "Maas")], iri="http://x/m")
>>> an = Analysis(art, [p, m], [Span(0, 19, art.text)], "m", events=[Event("041", [Span(7, 13, "called")], [Participation(p, "agent"), Participation(m, "recipient")])])
>>> names = event_iris(an, "http://x/article/a1")
>>> t = event_triples(an, names, Mentions("http://x/article/a1", an.sentences))
>>> ("<http://x/article/a1/event/7-13>", "<https://w3id.org/newskg/ns#agent>", "<http://x/p>") in t
True
"""

from __future__ import annotations

import datetime as dt

from kg.model import Analysis
from kg.rdf.actors import actor_term, post_term, post_triples
from kg.rdf.mentions import Mentions
from kg.rdf.terms import A, Triple, iri, literal
from kg.resolve import local_actor_iri
from kg.vocab import CAMEO, DEFAULT_BASE, GAF, NKG, SEM, XSD, event_iri, participation_iri

_ROLE = {"agent": "AgentRole", "patient": "PatientRole", "recipient": "RecipientRole"}
_FACTUALITY = {"asserted": "Asserted", "negated": "Negated", "hypothetical": "Hypothetical", "future": "Future",
               "failed": "Failed"}
#: ECB+ action classes -> their SKOS concepts in the scheme nkg:EventClasses.
_CLASS = {"OCCURRENCE": "Occurrence", "STATE": "State", "REPORTING": "Reporting", "PERCEPTION": "Perception",
          "ASPECTUAL": "Aspectual", "CAUSATIVE": "Causative", "GENERIC": "Generic"}


def event_iris(analysis: Analysis, art: str) -> dict[int, str]:
    """The IRI of each event with a trigger, by ``id(event)``."""
    return {id(ev): event_iri(art, min(ev.mentions).begin, min(ev.mentions).end)
            for ev in analysis.events if ev.mentions}


def _date(d: dt.date) -> str:
    return literal(d.isoformat(), f"{XSD}date")


def event_triples(analysis: Analysis, names: dict[int, str], mentions: Mentions, *,
                  base: str = DEFAULT_BASE) -> list[Triple]:
    """The triples of the events of ``analysis`` named in ``names`` (see :func:`event_iris`)."""
    t: list[Triple] = []
    for ev in analysis.events:
        if id(ev) not in names:
            continue
        e = iri(names[id(ev)])
        t += [(e, A, f"<{NKG}Event>"), (e, f"<{NKG}factuality>", f"<{NKG}{_FACTUALITY[ev.factuality]}>")]
        if ev.cameo:
            t.append((e, f"<{NKG}eventType>", iri(CAMEO + ev.cameo)))
        if ev.event_class:
            t.append((e, f"<{NKG}eventClass>", f"<{NKG}{_CLASS[ev.event_class]}>"))
        if ev.lemma:
            t.append((e, f"<{NKG}lemma>", literal(ev.lemma)))
        t += [(e, f"<{GAF}denotedBy>", mentions.mention(span)) for span in ev.mentions]
        roles = [(p, actor_term(p.actor, base), True) for p in ev.participants]
        roles += [(p, iri(local_actor_iri(mentions.art, p.actor.name)), False) for p in ev.unnamed]
        for part, a, named in roles:
            if named:
                t.append((e, f"<{SEM}hasActor>", a))
            if part.role not in _ROLE:
                continue
            if ev.factuality == "asserted" and named:
                t.append((e, f"<{NKG}{part.role}>", a))
            n = iri(participation_iri(names[id(ev)], part.role, a[1:-1], base))
            t += [(e, f"<{NKG}participation>", n), (n, A, f"<{NKG}Participation>"),
                  (n, f"<{NKG}participant>", a), (n, f"<{SEM}roleType>", f"<{NKG}{_ROLE[part.role]}>")]
            if part.capacity:
                t += post_triples(part.capacity, base)
                t.append((n, f"<{NKG}inCapacityOf>", post_term(part.capacity, base)))
        if ev.date:
            t.append((e, f"<{SEM}hasTimeStamp>", _date(ev.date)))
        else:
            if ev.earliest:
                t.append((e, f"<{SEM}hasEarliestBeginTimeStamp>", _date(ev.earliest)))
            if ev.latest:
                t.append((e, f"<{SEM}hasLatestEndTimeStamp>", _date(ev.latest)))
        if ev.place and ev.place.kind in ("GeopoliticalEntity", "Place"):  # the kind every article votes
            t.append((e, f"<{SEM}hasPlace>", actor_term(ev.place, base)))
    return t
