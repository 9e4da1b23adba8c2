"""The graphs the notebook draws: nodes (IRIs or literal values) and labelled edges, built
from CONSTRUCT/DESCRIBE triples or from any two columns of a SELECT, capped, and with
statements collapsed into speaker -> subject edges. :mod:`kg.notebook.network` draws them.

Nodes are coloured and shaped by class (person, organisation, country, place, event,
statement, post, article); edge labels come from the ``rdfs:label`` of the properties.

>>> g = Graph()
>>> g.add_edge("http://ex.org/a", "holds", "http://ex.org/p")
>>> g.kinds["http://ex.org/a"] = "Person"
>>> g.nodes()
['http://ex.org/a', 'http://ex.org/p']
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kg.rdf.terms import read_term
from kg.vocab import NKG, ORG, RDF, RDFS, SCHEMA, SKOS

#: Class local name -> (legend label, colour, vis.js shape).
STYLES: dict[str, tuple[str, str, str]] = {
    "Person": ("person", "#4e79a7", "dot"),
    "Organization": ("organisation", "#f28e2b", "square"),
    "GeopoliticalEntity": ("country / GPE", "#59a14f", "triangle"),
    "Place": ("place", "#8cd17d", "triangleDown"),
    "Event": ("event", "#e15759", "diamond"),
    "Statement": ("statement", "#b07aa1", "star"),
    "Post": ("post", "#edc948", "hexagon"),
    "Article": ("article", "#9c755f", "box"),
    "Other": ("other", "#bab0ac", "dot"),
}

#: Classes known to the views, most specific first (a GPE is also a Place).
CLASS_IRIS: dict[str, str] = {
    f"{NKG}Person": "Person", f"{NKG}Organization": "Organization",
    f"{NKG}GeopoliticalEntity": "GeopoliticalEntity", f"{NKG}Place": "Place",
    f"{NKG}Event": "Event", f"{NKG}Statement": "Statement", f"{ORG}Post": "Post",
    f"{NKG}Article": "Article",
}

_LABEL_PROPS = {f"{RDFS}label", f"{SKOS}prefLabel"}


def kind_of(classes: Iterable[str]) -> str:
    """The most specific known class local name among class IRIs, else ``"Other"``.

    >>> kind_of([NKG + "Place", NKG + "GeopoliticalEntity"])
    'GeopoliticalEntity'
    """
    found = set(classes)
    for iri, name in CLASS_IRIS.items():
        if iri in found:
            return name
    return "Other"


def short_label(iri: str) -> str:
    """A readable fallback label for an IRI: its local name, camel case split.

    >>> short_label("http://semanticweb.cs.vu.nl/2009/11/sem/hasActor")
    'has actor'
    >>> short_label("https://w3id.org/newskg/id/actor/mike-pompeo")
    'mike-pompeo'
    """
    local = re.split(r"[#/]", iri.rstrip("/#"))[-1] or iri
    if re.fullmatch(r"[a-z]+(?:[A-Z][a-z]*)+", local):
        return re.sub(r"(?<!^)([A-Z])", r" \1", local).lower()
    return local


@dataclass
class Graph:
    """Nodes (IRIs) and labelled edges to draw, with node labels, kinds and tooltips."""

    edges: list[tuple[str, str, str]] = field(default_factory=list)
    labels: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)
    notes: dict[str, list[str]] = field(default_factory=dict)
    focus: set[str] = field(default_factory=set)

    predicates: dict[tuple[str, str, str], str] = field(default_factory=dict)

    def add_edge(self, subject: str, label: str, obj: str, *, predicate: str = "") -> None:
        """Add one edge (duplicates are ignored); ``predicate`` is the property IRI it draws."""
        edge = (subject, label, obj)
        if edge not in self.predicates:
            self.edges.append(edge)
            self.predicates[edge] = predicate

    def merge(self, other: "Graph") -> None:
        """Add another graph's edges, labels, kinds, notes (what this graph knows stays)."""
        for edge in other.edges:
            self.add_edge(*edge, predicate=other.predicates.get(edge, ""))
        for mine, theirs in ((self.labels, other.labels), (self.kinds, other.kinds), (self.notes, other.notes)):
            for key, value in theirs.items():
                mine.setdefault(key, value)  # type: ignore[arg-type]
        self.focus |= {n for n in other.focus if n not in self.nodes()}

    def nodes(self) -> list[str]:
        """Every node, in order of first appearance (edge ends, then focus nodes)."""
        seen: dict[str, None] = {}
        for s, _, o in self.edges:
            seen.setdefault(s)
            seen.setdefault(o)
        for n in sorted(self.focus):
            seen.setdefault(n)
        return list(seen)


#: Node kinds that are actors (ends of collapsed statement edges).
ACTOR_KINDS = {"Person", "Organization", "GeopoliticalEntity", "Place"}


def collapse_statements(graph: Graph) -> Graph:
    """The graph with each statement node replaced by a "said about" edge from its speaker
    to the actors it is about or addressed to, counted (``said about ×3``); statements of a
    speaker that name nobody else become a note on the speaker, statements without a known
    speaker a note on the actors they name.

    >>> g = Graph(kinds={"s1": "Statement", "s2": "Statement", "a": "Person", "b": "Person"})
    >>> for st in ("s1", "s2"):
    ...     g.add_edge(st, "speaker", "a", predicate=NKG + "speaker")
    ...     g.add_edge(st, "about", "b", predicate=NKG + "about")
    >>> collapse_statements(g).edges
    [('a', 'said about ×2', 'b')]
    """
    statements = {n for n in graph.nodes() if graph.kinds.get(n) == "Statement"}
    speakers: dict[str, set[str]] = {st: set() for st in statements}
    for edge in graph.edges:
        if edge[0] in statements and graph.predicates.get(edge) == f"{NKG}speaker":
            speakers[edge[0]].add(edge[2])
    said: Counter[tuple[str, str]] = Counter()
    notes: Counter[tuple[str, str]] = Counter()
    for st, who in speakers.items():
        others = {x for s, _, o in graph.edges for x in (s, o)
                  if st in (s, o) and x != st and x not in who and graph.kinds.get(x) in ACTOR_KINDS}
        for a in who:
            said.update((a, b) for b in others)
            if not others:
                notes[(a, "statement(s) naming no other actor")] += 1
        if not who:
            notes.update((b, "statement(s) without a known speaker name this actor") for b in others)
    out = Graph(labels=dict(graph.labels), kinds=dict(graph.kinds),
                notes={k: list(v) for k, v in graph.notes.items()}, focus=graph.focus - statements)
    for edge in graph.edges:
        if edge[0] not in statements and edge[2] not in statements:
            out.add_edge(*edge, predicate=graph.predicates.get(edge, ""))
    for (a, b), n in sorted(said.items()):
        out.add_edge(a, "said about" if n == 1 else f"said about ×{n}", b, predicate=f"{NKG}speaker")
    for (a, text), n in sorted(notes.items()):
        out.notes.setdefault(a, []).append(f"{n} {text}")
        out.focus.add(a)
    return out


def columns_graph(rows: Any, source: str, target: str, *, label: str | None = None,
                  edge_labels: dict[str, str] | None = None) -> Graph:
    """A graph from two columns of SELECT rows: one node per distinct value (IRI or literal:
    a label is a node too), one edge per row from ``source`` to ``target``, labelled with the
    ``label`` column's value (or the target column's name; a property IRI there is named by
    ``edge_labels`` or its local name). Rows missing either end are skipped.

    ``rows`` is a :class:`kg.store.results.Rows` (values plus N-Triples ``terms``); literal
    nodes get ids ``"value"`` so they never clash with IRIs.

    >>> from kg.store.results import Rows
    >>> rows = Rows(["a", "b", "n"], [{"a": "Mike Pompeo", "b": "Iran", "n": 3}],
    ...             [{"a": '"Mike Pompeo"', "b": '"Iran"', "n": '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'}])
    >>> columns_graph(rows, "a", "b", label="n").edges
    [('"Mike Pompeo"', '3', '"Iran"')]
    """
    g = Graph()
    for values, terms in zip(rows, rows.terms):
        ends = []
        for column in (source, target):
            term, value = terms.get(column), values.get(column)
            if term is None or value is None:
                break
            node = value if term.startswith("<") else term if term.startswith("_:") else f'"{value}"'
            if not term.startswith("<"):
                g.labels.setdefault(node, str(value))
            ends.append(node)
        if len(ends) < 2:
            continue
        edge_label = target if label is None else values.get(label)
        if label is not None and terms.get(label, "").startswith("<"):
            edge_label = (edge_labels or {}).get(str(edge_label)) or short_label(str(edge_label))
        g.add_edge(ends[0], "" if edge_label is None else str(edge_label), ends[1])
    return g


def _term(term: str) -> tuple[str, str]:
    """(``iri``|``bnode``|``literal``, value) for an N-Triples term string."""
    kind, value, _, _ = read_term(term)
    return {"uri": ("iri", value), "bnode": ("bnode", term)}.get(kind, ("literal", value))


def graph_from_triples(triples: Iterable[tuple[str, str, str]], *,
                       edge_labels: dict[str, str] | None = None) -> Graph:
    """A :class:`Graph` from N-Triples term triples (CONSTRUCT/DESCRIBE results).

    ``rdf:type`` sets a node's kind, ``rdfs:label``/``skos:prefLabel`` its label, other
    literals go into its tooltip; IRIs and blank nodes become edges.

    >>> g = graph_from_triples([("<http://ex.org/a>", f"<{RDFS}label>", '"Pompeo"'),
    ...                         ("<http://ex.org/a>", f"<{ORG}holds>", "<http://ex.org/p>")])
    >>> g.labels["http://ex.org/a"], g.edges
    ('Pompeo', [('http://ex.org/a', 'holds', 'http://ex.org/p')])
    """
    labels = edge_labels or {}
    g = Graph()
    classes: dict[str, list[str]] = {}
    for s, p, o in triples:
        _, subject = _term(s)
        _, prop = _term(p)
        kind, value = _term(o)
        if prop == f"{RDF}type" and kind == "iri":
            classes.setdefault(subject, []).append(value)
            g.focus.add(subject)
        elif kind == "literal":
            if prop in _LABEL_PROPS or (prop == f"{SCHEMA}text" and subject not in g.labels):
                g.labels.setdefault(subject, value)
            g.notes.setdefault(subject, []).append(f"{labels.get(prop, short_label(prop))}: {value}")
            g.focus.add(subject)
        else:
            g.add_edge(subject, labels.get(prop, short_label(prop)), value, predicate=prop)
    g.kinds.update({n: kind_of(c) for n, c in classes.items()})
    return g


def cap(graph: Graph, max_nodes: int) -> tuple[Graph, int]:
    """The graph cut to ``max_nodes`` nodes (focus nodes, then the most connected), and how many were cut.

    >>> g = Graph(edges=[("a", "p", "b"), ("a", "p", "c"), ("c", "p", "d")], focus={"a"})
    >>> small, cut = cap(g, 2)
    >>> sorted(small.nodes()), cut
    (['a', 'c'], 2)
    """
    nodes = graph.nodes()
    if len(nodes) <= max_nodes:
        return graph, 0
    degree = Counter(n for s, _, o in graph.edges for n in (s, o))
    ranked = sorted(nodes, key=lambda n: (n not in graph.focus, -degree[n], nodes.index(n)))
    keep = set(ranked[:max_nodes])
    small = Graph(labels=graph.labels, kinds=graph.kinds, notes=graph.notes,
                  focus={n for n in graph.focus if n in keep})
    for edge in graph.edges:
        if edge[0] in keep and edge[2] in keep:
            small.add_edge(*edge, predicate=graph.predicates.get(edge, ""))
    small.focus |= keep - set(small.nodes())
    return small, len(nodes) - max_nodes
