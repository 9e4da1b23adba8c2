"""Reviewed word lists the actor extractor relies on (titles, honorifics, group nouns).

Kept small and explicit: each list says what it is for. Comparisons are case-insensitive
on the token text with any final period removed.

>>> is_title_word("Gen."), is_title_word("Pompeo")
(True, False)
"""

from __future__ import annotations

#: Ranks and honorifics: never part of a person's name.
HONORIFICS = frozenset("""
mr mrs ms miss dr prof sir dame lord lady madam sheikh sheik imam ayatollah rev reverend
father pope saint st general gen lieutenant lt colonel col major maj captain capt admiral adm
commander cmdr sergeant sgt brigadier marshal field corporal cpl private pvt
""".split())

#: Words of posts and offices that news put before a name ("Secretary Pompeo", "COAS Bajwa").
TITLE_WORDS = frozenset("""
president vice prime minister secretary chancellor premier governor senator sen representative rep
congressman congresswoman mayor chief deputy director spokesman spokeswoman spokesperson ambassador
envoy king queen prince princess emperor judge justice attorney treasurer chairman chairwoman chair
speaker leader foreign defence defense interior state army navy air staff coas dg ceo cfo head
commissioner minister-designate president-elect first lady member politburo official officer
inspector superintendent constable sheriff provost dean chancellor-elect
""".split())

#: Multi-word titles whose capitalised words spaCy mistakes for organisations ("Secretary of State").
TITLE_PHRASES = (
    "Secretary of State", "Secretary-General", "Secretary General", "Chief of Army Staff",
    "Chief of Staff", "Chief of the Army Staff", "Chief of Naval Staff", "Chief of Air Staff",
    "Chief of General Staff", "Chief of the General Staff", "Chairman of the Joint Chiefs of Staff",
    "Secretary of Defense", "Secretary of the Treasury", "Secretary of Homeland Security",
    "Secretary of the Interior", "Secretary of Commerce", "Secretary of Energy", "Minister of State",
    "Foreign Secretary", "Home Secretary", "Defence Secretary", "Attorney General", "Surgeon General",
    "Director General", "Director-General", "Inspector General", "Prime Minister", "Foreign Minister",
    "Defence Minister", "Defense Minister", "Interior Minister", "Finance Minister", "Army Chief",
)

#: Head nouns that make a name before them an organisation ("Kataeb Hezbollah paramilitary group").
ORG_HEADS = frozenset("""
group force forces militia party movement organisation organization company corporation firm
agency army ministry council committee union network brigade brigades faction coalition alliance
bank court team club government administration department office regime rebels insurgents
front league association federation institute university college school newspaper channel
""".split())

#: Event nouns a nationality adjective can act through ("an American strike" -> the US acted).
ACTING_HEADS = frozenset("""
strike strikes airstrike airstrikes attack attacks raid raids bombing bombings offensive invasion
sanction sanctions operation operations killing assassination drone missile missiles troops forces
military army navy government administration officials authorities diplomats delegation
intervention occupation blockade siege retaliation response decision proposal plan demand
""".split())

#: Function words skipped when matching an acronym to the words it abbreviates.
ACRONYM_GLUE = frozenset({"of", "and", "the", "for", "on", "in", "de", "&"})


def _norm(word: str) -> str:
    return word.lower().rstrip(".")


def is_honorific(word: str) -> bool:
    """A rank or honorific ("General", "Mr.")."""
    return _norm(word) in HONORIFICS


def is_title_word(word: str) -> bool:
    """A rank, honorific or word of a post ("Secretary", "COAS")."""
    return _norm(word) in HONORIFICS or _norm(word) in TITLE_WORDS
