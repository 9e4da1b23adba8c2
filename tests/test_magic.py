"""The %%sparql magic in a real IPython shell against real on-disk stores."""

from __future__ import annotations

from pathlib import Path

import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output

from kg.errors import QueryError
from kg.model import IRI
from kg.notebook import connect, forget
from kg.notebook.magic import substitute
from notebook_data import HOSTILE, build, snapshot


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


def test_construct_and_graph_are_drawn(shell: InteractiveShell, path: Path) -> None:
    result, html = run(shell, f"--store {path} -o triples", "CONSTRUCT { ?a org:holds ?p . ?p rdfs:label ?l } "
                       "WHERE { ?a org:holds ?p . ?p rdfs:label ?l }")
    assert result is None and len(shell.user_ns["triples"]) == 4
    assert "4 triples" in html and "kg-graph" in html and "holds" in html and "vis.Network" in html
    df, html = run(shell, f"--store {path} --graph -o rows", "SELECT ?post ?postIn WHERE { ?post org:postIn ?postIn }")
    assert df is None and len(shell.user_ns["rows"]) == 1
    assert "postIn" in html and "country / GPE" in html and "post" in html


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
