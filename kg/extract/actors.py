"""Actors of one article from spaCy's entities, corrected and joined into one actor per referent.

Corrections over raw NER, each driven by what news text shows:
titles and honorifics left out of names ("General Qamar Javed Bajwa" -> "Qamar Javed Bajwa"),
possessives and leading "the" trimmed, words of multi-word titles not taken for organisations
("Secretary of State"), names before group nouns typed as organisations ("Kataeb Hezbollah
paramilitary group"), nationality adjectives kept only where the country acts ("an American
strike"), acronyms defined in parentheses joined to what they abbreviate ("Inter-Services Public
Relations (ISPR)"; for a post, "Chief of Army Staff (COAS) General X" -> "COAS" names X),
surnames and repeated names joined to the full name ("LiLo", a blend of a first name's and a
surname's starts, to the one person it fits), a title-case headline's name cut where it runs on
into words the article's sentences write in lower case ("Queens Hit - Run" -> "Queens"), one type
per actor by vote.

>>> from kg.extract.nlp import load_model
>>> text = "General Qamar Javed Bajwa met Mike Pompeo. Bajwa said Pompeo's visit mattered."
>>> actors = extract_actors(load_model()(text), text)
>>> sorted((a.name, a.kind, len(a.mentions)) for a in actors)
[('Mike Pompeo', 'Person', 2), ('Qamar Javed Bajwa', 'Person', 2)]
"""

from __future__ import annotations


import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any

from kg.extract import gazetteer
from kg.extract.abbreviations import compact
from kg.extract.nlp import doc_text
from kg.extract.lexicon import (ACTING_HEADS, FUNCTION_WORDS, ORG_HEADS, TITLE_PHRASES,
                                is_given_name, is_honorific, is_title_word)
from kg.model import Actor, Span
from kg.wordlists import table, words

_KIND = {"PERSON": "Person", "ORG": "Organization", "GPE": "GeopoliticalEntity", "LOC": "Place",
         "FAC": "Place", "NORP": "GeopoliticalEntity"}
#: Honorifics only a person's name follows, as written ("MS Columbus" is a ship).
_PERSONAL_HONORIFICS = frozenset({"Mr", "Mrs", "Ms", "Miss", "Dr", "Sir", "Dame"})
#: Which kind wins a vote tie, and which kinds a person's name outranks.
_PRIORITY = {"Person": 4, "GeopoliticalEntity": 3, "Organization": 2, "Place": 1}
_POSSESSIVE = {"'s", "’s", "'", "’"}
#: Time zones the tagger reads as organisations ("at 0619 GMT").
_TIME_ZONES = frozenset({"GMT", "UTC", "BST", "CET", "CEST", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "JST"})
#: Words that stand alone for an organisation named in full before ("the Bank", "the Commission").
_HEAD_WORDS = ORG_HEADS | {"commission", "bureau", "authority", "board", "foundation", "fund", "church"}
#: Nouns of trade that describe a firm named after them ("carmaker BMW", "gas monopoly Gazprom").
_TRADE_NOUNS = frozenset({"carmaker", "automaker", "insurer", "monopoly", "brand", "supermarket", "subsidiary",
                          "utility", "exporter", "refiner", "drugmaker", "telecoms", "bank", "supplier", "provider"})
#: Parts and goods of a firm that its name modifies ("the Yugansk unit", "Mini models", "Ericsson shares").
_FIRM_UNITS = frozenset({"unit", "division", "subsidiary", "arm", "affiliate", "shares"})
_FIRM_PARTS = _FIRM_UNITS | {"models", "brand"}
#: Nouns that also describe people ("producers Craig Zadan", "publisher Rupert Murdoch").
_PEOPLE_TRADES = frozenset({"producer", "publisher", "maker", "operator", "developer", "director"})
#: Academic and professional degrees written after a name ("MD", "Ph.D."), without dots.
_DEGREES = frozenset({"MD", "PHD", "DDS", "DMD", "MPH", "RN", "JD", "MBA", "DVM", "FACP", "FRCP"})
_ACRONYM_DEF = re.compile(r"\(\s*([A-Z][A-Za-z.&-]{1,11})\s*\)")
_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
#: What follows a dateline's place: an optional state or country, then the day.
_DATELINE = re.compile(rf"[ \t]*,?[ \t]*(?:[A-Z][A-Za-z.]+[ \t]*,?[ \t]*)?(?:{_MONTH}[ \t]+\d{{1,2}}\b|\d{{4}}-\d\d-\d\d\b)")
#: A firm's name of several names joined by commas and "and", closed by a company word:
#: "Merrill Lynch, Pierce, Fenner and Smith Inc", "Laurie Milbank and Co".
_NAME_PART = r"[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)*"
_FIRM = re.compile(rf"\b{_NAME_PART}(?:, {_NAME_PART})*,? (?:and|&) (?:{_NAME_PART} )??"
                   r"(?:Inc|Co|Corp|Ltd|Plc|PLC|LLC|Company)\b")
#: The last word of a law's name ("Endangered Species Act"): a law is no actor.
_LAW_WORDS = frozenset({"Act", "Acts"})
#: An acronym a law's name defines: "Endangered Species Act (ESA)".
_LAW_ACRONYM = re.compile(r"\b[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)*[ \t]+Acts?[ \t]*\([ \t]*([A-Z][A-Z.]{1,9})[ \t]*\)")
#: Words a name does not end with: an organisation's name the tagger cut there goes on.
_GLUE_WORDS = frozenset({"and", "of", "for", "&"})
#: Last words of agencies named by two nouns joined by "and" ("Fish and Wildlife Service").
_AGENCY_HEADS = frozenset({"Service", "Administration", "Agency", "Bureau", "Commission", "Department",
                           "Institute", "Authority", "Office", "Board", "Survey"})
#: One or two capitalised words and "and", right before a name.
_WORDS_AND = re.compile(r"((?:[A-Z][\w'’-]*[ \t]+){1,2})and[ \t]+$")
#: A middle initial written with spaces around its dot ("Raj K . Chohan").
_SPACED_INITIAL = re.compile(r"\b([A-Z])[ \t]\.(?=[ \t])")
_NICK = r"[A-Z][^\s'\"“”‘’()]*(?:[ \t][^\s'\"“”‘’()]+){0,2}"
#: A nickname in quotes or parentheses, then the surname: "Vincent 'The Chin' Gigante",
#: "Luis Gerardo ( Jerry ) Ortiz".
_AFTER_NICKNAME = re.compile(rf"[ \t](?:\([ \t]?{_NICK}[ \t]?\)|'{_NICK}'|\"{_NICK}\"|“{_NICK}”|‘{_NICK}’)[ \t]([A-Z][\w'’-]+)")
_AFTER_INITIAL = re.compile(r"[ \t]?\.[ \t]?([A-Z][\w'’-]+)")
#: The surname after a name particle the tagger ended a name on ("Ursula von der | Leyen").
_AFTER_PARTICLE = re.compile(r"[ \t]([A-Z][\w'’-]+)")


#: A word of a name: capitalised letters (an apostrophe or hyphen inside: "O'Brien", "Smith-Jones").
_NAME_WORD = re.compile(r"[A-Z][A-Za-z]*(?:['’-][A-Za-z]+)*")
#: Words after a surname that belong to the name ("Comeaux Jr").
_NAME_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
#: A word in lower case, and a capitalised word inside a sentence (after a word in lower case or a comma).
_LOWER_WORD = re.compile(r"\b[a-z]+\b")
_INNER_CAPITAL = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+\b")
#: A blend of a first name's and a surname's starts: "LiLo", "JLo", "A-Rod".
_BLEND = re.compile(r"([A-Z][a-z]?)[-.]?([A-Z][a-z]{1,3})")
#: Endings of a word's inflections ("hit", "charged", "handcuffs": "handcuffed").
_ENDINGS = ("", "s", "es", "e", "ed", "d", "ing")
_QUOTES = "'\"‘’“”"


@lru_cache(maxsize=1)
def _particles() -> frozenset[str]:
    """Name particles in lower case, from ``nameparser`` ("von", "der", "van", "bin", "de")."""
    from nameparser.config import CONSTANTS

    return frozenset(p for p in CONSTANTS.prefixes if p.isalpha() and p.islower())


@dataclass
class _Candidate:
    begin: int
    end: int
    text: str
    kind: str
    country: gazetteer.Country | None = None
    forced: bool = False  # type fixed by evidence (group noun, country table), not by NER alone
    dateline: bool = False  # the place of a dateline: an actor of its own (the team of that name stays apart)
    firm: bool = False  # a noun of trade describes it ("oil giant Yukos") or a company word ends it: a firm


@dataclass
class _Cluster:
    kind_votes: Counter = field(default_factory=Counter)
    names: list[str] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    country: gazetteer.Country | None = None
    expansion: str | None = None
    person_evidence: bool = False
    organisation_evidence: bool = False

    def add(self, c: _Candidate) -> None:
        self.spans.append(Span(c.begin, c.end, c.text))
        self.names.append(c.text)
        self.kind_votes[c.kind] += 3 if c.forced else 1
        if c.kind == "Person" and (" " in c.text or c.forced):
            self.person_evidence = True
        if c.firm:
            self.organisation_evidence = True
        self.country = self.country or c.country

    @property
    def kind(self) -> str:
        if self.organisation_evidence and not self.country:
            return "Organization"  # "oil giant Yukos" once, "Yukos" read as a person or place elsewhere
        if self.person_evidence:
            return "Person"
        if self.country:
            return "GeopoliticalEntity"
        return max(self.kind_votes, key=lambda k: (self.kind_votes[k], _PRIORITY[k]))

    @property
    def name(self) -> str:
        if self.country:
            return self.country.name
        if self.expansion:
            return self.expansion
        if self.kind == "Person":
            best = max(self.names, key=lambda n: (len(n.split()), not n.isupper(), len(n), -self.names.index(n)))
            # "Raj K . Chohan" -> "Raj K. Chohan", "Luis ( Jerry ) Ortiz" -> "Luis (Jerry) Ortiz"
            return _SPACED_INITIAL.sub(r"\1.", best).replace("( ", "(").replace(" )", ")")
        counts = Counter(self.names)  # the most frequent name, preferring normal case to capitals
        return max(counts, key=lambda n: (not n.isupper(), counts[n], len(n), -self.names.index(n)))


def extract_actors(doc: Any, text: str) -> list[Actor]:
    """Actors of an article: one :class:`Actor` per referent, each with all its name mentions.

    ``doc`` is spaCy's analysis of a text of the same length as ``text`` (see
    :func:`kg.extract.casing.model_text`); spans always index ``text``.
    """
    masked = _title_masks(text)
    candidates = _firms(text, _country_then_organisation(text, [c for ent in doc.ents for c in _candidates(ent, text)]))
    candidates = _without_law_acronyms(text, _persons_after_departments(text, _agencies_joined(text, candidates)))
    candidates = _headline_names(doc_text(doc), candidates)
    candidates = _headline_common_words(doc_text(doc), candidates)
    candidates = _names_run_on(text, candidates)
    candidates = [c for c in candidates if not any(b <= c.begin and c.end <= e for b, e in masked)]
    acronyms, post_acronyms = _acronym_definitions(text, candidates)
    acronyms |= _undefined_acronyms(candidates, acronyms.keys() | post_acronyms.keys())
    clusters = _cluster(candidates, acronyms, post_acronyms, text, _teams(doc, candidates, text))
    _rescan(clusters, text, masked, post_acronyms)
    return [_to_actor(c) for c in clusters if c.spans]


# -- candidates from NER -----------------------------------------------------------------------
def _leading_description(word: str, text: str) -> bool:
    """Whether the first word of a person's name of three words or more is a description.

    It is when the article writes the word in lower case as a noun of its own ("Coroner Gary
    Hargrove" ... "the coroner said"): the person is "Gary Hargrove".

    >>> _leading_description("Coroner", "Coroner Gary Hargrove said. The coroner said so.")
    True
    >>> _leading_description("Mary", "Mary Ann Evans wrote it.")
    False
    """
    if not word.istitle() or not word.isalpha():
        return False
    return re.search(rf"\b(?:[Tt]he|[Aa]n?)[ \t]+{word.lower()}\b", text) is not None


def _leading_verb(token: Any, text: str) -> bool:
    """Whether the first word of a person's name is a verb's "-ing" form (tagged so, no given
    name) that begins a sentence or that the article also writes in lower case ("Having Jackman
    host the show is a change": Jackman).

    >>> import spacy
    >>> doc = spacy.blank("en")("Having Jackman host it . Channing Tatum came , having fun .")
    >>> doc[0].tag_ = doc[5].tag_ = "VBG"
    >>> _leading_verb(doc[0], doc.text), _leading_verb(doc[5], doc.text)
    (True, False)
    """
    word = token.text
    return token.tag_ == "VBG" and word.istitle() and word.endswith("ing") and not _is_given_name(word) \
        and (token.is_sent_start or re.search(rf"\b{word.lower()}\b", text) is not None)


def _candidates(ent: Any, text: str) -> list[_Candidate]:
    label = ent.label_
    if label not in _KIND:
        return []
    tokens = list(ent)
    if label != "PERSON" and len(tokens) > 1 and tokens[0].text.rstrip(".") in _PERSONAL_HONORIFICS:
        label = "PERSON"  # "Mr Stearns", "Dr Ken Kim" read as organisations: persons
    if label == "NORP":
        return _acting_nationality(ent, text)
    if len(tokens) == 1 and is_honorific(ent.text) and ent.end < len(ent.doc) and ent.doc[ent.end].is_title:
        return []  # "Msgr" of "Msgr. Michael Farmer", read as a place: a title, no actor
    if _degree_after_name(ent):
        return []  # "Regina Benjamin, MD, a family physician": her degree, not Maryland
    if label == "PERSON" and len(tokens) == 1 and gazetteer.is_demonym(ent.text):
        return []  # a nationality read as a person's name ("the Bangladeshi population") names no one
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or tokens[0].is_punct or
                      (label == "PERSON" and is_title_word(tokens[0].text) and len(tokens) > 1)):
        tokens = tokens[1:]
    if label == "PERSON" and len(tokens) > 2 and _leading_description(tokens[0].text, text):
        tokens = tokens[1:]
    if label == "PERSON" and len(tokens) > 1 and _leading_verb(tokens[0], text):
        tokens = tokens[1:]  # "Having Jackman host the show": Jackman
    opened = [i for i, t in enumerate(tokens) if t.text == "("]
    if opened and not any(t.text == ")" for t in tokens[opened[-1]:]):
        tokens = tokens[:opened[-1]]  # "Avions de Transport Regional (ATR": the name before its acronym
    while tokens and (tokens[-1].text in _POSSESSIVE or tokens[-1].is_punct or tokens[-1].is_space
                      or label == "PERSON" and tokens[-1].lower_ in ("and", "or", "&")):  # "Locke and" | "Salazar"
        tokens = tokens[:-1]
    if label in ("ORG", "PERSON") and len(tokens) > 1 and _people_plural(tokens[-1]):
        tokens = tokens[:-1]  # "Labour MPs", "Hamas fighters": the organisation, not its people
    if not tokens or len(tokens) > 1 and tokens[-1].text in _LAW_WORDS or \
            len(tokens) == 1 and tokens[0].text in _TIME_ZONES:
        return []  # nothing left, a law ("Endangered Species Act") or a time zone ("at 0619 GMT"): no actor
    team = _team_after_place(ent, text) if label in ("GPE", "LOC") and tokens[-1].i == ent.end - 1 else None
    if team is not None:
        tokens, label = tokens + [team], "ORG"  # "the Indianapolis Colts", the tagger's place and a word after
    team_name = (label == "PERSON") == (len(tokens) == 1) and label in ("GPE", "LOC", "FAC", "PERSON") \
        and tokens and _team_name(tokens, text)
    if team_name:
        label = "ORG"  # "the Jacksonville Jaguars" read as a facility, "the Jaguars" as a person: the team
    begin, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    name = text[begin:end]
    if len(tokens) == 1 and is_title_word(name) and not name.isupper() and label in ("PERSON", "ORG"):
        return []  # a bare title ("General", "State") is no actor
    if not any(ch.isupper() for ch in name) and "." not in name or label == "PERSON" and any(ch.isdigit() for ch in name):
        return []  # no capital letter, no name ("cts" in "Shr 42 cts vs 31 cts"; "washingtonpost.com" is one);
        # no digit in a person's ("4th Qtr Net")
    kind, forced = _KIND[label], False
    firm = _after_organisation_noun(tokens[0]) or _names_a_firms_part(tokens, kind) \
        or len(tokens) > 1 and _ORG_SUFFIX.fullmatch(name) is not None  # "Altria Group", "Altria" alone later
    firm = firm or bool(team_name)  # every "Jaguars" of the article is the team
    if firm or kind == "Person" and any(t.dep_ in ("compound", "amod", "nmod") and t.head.i >= ent.end
                                        and t.head.lemma_.lower() in ORG_HEADS for t in tokens):
        kind, forced = "Organization", True
    if kind == "Organization" and len(tokens) == 1 and _big_city_as_place(tokens[0], name):
        kind = "GeopoliticalEntity"
    country = gazetteer.country(name) if kind in ("GeopoliticalEntity", "Place") else None
    if country:
        kind, forced = "GeopoliticalEntity", True
    dateline = _is_dateline(text, begin, end)
    if dateline:
        kind, forced = "GeopoliticalEntity", True
    return [_Candidate(begin, end, name, kind, country, forced, dateline, firm)]


_TEAM_WORD = re.compile(r"[A-Z][a-z]+s")


def _team_after_place(ent: Any, text: str) -> Any | None:
    """The word that makes a place the tagger read the name of a team, or None: a capitalised
    plural (tagged so) right after it, in no entity and never written in lower case in the
    article ("the Indianapolis Colts"); not after a country ("Iraq Elections").

    >>> import spacy
    >>> doc = spacy.blank("en")("The Indianapolis Colts beat Miami Talks . The talks went on .")
    >>> doc[2].tag_ = doc[5].tag_ = "NNPS"
    >>> doc.ents = [doc.char_span(4, 16, label="GPE"), doc.char_span(28, 33, label="GPE")]
    >>> _team_after_place(doc.ents[0], doc.text).text, _team_after_place(doc.ents[1], doc.text)
    ('Colts', None)
    """
    if ent.end >= len(ent.doc) or gazetteer.country(ent.text):
        return None
    word = ent.doc[ent.end]
    if word.ent_type_ or word.whitespace_ == "" and word.i + 1 < len(ent.doc) and ent.doc[word.i + 1].is_alpha \
            or not ent.doc[ent.end - 1].whitespace_ or not _TEAM_WORD.fullmatch(word.text) \
            or word.tag_ not in ("NNPS", "NNS"):  # "Thomas", "Acropolis": no plural
        return None
    return None if re.search(rf"\b{word.text.lower()}\b", text) else word


#: Prepositions whose object is where something is or happens ("in Lyon", "between Lyon and
#: Marseille"); not "to" or "against", which a team's name follows ("lost to Lyon").
_PLACE_PREPOSITIONS = frozenset({"in", "at", "between", "near", "across", "around", "outside", "via",
                                 "into", "through", "throughout"})
#: Nouns of places: "between" names places when another of its objects is one ("between Lyon and
#: the capital"); two teams otherwise ("the semifinal between Evansville and Indiana State").
_PLACE_NOUNS = frozenset({"capital", "city", "town", "village", "region", "province", "port", "coast", "border"})


def _after_organisation_noun(first: Any) -> bool:
    """Whether a name read as a person's or a place's follows a noun that describes organisations
    ("Russian oil giant Yukos", "budget airline Ryanair", "gas monopoly Gazprom") and begins with
    no given name.

    >>> from kg.extract.nlp import load_model
    >>> doc = load_model()("Shares in Russian oil giant Yukos fell.")
    >>> _after_organisation_noun(doc[5]), _after_organisation_noun(doc[4])
    (True, False)
    """
    if first.i == 0 or is_given_name(first.text.lower()):
        return False
    before = first.doc[first.i - 1]
    return before.is_lower and before.pos_ == "NOUN" and before.lemma_ in _organisation_nouns()


def _names_a_firms_part(tokens: list[Any], kind: str) -> bool:
    """Whether a name read as a person's modifies a unit or the goods of a firm (:data:`_FIRM_PARTS`:
    "100,000 Mini models"), or a name read as a place that is no country or big city modifies a
    unit of a firm (:data:`_FIRM_UNITS`: "its Yugansk unit", not "the Moscow unit"): it names the
    firm. A factory or plant names no firm: places read as persons have them ("the Newton
    Aycliffe plant").

    >>> from kg.extract.nlp import load_model
    >>> doc = load_model()("Rosneft bought the Yugansk unit. BMW said it would make 100,000 Mini models.")
    >>> _names_a_firms_part([doc[3]], "GeopoliticalEntity"), _names_a_firms_part([doc[12]], "Person")
    (True, True)
    """
    head = tokens[-1].head
    if tokens[-1].dep_ not in ("compound", "amod", "nmod") or head.i <= tokens[-1].i or not head.is_lower:
        return False
    if kind in ("Person", "Organization"):
        return head.lower_ in _FIRM_PARTS or head.lemma_ in _FIRM_PARTS
    name = " ".join(t.text for t in tokens)
    return head.lower_ in _FIRM_UNITS and not gazetteer.country(name) \
        and not _is_big_city(name)


def _organisation_noun_before(text: str, begin: int) -> bool:
    """Whether a noun that describes organisations, in lower case, comes right before ``begin``.

    >>> _organisation_noun_before("Russian gas monopoly Gazprom", 21), _organisation_noun_before("Mr Smith", 3)
    (True, False)
    """
    m = re.search(r"(?<![\w-])([a-z]+)[ \t]+$", text[max(0, begin - 30):begin])
    return m is not None and m.group(1) in _organisation_nouns()


@lru_cache(maxsize=1)
def _organisation_nouns() -> frozenset[str]:
    """Nouns that describe an organisation named right after them: coreference's (the company,
    the airline), the organisation heads, and words of trade ("carmaker", "monopoly")."""
    return (words("organisation-nouns") | ORG_HEADS | _TRADE_NOUNS) - _PEOPLE_TRADES


def _degree_after_name(ent: Any) -> bool:
    """Whether an entity is an academic degree after a person's name and a comma ("Regina M.
    Benjamin, MD,", "Francis S. Collins, MD, PhD"), which the tagger reads as a state ("MD").

    >>> from kg.extract.nlp import load_model
    >>> doc = load_model()("Obama nominated Regina Benjamin, MD, a physician from Bethesda, MD.")
    >>> [(e.text, _degree_after_name(e)) for e in doc.ents if e.text == "MD"]
    [('MD', True), ('MD', False)]
    """
    doc, i = ent.doc, ent.start
    if len(ent) != 1 or not _is_degree(ent.text) or i < 2:
        return False
    while i >= 2 and doc[i - 1].text == "," and _is_degree(doc[i - 2].text):
        i -= 2  # "Collins, MD, PhD"
    return i >= 2 and doc[i - 1].text == "," and doc[i - 2].ent_type_ == "PERSON"


def _is_degree(word: str) -> bool:
    """Whether a word is a degree of :data:`_DEGREES`, written with or without dots ("Ph.D.")."""
    return word.replace(".", "").replace(" ", "").upper() in _DEGREES


def _big_city_as_place(token: Any, name: str) -> bool:
    """Whether a one-word name the tagger read as an organisation is a city: a GeoNames city of
    :data:`kg.geonames.BIG_CITY` people or more (``kg/wordlists/big-cities.txt``), the object of a place preposition or a conjunct
    of one ("disrupting travel between Lyon, Marseille and the capital": with "between", only
    beside another place), not written in
    capitals (a sports table's "BOSTON AT OAKLAND" are teams). A team named after
    its city keeps its reading elsewhere ("Lyon beat Marseille"), and the store-wide vote
    decides the actor's kind (:mod:`kg.resolve`).

    >>> from kg.extract.nlp import load_model
    >>> doc = load_model()("Trains between Lyon, Marseille and Paris stopped. Lyon beat Marseille. "
    ...                    "The final between Lyon and Marseille was played in Lyon.")
    >>> [(t.text, _big_city_as_place(t, t.text)) for t in doc if t.text in ("Lyon", "Marseille")]
    [('Lyon', True), ('Marseille', True), ('Lyon', False), ('Marseille', False), ('Lyon', False), ('Marseille', False), ('Lyon', True)]
    """
    if name.isupper():
        return False  # a table's or a headline's capitals ("BOSTON AT OAKLAND": teams) parse poorly
    first = token
    while first.dep_ == "conj" and first.head.i < first.i:
        first = first.head
    if first.dep_ != "pobj" or first.head.lower_ not in _PLACE_PREPOSITIONS:
        return False
    if first.head.lower_ == "between" and not any(  # not a match "between Evansville and Indiana State"
            t.i != token.i and (t.ent_type_ in ("GPE", "LOC", "FAC") or t.lemma_.lower() in _PLACE_NOUNS)
            for t in first.conjuncts + (first,)):
        return False
    return _is_big_city(name)


def _is_big_city(name: str) -> bool:
    """Whether a name is a GeoNames city of :data:`kg.geonames.BIG_CITY` people or more
    (``kg/wordlists/big-cities.txt``), whatever its case and spacing.

    >>> _is_big_city("Moscow"), _is_big_city("Los  Angeles"), _is_big_city("Yugansk")
    (True, True, False)
    """
    return " ".join(name.casefold().split()) in words("big-cities")


@lru_cache(maxsize=1)
def _people_nouns() -> frozenset[str]:
    """Lemmas of nouns of people: the persons of ``participant-nouns.tsv``, the members of
    ``members.txt``, and members of parliament ("MPs", "MEPs", "MSPs")."""
    from kg.extract.participants import participant_nouns

    people = {noun for noun, kind in participant_nouns().items() if kind == "Person"}
    return frozenset(people | words("members") | {"mp", "mep", "msp"})


def _people_plural(token: Any) -> bool:
    """Whether a token is a plural noun of people (:func:`_people_nouns`): a common noun
    ("fighters") or an acronym's plural ("MPs", which the tagger often reads as a proper noun);
    a proper noun otherwise is part of a name ("Coldstream Guards").

    >>> from kg.extract.nlp import load_model
    >>> [_people_plural(t) for t in load_model()("Hamas fighters and MPs met the Guards.")]
    [False, True, False, True, False, False, False, False]
    """
    if token.tag_ == "NNS":
        return token.lemma_.lower() in _people_nouns()
    return _ACRONYM_PLURAL.fullmatch(token.text) is not None and token.text[:-1].lower() in _people_nouns()


_ACRONYM_PLURAL = re.compile(r"[A-Z]{2,}s")
#: An organisation's name with a party's or a firm's word after it: the name alone is the same
#: organisation in that article ("Labour Party" ... "Labour"; "Continental Airlines" ... "Continental";
#: "Goldman Sachs & Co" ... "Goldman Sachs").
_ORG_SUFFIX = re.compile(r"(.+?)(?:,| &| and)? (?:Party|Inc|Corp|Corporation|Co|Company|Ltd|Plc|PLC|LLC|Group"
                         r"|Holdings|Airlines|Airways)\.?")


def _is_dateline(text: str, begin: int, end: int) -> bool:
    """Whether a name in capitals opens a line as a dateline's place ("BONN, March 5 -",
    "NEW YORK 1996-08-30", "ARLINGTON , Texas 1996-08-31").

    >>> _is_dateline("BONN, March 5 - Ministers met.", 0, 4), _is_dateline("BONN said so.", 0, 4)
    (True, False)
    """
    return (begin == 0 or text[begin - 1] == "\n") and text[begin:end].isupper() \
        and _DATELINE.match(text, end) is not None


def _headline_names(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates, a name on a title-case line (a headline: "Lindsay Lohan Checks Into
    Rehab") that runs past a name the rest of the text gives ("Lindsay Lohan") cut back to that
    name of two words or more, or that ends with one ("Sixers Hire Maurice Cheeks"): in title
    case the tagger cannot see where a name begins or ends. ``text`` is the tagger's text. A
    name in capitals compares so too ("GARY ROSS REMAINS" ... "Gary Ross": "GARY ROSS"); a name
    that begins with a name the text gives, or with the last word of one, and runs on into a
    word of no name is cut there (:func:`_headline_prefix`: "Colts Beat Chiefs" ...
    "Indianapolis Colts": "Colts"). A name on a line that ends no sentence and begins with the
    surname of exactly one person the sentences name in full is that surname, a person ("Offer to Teixeira Reportedly Bumped
    as High as $184M" ... "Mark Teixeira": "Teixeira"). A person's name on a title-case line or a
    line that ends no sentence that runs on past its surname is cut there, whatever the text
    names (:func:`_headline_person`: "Lindsay Lohan Checks Into Rehab": "Lindsay Lohan").

    >>> text = "Lindsay Lohan Checks Into Rehab\\nLindsay Lohan arrived."
    >>> [c.text for c in _headline_names(text, [_Candidate(0, 20, "Lindsay Lohan Checks", "Person"),
    ...                                         _Candidate(32, 45, "Lindsay Lohan", "Person")])]
    ['Lindsay Lohan', 'Lindsay Lohan']
    >>> text = "Offer to Teixeira Reportedly Bumped\\nMark Teixeira waits."
    >>> [(c.text, c.kind) for c in _headline_names(text, [_Candidate(9, 35, "Teixeira Reportedly Bumped", "Organization"),
    ...                                                   _Candidate(36, 49, "Mark Teixeira", "Person")])]
    [('Teixeira', 'Person'), ('Mark Teixeira', 'Person')]
    >>> text = "GARY ROSS REMAINS IN TALKS\\nGary Ross said so."
    >>> [c.text for c in _headline_names(text, [_Candidate(0, 17, "GARY ROSS REMAINS", "Person"),
    ...                                         _Candidate(27, 36, "Gary Ross", "Person")])]
    ['GARY ROSS', 'Gary Ross']
    """
    on_title_line = _title_lines(text)
    body: dict[str, _Candidate] = {}
    for c in candidates:
        if not on_title_line(c.begin):
            body.setdefault(c.text, c)
    surnames: dict[str, set[str]] = {}  # the last word of a full name in a sentence -> the names
    for c in candidates:
        if c.kind == "Person" and len(c.text.split()) > 1 and not _unfinished_line(text, c.begin):
            surnames.setdefault(c.text.split()[-1].lower(), set()).add(c.text)
    shouted = {n.upper(): b for n, b in body.items()}  # a headline in capitals: "GARY ROSS REMAINS"
    short_forms = {n.split()[-1]: b for n, b in body.items() if " " in n}  # "Colts": "Indianapolis Colts"
    shouted_short = {n.upper(): b for n, b in short_forms.items()}
    in_names = {w.lower() for n in body for w in n.split()}
    sentence_words = {w.lower() for c in candidates  # the words of the names sentences give
                      if not on_title_line(c.begin) and not _unfinished_line(text, c.begin) for w in c.text.split()}
    out = []
    for c in candidates:
        if len(c.text.split()) > 1 and on_title_line(c.begin):
            names = shouted if c.text.isupper() else body
            shorter = [n for n in names if " " in n and (c.text.startswith(n + " ") or c.text.endswith(" " + n))]
            if shorter:  # the name and its kind as the text gives them
                n = max(shorter, key=len)
                begin = c.begin if c.text.startswith(n + " ") else c.end - len(n)
                c = _Candidate(begin, begin + len(n), n, names[n].kind, names[n].country, names[n].forced, c.dateline)
            elif c.text not in names:
                c = _headline_prefix(c, names, shouted_short if c.text.isupper() else short_forms, in_names)
        if c.kind == "Person" and (on_title_line(c.begin) or _unfinished_line(text, c.begin)):
            c = _headline_person(c, sentence_words)  # "Ellen DeGeneres Returns to Host the Oscars"
        first = c.text.split()[0]
        if len(surnames.get(first.lower(), ())) == 1 and c.text.lower() not in surnames.get(first.lower(), ()) \
                and _unfinished_line(text, c.begin):
            if first == c.text or first[0].isupper() and first[1:].islower():
                # "Teixeira Reportedly Bumped", "OFFER TO TEIXEIRA": the surname of "Mark Teixeira"
                c = _Candidate(c.begin, c.begin + len(first), first, "Person", None, True, c.dateline)
        out.append(c)
    return out


def _headline_common_words(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates, a headline's name (on a title-case line) cut to the part that is a name when some of its words are words the article's sentences
    write in lower case only ("Woman Killed in Queens Hit - Run": "hit" ... "Queens"; "Michigan
    Office Shooting Follow - Up": "Michigan"; "Driver Charged", "Jewellery Stolen": no name).
    In title case the tagger cannot tell a name's words from the headline's other words; the
    article's own sentences can. A word counts when the sentences write it, or its inflection
    ("handcuffed" for "Handcuffs"), in lower case, never capitalised inside a sentence, and in
    none of their names. Of the parts such words leave, a name the sentences give wins ("Fatal
    Shooting Of Brooklyn": "Brooklyn"; "CREIGHTON DEFEATS DRAKE": both), else the first; with none
    left the candidate is dropped.
    A name with a word in lower case inside is left whole ("National Bank of Poland": title case
    writes a name's own small words so).

    >>> text = "Woman Killed in Queens Hit - Run , Driver Charged\\nA car hit her in Queens . The driver was charged ."
    >>> [c.text for c in _headline_common_words(text, [_Candidate(16, 32, "Queens Hit - Run", "Organization"),
    ...     _Candidate(35, 49, "Driver Charged", "Person"), _Candidate(90, 96, "Queens", "GeopoliticalEntity")])]
    ['Queens', 'Queens']
    >>> text = "CREIGHTON DEFEATS DRAKE IN OVERTIME\\nCreighton defeated Drake , 80 - 75 ."
    >>> [c.text for c in _headline_common_words(text, [_Candidate(0, 23, "CREIGHTON DEFEATS DRAKE", "Organization"),
    ...     _Candidate(36, 45, "Creighton", "Organization"), _Candidate(55, 60, "Drake", "Organization")])]
    ['CREIGHTON', 'DRAKE', 'Creighton', 'Drake']
    >>> text = "Surrey Fire and Rescue Puts Out Blaze\\nThe fire was put out by Surrey Fire and Rescue ."
    >>> [c.text for c in _headline_common_words(text, [_Candidate(0, 22, "Surrey Fire and Rescue", "Organization")])]
    ['Surrey Fire and Rescue']
    """
    headline = _title_lines(text)
    if not any(" " in c.text.strip() and headline(c.begin) for c in candidates):
        return candidates
    sentences = "\n".join(line for line in text.split("\n") if line and not _on_title_line(line, 0)
                          and not _unfinished_line(line, 0))
    lower = set(_LOWER_WORD.findall(sentences))
    capitalised = {w.lower() for w in _INNER_CAPITAL.findall(sentences)}
    body: dict[str, Counter[str]] = {}  # a name the sentences give -> the kinds they give it
    for c in candidates:
        if not headline(c.begin) and not _unfinished_line(text, c.begin):
            body.setdefault(c.text, Counter())[c.kind] += 1
    in_names = {w.lower() for n in body for w in n.split()}
    folded = {n.casefold(): n for n in body}  # "DRAKE" of a headline in capitals: "Drake"

    def common(word: str) -> bool:
        w = word.lower()
        if not (word[:1].isupper() and word.isalpha() and len(w) > 1) or w in capitalised or w in in_names \
                or word.isupper() and not shouted:  # an acronym ("IE"), unless the whole name is in capitals
            return False
        return any(w[:len(w) - len(end)] + form in lower for end in _ENDINGS if w.endswith(end) for form in _ENDINGS)

    out = []
    for c in candidates:
        words = list(re.finditer(r"\S+", c.text))
        shouted = c.text.isupper()
        if len(words) < 2 or c.text in body or not headline(c.begin) or not any(common(w.group()) for w in words) \
                or any(w.group().islower() for w in words[1:-1]):  # "The National Bank of Poland": a name's own "of"
            out.append(c)
            continue
        parts: list[list[re.Match]] = [[]]
        for w in words:
            if common(w.group()):
                parts.append([])
            else:
                parts[-1].append(w)
        named = []
        for part in parts:  # without words in lower case or punctuation at either end ("of Brooklyn")
            while part and part[0].group().lower() == part[0].group():
                part = part[1:]
            while part and part[-1].group().lower() == part[-1].group():
                part = part[:-1]
            if part:
                begin = part[0].start() + len(part[0].group()) - len(part[0].group().lstrip(_QUOTES))
                end = part[-1].end() - len(part[-1].group()) + len(part[-1].group().rstrip(_QUOTES))
                named.append((c.begin + begin, c.begin + end, c.text[begin:end]))
        for begin, end, name in [n for n in named if n[2].casefold() in folded] or named[:1]:
            kinds = body.get(folded.get(name.casefold(), ""))
            kind = max(kinds, key=lambda k: (kinds[k], _PRIORITY[k])) if kinds else c.kind
            out.append(_Candidate(begin, end, name, kind, c.country if kind == c.kind else None, c.forced, c.dateline))
    return out


def _headline_prefix(c: _Candidate, names: dict[str, _Candidate], short_forms: dict[str, _Candidate],
                     in_names: set[str]) -> _Candidate:
    """A headline's name that runs on past what the text names ("Colts Beat Chiefs", "Obama
    Reverses Bush") cut to its longest first words that are a name the sentences give, or the
    last word of one ("Colts": "Indianapolis Colts"), when the next word is in none of their
    names; an organisation is not cut to a place ("London Newsroom": an office named after its city).

    >>> named = {"Indianapolis Colts": _Candidate(40, 58, "Indianapolis Colts", "Organization")}
    >>> _headline_prefix(_Candidate(0, 17, "Colts Beat Chiefs", "Person"), named,
    ...                  {"Colts": named["Indianapolis Colts"]}, {"indianapolis", "colts"}).text
    'Colts'
    """
    words = list(re.finditer(r"\S+", c.text))
    for n in range(len(words) - 1, 0, -1):
        head = c.text[:words[n - 1].end()]
        named = names.get(head) or (short_forms.get(head) if n == 1 else None)
        if named is not None and words[n].group().lower() not in in_names and \
                not (c.kind == "Organization" and named.kind in ("GeopoliticalEntity", "Place")):
            return _Candidate(c.begin, c.begin + len(head), head, named.kind, named.country, named.forced, c.dateline)
    return c


def _headline_person(c: _Candidate, in_names: set[str]) -> _Candidate:
    """A headline's person name (on a title-case line, or a line that ends no sentence) of a first
    name, then given names, then a surname, that runs on into a word the sentences' names do not
    use (``in_names``, lower case) or a word in lower case, cut after the surname ("Lindsay Lohan
    Checks Into Rehab": "Lindsay Lohan"; "Ellen DeGeneres Returns"; "Chris Ivory on Injured
    Reserve"): in title case the tagger cannot see where a name ends. Given names are the
    ``nicknames`` package's, of three letters or more ("El Hassane Lahssini" is left whole: "El"
    is an article); a suffix ("Jr") or a particle after the surname leaves the name whole.

    >>> _headline_person(_Candidate(0, 31, "Lindsay Lohan Checks Into Rehab", "Person"), set()).text
    'Lindsay Lohan'
    >>> names = ("Eric Allen Kirkpatrick Held", "Chris Ivory on Reserve", "Lindsay Lohan Smith",
    ...          "Arcade Joseph Comeaux Jr", "Ursula von der Leyen", "El Hassane Lahssini")
    >>> [_headline_person(_Candidate(0, 27, n, "Person"), {"lohan", "smith"}).text
    ...  for n in names]  # doctest: +NORMALIZE_WHITESPACE
    ['Eric Allen Kirkpatrick', 'Chris Ivory', 'Lindsay Lohan Smith', 'Arcade Joseph Comeaux Jr', 'Ursula von der Leyen',
     'El Hassane Lahssini']
    """
    words = list(re.finditer(r"\S+", c.text))
    if c.kind != "Person" or len(words) < 3 or len(words[0].group()) < 3 or not _is_given_name(words[0].group()):
        return c
    i = next((i for i, w in enumerate(words[1:], 1) if not _is_given_name(w.group())), len(words))
    if i + 1 >= len(words) or not _NAME_WORD.fullmatch(words[i].group()):
        return c
    after = words[i + 1].group()
    if not (_NAME_WORD.fullmatch(after) or after.isalpha() and after.islower()) or after in _particles() \
            or after.lower().rstrip(".") in _NAME_SUFFIXES or after.lower() in in_names:
        return c
    end = c.begin + words[i].end()
    return _Candidate(c.begin, end, c.text[:words[i].end()], c.kind, c.country, c.forced, c.dateline)


def _is_given_name(word: str) -> bool:
    """Whether a capitalised word is a given name of the ``nicknames`` package ("Lindsay", "Ellen")."""
    return word[:1].isupper() and is_given_name(word.lower())


def _names_run_on(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates, a person's name the tagger cut after a middle initial ("Raj K" of "Raj K .
    Chohan", "Francis S" of "Francis S. Collins"), after a particle in lower case ("Ursula von
    der" of "Ursula von der Leyen") or before a nickname in quotes or parentheses
    ("Vincent" of "Vincent 'The Chin' Gigante", "Luis Gerardo" of "Luis Gerardo ( Jerry ) Ortiz")
    run on to the surname after it (a candidate there, if any, is that name's part and left
    out). A place or organisation in the parentheses is no nickname ("Olaf Ludwig ( Germany )
    Telekom": a results table's row).

    >>> text = "Judge James R . Dabney's ruling."
    >>> [c.text for c in _names_run_on(text, [_Candidate(6, 13, "James R", "Person"),
    ...                                       _Candidate(16, 22, "Dabney", "Person")])]
    ['James R . Dabney']
    >>> text = "President Ursula von der Leyen declined."
    >>> [c.text for c in _names_run_on(text, [_Candidate(10, 24, "Ursula von der", "Person"),
    ...                                       _Candidate(25, 30, "Leyen", "GeopoliticalEntity")])]
    ['Ursula von der Leyen']
    >>> text = "Deputy Luis Gerardo ( Jerry ) Ortiz died."
    >>> [c.text for c in _names_run_on(text, [_Candidate(7, 19, "Luis Gerardo", "Person")])]
    ['Luis Gerardo ( Jerry ) Ortiz']
    """
    out: list[_Candidate] = []
    drop_until = -1
    for c in candidates:
        if c.begin < drop_until:
            continue
        words = c.text.split()
        if len(words) > 1 and len(words[-1]) == 1 and words[-1].isupper():
            m = _AFTER_INITIAL.match(text, c.end)
        elif len(words) > 1 and words[-1] in _particles():
            m = _AFTER_PARTICLE.match(text, c.end)
        else:  # a nickname names no place or organisation: "Olaf Ludwig ( Germany ) Telekom" is a table's row
            m = _AFTER_NICKNAME.match(text, c.end) if len(words) < 4 else None
            if m and any(o.kind != "Person" and c.end < o.end and o.begin < m.start(1) for o in candidates):
                m = None
        if c.kind == "Person" and m:
            end = m.start(1) + len(re.sub(r"['’]s?$", "", m.group(1)))  # not "Bush's" but "Bush"
            c = _Candidate(c.begin, end, text[c.begin:end], c.kind, c.country, c.forced, c.dateline)
            drop_until = end
        out.append(c)
    return out


def _unfinished_line(text: str, pos: int) -> bool:
    """Whether the line at ``pos`` ends no sentence (a headline).

    >>> _unfinished_line("Offer to Teixeira Reportedly Bumped\\nHe said so.", 9), _unfinished_line("He said so.", 0)
    (True, False)
    """
    start = text.rfind("\n", 0, pos) + 1
    stop = text.find("\n", pos)
    return not text[start:stop if stop >= 0 else len(text)].rstrip().endswith((".", "!", "?", '"', "'", "”", ":"))


def _title_lines(text: str) -> Callable[[int], bool]:
    """:func:`_on_title_line` for positions of ``text``, each line looked at once."""
    lines: dict[int, bool] = {}  # line start -> whether the line is in title case

    def on_title_line(pos: int) -> bool:
        start = text.rfind("\n", 0, pos) + 1
        if start not in lines:
            lines[start] = _on_title_line(text, start)
        return lines[start]

    return on_title_line


def _on_title_line(text: str, pos: int) -> bool:
    """Whether the line at ``pos`` is in title case: at least three words, nearly all capitalised
    ("Ellen DeGeneres To Host Oscars")."""
    start = text.rfind("\n", 0, pos) + 1
    stop = text.find("\n", pos)
    words = _WORD.findall(text[start:stop if stop >= 0 else len(text)])
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _firms(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates, with each firm name of several names ("Merrill Lynch, Pierce, Fenner and
    Smith Inc", "Laurie Milbank and Co") one organisation in place of the names inside it.

    >>> [c.text for c in _firms("Advised by Laurie Milbank and Co.", [_Candidate(11, 25, "Laurie Milbank", "Person")])]
    ['Laurie Milbank and Co']
    """
    firms = [m for m in _FIRM.finditer(text) if any(m.start() <= c.begin < m.end() for c in candidates)]
    if not firms:
        return candidates
    kept = [c for c in candidates if not any(m.start() < c.end and c.begin < m.end() for m in firms)]
    added = [_Candidate(m.start(), m.end(), m.group(0), "Organization", None, True) for m in firms]
    return sorted(kept + added, key=lambda c: (c.begin, c.end))


def _agencies_joined(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates, with an agency named by two nouns joined by "and" one organisation where
    the tagger found only its end ("the Fish and Wildlife Service": "Wildlife Service") or cut it
    at the "and" after a country ("U.S. Fish" and "Wildlife Service").

    The words before "and" are capitalised, no organisation word, in no other name of the article,
    and follow a word in lower case ("the", "require") or the country that begins the cut name.

    >>> text = "Biologists of the Fish and Wildlife Service said so."
    >>> [c.text for c in _agencies_joined(text, [_Candidate(27, 43, "Wildlife Service", "Organization")])]
    ['Fish and Wildlife Service']
    """
    joined = _split_at_glue(text, candidates)
    for c in list(joined):
        if c.kind != "Organization" or c.text.split()[-1] not in _AGENCY_HEADS:
            continue
        m = _WORDS_AND.search(text, max(0, c.begin - 60), c.begin)
        if not m or any(w.lower() in ORG_HEADS or w.lower() in FUNCTION_WORDS
                                              for w in m.group(1).split()):
            continue
        left = [o for o in joined if o is not c and o.begin < m.end() and m.start() < o.end]
        named_apart = [o for o in joined if o not in left and o.text == m.group(1).strip()]
        if named_apart or len(left) > 1:
            continue
        if left:  # "U.S. Fish": a country, then the words before "and"
            cut = left[0]
            if cut.kind != "Organization" or cut.end != m.start(1) + len(m.group(1).rstrip()) or \
                    not gazetteer.country(text[cut.begin:m.start(1)].strip()):
                continue
            begin = cut.begin
        elif re.search(r"(?:^|[\n(]|\b[a-z]+[ \t]+)$", text[max(0, m.start() - 30):m.start()]):
            begin = m.start()  # after "the", another word in lower case or at a line's start
        else:
            continue
        joined = [o for o in joined if o is not c and o not in left]
        joined.append(_Candidate(begin, c.end, text[begin:c.end], "Organization", None, True))
    return sorted(joined, key=lambda c: (c.begin, c.end))


#: Capitalised words right after a name, with glue words between them ("Chamber of Commerce").
_NAME_WORDS_AFTER = re.compile(r"[ \t]([A-Z][\w&'’.-]*(?:[ \t](?:(?:of|and|for|on|the)[ \t])*[A-Z][\w&'’.-]*)*)")


def _country_then_organisation(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates, with a country the tagger read as an organisation joined to the
    capitalised words right after it: the tagger cut an organisation's name after its country
    ("The US" of "The US Chamber of Commerce welcomed the rule": the "US Chamber of
    Commerce"), whether or not it found the rest as a name of its own.

    >>> text = "The US Chamber of Commerce welcomed the rule."
    >>> [c.text for c in _country_then_organisation(text, [_Candidate(4, 6, "US", "Organization")])]
    ['US Chamber of Commerce']
    """
    out: list[_Candidate] = []
    for c in sorted(candidates, key=lambda c: (c.begin, c.end)):
        if out and out[-1].begin <= c.begin and c.end <= out[-1].end:
            continue  # inside the name just joined
        m = _NAME_WORDS_AFTER.match(text, c.end) if c.kind == "Organization" and gazetteer.country(c.text) else None
        words = re.sub(r"(?:['’]s?|\.)$", "", m.group(1)) if m else ""  # "Commerce's": the name
        if words and not words.isupper() and words.split()[0].lower() not in FUNCTION_WORDS and not any(
                o.kind != "Organization" and o.begin == m.start(1) for o in candidates):  # "Maldives" | "Indian Ocean"
            end = m.start(1) + len(words)
            out.append(_Candidate(c.begin, end, text[c.begin:end], "Organization", None, True))
        else:
            out.append(c)
    return out


def _split_at_glue(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates, with an organisation the tagger ended on "and", "of" or "for" joined to the
    organisation's name that follows it ("AMA Council on Ethical and" | "Judicial Affairs").

    >>> text = "She chaired the AMA Council on Ethical and Judicial Affairs last year."
    >>> found = [_Candidate(16, 42, "AMA Council on Ethical and", "Organization"), _Candidate(43, 59, "Judicial Affairs", "Organization")]
    >>> [c.text for c in _split_at_glue(text, found)]
    ['AMA Council on Ethical and Judicial Affairs']
    """
    out: list[_Candidate] = []
    for c in candidates:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "Organization" and prev.text.rsplit(" ", 1)[-1] in _GLUE_WORDS \
                and text[prev.end:c.begin] == " " and c.kind in ("Organization", "Person"):
            out[-1] = _Candidate(prev.begin, c.end, text[prev.begin:c.end], "Organization", None, True)
        else:
            out.append(c)
    return out


def _persons_after_departments(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates, with an organisation the tagger ran on into a person cut to that person:
    one that ends with a person the article names elsewhere ("said Secretary of the Interior Dirk
    Kempthorne": the tagger's "Interior Dirk Kempthorne", where "Kempthorne" is a person) or, after
    "of" ("Secretary of the Interior Ken Salazar"), with a given name and a surname; and an
    organisation "X and Y" of two persons the article names ("Locke and Salazar") those two.

    >>> text = "Secretary of the Interior Ken Salazar spoke. Locke and Salazar agreed. Gary Locke said so."
    >>> found = [_Candidate(17, 37, "Interior Ken Salazar", "Organization"),
    ...          _Candidate(45, 63, "Locke and Salazar", "Organization"), _Candidate(72, 82, "Gary Locke", "Person")]
    >>> [(c.text, c.kind) for c in _persons_after_departments(text, found)]
    [('Ken Salazar', 'Person'), ('Locke', 'Person'), ('Salazar', 'Person'), ('Gary Locke', 'Person')]
    """
    persons = {c.text for c in candidates if c.kind == "Person"}
    cut = []
    for c in candidates:
        words = c.text.split(" ")
        person = None
        if c.kind == "Organization" and len(words) >= 3:
            after_of = re.search(r"\bof[ \t]+(?:the[ \t]+)?$", text[max(0, c.begin - 12):c.begin]) is not None
            person = _person_at_end(words, persons, after_of)
        cut.append(_Candidate(c.end - len(person), c.end, person, "Person", None, True) if person else c)
    known = {w for c in cut if c.kind == "Person" for w in (c.text, c.text.split()[-1])}
    out = []
    for c in cut:
        pair = c.text.split(" and ")
        if c.kind == "Organization" and len(pair) == 2 and all(p in known for p in pair):
            out.append(_Candidate(c.begin, c.begin + len(pair[0]), pair[0], "Person", None, True))
            c = _Candidate(c.end - len(pair[1]), c.end, pair[1], "Person", None, True)
        out.append(c)
    return out


def _person_at_end(words: list[str], persons: set[str], after_of: bool) -> str | None:
    """The last words of an organisation's name that name a person: a person of ``persons`` or
    the surname of one, after a given name; after "of", any given name and surname."""
    for k in range(1, len(words) - 1):
        tail = words[k:]
        if " ".join(tail) in persons:
            return " ".join(tail)
        if len(tail) == 2 and tail[0].istitle() and tail[1][:1].isupper() and \
                (tail[1] in persons or after_of and is_given_name(tail[0].lower())):
            return " ".join(tail)
    return None


def _without_law_acronyms(text: str, candidates: list[_Candidate]) -> list[_Candidate]:
    """The candidates without the acronym a law's name defines ("Endangered Species Act (ESA)":
    "ESA" is a law, no actor).

    >>> text = "The Endangered Species Act (ESA) protects them. The ESA is old."
    >>> [c.text for c in _without_law_acronyms(text, [_Candidate(50, 53, "ESA", "Organization")])]
    []
    """
    laws = set(_LAW_ACRONYM.findall(text))
    return [c for c in candidates if c.text not in laws] if laws else candidates


def _acting_nationality(ent: Any, text: str) -> list[_Candidate]:
    """A nationality word names its country only where the country acts through it."""
    if len(ent) != 1 or not gazetteer.is_demonym(ent.text):
        return []
    token = ent[0]
    country = gazetteer.country(ent.text)
    acting_noun = token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("nsubj", "nsubjpass", "agent", "pobj") \
        and token.tag_ in ("NNS", "NNPS")
    acting_modifier = token.dep_ in ("amod", "compound") and token.head.lemma_.lower() in ACTING_HEADS
    if not country or not (acting_noun or acting_modifier):
        return []
    return [_Candidate(token.idx, token.idx + len(token.text), token.text, "GeopoliticalEntity", country, True)]


def _title_masks(text: str) -> list[tuple[int, int]]:
    return [m for phrase in TITLE_PHRASES for m in whole_words(text, phrase)]


def _word_char(c: str) -> bool:
    return c.isalnum() or c == "_"  # what a regular expression's \w matches


def whole_words(text: str, phrase: str, *, contraction: bool = False) -> list[tuple[int, int]]:
    """Where ``phrase`` stands in ``text`` as whole words, not touching a word character or a
    hyphen (nor, with ``contraction``, followed by an apostrophe and two word characters);
    the matches of the regular expression "phrase between non-word characters", without
    compiling one pattern per phrase.

    >>> whole_words("Bush, Bushes and Bush's and Bush'ite", "Bush", contraction=True)
    [(0, 4), (17, 21)]
    """
    out: list[tuple[int, int]] = []
    n, size = len(phrase), len(text)
    i = text.find(phrase) if phrase else -1
    while i >= 0:
        e = i + n
        if (i == 0 or not (_word_char(text[i - 1]) or text[i - 1] == "-")) and \
                (e == size or not (_word_char(text[e]) or text[e] == "-")) and \
                not (contraction and text[e:e + 1] in ("'", "’") and e + 2 < size
                     and _word_char(text[e + 1]) and _word_char(text[e + 2])):
            out.append((i, e))
            i = text.find(phrase, e)
        else:
            i = text.find(phrase, i + 1)
    return out


# -- acronyms ----------------------------------------------------------------------------------
def _initials(words: list[str]) -> str:
    return "".join(part[0] for w in words for part in w.split("-") if part)


def _clips(short: str, words: list[str]) -> bool:
    """Whether ``short`` is made of the beginnings of every word in turn, glue words optional
    ("Pemex": Petroleos Mexicanos; "Nabisco": National Biscuit Company).

    >>> _clips("Pemex", ["Petroleos", "Mexicanos"]), _clips("Pemex", ["Mexicanos"]), _clips("Pe", ["Petroleos"])
    (True, False, False)
    """
    def fits(rest: str, tail: list[str]) -> bool:
        if not tail:
            return not rest
        word = tail[0].lower()
        if word in FUNCTION_WORDS and fits(rest, tail[1:]):
            return True
        return any(rest[:n] == word[:n] and fits(rest[n:], tail[1:]) for n in range(1, min(len(rest), len(word)) + 1))

    return len(words) > 1 and len(short) > 3 and fits(short.lower(), words)


def _acronyms_of(words: list[str]) -> tuple[str, str]:
    """The initials of ``words``, in capitals, with and without their glue words.

    >>> _acronyms_of(["National", "Union", "of", "Journalists"])
    ('NUOJ', 'NUJ')
    """
    return _initials(words).upper(), _initials([w for w in words if w.lower() not in FUNCTION_WORDS]).upper()


def _abbreviates(acronym: str, words: list[str]) -> bool:
    """Whether ``acronym`` abbreviates the last words of ``words`` (glue words optional)."""
    letters = acronym.replace(".", "").upper()
    for start in range(len(words) - 1, -1, -1):
        full, core = _acronyms_of(words[start:])
        if letters in (full, core):
            return True
        if len(core) > len(letters):
            return False
    return False


def _acronym_definitions(text: str, candidates: list[_Candidate]) -> tuple[dict[str, str], dict[str, int]]:
    """Acronyms defined as "Long Name (ACR)": for organisations, acronym -> long name; for posts,
    acronym -> offset of the definition (the person named right after it holds the post)."""
    orgs: dict[str, str] = {}
    posts: dict[str, int] = {}
    for m in _ACRONYM_DEF.finditer(text):
        acronym = m.group(1)
        before = text[max(0, m.start() - 120):m.start()].rstrip()
        words = re.findall(r"[\w'’-]+", before.splitlines()[-1] if before else "")
        named = [c for c in candidates if c.end <= m.start() and text[c.end:m.start()].strip() == ""]
        if named and (_abbreviates(acronym, named[-1].text.split()) or _clips(acronym, named[-1].text.split())):
            orgs.setdefault(acronym, named[-1].text)
        elif words and is_title_word(words[-1]) and _abbreviates(acronym, words):
            posts.setdefault(acronym, m.end())
    return orgs, posts


def _undefined_acronyms(candidates: list[_Candidate], defined: Iterable[str]) -> dict[str, str]:
    """Acronyms the article uses without defining them that give the initials of exactly one
    organisation it names in full (glue words optional): acronym -> that name ("SAIC says" where
    the article names "Shanghai Automotive Industry Corp"; "NUJ official" and "the National
    Union of Journalists").

    >>> orgs = [_Candidate(0, 32, "Shanghai Automotive Industry Corp", "Organization"),
    ...         _Candidate(40, 44, "SAIC", "Person"), _Candidate(50, 53, "BBC", "Organization")]
    >>> _undefined_acronyms(orgs, ())
    {'SAIC': 'Shanghai Automotive Industry Corp'}
    """
    defined = set(defined)
    full = {name: _acronyms_of(name.split()) for name in sorted({
        c.text for c in candidates if c.kind == "Organization" and " " in c.text
        and not any(w.isupper() and len(w) > 1 for w in c.text.split())})}  # not "UBS Securities" for "US"
    found: dict[str, str] = {}
    for c in candidates:
        if c.country or c.text in defined or c.text in found or \
                not (2 <= len(c.text) <= 6 and c.text.isalpha() and c.text.isupper()):
            continue
        fits = [name for name, forms in full.items() if c.text in forms]
        if len(fits) == 1:
            found[c.text] = fits[0]
    return found


# -- clustering --------------------------------------------------------------------------------
def _surname(name: str) -> str:
    return name.split()[-1]


def _cluster(candidates: list[_Candidate], acronyms: dict[str, str], post_acronyms: dict[str, int],
             text: str, teams: dict[str, str]) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    by_key: dict[str, _Cluster] = {}
    firms = {c.text for c in candidates if c.firm}
    persons = [c for c in candidates if c.kind == "Person" and len(c.text.split()) > 1 and c.text not in firms]
    post_holders = {acr: _next_person(persons, pos) for acr, pos in post_acronyms.items()}
    with_suffix = {m.group(1): c.text for c in candidates if c.kind == "Organization"
                   and (m := _ORG_SUFFIX.fullmatch(c.text))}  # "Labour" -> "Labour Party"

    organisations = {c.text for c in candidates if c.kind == "Organization"}
    heads = _head_words(organisations)

    def cluster_for(key: str) -> _Cluster:
        if key not in by_key:
            by_key[key] = _Cluster()
            clusters.append(by_key[key])
        return by_key[key]

    for c in candidates:
        region = _region(c.text)
        if region:  # "Mideast" and "Middle East": one place; "Fed" and "Federal Reserve": one bank
            cl = cluster_for(f"name:{region.casefold()}")
            cl.expansion = region
            cl.add(c)
            continue
        if c.text in post_acronyms:
            holder = post_holders[c.text]
            followed_by_name = bool(re.match(r"[\s\w.]{0,40}?[A-Z]", text[c.end:c.end + 2])) and \
                _next_person(persons, c.end, within=40) is not None
            if holder is None or followed_by_name or text[c.end:c.end + 1] == ")":
                continue  # "(COAS)" defining it, or "COAS Bajwa": a title, not a mention
            c = _Candidate(c.begin, c.end, c.text, "Person", None, False)
            cluster_for(_person_key(holder.text)).add(c)
            continue
        if c.text in acronyms:
            cl = cluster_for(f"name:{acronyms[c.text].casefold()}")
            cl.expansion = acronyms[c.text]
            # an organisation's acronym is the organisation, also where read as a person ("SAIC")
            cl.add(replace(c, kind="Organization") if acronyms[c.text] in organisations else c)
            continue
        if c.dateline:
            cluster_for(f"dateline:{c.text.casefold()}").add(c)
            continue
        if c.text in with_suffix and not c.country:  # "Labour" where the article says "Labour Party"
            cluster_for(f"name:{with_suffix[c.text].casefold()}").add(c)
            continue
        if c.kind == "Organization" and len(heads.get(c.text, ())) == 1:
            full = next(iter(heads[c.text]))  # "the Bank": the Bank of England
            cl = cluster_for(f"name:{full.casefold()}")
            cl.expansion = full
            cl.add(c)
            continue
        if c.text in teams and not c.country and not c.dateline and c.kind != "Organization" \
                and not _after_place_preposition(text, c.begin):
            cl = cluster_for(f"name:{teams[c.text].casefold()}")  # "Indianapolis" where the article says
            cl.expansion = teams[c.text]  # "Indianapolis Colts", not "in Indianapolis": the team
            cl.add(_Candidate(c.begin, c.end, c.text, "Organization"))
            continue
        if c.kind == "Organization" and (bare := _after_country(c.text)) in organisations:
            cluster_for(f"name:{bare.casefold()}").add(c)  # "U.S. Fish and Wildlife Service" where
            continue  # the article also says "Fish and Wildlife Service"
        cluster_for(_key(c, persons, firms)).add(c)
        if c.text in acronyms.values():
            by_key[_key(c, persons, firms)].expansion = c.text
    return clusters


_TEAM = re.compile(r"((?:[A-Z][a-z]+ ){1,2})([A-Z][a-z]+s)")


def _team_name(tokens: list[Any], text: str) -> bool:
    """Whether a name the tagger read as a place, facility or person is a team's: a big city
    (:func:`_big_city_as_place`'s list) and a capitalised plural (tagged so) that the article never
    writes in lower case ("Jacksonville Jaguars"), or such a plural alone after "the" ("the
    Jaguars"; not a nationality, "the Scots", nor a family, "the Smiths" beside "Will Smith").

    >>> import spacy
    >>> doc = spacy.blank("en")("the Jacksonville Jaguars beat the Jaguars and the Smiths of Will Smith .")
    >>> for i in (2, 5, 8): doc[i].tag_ = "NNPS"
    >>> _team_name(list(doc[1:3]), doc.text), _team_name([doc[5]], doc.text), _team_name([doc[8]], doc.text)
    (True, True, False)
    """
    last = tokens[-1]
    if last.tag_ not in ("NNPS", "NNS") or not _TEAM_WORD.fullmatch(last.text) \
            or re.search(rf"\b{last.text.lower()}\b", text):
        return False
    if len(tokens) == 1:
        return last.i > 0 and last.doc[last.i - 1].lower_ == "the" and not gazetteer.is_demonym(last.text) \
            and last.text[:-1].lower() not in _surnames_of(text)
    return _is_big_city(" ".join(t.text for t in tokens[:-1]))


def _surnames_of(text: str) -> set[str]:
    """Capitalised words the article writes after a capitalised word, as a surname after a first
    name, in lower case ("Will Smith": "smith"), for :func:`_team_name` ("the Smiths" are a family).

    >>> sorted(_surnames_of("Will Smith and the Smiths came."))
    ['smith']
    """
    return {m.group(1).lower() for m in re.finditer(r"\b[A-Z][a-z]+ ([A-Z][a-z]+)\b", text)}


def _teams(doc: Any, candidates: list[_Candidate], text: str) -> dict[str, str]:
    """Place name -> the team the article names after it: an organisation's name of a place
    the article names and one capitalised plural (tagged so, not "Bloomberg News") that the
    article never writes in lower case ("Indianapolis Colts").

    >>> import spacy
    >>> doc = spacy.blank("en")("Indianapolis Colts and Los Angeles Times beat Indianapolis , Los Angeles .")
    >>> doc[1].tag_, doc[5].tag_ = "NNPS", "NNP"
    >>> cands = [_Candidate(0, 18, "Indianapolis Colts", "Organization"),
    ...          _Candidate(23, 40, "Los Angeles Times", "Organization"),
    ...          _Candidate(46, 58, "Indianapolis", "GeopoliticalEntity"),
    ...          _Candidate(61, 72, "Los Angeles", "GeopoliticalEntity")]
    >>> _teams(doc, cands, doc.text)
    {'Indianapolis': 'Indianapolis Colts'}
    """
    places = {c.text for c in candidates if c.kind in ("GeopoliticalEntity", "Place")}
    found: dict[str, set[str]] = {}
    for c in candidates:
        m = _TEAM.fullmatch(c.text) if c.kind == "Organization" else None
        if m is None or (place := m.group(1).strip()) not in places:
            continue
        last = doc.char_span(c.end - len(m.group(2)), c.end)
        if last is not None and last[-1].tag_ in ("NNPS", "NNS") and not re.search(rf"\b{m.group(2).lower()}\b", text):
            found.setdefault(place, set()).add(c.text)
    return {place: next(iter(names)) for place, names in found.items() if len(names) == 1}


def _after_place_preposition(text: str, begin: int) -> bool:
    """Whether the word before ``begin`` is a preposition of places (:data:`_PLACE_PREPOSITIONS`,
    "from", "of"): "in Indianapolis" is the city even where the article names its team.

    >>> _after_place_preposition("born in Indianapolis", 8), _after_place_preposition("beat Indianapolis", 5)
    (True, False)
    """
    before = text[max(0, begin - 20):begin].split()
    return bool(before) and before[-1].lower() in _PLACE_PREPOSITIONS | {"from", "of"}


def _head_words(organisations: set[str]) -> dict[str, set[str]]:
    """The organisations' names each head word stands for alone ("the Bank said" after "the Bank
    of England"; "the Commission" after "the European Commission"): a word of
    :data:`_HEAD_WORDS`, capitalised, that begins a name before "of" or ends it.

    >>> _head_words({"Bank of England", "European Commission", "Bank"})
    {'Bank': {'Bank of England'}, 'Commission': {'European Commission'}}
    """
    heads: dict[str, set[str]] = {}
    for name in sorted(organisations):
        words = name.split(" ")
        if len(words) < 2:
            continue
        for word in {words[-1]} | ({words[0]} if words[1] == "of" else set()):
            if word.istitle() and word.lower() in _HEAD_WORDS:
                heads.setdefault(word, set()).add(name)
    return heads


def _after_country(name: str) -> str | None:
    """An organisation's name without the country it begins with, if two words or more are left.

    >>> _after_country("U.S. Fish and Wildlife Service"), _after_country("U . S . Army"), _after_country("Fish and Wildlife Service")
    ('Fish and Wildlife Service', None, None)
    """
    words = name.split(" ")
    for k in range(min(4, len(words) - 1), 0, -1):  # the longest country first ("U . S ." before "U")
        if gazetteer.country(" ".join(words[:k])):
            return " ".join(words[k:]) if len(words) - k >= 2 and words[k][:1].isupper() else None
    return None


def _region(name: str) -> str | None:
    """The one name of a region or organisation written several ways.

    >>> _region("Mideast"), _region("Middle East"), _region("Paris"), _region("Fed"), _region("Calif .")
    ('Middle East', 'Middle East', None, 'Federal Reserve', 'California')
    """
    key = compact(name).casefold()
    return _variants().get(key)


@lru_cache(maxsize=1)
def _variants() -> dict[str, str]:
    """Each writing (case-folded) of a region or organisation known by several names -> its
    name (``kg/wordlists/region-variants.tsv``, ``organisation-variants.tsv``)."""
    found: dict[str, str] = {}
    for name in ("region-variants", "organisation-variants"):
        for canonical, variants in table(name, columns=2):
            for writing in (canonical, *variants.split("|")):
                found.setdefault(writing.casefold(), canonical)
    return found


def _next_person(persons: list[_Candidate], pos: int, *, within: int = 60) -> _Candidate | None:
    after = [p for p in persons if pos <= p.begin <= pos + within]
    return after[0] if after else None


def _person_key(full_name: str) -> str:
    return f"person:{full_name.casefold()}"


def _key(c: _Candidate, persons: list[_Candidate], firms: set[str]) -> str:
    if c.country:
        return f"country:{c.country.code}"
    full = [p.text for p in persons]
    if c.text in full:
        return _person_key(c.text)
    # a surname or first name alone: the full name it shortens, when one person fits
    fits = sorted({f for f in full if c.text in (_surname(f), f.split()[0]) or f.endswith(" " + c.text)})
    if len(fits) == 1 and (c.kind == "Person" or c.text == _surname(fits[0]) or
                           c.text == fits[0].split()[0] and not c.country and is_given_name(c.text.lower())):
        return _person_key(fits[0])  # "Regina" (read as the city) where Regina Benjamin is named
    if len(fits) > 1:  # two people share the name: the nearest full mention before it
        before = [p for p in persons if p.text in fits and p.end <= c.begin]
        if before:
            return _person_key(before[-1].text)
    blended = {f for f in full if _blends(c.text, f)} if not fits and _BLEND.fullmatch(c.text) else set()
    if len(blended) == 1:  # "LiLo": Lindsay Lohan
        return _person_key(blended.pop())
    if c.kind == "Person" and c.text not in firms:
        return _person_key(c.text)
    return f"name:{c.text.casefold()}"  # a firm's name read as a person's elsewhere ("Yukos"): the firm


def _blends(short: str, full_name: str) -> bool:
    """Whether a one-word name is a blend of the starts of a person's first name and surname, as
    the press writes a celebrity's ("LiLo": Lindsay Lohan; "JLo", "A-Rod").

    >>> _blends("LiLo", "Lindsay Lohan"), _blends("A-Rod", "Alex Rodriguez"), _blends("LiLo", "Lisa Smith")
    (True, True, False)
    >>> _blends("McCain", "Mark Cainer"), _blends("Lohan", "Lindsay Lohan")
    (False, False)
    """
    m = _BLEND.fullmatch(short)
    words = full_name.split()
    if m is None or len(words) < 2 or m.group(1) == "Mc":
        return False
    return words[0].lower().startswith(m.group(1).lower()) and _surname(full_name).lower().startswith(m.group(2).lower())


# -- mentions the tagger missed ----------------------------------------------------------------
def _rescan(clusters: list[_Cluster], text: str, masked: list[tuple[int, int]],
            post_acronyms: dict[str, int]) -> None:
    """Add untagged repeats of each actor's names ("Bajwa" after "Qamar Javed Bajwa")."""
    taken = sorted((s.begin, s.end) for cl in clusters for s in cl.spans)
    person_ends = {s.end for cl in clusters if cl.kind == "Person" for s in cl.spans}
    surnames = Counter(_surname(cl.name) for cl in clusters if cl.kind == "Person" and " " in cl.name)
    for cl in clusters:
        forms = {n for n in cl.names if not gazetteer.is_demonym(n)}
        if cl.kind == "Person" and " " in cl.name and surnames[_surname(cl.name)] == 1:
            forms.add(_surname(cl.name))
        if cl.expansion:
            forms.add(cl.expansion)
        forms |= {acr for acr in post_acronyms if any(s.text == acr for s in cl.spans)}
        for form in sorted(forms, key=len, reverse=True):
            if len(form) < 3 and not form.isupper():
                continue
            for b, e in whole_words(text, form, contraction=True):
                if any(b < te and tb < e for tb, te in taken) or any(mb <= b and e <= me for mb, me in masked):
                    continue
                if form in post_acronyms and re.match(r"\s+(?:[A-Z][\w.]*\s+)*[A-Z]", text[e:e + 40]) \
                        or text[e:e + 1] == ")" or _degree_at(text, b, e, person_ends):
                    continue
                cl.spans.append(Span(b, e, form))
                taken.append((b, e))
                if " " not in form and _organisation_noun_before(text, b):
                    cl.organisation_evidence = True  # "gas monopoly Gazprom", untagged there


def _degree_at(text: str, begin: int, end: int, person_ends: set[int]) -> bool:
    """Whether ``text[begin:end]`` is a degree after a person's name and a comma (the names of
    persons end at ``person_ends``), as :func:`_degree_after_name` finds the tagger's.

    >>> _degree_at("Regina Benjamin, MD, PhD, said", 21, 24, {15})
    True
    """
    if not _is_degree(text[begin:end]):
        return False
    before = re.search(r"(?:,[ \t]*(?:[A-Za-z. ]{2,6}?)[ \t]*)*,[ \t]*$", text[max(0, begin - 40):begin])
    return before is not None and begin - len(before.group(0)) in person_ends


def _to_actor(cl: _Cluster) -> Actor:
    spans = sorted(set(cl.spans))
    name = _one_line(cl.name)  # "George\nShultz" wrapped in the text is "George Shultz"
    aliases = {_one_line(s.text) for s in spans}
    aliases = {a for a in aliases if a != name and not (a.isupper() and a.title() == name)}
    if cl.expansion and _one_line(cl.expansion) != name:
        aliases.add(_one_line(cl.expansion))
    return Actor(name=name, kind=cl.kind, mentions=spans, aliases=aliases,
                 country_code=cl.country.code if cl.country else None)


def _one_line(name: str) -> str:
    """A name with its line breaks and runs of spaces as single spaces, and its abbreviations
    as they are written in running text (:func:`kg.extract.abbreviations.compact`).

    >>> _one_line("George\\nShultz"), _one_line("Bethesda , Md .")
    ('George Shultz', 'Bethesda , Md.')
    """
    return compact(" ".join(name.split()))
