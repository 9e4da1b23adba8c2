"""The extractors' word lists as data files, each read once: ``<kind>.txt`` (one entry a line)
and ``<kind>.tsv`` (tables: one row a line, tab-separated); ``#`` starts a comment line.

Each file says in its first line what it is for (a table's second line names its columns).
The country table ``countries.tsv`` (names, short forms, demonyms) is read by
:mod:`kg.extract.gazetteer`.

>>> "general" in words("honorifics"), phrases("multiword-cues")
(True, ('according to',))
>>> ("lay", "siege", "191") in table("event-support-patterns", columns=3)
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


@lru_cache(maxsize=None)
def table(kind: str, *, columns: int) -> tuple[tuple[str, ...], ...]:
    """The rows of ``<kind>.tsv``, each ``columns`` fields long (missing trailing fields are "").

    :raises InputError: no such table, or a row with more fields (naming the file and line).
    """
    path = files(__name__) / f"{kind}.tsv"
    if not path.is_file():
        raise InputError(f"kg/wordlists/{kind}.tsv: no such table")
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split("\t")]
        if len(fields) > columns:
            raise InputError(f"kg/wordlists/{kind}.tsv:{number}: {len(fields)} fields, expected {columns}")
        rows.append(tuple(fields + [""] * (columns - len(fields))))
    return tuple(rows)


@lru_cache(maxsize=None)
def words(kind: str) -> frozenset[str]:
    """The entries of ``<kind>.txt`` as a set (built once a kind, like the lists themselves)."""
    return frozenset(phrases(kind))
