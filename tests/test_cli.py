"""The ``kg`` command as a user runs it: a real process, a real store folder."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
KG = [sys.executable, "-m", "kg.cli"]


def run(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*KG, *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_ingest_prints_summary_and_exit_code_2_on_bad_records(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Heiko Maas spoke in Berlin."}\n{"id": "b"}\n')
    done = run("ingest", str(src), "--store", str(tmp_path / "s"))
    assert done.returncode == 2, done.stderr
    assert "1 articles (1 written, 0 unchanged)" in done.stdout and "1 skipped" in done.stdout
    assert f"{src}:2: missing field 'text'" in done.stderr


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    done = run("ingest", "data", "--store", str(path), "--quiet")
    assert done.returncode == 0, done.stderr
    return path


@pytest.mark.parametrize("query", sorted((REPO / "ontology" / "queries").glob("*.rq")), ids=lambda p: p.name)
def test_every_example_query_runs(store_dir: Path, query: Path) -> None:
    done = run("query", str(query), "--store", str(store_dir), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert isinstance(json.loads(done.stdout), list)


def test_query_formats_and_binding(store_dir: Path) -> None:
    q = str(REPO / "ontology" / "queries" / "mentions-of-actor.rq")
    table = run("query", q, "--store", str(store_dir), "--bind", "name=Qamar Javed Bajwa")
    assert table.returncode == 0 and "Qamar Javed Bajwa" in table.stdout and "(6 rows)" in table.stdout
    csv = run("query", "SELECT ?l WHERE { ?x a nkg:Person ; rdfs:label ?l } ORDER BY ?l LIMIT 2",
              "--store", str(store_dir), "--format", "csv")
    assert csv.stdout.splitlines()[0] == "l" and len(csv.stdout.splitlines()) == 3
    tsv = run("query", "ASK { ?x rdfs:label 'Mike Pompeo' }", "--store", str(store_dir), "--format", "tsv")
    assert tsv.stdout.strip() == "true"


def test_sparql_error_names_the_position(store_dir: Path) -> None:
    done = run("query", "SELECT ?x\nWHERE { ?x ?y }", "--store", str(store_dir))
    assert done.returncode == 4
    assert "line 2, column" in done.stderr and "^" in done.stderr


def test_stats(store_dir: Path) -> None:
    done = run("stats", "--store", str(store_dir), "--format", "json")
    counts = json.loads(done.stdout)
    assert counts["articles"] == 13 and counts["  persons"] > 10 and counts["triples"] > 5000


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    done = run("stats", "--store", str(tmp_path / "nothing"))
    assert done.returncode == 3 and "no store here" in done.stderr


def test_every_command_is_in_the_readme() -> None:
    from kg.cli import main

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [name for name in main.commands if f"kg {name}" not in readme]
    assert not missing, f"commands not documented in README.md: {missing}"
