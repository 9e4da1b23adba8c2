"""The SPARQL workbench widget: example queries, a highlighting editor with line numbers,
query parameters, and results as a sortable/filterable/paged table, a graph of any two
columns (or of a CONSTRUCT) or a chart, with CSV/JSON downloads and inline errors.

>>> import tempfile
>>> from kg.store import open_store
>>> with open_store(tempfile.mkdtemp()) as store:
...     wb = SparqlWorkbench(store)
...     df = wb.run("SELECT ?x WHERE { VALUES ?x { 1 2 3 } }")
...     wb.status.value.startswith("3 rows"), wb.source.value
(True, 'x')
"""

from __future__ import annotations

import datetime as dt
import html
import re
import time
from typing import Any

import ipywidgets as w

from kg.errors import NewskgError, QueryError
from kg.model import IRI
from kg.notebook import queries
from kg.notebook.charts import COUNT, KINDS, chart, numeric_columns
from kg.notebook.editor import SparqlEditor
from kg.notebook.graph import Graph, collapse_statements, graph_from_triples
from kg.notebook.magic import _code_spans, described, rows_graph, run_query
from kg.notebook.network import GraphView
from kg.notebook.queries import property_labels
from kg.notebook.render import RestartHint, download_links, error_box, figure_html, shows_errors
from kg.notebook.tables import result_table
from kg.ontology import example_queries
from kg.store import KGStore

_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)|!\s*BOUND\s*\(\s*\?([A-Za-z_][A-Za-z0-9_]*)\s*\)", re.I)
_NONE = "— your query —"


def parameters(sparql: str) -> list[str]:
    """The query's parameters: ``$name`` variables, and ``?name`` tested with ``!BOUND(?name)``
    (optional filters, as the example queries write them); comments and strings are skipped.

    >>> parameters('SELECT * WHERE { ?a rdfs:label $name FILTER(!BOUND(?from) || ?d > ?from) } # $not')
    ['name', 'from']
    """
    found: dict[str, None] = {}
    for begin, end in _code_spans(sparql):
        for m in _PARAM.finditer(sparql[begin:end]):
            found.setdefault(m.group(1) or m.group(2))
    return list(found)


def parse_value(text: str) -> Any:
    """A parameter's value as typed: ``<iri>`` an IRI, an ISO date a date, digits a number, else text.

    >>> parse_value("<http://ex.org/a>"), parse_value("2020-01-03"), parse_value("19"), parse_value("Mike Pompeo")
    ('http://ex.org/a', datetime.date(2020, 1, 3), 19, 'Mike Pompeo')
    """
    text = text.strip()
    if text.startswith("<") and text.endswith(">"):
        return IRI(text[1:-1])
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return text


class SparqlWorkbench(RestartHint, w.VBox):
    """Example queries of ``ontology/queries/``, editor, parameters, run, results as table,
    graph or chart, row count and time, CSV/JSON downloads and inline errors."""

    def __init__(self, store: KGStore, *, page_size: int = 20, max_nodes: int = 150) -> None:
        self.store, self.page_size, self.max_nodes = store, page_size, max_nodes
        self.examples = example_queries()
        self.picker = w.Dropdown(options=[(_NONE, "")] + [(k, k) for k in self.examples],
                                 layout=w.Layout(width="50%"))
        self.picker.add_class("kg-example-picker")
        self.editor = SparqlEditor(rows=8)
        self.params = w.HBox(layout=w.Layout(flex_flow="row wrap"))
        self.param_inputs: dict[str, w.Text] = {}
        self.run_button = w.Button(description="Run", button_style="primary", icon="play",
                                   tooltip="Run the query (Shift+Enter in the editor)")
        self.view = w.ToggleButtons(options=["table", "graph", "chart"], value="table")
        self.status = w.HTML()
        self.downloads = w.HTML()
        self.message = w.HTML()
        self.message.add_class("kg-message")
        self.results = w.VBox()
        self.results.add_class("kg-results")
        self.source = w.Dropdown(description="from", layout=w.Layout(width="220px"))
        self.target = w.Dropdown(description="to", layout=w.Layout(width="220px"))
        self.edge_label = w.Dropdown(description="label", layout=w.Layout(width="220px"))
        self.x = w.Dropdown(description="x", layout=w.Layout(width="220px"))
        self.y = w.Dropdown(description="y", layout=w.Layout(width="260px"))
        self.kind = w.Dropdown(description="kind", options=KINDS, layout=w.Layout(width="180px"))
        self.graph_view: GraphView | None = None
        self.result: Any = None
        self.frame: Any = None
        self._loading = self._quiet = False
        self.picker.observe(self._pick, names="value")
        self.editor.observe(self._edited, names="value")
        self.editor.on_run(self.run)
        self.run_button.on_click(lambda _: self.run())
        for control in (self.view, self.source, self.target, self.edge_label, self.x, self.y, self.kind):
            control.observe(lambda _: None if self._quiet else self._render(), names="value")
        super().__init__([
            self.picker, self.editor, self.params,
            w.HBox([self.run_button, self.view, self.status, self.downloads]), self.message, self.results])

    # -- the query ---------------------------------------------------------------------------------------

    @shows_errors("message")
    def _pick(self, change: dict[str, Any]) -> None:
        if change["new"] and not self._loading:
            self._loading = True
            try:
                self.editor.value = self.examples[change["new"]]
            finally:
                self._loading = False
            self._clear(f"Loaded <b>{html.escape(change['new'])}</b>: set its parameters (if any) and press Run.")

    def _edited(self, change: dict[str, Any]) -> None:
        self._update_params()
        if self._loading:
            return
        if self.picker.value and change["new"] != self.examples.get(self.picker.value):
            self._loading = True  # the text is no longer the example: the picker says so, and
            try:                  # picking the example again reloads it
                self.picker.value = ""
            finally:
                self._loading = False

    def _update_params(self) -> None:
        names = parameters(self.editor.value)
        if names == list(self.param_inputs):
            return
        old = self.param_inputs
        self.param_inputs = {n: old.get(n) or w.Text(description=f"${n}", placeholder="unset",
                                                      layout=w.Layout(width="260px")) for n in names}
        for name, box in self.param_inputs.items():
            box.add_class(f"kg-param-{name}")
        self.params.children = list(self.param_inputs.values())

    def bindings(self) -> dict[str, Any]:
        """The parameters that have a value, typed as :func:`parse_value` reads them."""
        return {n: parse_value(box.value) for n, box in self.param_inputs.items() if box.value.strip()}

    def _clear(self, message: str = "") -> None:
        self.result, self.frame, self.graph_view = None, None, None
        self.status.value = self.downloads.value = ""
        self.results.children = []
        self.message.value = message

    def run(self, query: str | None = None, *, bindings: dict[str, Any] | None = None) -> Any:
        """Run the editor's query (or ``query``) with the parameters set (or ``bindings``);
        returns the DataFrame, triples, bool, or None on error (shown inline)."""
        if query is not None:
            self.editor.value = query
        self._clear()
        started = time.perf_counter()
        try:
            result = run_query(self.store, self.editor.value, {**self.bindings(), **(bindings or {})})
        except NewskgError as e:
            self.message.value = error_box(str(e))
            return None
        elapsed = time.perf_counter() - started
        self.result = result
        if hasattr(result, "to_dataframe"):
            self.frame = result.to_dataframe()
            self.status.value = f"{len(self.frame)} rows in {elapsed:.3f} s &nbsp;"
            self.downloads.value = download_links(self.frame)
            self._columns(result.variables)
        elif isinstance(result, list):
            self.status.value = f"{len(result)} triples in {elapsed:.3f} s &nbsp;"
            self.view.value = "graph"
        else:
            self.status.value = f"{result} (ASK) in {elapsed:.3f} s"
        self._render()
        return self.frame if self.frame is not None else result

    def _columns(self, names: list[str]) -> None:
        """Offer the result's columns to the graph and chart pickers (keeping choices that still fit)."""
        numbers = numeric_columns(self.frame)
        text = [n for n in names if n not in numbers] or names
        spo = {"s", "p", "o"} <= set(names)  # triples as rows: s -p-> o
        choices = {self.source: (names, "s" if spo else text[0]),
                   self.target: (names, "o" if spo else (text[1:] or names[1:] or names)[0]),
                   self.edge_label: (["", *names], "p" if spo else numbers[0] if numbers else ""),
                   self.x: (names, text[0]), self.y: ([COUNT, *numbers], numbers[0] if numbers else COUNT)}
        keeps = {control: control.value if control.value in values and control.value else default
                 for control, (values, default) in choices.items()}
        if keeps[self.source] == keeps[self.target]:  # a kept choice met the other's default
            keeps[self.target] = next((n for n in names if n != keeps[self.source]), keeps[self.target])
        for control, (values, _) in choices.items():
            options = [(v or "(target column's name)", v) for v in values]
            keep = keeps[control]
            self._quiet = True
            try:
                control.options = options
                control.value = keep
            finally:
                self._quiet = False

    # -- the results -------------------------------------------------------------------------------------

    def graph(self) -> Graph:
        """The graph of the current result: the CONSTRUCT's triples, or the chosen two columns."""
        if isinstance(self.result, list) and not hasattr(self.result, "variables"):
            return described(self.store, graph_from_triples(self.result, edge_labels=property_labels(self.store)))
        if self.source.value == self.target.value:
            raise QueryError(f"graph from {self.source.value!r} to itself: pick two different columns")
        return rows_graph(self.store, self.result, source=self.source.value, target=self.target.value,
                          label=self.edge_label.value or None)

    def _expand(self, node: str) -> Graph:
        if node.startswith(('"', "_:")):
            return Graph()
        return collapse_statements(queries.ego_graph(self.store, node, co_mentions=10))

    @shows_errors("message")
    def _render(self) -> None:
        result = self.result
        if result is None:
            return
        self.message.value = ""
        if isinstance(result, bool):
            self.results.children = [w.HTML(f"<p><b>{result}</b></p>")]
            return
        is_rows = hasattr(result, "variables")
        if self.view.value == "table" and is_rows:
            self.results.children = [result_table(result, page_size=self.page_size)]
        elif self.view.value == "chart" and is_rows:
            figure = chart(self.frame, self.x.value, self.y.value, kind=self.kind.value) if len(self.frame) else None
            self.results.children = [w.HBox([self.x, self.y, self.kind]),
                                     w.HTML(figure_html(figure) if figure else "<p><i>no rows to chart</i></p>")]
        elif self.view.value in ("graph", "chart", "table"):
            controls = [w.HBox([self.source, self.target, self.edge_label])] if is_rows else []
            try:
                graph = self.graph()
            except NewskgError as e:
                self.results.children = controls
                self.message.value = error_box(str(e))
                return
            if not graph.nodes():
                self.graph_view = None
                self.results.children = controls + [w.HTML(
                    '<p class="kg-empty"><i>Nothing to draw: the result gives no nodes'
                    f'{" in these columns" if is_rows else ""}.</i></p>')]
                return
            self.graph_view = GraphView(graph, max_nodes=self.max_nodes,
                                        widen_hint="SparqlWorkbench(store, max_nodes={n})", expand=self._expand)
            self.results.children = controls + [self.graph_view]
