"""Counts of what a store holds, through SPARQL over the fixed terms.

>>> import tempfile
>>> from kg.store import open_store
>>> with open_store(tempfile.mkdtemp()) as s:
...     store_stats(s)["articles"]
0
"""

from __future__ import annotations

from kg.queries import load
from kg.store import KGStore

#: The counts of ``kg stats``, by their variable in ``stats/counts.rq``, with their labels.
_LABELS = {"articles": "articles", "actors": "actors", "persons": "  persons", "organizations": "  organizations",
           "geopolitical_entities": "  geopolitical entities", "places": "  places", "mentions": "mentions",
           "posts": "posts", "events": "events", "statements": "statements", "triples": "triples",
           "graphs": "graphs"}


def store_stats(store: KGStore) -> dict[str, int]:
    """Articles, actors (and by type), mentions, posts, events, statements, triples, graphs."""
    row = store.select(load("stats/counts"))[0]
    return {label: int(row[name]) for name, label in _LABELS.items()}
