"""Dumps: every format parsed back (rdflib, and rapper/serdi where installed) equals the store;
repeated dumps are byte-identical; --no-text leaves texts out and keeps mention anchors."""

from __future__ import annotations

import gzip
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

from kg.cli.publish import dump_command
from kg.publish.dump import FORMATS, write_dump
from kg.rdf.terms import rdflib_graph
from kg.store import KGStore, open_store
from kg.store.export import raw_quads, sorted_quads
from kg.vocab import NIF

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

RDFLIB_FORMATS = {"nq": "nquads", "nt": "nt", "trig": "trig", "ttl": "turtle", "jsonld": "json-ld"}
#: Debian tools and their names for the formats they read (JSON-LD: neither).
TOOLS = {"rapper": {"nq": "nquads", "nt": "ntriples", "trig": "trig", "ttl": "turtle"},
         "serdi": {"nq": "nquads", "nt": "ntriples", "trig": "trig", "ttl": "turtle"}}


def store_graphs(store: KGStore) -> dict[str, Graph]:
    """The store's named graphs as rdflib graphs, by graph IRI."""
    by_graph: dict[str, list] = {}
    for q in raw_quads(store):
        by_graph.setdefault(q[3][1:-1], []).append(q)
    return {g: rdflib_graph(quads) for g, quads in by_graph.items()}


def store_union(store: KGStore) -> Graph:
    return rdflib_graph(raw_quads(store))


def parsed_graphs(dataset: Dataset) -> dict[str, Graph]:
    out = {}
    for ctx in dataset.graphs():
        if len(ctx):
            g = Graph()
            for t in ctx:
                g.add(t)
            out[str(ctx.identifier)] = g
    return out


def same(expected: Graph, actual: Graph) -> bool:
    return len(expected) == len(actual) and isomorphic(expected, actual)


@pytest.fixture(scope="module")
def dumps(sample_store: KGStore, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("dumps")
    out = {}
    for fmt in FORMATS:
        out[fmt] = folder / f"sample.{fmt}"
        write_dump(sample_store, out[fmt], format=fmt)
    return out


@pytest.fixture(scope="module")
def expected(sample_store: KGStore) -> dict[str, object]:
    return {"graphs": store_graphs(sample_store), "union": store_union(sample_store)}


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_dump_parses_back_with_rdflib_to_the_store(fmt: str, dumps: dict[str, Path], expected: dict) -> None:
    if FORMATS[fmt]:
        dataset = Dataset()
        dataset.parse(dumps[fmt], format=RDFLIB_FORMATS[fmt])
        graphs = parsed_graphs(dataset)
        assert sorted(graphs) == sorted(expected["graphs"])
        different = [g for g in graphs if not same(expected["graphs"][g], graphs[g])]
        assert not different, different
    else:
        graph = Graph().parse(dumps[fmt], format=RDFLIB_FORMATS[fmt])
        assert same(expected["union"], graph)


@pytest.mark.parametrize("tool,fmt", [(t, f) for t, formats in TOOLS.items() for f in formats])
def test_dump_parses_back_with_debian_tools(tool: str, fmt: str, sample_store: KGStore, dumps: dict[str, Path],
                                            tmp_path: Path) -> None:
    """The tool converts the dump to N-Quads; loaded into a fresh store, it has the same
    RDFC-1.0 canonical quads as the sample store (equal canonical forms = isomorphic)."""
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is not installed (apt-get install raptor2-utils serdi)")
    syntax = TOOLS[tool][fmt]
    cmd = [tool, "-i", syntax, "-o", "nquads", str(dumps[fmt])]
    if tool == "rapper":
        cmd.insert(1, "-q")
    converted = tmp_path / "converted.nq"
    converted.write_bytes(subprocess.run(cmd, check=True, capture_output=True).stdout)
    union = not FORMATS[fmt]
    with open_store(tmp_path / "store") as copy:
        copy.load_file(converted)
        assert list(sorted_quads(copy, union=union)) == \
            list(sorted_quads(sample_store, union=union))


@pytest.mark.parametrize("fmt", ["nq", "trig", "jsonld"])
def test_two_dumps_are_byte_identical(fmt: str, sample_store: KGStore, dumps: dict[str, Path], tmp_path: Path) -> None:
    again = tmp_path / f"again.{fmt}"
    write_dump(sample_store, again, format=fmt)
    assert again.read_bytes() == dumps[fmt].read_bytes()


def test_gzip_dumps_are_byte_identical_and_hold_the_plain_dump(sample_store: KGStore, dumps: dict[str, Path],
                                                               tmp_path: Path) -> None:
    a, b = tmp_path / "a.nq.gz", tmp_path / "b.nq.gz"
    write_dump(sample_store, a, format="nq", compress=True)
    write_dump(sample_store, b, format="nq", compress=True)
    assert a.read_bytes() == b.read_bytes()
    assert gzip.decompress(a.read_bytes()) == dumps["nq"].read_bytes()


def test_a_reloaded_store_dumps_the_same_bytes(dumps: dict[str, Path], tmp_path: Path) -> None:
    # Loading gives blank nodes new internal ids: canonical labels make the dump stable anyway.
    with open_store(tmp_path / "copy") as copy:
        copy.load_file(dumps["nq"])
        write_dump(copy, tmp_path / "copy.nq", format="nq")
        write_dump(copy, tmp_path / "copy.trig", format="trig")
    assert "_:c14n0" in dumps["nq"].read_text(encoding="utf-8")
    assert (tmp_path / "copy.nq").read_bytes() == dumps["nq"].read_bytes()
    assert (tmp_path / "copy.trig").read_bytes() == dumps["trig"].read_bytes()


def test_nquads_dump_is_sorted_and_complete(sample_store: KGStore, dumps: dict[str, Path]) -> None:
    lines = dumps["nq"].read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(sample_store)
    keys = [(ln.rsplit(" ", 2)[1], ln) for ln in lines]  # graph name, then the line
    assert [k[0] for k in keys] == sorted(k[0] for k in keys)


def test_graph_by_graph_dump_gives_the_quad_by_quad_order(sample_store: KGStore) -> None:
    from kg.store.export import sort_quads

    fast = list(sorted_quads(sample_store, chunk_size=700))  # the store's own dump, graph by graph
    assert fast == list(sort_quads(raw_quads(sample_store)))  # every quad through Python, one sort
    assert any(t.startswith("_:c14n") for q in fast for t in q[:3])  # the ontology's blank nodes


def test_external_merge_sort_gives_the_in_memory_order(sample_store: KGStore) -> None:
    small_chunks = list(sorted_quads(sample_store, chunk_size=500))
    one_chunk = list(sorted_quads(sample_store))
    assert small_chunks == one_chunk
    assert len(one_chunk) == len(sample_store)


def test_turtle_uses_the_project_prefixes(dumps: dict[str, Path]) -> None:
    text = dumps["ttl"].read_text(encoding="utf-8")
    assert "@prefix nkg: <https://w3id.org/newskg/ns#> ." in text
    assert " a nkg:Article" in text


def test_jsonld_uses_the_project_context(dumps: dict[str, Path]) -> None:
    import json

    doc = json.loads(dumps["jsonld"].read_text(encoding="utf-8"))
    assert doc["@context"]["nkg"] == "https://w3id.org/newskg/ns#"
    nodes = [n for g in doc["@graph"] for n in g["@graph"]]
    assert any(n.get("type") == "Article" for n in nodes)


def test_one_graph_dump(sample_store: KGStore, expected: dict, tmp_path: Path) -> None:
    graph = next(g for g in expected["graphs"] if "/graph/dunya" in g)
    n = write_dump(sample_store, tmp_path / "one.ttl", format="ttl", graph=graph)
    parsed = Graph().parse(tmp_path / "one.ttl", format="turtle")
    assert n == len(parsed) and same(expected["graphs"][graph], parsed)


def test_no_text_drops_texts_and_keeps_mentions(sample_store: KGStore, expected: dict, tmp_path: Path) -> None:
    write_dump(sample_store, tmp_path / "t.nt", format="nt", no_text=True)
    graph = Graph().parse(tmp_path / "t.nt", format="nt")
    full = expected["union"]
    is_string, anchor = URIRef(NIF + "isString"), URIRef(NIF + "anchorOf")
    sentence = URIRef(NIF + "Sentence")
    assert len(list(full.triples((None, is_string, None)))) == 13
    assert not list(graph.triples((None, is_string, None)))
    kept = set(graph.triples((None, anchor, None)))
    sentences = set(full.subjects(None, sentence))
    expected_anchors = {t for t in full.triples((None, anchor, None)) if t[0] not in sentences}
    assert kept == expected_anchors and len(kept) > 100
    offsets = URIRef(NIF + "beginIndex")
    assert set(graph.triples((None, offsets, None))) == set(full.triples((None, offsets, None)))


def test_cli_dump_to_gzip_file(sample_store_path: Path, dumps: dict[str, Path], tmp_path: Path) -> None:
    out = tmp_path / "cli.nq.gz"
    result = CliRunner().invoke(dump_command, ["--store", str(sample_store_path), "--format", "nq",
                                               "--gzip", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert gzip.decompress(out.read_bytes()) == dumps["nq"].read_bytes()
