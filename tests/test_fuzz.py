"""Fuzzing ingest with hypothesis (issue 14): any Unicode text and id -> ingest never raises,
bad input is reported, every anchor equals its text slice, every IRI is valid, and the graph
re-parses with two independent parsers (rdflib and serdi or rapper).

A bounded, repeatable campaign: ``derandomize=True`` and a fixed number of examples.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.pipeline import ingest
from kg.store import open_store
from kg.vocab import graph_iri

CAMPAIGN = settings(max_examples=30, derandomize=True, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

WORDS = ["Mike", "Pompeo", "met", "Heiko", "Maas", "in", "Berlin", "said", '"', "“", ".", ",", "\n\n", "\r\n",
         "US", "Secretary", "of", "State", "🙂", "\u200f", "שלום", "\x00", "(", ")", "Iran", "on", "Friday", "\ud83d"]
ANY_CHAR = st.characters(blacklist_categories=())  # every code point, lone surrogates included
TEXTS = st.one_of(st.text(ANY_CHAR, max_size=120),
                  st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join))
IDS = st.one_of(st.text(ANY_CHAR, max_size=12), st.integers(), st.sampled_from(["a b", "<x>", "a#b", "%zz", "ü/ö?"]))
SECOND_PARSER = shutil.which("serdi") or shutil.which("rapper")


@pytest.fixture(scope="module")
def folder() -> Path:
    path = Path(tempfile.mkdtemp(prefix="newskg-fuzz-"))
    yield path
    shutil.rmtree(path)


def _reparse(nquads: str, folder: Path) -> int:
    """Parse N-Quads with rdflib and with serdi/rapper; the number of quads rdflib read."""
    dataset = rdflib.Dataset()
    dataset.parse(data=nquads, format="nquads")
    if SECOND_PARSER:
        f = folder / "graph.nq"
        f.write_text(nquads, encoding="utf-8")
        cmd = [SECOND_PARSER, "-i", "nquads", "-o", "nquads", str(f)] if "serdi" in SECOND_PARSER else \
            [SECOND_PARSER, "-q", "-i", "nquads", "-o", "nquads", str(f)]
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0 and not done.stderr.strip(), done.stderr
    return len(dataset)


@pytest.mark.skipif(not SECOND_PARSER, reason="needs serdi or rapper (installed by .ci/run)")
@CAMPAIGN
@given(ident=IDS, text=TEXTS, title=st.one_of(st.none(), st.text(ANY_CHAR, max_size=20)))
def test_any_text_and_id_ingest_without_a_traceback(folder: Path, ident: object, text: str, title: str | None) -> None:
    src = folder / "in.jsonl"
    src.write_text(json.dumps({"id": ident, "text": text, "title": title}) + "\n", encoding="utf-8")
    with open_store(folder / "store") as store:
        report = ingest([src], store)  # never raises on a bad record
        assert report.failed == [], report.failed  # no bug inside newskg
        if report.bad:
            assert str(src) in str(report.bad[0])  # bad input is named, never a traceback
            return
        assert report.written + report.unchanged == 1
        graph = graph_iri(str(ident))
        quads = list(store.quads(graph))
        mentions = store.select(f"""SELECT ?b ?e ?a ?t WHERE {{ GRAPH <{graph}> {{ ?m nif:beginIndex ?b ;
            nif:endIndex ?e ; nif:anchorOf ?a ; nif:referenceContext ?c . ?c nif:isString ?t }} }}""")
    for m in mentions:
        assert m["t"][int(m["b"]):int(m["e"])] == m["a"]
    for term in {t for q in quads for t in q[:3] if t.startswith("<")} | {graph}:
        ox.NamedNode(term.strip("<>"))  # raises ValueError on an invalid IRI
    nquads = "".join(f"{s} {p} {o} <{graph}> .\n" for s, p, o, _ in quads)
    assert _reparse(nquads, folder) == len(quads) > 0
