"""Read predictions back from a store, through SPARQL over the fixed terms of the ontology only.

The queries use ``nkg:Person``, ``nkg:Organization``, ``nkg:GeopoliticalEntity``,
``nkg:Place``, ``nkg:Event``, ``nkg:Statement`` with ``nkg:sourceMention`` /
``nkg:cueMention`` / ``nkg:contentMention``, ``gaf:denotedBy``, ``nif:referenceContext``,
``nif:beginIndex``, ``nif:endIndex`` and ``dct:identifier``: what users get, not an internal
structure.

>>> import tempfile
>>> from kg.store import open_store
>>> with open_store(tempfile.mkdtemp()) as store:
...     store.update(EXAMPLE_UPDATE)
...     [(m.doc, m.begin, m.end, m.label) for m in read_predictions(store, task="actors")]
[('a1', 0, 6, 'PER')]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kg.errors import EvaluationError
from kg.evaluate.gold import Mention

#: Actor classes and the label each scores as, strongest first (an IRI typed both
#: nkg:GeopoliticalEntity and nkg:Place scores once, as LOC).
ACTOR_CLASSES = (("Person", "PER"), ("Organization", "ORG"), ("GeopoliticalEntity", "LOC"),
                 ("Place", "LOC"))

_MENTION = """?m nif:referenceContext ?a ; nif:beginIndex ?b ; nif:endIndex ?e .
  ?a dct:identifier ?id ."""

ACTORS_QUERY = f"""SELECT DISTINCT ?id ?b ?e ?cls ?x WHERE {{
  VALUES ?cls {{ {' '.join(f'nkg:{c}' for c, _ in ACTOR_CLASSES)} }}
  ?x a ?cls ; gaf:denotedBy ?m .
  {_MENTION}
}}"""

EVENTS_QUERY = f"""SELECT DISTINCT ?id ?b ?e ?x WHERE {{
  {{ ?x a nkg:Event ; gaf:denotedBy ?m . }}
  UNION
  {{ ?x a nkg:Statement ; nkg:cueMention ?m . FILTER(?cues) }}
  {_MENTION}
}}"""

STATEMENTS_QUERY = f"""SELECT DISTINCT ?id ?b ?e ?part ?x WHERE {{
  VALUES (?p ?part) {{ (nkg:sourceMention "SOURCE") (nkg:cueMention "CUE") (nkg:contentMention "CONTENT") }}
  ?x a nkg:Statement ; ?p ?m .
  {_MENTION}
}}"""

#: A one-article store for the examples and tests: "Pompeo" denoting a person.
EXAMPLE_UPDATE = """PREFIX nkg: <https://w3id.org/newskg/ns#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX gaf: <http://groundedannotationframework.org/gaf#>
PREFIX dct: <http://purl.org/dc/terms/>
INSERT DATA { GRAPH <https://w3id.org/newskg/id/graph/a1> {
  <https://w3id.org/newskg/id/article/a1> a nkg:Article ; dct:identifier "a1" .
  <https://w3id.org/newskg/id/article/a1#char=0,6> a nkg:Mention ;
    nif:referenceContext <https://w3id.org/newskg/id/article/a1> ;
    nif:beginIndex 0 ; nif:endIndex 6 ; nif:anchorOf "Pompeo" .
  <https://w3id.org/newskg/id/actor/mike-pompeo> gaf:denotedBy <https://w3id.org/newskg/id/article/a1#char=0,6> .
} GRAPH <https://w3id.org/newskg/id/graph/actors> {
  <https://w3id.org/newskg/id/actor/mike-pompeo> a nkg:Person .
} }"""


def _mention(row: dict[str, Any], label: str) -> Mention:
    return Mention(str(row["id"]), int(row["b"]), int(row["e"]), label, "", str(row["x"]))


def read_predictions(store: Any, *, task: str, docs: Iterable[str] | None = None,
                     event_cues: bool = False) -> list[Mention]:
    """The predicted mentions of one task, sorted, one per (document, span, label).

    ``docs`` keeps only those document ids (a shared store may hold other articles).
    ``event_cues`` counts statements' cue mentions as event mentions (ECB+ annotates
    reporting verbs as actions). For statements the label is SOURCE, CUE or CONTENT.

    :raises EvaluationError: unknown task.
    """
    keep = set(docs) if docs is not None else None
    found: dict[tuple[str, int, int, str], Mention] = {}

    def add(m: Mention) -> None:
        if keep is None or m.doc in keep:
            key = (m.doc, m.begin, m.end, m.label)
            if key not in found or (m.cluster or "") < (found[key].cluster or ""):
                found[key] = m

    if task == "actors":
        rank = {f"https://w3id.org/newskg/ns#{c}": (i, label) for i, (c, label) in enumerate(ACTOR_CLASSES)}
        best: dict[tuple[str, int, int, str], tuple[int, dict[str, Any]]] = {}
        for row in store.query(ACTORS_QUERY):
            key = (str(row["id"]), int(row["b"]), int(row["e"]), str(row["x"]))
            r = rank[str(row["cls"])][0]
            if key not in best or r < best[key][0]:
                best[key] = (r, row)
        for r, row in best.values():
            add(_mention(row, ACTOR_CLASSES[r][1]))
    elif task == "events":
        query = EVENTS_QUERY.replace("FILTER(?cues)", "" if event_cues else "FILTER(false)")
        for row in store.query(query):
            add(_mention(row, "EVENT"))
    elif task == "statements":
        for row in store.query(STATEMENTS_QUERY):
            add(_mention(row, str(row["part"])))
    else:
        raise EvaluationError(f"unknown task {task!r}")
    return sorted(found.values())
