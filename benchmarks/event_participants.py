"""Share of events with at least one participant, and CAMEO types by root, on a news corpus.

    python benchmarks/event_participants.py [CORPUS.jsonl] [--limit N] [--step K]

reads every K-th article (default: every 7th of ../shared/corpora/bbc_news.jsonl, 300 of
them, so that every BBC category is in), analyses it with the pipeline's extractors (no
store) and prints how many events it found, how many have a participant, and the CAMEO
roots of the events by the article's category. It measures the code it imports: run it
with ``PYTHONPATH`` set to another checkout to compare.
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

from kg.extract import analyse_doc
from kg.extract.nlp import load_model
from kg.model import Article
from kg.read import read_articles

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc_news.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=CORPUS)
    parser.add_argument("--limit", type=int, default=300)
    parser.add_argument("--step", type=int, default=7)
    args = parser.parse_args()
    nlp = load_model()
    categories = {}
    with args.corpus.open(encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            categories[record["id"]] = record.get("category", "")
    events = with_participant = articles = 0
    roots: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    for i, article in enumerate(r for r in read_articles([args.corpus]) if isinstance(r, Article)):
        if i % args.step or articles >= args.limit:
            continue
        articles += 1
        analysis = analyse_doc(article, nlp(article.text), model="m")
        for ev in analysis.events:
            events += 1
            with_participant += bool(ev.participants)
            roots[categories.get(article.id, "")][(ev.cameo or "none")[:2]] += 1
    print(f"{articles} articles, {events} events, {with_participant} with >= 1 participant "
          f"({with_participant / max(events, 1):.1%})")
    for category, counter in sorted(roots.items()):
        print(f"  {category or '-'}: " + ", ".join(f"{k} {v}" for k, v in counter.most_common(8)))


if __name__ == "__main__":
    main()
