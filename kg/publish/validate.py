"""SHACL validation of a store's data against ``ontology/shapes.ttl`` (pySHACL).

The data graph is the union of the store's graphs (the store holds the ontology too, so
``sh:class`` follows ``rdfs:subClassOf``); when the ontology graph is absent, the ontology
files are added. pySHACL works in memory: validation holds the whole data graph in rdflib.

>>> from rdflib import Graph
>>> data = Graph().parse(data='''
... @prefix nkg: <https://w3id.org/newskg/ns#> .
... <https://w3id.org/newskg/id/article/a1> a nkg:Article .''', format="turtle")
>>> result = validate_graph(data)
>>> result.conforms, sorted({v.shape.rsplit("#", 1)[1] for v in result.violations})
(False, ['Article-identifier', 'Article-isString'])
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from kg.errors import ValidationFailed
from kg.ontology import STORE_FILES, ontology_text
from kg.rdf.terms import curie, rdflib_graph
from kg.store import KGStore
from kg.store.export import raw_quads
from kg.vocab import ONTOLOGY_GRAPH, PREFIXES, SH

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["Violation", "ValidationResult", "validate", "validate_graph", "shapes_graph"]

#: Prefixes of reports and messages: the project's, SHACL's and the shapes'.
_PREFIXES = {**PREFIXES, "sh": SH, "nkgsh": "https://w3id.org/newskg/shapes#"}



@dataclass(frozen=True)
class Violation:
    """One SHACL result: which shape, on which node and path, and why."""

    shape: str
    focus: str
    path: str | None
    message: str
    severity: str = "Violation"
    value: str | None = None
    constraint: str = ""

    def __str__(self) -> str:
        """One readable line (prefixed names), e.g. for a terminal.

        >>> print(Violation("https://w3id.org/newskg/shapes#Article-title", "https://w3id.org/newskg/id/article/a1",
        ...                 "http://purl.org/dc/terms/title", "Too many titles."))
        Violation nkgsh:Article-title on data:article/a1 path dct:title: Too many titles.
        """
        where = f" path {_curie(self.path)}" if self.path else ""
        value = f" value {_curie(self.value)}" if self.value and self.value not in self.message else ""
        return f"{self.severity} {_curie(self.shape)} on {_curie(self.focus)}{where}{value}: {self.message}"


@dataclass
class ValidationResult:
    """The outcome of a validation: ``conforms`` is False when any result is a ``sh:Violation``."""

    conforms: bool
    results: list[Violation] = field(default_factory=list)
    report_turtle: str = ""
    triples: int = 0

    @property
    def violations(self) -> list[Violation]:
        """Results of severity ``sh:Violation`` (warnings and infos do not fail validation)."""
        return [r for r in self.results if r.severity == "Violation"]

    def text(self, *, limit: int | None = 50) -> str:
        """A terminal-readable report: a verdict line, then one line per result.

        >>> print(ValidationResult(True, triples=12).text())
        Conforms: 12 triples checked against the shapes, 0 violations, 0 other results.
        """
        others = len(self.results) - len(self.violations)
        head = (f"{'Conforms' if self.conforms else 'Does not conform'}: {self.triples} triples checked "
                f"against the shapes, {len(self.violations)} violations, {others} other results.")
        shown = self.results if limit is None else self.results[:limit]
        lines = [head] + [f"  {r}" for r in shown]
        if len(shown) < len(self.results):
            lines.append(f"  ... and {len(self.results) - len(shown)} more (see the full report)")
        return "\n".join(lines)

    def raise_for_violations(self) -> None:
        """Raise :class:`ValidationFailed` (with the readable report) when the data does not conform.

        :raises ValidationFailed: there is at least one violation.
        """
        if not self.conforms:
            raise ValidationFailed(self.text(limit=20))


@lru_cache(maxsize=1)
def _cached_graph(text: str) -> "Graph":
    from rdflib import Graph

    return Graph().parse(data=text, format="turtle")


def shapes_graph() -> "Graph":
    """The SHACL shapes of ``ontology/shapes.ttl`` as an rdflib graph (do not modify it).

    >>> len(shapes_graph()) > 50
    True
    """
    return _cached_graph(ontology_text("shapes.ttl"))


def validate(store: KGStore, *, raise_on_violation: bool = False) -> ValidationResult:
    """Validate the union of the store's graphs against the shapes.

    :param raise_on_violation: raise instead of returning a non-conforming result.
    :raises ValidationFailed: with ``raise_on_violation``, when the data violates the shapes.
    """
    data = rdflib_graph(raw_quads(store))
    if ONTOLOGY_GRAPH not in store.graphs():
        for name in STORE_FILES:  # what the store would hold in its ontology graph
            data.parse(data=ontology_text(name), format="turtle")
    result = validate_graph(data)
    if raise_on_violation:
        result.raise_for_violations()
    return result


def validate_graph(data: "Graph") -> ValidationResult:
    """Validate an rdflib graph against the shapes (the graph should include the ontology)."""
    import pyshacl
    from rdflib import Graph, URIRef

    _, report, _ = pyshacl.validate(data, shacl_graph=shapes_graph(), inference="none",
                                    allow_warnings=True, allow_infos=True)
    assert isinstance(report, Graph)
    sh = {name: URIRef(SH + name) for name in ("result", "sourceShape", "focusNode", "resultPath",
                                              "resultMessage", "resultSeverity", "value",
                                              "sourceConstraintComponent")}
    results = []
    for node in report.objects(None, sh["result"]):
        def one(key: str) -> str | None:
            value = report.value(node, sh[key])
            return None if value is None else str(value)
        results.append(Violation(
            shape=_shape_name(report, report.value(node, sh["sourceShape"])),
            focus=one("focusNode") or "", path=one("resultPath"),
            message=one("resultMessage") or "", value=one("value"),
            severity=(one("resultSeverity") or SH + "Violation").rsplit("#", 1)[1],
            constraint=(one("sourceConstraintComponent") or "").rsplit("#", 1)[-1]))
    results.sort(key=lambda r: (r.severity != "Violation", r.shape, r.focus, r.path or "", r.message))
    for prefix, iri in _PREFIXES.items():
        report.bind(prefix, iri)
    conforms = not any(r.severity == "Violation" for r in results)
    return ValidationResult(conforms=conforms, results=results, report_turtle=report.serialize(format="turtle"),
                            triples=len(data))


def _shape_name(report: "Graph", shape: object) -> str:
    """The shape's IRI; for an anonymous shape, the named shape it belongs to plus its kind."""
    from rdflib import BNode, URIRef

    if shape is None:
        return ""
    if not isinstance(shape, BNode):
        return str(shape)
    shapes = shapes_graph()
    for parent in shapes.subjects(None, shape):
        if isinstance(parent, URIRef):
            return f"{parent} (anonymous constraint)"
    return "(anonymous shape)"


def _curie(iri: str | None) -> str:
    if not iri:
        return ""
    return curie(iri, _PREFIXES) or (iri if not iri.startswith("http") else f"<{iri}>")
