"""Cross-article event identity (issue 12.5): the same real event reported by several articles
is linked by owl:sameAs, whatever the order the articles come in; one article's events that the
text keeps apart stay apart."""

from __future__ import annotations

import json
from itertools import permutations
from pathlib import Path

from kg.event_identity import EventUnit, link_events
from kg.pipeline import ingest
from kg.store import open_store
from kg.vocab import OWL, event_identity_graph_iri

KINDS = {"reid": "Person", "smith": "Person", "usa": "GeopoliticalEntity", "la": "GeopoliticalEntity"}


def unit(iri: str, graph: str, lemma: str = "arrest", actors: tuple[str, ...] = ("reid",), date: str | None = None,
         place: str | None = None, **kw: object) -> EventUnit:
    return EventUnit(iri, graph, lemma, frozenset(actors), date, place, **kw)  # type: ignore[arg-type]


def test_same_lemma_and_participant_join_across_articles():
    links = link_events([unit("a/1", "a"), unit("b/1", "b"), unit("c/1", "c", actors=("smith",))], kinds=KINDS)
    assert links == {"b/1": "a/1"}


def test_what_sets_events_apart():
    base = unit("a/1", "a", date="2009-01-01", place="la")
    assert link_events([base, unit("b/1", "b", date="2009-01-02")], kinds=KINDS) == {}  # another day
    assert link_events([base, unit("b/1", "b", place="usa")], kinds=KINDS) == {}  # another place
    assert link_events([base, unit("b/1", "b", lemma="release")], kinds=KINDS) == {}  # another lemma
    assert link_events([base, unit("b/1", "b", factuality="Negated")], kinds=KINDS) == {}
    assert link_events([unit("a/1", "a", reporting=True), unit("b/1", "b", reporting=True)], kinds=KINDS) == {}
    country = [unit("a/1", "a", actors=("usa",)), unit("b/1", "b", actors=("usa",))]
    assert link_events(country, kinds=KINDS) == {}  # a country alone is too common a participant
    dated = [unit("a/1", "a", actors=("usa",), date="2009-01-01"), unit("b/1", "b", actors=("usa",), date="2009-01-01")]
    assert link_events(dated, kinds=KINDS) == {"b/1": "a/1"}


def test_one_articles_events_stay_apart_in_any_order():
    units = [unit("a/1", "a"), unit("a/2", "a"), unit("b/1", "b"), unit("c/1", "c")]
    results = {tuple(sorted(link_events(order, kinds=KINDS).items())) for order in permutations(units)}
    assert len(results) == 1
    links = dict(results.pop())
    clusters: dict[str, set[str]] = {}
    for iri in ("a/1", "a/2", "b/1", "c/1"):
        clusters.setdefault(links.get(iri, iri), set()).add(iri)
    assert all(len({m.split("/")[0] for m in members}) == len(members) for members in clusters.values())
    assert {"a/1", "b/1", "c/1"} in clusters.values()


ARTICLES = [
    {"id": "e1", "date": "2009-01-07", "text": "Police arrested Tara Reid in Los Angeles on Tuesday."},
    {"id": "e2", "date": "2009-01-07", "text": "Tara Reid was arrested by police in Los Angeles on Tuesday."},
    {"id": "e3", "date": "2009-01-07", "text": "Police arrested John Smith in Boston on Tuesday."},
]


def _links(store_dir: Path, batches: list[list[dict]]) -> set[tuple[str, str, str]]:
    with open_store(store_dir) as store:
        for i, batch in enumerate(batches):
            path = store_dir.parent / f"{store_dir.name}-{i}.jsonl"
            path.write_text("".join(json.dumps(a) + "\n" for a in batch))
            ingest([path], store)
        return {(s, p, o) for s, p, o, _ in store.quads(event_identity_graph_iri()) if p == f"<{OWL}sameAs>"}


def test_ingest_links_the_same_arrest_in_two_articles_whatever_the_order(tmp_path):
    one_run = _links(tmp_path / "a", [ARTICLES])
    assert len(one_run) == 1
    (s, _, o), = one_run
    assert {s.split("/article/")[1].split("/")[0], o.split("/article/")[1].split("/")[0]} == {"e1", "e2"}
    reversed_runs = _links(tmp_path / "b", [[ARTICLES[2]], [ARTICLES[1]], [ARTICLES[0]]])
    assert reversed_runs == one_run
