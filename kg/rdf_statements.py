"""Statements as RDF: ``nkg:Statement`` nodes with their source, cue and content mentions.

Each statement is ``<article IRI>/statement/<cue begin>-<cue end>``; its mentions are
``nkg:Mention`` NIF spans linked to their sentences (``nif:sentence``), and the sentences used
are added to ``sentences`` so that the caller describes them. A statement whose source could
not be resolved keeps ``nkg:sourceMention`` and has no ``nkg:speaker``.

>>> from kg.model import Article, Analysis, Actor, Span, Statement
>>> art = Article(id="a1", text="Pompeo said it works.")
>>> pompeo = Actor("Mike Pompeo", "Person", [Span(0, 6, "Pompeo")], iri="https://w3id.org/newskg/id/actor/mike-pompeo")
>>> st = Statement(cue=Span(7, 11, "said"), content=Span(12, 20, "it works"), mode="indirect",
...                source=Span(0, 6, "Pompeo"), speaker=pompeo)
>>> used = set()
>>> t = statement_triples(Analysis(art, [pompeo], [Span(0, 21, art.text)], "m", statements=[st]),
...                       "https://w3id.org/newskg/id/article/a1", sentences=used)
>>> ('<https://w3id.org/newskg/id/article/a1/statement/7-11>', '<https://w3id.org/newskg/ns#speaker>',
...  '<https://w3id.org/newskg/id/actor/mike-pompeo>') in t, len(used)
(True, 1)
"""

from __future__ import annotations

import re

from kg.model import Analysis, Span, Statement
from kg.rdf_terms import A, Triple, iri, literal, span_triples
from kg.vocab import DEFAULT_BASE, GAF, NIF, NKG, SCHEMA, actor_iri, mention_iri


_MODES = {"direct": "Direct", "indirect": "Indirect", "mixed": "Mixed"}


def statement_iri(art: str, statement: Statement) -> str:
    """The IRI of a statement: the article IRI and the offsets of its cue.

    >>> statement_iri("https://w3id.org/newskg/id/article/a1",
    ...               Statement(cue=Span(7, 11, "said"), content=Span(12, 20, "it works"), mode="indirect"))
    'https://w3id.org/newskg/id/article/a1/statement/7-11'
    """
    return f"{art}/statement/{statement.cue.begin}-{statement.cue.end}"


def content_text(statement: Statement) -> str:
    """The content as said: a direct quote's pieces without their marks and interruptions.

    >>> content_text(Statement(cue=Span(11, 15, "said"), mode="direct",
    ...                        content=Span(0, 26, '"We will," he said, "win."')))
    'We will, win.'
    >>> content_text(Statement(cue=Span(0, 4, "said"), mode="direct", content=Span(5, 20, '“No,\\n\\n“never.”')))
    'No, never.'
    """
    value = statement.content.text
    if statement.mode != "direct":
        return value
    value = re.sub(r"\s*\n\s*[“\"]", " ", value)  # a quote reopened in the next paragraph
    pieces = re.findall(r"[“\"]([^”\"]*)(?:[”\"]|$)", value)
    return " ".join(p.strip() for p in pieces if p.strip()) if pieces else value.strip("\"“” ")


def statement_triples(analysis: Analysis, art: str, *, base: str = DEFAULT_BASE,
                      sentences: set[Span]) -> list[Triple]:
    """The triples of every statement of ``analysis``; adds the sentences it uses to ``sentences``."""
    t: list[Triple] = []
    for st in analysis.statements:
        s = iri(statement_iri(art, st))
        t += [(s, A, f"<{NKG}Statement>"), (s, f"<{NKG}mode>", f"<{NKG}{_MODES[st.mode]}>"),
              (s, f"<{SCHEMA}text>", literal(content_text(st)))]
        parts = [("cueMention", st.cue), ("contentMention", st.content)]
        if st.source is not None:
            parts.append(("sourceMention", st.source))
        for prop, span in parts:
            m = iri(mention_iri(art, span.begin, span.end))
            t += span_triples(art, span, f"{NKG}Mention")
            t.append((s, f"<{NKG}{prop}>", m))
            if prop != "sourceMention":
                t.append((s, f"<{GAF}denotedBy>", m))
            for sentence in analysis.sentences:
                if sentence.begin < span.end and span.begin < sentence.end:
                    sentences.add(sentence)
                    t.append((m, f"<{NIF}sentence>", iri(mention_iri(art, sentence.begin, sentence.end))))
        if st.speaker is not None:
            t.append((s, f"<{NKG}speaker>", iri(st.speaker.iri or actor_iri(st.speaker.name, base))))
        if st.channel:
            t.append((s, f"<{NKG}channel>", f"<{NKG}{st.channel}>"))
        for actor in st.addressees:
            t.append((s, f"<{NKG}addressee>", iri(actor.iri or actor_iri(actor.name, base))))
        for actor in st.about:
            t.append((s, f"<{NKG}about>", iri(actor.iri or actor_iri(actor.name, base))))
        for event in st.about_events:
            if event.iri:
                t.append((s, f"<{NKG}about>", iri(event.iri)))
        if st.event is not None and st.event.iri:
            t.append((s, f"<{NKG}producedBy>", iri(st.event.iri)))
    return t
