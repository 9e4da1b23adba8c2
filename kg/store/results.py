"""Query results as plain Python: rows of dicts (convertible to a pandas DataFrame), booleans, triples."""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from kg.rdf.terms import Triple, python_value


def value_of(term: Any) -> Any:
    """The Python value of a pyoxigraph term (IRIs as str, literals typed)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        return python_value("literal", term.value, term.datatype.value if not term.language else None)
    return str(term)


def rows_of(solutions: ox.QuerySolutions) -> "Rows":
    """The :class:`Rows` of pyoxigraph's SELECT solutions (local or parsed from an endpoint)."""
    names = [v.value for v in solutions.variables]
    rows, terms = [], []
    for solution in solutions:
        cells = [solution[i] for i in range(len(names))]
        rows.append({n: value_of(c) for n, c in zip(names, cells)})
        terms.append({n: str(c) for n, c in zip(names, cells) if c is not None})
    return Rows(names, rows, terms)


def triples_of(triples: Any) -> list[Triple]:
    """CONSTRUCT or DESCRIBE results as N-Triples term triples."""
    return [(str(t.subject), str(t.predicate), str(t.object)) for t in triples]


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
