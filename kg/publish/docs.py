"""An HTML page documenting every class, property and named individual of the ontology.

Generated from the Turtle (``ontology/newskg.ttl`` and ``event-types.ttl``): labels,
comments, domains, ranges, alignments (sub-class, sub-property, equivalences, SKOS matches),
examples, and the event-type schemes as tables. The page is deterministic (sorted, no dates).

>>> page = ontology_html()
>>> "nkg:Statement" in page and "rdfs:subClassOf" in page and "041" in page
True
"""

from __future__ import annotations

import html
from collections.abc import Iterable
from typing import TYPE_CHECKING

from kg.ontology import ontology_text
from kg.rdf.terms import curie
from kg.vocab import CAMEO, NKG, ONTOLOGY_IRI, PLOVER, PREFIXES

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

__all__ = ["ontology_html", "ontology_graph"]

_EXTRA_PREFIXES = {"cameo": CAMEO, "plover": PLOVER,
                   "vann": "http://purl.org/vocab/vann/"}
_CLASS_TYPES = ("owl:Class", "rdfs:Class")
_PROPERTY_TYPES = ("owl:ObjectProperty", "owl:DatatypeProperty", "owl:AnnotationProperty", "rdf:Property")
#: Rows shown for each term, in order: (label on the page, predicate).
_ROWS = [("sub-class of", "rdfs:subClassOf"), ("sub-property of", "rdfs:subPropertyOf"),
         ("equivalent class", "owl:equivalentClass"), ("equivalent property", "owl:equivalentProperty"),
         ("inverse of", "owl:inverseOf"), ("disjoint with", "owl:disjointWith"),
         ("domain", "rdfs:domain"), ("range", "rdfs:range"), ("one of", "owl:oneOf"),
         ("exact match", "skos:exactMatch"), ("close match", "skos:closeMatch"),
         ("broad match", "skos:broadMatch"), ("related match", "skos:relatedMatch"),
         ("see also", "rdfs:seeAlso")]
_CSS = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;line-height:1.45}
code{background:#f3f3f3;padding:0 .2em}pre{background:#f6f6f6;padding:.6em;overflow-x:auto}
section.term{border-top:1px solid #ddd;padding-top:.5em}table{border-collapse:collapse}
td,th{border:1px solid #ddd;padding:.2em .5em;vertical-align:top;text-align:left}th{background:#f6f6f6}"""


def ontology_graph() -> "Graph":
    """The ontology and event-type scheme as one rdflib graph.

    >>> len(ontology_graph()) > 1000
    True
    """
    from rdflib import Graph

    graph = Graph()
    for name in ("newskg.ttl", "event-types.ttl"):
        graph.parse(data=ontology_text(name), format="turtle")
    return graph


def ontology_html(graph: "Graph | None" = None) -> str:
    """The documentation page of the ontology as an HTML text."""
    from rdflib import URIRef

    graph = graph if graph is not None else ontology_graph()
    prefixes = {**PREFIXES, **_EXTRA_PREFIXES}

    def short(node: "Node") -> str:
        return curie(str(node), prefixes) or str(node)

    def uri(name: str) -> URIRef:
        prefix, local = name.split(":", 1)
        return URIRef(prefixes[prefix] + local)

    def link(node: "Node") -> str:
        if isinstance(node, URIRef):
            name = short(node)
            href = f"#{name}" if str(node).startswith(NKG) else html.escape(str(node))
            return f'<a href="{href}"><code>{html.escape(name)}</code></a>'
        from rdflib.collection import Collection

        if (node, uri("rdf:first"), None) in graph:
            return "one of " + ", ".join(link(n) for n in Collection(graph, node))
        return html.escape(str(node))

    def text(node: "Node", predicate: str) -> str:
        values = sorted(str(v) for v in graph.objects(node, uri(predicate)))
        return " ".join(values)

    def of_types(types: Iterable[str]) -> list[URIRef]:
        found = {s for t in types for s in graph.subjects(uri("rdf:type"), uri(t))
                 if isinstance(s, URIRef) and str(s).startswith(NKG)}
        return sorted(found, key=str)

    classes, properties = of_types(_CLASS_TYPES), of_types(_PROPERTY_TYPES)
    schemes = of_types(["skos:ConceptScheme"])
    individuals = sorted({s for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(NKG)}
                         - set(classes) - set(properties) - set(schemes), key=str)

    def term_section(term: URIRef, kind: str) -> str:
        name = short(term)
        label = text(term, "rdfs:label") or name
        kinds = ", ".join(sorted(short(t) for t in graph.objects(term, uri("rdf:type"))))
        parts = [f'<section class="term" id="{html.escape(name)}"><h3>{html.escape(label)} '
                 f"<code>{html.escape(name)}</code></h3>",
                 f"<p><small>{html.escape(kind)} · {html.escape(kinds)} · IRI <code>{html.escape(str(term))}</code>"
                 "</small></p>"]
        comment = text(term, "rdfs:comment")
        if comment:
            parts.append(f"<p>{html.escape(comment)}</p>")
        rows = []
        for title, predicate in _ROWS:
            values = sorted(graph.objects(term, uri(predicate)), key=str)
            if values:
                rows.append(f"<tr><th>{title} <small><code>{predicate}</code></small></th>"
                            f"<td>{', '.join(link(v) for v in values)}</td></tr>")
        if kind == "class":
            members = sorted(graph.subjects(uri("rdfs:subClassOf"), term), key=str)
            if members:
                rows.append(f"<tr><th>sub-classes</th><td>{', '.join(link(m) for m in members)}</td></tr>")
            used = sorted(set(graph.subjects(uri("rdfs:domain"), term)), key=str)
            if used:
                rows.append(f"<tr><th>properties (domain)</th><td>{', '.join(link(u) for u in used)}</td></tr>")
        if rows:
            parts.append("<table>" + "".join(rows) + "</table>")
        for example in sorted(str(e) for e in graph.objects(term, uri("skos:example"))):
            parts.append(f"<p>Example:</p><pre>{html.escape(example)}</pre>")
        parts.append("</section>")
        return "\n".join(parts)

    def scheme_section(scheme: URIRef) -> str:
        concepts = sorted(graph.subjects(uri("skos:inScheme"), scheme),
                          key=lambda c: (text(c, "skos:notation"), str(c)))
        rows = [f'<tr><td><code>{html.escape(text(c, "skos:notation") or short(c))}</code></td>'
                f'<td>{html.escape(text(c, "skos:prefLabel"))}</td>'
                f'<td>{", ".join(link(m) for m in sorted(graph.objects(c, uri("skos:closeMatch")), key=str))}</td>'
                f'<td>{html.escape(text(c, "skos:definition"))}</td></tr>' for c in concepts]
        head = term_section(scheme, "concept scheme")
        return (head + f"\n<details><summary>{len(concepts)} concepts</summary><table>"
                "<tr><th>notation</th><th>label</th><th>close match</th><th>definition</th></tr>"
                + "\n".join(rows) + "</table></details>")

    ontology = URIRef(ONTOLOGY_IRI)
    title = text(ontology, "dct:title") or "newskg ontology"
    toc = lambda terms: ", ".join(link(t) for t in terms)  # noqa: E731
    body = [f"<h1>{html.escape(title)}</h1>",
            f"<p>IRI <code>{html.escape(ONTOLOGY_IRI)}</code> · version "
            f"{html.escape(text(ontology, 'owl:versionInfo'))} · namespace <code>{html.escape(NKG)}</code> · "
            f"licence {', '.join(link(v) for v in graph.objects(ontology, uri('dct:license')))}</p>",
            f"<p>{html.escape(text(ontology, 'dct:description'))}</p>",
            "<h2>Prefixes</h2><table>" + "".join(
                f"<tr><td><code>{p}:</code></td><td><code>{html.escape(ns)}</code></td></tr>"
                for p, ns in prefixes.items()) + "</table>",
            f"<h2>Contents</h2><p><b>Classes</b>: {toc(classes)}</p><p><b>Properties</b>: {toc(properties)}</p>"
            f"<p><b>Individuals</b>: {toc(individuals)}</p><p><b>Schemes</b>: {toc(schemes)}</p>",
            f"<h2>Classes ({len(classes)})</h2>", *[term_section(c, "class") for c in classes],
            f"<h2>Properties ({len(properties)})</h2>", *[term_section(p, "property") for p in properties],
            f"<h2>Individuals ({len(individuals)})</h2>", *[term_section(i, "individual") for i in individuals],
            f"<h2>Event-type schemes ({len(schemes)})</h2>", *[scheme_section(s) for s in schemes]]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f"<title>{html.escape(title)}</title><style>{_CSS}</style></head><body>\n"
            + "\n".join(body) + "\n</body></html>\n")
