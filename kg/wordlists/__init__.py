"""The extractors' word lists as data files: ``<kind>.txt``, one entry a line, ``#`` comments.

Each file says in its first line what its words are for; each is read once. The country
table ``countries.tsv`` (names, short forms, demonyms) is read by :mod:`kg.extract.gazetteer`.

>>> "general" in words("honorifics"), phrases("multiword-cues")
(True, ('according to',))
>>> frozenset({"mike", "michael"}) <= groups("given-name-variants")[0]
True
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources import files

from kg.errors import InputError


@lru_cache(maxsize=None)
def phrases(kind: str) -> tuple[str, ...]:
    """The entries of ``<kind>.txt`` in file order (blank lines and ``#`` comments left out).

    :raises InputError: there is no such list.
    """
    path = files(__name__) / f"{kind}.txt"
    if not path.is_file():
        raise InputError(f"kg/wordlists/{kind}.txt: no such word list")
    lines = (line.strip() for line in path.read_text(encoding="utf-8").splitlines())
    return tuple(line for line in lines if line and not line.startswith("#"))


def words(kind: str) -> frozenset[str]:
    """The entries of ``<kind>.txt`` as a set."""
    return frozenset(phrases(kind))


def groups(kind: str) -> tuple[frozenset[str], ...]:
    """The lines of ``<kind>.txt`` as groups of space-separated words."""
    return tuple(frozenset(line.split()) for line in phrases(kind))
