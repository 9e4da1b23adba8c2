"""Counts of what a store holds, through SPARQL over the fixed terms.

>>> import tempfile
>>> from kg.store import open_store
>>> with open_store(tempfile.mkdtemp()) as s:
...     store_stats(s)["articles"]
0
"""

from __future__ import annotations

from kg.store import KGStore

_COUNTS = {
    "articles": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a nkg:Article }",
    "actors": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a ?c VALUES ?c { nkg:Person nkg:Organization nkg:GeopoliticalEntity nkg:Place } }",
    "  persons": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a nkg:Person }",
    "  organizations": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a nkg:Organization }",
    "  geopolitical entities": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a nkg:GeopoliticalEntity }",
    "  places": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a nkg:Place }",
    "mentions": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a nkg:Mention }",
    "posts": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a org:Post }",
    "events": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a nkg:Event }",
    "statements": "SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE { ?x a nkg:Statement }",
    "triples": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    "graphs": "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
}


def store_stats(store: KGStore) -> dict[str, int]:
    """Articles, actors (and by type), mentions, posts, events, statements, triples, graphs."""
    return {name: int(store.query(q)[0]["n"]) for name, q in _COUNTS.items()}  # type: ignore[index]
