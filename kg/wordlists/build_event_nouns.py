"""Rebuild ``nominal-events.txt`` and ``non-event-nouns.txt`` from WordNet 3.0 and ECB+'s training topics.

Run from the repo (WordNet from Debian's ``wordnet-base``, which installs ``/usr/share/wordnet``):
``python -m kg.wordlists.build_event_nouns /usr/share/wordnet ../shared/corpora/ecbplus_dev.jsonl [TOPICS [CACHE]]``
(``TOPICS`` default 1-30; ``CACHE`` a folder keeping the small model's analyses).

A noun is a nominal event when its first (most frequent) WordNet sense is an act or an event
(``noun.act``, ``noun.event``: "suicide", "outage", "crackdown"), and not an event when it is a
person, thing, place, body part, substance, group, quantity or time ("maid", "hotel", "body").
ECB+'s training topics (1-30, those the event head trains on; never the held-out 31-35) correct
both lists: a lemma seen at least 3 times in their annotated sentences and an action less than
a quarter of the time leaves the first ("time", "administration"), one seen at least twice and an
action at least half of the time leaves the second ("history", "party").

>>> first_senses(["05837324 04 n 01 outage 0 000 | a temporary suspension"],
...              ["outage n 1 1 @ 1 0 05837324"])
{'outage': 'noun.act'}
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

#: WordNet's lexicographer files, by number (``lexnames(5WN)``); nouns are 03-28.
LEXNAMES = ("adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact",
            "noun.attribute", "noun.body", "noun.cognition", "noun.communication", "noun.event", "noun.feeling",
            "noun.food", "noun.group", "noun.location", "noun.motive", "noun.object", "noun.person",
            "noun.phenomenon", "noun.plant", "noun.possession", "noun.process", "noun.quantity", "noun.relation",
            "noun.shape", "noun.state", "noun.substance", "noun.time")
EVENTS = frozenset({"noun.act", "noun.event"})
NOT_EVENTS = frozenset({"noun.person", "noun.body", "noun.object", "noun.substance", "noun.animal", "noun.plant",
                        "noun.food", "noun.location", "noun.artifact", "noun.quantity", "noun.group", "noun.time"})
TRAIN_TOPICS = "1-30"
HEADER = ("# {what} (first WordNet 3.0 sense {senses}), corrected by ECB+ topics {topics};\n"
          "# built by kg/wordlists/build_event_nouns.py. WordNet 3.0 Copyright 2006 by Princeton University.\n"
          "# All rights reserved; licence and disclaimer in WORDNET-LICENSE.txt beside this file.\n")


def first_senses(data_lines: list[str], index_lines: list[str]) -> dict[str, str]:
    """Lexicographer file of each single-word, lower-case noun's first sense."""
    lex = {}
    for line in data_lines:
        if not line.startswith(" "):
            fields = line.split()
            lex[fields[0]] = LEXNAMES[int(fields[1])]
    out = {}
    for line in index_lines:
        if line.startswith(" "):
            continue
        fields = line.split()
        lemma, pointers = fields[0], int(fields[3])
        offsets = fields[4 + pointers + 2:]
        if offsets and lemma.isalpha() and lemma.islower():
            out[lemma] = lex[offsets[0]]
    return out


def training_rates(ecbplus: Path, topics: str, cache: Path | None = None) -> dict[str, tuple[int, int]]:
    """``lemma -> (as an action, seen)`` for nouns in the annotated sentences of these topics."""
    from kg.evaluate.gold import parse_topics
    from kg.extract.nlp import load_model
    from kg.extract.trained.event_train import read_ecbplus
    from kg.extract.trained.train import analyse

    records = read_ecbplus(ecbplus, parse_topics(topics))
    docs = analyse(records, load_model(trained=False), cache)
    seen, action = Counter(), Counter()
    for rec, doc in zip(records, docs, strict=True):
        roots = {s.root.i for b, e, _ in rec["spans"] if (s := doc.char_span(b, e, alignment_mode="expand"))}
        for b, e in rec["sentences"]:
            for t in doc.char_span(b, e, alignment_mode="expand") or ():
                if t.pos_ == "NOUN":
                    seen[t.lemma_.lower()] += 1
                    action[t.lemma_.lower()] += t.i in roots
    return {lemma: (action[lemma], n) for lemma, n in seen.items()}


def lists(senses: dict[str, str], rates: dict[str, tuple[int, int]]) -> tuple[list[str], list[str]]:
    """(nominal events, non-event nouns), sorted.

    >>> lists({"suicide": "noun.act", "time": "noun.time", "hotel": "noun.artifact", "party": "noun.group",
    ...        "sleep": "noun.act"}, {"sleep": (0, 4), "party": (17, 27)})
    (['suicide'], ['hotel', 'time'])
    """
    rarely = {lemma for lemma, (a, n) in rates.items() if n >= 3 and a / n < 0.25}
    often = {lemma for lemma, (a, n) in rates.items() if n >= 2 and a / n >= 0.5}
    events = sorted(w for w, s in senses.items() if s in EVENTS and w not in rarely)
    others = sorted(w for w, s in senses.items() if s in NOT_EVENTS and w not in often)
    return events, others


def main(wordnet: str, ecbplus: str, topics: str = TRAIN_TOPICS, cache: str | None = None) -> None:
    root = Path(wordnet)
    senses = first_senses(root.joinpath("data.noun").read_text(encoding="latin-1").splitlines(),
                          root.joinpath("index.noun").read_text(encoding="latin-1").splitlines())
    events, others = lists(senses, training_rates(Path(ecbplus), topics, Path(cache) if cache else None))
    here = Path(__file__).parent
    here.joinpath("nominal-events.txt").write_text(
        HEADER.format(what="Nouns that name an event", senses="an act or event", topics=topics)
        + "\n".join(events) + "\n", encoding="utf-8")
    here.joinpath("non-event-nouns.txt").write_text(
        HEADER.format(what="Nouns that never name an event",
                      senses="a person, thing, place, body, substance, group, quantity or time", topics=topics)
        + "\n".join(others) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main(*sys.argv[1:])
