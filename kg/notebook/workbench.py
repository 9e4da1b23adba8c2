"""The SPARQL workbench widget: example queries, editor, run, paged table or graph, downloads.

>>> import tempfile
>>> from kg.store import open_store
>>> with open_store(tempfile.mkdtemp()) as store:
...     wb = SparqlWorkbench(store)
...     df = wb.run("SELECT ?x WHERE { VALUES ?x { 1 2 3 } }")
...     wb.status.value.startswith("3 rows")
True
"""

from __future__ import annotations

import time
from typing import Any

import ipywidgets as w

from kg.errors import NewskgError
from kg.ontology import example_queries
from kg.notebook.graph import graph_from_triples, iframe, network_page
from kg.notebook.magic import rows_graph, run_query
from kg.notebook.queries import describe_nodes, property_labels
from kg.notebook.render import download_links, error_box, table_html
from kg.store import KGStore


class SparqlWorkbench(w.VBox):
    """Editor with the example queries of ``ontology/queries/``, run button, paged results,
    row count and time, CSV/JSON download, table/graph toggle and inline errors."""

    def __init__(self, store: KGStore, *, page_size: int = 20, max_nodes: int = 150) -> None:
        self.store, self.page_size, self.max_nodes = store, page_size, max_nodes
        self.examples = example_queries()
        self.picker = w.Dropdown(options=[("— example queries —", "")] + [(k, k) for k in self.examples],
                                 layout=w.Layout(width="50%"))
        self.editor = w.Textarea(placeholder="SELECT ... (prefixes nkg:, rdfs:, sem:, org:, ... are preloaded)",
                                 layout=w.Layout(width="100%", height="180px"))
        self.run_button = w.Button(description="Run", button_style="primary", icon="play")
        self.view = w.ToggleButtons(options=["table", "graph"], value="table")
        self.prev_button = w.Button(description="◀", layout=w.Layout(width="40px"))
        self.next_button = w.Button(description="▶", layout=w.Layout(width="40px"))
        self.page_label = w.HTML()
        self.status = w.HTML()
        self.downloads = w.HTML()
        self.output = w.HTML()
        self.output.add_class("kg-results")
        self.result: Any = None
        self.frame: Any = None
        self.page = 0
        self.picker.observe(self._pick, names="value")
        self.run_button.on_click(lambda _: self.run())
        self.view.observe(lambda _: self._render(), names="value")
        self.prev_button.on_click(lambda _: self._turn(-1))
        self.next_button.on_click(lambda _: self._turn(1))
        super().__init__([
            self.picker, self.editor,
            w.HBox([self.run_button, self.view, self.prev_button, self.page_label, self.next_button]),
            w.HBox([self.status, self.downloads]), self.output])

    def _pick(self, change: dict[str, Any]) -> None:
        if change["new"]:
            self.editor.value = self.examples[change["new"]]

    def _turn(self, step: int) -> None:
        pages = max(1, -(-len(self.frame) // self.page_size)) if self.frame is not None else 1
        self.page = min(max(0, self.page + step), pages - 1)
        self._render()

    def run(self, query: str | None = None, *, bindings: dict[str, Any] | None = None) -> Any:
        """Run the editor's query (or ``query``); returns the DataFrame, triples, bool or None on error."""
        if query is not None:
            self.editor.value = query
        self.page, self.frame, self.result = 0, None, None
        self.downloads.value = ""
        started = time.perf_counter()
        try:
            result = run_query(self.store, self.editor.value, bindings or {})
        except NewskgError as e:
            self.status.value = ""
            self.output.value = error_box(str(e))
            return None
        elapsed = time.perf_counter() - started
        self.result = result
        if hasattr(result, "to_dataframe"):
            self.frame = result.to_dataframe()
            self.status.value = f"{len(self.frame)} rows in {elapsed:.3f} s &nbsp;"
            self.downloads.value = download_links(self.frame)
        elif isinstance(result, list):
            self.status.value = f"{len(result)} triples in {elapsed:.3f} s &nbsp;"
            self.view.value = "graph"
        else:
            self.status.value = f"{result} (ASK) in {elapsed:.3f} s"
        self._render()
        return self.frame if self.frame is not None else result

    def _render(self) -> None:
        result = self.result
        self.page_label.value = ""
        if result is None:
            return
        if isinstance(result, bool):
            self.output.value = f"<p><b>{result}</b></p>"
        elif self.view.value == "graph":
            if hasattr(result, "to_dataframe"):
                graph = rows_graph(self.store, result)
            else:
                graph = graph_from_triples(result, edge_labels=property_labels(self.store))
                labels, kinds = describe_nodes(self.store, [f"<{n}>" for n in graph.nodes()])
                graph.labels, graph.kinds = {**labels, **graph.labels}, {**kinds, **graph.kinds}
            self.output.value = iframe(network_page(graph, max_nodes=self.max_nodes), height=540)
        elif self.frame is not None:
            pages = max(1, -(-len(self.frame) // self.page_size))
            start = self.page * self.page_size
            self.page_label.value = f"&nbsp;page {self.page + 1} / {pages}&nbsp;"
            self.output.value = table_html(self.frame.iloc[start:start + self.page_size])
        else:
            self.output.value = "<p>CONSTRUCT/DESCRIBE results are shown as a graph.</p>"
