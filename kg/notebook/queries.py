"""What the widgets read from the store: actors, posts, events, statements, ego networks.

Every value from the user (a name, an actor IRI, a date) is bound as an RDF term through
``store.query(bindings=...)``; nothing is pasted into the SPARQL text.

>>> import tempfile
>>> from kg.store import open_store
>>> with open_store(tempfile.mkdtemp()) as store:
...     actors(store).shape
(0, 4)
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from kg.model import IRI
from kg.notebook.graph import CLASS_IRIS, Graph, kind_of, short_label
from kg.store import KGStore

ACTORS = """
SELECT ?actor (SAMPLE(?l) AS ?label) (SAMPLE(?t) AS ?type) (COUNT(DISTINCT ?m) AS ?mentions)
WHERE {
  VALUES ?class { nkg:Person nkg:Organization nkg:GeopoliticalEntity }
  ?actor a ?class .
  ?actor rdfs:label ?l .
  OPTIONAL { ?actor gaf:denotedBy ?m }
  BIND(STRAFTER(STR(?class), "#") AS ?t)
}
GROUP BY ?actor
ORDER BY LCASE(?label)
"""

ACTOR_BY_NAME = """
SELECT DISTINCT ?actor WHERE {
  ?actor rdfs:label|skos:altLabel ?name ; a ?class .
  VALUES ?class { nkg:Person nkg:Organization nkg:GeopoliticalEntity }
}
"""

POSTS = """
SELECT ?post ?title ?org ?orgLabel ?article ?articleTitle ?date
WHERE {
  GRAPH ?g { ?actor org:holds ?post . ?art a nkg:Article . OPTIONAL { ?post rdfs:label ?title } }
  OPTIONAL { GRAPH ?g { ?post org:postIn ?org } OPTIONAL { ?org rdfs:label ?orgLabel } }
  OPTIONAL { ?art dct:identifier ?article }
  OPTIONAL { ?art dct:title ?articleTitle }
  OPTIONAL { ?art schema:datePublished ?date }
}
ORDER BY ?title ?article
"""

EVENTS = """
SELECT ?event (SAMPLE(?c) AS ?code) (SAMPLE(?tl) AS ?type) (SAMPLE(?d) AS ?date)
       (GROUP_CONCAT(DISTINCT ?r; separator=", ") AS ?roles)
       (GROUP_CONCAT(DISTINCT ?who; separator=", ") AS ?actors)
       (SAMPLE(?trig) AS ?trigger) (SAMPLE(?id) AS ?article)
WHERE {
  ?event a nkg:Event .
  ?event sem:hasActor|nkg:agent|nkg:patient|nkg:recipient ?actor .
  OPTIONAL { ?event nkg:eventType ?t . ?t skos:notation ?c .
             OPTIONAL { ?t skos:prefLabel ?tl FILTER(LANGMATCHES(LANG(?tl), "en") || LANG(?tl) = "") } }
  OPTIONAL { ?event sem:hasTimeStamp ?d }
  OPTIONAL { ?event ?rp ?actor . VALUES ?rp { nkg:agent nkg:patient nkg:recipient } BIND(STRAFTER(STR(?rp), "#") AS ?r) }
  OPTIONAL { ?event sem:hasActor|nkg:agent|nkg:patient|nkg:recipient ?other . ?other rdfs:label ?who }
  OPTIONAL { ?event gaf:denotedBy ?m . ?m nif:anchorOf ?trig ; nif:referenceContext ?a . ?a dct:identifier ?id }
  FILTER(!BOUND(?code) || !BOUND(?cameo) || STRSTARTS(?c, ?cameo))
  FILTER(!BOUND(?start) || (BOUND(?d) && ?d >= ?start))
  FILTER(!BOUND(?end) || (BOUND(?d) && ?d <= ?end))
}
GROUP BY ?event
ORDER BY ?date ?code
"""

ALL_EVENTS = EVENTS.replace(
    "  ?event sem:hasActor|nkg:agent|nkg:patient|nkg:recipient ?actor .\n", "").replace(
    "OPTIONAL { ?event ?rp ?actor . VALUES ?rp { nkg:agent nkg:patient nkg:recipient } "
    "BIND(STRAFTER(STR(?rp), \"#\") AS ?r) }", "")

STATEMENTS = """
SELECT ?st ?text ?mode ?channel ?article ?doc ?cb ?ce ?sb ?se ?qb ?qe ?speaker
WHERE {
  ?st a nkg:Statement ; nkg:speaker ?actor .
  OPTIONAL { ?actor rdfs:label ?speaker }
  OPTIONAL { ?st schema:text ?text }
  OPTIONAL { ?st nkg:mode ?m . BIND(STRAFTER(STR(?m), "#") AS ?mode) }
  OPTIONAL { ?st nkg:channel ?c . OPTIONAL { ?c rdfs:label ?channel } }
  OPTIONAL { ?st nkg:cueMention ?q . ?q nif:beginIndex ?qb ; nif:endIndex ?qe }
  OPTIONAL { ?st nkg:contentMention ?cm . ?cm nif:beginIndex ?cb ; nif:endIndex ?ce ; nif:referenceContext ?a .
             OPTIONAL { ?a dct:identifier ?article } OPTIONAL { ?a nif:isString ?doc }
             OPTIONAL { ?cm nif:sentence ?s . ?s nif:beginIndex ?sb ; nif:endIndex ?se } }
}
ORDER BY ?article ?cb
"""

SPEAKERS = """
SELECT ?speaker (SAMPLE(?l) AS ?label) (COUNT(DISTINCT ?st) AS ?statements)
WHERE { ?st a nkg:Statement ; nkg:speaker ?speaker . OPTIONAL { ?speaker rdfs:label ?l } }
GROUP BY ?speaker ORDER BY DESC(?statements) ?label
"""

EGO = """
SELECT DISTINCT ?s ?p ?o WHERE {
  {
    ?actor ?p ?o . BIND(?actor AS ?s)
    FILTER(isIRI(?o) && ?p NOT IN (gaf:denotedBy, rdf:type, owl:sameAs))
  } UNION {
    ?s ?p ?actor . BIND(?actor AS ?o) FILTER(?p != gaf:denotedBy)
  } UNION {
    ?x ?p1 ?actor . ?x a ?xc . VALUES ?xc { nkg:Event nkg:Statement org:Post }
    ?x ?p ?o . BIND(?x AS ?s)
    FILTER(isIRI(?o) && ?o != ?actor && ?p NOT IN (gaf:denotedBy, rdf:type, nkg:eventType,
           nkg:mode, nkg:channel, nkg:sourceMention, nkg:cueMention, nkg:contentMention))
  } UNION {
    ?actor org:holds ?s . ?s org:postIn ?o . BIND(org:postIn AS ?p)
  }
}
"""

CO_MENTIONS = """
SELECT ?other (COUNT(DISTINCT ?sentence) AS ?n) (SAMPLE(?text) AS ?example)
WHERE {
  ?actor gaf:denotedBy ?m . ?m nif:sentence ?sentence .
  ?m2 nif:sentence ?sentence . ?other gaf:denotedBy ?m2 ; a ?class .
  VALUES ?class { nkg:Person nkg:Organization nkg:GeopoliticalEntity }
  FILTER(?other != ?actor)
  OPTIONAL { ?sentence nif:anchorOf ?text }
}
GROUP BY ?other ORDER BY DESC(?n)
"""

LINK_SENTENCES = """
SELECT DISTINCT ?article ?sentence WHERE {
  { ?actor gaf:denotedBy ?m . ?m nif:sentence ?s . ?m2 nif:sentence ?s . ?other gaf:denotedBy ?m2 . }
  UNION
  { ?x ?p1 ?actor . ?x ?p2 ?other . ?x gaf:denotedBy ?m . ?m nif:sentence ?s . }
  UNION
  { ?x ?p1 ?actor . ?x ?p2 ?other . ?x nkg:contentMention ?m . ?m nif:sentence ?s . }
  ?s nif:anchorOf ?sentence ; nif:referenceContext ?a . OPTIONAL { ?a dct:identifier ?article }
}
ORDER BY ?article
"""

LINKS = """
SELECT DISTINCT ?via ?p1 ?p2 WHERE {
  { ?actor ?p1 ?other . BIND(?actor AS ?via) BIND(?p1 AS ?p2) }
  UNION { ?other ?p1 ?actor . BIND(?other AS ?via) BIND(?p1 AS ?p2) }
  UNION { ?via ?p1 ?actor . ?via ?p2 ?other . FILTER(?p1 != gaf:denotedBy && ?p2 != gaf:denotedBy) }
  UNION { ?actor org:holds ?via . ?via org:postIn ?other . BIND(org:holds AS ?p1) BIND(org:postIn AS ?p2) }
}
"""

PROPERTY_LABELS = """
SELECT ?p (SAMPLE(?l) AS ?label) WHERE {
  ?p rdfs:label ?l . ?p a ?t .
  VALUES ?t { owl:ObjectProperty owl:DatatypeProperty owl:AnnotationProperty rdf:Property }
} GROUP BY ?p
"""

#: Labels of the external properties the views draw, where the store has none.
FALLBACK_LABELS = {
    "http://www.w3.org/ns/org#holds": "holds", "http://www.w3.org/ns/org#postIn": "post in",
    "http://semanticweb.cs.vu.nl/2009/11/sem/hasActor": "has actor",
    "http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace": "has place",
    "http://semanticweb.cs.vu.nl/2009/11/sem/hasTimeStamp": "has time stamp",
}


def _frame(rows: Any) -> Any:
    return rows.to_dataframe()


def actors(store: KGStore) -> Any:
    """Every actor (person, organisation, GPE) with label, type and mention count, by label."""
    return _frame(store.query(ACTORS))


def find_actor(store: KGStore, name: str) -> str | None:
    """The IRI of the actor named ``name`` (label or alias, bound as a literal), or None.

    >>> import tempfile
    >>> from kg.store import open_store
    >>> with open_store(tempfile.mkdtemp()) as store:
    ...     find_actor(store, 'x" } ; DROP ALL ; #') is None
    True
    """
    rows = store.query(ACTOR_BY_NAME, bindings={"name": name})
    return rows[0]["actor"] if rows else None  # type: ignore[index]


def posts(store: KGStore, actor: str) -> Any:
    """The posts an actor holds, one row per post and article that states it."""
    return _frame(store.query(POSTS, bindings={"actor": IRI(actor)}))


def events(store: KGStore, actor: str | None = None, *, cameo: str | None = None,
           start: dt.date | None = None, end: dt.date | None = None) -> Any:
    """Events (of one actor, or all), filtered by CAMEO code prefix and date range, by date."""
    bindings: dict[str, Any] = {}
    if cameo:
        bindings["cameo"] = cameo
    if start:
        bindings["start"] = start
    if end:
        bindings["end"] = end
    if actor:
        bindings["actor"] = IRI(actor)
    return _frame(store.query(EVENTS if actor else ALL_EVENTS, bindings=bindings))


def statements(store: KGStore, actor: str | None = None) -> Any:
    """Statements (of one speaker, or all) with text, mode, channel and the offsets to highlight."""
    return _frame(store.query(STATEMENTS, bindings={"actor": IRI(actor)} if actor else {}))


def speakers(store: KGStore) -> Any:
    """Speakers with their number of statements, most first."""
    return _frame(store.query(SPEAKERS))


def property_labels(store: KGStore) -> dict[str, str]:
    """Property IRI -> ``rdfs:label`` from the ontology graph, plus labels of external terms."""
    labels = dict(FALLBACK_LABELS)
    labels.update({r["p"]: str(r["label"]) for r in store.query(PROPERTY_LABELS)})  # type: ignore[union-attr]
    return labels


def describe_nodes(store: KGStore, terms: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Labels and kinds of nodes given as N-Triples IRI terms (as the store serialised them)."""
    safe = sorted({t for t in terms if t.startswith("<") and t.endswith(">")
                   and not any(c in t[1:-1] for c in '<>"{}|^`\\ \n')})
    labels: dict[str, str] = {}
    classes: dict[str, list[str]] = {}
    for i in range(0, len(safe), 200):
        values = " ".join(safe[i:i + 200])
        rows = store.query(f"""SELECT ?n ?c ?l ?code ?text WHERE {{ VALUES ?n {{ {values} }}
            OPTIONAL {{ ?n a ?c }} OPTIONAL {{ ?n rdfs:label ?l }}
            OPTIONAL {{ ?n nkg:eventType/skos:prefLabel ?code FILTER(LANGMATCHES(LANG(?code), "en")) }}
            OPTIONAL {{ ?n schema:text ?text }} }}""")
        for r in rows:  # type: ignore[union-attr]
            n = r["n"]
            if r.get("c"):
                classes.setdefault(n, []).append(r["c"])
            label = r.get("l") or r.get("code") or (str(r["text"])[:40] if r.get("text") else None)
            if label and n not in labels:
                labels[n] = str(label)
    return labels, {n: kind_of(c) for n, c in classes.items()}


def ego_graph(store: KGStore, actor: str, *, co_mentions: int = 25) -> Graph:
    """An actor's neighbourhood: its posts, events, statements, the actors these link to,
    and (up to ``co_mentions``) actors named in the same sentences."""
    edge_labels = property_labels(store)
    rows = store.query(EGO, bindings={"actor": IRI(actor)})
    g = Graph(focus={actor})
    terms = [f"<{actor}>"]
    for r, t in zip(rows, rows.terms):  # type: ignore[union-attr]
        if t.get("s", "").startswith("<") and t.get("o", "").startswith("<"):
            g.add_edge(r["s"], edge_labels.get(r["p"], short_label(r["p"])), r["o"])
            terms += [t["s"], t["o"]]
    co = store.query(CO_MENTIONS, bindings={"actor": IRI(actor)})
    for r in list(co)[:co_mentions]:  # type: ignore[arg-type]
        g.add_edge(actor, "mentioned with", r["other"])
        g.notes.setdefault(r["other"], []).append(f"{r['n']} shared sentence(s), e.g. {r['example']}")
        terms.append(f"<{r['other']}>")
    labels, kinds = describe_nodes(store, terms)
    keep = {n for n, k in kinds.items() if k in {c for c in CLASS_IRIS.values()}} | {actor}
    g.edges = [e for e in g.edges if e[0] in keep and e[2] in keep]
    g.labels.update(labels)
    g.kinds.update(kinds)
    return g


def link_details(store: KGStore, actor: str, other: str) -> tuple[list[str], list[tuple[str, str]]]:
    """What links two nodes (property paths, labelled) and the sentences that support it."""
    edge_labels = property_labels(store)
    b = {"actor": IRI(actor), "other": IRI(other)}
    paths = []
    for r in store.query(LINKS, bindings=b):  # type: ignore[union-attr]
        p1 = edge_labels.get(r["p1"], short_label(r["p1"]))
        p2 = edge_labels.get(r["p2"], short_label(r["p2"]))
        via = "" if r["via"] in (actor, other) else f" {short_label(r['via'])} "
        paths.append(p1 if p1 == p2 and not via else f"{p1} →{via}→ {p2}")
    sentences = [(str(r.get("article") or ""), str(r["sentence"]))
                 for r in store.query(LINK_SENTENCES, bindings=b)]  # type: ignore[union-attr]
    return sorted(set(paths)), sentences
