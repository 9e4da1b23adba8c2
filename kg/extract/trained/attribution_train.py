"""Train the attribution head on PolNeAR; the command behind ``kg train attribution``.

Steps: the small spaCy model analyses every training and dev text once (cached as DocBin under
``--cache``, as for the names); the gold attributions become one joint tag per
token (:func:`gold_tags`); the head (:func:`kg.extract.trained.attribution.head_pipeline`) is
updated for a fixed number of epochs in a seeded order; the weights written (and scored on dev,
span by span, exact and overlap, as ``kg eval`` matches them) are the optimizer's moving averages
of the updates' weights, steadier from one epoch to the next than the last update's. The cue-frame table
(:mod:`kg.extract.trained.attribution_frames`) is counted over the same training documents and
written beside the weights (``--frames-only``: the table alone, the head's weights untouched).
``--holdout N`` keeps the last N training
documents out of training and scores on them instead: variants are chosen on that slice,
never on dev.

>>> import spacy
>>> doc = spacy.blank("en")("Pompeo said that talks would go on.")
>>> gold_tags(doc, [{"source": {"start": 0, "end": 6}, "cue": {"start": 7, "end": 11},
...                  "content": {"start": 12, "end": 34}}])
['OBO', 'BOO', 'OOB', 'OOI', 'OOI', 'OOI', 'OOI', 'OOO']
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.extract.trained.loop import fit, read_records, write_weights
from kg.extract.trained.attribution import COMPONENT, NAME, PARTS, SPANS_KEY, VERSION, head_pipeline, weights_dir
from kg.extract.trained.attribution_frames import FRAMES_FILE, count_frames, write_frames

DEFAULT_CORPORA = Path("../shared/corpora")
TRAIN_FILE, DEV_FILE = "polnear_train.jsonl", "polnear_dev.jsonl"
#: Fixed schedule of the shipped weights (the command reproduces them with these defaults).
EPOCHS, SEED, BATCH_WORDS, DROPOUT, LEARN_RATE, HOLDOUT = 5, 0, 2000, 0.1, 0.003, 84
#: The learning rate after t updates is LEARN_RATE / (1 + DECAY * t) (thinc's ``decaying``); the
#: weights written are the optimizer's moving averages of them (AVERAGE), not the last update's.
DECAY, AVERAGE = 0.0, True
_KEYS = {"CUE": "cue", "SOURCE": "source", "CONTENT": "content"}


def read_polnear(path: Path, *, limit: int | None = None) -> list[dict[str, Any]]:
    """PolNeAR records (``id``, ``text``, ``attributions``) of a JSONL file.

    :raises InputError: the file is missing or a line is not a record of that shape.
    """
    def convert(rec: dict[str, Any]) -> dict[str, Any]:
        atts = [{k: ({"start": int(a[k]["start"]), "end": int(a[k]["end"])} if a.get(k) else None)
                 for k in _KEYS.values()} for a in rec["attributions"]]
        return {"id": rec["id"], "text": rec["text"], "attributions": atts}

    return read_records(path, convert, limit=limit,
                        shape="a PolNeAR record with id, text and attributions[source|cue|content{start, end}]",
                        hint=f"pass --corpora DIR holding {TRAIN_FILE} and {DEV_FILE}")


def gold_spans(record: dict[str, Any]) -> list[tuple[int, int, str]]:
    """The record's character spans ``(begin, end, part)`` (a discontinuous one first to last)."""
    return sorted({(a[k]["start"], a[k]["end"], part) for a in record["attributions"]
                   for part, k in _KEYS.items() if a.get(k) and a[k]["end"] > a[k]["start"]})


def gold_tags(doc: Any, attributions: list[dict[str, Any]]) -> list[str]:
    """One joint tag per token; where spans of one part nest, the outer one is kept."""
    letters = [["O"] * len(PARTS) for _ in doc]
    for k, part in enumerate(PARTS):
        key = _KEYS[part]
        spans = [(a[key]["start"], a[key]["end"]) for a in attributions if a.get(key)]
        for b, e in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
            span = doc.char_span(b, e, alignment_mode="expand")
            if span is None or not len(span) or any(letters[i][k] != "O" for i in range(span.start, span.end)):
                continue
            for i in range(span.start, span.end):
                letters[i][k] = "B" if i == span.start else "I"
    return ["".join(t) for t in letters]


def examples(records: list[dict[str, Any]], docs: list[Any]) -> list[Any]:
    """Training examples: the analysis, and a reference doc carrying the tags."""
    from spacy.tokens import Doc
    from spacy.training import Example

    out = []
    for rec, doc in zip(records, docs, strict=True):
        ref = Doc(doc.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc],
                  tags=gold_tags(doc, rec["attributions"]))
        out.append(Example(doc, ref))
    return out


def predict(nlp: Any, docs: list[Any]) -> list[list[tuple[int, int, str]]]:
    """Character spans the head finds in the small model's analyses."""
    head = nlp.get_pipe(COMPONENT)
    return [[(s.start_char, s.end_char, s.label_) for s in doc.spans[SPANS_KEY]]
            for doc in head.pipe(docs, batch_size=16)]


def score(records: list[dict[str, Any]], predicted: list[list[tuple[int, int, str]]]) -> dict[str, Any]:
    """Exact and overlap P/R/F1 per part, matched one to one as ``kg eval`` does."""
    from kg.evaluate.gold import Mention
    from kg.evaluate.score import score as score_mentions

    gold = [Mention(r["id"], b, e, p) for r in records for b, e, p in gold_spans(r)]
    pred = [Mention(r["id"], b, e, p) for r, spans in zip(records, predicted, strict=True) for b, e, p in spans]
    out: dict[str, Any] = {}
    for mode in ("exact", "overlap"):
        table = score_mentions(gold, pred, mode=mode)
        out[mode] = {part: round(table.by_label[part].f1, 4) for part in PARTS if part in table.by_label}
    return out


def train(corpora: Path = DEFAULT_CORPORA, out: Path | None = None, *, limit: int | None = None,
          holdout: int = HOLDOUT, epochs: int = EPOCHS, seed: int = SEED, max_minutes: float = 60.0,
          cache: Path | None = None, depth: int | None = None, learn_rate: float = LEARN_RATE,
          decay: float = DECAY, average: bool = AVERAGE, verbose: bool = False, frames_only: bool = False,
          log: Callable[[str], None] = lambda _: None) -> dict[str, Any]:
    """Train, score on dev (or on the ``holdout`` last training documents), write the weights to
    ``out`` (default: the package's ``attribution_weights``); returns scores and schedule.

    :raises InputError: a corpus file is missing or malformed.
    """
    from spacy.util import fix_random_seed, registry

    from kg.extract.nlp import load_model
    from kg.extract.trained.train import analyse

    started = time.monotonic()
    fix_random_seed(seed)
    rng = random.Random(seed)
    records = read_polnear(corpora / TRAIN_FILE, limit=limit)
    if holdout >= len(records):
        raise InputError(f"--holdout {holdout} leaves nothing to train on ({len(records)} training documents)")
    sm = load_model(trained=False)
    log(f"analysing {len(records)} training texts with the small model")
    train_docs = analyse(records, sm, cache)  # cached whole, then split
    if holdout:
        records, eval_records = records[:-holdout], records[-holdout:]
        train_docs, eval_docs = train_docs[:-holdout], train_docs[-holdout:]
    else:
        eval_records = read_polnear(corpora / DEV_FILE, limit=limit)
        eval_docs = analyse(eval_records, sm, cache)
    target = out or weights_dir()
    frames = count_frames(records, train_docs)
    if frames_only:
        target.mkdir(parents=True, exist_ok=True)
        write_frames(frames, target / FRAMES_FILE)
        return {"frames": len(frames), "train_docs": len(records), "out": str(target / FRAMES_FILE),
                "minutes": round((time.monotonic() - started) / 60, 2)}
    train_examples = examples(records, train_docs)
    nlp = head_pipeline(sm.vocab, **({"depth": depth} if depth is not None else {}))
    settings = {**nlp.config["training"]["optimizer"], "use_averages": average}  # spaCy's Adam, averaging or not
    optimizer = nlp.initialize(lambda: train_examples, sgd=registry.resolve({"sgd": settings})["sgd"])
    optimizer.learn_rate = learn_rate
    updates = [0]

    def decay_rate() -> None:
        updates[0] += 1
        optimizer.learn_rate = learn_rate / (1.0 + decay * updates[0])

    def written() -> Any:  # the weights as they will be written
        return nlp.use_params(optimizer.averages) if average else contextlib.nullcontext()

    scored_on = f"polnear_train last {holdout}" if holdout else "polnear_dev"
    def log_scores() -> None:
        with written():
            log(f"  {scored_on}: {json.dumps(score(eval_records, predict(nlp, eval_docs)))}")

    done = fit(nlp, train_examples, optimizer, rng, epochs=epochs, words=BATCH_WORDS, dropout=DROPOUT,
               component=COMPONENT, started=started, max_minutes=max_minutes, log=log,
               after_epoch=log_scores if verbose else None, after_batch=decay_rate if decay else None)
    with written():
        scores = score(eval_records, predict(nlp, eval_docs))
    nlp.meta["performance"] = {f"{scored_on} (head alone)": scores}
    nlp.meta["newskg"] = {"epochs": done, "seed": seed, "train_docs": len(records), "holdout": holdout,
                          "learn_rate": learn_rate, "decay": decay, "averaged": average,
                          "small_model": f"{sm.meta['name']} {sm.meta['version']}"}
    nlp.meta["sources"] = [{"name": "PolNeAR (Newell, Margolin & Ruths, LREC 2018)",
                            "license": "research use; articles copyrighted by their publishers"}]
    nlp.meta.update(name=NAME.replace("-", "_"), version=VERSION)
    with written():
        write_weights(nlp, target)
    write_frames(frames, target / FRAMES_FILE)
    return {"scores": scores, "scored_on": scored_on, "epochs": done,
            "minutes": round((time.monotonic() - started) / 60, 2), "out": str(target)}


def parse_cached(records: list[dict[str, Any]], nlp: Any, cache: Path | None) -> list[Any]:
    """The default pipeline's analyses of the records' texts, the head's spans included (cached
    by content and pipeline)."""
    import hashlib

    from spacy.tokens import DocBin

    from kg.extract import abbreviations
    from kg.extract.nlp import model_label, parse_all

    texts = [r["text"] for r in records]
    key = hashlib.sha256("\n\x00".join([model_label(nlp), *texts]).encode()).hexdigest()[:16]
    file = cache / f"pipeline-{key}.spacy" if cache else None
    if file and file.is_file():
        return abbreviations.restore(list(DocBin().from_disk(file).get_docs(nlp.vocab)))
    docs = parse_all(nlp, texts)
    if file:
        file.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs, store_user_data=True).to_disk(file)
    return docs


def cue_rows(record: dict[str, Any], doc: Any) -> tuple[list[list[str]], list[int], list[list[str]], list[int]]:
    """Features and labels (heads a gold cue) of every candidate of one article, then of the
    residual candidates (those the cue model scores in :func:`kg.extract.statements.extract_statements`)."""
    from kg.extract import analyse_doc
    from kg.extract.statements import find_quotes, residual_candidates
    from kg.extract.trained.attribution_cues import features, is_candidate, quote_bounds
    from kg.model import Article

    roots = set()
    for b, e, part in gold_spans(record):
        span = doc.char_span(b, e, alignment_mode="expand") if part == "CUE" else None
        if span is not None and len(span):
            roots.add(span.root.i)
    quotes = find_quotes(doc.text)
    bounds = quote_bounds(quotes)
    feats = {t.i: features(t, quotes, bounds) for t in doc if is_candidate(t)}
    residual = residual_candidates(doc, analyse_doc(Article(id=record["id"], text=record["text"]), doc, model="train"))
    return ([feats[i] for i in sorted(feats)], [int(i in roots) for i in sorted(feats)],
            [feats[i] + (["incontent"] if residual[i] else []) for i in sorted(residual)],
            [int(i in roots) for i in sorted(residual)])


def bounds_rows(record: dict[str, Any], doc: Any) -> tuple[list[list[str]], list[int]]:
    """Features and labels of the cue-bounds model (:func:`kg.extract.trained.cue_bounds.rows`)
    for the statements one article's extraction finds with the cue-bounds model switched off."""
    from kg.extract import analyse_doc
    from kg.extract.trained.attribution_cues import using
    from kg.extract.trained.cue_bounds import BOUNDS_FILE, rows
    from kg.model import Article

    with using({BOUNDS_FILE: {}}):
        analysis = analyse_doc(Article(id=record["id"], text=record["text"]), doc, model="train")
    return rows(doc, analysis.statements, [(b, e) for b, e, part in gold_spans(record) if part == "CUE"])


def train_cues(corpora: Path = DEFAULT_CORPORA, out: Path | None = None, *, limit: int | None = None,
               cache: Path | None = None, log: Callable[[str], None] = lambda _: None) -> dict[str, Any]:
    """The cue models (:mod:`kg.extract.trained.attribution_cues`) trained on every PolNeAR
    training document, from the default pipeline's analyses with the shipped head; the two
    tables written to ``out`` (default: the package's ``attribution_weights``); then the
    cue-bounds model (:mod:`kg.extract.trained.cue_bounds`), fitted on the cues the extraction
    finds with the two tables just written.

    :raises InputError: the corpus file is missing or malformed.
    """
    from kg.extract.nlp import load_model
    from kg.extract.trained.attribution_cues import CUE_L2, GATE_FILE, MODEL_FILE, fit, using, write_model
    from kg.extract.trained.attribution_cues import load_model as load_table
    from kg.extract.trained.cue_bounds import BOUNDS_FILE, BOUNDS_L2

    started = time.monotonic()
    records = read_polnear(corpora / TRAIN_FILE, limit=limit)
    log(f"analysing {len(records)} training texts with the default pipeline")
    docs = parse_cached(records, load_model(trained=False), cache)
    rows: list[list[str]] = []
    labels: list[int] = []
    residual: list[list[str]] = []
    residual_labels: list[int] = []
    for rec, doc in zip(records, docs, strict=True):
        r, y, rr, ry = cue_rows(rec, doc)
        rows += r
        labels += y
        residual += rr
        residual_labels += ry
    log(f"fitting on {len(rows)} candidates ({sum(labels)} cue heads), {len(residual)} residual ({sum(residual_labels)})")
    target = out or weights_dir()
    target.mkdir(parents=True, exist_ok=True)
    write_model(fit(rows, labels, l2=CUE_L2), target / GATE_FILE)
    write_model(fit(residual, residual_labels, l2=CUE_L2), target / MODEL_FILE)
    fitted = {name: load_table.__wrapped__(name, target) for name in (GATE_FILE, MODEL_FILE)}
    words: list[list[str]] = []
    inside: list[int] = []
    with using(fitted):
        for rec, doc in zip(records, docs, strict=True):
            r, y = bounds_rows(rec, doc)
            words += r
            inside += y
    log(f"fitting the cue bounds on {len(words)} words ({sum(inside)} in a gold cue)")
    write_model(fit(words, inside, l2=BOUNDS_L2), target / BOUNDS_FILE)
    return {"train_docs": len(records), "candidates": len(rows), "residual": len(residual), "bound_words": len(words),
            "out": [str(target / name) for name in (GATE_FILE, MODEL_FILE, BOUNDS_FILE)],
            "minutes": round((time.monotonic() - started) / 60, 2)}


def main(argv: list[str] | None = None) -> None:
    """``python -m kg.extract.trained.attribution_train``: the same as ``kg train attribution``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--out", type=Path, default=None, help="weights folder [default: the package's]")
    parser.add_argument("--limit", type=int, default=None, help="first N documents of each file")
    parser.add_argument("--holdout", type=int, default=HOLDOUT, help="train without the last N training documents "
                        "and score on them (0: train on all, score on dev)")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--depth", type=int, default=None)
    parser.add_argument("--learn-rate", type=float, default=LEARN_RATE)
    parser.add_argument("--decay", type=float, default=DECAY, help="learning rate / (1 + DECAY * updates)")
    parser.add_argument("--last-weights", action="store_true",
                        help="write the last update's weights, not their averages")
    parser.add_argument("--verbose", action="store_true", help="score after every epoch")
    parser.add_argument("--max-minutes", type=float, default=60.0)
    parser.add_argument("--cache", type=Path, default=None, help="folder for the small model's analyses")
    parser.add_argument("--frames-only", action="store_true", help="write the cue-frame table only")
    parser.add_argument("--cues-only", action="store_true", help="train the cue models only (on every training document)")
    args = parser.parse_args(argv)
    if args.cues_only:
        print(json.dumps(train_cues(args.corpora, args.out, limit=args.limit, cache=args.cache,
                                    log=lambda m: print(m, flush=True)), indent=2))
        return
    result = train(args.corpora, args.out, limit=args.limit, holdout=args.holdout, epochs=args.epochs,
                   seed=args.seed, max_minutes=args.max_minutes, cache=args.cache, depth=args.depth,
                   learn_rate=args.learn_rate, decay=args.decay, average=not args.last_weights,
                   verbose=args.verbose, frames_only=args.frames_only, log=lambda m: print(m, flush=True))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
