"""The statistics graph, and the counts of ``kg stats`` read from it.

Aggregates over the whole store (actors by the articles that name them, the store's totals)
would cost a scan of every article at each query. Every article write therefore keeps, in the
same transaction, the named graph :data:`kg.vocab.STATS_GRAPH` up to date with what the article
graph adds or takes away (``kg/queries/stats/change.rq``; the terms are in
``ontology/newskg.ttl``, section "Statistics"):

- per actor or post ``?x``: ``nkg:graphCount`` (article graphs that type it),
  ``nkg:articleCount`` (articles that mention it), ``nkg:mentionCount``, ``nkg:eventCount``
  (events it takes part in, per article), ``nkg:statementCount`` (statements it makes);
- per CAMEO event type ``?t``: ``nkg:typeEventCount``, ``nkg:typeAssertedCount``,
  ``nkg:typeArticleCount`` (its events, the asserted ones, the articles that have any); per
  two-digit root code the same over the types under it (``nkg:branchEventCount``, ...), read by
  ``ontology/queries/events-by-cameo-branch.rq``;
- per event class ``nkg:classEventCount``, ``classTypedCount``, ``classArticleCount``, and per
  class and trigger lemma a node ``<stats#lemma=...>`` (``nkg:lemmaClass``, ``lemmaForm``, the
  same counts as ``nkg:lemma...Count``), read by ``ontology/queries/events-by-class.rq``;
- per pair of actors ``?x`` < ``?y`` (by IRI) taking part (``sem:hasActor``) in the same events,
  a node ``<stats#pair=...>`` with ``nkg:pairFirst``, ``nkg:pairSecond``, ``nkg:pairEventCount``,
  read by ``ontology/queries/co-occurring-actors.rq``;
- on the graph IRI itself: ``nkg:articleTotal``, ``nkg:mentionTotal``, ``nkg:eventTotal``,
  ``nkg:statementTotal`` and ``void:triples`` of the article graphs (input digests aside, as
  ``kg load`` writes them after counting);
- ``?g nkg:countedIn <stats>`` for every article graph counted (so a graph is never counted
  twice, and a bulk load that was killed is counted by the next one).

:func:`rebuild` recomputes it from the article graphs (``kg stats --rebuild``) and records
:func:`stats_format`; every writing run first calls :func:`ensure_current`, so statistics an
older newskg kept are recounted, not mixed with new counts.

>>> import tempfile
>>> from kg.store import open_store
>>> with open_store(tempfile.mkdtemp()) as s:
...     store_stats(s)["articles"]
0
"""

from __future__ import annotations

import hashlib

from kg.queries import load
from kg.store import KGStore
from kg.store.statistics import SECTIONS
from kg.vocab import STATS_GRAPH

#: The counts of ``kg stats``, by their variable in ``stats/counts.rq``, with their labels.
_LABELS = {"articles": "articles", "actors": "actors", "persons": "  persons", "organizations": "  organizations",
           "geopolitical_entities": "  geopolitical entities", "places": "  places", "mentions": "mentions",
           "posts": "posts", "events": "events", "statements": "statements", "triples": "triples",
           "graphs": "graphs"}


def store_stats(store: KGStore) -> dict[str, int]:
    """Articles, actors (and by type), mentions, posts, events, statements, triples, graphs."""
    row = store.select(load("stats/counts"))[0]
    return {label: int(row[name]) for name, label in _LABELS.items()}


def stats_format() -> str:
    """A digest of what keeps the statistics (``kg/queries/stats/*`` and the sections
    :mod:`kg.store.statistics` counts): it changes whenever what they count changes.

    >>> len(stats_format())
    16
    """
    text = "\0".join([*(load(f"stats/{name}") for name in ("change", "rebuild")), repr(SECTIONS)])
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def ensure_current(store: KGStore) -> bool:
    """Rebuild the statistics graph unless it records this version's :func:`stats_format`
    (``nkg:statsFormat``): a store another newskg kept, or kept with other queries, is recounted
    before a writer adds to it. Returns whether it rebuilt.

    >>> import tempfile
    >>> from kg.store import open_store
    >>> with open_store(tempfile.mkdtemp()) as s:
    ...     ensure_current(s), ensure_current(s)
    (True, False)
    """
    if store.ask(f'ASK {{ GRAPH <{STATS_GRAPH}> {{ <{STATS_GRAPH}> nkg:statsFormat "{stats_format()}" }} }}'):
        return False
    rebuild(store)
    return True


def rebuild(store: KGStore) -> int:
    """Recompute the statistics graph from scratch over the article graphs (one aggregate per
    kind, ``kg/queries/stats/rebuild.rq``: not the per-graph update the writes use, so either
    checks the other); returns how many article graphs it counts.

    >>> import tempfile
    >>> from kg.store import open_store
    >>> with open_store(tempfile.mkdtemp()) as s:
    ...     rebuild(s)
    0
    """
    store.update(load("stats/rebuild") + f' ;\nINSERT DATA {{ GRAPH <{STATS_GRAPH}> {{ <{STATS_GRAPH}> nkg:statsFormat "{stats_format()}" }} }}')
    return len(store.select(f"SELECT ?g WHERE {{ GRAPH <{STATS_GRAPH}> {{ ?g nkg:countedIn <{STATS_GRAPH}> }} }}",
                            union=False))


def stats_quads(store: KGStore) -> set[tuple[str, str, str]]:
    """The triples of the statistics graph (N-Triples terms)."""
    return {(s, p, o) for s, p, o, _ in store.quads(STATS_GRAPH)}
