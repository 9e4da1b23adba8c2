"""Countries, their names, short forms and demonyms (``kg/wordlists/countries.tsv``).

The table comes from mledoze/countries (ODbL 1.0) plus reviewed additions; see
``kg/wordlists/build_countries.py``. Where a demonym names two entries ("American": US and
American Samoa), the sovereign UN member wins.

>>> country("U.S.").name, country("Iranian").code, country("UK").name
('United States', 'IR', 'United Kingdom')
>>> country("Narnia") is None
True
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Country:
    """One country: ISO 3166-1 alpha-2 code and common English name."""

    code: str
    name: str


def _key(text: str) -> str:
    text = text.strip()
    if text.lower().startswith("the "):
        text = text[4:]
    return text.casefold()


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, Country], dict[str, Country], dict[str, Country]]:
    names: dict[str, Country] = {}
    demonyms: dict[str, Country] = {}
    codes: dict[str, Country] = {}
    with resources.files("kg.wordlists").joinpath("countries.tsv").open(encoding="utf-8") as fh:
        rows = sorted(csv.DictReader(fh, delimiter="\t"), key=lambda r: r["sovereign"] != "yes")
    for r in rows:  # sovereign states first, so setdefault keeps them on conflicts
        c = Country(r["alpha2"], r["name"])
        codes.setdefault(r["alpha2"], c)
        codes.setdefault(r["alpha3"], c)
        for n in [r["name"], *filter(None, r["names"].split("|"))]:
            names.setdefault(_key(n), c)
        for d in filter(None, r["demonyms"].split("|")):
            demonyms.setdefault(_key(d), c)
    return names, demonyms, codes


def country(text: str, *, codes: bool = True) -> Country | None:
    """The country a name, short form, demonym or (upper-case) ISO code stands for (of the
    two-letter codes, "US" alone).

    >>> country("US").name, country("MP"), country("USA").name, country("U . S .").name
    ('United States', None, 'United States', 'United States')

    ``codes=False`` ignores bare ISO codes (use it where "IN" or "US" may be ordinary words).
    """
    names, demonyms, code_table = _tables()
    key = _key(text)
    if key in names:
        return names[key]
    if key in demonyms:
        return demonyms[key]
    if key.endswith("s") and key[:-1] in demonyms:  # "Iranians", "Americans"
        return demonyms[key[:-1]]
    # of the two-letter codes only "US" names its country in news: "MP" (a member of parliament)
    # and "ID" (identity cards) are no Northern Mariana Islands or Indonesia
    code = "".join(text.split()).replace(".", "") if "." in text else text.strip()  # "U.S.", "U . S ."
    if codes and code.isupper() and (len(code) != 2 or code == "US") and code in code_table:
        return code_table[code]
    return None


def is_demonym(text: str) -> bool:
    """Whether a word is a nationality adjective or noun ("British", "Iranians").

    >>> is_demonym("British"), is_demonym("Britain")
    (True, False)
    """
    _, demonyms, _ = _tables()
    key = _key(text)
    return key in demonyms or (key.endswith("s") and key[:-1] in demonyms)
