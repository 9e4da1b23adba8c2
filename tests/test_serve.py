"""The read-only endpoint (kg.store.endpoint: aiohttp in front of pyoxigraph worker processes) on a
free 127.0.0.1 port: answers SPARQLWrapper and rdflib's SPARQLStore in every result format, refuses
updates and SERVICE, cancels queries past the timeout or abandoned by their client (their CPU
measured with psutil), gives HTTP errors; `kg serve` stops every child on SIGTERM/SIGINT/SIGKILL,
reports a busy port, and a served store refuses `kg ingest`."""

from __future__ import annotations

import signal
import subprocess
import sys
import urllib.error
from pathlib import Path

import pytest
from SPARQLWrapper import JSON, POST, SPARQLWrapper

from kg.errors import QueryError, StoreError
from kg.store import KGStore, open_store
from kg.store.server import ReadOnlyServer, free_port

ARTICLES = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://w3id.org/newskg/ns#Article> }"


@pytest.fixture(scope="module")
def server(sample_store_path: Path):  # type: ignore[no-untyped-def]
    with ReadOnlyServer(sample_store_path, port=free_port()) as srv:
        yield srv


def test_endpoint_answers_sparqlwrapper(server: ReadOnlyServer, sample_store: KGStore) -> None:
    client = SPARQLWrapper(server.url)
    client.setQuery(ARTICLES)
    client.setReturnFormat(JSON)
    rows = client.query().convert()["results"]["bindings"]  # type: ignore[index,call-overload]
    assert int(rows[0]["n"]["value"]) == sample_store.query(ARTICLES)[0]["n"] == 13  # type: ignore[index]
    assert server.url.startswith("http://127.0.0.1:")


def test_endpoint_refuses_updates(server: ReadOnlyServer) -> None:
    client = SPARQLWrapper(server.url, updateEndpoint=server.root + "update")
    client.setMethod(POST)
    client.setQuery("INSERT DATA { <http://ex.org/a> <http://ex.org/p> <http://ex.org/o> }")
    with pytest.raises(urllib.error.HTTPError) as refused:
        client.query()
    assert refused.value.code == 403
    remote = open_store(server.url)
    with pytest.raises(QueryError, match="403"):
        remote.update("INSERT DATA { <http://ex.org/a> <http://ex.org/p> <http://ex.org/o> }")
    assert remote.query(ARTICLES)[0]["n"] == 13  # type: ignore[index]


def test_serving_a_missing_store_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store here"):
        ReadOnlyServer(tmp_path / "nothing", port=free_port()).start()


def test_kg_serve_prints_the_url_and_stops_on_ctrl_c(sample_store_path: Path) -> None:
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-c", "from kg.cli.publish import serve_command; serve_command()",
                             "--store", str(sample_store_path), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        first = proc.stdout.readline()  # type: ignore[union-attr]
        assert first.strip() == f"SPARQL endpoint (read-only): http://127.0.0.1:{port}/query"
        client = SPARQLWrapper(f"http://127.0.0.1:{port}/query")
        client.setQuery("ASK { ?s ?p ?o }")
        client.setReturnFormat(JSON)
        assert client.query().convert()["boolean"] is True  # type: ignore[index,call-overload]
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=15)
    finally:
        proc.kill()
    assert proc.returncode == 0, err
    assert "stopped" in err and "Traceback" not in err
    with pytest.raises(OSError):  # the port is closed: the oxigraph child is gone too
        import socket

        socket.create_connection(("127.0.0.1", port), timeout=1).close()


# -- issue 14: the endpoint's own server (kg.store.endpoint) ---------------------------------

import socket  # noqa: E402
import time  # noqa: E402
import urllib.parse  # noqa: E402
import urllib.request  # noqa: E402

import psutil  # noqa: E402
from rdflib import Graph, URIRef  # noqa: E402
from rdflib.plugins.stores.sparqlstore import SPARQLStore  # noqa: E402

#: A cartesian product of the whole store with itself, three times: it never ends on its own.
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
KG = [sys.executable, "-m", "kg.cli"]


def http(url: str, *, query: str | None = None, accept: str = "*/*", data: bytes | None = None,
         content_type: str = "application/x-www-form-urlencoded", timeout: float = 60) -> tuple[int, str, bytes]:
    """(status, content type, body) of one request; HTTP errors are answers too."""
    if query is not None:
        data = urllib.parse.urlencode({"query": query}).encode()
    req = urllib.request.Request(url, data=data, headers={"Accept": accept, "Content-Type": content_type})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read()
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read()


def cpu_seconds(procs: list[psutil.Process]) -> float:
    total = 0.0
    for p in procs:
        try:
            t = p.cpu_times()
            total += t.user + t.system
        except psutil.NoSuchProcess:
            continue
    return total


def busy_descendants(pid: int) -> list[psutil.Process]:
    """Processes under ``pid`` (the endpoint process and its workers)."""
    return [psutil.Process(pid), *psutil.Process(pid).children(recursive=True)]


def assert_idle_after_cancel(server: ReadOnlyServer, before: list[psutil.Process]) -> None:
    """The processes that ran the cancelled query use (almost) no CPU now; the busy one is gone."""
    window_start = cpu_seconds(before)
    time.sleep(1.5)  # a measuring window, not an assertion on time
    used = cpu_seconds(before) - window_start
    assert used < 0.5, f"{used:.2f} s of CPU in 1.5 s: the cancelled query still runs"


@pytest.fixture(scope="module")
def short_timeout(sample_store_path: Path):  # type: ignore[no-untyped-def]
    with ReadOnlyServer(sample_store_path, port=free_port(), timeout_s=2) as srv:
        yield srv


def test_a_query_past_the_timeout_is_an_http_error_and_stops_using_cpu(short_timeout: ReadOnlyServer) -> None:
    before = busy_descendants(short_timeout.process.pid)  # type: ignore[union-attr]
    status, ctype, body = http(short_timeout.url, query=ENDLESS, accept="text/csv")
    assert status == 503 and ctype.startswith("text/plain")
    assert b"longer than 2 s" in body and b"--timeout" in body
    assert_idle_after_cancel(short_timeout, before)
    gone = [p for p in before if not p.is_running()]
    assert len(gone) == 1, "the worker that ran the query is killed"
    # A new worker takes its place: the endpoint still answers.
    assert http(short_timeout.url, query=ARTICLES, accept="text/csv")[2].split() == [b"n", b"13"]


def test_a_query_abandoned_by_its_client_stops_using_cpu(sample_store_path: Path) -> None:
    with ReadOnlyServer(sample_store_path, port=free_port(), timeout_s=600) as srv:
        before = busy_descendants(srv.process.pid)  # type: ignore[union-attr]
        start = cpu_seconds(before)
        with pytest.raises(OSError):  # the client gives up (socket timeout) and closes the connection
            urllib.request.urlopen(urllib.request.Request(
                srv.url, data=urllib.parse.urlencode({"query": ENDLESS}).encode()), timeout=2)
        assert cpu_seconds(before) - start > 0.2, "the query was running"
        busy = [p for p in before if p.is_running()]
        psutil.wait_procs([p for p in busy if p.pid != srv.process.pid], timeout=30)  # type: ignore[union-attr]
        assert_idle_after_cancel(srv, before)
        assert sum(not p.is_running() for p in before) == 1


def test_errors_are_http_errors_with_a_readable_body(server: ReadOnlyServer) -> None:
    status, ctype, body = http(server.url, query="SELECT * WHERE { ?s ?p }", accept="text/csv")
    assert status == 400 and b"syntax error at 1:" in body and ctype.startswith("text/plain")
    assert http(server.url, query=ARTICLES, accept="image/png")[0] == 406
    assert http(server.root + "query?foo=1")[0] == 400
    assert http(server.url, data=b"x", content_type="text/plain")[0] == 415
    client = SPARQLWrapper(server.url)
    client.setQuery("SELECT * WHERE { ?s ?p }")
    client.setReturnFormat("csv")
    with pytest.raises(Exception, match="(?i)bad|400"):
        client.query()
    with pytest.raises(QueryError, match="SPARQL syntax error"):
        open_store(server.url).query("SELECT * WHERE { ?s ?p }")


@pytest.mark.parametrize("accept, start", [
    ("application/sparql-results+json", b'{"head"'), ("application/sparql-results+xml", b"<?xml"),
    ("text/csv", b"n\r\n13"), ("text/tab-separated-values", b"?n\n"),
])
def test_select_results_in_every_format(server: ReadOnlyServer, accept: str, start: bytes) -> None:
    status, ctype, body = http(server.url, query=ARTICLES, accept=accept)
    assert status == 200 and ctype.startswith(accept) and body.startswith(start), body[:200]


@pytest.mark.parametrize("accept", ["text/turtle", "application/n-triples", "application/rdf+xml",
                                    "application/ld+json"])
def test_construct_results_in_rdf_formats(server: ReadOnlyServer, accept: str) -> None:
    query = "CONSTRUCT { ?a a <https://w3id.org/newskg/ns#Article> } WHERE { ?a a <https://w3id.org/newskg/ns#Article> }"
    status, ctype, body = http(server.url, query=query, accept=accept)
    assert status == 200 and ctype.startswith(accept)
    fmt = {"text/turtle": "turtle", "application/n-triples": "nt", "application/rdf+xml": "xml",
           "application/ld+json": "json-ld"}[accept]
    assert len(Graph().parse(data=body, format=fmt)) == 13


def test_get_and_sparql_query_post_and_rdflib_sparqlstore(server: ReadOnlyServer) -> None:
    assert http(server.url + "?" + urllib.parse.urlencode({"query": ARTICLES}), accept="text/csv")[2] == b"n\r\n13\r\n"
    assert http(server.url, data=ARTICLES.encode(), content_type="application/sparql-query",
                accept="text/csv")[2] == b"n\r\n13\r\n"
    graph = Graph(store=SPARQLStore(server.url))
    assert int(next(iter(graph.query(ARTICLES)))[0]) == 13  # type: ignore[index]
    built = graph.query("CONSTRUCT { ?a a <https://w3id.org/newskg/ns#Article> } "
                        "WHERE { ?a a <https://w3id.org/newskg/ns#Article> }")
    assert len(built.graph) == 13  # type: ignore[arg-type]
    assert all(isinstance(s, URIRef) for s in built.graph.subjects())  # type: ignore[union-attr]


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:PORT/q> { ?s ?p ?o } }",
    "SELECT * WHERE { service SILENT <http://127.0.0.1:PORT/q> { ?s ?p ?o } }",
    "SELECT * WHERE { \\u0053ERVICE <http://127.0.0.1:PORT/q> { ?s ?p ?o } }",
])
def test_service_is_refused_and_no_request_leaves(server: ReadOnlyServer, query: str) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = listener.getsockname()[1]
        status, _, body = http(server.url, query=query.replace("PORT", str(port)), timeout=20)
        assert status == 400 and b"SERVICE is refused" in body and b"--allow-service" in body
        listener.setblocking(False)
        with pytest.raises(BlockingIOError):  # nobody knocked
            listener.accept()


def test_service_works_when_allowed(sample_store_path: Path, server: ReadOnlyServer) -> None:
    with ReadOnlyServer(sample_store_path, port=free_port(), allow_service=True) as federating:
        query = f"SELECT ?n WHERE {{ SERVICE <{server.url}> {{ {ARTICLES} }} }}"
        assert http(federating.url, query=query, accept="text/csv")[2].split() == [b"n", b"13"]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT, signal.SIGKILL])
def test_stopping_kg_serve_stops_every_child(sample_store_path: Path, signum: int) -> None:
    port = free_port()
    proc = subprocess.Popen([*KG, "serve", "--store", str(sample_store_path), "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().startswith("SPARQL endpoint")  # type: ignore[union-attr]
        children = psutil.Process(proc.pid).children(recursive=True)
        assert children
        proc.send_signal(signum)
        proc.wait(timeout=30)
        _, alive = psutil.wait_procs(children, timeout=30)
    finally:
        proc.kill()
    assert alive == [], f"orphaned: {[p.cmdline() for p in alive]}"
    if signum != signal.SIGKILL:
        assert proc.returncode == 0 and "Traceback" not in proc.stderr.read()  # type: ignore[union-attr]


def test_a_busy_port_is_an_error(sample_store_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(StoreError, match="port is in use"):
            ReadOnlyServer(sample_store_path, port=port).start()
        done = subprocess.run([*KG, "serve", "--store", str(sample_store_path), "--port", str(port)],
                              capture_output=True, text=True, timeout=120)
    assert done.returncode == 3 and "port is in use" in done.stderr and "Traceback" not in done.stderr
    assert "SPARQL endpoint" not in done.stdout


def test_ingest_into_a_served_store_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with open_store(path) as store:
        store.update("INSERT DATA { GRAPH <http://ex.org/g> { <http://ex.org/a> <http://ex.org/p> 1 } }")
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Heiko Maas spoke in Berlin."}\n')
    with ReadOnlyServer(path, port=free_port()):
        done = subprocess.run([*KG, "ingest", str(src), "--store", str(path), "-q"], capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 3, done.stderr
        assert "being served by `kg serve`" in done.stderr and "Traceback" not in done.stderr
    with open_store(path) as store:  # stopped: writable again
        assert len(store) == 1


def test_a_stale_served_marker_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with open_store(path):
        pass
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    (path / f".kg-served-{dead.stdout.strip()}").touch()
    with open_store(path) as store:
        assert len(store) == 0


def test_serving_a_store_being_written_is_refused(tmp_path: Path) -> None:
    with open_store(tmp_path / "store"):
        with pytest.raises(StoreError, match="open for writing in another process"):
            ReadOnlyServer(tmp_path / "store", port=free_port()).start()


def test_graph_store_protocol_reads_and_refuses_changes(server: ReadOnlyServer, sample_store: KGStore) -> None:
    status, ctype, body = http(server.root + "store", accept="application/n-quads")
    assert status == 200 and ctype.startswith("application/n-quads")
    assert len(body.splitlines()) == len(sample_store)
    graph = sample_store.graphs()[0]
    status, _, body = http(server.root + "store?" + urllib.parse.urlencode({"graph": graph}), accept="text/turtle")
    assert status == 200 and len(Graph().parse(data=body, format="turtle")) == len(list(sample_store.quads(graph)))
    assert http(server.root + "store?graph=http://ex.org/none")[0] == 404
    assert http(server.root + "store", data=b"<a:a> <a:b> <a:c> .", content_type="application/n-triples")[0] == 403
