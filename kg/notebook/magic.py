"""The ``%%sparql`` cell magic: SPARQL against the default store, another folder or an endpoint URL.

Usage (after ``%load_ext kg.notebook``)::

    %%sparql [--store DIR|URL] [-o NAME] [--graph [--from COL --to COL --label COL]] [--max-nodes N]
    SELECT ?label WHERE { ?a rdfs:label ?label FILTER(?label = $name) }

The ontology's prefixes are preloaded. ``$name`` and ``{name}`` refer to Python variables of
the notebook; they are bound as RDF terms (``kg.model.IRI`` values as IRIs, other values as
literals), never pasted into the text, so a value with quotes or braces cannot change the
query. SELECT gives a pandas DataFrame (also stored in ``NAME`` with ``-o``); CONSTRUCT and
DESCRIBE results, and SELECT with ``--graph``, are drawn as a network; errors are shown in
the cell's output with their position in the query.

>>> substitute('SELECT * WHERE { ?a rdfs:label {who} } # {who}', {"who": 'x" } ; DROP ALL ; #'})
('SELECT * WHERE { ?a rdfs:label ?who  } # {who}', {'who': 'x" } ; DROP ALL ; #'})
"""

from __future__ import annotations

import datetime as dt
import difflib
import html
import re
import time
from decimal import Decimal
from typing import Any

from IPython.core.magic import Magics, cell_magic, magics_class
from IPython.core.magic_arguments import argument, magic_arguments, parse_argstring
from IPython.display import HTML, display

from kg.errors import NewskgError, QueryError, QuerySyntaxError
from kg.notebook.connect import connect
from kg.notebook.graph import Graph, columns_graph, graph_from_triples, kind_of
from kg.notebook.network import GraphView
from kg.notebook.queries import describe_nodes, property_labels
from kg.notebook.render import error_box
from kg.queries import load
from kg.store import KGStore

_BINDABLE = (str, int, float, bool, dt.date, Decimal)
_NAME = r"[A-Za-z_][A-Za-z0-9_]*"
_DOLLAR = re.compile(rf"\$({_NAME})")
_BRACED = re.compile(rf"\{{\s*({_NAME})\s*\}}")


def _code_spans(sparql: str) -> list[tuple[int, int]]:
    """Spans of the text outside comments, string literals and IRIs."""
    spans, start, i, n = [], 0, 0, len(sparql)
    while i < n:
        c = sparql[i]
        skip_to = None
        if c == "#":
            end = sparql.find("\n", i)
            skip_to = n if end < 0 else end
        elif c in "'\"":
            quote = c * 3 if sparql.startswith(c * 3, i) else c
            j = i + len(quote)
            while j < n and not sparql.startswith(quote, j):
                j += 2 if sparql[j] == "\\" else 1
            skip_to = min(j + len(quote), n)
        elif c == "<" and i + 1 < n and not sparql[i + 1].isspace() and sparql[i + 1] not in "=<":
            end = sparql.find(">", i)
            if end > 0 and not any(ch in sparql[i:end] for ch in " \n\t"):
                skip_to = end + 1
        if skip_to is not None:
            spans.append((start, i))
            start = i = skip_to
        else:
            i += 1
    spans.append((start, n))
    return spans


def substitute(sparql: str, namespace: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """The query with ``{name}`` turned into the variable ``?name``, and the bindings to pass.

    ``$name`` is already a SPARQL variable; it is bound to the notebook variable ``name``, which
    must exist (a misspelt ``$name`` is an error, not a silent filter on nothing; ``?name`` is
    the way to write a plain SPARQL variable).
    Positions are kept (``{name}`` becomes ``?name`` plus a space), so error columns match.
    Comments, strings and IRIs are left alone.

    :raises QueryError: a ``$name`` is no notebook variable, or holds a value that is not an RDF term.

    >>> substitute("SELECT * WHERE { ?s ?p $x }", {"x": 3})
    ('SELECT * WHERE { ?s ?p $x }', {'x': 3})
    >>> substitute('SELECT * WHERE { ?s ?p "$x" }', {"x": 3})
    ('SELECT * WHERE { ?s ?p "$x" }', {})
    >>> substitute("SELECT * WHERE { ?s rdfs:label $nmae }", {"name": "Mike Pompeo"})
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: $nmae is not a variable of this notebook (did you mean $name? set it in a Python cell first, or write ?nmae for a SPARQL variable)
    """
    out, bindings, last = [], {}, 0

    def known(name: str) -> None:
        if name in namespace and not name.startswith("_"):
            return
        close = difflib.get_close_matches(name, [n for n in namespace if not n.startswith("_")], n=1)
        hint = f"did you mean ${close[0]}? " if close else ""
        raise QueryError(f"${name} is not a variable of this notebook ({hint}set it in a Python cell "
                         f"first, or write ?{name} for a SPARQL variable)")

    def bind(name: str) -> bool:
        if name not in namespace or name.startswith("_"):
            return False
        value = namespace[name]
        if not isinstance(value, _BINDABLE):
            raise QueryError(f"cannot bind ${name}: a {type(value).__name__} is not an RDF term "
                             "(use a str, kg.model.IRI, number, bool or date)")
        bindings[name] = value
        return True

    for begin, end in _code_spans(sparql):
        out.append(sparql[last:begin])
        chunk = sparql[begin:end]
        for m in _DOLLAR.finditer(chunk):
            known(m.group(1))
            bind(m.group(1))

        def braced(m: re.Match[str]) -> str:
            name = m.group(1)
            return f"?{name}".ljust(len(m.group(0))) if bind(name) else m.group(0)

        out.append(_BRACED.sub(braced, chunk))
        last = end
    out.append(sparql[last:])
    return "".join(out), bindings


def error_html(error: NewskgError) -> HTML:
    """An inline error box in the theme's colours; syntax errors keep their line, column and caret."""
    title = "SPARQL syntax error" if isinstance(error, QuerySyntaxError) else type(error).__name__
    return HTML(error_box(str(error), title=title))


def where_it_went_wrong(error: QuerySyntaxError) -> QuerySyntaxError:
    """The error placed where the user's text went wrong: Oxigraph names the spot where it
    gave up, often the next line's ``}`` after a missing term; when only blanks and closing
    brackets stand before that spot on its line, the error moves to the end of the text before.

    >>> e = QuerySyntaxError("expected one of LATERAL", query="SELECT ?a WHERE {\\n  ?a ?b\\n}", line=3, column=2)
    >>> moved = where_it_went_wrong(e)
    >>> moved.line, moved.column, str(moved).splitlines()[1:]
    (2, 8, ['    ?a ?b', '         ^'])
    """
    lines = error.query.splitlines()
    line, column = error.line, error.column
    if not line or not column or line > len(lines) + 1:
        return error
    moved = False
    while line > 1 and not (lines[line - 1] if line <= len(lines) else "")[: column - 1].strip(" \t})]"):
        line -= 1
        column, moved = len(lines[line - 1].rstrip()) + 1, True
    if not moved:
        return error
    return QuerySyntaxError(f"{error.message} (the parser stopped at line {error.line}, column {error.column})",
                            query=error.query, line=line, column=column)


def run_query(store: KGStore, sparql: str, bindings: dict[str, Any]) -> Any:
    """Run a query; a syntax error is placed where the user's text went wrong.

    :raises QuerySyntaxError: located by :func:`where_it_went_wrong`.
    """
    try:
        return store.query(sparql, bindings=bindings)
    except QuerySyntaxError as e:
        raise where_it_went_wrong(e) from e


def described(store: KGStore, graph: Graph) -> Graph:
    """The graph with labels and kinds of its IRI nodes read from the store (its own win);
    a node that is a label (``"Mike Pompeo"``) gets the kind of what it names, where one kind."""
    labels, kinds = describe_nodes(store, [f"<{n}>" for n in graph.nodes() if not n.startswith(('"', "_:"))])
    literals = {n[1:-1]: n for n in graph.nodes() if n.startswith('"')}
    if literals:
        named: dict[str, set[str]] = {}
        for text, node in literals.items():  # one index lookup per label, not a list of every label
            for row in store.select(load("notebook/label-kinds"), bindings={"label": text}):
                named.setdefault(node, set()).add(kind_of([row["class"]]))
        kinds.update({n: next(iter(k)) for n, k in named.items() if len(k) == 1})
    graph.labels = {**labels, **graph.labels}
    graph.kinds = {**kinds, **graph.kinds}
    return graph


def rows_graph(store: KGStore, rows: Any, *, source: str | None = None, target: str | None = None,
               label: str | None = None) -> Graph:
    """A network from SELECT rows: ``?s ?p ?o`` columns as triples, else ``source`` -> ``target``
    (by default the first two columns; values that are labels are nodes too), edges labelled
    with the ``label`` column or the target's name."""
    names = rows.variables
    if source is None and target is None and {"s", "p", "o"} <= set(names):
        triples = [(t["s"], t["p"], t["o"]) for t in rows.terms if {"s", "p", "o"} <= set(t)]
        return described(store, graph_from_triples(triples, edge_labels=property_labels(store)))
    if len(names) < 2 and (source is None or target is None):
        raise QueryError("a graph needs two columns (from and to): this result has "
                         f"{len(names)}; select two, e.g. SELECT ?a ?b")
    for column in (source, target, label):
        if column is not None and column not in names:
            raise QueryError(f"no column {column!r} in the result (columns: {', '.join(names)})")
    return described(store, columns_graph(rows, source or names[0], target or names[1], label=label,
                                          edge_labels=property_labels(store)))


def graph_output(graph: Graph, *, max_nodes: int, what: str = "the query") -> Any:
    """The network view of a graph, or a message when there is nothing to draw."""
    if not graph.nodes():
        return HTML(f'<p class="kg-empty"><i>Nothing to draw: {html.escape(what)} gave no nodes.</i></p>')
    return GraphView(graph, max_nodes=max_nodes, widen_hint="--max-nodes {n}")


@magics_class
class SparqlMagics(Magics):
    """The ``%%sparql`` magic."""

    @magic_arguments()
    @argument("--store", "-s", default=None, metavar="DIR|URL",
              help="Store folder or SPARQL endpoint URL [default: $NEWSKG_STORE or data/store].")
    @argument("-o", "--output", default=None, metavar="NAME",
              help="Also store the result (a DataFrame for SELECT) in this variable.")
    @argument("--graph", action="store_true", help="Draw SELECT results as a network.")
    @argument("--from", dest="source", default=None, metavar="COL", help="Graph edges start at this column.")
    @argument("--to", dest="target", default=None, metavar="COL", help="Graph edges end at this column.")
    @argument("--label", default=None, metavar="COL", help="Graph edge labels from this column.")
    @argument("--max-nodes", type=int, default=150, help="Node cap of drawn networks.")
    @cell_magic
    def sparql(self, line: str, cell: str) -> Any:
        """Run the cell as SPARQL with the ontology's prefixes; ``$name``/``{name}`` bind Python values."""
        args = parse_argstring(self.sparql, line)
        try:
            store = connect(args.store)
            text, bindings = substitute(cell, self.shell.user_ns)
            started = time.perf_counter()
            result = run_query(store, text, bindings)
            elapsed = time.perf_counter() - started
        except NewskgError as e:
            display(error_html(e))
            return None
        if isinstance(result, bool):
            if args.output:
                self.shell.user_ns[args.output] = result
            return result
        if isinstance(result, list) and not hasattr(result, "variables"):  # CONSTRUCT / DESCRIBE
            if args.output:
                self.shell.user_ns[args.output] = result
            graph = described(store, graph_from_triples(result, edge_labels=property_labels(store)))
            display(HTML(f"<small>{len(result)} triples in {elapsed:.3f} s</small>"))
            display(graph_output(graph, max_nodes=args.max_nodes, what="the CONSTRUCT"))
            return None
        df = result.to_dataframe()
        if args.output:
            self.shell.user_ns[args.output] = df
        display(HTML(f"<small>{len(df)} rows in {elapsed:.3f} s</small>"))
        if args.graph:
            try:
                graph = rows_graph(store, result, source=args.source, target=args.target, label=args.label)
            except NewskgError as e:
                display(error_html(e))
                return None
            display(graph_output(graph, max_nodes=args.max_nodes))
            return None
        return df


__all__ = ["SparqlMagics", "substitute"]
