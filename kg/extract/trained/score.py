"""Exact-match scores of predicted names against CoNLL-2003 gold, per type (PER, ORG, LOC).

A prediction and a gold name match when document, begin, end and type are equal. Gold MISC
is not scored, and a prediction on exactly a gold MISC span is ignored (as in ``kg eval``).

>>> gold = [[(0, 3, "PER"), (8, 13, "LOC"), (20, 25, "MISC")]]
>>> pred = [[(0, 3, "PERSON"), (8, 13, "ORG"), (20, 25, "NORP"), (30, 34, "DATE")]]
>>> s = score_spans(gold, pred)
>>> s["PER"]["f1"], s["LOC"]["tp"], s["ORG"]["fp"], s["micro"]["f1"]
(1.0, 0, 1, 0.5)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from kg.extract.trained.labels import SCORED

TYPES = ("PER", "ORG", "LOC")


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def score_spans(gold: Iterable[Sequence[tuple[int, int, str]]],
                predicted: Iterable[Sequence[tuple[int, int, str]]]) -> dict[str, dict[str, float | int]]:
    """Per-type and micro P/R/F1 over documents; ``gold`` in CoNLL types, ``predicted`` in the
    head's labels (mapped with :data:`~kg.extract.trained.labels.SCORED`)."""
    counts = {t: [0, 0, 0] for t in TYPES}
    for g_doc, p_doc in zip(gold, predicted, strict=True):
        g = {(b, e, t) for b, e, t in g_doc if t in TYPES}
        ignored = {(b, e) for b, e, t in g_doc if t not in TYPES}
        p = {(b, e, SCORED[label]) for b, e, label in p_doc
             if label in SCORED and (b, e) not in ignored}
        for t in TYPES:
            gt, pt = {x for x in g if x[2] == t}, {x for x in p if x[2] == t}
            counts[t][0] += len(gt & pt)
            counts[t][1] += len(pt - gt)
            counts[t][2] += len(gt - pt)
    scores = {t: _prf(*c) for t, c in counts.items()}
    scores["micro"] = _prf(*(sum(c[i] for c in counts.values()) for i in range(3)))
    return scores
