"""Events: the seed article, time resolution, queries (the golden case folders: tests/test_golden.py)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.extract.timeplace import When, resolve_date
from kg.store import KGStore

QUERIES = Path(__file__).resolve().parents[1] / "ontology" / "queries"
CAMEO = "PREFIX cameo: <https://w3id.org/newskg/cameo/>\n"
SEED = "dunya-2020-01-03-pompeo-bajwa"


def ask(store: KGStore, body: str) -> bool:
    rows = store.query(CAMEO + "SELECT (1 AS ?ok) WHERE { " + body + " } LIMIT 1")
    return len(rows) == 1


# -- the seed article (issue 3, point 6) ---------------------------------------------------------
def test_seed_phone_call(sample_store: KGStore) -> None:
    assert ask(sample_store, """
      ?ev nkg:eventType ?t ; nkg:agent ?pompeo ; nkg:recipient ?bajwa ;
          sem:hasTimeStamp "2020-01-03"^^xsd:date ; nkg:participation ?p .
      ?t skos:notation ?code . FILTER(STRSTARTS(?code, "04"))
      ?pompeo rdfs:label "Mike Pompeo" . ?bajwa rdfs:label "Qamar Javed Bajwa" .
      ?p nkg:participant ?pompeo ; sem:roleType nkg:AgentRole ; nkg:inCapacityOf/rdfs:label "Secretary of State" .
      ?ev gaf:denotedBy/nif:anchorOf "telephoned" .""")


def test_seed_strike_that_killed_soleimani(sample_store: KGStore) -> None:
    assert ask(sample_store, """
      ?ev nkg:eventType ?t ; nkg:agent/rdfs:label "United States" ; nkg:patient/rdfs:label "Qasem Soleimani" ;
          nkg:patient/rdfs:label "Hashed al-Shaabi" ; sem:hasPlace/rdfs:label ?place ;
          nkg:factuality nkg:Asserted .
      ?t skos:notation ?code . FILTER(STRSTARTS(?code, "18") || STRSTARTS(?code, "19"))
      FILTER(CONTAINS(LCASE(?place), "airport"))""")
    # one event, not one per trigger: "killing", "strike" and "killed" are all its mentions
    rows = sample_store.query(CAMEO + """SELECT DISTINCT ?ev WHERE {
      ?ev nkg:patient/rdfs:label "Qasem Soleimani" ; gaf:denotedBy/nif:referenceContext/dct:identifier ?id .
      FILTER(?id = "dunya-2020-01-03-pompeo-bajwa") }""")
    assert len(rows) == 1


def test_seed_embassy_siege(sample_store: KGStore) -> None:
    assert ask(sample_store, """
      ?ev nkg:eventType ?t ; sem:hasTimeStamp "2019-12-31"^^xsd:date ; sem:hasPlace/rdfs:label "Baghdad" ;
          gaf:denotedBy/nif:anchorOf "siege" .
      ?t skos:notation ?code . FILTER(STRSTARTS(?code, "14"))""")


def test_seed_weekend_air_strikes(sample_store: KGStore) -> None:
    assert ask(sample_store, """
      ?ev nkg:agent/rdfs:label "United States" ; nkg:patient/rdfs:label "Kataeb Hezbollah" ;
          gaf:denotedBy/nif:anchorOf "air strikes" ;
          sem:hasEarliestBeginTimeStamp "2019-12-28"^^xsd:date ; sem:hasLatestEndTimeStamp "2019-12-29"^^xsd:date .""")


def test_seed_rocket_attack(sample_store: KGStore) -> None:
    assert ask(sample_store, """
      ?ev gaf:denotedBy/nif:anchorOf "rocket attack" ; sem:hasTimeStamp "2019-12-27"^^xsd:date ;
          nkg:eventType ?t .
      ?t skos:notation ?code . FILTER(STRSTARTS(?code, "18") || STRSTARTS(?code, "19"))""")


def test_seed_events_are_grounded(sample_store: KGStore) -> None:
    rows = sample_store.query("""SELECT ?b ?e ?s ?text WHERE {
      ?ev a nkg:Event ; gaf:denotedBy ?m .
      ?m nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?s ; nif:referenceContext/nif:isString ?text ;
         nif:sentence ?sentence . ?sentence a nif:Sentence }""")
    assert len(rows) > 10
    assert all(str(r["text"])[int(r["b"]):int(r["e"])] == str(r["s"]) for r in rows)


# -- time ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(("expression", "ref", "expected"), [
    ("on Friday", "2020-01-03", When(dt.date(2020, 1, 3))),
    ("Tuesday", "2020-01-03", When(dt.date(2019, 12, 31))),
    ("December 27", "2020-01-03", When(dt.date(2019, 12, 27))),
    ("January 2", "2020-01-03", When(dt.date(2020, 1, 2))),
    ("27 December 2018", "2020-01-03", When(dt.date(2018, 12, 27))),
    ("last week", "2020-01-03", When(None, dt.date(2019, 12, 23), dt.date(2019, 12, 29))),
    ("the weekend", "2020-01-03", When(None, dt.date(2019, 12, 28), dt.date(2019, 12, 29))),
    ("yesterday", "2020-03-01", When(dt.date(2020, 2, 29))),
    ("last month", "2020-01-03", When(None, dt.date(2019, 12, 1), dt.date(2019, 12, 31))),
    ("next Monday", "2020-01-03", When(dt.date(2020, 1, 6))),
    ("the next day", None, When()),
])
def test_resolve_date(expression: str, ref: str | None, expected: When) -> None:
    assert resolve_date(expression, dt.date.fromisoformat(ref) if ref else None) == expected


# -- queries -------------------------------------------------------------------------------------
def test_events_of_actor_in_time_order(sample_store: KGStore) -> None:
    rows = sample_store.query((QUERIES / "events-of-actor.rq").read_text(), bindings={"name": "Mike Pompeo"})
    assert {str(r["label"]) for r in rows} == {"Mike Pompeo"}
    assert "041" in {str(r["code"]) for r in rows}


def test_events_by_type_and_date(sample_store: KGStore) -> None:
    rows = sample_store.query((QUERIES / "events-by-type-and-date.rq").read_text(),
                              bindings={"code": "14", "from": "2019-12-30", "to": "2019-12-31"})
    assert len(rows) >= 1 and all(str(r["notation"]).startswith("14") for r in rows)
    none = sample_store.query((QUERIES / "events-by-type-and-date.rq").read_text(),
                              bindings={"code": "14", "from": "2020-02-01", "to": "2020-02-28"})
    assert len(none) == 0


def test_co_occurring_actors(sample_store: KGStore) -> None:
    rows = sample_store.query((QUERIES / "co-occurring-actors.rq").read_text(), bindings={"name": "Mike Pompeo"})
    assert "Qamar Javed Bajwa" in {str(r["label2"]) for r in rows}
