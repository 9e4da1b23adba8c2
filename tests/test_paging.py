"""Paged events and statements (kg.notebook.queries.events_page / statements_page) on the sample
store: a page holds the rows of the whole listing at its place, the total is the number of events
(statements) the listing has, and pages neither overlap nor skip."""

from __future__ import annotations

import pandas as pd
import pytest

from kg.errors import InputError
from kg.notebook import queries
from kg.store import KGStore

POMPEO = "https://w3id.org/newskg/id/actor/mike-pompeo"


def _rows(frame: pd.DataFrame) -> list[tuple[str, ...]]:
    """The rows as strings; an event's participants as a sorted list (GROUP_CONCAT's order
    follows Oxigraph's plan, which differs with where the query starts)."""
    if "participants" in frame:
        frame = frame.assign(participants=[", ".join(sorted(str(v).split(", "))) if isinstance(v, str) else v
                                           for v in frame["participants"]])
    return [tuple("" if pd.isna(v) else str(v) for v in row) for row in frame.itertuples(index=False)]


def test_an_events_page_is_that_part_of_the_listing(sample_store: KGStore) -> None:
    every = queries.events(sample_store, asserted_only=False)
    direct = sample_store.select("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a nkg:Event }")[0]["n"]
    frame, total = queries.events_page(sample_store, asserted_only=False, page=2, size=10)
    assert total == len(every) == int(direct) > 30
    assert _rows(frame) == _rows(every.iloc[20:30]) and list(frame.columns) == list(every.columns)
    last = (total - 1) // 10
    tail, again = queries.events_page(sample_store, asserted_only=False, page=last, size=10)
    assert _rows(tail) == _rows(every.iloc[last * 10:]) and again == total
    assert len(queries.events_page(sample_store, asserted_only=False, page=last + 1, size=10)[0]) == 0


def test_event_pages_follow_the_filters(sample_store: KGStore) -> None:
    asserted = queries.events(sample_store)
    frame, total = queries.events_page(sample_store, page=0, size=7)
    assert total == len(asserted) and _rows(frame) == _rows(asserted.iloc[:7])
    fights = queries.events(sample_store, cameo="19")
    frame, total = queries.events_page(sample_store, cameo="19", size=1000)
    assert total == len(fights) > 0 and _rows(frame) == _rows(fights)
    mine = queries.events(sample_store, POMPEO)
    frame, total = queries.events_page(sample_store, POMPEO, page=1, size=3)
    assert total == len(mine) > 3 and _rows(frame) == _rows(mine.iloc[3:6])


def test_statement_pages_cover_the_listing_once(sample_store: KGStore) -> None:
    every = queries.statements(sample_store)
    n = every["st"].nunique()
    seen: list[tuple[str, ...]] = []
    page, ids = 0, []
    while True:
        frame, total = queries.statements_page(sample_store, page=page, size=25)
        assert total == n > 25
        if not len(frame):
            break
        seen += _rows(frame)
        ids += list(dict.fromkeys(frame["st"]))
        page += 1
    assert page == -(-n // 25) and len(ids) == len(set(ids)) == n
    assert sorted(seen) == sorted(_rows(every))
    keys = [(str(a), int(b)) for a, b in zip(pd.concat([queries.statements_page(sample_store, page=p, size=25)[0]
                                                        for p in range(page)])["article"].fillna(""),
                                              pd.concat([queries.statements_page(sample_store, page=p, size=25)[0]
                                                         for p in range(page)])["cb"].fillna(-1))]
    assert keys == sorted(keys)  # the listing's order: article, then content offset


def test_statement_pages_of_one_speaker(sample_store: KGStore) -> None:
    mine = queries.statements(sample_store, POMPEO)
    frame, total = queries.statements_page(sample_store, POMPEO, size=2)
    assert total == mine["st"].nunique() > 2 and set(frame["st"]) <= set(mine["st"]) and frame["st"].nunique() == 2


def test_a_bad_page_is_refused(sample_store: KGStore) -> None:
    with pytest.raises(InputError, match="page -1"):
        queries.events_page(sample_store, page=-1)
    with pytest.raises(InputError, match="size 0"):
        queries.statements_page(sample_store, size=0)
