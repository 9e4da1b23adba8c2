"""Cross-article event identity: the events several articles report as one real event, linked
by ``owl:sameAs`` (issue 12.5).

A global step over every stored article's events (run by :mod:`kg.pipeline` at the end of an
ingest), decided from what each article graph records of its events, without NLP:

- two events of different articles are candidates when they have the same lemma
  (``nkg:lemma``) and share a participant (``sem:hasActor``) that is a person or an
  organisation, or share a place (``sem:hasPlace``) or a participating country or place and
  the same day;
- they are not the same when their days differ, their places differ, or either is a reporting
  event (an article's "said" is its own statement) or is not asserted in the same way
  (``nkg:factuality``);
- candidates join in a fixed order (most shared participants first, then by IRI), and a join
  that would put two events of one article in one cluster is refused: the article keeps them
  apart.

So the links are a function of the set of events, whatever the order in which the articles
came. Each event of a cluster but the least gets ``owl:sameAs`` the least IRI of its cluster.

>>> a = EventUnit("a/e1", "a", "arrest", frozenset({"p:reid"}), None, None)
>>> b = EventUnit("b/e7", "b", "arrest", frozenset({"p:reid", "o:lapd"}), None, None)
>>> c = EventUnit("c/e2", "c", "arrest", frozenset({"p:smith"}), None, None)
>>> link_events([c, b, a], kinds={"p:reid": "Person", "p:smith": "Person", "o:lapd": "Organization"})
{'b/e7': 'a/e1'}
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

#: Actor kinds whose sharing alone makes two same-lemma events candidates.
_WHO = frozenset({"Person", "Organization"})
#: Blocks larger than this (a lemma and a participant in very many articles: "say" + a
#: country) are too unspecific to link by.
MAX_BLOCK = 200


@dataclass(frozen=True)
class EventUnit:
    """What one article graph records of one event."""

    iri: str
    graph: str
    lemma: str
    actors: frozenset[str]
    date: str | None
    place: str | None
    factuality: str = "Asserted"
    reporting: bool = False


def _compatible(a: EventUnit, b: EventUnit) -> bool:
    return (a.graph != b.graph and a.lemma == b.lemma and a.factuality == b.factuality
            and not (a.date and b.date and a.date != b.date)
            and not (a.place and b.place and a.place != b.place))


def _shared(a: EventUnit, b: EventUnit, kinds: Mapping[str, str]) -> int:
    """How strongly two compatible events look like one: shared people and organisations,
    else a shared place (or a shared country or place on the same day); 0: not candidates."""
    who = sum(1 for x in a.actors & b.actors if kinds.get(x) in _WHO)
    if who:
        return who
    if a.place and a.place == b.place:
        return 1
    if a.date and a.date == b.date and a.actors & b.actors:
        return 1
    return 0


def link_events(units: Iterable[EventUnit], *, kinds: Mapping[str, str]) -> dict[str, str]:
    """Event IRI -> the least IRI of its cluster, for every event of a cluster but that one.

    ``kinds`` gives the kind of each actor IRI ("Person", "Organization", ...).
    """
    units = sorted({u.iri: u for u in units if not u.reporting}.values(), key=lambda u: u.iri)
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, u in enumerate(units):
        for key in (*u.actors, *([u.place] if u.place else [])):
            blocks[(u.lemma, key)].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) > MAX_BLOCK:
            continue
        for x, i in enumerate(members):
            for j in members[x + 1:]:
                pairs.add((i, j))
    ranked = sorted((-s, units[i].iri, units[j].iri, i, j) for i, j in pairs
                    if _compatible(units[i], units[j]) and (s := _shared(units[i], units[j], kinds)))
    parent = list(range(len(units)))
    graphs = [{u.graph} for u in units]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for *_, i, j in ranked:
        ri, rj = find(i), find(j)
        if ri == rj or graphs[ri] & graphs[rj]:
            continue  # one article's events stay apart
        keep, other = min(ri, rj), max(ri, rj)
        parent[other] = keep
        graphs[keep] |= graphs[other]
    clusters: dict[int, list[str]] = defaultdict(list)
    for i, u in enumerate(units):
        clusters[find(i)].append(u.iri)
    return {iri: min(members) for members in clusters.values() for iri in members if iri != min(members)}


def units_from_rows(rows: Iterable[Mapping[str, object]], *, ns: str) -> list[EventUnit]:
    """Event units from the rows of ``pipeline/event-evidence.rq`` (one row per participant);
    ``ns`` is the ontology namespace (factuality and class IRIs end with their names).

    >>> rows = [{"g": "g1", "event": "e1", "lemma": "arrest", "class": "nkg:Occurrence", "fact": "nkg:Asserted",
    ...          "date": None, "place": None, "actor": "p:reid"},
    ...         {"g": "g1", "event": "e1", "lemma": "arrest", "class": "nkg:Occurrence", "fact": "nkg:Asserted",
    ...          "date": None, "place": None, "actor": "o:lapd"}]
    >>> sorted(units_from_rows(rows, ns="nkg:")[0].actors)
    ['o:lapd', 'p:reid']
    """
    found: dict[str, dict[str, object]] = {}
    for row in rows:
        event = str(row["event"])
        u = found.setdefault(event, {"graph": str(row["g"]), "lemma": str(row["lemma"]), "actors": set(),
                                     "date": row.get("date"), "place": row.get("place"),
                                     "fact": str(row.get("fact") or f"{ns}Asserted"),
                                     "class": str(row.get("class") or "")})
        if row.get("actor") is not None:
            u["actors"].add(str(row["actor"]))  # type: ignore[attr-defined]
    return [EventUnit(e, str(u["graph"]), str(u["lemma"]), frozenset(u["actors"]),  # type: ignore[arg-type]
                      str(u["date"]) if u["date"] is not None else None,
                      str(u["place"]) if u["place"] is not None else None,
                      str(u["fact"]).removeprefix(ns), u["class"] == f"{ns}Reporting")
            for e, u in sorted(found.items())]
