"""The store's query interface: typed results, bindings refused with clear messages, prefixes,
and the same behaviour from a remote ``oxigraph serve`` endpoint (a real server process)."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from kg.errors import QueryError, QuerySyntaxError
from kg.model import IRI, GraphUpdate
from kg.store import KGStore, open_store
from kg.store.server import free_port, oxigraph_binary

KG = [sys.executable, "-m", "kg.cli"]
DATA = ('INSERT DATA { GRAPH <https://w3id.org/newskg/id/graph/a1> {'
        ' <https://w3id.org/newskg/id/actor/x> a nkg:Person ; rdfs:label "Café \\"x\\" ’s" } }')


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bind") / "store"
    with open_store(path) as store:
        store.update(DATA)
    return path


def kg_query(store_dir: Path, query: str, *binds: str) -> subprocess.CompletedProcess[str]:
    args = [a for b in binds for a in ("--bind", b)]
    return subprocess.run([*KG, "query", query, "--store", str(store_dir), *args],
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("query, binding, expected", [
    # a binding *name* is never pasted into the query text
    ("SELECT ?x WHERE { ?x ?p ?o }", "x) } VALUES (?y=v", ["must be a SPARQL variable name"]),
    # an invalid IRI value names its binding
    ("SELECT ?o WHERE { ?a ?p ?o }", "a=<http://x> } ...>", ["binding ?a", "not a valid IRI"]),
    # an unknown prefix is named with the known ones, at its line
    ("SELECT ?s WHERE {\n  ?s foo:bar ?o }", None, ["unknown prefix foo:", "nkg", "line 2"]),
    # an unknown binding name is an error, not zero rows
    ("SELECT ?s WHERE { ?s rdfs:label ?name }", "nmae=Café", ["no variable ?nmae", "?name"]),
], ids=["binding-name-never-pasted", "invalid-iri-names-binding", "unknown-prefix-named",
        "unknown-binding-name"])
def test_query_errors_are_clear_messages(store_dir: Path, query: str, binding: str | None,
                                         expected: list[str]) -> None:
    done = kg_query(store_dir, query, *([binding] if binding else []))
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert all(part in done.stderr for part in expected), done.stderr
    assert "u{" not in done.stderr  # no list of Unicode ranges


def test_typed_results(store: KGStore) -> None:
    store.update(DATA)
    rows = store.select("SELECT ?l WHERE { ?a rdfs:label ?l }", bindings={"a": IRI("https://w3id.org/newskg/id/actor/x")})
    assert rows.column("l") == ['Café "x" ’s']
    assert store.ask("ASK { ?a a nkg:Person }") is True
    assert store.construct("CONSTRUCT { ?a a nkg:Actor } WHERE { ?a a nkg:Person }") == [
        ("<https://w3id.org/newskg/id/actor/x>", "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
         "<https://w3id.org/newskg/ns#Actor>")]
    with pytest.raises(QueryError, match="expected a SELECT"):
        store.select("ASK { ?s ?p ?o }")


def test_syntax_error_points_into_the_users_text(store: KGStore) -> None:
    with pytest.raises(QuerySyntaxError) as err:
        store.query("SELECT ?s\nWHERE { ?s ?p }", bindings={"s": 1})
    assert err.value.line == 2


@pytest.fixture()
def remote(tmp_path: Path) -> KGStore:
    port = free_port()
    proc = subprocess.Popen([oxigraph_binary(), "serve", "--location", str(tmp_path / "served"),
                             "--bind", f"127.0.0.1:{port}"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            httpx.get(url + "/query", params={"query": "ASK {}"}, timeout=1)
            break
        except httpx.HTTPError:
            time.sleep(0.05)
    store = open_store(url)
    yield store
    store.close()
    proc.terminate()
    proc.wait(timeout=10)


def _change(alias: str) -> GraphUpdate:
    g, a = "https://w3id.org/newskg/id/graph/a1", "<https://w3id.org/newskg/id/actor/x>"
    m = "<https://w3id.org/newskg/id/article/a1#char=0,1>"
    return GraphUpdate(graph=g, triples=((a, "<http://groundedannotationframework.org/gaf#denotedBy>", m),
                                         (a, "<http://www.w3.org/2004/02/skos/core#altLabel>", f'"{alias}"'),
                                         (f"<{g}>", "<https://w3id.org/newskg/ns#inputDigest>", f'"{alias}"')),
                       actors=("https://w3id.org/newskg/id/actor/x",), digest=alias)


@pytest.mark.parametrize("where", ["local", "remote"])
def test_article_rewrite_replaces_the_graph_and_shared_facts_are_set_per_subject(
        where: str, store: KGStore, remote: KGStore) -> None:
    target = store if where == "local" else remote
    assert target.write_article(_change("old")) and not target.write_article(_change("old"))
    assert target.write_article(_change("new"))
    assert target.select("SELECT ?l WHERE { ?a skos:altLabel ?l }").column("l") == ["new"]
    shared, x, y = "https://w3id.org/newskg/id/graph/actors", "https://w3id.org/newskg/id/actor/x", "http://ex.org/y"
    label = "<http://www.w3.org/2000/01/rdf-schema#label>"
    facts = {x: [(f"<{x}>", label, '"Café \\"X\\""')], y: [(f"<{y}>", label, '"Y"@en')]}
    assert target.replace_subjects(shared, facts) == 2 and target.replace_subjects(shared, facts) == 0
    assert target.replace_subjects(shared, {x: [], y: [(f"<{y}>", label, '"Z"')]}) == 2
    rows = target.select(f"SELECT ?s ?l WHERE {{ GRAPH <{shared}> {{ ?s ?p ?l }} }}", union=False)
    assert [(r["s"], r["l"]) for r in rows] == [(y, "Z")]


@pytest.mark.parametrize("where", ["local", "remote"])
def test_new_articles_are_written_together_counted_and_skipped_when_unchanged(
        where: str, store: KGStore, remote: KGStore) -> None:
    """`write_articles`: new graphs bulk-loaded with their digests and counts, a changed one
    replaced (its old counts taken away), an unchanged one skipped. (The statistics against a
    rebuild over real articles: `test_stats.py`.)"""
    target = store if where == "local" else remote
    b = GraphUpdate(graph=_change("x").graph.replace("/a1", "/b1"), actors=_change("x").actors, digest="b",
                    triples=tuple(tuple(t.replace("a1", "b1") for t in tr) for tr in _change("b").triples))
    assert target.write_articles([_change("old"), b]) == [True, True]
    assert target.graph_digest(b.graph) == "b" and target.graph_digest(_change("old").graph) == "old"
    assert target.write_articles([_change("new"), b]) == [True, False]
    assert target.select("SELECT ?l WHERE { ?a skos:altLabel ?l }").column("l") == ["b", "new"]
    stats = "https://w3id.org/newskg/stats"
    counted = target.select(f"SELECT ?g WHERE {{ GRAPH <{stats}> {{ ?g nkg:countedIn <{stats}> }} }} ORDER BY ?g",
                            union=False).column("g")
    total = target.select(f"SELECT ?n WHERE {{ GRAPH <{stats}> {{ <{stats}> void:triples ?n }} }}", union=False)
    assert counted == [_change("x").graph, b.graph] and total.column("n") == [4]  # two triples a graph, digests aside


@pytest.mark.parametrize("where", ["local", "remote"])
def test_a_rewrite_writes_only_the_triples_that_differ(where: str, store: KGStore, remote: KGStore) -> None:
    """`write_article` over a graph it holds deletes and inserts the triples that changed, not
    the whole graph (an article rewritten because one actor moved keeps most of its triples);
    the graph then holds exactly the new triples, whatever form the store gave its literals
    ("07" as an ``xsd:nonNegativeInteger`` is stored as the integer 7), and it is counted once."""
    target = store if where == "local" else remote
    g, x, y = "https://w3id.org/newskg/id/graph/a1", "<https://w3id.org/newskg/id/actor/x>", "<https://w3id.org/newskg/id/actor/y>"
    m = "<https://w3id.org/newskg/id/article/a1#char=0,1>"
    begin = ("<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex>",
             '"07"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger>')
    denoted, digest = "<http://groundedannotationframework.org/gaf#denotedBy>", "<https://w3id.org/newskg/ns#inputDigest>"
    anchor = "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf>"

    def change(actor: str, mark: str) -> GraphUpdate:
        return GraphUpdate(graph=g, actors=(actor[1:-1],), digest=mark,
                           triples=((m, *begin), (m, anchor, '"a"'), (actor, denoted, m), (f"<{g}>", digest, f'"{mark}"')))

    assert target.write_article(change(x, "one"))
    sent: list[str] = []
    update = target.update
    target.update = lambda sparql: (sent.append(sparql), update(sparql))[1]  # type: ignore[method-assign]
    assert target.write_article(change(y, "two"))
    assert "DROP" not in sent[-1] and anchor not in sent[-1]  # the unchanged triple is left alone
    assert f"DELETE DATA {{ GRAPH <{g}> {{\n{m} {begin[0]} " in sent[-1]  # (in the store's form, then the new)
    assert sent[-1].count(f"{x} {denoted}") == 1 and sent[-1].count(f"{y} {denoted}") == 1
    held = target.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }} ORDER BY ?p", union=False)
    assert [(r["s"], r["o"]) for r in held] == [(y[1:-1], m[1:-1]), (m[1:-1], "a"), (m[1:-1], 7), (g, "two")]
    stats = "https://w3id.org/newskg/stats"
    total = target.select(f"SELECT ?n WHERE {{ GRAPH <{stats}> {{ <{stats}> void:triples ?n }} }}", union=False)
    assert total.column("n") == [3]  # digests aside


def test_remote_store_loads_quads_keeping_graphs_and_answers_typed(remote: KGStore, tmp_path: Path) -> None:
    nq = tmp_path / "in.nq"
    nq.write_text('<http://ex.org/a> <http://ex.org/p> "Café ’s" <http://ex.org/g1> .\n'
                  '<http://ex.org/b> <http://ex.org/p> "2"^^<http://www.w3.org/2001/XMLSchema#integer> <http://ex.org/g2> .\n')
    remote.load_file(nq)
    assert remote.graphs() == ["http://ex.org/g1", "http://ex.org/g2"] and len(remote) == 2
    rows = remote.select("SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?s")
    assert rows.column("o") == ["Café ’s", 2]
    assert remote.ask("ASK { ?s ?p 2 }") and len(remote.construct("CONSTRUCT WHERE { ?s ?p ?o }")) == 2
    assert sorted(g for *_, g in remote.quads()) == ["<http://ex.org/g1>", "<http://ex.org/g2>"]
    with pytest.raises(QuerySyntaxError) as err:
        remote.select("SELECT ?s\nWHERE { ?s ?p }")
    assert err.value.line == 2


def test_statement_scans_read_a_read_only_store(store_dir: Path) -> None:
    """`KGStore.statements` (an index scan) works on a store opened read-only, as a notebook opens it."""
    with open_store(store_dir, read_only=True) as store:
        found = list(store.statements("http://www.w3.org/2000/01/rdf-schema#label"))
    assert found == [("https://w3id.org/newskg/id/actor/x", 'Café "x" ’s', "https://w3id.org/newskg/id/graph/a1")]
