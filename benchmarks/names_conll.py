"""Exact F1 of the name tagger on CoNLL-2003 dev (PER, ORG, LOC; MISC not scored), against
the small spaCy model's own ``ner`` on the same texts.

    python benchmarks/names_conll.py ../shared/corpora/conll2003_dev.jsonl [--weights DIR] [--limit N]

Raw entities of the pipeline, before newskg's actor rules (``kg eval --task actors`` scores
those). Labels: PERSON -> PER, ORG -> ORG, GPE/LOC/FAC -> LOC.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from kg.extract import trained
from kg.extract.casing import model_text
from kg.extract.nlp import MODEL_NAMES
from kg.extract.trained.score import TYPES, score_spans
from kg.extract.trained.train import read_conll


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold", type=Path)
    parser.add_argument("--weights", type=Path, default=None, help="[default: the package's]")
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args()
    records = read_conll(args.gold, limit=args.limit)
    texts = [model_text(r["text"]) for r in records]
    gold = [r["entities"] for r in records]
    pipelines = {"small model ner": spacy.load(MODEL_NAMES[0]),
                 "newskg-names": trained.attach(spacy.load(MODEL_NAMES[0]), args.weights)}
    for key, nlp in pipelines.items():
        started = time.perf_counter()
        pred = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.pipe(texts, batch_size=16)]
        s = score_spans(gold, pred)
        print(f"{key} ({len(records)} docs, {time.perf_counter() - started:.0f} s):")
        for t in (*TYPES, "micro"):
            print(f"  {t:5} P {s[t]['p']:.3f} R {s[t]['r']:.3f} F1 {s[t]['f1']:.3f} "
                  f"(TP {s[t]['tp']}, FP {s[t]['fp']}, FN {s[t]['fn']})")


if __name__ == "__main__":
    main()
