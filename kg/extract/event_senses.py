"""CAMEO senses decided from context: a trigger gets a CAMEO code only where its sense is an
interaction between political actors.

:func:`sense` takes a trigger token of spaCy's parse (the head of the mention) and the code
the lexicon gives its lemma, and returns the code its context supports, or ``None`` when the
word is used in a sense that CAMEO does not code (business, markets, nature, idiom). The
context is the parse: the trigger's modifiers (compound, amod, possessor), its subject and
object, its prepositional complements, particles, the verb that governs a noun trigger, and
the kind of actor each of them names (``kind``: by default spaCy's entity type). Word sets
live in ``kg/wordlists/event-senses.tsv``.

Rules, by lemma (each tested both ways in ``tests/test_event_senses.py``):

- strike: "hunger strike" 142; a workers' strike 143 (labour modifiers "rail", "general",
  labour subjects "workers struck", "on strike", the subject of "go on"/"call"); a military
  strike keeps the lexicon's code (190, "air strike" 195); "it strikes me odd", "struck a
  deal", "struck by lightning" are none; with no cue of its own, the sentence and then the
  article decide (labour words against military words).
- walk: "walked off the job", "walked out" (of workers) is a strike, 143.
- fire: a verb whose object is a weapon or projectile, or fired "at"/"on" a target, is
  shooting (193; rockets, missiles, shells 194); firing a person (dismissal) is none; the noun
  (a blaze) is none unless a pattern ("open fire") makes it shooting.
- withdraw: troops, forces, the army (or an actor withdrawing "from" a place) 087; a plan, a
  bid, an offer, support: none.
- demand: economic demand (of oil, consumer demand, demand that rises or is met) none; a
  demand by a political actor 100.
- meet, talks, meeting: meeting a target, deadline or demand is none; a board, shareholders,
  analysts or companies meeting is business, none.
- sign, agreement, contract, threat, bid and every other trigger: business modifiers or
  objects ("takeover threat", "merger agreement", "signed a contract") or company parties
  make it none.
- shoot: "shares shot up", shooting a film, "shot to the number one spot": none.
- attack: attacking a plan, or attacked by critics, is criticism (111); a cyber attack none.
- phone: the noun is a call only "by/over/on the phone" ("mobile phones" are devices).
- sign: "sign up customers" none. beat: an assault only with a cue of violence (police,
  "beaten to death", "beat up"), else a win. occupy: "occupying top spot" none.
- kill, injure, wound: none in an accident, by disease or nature, or "killed off" (fiction).
- host: hosting a show or a ceremony none. rally: "a rally in crude prices" none.
- demand: a bare singular "demand" (no article or possessor) is economic.

>>> from kg.extract.nlp import load_model
>>> nlp = load_model()
>>> [sense(nlp(s)[i]) for s, i in [("Rail workers began a strike.", 4), ("An air strike hit Gaza.", 2)]]
['143', '195']
>>> sense(nlp("The company withdrew its takeover bid.")[3]) is None
True
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from kg.extract import event_lexicon as lex
from kg.wordlists import table

#: The word sets of ``kg/wordlists/event-senses.tsv`` by name.
SETS: dict[str, frozenset[str]] = {}
for _name, _word in table("event-senses", columns=2):
    SETS[_name] = SETS.get(_name, frozenset()) | {_word}

_ENTITY_KINDS = {"PERSON": "Person", "ORG": "Organization", "GPE": "GeopoliticalEntity",
                 "NORP": "GeopoliticalEntity", "LOC": "Place", "FAC": "Place"}
_POLITICAL = ("Person", "Organization", "GeopoliticalEntity")
_LABOUR_VERBS = frozenset({"go", "stage", "call", "hold", "begin", "start", "launch", "continue",
                           "join", "end", "extend", "announce", "plan", "threaten", "vote"})

Kind = Callable[[Any], "str | None"]


def entity_kind(token: Any) -> str | None:
    """The actor kind spaCy's entity type gives a token ("Person", ..., or None).

    >>> from kg.extract.nlp import load_model
    >>> entity_kind(load_model()("Israel withdrew.")[0])
    'GeopoliticalEntity'
    """
    return _ENTITY_KINDS.get(token.ent_type_)


def lexicon_code(token: Any) -> str | None:
    """The code the lexicon gives a trigger token, before its context is read.

    >>> from kg.extract.nlp import load_model
    >>> lexicon_code(load_model()("Two air strikes.")[2])
    '195'
    """
    lemma = token.lemma_.lower()
    if token.pos_ == "VERB":
        entry = lex.verb_entry(lemma)
        return entry.cameo if entry else None
    if token.pos_ in ("NOUN", "PROPN"):
        if token.dep_ in ("dobj", "pobj") and (code := lex.support_pattern(token.head.lemma_, lemma)):
            return code
        entry = lex.noun_entry(lemma, [c.lemma_ for c in _modifiers(token)])
        return entry.cameo if entry else None
    return None


def sense(token: Any, code: str | None = None, *, kind: Kind = entity_kind) -> str | None:
    """The CAMEO code of trigger ``token`` in its context, or None when its sense is not a
    CAMEO interaction; ``code`` is the lexicon's (looked up when not given), ``kind`` the
    actor kind a token names.

    >>> from kg.extract.nlp import load_model
    >>> nlp = load_model()
    >>> sense(nlp("Shares of ChemLawn shot up.")[3]), sense(nlp("Police shot two protesters.")[1])
    (None, '193')
    """
    lemma = token.lemma_.lower()
    code = code if code is not None else lexicon_code(token)
    rule = _RULES.get(lemma)
    if rule is not None:
        return rule(token, code, kind)
    if code is None or _business(token, kind):
        return None
    return code


# -- context -----------------------------------------------------------------------------------
def _lemmas(tokens: Any) -> set[str]:
    return {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}


def _conj(tokens: list[Any]) -> list[Any]:
    out = []
    for t in tokens:
        out.append(t)
        out += [c for c in t.children if c.dep_ == "conj"]
    return out


def _modifiers(t: Any) -> list[Any]:
    """Compound, adjective and possessive modifiers before ``t`` (and their own compounds)."""
    out = []
    for c in t.children:
        if c.dep_ in ("compound", "amod", "nmod", "poss", "npadvmod") and c.i < t.i:
            out.append(c)
            out += [g for g in c.children if g.dep_ in ("compound", "amod")]
    return out


def _pobjs(t: Any, preps: tuple[str, ...]) -> list[Any]:
    return _conj([p for c in t.children if c.dep_ in ("prep", "agent") and c.lower_ in preps
                  for p in c.children if p.dep_ == "pobj"])


def _subjects(t: Any) -> list[Any]:
    """Who does it: the verb's subject (or its governor's, for "would continue", "who meet");
    a noun's possessor and "by" complement."""
    if t.pos_ == "VERB":
        subj = [c for c in t.children if c.dep_ in ("nsubj", "csubj")]
        subj += [p for c in t.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"]
        if not subj and t.dep_ in ("xcomp", "conj", "advcl") and t.head.i != t.i:
            subj = [c for c in t.head.children if c.dep_ == "nsubj"]
        if (not subj or all(s.tag_ in ("WP", "WDT") for s in subj)) and t.dep_ in ("relcl", "acl"):
            subj = [t.head]
        return _conj(subj)
    return _conj([c for c in t.children if c.dep_ == "poss"] + _pobjs(t, ("by", "of")))


def _objects(t: Any) -> list[Any]:
    """What it is done to: the verb's direct object (or passive subject), a noun's
    "of"/"on"/"against" complement."""
    if t.pos_ == "VERB":
        return _conj([c for c in t.children if c.dep_ in ("dobj", "nsubjpass")])
    return _pobjs(t, ("of", "on", "against"))


def _governor(t: Any) -> Any | None:
    """The verb a noun trigger is the subject, object or prepositional object of."""
    head = t.head
    if t.dep_ == "pobj":
        head = head.head
    return head if head.pos_ in ("VERB", "AUX") and head.i != t.i else None


def _company(t: Any) -> bool:
    ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
    return ent is not None and ent.label_ == "ORG" and ent[-1].lower_.strip(".") in SETS["company-names"]


def _political(tokens: list[Any], kind: Kind) -> bool:
    return any(kind(t) in _POLITICAL and not _company(t) for t in tokens)


def _business(t: Any, kind: Kind) -> bool:
    """Business modifiers or objects, or only companies and business people as parties."""
    objects = _objects(t)
    around = _modifiers(t) + objects + [m for o in objects for m in _modifiers(o)] + \
        [c for c in t.children if c.dep_ == "attr"]
    if _lemmas(around) & SETS["business"]:
        return True
    parties = _subjects(t) + _objects(t) + _pobjs(t, ("with", "to"))
    if parties and not _political(parties, kind) and (
            _lemmas(parties) & SETS["business"] or any(_company(p) for p in parties)):
        return True
    return False


def _score(tokens: Any, exclude: int) -> int:
    """Labour words minus military words among ``tokens``."""
    labour = military = 0
    for x in tokens:
        if x.i == exclude:
            continue
        lemma = x.lemma_.lower()
        labour += lemma in SETS["labour"]
        military += lemma in SETS["military"] or (x.ent_type_ == "NORP" and x.dep_ == "amod")
    return labour - military


def _labour_or_military(t: Any, code: str | None) -> str | None:
    """A strike with no cue of its own: the sentence decides, else the article."""
    for scope in (t.sent, t.doc):
        score = _score(scope, t.i)
        if score > 0:
            return "143"
        if score < 0:
            return code or "190"
    return code


# -- rules -------------------------------------------------------------------------------------
def _strike(t: Any, code: str | None, kind: Kind) -> str | None:
    mods = _lemmas(_modifiers(t))
    if "hunger" in mods:
        return "142"
    if t.pos_ != "VERB":
        if any(("strike", m) in lex.NOUN_MODIFIERS for m in mods):
            return code
        gov = _governor(t)
        if mods & SETS["labour"] or _lemmas(_subjects(t)) & SETS["labour"] or \
                (t.dep_ == "pobj" and t.head.lower_ == "on" and gov is not None):
            return "143"
        if gov is not None and gov.lemma_.lower() in _LABOUR_VERBS and \
                _lemmas(_subjects(gov)) & SETS["labour"]:
            return "143"
        if mods & SETS["military"] or _political(_modifiers(t), kind):
            return code
        return _labour_or_military(t, code)
    objects = _objects(t)
    if any(c.dep_ in ("oprd", "acomp") or (c.dep_ == "prep" and c.lower_ == "as") for c in t.children):
        return None  # "it strikes me odd", "struck him as a mistake"
    if _lemmas(objects) & SETS["strike-idioms"] or _lemmas(_subjects(t)) & SETS["nature"]:
        return None  # "struck a deal", "struck by lightning"
    if any(o.pos_ == "PRON" and o.lower_ in ("me", "us", "you") for o in objects):
        return None
    if _lemmas(_subjects(t)) & SETS["labour"]:
        return "143"
    if _political(_subjects(t) + objects, kind) or _lemmas(_subjects(t) + objects) & SETS["military"]:
        return code
    return _labour_or_military(t, None)


def _walk(t: Any, code: str | None, kind: Kind) -> str | None:
    parts = {c.lower_ for c in t.children if c.dep_ in ("prt", "prep", "advmod")}
    work = _lemmas(_pobjs(t, ("off", "out")) + [c for c in t.children if c.dep_ == "dobj"]) & {"job", "work"}
    if "off" in parts and work:
        return "143"
    if "out" in parts and (_lemmas(_subjects(t)) & SETS["labour"] or work):
        return "143"
    return None


def _fire(t: Any, code: str | None, kind: Kind) -> str | None:
    if t.pos_ != "VERB":
        return code  # only a pattern ("open fire") made the noun a trigger: a blaze is none
    objects = [c for c in t.children if c.dep_ == "dobj"]
    passive = [c for c in t.children if c.dep_ == "nsubjpass"]
    lemmas = _lemmas(objects + passive)
    if lemmas & SETS["artillery"]:
        return "194"
    if lemmas & SETS["projectiles"] or (_pobjs(t, ("at", "on", "into", "upon")) and not
                                        (lemmas & SETS["staff"] or _political(objects, kind))):
        return "193"
    if objects or passive:
        return None  # fired its chief executive, was fired
    if _lemmas(_subjects(t)) & (SETS["troops"] | SETS["military"]):
        return "193"
    return None


def _withdraw(t: Any, code: str | None, kind: Kind) -> str | None:
    objects = _objects(t) if t.pos_ == "VERB" else _pobjs(t, ("of",))
    lemmas = _lemmas(objects)
    if lemmas & SETS["troops"]:
        return code
    if objects:
        return None  # a plan, a bid, an offer, support, an ambassador
    subjects = _subjects(t)
    if _lemmas(subjects) & SETS["troops"]:
        return code
    places = _pobjs(t, ("from",))
    if kind and any(kind(p) in ("GeopoliticalEntity", "Place") for p in places) and \
            any(kind(s) == "GeopoliticalEntity" for s in subjects):
        return code
    return None


def _demand(t: Any, code: str | None, kind: Kind) -> str | None:
    if t.pos_ == "VERB":
        subjects = _subjects(t)
        if _lemmas(subjects) & SETS["business"] or any(_company(s) for s in subjects):
            return None
        return code if _political(subjects, kind) or any(s.pos_ in ("NOUN", "PRON") for s in subjects) else None
    if _lemmas(_modifiers(t)) & (SETS["economic"] | SETS["business"]):
        return None
    if _lemmas(_pobjs(t, ("for",))) & (SETS["economic"] | SETS["business"]):
        return None
    if (gov := _governor(t)) is not None and gov.lemma_.lower() in SETS["market-verbs"]:
        return None  # demand rose, meet demand
    if _pobjs(t, ("for",)) and not _political(_modifiers(t) + _subjects(t), kind):
        return None  # "demand for its products"
    if t.tag_ == "NN" and not any(c.dep_ in ("det", "poss") for c in t.children):
        return None  # "a dip in demand", "demand tapers off": a mass noun is economic
    return code


def _meet(t: Any, code: str | None, kind: Kind) -> str | None:
    objects = [c for c in t.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [p for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children if p.dep_ == "pobj"]
    if _lemmas(objects + [m for o in objects for m in _modifiers(o)]) & SETS["targets"]:
        return None  # met its targets, the demands were met, meeting our objectives
    if t.pos_ == "VERB" and any(c.dep_ == "nsubjpass" and kind(c) is None and c.pos_ == "NOUN" for c in t.children):
        return None  # "spending will be met by higher taxes"
    if t.lemma_.lower() == "talk" and t.tag_ == "NN" and not _pobjs(t, ("with", "between")):
        return None  # "the talk in the City is that": rumour, not talks
    owners = [c for c in t.children if c.dep_ == "poss"]
    if t.pos_ != "VERB" and not _political(owners + _pobjs(t, ("with", "between", "of")), kind) and \
            _lemmas(t.sent) & SETS["sport"]:
        return None  # an athletics meeting
    if _business(t, kind):
        return None
    parties = _subjects(t) + _objects(t) + _pobjs(t, ("with",))
    if parties and all(_company(p) or p.lemma_.lower() in SETS["business"] for p in parties):
        return None
    return code


def _shoot(t: Any, code: str | None, kind: Kind) -> str | None:
    if any(c.dep_ in ("prt", "advmod") and c.lower_ in ("up", "down", "higher", "lower") for c in t.children):
        return None  # shares shot up
    if _lemmas(_subjects(t)) & (SETS["business"] | SETS["filmed"]) or _lemmas(_objects(t)) & SETS["filmed"]:
        return None
    if _lemmas(_pobjs(t, ("to", "into", "on")) + [m for p in _pobjs(t, ("to", "into", "on")) for m in _modifiers(p)]) & \
            (SETS["positions"] | SETS["filmed"] | {"number", "chart"}):
        return None  # shot to the number one spot, shooting on the sequel
    return code


def _attack(t: Any, code: str | None, kind: Kind) -> str | None:
    if _lemmas(_objects(t)) & SETS["policy"] or _lemmas(_subjects(t)) & SETS["critics"]:
        return "111"  # attacked the plan, attacked by critics: criticism
    if _lemmas(_modifiers(t) + _subjects(t) + _objects(t)) & SETS["cyber"] or \
            (_score(t.sent, t.i) >= 0 and _lemmas(t.sent) & SETS["cyber"]):
        return None  # denial of service attacks, PCs open to attack
    return None if _business(t, kind) else code


def _phone(t: Any, code: str | None, kind: Kind) -> str | None:
    if t.pos_ == "VERB":
        return code
    if t.dep_ == "pobj" and t.head.lower_ in ("by", "over", "on", "via"):
        return code  # spoke by phone
    return None  # a mobile phone is a device


def _sign(t: Any, code: str | None, kind: Kind) -> str | None:
    if any(c.dep_ == "prt" and c.lower_ in ("up", "on", "off") for c in t.children):
        return None  # sign up customers
    return None if _business(t, kind) else code


def _beat(t: Any, code: str | None, kind: Kind) -> str | None:
    """Beating is an assault only with a cue of violence; else a win (sport, charts, prizes)."""
    cues = [c for c in t.children if c.dep_ in ("prt", "advmod", "prep", "agent", "nsubj")]
    cues += _pobjs(t, ("by", "to", "with")) + _subjects(t)
    if _lemmas(cues) & SETS["violence"]:
        return code
    return None


def _occupy(t: Any, code: str | None, kind: Kind) -> str | None:
    if _lemmas(_objects(t)) & SETS["positions"]:
        return None  # occupying top spot
    return code


def _harm(t: Any, code: str | None, kind: Kind) -> str | None:
    """Killing, injuring: none in an accident, by disease or nature, or "killed off" (fiction)."""
    if any(c.dep_ == "prt" and c.lower_ == "off" for c in t.children):
        return None
    causes = _pobjs(t, ("in", "by", "from", "during")) + _subjects(t)
    if _lemmas(causes + [m for c in causes for m in _modifiers(c)]) & (SETS["accident"] | SETS["nature"]):
        return None
    return code


def _host(t: Any, code: str | None, kind: Kind) -> str | None:
    hosted = _objects(t)
    if _lemmas(hosted) & SETS["hosted"]:
        return None  # hosting a show, an awards ceremony
    return code


def _rally(t: Any, code: str | None, kind: Kind) -> str | None:
    if _lemmas(_pobjs(t, ("in", "of")) + _subjects(t) + _modifiers(t)) & (SETS["business"] | SETS["economic"]):
        return None  # a rally in crude prices
    if t.pos_ == "VERB" and _lemmas(_subjects(t)) & (SETS["business"] | SETS["economic"]):
        return None  # shares rallied
    return code


_RULES: dict[str, Callable[[Any, "str | None", Kind], "str | None"]] = {
    "strike": _strike, "walk": _walk, "fire": _fire, "withdraw": _withdraw, "demand": _demand,
    "meet": _meet, "meeting": _meet, "talk": _meet, "summit": _meet, "shoot": _shoot,
    "attack": _attack, "phone": _phone, "sign": _sign, "beat": _beat, "occupy": _occupy, "kill": _harm,
    "injure": _harm, "wound": _harm, "host": _host, "rally": _rally,
}
