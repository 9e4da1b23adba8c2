"""The read-only endpoint: the real `oxigraph serve-read-only` on a free 127.0.0.1 port answers
SPARQLWrapper, refuses updates; `kg serve` prints the URL and stops cleanly on Ctrl-C."""

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
