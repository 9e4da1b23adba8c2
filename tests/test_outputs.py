"""All-or-nothing output: `kg dump` and `kg publish` killed mid-run (SIGKILL, SIGTERM) leave the
previous dump or release intact, with `void.ttl` checksums that match the files beside it;
temporary sort folders go away on any exit; output-path errors are messages, not tracebacks.

Runs are stopped at a moment seen on disk (a new file appearing), never after a sleep: the
process is frozen with SIGSTOP the moment the change is seen, checked to be still running,
then killed.
"""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Namespace

from kg.cli import main
from kg.store import open_store

SPDX = Namespace("http://spdx.org/rdf/terms#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of 300,000 synthetic quads: its dump takes long enough to be interrupted."""
    folder = tmp_path_factory.mktemp("big")
    data = folder / "big.nq"
    with data.open("w", encoding="utf-8") as out:
        for i in range(300_000):
            out.write(f'<http://ex.org/s{i % 7919}> <http://ex.org/p{i % 13}> "value {i}" <http://ex.org/g{i % 50}> .\n')
    path = folder / "store"
    with open_store(path) as store:
        store.load_file(data)
    return path


def _kg(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "kg.cli", *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, env={**os.environ, **(env or {})})


def _stop_when(proc: subprocess.Popen[bytes], seen: Callable[[], bool]) -> None:
    """Freeze ``proc`` (SIGSTOP) as soon as ``seen()``; fail if it ended before."""
    while not seen():
        if proc.poll() is not None:
            pytest.fail(f"the run ended (exit {proc.returncode}) before the moment to interrupt it: "
                        + proc.stderr.read().decode()[-2000:])  # type: ignore[union-attr]
        time.sleep(0.002)
    proc.send_signal(signal.SIGSTOP)
    assert proc.poll() is None, "the run finished before it could be interrupted"


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): _sha256(p) for p in sorted(folder.rglob("*")) if p.is_file()}


def _new_since(folder: Path, start: float, name_part: str) -> Callable[[], bool]:
    def seen() -> bool:
        for p in folder.rglob("*"):
            try:
                if name_part in p.name and p.stat().st_mtime >= start:
                    return True
            except FileNotFoundError:
                continue
        return False
    return seen


@pytest.mark.parametrize("fmt", ["nq", "nt"])  # graph by graph; the external merge sort
def test_dump_killed_with_sigkill_leaves_the_previous_dump(big_store: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"existing.{fmt}"
    out.write_bytes(b"<http://ex.org/old> <http://ex.org/p> <http://ex.org/o> .\n")
    before = out.read_bytes()
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    proc = _kg("dump", "--store", str(big_store), "--format", fmt, "-o", str(out), env={"TMPDIR": str(scratch)})
    # kill once the new dump is being written beside the old one (and, sorting, its chunks)
    _stop_when(proc, lambda: len(list(tmp_path.iterdir())) > 2
               and (fmt == "nq" or any("kg-sort" in p.name for p in scratch.iterdir())))
    proc.kill()
    proc.wait()
    assert out.read_bytes() == before
    # The next run replaces the dump and removes what the killed one left (its temporaries).
    done = subprocess.run([sys.executable, "-m", "kg.cli", "dump", "--store", str(big_store), "--format", fmt,
                           "-o", str(out)], capture_output=True, env={**os.environ, "TMPDIR": str(scratch)})
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [out.name, "scratch"]
    assert list(scratch.iterdir()) == []
    assert len(out.read_bytes().splitlines()) == 300_000


def test_dump_stopped_with_sigterm_removes_its_temporaries(big_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "dump.nt"
    out.write_bytes(b"old\n")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    proc = _kg("dump", "--store", str(big_store), "--format", "nt", "-o", str(out), env={"TMPDIR": str(scratch)})
    _stop_when(proc, lambda: any("kg-sort" in p.name for p in scratch.iterdir()))
    proc.send_signal(signal.SIGTERM)
    proc.send_signal(signal.SIGCONT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 143, err
    assert b"Traceback" not in err
    assert list(scratch.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dump.nt", "scratch"]
    assert out.read_bytes() == b"old\n"


def test_a_failing_dump_removes_its_temporaries(tmp_path: Path) -> None:
    from kg.publish.dump import write_dump

    out = tmp_path / "d.nq"
    out.write_bytes(b"old\n")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    with open_store(tmp_path / "store") as store:
        store.update("INSERT DATA { GRAPH <http://ex.org/g> { <http://ex.org/a> <http://ex.org/p> 1 } }")
        with pytest.raises(ValueError):  # raised while sorting: the sort folder exists then
            write_dump(store, out, format="nq", graph="not an IRI", tmp_dir=scratch)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.nq", "scratch", "store"]
    assert list(scratch.iterdir()) == []
    assert out.read_bytes() == b"old\n"


def void_checksums_match(release: Path) -> dict[str, str]:
    """Every file that void.ttl lists has the size and SHA-256 it records; the listed names."""
    void = Graph().parse(release / "void.ttl", format="turtle")
    listed = {}
    for dist in void.subjects(DCAT.byteSize, None):
        path = Path(str(void.value(dist, DCAT.downloadURL)).removeprefix("file://"))
        name = path.relative_to(release).as_posix()
        assert path.is_file(), f"{name} is listed in void.ttl but missing"
        assert int(void.value(dist, DCAT.byteSize)) == path.stat().st_size, name  # type: ignore[arg-type]
        checksum = void.value(dist, SPDX.checksum)
        assert str(void.value(checksum, SPDX.checksumValue)) == _sha256(path), name
        listed[name] = _sha256(path)
    return listed


def test_publish_killed_with_sigkill_keeps_the_old_release_whole(sample_store_path: Path, big_store: Path,
                                                                 tmp_path: Path) -> None:
    release = tmp_path / "release"
    first = subprocess.run([sys.executable, "-m", "kg.cli", "publish", str(release), "--store",
                            str(sample_store_path), "--force"], capture_output=True)
    assert first.returncode == 0, first.stderr
    old = _tree(release)
    assert len(void_checksums_match(release)) >= 9
    start = time.time() - 0.01
    # Another store's release, killed while it writes the TriG dump (after the N-Quads).
    proc = _kg("publish", str(release), "--store", str(big_store), "--force")
    _stop_when(proc, _new_since(tmp_path, start, "trig"))
    proc.kill()
    proc.wait()
    assert _tree(release) == old
    void_checksums_match(release)
    again = subprocess.run([sys.executable, "-m", "kg.cli", "publish", str(release), "--store",
                            str(sample_store_path), "--force", "--release-version", "2"], capture_output=True)
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release"]  # the killed run's folder is gone
    assert void_checksums_match(release)["newskg.nq.gz"] == old["newskg.nq.gz"]


def test_publish_stopped_with_sigterm_keeps_the_old_release_and_no_temporaries(
        sample_store_path: Path, big_store: Path, tmp_path: Path) -> None:
    release = tmp_path / "release"
    first = subprocess.run([sys.executable, "-m", "kg.cli", "publish", str(release), "--store",
                            str(sample_store_path), "--force"], capture_output=True)
    assert first.returncode == 0, first.stderr
    old = _tree(release)
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    start = time.time() - 0.01
    proc = _kg("publish", str(release), "--store", str(big_store), "--force", env={"TMPDIR": str(scratch)})
    _stop_when(proc, _new_since(tmp_path, start, "nq.gz"))
    proc.send_signal(signal.SIGTERM)
    proc.send_signal(signal.SIGCONT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 143 and b"Traceback" not in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["release", "scratch"]
    assert list(scratch.iterdir()) == []
    assert _tree(release) == old
    void_checksums_match(release)


def test_publish_replaces_only_a_release(sample_store_path: Path, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = CliRunner().invoke(main, ["publish", str(tmp_path), "--store", str(sample_store_path), "--force"])
    assert result.exit_code == 2
    assert "holds other files" in result.output and "Traceback" not in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


# -- output-path errors ---------------------------------------------------------------------
# Tests run as root, so permission bits do not stop a write: "not writable" is /sys, which the
# kernel refuses to create files in for every user (EACCES).

def _unwritable() -> Path:
    folder = Path("/sys/kernel")
    try:
        (folder / "kg-probe").open("xb").close()
    except OSError:
        return folder
    pytest.skip("/sys/kernel accepts new files here: no honest non-writable folder")


_DUMP = ["dump", "--store", "STORE", "-o", "TARGET"]
_PUBLISH = ["publish", "TARGET", "--store", "STORE", "--force"]


@pytest.mark.parametrize("command, target, message", [
    (_DUMP, "missing/sub/out.nq", "does not exist (create it first)"),
    (_DUMP, "afile/out.nq", "is a file, not a folder"),
    (_DUMP, "UNWRITABLE/out.nq", "cannot write in /sys/kernel"),
    (_DUMP, ".", "is a folder; give a file name"),
    (_PUBLISH, "missing/sub/release", "does not exist (create it first)"),
    (_PUBLISH, "afile/release", "is a file, not a folder"),
    (_PUBLISH, "UNWRITABLE/release", "cannot write in /sys/kernel"),
], ids=["dump-missing-parent", "dump-file-as-folder", "dump-unwritable", "dump-folder-as-file",
        "publish-missing-parent", "publish-file-as-folder", "publish-unwritable"])
def test_output_path_errors(sample_store_path: Path, tmp_path: Path, command: list[str], target: str,
                            message: str) -> None:
    (tmp_path / "afile").write_text("x")
    target = target.replace("UNWRITABLE", str(_unwritable())) if "UNWRITABLE" in target else str(tmp_path / target)
    args = [{"STORE": str(sample_store_path), "TARGET": target}.get(a, a) for a in command]
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output


def test_publish_to_a_file_is_refused(sample_store_path: Path, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    result = CliRunner().invoke(main, ["publish", str(tmp_path / "afile"), "--store", str(sample_store_path)])
    assert result.exit_code == 2 and "afile" in result.output and "Traceback" not in result.output
    assert (tmp_path / "afile").read_text() == "x"



def test_every_test_the_readme_names_exists() -> None:
    """The README backs its claims with named tests (`file::test`): each must exist."""
    import re

    repo = Path(__file__).resolve().parents[1]
    named = set(re.findall(r"`(test_\w+\.py)::(test_\w+)`", (repo / "README.md").read_text(encoding="utf-8")))
    assert len(named) >= 30
    missing = [f"{file}::{name}" for file, name in sorted(named)
               if not re.search(rf"^def {name}\(", (repo / "tests" / file).read_text(encoding="utf-8"), re.M)]
    assert missing == []


def test_a_release_behind_a_symlink_is_swapped_in_place(tmp_path: Path) -> None:
    from kg.atomic import atomic_folder

    real = tmp_path / "releases" / "current"
    real.mkdir(parents=True)
    (real / "void.ttl").write_text("old")
    link = tmp_path / "site"
    link.symlink_to(real)
    with atomic_folder(link, replaceable=lambda old: (old / "void.ttl").is_file()) as folder:
        (folder / "void.ttl").write_text("new")
    assert link.is_symlink() and (link / "void.ttl").read_text() == "new"
    assert sorted(p.name for p in real.parent.iterdir()) == ["current"]
