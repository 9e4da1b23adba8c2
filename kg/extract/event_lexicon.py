"""The reviewed trigger lexicon: lemmas of verbs and nouns -> CAMEO codes, plus patterns.

Triggers are found on the parse, never by string search: a token is a trigger when its
lemma and part of speech are listed here, and (for support-verb patterns such as "lay
siege") when the dependency the pattern names is present. Codes are CAMEO 1.1b3 notations
of ``ontology/event-types.ttl``; where the text does not say more, the root or the
"not specified" code is used ("kill" -> "18" Assault).

Each entry says which role the direct object (or the "of" complement of a noun) plays:
"patient" (done to: killed, arrested) or "recipient" (addressed to: telephoned, met).

>>> verb_entry("telephone").cameo, noun_entry("strike", ["air"]).cameo
('041', '195')
>>> support_pattern("lay", "siege")
'191'
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.wordlists import words


@dataclass(frozen=True)
class Entry:
    """One trigger lemma: its CAMEO code and the role of its object."""

    cameo: str
    object_role: str = "patient"
    needs: frozenset[str] = frozenset()  # a verb counts only with one of these prepositions


def _e(cameo: str, role: str = "patient", needs: str = "") -> Entry:
    return Entry(cameo, role, frozenset(needs.split()))


#: Verbs (by lemma).
VERBS: dict[str, Entry] = {
    # 04 consult
    "telephone": _e("041", "recipient"), "phone": _e("041", "recipient"),
    "meet": _e("040", "recipient"), "consult": _e("040", "recipient"),
    "speak": _e("040", "recipient", needs="with to"), "talk": _e("040", "recipient", needs="with to"),
    "visit": _e("042", "recipient"), "host": _e("043", "recipient"),
    "mediate": _e("045", "recipient"), "negotiate": _e("046", "recipient"),
    # 05 diplomatic cooperation
    "praise": _e("051"), "endorse": _e("051"), "apologize": _e("055", "recipient"),
    "apologise": _e("055", "recipient"), "forgive": _e("056"), "sign": _e("057"),
    # 06-08 cooperation, aid, yield
    "aid": _e("070", "recipient"), "withdraw": _e("087"),
    "retreat": _e("087"), "surrender": _e("087"),
    # 09-12 investigate, demand, disapprove, reject
    "investigate": _e("090"), "probe": _e("090"), "demand": _e("100"),
    "criticize": _e("111"), "criticise": _e("111"), "condemn": _e("111"), "denounce": _e("111"),
    "accuse": _e("112"), "sue": _e("115"), "convict": _e("116"), "reject": _e("120"),
    "veto": _e("129"),
    # 13 threaten, 14 protest, 15 force posture, 16 reduce relations
    "threaten": _e("130"), "protest": _e("140"), "demonstrate": _e("141", needs="against in outside"),
    "rally": _e("141"), "riot": _e("145"), "mobilize": _e("154"), "mobilise": _e("154"),
    "sanction": _e("163"), "boycott": _e("163"), "expel": _e("174"), "deport": _e("174"),
    # 17 coerce
    "arrest": _e("173"), "detain": _e("173"), "charge": _e("173", needs="with"), "jail": _e("173"),
    "imprison": _e("173"), "indict": _e("173"),
    # 18 assault, 19 fight, 20 mass violence
    "kill": _e("18"), "murder": _e("18"), "assault": _e("182"), "beat": _e("182"),
    "stab": _e("182"), "torture": _e("1822"), "abduct": _e("181"), "kidnap": _e("181"),
    "hijack": _e("181"), "assassinate": _e("186"), "execute": _e("18"),
    "attack": _e("190"), "strike": _e("190"), "raid": _e("190"), "invade": _e("192"),
    "occupy": _e("192"), "shoot": _e("193"), "shell": _e("194"), "bomb": _e("195"),
    "airstrike": _e("195"), "besiege": _e("191"), "blockade": _e("191"), "massacre": _e("20"),
    "wound": _e("18"), "injure": _e("18"),
}

#: Nouns (by lemma); the "of" complement plays ``object_role`` ("the killing of X").
NOUNS: dict[str, Entry] = {
    "call": _e("041", "recipient"), "phone": _e("041", "recipient"), "conversation": _e("040", "recipient"),
    "meeting": _e("040", "recipient"), "talk": _e("040", "recipient"), "summit": _e("040", "recipient"),
    "visit": _e("042", "recipient"), "negotiation": _e("046", "recipient"), "mediation": _e("045", "recipient"),
    "apology": _e("055", "recipient"), "agreement": _e("057"), "treaty": _e("057"), "aid": _e("070", "recipient"),
    "investigation": _e("090"), "probe": _e("090"), "demand": _e("100"), "condemnation": _e("111"),
    "accusation": _e("112"), "lawsuit": _e("115"), "threat": _e("130"), "ultimatum": _e("139"),
    "protest": _e("140"), "demonstration": _e("141"), "rally": _e("141"), "riot": _e("145"),
    "sanction": _e("163"), "embargo": _e("163"), "boycott": _e("163"), "expulsion": _e("174"),
    "arrest": _e("173"), "detention": _e("173"),
    "killing": _e("18"), "murder": _e("18"), "assault": _e("182"), "torture": _e("1822"),
    "abduction": _e("181"), "kidnapping": _e("181"), "hijacking": _e("181"), "assassination": _e("186"),
    "execution": _e("18"), "bombing": _e("183"), "attack": _e("190"), "strike": _e("190"),
    "raid": _e("190"), "offensive": _e("190"), "invasion": _e("192"), "occupation": _e("192"),
    "shooting": _e("193"), "shelling": _e("194"), "airstrike": _e("195"), "siege": _e("191"),
    "blockade": _e("191"), "massacre": _e("20"),
}

#: A noun trigger made more specific by a compound modifier ("air strikes", "rocket attack");
#: the modifier then belongs to the trigger mention.
NOUN_MODIFIERS: dict[tuple[str, str], str] = {
    ("strike", "air"): "195", ("strike", "drone"): "1952", ("strike", "missile"): "195",
    ("attack", "air"): "195", ("attack", "drone"): "1952", ("attack", "rocket"): "194",
    ("attack", "mortar"): "194", ("attack", "missile"): "194", ("attack", "suicide"): "183",
    ("attack", "bomb"): "183", ("attack", "terror"): "180", ("attack", "terrorist"): "180",
    ("call", "phone"): "041", ("call", "telephone"): "041", ("conversation", "telephonic"): "041",
    ("conversation", "telephone"): "041", ("conversation", "phone"): "041",
}

#: Support-verb patterns: verb lemma + object lemma -> code; the trigger is the object noun
#: and the verb's subject is the agent ("demonstrators laid siege to the embassy").
SUPPORT_PATTERNS: dict[tuple[str, str], str] = {
    ("lay", "siege"): "191", ("take", "hostage"): "181", ("open", "fire"): "190",
    ("hold", "talk"): "040", ("hold", "meeting"): "040", ("make", "call"): "041",
    ("place", "call"): "041", ("carry", "attack"): "190", ("carry", "strike"): "190",
}

#: Verbs whose subject is the agent of the event noun they take as object
#: ("launched a strike", "orchestrated attacks"); "receive" makes its subject the recipient.
SUPPORT_VERBS = words("support-verbs")
RECEIVING_VERBS = words("receiving-verbs")

#: Agents whose siege, blockade or attack is a protest (CAMEO 14x rather than 19x).
PROTESTERS = words("protesters")
#: The protest code that replaces a military code when protesters act.
PROTEST_CODE = "144"

#: Governing verbs that make the event they introduce hypothetical ("threatened to strike").
HYPOTHETICAL_GOVERNORS = words("hypothetical-governors")
#: Modal auxiliaries that make an event hypothetical ("would protect", "may attack").
MODALS = words("modals")
#: Governing verbs that deny the event they introduce ("denied attacking", "refused to meet").
NEGATING_GOVERNORS = words("negating-governors")


def verb_entry(lemma: str) -> Entry | None:
    """The entry of a verb lemma."""
    return VERBS.get(lemma.lower())


def noun_entry(lemma: str, modifiers: list[str] | tuple[str, ...] = ()) -> Entry | None:
    """The entry of a noun lemma, refined by a compound modifier where one is listed."""
    lemma = lemma.lower()
    for mod in modifiers:
        if (code := NOUN_MODIFIERS.get((lemma, mod.lower()))):
            base = NOUNS.get(lemma)
            return Entry(code, base.object_role if base else "patient")
    return NOUNS.get(lemma)


def support_pattern(verb_lemma: str, noun_lemma: str) -> str | None:
    """The code of a support-verb pattern ("lay" + "siege")."""
    return SUPPORT_PATTERNS.get((verb_lemma.lower(), noun_lemma.lower()))
