"""The notebook views answer the question asked, on the sample store built from data/:
the event browser's filters and pages, the explorer's name search, the plots' counts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.errors import InputError
from kg.notebook import ActorExplorer, EventBrowser, plots, queries
from kg.store import KGStore, open_store

REPO = Path(__file__).resolve().parents[1]
POMPEO = "https://w3id.org/newskg/id/actor/mike-pompeo"
BAJWA = "https://w3id.org/newskg/id/actor/qamar-javed-bajwa"
NOT_ASSERTED = "FILTER NOT EXISTS { ?e nkg:factuality ?f FILTER(?f != nkg:Asserted) }"


def count(store: KGStore, where: str) -> int:
    rows = store.query(f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a nkg:Event . {where} }}")
    return int(rows[0]["n"])  # type: ignore[index]


def example(store: KGStore, query: str, **bindings: object) -> set[str]:
    text = (REPO / "ontology" / "queries" / f"{query}.rq").read_text(encoding="utf-8")
    return {r["event"] for r in store.query(text, bindings=bindings)}  # type: ignore[union-attr]


@pytest.mark.parametrize("cameo", ["04", "19", "041"])
def test_cameo_filter_keeps_that_branch_only(sample_store: KGStore, cameo: str) -> None:
    df = queries.events(sample_store, cameo=cameo)
    expected = count(sample_store, f'?e nkg:eventType/skos:notation ?c FILTER(STRSTARTS(?c, "{cameo}")) {NOT_ASSERTED}')
    assert 0 < len(df) == expected < count(sample_store, "")
    assert all(code.startswith(cameo) for code in df["code"])


def test_event_browser_fight_shows_only_fights(sample_store: KGStore) -> None:
    eb = EventBrowser(sample_store)
    assert ("19 Fight", "19") in eb.cameo.options
    eb.cameo.value = "19"
    df = eb.apply()
    assert len(df) == count(sample_store, f'?e nkg:eventType/skos:notation ?c FILTER(STRSTARTS(?c, "19")) {NOT_ASSERTED}')
    assert set(df["root"]) == {"19"} and "Fight with artillery" in eb.table.value
    assert f"{len(df)} events" in eb.status.value


def test_widget_and_shipped_queries_agree(sample_store: KGStore) -> None:
    """The same question gets the same events: negated and hypothetical ones are left out alike."""
    assert set(queries.events(sample_store, POMPEO)["event"]) == example(sample_store, "events-of-actor",
                                                                          name="Mike Pompeo")
    shipped: dict[str, set[str]] = {}
    text = (REPO / "ontology" / "queries" / "events-of-actor.rq").read_text(encoding="utf-8")
    for r in sample_store.select(text):
        shipped.setdefault(r["label"], set()).add(r["event"])
    labels = queries.actors(sample_store)
    assert len(labels) > 100
    for _, actor in labels.iterrows():  # every actor, by the widget's query and the shipped one
        assert set(queries.events(sample_store, actor["actor"])["event"]) == shipped.get(actor["label"], set()), actor["label"]
    start, end = dt.date(2019, 12, 1), dt.date(2020, 1, 31)
    assert set(queries.events(sample_store, cameo="19", start=start, end=end)["event"]) == example(
        sample_store, "events-by-type-and-date", code=19, **{"from": start, "to": end})


def test_factuality_is_shown_and_filtered(sample_store: KGStore) -> None:
    every = queries.events(sample_store, asserted_only=False)
    assert len(every) == count(sample_store, "")
    hypothetical = every[every["factuality"] != "Asserted"]
    assert len(hypothetical) == count(sample_store, "?e nkg:factuality ?f FILTER(?f != nkg:Asserted)") > 0
    asserted = queries.events(sample_store)
    assert set(asserted["factuality"]) == {"Asserted"} and len(asserted) == len(every) - len(hypothetical)
    eb = EventBrowser(sample_store)
    eb.asserted.value = False
    assert len(eb.apply()) == len(every) and "factuality" in eb.table.value and "negated" in eb.status.value


def test_event_class_hook(sample_store: KGStore) -> None:
    assert len(queries.events(sample_store, event_class="https://w3id.org/newskg/ns#Event")) == len(
        queries.events(sample_store))
    assert len(queries.events(sample_store, event_class="https://w3id.org/newskg/ns#Statement")) == 0


def test_event_table_is_paged(sample_store: KGStore) -> None:
    eb = EventBrowser(sample_store, page_size=10)
    total = len(eb.apply())
    pages = -(-total // 10)
    assert pages > 1 and f"page 1 / {pages}" in eb.page_label.value and eb.prev_button.disabled
    assert eb.table.value.count("<tr") == 1 + 10  # header + one page
    eb.next_button.click()
    assert f"page 2 / {pages}" in eb.page_label.value and not eb.prev_button.disabled
    eb.show_page(pages + 5)
    assert f"page {pages} / {pages}" in eb.page_label.value and eb.next_button.disabled


def test_a_selection_over_the_limit_asks_for_narrower_filters(sample_store: KGStore) -> None:
    """The browser lists no selection its most selective filter finds more than ``max_events``
    events for; a narrower one it lists in full, the same rows as the query."""
    everything = len(queries.events(sample_store, asserted_only=False))
    consults = queries.events(sample_store, cameo="04")
    assert everything > 100 > len(consults) > 0
    assert queries.events_more_than(sample_store, 100) and not queries.events_more_than(sample_store, everything)
    eb = EventBrowser(sample_store, max_events=100)
    assert len(eb.apply()) == 0 and "More than 100 events" in eb.status.value and "no events match" in eb.table.value
    eb.cameo.value = "04"
    listed = eb.apply()
    assert list(listed["event"]) == list(consults["event"]) and f"{len(consults)} events" in eb.status.value
    eb.cameo.value, eb.start.value, eb.end.value = "", dt.date(2020, 1, 1), dt.date(2020, 1, 5)
    dated = queries.events(sample_store, start=dt.date(2020, 1, 1), end=dt.date(2020, 1, 5))
    assert list(eb.apply()["event"]) == list(dated["event"]) and len(dated) > 0  # dated events only are read


def test_class_filter_counts_the_events_of_each_class(sample_store: KGStore) -> None:
    """The class filter's counts (from the statistics graph) are the events each class has."""
    counted = {str(r["class"]): int(r["n"]) for r in sample_store.select(
        "SELECT ?class (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a nkg:Event ; nkg:eventClass ?class } GROUP BY ?class")}
    eb = EventBrowser(sample_store)
    shown = {iri: label for label, iri in eb.event_class.options if iri}
    assert counted and all(shown[c].endswith(f"({n})") for c, n in counted.items())
    assert all(label.endswith("(0)") for c, label in shown.items() if c not in counted)


def test_events_in_batches_are_the_events_in_one_query(sample_store: KGStore) -> None:
    """``events`` reads its events in batches of VALUES and sorts them as the query's ORDER BY
    does: the same frame as one query over every event."""
    from string import Template

    from kg.queries import load

    one = sample_store.select(Template(load("notebook/events")).substitute(scope=""),
                              bindings={"assertedOnly": True}).to_dataframe()
    assert queries.events(sample_store).equals(one) and len(one) > 500  # more than one batch


def test_reversed_date_range_gives_a_hint(sample_store: KGStore) -> None:
    with pytest.raises(InputError, match="reversed"):
        queries.events(sample_store, start=dt.date(2020, 2, 1), end=dt.date(2020, 1, 1))
    eb = EventBrowser(sample_store)
    eb.start.value, eb.end.value = dt.date(2020, 1, 31), dt.date(2019, 12, 1)
    assert len(eb.apply()) == 0
    assert "reversed" in eb.status.value and "Swap" in eb.status.value and "0 events" not in eb.status.value


@pytest.mark.parametrize(("typed", "iri"), [("Pompeo", POMPEO), ("bajwa", BAJWA), ("Mike Pompeo", POMPEO),
                                            ("qamar javed", BAJWA)])
def test_explorer_finds_an_actor_by_part_of_its_name(sample_store: KGStore, typed: str, iri: str) -> None:
    ex = ActorExplorer(sample_store)
    ex.search.value = typed  # what the browser sends on Enter
    assert ex.actor == iri and "kg-error" not in ex.header.value


def test_explorer_offers_a_choice_or_says_none(sample_store: KGStore) -> None:
    ex = ActorExplorer(sample_store)
    ex.search.value = "Pompeo"
    ex.search.value = "center"  # two organisations with "Center" in their names
    assert ex.actor == POMPEO and "2 actors match" in ex.header.value
    assert ex.choice.layout.display is None and len(ex.choice.options) == 3
    ex.choice.value = ex.choice.options[1][1]
    assert ex.actor == ex.choice.options[1][1] != POMPEO
    ex.search.value = "Zzyzx"
    assert "No actor" in ex.header.value and "Zzyzx" in ex.header.value


def test_explorer_callback_errors_are_shown_in_the_view(sample_store_path: Path) -> None:
    store = open_store(sample_store_path, read_only=True)
    ex = ActorExplorer(store)
    store.close()  # the store goes away under the widget (a forget(), a restarted server)
    ex.search.value = "Pompeo"
    assert "kg-error" in ex.header.value and "This view failed" in ex.header.value


def test_events_over_time_places_every_dated_event_and_counts_the_rest(sample_store: KGStore) -> None:
    df = queries.events(sample_store)
    dated = int(df["date"].notna().sum())
    ranged = int((df["date"].isna() & df["earliest"].notna()).sum())
    fig = plots.events_over_time(sample_store)
    ax = fig.axes[0]
    placed = sum(len(c.get_offsets()) for c in ax.collections if hasattr(c, "get_sizes") and len(c.get_sizes()))
    assert placed == dated + ranged > dated
    assert f"{dated + ranged} of {len(df)} events" in ax.get_xlabel()
    assert f"{len(df) - dated - ranged} without a date" in ax.get_xlabel()
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert "19 Fight" in legend and all(len(t.split(" ", 1)) == 2 for t in legend)
    assert type(ax.xaxis.get_major_formatter()).__name__ == "ConciseDateFormatter"
    assert {t.get_rotation() for t in ax.get_xticklabels()} == {30.0}


def test_events_a_day_apart_get_a_day_axis_not_hours(sample_store: KGStore) -> None:
    import matplotlib.dates as mdates

    df = queries.events(sample_store, cameo="19")
    placed, _ = plots.placed_events(df)
    days = sorted({d.date() for d in placed["when"].dt.normalize()})
    assert days == [dt.date(2019, 12, 27), dt.date(2019, 12, 28)]  # the case: two dates a day apart
    ax = plots.events_over_time(df).axes[0]
    ticks = [mdates.num2date(t) for t in ax.get_xticks()]
    assert ticks and all((t.hour, t.minute) == (0, 0) for t in ticks)  # whole days, no 04:00 ... 20:00
