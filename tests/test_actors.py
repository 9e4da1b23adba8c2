"""The actors of the sample article, read back from a real on-disk store through SPARQL over the
fixed terms (their mentions: the golden case tests/cases/dunya)."""

from __future__ import annotations

from kg.store import KGStore

ARTICLE = "dunya-2020-01-03-pompeo-bajwa"


def test_offsets_index_the_analysed_text(sample_store: KGStore) -> None:
    rows = sample_store.query("""
        SELECT ?text ?b ?e ?s WHERE { ?m nif:referenceContext ?a ; nif:beginIndex ?b ; nif:endIndex ?e ;
                                          nif:anchorOf ?s . ?a nif:isString ?text }""")
    assert len(rows) > 500
    bad = [(r["b"], r["e"], r["s"]) for r in rows if r["text"][r["b"]:r["e"]] != r["s"]]
    assert not bad


def test_titles_ranks_and_possessives_stay_out_of_names(sample_store: KGStore) -> None:
    rows = sample_store.query("""SELECT DISTINCT ?s WHERE { ?x gaf:denotedBy ?m ; a ?c . ?m nif:anchorOf ?s
                                  FILTER(?c IN (nkg:Person, nkg:Organization, nkg:GeopoliticalEntity, nkg:Place)) }""")
    names = {r["s"] for r in rows}
    for wrong in ("General Qamar Javed Bajwa", "COAS Bajwa", "State", "Army", "the Pentagon",
                  "The United States", "British", "German", "Chinese", "Pro-Iranian"):
        assert wrong not in names, wrong
    assert not [n for n in names if n.endswith(("'s", "’s"))]


def test_nationality_adjective_is_a_country_only_when_it_acts(sample_store: KGStore) -> None:
    rows = sample_store.query("""
        SELECT ?b WHERE { ?us rdfs:label "United States" ; gaf:denotedBy ?m .
                          ?m nif:anchorOf "American" ; nif:beginIndex ?b ; nif:referenceContext ?a .
                          ?a dct:identifier ?id }""", bindings={"id": ARTICLE})
    assert [r["b"] for r in rows] == [1611]  # "an American strike"; not "American interests/contractor"


def test_one_iri_per_actor_with_aliases(sample_store: KGStore) -> None:
    rows = sample_store.query("""
        SELECT ?actor (GROUP_CONCAT(DISTINCT ?alt; separator="|") AS ?alts) WHERE {
          GRAPH <https://w3id.org/newskg/id/graph/actors> { ?actor rdfs:label "Qamar Javed Bajwa" }
          OPTIONAL { ?actor skos:altLabel ?alt } } GROUP BY ?actor""")
    assert len(rows) == 1
    assert rows[0]["actor"] == "https://w3id.org/newskg/id/actor/qamar-javed-bajwa"
    assert set(rows[0]["alts"].split("|")) >= {"Bajwa", "COAS"}


def test_unnamed_participants_are_article_local_references(sample_store: KGStore) -> None:
    rows = sample_store.query("""
        SELECT ?x ?a ?label ?s (EXISTS { ?m a nkg:Reference } AS ?ref) WHERE {
          ?x rdfs:label ?label ; gaf:denotedBy ?m . ?m nif:anchorOf ?s ; nif:referenceContext ?a .
          FILTER(CONTAINS(STR(?x), "#actor=")) }""")
    # a group of people is named by its plural (kg/extract/participants.py)
    assert {(r["label"], r["s"]) for r in rows} >= {("demonstrators", "demonstrators"), ("fighters", "fighters")}
    assert all(str(r["x"]).startswith(str(r["a"]) + "#actor=") and r["ref"] for r in rows)
    shared = sample_store.query("""SELECT ?x WHERE { GRAPH ?g { ?x rdfs:label ?l }
                                     FILTER(CONTAINS(STR(?x), "#actor=") && !CONTAINS(STR(?g), "/graph/")) }""")
    assert not list(shared)  # nothing about them outside their article's graph


def test_a_leading_description_stays_out_of_the_name() -> None:
    from kg.extract.actors import extract_actors
    from kg.extract.nlp import load_model
    text = ("His body was found in his hotel room in Biloxi, Coroner Gary Hargrove said.\n"
            "The coroner said he believes Mr LaRue died of natural causes.\n"
            "Mary Ann Evans wrote the book.\n")
    names = {a.name for a in extract_actors(load_model()(text), text)}
    assert "Gary Hargrove" in names and "Coroner Gary Hargrove" not in names
    assert "Mary Ann Evans" in names  # no "the mary": a name, not a description


def test_an_organisations_people_stay_out_of_its_name() -> None:
    """A name the tagger ends on a plural noun of people ("Labour MPs", read as a person) is the
    organisation's name without them: "Labour", never a label "Labour MPs" for the party."""
    from kg.extract.actors import extract_actors
    from kg.extract.nlp import load_model
    text = ('Tony Blair declared himself "delighted", saying Mr Jackson would be warmly welcomed by '
            'Labour MPs.\n')
    names = {a.name for a in extract_actors(load_model()(text), text)}
    assert "Labour" in names and "Labour MPs" not in names


def test_a_nationality_read_as_a_person_is_no_person() -> None:
    """A nationality word the tagger reads as a person's name ("the Bangladeshi population") is
    a nationality, and it names no one."""
    from kg.extract.actors import extract_actors
    from kg.extract.nlp import load_model
    text = ("Both parties have chosen candidates for Bethnal Green and Bow from the Bangladeshi population, "
            "which makes up almost half the electorate.\n")
    actors = {a.name: a.kind for a in extract_actors(load_model()(text), text)}
    assert "Bangladeshi" not in actors, actors


def test_a_name_without_its_party_or_firm_word_is_the_same_organisation() -> None:
    """In one article "Labour" is the "Labour Party" it also names: one actor, whatever type the
    tagger gave each mention (its label is the name the article uses most)."""
    from kg.extract.actors import extract_actors
    from kg.extract.nlp import load_model
    text = "The Labour Party has chosen Oona King. Labour won the seat in 1997, and Labour will defend it.\n"
    actors = {a.name: [text[m.begin:m.end] for m in a.mentions] for a in extract_actors(load_model()(text), text)}
    assert "Labour Party" not in actors and actors["Labour"] == ["Labour Party", "Labour", "Labour"], actors


def test_a_name_after_mr_is_a_person_whatever_the_tagger_read() -> None:
    """"Mr Stearns", which the tagger reads as an organisation, is the person Robert Stearns."""
    from kg.extract.actors import extract_actors
    from kg.extract.nlp import load_model
    text = ("Robert Stearns, a former Marsh executive, pleaded guilty. Mr Spitzer's office added Mr Stearns "
            "had also agreed to testify in future cases during the industry inquiry.\n")
    actors = {a.name: (a.kind, len(a.mentions)) for a in extract_actors(load_model()(text), text)}
    assert actors["Robert Stearns"] == ("Person", 2) and "Mr Stearns" not in actors, actors


def test_a_name_the_tagger_runs_into_its_acronym_ends_before_the_parenthesis() -> None:
    """"Avions de Transport Regional (ATR" (the tagger's span) is the name before its acronym, and
    a later "ATR" is the same organisation."""
    from kg.extract.actors import extract_actors
    from kg.extract.nlp import load_model
    text = ("Franco-Italian manufacturer Avions de Transport Regional (ATR) said it had sold 30 planes. "
            "ATR said the deal was worth $500m.\n")
    actors = {a.name: [text[m.begin:m.end] for m in a.mentions] for a in extract_actors(load_model()(text), text)}
    assert actors == {"Avions de Transport Regional": ["Avions de Transport Regional", "ATR"]}, actors


def test_a_headline_persons_name_ends_at_the_surname() -> None:
    """A headline's person name the tagger runs on into the verb ("Lindsay Lohan Checks Into
    Rehab") is the name alone, though the article never names her in full again; a name the
    sentences give whole keeps all its words, and a given name before the surname does not end it."""
    from kg.extract.actors import extract_actors
    from kg.extract.nlp import load_model
    cases = {
        "Lindsay Lohan Checks Into Rehab\nThe troubled actress entered the clinic on Friday, her lawyer said.\n":
            "Lindsay Lohan",
        "Ellen DeGeneres Returns to Host the Oscars\nThe comedian will host the show in March, the academy said.\n":
            "Ellen DeGeneres",
        "Sharron Diane Crawford Smith Arrested\nPolice said Sharron Diane Crawford Smith was arrested.\n":
            "Sharron Diane Crawford Smith",
    }
    for text, name in cases.items():
        names = {a.name: a.kind for a in extract_actors(load_model()(text), text)}
        assert names.get(name) == "Person" and not [n for n in names if n.startswith(name + " ")], names


def test_a_law_and_its_acronym_are_no_actors() -> None:
    """A law's name ("Endangered Species Act", "Congressional Review Act"), which the tagger
    reads as a person or an organisation, is no actor, nor is the acronym it defines ("ESA")."""
    from kg.extract.actors import extract_actors
    from kg.extract.nlp import load_model
    text = ("Obama said he will not weaken the Endangered Species Act (ESA). In 2005 the House passed a bill "
            "that would have changed the Endangered Species Act, but it died in the Senate. Nick Rahall said "
            "he would seek to overturn the rules using the Congressional Review Act. The ESA was signed in 1973.\n")
    names = {a.name for a in extract_actors(load_model()(text), text)}
    assert not [n for n in names if n.endswith("Act") or n == "ESA"], names
    assert {"Barack Obama", "Obama"} & names and "Nick Rahall" in names, names


def test_an_agency_named_by_two_nouns_joined_by_and_is_one_organisation() -> None:
    """"the Fish and Wildlife Service" (the tagger: "Wildlife Service") and "U.S. Fish and Wildlife
    Service" (the tagger: "U.S. Fish" and "Wildlife Service") are one organisation; "the Senate and
    House Armed Services Committee" stays two."""
    from kg.extract.actors import extract_actors
    from kg.extract.nlp import load_model
    text = ("Current rules require biologists in the Fish and Wildlife Service and National Marine Fisheries "
            "Service to sign off on projects. The regulations do not require federal agencies to seek "
            "consultation with U.S. Fish and Wildlife Service and National Marine Fisheries Service before "
            "approving projects. The Senate and House Armed Services Committee met on Friday.\n")
    actors = {a.name: [text[m.begin:m.end] for m in a.mentions] for a in extract_actors(load_model()(text), text)}
    assert actors["U.S. Fish and Wildlife Service"] == ["Fish and Wildlife Service", "U.S. Fish and Wildlife Service"], actors
    assert not [n for n in actors if n in ("Wildlife Service", "U.S. Fish", "Fish")], actors
    assert "Senate" in actors and "House Armed Services Committee" in actors, actors


def test_a_person_the_tagger_joins_to_a_department_is_the_person() -> None:
    """"said Secretary of the Interior Dirk Kempthorne" (the tagger: an organisation "the Interior
    Dirk Kempthorne") is the person Dirk Kempthorne, whom the article names elsewhere."""
    from kg.extract.actors import extract_actors
    from kg.extract.nlp import load_model
    text = ("\" We must protect species as it strives to rebuild the American economy , \" said Secretary of "
            "the Interior Dirk Kempthorne . Kempthorne , at a news conference in Washington , said so .\n")
    actors = {a.name: (a.kind, len(a.mentions)) for a in extract_actors(load_model()(text), text)}
    assert actors.get("Dirk Kempthorne") == ("Person", 2), actors
    assert not [n for n in actors if n.startswith("Interior")], actors


def test_a_degree_after_a_name_is_no_state_and_a_cut_name_goes_on_after_and() -> None:
    """"Regina M. Benjamin, MD," holds a degree: "MD" there is not Maryland, which "Bethesda, MD"
    still is; "AMA Council on Ethical and" | "Judicial Affairs" (the tagger's two names) is one
    organisation; "Regina" alone, read as the city, is the Regina Benjamin the article names."""
    from kg.extract.actors import extract_actors
    from kg.extract.nlp import load_model
    text = ("Obama nominated Regina M. Benjamin, MD, a family physician, and Francis S. Collins, MD, PhD, "
            "who keeps a lab in Bethesda, MD. Benjamin chaired the AMA Council on Ethical and Judicial Affairs. "
            "\"If Regina's in a fight, don't ever bet against her,\" a colleague said.\n")
    found = extract_actors(load_model()(text), text)
    actors = {a.name: [text[m.begin:m.end] for m in a.mentions] for a in found}
    maryland = [a for a in found if a.name in ("MD", "Maryland", "Md.")]
    assert [[m.begin for m in a.mentions] for a in maryland] == [[text.index("Bethesda, MD") + 10]], actors
    assert "AMA Council on Ethical and Judicial Affairs" in actors and "Judicial Affairs" not in actors, actors
    assert "Regina" in actors["Regina M. Benjamin"] and "Regina" not in actors, actors


def test_a_firm_after_a_noun_of_trade_is_an_organisation_in_every_mention() -> None:
    """A firm the tagger reads as a person or a place ("Yukos", "Ryanair", "Gazprom") is an organisation where a noun
    of trade describes it ("Russian oil giant Yukos", "budget airline Ryanair"), and its other
    mentions, read as a person's or an organisation's, are that one organisation."""
    from kg.extract.actors import extract_actors
    from kg.extract.nlp import load_model
    text = ("Shares in Russian oil giant Yukos fell again. Yukos said it would appeal, and Yukos managers "
            "met in Moscow. Yukos has debts of $27bn. Budget airline Ryanair said fares would fall. "
            "Ryanair flies to 100 cities. Russian gas monopoly Gazprom would buy the unit, and Gazprom "
            "said so.\n")
    actors = {a.name: (a.kind, len(a.mentions)) for a in extract_actors(load_model()(text), text)}
    assert actors["Yukos"] == ("Organization", 4), actors
    assert actors["Ryanair"] == ("Organization", 2), actors
    assert actors["Gazprom"] == ("Organization", 2), actors
    group = "Firms accused were Altria Group and Philip Morris. Altria said so.\n"  # a company word ends it
    assert {a.name: (a.kind, len(a.mentions)) for a in extract_actors(load_model()(group), group)}.get("Altria Group") \
        == ("Organization", 2)
    people = ("The Oscars will return, producers Craig Zadan and Neil Meron announced. \"We are thrilled,\" "
              "said Zadan and Meron.\n")  # a noun of trade that describes people too
    assert {a.name: a.kind for a in extract_actors(load_model()(people), people)}.get("Craig Zadan") == "Person"


def test_a_name_that_modifies_a_firms_unit_or_goods_is_that_firm_in_every_mention() -> None:
    """A name read as a person's or as an unknown place is a firm where it modifies a unit or the
    goods of a firm ("100,000 Mini models", "the Yugansk unit", "its Alfa Romeo subsidiary"),
    also where the tagger read that mention as an organisation, and its other mentions follow; a
    big city's unit stays the city ("the bank's Moscow unit")."""
    from kg.extract.actors import extract_actors
    from kg.extract.nlp import load_model
    text = ("Less than four years after the new Mini was launched, BMW said it would produce 100,000 Mini models a "
            "year. Almost one in six cars sold by the group was a Mini. State-owned Rosneft bought the Yugansk unit "
            "for $9.3bn. Yugansk was sold to a shell company. The bank's Moscow unit was closed, and staff in Moscow "
            "protested. Fiat may stop making engines for its sporty Alfa Romeo subsidiary. Despite strong sales of "
            "Alfa Romeo, Fiat's car business is making a loss. Telecoms equipment supplier Ericsson has posted a "
            "rise in profits. Ericsson said so.\n")
    actors = {a.name: (a.kind, len(a.mentions)) for a in extract_actors(load_model()(text), text)}
    assert actors["Mini"] == ("Organization", 3), actors
    assert actors["Yugansk"] == ("Organization", 2), actors
    assert actors["Alfa Romeo"] == ("Organization", 2), actors
    assert actors["Ericsson"] == ("Organization", 2), actors
    assert actors["Moscow"] == ("GeopoliticalEntity", 2), actors


def test_well_known_short_forms_of_international_bodies_are_one_actor() -> None:
    """"EU" and "European Union", "S&P" and "Standard & Poor's" (which the tokenizer cuts to
    "Standard & Poor"), "WTO" and "World Trade Organisation" are one actor each, named by
    ``organisation-variants.tsv``."""
    from kg.extract.actors import extract_actors
    from kg.extract.nlp import load_model
    text = ("The EU said it would act. The European Union has 25 members. Standard & Poor's cut its rating; S&P "
            "said the debt was too high. The World Trade Organisation ruled, and the WTO said so.\n")
    actors = {a.name: len(a.mentions) for a in extract_actors(load_model()(text), text)}
    assert actors == {"European Union": 2, "Standard & Poor's": 2, "World Trade Organization": 2}, actors


def test_an_acronym_used_without_definition_is_the_one_organisation_of_its_initials() -> None:
    """An acronym the article never defines is the one organisation it names whose initials it
    gives, glue words optional, also where the tagger read it as a person ("SAIC says"); an
    acronym of a country stays the country, not a firm of those initials ("US" and "UBS
    Securities")."""
    from kg.extract.actors import extract_actors
    from kg.extract.nlp import load_model
    text = ("Shanghai Automotive Industry Corp plans to buy the plant. A spokesman for SAIC declined to comment. SAIC "
            "shares rose 3%. The Kurdistan Democratic Party said it had taken the town. KDP fighters entered the city on "
            "Sunday. The National Union of Journalists called a strike, and NUJ official Barry Fitzpatrick said the "
            "company was wrong. Data services provider Equant said so. Analysts at UBS Securities in the US agreed.\n")
    actors = {a.name: (a.kind, len(a.mentions)) for a in extract_actors(load_model()(text), text)}
    assert actors["Shanghai Automotive Industry Corp"] == ("Organization", 3), actors
    assert actors["Kurdistan Democratic Party"] == ("Organization", 2), actors  # "KDP" read as a person
    assert actors["National Union of Journalists"] == ("Organization", 2), actors
    assert not {"SAIC", "KDP", "NUJ"} & actors.keys(), actors
    assert actors["Equant"][0] == "Organization", actors  # after a noun of trade
    assert actors["United States"][0] == "GeopoliticalEntity" and "UBS Securities" in actors, actors


def test_a_states_abbreviation_is_the_state_and_a_country_read_as_an_organisation_keeps_the_rest_of_its_name() -> None:
    """"Calif .", "Md ." and "N.J." (tokens joined by spaces, as ECB+ writes them, or not) are
    California, Maryland and New Jersey, one actor with the state written in full; "The US" that
    the tagger cut from "The US Chamber of Commerce" is the whole organisation, not a country
    read as an organisation."""
    from kg.extract.actors import extract_actors
    from kg.extract.nlp import load_model
    text = ("She lives in Los Angeles , Calif . , and in Bethesda , Md . , now. He moved from California to Trenton, "
            "N.J., in May.\nThe US Chamber of Commerce welcomed the rule change .\n")
    actors = {a.name: (a.kind, len(a.mentions)) for a in extract_actors(load_model()(text), text)}
    assert actors["California"] == ("GeopoliticalEntity", 2), actors
    assert actors["Maryland"] == ("GeopoliticalEntity", 1) and actors["New Jersey"] == ("GeopoliticalEntity", 1), actors
    assert actors["US Chamber of Commerce"] == ("Organization", 1) and "US" not in actors, actors


def test_a_head_word_alone_is_the_organisation_named_in_full_and_a_time_zone_is_no_actor() -> None:
    """"the Bank" after "the Bank of England" and "the Commission" after "the European Commission"
    are those organisations (labelled with the full name); with two banks named in full, "the
    Bank" stays apart; "GMT" in "at 0619 GMT" is no actor."""
    from kg.extract.actors import extract_actors
    from kg.extract.nlp import load_model
    text = ("The Bank of England held rates at 4.75%. The Bank said inflation would stay low. The European "
            "Commission warned France, and the Commission said it would act. Trading closed at 0619 GMT on Friday.\n")
    actors = {a.name: [text[m.begin:m.end] for m in a.mentions] for a in extract_actors(load_model()(text), text)}
    assert "Bank" in actors.get("Bank of England", []) and "Bank" not in actors, actors
    assert "Commission" in actors.get("European Commission", []) and "Commission" not in actors, actors
    assert "GMT" not in actors, actors
    two = "The Bank of England and the Bank of Japan met. The Bank said nothing.\n"
    names = {a.name for a in extract_actors(load_model()(two), two)}
    assert {"Bank of England", "Bank of Japan"} <= names, names


def test_a_person_the_tagger_runs_into_a_department_or_pairs_with_and_is_that_person() -> None:
    """"Secretary of the Interior Ken Salazar" (the tagger: an organisation "the Interior Ken
    Salazar") is Ken Salazar; "Secretary Locke and Salazar" (the tagger: a person "Locke and")
    are the two secretaries the article names; an opening quote is no part of a name."""
    from kg.extract.actors import extract_actors
    from kg.extract.nlp import load_model
    text = ("He said “ Mexico City is big. The Secretary of the Interior Ken Salazar spoke. Secretary Locke "
            "and Salazar agreed. Gary Locke said so.\n")
    actors = {a.name: [text[m.begin:m.end] for m in a.mentions] for a in extract_actors(load_model()(text), text)}
    assert actors == {"Mexico City": ["Mexico City"], "Ken Salazar": ["Ken Salazar", "Salazar"],
                      "Gary Locke": ["Locke", "Gary Locke"]}, actors


def test_a_headlines_name_stops_at_words_the_sentences_write_in_lower_case() -> None:
    """A title-case headline's name that runs on into words the article's sentences write in lower
    case only ("Queens Hit - Run", "Driver Charged", "Michigan Office Shooting Follow - Up - 1
    Dead") is cut to its name, or is no name; a name the sentences give whole keeps its words."""
    from kg.extract.actors import extract_actors
    from kg.extract.casing import model_text
    from kg.extract.nlp import load_model
    cases = {
        "Woman Killed in Queens Hit - Run , Driver Charged\nA woman was killed by a car in Queens on Friday .\n"
        "The car hit her as she crossed the street , and the driver was charged with manslaughter .\n":
            {"Queens": 2},
        "Troy , Michigan Office Shooting Follow - Up - 1 Dead\nA man opened fire in an office in Troy , Michigan , "
        "on Friday .\nThe shooting left one dead ; police said the office was closed .\n":
            {"Michigan": 2, "Troy": 2},
        "Surrey Fire and Rescue Tackle Blaze at Store\nThe fire was put out by Surrey Fire and Rescue on Friday .\n":
            {"Surrey Fire": 2},
    }
    for text, expected in cases.items():
        actors = extract_actors(load_model()(model_text(text)), text)
        assert {a.name: len(a.mentions) for a in actors} == expected, [(a.name, a.kind) for a in actors]


def test_a_blend_of_a_persons_first_name_and_surname_is_that_person() -> None:
    """"LiLo" in an article that names Lindsay Lohan is her (the press's blend of the starts of
    her first name and surname), whatever kind the tagger gives each mention."""
    from kg.extract.actors import extract_actors
    from kg.extract.nlp import load_model
    text = "Actress Lindsay Lohan appeared in court on Thursday. LiLo's lawyer said LiLo would enter a clinic.\n"
    actors = extract_actors(load_model()(text), text)
    assert [(a.name, a.kind, [text[m.begin:m.end] for m in a.mentions]) for a in actors] == \
        [("Lindsay Lohan", "Person", ["Lindsay Lohan", "LiLo", "LiLo"])]


def test_a_place_the_article_names_a_team_after_is_that_team() -> None:
    """The tagger's place before a capitalised plural ("the Indianapolis Colts", read as
    "Indianapolis") is the team; so is the place alone where the article names its team
    ("Indianapolis ( 11-4 )"), but not after a preposition of places ("lives in Indianapolis"),
    and not where the plural is no team's ("The Los Angeles Times": "times" in lower case)."""
    from kg.extract.actors import extract_actors
    from kg.extract.nlp import load_model
    text = ("Peyton Manning threw two touchdowns to carry the Indianapolis Colts over the Jacksonville Jaguars "
            "31-24 on Thursday. Indianapolis ( 11-4 ) made the playoffs. Manning was born in New Orleans and "
            "lives in Indianapolis.\n")
    actors = extract_actors(load_model()(text), text)
    assert {(a.name, a.kind): [text[m.begin:m.end] for m in a.mentions] for a in actors} == {
        ("Peyton Manning", "Person"): ["Peyton Manning", "Manning"],
        ("Indianapolis Colts", "Organization"): ["Indianapolis Colts", "Indianapolis"],
        ("New Orleans", "GeopoliticalEntity"): ["New Orleans"],
        ("Indianapolis", "GeopoliticalEntity"): ["Indianapolis"]}
    text = ("The Los Angeles Times reported the fire on Friday. Firefighters in Los Angeles said it was the third "
            "fire in two times as many weeks. Los Angeles officials agreed.\n")
    actors = extract_actors(load_model()(text), text)
    assert {(a.name, a.kind): len(a.mentions) for a in actors} == {
        ("Los Angeles Times", "Organization"): 1, ("Los Angeles", "GeopoliticalEntity"): 2}


def test_a_verbs_ing_form_before_a_persons_name_is_no_part_of_it() -> None:
    """A sentence that begins with a verb's "-ing" form and a surname ("Having Jackman host",
    "Losing Thomas hurts"), which the tagger reads as one person's name, names the person the
    article names in full; the verb is no first name."""
    from kg.extract.actors import extract_actors
    from kg.extract.nlp import load_model
    cases = {
        "Hugh Jackman will host the Oscars on Feb. 22.\nHaving Jackman host certainly fits with that theme. "
        "Jackman was abroad on Friday.\n": ("Hugh Jackman", ["Hugh Jackman", "Jackman", "Jackman"]),
        "The Saints placed Pierre Thomas on injured reserve.\nLosing Thomas hurts the team, coach Sean Payton "
        "said.\n": ("Pierre Thomas", ["Pierre Thomas", "Thomas"]),
    }
    for text, (name, mentions) in cases.items():
        persons = {a.name: [text[m.begin:m.end] for m in a.mentions]
                   for a in extract_actors(load_model()(text), text) if a.kind == "Person"}
        assert persons[name] == mentions and not [p for p in persons if p.startswith(("Having", "Losing"))], persons


def test_a_plural_after_the_read_as_a_person_is_a_team() -> None:
    """"The Jaguars", which the tagger reads as a person, is an organisation (a team) in every
    mention of the article; a family ("the Smiths" beside Will Smith) stays apart from it."""
    from kg.extract.actors import extract_actors
    from kg.extract.nlp import load_model
    text = ("Peyton Manning and the Colts beat the Jacksonville Jaguars 31-24 on Thursday.\nThe Jaguars could not "
            "make the big play. Garrard threw for 329 yards for the Jaguars.\n")
    actors = extract_actors(load_model()(text), text)
    assert [(a.name, a.kind, len(a.mentions)) for a in actors if a.name == "Jaguars"] == [("Jaguars", "Organization", 3)]
