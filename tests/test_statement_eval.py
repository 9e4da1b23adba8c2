"""``kg eval`` conventions for statements: PolNeAR's outermost attributions, and statement cues
counted once with the event trigger they overlap (ECB+)."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluate.predictions import read_predictions
from kg.store import open_store

TEXT = "The Post reported today that Klein said he would run."
SPANS = {"post": (0, 8), "reported-today": (9, 23), "reported": (9, 17), "outer-content": (24, 52),
         "klein": (29, 34), "said": (35, 39), "inner-content": (40, 52)}


def _m(name: str) -> str:
    b, e = SPANS[name]
    return f"<https://w3id.org/newskg/id/article/a1#char={b},{e}>"


@pytest.fixture()
def nested_store(tmp_path: Path) -> Path:
    """One article: "The Post reported today that Klein said he would run.", the outer statement
    (cue "reported today", also the event "reported") and the one nested in its content."""
    mentions = "".join(f"{_m(n)} nif:referenceContext a:a1 ; nif:beginIndex {b} ; nif:endIndex {e} .\n"
                       for n, (b, e) in SPANS.items())
    ttl = f"""@prefix nkg: <https://w3id.org/newskg/ns#> . @prefix gaf: <http://groundedannotationframework.org/gaf#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix dct: <http://purl.org/dc/terms/> . @prefix a: <https://w3id.org/newskg/id/article/> .
a:a1 dct:identifier "a1" .
<https://w3id.org/newskg/id/article/a1/event/9-17> a nkg:Event ; gaf:denotedBy {_m("reported")} .
<https://w3id.org/newskg/id/article/a1/statement/9-23> a nkg:Statement ; nkg:sourceMention {_m("post")} ;
    nkg:cueMention {_m("reported-today")} ; nkg:contentMention {_m("outer-content")} .
<https://w3id.org/newskg/id/article/a1/statement/35-39> a nkg:Statement ; nkg:sourceMention {_m("klein")} ;
    nkg:cueMention {_m("said")} ; nkg:contentMention {_m("inner-content")} .
{mentions}"""
    src = tmp_path / "a1.ttl"
    src.write_text(ttl)
    with open_store(tmp_path / "store") as store:
        store.load_file(src, graph="https://w3id.org/newskg/id/graph/a1")
    return tmp_path / "store"


def test_outermost_leaves_out_statements_nested_in_another_content(nested_store: Path) -> None:
    with open_store(nested_store) as store:
        every = read_predictions(store, task="statements")
        outer = read_predictions(store, task="statements", outermost=True)
    assert [(TEXT[m.begin:m.end], m.label) for m in every] == [
        ("The Post", "SOURCE"), ("reported today", "CUE"), ("that Klein said he would run", "CONTENT"),
        ("Klein", "SOURCE"), ("said", "CUE"), ("he would run", "CONTENT")]
    assert [(TEXT[m.begin:m.end], m.label) for m in outer] == [
        ("The Post", "SOURCE"), ("reported today", "CUE"), ("that Klein said he would run", "CONTENT")]


def test_a_cue_overlapping_an_event_trigger_counts_once_as_the_event(nested_store: Path) -> None:
    with open_store(nested_store) as store:
        found = read_predictions(store, task="events", event_cues=True)
    assert [(TEXT[m.begin:m.end], m.cluster.rsplit("/", 2)[-2]) for m in found] == [
        ("reported", "event"), ("said", "statement")]
