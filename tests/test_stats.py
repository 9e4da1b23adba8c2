"""The statistics graph (kg/stats.py): kept by every article write, rewrite and delete, it
always equals a recomputation from scratch and the aggregates it stands for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.pipeline import ingest
from kg.stats import rebuild, stats_quads, store_stats
from kg.store import KGStore, open_store
from kg.vocab import STATS_GRAPH, graph_iri, shared_graph_iri

from conftest import SEED

#: Per actor (or post): articles that mention it, its mentions, events, statements; computed
#: over the union of the graphs, the way the queries did before the statistics graph.
DIRECT = """
SELECT ?x ?articles ?mentions ?events ?statements WHERE {
  { SELECT DISTINCT ?x WHERE { GRAPH ?g { ?x a ?c } FILTER(?g != <%s>)
      VALUES ?c { nkg:Person nkg:Organization nkg:GeopoliticalEntity nkg:Place org:Post } } }
  OPTIONAL { SELECT ?x (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?m) AS ?mentions)
             WHERE { ?x gaf:denotedBy ?m . ?m nif:referenceContext ?a } GROUP BY ?x }
  OPTIONAL { SELECT ?x (COUNT(DISTINCT ?ev) AS ?events)
             WHERE { ?ev a nkg:Event ; sem:hasActor|nkg:agent|nkg:patient|nkg:recipient ?x } GROUP BY ?x }
  OPTIONAL { SELECT ?x (COUNT(DISTINCT ?st) AS ?statements)
             WHERE { ?st a nkg:Statement ; nkg:speaker ?x } GROUP BY ?x }
}""" % shared_graph_iri()

KEPT = """
SELECT ?x ?articles ?mentions ?events ?statements WHERE { GRAPH <%s> {
  ?x nkg:graphCount ?n .
  OPTIONAL { ?x nkg:articleCount ?a } OPTIONAL { ?x nkg:mentionCount ?m }
  OPTIONAL { ?x nkg:eventCount ?e } OPTIONAL { ?x nkg:statementCount ?s } }
  BIND(IF(?a > 0, ?a, ?none) AS ?articles) BIND(IF(?m > 0, ?m, ?none) AS ?mentions)
  BIND(?e AS ?events) BIND(?s AS ?statements)
}""" % STATS_GRAPH

#: The counts of kg stats computed over the article graphs (as the query before statistics did).
TOTALS = """
SELECT ?articles ?mentions ?events ?statements ?persons ?posts WHERE {
  { SELECT (COUNT(DISTINCT ?x) AS ?articles) WHERE { ?x a nkg:Article } }
  { SELECT (COUNT(DISTINCT ?x) AS ?mentions) WHERE { ?x a nkg:Mention } }
  { SELECT (COUNT(DISTINCT ?x) AS ?events) WHERE { ?x a nkg:Event } }
  { SELECT (COUNT(DISTINCT ?x) AS ?statements) WHERE { ?x a nkg:Statement } }
  { SELECT (COUNT(DISTINCT ?x) AS ?persons) WHERE { GRAPH ?g { ?x a nkg:Person } FILTER(?g != <%s>) } }
  { SELECT (COUNT(DISTINCT ?x) AS ?posts) WHERE { GRAPH ?g { ?x a org:Post } FILTER(?g != <%s>) } }
}""" % (shared_graph_iri(), shared_graph_iri())


def _table(store: KGStore, sparql: str) -> set[tuple]:
    return {tuple(r.get(v) for v in r) for r in store.select(sparql)}


def _check(store: KGStore) -> None:
    """Kept statistics == a rebuild from scratch == the aggregates over the union of graphs."""
    kept = stats_quads(store)
    assert _table(store, KEPT) == _table(store, DIRECT)
    row = store.select(TOTALS)[0]
    counts = store_stats(store)
    assert [counts[k] for k in ("articles", "mentions", "events", "statements", "  persons", "posts")] == \
        [row[k] for k in ("articles", "mentions", "events", "statements", "persons", "posts")]
    rebuild(store)
    assert stats_quads(store) == kept


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [json.loads(line) for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_statistics_follow_writes_rewrites_and_deletes(tmp_path: Path, records: list[dict]) -> None:
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    first.write_text("".join(json.dumps(r) + "\n" for r in records[:8]), encoding="utf-8")
    changed = [dict(r, text=r["text"].replace("Pompeo", "Mike Pompeo", 1) + "\n\nBarack Obama said nothing.")
               for r in records[6:10]]  # two rewritten, two new
    second.write_text("".join(json.dumps(r) + "\n" for r in changed), encoding="utf-8")
    with open_store(tmp_path / "store") as store:
        ingest([first], store)
        _check(store)
        assert store_stats(store)["articles"] == 8
        ingest([second], store)
        _check(store)
        for r in records[:3]:
            store.drop_article(graph_iri(r["id"]))
        store.drop_article(graph_iri("no-such-article"))
        _check(store)
        assert store_stats(store)["articles"] == 7
        ingest([first], store)  # the deleted ones come back, the rewritten ones go back
        _check(store)


def test_a_graph_is_counted_once(tmp_path: Path, records: list[dict]) -> None:
    """Counting graphs already counted (a bulk load run again) changes nothing."""
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records[:3]), encoding="utf-8")
    with open_store(tmp_path / "store") as store:
        ingest([src], store)
        kept = stats_quads(store)
        store.count_articles([graph_iri(r["id"]) for r in records[:3]])
        assert stats_quads(store) == kept
        store.update(f"DROP GRAPH <{STATS_GRAPH}>")
        store.count_articles([graph_iri(r["id"]) for r in records[:3]])
        assert stats_quads(store) == {q for q in kept if "statsFormat" not in q[1]}  # the counts, not the format


def test_statistics_of_another_version_are_recounted_before_a_write(tmp_path: Path, records: list[dict]) -> None:
    """A store whose statistics another newskg kept (another format, a count it did not keep)
    is rebuilt by the next writing run, even one that writes nothing."""
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records[:3]), encoding="utf-8")
    with open_store(tmp_path / "store") as store:
        ingest([src], store)
        kept = stats_quads(store)
        store.update(f"""DELETE WHERE {{ GRAPH <{STATS_GRAPH}> {{ ?x nkg:typeEventCount ?n }} }} ;
                        DELETE WHERE {{ GRAPH <{STATS_GRAPH}> {{ ?s nkg:statsFormat ?f }} }} ;
                        INSERT DATA {{ GRAPH <{STATS_GRAPH}> {{ <{STATS_GRAPH}> nkg:statsFormat "older" }} }}""")
        assert stats_quads(store) != kept
        report = ingest([src], store)
        assert report.written == 0 and stats_quads(store) == kept
