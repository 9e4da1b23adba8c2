"""One-to-one matching of predicted against gold spans, and precision / recall / F1.

Two modes: ``exact`` (same document, begin and end) and ``overlap`` (greedy one-to-one on
overlapping spans, the largest overlap first, ties broken by position). ``typed`` also
requires the same label. Predictions are a set: a span predicted twice with the same label
counts once, so duplicates cannot inflate the true positives; a second, different span on
the same gold mention is a false positive.

>>> g = [Mention("d", 0, 6, "PER"), Mention("d", 14, 19, "PER")]
>>> p = [Mention("d", 0, 6, "PER"), Mention("d", 0, 6, "PER"), Mention("d", 13, 19, "PER")]
>>> score(g, p, mode="exact").micro.as_tuple()
(1, 1, 1)
>>> score(g, p, mode="overlap").micro.f1
1.0
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from kg.errors import EvaluationError
from kg.evaluate.gold import Mention

MODES = ("exact", "overlap")


@dataclass
class Score:
    """True positives, false positives and false negatives, with P / R / F1 (0.0 when undefined).

    >>> s = Score(3, 1, 2)
    >>> round(s.precision, 2), round(s.recall, 2), round(s.f1, 3)
    (0.75, 0.6, 0.667)
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """TP / (TP + FP)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """TP / (TP + FN)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_tuple(self) -> tuple[int, int, int]:
        """``(tp, fp, fn)``."""
        return self.tp, self.fp, self.fn

    def to_dict(self) -> dict[str, float | int]:
        """Counts and rates, rates rounded to 4 places."""
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass
class ScoreTable:
    """Scores per label plus their micro-average, and the matching behind them."""

    mode: str
    typed: bool
    by_label: dict[str, Score] = field(default_factory=dict)
    pairs: list[tuple[Mention, Mention]] = field(default_factory=list)
    false_positives: list[Mention] = field(default_factory=list)
    misses: list[Mention] = field(default_factory=list)

    @property
    def micro(self) -> Score:
        """The micro-average: counts summed over labels."""
        return Score(sum(s.tp for s in self.by_label.values()), sum(s.fp for s in self.by_label.values()),
                     sum(s.fn for s in self.by_label.values()))

    def to_dict(self) -> dict[str, object]:
        """Plain data for the JSON report."""
        return {"mode": self.mode, "typed": self.typed, "micro": self.micro.to_dict(),
                "by_label": {k: v.to_dict() for k, v in sorted(self.by_label.items())}}


def overlap(a: Mention, b: Mention) -> int:
    """Characters two spans share (0 when they do not overlap or lie in different documents).

    >>> overlap(Mention("d", 0, 6, "X"), Mention("d", 4, 9, "X"))
    2
    """
    return max(0, min(a.end, b.end) - max(a.begin, b.begin)) if a.doc == b.doc else 0


def _key(m: Mention, typed: bool) -> tuple[str, int, int, str]:
    return m.doc, m.begin, m.end, m.label if typed else ""


def unique(mentions: Iterable[Mention], *, typed: bool = True) -> list[Mention]:
    """One mention per (document, span[, label]), the first in sorted order kept.

    >>> len(unique([Mention("d", 0, 2, "PER"), Mention("d", 0, 2, "ORG")], typed=False))
    1
    """
    seen: dict[tuple[str, int, int, str], Mention] = {}
    for m in sorted(mentions):
        seen.setdefault(_key(m, typed), m)
    return list(seen.values())


def match(gold: Sequence[Mention], pred: Sequence[Mention], *, mode: str,
          typed: bool = True) -> list[tuple[int, int]]:
    """One-to-one pairs ``(gold index, prediction index)``.

    :raises EvaluationError: unknown mode.

    >>> match([Mention("d", 0, 10, "X")], [Mention("d", 0, 3, "X"), Mention("d", 2, 10, "X")], mode="overlap")
    [(0, 1)]
    """
    if mode not in MODES:
        raise EvaluationError(f"unknown match mode {mode!r}; expected one of {', '.join(MODES)}")
    if mode == "exact":
        index = {_key(p, typed): j for j, p in reversed(list(enumerate(pred)))}
        pairs, used = [], set()
        for i, g in enumerate(gold):
            j = index.get(_key(g, typed))
            if j is not None and j not in used:
                used.add(j)
                pairs.append((i, j))
        return pairs
    by_doc: dict[str, list[int]] = defaultdict(list)
    for j, p in enumerate(pred):
        by_doc[p.doc].append(j)
    candidates = []
    for i, g in enumerate(gold):
        for j in by_doc.get(g.doc, ()):
            p = pred[j]
            n = overlap(g, p)
            if n and (not typed or g.label == p.label):
                exact = (g.begin, g.end) == (p.begin, p.end)
                candidates.append((-n, not exact, g.begin, g.end, p.begin, p.end, i, j))
    candidates.sort()
    pairs, gold_used, pred_used = [], set(), set()
    for *_, i, j in candidates:
        if i not in gold_used and j not in pred_used:
            gold_used.add(i)
            pred_used.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def score(gold: Iterable[Mention], pred: Iterable[Mention], *, mode: str, typed: bool = True,
          ignore: Callable[[Mention], bool] | None = None) -> ScoreTable:
    """Match predictions to gold one to one and count per label.

    A true positive counts under the gold label, a miss under the gold label, a false
    positive under the predicted label (all under ``"ALL"`` when not ``typed``).
    ``ignore(prediction)`` drops unmatched predictions that must not count as false
    positives (e.g. ones on a gold mention of a type that is not scored).
    """
    gold_l, pred_l = unique(gold, typed=typed), unique(pred, typed=typed)
    pairs = match(gold_l, pred_l, mode=mode, typed=typed)
    table = ScoreTable(mode, typed)

    def at(label: str) -> Score:
        return table.by_label.setdefault(label if typed else "ALL", Score())

    for m in gold_l:
        at(m.label)
    matched_g, matched_p = {i for i, _ in pairs}, {j for _, j in pairs}
    for i, j in pairs:
        at(gold_l[i].label).tp += 1
        table.pairs.append((gold_l[i], pred_l[j]))
    for i, g in enumerate(gold_l):
        if i not in matched_g:
            at(g.label).fn += 1
            table.misses.append(g)
    for j, p in enumerate(pred_l):
        if j not in matched_p and not (ignore and ignore(p)):
            at(p.label).fp += 1
            table.false_positives.append(p)
    return table
