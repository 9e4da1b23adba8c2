"""Sorted, streaming export of a store's quads, with canonical blank-node labels.

With graphs kept, an on-disk store is read graph by graph through Oxigraph's own N-Triples
dump of each graph (:func:`sorted_lines`: a graph's lines sorted in memory, so memory holds
the largest graph, never the store). Otherwise (the union of all graphs, or a store behind a
server) quads are written as text records into sorted chunk files (an external merge sort: at
most ``chunk_size`` records in memory at a time) and merged with :func:`heapq.merge`, so
memory stays flat whatever the store's size. Blank nodes get RDFC-1.0 canonical labels
(``c14n0``, ``c14n1``, ...), so the same data gives the same bytes; the quads that touch a
blank node are held in memory to label them (the ontology's few lists, nothing per article).

Records come out ordered by graph, subject, predicate, object (or subject, predicate,
object when ``union=True``, which also merges duplicates across graphs).

>>> import tempfile
>>> from kg.store import open_store
>>> with open_store(tempfile.mkdtemp()) as store:
...     store.update('INSERT DATA { GRAPH <http://ex.org/g> { <http://ex.org/b> <http://ex.org/p> "x", [] .'
...                  ' <http://ex.org/a> <http://ex.org/p> 1 } }')
...     for quad in sorted_quads(store):
...         print(*quad)
<http://ex.org/a> <http://ex.org/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> <http://ex.org/g>
<http://ex.org/b> <http://ex.org/p> "x" <http://ex.org/g>
<http://ex.org/b> <http://ex.org/p> _:c14n0 <http://ex.org/g>
"""

from __future__ import annotations

import heapq
import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import ExitStack
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from kg.atomic import temp_folder

if TYPE_CHECKING:
    from kg.store import KGStore

__all__ = ["Quad", "sorted_quads", "sorted_lines", "raw_quads"]

#: ``(subject, predicate, object, graph)`` as N-Triples terms; graph is None for the default graph.
Quad = tuple[str, str, str, "str | None"]

#: Sort key stand-in for the default graph (sorts before ``<`` and ``_``).
_DEFAULT = "*"


def raw_quads(store: "KGStore", *, graph: str | None = None) -> Iterator[Quad]:
    """The store's quads in its own order, as N-Triples terms (graph None = default graph).

    >>> import tempfile
    >>> from kg.store import open_store
    >>> with open_store(tempfile.mkdtemp()) as store:
    ...     store.update('INSERT DATA { <http://ex.org/a> <http://ex.org/p> "a b" }')
    ...     list(raw_quads(store))
    [('<http://ex.org/a>', '<http://ex.org/p>', '"a b"', None)]
    """
    return store.quads(graph)


def sorted_quads(store: "KGStore", *, graph: str | None = None, union: bool = False,
                 chunk_size: int = 200_000, tmp_dir: str | os.PathLike[str] | None = None) -> Iterator[Quad]:
    """The store's quads, sorted, each once, with canonical blank-node labels.

    :param graph: only this named graph.
    :param union: drop graph names (yield None) and merge quads that differ only by graph.
    :param chunk_size: records sorted in memory before spilling to a temporary file.
    """
    if union or not store.dumps_by_graph:
        yield from sort_quads(raw_quads(store, graph=graph), union=union, chunk_size=chunk_size, tmp_dir=tmp_dir)
        return
    for g, lines in sorted_lines(store, graph=graph):
        for line in lines:
            s, p, o, _ = _quad_of(line)
            yield s, p, o, g


def sorted_lines(store: "KGStore", *, graph: str | None = None) -> Iterator[tuple[str | None, list[str]]]:
    """What :func:`sorted_quads` gives (graphs kept), graph by graph: ``(graph term, sorted
    N-Triples lines)``, read from the store's own N-Triples dump of each graph (much faster than
    quad by quad). A line sorts as its terms do: terms hold no raw space but in the literal,
    which comes last, and nothing sorts below the space before the final dot. Memory holds one
    graph at a time. Blank nodes get canonical labels per graph, numbered on from graph to graph.

    :raises ValueError: a store behind a server (use :func:`sorted_quads`).
    """
    dumps = store.graph_dumps(graph)
    if dumps is None:
        raise ValueError(f"{store.location}: a store behind a server cannot dump graph by graph")
    labels = 0  # blank-node labels used so far
    for g, data in _prefetched(sorted(dumps, key=lambda d: _DEFAULT if d[0] is None else f"<{d[0]}>")):
        term = None if g is None else f"<{g}>"
        text = data.decode("utf-8")
        lines = text.splitlines(keepends=True)
        if "_:" in text:
            quads = [(line, _quad_of(line)) for line in lines]
            blank = [(s, p, o, term) for _, (s, p, o, _) in quads if s.startswith("_:") or o.startswith("_:")]
            canonical = [f"{s} {p} {o} .\n" for s, p, o, _ in _canonical(blank, first=labels)]
            labels += len({t for line in canonical for t in line.split(" ") if t.startswith("_:")})
            lines = [line for line, (s, _, o, _) in quads if not (s.startswith("_:") or o.startswith("_:"))]
            lines += canonical
        lines.sort()
        yield term, lines


def _prefetched(dumps: list[tuple[str | None, Callable[[], bytes]]], *, ahead: int = 4
                ) -> Iterator[tuple[str | None, bytes]]:
    """Each graph's dump, in order, the next ones made on two threads meanwhile (the store
    dumps without the GIL); at most ``ahead`` graphs wait in memory."""
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="newskg-dump") as pool:
        waiting: deque[tuple[str | None, Future[bytes]]] = deque()
        for g, dump in dumps:
            waiting.append((g, pool.submit(dump)))
            if len(waiting) > ahead:
                g0, done = waiting.popleft()
                yield g0, done.result()
        while waiting:
            g0, done = waiting.popleft()
            yield g0, done.result()


def _quad_of(line: str) -> Quad:
    s, p, rest = line.split(" ", 2)
    return s, p, rest[:-3], None


def sort_quads(quads: Iterable[Quad], *, union: bool = False, chunk_size: int = 200_000,
               tmp_dir: str | os.PathLike[str] | None = None) -> Iterator[Quad]:
    """Sort N-Triples term quads with bounded memory (see :func:`sorted_quads`).

    >>> q = [("<http://ex.org/b>", "<http://ex.org/p>", '"1"', "<http://ex.org/g>"),
    ...      ("<http://ex.org/b>", "<http://ex.org/p>", '"1"', "<http://ex.org/h>"),
    ...      ("<http://ex.org/a>", "<http://ex.org/p>", '"2"', "<http://ex.org/h>")]
    >>> [(s[-2], g[-2]) for s, p, o, g in sort_quads(q)]
    [('b', 'g'), ('a', 'h'), ('b', 'h')]
    >>> [(s[-2], g) for s, p, o, g in sort_quads(q, union=True, chunk_size=1)]
    [('a', None), ('b', None)]
    """
    with ExitStack() as stack, temp_folder(dir=tmp_dir, prefix="kg-sort") as tmp:
        chunk: list[str] = []
        files: list[Path] = []
        blank: list[Quad] = []
        for s, p, o, g in quads:
            if s.startswith("_:") or o.startswith("_:") or (g or "").startswith("_:"):
                blank.append((s, p, o, None if union else g))
                continue
            chunk.append(_record(s, p, o, g, union))
            if len(chunk) >= chunk_size:
                files.append(_spill(chunk, Path(tmp) / f"{len(files)}.txt"))
                chunk = []
        chunk.extend(_record(s, p, o, g, union) for s, p, o, g in _canonical(blank))
        chunk.sort()
        streams: list[Iterable[str]] = [chunk]
        for path in files:
            handle = stack.enter_context(path.open(encoding="utf-8", newline="\n"))
            streams.append(line.rstrip("\n") for line in handle)
        previous = None
        for record in heapq.merge(*streams):
            if record != previous:
                yield _unrecord(record, union)
            previous = record


def _record(s: str, p: str, o: str, g: str | None, union: bool) -> str:
    # Terms never hold a raw space except inside the object literal, which comes last.
    return f"{s} {p} {o}" if union else f"{g or _DEFAULT} {s} {p} {o}"


def _unrecord(record: str, union: bool) -> Quad:
    if union:
        s, p, o = record.split(" ", 2)
        return s, p, o, None
    g, s, p, o = record.split(" ", 3)
    return s, p, o, (None if g == _DEFAULT else g)


def _spill(chunk: list[str], path: Path) -> Path:
    chunk.sort()
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for record in chunk:
            out.write(record)
            out.write("\n")
    return path


def _canonical(quads: list[Quad], *, first: int = 0) -> list[Quad]:
    """Relabel blank nodes with RDFC-1.0 canonical labels (deterministic for the same data),
    numbered from ``first``."""
    if not quads:
        return []
    text = "".join(f"{s} {p} {o}{' ' + g if g else ''} .\n" for s, p, o, g in quads)
    dataset = ox.Dataset(ox.parse(text, format=ox.RdfFormat.N_QUADS))
    dataset.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)

    def term(t: object) -> str:
        text = str(t)
        return f"_:c14n{int(text[6:]) + first}" if first and text.startswith("_:c14n") else text
    out = []
    for q in dataset:
        name = q.graph_name
        out.append((term(q.subject), str(q.predicate), term(q.object),
                    None if isinstance(name, ox.DefaultGraph) else str(name)))
    return out
