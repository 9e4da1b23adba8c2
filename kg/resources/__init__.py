"""Files that ship inside the package, read through :mod:`importlib.resources`.

``kg/resources/ontology``, ``notebooks`` and ``sample`` are symbolic links to the top-level
``ontology/``, ``notebooks/`` and ``data/`` folders (one copy in git); building the wheel
copies what they hold into the package (``pyproject.toml``, ``[tool.setuptools.package-data]``),
so a checkout, an editable install and a wheel installed anywhere read the same files.

>>> resource("ontology/newskg.ttl").name
'newskg.ttl'
>>> sorted(p.name for p in resource("ontology/queries").iterdir() if p.name.endswith(".rq"))[0]
'actors-in-most-articles.rq'
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

from kg.errors import InputError


def resource(name: str) -> Traversable:
    """A shipped file or folder, by its path under ``kg/resources`` (e.g. ``ontology/shapes.ttl``).

    :raises InputError: it is not there (an incomplete installation).

    >>> resource("sample/articles.jsonl").is_file()
    True
    """
    path = files(__name__).joinpath(*name.split("/"))
    if not (path.is_file() or path.is_dir()):
        raise InputError(f"kg/resources/{name}: not found in the installed package (reinstall newskg)")
    return path
