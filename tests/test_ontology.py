"""The ontology folder: Turtle that parses, terms that are documented, a complete CAMEO scheme,
a JSON-LD context that works, and SHACL shapes that catch broken data and pass good data."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pyshacl import validate
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import OWL, SH, SKOS

from kg.ontology import declared_terms, ontology_dir, ontology_files
from kg import vocab

NKG, CAMEO, PLOVER, NKGSH, SCHEMA, PROV, SEM, NIF, GAF, ORG, XSD = (Namespace(iri) for iri in (
    vocab.NKG, vocab.CAMEO, vocab.PLOVER, "https://w3id.org/newskg/shapes#", vocab.SCHEMA, vocab.PROV,
    vocab.SEM, vocab.NIF, vocab.GAF, vocab.ORG, vocab.XSD))
ONTOLOGY = URIRef(vocab.ONTOLOGY_IRI)
REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "reference"
TTL_FILES = sorted(ontology_dir().glob("*.ttl"))


def _parse(*paths: Path) -> Graph:
    graph = Graph()
    for path in paths:
        graph.parse(path, format="turtle")
    return graph


@pytest.fixture(scope="module")
def ontology() -> Graph:
    """newskg.ttl + event-types.ttl: what the store keeps in its ontology graph."""
    return _parse(ontology_dir() / "newskg.ttl", ontology_dir() / "event-types.ttl")


@pytest.fixture(scope="module")
def everything() -> Graph:
    return _parse(*TTL_FILES)


# -- Turtle --------------------------------------------------------------------------------

def test_ontology_files_are_the_three_turtle_files() -> None:
    assert [p.name for p in ontology_files()] == ["newskg.ttl", "event-types.ttl", "shapes.ttl"]
    assert {p.name for p in TTL_FILES} == {"newskg.ttl", "event-types.ttl", "shapes.ttl"}


@pytest.mark.parametrize("path", TTL_FILES, ids=lambda p: p.name)
def test_turtle_parses_with_rdflib(path: Path) -> None:
    assert len(_parse(path)) > 100


@pytest.mark.parametrize("tool", ["rapper", "serdi"])
@pytest.mark.parametrize("path", TTL_FILES, ids=lambda p: p.name)
def test_turtle_parses_with_an_independent_parser(path: Path, tool: str) -> None:
    if not shutil.which(tool):
        pytest.skip(f"{tool} not installed (apt-get install raptor2-utils serdi)")
    cmd = ["rapper", "-q", "-i", "turtle", "-c", str(path)] if tool == "rapper" else \
        ["serdi", "-i", "turtle", "-o", "ntriples", str(path)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr


# -- Terms ---------------------------------------------------------------------------------

def test_every_nkg_term_used_is_declared_with_label_and_comment(everything: Graph) -> None:
    used = {t for triple in everything for t in triple
            if isinstance(t, URIRef) and str(t).startswith(vocab.NKG)}
    undocumented = sorted(
        str(t) for t in used
        if (t, RDF.type, None) not in everything
        or not any(getattr(v, "language", None) == "en" for v in everything.objects(t, RDFS.label))
        or not any(getattr(v, "language", None) == "en" for v in everything.objects(t, RDFS.comment)))
    assert not undocumented, f"declare these with rdfs:label and rdfs:comment (@en): {undocumented}"
    assert {str(t) for t in used} == declared_terms()


CLASSES = ["Article", "Mention", "Actor", "Person", "Organization", "GeopoliticalEntity", "Place",
           "Event", "Participation", "Statement", "SpeechMode", "Channel", "Factuality"]
OBJECT_PROPERTIES = ["agent", "patient", "recipient", "participation", "participant",
                     "inCapacityOf", "eventType", "factuality", "speaker", "mode",
                     "sourceMention", "cueMention", "contentMention", "channel", "addressee",
                     "about", "producedBy"]
DATATYPE_PROPERTIES = ["inputDigest", "countryCode"]
INDIVIDUALS = {
    "SpeechMode": ["Direct", "Indirect", "Mixed"],
    "Channel": ["Tweet", "PhoneCall", "PressStatement", "Interview", "Speech", "PressConference",
                "WrittenStatement", "SocialMediaPost"],
    "Factuality": ["Asserted", "Negated", "Hypothetical"],
}


def test_the_terms_the_code_emits_are_declared(ontology: Graph) -> None:
    for name in CLASSES:
        assert (NKG[name], RDF.type, OWL.Class) in ontology, name
    for name in OBJECT_PROPERTIES:
        assert (NKG[name], RDF.type, OWL.ObjectProperty) in ontology, name
    for name in DATATYPE_PROPERTIES:
        assert (NKG[name], RDF.type, OWL.DatatypeProperty) in ontology, name
    for cls, names in INDIVIDUALS.items():
        assert {NKG[n] for n in names} <= set(ontology.subjects(RDF.type, NKG[cls])), cls
    for role in ["AgentRole", "PatientRole", "RecipientRole"]:
        assert (NKG[role], RDF.type, SEM.RoleType) in ontology, role
    assert (NKG.EventTypes, RDF.type, SKOS.ConceptScheme) in ontology
    assert NKG.heldAccordingTo not in declared_terms()


def test_ontology_header(ontology: Graph) -> None:
    assert (ONTOLOGY, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(ONTOLOGY, OWL.versionInfo) == Literal("0.1.0")
    assert ontology.value(ONTOLOGY, OWL.versionIRI) == URIRef("https://w3id.org/newskg/ns/0.1.0")
    dct = Namespace("http://purl.org/dc/terms/")
    assert ontology.value(ONTOLOGY, dct.license) == URIRef("https://creativecommons.org/licenses/by/4.0/")
    for p in (dct.title, dct.description, dct.created, dct.modified):
        assert ontology.value(ONTOLOGY, p) is not None, p
    vann = Namespace("http://purl.org/vocab/vann/")
    assert ontology.value(ONTOLOGY, vann.preferredNamespacePrefix) == Literal("nkg")


@pytest.mark.parametrize(("term", "relation", "target"), [
    (NKG.Article, RDFS.subClassOf, SCHEMA.NewsArticle),
    (NKG.Article, RDFS.subClassOf, PROV.Entity),
    (NKG.Article, RDFS.subClassOf, NIF.Context),
    (NKG.Mention, RDFS.subClassOf, NIF.String),
    (NKG.Actor, RDFS.subClassOf, SEM.Actor),
    (NKG.Actor, RDFS.subClassOf, PROV.Agent),
    (NKG.Organization, RDFS.subClassOf, ORG.Organization),
    (NKG.GeopoliticalEntity, RDFS.subClassOf, NKG.Actor),
    (NKG.GeopoliticalEntity, RDFS.subClassOf, NKG.Place),
    (NKG.Place, RDFS.subClassOf, SEM.Place),
    (NKG.Event, RDFS.subClassOf, SEM.Event),
    (NKG.Participation, RDFS.subClassOf, SEM.Role),
    (NKG.Statement, RDFS.subClassOf, SCHEMA.Quotation),
    (NKG.Statement, RDFS.subClassOf, PROV.Entity),
    (NKG.agent, RDFS.subPropertyOf, SEM.hasActor),
    (NKG.patient, RDFS.subPropertyOf, SEM.hasActor),
    (NKG.recipient, RDFS.subPropertyOf, SEM.hasActor),
    (NKG.speaker, RDFS.subPropertyOf, PROV.wasAttributedTo),
    (NKG.eventType, RDFS.range, SKOS.Concept),
    (NKG.inCapacityOf, RDFS.range, ORG.Post),
    (NKG.producedBy, RDFS.range, NKG.Event),
])
def test_alignment(ontology: Graph, term: URIRef, relation: URIRef, target: URIRef) -> None:
    assert (term, relation, target) in ontology


# -- Event types ---------------------------------------------------------------------------

def _concepts(graph: Graph, scheme: URIRef) -> set[URIRef]:
    return set(graph.subjects(SKOS.inScheme, scheme))  # type: ignore[arg-type]


def test_event_types_hold_all_316_cameo_codes_with_20_roots(ontology: Graph) -> None:
    concepts = _concepts(ontology, NKG.EventTypes)
    assert len(concepts) == 316
    notations = {c: str(ontology.value(c, SKOS.notation)) for c in concepts}
    assert len(set(notations.values())) == 316, "notations are unique"
    assert all(c == CAMEO[n] for c, n in notations.items()), "IRI = cameo: + notation"
    roots = set(ontology.subjects(SKOS.topConceptOf, NKG.EventTypes))
    assert roots == {CAMEO[f"{i:02d}"] for i in range(1, 21)}
    assert roots == set(ontology.objects(NKG.EventTypes, SKOS.hasTopConcept))
    for concept in concepts - roots:
        broader = ontology.value(concept, SKOS.broader)
        assert broader in concepts, concept
        assert str(concept).startswith(str(broader)), "the parent code is a prefix of the code"
    for concept in concepts:
        label = ontology.value(concept, SKOS.prefLabel)
        assert label.language == "en" and label[0].isupper() and not label.isupper(), concept
        assert (concept, RDF.type, SKOS.Concept) in ontology
    assert ontology.value(CAMEO["04"], SKOS.prefLabel) == Literal("Consult", lang="en")
    assert ontology.value(CAMEO["044"], SKOS.prefLabel) == Literal('Meet at a "third" location', lang="en")


def test_plover_close_matches(ontology: Graph) -> None:
    def matches(code: str) -> set[URIRef]:
        return set(ontology.objects(CAMEO[code], SKOS.closeMatch))  # type: ignore[arg-type]

    assert matches("041") == {PLOVER.CONSULT}
    for code in ["18", "180", "181", "182", "1823", "183", "185", "186", "19", "190", "20"]:
        assert matches(code) == {PLOVER.ASSAULT}, code
    assert matches("08") == {PLOVER.CONCEDE, PLOVER.RETREAT}
    assert matches("163") == {PLOVER.COERCE}, "163 follows the code-level mapping, not its root"
    for code in ["01", "010", "019", "02", "0214", "028"]:
        assert matches(code) == set(), f"CAMEO {code}: PLOVER dropped statements and appeals"
    plover = _concepts(ontology, NKG.PloverTypes)
    assert len(plover) == 16
    assert {m for _, _, m in ontology.triples((None, SKOS.closeMatch, None))} <= plover
    for concept in plover:
        assert ontology.value(concept, SKOS.definition) is not None, concept
        assert ontology.value(concept, SKOS.prefLabel) is not None, concept


def test_event_types_credit_their_sources(ontology: Graph) -> None:
    dct = Namespace("http://purl.org/dc/terms/")
    citations = " ".join(str(o) for o in ontology.objects(None, dct.bibliographicCitation))
    assert "CAMEO" in citations and "1.1b3" in citations and "Schrodt" in citations
    assert "PLOVER" in citations and "CC BY-SA 4.0" in citations
    assert ontology.value(NKG.PloverTypes, dct.license) == URIRef("https://creativecommons.org/licenses/by-sa/4.0/")


def test_event_types_file_is_what_the_tool_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not (REFERENCE / "cameo_eventcodes.tsv").is_file():
        pytest.skip(f"no reference tables at {REFERENCE}")
    spec = importlib.util.spec_from_file_location(
        "build_event_types", ontology_dir() / "tools" / "build_event_types.py")
    tool = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    monkeypatch.setitem(sys.modules, "build_event_types", tool)  # dataclasses look it up
    spec.loader.exec_module(tool)  # type: ignore[union-attr]
    out = tmp_path / "event-types.ttl"
    assert tool.main([str(REFERENCE), "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == (ontology_dir() / "event-types.ttl").read_text(encoding="utf-8"), \
        "event-types.ttl is stale: run python ontology/tools/build_event_types.py"


# -- JSON-LD context -----------------------------------------------------------------------

def _context() -> dict:
    return json.loads((ontology_dir() / "context.jsonld").read_text(encoding="utf-8"))["@context"]


def test_context_names_every_declared_term() -> None:
    context = _context()
    prefixes = {k: v for k, v in context.items() if isinstance(v, str) and v.endswith(("#", "/"))}

    def expand(value: str) -> str:
        prefix, _, local = value.partition(":")
        return prefixes[prefix] + local if prefix in prefixes else value

    named = {expand(v if isinstance(v, str) else v["@id"]) for k, v in context.items()
             if not k.startswith("@") and (isinstance(v, dict) or v not in prefixes.values())}
    assert declared_terms() <= named, sorted(declared_terms() - named)


def test_context_reads_a_tiny_document() -> None:
    doc = {
        "@context": _context(),
        "@graph": [
            {"id": "data:article/a1", "type": "Article", "identifier": "a1",
             "isString": "Pompeo telephoned Bajwa."},
            {"id": "data:article/a1#char=0,6", "type": "Mention", "referenceContext": "data:article/a1",
             "beginIndex": 0, "endIndex": 6, "anchorOf": "Pompeo"},
            {"id": "data:actor/mike-pompeo", "type": "Person", "label": "Mike Pompeo",
             "denotedBy": ["data:article/a1#char=0,6"]},
            {"id": "data:event/e1", "type": "Event", "eventType": "cameo:041",
             "agent": "data:actor/mike-pompeo", "hasTimeStamp": "2020-01-03", "factuality": "Asserted"},
            {"id": "data:statement/s1", "type": "Statement", "mode": "Direct", "channel": "Tweet",
             "speaker": "data:actor/mike-pompeo", "text": "We remain resolved."},
        ],
    }
    graph = Graph().parse(data=json.dumps(doc), format="json-ld")
    data = Namespace("https://w3id.org/newskg/id/")
    mention = URIRef(data["article/a1"] + "#char=0,6")
    assert (mention, RDF.type, NKG.Mention) in graph
    assert (mention, NIF.beginIndex, Literal("0", datatype=XSD.integer)) in graph, "as Oxigraph keeps it"
    assert (mention, NIF.referenceContext, data["article/a1"]) in graph
    assert (data["actor/mike-pompeo"], GAF.denotedBy, mention) in graph
    assert (data["event/e1"], NKG.eventType, CAMEO["041"]) in graph
    assert (data["event/e1"], SEM.hasTimeStamp, Literal("2020-01-03", datatype=XSD.date)) in graph
    assert (data["event/e1"], NKG.factuality, NKG.Asserted) in graph
    assert (data["statement/s1"], NKG.mode, NKG.Direct) in graph
    assert (data["statement/s1"], NKG.channel, NKG.Tweet) in graph
    assert (data["statement/s1"], SCHEMA.text, Literal("We remain resolved.")) in graph
    assert len(graph) == 21


# -- SHACL ---------------------------------------------------------------------------------

# A flag emoji (two code points outside the BMP) first, so offsets are code points, as in Python.
TEXT = '🇺🇸 Pompeo telephoned Müller. He tweeted: "We remain resolved."'


ESCAPED_QUOTE = '\\"'


def _span(text: str) -> str:
    begin = TEXT.index(text)
    return (f'<https://w3id.org/newskg/id/article/a1#char={begin},{begin + len(text)}> a nkg:Mention ; '
            f'nif:referenceContext article:a1 ; nif:anchorOf "{text}" ; '
            f'nif:beginIndex "{begin}"^^xsd:nonNegativeInteger ; '
            f'nif:endIndex "{begin + len(text)}"^^xsd:nonNegativeInteger .')


def _m(text: str) -> str:
    begin = TEXT.index(text)
    return f"<https://w3id.org/newskg/id/article/a1#char={begin},{begin + len(text)}>"


PREFIXES = """\
@prefix article: <https://w3id.org/newskg/id/article/> .
@prefix actor: <https://w3id.org/newskg/id/actor/> .
@prefix event: <https://w3id.org/newskg/id/event/> .
@prefix post: <https://w3id.org/newskg/id/post/> .
@prefix statement: <https://w3id.org/newskg/id/statement/> .
@prefix cameo: <https://w3id.org/newskg/cameo/> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix gaf: <http://groundedannotationframework.org/gaf#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix nkg: <https://w3id.org/newskg/ns#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix plover: <https://w3id.org/newskg/plover/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix schema: <https://schema.org/> .
@prefix sem: <http://semanticweb.cs.vu.nl/2009/11/sem/> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

GOOD = PREFIXES + f"""
article:a1 a nkg:Article ; dct:identifier "a1" ; dct:title "Pompeo calls Müller" ;
    schema:datePublished "2020-01-03"^^xsd:date ; nif:isString "{TEXT.replace('"', ESCAPED_QUOTE)}" .
{_span("🇺🇸")}
{_span("Pompeo")}
{_span("telephoned")}
{_span("Müller")}
{_span("He")}
{_span("tweeted")}
{_span("We remain resolved.")}

actor:united-states a nkg:GeopoliticalEntity ; rdfs:label "United States" ;
    nkg:countryCode "US" ; gaf:denotedBy {_m("🇺🇸")} .
actor:mike-pompeo a nkg:Person ; rdfs:label "Mike Pompeo" ; skos:altLabel "Pompeo" ;
    gaf:denotedBy {_m("Pompeo")}, {_m("He")} ; org:holds post:secretary-of-state .
actor:hans-muller a nkg:Person ; rdfs:label "Hans Müller" ; gaf:denotedBy {_m("Müller")} .
post:secretary-of-state a org:Post ; rdfs:label "Secretary of State" ;
    org:postIn actor:united-states .

event:e1 a nkg:Event ; nkg:eventType cameo:041 ; gaf:denotedBy {_m("telephoned")} ;
    sem:hasActor actor:mike-pompeo, actor:hans-muller ;
    nkg:agent actor:mike-pompeo ; nkg:recipient actor:hans-muller ;
    sem:hasTimeStamp "2020-01-03"^^xsd:date ; nkg:factuality nkg:Asserted ;
    nkg:participation event:e1-p1 .
event:e1-p1 a nkg:Participation ; nkg:participant actor:mike-pompeo ;
    sem:roleType nkg:AgentRole ; nkg:inCapacityOf post:secretary-of-state .

statement:s1 a nkg:Statement ; nkg:speaker actor:mike-pompeo ; nkg:mode nkg:Direct ;
    nkg:sourceMention {_m("He")} ; nkg:cueMention {_m("tweeted")} ;
    nkg:contentMention {_m("We remain resolved.")} ; schema:text "We remain resolved." ;
    nkg:channel nkg:Tweet ; nkg:about event:e1 .
"""

SPARQL_PREFIXES = "".join(
    line.replace("@prefix", "PREFIX").rstrip(" .") + "\n" for line in PREFIXES.splitlines())

#: One defect each -> the shape(s) that must report it, and no other shape.
BROKEN = {
    "anchor-mismatch": ('DELETE { ?m nif:anchorOf "Pompeo" } INSERT { ?m nif:anchorOf "Pompe" } '
                        'WHERE { ?m nif:anchorOf "Pompeo" }', NKGSH.MentionAnchorShape),
    "begin-after-end": ("DELETE { ?m nif:beginIndex ?b ; nif:endIndex ?e } "
                        "INSERT { ?m nif:beginIndex ?e ; nif:endIndex ?b } "
                        'WHERE { ?m nif:anchorOf "Müller" ; nif:beginIndex ?b ; nif:endIndex ?e }',
                        NKGSH.MentionAnchorShape),
    "string-offset": ("DELETE { ?m nif:beginIndex ?b } INSERT { ?m nif:beginIndex ?i } "
                      'WHERE { ?m nif:anchorOf "He" ; nif:beginIndex ?b BIND(STR(?b) AS ?i) }',
                      {NKGSH["Mention-beginIndex"], NKGSH.MentionAnchorShape}),
    "article-two-ids": ('INSERT DATA { article:a1 dct:identifier "a2" }', NKGSH["Article-identifier"]),
    "article-no-text": ("DELETE WHERE { article:a1 nif:isString ?t }", NKGSH["Article-isString"]),
    "actor-two-labels": ('INSERT DATA { actor:mike-pompeo rdfs:label "Pompeo" }', NKGSH["Actor-label"]),
    "actor-ungrounded": ("DELETE WHERE { actor:hans-muller gaf:denotedBy ?m }", NKGSH["Actor-grounded"]),
    "country-code-case": ('DELETE WHERE { ?a nkg:countryCode ?c } ; INSERT DATA { actor:united-states '
                          'nkg:countryCode "us" }', NKGSH["Actor-countryCode"]),
    "post-in-two": ("INSERT DATA { post:secretary-of-state org:postIn actor:hans-muller }",
                    NKGSH["Post-postIn"]),
    "event-two-types": ("INSERT DATA { event:e1 nkg:eventType cameo:040 }", NKGSH["Event-eventType"]),
    "event-class-outside-scheme": ("INSERT DATA { event:e1 nkg:eventClass cameo:040 }", NKGSH["Event-eventClass"]),
    "event-type-outside-scheme": ("DELETE WHERE { event:e1 nkg:eventType ?t } ; "
                                  "INSERT DATA { event:e1 nkg:eventType plover:CONSULT }",
                                  NKGSH["Event-eventType"]),
    "event-datetime": ("DELETE WHERE { event:e1 sem:hasTimeStamp ?t } ; INSERT DATA { "
                       'event:e1 sem:hasTimeStamp "2020-01-03T10:00:00"^^xsd:dateTime }',
                       NKGSH["Event-hasTimeStamp"]),
    "event-patient-is-a-post": ("INSERT DATA { event:e1 nkg:patient post:secretary-of-state }",
                                NKGSH["Event-hasActor"]),
    "statement-bad-mode": ("DELETE WHERE { statement:s1 nkg:mode ?m } ; "
                           "INSERT DATA { statement:s1 nkg:mode nkg:Tweet }", NKGSH["Statement-mode"]),
    "statement-two-speakers": ("INSERT DATA { statement:s1 nkg:speaker actor:hans-muller }",
                               NKGSH["Statement-speaker"]),
    "statement-no-cue": ("DELETE WHERE { statement:s1 nkg:cueMention ?m }", NKGSH["Statement-cueMention"]),
    "statement-no-text": ("DELETE WHERE { statement:s1 schema:text ?t }", NKGSH["Statement-text"]),
}


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return _parse(ontology_dir() / "shapes.ttl")


def _violations(data: Graph, shapes: Graph, ontology: Graph) -> set[tuple[URIRef, URIRef]]:
    # Validate data and ontology together, as the store's union graph holds them: pySHACL's
    # ont_graph would only mix in the class axioms, not the event-type concepts.
    conforms, report, text = validate(data + ontology, shacl_graph=shapes, inference="none")
    top = report.value(predicate=RDF.type, object=SH.ValidationReport, any=False)
    results = {(report.value(r, SH.sourceShape), report.value(r, SH.focusNode))
               for r in report.objects(top, SH.result)}  # not the nested sh:detail results
    assert conforms == (not results), text
    return results  # type: ignore[return-value]


def test_shapes_pass_a_good_graph(shapes: Graph, ontology: Graph) -> None:
    data = Graph().parse(data=GOOD, format="turtle")
    mention = URIRef(f"https://w3id.org/newskg/id/article/a1#char={TEXT.index('Pompeo')},"
                     f"{TEXT.index('Pompeo') + 6}")
    assert (mention, NIF.anchorOf, Literal("Pompeo")) in data
    assert _violations(data, shapes, ontology) == set()


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_shapes_catch_a_broken_graph(case: str, shapes: Graph, ontology: Graph) -> None:
    update, shape = BROKEN[case]
    data = Graph().parse(data=GOOD, format="turtle")
    data.update(SPARQL_PREFIXES + update)
    assert set(data) != set(Graph().parse(data=GOOD, format="turtle")), "the update changed nothing"
    expected = shape if isinstance(shape, set) else {shape}
    violated = {s for s, _ in _violations(data, shapes, ontology)}
    assert violated == expected, f"{case}: expected only {expected}, got {violated}"


def test_every_property_shape_is_named(shapes: Graph) -> None:
    """Reports name the shape (not a blank node) for the constraints the tests above exercise."""
    named = {s for s in shapes.subjects(RDF.type, SH.PropertyShape)}
    named |= {s for s in shapes.subjects(RDF.type, SH.NodeShape) if (s, SH.sparql, None) in shapes}
    assert all(isinstance(s, URIRef) for s in named)
    expected = {s for _, shape in BROKEN.values() for s in (shape if isinstance(shape, set) else {shape})}
    assert expected - {NKGSH.MentionAnchorShape} <= named
    assert not any(isinstance(s, BNode) for s in shapes.subjects(SH.targetClass, None))


#: Known violations of the sample store, each with its reason; remove an entry once fixed.
#: (Fixed since: a dateline in capitals, "WASHINGTON -", gave actor/washington a second label.)
#: (Fixed since: "President" and "president" gave post/president two labels; labels are now
#: capitalised one way by kg.extract.posts.post_label.)
KNOWN_SAMPLE_VIOLATIONS: set[tuple[URIRef, URIRef]] = set()


def test_shapes_on_the_real_sample_store(sample_store, shapes: Graph) -> None:  # type: ignore[no-untyped-def]
    """The whole store built by the real pipeline from data/ (ontology graph included)."""
    data = Graph().parse(data="".join(f"{s} {p} {o} .\n" for s, p, o, _ in sample_store.quads()),
                         format="nt")
    assert (None, RDF.type, NKG.Article) in data and (CAMEO["041"], SKOS.notation, None) in data
    conforms, report, text = validate(data, shacl_graph=shapes, inference="none")
    top = report.value(predicate=RDF.type, object=SH.ValidationReport, any=False)
    violations = {(report.value(r, SH.sourceShape), report.value(r, SH.focusNode))
                  for r in report.objects(top, SH.result)}
    assert violations - KNOWN_SAMPLE_VIOLATIONS == set(), text
