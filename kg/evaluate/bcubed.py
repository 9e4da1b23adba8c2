"""B-cubed precision / recall / F1 of predicted clusters (actor IRIs) against gold chains.

Computed over matched mention pairs only (Bagga & Baldwin 1998): for each matched mention,
precision is the share of its predicted cluster that is also in its gold chain, recall the
share of its gold chain that is also in its predicted cluster; both averaged over mentions.
Clusters span documents, so this measures cross-document identity.

>>> g = [Mention("d1", 0, 1, "PER", cluster="A"), Mention("d2", 0, 1, "PER", cluster="A"),
...      Mention("d2", 5, 6, "PER", cluster="B")]
>>> p = [Mention("d1", 0, 1, "PER", cluster="x"), Mention("d2", 0, 1, "PER", cluster="x"),
...      Mention("d2", 5, 6, "PER", cluster="x")]
>>> b = bcubed(list(zip(g, p)))
>>> round(b.precision, 3), round(b.recall, 3), b.mentions
(0.556, 1.0, 3)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from kg.evaluate.gold import Mention


@dataclass(frozen=True)
class BCubed:
    """B-cubed precision, recall and F1 over ``mentions`` matched mentions."""

    precision: float
    recall: float
    mentions: int

    @property
    def f1(self) -> float:
        """The harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float | int]:
        """Rates rounded to 4 places, and the number of mentions."""
        return {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "mentions": self.mentions}


def bcubed(pairs: Sequence[tuple[Mention, Mention]]) -> BCubed:
    """B-cubed over ``(gold, predicted)`` pairs; a mention without a cluster stands alone.

    >>> bcubed([]).f1
    0.0
    """
    if not pairs:
        return BCubed(0.0, 0.0, 0)
    items = [(g.cluster or f"g{i}", p.cluster or f"p{i}") for i, (g, p) in enumerate(pairs)]
    gold_of: dict[str, set[int]] = defaultdict(set)
    pred_of: dict[str, set[int]] = defaultdict(set)
    for i, (gc, pc) in enumerate(items):
        gold_of[gc].add(i)
        pred_of[pc].add(i)
    precision = recall = 0.0
    for gc, pc in items:
        common = len(gold_of[gc] & pred_of[pc])
        precision += common / len(pred_of[pc])
        recall += common / len(gold_of[gc])
    n = len(items)
    return BCubed(precision / n, recall / n, n)
