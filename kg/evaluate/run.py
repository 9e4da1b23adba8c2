"""Run one evaluation: read gold, ingest its texts (fresh temporary store or a given one),
read predictions back through SPARQL, score, list errors.

>>> import json, tempfile, pathlib
>>> from kg.queries import load
>>> from kg.store import open_store
>>> tmp = pathlib.Path(tempfile.mkdtemp())
>>> _ = (tmp / "g.jsonl").write_text(json.dumps({"id": "a1", "text": "Pompeo called.",
...     "entities": [{"start": 0, "end": 6, "type": "PER"}]}) + "\\n")
>>> with open_store(tmp / "store") as s:
...     s.update(load("evaluate/example-store"))
...     s.update('INSERT DATA { <https://w3id.org/newskg/id/article/a1> '
...              '<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> "Pompeo called." }')
>>> r = evaluate(tmp / "g.jsonl", task="actors", store=tmp / "store")
>>> r.score("exact").f1, r.score("overlap untyped").f1
(1.0, 1.0)
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from kg import queries
from kg.errors import EvaluationError
from kg.evaluate.bcubed import bcubed
from kg.evaluate.errors_listing import list_errors
from kg.evaluate.gold import GoldSet, Mention, read_gold
from kg.evaluate.predictions import read_predictions
from kg.evaluate.report import EvalResult
from kg.evaluate.score import Score, ScoreTable, score
from kg.model import Article



def gold_articles(gold: GoldSet) -> list[Article]:
    """The gold documents as articles to ingest (id, text, date where the corpus gives one).

    >>> from kg.evaluate.gold import GoldDoc
    >>> gold_articles(GoldSet("g", "conll", "actors", [GoldDoc("d", "Hi.")]))[0].id
    'd'
    """
    return [Article(id=d.id, text=d.text, date=d.date, origin=f"{gold.path}#{d.id}") for d in gold.docs]


def _stored_texts(store: Any, ids: set[str]) -> dict[str, str]:
    return {str(r["id"]): str(r["text"]) for r in store.select(queries.load("evaluate/texts")) if str(r["id"]) in ids}


def _ingest(store: Any, articles: Sequence[Article], *, workers: int,
            progress: Callable[[int], None] | None) -> None:
    if not articles:
        return
    try:
        from kg.pipeline import ingest_articles
    except ModuleNotFoundError as exc:
        if exc.name != "kg.pipeline":
            raise
        raise EvaluationError(f"cannot ingest the gold texts: {exc}") from exc
    ingest_articles(articles, store, workers=workers, progress=progress)


def score_gold(gold: GoldSet, predictions: Sequence[Mention], *, errors: int = 10) -> EvalResult:
    """Score predictions against a gold set (no store involved): every table, B-cubed, errors.

    Only predictions in the gold's scored regions count (ECB+: the annotated sentences).
    """
    docs = {d.id: d for d in gold.docs}
    in_scope = [p for p in predictions if p.doc in docs and docs[p.doc].in_scope(p.begin, p.end)]
    ignored: dict[str, list[Mention]] = {}
    for d in gold.docs:
        ignored[d.id] = d.ignored

    def ignore(p: Mention) -> bool:
        return any(p.begin < g.end and g.begin < p.end for g in ignored.get(p.doc, ()))

    gold_mentions = gold.mentions
    tables: dict[str, ScoreTable] = {}
    for mode in ("exact", "overlap"):
        tables[mode] = score(gold_mentions, in_scope, mode=mode, typed=True, ignore=ignore)
    if gold.task == "actors":
        for mode in ("exact", "overlap"):
            tables[f"{mode} untyped"] = score(gold_mentions, in_scope, mode=mode, typed=False, ignore=ignore)
    main = tables["overlap"]
    by_type: dict[str, Score] = {}
    for g, _ in main.pairs:
        by_type.setdefault(g.raw, Score()).tp += 1
    for g in main.misses:
        by_type.setdefault(g.raw, Score()).fn += 1
    result = EvalResult(task=gold.task, gold=gold.path, format=gold.format, documents=len(gold.docs),
                        gold_mentions=len(gold_mentions), predicted_mentions=len(in_scope), tables=tables,
                        recall_by_gold_type=by_type if gold.format != "conll" or gold.task != "actors" else {})
    if gold.format == "ecbplus" and gold.task in ("actors", "events"):
        result.bcubed = bcubed(tables["overlap untyped" if gold.task == "actors" else "overlap"].pairs)
    boundary = [(g, p) for g, p in main.pairs if (g.begin, g.end) != (p.begin, p.end)]
    result.errors = list_errors(docs, false_positives=main.false_positives, misses=main.misses,
                                boundary=boundary, n=errors)
    if not in_scope:
        kind = {"actors": "actor", "events": "event", "statements": "statement"}[gold.task]
        result.notes.append(f"the store holds no {kind} mentions for these documents "
                            f"(is {kind} extraction in this version?)")
    return result


def _ranges(topics: frozenset[int]) -> str:
    """``{31, 32, 33, 35}`` -> ``"31-33,35"``."""
    out: list[list[int]] = []
    for t in sorted(topics):
        if out and t == out[-1][1] + 1:
            out[-1][1] = t
        else:
            out.append([t, t])
    return ",".join(f"{a}-{b}" if a < b else f"{a}" for a, b in out)


def evaluate(gold_path: str | os.PathLike[str], *, task: str, store: str | os.PathLike[str] | None = None,
             fmt: str = "auto", limit: int | None = None, topics: frozenset[int] | None = None,
             errors: int = 10, workers: int = 1,
             progress: Callable[[int], None] | None = None,
             on_gold: Callable[[GoldSet], None] | None = None) -> EvalResult:
    """Measure extraction against a gold file for one task.

    Without ``store``, the gold texts are ingested into a fresh temporary store, removed
    afterwards. With ``store``, that store is reused: gold documents it already holds (by
    ``dct:identifier``) are not ingested again, missing ones are. Predictions are read back
    through SPARQL over the ontology's fixed terms.

    :param limit: only the first ``limit`` gold records (quick runs).
    :param topics: ECB+ only: only the documents of these topics (``kg eval --topics 31-35``:
        the held-out topics of the event head).
    :param errors: how many error lines to list.
    :param progress: called with the number of gold texts ingested, as they are.
    :param on_gold: called with the gold set once read (e.g. to size a progress bar).
    :raises EvaluationError: bad gold file, or a stored text differs from the gold text.
    """
    from kg.store import open_store

    started = time.perf_counter()
    gold = read_gold(gold_path, task=task, fmt=fmt, limit=limit, topics=topics)
    if on_gold:
        on_gold(gold)
    ids = {d.id for d in gold.docs}
    with tempfile.TemporaryDirectory(prefix="kg-eval-") as tmp:
        location = store if store is not None else Path(tmp) / "store"
        with open_store(location) as kg_store:
            have = _stored_texts(kg_store, ids) if store is not None else {}
            _ingest(kg_store, [a for a in gold_articles(gold) if a.id not in have],
                    workers=workers, progress=progress)
            texts = _stored_texts(kg_store, ids)
            differ = sorted(d.id for d in gold.docs if d.id in texts and texts[d.id] != d.text)
            if differ:
                raise EvaluationError(f"{len(differ)} stored article text(s) differ from the gold text, so "
                                      f"offsets cannot be compared (first: {differ[0]!r})")
            predictions = read_predictions(kg_store, task=task, docs=ids,
                                           event_cues=gold.format == "ecbplus", names_only=gold.format == "conll",
                                           outermost=gold.format == "polnear")
    result = score_gold(gold, predictions, errors=errors)
    missing = len(ids - set(texts))
    if missing:
        result.notes.append(f"{missing} gold document(s) are not in the store (not ingested?)")
    result.store = str(store) if store is not None else None
    result.topics = _ranges(topics) if topics is not None else None
    result.seconds = time.perf_counter() - started
    return result
