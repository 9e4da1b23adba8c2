"""Result tables that sort, filter and page in the browser (itables' DataTables widget, offline),
with IRIs shortened to prefixed names and linked, and literals escaped.

>>> from kg.store.results import Rows
>>> rows = Rows(["a", "n"], [{"a": "https://w3id.org/newskg/id/actor/x", "n": "<b>"}],
...             [{"a": "<https://w3id.org/newskg/id/actor/x>", "n": '"<b>"'}])
>>> display_frame(rows).iloc[0].tolist()
['<a href="https://w3id.org/newskg/id/actor/x" target="_blank" title="https://w3id.org/newskg/id/actor/x">data:actor/x</a>', '&lt;b&gt;']
"""

from __future__ import annotations

import html
from typing import Any

from kg.rdf.terms import curie

#: Page sizes offered in the table's "Show N entries" menu.
PAGE_SIZES = [10, 20, 50, 100, 500]


def prefixed(iri: str) -> str:
    """``prefix:local`` for an IRI under a known namespace (the longest wins), else the IRI.

    >>> prefixed("https://w3id.org/newskg/ns#Person"), prefixed("http://elsewhere.org/a")
    ('nkg:Person', 'http://elsewhere.org/a')
    """
    return curie(iri) or iri


def _cell(value: Any, term: str | None) -> Any:
    if value is None:
        return ""
    if term is not None and term.startswith("<"):
        iri = html.escape(str(value), quote=True)
        return f'<a href="{iri}" target="_blank" title="{iri}">{html.escape(prefixed(str(value)))}</a>'
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return html.escape(str(value))


def display_frame(rows: Any) -> Any:
    """The rows as a DataFrame of HTML cells: linked prefixed IRIs, escaped text, numbers kept."""
    import pandas as pd

    cells = [{name: _cell(r.get(name), t.get(name)) for name in rows.variables} for r, t in zip(rows, rows.terms)]
    return pd.DataFrame(cells, columns=rows.variables)


def result_table(rows: Any, *, page_size: int = 20) -> Any:
    """An interactive table widget of SELECT rows (sort by a header click, search box filters,
    page size picked from :data:`PAGE_SIZES`)."""
    from itables.widget import ITable

    sizes = sorted({*PAGE_SIZES, page_size})
    return ITable(display_frame(rows), allow_html=True, pageLength=page_size, lengthMenu=sizes,
                  maxBytes=0, classes="display compact cell-border", style="width:100%;margin:0", showIndex=False)
