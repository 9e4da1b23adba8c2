"""Statements: the sample article (through the real pipeline and store), the quote scanner
and a cue boundary rule (the golden case folders: tests/test_golden.py)."""

from __future__ import annotations

import pytest

from kg.extract import analyse_doc
from kg.extract.nlp import load_model
from kg.extract.statements import find_quotes
from kg.model import Article, Span
from kg.store import KGStore


def _speakers(text: str) -> list[tuple[str, str | None]]:
    """Each statement's cue and the name of its speaker (None: unresolved), in order, as the real
    model and the extraction give them for ``text``."""
    analysis = analyse_doc(Article("t", text), load_model()(text), model="m")
    return [(s.cue.text, s.speaker.name if s.speaker else None) for s in analysis.statements]


SEED_QUERY = """
SELECT ?speaker ?cue ?mode ?content ?source ?channel WHERE {
  ?st a nkg:Statement ; nkg:cueMention/nif:anchorOf ?cue ; nkg:mode ?m ; schema:text ?content .
  OPTIONAL { ?st nkg:speaker/rdfs:label ?speaker }
  OPTIONAL { ?st nkg:sourceMention/nif:anchorOf ?source }
  OPTIONAL { ?st nkg:channel ?c . BIND(STRAFTER(STR(?c), "#") AS ?channel) }
  BIND(STRAFTER(STR(?m), "#") AS ?mode)
}"""

#: The issue's golden case: (speaker, cue, mode, start of the content, channel).
SEED = [
    ("Mike Pompeo", "said", "Indirect", "that they were protecting American interests", "PhoneCall"),
    ("Mike Pompeo", "went on to say", "Indirect", "that they would protect US interests, personnel", "PhoneCall"),
    ("Mike Pompeo", "said", "Mixed", 'that the US was "committed to de-escalation"', None),
    ("Mike Pompeo", "tweeted", "Indirect", "that he had spoken with British Foreign Secretary Dominic Raab", "Tweet"),
    ("Mike Pompeo", "wrote", "Direct", "Thankful that our allies recognize", None),
    ("Qamar Javed Bajwa", "emphasized", "Indirect", "on the need for maximum restraint", None),
    ("Qamar Javed Bajwa", "also reiterated", "Indirect", "the need for maintaining focus", None),
    ("Inter-Services Public Relations", "also confirmed", "Indirect", "that Chief of Army Staff (COAS) General", None),
    ("Inter-Services Public Relations", "said", "Indirect", "that regional situation including", "PressStatement"),
    ("Pentagon", "said", "Indirect", "Soleimani had orchestrated attacks on coalition bases", None),
    ("Pentagon", "according to", "Mixed", 'Soleimani "also approved the attacks"', None),
    # PolNeAR's cues take the verb's adverbs and dates ("announced earlier", "said Sunday")
    ("United States", "announced earlier", "Indirect", "that it had killed the commander", None),
]


@pytest.fixture(scope="module")
def seed_statements(sample_store: KGStore) -> list[dict]:
    rows = sample_store.query(SEED_QUERY)
    return [{k: (str(v) if v is not None else None) for k, v in row.items()} for row in rows]


@pytest.mark.parametrize("speaker,cue,mode,content,channel", SEED, ids=lambda v: str(v)[:24])
def test_seed_statement(seed_statements: list[dict], speaker: str, cue: str, mode: str, content: str,
                        channel: str | None) -> None:
    hits = [s for s in seed_statements if s["speaker"] == speaker and s["cue"] == cue
            and s["content"].startswith(content)]
    assert len(hits) == 1, (speaker, cue, content, seed_statements)
    assert hits[0]["mode"] == mode
    if channel:
        assert hits[0]["channel"] == channel


def test_seed_tweet_addressees_and_pronoun_source(sample_store: KGStore) -> None:
    rows = sample_store.query("""SELECT ?cue ?source ?addressee WHERE {
      ?st nkg:speaker/rdfs:label "Mike Pompeo" ; nkg:cueMention/nif:anchorOf ?cue ;
          nkg:sourceMention/nif:anchorOf ?source .
      OPTIONAL { ?st nkg:addressee/rdfs:label ?addressee } }""")
    addressees = {str(r["addressee"]) for r in rows if str(r["cue"]) == "tweeted" and r["addressee"]}
    assert addressees == {"Dominic Raab", "Heiko Maas", "Yang Jiechi"}
    assert {str(r["source"]) for r in rows if str(r["cue"]) == "wrote"} == {"he"}
    assert {str(r["source"]) for r in rows if str(r["cue"]) == "went on to say"} == {"Mike Pompeo"}


def test_seed_title_resolves_through_the_named_holder(seed_statements: list[dict]) -> None:
    titled = [s for s in seed_statements if s["source"] == "the US Secretary of State"]
    assert titled and {s["speaker"] for s in titled} == {"Mike Pompeo"}


def test_seed_statement_mentions_are_grounded(sample_store: KGStore) -> None:
    rows = sample_store.query("""SELECT ?text ?b ?e ?anchor ?sentence WHERE {
      ?st a nkg:Statement ; ?p ?m . VALUES ?p { nkg:sourceMention nkg:cueMention nkg:contentMention }
      ?m a nkg:Mention ; nif:referenceContext/nif:isString ?text ; nif:beginIndex ?b ; nif:endIndex ?e ;
         nif:anchorOf ?anchor ; nif:sentence/nif:anchorOf ?sentence }""")
    assert len(rows) > 30
    for r in rows:
        assert str(r["text"])[int(r["b"]):int(r["e"])] == str(r["anchor"])


def test_unresolved_lead_pronoun_keeps_source_without_speaker(seed_statements: list[dict]) -> None:
    lead = [s for s in seed_statements if s["content"].startswith("the US will protect its people")]
    assert len(lead) == 1 and lead[0]["source"] == "He" and lead[0]["speaker"] is None


def test_quotes_run_over_paragraph_ends_and_need_an_opening() -> None:
    text = 'It said "fine." He wrote: “One,\n\n“two.”\n\nA 5" screen and “unclosed\n\nnext.'
    assert [q.text for q in find_quotes(text)] == ['"fine."', "“One,\n\n“two.”"]


@pytest.mark.parametrize("text,cue,content", [
    ("The senator railed against the new tax plan on Tuesday.", "railed against", "the new tax plan"),
    ("Trump was referring to the wall, aides said.", "was referring to", "the wall"),
])
def test_the_cue_takes_the_preposition_and_the_content_its_object(text: str, cue: str, content: str) -> None:
    statements = analyse_doc(Article(id="c", text=text), load_model()(text), model="m").statements
    assert (cue, content) in [(s.cue.text, s.content.text) for s in statements]


@pytest.mark.parametrize("text,source,speaker", [
    ("Chris Cox, who runs the NRA's lobbying arm, said the bill would fail.",
     "Chris Cox, who runs the NRA's lobbying arm,", "Chris Cox"),
    ("The bill will fail, said Jim Clyburn, a Democratic congressman from South Carolina.",
     "Jim Clyburn, a Democratic congressman from South Carolina", "Jim Clyburn"),
    ("Sen. Bernie Sanders (I-Vt.) said the plan would fail.", "Sen. Bernie Sanders (I-Vt.)", "Bernie Sanders"),
])
def test_the_source_takes_its_whole_phrase_and_the_speaker_its_name(text: str, source: str, speaker: str) -> None:
    """PolNeAR's sources take appositions and relative clauses; the speaker is still the name."""
    statements = analyse_doc(Article(id="c", text=text), load_model()(text), model="m").statements
    assert [(s.source.text, s.speaker.name if s.speaker else None) for s in statements] == [(source, speaker)]


def test_two_apostrophes_quote_a_direct_statement() -> None:
    """''...'' (The New York Times in PolNeAR) is a quotation: the content keeps both marks."""
    text = "''Good news for the country is bad news for the Republicans,'' said Mr. Holtz-Eakin."
    statements = analyse_doc(Article(id="c", text=text), load_model()(text), model="m").statements
    assert [(s.mode, s.content.text) for s in statements] == \
        [("direct", "''Good news for the country is bad news for the Republicans,''")]


def test_a_reported_content_ends_with_its_sentence() -> None:
    """The head's content span ran on over the next sentence here."""
    text = "In Nevada's Republican caucuses, 34,000 people supported Trump. That's more than the entire GOP turnout."
    statements = analyse_doc(Article(id="c", text=text), load_model()(text), model="m").statements
    assert [(s.cue.text, s.content.text) for s in statements] == [("supported", "Trump")]


def test_transcript_turns_are_statements_of_the_name_before_the_colon() -> None:
    text = ("Interview\n\nTAPPER: Do you think he has campaigned as a healer?\n\n"
            "FALLIN: Well, the whole nation needs to work together.\n\nQ: And you?\n\nUPDATE: The debate ended.")
    statements = analyse_doc(Article(id="c", text=text), load_model()(text), model="m").statements
    turns = [(s.cue.text, s.source.text, s.content.text) for s in statements if s.cue.text == ":"]
    assert turns == [(":", "TAPPER", "Do you think he has campaigned as a healer?"),
                     (":", "FALLIN", "Well, the whole nation needs to work together")]


@pytest.mark.parametrize("text,outer,beside", [
    ("Trump insisted that he had released enough information about his finances and refused to release his tax returns.",
     ("Trump", "insisted", "that he had released enough information about his finances"),
     ("Trump", "refused", "to release his tax returns")),
    ("He said he would release his information for 2014 on Friday, calling them very boring tax returns.",
     ("He", "said", "he would release his information for 2014 on Friday"),
     ("He", "calling", "them very boring tax returns")),
])
def test_a_content_ends_before_a_cue_set_beside_its_clause(text: str, outer: tuple, beside: tuple) -> None:
    """The parse puts "refused" / "calling" inside the reported clause; PolNeAR makes them cues of
    the same speaker, the first content ending before them (UNNEST_COORDINATED)."""
    statements = analyse_doc(Article(id="c", text=text), load_model()(text), model="m").statements
    assert [(s.source.text, s.cue.text, s.content.text) for s in statements] == [outer, beside]


def test_a_cue_with_its_own_subject_stays_inside_the_clause() -> None:
    text = "She said that the economy grew and Trump claimed the credit for it."
    statements = analyse_doc(Article(id="c", text=text), load_model()(text), model="m").statements
    said = next(s for s in statements if s.cue.text == "said")
    assert said.content.text == "that the economy grew and Trump claimed the credit for it"


def test_whom_words_are_addressed_to_is_no_content() -> None:
    """ADDRESSEE_PREPOSITIONS: "comment to | me" names the addressee, not what was said (the
    sample article's Sanjay Gupta once had a statement whose content was "me")."""
    text = ("Gupta would n't comment to me -- while not denying the story -- but confirmed on his "
            "Twitter feed that he has been approached by the Obama administration.")
    statements = analyse_doc(Article(id="c", text=text), load_model()(text), model="m").statements
    assert "me" not in [s.content.text for s in statements]
    assert any(s.cue.text == "confirmed" and s.content.text.startswith("that he has been approached")
               for s in statements)


@pytest.mark.parametrize("text,cue", [
    ('"It is going to win so much," Trump said at his victory party in Manchester.', "said"),
    ('"We will fight on," Sanders said in a statement.', "said in a statement"),
    ('"The caucuses harness the energy of people," Schumer said in an interview. "They are legitimate."', "said"),
])
def test_a_cue_after_its_content_ends_before_its_phrase(text: str, cue: str) -> None:
    """CUE_TRIM_AFTER_CONTENT: after a quotation PolNeAR's cue is the verb without its
    prepositional phrase, but for "in a statement" (CUE_TRIM_KEEP)."""
    statements = analyse_doc(Article(id="c", text=text), load_model()(text), model="m").statements
    assert [s.cue.text for s in statements] == [cue]


@pytest.mark.parametrize("text,cue", [
    ("Netanyahu rallied supporters by warning that the rule of the right is in danger.", "warning"),
    ("He concluded by saying that the deal was dead.", "concluded by saying"),
])
def test_the_cue_starts_at_its_governor_only_next_to_by(text: str, cue: str) -> None:
    """CUE_GOVERNOR_BY_ADJACENT: "concluded by saying" is one cue; "rallied supporters by" is no part of one."""
    statements = analyse_doc(Article(id="c", text=text), load_model()(text), model="m").statements
    assert [s.cue.text for s in statements] == [cue]


def test_a_cue_sharing_the_subject_of_a_cue_before_it_takes_only_the_quote_after() -> None:
    """QUOTE_BEFORE_GOVERNOR: '"...," he said, adding: "..."' are two statements, one quote each."""
    text = '"That will benefit all the races down ballot," he said, adding: "I do not think it is fair."'
    statements = analyse_doc(Article(id="c", text=text), load_model()(text), model="m").statements
    assert [(s.cue.text, s.content.text) for s in statements] == [
        ("said", '"That will benefit all the races down ballot,"'), ("adding:", '"I do not think it is fair."')]


def test_a_content_ends_at_its_sentence_when_the_next_quote_opens_there() -> None:
    """CLIP_AT_OPENING: the parse ends the first sentence after the next one's opening ''."""
    text = ("At a rally, Mrs. Clinton ticked off a laundry list of little-known Trump enterprises. "
            "''Trump suits were made in Mexico,'' she said. ''Trump furniture is made in Turkey.''")
    statements = analyse_doc(Article(id="c", text=text), load_model()(text), model="m").statements
    assert [(s.cue.text, s.content.text, s.mode) for s in statements] == [
        ("ticked off", "a laundry list of little-known Trump enterprises", "indirect"),
        ("said", "''Trump suits were made in Mexico,''", "direct")]


@pytest.mark.parametrize("text,first,second", [
    ("Some voters said the former president had made a good case for his wife, while other voters said they had "
     "not heard anything new.", ("Some voters", "said", "the former president had made a good case for his wife"),
     ("other voters", "said", "they had not heard anything new")),
    ("He told CNN that he received an apology from a Fox executive, though he did not say who made the apology.",
     ("He", "told", "that he received an apology from a Fox executive"),
     ("he", "did not say", "who made the apology")),
    ("Trump said he will support the party's nominee, even as he has criticized its leaders.",
     ("Trump", "said", "he will support the party's nominee"), ("he", "has criticized", "its leaders")),
])
def test_a_content_ends_before_a_cue_set_against_it(text: str, first: tuple, second: tuple) -> None:
    """UNNEST_CONTRASTED: a "while" / "though" clause with a cue of its own subject is a statement
    of its own, not part of the content before it."""
    statements = analyse_doc(Article(id="c", text=text), load_model()(text), model="m").statements
    assert [(s.source.text, s.cue.text, s.content.text) for s in statements] == [first, second]


def test_the_cue_bounds_walk_stays_out_of_the_content_and_weighs_the_rules_span() -> None:
    """cue_bounds.bounds: joining every word, the walk stops where the content starts; at an
    even probability the rules' words stay (KEEP) and no other word joins (JOIN)."""
    from kg.extract.trained.cue_bounds import bounds

    doc = load_model()("Price said on Monday that the deal was dead.")
    said, content = doc[1], [Span(doc[4].idx, len(doc.text) - 1, "that the deal was dead")]
    assert said.text == "said" and doc[4].text == "that"
    assert bounds(doc, 1, 2, None, content, "a", {"Rb": 5.0, "Lb": -5.0}) == (1, 4)  # "said on Monday"
    assert bounds(doc, 1, 4, None, content, "a", {"b": 0.0}) == (1, 4)  # the rules' "said on Monday" stays
    assert bounds(doc, 1, 2, None, content, "a", {"b": 0.0}) == (1, 2)  # and nothing joins "said"


@pytest.mark.parametrize("text,cue", [
    ("Ted Cruz is standing by an accusation he made on the Senate floor.", "is standing by"),
    ("The group wrote to the senator that it did not approve of the flyers.", "wrote"),
])
def test_the_trained_cue_bounds_decide_how_far_a_cue_reaches(text: str, cue: str) -> None:
    """CUE_BOUNDS: the shipped cue-bounds table moves the rules' ends where PolNeAR train's cues
    end elsewhere ("wrote to" -> "wrote") and keeps them where they agree ("is standing by").
    (The table fitted for newskg-attribution 0.4 no longer takes "weighed in" to "weighed in on".)"""
    statements = analyse_doc(Article(id="c", text=text), load_model()(text), model="m").statements
    assert [s.cue.text for s in statements] == [cue]


def test_it_after_an_organisations_statement_is_that_organisation() -> None:
    """"It" that speaks in the sentence after an organisation's statement is that organisation,
    though another organisation is the subject of what it reported ("Ferrari could be listed,
    the Financial Times has reported. It said ...": the newspaper; "Barclays cautioned ... UK.
    It added ...": the bank, not the UK named last)."""
    text = ("Fiat may list Ferrari\n\nFerrari could be listed on the stock market as part of an overhaul of Fiat's carmaking operations, "
            "the Financial Times has reported. It said Fiat was set to restructure its business.\n\n"
            "British bank Barclays cautioned that growth this year may be slower on the back of interest rate "
            "rises in the UK. "
            "It added its bid for a stake in a South African bank was going well.\n")
    speakers = dict(_speakers(text))
    assert speakers.get("said") == "Financial Times" and speakers.get("added") == "Barclays", speakers


def test_a_source_whose_apposition_names_a_person_is_that_person() -> None:
    """"Argentina's President, Nestor Kirchner, said" and "the company's administrator, turnaround
    expert Enrico Bondi, said": the person the apposition names speaks (and "he" after him)."""
    text = ("Argentina debt deal\n\nYesterday Argentina's economy minister, Roberto Lavagna, said that he estimated "
            "the results would be ready soon. Argentina's President, Nestor Kirchner, said on Friday: \"A year ago "
            "they told us we were crazy.\" But he added that his government was close to a deal. The company's "
            "administrator, turnaround expert Enrico Bondi, said the plan would work.\n")
    speakers = _speakers(text)
    assert ("said", "Nestor Kirchner") in speakers and ("added", "Nestor Kirchner") in speakers, speakers
    assert ("said", "Enrico Bondi") in speakers, speakers


def test_a_first_line_source_of_titles_and_a_name_is_that_person() -> None:
    """On the first line, read as a title, a source of titles and a person's name ("Interior
    Secretary Dirk Kempthorne announced ...", ECB+'s first sentences) speaks as that person; a
    source that is no such name still gets none."""
    text = ("Interior Secretary Dirk Kempthorne announced major changes Thursday to the rules on endangered "
            "species.\nThe changes would let agencies decide for themselves, Kempthorne said.\n")
    analysis = analyse_doc(Article("t", text), load_model()(text), model="m")
    first = [s for s in analysis.statements if s.cue.text == "announced"]
    assert first and first[0].speaker is not None and first[0].speaker.name == "Dirk Kempthorne", analysis.statements


def test_a_title_owned_by_what_is_no_actor_is_nobodys_post() -> None:
    """"the sorority's national president announced" is not President Obama: a title with a
    possessor that is no actor of the article names no holder; "the president said" still is."""
    text = ("President Barack Obama nominated Dr. Regina Benjamin as surgeon general on Monday.\nI had a feeling she "
            "was a member of Delta Sigma Theta Sorority, Inc., a non-profit community service organization.\nAnd it "
            "was confirmed several days later when the sorority's national president announced Dr. Benjamin became "
            "a member while completing her degree at Xavier University.\nThe president said she was the right "
            "choice.\n")
    speakers = dict(_speakers(text))
    assert speakers.get("announced", "missing") is None, speakers
    assert speakers.get("said") == "Barack Obama", speakers


def test_a_title_owned_by_an_actor_is_never_another_actors_post() -> None:
    """"India's finance minister lashed out" is not "UK finance minister Gordon Brown", the only
    finance minister the article names before a name; "The new President, Viktor Yushchenko,"
    is Yushchenko, not the president named earlier."""
    text = ("In London on Thursday, India's finance minister lashed out at the trade policies of the G7 nations.\n"
            "At a conference hosted by UK finance minister Gordon Brown on Friday, rates were discussed.\nPresident "
            "Leonid Kuchma left office in January. The new President, Viktor Yushchenko, said the "
            "sale was illegal.\n")
    speakers = dict(_speakers(text))
    lashed = [who for cue, who in speakers.items() if cue.startswith("lashed out")]
    assert lashed == [None], speakers
    assert speakers.get("said") == "Viktor Yushchenko", speakers


def test_they_speaks_for_no_organisation_whose_name_is_singular() -> None:
    """"they believe" after a statement of "Democrats" (no actor) is not the department whose
    statement came before ("Commerce Department" is "it"); "it" after Qantas's statement is
    still Qantas."""
    text = ("The Commerce Department said the trade deficit widened to a record last year. Democrats claim the "
            "administration has not done enough to stop unfair trade. For example, they believe China's currency "
            "policy hurts exporters.\nQantas said profits rose. It said fuel costs would fall.\n")
    speakers = _speakers(text)
    assert ("believe", None) in speakers, speakers
    assert ("said", "Qantas") in speakers and speakers.count(("said", "Qantas")) == 2, speakers
