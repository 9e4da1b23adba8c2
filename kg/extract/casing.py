"""Make all-caps lines (headlines) readable to the tagger without moving any offset.

>>> text = "POMPEO CALLS US ALLIES\\nThe US said so."
>>> model_text(text).splitlines()[0]
'Pompeo Calls US Allies'
>>> len(model_text(text)) == len(text)
True
"""

from __future__ import annotations

import re

_WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*")


def _is_shouting(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    words = _WORD.findall(line)
    return len(words) >= 3 and len(letters) >= 8 and sum(c.isupper() for c in letters) >= 0.9 * len(letters)


def _acronyms(text: str) -> set[str]:
    """Upper-case words the text also uses in its normal-case lines (US, NATO, COAS)."""
    found: set[str] = set()
    for line in text.splitlines():
        if not _is_shouting(line):
            found.update(w for w in _WORD.findall(line) if len(w) > 1 and w.isupper())
    return found


def _recase(word: str, keep: set[str]) -> str:
    if word in keep or len(word) == 1:
        return word
    cased = word[0] + word[1:].lower()
    return cased if len(cased) == len(word) else word


def model_text(text: str) -> str:
    """The text with all-caps lines in title case (acronyms kept), same length as the input."""
    if not any(_is_shouting(line) for line in text.splitlines()):
        return text
    keep = _acronyms(text)
    out = []
    for line in text.splitlines(keepends=True):
        if _is_shouting(line):
            line = _WORD.sub(lambda m: _recase(m.group(0), keep), line)
        out.append(line)
    result = "".join(out)
    return result if len(result) == len(text) else text
