"""The RDF of one analysis: IRIs from kg.vocab, one sentence rule, decided values carried."""

from __future__ import annotations

from kg.model import Actor, Analysis, Article, Event, Holding, Participation, Span, Statement
from kg.rdf import analysis_graph
from kg.vocab import NIF, NKG, RDFS, SCHEMA


def _graph(analysis: Analysis) -> set[tuple[str, str, str]]:
    return set(analysis_graph(analysis, version="0", generated="2020-01-03T00:00:00Z").triples)


def test_two_actors_of_one_name_get_their_own_participations() -> None:
    art = Article(id="a1", text="Ali Khan and Ali Khan met.")
    one = Actor("Ali Khan", "Person", [Span(0, 8, "Ali Khan")], iri="https://w3id.org/newskg/id/actor/ali-khan")
    two = Actor("Ali Khan", "Person", [Span(13, 21, "Ali Khan")], iri="https://w3id.org/newskg/id/actor/ali-khan--2")
    ev = Event("040", [Span(22, 25, "met")], [Participation(one, "agent"), Participation(two, "agent")])
    t = _graph(Analysis(art, [one, two], [Span(0, 26, art.text)], "m", events=[ev]))
    parts = {s for s, p, o in t if p == f"<{NKG}participant>"}
    assert len(parts) == 2
    assert all(len([o for s, p, o in t if s == n and p == f"<{NKG}participant>"]) == 1 for n in parts)


def test_every_mention_links_every_sentence_it_overlaps() -> None:
    art = Article(id="a1", text='He said "Yes. No." Then left.')
    he = Actor("He", "Person", [Span(0, 2, "He")])
    st = Statement(cue=Span(3, 7, "said"), content=Span(8, 18, '"Yes. No."'), mode="direct", source=Span(0, 2, "He"),
                   text="Yes. No.")
    sentences = [Span(0, 13, 'He said "Yes.'), Span(14, 18, 'No."'), Span(19, 29, "Then left.")]
    t = _graph(Analysis(art, [he], sentences, "m", statements=[st]))
    links = {(s, o) for s, p, o in t if p == f"<{NIF}sentence>"}
    content = "<https://w3id.org/newskg/id/article/a1#char=8,18>"
    assert {o for s, o in links if s == content} == {"<https://w3id.org/newskg/id/article/a1#char=0,13>",
                                                      "<https://w3id.org/newskg/id/article/a1#char=14,18>"}
    assert ("<https://w3id.org/newskg/id/article/a1/statement/3-7>", f"<{SCHEMA}text>", '"Yes. No."') in t


def test_post_label_comes_from_the_analysis() -> None:
    art = Article(id="a1", text="President Biden spoke.")
    biden = Actor("Joe Biden", "Person", [Span(10, 15, "Biden")])
    h = Holding(biden, "president", None, [Span(0, 9, "President")], label="President")
    t = _graph(Analysis(art, [biden], [Span(0, 22, art.text)], "m", holdings=[h]))
    assert ("<https://w3id.org/newskg/id/post/president>", f"<{RDFS}label>", '"President"') in t
