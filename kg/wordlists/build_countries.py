"""Rebuild ``countries.tsv`` from the reference table (mledoze/countries, ODbL 1.0).

Run from the repo: ``python -m kg.wordlists.build_countries ../shared/reference/countries_demonyms.tsv``.
Keeps ISO code, common name, English demonyms and the English-looking alternative names, then
adds the reviewed extras below (short forms news use that the table lacks).
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

#: Reviewed additions: short forms and names that news use and the table lacks.
EXTRA_NAMES = {
    "US": ["U.S.", "U.S.A.", "USA", "America", "United States of America", "the States"],
    "GB": ["U.K.", "UK", "Britain", "Great Britain"],
    "RU": ["Russian Federation"],
    "KR": ["South Korea"], "KP": ["North Korea"], "CN": ["PRC"], "AE": ["UAE", "U.A.E."],
    "IR": ["Islamic Republic of Iran"], "SY": ["Syria"], "VN": ["Viet Nam"],
    "CZ": ["Czech Republic"], "CD": ["DRC", "DR Congo"], "TW": ["Taiwan"],
    "DE": ["West Germany"],  # the Federal Republic, which held the code DE before 1990
}
EXTRA_DEMONYMS = {"US": ["U.S."], "GB": ["UK", "English", "Scottish", "Welsh"], "NL": ["Dutch"],
                  "PH": ["Philippine"], "KR": ["South Korean"], "KP": ["North Korean"],
                  "SA": ["Saudi"], "CN": ["Chinese"], "IL": ["Israeli"], "PS": ["Palestinian"],
                  "DE": ["West German"]}


def main(source: str) -> None:
    rows = list(csv.DictReader(open(source, encoding="utf-8"), delimiter="\t"))
    out = Path(__file__).with_name("countries.tsv")
    with out.open("w", encoding="utf-8", newline="") as fh:
        fh.write("alpha2\talpha3\tname\tsovereign\tdemonyms\tnames\n")
        for r in sorted(rows, key=lambda r: r["alpha2"]):
            code = r["alpha2"]
            names = [r["official_name"]] + [a for a in r["alt_spellings"].split("|")
                                            if a.isascii() and len(a) > 3 and a != r["common_name"]]
            names += EXTRA_NAMES.get(code, [])
            demonyms = [d.strip() for d in r["demonyms_eng"].split(",") if d.strip()]
            demonyms += EXTRA_DEMONYMS.get(code, [])
            sovereign = "yes" if r["independent"] == "true" and r["un_member"] == "true" else "no"
            uniq = lambda xs: "|".join(dict.fromkeys(x for x in xs if x))  # noqa: E731
            fh.write(f"{code}\t{r['alpha3']}\t{r['common_name']}\t{sovereign}\t{uniq(demonyms)}\t{uniq(names)}\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference/countries_demonyms.tsv")
