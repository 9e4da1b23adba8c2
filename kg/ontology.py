"""Where the ontology files are, and which ``nkg:`` terms they declare.

The ontology lives in the repository's ``ontology/`` folder: ``newskg.ttl`` (classes and
properties), ``event-types.ttl`` (the CAMEO/PLOVER SKOS schemes) and ``shapes.ttl`` (SHACL).

>>> [p.name for p in ontology_files()]
['newskg.ttl', 'event-types.ttl', 'shapes.ttl']
>>> "https://w3id.org/newskg/ns#Statement" in declared_terms()
True
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from rdflib import RDF, Graph

from kg.errors import InputError
from kg.vocab import NKG

#: The ontology files, in load order.
ONTOLOGY_FILES = ("newskg.ttl", "event-types.ttl", "shapes.ttl")
#: The files the store always holds in its ontology graph (the shapes are for validation only).
STORE_FILES = ONTOLOGY_FILES[:2]


def ontology_dir() -> Path:
    """The repository's ``ontology/`` folder, found next to the ``kg`` package.

    >>> ontology_dir().name
    'ontology'
    """
    return Path(__file__).resolve().parent.parent / "ontology"


def ontology_files() -> list[Path]:
    """The Turtle files of the ontology: ``newskg.ttl``, ``event-types.ttl``, ``shapes.ttl``.

    :raises InputError: a file is missing (e.g. ``kg`` installed without its repository).

    >>> all(p.is_file() for p in ontology_files())
    True
    """
    paths = [ontology_dir() / name for name in ONTOLOGY_FILES]
    for path in paths:
        if not path.is_file():
            raise InputError(f"{path}: ontology file not found (is kg installed from its repository?)")
    return paths


def declared_terms() -> set[str]:
    """IRIs in the ``nkg:`` namespace that the ontology declares (subjects of ``rdf:type``).

    :raises InputError: an ontology file is missing.

    >>> terms = declared_terms()
    >>> {NKG + "Article", NKG + "speaker", NKG + "Direct", NKG + "EventTypes"} <= terms
    True
    >>> NKG + "heldAccordingTo" in terms
    False
    """
    return set(_declared_terms(tuple((p, p.stat().st_mtime_ns) for p in ontology_files())))


@lru_cache(maxsize=4)
def _declared_terms(files: tuple[tuple[Path, int], ...]) -> frozenset[str]:
    # Keyed on (path, modification time), so an edited file is read again.
    graph = Graph()
    for path, _ in files:
        graph.parse(path, format="turtle")
    return frozenset(str(s) for s in graph.subjects(RDF.type) if str(s).startswith(NKG))
