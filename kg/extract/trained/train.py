"""Train the shared tok2vec and the name head on CoNLL-2003; the command behind ``kg train names``.

    python -m kg.extract.trained.train [--corpora DIR] [--out DIR] [--limit N] [--epochs E]

Steps: the small spaCy model analyses every training and dev text once (tokens, tags, parse and
its entities; cached as DocBin under ``--cache``); the gold names are relabelled and the model's
dates and numbers added as silver (:mod:`kg.extract.trained.labels`); then the trained
components (:func:`kg.extract.trained.heads_pipeline`) are updated for a fixed number of epochs
in a seeded order, and scored on the dev file (exact match, :mod:`kg.extract.trained.score`).
Later heads train in the same loop from their own corpora: each batch updates the shared
tok2vec and only the head whose annotations it carries (``exclude=`` the others).

>>> list(_entity_bounds(["B-ORG", "L-ORG", "O", "U-PER"]))  # entity token ranges of BILUO tags
[(0, 2), (3, 4)]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from kg.extract.trained.loop import fit, read_records, write_weights
from kg.extract.casing import model_text
from kg.extract.trained import NAMES, TOK2VEC, heads_pipeline, weights_dir
from kg.extract.trained.labels import training_spans
from kg.extract.trained.score import score_spans

DEFAULT_CORPORA = Path("../shared/corpora")
TRAIN_FILE, DEV_FILE = "conll2003_train.jsonl", "conll2003_dev.jsonl"
#: Fixed schedule of the shipped weights (the command reproduces them with these defaults).
EPOCHS, SEED, BATCH_WORDS, DROPOUT = 12, 0, 1000, 0.1


def read_conll(path: Path, *, limit: int | None = None) -> list[dict[str, Any]]:
    """CoNLL-2003 records (``id``, ``text``, ``entities``) of a JSONL file.

    :raises InputError: the file is missing or a line is not a record of that shape.
    """
    return read_records(path, lambda rec: {
        "id": rec["id"], "text": rec["text"],
        "entities": [(e["start"], e["end"], e["type"]) for e in rec["entities"]]},
        limit=limit, shape="a CoNLL record with id, text and entities[start, end, type]",
        hint=f"pass --corpora DIR holding {TRAIN_FILE} and {DEV_FILE}")


def analyse(records: list[dict[str, Any]], sm: Any, cache: Path | None) -> list[Any]:
    """The small model's analysis of each record's text (cached by content and model version)."""
    from spacy.tokens import DocBin

    from kg.extract import abbreviations

    texts = [model_text(r["text"]) for r in records]
    key = hashlib.sha256("\n\x00".join(texts).encode()).hexdigest()[:16]
    file = cache / f"{sm.meta['name']}-{sm.meta['version']}-{key}.spacy" if cache else None
    if file and file.is_file():
        return abbreviations.restore(list(DocBin().from_disk(file).get_docs(sm.vocab)))
    docs = list(sm.pipe(texts, batch_size=32))
    if file:
        file.parent.mkdir(parents=True, exist_ok=True)
        DocBin(docs=docs).to_disk(file)
    return docs


def blank_copy(doc: Any) -> Any:
    """A copy of ``doc`` with its entities unset (missing), ready for the trained head."""
    copy = doc.copy()
    copy.set_ents([], default="missing")
    return copy


def examples(records: list[dict[str, Any]], docs: list[Any]) -> list[Any]:
    """Training examples: the small model's analysis without entities, and the relabelled gold."""
    from spacy.training import Example, offsets_to_biluo_tags

    out = []
    for rec, doc in zip(records, docs, strict=True):
        model_spans = [(e.start_char, e.end_char, e.label_) for e in doc.ents
                       if not any(t.is_space for t in e)]  # "1996-08-24\nScores": across lines
        tags = offsets_to_biluo_tags(doc, training_spans(rec["entities"], model_spans))
        for begin, end in _entity_bounds(tags):  # the head cannot cross the parser's sentence ends
            if any(doc[i].is_sent_start for i in range(begin + 1, end)):
                tags[begin:end] = ["-"] * (end - begin)
        out.append(Example.from_dict(blank_copy(doc), {"entities": tags}))
    return out


def _entity_bounds(tags: list[str]) -> Iterator[tuple[int, int]]:
    begin = 0
    for i, tag in enumerate(tags):
        if tag.startswith(("B-", "U-")):
            begin = i
        if tag.startswith(("L-", "U-")):
            yield begin, i + 1



def predict(nlp: Any, docs: list[Any]) -> list[list[tuple[int, int, str]]]:
    """Entities the trained components find in the small model's analyses ``docs``."""
    return [[(e.start_char, e.end_char, e.label_) for e in doc.ents]
            for doc in nlp.pipe((blank_copy(d) for d in docs), batch_size=32)]


def train(corpora: Path = DEFAULT_CORPORA, out: Path | None = None, *, limit: int | None = None,
          epochs: int = EPOCHS, seed: int = SEED, max_minutes: float = 60.0,
          cache: Path | None = None, features: str | None = None,
          log: Callable[[str], None] = lambda _: None) -> dict[str, Any]:
    """Train, score on dev, write the weights to ``out`` (default: the package's weights folder);
    returns the dev scores and the schedule actually run.

    :raises InputError: a corpus file is missing or malformed.
    """
    from spacy.util import fix_random_seed

    from kg.extract.nlp import load_model

    started = time.monotonic()
    fix_random_seed(seed)
    rng = random.Random(seed)
    train_records = read_conll(corpora / TRAIN_FILE, limit=limit)
    dev_records = read_conll(corpora / DEV_FILE, limit=limit)
    sm = load_model(trained=False)
    log(f"analysing {len(train_records)} training and {len(dev_records)} dev texts with the small model")
    train_docs, dev_docs = analyse(train_records, sm, cache), analyse(dev_records, sm, cache)
    train_examples = examples(train_records, train_docs)
    nlp = heads_pipeline(**({"features": features} if features else {}))
    optimizer = nlp.initialize(lambda: train_examples)
    done = fit(nlp, train_examples, optimizer, rng, epochs=epochs, words=BATCH_WORDS, dropout=DROPOUT,
               component=NAMES, started=started, max_minutes=max_minutes, log=log)
    scores = score_spans([r["entities"] for r in dev_records], predict(nlp, dev_docs))
    nlp.meta["performance"] = {"conll2003_dev_exact": scores}
    nlp.meta["newskg"] = {"epochs": done, "seed": seed, "train_docs": len(train_records),
                          "components": [TOK2VEC, NAMES], "small_model": f"{sm.meta['name']} {sm.meta['version']}"}
    nlp.meta["sources"] = [{"name": "CoNLL-2003 (CrossWeigh conllpp)", "license": "research use only (Reuters RCV1)"}]
    target = out or weights_dir()
    write_weights(nlp, target)
    return {"scores": scores, "epochs": done, "minutes": round((time.monotonic() - started) / 60, 2),
            "out": str(target)}


def main(argv: list[str] | None = None) -> None:
    """``python -m kg.extract.trained.train``: the same as ``kg train names``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--out", type=Path, default=None, help="weights folder [default: the package's]")
    parser.add_argument("--limit", type=int, default=None, help="first N documents of each file")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--max-minutes", type=float, default=60.0)
    parser.add_argument("--cache", type=Path, default=None, help="folder for the small model's analyses")
    parser.add_argument("--features", choices=["lexical", "parse"], default=None)
    args = parser.parse_args(argv)
    result = train(args.corpora, args.out, limit=args.limit, epochs=args.epochs, seed=args.seed,
                   max_minutes=args.max_minutes, cache=args.cache, features=args.features,
                   log=lambda m: print(m, flush=True))
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
