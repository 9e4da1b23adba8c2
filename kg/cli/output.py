"""Render query results for a terminal or a file: table, CSV, TSV, JSON, N-Triples."""

from __future__ import annotations

import csv
import io
import json
import shutil
import sys
from typing import Any

from kg.errors import InputError
from kg.model import IRI
from kg.store.results import Rows
from kg.rdf.terms import curie


def parse_binding(text: str) -> tuple[str, Any]:
    """``NAME=VALUE`` from the command line: ``<iri>`` -> IRI, ISO date -> date, digits -> int.

    >>> parse_binding("start=2020-01-03"), parse_binding("a=<http://ex.org/a>")
    (('start', datetime.date(2020, 1, 3)), ('a', 'http://ex.org/a'))
    """
    import datetime as dt

    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise InputError(f"--bind {text!r}: write NAME=VALUE, e.g. --bind name=\"Mike Pompeo\"")
    name = name.strip().lstrip("?$")
    if value.startswith("<") and value.endswith(">"):
        return name, IRI(value[1:-1])
    if value.isdigit():
        return name, int(value)
    try:
        return name, dt.date.fromisoformat(value)
    except ValueError:
        return name, value


def _cell(value: Any) -> str:
    return "" if value is None else str(value)


def compact(value: Any) -> str:
    """A cell for reading: IRIs under a known namespace as ``prefix:local``.

    >>> compact("https://w3id.org/newskg/id/actor/mike-pompeo"), compact(3)
    ('data:actor/mike-pompeo', '3')
    """
    text = _cell(value)
    return (curie(text) or text) if text.startswith(("http://", "https://")) else text


def table(rows: Rows, *, max_width: int = 60, terminal: int | None = None) -> str:
    """A plain-text table that fits a terminal: long cells cut with an ellipsis.

    >>> print(table(Rows(["name", "n"], [{"name": "Mike Pompeo", "n": 7}])), end="")
    name        | n
    ------------+--
    Mike Pompeo | 7
    (1 row)
    """
    cols = rows.variables
    cells = [[compact(r.get(c)).replace("\n", " ") for c in cols] for r in rows]
    limit = max_width
    if terminal:  # share the screen's width among the columns
        limit = max(12, min(max_width, (terminal - 3 * len(cols)) // max(len(cols), 1)))
    cells = [[c if len(c) <= limit else c[: limit - 1] + "…" for c in row] for row in cells]
    widths = [max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(cols)]
    line = lambda vals: " | ".join(v.ljust(w) for v, w in zip(vals, widths)).rstrip()  # noqa: E731
    out = [line(cols), "-+-".join("-" * w for w in widths)] + [line(r) for r in cells]
    out.append(f"({len(rows)} row{'s' if len(rows) != 1 else ''})")
    return "\n".join(out) + "\n"


def render(result: Rows | bool | list[tuple[str, str, str]], fmt: str, *, max_width: int = 60) -> str:
    """Any query result in a format: SELECT as table/csv/tsv/json, ASK as true/false,
    CONSTRUCT/DESCRIBE as N-Triples (json: a list of triples)."""
    if isinstance(result, bool):
        return json.dumps({"boolean": result}) + "\n" if fmt == "json" else ("true\n" if result else "false\n")
    if not isinstance(result, Rows):
        if fmt == "json":
            return json.dumps([list(t) for t in result], ensure_ascii=False, indent=1) + "\n"
        return "".join(f"{s} {p} {o} .\n" for s, p, o in result)
    if fmt == "table":
        terminal = shutil.get_terminal_size().columns if sys.stdout.isatty() else None
        return table(result, max_width=max_width, terminal=terminal)
    if fmt == "json":
        return json.dumps([{k: _json_value(v) for k, v in r.items()} for r in result],
                          ensure_ascii=False, indent=1) + "\n"
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter="\t" if fmt == "tsv" else ",", lineterminator="\n")
    writer.writerow(result.variables)
    for r in result:
        writer.writerow([_cell(r.get(c)).replace("\t", " ") if fmt == "tsv" else _cell(r.get(c))
                         for c in result.variables])
    return buf.getvalue()


def _json_value(value: Any) -> Any:
    return value if value is None or isinstance(value, (int, float, str, bool)) else str(value)
