"""Every term of our namespace that the code emits is declared in ontology/ (with label and comment)."""

from __future__ import annotations

from kg.ontology import declared_terms
from kg.store import KGStore
from kg.vocab import NKG


def test_every_emitted_nkg_term_is_declared(sample_store: KGStore) -> None:
    rows = sample_store.query("""
        SELECT DISTINCT ?t WHERE {
          GRAPH ?g { { ?s ?t ?o } UNION { ?s a ?t } UNION { ?s ?p ?t FILTER(isIRI(?t)) } }
          FILTER(?g != <https://w3id.org/newskg/ns>)
          FILTER(STRSTARTS(STR(?t), "https://w3id.org/newskg/ns#"))
        }""", union=False)
    emitted = {r["t"] for r in rows}
    assert f"{NKG}Person" in emitted and f"{NKG}Mention" in emitted
    undeclared = emitted - declared_terms()
    assert not undeclared, f"emitted but not declared in ontology/: {sorted(undeclared)}"
