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

from kg.wordlists import table, words


@dataclass(frozen=True)
class Entry:
    """One trigger lemma: its CAMEO code and the role of its object."""

    cameo: str
    object_role: str = "patient"
    needs: frozenset[str] = frozenset()  # a verb counts only with one of these prepositions


#: Verbs (by lemma): ``kg/wordlists/event-verbs.tsv``.
VERBS: dict[str, Entry] = {lemma: Entry(cameo, role, frozenset(needs.split()))
                           for lemma, cameo, role, needs in table("event-verbs", columns=4)}
#: Nouns (by lemma); the "of" complement plays ``object_role`` ("the killing of X").
NOUNS: dict[str, Entry] = {lemma: Entry(cameo, role) for lemma, cameo, role in table("event-nouns", columns=3)}
#: A noun trigger made more specific by a compound modifier ("air strikes", "rocket attack");
#: the modifier then belongs to the trigger mention.
NOUN_MODIFIERS: dict[tuple[str, str], str] = {
    (noun, modifier): cameo for noun, modifier, cameo in table("event-noun-modifiers", columns=3)}
#: Support-verb patterns: verb lemma + object lemma -> code; the trigger is the object noun
#: and the verb's subject is the agent ("demonstrators laid siege to the embassy").
SUPPORT_PATTERNS: dict[tuple[str, str], str] = {
    (verb, obj): cameo for verb, obj, cameo in table("event-support-patterns", columns=3)}

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
