"""The notebook widgets, graphs and plots against a real on-disk store (hand-made graph with
posts, events and statements, and the sample store built from data/)."""

from __future__ import annotations

import html
import json
from pathlib import Path

import pytest

from kg.notebook import ActorExplorer, EventBrowser, SparqlWorkbench, connect, forget
from kg.notebook import plots, queries
from kg.notebook.graph import Graph, collapse_statements
from kg.notebook.network import NODE_FONT, GraphView
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
    view = ex.graph.children[0]
    assert isinstance(view, GraphView)
    assert {"Secretary of State", "United States"} <= {n["label"] for n in view.nodes}
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


def test_workbench_table_downloads_graph_and_errors(small: KGStore) -> None:
    wb = SparqlWorkbench(small, page_size=5)
    assert "actors-in-most-articles" in wb.examples
    wb.picker.value = "mentions-of-actor"
    assert "nif:anchorOf" in wb.editor.value
    df = wb.run("SELECT ?m ?b WHERE { ?m nif:beginIndex ?b } ORDER BY ?b")
    assert len(df) == 6 and wb.status.value.startswith("6 rows")
    table = wb.results.children[0]
    assert table._dt_args["pageLength"] == 5 and table._dt_args["lengthMenu"] == [5, 10, 20, 50, 100, 500]
    assert 'download="results.csv"' in wb.downloads.value
    # an error clears the table, the counts and the downloads: nothing stale beside it
    assert wb.run("SELECT ?x WHERE {\n  ?x ?y\n}") is None
    assert "line 3, column" in wb.message.value and "kg-error" in wb.message.value
    assert wb.results.children == () and wb.status.value == "" and wb.downloads.value == ""
    triples = wb.run("CONSTRUCT { ?s org:holds ?o } WHERE { ?s org:holds ?o }")
    assert len(triples) == 2 and "triples" in wb.status.value and wb.view.value == "graph"
    assert len(wb.graph_view.edges) == 2 and {e["label"] for e in wb.graph_view.edges} == {"holds"}
    wb.run("CONSTRUCT { ?s org:holds ?o } WHERE { ?s org:holds ?o FILTER(false) }")
    assert wb.graph_view is None and "Nothing to draw" in wb.results.children[-1].value


def test_workbench_table_shortens_and_links_iris(small: KGStore) -> None:
    wb = SparqlWorkbench(small)
    wb.run("SELECT ?a ?l WHERE { ?a a nkg:Person ; rdfs:label ?l } ORDER BY ?l")
    rows = json.loads(wb.results.children[0]._dt_args["data_json"])
    iri = "https://w3id.org/newskg/id/actor/mike-pompeo"
    assert [f'<a href="{iri}" target="_blank" title="{iri}">data:actor/mike-pompeo</a>', "Mike Pompeo"] in rows
    assert ["", html.escape(HOSTILE)] not in rows and not any("<b>" in str(c) for row in rows for c in row)


def test_workbench_picker_follows_the_editor(small: KGStore) -> None:
    wb = SparqlWorkbench(small)
    wb.picker.value = "actors-in-most-articles"
    assert wb.editor.value == wb.examples["actors-in-most-articles"]
    wb.run()
    wb.run("SELECT ?x WHERE { ?x ?y }")  # as the notebook's cells do after Run All
    assert wb.picker.value == "" and "syntax error" in wb.message.value.lower()
    wb.picker.value = "actors-in-most-articles"  # picking the same example again reloads it
    assert wb.editor.value == wb.examples["actors-in-most-articles"] and "Loaded" in wb.message.value
    assert wb.results.children == ()


def test_workbench_parameters(small: KGStore) -> None:
    wb = SparqlWorkbench(small)
    wb.editor.value = "SELECT ?m WHERE { ?a rdfs:label $who ; gaf:denotedBy ?m FILTER(!BOUND(?min) || ?m > ?min) }"
    assert list(wb.param_inputs) == ["who", "min"]
    wb.param_inputs["who"].value = "Mike Pompeo"
    assert len(wb.run()) == 1
    wb.param_inputs["who"].value = "nobody"
    assert len(wb.run()) == 0


def test_workbench_graph_of_label_columns_and_chart(small: KGStore) -> None:
    wb = SparqlWorkbench(small)
    wb.run("SELECT ?person ?post (1 AS ?n) WHERE { ?p org:holds/rdfs:label ?post ; rdfs:label ?person }")
    assert (wb.source.value, wb.target.value, wb.edge_label.value) == ("person", "post", "n")
    wb.view.value = "graph"
    edges = {(e["from"], e["label"], e["to"]) for e in wb.graph_view.edges}
    assert ('"Mike Pompeo"', "1", '"Secretary of State"') in edges
    kinds = {n["label"]: n["shape"] for n in wb.graph_view.nodes}
    assert kinds["Mike Pompeo"] == "dot" and kinds["Secretary of State"] == "hexagon"  # person, post
    assert "person" in wb.graph_view.legend and "post" in wb.graph_view.legend
    wb.edge_label.value = ""
    assert {e["label"] for e in wb.graph_view.edges} == {"post"}
    wb.view.value = "chart"
    wb.x.value, wb.y.value = "person", "n"
    assert "<img" in wb.results.children[1].value


def test_workbench_graph_of_triple_rows(small: KGStore) -> None:
    wb = SparqlWorkbench(small)
    wb.run("SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER(?p IN (org:holds, org:postIn)) }")
    assert (wb.source.value, wb.target.value, wb.edge_label.value) == ("s", "o", "p")
    wb.view.value = "graph"
    assert {e["label"] for e in wb.graph_view.edges} == {"holds", "post in"}


def test_example_queries_draw_edges(sample_store_path: Path) -> None:
    wb = SparqlWorkbench(connect(sample_store_path))
    for name in wb.examples:
        wb.picker.value = name
        df = wb.run()
        assert df is not None and len(df) and len(df.columns) >= 2, name
        wb.view.value = "graph"
        assert wb.source.value != wb.target.value, name  # a column kept from the last query never meets itself
        assert wb.graph_view is not None and len(wb.graph_view.edges) > 0, name
        wb.view.value = "table"


def test_graph_view_cap_legend_fonts_and_expand(sample_store_path: Path) -> None:
    g = Graph(focus={"urn:x:0"})
    for i in range(1, 40):
        g.add_edge("urn:x:0", "about", f"urn:x:{i}")
        g.kinds[f"urn:x:{i}"] = "Event" if i % 2 else "Organization"
    g.kinds["urn:x:0"] = "Person"
    view = GraphView(g, max_nodes=10, widen_hint="--max-nodes {n}")
    assert view.message.startswith("Showing 10 of 40 nodes: 30") and "--max-nodes 40" in view.message
    assert "person" in view.legend and "event" in view.legend and "organisation" in view.legend
    assert all(n["font"]["size"] == NODE_FONT >= 14 for n in view.nodes)
    assert all(e["label"] == "about" and e["font"]["size"] >= 12 for e in view.edges)
    # vis-network travels (and is saved with widget state) once per kernel, not once per view
    other = GraphView(Graph(focus={"urn:x:1"}))
    assert other.library is view.library and "vis-network" in view.library.code
    assert len(view.get_state()["_esm"]) < 20_000 and len(view.library.code) > 400_000
    store = connect(sample_store_path)
    pompeo = "https://w3id.org/newskg/id/actor/mike-pompeo"
    view = GraphView(Graph(focus={pompeo}), expand=lambda n: queries.ego_graph(store, n))
    assert view.nodes and not view.edges
    view.clicked = pompeo  # a click in the browser
    assert len(view.edges) > 5 and "Qamar Javed Bajwa" in {n["label"] for n in view.nodes}


def test_much_quoted_actor_network_is_not_a_hairball(sample_store_path: Path) -> None:
    store = connect(sample_store_path)
    obama = "https://w3id.org/newskg/id/actor/barack-obama"
    raw = queries.ego_graph(store, obama)
    assert sum(raw.kinds.get(n) == "Statement" for n in raw.nodes()) > 10
    g = collapse_statements(raw)
    assert not any(g.kinds.get(n) == "Statement" for n in g.nodes())
    said = [e for e in g.edges if e[1].startswith("said about")]
    assert any(e[0] == obama and "×" in e[1] for e in said)
    assert len(g.nodes()) < len(raw.nodes()) - 20


def test_graph_articles_titled_and_links_named(sample_store_path: Path) -> None:
    store = connect(sample_store_path)
    art = "https://w3id.org/newskg/id/article/ecbplus-9_7ecbplus"
    labels, kinds = queries.describe_nodes(store, [f"<{art}>"])
    assert kinds[art] == "Article" and labels[art].startswith("Obama administration overturns rule")
    paths, _ = queries.link_details(store, "https://w3id.org/newskg/id/actor/mike-pompeo",
                                    "https://w3id.org/newskg/id/actor/qamar-javed-bajwa")
    assert "agent → event “Discuss by telephone” → recipient" in paths
    assert not any(ch.isdigit() for p in paths for ch in p)


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
