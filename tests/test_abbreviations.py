"""Tokenized text (tokens joined by spaces, as ECB+ and CoNLL-2003 give it) is read as the small
model reads the same text written normally: its spaced abbreviations are merged into one token
with the features of the written-together form (kg.extract.abbreviations), on the real model."""

from __future__ import annotations

from kg.extract.abbreviations import compact
from kg.extract.nlp import load_model

TOKENIZED = ("The U . S . government named Dr . Regina M . Benjamin , a physician in Mobile , "
             "Ala . , to the post .\nMsgr . Michael Farmer said so .\n")


def test_spaced_abbreviations_read_as_the_untokenized_text() -> None:
    nlp = load_model(trained=False)
    doc = nlp(TOKENIZED)
    written = {t.text: t for t in nlp("The U.S. government named Dr. Regina M. Benjamin, a physician in "
                                      "Mobile, Ala., to the post.")}
    merged = [t for t in doc if " " in t.text]
    assert [t.text for t in merged] == ["U . S .", "Dr .", "M .", "Ala .", "Msgr ."]
    for token in merged[:-1]:  # "Msgr." is two tokens for spaCy even when written together
        same = written[token.text.replace(" ", "")]
        assert (token.norm_, token.shape_, token.prefix_, token.suffix_) == \
            (same.norm_, same.shape_, same.prefix_, same.suffix_), token.text
    assert [(e.text, e.label_) for e in doc.ents if e.label_ == "PERSON"] == \
        [("Regina M . Benjamin", "PERSON"), ("Michael Farmer", "PERSON")]
    assert [s.text.strip() for s in doc.sents][-1] == "Msgr . Michael Farmer said so ."
    assert doc.text == TOKENIZED  # offsets never move


def test_a_period_that_ends_its_line_or_quote_and_lower_case_letters_stay_apart() -> None:
    nlp = load_model(trained=False)
    text = ('He works at Acme Co .\nHe is at Schroder Wertheim & Co . "\nHe pointed a . 38 revolver .\n'
            "It is no . 1 on the list .\n")
    doc = nlp(text)
    assert not [t.text for t in doc if " " in t.text.strip()]


def test_running_text_keeps_its_tokens() -> None:
    nlp = load_model(trained=False)
    text = "Dr. Regina M. Benjamin of the U.S. Public Health Service spoke in Mobile, Ala., on Monday."
    with nlp.select_pipes(disable=["newskg_abbreviations"]):
        plain = [t.text for t in nlp(text)]
    assert [t.text for t in nlp(text)] == plain


def test_names_are_written_as_in_running_text() -> None:
    assert compact("George W . Bush") == "George W. Bush"
    assert compact("U . S . Fish and Wildlife Service") == "U.S. Fish and Wildlife Service"
    assert compact("Washington D . C .") == "Washington D.C."
    assert compact("Boston Red Sox") == "Boston Red Sox"


_SAVE = """
import json, sys
from spacy.tokens import DocBin
from kg.extract.nlp import load_model
doc = load_model(trained=False)(sys.argv[2])
DocBin(docs=[doc]).to_disk(sys.argv[1] + "/docs.spacy")
print(json.dumps([[t.norm_, t.prefix_, t.suffix_, t.shape_] for t in doc]))
"""
_LOAD = """
import json, sys
from spacy.tokens import DocBin
from kg.extract import abbreviations
from kg.extract.nlp import load_model
nlp = load_model(trained=False)
docs = list(DocBin().from_disk(sys.argv[1] + "/docs.spacy").get_docs(nlp.vocab))
before = [[t.norm_, t.prefix_, t.suffix_, t.shape_] for t in docs[0]]
abbreviations.restore(docs)
print(json.dumps([before, [[t.norm_, t.prefix_, t.suffix_, t.shape_] for t in docs[0]]]))
"""


def test_parses_read_back_from_a_cache_in_a_new_process_read_as_at_parse_time(tmp_path) -> None:
    """Training reads the small model's parses from a ``DocBin`` cache: the merged tokens' shapes
    and affixes live in the vocabulary, not in the cache, so ``restore`` sets them again (without
    it a training run from the cache gave other weights than the run that made the cache)."""
    import json
    import subprocess
    import sys

    saved = json.loads(subprocess.run([sys.executable, "-c", _SAVE, str(tmp_path), TOKENIZED], check=True,
                                      capture_output=True, text=True).stdout)
    before, after = json.loads(subprocess.run([sys.executable, "-c", _LOAD, str(tmp_path)], check=True,
                                              capture_output=True, text=True).stdout)
    assert after == saved
    assert before != saved  # the shapes of "U . S ." and the others are lost without restore
