"""The %%sparql magic in a real IPython shell against real on-disk stores."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

from kg.errors import QueryError
from kg.model import IRI
from kg.notebook import connect, forget
from kg.notebook.magic import substitute
from notebook_data import HOSTILE, build, snapshot

WIDGET = "application/vnd.jupyter.widget-view+json"


@pytest.fixture(scope="module")
def path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    p = build(tmp_path_factory.mktemp("magic") / "store")
    yield p
    forget(p)


@pytest.fixture(scope="module")
def shell() -> InteractiveShell:
    sh = InteractiveShell.instance()
    sh.run_line_magic("load_ext", "kg.notebook")
    return sh


def run(shell: InteractiveShell, line: str, cell: str):
    with capture_output() as out:
        result = shell.run_cell_magic("sparql", line, cell)
    html = "".join(o.data.get("text/html", "") for o in out.outputs)
    return result, html


def test_select_with_prefixes_and_output(shell: InteractiveShell, path: Path) -> None:
    df, html = run(shell, f"--store {path} -o posts", "SELECT ?label WHERE { ?a org:holds/rdfs:label ?label } ORDER BY ?label")
    assert list(df["label"]) == ['Secretary of State', 'Spokes"person" <b>']
    assert shell.user_ns["posts"].equals(df)
    assert "2 rows in" in html


@pytest.mark.parametrize("ref", ["$who", "{who}", "{ who }"])
def test_hostile_variable_is_a_bound_literal(shell: InteractiveShell, path: Path, ref: str) -> None:
    before = snapshot(connect(path))
    shell.user_ns["who"] = HOSTILE
    df, html = run(shell, f"--store {path}", f"SELECT ?a ?who WHERE {{ ?a rdfs:label {ref} }}")
    assert list(df["a"]) == ["https://w3id.org/newskg/id/actor/x"] and list(df["who"]) == [HOSTILE]
    assert snapshot(connect(path)) == before


def test_iri_values_and_strings_left_alone(shell: InteractiveShell, path: Path) -> None:
    shell.user_ns["who"] = IRI("https://w3id.org/newskg/id/actor/mike-pompeo")
    shell.user_ns["n"] = 1
    df, _ = run(shell, f"--store {path}", 'SELECT ?l ("$who {n}" AS ?raw) WHERE { $who rdfs:label ?l } LIMIT {n}')
    assert df is None  # LIMIT cannot take a variable: {n} became ?n, a syntax error
    df, _ = run(shell, f"--store {path}", 'SELECT ?l ("$who {n}" AS ?raw) WHERE { $who rdfs:label ?l } # {n}')
    assert list(df["l"]) == ["Mike Pompeo"] and list(df["raw"]) == ["$who {n}"]


def test_syntax_error_inline_with_position(shell: InteractiveShell, path: Path) -> None:
    shell.user_ns["who"] = "Mike Pompeo"
    result, html = run(shell, f"--store {path}", "SELECT ?a WHERE {\n  ?a rdfs:label {who} .\n  ?a ?b\n}")
    assert result is None
    # the object missing after ?b on line 3: Oxigraph stops at the next line's brace
    assert "kg-error" in html and "line 3, column 8" in html and "  ?a ?b\n" in html and "line 4, column 2)" in html


def test_unbindable_value_is_reported(shell: InteractiveShell, path: Path) -> None:
    shell.user_ns["things"] = [1, 2]
    result, html = run(shell, f"--store {path}", "SELECT * WHERE { ?s ?p $things }")
    assert result is None and "cannot bind $things: a list" in html
    with pytest.raises(QueryError):
        substitute("SELECT * WHERE { ?s ?p {things} }", {"things": {}})


def views(shell: InteractiveShell, line: str, cell: str) -> tuple[list[Any], str, int]:
    """The network views a magic cell displays, its HTML, and the size of its outputs as saved."""
    from ipywidgets.widgets.widget import _instances

    with capture_output() as out:
        shell.run_cell_magic("sparql", line, cell)
    bundles = [o.data for o in out.outputs]
    shown = [_instances[b[WIDGET]["model_id"]] for b in bundles if WIDGET in b]
    return shown, "".join(b.get("text/html", "") for b in bundles), len(json.dumps(bundles))


def test_construct_and_graph_are_drawn(shell: InteractiveShell, path: Path) -> None:
    shown, html, size = views(shell, f"--store {path} -o triples", "CONSTRUCT { ?a org:holds ?p . ?p rdfs:label ?l } "
                              "WHERE { ?a org:holds ?p . ?p rdfs:label ?l }")
    assert len(shell.user_ns["triples"]) == 4 and "4 triples" in html
    (view,) = shown
    assert {e["label"] for e in view.edges} == {"holds"} and len(view.edges) == 2
    assert {"Mike Pompeo", "Secretary of State"} <= {n["label"] for n in view.nodes}
    assert size < 2_000  # the saved output refers to the widget; vis-network is not inlined
    shown, html, _ = views(shell, f"--store {path} --graph -o rows", "SELECT ?post ?postIn WHERE { ?post org:postIn ?postIn }")
    assert len(shell.user_ns["rows"]) == 1
    assert [e["label"] for e in shown[0].edges] == ["postIn"] and "country / GPE" in shown[0].legend


def test_graph_of_chosen_label_columns(shell: InteractiveShell, path: Path) -> None:
    shown, _, _ = views(shell, f"--store {path} --graph --from who --to post --label n",
                        "SELECT ?n ?who ?post WHERE { ?a org:holds/rdfs:label ?post ; rdfs:label ?who BIND(7 AS ?n) }")
    assert {(e["from"], e["label"], e["to"]) for e in shown[0].edges} >= {('"Mike Pompeo"', "7", '"Secretary of State"')}
    shown, html, _ = views(shell, f"--store {path} --graph --from who --to nope", "SELECT ?who WHERE { ?a rdfs:label ?who }")
    assert not shown and "no column &#x27;nope&#x27;" in html


def test_empty_construct_says_so(shell: InteractiveShell, path: Path) -> None:
    shown, html, _ = views(shell, f"--store {path}", "CONSTRUCT { ?a org:holds ?p } WHERE { ?a org:holds ?p FILTER(false) }")
    assert not shown and "Nothing to draw: the CONSTRUCT gave no nodes" in html


def test_cap_banner_names_the_magic_option(shell: InteractiveShell, path: Path) -> None:
    shown, _, _ = views(shell, f"--store {path} --max-nodes 2", "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(isIRI(?o)) }")
    assert "Widen with --max-nodes " in shown[0].message and len(shown[0].nodes) == 2


def test_dataframes_show_whole_texts(shell: InteractiveShell, path: Path) -> None:
    long = ("a statement " * 12).strip()
    df, _ = run(shell, f"--store {path}", f'SELECT ?t WHERE {{ BIND("{long}" AS ?t) }}')
    assert long in df._repr_html_() and long in repr(df)


def test_default_store_from_env(shell: InteractiveShell, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSKG_STORE", str(path))
    assert run(shell, "", "ASK { ?s a nkg:Statement }")[0] is True


def test_misspelt_dollar_variable_is_an_error(shell: InteractiveShell, path: Path) -> None:
    shell.user_ns["who"] = "Mike Pompeo"
    result, html = run(shell, f"--store {path}", "SELECT ?a WHERE { ?a rdfs:label $whoo }")
    assert result is None and "$whoo is not a variable of this notebook" in html and "did you mean $who?" in html


def test_error_box_readable_in_any_theme(shell: InteractiveShell, path: Path) -> None:
    """JupyterLab's theme variables, for the border, background and text alike (Dark theme too)."""
    _, html = run(shell, f"--store {path}", "SELECT ?a WHERE { ?a ?b }")
    assert "border-left:4px solid var(--jp-error-color1" in html
    assert "background:var(--jp-layout-color2" in html and "color:var(--jp-content-font-color1" in html
    assert "#fdf2f2" not in html
