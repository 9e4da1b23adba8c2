"""The result of one evaluation run, as data, as a JSON report and as a plain-text table.

>>> t = score([Mention("d", 0, 3, "EVENT")], [Mention("d", 0, 3, "EVENT")], mode="exact")
>>> r = EvalResult(task="events", gold="g.jsonl", format="ecbplus", documents=1, gold_mentions=1,
...                predicted_mentions=1, tables={"exact": t})
>>> print(render_table(r).splitlines()[3])
exact                 EVENT      1.000   1.000   1.000       1       0       0
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.evaluate.bcubed import BCubed
from kg.evaluate.errors_listing import ErrorItem
from kg.evaluate.gold import Mention  # noqa: F401  (used by the example)
from kg.evaluate.score import Score, ScoreTable, score  # noqa: F401


@dataclass
class EvalResult:
    """Everything one ``kg eval`` run measured.

    ``tables`` maps a name ("exact", "overlap", "exact untyped", ...) to its scores;
    ``recall_by_gold_type`` counts found / missed gold mentions per corpus type (overlap match).
    """

    task: str
    gold: str
    format: str
    documents: int
    gold_mentions: int
    predicted_mentions: int
    tables: dict[str, ScoreTable]
    bcubed: BCubed | None = None
    recall_by_gold_type: dict[str, Score] = field(default_factory=dict)
    errors: list[ErrorItem] = field(default_factory=list)
    seconds: float = 0.0
    store: str | None = None
    topics: str | None = None  # ECB+ topics scored ("31-35"), None: all
    notes: list[str] = field(default_factory=list)

    def score(self, table: str = "overlap", label: str | None = None) -> Score:
        """The micro score of a table, or one label's score.

        :raises KeyError: no such table or label.
        """
        t = self.tables[table]
        return t.micro if label is None else t.by_label[label]

    def to_dict(self) -> dict[str, Any]:
        """Plain data, ready for ``json.dump``."""
        return {
            "task": self.task, "gold": self.gold, "format": self.format, "documents": self.documents,
            "gold_mentions": self.gold_mentions, "predicted_mentions": self.predicted_mentions,
            "tables": {name: t.to_dict() for name, t in self.tables.items()},
            "bcubed": self.bcubed.to_dict() if self.bcubed else None,
            "recall_by_gold_type": {k: {"found": s.tp, "missed": s.fn, "recall": round(s.recall, 4)}
                                    for k, s in sorted(self.recall_by_gold_type.items())},
            "errors": [e.to_dict() for e in self.errors],
            "seconds": round(self.seconds, 2), "store": self.store, "topics": self.topics, "notes": list(self.notes),
        }


def write_report(result: EvalResult, path: str | os.PathLike[str]) -> Path:
    """Write the JSON report of a run; returns its path."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return out


def _row(name: str, label: str, s: Score) -> str:
    return (f"{name:<20}  {label:<8} {s.precision:7.3f} {s.recall:7.3f} {s.f1:7.3f} "
            f"{s.tp:7d} {s.fp:7d} {s.fn:7d}")


def render_table(result: EvalResult, *, errors: bool = True) -> str:
    """The scores as a plain-text table (what ``kg eval`` prints)."""
    topics = f", topics {result.topics}" if result.topics else ""
    lines = [f"{result.task} on {Path(result.gold).name} ({result.format}{topics}): {result.documents} documents, "
             f"{result.gold_mentions} gold mentions, {result.predicted_mentions} predicted in scope",
             "",
             f"{'match':<20}  {'label':<8} {'P':>7} {'R':>7} {'F1':>7} {'TP':>7} {'FP':>7} {'FN':>7}"]
    for name, table in result.tables.items():
        labels = sorted(table.by_label)
        if len(labels) > 1:
            lines += [_row(name, label, table.by_label[label]) for label in labels]
            lines.append(_row(name, "micro", table.micro))
        else:
            lines.append(_row(name, labels[0] if labels else "-", table.micro))
    if result.bcubed is not None:
        b = result.bcubed
        what = "event" if result.task == "events" else "actor"
        lines += ["", f"B-cubed, {what} IRIs vs gold chains over {b.mentions} matched mentions: "
                      f"P {b.precision:.3f}  R {b.recall:.3f}  F1 {b.f1:.3f}"]
    if result.recall_by_gold_type:
        lines += ["", "recall by gold type (overlap): " + ", ".join(
            f"{k} {s.recall:.2f} ({s.tp}/{s.tp + s.fn})" for k, s in sorted(result.recall_by_gold_type.items()))]
    if errors and result.errors:
        lines += ["", f"worst errors (top {len(result.errors)}):"]
        for e in result.errors:
            what = f"{e.text!r}" + (f" for gold {e.gold_text!r}" if e.gold_text else "")
            lines.append(f"  {e.count:5d} x {e.kind:<14} {e.label:<7} {what}  [{e.doc}] {e.sentence}")
    lines += [f"note: {n}" for n in result.notes]
    lines.append(f"({result.seconds:.1f} s)")
    return "\n".join(lines)
