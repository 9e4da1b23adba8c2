"""Roles from the sentence (issue 12, point 4): no participant from a headline's source line
or a dateline, places are where and not who, every event gets the actors its sentence names."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract import analyse_doc
from kg.extract.event_roles import blocked, sentence_participants
from kg.extract.nlp import load_model
from kg.model import Article
from kg.store import KGStore

SEED = "dunya-2020-01-03-pompeo-bajwa"


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def _events(nlp, text: str) -> list[tuple[str, set[tuple[str, str]]]]:
    art = Article("a", text, date=dt.date(2020, 1, 3))
    analysis = analyse_doc(art, nlp(text), model="m")
    return [(ev.cameo, {(p.actor.name, p.role) for p in ev.participants}) for ev in analysis.events]


def test_the_sample_article_has_no_source_or_dateline_participant(sample_store: KGStore) -> None:
    rows = sample_store.query("""SELECT DISTINCT ?label WHERE {
      ?ev a nkg:Event ; sem:hasActor ?x ; gaf:denotedBy/nif:referenceContext/dct:identifier ?id .
      ?x rdfs:label ?label FILTER(?id = "dunya-2020-01-03-pompeo-bajwa") }""")
    labels = {str(r["label"]) for r in rows}
    assert "Dunya News" not in labels and "Rawalpindi" not in labels
    assert {"Mike Pompeo", "Qamar Javed Bajwa", "Qasem Soleimani", "United States"} <= labels


def test_a_country_qualifying_a_name_is_no_patient(sample_store: KGStore) -> None:
    rows = sample_store.query("""SELECT DISTINCT ?label WHERE {
      ?ev nkg:patient/rdfs:label "Qasem Soleimani" ; nkg:patient/rdfs:label ?label }""")
    assert {str(r["label"]) for r in rows} == {"Qasem Soleimani", "Hashed al-Shaabi"}


@pytest.mark.parametrize(("text", "expected"), [
    ("Title of it\n\nReuters\n\nThe body.", ["Reuters"]),
    ("Title of it\n\nPARIS (Reuters) - The strike went on.", ["PARIS (Reuters) -"]),
    ("Title of it\n\nThe strike went on.\n\nIt ended on Friday.", []),
])
def test_bylines_and_datelines_are_blocked(text: str, expected: list[str]) -> None:
    assert [text[b:e] for b, e in blocked(text)] == expected


def test_a_headline_source_line_is_not_the_object_of_the_headline(nlp) -> None:
    events = _events(nlp, "Iran vows revenge after US moves to kill Qasem Soleimani\n\nDunya News\n\n"
                          "TEHRAN (Dunya News) - Iran said on Friday that the US had killed Qasem Soleimani.")
    named = {name for _, parts in events for name, _ in parts}
    assert "Dunya News" not in named and "Qasem Soleimani" in named


def _at(analysis):
    spans = [(s.begin, s.end, a, s) for a in analysis.actors for s in a.mentions]

    def at(token):
        for b, e, a, s in spans:
            if b <= token.idx < e:
                return a, s
        return None
    return at


@pytest.mark.parametrize(("sentence", "trigger", "expected"), [
    ("Siemens announced the deal in Berlin.", "announced", {"Siemens"}),  # the place is where, not who
    ("Barack Obama met with Angela Merkel in Berlin.", "met", {"Barack Obama", "Angela Merkel"}),
    ("The plan was approved by Toyota on Monday.", "approved", {"Toyota"}),  # the "by" agent
    ("Apple sued Samsung in California.", "sued", {"Apple", "Samsung"}),
    ("Microsoft's decision surprised Google.", "decision", {"Microsoft"}),  # a noun's possessor
    ("Workers at Renault began a strike against Nissan.", "strike", {"Nissan"}),
    ("The talks between Iran and the European Union ended.", "talks", {"Iran", "European Union"}),
    ("The CGT union said it would continue the strike.", "strike", {"CGT"}),  # "it": the reporting verb's subject
    ("Germany said he would continue the talks.", "talks", set()),  # "he" is a person, not Germany

])
def test_sentence_participants(nlp, sentence: str, trigger: str, expected: set[str]) -> None:
    art = Article("a", sentence)
    analysis = analyse_doc(art, nlp(sentence), model="m")
    token = next(t for t in nlp(sentence) if t.text == trigger)
    at = _at(analysis)
    assert {s.text for _, _, s in sentence_participants(token, at)} == expected


def test_every_event_gets_the_actors_its_sentence_names(nlp) -> None:
    (code, parts), = _events(nlp, "Mike Pompeo telephoned Qamar Javed Bajwa about Iran on Friday.")
    assert parts == {("Mike Pompeo", "agent"), ("Qamar Javed Bajwa", "recipient"), ("Iran", "participant")}


def test_a_pronoun_or_description_the_article_resolves_takes_part(nlp) -> None:
    """Coreference (kg.extract.coref) gives "he" and "the company" their actor."""
    events = _events(nlp, "Mike Pompeo arrived in Islamabad on Thursday. He met Qamar Javed Bajwa on Friday.")
    assert {"Mike Pompeo", "Qamar Javed Bajwa"} <= {name for _, parts in events for name, _ in parts}


def _roles_of(nlp, text: str, trigger: str) -> set[tuple[str, str]]:
    analysis = analyse_doc(Article("a", text, date=dt.date(2020, 1, 3)), nlp(text), model="m")
    return next({(p.actor.name, p.role) for p in ev.participants}
                for ev in analysis.events if any(m.text == trigger for m in ev.mentions))


@pytest.mark.parametrize(("text", "trigger", "role"), [
    # a pronoun coreference resolved
    ("Heiko Maas flew to Paris on Monday. He met Jean-Yves Le Drian at the ministry.", "met",
     ("Heiko Maas", "agent")),
    # a description coreference resolved
    ("Deutsche Bank cut 500 jobs in London. The bank also sold its stake in Postbank.", "sold",
     ("Deutsche Bank", "agent")),
    # a relative pronoun: the name its clause modifies
    ("Renault, which closed two plants last year, hired 500 workers in March.", "closed", ("Renault", "agent")),
])
def test_a_subject_that_refers_to_an_actor_makes_it_agent(nlp, text: str, trigger: str, role: tuple[str, str]):
    assert role in _roles_of(nlp, text, trigger)


def test_an_unresolved_pronoun_makes_no_agent(nlp):
    roles = _roles_of(nlp, "Heiko Maas met Dominic Raab. He said talks would go on.", "said")
    assert not any(r == "agent" for _, r in roles), roles


def test_an_unnamed_participant_takes_its_role_apart_from_the_named_ones(nlp) -> None:
    """"a man", "police officers" and the relative "who" of "a man who ..." fill roles as
    ``Event.unnamed`` (cross-article participant identity reads them); ``participants``, which
    event coreference and statements read, keeps the named actors only."""
    text = "Robert Buckley fell to his death. A man who robbed a bank was arrested by police officers."
    analysis = analyse_doc(Article("a", text, date=dt.date(2020, 1, 3)), nlp(text), model="m")
    roles = {ev.lemma: ({(p.actor.name, p.role) for p in ev.participants},
                        {(p.actor.name, p.role) for p in ev.unnamed}) for ev in analysis.events}
    assert roles["fall"] == ({("Robert Buckley", "agent")}, set())
    assert roles["rob"] == (set(), {("man", "agent")})
    assert roles["arrest"] == (set(), {("man", "patient"), ("officers", "agent")})  # a group: the plural


def test_an_unnamed_participant_is_written_as_a_participation_only(nlp) -> None:
    """Its article-local IRI is the participant of a role, but no ``sem:hasActor`` and no
    shortcut: event identity and the statistics' co-occurring actors read named actors only."""
    from kg.rdf.events import event_iris, event_triples
    from kg.rdf.mentions import Mentions

    text = "A man robbed a bank in Leeds."
    analysis = analyse_doc(Article("a", text, date=dt.date(2020, 1, 3)), nlp(text), model="m")
    art = "https://w3id.org/newskg/id/article/a"
    triples = event_triples(analysis, event_iris(analysis, art), Mentions(art, analysis.sentences))
    man = f"<{art}#actor=man>"
    assert [p for s, p, o in triples if o == man] == ["<https://w3id.org/newskg/ns#participant>"]
