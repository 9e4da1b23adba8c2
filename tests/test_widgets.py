"""The notebook widgets, graphs and plots against a real on-disk store (hand-made graph with
posts, events and statements, and the sample store built from data/)."""

from __future__ import annotations

import html
from pathlib import Path

import pytest

from kg.notebook import ActorExplorer, EventBrowser, SparqlWorkbench, connect, forget
from kg.notebook import plots, queries
from kg.notebook.graph import Graph, network_page
from kg.store import KGStore
from notebook_data import HOSTILE, build, snapshot


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> KGStore:
    path = build(tmp_path_factory.mktemp("nb") / "store")
    store = connect(path)
    yield store
    forget(path)


def test_explorer_shows_posts_events_statements_and_network(small: KGStore) -> None:
    ex = ActorExplorer(small)
    assert "Mike Pompeo" in ex.search.options
    ex.search.value = "Mike Pompeo"  # as a user picking it in the combobox
    assert ex.actor == "https://w3id.org/newskg/id/actor/mike-pompeo"
    assert "Secretary of State" in ex.posts.value and "United States" in ex.posts.value and "t1" in ex.posts.value
    assert "041" in ex.events.value and "Discuss by telephone" in ex.events.value
    assert "<img" in ex.timeline.value
    # the exact content span is highlighted, the cue in bold, inside the source sentence
    assert "<mark>is committed to de-escalation</mark>" in ex.statements.value
    assert "<b>tweeted</b>" in ex.statements.value and "Mike Pompeo " in ex.statements.value
    assert "Direct" in ex.statements.value and "tweet" in ex.statements.value
    page = html.unescape(ex.graph.value)
    assert "vis.Network" in page and "Secretary of State" in page and "United States" in page
    labels = dict(ex.neighbour.options)
    assert "United States" in labels
    details = ex.show_link(labels["United States"])
    assert "holds" in details and "post in" in details and "de-escalation" in details


def test_hostile_actor_name_comes_back_as_literal(small: KGStore) -> None:
    before = snapshot(small)
    ex = ActorExplorer(small)
    assert HOSTILE in ex.search.options
    assert queries.find_actor(small, HOSTILE) == "https://w3id.org/newskg/id/actor/x"
    assert ex.select(HOSTILE)
    assert html.escape(HOSTILE) in ex.header.value and HOSTILE not in ex.header.value
    assert "Spokes\"person\" &lt;b&gt;" in ex.posts.value and "DROP ALL" not in ex.posts.value
    assert queries.find_actor(small, HOSTILE + "zz") is None  # no label or alias contains it
    assert not ex.select('Mike Pompeo" } UNION { ?a ?b ?c')
    assert snapshot(small) == before and len(small) == len(before)


def test_event_browser_filters(small: KGStore) -> None:
    eb = EventBrowser(small)
    assert ("04 Consult", "04") in eb.cameo.options
    assert len(eb.apply()) == 1
    eb.cameo.value = "04"
    assert len(eb.apply()) == 1  # a root code matches its sub-codes
    eb.cameo.value, eb.actor.value = "", "United States"
    assert list(eb.apply()["code"]) == ["041"]
    import datetime as dt
    eb.actor.value, eb.start.value = "", dt.date(2020, 1, 4)
    assert len(eb.apply()) == 0 and "no events match" in eb.table.value


def test_workbench_pages_downloads_graph_and_errors(small: KGStore) -> None:
    wb = SparqlWorkbench(small, page_size=5)
    assert "actors-in-most-articles" in wb.examples
    wb.picker.value = "mentions-of-actor"
    assert "nif:anchorOf" in wb.editor.value
    df = wb.run("SELECT ?m ?b WHERE { ?m nif:beginIndex ?b } ORDER BY ?b")
    assert len(df) == 6 and wb.status.value.startswith("6 rows")
    assert "page 1 / 2" in wb.page_label.value and 'download="results.csv"' in wb.downloads.value
    wb.next_button.click()
    assert "page 2 / 2" in wb.page_label.value
    wb.view.value = "graph"
    assert "vis.Network" in html.unescape(wb.output.value)
    assert wb.run("SELECT ?x WHERE {\n  ?x ?y\n}") is None
    assert "line 3, column" in wb.output.value and "kg-error" in wb.output.value
    triples = wb.run("CONSTRUCT { ?s org:holds ?o } WHERE { ?s org:holds ?o }")
    assert len(triples) == 2 and "triples" in wb.status.value


def test_graph_cap_legend_and_offline_page() -> None:
    g = Graph(focus={"urn:x:0"})
    for i in range(1, 40):
        g.add_edge("urn:x:0", "about", f"urn:x:{i}")
        g.kinds[f"urn:x:{i}"] = "Event" if i % 2 else "Organization"
    g.kinds["urn:x:0"] = "Person"
    page = network_page(g, max_nodes=10)
    assert "Showing 10 of 40 nodes: 30" in page and "max_nodes=300" in page
    assert "> person" in page and "> event" in page and "> organisation" in page
    assert "cdn.jsdelivr" not in page and "cdnjs" not in page and "https://" not in page.split("<script")[0]
    assert "stabilizationIterationsDone" in page and "physics: false" in page


def test_plots_draw_what_the_store_holds(small: KGStore) -> None:
    assert plots.events_over_time(small).axes[0].get_title() == "Events over time by CAMEO root type"
    assert plots.statements_per_speaker(small).axes[0].get_title() == "Statements per speaker"
    active = plots.most_active_actors(small)
    assert [t.get_text() for t in active.axes[0].get_yticklabels()][-1] == "Mike Pompeo"


def test_explorer_on_sample_store(sample_store_path: Path) -> None:
    store = connect(sample_store_path)
    ex = ActorExplorer(store)
    assert ex.select("Mike Pompeo")
    assert "Qamar Javed Bajwa" in dict(ex.neighbour.options)
    details = ex.show_link(dict(ex.neighbour.options)["Qamar Javed Bajwa"])
    assert "Supporting sentences" in details and "Bajwa" in details
