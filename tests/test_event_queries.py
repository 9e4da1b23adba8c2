"""Event queries and views (issue 12, point 6): the event browser filters by event class
(nkg:eventClass, the ECB+ classes of nkg:EventClasses) and by CAMEO type together; the answer
is checked on a small hand-written store."""

from __future__ import annotations

import re

import pytest

from kg.notebook import EventBrowser, queries
from kg.stats import rebuild
from kg.store import KGStore, open_store

NKG = "https://w3id.org/newskg/ns#"
TRIG = """
PREFIX nkg: <https://w3id.org/newskg/ns#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX gaf: <http://groundedannotationframework.org/gaf#>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX cameo: <https://w3id.org/newskg/cameo/>
<https://w3id.org/newskg/ns> {
  cameo:19 a skos:Concept ; skos:notation "19" ; skos:prefLabel "Fight"@en ; skos:inScheme nkg:EventTypes .
  cameo:190 a skos:Concept ; skos:notation "190" ; skos:prefLabel "Use conventional military force"@en ;
      skos:inScheme nkg:EventTypes .
  nkg:Occurrence a skos:Concept ; skos:prefLabel "occurrence"@en ; skos:inScheme nkg:EventClasses .
  nkg:Reporting a skos:Concept ; skos:prefLabel "reporting"@en ; skos:inScheme nkg:EventClasses .
  nkg:State a skos:Concept ; skos:prefLabel "state"@en ; skos:inScheme nkg:EventClasses .
}
d:graph/t2 {
  d:article/t2 a nkg:Article ; dct:identifier "t2" ; nif:isString "Rebels attacked. The army said. Workers walked." .
  d:article/t2#char=7,15 nif:anchorOf "attacked" ; nif:referenceContext d:article/t2 .
  d:article/t2#char=26,30 nif:anchorOf "said" ; nif:referenceContext d:article/t2 .
  d:article/t2#char=40,46 nif:anchorOf "walked" ; nif:referenceContext d:article/t2 .
  d:actor/rebels a nkg:Organization ; rdfs:label "Rebels" .
  d:event/attack a nkg:Event ; nkg:eventType cameo:190 ; nkg:eventClass nkg:Occurrence ; nkg:lemma "attack" ;
      nkg:factuality nkg:Asserted ; sem:hasActor d:actor/rebels ; sem:hasTimeStamp "2020-01-02"^^xsd:date ;
      gaf:denotedBy d:article/t2#char=7,15 .
  d:event/said a nkg:Event ; nkg:eventClass nkg:Reporting ; nkg:lemma "say" ; nkg:factuality nkg:Asserted ;
      gaf:denotedBy d:article/t2#char=26,30 .
  d:event/walked a nkg:Event ; nkg:eventClass nkg:Occurrence ; nkg:lemma "walk" ; nkg:factuality nkg:Asserted ;
      gaf:denotedBy d:article/t2#char=40,46 .
}
"""


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> KGStore:
    folder = tmp_path_factory.mktemp("classes")
    file = folder / "classes.trig"
    file.write_text(re.sub(r"\bd:([\w/#=-]+(?:,\d+)?)", r"<https://w3id.org/newskg/id/\1>", TRIG), encoding="utf-8")
    with open_store(folder / "store") as s:
        s.load_file(file)
        rebuild(s)  # a store loaded from RDF files gets its statistics as `kg stats --rebuild` gives them
    s = open_store(folder / "store", read_only=True)
    yield s
    s.close()


def _events(frame) -> set[str]:
    return {str(e).rsplit("/", 1)[-1] for e in frame["event"]}


def test_the_class_filter_offers_every_class_with_its_count(store: KGStore) -> None:
    eb = EventBrowser(store)
    assert dict(eb.event_class.options) == {"any class": "", "occurrence (2)": f"{NKG}Occurrence",
                                            "reporting (1)": f"{NKG}Reporting", "state (0)": f"{NKG}State"}


@pytest.mark.parametrize(("event_class", "cameo", "expected"), [
    ("", "", {"attack", "said", "walked"}),
    (f"{NKG}Occurrence", "", {"attack", "walked"}),
    (f"{NKG}Reporting", "", {"said"}),
    (f"{NKG}State", "", set()),
    (f"{NKG}Occurrence", "19", {"attack"}),
    (f"{NKG}Reporting", "19", set()),
])
def test_the_browser_filters_by_class(store: KGStore, event_class: str, cameo: str, expected: set[str]) -> None:
    eb = EventBrowser(store)
    eb.event_class.value, eb.cameo.value = event_class, cameo
    frame = eb.apply()
    assert _events(frame) == expected
    assert eb.status.value.startswith(f"<small>{len(expected)} events")
    if expected:
        assert all(c in eb.table.value for c in {"occurrence", "reporting"} & set(frame["class"]))


def test_a_class_given_to_the_browser_is_selected(store: KGStore) -> None:
    eb = EventBrowser(store, event_class=f"{NKG}Reporting")
    assert _events(eb.apply()) == {"said"}
    assert _events(queries.events(store, event_class=f"{NKG}Event")) == {"attack", "said", "walked"}
