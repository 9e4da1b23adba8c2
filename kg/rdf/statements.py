"""Statements as RDF: ``nkg:Statement`` nodes with their source, cue and content mentions.

Each statement is :func:`kg.vocab.statement_iri` of its cue; its text is the content as
said (decided by the extractor, :attr:`kg.model.Statement.text`). A statement whose source
could not be resolved keeps ``nkg:sourceMention`` and has no ``nkg:speaker``. A split quote
has one ``nkg:contentMention`` per quoted part (:attr:`kg.model.Statement.parts`), in order.

>>> from kg.model import Article, Analysis, Actor, Span, Statement
>>> art = Article(id="a1", text="Pompeo said it works.")
>>> pompeo = Actor("Mike Pompeo", "Person", [Span(0, 6, "Pompeo")], iri="https://w3id.org/newskg/id/actor/mike-pompeo")
>>> st = Statement(cue=Span(7, 11, "said"), content=Span(12, 20, "it works"), mode="indirect",
...                source=Span(0, 6, "Pompeo"), speaker=pompeo)
>>> an = Analysis(art, [pompeo], [Span(0, 21, art.text)], "m", statements=[st])
>>> t = statement_triples(an, "https://w3id.org/newskg/id/article/a1", {}, Mentions("https://w3id.org/newskg/id/article/a1", an.sentences))
>>> ('<https://w3id.org/newskg/id/article/a1/statement/7-11>', '<https://w3id.org/newskg/ns#speaker>',
...  '<https://w3id.org/newskg/id/actor/mike-pompeo>') in t
True
"""

from __future__ import annotations

from kg.model import Analysis
from kg.rdf.actors import actor_term
from kg.rdf.mentions import Mentions
from kg.rdf.terms import A, Triple, iri, literal
from kg.vocab import DEFAULT_BASE, GAF, NKG, SCHEMA, statement_iri

_MODES = {"direct": "Direct", "indirect": "Indirect", "mixed": "Mixed"}


def statement_triples(analysis: Analysis, art: str, events: dict[int, str], mentions: Mentions, *,
                      base: str = DEFAULT_BASE) -> list[Triple]:
    """The triples of every statement of ``analysis`` (``events``: event IRIs by ``id(event)``)."""
    t: list[Triple] = []
    for st in analysis.statements:
        s = iri(statement_iri(art, st.cue.begin, st.cue.end))
        t += [(s, A, f"<{NKG}Statement>"), (s, f"<{NKG}mode>", f"<{NKG}{_MODES[st.mode]}>"),
              (s, f"<{SCHEMA}text>", literal(st.text or st.content.text))]
        parts = [("cueMention", st.cue)] + [("contentMention", c) for c in st.parts or [st.content]]
        if st.source is not None:
            parts.append(("sourceMention", st.source))
        for prop, span in parts:
            m = mentions.mention(span)
            t.append((s, f"<{NKG}{prop}>", m))
            if prop != "sourceMention":
                t.append((s, f"<{GAF}denotedBy>", m))
        if st.speaker is not None:
            t.append((s, f"<{NKG}speaker>", actor_term(st.speaker, base)))
        if st.channel:
            t.append((s, f"<{NKG}channel>", f"<{NKG}{st.channel}>"))
        t += [(s, f"<{NKG}addressee>", actor_term(a, base)) for a in st.addressees]
        t += [(s, f"<{NKG}about>", actor_term(a, base)) for a in st.about]
        t += [(s, f"<{NKG}about>", iri(events[id(ev)])) for ev in st.about_events if id(ev) in events]
        if st.event is not None and id(st.event) in events:
            t.append((s, f"<{NKG}producedBy>", iri(events[id(st.event)])))
    return t
