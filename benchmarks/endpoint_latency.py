"""Endpoint latency: `kg serve` (aiohttp + worker processes) next to `oxigraph serve-read-only`.

Both serve the same store on 127.0.0.1; the same small queries are sent one after another
(POST, JSON results) and the median and 95th-percentile times are printed, plus how long the
timeout takes to free a worker stuck on a cartesian product (time from the 503 answer).

    python benchmarks/endpoint_latency.py --store DIR [--n 200]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request

from kg.store.server import ReadOnlyServer, free_port, oxigraph_binary

QUERY = "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a <https://w3id.org/newskg/ns#Article> }"
ENDLESS = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


def ask(url: str, query: str) -> tuple[int, float]:
    data = urllib.parse.urlencode({"query": query}).encode()
    req = urllib.request.Request(url, data=data, headers={"Accept": "application/sparql-results+json"})
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=600) as resp:
            resp.read()
            status = resp.status
    except urllib.error.HTTPError as e:
        status = e.code
    return status, time.perf_counter() - start


def latencies(url: str, n: int) -> list[float]:
    ask(url, QUERY)
    return sorted(ask(url, QUERY)[1] * 1000 for _ in range(n))


def report(name: str, ms: list[float]) -> None:
    print(f"{name:<28} median {statistics.median(ms):6.2f} ms   p95 {ms[int(len(ms) * 0.95) - 1]:6.2f} ms")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", required=True)
    parser.add_argument("--n", type=int, default=200)
    args = parser.parse_args()
    port = free_port()
    proc = subprocess.Popen([oxigraph_binary(), "serve-read-only", "--location", args.store, "--bind",
                             f"127.0.0.1:{port}", "--union-default-graph"], stderr=subprocess.DEVNULL)
    try:
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.05)
        report("oxigraph serve-read-only", latencies(f"http://127.0.0.1:{port}/query", args.n))
    finally:
        proc.terminate()
        proc.wait()
    with ReadOnlyServer(args.store, port=free_port(), timeout_s=2) as server:
        report("kg serve", latencies(server.url, args.n))
        status, took = ask(server.url, ENDLESS)
        print(f"cartesian product with --timeout 2: HTTP {status} after {took:.2f} s")
        status, took = ask(server.url, QUERY)
        print(f"next query (a fresh worker may still be starting): HTTP {status} in {took * 1000:.0f} ms")


if __name__ == "__main__":
    main()
