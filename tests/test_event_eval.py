"""``kg eval --task events --topics``: the held-out ECB+ topics only, and event B-cubed."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli.evaluate import eval_command
from kg.errors import EvaluationError
from kg.evaluate import Mention, read_gold, score_gold
from kg.evaluate.gold import parse_topics
from kg.evaluate.predictions import read_predictions
from kg.store import open_store


def _record(doc_id: str, topic: int, chain: str) -> dict:
    text = "Police arrested a man .\nHe fled ."
    return {"id": doc_id, "topic": topic, "text": text,
            "sentences": [{"id": 0, "start": 0, "end": 23}, {"id": 1, "start": 24, "end": 33}],
            "annotated_sentences": [0],
            "mentions": [{"m_id": "1", "start": 7, "end": 15, "text": "arrested", "type": "ACTION_OCCURRENCE",
                          "category": "ACTION", "sentence": 0}],
            "chains": [{"chain_id": chain, "kind": "cross_doc", "instance_type": "ACTION_OCCURRENCE",
                        "mention_ids": ["1"]}]}


@pytest.fixture
def ecb(tmp_path):
    path = tmp_path / "ecb.jsonl"
    records = [_record("30_1ecb", 30, "ACT_A"), _record("31_1ecb", 31, "ACT_B"), _record("31_2ecb", 31, "ACT_B"),
               _record("35_1ecbplus", 35, "ACT_C")]
    path.write_text("".join(json.dumps(r) + "\n" for r in records))
    return path


def test_topics_keep_the_held_out_documents_only(ecb):
    gold = read_gold(ecb, task="events", topics=parse_topics("31-35"))
    assert [d.id for d in gold.docs] == ["31_1ecb", "31_2ecb", "35_1ecbplus"]
    assert [d.id for d in read_gold(ecb, task="events", topics=parse_topics("1-30")).docs] == ["30_1ecb"]


@pytest.mark.parametrize("spec", ["31-", "a-b", "35-31", ""])
def test_bad_topic_lists_are_named(spec):
    with pytest.raises(EvaluationError, match="topics"):
        parse_topics(spec)


def test_topics_refused_on_other_corpora_and_empty_selections(ecb, tmp_path):
    conll = tmp_path / "c.jsonl"
    conll.write_text(json.dumps({"id": "c", "text": "Ann met Bob.", "entities": []}) + "\n")
    with pytest.raises(EvaluationError, match="ECB\\+ files only"):
        read_gold(conll, task="actors", topics=parse_topics("31-35"))
    with pytest.raises(EvaluationError, match="no records of these topics"):
        read_gold(ecb, task="events", topics=parse_topics("40"))
    result = CliRunner().invoke(eval_command, [str(conll), "--task", "actors", "--topics", "31-35"])
    assert result.exit_code == EvaluationError.exit_code
    assert "ECB+ files only" in result.output


def test_event_bcubed_scores_event_nodes_against_gold_chains(ecb):
    gold = read_gold(ecb, task="events", topics=parse_topics("31-35"))
    one_node = [Mention(d.id, 7, 15, "EVENT", cluster="ev1") for d in gold.docs]
    result = score_gold(gold, one_node)
    # gold: {31_1, 31_2} and {35_1}; predicted: all three one node
    assert result.bcubed is not None and result.bcubed.mentions == 3
    assert result.bcubed.recall == 1.0
    assert result.bcubed.precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    apart = score_gold(gold, [Mention(d.id, 7, 15, "EVENT", cluster=d.id) for d in gold.docs])
    assert apart.bcubed.precision == 1.0 and apart.bcubed.recall == pytest.approx((1 / 2 + 1 / 2 + 1) / 3)


def test_same_as_links_join_event_nodes_and_events_win_over_cues(tmp_path):
    ttl = """
@prefix nkg: <https://w3id.org/newskg/ns#> . @prefix gaf: <http://groundedannotationframework.org/gaf#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix dct: <http://purl.org/dc/terms/> . @prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix a: <https://w3id.org/newskg/id/article/> .
a:d1 dct:identifier "d1" . a:d2 dct:identifier "d2" .
<https://w3id.org/newskg/id/article/d1#char=7,15> nif:referenceContext a:d1 ; nif:beginIndex 7 ; nif:endIndex 15 .
<https://w3id.org/newskg/id/article/d2#char=7,15> nif:referenceContext a:d2 ; nif:beginIndex 7 ; nif:endIndex 15 .
<https://w3id.org/newskg/id/article/d1/event/7-15> a nkg:Event ; gaf:denotedBy <https://w3id.org/newskg/id/article/d1#char=7,15> .
<https://w3id.org/newskg/id/article/d2/event/7-15> a nkg:Event ; gaf:denotedBy <https://w3id.org/newskg/id/article/d2#char=7,15> ;
    owl:sameAs <https://w3id.org/newskg/id/article/d1/event/7-15> .
<https://w3id.org/newskg/id/article/d2/statement/7-15> a nkg:Statement ; nkg:cueMention <https://w3id.org/newskg/id/article/d2#char=7,15> .
"""
    src = tmp_path / "g.ttl"
    src.write_text(ttl)
    with open_store(tmp_path / "store") as store:
        store.load_file(src, graph="https://w3id.org/newskg/id/graph/x")
        found = read_predictions(store, task="events", event_cues=True)
    assert [(m.doc, m.cluster) for m in found] == [("d1", "https://w3id.org/newskg/id/article/d1/event/7-15"),
                                                   ("d2", "https://w3id.org/newskg/id/article/d1/event/7-15")]
