"""The SPARQL texts the package runs, one ``.rq`` file each, loaded by name.

Internal queries live here as package data, one folder per user of them
(``evaluate/``, ``notebook/``, ``store/``, ...); the user-facing example queries live in the
project's ``ontology/queries/``. A name is the path below this folder without ``.rq``.

>>> "nif:isString" in load("evaluate/texts")
True
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from kg.errors import InputError


@lru_cache(maxsize=None)
def load(name: str) -> str:
    """The text of the internal query ``name`` (e.g. ``"evaluate/texts"``).

    :raises InputError: there is no query of that name.

    >>> load("no/such/query")
    Traceback (most recent call last):
    ...
    kg.errors.InputError: no query 'no/such/query' in kg/queries (a .rq file of that name)
    """
    path = resources.files(__name__).joinpath(*f"{name}.rq".split("/"))
    if not path.is_file():
        raise InputError(f"no query {name!r} in kg/queries (a .rq file of that name)")
    return path.read_text(encoding="utf-8")
