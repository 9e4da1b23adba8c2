"""The one term writer and reader: every string survives a round trip, through Oxigraph too."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.model import IRI
from kg.notebook.graph import graph_from_triples
from kg.rdf.terms import curie, literal, read_term, term, to_python
from kg.store import KGStore
from kg.vocab import RDFS

HOSTILE = ['Café "x" ’s', "a\\nb \\u00e9", "line\nbreak\r\ttab", "emoji 🙂 ‮rtl", 'end\\', '"']


@pytest.mark.parametrize("text", HOSTILE)
def test_literal_round_trip_through_oxigraph(store: KGStore, text: str) -> None:
    store.update(f"INSERT DATA {{ <http://ex.org/a> <http://ex.org/p> {literal(text)} }}")
    rows = store.select("SELECT ?o WHERE { ?s ?p ?o }")
    assert rows.column("o") == [text] and read_term(rows.terms[0]["o"]).value == text
    assert read_term(literal(text)).value == text


def test_typed_values_round_trip() -> None:
    for value in (3, 2.5, True, dt.date(2020, 1, 3), "x"):
        assert to_python(term(value)) == value
    assert read_term(term(IRI("http://ex.org/a"))).kind == "uri"


def test_graph_labels_keep_unicode_and_quotes() -> None:
    g = graph_from_triples([("<http://ex.org/a>", f"<{RDFS}label>", literal('Café "x" ’s'))])
    assert g.labels["http://ex.org/a"] == 'Café "x" ’s'


def test_curie_longest_namespace_and_strict_names() -> None:
    assert curie("https://w3id.org/newskg/id/actor/x") == "data:actor/x"
    assert curie("https://w3id.org/newskg/id/actor/x", strict=True) is None
    assert curie("http://www.w3.org/2001/XMLSchema#date", strict=True) == "xsd:date"
