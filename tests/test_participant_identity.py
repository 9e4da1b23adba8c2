"""Cross-article identity of unnamed participants (issue 10): "the gunman" of two articles that
report one event is one actor (owl:sameAs), in any input order; the gunman of another event
stays apart; re-ingesting writes nothing."""

from __future__ import annotations

import json
from itertools import permutations
from pathlib import Path

from kg.participant_identity import event_keys, link_participants, organisation_noun
from kg.pipeline import ingest
from kg.store import open_store
from kg.vocab import OWL, participant_identity_graph_iri

ARTICLES = {
    "gun-a": ("2024-03-04", "A gunman killed two workers at a factory in Detroit on Monday. "
                            "Police arrested the gunman an hour later."),
    "gun-b": ("2024-03-04", "The gunman who killed two workers in Detroit on Monday was a former employee, "
                            "police said."),
    "gun-c": ("2024-05-20", "A gunman robbed a bank in Oslo on Friday. Police are looking for the gunman."),
}
ART = "https://w3id.org/newskg/id/article/"


def test_same_noun_and_one_event_cluster_link():
    clusters = {"a/1": "a/1", "b/1": "a/1", "c/1": "c/1", "d/1": "c/1"}
    graph_events = {"a": {"a/1"}, "b": {"b/1"}, "c": {"c/1"}, "d": {"d/1"}, "e": {"e/1"}}
    found = [("a", "a#man", "man"), ("b", "b#man", "man"), ("c", "c#man", "man"), ("d", "d#woman", "woman"),
             ("e", "e#man", "man")]
    assert link_participants(found, graph_events=graph_events, cluster=clusters) == {"b#man": "a#man"}
    assert link_participants(found[::-1], graph_events=graph_events, cluster=clusters) == {"b#man": "a#man"}


def _links(path: Path) -> set[tuple[str, str]]:
    with open_store(path, read_only=True) as store:
        return {(s, o) for s, p, o, _ in store.quads(participant_identity_graph_iri()) if p == f"<{OWL}sameAs>"}


def test_participants_of_one_event_link_in_any_order_and_reingest_writes_nothing(tmp_path: Path):
    results = []
    for i, order in enumerate(list(permutations(ARTICLES))[::3]):
        f = tmp_path / f"in{i}.jsonl"
        f.write_text("".join(json.dumps({"id": k, "date": ARTICLES[k][0], "text": ARTICLES[k][1]}) + "\n"
                             for k in order))
        with open_store(tmp_path / f"store{i}") as store:
            ingest([f], store)
            assert ingest([f], store).written == 0
        results.append(_links(tmp_path / f"store{i}"))
    assert all(r == results[0] for r in results)
    assert (f"<{ART}gun-b#actor=gunman>", f"<{ART}gun-a#actor=gunman>") in results[0]
    assert (f"<{ART}gun-b#actor=police>", f"<{ART}gun-a#actor=police>") in results[0]
    assert not any("gun-c" in s or "gun-c" in o for s, o in results[0])  # another gunman, another event


def test_a_cluster_is_the_named_actor_most_articles_describe_it_as():
    clusters = {f"{g}/1": "a/1" for g in "abcd"}
    graph_events = {g: {f"{g}/1"} for g in "abcd"}
    found = [("a", "a#actress", "actress"), ("b", "b#actress", "actress"), ("d", "d#navy", "navy")]
    # two articles resolve "the actress" to Lohan, one to a variant of her name: Lohan
    votes = [("b", "p:lohan", "actress"), ("c", "p:lohan", "actress"), ("d", "p:lilo", "actress")]
    assert link_participants(found, graph_events=graph_events, cluster=clusters, descriptions=votes) == {
        "a#actress": "p:lohan", "b#actress": "p:lohan"}
    # one each: no majority, the participants stay one unnamed actor
    assert link_participants(found, graph_events=graph_events, cluster=clusters, descriptions=votes[1:]) == {
        "b#actress": "a#actress"}
    # "the navy" of an event another article on it names the "Indian Navy" of
    navy = [("c", "o:indian-navy", organisation_noun("Indian Navy"))]
    assert link_participants(found, graph_events=graph_events, cluster=clusters, descriptions=navy)["d#navy"] == \
        "o:indian-navy"


def test_one_noun_links_through_an_event_lemma_and_named_actor_two_articles_share():
    # event identity left the two thefts apart; each article reports "steal" with Paris, so
    # their robbers are one; "say" with the police (a reporting event) is no such key
    rows = [{"g": "a", "event": "a/1", "lemma": "steal", "class": "nkg:Occurrence", "actor": "x:paris"},
            {"g": "b", "event": "b/1", "lemma": "steal", "class": "nkg:Occurrence", "actor": "x:paris"},
            {"g": "b", "event": "b/2", "lemma": "say", "class": "nkg:Reporting", "actor": "x:police"},
            {"g": "c", "event": "c/2", "lemma": "say", "class": "nkg:Reporting", "actor": "x:police"},
            {"g": "c", "event": "c/1", "lemma": "steal", "class": "nkg:Occurrence", "actor": "x:lyon"}]
    found = [("a", "a#robber", "robber"), ("b", "b#robber", "robber"), ("c", "c#robber", "robber")]
    graph_events = {r["g"]: {r["event"]} for r in rows}
    for order in (rows, rows[::-1]):
        assert link_participants(found, graph_events=graph_events, cluster={}, keys=event_keys(order)) == {
            "b#robber": "a#robber"}
    assert link_participants(found, graph_events=graph_events, cluster={}) == {}


def test_a_group_of_people_is_not_one_of_them_in_any_order():
    # "a woman" (the shooter) and "two women" (her victims): two actors in the article, and
    # across articles "the women" links to "the women" only (cops and officers: one role)
    from kg.extract.nlp import load_model
    from kg.extract.participants import unnamed_participants
    text = "A woman shot two women at a plant. The woman fled; police officers arrested her."
    found = {a.name: [s.text for s in a.mentions] for a in unnamed_participants(load_model()(text), [])}
    assert found["woman"] == ["woman", "woman"] and found["women"] == ["women"] and "officers" in found
    clusters = {f"{g}/1": "a/1" for g in "abcde"}
    graph_events = {g: {f"{g}/1"} for g in "abcde"}
    parts = [("a", "a#woman", "woman"), ("b", "b#women", "women"), ("c", "c#women", "women"),
             ("d", "d#cops", "cops"), ("e", "e#officers", "officers"), ("e", "e#officer", "officer")]
    descriptions = [("a", "p:hiller", "woman"), ("b", "p:hiller", "woman")]
    for order in (parts, parts[::-1]):
        links = link_participants(order, graph_events=graph_events, cluster=clusters, descriptions=descriptions)
        assert links == {"a#woman": "p:hiller", "c#women": "b#women", "e#officers": "d#cops"}


def test_users_and_customers_of_one_event_are_one_group_in_any_order():
    clusters = {"a/1": "a/1", "b/1": "a/1"}
    graph_events = {"a": {"a/1"}, "b": {"b/1"}}
    parts = [("a", "a#users", "users"), ("b", "b#customers", "customers")]
    for order in (parts, parts[::-1]):
        assert link_participants(order, graph_events=graph_events, cluster=clusters) == {"b#customers": "a#users"}


def test_one_noun_links_through_two_named_actors_two_articles_share():
    # no event link and no shared lemma: "shot" by Hiller at Kraft in one article, "killed" by
    # Hiller and "suspended" by Kraft in the other report one story; a place (the scene of
    # many stories) or one shared actor is no such key
    rows = [{"g": "a", "event": "a/1", "lemma": "shoot", "class": "nkg:Occurrence", "actor": "x:hiller"},
            {"g": "a", "event": "a/1", "lemma": "shoot", "class": "nkg:Occurrence", "actor": "x:kraft"},
            {"g": "b", "event": "b/1", "lemma": "kill", "class": "nkg:Occurrence", "actor": "x:hiller"},
            {"g": "b", "event": "b/2", "lemma": "suspend", "class": "nkg:Occurrence", "actor": "x:kraft"},
            {"g": "c", "event": "c/1", "lemma": "rob", "class": "nkg:Occurrence", "actor": "x:kraft"},
            {"g": "c", "event": "c/1", "lemma": "rob", "class": "nkg:Occurrence", "actor": "x:paris",
             "place": "x:paris"},
            {"g": "d", "event": "d/1", "lemma": "strike", "class": "nkg:Occurrence", "actor": "x:kraft"},
            {"g": "d", "event": "d/1", "lemma": "strike", "class": "nkg:Occurrence", "actor": "x:paris"}]
    found = [(g, f"{g}#workers", "workers") for g in "abcd"]
    graph_events = {r["g"]: {r["event"]} for r in rows}
    for order in (rows, rows[::-1]):
        assert link_participants(found, graph_events=graph_events, cluster={}, keys=event_keys(order)) == {
            "b#workers": "a#workers"}


STORY = {
    "kraft-a": ("2010-09-10", "Yvonne Hiller shot three workers at the Kraft Foods plant on Thursday night. "
                              "Two of the workers died."),
    "kraft-b": ("2010-09-11", "Yvonne Hiller killed two workers at a bakery on Thursday, a day after Kraft Foods "
                              "suspended her. The workers were her colleagues."),
}


def test_participants_of_one_story_link_in_any_order(tmp_path: Path):
    results = []
    for i, order in enumerate((list(STORY), list(STORY)[::-1])):
        f = tmp_path / f"in{i}.jsonl"
        f.write_text("".join(json.dumps({"id": k, "date": STORY[k][0], "text": STORY[k][1]}) + "\n" for k in order))
        with open_store(tmp_path / f"store{i}") as store:
            ingest([f], store)
            assert ingest([f], store).written == 0
        results.append(_links(tmp_path / f"store{i}"))
    assert results[0] == results[1] == {(f"<{ART}kraft-b#actor=workers>", f"<{ART}kraft-a#actor=workers>")}
