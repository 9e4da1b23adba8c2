"""What the widgets read from the store: actors, posts, events, statements, ego networks.

The SPARQL texts are ``kg/queries/notebook/*.rq``, loaded by name. Every value from the user
(a name, an actor IRI, a date) is bound as an RDF term through ``store.select(bindings=...)``;
nothing is pasted into the SPARQL text.

>>> import tempfile
>>> from kg.store import open_store
>>> with open_store(tempfile.mkdtemp()) as store:
...     actors(store).shape
(0, 4)
"""

from __future__ import annotations

import datetime as dt
import re
from string import Template
from typing import Any

from kg.errors import InputError
from kg.model import IRI
from kg.notebook.graph import CLASS_IRIS, STYLES, Graph, kind_of, short_label
from kg.queries import load
from kg.store import KGStore, Rows

#: Labels of the external properties the views draw, where the store has none.
FALLBACK_LABELS = {
    "http://www.w3.org/ns/org#holds": "holds", "http://www.w3.org/ns/org#postIn": "post in",
    "http://semanticweb.cs.vu.nl/2009/11/sem/hasActor": "has actor",
    "http://semanticweb.cs.vu.nl/2009/11/sem/hasPlace": "has place",
    "http://semanticweb.cs.vu.nl/2009/11/sem/hasTimeStamp": "has time stamp",
}


def select(store: KGStore, name: str, **bindings: Any) -> Rows:
    """Run the notebook query ``kg/queries/notebook/NAME.rq``; None values are left unbound.

    >>> import tempfile
    >>> from kg.store import open_store
    >>> with open_store(tempfile.mkdtemp()) as store:
    ...     select(store, "speakers").variables
    ['speaker', 'label', 'statements']
    """
    given = {k: v for k, v in bindings.items() if v is not None}
    return store.select(load(f"notebook/{name}"), bindings=given)


def actors(store: KGStore) -> Any:
    """Every actor (person, organisation, GPE) with label, type and mention count, by label."""
    return select(store, "actors").to_dataframe()


def search_actors(store: KGStore, text: str) -> Any:
    """Actors whose label or alias contains ``text`` (any case): exact matches first, then
    by mentions; columns actor, label, type, exact, mentions.

    >>> import tempfile
    >>> from kg.store import open_store
    >>> with open_store(tempfile.mkdtemp()) as store:
    ...     len(search_actors(store, 'x" } ; DROP ALL ; #'))
    0
    """
    return select(store, "actor-search", text=text.strip()).to_dataframe()


def find_actor(store: KGStore, name: str) -> str | None:
    """The IRI of the one actor ``name`` picks: the only actor whose label or alias is ``name``
    (any case), else the only one whose label or alias contains it; None otherwise.

    >>> import tempfile
    >>> from kg.store import open_store
    >>> with open_store(tempfile.mkdtemp()) as store:
    ...     find_actor(store, 'x" } ; DROP ALL ; #') is None
    True
    """
    return pick_actor(search_actors(store, name)) if name.strip() else None


def pick_actor(found: Any) -> str | None:
    """The actor a :func:`search_actors` result picks: the only exact match, else the only match.

    >>> import pandas as pd
    >>> pick_actor(pd.DataFrame({"actor": ["a", "b"], "exact": [True, False]}))
    'a'
    >>> pick_actor(pd.DataFrame({"actor": ["a", "b"], "exact": [False, False]})) is None
    True
    """
    exact = found[found["exact"] == True]  # noqa: E712  (a pandas mask)
    picked = exact if len(exact) else found
    return str(picked["actor"].iloc[0]) if len(picked) == 1 else None


def posts(store: KGStore, actor: str) -> Any:
    """The posts an actor holds, one row per post and article that states it."""
    return select(store, "posts", actor=IRI(actor)).to_dataframe()


def events(store: KGStore, actor: str | None = None, *, cameo: str | None = None,
           start: dt.date | None = None, end: dt.date | None = None, asserted_only: bool = True,
           event_class: str | None = None) -> Any:
    """Events (of one actor, or all), one row each, in time order.

    ``cameo`` keeps a code and the codes under it ("04": 040, 041, ...); ``start``/``end`` keep
    events whose date or date range overlaps them (as ``events-by-type-and-date.rq``);
    ``asserted_only`` leaves out negated and hypothetical events (as ``events-of-actor.rq``;
    the ``factuality`` column names each event's); ``event_class`` keeps one class of events.

    :raises InputError: ``start`` is after ``end``.

    >>> import tempfile
    >>> from kg.store import open_store
    >>> with open_store(tempfile.mkdtemp()) as store:
    ...     events(store, start=dt.date(2020, 2, 1), end=dt.date(2020, 1, 1))
    Traceback (most recent call last):
    ...
    kg.errors.InputError: the date range is reversed: from 2020-02-01 is after to 2020-01-01 (swap them)
    """
    bindings, scope = _event_filters(actor, cameo, start, end, asserted_only, event_class)
    found = _event_candidates(store, scope, bindings)
    text = Template(load("notebook/events"))
    frames = [store.select(text.substitute(scope=_values("event", found[i:i + _BATCH])), bindings=bindings).to_dataframe()
              for i in range(0, len(found), _BATCH)]
    empty = store.select(text.substitute(scope=_values("event", [])), bindings=bindings).to_dataframe()
    return _in_time_order(_concat([f for f in frames if len(f)], empty))


#: Events read in full per query by :func:`events`.
_BATCH = 500


def _event_candidates(store: KGStore, scope: str, bindings: dict[str, Any], *, limit: int | None = None) -> list[str]:
    """The events the most selective binding finds (``scope``; without one, every event),
    before the other filters, sorted; at most ``limit`` of them (unsorted: the first found)."""
    where = scope or "?event a nkg:Event ."
    used = {k: v for k, v in bindings.items() if f"?{k}" in where}
    tail = "" if limit is None else f" LIMIT {int(limit)}"
    found = [str(e) for e in store.select(f"SELECT DISTINCT ?event WHERE {{ {where} }}{tail}", bindings=used).column("event")]
    return found if limit is not None else sorted(found)


def _values(name: str, iris: list[str]) -> str:
    """A VALUES block of IRIs read from the store (each checked to be one IRI, so none can
    change the query's structure).

    >>> _values("e", ["http://ex.org/a"])
    'VALUES ?e { <http://ex.org/a> }'
    """
    bad = next((i for i in iris if not _IRI.fullmatch(i)), None)
    if bad is not None:
        raise InputError(f"not an IRI: {bad[:80]!r}")
    return f"VALUES ?{name} {{ {' '.join(f'<{i}>' for i in iris)} }}"


_IRI = re.compile(r'[^\s<>"{}|^`\\]+')


def _in_time_order(frame: Any) -> Any:
    """Events in the order of ``events.rq``'s ORDER BY: by first date (undated first, as SPARQL
    puts unbound values first), then code (none first), then IRI."""
    if frame.empty:
        return frame.reset_index(drop=True)

    keys = []
    for date, earliest, code, event in zip(frame["date"], frame["earliest"], frame["code"], frame["event"]):
        first = date if date is not None else earliest
        code = code if isinstance(code, str) else None
        keys.append((first is not None, str(first or ""), code is not None, code or "", event))
    order = sorted(range(len(keys)), key=keys.__getitem__)
    return frame.iloc[order].reset_index(drop=True)


def events_page(store: KGStore, actor: str | None = None, *, page: int = 0, size: int = 20,
                cameo: str | None = None, start: dt.date | None = None, end: dt.date | None = None,
                asserted_only: bool = True, event_class: str | None = None) -> tuple[Any, int]:
    """One page (0-based, ``size`` rows) of what :func:`events` lists with the same filters, in
    the same order (the event IRI breaks ties, so pages neither overlap nor skip), and the
    number of events in all pages. Only the page's events are read in full: a LIMIT/OFFSET
    query over the events' sort keys (``notebook/event-keys.rq``) picks them.

    >>> import tempfile
    >>> from kg.store import open_store
    >>> with open_store(tempfile.mkdtemp()) as store:
    ...     frame, total = events_page(store, page=3)
    ...     (len(frame), total)
    (0, 0)
    """
    bindings, scope = _event_filters(actor, cameo, start, end, asserted_only, event_class)
    keys = Template(load("notebook/event-keys"))
    total = int(store.select(keys.substitute(scope=scope, select="(COUNT(DISTINCT ?event) AS ?n)", tail=""),
                             bindings=bindings)[0]["n"])
    order = _slice("GROUP BY ?event ORDER BY ?first ?code ?event", page, size)
    picked = store.select(keys.substitute(scope=scope, select="?event (MIN(?kfirst) AS ?first) (MIN(?kc) AS ?code)",
                                          tail=order), bindings=bindings).column("event")
    one = Template(load("notebook/events")).substitute(scope="")
    frames = [store.select(one, bindings={**bindings, "event": IRI(e)}).to_dataframe() for e in picked]
    return _concat(frames, store.select(one, bindings={"event": IRI("urn:x-none:nothing")}).to_dataframe()), total


def events_more_than(store: KGStore, limit: int, actor: str | None = None, *, cameo: str | None = None,
                     start: dt.date | None = None, end: dt.date | None = None, asserted_only: bool = True,
                     event_class: str | None = None) -> bool:
    """Whether more than ``limit`` events may match these filters (those of :func:`events`):
    the events its most selective filter finds (the actor's, the CAMEO codes', the class's, the
    dated ones), before the others; reads at most ``limit`` + 1 of them, so it costs the limit,
    not the store.

    >>> import tempfile
    >>> from kg.store import open_store
    >>> with open_store(tempfile.mkdtemp()) as store:
    ...     events_more_than(store, 0)
    False
    """
    bindings, scope = _event_filters(actor, cameo, start, end, asserted_only, event_class)
    return len(_event_candidates(store, scope, bindings, limit=limit + 1)) > limit


def _event_filters(actor: str | None, cameo: str | None, start: dt.date | None, end: dt.date | None,
                   asserted_only: bool, event_class: str | None) -> tuple[dict[str, Any], str]:
    """The bindings and the ``$scope`` of the events queries for these filters."""
    if start and end and start > end:
        raise InputError(f"the date range is reversed: from {start} is after to {end} (swap them)")
    bindings = {"actor": IRI(actor) if actor else None, "cameo": cameo or None, "from": start, "to": end,
                "assertedOnly": True if asserted_only else None,
                "eventClass": IRI(event_class) if event_class else None}
    scope = (_EVENT_SCOPES["actor"] if actor else _EVENT_SCOPES["cameo"] if cameo
             else _EVENT_SCOPES["eventClass"] if event_class else _EVENT_SCOPES["dated"] if start or end else "")
    return {k: v for k, v in bindings.items() if v is not None}, scope


def _slice(tail: str, page: int, size: int) -> str:
    """``tail`` with the LIMIT/OFFSET of one page (numbers checked, so nothing else is pasted)."""
    if size < 1 or page < 0:
        raise InputError(f"page {page} of size {size}: a page is 0 or more, a size 1 or more")
    return f"{tail} LIMIT {int(size)} OFFSET {int(page) * int(size)}"


def _concat(frames: list[Any], empty: Any) -> Any:
    """The frames one after the other (``empty``, with the columns, when there are none)."""
    import pandas as pd

    return pd.concat(frames, ignore_index=True) if frames else empty


#: Where the events query starts, by the most selective binding given (see ``events.rq``).
_EVENT_SCOPES = {
    "actor": "?event sem:hasActor|nkg:agent|nkg:patient|nkg:recipient ?actor .",
    "cameo": "?t0 skos:notation ?c0 . FILTER(STRSTARTS(STR(?c0), STR(?cameo))) ?event nkg:eventType ?t0 .",
    "eventClass": "{ ?event nkg:eventClass ?eventClass } UNION { ?event a ?eventClass }",
    "dated": "{ ?event sem:hasTimeStamp ?sd } UNION { ?event sem:hasEarliestBeginTimeStamp ?sd }"
             " UNION { ?event sem:hasLatestEndTimeStamp ?sd }",
}


def statements(store: KGStore, actor: str | None = None) -> Any:
    """Statements (of one speaker, or all) with text, mode, channel and the offsets to highlight."""
    return select(store, "statements", actor=IRI(actor) if actor else None).to_dataframe()


def statements_page(store: KGStore, actor: str | None = None, *, page: int = 0, size: int = 20) -> tuple[Any, int]:
    """One page (0-based, ``size`` statements) of what :func:`statements` lists, by article,
    content offset and statement IRI (so pages neither overlap nor skip), and the number of
    statements in all pages; a LIMIT/OFFSET query over the sort keys
    (``notebook/statement-keys.rq``) picks the page, whose statements alone are read in full.

    >>> import tempfile
    >>> from kg.store import open_store
    >>> with open_store(tempfile.mkdtemp()) as store:
    ...     frame, total = statements_page(store)
    ...     (len(frame), total)
    (0, 0)
    """
    bindings = {"actor": IRI(actor)} if actor else {}
    keys = Template(load("notebook/statement-keys"))
    total = int(store.select(keys.substitute(select="(COUNT(DISTINCT ?st) AS ?n)", tail=""),
                             bindings=bindings)[0]["n"])
    order = _slice("GROUP BY ?st ORDER BY ?article ?cb ?st", page, size)
    picked = store.select(keys.substitute(select="?st (MIN(?ka) AS ?article) (MIN(?kcb) AS ?cb)", tail=order),
                          bindings=bindings).column("st")
    frames = [select(store, "statements", st=IRI(st), **bindings).to_dataframe() for st in picked]
    return _concat(frames, select(store, "statements", st=IRI("urn:x-none:nothing")).to_dataframe()), total


def speakers(store: KGStore) -> Any:
    """Speakers with their number of statements, most first."""
    return select(store, "speakers").to_dataframe()


def property_labels(store: KGStore) -> dict[str, str]:
    """Property IRI -> ``rdfs:label`` from the ontology graph, plus labels of external terms."""
    labels = dict(FALLBACK_LABELS)
    labels.update({r["p"]: str(r["label"]) for r in select(store, "property-labels")})
    return labels


def _clip(text: str, size: int = 60) -> str:
    return text if len(text) <= size else text[:size - 1].rsplit(" ", 1)[0] + "…"


def describe_nodes(store: KGStore, terms: list[str]) -> tuple[dict[str, str], dict[str, str]]:
    """Labels and kinds of nodes given as N-Triples IRI terms (as the store serialised them)."""
    labels: dict[str, str] = {}
    classes: dict[str, list[str]] = {}
    for n in sorted({t[1:-1] for t in terms if t.startswith("<") and t.endswith(">")}):
        for r in select(store, "describe-node", n=IRI(n)):
            if r.get("c"):
                classes.setdefault(n, []).append(r["c"])
            label = r.get("l") or r.get("code") or (_clip(str(r["text"])) if r.get("text") else None)
            if label and n not in labels:
                labels[n] = str(label)
    return labels, {n: kind_of(c) for n, c in classes.items()}


def ego_graph(store: KGStore, actor: str, *, co_mentions: int = 25) -> Graph:
    """An actor's neighbourhood: its posts, events, statements, the actors these link to,
    and (up to ``co_mentions``) actors named in the same sentences."""
    edge_labels = property_labels(store)
    rows = select(store, "ego", actor=IRI(actor))
    g = Graph(focus={actor})
    terms = [f"<{actor}>"]
    for r, t in zip(rows, rows.terms):
        if t.get("s", "").startswith("<") and t.get("o", "").startswith("<"):
            g.add_edge(r["s"], edge_labels.get(r["p"], short_label(r["p"])), r["o"], predicate=r["p"])
            terms += [t["s"], t["o"]]
    for r in select(store, "co-mentions", actor=IRI(actor))[:co_mentions]:
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
    links = list(select(store, "links", **b))
    labels, kinds = describe_nodes(store, [f"<{r['via']}>" for r in links])
    for r in links:
        p1 = edge_labels.get(r["p1"], short_label(r["p1"]))
        p2 = edge_labels.get(r["p2"], short_label(r["p2"]))
        kind = STYLES.get(kinds.get(r["via"], "Other"), STYLES["Other"])[0]
        name = labels.get(r["via"]) or short_label(r["via"])
        via = "" if r["via"] in (actor, other) else f" {kind} “{name}” "
        paths.append(p1 if p1 == p2 and not via else f"{p1} →{via}→ {p2}")
    sentences = [(str(r.get("article") or ""), str(r["sentence"]))
                 for r in select(store, "link-sentences", **b)]
    return sorted(set(paths)), sentences
