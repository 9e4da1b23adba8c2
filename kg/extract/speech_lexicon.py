"""Reviewed cue lexicon of reported speech, keyed on lemmas, with the channel each cue implies.

Kept small and explicit. ``VERB_CUES`` maps a verb lemma to the channel it implies (``None``
when the verb says nothing about the medium). ``CONTENT_OBJECT_CUES`` are the cues whose
direct object (or ``on``/``about`` object) can be the content when no clause follows
("reiterated the need for ..."). ``CHANNEL_PATTERNS`` find the channel in the sentence around
the cue ("in a statement", "during the telephonic conversation").

>>> cue_channel("tweet"), cue_channel("say"), is_verb_cue("emphasise"), is_verb_cue("kill")
('Tweet', None, True, False)
>>> sentence_channel("ISPR in a statement said that ...")
'PressStatement'
"""

from __future__ import annotations

import re

#: Verbs of saying, keyed on lemma; the value is the channel the verb itself implies.
VERB_CUES: dict[str, str | None] = {
    **dict.fromkeys("""
    say tell add state announce confirm emphasise emphasize reiterate warn deny claim accuse insist
    explain note argue suggest report stress declare acknowledge admit assert maintain predict
    promise vow pledge urge ask reply respond answer comment remark recall reveal disclose
    allege contend concede observe caution complain charge testify affirm underline underscore
    highlight inform assure estimate conclude mention repeat demand proclaim threaten boast
    """.split(), None),
    # stances and attitudes that news attribute like speech (PolNeAR annotates them as attributions)
    **dict.fromkeys("""
    call describe criticize criticise praise endorse cite blame reject dismiss question propose
    agree decline refuse want hope believe think expect fear plan continue
    """.split(), None),
    "tweet": "Tweet", "retweet": "Tweet", "post": "SocialMediaPost", "write": "WrittenStatement",
}

#: Cues whose object can carry the content when there is no clause ("reiterated the need for X").
CONTENT_OBJECT_CUES = frozenset("""
emphasise emphasize reiterate stress underline underscore highlight announce confirm deny
warn demand repeat acknowledge admit predict promise pledge vow urge reveal disclose
""".split())

#: Cues whose ``xcomp`` ("wants to triple ...", "told him to leave") is the content.
XCOMP_CUES = frozenset("""
tell inform assure warn urge ask remind promise vow pledge threaten demand want hope plan decline
refuse agree propose expect continue
""".split())

#: Cues whose indirect object (or direct object when a clause follows) is an addressee.
ADDRESSEE_CUES = frozenset("tell inform assure warn urge ask remind brief".split())

#: Cues that continue an earlier statement of the same speaker (channel and event carry over).
CONTINUATION_CUES = frozenset("add continue".split())

#: Verbs of talking-with whose ``with`` objects are a statement's addressees ("spoken with X").
TALK_WITH = frozenset("speak talk confer consult".split())

#: Multi-word cues found on the surface, lower-cased.
MULTIWORD_CUES = ("according to",)

#: Words spaCy mistakes for a noun at the end of a subject ("DG ISPR futher said").
STRAY_SUBJECT_WORDS = frozenset("further futher furthur also again later earlier then".split())

#: The channel named in the sentence around a cue, first match wins.
CHANNEL_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (channel, re.compile(pattern, re.IGNORECASE)) for channel, pattern in (
        ("Tweet", r"\btweet(?:s|ed|ing)?\b|\btwitter\b"),
        ("SocialMediaPost", r"\bfacebook\b|\binstagram\b|\bsocial media\b"),
        ("PhoneCall", r"\btelephon\w*|\bphone\b|\bcall(?:ed)? (?:him|her|them)\b"),
        ("PressConference", r"\b(?:press|news) conference\b|\bbriefing\b"),
        ("Interview", r"\binterview\b"),
        ("PressStatement", r"\b(?:in|issued) a (?:\w+ )?statement\b|\bpress release\b|\bcommuniqu"),
        ("Speech", r"\bspeech\b|\baddress(?:ing|ed)? (?:a|the) (?:rally|crowd|nation|parliament|assembly)\b"),
        ("WrittenStatement", r"\bletter\b|\bop-ed\b|\bcolumn\b"),
    ))


def is_verb_cue(lemma: str) -> bool:
    """Whether a verb lemma is a cue of reported speech."""
    return lemma.lower() in VERB_CUES


def cue_channel(lemma: str) -> str | None:
    """The channel a cue verb implies by itself ("tweet" -> "Tweet"), else ``None``."""
    return VERB_CUES.get(lemma.lower())


def sentence_channel(sentence: str) -> str | None:
    """The channel a sentence names ("in a statement" -> "PressStatement"), else ``None``."""
    for channel, pattern in CHANNEL_PATTERNS:
        if pattern.search(sentence):
            return channel
    return None
