"""Posts held: the seed article's golden case, title forms, one post IRI per (title, organisation)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract import analyse_doc
from kg.extract.nlp import load_model
from kg.model import Article
from kg.vocab import post_iri
from kg.store import KGStore

QUERIES = Path(__file__).resolve().parents[1] / "ontology" / "queries"


def holds(store: KGStore, holder: str, title: str, org: str | None) -> bool:
    org_pattern = f'?post org:postIn/rdfs:label "{org}" .' if org else ""
    rows = store.query(f"""SELECT ?post WHERE {{ ?a rdfs:label "{holder}" ; org:holds ?post .
        ?post a org:Post ; rdfs:label "{title}" ; gaf:denotedBy ?m . {org_pattern} }}""")
    return len(rows) > 0


def test_seed_posts(sample_store: KGStore) -> None:
    assert holds(sample_store, "Mike Pompeo", "Secretary of State", "United States")
    assert holds(sample_store, "Qamar Javed Bajwa", "Chief of Army Staff", None)
    assert holds(sample_store, "Qasem Soleimani", "Commander", "Revolutionary Guards")
    assert holds(sample_store, "Heiko Maas", "Foreign Minister", "Germany")
    assert holds(sample_store, "Dominic Raab", "Foreign Secretary", "United Kingdom")
    assert holds(sample_store, "Yang Jiechi", "Member", "Chinese Politburo")


def test_ranks_are_not_posts(sample_store: KGStore) -> None:
    rows = sample_store.query("SELECT ?l WHERE { ?p a org:Post ; rdfs:label ?l }")
    labels = {str(r["l"]) for r in rows}
    assert labels and not any(l.split()[-1] in ("General", "Mr") for l in labels)


def test_one_post_iri_per_title_and_organisation(sample_store: KGStore) -> None:
    rows = sample_store.query('SELECT DISTINCT ?p WHERE { ?p a org:Post ; rdfs:label "Secretary of State" }')
    assert [str(r["p"]) for r in rows] == [post_iri("Secretary of State", "United States")]


def test_title_only_reference_names_the_holder(sample_store: KGStore) -> None:
    rows = sample_store.query("""SELECT ?s WHERE { ?a rdfs:label "Mike Pompeo" ; gaf:denotedBy ?m .
        ?m nif:anchorOf ?s FILTER(CONTAINS(?s, "Secretary of State")) }""")
    assert "US Secretary of State" in {str(r["s"]) for r in rows}


def test_post_holders_query(sample_store: KGStore) -> None:
    rows = sample_store.query((QUERIES / "post-holders.rq").read_text(), bindings={"title": "secretary of state"})
    assert {(str(r["holder"]), str(r["org"])) for r in rows} == {("Mike Pompeo", "United States")}


@pytest.mark.parametrize(("text", "expected"), [
    ("Mike Pompeo, the US Secretary of State, spoke.", ("Mike Pompeo", "Secretary of State", "United States")),
    ("Iran's foreign minister Javad Zarif spoke.", ("Javad Zarif", "foreign minister", "Iran")),
    ("Qasem Soleimani, the commander of the Quds Force, died.", ("Qasem Soleimani", "commander", "Quds Force")),
    ("General Qamar Javed Bajwa spoke.", None),
])
def test_title_forms(text: str, expected: tuple[str, str, str] | None) -> None:
    analysis = analyse_doc(Article("t", text), load_model()(text), model="m")
    got = [(h.holder.name, h.title, h.organisation.name if h.organisation else None) for h in analysis.holdings]
    assert got == ([expected] if expected else [])


def test_a_title_with_of_the_is_whole_and_its_last_word_alone_is_no_reference() -> None:
    """"Secretary of the Interior Ken Salazar" holds the post "Secretary of the Interior" (not
    "Interior"), so "the Interior and Commerce departments" later is no mention of him."""
    text = ("Secretary of Commerce Gary Locke and Secretary of the Interior Ken Salazar, who head the two "
            "agencies, said their decision was based on science. Groups wrote to the Interior and Commerce "
            "departments.\n")
    analysis = analyse_doc(Article("t", text), load_model()(text), model="m")
    got = {h.holder.name: h.title for h in analysis.holdings}
    assert got.get("Ken Salazar") == "Secretary of the Interior", got
    salazar = next(a for a in analysis.actors if a.name == "Ken Salazar")
    assert [m.text for m in salazar.mentions] == ["Ken Salazar"], salazar.mentions
