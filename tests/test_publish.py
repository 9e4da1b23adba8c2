"""`kg publish` on the store built from data/: the release folder, VoID counts equal to SPARQL
counts, checksums, docs of every term; a store that violates the shapes is not published."""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, Namespace, URIRef

from kg.cli.publish import publish_command
from kg.errors import ValidationFailed
from kg.ontology import declared_terms
from kg.publish import publish
from kg.publish.describe import dataset_counts
from kg.publish.dump import write_dump
from kg.store import KGStore, open_store

VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
SH = Namespace("http://www.w3.org/ns/shacl#")
DATASET = URIRef("https://w3id.org/newskg/id/dataset")


@pytest.fixture(scope="module")
def release(sample_store: KGStore, tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    # force: the sample may carry extraction faults; the description must then record them.
    return publish(sample_store, tmp_path_factory.mktemp("rel") / "release", force=True, version="9.9")


@pytest.fixture(scope="module")
def void(release) -> Graph:  # type: ignore[no-untyped-def]
    return Graph().parse(release.folder / "void.ttl", format="turtle")


def count(store: KGStore, where: str, expr: str = "COUNT(*)") -> int:
    return int(store.query(f"SELECT ({expr} AS ?n) WHERE {{ {where} }}", union=False)[0]["n"])  # type: ignore[index]


def test_release_folder_holds_every_file(release) -> None:  # type: ignore[no-untyped-def]
    names = {p.relative_to(release.folder).as_posix() for p in release.folder.rglob("*") if p.is_file()}
    assert names == {"newskg.nq.gz", "newskg.trig", "newskg.jsonld", "void.ttl", "ontology.html",
                     "shacl-report.ttl", "ontology/newskg.ttl", "ontology/event-types.ttl",
                     "ontology/shapes.ttl", "ontology/context.jsonld"}
    assert [f.name for f in release.files][-1] == "void.ttl"


def test_void_counts_equal_sparql_counts(release, void: Graph, sample_store: KGStore) -> None:  # type: ignore[no-untyped-def]
    quads = "GRAPH ?g { ?s ?p ?o }"
    expected = {
        "triples": count(sample_store, quads),
        "distinctSubjects": count(sample_store, quads, "COUNT(DISTINCT ?s)"),
        "distinctObjects": count(sample_store, quads, "COUNT(DISTINCT ?o)"),
        "properties": count(sample_store, quads, "COUNT(DISTINCT ?p)"),
        "classes": count(sample_store, "GRAPH ?g { ?s a ?c }", "COUNT(DISTINCT ?c)"),
        "entities": count(sample_store, quads + ' FILTER(isIRI(?s) && STRSTARTS(STR(?s), "https://w3id.org/newskg/id/"))',
                          "COUNT(DISTINCT ?s)"),
    }
    got = {name: int(void.value(DATASET, VOID[name])) for name in expected}  # type: ignore[arg-type]
    assert got == expected
    lines = gzip.decompress((release.folder / "newskg.nq.gz").read_bytes()).decode().splitlines()
    assert len(lines) == got["triples"] == len(sample_store)
    articles = URIRef("https://w3id.org/newskg/ns#Article")
    part = void.value(predicate=VOID["class"], object=articles)
    assert int(void.value(part, VOID.entities)) == count(sample_store, "GRAPH ?g { ?a a nkg:Article }",  # type: ignore[arg-type]
                                                         "COUNT(DISTINCT ?a)") == 13
    by_property = sum(int(void.value(p, VOID.triples)) for p in void.objects(DATASET, VOID.propertyPartition))  # type: ignore[arg-type]
    assert by_property == got["triples"]


def test_void_describes_the_release(void: Graph) -> None:
    assert void.value(DATASET, URIRef("http://purl.org/dc/terms/license")) == \
        URIRef("https://creativecommons.org/licenses/by/4.0/")
    assert str(void.value(DATASET, DCAT.version)) == "9.9"
    assert void.value(DATASET, URIRef("http://purl.org/dc/terms/issued")) is not None
    assert void.value(DATASET, URIRef("http://purl.org/dc/terms/publisher")) is not None
    assert str(void.value(DATASET, VOID.uriSpace)) == "https://w3id.org/newskg/id/"
    vocabularies = {str(v) for v in void.objects(DATASET, VOID.vocabulary)}
    assert {"https://w3id.org/newskg/ns#", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#",
            "http://groundedannotationframework.org/gaf#"} <= vocabularies
    assert len(list(void.objects(DATASET, VOID.dataDump))) == 3


def test_every_file_has_its_size_and_sha256(release, void: Graph) -> None:  # type: ignore[no-untyped-def]
    dists = list(void.objects(DATASET, DCAT.distribution))
    assert len(dists) == len(release.files) - 1  # all but void.ttl itself
    for dist in dists:
        url = void.value(dist, DCAT.downloadURL)
        path = Path(str(url).removeprefix("file://"))
        assert path.is_file() and path.parent in (release.folder, release.folder / "ontology")
        data = path.read_bytes()
        assert int(void.value(dist, DCAT.byteSize)) == len(data)  # type: ignore[arg-type]
        checksum = void.value(dist, SPDX.checksum)
        assert str(void.value(checksum, SPDX.checksumValue)) == hashlib.sha256(data).hexdigest()


def test_validation_outcome_is_recorded(release, void: Graph) -> None:  # type: ignore[no-untyped-def]
    node = next(void.subjects(SH.conforms, None))
    assert void.value(node, SH.conforms) == Literal(release.validation.conforms)
    comments = {str(c) for c in void.objects(node, URIRef("http://www.w3.org/2000/01/rdf-schema#comment"))}
    assert comments == {str(v) for v in release.validation.violations}
    shacl = Graph().parse(release.folder / "shacl-report.ttl", format="turtle")
    assert len(list(shacl.subjects(SH.resultSeverity, SH.Violation))) == len(release.validation.violations)


def test_docs_page_documents_every_class_and_property(release) -> None:  # type: ignore[no-untyped-def]
    page = (release.folder / "ontology.html").read_text(encoding="utf-8")
    onto = Graph().parse(release.folder / "ontology" / "newskg.ttl", format="turtle")
    owl = "http://www.w3.org/2002/07/owl#"
    kinds = [URIRef(owl + k) for k in ("Class", "ObjectProperty", "DatatypeProperty", "AnnotationProperty")]
    terms = {str(s) for k in kinds for s in onto.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), k)}
    assert terms and terms <= declared_terms()
    missing = [t for t in terms if f'id="nkg:{t.rsplit("#", 1)[1]}"' not in page]
    assert not missing
    assert "Example:" in page and "rdfs:range" in page and "rdfs:subClassOf" in page


def test_no_text_counts_match_the_no_text_dump(sample_store: KGStore, tmp_path: Path) -> None:
    n = write_dump(sample_store, tmp_path / "t.nq", format="nq", no_text=True)
    counts = dataset_counts(sample_store, no_text=True)
    text = (tmp_path / "t.nq").read_text(encoding="utf-8")
    assert counts.triples == n == len(text.splitlines()) < len(sample_store)
    assert "nif-core#isString" not in text and "nif-core#isString" not in counts.property_partitions


BROKEN = """<https://w3id.org/newskg/id/article/a1> a <https://w3id.org/newskg/ns#Article> ;
    <http://purl.org/dc/terms/identifier> "a1" ."""


def test_publish_stops_on_violations_unless_forced(tmp_path: Path) -> None:
    (tmp_path / "broken.ttl").write_text(BROKEN, encoding="utf-8")
    with open_store(tmp_path / "store") as store:
        store.load_file(tmp_path / "broken.ttl", graph="https://w3id.org/newskg/id/graph/a1")
    with open_store(tmp_path / "store") as store, pytest.raises(ValidationFailed, match="Article-isString"):
        publish(store, tmp_path / "out")
    assert not (tmp_path / "out").exists()
    result = CliRunner().invoke(publish_command, [str(tmp_path / "out"), "--store", str(tmp_path / "store"),
                                                  "--force", "--no-text", "--license", "http://ex.org/lic"])
    assert result.exit_code == 0, result.output
    assert "1 SHACL violations" in result.output or "violations (--force)" in result.output
    void = Graph().parse(tmp_path / "out" / "void.ttl", format="turtle")
    assert void.value(DATASET, URIRef("http://purl.org/dc/terms/license")) == URIRef("http://ex.org/lic")
    assert any("Article-isString" in str(c) for c in void.objects(None, URIRef(
        "http://www.w3.org/2000/01/rdf-schema#comment")))

