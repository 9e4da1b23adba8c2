"""Read predictions back from a store, through SPARQL over the fixed terms of the ontology only.

The queries use ``nkg:Person``, ``nkg:Organization``, ``nkg:GeopoliticalEntity``,
``nkg:Place``, ``nkg:Reference``, ``nkg:Event``, ``nkg:Statement`` with ``nkg:sourceMention`` /
``nkg:cueMention`` / ``nkg:contentMention``, ``gaf:denotedBy``, ``nif:referenceContext``,
``nif:beginIndex``, ``nif:endIndex`` and ``dct:identifier``: what users get, not an internal
structure.

>>> import tempfile
>>> from kg.store import open_store
>>> with open_store(tempfile.mkdtemp()) as store:
...     store.update(load("evaluate/example-store"))
...     [(m.doc, m.begin, m.end, m.label) for m in read_predictions(store, task="actors")]
[('a1', 0, 6, 'PER')]
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from kg.closure import closures
from kg.errors import EvaluationError
from kg.evaluate.gold import Mention
from kg.queries import load
from kg.store import KGStore

#: Actor classes and the label each scores as, strongest first (an IRI typed both
#: nkg:GeopoliticalEntity and nkg:Place scores once, as LOC).
ACTOR_CLASSES = (("Person", "PER"), ("Organization", "ORG"), ("GeopoliticalEntity", "LOC"),
                 ("Place", "LOC"))

def _mention(row: dict[str, Any], label: str) -> Mention:
    return Mention(str(row["id"]), int(row["b"]), int(row["e"]), label, "", str(row["x"]))


def _same_as(rows: Iterable[dict[str, Any]]) -> dict[str, str]:
    """Each event (or actor) IRI linked by ``owl:sameAs`` (rows ``x``, ``y``) -> the least IRI of
    its closure.

    >>> _same_as([{"x": "b", "y": "c"}, {"x": "c", "y": "a"}, {"x": "d", "y": "e"}])
    {'a': 'a', 'b': 'a', 'c': 'a', 'd': 'd', 'e': 'd'}
    """
    return closures((str(row["x"]), str(row["y"])) for row in rows)


def read_predictions(store: KGStore, *, task: str, docs: Iterable[str] | None = None,
                     event_cues: bool = False, names_only: bool = False,
                     outermost: bool = False) -> list[Mention]:
    """The predicted mentions of one task, sorted, one per (document, span, label).

    ``docs`` keeps only those document ids (a shared store may hold other articles).
    ``event_cues`` counts statements' cue mentions as event mentions (ECB+ annotates
    reporting verbs as actions). An event's or actor's cluster is its IRI, or the least IRI of
    the events (actors) it is linked to by ``owl:sameAs`` (cross-article identity; for actors,
    the unnamed participants of :mod:`kg.participant_identity`). ``names_only`` leaves
    out actor mentions that are pronouns or descriptions (``nkg:Reference``: CoNLL annotates
    names only). For statements the label is SOURCE, CUE or CONTENT; ``outermost`` leaves out
    the statements whose cue lies inside another statement's content ("The Post reported that
    Klein said ...": PolNeAR annotates the outer attribution only; 120 of its 18,749 training
    attributions nest).

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
        same = _same_as(store.select(load("evaluate/actor-same-as")))
        rank = {f"https://w3id.org/newskg/ns#{c}": (i, label) for i, (c, label) in enumerate(ACTOR_CLASSES)}
        best: dict[tuple[str, int, int, str], tuple[int, dict[str, Any]]] = {}
        for row in store.select(load("evaluate/actors")):
            if names_only and row["reference"]:
                continue
            key = (str(row["id"]), int(row["b"]), int(row["e"]), str(row["x"]))
            r = rank[str(row["cls"])][0]
            if key not in best or r < best[key][0]:
                best[key] = (r, row)
        for r, row in best.values():
            m = _mention(row, ACTOR_CLASSES[r][1])
            add(Mention(m.doc, m.begin, m.end, m.label, m.raw, same.get(m.cluster, m.cluster)))
    elif task == "events":
        same = _same_as(store.select(load("evaluate/event-same-as")))
        rows = store.select(load("evaluate/events"), bindings={"cues": event_cues})
        triggers: dict[str, list[tuple[int, int]]] = {}
        for r in rows:
            if not r["cue"]:
                triggers.setdefault(str(r["id"]), []).append((int(r["b"]), int(r["e"])))
        for row in rows:  # a cue overlapping an event's trigger ("said today", "said") counts once, as the event
            b, e = int(row["b"]), int(row["e"])
            if not row["cue"] or not any(b < te and tb < e for tb, te in triggers.get(str(row["id"]), ())):
                m = _mention(row, "EVENT")
                add(Mention(m.doc, m.begin, m.end, m.label, m.raw, same.get(m.cluster, m.cluster)))
    elif task == "statements":
        parts = [_mention(row, str(row["part"])) for row in store.select(load("evaluate/statements"))]
        if outermost:
            contents: dict[str, list[tuple[int, int, str | None]]] = {}
            for m in parts:
                if m.label == "CONTENT":
                    contents.setdefault(m.doc, []).append((m.begin, m.end, m.cluster))
            nested = {m.cluster for m in parts if m.label == "CUE" and any(
                b <= m.begin and m.end <= e and x != m.cluster for b, e, x in contents.get(m.doc, ()))}
            parts = [m for m in parts if m.cluster not in nested]
        for m in parts:
            add(m)
    else:
        raise EvaluationError(f"unknown task {task!r}")
    return sorted(found.values())
