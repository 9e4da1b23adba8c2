"""Query results as plain Python: rows of dicts, convertible to a pandas DataFrame."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from kg.vocab import XSD

_NUMERIC = {f"{XSD}integer": int, f"{XSD}int": int, f"{XSD}long": int,
            f"{XSD}nonNegativeInteger": int, f"{XSD}decimal": Decimal, f"{XSD}double": float,
            f"{XSD}float": float}


def python_value(kind: str, value: str, datatype: str | None = None) -> Any:
    """A Python value for an RDF term: IRIs and strings as str, numbers, booleans and dates typed.

    >>> python_value("literal", "42", "http://www.w3.org/2001/XMLSchema#integer")
    42
    >>> python_value("literal", "2020-01-03", "http://www.w3.org/2001/XMLSchema#date")
    datetime.date(2020, 1, 3)
    >>> python_value("uri", "http://ex.org/a")
    'http://ex.org/a'
    """
    if kind != "literal" or not datatype:
        return value
    try:
        if datatype in _NUMERIC:
            return _NUMERIC[datatype](value)
        if datatype == f"{XSD}boolean":
            return value in ("true", "1")
        if datatype == f"{XSD}date":
            return dt.date.fromisoformat(value)
        if datatype == f"{XSD}dateTime":
            return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return value
    return value


class Rows(list):
    """SELECT results: a list of ``{variable: value}`` dicts, with the variables in order.

    ``terms`` holds the same cells as N-Triples strings (``<iri>``, ``"lit"^^<dt>``), for
    callers that must tell IRIs from literals.

    >>> r = Rows(["s"], [{"s": "http://ex.org/a"}], [{"s": "<http://ex.org/a>"}])
    >>> r.to_dataframe().shape
    (1, 1)
    """

    def __init__(self, variables: list[str], rows: list[dict[str, Any]],
                 terms: list[dict[str, str]] | None = None) -> None:
        super().__init__(rows)
        self.variables = variables
        self.terms = terms if terms is not None else []

    def to_dataframe(self) -> Any:
        """The rows as a :class:`pandas.DataFrame` (one column per variable)."""
        import pandas as pd

        return pd.DataFrame(list(self), columns=self.variables)

    def column(self, name: str) -> list[Any]:
        """All values of one variable."""
        return [row.get(name) for row in self]
