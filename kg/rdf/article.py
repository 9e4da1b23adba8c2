"""The article itself and the provenance of its graph, as RDF.

The article is ``nkg:Article`` with ``nif:isString`` its text, ``dct:identifier``, title,
date, URL and publisher; its graph gets PROV metadata (software, model, time, a digest of
the content).

>>> from kg.model import Article
>>> t = article_triples(Article(id="a1", text="Hi.", source="Dawn"), "http://x/article/a1")
>>> sorted(p.rsplit("/", 1)[-1] for s, p, o in t if s == "<http://x/article/a1>")
['22-rdf-syntax-ns#type>', 'identifier>', 'nif-core#isString>', 'publisher>']
"""

from __future__ import annotations

import datetime as dt

from kg.model import Article
from kg.rdf.terms import A, Triple, iri, literal
from kg.vocab import (DCT, DEFAULT_BASE, NIF, NKG, PROV, RDFS, SCHEMA, XSD, actor_iri, model_iri,
                      software_iri)


def _date(value: dt.date | dt.datetime) -> str:
    if isinstance(value, dt.datetime):
        return literal(value.isoformat(), f"{XSD}dateTime")
    return literal(value.isoformat(), f"{XSD}date")


def article_triples(article: Article, art: str, *, base: str = DEFAULT_BASE) -> list[Triple]:
    """What the article is: id, text, title, date, URL, publisher."""
    a = iri(art)
    t: list[Triple] = [(a, A, f"<{NKG}Article>"), (a, f"<{DCT}identifier>", literal(article.id)),
                       (a, f"<{NIF}isString>", literal(article.text))]
    if article.title:
        t.append((a, f"<{DCT}title>", literal(article.title)))
    if article.date:
        t.append((a, f"<{SCHEMA}datePublished>", _date(article.date)))
    if article.url:
        t.append((a, f"<{SCHEMA}url>", literal(article.url, f"{XSD}anyURI")))
    if article.source:
        publisher = iri(actor_iri(article.source, base))
        t += [(a, f"<{DCT}publisher>", publisher), (publisher, A, f"<{SCHEMA}Organization>"),
              (publisher, f"<{RDFS}label>", literal(article.source))]
    return t


def provenance_triples(graph: str, art: str, *, version: str, model: str, generated: str,
                       digest: str) -> list[Triple]:
    """PROV metadata of an article's graph: where it came from, made by what, when."""
    g, soft, nlp = iri(graph), iri(software_iri(version)), iri(model_iri(model))
    return [(g, A, f"<{PROV}Entity>"), (g, f"<{PROV}wasDerivedFrom>", iri(art)),
            (g, f"<{PROV}generatedAtTime>", literal(generated, f"{XSD}dateTime")),
            (g, f"<{PROV}wasAttributedTo>", soft), (g, f"<{PROV}wasAttributedTo>", nlp),
            (soft, A, f"<{PROV}SoftwareAgent>"), (soft, f"<{RDFS}label>", literal(f"newskg {version}")),
            (nlp, A, f"<{PROV}SoftwareAgent>"), (nlp, f"<{RDFS}label>", literal(f"spaCy {model}")),
            (g, f"<{NKG}inputDigest>", literal(digest))]
