"""An article's analysis as RDF: N-Triples terms for its own graph and the shared actor graph.

Terms follow ``shared/design/ontology.md``: the article (``nkg:Article``, ``nif:isString``),
sentences and mentions (NIF offsets, ``text[b:e] == anchorOf``), actors (``gaf:denotedBy``),
and PROV metadata on the graph (software, model, time, a digest of the content).

>>> from kg.model import Article, Analysis, Actor, Span
>>> art = Article(id="a1", text="Pompeo spoke.")
>>> up = analysis_graph(Analysis(art, [Actor("Pompeo", "Person", [Span(0, 6, "Pompeo")],
...     iri="https://w3id.org/newskg/id/actor/pompeo")], [Span(0, 13, "Pompeo spoke.")], "m 1"),
...     version="0.1.0", generated="2020-01-03T00:00:00Z")
>>> ('<https://w3id.org/newskg/id/article/a1#char=0,6>', '<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf>', '"Pompeo"') in up.triples
True
"""

from __future__ import annotations

import datetime as dt
import hashlib

from kg.model import Analysis, GraphUpdate, Span
from kg.rdf_terms import A, Triple, iri, literal, span_triples
from kg.rdf_events import event_triples
from kg.rdf_statements import statement_triples
from kg.vocab import (DCT, DEFAULT_BASE, GAF, NIF, NKG, PROV, RDFS, SCHEMA, SKOS, XSD,
                      actor_iri, article_iri, event_iri, graph_iri, mention_iri, model_iri, shared_graph_iri,
                      software_iri)

def _date(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return literal(value.isoformat(), f"{XSD}dateTime")
    return literal(value.isoformat(), f"{XSD}date")


def _sentence_of(span: Span, sentences: list[Span]) -> Span | None:
    for s in sentences:
        if s.begin <= span.begin and span.end <= s.end:
            return s
    return None


def analysis_graph(analysis: Analysis, *, base: str = DEFAULT_BASE, version: str,
                   generated: str) -> GraphUpdate:
    """The :class:`GraphUpdate` for one article (``generated`` is an ISO time, UTC)."""
    article = analysis.article
    art, g = article_iri(article.id, base), graph_iri(article.id, base)
    t: list[Triple] = [(iri(art), A, f"<{NKG}Article>"),
                       (iri(art), f"<{DCT}identifier>", literal(article.id)),
                       (iri(art), f"<{NIF}isString>", literal(article.text))]
    if article.title:
        t.append((iri(art), f"<{DCT}title>", literal(article.title)))
    if article.date:
        t.append((iri(art), f"<{SCHEMA}datePublished>", _date(article.date)))
    if article.url:
        t.append((iri(art), f"<{SCHEMA}url>", literal(article.url, f"{XSD}anyURI")))
    if article.source:
        publisher = iri(actor_iri(article.source, base))
        t += [(iri(art), f"<{DCT}publisher>", publisher), (publisher, A, f"<{SCHEMA}Organization>"),
              (publisher, f"<{RDFS}label>", literal(article.source))]

    used_sentences: set[Span] = set()
    shared: list[Triple] = []
    for actor in analysis.actors:
        a = iri(actor.iri or actor_iri(actor.name, base))
        t.append((a, A, f"<{NKG}{actor.kind}>"))
        shared += [(a, A, f"<{NKG}{actor.kind}>"), (a, f"<{RDFS}label>", literal(actor.name))]
        if actor.country_code:
            shared.append((a, f"<{NKG}countryCode>", literal(actor.country_code)))
        for alias in sorted(actor.aliases):
            t.append((a, f"<{SKOS}altLabel>", literal(alias)))
        for span in actor.mentions:
            m = iri(mention_iri(art, span.begin, span.end))
            t += span_triples(art, span, f"{NKG}Mention")
            t.append((a, f"<{GAF}denotedBy>", m))
            sentence = _sentence_of(span, analysis.sentences)
            if sentence:
                used_sentences.add(sentence)
                t.append((m, f"<{NIF}sentence>", iri(mention_iri(art, sentence.begin, sentence.end))))
    # triples of further extractors are added here: posts, events, statements
    for ev in analysis.events:  # named before statements refer to them (nkg:producedBy, nkg:about)
        if ev.mentions and not ev.iri:
            first = min(ev.mentions)
            ev.iri = event_iri(art, first.begin, first.end)
    t += event_triples(analysis, art, base=base, sentences=used_sentences)
    t += statement_triples(analysis, art, base=base, sentences=used_sentences)
    for s in sorted(used_sentences):
        t += span_triples(art, s, f"{NIF}Sentence")

    t = sorted(set(t))
    shared = sorted(set(shared))
    digest = hashlib.sha256("\n".join(" ".join(x) for x in t + [("", "", "")] + shared).encode()).hexdigest()
    digest = hashlib.sha256(f"{digest} {version} {analysis.model}".encode()).hexdigest()
    soft, model = software_iri(version), model_iri(analysis.model)
    t += [(iri(g), A, f"<{PROV}Entity>"), (iri(g), f"<{PROV}wasDerivedFrom>", iri(art)),
          (iri(g), f"<{PROV}generatedAtTime>", literal(generated, f"{XSD}dateTime")),
          (iri(g), f"<{PROV}wasAttributedTo>", iri(soft)), (iri(g), f"<{PROV}wasAttributedTo>", iri(model)),
          (iri(soft), A, f"<{PROV}SoftwareAgent>"), (iri(soft), f"<{RDFS}label>", literal(f"newskg {version}")),
          (iri(model), A, f"<{PROV}SoftwareAgent>"), (iri(model), f"<{RDFS}label>", literal(f"spaCy {analysis.model}")),
          (iri(g), f"<{NKG}inputDigest>", literal(digest))]
    actors = tuple(sorted({a.iri or actor_iri(a.name, base) for a in analysis.actors}))
    return GraphUpdate(graph=g, triples=tuple(t), shared_graph=shared_graph_iri(base),
                       shared_triples=tuple(shared), actors=actors, digest=digest)
