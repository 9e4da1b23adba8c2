"""CAMEO senses from context (issue 12, point 2): every rule of kg.extract.event_senses on
sentences of our own making, for both senses, with the real spaCy model."""

from __future__ import annotations

import pytest

from kg.extract.event_senses import sense
from kg.extract.nlp import load_model


@pytest.fixture(scope="module")
def nlp():
    return load_model()


def _code(nlp, sentence: str, word: str) -> str | None:
    doc = nlp(sentence)
    token = next(t for t in doc if t.text == word)
    return sense(token)


CASES = [
    # strike: labour, military, idiom, nature
    ("Rail workers began a strike on Tuesday.", "strike", "143"),
    ("A rail strike paralysed Paris.", "strike", "143"),
    ("The unions said they would continue the strike over pensions.", "strike", "143"),
    ("Teachers went on strike in Chicago.", "strike", "143"),
    ("Thousands of workers struck at the Renault plant.", "struck", "143"),
    ("The prisoner began a hunger strike.", "strike", "142"),
    ("An air strike hit a convoy near Aleppo.", "strike", "195"),
    ("The United States launched a strike on an Iranian base.", "strike", "190"),
    ("Israeli jets struck targets in Gaza.", "struck", "190"),
    ("The strike killed three soldiers at the base.", "strike", "190"),
    ("It strikes me odd that they sold the shares.", "strikes", None),
    ("The two firms struck a deal on Monday.", "struck", None),
    ("The village was struck by lightning.", "struck", None),
    # walking off the job
    ("French rail workers walked off the job on Tuesday.", "walked", "143"),
    ("Nurses walked out over pay.", "walked", "143"),
    ("He walked to the station.", "walked", None),
    # fire: shooting, artillery, dismissal, blaze
    ("Soldiers fired shots at the crowd.", "fired", "193"),
    ("Police fired on the protesters in Lagos.", "fired", "193"),
    ("Militants fired rockets at the village.", "fired", "194"),
    ("The board fired its chief executive.", "fired", None),
    ("The coach was fired after the defeat.", "fired", None),
    ("A fire destroyed the warehouse.", "fire", None),
    ("Troops opened fire on the crowd.", "fire", "190"),
    # withdraw: troops versus plans and bids
    ("Israel withdrew its troops from Gaza.", "withdrew", "087"),
    ("Israel withdrew from Gaza in 2005.", "withdrew", "087"),
    ("The company withdrew from the market.", "withdrew", None),
    ("The government withdrew its pension plan.", "withdrew", None),
    ("The company is withdrawing its takeover bid.", "withdrawing", None),
    # demand: political versus economic
    ("Protesters demanded the resignation of the minister.", "demanded", "100"),
    ("Iran rejected the demands of the United States.", "demands", "100"),
    ("Demand for oil rose sharply in January.", "Demand", None),
    ("Consumer demand weakened last quarter.", "demand", None),
    ("The plant cannot meet demand for its products.", "demand", None),
    # meet and talks: diplomacy versus business and targets
    ("Putin met Erdogan in Sochi.", "met", "040"),
    ("Ministers of OPEC will meet in Vienna.", "meet", "040"),
    ("The company failed to meet its sales target.", "meet", None),
    ("Shareholders will meet on May 5 to vote on the offer.", "meet", None),
    ("The company held merger talks with Xerox Corp.", "talks", None),
    ("Iran held talks with the European Union.", "talks", "040"),
    # threats, agreements, signing
    ("The takeover threat worried investors.", "threat", None),
    ("North Korea issued a threat against Japan.", "threat", "130"),
    ("The firms signed a supply contract.", "signed", None),
    ("Israel and Egypt signed a peace treaty.", "signed", "057"),
    ("They reached a merger agreement.", "agreement", None),
    ("The two countries reached an agreement on trade.", "agreement", "057"),
    # shoot: markets and films versus shooting
    ("Shares of ChemLawn shot up 5 dollars.", "shot", None),
    ("The crew shot a film in Morocco.", "shot", None),
    ("Police shot two protesters in Lagos.", "shot", "193"),
    # attack: criticism versus assault
    ("The opposition attacked the budget plan.", "attacked", "111"),
    ("Rebels attacked an army base.", "attacked", "190"),
]


@pytest.mark.parametrize(("sentence", "word", "expected"), CASES, ids=[f"{w}:{s[:40]}" for s, w, _ in CASES])
def test_sense_from_context(nlp, sentence: str, word: str, expected: str | None) -> None:
    assert _code(nlp, sentence, word) == expected


def test_a_bare_strike_takes_the_sense_of_its_article(nlp) -> None:
    doc = nlp("Rail workers walked off the job over pensions on Tuesday. The strike is the longest since 1995.")
    assert sense(next(t for t in doc if t.text == "strike")) == "143"
    doc = nlp("Two missiles hit the air base at dawn, killing four soldiers. The strike is the largest since 1995.")
    assert sense(next(t for t in doc if t.text == "strike")) == "190"
