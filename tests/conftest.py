"""Shared fixtures: real stores built with the real pipeline and the real spaCy model."""

from __future__ import annotations

import signal
from pathlib import Path

import pytest

from kg.pipeline import ingest
from kg.store import KGStore, open_store


# A suite started in the background by a non-interactive shell (`bash .ci/run &`) inherits SIGINT
# ignored, and so would every `kg` process a test starts (an ignored signal stays ignored across
# exec): the Ctrl-C tests need Python's own handler, which exec turns back into the default.
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "data"
SEED = DATA / "articles.jsonl"
CORPORA = REPO.parent / "shared" / "corpora"


@pytest.fixture(scope="session")
def sample_store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store folder built once per test session from ``data/`` (closed: open it yourself)."""
    path = tmp_path_factory.mktemp("sample") / "store"
    with open_store(path) as store:
        report = ingest([DATA], store)
    assert not report.bad, report.bad
    return path


@pytest.fixture(scope="session")
def sample_store(sample_store_path: Path) -> KGStore:
    """The sample store opened read-only for the whole session (do not write to it)."""
    store = open_store(sample_store_path, read_only=True)
    yield store
    store.close()


@pytest.fixture()
def store(tmp_path: Path) -> KGStore:
    """A fresh, empty on-disk store for one test."""
    with open_store(tmp_path / "store") as s:
        yield s


def corpus(name: str) -> Path:
    """A corpus file of ../shared/corpora, or skip the test with the reason."""
    path = CORPORA / name
    if not path.exists():
        pytest.skip(f"{path} is absent (the corpora live in ../shared/corpora beside the repo)")
    return path
