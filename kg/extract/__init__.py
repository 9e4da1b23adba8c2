"""spaCy-based analysis of one article: sentences and actors (more extractors plug in here).

>>> from kg.model import Article
>>> from kg.extract.nlp import load_model, model_label
>>> art = Article(id="a", text="Heiko Maas visited Paris.")
>>> analysis = analyse_doc(art, load_model()(art.text), model="m")
>>> [(a.name, a.kind) for a in analysis.actors], len(analysis.sentences)
([('Heiko Maas', 'Person'), ('Paris', 'GeopoliticalEntity')], 1)
"""

from __future__ import annotations

from typing import Any

from kg.extract.actors import extract_actors
from kg.extract.coref import coreferences
from kg.extract.participants import unnamed_participants
from kg.extract.events import extract_events
from kg.extract.posts import extract_holdings
from kg.extract.statements import extract_statements
from kg.model import Analysis, Article, Span


def sentences(doc: Any, text: str) -> list[Span]:
    """Sentence spans, trimmed of surrounding white space."""
    out = []
    for sent in doc.sents:
        b, e = sent.start_char, sent.end_char
        while b < e and text[b].isspace():
            b += 1
        while e > b and text[e - 1].isspace():
            e -= 1
        if b < e:
            out.append(Span(b, e, text[b:e]))
    return out


def analyse_doc(article: Article, doc: Any, *, model: str) -> Analysis:
    """Everything the extractors find in one parsed article, each extractor in turn
    (later ones may read what earlier ones found: posts use actors, coreference uses posts,
    statements use posts and references)."""
    analysis = Analysis(article=article, actors=extract_actors(doc, article.text),
                        sentences=sentences(doc, article.text), model=model)
    # extractors run here, in order: posts, coreference, events, statements
    analysis.holdings = extract_holdings(doc, analysis)
    for ref in coreferences(doc, analysis.actors, holdings=analysis.holdings):
        ref.actor.references.append(ref.span)
    analysis.participants = unnamed_participants(doc, analysis.actors)
    analysis.events = extract_events(doc, analysis)
    analysis.statements = extract_statements(doc, analysis)
    return analysis
