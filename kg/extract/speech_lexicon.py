"""Reviewed cue lexicon of reported speech, keyed on lemmas, with the channel each cue implies.

The lists are data files of :mod:`kg.wordlists`. ``VERB_CUES`` maps a verb lemma to the channel it implies (``None``
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

from kg.wordlists import phrases, table, words

#: Verbs of saying, keyed on lemma; the value is the channel the verb itself implies.
VERB_CUES: dict[str, str | None] = {lemma: channel or None for lemma, channel in table("speech-verbs", columns=2)}

#: Cues whose object can carry the content when there is no clause ("reiterated the need for X").
CONTENT_OBJECT_CUES = words("content-object-cues")
#: Cues whose ``xcomp`` ("wants to triple ...", "told him to leave") is the content.
XCOMP_CUES = words("xcomp-cues")
#: Cues whose indirect object (or direct object when a clause follows) is an addressee.
ADDRESSEE_CUES = words("addressee-cues")
#: Cues that continue an earlier statement of the same speaker (channel and event carry over).
CONTINUATION_CUES = words("continuation-cues")
#: Verbs of talking-with whose ``with`` objects are a statement's addressees ("spoken with X").
TALK_WITH = words("talk-with")
#: Multi-word cues found on the surface, lower-cased.
MULTIWORD_CUES = phrases("multiword-cues")
#: Verbs that never make a statement, whatever the trained head tags ("want", "continue").
NOT_CUES = words("not-cues")
#: Words spaCy mistakes for a noun at the end of a subject ("DG ISPR further said").
STRAY_SUBJECT_WORDS = words("stray-subject-words")


def is_stray_subject_word(word: str) -> bool:
    """A stray word at the end of a subject, or a misspelling one edit away from a long one.

    >>> [is_stray_subject_word(w) for w in ("Further", "futher", "furthur", "father", "latter")]
    [True, True, True, False, False]
    """
    word = word.lower()
    return word in STRAY_SUBJECT_WORDS or (len(word) >= 5 and any(
        len(stray) >= 5 and _one_edit_apart(word, stray) for stray in STRAY_SUBJECT_WORDS))


def _one_edit_apart(a: str, b: str) -> bool:
    """One letter changed, or left out or added beside a different one ("later" is no "latter")."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short and long_[i] not in long_[max(i - 1, 0):i] + long_[i + 1:i + 2]
               for i in range(len(long_)))


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
