"""The notebook front-end: ``%%sparql`` magic, widgets, pyvis graphs and plots (read side only).

Load the magic with ``%load_ext kg.notebook``. The widgets take a store from :func:`connect`
(read-only, so ``kg ingest`` or a server may hold the write lock)::

    from kg.notebook import connect, ActorExplorer
    ActorExplorer(connect())

>>> sorted(__all__)[:3]
['ActorExplorer', 'EventBrowser', 'IRI']
"""

from __future__ import annotations

from typing import Any

from kg.model import IRI
from kg.notebook.connect import connect, example_queries, forget
from kg.notebook.events import EventBrowser
from kg.notebook.explorer import ActorExplorer
from kg.notebook.workbench import SparqlWorkbench

__all__ = ["ActorExplorer", "EventBrowser", "IRI", "SparqlWorkbench", "connect", "example_queries",
           "forget", "load_ipython_extension"]


def load_ipython_extension(ipython: Any) -> None:
    """Register ``%%sparql`` (called by ``%load_ext kg.notebook``)."""
    from kg.notebook.magic import SparqlMagics

    ipython.register_magics(SparqlMagics)
