"""Network views with pyvis that work offline: resources inlined, shown in an isolated iframe.

Nodes are coloured and shaped by class (person, organisation, country, place, event,
statement, post, article) with a legend; edge labels come from the ``rdfs:label`` of the
properties; a node cap keeps big graphs usable and says what was cut; the physics layout
is stabilised, then frozen.

>>> g = Graph()
>>> g.add_edge("http://ex.org/a", "holds", "http://ex.org/p")
>>> g.kinds["http://ex.org/a"] = "Person"
>>> page = network_page(g)
>>> "cdn.jsdelivr" in page, "vis.Network" in page, "> person" in page
(False, True, True)
"""

from __future__ import annotations

import html
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
_BOOTSTRAP = re.compile(r"<link[^>]*cdn\.jsdelivr\.net[^>]*/>|<script[^>]*cdn\.jsdelivr\.net[^>]*>\s*</script>", re.S)
_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>")


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

    def add_edge(self, subject: str, label: str, obj: str) -> None:
        """Add one edge (duplicates are ignored)."""
        edge = (subject, label, obj)
        if edge not in self.edges:
            self.edges.append(edge)

    def nodes(self) -> list[str]:
        """Every node, in order of first appearance (edge ends, then focus nodes)."""
        seen: dict[str, None] = {}
        for s, _, o in self.edges:
            seen.setdefault(s)
            seen.setdefault(o)
        for n in sorted(self.focus):
            seen.setdefault(n)
        return list(seen)


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
            g.add_edge(subject, labels.get(prop, short_label(prop)), value)
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
    small = Graph(edges=[e for e in graph.edges if e[0] in keep and e[2] in keep],
                  labels=graph.labels, kinds=graph.kinds, notes=graph.notes,
                  focus={n for n in graph.focus if n in keep})
    small.focus |= keep - set(small.nodes())
    return small, len(nodes) - max_nodes


def _legend(kinds: Iterable[str]) -> str:
    symbols = {"dot": "&#9679;", "square": "&#9632;", "triangle": "&#9650;", "triangleDown": "&#9660;",
               "diamond": "&#9670;", "star": "&#9733;", "hexagon": "&#11042;", "box": "&#9646;"}
    items = []
    for kind in STYLES:
        if kind in kinds:
            name, colour, shape = STYLES[kind]
            items.append(f'<span style="color:{colour};font-size:16px">{symbols[shape]}</span> {name}')
    return ('<div id="kg-legend" style="position:absolute;top:6px;left:6px;background:#fffe;'
            'border:1px solid #ccc;padding:4px 8px;font:12px sans-serif;z-index:10">'
            + "<br>".join(items) + "</div>")


_FREEZE = """<script>
(function () {
  function frozen() { network.setOptions({physics: false}); document.body.setAttribute("data-frozen", "1"); }
  function hook() {
    if (typeof network === "undefined" || !network) { return setTimeout(hook, 50); }
    network.once("stabilizationIterationsDone", frozen);
    setTimeout(frozen, 4000);
  }
  hook();
})();
</script>"""


def network_page(graph: Graph, *, max_nodes: int = 150, height: int = 520,
                 widen_hint: str = "max_nodes") -> str:
    """A self-contained HTML page (no network access needed) drawing the graph with vis.js.

    :param max_nodes: node cap; a banner says how many nodes were cut and how to widen it.
    :param widen_hint: the argument name the banner tells users to raise.
    """
    from pyvis.network import Network

    shown, cut = cap(graph, max_nodes)
    net = Network(height=f"{height}px", width="100%", directed=True, cdn_resources="in_line")
    kinds_present = set()
    for node in shown.nodes():
        kind = shown.kinds.get(node, "Other")
        kinds_present.add(kind)
        _, colour, shape = STYLES.get(kind, STYLES["Other"])
        label = shown.labels.get(node) or short_label(node)
        tip = "\n".join([label, node, *shown.notes.get(node, [])[:8]])
        net.add_node(node, label=label[:40], title=tip, color=colour, shape=shape,
                     size=22 if node in shown.focus and kind != "Statement" else 14)
    for s, label, o in shown.edges:
        net.add_edge(s, o, label=label, title=label, arrows="to", font={"size": 10, "align": "middle"})
    net.set_options('{"physics": {"solver": "forceAtlas2Based", "stabilization": {"enabled": true, '
                    '"iterations": 300, "fit": true}}, "interaction": {"hover": true, "navigationButtons": false}, '
                    '"edges": {"smooth": false, "color": {"color": "#999"}}}')
    page = net.generate_html(notebook=False)
    page = _HEADING.sub("", _BOOTSTRAP.sub("", page))
    banner = ""
    if cut:
        banner = (f'<div id="kg-cap" style="position:absolute;bottom:6px;left:6px;background:#fff3cd;'
                  f'border:1px solid #e0c36c;padding:4px 8px;font:12px sans-serif;z-index:10">'
                  f"Showing {len(shown.nodes())} of {len(shown.nodes()) + cut} nodes: {cut} less connected "
                  f"nodes were cut. Widen with {html.escape(widen_hint)}={max(max_nodes * 2, 300)}.</div>")
    extra = f'<div style="position:relative">{_legend(kinds_present)}{banner}</div>'
    page = page.replace("<body>", "<body style=\"margin:0\">" + extra, 1)
    return page.replace("</body>", _FREEZE + "</body>", 1)


def iframe(page: str, *, height: int = 540) -> str:
    """An isolated ``<iframe srcdoc>`` holding a page (escaped, so nothing leaks into the notebook).

    >>> iframe("<p>a & b</p>", height=100)[-47:]
    'srcdoc="&lt;p&gt;a &amp; b&lt;/p&gt;"></iframe>'
    """
    return (f'<iframe class="kg-graph" style="width:100%;height:{height}px;border:1px solid #ddd" '
            f'sandbox="allow-scripts" srcdoc="{html.escape(page, quote=True)}"></iframe>')


def show(graph: Graph, *, max_nodes: int = 150, height: int = 520) -> Any:
    """An IPython HTML object showing the graph in an iframe (for a cell's output)."""
    from IPython.display import HTML

    page = network_page(graph, max_nodes=max_nodes, height=height)
    return HTML(f'<div class="kg-graph-frame">{iframe(page, height=height + 20)}</div>')
