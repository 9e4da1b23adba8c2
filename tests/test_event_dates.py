"""Dates without a year resolved by tense (issue 12, point 3): the occurrence nearest the
article's date that the tense allows, forward for the future, backward for the past."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract import analyse_doc
from kg.extract.nlp import load_model
from kg.extract.timeplace import When, resolve_date, tense
from kg.model import Article

MARCH_2 = dt.date(1987, 3, 2)


@pytest.fixture(scope="module")
def nlp():
    return load_model()


@pytest.mark.parametrize(("expression", "ref", "which", "expected"), [
    ("March 19", MARCH_2, "future", When(dt.date(1987, 3, 19))),
    ("March 19", MARCH_2, None, When(dt.date(1987, 3, 19))),
    ("March 19", MARCH_2, "past", When(dt.date(1986, 3, 19))),
    ("February 27", MARCH_2, None, When(dt.date(1987, 2, 27))),
    ("February 27", MARCH_2, "future", When(dt.date(1988, 2, 27))),
    ("December 30", dt.date(2020, 1, 2), "past", When(dt.date(2019, 12, 30))),
    ("January 5", dt.date(2019, 12, 30), "future", When(dt.date(2020, 1, 5))),
    ("September", MARCH_2, "future", When(None, dt.date(1987, 9, 1), dt.date(1987, 9, 30))),
    ("September", MARCH_2, "past", When(None, dt.date(1986, 9, 1), dt.date(1986, 9, 30))),
    ("in March", MARCH_2, "future", When(None, dt.date(1987, 3, 1), dt.date(1987, 3, 31))),
    ("in December", dt.date(2020, 1, 3), None, When(None, dt.date(2019, 12, 1), dt.date(2019, 12, 31))),
    ("on Friday", dt.date(2020, 1, 1), "future", When(dt.date(2020, 1, 3))),
    ("on Friday", dt.date(2020, 1, 1), "past", When(dt.date(2019, 12, 27))),
])
def test_resolve_date_by_tense(expression: str, ref: dt.date, which: str | None, expected: When) -> None:
    assert resolve_date(expression, ref, tense=which) == expected


@pytest.mark.parametrize(("sentence", "word", "expected"), [
    ("Ministers will meet in Vienna.", "meet", "future"),
    ("OPEC is not due to meet again until September.", "meet", "future"),
    ("The leaders are set to sign the treaty.", "sign", "future"),
    ("The summit is scheduled for March 19.", "summit", "future"),
    ("The meeting scheduled for March 19 was cancelled.", "meeting", "future"),
    ("Ministers met in Vienna.", "met", "past"),
    ("The talks have been held in Geneva.", "held", "past"),
    ("Two soldiers were killed on Friday.", "killed", "past"),
    ("Ministers who meet on March 19 will set prices.", "meet", None),
    ("They could meet on Monday.", "meet", None),
])
def test_tense_of_an_event(nlp, sentence: str, word: str, expected: str | None) -> None:
    token = next(t for t in nlp(sentence) if t.text == word)
    assert tense(token) == expected


def _dates(nlp, text: str, date: dt.date) -> list[tuple]:
    art = Article("a", text, date=date)
    analysis = analyse_doc(art, nlp(text), model="m")
    return [(ev.mentions[0].text, ev.date, ev.earliest, ev.latest) for ev in analysis.events if ev.cameo]


def test_the_issue_cases_in_an_article_of_2_march_1987(nlp) -> None:
    text = ("OPEC ministers, who meet on March 19 in Vienna, will review prices. "
            "The ministers are not due to meet again until September.")
    assert _dates(nlp, text, MARCH_2) == [("meet", dt.date(1987, 3, 19), None, None),
                                          ("meet", None, dt.date(1987, 9, 1), dt.date(1987, 9, 30))]


def test_past_references_look_back(nlp) -> None:
    text = "Iran and Iraq signed a ceasefire agreement on March 19. Troops withdrew from Basra in September."
    dates = {m: rest for m, *rest in _dates(nlp, text, MARCH_2)}
    assert dates["signed"][0] == dt.date(1986, 3, 19)
    assert dates["withdrew"][1:] == [dt.date(1986, 9, 1), dt.date(1986, 9, 30)]
    future = {m: rest for m, *rest in _dates(nlp, "Iran and Iraq will sign a ceasefire agreement on March 19.", MARCH_2)}
    assert future["sign"][0] == dt.date(1987, 3, 19)
