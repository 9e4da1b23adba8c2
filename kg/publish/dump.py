"""Dumps of a store: N-Quads, N-Triples, TriG, Turtle, JSON-LD; sorted, streaming, byte-stable.

All formats read one sorted stream of quads (:func:`kg.store.export.sorted_quads`), so two
dumps of the same store are byte-identical; N-Quads of an on-disk store are written a graph
at a time from Oxigraph's own dump of each graph (:func:`kg.store.export.sorted_lines`),
N-Triples, Turtle and TriG a statement at a time. JSON-LD is
written one named graph at a time (each graph is framed with rdflib against
``ontology/context.jsonld``), so its memory grows with the largest graph, not the store.
Without ``graph``, N-Triples and Turtle hold the union of all graphs (duplicates merged).

>>> import io, tempfile
>>> from kg.store import open_store
>>> with open_store(tempfile.mkdtemp()) as store:
...     store.update('INSERT DATA { GRAPH <https://w3id.org/newskg/id/graph/a1> {'
...                  ' <https://w3id.org/newskg/id/actor/x> a <https://w3id.org/newskg/ns#Person> } }')
...     out = io.BytesIO()
...     write_dump(store, out, format="trig")
1
>>> print(out.getvalue().decode().split("\\n\\n", 1)[1].strip())
<https://w3id.org/newskg/id/graph/a1> {
    <https://w3id.org/newskg/id/actor/x> a nkg:Person .
}
"""

from __future__ import annotations

import gzip
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import ExitStack, contextmanager
from functools import lru_cache
from itertools import groupby
from typing import IO, Any

from kg.atomic import atomic_file
from kg.ontology import ontology_text
from kg.rdf.terms import curie, iri, rdflib_graph, read_term
from kg.store import KGStore
from kg.store.export import Quad, sorted_lines, sorted_quads
from kg.vocab import NIF, PREFIXES, RDF

__all__ = ["FORMATS", "EXTENSIONS", "write_dump", "dump_lines", "drop_text", "jsonld_context"]

#: Dump formats and whether they keep named graphs.
FORMATS = {"nq": True, "trig": True, "jsonld": True, "nt": False, "ttl": False}
#: File extension of each format.
EXTENSIONS = {"nq": ".nq", "nt": ".nt", "trig": ".trig", "ttl": ".ttl", "jsonld": ".jsonld"}

_TYPE = f"<{RDF}type>"
_IS_STRING = f"<{NIF}isString>"
_ANCHOR = f"<{NIF}anchorOf>"
_SENTENCE = f"<{NIF}Sentence>"
_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
_DIGITS = re.compile(r"[+-]?[0-9]+")
#: Text gathered before a write to the output.
_BATCH_CHARS = 1 << 20


def drop_text(quads: Iterable[Quad]) -> Iterator[Quad]:
    """Leave out article texts: ``nif:isString``, and ``nif:anchorOf`` of ``nif:Sentence`` nodes.

    Mentions keep their offsets and anchors. Needs quads sorted by graph and subject (as
    :func:`sorted_quads` gives them): one subject's statements are held at a time.

    >>> nif = "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
    >>> q = [("<s>", nif + "anchorOf>", '"A whole sentence."', None), ("<s>", _TYPE, nif + "Sentence>", None),
    ...      ("<m>", nif + "anchorOf>", '"Pompeo"', None), ("<a>", nif + "isString>", '"text"', None)]
    >>> [(s, p.split("#")[1]) for s, p, o, g in drop_text(q)]
    [('<s>', 'type>'), ('<m>', 'anchorOf>')]
    """
    for _, group in groupby(quads, key=lambda q: (q[3], q[0])):
        statements = [q for q in group if q[1] != _IS_STRING]
        if any(p == _TYPE and o == _SENTENCE for _, p, o, _ in statements):
            statements = [q for q in statements if q[1] != _ANCHOR]
        yield from statements


@lru_cache(maxsize=1)
def jsonld_context() -> dict[str, Any]:
    """The project's JSON-LD context (the object inside ``ontology/context.jsonld``).

    >>> jsonld_context()["nkg"]
    'https://w3id.org/newskg/ns#'
    """
    return json.loads(ontology_text("context.jsonld"))["@context"]


def write_dump(store: KGStore, target: str | os.PathLike[str] | IO[bytes], *, format: str = "nq",
               graph: str | None = None, compress: bool = False, no_text: bool = False,
               tmp_dir: str | os.PathLike[str] | None = None) -> int:
    """Write a sorted dump of the store (or one graph) to a file path or binary stream.

    :param format: one of :data:`FORMATS`.
    :param graph: dump only this named graph.
    :param compress: gzip the output (with a fixed header, so it is byte-stable too).
    :param no_text: leave out article texts (see :func:`drop_text`).
    :returns: the number of statements written.
    :raises ValueError: an unknown format.
    :raises OutputError: the output path cannot be written (a file path is written under a
        temporary name and renamed into place: a failed or killed dump leaves the old file).
    """
    if format not in FORMATS:
        raise ValueError(f"unknown dump format {format!r} (one of {', '.join(FORMATS)})")
    count = [0]
    with _open_target(target, compress) as out:
        batch: list[str] = []
        size = 0
        for text in dump_lines(store, format=format, graph=graph, no_text=no_text, count=count, tmp_dir=tmp_dir):
            batch.append(text)
            size += len(text)
            if size >= _BATCH_CHARS:
                out.write("".join(batch).encode("utf-8"))
                batch.clear()
                size = 0
        out.write("".join(batch).encode("utf-8"))
    return count[0]


def dump_lines(store: KGStore, *, format: str, graph: str | None = None, no_text: bool = False,
               count: list[int] | None = None, tmp_dir: str | os.PathLike[str] | None = None) -> Iterator[str]:
    """The dump as text pieces (lines), in order; ``count[0]`` is raised per statement."""
    keep_graphs = FORMATS[format] and graph is None
    if format == "nq" and not no_text and store.dumps_by_graph:  # a graph at a time: fast
        return (_counted_block(lines, g, count) for g, lines in sorted_lines(store, graph=graph))
    quads: Iterable[Quad] = sorted_quads(store, graph=graph, union=not keep_graphs, tmp_dir=tmp_dir)
    if no_text:
        quads = drop_text(quads)
    if count is not None:
        quads = _counted(quads, count)
    if format in ("nq", "nt"):
        return (f"{s} {p} {o} {g} .\n" if g else f"{s} {p} {o} .\n" for s, p, o, g in quads)
    if format in ("ttl", "trig"):
        return _turtle(quads, trig=format == "trig")
    return _jsonld(quads, named=keep_graphs)


def _counted_block(lines: list[str], g: str | None, count: list[int] | None) -> str:
    """One graph's sorted N-Triples lines as N-Quads (a raw " .\\n" ends a line, never more)."""
    if count is not None:
        count[0] += len(lines)
    block = "".join(lines)
    return block.replace(" .\n", f" {g} .\n") if g else block


def _counted(quads: Iterable[Quad], count: list[int]) -> Iterator[Quad]:
    for q in quads:
        count[0] += 1
        yield q


@contextmanager
def _open_target(target: str | os.PathLike[str] | IO[bytes], compress: bool) -> Iterator[IO[bytes]]:
    """A binary output (a path written all-or-nothing, ``-`` for stdout, or a stream), gzipped
    with mtime 0 if asked."""
    with ExitStack() as stack:
        if isinstance(target, (str, os.PathLike)):
            raw: IO[bytes] = sys.stdout.buffer if str(target) == "-" else stack.enter_context(atomic_file(target))
        else:
            raw = target
        if compress:
            raw = stack.enter_context(gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=6))
        yield raw


# -- Turtle and TriG ----------------------------------------------------------------------

def _prefix_lines() -> list[str]:
    return [f"@prefix {p}: <{iri}> .\n" for p, iri in PREFIXES.items()] + ["\n"]


def _short(term: str) -> str:
    """A prefixed name for an IRI term when its local part is safe in Turtle, else the term."""
    if term.startswith("<"):
        return curie(term[1:-1], strict=True) or term
    if term.startswith('"') and term.endswith(">"):
        value, datatype = read_term(term)[1:3]
        if datatype == _INTEGER and _DIGITS.fullmatch(value):
            return value
        return term[: -len(datatype) - 4] + "^^" + _short(iri(datatype)) if datatype else term
    return term


def _turtle(quads: Iterable[Quad], *, trig: bool) -> Iterator[str]:
    yield from _prefix_lines()
    for g, in_graph in groupby(quads, key=lambda q: q[3]):
        indent = ""
        if trig and g is not None:
            yield f"{_short(g)} {{\n"
            indent = "    "
        for s, by_subject in groupby(in_graph, key=lambda q: q[0]):
            parts = []
            for p, by_predicate in groupby(by_subject, key=lambda q: q[1]):
                objects = ", ".join(_short(o) for _, _, o, _ in by_predicate)
                parts.append(f"{'a' if p == _TYPE else _short(p)} {objects}")
            yield f"{indent}{_short(s)} " + f" ;\n{indent}    ".join(parts) + " .\n"
        if trig and g is not None:
            yield "}\n\n"


# -- JSON-LD ------------------------------------------------------------------------------

def _jsonld(quads: Iterable[Quad], *, named: bool) -> Iterator[str]:
    context = jsonld_context()
    yield '{\n  "@context": ' + json.dumps(context, ensure_ascii=False, sort_keys=True) + ',\n  "@graph": ['
    first = True
    for g, in_graph in groupby(quads, key=lambda q: q[3]):
        nodes = _jsonld_nodes(in_graph, context)
        if g is not None and named:
            items = [{"@id": g[1:-1] if g.startswith("<") else g, "@graph": nodes}]
        else:
            items = nodes
        for item in items:
            if not first:
                yield ","
            first = False
            if "@graph" in item and "@id" in item and len(item) == 2:
                yield ('\n    {"@id": ' + json.dumps(item["@id"], ensure_ascii=False) + ', "@graph": [\n      '
                       + ",\n      ".join(json.dumps(n, ensure_ascii=False, sort_keys=True) for n in item["@graph"])
                       + "\n    ]}")
            else:
                yield "\n    " + json.dumps(item, ensure_ascii=False, sort_keys=True)
    yield "\n  ]\n}\n"


def _jsonld_nodes(quads: Iterable[Quad], context: dict[str, Any]) -> list[dict[str, Any]]:
    """Compact node objects of one graph, in a canonical order."""
    graph = rdflib_graph(quads)
    doc = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    nodes = doc.get("@graph", [doc] if len(doc) > 1 else [])
    for node in nodes:
        node.pop("@context", None)
    return sorted((_sorted_values(n) for n in nodes), key=lambda n: (str(n.get("id", n.get("@id", ""))),
                                                                      json.dumps(n, sort_keys=True)))


def _sorted_values(node: Any) -> Any:
    """Sort the value arrays of a node (sets in JSON-LD), recursively; ``@list`` keeps its order."""
    if isinstance(node, dict):
        return {k: (v if k == "@list" else _sorted_values(v)) for k, v in node.items()}
    if isinstance(node, list):
        values = [_sorted_values(v) for v in node]
        return sorted(values, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return node

