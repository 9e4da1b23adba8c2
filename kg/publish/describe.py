"""The release's machine-readable description: VoID statistics and DCAT distributions.

Counts come from SPARQL over the store and describe what the dumps hold: ``void:triples``
is the number of statements in all named graphs (the lines of the N-Quads dump), and with
``no_text`` the left-out article texts are not counted. Each file of the release is a
``dcat:Distribution`` with its byte size and SHA-256 (``spdx:checksum``).

>>> import tempfile
>>> from kg.store import open_store
>>> with open_store(tempfile.mkdtemp()) as store:
...     store.update('INSERT DATA { GRAPH <https://w3id.org/newskg/id/graph/a1> {'
...                  ' <https://w3id.org/newskg/id/actor/x> a <https://w3id.org/newskg/ns#Person> ;'
...                  ' <http://www.w3.org/2000/01/rdf-schema#label> "X" } }')
...     counts = dataset_counts(store)
>>> counts.triples, counts.entities, counts.classes, counts.class_partitions
(2, 1, 1, {'https://w3id.org/newskg/ns#Person': 1})
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from kg.queries import load
from kg.rdf.terms import curie
from kg.store import KGStore
from kg.vocab import DEFAULT_BASE, PREFIXES, dataset_iri

if TYPE_CHECKING:
    from rdflib import Graph

    from kg.publish.validate import ValidationResult

__all__ = ["FileInfo", "Counts", "file_info", "dataset_counts", "describe", "issued_date", "MEDIA_TYPES"]

SPDX = "http://spdx.org/rdf/terms#"
FOAF = "http://xmlns.com/foaf/0.1/"
IANA = "https://www.iana.org/assignments/media-types/"
SHAPES_IRI = "https://w3id.org/newskg/shapes"

#: Media types by file name ending.
MEDIA_TYPES = {".nq.gz": "application/n-quads", ".nq": "application/n-quads", ".nt": "application/n-triples",
               ".trig": "application/trig", ".ttl": "text/turtle", ".jsonld": "application/ld+json",
               ".html": "text/html", ".txt": "text/plain"}
#: W3C format IRIs of the dump formats (``void:feature``).
_FORMAT_IRIS = {"application/n-quads": "http://www.w3.org/ns/formats/N-Quads",
                "application/trig": "http://www.w3.org/ns/formats/TriG",
                "application/ld+json": "http://www.w3.org/ns/formats/JSON-LD",
                "application/n-triples": "http://www.w3.org/ns/formats/N-Triples",
                "text/turtle": "http://www.w3.org/ns/formats/Turtle"}


@dataclass(frozen=True)
class FileInfo:
    """One file of a release: name (relative to the release folder), size, SHA-256, role."""

    name: str
    byte_size: int
    sha256: str
    media_type: str
    kind: str = "dump"
    compressed: bool = False


def file_info(path: str | os.PathLike[str], *, kind: str = "dump", name: str | None = None) -> FileInfo:
    """Size, SHA-256 and media type of a file (read in blocks).

    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "x.nt"
    >>> _ = p.write_bytes(b"")
    >>> info = file_info(p)
    >>> info.byte_size, info.sha256[:12], info.media_type
    (0, 'e3b0c44298fc', 'application/n-triples')
    """
    path = Path(path)
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    ending = next((e for e in MEDIA_TYPES if path.name.endswith(e)), path.suffix)
    return FileInfo(name=name or path.name, byte_size=path.stat().st_size, sha256=digest.hexdigest(),
                    media_type=MEDIA_TYPES.get(ending, "application/octet-stream"), kind=kind,
                    compressed=path.name.endswith(".gz"))


#: The VoID totals a release states, by the local name of their ``void:`` property.
VOID_TOTALS = ("triples", "entities", "distinctSubjects", "distinctObjects", "properties", "classes")


@dataclass
class Counts:
    """VoID statistics of the published statements: ``totals`` by VoID property (see
    :data:`VOID_TOTALS`), the number of named graphs, and the class and property partitions.

    >>> Counts({"triples": 3}).triples
    3
    """

    totals: dict[str, int] = field(default_factory=dict)
    graphs: int = 0
    class_partitions: dict[str, int] = field(default_factory=dict)
    property_partitions: dict[str, int] = field(default_factory=dict)

    @property
    def triples(self) -> int:
        """``void:triples``: the statements of all named graphs."""
        return self.totals.get("triples", 0)

    @property
    def entities(self) -> int:
        """``void:entities``: the distinct IRIs of the dataset's namespace used as subjects."""
        return self.totals.get("entities", 0)

    @property
    def classes(self) -> int:
        """``void:classes``: the distinct classes instances belong to."""
        return self.totals.get("classes", 0)


def dataset_counts(store: KGStore, *, no_text: bool = False, base: str = DEFAULT_BASE) -> Counts:
    """VoID counts of the store's named graphs, by SPARQL (``no_text``: as :func:`kg.publish.dump.drop_text`
    leaves them)."""
    c = store.select(load("publish/counts"), union=False, bindings={"no_text": no_text, "base": base})[0]
    counts = Counts({name: int(c[name]) for name in VOID_TOTALS}, graphs=int(c["graphs"]))
    rows = store.select(load("publish/class-partitions"), union=False)
    counts.class_partitions = {str(r["c"]): int(r["n"]) for r in rows}
    rows = store.select(load("publish/property-partitions"), union=False, bindings={"no_text": no_text})
    counts.property_partitions = {str(r["p"]): int(r["n"]) for r in rows}
    return counts


def issued_date() -> dt.date:
    """The release date: the day of ``$SOURCE_DATE_EPOCH`` when set (reproducible builds), else today (UTC).

    >>> os.environ["SOURCE_DATE_EPOCH"] = "86400"; issued_date()
    datetime.date(1970, 1, 2)
    >>> del os.environ["SOURCE_DATE_EPOCH"]
    """
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    return now.date()


def _curie_slug(iri: str) -> str:
    name = curie(iri)
    if name and name.split(":", 1)[1].replace("_", "").replace("-", "").isalnum():
        return name.replace(":", "-", 1)
    return hashlib.sha1(iri.encode()).hexdigest()[:12]


def describe(counts: Counts, files: list[FileInfo], *, title: str, description: str,
             license: str | None, version: str, publisher: str, issued: dt.date | None = None,
             base: str = DEFAULT_BASE, base_url: str = "", no_text: bool = False,
             validation: "ValidationResult | None" = None, sparql_endpoint: str | None = None) -> "Graph":
    """The VoID + DCAT description of a release as an rdflib graph (serialise it to ``void.ttl``).

    ``base_url`` is where the release folder will be served; empty keeps download URLs
    relative to ``void.ttl`` itself.

    >>> g = describe(Counts({"triples": 3}), [], title="T", description="D", license=None, version="1",
    ...              publisher="P", issued=dt.date(2020, 1, 3))
    >>> [int(n) for n in g.objects(None, g.namespace_manager.expand_curie("void:triples"))]
    [3]
    """
    from rdflib import RDF, XSD, BNode, Graph, Literal, Namespace, URIRef

    VOID, DCAT, DCT = Namespace(PREFIXES["void"]), Namespace(PREFIXES["dcat"]), Namespace(PREFIXES["dct"])
    RDFS, OWL, SH = Namespace(PREFIXES["rdfs"]), Namespace(PREFIXES["owl"]), Namespace("http://www.w3.org/ns/shacl#")
    SPDX_, FOAF_ = Namespace(SPDX), Namespace(FOAF)
    g = Graph()
    for prefix, ns in {**PREFIXES, "spdx": SPDX, "foaf": FOAF, "sh": str(SH)}.items():
        g.bind(prefix, ns)
    ds = URIRef(dataset_iri(base=base))
    g.add((ds, RDF.type, VOID.Dataset))
    g.add((ds, RDF.type, DCAT.Dataset))
    g.add((ds, DCT.title, Literal(title, lang="en")))
    g.add((ds, DCT.description, Literal(description, lang="en")))
    if license:
        g.add((ds, DCT.license, URIRef(license)))
    g.add((ds, DCAT.version, Literal(version)))
    g.add((ds, OWL.versionInfo, Literal(version)))
    g.add((ds, DCT.issued, Literal((issued or issued_date()).isoformat(), datatype=XSD.date)))
    agent = URIRef(dataset_iri("publisher", base))
    g.add((ds, DCT.publisher, agent))
    g.add((agent, RDF.type, FOAF_.Agent))
    g.add((agent, FOAF_.name, Literal(publisher)))
    g.add((ds, VOID.uriSpace, Literal(base)))
    if sparql_endpoint:
        g.add((ds, VOID.sparqlEndpoint, URIRef(sparql_endpoint)))
    for name in VOID_TOTALS:
        g.add((ds, VOID[name], Literal(counts.totals.get(name, 0))))
    used = list(counts.property_partitions) + list(counts.class_partitions)
    for ns in sorted(set(PREFIXES.values())):
        if ns != base and any(term.startswith(ns) for term in used):
            g.add((ds, VOID.vocabulary, URIRef(ns)))
    for cls, n in counts.class_partitions.items():
        part = URIRef(dataset_iri(f"class-{_curie_slug(cls)}", base))
        g.add((ds, VOID.classPartition, part))
        g.add((part, VOID["class"], URIRef(cls)))
        g.add((part, VOID.entities, Literal(n)))
    for prop, n in counts.property_partitions.items():
        part = URIRef(dataset_iri(f"property-{_curie_slug(prop)}", base))
        g.add((ds, VOID.propertyPartition, part))
        g.add((part, VOID.property, URIRef(prop)))
        g.add((part, VOID.triples, Literal(n)))
    for info in files:
        url = URIRef(f"{base_url}{info.name}")
        dist = URIRef(dataset_iri(f"file-{info.name}", base))
        g.add((ds, DCAT.distribution, dist))
        g.add((dist, RDF.type, DCAT.Distribution))
        g.add((dist, DCT.title, Literal(info.name)))
        g.add((dist, DCAT.downloadURL, url))
        g.add((dist, DCAT.mediaType, URIRef(IANA + info.media_type)))
        if info.compressed:
            g.add((dist, DCAT.compressFormat, URIRef(IANA + "application/gzip")))
        g.add((dist, DCAT.byteSize, Literal(info.byte_size, datatype=XSD.nonNegativeInteger)))
        checksum = BNode(f"sha256-{info.sha256[:16]}")
        g.add((dist, SPDX_.checksum, checksum))
        g.add((checksum, RDF.type, SPDX_.Checksum))
        g.add((checksum, SPDX_.algorithm, SPDX_.checksumAlgorithm_sha256))
        g.add((checksum, SPDX_.checksumValue, Literal(info.sha256, datatype=XSD.hexBinary)))
        if info.kind == "dump":
            g.add((ds, VOID.dataDump, url))
            if info.media_type in _FORMAT_IRIS:
                g.add((ds, VOID.feature, URIRef(_FORMAT_IRIS[info.media_type])))
    if no_text:
        g.add((ds, RDFS.comment, Literal("Article full texts (nif:isString) and sentence texts are left out; "
                                         "mentions keep their offsets and anchors.", lang="en")))
    if validation is not None:
        report = URIRef(dataset_iri("validation", base))
        g.add((report, RDF.type, SH.ValidationReport))
        g.add((report, SH.conforms, Literal(validation.conforms)))
        g.add((report, DCT.subject, ds))
        g.add((report, DCT.conformsTo, URIRef(SHAPES_IRI)))
        g.add((report, RDFS.seeAlso, URIRef(f"{base_url}shacl-report.ttl")))
        if validation.conforms:
            g.add((ds, DCT.conformsTo, URIRef(SHAPES_IRI)))
        else:
            g.add((ds, RDFS.comment, Literal(
                f"Published with {len(validation.violations)} SHACL violations of {SHAPES_IRI} "
                "(kg publish --force); see shacl-report.ttl.", lang="en")))
            for violation in validation.violations:
                g.add((report, RDFS.comment, Literal(str(violation), lang="en")))
    return g
