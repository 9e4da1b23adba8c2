"""Every notebook in notebooks/ runs top to bottom, headless, on a store built from data/."""

from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from conftest import REPO

NOTEBOOKS = sorted((REPO / "notebooks").glob("*.ipynb"))


def _execute(path: Path) -> nbformat.NotebookNode:
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=180, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return nb


@pytest.fixture(scope="module")
def executed(sample_store_path: Path, monkeypatch_module: pytest.MonkeyPatch) -> dict[str, nbformat.NotebookNode]:
    """The notebooks run in parallel (one kernel each) with NEWSKG_STORE at the sample store."""
    monkeypatch_module.setenv("NEWSKG_STORE", str(sample_store_path))
    with ThreadPoolExecutor(max_workers=len(NOTEBOOKS)) as pool:
        return dict(zip((p.name for p in NOTEBOOKS), pool.map(_execute, NOTEBOOKS)))


@pytest.fixture(scope="module")
def monkeypatch_module() -> pytest.MonkeyPatch:
    mp = pytest.MonkeyPatch()
    yield mp
    mp.undo()


def test_the_three_notebooks_exist() -> None:
    assert [p.name for p in NOTEBOOKS][:3] == ["01-quickstart.ipynb", "02-sparql-workbench.ipynb",
                                               "03-actor-explorer.ipynb"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_committed_without_outputs_or_path_hacks(path: Path) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            assert cell["outputs"] == [] and cell["execution_count"] is None, f"{path.name}: clear the outputs"
            assert "sys.path" not in "".join(cell["source"])


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs_top_to_bottom(executed: dict[str, nbformat.NotebookNode], path: Path) -> None:
    nb = executed[path.name]
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
    assert not errors, errors[0]["evalue"] if errors else ""
    text = json.dumps([c.get("outputs", []) for c in nb.cells])
    assert "kg-error" not in text or path.name.startswith("02"), "a query failed in the notebook"


def test_quickstart_shows_results_and_a_graph(executed: dict[str, nbformat.NotebookNode]) -> None:
    text = json.dumps([c.get("outputs", []) for c in executed["01-quickstart.ipynb"].cells])
    assert "Mike Pompeo" in text and "Barack Obama" in text
    assert "image/png" in text
    nb = executed["01-quickstart.ipynb"]
    (cell,) = [c for c in nb.cells if c.cell_type == "code" and c.source.startswith("%%sparql --graph")]
    assert len(json.dumps(cell.outputs)) <= 150_000  # vis-network is not inlined into the output
    (view,) = [o["data"]["application/vnd.jupyter.widget-view+json"]["model_id"] for o in cell.outputs
               if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"][view]["state"]
    assert len(state["edges"]) > 10 and any(n["label"] == "Mike Pompeo" for n in state["nodes"])


def test_explorer_notebook_picks_an_actor(executed: dict[str, nbformat.NotebookNode]) -> None:
    cells = [c for c in executed["03-actor-explorer.ipynb"].cells if c.cell_type == "code"]
    assert cells[1].outputs[0]["data"]["text/plain"] == "True"
    assert "Mike Pompeo" in cells[2].outputs[0]["data"]["text/plain"]


def test_quickstart_counts_are_a_table(executed: dict[str, nbformat.NotebookNode]) -> None:
    cell = next(c for c in executed["01-quickstart.ipynb"].cells if "store_stats" in c.source)
    shown = cell.outputs[0]["data"]
    assert "<table" in shown["text/html"] and "articles" in shown["text/html"] and "{" not in shown["text/plain"]


def test_widgets_carry_a_restart_hint(executed: dict[str, nbformat.NotebookNode]) -> None:
    """After a kernel restart JupyterLab says only "model not found", in an untrusted notebook it
    shows the widget's text: both say what to do."""
    cell = [c for c in executed["03-actor-explorer.ipynb"].cells if c.cell_type == "code"][0]
    widget = next(o["data"] for o in cell.outputs if "application/vnd.jupyter.widget-view+json" in o.get("data", {}))
    # JupyterLab shows the text/plain of a widget in an untrusted notebook: the placeholder says what to do
    assert "run this cell again" in widget["text/plain"] and "trusted" in widget["text/plain"]
    assert any("run this cell again" in o.get("data", {}).get("text/html", "") for o in cell.outputs)


def test_workbench_notebook_filters_fights(executed: dict[str, nbformat.NotebookNode]) -> None:
    cell = next(c for c in executed["02-sparql-workbench.ipynb"].cells if 'cameo.value = "19"' in c.source)
    shown = cell.outputs[0]["data"]["text/html"]
    assert "194" in shown and "Fight with artillery" in shown and "041" not in shown and "040" not in shown
