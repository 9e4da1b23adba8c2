"""The ``kg`` command as a user runs it: a real process, a real store folder."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import RECORDS_SKIPPED

REPO = Path(__file__).resolve().parents[1]
KG = [sys.executable, "-m", "kg.cli"]


def run(*args: str, cwd: Path = REPO, stdin: str | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*KG, *args], cwd=cwd, capture_output=True, text=True, timeout=300, input=stdin,
                          env={**os.environ, **(env or {})})


def test_ingest_prints_summary_and_exit_code_8_on_skipped_records(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "Heiko Maas spoke in Berlin."}\n{"id": "b"}\n')
    done = run("ingest", str(src), "--store", str(tmp_path / "s"))
    assert done.returncode == RECORDS_SKIPPED == 8, done.stderr
    assert "1 articles (1 written, 0 unchanged)" in done.stdout and "1 skipped" in done.stdout
    assert f"{src}:2: missing field 'text'" in done.stderr
    assert "article/s" not in done.stderr, "no progress bar when stderr is not a terminal"


def test_usage_errors_exit_2_and_differ_from_skipped_records(tmp_path: Path) -> None:
    assert run("ingest", "--no-such-option", "x").returncode == 2
    assert run("query", "--store", str(tmp_path)).returncode == 2  # neither QUERY nor -f FILE
    assert run("ingest", str(tmp_path / "absent.jsonl"), "--store", str(tmp_path / "s")).returncode == 2


def test_exit_codes_in_readme_and_help_match_the_code() -> None:
    from kg.cli import EXIT_CODES, main

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| (\d+) \| (.+) \|$", readme, flags=re.MULTILINE))
    assert {int(k): v for k, v in table.items()} == EXIT_CODES
    help_text = CliRunner().invoke(main, ["--help"], terminal_width=400).output
    assert all(f"{code}  {text}" in help_text for code, text in EXIT_CODES.items())


def test_store_comes_from_the_envvar_then_the_working_folder(store_dir: Path, tmp_path: Path) -> None:
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?a a nkg:Article }"
    by_env = run("query", count, "--format", "csv", cwd=tmp_path, env={"NEWSKG_STORE": str(store_dir)})
    assert by_env.returncode == 0 and by_env.stdout.split() == ["n", "13"], by_env.stderr
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "store").symlink_to(store_dir)
    by_cwd = run("query", count, "--format", "csv", cwd=tmp_path, env={"NEWSKG_STORE": ""})
    assert by_cwd.returncode == 0 and by_cwd.stdout.split() == ["n", "13"], by_cwd.stderr
    below = tmp_path / "notebooks"
    below.mkdir()
    assert run("query", count, cwd=below, env={"NEWSKG_STORE": ""}).returncode == 3  # no walking up


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "store"
    done = run("ingest", "data", "--store", str(path), "--quiet")
    assert done.returncode == 0, done.stderr
    return path


@pytest.mark.parametrize("query", sorted((REPO / "ontology" / "queries").glob("*.rq")), ids=lambda p: p.name)
def test_every_example_query_runs(store_dir: Path, query: Path) -> None:
    done = run("query", "-f", str(query), "--store", str(store_dir), "--format", "json")
    assert done.returncode == 0, done.stderr
    assert isinstance(json.loads(done.stdout), list)


def test_query_formats_and_binding(store_dir: Path) -> None:
    q = str(REPO / "ontology" / "queries" / "mentions-of-actor.rq")
    table = run("query", "-f", q, "--store", str(store_dir), "--bind", "name=Qamar Javed Bajwa")
    assert table.returncode == 0 and "Qamar Javed Bajwa" in table.stdout and "(7 rows)" in table.stdout
    csv = run("query", "SELECT ?l WHERE { ?x a nkg:Person ; rdfs:label ?l } ORDER BY ?l LIMIT 2",
              "--store", str(store_dir), "--format", "csv")
    assert csv.stdout.splitlines()[0] == "l" and len(csv.stdout.splitlines()) == 3
    tsv = run("query", "ASK { ?x rdfs:label 'Mike Pompeo' }", "--store", str(store_dir), "--format", "tsv")
    assert tsv.stdout.strip() == "true"
    piped = run("query", "-f", "-", "--store", str(store_dir), "--format", "tsv",
                stdin="ASK { ?x rdfs:label 'Mike Pompeo' }")
    assert piped.returncode == 0 and piped.stdout.strip() == "true", piped.stderr
    file_name_as_text = run("query", q, "--store", str(store_dir))
    assert file_name_as_text.returncode == 2 and f"use -f {q}" in file_name_as_text.stderr  # never read as a file


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


def test_readme_keeps_the_two_commands() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    main_job = "python3 -m venv .venv && .venv/bin/pip install -e '.[lab]' && .venv/bin/kg lab"
    assert f"```bash\n{main_job}\n```" in readme and f"`{main_job} --no-browser`" in readme
    assert "```bash\nbash .ci/run\n```" in readme
    assert "pip install -q -e '.[test]'" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
