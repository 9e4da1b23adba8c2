"""Train the event-trigger head on ECB+ topics 1-30; the command behind ``kg train events``.

    python -m kg.extract.trained.event_train [--corpora DIR] [--out DIR] [--limit N] [--epochs E]

Steps: the small spaCy model analyses every ECB+ text once (cached as DocBin under
``--cache``); each *annotated* sentence of a training topic (1-30) becomes one example
whose gold spans are ECB+'s action mentions, labelled by :func:`~kg.extract.trained.event_head.head_label`
(a discontinuous mention is taken from its first to its last token; of overlapping mentions
the longest is kept); then the head (its own tok2vec included) is updated for a fixed number
of epochs in a seeded order. The held-out topics
(31-35 by default) are never trained on; the command scores them at the end (exact and
overlap span matches, untyped, as ``kg eval --task events --topics 31-35`` does).

>>> split_topics({"train": "1-30", "test": "31-35"})["test"] == frozenset(range(31, 36))
True
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.extract.trained.loop import fit, read_records, write_weights
from kg.evaluate.gold import parse_topics, record_topic
from kg.extract.trained.event_head import EVENTS, blank_events, events_dir, head_label
from kg.extract.trained.train import analyse

DEFAULT_CORPORA = Path("../shared/corpora")
ECB_FILE = "ecbplus_dev.jsonl"
TRAIN_TOPICS, TEST_TOPICS = "1-30", "31-35"
#: Fixed schedule of the shipped weights (the command reproduces them with these defaults).
EPOCHS, SEED, BATCH_WORDS, DROPOUT = 15, 0, 500, 0.2

Span = tuple[int, int, str]


def split_topics(spec: dict[str, str]) -> dict[str, frozenset[int]]:
    """Topic sets by name, from ``{"train": "1-30", ...}``; they must not share a topic.

    :raises InputError: two sets share a topic.
    """
    sets = {name: parse_topics(value) for name, value in spec.items()}
    names = sorted(sets)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            if sets[a] & sets[b]:
                raise InputError(f"topics {spec[a]} ({a}) and {spec[b]} ({b}) share {sorted(sets[a] & sets[b])}")
    return sets


def read_ecbplus(path: Path, topics: frozenset[int], *, limit: int | None = None) -> list[dict[str, Any]]:
    """ECB+ records of these topics: ``id``, ``text``, ``sentences`` (annotated ones, as
    character ranges) and ``spans`` (their action mentions, head labels).

    :raises InputError: the file is missing or a line is not an ECB+ record.
    """
    def convert(rec: dict[str, Any]) -> dict[str, Any] | None:
        if record_topic(rec) not in topics:
            return None
        annotated = set(rec["annotated_sentences"])
        sentences = [(s["start"], s["end"]) for s in rec["sentences"] if s["id"] in annotated]
        spans = [(m["start"], m["end"], head_label(m["type"])) for m in rec["mentions"]
                 if m["sentence"] in annotated and m["type"].startswith(("ACTION_", "NEG_ACTION_"))]
        return {"id": rec["id"], "text": rec["text"], "sentences": sentences, "spans": spans}

    return read_records(path, convert, limit=limit,
                        shape="an ECB+ record with text, sentences, annotated_sentences and mentions",
                        hint=f"pass --corpora DIR holding {ECB_FILE}")


def sentence_docs(record: dict[str, Any], doc: Any) -> list[tuple[Any, list[Span], int]]:
    """Each annotated sentence of ``doc`` as its own Doc, with its gold spans in
    the sentence's offsets and the sentence's offset in the text."""
    from spacy.util import filter_spans

    out = []
    for begin, end in record["sentences"]:
        span = doc.char_span(begin, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        sent = span.as_doc()
        sent.set_ents([], default="missing")  # the small model's names are not the head's business
        offset = span.start_char
        gold = [sent.char_span(b - offset, e - offset, label=label, alignment_mode="expand")
                for b, e, label in record["spans"] if begin <= b and e <= end]
        kept = filter_spans([t for g in gold if g is not None and (t := _trimmed(g)) is not None])
        out.append((sent, [(g.start_char, g.end_char, g.label_) for g in sorted(kept)], offset))
    return out


def _trimmed(span: Any) -> Any:
    """The span without leading or trailing punctuation and spaces (None if nothing is left, or
    a space token or a sentence start stays inside: the ``ner`` transitions cannot learn those)."""
    b, e = span.start, span.end
    while b < e and (span.doc[b].is_punct or span.doc[b].is_space):
        b += 1
    while e > b and (span.doc[e - 1].is_punct or span.doc[e - 1].is_space):
        e -= 1
    if b == e or any(t.is_space or (t.i > b and t.is_sent_start) for t in span.doc[b:e]):
        return None  # the ner cannot cross the parser's sentence ends either
    return _span(span.doc, b, e, span.label_)


def _span(doc: Any, begin: int, end: int, label: str) -> Any:
    from spacy.tokens import Span as SpacySpan

    return SpacySpan(doc, begin, end, label=label)



def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 4),
            "tp": tp, "fp": fp, "fn": fn}


def score_triggers(gold: list[list[Span]], predicted: list[list[Span]]) -> dict[str, dict[str, float | int]]:
    """Untyped exact and overlap (one to one, largest overlap first) matches per sentence.

    >>> score_triggers([[(0, 4, "X"), (9, 12, "X")]], [[(0, 4, "Y"), (8, 12, "X")]])["overlap"]["f1"]
    1.0
    """
    exact = [0, 0, 0]
    over = [0, 0, 0]
    for g, p in zip(gold, predicted, strict=True):
        gs, ps = {(b, e) for b, e, _ in g}, {(b, e) for b, e, _ in p}
        hits = len(gs & ps)
        exact = [exact[0] + hits, exact[1] + len(ps) - hits, exact[2] + len(gs) - hits]
        pairs = sorted(((-(min(ge, pe) - max(gb, pb)), gb, pb) for gb, ge in gs for pb, pe in ps
                        if min(ge, pe) > max(gb, pb)))
        used_g, used_p = set(), set()
        for _, gb, pb in pairs:
            if gb not in used_g and pb not in used_p:
                used_g.add(gb)
                used_p.add(pb)
        over = [over[0] + len(used_g), over[1] + len(ps) - len(used_p), over[2] + len(gs) - len(used_g)]
    return {"exact": _prf(*exact), "overlap": _prf(*over)}


def prepared(records: list[dict[str, Any]], sm: Any, cache: Path | None) -> list[tuple[Any, list[Span], int]]:
    """Annotated sentences analysed by the small model, and their gold spans."""
    docs = analyse(records, sm, cache)  # the small model reads model_text(text): same offsets
    return [item for rec, doc in zip(records, docs, strict=True) for item in sentence_docs(rec, doc)]


def train(corpora: Path = DEFAULT_CORPORA, out: Path | None = None, *, train_topics: str = TRAIN_TOPICS,
          test_topics: str = TEST_TOPICS, limit: int | None = None, epochs: int = EPOCHS, seed: int = SEED,
          max_minutes: float = 60.0, cache: Path | None = None,
          log: Callable[[str], None] = lambda _: None) -> dict[str, Any]:
    """Train the head on ``train_topics``, score it on ``test_topics``, write the weights to
    ``out`` (default: the package's ``event_weights``); returns the scores and the schedule run.

    :raises InputError: the corpus is missing or malformed, or the topic sets overlap.
    """
    from spacy.training import Example
    from spacy.util import fix_random_seed

    from kg.extract.nlp import load_model

    started = time.monotonic()
    topics = split_topics({"train": train_topics, "test": test_topics})
    fix_random_seed(seed)
    rng = random.Random(seed)
    train_records = read_ecbplus(corpora / ECB_FILE, topics["train"], limit=limit)
    test_records = read_ecbplus(corpora / ECB_FILE, topics["test"], limit=limit)
    sm = load_model(trained=False)
    log(f"analysing {len(train_records)} training and {len(test_records)} held-out ECB+ texts")
    train_items = prepared(train_records, sm, cache)
    test_items = prepared(test_records, sm, cache)
    examples = [Example.from_dict(doc, {"entities": [(b, e, label) for b, e, label in spans]})
                for doc, spans, _ in train_items]
    nlp = blank_events()
    optimizer = nlp.initialize(lambda: examples)
    done = fit(nlp, examples, optimizer, rng, epochs=epochs, words=BATCH_WORDS, dropout=DROPOUT,
               component=EVENTS, started=started, max_minutes=max_minutes, log=log)
    head = nlp.get_pipe(EVENTS)
    predicted = [[(e.start_char, e.end_char, e.label_) for e in d.spans[EVENTS]]
                 for d in head.pipe((doc.copy() for doc, _, _ in test_items), batch_size=64)]
    scores = score_triggers([spans for _, spans, _ in test_items], predicted)
    nlp.meta["performance"] = {f"ecbplus_topics_{test_topics}_annotated_sentences": scores}
    nlp.meta["newskg"] = {"epochs": done, "seed": seed, "train_topics": train_topics, "test_topics": test_topics,
                          "train_docs": len(train_records), "train_sentences": len(examples),
                          "small_model": f"{sm.meta['name']} {sm.meta['version']}"}
    nlp.meta["sources"] = [{"name": "ECB+ (Cybulska & Vossen, LREC 2014), topics " + train_topics,
                            "license": "annotations CC BY 3.0"}]
    target = out or events_dir()
    write_weights(nlp, target)
    return {"scores": scores, "epochs": done, "minutes": round((time.monotonic() - started) / 60, 2),
            "out": str(target)}


def main(argv: list[str] | None = None) -> None:
    """``python -m kg.extract.trained.event_train``: the same as ``kg train events``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--out", type=Path, default=None, help="weights folder [default: the package's]")
    parser.add_argument("--train-topics", default=TRAIN_TOPICS)
    parser.add_argument("--test-topics", default=TEST_TOPICS)
    parser.add_argument("--limit", type=int, default=None, help="first N documents of each topic set")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--max-minutes", type=float, default=60.0)
    parser.add_argument("--cache", type=Path, default=None, help="folder for the small model's analyses")
    args = parser.parse_args(argv)
    result = train(args.corpora, args.out, train_topics=args.train_topics, test_topics=args.test_topics,
                   limit=args.limit, epochs=args.epochs, seed=args.seed, max_minutes=args.max_minutes,
                   cache=args.cache, log=lambda m: print(m, flush=True))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
