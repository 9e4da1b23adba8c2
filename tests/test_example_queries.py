"""Every shipped example query gives its expected result on the sample store (the W3C way).

Beside each ``ontology/queries/NAME.rq`` lie ``NAME.bindings.json`` (the values the README
binds, as ``kg query --bind NAME=VALUE`` reads them) and ``NAME.csv`` (the expected result in
SPARQL 1.1 CSV form, as ``kg query -f NAME.rq --bind ... --format csv`` prints it, checked by
hand against the sample articles). Rows are compared as multisets; where the query has an
ORDER BY, the order of the ordering columns is compared too.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shlex
from collections import Counter
from pathlib import Path

import pytest

from kg.cli.output import parse_binding
from kg.store import KGStore

REPO = Path(__file__).resolve().parents[1]
QUERIES = sorted((REPO / "ontology" / "queries").glob("*.rq"))


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def _bindings(query: Path) -> dict[str, object]:
    pairs = json.loads(query.with_suffix(".bindings.json").read_text(encoding="utf-8"))
    return dict(parse_binding(f"{name}={value}") for name, value in pairs.items())


def _order_variables(sparql: str, projected: list[str]) -> list[str]:
    """The projected variables named in the query's ORDER BY clause, in order."""
    text = re.sub(r"#[^\n]*", "", sparql)
    m = re.search(r"(?is)\bORDER\s+BY\b(.*?)(\bLIMIT\b|\bOFFSET\b|$)", text)
    if not m:
        return []
    names = re.findall(r"[?$](\w+)", m.group(1))
    return [n for n in dict.fromkeys(names) if n in projected]


@pytest.mark.parametrize("query", QUERIES, ids=lambda p: p.stem)
def test_example_query_gives_expected_rows(sample_store: KGStore, query: Path) -> None:
    expected_file = query.with_suffix(".csv")
    assert expected_file.is_file(), f"{expected_file.name}: every example query needs its expected result"
    header, *expected = list(csv.reader(io.StringIO(expected_file.read_text(encoding="utf-8"))))
    rows = sample_store.query(query.read_text(encoding="utf-8"), bindings=_bindings(query))
    assert rows.variables == header  # type: ignore[union-attr]
    got = [[_cell(r.get(v)) for v in header] for r in rows]  # type: ignore[union-attr]
    missing = Counter(map(tuple, expected)) - Counter(map(tuple, got))
    extra = Counter(map(tuple, got)) - Counter(map(tuple, expected))
    assert not missing and not extra, (f"{query.name}: rows missing {sorted(missing)[:3]}, unexpected "
                                       f"{sorted(extra)[:3]} (check by hand before updating {expected_file.name})")
    keys = [header.index(v) for v in _order_variables(query.read_text(encoding="utf-8"), header)]
    if keys:
        assert [[r[k] for k in keys] for r in got] == [[r[k] for k in keys] for r in expected]


def test_no_example_query_repeats_a_row(sample_store: KGStore) -> None:
    """Facts stated in several graphs (an actor's type in each article) must not repeat rows."""
    for query in QUERIES:
        rows = sample_store.query(query.read_text(encoding="utf-8"), bindings=_bindings(query))
        cells = [tuple(_cell(r.get(v)) for v in rows.variables) for r in rows]  # type: ignore[union-attr]
        repeated = [row for row, n in Counter(cells).items() if n > 1]
        assert not repeated, f"{query.name}: repeated rows {repeated[:2]}"


def test_readme_commands_use_the_tested_bindings() -> None:
    """Each ``kg query -f ontology/queries/NAME.rq --bind ...`` in the README binds what the test binds."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    commands = re.findall(r"^kg query (?:-f )?(ontology/queries/[\w-]+\.rq)([^\n]*)$", readme, flags=re.M)
    assert len(commands) >= 5
    for path, rest in commands:
        words = shlex.split(rest)
        given = dict(parse_binding(words[i + 1]) for i, w in enumerate(words) if w == "--bind")
        assert given == _bindings(REPO / path), path


def test_who_quoted_whom_counts_each_statement_once(sample_store: KGStore) -> None:
    """Mike Pompeo makes six statements in the Dunya News article: 1 direct, 4 indirect, 1 mixed."""
    query = (REPO / "ontology" / "queries" / "who-quoted-whom.rq").read_text(encoding="utf-8")
    (row,) = sample_store.query(query, bindings={"name": "Mike Pompeo"})  # type: ignore[misc]
    assert (row["statements"], row["direct"], row["indirect"], row["mixed"]) == (6, 1, 4, 1)


def test_readme_person_query_lists_each_person_once(sample_store: KGStore) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    (query,) = re.findall(r"kg query '(SELECT [^']*nkg:Person[^']*)'", readme)
    labels = [r["label"] for r in sample_store.query(query)]  # type: ignore[union-attr]
    assert labels.count("Barack Obama") == 1 and len(labels) == len(set(labels))
