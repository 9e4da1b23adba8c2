"""The notebook front-end: ``%%sparql`` magic, widgets, network views and plots (read side only).

Load the magic with ``%load_ext kg.notebook``. The widgets take a store from :func:`connect`
(read-only, so ``kg ingest`` or a server may hold the write lock)::

    from kg.notebook import connect, ActorExplorer
    ActorExplorer(connect())

>>> sorted(__all__)[:3]
['ActorExplorer', 'EventBrowser', 'IRI']
"""

from __future__ import annotations

from importlib.util import find_spec
from typing import Any

#: What the notebook side imports beyond the pipeline: the ``lab`` extra.
LAB_MODULES = ("IPython", "ipywidgets", "matplotlib", "pyvis")

if missing := [name for name in LAB_MODULES if find_spec(name) is None]:
    raise ModuleNotFoundError(f"kg.notebook needs {', '.join(missing)}, which the core install leaves out: "
                              f"pip install 'newskg[lab]'")

from kg.model import IRI  # noqa: E402
from kg.notebook.connect import connect, forget  # noqa: E402
from kg.notebook.event_browser import EventBrowser  # noqa: E402
from kg.notebook.explorer import ActorExplorer  # noqa: E402
from kg.notebook.workbench import SparqlWorkbench  # noqa: E402
from kg.ontology import example_queries  # noqa: E402

__all__ = ["ActorExplorer", "EventBrowser", "IRI", "SparqlWorkbench", "connect", "example_queries",
           "forget", "load_ipython_extension"]


def load_ipython_extension(ipython: Any) -> None:
    """Register ``%%sparql`` (called by ``%load_ext kg.notebook``); DataFrames then show
    whole cell texts (pandas cuts them at 50 characters by default)."""
    import pandas as pd

    from kg.notebook.magic import SparqlMagics

    pd.set_option("display.max_colwidth", None)

    ipython.register_magics(SparqlMagics)
