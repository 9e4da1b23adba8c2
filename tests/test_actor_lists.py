"""The actor lists (the example query actors-in-most-articles, the notebook's actors, activity and
actor search) read labels and types from the shared actor graph that ``kg`` writes, even when
article graphs also type and label actors of their own (unnamed participants such as "a
spokesman", which ``kg ingest`` writes in the article graph: :func:`kg.resolve.local_actor_iri`).

At 10k articles the lists used to take the first graph with a typed, labelled actor as the shared
graph and came back empty; the store below makes that first graph an article graph."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.notebook import queries
from kg.stats import rebuild
from kg.store import KGStore, open_store
from notebook_data import HOSTILE, build

REPO = Path(__file__).resolve().parents[1]
ART = "https://w3id.org/newskg/id/article/t1"
#: article-local participants as kg ingest writes them (type, label, a reference mention)
PARTICIPANTS = ("police", "a man", "officials", "a spokesman")


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> KGStore:
    path = build(tmp_path_factory.mktemp("lists") / "store")
    with open_store(path) as s:
        for i, name in enumerate(PARTICIPANTS):
            kind = "Person" if i % 2 else "Organization"
            x, m = f"<{ART}#actor={name.replace(' ', '-')}>", f"<{ART}#char={i},{i + 1}>"
            s.update(f"""INSERT DATA {{ GRAPH <https://w3id.org/newskg/id/graph/t1> {{
                {x} a nkg:{kind} ; rdfs:label "{name}" ; gaf:denotedBy {m} .
                {m} a nkg:Reference, nkg:Mention ; nif:referenceContext <{ART}> ; nif:beginIndex {i} ; nif:endIndex {i + 1} }} }}""")
        rebuild(s)
    s = open_store(path, read_only=True)
    yield s
    s.close()


def test_the_store_has_an_article_graph_with_typed_labelled_actors(store: KGStore) -> None:
    rows = store.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?x a nkg:Person ; rdfs:label ?l } }")
    assert {str(r["g"]) for r in rows} == {"https://w3id.org/newskg/id/graph/t1", "https://w3id.org/newskg/id/graph/actors"}


def test_notebook_actor_lists_list_every_named_actor(store: KGStore) -> None:
    named = {"Mike Pompeo", "United States", HOSTILE}
    assert set(queries.actors(store)["label"]) == named
    assert set(queries.select(store, "activity").to_dataframe()["label"]) == named
    assert list(queries.search_actors(store, "pompeo")["label"]) == ["Mike Pompeo"]
    assert queries.find_actor(store, "US") == "https://w3id.org/newskg/id/actor/united-states"


def test_actors_in_most_articles_lists_every_named_actor(store: KGStore) -> None:
    sparql = (REPO / "ontology" / "queries" / "actors-in-most-articles.rq").read_text(encoding="utf-8")
    rows = store.select(sparql)
    assert sorted((str(r["label"]), str(r["type"])) for r in rows) == [
        ("Mike Pompeo", "Person"), ("United States", "GeopoliticalEntity"), (HOSTILE, "Person")]


def test_statistics_nodes_are_no_neighbours(store: KGStore) -> None:
    pompeo, us = "https://w3id.org/newskg/id/actor/mike-pompeo", "https://w3id.org/newskg/id/actor/united-states"
    assert store.select("SELECT ?p WHERE { GRAPH <https://w3id.org/newskg/stats> { ?p nkg:pairFirst ?x } }")
    assert not [n for n in queries.ego_graph(store, pompeo).nodes() if "/stats" in n]
    paths, _ = queries.link_details(store, pompeo, us)
    assert paths and not [p for p in paths if "pair" in p]
