"""SHACL validation: hand-made data that follows the fixed terms conforms; deliberately broken
data fails with the violated shape named (library result, exception and `kg validate` exit code)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kg.cli.publish import validate_command
from kg.errors import ValidationFailed
from kg.ontology import ontology_dir
from kg.publish.validate import validate, validate_graph
from kg.store import open_store
from kg.vocab import ONTOLOGY_GRAPH

PREFIXES = """
@prefix nkg: <https://w3id.org/newskg/ns#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix gaf: <http://groundedannotationframework.org/gaf#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix data: <https://w3id.org/newskg/id/> .
"""
GOOD = PREFIXES + """
<https://w3id.org/newskg/id/article/a1> a nkg:Article ; dct:identifier "a1" ;
    schema:datePublished "2020-01-03"^^xsd:date ; nif:isString "Pompeo telephoned Bajwa." .
<https://w3id.org/newskg/id/article/a1#char=0,6> a nkg:Mention ;
    nif:referenceContext <https://w3id.org/newskg/id/article/a1> ;
    nif:beginIndex 0 ; nif:endIndex 6 ; nif:anchorOf "Pompeo" .
<https://w3id.org/newskg/id/actor/mike-pompeo> a nkg:Person ; rdfs:label "Mike Pompeo" ;
    gaf:denotedBy <https://w3id.org/newskg/id/article/a1#char=0,6> .
"""
#: Two faults: the anchor is not text[0:6], and the actor has no label.
BROKEN = GOOD.replace('nif:anchorOf "Pompeo"', 'nif:anchorOf "Bajwa"').replace(
    'rdfs:label "Mike Pompeo" ;', "")


@pytest.fixture(scope="module")
def ontology() -> Graph:
    graph = Graph()
    for name in ("newskg.ttl", "event-types.ttl"):
        graph.parse(ontology_dir() / name, format="turtle")
    return graph


def with_ontology(ontology: Graph, turtle: str) -> Graph:
    graph = Graph()
    for t in ontology:
        graph.add(t)
    return graph.parse(data=turtle, format="turtle")


def test_data_following_the_fixed_terms_conforms(ontology: Graph) -> None:
    result = validate_graph(with_ontology(ontology, GOOD))
    assert result.conforms, result.text()
    assert result.violations == []


def test_broken_data_names_the_violated_shapes(ontology: Graph) -> None:
    result = validate_graph(with_ontology(ontology, BROKEN))
    assert not result.conforms
    shapes = {v.shape for v in result.violations}
    assert shapes == {"https://w3id.org/newskg/shapes#MentionAnchorShape",
                      "https://w3id.org/newskg/shapes#Actor-label"}
    label = next(v for v in result.violations if v.shape.endswith("Actor-label"))
    assert label.focus == "https://w3id.org/newskg/id/actor/mike-pompeo"
    assert label.path == "http://www.w3.org/2000/01/rdf-schema#label"
    assert "rdfs:label" in label.message
    anchor = next(v for v in result.violations if "MentionAnchor" in v.shape)
    assert "char=0,6" in anchor.message + (anchor.value or "")
    assert "nkgsh:Actor-label on data:actor/mike-pompeo" in result.text()
    assert "sh:Violation" in result.report_turtle


def test_validating_a_broken_store_raises_with_the_shape(tmp_path: Path) -> None:
    with open_store(tmp_path / "store") as store:
        # No ontology graph in this store: validate() adds the ontology files itself.
        (tmp_path / "broken.ttl").write_text(BROKEN, encoding="utf-8")
        store.load_file(tmp_path / "broken.ttl", graph="https://w3id.org/newskg/id/graph/a1")
        assert ONTOLOGY_GRAPH not in store.graphs()
        with pytest.raises(ValidationFailed, match="Actor-label"):
            validate(store, raise_on_violation=True)
    result = CliRunner().invoke(validate_command, ["--store", str(tmp_path / "store"),
                                                   "--report", str(tmp_path / "report.ttl")])
    assert result.exit_code == ValidationFailed.exit_code == 6
    assert "Does not conform" in result.output and "nkgsh:Actor-label" in result.output
    report = Graph().parse(tmp_path / "report.ttl", format="turtle")
    assert len(report) > 10


def test_kg_validate_exits_zero_on_good_data(tmp_path: Path) -> None:
    with open_store(tmp_path / "store") as store:
        (tmp_path / "good.ttl").write_text(GOOD, encoding="utf-8")
        store.load_file(tmp_path / "good.ttl", graph="https://w3id.org/newskg/id/graph/a1")
    result = CliRunner().invoke(validate_command, ["--store", str(tmp_path / "store")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Conforms:")
