"""The word lists the actor extractor relies on (titles, honorifics, group nouns), from
:mod:`kg.wordlists`; each list says what it is for. Comparisons are case-insensitive
on the token text with any final period removed.

>>> is_title_word("Gen."), is_title_word("Pompeo")
(True, False)
"""

from __future__ import annotations

from functools import lru_cache

from nicknames import NickNamer

from kg.wordlists import phrases, words

#: Ranks and honorifics: never part of a person's name.
HONORIFICS = words("honorifics")
#: Words of posts and offices that news put before a name ("Secretary Pompeo", "COAS Bajwa").
TITLE_WORDS = words("title-words")
#: Multi-word titles whose capitalised words spaCy mistakes for organisations ("Secretary of State").
TITLE_PHRASES = phrases("title-phrases")
#: Nouns of armed or political groups ("the Kataeb Hezbollah paramilitary group").
GROUP_NOUNS = words("group-nouns")
#: Head nouns that make a name before them an organisation: the group nouns and more.
ORG_HEADS = GROUP_NOUNS | words("org-heads")
#: Event nouns a nationality adjective can act through ("an American strike" -> the US acted).
ACTING_HEADS = words("acting-heads")
#: Function words skipped when matching an acronym to the words it abbreviates.
FUNCTION_WORDS = words("function-words")


def _norm(word: str) -> str:
    return word.lower().rstrip(". ")  # "Mr.", and "Msgr ." of a tokenized text


def is_honorific(word: str) -> bool:
    """A rank or honorific ("General", "Mr.")."""
    return _norm(word) in HONORIFICS


def is_title_word(word: str) -> bool:
    """A rank, honorific or word of a post ("Secretary", "COAS")."""
    return _norm(word) in HONORIFICS or _norm(word) in TITLE_WORDS


@lru_cache(maxsize=1)
def nicknamer() -> NickNamer:
    """The ``nicknames`` package's table of given names and their nicknames (Mike/Michael),
    loaded once, on first use, for the extractor and identity alike."""
    return NickNamer()


@lru_cache(maxsize=1 << 16)
def is_given_name(word: str) -> bool:
    """Whether a word in lower case is a given name or nickname of that table.

    >>> is_given_name("lindsay"), is_given_name("lohan")
    (True, False)
    """
    names = nicknamer()
    return bool(names.nicknames_of(word) or names.canonicals_of(word))
