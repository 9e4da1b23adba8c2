"""Cost of the CAMEO senses and sentence roles (kg.extract.event_senses, event_roles) against
spaCy's parse, interleaved in one process.

    python benchmarks/event_senses_speed.py

parses 80 BBC articles (every 20th) once with ``nlp.pipe``, then runs the extractors over the
parses three times with the senses and roles and three times with them switched off (the
lexicon's code kept, no role filtering or sentence participants), alternating, and prints the
mean time of each beside the parse time.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import kg.extract.events as events
from kg.extract import analyse_doc
from kg.extract.nlp import load_model
from kg.model import Article

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc_news.jsonl"


def main() -> None:
    nlp = load_model()
    with CORPUS.open(encoding="utf-8") as f:
        records = [json.loads(line) for i, line in enumerate(f) if i % 20 == 0][:80]
    articles = [Article(r["id"], r["text"]) for r in records]
    start = time.perf_counter()
    docs = list(nlp.pipe([a.text for a in articles]))
    parse = time.perf_counter() - start
    real = (events.senses.sense, events.roles.admissible, events.roles.sentence_participants)
    off = (lambda t, code, kind=None: code, lambda roles, triggers, text: list(roles), lambda t, at: [])
    total = {"with": 0.0, "without": 0.0}
    for _ in range(3):
        for mode, functions in (("with", real), ("without", off)):
            events.senses.sense, events.roles.admissible, events.roles.sentence_participants = functions
            start = time.perf_counter()
            for article, doc in zip(articles, docs):
                analyse_doc(article, doc, model="m")
            total[mode] += time.perf_counter() - start
    events.senses.sense, events.roles.admissible, events.roles.sentence_participants = real
    print(f"{len(articles)} articles: nlp.pipe {parse:.2f} s; extractors with senses and roles "
          f"{total['with'] / 3:.2f} s, without {total['without'] / 3:.2f} s (mean of 3 passes); "
          f"senses and roles cost {(total['with'] - total['without']) / 3 / parse:.1%} of the parse")


if __name__ == "__main__":
    main()
