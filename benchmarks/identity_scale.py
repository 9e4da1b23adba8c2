"""Identity's cost per ingest chunk as the store grows: the neighbourhood identity a chunk is
written with (``IdentityBook.resolve(chunk, near=True)`` and ``moved``) against the whole set's
identity (what every chunk paid before).

Units: the extracted actors of ``--base`` BBC articles (``../shared/corpora/bbc_news.jsonl``,
every 7th line; real NLP), one unit per actor as ``kg ingest`` records it. The stream is
``--articles`` articles in chunks of :data:`kg.pipeline.CHUNK`: article ``k`` is article
``k % base`` with its places and the people and organisations that two or more base articles
name kept (hubs that recur: "United States", "Tony Blair"), and every word of its other
people's and organisations' names marked with copy block ``k // base`` ("Gary Locke" ->
"Garyab Lockeab"), so distinct units grow with the store as new people and firms do in a real
collection (synthetic: documented as such). No store is written: the identity step alone.

For each tenth of the stream: distinct units held, mean ms per chunk of the neighbourhood
identity and ``moved``, the mean neighbourhood, and the whole set's identity timed once at the
tenth's last chunk; then how many units of those ten chunks the neighbourhood identity placed
otherwise than the whole set at their chunk (each such article is rewritten at the run's end).

    nice -n 19 python benchmarks/identity_scale.py [--base 200] [--articles 20000]
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BBC = REPO.parent / "shared" / "corpora" / "bbc_news.jsonl"
_RENAMED = frozenset({"Person", "Organization"})


def base_units(n: int) -> list[list]:
    """The units of the actors extraction finds in ``n`` BBC articles, per article."""
    from kg.extract import analyse_doc
    from kg.extract.casing import model_text
    from kg.extract.nlp import load_model, model_label
    from kg.model import Article
    from kg.resolve import units_of

    with BBC.open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f][::7][:n]
    nlp = load_model()
    label = model_label(nlp)
    arts = [Article(id=r["id"], text=r["text"], title=r.get("title"), source=r.get("source")) for r in rows]
    return [units_of(analyse_doc(a, d, model=label).actors)
            for a, d in zip(arts, nlp.pipe([model_text(a.text) for a in arts]))]


def tag(block: int) -> str:
    """Letters that mark a copy block: 0 -> "", 1 -> "b", 27 -> "bb".

    >>> tag(0), tag(1), tag(27)
    ('', 'b', 'bb')
    """
    letters = ""
    while block:
        block, r = divmod(block, 26)
        letters += "abcdefghijklmnopqrstuvwxyz"[r]
    return letters


def renamed(unit, block: int, recurring: set[str]):
    """The unit of copy block ``block``: a person's or organisation's names marked unless its
    group is ``recurring``; places kept."""
    from kg.resolve import Unit, group_key

    if block == 0 or unit.kind not in _RENAMED or group_key(unit) in recurring:
        return unit
    t = tag(block)
    mark = lambda name: " ".join(w + t for w in name.split())  # noqa: E731
    return Unit(frozenset(mark(n) for n in unit.names), unit.kind, unit.country_code, mark(unit.name), unit.votes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=int, default=200)
    parser.add_argument("--articles", type=int, default=20000)
    args = parser.parse_args()

    from kg.pipeline import CHUNK, IdentityBook, _actor_of

    from kg.resolve import group_key

    per_article = base_units(args.base)
    named = Counter(g for units in per_article for g in {group_key(u) for u in units})
    recurring = {g for g, n in named.items() if n >= 2}
    book = IdentityBook()
    chunks = [list(range(i, min(i + CHUNK, args.articles))) for i in range(0, args.articles, CHUNK)]
    ends = {round(len(chunks) * i / 10): i for i in range(1, 11)}  # last chunk of each tenth -> tenth
    print(f"{args.articles} articles from {args.base} BBC analyses ({len(recurring)} recurring names), "
          f"chunks of {CHUNK}; per tenth:")
    print("| tenth | distinct units | near identity + moved, ms/chunk | mean neighbourhood | whole identity, ms |")
    print("|---|---:|---:|---:|---:|")
    near_ms: list[float] = []
    hood = wrong = total = 0
    for n, chunk in enumerate(chunks, 1):
        units = {f"a{k}": [book.intern(renamed(u, k // args.base, recurring)) for u in per_article[k % args.base]] for k in chunk}
        for g, us in units.items():
            book.pending[g] = us
        started = time.perf_counter()
        identity = book.identity(around=[u for us in units.values() for u in us])
        book.moved(identity)
        near_ms.append((time.perf_counter() - started) * 1000)
        hood += len(identity.units)
        last = n in ends
        if last:  # the guess checked at the last chunk of each tenth
            whole_started = time.perf_counter()
            whole = book.identity()
            whole_ms = (time.perf_counter() - whole_started) * 1000
            for us in units.values():
                total += len(us)
                wrong += sum(_actor_of(identity, u) != _actor_of(whole, u) for u in us)
        for g, us in units.items():
            del book.pending[g]
            book.put(g, [(a, u, kind) for u in us for a, kind in [_actor_of(identity, u)]])
            for a, u, kind in book.graphs[g]:  # as IdentityBook.record keeps what the run wrote
                book._written[u].add(g)
                book._written_as[u] = (a, kind)
        if last:
            print(f"| {ends[n]} | {len(+book.counts)} | {sum(near_ms) / len(near_ms):.1f} | "
                  f"{hood / len(near_ms):.0f} | {whole_ms:.0f} |", flush=True)
            near_ms, hood = [], 0
    print(f"units the neighbourhood placed otherwise than the whole set (last chunk of each tenth): {wrong} of {total}")


if __name__ == "__main__":
    main()
