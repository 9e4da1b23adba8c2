"""Sentence boundaries the parser must respect, set before it runs (``newskg_boundaries``).

* The first line of a text is its title: it ends a sentence where the line ends (the title
  keeps its own offsets inside the article text and is never read as part of the body).
* A paragraph break ends a sentence.
* A closing quotation mark after ``.``, ``?`` or ``!`` ends the sentence when a capitalised
  word or a new quotation follows ('... must run." Union leader ...').
* An abbreviation with a period inside a sentence ("Corp.", "Ltd.", "Co.") does not end it
  when a lower-case word follows.

>>> from kg.extract.nlp import load_model
>>> doc = load_model()('Strike halts trains\\nPARIS - "The door is open." Union leader Ann Roy spoke.')
>>> [s.text for s in doc.sents]
['Strike halts trains\\n', 'PARIS - "The door is open."', 'Union leader Ann Roy spoke.']
"""

from __future__ import annotations

from typing import Any

NAME = "newskg_boundaries"
_CLOSING = frozenset(['"', "”", "''"])
_OPENING = frozenset(['"', "“", "``"])
#: Abbreviations that end in a period and usually stand inside a sentence.
ABBREVIATIONS = frozenset("corp co inc ltd bros plc llc jr sr mr mrs ms dr gen col lt sen rep gov st no vs".split())


def set_boundaries(doc: Any) -> Any:
    """Mark the sentence starts (and non-starts) described above on ``doc``; returns ``doc``."""
    first_line = True
    for i, tok in enumerate(doc):
        if i == 0:
            continue
        prev = doc[i - 1]
        if tok.is_space:
            continue
        if prev.is_space and "\n" in prev.text and ("\n\n" in prev.text.replace(" ", "") or first_line):
            tok.is_sent_start = True
        elif first_line and "\n" in prev.whitespace_:
            tok.is_sent_start = True
        elif prev.text in _CLOSING and i >= 2 and doc[i - 2].text in (".", "?", "!") \
                and not doc[i - 2].whitespace_ and prev.whitespace_ and (tok.is_title or tok.text in _OPENING):
            tok.is_sent_start = True
        elif prev.text == "." and i >= 2 and doc[i - 2].lower_.rstrip(".") in ABBREVIATIONS and tok.is_lower:
            tok.is_sent_start = False
        elif prev.text.endswith(".") and prev.lower_.rstrip(". ") in ABBREVIATIONS and tok.is_lower:  # "Co ." merged
            tok.is_sent_start = False
        if "\n" in prev.text or "\n" in prev.whitespace_:
            first_line = False
    return doc


def register() -> None:
    """Register the component with spaCy (once)."""
    from spacy.language import Language

    if NAME not in Language.factories:
        Language.component(NAME, func=set_boundaries)
