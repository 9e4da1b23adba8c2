"""The scorer of ``kg eval`` on hand-made gold and predictions whose scores are known."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli.evaluate import eval_command
from kg.errors import EvaluationError
from kg.evaluate import (Mention, bcubed, detect_format, evaluate, match, read_gold, read_predictions,
                         score, score_gold)
from kg.evaluate.gold import gold_doc
from kg.store import open_store

GOLD = [Mention("d1", 0, 6, "PER"), Mention("d1", 14, 19, "PER"), Mention("d1", 24, 28, "ORG"),
        Mention("d2", 3, 9, "LOC")]


def _prf(table):
    s = table.micro
    return round(s.precision, 4), round(s.recall, 4), round(s.f1, 4)


@pytest.mark.parametrize("mode", ["exact", "overlap"])
def test_perfect_predictions_score_one(mode):
    t = score(GOLD, list(GOLD), mode=mode)
    assert t.micro.as_tuple() == (4, 0, 0)
    assert _prf(t) == (1.0, 1.0, 1.0)
    assert {k: v.as_tuple() for k, v in t.by_label.items()} == {"PER": (2, 0, 0), "ORG": (1, 0, 0),
                                                                "LOC": (1, 0, 0)}


@pytest.mark.parametrize("mode", ["exact", "overlap"])
def test_empty_predictions_score_zero(mode):
    t = score(GOLD, [], mode=mode)
    assert t.micro.as_tuple() == (0, 0, 4)
    assert _prf(t) == (0.0, 0.0, 0.0)
    assert len(t.misses) == 4


def test_one_off_by_one_span_fails_exact_but_matches_overlap():
    pred = [GOLD[0], Mention("d1", 14, 20, "PER"), GOLD[2], GOLD[3]]
    exact = score(GOLD, pred, mode="exact")
    assert exact.micro.as_tuple() == (3, 1, 1)
    assert _prf(exact) == (0.75, 0.75, 0.75)
    assert exact.false_positives == [Mention("d1", 14, 20, "PER")]
    assert exact.misses == [Mention("d1", 14, 19, "PER")]
    assert score(GOLD, pred, mode="overlap").micro.as_tuple() == (4, 0, 0)


def test_duplicate_predictions_do_not_inflate_true_positives():
    same_twice = [GOLD[0], GOLD[0], GOLD[0]]
    for mode in ("exact", "overlap"):
        assert score(GOLD, same_twice, mode=mode).micro.as_tuple() == (1, 0, 3)
    # two different spans on one gold mention: one matches, the other is a false positive
    two_spans = [Mention("d1", 0, 6, "PER"), Mention("d1", 0, 3, "PER")]
    assert score(GOLD, two_spans, mode="overlap").micro.as_tuple() == (1, 1, 3)


def test_typed_matching_needs_the_label_untyped_does_not():
    pred = [Mention("d1", 0, 6, "ORG")]
    typed = score(GOLD[:1], pred, mode="exact", typed=True)
    assert typed.by_label["PER"].as_tuple() == (0, 0, 1)
    assert typed.by_label["ORG"].as_tuple() == (0, 1, 0)
    assert score(GOLD[:1], pred, mode="exact", typed=False).micro.as_tuple() == (1, 0, 0)


def test_overlap_matching_is_one_to_one_largest_overlap_first():
    gold = [Mention("d", 0, 10, "X"), Mention("d", 8, 20, "X")]
    pred = [Mention("d", 5, 15, "X")]  # overlaps gold 0 by 5, gold 1 by 7
    assert match(gold, pred, mode="overlap") == [(1, 0)]
    # equal overlaps: the earlier gold mention wins, every time
    gold = [Mention("d", 0, 4, "X"), Mention("d", 6, 10, "X")]
    pred = [Mention("d", 2, 8, "X")]
    assert match(gold, pred, mode="overlap") == [(0, 0)]
    assert match(gold, list(reversed(pred)), mode="overlap") == [(0, 0)]
    # spans in other documents never match
    assert match([Mention("a", 0, 4, "X")], [Mention("b", 0, 4, "X")], mode="overlap") == []


def test_unknown_mode_is_an_evaluation_error():
    with pytest.raises(EvaluationError):
        match(GOLD, GOLD, mode="fuzzy")


def test_bcubed_on_a_known_case():
    # gold: {a1, a2, a3} {b1}; predicted: {a1, a2} {a3, b1}
    g = [Mention("d1", 0, 1, "PER", cluster="A"), Mention("d2", 0, 1, "PER", cluster="A"),
         Mention("d3", 0, 1, "PER", cluster="A"), Mention("d3", 5, 6, "PER", cluster="B")]
    p = [Mention("d1", 0, 1, "PER", cluster="x"), Mention("d2", 0, 1, "PER", cluster="x"),
         Mention("d3", 0, 1, "PER", cluster="y"), Mention("d3", 5, 6, "PER", cluster="y")]
    b = bcubed(list(zip(g, p)))
    # precision: a1 1, a2 1, a3 1/2, b1 1/2 -> 3/4; recall: a1 2/3, a2 2/3, a3 1/3, b1 1 -> 2/3
    assert b.mentions == 4
    assert b.precision == pytest.approx(0.75)
    assert b.recall == pytest.approx(2 / 3)
    assert b.f1 == pytest.approx(2 * 0.75 * (2 / 3) / (0.75 + 2 / 3))
    perfect = bcubed(list(zip(g, g)))
    assert (perfect.precision, perfect.recall) == (1.0, 1.0)


# -- gold readers -------------------------------------------------------------------------------

ECB = {
    "id": "1_1ecb", "text": "Reid entered rehab , CNN said .\nShe left .",
    "sentences": [{"id": 0, "start": 0, "end": 31}, {"id": 1, "start": 32, "end": 42}],
    "annotated_sentences": [0],
    "mentions": [
        {"m_id": "1", "start": 0, "end": 4, "text": "Reid", "type": "HUMAN_PART_PER", "category": "HUMAN_PART",
         "sentence": 0},
        {"m_id": "2", "start": 5, "end": 12, "text": "entered", "type": "ACTION_OCCURRENCE", "category": "ACTION",
         "sentence": 0},
        {"m_id": "3", "start": 13, "end": 18, "text": "rehab", "type": "LOC_FAC", "category": "LOC", "sentence": 0},
        {"m_id": "4", "start": 21, "end": 24, "text": "CNN", "type": "HUMAN_PART_MET", "category": "HUMAN_PART",
         "sentence": 0},
        {"m_id": "5", "start": 25, "end": 29, "text": "said", "type": "ACTION_REPORTING", "category": "ACTION",
         "sentence": 0},
        {"m_id": "6", "start": 32, "end": 35, "text": "She", "type": "HUMAN_PART_PER", "category": "HUMAN_PART",
         "sentence": 1},
    ],
    "chains": [{"chain_id": "HUM1", "kind": "cross_doc", "instance_type": "HUMAN_PART_PER",
                "mention_ids": ["1", "6"]}],
}
POLNEAR = {
    "id": "p1", "date": "2016-09-12", "text": "Trump said he would win. Polls rose.",
    "attributions": [{"id": "E1", "source": {"start": 0, "end": 5, "text": "Trump"},
                      "cue": {"start": 6, "end": 10, "text": "said"},
                      "content": {"start": 11, "end": 23, "text": "he would win"}},
                     {"id": "E2", "source": None, "cue": {"start": 25, "end": 30, "text": "Polls"},
                      "content": {"start": 31, "end": 35, "text": "rose"}}],
}


def test_shapes_are_detected():
    assert detect_format(ECB) == "ecbplus"
    assert detect_format(POLNEAR) == "polnear"
    assert detect_format({"id": "c", "text": "x", "entities": []}) == "conll"
    with pytest.raises(EvaluationError, match="unknown gold shape"):
        detect_format({"id": "c", "text": "x"})


def test_ecbplus_actors_map_types_and_keep_annotated_sentences_only():
    doc = gold_doc(ECB, task="actors", fmt="ecbplus")
    assert [(m.begin, m.label, m.raw, m.cluster) for m in doc.mentions] == [
        (0, "PER", "HUMAN_PART_PER", "HUM1"), (21, "ORG", "HUMAN_PART_MET", "1_1ecb#4")]
    assert [m.raw for m in doc.ignored] == ["LOC_FAC"]
    assert doc.in_scope(0, 4) and not doc.in_scope(32, 35)


def test_ecbplus_events_include_reporting_verbs():
    doc = gold_doc(ECB, task="events", fmt="ecbplus")
    assert [(ECB["text"][m.begin:m.end], m.raw) for m in doc.mentions] == [
        ("entered", "ACTION_OCCURRENCE"), ("said", "ACTION_REPORTING")]
    with pytest.raises(EvaluationError, match="no statement"):
        gold_doc(ECB, task="statements", fmt="ecbplus")


def test_polnear_statements_allow_a_missing_source():
    doc = gold_doc(POLNEAR, task="statements", fmt="polnear")
    assert [m.label for m in doc.mentions] == ["SOURCE", "CUE", "CONTENT", "CUE", "CONTENT"]
    assert str(doc.date) == "2016-09-12"
    with pytest.raises(EvaluationError, match="--task statements"):
        gold_doc(POLNEAR, task="actors", fmt="polnear")


def test_read_gold_checks_spans_and_limit(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in (ECB, dict(ECB, id="1_2ecb"))) + "\n")
    assert len(read_gold(path, task="events", limit=1).docs) == 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps({"id": "c", "text": "abc", "entities": [{"start": 2, "end": 9, "type": "PER"}]}))
    with pytest.raises(EvaluationError, match="outside the text"):
        read_gold(bad, task="actors")


def test_scope_and_ignored_types_shape_the_ecbplus_counts(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_text(json.dumps(ECB) + "\n")
    gold = read_gold(path, task="actors")
    pred = [Mention("1_1ecb", 0, 4, "PER", cluster="reid"),
            Mention("1_1ecb", 13, 18, "ORG"),      # on an ignored LOC_FAC mention: not a false positive
            Mention("1_1ecb", 32, 35, "PER")]      # in a sentence that is not annotated: not counted
    r = score_gold(gold, pred)
    assert r.predicted_mentions == 2
    assert r.score("exact").as_tuple() == (1, 0, 1)
    assert r.score("exact", "ORG").as_tuple() == (0, 0, 1)
    assert r.bcubed is not None and r.bcubed.mentions == 1
    assert [(e.kind, e.text) for e in r.errors] == [("miss", "CNN")]


# -- predictions read from a real store ---------------------------------------------------------

TEXT = "Pompeo called Bajwa. Pakistan said it would help."
PREFIX = """@prefix nkg: <https://w3id.org/newskg/ns#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix gaf: <http://groundedannotationframework.org/gaf#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix data: <https://w3id.org/newskg/id/> .
"""


def _mention(b: int, e: int) -> str:
    return (f"<https://w3id.org/newskg/id/article/a1#char={b},{e}> a nkg:Mention ; "
            f"nif:referenceContext data:article\\/a1 ; nif:beginIndex {b} ; nif:endIndex {e} ; "
            f"nif:anchorOf {json.dumps(TEXT[b:e])} .\n")


def _m(b: int, e: int) -> str:
    return f"<https://w3id.org/newskg/id/article/a1#char={b},{e}>"


@pytest.fixture()
def hand_store(tmp_path: Path) -> Path:
    """An on-disk store with one article graph, written by hand in the ontology's fixed terms."""
    ttl = PREFIX + f"""data:article\\/a1 a nkg:Article ; dct:identifier "a1" ; nif:isString {json.dumps(TEXT)} .
data:actor\\/mike-pompeo a nkg:Person ; gaf:denotedBy {_m(0, 6)} .
data:actor\\/qamar-javed-bajwa a nkg:Person ; gaf:denotedBy {_m(14, 19)} .
data:actor\\/pakistan a nkg:GeopoliticalEntity, nkg:Place ; gaf:denotedBy {_m(21, 29)}, {_m(35, 37)} .
data:event\\/e1 a nkg:Event ; gaf:denotedBy {_m(7, 13)} .
data:statement\\/s1 a nkg:Statement ; nkg:sourceMention {_m(21, 29)} ; nkg:cueMention {_m(30, 34)} ;
  nkg:contentMention {_m(35, 49)} .
""" + "".join(_mention(b, e) for b, e in [(0, 6), (14, 19), (21, 29), (35, 37), (7, 13), (30, 34), (35, 49)])
    src = tmp_path / "a1.ttl"
    src.write_text(ttl)
    with open_store(tmp_path / "store") as store:
        store.load_file(src, graph="https://w3id.org/newskg/id/graph/a1")
    return tmp_path / "store"


def test_predictions_come_from_the_fixed_terms(hand_store):
    with open_store(hand_store) as store:
        actors = read_predictions(store, task="actors")
        events = read_predictions(store, task="events")
        with_cues = read_predictions(store, task="events", event_cues=True)
        statements = read_predictions(store, task="statements")
    assert [(m.begin, m.end, m.label) for m in actors] == [(0, 6, "PER"), (14, 19, "PER"), (21, 29, "LOC"),
                                                            (35, 37, "LOC")]
    assert [(m.begin, m.end) for m in events] == [(7, 13)]
    assert [(m.begin, m.end) for m in with_cues] == [(7, 13), (30, 34)]
    assert [(m.begin, m.label) for m in statements] == [(21, "SOURCE"), (30, "CUE"), (35, "CONTENT")]
    assert all(TEXT[m.begin:m.end] for m in statements)


def test_evaluate_on_a_given_store(hand_store, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a1", "text": TEXT, "entities": [
        {"start": 0, "end": 6, "type": "PERSON"}, {"start": 14, "end": 19, "type": "PERSON"},
        {"start": 21, "end": 29, "type": "GPE"}, {"start": 35, "end": 37, "type": "ORG"}]}) + "\n")
    r = evaluate(gold, task="actors", store=hand_store)
    assert r.score("exact").as_tuple() == (3, 1, 1)  # "it" predicted LOC, gold ORG
    assert r.score("exact untyped").as_tuple() == (4, 0, 0)
    assert r.score("overlap", "PER").f1 == 1.0
    assert r.bcubed is None  # CoNLL-style gold has no chains


def test_a_stored_text_that_differs_from_gold_is_refused(hand_store, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a1", "text": TEXT.upper(), "entities": []}) + "\n")
    with pytest.raises(EvaluationError, match="differ from the gold text"):
        evaluate(gold, task="actors", store=hand_store)


def test_cli_prints_the_table_and_writes_the_report(hand_store, tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "a1", "text": TEXT, "attributions": [
        {"id": "E1", "source": {"start": 21, "end": 29}, "cue": {"start": 30, "end": 34},
         "content": {"start": 35, "end": 48}}]}) + "\n")
    report = tmp_path / "out" / "report.json"
    result = CliRunner().invoke(eval_command, [str(gold), "--task", "statements", "--store", str(hand_store),
                                               "--report", str(report), "--errors", "3"])
    assert result.exit_code == 0, result.output
    assert "overlap" in result.output and "CONTENT" in result.output
    data = json.loads(report.read_text())
    assert data["tables"]["exact"]["by_label"]["SOURCE"]["f1"] == 1.0
    assert data["tables"]["exact"]["by_label"]["CONTENT"]["tp"] == 0  # 35-49 against 35-48
    assert data["tables"]["overlap"]["micro"]["f1"] == 1.0
    bad = CliRunner().invoke(eval_command, [str(gold), "--task", "events", "--store", str(hand_store)])
    assert bad.exit_code == EvaluationError.exit_code
    assert "--task statements" in bad.output
