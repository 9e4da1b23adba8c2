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
    ("The film has been attacked by critics in the US.", "attacked", "111"),
    ("Hackers launched denial of service attacks on the bank's website.", "attacks", None),
    ("Militants launched attacks on the army's bases.", "attacks", "190"),
    # phone: a call versus a device
    ("Mike Pompeo spoke to Bajwa by phone on Friday.", "phone", "041"),
    ("Sales of mobile phones rose in China.", "phones", None),
    # sign: a treaty versus signing up customers
    ("The firm will try to sign up new customers.", "sign", None),
    ("Rover signed a technology-sharing agreement with SAIC.", "signed", None),
    ("Umbro announced its sponsorship agreement with Chelsea.", "agreement", None),
    # beat: a win versus an assault
    ("The teacher beat Jolene Byrne by 40 metres.", "beat", None),
    ("The sequel narrowly beat its predecessor at the box office.", "beat", None),
    ("Police beat the protesters with batons.", "beat", "182"),
    ("The journalist was beaten to death by a mob.", "beaten", "182"),
    # occupy: a rank versus territory
    ("Cragg is occupying top spot in the rankings.", "occupying", None),
    ("Troops occupied the town of Kunduz.", "occupied", "192"),
    # kill: accidents, disease, fiction versus violence
    ("Two people were killed in a car crash.", "killed", None),
    ("Many Caribs were killed by disease.", "killed", None),
    ("The soap killed off its best-known character.", "killed", None),
    ("Gunmen killed two policemen in Karachi.", "killed", "18"),
    # host: an event versus a visit
    ("Chris Rock will host the awards ceremony.", "host", None),
    ("China hosted the Pakistani president in Beijing.", "hosted", "043"),
    # rally: markets versus protest
    ("The fresh rally in crude prices followed gains on Wednesday.", "rally", None),
    ("Thousands joined a rally against the war in London.", "rally", "141"),
    # meet: targets, taxes and rumours versus talks
    ("The firm said it had met its main strategic objectives.", "met", None),
    ("The spending will be partly met by higher fuel taxes.", "met", None),
    ("The talk in the City is that UPS will bid.", "talk", None),
    ("She won the hurdles at the Stockholm meeting on Tuesday.", "meeting", None),
    ("The ministers held a meeting with Iran on Tuesday.", "meeting", "040"),
    # demand: a mass noun versus demands
    ("Lufthansa was hit by a dip in demand after the war.", "demand", None),
    ("The government's demands were rejected by the rebels.", "demands", "100"),
    # shoot: charts and films versus shooting
    ("The thriller shot straight to the number one spot.", "shot", None),
    ("Shooting on the sequel is expected to begin in April.", "Shooting", None),
]


@pytest.mark.parametrize(("sentence", "word", "expected"), CASES, ids=[f"{w}:{s[:40]}" for s, w, _ in CASES])
def test_sense_from_context(nlp, sentence: str, word: str, expected: str | None) -> None:
    assert _code(nlp, sentence, word) == expected


def test_a_bare_strike_takes_the_sense_of_its_article(nlp) -> None:
    doc = nlp("Rail workers walked off the job over pensions on Tuesday. The strike is the longest since 1995.")
    assert sense(next(t for t in doc if t.text == "strike")) == "143"
    doc = nlp("Two missiles hit the air base at dawn, killing four soldiers. The strike is the largest since 1995.")
    assert sense(next(t for t in doc if t.text == "strike")) == "190"
