"""The statistics graph's counts (``STATS_GRAPH``), kept as article graphs are written.

What an article graph adds is counted in Python from the triples being written
(:func:`stats_counts`); :func:`counts_update` turns a sum of such counts, and the counts the
statistics graph holds now (read by the caller with :func:`held_query`), into one update of
constant triples. Nothing in it is evaluated against the store's other counts, so its cost
follows the nodes it changes, not the size of the store. The store has one writer at a time
(the on-disk store's lock), so the counts read are the counts the update replaces.
``kg/queries/stats/change.rq`` (dropping a graph) and ``rebuild.rq`` give the same counts by
reading the graphs in SPARQL.

>>> e, n = "<http://ex.org/e>", f"<{NKG}"
>>> counts = stats_counts([(e, _TYPE, f"{n}Event>"), (e, _EVENT_TYPE, f"<{CAMEO}042>"), (e, _FACTUALITY, _ASSERTED)])
>>> counts["types"], counts["branches"], counts["totals"]
({('<https://w3id.org/newskg/cameo/042>',): [1, 1, 1]}, {('<https://w3id.org/newskg/cameo/04>',): [1, 1, 1]}, {(): [0, 0, 1, 0, 3]})
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import combinations
from string import Template
from urllib.parse import quote

from kg.queries import load
from kg.rdf.terms import Triple, iri, to_python
from kg.vocab import CAMEO, GAF, NIF, NKG, ORG, RDF, SEM, STATS_GRAPH, VOID

def stats_change(graphs: list[str], *, add: bool) -> str:
    """The SPARQL update that adds (or removes) what article graphs contribute to the
    statistics graph (``kg/queries/stats/change.rq`` once per graph); a graph is counted at
    most once.

    >>> "DELETE { GRAPH <https://w3id.org/newskg/stats> { <http://ex.org/g> nkg:countedIn" in stats_change(["http://ex.org/g"], add=False)
    True
    """
    template = Template(load("stats/change"))
    return " ;\n".join(template.substitute(
        stats=iri(STATS_GRAPH), graph=iri(g), sign="+" if add else "-",
        when="NOT EXISTS" if add else "EXISTS", mark="INSERT" if add else "DELETE") for g in graphs)


_TYPE, _DENOTED, _SPEAKER, _DIGEST = f"<{RDF}type>", f"<{GAF}denotedBy>", f"<{NKG}speaker>", f"<{NKG}inputDigest>"
_COUNTED_KINDS = frozenset(f"<{c}>" for c in (NKG + "Person", NKG + "Organization", NKG + "GeopoliticalEntity",
                                              NKG + "Place", ORG + "Post"))
_EVENT_TYPE, _FACTUALITY, _ASSERTED = f"<{NKG}eventType>", f"<{NKG}factuality>", f"<{NKG}Asserted>"
_EVENT_CLASS, _LEMMA, _HAS_ACTOR = f"<{NKG}eventClass>", f"<{NKG}lemma>", f"<{SEM}hasActor>"
_CONTEXT = f"<{NIF}referenceContext>"
_CAMEO = f"<{CAMEO}"
_EVENT_ROLES = frozenset(f"<{p}>" for p in (SEM + "hasActor", NKG + "agent", NKG + "patient", NKG + "recipient"))


#: What article graphs add to the statistics, by section (:data:`SECTIONS`): per key (the
#: counted node, then the terms a new node is described by) the numbers of the section's
#: predicates; sums of graphs are sums of these.
StatsCounts = dict[str, dict[tuple[str, ...], list[int]]]


def add_counts(total: StatsCounts, more: StatsCounts) -> StatsCounts:
    """``total`` with ``more`` added to it, key by key.

    >>> add_counts({"events": {("<x>",): [1]}}, {"events": {("<x>",): [2], ("<y>",): [1]}})
    {'events': {('<x>',): [3], ('<y>',): [1]}}
    """
    for section, found in more.items():
        into = total.setdefault(section, {})
        for key, n in found.items():
            into[key] = [a + b for a, b in zip(into[key], n)] if key in into else list(n)
    return total


def stats_counts(triples: Iterable[Triple]) -> StatsCounts:
    """What one article graph adds to the statistics, from its triples (see :data:`StatsCounts`)."""
    triples = list(triples)
    types: dict[str, set[str]] = {}
    mentions: dict[str, set[str]] = {}
    for s, p, o in triples:
        if p == _TYPE:
            types.setdefault(o, set()).add(s)
        elif p == _DENOTED:
            mentions.setdefault(s, set()).add(o)
    typed = set().union(*(types.get(k, set()) for k in _COUNTED_KINDS))
    events, statements = types.get(f"<{NKG}Event>", set()), types.get(f"<{NKG}Statement>", set())
    in_events: dict[str, set[str]] = {}
    spoken: dict[str, set[str]] = {}
    asserted: set[str] = set()
    of_type: dict[str, set[str]] = {}
    of_branch: dict[str, set[str]] = {}
    for s, p, o in triples:  # one pass for everything that needs the events and statements known
        if p in _EVENT_ROLES and s in events:
            in_events.setdefault(o, set()).add(s)
        elif p == _SPEAKER and s in statements:
            spoken.setdefault(o, set()).add(s)
        elif p == _FACTUALITY and o == _ASSERTED:
            asserted.add(s)
        elif p == _EVENT_TYPE and s in events:
            of_type.setdefault(o, set()).add(s)
            if o.startswith(_CAMEO) and len(o) > len(_CAMEO) + 2:  # <...cameo/042>: its root <...cameo/04>
                of_branch.setdefault(f"{o[:len(_CAMEO) + 2]}>", set()).add(s)
    counts: StatsCounts = {
        "actors": {(x,): [1, int(bool(mentions.get(x))), len(mentions.get(x, ()))] for x in typed},
        "events": {(x,): [len(v)] for x, v in in_events.items()},
        "statements": {(x,): [len(v)] for x, v in spoken.items()},
        "types": {(x,): [len(v), len(v & asserted), 1] for x, v in of_type.items()},
        "branches": {(x,): [len(v), len(v & asserted), 1] for x, v in of_branch.items()},
        "totals": {(): [len(types.get(f"<{NKG}Article>", ())), len(types.get(f"<{NKG}Mention>", ())), len(events),
                        len(statements), sum(1 for _, p, _ in set(triples) if p != _DIGEST)]},
    }
    counts.update(_event_statistics(triples, events, mentions))
    return counts


def _event_statistics(triples: list[Triple], events: set[str], mentions: dict[str, set[str]]) -> StatsCounts:
    """The counts of the event classes, class-and-lemma nodes and actor pairs,
    from an article's triples (what ``stats/change.rq`` counts by reading the graph).

    >>> e, n = "<http://ex.org/e>", f"<{NKG}"
    >>> t = [(e, _TYPE, f"{n}Event>"), (e, _EVENT_CLASS, f"{n}Occurrence>"), (e, _LEMMA, '"strike"'),
    ...      (e, _DENOTED, "<http://ex.org/m>"), ("<http://ex.org/m>", _CONTEXT, "<http://ex.org/a>"),
    ...      (e, _HAS_ACTOR, "<http://ex.org/y>"), (e, _HAS_ACTOR, "<http://ex.org/x>")]
    >>> found = _event_statistics(t, {e}, {e: {"<http://ex.org/m>"}})
    >>> found["classes"], list(found["lemmas"])[0][0], list(found["pairs"].items())[0][0][1:]
    ({('<https://w3id.org/newskg/ns#Occurrence>',): [1, 0, 1]}, '<https://w3id.org/newskg/stats#lemma=https%3A%2F%2Fw3id.org%2Fnewskg%2Fns%23Occurrence+strike>', ('<http://ex.org/x>', '<http://ex.org/y>'))
    """
    in_context = {s for s, p, _ in triples if p == _CONTEXT}
    of: dict[str, dict[str, set[str]]] = {_EVENT_CLASS: {}, _LEMMA: {}, _HAS_ACTOR: {}, _EVENT_TYPE: {}}
    for s, p, o in triples:
        if p in of and s in events:
            of[p].setdefault(s, set()).add(o)
    typed = set(of[_EVENT_TYPE])
    per_class: dict[str, set[str]] = {}
    per_lemma: dict[tuple[str, str | None], set[str]] = {}
    for e in events:
        if not mentions.get(e, set()) & in_context:  # as the query: an event with a mention in the article
            continue
        for c in of[_EVENT_CLASS].get(e, ()):
            per_class.setdefault(c, set()).add(e)
            for lemma in of[_LEMMA].get(e) or (None,):
                per_lemma.setdefault((c, lemma), set()).add(e)
    per_pair: dict[tuple[str, str], set[str]] = {}
    for e, actors in of[_HAS_ACTOR].items():
        for x, y in combinations(sorted(actors, key=lambda a: a[1:-1]), 2):  # STR(?x) < STR(?y)
            per_pair.setdefault((x, y), set()).add(e)

    def counts(found: set[str]) -> list[int]:
        return [len(found), len(found & typed), 1]

    def lemma_node(c: str, lemma: str | None) -> str:
        form = "" if lemma is None else "+" + quote(str(to_python(lemma)), safe="")
        return f"<{STATS_GRAPH}#lemma={quote(c[1:-1], safe='')}{form}>"

    return {"classes": {(c,): counts(v) for c, v in per_class.items()},
            "lemmas": {(lemma_node(c, lemma), c, lemma or "UNDEF"): counts(v) for (c, lemma), v in per_lemma.items()},
            "pairs": {(f"<{STATS_GRAPH}#pair={quote(x[1:-1], safe='')}+{quote(y[1:-1], safe='')}>", x, y): [len(v)]
                      for (x, y), v in per_pair.items()}}


#: Per section of :data:`StatsCounts`: the predicates of its numbers, in order; whether a node
#: keeps its counts only while the first stays above zero (else they all leave, with the
#: node's description); and the predicates describing a new node, from the key's other terms.
SECTIONS: dict[str, tuple[tuple[str, ...], bool, tuple[str, ...]]] = {
    "actors": ((NKG + "graphCount", NKG + "articleCount", NKG + "mentionCount"), True, ()),
    "events": ((NKG + "eventCount",), True, ()),
    "statements": ((NKG + "statementCount",), True, ()),
    "types": ((NKG + "typeEventCount", NKG + "typeAssertedCount", NKG + "typeArticleCount"), True, ()),
    "branches": ((NKG + "branchEventCount", NKG + "branchAssertedCount", NKG + "branchArticleCount"), True, ()),
    "classes": ((NKG + "classEventCount", NKG + "classTypedCount", NKG + "classArticleCount"), True, ()),
    "lemmas": ((NKG + "lemmaEventCount", NKG + "lemmaTypedCount", NKG + "lemmaArticleCount"), True,
               (NKG + "lemmaClass", NKG + "lemmaForm")),
    "pairs": ((NKG + "pairEventCount",), True, (NKG + "pairFirst", NKG + "pairSecond")),
    "totals": ((NKG + "articleTotal", NKG + "mentionTotal", NKG + "eventTotal", NKG + "statementTotal",
                VOID + "triples"), False, ()),
}
_COUNTED_IN = f"<{NKG}countedIn>"
_UNDEF = "UNDEF"  # a key term for no value (a lemma node of events without a lemma has no form)


def _node(section: str, key: tuple[str, ...]) -> str:
    return iri(STATS_GRAPH) if section == "totals" else key[0]


def held_query(graphs: Iterable[str], counts: StatsCounts) -> str:
    """The CONSTRUCT query of what the statistics graph says now of every node ``counts``
    changes, and of the graphs (whether they are counted).

    >>> "VALUES ?x { <http://ex.org/g> <https://w3id.org/newskg/stats> }" in held_query(["http://ex.org/g"], {"totals": {(): [1]}})
    True
    """
    nodes = sorted({iri(g) for g in graphs} | {_node(s, k) for s, found in counts.items() for k in found})
    return (f"CONSTRUCT {{ ?x ?p ?v }} WHERE {{ VALUES ?x {{ {' '.join(nodes)} }} "
            f"GRAPH {iri(STATS_GRAPH)} {{ ?x ?p ?v }} }}")


def counted(graphs: Iterable[str], held: Iterable[Triple]) -> set[str]:
    """The graphs the statistics count already, from the triples of :func:`held_query`.

    >>> counted(["http://ex.org/g", "http://ex.org/h"], [("<http://ex.org/g>", _COUNTED_IN, iri(STATS_GRAPH))])
    {'http://ex.org/g'}
    """
    marked = {s for s, p, _ in held if p == _COUNTED_IN}
    return {g for g in graphs if iri(g) in marked}


def negated(counts: StatsCounts) -> StatsCounts:
    """The counts taken away (a graph replaced: its old counts leave).

    >>> negated({"events": {("<x>",): [2]}})
    {'events': {('<x>',): [-2]}}
    """
    return {section: {key: [-n for n in numbers] for key, numbers in found.items()} for section, found in counts.items()}


def counts_update(graphs: list[str], counts: StatsCounts, held: Iterable[Triple]) -> str:
    """The SPARQL update (constant triples only) that adds ``counts`` to the statistics graph,
    given what it ``held`` (:func:`held_query`), and marks ``graphs`` counted.

    A node whose first count falls to zero or below leaves the statistics (its counts and
    description), as ``change.rq`` does; a new lemma or pair node gets its description.

    >>> x = "<http://ex.org/x>"
    >>> print(counts_update(["http://ex.org/g"], {"events": {(x,): [2]}}, [(x, f"<{NKG}eventCount>", '"3"^^<http://www.w3.org/2001/XMLSchema#integer>')]))
    DELETE DATA { GRAPH <https://w3id.org/newskg/stats> {
    <http://ex.org/x> <https://w3id.org/newskg/ns#eventCount> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .
    } } ;
    INSERT DATA { GRAPH <https://w3id.org/newskg/stats> {
    <http://ex.org/x> <https://w3id.org/newskg/ns#eventCount> 5 .
    <http://ex.org/g> <https://w3id.org/newskg/ns#countedIn> <https://w3id.org/newskg/stats> .
    } }
    """
    held = list(held)
    now: dict[tuple[str, str], str] = {(s, p): o for s, p, o in held}
    old: list[Triple] = []
    new: list[Triple] = []
    for section, (predicates, positive, described_by) in SECTIONS.items():
        for key, numbers in sorted(counts.get(section, {}).items()):
            if not any(numbers):
                continue
            node = _node(section, key)
            terms = [now.get((node, f"<{p}>")) for p in predicates]
            values = [(0 if t is None else int(to_python(t))) + n for t, n in zip(terms, numbers)]
            old += [(node, f"<{p}>", t) for p, t in zip(predicates, terms) if t is not None]
            keep = not positive or values[0] > 0
            if keep:
                new += [(node, f"<{p}>", str(v)) for p, v in zip(predicates, values)]
            for p, term in zip(described_by, key[1:]):
                if keep and terms[0] is None and term != _UNDEF:  # a new node: its description
                    new.append((node, f"<{p}>", term))
                elif not keep and (node, f"<{p}>") in now:
                    old.append((node, f"<{p}>", now[(node, f"<{p}>")]))
    marks = counted(graphs, held)
    new += [(iri(g), _COUNTED_IN, iri(STATS_GRAPH)) for g in graphs if g not in marks]
    parts = [f"{verb} DATA {{ GRAPH {iri(STATS_GRAPH)} {{\n{_lines(block)}}} }}"
             for verb, block in (("DELETE", old), ("INSERT", new)) if block]
    return " ;\n".join(parts)


def _lines(triples: Iterable[Triple]) -> str:
    return "".join(f"{s} {p} {o} .\n" for s, p, o in triples)
