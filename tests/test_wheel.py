"""The wheel installs anywhere: built from the checkout, installed into a fresh venv outside it,
then ``kg ingest``, ``kg query``, ``kg publish`` and the ``%%sparql`` magic run from another folder.

The fresh venv gets the test venv's dependencies through a ``.pth`` line (nothing is
downloaded); ``kg`` itself comes only from the wheel (the test venv's editable finder is not
loaded by a ``.pth`` path line), which the test checks.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from conftest import REPO

ARTICLE = {"id": "w1", "title": "Pompeo calls Bajwa", "date": "2020-01-03",
           "text": "US Secretary of State Mike Pompeo telephoned General Qamar Javed Bajwa in Rawalpindi on Friday."}
SKIP = {".git", ".venv", "build", "newskg.egg-info", "__pycache__", ".pytest_cache", "test-output"}


def _skip(folder: str, names: list[str]) -> set[str]:
    """What the copy leaves out: caches, venvs, build output and the local stores under data/."""
    local = {"store", "dumps", "release"} if Path(folder) == REPO / "data" else set()
    return (SKIP | local) & set(names)


def _run(cmd: list[str], *, cwd: Path, env: dict[str, str], stdin: str | None = None) -> str:
    done = subprocess.run(cmd, cwd=cwd, env=env, input=stdin, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, f"{cmd}: exit {done.returncode}\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel, built from a clean copy of the working tree (no stale build/ folder can leak in)."""
    root = tmp_path_factory.mktemp("wheel")
    source = root / "src"
    shutil.copytree(REPO, source, symlinks=True, ignore=_skip)
    _run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", str(root), "."],
         cwd=source, env=dict(os.environ))
    return next(root.glob("newskg-*.whl"))


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv outside the checkout: the wheel installed, the test venv's packages visible."""
    folder = tmp_path_factory.mktemp("venv") / "v"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(folder)], check=True)
    python = folder / "bin" / "python"
    site = Path(_run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                     cwd=folder, env=dict(os.environ)).strip())
    (site / "test-venv-packages.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    _run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", "--no-index",
          str(wheel)], cwd=folder, env=dict(os.environ))
    return folder


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("elsewhere")
    (folder / "article.jsonl").write_text(json.dumps(ARTICLE) + "\n", encoding="utf-8")
    return folder


def _env(venv: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("NEWSKG_STORE", "PYTHONPATH", "VIRTUAL_ENV")}
    return {**env, "PATH": f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"}


def test_every_package_of_the_checkout_is_in_the_wheel(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    modules = {p.relative_to(REPO).as_posix() for p in (REPO / "kg").rglob("*.py")
               if "resources/" not in p.relative_to(REPO / "kg").as_posix() and "__pycache__" not in p.parts}
    assert modules <= names, sorted(modules - names)
    shipped = {"ontology/newskg.ttl", "ontology/event-types.ttl", "ontology/shapes.ttl", "ontology/context.jsonld",
               "ontology/queries/mentions-of-actor.rq", "notebooks/01-quickstart.ipynb", "sample/articles.jsonl"}
    assert {f"kg/resources/{name}" for name in shipped} <= names


def test_kg_comes_from_the_wheel_with_its_resources(venv: Path, workdir: Path) -> None:
    out = _run([str(venv / "bin" / "python"), "-c",
                "import kg, kg.ontology as o; print(kg.__file__); print(len(o.example_queries()), "
                "len(o.declared_terms()) > 50)"], cwd=workdir, env=_env(venv))
    location, counts = out.splitlines()
    assert Path(location).is_relative_to(venv) and not Path(location).is_relative_to(REPO), location
    assert counts.split()[1] == "True" and int(counts.split()[0]) >= 10


def test_kg_lab_sets_up_a_folder_outside_the_checkout(venv: Path, tmp_path: Path) -> None:
    out = _run([str(venv / "bin" / "python"), "-c",
                "from pathlib import Path; from kg.cli.lab import set_up_folder; "
                "print(len(set_up_folder(Path.cwd())))"], cwd=tmp_path, env=_env(venv))
    assert int(out) >= 5 and (tmp_path / "notebooks" / "01-quickstart.ipynb").is_file()
    assert (tmp_path / "data" / "articles.jsonl").read_bytes() == (REPO / "data" / "articles.jsonl").read_bytes()


def test_ingest_query_publish_and_magic_outside_the_checkout(venv: Path, workdir: Path) -> None:
    env = _env(venv)
    kg = str(venv / "bin" / "kg")
    summary = _run([kg, "ingest", "article.jsonl"], cwd=workdir, env=env)
    assert summary.startswith("1 articles (1 written"), summary
    assert (workdir / "data" / "store").is_dir()
    rows = _run([kg, "query", "--format", "csv", "SELECT ?l WHERE { ?p a nkg:Person ; rdfs:label ?l } ORDER BY ?l"],
                cwd=workdir, env=env)
    assert "Mike Pompeo" in rows and "Qamar Javed Bajwa" in rows, rows
    shipped = _run([kg, "query", "-f", "-", "--format", "csv", "--bind", "name=Mike Pompeo"], cwd=workdir, env=env,
                   stdin=(REPO / "ontology" / "queries" / "mentions-of-actor.rq").read_text(encoding="utf-8"))
    assert "Pompeo" in shipped, shipped
    _run([kg, "publish", "release", "--force"], cwd=workdir, env=env)
    assert (workdir / "release" / "void.ttl").is_file() and (workdir / "release" / "ontology" / "newskg.ttl").is_file()
    magic = ("from IPython.core.interactiveshell import InteractiveShell\n"
             "shell = InteractiveShell.instance()\n"
             "shell.run_line_magic('load_ext', 'kg.notebook')\n"
             "shell.run_cell_magic('sparql', '-o df', 'SELECT ?l WHERE { ?p a nkg:Person ; rdfs:label ?l }')\n"
             "print(sorted(shell.user_ns['df']['l']))\n")
    out = _run([str(venv / "bin" / "python"), "-c", magic], cwd=workdir, env=env)
    assert "Mike Pompeo" in out.splitlines()[-1], out


def test_notebook_side_names_the_lab_extra_when_its_packages_are_absent(tmp_path: Path) -> None:
    """The core install leaves out the lab packages; kg.notebook then says what to install."""
    code = "import sys; sys.modules['pyvis'] = None; sys.modules['ipywidgets'] = None; import kg.notebook"
    done = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "ModuleNotFoundError: kg.notebook needs ipywidgets, pyvis" in done.stderr
    assert "pip install 'newskg[lab]'" in done.stderr
