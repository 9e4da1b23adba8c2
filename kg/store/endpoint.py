"""The read-only SPARQL 1.1 endpoint behind ``kg serve``: an aiohttp server in front of worker
processes that each hold the store open read-only and run one query at a time.

Why not ``oxigraph serve-read-only`` alone: it cannot cancel a running query, reports errors
inside HTTP 200 bodies and lets ``SERVICE`` reach any address. Here a query that runs past the
timeout, or whose client goes away, has its worker process killed (so it stops using CPU) and
replaced; errors are HTTP errors with a plain-text body (400 syntax, 403 updates, 406 no
acceptable format, 503 timeout, 500 failure); ``SERVICE`` is refused with 400 unless allowed.

The protocol is SPARQL 1.1's: ``GET /query?query=...``, ``POST`` form or
``application/sparql-query``, ``default-graph-uri`` / ``named-graph-uri``, and Oxigraph's
``union-default-graph``; results in JSON, XML, CSV or TSV and graphs in any RDF syntax
Oxigraph writes, chosen by the ``Accept`` header; the Graph Store Protocol for reading
(``GET /store`` the whole store as N-Quads, ``?graph=IRI`` one graph; changes 403). Run it with ``python -m kg.store.endpoint``
(:class:`kg.store.server.ReadOnlyServer` does): it prints ``ready URL`` once it listens.

>>> uses_service('SELECT * WHERE { SERVICE <http://127.0.0.1:9/q> { ?s ?p ?o } }')
True
>>> uses_service('SELECT ?service WHERE { ?s <http://ex.org/SERVICE> "SERVICE" # SERVICE\\n }')
False
>>> negotiate("text/csv;q=0.5, application/sparql-results+json", graph=False).name
'SPARQL Results in JSON'
"""

from __future__ import annotations

import argparse
import asyncio
import ctypes
import multiprocessing
import os
import re
import signal
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox
from aiohttp import web

from kg.errors import StoreLockedError
from kg.store.server import DEFAULT_TIMEOUT_S, served_marker

__all__ = ["uses_service", "negotiate", "DEFAULT_TIMEOUT_S"]


_ESCAPE = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")
# Strings, IRIs and comments: where the word SERVICE is not the keyword.
_NOT_CODE = re.compile(r'"""(?:[^"\\]|\\.|"(?!""))*"""|\'\'\'(?:[^\'\\]|\\.|\'(?!\'\'))*\'\'\''
                       r'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>"{}|^`\\\x00-\x20]*>|#[^\n]*')
_SERVICE = re.compile(r"(?<![\w?$:])SERVICE(?![\w:-])", re.IGNORECASE)


def uses_service(query: str) -> bool:
    """Whether a SPARQL query holds the ``SERVICE`` keyword (outside strings, IRIs, comments)."""
    text = _ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), query)
    return bool(_SERVICE.search(_NOT_CODE.sub(" ", text)))


def negotiate(accept: str, *, graph: bool) -> ox.QueryResultsFormat | ox.RdfFormat | None:
    """The format for an ``Accept`` header: solutions (``graph=False``) or triples; None if none fits.

    >>> negotiate("application/rdf+xml", graph=True).name, negotiate("*/*", graph=True).name
    ('RDF/XML', 'N-Triples')
    >>> negotiate("image/png", graph=False) is None, negotiate("csv, */*", graph=False).name
    (True, 'SPARQL Results in CSV')
    """
    default = ox.RdfFormat.N_TRIPLES if graph else ox.QueryResultsFormat.JSON
    ranked = []
    for i, part in enumerate(accept.split(",") if accept.strip() else ["*/*"]):
        media, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for param in params:
            if param.startswith("q="):
                try:
                    q = float(param[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, i, media.lower()))
    for _, _, media in sorted(ranked):
        if media in ("*/*", "*", "application/*", "text/*"):
            return default
        kind = ox.RdfFormat if graph else ox.QueryResultsFormat
        found = kind.from_media_type(media) if "/" in media else kind.from_extension(media)
        if found is not None:
            return found
    return None


# -- worker processes ---------------------------------------------------------------------

@dataclass
class Job:
    """One query for a worker."""

    query: str | None
    accept: str
    union: bool = True
    default_graphs: list[str] = field(default_factory=list)
    named_graphs: list[str] = field(default_factory=list)
    #: a Graph Store Protocol read: ``query`` is the graph IRI ("" default graph, None all graphs)
    graph_store: bool = False


def _die_with_parent(parent: int) -> None:
    """Ask Linux to kill this process when its parent dies (``prctl(PR_SET_PDEATHSIG)``)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:
        os._exit(1)


def _work(location: str, conn: Connection, parent: int) -> None:
    """A worker's life: open the store read-only, then answer jobs until the pipe closes."""
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        store = ox.Store.read_only(location)
    except OSError as e:
        conn.send((500, "text/plain", f"{location}: cannot open the store: {e}".encode()))
        return
    conn.send((200, "text/plain", b"ready"))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        conn.send(_answer(store, job))


def _graph_store(store: ox.Store, job: Job) -> tuple[int, str, bytes]:
    """Graph Store Protocol GET: one graph (``job.query`` is its IRI, ``""`` the default graph) or,
    for ``None``, the whole dataset as N-Quads or TriG."""
    if job.query is None:
        fmt = negotiate(job.accept.replace("*/*", "application/n-quads"), graph=True)
        if fmt is None or not fmt.supports_datasets:
            return 406, "text/plain", b"the whole store comes as application/n-quads or application/trig"
        return 200, fmt.media_type, ox.serialize(store.quads_for_pattern(None, None, None), format=fmt)
    name = ox.NamedNode(job.query) if job.query else ox.DefaultGraph()
    if job.query and not store.contains_named_graph(name):
        return 404, "text/plain", f"no graph <{job.query}> in the store".encode()
    fmt = negotiate(job.accept, graph=True)
    if fmt is None:
        return 406, "text/plain", f"no RDF format for Accept: {job.accept}".encode()
    triples = (ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, name))
    return 200, fmt.media_type, ox.serialize(triples, format=fmt)


def _answer(store: ox.Store, job: Job) -> tuple[int, str, bytes]:
    """Run one job: (HTTP status, content type, body)."""
    try:
        if job.graph_store:
            return _graph_store(store, job)
        kwargs: dict[str, Any] = {"use_default_graph_as_union": job.union and not job.default_graphs}
        if job.default_graphs:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in job.default_graphs]
        if job.named_graphs:
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in job.named_graphs]
        result = store.query(job.query, **kwargs)
        fmt = negotiate(job.accept, graph=isinstance(result, ox.QueryTriples))
        if fmt is None:
            kinds = "RDF (text/turtle, application/n-triples, ...)" if isinstance(result, ox.QueryTriples) \
                else "application/sparql-results+json, +xml, text/csv, text/tab-separated-values"
            return 406, "text/plain", f"no acceptable format for Accept: {job.accept} (this query gives {kinds})".encode()
        return 200, fmt.media_type, result.serialize(format=fmt)  # type: ignore[arg-type]
    except SyntaxError as e:
        return 400, "text/plain", f"SPARQL syntax {e}".encode()
    except ValueError as e:
        return 400, "text/plain", f"bad request: {e}".encode()
    except OSError as e:
        return 500, "text/plain", f"query failed: {e}".encode()


class Worker:
    """A worker process and the parent's end of its pipe."""

    def __init__(self, location: str) -> None:
        ctx = multiprocessing.get_context("spawn")
        self.conn, child = ctx.Pipe()
        self.process = ctx.Process(target=_work, args=(str(location), child, os.getpid()), daemon=True)
        self.process.start()
        child.close()

    def ready(self) -> None:
        """Block until the store is open in the worker; raise RuntimeError if it could not be."""
        try:
            status, _, body = self.conn.recv()
        except (EOFError, OSError) as e:
            raise RuntimeError(f"a worker process ended while opening the store (exit {self.process.exitcode})") from e
        if status != 200:
            raise RuntimeError(body.decode())

    def call(self, job: Job) -> tuple[int, str, bytes]:
        """Send a job, block for its answer (EOFError when the worker was killed)."""
        self.conn.send(job)
        return self.conn.recv()  # type: ignore[no-any-return]

    def kill(self) -> None:
        """Stop the worker now (SIGKILL): a running query stops using CPU at once."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join()
        self.conn.close()


class Pool:
    """Idle workers in a queue; a cancelled or timed-out query kills its worker, a new one replaces it."""

    def __init__(self, location: str, size: int) -> None:
        self.location, self.size = location, size
        self.idle: asyncio.Queue[Worker] = asyncio.Queue()
        self.workers: set[Worker] = set()
        self.threads = ThreadPoolExecutor(max_workers=2 * size + 2, thread_name_prefix="kg-endpoint")
        self.closing = False
        self._respawns: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        await asyncio.gather(*(self._spawn() for _ in range(self.size)))

    async def _spawn(self) -> None:
        worker = Worker(self.location)  # started from the event loop's thread (see _die_with_parent)
        self.workers.add(worker)
        try:
            await asyncio.get_running_loop().run_in_executor(self.threads, worker.ready)
        except BaseException:
            self._drop(worker)
            raise
        self.idle.put_nowait(worker)

    async def _respawn(self) -> None:
        """Replace a killed worker; a failure is reported, not raised (the others still serve)."""
        try:
            await self._spawn()
        except Exception as e:
            if not self.closing:
                print(f"kg serve: a new worker could not start: {e}", file=sys.stderr, flush=True)

    def _drop(self, worker: Worker) -> None:
        self.workers.discard(worker)
        worker.kill()

    async def run(self, job: Job) -> tuple[int, str, bytes]:
        """Run a job on an idle worker; on cancellation (timeout, client gone) kill that worker."""
        worker = await self.idle.get()
        try:
            answer = await asyncio.get_running_loop().run_in_executor(self.threads, worker.call, job)
        except BaseException as e:
            self._drop(worker)
            if not self.closing:
                self._respawns.add(asyncio.get_running_loop().create_task(self._respawn()))
                for task in [t for t in self._respawns if t.done()]:
                    self._respawns.discard(task)
            if isinstance(e, (EOFError, OSError)):
                return 500, "text/plain", b"the query ended its worker process (out of memory?)"
            raise
        self.idle.put_nowait(worker)
        return answer

    def close(self) -> None:
        self.closing = True
        for task in self._respawns:
            task.cancel()
        for worker in list(self.workers):
            self._drop(worker)
        self.threads.shutdown(wait=False, cancel_futures=True)


# -- the HTTP side ------------------------------------------------------------------------

_FORM = """<!doctype html><meta charset="utf-8"><title>newskg SPARQL endpoint</title>
<h1>newskg SPARQL endpoint (read-only)</h1>
<form method="post" action="query"><textarea name="query" rows="12" cols="100">
SELECT ?s ?p ?o WHERE { ?s ?p ?o } LIMIT 10</textarea><br>
<select name="format"><option>application/sparql-results+json</option><option>text/csv</option>
<option>text/tab-separated-values</option><option>application/sparql-results+xml</option></select>
<button>Run</button></form>
"""


def _error(status: int, message: str) -> web.Response:
    return web.Response(status=status, text=message.rstrip("\n") + "\n", content_type="text/plain")


class Endpoint:
    """The aiohttp application: ``/`` (a form), ``/query``, ``/update`` (always 403)."""

    def __init__(self, location: str, *, union: bool, timeout_s: float, allow_service: bool, workers: int) -> None:
        self.pool = Pool(location, workers)
        self.union, self.timeout_s, self.allow_service = union, timeout_s, allow_service
        self.app = web.Application()
        self.app.router.add_get("/", self.form)
        self.app.router.add_route("*", "/query", self.query)
        self.app.router.add_route("*", "/update", self.update)
        self.app.router.add_route("*", "/store", self.graph_store)

    async def form(self, request: web.Request) -> web.Response:
        return web.Response(text=_FORM, content_type="text/html")

    async def update(self, request: web.Request) -> web.Response:
        return _error(403, "updates are refused: this endpoint is read-only (kg serve)")

    async def graph_store(self, request: web.Request) -> web.Response:
        """Graph Store Protocol, reading only: ``GET /store[?graph=IRI|?default]``."""
        if request.method not in ("GET", "HEAD"):
            return _error(403, "changes are refused: this endpoint is read-only (kg serve)")
        graph = request.query.get("graph")
        job = Job(graph if graph is not None else ("" if "default" in request.query else None),
                  request.headers.get("Accept", "*/*"), graph_store=True)
        return await self._run(job)

    async def _run(self, job: Job) -> web.Response:
        try:
            status, ctype, body = await asyncio.wait_for(self.pool.run(job), self.timeout_s)
        except asyncio.TimeoutError:
            return _error(503, f"query cancelled: it ran longer than {self.timeout_s:g} s "
                               "(the endpoint's timeout; kg serve --timeout SECONDS)")
        if status != 200:
            return _error(status, body.decode("utf-8", "replace"))
        return web.Response(status=200, body=body, headers={"Content-Type": ctype})

    async def query(self, request: web.Request) -> web.StreamResponse:
        params = request.query
        if request.method == "POST":
            ctype = request.content_type
            if ctype == "application/x-www-form-urlencoded":
                params = await request.post()  # type: ignore[assignment]
            elif ctype == "application/sparql-query":
                params = request.query.copy()  # type: ignore[assignment]
                params.add("query", await request.text())  # type: ignore[attr-defined]
            else:
                return _error(415, f"POST a query as application/x-www-form-urlencoded or "
                                   f"application/sparql-query, not {ctype or 'no content type'}")
        elif request.method != "GET":
            return _error(405, "use GET or POST for SPARQL queries")
        if "update" in params:
            return _error(403, "updates are refused: this endpoint is read-only (kg serve)")
        queries = params.getall("query", [])
        if len(queries) != 1:
            return _error(400, "give exactly one 'query' parameter (SPARQL 1.1 protocol)")
        text = str(queries[0])
        if not self.allow_service and uses_service(text):
            return _error(400, "SERVICE is refused: this endpoint does not send requests to other servers "
                               "(start it with `kg serve --allow-service` to allow federated queries)")
        accept = request.headers.get("Accept", "*/*")
        if params.get("format"):  # the form's (and SPARQLWrapper's) choice comes first
            accept = f"{params['format']}, {accept}"
        job = Job(text, accept, self.union or "union-default-graph" in params,
                  [str(g) for g in params.getall("default-graph-uri", [])],
                  [str(g) for g in params.getall("named-graph-uri", [])])
        return await self._run(job)


async def _serve(args: argparse.Namespace) -> int:
    endpoint = Endpoint(args.location, union=args.union, timeout_s=args.timeout, allow_service=args.allow_service,
                        workers=args.workers)
    runner = web.AppRunner(endpoint.app, handler_cancellation=True, access_log=None)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        loop.add_signal_handler(signum, stop.set)
    try:
        _check_no_writer(args.location)
        await endpoint.pool.start()
        await runner.setup()
        site = web.TCPSite(runner, args.bind, args.port, reuse_address=False)
        try:
            await site.start()
        except OSError as e:
            print(f"cannot listen on {args.bind} port {args.port}: {e.strerror or e}"
                  + (" (the port is in use: stop the other server or choose another --port)"
                     if e.errno in (98, 48) else ""), file=sys.stderr, flush=True)
            return 3
        host = f"[{args.bind}]" if ":" in args.bind else args.bind
        print(f"ready http://{host}:{args.port}/query", flush=True)
        parent = os.getppid()
        while not stop.is_set():  # also stop when the parent (kg serve) is gone
            try:
                await asyncio.wait_for(stop.wait(), 0.5)
            except asyncio.TimeoutError:
                if os.getppid() != parent:
                    break
        return 0
    except (RuntimeError, StoreLockedError) as e:
        print(str(e), file=sys.stderr, flush=True)
        return 3
    finally:
        endpoint.pool.close()
        await runner.cleanup()


def main(argv: list[str] | None = None) -> int:
    """Run the endpoint until SIGTERM or SIGINT (the process behind ``kg serve``)."""
    parser = argparse.ArgumentParser(prog="python -m kg.store.endpoint")
    parser.add_argument("--location", required=True)
    parser.add_argument("--bind", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7878)
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--no-union", dest="union", action="store_false")
    parser.add_argument("--allow-service", action="store_true")
    args = parser.parse_args(argv)
    with served_marker(args.location):
        return asyncio.run(_serve(args))


def _check_no_writer(location: str) -> None:
    """Refuse to serve a store that a writer (``kg ingest``) holds open: the endpoint would
    serve a snapshot of a half-written store. Trying to take the write lock tells."""
    try:
        probe = ox.Store(location)
    except OSError as e:
        if "lock" in str(e).lower():
            raise StoreLockedError(f"{location}: the store is open for writing in another process (kg ingest?); "
                                   "serve it when the writer is done") from e
        return  # e.g. a read-only folder: no writer can hold it either
    del probe


if __name__ == "__main__":
    sys.exit(main())
