"""Where the ontology files are, and which ``nkg:`` terms they declare.

The ontology lives in the repository's ``ontology/`` folder: ``newskg.ttl`` (classes and
properties), ``event-types.ttl`` (the CAMEO/PLOVER SKOS schemes) and ``shapes.ttl`` (SHACL).
It ships inside the package (:mod:`kg.resources`) and is read through ``importlib.resources``.

>>> [p.name for p in ontology_files()]
['newskg.ttl', 'event-types.ttl', 'shapes.ttl']
>>> "https://w3id.org/newskg/ns#Statement" in declared_terms()
True
"""

from __future__ import annotations

from functools import lru_cache
from importlib.resources.abc import Traversable

from rdflib import RDF, Graph

from kg.resources import resource
from kg.vocab import NKG

#: The ontology files, in load order.
ONTOLOGY_FILES = ("newskg.ttl", "event-types.ttl", "shapes.ttl")
#: The files the store always holds in its ontology graph (the shapes are for validation only).
STORE_FILES = ONTOLOGY_FILES[:2]


def ontology_dir() -> Traversable:
    """The ``ontology/`` folder as shipped in the package.

    >>> (ontology_dir() / "context.jsonld").is_file()
    True
    """
    return resource("ontology")


def ontology_files() -> list[Traversable]:
    """The Turtle files of the ontology: ``newskg.ttl``, ``event-types.ttl``, ``shapes.ttl``.

    :raises InputError: a file is missing (an incomplete installation).

    >>> all(p.is_file() for p in ontology_files())
    True
    """
    return [resource(f"ontology/{name}") for name in ONTOLOGY_FILES]


def ontology_text(name: str) -> str:
    """The text of one file of ``ontology/`` (e.g. ``shapes.ttl``, ``context.jsonld``).

    :raises InputError: there is no such file.

    >>> ontology_text("newskg.ttl").startswith("@prefix")
    True
    """
    return resource(f"ontology/{name}").read_text(encoding="utf-8")


def example_queries() -> dict[str, str]:
    """The example queries of ``ontology/queries/``: file stem -> SPARQL text, sorted by name.

    >>> "actors-in-most-articles" in example_queries()
    True
    """
    files = sorted((p for p in resource("ontology/queries").iterdir() if p.name.endswith(".rq")),
                   key=lambda p: p.name)
    return {p.name[:-3]: p.read_text(encoding="utf-8") for p in files}


def declared_terms() -> set[str]:
    """IRIs in the ``nkg:`` namespace that the ontology declares (subjects of ``rdf:type``).

    :raises InputError: an ontology file is missing.

    >>> terms = declared_terms()
    >>> {NKG + "Article", NKG + "speaker", NKG + "Direct", NKG + "EventTypes"} <= terms
    True
    >>> NKG + "heldAccordingTo" in terms
    False
    """
    return set(_declared_terms(tuple(ontology_text(name) for name in ONTOLOGY_FILES)))


@lru_cache(maxsize=4)
def _declared_terms(texts: tuple[str, ...]) -> frozenset[str]:
    # Keyed on the files' texts, so an edited file is read again.
    graph = Graph()
    for text in texts:
        graph.parse(data=text, format="turtle")
    return frozenset(str(s) for s in graph.subjects(RDF.type) if str(s).startswith(NKG))
